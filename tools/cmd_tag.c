/* tacitus tag [FILE...]: reads records, splits and tokenizes them, and
 * prints every sentence on one line as word/TAG (word/TAG/lemma with
 * --lemmas). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct tag_run {
    tac_tagger     *tagger;      /* shared, immutable */
    tac_lemmatizer *lemmas;      /* NULL without --lemmas */
    bool            ids;
} tag_run;

typedef struct tag_worker {
    tac_text_ctx *text;
    tac_arena     scratch;
} tag_worker;

static void usage(void)
{
    fprintf(stderr,
            "usage: tacitus tag [OPTIONS] [FILE...]\n"
            "  Tags every sentence of the input records with Penn Treebank tags and\n"
            "  prints one sentence per line as word/TAG.\n"
            "  --lemmas            print word/TAG/lemma\n"
            "  --ids               prefix each line with RECORD_ID:SENTENCE and a tab\n"
            "  --input FORMAT      text, jsonl, xml, ptb or auto (default auto)\n"
            "  --date YYYY-MM-DD   date of records that have none\n"
            "  -j N                worker threads (default 1)\n"
            "  --model PATH        tagger model (default $TACITUS_TAGGER_MODEL or the\n"
            "                      one built with tacitus)\n"
            "  --lemma-model PATH  lemmatizer model (default $TACITUS_LEMMA_MODEL or\n"
            "                      the one built with tacitus)\n"
            "  --quiet             no warnings about skipped records\n");
}

static void *worker_new(void *ud, tac_error *err)
{
    (void)ud;
    tag_worker *w = calloc(1, sizeof *w);
    if (!w || !(w->text = tac_text_ctx_new())) {
        free(w);
        tac_fail(err, TAC_ENOMEM, "out of memory");
        return NULL;
    }
    tac_arena_init(&w->scratch, 0);
    return w;
}

static void worker_free(void *ud, void *state)
{
    (void)ud;
    tag_worker *w = state;
    if (!w)
        return;
    tac_text_ctx_free(w->text);
    tac_arena_free(&w->scratch);
    free(w);
}

static bool print_sentence(const tag_run *run, tag_worker *w, const tac_record *rec,
                           uint32_t index, const tac_sentence *s, tac_buf *out,
                           tac_error *err)
{
    tac_arena_reset(&w->scratch);
    const char **tags = tac_arena_alloc(&w->scratch, (s->n_tokens + 1) * sizeof *tags);
    if (!tags) {
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", rec->id);
        return false;
    }
    if (tac_tag_sentence(run->tagger, s, tags, &w->scratch, err) != TAC_OK)
        return false;
    bool ok = true;
    if (run->ids)
        ok = tac_buf_printf(out, "%s:%u\t", rec->id, index);
    for (uint32_t i = 0; ok && i < s->n_tokens; i++) {
        const char *form = s->tokens[i].form;
        ok = tac_buf_printf(out, "%s%s/%s", i ? " " : "", form, tags[i]);
        if (ok && run->lemmas) {
            const char *lemma = tac_lemma(run->lemmas, form, tags[i], &w->scratch);
            ok = lemma && tac_buf_printf(out, "/%s", lemma);
        }
    }
    if (!ok || !tac_buf_putc(out, '\n')) {
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", rec->id);
        return false;
    }
    return true;
}

static tac_status process(void *ud, void *state, const tac_record *rec, tac_arena *arena,
                          tac_buf *out, void **result, tac_counts *counts, tac_error *err)
{
    (void)arena;
    (void)result;
    const tag_run *run = ud;
    tag_worker *w = state;
    if (!rec->text || rec->text_len == 0)
        return TAC_OK;
    const tac_text *text;
    tac_error terr;
    size_t dateline_end = rec->dateline ? rec->body_offset : 0;
    if (tac_text_analyze(w->text, rec->text, rec->text_len, dateline_end, &text,
                         &terr) != TAC_OK)
        return tac_fail(err, TAC_SKIPPED, "%s: %s", rec->id, terr.msg);
    for (uint32_t i = 0; i < text->n_sentences; i++) {
        if (!print_sentence(run, w, rec, i, &text->sentences[i], out, err))
            return TAC_ENOMEM;
        counts->sentences++;
    }
    return TAC_OK;
}

int cmd_tag(int argc, char **argv)
{
    tag_run run = {0};
    bool want_lemmas = false;
    const char *model = NULL, *lemma_model = NULL;
    cli_input in;
    cli_input_init(&in);
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            return CLI_OK;
        } else if (!strcmp(argv[i], "--lemmas")) {
            want_lemmas = true;
        } else if (!strcmp(argv[i], "--ids")) {
            run.ids = true;
        } else if (!strncmp(argv[i], "--model", 7) &&
                   (v = cli_option_value(argc, argv, &i, "--model"))) {
            model = v;
        } else if (!strncmp(argv[i], "--lemma-model", 13) &&
                   (v = cli_option_value(argc, argv, &i, "--lemma-model"))) {
            lemma_model = v;
        } else if ((r = cli_input_option(&in, argc, argv, &i)) != 0) {
            if (r < 0)
                return CLI_FATAL;
        } else {
            cli_error("tag: unknown option '%s'", argv[i]);
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
    if (want_lemmas && !(run.lemmas = tac_lemmatizer_load(lemma_model, &err))) {
        cli_error("%s", err.msg);
        tac_tagger_free(run.tagger);
        return CLI_FATAL;
    }
    tac_pipeline_work work = {worker_new, worker_free, process, NULL, &run};
    int status = cli_run(&in, &work);
    tac_tagger_free(run.tagger);
    tac_lemmatizer_free(run.lemmas);
    return status;
}
