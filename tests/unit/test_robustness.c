/* Robustness: every parser of untrusted input, fed valid seeds and seeded
 * pseudo-random mutations of them (byte flips, truncations, duplications,
 * special bytes, very long tokens) plus a fixed set of hostile inputs. The
 * harnesses and their checks are the libFuzzer targets' (tests/fuzz/
 * targets.c): no crash (the sanitizers watch memory), valid statuses,
 * messages with errors, offsets inside the text, valid UTF-8, readers that
 * reach TAC_END. Deterministic: the same inputs on every run.
 *
 * TAC_ROBUSTNESS_N=<n> changes the mutations per seed (default below);
 * TAC_ROBUSTNESS_SEED=<s> the random seed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "targets.h"
#include "util/util.h"

#define DEFAULT_MUTATIONS 60
#define MAX_INPUT        (512 * 1024)

/* ---- a small deterministic generator ---------------------------------- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)   /* splitmix64 */
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t rng_below(rng *r, size_t n) { return n ? (size_t)(rng_next(r) % n) : 0; }

/* ---- byte strings ------------------------------------------------------ */

typedef struct bytes {
    uint8_t *p;
    size_t   n, cap;
} bytes;

static void bytes_reserve(bytes *b, size_t extra)
{
    if (b->n + extra <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra)
        cap *= 2;
    b->p = realloc(b->p, cap);
    assert_non_null(b->p);
    b->cap = cap;
}

static void bytes_set(bytes *b, const void *data, size_t n)
{
    b->n = 0;
    bytes_reserve(b, n);
    if (n)
        memcpy(b->p, data, n);
    b->n = n;
}

static void bytes_insert(bytes *b, size_t at, const void *data, size_t n)
{
    bytes_reserve(b, n);
    memmove(b->p + at + n, b->p + at, b->n - at);
    memcpy(b->p + at, data, n);
    b->n += n;
}

static void bytes_repeat(bytes *b, size_t at, const char *unit, size_t k, size_t times)
{
    bytes_reserve(b, k * times);
    memmove(b->p + at + k * times, b->p + at, b->n - at);
    for (size_t i = 0; i < times; i++)
        memcpy(b->p + at + i * k, unit, k);
    b->n += k * times;
}

/* ---- mutations ---------------------------------------------------------- */

/* Bytes that mean something to one parser or another. */
static const uint8_t SPECIAL_BYTES[] = {
    0x00, 0xFF, 0xFE, 0xC3, 0xE2, 0x80, 0xBF, '(', ')', '<', '>', '"', '\\', '&', ';', '#',
    '[', ']', '{', '}', ',', ':', '\n', '\r', '\t', ' ', '+', '-', '_', '~', '!', '$', '%',
    '^', '*', '=', '/', '.', '\'', 'A', 'z', '0', '9',
};

/* Short strings that open or close structures. */
static const char *const SPECIAL_STRINGS[] = {
    "\xe2\x80\x94", "\xe2\x80\x99", "\xef\xbb\xbf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xc0\xaf", "<![CDATA[", "]]>", "<!--", "-->", "&#x10FFFF;", "&#xD800;", "&#99999999999;",
    "&amp", "</", "/>", "\\u", "\\ud800", "\\udc00\\ud800", "\\u0000", "1e99999", "-LRB-",
    "(ROOT", "(S (NP", "))", "[---]", "[~", "{}", "!X! = ", "<ISSUE", "</ISSUE>", "\r\n",
    "U.S.", "Mr.", "...", "--", "\"\"", "''", "``", "n't", "'s", "\t\t\t\t\t\t\t",
};

/* Units repeated into very long tokens. */
static const char *const LONG_UNITS[] = {
    "A", "(", ")", "[", "{", "<", "\"", "x ", "\xe2\x80\x94", "\xff", "9", "&amp;", "(NP ",
    "\n", "\\\\",
};

static void mutate_once(bytes *b, rng *r)
{
    size_t at = rng_below(r, b->n + 1);
    switch (rng_below(r, 10)) {
    case 0:   /* flip a bit */
        if (b->n)
            b->p[rng_below(r, b->n)] ^= (uint8_t)(1u << rng_below(r, 8));
        break;
    case 1:   /* any byte */
        if (b->n)
            b->p[rng_below(r, b->n)] = (uint8_t)rng_next(r);
        break;
    case 2: { /* insert a special byte */
        uint8_t c = SPECIAL_BYTES[rng_below(r, sizeof SPECIAL_BYTES)];
        bytes_insert(b, at, &c, 1);
        break;
    }
    case 3:   /* overwrite with a special byte */
        if (b->n)
            b->p[rng_below(r, b->n)] = SPECIAL_BYTES[rng_below(r, sizeof SPECIAL_BYTES)];
        break;
    case 4: { /* delete a range */
        size_t k = 1 + rng_below(r, 16);
        if (at + k > b->n)
            k = b->n - at;
        memmove(b->p + at, b->p + at + k, b->n - at - k);
        b->n -= k;
        break;
    }
    case 5:   /* truncate */
        b->n = at;
        break;
    case 6: { /* duplicate a range somewhere else */
        if (!b->n)
            break;
        size_t from = rng_below(r, b->n);
        size_t k = 1 + rng_below(r, 64);
        if (from + k > b->n)
            k = b->n - from;
        uint8_t tmp[64];
        memcpy(tmp, b->p + from, k);
        bytes_insert(b, at, tmp, k);
        break;
    }
    case 7: { /* a very long token */
        const char *unit = LONG_UNITS[rng_below(r, sizeof LONG_UNITS / sizeof LONG_UNITS[0])];
        bytes_repeat(b, at, unit, strlen(unit), 100 + rng_below(r, 5000));
        break;
    }
    default: { /* a structural string */
        const char *s =
            SPECIAL_STRINGS[rng_below(r, sizeof SPECIAL_STRINGS / sizeof SPECIAL_STRINGS[0])];
        bytes_insert(b, at, s, strlen(s));
        break;
    }
    }
}

/* 1-4 edits usually, now and then a heavier 8-32 */
static void mutate(bytes *b, rng *r)
{
    size_t edits = rng_below(r, 8) == 0 ? 8 + rng_below(r, 25) : 1 + rng_below(r, 4);
    for (size_t i = 0; i < edits && b->n < MAX_INPUT; i++)
        mutate_once(b, r);
}

/* ---- running a target ---------------------------------------------------- */

/* Fails the test naming the target, the input (escaped, cut) and the check. */
static void run_one(fz_ctx *c, const fz_target *t, const uint8_t *data, size_t n,
                    const char *label)
{
    const char *bad = t->run(c, data, n);
    if (!bad)
        return;
    char esc[1200];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 8 < sizeof esc; i++) {
        uint8_t ch = data[i];
        if (ch >= 0x20 && ch < 0x7F && ch != '\\')
            esc[k++] = (char)ch;
        else
            k += (size_t)snprintf(esc + k, sizeof esc - k, "\\x%02x", ch);
    }
    esc[k] = '\0';
    fail_msg("%s (%s): %s\ninput (%zu bytes%s): \"%s\"", t->name, label, bad, n,
             k + 8 >= sizeof esc ? ", cut" : "", esc);
}

static size_t mutations_per_seed(void)
{
    const char *s = getenv("TAC_ROBUSTNESS_N");
    return s && *s ? (size_t)strtoul(s, NULL, 10) : DEFAULT_MUTATIONS;
}

static uint64_t base_seed(void)
{
    const char *s = getenv("TAC_ROBUSTNESS_SEED");
    return s && *s ? strtoull(s, NULL, 10) : 20240311;
}

static void run_seed(fz_ctx *c, const fz_target *t, const uint8_t *seed, size_t n,
                     size_t seed_no)
{
    char label[64];
    snprintf(label, sizeof label, "seed %zu", seed_no);
    run_one(c, t, seed, n, label);

    bytes b = {0};
    size_t count = mutations_per_seed();
    rng r = {base_seed() ^ tac_hash_str(t->name) ^ (seed_no * 0x100000001B3ull)};
    for (size_t i = 0; i < count; i++) {
        bytes_set(&b, seed, n);
        mutate(&b, &r);
        snprintf(label, sizeof label, "seed %zu mutation %zu", seed_no, i);
        run_one(c, t, b.p, b.n, label);
    }
    free(b.p);
}

/* Inputs every target gets: empty, lone bytes, deep nesting, huge tokens. */
static void run_hostile(fz_ctx *c, const fz_target *t)
{
#define UNIT(s) s, sizeof s - 1
    static const struct {
        const char *label;
        const char *unit;
        size_t      unit_len;
        size_t      times;
    } hostile[] = {
        {"empty", UNIT(""), 0},
        {"NUL", UNIT("\0"), 1},
        {"0xFF", UNIT("\xff"), 1},
        {"BOM only", UNIT("\xef\xbb\xbf"), 1},
        {"deep (", UNIT("("), 70000},
        {"deep (X ", UNIT("(X "), 20000},
        {"deep [", UNIT("["), 70000},
        {"deep object", UNIT("{\"a\":"), 20000},
        {"deep <", UNIT("<a>"), 20000},
        {"long token", UNIT("A"), 300000},
        {"many lines", UNIT("\n"), 50000},
        {"many tabs", UNIT("x\t"), 30000},
        {"NULs", UNIT("\0"), 5000},
        {"invalid UTF-8", UNIT("\xc3\x28\xe2\x28\xa1\xf0\x28\x8c\xbc"), 5000},
    };
#undef UNIT
    bytes b = {0};
    bytes_reserve(&b, 1);
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        b.n = 0;
        bytes_repeat(&b, 0, hostile[i].unit, hostile[i].unit_len, hostile[i].times);
        run_one(c, t, b.p, b.n, hostile[i].label);
    }
    free(b.p);
}

static void run_target(const char *name)
{
    const fz_target *t = fz_find_target(name);
    assert_non_null(t);
    const char *why = NULL;
    fz_ctx *c = fz_ctx_new(&why);
    if (!c)
        fail_msg("fz_ctx_new: %s", why);
    size_t seed_no = 0;
    for (size_t i = 0; t->seeds[i]; i++, seed_no++)
        run_seed(c, t, (const uint8_t *)t->seeds[i], strlen(t->seeds[i]), seed_no);
    for (size_t i = 0; t->seed_files[i]; i++, seed_no++) {
        char *data;
        size_t len;
        tac_error err;
        if (tac_read_file(tactest_source(t->seed_files[i]), &data, &len, &err) != TAC_OK)
            fail_msg("seed file %s: %s", t->seed_files[i], err.msg);
        run_seed(c, t, (const uint8_t *)data, len, seed_no);
        free(data);
    }
    run_hostile(c, t);
    fz_ctx_free(c);
}

#define TARGET_TEST(name)                                                        \
    static void robust_##name(void **state)                                      \
    {                                                                            \
        (void)state;                                                             \
        run_target(#name);                                                       \
    }
TARGET_TEST(reader_text)
TARGET_TEST(reader_jsonl)
TARGET_TEST(reader_xml)
TARGET_TEST(reader_ptb)
TARGET_TEST(text)
TARGET_TEST(coder)
TARGET_TEST(dict_verbs)
TARGET_TEST(dict_actors)
TARGET_TEST(dict_agents)
TARGET_TEST(dict_discards)
TARGET_TEST(dict_issues)
TARGET_TEST(json)
TARGET_TEST(gazetteer)
TARGET_TEST(parser)

/* ---- regressions ----------------------------------------------------------
 * Inputs that once broke a target (found by the libFuzzer targets or by
 * this test). Each stays here so the bug cannot come back. */

typedef struct regression {
    const char *target;
    const char *input;
    size_t      len;       /* 0: strlen(input) */
    const char *what;
} regression;

static const regression REGRESSIONS[] = {
    {"text", "", 0, "placeholder: the empty text (no bug found yet)"},
};

static void regressions(void **state)
{
    (void)state;
    const char *why = NULL;
    fz_ctx *c = fz_ctx_new(&why);
    if (!c)
        fail_msg("fz_ctx_new: %s", why);
    for (size_t i = 0; i < sizeof REGRESSIONS / sizeof REGRESSIONS[0]; i++) {
        const regression *g = &REGRESSIONS[i];
        const fz_target *t = fz_find_target(g->target);
        assert_non_null(t);
        size_t len = g->len ? g->len : strlen(g->input);
        run_one(c, t, (const uint8_t *)g->input, len, g->what);
    }
    fz_ctx_free(c);
}

/* The target table is complete and the mutator deterministic (the same
 * seed gives the same inputs) and effective (it changes its input). */
static void harness_sanity(void **state)
{
    (void)state;
    assert_int_equal(fz_n_targets, 14);
    for (size_t i = 0; i < fz_n_targets; i++) {
        assert_ptr_equal(fz_find_target(fz_targets[i].name), &fz_targets[i]);
        assert_non_null(fz_targets[i].seeds[0]);
    }
    assert_null(fz_find_target("no such target"));
    /* the mutator is deterministic and does change its input */
    bytes a = {0}, b = {0};
    rng r1 = {42}, r2 = {42};
    size_t changed = 0;
    for (int i = 0; i < 50; i++) {
        bytes_set(&a, "hello (world)", 13);
        bytes_set(&b, "hello (world)", 13);
        mutate(&a, &r1);
        mutate(&b, &r2);
        assert_int_equal(a.n, b.n);
        assert_memory_equal(a.p, b.p, a.n);
        changed += a.n != 13 || memcmp(a.p, "hello (world)", 13) != 0;
    }
    assert_true(changed >= 40);
    free(a.p);
    free(b.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(harness_sanity),
        cmocka_unit_test(regressions),
        cmocka_unit_test(robust_reader_text),
        cmocka_unit_test(robust_reader_jsonl),
        cmocka_unit_test(robust_reader_xml),
        cmocka_unit_test(robust_reader_ptb),
        cmocka_unit_test(robust_text),
        cmocka_unit_test(robust_coder),
        cmocka_unit_test(robust_dict_verbs),
        cmocka_unit_test(robust_dict_actors),
        cmocka_unit_test(robust_dict_agents),
        cmocka_unit_test(robust_dict_discards),
        cmocka_unit_test(robust_dict_issues),
        cmocka_unit_test(robust_json),
        cmocka_unit_test(robust_gazetteer),
        cmocka_unit_test(robust_parser),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
