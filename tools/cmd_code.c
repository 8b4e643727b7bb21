/* tacitus code: records in, events out (jsonl, tsv or text). Parsed input
 * (XML <Parse>, PTB trees) goes straight to the coder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dictopts.h"
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

/* ---- tagger -------------------------------------------------------- */

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
        CLI_DICT_HELP
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
    cli_dict_args da;
    cli_dict_args_init(&da);
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
        } else if ((r = cli_dict_option(&da, argc, argv, &i)) != 0) {
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
    tac_dicts *dicts = cli_load_dicts(&da, &diag_state, verbose);
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
    cli_dict_args_free(&da);
    return status;
}
