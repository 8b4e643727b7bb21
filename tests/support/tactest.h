/* Shared helpers for the cmocka unit tests. */
#ifndef TACTEST_H
#define TACTEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tacitus.h"

/* Path of a file under ../shared (e.g. "testdata/examples/seed-article.txt").
 * When ../shared is absent the calling test is skipped — unless
 * TAC_REQUIRE_SHARED is set (CI), in which case it fails. */
const char *tactest_shared(const char *relpath);
/* Path of a file in the source tree (e.g. "examples/visit.txt"). */
const char *tactest_source(const char *relpath);
/* Path of a file in the build tree (generated models). */
const char *tactest_build(const char *relpath);

/* Writes data to a fresh temporary file and returns its path (static buffer
 * per call slot: up to 8 live paths). The file is removed at exit. */
const char *tactest_tempfile(const char *data, size_t len);

/* A tac_diag that counts and keeps the last message, for asserting warnings. */
typedef struct tactest_diag {
    int  count;
    char last_where[256];
    char last_msg[1024];
} tactest_diag;
tac_diag tactest_diag_sink(tactest_diag *d);

#endif
