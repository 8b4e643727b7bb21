/* tacitus eval FILE.json: scores the coder on gold-standard records (the
 * PLOVER gold standard format: a JSON array of {id, date, text, source,
 * target, event}). Each record's text is coded as a raw-text sentence; a
 * record is recalled when one of its events has the gold PLOVER category,
 * a source root among the gold sources and, where the gold names targets, a
 * target root among them. Precision is the share of all events produced on
 * the gold sentences that match their record that way. docs/evaluation.md
 * explains the method and the PLOVER version mapping below. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dictopts.h"
#include "util/json.h"
#include "util/util.h"

/* ---- PLOVER versions --------------------------------------------------- */

/* The gold standard uses the early PLOVER categories (0.5-0.7), in the
 * order printed: cooperation first, then conflict. */
static const char *const early_categories[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST",
    "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
};

/* Our codebook carries PLOVER 0.8 (data/cameo-codebook.tsv). These rules
 * turn its category into the early one; the first rule that fits wins and
 * a category no rule names keeps its name (AGREE ... COERCE are the same
 * in both versions). Each line is justified in docs/evaluation.md. */
typedef struct plover_rule {
    const char *plover08;   /* codebook category ("" = the codebook has none) */
    const char *cameo;      /* CAMEO code prefix the rule needs, or NULL */
    const char *early;      /* early PLOVER category; NULL = none */
} plover_rule;

static const plover_rule plover_rules[] = {
    /* 0.8 renamed DEMAND (CAMEO 10) to REQUEST. */
    {"REQUEST", NULL, "DEMAND"},
    /* 0.8 merged INVESTIGATE (CAMEO 09, mode "investigate") and
     * DISAPPROVE (CAMEO 11, modes allege/disapprove) into ACCUSE. */
    {"ACCUSE", "09", "INVESTIGATE"},
    {"ACCUSE", NULL, "DISAPPROVE"},
    /* 0.8 merged FIGHT (conventional military force, CAMEO 19; and mass
     * violence, CAMEO 20, which the gold codes as FIGHT) into ASSAULT. */
    {"ASSAULT", "19", "FIGHT"},
    {"ASSAULT", "20", "FIGHT"},
    /* 0.8 moved destruction of property to ASSAULT; early PLOVER coded it
     * as COERCE (mode "destroy", as in the gold). */
    {"ASSAULT", "1712", "COERCE"},
    /* 0.8 moved embargoes, boycotts and sanctions (CAMEO 163) to COERCE
     * (mode "restrict"); early PLOVER had them under SANCTION, as the gold
     * codes "imposed sanctions". */
    {"COERCE", "163", "SANCTION"},
    /* CAMEO 02 (appeals, requests) is a weaker DEMAND in early PLOVER
     * (the gold codes appeals, e.g. seeking refuge, as DEMAND). */
    {"", "02", "DEMAND"},
    /* CAMEO 01 (public statements) has no PLOVER category. */
    {"", NULL, NULL},
};

/* The early PLOVER category of a CAMEO code, or NULL (01 statements,
 * codes the codebook does not know). */
static const char *early_category(const char *cameo)
{
    const tac_cameo_info *info = tac_cameo_lookup(cameo);
    if (!info && cameo && strlen(cameo) > 2) {
        char root[3] = {cameo[0], cameo[1], '\0'};
        info = tac_cameo_lookup(root);
    }
    if (!info)
        return NULL;
    for (size_t i = 0; i < sizeof plover_rules / sizeof plover_rules[0]; i++) {
        const plover_rule *r = &plover_rules[i];
        if (strcmp(info->plover, r->plover08))
            continue;
        if (r->cameo && strncmp(info->code, r->cameo, strlen(r->cameo)))
            continue;
        return r->early;
    }
    return info->plover;
}

/* ---- gold records ---------------------------------------------------- */

typedef struct gold_record {
    const char  *id, *date, *text, *event;
    size_t       text_len;
    const char **sources, **targets;   /* actor codes */
    size_t       n_sources, n_targets;
    long         line;
} gold_record;

typedef struct gold_set {
    const char  *path;
    char        *text;           /* the file */
    size_t       len;
    tac_arena    arena;          /* DOM and records */
    gold_record *records;
    size_t       n;
    long         skipped;        /* malformed records left out */
} gold_set;

static void gold_warn(const gold_set *g, const tac_json *v, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void gold_warn(const gold_set *g, const tac_json *v, const char *id, const char *fmt, ...)
{
    long line, col;
    tac_json_position(g->text, g->len, v->offset, &line, &col);
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "tacitus: warning: %s:%ld: record %s: %s\n", g->path, line, id, msg);
}

/* The codes of a gold "source"/"target" field: an array of {actorText,
 * code}; null, absent or "" mean none. Anything else is reported and
 * read as none. */
static bool gold_actors(gold_set *g, const tac_json *rec, const char *id, const char *field,
                        const char ***codes, size_t *n)
{
    *codes = NULL;
    *n = 0;
    const tac_json *v = tac_json_get(rec, field);
    if (!v || v->type == TAC_JSON_NULL || (v->type == TAC_JSON_STRING && v->len == 0))
        return true;
    if (v->type != TAC_JSON_ARRAY) {
        gold_warn(g, v, id, "%s is %s%s%s, not a list of actors; scored as none", field,
                  v->type == TAC_JSON_STRING ? "\"" : "a ",
                  v->type == TAC_JSON_STRING ? v->str : tac_json_type_name(v->type),
                  v->type == TAC_JSON_STRING ? "\"" : "");
        return true;
    }
    *codes = tac_arena_calloc(&g->arena, v->len + 1, sizeof **codes);
    if (!*codes)
        return false;
    for (size_t i = 0; i < v->len; i++) {
        const char *code = tac_json_string(tac_json_get(v->items[i], "code"));
        if (!code || !*code) {
            gold_warn(g, v->items[i], id, "%s actor %zu has no code; ignored", field, i + 1);
            continue;
        }
        (*codes)[(*n)++] = code;
    }
    return true;
}

/* Reads one record; false if it is unusable (reported). */
static bool gold_record_read(gold_set *g, const tac_json *v, size_t index,
                             const char *default_date, gold_record *out)
{
    char fallback[32];
    snprintf(fallback, sizeof fallback, "#%zu", index + 1);
    const char *id = tac_json_string(tac_json_get(v, "id"));
    if (!id || !*id)
        id = tac_arena_strdup(&g->arena, fallback);
    if (v->type != TAC_JSON_OBJECT) {
        gold_warn(g, v, id, "is %s, not an object; skipped", tac_json_type_name(v->type));
        return false;
    }
    memset(out, 0, sizeof *out);
    out->id = id;
    out->text = tac_json_string(tac_json_get(v, "text"));
    out->event = tac_json_string(tac_json_get(v, "event"));
    out->date = tac_json_string(tac_json_get(v, "date"));
    if (!out->date || !*out->date)
        out->date = default_date;
    long col;
    tac_json_position(g->text, g->len, v->offset, &out->line, &col);
    if (!out->text || !*out->text) {
        gold_warn(g, v, id, "no \"text\"; skipped");
        return false;
    }
    if (!out->event || !*out->event) {
        gold_warn(g, v, id, "no gold \"event\" category; skipped");
        return false;
    }
    if (!out->date) {
        gold_warn(g, v, id, "no \"date\" (give --date YYYY-MM-DD); skipped");
        return false;
    }
    out->text_len = strlen(out->text);
    return gold_actors(g, v, id, "source", &out->sources, &out->n_sources) &&
           gold_actors(g, v, id, "target", &out->targets, &out->n_targets);
}

/* Loads the gold file; false (reported) if it cannot be read or parsed. */
static bool gold_load(gold_set *g, const char *path, const char *default_date)
{
    tac_error err = {0};
    g->path = path;
    tac_arena_init(&g->arena, 0);
    if (tac_read_file(path, &g->text, &g->len, &err) != TAC_OK) {
        cli_error("%s", err.msg);
        return false;
    }
    const tac_json *root = tac_json_parse(g->text, g->len, path, 0, &g->arena, &err);
    if (!root) {
        cli_error("%s", err.msg);
        return false;
    }
    if (root->type != TAC_JSON_ARRAY) {
        cli_error("%s: expected a JSON array of gold records, found %s", path,
                  tac_json_type_name(root->type));
        return false;
    }
    g->records = tac_arena_calloc(&g->arena, root->len + 1, sizeof *g->records);
    if (!g->records) {
        cli_error("%s: out of memory", path);
        return false;
    }
    for (size_t i = 0; i < root->len; i++) {
        if (gold_record_read(g, root->items[i], i, default_date, &g->records[g->n]))
            g->n++;
        else
            g->skipped++;
    }
    return true;
}

static void gold_free(gold_set *g)
{
    tac_arena_free(&g->arena);
    free(g->text);
}

/* ---- scoring --------------------------------------------------------- */

typedef struct score_row {
    const char *category;        /* "(none)": events without a category */
    long gold, recalled;         /* gold records of this category, recalled */
    long produced, matching;     /* events of this category, matching their gold */
} score_row;

typedef struct score {
    score_row *rows;
    size_t     n_rows;
    score_row  all;
    long       failed;           /* records the coder could not code */
} score;

static bool score_init(score *s)
{
    size_t n = sizeof early_categories / sizeof early_categories[0];
    memset(s, 0, sizeof *s);
    s->all.category = "all";
    s->rows = calloc(n + 1, sizeof *s->rows);
    if (!s->rows)
        return false;
    for (size_t i = 0; i < n; i++)
        s->rows[i].category = early_categories[i];
    s->rows[n].category = "(none)";
    s->n_rows = n + 1;
    return true;
}

/* The row of a category (NULL = "(none)"); unknown names get a row. */
static score_row *score_row_for(score *s, const char *category)
{
    if (!category)
        category = "(none)";
    for (size_t i = 0; i < s->n_rows; i++)
        if (!strcmp(s->rows[i].category, category))
            return &s->rows[i];
    score_row *grown = realloc(s->rows, (s->n_rows + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    s->rows = grown;
    s->rows[s->n_rows] = (score_row){.category = category};
    return &s->rows[s->n_rows++];
}

/* Actor codes are compared by root: the first three characters. */
static bool root_among(const char *root, const char *const *codes, size_t n)
{
    size_t rlen = root ? strlen(root) : 0;
    for (size_t i = 0; i < n; i++) {
        size_t clen = strlen(codes[i]);
        if (clen > 3)
            clen = 3;
        if (rlen == clen && !memcmp(root, codes[i], clen))
            return true;
    }
    return false;
}

static bool event_matches(const tac_event *ev, const char *category, const gold_record *g)
{
    if (!category || strcmp(category, g->event))
        return false;
    if (g->n_sources && !root_among(ev->source_root, g->sources, g->n_sources))
        return false;
    return !g->n_targets || root_among(ev->target_root, g->targets, g->n_targets);
}

/* ---- reports --------------------------------------------------------- */

static void print_codes(const char *const *codes, size_t n)
{
    if (!n)
        fputs("-", stdout);
    for (size_t i = 0; i < n; i++)
        printf("%s%s", i ? "," : "", codes[i]);
}

static void print_gold(const gold_record *g)
{
    printf("gold %s ", g->event);
    print_codes(g->sources, g->n_sources);
    fputs(" -> ", stdout);
    print_codes(g->targets, g->n_targets);
}

static void print_event(const tac_event *ev, const char *category)
{
    printf("%s %s %s (%s)", ev->source, ev->cameo, ev->target, category ? category : "no category");
}

/* --show-misses: the record if it was missed, and its events that do not match. */
static void show_misses(const gold_record *g, const tac_event *ev, size_t n, bool recalled,
                        const char *failure)
{
    if (!recalled) {
        printf("miss  %s: ", g->id);
        print_gold(g);
        printf("\n      text: %s\n", g->text);
        if (failure)
            printf("      not coded: %s\n", failure);
        else if (!n)
            printf("      no events\n");
    }
    for (size_t i = 0; i < n; i++) {
        const char *category = early_category(ev[i].cameo);
        if (event_matches(&ev[i], category, g))
            continue;
        if (recalled) {
            printf("extra %s: ", g->id);
            print_event(&ev[i], category);
            fputs("; ", stdout);
            print_gold(g);
            putchar('\n');
        } else {
            fputs("      event: ", stdout);
            print_event(&ev[i], category);
            putchar('\n');
        }
    }
}

static const char *percent(long num, long den, char buf[16])
{
    if (den <= 0)
        return "-";
    snprintf(buf, 16, "%.1f%%", 100.0 * (double)num / (double)den);
    return buf;
}

static void print_row(const score_row *r)
{
    char a[16], b[16];
    printf("%-12s %6ld %8ld %7s %7ld %8ld %9s\n", r->category, r->gold, r->recalled,
           percent(r->recalled, r->gold, a), r->produced, r->matching,
           percent(r->matching, r->produced, b));
}

static void print_table(const score *s)
{
    printf("%-12s %6s %8s %7s %7s %8s %9s\n", "category", "gold", "recalled", "recall",
           "events", "matching", "precision");
    for (size_t i = 0; i < s->n_rows; i++)
        if (s->rows[i].gold || s->rows[i].produced)
            print_row(&s->rows[i]);
    print_row(&s->all);
}

/* ---- command --------------------------------------------------------- */

typedef struct eval_options {
    const char       *file;
    const char       *model;
    const char       *default_date;
    bool              per_category, show_misses, verbose, quiet;
    tac_coder_options coder;
} eval_options;

/* Codes one gold record and adds it to the score. false: fatal. */
static bool eval_record(tac_engine *engine, const gold_set *set, const gold_record *g,
                        const eval_options *opt, score *s, tac_engine_stats *stats)
{
    tac_record rec = {
        .id = g->id, .doc_id = g->id, .sentence_index = 0, .date = g->date,
        .text = g->text, .text_len = g->text_len, .is_sentence = true,
        .file = set->path, .line = g->line,
    };
    const tac_event *ev = NULL;
    size_t n = 0;
    tac_error err = {0};
    tac_status st = tac_engine_code(engine, &rec, &ev, &n, stats, &err);
    const char *failure = NULL;
    if (st == TAC_ENOMEM) {
        cli_error("%s: %s", g->id, err.msg);
        return false;
    }
    if (st != TAC_OK) {
        fprintf(stderr, "tacitus: warning: %s:%ld: record %s not coded: %s\n", set->path,
                g->line, g->id, err.msg);
        s->failed++;
        failure = err.msg;
        ev = NULL;
        n = 0;
    }
    score_row *gold_row = score_row_for(s, g->event);
    if (!gold_row)
        return false;
    bool recalled = false;
    for (size_t i = 0; i < n; i++) {
        const char *category = early_category(ev[i].cameo);
        score_row *row = score_row_for(s, category);
        if (!row)
            return false;
        bool match = event_matches(&ev[i], category, g);
        row->produced++;
        s->all.produced++;
        if (match) {
            row->matching++;
            s->all.matching++;
            recalled = true;
        }
    }
    gold_row->gold++;
    s->all.gold++;
    if (recalled) {
        gold_row->recalled++;
        s->all.recalled++;
    }
    if (opt->show_misses)
        show_misses(g, ev, n, recalled, failure);
    return true;
}

static int eval_run(const eval_options *opt, const tac_dicts *dicts, const gold_set *gold)
{
    tac_error err = {0};
    tac_tagger *tagger = tac_tagger_load(opt->model, &err);
    if (!tagger) {
        cli_error("tagger: %s", err.msg);
        return CLI_FATAL;
    }
    tac_engine_config cfg = {.dicts = dicts, .tagger = tagger, .coder = opt->coder,
                             .from_text = true};
    tac_engine *engine = tac_engine_new(&cfg, &err);
    score s;
    if (!engine || !score_init(&s)) {
        cli_error("engine: %s", engine ? "out of memory" : err.msg);
        tac_engine_free(engine);
        tac_tagger_free(tagger);
        return CLI_FATAL;
    }
    int status = CLI_OK;
    tac_engine_stats stats = {0};
    double t0 = tac_now();
    for (size_t i = 0; i < gold->n; i++) {
        if (!eval_record(engine, gold, &gold->records[i], opt, &s, &stats)) {
            status = CLI_FATAL;
            break;
        }
    }
    if (status == CLI_OK) {
        if (!opt->quiet)
            fprintf(stderr, "tacitus: eval: %zu records, %ld sentences, %ld events (%.2f s)\n",
                    gold->n, stats.sentences, stats.events, tac_now() - t0);
        if (opt->per_category)
            print_table(&s);
        char a[16], b[16];
        printf("eval: recall %s (%ld/%ld), precision %s (%ld/%ld)\n",
               percent(s.all.recalled, s.all.gold, a), s.all.recalled, s.all.gold,
               percent(s.all.matching, s.all.produced, b), s.all.matching, s.all.produced);
        if (s.failed || gold->skipped)
            status = CLI_SKIPPED;
    }
    free(s.rows);
    tac_engine_free(engine);
    tac_tagger_free(tagger);
    return status;
}

static void usage(void)
{
    fprintf(stderr,
        "usage: tacitus eval [OPTIONS] FILE.json\n"
        "Codes the text of every gold-standard record (PLOVER GSR JSON: an array of\n"
        "{id, date, text, source, target, event}) and scores the events against the\n"
        "gold PLOVER category and actors (docs/evaluation.md). Without dictionary\n"
        "options, Tacitus's own dictionaries in data/ are used.\n"
        CLI_DICT_HELP
        "  --per-category          a table of recall and precision per PLOVER category\n"
        "  --show-misses           list missed records and non-matching events\n"
        "  --no-require-dyad       also count events lacking a source or target\n"
        "  --model PATH            tagger model (default: the one built with tacitus)\n"
        "  --date YYYY-MM-DD       date for records without one\n"
        "  --verbose               list every skipped dictionary entry\n"
        "  --quiet                 no progress or dictionary summary on stderr\n");
}

/* 1 parsed, 0 help shown, -1 usage error. */
static int parse_args(int argc, char **argv, eval_options *opt, cli_dict_args *da)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            return 0;
        } else if (!strcmp(argv[i], "--per-category")) {
            opt->per_category = true;
        } else if (!strcmp(argv[i], "--show-misses")) {
            opt->show_misses = true;
        } else if (!strcmp(argv[i], "--no-require-dyad")) {
            opt->coder.require_dyad = false;
        } else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
            opt->verbose = true;
        } else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
            opt->quiet = true;
        } else if (!strncmp(argv[i], "--model", 7) &&
                   (v = cli_option_value(argc, argv, &i, "--model"))) {
            opt->model = v;
        } else if (!strncmp(argv[i], "--date", 6) &&
                   (v = cli_option_value(argc, argv, &i, "--date"))) {
            opt->default_date = v;
        } else if ((r = cli_dict_option(da, argc, argv, &i)) != 0) {
            if (r < 0)
                return -1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("eval: unknown option '%s'", argv[i]);
            usage();
            return -1;
        } else if (opt->file) {
            cli_error("eval: one gold file only ('%s' and '%s')", opt->file, argv[i]);
            return -1;
        } else {
            opt->file = argv[i];
        }
    }
    if (!opt->file) {
        usage();
        return -1;
    }
    return 1;
}

int cmd_eval(int argc, char **argv)
{
    eval_options opt = {0};
    tac_coder_options_default(&opt.coder);
    cli_dict_args da;
    cli_dict_args_init(&da);
    gold_set gold = {0};
    tac_dicts *dicts = NULL;
    int status = CLI_FATAL;
    int r = parse_args(argc, argv, &opt, &da);
    if (r <= 0) {
        status = r == 0 ? CLI_OK : CLI_FATAL;
        goto done;
    }
    if (!gold_load(&gold, opt.file, opt.default_date))
        goto done;
    cli_diag_state diag_state = {.quiet_warnings = opt.quiet};
    dicts = cli_load_dicts(&da, &diag_state, opt.verbose);
    if (!dicts)
        goto done;
    status = eval_run(&opt, dicts, &gold);
done:
    tac_dicts_free(dicts);
    gold_free(&gold);
    cli_dict_args_free(&da);
    return status;
}
