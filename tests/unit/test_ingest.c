/* Ingest: every input format, auto-detection, datelines, and the bad-input
 * contract (clear message naming file:line or record id, record skipped,
 * the next record still returned). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tactest.h"
#include "ingest/ingest.h"

/* ---- helpers ------------------------------------------------------------- */

static tac_reader *open_path(const char *path, tac_format fmt, const char *date, tac_diag diag)
{
    tac_reader_options opt = {0};
    opt.format = fmt;
    opt.default_date = date;
    opt.diag = diag;
    tac_error err;
    tac_reader *r = tac_reader_open(path, &opt, &err);
    if (!r)
        fail_msg("open %s: %s", path, err.msg);
    return r;
}

static tac_reader *open_data(const char *data, tac_format fmt, tactest_diag *d)
{
    tac_diag diag = d ? tactest_diag_sink(d) : (tac_diag){0};
    return open_path(tactest_tempfile(data, strlen(data)), fmt, "2024-01-02", diag);
}

static void expect_ok(tac_reader *r, tac_record *rec)
{
    tac_error err;
    tac_status st = tac_reader_next(r, rec, &err);
    if (st != TAC_OK)
        fail_msg("expected a record, got %s: %s", tac_status_name(st),
                 st == TAC_END ? "" : err.msg);
}

/* The next call must skip a record with a message containing each of the
 * given fragments. */
static void expect_skip(tac_reader *r, const char *frag1, const char *frag2)
{
    tac_record rec;
    tac_error err;
    tac_status st = tac_reader_next(r, &rec, &err);
    if (st != TAC_SKIPPED)
        fail_msg("expected TAC_SKIPPED (%s), got %s", frag1, tac_status_name(st));
    if (frag1 && !strstr(err.msg, frag1))
        fail_msg("message \"%s\" lacks \"%s\"", err.msg, frag1);
    if (frag2 && !strstr(err.msg, frag2))
        fail_msg("message \"%s\" lacks \"%s\"", err.msg, frag2);
}

static void expect_end(tac_reader *r)
{
    tac_record rec;
    tac_error err;
    assert_int_equal(tac_reader_next(r, &rec, &err), TAC_END);
    assert_int_equal(tac_reader_next(r, &rec, &err), TAC_END);   /* and stays there */
}

/* "file:line" of the temp file the reader is on. */
static const char *at_line(tac_reader *r, long line)
{
    static char buf[4][300];
    static int k;
    char *b = buf[k++ % 4];
    snprintf(b, 300, "%s:%ld:", r->path, line);
    return b;
}

/* ---- datelines ----------------------------------------------------------- */

static void dateline_forms_are_recognised(void **state)
{
    (void)state;
    static const struct { const char *text, *place, *body; } yes[] = {
        {"BEIJING – Chinese Premier Li Qiang will visit.", "BEIJING", "Chinese Premier"},
        {"WASHINGTON (AP) — The Senate voted.", "WASHINGTON", "The Senate"},
        {"SEOUL, South Korea — North Korea fired.", "SEOUL, South Korea", "North Korea"},
        {"UNITED NATIONS (Reuters) - The council met.", "UNITED NATIONS", "The council"},
        {"KYIV, Ukraine, March 3 (AP) -- Russia struck.", "KYIV, Ukraine", "Russia struck"},
        {"LONDON, 7 October (Reuters) - Britain said.", "LONDON", "Britain said"},
        {"RIO DE JANEIRO - Brazil hosted.", "RIO DE JANEIRO", "Brazil hosted"},
        {"ST. LOUIS, Mo. (AP) — Police said.", "ST. LOUIS, Mo.", "Police said"},
        {"PORT-AU-PRINCE, Haiti — Gangs blocked.", "PORT-AU-PRINCE, Haiti", "Gangs blocked"},
        {"N'DJAMENA, Chad (AFP) - Troops moved.", "N'DJAMENA, Chad", "Troops moved"},
        {"SÃO PAULO – Protesters gathered.", "SÃO PAULO", "Protesters gathered"},
        {"WASHINGTON—The White House said.", "WASHINGTON", "The White House"},
        {"MOSCOW, Oct. 7 (Reuters) - Russia said.", "MOSCOW", "Russia said"},
        {"CEBU CITY: -- Cordova Mayor filed a suit.", "CEBU CITY", "Cordova Mayor"},
        {"WASHINGTON, D.C. -- Officials met.", "WASHINGTON, D.C.", "Officials met"},
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        size_t place_len = 0, body = 0;
        const char *t = yes[i].text;
        if (!tac_find_dateline(t, strlen(t), &place_len, &body))
            fail_msg("no dateline found in \"%s\"", t);
        if (place_len != strlen(yes[i].place) || memcmp(t, yes[i].place, place_len) != 0)
            fail_msg("\"%s\": place \"%.*s\", want \"%s\"", t, (int)place_len, t, yes[i].place);
        if (strncmp(t + body, yes[i].body, strlen(yes[i].body)) != 0)
            fail_msg("\"%s\": body starts \"%s\", want \"%s\"", t, t + body, yes[i].body);
    }
    static const char *const no[] = {
        "US-LED forces withdrew from the base.",
        "NATO-led troops arrived on Monday.",
        "FBI agents arrested two men - police said.",
        "UN officials said the talks – which began Monday – would continue.",
        "Beijing – Chinese officials said.",          /* not all caps */
        "BEIJING-based firms reported losses.",
        "The BBC reported - citing officials - that...",
        "A – the first letter.",
        "BEIJING said on Tuesday it would respond.",
        "BEIJING –",                                  /* nothing after the dash */
        "",
        "IRAN'S foreign minister - who arrived - said.",
    };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        size_t place_len, body;
        if (tac_find_dateline(no[i], strlen(no[i]), &place_len, &body))
            fail_msg("false dateline \"%.*s\" in \"%s\"", (int)place_len, no[i], no[i]);
    }
}

/* ---- plain text ---------------------------------------------------------- */

static void text_file_is_one_article_with_dateline(void **state)
{
    (void)state;
    tactest_diag d;
    tac_reader *r = open_path(tactest_source("examples/protest.txt"), TAC_FORMAT_AUTO,
                              "2024-03-12", tactest_diag_sink(&d));
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_TEXT);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "protest");
    assert_string_equal(rec.doc_id, "protest");
    assert_int_equal(rec.sentence_index, -1);
    assert_string_equal(rec.date, "2024-03-12");
    assert_null(rec.title);
    assert_false(rec.is_sentence);
    assert_string_equal(rec.dateline, "WARSAW, Poland");
    assert_true(strncmp(rec.text + rec.body_offset, "Poland lodged", 13) == 0);
    assert_non_null(strstr(rec.text, "Białowieża"));
    assert_int_equal(rec.line, 1);
    assert_int_equal(d.count, 0);
    expect_end(r);
    tac_reader_close(r);
}

static void text_without_extension_is_sniffed_and_trimmed(void **state)
{
    (void)state;
    tac_reader *r = open_data("\n\n  SEOUL, South Korea — North Korea fired a missile.\n\n",
                              TAC_FORMAT_AUTO, NULL);
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_TEXT);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.text, "SEOUL, South Korea — North Korea fired a missile.");
    assert_string_equal(rec.dateline, "SEOUL, South Korea");
    assert_string_equal(rec.text + rec.body_offset, "North Korea fired a missile.");
    assert_string_equal(rec.date, "2024-01-02");
    assert_non_null(strstr(rec.id, "tactest-"));
    expect_end(r);
    tac_reader_close(r);
}

static void text_over_the_limit_is_skipped(void **state)
{
    (void)state;
    tac_reader_options opt = {.format = TAC_FORMAT_TEXT, .max_record_bytes = 100};
    char big[400];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    tac_error err;
    tac_reader *r = tac_reader_open(tactest_tempfile(big, strlen(big)), &opt, &err);
    assert_non_null(r);
    expect_skip(r, "record exceeds 100 bytes (limit)", at_line(r, 1));
    expect_end(r);
    tac_reader_close(r);
}

/* ---- JSON Lines ---------------------------------------------------------- */

static void jsonl_fields_escapes_and_unknown_keys(void **state)
{
    (void)state;
    const char *data =
        "{\"id\": \"a1\", \"date\": \"20251007\", \"title\": \"T\\u00edtulo\", \"source\": "
        "\"wire\", \"url\": \"http://x/y\", \"text\": \"BEIJING \\u2013 Caf\\u00e9 \\ud83d\\ude00 "
        "\\\"q\\\"\\n\\tend\\/\"}\n"
        "\n"
        "{\"meta\": {\"a\": [1, 2.5e3, {\"b\": null}], \"c\": [true, false, \"}\"]}, "
        "\"id\": 42, \"text\": \"plain\", \"date\": \"2025-02-28\", \"extra\": -0.5}\r\n"
        "  {\"text\": \"no id\", \"date\": null, \"title\": null}  \n";
    tac_reader *r = open_data(data, TAC_FORMAT_AUTO, NULL);
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_JSONL);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "a1");
    assert_string_equal(rec.date, "2025-10-07");
    assert_string_equal(rec.title, "Título");
    assert_string_equal(rec.source, "wire");
    assert_string_equal(rec.url, "http://x/y");
    assert_string_equal(rec.text, "BEIJING – Café 😀 \"q\"\n\tend/");
    assert_int_equal(rec.text_len, strlen(rec.text));
    assert_string_equal(rec.dateline, "BEIJING");
    assert_string_equal(rec.text + rec.body_offset, "Café 😀 \"q\"\n\tend/");
    assert_int_equal(rec.line, 1);
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "42");
    assert_string_equal(rec.text, "plain");
    assert_string_equal(rec.date, "2025-02-28");
    assert_null(rec.dateline);
    assert_int_equal(rec.line, 3);
    expect_ok(r, &rec);
    assert_non_null(strstr(rec.id, ":4"));    /* synthesised BASENAME:LINE */
    assert_string_equal(rec.date, "2024-01-02");   /* default date */
    assert_null(rec.title);
    expect_end(r);
    tac_reader_close(r);
}

static void jsonl_bad_lines_are_skipped_with_line_and_column(void **state)
{
    (void)state;
    const char *data =
        "{\"id\": \"good1\", \"text\": \"one\"}\n"
        "{\"id\": \"x\" \"text\": \"two\"}\n"                    /* missing comma */
        "{\"id\": \"nt\", \"date\": \"2025-01-01\"}\n"           /* missing text */
        "{\"id\": \"et\", \"text\": \"  \"}\n"                   /* empty text */
        "{\"id\": \"bd\", \"text\": \"three\", \"date\": \"2025-02-30\"}\n"
        "[1, 2]\n"
        "{\"id\": \"s\", \"text\": \"unterminated}\n"
        "{\"id\": \"e\", \"text\": \"bad \\x escape\"}\n"
        "{\"id\": \"t\", \"text\": \"ok\"} trailing\n"
        "{\"id\": [1], \"text\": \"ok\"}\n"
        "{\"id\": \"deep\", \"x\": " "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
        "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], \"text\": \"a\"}\n"
        "{\"id\": \"good2\", \"text\": \"four\"}\n";
    tactest_diag d;
    tac_reader *r = open_data(data, TAC_FORMAT_JSONL, &d);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "good1");
    expect_skip(r, at_line(r, 2), "malformed JSON at column 12: ',' or '}' expected");
    expect_skip(r, at_line(r, 3), "record nt: missing \"text\"");
    expect_skip(r, at_line(r, 4), "record et: empty \"text\"");
    expect_ok(r, &rec);   /* a bad date is only a warning */
    assert_string_equal(rec.id, "bd");
    assert_string_equal(rec.date, "2024-01-02");
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.last_msg, "record bd: invalid date \"2025-02-30\""));
    assert_non_null(strstr(d.last_where, ":5"));
    expect_skip(r, at_line(r, 6), "column 1: '{' expected");
    expect_skip(r, at_line(r, 7), "unterminated string");
    expect_skip(r, at_line(r, 8), "invalid escape");
    expect_skip(r, at_line(r, 9), "unexpected characters after the object");
    expect_skip(r, at_line(r, 10), "\"id\" must be a string or a number");
    expect_skip(r, at_line(r, 11), "nesting too deep");
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "good2");
    assert_int_equal(rec.line, 12);
    expect_end(r);
    tac_reader_close(r);
}

static void jsonl_ten_megabyte_line_is_skipped_without_buffering(void **state)
{
    (void)state;
    size_t big = 10u << 20;
    const char *head = "{\"id\": \"huge\", \"text\": \"";
    const char *tail = "\"}\n{\"id\": \"after\", \"text\": \"still here\"}\n";
    char *data = malloc(big + 100);
    assert_non_null(data);
    size_t n = strlen(head);
    memcpy(data, head, n);
    memset(data + n, 'x', big);
    strcpy(data + n + big, tail);
    const char *path = tactest_tempfile(data, strlen(data));
    free(data);
    tac_reader *r = open_path(path, TAC_FORMAT_AUTO, NULL, (tac_diag){0});
    expect_skip(r, at_line(r, 1), "record exceeds 4194304 bytes (limit)");
    /* the reader kept at most the limit, not the whole line */
    assert_true(r->line.cap < big);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "after");
    assert_int_equal(rec.line, 2);
    expect_end(r);
    tac_reader_close(r);
}

static void invalid_utf8_is_replaced_and_reported(void **state)
{
    (void)state;
    const char *data = "{\"id\": \"u1\", \"text\": \"caf\xE9 ok \xE2\x80 \xF0\x9F\x98\x80 "
                       "lone \\ud800 end\"}\n";
    tactest_diag d;
    tac_reader *r = open_data(data, TAC_FORMAT_AUTO, &d);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.text, "caf\xEF\xBF\xBD ok \xEF\xBF\xBD \xF0\x9F\x98\x80 lone "
                                  "\xEF\xBF\xBD end");
    assert_int_equal(tac_utf8_count_invalid(rec.text, rec.text_len), 0);
    assert_int_equal(d.count, 2);   /* the lone surrogate, then the raw bytes */
    assert_non_null(strstr(d.last_msg, "record u1"));
    assert_non_null(strstr(d.last_msg, "replaced 2 invalid UTF-8 sequences"));
    expect_end(r);
    tac_reader_close(r);
}

static void seed_article_jsonl(void **state)
{
    (void)state;
    const char *path = tactest_shared("testdata/examples/seed-article.jsonl");
    tac_reader *r = open_path(path, TAC_FORMAT_AUTO, NULL, (tac_diag){0});
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "seed-li-qiang-visit");
    assert_string_equal(rec.date, "2025-10-07");
    assert_string_equal(rec.source, "wire");
    assert_string_equal(rec.dateline, "BEIJING");
    assert_true(strncmp(rec.text + rec.body_offset, "Chinese Premier Li Qiang", 24) == 0);
    assert_non_null(strstr(rec.text, "Workers’ Party of Korea"));
    expect_end(r);
    tac_reader_close(r);
}

/* ---- PETRARCH XML -------------------------------------------------------- */

static void xml_records_entities_cdata_and_config(void **state)
{
    (void)state;
    const char *data =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE whatever>\n"
        "<Validation>\n"
        "<Environment>\n"
        "  <Verbfile>verbs.txt</Verbfile>\n"
        "  <Actorfile>a.txt</Actorfile>\n"
        "  <Actorfile> b.txt </Actorfile>\n"
        "  <Include>valid DEMO</Include>\n"
        "  <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
        "</Environment>\n"
        "<Sentences>\n"
        "<!--Stop></Stop-->\n"
        "<Config option = \"require_dyad\" value = 'false'/>\n"
        "<Sentence date = \"19950101\" id =\"DEMO-07\" category=\"DEMO\" sentence=\"true\">\n"
        "<!-- a comment with <Sentence date=\"1\"> inside -->\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
        "<EventCoding sourcecode='\"INJURY TOLL\"' targetcode=\"OSG\" eventcode=\"223\"/>\n"
        "<!--EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"010\"-->\n"
        "<Text>\n  Arnor &amp; Gondor &lt;signed&gt; a &quot;pact&quot; &#233;&#x20AC; "
        "<![CDATA[x & y <z>]]>\n\n  today.\n</Text>\n"
        "<Parse>\n(ROOT (S (NP (NNP Arnor)) (CC &amp;)))\n</Parse>\n"
        "<Stop/>\n"
        "</Sentence>\n"
        "<Sentence date=\"20080804\" id=\"AFP0808020625_4\" source=\"AFP\" sentence=\"True\">\n"
        "<EventCoding noevents = \"True\"> </EventCoding>\n"
        "<EventCoding error=\"dateline\"></EventCoding>\n"
        "<Text>Second.</Text>\n"
        "</Sentence>\n"
        "</Sentences>\n"
        "<Articles><Article id=\"art1\" date=\"2024-03-11\" source=\"wire\">"
        "<Title>A  title</Title><Text>HANOI, Vietnam (AP) — Japan's minister came.</Text>"
        "</Article></Articles>\n"
        "</Validation>\n";
    tac_reader *r = open_data(data, TAC_FORMAT_AUTO, NULL);
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_XML);
    /* the environment is available before the first record */
    assert_string_equal(tac_reader_env(r, "Verbfile"), "verbs.txt");
    assert_string_equal(tac_reader_env(r, "Actorfile"), "a.txt,b.txt");
    assert_string_equal(tac_reader_env(r, "Include"), "valid DEMO");
    assert_string_equal(tac_reader_env(r, "stop_on_error"), "True");
    assert_null(tac_reader_env(r, "Agentfile"));

    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "DEMO-07");
    assert_string_equal(rec.doc_id, "DEMO");
    assert_int_equal(rec.sentence_index, 7);
    assert_string_equal(rec.date, "1995-01-01");
    assert_string_equal(rec.category, "DEMO");
    assert_true(rec.is_sentence);
    assert_int_equal(rec.line, 14);
    assert_string_equal(rec.text, "Arnor & Gondor <signed> a \"pact\" é€ x & y <z> today.");
    assert_string_equal(rec.parse, "(ROOT (S (NP (NNP Arnor)) (CC &)))");
    assert_null(rec.dateline);
    assert_int_equal(rec.n_expected, 2);
    assert_string_equal(rec.expected[0].source, "ARN");
    assert_string_equal(rec.expected[0].target, "GON");
    assert_string_equal(rec.expected[0].code, "064");
    assert_false(rec.expected[0].no_event);
    assert_string_equal(rec.expected[1].source, "\"INJURY TOLL\"");
    assert_int_equal(rec.n_config, 1);
    assert_string_equal(rec.config[0].option, "require_dyad");
    assert_string_equal(rec.config[0].value, "false");

    expect_ok(r, &rec);
    assert_string_equal(rec.doc_id, "AFP0808020625");
    assert_int_equal(rec.sentence_index, 4);
    assert_string_equal(rec.source, "AFP");
    assert_string_equal(rec.date, "2008-08-04");
    assert_null(rec.parse);
    assert_int_equal(rec.n_config, 0);
    assert_int_equal(rec.n_expected, 2);
    assert_true(rec.expected[0].no_event);
    assert_null(rec.expected[0].code);
    assert_string_equal(rec.expected[1].error, "dateline");

    expect_ok(r, &rec);
    assert_string_equal(rec.id, "art1");
    assert_false(rec.is_sentence);
    assert_int_equal(rec.sentence_index, -1);
    assert_string_equal(rec.title, "A title");
    assert_string_equal(rec.dateline, "HANOI, Vietnam");
    assert_string_equal(rec.text + rec.body_offset, "Japan's minister came.");
    expect_end(r);
    tac_reader_close(r);
}

static void xml_broken_records_resynchronise(void **state)
{
    (void)state;
    const char *data =
        "<Sentences>\n"
        "<Sentence date=\"20010101\" id=\"ok-1\"><Text>First.</Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"open-2\">\n"          /* line 3: no </Sentence> */
        "<Text>Never closed.</Text>\n"
        "<Sentence date=\"20010101\" id=\"ok-3\"><Text>Third.</Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"untext-4\">\n"        /* line 6 */
        "<Text>Text never closed.\n"                            /* line 7 */
        "</Sentence>\n"
        "<Sentence id=\"nodate-5\"><Text>No date.</Text></Sentence>\n"      /* line 9 */
        "<Sentence date=\"2001-13-01\" id=\"baddate-6\"><Text>x</Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"notext-7\"><Parse>(S (NN x)</Parse></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"empty-8\"><Text>  \n </Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"badattr-9\" category=\"oops><Text>x</Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"ok-10\"><Text>Tenth.</Text></Sentence>\n"
        "<Sentence date=\"20010101\" id=\"eof-11\"><Text>cut off";
    tac_reader *r = open_data(data, TAC_FORMAT_XML, NULL);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "ok-1");
    expect_skip(r, at_line(r, 3), "record open-2: missing </Sentence> before the next record at line 5");
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "ok-3");
    assert_int_equal(rec.line, 5);
    expect_skip(r, at_line(r, 7), "record untext-4: unterminated <Text> element");
    expect_skip(r, at_line(r, 9), "record nodate-5: missing required date");
    expect_skip(r, at_line(r, 10), "record baddate-6: invalid date \"2001-13-01\"");
    expect_skip(r, at_line(r, 11), "record notext-7: no <Text> and an unusable <Parse> (unbalanced");
    expect_skip(r, at_line(r, 12), "record empty-8: empty <Text>");
    expect_skip(r, at_line(r, 14), "unterminated attribute value");
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "ok-10");
    expect_skip(r, at_line(r, 16), "record eof-11: missing </Sentence> at end of file");
    expect_end(r);
    tac_reader_close(r);
}

static void xml_oversized_record_is_skipped(void **state)
{
    (void)state;
    size_t big = 300000;
    const char *head = "<Sentences><Sentence date=\"20010101\" id=\"big_1\"><Text>";
    const char *tail = "</Text></Sentence>\n<Sentence date=\"20010101\" id=\"small_2\">"
                       "<Text>fine</Text></Sentence></Sentences>\n";
    char *data = malloc(big + 300);
    assert_non_null(data);
    strcpy(data, head);
    memset(data + strlen(head), 'w', big);
    strcpy(data + strlen(head) + big, tail);
    tac_reader_options opt = {.max_record_bytes = 100000};
    tac_error err;
    tac_reader *r = tac_reader_open(tactest_tempfile(data, strlen(data)), &opt, &err);
    free(data);
    assert_non_null(r);
    expect_skip(r, "record big_1: record exceeds 100000 bytes (limit)", at_line(r, 1));
    assert_true(r->text.cap <= 2 * 100000 + 65536);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "small_2");
    assert_int_equal(rec.sentence_index, 2);
    expect_end(r);
    tac_reader_close(r);
}

static void petrarch_unit_test_file(void **state)
{
    (void)state;
    const char *path = tactest_shared("testdata/petrarch/PETR.UnitTest.records.xml");
    tactest_diag d;
    tac_reader *r = open_path(path, TAC_FORMAT_AUTO, NULL, tactest_diag_sink(&d));
    assert_string_equal(tac_reader_env(r, "Verbfile"), "PETR.Validate.verbs.txt");
    assert_string_equal(tac_reader_env(r, "Actorfile"), "PETR.Validate.actors.txt");
    assert_string_equal(tac_reader_env(r, "Agentfile"), "PETR.Validate.agents.txt");
    assert_string_equal(tac_reader_env(r, "Discardfile"), "PETR.Validate.discards.txt");
    assert_non_null(strstr(tac_reader_env(r, "Include"), "DEMO ACTOR VERB"));
    assert_string_equal(tac_reader_env(r, "stop_on_error"), "True");

    long records = 0, expected = 0, no_events = 0, errors = 0, articles = 0, configs = 0;
    bool saw_demo00 = false, saw_demo22 = false, saw_final = false, saw_error01 = false;
    tac_record rec;
    tac_error err;
    tac_status st;
    while ((st = tac_reader_next(r, &rec, &err)) != TAC_END) {
        if (st != TAC_OK)
            fail_msg("unexpected %s: %s", tac_status_name(st), err.msg);
        records++;
        expected += (long)rec.n_expected;
        configs += (long)rec.n_config;
        articles += !rec.is_sentence;
        for (size_t i = 0; i < rec.n_expected; i++) {
            no_events += rec.expected[i].no_event;
            errors += rec.expected[i].error != NULL;
        }
        assert_non_null(rec.parse);
        assert_non_null(rec.date);
        assert_null(strchr(rec.text, '\n'));
        if (strcmp(rec.id, "DEMO-00") == 0) {
            saw_demo00 = true;
            assert_string_equal(rec.text, "Arnor is about to restore full diplomatic ties with "
                                          "Gondor almost five years after crowds trashed its "
                                          "embassy.");
            assert_string_equal(rec.doc_id, "DEMO");
            assert_int_equal(rec.sentence_index, 0);
            assert_string_equal(rec.date, "1995-01-01");
            assert_int_equal(rec.n_expected, 1);
            assert_string_equal(rec.expected[0].source, "ARN");
            assert_string_equal(rec.expected[0].target, "GON");
            assert_string_equal(rec.expected[0].code, "064");
            assert_true(strncmp(rec.parse, "(ROOT (S", 8) == 0);
        } else if (strcmp(rec.id, "DEMO-22") == 0) {
            saw_demo22 = true;
            assert_int_equal(rec.n_expected, 2);
            assert_string_equal(rec.expected[1].source, "\"INJURY TOLL\"");
            assert_int_equal(rec.n_config, 1);
            assert_string_equal(rec.config[0].option, "new_actor_length");
            assert_string_equal(rec.config[0].value, "4");
        } else if (strcmp(rec.id, "ERROR-01") == 0) {
            saw_error01 = true;
            assert_string_equal(rec.expected[0].error, "dateline");
        } else if (strcmp(rec.id, "FINAL-RECORD") == 0) {
            saw_final = true;
            assert_int_equal(rec.n_expected, 1);
            assert_true(rec.expected[0].no_event);
            assert_int_equal(rec.sentence_index, 0);
            assert_string_equal(rec.doc_id, "FINAL-RECORD");
        }
    }
    /* counted from the file: 284 <Sentence> records, 385 <EventCoding>
     * elements (354 + 5 with quoted new actors, 19 noevents, 7 errors),
     * 5 with sentence="false", 28 <Config> outside <Environment> (a 29th
     * is inside a comment) */
    assert_int_equal(records, 284);
    assert_int_equal(expected, 385);
    assert_int_equal(no_events, 19);
    assert_int_equal(errors, 7);
    assert_int_equal(articles, 5);
    assert_int_equal(configs, 28);
    assert_true(saw_demo00 && saw_demo22 && saw_error01 && saw_final);
    assert_int_equal(d.count, 0);
    tac_reader_close(r);
}

static void gigaword_sample(void **state)
{
    (void)state;
    const char *path = tactest_shared("testdata/petrarch/GigaWord.sample.PETR.xml");
    tac_reader *r = open_path(path, TAC_FORMAT_AUTO, NULL, (tac_diag){0});
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "AFP0808020625_4");
    assert_string_equal(rec.doc_id, "AFP0808020625");
    assert_int_equal(rec.sentence_index, 4);
    assert_string_equal(rec.date, "2008-08-04");
    assert_string_equal(rec.source, "AFP");
    assert_true(rec.is_sentence);
    assert_true(strncmp(rec.text, "The stopover came as the US leader", 34) == 0);
    assert_true(strncmp(rec.parse, "( (S", 4) == 0);
    long n = 1;
    tac_error err;
    tac_status st;
    bool saw_test1 = false;
    while ((st = tac_reader_next(r, &rec, &err)) == TAC_OK) {
        n++;
        if (strcmp(rec.id, "TEST_1") == 0) {
            /* its <Text> is empty: the words come from the parse */
            saw_test1 = true;
            const char *want = "The Malaysia Airlines Boeing 777 flight MH17 was blown up";
            assert_true(strncmp(rec.text, want, strlen(want)) == 0);
        }
    }
    assert_int_equal(st, TAC_END);
    assert_int_equal(n, 76);
    assert_true(saw_test1);
    tac_reader_close(r);
}

/* ---- Penn Treebank ------------------------------------------------------- */

static void ptb_lines(void **state)
{
    (void)state;
    const char *data =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))\n"
        "\n"
        "(ROOT (S (NP (-LRB- -LRB-) (NNP Rohan) (-RRB- -RRB-)) (VP (VBD said) (`` ``) "
        "(NP (-NONE- *T*-1)) (NN x) ('' '')) (. .)))\n"
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD left))\n"
        "(ROOT (S (NNP A))) (X y))\n"
        "(ROOT (S (NNP A)))) \n"
        "( (S (NP (NNP Mordor)) (VP (VBD fell)) (. .)))\n";
    tac_reader *r = open_data(data, TAC_FORMAT_AUTO, NULL);
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_PTB);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.text, "Arnor met Gondor .");
    assert_string_equal(rec.parse, "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))");
    assert_true(rec.is_sentence);
    assert_string_equal(rec.date, "2024-01-02");
    assert_non_null(strstr(rec.id, ":1"));
    assert_string_equal(rec.doc_id, rec.id);
    expect_ok(r, &rec);
    assert_string_equal(rec.text, "( Rohan ) said \" x \" .");
    assert_int_equal(rec.line, 3);
    expect_skip(r, at_line(r, 4), "unbalanced parentheses: missing ')'");
    expect_skip(r, at_line(r, 5), "text after the end of the tree");
    expect_skip(r, at_line(r, 6), "unbalanced parentheses: ')' without '('");
    expect_ok(r, &rec);
    assert_string_equal(rec.text, "Mordor fell .");
    assert_int_equal(rec.line, 7);
    expect_end(r);
    tac_reader_close(r);
}

/* ---- whole files: empty, binary, missing, stdin -------------------------- */

static void empty_binary_and_missing_files(void **state)
{
    (void)state;
    tac_reader *r = open_data("", TAC_FORMAT_AUTO, NULL);
    expect_skip(r, "empty file", r->path);
    expect_end(r);
    tac_reader_close(r);

    r = open_path(tactest_tempfile(" \n\t\n", 4), TAC_FORMAT_JSONL, NULL, (tac_diag){0});
    expect_skip(r, "empty file", NULL);
    expect_end(r);
    tac_reader_close(r);

    static const char bin[] = "{\"id\": 1}\0\0\0\x01\x02garbage";
    r = open_path(tactest_tempfile(bin, sizeof bin), TAC_FORMAT_AUTO, NULL, (tac_diag){0});
    expect_skip(r, "binary data", r->path);
    expect_end(r);
    tac_reader_close(r);

    char noise[2000];
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (char)(0x80 + (i * 7919) % 0x7F);
    r = open_path(tactest_tempfile(noise, sizeof noise), TAC_FORMAT_XML, NULL, (tac_diag){0});
    expect_skip(r, "binary data (mostly invalid UTF-8", NULL);
    expect_end(r);
    tac_reader_close(r);

    /* a Latin-1 article is not binary: its few bad bytes are repaired */
    const char *latin1 = "PARIS - La d\xE9l\xE9gation est arriv\xE9" "e hier soir.";
    tactest_diag d;
    r = open_data(latin1, TAC_FORMAT_AUTO, &d);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.dateline, "PARIS");
    assert_non_null(strstr(rec.text, "d\xEF\xBF\xBDl\xEF\xBF\xBDgation"));
    assert_int_equal(d.count, 1);
    tac_reader_close(r);

    tac_error err;
    tac_reader_options opt = {0};
    assert_null(tac_reader_open("/nonexistent/dir/news.jsonl", &opt, &err));
    assert_int_equal(err.status, TAC_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/dir/news.jsonl"));
    assert_null(tac_reader_open("/tmp", &opt, &err));
    assert_int_equal(err.status, TAC_EIO);
    opt.default_date = "2024-02-30";
    assert_null(tac_reader_open(tactest_source("examples/visit.txt"), &opt, &err));
    assert_int_equal(err.status, TAC_EINVAL);
}

static void format_names_and_detection(void **state)
{
    (void)state;
    tac_format f;
    assert_true(tac_format_parse("jsonl", &f) && f == TAC_FORMAT_JSONL);
    assert_true(tac_format_parse("XML", &f) && f == TAC_FORMAT_XML);
    assert_true(tac_format_parse("ptb", &f) && f == TAC_FORMAT_PTB);
    assert_true(tac_format_parse("text", &f) && f == TAC_FORMAT_TEXT);
    assert_true(tac_format_parse("auto", &f) && f == TAC_FORMAT_AUTO);
    assert_false(tac_format_parse("csv", &f));
    assert_string_equal(tac_format_name(TAC_FORMAT_PTB), "ptb");
    static const struct { const char *data; tac_format want; } sniffed[] = {
        {"\xEF\xBB\xBF  {\"text\": \"x\"}\n", TAC_FORMAT_JSONL},
        {"\n<Sentences></Sentences>", TAC_FORMAT_XML},
        {"  (ROOT (NN x))\n", TAC_FORMAT_PTB},
        {"Just words.", TAC_FORMAT_TEXT},
    };
    for (size_t i = 0; i < sizeof sniffed / sizeof *sniffed; i++) {
        tac_reader *r = open_data(sniffed[i].data, TAC_FORMAT_AUTO, NULL);
        assert_int_equal(tac_reader_format(r), sniffed[i].want);
        tac_reader_close(r);
    }
    /* the extension wins over the content; an explicit format wins over both */
    tac_reader *r = open_path(tactest_source("examples/sentences.ptb"), TAC_FORMAT_AUTO, NULL,
                              (tac_diag){0});
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_PTB);
    tac_reader_close(r);
    r = open_path(tactest_source("examples/sentences.ptb"), TAC_FORMAT_TEXT, NULL, (tac_diag){0});
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_TEXT);
    tac_reader_close(r);
}

static void examples_read_cleanly(void **state)
{
    (void)state;
    static const struct { const char *file; long records; } files[] = {
        {"examples/visit.txt", 1}, {"examples/sanctions.txt", 1}, {"examples/talks.txt", 1},
        {"examples/protest.txt", 1}, {"examples/articles.jsonl", 4},
        {"examples/sentences.xml", 5}, {"examples/sentences.ptb", 5}};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        tactest_diag d;
        tac_reader *r = open_path(tactest_source(files[i].file), TAC_FORMAT_AUTO, "2024-03-11",
                                  tactest_diag_sink(&d));
        long n = 0, events = 0;
        tac_record rec;
        tac_error err;
        tac_status st;
        while ((st = tac_reader_next(r, &rec, &err)) == TAC_OK) {
            n++;
            events += (long)rec.n_expected;
            if (!rec.is_sentence && !rec.dateline)
                fail_msg("%s: record %s has no dateline", files[i].file, rec.id);
        }
        if (st != TAC_END)
            fail_msg("%s: %s", files[i].file, err.msg);
        assert_int_equal(n, files[i].records);
        assert_int_equal(d.count, 0);
        if (strstr(files[i].file, ".xml"))
            assert_int_equal(events, 6);
        tac_reader_close(r);
    }
    /* the JSONL and text versions of a story carry the same text */
    tac_reader *t = open_path(tactest_source("examples/talks.txt"), 0, NULL, (tac_diag){0});
    tac_reader *j = open_path(tactest_source("examples/articles.jsonl"), 0, NULL, (tac_diag){0});
    tac_record a, b;
    expect_ok(t, &a);
    for (int k = 0; k < 3; k++)
        expect_ok(j, &b);
    assert_string_equal(b.id, "talks");
    assert_string_equal(a.text, b.text);
    assert_string_equal(b.dateline, "NAIROBI, Kenya");
    tac_reader_close(t);
    tac_reader_close(j);
}

/* Runs last: it consumes the process's standard input. */
static void stdin_is_sniffed(void **state)
{
    (void)state;
    const char *data = "{\"id\": \"in1\", \"text\": \"from stdin\"}\n";
    const char *path = tactest_tempfile(data, strlen(data));
    if (!freopen(path, "rb", stdin))
        fail_msg("freopen failed");
    tac_reader *r = open_path("-", TAC_FORMAT_AUTO, NULL, (tac_diag){0});
    assert_int_equal(tac_reader_format(r), TAC_FORMAT_JSONL);
    tac_record rec;
    expect_ok(r, &rec);
    assert_string_equal(rec.id, "in1");
    assert_string_equal(rec.file, "-");
    expect_end(r);
    tac_reader_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dateline_forms_are_recognised),
        cmocka_unit_test(text_file_is_one_article_with_dateline),
        cmocka_unit_test(text_without_extension_is_sniffed_and_trimmed),
        cmocka_unit_test(text_over_the_limit_is_skipped),
        cmocka_unit_test(jsonl_fields_escapes_and_unknown_keys),
        cmocka_unit_test(jsonl_bad_lines_are_skipped_with_line_and_column),
        cmocka_unit_test(jsonl_ten_megabyte_line_is_skipped_without_buffering),
        cmocka_unit_test(invalid_utf8_is_replaced_and_reported),
        cmocka_unit_test(seed_article_jsonl),
        cmocka_unit_test(xml_records_entities_cdata_and_config),
        cmocka_unit_test(xml_broken_records_resynchronise),
        cmocka_unit_test(xml_oversized_record_is_skipped),
        cmocka_unit_test(petrarch_unit_test_file),
        cmocka_unit_test(gigaword_sample),
        cmocka_unit_test(ptb_lines),
        cmocka_unit_test(empty_binary_and_missing_files),
        cmocka_unit_test(format_names_and_detection),
        cmocka_unit_test(examples_read_cleanly),
        cmocka_unit_test(stdin_is_sniffed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
