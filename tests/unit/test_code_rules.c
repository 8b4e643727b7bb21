/* Coding rules of the coder (src/code/coder.c), one test per rule, with a
 * small inline dictionary set and hand-written Penn Treebank trees. */
#include <stdio.h>
#include <string.h>

#include "tactest.h"
#include "util/util.h"

static const char VERBS[] =
    "&NEGATION\n"
    "+WILL NOT\n"
    "+DID N'T\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "- &NEGATION * [111]\n"
    "--- SAY [023] ---\n"
    "SAY {SAYS SAID}\n"
    "--- URGE [102] ---\n"
    "URGE\n"
    "--- HELP [070] ---\n"
    "HELP\n"
    "--- TRY [---] ---\n"
    "TRY\n"
    "--- CONDEMN [122] ---\n"
    "CONDEMN\n"
    "--- PROMISE [050] ---\n"
    "PROMISE\n"
    "--- MEET [031:031] ---\n"
    "MEET {MET}\n"
    "- % * [036]\n"
    "--- AGREE [030] ---\n"
    "AGREE\n"
    "- * WITH % [031]\n"
    "--- FREE [066] ---\n"
    "FREE\n"
    "- + * FROM $ [067]\n"
    "--- INTEND [030] ---\n"
    "INTEND\n"
    "--- VISIT [042:043] ---\n"
    "VISIT\n"
    "--- THREATEN [130] ---\n"
    "THREATEN\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "--- CELEBRATE [181] ---\n"
    "CELEBRATE\n"
    "- * EID AT ^ WITH + [043]\n"
    "~ a (b . ATTACK) SAY = a b 112\n"
    "~ a (a b ATTACK) SAY = a b 015\n";

static const char ACTORS[] =
    "ARNOR [ARN]\n"
    "GONDOR [GON]\n"
    "ROHAN [ROH]\n"
    "MORDOR [MOR]\n"
    "UNITED_NATIONS [IGOUNO]\n"
    "GOLLUM\n"
    "\t[HOB <950601]\n"
    "\t[HOBGOV 950601-990815]\n"
    "\t[HOBREB >990816]\n";

static const char AGENTS[] =
    "GOVERNMENT [~GOV]\n"
    "MINISTER [~GOV]\n"
    "SOLDIER [~MIL]\n"
    "POLICE {} [~COP]\n"
    "HUMAN_RIGHTS_GROUP [NGO~]\n";

typedef tactest_coder fixture;

TACTEST_CODER_FIXTURE(VERBS, ACTORS, AGENTS)

static const char *code_on(fixture *f, const char *date, const char *tree)
{
    return tactest_code(f, date, tree);
}

static const char *code(fixture *f, const char *tree) { return code_on(f, "1995-01-01", tree); }

static void source_is_subject_target_first_actor_after_verb(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) (NNS ties)) "
                                "(PP (IN with) (NP (NNP Gondor)))) (. .)))"),
                        "ARN GON 064");
    /* no target: nothing (require_dyad) */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)))))"), "");
}

static void every_event_field_is_filled(void **state)
{
    fixture *f = *state;
    tac_sentence_input in = {.parse = "(ROOT (S (NP (NNP Arnor) (NN government)) (VP (VBD condemned) "
                             "(NP (DT the) (NNP United) (NNPS Nations)))))",
                             .date = "1995-01-01", .doc_id = "doc-1", .sentence = 3, .text = "the sentence"};
    const tac_event *ev;
    size_t n;
    tac_error err;
    assert_int_equal(tac_coder_code_parse(f->c, &in, &ev, &n, NULL, &err), TAC_OK);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].doc_id, "doc-1");
    assert_int_equal(ev[0].sentence, 3);
    assert_string_equal(ev[0].date, "1995-01-01");
    assert_string_equal(ev[0].source, "ARNGOV");
    assert_string_equal(ev[0].source_root, "ARN");
    assert_string_equal(ev[0].source_agent, "GOV");
    assert_string_equal(ev[0].target, "IGOUNO");      /* root = first 3-letter block */
    assert_string_equal(ev[0].target_root, "IGO");
    assert_string_equal(ev[0].target_agent, "");
    assert_string_equal(ev[0].cameo, "122");
    assert_string_equal(ev[0].text, "the sentence");
    assert_string_equal(ev[0].verb_pattern, "CONDEMN");
    assert_non_null(strstr(ev[0].verb_where, ":16"));   /* file:line of the verb */
    assert_non_null(strstr(ev[0].source_entry, "ARNOR [ARN]"));
    assert_non_null(strstr(ev[0].target_entry, "UNITED_NATIONS [IGOUNO]"));
}

static void agents_compose_with_actors(void **state)
{
    fixture *f = *state;
    /* possessive actor + suffix agent; prefix agent; agent in NP, actor in PP */
    assert_string_equal(code(f, "(ROOT (S (NP (NP (NNP Arnor) (POS 's)) (NN minister)) "
                                "(VP (VBD condemned) (NP (NN human) (NNS rights) (NN group) (NNP Rohan)))))"),
                        "ARNGOV NGOROH 122");
    assert_string_equal(code(f, "(ROOT (S (NP (NP (NNS Soldiers)) (PP (IN from) (NP (NNP Gondor)))) "
                                "(VP (VBD condemned) (NP (NNP Mordor)))))"),
                        "GONMIL MOR 122");
    /* an agent alone is an actor of its own, ---AGENT */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (DT the) (NN police)))))"),
                        "ARN ---COP 122");
}

static void compounds_give_one_event_per_pair(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Rohan))) "
                                "(VP (VBD condemned) (NP (NP (NNP Gondor)) (CC and) (NP (NNP Mordor))))))"),
                        "ARN GON 122;ARN MOR 122;ROH GON 122;ROH MOR 122");
    /* agents joined by a conjunction apply to the actor separately */
    assert_string_equal(code(f, "(ROOT (S (NP (JJ Arnor) (NNS soldiers) (CC and) (NN police)) "
                                "(VP (VBD condemned) (NP (NNP Mordor)))))"),
                        "ARNMIL MOR 122;ARNCOP MOR 122");
}

static void passive_voice_swaps_by_phrase(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN condemned) "
                                "(PP (IN by) (NP (NNP Gondor)))))))"),
                        "GON ARN 122");
}

static void pronouns_take_an_antecedent(void **state)
{
    fixture *f = *state;
    /* "it" refers to the first actor of the sentence: as the target of
     * "said" it would be Arnor itself, so the next actor is taken */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) "
                                "(VP (MD would) (VP (VB restore) (NP (NNS ties)) (PP (IN with) "
                                "(NP (NNP Gondor))))))))))"),
                        "ARN GON 023");
    /* the complement's subject is the pronoun; with no verb above coding,
     * "restore" codes with the antecedent */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD hoped) (SBAR (S (NP (PRP it)) "
                                "(VP (MD would) (VP (VB restore) (NP (NNS ties)) (PP (IN with) "
                                "(NP (NNP Gondor))))))))))"),
                        "ARN GON 064");
    /* a possessive pronoun yields to a named actor in the same phrase */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NP (PRP$ its) "
                                "(NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))"),
                        "ARN GON 064");
}

static void subjectless_complements_inherit_the_subject(void **state)
{
    fixture *f = *state;
    /* "is about to restore": the auxiliary codes nothing, restore takes Arnor */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) "
                                "(VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))))))))"),
                        "ARN GON 064");
    /* "tried to restore": a null-coded verb lets the lower verb code */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD tried) (S (VP (TO to) "
                                "(VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))))"),
                        "ARN GON 064");
}

static void coded_verb_covers_its_complement(void **state)
{
    fixture *f = *state;
    /* "urged Rohan to help Gondor": one event, urge (102) refined by help
     * (070) to demand aid (103), towards the one urged */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD urged) (NP (NNP Rohan)) "
                                "(S (VP (TO to) (VP (VB help) (NP (NNP Gondor))))))))"),
                        "ARN ROH 103");
    /* reported speech: "said" codes with the first actor of the clause */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S "
                                "(NP (NNP Rohan)) (VP (VBD condemned) (NP (NNP Gondor))))))))"),
                        "ARN ROH 023");
}

static void coordinated_verb_phrases_share_the_subject(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VP (VBD condemned) (NP (NNP Mordor))) "
                                "(CC and) (VP (VBD promised) (NP (NN aid)) (PP (TO to) (NP (NNP Rohan)))))))"),
                        "ARN MOR 122;ARN ROH 050");
}

static void verb_plus_verb_combinations(void **state)
{
    fixture *f = *state;
    /* intend (030) + visit (042): intend to meet, 036; the target is the visit's */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBZ intends) (S (VP (TO to) "
                                "(VP (VB visit) (NP (NNP Gondor))))))))"),
                        "ARN GON 036");
    /* threaten (130) + attack (190): threaten with military force, 138 */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD threatened) (S (VP (TO to) "
                                "(VP (VB attack) (NP (NNP Gondor))))))))"),
                        "ARN GON 138");
    /* no CAMEO combination: the upper verb's code stands (urge + help) */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD urged) (NP (NNP Rohan)) "
                                "(S (VP (TO to) (VP (VB attack) (NP (NNP Gondor))))))))"),
                        "ARN ROH 102");
}

static void transformations_rewrite_reported_events(void **state)
{
    fixture *f = *state;
    /* "A said B attacked C" = A accuses B (112) */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S "
                                "(NP (NNP Rohan)) (VP (VBD attacked) (NP (NNP Gondor))))))))"),
                        "ARN ROH 112");
    /* "A said it attacked B" = A claims the attack on B (015) */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S "
                                "(NP (PRP it)) (VP (VBD attacked) (NP (NNP Gondor))))))))"),
                        "ARN GON 015");
}

static void negation_turns_cooperation_into_rejection(void **state)
{
    fixture *f = *state;
    /* "will not visit" = refuse to meet (125) */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (RB not) (VP (VB visit) "
                                "(NP (NNP Gondor))))))"),
                        "ARN GON 125");
    /* a conflictual verb keeps its code */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB not) (VP (VB attack) "
                                "(NP (NNP Gondor))))))"),
                        "ARN GON 190");
}

static void negation_patterns(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (RB not) (VP (VB restore) "
                                "(NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))"),
                        "ARN GON 111");
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB n't) (VP (VB restore) "
                                "(NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))"),
                        "ARN GON 111");
}

static void designated_actor_tokens(void **state)
{
    fixture *f = *state;
    /* + before the verb is the target, $ after FROM the source */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN freed) "
                                "(PP (IN from) (NP (NNP Mordor)))))))"),
                        "MOR ARN 067");
    /* ^ skips an actor */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD celebrated) (NP (NNP Eid)) "
                                "(PP (IN at) (NP (NNP Rohan))) (PP (IN with) (NP (NNP Gondor))))))"),
                        "ARN GON 043");
    /* % before the verb: the members of the compound act on each other */
    assert_string_equal(code(f, "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Rohan))) "
                                "(VP (VBD met))))"),
                        "ARN ROH 036;ROH ARN 036");
    /* % after the verb: the compound is the target */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Mordor)) (VP (VBZ agrees) (PP (IN with) "
                                "(NP (NP (NNP Arnor)) (CC and) (NP (NNP Rohan)))))))"),
                        "MOR ARN 031;MOR ROH 031");
    /* a paired code codes both directions */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (PP (IN with) (NP (NNP Rohan))))))"),
                        "ARN ROH 031;ROH ARN 031");
}

static void actor_codes_follow_the_sentence_date(void **state)
{
    fixture *f = *state;
    const char *t = "(ROOT (S (NP (NNP Gollum)) (VP (VBD condemned) (NP (NNP Mordor)))))";
    assert_string_equal(code_on(f, "1990-03-04", t), "HOB MOR 122");
    assert_string_equal(code_on(f, "1997-03-04", t), "HOBGOV MOR 122");
    assert_string_equal(code_on(f, "2003-03-04", t), "HOBREB MOR 122");
}

static void options_require_dyad_and_new_actors(void **state)
{
    fixture *f = *state;
    const char *t = "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (DT the) (NN decision)))))";
    assert_string_equal(code(f, t), "");
    tac_coder_options o;
    tac_coder_options_default(&o);
    o.require_dyad = false;
    tac_coder_set_options(f->c, &o);
    assert_string_equal(code(f, t), "ARN --- 122");
    /* but there must be a noun phrase to stand in for the target */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP-TMP (NN today)))))"), "");
    o.require_dyad = true;
    o.new_actor_length = 2;
    tac_coder_set_options(f->c, &o);
    assert_string_equal(code(f, t), "ARN THE DECISION 122");
    tac_coder_options_default(&o);
    tac_coder_set_options(f->c, &o);
}

static void comma_clauses_can_be_ignored(void **state)
{
    fixture *f = *state;
    const char *t = "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (NNP Gondor)))) (, ,) "
                    "(S (NP (NNP Rohan)) (VP (VBD condemned) (NP (NNP Mordor)))) (. .)))";
    assert_string_equal(code(f, t), "ARN GON 122;ROH MOR 122");
    tac_coder_options o;
    tac_coder_options_default(&o);
    o.comma_emin = 2;
    o.comma_emax = 8;                 /* a trailing clause of 2..8 words */
    tac_coder_set_options(f->c, &o);
    assert_string_equal(code(f, t), "ARN GON 122");
    o.comma_emin = 4;                 /* "Rohan condemned Mordor" is too short */
    tac_coder_set_options(f->c, &o);
    assert_string_equal(code(f, t), "ARN GON 122;ROH MOR 122");
    /* commas inside a list of noun phrases never delimit a clause */
    o.comma_emin = 1;
    tac_coder_set_options(f->c, &o);
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (NP (NNP Gondor)) "
                                "(, ,) (NP (NNP Rohan)) (CC and) (NP (NNP Mordor)))) (. .)))"),
                        "ARN GON 122;ARN ROH 122;ARN MOR 122");
    tac_coder_options_default(&o);
    tac_coder_set_options(f->c, &o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(source_is_subject_target_first_actor_after_verb),
        cmocka_unit_test(every_event_field_is_filled),
        cmocka_unit_test(agents_compose_with_actors),
        cmocka_unit_test(compounds_give_one_event_per_pair),
        cmocka_unit_test(passive_voice_swaps_by_phrase),
        cmocka_unit_test(pronouns_take_an_antecedent),
        cmocka_unit_test(subjectless_complements_inherit_the_subject),
        cmocka_unit_test(coded_verb_covers_its_complement),
        cmocka_unit_test(coordinated_verb_phrases_share_the_subject),
        cmocka_unit_test(verb_plus_verb_combinations),
        cmocka_unit_test(transformations_rewrite_reported_events),
        cmocka_unit_test(negation_turns_cooperation_into_rejection),
        cmocka_unit_test(negation_patterns),
        cmocka_unit_test(designated_actor_tokens),
        cmocka_unit_test(actor_codes_follow_the_sentence_date),
        cmocka_unit_test(options_require_dyad_and_new_actors),
        cmocka_unit_test(comma_clauses_can_be_ignored),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
