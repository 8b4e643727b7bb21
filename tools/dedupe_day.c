/* `tacitus code --dedupe day`: holds first sightings until their key leaves
 * the tac_day_filter's window, then writes them with their count (see
 * dedupe_day.h).
 *
 * The filter decides what is new and counts; this file keeps the events
 * themselves. Its idea of the window must match the filter's exactly, so it
 * places keys by the same day (story date, else the event date's first day)
 * and moves the window on the same condition (a newer day). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dedupe_day.h"
#include "document/document.h"
#include "util/util.h"

typedef struct held_event {
    struct held_event *next;    /* first-sighting order */
    struct held_event *prev;
    struct held_event *chain;   /* same hash bucket */
    uint64_t  hash;
    char     *key;              /* "source\x1ftarget\x1fcode\x1fdate", in arena */
    int32_t   last_day;         /* latest story day it was seen */
    tac_arena arena;            /* owns key and the event's strings */
    tac_event ev;
} held_event;

struct day_dedupe {
    tac_day_filter *filter;
    int        window;
    bool       any;             /* newest is set */
    int32_t    newest;          /* newest story day seen */
    held_event *first, *last;
    held_event **buckets;
    size_t     n_buckets, n_held;
    tac_buf    key;             /* scratch */
    day_dedupe_write_fn write;
    void      *ud;
};

#define HELD_ARENA_BLOCK 2048   /* one event's strings usually fit */

day_dedupe *day_dedupe_new(int window_days, day_dedupe_write_fn write, void *ud)
{
    day_dedupe *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->window = window_days > 0 ? window_days : 7;
    d->filter = tac_day_filter_new(d->window);
    d->n_buckets = 256;
    d->buckets = calloc(d->n_buckets, sizeof *d->buckets);
    if (!d->filter || !d->buckets) {
        tac_day_filter_free(d->filter);
        free(d->buckets);
        free(d);
        return NULL;
    }
    tac_buf_init(&d->key);
    d->write = write;
    d->ud = ud;
    return d;
}

static void held_free(held_event *h)
{
    tac_arena_free(&h->arena);
    free(h);
}

void day_dedupe_free(day_dedupe *d)
{
    if (!d)
        return;
    for (held_event *h = d->first, *next; h; h = next) {
        next = h->next;
        held_free(h);
    }
    tac_day_filter_free(d->filter);
    free(d->buckets);
    tac_buf_free(&d->key);
    free(d);
}

size_t day_dedupe_held(const day_dedupe *d)
{
    return d ? d->n_held : 0;
}

/* The day that places a key in the window, as tac_day_filter_add finds it:
 * the story date, else the first day of the event date ("2025-10-07",
 * "2025-10", "2025", "1950..1953"). */
static bool key_day(const char *story_date, const char *date, int32_t *day)
{
    if (doc_parse_ymd(story_date, day))
        return true;
    char first[11] = "";
    if (date) {
        size_t n = strcspn(date, ".");
        memcpy(first, date, n < 10 ? n : 10);
    }
    if (strlen(first) == 4)
        strcat(first, "-01-01");
    else if (strlen(first) == 7)
        strcat(first, "-01");
    return doc_parse_ymd(first, day);
}

static bool build_key(day_dedupe *d, const tac_event *ev, uint64_t *hash)
{
    tac_buf_clear(&d->key);
    if (!tac_buf_printf(&d->key, "%s\x1f%s\x1f%s\x1f%s", ev->source ? ev->source : "",
                        ev->target ? ev->target : "", ev->cameo, ev->date ? ev->date : ""))
        return false;
    *hash = tac_hash_bytes(d->key.data, d->key.len);
    return true;
}

static held_event **bucket_of(day_dedupe *d, uint64_t hash)
{
    return &d->buckets[hash & (d->n_buckets - 1)];
}

static held_event *find_held(day_dedupe *d, uint64_t hash)
{
    for (held_event *h = *bucket_of(d, hash); h; h = h->chain)
        if (h->hash == hash && strcmp(h->key, d->key.data) == 0)
            return h;
    return NULL;
}

/* Keeps chains short: at most one held event per bucket on average. */
static bool grow_buckets(day_dedupe *d)
{
    size_t n = d->n_buckets * 2;
    held_event **b = calloc(n, sizeof *b);
    if (!b)
        return false;
    for (held_event *h = d->first; h; h = h->next) {
        held_event **slot = &b[h->hash & (n - 1)];
        h->chain = *slot;
        *slot = h;
    }
    free(d->buckets);
    d->buckets = b;
    d->n_buckets = n;
    return true;
}

static tac_status hold(day_dedupe *d, const tac_event *ev, uint64_t hash, int32_t day,
                       tac_error *err)
{
    if (d->n_held >= d->n_buckets && !grow_buckets(d))
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    held_event *h = calloc(1, sizeof *h);
    if (!h)
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    tac_arena_init(&h->arena, HELD_ARENA_BLOCK);
    h->key = tac_arena_strndup(&h->arena, d->key.data, d->key.len);
    if (!h->key || !tac_event_copy(&h->ev, ev, &h->arena)) {
        held_free(h);
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    }
    h->ev.count = 1;
    h->hash = hash;
    h->last_day = day;
    held_event **slot = bucket_of(d, hash);
    h->chain = *slot;
    *slot = h;
    h->prev = d->last;
    if (d->last)
        d->last->next = h;
    else
        d->first = h;
    d->last = h;
    d->n_held++;
    return TAC_OK;
}

static void unlink_held(day_dedupe *d, held_event *h)
{
    held_event **p = bucket_of(d, h->hash);
    while (*p != h)
        p = &(*p)->chain;
    *p = h->chain;
    if (h->prev)
        h->prev->next = h->next;
    else
        d->first = h->next;
    if (h->next)
        h->next->prev = h->prev;
    else
        d->last = h->prev;
    d->n_held--;
}

/* Writes and frees held events whose key the filter has forgotten (all of
 * them when everything is set), in first-sighting order. */
static tac_status flush(day_dedupe *d, bool everything, tac_error *err)
{
    int32_t oldest = d->newest - d->window;
    for (held_event *h = d->first, *next; h; h = next) {
        next = h->next;
        if (!everything && h->last_day >= oldest)
            continue;
        unlink_held(d, h);
        tac_status st = d->write(d->ud, &h->ev, err);
        held_free(h);
        if (st != TAC_OK)
            return st;
    }
    return TAC_OK;
}

static tac_status write_now(day_dedupe *d, const tac_event *ev, long count, tac_error *err)
{
    tac_event copy = *ev;
    copy.count = (int)count;
    return d->write(d->ud, &copy, err);
}

tac_status day_dedupe_add(day_dedupe *d, const char *story_date, const tac_event *ev,
                          bool *first, tac_error *err)
{
    if (first)
        *first = true;
    if (!ev->cameo)   /* nothing to key on: not an event the filter can count */
        return write_now(d, ev, 1, err);
    int32_t day = 0;
    bool dated = key_day(story_date, ev->date, &day);
    if (dated && (!d->any || day > d->newest)) {
        d->newest = day;
        d->any = true;
        tac_status st = flush(d, false, err);
        if (st != TAC_OK)
            return st;
    }
    bool is_new;
    long count;
    tac_status st = tac_day_filter_add(d->filter, story_date, ev->source, ev->target, ev->cameo,
                                       ev->date, &is_new, &count);
    if (st != TAC_OK)
        return tac_fail(err, st, "day filter: %s", tac_status_name(st));
    if (first)
        *first = is_new;
    bool remembered = dated && day >= d->newest - d->window;
    if (is_new && !remembered)
        return write_now(d, ev, 1, err);
    uint64_t hash;
    if (!build_key(d, ev, &hash))
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    held_event *h = find_held(d, hash);
    if (is_new && h) {   /* the filter forgot a key still held: it is done */
        unlink_held(d, h);
        st = d->write(d->ud, &h->ev, err);
        held_free(h);
        if (st != TAC_OK)
            return st;
    }
    if (is_new)
        return hold(d, ev, hash, day, err);
    if (!h)   /* the filter remembers a key we no longer hold: never drop it */
        return write_now(d, ev, count, err);
    h->ev.count = (int)count;
    if (day > h->last_day)
        h->last_day = day;
    return TAC_OK;
}

tac_status day_dedupe_finish(day_dedupe *d, tac_error *err)
{
    return flush(d, true, err);
}
