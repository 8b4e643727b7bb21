#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store_options.h"

const char store_cli_filter_help[] =
    "filters (all optional, combined with AND):\n"
    "  --from DATE, --to DATE   date range, inclusive (YYYY-MM-DD)\n"
    "  --actor CODE             source or target: CHN (root), CHNGOV (root+agent), *GOV (agent)\n"
    "  --source CODE, --target CODE\n"
    "  --dyad A:B | A-B         directed (A:B) or either direction (A-B)\n"
    "  --either                 make an A:B dyad match either direction\n"
    "  --code CODE              exact CAMEO code (042)\n"
    "  --root RR                CAMEO root code (04)\n"
    "  --quad N                 quad class 1..4\n"
    "  --plover CATEGORY        PLOVER event category (CONSULT)\n"
    "  --historical yes|no      events about the past (no: current or unknown)\n"
    "  --limit N                at most N events\n";

enum {
    OPT_DB = 256, OPT_FROM, OPT_TO, OPT_ACTOR, OPT_SOURCE, OPT_TARGET, OPT_DYAD, OPT_EITHER,
    OPT_CODE, OPT_ROOT, OPT_QUAD, OPT_PLOVER, OPT_HISTORICAL, OPT_LIMIT, OPT_BY, OPT_FORMAT,
    OPT_HELP
};

static const struct option options[] = {
    {"db", required_argument, NULL, OPT_DB},
    {"from", required_argument, NULL, OPT_FROM},
    {"to", required_argument, NULL, OPT_TO},
    {"actor", required_argument, NULL, OPT_ACTOR},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"target", required_argument, NULL, OPT_TARGET},
    {"dyad", required_argument, NULL, OPT_DYAD},
    {"either", no_argument, NULL, OPT_EITHER},
    {"code", required_argument, NULL, OPT_CODE},
    {"root", required_argument, NULL, OPT_ROOT},
    {"quad", required_argument, NULL, OPT_QUAD},
    {"plover", required_argument, NULL, OPT_PLOVER},
    {"historical", required_argument, NULL, OPT_HISTORICAL},
    {"limit", required_argument, NULL, OPT_LIMIT},
    {"by", required_argument, NULL, OPT_BY},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"help", no_argument, NULL, OPT_HELP},
    {NULL, 0, NULL, 0},
};

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_filter(int opt, const char *arg, tac_query *q)
{
    long v;
    switch (opt) {
    case OPT_FROM: q->from = arg; return true;
    case OPT_TO: q->to = arg; return true;
    case OPT_ACTOR: q->actor = arg; return true;
    case OPT_SOURCE: q->source = arg; return true;
    case OPT_TARGET: q->target = arg; return true;
    case OPT_DYAD: q->dyad = arg; return true;
    case OPT_EITHER: q->either = true; return true;
    case OPT_CODE: q->code = arg; return true;
    case OPT_ROOT: q->root = arg; return true;
    case OPT_PLOVER: q->plover = arg; return true;
    case OPT_QUAD:
        if (!parse_long(arg, 1, 4, &v)) {
            cli_error("--quad: expected 1, 2, 3 or 4, got '%s'", arg);
            return false;
        }
        q->quad = (int)v;
        return true;
    case OPT_LIMIT:
        if (!parse_long(arg, 1, 1L << 40, &v)) {
            cli_error("--limit: expected a positive number, got '%s'", arg);
            return false;
        }
        q->limit = v;
        return true;
    case OPT_HISTORICAL:
        if (strcmp(arg, "yes") && strcmp(arg, "no")) {
            cli_error("--historical: expected yes or no, got '%s'", arg);
            return false;
        }
        q->historical = !strcmp(arg, "yes");
        return true;
    }
    return false;
}

static bool is_filter(int opt) { return opt >= OPT_FROM && opt <= OPT_LIMIT; }

bool store_cli_parse(int argc, char **argv, unsigned accepted, store_cli_args *a)
{
    memset(a, 0, sizeof *a);
    tac_query_init(&a->query);
    const char *cmd = argv[0];
    optind = 1;
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        bool ok = true;
        if (opt == OPT_HELP) {
            a->help = true;
        } else if (opt == OPT_DB) {
            a->db = optarg;
        } else if (is_filter(opt) && (accepted & STORE_OPT_FILTERS)) {
            ok = parse_filter(opt, optarg, &a->query);
        } else if (opt == OPT_BY && (accepted & STORE_OPT_PERIOD)) {
            a->has_period = tac_period_parse(optarg, &a->period);
            if (!a->has_period)
                cli_error("--by: expected day, week, month or year, got '%s'", optarg);
            ok = a->has_period;
        } else if (opt == OPT_FORMAT && (accepted & STORE_OPT_FORMAT)) {
            a->format_name = optarg;
            ok = tac_store_format_parse(optarg, &a->format);
            if (!ok)
                cli_error("--format: unknown format '%s'", optarg);
        } else if (opt == '?' && optopt >= OPT_DB) {
            cli_error("%s: option '%s' needs a value", cmd, argv[optind - 1]);
            ok = false;
        } else {
            const char *name = argv[optind - 1];
            for (const struct option *o = options; o->name; o++)
                if (o->val == opt)
                    name = o->name;
            cli_error("%s: option '%s%s' is not for this command (try 'tacitus %s --help')",
                      cmd, opt == '?' ? "" : "--", name, cmd);
            ok = false;
        }
        if (!ok)
            return false;
    }
    a->n_args = argc - optind;
    a->args = argv + optind;
    if (!a->help && !a->db) {
        cli_error("%s: --db FILE is required", cmd);
        return false;
    }
    return true;
}

tac_store *store_cli_open(const store_cli_args *a)
{
    tac_store_options opt = {.read_only = true};
    tac_error err = {0};
    tac_store *st = tac_store_open(a->db, &opt, &err);
    if (!st)
        cli_error("%s", err.msg);
    return st;
}

bool store_cli_flush(tac_buf *buf)
{
    if (buf->len && fwrite(buf->data, 1, buf->len, stdout) != buf->len) {
        cli_error("writing output: %s", strerror(errno));
        return false;
    }
    tac_buf_clear(buf);
    return true;
}
