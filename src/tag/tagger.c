/* The part-of-speech tagger: a first-order hidden Markov model decoded with
 * Viterbi, restricted at each token to the tags the lexicon allows for it
 * (or the unknown-word model's best candidates), plus a few rules for
 * closed classes the statistics handle badly.
 *
 * The model (see tag.h) is read with one read into a malloc'd block and used
 * in place; it is validated once on load so that lookups need no checks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/tag.h"

#define MAX_CANDIDATES 12     /* tags considered per token */
#define MAX_WORD 128          /* longer words skip case-folded lookups */

struct tac_tagger {
    char                 *data;
    size_t                size;
    const tac_tagger_header *h;
    const float          *trans;     /* [prev * TAG_COUNT + tag] */
    const float          *start;
    const float          *unigram;
    const tac_tag_entry  *words;
    const uint32_t       *word_slots;
    const tac_tag_entry  *suffixes;
    const uint32_t       *suffix_slots;
    const tac_tag_emit   *emits;
    /* exp(logp) and exp(logp + unigram[tag]) of every emission, computed
     * once at load: unknown words need them per suffix length, and exp()
     * was a tenth of the tagger's time */
    double               *emit_p, *emit_pu;
    const char           *strings;
    char                  path[1024];
};

/* The candidate tags of one token and their log emission scores. */
typedef struct cands {
    uint8_t n;
    uint8_t tag[MAX_CANDIDATES];
    float   emit[MAX_CANDIDATES];
} cands;

/* ---- loading --------------------------------------------------------- */

static bool section_ok(const tac_tagger_header *h, uint32_t off, uint64_t count, size_t size)
{
    return off % 4 == 0 && off >= sizeof *h && (uint64_t)off + count * size <= h->file_size;
}

static bool table_ok(const tac_tagger *t, const tac_tag_entry *e, uint32_t n,
                     const uint32_t *slots, uint32_t n_slots)
{
    const tac_tagger_header *h = t->h;
    if (n_slots == 0 || (n_slots & (n_slots - 1)) != 0 || n >= n_slots)
        return false;   /* a full table would make lookups loop */
    for (uint32_t i = 0; i < n; i++) {
        if (e[i].key >= h->strings_size || (uint64_t)e[i].emit + e[i].n_emit > h->n_emits)
            return false;
        const char *k = t->strings + e[i].key;
        if (tac_tag_hash(k, strlen(k)) != e[i].hash)
            return false;
    }
    for (uint32_t s = 0; s < n_slots; s++)
        if (slots[s] > n)
            return false;
    return true;
}

static bool model_ok(tac_tagger *t)
{
    const tac_tagger_header *h = t->h;
    if (t->size < sizeof *h || memcmp(h->magic, TAC_TAGGER_MAGIC, 8) != 0)
        return false;
    if (h->bom != TAC_MODEL_BOM || h->version != TAC_TAGGER_VERSION ||
        h->n_tags != TAG_COUNT || h->file_size != t->size)
        return false;
    if (!section_ok(h, h->off_tag_names, TAG_COUNT, 8) ||
        !section_ok(h, h->off_trans, (uint64_t)TAG_COUNT * TAG_COUNT, sizeof(float)) ||
        !section_ok(h, h->off_start, TAG_COUNT, sizeof(float)) ||
        !section_ok(h, h->off_unigram, TAG_COUNT, sizeof(float)) ||
        !section_ok(h, h->off_words, h->n_words, sizeof(tac_tag_entry)) ||
        !section_ok(h, h->off_word_slots, h->word_slots, sizeof(uint32_t)) ||
        !section_ok(h, h->off_suffixes, h->n_suffixes, sizeof(tac_tag_entry)) ||
        !section_ok(h, h->off_suffix_slots, h->suffix_slots, sizeof(uint32_t)) ||
        !section_ok(h, h->off_emits, h->n_emits, sizeof(tac_tag_emit)) ||
        !section_ok(h, h->off_strings, h->strings_size, 1) || h->strings_size == 0)
        return false;
    const char *names = t->data + h->off_tag_names;
    for (int i = 0; i < TAG_COUNT; i++)
        if (strncmp(names + 8 * i, tac_tag_name(i), 8) != 0)
            return false;
    t->trans = (const float *)(t->data + h->off_trans);
    t->start = (const float *)(t->data + h->off_start);
    t->unigram = (const float *)(t->data + h->off_unigram);
    t->words = (const tac_tag_entry *)(t->data + h->off_words);
    t->word_slots = (const uint32_t *)(t->data + h->off_word_slots);
    t->suffixes = (const tac_tag_entry *)(t->data + h->off_suffixes);
    t->suffix_slots = (const uint32_t *)(t->data + h->off_suffix_slots);
    t->emits = (const tac_tag_emit *)(t->data + h->off_emits);
    t->strings = t->data + h->off_strings;
    if (t->strings[h->strings_size - 1] != '\0')
        return false;
    for (uint32_t i = 0; i < h->n_emits; i++)
        if (t->emits[i].tag >= TAG_COUNT || !isfinite(t->emits[i].logp))
            return false;
    for (int i = 0; i < TAG_COUNT * TAG_COUNT; i++)
        if (!isfinite(t->trans[i]))
            return false;
    for (int i = 0; i < TAG_COUNT; i++)
        if (!isfinite(t->start[i]) || !isfinite(t->unigram[i]))
            return false;
    return table_ok(t, t->words, h->n_words, t->word_slots, h->word_slots) &&
           table_ok(t, t->suffixes, h->n_suffixes, t->suffix_slots, h->suffix_slots);
}

tac_tagger *tac_tagger_load(const char *path, tac_error *err)
{
    if (!path)
        path = getenv("TACITUS_TAGGER_MODEL");
    if (!path || !*path)
        path = TAC_BUILD_DIR "/models/tagger.bin";
    tac_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", path);
        return NULL;
    }
    snprintf(t->path, sizeof t->path, "%s", path);
    tac_error rerr;
    if (tac_read_file(path, &t->data, &t->size, &rerr) != TAC_OK) {
        tac_fail(err, rerr.status, "cannot load tagger model: %s (build it with cmake, "
                 "or point TACITUS_TAGGER_MODEL at a model)", rerr.msg);
        free(t);
        return NULL;
    }
    t->h = (const tac_tagger_header *)t->data;
    if (!model_ok(t)) {
        tac_fail(err, TAC_EPARSE, "%s: not a tagger model of this version "
                 "(corrupt, truncated or built by another release)", path);
        tac_tagger_free(t);
        return NULL;
    }
    uint32_t n = t->h->n_emits;
    t->emit_p = malloc((n + 1) * sizeof *t->emit_p);
    t->emit_pu = malloc((n + 1) * sizeof *t->emit_pu);
    if (!t->emit_p || !t->emit_pu) {
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", path);
        tac_tagger_free(t);
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        t->emit_p[i] = exp(t->emits[i].logp);
        t->emit_pu[i] = exp(t->emits[i].logp + t->unigram[t->emits[i].tag]);
    }
    return t;
}

void tac_tagger_free(tac_tagger *t)
{
    if (!t)
        return;
    free(t->data);
    free(t->emit_p);
    free(t->emit_pu);
    free(t);
}

const char *tac_tagger_path(const tac_tagger *t) { return t->path; }

/* ---- lookups --------------------------------------------------------- */

static const tac_tag_entry *lookup(const tac_tagger *t, const tac_tag_entry *entries,
                                   const uint32_t *slots, uint32_t n_slots,
                                   const char *key, size_t len)
{
    uint32_t h = tac_tag_hash(key, len);
    for (uint32_t s = h & (n_slots - 1);; s = (s + 1) & (n_slots - 1)) {
        uint32_t i = slots[s];
        if (i == 0)
            return NULL;
        const tac_tag_entry *e = &entries[i - 1];
        const char *k = t->strings + e->key;
        if (e->hash == h && strncmp(k, key, len) == 0 && k[len] == '\0')
            return e;
    }
}

static const tac_tag_entry *word_entry(const tac_tagger *t, const char *w, size_t len)
{
    return lookup(t, t->words, t->word_slots, t->h->word_slots, w, len);
}

static const tac_tag_entry *suffix_entry(const tac_tagger *t, const char *key, size_t len)
{
    return lookup(t, t->suffixes, t->suffix_slots, t->h->suffix_slots, key, len);
}

/* ---- candidate tags of a token --------------------------------------- */

static void cands_one(cands *c, int tag)
{
    c->n = 1;
    c->tag[0] = (uint8_t)tag;
    c->emit[0] = 0;
}

static void cands_from_entry(cands *c, const tac_tagger *t, const tac_tag_entry *e)
{
    c->n = 0;
    for (uint32_t i = 0; i < e->n_emit && c->n < MAX_CANDIDATES; i++) {
        const tac_tag_emit *em = &t->emits[e->emit + i];
        c->tag[c->n] = (uint8_t)em->tag;
        c->emit[c->n++] = em->logp;
    }
}

/* Adds P(tag | word) of a lexicon entry, times weight, to dist. */
static void dist_add_entry(double *dist, const tac_tagger *t, const tac_tag_entry *e,
                           double weight)
{
    double p[TAG_COUNT], sum = 0;
    for (uint32_t i = 0; i < e->n_emit; i++) {
        p[i] = t->emit_pu[e->emit + i];
        sum += p[i];
    }
    for (uint32_t i = 0; i < e->n_emit && sum > 0; i++)
        dist[t->emits[e->emit + i].tag] += weight * p[i] / sum;
}

/* Pseudo-count with which a shorter suffix's estimate weighs against a
 * longer one's: a suffix seen once cannot overrule its parent. */
#define SUFFIX_PRIOR 3.0

/* P(tag | shape, suffix) by successive abstraction over suffix lengths
 * (after Brants 2000): each longer suffix refines the shorter one's
 * estimate in proportion to how often it was seen. */
static void unknown_dist(const tac_tagger *t, const char *w, size_t len, int shape,
                         double *dist)
{
    char key[TAC_SUFFIX_MAX + 2];
    for (int k = 0; k < TAG_COUNT; k++)
        dist[k] = 0;
    for (size_t l = 0; l <= TAC_SUFFIX_MAX && l <= len; l++) {
        size_t kl = tac_tag_suffix_key(key, shape, w, len, l);
        const tac_tag_entry *e = suffix_entry(t, key, kl);
        if (!e)
            break;
        double p[TAG_COUNT] = {0};
        for (uint32_t i = 0; i < e->n_emit; i++)
            p[t->emits[e->emit + i].tag] = t->emit_p[e->emit + i];
        for (int k = 0; k < TAG_COUNT; k++)
            dist[k] = l == 0 ? p[k]
                             : (e->weight * p[k] + SUFFIX_PRIOR * dist[k]) /
                               (e->weight + SUFFIX_PRIOR);
    }
}

#define CAND_MIN_RATIO 0.01    /* candidates within 1/100 of the best */
#define PRIOR_FLOOR (-4.6)     /* log 0.01 */

/* Turns a distribution P(tag | word) into candidates scored log P(word | tag)
 * up to a constant: log P(tag | word) - log P(tag). */
static void cands_from_dist(cands *c, const tac_tagger *t, const double *dist)
{
    double max = 0;
    for (int k = 0; k < TAG_COUNT; k++)
        if (dist[k] > max)
            max = dist[k];
    c->n = 0;
    if (max <= 0) {
        cands_one(c, TAG_NN);
        return;
    }
    for (int k = 0; k < TAG_COUNT; k++) {
        if (dist[k] < max * CAND_MIN_RATIO)
            continue;
        /* Rare tags' small, noisy probabilities would be inflated by their
         * tiny priors: the prior is floored. */
        float score = (float)(log(dist[k]) - fmax(t->unigram[k], PRIOR_FLOOR));
        if (c->n < MAX_CANDIDATES) {
            c->tag[c->n] = (uint8_t)k;
            c->emit[c->n++] = score;
            continue;
        }
        int worst = 0;   /* full: replace the weakest candidate */
        for (int j = 1; j < c->n; j++)
            if (c->emit[j] < c->emit[worst])
                worst = j;
        if (score > c->emit[worst]) {
            c->tag[worst] = (uint8_t)k;
            c->emit[worst] = score;
        }
    }
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* "1,200", "3.5", "1980-81", "1/2", "10:30", "-4", "50%" */
static bool is_number(const char *w, size_t len)
{
    bool digit = false;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        if (is_digit(c))
            digit = true;
        else if (!strchr(",./:-+%", c) || (i == 0 && c != '-' && c != '+' && c != '.'))
            return false;
    }
    return digit;
}

static int bracket_tag(const char *w)
{
    static const char *const open[] = {"-LRB-", "-LSB-", "-LCB-", "(", "[", "{"};
    static const char *const close[] = {"-RRB-", "-RSB-", "-RCB-", ")", "]", "}"};
    if (!strchr("-([{)]}", w[0]) || !w[0])   /* nearly every token: no bracket */
        return -1;
    for (size_t i = 0; i < 6; i++) {
        if (strcmp(w, open[i]) == 0)
            return TAG_LRB;
        if (strcmp(w, close[i]) == 0)
            return TAG_RRB;
    }
    return -1;
}

static size_t lower_copy(char *dst, const char *w, size_t len)
{
    for (size_t i = 0; i < len; i++)
        dst[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    dst[len] = '\0';
    return len;
}

/* Weight of the lower-case reading of a capitalised word we have not seen
 * capitalised: high at the start of a sentence, where capitals say little. */
#define LOWER_WEIGHT_INITIAL 0.9
#define LOWER_WEIGHT_INSIDE  0.2

/* Verb-forming prefixes written with a hyphen: "re-open", "co-sponsor",
 * "mis-handle", "counter-attack". Such a word inflects and is used like its
 * base, which the lexicon usually knows while the hyphenated form is unseen
 * (and the unknown-word model would call it an adjective). Prefixes that
 * make adjectives ("anti-war", "pre-war", "non-aligned") are left out. */
static const char *const verb_prefixes[] = {"re-", "co-", "mis-", "counter-", NULL};

static const tac_tag_entry *prefixed_base(const tac_tagger *t, const char *w, size_t len)
{
    for (const char *const *pre = verb_prefixes; *pre; pre++) {
        size_t pl = strlen(*pre);
        if (len > pl + 2 && strncmp(w, *pre, pl) == 0 && !memchr(w + pl, '-', len - pl)) {
            const tac_tag_entry *e = word_entry(t, w + pl, len - pl);
            return e && e->n_emit > 0 ? e : NULL;
        }
    }
    return NULL;
}

static void token_cands(const tac_tagger *t, const char *w, bool initial, cands *c)
{
    size_t len = strlen(w);
    int tag = bracket_tag(w);
    if (tag >= 0) {
        cands_one(c, tag);
        return;
    }
    const tac_tag_entry *e = word_entry(t, w, len);
    if (e && e->n_emit > 0) {
        cands_from_entry(c, t, e);
        return;
    }
    if (strcmp(w, "\"") == 0) {
        c->n = 2;
        c->tag[0] = TAG_LQUOTE;
        c->tag[1] = TAG_RQUOTE;
        c->emit[0] = c->emit[1] = 0;
        return;
    }
    if (is_number(w, len)) {
        cands_one(c, TAG_CD);
        return;
    }
    int shape = tac_tag_shape(w, len);
    if (shape == SHAPE_HYPHEN) {
        const tac_tag_entry *be = prefixed_base(t, w, len);
        if (be) {   /* "re-open" is read as "open" */
            cands_from_entry(c, t, be);
            return;
        }
    }
    double dist[TAG_COUNT];
    unknown_dist(t, w, len, shape, dist);
    if ((shape == SHAPE_CAP || shape == SHAPE_UPPER) && len < MAX_WORD) {
        char buf[MAX_WORD];
        lower_copy(buf, w, len);
        const tac_tag_entry *le = word_entry(t, buf, len);
        if (!le && shape == SHAPE_UPPER) {
            buf[0] = w[0];             /* "BEIJING" -> "Beijing" */
            le = word_entry(t, buf, len);
        }
        if (le) {
            double a = initial || shape == SHAPE_UPPER ? LOWER_WEIGHT_INITIAL
                                                       : LOWER_WEIGHT_INSIDE;
            for (int k = 0; k < TAG_COUNT; k++)
                dist[k] *= 1 - a;
            dist_add_entry(dist, t, le, a);
        }
    }
    cands_from_dist(c, t, dist);
}

static bool starts_sentence(const char *const *forms, size_t i)
{
    if (i == 0)
        return true;
    const char *p = forms[i - 1] ? forms[i - 1] : "";
    return strcmp(p, "``") == 0 || strcmp(p, ":") == 0 || strcmp(p, "--") == 0 ||
           bracket_tag(p) == TAG_LRB;
}

/* ---- corrections ------------------------------------------------------ */

/* A first-order model cannot see that a participle needs an auxiliary or
 * that a verb in -ed followed by its object is a past tense. These rules
 * repair the commonest such errors; each changes a tag only to one the
 * token's candidates allow. They were found by error analysis on
 * PETR.UnitTest.records.xml and checked on GigaWord.sample.PETR.xml (see
 * docs/tagger.md). */

static bool allows(const cands *c, int tag)
{
    for (int k = 0; k < c->n; k++)
        if (c->tag[k] == tag)
            return true;
    return false;
}

/* w (which may be NULL: callers may pass NULL tokens) is s, ignoring case. */
static bool word_is(const char *w, const char *s)
{
    return w && tac_str_iequal(w, s);
}

static bool is_form(const char *w, const char *const *list)
{
    if (!w)
        return false;
    for (; *list; list++)
        if (tac_str_iequal(w, *list))
            return true;
    return false;
}

static const char *const auxiliaries[] = {
    "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
    "have", "has", "had", "having", "'ve", "'d", "get", "gets", "got", "gotten",
    "getting", NULL
};

static const char *const have_forms[] = {"have", "has", "had", "'ve", NULL};

/* Verbs of belief and report whose passive participle takes "to be":
 * "believed to be", "said to have". */
static const char *const belief_verbs[] = {
    "believed", "thought", "said", "reported", "alleged", "rumored", "rumoured",
    "understood", "suspected", "presumed", "estimated", NULL
};

/* Subject pronouns after which a base form is a present tense. */
static const char *const subject_pronouns[] = {"I", "we", "you", "they", NULL};

static bool nominal(int t)
{
    return t == TAG_NN || t == TAG_NNS || t == TAG_NNP || t == TAG_NNPS || t == TAG_PRP;
}

/* Tags that start an object noun phrase right after a verb. */
static bool object_start(int t, const char *w)
{
    return t == TAG_DT || t == TAG_PRPS || t == TAG_PRP || t == TAG_RP || t == TAG_CD ||
           t == TAG_DOLLAR || (t == TAG_IN && tac_str_iequal(w, "that"));
}

static bool finite_tag(int t)
{
    return t == TAG_VBD || t == TAG_VBZ || t == TAG_VBP || t == TAG_MD;
}

static const char *const subordinators[] = {
    "after", "before", "because", "while", "although", "though", "if", "unless",
    "until", "since", "whereas", "as", "that", "when", NULL
};

/* Clause boundaries: punctuation, wh-words, subordinating conjunctions. */
static bool clause_edge(const char *const *forms, const uint8_t *tag, size_t k)
{
    int t = tag[k];
    return t == TAG_COMMA || t == TAG_PERIOD || t == TAG_COLON || t == TAG_WDT ||
           t == TAG_WP || t == TAG_WRB || (t == TAG_IN && is_form(forms[k], subordinators));
}

/* The clause around token i (up to commas, sentence ends, wh-words) has no
 * finite verb besides it: "forces launched/VBN artillery , ..." then has
 * its verb here, unlike "the missiles launched/VBN yesterday hit ...". A
 * scan done only for unaccompanied participles, a few per sentence. */
static bool clause_lacks_finite(const char *const *forms, const uint8_t *tag, size_t i,
                                size_t n)
{
    for (size_t k = i; k-- > 0 && !clause_edge(forms, tag, k);)
        if (finite_tag(tag[k]) && !(k + 1 == i && tag[k] == TAG_VBZ))
            return false;   /* "forces/VBZ launched": the noun is repaired below */
    for (size_t k = i + 1; k < n && !clause_edge(forms, tag, k); k++)
        if (finite_tag(tag[k]))
            return false;
    return true;
}

static bool np_tag(int t)
{
    return nominal(t) || t == TAG_DT || t == TAG_JJ || t == TAG_CD || t == TAG_POS ||
           t == TAG_PRPS;
}

/* The noun phrase ending before token i starts the sentence: "Prisoners
 * rioted/VBN at a jail" has its subject there, a reduced relative would
 * need a verb later on. */
static bool subject_at_start(const uint8_t *tag, size_t i)
{
    while (i > 0 && np_tag(tag[i - 1]))
        i--;
    return i == 0;
}

/* Particles that may stand between a verb and its object ("handed over
 * 700 kg", "shot down a helicopter") and that the tagger often reads as
 * prepositions. */
static const char *const particles[] = {
    "over", "up", "down", "out", "off", "back", "away", NULL
};

/* Token i sits in a "that" clause with no verb: "demanded that the
 * government end/NN curbs". Scans back over the subject noun phrase to
 * "that" after a verb, and forward to the clause's end. */
static bool verbless_that_clause(const char *const *forms, const uint8_t *tag, size_t i,
                                 size_t n)
{
    size_t k = i;
    while (k > 0 && np_tag(tag[k - 1]))
        k--;
    if (k < 2 || k == i || tag[k - 1] != TAG_IN || !word_is(forms[k - 1], "that") ||
        !(tag[k - 2] >= TAG_VB && tag[k - 2] <= TAG_VBZ))
        return false;
    for (size_t j = i + 1; j < n && !clause_edge(forms, tag, j); j++)
        if ((tag[j] >= TAG_VB && tag[j] <= TAG_VBZ) || tag[j] == TAG_MD)
            return false;
    return true;
}

/* "donated and personally delivered $50,000": a conjunction, adverbs and a
 * second -ed verb with an object start follow token i. */
static bool coordinated_object(const char *const *forms, const uint8_t *tag, size_t i,
                               size_t n)
{
    size_t k = i + 1;
    if (k >= n || tag[k] != TAG_CC || !(is_form(forms[k], (const char *const[]){"and", "or", NULL})))
        return false;
    k++;
    while (k < n && tag[k] == TAG_RB)
        k++;
    return k + 1 < n && (tag[k] == TAG_VBN || tag[k] == TAG_VBD) &&
           object_start(tag[k + 1], forms[k + 1] ? forms[k + 1] : "");
}

/* Whether an auxiliary precedes token i, skipping adverbs and the subject
 * noun phrase ("has the army seized", "was quickly seized"). */
static bool aux_before(const char *const *forms, const uint8_t *tag, size_t i)
{
    while (i-- > 0) {
        int t = tag[i];
        if ((t >= TAG_VB && t <= TAG_VBZ) || t == TAG_MD)
            return is_form(forms[i], auxiliaries);
        if (!(nominal(t) || t == TAG_RB || t == TAG_DT || t == TAG_JJ || t == TAG_CD ||
              t == TAG_PRPS || t == TAG_POS))
            return false;
    }
    return false;
}

/* Whether the nearest verb before token i is a past tense that is not an
 * auxiliary ("met ... and discussed", not "was met ... and discussed"). */
static bool coordinated_past(const char *const *forms, const uint8_t *tag, size_t i)
{
    while (i-- > 0) {
        int t = tag[i];
        if ((t >= TAG_VB && t <= TAG_VBZ) || t == TAG_MD)
            return t == TAG_VBD && !is_form(forms[i], auxiliaries) &&
                   !aux_before(forms, tag, i);
    }
    return false;
}

/* Function words that are also (Vietnamese, Korean, ...) name syllables:
 * "To Lam", "Do Muoi", "An Kyung-duk". */
static const char *const name_syllables[] = {"To", "Do", "An", NULL};

static bool capitalised(const char *w)
{
    return w[0] >= 'A' && w[0] <= 'Z';
}

/* A capitalised name syllable inside a sentence, before a proper noun, is
 * part of the name. This is the one rule that may choose a tag outside the
 * word's lexicon entry: the lexicon has never seen "To" as a name. */
static bool name_syllable(const char *const *forms, const uint8_t *tag, size_t i, size_t n)
{
    if (i == 0 || i + 1 >= n || !forms[i] || !forms[i + 1] || !capitalised(forms[i + 1]) ||
        (tag[i + 1] != TAG_NNP && tag[i + 1] != TAG_NNPS))
        return false;
    const char *prev = forms[i - 1] ? forms[i - 1] : "";
    if (!strcmp(prev, "``") || !strcmp(prev, ":") || !strcmp(prev, "--"))
        return false;   /* a quotation or heading starts here */
    for (const char *const *s = name_syllables; *s; s++)
        if (!strcmp(forms[i], *s))
            return true;
    return false;
}

/* ---- base-form verbs after modals and "to" ---- */

/* The lexicon comes from a small sample of financial news: many verbs of
 * political news were seen only as nouns ("boycott", "storm", "blockade")
 * and hyphenated forms not at all, so "would boycott" comes out MD NN and
 * the parser finds no verb. */

static bool lower_word(const char *w)
{
    if (!(w[0] >= 'a' && w[0] <= 'z'))
        return false;
    for (; *w; w++)
        if (!((*w >= 'a' && *w <= 'z') || *w == '-'))
            return false;
    return true;
}

/* A lower-case word without a hyphen. */
static bool plain_word(const char *w)
{
    return lower_word(w) && !strchr(w, '-');
}

/* Whether the lexicon knows `w` (len bytes) with an inflected verb tag. */
static bool lexicon_inflection(const tac_tagger *t, const char *w, size_t len)
{
    const tac_tag_entry *e = word_entry(t, w, len);
    if (!e)
        return false;
    for (uint32_t i = 0; i < e->n_emit; i++) {
        uint32_t tg = t->emits[e->emit + i].tag;
        if (tg == TAG_VBD || tg == TAG_VBN || tg == TAG_VBZ || tg == TAG_VBG)
            return true;
    }
    return false;
}

/* Evidence that a lower-case word can be a base-form verb: its candidates
 * say so, or the lexicon knows one of its inflections ("boycott" ->
 * "boycotted", "storm" -> "stormed"). Called for a handful of tokens per
 * sentence at most; lookups only, into a stack buffer. */
static bool verb_reading(const tac_tagger *t, const cands *c, const char *w)
{
    if (allows(c, TAG_VB) || allows(c, TAG_VBP))
        return true;
    size_t len = strlen(w);
    if (len < 3 || len + 4 > MAX_WORD)
        return false;
    char buf[MAX_WORD];
    memcpy(buf, w, len);
    bool final_e = w[len - 1] == 'e';
    static const char *const endings[] = {"ed", "s", "ing"};
    for (size_t k = 0; k < 3; k++) {
        size_t stem = len;
        const char *end = endings[k];
        if (final_e && end[0] != 's')
            stem--;           /* "blockade" -> "blockaded", "blockading" */
        size_t el = strlen(end);
        memcpy(buf + stem, end, el);
        if (lexicon_inflection(t, buf, stem + el))
            return true;
    }
    return false;
}

/* Words that take a "to" infinitive: after them, "to" + a word that can be
 * a verb is the infinitive ("agreed to share information"), where after a
 * motion verb it may be a destination ("returned to power"). Stems match
 * their regular inflections (agree, agrees, agreed, agreeing); irregular
 * past forms are listed as they are. */
static const char *const infinitive_takers[] = {
    "able", "agree", "aim", "appear", "arrange", "ask", "attempt", "began", "begin",
    "begun", "choose", "chose", "chosen", "continue", "decide", "decline", "determined",
    "eager", "expect", "fail", "going", "hesitate", "hope", "intend", "likely", "manage",
    "need", "offer", "order", "plan", "pledge", "prefer", "prepare", "promise", "ready",
    "refuse", "reluctant", "resolve", "seek", "seem", "sought", "start", "swear", "swore",
    "sworn", "tend", "threaten", "try", "unable", "undertake", "undertook", "unlikely",
    "unwilling", "used", "vote", "vow", "want", "willing", "wish", NULL
};

/* w is stem, or stem + s/es/d/ed/ing, with the usual spelling changes
 * (decide -> deciding, plan -> planned, try -> tried). */
static bool stem_form(const char *w, const char *stem)
{
    size_t sl = strlen(stem);
    if (strncmp(w, stem, sl) == 0) {
        const char *r = w + sl;
        if (!*r || !strcmp(r, "s") || !strcmp(r, "es") || !strcmp(r, "ed") ||
            !strcmp(r, "ing") || (stem[sl - 1] == 'e' && !strcmp(r, "d")))
            return true;
        if (r[0] == stem[sl - 1] && (!strcmp(r + 1, "ed") || !strcmp(r + 1, "ing")))
            return true;   /* planned, planning */
    }
    char last = stem[sl - 1];
    if ((last == 'e' || last == 'y') && sl > 2 && strncmp(w, stem, sl - 1) == 0) {
        const char *r = w + sl - 1;
        if (last == 'e' && !strcmp(r, "ing"))
            return true;
        if (last == 'y' && (!strcmp(r, "ied") || !strcmp(r, "ies")))
            return true;
    }
    return false;
}

static bool infinitive_taker(const char *w)
{
    char low[32];
    size_t len = strlen(w);
    if (len >= sizeof low)
        return false;
    lower_copy(low, w, len);
    for (const char *const *s = infinitive_takers; *s; s++)
        if (low[0] == (*s)[0] && stem_form(low, *s))
            return true;
    return false;
}

/* Token i, tagged as a noun, adjective or present tense, follows a modal or
 * the infinitive "to" and is a base-form verb. After a modal (skipping
 * adverbs: "will also boycott") a noun is impossible, so NN becomes VB
 * even without lexical evidence; an adjective needs evidence ("will likely"
 * stays). After "to" - which is also the preposition - the word needs a
 * verb reading and either an object start after it ("to storm his
 * residence") or a word before "to" that takes an infinitive. This may
 * choose VB where the lexicon has no VB entry: the lexicon is too small to
 * know every verb, and the context leaves no other reading. */
static bool base_verb(const tac_tagger *t, const char *const *forms, const cands *c,
                      const uint8_t *tag, size_t i, size_t n)
{
    int tg = tag[i];
    if ((tg != TAG_NN && tg != TAG_JJ && tg != TAG_VBP) || i == 0)
        return false;
    size_t j = i;
    while (j > 0 && tag[j - 1] == TAG_RB)
        j--;
    bool modal = j > 0 && tag[j - 1] == TAG_MD;
    if (!modal && (j != i || tag[i - 1] != TAG_TO))
        return false;   /* the common case: no modal or "to" before */
    const char *w = forms[i] ? forms[i] : "";
    if (!lower_word(w))
        return false;
    if (modal)
        return tg != TAG_JJ || verb_reading(t, &c[i], w);
    if (!forms[i - 1] || !tac_str_iequal(forms[i - 1], "to") || !verb_reading(t, &c[i], w))
        return false;
    if (tg == TAG_VBP)
        return true;
    const char *next = i + 1 < n && forms[i + 1] ? forms[i + 1] : "";
    if (i + 1 < n && object_start(tag[i + 1], next) && tag[i + 1] != TAG_CD)
        return true;
    size_t k = i - 1;   /* "to"; skip "not": "agreed not to" */
    while (k > 0 && tag[k - 1] == TAG_RB)
        k--;
    return k > 0 && forms[k - 1] && infinitive_taker(forms[k - 1]);
}

/* An -ed adjective at i after the conjunction at cc is no noun modifier:
 * the conjunction does not join two adjectives, and what follows is not a
 * noun phrase that continues past one noun ("and promised aid to", not
 * "and affected Ithilen villages"). */
static bool verb_not_modifier(const uint8_t *tag, size_t cc, size_t i, size_t n)
{
    if (cc == 0 || tag[cc - 1] == TAG_JJ || tag[cc - 1] == TAG_DT)
        return false;
    if (i + 1 >= n || !nominal(tag[i + 1]))
        return true;
    int after = i + 2 < n ? tag[i + 2] : -1;
    return !nominal(after) && after != TAG_JJ && after != TAG_POS;
}

/* Token i, an -ing word tagged NN that the lexicon also knows as VBG,
 * follows a proper or plural noun, is followed by a preposition (not "of")
 * or an object, and its clause has a finite verb later on. */
static bool participle_after_name(const char *const *forms, const cands *c,
                                  const uint8_t *tag, size_t i, size_t n)
{
    int prev = tag[i - 1];
    if ((prev != TAG_NNP && prev != TAG_NNPS && prev != TAG_NNS) || i + 1 >= n)
        return false;
    int nt = tag[i + 1];
    const char *next = forms[i + 1] ? forms[i + 1] : "";
    if (!((nt == TAG_IN && !tac_str_iequal(next, "of") && !is_form(next, subordinators)) ||
          nt == TAG_DT || nt == TAG_PRPS))
        return false;
    if (!forms[i] || !tac_str_has_suffix(forms[i], "ing") || !allows(&c[i], TAG_VBG))
        return false;
    for (size_t k = i + 2; k < n && !clause_edge(forms, tag, k); k++)
        if (finite_tag(tag[k]))
            return true;
    return false;
}

/* The noun phrase ending at token k is the object of "of" ("tons of
 * grain"): scans back over the phrase to the preposition. */
static bool of_object_before(const char *const *forms, const uint8_t *tag, size_t k)
{
    while (k > 0 && (nominal(tag[k]) || tag[k] == TAG_JJ || tag[k] == TAG_CD ||
                     tag[k] == TAG_DT))
        k--;
    return tag[k] == TAG_IN && word_is(forms[k], "of");
}

static bool ends_in_ed(const char *w)
{
    size_t k = w ? strlen(w) : 0;
    return k > 3 && w[k - 2] == 'e' && w[k - 1] == 'd';
}

/* "Troops tortured and killed ...", "Gangs abducted and robbed ...": two
 * -ed words joined by "and"/"or" right after the noun phrase that opens
 * the sentence are its past-tense verbs, whatever the lexicon guessed for
 * the first (adjective, participle, noun). */
static bool opening_coordinated_past(const char *const *forms, const uint8_t *tag, size_t i,
                                     size_t n)
{
    if (i == 0 || i + 2 >= n || !nominal(tag[i - 1]) || !ends_in_ed(forms[i]) ||
        !ends_in_ed(forms[i + 2]) || !forms[i + 1] ||
        !(tac_str_iequal(forms[i + 1], "and") || tac_str_iequal(forms[i + 1], "or")))
        return false;
    if (tag[i] != TAG_JJ && tag[i] != TAG_VBN && tag[i] != TAG_NN && tag[i] != TAG_VBD)
        return false;
    if (tag[i + 2] != TAG_VBD && tag[i + 2] != TAG_VBN)
        return false;
    for (size_t j = 0; j < i; j++)      /* only the opening noun phrase before */
        if (tag[j] != TAG_DT && tag[j] != TAG_JJ && tag[j] != TAG_CD && tag[j] != TAG_POS &&
            tag[j] != TAG_PRPS && !nominal(tag[j]))
            return false;
    return tag[i] != TAG_VBD || tag[i + 2] != TAG_VBD;
}

static void correct(const tac_tagger *t, const char *const *forms, const cands *c,
                    uint8_t *tag, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *w = forms[i] ? forms[i] : "";
        const char *next = i + 1 < n && forms[i + 1] ? forms[i + 1] : "";
        int nt = i + 1 < n ? tag[i + 1] : -1;
        if (name_syllable(forms, tag, i, n)) {
            tag[i] = TAG_NNP;
            continue;
        }
        if (opening_coordinated_past(forms, tag, i, n)) {
            tag[i] = tag[i + 2] = TAG_VBD;
            continue;
        }
        if (base_verb(t, forms, c, tag, i, n)) {
            tag[i] = TAG_VB;
            continue;
        }
        /* "is about to leave": about is a preposition (PTB convention) */
        if (tac_str_iequal(w, "about") && strcmp(next, "to") == 0 && allows(&c[i], TAG_IN)) {
            tag[i] = TAG_IN;
            continue;
        }
        if (tag[i] == TAG_VBN && i > 0 && nt >= 0 &&
            (object_start(nt, next) || coordinated_object(forms, tag, i, n) ||
             /* a bare object and no other verb in the clause */
             ((nt == TAG_NN || nt == TAG_NNS) && plain_word(w) &&
              clause_lacks_finite(forms, tag, i, n)) ||
             /* "Doctors handed over 700 kg of medicine" (not "a member of
              * the movement jailed over a year ago") */
             (is_form(next, particles) && i + 2 < n && plain_word(w) && subject_at_start(tag, i) &&
              (object_start(tag[i + 2], forms[i + 2] ? forms[i + 2] : "") ||
               nominal(tag[i + 2])) &&
              clause_lacks_finite(forms, tag, i, n)) ||
             /* "Prisoners rioted at a jail": the sentence's subject */
             (nt == TAG_IN && plain_word(w) && subject_at_start(tag, i) &&
              clause_lacks_finite(forms, tag, i, n))) &&
            !aux_before(forms, tag, i)) {
            /* "crowds/VBZ burned/VBN down": a plural noun read as a verb */
            if (tag[i - 1] == TAG_VBZ && !is_form(forms[i - 1], auxiliaries) &&
                allows(&c[i - 1], TAG_NNS) && allows(&c[i], TAG_VBD)) {
                tag[i - 1] = TAG_NNS;
                tag[i] = TAG_VBD;
                continue;
            }
            size_t j = i;   /* "they also opposed the plan" */
            while (j > 1 && tag[j - 1] == TAG_RB)
                j--;
            if (nominal(tag[j - 1]) && allows(&c[i], TAG_VBD)) {
                /* "police arrested the students": active past tense */
                tag[i] = TAG_VBD;
                continue;
            }
        }
        if (tag[i] == TAG_VBP && i > 1 && (tag[i - 1] == TAG_NN || tag[i - 1] == TAG_NNS) &&
            tag[i - 2] == TAG_DT && allows(&c[i], TAG_NN) &&
            (word_is(forms[i - 2], "a") || word_is(forms[i - 2], "an"))) {
            /* "according to a media report/VBP": after "a" + noun there is
             * no plural subject for a present tense; a compound noun */
            tag[i] = TAG_NN;
            continue;
        }
        if (tag[i] == TAG_VB && i > 2 && tag[i - 1] == TAG_CC && allows(&c[i], TAG_NN) &&
            (tag[i - 2] == TAG_NN || tag[i - 2] == TAG_NNS) && i + 1 < n &&
            (tag[i + 1] == TAG_TO || tag[i + 1] == TAG_IN || tag[i + 1] == TAG_COMMA ||
             tag[i + 1] == TAG_PERIOD) &&
            of_object_before(forms, tag, i - 2)) {
            /* "the delivery of grain and flour/VB to Afghanistan": a second
             * noun in the object of "of", not a verb */
            tag[i] = TAG_NN;
            continue;
        }
        if (tag[i] == TAG_NN && i > 0 && participle_after_name(forms, c, tag, i, n)) {
            /* "The Red Cross operating/NN in Iraq said": a participle
             * phrase inside the subject, the clause's verb comes later */
            tag[i] = TAG_VBG;
            continue;
        }
        if (tag[i] == TAG_NN && i > 1 && nominal(tag[i - 1]) && plain_word(w) &&
            (allows(&c[i], TAG_VB) || allows(&c[i], TAG_VBP)) && nt >= 0 &&
            (nominal(nt) || nt == TAG_DT || nt == TAG_PRPS || nt == TAG_JJ) &&
            verbless_that_clause(forms, tag, i, n)) {
            /* "demanded that the government end/NN curbs": the clause's
             * verb, a subjunctive base form */
            tag[i] = TAG_VB;
            continue;
        }
        if ((tag[i] == TAG_VBN || tag[i] == TAG_JJ) && i > 0 &&
            (tag[i - 1] == TAG_CC || tag[i - 1] == TAG_RB) && allows(&c[i], TAG_VBD)) {
            /* "met the premier and (then) discussed trade", "condemned the
             * attack on Thursday and promised/JJ aid": a second past tense.
             * An adjective only when the conjunction does not join two
             * adjectives ("the poor and affected villages"). */
            size_t j = i;
            while (j > 1 && tag[j - 1] == TAG_RB)
                j--;
            if (tag[j - 1] == TAG_CC && coordinated_past(forms, tag, j - 1) &&
                (tag[i] == TAG_VBN || verb_not_modifier(tag, j - 1, i, n))) {
                tag[i] = TAG_VBD;
                continue;
            }
        }
        if (tag[i] == TAG_JJ && tac_str_has_suffix(w, "ed") && lower_word(w)) {
            /* "have tortured/JJ prisoners": after have there is no adjective
             * in -ed, only a participle the lexicon saw as an adjective */
            size_t j = i;
            while (j > 0 && tag[j - 1] == TAG_RB)
                j--;
            if (j > 0 && is_form(forms[j - 1], have_forms)) {
                tag[i] = TAG_VBN;
                continue;
            }
        }
        if (tag[i] == TAG_VB && i > 0 && is_form(forms[i - 1], subject_pronouns) &&
            (i == 1 || tag[i - 2] != TAG_MD)) {
            /* "until they gain control": a present tense after a subject */
            tag[i] = TAG_VBP;
            continue;
        }
        if (tag[i] == TAG_VBD && i > 0 && i + 2 < n && nominal(tag[i - 1]) &&
            tag[i - 1] != TAG_PRP && is_form(w, belief_verbs) && word_is(next, "to") &&
            (word_is(forms[i + 2], "be") || word_is(forms[i + 2], "have")) &&
            allows(&c[i], TAG_VBN)) {
            /* "a missile believed/VBD to be Russian": after a noun, a verb
             * of belief or report followed by "to be"/"to have" is a
             * participle (its active reading needs an object: "believed him
             * to be"); not "agreed/expected to be", which are active */
            tag[i] = TAG_VBN;
            continue;
        }
        if (tag[i] == TAG_VBD && allows(&c[i], TAG_VBN)) {
            /* "have downplayed", "was quickly sent": a participle */
            size_t j = i;
            while (j > 0 && tag[j - 1] == TAG_RB)
                j--;
            if ((j > 0 && is_form(forms[j - 1], auxiliaries) &&
                 tag[j - 1] >= TAG_VB && tag[j - 1] <= TAG_VBZ) ||
                tac_str_iequal(next, "by"))
                tag[i] = TAG_VBN;
        }
    }
}

/* ---- Viterbi --------------------------------------------------------- */

tac_status tac_tag_tokens(const tac_tagger *t, const char *const *forms, size_t n,
                          const char **tags_out, tac_arena *scratch, tac_error *err)
{
    if (!t || (n > 0 && (!forms || !tags_out || !scratch)))
        return tac_fail(err, TAC_EINVAL, "tac_tag_tokens: NULL argument");
    if (n == 0)
        return TAC_OK;
    cands *c = tac_arena_alloc(scratch, n * sizeof *c);
    float (*score)[MAX_CANDIDATES] = tac_arena_alloc(scratch, n * sizeof *score);
    uint8_t (*back)[MAX_CANDIDATES] = tac_arena_alloc(scratch, n * sizeof *back);
    uint8_t *tag = tac_arena_alloc(scratch, n);
    if (!c || !score || !back || !tag)
        return tac_fail(err, TAC_ENOMEM, "tagger: out of memory for %zu tokens", n);

    for (size_t i = 0; i < n; i++)
        token_cands(t, forms[i] ? forms[i] : "", starts_sentence(forms, i), &c[i]);

    for (int k = 0; k < c[0].n; k++) {
        score[0][k] = t->start[c[0].tag[k]] + c[0].emit[k];
        back[0][k] = 0;
    }
    for (size_t i = 1; i < n; i++) {
        for (int k = 0; k < c[i].n; k++) {
            const float *col = t->trans + c[i].tag[k];
            float best = -INFINITY;
            int arg = 0;
            for (int j = 0; j < c[i - 1].n; j++) {
                float s = score[i - 1][j] + col[c[i - 1].tag[j] * TAG_COUNT];
                if (s > best) {
                    best = s;
                    arg = j;
                }
            }
            score[i][k] = best + c[i].emit[k];
            back[i][k] = (uint8_t)arg;
        }
    }
    int k = 0;
    for (int j = 1; j < c[n - 1].n; j++)
        if (score[n - 1][j] > score[n - 1][k])
            k = j;
    for (size_t i = n; i-- > 0;) {
        tag[i] = c[i].tag[k];
        k = back[i][k];
    }
    correct(t, forms, c, tag, n);
    for (size_t i = 0; i < n; i++)
        tags_out[i] = tac_tag_name(tag[i]);
    return TAC_OK;
}

tac_status tac_tag_sentence(const tac_tagger *t, const tac_sentence *s,
                            const char **tags_out, tac_arena *scratch, tac_error *err)
{
    if (!t || !s || !tags_out || !scratch)
        return tac_fail(err, TAC_EINVAL, "tac_tag_sentence: NULL argument");
    const char **forms = tac_arena_alloc(scratch, (s->n_tokens + 1) * sizeof *forms);
    if (!forms)
        return tac_fail(err, TAC_ENOMEM, "tagger: out of memory");
    for (uint32_t i = 0; i < s->n_tokens; i++)
        forms[i] = s->tokens[i].form;
    return tac_tag_tokens(t, forms, s->n_tokens, tags_out, scratch, err);
}
