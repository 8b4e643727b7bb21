/* Text stage: sentence splitting on news text — abbreviations, initials,
 * numbers, quotations, paragraphs, headlines, datelines — and the real wire
 * story in ../shared. Tokenization details are in test_text.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "tacitus.h"
#include "util/util.h"

/* Token forms separated by spaces, sentences by " | ". */
static const char *render(tac_text_ctx *ctx, const char *text, size_t dateline_end,
                          const tac_text **out)
{
    static char buf[16384];
    const tac_text *t = NULL;
    tac_error err;
    assert_int_equal(tac_text_analyze(ctx, text, strlen(text), dateline_end, &t, &err), TAC_OK);
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < t->n_sentences; i++) {
        const tac_sentence *s = &t->sentences[i];
        if (i)
            n += (size_t)snprintf(buf + n, sizeof buf - n, " | ");
        for (uint32_t j = 0; j < s->n_tokens; j++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", j ? " " : "", s->tokens[j].form);
        assert_true(n < sizeof buf);
    }
    if (out)
        *out = t;
    return buf;
}

typedef struct split_case {
    const char *in;
    const char *want;
} split_case;

static const split_case split_cases[] = {
    /* titles and initials never end a sentence */
    {"Mr. Smith went to Washington. He arrived.", "Mr. Smith went to Washington . | He arrived ."},
    {"Lt. Col. John Smith spoke. Gen. Lee listened.",
     "Lt. Col. John Smith spoke . | Gen. Lee listened ."},
    {"George W. Bush met Dr. Rice.", "George W. Bush met Dr. Rice ."},
    {"Mrs. May and Ms. Merkel met Prof. Sachs and Sen. Warren.",
     "Mrs. May and Ms. Merkel met Prof. Sachs and Sen. Warren ."},
    {"He met St. Louis officials and Rep. Jones.", "He met St. Louis officials and Rep. Jones ."},
    {"The No. 2 leader arrived.", "The No. 2 leader arrived ."},
    /* acronyms end a sentence only before a sentence starter */
    {"He lives in the U.S. The next day he left.",
     "He lives in the U.S. . | The next day he left ."},
    {"U.S.-led U.N. forces fought.", "U.S.-led U.N. forces fought ."},
    {"U.S. forces trained at a U.S. Army base.", "U.S. forces trained at a U.S. Army base ."},
    {"The U.N. Security Council met. It voted.", "The U.N. Security Council met . | It voted ."},
    {"They met in Washington, D.C. The talks went well.",
     "They met in Washington , D.C. . | The talks went well ."},
    {"Apple Inc. said it would. Apple Inc. The company agreed.",
     "Apple Inc. said it would . | Apple Inc. . | The company agreed ."},
    {"Smith et al. found that it worked.", "Smith et al. found that it worked ."},
    {"The vote is on Sept. 30. Results follow.", "The vote is on Sept. 30 . | Results follow ."},
    {"Sen. John McCain, R-Ariz., said so. Others agreed.",
     "Sen. John McCain , R-Ariz. , said so . | Others agreed ."},
    /* numbers, times, money */
    {"It rose 3.5 percent to $1.2 billion at 10.30 a.m. on Jan. 5.",
     "It rose 3.5 percent to $ 1.2 billion at 10.30 a.m. on Jan. 5 ."},
    {"The meeting began at 9 a.m. Police said it ended at 5 p.m. Tuesday.",
     "The meeting began at 9 a.m. . | Police said it ended at 5 p.m. Tuesday ."},
    {"He arrived at 5 p.m. and left.", "He arrived at 5 p.m. and left ."},
    {"The score was 2-1. Fans cheered.", "The score was 2-1 . | Fans cheered ."},
    {"Prices rose 40%. Markets fell.", "Prices rose 40 % . | Markets fell ."},
    {"In 2003. 2004 was worse.", "In 2003 . | 2004 was worse ."},
    /* quotations */
    {"\"We will win.\" The crowd cheered.", "`` We will win . '' | The crowd cheered ."},
    {"\"We will win,\" he said. \"Why?\" she asked.",
     "`` We will win , '' he said . | `` Why ? '' she asked ."},
    {"\xe2\x80\x9cWe will win.\xe2\x80\x9d he said.", "`` We will win . '' he said ."},
    {"He said \xe2\x80\x9cthe U.S. will act.\xe2\x80\x9d Then he left.",
     "He said `` the U.S. will act . '' | Then he left ."},
    {"He asked, \"Why not?\" and left.", "He asked , `` Why not ? '' and left ."},
    {"\"... we will fight,\" he said.", "`` ... we will fight , '' he said ."},
    {"They won 2-0! The fans cheered!", "They won 2-0 ! | The fans cheered !"},
    {"Really?! Yes.", "Really ?! | Yes ."},
    {"It was described as \xe2\x80\x9c" "blood brothers.\xe2\x80\x9d\nBut ties cooled.",
     "It was described as `` blood brothers . '' | But ties cooled ."},
    /* ellipses */
    {"He said it would end... Then silence.", "He said it would end ... | Then silence ."},
    {"The talks ... failed.", "The talks ... failed ."},
    {"We will ... Taiwan is ours.", "We will ... Taiwan is ours ."},
    /* parentheses */
    {"He left (for good.) She stayed.", "He left -LRB- for good . -RRB- | She stayed ."},
    {"Q: What happened? A: Nothing.", "Q : What happened ? | A : Nothing ."},
    /* lines and paragraphs */
    {"First line ends here.\nsecond line starts.", "First line ends here . | second line starts ."},
    {"A wrapped line\ncontinues here.", "A wrapped line continues here ."},
    {"One paragraph\n\nAnother one.", "One paragraph | Another one ."},
    {"He arrived in the U.S.\nThe next day he left.",
     "He arrived in the U.S. . | The next day he left ."},
    {"He said the U.S.\nforces would stay.", "He said the U.S. forces would stay ."},
    {"\n\n  Leading blank lines. Second.", "Leading blank lines . | Second ."},
    {"Mr.\nSmith arrived.", "Mr. Smith arrived ."},
    /* non-Latin scripts */
    {"\xe4\xb8\xad\xe5\x9b\xbd\xe5\xbe\x88\xe5\xa4\xa7\xe3\x80\x82\xe6\x97\xa5\xe6\x9c\xac\xe3\x80\x82",
     "\xe4\xb8\xad\xe5\x9b\xbd\xe5\xbe\x88\xe5\xa4\xa7 \xe3\x80\x82 | \xe6\x97\xa5\xe6\x9c\xac \xe3\x80\x82"},
    {"Le pr\xc3\xa9sident est arriv\xc3\xa9. \xc3\x89lys\xc3\xa9" "e a confirm\xc3\xa9.",
     "Le pr\xc3\xa9sident est arriv\xc3\xa9 . | \xc3\x89lys\xc3\xa9" "e a confirm\xc3\xa9 ."},
};

static void splits_news_cases(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    int failures = 0;
    for (size_t i = 0; i < sizeof split_cases / sizeof *split_cases; i++) {
        const char *got = render(ctx, split_cases[i].in, 0, NULL);
        if (strcmp(got, split_cases[i].want) != 0) {
            print_error("case %zu: %s\n  want: %s\n  got:  %s\n", i, split_cases[i].in,
                        split_cases[i].want, got);
            failures++;
        }
    }
    tac_text_ctx_free(ctx);
    assert_int_equal(failures, 0);
}

static void first_line_without_punctuation_is_a_headline(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    const char *a = "China's premier to visit North Korea\nChinese Premier Li Qiang will visit. "
                    "He leaves Thursday.";
    assert_string_equal(render(ctx, a, 0, &t),
                        "China 's premier to visit North Korea | Chinese Premier Li Qiang will "
                        "visit . | He leaves Thursday .");
    assert_int_equal(t->n_sentences, 3);
    assert_int_equal(t->sentences[0].kind, TAC_SENT_HEADLINE);
    assert_int_equal(t->sentences[0].start, 0);
    assert_int_equal(t->sentences[0].end, 36);
    assert_int_equal(t->sentences[1].kind, TAC_SENT_BODY);
    assert_int_equal(t->sentences[2].kind, TAC_SENT_BODY);

    /* followed by a blank line */
    render(ctx, "Talks Collapse\n\nThe talks collapsed.", 0, &t);
    assert_int_equal(t->n_sentences, 2);
    assert_int_equal(t->sentences[0].kind, TAC_SENT_HEADLINE);

    /* wrapped running text is not a headline: trailing blank, a title
     * before a name, a function word, or a lower-case next line */
    const char *wrapped[] = {
        "The US commander held talks with President \nMichel Suleiman on Wednesday.",
        "The US commander held talks with President\nMichel Suleiman on Wednesday.",
        "The US commander held talks with the\nLebanese president on Wednesday.",
        "The US commander held talks\nwith the Lebanese president on Wednesday.",
    };
    for (size_t i = 0; i < sizeof wrapped / sizeof *wrapped; i++) {
        render(ctx, wrapped[i], 0, &t);
        assert_int_equal(t->n_sentences, 1);
        assert_int_equal(t->sentences[0].kind, TAC_SENT_BODY);
    }
    /* only the first line can be a headline */
    render(ctx, "It began.\nA line without a stop\nAnother line.", 0, &t);
    assert_int_equal(t->n_sentences, 2);
    assert_int_equal(t->sentences[1].kind, TAC_SENT_BODY);
    tac_text_ctx_free(ctx);
}

static size_t after(const char *text, const char *marker)
{
    const char *p = strstr(text, marker);
    assert_non_null(p);
    return (size_t)(p - text) + strlen(marker);
}

static void dateline_is_its_own_sentence(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    const char *a = "WASHINGTON (AP) \xe2\x80\x94 The Senate voted. It passed.";
    assert_string_equal(render(ctx, a, after(a, "\xe2\x80\x94 "), &t),
                        "WASHINGTON | The Senate voted . | It passed .");
    assert_int_equal(t->sentences[0].kind, TAC_SENT_DATELINE);
    assert_int_equal(t->sentences[0].start, 0);
    assert_int_equal(t->sentences[0].end, 10);
    assert_int_equal(t->sentences[1].kind, TAC_SENT_BODY);
    assert_int_equal(t->sentences[1].start, after(a, "\xe2\x80\x94 "));

    const char *b = "UNITED NATIONS, Oct. 7 (Reuters) - Delegates met.";
    assert_string_equal(render(ctx, b, after(b, "- "), NULL), "UNITED NATIONS | Delegates met .");
    const char *c = "ST. LOUIS -- Voters went to the polls.";
    assert_string_equal(render(ctx, c, after(c, "-- "), NULL), "ST. LOUIS | Voters went to the polls .");
    /* a body that is not capitalised still starts after the dateline */
    const char *d = "PARIS: talks resumed.";
    assert_string_equal(render(ctx, d, after(d, ": "), NULL), "PARIS | talks resumed .");
    tac_text_ctx_free(ctx);
}

static void long_runs_are_cut(void **state)
{
    (void)state;
    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    tac_error err;
    char *big = malloc(600 * 4 + 1);
    assert_non_null(big);
    for (int i = 0; i < 600; i++)
        memcpy(big + i * 4, "abc ", 4);
    assert_int_equal(tac_text_analyze(ctx, big, 600 * 4, 0, &t, &err), TAC_OK);
    assert_int_equal(t->n_sentences, 2);
    assert_int_equal(t->sentences[0].n_tokens, 512);
    assert_int_equal(t->sentences[1].n_tokens, 88);
    free(big);
    tac_text_ctx_free(ctx);
}

/* The first and last forms of a sentence. */
static void assert_sentence(const tac_sentence *s, const char *first, const char *last)
{
    assert_string_equal(s->tokens[0].form, first);
    assert_string_equal(s->tokens[s->n_tokens - 1].form, last);
}

static void wire_story_splits_into_its_sentences(void **state)
{
    (void)state;
    const char *path = tactest_shared("testdata/examples/seed-article.txt");
    char *text;
    size_t len;
    tac_error err;
    assert_int_equal(tac_read_file(path, &text, &len, &err), TAC_OK);
    /* the dateline is "BEIJING – " (an en dash) */
    size_t dateline_end = after(text, "BEIJING \xe2\x80\x93 ");
    assert_int_equal(dateline_end, 12);

    tac_text_ctx *ctx = tac_text_ctx_new();
    const tac_text *t;
    assert_int_equal(tac_text_analyze(ctx, text, len, dateline_end, &t, &err), TAC_OK);
    assert_int_equal(t->n_sentences, 14);
    assert_int_equal(t->n_invalid_bytes, 0);
    const tac_sentence *s = t->sentences;
    assert_int_equal(s[0].kind, TAC_SENT_DATELINE);
    assert_int_equal(s[0].n_tokens, 1);
    assert_sentence(&s[0], "BEIJING", "BEIJING");
    for (uint32_t i = 1; i < 14; i++)
        assert_int_equal(s[i].kind, TAC_SENT_BODY);
    assert_int_equal(s[1].start, 12);
    assert_sentence(&s[1], "Chinese", ".");
    /* "No. 2" does not end sentence 2 */
    const char *want2[] = { "The", "trip", "by", "China", "'s", "No.", "2", "leader" };
    for (uint32_t i = 0; i < 8; i++)
        assert_string_equal(s[2].tokens[i].form, want2[i]);
    assert_int_equal(s[2].tokens[4].end - s[2].tokens[4].start, 4);   /* ’s */
    assert_sentence(&s[3], "Through", ".");
    assert_sentence(&s[6], "China", ".");
    /* "U.S.-led U.N. forces" stays inside sentence 7, which keeps its
     * closing quote */
    assert_sentence(&s[7], "The", "''");
    assert_string_equal(s[7].tokens[s[7].n_tokens - 2].form, ".");
    assert_memory_equal(text + s[7].end - 3, "\xe2\x80\x9d", 3);
    assert_sentence(&s[8], "But", ".");
    assert_sentence(&s[9], "Last", ".");
    assert_sentence(&s[10], "In", ".");
    assert_sentence(&s[13], "Pyongyang", ".");
    assert_int_equal(s[13].end, len);
    bool found = false;
    for (uint32_t i = 0; i < s[7].n_tokens; i++)
        found |= strcmp(s[7].tokens[i].form, "U.S.-led") == 0
                 && strcmp(s[7].tokens[i + 1].form, "U.N.") == 0;
    assert_true(found);

    /* without the dateline the first sentence simply starts with it */
    assert_int_equal(tac_text_analyze(ctx, text, len, 0, &t, &err), TAC_OK);
    assert_int_equal(t->n_sentences, 13);
    assert_sentence(&t->sentences[0], "BEIJING", ".");
    assert_string_equal(t->sentences[0].tokens[1].form, "--");
    tac_text_ctx_free(ctx);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splits_news_cases),
        cmocka_unit_test(first_line_without_punctuation_is_a_headline),
        cmocka_unit_test(dateline_is_its_own_sentence),
        cmocka_unit_test(long_runs_are_cut),
        cmocka_unit_test(wire_story_splits_into_its_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
