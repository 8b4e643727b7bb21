/* Word tests shared by the document stage: month and weekday names, and the
 * tense a token marks. These are cheap heuristics on Penn Treebank forms
 * (tags sharpen them when the caller has them). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "document/document.h"

bool doc_is_capitalized(const char *w)
{
    return w && w[0] >= 'A' && w[0] <= 'Z';
}

/* Called for every token against word lists several times per sentence:
 * the first-letter test rejects nearly every entry without a strcasecmp. */
bool doc_word_in(const char *w, const char *const *list)
{
    if (!w)
        return false;
    int first = tolower((unsigned char)w[0]);
    for (; *list; list++)
        if (tolower((unsigned char)(*list)[0]) == first && strcasecmp(w, *list) == 0)
            return true;
    return false;
}

int doc_month_number(const char *w)
{
    static const char *const full[] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    static const char *const abbr[] = {
        "Jan.", "Feb.", "Mar.", "Apr.", "", "Jun.", "Jul.",
        "Aug.", "Sep.", "Oct.", "Nov.", "Dec."};
    if (!doc_is_capitalized(w) || !strchr("JFMASOND", w[0]))
        return 0;
    for (int i = 0; i < 12; i++) {
        if (strcmp(w, full[i]) == 0 || (abbr[i][0] && strcmp(w, abbr[i]) == 0))
            return i + 1;
        /* "Jan", "Sept", "Sept." */
        size_t n = strlen(abbr[i]);
        if (n && strlen(w) == n - 1 && strncmp(w, abbr[i], n - 1) == 0 && i != 2)
            return i + 1;
    }
    if (strcmp(w, "Sept.") == 0 || strcmp(w, "Sept") == 0)
        return 9;
    return 0;
}

int doc_weekday_number(const char *w)
{
    static const char *const names[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    if (!doc_is_capitalized(w))
        return -1;
    for (int i = 0; i < 7; i++)
        if (strcmp(w, names[i]) == 0)
            return i;
    return -1;
}

bool doc_parse_int(const char *w, long *out)
{
    if (!w || !*w || strlen(w) > 9)
        return false;
    long v = 0;
    for (const char *p = w; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return true;
}

/* ---- tense ------------------------------------------------------------ */

static const char *const irregular_past[] = {
    "said", "was", "were", "had", "did", "went", "came", "met", "made", "took",
    "gave", "told", "held", "saw", "fought", "began", "left", "led", "sent",
    "spoke", "wrote", "won", "lost", "found", "became", "brought", "thought",
    "stood", "fell", "struck", "shot", "kept", "felt", "meant", "paid", "sold",
    "built", "ran", "rose", "flew", "drove", "broke", "chose", "threw", "knew",
    "grew", "drew", "sought", "caught", "taught", "bought", "fled", "hid",
    "got", "sat", "sank", "spent", "swore", "tore", "wore", "withdrew",
    "oversaw", "arose", "overthrew", "forbade", "slew", "stole", "understood",
    "undertook", "underwent", "'d", NULL};

static const char *const future_words[] = {
    "will", "'ll", "shall", "wo", "would", "may", "might", "could", "should",
    "must", NULL};

static const char *const present_words[] = {
    "is", "are", "am", "'s", "'re", "'m", "says", "say", "do", "does", NULL};

static const char *const have_words[] = {"has", "have", "'ve", "having", NULL};

/* Words before a "to" that make the verb after it future: "set to attend". */
static const char *const future_before_to[] = {
    "going", "set", "plans", "plan", "planning", "scheduled", "expected",
    "due", "poised", "slated", "about", "intends", "intend", "aims", "hopes",
    "is", "are", NULL};

/* Words before an "-ed" word that make it an adjective ("the armed forces")
 * rather than a past verb. */
static const char *const adjective_context[] = {
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his",
    "her", "our", "your", "my", "'s", "of", "with", "for", "by", "in", "on",
    "at", "to", "from", "into", "more", "most", "very", "so", "than", "as",
    "be", "been", "being", "and", "or", "newly", "well", "highly", NULL};

static bool is_participle(const char *w)
{
    size_t n = strlen(w);
    if (n >= 4 && w[n - 2] == 'e' && (w[n - 1] == 'd' || w[n - 1] == 'n'))
        return true;
    return doc_word_in(w, irregular_past) || doc_word_in(w, (const char *const[]){
        "been", "done", "gone", "seen", "taken", "given", "known", "shown",
        "spoken", "written", "fought", "begun", "held", NULL});
}

/* A lowercase word ending in -ed that is not -eed ("need", "proceed"). */
static bool looks_regular_past(const char *w)
{
    size_t n = strlen(w);
    if (n < 4 || !islower((unsigned char)w[0]))
        return false;
    if (strcmp(w + n - 2, "ed") != 0)
        return false;
    if (w[n - 3] == 'e' && strcmp(w, "agreed") != 0 && strcmp(w, "freed") != 0)
        return false;
    for (const char *p = w; *p; p++)
        if (!islower((unsigned char)*p) && *p != '-')
            return false;
    return true;
}

static bool tag_is(const char *const *tags, size_t i, const char *t)
{
    return tags && tags[i] && strcmp(tags[i], t) == 0;
}

tac_tense doc_token_tense(const char *const *forms, const char *const *tags, size_t n,
                          size_t i)
{
    const char *w = forms[i];
    if (!w)
        return TAC_TENSE_UNKNOWN;
    /* "to" after "set", "going", "plans": the verb is future. */
    if (strcmp(w, "to") == 0) {
        if (i > 0 && doc_word_in(forms[i - 1], future_before_to) && i + 1 < n &&
            forms[i + 1] && islower((unsigned char)forms[i + 1][0]) &&
            !doc_word_in(forms[i + 1], (const char *const[]){"the", "a", "an", "be", NULL}))
            return TAC_TENSE_FUTURE;
        return TAC_TENSE_UNKNOWN;
    }
    if (doc_word_in(w, future_words) || tag_is(tags, i, "MD"))
        return doc_word_in(w, future_words) ? TAC_TENSE_FUTURE : TAC_TENSE_UNKNOWN;
    if (doc_word_in(w, have_words)) {
        /* "has (long) been described", "have visited": a perfect is past. */
        for (size_t j = i + 1; j < n && j <= i + 3; j++) {
            if (!forms[j])
                break;
            if (tag_is(tags, j, "VBN") || is_participle(forms[j]))
                return TAC_TENSE_PAST;
            if (!doc_word_in(forms[j], (const char *const[]){
                    "long", "also", "already", "not", "n't", "just", "recently",
                    "since", "apparently", "never", "ever", "now", NULL}))
                break;
        }
        return TAC_TENSE_PRESENT;
    }
    if (strcmp(w, "'s") == 0)   /* possessive far more often than "is" */
        return TAC_TENSE_UNKNOWN;
    if (doc_word_in(w, present_words))
        return TAC_TENSE_PRESENT;
    if (tags && tags[i]) {
        if (strcmp(tags[i], "VBD") == 0)
            return TAC_TENSE_PAST;
        if (strcmp(tags[i], "VBZ") == 0 || strcmp(tags[i], "VBP") == 0)
            return TAC_TENSE_PRESENT;
        if (strncmp(tags[i], "VB", 2) == 0 || tags[i][0] == 'N' || tags[i][0] == 'J')
            return TAC_TENSE_UNKNOWN;
    }
    /* "will be held", "was attacked": the auxiliary carries the tense */
    static const char *const passive[] = {
        "be", "been", "being", "is", "are", "am", "get", "gets", NULL};
    bool after_be = i > 0 && doc_word_in(forms[i - 1], passive);
    if (doc_word_in(w, irregular_past))
        return after_be ? TAC_TENSE_UNKNOWN : TAC_TENSE_PAST;
    if (looks_regular_past(w)) {
        if (after_be)
            return TAC_TENSE_UNKNOWN;
        if (i > 0 && doc_word_in(forms[i - 1], adjective_context))
            return TAC_TENSE_UNKNOWN;
        return TAC_TENSE_PAST;
    }
    return TAC_TENSE_UNKNOWN;
}
