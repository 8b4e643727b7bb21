/* bench_text: sentence splitting + tokenization throughput.
 *
 * Builds a deterministic news-like corpus in memory (default 24 MB) from
 * sentence templates with varied names, numbers, abbreviations, quotes and
 * some non-ASCII text, cut into articles of a few KB with datelines, and
 * runs tac_text_analyze() over every article on one thread.
 *
 * usage: bench_text [MB] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tacitus.h"
#include "text/text.h"
#include "util/util.h"

typedef struct rng { uint64_t s; } rng;

static uint64_t rnd(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545f4914f6cdd1dULL;
}

#define PICK(r, a) ((a)[rnd(r) % (sizeof(a) / sizeof(a)[0])])

static const char *const people[] = {
    "Li Qiang", "Kim Jong Un", "Xi Jinping", "George W. Bush", "Angela Merkel",
    "Emmanuel Macron", "Recep Tayyip Erdo\xc4\x9f" "an", "Luiz In\xc3\xa1" "cio Lula da Silva",
    "Narendra Modi", "Olaf Scholz", "Fumio Kishida", "Yoon Suk Yeol", "Dmitry Medvedev",
    "Sergei Lavrov", "Antony J. Blinken", "Ant\xc3\xb3nio Guterres", "To Lam", "Zhao Leji",
};
static const char *const titles[] = {
    "Mr.", "Gen.", "Lt. Col.", "Sen.", "Dr.", "Prof.", "Rep.", "Gov.", "Adm.", "Mrs.",
};
static const char *const countries[] = {
    "China", "North Korea", "the U.S.", "Russia", "Ukraine", "Japan", "South Korea",
    "Vietnam", "Germany", "France", "Brazil", "India", "Turkey", "C\xc3\xb4te d'Ivoire",
    "the U.K.", "Israel", "Iran", "Syria", "Egypt", "Mexico",
};
static const char *const orgs[] = {
    "the U.N. Security Council", "NATO", "the Foreign Ministry", "Acme Corp.", "Globex Inc.",
    "the Workers\xe2\x80\x99 Party of Korea", "the European Union", "the World Bank",
    "Initech Co.", "the African Union",
};
static const char *const days[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const months[] = { "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "March" };
static const char *const cities[] = {
    "BEIJING", "WASHINGTON", "SEOUL", "MOSCOW", "KYIV", "UNITED NATIONS", "ST. LOUIS", "PARIS",
};

/* {P} person, {T} title, {C} country, {O} organisation, {D} day, {M} month,
 * {N} small number, {B} big number, {F} decimal, {Y} year */
static const char *const templates[] = {
    "{T} {P} will make a three-day visit to {C} from {D} to attend events marking the {N}th anniversary of {O}, the ministry said.",
    "The trip by {C}\xe2\x80\x99s No. {N} leader would underscore improving bilateral ties that have been strained by {C}\xe2\x80\x99s deepening military cooperation with {C}.",
    "\xe2\x80\x9cWe will not back down,\xe2\x80\x9d {P} told reporters on {D}.",
    "\"The talks were constructive,\" said {T} {P}, who didn't elaborate.",
    "{O} said it had raised ${F} billion, up {N}% from {Y}.",
    "U.S.-led forces fought in the {Y}-{Y} war against {C}, and their relationship has long been described as one of \xe2\x80\x9c" "blood brothers.\xe2\x80\x9d",
    "The meeting began at {N} a.m. on {M} {N}, and officials said it could last until {N}:30 p.m. {D}.",
    "Thousands of people (about {B}, according to police) gathered in the capital \xe2\x80\x94 the largest protest since {Y}.",
    "{P} can't attend, but he'll send {T} {P} instead.",
    "Asked whether {C} would retaliate, {P} said: \"Why would we?\"",
    "The in-person talks with {T} {P} lasted {F} hours; both sides called them large-scale progress.",
    "Analysts at {O} expect growth of {F}% this year... Others are less optimistic.",
    "More details are available at https://example.org/news/{N} or press@example.org.",
    "{C}'s exports rose to {B} tonnes in {M}, the highest since {Y}.",
    "Witnesses said the convoy passed through the town at about {N} p.m. Police later closed the road.",
};

static void expand(tac_buf *b, rng *r, const char *tpl)
{
    for (const char *p = tpl; *p; p++) {
        if (p[0] != '{' || !p[1] || p[2] != '}') {
            tac_buf_putc(b, *p);
            continue;
        }
        switch (p[1]) {
        case 'P': tac_buf_puts(b, PICK(r, people)); break;
        case 'T': tac_buf_puts(b, PICK(r, titles)); break;
        case 'C': tac_buf_puts(b, PICK(r, countries)); break;
        case 'O': tac_buf_puts(b, PICK(r, orgs)); break;
        case 'D': tac_buf_puts(b, PICK(r, days)); break;
        case 'M': tac_buf_puts(b, PICK(r, months)); break;
        case 'N': tac_buf_printf(b, "%u", (unsigned)(rnd(r) % 90 + 2)); break;
        case 'B': tac_buf_printf(b, "%u,%03u", (unsigned)(rnd(r) % 900 + 1), (unsigned)(rnd(r) % 1000)); break;
        case 'F': tac_buf_printf(b, "%u.%u", (unsigned)(rnd(r) % 50), (unsigned)(rnd(r) % 10)); break;
        case 'Y': tac_buf_printf(b, "%u", (unsigned)(1950 + rnd(r) % 75)); break;
        default: tac_buf_putc(b, *p); continue;
        }
        p += 2;
    }
}

typedef struct doc { size_t off, len, dateline; } doc;

int main(int argc, char **argv)
{
    size_t want = (size_t)(argc > 1 ? atof(argv[1]) : 24) * 1024 * 1024;
    rng r = { 0x853c49e6748fea9bULL };
    tac_buf corpus;
    tac_buf_init(&corpus);
    size_t cap = 1024, n_docs = 0;
    doc *docs = malloc(cap * sizeof *docs);
    while (docs && corpus.len < want) {
        if (n_docs == cap) {
            cap *= 2;
            doc *grown = realloc(docs, cap * sizeof *docs);
            if (!grown)
                break;
            docs = grown;
        }
        doc *d = &docs[n_docs++];
        d->off = corpus.len;
        tac_buf_puts(&corpus, PICK(&r, cities));
        tac_buf_puts(&corpus, " \xe2\x80\x93 ");
        d->dateline = corpus.len - d->off;
        int n = 8 + (int)(rnd(&r) % 16);
        for (int i = 0; i < n; i++) {
            expand(&corpus, &r, PICK(&r, templates));
            tac_buf_puts(&corpus, rnd(&r) % 3 ? " " : "\n");
        }
        d->len = corpus.len - d->off;
    }
    if (!docs || !corpus.data) {
        fprintf(stderr, "bench_text: out of memory\n");
        return 2;
    }

    tac_text_ctx *ctx = tac_text_ctx_new();
    tac_error err;
    uint64_t n_sent = 0, n_tok = 0;
    double t0 = tac_now();
    for (size_t i = 0; i < n_docs; i++) {
        const tac_text *t;
        if (tac_text_analyze(ctx, corpus.data + docs[i].off, docs[i].len, docs[i].dateline, &t,
                             &err) != TAC_OK) {
            fprintf(stderr, "bench_text: %s\n", err.msg);
            return 2;
        }
        n_sent += t->n_sentences;
        for (uint32_t s = 0; s < t->n_sentences; s++)
            n_tok += t->sentences[s].n_tokens;
    }
    double secs = tac_now() - t0;
    double mb = (double)corpus.len / (1024.0 * 1024.0);
    printf("text: %.1f MB in %.2f s = %.1f MB/s (%.0f sentences/s, %.0f tokens/s)\n", mb, secs,
           mb / secs, (double)n_sent / secs, (double)n_tok / secs);
    printf("text: %zu articles, %llu sentences, %llu tokens, peak arena %zu bytes\n", n_docs,
           (unsigned long long)n_sent, (unsigned long long)n_tok, ctx->arena.peak);
    tac_text_ctx_free(ctx);
    free(docs);
    tac_buf_free(&corpus);
    return 0;
}
