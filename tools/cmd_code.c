/* tacitus code: records in, events out (jsonl, tsv or text). Parsed input
 * (XML <Parse>, PTB trees) goes straight to the coder. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dedupe_day.h"
#include "dictopts.h"
#include "util/util.h"

typedef struct code_run {
    tac_engine_config engine;
    tac_output_format format;
    bool              keep_events;   /* the main thread needs the events (--db, --dedupe) */
    FILE             *out;           /* stdout or --output */
    tac_store        *store;         /* --db */
    tac_buf           open_doc;      /* id of the document open in the store */
    long              store_errors;
    bool              dedupe_day;    /* --dedupe day: the main thread writes events */
    day_dedupe       *dedupe;
    tac_buf           line;          /* one event, written by the main thread */
} code_run;

/* A record's events, carried from a worker to the main thread. */
typedef struct coded_record {
    tac_event *events;
    size_t     n;
    bool      *first;      /* --dedupe day: first sighting of its key (set by
                            * the main thread; only those are stored) */
} coded_record;

static void *code_worker_new(void *ud, tac_error *err)
{
    code_run *run = ud;
    return tac_engine_new(&run->engine, err);
}

static void code_worker_free(void *ud, void *state)
{
    (void)ud;
    tac_engine_free(state);
}

static tac_status keep_for_main_thread(const tac_event *events, size_t n, tac_arena *arena,
                                       void **result, tac_error *err)
{
    coded_record *cr = tac_arena_alloc(arena, sizeof *cr);
    tac_event *copy = tac_arena_alloc(arena, (n + 1) * sizeof *copy);
    bool *first = tac_arena_calloc(arena, n + 1, sizeof *first);
    if (!cr || !copy || !first)
        return tac_fail(err, TAC_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        if (!tac_event_copy(&copy[i], &events[i], arena))
            return tac_fail(err, TAC_ENOMEM, "out of memory");
    cr->events = copy;
    cr->n = n;
    cr->first = first;
    *result = cr;
    return TAC_OK;
}

static tac_status code_record(void *ud, void *state, const tac_record *rec, tac_arena *arena,
                              tac_buf *out, void **result, tac_counts *counts, tac_error *err)
{
    const code_run *run = ud;
    const tac_event *events;
    size_t n = 0;
    tac_engine_stats stats = {0};
    tac_status st = tac_engine_code(state, rec, &events, &n, &stats, err);
    counts->sentences += stats.sentences;
    if (stats.failed_sentences) {
        /* the record is still coded; the lost sentences count as skipped */
        fprintf(stderr, "tacitus: error: record %s: %ld sentence(s) not coded (%s)\n", rec->id,
                stats.failed_sentences, stats.failure);
        counts->skipped += stats.failed_sentences;
    }
    if (st == TAC_EPARSE || st == TAC_EINVAL)
        return TAC_SKIPPED;
    if (st != TAC_OK)
        return st;
    /* with --dedupe day, events are written by the main thread once counted */
    for (size_t i = 0; i < n && !run->dedupe_day; i++) {
        st = tac_write_event(run->format, &events[i], out);
        if (st != TAC_OK)
            return tac_fail(err, st, "cannot write event");
    }
    counts->events += (long)n;
    return run->keep_events ? keep_for_main_thread(events, n, arena, result, err) : TAC_OK;
}

/* ---- --db: the store, fed in input order on the main thread ---------- */

/* Sentence records of one story arrive one by one with the same doc_id:
 * they go into one stored document, committed when the next document
 * starts (and at the end). */
static tac_status store_switch_document(code_run *run, const tac_record *rec, tac_error *err)
{
    const char *doc_id = rec->doc_id ? rec->doc_id : rec->id;
    if (run->open_doc.len && !strcmp(run->open_doc.data, doc_id))
        return TAC_OK;
    tac_status st = TAC_OK;
    if (run->open_doc.len && (st = tac_store_commit_document(run->store, err)) != TAC_OK)
        return st;
    tac_buf_clear(&run->open_doc);
    tac_store_document doc = {doc_id, rec->date, rec->source, rec->url, rec->title};
    if ((st = tac_store_begin_document(run->store, &doc, err)) != TAC_OK)
        return st;
    tac_buf_puts(&run->open_doc, doc_id);
    return TAC_OK;
}

/* With --dedupe day only the first sighting of a key is stored (the store
 * has no column for the count). */
static tac_status store_record(code_run *run, const tac_record *rec, const coded_record *cr,
                               tac_error *err)
{
    tac_status st = store_switch_document(run, rec, err);
    int last_sentence = -1;
    for (size_t i = 0; st == TAC_OK && i < cr->n; i++) {
        const tac_event *ev = &cr->events[i];
        if (run->dedupe && !cr->first[i])
            continue;
        if (ev->sentence != last_sentence && ev->text)
            st = tac_store_add_sentence(run->store, ev->sentence, ev->text, strlen(ev->text),
                                        err);
        last_sentence = ev->sentence;
        tac_store_event_extra extra = {
            .date_precision = ev->date_precision,
            .place = ev->place,
            .country = ev->country,
            .has_location = ev->has_location,
            .lat = ev->lat,
            .lon = ev->lon,
            .historical = ev->event_date ? ev->historical : -1,
            .reported_by = ev->sentences,
            .n_reported_by = ev->n_sentences,
        };
        if (st == TAC_OK)
            st = tac_store_add_event(run->store, ev, &extra, err);
        if (st == TAC_SKIPPED) {
            fprintf(stderr, "tacitus: warning: %s: event not stored: %s\n", rec->id, err->msg);
            run->store_errors++;
            st = TAC_OK;
        }
    }
    return st;
}

/* ---- --dedupe day: counted events, written on the main thread -------- */

static tac_status write_counted_event(void *ud, const tac_event *ev, tac_error *err)
{
    code_run *run = ud;
    tac_buf_clear(&run->line);
    tac_status st = tac_write_event(run->format, ev, &run->line);
    if (st != TAC_OK)
        return tac_fail(err, st, "cannot write event");
    if (fwrite(run->line.data, 1, run->line.len, run->out) != run->line.len)
        return tac_fail(err, TAC_EIO, "write error on output");
    return TAC_OK;
}

/* Passes a record's events through the day filter in input order. The
 * story date is the record's (the events' story_date without one). */
static tac_status dedupe_record(code_run *run, const tac_record *rec, const coded_record *cr,
                                tac_error *err)
{
    for (size_t i = 0; i < cr->n; i++) {
        const tac_event *ev = &cr->events[i];
        const char *story_date = rec->date ? rec->date : ev->story_date;
        tac_status st = day_dedupe_add(run->dedupe, story_date, ev, &cr->first[i], err);
        if (st != TAC_OK)
            return st;
    }
    return TAC_OK;
}

static tac_status code_emit(void *ud, const tac_record *rec, const tac_buf *out, void *result,
                            tac_error *err)
{
    code_run *run = ud;
    if (out->len && fwrite(out->data, 1, out->len, run->out) != out->len)
        return tac_fail(err, TAC_EIO, "write error on output");
    tac_status st = TAC_OK;
    if (run->dedupe && result)
        st = dedupe_record(run, rec, result, err);
    if (st == TAC_OK && run->store && result)
        st = store_record(run, rec, result, err);
    return st;
}

static bool parse_dedupe_window(const char *v, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < 1 || n > 3660) {
        cli_error("--dedupe-window wants a number of days, 1..3660, not '%s'", v);
        return false;
    }
    *out = (int)n;
    return true;
}

/* Events still held at the end are written now, then the output closed. */
static bool finish_output(code_run *run, const char *path, bool ok)
{
    tac_error err = {0};
    if (ok && run->dedupe && day_dedupe_finish(run->dedupe, &err) != TAC_OK) {
        cli_error("%s", err.msg);
        ok = false;
    }
    if (run->out != stdout) {
        if (fclose(run->out) != 0 && ok) {
            cli_error("error writing %s", path);
            ok = false;
        }
    } else if (fflush(stdout) != 0 && ok) {
        cli_error("error writing standard output");
        ok = false;
    }
    run->out = NULL;
    return ok;
}

static bool open_store(code_run *run, const char *path)
{
    tac_error err = {0};
    tac_store_options opt = {0};
    run->store = tac_store_open(path, &opt, &err);
    if (!run->store) {
        cli_error("%s", err.msg);
        return false;
    }
    run->keep_events = true;
    return true;
}

static bool close_store(code_run *run)
{
    tac_error err = {0};
    tac_status st = TAC_OK;
    if (run->open_doc.len)
        st = tac_store_commit_document(run->store, &err);
    if (tac_store_close(run->store, st == TAC_OK ? &err : NULL) != TAC_OK || st != TAC_OK) {
        cli_error("store: %s", err.msg);
        return false;
    }
    return true;
}

/* ---- tagger -------------------------------------------------------- */

/* The tagger is needed only for raw text; without its model, parsed input
 * still codes and raw records are reported one by one. */
static bool load_tagger(tac_tagger **out)
{
    tac_error err = {0};
    *out = tac_tagger_load(NULL, &err);
    if (!*out)
        fprintf(stderr, "tacitus: warning: no tagger (%s): only parsed input can be coded\n",
                err.msg);
    return true;
}

/* ---- command --------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr,
        "usage: tacitus code [OPTIONS] [FILE...]\n"
        "Codes records into events. Without dictionary options, Tacitus's own\n"
        "dictionaries in data/ are used.\n"
        CLI_DICT_HELP
        "  --format jsonl|tsv|text output format (default jsonl); --header for tsv\n"
        "  --db FILE               also store documents and events in an SQLite database\n"
        "                          (re-coding a document replaces it)\n"
        "  --dedupe day            one event per (source, target, code, date) across\n"
        "                          stories (the Phoenix one-a-day filter): written once,\n"
        "                          with \"count\" = stories reporting it, when the key\n"
        "                          leaves the window or at the end; --db stores the first\n"
        "  --dedupe-window N       days a key stays open after its latest story (default 7)\n"
        "  --no-require-dyad       also emit events lacking a source or target\n"
        "  --verbose               list every skipped dictionary entry\n"
        "  --from-text             ignore given parses; use the raw-text front end\n"
        "  --sentences-only        no document stage: no event dates, places,\n"
        "                          coreference or merging of repeated events\n"
        "  --input text|jsonl|xml|ptb  --date YYYY-MM-DD  -j N  --output FILE  --quiet\n");
}

int cmd_code(int argc, char **argv)
{
    cli_input in;
    cli_input_init(&in);
    cli_dict_args da;
    cli_dict_args_init(&da);
    code_run run = {.format = TAC_OUTPUT_JSONL};
    tac_coder_options_default(&run.engine.coder);
    bool header = false, verbose = false;
    const char *db = NULL, *output = NULL;
    int dedupe_window = 0;
    tac_buf_init(&run.open_doc);
    tac_buf_init(&run.line);
    int status = CLI_FATAL;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            status = CLI_OK;
            goto done;
        }
        if (!strcmp(argv[i], "--header")) {
            header = true;
        } else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
            verbose = true;
        } else if (!strncmp(argv[i], "--db", 4) && (v = cli_option_value(argc, argv, &i, "--db"))) {
            db = v;
        } else if (!strncmp(argv[i], "--dedupe-window", 15) &&
                   (v = cli_option_value(argc, argv, &i, "--dedupe-window"))) {
            if (!parse_dedupe_window(v, &dedupe_window))
                goto done;
        } else if (!strncmp(argv[i], "--dedupe", 8) &&
                   (v = cli_option_value(argc, argv, &i, "--dedupe"))) {
            if (strcmp(v, "day") != 0) {
                cli_error("unknown --dedupe mode '%s' (day)", v);
                goto done;
            }
            run.dedupe_day = true;
        } else if (!strcmp(argv[i], "--sentences-only")) {
            run.engine.sentences_only = true;
        } else if (!strcmp(argv[i], "--from-text")) {
            run.engine.from_text = true;
        } else if (!strcmp(argv[i], "--no-require-dyad")) {
            run.engine.coder.require_dyad = false;
        } else if (!strcmp(argv[i], "--require-dyad")) {
            run.engine.coder.require_dyad = true;
        } else if (!strncmp(argv[i], "--format", 8) &&
                   (v = cli_option_value(argc, argv, &i, "--format"))) {
            if (!tac_output_format_parse(v, &run.format)) {
                cli_error("unknown output format '%s' (jsonl, tsv, text)", v);
                goto done;
            }
        } else if ((r = cli_dict_option(&da, argc, argv, &i)) != 0) {
            if (r < 0)
                goto done;
        } else if ((r = cli_input_option(&in, argc, argv, &i)) != 0) {
            if (r < 0)
                goto done;
        } else {
            cli_error("code: unknown option '%s'", argv[i]);
            usage();
            goto done;
        }
    }
    if (dedupe_window && !run.dedupe_day) {
        cli_error("--dedupe-window needs --dedupe day");
        goto done;
    }
    cli_diag_state diag_state = {.quiet_warnings = in.quiet};
    tac_dicts *dicts = cli_load_dicts(&da, &diag_state, verbose);
    if (!dicts)
        goto done;
    run.engine.dicts = dicts;
    tac_tagger *tagger = NULL;
    if (!load_tagger(&tagger))
        goto done_dicts;
    run.engine.tagger = tagger;
    if (run.dedupe_day) {
        run.dedupe = day_dedupe_new(dedupe_window, write_counted_event, &run);
        if (!run.dedupe) {
            cli_error("out of memory");
            goto done_tagger;
        }
        run.keep_events = true;
    }
    /* The output is ours, not the pipeline's: code_emit writes every event
     * (and --dedupe day still writes after the pipeline has finished). */
    output = in.output;
    in.output = NULL;
    run.out = output ? fopen(output, "w") : stdout;
    if (!run.out) {
        cli_error("cannot write %s", output);
        goto done_tagger;
    }
    if (header) {
        tac_buf h;
        tac_buf_init(&h);
        tac_write_header(run.format, &h);
        fwrite(h.data ? h.data : "", 1, h.len, run.out);
        tac_buf_free(&h);
    }
    if (db && !open_store(&run, db)) {
        finish_output(&run, output, false);
        goto done_tagger;
    }
    tac_pipeline_work work = {
        .worker_new = code_worker_new,
        .worker_free = code_worker_free,
        .process = code_record,
        .emit = code_emit,
        .ud = &run,
    };
    status = cli_run(&in, &work);
    if (!finish_output(&run, output, status != CLI_FATAL))
        status = CLI_FATAL;
    if (run.store && !close_store(&run))
        status = CLI_FATAL;
    if (status == CLI_OK && run.store_errors)
        status = CLI_SKIPPED;
done_tagger:
    tac_tagger_free(tagger);
done_dicts:
    tac_dicts_free(dicts);
done:
    day_dedupe_free(run.dedupe);
    tac_buf_free(&run.line);
    tac_buf_free(&run.open_doc);
    cli_dict_args_free(&da);
    return status;
}
