/* Text stage: tokenization and normalisation (Penn Treebank conventions),
 * offsets into the original text, robustness on arbitrary bytes. Sentence
 * splitting is in test_text_split.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tactest.h"
#include "tacitus.h"

/* Renders the analysis as token forms separated by spaces and sentences
 * separated by " | ". */
static const char *render(tac_text_ctx *ctx, const char *text, size_t dateline_end)
{
    static char out[8192];
    const tac_text *t = NULL;
    tac_error err;
    assert_int_equal(tac_text_analyze(ctx, text, strlen(text), dateline_end, &t, &err), TAC_OK);
    size_t n = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < t->n_sentences; i++) {
        const tac_sentence *s = &t->sentences[i];
        if (i)
            n += (size_t)snprintf(out + n, sizeof out - n, " | ");
        for (uint32_t j = 0; j < s->n_tokens; j++)
            n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", j ? " " : "", s->tokens[j].form);
        assert_true(n < sizeof out);
    }
    return out;
}

/* Properties every analysis must have, whatever the input. */
static void check_invariants(const tac_text *t, const char *text, size_t len)
{
    uint32_t prev_end = 0;
    bool first = true;
    for (uint32_t i = 0; i < t->n_sentences; i++) {
        const tac_sentence *s = &t->sentences[i];
        assert_true(s->n_tokens > 0);
        assert_true(s->start < s->end);
        assert_true(s->end <= len);
        assert_int_equal(s->start, s->tokens[0].start);
        assert_int_equal(s->end, s->tokens[s->n_tokens - 1].end);
        for (uint32_t j = 0; j < s->n_tokens; j++) {
            const tac_token *k = &s->tokens[j];
            assert_non_null(k->form);
            assert_true(k->form[0] != '\0');
            assert_true(k->start < k->end);          /* original bytes non-empty */
            assert_true(k->end <= len);
            if (!first)
                assert_true(k->start >= prev_end);   /* strictly increasing, no overlap */
            first = false;
            prev_end = k->end;
            /* forms are valid UTF-8 */
            const utf8proc_uint8_t *f = (const utf8proc_uint8_t *)k->form;
            utf8proc_ssize_t flen = (utf8proc_ssize_t)strlen(k->form);
            for (utf8proc_ssize_t p = 0; p < flen;) {
                utf8proc_int32_t cp;
                utf8proc_ssize_t r = utf8proc_iterate(f + p, flen - p, &cp);
                assert_true(r > 0);
                p += r;
            }
            /* no token swallows whitespace */
            for (uint32_t b = k->start; b < k->end; b++)
                assert_true(text[b] != ' ' && text[b] != '\n');
        }
    }
}

typedef struct text_case {
    const char *in;
    const char *want;
} text_case;

static const text_case token_cases[] = {
    /* clitics and contractions */
    {"Korea's leader", "Korea 's leader"},
    {"the countries' leaders", "the countries ' leaders"},
    {"They didn't go", "They did n't go"},
    {"We can't and won't", "We ca n't and wo n't"},
    {"I'm sure they're here, we've seen he'll come and she'd agree",
     "I 'm sure they 're here , we 've seen he 'll come and she 'd agree"},
    {"China\xe2\x80\x99s No. 2", "China 's No. 2"},
    {"DON'T PANIC", "DO N'T PANIC"},
    {"He cannot stay", "He can not stay"},
    {"it ain't so", "it ai n't so"},
    {"rock'n'roll O'Brien's", "rock'n'roll O'Brien 's"},
    {"C\xc3\xb4te d'Ivoire", "C\xc3\xb4te d'Ivoire"},
    {"the \xe2\x80\x99" "90s", "the '90s"},
    {"Korea 's and do n't", "Korea 's and do n't"},           /* already tokenized */
    {"the Workers\xe2\x80\x99 Party", "the Workers ' Party"},
    /* hyphens, numbers, symbols */
    {"the U.S.-led coalition", "the U.S.-led coalition"},
    {"in-person large-scale 1950-1953 talks", "in-person large-scale 1950-1953 talks"},
    {"an anti- Gondor parade, pre- and post-war", "an anti- Gondor parade , pre- and post-war"},
    {"1,000 troops and 3.5 tanks", "1,000 troops and 3.5 tanks"},
    {"$1.2 billion", "$ 1.2 billion"},
    {"40% of voters", "40 % of voters"},
    {"the 80th anniversary at 10:30", "the 80th anniversary at 10:30"},
    {"AT&T and S&P 500", "AT&T and S&P 500"},
    {"24/7 and/or", "24/7 and/or"},
    {"-5 degrees", "-5 degrees"},
    {"\xe2\x82\xac" "20 and \xc2\xa3" "5", "\xe2\x82\xac 20 and \xc2\xa3 5"},
    {"in\xe2\x80\x91person", "in-person"},                      /* U+2011 */
    /* abbreviations keep their period */
    {"U.S. and Gen. Smith", "U.S. and Gen. Smith"},
    {"e.g. the", "e.g. the"},
    {"Apple Inc., the company", "Apple Inc. , the company"},
    {"Sen. John McCain, R-Ariz., said so", "Sen. John McCain , R-Ariz. , said so"},
    /* quotes */
    {"\xe2\x80\x9cHello,\xe2\x80\x9d he said", "`` Hello , '' he said"},
    {"\"We will win,\" he said", "`` We will win , '' he said"},
    {"\xe2\x80\x98" "blood brothers\xe2\x80\x99", "` blood brothers '"},
    {"France condemned as`` unacceptable'' allegations",
     "France condemned as `` unacceptable '' allegations"},
    {"he said \" we \" then", "he said `` we '' then"},
    {"\xc2\xab" "Non\xc2\xbb", "`` Non ''"},
    /* brackets and dashes */
    {"(AP) [sic] {x}", "-LRB- AP -RRB- -LSB- sic -RSB- -LCB- x -RCB-"},
    {"Moscow and Beijing -- which", "Moscow and Beijing -- which"},
    {"Beijing--which", "Beijing -- which"},
    {"war \xe2\x80\x94 and peace \xe2\x80\x93 again", "war -- and peace -- again"},
    {"BEIJING - Chinese", "BEIJING -- Chinese"},
    {"Wait\xe2\x80\xa6 what", "Wait ... what"},
    {"wait... what", "wait ... what"},
    /* URLs, e-mail, handles */
    {"see http://example.com/a?b=1, then", "see http://example.com/a?b=1 , then"},
    {"mail john.doe@example.org or @user_1 #Tag2025", "mail john.doe@example.org or @user_1 #Tag2025"},
    {"visit www.example.com/news.", "visit www.example.com/news ."},
    /* Unicode */
    {"Li\xc2\xa0Qiang\xe2\x80\x89met", "Li Qiang met"},            /* NBSP, thin space */
    {"Cafe\xcc\x81 society", "Caf\xc3\xa9 society"},               /* NFC */
    {"\xc2\xbfQu\xc3\xa9?", "\xc2\xbf Qu\xc3\xa9 ?"},
    {"zero\xe2\x80\x8bwidth", "zero width"},
    {"\xef\xbb\xbfStart", "Start"},                                 /* BOM */
};

static void tokenizes_news_cases(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    assert_non_null(ctx);
    int failures = 0;
    for (size_t i = 0; i < sizeof token_cases / sizeof *token_cases; i++) {
        const char *got = render(ctx, token_cases[i].in, 0);
        if (strcmp(got, token_cases[i].want) != 0) {
            print_error("case %zu: %s\n  want: %s\n  got:  %s\n", i, token_cases[i].in,
                        token_cases[i].want, got);
            failures++;
        }
        const tac_text *t;
        tac_error err;
        assert_int_equal(tac_text_analyze(ctx, token_cases[i].in, strlen(token_cases[i].in), 0,
                                          &t, &err), TAC_OK);
        check_invariants(t, token_cases[i].in, strlen(token_cases[i].in));
    }
    tac_text_ctx_free(ctx);
    assert_int_equal(failures, 0);
}

static const tac_token *token_at(const tac_text *t, uint32_t sent, uint32_t tok)
{
    assert_true(sent < t->n_sentences);
    assert_true(tok < t->sentences[sent].n_tokens);
    return &t->sentences[sent].tokens[tok];
}

static void assert_token(const tac_token *k, const char *form, uint32_t start, uint32_t end)
{
    assert_string_equal(k->form, form);
    assert_int_equal(k->start, start);
    assert_int_equal(k->end, end);
}

static void offsets_cover_original_bytes(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    tac_error err;

    const char *a = "China\xe2\x80\x99s \xe2\x80\x9cHi\xe2\x80\x9d";
    assert_int_equal(tac_text_analyze(ctx, a, strlen(a), 0, &t, &err), TAC_OK);
    assert_token(token_at(t, 0, 0), "China", 0, 5);
    assert_token(token_at(t, 0, 1), "'s", 5, 9);        /* 3-byte apostrophe + s */
    assert_token(token_at(t, 0, 2), "``", 10, 13);
    assert_token(token_at(t, 0, 3), "Hi", 13, 15);
    assert_token(token_at(t, 0, 4), "''", 15, 18);

    /* a sentence-final abbreviation gives its period to the added "." */
    const char *b = "He lives in the U.S.";
    assert_int_equal(tac_text_analyze(ctx, b, strlen(b), 0, &t, &err), TAC_OK);
    assert_int_equal(t->sentences[0].n_tokens, 6);
    assert_token(token_at(t, 0, 4), "U.S.", 16, 19);
    assert_token(token_at(t, 0, 5), ".", 19, 20);

    /* NFC changes the form, not the offsets */
    const char *c = "Cafe\xcc\x81! Didn't";
    assert_int_equal(tac_text_analyze(ctx, c, strlen(c), 0, &t, &err), TAC_OK);
    assert_token(token_at(t, 0, 0), "Caf\xc3\xa9", 0, 6);
    assert_token(token_at(t, 0, 1), "!", 6, 7);
    assert_token(token_at(t, 1, 0), "Did", 8, 11);
    assert_token(token_at(t, 1, 1), "n't", 11, 14);

    /* dashes and ellipses are normalised, offsets span the original */
    const char *d = "war\xe2\x80\x94peace\xe2\x80\xa6";
    assert_int_equal(tac_text_analyze(ctx, d, strlen(d), 0, &t, &err), TAC_OK);
    assert_token(token_at(t, 0, 1), "--", 3, 6);
    assert_token(token_at(t, 0, 3), "...", 11, 14);
    tac_text_ctx_free(ctx);
}

static void invalid_bytes_are_opaque_characters(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    tac_error err;
    const char in[] = "ab\xff" "cd \xc3 x \xe2\x80 y";   /* bad byte, truncated sequences */
    assert_int_equal(tac_text_analyze(ctx, in, sizeof in - 1, 0, &t, &err), TAC_OK);
    assert_int_equal(t->n_invalid_bytes, 4);
    assert_int_equal(t->n_sentences, 1);
    assert_token(token_at(t, 0, 0), "ab\xef\xbf\xbd" "cd", 0, 5);
    assert_token(token_at(t, 0, 1), "\xef\xbf\xbd", 6, 7);
    check_invariants(t, in, sizeof in - 1);
    tac_text_ctx_free(ctx);
}

/* xorshift64*: deterministic pseudo-random input */
static uint64_t next_rand(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dULL;
}

static void random_input_never_breaks_invariants(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", "Z", "7", " ", "\n", "\n\n", ".", "..", "?", "!", ",", "'", "\"", "`", "-", "--",
        "$", "%", "(", ")", "U.S.", "Mr.", "No.", "n't", "'s", "\xe2\x80\x99", "\xe2\x80\x9c",
        "\xe2\x80\x9d", "\xe2\x80\x94", "\xe2\x80\xa6", "\xc2\xa0", "\xcc\x81", "\xe4\xb8\xad",
        "\xe3\x80\x82", "http://x.y", "@", "#", "&", "/", ":", "www.", "\xf0\x9f\x98\x80",
    };
    tac_text_ctx *ctx = tac_text_ctx_new();
    uint64_t seed = 0x9e3779b97f4a7c15ULL;
    char buf[1024];
    for (int iter = 0; iter < 3000; iter++) {
        size_t len = next_rand(&seed) % 600;
        size_t n = 0;
        while (n < len) {
            uint64_t r = next_rand(&seed);
            if (r % 3 == 0) {
                buf[n++] = (char)(r >> 8);               /* any byte at all */
            } else {
                const char *p = pieces[(r >> 8) % (sizeof pieces / sizeof *pieces)];
                size_t m = strlen(p);
                if (n + m > sizeof buf)
                    break;
                memcpy(buf + n, p, m);
                n += m;
            }
        }
        size_t dateline = n ? next_rand(&seed) % (n + 1) : 0;
        if (iter % 2)
            dateline = 0;
        const tac_text *t = NULL;
        tac_error err;
        assert_int_equal(tac_text_analyze(ctx, buf, n, dateline, &t, &err), TAC_OK);
        check_invariants(t, buf, n);
    }
    tac_text_ctx_free(ctx);
}

static void bad_arguments_are_errors(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t = NULL;
    tac_error err;
    assert_int_equal(tac_text_analyze(ctx, "abc", 3, 4, &t, &err), TAC_EINVAL);
    assert_non_null(strstr(err.msg, "dateline"));
    assert_int_equal(tac_text_analyze(NULL, "abc", 3, 0, &t, &err), TAC_EINVAL);
    assert_int_equal(tac_text_analyze(ctx, NULL, 0, 0, &t, &err), TAC_OK);
    assert_int_equal(t->n_sentences, 0);
    assert_int_equal(tac_text_analyze(ctx, " \n\t ", 4, 0, &t, &err), TAC_OK);
    assert_int_equal(t->n_sentences, 0);
    tac_text_ctx_free(ctx);
    tac_text_ctx_free(NULL);
}

static void context_is_reused_without_growth(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    tac_error err;
    static const char pattern[] = "Mr. Li\xe2\x80\x99s visit, \xe2\x80\x9cthe U.S.\xe2\x80\x9d said. ";
    char big[20000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = pattern[i % (sizeof pattern - 1)];
    assert_int_equal(tac_text_analyze(ctx, big, sizeof big, 0, &t, &err), TAC_OK);
    uint32_t first_count = t->n_sentences;
    assert_true(first_count > 100);
    for (int i = 0; i < 50; i++)
        assert_int_equal(tac_text_analyze(ctx, big, sizeof big, 0, &t, &err), TAC_OK);
    assert_int_equal(t->n_sentences, first_count);
    check_invariants(t, big, sizeof big);
    /* the original pointer is the caller's text, not a copy */
    assert_ptr_equal(t->original, big);
    tac_text_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokenizes_news_cases),
        cmocka_unit_test(offsets_cover_original_bytes),
        cmocka_unit_test(invalid_bytes_are_opaque_characters),
        cmocka_unit_test(random_input_never_breaks_invariants),
        cmocka_unit_test(bad_arguments_are_errors),
        cmocka_unit_test(context_is_reused_without_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
