/* gen_gazetteer — embeds data/gazetteer.tsv in the library as a C string.
 *
 *   gen_gazetteer IN.tsv OUT.c
 *
 * Run by the build (cmake/document.cmake), never installed. Every row must
 * have 6 tab-separated fields; a bad row fails the build with file:line
 * (the library checks the values again when it loads the table). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_gazetteer IN.tsv OUT.c\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    FILE *out = fopen(argv[2], "wb");
    if (!out) {
        perror(argv[2]);
        fclose(in);
        return 1;
    }
    fprintf(out, "/* Generated from %s by gen_gazetteer. Do not edit. */\n"
                 "#include <stddef.h>\n"
                 "extern const char doc_gazetteer_tsv[];\n"
                 "extern const size_t doc_gazetteer_tsv_len;\n"
                 "const char doc_gazetteer_tsv[] =\n", argv[1]);
    char line[4096];
    long lineno = 0;
    size_t total = 0;
    int status = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] != '\n' && !feof(in)) {
            fprintf(stderr, "%s:%ld: line too long\n", argv[1], lineno);
            status = 1;
            break;
        }
        int tabs = 0;
        for (size_t i = 0; i < len; i++)
            tabs += line[i] == '\t';
        if (line[0] != '#' && line[0] != '\n' && tabs != 5) {
            fprintf(stderr, "%s:%ld: want 6 tab-separated fields, got %d\n", argv[1], lineno,
                    tabs + 1);
            status = 1;
        }
        fputs("    \"", out);
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)line[i];
            if (c == '"' || c == '\\')
                fprintf(out, "\\%c", c);
            else if (c == '\n')
                fputs("\\n", out);
            else if (c == '\t')
                fputs("\\t", out);
            else if (c < 0x20 || c >= 0x7f)
                fprintf(out, "\\%03o", c);
            else
                fputc(c, out);
        }
        fputs("\"\n", out);
        total += len;
    }
    fprintf(out, "    \"\";\nconst size_t doc_gazetteer_tsv_len = %zu;\n", total);
    fclose(in);
    if (fclose(out) != 0 || status) {
        remove(argv[2]);
        return 1;
    }
    return 0;
}
