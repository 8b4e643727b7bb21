/* output: the CAMEO codebook and the event writers (jsonl, tsv, text).
 * Public API in include/tacitus.h, section "output"; this header holds what
 * the stage shares with its generated code and tests. */
#ifndef TAC_OUTPUT_H
#define TAC_OUTPUT_H

#include <stddef.h>

#include "tacitus.h"
#include "util/util.h"

/* Generated at build time from data/cameo-codebook.tsv (cmake/output.cmake):
 * sorted by code (strcmp order), every code's root present. */
extern const tac_cameo_info tac_cameo_table[];
extern const size_t tac_cameo_table_len;

/* How a string is escaped when it is written. All modes also replace
 * invalid UTF-8 with U+FFFD, so every writer emits valid UTF-8. */
typedef enum tac_escape {
    TAC_ESCAPE_JSON,   /* body of a JSON string */
    TAC_ESCAPE_TSV,    /* \\ \t \n \r as backslash escapes */
    TAC_ESCAPE_TEXT    /* control characters (incl. newlines) become spaces */
} tac_escape;

/* Appends n bytes of s escaped for `mode`. False on out of memory. */
bool tac_output_put_escaped(tac_buf *b, const char *s, size_t n, tac_escape mode);

#endif
