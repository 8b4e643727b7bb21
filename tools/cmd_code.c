/* tacitus code: records in, events out (jsonl, tsv or text). Parsed input
 * (XML <Parse>, PTB trees) goes straight to the coder. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util/util.h"

typedef struct code_run {
    tac_engine_config engine;
    tac_output_format format;
} code_run;

static void *code_worker_new(void *ud, tac_error *err)
{
    code_run *run = ud;
    return tac_engine_new(&run->engine, err);
}

static void code_worker_free(void *ud, void *state)
{
    (void)ud;
    tac_engine_free(state);
}

static tac_status code_record(void *ud, void *state, const tac_record *rec, tac_arena *arena,
                              tac_buf *out, void **result, tac_counts *counts, tac_error *err)
{
    (void)arena;
    (void)result;
    const code_run *run = ud;
    const tac_event *events;
    size_t n = 0;
    tac_engine_stats stats = {0};
    tac_status st = tac_engine_code(state, rec, &events, &n, &stats, err);
    counts->sentences += stats.sentences;
    if (st == TAC_EPARSE || st == TAC_EINVAL)
        return TAC_SKIPPED;
    if (st != TAC_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        st = tac_write_event(run->format, &events[i], out);
        if (st != TAC_OK)
            return tac_fail(err, st, "cannot write event");
    }
    counts->events += (long)n;
    return TAC_OK;
}

/* ---- dictionaries ---------------------------------------------------- */

typedef struct dict_args {
    tac_dict_paths paths;
    bool           any;
    tac_buf        actor_list;   /* default actor files, comma-separated */
} dict_args;

static void add_actor_files(tac_buf *list, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    /* Name order, so that loading (and so duplicate handling) is stable. */
    char *names[512];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512) {
        if (strstr(e->d_name, "actors") && tac_str_has_suffix(e->d_name, ".txt"))
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        if (list->len)
            tac_buf_putc(list, ',');
        tac_buf_printf(list, "%s/%s", dir, names[i]);
        free(names[i]);
    }
}

/* Our own dictionaries: data/ plus what the build generated (countries
 * from iso-codes) in <build>/data. */
static void default_dicts(dict_args *da)
{
    static char verbs[4096], agents[4096], discards[4096], issues[4096], gen[4096];
    const char *data = tac_data_dir();
    snprintf(verbs, sizeof verbs, "%s/verbs.txt", data);
    snprintf(agents, sizeof agents, "%s/agents.txt", data);
    snprintf(discards, sizeof discards, "%s/discards.txt", data);
    snprintf(issues, sizeof issues, "%s/issues.txt", data);
    snprintf(gen, sizeof gen, "%s/data", tac_build_dir());
    add_actor_files(&da->actor_list, data);
    add_actor_files(&da->actor_list, gen);
    /* Optional kinds may be absent from a trimmed data/; verbs may not, and
     * the loader says so. */
    da->paths.verbs = verbs;
    da->paths.agents = access(agents, R_OK) == 0 ? agents : NULL;
    da->paths.discards = access(discards, R_OK) == 0 ? discards : NULL;
    da->paths.issues = access(issues, R_OK) == 0 ? issues : NULL;
    da->paths.actors = da->actor_list.data;
}

/* 1 consumed, 0 not ours, -1 error. */
static int dict_option(dict_args *da, int argc, char **argv, int *i)
{
    static const struct { const char *name; size_t off; } opts[] = {
        {"--dict", offsetof(tac_dict_paths, dir)},
        {"--verbs", offsetof(tac_dict_paths, verbs)},
        {"--actors", offsetof(tac_dict_paths, actors)},
        {"--agents", offsetof(tac_dict_paths, agents)},
        {"--discards", offsetof(tac_dict_paths, discards)},
        {"--issues", offsetof(tac_dict_paths, issues)},
    };
    for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
        size_t len = strlen(opts[k].name);
        if (strncmp(argv[*i], opts[k].name, len) || (argv[*i][len] && argv[*i][len] != '='))
            continue;
        const char *v = cli_option_value(argc, argv, i, opts[k].name);
        if (!v)
            return -1;
        *(const char **)((char *)&da->paths + opts[k].off) = v;
        da->any = true;
        return 1;
    }
    return 0;
}

/* Dictionary problems are listed one by one with --verbose (and always by
 * `tacitus dict check`); otherwise a run reports how many were skipped. */
static void count_only(void *ud, tac_severity sev, const char *where, const char *msg)
{
    (void)where;
    (void)msg;
    cli_diag_state *st = ud;
    if (sev == TAC_ERROR)
        st->errors++;
    else
        st->warnings++;
}

static tac_dicts *load_dicts(dict_args *da, cli_diag_state *diag_state, bool verbose)
{
    if (!da->any)
        default_dicts(da);
    tac_diag diag = {verbose ? cli_diag : count_only, diag_state};
    tac_error err = {0};
    double t0 = tac_now();
    tac_dicts *d = tac_dicts_load(&da->paths, &diag, &err);
    if (!d) {
        cli_error("dictionaries: %s", err.msg);
        return NULL;
    }
    if (!diag_state->quiet_warnings) {
        tac_dict_counts c;
        tac_dicts_counts(d, &c);
        fprintf(stderr,
                "tacitus: dictionaries: %zu verbs, %zu patterns, %zu actors, %zu agents, "
                "%zu skipped entries%s (%.2f s)\n",
                c.verbs, c.patterns, c.actors, c.agents, c.skipped,
                c.skipped && !verbose ? " (--verbose or 'tacitus dict check' lists them)" : "",
                tac_now() - t0);
    }
    return d;
}

/* The tagger is needed only for raw text; without its model, parsed input
 * still codes and raw records are reported one by one. */
static bool load_tagger(tac_tagger **out)
{
    tac_error err = {0};
    *out = tac_tagger_load(NULL, &err);
    if (!*out)
        fprintf(stderr, "tacitus: warning: no tagger (%s): only parsed input can be coded\n",
                err.msg);
    return true;
}

/* ---- command --------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr,
        "usage: tacitus code [OPTIONS] [FILE...]\n"
        "Codes records into events. Without dictionary options, Tacitus's own\n"
        "dictionaries in data/ are used.\n"
        "  --dict DIR              PETRARCH dictionary set (CAMEO*.txt/*.verbs*, *.actors*, ...)\n"
        "  --verbs F --actors F[,F...] --agents F --discards F --issues F\n"
        "  --format jsonl|tsv|text output format (default jsonl); --header for tsv\n"
        "  --no-require-dyad       also emit events lacking a source or target\n"
        "  --verbose               list every skipped dictionary entry\n"
        "  --from-text             ignore given parses; use the raw-text front end\n"
        "  --input text|jsonl|xml|ptb  --date YYYY-MM-DD  -j N  --output FILE  --quiet\n");
}

int cmd_code(int argc, char **argv)
{
    cli_input in;
    cli_input_init(&in);
    dict_args da = {0};
    tac_buf_init(&da.actor_list);
    code_run run = {.format = TAC_OUTPUT_JSONL};
    tac_coder_options_default(&run.engine.coder);
    bool header = false, verbose = false;
    int status = CLI_FATAL;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            status = CLI_OK;
            goto done;
        }
        if (!strcmp(argv[i], "--header")) {
            header = true;
        } else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
            verbose = true;
        } else if (!strcmp(argv[i], "--from-text")) {
            run.engine.from_text = true;
        } else if (!strcmp(argv[i], "--no-require-dyad")) {
            run.engine.coder.require_dyad = false;
        } else if (!strcmp(argv[i], "--require-dyad")) {
            run.engine.coder.require_dyad = true;
        } else if (!strncmp(argv[i], "--format", 8) &&
                   (v = cli_option_value(argc, argv, &i, "--format"))) {
            if (!tac_output_format_parse(v, &run.format)) {
                cli_error("unknown output format '%s' (jsonl, tsv, text)", v);
                goto done;
            }
        } else if ((r = dict_option(&da, argc, argv, &i)) != 0) {
            if (r < 0)
                goto done;
        } else if ((r = cli_input_option(&in, argc, argv, &i)) != 0) {
            if (r < 0)
                goto done;
        } else {
            cli_error("code: unknown option '%s'", argv[i]);
            usage();
            goto done;
        }
    }
    cli_diag_state diag_state = {.quiet_warnings = in.quiet};
    tac_dicts *dicts = load_dicts(&da, &diag_state, verbose);
    if (!dicts)
        goto done;
    run.engine.dicts = dicts;
    tac_tagger *tagger = NULL;
    if (!load_tagger(&tagger))
        goto done_dicts;
    run.engine.tagger = tagger;
    if (header) {
        tac_buf h;
        tac_buf_init(&h);
        tac_write_header(run.format, &h);
        fwrite(h.data ? h.data : "", 1, h.len, stdout);
        tac_buf_free(&h);
    }
    tac_pipeline_work work = {
        .worker_new = code_worker_new,
        .worker_free = code_worker_free,
        .process = code_record,
        .ud = &run,
    };
    status = cli_run(&in, &work);
    tac_tagger_free(tagger);
done_dicts:
    tac_dicts_free(dicts);
done:
    tac_buf_free(&da.actor_list);
    return status;
}
