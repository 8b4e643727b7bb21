/* Dictionary options shared by the commands that code (code, eval):
 * --dict DIR, --verbs F, --actors F[,F...], --agents F, --discards F,
 * --issues F; without any, Tacitus's own dictionaries (data/ plus the
 * generated ones in <build>/data). */
#ifndef TAC_DICTOPTS_H
#define TAC_DICTOPTS_H

#include <stdbool.h>

#include "cli.h"
#include "util/util.h"

typedef struct cli_dict_args {
    tac_dict_paths paths;
    bool           any;           /* a dictionary option was given */
    tac_buf        actor_list;    /* default actor files, comma-separated */
    char           verbs[4096], agents[4096], discards[4096], issues[4096];
} cli_dict_args;

/* The option lines for a command's --help. */
#define CLI_DICT_HELP \
    "  --dict DIR              PETRARCH dictionary set (CAMEO*.txt/*.verbs*, *.actors*, ...)\n" \
    "  --verbs F --actors F[,F...] --agents F --discards F --issues F\n"

void cli_dict_args_init(cli_dict_args *da);
void cli_dict_args_free(cli_dict_args *da);
/* 1: argv[*i] was a dictionary option (consumed); 0: not one; -1: bad value
 * (reported). */
int  cli_dict_option(cli_dict_args *da, int argc, char **argv, int *i);
/* Fills da->paths with Tacitus's own dictionaries (data/ and <build>/data). */
void cli_dict_defaults(cli_dict_args *da);
/* Loads the chosen dictionaries (the defaults if none were chosen) and
 * reports their counts on stderr unless diag_state->quiet_warnings; skipped
 * entries are listed one by one only when verbose. NULL (reported) on failure. */
tac_dicts *cli_load_dicts(cli_dict_args *da, cli_diag_state *diag_state, bool verbose);

#endif
