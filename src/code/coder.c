/* The coder: from a Penn Treebank parse to CAMEO events.
 *
 * 1. Noun phrases get a meaning: a list of codes built from a possessive
 *    ("Gondor's minister"), else the actor and agent phrases among their own
 *    words, else their NP children, else their PP children (PETRARCH-2's
 *    priority; pronouns come last); conjunctions give several codes, agents
 *    wrap actors ("NGO" + "ARN" + "GOV").
 * 2. The sentence's actors in word order: the outermost coded noun phrases
 *    (targets, pronoun antecedents) and the innermost ones, a conjunction
 *    counting as one (what pattern tokens $ + % ^ refer to).
 * 3. Each verb found in the dictionary is matched against its block's
 *    patterns (words before and after the verb, gaps allowed unless joined
 *    by '_'); the longest match gives the code, else the verb's own code.
 * 4. Source = the subject (climbing through auxiliaries and subjectless
 *    complements), target = the first actor after the verb inside its verb
 *    phrase that is not the source; in the passive ("was X-ed by/from Y")
 *    Y is the source and the subject the target; pattern tokens override
 *    both. Pronouns take TABARI's antecedents (he/it: the first actor not
 *    in a prepositional adjunct; its/their: the nearest actor before).
 *    A verb that codes an event covers the verbs below it.
 * 5. Verb + verb (PETRARCH-2's combinations, in CAMEO terms): an appeal,
 *    intend, demand, reject or threaten verb takes the sub-code named by
 *    its complement's verb ("intend to visit" = 036); a negated cooperative
 *    verb becomes its rejection ("will not meet" = 125); the dictionary's
 *    transformations rewrite reported events ("A said B attacked" = 112).
 * 6. One event per source x target pair; "A:B" codes add the reverse event.
 * News noun phrases: a later actor phrase that names the same actor more
 * precisely replaces the first ("Chinese Premier Li Qiang": CHN -> CHNGOV;
 * also over a possessive, "Vietnam's top leader To Lam"); an appositive
 * ("Medvedev, chairman of ...") adds no second actor; "former" does not
 * touch a code a date restriction chose. With PETRARCH-2 patterns the
 * target is sought in the verb's own clause first, never in a relative
 * clause, never after "according to", and not in an agent-only phrase the
 * pattern spelt out ("held a military parade"); patterns stop at the first
 * clause but may spell out a "to" infinitive ("- * (TO RELEASE) [0253]").
 * Tense, modality and negation (news dictionaries): an act announced for
 * the future ("will", "would", "is going to", "plans to") is its intent
 * (03x) or threat (13x), except meetings and visits ("will release" =
 * 0353, "would boycott" = 1312, "threatened to boycott" too); "A said B
 * must/should act" is A's demand (10x) or appeal (02x) on B, never B's
 * act; a bare statement (010) gives way to the event of the clause it
 * reports; a negated verb is its rejection (12x) when cooperative or an
 * intent, else no event at all, and a pattern's code is negated too
 * unless the pattern spelt the negation.
 * Targets (news dictionaries): a pattern token on an agent-only phrase
 * inside a larger actor description means the whole ("leaders of
 * Romania's government"); an agent-only target followed by "in" + an
 * actor is that actor's (the parser attaches the phrase to the verb); a
 * bare conjunct verb shares the next conjunct's object; the source's own
 * pronoun phrase ("its forces") is no target, and a place ("in Havana")
 * does not stop a compound from acting on itself, nor does a longer
 * pattern without "%"; a parenthesis after a named actor adds no second
 * actor; "we" and "our" in a quotation are its speaker.
 * Coreference: plural references ("the two", "both sides") take the last
 * two actors of different countries before them in the sentence; otherwise
 * the optional mention hook (tac_coder_set_mention_hook) resolves
 * references from earlier sentences and hears of every coded actor.
 * Options: require_dyad (else an uncoded noun phrase stands in as "---"),
 * new_actor_length (uncoded short noun phrases become actors named by
 * their words) and PETRARCH-1's comma-clause elimination (comma_*). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/code.h"

#define MAX_CODES 64

typedef struct code_item {
    const char *actor;      /* "ARN", or NULL for an agent without actor */
    const char *prefix;     /* agent codes placed before the actor ("NGO") */
    const char *suffix;     /* after it ("GOV") */
    const char *entry;      /* provenance, "NAME [CODE] (file:line)" */
    bool        weak;       /* came from a pronoun: loses to any named actor */
    bool        dated;      /* a date restriction chose the code: it knows the
                             * actor's office on that date ("former" adds nothing) */
    bool        coref;      /* resolved by the mention hook from earlier sentences */
} code_item;

typedef struct meaning {
    code_item *items;
    uint32_t   n;
} meaning;

typedef struct actor_span {
    uint32_t  first, last;
    const meaning *m;
    const tac_node *node;
} actor_span;

/* A dictionary phrase found in the sentence, owned by the lowest noun
 * phrase that contains all of it. */
typedef struct word_match {
    uint32_t first, last;
    bool     actor;
    int32_t  entry;
    int32_t  next;          /* next match owned by the same NP, or -1 */
} word_match;

struct tac_coder {
    const tac_dicts  *d;
    tac_coder_options opt;
    tac_arena         arena;
    /* per sentence */
    tac_tree          tree;
    int32_t           date;
    const meaning   **memo;         /* per node, NULL = not computed */
    bool              pronouns;     /* pronoun resolution enabled (second pass) */
    word_match       *matches;
    uint32_t          n_matches;
    int32_t          *own;          /* per node: first owned match or -1 */
    actor_span       *spans;        /* maximal coded NPs, in word order */
    uint32_t          n_spans;
    actor_span       *mspans;       /* minimal coded NPs (pattern tokens) */
    uint32_t          n_mspans;
    bool             *coded_vp;     /* per node */
    bool             *tried_vp;     /* per node: code_verb ran on its verb */
    uint64_t          bloom;        /* bloom bits of the sentence's words */
    tac_wid           wid_to;       /* the word TO */
    tac_event        *events;
    size_t            n_events, cap_events;
    const tac_sentence_input *in;
    const char       *date_text;
    const char       *issues;
    tac_mention_hook  hook;         /* coreference across sentences */
    bool              has_hook;
};

static const meaning EMPTY = {NULL, 0};

/* ---- labels ----------------------------------------------------------- */

static bool is(const tac_node *n, const char *label) { return n && !strcmp(n->label, label); }
static bool is_np(const tac_node *n) { return n && n->cat == TAC_CAT_NP; }
static bool is_vp(const tac_node *n) { return n && n->cat == TAC_CAT_VP; }
static bool is_clause(const tac_node *n) { return n && n->cat == TAC_CAT_CLAUSE; }
static bool is_barrier(const tac_node *n)
{
    return n->cat == TAC_CAT_CLAUSE || n->cat == TAC_CAT_VP || n->cat == TAC_CAT_SBAR ||
           n->cat == TAC_CAT_ROOT || !n->parent;
}
static bool is_verb_tag(const tac_node *n)
{
    return n->word && n->label[0] == 'V' && n->label[1] == 'B';
}
static bool is_pronoun(const tac_node *n)
{
    return n->word && (is(n, "PRP") || is(n, "PRP$"));
}
static bool starts_match(const tac_node *n)
{
    const char *l = n->label;
    return !strncmp(l, "NN", 2) || !strncmp(l, "JJ", 2) || !strcmp(l, "DT") ||
           !strcmp(l, "FW") || !strcmp(l, "CD") || !strcmp(l, "VBN") || !strcmp(l, "VBG") ||
           !strcmp(l, "SYM") || !strcmp(l, "RB");
}

static bool word_is(const tac_node *n, const char *const *list)
{
    if (!n->word)
        return false;
    for (; *list; list++)
        if (tac_str_iequal(n->word, *list))
            return true;
    return false;
}

/* ---- codes ------------------------------------------------------------ */

static const char *full_code(tac_coder *c, const code_item *it)
{
    return tac_arena_printf(&c->arena, "%s%s%s", it->prefix ? it->prefix : "",
                            it->actor ? it->actor : "---", it->suffix ? it->suffix : "");
}

/* The actor's code on the sentence's date; without a date, its default.
 * *dated tells whether a date restriction chose it. */
static const char *date_code(const tac_coder *c, const tac_actor *a, bool *dated)
{
    *dated = false;
    for (uint32_t i = 0; i < a->n_codes; i++) {
        const tac_actor_code *k = &a->codes[i];
        bool open = k->from == 0 && k->to == 99999999;
        if (c->date < 0 ? open : (c->date >= k->from && c->date <= k->to)) {
            *dated = !open;
            return k->code;
        }
    }
    return c->date < 0 && a->n_codes ? a->codes[0].code : NULL;
}

/* ---- dictionary phrases in the sentence ----------------------------- */

typedef struct trie_walk {
    const tac_trie  *t;
    tac_node *const *toks;
    uint32_t         start, n, gap_limit;
    uint32_t         best;
    int32_t          entry;
} trie_walk;

/* At `node` with tokens [start, j) consumed: go on with the next word, or
 * after skipped words where the phrase had a blank ("CARAS GALADHON"). */
static void walk_from(trie_walk *w, uint32_t node, uint32_t j)
{
    if (w->t->entry[node] >= 0 && j - w->start > w->best) {
        w->best = j - w->start;
        w->entry = w->t->entry[node];
    }
    uint32_t next;
    if (j < w->n && tac_trie_step(w->t, node, w->toks[j]->wid, &next))
        walk_from(w, next, j + 1);
    if (w->t->gap_from[node])
        for (uint32_t q = j; q < w->gap_limit; q++)
            if (tac_trie_gap_step(w->t, node, w->toks[q]->wid, &next))
                walk_from(w, next, q + 1);
}

/* The end of the noun phrases around a token: gapped phrases stay inside. */
static uint32_t np_extent(const tac_node *tok)
{
    uint32_t last = tok->last;
    for (const tac_node *p = tok->parent; p && !is_barrier(p); p = p->parent)
        if (is_np(p) || p->cat == TAC_CAT_PP)
            last = p->last;
    return last;
}

/* Longest dictionary phrase in `trie` starting at toks[i]. */
static uint32_t longest(const tac_trie *t, tac_node *const *toks, uint32_t i, uint32_t n,
                        int32_t *entry)
{
    trie_walk w = {t, toks, i, n, np_extent(toks[i]), 0, -1};
    walk_from(&w, 0, i);
    *entry = w.entry;
    return w.best;
}

static tac_node *owner_np(tac_node *tok, uint32_t last)
{
    for (tac_node *p = tok->parent; p; p = p->parent) {
        if (is_np(p) && p->last >= last)
            return p;
        if (is_barrier(p))
            return NULL;
    }
    return NULL;
}

/* Longest actor or agent phrase at each position, left to right. */
static bool find_matches(tac_coder *c)
{
    const tac_dicts *d = c->d;
    uint32_t n = c->tree.n_tokens;
    c->matches = tac_arena_alloc(&c->arena, (n ? n : 1) * sizeof *c->matches);
    c->own = tac_arena_alloc(&c->arena, c->tree.n_nodes * sizeof *c->own);
    if (!c->matches || !c->own)
        return false;
    for (uint32_t i = 0; i < c->tree.n_nodes; i++)
        c->own[i] = -1;
    c->n_matches = 0;
    int32_t *tail = tac_arena_alloc(&c->arena, c->tree.n_nodes * sizeof *tail);
    if (!tail)
        return false;
    tac_node *const *toks = c->tree.tokens;
    for (uint32_t i = 0; i < n;) {
        uint8_t wf = d->wflags ? d->wflags[toks[i]->wid] : 0xff;
        if (!(wf & (TAC_W_ACTOR | TAC_W_AGENT)) || !starts_match(toks[i])) {
            i++;
            continue;
        }
        int32_t ae, ge;
        uint32_t la = longest(&d->actor_trie, toks, i, n, &ae);
        uint32_t lg = longest(&d->agent_trie, toks, i, n, &ge);
        uint32_t len = la >= lg ? la : lg;
        tac_node *owner = len ? owner_np(toks[i], i + len) : NULL;
        if (!owner) {
            i++;
            continue;
        }
        word_match *m = &c->matches[c->n_matches];
        m->first = i;
        m->last = i + len;
        m->actor = la >= lg;
        m->entry = m->actor ? ae : ge;
        m->next = -1;
        int32_t idx = (int32_t)c->n_matches++;
        if (c->own[owner->index] < 0)
            c->own[owner->index] = idx;
        else
            c->matches[tail[owner->index]].next = idx;
        tail[owner->index] = idx;
        i += len;
    }
    return true;
}

/* ---- noun phrase meaning -------------------------------------------- */

#define MAX_GROUPS 8

typedef struct item_list {
    code_item *v;
    uint32_t   n, cap;
} item_list;

static void push(tac_coder *c, item_list *l, code_item it)
{
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 8;
        code_item *v = tac_arena_alloc(&c->arena, cap * sizeof *v);
        if (!v)
            return;
        if (l->n)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = it;
}

static void push_meaning(tac_coder *c, item_list *actors, item_list *agents, const meaning *m)
{
    for (uint32_t i = 0; i < m->n; i++)
        push(c, m->items[i].actor ? actors : agents, m->items[i]);
}

static void add_actor_codes(tac_coder *c, item_list *l, const tac_actor *a, bool weak)
{
    bool dated;
    const char *code = date_code(c, a, &dated);
    if (!code)
        return;
    /* "ELR/GAL" is a coded compound */
    for (const char *p = code; *p;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n && strncmp(p, "---", n) != 0) {
            code_item it = {.actor = tac_arena_strndup(&c->arena, p, n), .prefix = "",
                            .suffix = "",
                            .entry = tac_arena_printf(&c->arena, "%s [%s] (%s)", a->name, code,
                                                      a->where),
                            .weak = weak, .dated = dated};
            push(c, l, it);
        }
        if (!slash)
            break;
        p = slash + 1;
    }
}

/* Does `more` name the actor `it` names, more precisely ("CHN" ->
 * "CHNGOV": the country adjective and the premier's own entry)? */
static bool extends(const code_item *more, const code_item *it)
{
    if (!more->actor || !it->actor || more->weak || it->weak)
        return false;
    size_t n = strlen(it->actor);
    return strlen(more->actor) > n && !strncmp(more->actor, it->actor, n);
}

/* A later actor phrase of the same noun phrase replaces the group's actor
 * when it says more about the same actor. */
static void refine_actor(tac_coder *c, code_item *have, const tac_actor *a)
{
    item_list l = {0};
    add_actor_codes(c, &l, a, have->weak);
    if (l.n == 1 && extends(&l.v[0], have))
        *have = l.v[0];
}

/* ---- coreference hook ------------------------------------------------- */

static bool has_actor(const item_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (l->v[i].actor)
            return true;
    return false;
}

static const char *const *words_of(tac_coder *c, size_t first, size_t n)
{
    const char **w = tac_arena_alloc(&c->arena, (n ? n : 1) * sizeof *w);
    if (w)
        for (size_t i = 0; i < n; i++)
            w[i] = c->tree.tokens[first + i]->word;
    return w;
}

static const char *const DEFINITE[] = {"THE", "BOTH", NULL};

/* Could this uncoded noun phrase name an actor of an earlier sentence?
 * "the premier", "the two countries", "both sides", "the two", or proper
 * nouns no dictionary knows ("Kim"). Only plain phrases of words. */
static bool refers_back(const tac_coder *c, const tac_node *np)
{
    (void)c;
    if (np->temporal || !np->n_kids || np->n_kids > 5)
        return false;
    bool proper = true;
    for (uint32_t i = 0; i < np->n_kids; i++) {
        const tac_node *k = np->kids[i];
        if (!k->word || is(k, "POS") || is_pronoun(k))
            return false;
        proper &= !strncmp(k->label, "NNP", 3);
    }
    return word_is(np->kids[0], DEFINITE) || (proper && np->n_kids <= 3);
}

/* "the two", "both", "both sides", "the two countries". */
static bool plural_phrase(const tac_node *np)
{
    static const char *const BOTH[] = {"BOTH", NULL}, *const TWO[] = {"TWO", NULL};
    for (uint32_t i = 0; i < np->n_kids; i++)
        if ((is(np->kids[i], "DT") && word_is(np->kids[i], BOTH)) ||
            (is(np->kids[i], "CD") && word_is(np->kids[i], TWO)))
            return true;
    return false;
}

static void pronoun_codes(tac_coder *c, tac_node *prp, item_list *out);

/* "In his talks with Chinese President Xi Jinping, the two agreed": the
 * last two actors of different countries before a plural reference in its
 * own sentence (pronouns resolved) are what it names. */
static bool in_sentence_pair(tac_coder *c, const tac_node *np, item_list *out)
{
    const code_item *pair[2] = {NULL, NULL};
    uint32_t found = 0;
    for (uint32_t t = np->first; t-- > 0 && found < 2;) {
        item_list here = {0};
        tac_node *tok = c->tree.tokens[t];
        if (is_pronoun(tok))
            pronoun_codes(c, tok, &here);
        for (uint32_t i = 0; i < c->n_spans; i++)      /* pass-1 actors ending here */
            if (c->spans[i].last == t + 1)
                for (uint32_t j = 0; j < c->spans[i].m->n; j++)
                    if (c->spans[i].m->items[j].actor && !c->spans[i].m->items[j].weak)
                        push(c, &here, c->spans[i].m->items[j]);
        for (uint32_t i = here.n; i-- > 0 && found < 2;) {
            const code_item *it = &here.v[i];
            const char *code = full_code(c, it);
            if (found == 1 && !strncmp(code, full_code(c, pair[0]), 3))
                continue;
            code_item *keep = tac_arena_alloc(&c->arena, sizeof *keep);
            if (!keep)
                return false;
            *keep = *it;
            pair[found++] = keep;
        }
    }
    if (found < 2)
        return false;
    for (int i = 1; i >= 0; i--) {          /* in sentence order */
        code_item it = *pair[i];
        it.coref = true;
        it.weak = false;
        push(c, out, it);
    }
    return true;
}

/* Asks the hook what tokens [first, first + n) refer to; appends the codes
 * to out as actors. */
static void resolve_mention(tac_coder *c, size_t first, size_t n, bool weak, item_list *out)
{
    if (!c->hook.resolve)
        return;
    const char *const *words = words_of(c, first, n);
    const char *codes[TAC_MENTION_MAX_CODES] = {0};
    if (!words)
        return;
    size_t k = c->hook.resolve(c->hook.ud, c->in->sentence, first, n, words, codes,
                               TAC_MENTION_MAX_CODES);
    for (size_t i = 0; i < k && i < TAC_MENTION_MAX_CODES; i++) {
        if (!codes[i] || !*codes[i])
            continue;
        code_item it = {.actor = tac_arena_strdup(&c->arena, codes[i]), .prefix = "",
                        .suffix = "", .weak = weak, .coref = true,
                        .entry = tac_arena_printf(&c->arena, "coreference: %s (sentence %d)",
                                                  codes[i], c->in->sentence)};
        push(c, out, it);
    }
}

static const char *with_agent(tac_coder *c, const code_item *it, const char *part, bool prefix);

/* A reference back ("the two governments", "the premier") resolved by the
 * document memory: the actors it names, each with the phrase's own agents,
 * replace the agent-only items ("the two governments" = JPNGOV, VNMGOV,
 * not ---GOV beside JPN and VNM). */
static void resolve_referents(tac_coder *c, const tac_node *np, item_list *agents)
{
    item_list found = {0};
    if (!(plural_phrase(np) && in_sentence_pair(c, np, &found)) && c->has_hook)
        resolve_mention(c, np->first, np->last - np->first, false, &found);
    if (!found.n)
        return;
    item_list out = {0};
    for (uint32_t a = 0; a < found.n; a++) {
        if (!agents->n)
            push(c, &out, found.v[a]);
        for (uint32_t g = 0; g < agents->n; g++) {
            code_item it = found.v[a];
            it.prefix = with_agent(c, &it, agents->v[g].prefix, true);
            it.suffix = with_agent(c, &it, agents->v[g].suffix, false);
            push(c, &out, it);
        }
    }
    *agents = out;
}

static const meaning *np_meaning(tac_coder *c, tac_node *np);
static void pronoun_codes(tac_coder *c, tac_node *prp, item_list *out);

static const meaning *pp_meaning(tac_coder *c, tac_node *pp)
{
    for (uint32_t i = 0; i < pp->n_kids; i++)
        if (is_np(pp->kids[i]))
            return np_meaning(c, pp->kids[i]);
    return &EMPTY;
}

/* Appends agent code b to a, unless the code already has it. */
static const char *with_agent(tac_coder *c, const code_item *it, const char *part, bool prefix)
{
    const char *have = prefix ? it->prefix : it->suffix;
    if (!part || !*part)
        return have;
    /* "UN officials", "Red Cross officials": an organisation's officials are
     * the organisation, not a government (IGOUNO, not IGOUNOGOV) */
    if (!strcmp(part, "GOV") && it->actor &&
        (!strncmp(it->actor, "IGO", 3) || !strncmp(it->actor, "NGO", 3) ||
         !strncmp(it->actor, "MNC", 3)))
        return have;
    const char *full = full_code(c, it);
    if (strstr(full + (strlen(full) > 3 ? 3 : 0), part))
        return have;
    return prefix ? tac_arena_printf(&c->arena, "%s%s", part, have ? have : "")
                  : tac_arena_printf(&c->arena, "%s%s", have ? have : "", part);
}

/* PETRARCH's new_actor_length: an uncoded noun phrase of at most that many
 * words stands for an actor named by its words ("THE MINISTRY OF MAGIC"). */
static bool text_actor(tac_coder *c, const tac_node *np, code_item *out)
{
    int max = c->opt.new_actor_length;
    if (max <= 0 || !np || np->temporal)
        return false;
    tac_buf b;
    tac_buf_init(&b);
    int words = 0;
    for (uint32_t i = np->first; i < np->last; i++) {
        const tac_node *t = c->tree.tokens[i];
        if (is(t, "POS") || !isalnum((unsigned char)t->word[0]))
            continue;
        if (++words > max)
            break;
        if (b.len)
            tac_buf_putc(&b, ' ');
        for (const char *q = t->word; *q; q++)
            tac_buf_putc(&b, (char)toupper((unsigned char)*q));
    }
    bool ok = words > 0 && words <= max && b.data;
    if (ok) {
        const char *name = tac_arena_strdup(&c->arena, b.data);
        *out = (code_item){.actor = name, .prefix = "", .suffix = "",
                           .entry = tac_arena_printf(&c->arena, "%s (new actor)", name)};
    }
    tac_buf_free(&b);
    return ok;
}

static bool ends_possessive(const tac_node *np)
{
    return np->n_kids && is(np->kids[np->n_kids - 1], "POS");
}

static bool has_conjunction(const tac_node *np)
{
    for (uint32_t i = 0; i < np->n_kids; i++)
        if (is(np->kids[i], "CC"))
            return true;
    return false;
}

static bool has_strong(const item_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (!l->v[i].weak)
            return true;
    return false;
}

/* Picks the first list with a named actor, else the first with any. */
static const item_list *pick(const item_list *const *lists, int n)
{
    for (int i = 0; i < n; i++)
        if (has_strong(lists[i]))
            return lists[i];
    for (int i = 0; i < n; i++)
        if (lists[i]->n)
            return lists[i];
    return lists[0];
}

/* Is the kid wholly inside a phrase the NP matched itself? */
static bool inside_own(const tac_coder *c, const tac_node *np, const tac_node *kid)
{
    for (int32_t m = c->own[np->index]; m >= 0; m = c->matches[m].next)
        if (c->matches[m].first <= kid->first && c->matches[m].last >= kid->last)
            return true;
    return false;
}

static uint32_t group_of(const tac_node *np, uint32_t tok)
{
    uint32_t g = 0;
    for (uint32_t i = 0; i < np->n_kids && np->kids[i]->first < tok; i++)
        if (is(np->kids[i], "CC") || is(np->kids[i], ","))
            g++;
    return g < MAX_GROUPS ? g : MAX_GROUPS - 1;
}

static const meaning *compute_np(tac_coder *c, tac_node *np)
{
    const tac_dicts *d = c->d;
    item_list own = {0}, pos = {0}, kid_act = {0}, kid_agt = {0}, pp_act = {0}, pp_agt = {0},
              prn = {0};
    /* agent groups: a conjunction or comma starts a new one */
    const char *pre[MAX_GROUPS] = {0}, *suf[MAX_GROUPS] = {0}, *where[MAX_GROUPS] = {0};
    bool group_used[MAX_GROUPS] = {0}, actor_in_group[MAX_GROUPS] = {0};
    uint32_t group_actor[MAX_GROUPS] = {0};
    for (int32_t mi = c->own[np->index]; mi >= 0; mi = c->matches[mi].next) {
        const word_match *m = &c->matches[mi];
        uint32_t g = group_of(np, m->first);
        if (m->actor) {
            /* "the evil Arnor awful Gondor": the first, unless a later one
             * says more about the same actor ("Chinese Premier Li Qiang") */
            if (!actor_in_group[g]) {
                group_actor[g] = own.n;
                add_actor_codes(c, &own, &d->actors[m->entry], false);
            } else if (own.n == group_actor[g] + 1) {
                refine_actor(c, &own.v[group_actor[g]], &d->actors[m->entry]);
            }
            actor_in_group[g] = true;
            continue;
        }
        const tac_agent *a = &d->agents[m->entry];
        const char **slot = a->prefix ? &pre[g] : &suf[g];
        if (!*slot || !strstr(*slot, a->code))
            *slot = tac_arena_printf(&c->arena, "%s%s", *slot ? *slot : "", a->code);
        if (!where[g])
            where[g] = tac_arena_printf(&c->arena, "%s [%s%s%s] (%s)", a->name,
                                        a->prefix ? "" : "~", a->code, a->prefix ? "~" : "",
                                        a->where);
        group_used[g] = true;
    }
    /* "former officials": TABARI codes former office holders as elites */
    bool former = false;
    for (uint32_t i = 0; i < np->n_kids; i++) {
        if (np->kids[i]->word && tac_str_iequal(np->kids[i]->word, "former")) {
            former = true;
            for (uint32_t g = 0; g < MAX_GROUPS; g++) {
                pre[g] = NULL;
                suf[g] = group_used[g] ? "ELI" : NULL;
            }
            if (!group_used[0]) {
                group_used[0] = true;
                suf[0] = "ELI";
            }
            break;
        }
    }
    bool has_cc = has_conjunction(np), after_comma = false, np_seen = false;
    for (uint32_t i = 0; i < np->n_kids; i++) {
        tac_node *kid = np->kids[i];
        if (is(kid, ",") && np_seen)
            after_comma = true;
        if (inside_own(c, np, kid))
            continue;
        /* "Dmitry Medvedev, chairman of United Russia": an appositive names
         * the actor before it again; it counts only if that one is uncoded */
        if (after_comma && !has_cc && is_np(kid) && (own.n || pos.n || kid_act.n))
            continue;
        np_seen |= is_np(kid);
        if (kid->word) {
            if (is_pronoun(kid))
                pronoun_codes(c, kid, &prn);
        } else if (is_np(kid)) {
            const meaning *m = np_meaning(c, kid);
            code_item fresh;
            if (!m->n && has_conjunction(np) && text_actor(c, kid, &fresh))
                push(c, &kid_act, fresh);
            else if (ends_possessive(kid))
                push_meaning(c, &pos, &kid_agt, m);
            else
                push_meaning(c, &kid_act, &kid_agt, m);
        } else if (is(kid, "PRN") && c->d->petr2_patterns && (own.n || pos.n || kid_act.n)) {
            /* "the World Food Program (WFP)", "in Lebanon (UNIFIL)": a
             * parenthesis after a named actor restates it (or belongs
             * elsewhere); like an appositive it adds no second actor */
            continue;
        } else if (is(kid, "ADJP") || is(kid, "UCP") || is(kid, "QP") || is(kid, "PRN")) {
            push_meaning(c, &kid_act, &kid_agt, np_meaning(c, kid));
        } else if (is(kid, "PP")) {
            push_meaning(c, &pp_act, &pp_agt, pp_meaning(c, kid));
        }
    }

    /* agent groups; modifiers before the head of the first group are shared
     * ("Islamist media and government") */
    item_list groups = {0};
    const char *shared_suf = NULL;
    for (uint32_t g = 0; g < MAX_GROUPS; g++) {
        if (!group_used[g])
            continue;
        code_item it = {.prefix = pre[g] ? pre[g] : "", .suffix = suf[g] ? suf[g] : "",
                        .entry = where[g]};
        if (groups.n == 0 && suf[g] && strlen(suf[g]) > 3)
            shared_suf = tac_arena_strndup(&c->arena, suf[g], strlen(suf[g]) - 3);
        else if (groups.n > 0 && shared_suf)
            it.suffix = tac_arena_printf(&c->arena, "%s%s", shared_suf, it.suffix);
        push(c, &groups, it);
    }
    const item_list *agents = groups.n ? &groups : kid_agt.n ? &kid_agt : &pp_agt;

    item_list result = {0};
    if (has_cc && (kid_act.n || kid_agt.n) && !pp_act.n) {
        /* a conjunction of noun phrases: every conjunct counts on its own */
        const item_list *own_agents = &groups;
        for (uint32_t a = 0; a < own.n; a++) {
            if (!own_agents->n)
                push(c, &result, own.v[a]);
            for (uint32_t g = 0; g < own_agents->n; g++) {
                code_item it = own.v[a];
                it.prefix = with_agent(c, &it, own_agents->v[g].prefix, true);
                it.suffix = with_agent(c, &it, own_agents->v[g].suffix, false);
                push(c, &result, it);
            }
        }
        if (!own.n)
            for (uint32_t g = 0; g < groups.n; g++)
                push(c, &result, groups.v[g]);
        for (uint32_t i = 0; i < kid_act.n; i++)
            push(c, &result, kid_act.v[i]);
        for (uint32_t i = 0; i < kid_agt.n; i++)
            push(c, &result, kid_agt.v[i]);
    } else {
        /* "Vietnam's top leader To Lam": the person's own entry is the
         * possessive's country, said more precisely */
        if (pos.n == 1 && own.n == 1 && extends(&own.v[0], &pos.v[0]))
            pos.n = 0;
        const item_list *cands[] = {&pos, &own, &kid_act, &pp_act, &prn};
        const item_list *actors = pick(cands, 5);
        if (!actors->n) {
            for (uint32_t g = 0; g < agents->n; g++)
                push(c, &result, agents->v[g]);
        }
        for (uint32_t a = 0; a < actors->n; a++) {
            /* the date already told what office a "former" person held */
            if (!agents->n || (former && actors->v[a].dated)) {
                push(c, &result, actors->v[a]);
                continue;
            }
            for (uint32_t g = 0; g < agents->n; g++) {
                code_item it = actors->v[a];
                it.prefix = with_agent(c, &it, agents->v[g].prefix, true);
                it.suffix = with_agent(c, &it, agents->v[g].suffix, false);
                push(c, &result, it);
            }
        }
    }
    if (c->pronouns && !has_actor(&result) && refers_back(c, np))
        resolve_referents(c, np, &result);
    if (!result.n)
        return &EMPTY;
    meaning *out = tac_arena_alloc(&c->arena, sizeof *out);
    if (!out)
        return &EMPTY;
    out->items = result.v;
    out->n = result.n;
    return out;
}

static const meaning *np_meaning(tac_coder *c, tac_node *np)
{
    if (c->memo[np->index])
        return c->memo[np->index];
    c->memo[np->index] = &EMPTY;         /* guards against cycles */
    const meaning *m = compute_np(c, np);
    c->memo[np->index] = m;
    return m;
}

/* ---- actors in word order, pronouns --------------------------------- */

static bool coded(tac_coder *c, const tac_node *n)
{
    return is_np(n) && c->memo[n->index] && c->memo[n->index]->n;
}

static bool inside_coded_np(tac_coder *c, const tac_node *np)
{
    for (const tac_node *p = np->parent; p && !is_barrier(p); p = p->parent)
        if (coded(c, p))
            return true;
    return false;
}

static bool has_coded_below(tac_coder *c, const tac_node *n)
{
    for (uint32_t i = 0; i < n->n_kids; i++) {
        const tac_node *k = n->kids[i];
        if (k->word || is_barrier(k))
            continue;
        if (coded(c, k) || has_coded_below(c, k))
            return true;
    }
    return false;
}

static bool is_compound(tac_coder *c, const tac_node *n)
{
    bool cc = false;
    for (uint32_t i = 0; i < n->n_kids; i++)
        cc |= is(n->kids[i], "CC");
    return cc && c->memo[n->index] && c->memo[n->index]->n >= 2;
}

static bool names_actor(const meaning *m)
{
    for (uint32_t i = 0; i < m->n; i++)
        if (m->items[i].actor)
            return true;
    return false;
}

static void collect_spans(tac_coder *c)
{
    c->n_spans = c->n_mspans = 0;
    uint32_t nn = c->tree.n_nodes + 1;
    c->spans = tac_arena_alloc(&c->arena, nn * sizeof *c->spans);
    c->mspans = tac_arena_alloc(&c->arena, nn * sizeof *c->mspans);
    tac_node **stack = tac_arena_alloc(&c->arena, nn * sizeof *stack);
    if (!c->spans || !c->mspans || !stack)
        return;
    /* preorder walks: nodes come in the order of their first token */
    uint32_t sp = 0;
    stack[sp++] = c->tree.root;
    while (sp) {
        tac_node *n = stack[--sp];
        if (n->word)
            continue;
        if (is_np(n)) {
            const meaning *m = np_meaning(c, n);
            if (m->n && !inside_coded_np(c, n))
                c->spans[c->n_spans++] = (actor_span){n->first, n->last, m, n};
        }
        for (uint32_t j = n->n_kids; j-- > 0;)
            stack[sp++] = n->kids[j];
    }
    sp = 0;
    stack[sp++] = c->tree.root;
    while (sp) {
        tac_node *n = stack[--sp];
        if (n->word)
            continue;
        if (coded(c, n) && (is_compound(c, n) || !has_coded_below(c, n))) {
            c->mspans[c->n_mspans++] = (actor_span){n->first, n->last, c->memo[n->index], n};
            continue;
        }
        for (uint32_t j = n->n_kids; j-- > 0;)
            stack[sp++] = n->kids[j];
    }
    /* "the party's leader Vladimir Putin", "leaders of Romania's
     * government": an agent-only noun phrase inside a larger one that names
     * an actor is a part of that actor's description, not an actor of its
     * own; a pattern token there means the whole ("+" = RUSGOV, not ---PTY).
     * The smaller actors inside that whole then give way to it. (TABARI's
     * patterns count the actors of a flat word list, "^" skipping "the
     * parliament" of "the parliament of Gondor": not for them.) */
    if (!c->d->petr2_patterns)
        return;
    uint32_t kept = 0;
    const tac_node *whole = NULL;       /* the last phrase widened to */
    for (uint32_t i = 0; i < c->n_mspans; i++) {
        actor_span s = c->mspans[i];
        if (whole && s.first >= whole->first && s.last <= whole->last)
            continue;                   /* inside it (spans come in preorder) */
        tac_node *up = s.node->parent;
        if (!names_actor(s.m) && is_np(up) && coded(c, up) && names_actor(c->memo[up->index])) {
            s = (actor_span){up->first, up->last, c->memo[up->index], up};
            whole = up;
        }
        c->mspans[kept++] = s;
    }
    c->n_mspans = kept;
}

/* A mention for the hook: a coded noun phrase with no coded noun phrase
 * below it but the possessive in front ("[China's] No. 2 leader"). */
static bool mention_np(tac_coder *c, const tac_node *n)
{
    if (!coded(c, n))
        return false;
    for (uint32_t i = 0; i < n->n_kids; i++) {
        const tac_node *k = n->kids[i];
        if (k->word || is_barrier(k) || (i == 0 && is_np(k) && ends_possessive(k)))
            continue;
        if (coded(c, k) || has_coded_below(c, k))
            return false;
    }
    return true;
}

/* Tells the hook about every actor the dictionaries coded (pass 1). */
static void note_mentions(tac_coder *c)
{
    if (!c->hook.noted)
        return;
    uint32_t nn = c->tree.n_nodes + 1, sp = 0;
    tac_node **stack = tac_arena_alloc(&c->arena, nn * sizeof *stack);
    if (!stack)
        return;
    stack[sp++] = c->tree.root;
    while (sp) {
        tac_node *n = stack[--sp];
        if (n->word)
            continue;
        if (is_np(n) && mention_np(c, n)) {
            const meaning *m = c->memo[n->index];
            const char *const *words = words_of(c, n->first, n->last - n->first);
            for (uint32_t i = 0; words && i < m->n; i++)
                if (m->items[i].actor && !m->items[i].weak)
                    c->hook.noted(c->hook.ud, c->in->sentence, n->first, n->last - n->first,
                                  words, full_code(c, &m->items[i]));
        }
        for (uint32_t j = n->n_kids; j-- > 0;)
            stack[sp++] = n->kids[j];
    }
}

static const char *const NOMINATIVE[] = {"HE", "SHE", "IT", "THEY", "THEM", "HIM", NULL};
static const char *const POSSESSIVE[] = {"ITS", "HIS", "HER", "THEIR", NULL};
static const char *const REFLEXIVE[] = {"ITSELF", "HIMSELF", "HERSELF", "THEMSELVES", NULL};

/* TABARI's rules: HE/SHE/IT/THEY refer to the first actor of the sentence,
 * possessives (ITS, HIS, HER, THEIR) and reflexives to the nearest actor
 * before them. Uses the actors found before pronouns were resolved. */
/* Inside a prepositional phrase of its clause ("On ... Gondor's health,
 * he said"): not an antecedent for he/she/it/they. */
static bool in_adjunct(const tac_node *n)
{
    for (const tac_node *p = n->parent; p && !is_barrier(p); p = p->parent)
        if (p->cat == TAC_CAT_PP)
            return true;
    return false;
}

static const char *const FIRST_PERSON[] = {"I", "WE", "ME", "US", "MY", "OUR", "MYSELF",
                                            "OURSELVES", NULL};

/* Who speaks a quotation: '"We will attack," [Hamas] said', 'Hamas said:
 * "We will ..."': the subject of the clause's attribution, a noun phrase
 * followed by its verb phrase beside the quoted clause. NULL when the
 * sentence has no opening quote before the pronoun or no attribution. */
static tac_node *quote_speaker(const tac_coder *c, const tac_node *prp)
{
    bool quoted = false;
    for (uint32_t i = 0; i < prp->first && !quoted; i++)
        quoted = is(c->tree.tokens[i], "``");
    if (!quoted)
        return NULL;
    for (const tac_node *n = prp; n->parent; n = n->parent) {
        const tac_node *p = n->parent;
        if (!is_clause(n) || !is_clause(p))
            continue;
        for (uint32_t i = 0; i + 1 < p->n_kids; i++)
            if (p->kids[i] != n && is_np(p->kids[i]) && is_vp(p->kids[i + 1]))
                return p->kids[i];
    }
    return NULL;
}

static void pronoun_codes(tac_coder *c, tac_node *prp, item_list *out)
{
    if (!c->pronouns)
        return;
    if (word_is(prp, FIRST_PERSON)) {
        /* "we" and "our" in a quotation are its speaker (news dictionaries;
         * TABARI leaves them uncoded) */
        tac_node *speaker = c->d->petr2_patterns ? quote_speaker(c, prp) : NULL;
        const meaning *m = speaker ? np_meaning(c, speaker) : &EMPTY;
        for (uint32_t i = 0; i < m->n; i++) {
            code_item it = m->items[i];
            if (!it.actor)
                continue;
            it.weak = true;
            push(c, out, it);
        }
        return;
    }
    bool nearest = word_is(prp, POSSESSIVE) || word_is(prp, REFLEXIVE);
    if (!nearest && !word_is(prp, NOMINATIVE))
        return;
    const actor_span *best = NULL;
    for (uint32_t i = 0; i < c->n_spans; i++) {
        const actor_span *s = &c->spans[i];
        if (s->last > prp->first)
            break;
        bool has_actor = false;
        for (uint32_t j = 0; j < s->m->n; j++)
            has_actor |= s->m->items[j].actor != NULL;
        if (!has_actor || (!nearest && in_adjunct(s->node)))
            continue;
        best = s;
        if (!nearest)
            break;
    }
    if (!best) {
        if (c->has_hook)        /* "In his first talks ...": from earlier sentences */
            resolve_mention(c, prp->first, 1, true, out);
        return;
    }
    for (uint32_t i = 0; i < best->m->n; i++) {
        code_item it = best->m->items[i];
        if (!it.actor)
            continue;
        it.weak = true;
        push(c, out, it);
    }
}

/* ---- verbs ------------------------------------------------------------ */

#define MAX_PATTERN_WORDS 16

typedef struct match_state {
    tac_coder *c;
    tac_node *const *toks;
    uint32_t lo, hi;               /* context [lo, hi) */
    const actor_span *src, *tgt, *comp;
    const actor_span *skip;        /* the actor a '^' passed over */
    int words;                     /* words matched, for ranking */
    int tokens;                    /* actor tokens matched */
    uint32_t wfirst[MAX_PATTERN_WORDS], wlast[MAX_PATTERN_WORDS];   /* the words' places */
    uint32_t n_words;
} match_state;

/* Records where a pattern word or synset phrase matched. */
static void used_words(match_state *m, uint32_t first, uint32_t last)
{
    if (m->n_words < MAX_PATTERN_WORDS) {
        m->wfirst[m->n_words] = first;
        m->wlast[m->n_words++] = last;
    }
}

static bool phrase_at(tac_node *const *toks, uint32_t pos, uint32_t hi, const tac_phrase *ph)
{
    if (pos + ph->n > hi)
        return false;
    for (uint32_t i = 0; i < ph->n; i++)
        if (toks[pos + i]->wid != ph->words[i])
            return false;
    return true;
}

static bool compound_span(const actor_span *s)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->m->n; i++)
        n += s->m->items[i].actor != NULL;
    return n >= 2;
}

static void assign(match_state *m, uint8_t kind, const actor_span *s)
{
    if (kind == PEL_SOURCE) m->src = s;
    else if (kind == PEL_TARGET) m->tgt = s;
    else if (kind == PEL_COMPOUND) m->comp = s;
    else if (kind == PEL_SKIP) m->skip = s;
}

/* Matches els[i..] forward from pos. */
static bool match_fwd(match_state *m, const tac_pel *els, uint32_t i, uint32_t n, uint32_t pos)
{
    if (i == n)
        return true;
    const tac_pel *e = &els[i];
    const tac_dicts *d = m->c->d;
    uint32_t q_end = e->tight ? pos + 1 : m->hi;
    if (e->kind == PEL_WORD) {
        for (uint32_t q = pos; q < q_end && q < m->hi; q++)
            if (m->toks[q]->wid == e->word && match_fwd(m, els, i + 1, n, q + 1)) {
                m->words++;
                used_words(m, q, q + 1);
                return true;
            }
        return false;
    }
    if (e->kind == PEL_SYNSET) {
        const tac_synset *sy = &d->synsets[e->synset];
        for (uint32_t q = pos; q < q_end && q < m->hi; q++) {
            uint32_t p1;
            if (!tac_map_get(&d->synset_first, tac_synset_key(e->synset, m->toks[q]->wid), &p1))
                continue;
            for (; p1; p1 = sy->next_first[p1 - 1]) {
                const tac_phrase *ph = &sy->phrases[p1 - 1];
                if (phrase_at(m->toks, q, m->hi, ph) && match_fwd(m, els, i + 1, n, q + ph->n)) {
                    m->words += ph->n;
                    used_words(m, q, q + ph->n);
                    return true;
                }
            }
        }
        return false;
    }
    /* actor tokens: the first actor ending after pos (one that starts just
     * before, e.g. "their populations" after THEIR, counts) */
    for (uint32_t s = 0; s < m->c->n_mspans; s++) {
        const actor_span *sp = &m->c->mspans[s];
        if (sp->last <= pos || sp->last > m->hi || sp->first < m->lo)
            continue;
        if (e->tight && sp->first != pos)
            return false;
        if (e->kind == PEL_COMPOUND && !compound_span(sp))
            return false;
        if (!match_fwd(m, els, i + 1, n, sp->last))
            return false;
        assign(m, e->kind, sp);
        m->tokens++;
        return true;
    }
    return false;
}

/* Matches els[i..] backward: the element must end at or before pos - 1. */
static bool match_back(match_state *m, const tac_pel *els, uint32_t i, uint32_t n, uint32_t pos)
{
    if (i == n)
        return true;
    const tac_pel *e = &els[i];
    const tac_dicts *d = m->c->d;
    if (pos <= m->lo)
        return false;
    uint32_t q_min = e->tight ? pos - 1 : m->lo;
    if (e->kind == PEL_WORD) {
        for (uint32_t q = pos; q-- > q_min;)
            if (m->toks[q]->wid == e->word && match_back(m, els, i + 1, n, q)) {
                m->words++;
                used_words(m, q, q + 1);
                return true;
            }
        return false;
    }
    if (e->kind == PEL_SYNSET) {
        const tac_synset *sy = &d->synsets[e->synset];
        for (uint32_t q = pos; q-- > q_min;) {  /* q = last word of the phrase */
            uint32_t p1;
            if (!tac_map_get(&d->synset_last, tac_synset_key(e->synset, m->toks[q]->wid), &p1))
                continue;
            for (; p1; p1 = sy->next_last[p1 - 1]) {
                const tac_phrase *ph = &sy->phrases[p1 - 1];
                if (q + 1 < ph->n || q + 1 - ph->n < m->lo)
                    continue;
                if (phrase_at(m->toks, q + 1 - ph->n, q + 1, ph) &&
                    match_back(m, els, i + 1, n, q + 1 - ph->n)) {
                    m->words += ph->n;
                    used_words(m, q + 1 - ph->n, q + 1);
                    return true;
                }
            }
        }
        return false;
    }
    for (uint32_t s = m->c->n_mspans; s-- > 0;) {
        const actor_span *sp = &m->c->mspans[s];
        if (sp->first >= pos || sp->first < m->lo || sp->last > m->hi)
            continue;
        if (e->tight && sp->last != pos)
            return false;
        if (e->kind == PEL_COMPOUND && !compound_span(sp))
            return false;
        if (!match_back(m, els, i + 1, n, sp->first))
            return false;
        assign(m, e->kind, sp);
        m->tokens++;
        return true;
    }
    return false;
}

typedef struct verb_hit {
    const tac_verb_form *form;
    uint32_t vfirst, vlast;        /* the verb's words in the sentence */
    const tac_pattern *pattern;    /* best pattern, or NULL */
    const char *code;
    const actor_span *src, *tgt, *comp;
    const actor_span *comp_alt;    /* the "%" compound before the verb of the best
                                    * pattern that has one, when a longer one won */
    const actor_span *skip;        /* "(IN ^)": an actor the pattern says is none */
    uint32_t wfirst[2 * MAX_PATTERN_WORDS], wlast[2 * MAX_PATTERN_WORDS];  /* pattern words */
    uint32_t n_words;
} verb_hit;

static bool form_fits(const tac_coder *c, const tac_verb_form *f, uint32_t v, uint32_t *first,
                      uint32_t *last)
{
    tac_node *const *t = c->tree.tokens;
    if (f->n_pre > v || v + 1 + f->n_post > c->tree.n_tokens)
        return false;
    for (uint32_t i = 0; i < f->n_pre; i++)
        if (t[v - f->n_pre + i]->wid != f->pre[i])
            return false;
    for (uint32_t i = 0; i < f->n_post; i++)
        if (t[v + 1 + i]->wid != f->post[i])
            return false;
    *first = v - f->n_pre;
    *last = v + 1 + f->n_post;
    return true;
}

/* The first clause or SBAR inside vp starting at or after token `from`
 * (a complement, or a relative clause in the object: "ties [that ...]"). */
static const tac_node *first_clause_after(const tac_node *n, uint32_t from)
{
    for (uint32_t i = 0; i < n->n_kids; i++) {
        const tac_node *k = n->kids[i];
        if (k->word || k->last <= from)
            continue;
        if ((is_clause(k) || k->cat == TAC_CAT_SBAR) && k->first >= from)
            return k;
        const tac_node *inner = first_clause_after(k, from);
        if (inner)
            return inner;
    }
    return NULL;
}

/* A subjectless "to" clause: (S (VP (TO to) (VP ...))). */
static bool is_infinitive(const tac_coder *c, const tac_node *clause)
{
    return is_clause(clause) && clause->n_kids && is_vp(clause->kids[0]) &&
           c->tree.tokens[clause->first]->wid == c->wid_to && c->wid_to != TAC_WID_NONE;
}

/* Does the pattern begin its words after the verb with "TO" + a word? */
static bool spells_infinitive(const tac_coder *c, const tac_pattern *pt)
{
    return pt->n_post >= 2 && pt->post[0].kind == PEL_WORD && pt->post[0].word == c->wid_to &&
           (pt->post[1].kind == PEL_WORD || pt->post[1].kind == PEL_SYNSET);
}

/* Finds the verb's forms and its best pattern. False if not in the dictionary. */
static bool match_verb(tac_coder *c, const tac_node *verb, const tac_node *vp, verb_hit *hit)
{
    const tac_dicts *d = c->d;
    uint32_t head;
    if (!verb->wid || !tac_map_get(&d->form_index, verb->wid, &head))
        return false;
    memset(hit, 0, sizeof *hit);
    uint32_t v = verb->first;
    int best_len = -1;
    for (int32_t i = (int32_t)head; i >= 0; i = d->forms[i].next) {
        const tac_verb_form *f = &d->forms[i];
        uint32_t first, last;
        if (!form_fits(c, f, v, &first, &last))
            continue;
        int len = f->n_pre + f->n_post;
        if (len > best_len) {
            best_len = len;
            hit->form = f;
            hit->vfirst = first;
            hit->vlast = last;
        }
    }
    if (!hit->form)
        return false;
    /* PETRARCH-2 patterns describe the verb's own noun and prepositional
     * phrases, so they stop at a clausal complement; PETRARCH-1 patterns
     * read on through the rest of the verb phrase */
    uint32_t post_end = vp->last, infinitive_end = vp->last;
    if (d->petr2_patterns) {
        const tac_node *cut = first_clause_after(vp, verb->last);
        if (cut) {
            post_end = cut->first;
            /* "urged X [to release ...]": a pattern spelling out the
             * infinitive ("- * (TO RELEASE) [0253]") reads into it */
            if (!(cut->parent == vp && is_infinitive(c, cut)))
                infinitive_end = post_end;
        }
    }
    /* patterns of every block that has this exact form */
    int best_words = -1, best_comp_words = -1;
    uint32_t best_order = UINT32_MAX;
    for (int32_t i = (int32_t)head; i >= 0; i = d->forms[i].next) {
        const tac_verb_form *f = &d->forms[i];
        if (f->n_pre + f->n_post != best_len)
            continue;
        uint32_t first, last;
        if (!form_fits(c, f, v, &first, &last))
            continue;
        const tac_verb_block *b = &d->blocks[f->block];
        for (uint32_t p = 0; p < b->n_patterns; p++) {
            const tac_pattern *pt = &d->patterns[b->patterns[p]];
            if ((pt->need & c->bloom) != pt->need)
                continue;           /* a word it needs is not in the sentence */
            uint32_t hi = spells_infinitive(c, pt) ? infinitive_end : post_end;
            match_state post = {.c = c, .toks = c->tree.tokens, .lo = last, .hi = hi};
            match_state pre = {.c = c, .toks = c->tree.tokens, .lo = 0, .hi = first};
            if (!match_fwd(&post, pt->post, 0, pt->n_post, last))
                continue;
            if (!match_back(&pre, pt->pre, 0, pt->n_pre, first))
                continue;
            /* rank: words matched, then actor tokens, then adjacency ('_') */
            int tight = pt->verb_tight_pre || pt->verb_tight_post;
            for (uint32_t e = 0; e < pt->n_pre && !tight; e++)
                tight = pt->pre[e].tight;
            for (uint32_t e = 0; e < pt->n_post && !tight; e++)
                tight = pt->post[e].tight;
            int words = 4 * (pre.words + post.words) + 2 * (pre.tokens + post.tokens) + tight;
            const actor_span *comp = post.comp ? post.comp : pre.comp;
            if (comp && comp->last <= first && words > best_comp_words) {
                best_comp_words = words;
                hit->comp_alt = comp;
            }
            if (words > best_words || (words == best_words && pt->order < best_order)) {
                best_words = words;
                best_order = pt->order;
                hit->pattern = pt;
                hit->src = post.src ? post.src : pre.src;
                hit->tgt = post.tgt ? post.tgt : pre.tgt;
                hit->comp = post.comp ? post.comp : pre.comp;
                hit->skip = post.skip ? post.skip : pre.skip;
                hit->n_words = 0;
                for (uint32_t k = 0; k < pre.n_words; k++, hit->n_words++) {
                    hit->wfirst[hit->n_words] = pre.wfirst[k];
                    hit->wlast[hit->n_words] = pre.wlast[k];
                }
                for (uint32_t k = 0; k < post.n_words; k++, hit->n_words++) {
                    hit->wfirst[hit->n_words] = post.wfirst[k];
                    hit->wlast[hit->n_words] = post.wlast[k];
                }
            }
        }
    }
    if (hit->pattern) {
        hit->code = hit->pattern->code;
    } else {
        /* the verb's own code, else its block's; a multi-word form first */
        for (int32_t i = (int32_t)head; i >= 0 && !hit->code; i = d->forms[i].next) {
            const tac_verb_form *f = &d->forms[i];
            uint32_t first, last;
            if (f->n_pre + f->n_post != best_len || !form_fits(c, f, v, &first, &last))
                continue;
            const char *code = f->code ? f->code : d->blocks[f->block].code;
            if (strcmp(code, "---") != 0)
                hit->code = code;
        }
        if (!hit->code)
            hit->code = "---";
    }
    return true;
}

/* ---- sources and targets ------------------------------------------- */

static tac_node *np_before(tac_node *clause, tac_node *child)
{
    tac_node *found = NULL;
    for (uint32_t i = 0; i < clause->n_kids && clause->kids[i] != child; i++)
        if (is_np(clause->kids[i]))
            found = clause->kids[i];
    return found;
}

/* "operated a flight for guests [attending the celebrations]": a
 * subjectless participle clause after the verb's object describes that
 * object; its subject is not the verb's. */
static bool modifies_object(const tac_node *clause)
{
    const tac_node *up = clause->parent;
    if (!up || !is_vp(up) || !clause->n_kids || !is_vp(clause->kids[0]))
        return false;
    const tac_node *vp = clause->kids[0];
    if (!vp->n_kids || !is(vp->kids[0], "VBG"))
        return false;
    for (uint32_t i = 0; i < up->n_kids && up->kids[i] != clause; i++)
        if (is_np(up->kids[i]) || up->kids[i]->cat == TAC_CAT_PP)
            return true;
    return false;
}

/* The subject of vp: the NP before it in the nearest clause, climbing
 * through verb phrases and through subjectless complement clauses. */
static tac_node *subject_of(tac_node *vp)
{
    tac_node *n = vp;
    while (n->parent) {
        tac_node *p = n->parent;
        if (is_vp(p)) {
            n = p;
            continue;
        }
        if (is_clause(p)) {
            tac_node *np = np_before(p, n);
            if (np)
                return np;
            if (modifies_object(p))
                return NULL;
            if (p->parent && (is_vp(p->parent) || is(p->parent, "SBAR"))) {
                n = p;
                continue;
            }
            return NULL;
        }
        if (is(p, "SBAR") && p->parent && (is_vp(p->parent) || is_clause(p->parent))) {
            n = p;
            continue;
        }
        return NULL;
    }
    return NULL;
}

static const char *const BE_FORMS[] = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING",
                                        "AM", "'S", "GET", "GOT", "GETS", NULL};

static tac_node *head_verb(const tac_node *vp)
{
    for (uint32_t i = 0; i < vp->n_kids; i++)
        if (is_verb_tag(vp->kids[i]) || is(vp->kids[i], "MD") || is(vp->kids[i], "TO"))
            return is_verb_tag(vp->kids[i]) ? vp->kids[i] : NULL;
    return NULL;
}

static tac_node *by_phrase_np(tac_node *pp)
{
    if (!is(pp, "PP") || !pp->n_kids || !pp->kids[0]->word ||
        !(tac_str_iequal(pp->kids[0]->word, "by") || tac_str_iequal(pp->kids[0]->word, "from")))
        return NULL;
    for (uint32_t j = 0; j < pp->n_kids; j++)
        if (is_np(pp->kids[j]))
            return pp->kids[j];
    return NULL;
}

/* "was arrested", "were attacked": a participle under a form of "be". */
static bool is_passive(tac_node *verb, tac_node *vp)
{
    if (!is(verb, "VBN"))
        return false;
    bool aux = false;
    for (tac_node *p = vp->parent; p && is_vp(p) && !aux; p = p->parent) {
        tac_node *h = head_verb(p);
        aux = h && word_is(h, BE_FORMS);
    }
    return aux;
}

/* "was opposed by X": the NP of a "by" phrase in a passive verb phrase. */
static tac_node *complement_vp(tac_node *vp);

/* The NP of a "by" phrase among vp's children (or inside an ADVP). */
static tac_node *by_child(tac_node *vp)
{
    for (uint32_t i = 0; i < vp->n_kids; i++) {
        tac_node *k = vp->kids[i];
        tac_node *np = by_phrase_np(k);
        for (uint32_t j = 0; !np && is(k, "ADVP") && j < k->n_kids; j++)
            np = by_phrase_np(k->kids[j]);
        if (np)
            return np;
    }
    return NULL;
}

static tac_node *passive_agent(tac_node *verb, tac_node *vp)
{
    if (!is_passive(verb, vp))
        return NULL;
    tac_node *np = by_child(vp);
    if (np)
        return np;
    /* "was forced [to resign by the army]": the parser hangs the passive's
     * "by" phrase on the complement's verb, which takes no agent of its own */
    tac_node *low = complement_vp(vp);
    return low ? by_child(low) : NULL;
}

/* "killed by [a roadside bomb planted by Taliban militants]": an agent that
 * names no actor hands over to the "by" phrase of the participle that
 * describes it (a few levels at most). */
static tac_node *named_agent(tac_coder *c, tac_node *np)
{
    for (int depth = 0; depth < 3 && !names_actor(np_meaning(c, np)); depth++) {
        tac_node *inner = NULL;
        for (uint32_t i = 0; i < np->n_kids && !inner; i++) {
            tac_node *k = np->kids[i];
            if (is_vp(k) && k->n_kids && is(k->kids[0], "VBN"))
                inner = by_child(k);
        }
        if (!inner)
            break;
        np = inner;
    }
    return np;
}

/* A passive with no agent in which the subject undergoes the act ("were
 * arrested", "have been killed"). Not the participles that say a state of
 * their subject ("were engaged in", "is prepared to") and not one with a
 * clause after it ("was forced to resign"): there the subject acts. */
static bool agentless_passive(tac_node *verb, tac_node *vp)
{
    static const char *const STATIVE[] = {
        "ENGAGED", "INVOLVED", "PREPARED", "DETERMINED", "COMMITTED", "OPPOSED",
        "CONCERNED", "INTERESTED", "WORRIED", "ALARMED", "PLEASED", "SATISFIED",
        "DISAPPOINTED", "DEDICATED", "BASED", "LOCATED", "SITUATED", "POISED", "SET",
        "SCHEDULED", "EXPECTED", "SUPPOSED", "ALLOWED", "ENTITLED", "ABLE", "USED",
        "DIVIDED", "UNITED", "ALLIED", "ASSOCIATED", "AFFILIATED", "LINKED", "TIED",
        "CONVINCED", "RESOLVED", "INCLINED", "BOUND", NULL};
    return is_passive(verb, vp) && !word_is(verb, STATIVE) && !complement_vp(vp);
}

static const meaning *meaning_of_np(tac_coder *c, tac_node *np)
{
    return np ? np_meaning(c, np) : &EMPTY;
}

/* Are the three letters at g an agent code of the dictionaries ("GOV")? */
static bool is_agent_code(const tac_coder *c, const char *g)
{
    uint32_t v;
    return tac_map_get(&c->d->agent_codes, tac_code3_key(g), &v);
}

/* A place actor's code without the agents that follow its country root
 * ("KENGOV" -> "KEN"); codes whose tail is not an agent ("IGOUNO") stay. */
static const char *place_country(tac_coder *c, const char *code)
{
    size_t n = strlen(code), cut = n;
    while (cut >= 6 && (cut - 3) % 3 == 0 && is_agent_code(c, code + cut - 3))
        cut -= 3;
    return cut == n ? code : tac_arena_strndup(&c->arena, code, cut);
}

/* "outlawed the extremist organization [in Northern Ireland]", "a truce
 * with Moslem forces [in east Bosnia]": the shallow parser attaches a
 * prepositional phrase after the object to the verb, so an agent-only
 * target does not see the place that says whose it is, as it would inside
 * its noun phrase ("refugees in Liberia" = LBRREF). An agent-only target
 * followed, in the verb phrase, by "in" + an actor takes that actor, with
 * its own agents. (Only "in": "withdrew troops from Chad" are not Chad's.) */
static const meaning *target_meaning(tac_coder *c, const actor_span *s)
{
    if (!s)
        return &EMPTY;
    if (!c->d->petr2_patterns || names_actor(s->m))
        return s->m;
    const tac_node *n = s->node;
    if (n->parent && n->parent->cat == TAC_CAT_PP)
        n = n->parent;
    const tac_node *vp = n->parent;
    if (!is_vp(vp))
        return s->m;
    uint32_t i = 0;
    while (i < vp->n_kids && vp->kids[i] != n)
        i++;
    const tac_node *pp = i + 1 < vp->n_kids ? vp->kids[i + 1] : NULL;
    if (!pp || pp->cat != TAC_CAT_PP || !pp->n_kids || !is(pp->kids[0], "IN") ||
        !tac_str_iequal(pp->kids[0]->word, "in"))
        return s->m;
    const meaning *place = pp_meaning(c, (tac_node *)pp);
    if (!names_actor(place))
        return s->m;
    item_list out = {0};
    for (uint32_t a = 0; a < place->n; a++) {
        if (!place->items[a].actor || place->items[a].weak)
            continue;
        for (uint32_t g = 0; g < s->m->n; g++) {
            code_item it = place->items[a];
            /* the place says whose they are, not that they are its
             * government: "protesters in Nairobi" (NAIROBI = KENGOV) are
             * KENOPP, not KENGOVOPP */
            it.actor = place_country(c, it.actor);
            it.prefix = it.suffix = NULL;
            it.prefix = with_agent(c, &it, s->m->items[g].prefix, true);
            it.suffix = with_agent(c, &it, s->m->items[g].suffix, false);
            push(c, &out, it);
        }
    }
    meaning *m = out.n ? tac_arena_alloc(&c->arena, sizeof *m) : NULL;
    if (!m)
        return s->m;
    *m = (meaning){out.v, out.n};
    return m;
}

/* A pattern's actor token that landed on the possessor of a larger
 * description ("met [Vietnam 's] prime minister") means the whole
 * description (VNMGOV), as it does when the phrase is the subject. */
static const meaning *whole_description(tac_coder *c, const actor_span *s)
{
    const tac_node *n = s->node;
    if (!n || !is_np(n) || !n->n_kids || !is(n->kids[n->n_kids - 1], "POS"))
        return s->m;
    tac_node *up = n->parent;
    if (!up || !is_np(up) || up->kids[0] != n)
        return s->m;
    const meaning *whole = np_meaning(c, up);
    return names_actor(whole) ? whole : s->m;
}

/* Is vp inside the subjectless complement of a verb phrase that coded? */
static bool covered(tac_coder *c, tac_node *vp)
{
    tac_node *n = vp;
    while (n->parent) {
        tac_node *p = n->parent;
        if (is_vp(p) && c->coded_vp[p->index])
            return true;
        n = p;
    }
    return false;
}

/* ---- events ----------------------------------------------------------- */

static void split_root(tac_coder *c, const char *code, const char **root, const char **agent)
{
    size_t n = strlen(code);
    *root = tac_arena_strndup(&c->arena, code, n < 3 ? n : 3);
    *agent = "";
    for (size_t i = 3; i + 3 <= n; i += 3) {
        if (is_agent_code(c, code + i)) {
            *agent = tac_arena_strndup(&c->arena, code + i, 3);
            return;
        }
    }
}

static void emit(tac_coder *c, const code_item *s, const code_item *t, const char *cameo,
                 const verb_hit *hit)
{
    const char *src = s ? full_code(c, s) : "---";
    const char *tgt = t ? full_code(c, t) : "---";
    if (s && t && !strcmp(src, tgt))
        return;
    for (size_t i = 0; i < c->n_events; i++)      /* no duplicates */
        if (!strcmp(c->events[i].source, src) && !strcmp(c->events[i].target, tgt) &&
            !strcmp(c->events[i].cameo, cameo))
            return;
    if (c->n_events == c->cap_events) {
        size_t cap = c->cap_events ? c->cap_events * 2 : 16;
        tac_event *ev = tac_arena_alloc(&c->arena, cap * sizeof *ev);
        if (!ev)
            return;
        if (c->n_events)
            memcpy(ev, c->events, c->n_events * sizeof *ev);
        c->events = ev;
        c->cap_events = cap;
    }
    tac_event *e = &c->events[c->n_events++];
    memset(e, 0, sizeof *e);
    e->doc_id = c->in->doc_id ? c->in->doc_id : "";
    e->sentence = c->in->sentence;
    e->date = c->date_text;
    e->source = src;
    split_root(c, src, &e->source_root, &e->source_agent);
    e->target = tgt;
    split_root(c, tgt, &e->target_root, &e->target_agent);
    e->cameo = cameo;
    e->issues = c->issues;
    e->text = c->in->text ? c->in->text : "";
    if (hit->pattern) {
        e->verb_pattern = tac_arena_printf(&c->arena, "%s: %s", hit->form->lemma,
                                           hit->pattern->text);
        e->verb_where = hit->pattern->where;
    } else {
        e->verb_pattern = hit->form->lemma;
        e->verb_where = hit->form->where;
    }
    e->source_entry = s && s->entry ? s->entry : "";
    e->target_entry = t && t->entry ? t->entry : "";
}

static bool usable(const tac_coder *c, const meaning *m)
{
    (void)c;
    return m && m->n > 0;
}

/* Emits source x target events for one verb; true if any came out. */
static bool make_events(tac_coder *c, const meaning *src, const meaning *tgt, const char *code,
                        const verb_hit *hit, bool src_np, bool tgt_np)
{
    if (!strcmp(code, "---") || !strcmp(code, "###"))
        return false;
    bool has_src = usable(c, src), has_tgt = usable(c, tgt);
    if (c->opt.require_dyad && (!has_src || !has_tgt))
        return false;
    /* without require_dyad an uncoded noun phrase stands in as "---", but
     * there must be one */
    if (!has_src && !has_tgt)
        return false;
    if ((!has_src && !src_np) || (!has_tgt && !tgt_np))
        return false;
    char first[32], second[32];
    const char *colon = strchr(code, ':');
    snprintf(first, sizeof first, "%.*s", (int)(colon ? colon - code : (long)strlen(code)), code);
    snprintf(second, sizeof second, "%s", colon ? colon + 1 : "");
    const char *c1 = tac_arena_strdup(&c->arena, first);
    const char *c2 = tac_arena_strdup(&c->arena, second);
    size_t before = c->n_events;
    uint32_t ns = has_src ? src->n : 1, nt = has_tgt ? tgt->n : 1;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t j = 0; j < nt; j++) {
            const code_item *s = has_src ? &src->items[i] : NULL;
            const code_item *t = has_tgt ? &tgt->items[j] : NULL;
            if (*c1)                /* "[:100]": only the reverse event */
                emit(c, s, t, c1, hit);
            if (*c2 && s && t)
                emit(c, t, s, c2, hit);
        }
    return c->n_events > before;
}

static bool code_compound(tac_coder *c, const meaning *m, const char *code, const verb_hit *hit)
{
    size_t before = c->n_events;
    for (uint32_t i = 0; i < m->n; i++)
        for (uint32_t j = 0; j < m->n; j++) {
            if (i == j)
                continue;
            meaning a = {&m->items[i], 1}, b = {&m->items[j], 1};
            char first[32];
            const char *colon = strchr(code, ':');
            snprintf(first, sizeof first, "%.*s",
                     (int)(colon ? colon - code : (long)strlen(code)), code);
            make_events(c, &a, &b, tac_arena_strdup(&c->arena, first), hit, true, true);
        }
    return c->n_events > before;
}

/* Is every code of m also a code of src? */
static bool same_actors(tac_coder *c, const meaning *m, const meaning *src)
{
    if (!src || !src->n)
        return false;
    for (uint32_t i = 0; i < m->n; i++) {
        const char *a = full_code(c, &m->items[i]);
        bool found = false;
        for (uint32_t j = 0; j < src->n && !found; j++)
            found = !strcmp(a, full_code(c, &src->items[j]));
        if (!found)
            return false;
    }
    return true;
}

static const actor_span *free_target_in(tac_coder *c, const verb_hit *hit,
                                        const tac_node *vp, const meaning *src, bool own_clause);

/* The target of a verb: with PETRARCH-2 patterns, an actor of the verb's
 * own clause first, then one of the clauses below it; PETRARCH-1 (TABARI)
 * takes the first actor after the verb wherever it is. */
static const actor_span *free_target(tac_coder *c, const verb_hit *hit, const tac_node *vp,
                                     const meaning *src)
{
    const actor_span *t = NULL;
    if (c->d->petr2_patterns)
        t = free_target_in(c, hit, vp, src, true);
    return t ? t : free_target_in(c, hit, vp, src, false);
}

/* "..., according to a source close to South Korea's armed forces": who
 * reported the event is not its target. Looks at the words, not the
 * attachment, which parsers often get wrong here: "according to" between
 * the verb and the actor. */
static bool in_attribution(const tac_coder *c, uint32_t verb_last, const tac_node *n)
{
    for (uint32_t i = verb_last; i + 1 < n->first; i++)
        if (tac_str_iequal(c->tree.tokens[i]->word, "according") &&
            tac_str_iequal(c->tree.tokens[i + 1]->word, "to"))
            return true;
    return false;
}

/* Inside a relative clause below vp ("ties [that North Korea strained]")? */
static bool in_relative_clause(const tac_node *n, const tac_node *vp)
{
    for (const tac_node *p = n->parent; p && p != vp; p = p->parent)
        if (p->cat == TAC_CAT_SBAR && p->n_kids && !strncmp(p->kids[0]->label, "WH", 2))
            return true;
    return false;
}

/* "visited Beijing [to attend events marking Japan's surrender]": a clause
 * below the verb's phrase has its own verb; its actors are not this verb's
 * target (verb + verb combinations look into it on purpose). */
static bool in_lower_clause(const tac_node *n, const tac_node *vp)
{
    for (const tac_node *p = n->parent; p && p != vp; p = p->parent)
        if (is_clause(p) || p->cat == TAC_CAT_SBAR)
            return true;
    return false;
}

/* The first actor after the verb, inside its phrase, that is not the source. */
static const actor_span *first_target(tac_coder *c, uint32_t from, uint32_t to,
                                      const meaning *src)
{
    for (uint32_t i = 0; i < c->n_spans; i++) {
        const actor_span *s = &c->spans[i];
        if (s->first < from || s->last > to || in_attribution(c, from, s->node))
            continue;
        if (same_actors(c, s->m, src))
            continue;
        return s;
    }
    return NULL;
}

/* Is the span only an agent ("---MIL") that holds a word the verb's
 * pattern matched? */
static bool holds_pattern_word(const verb_hit *hit, const actor_span *s)
{
    for (uint32_t i = 0; i < s->m->n; i++)
        if (s->m->items[i].actor)
            return false;
    for (uint32_t k = 0; k < hit->n_words; k++)
        if (hit->wfirst[k] < s->last && hit->wlast[k] > s->first)
            return true;
    return false;
}

/* first_target for a verb whose pattern matched words after it: an
 * agent-only phrase made of words the pattern spelt out ("held a military
 * parade") is part of the event, not its target; the smallest coded noun
 * phrases inside it still count. Actors keep their place ("rejected a
 * United Nations appeal"). */
/* "Syria denied that [its forces] attacked Turkey": a phrase coded only
 * through a pronoun that names the source itself is the source's own
 * (its forces, their army), not another actor (news dictionaries). */
static bool sources_own(const tac_coder *c, const meaning *m, const meaning *src)
{
    if (!c->d->petr2_patterns || !m->n || !src || !src->n)
        return false;
    for (uint32_t i = 0; i < m->n; i++) {
        const code_item *it = &m->items[i];
        if (!it->weak || !it->actor)
            return false;
        bool found = false;
        for (uint32_t j = 0; j < src->n && !found; j++)
            found = src->items[j].actor && !strncmp(it->actor, src->items[j].actor, 3);
        if (!found)
            return false;
    }
    return true;
}

static const actor_span *free_target_in(tac_coder *c, const verb_hit *hit,
                                        const tac_node *vp, const meaning *src, bool own_clause)
{
    for (uint32_t i = 0; i < c->n_spans; i++) {
        const actor_span *s = &c->spans[i];
        if (hit->skip && s->first >= hit->skip->first && s->last <= hit->skip->last)
            continue;           /* "held talks (IN ^)": the place is no target */
        if (s->first < hit->vlast || s->last > vp->last || same_actors(c, s->m, src) ||
            sources_own(c, s->m, src) ||
            in_attribution(c, hit->vlast, s->node) ||
            (own_clause ? in_lower_clause(s->node, vp)
                        : c->d->petr2_patterns && in_relative_clause(s->node, vp)))
            continue;
        if (!holds_pattern_word(hit, s))
            return s;
        for (uint32_t j = 0; j < c->n_mspans; j++) {
            const actor_span *ms = &c->mspans[j];
            if (ms->first >= s->first && ms->last <= s->last && !holds_pattern_word(hit, ms) &&
                !same_actors(c, ms->m, src))
                return ms;
        }
    }
    return NULL;
}

static const actor_span *first_other_actor(tac_coder *c, const actor_span *not_this)
{
    for (uint32_t i = 0; i < c->n_spans; i++)
        if (&c->spans[i] != not_this)
            return &c->spans[i];
    return NULL;
}

/* ---- verb + verb ------------------------------------------------------ */

/* The CAMEO family a lower verb's code belongs to, for combinations. */
enum { FAM_NONE, FAM_MEET, FAM_DIPLO, FAM_MATERIAL, FAM_AID, FAM_YIELD, FAM_FORCE };

static int code_family(const char *code)
{
    if (!code || !isdigit((unsigned char)code[0]) || !isdigit((unsigned char)code[1]))
        return FAM_NONE;
    int top = (code[0] - '0') * 10 + (code[1] - '0');
    switch (top) {
    case 4: return FAM_MEET;
    case 5: return FAM_DIPLO;
    case 6: return FAM_MATERIAL;
    case 7: return FAM_AID;
    case 8: return FAM_YIELD;
    case 18: case 19: case 20: return FAM_FORCE;
    default: return FAM_NONE;
    }
}

/* "agreed to visit", "threatened to attack": an upper verb of the appeal,
 * intend, demand, reject or threaten families takes the CAMEO sub-code
 * named by the lower verb's family (PETRARCH-2's combinations, expressed
 * directly in CAMEO), down to the fourth digit when the lower code names
 * one ("urged X to release prisoners": 02 + 0841 = 0253). NULL when CAMEO
 * has no such combination. The result is a static string. */
static const char *combine_codes(const char *upper, const char *lower)
{
    static const struct { const char *top; const char *by_family[7]; } table[] = {
        /*            none  meet   diplo  material aid    yield  force */
        {"02", {NULL, "026", "022", "021", "023", "025", NULL}},
        {"03", {NULL, "036", "032", "031", "033", "035", NULL}},
        {"10", {NULL, "108", "102", "101", "103", "105", NULL}},
        {"12", {NULL, "125", NULL, "121", "122", "124", NULL}},
        {"13", {NULL, NULL, NULL, NULL, NULL, NULL, "138"}},
    };
    /* per upper family: "accede to reform" (083) and the fourth digits */
    static const struct { const char *reform; const char *sub[3][8]; } fine[] = {
        /* material 061-064, aid 071-074, yield 081..087 (083 = reform) */
        {"024", {{NULL, "0211", "0212", "0213", "0214"},
                 {NULL, "0231", "0232", "0233", "0234"},
                 {NULL, "0251", "0252", NULL, "0253", "0254", "0255", "0256"}}},
        {"034", {{NULL, "0311", "0312", "0313", "0314"},
                 {NULL, "0331", "0332", "0333", "0334"},
                 {NULL, "0351", "0352", NULL, "0353", "0354", "0355", "0356"}}},
        {"104", {{NULL, "1011", "1012", "1013", "1014"},
                 {NULL, "1031", "1032", "1033", "1034"},
                 {NULL, "1051", "1052", NULL, "1053", "1054", "1055", "1056"}}},
        {"123", {{NULL, "1211", "1212", "1213", "1214"},
                 {NULL, "1221", "1222", "1223", "1224"},
                 {NULL, "1241", "1242", NULL, "1243", "1244", "1245", "1246"}}},
    };
    int fam = code_family(lower);
    if (fam == FAM_NONE || !upper || strlen(upper) < 3)
        return NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strncmp(upper, table[i].top, 2) != 0)
            continue;
        int d = isdigit((unsigned char)lower[2]) ? lower[2] - '0' : 0;
        int row = fam == FAM_MATERIAL ? 0 : fam == FAM_AID ? 1 : fam == FAM_YIELD ? 2 : -1;
        if (row >= 0 && d > 0 && i < sizeof fine / sizeof fine[0]) {
            if (row == 2 && d == 3)
                return fine[i].reform;
            if (d < 8 && fine[i].sub[row][d])
                return fine[i].sub[row][d];
        }
        return table[i].by_family[fam];
    }
    return NULL;
}

/* Is the code its family's general one ("020", "120"), which a complement
 * verb may refine, rather than a sub-code a pattern chose ("0253")? */
static bool general_code(const char *code)
{
    return code && strlen(code) == 3 && code[2] == '0';
}

/* "will not meet" = "refuse to meet": the reject (12) sub-code of a
 * cooperative code, or NULL. */
static const char *negate_code(const char *code)
{
    return combine_codes("120", code);
}

/* A negated verb of a clause that is not a complement ("Iran did not
 * attack Iraq", "has not agreed to meet", "would never accept the
 * proposal"): cooperation refused is its rejection (negate_code); an
 * intent withdrawn is the matching rejection (03x -> 12x: 031 -> 121, 033
 * -> 122, 034 -> 123, 035x -> 124x, 036 -> 125, 037 -> 127, 038/039 ->
 * 126); anything else did not happen and is no event ("---"). With
 * PETRARCH-1 (TABARI) dictionaries the code stays, as their records
 * expect. */
static const char *negate_act(const tac_coder *c, const char *code)
{
    const char *neg = negate_code(code);
    if (neg)
        return neg;
    if (!c->d->petr2_patterns)
        return code;
    if (code && code[0] == '0' && code[1] == '3' && isdigit((unsigned char)code[2])) {
        static const char *const reject[] = {"120", "121", "120", "122", "123",
                                             "124", "125", "127", "126", "126"};
        if (code[2] == '1' && isdigit((unsigned char)code[3])) {   /* 0311 -> 1211 */
            static const char *const fine[] = {"121", "1211", "1212", "1213", "1214"};
            return code[3] - '0' <= 4 ? fine[code[3] - '0'] : "121";
        }
        if (code[2] == '5' && isdigit((unsigned char)code[3])) {   /* 0353 -> 1243 */
            static const char *const fine[] = {"124", "1241", "1242", "1243",
                                               "1244", "1245", "1246"};
            return code[3] - '0' <= 6 ? fine[code[3] - '0'] : "124";
        }
        return reject[code[2] - '0'];
    }
    return "---";
}

/* One code (no ':') of an act announced for the future ("X will withdraw
 * its troops", "said it would boycott the talks"): CAMEO codes the
 * announcement, not the act, which has not happened. Cooperation becomes
 * the intent to cooperate (03x, with the sub-code the act names: "will
 * release" = 0353, "will give aid" = 033); reducing relations, coercion
 * and force become the matching threat (13x: "will withdraw its
 * peacekeepers" = 136, "would blockade" = 1381). Statements, appeals,
 * demands, accusations, rejections, threats and force postures (01-02,
 * 09-13, 15) are speech acts or states already and stay. So do meetings
 * and visits (04): news announces them ahead ("Premier Li will make a visit
 * to Pyongyang from Thursday") and reports them as the visit, which the
 * document stage dates on its day. */
static const char *future_one(const char *code)
{
    if (!code || !isdigit((unsigned char)code[0]) || !isdigit((unsigned char)code[1]))
        return code;
    int top = (code[0] - '0') * 10 + (code[1] - '0');
    int sub = isdigit((unsigned char)code[2]) ? code[2] - '0' : 0;
    bool fourth = isdigit((unsigned char)code[2]) && isdigit((unsigned char)code[3]);
    switch (top) {
    case 5: case 6: case 7: case 8: {
        const char *intent = combine_codes("030", code);
        return intent ? intent : code;
    }
    case 14: return "133";                     /* threaten political dissent */
    case 16: {
        /* 161 relations, 162 aid, 163 sanctions, 164 negotiations,
         * 165 mediation, 166 international involvement */
        static const char *const threat[] = {"131", "1313", "1311", "1312", "134", "135", "136"};
        return sub <= 6 ? threat[sub] : "131";
    }
    case 17:
        if (sub == 2) {                         /* 172x administrative sanctions: 132x */
            static const char *const adm[] = {"132", "1321", "1322", "1323", "1324"};
            int d = fourth ? code[3] - '0' : 0;
            return d <= 4 ? adm[d] : "132";
        }
        return sub == 5 ? "137" : "130";        /* 175 repression: 137 */
    case 18: return "1383";                    /* unconventional violence */
    case 19: return sub == 1 ? "1381" : sub == 2 ? "1382" : "1384";
    case 20: return sub == 4 ? "1385" : "138";
    default: return code;
    }
}

/* future_one for each side of a "042:043" code. */
static const char *future_code(tac_coder *c, const char *code)
{
    const char *colon = code ? strchr(code, ':') : NULL;
    if (!colon)
        return future_one(code);
    const char *first = tac_arena_strndup(&c->arena, code, (size_t)(colon - code));
    const char *a = *first ? future_one(first) : "";
    const char *b = colon[1] ? future_one(colon + 1) : "";
    return tac_arena_printf(&c->arena, "%s:%s", a ? a : "", b ? b : "");
}

/* Modal auxiliaries that put the verb in the future ("will", "would",
 * "shall", "'ll", "wo" of "won't"), and those of obligation. */
static const char *const FUTURE_MODALS[] = {"WILL", "WOULD", "SHALL", "'LL", "WO", NULL};
static const char *const MUST_MODALS[] = {"MUST", NULL};
static const char *const SHOULD_MODALS[] = {"SHOULD", "OUGHT", NULL};

/* Is the verb of vp under one of these modals in its own clause ("[will]
 * [withdraw]", "would not be [rushed]")? */
static bool has_modal(const tac_node *verb, const tac_node *vp, const char *const *modals)
{
    for (const tac_node *p = vp; p && is_vp(p); p = p->parent)
        for (uint32_t i = 0; i < p->n_kids && p->kids[i]->first < verb->first; i++)
            if (is(p->kids[i], "MD") && word_is(p->kids[i], modals))
                return true;
    return false;
}

static const char *const NEGATIONS[] = {"NOT", "N'T", "NEVER", NULL};

/* Is vp (or an auxiliary above it) negated? "not only attacked X but
 * also ..." is no negation. */
static bool negated(const tac_coder *c, const tac_node *vp)
{
    static const char *const ONLY[] = {"ONLY", "MERELY", "JUST", NULL};
    for (const tac_node *p = vp; p && is_vp(p); p = p->parent)
        for (uint32_t i = 0; i < p->n_kids; i++) {
            const tac_node *k = p->kids[i];
            if (!k->word || strncmp(k->label, "RB", 2) != 0 || !word_is(k, NEGATIONS))
                continue;
            if (k->last < c->tree.n_tokens && word_is(c->tree.tokens[k->last], ONLY))
                continue;
            return true;
        }
    return false;
}

/* Steps from "to"/modal verb phrases down to the one with the verb. */
static const char *const AUXILIARIES[] = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING",
                                           "AM", "'S", "'RE", "HAS", "HAVE", "HAD", "'VE", "DO",
                                           "DOES", "DID", NULL};

static bool has_vp_kid(const tac_node *vp)
{
    for (uint32_t j = 0; j < vp->n_kids; j++)
        if (is_vp(vp->kids[j]))
            return true;
    return false;
}

static tac_node *through_auxiliaries(tac_node *vp)
{
    while (vp && (!head_verb(vp) || (word_is(head_verb(vp), AUXILIARIES) && has_vp_kid(vp)))) {
        tac_node *next = NULL;
        for (uint32_t j = 0; j < vp->n_kids && !next; j++)
            if (is_vp(vp->kids[j]))
                next = vp->kids[j];
        vp = next;
    }
    return vp;
}

/* The verb phrase of vp's subjectless complement ("agreed [to visit X]"). */
static tac_node *complement_vp(tac_node *vp)
{
    for (uint32_t i = 0; i < vp->n_kids; i++) {
        tac_node *k = vp->kids[i];
        if (is_clause(k) && !np_before(k, NULL)) {
            for (uint32_t j = 0; j < k->n_kids; j++)
                if (is_vp(k->kids[j]))
                    return through_auxiliaries(k->kids[j]);
        }
        if (is_vp(k) && k->n_kids && is(k->kids[0], "TO"))
            return through_auxiliaries(k);
    }
    return NULL;
}

/* Is there a (non-temporal) noun phrase in vp after token `from`? */
static bool np_after(const tac_node *vp, uint32_t from)
{
    for (uint32_t i = 0; i < vp->n_kids; i++) {
        const tac_node *k = vp->kids[i];
        if (k->word || k->last <= from)
            continue;
        if (is_np(k) && !k->temporal && k->first >= from)
            return true;
        if (!is_vp(k) && np_after(k, from))
            return true;
    }
    return false;
}

/* The first (outermost) non-temporal noun phrase in vp after token `from`. */
static tac_node *first_np_after(tac_node *n, uint32_t from)
{
    for (uint32_t i = 0; i < n->n_kids; i++) {
        tac_node *k = n->kids[i];
        if (k->word || k->last <= from || k->first < from)
            continue;
        if (is_np(k) && !k->temporal)
            return k;
        if (is_vp(k) || is_clause(k) || is(k, "SBAR"))
            continue;
        tac_node *inner = first_np_after(k, from);
        if (inner)
            return inner;
    }
    return NULL;
}

/* What one verb says before any event is made. */
typedef struct analysis {
    verb_hit       hit;
    tac_node      *subj, *by;
    bool           passive;            /* by: its agent, when named */
    const meaning *src, *tgt;
    bool           src_np, tgt_np;     /* a noun phrase stands in those places */
    const char    *code;
    bool           future;             /* announced, not done: see future_code */
    const actor_span *tgt_span;        /* where a free target came from, or NULL */
    code_item      fresh_src, fresh_tgt;
    meaning        ms, mt;
} analysis;

/* "Iran [is going / is about / is set / is due / is poised / is likely /
 * plans / wants / aims] to attack Iraq": the head word of a subjectless
 * "to" clause that announces what its subject will do. 1: vp is such a
 * clause's verb phrase, -1: and the head is negated ("is not going to"),
 * 0: neither. Coding verbs of the dictionary (intend, prepare, threaten)
 * cover their complements and never get here. */
static int announced_by_head(const tac_coder *c, const tac_node *vp)
{
    static const char *const HEADS[] = {
        "GOING", "ABOUT", "SET", "DUE", "POISED", "SCHEDULED", "LIKELY", "PLAN", "PLANS",
        "PLANNED", "PLANNING", "WANT", "WANTS", "WANTED", "WANTING", "AIM", "AIMS", "AIMED",
        "AIMING", NULL};
    const tac_node *n = vp;
    while (n->parent && is_vp(n->parent))
        n = n->parent;
    const tac_node *clause = n->parent;
    if (!is_clause(clause) || np_before((tac_node *)clause, (tac_node *)n) ||
        c->tree.tokens[clause->first]->wid != c->wid_to || c->wid_to == TAC_WID_NONE)
        return 0;
    const tac_node *up = clause->parent;
    if (!up || !(is_vp(up) || is(up, "ADJP")))
        return 0;
    const tac_node *head = NULL;
    for (uint32_t i = 0; i < up->n_kids && up->kids[i] != clause; i++)
        head = up->kids[i];
    if (!head || !head->word || !word_is(head, HEADS))
        return 0;
    if (is(up, "ADJP"))
        up = up->parent;
    return up && is_vp(up) && negated(c, up) ? -1 : 1;
}

/* Did the verb's form or pattern spell out the negation itself ("- NOT *
 * [...]", "&NEGATION")? Then its code already means the negated act. */
static bool spells_negation(const tac_coder *c, const verb_hit *hit)
{
    tac_node *const *t = c->tree.tokens;
    for (uint32_t i = hit->vfirst; i < hit->vlast; i++)
        if (word_is(t[i], NEGATIONS))
            return true;
    for (uint32_t k = 0; k < hit->n_words; k++)
        for (uint32_t i = hit->wfirst[k]; i < hit->wlast[k]; i++)
            if (word_is(t[i], NEGATIONS))
                return true;
    return false;
}

/* "Iran [condemned] and [criticized Israel]": a conjunct verb phrase with
 * nothing after its verb but adverbs and particles shares the object of
 * the verb phrase conjoined after it; returns that phrase (with news
 * dictionaries; TABARI's records read flat word lists). */
static bool has_strong_item(const meaning *m)
{
    for (uint32_t i = 0; i < m->n; i++)
        if (!m->items[i].weak)
            return true;
    return false;
}

static const tac_node *shared_object_conjunct(const tac_coder *c, const tac_node *vp)
{
    const tac_node *up = vp->parent;
    if (!c->d->petr2_patterns || !is_vp(up))
        return NULL;
    uint32_t i = 0;
    while (i < up->n_kids && up->kids[i] != vp)
        i++;
    if (i + 2 >= up->n_kids || !is(up->kids[i + 1], "CC") || !is_vp(up->kids[i + 2]))
        return NULL;
    bool verb_seen = false;
    for (uint32_t k = 0; k < vp->n_kids; k++) {
        const tac_node *kid = vp->kids[k];
        if (is_verb_tag(kid)) {
            verb_seen = true;
            continue;
        }
        if (verb_seen && !is(kid, "ADVP") && !is(kid, "PRT") && strncmp(kid->label, "RB", 2) != 0)
            return NULL;
    }
    return up->kids[i + 2];
}

/* "Zhao Leji traveled there": a visit whose place is the adverb "there"
 * goes to the country the document named last (the document memory
 * resolves it); only for visits, where the place is the other party. */
static void visit_there(tac_coder *c, const tac_node *vp, const verb_hit *hit, analysis *a)
{
    for (uint32_t i = hit->vlast; i < vp->last; i++) {
        const tac_node *t = c->tree.tokens[i];
        if (!is(t, "RB") || !tac_str_iequal(t->word, "there"))
            continue;
        item_list found = {0};
        resolve_mention(c, i, 1, false, &found);
        meaning *m = found.n ? tac_arena_alloc(&c->arena, sizeof *m) : NULL;
        if (m) {
            *m = (meaning){found.v, found.n};
            a->tgt = m;
            a->tgt_np = true;
        }
        return;
    }
}

/* Is the span the object of the preposition `prep` ("in Pakistan")? */
static bool object_of(const actor_span *s, const char *prep)
{
    const tac_node *pp = s && s->node ? s->node->parent : NULL;
    return pp && pp->cat == TAC_CAT_PP && pp->n_kids && is(pp->kids[0], "IN") &&
           tac_str_iequal(pp->kids[0]->word, prep);
}

/* "in Pakistan": a place, not a party. */
static bool located_in(const actor_span *s)
{
    return object_of(s, "in");
}

/* "met in Havana", "at the UN headquarters": where the event happened. */
static bool where_it_happened(const actor_span *s)
{
    return object_of(s, "in") || object_of(s, "at");
}

/* Finds the verb's code, source and target. False: not a coding verb. */
static bool analyze(tac_coder *c, tac_node *verb, tac_node *vp, analysis *a)
{
    memset(a, 0, sizeof *a);        /* arena memory: every field starts unset */
    verb_hit *hit = &a->hit;
    if (!match_verb(c, verb, vp, hit) || !strcmp(hit->code, "---"))
        return false;
    a->subj = subject_of(vp);
    if (hit->comp && !hit->tgt && hit->comp->last > hit->vfirst)
        hit->tgt = hit->comp;
    a->by = passive_agent(verb, vp);
    /* a passive without its agent ("nationals were arrested in Zambia"):
     * the subject is what was done to, and the doer is not named (news
     * dictionaries; PETRARCH-1's validated patterns read these their own way) */
    a->passive = a->by || (c->d->petr2_patterns && agentless_passive(verb, vp));
    if (a->by)
        a->by = named_agent(c, a->by);
    /* a pattern's '+' that landed on the passive's agent ("kidnapped [by
     * gunmen]") names the doer, who is the source here, not the target */
    if (a->by && hit->tgt && hit->tgt->first >= a->by->first && hit->tgt->last <= a->by->last)
        hit->tgt = NULL;
    if (a->passive) {
        a->src = a->by ? meaning_of_np(c, a->by) : &EMPTY;
        if (a->by) {
            /* "kidnapped by gunmen in Pakistan": the agent takes the place's
             * country as an agent-only target does */
            actor_span by = {a->by->first, a->by->last, a->src, a->by};
            a->src = target_meaning(c, &by);
        }
        a->tgt = meaning_of_np(c, a->subj);
        if (!a->tgt->n && a->by) {  /* "a bomb was fired at Israel by/from Gaza" */
            const actor_span *t = first_target(c, hit->vlast, vp->last, a->src);
            if (t && !(t->first >= a->by->first && t->last <= a->by->last) &&
                !located_in(t))
                a->tgt = t->m;
        }
    } else {
        a->src = meaning_of_np(c, a->subj);
        const actor_span *t = free_target(c, hit, vp, a->src);
        const tac_node *next = t ? NULL : shared_object_conjunct(c, vp);
        if (next) {
            /* not "[its] ambassador": that object is the conjunct's own */
            t = free_target(c, hit, next, a->src);
            if (t && !has_strong_item(t->m))
                t = NULL;
        }
        a->tgt = target_meaning(c, t);
        a->tgt_span = t;
    }
    if (hit->src)
        a->src = whole_description(c, hit->src);
    if (hit->tgt) {
        a->tgt = target_meaning(c, hit->tgt);
        const meaning *whole = whole_description(c, hit->tgt);
        if (whole != hit->tgt->m)
            a->tgt = whole;
        /* the target came from the subject's place: the source is the
         * sentence's first other actor */
        if (!hit->src && hit->tgt->last <= hit->vfirst) {
            const actor_span *s = first_other_actor(c, hit->tgt);
            a->src = s && s->first < hit->tgt->first ? s->m : &EMPTY;
        }
    }
    a->ms = (meaning){&a->fresh_src, 1};
    a->mt = (meaning){&a->fresh_tgt, 1};
    if (!a->src->n && !hit->src && (a->by || !a->passive) &&
        text_actor(c, a->by ? a->by : a->subj, &a->fresh_src))
        a->src = &a->ms;
    if (!a->tgt->n && !hit->tgt && !a->passive &&
        text_actor(c, first_np_after(vp, hit->vlast), &a->fresh_tgt))
        a->tgt = &a->mt;
    if (!a->tgt->n && !hit->tgt && c->has_hook && !strncmp(hit->code, "042", 3))
        visit_there(c, vp, hit, a);
    a->src_np = a->subj || a->by || hit->src;
    a->tgt_np = hit->tgt || (a->passive ? a->subj != NULL : np_after(vp, hit->vlast));
    a->code = hit->code;
    /* a negation the pattern did not spell out still negates the act its
     * pattern names ("will not accept refugees": not 075 but 12x) */
    bool neg_vp = negated(c, vp) && !spells_negation(c, hit);
    const char *neg;
    if (neg_vp && (neg = negate_act(c, a->code)) != NULL)
        a->code = neg;
    if (c->d->petr2_patterns && !neg_vp) {
        int ahead = announced_by_head(c, vp);
        if (ahead < 0)      /* "is not going to attack": not done, not announced */
            a->code = "---";
        a->future = ahead > 0 || has_modal(verb, vp, FUTURE_MODALS);
    }
    return true;
}

/* Does an event code belong to the code of a transformation's verb? A
 * top-level code (190) stands for its family (19x). */
static bool code_fits(const char *code, const char *want)
{
    if (!code || !want || !strcmp(want, "---"))
        return false;
    size_t n = strlen(want);
    if (n == 3 && want[2] == '0')
        n = 2;
    return !strncmp(code, want, n);
}

static bool same_meaning(tac_coder *c, const meaning *x, const meaning *y)
{
    return x->n && y->n && same_actors(c, x, y) && same_actors(c, y, x);
}

/* The verb phrase of the clause a verb reports or wants ("said [B attacked
 * C]", "wants [to attack C]"); *subjectless tells which. */
static tac_node *lower_clause(tac_node *vp, bool *subjectless)
{
    tac_node *low = complement_vp(vp);
    if (low) {
        *subjectless = true;
        return low;
    }
    for (uint32_t i = 0; i < vp->n_kids; i++) {
        tac_node *k = vp->kids[i];
        if (is(k, "SBAR"))
            for (uint32_t j = 0; j < k->n_kids; j++)
                if (is_clause(k->kids[j]))
                    k = k->kids[j];
        if (!is_clause(k) || !np_before(k, NULL))
            continue;
        for (uint32_t j = 0; j < k->n_kids; j++)
            if (is_vp(k->kids[j])) {
                *subjectless = false;
                return through_auxiliaries(k->kids[j]);
            }
    }
    return NULL;
}

/* Verb transformations: "~ a (b . ATTACK) SAY = a b 112". On a match the
 * upper verb's event becomes the transformation's. */
static bool transform(tac_coder *c, analysis *up, tac_node *vp)
{
    const tac_dicts *d = c->d;
    bool any = false;
    for (uint32_t i = 0; i < d->n_transforms && !any; i++)
        any = code_fits(up->code, d->transforms[i].top_code);
    if (!any)
        return false;
    bool subjectless = false;
    tac_node *lvp = lower_clause(vp, &subjectless);
    tac_node *lverb = lvp ? head_verb(lvp) : NULL;
    analysis *low = tac_arena_alloc(&c->arena, sizeof *low);
    if (!lverb || !low || !analyze(c, lverb, lvp, low))
        return false;
    for (uint32_t i = 0; i < d->n_transforms; i++) {
        const tac_transform *t = &d->transforms[i];
        if (!code_fits(up->code, t->top_code))
            continue;
        if (strcmp(t->low_verb, "Q") != 0 && !code_fits(low->code, t->low_code))
            continue;
        const meaning *a = up->src, *b = NULL;
        bool src_absent = subjectless,
             src_is_a = subjectless || same_meaning(c, low->src, a) || sources_own(c, low->src, a);
        bool ok = a->n;
        switch (t->src_low) {
        case 'a': ok = ok && src_is_a && !src_absent; break;
        case '_': ok = ok && src_absent; break;
        case 'b': ok = ok && !src_absent && low->src->n && !src_is_a; b = low->src; break;
        default: break;
        }
        switch (t->tgt_low) {
        case 'b': ok = ok && low->tgt->n && !same_meaning(c, low->tgt, a); b = ok ? low->tgt : b;
            break;
        case '_': ok = ok && !low->tgt->n; break;
        case 'a': ok = ok && same_meaning(c, low->tgt, a); break;
        default: break;
        }
        if (!ok || !b)
            continue;
        const meaning *s = t->out_src == 'a' ? a : b, *g = t->out_tgt == 'a' ? a : b;
        const char *code = t->code;
        if (!strcmp(code, "Q"))     /* the reported event, as announced */
            code = low->future ? future_code(c, low->code) : low->code;
        verb_hit hit = up->hit;
        if (make_events(c, s, g, code, &hit, true, true))
            c->coded_vp[vp->index] = true;
        return true;
    }
    return false;
}

/* "the two", "both sides": several actors from one reference back. */
static bool plural_reference(const meaning *m)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < m->n; i++) {
        if (!m->items[i].coref)
            return false;
        n++;
    }
    return n >= 2;
}

static void code_verb(tac_coder *c, tac_node *verb, tac_node *vp);



/* Is the verb under "must" or "should" ("B must withdraw")? *base tells
 * the CAMEO family of the obligation: demand (100) or appeal (020). */
static bool obligation(const tac_coder *c, const tac_node *verb, const tac_node *vp,
                       const char **base)
{
    if (!c->d->petr2_patterns)
        return false;
    *base = has_modal(verb, vp, MUST_MODALS) ? "100"
            : has_modal(verb, vp, SHOULD_MODALS) ? "020" : NULL;
    return *base != NULL;
}

/* The verb phrase whose complement is the clause of vp ("A [said that [B
 * must withdraw]]"), or NULL. */
static tac_node *reporting_vp(tac_node *vp)
{
    tac_node *n = vp;
    while (n->parent && is_vp(n->parent))
        n = n->parent;
    tac_node *up = n->parent;
    if (!is_clause(up) || !np_before(up, n))
        return NULL;
    up = up->parent;
    if (up && up->cat == TAC_CAT_SBAR)
        up = up->parent;
    return is_vp(up) ? up : NULL;
}

/* "A said B must withdraw": an obligation is no act (it has not
 * happened); reported by an actor it is that actor's demand on B (10x) or
 * appeal to B (02x), refined by B's verb as in "demanded that B withdraw".
 * Unreported ("B must withdraw") it codes nothing. `reporter` may be NULL
 * (found from the tree). */
static void code_obligation(tac_coder *c, tac_node *verb, tac_node *vp, const char *base,
                            const meaning *reporter, const verb_hit *up_hit)
{
    const meaning *who = meaning_of_np(c, subject_of(vp));
    verb_hit up;
    if (!reporter) {
        /* the reporting verb must be a dictionary verb ("said", "insisted") */
        tac_node *rvp = reporting_vp(vp);
        tac_node *rverb = rvp ? head_verb(rvp) : NULL;
        if (!rverb || !match_verb(c, rverb, rvp, &up))
            return;
        reporter = meaning_of_np(c, subject_of(rvp));
        up_hit = &up;
    }
    if (!who->n || !reporter->n || same_actors(c, who, reporter))
        return;
    verb_hit low;
    bool known = match_verb(c, verb, vp, &low);
    const char *code = known && strcmp(low.code, "---") != 0 ? combine_codes(base, low.code)
                                                            : NULL;
    /* provenance: the lower verb when the dictionary has it, else the
     * statement that reported it */
    const verb_hit *hit = known ? &low : up_hit;
    if (make_events(c, reporter, who, code ? code : base, hit, true, true))
        c->coded_vp[vp->index] = true;
}

/* A bare statement (010) that reports a clause with its own subject ("A
 * said [B must withdraw]", "Police said [rebels attacked the army]"): the
 * statement is how the news reached us, the clause is the event. An
 * obligation is A's demand (code_obligation); otherwise, when the clause
 * codes an event of its own, that event replaces the 010: the clause's
 * verbs are coded as if there were no statement (their subject, target
 * and tense). Only with PETRARCH-2 patterns; after the dictionary's
 * transformations, which name the speaker's own reported acts. True when
 * the statement gave way. */
static bool reported_clause(tac_coder *c, analysis *up, tac_node *vp)
{
    bool subjectless = false;
    tac_node *lvp = lower_clause(vp, &subjectless);
    tac_node *lverb = lvp ? head_verb(lvp) : NULL;
    if (!lverb || subjectless || !up->src->n)
        return false;
    const char *base;
    size_t before = c->n_events;
    if (obligation(c, lverb, lvp, &base)) {
        c->tried_vp[lvp->index] = true;
        code_obligation(c, lverb, lvp, base, up->src, &up->hit);
        if (c->n_events == before)
            return false;
        c->coded_vp[vp->index] = true;     /* the clause is no act */
        return true;
    }
    code_verb(c, lverb, lvp);
    /* the statement is not coded, so the clause's other verbs ("rebels
     * attacked the army and burned the village") come in their turn */
    return c->n_events > before;
}

/* Is vp inside a clause that says what might happen, not what did ("...
 * if Iran attacks", "discussed whether to impose sanctions", "unless")?
 * News dictionaries only: PETRARCH-1's validated records code them. */
static bool hypothetical(const tac_coder *c, const tac_node *vp)
{
    if (!c->d->petr2_patterns)
        return false;
    for (const tac_node *p = vp->parent; p; p = p->parent) {
        if (p->cat != TAC_CAT_SBAR || !p->n_kids || !p->kids[0]->word)
            continue;
        const char *w = p->kids[0]->word;
        if (tac_str_iequal(w, "if") || tac_str_iequal(w, "whether") ||
            tac_str_iequal(w, "unless"))
            return true;
    }
    return false;
}

static void code_verb(tac_coder *c, tac_node *verb, tac_node *vp)
{
    if (c->tried_vp[vp->index])     /* a reported clause coded ahead of its turn */
        return;
    c->tried_vp[vp->index] = true;
    if (hypothetical(c, vp))
        return;
    const char *base;
    if (obligation(c, verb, vp, &base)) {
        code_obligation(c, verb, vp, base, NULL, NULL);
        return;
    }
    analysis *a = tac_arena_alloc(&c->arena, sizeof *a);
    if (!a || !analyze(c, verb, vp, a))
        return;
    verb_hit *hit = &a->hit;
    if (!strcmp(a->code, "---")) {
        /* negated away ("did not threaten to attack"): what it governs did
         * not happen either */
        c->coded_vp[vp->index] = true;
        return;
    }
    if (hit->comp && hit->comp->last <= hit->vfirst &&
        !(c->d->petr2_patterns && a->tgt->n && !hit->tgt && !where_it_happened(a->tgt_span))) {
        /* "% * [031]": the members of a compound act on each other; with
         * PETRARCH-2 patterns not when they act on someone else ("fought
         * side by side against Z"; TABARI's records want the compound),
         * though a place is no one they act on ("signed an agreement in
         * Havana") */
        if (code_compound(c, hit->comp->m, a->future ? future_code(c, a->code) : a->code, hit))
            c->coded_vp[vp->index] = true;
        return;
    }
    if (transform(c, a, vp))
        return;
    if (c->d->petr2_patterns && !strcmp(a->code, "010") && reported_clause(c, a, vp))
        return;
    const meaning *tgt = a->tgt;
    bool tgt_np = a->tgt_np;
    const char *code = a->code;
    const char *neg;
    /* verb + verb: the complement's verb may refine the code and bring the target */
    tac_node *lvp = complement_vp(vp);
    tac_node *lverb = lvp ? head_verb(lvp) : NULL;
    verb_hit low;
    if (lverb && match_verb(c, lverb, lvp, &low) && strcmp(low.code, "---") != 0) {
        const char *lcode = low.code;
        if (negated(c, lvp) && !spells_negation(c, &low) && (neg = negate_code(lcode)) != NULL)
            lcode = neg;
        const char *both = combine_codes(code, lcode);
        if (!both && !strcmp(code, "130") && c->d->petr2_patterns) {
            /* "threatened to impose sanctions / expel the monitors / cut
             * aid": the threat of that act, as if announced (1312, 136,
             * 1311); CAMEO's threats mirror its acts */
            const char *threat = future_one(lcode);
            if (threat && !strncmp(threat, "13", 2))
                both = threat;
        }
        if (both && hit->pattern && !general_code(code))
            both = code;        /* a pattern's sub-code ("- * (TO RELEASE) [0253]") stays */
        if (both) {
            code = both;
            /* "urged B to help C" keeps B; "agreed to visit C" takes C */
            const actor_span *upper_t = free_target(c, hit, vp, a->src);
            bool own_object = upper_t && upper_t->last <= lvp->first;
            const actor_span *t = hit->tgt || a->by || own_object
                                      ? NULL
                                      : free_target(c, &low, lvp, a->src);
            if (t) {
                tgt = target_meaning(c, t);
                tgt_np = true;
            }
        }
    }
    if (a->future)
        code = future_code(c, code);
    if (!hit->comp && hit->comp_alt && !hit->tgt && !tgt->n) {
        /* "Sudan and Chad signed a trade deal": a longer pattern ("- *
         * {TRADE &DEAL}") beat the "% *" one and names no target; the
         * compound the shorter pattern found still acts on itself, with the
         * longer pattern's code */
        if (code_compound(c, hit->comp_alt->m, code, hit))
            c->coded_vp[vp->index] = true;
        return;
    }
    if (plural_reference(a->src) && (!tgt->n || same_actors(c, tgt, a->src))) {
        /* "the two agreed to maintain their friendship": each with the other */
        if (code_compound(c, a->src, code, hit))
            c->coded_vp[vp->index] = true;
        return;
    }
    if (make_events(c, a->src, tgt, code, hit, a->src_np, tgt_np))
        c->coded_vp[vp->index] = true;
}

/* ---- discards and issues ------------------------------------------- */

static tac_discard_kind check_discards(tac_coder *c)
{
    const tac_trie *t = &c->d->discard_trie;
    tac_discard_kind kind = TAC_DISCARD_NONE;
    for (uint32_t i = 0; i < c->tree.n_tokens; i++) {
        if (c->d->wflags && !(c->d->wflags[c->tree.tokens[i]->wid] & TAC_W_DISCARD))
            continue;
        uint32_t node = 0;
        for (uint32_t j = i; j < c->tree.n_tokens; j++) {
            if (!tac_trie_step(t, node, c->tree.tokens[j]->wid, &node))
                break;
            if (t->entry[node] >= 0) {
                const tac_discard *x = &c->d->discards[t->entry[node]];
                if (x->story)
                    return TAC_DISCARD_STORY;
                kind = TAC_DISCARD_SENTENCE;
            }
        }
    }
    return kind;
}

/* The sentence's issue codes, "CODE;CODE" (each once), or NULL. */
static const char *find_issues(tac_coder *c)
{
    const tac_trie *t = &c->d->issue_trie;
    if (!c->d->n_issues || !c->opt.code_issues)
        return NULL;
    const char *codes[32];
    int n = 0;
    size_t len = 0;
    for (uint32_t i = 0; i < c->tree.n_tokens; i++) {
        if (c->d->wflags && !(c->d->wflags[c->tree.tokens[i]->wid] & TAC_W_ISSUE))
            continue;
        uint32_t node = 0;
        for (uint32_t j = i; j < c->tree.n_tokens; j++) {
            if (!tac_trie_step(t, node, c->tree.tokens[j]->wid, &node))
                break;
            if (t->entry[node] < 0)
                continue;
            const tac_issue *x = &c->d->issues[t->entry[node]];
            if (!x->code)
                return NULL;        /* an ignore phrase cancels all issues */
            int k = 0;
            while (k < n && strcmp(codes[k], x->code))
                k++;
            if (k == n && n < 32) {
                codes[n++] = x->code;
                len += strlen(x->code) + 1;
            }
        }
    }
    if (!n)
        return NULL;
    char *out = tac_arena_alloc(&c->arena, len);
    if (!out)
        return NULL;
    char *p = out;
    for (int k = 0; k < n; k++) {
        size_t m = strlen(codes[k]);
        memcpy(p, codes[k], m);
        p += m;
        *p++ = k + 1 < n ? ';' : '\0';
    }
    return out;
}

/* ---- comma-delimited clauses (PETRARCH-1 / TABARI) --------------- */

static bool is_word_token(const tac_node *t)
{
    return isalnum((unsigned char)t->word[0]) != 0;
}

/* A comma in a list inside a noun phrase: between conjoined noun phrases
 * ("Mordor, Rohan and Bree") or between words ("complete, full ties"). */
static bool list_comma(const tac_node *comma)
{
    const tac_node *p = comma->parent;
    if (!is_np(p) && !is(p, "ADJP"))
        return false;
    for (uint32_t i = 0; i < p->n_kids; i++) {
        if (is(p->kids[i], "CC"))
            return true;
        if (p->kids[i] == comma && i > 0 && i + 1 < p->n_kids && p->kids[i - 1]->word &&
            p->kids[i + 1]->word)
            return true;
    }
    return false;
}

static uint32_t words_in(const tac_coder *c, uint32_t from, uint32_t to)
{
    uint32_t n = 0;
    for (uint32_t i = from; i < to; i++)
        n += is_word_token(c->tree.tokens[i]);
    return n;
}

static void mark(bool *drop, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++)
        drop[i] = true;
}

/* Marks the comma-delimited clauses to ignore; true if any. */
static bool comma_clauses(tac_coder *c, bool *drop)
{
    const tac_coder_options *o = &c->opt;
    uint32_t n = c->tree.n_tokens, nc = 0;
    uint32_t *commas = tac_arena_alloc(&c->arena, (n + 1) * sizeof *commas);
    if (!commas)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (is(c->tree.tokens[i], ",") && !list_comma(c->tree.tokens[i]))
            commas[nc++] = i;
    if (!nc)
        return false;
    uint32_t end = n;
    while (end > 0 && !is_word_token(c->tree.tokens[end - 1]) &&
           !is(c->tree.tokens[end - 1], ","))
        end--;                          /* the final full stop, quotes */
    bool any = false;
    uint32_t len = words_in(c, 0, commas[0]);
    if (o->comma_bmax > 0 && len >= (uint32_t)o->comma_bmin && len <= (uint32_t)o->comma_bmax) {
        mark(drop, 0, commas[0] + 1);
        any = true;
    }
    for (uint32_t k = 0; o->comma_max > 0 && k + 1 < nc; k++) {
        len = words_in(c, commas[k] + 1, commas[k + 1]);
        if (len >= (uint32_t)o->comma_min && len <= (uint32_t)o->comma_max) {
            mark(drop, commas[k], commas[k + 1]);
            any = true;
        }
    }
    uint32_t last = commas[nc - 1];
    len = last < end ? words_in(c, last + 1, end) : 0;
    if (o->comma_emax > 0 && len >= (uint32_t)o->comma_emin && len <= (uint32_t)o->comma_emax) {
        mark(drop, last, end);
        any = true;
    }
    return any;
}

/* ---- the coder ------------------------------------------------------ */

void tac_coder_options_default(tac_coder_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->require_dyad = true;
    opt->new_actor_length = 0;
    opt->code_issues = true;
}

tac_coder *tac_coder_new(const tac_dicts *d, const tac_coder_options *opt, tac_error *err)
{
    if (!d) {
        tac_fail(err, TAC_EINVAL, "coder needs dictionaries");
        return NULL;
    }
    tac_coder *c = calloc(1, sizeof *c);
    if (!c) {
        tac_fail(err, TAC_ENOMEM, "out of memory creating a coder");
        return NULL;
    }
    c->d = d;
    c->wid_to = tac_words_find(&d->words, "TO", 2);
    if (opt)
        c->opt = *opt;
    else
        tac_coder_options_default(&c->opt);
    tac_arena_init(&c->arena, 64 * 1024);
    return c;
}

void tac_coder_set_options(tac_coder *c, const tac_coder_options *opt)
{
    c->opt = *opt;
}

void tac_coder_set_mention_hook(tac_coder *c, const tac_mention_hook *hook)
{
    c->has_hook = hook != NULL;
    if (hook)
        c->hook = *hook;
    else
        memset(&c->hook, 0, sizeof c->hook);
}

void tac_coder_free(tac_coder *c)
{
    if (!c)
        return;
    tac_arena_free(&c->arena);
    free(c);
}

static void walk_verbs(tac_coder *c)
{
    /* tokens are in sentence order, so outer verbs come before the verbs of
     * their complements */
    for (uint32_t i = 0; i < c->tree.n_tokens; i++) {
        tac_node *v = c->tree.tokens[i];
        if (!is_verb_tag(v) || !is_vp(v->parent))
            continue;
        if (head_verb(v->parent) != v)
            continue;
        if (covered(c, v->parent))
            continue;
        code_verb(c, v, v->parent);
    }
}

tac_status tac_coder_code_parse(tac_coder *c, const tac_sentence_input *in,
                                const tac_event **events, size_t *n, tac_discard_kind *discard,
                                tac_error *err)
{
    *events = NULL;
    *n = 0;
    if (discard)
        *discard = TAC_DISCARD_NONE;
    tac_arena_reset(&c->arena);
    c->events = NULL;
    c->n_events = c->cap_events = 0;
    c->in = in;
    tac_status st = in->nodes ? tac_tree_from_nodes(in->nodes, in->n_nodes, &c->arena,
                                                    &c->d->words, &c->tree, err)
                              : tac_tree_read(in->parse, &c->arena, &c->d->words, &c->tree, err);
    if (st != TAC_OK)
        return st;
    c->date = tac_code_parse_date(in->date);
    c->date_text = in->date ? in->date : "";
    c->bloom = 0;
    for (uint32_t i = 0; i < c->tree.n_tokens; i++)
        c->bloom |= tac_wid_bloom(c->tree.tokens[i]->wid);
    tac_discard_kind dk = check_discards(c);
    if (discard)
        *discard = dk;
    if (dk != TAC_DISCARD_NONE)
        return TAC_OK;
    c->issues = find_issues(c);
    size_t nn = c->tree.n_nodes;
    c->memo = tac_arena_calloc(&c->arena, nn, sizeof *c->memo);
    c->coded_vp = tac_arena_calloc(&c->arena, nn, sizeof *c->coded_vp);
    c->tried_vp = tac_arena_calloc(&c->arena, nn, sizeof *c->tried_vp);
    if (!c->memo || !c->coded_vp || !c->tried_vp)
        return tac_fail(err, TAC_ENOMEM, "out of memory coding a sentence");
    if (c->opt.comma_max > 0 || c->opt.comma_bmax > 0 || c->opt.comma_emax > 0) {
        bool *drop = tac_arena_calloc(&c->arena, c->tree.n_tokens + 1, sizeof *drop);
        if (!drop)
            return tac_fail(err, TAC_ENOMEM, "out of memory coding a sentence");
        if (comma_clauses(c, drop) &&
            (st = tac_tree_prune(&c->tree, drop, &c->arena, err)) != TAC_OK)
            return st;
        nn = c->tree.n_nodes;
    }
    if (!find_matches(c))
        return tac_fail(err, TAC_ENOMEM, "out of memory coding a sentence");
    /* pass 1 finds actors without pronouns; pass 2 resolves pronouns to them */
    c->pronouns = false;
    collect_spans(c);
    if (c->has_hook)
        note_mentions(c);
    memset(c->memo, 0, nn * sizeof *c->memo);
    c->pronouns = true;
    actor_span *first_spans = c->spans;
    uint32_t n_first = c->n_spans;
    c->spans = first_spans;
    c->n_spans = n_first;
    /* compute all NP meanings with pronouns, then the final span list */
    for (uint32_t i = 0; i < c->tree.n_tokens; i++)
        for (tac_node *p = c->tree.tokens[i]->parent; p; p = p->parent)
            if (is_np(p) && !c->memo[p->index])
                np_meaning(c, p);
    collect_spans(c);
    walk_verbs(c);
    *events = c->events;
    *n = c->n_events;
    return TAC_OK;
}
