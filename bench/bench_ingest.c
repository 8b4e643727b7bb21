/* bench_ingest: reader throughput and memory for JSON Lines and PETRARCH
 * XML. Writes a deterministic corpus to temporary files (default 64 MB of
 * each), reads every record with tac_reader_next(), and reports MB/s,
 * records/s and the peak resident set size, which must stay far below the
 * file size (records are streamed).
 *
 * usage: bench_ingest [MB] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tacitus.h"
#include "util/util.h"

static const char *const sentences[] = {
    "Chinese Premier Li Qiang will make a three-day visit to North Korea from Thursday, the ministry said.",
    "The trip by China\xe2\x80\x99s No. 2 leader would underscore improving bilateral ties.",
    "Officials said the talks \"could resume\" next month in Geneva & Vienna.",
    "Poland lodged a formal protest with Belarus on Tuesday after the incident near Bia\xc5\x82owie\xc5\xbc" "a.",
    "The European Union imposed new sanctions on 12 officials, freezing assets worth $40 million.",
};

static void write_jsonl(FILE *f, size_t bytes, long *records)
{
    tac_buf b;
    tac_buf_init(&b);
    size_t written = 0;
    long n = 0;
    while (written < bytes) {
        tac_buf_clear(&b);
        tac_buf_printf(&b, "{\"id\": \"story-%ld\", \"date\": \"2024-03-%02ld\", \"source\": "
                           "\"bench\", \"meta\": {\"tags\": [\"a\", \"b\"]}, \"text\": \"BEIJING \\u2013 ",
                       n, n % 28 + 1);
        for (int i = 0; i < 30; i++) {
            const char *s = sentences[(n + i) % 5];
            tac_buf_json_escape(&b, s, strlen(s));
            tac_buf_puts(&b, i % 6 == 5 ? "\\n" : " ");
        }
        tac_buf_puts(&b, "\"}\n");
        fwrite(b.data, 1, b.len, f);
        written += b.len;
        n++;
    }
    tac_buf_free(&b);
    *records = n;
}

static void write_xml(FILE *f, size_t bytes, long *records)
{
    size_t written = 0;
    long n = 0;
    fputs("<Sentences>\n", f);
    while (written < bytes) {
        const char *s = sentences[n % 5];
        int w = fprintf(f,
                        "<Sentence date=\"20240311\" id=\"S%ld_%ld\" source=\"bench\" sentence=\"true\">\n"
                        "<!-- a comment -->\n<EventCoding sourcecode=\"POL\" targetcode=\"BLR\" "
                        "eventcode=\"114\"></EventCoding>\n<Text>\n%s\n</Text>\n<Parse>\n"
                        "(ROOT (S (NP (NNP Poland)) (VP (VBD lodged) (NP (DT a) (JJ formal) "
                        "(NN protest)) (PP (IN with) (NP (NNP Belarus)))) (. .)))\n</Parse>\n"
                        "</Sentence>\n",
                        n / 10, n % 10, s);
        written += (size_t)w;
        n++;
    }
    fputs("</Sentences>\n", f);
    *records = n;
}

static int run(const char *label, const char *path, long want, size_t bytes)
{
    tac_error err;
    tac_reader_options opt = {0};
    double t0 = tac_now();
    tac_reader *r = tac_reader_open(path, &opt, &err);
    if (!r) {
        fprintf(stderr, "bench_ingest: %s\n", err.msg);
        return 1;
    }
    tac_record rec;
    tac_status st;
    long n = 0;
    size_t text = 0;
    while ((st = tac_reader_next(r, &rec, &err)) == TAC_OK) {
        n++;
        text += rec.text_len;
    }
    double dt = tac_now() - t0;
    tac_reader_close(r);
    if (st != TAC_END || n != want) {
        fprintf(stderr, "bench_ingest: %s: %ld of %ld records (%s)\n", label, n, want,
                st == TAC_END ? "end" : err.msg);
        return 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("   %-6s %7.1f MB  %7.0f MB/s  %9.0f records/s  text %.1f MB  peak RSS %ld KB\n",
           label, (double)bytes / 1e6, (double)bytes / 1e6 / dt, (double)n / dt,
           (double)text / 1e6, ru.ru_maxrss);
    return 0;
}

int main(int argc, char **argv)
{
    size_t mb = argc > 1 ? (size_t)atol(argv[1]) : 64;
    if (mb == 0)
        mb = 64;
    char jsonl[] = "/tmp/bench_ingest_XXXXXX", xml[] = "/tmp/bench_ingest_XXXXXX";
    int fj = mkstemp(jsonl), fx = mkstemp(xml);
    if (fj < 0 || fx < 0) {
        perror("bench_ingest: mkstemp");
        return 1;
    }
    FILE *f = fdopen(fj, "w");
    long nj, nx;
    write_jsonl(f, mb << 20, &nj);
    long sj = ftell(f);
    fclose(f);
    f = fdopen(fx, "w");
    write_xml(f, mb << 20, &nx);
    long sx = ftell(f);
    fclose(f);
    /* the extension-less temp files are sniffed */
    int status = run("jsonl", jsonl, nj, (size_t)sj) | run("xml", xml, nx, (size_t)sx);
    unlink(jsonl);
    unlink(xml);
    return status;
}
