/* `tacitus code --dedupe day`: the Phoenix one-a-day filter over the
 * output. The same (source, target, code, date) reported by several stories
 * becomes one event, written once with the number of stories in
 * tac_event.count.
 *
 * Events pass through a tac_day_filter (src/document). A first sighting is
 * held, not written; later sightings only raise its count. A held event is
 * written, with its final count, once its key leaves the filter's window
 * (its latest story date is more than window days before the newest story
 * date seen), and at the end of the run. Events written together go in
 * first-sighting order. Events the filter does not remember (no usable
 * date, or a story older than the window) are written at once, count 1.
 *
 * One thread (the CLI's main thread, in input order). Memory is bounded by
 * the distinct events of one window: each held event owns one small arena,
 * freed when it is written. */
#ifndef TAC_DEDUPE_DAY_H
#define TAC_DEDUPE_DAY_H

#include <stdbool.h>
#include <stddef.h>

#include "tacitus.h"

typedef struct day_dedupe day_dedupe;

/* Where finished events go. A non-OK return stops and is passed back. */
typedef tac_status (*day_dedupe_write_fn)(void *ud, const tac_event *ev, tac_error *err);

/* window_days <= 0 means 7. NULL when out of memory. */
day_dedupe *day_dedupe_new(int window_days, day_dedupe_write_fn write, void *ud);
/* Frees everything; events still held are dropped (call finish first). */
void        day_dedupe_free(day_dedupe *d);
/* Passes one event of a story dated story_date ("YYYY-MM-DD"; else the
 * event's own date places it). *first (may be NULL): the first sighting of
 * its key, i.e. the one that will be written. May write events that left
 * the window. */
tac_status  day_dedupe_add(day_dedupe *d, const char *story_date, const tac_event *ev,
                           bool *first, tac_error *err);
/* Writes every held event, in first-sighting order (end of the run). */
tac_status  day_dedupe_finish(day_dedupe *d, tac_error *err);
/* Events held now. */
size_t      day_dedupe_held(const day_dedupe *d);

#endif
