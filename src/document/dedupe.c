/* One event told twice: within a document, events with the same source,
 * target and code (or one code refining the other) and overlapping dates are
 * merged, listing every sentence that reports them. Across documents, the
 * `--dedupe day` filter passes each (source, target, code, date) once. */
#include <stdlib.h>
#include <string.h>

#include "document/document.h"

static bool same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* "04" and "042" are one event told with less and more detail. */
static bool codes_compatible(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    size_t la = strlen(a), lb = strlen(b);
    if (!la || !lb)
        return la == lb;
    return strncmp(a, b, la < lb ? la : lb) == 0;
}

/* A sentence without a date expression asserts no date: it may retell
 * an event another sentence dates. */
static bool dates_compatible(const tac_event_date *a, const tac_event_date *b)
{
    if (a->precision == TAC_DATE_NONE || b->precision == TAC_DATE_NONE ||
        a->from_story || b->from_story)
        return true;
    return a->first_day <= b->last_day && b->first_day <= a->last_day;
}

static bool same_event(const tac_event_doc *a, const tac_event_doc *b)
{
    return same_str(a->event.source, b->event.source) &&
           same_str(a->event.target, b->event.target) &&
           codes_compatible(a->event.cameo, b->event.cameo) &&
           dates_compatible(&a->date, &b->date);
}

/* A date found in the text beats the story date; a narrower one a wider. */
static bool better_date(const tac_event_date *a, const tac_event_date *b)
{
    if (b->precision == TAC_DATE_NONE)
        return false;
    if (a->precision == TAC_DATE_NONE || a->from_story != b->from_story)
        return a->precision == TAC_DATE_NONE || a->from_story;
    return b->last_day - b->first_day < a->last_day - a->first_day;
}

static void merge_into(tac_event_doc *keep, const tac_event_doc *other)
{
    if (strlen(other->event.cameo ? other->event.cameo : "") >
        strlen(keep->event.cameo ? keep->event.cameo : "")) {
        keep->event.cameo = other->event.cameo;
        keep->event.verb_pattern = other->event.verb_pattern;
        keep->event.verb_where = other->event.verb_where;
    }
    if (better_date(&keep->date, &other->date))
        keep->date = other->date;
    if (!keep->place && other->place) {
        keep->place = other->place;
        keep->country = other->country;
        keep->has_location = other->has_location;
        keep->lat = other->lat;
        keep->lon = other->lon;
    }
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

tac_status tac_dedupe_events(const tac_event_doc *in, size_t n, struct tac_arena *arena,
                             tac_event_doc **out, size_t *n_out, tac_error *err)
{
    if (!arena || !out || !n_out || (n && !in))
        return tac_fail(err, TAC_EINVAL, "tac_dedupe_events: bad arguments");
    *out = NULL;
    *n_out = 0;
    if (n == 0)
        return TAC_OK;
    tac_event_doc *merged = tac_arena_calloc(arena, n, sizeof *merged);
    size_t *group = tac_arena_calloc(arena, n, sizeof *group);
    size_t *count = tac_arena_calloc(arena, n, sizeof *count);
    if (!merged || !group || !count)
        return tac_fail(err, TAC_ENOMEM, "out of memory merging events");
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < m && !same_event(&merged[j], &in[i]))
            j++;
        if (j == m)
            merged[m++] = in[i];
        else
            merge_into(&merged[j], &in[i]);
        group[i] = j;
        count[j] += in[i].n_sentences ? in[i].n_sentences : 1;
    }
    for (size_t j = 0; j < m; j++) {
        int *s = tac_arena_calloc(arena, count[j], sizeof *s);
        if (!s)
            return tac_fail(err, TAC_ENOMEM, "out of memory merging events");
        merged[j].sentences = s;
        merged[j].n_sentences = 0;
    }
    for (size_t i = 0; i < n; i++) {
        tac_event_doc *d = &merged[group[i]];
        int *s = (int *)d->sentences;
        if (in[i].n_sentences)
            for (size_t k = 0; k < in[i].n_sentences; k++)
                s[d->n_sentences++] = in[i].sentences[k];
        else
            s[d->n_sentences++] = in[i].event.sentence;
    }
    for (size_t j = 0; j < m; j++) {
        int *s = (int *)merged[j].sentences;
        qsort(s, merged[j].n_sentences, sizeof *s, compare_ints);
        size_t u = 0;
        for (size_t k = 0; k < merged[j].n_sentences; k++)
            if (u == 0 || s[u - 1] != s[k])
                s[u++] = s[k];
        merged[j].n_sentences = u;
    }
    *out = merged;
    *n_out = m;
    return TAC_OK;
}

/* ---- the cross-story day filter --------------------------------------- */

typedef struct day_entry {
    char    *key;        /* "source\x1ftarget\x1fcode\x1fdate", malloc'd */
    uint64_t hash;
    int32_t  day;        /* latest story day it was seen */
    long     count;
} day_entry;

struct tac_day_filter {
    day_entry *slots;
    size_t     cap, n;
    int        window;
    int32_t    newest;
    bool       any;
};

tac_day_filter *tac_day_filter_new(int window_days)
{
    tac_day_filter *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->cap = 1024;
    f->slots = calloc(f->cap, sizeof *f->slots);
    if (!f->slots) {
        free(f);
        return NULL;
    }
    f->window = window_days > 0 ? window_days : 7;
    return f;
}

void tac_day_filter_free(tac_day_filter *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->cap; i++)
        free(f->slots[i].key);
    free(f->slots);
    free(f);
}

size_t tac_day_filter_size(const tac_day_filter *f)
{
    return f ? f->n : 0;
}

static void put_entry(day_entry *slots, size_t cap, day_entry e)
{
    size_t mask = cap - 1;
    size_t i = e.hash & mask;
    while (slots[i].key)
        i = (i + 1) & mask;
    slots[i] = e;
}

/* Rebuilds the table with the entries still inside the window, at a
 * capacity that keeps it at most half full. */
static tac_status rebuild(tac_day_filter *f, size_t want)
{
    size_t live = 0;
    int32_t oldest = f->newest - f->window;
    for (size_t i = 0; i < f->cap; i++)
        live += f->slots[i].key && f->slots[i].day >= oldest;
    size_t cap = 1024;
    while (cap < (live + want) * 2)
        cap *= 2;
    day_entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return TAC_ENOMEM;
    for (size_t i = 0; i < f->cap; i++) {
        if (!f->slots[i].key)
            continue;
        if (f->slots[i].day >= oldest)
            put_entry(slots, cap, f->slots[i]);
        else
            free(f->slots[i].key);
    }
    free(f->slots);
    f->slots = slots;
    f->cap = cap;
    f->n = live;
    return TAC_OK;
}

tac_status tac_day_filter_add(tac_day_filter *f, const char *story_date, const char *source,
                              const char *target, const char *code, const char *date,
                              bool *is_new, long *count)
{
    if (!f || !code || !is_new)
        return TAC_EINVAL;
    *is_new = true;
    if (count)
        *count = 1;
    int32_t day;
    if (!doc_parse_ymd(story_date, &day)) {
        /* an event date: "2025-10-07", or the first day of "2025-10", "2025",
         * "1950..1953" */
        char first[11] = "";
        if (date)
            memcpy(first, date, strcspn(date, ".") < 10 ? strcspn(date, ".") : 10);
        if (strlen(first) == 4)
            strcat(first, "-01-01");
        else if (strlen(first) == 7)
            strcat(first, "-01");
        if (!doc_parse_ymd(first, &day))
            return TAC_OK;
    }
    if (!f->any || day > f->newest) {
        bool moved = f->any;
        f->newest = day;
        f->any = true;
        if (moved && rebuild(f, 0) != TAC_OK)
            return TAC_ENOMEM;
    }
    if (day < f->newest - f->window)
        return TAC_OK;
    tac_buf key;
    tac_buf_init(&key);
    if (!tac_buf_printf(&key, "%s\x1f%s\x1f%s\x1f%s", source ? source : "",
                        target ? target : "", code, date ? date : "")) {
        tac_buf_free(&key);
        return TAC_ENOMEM;
    }
    uint64_t h = tac_hash_bytes(key.data, key.len);
    size_t mask = f->cap - 1;
    for (size_t i = h & mask; f->slots[i].key; i = (i + 1) & mask) {
        day_entry *e = &f->slots[i];
        if (e->hash == h && strcmp(e->key, key.data) == 0) {
            e->count++;
            if (day > e->day)
                e->day = day;
            *is_new = false;
            if (count)
                *count = e->count;
            tac_buf_free(&key);
            return TAC_OK;
        }
    }
    if ((f->n + 1) * 2 > f->cap && rebuild(f, 1) != TAC_OK) {
        tac_buf_free(&key);
        return TAC_ENOMEM;
    }
    put_entry(f->slots, f->cap, (day_entry){key.data, h, day, 1});
    f->n++;
    return TAC_OK;
}
