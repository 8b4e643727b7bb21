/* Dictionary options shared by `tacitus code` and `tacitus eval`. */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dictopts.h"

void cli_dict_args_init(cli_dict_args *da)
{
    memset(da, 0, sizeof *da);
    tac_buf_init(&da->actor_list);
}

void cli_dict_args_free(cli_dict_args *da)
{
    tac_buf_free(&da->actor_list);
}

static void add_actor_files(tac_buf *list, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    /* Name order, so that loading (and so duplicate handling) is stable. */
    char *names[512];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512) {
        if (strstr(e->d_name, "actors") && tac_str_has_suffix(e->d_name, ".txt"))
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        if (list->len)
            tac_buf_putc(list, ',');
        tac_buf_printf(list, "%s/%s", dir, names[i]);
        free(names[i]);
    }
}

/* Our own dictionaries: data/ plus what the build generated (countries
 * from iso-codes) in <build>/data. */
void cli_dict_defaults(cli_dict_args *da)
{
    char gen[4096];
    const char *data = tac_data_dir();
    snprintf(da->verbs, sizeof da->verbs, "%s/verbs.txt", data);
    snprintf(da->agents, sizeof da->agents, "%s/agents.txt", data);
    snprintf(da->discards, sizeof da->discards, "%s/discards.txt", data);
    snprintf(da->issues, sizeof da->issues, "%s/issues.txt", data);
    snprintf(gen, sizeof gen, "%s/data", tac_build_dir());
    add_actor_files(&da->actor_list, data);
    add_actor_files(&da->actor_list, gen);
    /* Optional kinds may be absent from a trimmed data/; verbs may not, and
     * the loader says so. */
    da->paths.verbs = da->verbs;
    da->paths.agents = access(da->agents, R_OK) == 0 ? da->agents : NULL;
    da->paths.discards = access(da->discards, R_OK) == 0 ? da->discards : NULL;
    da->paths.issues = access(da->issues, R_OK) == 0 ? da->issues : NULL;
    da->paths.actors = da->actor_list.data;
}

int cli_dict_option(cli_dict_args *da, int argc, char **argv, int *i)
{
    static const struct { const char *name; size_t off; } opts[] = {
        {"--dict", offsetof(tac_dict_paths, dir)},
        {"--verbs", offsetof(tac_dict_paths, verbs)},
        {"--actors", offsetof(tac_dict_paths, actors)},
        {"--agents", offsetof(tac_dict_paths, agents)},
        {"--discards", offsetof(tac_dict_paths, discards)},
        {"--issues", offsetof(tac_dict_paths, issues)},
    };
    for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
        size_t len = strlen(opts[k].name);
        if (strncmp(argv[*i], opts[k].name, len) || (argv[*i][len] && argv[*i][len] != '='))
            continue;
        const char *v = cli_option_value(argc, argv, i, opts[k].name);
        if (!v)
            return -1;
        *(const char **)((char *)&da->paths + opts[k].off) = v;
        da->any = true;
        return 1;
    }
    return 0;
}

/* Dictionary problems are listed one by one with --verbose (and always by
 * `tacitus dict check`); otherwise a run reports how many were skipped. */
static void count_only(void *ud, tac_severity sev, const char *where, const char *msg)
{
    (void)where;
    (void)msg;
    cli_diag_state *st = ud;
    if (sev == TAC_ERROR)
        st->errors++;
    else
        st->warnings++;
}

tac_dicts *cli_load_dicts(cli_dict_args *da, cli_diag_state *diag_state, bool verbose)
{
    if (!da->any)
        cli_dict_defaults(da);
    tac_diag diag = {verbose ? cli_diag : count_only, diag_state};
    tac_error err = {0};
    double t0 = tac_now();
    tac_dicts *d = tac_dicts_load(&da->paths, &diag, &err);
    if (!d) {
        cli_error("dictionaries: %s", err.msg);
        return NULL;
    }
    if (!diag_state->quiet_warnings) {
        tac_dict_counts c;
        tac_dicts_counts(d, &c);
        fprintf(stderr,
                "tacitus: dictionaries: %zu verbs, %zu patterns, %zu actors, %zu agents, "
                "%zu skipped entries%s (%.2f s)\n",
                c.verbs, c.patterns, c.actors, c.agents, c.skipped,
                c.skipped && !verbose ? " (--verbose or 'tacitus dict check' lists them)" : "",
                tac_now() - t0);
    }
    return d;
}
