/* bench_output: events written per second by each writer, and codebook
 * lookups per second.  Usage: bench_output [N_EVENTS]  (default 1000000) */
#include <stdio.h>
#include <stdlib.h>

#include "output/output.h"

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    if (n <= 0)
        n = 1000000;
    static const char *const codes[] = {"042", "190", "1121", "0874", "012", "999", "20", "173"};
    tac_event ev = {0};
    ev.doc_id = "AFP_ENG_20251009.0042";
    ev.date = "2025-10-09";
    ev.source = "CHNGOV";
    ev.source_root = "CHN";
    ev.source_agent = "GOV";
    ev.target = "PRK";
    ev.target_root = "PRK";
    ev.target_agent = "";
    ev.issues = "DIPLOMACY;NUCLEAR";
    ev.text = "Chinese Premier Li Qiang arrived in Pyongyang on Thursday for a three-day "
              "visit, the \"first\" by a premier in fifteen years, state media said.";
    ev.verb_pattern = "ARRIVE IN";
    ev.verb_where = "verbs.txt:4127";
    ev.source_entry = "CHINESE_PREMIER [CHNGOV] (actors.txt:812)";
    ev.target_entry = "PYONGYANG [PRK] (actors.txt:2301)";

    const tac_output_format formats[] = {TAC_OUTPUT_JSONL, TAC_OUTPUT_TSV, TAC_OUTPUT_TEXT};
    tac_buf b;
    tac_buf_init(&b);
    for (size_t f = 0; f < 3; f++) {
        size_t bytes = 0;
        double t0 = tac_now();
        for (long i = 0; i < n; i++) {
            ev.sentence = (int)(i & 31);
            ev.cameo = codes[i & 7];
            if (tac_write_event(formats[f], &ev, &b) != TAC_OK) {
                fprintf(stderr, "bench_output: write failed\n");
                tac_buf_free(&b);
                return 1;
            }
            if (b.len > (1u << 20)) {   /* flush as a caller would */
                bytes += b.len;
                tac_buf_clear(&b);
            }
        }
        bytes += b.len;
        tac_buf_clear(&b);
        double dt = tac_now() - t0;
        printf("%-6s %10.0f events/s  %7.1f MB/s  (%ld events, %.0f bytes/event)\n",
               tac_output_format_name(formats[f]), n / dt, bytes / dt / 1e6, n,
               (double)bytes / (double)n);
    }
    tac_buf_free(&b);

    double t0 = tac_now();
    size_t found = 0;
    for (long i = 0; i < n; i++)
        found += tac_cameo_lookup(codes[i & 7]) != NULL;
    double dt = tac_now() - t0;
    printf("lookup %10.0f lookups/s (%zu found)\n", n / dt, found);
    return 0;
}
