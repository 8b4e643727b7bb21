/* Tests for the shallow parser (src/parse): the tree shapes the coder
 * relies on, and robustness on malformed input. Sentences are given with
 * their tags ("word/TAG ...") so they do not depend on the tagger. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "parse/parse.h"

#define MAX_TOKENS 2048

typedef struct tagged {
    char        buf[65536];
    const char *forms[MAX_TOKENS];
    const char *tags[MAX_TOKENS];
    size_t      n;
} tagged;

/* Splits "Arnor/NNP restored/VBD ties/NNS ./." at spaces and the last '/'. */
static void split_tagged(tagged *t, const char *text)
{
    snprintf(t->buf, sizeof t->buf, "%s", text);
    t->n = 0;
    for (char *tok = strtok(t->buf, " "); tok; tok = strtok(NULL, " ")) {
        char *slash = strrchr(tok, '/');
        assert_non_null(slash);
        *slash = '\0';
        assert_true(t->n < MAX_TOKENS);
        t->forms[t->n] = tok;
        t->tags[t->n] = slash + 1;
        t->n++;
    }
}

typedef struct fixture {
    tac_parser *parser;
    tac_arena   arena;
    tagged      sent;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    tac_error err;
    f->parser = tac_parser_new(&err);
    if (!f->parser)
        return -1;
    tac_arena_init(&f->arena, 1 << 16);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tac_parser_free(f->parser);
    tac_arena_free(&f->arena);
    free(f);
    return 0;
}

/* Parses a tagged sentence and checks the tree is well formed: one tree,
 * its leaves exactly the input tokens with their tags. */
static const char *parse(fixture *f, const char *text)
{
    split_tagged(&f->sent, text);
    const char *tree = NULL;
    tac_error err = {0};
    assert_int_equal(tac_parse_tokens(f->parser, f->sent.forms, f->sent.tags, f->sent.n,
                                      &tree, &err), TAC_OK);
    assert_non_null(tree);
    tac_ptb_tree t;
    tac_arena_reset(&f->arena);
    assert_true(tac_ptb_read(tree, &f->arena, &t, &err));
    assert_int_equal(t.n_leaves, f->sent.n);
    for (size_t i = 0; i < f->sent.n; i++) {
        assert_int_equal(t.leaves[i].word_len, strlen(f->sent.forms[i]));
        assert_memory_equal(t.leaves[i].word, f->sent.forms[i], t.leaves[i].word_len);
        assert_memory_equal(t.leaves[i].tag, f->sent.tags[i], t.leaves[i].tag_len);
    }
    /* balanced brackets, nothing after the tree */
    long depth = 0;
    for (const char *s = tree; *s; s++) {
        depth += *s == '(';
        depth -= *s == ')';
        assert_true(depth >= 0);
        if (depth == 0)
            assert_true(s[1] == '\0');
    }
    assert_int_equal(depth, 0);
    assert_true(strncmp(tree, "(ROOT ", 6) == 0);
    return tree;
}

#define assert_has(tree, piece)                                                   \
    do {                                                                          \
        if (!strstr((tree), (piece)))                                             \
            fail_msg("tree %s\n  lacks %s", (tree), (piece));                     \
    } while (0)

#define assert_lacks(tree, piece)                                                 \
    do {                                                                          \
        if (strstr((tree), (piece)))                                              \
            fail_msg("tree %s\n  has %s", (tree), (piece));                       \
    } while (0)

/* Span check over leaf positions: the phrase `label` covers [start, end). */
static void assert_span(fixture *f, const char *tree, const char *label, uint32_t start,
                        uint32_t end)
{
    tac_ptb_tree t;
    tac_error err;
    tac_arena_reset(&f->arena);
    assert_true(tac_ptb_read(tree, &f->arena, &t, &err));
    if (!tac_ptb_has_span(&t, label, start, end))
        fail_msg("tree %s\n  has no %s over tokens [%u, %u)", tree, label, start, end);
}

/* ---- subject, verb, object, PP ---------------------------------------- */

static void test_simple_clause(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Arnor/NNP restored/VBD full/JJ diplomatic/JJ ties/NNS "
                             "with/IN Gondor/NNP ./.");
    assert_string_equal(t, "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) "
                           "(JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) "
                           "(. .)))");
}

static void test_pp_attaches_to_vp(void **state)
{
    fixture *f = *state;
    /* with/to/against after the object hang off the VP, where the coder
     * looks for targets */
    const char *t = parse(f, "The/DT army/NN launched/VBD an/DT offensive/NN against/IN "
                             "the/DT rebels/NNS on/IN Monday/NNP ./.");
    assert_has(t, "(VP (VBD launched) (NP (DT an) (NN offensive)) (PP (IN against) "
                  "(NP (DT the) (NNS rebels))) (PP (IN on) (NP (NNP Monday))))");
    t = parse(f, "Bree/NNP sent/VBD aid/NN to/TO Rohan/NNP ./.");
    assert_has(t, "(VP (VBD sent) (NP (NN aid)) (PP (TO to) (NP (NNP Rohan))))");
}

static void test_of_pp_stays_in_np(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "The/DT ambassadors/NNS of/IN Arnor/NNP met/VBD the/DT "
                             "president/NN of/IN Gondor/NNP ./.");
    assert_has(t, "(S (NP (NP (DT The) (NNS ambassadors)) (PP (IN of) (NP (NNP Arnor)))) "
                  "(VP (VBD met)");
    assert_has(t, "(NP (NP (DT the) (NN president)) (PP (IN of) (NP (NNP Gondor))))");
}

static void test_subject_with_pp(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Soldiers/NNS from/IN Gondor/NNP attacked/VBD Mordor/NNP ./.");
    assert_has(t, "(S (NP (NP (NNS Soldiers)) (PP (IN from) (NP (NNP Gondor)))) "
                  "(VP (VBD attacked) (NP (NNP Mordor)))");
}

static void test_possessive(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "China/NNP 's/POS leader/NN visited/VBD Pyongyang/NNP ./.");
    assert_has(t, "(NP (NP (NNP China) (POS 's)) (NN leader))");
    t = parse(f, "Gondor/NNP welcomed/VBD the/DT state/NN 's/POS fiercest/JJS foe/NN ./.");
    assert_has(t, "(NP (NP (DT the) (NN state) (POS 's)) (JJS fiercest) (NN foe))");
}

/* ---- verb groups ------------------------------------------------------ */

static void test_passive(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "The/DT embassy/NN was/VBD attacked/VBN by/IN protesters/NNS "
                             "./.");
    assert_string_equal(t, "(ROOT (S (NP (DT The) (NN embassy)) (VP (VBD was) (VP (VBN "
                           "attacked) (PP (IN by) (NP (NNS protesters))))) (. .)))");
}

static void test_auxiliaries_nest(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "It/PRP has/VBZ been/VBN noted/VBN that/IN Gondor/NNP "
                             "has/VBZ delayed/VBN the/DT meeting/NN ./.");
    assert_has(t, "(VP (VBZ has) (VP (VBN been) (VP (VBN noted) (SBAR (IN that) (S (NP "
                  "(NNP Gondor)) (VP (VBZ has) (VP (VBN delayed) (NP (DT the) (NN meeting))))"
                  "))))");
}

static void test_negation(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Arnor/NNP will/MD not/RB attack/VB Gondor/NNP ./.");
    assert_has(t, "(VP (MD will) (RB not) (VP (VB attack) (NP (NNP Gondor))))");
    t = parse(f, "Rohan/NNP did/VBD n't/RB sign/VB the/DT treaty/NN ./.");
    assert_has(t, "(VP (VBD did) (RB n't) (VP (VB sign) (NP (DT the) (NN treaty))))");
    t = parse(f, "Rohan/NNP never/RB attacked/VBD Gondor/NNP ./.");
    assert_has(t, "(VP (RB never) (VBD attacked) (NP (NNP Gondor)))");
}

static void test_infinitive(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Arnor/NNP agreed/VBD to/TO visit/VB Gondor/NNP ./.");
    assert_has(t, "(VP (VBD agreed) (S (VP (TO to) (VP (VB visit) (NP (NNP Gondor))))))");
    /* object control: the object stays an NP sibling of the infinitive */
    t = parse(f, "Calenardhon/NNP urged/VBD Bree/NNP to/TO help/VB ./.");
    assert_has(t, "(VP (VBD urged) (NP (NNP Bree)) (S (VP (TO to) (VP (VB help)))))");
}

static void test_is_about_to(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Arnor/NNP is/VBZ about/IN to/TO restore/VB ties/NNS "
                             "with/IN Gondor/NNP ./.");
    assert_has(t, "(VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB restore) "
                  "(NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))))))");
}

static void test_particle(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Crowds/NNS burned/VBD down/RP the/DT embassy/NN ./.");
    assert_has(t, "(VP (VBD burned) (PRT (RP down)) (NP (DT the) (NN embassy)))");
}

/* ---- coordination ----------------------------------------------------- */

static void test_conjoined_nouns_flat(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Gondor/NNP and/CC Osgiliath/NNP postponed/VBD talks/NNS ./.");
    assert_has(t, "(S (NP (NNP Gondor) (CC and) (NNP Osgiliath)) (VP (VBD postponed)");
    t = parse(f, "Mordor/NNP ,/, Rohan/NNP ,/, Fornost/NNP and/CC Bree/NNP "
                 "welcomed/VBD it/PRP ./.");
    assert_has(t, "(NP (NNP Mordor) (, ,) (NNP Rohan) (, ,) (NNP Fornost) (CC and) "
                  "(NNP Bree))");
}

static void test_conjoined_phrases_nested(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "The/DT government/NN and/CC the/DT rebels/NNS signed/VBD "
                             "a/DT truce/NN ./.");
    assert_has(t, "(S (NP (NP (DT The) (NN government)) (CC and) (NP (DT the) (NNS rebels)))"
                  " (VP (VBD signed)");
    /* in object position: an NP list, not the start of a new clause */
    t = parse(f, "Arnor/NNP met/VBD the/DT president/NN and/CC his/PRP$ ministers/NNS ./.");
    assert_has(t, "(VP (VBD met) (NP (NP (DT the) (NN president)) (CC and) (NP (PRP$ his) "
                  "(NNS ministers))))");
}

static void test_vp_coordination(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "The/DT government/NN condemned/VBD the/DT attack/NN and/CC "
                             "promised/VBD aid/NN to/TO the/DT villages/NNS ./.");
    assert_has(t, "(VP (VP (VBD condemned) (NP (DT the) (NN attack))) (CC and) (VP (VBD "
                  "promised) (NP (NN aid)) (PP (TO to) (NP (DT the) (NNS villages)))))");
}

static void test_clause_coordination(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Arnor/NNP attacked/VBD Gondor/NNP and/CC Rohan/NNP "
                             "condemned/VBD the/DT attack/NN ./.");
    assert_has(t, "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) "
                  "(CC and) (S (NP (NNP Rohan)) (VP (VBD condemned)");
}

/* ---- clauses ---------------------------------------------------------- */

static void test_said_that(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "The/DT US/NNP said/VBD that/IN Iraq/NNP had/VBD attacked/VBN "
                             "Kuwait/NNP ./.");
    assert_string_equal(t, "(ROOT (S (NP (DT The) (NNP US)) (VP (VBD said) (SBAR (IN that) "
                           "(S (NP (NNP Iraq)) (VP (VBD had) (VP (VBN attacked) (NP (NNP "
                           "Kuwait))))))) (. .)))");
}

static void test_said_bare_clause(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Obama/NNP said/VBD Wednesday/NNP he/PRP would/MD not/RB "
                             "help/VB Israel/NNP ./.");
    assert_has(t, "(VP (VBD said) (NP-TMP (NNP Wednesday)) (SBAR (S (NP (PRP he)) (VP (MD "
                  "would) (RB not) (VP (VB help) (NP (NNP Israel)))))))");
}

static void test_reporting_frame(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Arnor/NNP signed/VBD an/DT accord/NN with/IN Gondor/NNP ,/, "
                             "a/DT senior/JJ official/NN said/VBD on/IN Saturday/NNP ./.");
    assert_string_equal(t, "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD signed) (NP (DT an) (NN "
                           "accord)) (PP (IN with) (NP (NNP Gondor))))) (, ,) (NP (DT a) (JJ "
                           "senior) (NN official)) (VP (VBD said) (PP (IN on) (NP (NNP "
                           "Saturday)))) (. .)))");
    /* the subject of the frame is a conjoined NP, not a list continuing the object */
    t = parse(f, "Rebels/NNS attacked/VBD troops/NNS on/IN Saturday/NNP ,/, defense/NN "
                 "and/CC military/JJ officials/NNS said/VBD ./.");
    assert_has(t, "(, ,) (NP (NP (NN defense)) (CC and) (NP (JJ military) (NNS officials))) "
                  "(VP (VBD said)) (. .)))");
}

static void test_according_to(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Rebels/NNS seized/VBD the/DT town/NN ,/, according/VBG to/TO "
                             "the/DT army/NN ./.");
    assert_has(t, "(PP (VBG according) (PP (TO to) (NP (DT the) (NN army))))");
    assert_has(t, "(S (NP (NNS Rebels)) (VP (VBD seized)");
}

static void test_subordinate_clause(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Gondor/NNP postponed/VBD the/DT meeting/NN after/IN a/DT "
                             "hobbit/NN was/VBD reported/VBN missing/JJ ./.");
    assert_has(t, "(VP (VBD postponed) (NP (DT the) (NN meeting)) (SBAR (IN after) (S (NP "
                  "(DT a) (NN hobbit)) (VP (VBD was) (VP (VBN reported)");
    t = parse(f, "Because/IN talks/NNS failed/VBD ,/, Rohan/NNP attacked/VBD ./.");
    assert_has(t, "(ROOT (S (SBAR (IN Because) (S (NP (NNS talks)) (VP (VBD failed)))) "
                  "(, ,) (NP (NNP Rohan)) (VP (VBD attacked)) (. .)))");
    /* "after" with a plain noun phrase is a preposition */
    t = parse(f, "Gondor/NNP met/VBD Rohan/NNP after/IN the/DT war/NN ./.");
    assert_has(t, "(PP (IN after) (NP (DT the) (NN war)))");
}

static void test_relative_clause(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Arnor/NNP expelled/VBD the/DT diplomat/NN who/WP "
                             "insulted/VBD the/DT king/NN ./.");
    assert_has(t, "(NP (NP (DT the) (NN diplomat)) (SBAR (WHNP (WP who)) (S (VP (VBD "
                  "insulted) (NP (DT the) (NN king))))))");
    t = parse(f, "Gondor/NNP took/VBD a/DT step/NN that/WDT holds/VBZ advantages/NNS ./.");
    assert_has(t, "(NP (NP (DT a) (NN step)) (SBAR (WHNP (WDT that)) (S (VP (VBZ holds) "
                  "(NP (NNS advantages))))))");
}

static void test_appositive_subject(void **state)
{
    fixture *f = *state;
    const char *t = parse(f, "Osgiliath/NNP ,/, the/DT state/NN 's/POS foe/NN ,/, "
                             "attacked/VBD Gondor/NNP ./.");
    assert_has(t, "(S (NP (NP (NNP Osgiliath)) (, ,) (NP (NP (DT the) (NN state) (POS 's)) "
                  "(NN foe)) (, ,)) (VP (VBD attacked) (NP (NNP Gondor)))");
    const char *s = parse(f, "Arnor/NNP signed/VBD a/DT deal/NN with/IN Dagolath/NNP ,/, "
                             "its/PRP$ biggest/JJS partner/NN ./.");
    assert_has(s, "(PP (IN with) (NP (NP (NNP Dagolath)) (, ,) (NP (PRP$ its) (JJS biggest) "
                  "(NN partner))))");
}

static void test_subject_participle_phrase(void **state)
{
    fixture *f = *state;
    /* the participle's object does not take the clause's verb */
    const char *t = parse(f, "Kravonian/JJ jets/NNS including/VBG attack/NN helicopters/NNS "
                             "bombed/VBD Ulgrad/NNP ./.");
    assert_has(t, "(S (NP (NP (JJ Kravonian) (NNS jets)) (VP (VBG including) (NP (NN attack) "
                  "(NNS helicopters)))) (VP (VBD bombed) (NP (NNP Ulgrad))) (. .))");
    /* an appositive keeps its PPs and its closing comma */
    const char *s = parse(f, "Arnor/NNP ,/, an/DT ally/NN in/IN the/DT war/NN ,/, has/VBZ "
                             "refused/VBN to/TO help/VB ./.");
    assert_has(s, "(S (NP (NP (NNP Arnor)) (, ,) (NP (NP (DT an) (NN ally)) (PP (IN in) "
                  "(NP (DT the) (NN war)))) (, ,)) (VP (VBZ has)");
}

static void test_noun_phrase_heads(void **state)
{
    fixture *f = *state;
    /* a participle after "the" heads its noun phrase */
    const char *t = parse(f, "Medics/NNS evacuated/VBD the/DT wounded/VBN from/IN "
                             "Ulgrad/NNP ./.");
    assert_has(t, "(VP (VBD evacuated) (NP (DT the) (VBN wounded)) (PP (IN from)");
    /* coordinated adjectives before the object's noun */
    const char *s = parse(f, "Rebels/NNS demanded/VBD political/JJ and/CC cultural/JJ "
                             "autonomy/NN ./.");
    assert_has(s, "(VP (VBD demanded) (NP (ADJP (JJ political) (CC and) (JJ cultural)) "
                  "(NN autonomy)))");
    /* ... also with an adverb in the second conjunct */
    const char *a = parse(f, "Arnor/NNP is/VBZ Gondor/NNP 's/POS closest/JJS and/CC most/RBS "
                             "loyal/JJ ally/NN ./.");
    assert_has(a, "(ADJP (JJS closest) (CC and) (RBS most) (JJ loyal)) (NN ally))");
    /* "up to" a number starts the subject */
    const char *u = parse(f, "Up/RB to/TO 500/CD prisoners/NNS began/VBD a/DT strike/NN ./.");
    assert_has(u, "(S (NP (RB Up) (TO to) (CD 500) (NNS prisoners)) (VP (VBD began)");
}

static void test_subject_boundaries(void **state)
{
    fixture *f = *state;
    /* an appositive with a parenthesis before the verb */
    const char *t = parse(f, "The/DT rebel/NN group/NN ,/, Sons/NNS of/IN Ulgrad/NNP "
                             "-LRB-/-LRB- SOU/NNP -RRB-/-RRB- ,/, attacked/VBD Arnor/NNP ./.");
    assert_has(t, "(, ,)) (VP (VBD attacked) (NP (NNP Arnor)))");
    /* a list in a leading PP stops where the subject starts */
    const char *s = parse(f, "After/IN talks/NNS on/IN trade/NN ,/, the/DT government/NN "
                             "and/CC the/DT rebels/NNS have/VBP agreed/VBN ./.");
    assert_has(s, "(, ,) (NP (NP (DT the) (NN government)) (CC and) (NP (DT the) (NNS rebels))) "
                  "(VP (VBP have)");
    /* a PP whose object is a PP */
    const char *u = parse(f, "Crowds/NNS from/IN across/IN the/DT country/NN marched/VBD ./.");
    assert_has(u, "(PP (IN from) (PP (IN across) (NP (DT the) (NN country))))) (VP (VBD marched))");
    /* a plural subject whose verb the tagger read as a noun: the tree shows
     * the repaired tag, so the leaf-checking parse() is not used */
    split_tagged(&f->sent, "Kravonian/JJ negotiators/NNS return/NN to/TO Ulgrad/NNP ./.");
    const char *v = NULL;
    tac_error err;
    assert_int_equal(tac_parse_tokens(f->parser, f->sent.forms, f->sent.tags, f->sent.n,
                                      &v, &err), TAC_OK);
    assert_has(v, "(VP (VBP return) (PP (TO to) (NP (NNP Ulgrad))))");
}

static void test_object_modifiers(void **state)
{
    fixture *f = *state;
    /* after a verb taking no clause, "noun signed/VBD in" is a reduced relative */
    const char *t = parse(f, "Arnor/NNP violated/VBD the/DT truce/NN signed/VBD in/IN "
                             "Bree/NNP ./.");
    assert_has(t, "(NP (NP (DT the) (NN truce)) (VP (VBD signed) (PP (IN in) (NP (NNP Bree)))))");
    /* ... after a reporting verb it is still a clause */
    const char *s = parse(f, "Arnor/NNP said/VBD the/DT rebels/NNS attacked/VBD in/IN "
                             "Bree/NNP ./.");
    assert_has(s, "(SBAR (S (NP (DT the) (NNS rebels)) (VP (VBD attacked)");
    /* an adverb and a participle inside a noun phrase */
    const char *u = parse(f, "They/PRP lifted/VBD the/DT recently/RB imposed/VBN curfew/NN ./.");
    assert_has(u, "(NP (DT the) (RB recently) (VBN imposed) (NN curfew))");
    /* a temporal noun after the object is no part of it; the subject's is
     * left in the subject, where the coder expects it */
    const char *w = parse(f, "Arnor/NNP visited/VBD Gondor/NNP today/NN ./.");
    assert_has(w, "(VP (VBD visited) (NP (NNP Gondor)) (NP-TMP (NN today)))");
    const char *x = parse(f, "Arnor/NNP today/NN visited/VBD Gondor/NNP ./.");
    assert_has(x, "(S (NP (NNP Arnor) (NN today)) (VP (VBD visited)");
    const char *y = parse(f, "Arnor/NNP said/VBD today/NN ./.");
    assert_has(y, "(VP (VBD said) (NP-TMP (NN today)))");
    const char *z = parse(f, "Arnor/NNP called/VBD for/IN Gondor/NNP late/JJ Sunday/NNP "
                             "to/TO leave/VB ./.");
    assert_has(z, "(PP (IN for) (NP (NNP Gondor))) (NP-TMP (JJ late) (NNP Sunday))");
    /* quoted words inside a noun phrase; the phrase ends with the quote */
    const char *q = parse(f, "Arnor/NNP approved/VBD a/DT ``/`` special/JJ law/NN ''/'' "
                             "banning/VBG parties/NNS ./.");
    assert_has(q, "(NP (DT a) (`` ``) (JJ special) (NN law) ('' '')) (S (VP (VBG banning)");
    /* a list of participle phrases */
    const char *l = parse(f, "They/PRP accused/VBD Arnor/NNP of/IN burning/VBG farms/NNS ,/, "
                             "killing/VBG cattle/NNS and/CC poisoning/VBG wells/NNS ./.");
    assert_has(l, "(S (VP (VP (VBG burning) (NP (NNS farms))) (, ,) (VP (VBG killing) (NP "
                  "(NNS cattle))) (CC and) (VP (VBG poisoning) (NP (NNS wells)))))");
    /* a parenthesis before the head noun */
    const char *r = parse(f, "The/DT Umma/NNP -LRB-/-LRB- Nation/NNP -RRB-/-RRB- party/NN "
                             "protested/VBD ./.");
    assert_has(r, "(S (NP (NP (DT The) (NNP Umma)) (PRN (-LRB- -LRB-) (NP (NNP Nation)) "
                  "(-RRB- -RRB-)) (NN party)) (VP (VBD protested))");
    /* an epithet stays inside the name */
    const char *e = parse(f, "Radagast/NNP the/DT Brown/NNP called/VBD ./.");
    assert_has(e, "(S (NP (NNP Radagast) (DT the) (NNP Brown)) (VP (VBD called))");
    /* "because of" is a preposition */
    const char *v = parse(f, "Arnor/NNP banned/VBD the/DT party/NN because/IN of/IN "
                             "its/PRP$ crimes/NNS ./.");
    assert_has(v, "(PP (IN because) (IN of) (NP (PRP$ its) (NNS crimes)))");
}

static void test_quantifiers_and_gerund_subjects(void **state)
{
    fixture *f = *state;
    /* a verb after the noun of a subject's PP is the clause's verb */
    const char *w = parse(f, "The/DT sheep/NN of/IN Gondor/NNP warned/VBD of/IN the/DT "
                             "floods/NNS ./.");
    assert_has(w, "(PP (IN of) (NP (NNP Gondor)))) (VP (VBD warned) (PP (IN of)");
    /* a participle and adjectives before an object noun */
    const char *x = parse(f, "Arnor/NNP will/MD abandon/VB improved/VBN economic/JJ "
                             "global/JJ ties/NNS ./.");
    assert_has(x, "(VP (VB abandon) (NP (VBN improved) (JJ economic) (JJ global) (NNS ties)))");
    /* "at least N" starts a noun phrase, not a PP */
    const char *t = parse(f, "At/IN least/JJS five/CD soldiers/NNS were/VBD killed/VBN ./.");
    assert_has(t, "(S (NP (IN At) (JJS least) (CD five) (NNS soldiers)) (VP (VBD were)");
    /* "more than N" too */
    const char *m = parse(f, "They/PRP freed/VBD more/JJR than/IN 30/CD prisoners/NNS ./.");
    assert_has(m, "(VP (VBD freed) (NP (JJR more) (IN than) (CD 30) (NNS prisoners)))");
    /* "X along with Y" stays the subject */
    const char *s = parse(f, "Arnor/NNP along/RB with/IN its/PRP$ allies/NNS "
                             "attacked/VBD Bree/NNP ./.");
    assert_has(s, "(S (NP (NP (NNP Arnor)) (PP (RB along) (PP (IN with) (NP (PRP$ its) "
                  "(NNS allies))))) (VP (VBD attacked)");
    /* a gerund phrase as the subject of a clause */
    const char *u = parse(f, "He/PRP said/VBD that/IN lifting/VBG the/DT ban/NN is/VBZ "
                             "impossible/JJ ./.");
    assert_has(u, "(SBAR (IN that) (S (S (VP (VBG lifting) (NP (DT the) (NN ban)))) "
                  "(VP (VBZ is)");
    /* "before" + a subject with a "to" PP + a verb is a clause */
    const char *v = parse(f, "They/PRP must/MD agree/VB before/IN aid/NN to/TO the/DT "
                             "region/NN is/VBZ released/VBN ./.");
    assert_has(v, "(SBAR (IN before) (S (NP (NP (NN aid)) (PP (TO to)");
}

static void test_spans(void **state)
{
    fixture *f = *state;
    /* the coder's view: subject NP [0,2), VP [2,8), object NP [3,5) */
    const char *t = parse(f, "The/DT ministry/NN condemned/VBD the/DT attack/NN on/IN "
                             "its/PRP$ embassy/NN ./.");
    assert_span(f, t, "NP", 0, 2);
    assert_span(f, t, "VP", 2, 8);
    assert_span(f, t, "NP", 3, 5);
    assert_span(f, t, "PP", 5, 8);
    assert_span(f, t, "S", 0, 9);
}

/* ---- robustness --------------------------------------------------------- */

static void test_empty_sentence(void **state)
{
    fixture *f = *state;
    const char *tree = NULL;
    tac_error err;
    assert_int_equal(tac_parse_tokens(f->parser, NULL, NULL, 0, &tree, &err), TAC_OK);
    assert_string_equal(tree, "(ROOT (S))");
    assert_int_equal(tac_parse_tokens(NULL, NULL, NULL, 0, &tree, &err), TAC_EINVAL);
    assert_int_equal(tac_parse_tokens(f->parser, NULL, NULL, 3, &tree, &err), TAC_EINVAL);
}

static void test_unknown_and_odd_tags(void **state)
{
    fixture *f = *state;
    const char *forms[] = {"Arnor", "(", "blorp", ")", "x y", "attacked", "Gondor", ""};
    const char *tags[] = {"NNP", "-LRB-", "ZZZ", "-RRB-", NULL, "VBD", "NN(P", ""};
    const char *tree = NULL;
    tac_error err;
    assert_int_equal(tac_parse_tokens(f->parser, forms, tags, 8, &tree, &err), TAC_OK);
    tac_ptb_tree t;
    tac_arena_reset(&f->arena);
    assert_true(tac_ptb_read(tree, &f->arena, &t, &err));
    assert_int_equal(t.n_leaves, 8);
    assert_has(tree, "(-LRB- -LRB-)");
    assert_has(tree, "(-RRB- -RRB-)");
    assert_has(tree, "(XX x_y)");
    assert_has(tree, "(ZZZ blorp)");
    assert_has(tree, "(XX Gondor)");
    assert_has(tree, "(XX _)");
}

/* Prints nodes (tac_tree_node) as a bracketing, to compare with the
 * parser's own printing. */
static void print_nodes(const tac_tree_node *nd, int32_t i, char *out, size_t cap)
{
    size_t len = strlen(out);
    if (nd[i].word) {
        snprintf(out + len, cap - len, "(%s %s)", nd[i].label, nd[i].word);
        return;
    }
    snprintf(out + len, cap - len, "(%s", nd[i].label);
    for (int32_t k = nd[i].first_kid; k >= 0; k = nd[k].next_sib) {
        assert_true(k > i);    /* forward indexes, as the coder requires */
        len = strlen(out);
        snprintf(out + len, cap - len, " ");
        print_nodes(nd, k, out, cap);
    }
    len = strlen(out);
    snprintf(out + len, cap - len, ")");
}

/* The nodes the coder takes are the tree the bracketing prints, leaf for
 * leaf (escaped words and unknown tags included), for every shape. */
static void test_nodes_match_bracketing(void **state)
{
    fixture *f = *state;
    const char *sentences[] = {
        "Arnor/NNP restored/VBD ties/NNS with/IN Gondor/NNP ./.",
        "The/DT ministry/NN said/VBD that/IN Rohan/NNP had/VBD attacked/VBN a/DT boat/NN ,/, "
        "and/CC officials/NNS did/VBD n't/RB deny/VB it/PRP ./.",
        "Gondor/NNP ,/, which/WDT borders/VBZ Mordor/NNP ,/, was/VBD invaded/VBN by/IN "
        "orcs/NNS ,/, the/DT king/NN said/VBD ./.",
    };
    tac_error err;
    static char printed[65536];
    for (size_t s = 0; s < sizeof sentences / sizeof sentences[0]; s++) {
        split_tagged(&f->sent, sentences[s]);
        const char *tree = NULL;
        assert_int_equal(tac_parse_tokens(f->parser, f->sent.forms, f->sent.tags, f->sent.n,
                                          &tree, &err), TAC_OK);
        char *want = strdup(tree);
        const tac_tree_node *nd;
        size_t n_nd = 0;
        tac_arena_reset(&f->arena);
        assert_int_equal(tac_parse_tokens_nodes(f->parser, f->sent.forms, f->sent.tags,
                                                f->sent.n, &f->arena, &nd, &n_nd, &err), TAC_OK);
        printed[0] = '\0';
        print_nodes(nd, 0, printed, sizeof printed);
        assert_string_equal(printed, want);
        free(want);
    }
    /* odd tokens: escaped in the nodes as in the bracketing */
    const char *forms[] = {"Arnor", "(", "blorp", ")", "x y", "attacked", "Gondor", ""};
    const char *tags[] = {"NNP", "-LRB-", "ZZZ", "-RRB-", NULL, "VBD", "NN(P", ""};
    const char *tree = NULL;
    assert_int_equal(tac_parse_tokens(f->parser, forms, tags, 8, &tree, &err), TAC_OK);
    char *want = strdup(tree);
    const tac_tree_node *nd;
    size_t n_nd = 0;
    assert_int_equal(tac_parser_export(f->parser, &f->arena, &nd, &n_nd, &err), TAC_OK);
    printed[0] = '\0';
    print_nodes(nd, 0, printed, sizeof printed);
    assert_string_equal(printed, want);
    free(want);
    /* the empty sentence */
    assert_int_equal(tac_parse_tokens_nodes(f->parser, NULL, NULL, 0, &f->arena, &nd, &n_nd,
                                            &err), TAC_OK);
    printed[0] = '\0';
    print_nodes(nd, 0, printed, sizeof printed);
    assert_string_equal(printed, "(ROOT (S))");
    assert_int_equal(tac_parse_tokens_nodes(f->parser, NULL, NULL, 2, &f->arena, &nd, &n_nd,
                                            &err), TAC_EINVAL);
}

static void test_punctuation_only(void **state)
{
    fixture *f = *state;
    parse(f, ",/, ,/, ./. ''/'' ``/`` -RRB-/-RRB- :/:");
    parse(f, "and/CC and/CC of/IN of/IN the/DT");
    parse(f, "-LRB-/-LRB- -LRB-/-LRB- Arnor/NNP");
}

/* A 1,000-token sentence of each troublesome kind: nesting "of" chains,
 * long lists, endless clauses. Must stay well formed and shallow enough
 * for the coder's reader (depth 512). */
static void check_long(fixture *f, const char *unit, size_t reps)
{
    static char text[65536];
    size_t len = 0;
    for (size_t i = 0; i < reps; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%s ", unit);
    snprintf(text + len, sizeof text - len, "./.");
    const char *tree = parse(f, text);
    long depth = 0, max_depth = 0;
    for (const char *s = tree; *s; s++) {
        depth += *s == '(';
        depth -= *s == ')';
        if (depth > max_depth)
            max_depth = depth;
    }
    assert_true(max_depth < 400);
}

static void test_long_sentences(void **state)
{
    fixture *f = *state;
    check_long(f, "the/DT head/NN of/IN", 333);
    check_long(f, "Gondor/NNP said/VBD that/IN", 333);
    check_long(f, "Arnor/NNP ,/,", 499);
    check_long(f, "who/WP attacked/VBD", 499);
    check_long(f, "is/VBZ", 999);
    check_long(f, "-LRB-/-LRB-", 999);
    check_long(f, "to/TO", 999);
}

/* ---- the raw-text front end ------------------------------------------- */

static void test_frontend(void **state)
{
    (void)state;
    const char *model = tactest_build("models/tagger.bin");
    FILE *probe = fopen(model, "rb");
    if (!probe) {
        skip();   /* the tagger model is built with the tag stage */
        return;
    }
    fclose(probe);
    tac_error err;
    tac_tagger *tagger = tac_tagger_load(model, &err);
    assert_non_null(tagger);
    assert_null(tac_frontend_new(NULL, &err));
    tac_frontend *fe = tac_frontend_new(tagger, &err);
    assert_non_null(fe);

    const char *text = "BEIJING - China criticized Japan on Monday. "
                       "The ministry said that Japan had attacked a boat.";
    size_t place_len = 0, body = 0;
    assert_true(tac_find_dateline(text, strlen(text), &place_len, &body));
    const tac_parsed_sentence *ps;
    size_t n = 0;
    assert_int_equal(tac_frontend_parse(fe, text, strlen(text), body, false, &ps, &n, &err),
                     TAC_OK);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(ps[i].kind, TAC_SENT_BODY);
        assert_true(strncmp(ps[i].tree, "(ROOT (S ", 9) == 0);
        assert_true(ps[i].n_tokens > 0);
        assert_non_null(ps[i].tags[0]);
    }
    assert_non_null(strstr(ps[0].text, "China criticized Japan"));
    assert_has(ps[0].tree, "(NP (NNP China)) (VP (VBD criticized) (NP (NNP Japan))");
    assert_has(ps[1].tree, "(VP (VBD said) (SBAR (IN that) (S (NP (NNP Japan))");
    /* with all_sentences the dateline is parsed too */
    assert_int_equal(tac_frontend_parse(fe, text, strlen(text), body, true, &ps, &n, &err),
                     TAC_OK);
    assert_int_equal(n, 3);
    assert_int_equal(ps[0].kind, TAC_SENT_DATELINE);
    /* without the bracketing (as the coding engine runs it): nodes only */
    tac_frontend_set_bracketing(fe, false);
    assert_int_equal(tac_frontend_parse(fe, text, strlen(text), body, false, &ps, &n, &err),
                     TAC_OK);
    assert_int_equal(n, 2);
    assert_null(ps[0].tree);
    assert_non_null(ps[0].nodes);
    assert_true(ps[0].n_nodes > ps[0].n_tokens);
    assert_string_equal(ps[0].nodes[0].label, "ROOT");
    tac_frontend_set_bracketing(fe, true);
    /* empty text: no sentences, no error */
    assert_int_equal(tac_frontend_parse(fe, "", 0, 0, false, &ps, &n, &err), TAC_OK);
    assert_int_equal(n, 0);
    tac_frontend_free(fe);
    tac_tagger_free(tagger);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_clause),
        cmocka_unit_test(test_pp_attaches_to_vp),
        cmocka_unit_test(test_of_pp_stays_in_np),
        cmocka_unit_test(test_subject_with_pp),
        cmocka_unit_test(test_possessive),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_auxiliaries_nest),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_infinitive),
        cmocka_unit_test(test_is_about_to),
        cmocka_unit_test(test_particle),
        cmocka_unit_test(test_conjoined_nouns_flat),
        cmocka_unit_test(test_conjoined_phrases_nested),
        cmocka_unit_test(test_vp_coordination),
        cmocka_unit_test(test_clause_coordination),
        cmocka_unit_test(test_said_that),
        cmocka_unit_test(test_said_bare_clause),
        cmocka_unit_test(test_reporting_frame),
        cmocka_unit_test(test_according_to),
        cmocka_unit_test(test_subordinate_clause),
        cmocka_unit_test(test_relative_clause),
        cmocka_unit_test(test_appositive_subject),
        cmocka_unit_test(test_subject_participle_phrase),
        cmocka_unit_test(test_noun_phrase_heads),
        cmocka_unit_test(test_subject_boundaries),
        cmocka_unit_test(test_object_modifiers),
        cmocka_unit_test(test_quantifiers_and_gerund_subjects),
        cmocka_unit_test(test_spans),
        cmocka_unit_test(test_empty_sentence),
        cmocka_unit_test(test_unknown_and_odd_tags),
        cmocka_unit_test(test_nodes_match_bracketing),
        cmocka_unit_test(test_punctuation_only),
        cmocka_unit_test(test_long_sentences),
        cmocka_unit_test(test_frontend),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
