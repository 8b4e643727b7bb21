/* tag: the part-of-speech tagger and the lemmatizer (stage-internal header).
 *
 * Both read a binary model built into the build tree by a generator
 * (tools/gen/gen_tagger.c, tools/gen/gen_lemmas.c) from Debian packages:
 * liblingua-en-tagger-perl for the tagger statistics and wordnet-base for
 * the lemmatizer. The generators and the loaders share the layouts below;
 * a model is one file read with one read() and used in place, never
 * modified, so one loaded model serves any number of threads.
 *
 * All integers and floats are stored in host byte order (models are build
 * products, not exchange formats); the header's byte-order mark rejects a
 * model built on a machine of the other endianness. */
#ifndef TAC_TAG_H
#define TAC_TAG_H

#include <stdint.h>
#include <string.h>

#include "tacitus.h"
#include "util/util.h"

/* ---- the Penn Treebank tag set ------------------------------------------ */

/* Order matters: it is the tag numbering inside models (checked on load by
 * comparing the tag names the model stores). */
#define TAC_TAG_LIST(X) \
    X(CC, "CC") X(CD, "CD") X(DT, "DT") X(EX, "EX") X(FW, "FW") X(IN, "IN") \
    X(JJ, "JJ") X(JJR, "JJR") X(JJS, "JJS") X(LS, "LS") X(MD, "MD") \
    X(NN, "NN") X(NNS, "NNS") X(NNP, "NNP") X(NNPS, "NNPS") X(PDT, "PDT") \
    X(POS, "POS") X(PRP, "PRP") X(PRPS, "PRP$") X(RB, "RB") X(RBR, "RBR") \
    X(RBS, "RBS") X(RP, "RP") X(SYM, "SYM") X(TO, "TO") X(UH, "UH") \
    X(VB, "VB") X(VBD, "VBD") X(VBG, "VBG") X(VBN, "VBN") X(VBP, "VBP") \
    X(VBZ, "VBZ") X(WDT, "WDT") X(WP, "WP") X(WPS, "WP$") X(WRB, "WRB") \
    X(HASH, "#") X(DOLLAR, "$") X(PERIOD, ".") X(COMMA, ",") X(COLON, ":") \
    X(LQUOTE, "``") X(RQUOTE, "''") X(LRB, "-LRB-") X(RRB, "-RRB-")

#define TAC_TAG_ENUM(id, name) TAG_##id,
enum { TAC_TAG_LIST(TAC_TAG_ENUM) TAG_COUNT };
#undef TAC_TAG_ENUM

/* "NN" for TAG_NN; NULL if out of range. Static strings. */
const char *tac_tag_name(int tag);
/* TAG_x for "x", or -1. */
int tac_tag_from_name(const char *name);

/* Shape class (SHAPE_x) of a word, as used by the unknown-word model. */
int tac_tag_shape(const char *w, size_t n);
/* Writes the key "<shape><lower-case suffix of length len>" into buf (which
 * holds TAC_SUFFIX_MAX + 2 bytes); returns its length. */
size_t tac_tag_suffix_key(char *buf, int shape, const char *w, size_t n, size_t len);

/* ---- hashing shared by generators and loaders ---------------------------- */

/* FNV-1a over the key bytes, the same as tac_hash_bytes; tables are open
 * addressed with linear probing, slot = hash & (slots - 1). Fixed here
 * because it is part of the model file format. */
static inline uint32_t tac_tag_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return (uint32_t)(h ^ (h >> 32));
}

#define TAC_MODEL_BOM 0x01020304u

/* ---- tagger model (models/tagger.bin) ------------------------------------ */

#define TAC_TAGGER_MAGIC   "TACTAGR\0"
#define TAC_TAGGER_VERSION 1u
#define TAC_SUFFIX_MAX     5   /* longest suffix in the unknown-word model */

/* Word shape classes for the unknown-word model. */
enum {
    SHAPE_LOWER = 0,    /* plain lower-case word */
    SHAPE_CAP,          /* Capitalised */
    SHAPE_UPPER,        /* ALL CAPS (two or more letters) */
    SHAPE_DIGIT,        /* contains a digit */
    SHAPE_HYPHEN,       /* lower-case with a hyphen */
    SHAPE_COUNT
};

typedef struct tac_tagger_header {
    char     magic[8];
    uint32_t bom;
    uint32_t version;
    uint32_t n_tags;          /* TAG_COUNT */
    uint32_t n_words;
    uint32_t word_slots;      /* power of two */
    uint32_t n_suffixes;
    uint32_t suffix_slots;    /* power of two */
    uint32_t n_emits;
    uint32_t strings_size;
    uint32_t file_size;
    /* byte offsets of the sections */
    uint32_t off_tag_names;   /* TAG_COUNT x 8 bytes, NUL padded */
    uint32_t off_trans;       /* float[TAG_COUNT][TAG_COUNT]: log P(t | prev) */
    uint32_t off_start;       /* float[TAG_COUNT]: log P(t | sentence start) */
    uint32_t off_unigram;     /* float[TAG_COUNT]: log P(t) */
    uint32_t off_words;       /* tac_tag_entry[n_words] */
    uint32_t off_word_slots;  /* uint32[word_slots]: entry index + 1, 0 = empty */
    uint32_t off_suffixes;    /* tac_tag_entry[n_suffixes] */
    uint32_t off_suffix_slots;
    uint32_t off_emits;       /* tac_tag_emit[n_emits] */
    uint32_t off_strings;     /* NUL-terminated keys */
} tac_tagger_header;

/* A lexicon word, or a suffix key "<shape><suffix>" (shape as one byte
 * '0'+SHAPE_x; suffix of 0..TAC_SUFFIX_MAX lower-case bytes). */
typedef struct tac_tag_entry {
    uint32_t key;       /* offset in strings */
    uint32_t hash;      /* tac_tag_hash(key) */
    uint32_t emit;      /* first tac_tag_emit */
    uint16_t n_emit;
    uint16_t flags;
    float    weight;    /* words: total count; suffixes: number of distinct words */
} tac_tag_entry;

/* For words: logp = log P(word | tag). For suffixes: logp = log P(tag | key). */
typedef struct tac_tag_emit {
    uint32_t tag;
    float    logp;
} tac_tag_emit;

/* ---- lemmatizer model (models/lemmas.bin) -------------------------------- */

#define TAC_LEMMAS_MAGIC   "TACLEMM\0"
#define TAC_LEMMAS_VERSION 1u

/* Keys are "<kind><word>": kind 'n','v','a','r' marks a WordNet lemma of
 * that part of speech (value 0); 'N','V','A','R' an irregular form whose
 * base is the string at `value`. */
typedef struct tac_lemmas_header {
    char     magic[8];
    uint32_t bom;
    uint32_t version;
    uint32_t n_entries;
    uint32_t slots;           /* power of two */
    uint32_t strings_size;
    uint32_t file_size;
    uint32_t off_entries;     /* tac_lemma_entry[n_entries] */
    uint32_t off_slots;       /* uint32[slots]: entry index + 1 */
    uint32_t off_strings;
} tac_lemmas_header;

typedef struct tac_lemma_entry {
    uint32_t key;
    uint32_t hash;
    uint32_t value;           /* offset of the base form, or 0 */
} tac_lemma_entry;

#endif
