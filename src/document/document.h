/* document: the stage after coding. It reads an article as a whole: the date
 * each sentence refers to, where its event happened, who "he" and "the two
 * countries" are, and which events are the same one told twice.
 *
 * Public entry points are in tacitus.h (section document). Files:
 *
 *   calendar.c   days since 1970-01-01, weekdays, month lengths
 *   words.c      small word tests shared by the files below
 *   dates.c      date expressions and tense -> tac_event_date
 *   gazetteer.c  data/gazetteer.tsv (built in) and name matching
 *   places.c     the place of a sentence's event
 *   coref.c      tac_doc_memory: mentions and their later references
 *   dedupe.c     merging repeated events; the cross-story day filter
 *   document.c   tac_document: the stage as the pipeline drives it
 *
 * See docs/document.md. */
#ifndef TAC_DOCUMENT_H
#define TAC_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tacitus.h"
#include "util/util.h"

/* ---- calendar (proleptic Gregorian) ---------------------------------- */

int32_t doc_days_from_civil(int y, int m, int d);
void    doc_civil_from_days(int32_t days, int *y, int *m, int *d);
/* "YYYY-MM-DD" (also "YYYYMMDD") with a valid month and day. */
bool    doc_parse_ymd(const char *s, int32_t *days);
int     doc_month_length(int y, int m);
/* 0 = Monday ... 6 = Sunday. */
int     doc_weekday(int32_t days);

/* ---- words ------------------------------------------------------------ */

bool doc_is_capitalized(const char *w);
/* Case-insensitive membership in a NULL-terminated list. */
bool doc_word_in(const char *w, const char *const *list);
/* A date word: a month (full or abbreviated), 1..12, else 0. */
int  doc_month_number(const char *w);
/* A weekday name: 0 = Monday ... 6 = Sunday, else -1. */
int  doc_weekday_number(const char *w);
/* Parses an all-digit token; false if it is not one or is too long. */
bool doc_parse_int(const char *w, long *out);

/* ---- tense ------------------------------------------------------------ */

/* The tense a single token marks where it stands (will -> future, said ->
 * past, is -> present), looking at its neighbours for "has been",
 * "set to", "the armed". */
tac_tense doc_token_tense(const char *const *forms, const char *const *tags, size_t n,
                          size_t i);

/* ---- gazetteer -------------------------------------------------------- */

/* The built-in data/gazetteer.tsv (generated at build time). */
extern const char   doc_gazetteer_tsv[];
extern const size_t doc_gazetteer_tsv_len;

/* Longest place name in tokens. */
#define DOC_MAX_NAME_TOKENS 8

#endif
