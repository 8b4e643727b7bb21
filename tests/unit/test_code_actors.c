/* The coder on news noun phrases and across sentences (src/code/coder.c):
 * people with dated codes inside titled noun phrases, appositives, four-digit
 * CAMEO codes from patterns and verb + verb combinations, the coreference
 * hook; and directory mode of the dictionary loader (src/code/dict_load.c).
 * Small inline PETRARCH-2 style dictionaries and hand-written trees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tactest.h"
#include "util/util.h"

/* PETRARCH-2 style (patterns with (...)), like data/verbs.txt. */
static const char VERBS[] =
    "--- APPEAL [020] ---\n"
    "URGE\n"
    "- * (TO RELEASE) [0253]\n"
    "- * (TO FREE) [0253]\n"
    "--- BEG [020] ---\n"
    "BEG {BEGGED BEGS BEGGING}\n"
    "--- REFUSE [120] ---\n"
    "REFUSE\n"
    "--- RELEASE [0841] ---\n"
    "RELEASE\n"
    "--- FREE [081] ---\n"
    "FREE\n"
    "--- VISIT [042:043] ---\n"
    "VISIT\n"
    "--- INVITE [036] ---\n"
    "INVITE\n"
    "--- AGREE [030] ---\n"
    "AGREE\n"
    "--- MAINTAIN [---] ---\n"
    "MAINTAIN\n"
    "--- HOLD [---] ---\n"
    "HOLD {HELD HOLDS HOLDING}\n"
    "- * {MILITARY PARADE} [150]\n"
    "--- BLAME [112] ---\n"
    "BLAME\n";

static const char ACTORS[] =
    "CHINA [CHN]\n"
    "+CHINESE\n"
    "NORTH_KOREA [PRK]\n"
    "+NORTH_KOREAN\n"
    "VIETNAM [VNM]\n"
    "RUSSIA [RUS]\n"
    "+RUSSIAN\n"
    "LAOS [LAO]\n"
    "+LAO\n"
    "MYANMAR [MMR]\n"
    "SOUTH_KOREA [KOR]\n"
    "UN_SECURITY_COUNCIL [IGOUNOSEC]\n"
    "UNITED_RUSSIA_PARTY [RUSPTY]\n"
    "LI_QIANG_\n"
    "+PREMIER_LI_QIANG_\n"
    "\t[CHNGOV >221023]\n"
    "\t[CHNELI]\n"
    "TO_LAM_\n"
    "\t[VNMGOV >240803]\n"
    "\t[VNMELI]\n"
    "DMITRY_MEDVEDEV_\n"
    "\t[RUSGOV 080507-120507]\n"
    "\t[RUSGOV >200116]\n"
    "\t[RUSELI]\n"
    "THONGLOUN_SISOULITH_\n"
    "\t[LAOGOV >210322]\n"
    "\t[LAOELI]\n"
    "XI_JINPING_\n"
    "\t[CHNGOV >121115]\n"
    "\t[CHNELI]\n";

static const char AGENTS[] =
    "PREMIER [~GOV]\n"
    "PRESIDENT [~GOV]\n"
    "LEADER [~GOV]\n"
    "OFFICIAL [~GOV]\n"
    "CHAIRMAN [~GOV]\n"
    "MILITARY {} [~MIL]\n"
    "ARMED_FORCES {} [~MIL]\n";

typedef tactest_coder fixture;

TACTEST_CODER_FIXTURE(VERBS, ACTORS, AGENTS)

/* "SRC TGT CODE;..." for the tree on the date. */
static const char *code_on(fixture *f, const char *date, const char *tree)
{
    return tactest_code(f, date, tree);
}

static const char *code(fixture *f, const char *tree) { return code_on(f, "2025-10-07", tree); }

/* "(ROOT (S SUBJECT (VP (VBD visited) (NP (NNP North) (NNP Korea)))))" */
static const char *visits_prk(fixture *f, const char *date, const char *subject)
{
    char tree[1024];
    snprintf(tree, sizeof tree,
             "(ROOT (S %s (VP (VBD visited) (NP (NNP North) (NNP Korea))) (. .)))", subject);
    return code_on(f, date, tree);
}

/* ---- four-digit CAMEO codes ------------------------------------------ */

static void pattern_into_infinitive_keeps_four_digits(void **state)
{
    fixture *f = *state;
    /* "- * (TO RELEASE) [0253]" reads into the "to" clause; the code stays
     * 0253 (the complement's own family would have made it 025) */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP UN) (NNP Security) (NNP Council)) "
                                "(VP (VBD urged) (NP (NNP Myanmar)) (S (VP (TO to) (VP (VB release) "
                                "(NP (JJ political) (NNS prisoners)))))) (. .)))"),
                        "IGOUNOSEC MMR 0253");
    assert_non_null(strstr(f->ev[0].verb_pattern, "(TO RELEASE) [0253]"));
}

static void pattern_sub_code_wins_over_combination(void **state)
{
    fixture *f = *state;
    /* FREE codes 081, so appeal + FREE combines to 0251 ... */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Russia)) (VP (VBD begged) (NP (NNP Myanmar)) "
                                "(S (VP (TO to) (VP (VB free) (NP (NNS prisoners)))))) (. .)))"),
                        "RUS MMR 0251");
    /* ... but URGE's pattern "- * (TO FREE) [0253]" names the sub-code */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Russia)) (VP (VBD urged) (NP (NNP Myanmar)) "
                                "(S (VP (TO to) (VP (VB free) (NP (NNS prisoners)))))) (. .)))"),
                        "RUS MMR 0253");
    /* a verb without patterns combines with RELEASE (0841) to 0253 */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Russia)) (VP (VBD begged) (NP (NNP Myanmar)) "
                                "(S (VP (TO to) (VP (VB release) (NP (NNS prisoners)))))) (. .)))"),
                        "RUS MMR 0253");
}

static void combinations_reach_the_fourth_digit(void **state)
{
    fixture *f = *state;
    /* reject (12) + release persons (0841) = 1243 "decline to release" */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Myanmar)) (VP (VBD refused) (S (VP (TO to) "
                                "(VP (VB release) (NP (NNS prisoners) (PP (IN from) "
                                "(NP (NNP Russia)))))))) (. .)))"),
                        "MMR RUS 1243");
}

/* ---- actors in news noun phrases ------------------------------------- */

static void person_entry_wins_over_country_adjective(void **state)
{
    fixture *f = *state;
    const char *li = "(NP (JJ Chinese) (NNP Premier) (NNP Li) (NNP Qiang))";
    assert_string_equal(visits_prk(f, "2025-10-07", li), "CHNGOV PRK 042;PRK CHNGOV 043");
    assert_non_null(strstr(f->ev[0].source_entry, "LI_QIANG_ [CHNGOV"));
    /* before he took office the date restriction gives his default */
    assert_string_equal(visits_prk(f, "2020-01-01", li), "CHNELI PRK 042;PRK CHNELI 043");
    /* the adjective and the agent alone compose */
    assert_string_equal(visits_prk(f, "2025-10-07", "(NP (JJ Chinese) (NN premier))"),
                        "CHNGOV PRK 042;PRK CHNGOV 043");
    /* two different countries: the first still wins (PETRARCH) */
    assert_string_equal(visits_prk(f, "2025-10-07", "(NP (JJ Russian) (JJ Chinese) (NNS officials))"),
                        "RUSGOV PRK 042;PRK RUSGOV 043");
    /* Lao President Thongloun Sisoulith */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP Lao) (NNP President) (NNP Thongloun) "
                                "(NNP Sisoulith)) (VP (VBD visited) (NP (NNP Vietnam))) (. .)))"),
                        "LAOGOV VNM 042;VNM LAOGOV 043");
}

static void adjective_country_with_plural_agent(void **state)
{
    fixture *f = *state;
    assert_string_equal(code(f, "(ROOT (S (NP (JJ North) (JJ Korean) (NNS officials)) "
                                "(VP (VBD visited) (NP (NNP China))) (. .)))"),
                        "PRKGOV CHN 042;CHN PRKGOV 043");
}

static void possessive_country_and_titles(void **state)
{
    fixture *f = *state;
    /* China's No. 2 leader */
    assert_string_equal(visits_prk(f, "2025-10-07",
                                   "(NP (NP (NNP China) (POS 's)) (NN No.) (CD 2) (NN leader))"),
                        "CHNGOV PRK 042;PRK CHNGOV 043");
    /* Vietnam's top leader To Lam: the person's code */
    assert_string_equal(visits_prk(f, "2025-10-07",
                                   "(NP (NP (NNP Vietnam) (POS 's)) (JJ top) (NN leader) (NNP To) "
                                   "(NNP Lam))"),
                        "VNMGOV PRK 042;PRK VNMGOV 043");
    assert_non_null(strstr(f->ev[0].source_entry, "TO_LAM"));
}

static void appositive_does_not_make_a_second_actor(void **state)
{
    fixture *f = *state;
    const char *medvedev =
        "(NP (NP (JJ former) (JJ Russian) (NNP President) (NNP Dmitry) (NNP Medvedev)) (, ,) "
        "(NP (NP (NN chairman)) (PP (IN of) (NP (DT the) (VBG ruling) (NNP United) (NNP Russia) "
        "(NNP Party)))) (, ,))";
    /* on the story date he is Deputy Chairman of the Security Council:
     * his dated code, not RUSELI ("former") and not RUSPTY (appositive) */
    assert_string_equal(visits_prk(f, "2025-10-07", medvedev), "RUSGOV PRK 042;PRK RUSGOV 043");
    assert_non_null(strstr(f->ev[0].source_entry, "DMITRY_MEDVEDEV"));
    /* between his offices (no restriction applies) "former" makes him an elite */
    assert_string_equal(visits_prk(f, "2013-06-01", medvedev), "RUSELI PRK 042;PRK RUSELI 043");
    /* an appositive of an uncoded noun phrase still names the actor */
    assert_string_equal(visits_prk(f, "2025-10-07",
                                   "(NP (NP (NNP Boris) (NNP Gryzlov)) (, ,) (NP (NP (NN chairman)) "
                                   "(PP (IN of) (NP (DT the) (NNP United) (NNP Russia) (NNP Party)))))"),
                        "RUSPTYGOV PRK 042;PRK RUSPTYGOV 043");
}

static void pattern_words_and_attributions_are_not_targets(void **state)
{
    fixture *f = *state;
    /* "a military parade" is the event; "according to ... South Korea's
     * armed forces" says who reported it: no target, no event */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP North) (NNP Korea)) (VP (VBD held) "
                                "(NP (DT a) (JJ military) (NN parade)) (, ,) (PP (VBG according) "
                                "(PP (TO to) (NP (NP (NNP South) (NNP Korea) (POS 's)) (NNS armed) "
                                "(NNS forces))))) (. .)))"),
                        "");
    /* a real target after the pattern's words still counts */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP North) (NNP Korea)) (VP (VBD held) "
                                "(NP (DT a) (JJ military) (NN parade)) (PP (IN near) "
                                "(NP (NNP South) (NNP Korea)))) (. .)))"),
                        "PRK KOR 150");
}

static void purpose_clause_object_is_not_the_target(void **state)
{
    fixture *f = *state;
    /* "Kim visited Beijing to attend events marking ... Japan's surrender":
     * here with no object of its own, "visited" must not take the actor
     * of its purpose clause's object when one of its own clause exists */
    assert_string_equal(code(f, "(ROOT (S (NP (JJ North) (JJ Korean) (NN leader)) (VP (VBD visited) "
                                "(NP (NNP China)) (S (VP (TO to) (VP (VB mark) (NP (NP (DT the) "
                                "(NN anniversary)) (PP (IN of) (NP (NP (NNP Russia) (POS 's)) "
                                "(NN victory)))))))) (. .)))"),
                        "PRKGOV CHN 042;CHN PRKGOV 043");
    /* a participle after the object describes the object: "flight for
     * guests visiting China" is not North Korea visiting China */
    assert_string_equal(code(f, "(ROOT (S (NP (NNP North) (NNP Korea)) (VP (VBD operated) "
                                "(NP (DT a) (NN flight)) (PP (IN for) (NP (NNS guests))) (S (VP (VBG "
                                "visiting) (NP (NNP China))))) (. .)))"),
                        "");
}

/* ---- the coreference hook --------------------------------------------- */

typedef struct fake_memory {
    char log[2048];
} fake_memory;

static void append(fake_memory *m, const char *text)
{
    size_t len = strlen(m->log);
    snprintf(m->log + len, sizeof m->log - len, "%s", text);
}

static void fake_noted(void *ud, int sentence, size_t first, size_t n, const char *const *words,
                       const char *code)
{
    char line[256];
    assert_int_equal(sentence, 3);
    snprintf(line, sizeof line, "noted %s %zu+%zu [%s];", code, first, n, words[0]);
    append(ud, line);
}

/* Knows Kim, "his" (Kim) and "the two" (Kim and Xi). */
static size_t fake_resolve(void *ud, int sentence, size_t first, size_t n,
                           const char *const *words, const char **codes, size_t cap)
{
    fake_memory *m = ud;
    assert_int_equal(sentence, 3);
    assert_true(cap >= 2);
    char phrase[256] = "";
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(phrase);
        snprintf(phrase + len, sizeof phrase - len, "%s%s", i ? " " : "", words[i]);
    }
    char line[300];
    snprintf(line, sizeof line, "resolve %s %zu+%zu;", phrase, first, n);
    append(m, line);
    if (!strcmp(phrase, "Kim") || !strcmp(phrase, "his")) {
        codes[0] = "PRKGOV";
        return 1;
    }
    if (!strcmp(phrase, "the two")) {
        codes[0] = "PRKGOV";
        codes[1] = "CHNGOV";
        return 2;
    }
    return 0;
}

static const char KIM_INVITED[] =
    "(ROOT (S (NP (NNP Kim)) (VP (VBZ has) (VP (VBN invited) (NP (NNP Lao) (NNP President) "
    "(NNP Thongloun) (NNP Sisoulith)) (S (VP (TO to) (VP (VB visit)))))) (. .)))";

static const char THE_TWO_AGREED[] =
    "(ROOT (S (PP (IN In) (NP (PRP$ his) (JJ first) (NNS talks))) (PP (IN with) (NP (JJ Chinese) "
    "(NNP President) (NNP Xi) (NNP Jinping))) (, ,) (NP (DT the) (CD two)) (VP (VBD agreed) (S "
    "(VP (TO to) (VP (VB maintain) (NP (PRP$ their) (NN friendship)))))) (. .)))";

static void without_hook_references_stay_uncoded(void **state)
{
    fixture *f = *state;
    tac_coder_set_mention_hook(f->c, NULL);
    assert_string_equal(code(f, KIM_INVITED), "");
    assert_string_equal(code(f, THE_TWO_AGREED), "");
}

static void hook_resolves_a_bare_name(void **state)
{
    fixture *f = *state;
    fake_memory m = {""};
    tac_mention_hook hook = {&m, fake_noted, fake_resolve};
    tac_coder_set_mention_hook(f->c, &hook);
    assert_string_equal(code(f, KIM_INVITED), "PRKGOV LAOGOV 036");
    assert_string_equal(f->ev[0].source_entry, "coreference: PRKGOV (sentence 3)");
    assert_non_null(strstr(f->ev[0].target_entry, "THONGLOUN_SISOULITH"));
    /* the dictionary actor was noted, with its leaf span and words */
    assert_non_null(strstr(m.log, "noted LAOGOV 3+4 [Lao];"));
    assert_non_null(strstr(m.log, "resolve Kim 0+1;"));
    /* coded actors are not asked about */
    assert_null(strstr(m.log, "resolve Lao"));
    tac_coder_set_mention_hook(f->c, NULL);
}

static void plural_reference_in_its_own_sentence(void **state)
{
    fixture *f = *state;
    fake_memory m = {""};
    tac_mention_hook hook = {&m, fake_noted, fake_resolve};
    tac_coder_set_mention_hook(f->c, &hook);
    /* "his" (no antecedent in the sentence) comes from the hook, Xi from
     * the dictionary: "the two" are those two, and their agreement goes
     * both ways ("their friendship" is theirs, not a third party) */
    assert_string_equal(code(f, THE_TWO_AGREED), "PRKGOV CHNGOV 030;CHNGOV PRKGOV 030");
    assert_string_equal(f->ev[0].source_entry, "coreference: PRKGOV (sentence 3)");
    assert_non_null(strstr(f->ev[1].source_entry, "XI_JINPING_"));
    assert_non_null(strstr(m.log, "resolve his 1+1;"));
    assert_null(strstr(m.log, "resolve the two"));
    tac_coder_set_mention_hook(f->c, NULL);
    /* without a hook, two actors earlier in the sentence do as well */
    assert_string_equal(code(f, "(ROOT (S (S (NP (NNP Russia)) (VP (VBD visited) (NP (NNP China)))) "
                                "(CC and) (S (NP (DT the) (CD two)) (VP (VBD agreed) (S (VP (TO to) "
                                "(VP (VB maintain) (NP (NNS ties))))))) (. .)))"),
                        "RUS CHN 042;CHN RUS 043;RUS CHN 030;CHN RUS 030");
}

static void hook_gives_plural_references_both_ways(void **state)
{
    fixture *f = *state;
    fake_memory m = {""};
    tac_mention_hook hook = {&m, fake_noted, fake_resolve};
    tac_coder_set_mention_hook(f->c, &hook);
    /* one actor in the sentence: "the two" is asked of the hook, after
     * the sentence's own actor (Xi) was noted */
    assert_string_equal(code(f, "(ROOT (S (PP (IN In) (NP (NNS talks))) (PP (IN with) (NP (JJ Chinese) "
                                "(NNP President) (NNP Xi) (NNP Jinping))) (, ,) (NP (DT the) (CD two)) "
                                "(VP (VBD agreed) (S (VP (TO to) (VP (VB maintain) (NP (PRP$ their) "
                                "(NN friendship)))))) (. .)))"),
                        "PRKGOV CHNGOV 030;CHNGOV PRKGOV 030");
    assert_string_equal(f->ev[1].source_entry, "coreference: CHNGOV (sentence 3)");
    const char *noted = strstr(m.log, "noted CHNGOV 3+4 [Chinese];");
    const char *two = strstr(m.log, "resolve the two 8+2;");
    assert_non_null(noted);
    assert_non_null(two);
    assert_true(noted < two);
    tac_coder_set_mention_hook(f->c, NULL);
}

static void hook_with_resolver_only(void **state)
{
    fixture *f = *state;
    tac_mention_hook hook = {NULL, NULL, fake_resolve};
    fake_memory m = {""};
    hook.ud = &m;
    tac_coder_set_mention_hook(f->c, &hook);
    assert_string_equal(code(f, KIM_INVITED), "PRKGOV LAOGOV 036");
    tac_coder_set_mention_hook(f->c, NULL);
}

/* ---- directory mode ---------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void remove_dir(const char *dir, const char *const *names)
{
    char path[512];
    for (; *names; names++) {
        snprintf(path, sizeof path, "%s/%s", dir, *names);
        unlink(path);
    }
    rmdir(dir);
}

static void directory_mode_finds_both_namings(void **state)
{
    (void)state;
    char dir[] = "/tmp/tac-dictdir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const names[] = {"verbs.txt", "actors-countries.txt",
                                        "Actors-People.TXT.txt", "Other.actors.txt",
                                        "agents.txt", "discards.txt", "Issues-news.txt",
                                        "README.md", NULL};
    write_file(dir, "verbs.txt", "--- VISIT [042:043] ---\nVISIT\n");
    write_file(dir, "actors-countries.txt", "ARNOR [ARN]\n");
    write_file(dir, "Actors-People.TXT.txt", "GOLLUM [HOB]\n");
    write_file(dir, "Other.actors.txt", "GONDOR [GON]\n");
    write_file(dir, "agents.txt", "GOVERNMENT [~GOV]\n");
    write_file(dir, "discards.txt", "FOOTBALL\n");
    write_file(dir, "Issues-news.txt", "NUCLEAR [NUCLEAR]\n");
    write_file(dir, "README.md", "not a dictionary\n");
    tac_dict_paths p = {.dir = dir};
    tac_error err;
    tac_error_clear(&err);
    tactest_diag dg = {0};
    tac_diag diag = tactest_diag_sink(&dg);
    tac_dicts *d = tac_dicts_load(&p, &diag, &err);
    assert_non_null(d);
    tac_dict_counts n;
    tac_dicts_counts(d, &n);
    assert_int_equal(n.verbs, 1);
    assert_int_equal(n.actors, 3);      /* every actors* and *.actors* file */
    assert_true(n.agents >= 1);
    assert_true(n.discards >= 1);
    assert_int_equal(n.issues, 1);
    assert_int_equal(n.skipped, 0);
    assert_int_equal(dg.count, 0);
    /* the set codes */
    tac_coder *c = tac_coder_new(d, NULL, &err);
    tac_sentence_input in = {.parse = "(ROOT (S (NP (NNP Gollum)) (VP (VBD visited) (NP (NNP Gondor)))))",
                             .date = "2020-01-01", .doc_id = "d", .sentence = 0, .text = NULL};
    const tac_event *ev;
    size_t k;
    assert_int_equal(tac_coder_code_parse(c, &in, &ev, &k, NULL, &err), TAC_OK);
    assert_int_equal(k, 2);
    assert_string_equal(ev[0].source, "HOB");
    assert_string_equal(ev[0].target, "GON");
    tac_coder_free(c);
    tac_dicts_free(d);

    /* without a verb file: TAC_ENOTFOUND, naming our and PETRARCH's names */
    char path[512];
    snprintf(path, sizeof path, "%s/verbs.txt", dir);
    unlink(path);
    d = tac_dicts_load(&p, &diag, &err);
    assert_null(d);
    assert_int_equal(err.status, TAC_ENOTFOUND);
    assert_non_null(strstr(err.msg, "verbs*.txt"));
    remove_dir(dir, names);
}

static void data_directory_loads_without_complaint(void **state)
{
    (void)state;
    tac_dict_paths p = {.dir = tactest_source("data")};
    tac_error err;
    tac_error_clear(&err);
    tactest_diag dg = {0};
    tac_diag diag = tactest_diag_sink(&dg);
    tac_dicts *d = tac_dicts_load(&p, &diag, &err);
    assert_non_null(d);
    tac_dict_counts n;
    tac_dicts_counts(d, &n);
    assert_true(n.verbs > 100);
    assert_true(n.actors > 500);
    assert_true(n.agents > 100);
    assert_true(n.discards > 10);
    assert_true(n.issues > 10);
    assert_int_equal(n.skipped, 0);
    tac_dicts_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pattern_into_infinitive_keeps_four_digits),
        cmocka_unit_test(pattern_sub_code_wins_over_combination),
        cmocka_unit_test(combinations_reach_the_fourth_digit),
        cmocka_unit_test(person_entry_wins_over_country_adjective),
        cmocka_unit_test(adjective_country_with_plural_agent),
        cmocka_unit_test(possessive_country_and_titles),
        cmocka_unit_test(appositive_does_not_make_a_second_actor),
        cmocka_unit_test(pattern_words_and_attributions_are_not_targets),
        cmocka_unit_test(purpose_clause_object_is_not_the_target),
        cmocka_unit_test(without_hook_references_stay_uncoded),
        cmocka_unit_test(hook_resolves_a_bare_name),
        cmocka_unit_test(plural_reference_in_its_own_sentence),
        cmocka_unit_test(hook_gives_plural_references_both_ways),
        cmocka_unit_test(hook_with_resolver_only),
        cmocka_unit_test(directory_mode_finds_both_namings),
        cmocka_unit_test(data_directory_loads_without_complaint),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
