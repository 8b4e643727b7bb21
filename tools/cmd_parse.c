/* tacitus parse [FILE...]: raw text -> sentences -> tags -> shallow parse;
 * prints one Penn Treebank tree per sentence, one per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct parse_run {
    tac_tagger *tagger;     /* shared, immutable */
    bool        ids;
    bool        all;
} parse_run;

static void usage(void)
{
    fprintf(stderr,
            "usage: tacitus parse [OPTIONS] [FILE...]\n"
            "  Splits, tokenizes and tags the text of every record and prints one\n"
            "  Penn Treebank parse per body sentence, one per line.\n"
            "  --ids               prefix each tree with RECORD_ID:SENTENCE and a tab\n"
            "  --all               also parse dateline and headline sentences\n"
            "  --model PATH        tagger model (default $TACITUS_TAGGER_MODEL or the\n"
            "                      one built with tacitus)\n"
            "  --input FORMAT      text, jsonl, xml, ptb or auto (default auto)\n"
            "  --date YYYY-MM-DD  -j N  --output FILE  --quiet\n");
}

static void *worker_new(void *ud, tac_error *err)
{
    const parse_run *run = ud;
    return tac_frontend_new(run->tagger, err);
}

static void worker_free(void *ud, void *state)
{
    (void)ud;
    tac_frontend_free(state);
}

static tac_status process(void *ud, void *state, const tac_record *rec, tac_arena *arena,
                          tac_buf *out, void **result, tac_counts *counts, tac_error *err)
{
    (void)arena;
    (void)result;
    const parse_run *run = ud;
    counts->records++;
    if (!rec->text || rec->text_len == 0)
        return TAC_OK;
    size_t dateline_end = rec->dateline ? rec->body_offset : 0;
    const tac_parsed_sentence *ps;
    size_t n = 0;
    tac_error perr;
    tac_status st = tac_frontend_parse(state, rec->text, rec->text_len, dateline_end,
                                       run->all, &ps, &n, &perr);
    if (st == TAC_ENOMEM)
        return tac_fail(err, st, "%s: %s", rec->id, perr.msg);
    if (st != TAC_OK)
        return tac_fail(err, TAC_SKIPPED, "%s: %s", rec->id, perr.msg);
    for (size_t i = 0; i < n; i++) {
        bool ok = !run->ids || tac_buf_printf(out, "%s:%d\t", rec->id, ps[i].index);
        if (!ok || !tac_buf_puts(out, ps[i].tree) || !tac_buf_putc(out, '\n'))
            return tac_fail(err, TAC_ENOMEM, "%s: out of memory", rec->id);
        counts->sentences++;
    }
    return TAC_OK;
}

int cmd_parse(int argc, char **argv)
{
    parse_run run = {0};
    cli_input in;
    cli_input_init(&in);
    const char *model = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            return CLI_OK;
        } else if (!strcmp(argv[i], "--ids")) {
            run.ids = true;
        } else if (!strcmp(argv[i], "--all")) {
            run.all = true;
        } else if (!strncmp(argv[i], "--model", 7) &&
                   (v = cli_option_value(argc, argv, &i, "--model"))) {
            model = v;
        } else if ((r = cli_input_option(&in, argc, argv, &i)) != 0) {
            if (r < 0)
                return CLI_FATAL;
        } else {
            cli_error("parse: unknown option '%s'", argv[i]);
            usage();
            return CLI_FATAL;
        }
    }
    tac_error err;
    run.tagger = tac_tagger_load(model, &err);
    if (!run.tagger) {
        cli_error("%s", err.msg);
        return CLI_FATAL;
    }
    tac_pipeline_work work = {worker_new, worker_free, process, NULL, &run};
    int rc = cli_run(&in, &work);
    tac_tagger_free(run.tagger);
    return rc;
}
