/* Document stage on the real wire story (../shared seed article, story date
 * 2025-10-07, a Tuesday): event dates, places, and the whole stage through
 * tac_document with events as the coder would give them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "tacitus.h"

#define STORY_DATE "2025-10-07"

typedef struct article {
    char *text;
    size_t len;
    char dateline[64];
    tac_text_ctx *ctx;
    const tac_text *t;
} article;

static article art;

/* Reads and analyses the article once; skips the calling test when
 * ../shared is absent (fails under TAC_REQUIRE_SHARED). */
static void load_article(void)
{
    if (art.t)
        return;
    const char *path = tactest_shared("testdata/examples/seed-article.txt");
    tac_error err;
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    art.text = malloc(1 << 16);
    art.len = fread(art.text, 1, (1 << 16) - 1, f);
    art.text[art.len] = '\0';
    fclose(f);
    size_t place_len = 0, body = 0;
    assert_true(tac_find_dateline(art.text, art.len, &place_len, &body));
    snprintf(art.dateline, sizeof art.dateline, "%.*s", (int)place_len, art.text);
    art.ctx = tac_text_ctx_new();
    assert_int_equal(tac_text_analyze(art.ctx, art.text, art.len, body, &art.t, &err), TAC_OK);
}

static int teardown(void **state)
{
    (void)state;
    tac_text_ctx_free(art.ctx);
    free(art.text);
    return 0;
}

/* The sentence whose tokens start with the words of `prefix`. */
static const tac_sentence *find(const char *prefix, int *index)
{
    char buf[256];
    for (uint32_t i = 0; i < art.t->n_sentences; i++) {
        const tac_sentence *s = &art.t->sentences[i];
        size_t n = 0;
        buf[0] = '\0';
        for (uint32_t k = 0; k < s->n_tokens && n < strlen(prefix); k++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", k ? " " : "", s->tokens[k].form);
        if (strncmp(buf, prefix, strlen(prefix)) == 0) {
            if (index)
                *index = (int)i;
            return s;
        }
    }
    fail_msg("no sentence starts with \"%s\"", prefix);
    return NULL;
}

static size_t forms_of(const tac_sentence *s, const char **forms, size_t max)
{
    size_t n = 0;
    for (; n < s->n_tokens && n < max; n++)
        forms[n] = s->tokens[n].form;
    return n;
}

static const struct {
    const char *prefix, *date;
    tac_date_precision prec;
    bool historical;
    const char *place;      /* NULL: none */
} expected[] = {
    {"Chinese Premier Li Qiang will make", "2025-10-09", TAC_DATE_DAY, false, "North Korea"},
    {"Last month , North Korean leader", "2025-09", TAC_DATE_MONTH, false, "Beijing"},
    {"Li 's visit would mark", "2024-04", TAC_DATE_MONTH, true, "North Korea"},
    {"The two countries fought side", "1950..1953", TAC_DATE_RANGE, true, NULL},
    {"Through the premier 's visit", "2025-10-07", TAC_DATE_DAY, false, "Beijing"},
    {"North Korea 's Air Koryo operated", "2025-10-07", TAC_DATE_DAY, false, "Pyongyang"},
};

static void test_wire_dates_and_places(void **state)
{
    (void)state;
    load_article();
    assert_string_equal(art.dateline, "BEIJING");
    tac_gazetteer *g = tac_gazetteer_load(NULL, NULL, NULL, NULL);
    assert_non_null(g);
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const tac_sentence *s = find(expected[i].prefix, NULL);
        const char *forms[128];
        size_t n = forms_of(s, forms, 128);
        tac_date_input in = {STORY_DATE, forms, NULL, n, -1, TAC_TENSE_UNKNOWN};
        tac_event_date d;
        assert_int_equal(tac_resolve_date(&in, &d, NULL), TAC_OK);
        if (strcmp(d.date, expected[i].date) != 0 || d.precision != expected[i].prec ||
            d.historical != expected[i].historical)
            fail_msg("\"%s...\": got %s %s historical=%d", expected[i].prefix, d.date,
                     tac_date_precision_name(d.precision), d.historical);
        tac_place_input pin = {forms, NULL, n, -1, art.dateline, d.historical};
        tac_event_place pl;
        tac_find_place(g, &pin, &pl);
        const char *got = pl.place ? pl.place->name : NULL;
        if ((got == NULL) != (expected[i].place == NULL) ||
            (got && strcmp(got, expected[i].place) != 0))
            fail_msg("\"%s...\": place %s, want %s", expected[i].prefix, got ? got : "none",
                     expected[i].place ? expected[i].place : "none");
    }
    /* "since April 2024" opens a period */
    const tac_sentence *s = find("Li 's visit would mark", NULL);
    const char *forms[128];
    size_t n = forms_of(s, forms, 128);
    tac_date_input in = {STORY_DATE, forms, NULL, n, -1, TAC_TENSE_UNKNOWN};
    tac_event_date d;
    tac_resolve_date(&in, &d, NULL);
    assert_true(d.is_start);
    assert_string_equal(forms[d.first_token], "April");
    tac_gazetteer_free(g);
}

static tac_event event(const char *src, const char *tgt, const char *code, int sentence)
{
    tac_event e;
    memset(&e, 0, sizeof e);
    e.doc_id = "seed-article";
    e.date = STORY_DATE;
    e.source = src;
    e.target = tgt;
    e.cameo = code;
    e.sentence = sentence;
    return e;
}

static void test_wire_document(void **state)
{
    (void)state;
    load_article();
    tac_error err;
    tac_gazetteer *g = tac_gazetteer_load(NULL, NULL, NULL, &err);
    tac_document *doc = tac_document_new(g, &err);
    assert_non_null(doc);
    /* twice, to check begin resets everything */
    for (int round = 0; round < 2; round++) {
        assert_int_equal(tac_document_begin(doc, "seed-article", STORY_DATE, art.dateline, &err), TAC_OK);
        for (uint32_t i = 0; i < art.t->n_sentences; i++) {
            const char *forms[128];
            size_t n = forms_of(&art.t->sentences[i], forms, 128);
            assert_int_equal(tac_document_add_sentence(doc, (int)i, forms, NULL, n, &err), TAC_OK);
        }
        int s_visit, s_trip, s_since, s_war, s_kim;
        find("Chinese Premier Li Qiang will make", &s_visit);
        find("The trip by China", &s_trip);
        find("Li 's visit would mark", &s_since);
        find("The two countries fought side", &s_war);
        find("Last month , North Korean leader", &s_kim);
        /* the coder's buffers are reused: the document must copy */
        char src[16];
        strcpy(src, "CHNGOV");
        tac_event e = event(src, "PRK", "042", s_visit);
        assert_int_equal(tac_document_add_event(doc, &e, -1, TAC_TENSE_UNKNOWN, &err), TAC_OK);
        strcpy(src, "XXXXXX");
        e = event("CHNGOV", "PRK", "042", s_trip);
        assert_int_equal(tac_document_add_event(doc, &e, -1, TAC_TENSE_UNKNOWN, &err), TAC_OK);
        e = event("CHNGOV", "PRK", "042", s_since);
        assert_int_equal(tac_document_add_event(doc, &e, -1, TAC_TENSE_UNKNOWN, &err), TAC_OK);
        e = event("CHN", "USA", "190", s_war);
        assert_int_equal(tac_document_add_event(doc, &e, -1, TAC_TENSE_UNKNOWN, &err), TAC_OK);
        e = event("PRKGOV", "CHN", "042", s_kim);
        assert_int_equal(tac_document_add_event(doc, &e, -1, TAC_TENSE_UNKNOWN, &err), TAC_OK);
        /* an event whose sentence was never given: story date, dateline */
        e = event("CHN", "PRK", "010", 99);
        assert_int_equal(tac_document_add_event(doc, &e, -1, TAC_TENSE_UNKNOWN, &err), TAC_OK);

        const tac_event_doc *out;
        size_t n;
        assert_int_equal(tac_document_finish(doc, &out, &n, &err), TAC_OK);
        assert_int_equal(n, 5);
        /* the visit, told in the lead and again in the next sentence */
        assert_string_equal(out[0].event.source, "CHNGOV");
        assert_string_equal(out[0].date.date, "2025-10-09");
        assert_int_equal(out[0].n_sentences, 2);
        assert_int_equal(out[0].sentences[0], s_visit);
        assert_int_equal(out[0].sentences[1], s_trip);
        assert_string_equal(out[0].place, "North Korea");
        assert_string_equal(out[0].country, "PRK");
        assert_true(out[0].has_location);
        assert_false(out[0].date.historical);
        /* Zhao Leji's trip of April 2024 */
        assert_string_equal(out[1].date.date, "2024-04");
        assert_true(out[1].date.historical);
        /* the Korean War: historical, no place taken from the dateline */
        assert_string_equal(out[2].date.date, "1950..1953");
        assert_int_equal(out[2].date.precision, TAC_DATE_RANGE);
        assert_true(out[2].date.historical);
        assert_null(out[2].place);
        assert_false(out[2].has_location);
        /* Kim in Beijing last month */
        assert_string_equal(out[3].event.source, "PRKGOV");
        assert_string_equal(out[3].date.date, "2025-09");
        assert_string_equal(out[3].place, "Beijing");
        /* sentence 99 */
        assert_true(out[4].date.from_story);
        assert_string_equal(out[4].date.date, STORY_DATE);
        assert_string_equal(out[4].place, "Beijing");
    }
    /* coreference through the document's memory */
    tac_doc_memory *m = tac_document_memory(doc);
    const char *li[] = {"Chinese", "Premier", "Li", "Qiang"};
    const char *premier[] = {"the", "premier"};
    assert_int_equal(tac_doc_note_mention(m, 1, li, 4, "CHNGOV"), TAC_OK);
    assert_string_equal(tac_doc_resolve(m, 3, premier, 2), "CHNGOV");
    assert_int_equal(tac_document_begin(doc, "next", STORY_DATE, NULL, &err), TAC_OK);
    assert_null(tac_doc_resolve(m, 3, premier, 2));
    /* no story date and no event date: undated, still output */
    tac_event e = event("CHN", "PRK", "010", 0);
    e.date = NULL;
    assert_int_equal(tac_document_begin(doc, "undated", NULL, NULL, &err), TAC_OK);
    assert_int_equal(tac_document_add_event(doc, &e, -1, TAC_TENSE_UNKNOWN, &err), TAC_OK);
    const tac_event_doc *out;
    size_t n;
    assert_int_equal(tac_document_finish(doc, &out, &n, &err), TAC_OK);
    assert_int_equal(n, 1);
    assert_int_equal(out[0].date.precision, TAC_DATE_NONE);
    assert_string_equal(out[0].date.date, "");
    tac_document_free(doc);
    tac_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wire_dates_and_places),
        cmocka_unit_test(test_wire_document),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
