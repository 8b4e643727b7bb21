#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tactest.h"

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
