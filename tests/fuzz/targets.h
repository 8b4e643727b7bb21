/* targets: robustness harnesses for every parser of untrusted input.
 *
 * Each target runs one byte string through a parser (and, where that is
 * cheap, the stages that consume its output) and checks what the library
 * promises about the result: statuses are valid enum values, an error has a
 * message, offsets stay inside the text, strings are valid UTF-8, a reader
 * goes on after TAC_SKIPPED and reaches TAC_END. Memory errors and leaks are
 * left to the sanitizers.
 *
 * The same functions back the libFuzzer entry points (tests/fuzz/fuzz_*.c)
 * and the deterministic mutation test (tests/unit/test_robustness.c). */
#ifndef TAC_FUZZ_TARGETS_H
#define TAC_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

#include "tacitus.h"

/* Everything a target needs besides its input: a private temp directory,
 * a small dictionary set, a coder, a text context and a parser, all built
 * once. One context per thread. */
typedef struct fz_ctx fz_ctx;

/* NULL if the temp directory or the base dictionaries cannot be set up;
 * then *why says what went wrong. */
fz_ctx *fz_ctx_new(const char **why);
void    fz_ctx_free(fz_ctx *c);

/* Runs one input. Returns NULL when every check held, else a description
 * of the broken promise (valid until the next call on c). */
typedef const char *(*fz_target_fn)(fz_ctx *c, const uint8_t *data, size_t size);

typedef struct fz_target {
    const char        *name;      /* "json", "reader_xml", ... */
    fz_target_fn       run;
    const char *const *seeds;     /* NULL-terminated valid inputs */
    const char *const *seed_files;/* NULL-terminated paths relative to the
                                   * source tree (examples/, data/) */
} fz_target;

extern const fz_target fz_targets[];
extern const size_t    fz_n_targets;
/* NULL if no target has that name. */
const fz_target *fz_find_target(const char *name);

/* The targets. Inputs are interpreted as follows:
 *   reader_*     the content of an input file for that format (then read
 *                again with format detection and a small record limit);
 *                records are run through the text stage, parses through
 *                the coder
 *   text         bytes for tac_text_analyze; the first byte, when odd,
 *                also chooses a dateline_end of (byte >> 1)
 *   coder        a Penn Treebank tree; a first line of at most 16 bytes
 *                that does not start with '(' is the date; the length
 *                picks the coder options
 *   dict_*       the content of that dictionary file, loaded with the
 *                base set for the other kinds, then used to code a few
 *                sentences
 *   json         a JSON text (parsed with the default and a small depth)
 *   gazetteer    a gazetteer TSV
 *   parser       one token per line, "FORM\tTAG" (no tab: NULL tag)  */
const char *fz_reader_text(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_reader_jsonl(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_reader_xml(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_reader_ptb(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_text(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_coder(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_dict_verbs(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_dict_actors(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_dict_agents(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_dict_discards(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_dict_issues(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_json(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_gazetteer(fz_ctx *c, const uint8_t *data, size_t size);
const char *fz_parser(fz_ctx *c, const uint8_t *data, size_t size);

/* Writes a target's seeds (inline ones and seed files found under
 * source_dir, which may be NULL) into dir as files seed-N; returns how
 * many were written. For starting a libFuzzer corpus. */
int fz_write_seeds(const fz_target *t, const char *source_dir, const char *dir);

#endif
