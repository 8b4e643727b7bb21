/* bench_document: the document stage's per-sentence cost.
 *
 * Loads the built-in gazetteer (timed), tokenizes a fixed set of news-like
 * sentences once, then resolves the date and the place of every sentence
 * in a loop for about a second, and runs a tac_document over the set
 * (dates, places, merging) the same way.
 *
 * usage: bench_document [seconds] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tacitus.h"
#include "util/util.h"

static const char *const sentences[] = {
    "Chinese Premier Li Qiang will make a three-day visit to North Korea from Thursday, the ministry said.",
    "Last month, North Korean leader Kim Jong Un visited Beijing to attend events marking the anniversary.",
    "The two countries fought side by side in the 1950-1953 Korean War against U.N. forces.",
    "Russian forces shelled Kharkiv overnight, killing three people, officials said on Sunday.",
    "Israeli strikes killed 20 people in Khan Younis in the southern Gaza Strip early Tuesday morning.",
    "The talks, which began in April 2024, are set to resume in Geneva next week.",
    "Paramilitaries attacked El Fasher, the last army stronghold in Darfur, three days ago.",
    "Since 2019, the two sides have held talks in Doha on a prisoner exchange.",
    "The minister said yesterday that the accord signed on March 3, 2025 remained in force.",
    "Protesters gathered outside the parliament in Nairobi for a second day.",
    "Rebels seized Goma, the largest city in eastern Congo, in January.",
    "Leaders of the Group of Seven will meet in Ottawa on June 15.",
};
#define N_SENT (sizeof sentences / sizeof sentences[0])

typedef struct tokenized {
    const char *forms[128];
    size_t n;
} tokenized;

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 1.0;
    tac_error err;
    double t0 = tac_now();
    tac_gazetteer *g = tac_gazetteer_load(NULL, NULL, NULL, &err);
    double load = tac_now() - t0;
    if (!g) {
        fprintf(stderr, "bench_document: %s\n", err.msg);
        return 1;
    }
    tac_text_ctx *ctx[N_SENT];
    tokenized tok[N_SENT];
    size_t tokens = 0;
    for (size_t i = 0; i < N_SENT; i++) {
        const tac_text *t;
        ctx[i] = tac_text_ctx_new();
        if (!ctx[i] || tac_text_analyze(ctx[i], sentences[i], strlen(sentences[i]), 0, &t, &err) != TAC_OK)
            return 1;
        tok[i].n = 0;
        for (uint32_t k = 0; k < t->sentences[0].n_tokens && k < 128; k++)
            tok[i].forms[tok[i].n++] = t->sentences[0].tokens[k].form;
        tokens += tok[i].n;
    }
    /* dates and places, sentence by sentence */
    size_t done = 0, dated = 0, placed = 0;
    t0 = tac_now();
    while (tac_now() - t0 < seconds) {
        for (size_t i = 0; i < N_SENT; i++) {
            tac_date_input in = {"2025-10-07", tok[i].forms, NULL, tok[i].n, -1, TAC_TENSE_UNKNOWN};
            tac_event_date d;
            tac_resolve_date(&in, &d, NULL);
            tac_place_input pin = {tok[i].forms, NULL, tok[i].n, -1, "BEIJING", d.historical};
            tac_event_place pl;
            tac_find_place(g, &pin, &pl);
            dated += !d.from_story;
            placed += pl.place != NULL;
        }
        done += N_SENT;
    }
    double el = tac_now() - t0;
    /* the whole stage: one document of the 12 sentences, one event each */
    tac_document *doc = tac_document_new(g, &err);
    size_t docs = 0;
    double t1 = tac_now();
    while (tac_now() - t1 < seconds) {
        tac_document_begin(doc, "bench", "2025-10-07", "BEIJING", &err);
        for (size_t i = 0; i < N_SENT; i++) {
            tac_document_add_sentence(doc, (int)i, tok[i].forms, NULL, tok[i].n, &err);
            tac_event ev = {.doc_id = "bench", .sentence = (int)i, .date = "2025-10-07",
                            .source = "CHNGOV", .target = "PRK", .cameo = i % 2 ? "042" : "04"};
            tac_document_add_event(doc, &ev, -1, TAC_TENSE_UNKNOWN, &err);
        }
        const tac_event_doc *out;
        size_t n;
        tac_document_finish(doc, &out, &n, &err);
        docs++;
    }
    double el2 = tac_now() - t1;
    printf("gazetteer: %zu places loaded in %.1f ms\n", tac_gazetteer_count(g), load * 1e3);
    printf("date+place: %.0f sentences/s (%.2f us/sentence, %.0f tokens/s); %zu/%zu dated, %zu/%zu placed per pass\n",
           done / el, el / done * 1e6, done * (double)tokens / N_SENT / el, dated / (done / N_SENT),
           N_SENT, placed / (done / N_SENT), N_SENT);
    printf("tac_document: %.0f documents/s of %zu sentences (%.0f sentences/s)\n", docs / el2,
           N_SENT, docs * (double)N_SENT / el2);
    tac_document_free(doc);
    for (size_t i = 0; i < N_SENT; i++)
        tac_text_ctx_free(ctx[i]);
    tac_gazetteer_free(g);
    return 0;
}
