#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

struct tac_engine {
    tac_engine_config cfg;
    tac_coder    *coder;
    tac_frontend *frontend;      /* NULL without a tagger */
    tac_arena     arena;         /* the current record's events */
    tac_event    *events;
    size_t        n_events, cap_events;
};

tac_engine *tac_engine_new(const tac_engine_config *cfg, tac_error *err)
{
    if (!cfg || !cfg->dicts) {
        tac_fail(err, TAC_EINVAL, "engine: no dictionaries");
        return NULL;
    }
    tac_engine *e = calloc(1, sizeof *e);
    if (!e) {
        tac_fail(err, TAC_ENOMEM, "out of memory");
        return NULL;
    }
    e->cfg = *cfg;
    tac_arena_init(&e->arena, 64 * 1024);
    e->coder = tac_coder_new(cfg->dicts, &cfg->coder, err);
    if (e->coder && cfg->tagger)
        e->frontend = tac_frontend_new(cfg->tagger, err);
    if (!e->coder || (cfg->tagger && !e->frontend)) {
        tac_engine_free(e);
        return NULL;
    }
    return e;
}

void tac_engine_free(tac_engine *e)
{
    if (!e)
        return;
    tac_coder_free(e->coder);
    tac_frontend_free(e->frontend);
    tac_arena_free(&e->arena);
    free(e->events);
    free(e);
}

static const char *dup_or_null(const char *s, tac_arena *a, bool *ok)
{
    if (!s)
        return NULL;
    const char *d = tac_arena_strdup(a, s);
    if (!d)
        *ok = false;
    return d;
}

bool tac_event_copy(tac_event *dst, const tac_event *src, tac_arena *arena)
{
    bool ok = true;
    *dst = *src;
    const char **fields[] = {
        &dst->doc_id, &dst->date, &dst->source, &dst->source_root, &dst->source_agent,
        &dst->target, &dst->target_root, &dst->target_agent, &dst->cameo, &dst->issues,
        &dst->text, &dst->verb_pattern, &dst->verb_where, &dst->source_entry,
        &dst->target_entry,
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        *fields[i] = dup_or_null(*fields[i], arena, &ok);
    return ok;
}

static tac_status keep_events(tac_engine *e, const tac_event *events, size_t n, tac_error *err)
{
    if (e->n_events + n > e->cap_events) {
        size_t cap = e->cap_events ? e->cap_events * 2 : 16;
        while (cap < e->n_events + n)
            cap *= 2;
        tac_event *p = realloc(e->events, cap * sizeof *p);
        if (!p)
            return tac_fail(err, TAC_ENOMEM, "out of memory");
        e->events = p;
        e->cap_events = cap;
    }
    for (size_t i = 0; i < n; i++) {
        if (!tac_event_copy(&e->events[e->n_events], &events[i], &e->arena))
            return tac_fail(err, TAC_ENOMEM, "out of memory");
        e->n_events++;
    }
    return TAC_OK;
}

static tac_status code_sentence(tac_engine *e, const tac_record *rec, const char *tree,
                                const char *text, int sentence, tac_engine_stats *stats,
                                tac_error *err)
{
    tac_sentence_input in = {
        .parse = tree,
        .date = rec->date,
        .doc_id = rec->doc_id ? rec->doc_id : rec->id,
        .sentence = sentence,
        .text = text,
    };
    const tac_event *events;
    size_t n = 0;
    tac_status st = tac_coder_code_parse(e->coder, &in, &events, &n, NULL, err);
    if (st != TAC_OK)
        return st;
    if (stats) {
        stats->sentences++;
        stats->events += (long)n;
    }
    return keep_events(e, events, n, err);
}

static tac_status code_text(tac_engine *e, const tac_record *rec, tac_engine_stats *stats,
                            tac_error *err)
{
    if (!e->frontend)
        return tac_fail(err, TAC_EINVAL,
                        "record %s has no parse and no tagger model is loaded for raw text",
                        rec->id);
    size_t dateline_end = rec->dateline ? rec->body_offset : 0;
    const tac_parsed_sentence *ps;
    size_t n = 0;
    tac_status st = tac_frontend_parse(e->frontend, rec->text, rec->text_len, dateline_end,
                                       false, &ps, &n, err);
    if (st != TAC_OK)
        return st;
    int first = rec->sentence_index > 0 ? rec->sentence_index : 1;
    for (size_t i = 0; i < n; i++) {
        st = code_sentence(e, rec, ps[i].tree, ps[i].text, first + (int)i, stats, err);
        /* A tree our own parser made that the coder rejects is a bug to
         * report, but it must not cost the rest of the document. */
        if (st == TAC_EPARSE)
            continue;
        if (st != TAC_OK)
            return st;
    }
    return TAC_OK;
}

tac_status tac_engine_code(tac_engine *e, const tac_record *rec, const tac_event **events,
                           size_t *n, tac_engine_stats *stats, tac_error *err)
{
    tac_arena_reset(&e->arena);
    e->n_events = 0;
    *events = NULL;
    *n = 0;
    if (!rec->date)
        return tac_fail(err, TAC_EINVAL, "record %s has no date (give --date YYYY-MM-DD)",
                        rec->id);
    tac_status st;
    if (rec->parse && !e->cfg.from_text)
        st = code_sentence(e, rec, rec->parse, rec->text,
                           rec->sentence_index > 0 ? rec->sentence_index : 1, stats, err);
    else
        st = code_text(e, rec, stats, err);
    if (st != TAC_OK)
        return st;
    *events = e->events;
    *n = e->n_events;
    return TAC_OK;
}
