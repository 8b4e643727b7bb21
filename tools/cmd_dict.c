/* tacitus dict check DIR|FILES...: loads a dictionary set the way the coder
 * does, prints every malformed entry as a warning (file:line) and the
 * number of entries of each kind. Exit 1 if any entry was skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "dictopts.h"

static void usage(void)
{
    fprintf(stderr,
            "usage: tacitus dict check [DIR | FILE...]\n"
            "  Lints a dictionary set: a directory (files picked by their names:\n"
            "  CAMEO*.txt, verbs*.txt or *.verbs*; actors*.txt or *.actors* (all);\n"
            "  agents*.txt or *.agents*; *discards*; *issue*), or files classified\n"
            "  the same way; without arguments, Tacitus's own default set (data/ and\n"
            "  the generated <build>/data/actors-countries-iso.txt). Prints warnings\n"
            "  with file:line and the counts per kind; exits 1 if any entry was skipped.\n");
}

static bool has(const char *path, const char *needle)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(needle);
    for (const char *p = base; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int dict_check(int argc, char **argv)
{
    tac_dict_paths paths = {0};
    char actors[8192] = "";
    for (int i = 0; i < argc; i++) {
        const char *f = argv[i];
        if (is_dir(f)) {
            if (paths.dir) {
                cli_error("dict check: only one directory at a time");
                return CLI_FATAL;
            }
            paths.dir = f;
        } else if (has(f, "verbs") || strncasecmp(strrchr(f, '/') ? strrchr(f, '/') + 1 : f,
                                                  "CAMEO", 5) == 0) {
            paths.verbs = f;
        } else if (has(f, "actors")) {
            size_t len = strlen(actors);
            snprintf(actors + len, sizeof actors - len, "%s%s", len ? "," : "", f);
        } else if (has(f, "agents")) {
            paths.agents = f;
        } else if (has(f, "discard")) {
            paths.discards = f;
        } else if (has(f, "issue")) {
            paths.issues = f;
        } else {
            cli_error("dict check: cannot tell what kind of dictionary '%s' is "
                      "(name it *.verbs.txt, *.actors.txt, *.agents.txt, *discards*, *issue*)",
                      f);
            return CLI_FATAL;
        }
    }
    if (actors[0])
        paths.actors = actors;
    cli_dict_args defaults;
    cli_dict_args_init(&defaults);
    if (argc == 0) {
        cli_dict_defaults(&defaults);
        paths = defaults.paths;
    }
    cli_diag_state ds = {0};
    tac_diag diag = {cli_diag, &ds};
    tac_error err;
    tac_error_clear(&err);
    tac_dicts *d = tac_dicts_load(&paths, &diag, &err);
    cli_dict_args_free(&defaults);
    if (!d) {
        cli_error("%s", err.msg);
        return CLI_FATAL;
    }
    tac_dict_counts c;
    tac_dicts_counts(d, &c);
    tac_dicts_free(d);
    printf("verbs: %zu (%zu forms)\n", c.verbs, c.verb_forms);
    printf("patterns: %zu\n", c.patterns);
    printf("synsets: %zu\n", c.synsets);
    printf("transforms: %zu\n", c.transforms);
    printf("actors: %zu (%zu names)\n", c.actors, c.actor_phrases);
    printf("agents: %zu\n", c.agents);
    printf("discards: %zu\n", c.discards);
    printf("issues: %zu\n", c.issues);
    printf("skipped: %zu\n", c.skipped);
    return c.skipped ? CLI_SKIPPED : CLI_OK;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage();
        return argc < 2 ? CLI_FATAL : CLI_OK;
    }
    if (strcmp(argv[1], "check") != 0) {
        cli_error("dict: unknown subcommand '%s'", argv[1]);
        usage();
        return CLI_FATAL;
    }
    return dict_check(argc - 2, argv + 2);
}
