/* The place of a sentence's event. Only places in a locative position
 * count: after a preposition ("in Pyongyang", "visit to North Korea", "in
 * the northern city of Aleppo") or as the object of a movement or attack
 * verb ("visited Beijing", "shelled Kharkiv"). A place that is the subject
 * or modifies a noun ("North Korea's Air Koryo") names an actor instead. */
#include <string.h>
#include <strings.h>

#include "document/document.h"

/* Prepositions and how strongly they mark where the event happened (lower
 * is stronger). */
static int preposition_weight(const char *const *w, size_t i)
{
    static const char *const locative[] = {
        "in", "at", "near", "outside", "inside", "within", "across", "throughout",
        "around", "over", "off", "along", NULL};
    static const char *const toward[] = {"to", "into", "toward", "towards", NULL};
    /* nouns and verbs after which "to X" is a destination */
    static const char *const motion[] = {
        "visit", "visits", "visited", "visiting", "trip", "trips", "travel",
        "travels", "traveled", "travelled", "traveling", "travelling", "flew",
        "fly", "flies", "flight", "flights", "returned", "return", "returns",
        "went", "go", "goes", "going", "came", "come", "comes", "headed", "head",
        "heads", "journey", "tour", "delegation", "deployed", "sent", "send",
        "moved", "arrived", "arrive", "arrives", "way", "mission", "voyage",
        "pilgrimage", "march", "marched", "advanced", "fled", "evacuated", NULL};
    static const char *const attack[] = {
        "attack", "attacks", "strike", "strikes", "assault", "raid", "raids",
        "offensive", "bombardment", "airstrike", "airstrikes", "shelling", NULL};
    const char *p = w[i];
    if (doc_word_in(p, locative))
        return 0;
    if (doc_word_in(p, toward)) {
        /* "to" in "visit to X" or "traveled to X" (skipping "a" "three-day"
         * between is not needed: the noun is right before) */
        if (i > 0 && doc_word_in(w[i - 1], motion))
            return 0;
        return 3;
    }
    if (strcasecmp(p, "on") == 0 || strcasecmp(p, "against") == 0)
        return i > 0 && doc_word_in(w[i - 1], attack) ? 1 : -1;
    if (strcasecmp(p, "from") == 0)
        return 4;
    return -1;
}

/* Verbs whose object is where the event happened. */
static bool place_verb(const char *w)
{
    static const char *const verbs[] = {
        "visit", "visits", "visited", "visiting", "toured", "tour", "tours",
        "touring", "entered", "enter", "enters", "reached", "reach", "reaches",
        "attacked", "attack", "attacks", "bombed", "bomb", "bombs", "bombing",
        "shelled", "shell", "shelling", "struck", "strike", "strikes", "hit",
        "hits", "captured", "capture", "captures", "seized", "seize", "seizes",
        "invaded", "invade", "invades", "raided", "raid", "liberated",
        "recaptured", "stormed", "besieged", "surrounded", "occupied",
        "annexed", "evacuated", "landed", "retook", "overran", "targeted", NULL};
    return doc_word_in(w, verbs);
}

/* Words that may stand between a preposition and the name: "in the
 * northern city of Aleppo", "to the capital, Kyiv". */
static bool filler(const char *w, const char *next)
{
    if (strcmp(w, ",") == 0)
        return true;
    /* "the Syrian capital": a capitalised adjective before a common noun */
    if (w[0] >= 'A' && w[0] <= 'Z' && next && next[0] >= 'a' && next[0] <= 'z')
        return true;
    if (!(w[0] >= 'a' && w[0] <= 'z'))
        return false;
    /* a verb would start a new phrase: "to attend", "in attending" */
    static const char *const stop[] = {
        "and", "or", "but", "that", "which", "who", "when", "while", "as", "to",
        "by", "with", "for", "from", "in", "on", "at", "attend", "be", "have",
        "mark", "make", "help", "meet", "discuss", "hold", NULL};
    return !doc_word_in(w, stop);
}

typedef struct candidate {
    const tac_place *place;
    int first, end;
    int weight;
} candidate;

/* A place at token i (after fillers from `from`): its match, or 0. */
static size_t locative_match(const tac_gazetteer *g, const tac_place_input *in, size_t from,
                             size_t *at, const tac_place **pl)
{
    for (size_t j = from; j < in->n && j < from + 6 && in->forms[j]; j++) {
        size_t len = tac_gazetteer_match(g, in->forms, in->n, j, pl);
        if (len) {
            /* "North Korea 's Air Koryo", "Beijing-based": names an actor */
            if (j + len < in->n && in->forms[j + len] && strcmp(in->forms[j + len], "'s") == 0)
                return 0;
            *at = j;
            return len;
        }
        if (!filler(in->forms[j], j + 1 < in->n ? in->forms[j + 1] : NULL))
            return 0;
    }
    return 0;
}

static int distance(int a, int b)
{
    return a > b ? a - b : b - a;
}

/* The place named in a dateline: "BEIJING", "SEOUL, South Korea". */
static const tac_place *dateline_place(const tac_gazetteer *g, const char *dateline)
{
    char buf[128];
    size_t n = strcspn(dateline, ",/");
    if (n == 0 || n >= sizeof buf)
        return NULL;
    memcpy(buf, dateline, n);
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return tac_gazetteer_lookup(g, buf);
}

void tac_find_place(const tac_gazetteer *g, const tac_place_input *in, tac_event_place *out)
{
    memset(out, 0, sizeof *out);
    out->first_token = out->end_token = -1;
    if (!g || !in)
        return;
    candidate best = {.weight = 1 << 30};
    for (size_t i = 0; in->forms && i < in->n; i++) {
        if (!in->forms[i])
            continue;
        int weight = preposition_weight(in->forms, i);
        bool verb_object = weight < 0 && place_verb(in->forms[i]);
        if (weight < 0 && !verb_object)
            continue;
        const tac_place *pl = NULL;
        size_t at = 0, len;
        if (verb_object) {
            len = tac_gazetteer_match(g, in->forms, in->n, i + 1, &pl);
            at = i + 1;
            if (len && i + 1 + len < in->n && in->forms[i + 1 + len] &&
                strcmp(in->forms[i + 1 + len], "'s") == 0)
                len = 0;
            weight = 0;
        } else {
            len = locative_match(g, in, i + 1, &at, &pl);
        }
        if (!len)
            continue;
        /* Nearer the verb is better; without one, earlier is. */
        int w = weight * 100 + (in->verb >= 0 ? distance((int)at, in->verb) : (int)at / 8);
        if (w < best.weight)
            best = (candidate){pl, (int)at, (int)(at + len), w};
    }
    if (best.place) {
        out->place = best.place;
        out->first_token = best.first;
        out->end_token = best.end;
        return;
    }
    if (in->dateline && !in->historical) {
        out->place = dateline_place(g, in->dateline);
        out->from_dateline = out->place != NULL;
    }
}
