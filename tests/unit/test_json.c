/* The JSON parser (src/util/json.c): valid documents, escapes, errors with
 * line:column, nesting limits and large input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "util/json.h"

typedef struct fixture {
    tac_arena arena;
    tac_error err;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    tac_arena_init(&f->arena, 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tac_arena_free(&f->arena);
    free(f);
    return 0;
}

static tac_json *parse(fixture *f, const char *text)
{
    tac_arena_reset(&f->arena);
    tac_error_clear(&f->err);
    return tac_json_parse(text, strlen(text), NULL, 0, &f->arena, &f->err);
}

/* Parses text that must fail; returns the error message. */
static const char *parse_error(fixture *f, const char *text, tac_status want)
{
    tac_json *v = parse(f, text);
    if (v)
        fail_msg("'%s' parsed but should not have", text);
    assert_int_equal(f->err.status, want);
    return f->err.msg;
}

static void parses_every_value_type(void **state)
{
    fixture *f = *state;
    tac_json *v = parse(f, " {\"a\": [1, -2.5e2, true, false, null, \"x\"], \"b\": {}, \"c\": []}\n");
    assert_non_null(v);
    assert_int_equal(v->type, TAC_JSON_OBJECT);
    assert_int_equal(v->len, 3);
    assert_string_equal(v->members[0].key, "a");
    assert_string_equal(v->members[2].key, "c");

    const tac_json *a = tac_json_get(v, "a");
    assert_non_null(a);
    assert_int_equal(a->type, TAC_JSON_ARRAY);
    assert_int_equal(a->len, 6);
    assert_int_equal(a->items[0]->type, TAC_JSON_NUMBER);
    assert_true(a->items[0]->number == 1.0);
    assert_true(a->items[1]->number == -250.0);
    assert_string_equal(a->items[1]->str, "-2.5e2");
    assert_int_equal(a->items[2]->type, TAC_JSON_BOOL);
    assert_true(a->items[2]->boolean);
    assert_false(a->items[3]->boolean);
    assert_int_equal(a->items[4]->type, TAC_JSON_NULL);
    assert_string_equal(tac_json_string(a->items[5]), "x");
    assert_null(tac_json_string(a->items[0]));

    const tac_json *b = tac_json_get(v, "b");
    assert_int_equal(b->type, TAC_JSON_OBJECT);
    assert_int_equal(b->len, 0);
    assert_int_equal(tac_json_get(v, "c")->len, 0);
    assert_null(tac_json_get(v, "missing"));
    assert_null(tac_json_get(a, "a"));          /* not an object */
    assert_string_equal(tac_json_type_name(a->type), "array");

    /* Any value may be the root; offsets point at the value. */
    v = parse(f, "  42 ");
    assert_non_null(v);
    assert_true(v->number == 42.0);
    assert_int_equal(v->offset, 2);
    v = parse(f, "\"only\"");
    assert_string_equal(v->str, "only");
    v = parse(f, "\xEF\xBB\xBF[0]");            /* byte order mark */
    assert_non_null(v);
    assert_int_equal(v->len, 1);
}

static void repeated_key_gives_the_last(void **state)
{
    fixture *f = *state;
    tac_json *v = parse(f, "{\"k\": 1, \"k\": 2}");
    assert_non_null(v);
    assert_int_equal(v->len, 2);
    assert_true(tac_json_get(v, "k")->number == 2.0);
}

static void decodes_escapes_and_surrogate_pairs(void **state)
{
    fixture *f = *state;
    tac_json *v = parse(f, "\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"");
    assert_non_null(v);
    assert_string_equal(v->str, "q\" b\\ s/ \b\f\n\r\t");

    v = parse(f, "\"\\u00e9\\u20AC\\ud83d\\ude00 caf\xC3\xA9\"");
    assert_non_null(v);
    assert_string_equal(v->str, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 caf\xC3\xA9");

    /* lone surrogates (high without low, low alone) become U+FFFD */
    v = parse(f, "\"a\\ud800b\\udc00c\\ud800\\u0041\"");
    assert_non_null(v);
    assert_string_equal(v->str, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "A");

    /* \u0000 is kept: len counts it */
    v = parse(f, "\"a\\u0000b\"");
    assert_non_null(v);
    assert_int_equal(v->len, 3);
    assert_memory_equal(v->str, "a\0b", 3);

    /* keys are decoded too */
    v = parse(f, "{\"k\\u0065y\": 1}");
    assert_non_null(tac_json_get(v, "key"));
}

static void numbers_follow_the_grammar(void **state)
{
    fixture *f = *state;
    static const char *good[] = {"0", "-0", "0.5", "1e10", "1E+2", "-3.25e-2", "123456789012"};
    static const double vals[] = {0, 0, 0.5, 1e10, 100, -0.0325, 123456789012.0};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        tac_json *v = parse(f, good[i]);
        if (!v)
            fail_msg("%s: %s", good[i], f->err.msg);
        assert_true(v->number == vals[i]);
    }
    tac_json *v = parse(f, "1e400");
    assert_non_null(v);
    assert_true(isinf(v->number));
    assert_string_equal(v->str, "1e400");

    static const char *bad[] = {"01", "-", "1.", ".5", "1e", "+1", "0x10", "1.e3", "--1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        parse_error(f, bad[i], TAC_EPARSE);
}

static void errors_name_line_and_column(void **state)
{
    fixture *f = *state;
    assert_string_equal(parse_error(f, "{\"a\": 1,\n  \"b\" 2}", TAC_EPARSE),
                        "2:7: expected ':' after object key, found '2'");
    assert_string_equal(parse_error(f, "[1, 2,]", TAC_EPARSE),
                        "1:7: expected a value, found ']'");
    assert_string_equal(parse_error(f, "{\"a\": 1,}", TAC_EPARSE),
                        "1:9: expected a string key, found '}'");
    assert_string_equal(parse_error(f, "[1 2]", TAC_EPARSE),
                        "1:4: expected ',' or ']' after an array element, found '2'");
    assert_string_equal(parse_error(f, "[1, 2", TAC_EPARSE),
                        "1:6: expected ',' or ']' after an array element, found end of input");
    assert_string_equal(parse_error(f, "", TAC_EPARSE),
                        "1:1: unexpected end of input, expected a value");
    assert_string_equal(parse_error(f, "{} x", TAC_EPARSE),
                        "1:4: unexpected 'x' after the JSON value");
    assert_string_equal(parse_error(f, "\n\n  \"abc", TAC_EPARSE),
                        "3:3: unterminated string");
    /* columns count characters: "é" is one */
    assert_string_equal(parse_error(f, "[\"\xC3\xA9\", tru]", TAC_EPARSE),
                        "1:7: expected a value, found 't'");
    assert_string_equal(parse_error(f, "\"a\\x\"", TAC_EPARSE),
                        "1:3: unknown escape \\'x' in string");
    assert_string_equal(parse_error(f, "\"\\u12G4\"", TAC_EPARSE),
                        "1:2: bad \\u escape (four hex digits expected)");
    assert_string_equal(parse_error(f, "\"tab\there\"", TAC_EPARSE),
                        "1:5: control character 0x09 in string (write it as \\u0009)");
    assert_string_equal(parse_error(f, "\"bad \xC3\x28\"", TAC_EPARSE),
                        "1:6: invalid UTF-8 byte 0xC3 in string");
    parse_error(f, "\"\xED\xA0\x80\"", TAC_EPARSE);       /* encoded surrogate */
    parse_error(f, "\"\xC0\xAF\"", TAC_EPARSE);           /* overlong */
    parse_error(f, "\"\xF4\x90\x80\x80\"", TAC_EPARSE);   /* above U+10FFFF */
    parse_error(f, "nul", TAC_EPARSE);
    parse_error(f, "{'a': 1}", TAC_EPARSE);
    parse_error(f, "[1]]", TAC_EPARSE);
    parse_error(f, "{\"a\": 1]", TAC_EPARSE);
    parse_error(f, "\"a\\", TAC_EPARSE);

    /* the name prefixes the message */
    tac_arena_reset(&f->arena);
    assert_null(tac_json_parse("[x]", 3, "gold.json", 0, &f->arena, &f->err));
    assert_string_equal(f->err.msg, "gold.json:1:2: expected a value, found 'x'");
}

static void position_helper_counts_lines(void **state)
{
    (void)state;
    const char *t = "ab\nc\xC3\xA9" "d";
    long line, col;
    tac_json_position(t, strlen(t), 6, &line, &col);   /* at 'd' */
    assert_int_equal(line, 2);
    assert_int_equal(col, 3);
    tac_json_position(t, strlen(t), 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
}

/* Nesting: the limit is enforced without recursion, and a million open
 * brackets fail cleanly instead of exhausting the stack. */
static void deep_nesting_is_limited_not_fatal(void **state)
{
    fixture *f = *state;
    size_t depth = 1000000, ok_depth = 200000;
    char *deep = malloc(2 * depth + 1);
    memset(deep, '[', depth);
    memset(deep + depth, ']', depth);
    deep[2 * depth] = '\0';

    tac_arena_reset(&f->arena);
    assert_null(tac_json_parse(deep, 2 * depth, NULL, 0, &f->arena, &f->err));
    assert_int_equal(f->err.status, TAC_ELIMIT);
    assert_string_equal(f->err.msg, "1:513: nesting deeper than 512 levels");

    /* with a generous limit it parses: 200,000 levels */
    tac_arena_reset(&f->arena);
    tac_json *v = tac_json_parse(deep + depth - ok_depth, 2 * ok_depth, NULL, (int)depth,
                                 &f->arena, &f->err);
    assert_non_null(v);
    size_t levels = 0;
    for (const tac_json *p = v; p->type == TAC_JSON_ARRAY; p = p->len ? p->items[0] : p) {
        levels++;
        if (!p->len)
            break;
    }
    assert_int_equal(levels, ok_depth);

    /* exactly at the limit is fine, one more is not */
    tac_arena_reset(&f->arena);
    assert_non_null(tac_json_parse(deep + depth - 3, 6, NULL, 3, &f->arena, &f->err));
    tac_arena_reset(&f->arena);
    assert_null(tac_json_parse(deep + depth - 4, 8, NULL, 3, &f->arena, &f->err));
    assert_int_equal(f->err.status, TAC_ELIMIT);

    /* unclosed deep input */
    tac_arena_reset(&f->arena);
    assert_null(tac_json_parse(deep, depth, NULL, (int)depth, &f->arena, &f->err));
    assert_int_equal(f->err.status, TAC_EPARSE);
    free(deep);
}

/* A large document: 200,000 objects in one array, plus one long string. */
static void huge_input_parses(void **state)
{
    fixture *f = *state;
    tac_buf b;
    tac_buf_init(&b);
    size_t n = 200000;
    tac_buf_putc(&b, '[');
    for (size_t i = 0; i < n; i++)
        tac_buf_printf(&b, "%s{\"id\": %zu, \"name\": \"r\\u00e9cord %zu\", \"tags\": [\"a\", null]}",
                       i ? "," : "", i, i);
    tac_buf_puts(&b, ", \"");
    size_t long_len = 5 * 1024 * 1024;
    tac_buf_reserve(&b, long_len);
    memset(b.data + b.len, 'z', long_len);
    b.len += long_len;
    tac_buf_puts(&b, "\"]");

    tac_arena_reset(&f->arena);
    tac_json *v = tac_json_parse(b.data, b.len, NULL, 0, &f->arena, &f->err);
    assert_non_null(v);
    assert_int_equal(v->len, n + 1);
    const tac_json *last = v->items[n - 1];
    assert_true(tac_json_get(last, "id")->number == (double)(n - 1));
    char want[64];
    snprintf(want, sizeof want, "r\xC3\xA9" "cord %zu", n - 1);
    assert_string_equal(tac_json_string(tac_json_get(last, "name")), want);
    assert_int_equal(tac_json_get(last, "tags")->len, 2);
    assert_int_equal(v->items[n]->len, long_len);

    /* an error far into the input is located correctly */
    b.data[b.len - 1] = '}';
    tac_arena_reset(&f->arena);
    assert_null(tac_json_parse(b.data, b.len, NULL, 0, &f->arena, &f->err));
    char msg[128];
    snprintf(msg, sizeof msg, "1:%zu: expected ',' or ']' after an array element, found '}'",
             b.len);
    assert_string_equal(f->err.msg, msg);
    tac_buf_free(&b);
}

/* Every prefix of a valid document is either an error or (for complete
 * values) a success; never a crash. Also arbitrary bytes. */
static void truncations_and_garbage_never_crash(void **state)
{
    fixture *f = *state;
    const char *doc = "{\"a\": [1, 2.5, {\"b\": \"\\ud83d\\ude00\\n\"}], \"c\": null, \"d\": true}";
    size_t len = strlen(doc);
    for (size_t i = 0; i < len; i++) {
        tac_arena_reset(&f->arena);
        assert_null(tac_json_parse(doc, i, NULL, 0, &f->arena, &f->err));
    }
    tac_arena_reset(&f->arena);
    assert_non_null(tac_json_parse(doc, len, NULL, 0, &f->arena, &f->err));

    unsigned seed = 12345;
    char junk[64];
    for (int round = 0; round < 2000; round++) {
        for (size_t i = 0; i < sizeof junk; i++) {
            seed = seed * 1103515245u + 12345u;
            static const char alphabet[] = "{}[]\",:\\u0e1-.tfn \xC3\xA9";
            junk[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        tac_arena_reset(&f->arena);
        tac_error_clear(&f->err);
        if (!tac_json_parse(junk, sizeof junk, NULL, 0, &f->arena, &f->err))
            assert_true(f->err.msg[0] != '\0');
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(parses_every_value_type, setup, teardown),
        cmocka_unit_test_setup_teardown(repeated_key_gives_the_last, setup, teardown),
        cmocka_unit_test_setup_teardown(decodes_escapes_and_surrogate_pairs, setup, teardown),
        cmocka_unit_test_setup_teardown(numbers_follow_the_grammar, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_name_line_and_column, setup, teardown),
        cmocka_unit_test_setup_teardown(position_helper_counts_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(deep_nesting_is_limited_not_fatal, setup, teardown),
        cmocka_unit_test_setup_teardown(huge_input_parses, setup, teardown),
        cmocka_unit_test_setup_teardown(truncations_and_garbage_never_crash, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
