/* Tests of src/output: the compiled CAMEO codebook and the event writers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "output/output.h"
#include "util/util.h"

/* ---- a small strict JSON checker ---------------------------------------
 * Validates one JSON value per RFC 8259 (strings: no raw control
 * characters, valid escapes, valid UTF-8) so the tests can assert that every
 * line a writer produces parses. */

typedef struct json_in {
    const char *p, *end;
} json_in;

static bool json_value(json_in *in, int depth);

static void json_ws(json_in *in)
{
    while (in->p < in->end && (*in->p == ' ' || *in->p == '\t' || *in->p == '\n' || *in->p == '\r'))
        in->p++;
}

static bool json_lit(json_in *in, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(in->end - in->p) < n || memcmp(in->p, lit, n) != 0)
        return false;
    in->p += n;
    return true;
}

static size_t utf8_len(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80) return 1;
    size_t len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
               : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    if (!len || n < len) return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (s[0] == 0xE0 && s[1] < 0xA0) return 0;
    if (s[0] == 0xED && s[1] > 0x9F) return 0;
    if (s[0] == 0xF0 && s[1] < 0x90) return 0;
    if (s[0] == 0xF4 && s[1] > 0x8F) return 0;
    return len;
}

static bool json_string(json_in *in)
{
    if (in->p >= in->end || *in->p != '"')
        return false;
    in->p++;
    while (in->p < in->end) {
        unsigned char c = (unsigned char)*in->p;
        if (c == '"') {
            in->p++;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            if (in->end - in->p < 2)
                return false;
            char e = in->p[1];
            if (e == 'u') {
                if (in->end - in->p < 6)
                    return false;
                for (int i = 2; i < 6; i++)
                    if (!strchr("0123456789abcdefABCDEF", in->p[i]))
                        return false;
                in->p += 6;
            } else if (strchr("\"\\/bfnrt", e)) {
                in->p += 2;
            } else {
                return false;
            }
            continue;
        }
        size_t n = utf8_len((const unsigned char *)in->p, (size_t)(in->end - in->p));
        if (!n)
            return false;
        in->p += n;
    }
    return false;
}

static bool json_number(json_in *in)
{
    char *end;
    char tmp[64];
    size_t n = (size_t)(in->end - in->p) < sizeof tmp - 1 ? (size_t)(in->end - in->p) : sizeof tmp - 1;
    memcpy(tmp, in->p, n);
    tmp[n] = '\0';
    if (!(tmp[0] == '-' || (tmp[0] >= '0' && tmp[0] <= '9')))
        return false;
    strtod(tmp, &end);
    if (end == tmp)
        return false;
    in->p += end - tmp;
    return true;
}

static bool json_container(json_in *in, char close, bool object, int depth)
{
    in->p++;
    json_ws(in);
    if (in->p < in->end && *in->p == close) {
        in->p++;
        return true;
    }
    for (;;) {
        json_ws(in);
        if (object) {
            if (!json_string(in))
                return false;
            json_ws(in);
            if (in->p >= in->end || *in->p++ != ':')
                return false;
        }
        if (!json_value(in, depth + 1))
            return false;
        json_ws(in);
        if (in->p >= in->end)
            return false;
        char c = *in->p++;
        if (c == close)
            return true;
        if (c != ',')
            return false;
    }
}

static bool json_value(json_in *in, int depth)
{
    if (depth > 32)
        return false;
    json_ws(in);
    if (in->p >= in->end)
        return false;
    switch (*in->p) {
    case '{': return json_container(in, '}', true, depth);
    case '[': return json_container(in, ']', false, depth);
    case '"': return json_string(in);
    case 't': return json_lit(in, "true");
    case 'f': return json_lit(in, "false");
    case 'n': return json_lit(in, "null");
    default:  return json_number(in);
    }
}

/* Asserts that line (without its '\n') is exactly one JSON object. */
static void assert_json_object(const char *line, size_t n)
{
    json_in in = {line, line + n};
    json_ws(&in);
    assert_true(in.p < in.end && *in.p == '{');
    if (!json_value(&in, 0))
        fail_msg("invalid JSON near offset %td: %.*s", in.p - line, (int)n, line);
    json_ws(&in);
    assert_true(in.p == in.end);
}

/* ---- fixtures --------------------------------------------------------- */

static tac_event visit_event(void)
{
    tac_event ev = {0};
    ev.doc_id = "AFP_20251009_1";
    ev.sentence = 3;
    ev.date = "2025-10-09";
    ev.source = "CHNGOV";
    ev.source_root = "CHN";
    ev.source_agent = "GOV";
    ev.target = "PRK";
    ev.target_root = "PRK";
    ev.target_agent = "";
    ev.cameo = "042";
    ev.issues = "DIPLOMACY;NUCLEAR";
    ev.text = "Chinese Premier Li Qiang arrived in Pyongyang on Thursday.";
    ev.verb_pattern = "ARRIVE IN";
    ev.verb_where = "verbs.txt:120";
    ev.source_entry = "CHINESE_PREMIER [CHNGOV] (actors.txt:5)";
    ev.target_entry = "PYONGYANG [PRK] (actors.txt:9)";
    return ev;
}

/* Writes ev and returns the malloc'd line; asserts exactly one '\n', at the end. */
static char *write_one(tac_output_format fmt, const tac_event *ev)
{
    tac_buf b;
    tac_buf_init(&b);
    assert_int_equal(tac_write_event(fmt, ev, &b), TAC_OK);
    assert_non_null(b.data);
    assert_true(b.len > 0);
    assert_int_equal(b.data[b.len - 1], '\n');
    assert_ptr_equal(memchr(b.data, '\n', b.len), b.data + b.len - 1);
    assert_int_equal(strlen(b.data), b.len);
    return b.data;
}

/* The raw text of member `key` of a one-line JSON object written by us
 * (keys are unique and never occur inside values in these fixtures). */
static void assert_member(const char *json, const char *key, const char *raw)
{
    char pat[128];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *p = strstr(json, pat);
    if (!p)
        fail_msg("member %s missing in %s", key, json);
    p += strlen(pat);
    if (strncmp(p, raw, strlen(raw)) != 0 || !strchr(",}", p[strlen(raw)]))
        fail_msg("member %s: expected %s, got %.60s", key, raw, p);
}

/* Splits a TSV line (no '\n') in place into fields; returns their number. */
static int split_tsv(char *line, char **field, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        assert_true(n < max);
        field[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            return n;
        *tab = '\0';
        p = tab + 1;
    }
}

/* ---- codebook --------------------------------------------------------- */

static void codebook_knows_common_codes(void **state)
{
    (void)state;
    const tac_cameo_info *v = tac_cameo_lookup("042");
    assert_non_null(v);
    assert_string_equal(v->code, "042");
    assert_string_equal(v->name, "Make a visit");
    assert_string_equal(v->root_code, "04");
    assert_true(fabs(v->goldstein - 1.9) < 1e-9);
    assert_int_equal(v->quad_class, 1);
    assert_string_equal(v->plover, "CONSULT");
    assert_string_equal(v->plover_mode, "visit");

    const tac_cameo_info *root = tac_cameo_lookup("04");
    assert_non_null(root);
    assert_string_equal(root->name, "Consult");
    assert_string_equal(root->root_code, "04");

    const tac_cameo_info *fight = tac_cameo_lookup("190");
    assert_non_null(fight);
    assert_int_equal(fight->quad_class, 4);
    assert_true(fabs(fight->goldstein + 10.0) < 1e-9);
    assert_string_equal(fight->plover, "ASSAULT");
    assert_string_equal(fight->plover_context, "military");

    const tac_cameo_info *ret = tac_cameo_lookup("0874");
    assert_non_null(ret);
    assert_int_equal(ret->quad_class, 2);
    assert_true(fabs(ret->goldstein - 10.0) < 1e-9);

    const tac_cameo_info *probe = tac_cameo_lookup("091");
    assert_non_null(probe);
    assert_string_equal(probe->plover_context, "crime;corruption");

    /* codes outside CAMEO's Goldstein list but used by CAMEO 2.0 verbs */
    assert_non_null(tac_cameo_lookup("1213"));
    /* the 01 family has CAMEO names but no PLOVER mapping */
    const tac_cameo_info *comment = tac_cameo_lookup("012");
    assert_non_null(comment);
    assert_string_equal(comment->plover, "");
    assert_int_equal(comment->quad_class, 1);

    assert_null(tac_cameo_lookup("999"));
    assert_null(tac_cameo_lookup("0421"));
    assert_null(tac_cameo_lookup("042 "));
    assert_null(tac_cameo_lookup("4"));
    assert_null(tac_cameo_lookup(""));
    assert_null(tac_cameo_lookup(NULL));
    assert_null(tac_cameo_lookup("---"));
}

static int quad_of_root(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

static void codebook_is_sorted_and_consistent(void **state)
{
    (void)state;
    size_t n = tac_cameo_count();
    assert_true(n >= 311);
    assert_null(tac_cameo_at(n));
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        const tac_cameo_info *c = tac_cameo_at(i);
        assert_non_null(c);
        assert_ptr_equal(tac_cameo_lookup(c->code), c);
        if (i > 0)
            assert_true(strcmp(tac_cameo_at(i - 1)->code, c->code) < 0);
        size_t len = strlen(c->code);
        assert_true(len >= 2 && len <= 4);
        roots += len == 2;
        assert_int_equal(strlen(c->root_code), 2);
        assert_memory_equal(c->root_code, c->code, 2);
        assert_non_null(tac_cameo_lookup(c->root_code));
        assert_int_equal(c->quad_class, quad_of_root(c->code));
        assert_true(c->goldstein >= -10.0 && c->goldstein <= 10.0);
        assert_true(c->name[0] != '\0');
        if (c->plover[0] && !tac_plover_lookup(c->plover))
            fail_msg("%s maps to unknown PLOVER category %s", c->code, c->plover);
    }
    assert_int_equal(roots, 20);
}

/* The compiled table is exactly the committed data file: the generator
 * neither drops nor alters rows. */
static void codebook_matches_data_file(void **state)
{
    (void)state;
    char *text = NULL;
    tac_error err;
    assert_int_equal(tac_read_file(tactest_source("data/cameo-codebook.tsv"), &text, NULL, &err), TAC_OK);
    size_t rows = 0;
    bool header = false;
    char *next;
    for (char *line = text; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[8];
        int nf = split_tsv(line, f, 8);
        assert_int_equal(nf, 7);
        if (!header) {
            assert_string_equal(f[0], "code");
            header = true;
            continue;
        }
        const tac_cameo_info *c = tac_cameo_lookup(f[0]);
        if (!c)
            fail_msg("code %s of the data file is not compiled in", f[0]);
        assert_string_equal(c->name, f[1]);
        assert_true(fabs(c->goldstein - strtod(f[2], NULL)) < 1e-9);
        assert_int_equal(c->quad_class, atoi(f[3]));
        assert_string_equal(c->plover, f[4]);
        assert_string_equal(c->plover_mode, f[5]);
        assert_string_equal(c->plover_context, f[6]);
        rows++;
    }
    free(text);
    assert_int_equal(rows, tac_cameo_count());
}

/* Every code of the published Goldstein scale is in the codebook with the
 * same weight. */
static void codebook_has_every_goldstein_code(void **state)
{
    (void)state;
    const char *path = tactest_shared("reference/cameo-goldstein.tsv");
    char *text = NULL;
    tac_error err;
    assert_int_equal(tac_read_file(path, &text, NULL, &err), TAC_OK);
    size_t checked = 0;
    char *next;
    for (char *line = text; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (line[0] < '0' || line[0] > '9')
            continue;   /* comment, header */
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        const tac_cameo_info *c = tac_cameo_lookup(line);
        if (!c)
            fail_msg("Goldstein code %s missing from the codebook", line);
        double w = strtod(tab + 1, NULL);
        if (fabs(c->goldstein - w) > 1e-9)
            fail_msg("%s: goldstein %.1f, reference %.1f", line, c->goldstein, w);
        checked++;
    }
    free(text);
    assert_true(checked >= 300);
}

/* Every code of the CAMEO-to-PLOVER table is in the codebook with the
 * category given on its line. */
static void codebook_follows_plover_mapping(void **state)
{
    (void)state;
    const char *path = tactest_shared("reference/cameo-to-plover.txt");
    char *text = NULL;
    tac_error err;
    assert_int_equal(tac_read_file(path, &text, NULL, &err), TAC_OK);
    size_t checked = 0;
    char *next;
    for (char *line = text; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char code[8];
        char cat[32];
        int len = 0;
        if (sscanf(line, "%7[0-9]:%n", code, &len) != 1 || strlen(code) < 3)
            continue;   /* comments, root headings */
        assert_int_equal(sscanf(line + len, " %31[A-Z]", cat), 1);
        const tac_cameo_info *c = tac_cameo_lookup(code);
        if (!c)
            fail_msg("PLOVER-mapped code %s missing from the codebook", code);
        if (strcmp(c->plover, cat) != 0)
            fail_msg("%s: PLOVER %s, mapping says %s", code, c->plover, cat);
        checked++;
    }
    free(text);
    assert_true(checked >= 250);
}

static void plover_categories_and_quad_names(void **state)
{
    (void)state;
    size_t n = 0;
    const tac_plover_category *cats = tac_plover_categories(&n);
    assert_int_equal(n, 16);
    for (size_t i = 0; i < n; i++) {
        assert_ptr_equal(tac_plover_lookup(cats[i].name), &cats[i]);
        assert_true(cats[i].quad_class >= 1 && cats[i].quad_class <= 4);
        assert_true(strlen(cats[i].description) > 10);
    }
    assert_int_equal(tac_plover_lookup("CONSULT")->quad_class, 1);
    assert_int_equal(tac_plover_lookup("ASSAULT")->quad_class, 4);
    assert_null(tac_plover_lookup("consult"));
    assert_null(tac_plover_lookup(NULL));
    assert_string_equal(tac_quad_class_name(1), "verbal cooperation");
    assert_string_equal(tac_quad_class_name(4), "material conflict");
    assert_null(tac_quad_class_name(0));
    assert_null(tac_quad_class_name(5));
}

/* ---- formats ---------------------------------------------------------- */

static void format_names_round_trip(void **state)
{
    (void)state;
    tac_output_format f;
    const tac_output_format all[] = {TAC_OUTPUT_JSONL, TAC_OUTPUT_TSV, TAC_OUTPUT_TEXT};
    for (size_t i = 0; i < 3; i++) {
        assert_true(tac_output_format_parse(tac_output_format_name(all[i]), &f));
        assert_int_equal(f, all[i]);
    }
    assert_true(tac_output_format_parse("JSON", &f));
    assert_int_equal(f, TAC_OUTPUT_JSONL);
    assert_false(tac_output_format_parse("csv", &f));
    assert_false(tac_output_format_parse("", &f));
    assert_false(tac_output_format_parse(NULL, &f));

    tac_buf b;
    tac_buf_init(&b);
    tac_event ev = visit_event();
    assert_int_equal(tac_write_event((tac_output_format)42, &ev, &b), TAC_EINVAL);
    assert_int_equal(tac_write_event(TAC_OUTPUT_JSONL, NULL, &b), TAC_EINVAL);
    assert_int_equal(tac_write_event(TAC_OUTPUT_JSONL, &ev, NULL), TAC_EINVAL);
    assert_int_equal(tac_write_header(TAC_OUTPUT_JSONL, &b), TAC_OK);
    assert_int_equal(tac_write_header(TAC_OUTPUT_TEXT, &b), TAC_OK);
    assert_int_equal(b.len, 0);
    tac_buf_free(&b);
}

/* ---- jsonl ------------------------------------------------------------ */

static void jsonl_has_every_field(void **state)
{
    (void)state;
    tac_event ev = visit_event();
    char *line = write_one(TAC_OUTPUT_JSONL, &ev);
    assert_json_object(line, strlen(line) - 1);
    char id[17];
    tac_event_id(&ev, id);
    char quoted_id[20];
    snprintf(quoted_id, sizeof quoted_id, "\"%s\"", id);
    assert_member(line, "id", quoted_id);
    assert_member(line, "doc_id", "\"AFP_20251009_1\"");
    assert_member(line, "sentence", "3");
    assert_member(line, "date", "\"2025-10-09\"");
    assert_member(line, "source", "\"CHNGOV\"");
    assert_member(line, "source_root", "\"CHN\"");
    assert_member(line, "source_agent", "\"GOV\"");
    assert_member(line, "target", "\"PRK\"");
    assert_member(line, "target_root", "\"PRK\"");
    assert_member(line, "target_agent", "\"\"");
    assert_member(line, "cameo", "\"042\"");
    assert_member(line, "cameo_name", "\"Make a visit\"");
    assert_member(line, "root_code", "\"04\"");
    assert_member(line, "quad_class", "1");
    assert_member(line, "goldstein", "1.9");
    assert_member(line, "plover", "\"CONSULT\"");
    assert_member(line, "plover_mode", "\"visit\"");
    assert_member(line, "issues", "[\"DIPLOMACY\",\"NUCLEAR\"]");
    assert_member(line, "text", "\"Chinese Premier Li Qiang arrived in Pyongyang on Thursday.\"");
    assert_member(line, "verb_pattern", "\"ARRIVE IN\"");
    assert_member(line, "verb_where", "\"verbs.txt:120\"");
    assert_member(line, "source_entry", "\"CHINESE_PREMIER [CHNGOV] (actors.txt:5)\"");
    assert_member(line, "target_entry", "\"PYONGYANG [PRK] (actors.txt:9)\"");
    assert_non_null(strstr(line, "\"provenance\":{\"verb_pattern\":"));
    assert_null(strstr(line, "plover_context"));   /* 042 has none */
    free(line);

    ev.cameo = "1121";   /* has a context list */
    ev.issues = NULL;
    line = write_one(TAC_OUTPUT_JSONL, &ev);
    assert_json_object(line, strlen(line) - 1);
    assert_member(line, "plover_context", "[\"crime\",\"corruption\"]");
    assert_member(line, "issues", "[]");
    assert_member(line, "quad_class", "3");
    assert_member(line, "goldstein", "-2.0");
    free(line);
}

static void jsonl_escapes_hostile_text(void **state)
{
    (void)state;
    tac_event ev = visit_event();
    /* quotes, backslash, newline, CR, tab, other controls, DEL, UTF-8
     * (2, 3 and 4 bytes), and invalid UTF-8: a lone continuation byte, an
     * overlong '/', a surrogate, a truncated sequence at the end */
    ev.text = "He said \"no\" \\ then\nleft\r\tat\x01\x1f\x7f Z\xc3\xbcrich \xe5\x8c\x97\xe4\xba\xac "
              "\xf0\x9f\x98\x80 bad:\x80|\xc0\xaf|\xed\xa0\x80|\xe2\x82";
    ev.source_entry = "A \"quoted\" [X] (f.txt:1)";
    ev.issues = "A\"B;;C\nD";
    char *line = write_one(TAC_OUTPUT_JSONL, &ev);
    assert_json_object(line, strlen(line) - 1);
    assert_non_null(strstr(line, "\"text\":\"He said \\\"no\\\" \\\\ then\\nleft\\r\\tat\\u0001\\u001f\x7f "
                                 "Z\xc3\xbcrich \xe5\x8c\x97\xe4\xba\xac \xf0\x9f\x98\x80 bad:"
                                 "\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|"
                                 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\""));
    assert_member(line, "issues", "[\"A\\\"B\",\"C\\nD\"]");
    free(line);
}

static void jsonl_unknown_code_and_missing_fields(void **state)
{
    (void)state;
    tac_event ev = visit_event();
    ev.cameo = "999";
    char *line = write_one(TAC_OUTPUT_JSONL, &ev);
    assert_json_object(line, strlen(line) - 1);
    assert_member(line, "cameo", "\"999\"");
    assert_member(line, "cameo_name", "null");
    assert_member(line, "root_code", "null");
    assert_member(line, "quad_class", "null");
    assert_member(line, "goldstein", "null");
    assert_member(line, "plover", "null");
    assert_null(strstr(line, "plover_mode"));
    free(line);

    /* an event with nothing but NULLs is still one valid line */
    tac_event empty = {0};
    line = write_one(TAC_OUTPUT_JSONL, &empty);
    assert_json_object(line, strlen(line) - 1);
    assert_member(line, "doc_id", "null");
    assert_member(line, "cameo", "null");
    assert_member(line, "text", "null");
    assert_member(line, "issues", "[]");
    free(line);

    /* 01 family: known code without PLOVER */
    ev.cameo = "012";
    line = write_one(TAC_OUTPUT_JSONL, &ev);
    assert_json_object(line, strlen(line) - 1);
    assert_member(line, "cameo_name", "\"Make pessimistic comment\"");
    assert_member(line, "goldstein", "-0.4");
    assert_member(line, "plover", "null");
    free(line);
}

/* ---- tsv -------------------------------------------------------------- */

/* Index of the header column `name`, asserting it exists. */
static int column(char **header, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(header[i], name) == 0)
            return i;
    fail_msg("no column %s", name);
    return -1;
}

static void tsv_columns_follow_header(void **state)
{
    (void)state;
    tac_buf hb;
    tac_buf_init(&hb);
    assert_int_equal(tac_write_header(TAC_OUTPUT_TSV, &hb), TAC_OK);
    assert_int_equal(hb.data[hb.len - 1], '\n');
    hb.data[--hb.len] = '\0';
    char *h[64];
    int nh = split_tsv(hb.data, h, 64);
    /* Phoenix order first */
    const char *phoenix[] = {"EventID", "Date", "Year", "Month", "Day", "SourceActorFull",
                             "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
                             "TargetActorFull", "TargetActorEntity", "TargetActorRole",
                             "TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass",
                             "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName",
                             "CountryCode", "SentenceID", "URLs", "NewsSources"};
    assert_true(nh > 26);
    for (int i = 0; i < 26; i++)
        assert_string_equal(h[i], phoenix[i]);

    tac_event ev = visit_event();
    ev.text = "a\tb\nc\\d\re";
    char *line = write_one(TAC_OUTPUT_TSV, &ev);
    line[strlen(line) - 1] = '\0';
    char *f[64];
    assert_int_equal(split_tsv(line, f, 64), nh);
    assert_string_equal(f[column(h, nh, "Date")], "20251009");
    assert_string_equal(f[column(h, nh, "Year")], "2025");
    assert_string_equal(f[column(h, nh, "Month")], "10");
    assert_string_equal(f[column(h, nh, "Day")], "09");
    assert_string_equal(f[column(h, nh, "SourceActorFull")], "CHNGOV");
    assert_string_equal(f[column(h, nh, "SourceActorEntity")], "CHN");
    assert_string_equal(f[column(h, nh, "SourceActorRole")], "GOV");
    assert_string_equal(f[column(h, nh, "TargetActorFull")], "PRK");
    assert_string_equal(f[column(h, nh, "EventCode")], "042");
    assert_string_equal(f[column(h, nh, "EventRootCode")], "04");
    assert_string_equal(f[column(h, nh, "QuadClass")], "1");
    assert_string_equal(f[column(h, nh, "GoldsteinScore")], "1.9");
    assert_string_equal(f[column(h, nh, "Issues")], "DIPLOMACY;NUCLEAR");
    assert_string_equal(f[column(h, nh, "SentenceID")], "AFP_20251009_1_3");
    assert_string_equal(f[column(h, nh, "EventName")], "Make a visit");
    assert_string_equal(f[column(h, nh, "PloverCategory")], "CONSULT");
    assert_string_equal(f[column(h, nh, "PloverMode")], "visit");
    assert_string_equal(f[column(h, nh, "VerbWhere")], "verbs.txt:120");
    assert_string_equal(f[column(h, nh, "Text")], "a\\tb\\nc\\\\d\\re");
    assert_string_equal(f[column(h, nh, "Lat")], "");
    char id[17];
    tac_event_id(&ev, id);
    assert_string_equal(f[column(h, nh, "EventID")], id);
    free(line);

    /* unknown code, no date, NULL strings: same column count, empty cells */
    tac_event odd = {0};
    odd.cameo = "999";
    odd.source_entry = "x\ty";
    line = write_one(TAC_OUTPUT_TSV, &odd);
    line[strlen(line) - 1] = '\0';
    assert_int_equal(split_tsv(line, f, 64), nh);
    assert_string_equal(f[column(h, nh, "EventCode")], "999");
    assert_string_equal(f[column(h, nh, "Date")], "");
    assert_string_equal(f[column(h, nh, "QuadClass")], "");
    assert_string_equal(f[column(h, nh, "GoldsteinScore")], "");
    assert_string_equal(f[column(h, nh, "EventName")], "");
    assert_string_equal(f[column(h, nh, "SourceEntry")], "x\\ty");
    free(line);
    tac_buf_free(&hb);
}

/* ---- text ------------------------------------------------------------- */

static void text_is_one_readable_line(void **state)
{
    (void)state;
    tac_event ev = visit_event();
    char *line = write_one(TAC_OUTPUT_TEXT, &ev);
    assert_string_equal(line, "2025-10-09  CHNGOV  042 \"make a visit\"  PRK   goldstein 1.9  "
                              "quad 1 (verbal cooperation)\n");
    free(line);

    ev.cameo = "190";
    ev.source = "RUS\nMIL";   /* a newline must not break the line */
    line = write_one(TAC_OUTPUT_TEXT, &ev);
    assert_string_equal(line, "2025-10-09  RUS MIL  190 \"use conventional military force\"  PRK   "
                              "goldstein -10.0  quad 4 (material conflict)\n");
    free(line);

    tac_event odd = {0};
    odd.cameo = "7777";
    line = write_one(TAC_OUTPUT_TEXT, &odd);
    assert_string_equal(line, "-  -  7777 (not in codebook)  -   goldstein -  quad -\n");
    free(line);
}

/* ---- buffers and ids -------------------------------------------------- */

static void writers_append_and_ids_are_stable(void **state)
{
    (void)state;
    tac_buf b;
    tac_buf_init(&b);
    assert_true(tac_buf_puts(&b, "keep\n"));
    tac_event ev = visit_event();
    const tac_output_format all[] = {TAC_OUTPUT_JSONL, TAC_OUTPUT_TSV, TAC_OUTPUT_TEXT};
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; i < 3; i++)
            assert_int_equal(tac_write_event(all[i], &ev, &b), TAC_OK);
    assert_memory_equal(b.data, "keep\n", 5);
    size_t lines = 0;
    for (size_t i = 0; i < b.len; i++)
        lines += b.data[i] == '\n';
    assert_int_equal(lines, 1 + 150);
    tac_buf_free(&b);

    char a[17], same[17], other[17];
    tac_event_id(&ev, a);
    tac_event copy = ev;
    copy.text = "different text, same event";
    tac_event_id(&copy, same);
    assert_string_equal(a, same);
    assert_int_equal(strlen(a), 16);
    copy.sentence = 4;
    tac_event_id(&copy, other);
    assert_string_not_equal(a, other);
    copy = ev;
    copy.source = "CHNGO";
    copy.cameo = "V042";   /* moving a byte between fields changes the id */
    tac_event_id(&copy, other);
    assert_string_not_equal(a, other);
}

/* ---- the --dedupe day count ------------------------------------------- */

/* count 0 (not counted) writes nothing; count > 0 is a jsonl member, the
 * TSV column Count (Text stays last) and a "  xN" suffix in text. */
static void count_written_only_when_counted(void **state)
{
    (void)state;
    tac_event ev = visit_event();
    char *line = write_one(TAC_OUTPUT_JSONL, &ev);
    assert_null(strstr(line, "\"count\""));
    free(line);
    ev.count = 3;
    line = write_one(TAC_OUTPUT_JSONL, &ev);
    assert_json_object(line, strlen(line) - 1);
    assert_member(line, "count", "3");
    /* after the document-stage members, before the text */
    assert_true(strstr(line, "\"count\"") < strstr(line, "\"text\""));
    free(line);

    tac_buf hb;
    tac_buf_init(&hb);
    assert_int_equal(tac_write_header(TAC_OUTPUT_TSV, &hb), TAC_OK);
    hb.data[--hb.len] = '\0';
    char *h[64], *f[64];
    int nh = split_tsv(hb.data, h, 64);
    assert_string_equal(h[nh - 1], "Text");
    assert_string_equal(h[nh - 2], "Count");
    line = write_one(TAC_OUTPUT_TSV, &ev);
    line[strlen(line) - 1] = '\0';
    assert_int_equal(split_tsv(line, f, 64), nh);
    assert_string_equal(f[nh - 2], "3");
    assert_string_equal(f[nh - 1], ev.text);
    free(line);
    ev.count = 0;
    line = write_one(TAC_OUTPUT_TSV, &ev);
    line[strlen(line) - 1] = '\0';
    assert_int_equal(split_tsv(line, f, 64), nh);
    assert_string_equal(f[nh - 2], "");
    free(line);
    tac_buf_free(&hb);

    ev.count = 12;
    line = write_one(TAC_OUTPUT_TEXT, &ev);
    assert_string_equal(line, "2025-10-09  CHNGOV  042 \"make a visit\"  PRK   goldstein 1.9  "
                              "quad 1 (verbal cooperation)  x12\n");
    free(line);
    ev.count = 0;
    line = write_one(TAC_OUTPUT_TEXT, &ev);
    assert_null(strstr(line, "  x"));
    free(line);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codebook_knows_common_codes),
        cmocka_unit_test(codebook_is_sorted_and_consistent),
        cmocka_unit_test(codebook_matches_data_file),
        cmocka_unit_test(codebook_has_every_goldstein_code),
        cmocka_unit_test(codebook_follows_plover_mapping),
        cmocka_unit_test(plover_categories_and_quad_names),
        cmocka_unit_test(format_names_round_trip),
        cmocka_unit_test(jsonl_has_every_field),
        cmocka_unit_test(jsonl_escapes_hostile_text),
        cmocka_unit_test(jsonl_unknown_code_and_missing_fields),
        cmocka_unit_test(tsv_columns_follow_header),
        cmocka_unit_test(text_is_one_readable_line),
        cmocka_unit_test(writers_append_and_ids_are_stable),
        cmocka_unit_test(count_written_only_when_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
