/* The text stage's entry points: a per-thread context holding one arena,
 * and tac_text_analyze(), which tokenizes the whole text in one pass, finds
 * sentence boundaries over the tokens and lays out the result. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

#define POOL_CHUNK (32 * 1024)

tac_text_ctx *tac_text_ctx_new(void)
{
    tac_text_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx)
        tac_arena_init(&ctx->arena, 256 * 1024);
    return ctx;
}

void tac_text_ctx_free(tac_text_ctx *ctx)
{
    if (!ctx)
        return;
    tac_arena_free(&ctx->arena);
    free(ctx);
}

/* ---- forms ----------------------------------------------------------- */

/* Room for n bytes in the form pool; pool_commit() then takes what was used. */
static char *pool_reserve(tac_text_ctx *ctx, size_t n)
{
    if (ctx->pool_left < n) {
        size_t size = n > POOL_CHUNK ? n : POOL_CHUNK;
        ctx->pool = tac_arena_alloc(&ctx->arena, size);
        ctx->pool_left = ctx->pool ? size : 0;
        if (!ctx->pool) {
            ctx->oom = true;
            return NULL;
        }
    }
    return ctx->pool;
}

static void pool_commit(tac_text_ctx *ctx, size_t n)
{
    ctx->pool += n;
    ctx->pool_left -= n;
}

const char *text_form_copy(tac_text_ctx *ctx, const char *s, size_t n)
{
    char *p = pool_reserve(ctx, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    pool_commit(ctx, n + 1);
    return p;
}

/* NFC of the valid UTF-8 in buf[0..n), written back into buf (capacity
 * cap). Returns the new length. */
static size_t nfc(tac_text_ctx *ctx, char *buf, size_t n, size_t cap)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)n,
                                            ctx->ucs, (utf8proc_ssize_t)ctx->ucs_cap, opts);
    if (m > (utf8proc_ssize_t)ctx->ucs_cap) {
        size_t want = (size_t)m + 64;
        int32_t *ucs = tac_arena_alloc(&ctx->arena, (want + 1) * sizeof *ucs);
        if (!ucs) {
            ctx->oom = true;
            return n;
        }
        ctx->ucs = ucs;
        ctx->ucs_cap = want;
        m = utf8proc_decompose((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)n, ctx->ucs,
                               (utf8proc_ssize_t)ctx->ucs_cap, opts);
    }
    if (m < 0)
        return n;                   /* cannot happen on valid UTF-8; keep as is */
    utf8proc_ssize_t r = utf8proc_reencode(ctx->ucs, m, opts);
    if (r < 0 || (size_t)r > cap)
        return n;
    memcpy(buf, ctx->ucs, (size_t)r);
    return (size_t)r;
}

const char *text_form(tac_text_ctx *ctx, const uint8_t *s, size_t n, bool ascii)
{
    if (ascii)
        return text_form_copy(ctx, (const char *)s, n);
    /* worst case: every byte an invalid one, replaced by 3-byte U+FFFD;
     * NFC never grows a string by more than 3x either */
    size_t cap = 3 * n + 1;
    char *out = pool_reserve(ctx, cap);
    if (!out)
        return NULL;
    size_t w = 0;
    bool need_nfc = false;
    for (size_t p = 0; p < n;) {
        int32_t cp;
        int len = text_decode(s + p, n - p, &cp);
        if (cp < 0) {
            memcpy(out + w, "\xef\xbf\xbd", 3);
            w += 3;
            ctx->n_invalid++;
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02bc) {
            out[w++] = '\'';
        } else if (cp == 0x2010 || cp == 0x2011) {
            out[w++] = '-';
        } else {
            memcpy(out + w, s + p, (size_t)len);
            w += (size_t)len;
            need_nfc |= cp >= 0x300;
        }
        p += (size_t)len;
    }
    if (need_nfc)
        w = nfc(ctx, out, w, cap - 1);
    out[w] = '\0';
    pool_commit(ctx, w + 1);
    return out;
}

/* ---- the result ------------------------------------------------------ */

/* Dateline tokens up to the first dash, bracket or comma: "BEIJING",
 * "WASHINGTON" of "WASHINGTON, Oct. 7 (Reuters) -". */
static uint32_t dateline_place(const tac_text_ctx *ctx, uint32_t n)
{
    uint32_t k = 0;
    for (; k < n; k++) {
        const text_tok *t = &ctx->toks[k];
        if (t->kind == TK_DASH || t->kind == TK_OBRACKET || t->kind == TK_COMMA
            || t->kind == TK_COLON || (t->kind == TK_SYM && t->form[0] == '-'))
            break;
    }
    return k;
}

static tac_token *put_token(tac_token *out, const text_tok *t)
{
    out->form = t->form;
    out->start = t->start;
    out->end = t->end;
    if (t->flags & TT_SPLIT_PERIOD) {
        /* PTB keeps "U.S." and adds the sentence's own period; the two
         * share the original period byte, which goes to the second */
        out->end = t->end - 1;
        out++;
        out->form = ".";
        out->start = t->end - 1;
        out->end = t->end;
    }
    return out + 1;
}

static void put_sentence(tac_sentence *sent, tac_token *first, tac_token *end, uint8_t kind)
{
    sent->kind = (tac_sentence_kind)kind;
    sent->tokens = first;
    sent->n_tokens = (uint32_t)(end - first);
    sent->start = first->start;
    sent->end = end[-1].end;
}

static tac_status layout(tac_text_ctx *ctx, uint32_t n_place, uint32_t body,
                         const text_span *spans, uint32_t n_spans)
{
    size_t n_tokens = n_place;
    for (uint32_t i = body; i < ctx->n_toks; i++)
        n_tokens += 1 + (ctx->toks[i].flags & TT_SPLIT_PERIOD ? 1 : 0);
    tac_token *tokens = tac_arena_alloc(&ctx->arena, (n_tokens + 1) * sizeof *tokens);
    tac_sentence *sents = tac_arena_alloc(&ctx->arena, ((size_t)n_spans + 1) * sizeof *sents);
    if (!tokens || !sents)
        return TAC_ENOMEM;
    tac_token *w = tokens;
    uint32_t ns = 0;
    if (n_place) {
        tac_token *first = w;
        for (uint32_t i = 0; i < n_place; i++)
            w = put_token(w, &ctx->toks[i]);
        put_sentence(&sents[ns++], first, w, TAC_SENT_DATELINE);
    }
    for (uint32_t s = 0; s < n_spans; s++) {
        tac_token *first = w;
        for (uint32_t i = spans[s].begin; i < spans[s].end; i++)
            w = put_token(w, &ctx->toks[i]);
        if (w > first)
            put_sentence(&sents[ns++], first, w, spans[s].kind);
    }
    ctx->result.sentences = sents;
    ctx->result.n_sentences = ns;
    return TAC_OK;
}

tac_status tac_text_analyze(tac_text_ctx *ctx, const char *text, size_t len,
                            size_t dateline_end, const tac_text **out, tac_error *err)
{
    if (!ctx || !out || (!text && len))
        return tac_fail(err, TAC_EINVAL, "tac_text_analyze: missing argument");
    if (len >= UINT32_MAX)
        return tac_fail(err, TAC_ELIMIT, "text of %zu bytes exceeds the 4 GiB limit", len);
    if (dateline_end > len)
        return tac_fail(err, TAC_EINVAL, "dateline end %zu is beyond the text (%zu bytes)",
                        dateline_end, len);
    tac_arena_reset(&ctx->arena);
    memset(&ctx->result, 0, sizeof ctx->result);
    ctx->result.original = text;
    ctx->s = (const uint8_t *)(text ? text : "");
    ctx->len = len;
    ctx->n_toks = 0;
    ctx->cap_toks = (uint32_t)(len / 5 + 64);
    ctx->toks = tac_arena_alloc(&ctx->arena, ctx->cap_toks * sizeof *ctx->toks);
    ctx->pool = NULL;
    ctx->pool_left = 0;
    ctx->ucs = NULL;
    ctx->ucs_cap = 0;
    ctx->n_invalid = 0;
    ctx->dq_open = false;
    ctx->oom = ctx->toks == NULL;

    text_tokenize(ctx, 0, dateline_end);
    uint32_t n_dateline = ctx->n_toks;
    uint32_t n_place = dateline_place(ctx, n_dateline);
    ctx->dq_open = false;
    text_tokenize(ctx, dateline_end, len);
    if (ctx->oom)
        return tac_fail(err, TAC_ENOMEM, "out of memory tokenizing %zu bytes", len);

    text_span *spans = tac_arena_alloc(&ctx->arena,
                                       ((size_t)ctx->n_toks - n_dateline + 1) * sizeof *spans);
    if (!spans)
        return tac_fail(err, TAC_ENOMEM, "out of memory splitting %zu bytes", len);
    uint32_t n_spans = text_split(ctx, n_dateline, spans);
    if (layout(ctx, n_place, n_dateline, spans, n_spans) != TAC_OK)
        return tac_fail(err, TAC_ENOMEM, "out of memory laying out %zu bytes", len);
    ctx->result.n_invalid_bytes = ctx->n_invalid;
    *out = &ctx->result;
    return TAC_OK;
}
