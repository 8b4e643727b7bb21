/* pipeline: drives records from readers through a per-record function on
 * N worker threads and hands the results back in input order.
 *
 * The main thread reads (readers are sequential by nature) and emits; the
 * workers only run `process`. Each record is deep-copied into a slot with
 * its own arena, so workers never touch reader buffers. With jobs == 1
 * everything runs inline on the calling thread. */
#ifndef TAC_PIPELINE_H
#define TAC_PIPELINE_H

#include <stdio.h>

#include "tacitus.h"
#include "util/util.h"

typedef struct tac_counts {
    long records;     /* records processed */
    long sentences;
    long events;
    long skipped;     /* records skipped because of bad input */
} tac_counts;

/* What a run does with each record. All callbacks get `ud`. */
typedef struct tac_pipeline_work {
    /* Per-thread state (coder, text context...). NULL return with err set
     * aborts the run. May be NULL when no state is needed. */
    void *(*worker_new)(void *ud, tac_error *err);
    void  (*worker_free)(void *ud, void *state);
    /* Processes one record on a worker thread. Writes output to `out`, may
     * leave a result in `*result` (allocated from `arena`, freed with the
     * slot), adds to `counts`. TAC_SKIPPED with err set = bad record. */
    tac_status (*process)(void *ud, void *state, const tac_record *rec, tac_arena *arena,
                          tac_buf *out, void **result, tac_counts *counts, tac_error *err);
    /* Called on the main thread in input order. NULL: `out` is written to
     * the run's output stream. Returning non-OK aborts the run. */
    tac_status (*emit)(void *ud, const tac_record *rec, const tac_buf *out, void *result,
                       tac_error *err);
    void *ud;
} tac_pipeline_work;

typedef struct tac_pipeline_options {
    int         jobs;          /* worker threads; <= 1 runs inline */
    tac_reader_options reader;
    FILE       *out;           /* where `out` buffers go when emit is NULL */
    bool        progress;      /* live progress line on stderr */
    tac_diag    diag;          /* skipped records are reported here, in order */
} tac_pipeline_options;

/* Runs every input (NULL/"-" = stdin) in order. Returns TAC_OK even when
 * records were skipped (see totals->skipped); negative on fatal errors. */
tac_status tac_pipeline_run(const char *const *inputs, size_t n_inputs,
                            const tac_pipeline_options *opt, const tac_pipeline_work *work,
                            tac_counts *totals, tac_error *err);

/* Copies a record (all strings, expected events) into arena. */
bool tac_record_copy(tac_record *dst, const tac_record *src, tac_arena *arena);

#endif
