/* tac_document: the document stage as the pipeline drives it. The caller
 * hands over each sentence's tokens and each coded event; finish() dates
 * and places every event from its own sentence and merges repeats. All
 * input is copied into a per-document arena, reset by the next begin, so
 * the coder's buffers may be reused meanwhile. */
#include <stdlib.h>
#include <string.h>

#include "document/document.h"

typedef struct doc_sentence {
    int index;
    const char **forms;
    const char **tags;    /* NULL when not given */
    size_t n;
} doc_sentence;

typedef struct doc_event {
    tac_event ev;
    int verb;
    tac_tense tense;
} doc_event;

struct tac_document {
    const tac_gazetteer *gazetteer;
    tac_doc_memory *memory;
    tac_arena   arena;
    const char *doc_id, *story_date, *dateline;
    doc_sentence *sentences;
    size_t n_sentences, cap_sentences;
    doc_event *events;
    size_t n_events, cap_events;
};

tac_document *tac_document_new(const tac_gazetteer *g, tac_error *err)
{
    tac_document *d = calloc(1, sizeof *d);
    if (d && !(d->memory = tac_doc_memory_new())) {
        free(d);
        d = NULL;
    }
    if (!d) {
        tac_fail(err, TAC_ENOMEM, "out of memory");
        return NULL;
    }
    d->gazetteer = g;
    tac_arena_init(&d->arena, 64 * 1024);
    return d;
}

void tac_document_free(tac_document *d)
{
    if (!d)
        return;
    tac_doc_memory_free(d->memory);
    tac_arena_free(&d->arena);
    free(d->sentences);
    free(d->events);
    free(d);
}

tac_doc_memory *tac_document_memory(tac_document *d)
{
    return d ? d->memory : NULL;
}

static const char *copy(tac_document *d, const char *s, bool *ok)
{
    if (!s)
        return NULL;
    char *c = tac_arena_strdup(&d->arena, s);
    if (!c)
        *ok = false;
    return c;
}

tac_status tac_document_begin(tac_document *d, const char *doc_id, const char *story_date,
                              const char *dateline, tac_error *err)
{
    if (!d)
        return tac_fail(err, TAC_EINVAL, "tac_document_begin: no document");
    tac_arena_reset(&d->arena);
    tac_doc_memory_reset(d->memory);
    d->n_sentences = d->n_events = 0;
    bool ok = true;
    d->doc_id = copy(d, doc_id, &ok);
    d->story_date = copy(d, story_date, &ok);
    d->dateline = copy(d, dateline, &ok);
    return ok ? TAC_OK : tac_fail(err, TAC_ENOMEM, "%s: out of memory", doc_id ? doc_id : "document");
}

/* Grows a malloc'd vector to hold one more element. */
static bool reserve(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 32;
    void *g = realloc(*v, c * size);
    if (!g)
        return false;
    *v = g;
    *cap = c;
    return true;
}

static const char **copy_words(tac_document *d, const char *const *w, size_t n, bool *ok)
{
    const char **out = tac_arena_calloc(&d->arena, n ? n : 1, sizeof *out);
    if (!out) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = copy(d, w[i] ? w[i] : "", ok);
    return out;
}

tac_status tac_document_add_sentence(tac_document *d, int index, const char *const *forms,
                                     const char *const *tags, size_t n, tac_error *err)
{
    if (!d || (n && !forms))
        return tac_fail(err, TAC_EINVAL, "tac_document_add_sentence: bad arguments");
    if (!reserve((void **)&d->sentences, &d->cap_sentences, d->n_sentences, sizeof *d->sentences))
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    bool ok = true;
    doc_sentence s = {index, copy_words(d, forms, n, &ok), tags ? copy_words(d, tags, n, &ok) : NULL,
                      n};
    if (!ok)
        return tac_fail(err, TAC_ENOMEM, "%s: out of memory", d->doc_id ? d->doc_id : "document");
    d->sentences[d->n_sentences++] = s;
    return TAC_OK;
}

tac_status tac_document_add_event(tac_document *d, const tac_event *ev, int verb,
                                  tac_tense tense, tac_error *err)
{
    if (!d || !ev)
        return tac_fail(err, TAC_EINVAL, "tac_document_add_event: bad arguments");
    if (!reserve((void **)&d->events, &d->cap_events, d->n_events, sizeof *d->events))
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    bool ok = true;
    tac_event c = *ev;
    const char **fields[] = {
        &c.doc_id, &c.date, &c.source, &c.source_root, &c.source_agent, &c.target,
        &c.target_root, &c.target_agent, &c.cameo, &c.issues, &c.text, &c.verb_pattern,
        &c.verb_where, &c.source_entry, &c.target_entry};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        *fields[i] = copy(d, *fields[i], &ok);
    if (!ok)
        return tac_fail(err, TAC_ENOMEM, "%s: out of memory", d->doc_id ? d->doc_id : "document");
    d->events[d->n_events++] = (doc_event){c, verb, tense};
    return TAC_OK;
}

/* The latest sentence given that index. */
static const doc_sentence *find_sentence(const tac_document *d, int index)
{
    for (size_t i = d->n_sentences; i-- > 0;)
        if (d->sentences[i].index == index)
            return &d->sentences[i];
    return NULL;
}

static void place_event(const tac_document *d, const doc_sentence *s, const doc_event *e,
                        tac_event_doc *out)
{
    if (!d->gazetteer)
        return;
    tac_place_input pin = {
        .forms = s ? (const char *const *)s->forms : NULL,
        .tags = s ? (const char *const *)s->tags : NULL,
        .n = s ? s->n : 0,
        .verb = e->verb,
        .dateline = d->dateline,
        .historical = out->date.historical,
    };
    tac_event_place pl;
    tac_find_place(d->gazetteer, &pin, &pl);
    if (pl.place) {
        out->place = pl.place->name;
        out->country = pl.place->country;
        out->has_location = true;
        out->lat = pl.place->lat;
        out->lon = pl.place->lon;
    }
}

tac_status tac_document_finish(tac_document *d, const tac_event_doc **out, size_t *n,
                               tac_error *err)
{
    if (!d || !out || !n)
        return tac_fail(err, TAC_EINVAL, "tac_document_finish: bad arguments");
    *out = NULL;
    *n = 0;
    tac_event_doc *docs = tac_arena_calloc(&d->arena, d->n_events ? d->n_events : 1, sizeof *docs);
    int *sentence_of = tac_arena_calloc(&d->arena, d->n_events ? d->n_events : 1, sizeof *sentence_of);
    if (!docs || !sentence_of)
        return tac_fail(err, TAC_ENOMEM, "%s: out of memory", d->doc_id ? d->doc_id : "document");
    for (size_t i = 0; i < d->n_events; i++) {
        const doc_event *e = &d->events[i];
        const doc_sentence *s = find_sentence(d, e->ev.sentence);
        tac_event_doc *o = &docs[i];
        o->event = e->ev;
        sentence_of[i] = e->ev.sentence;
        o->sentences = &sentence_of[i];
        o->n_sentences = 1;
        tac_date_input din = {
            .story_date = d->story_date ? d->story_date : e->ev.date,
            .forms = s ? (const char *const *)s->forms : NULL,
            .tags = s ? (const char *const *)s->tags : NULL,
            .n = s ? s->n : 0,
            .verb = e->verb,
            .tense = e->tense,
        };
        /* A missing or bad story date leaves the event undated (NONE). */
        tac_resolve_date(&din, &o->date, NULL);
        place_event(d, s, e, o);
    }
    tac_event_doc *merged;
    tac_status st = tac_dedupe_events(docs, d->n_events, &d->arena, &merged, n, err);
    if (st != TAC_OK)
        return st;
    *out = merged;
    return TAC_OK;
}
