/* Options shared by the store commands (query, export, explain): the
 * database, the event filters, the period and the output format. */
#ifndef TAC_STORE_OPTIONS_H
#define TAC_STORE_OPTIONS_H

#include <stdbool.h>

#include "tacitus.h"
#include "store/store.h"

typedef struct store_cli_args {
    const char      *db;
    tac_query        query;
    bool             has_period;
    tac_period       period;
    const char      *format_name;   /* NULL = the command's default */
    tac_store_format format;
    int              n_args;        /* positional arguments */
    char           **args;
    bool             help;
} store_cli_args;

/* What a command accepts beyond --db and --help. */
enum { STORE_OPT_FILTERS = 1, STORE_OPT_PERIOD = 2, STORE_OPT_FORMAT = 4 };

/* Parses argv (argv[0] = command name). Prints the problem and returns false
 * on a usage error. */
bool store_cli_parse(int argc, char **argv, unsigned accepted, store_cli_args *a);
/* The filter options, for --help texts. */
extern const char store_cli_filter_help[];
/* Opens a.db read-only; prints the error and returns NULL on failure. */
tac_store *store_cli_open(const store_cli_args *a);
/* Writes buf to stdout and clears it; false on a write error (printed). */
bool store_cli_flush(tac_buf *buf);

#endif
