/* The tacitus CLI: a thin layer over libtacitus. Each subcommand lives in
 * tools/cmd_<name>.c; shared option handling is in tools/cli.c. */
#ifndef TAC_CLI_H
#define TAC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "tacitus.h"

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

#endif
