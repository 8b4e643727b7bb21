/* Document stage: resolving the date a sentence refers to, table-driven
 * against a story date. Sentences go through the text stage first, so the
 * tokens are the ones the pipeline gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "tacitus.h"

typedef struct date_case {
    const char *story;        /* story date */
    const char *sentence;
    const char *verb;         /* the event verb's form, or NULL */
    tac_tense   tense;        /* given with the verb, or UNKNOWN */
    const char *date;         /* expected */
    tac_date_precision prec;
    bool historical, is_start, from_story;
} date_case;

#define D TAC_DATE_DAY
#define M TAC_DATE_MONTH
#define Y TAC_DATE_YEAR
#define R TAC_DATE_RANGE
#define U TAC_TENSE_UNKNOWN

static const date_case cases[] = {
    /* 2025-10-07 is a Tuesday (the wire story's date) */
    {"2025-10-07", "Li will make a three-day visit to North Korea from Thursday.", NULL, U, "2025-10-09", D, 0, 0, 0},
    {"2025-10-07", "The ministry said in a statement on Tuesday.", NULL, U, "2025-10-07", D, 0, 0, 0},
    {"2025-10-07", "Air Koryo operated a special flight early Tuesday morning.", NULL, U, "2025-10-07", D, 0, 0, 0},
    {"2025-10-07", "Last month, Kim visited Beijing.", NULL, U, "2025-09", M, 0, 0, 0},
    {"2025-10-07", "It was the first trip since April 2024.", NULL, U, "2024-04", M, 1, 1, 0},
    {"2025-10-07", "The two countries fought in the 1950-1953 Korean War.", NULL, U, "1950..1953", R, 1, 0, 0},
    {"2025-10-07", "Officials met on Monday.", NULL, U, "2025-10-06", D, 0, 0, 0},
    {"2025-10-07", "Officials met on Wednesday.", NULL, U, "2025-10-01", D, 0, 0, 0},
    {"2025-10-07", "Officials will meet on Monday.", NULL, U, "2025-10-13", D, 0, 0, 0},
    {"2025-10-07", "Officials will meet on Tuesday.", NULL, U, "2025-10-07", D, 0, 0, 0},
    {"2025-10-07", "The talks are set to begin on Friday.", NULL, U, "2025-10-10", D, 0, 0, 0},
    {"2025-10-07", "The minister said yesterday that talks had failed.", NULL, U, "2025-10-06", D, 0, 0, 0},
    {"2025-10-07", "Troops withdrew today.", NULL, U, "2025-10-07", D, 0, 0, 0},
    {"2025-10-07", "The envoy arrives tomorrow.", NULL, U, "2025-10-08", D, 0, 0, 0},
    {"2025-10-07", "Protesters gathered last week.", NULL, U, "2025-09-29..2025-10-05", R, 0, 0, 0},
    {"2025-10-07", "Leaders will meet next week.", NULL, U, "2025-10-13..2025-10-19", R, 0, 0, 0},
    {"2025-10-07", "Delegations met this week.", NULL, U, "2025-10-06..2025-10-12", R, 0, 0, 0},
    {"2025-10-07", "Prices rose last year.", NULL, U, "2024", Y, 0, 0, 0},
    {"2025-10-07", "Elections will be held next year.", NULL, U, "2026", Y, 0, 0, 0},
    {"2025-10-07", "The summit is planned for next month.", NULL, U, "2025-11", M, 0, 0, 0},
    {"2025-10-07", "Fighting erupted earlier this month.", NULL, U, "2025-10", M, 0, 0, 0},
    {"2025-10-07", "Talks resumed in April 2024.", NULL, U, "2024-04", M, 1, 0, 0},
    {"2025-10-07", "The accord was signed on March 3, 2025.", NULL, U, "2025-03-03", D, 0, 0, 0},
    {"2025-10-07", "The accord was signed on 3 March 2025.", NULL, U, "2025-03-03", D, 0, 0, 0},
    {"2025-10-07", "The accord was signed on 2025-03-03.", NULL, U, "2025-03-03", D, 0, 0, 0},
    {"2025-10-07", "The accord was signed on March 3.", NULL, U, "2025-03-03", D, 0, 0, 0},
    {"2025-10-07", "The vote will be held on March 3.", NULL, U, "2026-03-03", D, 0, 0, 0},
    {"2025-10-07", "Elections were held in 2019.", NULL, U, "2019", Y, 1, 0, 0},
    {"2025-10-07", "Relations soured in the 1990s.", NULL, U, "1990..1999", R, 1, 0, 0},
    {"2025-10-07", "Troops were deployed in November.", NULL, U, "2024-11", M, 0, 0, 0},
    {"2025-10-07", "The summit will take place in November.", NULL, U, "2025-11", M, 0, 0, 0},
    {"2025-10-07", "Ties were severed three years ago.", NULL, U, "2022", Y, 1, 0, 0},
    {"2025-10-07", "The minister resigned two days ago.", NULL, U, "2025-10-05", D, 0, 0, 0},
    {"2025-10-07", "Rebels attacked the town last Tuesday.", NULL, U, "2025-09-30", D, 0, 0, 0},
    {"2025-10-07", "Leaders will meet next Tuesday.", NULL, U, "2025-10-14", D, 0, 0, 0},
    {"2025-10-07", "Since 2019, the two sides have held talks.", NULL, U, "2019", Y, 1, 1, 0},
    {"2025-10-07", "The rebels fought the army from 1994 to 1996.", NULL, U, "1994..1996", R, 1, 0, 0},
    {"2025-10-07", "The allies fought together in World War II.", NULL, U, "1939..1945", R, 1, 0, 0},
    {"2025-10-07", "Police arrested him last night.", NULL, U, "2025-10-06", D, 0, 0, 0},
    {"2025-10-07", "The president spoke this morning.", NULL, U, "2025-10-07", D, 0, 0, 0},
    {"2025-10-07", "Clashes broke out last weekend.", NULL, U, "2025-10-04..2025-10-05", R, 0, 0, 0},
    {"2025-10-07", "The ministry condemned the attack.", NULL, U, "2025-10-07", D, 0, 0, 1},
    {"2025-10-07", "Parliament may vote on the bill.", NULL, U, "2025-10-07", D, 0, 0, 1},
    {"2025-10-07", "The March 2011 uprising began in Syria.", NULL, U, "2011-03", M, 1, 0, 0},
    /* attachment: the expression nearest the event verb wins */
    {"2025-10-07", "Kim met Xi in 2019, and they will meet again on Friday.", NULL, U, "2019", Y, 1, 0, 0},
    {"2025-10-07", "Kim met Xi in 2019, and they will meet again on Friday.", "meet", TAC_TENSE_FUTURE, "2025-10-10", D, 0, 0, 0},
    {"2025-10-07", "The war began in 2022 and escalated last month.", "escalated", U, "2025-09", M, 0, 0, 0},
    {"2025-10-07", "Last month, North Korean leader Kim Jong Un visited Beijing to attend events marking the 80th anniversary of Japan's surrender in World War II.", NULL, U, "2025-09", M, 0, 0, 0},
    {"2025-10-07", "A week ago, troops entered the city.", NULL, U, "2025-09-29..2025-10-05", R, 0, 0, 0},
    {"2025-10-07", "Earlier this year, the two sides met.", NULL, U, "2025", Y, 0, 0, 0},
    {"2025-10-07", "The rebels held the city between 2001 and 2003.", NULL, U, "2001..2003", R, 1, 0, 0},
    {"2025-10-07", "Next month's summit was cancelled.", NULL, U, "2025-11", M, 0, 0, 0},
    {"2025-10-07", "On Oct. 1, 2025, the army crossed the border.", NULL, U, "2025-10-01", D, 0, 0, 0},
    {"2025-10-07", "Veterans of the 1950-53 war gathered.", NULL, U, "1950..1953", R, 1, 0, 0},
    {"2025-10-07", "The strike will start Friday night.", NULL, U, "2025-10-10", D, 0, 0, 0},
    {"2025-10-07", "The 2019 election was disputed.", NULL, U, "2019", Y, 1, 0, 0},
    {"2025-10-07", "The Sept. 11, 2001 attacks killed thousands.", NULL, U, "2001-09-11", D, 1, 0, 0},
    {"2025-10-07", "Some 5,000 troops crossed 1,200 kilometers.", NULL, U, "2025-10-07", D, 0, 0, 1},
    {"2025-10-07", "The crisis of 2008 hurt exports.", NULL, U, "2008", Y, 1, 0, 0},
    {"2025-10-07", "Officials meet Friday.", "meet", TAC_TENSE_FUTURE, "2025-10-10", D, 0, 0, 0},
    {"2025-10-07", "Officials meet Friday.", "meet", TAC_TENSE_PAST, "2025-10-03", D, 0, 0, 0},
    {"2025-10-07", "He is going to visit Seoul on Saturday.", NULL, U, "2025-10-11", D, 0, 0, 0},
    {"2025-10-07", "The troops have been deployed since Sunday.", NULL, U, "2025-10-05", D, 0, 1, 0},
    /* other story dates */
    {"2024-03-03", "Voters went to the polls on Sunday.", NULL, U, "2024-03-03", D, 0, 0, 0},
    {"2024-03-03", "Officials met on Saturday.", NULL, U, "2024-03-02", D, 0, 0, 0},
    {"2024-03-03", "Officials will meet on Monday.", NULL, U, "2024-03-04", D, 0, 0, 0},
    {"2024-03-01", "The ship sank yesterday.", NULL, U, "2024-02-29", D, 0, 0, 0},
    {"2025-01-05", "Trade fell in December.", NULL, U, "2024-12", M, 0, 0, 0},
    {"2025-01-05", "Talks will be held in December.", NULL, U, "2025-12", M, 0, 0, 0},
    {"2025-01-15", "Exports slumped last month.", NULL, U, "2024-12", M, 0, 0, 0},
    {"2025-01-02", "Rebels attacked on New Year's Eve, on Dec. 31.", NULL, U, "2024-12-31", D, 0, 0, 0},
    {"2020-06-15", "The ceasefire was agreed on June 1.", NULL, U, "2020-06-01", D, 0, 0, 0},
    {"2020-06-15", "The first mission launched in 2018.", NULL, U, "2018", Y, 1, 0, 0},
};

static int find_token(const tac_sentence *s, const char *form)
{
    for (uint32_t i = 0; i < s->n_tokens; i++)
        if (strcmp(s->tokens[i].form, form) == 0)
            return (int)i;
    return -1;
}

static bool run_case(tac_text_ctx *ctx, const date_case *c)
{
    const tac_text *t;
    tac_error err;
    assert_int_equal(tac_text_analyze(ctx, c->sentence, strlen(c->sentence), 0, &t, &err), TAC_OK);
    assert_int_equal(t->n_sentences, 1);
    const tac_sentence *s = &t->sentences[0];
    const char *forms[128];
    assert_true(s->n_tokens < 128);
    for (uint32_t i = 0; i < s->n_tokens; i++)
        forms[i] = s->tokens[i].form;
    tac_date_input in = {c->story, forms, NULL, s->n_tokens, -1, c->tense};
    if (c->verb) {
        in.verb = find_token(s, c->verb);
        assert_true(in.verb >= 0);
    }
    tac_event_date d;
    assert_int_equal(tac_resolve_date(&in, &d, &err), TAC_OK);
    if (strcmp(d.date, c->date) != 0 || d.precision != c->prec || d.historical != c->historical ||
        d.is_start != c->is_start || d.from_story != c->from_story)
    {
        print_error("story %s: \"%s\"\n  got %s %s hist=%d start=%d story=%d\n want %s %s hist=%d "
                 "start=%d story=%d\n", c->story, c->sentence, d.date,
                 tac_date_precision_name(d.precision), d.historical, d.is_start, d.from_story,
                 c->date, tac_date_precision_name(c->prec), c->historical, c->is_start,
                 c->from_story);
        return false;
    }
    /* the span agrees with the string */
    assert_true(d.first_day <= d.last_day);
    if (!d.from_story)
        assert_true(d.first_token >= 0 && d.first_token < d.end_token);
    return true;
}

static void test_date_table(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    assert_non_null(ctx);
    size_t failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        failed += !run_case(ctx, &cases[i]);
    tac_text_ctx_free(ctx);
    if (failed)
        fail_msg("%zu of %zu date cases failed", failed, sizeof cases / sizeof cases[0]);
}

static void test_tags_sharpen_tense(void **state)
{
    (void)state;
    /* "hit" is past or present; the tag decides */
    const char *forms[] = {"Rebels", "hit", "the", "base", "on", "Friday", "."};
    const char *past[] = {"NNS", "VBD", "DT", "NN", "IN", "NNP", "."};
    const char *pres[] = {"NNS", "VBP", "DT", "NN", "IN", "NNP", "."};
    tac_date_input in = {"2025-10-07", forms, past, 7, -1, U};
    tac_event_date d;
    assert_int_equal(tac_resolve_date(&in, &d, NULL), TAC_OK);
    assert_string_equal(d.date, "2025-10-03");
    in.tags = pres;
    assert_int_equal(tac_resolve_date(&in, &d, NULL), TAC_OK);
    /* present tense: the nearest Friday, three days ahead */
    assert_string_equal(d.date, "2025-10-10");
    assert_int_equal(tac_infer_tense(forms, past, 7, 1), TAC_TENSE_PAST);
    assert_int_equal(tac_infer_tense(forms, pres, 7, 1), TAC_TENSE_PRESENT);
}

static void test_infer_tense(void **state)
{
    (void)state;
    const char *will[] = {"Li", "will", "make", "a", "visit"};
    const char *said[] = {"the", "ministry", "said"};
    const char *has[] = {"relations", "have", "long", "been", "described"};
    const char *set[] = {"they", "are", "set", "to", "attend"};
    const char *armed[] = {"talks", "with", "the", "armed", "groups"};
    const char *would[] = {"Li", "'s", "visit", "would", "mark"};
    assert_int_equal(tac_infer_tense(will, NULL, 5, 2), TAC_TENSE_FUTURE);
    assert_int_equal(tac_infer_tense(said, NULL, 3, 2), TAC_TENSE_PAST);
    assert_int_equal(tac_infer_tense(said, NULL, 3, -1), TAC_TENSE_PAST);
    assert_int_equal(tac_infer_tense(has, NULL, 5, 4), TAC_TENSE_PAST);
    assert_int_equal(tac_infer_tense(set, NULL, 5, 4), TAC_TENSE_FUTURE);
    assert_int_equal(tac_infer_tense(armed, NULL, 5, -1), TAC_TENSE_UNKNOWN);
    assert_int_equal(tac_infer_tense(would, NULL, 5, -1), TAC_TENSE_FUTURE);
    assert_int_equal(tac_infer_tense(NULL, NULL, 0, -1), TAC_TENSE_UNKNOWN);
}

static void test_bad_story_date(void **state)
{
    (void)state;
    const char *forms[] = {"Officials", "met", "on", "Monday"};
    tac_date_input in = {"2025-13-01", forms, NULL, 4, -1, U};
    tac_event_date d;
    tac_error err;
    assert_int_equal(tac_resolve_date(&in, &d, &err), TAC_EINVAL);
    assert_non_null(strstr(err.msg, "2025-13-01"));
    assert_int_equal(d.precision, TAC_DATE_NONE);
    assert_string_equal(d.date, "");
    in.story_date = NULL;
    assert_int_equal(tac_resolve_date(&in, &d, &err), TAC_EINVAL);
    in.story_date = "20251007";     /* the compact form is accepted */
    assert_int_equal(tac_resolve_date(&in, &d, &err), TAC_OK);
    assert_string_equal(d.date, "2025-10-06");
    /* no tokens at all: the story date */
    in.forms = NULL;
    in.n = 0;
    assert_int_equal(tac_resolve_date(&in, &d, &err), TAC_OK);
    assert_true(d.from_story);
    assert_string_equal(d.date, "2025-10-07");
}

static void test_precision_names(void **state)
{
    (void)state;
    assert_string_equal(tac_date_precision_name(TAC_DATE_DAY), "day");
    assert_string_equal(tac_date_precision_name(TAC_DATE_MONTH), "month");
    assert_string_equal(tac_date_precision_name(TAC_DATE_YEAR), "year");
    assert_string_equal(tac_date_precision_name(TAC_DATE_RANGE), "range");
    assert_string_equal(tac_date_precision_name(TAC_DATE_NONE), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_table),
        cmocka_unit_test(test_tags_sharpen_tense),
        cmocka_unit_test(test_infer_tense),
        cmocka_unit_test(test_bad_story_date),
        cmocka_unit_test(test_precision_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
