/* tacitus validate FILE.xml: codes a PETRARCH validation file with the
 * dictionaries its <Environment> names and compares every record with its
 * <EventCoding> elements. A record passes only when the coded events equal
 * the expected set exactly (nothing missing, nothing extra). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct triple {
    char source[64], target[64], code[16];
} triple;

static void usage(void)
{
    fprintf(stderr,
            "usage: tacitus validate [--quiet] [--from-text] [--min-pass PCT] FILE.xml\n"
            "  Codes each <Sentence> with the dictionaries named in <Environment>\n"
            "  (relative to FILE) and compares with its <EventCoding> elements.\n"
            "  --quiet         print only failures and the summary\n"
            "  --from-text     ignore <Parse>: split, tag and parse the <Text> ourselves\n"
            "  --min-pass PCT  exit 1 if fewer than PCT%% of the records pass\n");
}

/* dir of path + "/" + name for each comma-separated name. */
static char *relative_list(const char *path, const char *names)
{
    if (!names)
        return NULL;
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) : 0;
    size_t cap = strlen(names) * 2 + 64 + dlen * 8;
    char *out = malloc(cap + 1);
    if (!out)
        return NULL;
    out[0] = '\0';
    char *copy = strdup(names);
    if (!copy) {
        free(out);
        return NULL;
    }
    size_t used = 0;
    char *save = NULL;
    for (char *n = strtok_r(copy, ",", &save); n; n = strtok_r(NULL, ",", &save)) {
        while (*n == ' ')
            n++;
        size_t need = dlen + strlen(n) + 3;
        if (used + need >= cap) {
            cap = (used + need) * 2;
            char *grown = realloc(out, cap + 1);
            if (!grown)
                break;
            out = grown;
        }
        used += (size_t)snprintf(out + used, cap - used, "%s%.*s%s%s", used ? "," : "",
                                 (int)dlen, path, dlen ? "/" : "", n);
    }
    free(copy);
    return out;
}

static bool truthy(const char *v)
{
    return v && (tac_str_iequal(v, "true") || tac_str_iequal(v, "yes") || !strcmp(v, "1"));
}

static void apply_config(tac_coder_options *opt, const tac_record *rec)
{
    for (size_t i = 0; i < rec->n_config; i++) {
        const char *o = rec->config[i].option, *v = rec->config[i].value;
        if (tac_str_iequal(o, "require_dyad"))
            opt->require_dyad = truthy(v);
        else if (tac_str_iequal(o, "new_actor_length"))
            opt->new_actor_length = atoi(v ? v : "0");
        else if (tac_str_iequal(o, "comma_min"))
            opt->comma_min = atoi(v ? v : "0");
        else if (tac_str_iequal(o, "comma_max"))
            opt->comma_max = atoi(v ? v : "0");
        else if (tac_str_iequal(o, "comma_bmin"))
            opt->comma_bmin = atoi(v ? v : "0");
        else if (tac_str_iequal(o, "comma_bmax"))
            opt->comma_bmax = atoi(v ? v : "0");
        else if (tac_str_iequal(o, "comma_emin"))
            opt->comma_emin = atoi(v ? v : "0");
        else if (tac_str_iequal(o, "comma_emax"))
            opt->comma_emax = atoi(v ? v : "0");
    }
}

/* Strips the quotes of sourcecode='"INJURY TOLL"'. */
static void copy_code(char *dst, size_t cap, const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s++;
        n -= 2;
    }
    snprintf(dst, cap, "%.*s", (int)n, s);
}

static bool contains(const triple *set, size_t n, const triple *t)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(set[i].source, t->source) && !strcmp(set[i].target, t->target) &&
            !strcmp(set[i].code, t->code))
            return true;
    return false;
}

static size_t add_unique(triple *set, size_t n, size_t cap, const triple *t)
{
    if (n < cap && !contains(set, n, t))
        set[n++] = *t;
    return n;
}

static void print_set(const triple *set, size_t n)
{
    if (!n) {
        printf("(none)");
        return;
    }
    for (size_t i = 0; i < n; i++)
        printf("%s%s %s %s", i ? ", " : "", set[i].source, set[i].target, set[i].code);
}

typedef struct run_state {
    tac_dicts *dicts;
    tac_coder *coder;
    tac_coder_options opt;
    long pass, fail;
    bool quiet;
    tac_tagger   *tagger;     /* --from-text: the raw-text front end */
    tac_frontend *frontend;
} run_state;

static tac_status load_dicts(run_state *st, const char *path, tac_reader *r, tac_diag *diag)
{
    char *verbs = relative_list(path, tac_reader_env(r, "Verbfile"));
    char *actors = relative_list(path, tac_reader_env(r, "Actorfile"));
    char *agents = relative_list(path, tac_reader_env(r, "Agentfile"));
    char *discards = relative_list(path, tac_reader_env(r, "Discardfile"));
    char *issues = relative_list(path, tac_reader_env(r, "Issuefile"));
    tac_dict_paths paths = {NULL, verbs, actors, agents, discards, issues};
    tac_error err;
    tac_error_clear(&err);
    tac_status status = TAC_OK;
    if (!verbs) {
        cli_error("%s: the <Environment> names no <Verbfile>", path);
        status = TAC_EINVAL;
    } else {
        st->dicts = tac_dicts_load(&paths, diag, &err);
        if (!st->dicts) {
            cli_error("%s", err.msg);
            status = err.status;
        } else if (!(st->coder = tac_coder_new(st->dicts, &st->opt, &err))) {
            cli_error("%s", err.msg);
            status = err.status;
        }
    }
    free(verbs);
    free(actors);
    free(agents);
    free(discards);
    free(issues);
    return status;
}

static tac_status code_sentence(run_state *st, const tac_record *rec, const char *parse,
                                const char *text, triple *got, size_t *n_got, tac_error *err)
{
    tac_sentence_input in = {.parse = parse, .date = rec->date, .doc_id = rec->doc_id,
                             .sentence = rec->sentence_index, .text = text};
    const tac_event *ev = NULL;
    size_t n = 0;
    tac_status s = tac_coder_code_parse(st->coder, &in, &ev, &n, NULL, err);
    for (size_t i = 0; s == TAC_OK && i < n; i++) {
        triple t;
        snprintf(t.source, sizeof t.source, "%s", ev[i].source);
        snprintf(t.target, sizeof t.target, "%s", ev[i].target);
        snprintf(t.code, sizeof t.code, "%s", ev[i].cameo);
        *n_got = add_unique(got, *n_got, 128, &t);
    }
    return s;
}

/* The record's events: from its <Parse>, or with --from-text from its text
 * through the front end (every sentence of the text, merged). */
static tac_status code_record(run_state *st, const tac_record *rec, triple *got,
                              size_t *n_got, tac_error *err)
{
    if (!st->frontend)
        return code_sentence(st, rec, rec->parse, rec->text, got, n_got, err);
    const tac_parsed_sentence *ps;
    size_t n = 0;
    tac_status s = tac_frontend_parse(st->frontend, rec->text, rec->text_len, 0, true, &ps, &n,
                                      err);
    for (size_t i = 0; s == TAC_OK && i < n; i++)
        s = code_sentence(st, rec, ps[i].tree, ps[i].text, got, n_got, err);
    return s;
}

static void check_record(run_state *st, const tac_record *rec)
{
    triple want[64], got[128];
    size_t n_want = 0, n_got = 0;
    bool want_error = false, want_parse_error = false;
    for (size_t i = 0; i < rec->n_expected; i++) {
        const tac_expected_event *e = &rec->expected[i];
        if (e->error) {
            want_error = true;
            want_parse_error |= !strcmp(e->error, "bad_input_parse");
            continue;
        }
        if (e->no_event || !e->code)
            continue;
        triple t;
        copy_code(t.source, sizeof t.source, e->source);
        copy_code(t.target, sizeof t.target, e->target);
        copy_code(t.code, sizeof t.code, e->code);
        n_want = add_unique(want, n_want, 64, &t);
    }
    apply_config(&st->opt, rec);
    tac_coder_set_options(st->coder, &st->opt);
    tac_error err;
    tac_error_clear(&err);
    tac_status s = code_record(st, rec, got, &n_got, &err);
    if (s != TAC_OK) {
        if (want_parse_error) {
            st->pass++;
            if (!st->quiet)
                printf("PASS %s\n", rec->id);
        } else {
            st->fail++;
            printf("FAIL %s: %s\n", rec->id, err.msg);
        }
        return;
    }
    bool ok = n_want == n_got;
    for (size_t i = 0; ok && i < n_want; i++)
        ok = contains(got, n_got, &want[i]);
    (void)want_error;
    if (ok) {
        st->pass++;
        if (!st->quiet)
            printf("PASS %s\n", rec->id);
        return;
    }
    st->fail++;
    printf("FAIL %s: expected ", rec->id);
    print_set(want, n_want);
    printf(" got ");
    print_set(got, n_got);
    printf("\n");
}

static bool start_frontend(run_state *st)
{
    tac_error err;
    if (!(st->tagger = tac_tagger_load(NULL, &err)) ||
        !(st->frontend = tac_frontend_new(st->tagger, &err))) {
        cli_error("--from-text: %s", err.msg);
        tac_tagger_free(st->tagger);
        return false;
    }
    return true;
}

static void stop_frontend(run_state *st)
{
    tac_frontend_free(st->frontend);
    tac_tagger_free(st->tagger);
}

int cmd_validate(int argc, char **argv)
{
    run_state st = {0};
    double min_pass = -1;
    const char *path = NULL;
    bool from_text = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
            st.quiet = true;
        } else if (!strcmp(argv[i], "--from-text")) {
            from_text = true;
        } else if (!strcmp(argv[i], "--min-pass") && i + 1 < argc) {
            char *end;
            min_pass = strtod(argv[++i], &end);
            if (*end || min_pass < 0 || min_pass > 100) {
                cli_error("--min-pass wants a percentage, not '%s'", argv[i]);
                return CLI_FATAL;
            }
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            return CLI_OK;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("validate: unknown option '%s'", argv[i]);
            usage();
            return CLI_FATAL;
        } else if (!path) {
            path = argv[i];
        } else {
            usage();
            return CLI_FATAL;
        }
    }
    if (!path) {
        usage();
        return CLI_FATAL;
    }
    if (from_text && !start_frontend(&st))
        return CLI_FATAL;
    cli_diag_state ds = {0};
    tac_diag diag = {cli_diag, &ds};
    tac_reader_options ro = {.format = TAC_FORMAT_XML, .diag = diag};
    tac_error err;
    tac_error_clear(&err);
    tac_reader *r = tac_reader_open(path, &ro, &err);
    if (!r) {
        cli_error("%s", err.msg);
        stop_frontend(&st);
        return CLI_FATAL;
    }
    tac_coder_options_default(&st.opt);
    /* PETRARCH's config.ini defaults, which validation files assume */
    st.opt.comma_min = 2;
    st.opt.comma_max = 8;
    st.opt.comma_emin = 2;
    st.opt.comma_emax = 8;
    int rc = CLI_OK;
    for (;;) {
        tac_record rec;
        tac_status s = tac_reader_next(r, &rec, &err);
        if (s == TAC_END)
            break;
        if (s == TAC_SKIPPED) {
            st.fail++;
            printf("FAIL %s\n", err.msg);
            continue;
        }
        if (s != TAC_OK) {
            cli_error("%s", err.msg);
            rc = CLI_FATAL;
            break;
        }
        if (!st.dicts && load_dicts(&st, path, r, &diag) != TAC_OK) {
            rc = CLI_FATAL;
            break;
        }
        check_record(&st, &rec);
    }
    tac_reader_close(r);
    tac_coder_free(st.coder);
    tac_dicts_free(st.dicts);
    stop_frontend(&st);
    if (rc != CLI_OK)
        return rc;
    long total = st.pass + st.fail;
    double pct = total ? 100.0 * (double)st.pass / (double)total : 0.0;
    printf("records: %ld pass, %ld fail (%.1f%%)\n", st.pass, st.fail, pct);
    if (min_pass >= 0 && pct < min_pass)
        return CLI_SKIPPED;
    return CLI_OK;
}
