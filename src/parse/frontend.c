/* The raw-text front end: text stage (split, tokenize) -> tagger -> shallow
 * parser, one record at a time. Everything per record lives in one arena
 * that is reset at the next call, so a long run allocates nothing once the
 * arena has grown to the largest record. */
#include <stdlib.h>
#include <string.h>

#include "parse/parse.h"

struct tac_frontend {
    const tac_tagger *tagger;    /* shared, immutable */
    tac_text_ctx     *text;
    tac_parser       *parser;
    tac_arena         arena;     /* the current record's results */
    bool              bracketing; /* also print each tree */
};

tac_frontend *tac_frontend_new(const tac_tagger *tagger, tac_error *err)
{
    if (!tagger) {
        tac_fail(err, TAC_EINVAL, "the raw-text front end needs a tagger model");
        return NULL;
    }
    tac_frontend *fe = calloc(1, sizeof *fe);
    if (!fe) {
        tac_fail(err, TAC_ENOMEM, "out of memory creating the text front end");
        return NULL;
    }
    fe->tagger = tagger;
    fe->bracketing = true;
    tac_arena_init(&fe->arena, 1 << 16);
    fe->text = tac_text_ctx_new();
    fe->parser = tac_parser_new(err);
    if (!fe->text || !fe->parser) {
        if (!fe->text)
            tac_fail(err, TAC_ENOMEM, "out of memory creating the text front end");
        tac_frontend_free(fe);
        return NULL;
    }
    return fe;
}

void tac_frontend_free(tac_frontend *fe)
{
    if (!fe)
        return;
    tac_text_ctx_free(fe->text);
    tac_parser_free(fe->parser);
    tac_arena_free(&fe->arena);
    free(fe);
}

/* Tags and parses one sentence into out (all memory from the arena). */
static tac_status parse_sentence(tac_frontend *fe, const tac_text *text, uint32_t index,
                                 tac_parsed_sentence *out, tac_error *err)
{
    const tac_sentence *s = &text->sentences[index];
    size_t n = s->n_tokens;
    const char **forms = tac_arena_alloc(&fe->arena, (n + 1) * sizeof *forms);
    const char **tags = tac_arena_alloc(&fe->arena, (n + 1) * sizeof *tags);
    if (!forms || !tags)
        return tac_fail(err, TAC_ENOMEM, "out of memory tagging a sentence of %zu tokens", n);
    for (size_t i = 0; i < n; i++)
        forms[i] = s->tokens[i].form;
    tac_status st = tac_tag_tokens(fe->tagger, forms, n, tags, &fe->arena, err);
    if (st != TAC_OK)
        return st;
    /* the bracketing is for people and tools; the coder takes the nodes */
    out->tree = NULL;
    if (fe->bracketing) {
        const char *tree;
        if ((st = tac_parse_tokens(fe->parser, forms, tags, n, &tree, err)) != TAC_OK ||
            (st = tac_parser_export(fe->parser, &fe->arena, &out->nodes, &out->n_nodes,
                                    err)) != TAC_OK)
            return st;
        if (!(out->tree = tac_arena_strdup(&fe->arena, tree)))
            return tac_fail(err, TAC_ENOMEM, "out of memory keeping a parse tree");
    } else {
        st = tac_parse_tokens_nodes(fe->parser, forms, tags, n, &fe->arena, &out->nodes,
                                    &out->n_nodes, err);
        if (st != TAC_OK)
            return st;
    }
    out->index = (int)index;
    out->kind = s->kind;
    out->text = tac_arena_strndup(&fe->arena, text->original + s->start, s->end - s->start);
    out->tokens = s->tokens;
    out->n_tokens = s->n_tokens;
    out->tags = tags;
    if (!out->text)
        return tac_fail(err, TAC_ENOMEM, "out of memory keeping a sentence");
    return TAC_OK;
}

tac_status tac_frontend_parse(tac_frontend *fe, const char *text, size_t len,
                              size_t dateline_end, bool all_sentences,
                              const tac_parsed_sentence **out, size_t *n, tac_error *err)
{
    if (!fe || !out || !n || (!text && len > 0))
        return tac_fail(err, TAC_EINVAL, "tac_frontend_parse: NULL argument");
    *out = NULL;
    *n = 0;
    tac_arena_reset(&fe->arena);
    const tac_text *t;
    tac_status st = tac_text_analyze(fe->text, text ? text : "", len, dateline_end, &t, err);
    if (st != TAC_OK)
        return st;
    tac_parsed_sentence *ps =
        tac_arena_calloc(&fe->arena, t->n_sentences + 1, sizeof *ps);
    if (!ps)
        return tac_fail(err, TAC_ENOMEM, "out of memory parsing %u sentences", t->n_sentences);
    size_t k = 0;
    for (uint32_t i = 0; i < t->n_sentences; i++) {
        const tac_sentence *s = &t->sentences[i];
        if (s->n_tokens == 0 || (!all_sentences && s->kind != TAC_SENT_BODY))
            continue;
        st = parse_sentence(fe, t, i, &ps[k], err);
        if (st != TAC_OK)
            return st;
        k++;
    }
    *out = ps;
    *n = k;
    return TAC_OK;
}

void tac_frontend_set_bracketing(tac_frontend *fe, bool on)
{
    if (fe)
        fe->bracketing = on;
}
