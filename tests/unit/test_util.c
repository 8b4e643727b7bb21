#include <string.h>

#include "tactest.h"
#include "util/util.h"

static void arena_allocations_are_aligned_and_survive_until_reset(void **state)
{
    (void)state;
    tac_arena a;
    tac_arena_init(&a, 128);
    char *s = tac_arena_strdup(&a, "hello");
    void *big = tac_arena_alloc(&a, 1000);   /* larger than a block */
    char *t = tac_arena_printf(&a, "%d-%s", 42, "x");
    assert_non_null(big);
    assert_int_equal((uintptr_t)big % 16, 0);
    assert_string_equal(s, "hello");
    assert_string_equal(t, "42-x");
    size_t peak = a.peak;
    assert_true(peak >= 1000);
    tac_arena_reset(&a);
    assert_int_equal(a.used, 0);
    /* blocks are reused after reset: a second oversized request fits */
    assert_non_null(tac_arena_alloc(&a, 1000));
    assert_non_null(tac_arena_calloc(&a, 10, 10));
    tac_arena_free(&a);
}

static void buf_escapes_json(void **state)
{
    (void)state;
    tac_buf b;
    tac_buf_init(&b);
    const char in[] = "a\"b\\c\nd\x01";
    assert_true(tac_buf_json_escape(&b, in, sizeof in - 1));
    assert_string_equal(b.data, "a\\\"b\\\\c\\nd\\u0001");
    tac_buf_clear(&b);
    assert_true(tac_buf_printf(&b, "%s=%d", "n", 7));
    assert_string_equal(b.data, "n=7");
    tac_buf_free(&b);
}

/* printf formats into the free space when the text fits: check every way
 * that can go (fits; fits the bytes but not the rounded allocation, so the
 * text moves to another block; does not fit at all). */
static void printf_fits_moves_or_grows(void **state)
{
    (void)state;
    tac_arena a;
    tac_arena_init(&a, 100);             /* not a multiple of the alignment */
    assert_non_null(tac_arena_alloc(&a, 96));
    char *moved = tac_arena_printf(&a, "%s", "ab");        /* 3 bytes of 4 left */
    char *fits = tac_arena_printf(&a, "%d", 7);
    char *big = tac_arena_printf(&a, "%0300d", 5);         /* larger than a block */
    assert_string_equal(moved, "ab");
    assert_string_equal(fits, "7");
    assert_int_equal(strlen(big), 300);
    assert_true(big[0] == '0' && big[299] == '5');
    assert_string_equal(moved, "ab");                     /* nothing overwritten */
    tac_arena_free(&a);

    tac_buf b;
    tac_buf_init(&b);
    assert_true(tac_buf_printf(&b, "%s", "x"));           /* no capacity yet */
    for (int i = 0; i < 100; i++)
        assert_true(tac_buf_printf(&b, "%03d", i));        /* grows past 256 */
    assert_int_equal(b.len, 1 + 300);
    assert_int_equal(b.data[b.len], '\0');
    assert_memory_equal(b.data, "x000001", 7);
    assert_memory_equal(b.data + b.len - 3, "099", 3);
    tac_buf_free(&b);
}

static void fail_fills_error_and_returns_status(void **state)
{
    (void)state;
    tac_error err;
    tac_error_clear(&err);
    assert_int_equal(tac_fail(&err, TAC_EPARSE, "%s:%d: bad", "f.txt", 3), TAC_EPARSE);
    assert_int_equal(err.status, TAC_EPARSE);
    assert_string_equal(err.msg, "f.txt:3: bad");
    assert_string_equal(tac_status_name(TAC_EPARSE), "parse error");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_allocations_are_aligned_and_survive_until_reset),
        cmocka_unit_test(buf_escapes_json),
        cmocka_unit_test(printf_fits_moves_or_grows),
        cmocka_unit_test(fail_fills_error_and_returns_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
