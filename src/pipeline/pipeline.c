#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/pipeline.h"

/* Records travel in batches: one lock round-trip per batch instead of per
 * record, which matters when a record (one sentence) takes microseconds. A
 * batch is published when it holds BATCH_RECORDS records or BATCH_BYTES of
 * text, or when the input ends. */
#define BATCH_RECORDS 64
#define BATCH_BYTES   (256 * 1024)

typedef struct item {
    tac_record rec;
    size_t     out_start, out_end;   /* this record's bytes in the slot's out */
    void      *result;
    tac_counts counts;
    tac_status status;
    tac_error  err;
} item;

typedef enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE } slot_state;

typedef struct slot {
    slot_state state;
    long       seq;           /* input order of the batch */
    item       items[BATCH_RECORDS];
    int        n_items;
    size_t     text_bytes;
    tac_arena  arena;
    tac_buf    out;
} slot;

typedef struct run {
    const tac_pipeline_options *opt;
    const tac_pipeline_work *work;
    slot           *slots;
    int             n_slots;
    slot           *filling;       /* batch being filled by the reader */
    long            next_seq;      /* seq of the next batch published */
    long            next_process;  /* seq a worker takes next */
    long            next_emit;     /* seq emitted next */
    bool            reading_done;
    bool            aborted;
    pthread_mutex_t lock;
    pthread_cond_t  work_ready;    /* a slot became READY, or the run ended */
    pthread_cond_t  slot_done;     /* a slot became DONE */
    tac_counts     *totals;
    double          started, last_progress;
    tac_error       fatal;
} run;

static void report(const tac_pipeline_options *opt, tac_severity sev, const char *where,
                   const char *msg)
{
    tac_diag_emit(&opt->diag, sev, where, "%s", msg);
}

static void show_progress(run *r, bool final)
{
    if (!r->opt->progress)
        return;
    double now = tac_now();
    if (!final && now - r->last_progress < 0.5)
        return;
    r->last_progress = now;
    double elapsed = now - r->started;
    const tac_counts *t = r->totals;
    fprintf(stderr, "\r\033[Krecords %ld  sentences %ld (%.0f/s)  events %ld  errors %ld",
            t->records, t->sentences, elapsed > 0 ? (double)t->sentences / elapsed : 0.0,
            t->events, t->skipped);
    if (final)
        fputc('\n', stderr);
    fflush(stderr);
}

static void run_batch(run *r, void *state, slot *s)
{
    const tac_pipeline_work *w = r->work;
    for (int i = 0; i < s->n_items; i++) {
        item *it = &s->items[i];
        tac_error_clear(&it->err);
        memset(&it->counts, 0, sizeof it->counts);
        it->result = NULL;
        it->out_start = s->out.len;
        it->status = w->process(w->ud, state, &it->rec, &s->arena, &s->out, &it->result,
                                &it->counts, &it->err);
        it->out_end = s->out.len;
    }
}

/* Emits one record on the main thread. */
static tac_status emit_item(run *r, slot *s, item *it)
{
    const tac_pipeline_options *opt = r->opt;
    tac_counts *t = r->totals;
    t->records++;
    t->sentences += it->counts.sentences;
    t->events += it->counts.events;
    t->skipped += it->counts.skipped;
    if (it->status == TAC_SKIPPED) {
        t->skipped++;
        report(opt, TAC_ERROR, it->rec.id, it->err.msg);
        return TAC_OK;
    }
    if (it->status != TAC_OK)
        return tac_fail(&r->fatal, it->status, "%s: %s", it->rec.id, it->err.msg);
    size_t len = it->out_end - it->out_start;
    if (r->work->emit) {
        /* A view of this record's bytes; the callback must not keep it. */
        tac_buf view = {s->out.data ? s->out.data + it->out_start : NULL, len, len};
        return r->work->emit(r->work->ud, &it->rec, &view, it->result, &r->fatal);
    }
    if (len && fwrite(s->out.data + it->out_start, 1, len, opt->out) != len)
        return tac_fail(&r->fatal, TAC_EIO, "write error on output");
    return TAC_OK;
}

static tac_status emit_slot(run *r, slot *s)
{
    tac_status st = TAC_OK;
    for (int i = 0; i < s->n_items && st == TAC_OK; i++)
        st = emit_item(r, s, &s->items[i]);
    show_progress(r, false);
    return st;
}

static void slot_recycle(slot *s)
{
    tac_arena_reset(&s->arena);
    tac_buf_clear(&s->out);
    s->n_items = 0;
    s->text_bytes = 0;
    s->state = SLOT_FREE;
}

/* ---- threaded mode ---------------------------------------------------- */

typedef struct worker_arg {
    run  *r;
    void *state;
} worker_arg;

static void *worker_main(void *p)
{
    worker_arg *wa = p;
    run *r = wa->r;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        slot *s = NULL;
        while (!r->aborted) {
            s = &r->slots[r->next_process % r->n_slots];
            if (s->state == SLOT_READY && s->seq == r->next_process)
                break;
            s = NULL;
            if (r->reading_done && r->next_process == r->next_seq)
                break;
            pthread_cond_wait(&r->work_ready, &r->lock);
        }
        if (!s)
            break;
        s->state = SLOT_BUSY;
        r->next_process++;
        pthread_mutex_unlock(&r->lock);
        run_batch(r, wa->state, s);
        pthread_mutex_lock(&r->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&r->slot_done);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Emits every DONE slot at the head of the order; with wait_for_head,
 * first waits until the head is done. Called with the lock held. */
static tac_status drain_done(run *r, bool wait_for_head)
{
    for (;;) {
        if (r->next_emit == r->next_seq)
            return TAC_OK;
        slot *s = &r->slots[r->next_emit % r->n_slots];
        if (s->state != SLOT_DONE) {
            if (!wait_for_head)
                return TAC_OK;
            pthread_cond_wait(&r->slot_done, &r->lock);
            continue;
        }
        pthread_mutex_unlock(&r->lock);
        tac_status st = emit_slot(r, s);
        pthread_mutex_lock(&r->lock);
        slot_recycle(s);
        r->next_emit++;
        if (st != TAC_OK)
            return st;
        wait_for_head = false;
    }
}

/* A free slot for the next batch, emitting finished ones as needed. */
static slot *acquire_slot(run *r, tac_status *st)
{
    pthread_mutex_lock(&r->lock);
    *st = drain_done(r, false);
    while (*st == TAC_OK && r->next_seq - r->next_emit >= r->n_slots)
        *st = drain_done(r, true);
    pthread_mutex_unlock(&r->lock);
    if (*st != TAC_OK)
        return NULL;
    return &r->slots[r->next_seq % r->n_slots];
}

static void publish_slot(run *r, slot *s)
{
    pthread_mutex_lock(&r->lock);
    s->seq = r->next_seq++;
    s->state = SLOT_READY;
    pthread_cond_broadcast(&r->work_ready);
    pthread_mutex_unlock(&r->lock);
}

/* ---- reading ---------------------------------------------------------- */

/* Hands the filling batch on: to a worker, or (jobs <= 1) straight through
 * process and emit on this thread with inline_state. */
static tac_status flush_batch(run *r, void *inline_state)
{
    slot *s = r->filling;
    if (!s || s->n_items == 0)
        return TAC_OK;
    r->filling = NULL;
    if (r->opt->jobs > 1) {
        publish_slot(r, s);
        return TAC_OK;
    }
    run_batch(r, inline_state, s);
    tac_status st = emit_slot(r, s);
    slot_recycle(s);
    return st;
}

static tac_status add_record(run *r, const tac_record *rec, void *inline_state)
{
    tac_status st = TAC_OK;
    if (!r->filling) {
        r->filling = r->opt->jobs <= 1 ? &r->slots[0] : acquire_slot(r, &st);
        if (!r->filling)
            return st;
    }
    slot *s = r->filling;
    item *it = &s->items[s->n_items];
    if (!tac_record_copy(&it->rec, rec, &s->arena))
        return tac_fail(&r->fatal, TAC_ENOMEM, "out of memory copying record %s", rec->id);
    s->n_items++;
    s->text_bytes += rec->text_len;
    /* Inline runs take one record at a time: output as soon as it is coded. */
    bool full = r->opt->jobs <= 1 || s->n_items == BATCH_RECORDS ||
                s->text_bytes >= BATCH_BYTES;
    return full ? flush_batch(r, inline_state) : TAC_OK;
}

static tac_status read_input(run *r, const char *path, void *inline_state)
{
    const tac_pipeline_options *opt = r->opt;
    tac_error err;
    tac_reader *rd = tac_reader_open(path, &opt->reader, &err);
    if (!rd) {
        r->totals->skipped++;
        report(opt, TAC_ERROR, path ? path : "-", err.msg);
        return TAC_OK;   /* an unreadable file is a skipped input, not the end */
    }
    tac_status st = TAC_OK;
    for (;;) {
        tac_record rec;
        tac_status rs = tac_reader_next(rd, &rec, &err);
        if (rs == TAC_END)
            break;
        if (rs == TAC_SKIPPED) {
            /* Reported now, not in order with the output: the reader's
             * message names file:line, which is what locates it. */
            r->totals->skipped++;
            report(opt, TAC_ERROR, "", err.msg);
            continue;
        }
        if (rs != TAC_OK) {
            st = tac_fail(&r->fatal, rs, "%s", err.msg);
            break;
        }
        if ((st = add_record(r, &rec, inline_state)) != TAC_OK)
            break;
    }
    tac_reader_close(rd);
    return st;
}

static void free_slots(run *r)
{
    for (int i = 0; i < r->n_slots; i++) {
        tac_arena_free(&r->slots[i].arena);
        tac_buf_free(&r->slots[i].out);
    }
    free(r->slots);
}

static bool alloc_slots(run *r, int n)
{
    r->slots = calloc((size_t)n, sizeof *r->slots);
    if (!r->slots)
        return false;
    r->n_slots = n;
    for (int i = 0; i < n; i++) {
        tac_arena_init(&r->slots[i].arena, 64 * 1024);
        tac_buf_init(&r->slots[i].out);
    }
    return true;
}

static tac_status run_inline(run *r, const char *const *inputs, size_t n_inputs)
{
    const tac_pipeline_work *w = r->work;
    void *state = NULL;
    if (w->worker_new && !(state = w->worker_new(w->ud, &r->fatal)))
        return r->fatal.status ? r->fatal.status : TAC_ENOMEM;
    tac_status st = TAC_OK;
    for (size_t i = 0; i < n_inputs && st == TAC_OK; i++)
        st = read_input(r, inputs[i], state);
    if (w->worker_free && state)
        w->worker_free(w->ud, state);
    return st;
}

static tac_status run_threaded(run *r, const char *const *inputs, size_t n_inputs)
{
    const tac_pipeline_work *w = r->work;
    int jobs = r->opt->jobs;
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    worker_arg *args = calloc((size_t)jobs, sizeof *args);
    int started = 0;
    tac_status st = TAC_OK;
    if (!threads || !args)
        st = tac_fail(&r->fatal, TAC_ENOMEM, "out of memory starting workers");
    for (int i = 0; i < jobs && st == TAC_OK; i++) {
        args[i].r = r;
        if (w->worker_new && !(args[i].state = w->worker_new(w->ud, &r->fatal))) {
            st = r->fatal.status ? r->fatal.status : TAC_ENOMEM;
            break;
        }
        if (pthread_create(&threads[i], NULL, worker_main, &args[i]) != 0) {
            if (w->worker_free && args[i].state)
                w->worker_free(w->ud, args[i].state);
            st = tac_fail(&r->fatal, TAC_ENOMEM, "cannot start worker thread");
            break;
        }
        started++;
    }
    for (size_t i = 0; i < n_inputs && st == TAC_OK; i++)
        st = read_input(r, inputs[i], NULL);
    if (st == TAC_OK)
        st = flush_batch(r, NULL);
    pthread_mutex_lock(&r->lock);
    r->reading_done = true;
    if (st != TAC_OK)
        r->aborted = true;
    pthread_cond_broadcast(&r->work_ready);
    while (st == TAC_OK && r->next_emit < r->next_seq)
        st = drain_done(r, true);
    if (st != TAC_OK)
        r->aborted = true;
    pthread_cond_broadcast(&r->work_ready);
    pthread_mutex_unlock(&r->lock);
    for (int i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
        if (w->worker_free && args[i].state)
            w->worker_free(w->ud, args[i].state);
    }
    free(threads);
    free(args);
    return st;
}

tac_status tac_pipeline_run(const char *const *inputs, size_t n_inputs,
                            const tac_pipeline_options *opt, const tac_pipeline_work *work,
                            tac_counts *totals, tac_error *err)
{
    static const char *const stdin_only[] = {"-"};
    if (n_inputs == 0) {
        inputs = stdin_only;
        n_inputs = 1;
    }
    memset(totals, 0, sizeof *totals);
    run r = {.opt = opt, .work = work, .totals = totals, .started = tac_now()};
    tac_error_clear(&r.fatal);
    /* Two batches per worker in flight, plus one being filled, one being
     * emitted: memory is bounded whatever the input's length. */
    int n_slots = opt->jobs <= 1 ? 1 : opt->jobs * 2 + 2;
    if (!alloc_slots(&r, n_slots))
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.work_ready, NULL);
    pthread_cond_init(&r.slot_done, NULL);
    tac_status st = opt->jobs <= 1 ? run_inline(&r, inputs, n_inputs)
                                   : run_threaded(&r, inputs, n_inputs);
    show_progress(&r, true);
    pthread_cond_destroy(&r.slot_done);
    pthread_cond_destroy(&r.work_ready);
    pthread_mutex_destroy(&r.lock);
    free_slots(&r);
    if (st != TAC_OK && err)
        *err = r.fatal;
    return st;
}
