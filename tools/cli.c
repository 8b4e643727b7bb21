#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_diag(void *ud, tac_severity sev, const char *where, const char *msg)
{
    cli_diag_state *st = ud;
    if (st) {
        if (sev == TAC_ERROR)
            st->errors++;
        else if (sev == TAC_WARNING)
            st->warnings++;
        if (st->quiet_warnings && sev != TAC_ERROR)
            return;
    }
    const char *label = sev == TAC_ERROR ? "error" : sev == TAC_WARNING ? "warning" : "note";
    if (where && *where && strncmp(msg, where, strlen(where)) != 0)
        fprintf(stderr, "tacitus: %s: %s: %s\n", label, where, msg);
    else
        fprintf(stderr, "tacitus: %s: %s\n", label, msg);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "tacitus: error: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

const char *cli_option_value(int argc, char **argv, int *i, const char *name)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        cli_error("option %s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

static bool valid_date(const char *s)
{
    int y, m, d;
    char tail;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
           m <= 12 && d >= 1 && d <= 31;
}

void cli_input_init(cli_input *in)
{
    memset(in, 0, sizeof *in);
    in->jobs = 1;
    in->reader.format = TAC_FORMAT_AUTO;
}

int cli_input_option(cli_input *in, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    const char *v;
    if (!strcmp(arg, "--quiet") || !strcmp(arg, "-q")) {
        in->quiet = true;
        return 1;
    }
    if (!strncmp(arg, "--input", 7) && (v = cli_option_value(argc, argv, i, "--input"))) {
        if (!tac_format_parse(v, &in->reader.format)) {
            cli_error("unknown input format '%s' (text, jsonl, xml, ptb, auto)", v);
            return -1;
        }
        return 1;
    }
    if (!strncmp(arg, "--date", 6) && (v = cli_option_value(argc, argv, i, "--date"))) {
        if (!valid_date(v)) {
            cli_error("--date wants YYYY-MM-DD, got '%s'", v);
            return -1;
        }
        in->reader.default_date = v;
        return 1;
    }
    if ((!strncmp(arg, "--jobs", 6) && (v = cli_option_value(argc, argv, i, "--jobs"))) ||
        (!strcmp(arg, "-j") && (v = cli_option_value(argc, argv, i, "-j")))) {
        char *end;
        long j = strtol(v, &end, 10);
        if (*end || j < 1 || j > 256) {
            cli_error("-j wants a number of threads from 1 to 256, got '%s'", v);
            return -1;
        }
        in->jobs = (int)j;
        return 1;
    }
    if (!strncmp(arg, "-j", 2) && arg[2] >= '0' && arg[2] <= '9') {
        in->jobs = atoi(arg + 2);
        if (in->jobs < 1 || in->jobs > 256) {
            cli_error("-j wants a number of threads from 1 to 256");
            return -1;
        }
        return 1;
    }
    if (!strncmp(arg, "--output", 8) && (v = cli_option_value(argc, argv, i, "--output"))) {
        in->output = v;
        return 1;
    }
    if (arg[0] != '-' || !strcmp(arg, "-")) {
        if (in->n_files == CLI_MAX_FILES) {
            cli_error("too many input files (at most %d)", CLI_MAX_FILES);
            return -1;
        }
        in->files[in->n_files++] = arg;
        return 1;
    }
    return 0;
}

int cli_run(cli_input *in, const tac_pipeline_work *work)
{
    FILE *out = stdout;
    if (in->output && !(out = fopen(in->output, "w"))) {
        cli_error("cannot write %s", in->output);
        return CLI_FATAL;
    }
    cli_diag_state diag_state = {0};
    tac_pipeline_options opt = {
        .jobs = in->jobs,
        .reader = in->reader,
        .out = out,
        .progress = !in->quiet && isatty(STDERR_FILENO),
        .diag = {cli_diag, &diag_state},
    };
    opt.reader.diag = opt.diag;
    tac_error err = {0};
    tac_status st = tac_pipeline_run((const char *const *)in->files, in->n_files, &opt, work,
                                     &in->counts, &err);
    if (out != stdout) {
        if (fclose(out) != 0 && st == TAC_OK)
            st = tac_fail(&err, TAC_EIO, "error writing %s", in->output);
    } else if (fflush(stdout) != 0 && st == TAC_OK) {
        st = tac_fail(&err, TAC_EIO, "error writing standard output");
    }
    if (st != TAC_OK) {
        cli_error("%s", err.msg);
        return CLI_FATAL;
    }
    if (in->counts.skipped) {
        fprintf(stderr, "tacitus: %ld record%s skipped because of bad input\n",
                in->counts.skipped, in->counts.skipped == 1 ? "" : "s");
        return CLI_SKIPPED;
    }
    return CLI_OK;
}
