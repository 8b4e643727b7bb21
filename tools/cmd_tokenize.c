/* tacitus tokenize: one sentence per line, as tokens with byte offsets into
 * the record's text. A debugging view of the text stage. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct tokenize_opts {
    bool forms_only;   /* --forms: tokens without offsets */
} tokenize_opts;

static void *tokenize_worker_new(void *ud, tac_error *err)
{
    (void)ud;
    tac_text_ctx *ctx = tac_text_ctx_new();
    if (!ctx)
        tac_fail(err, TAC_ENOMEM, "out of memory");
    return ctx;
}

static void tokenize_worker_free(void *ud, void *state)
{
    (void)ud;
    tac_text_ctx_free(state);
}

static void put_sentence(tac_buf *out, const tac_record *rec, const tac_sentence *s, int index,
                         bool forms_only)
{
    tac_buf_puts(out, rec->id);
    if (s->kind == TAC_SENT_DATELINE)
        tac_buf_puts(out, "\tdateline\t");
    else if (s->kind == TAC_SENT_HEADLINE)
        tac_buf_puts(out, "\theadline\t");
    else
        tac_buf_printf(out, "\t%d\t", index);
    for (uint32_t t = 0; t < s->n_tokens; t++) {
        const tac_token *tok = &s->tokens[t];
        if (t)
            tac_buf_putc(out, ' ');
        tac_buf_puts(out, tok->form);
        if (!forms_only)
            tac_buf_printf(out, "@%u:%u", (unsigned)tok->start, (unsigned)tok->end);
    }
    tac_buf_putc(out, '\n');
}

static tac_status tokenize_record(void *ud, void *state, const tac_record *rec, tac_arena *arena,
                                  tac_buf *out, void **result, tac_counts *counts,
                                  tac_error *err)
{
    (void)arena;
    (void)result;
    const tokenize_opts *opts = ud;
    const tac_text *text;
    size_t dateline_end = rec->dateline ? rec->body_offset : 0;
    tac_status st = tac_text_analyze(state, rec->text, rec->text_len, dateline_end, &text, err);
    if (st != TAC_OK)
        return st == TAC_ENOMEM ? st : TAC_SKIPPED;
    int index = rec->sentence_index > 0 ? rec->sentence_index : 1;
    for (uint32_t i = 0; i < text->n_sentences; i++) {
        const tac_sentence *s = &text->sentences[i];
        put_sentence(out, rec, s, index, opts->forms_only);
        if (s->kind == TAC_SENT_BODY) {
            index++;
            counts->sentences++;
        }
    }
    return TAC_OK;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: tacitus tokenize [--forms] [--input FORMAT] [--date YYYY-MM-DD] [-j N]\n"
            "                        [--output FILE] [--quiet] [FILE...]\n"
            "Prints one sentence per line: RECORD-ID, sentence number (or 'dateline',\n"
            "'headline'), then tokens as FORM@START:END (byte offsets into the text).\n");
}

int cmd_tokenize(int argc, char **argv)
{
    cli_input in;
    cli_input_init(&in);
    tokenize_opts opts = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            return CLI_OK;
        }
        if (!strcmp(argv[i], "--forms")) {
            opts.forms_only = true;
            continue;
        }
        int r = cli_input_option(&in, argc, argv, &i);
        if (r < 0)
            return CLI_FATAL;
        if (r == 0) {
            cli_error("tokenize: unknown option '%s'", argv[i]);
            usage();
            return CLI_FATAL;
        }
    }
    tac_pipeline_work work = {
        .worker_new = tokenize_worker_new,
        .worker_free = tokenize_worker_free,
        .process = tokenize_record,
        .ud = &opts,
    };
    return cli_run(&in, &work);
}
