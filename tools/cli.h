/* The tacitus CLI: a thin layer over libtacitus. Each subcommand lives in
 * tools/cmd_<name>.c; shared option handling is in tools/cli.c. */
#ifndef TAC_CLI_H
#define TAC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "tacitus.h"
#include "pipeline/pipeline.h"

/* Exit statuses: 0 all good; 1 some records were skipped (bad input);
 * 2 usage error or fatal failure. */
enum { CLI_OK = 0, CLI_SKIPPED = 1, CLI_FATAL = 2 };

typedef struct cli_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);   /* argv[0] is the command name */
} cli_command;

int cmd_tokenize(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* Prints diagnostics as "tacitus: warning: WHERE: MSG" on stderr. */
void cli_diag(void *ud, tac_severity sev, const char *where, const char *msg);
/* Counts skipped records etc. per run; ud of cli_diag. */
typedef struct cli_diag_state {
    bool quiet_warnings;
    long warnings;
    long errors;
} cli_diag_state;

/* Prints "tacitus: error: ..." to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* For `--name VALUE` and `--name=VALUE` at argv[*i] (advancing *i past a
 * separate value); NULL if argv[*i] is not that option. */
const char *cli_option_value(int argc, char **argv, int *i, const char *name);

/* Options every record-reading command shares: input files, --input FORMAT,
 * --date, -j N, --output FILE, --quiet. */
#define CLI_MAX_FILES 4096
typedef struct cli_input {
    tac_reader_options reader;
    int         jobs;
    bool        quiet;
    const char *output;
    const char *files[CLI_MAX_FILES];
    size_t      n_files;
    tac_counts  counts;      /* filled by cli_run */
} cli_input;

void cli_input_init(cli_input *in);
/* 1: argv[*i] consumed; 0: not a shared option; -1: bad value (reported). */
int  cli_input_option(cli_input *in, int argc, char **argv, int *i);
/* Runs the pipeline over in->files and returns the CLI exit status. */
int  cli_run(cli_input *in, const tac_pipeline_work *work);

#endif
