/* tacitus query: events from a store, filtered, as a table, CSV or JSON;
 * with --by, per-period counts per quad class and Goldstein sums/means. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store_options.h"

static void usage(void)
{
    printf("usage: tacitus query --db FILE [FILTERS] [--by day|week|month|year]\n"
           "                     [--format table|csv|json]\n\n"
           "Lists the stored events matching the filters (date, then id order), or with\n"
           "--by the series per period: events per quad class, total, Goldstein sum and\n"
           "mean. With --from/--to, periods without events are listed with zeros.\n\n%s",
           store_cli_filter_help);
}

/* ---- aligned table ----------------------------------------------------- */

typedef struct table {
    int     n_cols;
    char  **cells;      /* rows * n_cols strdup'd cells */
    size_t  n_rows, cap_rows;
    int     width[16];
    bool    right[16];  /* right-aligned (numeric) columns */
} table;

/* Display width: UTF-8 characters, not bytes. */
static int text_width(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static bool table_add(table *t, const char *const *row)
{
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 64;
        char **p = realloc(t->cells, cap * (size_t)t->n_cols * sizeof *p);
        if (!p)
            return false;
        t->cells = p;
        t->cap_rows = cap;
    }
    char **dst = t->cells + t->n_rows * (size_t)t->n_cols;
    for (int i = 0; i < t->n_cols; i++) {
        dst[i] = strdup(row[i]);
        if (!dst[i]) {
            for (int k = 0; k < i; k++)
                free(dst[k]);
            return false;
        }
        int w = text_width(row[i]);
        if (w > t->width[i])
            t->width[i] = w;
    }
    t->n_rows++;
    return true;
}

static void table_print(const table *t)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        char **row = t->cells + r * (size_t)t->n_cols;
        for (int i = 0; i < t->n_cols; i++) {
            int pad = t->width[i] - text_width(row[i]);
            bool last = i + 1 == t->n_cols;
            if (t->right[i])
                printf("%*s%s", pad, "", row[i]);
            else
                printf("%s%*s", row[i], last ? 0 : pad, "");
            fputs(last ? "\n" : "  ", stdout);
        }
    }
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->n_rows * (size_t)t->n_cols; i++)
        free(t->cells[i]);
    free(t->cells);
}

/* ---- events ------------------------------------------------------------ */

typedef struct event_out {
    tac_store_format fmt;
    tac_buf          buf;
    tac_buf          scratch;
    table            table;
    long             n;
    bool             failed;
} event_out;

static int on_event(void *ud, const tac_stored_event *ev)
{
    event_out *o = ud;
    bool ok = true;
    if (o->fmt == TAC_STORE_FMT_TABLE) {
        const char *cells[STORE_TABLE_COLUMNS];
        store_table_cells(ev, &o->scratch, cells);
        ok = table_add(&o->table, cells);
    } else {
        if (o->fmt == TAC_STORE_FMT_JSON)
            ok = tac_buf_puts(&o->buf, o->n ? ",\n" : "[\n");
        ok = ok && store_format_event(&o->buf, o->fmt, ev);
        if (o->fmt == TAC_STORE_FMT_JSONL)
            ok = ok && tac_buf_putc(&o->buf, '\n');
        if (ok && o->buf.len > (1 << 16))
            ok = store_cli_flush(&o->buf);
    }
    o->n++;
    o->failed = !ok;
    return !ok;
}

static int list_events(tac_store *st, const store_cli_args *a, tac_store_format fmt)
{
    event_out o = {.fmt = fmt, .table = {.n_cols = STORE_TABLE_COLUMNS}};
    tac_buf_init(&o.buf);
    tac_buf_init(&o.scratch);
    o.table.right[0] = o.table.right[5] = o.table.right[6] = true;
    if (fmt == TAC_STORE_FMT_TABLE)
        table_add(&o.table, store_table_header);
    else if (fmt == TAC_STORE_FMT_CSV)
        store_csv_header(&o.buf);
    tac_error err = {0};
    tac_status s = tac_store_query(st, &a->query, on_event, &o, &err);
    if (s == TAC_OK && !o.failed) {
        if (fmt == TAC_STORE_FMT_TABLE)
            table_print(&o.table);
        else if (fmt == TAC_STORE_FMT_JSON)
            tac_buf_puts(&o.buf, o.n ? "\n]\n" : "[]\n");
    }
    bool ok = s == TAC_OK && !o.failed && store_cli_flush(&o.buf);
    if (s != TAC_OK)
        cli_error("%s", err.msg);
    else if (o.failed && !ferror(stdout))
        cli_error("out of memory");
    table_free(&o.table);
    tac_buf_free(&o.buf);
    tac_buf_free(&o.scratch);
    return ok ? CLI_OK : CLI_FATAL;
}

/* ---- series ------------------------------------------------------------ */

typedef struct series_out {
    tac_store_format fmt;
    tac_buf          buf;
    long             n;
} series_out;

static int on_period(void *ud, const tac_series_row *r)
{
    series_out *o = ud;
    if (o->fmt == TAC_STORE_FMT_TABLE) {
        char mean[32] = "-";
        if (r->goldstein_n)
            snprintf(mean, sizeof mean, "%.2f", r->goldstein_mean);
        tac_buf_printf(&o->buf, "%-10s %7ld %7ld %7ld %7ld %8ld %10.1f %7s\n", r->period,
                       r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->total,
                       r->goldstein_sum, mean);
    } else {
        if (o->fmt == TAC_STORE_FMT_JSON)
            tac_buf_puts(&o->buf, o->n ? ",\n" : "[\n");
        store_series_format(&o->buf, o->fmt, r);
        if (o->fmt == TAC_STORE_FMT_JSONL)
            tac_buf_putc(&o->buf, '\n');
    }
    o->n++;
    return o->buf.len > (1 << 16) && !store_cli_flush(&o->buf);
}

static int series(tac_store *st, const store_cli_args *a, tac_store_format fmt)
{
    series_out o = {.fmt = fmt};
    tac_buf_init(&o.buf);
    if (fmt == TAC_STORE_FMT_TABLE)
        tac_buf_printf(&o.buf, "%-10s %7s %7s %7s %7s %8s %10s %7s\n", "PERIOD", "Q1", "Q2",
                       "Q3", "Q4", "TOTAL", "GOLD_SUM", "MEAN");
    else if (fmt == TAC_STORE_FMT_CSV)
        store_series_csv_header(&o.buf);
    tac_error err = {0};
    tac_status s = tac_store_series(st, &a->query, a->period, on_period, &o, &err);
    if (s == TAC_OK && fmt == TAC_STORE_FMT_JSON)
        tac_buf_puts(&o.buf, o.n ? "\n]\n" : "[]\n");
    bool ok = s == TAC_OK && store_cli_flush(&o.buf);
    if (s != TAC_OK)
        cli_error("%s", err.msg);
    tac_buf_free(&o.buf);
    return ok ? CLI_OK : CLI_FATAL;
}

int cmd_query(int argc, char **argv)
{
    store_cli_args a;
    if (!store_cli_parse(argc, argv, STORE_OPT_FILTERS | STORE_OPT_PERIOD | STORE_OPT_FORMAT,
                         &a))
        return CLI_FATAL;
    if (a.help) {
        usage();
        return CLI_OK;
    }
    if (a.n_args) {
        cli_error("query: unexpected argument '%s'", a.args[0]);
        return CLI_FATAL;
    }
    tac_store_format fmt = a.format_name ? a.format : TAC_STORE_FMT_TABLE;
    if (fmt != TAC_STORE_FMT_TABLE && fmt != TAC_STORE_FMT_CSV && fmt != TAC_STORE_FMT_JSON &&
        fmt != TAC_STORE_FMT_JSONL) {
        cli_error("query: --format is table, csv, json or jsonl (see 'tacitus export')");
        return CLI_FATAL;
    }
    tac_store *st = store_cli_open(&a);
    if (!st)
        return CLI_FATAL;
    int rc = a.has_period ? series(st, &a, fmt) : list_events(st, &a, fmt);
    tac_store_close(st, NULL);
    if (fflush(stdout) != 0)
        rc = CLI_FATAL;
    return rc;
}
