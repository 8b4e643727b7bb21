/* gen_codebook — compiles data/cameo-codebook.tsv into a C table.
 *
 *   gen_codebook IN.tsv OUT.c
 *
 * Run by the build (cmake/output.cmake), never installed. The table is
 * checked here so that a bad edit of the data file fails the build with
 * file:line instead of shipping a wrong codebook: codes are 2-4 digits under
 * a root 01-20 that has its own row, no duplicates, weights within -10..10,
 * quad class consistent with the root. Rows are emitted sorted by code so
 * the library can binary-search them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS   2048
#define N_FIELDS   7

enum { F_CODE, F_NAME, F_GOLDSTEIN, F_QUAD, F_PLOVER, F_MODE, F_CONTEXT };

static const char *const column_names[N_FIELDS] = {
    "code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context"
};

typedef struct row {
    char  *field[N_FIELDS];
    double goldstein;
    int    quad;
    long   line;
} row;

typedef struct table {
    const char *path;
    row   rows[MAX_ROWS];
    size_t n;
} table;

static int fail(const table *t, long line, const char *msg, const char *detail)
{
    fprintf(stderr, "%s:%ld: %s%s%s\n", t->path, line, msg, detail ? ": " : "",
            detail ? detail : "");
    return -1;
}

static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

static int all_digits(const char *s)
{
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int all_upper(const char *s)
{
    for (; *s; s++)
        if (*s < 'A' || *s > 'Z')
            return 0;
    return 1;
}

/* Splits line in place on tabs; missing trailing fields become "". */
static int split_fields(char *line, char **field)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == N_FIELDS)
            return -1;
        field[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    for (int i = n; i < N_FIELDS; i++)
        field[i] = "";
    return n;
}

static int check_row(const table *t, row *r)
{
    const char *code = r->field[F_CODE];
    size_t len = strlen(code);
    if (len < 2 || len > 4 || !all_digits(code))
        return fail(t, r->line, "code must be 2-4 digits", code);
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 1 || root > 20)
        return fail(t, r->line, "root code outside 01-20", code);
    if (!r->field[F_NAME][0])
        return fail(t, r->line, "empty name", code);

    char *end;
    errno = 0;
    r->goldstein = strtod(r->field[F_GOLDSTEIN], &end);
    if (errno || end == r->field[F_GOLDSTEIN] || *end || r->goldstein < -10.0 || r->goldstein > 10.0)
        return fail(t, r->line, "goldstein must be a number in -10..10", r->field[F_GOLDSTEIN]);

    const char *q = r->field[F_QUAD];
    if (strlen(q) != 1 || q[0] < '1' || q[0] > '4')
        return fail(t, r->line, "quad_class must be 1-4", q);
    r->quad = q[0] - '0';
    if (r->quad != quad_of_root(root))
        return fail(t, r->line, "quad_class does not match the root code", code);

    if (!all_upper(r->field[F_PLOVER]))
        return fail(t, r->line, "PLOVER category must be upper-case letters", r->field[F_PLOVER]);
    if (r->field[F_MODE][0] && strpbrk(r->field[F_MODE], " \"\\"))
        return fail(t, r->line, "PLOVER mode must be one word", r->field[F_MODE]);
    return 0;
}

static int compare_rows(const void *a, const void *b)
{
    return strcmp(((const row *)a)->field[F_CODE], ((const row *)b)->field[F_CODE]);
}

static const row *find_row(const table *t, const char *code)
{
    row key = {0};
    key.field[F_CODE] = (char *)code;
    return bsearch(&key, t->rows, t->n, sizeof t->rows[0], compare_rows);
}

static int parse_table(table *t, char *text)
{
    int seen_header = 0;
    long line_no = 0;
    char *next;
    for (char *line = text; line; line = next) {
        line_no++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        row *r = &t->rows[t->n];
        if (split_fields(line, r->field) < 0)
            return fail(t, line_no, "more than 7 columns", NULL);
        if (!seen_header) {
            for (int i = 0; i < N_FIELDS; i++)
                if (strcmp(r->field[i], column_names[i]) != 0)
                    return fail(t, line_no, "expected the header line, column", column_names[i]);
            seen_header = 1;
            continue;
        }
        r->line = line_no;
        if (check_row(t, r) < 0)
            return -1;
        if (++t->n == MAX_ROWS)
            return fail(t, line_no, "too many rows", NULL);
    }
    if (!seen_header || t->n == 0)
        return fail(t, line_no, "no codebook rows", NULL);

    qsort(t->rows, t->n, sizeof t->rows[0], compare_rows);
    for (size_t i = 0; i < t->n; i++) {
        const row *r = &t->rows[i];
        if (i > 0 && strcmp(r->field[F_CODE], t->rows[i - 1].field[F_CODE]) == 0)
            return fail(t, r->line, "duplicate code", r->field[F_CODE]);
        char root[3] = {r->field[F_CODE][0], r->field[F_CODE][1], '\0'};
        if (!find_row(t, root))
            return fail(t, r->line, "no row for the root code", root);
    }
    return 0;
}

/* Writes s as a C string literal; non-ASCII bytes as octal escapes. */
static void put_c_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(f, "\\%03o", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static int emit(const table *t, FILE *f)
{
    fprintf(f, "/* Generated from %s by tools/gen/gen_codebook.c: do not edit. */\n"
               "#include \"output/output.h\"\n\n"
               "const tac_cameo_info tac_cameo_table[] = {\n", t->path);
    for (size_t i = 0; i < t->n; i++) {
        const row *r = &t->rows[i];
        char root[3] = {r->field[F_CODE][0], r->field[F_CODE][1], '\0'};
        fputs("    {", f);
        put_c_string(f, r->field[F_CODE]);
        fputs(", ", f);
        put_c_string(f, r->field[F_NAME]);
        fputs(", ", f);
        put_c_string(f, root);
        fprintf(f, ", %.17g, %d, ", r->goldstein, r->quad);
        put_c_string(f, r->field[F_PLOVER]);
        fputs(", ", f);
        put_c_string(f, r->field[F_MODE]);
        fputs(", ", f);
        put_c_string(f, r->field[F_CONTEXT]);
        fputs("},\n", f);
    }
    fprintf(f, "};\n\nconst size_t tac_cameo_table_len = %zu;\n", t->n);
    return ferror(f) ? -1 : 0;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len - 1 == 0) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_codebook IN.tsv OUT.c\n");
        return 2;
    }
    static table t;
    t.path = argv[1];
    char *text = read_all(argv[1]);
    if (!text) {
        fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    int rc = parse_table(&t, text);
    if (rc == 0) {
        /* write beside the target and rename, so a failed run leaves no
         * half-written source for the next build to compile */
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
        FILE *f = fopen(tmp, "w");
        int written = f && emit(&t, f) == 0;
        if (f && fclose(f) != 0)
            written = 0;
        if (!written || rename(tmp, argv[2]) != 0) {
            fprintf(stderr, "%s: cannot write: %s\n", argv[2], strerror(errno));
            remove(tmp);
            rc = -1;
        }
    }
    free(text);
    return rc == 0 ? 0 : 1;
}
