#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "parse/parse.h"

struct tac_engine {
    tac_engine_config cfg;
    tac_coder     *coder;
    tac_frontend  *frontend;      /* NULL without a tagger */
    tac_document  *document;      /* NULL with sentences_only */
    tac_gazetteer *own_gazetteer; /* loaded here when the config gave none */
    tac_arena      arena;         /* the current record's events and tokens */
    tac_event     *events;
    size_t         n_events, cap_events;
};

/* Coreference: the coder tells the document's memory every actor it
 * coded and asks it about phrases that refer back ("Li", "the premier",
 * "he", "the two countries"). */
static void mention_noted(void *ud, int sentence, size_t first_token, size_t n_tokens,
                          const char *const *words, const char *code)
{
    tac_engine *e = ud;
    /* Out of memory here only costs a later resolution. */
    (void)tac_doc_note_mention_at(tac_document_memory(e->document), sentence, (int)first_token,
                                  words, n_tokens, code);
}

static size_t mention_resolve(void *ud, int sentence, size_t first_token, size_t n_tokens,
                              const char *const *words, const char **codes, size_t cap)
{
    tac_engine *e = ud;
    const char *found[2];
    size_t n = tac_doc_resolve_all_at(tac_document_memory(e->document), sentence,
                                      (int)first_token, words, n_tokens, found);
    if (n > cap)
        n = cap;
    for (size_t i = 0; i < n; i++)
        codes[i] = found[i];
    return n;
}

static bool start_document_stage(tac_engine *e, tac_error *err)
{
    const tac_gazetteer *g = e->cfg.gazetteer;
    if (!g) {
        e->own_gazetteer = tac_gazetteer_load(NULL, NULL, NULL, err);
        if (!e->own_gazetteer)
            return false;
        g = e->own_gazetteer;
    }
    e->document = tac_document_new(g, err);
    if (!e->document)
        return false;
    tac_mention_hook hook = {e, mention_noted, mention_resolve};
    tac_coder_set_mention_hook(e->coder, &hook);
    return true;
}

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
    bool ok = (e->coder = tac_coder_new(cfg->dicts, &cfg->coder, err)) != NULL;
    if (ok && cfg->tagger)
        ok = (e->frontend = tac_frontend_new(cfg->tagger, err)) != NULL;
    /* the coder takes the front end's trees as nodes: nothing to print */
    tac_frontend_set_bracketing(e->frontend, false);
    if (ok && !cfg->sentences_only)
        ok = start_document_stage(e, err);
    if (!ok) {
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
    tac_document_free(e->document);
    tac_gazetteer_free(e->own_gazetteer);
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
        &dst->target_entry, &dst->story_date, &dst->event_date, &dst->date_precision,
        &dst->place, &dst->country,
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        *fields[i] = dup_or_null(*fields[i], arena, &ok);
    if (src->n_sentences) {
        int *s = tac_arena_alloc(arena, src->n_sentences * sizeof *s);
        if (!s)
            return false;
        memcpy(s, src->sentences, src->n_sentences * sizeof *s);
        dst->sentences = s;
    }
    return ok;
}

static tac_status keep_event(tac_engine *e, const tac_event *ev, tac_error *err)
{
    if (e->n_events == e->cap_events) {
        size_t cap = e->cap_events ? e->cap_events * 2 : 16;
        tac_event *p = realloc(e->events, cap * sizeof *p);
        if (!p)
            return tac_fail(err, TAC_ENOMEM, "out of memory");
        e->events = p;
        e->cap_events = cap;
    }
    if (!tac_event_copy(&e->events[e->n_events], ev, &e->arena))
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    e->n_events++;
    return TAC_OK;
}

/* ---- the document stage ------------------------------------------------ */

/* The words of a given tree, for date and place finding on parsed input. */
static tac_status tree_words(tac_engine *e, const char *tree, const char ***forms,
                             const char ***tags, size_t *n, tac_error *err)
{
    tac_ptb_tree t;
    if (!tac_ptb_read(tree, &e->arena, &t, err))
        return TAC_EPARSE;
    *forms = tac_arena_alloc(&e->arena, (t.n_leaves + 1) * sizeof **forms);
    *tags = tac_arena_alloc(&e->arena, (t.n_leaves + 1) * sizeof **tags);
    if (!*forms || !*tags)
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    for (uint32_t i = 0; i < t.n_leaves; i++) {
        (*forms)[i] = tac_arena_strndup(&e->arena, t.leaves[i].word, t.leaves[i].word_len);
        (*tags)[i] = tac_arena_strndup(&e->arena, t.leaves[i].tag, t.leaves[i].tag_len);
        if (!(*forms)[i] || !(*tags)[i])
            return tac_fail(err, TAC_ENOMEM, "out of memory");
    }
    *n = t.n_leaves;
    return TAC_OK;
}

/* "YYYY-MM-DD" of a day number (days since 1970-01-01), by the civil
 * calendar algorithm (Howard Hinnant's days_from_civil, inverted). */
static void day_to_iso(int32_t days, char out[32])
{
    long z = (long)days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 32, "%04u-%02u-%02u", (unsigned)(y + (m <= 2)) % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

/* Turns the stage's merged events into the engine's events. */
static tac_status collect_document(tac_engine *e, const tac_record *rec, tac_error *err)
{
    const tac_event_doc *docs;
    size_t n = 0;
    tac_status st = tac_document_finish(e->document, &docs, &n, err);
    if (st != TAC_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        const tac_event_doc *d = &docs[i];
        tac_event ev = d->event;
        ev.story_date = rec->date;
        ev.sentences = d->sentences;
        ev.n_sentences = d->n_sentences;
        char first_day[32];
        if (d->date.precision != TAC_DATE_NONE) {
            day_to_iso(d->date.first_day, first_day);
            ev.date = first_day;
            ev.event_date = d->date.date;
            ev.date_precision = tac_date_precision_name(d->date.precision);
            ev.historical = d->date.historical;
        }
        if (d->has_location) {
            ev.has_location = true;
            ev.place = d->place;
            ev.country = d->country;
            ev.lat = d->lat;
            ev.lon = d->lon;
        }
        if ((st = keep_event(e, &ev, err)) != TAC_OK)
            return st;
    }
    return TAC_OK;
}

/* ---- coding ------------------------------------------------------------ */

/* Codes one sentence. forms/tags (may be NULL: read from the tree) feed the
 * document stage. */
static tac_status code_sentence(tac_engine *e, const tac_record *rec, const char *tree,
                                const tac_parsed_sentence *ps, const char *text, int sentence,
                                const char *const *forms, const char *const *tags,
                                size_t n_tokens, tac_engine_stats *stats, tac_error *err)
{
    tac_sentence_input in = {
        .parse = tree,
        .nodes = ps ? ps->nodes : NULL,
        .n_nodes = ps ? ps->n_nodes : 0,
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
    if (!e->document) {
        for (size_t i = 0; i < n && st == TAC_OK; i++)
            st = keep_event(e, &events[i], err);
        return st;
    }
    if (!forms && (st = tree_words(e, tree, (const char ***)&forms, (const char ***)&tags,
                                   &n_tokens, err)) != TAC_OK)
        return st;
    st = tac_document_add_sentence(e->document, sentence, forms, tags, n_tokens, err);
    for (size_t i = 0; i < n && st == TAC_OK; i++)
        st = tac_document_add_event(e->document, &events[i], -1, TAC_TENSE_UNKNOWN, err);
    return st;
}

/* Token forms of a front-end sentence, as the document stage wants them. */
static const char *const *sentence_forms(tac_engine *e, const tac_parsed_sentence *ps)
{
    const char **forms = tac_arena_alloc(&e->arena, (ps->n_tokens + 1) * sizeof *forms);
    if (forms)
        for (uint32_t i = 0; i < ps->n_tokens; i++)
            forms[i] = ps->tokens[i].form;
    return forms;
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
        const char *const *forms = e->document ? sentence_forms(e, &ps[i]) : NULL;
        if (e->document && !forms)
            return tac_fail(err, TAC_ENOMEM, "out of memory");
        st = code_sentence(e, rec, NULL, &ps[i], ps[i].text, first + (int)i, forms,
                           ps[i].tags, ps[i].n_tokens, stats, err);
        /* A tree our own parser made that the coder rejects is a bug to
         * report, but it must not cost the rest of the document. */
        if (st == TAC_EPARSE) {
            if (stats) {
                stats->failed_sentences++;
                snprintf(stats->failure, sizeof stats->failure, "sentence %d: %.200s",
                         first + (int)i, err->msg);
            }
            continue;
        }
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
    tac_status st = TAC_OK;
    if (e->document)
        st = tac_document_begin(e->document, rec->doc_id ? rec->doc_id : rec->id, rec->date,
                                rec->dateline, err);
    if (st != TAC_OK)
        return st;
    if (rec->parse && !e->cfg.from_text)
        st = code_sentence(e, rec, rec->parse, NULL, rec->text,
                           rec->sentence_index > 0 ? rec->sentence_index : 1, NULL, NULL, 0,
                           stats, err);
    else
        st = code_text(e, rec, stats, err);
    if (st == TAC_OK && e->document)
        st = collect_document(e, rec, err);
    if (st != TAC_OK)
        return st;
    *events = e->events;
    *n = e->n_events;
    return TAC_OK;
}
