/* News-text rules of the coder (src/code/coder.c) found by error analysis on
 * wire copy: announced (future) acts, negation of pattern codes, reported
 * clauses, and how pattern tokens and targets read agent-only noun
 * phrases. Small inline PETRARCH-2 style dictionaries (patterns with
 * (...), like data/verbs.txt) and hand-written trees of invented
 * sentences. */
#include <stdio.h>
#include <string.h>

#include "tactest.h"
#include "util/util.h"

static const char VERBS[] =
    "--- SAY [010] ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "--- STATE [---] ---\n"
    "STATE\n"
    "--- ACCEPT [---] ---\n"
    "ACCEPT\n"
    "- * (MORE REFUGEES) [075]\n"
    "--- STOP [---] ---\n"
    "STOP\n"
    "- * (AID TO +) [162]\n"
    "- NOT * (AID TO +) [070]\n"
    "--- RELEASE [0841] ---\n"
    "RELEASE\n"
    "--- EXCHANGE [---] ---\n"
    "EXCHANGE\n"
    "- * (PRISONERS WITH +) [0841:0841]\n"
    "--- VISIT [042:043] ---\n"
    "VISIT\n"
    "--- GIVE [070] ---\n"
    "GIVE {GAVE GIVEN GIVES}\n"
    "- * (AID TO +) [073]\n"
    "--- WITHDRAW [---] ---\n"
    "WITHDRAW\n"
    "- * (PEACEKEEPERS FROM +) [1661]\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "--- BLOCKADE [191] ---\n"
    "BLOCKADE\n"
    "--- BOYCOTT [163] ---\n"
    "BOYCOTT\n"
    "--- CRITICIZE [111] ---\n"
    "CRITICIZE\n"
    "--- HOLD [---] ---\n"
    "HOLD {HELD HOLDS HOLDING}\n"
    "- * (TALKS WITH +) [040]\n"
    "- * (TALKS IN ^) [044]\n"
    "--- SIGN [057] ---\n"
    "SIGN\n"
    "- % * TREATY [057:057]\n"
    "- * {TRADE TREATY} [061]\n"
    "--- AGREE [030] ---\n"
    "AGREE\n"
    "--- THREATEN [130] ---\n"
    "THREATEN\n"
    "--- DENY [016] ---\n"
    "DENY\n"
    "--- PRAISE [051] ---\n"
    "PRAISE\n"
    "--- FORCE [170] ---\n"
    "FORCE\n"
    "--- ARREST [173] ---\n"
    "ARREST\n"
    "- * + [173]\n"
    "--- ENGAGE [---] ---\n"
    "ENGAGE\n"
    "- * (IN FIGHTING IN +) [190]\n"
    "~ a (a b Q) DENY = a b 016\n";

static const char ACTORS[] =
    "GONDOR [GON]\n"
    "+GONDORIAN\n"
    "ARNOR [ARN]\n"
    "+ARNORIAN\n"
    "ROHAN [ROH]\n"
    "MORDOR [MOR]\n"
    "MINAS_TIRITH [GONGOV]\n"
    "WHITE_COUNCIL [IGOWHC]\n"
    "HALBARAD_\n"
    "\t[ARNGOV]\n";

static const char AGENTS[] =
    "GOVERNMENT [~GOV]\n"
    "LEADER [~GOV]\n"
    "OFFICIAL [~GOV]\n"
    "PARTY [~PTY]\n"
    "REBEL [~REB]\n"
    "REFUGEE [~REF]\n"
    "POLICE {} [~COP]\n"
    "ARMY {} [~MIL]\n";

typedef tactest_coder fixture;

TACTEST_CODER_FIXTURE(VERBS, ACTORS, AGENTS)

/* "SRC TGT CODE;..." */
static const char *code(fixture *f, const char *tree)
{
    return tactest_code(f, "2025-10-07", tree);
}

/* An act announced for the future is the intent (03x) or the threat (13x). */
static void future_acts_are_intents_or_threats(void **state)
{
    fixture *f = *state;
    /* done: the act itself */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD released) "
                                "(NP (NNP Arnorian) (NNS rebels))) (. .)))"),
                        "GON ARNREB 0841");
    /* announced: intent to release */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (VP (VB release) "
                                "(NP (NNP Arnorian) (NNS rebels)))) (. .)))"),
                        "GON ARNREB 0353");
    /* a pattern's code and both sides of a two-way code */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD would) (VP (VB give) "
                                "(NP (NN aid)) (PP (TO to) (NP (NNP Arnor))))) (. .)))"),
                        "GON ARN 0333");
    /* a scheduled visit is the visit (both sides of a two-way code) */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (VP (VB visit) "
                                "(NP (NNP Arnor)))) (. .)))"),
                        "GON ARN 042;ARN GON 043");
    /* two-way codes: both sides become the intent */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (VP (VB exchange) "
                                "(NP (NNS prisoners)) (PP (IN with) (NP (NNP Arnor))))) (. .)))"),
                        "GON ARN 0353;ARN GON 0353");
    /* conflict: the threat of it */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (VP (VB withdraw) "
                                "(NP (NNS peacekeepers)) (PP (IN from) (NP (NNP Arnor))))) "
                                "(. .)))"),
                        "GON ARN 136");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD would) (VP (VB blockade) "
                                "(NP (NNP Arnor)))) (. .)))"),
                        "GON ARN 1381");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (VP (VB attack) "
                                "(NP (NNP Arnor)))) (. .)))"),
                        "GON ARN 1384");
    /* under another auxiliary: "would be boycotting" */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD would) (VP (VB be) "
                                "(VP (VBG boycotting) (NP (NNP Arnor))))) (. .)))"),
                        "GON ARN 1312");
    /* "is going to", "plans to", "is set to" announce the act too; "is
     * not going to" is no act at all */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBZ is) (VP (VBG going) (S (VP "
                                "(TO to) (VP (VB attack) (NP (NNP Arnor))))))) (. .)))"),
                        "GON ARN 1384");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBZ plans) (S (VP (TO to) (VP "
                                "(VB release) (NP (NNP Arnorian) (NNS rebels)))))) (. .)))"),
                        "GON ARNREB 0353");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBZ is) (RB not) (VP (VBG going) "
                                "(S (VP (TO to) (VP (VB attack) (NP (NNP Arnor))))))) (. .)))"),
                        "");
    /* other heads of a "to" clause tell of acts done */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD continued) (S (VP (TO to) "
                                "(VP (VB attack) (NP (NNP Arnor)))))) (. .)))"),
                        "GON ARN 190");
    /* threatening to do it is the same threat */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD threatened) (S (VP (TO to) "
                                "(VP (VB boycott) (NP (NNP Arnor)))))) (. .)))"),
                        "GON ARN 1312");
    /* verbal acts stay what they are */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (VP (VB criticize) "
                                "(NP (NNP Arnor)))) (. .)))"),
                        "GON ARN 111");
    /* a modal of another clause does not count */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Arnor)) "
                                "(SBAR (IN before) (S (NP (NNP Rohan)) (VP (MD would) "
                                "(VP (VB react)))))) (. .)))"),
                        "GON ARN 190");
}

/* A negation the pattern did not spell out negates the pattern's code. */
static void negation_applies_to_pattern_codes(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD accepted) "
                                "(NP (JJR more) (NNS refugees))) (. .)))"),
                        "");   /* no target: require_dyad */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD accepted) "
                                "(NP (JJR more) (NNS refugees)) (PP (IN from) (NP (NNP Arnor)))) "
                                "(. .)))"),
                        "GON ARN 075");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (MD will) (RB not) (VP (VB accept) "
                                "(NP (JJR more) (NNS refugees)) (PP (IN from) (NP (NNP Arnor))))) "
                                "(. .)))"),
                        "GON ARN 122");
    /* a withdrawn intent is a rejection; other acts not done are no event,
     * nor is what they govern */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBZ has) (RB not) (VP (VBN agreed) "
                                "(S (VP (TO to) (VP (VB visit) (NP (NNP Arnor))))))) (. .)))"),
                        "GON ARN 125");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD did) (RB not) (VP (VB attack) "
                                "(NP (NNP Arnor)))) (. .)))"),
                        "");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD did) (RB not) (VP (VB threaten) "
                                "(S (VP (TO to) (VP (VB attack) (NP (NNP Arnor))))))) (. .)))"),
                        "");
    /* "not only ... but also" negates nothing */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBZ has) (RB not) (ADVP (RB only)) "
                                "(VP (VBN attacked) (NP (NNP Arnor)))) (. .)))"),
                        "GON ARN 190");
    /* the pattern spelt the negation: its code stands */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD did) (RB not) (VP (VB stop) "
                                "(NP (NN aid)) (PP (TO to) (NP (NNP Arnor))))) (. .)))"),
                        "GON ARN 070");
}

/* "A said B must act": A's demand on B (or appeal, with "should"); an
 * obligation nobody reports is no event. */
static void obligations_are_demands_of_the_reporter(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (SBAR (IN that) (S "
                                "(NP (NNP Arnor)) (VP (MD must) (VP (VB release) (NP (DT the) "
                                "(NNS rebels))))))) (. .)))"),
                        "GON ARN 1053");
    /* a reporting verb that codes nothing itself; "should" is an appeal */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD stated) (SBAR (S "
                                "(NP (NNP Arnor)) (VP (MD should) (VP (VB attack) "
                                "(NP (NNP Rohan))))))) (. .)))"),
                        "GON ARN 020");
    /* an obligation of the speaker itself, or of nobody known, is no event */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD stated) (SBAR (S "
                                "(NP (PRP it)) (VP (MD must) (VP (VB attack) "
                                "(NP (NNP Rohan))))))) (. .)))"),
                        "");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (MD must) (VP (VB release) "
                                "(NP (DT the) (NNS rebels)) (PP (IN of) (NP (NNP Rohan))))) "
                                "(. .)))"),
                        "");
}

/* A bare statement reporting a clause that codes an event of its own gives
 * way to that event ("Police said rebels attacked the army"). */
static void reported_events_replace_the_statement(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNS Police)) (VP (VBD said) (SBAR (S "
                                "(NP (NNP Arnorian) (NNS rebels)) (VP (VBD attacked) "
                                "(NP (DT the) (NNP Gondorian) (NN army)))))) (. .)))"),
                        "ARNREB GONMIL 190");
    /* every verb of the clause */
    assert_string_equal(code(f, "(ROOT (S (NP (NNS Police)) (VP (VBD said) (SBAR (S "
                                "(NP (NNP Arnorian) (NNS rebels)) (VP (VP (VBD attacked) "
                                "(NP (NNP Gondor))) (CC and) (VP (VBD criticized) (NP (NNP Rohan))))))) "
                                "(. .)))"),
                        "ARNREB GON 190;ARNREB ROH 111");
    /* the reported clause's own tense */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (SBAR (S "
                                "(NP (NNP Arnor)) (VP (MD would) (VP (VB attack) "
                                "(NP (NNP Rohan))))))) (. .)))"),
                        "ARN ROH 1384");
    /* a clause with no event of its own: the statement stays */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (SBAR (S "
                                "(NP (NNP Arnor)) (VP (VBD was) (ADJP (JJ calm)))))) (. .)))"),
                        "GON ARN 010");
}

/* A pattern token on an agent-only noun phrase inside a larger one that
 * names an actor means the larger one. */
static void pattern_tokens_take_the_whole_description(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD held) (NP (NNS talks)) "
                                "(PP (IN with) (NP (NP (NNS leaders)) (PP (IN of) (NP (NP "
                                "(NNP Arnor) (POS 's)) (NN government)))))) (. .)))"),
                        "GON ARNGOV 040");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD held) (NP (NNS talks)) "
                                "(PP (IN with) (NP (NP (DT the) (NN party) (POS 's)) (NN leader) "
                                "(NNP Halbarad)))) (. .)))"),
                        "GON ARNGOV 040");
    /* an agent-only phrase on its own stays what it is */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD held) (NP (NNS talks)) "
                                "(PP (IN with) (NP (DT the) (NNS rebels)))) (. .)))"),
                        "GON ---REB 040");
}

/* An agent-only target followed in the verb phrase by "in" + an actor (a
 * prepositional phrase the parser attached to the verb) is that actor's. */
static void agent_targets_take_the_place_they_are_in(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD criticized) "
                                "(NP (DT the) (NNS rebels)) (PP (IN in) (NP (NNP Arnor)))) (. .)))"),
                        "GON ARNREB 111");
    /* inside a prepositional phrase of the verb, and as a pattern token */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD held) (NP (NNS talks)) "
                                "(PP (IN with) (NP (DT the) (NNS rebels))) (PP (IN in) "
                                "(NP (NNP Arnor)))) (. .)))"),
                        "GON ARNREB 040");
    /* other prepositions do not say whose it is; actors keep their code */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD criticized) "
                                "(NP (DT the) (NNS rebels)) (PP (IN from) (NP (NNP Arnor)))) (. .)))"),
                        "GON ---REB 111");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD criticized) "
                                "(NP (NNP Rohan)) (PP (IN in) (NP (NNP Arnor)))) (. .)))"),
                        "GON ROH 111");
    /* a capital coded as its government gives its country, not the government */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) "
                                "(NP (DT the) (NNS rebels)) (PP (IN in) (NP (NNP Minas) "
                                "(NNP Tirith)))) (. .)))"),
                        "ARN GONREB 111");
}

/* A compound subject the "% *" pattern found acts on itself even when a
 * longer pattern without "%" wins and names no target. */
static void compounds_survive_longer_patterns(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD signed) "
                                "(NP (DT a) (NN treaty))) (. .)))"),
                        "GON ARN 057;ARN GON 057");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD signed) "
                                "(NP (DT a) (NN trade) (NN treaty))) (. .)))"),
                        "GON ARN 061;ARN GON 061");
    /* with a target, the target */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD signed) "
                                "(NP (DT a) (NN trade) (NN treaty)) (PP (IN with) (NP (NNP Rohan)))) "
                                "(. .)))"),
                        "GON ROH 061;ARN ROH 061");
}

/* "Gondor condemned and criticized Arnor": a bare conjunct verb shares the
 * object of the verb phrase conjoined after it, unless that object is the
 * subject's own ("its ..."). */
static void bare_conjunct_verbs_share_the_object(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VP (VBD praised)) (CC and) "
                                "(VP (VBD criticized) (NP (NNP Arnor)))) (. .)))"),
                        "GON ARN 051;GON ARN 111");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VP (VBD praised) (NP (NNP Rohan))) "
                                "(CC and) (VP (VBD criticized) (NP (NNP Arnor)))) (. .)))"),
                        "GON ROH 051;GON ARN 111");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VP (VBD praised)) (CC and) "
                                "(VP (VBD criticized) (NP (PRP$ its) (NN army)))) (. .)))"),
                        "");
}

/* What the source's own pronoun names ("its army") is the source's, not
 * another actor; a place ("in Rohan") is no one a compound acts on. */
static void own_phrases_and_places_are_not_targets(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD criticized) (NP (PRP$ its) "
                                "(NN army)) (PP (IN for) (S (VP (VBG attacking) (NP (NNP Arnor)))))) "
                                "(. .)))"),
                        "GON ARN 111");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD denied) (SBAR (IN that) (S "
                                "(NP (PRP$ its) (NN army)) (VP (VBD attacked) (NP (NNP Arnor)))))) "
                                "(. .)))"),
                        "GON ARN 016");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD signed) "
                                "(NP (DT a) (NN treaty)) (PP (IN in) (NP (NNP Rohan)))) (. .)))"),
                        "GON ARN 057;ARN GON 057");
}

/* A parenthesis after a named actor restates it: no second actor. */
static void parentheses_add_no_second_actor(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD praised) (NP (NP (NNP Arnor)) "
                                "(PRN (-LRB- -LRB-) (NP (NNP Rohan)) (-RRB- -RRB-)))) (. .)))"),
                        "GON ARN 051");
    /* after an uncoded name it is the name */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD praised) (NP (NP (DT the) "
                                "(NN alliance)) (PRN (-LRB- -LRB-) (NP (NNP Rohan)) (-RRB- -RRB-)))) "
                                "(. .)))"),
                        "GON ROH 051");
}

/* "We" and "our" in a quotation are its speaker. */
static void quoted_first_person_is_the_speaker(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (S (`` ``) (NP (PRP We)) (VP (VBD attacked) (NP (NNP Arnor)))) "
                                "(, ,) ('' '') (NP (NNP Gondor)) (VP (VBD said)) (. .)))"),
                        "GON ARN 190");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD said)) (: :) (`` ``) (S (NP "
                                "(PRP$ Our) (NN army)) (VP (VBD attacked) (NP (NNP Arnor)))) (. .) "
                                "('' '')))"),
                        "GONMIL ARN 190");
    /* no quotation, no speaker */
    assert_string_equal(code(f, "(ROOT (S (S (NP (PRP We)) (VP (VBD attacked) (NP (NNP Arnor)))) "
                                "(, ,) (NP (NNP Gondor)) (VP (VBD said)) (. .)))"),
                        "");
}

/* A passive without its agent: the subject underwent the act and the doer
 * is not named, so no dyad ("Gondorian nationals were arrested in Arnor"
 * is not Gondor arresting Arnor); with "by" the agent is the source. A
 * participle that states its subject's condition is no passive. */
static void agentless_passives_name_no_source(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (JJ Gondorian) (NNS nationals)) (VP (VBD were) "
                                "(VP (VBN arrested) (PP (IN in) (NP (NNP Arnor))))) (. .)))"),
                        "");
    assert_string_equal(code(f, "(ROOT (S (NP (JJ Gondorian) (NNS nationals)) (VP (VBD were) "
                                "(VP (VBN arrested) (PP (IN by) (NP (NNP Arnor))))) (. .)))"),
                        "ARN GON 173");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD was) (VP (VBN engaged) "
                                "(PP (IN in) (NP (NP (NN fighting)) (PP (IN in) (NP (NNP Mordor))))))) "
                                "(. .)))"),
                        "ROH MOR 190");
}

/* '^' in a pattern passes over an actor that is no party ("held talks
 * (IN ^)": the place), so it cannot come back as the free target. */
static void skipped_actors_are_no_targets(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD held) (NP (NNS talks)) "
                                "(PP (IN in) (NP (NNP Mordor)))) (. .)))"),
                        "");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD held) (NP (NNS talks)) "
                                "(PP (IN with) (NP (NNP Rohan))) (PP (IN in) (NP (NNP Mordor)))) "
                                "(. .)))"),
                        "GON ROH 040");
}

/* "the two governments" names the pair before it with its own agent, in
 * place of a bare ---GOV beside them. */
static void references_back_keep_their_agents(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (S (NP (NNP Gondor)) (VP (VBD praised) (NP (NNP Arnor)))) "
                                "(CC and) (S (NP (DT the) (CD two) (NNS governments)) (VP (VBD signed) "
                                "(NP (DT a) (NN treaty)))) (. .)))"),
                        "GON ARN 051;GONGOV ARNGOV 057;ARNGOV GONGOV 057");
}

/* A pattern's '+' on the possessor ("talks with [Arnor 's] leader") means
 * the whole description, as in a subject. */
static void pattern_actors_take_the_whole_possessive(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD held) (NP (NNS talks)) "
                                "(PP (IN with) (NP (NP (NNP Arnor) (POS 's)) (NN leader)))) (. .)))"),
                        "GON ARNGOV 040");
}

/* The passive's agent where the parser hung it: on the complement ("was
 * forced to resign by Arnor"), or behind a participle ("attacked by a
 * bomb planted by Mordor"). */
static void passive_agents_found_where_the_parser_left_them(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (JJ Gondorian) (NN leader)) (VP (VBD was) (VP (VBN forced) "
                                "(S (VP (TO to) (VP (VB resign) (PP (IN by) (NP (NNP Arnor)))))))) "
                                "(. .)))"),
                        "ARN GONGOV 170");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD was) (VP (VBN attacked) "
                                "(PP (IN by) (NP (NP (DT a) (NN bomb)) (VP (VBN planted) "
                                "(PP (IN by) (NP (NNP Mordor)))))))) (. .)))"),
                        "MOR ROH 190");
}

/* What might happen ("if", "whether", "unless" clauses) is not coded as
 * having happened. */
static void hypothetical_clauses_are_not_events(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (SBAR (IN If) (S (NP (NNP Mordor)) (VP (VBZ attacks) "
                                "(NP (NNP Rohan))))) (, ,) (NP (NNP Gondor)) (VP (MD will) (VP (VB praise) "
                                "(NP (NNP Arnor)))) (. .)))"),
                        "GON ARN 032");   /* the praise announced; no attack */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Mordor)) (VP (VBD attacked) (NP (NNP Rohan))) (. .)))"),
                        "MOR ROH 190");
}

/* An organisation's officials are the organisation; a country's are its
 * government. */
/* The passive's agent is the source even where a pattern's '+' took it,
 * and an agent-only agent takes the country it is in. */
static void passive_agents_are_sources(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (JJ Gondorian) (NNS nationals)) (VP (VBD were) "
                                "(VP (VBN arrested) (PP (IN by) (NP (NNS rebels))) (PP (IN in) "
                                "(NP (NNP Arnor))))) (. .)))"),
                        "ARNREB GON 173");
}

static void officials_of_organisations(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (DT The) (NNP White) (NNP Council) (NNS officials)) "
                                "(VP (VBD praised) (NP (NNP Rohan))) (. .)))"),
                        "IGOWHC ROH 051");
    assert_string_equal(code(f, "(ROOT (S (NP (JJ Gondorian) (NNS officials)) "
                                "(VP (VBD praised) (NP (NNP Rohan))) (. .)))"),
                        "GONGOV ROH 051");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(future_acts_are_intents_or_threats),
        cmocka_unit_test(negation_applies_to_pattern_codes),
        cmocka_unit_test(obligations_are_demands_of_the_reporter),
        cmocka_unit_test(reported_events_replace_the_statement),
        cmocka_unit_test(pattern_tokens_take_the_whole_description),
        cmocka_unit_test(agent_targets_take_the_place_they_are_in),
        cmocka_unit_test(compounds_survive_longer_patterns),
        cmocka_unit_test(bare_conjunct_verbs_share_the_object),
        cmocka_unit_test(own_phrases_and_places_are_not_targets),
        cmocka_unit_test(parentheses_add_no_second_actor),
        cmocka_unit_test(quoted_first_person_is_the_speaker),
        cmocka_unit_test(agentless_passives_name_no_source),
        cmocka_unit_test(skipped_actors_are_no_targets),
        cmocka_unit_test(references_back_keep_their_agents),
        cmocka_unit_test(pattern_actors_take_the_whole_possessive),
        cmocka_unit_test(passive_agents_found_where_the_parser_left_them),
        cmocka_unit_test(hypothetical_clauses_are_not_events),
        cmocka_unit_test(officials_of_organisations),
        cmocka_unit_test(passive_agents_are_sources),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
