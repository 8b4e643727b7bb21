/* Document stage: merging one event told twice, and the cross-story
 * one-a-day filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "tacitus.h"
#include "util/util.h"

static tac_event_doc make(const char *src, const char *tgt, const char *code, int sentence,
                          const char *story, const char *sent_text)
{
    tac_event_doc d;
    memset(&d, 0, sizeof d);
    d.event.source = src;
    d.event.target = tgt;
    d.event.cameo = code;
    d.event.sentence = sentence;
    d.event.date = story;
    /* date the event as the text stage + resolver would */
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    assert_int_equal(tac_text_analyze(ctx, sent_text, strlen(sent_text), 0, &t, NULL), TAC_OK);
    const char *forms[64];
    uint32_t n = t->sentences[0].n_tokens;
    for (uint32_t i = 0; i < n && i < 64; i++)
        forms[i] = t->sentences[0].tokens[i].form;
    tac_date_input in = {story, forms, NULL, n, -1, TAC_TENSE_UNKNOWN};
    assert_int_equal(tac_resolve_date(&in, &d.date, NULL), TAC_OK);
    tac_text_ctx_free(ctx);
    return d;
}

static void assert_sentences(const tac_event_doc *d, const int *want, size_t n)
{
    assert_int_equal(d->n_sentences, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(d->sentences[i], want[i]);
}

static void test_same_event_twice(void **state)
{
    (void)state;
    tac_arena a;
    tac_arena_init(&a, 0);
    tac_event_doc in[] = {
        make("CHNGOV", "PRK", "042", 1, "2025-10-07", "Li will visit North Korea from Thursday."),
        make("CHNGOV", "PRK", "042", 2, "2025-10-07", "The trip would underscore ties."),
        make("CHNGOV", "PRK", "042", 4, "2025-10-07", "It is the first trip since April 2024."),
        make("PRKGOV", "CHN", "042", 9, "2025-10-07", "Last month, Kim visited Beijing."),
        make("CHNGOV", "PRK", "04", 11, "2025-10-07", "Li will meet officials on Thursday."),
    };
    tac_event_doc *out;
    size_t n;
    assert_int_equal(tac_dedupe_events(in, 5, &a, &out, &n, NULL), TAC_OK);
    assert_int_equal(n, 3);
    /* 1, 2 (undated) and 11 (root code, same Thursday) are one visit */
    assert_string_equal(out[0].event.source, "CHNGOV");
    assert_string_equal(out[0].event.cameo, "042");
    assert_string_equal(out[0].date.date, "2025-10-09");
    assert_sentences(&out[0], (const int[]){1, 2, 11}, 3);
    /* April 2024 is another trip */
    assert_string_equal(out[1].date.date, "2024-04");
    assert_sentences(&out[1], (const int[]){4}, 1);
    assert_string_equal(out[2].event.source, "PRKGOV");
    assert_sentences(&out[2], (const int[]){9}, 1);
    /* input untouched */
    assert_string_equal(in[4].event.cameo, "04");
    tac_arena_free(&a);
}

static void test_codes_and_dates(void **state)
{
    (void)state;
    tac_arena a;
    tac_arena_init(&a, 0);
    const char *s = "2025-10-07";
    tac_event_doc in[] = {
        make("USA", "IRN", "04", 0, s, "They met in September."),
        make("USA", "IRN", "0421", 1, s, "They met on September 15."),
        make("USA", "IRN", "043", 2, s, "They met on September 15."),
        make("USA", "IRN", "042", 3, s, "They met on Monday."),
        make("IRN", "USA", "042", 4, s, "They met on Monday."),
        make("USA", "IRN", "042", 5, s, "They met on Monday."),
    };
    tac_event_doc *out;
    size_t n;
    assert_int_equal(tac_dedupe_events(in, 6, &a, &out, &n, NULL), TAC_OK);
    assert_int_equal(n, 4);
    /* 04 (September) + 0421 (Sept 15): the finer code and date are kept */
    assert_string_equal(out[0].event.cameo, "0421");
    assert_string_equal(out[0].date.date, "2025-09-15");
    assert_int_equal(out[0].date.precision, TAC_DATE_DAY);
    assert_sentences(&out[0], (const int[]){0, 1}, 2);
    /* 043 is a different event on the same day */
    assert_string_equal(out[1].event.cameo, "043");
    /* Monday 2025-10-06 is outside September: a new event, told twice */
    assert_string_equal(out[2].event.cameo, "042");
    assert_string_equal(out[2].date.date, "2025-10-06");
    assert_sentences(&out[2], (const int[]){3, 5}, 2);
    /* the reverse dyad is its own event */
    assert_string_equal(out[3].event.source, "IRN");
    tac_arena_free(&a);
}

static void test_places_and_sentence_lists(void **state)
{
    (void)state;
    tac_arena a;
    tac_arena_init(&a, 0);
    const char *s = "2025-10-07";
    tac_event_doc in[] = {
        make("RUS", "UKR", "190", 3, s, "Russia attacked on Sunday."),
        make("RUS", "UKR", "190", 7, s, "The attack came on Sunday."),
        make("RUS", "UKR", "190", 1, s, "Russia attacked Kharkiv on Sunday."),
    };
    in[1].place = "Kharkiv";
    in[1].country = "UKR";
    in[1].has_location = true;
    in[1].lat = 49.99;
    in[1].lon = 36.23;
    int lists[2][2] = {{3, 5}, {5, 7}};
    in[0].sentences = lists[0];
    in[0].n_sentences = 2;
    in[1].sentences = lists[1];
    in[1].n_sentences = 2;
    tac_event_doc *out;
    size_t n;
    assert_int_equal(tac_dedupe_events(in, 3, &a, &out, &n, NULL), TAC_OK);
    assert_int_equal(n, 1);
    assert_sentences(&out[0], (const int[]){1, 3, 5, 7}, 4);
    assert_string_equal(out[0].place, "Kharkiv");
    assert_true(out[0].has_location);
    assert_true(out[0].lat == 49.99);
    assert_int_equal(out[0].event.sentence, 3);   /* the first report is kept */

    assert_int_equal(tac_dedupe_events(in, 0, &a, &out, &n, NULL), TAC_OK);
    assert_int_equal(n, 0);
    tac_error err;
    assert_int_equal(tac_dedupe_events(NULL, 2, &a, &out, &n, &err), TAC_EINVAL);
    assert_int_equal(tac_dedupe_events(in, 1, NULL, &out, &n, &err), TAC_EINVAL);
    tac_arena_free(&a);
}

static void test_day_filter(void **state)
{
    (void)state;
    tac_day_filter *f = tac_day_filter_new(7);
    assert_non_null(f);
    bool is_new;
    long count;
    assert_int_equal(tac_day_filter_add(f, "2025-10-01", "CHN", "PRK", "042", "2025-10-01", &is_new, &count), TAC_OK);
    assert_true(is_new);
    assert_int_equal(count, 1);
    assert_int_equal(tac_day_filter_add(f, "2025-10-01", "CHN", "PRK", "042", "2025-10-01", &is_new, &count), TAC_OK);
    assert_false(is_new);
    assert_int_equal(count, 2);
    /* another story a day later tells the same event */
    assert_int_equal(tac_day_filter_add(f, "2025-10-02", "CHN", "PRK", "042", "2025-10-01", &is_new, &count), TAC_OK);
    assert_false(is_new);
    assert_int_equal(count, 3);
    /* any field differing is a new key */
    assert_int_equal(tac_day_filter_add(f, "2025-10-02", "CHN", "PRK", "042", "2025-10-02", &is_new, NULL), TAC_OK);
    assert_true(is_new);
    assert_int_equal(tac_day_filter_add(f, "2025-10-02", "CHN", "PRK", "043", "2025-10-02", &is_new, NULL), TAC_OK);
    assert_true(is_new);
    assert_int_equal(tac_day_filter_add(f, "2025-10-02", "PRK", "CHN", "043", "2025-10-02", &is_new, NULL), TAC_OK);
    assert_true(is_new);
    assert_int_equal(tac_day_filter_size(f), 4);
    /* three weeks on, the old keys are forgotten */
    assert_int_equal(tac_day_filter_add(f, "2025-10-23", "USA", "IRN", "190", "2025-10-23", &is_new, NULL), TAC_OK);
    assert_int_equal(tac_day_filter_size(f), 1);
    assert_int_equal(tac_day_filter_add(f, "2025-10-23", "CHN", "PRK", "042", "2025-10-01", &is_new, &count), TAC_OK);
    assert_true(is_new);
    assert_int_equal(count, 1);
    /* a story older than the window is passed and not remembered */
    assert_int_equal(tac_day_filter_add(f, "2025-10-01", "RUS", "UKR", "190", "2025-10-01", &is_new, NULL), TAC_OK);
    assert_true(is_new);
    assert_int_equal(tac_day_filter_size(f), 2);
    /* no story date: the event date's first day places it */
    assert_int_equal(tac_day_filter_add(f, NULL, "RUS", "UKR", "190", "2025-10", &is_new, NULL), TAC_OK);
    assert_true(is_new);
    assert_int_equal(tac_day_filter_size(f), 2);       /* 2025-10-01: too old */
    assert_int_equal(tac_day_filter_add(f, NULL, "RUS", "UKR", "190", "2025-10-22", &is_new, NULL), TAC_OK);
    assert_int_equal(tac_day_filter_size(f), 3);
    assert_int_equal(tac_day_filter_add(f, "junk", "RUS", "UKR", "190", NULL, &is_new, &count), TAC_OK);
    assert_true(is_new);
    assert_int_equal(count, 1);
    assert_int_equal(tac_day_filter_size(f), 3);
    assert_int_equal(tac_day_filter_add(f, "2025-10-23", "A", "B", NULL, "2025-10-23", &is_new, NULL), TAC_EINVAL);
    assert_int_equal(tac_day_filter_add(NULL, "2025-10-23", "A", "B", "01", "2025-10-23", &is_new, NULL), TAC_EINVAL);
    tac_day_filter_free(f);
    tac_day_filter_free(NULL);

    /* a range date without a story date is placed by its first year */
    f = tac_day_filter_new(3);
    assert_int_equal(tac_day_filter_add(f, NULL, "CHN", "USA", "190", "1950..1953", &is_new, NULL), TAC_OK);
    assert_true(is_new);
    assert_int_equal(tac_day_filter_size(f), 1);
    assert_int_equal(tac_day_filter_add(f, NULL, "CHN", "USA", "190", "1950..1953", &is_new, &count), TAC_OK);
    assert_false(is_new);
    assert_int_equal(count, 2);
    assert_int_equal(tac_day_filter_add(f, NULL, "CHN", "USA", "190", "1951", &is_new, NULL), TAC_OK);
    assert_true(is_new);
    assert_int_equal(tac_day_filter_size(f), 1);   /* 1950 fell out of the window */
    tac_day_filter_free(f);
}

static void test_day_filter_many_keys(void **state)
{
    (void)state;
    tac_day_filter *f = tac_day_filter_new(0);
    bool is_new;
    char src[16];
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < 5000; i++) {
            snprintf(src, sizeof src, "A%04d", i);
            assert_int_equal(tac_day_filter_add(f, "2025-10-07", src, "B", "010", "2025-10-07", &is_new, NULL), TAC_OK);
            assert_int_equal(is_new, pass == 0);
        }
    assert_int_equal(tac_day_filter_size(f), 5000);
    /* the default window is 7 days: day 8 forgets them all */
    assert_int_equal(tac_day_filter_add(f, "2025-10-14", "A0000", "B", "010", "2025-10-07", &is_new, NULL), TAC_OK);
    assert_false(is_new);
    assert_int_equal(tac_day_filter_add(f, "2025-10-22", "X", "Y", "010", "2025-10-22", &is_new, NULL), TAC_OK);
    assert_int_equal(tac_day_filter_size(f), 1);
    tac_day_filter_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_event_twice),
        cmocka_unit_test(test_codes_and_dates),
        cmocka_unit_test(test_places_and_sentence_lists),
        cmocka_unit_test(test_day_filter),
        cmocka_unit_test(test_day_filter_many_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
