#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/pipeline.h"

/* A slot carries one record from the reader to a worker and back. */
typedef enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE } slot_state;

typedef struct slot {
    slot_state  state;
    long        seq;          /* input order */
    tac_record  rec;
    tac_arena   arena;
    tac_buf     out;
    void       *result;
    tac_counts  counts;
    tac_status  status;
    tac_error   err;
} slot;

typedef struct run {
    const tac_pipeline_options *opt;
    const tac_pipeline_work *work;
    slot           *slots;
    int             n_slots;
    long            next_seq;      /* seq of the next record read */
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

static void run_one(run *r, void *state, slot *s)
{
    const tac_pipeline_work *w = r->work;
    tac_error_clear(&s->err);
    memset(&s->counts, 0, sizeof s->counts);
    s->result = NULL;
    s->status = w->process(w->ud, state, &s->rec, &s->arena, &s->out, &s->result, &s->counts,
                           &s->err);
}

/* Emits one finished slot on the main thread. */
static tac_status emit_slot(run *r, slot *s)
{
    const tac_pipeline_options *opt = r->opt;
    tac_counts *t = r->totals;
    t->records++;
    t->sentences += s->counts.sentences;
    t->events += s->counts.events;
    t->skipped += s->counts.skipped;
    if (s->status == TAC_SKIPPED) {
        t->skipped++;
        report(opt, TAC_ERROR, s->rec.id, s->err.msg);
        return TAC_OK;
    }
    if (s->status != TAC_OK) {
        tac_fail(&r->fatal, s->status, "%s: %s", s->rec.id, s->err.msg);
        return s->status;
    }
    if (r->work->emit)
        return r->work->emit(r->work->ud, &s->rec, &s->out, s->result, &r->fatal);
    if (s->out.len && fwrite(s->out.data, 1, s->out.len, opt->out) != s->out.len)
        return tac_fail(&r->fatal, TAC_EIO, "write error on output");
    return TAC_OK;
}

static void slot_recycle(slot *s)
{
    tac_arena_reset(&s->arena);
    tac_buf_clear(&s->out);
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
        run_one(r, wa->state, s);
        pthread_mutex_lock(&r->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&r->slot_done);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Emits every DONE slot at the head of the order. Called with the lock held. */
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
        show_progress(r, false);
        pthread_mutex_lock(&r->lock);
        slot_recycle(s);
        r->next_emit++;
        if (st != TAC_OK)
            return st;
        wait_for_head = false;
    }
}

/* Gets the slot for the next record, emitting finished ones as needed. */
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

/* Reads one input; each record goes into a slot and, inline (jobs <= 1,
 * with inline_state) or threaded, through process/emit. */
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
            r->totals->skipped++;
            report(opt, TAC_ERROR, "", err.msg);
            continue;
        }
        if (rs != TAC_OK) {
            st = tac_fail(&r->fatal, rs, "%s", err.msg);
            break;
        }
        slot *s = opt->jobs <= 1 ? &r->slots[0] : acquire_slot(r, &st);
        if (!s)
            break;
        if (!tac_record_copy(&s->rec, &rec, &s->arena)) {
            st = tac_fail(&r->fatal, TAC_ENOMEM, "out of memory copying record %s", rec.id);
            break;
        }
        if (opt->jobs <= 1) {
            run_one(r, inline_state, s);
            st = emit_slot(r, s);
            slot_recycle(s);
            show_progress(r, false);
            if (st != TAC_OK)
                break;
        } else {
            publish_slot(r, s);
        }
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
    int n_slots = opt->jobs <= 1 ? 1 : opt->jobs * 8;
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
