/* The CAMEO codebook: lookups into the table generated from
 * data/cameo-codebook.tsv, and PLOVER's own category list. Both are
 * read-only data, so any thread may use them. */
#include <stdlib.h>
#include <string.h>

#include "output/output.h"

static int compare_code(const void *key, const void *entry)
{
    return strcmp(key, ((const tac_cameo_info *)entry)->code);
}

const tac_cameo_info *tac_cameo_lookup(const char *code)
{
    if (!code || !*code)
        return NULL;
    return bsearch(code, tac_cameo_table, tac_cameo_table_len, sizeof tac_cameo_table[0],
                   compare_code);
}

size_t tac_cameo_count(void) { return tac_cameo_table_len; }

const tac_cameo_info *tac_cameo_at(size_t i)
{
    return i < tac_cameo_table_len ? &tac_cameo_table[i] : NULL;
}

const char *tac_quad_class_name(int quad_class)
{
    static const char *const names[] = {
        "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"
    };
    return quad_class >= 1 && quad_class <= 4 ? names[quad_class - 1] : NULL;
}

/* PLOVER's sixteen event types in the order of its manual, grouped as the
 * manual groups them into verbal/material cooperation/conflict. */
static const tac_plover_category plover_categories[] = {
    {"AGREE",     "agree to, or express intent to, cooperate, meet or settle", 1},
    {"CONSULT",   "meet, visit, talk by telephone, mediate or negotiate", 1},
    {"SUPPORT",   "praise, endorse, defend, recognise, apologise, sign agreements", 1},
    {"CONCEDE",   "ease restrictions or accede to demands", 2},
    {"COOPERATE", "cooperate economically, militarily, judicially; share intelligence", 2},
    {"AID",       "provide economic, military or humanitarian aid, protection or asylum", 2},
    {"RETREAT",   "release, return, withdraw, de-escalate, allow access", 2},
    {"REQUEST",   "ask or demand that the target act", 3},
    {"ACCUSE",    "criticise, accuse, investigate, complain or sue", 3},
    {"REJECT",    "refuse cooperation, requests, proposals or mediation; defy norms", 3},
    {"THREATEN",  "threaten sanctions, restrictions or force", 3},
    {"PROTEST",   "demonstrate, strike, boycott, obstruct, riot", 4},
    {"SANCTION",  "reduce relations or aid, halt talks, expel", 4},
    {"MOBILIZE",  "raise alert status or mobilise police or armed forces", 4},
    {"COERCE",    "arrest, deport, seize, ban, impose restrictions or blockades", 4},
    {"ASSAULT",   "use violence: attacks, bombings, fighting, mass killing", 4},
};

const tac_plover_category *tac_plover_categories(size_t *n)
{
    if (n)
        *n = sizeof plover_categories / sizeof plover_categories[0];
    return plover_categories;
}

const tac_plover_category *tac_plover_lookup(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof plover_categories / sizeof plover_categories[0]; i++)
        if (strcmp(plover_categories[i].name, name) == 0)
            return &plover_categories[i];
    return NULL;
}
