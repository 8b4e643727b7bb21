/* Output formats of stored events and series: CSV, JSON, Phoenix TSV,
 * PLOVER-style JSON and the cells of a terminal table. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/store.h"

bool tac_store_format_parse(const char *name, tac_store_format *out)
{
    static const struct { const char *name; tac_store_format fmt; } names[] = {
        {"table", TAC_STORE_FMT_TABLE},   {"csv", TAC_STORE_FMT_CSV},
        {"json", TAC_STORE_FMT_JSON},     {"jsonl", TAC_STORE_FMT_JSONL},
        {"phoenix", TAC_STORE_FMT_PHOENIX}, {"plover-json", TAC_STORE_FMT_PLOVER_JSON},
    };
    for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++) {
        if (!strcmp(name, names[i].name)) {
            *out = names[i].fmt;
            return true;
        }
    }
    return false;
}

/* ---- CSV ------------------------------------------------------------- */

bool store_csv_field(tac_buf *out, const char *s)
{
    if (!s)
        return true;
    if (!strpbrk(s, ",\"\r\n"))
        return tac_buf_puts(out, s);
    bool ok = tac_buf_putc(out, '"');
    for (const char *p = s; ok && *p; p++)
        ok = *p == '"' ? tac_buf_puts(out, "\"\"") : tac_buf_putc(out, *p);
    return ok && tac_buf_putc(out, '"');
}

static const char *const csv_columns =
    "id,event_key,doc_id,ordinal,sentence,date,source,source_root,source_agent,target,target_root,"
    "target_agent,cameo,quad,goldstein,plover,plover_mode,plover_context,issues,"
    "date_precision,place,country,lat,lon,historical,reported_by,verb_pattern,verb_where,"
    "source_entry,target_entry,doc_source,doc_url,text\n";

bool store_csv_header(tac_buf *out) { return tac_buf_puts(out, csv_columns); }

static bool csv_texts(tac_buf *out, const char *const *fields, size_t n)
{
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = tac_buf_putc(out, ',') && store_csv_field(out, fields[i]);
    return ok;
}

static const char *historical_word(int h)
{
    return h == 1 ? "true" : h == 0 ? "false" : NULL;
}

static bool format_csv(tac_buf *out, const tac_stored_event *ev)
{
    bool ok = tac_buf_printf(out, "%lld,", (long long)ev->id) &&
              store_csv_field(out, ev->event_key) && tac_buf_putc(out, ',') &&
              store_csv_field(out, ev->doc_id) &&
              tac_buf_printf(out, ",%d,%d", ev->ordinal, ev->sentence);
    const char *actors[] = {ev->date, ev->source, ev->source_root, ev->source_agent,
                            ev->target, ev->target_root, ev->target_agent, ev->cameo};
    ok = ok && csv_texts(out, actors, 8) && tac_buf_putc(out, ',');
    if (ev->quad)
        ok = ok && tac_buf_printf(out, "%d", ev->quad);
    ok = ok && tac_buf_putc(out, ',');
    if (ev->has_goldstein)
        ok = ok && tac_buf_printf(out, "%g", ev->goldstein);
    const char *coding[] = {ev->plover, ev->plover_mode, ev->plover_context, ev->issues,
                            ev->date_precision, ev->place, ev->country};
    ok = ok && csv_texts(out, coding, 7);
    if (ev->has_location)
        ok = ok && tac_buf_printf(out, ",%.6f,%.6f", ev->lat, ev->lon);
    else
        ok = ok && tac_buf_puts(out, ",,");
    const char *rest[] = {historical_word(ev->historical), ev->reported_by, ev->verb_pattern,
                          ev->verb_where, ev->source_entry, ev->target_entry,
                          ev->doc_source, ev->doc_url, ev->text};
    return ok && csv_texts(out, rest, 9) && tac_buf_putc(out, '\n');
}

/* ---- JSON ------------------------------------------------------------ */

typedef struct json_obj {
    tac_buf *out;
    bool     ok;
    bool     first;
} json_obj;

static void json_key(json_obj *j, const char *key)
{
    j->ok = j->ok && tac_buf_printf(j->out, "%s\"%s\":", j->first ? "" : ",", key);
    j->first = false;
}

static void json_str(json_obj *j, const char *key, const char *s)
{
    json_key(j, key);
    if (!s) {
        j->ok = j->ok && tac_buf_puts(j->out, "null");
        return;
    }
    j->ok = j->ok && tac_buf_putc(j->out, '"') && tac_buf_json_escape(j->out, s, strlen(s)) &&
            tac_buf_putc(j->out, '"');
}

static void json_raw(json_obj *j, const char *key, const char *raw)
{
    json_key(j, key);
    j->ok = j->ok && tac_buf_puts(j->out, raw ? raw : "null");
}

static void json_int(json_obj *j, const char *key, long long v)
{
    json_key(j, key);
    j->ok = j->ok && tac_buf_printf(j->out, "%lld", v);
}

static void json_num(json_obj *j, const char *key, bool present, double v, const char *fmt)
{
    json_key(j, key);
    if (present && isfinite(v))
        j->ok = j->ok && tac_buf_printf(j->out, fmt, v);
    else
        j->ok = j->ok && tac_buf_puts(j->out, "null");
}

static bool format_json(tac_buf *out, const tac_stored_event *ev)
{
    json_obj j = {out, tac_buf_putc(out, '{'), true};
    json_int(&j, "id", ev->id);
    json_str(&j, "event_key", ev->event_key);
    json_str(&j, "doc_id", ev->doc_id);
    json_int(&j, "ordinal", ev->ordinal);
    json_int(&j, "sentence", ev->sentence);
    json_str(&j, "date", ev->date);
    json_str(&j, "source", ev->source);
    json_str(&j, "source_root", ev->source_root);
    json_str(&j, "source_agent", ev->source_agent);
    json_str(&j, "target", ev->target);
    json_str(&j, "target_root", ev->target_root);
    json_str(&j, "target_agent", ev->target_agent);
    json_str(&j, "cameo", ev->cameo);
    json_num(&j, "quad", ev->quad != 0, ev->quad, "%.0f");
    json_num(&j, "goldstein", ev->has_goldstein, ev->goldstein, "%g");
    json_str(&j, "plover", ev->plover);
    json_str(&j, "plover_mode", ev->plover_mode);
    json_str(&j, "plover_context", ev->plover_context);
    json_str(&j, "issues", ev->issues);
    json_str(&j, "date_precision", ev->date_precision);
    json_str(&j, "place", ev->place);
    json_str(&j, "country", ev->country);
    json_num(&j, "lat", ev->has_location, ev->lat, "%.6f");
    json_num(&j, "lon", ev->has_location, ev->lon, "%.6f");
    json_raw(&j, "historical", historical_word(ev->historical));
    json_raw(&j, "reported_by", ev->reported_by);
    json_str(&j, "verb_pattern", ev->verb_pattern);
    json_str(&j, "verb_where", ev->verb_where);
    json_str(&j, "source_entry", ev->source_entry);
    json_str(&j, "target_entry", ev->target_entry);
    json_str(&j, "doc_source", ev->doc_source);
    json_str(&j, "doc_url", ev->doc_url);
    json_str(&j, "doc_title", ev->doc_title);
    json_str(&j, "text", ev->text);
    return j.ok && tac_buf_putc(out, '}');
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

/* PLOVER-style record: the PLOVER event fields first, then the CAMEO coding
 * and provenance it came from. */
static bool format_plover(tac_buf *out, const tac_stored_event *ev)
{
    json_obj j = {out, tac_buf_putc(out, '{'), true};
    json_str(&j, "id", ev->event_key);
    json_str(&j, "date", ev->date);
    json_str(&j, "event", ev->plover);
    json_str(&j, "mode", ev->plover_mode);
    json_str(&j, "context", ev->plover_context);
    json_str(&j, "actor", ev->source);
    json_str(&j, "actor_country", ev->source_root);
    json_str(&j, "actor_sector", nonempty(ev->source_agent));
    json_str(&j, "recipient", ev->target);
    json_str(&j, "recipient_country", ev->target_root);
    json_str(&j, "recipient_sector", nonempty(ev->target_agent));
    json_str(&j, "text", ev->text);
    json_str(&j, "date_precision", ev->date_precision);
    json_raw(&j, "historical", historical_word(ev->historical));
    json_str(&j, "place", ev->place);
    json_str(&j, "country", ev->country);
    json_num(&j, "lat", ev->has_location, ev->lat, "%.6f");
    json_num(&j, "lon", ev->has_location, ev->lon, "%.6f");
    json_str(&j, "cameo", ev->cameo);
    json_num(&j, "goldstein", ev->has_goldstein, ev->goldstein, "%g");
    json_num(&j, "quad_class", ev->quad != 0, ev->quad, "%.0f");
    json_str(&j, "doc_id", ev->doc_id);
    json_int(&j, "sentence", ev->sentence);
    json_str(&j, "url", ev->doc_url);
    json_str(&j, "publication", ev->doc_source);
    json_str(&j, "coder", "tacitus " TACITUS_VERSION);
    return j.ok && tac_buf_putc(out, '}');
}

/* ---- Phoenix TSV ----------------------------------------------------- */

/* A TSV field escaped as `tacitus code --format tsv` does: backslash, tab
 * and line breaks become two-character escapes. */
static bool tsv_field(tac_buf *out, const char *s, bool last)
{
    bool ok = true;
    for (const char *p = s ? s : ""; ok && *p; p++) {
        switch (*p) {
        case '\\': ok = tac_buf_puts(out, "\\\\"); break;
        case '\t': ok = tac_buf_puts(out, "\\t"); break;
        case '\n': ok = tac_buf_puts(out, "\\n"); break;
        case '\r': ok = tac_buf_puts(out, "\\r"); break;
        default: ok = tac_buf_putc(out, *p);
        }
    }
    return ok && tac_buf_putc(out, last ? '\n' : '\t');
}

/* The 26 columns of the Phoenix event files, as the first 26 columns of
 * `tacitus code --format tsv` (docs/output-formats.md): EventID Date Year
 * Month Day SourceActorFull SourceActorEntity SourceActorRole
 * SourceActorAttribute TargetActorFull TargetActorEntity TargetActorRole
 * TargetActorAttribute EventCode EventRootCode QuadClass GoldsteinScore
 * Issues Lat Lon LocationName StateName CountryCode SentenceID URLs
 * NewsSources. */
static bool format_phoenix(tac_buf *out, const tac_stored_event *ev)
{
    char date[9] = "", year[5] = "", month[3] = "", day[3] = "";
    if (ev->date && strlen(ev->date) == 10) {
        snprintf(date, sizeof date, "%.4s%.2s%.2s", ev->date, ev->date + 5, ev->date + 8);
        snprintf(year, sizeof year, "%.4s", ev->date);
        snprintf(month, sizeof month, "%.2s", ev->date + 5);
        snprintf(day, sizeof day, "%.2s", ev->date + 8);
    }
    char root[3], quad[2] = "", gold[32] = "", lat[32] = "", lon[32] = "";
    snprintf(root, sizeof root, "%.2s", ev->cameo ? ev->cameo : "");
    if (ev->quad >= 1 && ev->quad <= 4)
        quad[0] = (char)('0' + ev->quad);
    if (ev->has_goldstein)
        snprintf(gold, sizeof gold, "%g", ev->goldstein);
    if (ev->has_location) {
        snprintf(lat, sizeof lat, "%.6f", ev->lat);
        snprintf(lon, sizeof lon, "%.6f", ev->lon);
    }
    tac_buf sid;
    tac_buf_init(&sid);
    tac_buf_printf(&sid, "%s_%d", ev->doc_id ? ev->doc_id : "", ev->sentence);
    const char *fields[] = {
        ev->event_key, date, year, month, day,
        ev->source, ev->source_root, ev->source_agent, "",
        ev->target, ev->target_root, ev->target_agent, "",
        ev->cameo, root, quad, gold, ev->issues, lat, lon,
        ev->place, NULL, ev->country, sid.data, ev->doc_url, ev->doc_source,
    };
    size_t n = sizeof fields / sizeof fields[0];
    bool ok = sid.data != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = tsv_field(out, fields[i], i + 1 == n);
    tac_buf_free(&sid);
    return ok;
}

bool store_format_event(tac_buf *out, tac_store_format fmt, const tac_stored_event *ev)
{
    switch (fmt) {
    case TAC_STORE_FMT_CSV: return format_csv(out, ev);
    case TAC_STORE_FMT_JSON:
    case TAC_STORE_FMT_JSONL: return format_json(out, ev);
    case TAC_STORE_FMT_PHOENIX: return format_phoenix(out, ev);
    case TAC_STORE_FMT_PLOVER_JSON: return format_plover(out, ev);
    case TAC_STORE_FMT_TABLE: break;
    }
    return false;
}

/* ---- table ----------------------------------------------------------- */

const char *const store_table_header[STORE_TABLE_COLUMNS] = {
    "ID", "DATE", "SOURCE", "TARGET", "CODE", "QUAD", "GOLD", "PLOVER", "DOC", "TEXT",
};

enum { TABLE_TEXT_CHARS = 60 };

/* Appends at most `chars` UTF-8 characters of s, with "..." if cut. */
static void put_truncated(tac_buf *buf, const char *s, int chars)
{
    const char *p = s;
    int n = 0;
    while (*p && n < chars) {
        p++;
        while ((*p & 0xC0) == 0x80)
            p++;
        n++;
    }
    tac_buf_append(buf, s, (size_t)(p - s));
    if (*p)
        tac_buf_puts(buf, "...");
}

void store_table_cells(const tac_stored_event *ev, tac_buf *buf,
                       const char *cells[STORE_TABLE_COLUMNS])
{
    /* Build all cells NUL-separated first: buf may move while growing. */
    size_t offs[STORE_TABLE_COLUMNS];
    tac_buf_clear(buf);
    for (int i = 0; i < STORE_TABLE_COLUMNS; i++) {
        offs[i] = buf->len;
        switch (i) {
        case 0: tac_buf_printf(buf, "%lld", (long long)ev->id); break;
        case 1: tac_buf_puts(buf, ev->date ? ev->date : "-"); break;
        case 2: tac_buf_puts(buf, ev->source ? ev->source : "-"); break;
        case 3: tac_buf_puts(buf, ev->target ? ev->target : "-"); break;
        case 4: tac_buf_puts(buf, ev->cameo); break;
        case 5: tac_buf_printf(buf, "%d", ev->quad); break;
        case 6:
            if (ev->has_goldstein)
                tac_buf_printf(buf, "%.1f", ev->goldstein);
            else
                tac_buf_puts(buf, "-");
            break;
        case 7: tac_buf_puts(buf, ev->plover ? ev->plover : "-"); break;
        case 8: put_truncated(buf, ev->doc_id, 24); tac_buf_printf(buf, "#%d", ev->ordinal); break;
        default:
            /* one line per event: line breaks become spaces */
            put_truncated(buf, ev->text ? ev->text : "", TABLE_TEXT_CHARS);
            for (size_t k = offs[i]; k < buf->len; k++)
                if (buf->data[k] == '\n' || buf->data[k] == '\r' || buf->data[k] == '\t')
                    buf->data[k] = ' ';
        }
        tac_buf_putc(buf, '\0');
    }
    for (int i = 0; i < STORE_TABLE_COLUMNS; i++)
        cells[i] = buf->data ? buf->data + offs[i] : "";
}

/* ---- series ---------------------------------------------------------- */

bool store_series_csv_header(tac_buf *out)
{
    return tac_buf_puts(out, "period,q1,q2,q3,q4,total,goldstein_sum,goldstein_mean\n");
}

bool store_series_format(tac_buf *out, tac_store_format fmt, const tac_series_row *r)
{
    char mean[32] = "";
    if (r->goldstein_n)
        snprintf(mean, sizeof mean, "%.4f", r->goldstein_mean);
    if (fmt == TAC_STORE_FMT_CSV)
        return tac_buf_printf(out, "%s,%ld,%ld,%ld,%ld,%ld,%.2f,%s\n", r->period, r->quad[1],
                              r->quad[2], r->quad[3], r->quad[4], r->total, r->goldstein_sum,
                              mean);
    return tac_buf_printf(out,
                          "{\"period\":\"%s\",\"q1\":%ld,\"q2\":%ld,\"q3\":%ld,\"q4\":%ld,"
                          "\"total\":%ld,\"goldstein_sum\":%.2f,\"goldstein_mean\":%s}",
                          r->period, r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->total,
                          r->goldstein_sum, r->goldstein_n ? mean : "null");
}
