/* Temporary: replaced when the coding stage lands. */
#include "cli.h"
int cmd_code(int argc, char **argv) { (void)argc; (void)argv; return CLI_FATAL; }
