/* Document stage: the built-in gazetteer, name matching over tokens, and
 * finding where a sentence's event happened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "tacitus.h"

static tac_gazetteer *gaz;

static int setup(void **state)
{
    (void)state;
    size_t skipped = 99;
    tac_error err;
    gaz = tac_gazetteer_load(NULL, NULL, &skipped, &err);
    if (!gaz || skipped != 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tac_gazetteer_free(gaz);
    return 0;
}

/* Tokenizes one sentence with the text stage; forms point into ctx. */
static size_t tokenize(tac_text_ctx *ctx, const char *text, const char **forms, size_t max)
{
    const tac_text *t;
    tac_error err;
    assert_int_equal(tac_text_analyze(ctx, text, strlen(text), 0, &t, &err), TAC_OK);
    size_t n = 0;
    for (uint32_t s = 0; s < t->n_sentences; s++)
        for (uint32_t i = 0; i < t->sentences[s].n_tokens && n < max; i++)
            forms[n++] = t->sentences[s].tokens[i].form;
    return n;
}

static void test_builtin_size_and_values(void **state)
{
    (void)state;
    size_t n = tac_gazetteer_count(gaz);
    assert_true(n >= 1000);
    size_t kinds[4] = {0};
    for (size_t i = 0; i < n; i++) {
        const tac_place *p = tac_gazetteer_at(gaz, i);
        assert_non_null(p);
        assert_true(p->name[0] != '\0');
        assert_int_equal(strlen(p->country), 3);
        assert_true(p->lat >= -90 && p->lat <= 90);
        assert_true(p->lon >= -180 && p->lon <= 180);
        kinds[p->kind]++;
    }
    assert_true(kinds[TAC_PLACE_COUNTRY] >= 190);
    assert_true(kinds[TAC_PLACE_CAPITAL] >= 190);
    assert_true(kinds[TAC_PLACE_CITY] >= 500);
    assert_true(kinds[TAC_PLACE_REGION] >= 50);
    assert_null(tac_gazetteer_at(gaz, n));
    assert_string_equal(tac_place_kind_name(TAC_PLACE_CAPITAL), "capital");
}

static void test_every_country_has_its_capital(void **state)
{
    (void)state;
    /* every sovereign country row has a capital row with its code, except
     * the few whose seat of government is a city row or is the country */
    static const char *const exempt[] = {"ESH", "VAT", "MCO", "SGP", NULL};
    for (size_t i = 0; i < tac_gazetteer_count(gaz); i++) {
        const tac_place *c = tac_gazetteer_at(gaz, i);
        if (c->kind != TAC_PLACE_COUNTRY)
            continue;
        bool ok = false;
        for (const char *const *e = exempt; *e; e++)
            ok |= strcmp(*e, c->country) == 0;
        for (size_t j = 0; j < tac_gazetteer_count(gaz) && !ok; j++) {
            const tac_place *p = tac_gazetteer_at(gaz, j);
            ok = p->kind == TAC_PLACE_CAPITAL && strcmp(p->country, c->country) == 0;
        }
        if (!ok)
            fail_msg("no capital for %s (%s)", c->name, c->country);
    }
}

static void test_lookup(void **state)
{
    (void)state;
    static const struct { const char *name, *canonical, *country; tac_place_kind kind; } cases[] = {
        {"Pyongyang", "Pyongyang", "PRK", TAC_PLACE_CAPITAL},
        {"BEIJING", "Beijing", "CHN", TAC_PLACE_CAPITAL},
        {"Kiev", "Kyiv", "UKR", TAC_PLACE_CAPITAL},
        {"Khan Yunis", "Khan Younis", "PSE", TAC_PLACE_CITY},
        {"El Fasher", "El Fasher", "SDN", TAC_PLACE_CITY},
        {"Goma", "Goma", "COD", TAC_PLACE_CITY},
        {"Gaza", "Gaza Strip", "PSE", TAC_PLACE_REGION},
        {"Gaza City", "Gaza City", "PSE", TAC_PLACE_CITY},
        {"Kaesong", "Kaesong", "PRK", TAC_PLACE_CITY},
        {"Donetsk", "Donetsk", "UKR", TAC_PLACE_CITY},
        {"Idlib", "Idlib", "SYR", TAC_PLACE_CITY},
        {"Washington, D.C.", "Washington", "USA", TAC_PLACE_CAPITAL},
        {"DPRK", "North Korea", "PRK", TAC_PLACE_COUNTRY},
        {"Burma", "Myanmar", "MMR", TAC_PLACE_COUNTRY},
        {"rio de janeiro", "Rio de Janeiro", "BRA", TAC_PLACE_CITY},
        {"Côte d'Ivoire", "Cote d'Ivoire", "CIV", TAC_PLACE_COUNTRY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const tac_place *p = tac_gazetteer_lookup(gaz, cases[i].name);
        if (!p)
            fail_msg("%s not found", cases[i].name);
        assert_string_equal(p->name, cases[i].canonical);
        assert_string_equal(p->country, cases[i].country);
        assert_int_equal(p->kind, cases[i].kind);
    }
    const tac_place *p = tac_gazetteer_lookup(gaz, "Pyongyang");
    assert_true(p->lat > 38.9 && p->lat < 39.2 && p->lon > 125.6 && p->lon < 125.9);
    assert_null(tac_gazetteer_lookup(gaz, "Atlantis"));
    assert_null(tac_gazetteer_lookup(gaz, ""));
    assert_null(tac_gazetteer_lookup(gaz, NULL));
    assert_null(tac_gazetteer_lookup(NULL, "Seoul"));
}

static void test_match_longest_case_sensitive(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const char *f[64];
    const tac_place *p = NULL;
    size_t n = tokenize(ctx, "Envoys flew to the Democratic People's Republic of Korea.", f, 64);
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 4, &p), 6);
    assert_string_equal(p->name, "North Korea");
    n = tokenize(ctx, "Strikes hit Gaza City and Gaza.", f, 64);
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 2, &p), 2);
    assert_string_equal(p->name, "Gaza City");
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 5, &p), 1);
    assert_string_equal(p->name, "Gaza Strip");
    n = tokenize(ctx, "the gaza strip and North Korean troops", f, 64);
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 1, &p), 0);  /* lower case */
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 4, &p), 0);  /* "North Korean" */
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 99, &p), 0);
    n = tokenize(ctx, "Protests in St. Petersburg and Washington, D.C. grew.", f, 64);
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 2, &p), 2);
    assert_string_equal(p->name, "Saint Petersburg");
    assert_int_equal(tac_gazetteer_match(gaz, f, n, 5, &p), 3);
    assert_string_equal(p->name, "Washington");
    tac_text_ctx_free(ctx);
}

static void test_bad_rows_are_reported(void **state)
{
    (void)state;
    const char tsv[] =
        "name\talt_names\tkind\tcountry\tlat\tlon\n"
        "Arnor\tNorth Kingdom\tcountry\tARN\t10.5\t20.25\n"
        "Fornost\t\tcapital\tARN\t11\t21\n"
        "Bad Kind\t\tvillage\tARN\t1\t1\n"
        "Bad Lat\t\tcity\tARN\t91\t1\n"
        "Short\tcity\n"
        "Bad Code\t\tcity\tarn\t1\t1\n"
        "# a comment\n"
        "\n"
        "Annuminas\t\tcity\tARN\t12\t-22.5\n";
    const char *path = tactest_tempfile(tsv, sizeof tsv - 1);
    tactest_diag d = {0};
    tac_diag sink = tactest_diag_sink(&d);
    size_t skipped = 0;
    tac_error err;
    tac_gazetteer *g = tac_gazetteer_load(path, &sink, &skipped, &err);
    assert_non_null(g);
    assert_int_equal(tac_gazetteer_count(g), 3);
    assert_int_equal(skipped, 4);
    assert_int_equal(d.count, 4);
    assert_non_null(strstr(d.last_where, ":7"));
    assert_non_null(strstr(d.last_msg, "ISO"));
    const tac_place *p = tac_gazetteer_lookup(g, "North Kingdom");
    assert_non_null(p);
    assert_string_equal(p->name, "Arnor");
    assert_true(p->lon == 20.25);
    assert_null(tac_gazetteer_lookup(g, "Bad Lat"));
    tac_gazetteer_free(g);

    g = tac_gazetteer_load("/nonexistent/gazetteer.tsv", NULL, NULL, &err);
    assert_null(g);
    assert_int_equal(err.status, TAC_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/gazetteer.tsv"));
}

typedef struct place_case {
    const char *sentence;
    const char *verb;       /* verb form or NULL */
    const char *dateline;
    bool historical;
    const char *place;      /* expected name, NULL = none */
    const char *country;
    bool from_dateline;
} place_case;

static const place_case place_cases[] = {
    {"Li Qiang will make a three-day visit to North Korea from Thursday.", NULL, "BEIJING", 0, "North Korea", "PRK", 0},
    {"Air Koryo operated a special flight early Tuesday morning from Beijing for guests attending the celebrations in Pyongyang.", NULL, NULL, 0, "Pyongyang", "PRK", 0},
    {"Kim Jong Un visited Beijing to attend events.", NULL, NULL, 0, "Beijing", "CHN", 0},
    {"North Korea's Air Koryo operated a flight.", NULL, "BEIJING", 0, "Beijing", "CHN", 1},
    {"North Korea's Air Koryo operated a flight.", NULL, "BEIJING", 1, NULL, NULL, 0},
    {"Shelling hit a market in the northern city of Aleppo.", NULL, NULL, 0, "Aleppo", "SYR", 0},
    {"Israeli strikes killed 20 people in Khan Younis.", NULL, NULL, 0, "Khan Younis", "PSE", 0},
    {"Families from Rafah fled to Khan Younis.", NULL, NULL, 0, "Khan Younis", "PSE", 0},
    {"Russian forces shelled Kharkiv overnight.", NULL, NULL, 0, "Kharkiv", "UKR", 0},
    {"Rebels seized Goma, the largest city in eastern Congo.", "seized", NULL, 0, "Goma", "COD", 0},
    {"The talks were held in Washington, D.C.", NULL, NULL, 0, "Washington", "USA", 0},
    {"The minister said China's economy grew.", NULL, NULL, 0, NULL, NULL, 0},
    {"Paramilitaries attacked El Fasher.", NULL, NULL, 0, "El Fasher", "SDN", 0},
    {"Delegates gathered at the Kremlin.", NULL, NULL, 0, NULL, NULL, 0},
    {"Talks in Gaza City collapsed.", NULL, NULL, 0, "Gaza City", "PSE", 0},
    {"Aid convoys reached Gaza.", NULL, NULL, 0, "Gaza Strip", "PSE", 0},
    {"The envoy traveled to the Syrian capital, Damascus.", NULL, NULL, 0, "Damascus", "SYR", 0},
    {"He spoke to reporters in Seoul.", NULL, NULL, 0, "Seoul", "KOR", 0},
    {"A source close to South Korea's armed forces said.", NULL, "SEOUL, South Korea", 0, "Seoul", "KOR", 1},
    {"The ministry issued a statement.", NULL, "UNITED NATIONS", 0, NULL, NULL, 0},
    {"Troops were deployed to the border near Donetsk.", NULL, NULL, 0, "Donetsk", "UKR", 0},
    {"Clashes erupted in St. Petersburg.", NULL, NULL, 0, "Saint Petersburg", "RUS", 0},
    {"They met in The Hague.", NULL, NULL, 0, "The Hague", "NLD", 0},
    {"Taliban fighters entered Mazar-i-Sharif.", NULL, NULL, 0, "Mazar-i-Sharif", "AFG", 0},
    {"Beijing condemned the drills.", NULL, NULL, 0, NULL, NULL, 0},
    {"The two countries fought side by side in the 1950-1953 Korean War.", NULL, "BEIJING", 1, NULL, NULL, 0},
    {"Ministers from Japan met their counterparts in Kyiv.", "met", NULL, 0, "Kyiv", "UKR", 0},
    {"The delegation flew from Moscow to Pyongyang.", NULL, NULL, 0, "Pyongyang", "PRK", 0},
};

static void test_place_table(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    size_t failed = 0;
    for (size_t i = 0; i < sizeof place_cases / sizeof place_cases[0]; i++) {
        const place_case *c = &place_cases[i];
        const char *f[128];
        size_t n = tokenize(ctx, c->sentence, f, 128);
        int verb = -1;
        for (size_t k = 0; c->verb && k < n; k++)
            if (strcmp(f[k], c->verb) == 0)
                verb = (int)k;
        tac_place_input in = {f, NULL, n, verb, c->dateline, c->historical};
        tac_event_place out;
        tac_find_place(gaz, &in, &out);
        const char *got = out.place ? out.place->name : NULL;
        bool ok = (got == NULL) == (c->place == NULL) &&
                  (!got || (strcmp(got, c->place) == 0 &&
                            strcmp(out.place->country, c->country) == 0)) &&
                  out.from_dateline == c->from_dateline;
        if (ok && got && !c->from_dateline)
            ok = out.first_token >= 0 && out.end_token > out.first_token &&
                 (size_t)out.end_token <= n;
        if (!ok) {
            print_error("\"%s\": got %s (dateline %d), want %s (dateline %d)\n", c->sentence,
                        got ? got : "none", out.from_dateline, c->place ? c->place : "none",
                        c->from_dateline);
            failed++;
        }
    }
    tac_text_ctx_free(ctx);
    if (failed)
        fail_msg("%zu place cases failed", failed);
}

static void test_find_place_degenerate(void **state)
{
    (void)state;
    tac_event_place out;
    tac_place_input in = {NULL, NULL, 0, -1, "PYONGYANG", false};
    tac_find_place(gaz, &in, &out);
    assert_non_null(out.place);
    assert_string_equal(out.place->name, "Pyongyang");
    assert_true(out.from_dateline);
    assert_int_equal(out.first_token, -1);
    tac_find_place(NULL, &in, &out);
    assert_null(out.place);
    const char *f[] = {"in", NULL, "Seoul"};
    tac_place_input holes = {f, NULL, 3, -1, NULL, false};
    tac_find_place(gaz, &holes, &out);
    assert_null(out.place);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_size_and_values),
        cmocka_unit_test(test_every_country_has_its_capital),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_match_longest_case_sensitive),
        cmocka_unit_test(test_bad_rows_are_reported),
        cmocka_unit_test(test_place_table),
        cmocka_unit_test(test_find_place_degenerate),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
