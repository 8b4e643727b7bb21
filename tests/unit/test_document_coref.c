/* Document stage: coreference memory. Each scenario is a script of mentions
 * the coder noted and references to resolve, in document order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "tacitus.h"

typedef struct step {
    char kind;              /* 'n' note, 'r' resolve one, 'p' resolve a pair */
    int  sentence, token;   /* token -1 = unknown */
    const char *words;      /* space-separated tokens */
    const char *code;       /* noted code / expected code (NULL = none) */
    const char *code2;      /* 'p': the second code */
} step;

#define END {0, 0, 0, NULL, NULL, NULL}

/* The wire story (seed article): Li Qiang's visit, Kim and Xi. */
static const step wire[] = {
    {'n', 1, 0, "Chinese Premier Li Qiang", "CHNGOV", NULL},
    {'n', 1, 10, "North Korea", "PRK", NULL},
    {'n', 1, 33, "the Foreign Ministry", "CHNGOV", NULL},
    {'r', 3, 1, "the premier", "CHNGOV", NULL},
    {'r', 3, 38, "the ministry", "CHNGOV", NULL},
    {'r', 4, 0, "Li", "CHNGOV", NULL},
    {'r', 4, 15, "the Chinese leader", "CHNGOV", NULL},
    {'r', 4, 20, "the North Korean leader", NULL, NULL},
    {'n', 6, 0, "China", "CHN", NULL},
    {'n', 6, 2, "North Korea", "PRK", NULL},
    {'p', 7, 0, "The two countries", "CHN", "PRK"},
    {'n', 9, 3, "North Korean leader Kim Jong Un", "PRKGOV", NULL},
    {'n', 9, 10, "Beijing", "CHN", NULL},
    {'r', 10, 1, "his", "PRKGOV", NULL},
    {'n', 10, 6, "Chinese President Xi Jinping", "CHNGOV", NULL},
    {'p', 10, 15, "the two", "PRKGOV", "CHNGOV"},
    {'r', 10, 15, "the two", NULL, NULL},
    {'r', 12, 0, "Kim", "PRKGOV", NULL},
    {'r', 12, 5, "the North Korean leader", "PRKGOV", NULL},
    {'r', 12, 5, "the president", "CHNGOV", NULL},
    {'r', 12, 5, "he", "CHNGOV", NULL},
    {'r', 12, 5, "Xi", "CHNGOV", NULL},
    {'r', 12, 5, "Medvedev", NULL, NULL},
    END};

static const step leaders[] = {
    {'n', 0, -1, "Russian President Vladimir Putin", "RUSGOV", NULL},
    {'n', 0, -1, "Ukrainian President Volodymyr Zelensky", "UKRGOV", NULL},
    {'r', 1, -1, "Putin", "RUSGOV", NULL},
    {'r', 1, -1, "Zelensky", "UKRGOV", NULL},
    {'r', 1, -1, "President Putin", "RUSGOV", NULL},
    {'r', 1, -1, "Vladimir Putin", "RUSGOV", NULL},
    {'r', 1, -1, "the Russian president", "RUSGOV", NULL},
    {'r', 1, -1, "the Ukrainian leader", "UKRGOV", NULL},
    {'r', 1, -1, "the president", "UKRGOV", NULL},
    {'r', 1, -1, "the French president", NULL, NULL},
    {'r', 1, -1, "the minister", NULL, NULL},
    {'p', 1, -1, "both sides", "RUSGOV", "UKRGOV"},
    {'p', 1, -1, "the two leaders", "RUSGOV", "UKRGOV"},
    {'p', 1, -1, "the two presidents", "RUSGOV", "UKRGOV"},
    {'r', 1, -1, "she", "UKRGOV", NULL},
    {'r', 1, -1, "Lee", NULL, NULL},
    {'r', 9, -1, "he", NULL, NULL},            /* too far back for a pronoun */
    {'r', 9, -1, "Putin", "RUSGOV", NULL},     /* names carry any distance */
    {'r', 9, -1, "the president", NULL, NULL}, /* descriptions do not */
    END};

static const step organisations[] = {
    {'n', 0, -1, "the Israeli military", "ISRMIL", NULL},
    {'n', 0, -1, "Hamas", "PSEREB", NULL},
    {'r', 1, -1, "the military", "ISRMIL", NULL},
    {'r', 1, -1, "it", "ISRMIL", NULL},
    {'r', 1, -1, "Hamas", "PSEREB", NULL},
    {'r', 1, -1, "the army", NULL, NULL},
    {'n', 2, -1, "Egypt", "EGY", NULL},
    {'r', 3, -1, "the country", "EGY", NULL},
    {'r', 3, -1, "the Egyptian government", NULL, NULL},
    {'p', 3, -1, "the two countries", "PSE", "EGY"},
    {'n', 4, -1, "Egyptian Foreign Minister Sameh Shoukry", "EGYGOV", NULL},
    {'r', 5, -1, "the foreign minister", "EGYGOV", NULL},
    {'r', 5, -1, "Shoukry", "EGYGOV", NULL},
    {'r', 5, -1, "the Egyptian minister", "EGYGOV", NULL},
    {'r', 5, -1, "the Israeli minister", NULL, NULL},
    {'r', 5, -1, "his", "EGYGOV", NULL},
    END};

/* Positions matter: a reference sees only what came before it. */
static const step order[] = {
    {'n', 0, 0, "Japanese Prime Minister Shigeru Ishiba", "JPNGOV", NULL},
    {'r', 1, 1, "his", "JPNGOV", NULL},
    {'n', 1, 5, "South Korean President Lee Jae-myung", "KORGOV", NULL},
    {'r', 1, 2, "his", "JPNGOV", NULL},
    {'r', 1, 9, "his", "KORGOV", NULL},
    {'r', 1, 9, "Ishiba", "JPNGOV", NULL},
    {'r', 1, 9, "the prime minister", "JPNGOV", NULL},
    {'r', 1, 3, "Lee", NULL, NULL},
    {'r', 1, 9, "Lee", "KORGOV", NULL},
    {'p', 1, 9, "the two", "JPNGOV", "KORGOV"},
    {'p', 1, 4, "the two", NULL, NULL},
    {'p', 1, 9, "the two neighbours", "JPN", "KOR"},
    END};

/* "there" after a visit: the latest country (not an organisation, nothing
 * after the reference, nothing from too far back). */
static const step places[] = {
    {'n', 0, 4, "North Korea", "PRK", NULL},
    {'n', 0, 9, "the ruling Chinese Communist Party", "CHNPTY", NULL},
    {'r', 0, 12, "there", "PRK", NULL},
    {'r', 0, 2, "there", NULL, NULL},
    {'n', 1, 3, "Vietnam", "VNM", NULL},
    {'r', 1, 7, "there", "VNM", NULL},
    {'r', 5, 0, "there", NULL, NULL},
    END};

static size_t split(const char *s, char *buf, size_t size, const char **words, size_t max)
{
    snprintf(buf, size, "%s", s);
    size_t n = 0;
    for (char *w = strtok(buf, " "); w && n < max; w = strtok(NULL, " "))
        words[n++] = w;
    return n;
}

static void run_script(const step *script, const char *name)
{
    tac_doc_memory *m = tac_doc_memory_new();
    assert_non_null(m);
    size_t failed = 0;
    for (const step *s = script; s->kind; s++) {
        char buf[256];
        const char *w[32];
        size_t n = split(s->words, buf, sizeof buf, w, 32);
        if (s->kind == 'n') {
            assert_int_equal(tac_doc_note_mention_at(m, s->sentence, s->token, w, n, s->code),
                             TAC_OK);
            continue;
        }
        const char *codes[2] = {NULL, NULL};
        size_t k = tac_doc_resolve_all_at(m, s->sentence, s->token, w, n, codes);
        bool ok;
        if (s->kind == 'r') {
            const char *got = k == 1 ? codes[0] : NULL;
            ok = (got == NULL) == (s->code == NULL) && (!got || strcmp(got, s->code) == 0);
            /* the plain API agrees when positions are not needed */
            if (s->token < 0)
                ok = ok && tac_doc_resolve(m, s->sentence, w, n) == got;
        } else {
            ok = s->code ? k == 2 && strcmp(codes[0], s->code) == 0 &&
                           strcmp(codes[1], s->code2) == 0
                         : k == 0;
        }
        if (!ok) {
            print_error("%s: s%d t%d \"%s\": got %zu [%s %s], want %s %s\n", name, s->sentence,
                        s->token, s->words, k, k > 0 ? codes[0] : "-", k > 1 ? codes[1] : "-",
                        s->code ? s->code : "none", s->code2 ? s->code2 : "");
            failed++;
        }
    }
    tac_doc_memory_free(m);
    if (failed)
        fail_msg("%s: %zu steps failed", name, failed);
}

static void test_wire_story(void **state) { (void)state; run_script(wire, "wire"); }
static void test_leaders(void **state) { (void)state; run_script(leaders, "leaders"); }
static void test_organisations(void **state) { (void)state; run_script(organisations, "organisations"); }
static void test_positions(void **state) { (void)state; run_script(order, "positions"); }
static void test_places(void **state) { (void)state; run_script(places, "places"); }

static void test_reset_and_bad_input(void **state)
{
    (void)state;
    tac_doc_memory *m = tac_doc_memory_new();
    const char *kim[] = {"Kim", "Jong", "Un"};
    const char *he[] = {"he"};
    const char *codes[2];
    assert_null(tac_doc_resolve(m, 0, he, 1));
    assert_int_equal(tac_doc_note_mention(m, 0, kim, 3, NULL), TAC_EINVAL);
    assert_int_equal(tac_doc_note_mention(m, 0, kim, 3, ""), TAC_EINVAL);
    assert_int_equal(tac_doc_note_mention(NULL, 0, kim, 3, "PRK"), TAC_EINVAL);
    assert_int_equal(tac_doc_note_mention(m, 0, kim, 3, "PRKGOV"), TAC_OK);
    assert_string_equal(tac_doc_resolve(m, 1, he, 1), "PRKGOV");
    assert_string_equal(tac_doc_resolve(m, 1, kim, 1), "PRKGOV");
    assert_int_equal(tac_doc_resolve_all(m, 1, he, 0, codes), 0);
    assert_int_equal(tac_doc_resolve_all(m, 1, NULL, 1, codes), 0);
    const char *hole[] = {"the", NULL};
    assert_int_equal(tac_doc_resolve_all(m, 1, hole, 2, codes), 0);
    /* the memory copies what it is given */
    char code[8] = "PRKGOV";
    char name[8] = "Choe";
    const char *choe[] = {name};
    assert_int_equal(tac_doc_note_mention(m, 2, choe, 1, code), TAC_OK);
    strcpy(code, "XXXXXX");
    strcpy(name, "Zzzz");
    const char *choe2[] = {"Choe"};
    assert_string_equal(tac_doc_resolve(m, 3, choe2, 1), "PRKGOV");
    /* a new document forgets the old one */
    tac_doc_memory_reset(m);
    assert_null(tac_doc_resolve(m, 1, he, 1));
    assert_null(tac_doc_resolve(m, 1, kim, 1));
    /* many mentions: the vector grows */
    for (int i = 0; i < 500; i++) {
        char c[16];
        snprintf(c, sizeof c, "X%02dGOV", i % 100);
        assert_int_equal(tac_doc_note_mention(m, i, kim, 3, c), TAC_OK);
    }
    assert_string_equal(tac_doc_resolve(m, 500, kim, 3), "X99GOV");
    tac_doc_memory_free(m);
    tac_doc_memory_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wire_story),
        cmocka_unit_test(test_leaders),
        cmocka_unit_test(test_organisations),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_reset_and_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
