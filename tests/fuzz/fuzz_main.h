/* fuzz_main: the libFuzzer glue shared by every tests/fuzz/fuzz_*.c.
 * FZ_MAIN(name) defines LLVMFuzzerInitialize and LLVMFuzzerTestOneInput for
 * the target of that name in targets.c. A broken promise aborts, so that
 * libFuzzer saves the input like any crash.
 *
 * libFuzzer's entry points take no user pointer, so the context is a
 * static of this one-file program (built once, freed at exit). */
#ifndef TAC_FUZZ_MAIN_H
#define TAC_FUZZ_MAIN_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "targets.h"

#ifndef TAC_SOURCE_DIR
#define TAC_SOURCE_DIR NULL
#endif

static fz_ctx *fz_main_ctx;
static const fz_target *fz_main_target;

static void fz_main_cleanup(void)
{
    fz_ctx_free(fz_main_ctx);
    fz_main_ctx = NULL;
}

static bool fz_main_empty_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return false;
    bool empty = true;
    for (struct dirent *e; empty && (e = readdir(d)) != NULL;)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
            empty = false;
    closedir(d);
    return empty;
}

/* Builds the context; an empty corpus directory (the first argument that
 * is not a -flag) is filled with the target's seeds. */
static int fz_main_init(const char *name, int *argc, char ***argv)
{
    const char *why = "unknown target";
    fz_main_target = fz_find_target(name);
    if (fz_main_target)
        fz_main_ctx = fz_ctx_new(&why);
    if (!fz_main_ctx) {
        fprintf(stderr, "fuzz_%s: %s\n", name, why);
        abort();
    }
    atexit(fz_main_cleanup);
    for (int i = 1; i < *argc; i++) {
        const char *arg = (*argv)[i];
        if (arg[0] == '-')
            continue;
        if (fz_main_empty_dir(arg))
            fprintf(stderr, "fuzz_%s: %d seeds written to %s\n", name,
                    fz_write_seeds(fz_main_target, TAC_SOURCE_DIR, arg), arg);
        break;
    }
    return 0;
}

static int fz_main_run(const uint8_t *data, size_t size)
{
    const char *bad = fz_main_target->run(fz_main_ctx, data, size);
    if (bad) {
        fprintf(stderr, "fuzz_%s: broken promise: %s\n", fz_main_target->name, bad);
        abort();
    }
    return 0;
}

#define FZ_MAIN(NAME)                                                            \
    int LLVMFuzzerInitialize(int *argc, char ***argv);                           \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);                \
    int LLVMFuzzerInitialize(int *argc, char ***argv)                            \
    {                                                                            \
        return fz_main_init(#NAME, argc, argv);                                  \
    }                                                                            \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                 \
    {                                                                            \
        return fz_main_run(data, size);                                          \
    }

#endif
