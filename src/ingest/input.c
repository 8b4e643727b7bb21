/* A small buffered reader over a FILE*: the format parsers look ahead a few
 * bytes (sniffing, "<!--"), scan for delimiters with memchr/memmem, and
 * need line numbers for messages. Nothing here ever holds more than one
 * buffer (64 KiB) of input, whatever the size of the file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

#define INPUT_BUFFER_SIZE 65536

bool tac_input_init(tac_input *in, FILE *f, bool owns_file)
{
    memset(in, 0, sizeof *in);
    in->buf = malloc(INPUT_BUFFER_SIZE);
    if (!in->buf)
        return false;
    in->cap = INPUT_BUFFER_SIZE;
    in->f = f;
    in->owns_file = owns_file;
    in->line = 1;
    return true;
}

void tac_input_close(tac_input *in)
{
    if (in->f && in->owns_file)
        fclose(in->f);
    free(in->buf);
    memset(in, 0, sizeof *in);
}

size_t tac_input_fill(tac_input *in, size_t want)
{
    if (want > in->cap)
        want = in->cap;
    while (in->end - in->pos < want && !in->eof) {
        if (in->pos > 0) {
            memmove(in->buf, in->buf + in->pos, in->end - in->pos);
            in->end -= in->pos;
            in->pos = 0;
        }
        size_t got = fread(in->buf + in->end, 1, in->cap - in->end, in->f);
        in->end += got;
        if (got == 0) {
            if (ferror(in->f))
                in->errnum = errno ? errno : EIO;
            in->eof = true;
        }
    }
    return in->end - in->pos;
}

void tac_input_skip(tac_input *in, size_t n)
{
    const char *p = in->buf + in->pos, *end = p + n;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        in->line++;
        p++;
    }
    in->pos += n;
}

bool tac_input_line(tac_input *in, tac_buf *line, size_t limit, size_t *full_len)
{
    tac_buf_clear(line);
    size_t total = 0;
    bool any = false;
    for (;;) {
        size_t avail = tac_input_fill(in, 1);
        if (avail == 0)
            break;
        any = true;
        const char *start = in->buf + in->pos;
        const char *nl = memchr(start, '\n', avail);
        size_t chunk = nl ? (size_t)(nl - start) : avail;
        if (line->len < limit + 1) {
            /* keep one byte beyond the limit so a trailing '\r' can still
             * be stripped from a line of exactly `limit` bytes */
            size_t room = limit + 1 - line->len;
            if (!tac_buf_append(line, start, chunk < room ? chunk : room))
                in->nomem = true;
        }
        total += chunk;
        if (nl) {
            in->pos += chunk + 1;
            in->line++;
            break;
        }
        in->pos += chunk;
    }
    if (line->len > 0 && line->data[line->len - 1] == '\r' && line->len == total) {
        line->data[--line->len] = '\0';
        total--;
    }
    if (line->len > limit) {
        line->len = limit;
        line->data[limit] = '\0';
    }
    if (!tac_buf_append(line, "", 0))   /* NUL-terminate even when empty */
        in->nomem = true;
    *full_len = total;
    return any;
}

/* memmem() is a GNU extension; this is all we need of it. */
static const char *find_bytes(const char *s, size_t n, const char *pat, size_t m)
{
    const char *end = s + n;
    while (n >= m) {
        const char *p = memchr(s, pat[0], n - m + 1);
        if (!p)
            return NULL;
        if (memcmp(p, pat, m) == 0)
            return p;
        s = p + 1;
        n = (size_t)(end - s);
    }
    return NULL;
}

bool tac_input_skip_past(tac_input *in, const char *pat)
{
    size_t m = strlen(pat);
    for (;;) {
        size_t avail = tac_input_fill(in, m);
        if (avail < m) {
            tac_input_skip(in, avail);
            return false;
        }
        const char *start = in->buf + in->pos;
        const char *hit = find_bytes(start, avail, pat, m);
        if (hit) {
            tac_input_skip(in, (size_t)(hit - start) + m);
            return true;
        }
        tac_input_skip(in, avail - (m - 1));
    }
}
