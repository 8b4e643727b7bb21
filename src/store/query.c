/* Queries over the event store: filters turned into SQL with bound
 * parameters, event listing, single-event lookup and per-period series.
 * Series are grouped per day in SQL (answered from the dyad/target covering
 * indexes) and rolled up into weeks, months or years here, which keeps ISO
 * weeks and gap filling out of SQL. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

enum { MAX_BINDS = 64, SPEC_LEN = 40 };

/* A clause "X OR Y" (an actor on either side, a dyad either way) can be
 * rendered whole, or split in two disjoint branches "X" and "Y AND NOT X"
 * whose results are added up: each branch can then be answered from one
 * covering index, where the OR would fetch every row from the table. */
typedef enum split_branch { WHOLE, FIRST, SECOND } split_branch;

typedef struct filter {
    tac_buf where;                 /* " AND ..." clauses */
    split_branch branch;           /* how to render the split clause */
    bool    split_actor;           /* the clause split: --actor ... */
    bool    split_dyad;            /* ... or an either-way --dyad */
    bool    overflow;              /* more parameters than MAX_BINDS */
    int     n_binds;
    bool    bind_is_int[MAX_BINDS];
    long    bind_int[MAX_BINDS];
    char    bind_text[MAX_BINDS][SPEC_LEN];
} filter;

/* An actor spec: "CHN" -> root; "CHNGOV" -> root and agent prefix; "*GOV" -> agent prefix. */
typedef struct actor_spec {
    char root[SPEC_LEN];   /* "" = any */
    char agent[SPEC_LEN];  /* "" = any */
} actor_spec;

void tac_query_init(tac_query *q)
{
    memset(q, 0, sizeof *q);
    q->historical = -1;
}

static int add_text(filter *f, const char *s)
{
    if (f->n_binds == MAX_BINDS) {
        f->overflow = true;
        return MAX_BINDS;
    }
    int i = f->n_binds++;
    f->bind_is_int[i] = false;
    snprintf(f->bind_text[i], SPEC_LEN, "%.*s", SPEC_LEN - 1, s);
    return i + 1;
}

static int add_int(filter *f, long v)
{
    if (f->n_binds == MAX_BINDS) {
        f->overflow = true;
        return MAX_BINDS;
    }
    int i = f->n_binds++;
    f->bind_is_int[i] = true;
    f->bind_int[i] = v;
    return i + 1;
}

static tac_status parse_actor(const char *spec, size_t len, actor_spec *out, tac_error *err)
{
    memset(out, 0, sizeof *out);
    bool agent_only = len > 0 && spec[0] == '*';
    size_t start = agent_only ? 1 : 0;
    bool ok = len - start >= 3 && len < SPEC_LEN - 2;
    for (size_t i = start; ok && i < len; i++)
        ok = isalnum((unsigned char)spec[i]) || spec[i] == '-';
    if (!ok)
        return tac_fail(err, TAC_EINVAL,
                        "bad actor '%.*s' (expected a code like CHN, CHNGOV or *GOV)",
                        (int)(len < 64 ? len : 64), spec);
    char code[SPEC_LEN];
    for (size_t i = start; i < len; i++)
        code[i - start] = (char)toupper((unsigned char)spec[i]);
    code[len - start] = '\0';
    if (agent_only) {
        snprintf(out->agent, SPEC_LEN, "%s", code);
    } else {
        snprintf(out->root, 4, "%.3s", code);
        snprintf(out->agent, SPEC_LEN, "%s", code + 3);
    }
    return TAC_OK;
}

/* Appends the condition "the `role` (source/target) actor matches a". */
static void actor_clause(filter *f, const char *role, const actor_spec *a)
{
    bool both = a->root[0] && a->agent[0];
    tac_buf_puts(&f->where, both ? "(" : "");
    if (a->root[0])
        tac_buf_printf(&f->where, "e.%s_root = ?%d", role, add_text(f, a->root));
    if (a->agent[0]) {
        char glob[SPEC_LEN + 2];
        snprintf(glob, sizeof glob, "%s*", a->agent);
        tac_buf_printf(&f->where, "%se.%s_agent GLOB ?%d", both ? " AND " : "", role,
                       add_text(f, glob));
    }
    tac_buf_puts(&f->where, both ? ")" : "");
}

static tac_status role_filter(filter *f, const char *role, const char *spec, tac_error *err)
{
    actor_spec a;
    tac_status s = parse_actor(spec, strlen(spec), &a, err);
    if (s != TAC_OK)
        return s;
    tac_buf_puts(&f->where, " AND ");
    actor_clause(f, role, &a);
    return TAC_OK;
}

/* Either side of a dyad: "(source a AND target b)". */
static void directed_clause(filter *f, const actor_spec *a, const actor_spec *b)
{
    tac_buf_puts(&f->where, "(");
    actor_clause(f, "source", a);
    tac_buf_puts(&f->where, " AND ");
    actor_clause(f, "target", b);
    tac_buf_puts(&f->where, ")");
}

static tac_status actor_filter(filter *f, const char *spec, tac_error *err)
{
    actor_spec a;
    tac_status s = parse_actor(spec, strlen(spec), &a, err);
    if (s != TAC_OK)
        return s;
    split_branch b = f->split_actor ? f->branch : WHOLE;
    tac_buf_puts(&f->where, " AND (");
    if (b != SECOND)
        actor_clause(f, "source", &a);
    if (b == WHOLE)
        tac_buf_puts(&f->where, " OR ");
    if (b != FIRST)
        actor_clause(f, "target", &a);
    tac_buf_puts(&f->where, ")");
    if (b == SECOND) {
        /* IS NOT 1: also true when the source is NULL */
        tac_buf_puts(&f->where, " AND (");
        actor_clause(f, "source", &a);
        tac_buf_puts(&f->where, ") IS NOT 1");
    }
    return TAC_OK;
}

/* "A:B" is directed; "A-B" (the first '-' after a three-character code) is
 * either way, as is any dyad when q->either. */
static tac_status dyad_filter(filter *f, const char *dyad, bool either, tac_error *err)
{
    const char *sep = strchr(dyad, ':');
    if (!sep) {
        sep = strlen(dyad) > 3 ? strchr(dyad + 3, '-') : NULL;
        either = true;
    }
    if (!sep)
        return tac_fail(err, TAC_EINVAL, "bad dyad '%s' (expected CHN:PRK or CHN-PRK)", dyad);
    actor_spec a, b;
    tac_status s = parse_actor(dyad, (size_t)(sep - dyad), &a, err);
    if (s == TAC_OK)
        s = parse_actor(sep + 1, strlen(sep + 1), &b, err);
    if (s != TAC_OK)
        return s;
    split_branch br = either && f->split_dyad ? f->branch : WHOLE;
    tac_buf_puts(&f->where, " AND (");
    if (br != SECOND)
        directed_clause(f, &a, &b);
    if (either && br == WHOLE)
        tac_buf_puts(&f->where, " OR ");
    if (either && br != FIRST)
        directed_clause(f, &b, &a);
    tac_buf_puts(&f->where, ")");
    if (br == SECOND) {
        tac_buf_puts(&f->where, " AND ");
        directed_clause(f, &a, &b);
        tac_buf_puts(&f->where, " IS NOT 1");
    }
    return TAC_OK;
}

/* `unindexed` writes +e.date, which keeps SQLite from answering the range
 * from events_date (row by row) when a covering index on the actor is
 * better: with statistics it otherwise picks events_date to avoid sorting
 * by date, which is 15 times slower for a busy actor on 10M events. */
static tac_status date_filter(filter *f, const char *date, const char *op, bool unindexed,
                              tac_error *err)
{
    long days;
    if (!store_parse_date(date, &days))
        return tac_fail(err, TAC_EINVAL, "bad date '%s' (expected YYYY-MM-DD)", date);
    tac_buf_printf(&f->where, " AND %se.date %s ?%d", unindexed ? "+" : "", op,
                   add_text(f, date));
    return TAC_OK;
}

static tac_status code_filters(filter *f, const tac_query *q, tac_error *err)
{
    if (q->code) {
        if (!store_valid_code(q->code))
            return tac_fail(err, TAC_EINVAL, "bad CAMEO code '%s'", q->code);
        tac_buf_printf(&f->where, " AND e.cameo = ?%d", add_text(f, q->code));
    }
    if (q->root) {
        if (strlen(q->root) != 2 || !store_valid_code(q->root))
            return tac_fail(err, TAC_EINVAL, "bad CAMEO root code '%s' (01..20)", q->root);
        /* Codes under root "04" sort in ["04", "05"); "09" is followed by "0:". */
        char next[3] = {q->root[0], (char)(q->root[1] + 1), '\0'};
        int lo = add_text(f, q->root), hi = add_text(f, next);
        tac_buf_printf(&f->where, " AND e.cameo >= ?%d AND e.cameo < ?%d", lo, hi);
    }
    if (q->quad) {
        if (q->quad < 1 || q->quad > 4)
            return tac_fail(err, TAC_EINVAL, "bad quad class %d (1..4)", q->quad);
        tac_buf_printf(&f->where, " AND e.quad = ?%d", add_int(f, q->quad));
    }
    if (q->plover) {
        if (strlen(q->plover) >= SPEC_LEN)
            return tac_fail(err, TAC_EINVAL, "bad PLOVER category '%s'", q->plover);
        tac_buf_printf(&f->where, " AND e.plover = ?%d COLLATE NOCASE", add_text(f, q->plover));
    }
    return TAC_OK;
}

static tac_status build_filter(filter *f, const tac_query *q, tac_error *err)
{
    tac_status s = TAC_OK;
    /* the source half of a split --actor CHN: read from events_dyad */
    bool unindexed = f->split_actor && f->branch == FIRST && q->actor[0] != '*';
    if (q->from)
        s = date_filter(f, q->from, ">=", unindexed, err);
    if (s == TAC_OK && q->to)
        s = date_filter(f, q->to, "<=", unindexed, err);
    if (s == TAC_OK && q->actor)
        s = actor_filter(f, q->actor, err);
    if (s == TAC_OK && q->source)
        s = role_filter(f, "source", q->source, err);
    if (s == TAC_OK && q->target)
        s = role_filter(f, "target", q->target, err);
    if (s == TAC_OK && q->dyad)
        s = dyad_filter(f, q->dyad, q->either, err);
    if (s == TAC_OK)
        s = code_filters(f, q, err);
    if (s == TAC_OK && q->historical == 1)
        tac_buf_puts(&f->where, " AND e.historical = 1");
    else if (s == TAC_OK && q->historical == 0)
        tac_buf_puts(&f->where, " AND (e.historical IS NULL OR e.historical = 0)");
    if (s == TAC_OK && !f->where.data)
        tac_buf_puts(&f->where, "");
    if (s == TAC_OK && f->overflow)
        s = tac_fail(err, TAC_ELIMIT, "query has too many conditions");
    return s;
}

/* Whether q has a clause worth splitting (see split_branch), and which. */
static bool choose_split(filter *f, const tac_query *q)
{
    if (q->actor) {
        f->split_actor = true;
    } else if (q->dyad && (q->either || !strchr(q->dyad, ':'))) {
        f->split_dyad = true;
    }
    return f->split_actor || f->split_dyad;
}

static tac_status prepare_filtered(tac_store *st, filter *f, const char *head, const char *tail,
                                   sqlite3_stmt **out, tac_error *err)
{
    tac_buf sql;
    tac_buf_init(&sql);
    bool ok = tac_buf_printf(&sql, "%s WHERE 1%s %s", head, f->where.data, tail);
    if (!ok) {
        tac_buf_free(&sql);
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    }
    int rc = sqlite3_prepare_v2(st->db, sql.data, -1, out, NULL);
    tac_buf_free(&sql);
    if (rc != SQLITE_OK)
        return store_sqlite_fail(st, err, "preparing a query");
    for (int i = 0; i < f->n_binds; i++) {
        if (f->bind_is_int[i])
            sqlite3_bind_int64(*out, i + 1, f->bind_int[i]);
        else
            /* copied: the filter does not outlive the statement */
            sqlite3_bind_text(*out, i + 1, f->bind_text[i], -1, SQLITE_TRANSIENT);
    }
    return TAC_OK;
}

static const char *const select_events =
    "SELECT e.id, d.doc_id, e.ord, e.sentence, e.date,"
    " e.source, e.source_root, e.source_agent, e.target, e.target_root, e.target_agent,"
    " e.cameo, e.quad, e.goldstein, e.plover, e.plover_mode, e.plover_context, e.issues,"
    " s.text, e.verb_pattern, e.verb_where, e.source_entry, e.target_entry,"
    " e.date_precision, e.place, e.country, e.lat, e.lon, e.historical, e.reported_by,"
    " d.date, d.source, d.url, d.title, e.event_key"
    " FROM events e JOIN documents d ON d.id = e.doc"
    " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence";

static const char *col_text(sqlite3_stmt *q, int i)
{
    return (const char *)sqlite3_column_text(q, i);
}

static void read_event(sqlite3_stmt *q, tac_stored_event *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->id = sqlite3_column_int64(q, 0);
    ev->doc_id = col_text(q, 1);
    ev->ordinal = sqlite3_column_int(q, 2);
    ev->sentence = sqlite3_column_int(q, 3);
    ev->date = col_text(q, 4);
    ev->source = col_text(q, 5);
    ev->source_root = col_text(q, 6);
    ev->source_agent = col_text(q, 7);
    ev->target = col_text(q, 8);
    ev->target_root = col_text(q, 9);
    ev->target_agent = col_text(q, 10);
    ev->cameo = col_text(q, 11);
    ev->quad = sqlite3_column_int(q, 12);
    ev->has_goldstein = sqlite3_column_type(q, 13) != SQLITE_NULL;
    ev->goldstein = sqlite3_column_double(q, 13);
    ev->plover = col_text(q, 14);
    ev->plover_mode = col_text(q, 15);
    ev->plover_context = col_text(q, 16);
    ev->issues = col_text(q, 17);
    ev->text = col_text(q, 18);
    ev->verb_pattern = col_text(q, 19);
    ev->verb_where = col_text(q, 20);
    ev->source_entry = col_text(q, 21);
    ev->target_entry = col_text(q, 22);
    ev->date_precision = col_text(q, 23);
    ev->place = col_text(q, 24);
    ev->country = col_text(q, 25);
    ev->has_location = sqlite3_column_type(q, 26) != SQLITE_NULL;
    ev->lat = sqlite3_column_double(q, 26);
    ev->lon = sqlite3_column_double(q, 27);
    ev->historical = sqlite3_column_type(q, 28) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 28);
    ev->reported_by = col_text(q, 29);
    ev->doc_date = col_text(q, 30);
    ev->doc_source = col_text(q, 31);
    ev->doc_url = col_text(q, 32);
    ev->doc_title = col_text(q, 33);
    ev->event_key = col_text(q, 34);
}

/* Steps q, handing each row to fn; finalizes q. */
static tac_status run_events(tac_store *st, sqlite3_stmt *q, tac_stored_event_fn fn, void *ud,
                             long *rows, tac_error *err)
{
    int rc;
    long n = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        tac_stored_event ev;
        read_event(q, &ev);
        n++;
        if (fn(ud, &ev)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    tac_status s = rc == SQLITE_DONE ? TAC_OK : store_sqlite_fail(st, err, "querying events");
    sqlite3_finalize(q);
    if (rows)
        *rows = n;
    return s;
}

tac_status tac_store_query(tac_store *st, const tac_query *q, tac_stored_event_fn fn, void *ud,
                           tac_error *err)
{
    filter f = {0};
    tac_buf_init(&f.where);
    sqlite3_stmt *stmt = NULL;
    tac_status s = build_filter(&f, q, err);
    if (s == TAC_OK) {
        char tail[64] = "ORDER BY e.date, e.id";
        if (q->limit > 0)
            snprintf(tail, sizeof tail, "ORDER BY e.date, e.id LIMIT %ld", q->limit);
        s = prepare_filtered(st, &f, select_events, tail, &stmt, err);
    }
    tac_buf_free(&f.where);
    if (s != TAC_OK)
        return s;
    return run_events(st, stmt, fn, ud, NULL, err);
}

static bool is_event_key(const char *s)
{
    size_t n = strspn(s, "0123456789abcdef");
    return n == 16 && !s[16];
}

static tac_status get_by_key(tac_store *st, const char *key, tac_stored_event_fn fn, void *ud,
                             tac_error *err)
{
    tac_buf sql;
    tac_buf_init(&sql);
    tac_buf_printf(&sql, "%s WHERE e.event_key = ?1 ORDER BY e.id LIMIT 1", select_events);
    sqlite3_stmt *q;
    int rc = sql.data ? sqlite3_prepare_v2(st->db, sql.data, -1, &q, NULL) : SQLITE_NOMEM;
    tac_buf_free(&sql);
    if (rc != SQLITE_OK)
        return store_sqlite_fail(st, err, "preparing a query");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    long rows;
    tac_status s = run_events(st, q, fn, ud, &rows, err);
    if (s == TAC_OK && rows == 0)
        return tac_fail(err, TAC_ENOTFOUND, "%s: no event %s", st->path, key);
    return s;
}

tac_status tac_store_get_event(tac_store *st, const char *event_id, tac_stored_event_fn fn,
                               void *ud, tac_error *err)
{
    if (!event_id || !*event_id)
        return tac_fail(err, TAC_EINVAL, "no event id");
    if (is_event_key(event_id))
        return get_by_key(st, event_id, fn, ud, err);
    const char *hash = strrchr(event_id, '#');
    const char *num = hash ? hash + 1 : event_id;
    char *end;
    long long n = strtoll(num, &end, 10);
    if (!*num || *end || n < 0 || (hash && hash == event_id))
        return tac_fail(err, TAC_EINVAL, "bad event id '%s' (expected 123 or DOCID#N)", event_id);
    tac_buf sql;
    tac_buf_init(&sql);
    tac_buf_printf(&sql, "%s WHERE %s", select_events,
                   hash ? "d.doc_id = ?2 AND e.ord = ?1" : "e.id = ?1");
    sqlite3_stmt *q;
    int rc = sql.data ? sqlite3_prepare_v2(st->db, sql.data, -1, &q, NULL) : SQLITE_NOMEM;
    tac_buf_free(&sql);
    if (rc != SQLITE_OK)
        return store_sqlite_fail(st, err, "preparing a query");
    sqlite3_bind_int64(q, 1, n);
    if (hash)
        sqlite3_bind_text(q, 2, event_id, (int)(hash - event_id), SQLITE_STATIC);
    long rows;
    tac_status s = run_events(st, q, fn, ud, &rows, err);
    if (s == TAC_OK && rows == 0)
        return tac_fail(err, TAC_ENOTFOUND, "%s: no event %s", st->path, event_id);
    return s;
}

/* ---- series ---------------------------------------------------------- */

typedef struct series_state {
    tac_period     period;
    tac_series_row row;          /* the period being summed */
    bool           open;
    bool           stopped;
    tac_series_fn  fn;
    void          *ud;
} series_state;

static void flush_period(series_state *ss)
{
    if (!ss->open || ss->stopped)
        return;
    tac_series_row *r = &ss->row;
    r->goldstein_mean = r->goldstein_n ? r->goldstein_sum / (double)r->goldstein_n : NAN;
    if (ss->fn(ss->ud, r))
        ss->stopped = true;
    ss->open = false;
}

/* Makes the period of `day` the current one, emitting the previous. */
static void enter_day(series_state *ss, long day)
{
    char key[16];
    store_period_key(day, ss->period, key);
    if (ss->open && !strcmp(key, ss->row.period))
        return;
    flush_period(ss);
    memset(&ss->row, 0, sizeof ss->row);
    memcpy(ss->row.period, key, sizeof key);
    ss->open = true;
}

static const char *const select_days =
    "SELECT e.date, count(*), sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3),"
    " sum(e.quad = 4), total(e.goldstein), count(e.goldstein) FROM events e";

static const char *const days_tail = "AND e.date IS NOT NULL GROUP BY e.date";

/* The per-day sums of q: one grouped SELECT, or with a split clause the sum
 * of the two branches' SELECTs. */
static tac_status prepare_days(tac_store *st, const tac_query *q, sqlite3_stmt **out,
                               tac_error *err)
{
    filter f = {0};
    tac_buf_init(&f.where);
    tac_buf first;
    tac_buf_init(&first);
    tac_status s;
    if (!choose_split(&f, q)) {
        s = build_filter(&f, q, err);
        if (s == TAC_OK)
            s = prepare_filtered(st, &f, select_days, "AND e.date IS NOT NULL GROUP BY e.date"
                                 " ORDER BY e.date", out, err);
        tac_buf_free(&f.where);
        return s;
    }
    f.branch = FIRST;
    s = build_filter(&f, q, err);
    if (s == TAC_OK && !tac_buf_puts(&first, f.where.data))
        s = tac_fail(err, TAC_ENOMEM, "out of memory");
    tac_buf_clear(&f.where);
    f.branch = SECOND;
    if (s == TAC_OK)
        s = build_filter(&f, q, err);
    tac_buf tail;
    tac_buf_init(&tail);
    if (s == TAC_OK &&
        !tac_buf_printf(&tail, "%s UNION ALL %s WHERE 1%s %s) GROUP BY 1 ORDER BY 1", days_tail,
                        select_days, f.where.data, days_tail))
        s = tac_fail(err, TAC_ENOMEM, "out of memory");
    if (s == TAC_OK) {
        tac_buf_clear(&f.where);
        tac_buf_puts(&f.where, first.data);
        s = prepare_filtered(st, &f,
                             "SELECT date, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(gs),"
                             " sum(gn) FROM (SELECT e.date AS date, count(*) AS n,"
                             " sum(e.quad = 1) AS q1, sum(e.quad = 2) AS q2,"
                             " sum(e.quad = 3) AS q3, sum(e.quad = 4) AS q4,"
                             " total(e.goldstein) AS gs, count(e.goldstein) AS gn FROM events e",
                             tail.data, out, err);
    }
    tac_buf_free(&tail);
    tac_buf_free(&first);
    tac_buf_free(&f.where);
    return s;
}

tac_status tac_store_series(tac_store *st, const tac_query *q, tac_period period,
                            tac_series_fn fn, void *ud, tac_error *err)
{
    sqlite3_stmt *stmt = NULL;
    tac_status s = prepare_days(st, q, &stmt, err);
    if (s != TAC_OK)
        return s;

    /* Dates were validated by build_filter. */
    long lo = 0, hi = 0, day = 0;
    bool fill = q->from || q->to;
    bool have_lo = q->from && store_parse_date(q->from, &lo);
    bool have_hi = q->to && store_parse_date(q->to, &hi);
    series_state ss = {.period = period, .fn = fn, .ud = ud};
    bool any = false;
    int rc = SQLITE_DONE;
    while (!ss.stopped && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        long d;
        if (!store_parse_date(col_text(stmt, 0), &d))
            continue;   /* dates are validated on the way in */
        any = true;
        if (!have_lo) {
            lo = d;
            have_lo = true;
        }
        if (fill && day < lo)
            day = lo;
        for (; fill && day < d; day++)
            enter_day(&ss, day);
        enter_day(&ss, d);
        day = d + 1;
        tac_series_row *r = &ss.row;
        r->total += sqlite3_column_int64(stmt, 1);
        for (int k = 1; k <= 4; k++)
            r->quad[k] += sqlite3_column_int64(stmt, 1 + k);
        r->goldstein_sum += sqlite3_column_double(stmt, 6);
        r->goldstein_n += sqlite3_column_int64(stmt, 7);
    }
    if (!ss.stopped && rc != SQLITE_DONE)
        s = store_sqlite_fail(st, err, "querying a series");
    sqlite3_finalize(stmt);
    if (s != TAC_OK)
        return s;
    if (fill) {
        if (!have_hi)
            hi = any ? day - 1 : lo;   /* the last day with data */
        if (!have_lo)
            lo = hi;                   /* only --to given and nothing stored */
        if (day < lo)
            day = lo;
        for (; !ss.stopped && day <= hi; day++)
            enter_day(&ss, day);
    }
    flush_period(&ss);
    return TAC_OK;
}
