#include <string.h>

#include "pipeline/pipeline.h"

static bool copy_str(const char **dst, const char *src, tac_arena *arena)
{
    if (!src) {
        *dst = NULL;
        return true;
    }
    *dst = tac_arena_strdup(arena, src);
    return *dst != NULL;
}

bool tac_record_copy(tac_record *dst, const tac_record *src, tac_arena *arena)
{
    *dst = *src;
    char *text = tac_arena_strndup(arena, src->text ? src->text : "", src->text_len);
    if (!text)
        return false;
    dst->text = text;
    bool ok = copy_str(&dst->id, src->id, arena) && copy_str(&dst->doc_id, src->doc_id, arena) &&
              copy_str(&dst->date, src->date, arena) && copy_str(&dst->title, src->title, arena) &&
              copy_str(&dst->source, src->source, arena) && copy_str(&dst->url, src->url, arena) &&
              copy_str(&dst->category, src->category, arena) &&
              copy_str(&dst->parse, src->parse, arena) &&
              copy_str(&dst->dateline, src->dateline, arena) &&
              copy_str(&dst->file, src->file, arena);
    if (!ok)
        return false;
    if (src->n_expected) {
        tac_expected_event *ev = tac_arena_alloc(arena, src->n_expected * sizeof *ev);
        if (!ev)
            return false;
        for (size_t i = 0; i < src->n_expected; i++) {
            ev[i] = src->expected[i];
            if (!copy_str(&ev[i].source, src->expected[i].source, arena) ||
                !copy_str(&ev[i].target, src->expected[i].target, arena) ||
                !copy_str(&ev[i].code, src->expected[i].code, arena) ||
                !copy_str(&ev[i].error, src->expected[i].error, arena))
                return false;
        }
        dst->expected = ev;
    }
    if (src->n_config) {
        tac_config_option *cfg = tac_arena_alloc(arena, src->n_config * sizeof *cfg);
        if (!cfg)
            return false;
        for (size_t i = 0; i < src->n_config; i++) {
            if (!copy_str(&cfg[i].option, src->config[i].option, arena) ||
                !copy_str(&cfg[i].value, src->config[i].value, arena))
                return false;
        }
        dst->config = cfg;
    }
    return true;
}
