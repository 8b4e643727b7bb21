/* Dictionary formats and the tree reader (src/code). Small dictionaries are
 * written inline to temp files; nothing here needs ../shared except the
 * Phoenix smoke test, which skips without it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tactest.h"
#include "code/code.h"
#include "util/util.h"

static const char *tmp(const char *s) { return tactest_tempfile(s, strlen(s)); }

/* Codes one tree; returns "SRC TGT CODE;..." sorted as produced. */
static const char *code1(tac_coder *c, const char *tree, const char *date, char *buf, size_t cap)
{
    tac_sentence_input in = {.parse = tree, .date = date, .doc_id = "doc", .sentence = 0, .text = "text"};
    const tac_event *ev;
    size_t n;
    tac_error err;
    tac_error_clear(&err);
    buf[0] = '\0';
    if (tac_coder_code_parse(c, &in, &ev, &n, NULL, &err) != TAC_OK) {
        snprintf(buf, cap, "ERROR %.200s", err.msg);
        return buf;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%s %s %s", i ? ";" : "", ev[i].source, ev[i].target,
                 ev[i].cameo);
    }
    return buf;
}

/* ---- actors ----------------------------------------------------------- */

static const char ACTORS[] =
    "# comment line\n"
    "ARNOR [ARN]\n"
    "+ARNORIAN\n"
    "GONDOR_ [GON]  # trailing comment\n"
    "+MINAS_TIRITH\n"
    "THE_SHIRE [FRO/BIL]\n"
    "GOLLUM  ; CountryInfo.txt\n"
    "+SMEAGOL\n"
    "\t[HOB <950601]\n"
    "\t[HOBGOV 19950601 - 19990815]\n"
    "\t[HOBREB >990816]\n"
    "BROKEN_ENTRY [ARN\n"
    "\t[950601-990815]\n"
    "ROHAN [ROH]\n"
    "ITHILEN TELEVISION [ITHTV]\n"
    "RIDERS'_GUILD [RGU]\n"
    "KING'S_MEN [KGM]\n";

static const char VERBS[] =
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n";

static const char *svo(const char *subj, const char *verb, const char *obj, char *buf, size_t n)
{
    snprintf(buf, n, "(ROOT (S (NP (NNP %s)) (VP (VBD %s) (NP (NNP %s))) (. .)))", subj, verb, obj);
    return buf;
}

static void actors_synonyms_dates_and_compounds(void **state)
{
    (void)state;
    tactest_diag dg = {0};
    tac_diag diag = tactest_diag_sink(&dg);
    const char *actors = tmp(ACTORS);
    tac_dict_paths p = {.verbs = tmp(VERBS), .actors = actors};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, &diag, &err);
    assert_non_null(d);
    /* the broken entry and the code-less restriction are reported, not fatal */
    tac_dict_counts cnt;
    tac_dicts_counts(d, &cnt);
    assert_int_equal(cnt.skipped, 2);
    assert_true(dg.count >= 2);
    assert_non_null(strstr(dg.last_where, actors));
    assert_int_equal(cnt.actors, 8);
    tac_coder *c = tac_coder_new(d, NULL, &err);
    char tree[256], out[512];
    /* synonyms, and a multi-word synonym (MINAS_TIRITH) as two tokens */
    assert_string_equal(code1(c, svo("Arnorian", "attacked", "Rohan", tree, sizeof tree), "1995-01-01",
                              out, sizeof out), "ARN ROH 190");
    assert_string_equal(code1(c, "(ROOT (S (NP (NNP Minas) (NNP Tirith)) (VP (VBD attacked) "
                                 "(NP (NNP Arnor)))))", "1995-01-01", out, sizeof out),
                        "GON ARN 190");
    /* date restrictions: before, between (inclusive), after */
    assert_string_equal(code1(c, svo("Gollum", "attacked", "Rohan", tree, sizeof tree), "1995-05-31",
                              out, sizeof out), "HOB ROH 190");
    assert_string_equal(code1(c, svo("Smeagol", "attacked", "Rohan", tree, sizeof tree), "19950601",
                              out, sizeof out), "HOBGOV ROH 190");
    assert_string_equal(code1(c, svo("Gollum", "attacked", "Rohan", tree, sizeof tree), "1999-08-16",
                              out, sizeof out), "HOBREB ROH 190");
    /* a blank in a phrase lets words come in between, '_' does not */
    assert_string_equal(code1(c, "(ROOT (S (NP (NNP Ithilen) (JJ state-run) (NN television)) "
                                 "(VP (VBD attacked) (NP (NNP Rohan)))))", "1995-01-01", out,
                              sizeof out), "ITHTV ROH 190");
    assert_string_equal(code1(c, "(ROOT (S (NP (NNP Minas) (JJ old) (NNP Tirith)) (VP (VBD attacked) "
                                 "(NP (NNP Rohan)))))", "1995-01-01", out, sizeof out), "");
    /* possessives written whole in the dictionary match the split tokens */
    assert_string_equal(code1(c, "(ROOT (S (NP (NP (NNP King) (POS 's)) (NNS men)) (VP (VBD attacked) "
                                 "(NP (NNP Rohan)))))", "1995-01-01", out, sizeof out),
                        "KGM ROH 190");
    assert_string_equal(code1(c, "(ROOT (S (NP (NP (NNPS Riders) (POS ')) (NNP Guild)) "
                                 "(VP (VBD attacked) (NP (NNP Rohan)))))", "1995-01-01", out,
                              sizeof out), "RGU ROH 190");
    /* a coded compound THE_SHIRE [FRO/BIL]: one event per actor */
    assert_string_equal(code1(c, "(ROOT (S (NP (DT The) (NNP Shire)) (VP (VBD attacked) "
                                 "(NP (NNP Rohan)))))", "1995-01-01", out, sizeof out),
                        "FRO ROH 190;BIL ROH 190");
    tac_coder_free(c);
    tac_dicts_free(d);
}

/* ---- agents ----------------------------------------------------------- */

static void agents_affixes_plurals_and_substitutions(void **state)
{
    (void)state;
    const char *agents =
        "!PERSON! = MAN, MEN, WOMAN\n"
        "GOVERNMENT [~GOV]\n"
        "POLICE {} [ ~COP]\n"
        "ARMY {ARMIES} [~MIL]\n"
        "AUTHORITY [~GOV]\n"
        "HUMAN_RIGHTS_GROUP [NGO~]\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "BAD_AGENT [GOV]\n";
    tactest_diag dg = {0};
    tac_diag diag = tactest_diag_sink(&dg);
    tac_dict_paths p = {.verbs = tmp(VERBS), .actors = tmp(ACTORS), .agents = tmp(agents)};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, &diag, &err);
    assert_non_null(d);
    tac_dict_counts cnt;
    tac_dicts_counts(d, &cnt);
    assert_int_equal(cnt.skipped, 3);        /* 2 from ACTORS + BAD_AGENT without ~ */
    assert_non_null(strstr(dg.last_msg, "~"));
    tac_coder *c = tac_coder_new(d, NULL, &err);
    char out[512];
    /* suffix agent; possessive actor */
    assert_string_equal(code1(c, "(ROOT (S (NP (NP (NNP Arnor) (POS 's)) (NN government)) "
                                 "(VP (VBD attacked) (NP (NNP Rohan)))))", "1995-01-01", out,
                              sizeof out), "ARNGOV ROH 190");
    /* regular plural with Y -> IES, explicit plural, prefix agent */
    assert_string_equal(code1(c, "(ROOT (S (NP (JJ Arnorian) (NNS authorities)) (VP (VBD attacked) "
                                 "(NP (NNP Rohan) (NNS armies)))))", "1995-01-01", out, sizeof out),
                        "ARNGOV ROHMIL 190");
    assert_string_equal(code1(c, "(ROOT (S (NP (NN human) (NNS rights) (NN group) (NNP Rohan)) "
                                 "(VP (VBD attacked) (NP (NNP Arnor)))))", "1995-01-01", out,
                              sizeof out), "NGOROH ARN 190");
    /* {} means no plural: POLICES is not an agent; substitution set */
    assert_string_equal(code1(c, "(ROOT (S (NP (NNP Rohan) (NN congresswoman)) (VP (VBD attacked) "
                                 "(NP (NNP Arnor) (NNS polices)))))", "1995-01-01", out, sizeof out),
                        "ROHLEG ARN 190");
    /* an agent without an actor codes as ---AGENT */
    assert_string_equal(code1(c, "(ROOT (S (NP (DT The) (NN police)) (VP (VBD attacked) "
                                 "(NP (NNP Arnor)))))", "1995-01-01", out, sizeof out),
                        "---COP ARN 190");
    tac_coder_free(c);
    tac_dicts_free(d);
}

/* ---- verbs ------------------------------------------------------------ */

static const char VERBS2[] =
    "<!-- an XML-ish comment line -->\n"
    "&TIETYPES_\n"
    "+MILITARY\n"
    "+ECONOMIC\n"
    "&TIES\n"
    "+&TIETYPES_TIES\n"
    "+RELATIONS\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "- * &TIES [0641]\n"
    "- * FULL_&TIES [0642]\n"
    "- HEAVILY * [0643]\n"
    "- HEAVILY_* [0644]\n"
    "--- BREAK [161] ---\n"
    "BREAK {BROKE BROKEN}\n"
    "+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN} [162]\n"
    "WIRE_+TAP {WIRE_+TAPPED} [171]\n"
    "--- TRY [---] ---\n"
    "TRY\n"
    "--- CARRY [010] ---\n"
    "CARRY\n"
    "--- LEAVE [032:033] ---\n"
    "LEAVE {LEFT}\n"
    "- * UNDEFINED_&NOPE [999]\n"
    "- * NO_CODE\n"
    "~ a (a b ATTACK) SAY = a b 015\n";

static void verbs_forms_synsets_and_patterns(void **state)
{
    (void)state;
    tactest_diag dg = {0};
    tac_diag diag = tactest_diag_sink(&dg);
    tac_dict_paths p = {.verbs = tmp(VERBS2), .actors = tmp(ACTORS)};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, &diag, &err);
    assert_non_null(d);
    tac_dict_counts cnt;
    tac_dicts_counts(d, &cnt);
    assert_int_equal(cnt.synsets, 2);
    assert_int_equal(cnt.transforms, 1);
    assert_int_equal(cnt.patterns, 4);        /* two malformed ones skipped */
    assert_int_equal(cnt.skipped, 4);         /* + the two from ACTORS */
    tac_coder *c = tac_coder_new(d, NULL, &err);
    char out[512];
#define T(verb, obj) "(ROOT (S (NP (NNP Arnor)) (VP " verb " " obj ")))"
    /* generated forms: -S, -ED, -ING (E dropped), Y -> IES/IED */
    assert_string_equal(code1(c, T("(VBZ restores)", "(PP (IN with) (NP (NNP Rohan)))"), NULL, out,
                              sizeof out), "ARN ROH 064");
    assert_string_equal(code1(c, T("(VBG restoring)", "(PP (IN with) (NP (NNP Rohan)))"), NULL, out,
                              sizeof out), "ARN ROH 064");
    assert_string_equal(code1(c, T("(VBD carried)", "(NP (NNP Rohan))"), NULL, out, sizeof out),
                        "ARN ROH 010");
    assert_string_equal(code1(c, T("(VBZ carries)", "(NP (NNP Rohan))"), NULL, out, sizeof out),
                        "ARN ROH 010");
    /* irregular forms; a multi-word verb with its own code */
    assert_string_equal(code1(c, T("(VBD broke)", "(NP (NNP Rohan))"), NULL, out, sizeof out),
                        "ARN ROH 161");
    assert_string_equal(code1(c, T("(VBN broken) (PRT (RP down))", "(NP (NNP Rohan))"), NULL, out,
                              sizeof out), "ARN ROH 162");
    assert_string_equal(code1(c, "(ROOT (S (NP (NNP Arnor) (NN wire)) (VP (VBD tapped) "
                                 "(NP (NNP Rohan)))))", NULL, out, sizeof out), "ARN ROH 171");
    /* nested synsets (with generated plurals) and the longest pattern */
    assert_string_equal(code1(c, T("(VBD restored)", "(NP (JJ military) (NNS ties)) (PP (IN with) "
                                   "(NP (NNP Rohan)))"), NULL, out, sizeof out), "ARN ROH 0641");
    assert_string_equal(code1(c, T("(VBD restored)", "(NP (JJ full) (NNS relations)) (PP (IN with) "
                                   "(NP (NNP Rohan)))"), NULL, out, sizeof out), "ARN ROH 0642");
    /* '_' makes words adjacent; a blank allows words in between */
    assert_string_equal(code1(c, "(ROOT (S (NP (NNP Arnor)) (ADVP (RB heavily)) (VP (VBD restored) "
                                 "(NP (NNP Rohan)))))", NULL, out, sizeof out), "ARN ROH 0644");
    assert_string_equal(code1(c, "(ROOT (S (NP (NNP Arnor)) (ADVP (RB heavily)) (VP (MD will) (VP "
                                 "(VB restore) (NP (NNP Rohan))))))", NULL, out, sizeof out),
                        "ARN ROH 0643");
    /* a null-coded verb codes nothing; a paired code gives both directions */
    assert_string_equal(code1(c, T("(VBD tried)", "(NP (NNP Rohan))"), NULL, out, sizeof out), "");
    assert_string_equal(code1(c, T("(VBD left)", "(PP (IN for) (NP (NNP Rohan)))"), NULL, out,
                              sizeof out), "ARN ROH 032;ROH ARN 033");
#undef T
    tac_coder_free(c);
    tac_dicts_free(d);
}

/* ---- discards and issues -------------------------------------------- */

static void discards_and_issues(void **state)
{
    (void)state;
    const char *discards = "WORLD CUP # sports\n+TYPHOON\nBASEBALL_\n";
    const char *issues =
        "<ISSUE CATEGORY=\"NUCLEAR\">\n"
        "n:reactor\n"
        "</ISSUE>\n"
        "n:atrocity [ATROCITY]\n"
        "v:massacre [ATROCITY]\n"
        "al+qaeda [TERROR]\n"
        "~historic massacre\n";
    tac_dict_paths p = {.verbs = tmp(VERBS), .actors = tmp(ACTORS), .discards = tmp(discards),
                        .issues = tmp(issues)};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, NULL, &err);
    assert_non_null(d);
    tac_coder *c = tac_coder_new(d, NULL, &err);
    tac_discard_kind dk;
    const tac_event *ev;
    size_t n;
    tac_sentence_input in = {.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan)) "
                             "(PP (IN at) (NP (DT the) (NNP World) (NNP Cup))))))",
                             .date = "1995-01-01", .doc_id = "d", .sentence = 0, .text = NULL};
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, &dk, &err), TAC_OK);
    assert_int_equal(n, 0);
    assert_int_equal(dk, TAC_DISCARD_SENTENCE);
    /* stems: TYPHOONS matches the story discard +TYPHOON */
    in.parse = "(ROOT (S (NP (NNS Typhoons)) (VP (VBD attacked) (NP (NNP Rohan)))))";
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, &dk, &err), TAC_OK);
    assert_int_equal(dk, TAC_DISCARD_STORY);
    /* BASEBALL_ must match exactly */
    in.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan) (NNS baseballs)))))";
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, &dk, &err), TAC_OK);
    assert_int_equal(dk, TAC_DISCARD_NONE);
    assert_int_equal(n, 1);
    /* issues: plural noun forms, verb forms, the category default; each once */
    in.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan)) (PP (IN after) "
               "(NP (NNS atrocities) (CC and) (NNS reactors) (CC and) (VBN massacred))))))";
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, &dk, &err), TAC_OK);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].issues, "ATROCITY;NUCLEAR");
    /* '+' joins with a blank or a hyphen */
    in.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan) (NNP al-qaeda)))))";
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, &dk, &err), TAC_OK);
    assert_string_equal(ev[0].issues, "TERROR");
    /* an ignore phrase cancels the sentence's issues */
    in.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan)) (PP (IN after) "
               "(NP (DT the) (JJ historic) (NN massacre))))))";
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, &dk, &err), TAC_OK);
    assert_int_equal(n, 1);
    assert_null(ev[0].issues);
    tac_coder_free(c);
    tac_dicts_free(d);
}

/* ---- loading ---------------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void remove_file(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static void directory_picks_files_by_name(void **state)
{
    (void)state;
    char dir[] = "/tmp/tactest-dicts-XXXXXX";
    assert_non_null(mkdtemp(dir));
    write_file(dir, "CAMEO.test.txt", VERBS);
    write_file(dir, "A.actors.txt", "ARNOR [ARN]\n");
    write_file(dir, "B.actors.txt", "ROHAN [ROH]\n");
    write_file(dir, "X.agents.txt", "GOVERNMENT [~GOV]\n");
    write_file(dir, "X.discards.txt", "WORLD CUP\n");
    write_file(dir, "X.IssueCoding.txt", "n:reactor [NUCLEAR]\n");
    write_file(dir, "README.md", "not a dictionary\n");
    tac_dict_paths p = {.dir = dir};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, NULL, &err);
    assert_non_null(d);
    tac_dict_counts cnt;
    tac_dicts_counts(d, &cnt);
    assert_int_equal(cnt.actors, 2);          /* both actor files */
    assert_int_equal(cnt.agents, 2);          /* GOVERNMENT, GOVERNMENTS */
    assert_true(cnt.discards >= 1);
    assert_int_equal(cnt.issues, 2);
    assert_int_equal(cnt.verbs, 2);
    tac_dicts_free(d);
    /* a directory without a verb dictionary is an error, as is a missing file */
    remove_file(dir, "CAMEO.test.txt");
    assert_null(tac_dicts_load(&p, NULL, &err));
    assert_int_equal(err.status, TAC_ENOTFOUND);
    tac_dict_paths missing = {.verbs = "/nonexistent/x.verbs.txt"};
    assert_null(tac_dicts_load(&missing, NULL, &err));
    assert_int_equal(err.status, TAC_EIO);
    const char *names[] = {"A.actors.txt", "B.actors.txt", "X.agents.txt", "X.discards.txt",
                           "X.IssueCoding.txt", "README.md"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        remove_file(dir, names[i]);
    rmdir(dir);
}

static void phoenix_dictionaries_load(void **state)
{
    (void)state;
    const char *verbs = tactest_shared("testdata/phoenix/CAMEO.2.0.txt");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", verbs);
    *strrchr(dir, '/') = '\0';
    tac_dict_paths p = {.dir = dir};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, NULL, &err);
    assert_non_null(d);
    tac_dict_counts cnt;
    tac_dicts_counts(d, &cnt);
    assert_true(cnt.verbs > 1000);
    assert_true(cnt.patterns > 4000);
    assert_true(cnt.actors > 20000);
    assert_true(cnt.agents > 3000);
    assert_true(cnt.issues > 1000);
    assert_true(cnt.skipped < 50);           /* a few genuinely malformed lines */
    tac_dicts_free(d);
}

/* ---- the tree reader -------------------------------------------------- */

static void tree_reader_handles_layout_and_rejects_bad_trees(void **state)
{
    (void)state;
    tac_arena a;
    tac_arena_init(&a, 4096);
    tac_tree t;
    tac_error err;
    const char *ok = "\n (ROOT (S  \n (NP-SBJ (NNP Arnor)\n )\t(VP (VBD left)) (. .)) )\n";
    assert_int_equal(tac_tree_read(ok, &a, NULL, &t, &err), TAC_OK);
    assert_int_equal(t.n_tokens, 3);
    assert_string_equal(t.tokens[0]->word, "Arnor");
    assert_string_equal(t.tokens[0]->parent->label, "NP");     /* function tag dropped */
    assert_string_equal(t.tokens[1]->label, "VBD");
    assert_int_equal(t.root->first, 0);
    assert_int_equal(t.root->last, 3);
    /* "( (S ...))" with an empty root label */
    assert_int_equal(tac_tree_read("( (S (NP (NN x)) (VP (VBD y))))", &a, NULL, &t, &err), TAC_OK);
    const char *bad[] = {
        "", "   ", "NP x", "(S (NP (NN x))", "(S (NP (NN x))))", "(S (NP (NN x)) y)",
        "(S ()) ", "(S (NP (NN x))) (S (NP (NN y)))", "(NN x (NP (NN y)))",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tac_error_clear(&err);
        tac_status st = tac_tree_read(bad[i], &a, NULL, &t, &err);
        assert_int_equal(st, TAC_EPARSE);
        assert_true(err.msg[0] != '\0');
    }
    /* very deep nesting is refused, not a stack overflow */
    size_t depth = 100000;
    char *deep = malloc(depth * 4 + 16);
    size_t k = 0;
    for (size_t i = 0; i < depth; i++) {
        memcpy(deep + k, "(S ", 3);
        k += 3;
    }
    memcpy(deep + k, "(NN x)", 6);
    k += 6;
    memset(deep + k, ')', depth);
    deep[k + depth] = '\0';
    assert_int_equal(tac_tree_read(deep, &a, NULL, &t, &err), TAC_ELIMIT);
    free(deep);
    tac_arena_free(&a);
}

/* Trees handed over as nodes (the front end's way) build the same tree as
 * the bracketing, and bad node arrays are refused like bad bracketings. */
static void tree_from_nodes_equals_reader(void **state)
{
    (void)state;
    tac_arena a;
    tac_arena_init(&a, 4096);
    tac_tree t, r;
    tac_error err;
    /* (ROOT (S (NP-SBJ (NNP Arnor)) (VP (VBD left) (NP-TMP (NN today))) (. .))) */
    const tac_tree_node nodes[] = {
        {"ROOT", NULL, 1, -1},  {"S", NULL, 2, -1},     {"NP-SBJ", NULL, 3, 4},
        {"NNP", "Arnor", -1, -1}, {"VP", NULL, 5, 9},  {"VBD", "left", -1, 6},
        {"NP-TMP", NULL, 7, -1}, {"NN", "today", -1, -1}, {"JJ", "still", -1, -1},
        {".", ".", -1, -1},
    };
    /* node 8 is referenced by nobody: refused */
    assert_int_equal(tac_tree_from_nodes(nodes, 10, &a, NULL, &t, &err), TAC_EPARSE);
    assert_non_null(strstr(err.msg, "not in the tree"));
    tac_tree_node fixed[10];
    memcpy(fixed, nodes, sizeof nodes);
    fixed[7].next_sib = 8;
    fixed[8] = (tac_tree_node){"JJ", "still", -1, -1};
    assert_int_equal(tac_tree_from_nodes(fixed, 10, &a, NULL, &t, &err), TAC_OK);
    const char *text2 = "(ROOT (S (NP-SBJ (NNP Arnor)) (VP (VBD left) (NP-TMP (NN today) "
                        "(JJ still))) (. .)))";
    assert_int_equal(tac_tree_read(text2, &a, NULL, &r, &err), TAC_OK);
    assert_int_equal(t.n_tokens, r.n_tokens);
    assert_int_equal(t.n_nodes, r.n_nodes);
    for (uint32_t i = 0; i < t.n_tokens; i++) {
        assert_string_equal(t.tokens[i]->word, r.tokens[i]->word);
        assert_string_equal(t.tokens[i]->label, r.tokens[i]->label);
        assert_string_equal(t.tokens[i]->parent->label, r.tokens[i]->parent->label);
        assert_int_equal(t.tokens[i]->parent->temporal, r.tokens[i]->parent->temporal);
        assert_int_equal(t.tokens[i]->parent->first, r.tokens[i]->parent->first);
        assert_int_equal(t.tokens[i]->parent->last, r.tokens[i]->parent->last);
    }
    assert_string_equal(t.tokens[0]->parent->label, "NP");   /* function tag dropped */
    assert_true(t.tokens[2]->parent->temporal);
    /* malformed arrays */
    tac_tree_node bad[3] = {{"S", NULL, 1, -1}, {"NP", NULL, 2, -1}, {"NN", "x", -1, -1}};
    assert_int_equal(tac_tree_from_nodes(bad, 3, &a, NULL, &t, &err), TAC_OK);
    bad[1].first_kid = 0;                            /* backward: a cycle */
    assert_int_equal(tac_tree_from_nodes(bad, 3, &a, NULL, &t, &err), TAC_EPARSE);
    bad[1].first_kid = 7;                            /* out of range */
    assert_int_equal(tac_tree_from_nodes(bad, 3, &a, NULL, &t, &err), TAC_EPARSE);
    bad[1].first_kid = -1;                           /* empty phrase */
    assert_int_equal(tac_tree_from_nodes(bad, 3, &a, NULL, &t, &err), TAC_EPARSE);
    bad[1] = (tac_tree_node){"NP", "y", 2, -1};      /* a word with children */
    assert_int_equal(tac_tree_from_nodes(bad, 3, &a, NULL, &t, &err), TAC_EPARSE);
    /* a child twice */
    tac_tree_node twice[4] = {{"S", NULL, 1, -1}, {"NP", NULL, 3, 2}, {"VP", NULL, 3, -1},
                              {"NN", "x", -1, -1}};
    assert_int_equal(tac_tree_from_nodes(twice, 4, &a, NULL, &t, &err), TAC_EPARSE);
    assert_int_equal(tac_tree_from_nodes(NULL, 0, &a, NULL, &t, &err), TAC_EPARSE);
    tac_tree_node nolabel[2] = {{NULL, NULL, 1, -1}, {"NN", "x", -1, -1}};
    assert_int_equal(tac_tree_from_nodes(nolabel, 2, &a, NULL, &t, &err), TAC_EPARSE);
    /* deep chains stop at the depth limit */
    size_t depth = 100000;
    tac_tree_node *deep = malloc((depth + 1) * sizeof *deep);
    for (size_t i = 0; i < depth; i++)
        deep[i] = (tac_tree_node){"S", NULL, (int32_t)i + 1, -1};
    deep[depth] = (tac_tree_node){"NN", "x", -1, -1};
    assert_int_equal(tac_tree_from_nodes(deep, depth + 1, &a, NULL, &t, &err), TAC_ELIMIT);
    free(deep);
    tac_arena_free(&a);
}

/* The coder codes a tree given as nodes exactly as the same bracketing. */
static void coder_codes_nodes_like_bracketing(void **state)
{
    (void)state;
    tac_dict_paths p = {.verbs = tmp(VERBS), .actors = tmp(ACTORS)};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, NULL, &err);
    assert_non_null(d);
    tac_coder *c = tac_coder_new(d, NULL, &err);
    /* (ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan))))) */
    const tac_tree_node nodes[] = {
        {"ROOT", NULL, 1, -1}, {"S", NULL, 2, -1},         {"NP", NULL, 3, 4},
        {"NNP", "Arnor", -1, -1}, {"VP", NULL, 5, -1},     {"VBD", "attacked", -1, 6},
        {"NP", NULL, 7, -1},   {"NNP", "Rohan", -1, -1},
    };
    tac_sentence_input in = {
        .parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan)))))",
        .date = "1995-01-01", .doc_id = "d", .text = "Arnor attacked Rohan."};
    const tac_event *ev;
    size_t n = 0;
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, NULL, &err), TAC_OK);
    assert_int_equal(n, 1);
    char want[64];
    snprintf(want, sizeof want, "%s %s %s", ev[0].source, ev[0].target, ev[0].cameo);
    in.parse = "(not read when nodes are given";
    in.nodes = nodes;
    in.n_nodes = sizeof nodes / sizeof nodes[0];
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, NULL, &err), TAC_OK);
    assert_int_equal(n, 1);
    char got[64];
    snprintf(got, sizeof got, "%s %s %s", ev[0].source, ev[0].target, ev[0].cameo);
    assert_string_equal(got, want);
    tac_coder_free(c);
    tac_dicts_free(d);
}

static void coder_reports_malformed_tree(void **state)
{
    (void)state;
    tac_dict_paths p = {.verbs = tmp(VERBS), .actors = tmp(ACTORS)};
    tac_error err;
    tac_dicts *d = tac_dicts_load(&p, NULL, &err);
    assert_non_null(d);
    tac_coder *c = tac_coder_new(d, NULL, &err);
    tac_sentence_input in = {.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan)))",
                             .date = "1995-01-01", .doc_id = "d", .sentence = 0, .text = NULL};
    const tac_event *ev;
    size_t n = 99;
    tac_error_clear(&err);
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, NULL, &err), TAC_EPARSE);
    assert_int_equal(n, 0);
    assert_non_null(strstr(err.msg, "unclosed"));
    /* and the coder goes on with the next sentence */
    in.parse = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Rohan)))))";
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &n, NULL, &err), TAC_OK);
    assert_int_equal(n, 1);
    tac_coder_free(c);
    tac_dicts_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(actors_synonyms_dates_and_compounds),
        cmocka_unit_test(agents_affixes_plurals_and_substitutions),
        cmocka_unit_test(verbs_forms_synsets_and_patterns),
        cmocka_unit_test(discards_and_issues),
        cmocka_unit_test(directory_picks_files_by_name),
        cmocka_unit_test(phoenix_dictionaries_load),
        cmocka_unit_test(tree_reader_handles_layout_and_rejects_bad_trees),
        cmocka_unit_test(tree_from_nodes_equals_reader),
        cmocka_unit_test(coder_codes_nodes_like_bracketing),
        cmocka_unit_test(coder_reports_malformed_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
