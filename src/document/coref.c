/* Coreference inside one document. The coder tells the memory which words
 * it coded as which actor ("Chinese Premier Li Qiang" -> CHNGOV); later
 * references that carry no code of their own are resolved against what the
 * document has said so far:
 *
 *   names      "Li", "Kim Jong Un"      a name token of a person mentioned
 *   titles     "the premier"            a person with that title
 *   generic    "the Chinese leader"     the latest person, of that nation
 *   heads      "the ministry"           an organisation with that head noun
 *   country    "the country"            the latest country
 *   pronouns   "he", "his"              the latest person
 *   places     "there" (after a visit)  the latest country
 *   plurals    "the two countries"      the latest two actors of different
 *              "both sides", "the two"  countries (code roots)
 *
 * Positions are optional: with token indexes on both sides, a reference only
 * sees mentions before it ("In his talks with Xi, ..." is not Xi). */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "document/document.h"

typedef enum mention_kind { M_OTHER = 0, M_PERSON, M_ORG, M_COUNTRY } mention_kind;

#define MAX_WORDS 12

typedef struct mention {
    int   sentence, token;          /* token -1: unknown position */
    const char *code;
    char  root[4];
    mention_kind kind;
    const char *names[MAX_WORDS];   /* capitalised name words: "Li", "Qiang" */
    size_t n_names;
    const char *full;               /* the name words joined: "Li Qiang" */
    const char *titles[MAX_WORDS];  /* lower-cased title and head nouns */
    size_t n_titles;
} mention;

struct tac_doc_memory {
    mention  *m;
    size_t    n, cap;
    tac_arena arena;
    uint8_t   demonym_index[256];     /* demonyms[] in strcmp order of adj */
};

/* Titles of people; the first group are generic ("the leader"). */
static const char *const generic_person[] = {
    "leader", "official", "politician", "statesman", "man", "woman", "head",
    "dignitary", "guest", "visitor", NULL};
static const char *const person_titles[] = {
    "president", "premier", "minister", "prime", "chancellor", "king", "queen",
    "prince", "princess", "emir", "sultan", "chairman", "chairwoman", "chair",
    "secretary", "general", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "envoy", "commander", "governor", "mayor", "pope",
    "ayatollah", "cleric", "senator", "lawmaker", "diplomat", "delegate",
    "chief", "director", "dictator", "monarch", "vice", "deputy", "leader",
    "official", "admiral", "colonel", "marshal", "sheikh", "crown", "speaker",
    "justice", "judge", "commissioner", "representative", "rep.", "sen.",
    "gen.", "pres.", "gov.", "lt.", "col.", "adm.", "dr.", "mr.", "mrs.", "ms.",
    NULL};
static const char *const org_heads[] = {
    "ministry", "government", "army", "military", "navy", "party", "police",
    "forces", "agency", "council", "parliament", "congress", "court", "office",
    "embassy", "administration", "committee", "cabinet", "militia", "group",
    "rebels", "militants", "coalition", "alliance", "union", "organization",
    "organisation", "commission", "bank", "company", "regime", "authorities",
    "department", "service", "guard", "command", "senate", "assembly",
    "legislature", "movement", "troops", "airline", "council", "institute",
    "federation", "front", "brigade", "corps", "fund", NULL};
static const char *const country_heads[] = {
    "country", "nation", "kingdom", "republic", "state", "neighbor", "neighbour",
    "island", NULL};
static const char *const determiners[] = {
    "the", "this", "that", "these", "those", "a", "an", "its", "their", NULL};

/* Nationality adjectives -> country code roots (facts). */
static const struct { const char *adj; const char *root; } demonyms[] = {
    {"North Korean", "PRK"}, {"South Korean", "KOR"}, {"South African", "ZAF"},
    {"Sri Lankan", "LKA"}, {"Saudi Arabian", "SAU"}, {"New Zealand", "NZL"},
    {"South Sudanese", "SSD"}, {"Chinese", "CHN"}, {"Japanese", "JPN"},
    {"Russian", "RUS"}, {"American", "USA"}, {"U.S.", "USA"}, {"US", "USA"},
    {"British", "GBR"}, {"French", "FRA"}, {"German", "DEU"}, {"Italian", "ITA"},
    {"Spanish", "ESP"}, {"Ukrainian", "UKR"}, {"Israeli", "ISR"},
    {"Palestinian", "PSE"}, {"Iranian", "IRN"}, {"Iraqi", "IRQ"}, {"Syrian", "SYR"},
    {"Turkish", "TUR"}, {"Egyptian", "EGY"}, {"Saudi", "SAU"}, {"Indian", "IND"},
    {"Pakistani", "PAK"}, {"Afghan", "AFG"}, {"Vietnamese", "VNM"}, {"Lao", "LAO"},
    {"Laotian", "LAO"}, {"Thai", "THA"}, {"Indonesian", "IDN"},
    {"Philippine", "PHL"}, {"Filipino", "PHL"}, {"Malaysian", "MYS"},
    {"Australian", "AUS"}, {"Canadian", "CAN"}, {"Mexican", "MEX"},
    {"Brazilian", "BRA"}, {"Argentine", "ARG"}, {"Argentinian", "ARG"},
    {"Venezuelan", "VEN"}, {"Colombian", "COL"}, {"Cuban", "CUB"},
    {"Nigerian", "NGA"}, {"Kenyan", "KEN"}, {"Ethiopian", "ETH"},
    {"Sudanese", "SDN"}, {"Polish", "POL"}, {"Belarusian", "BLR"},
    {"Georgian", "GEO"}, {"Armenian", "ARM"}, {"Azerbaijani", "AZE"},
    {"Kazakh", "KAZ"}, {"Uzbek", "UZB"}, {"Mongolian", "MNG"}, {"Taiwanese", "TWN"},
    {"Lebanese", "LBN"}, {"Jordanian", "JOR"}, {"Qatari", "QAT"}, {"Emirati", "ARE"},
    {"Yemeni", "YEM"}, {"Libyan", "LBY"}, {"Tunisian", "TUN"}, {"Algerian", "DZA"},
    {"Moroccan", "MAR"}, {"Somali", "SOM"}, {"Congolese", "COD"}, {"Rwandan", "RWA"},
    {"Ugandan", "UGA"}, {"Malian", "MLI"}, {"Chadian", "TCD"}, {"Dutch", "NLD"},
    {"Belgian", "BEL"}, {"Swedish", "SWE"}, {"Norwegian", "NOR"},
    {"Finnish", "FIN"}, {"Danish", "DNK"}, {"Greek", "GRC"}, {"Hungarian", "HUN"},
    {"Czech", "CZE"}, {"Serbian", "SRB"}, {"Croatian", "HRV"}, {"Bosnian", "BIH"},
    {"Romanian", "ROU"}, {"Bulgarian", "BGR"}, {"Austrian", "AUT"}, {"Swiss", "CHE"},
    {"Irish", "IRL"}, {"Portuguese", "PRT"}, {"Burmese", "MMR"},
    {"Cambodian", "KHM"}, {"Bangladeshi", "BGD"}, {"Nepali", "NPL"},
    {"Kuwaiti", "KWT"}, {"Bahraini", "BHR"}, {"Omani", "OMN"}, {"Chilean", "CHL"},
    {"Peruvian", "PER"}, {"Bolivian", "BOL"}, {"Ecuadorian", "ECU"},
    {"Nicaraguan", "NIC"}, {"Haitian", "HTI"}, {"Eritrean", "ERI"},
    {"Zimbabwean", "ZWE"}, {"Ghanaian", "GHA"}, {"Senegalese", "SEN"},
    {"Cameroonian", "CMR"}, {"Tanzanian", "TZA"}, {"Mozambican", "MOZ"},
    {"Angolan", "AGO"}, {"Zambian", "ZMB"}, {"Malawian", "MWI"}, {"Singaporean", "SGP"},
    {"Kyrgyz", "KGZ"}, {"Tajik", "TJK"}, {"Turkmen", "TKM"}, {"Moldovan", "MDA"},
    {"Lithuanian", "LTU"}, {"Latvian", "LVA"}, {"Estonian", "EST"},
    {"Slovak", "SVK"}, {"Slovenian", "SVN"}, {"Albanian", "ALB"},
    {"Icelandic", "ISL"}, {"Bhutanese", "BTN"}, {"Maldivian", "MDV"},
};

#define N_DEMONYMS (sizeof demonyms / sizeof demonyms[0])

static int demonym_order(const void *a, const void *b)
{
    return strcmp(demonyms[*(const uint8_t *)a].adj, demonyms[*(const uint8_t *)b].adj);
}

static int demonym_find(const void *key, const void *e)
{
    return strcmp(key, demonyms[*(const uint8_t *)e].adj);
}

/* The root of demonym `adj` ("North Korean"), or NULL: a binary search in
 * the memory's sorted index (every word of a reference is looked up). */
static const char *demonym_root(const tac_doc_memory *m, const char *adj)
{
    const uint8_t *k = bsearch(adj, m->demonym_index, N_DEMONYMS, 1, demonym_find);
    return k ? demonyms[*k].root : NULL;
}

/* The demonym at words[i] (two words before one): its root, and the words
 * used. */
static const char *demonym_at(const tac_doc_memory *m, const char *const *w, size_t n,
                              size_t i, size_t *used)
{
    char two[64];
    size_t a = strlen(w[i]);
    if (i + 1 < n && a + strlen(w[i + 1]) + 2 <= sizeof two) {
        memcpy(two, w[i], a);
        two[a] = ' ';
        strcpy(two + a + 1, w[i + 1]);
        const char *root = demonym_root(m, two);
        if (root) {
            *used = 2;
            return root;
        }
    }
    const char *root = demonym_root(m, w[i]);
    if (root)
        *used = 1;
    return root;
}

tac_doc_memory *tac_doc_memory_new(void)
{
    tac_doc_memory *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    tac_arena_init(&m->arena, 16 * 1024);
    _Static_assert(N_DEMONYMS <= 256, "demonym_index holds uint8_t indexes");
    for (size_t i = 0; i < N_DEMONYMS; i++)
        m->demonym_index[i] = (uint8_t)i;
    qsort(m->demonym_index, N_DEMONYMS, 1, demonym_order);
    return m;
}

void tac_doc_memory_free(tac_doc_memory *m)
{
    if (!m)
        return;
    free(m->m);
    tac_arena_free(&m->arena);
    free(m);
}

void tac_doc_memory_reset(tac_doc_memory *m)
{
    if (!m)
        return;
    m->n = 0;
    tac_arena_reset(&m->arena);
}

static bool is_word(const char *w)
{
    return w && (isalpha((unsigned char)w[0]) || (unsigned char)w[0] >= 0x80);
}

static char *lowered(tac_arena *a, const char *w)
{
    char *s = tac_arena_strdup(a, w);
    for (char *p = s; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
}

/* Fills the name words, titles and kind of a mention from its words. */
static bool analyse_mention(tac_doc_memory *mem, mention *mn, const char *const *words, size_t n)
{
    tac_buf full;
    tac_buf_init(&full);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const char *w = words[i];
        size_t used = 0;
        if (!is_word(w) || doc_word_in(w, determiners))
            continue;
        if (demonym_at(mem, words, n, i, &used)) {
            i += used - 1;
            continue;
        }
        bool title = doc_word_in(w, person_titles), head = doc_word_in(w, org_heads);
        if (title || head || !isupper((unsigned char)w[0])) {
            if (mn->n_titles < MAX_WORDS && (title || head || doc_word_in(w, country_heads))) {
                char *lw = lowered(&mem->arena, w);
                ok = lw != NULL;
                mn->titles[mn->n_titles++] = lw;
            }
            if (title && mn->kind != M_ORG)
                mn->kind = M_PERSON;
            if (head)
                mn->kind = M_ORG;
            continue;
        }
        if (mn->n_names < MAX_WORDS) {
            char *nw = tac_arena_strdup(&mem->arena, w);
            ok = nw && (!full.len || tac_buf_putc(&full, ' ')) && tac_buf_puts(&full, w);
            mn->names[mn->n_names++] = nw;
        }
    }
    if (ok)
        mn->full = tac_arena_strdup(&mem->arena, full.len ? full.data : "");
    tac_buf_free(&full);
    if (mn->kind == M_OTHER) {
        if (strlen(mn->code) == 3)
            mn->kind = M_COUNTRY;
        else if (mn->n_names >= 2)
            mn->kind = M_PERSON;
    }
    return ok && mn->full;
}

tac_status tac_doc_note_mention_at(tac_doc_memory *m, int sentence, int token,
                                   const char *const *words, size_t n, const char *code)
{
    if (!m || !code || !*code || (n && !words))
        return TAC_EINVAL;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 32;
        mention *grown = realloc(m->m, cap * sizeof *grown);
        if (!grown)
            return TAC_ENOMEM;
        m->m = grown;
        m->cap = cap;
    }
    mention *mn = &m->m[m->n];
    memset(mn, 0, sizeof *mn);
    mn->sentence = sentence;
    mn->token = token;
    mn->code = tac_arena_strdup(&m->arena, code);
    if (!mn->code)
        return TAC_ENOMEM;
    snprintf(mn->root, sizeof mn->root, "%.3s", code);
    if (!analyse_mention(m, mn, words, n))
        return TAC_ENOMEM;
    m->n++;
    return TAC_OK;
}

tac_status tac_doc_note_mention(tac_doc_memory *m, int sentence, const char *const *words,
                                size_t n, const char *code)
{
    return tac_doc_note_mention_at(m, sentence, -1, words, n, code);
}

/* ---- resolution ------------------------------------------------------- */

typedef struct reference {
    int sentence, token;
    const char *root;                 /* demonym in the reference, or NULL */
    const char *head;                 /* its last common noun, lower case */
    const char *names[MAX_WORDS];     /* its capitalised name words */
    size_t n_names;
    bool definite;                    /* "the ..." */
} reference;

static bool before(const mention *mn, const reference *r)
{
    if (mn->sentence != r->sentence)
        return mn->sentence < r->sentence;
    return mn->token < 0 || r->token < 0 || mn->token < r->token;
}

static bool has_title(const mention *mn, const char *t)
{
    for (size_t i = 0; i < mn->n_titles; i++)
        if (strcasecmp(mn->titles[i], t) == 0)
            return true;
    return false;
}

static bool has_name(const mention *mn, const char *name)
{
    for (size_t i = 0; i < mn->n_names; i++)
        if (strcmp(mn->names[i], name) == 0)
            return true;
    return false;
}

static void read_reference(const tac_doc_memory *m, reference *r, const char *const *w,
                           size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t used = 0;
        if (!is_word(w[i]))
            continue;
        if (i == 0 && doc_word_in(w[i], determiners)) {
            r->definite = true;
            continue;
        }
        const char *root = demonym_at(m, w, n, i, &used);
        if (root) {
            r->root = root;
            i += used - 1;
        } else if (isupper((unsigned char)w[i][0]) && !doc_word_in(w[i], person_titles) &&
                   !doc_word_in(w[i], org_heads)) {
            if (r->n_names < MAX_WORDS)
                r->names[r->n_names++] = w[i];
        } else {
            r->head = w[i];
        }
    }
}

/* The latest mention before r satisfying ok(). */
static const mention *latest(const tac_doc_memory *m, const reference *r, int max_back,
                             bool (*ok)(const mention *, const reference *))
{
    for (size_t i = m->n; i-- > 0;) {
        const mention *mn = &m->m[i];
        if (!before(mn, r))
            continue;
        if (max_back >= 0 && r->sentence - mn->sentence > max_back)
            break;
        if (ok(mn, r))
            return mn;
    }
    return NULL;
}

static bool nation_fits(const mention *mn, const reference *r)
{
    return !r->root || strcmp(mn->root, r->root) == 0;
}

static bool is_person(const mention *mn, const reference *r)
{
    return mn->kind == M_PERSON;
}

static bool is_country_or_org(const mention *mn, const reference *r)
{
    return mn->kind == M_COUNTRY || mn->kind == M_ORG;
}

static bool is_country(const mention *mn, const reference *r)
{
    return mn->kind == M_COUNTRY;
}

static bool fits_title(const mention *mn, const reference *r)
{
    if (!nation_fits(mn, r))
        return false;
    if (doc_word_in(r->head, country_heads))
        return mn->kind == M_COUNTRY;
    if (doc_word_in(r->head, generic_person) && mn->kind == M_PERSON)
        return true;
    return has_title(mn, r->head);
}

static bool fits_name(const mention *mn, const reference *r)
{
    if (!nation_fits(mn, r) || mn->kind == M_COUNTRY)
        return false;
    for (size_t i = 0; i < r->n_names; i++)
        if (!has_name(mn, r->names[i]))
            return false;
    return true;
}

static const char *resolve_single(const tac_doc_memory *m, reference *r,
                                  const char *const *w, size_t n)
{
    static const char *const personal[] = {
        "he", "him", "his", "himself", "she", "her", "hers", "herself", NULL};
    static const char *const neuter[] = {"it", "its", "itself", NULL};
    const mention *mn = NULL;
    if (n == 1 && doc_word_in(w[0], personal))
        mn = latest(m, r, 3, is_person);
    else if (n == 1 && doc_word_in(w[0], neuter))
        mn = latest(m, r, 2, is_country_or_org);
    else if (n == 1 && strcasecmp(w[0], "there") == 0)   /* "traveled there" */
        mn = latest(m, r, 2, is_country);
    else {
        read_reference(m, r, w, n);
        if (r->n_names)
            mn = latest(m, r, -1, fits_name);
        else if (r->definite && r->head)
            mn = latest(m, r, 6, fits_title);
    }
    return mn ? mn->code : NULL;
}

/* "the two countries", "both sides", "the two": 1 = countries (roots),
 * 2 = people, 3 = anything; 0 = not plural. */
static int plural_kind(const char *const *w, size_t n)
{
    static const char *const country_nouns[] = {
        "countries", "nations", "states", "neighbors", "neighbours", "allies",
        "governments", "capitals", "powers", NULL};
    static const char *const person_nouns[] = {
        "leaders", "men", "presidents", "ministers", "heads", "sides", NULL};
    size_t i = 0;
    if (n >= 2 && strcasecmp(w[0], "the") == 0 && strcasecmp(w[1], "two") == 0)
        i = 2;
    else if (n >= 1 && strcasecmp(w[0], "both") == 0)
        i = 1;
    else
        return 0;
    if (i == n)
        return 3;
    if (i + 1 != n)
        return 0;
    if (doc_word_in(w[i], country_nouns))
        return 1;
    if (doc_word_in(w[i], person_nouns))
        return strcasecmp(w[i], "sides") == 0 ? 3 : 2;
    return 0;
}

static size_t resolve_pair(const tac_doc_memory *m, const reference *r, int kind,
                           const char *codes[2])
{
    const mention *found[2] = {NULL, NULL};
    size_t k = 0;
    for (size_t i = m->n; i-- > 0 && k < 2;) {
        const mention *mn = &m->m[i];
        if (!before(mn, r) || (kind == 2 && mn->kind != M_PERSON))
            continue;
        if (k == 1 && strcmp(found[0]->root, mn->root) == 0)
            continue;
        found[k++] = mn;
    }
    if (k < 2)
        return 0;
    for (size_t j = 0; j < 2; j++)
        codes[j] = kind == 1 ? found[j]->root : found[j]->code;
    /* in the order the document gave them */
    const char *t = codes[0];
    codes[0] = codes[1];
    codes[1] = t;
    return 2;
}

size_t tac_doc_resolve_all_at(tac_doc_memory *m, int sentence, int token,
                              const char *const *words, size_t n, const char *codes[2])
{
    if (!m || !words || n == 0 || !codes)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!words[i])
            return 0;
    reference r = {.sentence = sentence, .token = token};
    int plural = plural_kind(words, n);
    if (plural)
        return resolve_pair(m, &r, plural, codes);
    const char *code = resolve_single(m, &r, words, n);
    if (!code)
        return 0;
    codes[0] = code;
    return 1;
}

size_t tac_doc_resolve_all(tac_doc_memory *m, int sentence, const char *const *words,
                           size_t n, const char *codes[2])
{
    return tac_doc_resolve_all_at(m, sentence, -1, words, n, codes);
}

const char *tac_doc_resolve(tac_doc_memory *m, int sentence, const char *const *words, size_t n)
{
    const char *codes[2];
    return tac_doc_resolve_all(m, sentence, words, n, codes) == 1 ? codes[0] : NULL;
}
