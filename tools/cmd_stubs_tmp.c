#include "cli.h"
int cmd_tokenize(int argc, char **argv) { (void)argc; (void)argv; return CLI_FATAL; }
int cmd_code(int argc, char **argv) { (void)argc; (void)argv; return CLI_FATAL; }
void cli_diag(void *ud, tac_severity sev, const char *where, const char *msg) {(void)ud;(void)sev;(void)where;(void)msg;}
void cli_error(const char *fmt, ...) {(void)fmt;}
