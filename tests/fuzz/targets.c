/* targets: robustness harnesses shared by the libFuzzer entry points and
 * the mutation test. See targets.h for what each target takes.
 *
 * A check that fails returns a message through fail(); the caller (a test
 * or a fuzzer) decides what to do with it. Inputs are copied into buffers of
 * exactly their size so that the sanitizers see any read past the end. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "targets.h"
#include "parse/parse.h"
#include "util/json.h"
#include "util/util.h"

#define FZ_DATE "2024-03-11"

/* ---- the base dictionary set ------------------------------------------ */

/* Small but covering the features of each format: synsets, blocks,
 * irregular forms, multi-word verbs, patterns with actor tokens, dual
 * codes, transformations; actors with synonyms, date restrictions and
 * compounds; agent substitution sets, plurals and prefix codes; story and
 * sentence discards; issue categories, expansions and ignore phrases. */
static const char BASE_VERBS[] =
    "# base verbs\n"
    "&TIETYPES_\n"
    "+DIPLOMATIC_TIES\n"
    "+RELATIONS\n"
    "\n"
    "&MILITARY\n"
    "+ARMY\n"
    "+TROOPS\n"
    "\n"
    "--- VISIT [042] ---\n"
    "VISIT\n"
    "+ARRIVE_IN {+ARRIVED_IN}\n"
    "- * + [042]\n"
    "--- MEET [040] ---\n"
    "MEET {MET MEETS MEETING}\n"
    "- $ * WITH + [040]\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "- * &TIETYPES WITH + [064]\n"
    "--- SAY [010] ---\n"
    "SAY {SAID SAYS SAYING}\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "- * + WITH &MILITARY [193]\n"
    "--- MEDIATE [039] ---\n"
    "MEDIATE\n"
    "OFFER {OFFERED}\n"
    "- * TO_MEDIATE BETWEEN + [039]\n"
    "--- IMPOSE [163] ---\n"
    "IMPOSE\n"
    "- * SANCTIONS ON + [163]\n"
    "--- PROTEST [114] ---\n"
    "PROTEST\n"
    "LODGE\n"
    "- * FORMAL PROTEST WITH + [114]\n"
    "--- TRADE [032:033] ---\n"
    "TRADE\n"
    "--- IGNORE [---] ---\n"
    "IGNORE\n"
    "~ a (b . ATTACK) SAY = a b 190\n";

static const char BASE_ACTORS[] =
    "# base actors\n"
    "JAPAN [JPN]\n"
    "+JAPANESE\n"
    "VIETNAM [VNM]\n"
    "EUROPEAN_UNION [IGOEUREEC]\n"
    "BELARUS [BLR]\n"
    "KENYA [KEN]\n"
    "ETHIOPIA [ETH]\n"
    "SOMALIA [SOM]\n"
    "POLAND [POL]\n"
    "GOLLUM  ; a comment\n"
    "+SMEAGOL\n"
    "\t[HOB <950601]\n"
    "\t[HOBGOV 19950601 - 19990815]\n"
    "\t[HOBREB >990816]\n"
    "THE_SHIRE [FRO/BIL]\n"
    "ITHILEN TELEVISION [ITHTV]\n";

static const char BASE_AGENTS[] =
    "!PERSON! = MAN, MEN, WOMAN\n"
    "GOVERNMENT [~GOV]\n"
    "FOREIGN_MINISTER [~GOV]\n"
    "MINISTER [~GOV]\n"
    "ARMY {ARMIES} [~MIL]\n"
    "POLICE {} [~COP]\n"
    "CONGRESS!PERSON! [~LEG]\n"
    "HUMAN_RIGHTS_GROUP [NGO~]\n";

static const char BASE_DISCARDS[] =
    "# base discards\n"
    "+WORLD CUP QUALIFIER\n"
    "FOOTBALL MATCH\n"
    "SOAP_OPERA_\n";

static const char BASE_ISSUES[] =
    "<ISSUE CATEGORY=\"NUCLEAR\" TYPE=\"ALL\">\n"
    "n:nuclear weapon [NUCLEAR_WEAPONS]\n"
    "v:enrich [NUCLEAR]\n"
    "nuclear+power [NUCLEAR_ENERGY]\n"
    "~nuclear family\n"
    "</ISSUE>\n"
    "<ISSUE CATEGORY=\"SANCTIONS\" TYPE=\"ALL\">\n"
    "sanctions\n"
    "n:embargo [SANCTIONS]\n"
    "</ISSUE>\n";

/* Sentences the dict_* targets code with the dictionaries they loaded. */
static const char *const PROBE_TREES[] = {
    "(ROOT (S (NP (NP (NNP Japan) (POS 's)) (JJ foreign) (NN minister)) (VP (VBD arrived) "
    "(PP (IN in) (NP (NNP Vietnam)))) (. .)))",
    "(ROOT (S (NP (DT The) (NNP European) (NNP Union)) (VP (VBD imposed) (NP (JJ new) "
    "(NNS sanctions)) (PP (IN on) (NP (NNP Belarus)))) (. .)))",
    "(ROOT (S (NP (NNP Kenya)) (VP (VBD offered) (S (VP (TO to) (VP (VB mediate) (PP (IN "
    "between) (NP (NNP Ethiopia) (CC and) (NNP Somalia))))))) (. .)))",
    "(ROOT (S (NP (NNP Smeagol)) (VP (VBD restored) (NP (JJ diplomatic) (NNS ties)) (PP (IN "
    "with) (NP (DT the) (NNP Shire)))) (. .)))",
    "(ROOT (S (NP (NNP Poland) (NN government)) (VP (VBD said) (SBAR (S (NP (NNP Belarus) "
    "(NNS troops)) (VP (VBD attacked) (NP (NNP Poland)))))) (. .)))",
    "(ROOT (S (NP (DT The) (NNP Japanese) (NN army)) (VP (VBD met) (PP (IN with) (NP (NN "
    "nuclear) (NNS weapons) (NN embargo) (NN football) (NN match)))) (. .)))",
};

/* ---- the context ------------------------------------------------------- */

enum { FZ_VERBS, FZ_ACTORS, FZ_AGENTS, FZ_DISCARDS, FZ_ISSUES, FZ_N_KINDS };

struct fz_ctx {
    char          dir[256];
    char          input_path[300];          /* the fuzzed file of the reader/gazetteer */
    char          fuzz_dict_path[300];      /* the fuzzed dictionary */
    char          base_path[FZ_N_KINDS][300];
    tac_dicts    *dicts;
    tac_coder    *coder;
    tac_text_ctx *text;
    tac_parser   *parser;
    long          diag_calls;
    const char   *diag_problem;             /* a diag message that broke a promise */
    char          why[1024];
};

static const char *fail(fz_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *fail(fz_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->why, sizeof c->why, fmt, ap);
    va_end(ap);
    return c->why;
}

static bool write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok;
}

/* Counts diagnostics and checks that each one says where and what. */
static void diag_fn(void *ud, tac_severity sev, const char *where, const char *msg)
{
    fz_ctx *c = ud;
    c->diag_calls++;
    if (sev != TAC_INFO && sev != TAC_WARNING && sev != TAC_ERROR)
        c->diag_problem = "diagnostic with an invalid severity";
    else if (!msg || !*msg)
        c->diag_problem = "diagnostic without a message";
    else if (!where)
        c->diag_problem = "diagnostic without a location";
}

static tac_diag ctx_diag(fz_ctx *c)
{
    c->diag_calls = 0;
    c->diag_problem = NULL;
    tac_diag d = {diag_fn, c};
    return d;
}

static tac_dict_paths base_paths(const fz_ctx *c)
{
    tac_dict_paths p = {
        .verbs = c->base_path[FZ_VERBS],
        .actors = c->base_path[FZ_ACTORS],
        .agents = c->base_path[FZ_AGENTS],
        .discards = c->base_path[FZ_DISCARDS],
        .issues = c->base_path[FZ_ISSUES],
    };
    return p;
}

fz_ctx *fz_ctx_new(const char **why)
{
    static const char *const names[FZ_N_KINDS] = {"verbs", "actors", "agents", "discards",
                                                  "issues"};
    static const char *const texts[FZ_N_KINDS] = {BASE_VERBS, BASE_ACTORS, BASE_AGENTS,
                                                  BASE_DISCARDS, BASE_ISSUES};
    fz_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        *why = "out of memory";
        return NULL;
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(c->dir, sizeof c->dir, "%s/tacfuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(c->dir)) {
        free(c);
        *why = "cannot create a temporary directory";
        return NULL;
    }
    char dir[sizeof c->dir];   /* a copy: snprintf into c from c is restrict-unsafe */
    memcpy(dir, c->dir, sizeof dir);
    /* No known extension: format detection looks at the content. */
    snprintf(c->input_path, sizeof c->input_path, "%s/input.dat", dir);
    snprintf(c->fuzz_dict_path, sizeof c->fuzz_dict_path, "%s/fuzzed.txt", dir);
    for (int k = 0; k < FZ_N_KINDS; k++) {
        snprintf(c->base_path[k], sizeof c->base_path[k], "%s/base-%s.txt", dir, names[k]);
        if (!write_file(c->base_path[k], texts[k], strlen(texts[k]))) {
            fz_ctx_free(c);
            *why = "cannot write the base dictionaries";
            return NULL;
        }
    }
    tac_error err;
    tac_dict_paths p = base_paths(c);
    tac_diag diag = ctx_diag(c);
    c->dicts = tac_dicts_load(&p, &diag, &err);
    if (c->dicts)
        c->coder = tac_coder_new(c->dicts, NULL, &err);
    c->text = tac_text_ctx_new();
    c->parser = tac_parser_new(&err);
    const char *problem = !c->dicts    ? "the base dictionaries do not load"
                          : c->diag_calls ? "the base dictionaries have warnings"
                          : !c->coder    ? "tac_coder_new failed"
                          : !c->text     ? "tac_text_ctx_new failed"
                          : !c->parser   ? "tac_parser_new failed"
                                         : NULL;
    if (problem) {
        *why = problem;
        fz_ctx_free(c);
        return NULL;
    }
    return c;
}

void fz_ctx_free(fz_ctx *c)
{
    if (!c)
        return;
    tac_parser_free(c->parser);
    tac_text_ctx_free(c->text);
    tac_coder_free(c->coder);
    tac_dicts_free(c->dicts);
    unlink(c->input_path);
    unlink(c->fuzz_dict_path);
    for (int k = 0; k < FZ_N_KINDS; k++)
        if (c->base_path[k][0])
            unlink(c->base_path[k]);
    rmdir(c->dir);
    free(c);
}

/* ---- shared checks ----------------------------------------------------- */

static bool status_valid(tac_status s)
{
    switch (s) {
    case TAC_OK: case TAC_END: case TAC_SKIPPED: case TAC_EIO: case TAC_ENOMEM:
    case TAC_EINVAL: case TAC_EPARSE: case TAC_ENOTFOUND: case TAC_EUNSUPPORTED:
    case TAC_ELIMIT:
        return true;
    }
    return false;
}

/* An error status must come with a message (and err->status agrees). */
static const char *check_error(fz_ctx *c, const char *what, tac_status st, const tac_error *err)
{
    if (!status_valid(st))
        return fail(c, "%s: invalid status %d", what, (int)st);
    if (st != TAC_SKIPPED && st >= 0)
        return NULL;
    if (err->msg[0] == '\0')
        return fail(c, "%s: status %s without a message", what, tac_status_name(st));
    if (memchr(err->msg, '\0', sizeof err->msg) == NULL)
        return fail(c, "%s: error message not terminated", what);
    return NULL;
}

/* Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF. */
static bool utf8_valid(const char *text, size_t n, bool allow_nul)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        unsigned b = s[i];
        if (b < 0x80) {
            if (b == 0 && !allow_nul)
                return false;
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (b >= 0xC2 && b <= 0xDF) { len = 2; cp = b & 0x1F; min = 0x80; }
        else if (b >= 0xE0 && b <= 0xEF) { len = 3; cp = b & 0x0F; min = 0x800; }
        else if (b >= 0xF0 && b <= 0xF4) { len = 4; cp = b & 0x07; min = 0x10000; }
        else return false;
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

static bool iso_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    return true;
}

/* A NUL-terminated copy of data (the input may hold NULs; C-string
 * parsers then see a prefix, which is fine). */
static char *cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s) {
        if (size)
            memcpy(s, data, size);
        s[size] = '\0';
    }
    return s;
}

/* ---- text -------------------------------------------------------------- */

static const char *check_text(fz_ctx *c, const char *text, size_t len, size_t dateline_end)
{
    const tac_text *t = NULL;
    tac_error err;
    tac_error_clear(&err);
    tac_status st = tac_text_analyze(c->text, text, len, dateline_end, &t, &err);
    const char *bad = check_error(c, "tac_text_analyze", st, &err);
    if (bad)
        return bad;
    if (st != TAC_OK)
        return st < 0 ? NULL : fail(c, "tac_text_analyze: unexpected status %s",
                                    tac_status_name(st));
    if (!t)
        return fail(c, "tac_text_analyze: TAC_OK without a result");
    if (t->original != text)
        return fail(c, "tac_text: original is not the text given");
    if (t->n_sentences && !t->sentences)
        return fail(c, "tac_text: %u sentences but no array", t->n_sentences);
    if (t->n_invalid_bytes > len)
        return fail(c, "tac_text: %u invalid bytes in %zu", t->n_invalid_bytes, len);
    uint32_t prev_end = 0;
    for (uint32_t i = 0; i < t->n_sentences; i++) {
        const tac_sentence *s = &t->sentences[i];
        if (s->kind != TAC_SENT_BODY && s->kind != TAC_SENT_DATELINE &&
            s->kind != TAC_SENT_HEADLINE)
            return fail(c, "sentence %u: invalid kind %d", i, (int)s->kind);
        if (s->start > s->end || s->end > len)
            return fail(c, "sentence %u: span [%u,%u) outside text of %zu bytes", i, s->start,
                        s->end, len);
        if (s->start < prev_end)
            return fail(c, "sentence %u: starts at %u, before the previous end %u", i,
                        s->start, prev_end);
        prev_end = s->end;
        if (s->n_tokens == 0)
            return fail(c, "sentence %u: no tokens", i);
        if (!s->tokens)
            return fail(c, "sentence %u: no token array", i);
        if (s->tokens[0].start != s->start || s->tokens[s->n_tokens - 1].end != s->end)
            return fail(c, "sentence %u: span [%u,%u) is not its tokens' [%u,%u)", i, s->start,
                        s->end, s->tokens[0].start, s->tokens[s->n_tokens - 1].end);
        uint32_t tok_end = s->start;
        for (uint32_t k = 0; k < s->n_tokens; k++) {
            const tac_token *tk = &s->tokens[k];
            if (tk->start >= tk->end || tk->end > len)
                return fail(c, "sentence %u token %u: span [%u,%u) (text %zu bytes)", i, k,
                            tk->start, tk->end, len);
            if (tk->start < tok_end)
                return fail(c, "sentence %u token %u: starts at %u, overlapping the previous "
                            "token (ends %u)", i, k, tk->start, tok_end);
            tok_end = tk->end;
            if (!tk->form || !tk->form[0])
                return fail(c, "sentence %u token %u: empty form", i, k);
            if (!utf8_valid(tk->form, strlen(tk->form), false))
                return fail(c, "sentence %u token %u: form is not valid UTF-8", i, k);
        }
    }
    return NULL;
}

const char *fz_text(fz_ctx *c, const uint8_t *data, size_t size)
{
    size_t dateline_end = 0;
    if (size > 0 && (data[0] & 1))
        dateline_end = data[0] >> 1;
    if (dateline_end > size)
        dateline_end = size;
    /* exactly size bytes, no terminator: the stage must use len */
    char *text = malloc(size ? size : 1);
    if (!text)
        return NULL;
    if (size)
        memcpy(text, data, size);
    const char *bad = check_text(c, text, size, dateline_end);
    free(text);
    return bad;
}

/* ---- coder ------------------------------------------------------------- */

static const char *check_code(fz_ctx *c, tac_coder *coder, const char *tree, const char *date)
{
    tac_sentence_input in = {.parse = tree, .date = date, .doc_id = "fzdoc", .sentence = 3, .text = "the sentence"};
    const tac_event *ev = NULL;
    size_t n = 0;
    tac_discard_kind discard = TAC_DISCARD_NONE;
    tac_error err;
    tac_error_clear(&err);
    tac_status st = tac_coder_code_parse(coder, &in, &ev, &n, &discard, &err);
    const char *bad = check_error(c, "tac_coder_code_parse", st, &err);
    if (bad)
        return bad;
    if (st != TAC_OK)
        return st < 0 ? NULL : fail(c, "tac_coder_code_parse: unexpected status %s",
                                    tac_status_name(st));
    if (discard != TAC_DISCARD_NONE && discard != TAC_DISCARD_SENTENCE &&
        discard != TAC_DISCARD_STORY)
        return fail(c, "coder: invalid discard kind %d", (int)discard);
    if (n && !ev)
        return fail(c, "coder: %zu events but no array", n);
    for (size_t i = 0; i < n; i++) {
        const tac_event *e = &ev[i];
        if (!e->doc_id || strcmp(e->doc_id, "fzdoc") != 0 || e->sentence != 3)
            return fail(c, "event %zu: wrong doc_id/sentence", i);
        if (!e->cameo || !e->cameo[0])
            return fail(c, "event %zu: no CAMEO code", i);
        const char *codes[2] = {e->source, e->target};
        const char *roots[2] = {e->source_root, e->target_root};
        const char *agents[2] = {e->source_agent, e->target_agent};
        for (int k = 0; k < 2; k++) {
            if (!codes[k])
                continue;
            if (!roots[k] || !agents[k])
                return fail(c, "event %zu: code %s without root/agent", i, codes[k]);
            if (strlen(roots[k]) > 3 || strncmp(codes[k], roots[k], strlen(roots[k])) != 0)
                return fail(c, "event %zu: root '%s' is not the start of '%s'", i, roots[k],
                            codes[k]);
            if (agents[k][0] && !strstr(codes[k], agents[k]))
                return fail(c, "event %zu: agent '%s' not in '%s'", i, agents[k], codes[k]);
        }
        if (!e->verb_pattern || !e->verb_where)
            return fail(c, "event %zu: no provenance", i);
    }
    return NULL;
}

static void coder_options_for(size_t size, tac_coder_options *o)
{
    tac_coder_options_default(o);
    if (size & 1) {
        o->comma_min = 2, o->comma_max = 8;
        o->comma_emin = 2, o->comma_emax = 8;
        o->comma_bmin = 1, o->comma_bmax = 3;
        o->new_actor_length = 4;
    }
    if (size & 2) {
        o->require_dyad = false;
        o->code_issues = !(size & 4);
    }
}

const char *fz_coder(fz_ctx *c, const uint8_t *data, size_t size)
{
    char *s = cstring(data, size);
    if (!s)
        return NULL;
    const char *date = FZ_DATE, *tree = s;
    char *nl = strchr(s, '\n');
    if (nl && nl - s <= 16 && s[0] != '(') {
        *nl = '\0';
        date = s;
        tree = nl + 1;
    }
    tac_coder_options o;
    coder_options_for(size, &o);
    tac_coder_set_options(c->coder, &o);
    const char *bad = check_code(c, c->coder, tree, date);
    tac_coder_options_default(&o);
    tac_coder_set_options(c->coder, &o);
    free(s);
    return bad;
}

/* ---- readers ----------------------------------------------------------- */

static const char *check_record(fz_ctx *c, const tac_record *r)
{
    if (!r->id || !r->id[0])
        return fail(c, "record without an id");
    if (!r->doc_id || !r->doc_id[0])
        return fail(c, "record %.60s: no doc_id", r->id);
    if (!r->file)
        return fail(c, "record %.60s: no file", r->id);
    if (!r->text)
        return fail(c, "record %.60s: no text", r->id);
    if (strlen(r->text) != r->text_len)
        return fail(c, "record %.60s: text_len %zu but strlen %zu", r->id, r->text_len,
                    strlen(r->text));
    if (!utf8_valid(r->text, r->text_len, false))
        return fail(c, "record %.60s: text is not valid UTF-8", r->id);
    if (r->body_offset > r->text_len)
        return fail(c, "record %.60s: body_offset %zu past text_len %zu", r->id, r->body_offset,
                    r->text_len);
    if (r->date && !iso_date(r->date))
        return fail(c, "record %.60s: date '%.40s' is not YYYY-MM-DD", r->id, r->date);
    if (r->is_sentence ? r->sentence_index < 0 : r->sentence_index != -1)
        return fail(c, "record %.60s: sentence_index %d for %s", r->id, r->sentence_index,
                    r->is_sentence ? "a sentence" : "an article");
    if (r->line < 1)
        return fail(c, "record %.60s: line %ld", r->id, r->line);
    const char *fields[] = {r->id, r->doc_id, r->title, r->source, r->url, r->category,
                            r->parse, r->dateline};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && !utf8_valid(fields[i], strlen(fields[i]), false))
            return fail(c, "record %.60s: field %zu is not valid UTF-8", r->id, i);
    if (r->n_expected && !r->expected)
        return fail(c, "record %.60s: %zu expected events but no array", r->id, r->n_expected);
    if (r->n_config && !r->config)
        return fail(c, "record %.60s: %zu config options but no array", r->id, r->n_config);
    for (size_t i = 0; i < r->n_config; i++)
        if (!r->config[i].option)
            return fail(c, "record %.60s: config option %zu without a name", r->id, i);
    return NULL;
}

/* Reads the whole file; records go through the text stage and the coder. */
static const char *check_reader_run(fz_ctx *c, tac_format fmt, size_t max_record, size_t size,
                                    bool with_date)
{
    tac_reader_options opt = {
        .format = fmt,
        .default_date = with_date ? FZ_DATE : NULL,
        .max_record_bytes = max_record,
        .diag = ctx_diag(c),
    };
    tac_error err;
    tac_error_clear(&err);
    tac_reader *r = tac_reader_open(c->input_path, &opt, &err);
    if (!r) {
        if (err.status >= 0)
            return fail(c, "tac_reader_open failed with status %s", tac_status_name(err.status));
        return check_error(c, "tac_reader_open", err.status, &err);
    }
    const char *bad = NULL;
    tac_format got = tac_reader_format(r);
    if (got != TAC_FORMAT_TEXT && got != TAC_FORMAT_JSONL && got != TAC_FORMAT_XML &&
        got != TAC_FORMAT_PTB)
        bad = fail(c, "reader format %d after open", (int)got);
    else if (fmt != TAC_FORMAT_AUTO && got != fmt)
        bad = fail(c, "reader format %s, asked for %s", tac_format_name(got),
                   tac_format_name(fmt));
    static const char *const env_keys[] = {"Verbfile", "Actorfile", "require_dyad", ""};
    for (size_t i = 0; !bad && i < sizeof env_keys / sizeof env_keys[0]; i++) {
        /* values are file names: bytes, not necessarily UTF-8 */
        const char *v = tac_reader_env(r, env_keys[i]);
        if (v && strlen(v) > size)
            bad = fail(c, "reader env %s longer than the file", env_keys[i]);
    }
    /* Every call but the last consumes input or ends, so the number of
     * calls is bounded by the size of the file. */
    size_t limit = size + 8;
    tac_status st = TAC_OK;
    for (size_t calls = 0; !bad; calls++) {
        if (calls > limit) {
            bad = fail(c, "reader (%s): %zu calls on %zu bytes without TAC_END",
                       tac_format_name(got), calls, size);
            break;
        }
        tac_record rec;
        tac_error_clear(&err);
        st = tac_reader_next(r, &rec, &err);
        if ((bad = check_error(c, "tac_reader_next", st, &err)) != NULL)
            break;
        if (st == TAC_END || st < 0)
            break;
        if (st == TAC_SKIPPED)
            continue;
        if ((bad = check_record(c, &rec)) != NULL)
            break;
        if ((bad = check_text(c, rec.text, rec.text_len, rec.body_offset)) != NULL)
            break;
        if (rec.parse)
            bad = check_code(c, c->coder, rec.parse, rec.date ? rec.date : FZ_DATE);
    }
    if (!bad && st < 0)
        bad = fail(c, "reader (%s): fatal %s on a readable file: %s", tac_format_name(got),
                   tac_status_name(st), err.msg);
    if (!bad && st == TAC_END) {
        tac_record rec;
        st = tac_reader_next(r, &rec, &err);
        if (st != TAC_END)
            bad = fail(c, "reader (%s): %s after TAC_END", tac_format_name(got),
                       tac_status_name(st));
    }
    if (!bad && c->diag_problem)
        bad = fail(c, "reader (%s): %s", tac_format_name(got), c->diag_problem);
    tac_reader_close(r);
    return bad;
}

static const char *check_reader(fz_ctx *c, tac_format fmt, const uint8_t *data, size_t size)
{
    if (!write_file(c->input_path, data, size))
        return NULL;   /* disk trouble is not the library's fault */
    const char *bad = check_reader_run(c, fmt, 0, size, size & 1);
    if (!bad)   /* detection, and records cut by a small limit */
        bad = check_reader_run(c, TAC_FORMAT_AUTO, 256, size, !(size & 1));
    return bad;
}

const char *fz_reader_text(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_reader(c, TAC_FORMAT_TEXT, d, n);
}
const char *fz_reader_jsonl(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_reader(c, TAC_FORMAT_JSONL, d, n);
}
const char *fz_reader_xml(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_reader(c, TAC_FORMAT_XML, d, n);
}
const char *fz_reader_ptb(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_reader(c, TAC_FORMAT_PTB, d, n);
}

/* ---- dictionaries ------------------------------------------------------ */

static const char *check_dicts(fz_ctx *c, int kind, const uint8_t *data, size_t size)
{
    if (!write_file(c->fuzz_dict_path, data, size))
        return NULL;
    tac_dict_paths p = base_paths(c);
    const char **slot[FZ_N_KINDS] = {&p.verbs, &p.actors, &p.agents, &p.discards, &p.issues};
    *slot[kind] = c->fuzz_dict_path;
    tac_diag diag = ctx_diag(c);
    tac_error err;
    tac_error_clear(&err);
    tac_dicts *d = tac_dicts_load(&p, &diag, &err);
    if (!d) {
        if (err.status >= 0)
            return fail(c, "tac_dicts_load failed with status %s", tac_status_name(err.status));
        return check_error(c, "tac_dicts_load", err.status, &err);
    }
    const char *bad = c->diag_problem ? fail(c, "tac_dicts_load: %s", c->diag_problem) : NULL;
    tac_dict_counts cnt;
    memset(&cnt, 0xAB, sizeof cnt);
    tac_dicts_counts(d, &cnt);
    if (!bad && cnt.skipped > (size_t)c->diag_calls)
        bad = fail(c, "tac_dicts_load: %zu entries skipped but %ld diagnostics", cnt.skipped,
                   c->diag_calls);
    tac_coder *coder = bad ? NULL : tac_coder_new(d, NULL, &err);
    if (!bad && !coder)
        bad = fail(c, "tac_coder_new failed on loaded dictionaries: %s", err.msg);
    for (size_t i = 0; !bad && i < sizeof PROBE_TREES / sizeof PROBE_TREES[0]; i++) {
        tac_coder_options o;
        coder_options_for(i, &o);
        tac_coder_set_options(coder, &o);
        bad = check_code(c, coder, PROBE_TREES[i], i & 1 ? "19970101" : FZ_DATE);
    }
    tac_coder_free(coder);
    tac_dicts_free(d);
    return bad;
}

const char *fz_dict_verbs(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_dicts(c, FZ_VERBS, d, n);
}
const char *fz_dict_actors(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_dicts(c, FZ_ACTORS, d, n);
}
const char *fz_dict_agents(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_dicts(c, FZ_AGENTS, d, n);
}
const char *fz_dict_discards(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_dicts(c, FZ_DISCARDS, d, n);
}
const char *fz_dict_issues(fz_ctx *c, const uint8_t *d, size_t n)
{
    return check_dicts(c, FZ_ISSUES, d, n);
}

/* ---- JSON -------------------------------------------------------------- */

static const char *check_json_value(fz_ctx *c, const tac_json *v, size_t len, int depth)
{
    if (!v)
        return fail(c, "json: NULL node");
    if (depth > TAC_JSON_DEFAULT_DEPTH + 1)
        return fail(c, "json: tree deeper than the limit");
    if (v->offset >= len)
        return fail(c, "json: offset %zu outside text of %zu bytes", v->offset, len);
    switch (v->type) {
    case TAC_JSON_NULL:
    case TAC_JSON_BOOL:
        return NULL;
    case TAC_JSON_NUMBER:
        if (!v->str || v->len == 0 || strlen(v->str) != v->len)
            return fail(c, "json: number without its text");
        return NULL;
    case TAC_JSON_STRING:
        if (!v->str || v->str[v->len] != '\0')
            return fail(c, "json: string not terminated at its length");
        if (!utf8_valid(v->str, v->len, true))
            return fail(c, "json: string is not valid UTF-8");
        if (tac_json_string(v) != v->str)
            return fail(c, "json: tac_json_string disagrees");
        return NULL;
    case TAC_JSON_ARRAY:
        if (v->len && !v->items)
            return fail(c, "json: array without items");
        for (size_t i = 0; i < v->len; i++) {
            const char *bad = check_json_value(c, v->items[i], len, depth + 1);
            if (bad)
                return bad;
        }
        return NULL;
    case TAC_JSON_OBJECT:
        if (v->len && !v->members)
            return fail(c, "json: object without members");
        for (size_t i = 0; i < v->len; i++) {
            const tac_json_member *m = &v->members[i];
            if (!m->key || m->key[m->key_len] != '\0' || !utf8_valid(m->key, m->key_len, true))
                return fail(c, "json: bad member key");
            /* a key with a NUL in it cannot be looked up by C string */
            if (strlen(m->key) == m->key_len && !tac_json_get(v, m->key))
                return fail(c, "json: tac_json_get cannot find key '%.40s'", m->key);
            const char *bad = check_json_value(c, m->value, len, depth + 1);
            if (bad)
                return bad;
        }
        return NULL;
    }
    return fail(c, "json: invalid type %d", (int)v->type);
}

static const char *check_json(fz_ctx *c, const char *text, size_t size, int max_depth)
{
    tac_arena arena;
    tac_arena_init(&arena, 4096);
    tac_error err;
    tac_error_clear(&err);
    const char *bad;
    tac_json *root = tac_json_parse(text, size, "fz", max_depth, &arena, &err);
    if (!root) {
        bad = check_error(c, "tac_json_parse", err.status, &err);
        if (!bad && err.status != TAC_EPARSE && err.status != TAC_ELIMIT &&
            err.status != TAC_ENOMEM)
            bad = fail(c, "tac_json_parse: failed with status %s",
                       tac_status_name(err.status));
    } else {
        bad = check_json_value(c, root, size, 0);
        if (!bad && tac_json_type_name(root->type) == NULL)
            bad = fail(c, "json: no name for type %d", (int)root->type);
    }
    tac_arena_free(&arena);
    return bad;
}

const char *fz_json(fz_ctx *c, const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1);
    if (!text)
        return NULL;
    if (size)
        memcpy(text, data, size);
    const char *bad = check_json(c, text, size, 0);
    if (!bad)
        bad = check_json(c, text, size, 4);
    if (!bad && size) {
        long line, col;
        tac_json_position(text, size, size - 1, &line, &col);
        if (line < 1 || col < 1)
            bad = fail(c, "json: position %ld:%ld", line, col);
    }
    free(text);
    return bad;
}

/* ---- gazetteer --------------------------------------------------------- */

const char *fz_gazetteer(fz_ctx *c, const uint8_t *data, size_t size)
{
    if (!write_file(c->input_path, data, size))
        return NULL;
    tac_diag diag = ctx_diag(c);
    tac_error err;
    tac_error_clear(&err);
    size_t skipped = 0;
    tac_gazetteer *g = tac_gazetteer_load(c->input_path, &diag, &skipped, &err);
    if (!g) {
        if (err.status >= 0)
            return fail(c, "tac_gazetteer_load failed with status %s",
                        tac_status_name(err.status));
        return check_error(c, "tac_gazetteer_load", err.status, &err);
    }
    const char *bad = c->diag_problem ? fail(c, "gazetteer: %s", c->diag_problem) : NULL;
    if (!bad && skipped > (size_t)c->diag_calls)
        bad = fail(c, "gazetteer: %zu rows skipped but %ld diagnostics", skipped, c->diag_calls);
    size_t n = tac_gazetteer_count(g);
    if (!bad && n > size)
        bad = fail(c, "gazetteer: %zu places from %zu bytes", n, size);
    for (size_t i = 0; !bad && i < n; i++) {
        const tac_place *p = tac_gazetteer_at(g, i);
        if (!p || !p->name || !p->name[0] || !p->alt || !p->country)
            bad = fail(c, "gazetteer: place %zu incomplete", i);
        else if (p->kind > TAC_PLACE_REGION || !tac_place_kind_name(p->kind))
            bad = fail(c, "gazetteer: place %zu has kind %d", i, (int)p->kind);
        else if (!(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 && p->lon <= 180))
            bad = fail(c, "gazetteer: place %zu at %g,%g", i, p->lat, p->lon);
        else if (!tac_gazetteer_lookup(g, p->name))
            bad = fail(c, "gazetteer: place '%.60s' not found by its name", p->name);
        else {
            /* match over the name's words, as a sentence would hold them */
            char words[256];
            snprintf(words, sizeof words, "%s", p->name);
            const char *forms[32];
            size_t nf = 0;
            char *save = NULL;
            for (char *w = strtok_r(words, " ", &save); w && nf < 32;
                 w = strtok_r(NULL, " ", &save))
                forms[nf++] = w;
            const tac_place *m = NULL;
            size_t span = tac_gazetteer_match(g, forms, nf, 0, &m);
            if (span > nf || (span && !m))
                bad = fail(c, "gazetteer: match of '%.60s' spans %zu of %zu tokens", p->name,
                           span, nf);
        }
    }
    if (!bad && tac_gazetteer_at(g, n) != NULL)
        bad = fail(c, "gazetteer: a place past the end");
    tac_gazetteer_free(g);
    return bad;
}

/* ---- shallow parser ----------------------------------------------------- */

/* What tac_parse_tokens writes for a form: parentheses as -LRB-/-RRB-,
 * whitespace as '_' (an empty form becomes some non-empty placeholder). */
static bool leaf_matches(const char *leaf, size_t n, const char *form)
{
    if (!*form)
        return n > 0;
    size_t i = 0;
    for (; *form; form++) {
        const char *rep = NULL;
        char one[2] = {*form, '\0'};
        if (*form == '(')
            rep = "-LRB-";
        else if (*form == ')')
            rep = "-RRB-";
        else if (strchr(" \t\n\r\v\f", *form))
            rep = "_";
        else
            rep = one;
        size_t k = strlen(rep);
        if (i + k > n || memcmp(leaf + i, rep, k) != 0)
            return false;
        i += k;
    }
    return i == n;
}

/* Checks that tree is a well-formed bracketing starting with (ROOT whose
 * leaves are forms[0..n) in order. Iterative: trees may be deep. */
static const char *check_tree(fz_ctx *c, const char *tree, char *const *forms, size_t n)
{
    if (strncmp(tree, "(ROOT", 5) != 0)
        return fail(c, "parser: tree does not start with (ROOT: %.80s", tree);
    long depth = 0;
    size_t leaves = 0;
    const char *p = tree;
    /* AFTER_LABEL: a leaf word, a child or ')' may follow; AFTER_CHILD:
     * only another child or ')'; AFTER_WORD: only ')'. */
    enum { START, WANT_LABEL, AFTER_LABEL, AFTER_CHILD, AFTER_WORD } state = START;
    while (*p) {
        if (*p == ' ') {
            p++;
            continue;
        }
        if (*p == '(') {
            if (state == WANT_LABEL || state == AFTER_WORD)
                return fail(c, "parser: unexpected '(' at %ld", (long)(p - tree));
            depth++;
            state = WANT_LABEL;
            p++;
        } else if (*p == ')') {
            if (state == START || state == WANT_LABEL)
                return fail(c, "parser: unexpected ')' at %ld", (long)(p - tree));
            depth--;
            state = AFTER_CHILD;
            p++;
            if (!depth && *p)
                return fail(c, "parser: text after the tree at %ld", (long)(p - tree));
        } else {
            size_t len = strcspn(p, " ()");
            if (state == WANT_LABEL) {
                state = AFTER_LABEL;
            } else if (state == AFTER_LABEL) {
                if (leaves >= n)
                    return fail(c, "parser: more leaves than the %zu tokens", n);
                if (!leaf_matches(p, len, forms[leaves]))
                    return fail(c, "parser: leaf %zu is '%.*s', token '%.40s'", leaves,
                                (int)(len > 60 ? 60 : len), p, forms[leaves]);
                leaves++;
                state = AFTER_WORD;
            } else {
                return fail(c, "parser: unexpected word at %ld", (long)(p - tree));
            }
            p += len;
        }
    }
    if (depth != 0)
        return fail(c, "parser: %ld unclosed '('", depth);
    if (leaves != n)
        return fail(c, "parser: %zu leaves for %zu tokens", leaves, n);
    return NULL;
}

/* The same parse handed over as nodes (as the coding engine does) must
 * code to the same events as its bracketing. ev/n: the bracketing's events;
 * they are copied before the coder runs again. */
static const char *check_nodes(fz_ctx *c, tac_sentence_input *in, const tac_event *ev,
                               size_t n)
{
    enum { KEEP = 64 };
    char want[KEEP][48];
    size_t n_want = n < KEEP ? n : KEEP;
    for (size_t i = 0; i < n_want; i++)
        snprintf(want[i], sizeof want[i], "%.12s %.12s %.8s", ev[i].source, ev[i].target,
                 ev[i].cameo);
    tac_arena a;
    tac_arena_init(&a, 1 << 14);
    const tac_tree_node *nodes;
    size_t n_nodes = 0;
    tac_error err;
    tac_error_clear(&err);
    const char *bad = NULL;
    tac_status st = tac_parser_export(c->parser, &a, &nodes, &n_nodes, &err);
    if (st != TAC_OK) {
        bad = st == TAC_ENOMEM ? NULL : fail(c, "tac_parser_export: %s", err.msg);
    } else {
        in->nodes = nodes;
        in->n_nodes = n_nodes;
        size_t got = 0;
        st = tac_coder_code_parse(c->coder, in, &ev, &got, NULL, &err);
        if (st == TAC_EPARSE)
            bad = fail(c, "the coder rejects the parser's nodes: %s", err.msg);
        else if (st == TAC_OK && got != n)
            bad = fail(c, "%zu events from the nodes, %zu from the bracketing", got, n);
        for (size_t i = 0; !bad && st == TAC_OK && i < n_want; i++) {
            char have[48];
            snprintf(have, sizeof have, "%.12s %.12s %.8s", ev[i].source, ev[i].target,
                     ev[i].cameo);
            if (strcmp(have, want[i]) != 0)
                bad = fail(c, "event %zu: '%s' from the nodes, '%s' from the bracketing", i,
                           have, want[i]);
        }
    }
    in->nodes = NULL;
    in->n_nodes = 0;
    tac_arena_free(&a);
    return bad;
}

const char *fz_parser(fz_ctx *c, const uint8_t *data, size_t size)
{
    enum { MAX_TOKENS = 2048 };
    char *s = cstring(data, size);
    char **forms = malloc(MAX_TOKENS * sizeof *forms);
    const char **tags = malloc(MAX_TOKENS * sizeof *tags);
    if (!s || !forms || !tags) {
        free(s), free(forms), free(tags);
        return NULL;
    }
    /* one token per line; a trailing newline does not make another */
    size_t n = 0;
    for (char *line = s; size && n < MAX_TOKENS && line < s + size;) {
        char *nl = memchr(line, '\n', (size_t)(s + size - line));
        if (nl)
            *nl = '\0';
        char *tab = strchr(line, '\t');
        if (tab)
            *tab = '\0';
        forms[n] = line;
        tags[n] = tab ? tab + 1 : NULL;
        n++;
        if (!nl)
            break;
        line = nl + 1;
    }
    const char *tree = NULL;
    tac_error err;
    tac_error_clear(&err);
    tac_status st = tac_parse_tokens(c->parser, (const char *const *)forms, tags, n, &tree, &err);
    const char *bad = check_error(c, "tac_parse_tokens", st, &err);
    if (!bad && st != TAC_OK && st != TAC_ENOMEM)
        bad = fail(c, "tac_parse_tokens: status %s on %zu tokens: %s", tac_status_name(st), n,
                   err.msg);
    if (!bad && st == TAC_OK) {
        if (!tree)
            bad = fail(c, "tac_parse_tokens: TAC_OK without a tree");
        else
            bad = check_tree(c, tree, forms, n);
    }
    /* n == 0 gives "(ROOT (S))", which the coder rejects as an empty node
     * (nothing to code); any other tree the coder must read. */
    if (!bad && st == TAC_OK && n == 0 && strcmp(tree, "(ROOT (S))") != 0)
        bad = fail(c, "parser: '%.80s' for no tokens", tree);
    if (!bad && st == TAC_OK && n > 0) {
        tac_sentence_input in = {.parse = tree, .date = FZ_DATE, .doc_id = "fzdoc", .sentence = 0, .text = NULL};
        const tac_event *ev;
        size_t nev;
        st = tac_coder_code_parse(c->coder, &in, &ev, &nev, NULL, &err);
        if (st == TAC_EPARSE)
            bad = fail(c, "the coder rejects the parser's tree: %s", err.msg);
        else
            bad = check_error(c, "tac_coder_code_parse", st, &err);
        if (!bad && st == TAC_OK)
            bad = check_nodes(c, &in, ev, nev);
    }
    free(s), free(forms), free(tags);
    return bad;
}

/* ---- the table ---------------------------------------------------------- */

static const char *const SEEDS_TEXT[] = {
    "HANOI, Vietnam (AP) \xe2\x80\x94 Japan\xe2\x80\x99s foreign minister arrived in Vietnam "
    "on Monday. \xe2\x80\x9cWe welcome him,\xe2\x80\x9d said Mr. Nguyen of the U.S.-led group.",
    "WARSAW, Poland, March 12 (AP) -- Poland lodged a formal protest with Belarus. The U.S. "
    "didn't comment (yet). Talks cost $1.2 billion, i.e. 40 % more\xe2\x80\xa6 see "
    "http://example.org/a_b.",
    "Headline In Title Case\n\nBRUSSELS \xe2\x80\x93 The EU can't agree.\xe2\x80\xa8New line"
    "\xc2\xa0here? Yes!! \"Quoted\" text 'single' ok.",
    "Caf\x65\xcc\x81 na\xc3\xafve \xe4\xb8\xad\xe5\x9b\xbd\xe3\x80\x82 Bad \xff\xfe bytes "
    "\xed\xa0\x80 and \xf4\x90\x80\x80 end.",
    NULL,
};
static const char *const FILES_TEXT[] = {"examples/visit.txt", "examples/protest.txt", NULL};

static const char *const SEEDS_READER_TEXT[] = {
    "SEOUL, South Korea (AP) \xe2\x80\x94 North Korea fired a missile on Monday.\n\n"
    "Officials said more tests were likely.\n",
    "Just a body without a dateline.\r\nSecond line.\r\n",
    NULL,
};
static const char *const FILES_READER_TEXT[] = {
    "examples/visit.txt", "examples/sanctions.txt", "examples/talks.txt",
    "examples/protest.txt", NULL};

static const char *const SEEDS_JSONL[] = {
    "{\"id\": \"a1\", \"date\": \"2024-03-11\", \"title\": \"T\", \"source\": \"s\", "
    "\"url\": \"http://x\", \"text\": \"BEIJING \\u2014 China and Japan met.\\nThey "
    "talked.\"}\n{\"id\": \"a2\", \"date\": \"20240312\", \"text\": \"Second \\ud83d\\ude00 "
    "story.\"}\n",
    "{\"id\": \"b_3\", \"text\": \"no date\"}\n\n{\"text\": \"no id\", \"date\": null}\n"
    "not json\n{\"id\": 5, \"text\": [1]}\n{\"id\": \"c\", \"text\": \"ok\", \"parse\": "
    "\"(ROOT (S (NP (NNP Japan)) (VP (VBD visited) (NP (NNP Vietnam)))))\"}\n",
    NULL,
};
static const char *const FILES_JSONL[] = {"examples/articles.jsonl", NULL};

static const char *const SEEDS_XML[] = {
    "<?xml version=\"1.0\"?>\n<Validation>\n<Environment>\n<Verbfile>v.txt</Verbfile>\n"
    "<Actorfile>a.txt</Actorfile>\n<Config option=\"require_dyad\" value=\"false\"/>\n"
    "</Environment>\n<Sentences>\n<Config option=\"new_actor_length\" value=\"4\"/>\n"
    "<Sentence date=\"20240311\" id=\"V_1\" category=\"DEMO\" sentence=\"true\">\n"
    "<EventCoding sourcecode=\"JPN\" targetcode=\"VNM\" eventcode=\"042\"/>\n"
    "<EventCoding noevents=\"True\"/>\n<EventCoding error=\"dateline\"/>\n"
    "<Text>Japan &amp; Vietnam &lt;met&gt; &#x4e2d; &#20013; &quot;ok&apos;</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Japan)) (VP (VBD visited) (NP (NNP Vietnam))) (. .)))</Parse>\n"
    "</Sentence>\n<Sentence date=\"2024-03-12\" id=\"V_2\">\n<Text><![CDATA[A <b>raw</b> "
    "text]]></Text>\n</Sentence>\n</Sentences>\n</Validation>\n",
    "<Articles><Article id=\"A1\" date=\"20240101\" source=\"wire\"><Title>A title</Title>"
    "<Text>PARIS \xe2\x80\x94 France spoke.</Text></Article><Article id=\"A2\"></Article>"
    "</Articles>",
    NULL,
};
static const char *const FILES_XML[] = {"examples/sentences.xml", NULL};

static const char *const SEEDS_PTB[] = {
    "(ROOT (S (NP (NNP Japan)) (VP (VBD visited) (NP (NNP Vietnam))) (. .)))\n"
    "\n(ROOT (S (NP (NNP Kenya)) (VP (VBD offered) (NP (-LRB- -LRB-) (NN help) (-RRB- "
    "-RRB-))) (. .)))\n(S (NP x)\n((S (NN a)))\n",
    NULL,
};
static const char *const FILES_PTB[] = {"examples/sentences.ptb", NULL};

static const char *const SEEDS_CODER[] = {
    "(ROOT (S (NP (NP (NNP Japan) (POS 's)) (JJ foreign) (NN minister)) (VP (VBD arrived) "
    "(PP (IN in) (NP (NNP Vietnam))) (PP (IN on) (NP (NNP Monday)))) (. .)))",
    "19970101\n(ROOT (S (NP (NNP Smeagol) (, ,) (NP (DT the) (NN leader)) (, ,)) (VP (VBD "
    "met) (PP (IN with) (NP (NNP Japan) (CC and) (NNP Vietnam)))) (. .)))",
    "(ROOT (S (NP (NNP Poland)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Belarus) (NN "
    "army)) (VP (VBD attacked) (NP (NNP Poland)) (PP (IN with) (NP (NNS troops))))))) (. .)))",
    "(ROOT (S (NP (NNP Kenya)) (VP (VBD did) (RB not) (VP (VB offer) (S (VP (TO to) (VP (VB "
    "mediate) (PP (IN between) (NP (NNP Ethiopia) (CC and) (NNP Somalia)))))))) (. .)))",
    "(ROOT (S (NP (DT The) (NNP European) (NNP Union)) (VP (VBD imposed) (NP (JJ new) (NNS "
    "sanctions)) (PP (IN on) (NP (NNP Belarus))) (PP (IN over) (NP (JJ nuclear) (NNS "
    "weapons)))) (. .)))",
    "(ROOT (FRAG (NP (NN football) (NN match)) (: :) (NP (NNP Japan) (CD 2) (, ,) (NNP "
    "Vietnam) (CD 1))))",
    NULL,
};

static const char *const SEEDS_DICT_VERBS[] = {BASE_VERBS, NULL};
static const char *const SEEDS_DICT_ACTORS[] = {BASE_ACTORS, NULL};
static const char *const SEEDS_DICT_AGENTS[] = {BASE_AGENTS, NULL};
static const char *const SEEDS_DICT_DISCARDS[] = {BASE_DISCARDS, NULL};
static const char *const SEEDS_DICT_ISSUES[] = {BASE_ISSUES, NULL};
static const char *const FILES_DICT_DISCARDS[] = {"data/discards.txt", NULL};
static const char *const FILES_DICT_ISSUES[] = {"data/issues.txt", NULL};

static const char *const SEEDS_JSON[] = {
    "{\"a\": [1, -2.5e+3, 0, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\"], "
    "\"b\": {\"c\": {}, \"d\": []}, \"a\": \"dup\"}",
    "\xef\xbb\xbf [ \"\\\"\\\\\\/\\b\\f\\n\\r\\t\", 1e400, -0.0, \"\\ud800\", {\"\": 1}] ",
    "[[[[[[[[[[1]]]]]]]]]]",
    "\"\\u0000key\"",
    NULL,
};

static const char *const SEEDS_GAZ[] = {
    "name\talt_names\tkind\tcountry\tlat\tlon\n"
    "# comment\n"
    "Vietnam\tViet Nam\tcountry\tVNM\t16.0\t107.8\n"
    "Hanoi\tHa Noi|HANOI\tcapital\tVNM\t21.03\t105.85\n"
    "Democratic People's Republic of Korea\tNorth Korea|DPRK\tcountry\tPRK\t40\t127\n"
    "Rio de Janeiro\t\tcity\tBRA\t-22.9\t-43.2\n"
    "Crimea\t\tregion\tUKR\t45.3\t34.4\n"
    "Bad Row\tx\tplanet\tXXX\t100\t0\n"
    "Short\trow\n",
    NULL,
};
static const char *const FILES_GAZ[] = {"data/gazetteer.tsv", NULL};

static const char *const SEEDS_PARSER[] = {
    "Japan\tNNP\n's\tPOS\nforeign\tJJ\nminister\tNN\narrived\tVBD\nin\tIN\nVietnam\tNNP\n"
    "on\tIN\nMonday\tNNP\n.\t.\n",
    "The\tDT\nEU\tNNP\n,\t,\nwhich\tWDT\nmet\tVBD\n(\t-LRB-\nin\tIN\nBrussels\tNNP\n)\t-RRB-"
    "\n,\t,\nsaid\tVBD\n``\t``\nno\tDT\n''\t''\nand\tCC\nwill\tMD\nnot\tRB\nsign\tVB\n.\t.",
    "odd form\tNN\n\tVB\nno-tag\n(\t(\n)\t)\nx\t\n",
    "",
    NULL,
};

static const char *const NO_FILES[] = {NULL};

const fz_target fz_targets[] = {
    {"reader_text", fz_reader_text, SEEDS_READER_TEXT, FILES_READER_TEXT},
    {"reader_jsonl", fz_reader_jsonl, SEEDS_JSONL, FILES_JSONL},
    {"reader_xml", fz_reader_xml, SEEDS_XML, FILES_XML},
    {"reader_ptb", fz_reader_ptb, SEEDS_PTB, FILES_PTB},
    {"text", fz_text, SEEDS_TEXT, FILES_TEXT},
    {"coder", fz_coder, SEEDS_CODER, NO_FILES},
    {"dict_verbs", fz_dict_verbs, SEEDS_DICT_VERBS, NO_FILES},
    {"dict_actors", fz_dict_actors, SEEDS_DICT_ACTORS, NO_FILES},
    {"dict_agents", fz_dict_agents, SEEDS_DICT_AGENTS, NO_FILES},
    {"dict_discards", fz_dict_discards, SEEDS_DICT_DISCARDS, FILES_DICT_DISCARDS},
    {"dict_issues", fz_dict_issues, SEEDS_DICT_ISSUES, FILES_DICT_ISSUES},
    {"json", fz_json, SEEDS_JSON, NO_FILES},
    {"gazetteer", fz_gazetteer, SEEDS_GAZ, FILES_GAZ},
    {"parser", fz_parser, SEEDS_PARSER, NO_FILES},
};
const size_t fz_n_targets = sizeof fz_targets / sizeof fz_targets[0];

const fz_target *fz_find_target(const char *name)
{
    for (size_t i = 0; i < fz_n_targets; i++)
        if (strcmp(fz_targets[i].name, name) == 0)
            return &fz_targets[i];
    return NULL;
}

int fz_write_seeds(const fz_target *t, const char *source_dir, const char *dir)
{
    int written = 0;
    char path[4096];
    for (size_t i = 0; t->seeds && t->seeds[i]; i++) {
        snprintf(path, sizeof path, "%s/seed-%d", dir, written);
        if (write_file(path, t->seeds[i], strlen(t->seeds[i])))
            written++;
    }
    for (size_t i = 0; source_dir && t->seed_files && t->seed_files[i]; i++) {
        char *data;
        size_t len;
        snprintf(path, sizeof path, "%s/%s", source_dir, t->seed_files[i]);
        if (tac_read_file(path, &data, &len, NULL) != TAC_OK)
            continue;
        snprintf(path, sizeof path, "%s/seed-%d", dir, written);
        if (write_file(path, data, len))
            written++;
        free(data);
    }
    return written;
}
