/* tacitus export: stored events (optionally filtered) in an exchange
 * format: Phoenix TSV, CSV with a header, JSON lines, or PLOVER-style JSON. */
#include <stdio.h>

#include "cli.h"
#include "store_options.h"

static void usage(void)
{
    printf("usage: tacitus export --db FILE --format phoenix|csv|jsonl|plover-json [FILTERS]\n\n"
           "  phoenix      Phoenix dataset TSV columns, no header (docs/store.md)\n"
           "  csv          every stored column, with a header\n"
           "  jsonl        one JSON object per event\n"
           "  plover-json  a JSON array of PLOVER-style records\n\n%s",
           store_cli_filter_help);
}

typedef struct export_out {
    tac_store_format fmt;
    tac_buf          buf;
    long             n;
    bool             failed;
} export_out;

static int on_event(void *ud, const tac_stored_event *ev)
{
    export_out *o = ud;
    bool ok = true;
    if (o->fmt == TAC_STORE_FMT_PLOVER_JSON)
        ok = tac_buf_puts(&o->buf, o->n ? ",\n" : "[\n");
    ok = ok && store_format_event(&o->buf, o->fmt, ev);
    if (o->fmt == TAC_STORE_FMT_JSONL)
        ok = ok && tac_buf_putc(&o->buf, '\n');
    if (ok && o->buf.len > (1 << 16))
        ok = store_cli_flush(&o->buf);
    o->n++;
    o->failed = !ok;
    return !ok;
}

int cmd_export(int argc, char **argv)
{
    store_cli_args a;
    if (!store_cli_parse(argc, argv, STORE_OPT_FILTERS | STORE_OPT_FORMAT, &a))
        return CLI_FATAL;
    if (a.help) {
        usage();
        return CLI_OK;
    }
    if (a.n_args) {
        cli_error("export: unexpected argument '%s'", a.args[0]);
        return CLI_FATAL;
    }
    if (!a.format_name || a.format == TAC_STORE_FMT_TABLE || a.format == TAC_STORE_FMT_JSON) {
        cli_error("export: --format phoenix, csv, jsonl or plover-json is required");
        return CLI_FATAL;
    }
    tac_store *st = store_cli_open(&a);
    if (!st)
        return CLI_FATAL;
    export_out o = {.fmt = a.format};
    tac_buf_init(&o.buf);
    if (o.fmt == TAC_STORE_FMT_CSV)
        store_csv_header(&o.buf);
    tac_error err = {0};
    tac_status s = tac_store_query(st, &a.query, on_event, &o, &err);
    if (s == TAC_OK && !o.failed && o.fmt == TAC_STORE_FMT_PLOVER_JSON)
        tac_buf_puts(&o.buf, o.n ? "\n]\n" : "[]\n");
    bool ok = s == TAC_OK && !o.failed && store_cli_flush(&o.buf) && fflush(stdout) == 0;
    if (s != TAC_OK)
        cli_error("%s", err.msg);
    tac_buf_free(&o.buf);
    tac_store_close(st, NULL);
    return ok ? CLI_OK : CLI_FATAL;
}
