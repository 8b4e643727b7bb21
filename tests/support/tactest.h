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

/* A coder over small dictionaries written inline, as the coder's tests use
 * it: code a tree, get "SRC TGT CODE;..." back. */
typedef struct tactest_coder {
    tac_dicts       *d;
    tac_coder       *c;
    const tac_event *ev;     /* the last tree's events */
    size_t           n;
    char             out[2048];
} tactest_coder;

/* Loads verbs, actors and agents (file texts; agents may be NULL) with the
 * default coder options. Returns 0, or -1 as a cmocka setup does. */
int  tactest_coder_setup(tactest_coder *t, const char *verbs, const char *actors,
                         const char *agents);
void tactest_coder_teardown(tactest_coder *t);
/* Codes the tree on the date (sentence 3 of "doc-1"): "SRC TGT CODE;..."
 * in the coder's order, "" for no event, "ERROR" when the tree is refused. */
const char *tactest_code(tactest_coder *t, const char *date, const char *tree);

/* cmocka group setup/teardown named setup() and teardown(), for one static
 * tactest_coder over the given dictionary texts. */
#define TACTEST_CODER_FIXTURE(verbs, actors, agents)                              \
    static int setup(void **state)                                              \
    {                                                                           \
        static tactest_coder fixture_;                                          \
        *state = &fixture_;                                                     \
        return tactest_coder_setup(&fixture_, verbs, actors, agents);           \
    }                                                                           \
    static int teardown(void **state)                                           \
    {                                                                           \
        tactest_coder_teardown(*state);                                         \
        return 0;                                                               \
    }

#endif
