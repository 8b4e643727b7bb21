#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/util.h"

/* FNV-1a, 64 bit: short keys (words, codes) dominate, where it is as fast
 * as anything fancier and trivially portable. */
uint64_t tac_hash_bytes(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

tac_status tac_read_file(const char *path, char **out, size_t *out_len, tac_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return tac_fail(err, TAC_EIO, "%s: %s", path, strerror(errno));
    tac_buf b;
    tac_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (!tac_buf_append(&b, chunk, n)) {
            fclose(f);
            tac_buf_free(&b);
            return tac_fail(err, TAC_ENOMEM, "%s: out of memory", path);
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        tac_buf_free(&b);
        return tac_fail(err, TAC_EIO, "%s: read error", path);
    }
    if (!b.data && !tac_buf_append(&b, "", 0))
        return tac_fail(err, TAC_ENOMEM, "%s: out of memory", path);
    *out = b.data;
    if (out_len)
        *out_len = b.len;
    return TAC_OK;
}

bool tac_str_iequal(const char *a, const char *b) { return strcasecmp(a, b) == 0; }

bool tac_str_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

double tac_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
