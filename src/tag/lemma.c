/* The lemmatizer: WordNet's irregular forms and lemma lists (compiled into
 * models/lemmas.bin) plus the regular inflection rules of WordNet's
 * "morphy", applied according to the Penn Treebank tag:
 *
 *   1. an irregular form listed for the part of speech wins (went -> go);
 *   2. otherwise each detachment rule for the tag is tried in order and the
 *      first candidate that WordNet lists as a lemma wins (countries ->
 *      country), preferring a restored final e after a consonant-vowel-
 *      consonant stem (hoped -> hope) and undoing doubled consonants
 *      (shipped -> ship);
 *   3. otherwise the word is taken as its own lemma if WordNet lists it,
 *      and failing that the most likely rule is applied blindly, so that
 *      unknown words still lose their inflection (blogged -> blog). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/tag.h"

#define MAX_KEY 256

struct tac_lemmatizer {
    char                   *data;
    size_t                  size;
    const tac_lemmas_header *h;
    const tac_lemma_entry  *entries;
    const uint32_t         *slots;
    const char             *strings;
};

/* ---- loading --------------------------------------------------------- */

static bool lemmas_ok(tac_lemmatizer *l)
{
    const tac_lemmas_header *h = l->h;
    if (l->size < sizeof *h || memcmp(h->magic, TAC_LEMMAS_MAGIC, 8) != 0 ||
        h->bom != TAC_MODEL_BOM || h->version != TAC_LEMMAS_VERSION ||
        h->file_size != l->size)
        return false;
    if (h->slots == 0 || (h->slots & (h->slots - 1)) != 0 || h->n_entries >= h->slots)
        return false;
    uint64_t end_entries = (uint64_t)h->off_entries + (uint64_t)h->n_entries * sizeof(tac_lemma_entry);
    uint64_t end_slots = (uint64_t)h->off_slots + (uint64_t)h->slots * sizeof(uint32_t);
    uint64_t end_strings = (uint64_t)h->off_strings + h->strings_size;
    if (h->off_entries % 4 || h->off_slots % 4 || h->off_entries < sizeof *h ||
        h->off_slots < sizeof *h || h->off_strings < sizeof *h ||
        end_entries > l->size || end_slots > l->size || end_strings > l->size ||
        h->strings_size == 0)
        return false;
    l->entries = (const tac_lemma_entry *)(l->data + h->off_entries);
    l->slots = (const uint32_t *)(l->data + h->off_slots);
    l->strings = l->data + h->off_strings;
    if (l->strings[h->strings_size - 1] != '\0')
        return false;
    for (uint32_t i = 0; i < h->n_entries; i++)
        if (l->entries[i].key >= h->strings_size || l->entries[i].value >= h->strings_size)
            return false;
    for (uint32_t s = 0; s < h->slots; s++)
        if (l->slots[s] > h->n_entries)
            return false;
    return true;
}

tac_lemmatizer *tac_lemmatizer_load(const char *path, tac_error *err)
{
    if (!path)
        path = getenv("TACITUS_LEMMA_MODEL");
    if (!path || !*path)
        path = TAC_BUILD_DIR "/models/lemmas.bin";
    tac_lemmatizer *l = calloc(1, sizeof *l);
    if (!l) {
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", path);
        return NULL;
    }
    tac_error rerr;
    if (tac_read_file(path, &l->data, &l->size, &rerr) != TAC_OK) {
        tac_fail(err, rerr.status, "cannot load lemmatizer model: %s (build it with "
                 "cmake, or point TACITUS_LEMMA_MODEL at a model)", rerr.msg);
        free(l);
        return NULL;
    }
    l->h = (const tac_lemmas_header *)l->data;
    if (!lemmas_ok(l)) {
        tac_fail(err, TAC_EPARSE, "%s: not a lemmatizer model of this version "
                 "(corrupt, truncated or built by another release)", path);
        tac_lemmatizer_free(l);
        return NULL;
    }
    return l;
}

void tac_lemmatizer_free(tac_lemmatizer *l)
{
    if (!l)
        return;
    free(l->data);
    free(l);
}

/* ---- lookups --------------------------------------------------------- */

/* The entry for kind+word, or NULL. */
static const tac_lemma_entry *find(const tac_lemmatizer *l, char kind, const char *w,
                                   size_t len)
{
    char key[MAX_KEY + 2];
    if (len > MAX_KEY)
        return NULL;
    key[0] = kind;
    memcpy(key + 1, w, len);
    uint32_t h = tac_tag_hash(key, len + 1);
    uint32_t mask = l->h->slots - 1;
    for (uint32_t s = h & mask;; s = (s + 1) & mask) {
        uint32_t i = l->slots[s];
        if (i == 0)
            return NULL;
        const tac_lemma_entry *e = &l->entries[i - 1];
        const char *k = l->strings + e->key;
        if (e->hash == h && memcmp(k, key, len + 1) == 0 && k[len + 1] == '\0')
            return e;
    }
}

static bool is_lemma(const tac_lemmatizer *l, char pos, const char *w, size_t len)
{
    return find(l, pos, w, len) != NULL;
}

/* ---- rules ----------------------------------------------------------- */

typedef struct rule { const char *suffix, *ending; } rule;

static const rule noun_rules[] = {
    {"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
    {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {NULL, NULL}
};
static const rule verb_s_rules[] = {
    {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {NULL, NULL}
};
static const rule verb_ed_rules[] = {
    {"ed", "e"}, {"ed", ""}, {"ied", "y"}, {NULL, NULL}
};
static const rule verb_ing_rules[] = {
    {"ing", "e"}, {"ing", ""}, {NULL, NULL}
};
static const rule adj_er_rules[] = {
    {"er", ""}, {"er", "e"}, {"ier", "y"}, {NULL, NULL}
};
static const rule adj_est_rules[] = {
    {"est", ""}, {"est", "e"}, {"iest", "y"}, {NULL, NULL}
};

static bool is_vowel(char c) { return strchr("aeiou", c) != NULL; }

/* "hop", "us", "rat": a stem that more often lost a final e than not. */
static bool cvc_stem(const char *s, size_t n)
{
    if (n < 2 || is_vowel(s[n - 1]) || strchr("wxy", s[n - 1]) || !is_vowel(s[n - 2]))
        return false;
    return n == 2 || !is_vowel(s[n - 3]);
}

static bool doubled(const char *s, size_t n)
{
    return n >= 3 && s[n - 1] == s[n - 2] && !is_vowel(s[n - 1]) && !strchr("lsz", s[n - 1]);
}

/* Tries the rules; on success writes the lemma to out and returns true. */
static bool apply_rules(const tac_lemmatizer *l, char pos, const char *w, size_t len,
                        const rule *rules, char *out)
{
    char cand[MAX_KEY + 8];
    for (const rule *r = rules; r->suffix; r++) {
        size_t sl = strlen(r->suffix), el = strlen(r->ending);
        if (len <= sl || memcmp(w + len - sl, r->suffix, sl) != 0)
            continue;
        size_t stem = len - sl;
        memcpy(cand, w, stem);
        if (doubled(cand, stem) && is_lemma(l, pos, cand, stem - 1)) {
            memcpy(out, cand, stem - 1);
            out[stem - 1] = '\0';
            return true;
        }
        memcpy(cand + stem, r->ending, el);
        if (is_lemma(l, pos, cand, stem + el)) {
            /* hoped: "hope" and "hop" are both verbs; the e reading wins
             * after a CVC stem (rule order), the bare one otherwise. */
            if (el == 1 && r[1].suffix && strcmp(r[1].suffix, r->suffix) == 0 &&
                !cvc_stem(w, stem) && is_lemma(l, pos, w, stem)) {
                memcpy(out, w, stem);
                out[stem] = '\0';
                return true;
            }
            memcpy(out, cand, stem + el);
            out[stem + el] = '\0';
            return true;
        }
    }
    return false;
}

/* For words WordNet does not know: the likeliest detachment, unchecked. */
static void blind_rule(const char *w, size_t len, const char *suffix, const char *ending,
                       char *out)
{
    size_t sl = strlen(suffix);
    memcpy(out, w, len);
    out[len] = '\0';
    if (len <= sl + 2 || memcmp(w + len - sl, suffix, sl) != 0)
        return;
    size_t stem = len - sl;
    if (doubled(w, stem))
        stem--;
    memcpy(out + stem, ending, strlen(ending) + 1);
}

static void blind_plural(const char *w, size_t len, char *out)
{
    if (len > 4 && tac_str_has_suffix(w, "ies"))
        blind_rule(w, len, "ies", "y", out);
    else if (tac_str_has_suffix(w, "sses") || tac_str_has_suffix(w, "xes") ||
             tac_str_has_suffix(w, "ches") || tac_str_has_suffix(w, "shes") ||
             tac_str_has_suffix(w, "zes")) {
        memcpy(out, w, len - 2);
        out[len - 2] = '\0';
    } else if (len > 3 && w[len - 1] == 's' && !strchr("su", w[len - 2]) &&
               !(w[len - 2] == 'i' && len > 4)) {
        memcpy(out, w, len - 1);
        out[len - 1] = '\0';
    } else {
        memcpy(out, w, len + 1);
    }
}

/* ---- the lemma of a tagged word ---------------------------------------- */

static const char *contraction(const char *w, const char *tag)
{
    static const char *const table[][3] = {
        /* form, tag ("" = any), lemma */
        {"n't", "", "not"}, {"'s", "VBZ", "be"}, {"'s", "POS", "'s"},
        {"'re", "", "be"}, {"'m", "", "be"}, {"'ve", "", "have"},
        {"'ll", "", "will"}, {"'d", "MD", "would"}, {"'d", "VBD", "have"},
        {"ca", "MD", "can"}, {"wo", "MD", "will"}, {"sha", "MD", "shall"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(w, table[i][0]) == 0 && (!table[i][1][0] || strcmp(tag, table[i][1]) == 0))
            return table[i][2];
    return NULL;
}

static void to_lower(char *dst, const char *w, size_t len)
{
    for (size_t i = 0; i < len; i++)
        dst[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    dst[len] = '\0';
}

/* Copies a base form from the model into out. */
static void copy_out(char *out, const char *s)
{
    snprintf(out, MAX_KEY + 8, "%s", s);
}

/* Lemmatizes lower-case w as part of speech pos ('n','v','a','r') for tag;
 * writes the result to out. */
static void lemma_as(const tac_lemmatizer *l, char pos, const char *tag,
                            const char *w, size_t len, char *out)
{
    const tac_lemma_entry *ex = find(l, (char)(pos - 'a' + 'A'), w, len);
    if (ex && ex->value) {
        copy_out(out, l->strings + ex->value);
        return;
    }
    const rule *rules = NULL;
    const char *bsuf = NULL, *bend = "";
    if (pos == 'n') {
        rules = noun_rules;
    } else if (pos == 'v') {
        if (!strcmp(tag, "VBZ"))
            rules = verb_s_rules;
        else if (!strcmp(tag, "VBD") || !strcmp(tag, "VBN"))
            rules = verb_ed_rules, bsuf = len > 3 && tac_str_has_suffix(w, "ied") ? "ied" : "ed",
            bend = bsuf[0] == 'i' ? "y" : "";
        else if (!strcmp(tag, "VBG"))
            rules = verb_ing_rules, bsuf = "ing";
    } else if (!strcmp(tag, "JJR") || !strcmp(tag, "RBR")) {
        rules = adj_er_rules, bsuf = "er";
    } else if (!strcmp(tag, "JJS") || !strcmp(tag, "RBS")) {
        rules = adj_est_rules, bsuf = "est";
    }
    if (rules && apply_rules(l, pos, w, len, rules, out))
        return;
    /* adverbs in -er/-est ("faster") are listed as adjectives' bases */
    if (pos == 'r' && rules && apply_rules(l, 'a', w, len, rules, out))
        return;
    if (!rules || is_lemma(l, pos, w, len))
        memcpy(out, w, len + 1);
    else if (pos == 'n' || !strcmp(tag, "VBZ"))
        blind_plural(w, len, out);
    else
        blind_rule(w, len, bsuf, bend, out);
}

/* Without a tag: an irregular form, then a word WordNet lists as it is,
 * then the first rule that yields a listed lemma. */
static void guess_lemma(const tac_lemmatizer *l, const char *w, size_t len, char *out)
{
    static const char parts[] = "nvar";
    for (int i = 0; i < 3; i++) {
        const tac_lemma_entry *ex = find(l, (char)(parts[i] - 'a' + 'A'), w, len);
        if (ex && ex->value) {
            copy_out(out, l->strings + ex->value);
            return;
        }
    }
    memcpy(out, w, len + 1);
    for (int i = 0; i < 4; i++)
        if (is_lemma(l, parts[i], w, len))
            return;
    static const struct { char pos; const rule *rules; } tries[] = {
        {'n', noun_rules}, {'v', verb_s_rules}, {'v', verb_ed_rules},
        {'v', verb_ing_rules}, {'a', adj_er_rules}, {'a', adj_est_rules},
    };
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++)
        if (apply_rules(l, tries[i].pos, w, len, tries[i].rules, out))
            return;
    memcpy(out, w, len + 1);
}

static char tag_pos(const char *tag)
{
    if (tag[0] == 'N' && tag[1] == 'N')
        return 'n';
    if (tag[0] == 'V' && tag[1] == 'B')
        return 'v';
    if (tag[0] == 'J' && tag[1] == 'J')
        return 'a';
    if (tag[0] == 'R' && tag[1] == 'B')
        return 'r';
    return 0;
}

/* Puts back the capitals of the original where the lemma keeps its letters
 * ("Americans" -> "American"). */
static void restore_case(char *lemma, const char *word)
{
    for (size_t i = 0; lemma[i] && word[i]; i++) {
        char lw = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a' : word[i]);
        if (lw != lemma[i])
            break;
        lemma[i] = word[i];
    }
}

const char *tac_lemma(const tac_lemmatizer *l, const char *word, const char *tag,
                      tac_arena *arena)
{
    if (!word)
        return NULL;
    const char *c = contraction(word, tag ? tag : "");
    if (c)
        return c;
    size_t len = strlen(word);
    if (!l || len > MAX_KEY || (tag && !strcmp(tag, "NNP")))
        return word;   /* names keep their form; absurdly long words too */
    char lower[MAX_KEY + 1], out[MAX_KEY + 8];
    to_lower(lower, word, len);
    if (!tag) {
        guess_lemma(l, lower, len, out);
    } else {
        char pos = tag_pos(tag);
        bool base = !strcmp(tag, "NN") || !strcmp(tag, "JJ") || !strcmp(tag, "RB") ||
                    !strcmp(tag, "VB");
        if (pos && !base)
            lemma_as(l, pos, tag, lower, len, out);
        else
            memcpy(out, lower, len + 1);
    }
    if (strcmp(out, word) == 0)
        return word;
    char *r = tac_arena_strdup(arena, out);
    if (r && tag && !strcmp(tag, "NNPS"))
        restore_case(r, word);
    return r;
}
