#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tactest.h"
#include "util/util.h"

static char paths[8][4096];
static int next_path;

static const char *slot(void)
{
    char *p = paths[next_path];
    next_path = (next_path + 1) % 8;
    return p;
}

const char *tactest_shared(const char *relpath)
{
    char *p = (char *)slot();
    snprintf(p, 4096, "%s/%s", TAC_SHARED_DIR, relpath);
    if (access(p, R_OK) != 0) {
        if (getenv("TAC_REQUIRE_SHARED")) {
            fail_msg("%s is required (TAC_REQUIRE_SHARED) but missing", p);
        }
        print_message("skipping: %s not found (../shared absent)\n", p);
        skip();
    }
    return p;
}

const char *tactest_source(const char *relpath)
{
    char *p = (char *)slot();
    snprintf(p, 4096, "%s/%s", TAC_SOURCE_DIR, relpath);
    return p;
}

const char *tactest_build(const char *relpath)
{
    char *p = (char *)slot();
    snprintf(p, 4096, "%s/%s", TAC_BUILD_DIR, relpath);
    return p;
}

static char temp_names[64][64];
static int n_temps;

static void remove_temps(void)
{
    for (int i = 0; i < n_temps; i++)
        unlink(temp_names[i]);
}

const char *tactest_tempfile(const char *data, size_t len)
{
    if (n_temps == 64)
        fail_msg("too many temp files");
    char *name = temp_names[n_temps];
    snprintf(name, 64, "/tmp/tactest-XXXXXX");
    int fd = mkstemp(name);
    if (fd < 0)
        fail_msg("mkstemp failed");
    if (n_temps++ == 0)
        atexit(remove_temps);
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w <= 0)
            fail_msg("write failed");
        off += (size_t)w;
    }
    close(fd);
    return name;
}

static void diag_fn(void *ud, tac_severity sev, const char *where, const char *msg)
{
    (void)sev;
    tactest_diag *d = ud;
    d->count++;
    snprintf(d->last_where, sizeof d->last_where, "%s", where);
    snprintf(d->last_msg, sizeof d->last_msg, "%s", msg);
}

tac_diag tactest_diag_sink(tactest_diag *d)
{
    memset(d, 0, sizeof *d);
    return (tac_diag){diag_fn, d};
}

/* ---- a coder over inline dictionaries ---------------------------------- */

int tactest_coder_setup(tactest_coder *t, const char *verbs, const char *actors,
                        const char *agents)
{
    memset(t, 0, sizeof *t);
    tac_dict_paths p = {.verbs = tactest_tempfile(verbs, strlen(verbs)),
                        .actors = tactest_tempfile(actors, strlen(actors)),
                        .agents = agents ? tactest_tempfile(agents, strlen(agents)) : NULL};
    tac_error err;
    t->d = tac_dicts_load(&p, NULL, &err);
    if (!t->d)
        return -1;
    t->c = tac_coder_new(t->d, NULL, &err);
    return t->c ? 0 : -1;
}

void tactest_coder_teardown(tactest_coder *t)
{
    tac_coder_free(t->c);
    tac_dicts_free(t->d);
    t->c = NULL;
    t->d = NULL;
}

const char *tactest_code(tactest_coder *t, const char *date, const char *tree)
{
    tac_sentence_input in = {.parse = tree, .date = date, .doc_id = "doc-1", .sentence = 3,
                             .text = "the sentence"};
    tac_error err;
    tac_error_clear(&err);
    t->out[0] = '\0';
    t->n = 0;
    if (tac_coder_code_parse(t->c, &in, &t->ev, &t->n, NULL, &err) != TAC_OK)
        return "ERROR";
    for (size_t i = 0; i < t->n; i++) {
        size_t len = strlen(t->out);
        snprintf(t->out + len, sizeof t->out - len, "%s%s %s %s", i ? ";" : "", t->ev[i].source,
                 t->ev[i].target, t->ev[i].cameo);
    }
    return t->out;
}
