/* Sentence boundaries over raw tokens.
 *
 * A sentence ends after ".", "?", "!" (plus any closing quotes and
 * brackets that follow them) unless the next token starts in lower case or
 * is more punctuation. Abbreviations that kept their period end a sentence
 * only on evidence: titles (Mr., Gen.) and numbered forms (No. 2) never do;
 * acronyms, initials and the like (U.S., Inc., W.) do when the next word is
 * one that typically starts a sentence ("The", "He", "But"); a.m./p.m. do
 * before most capitalised words. A blank line always ends a sentence, a
 * single newline does after terminal punctuation, and a first line without
 * terminal punctuation that looks like a title is a headline. */
#include <string.h>

#include "text/text.h"

typedef struct abbr_entry {
    const char *word;
    uint8_t     len;
    uint8_t     cls;
} abbr_entry;

#define A(w, c) { w, sizeof(w) - 1, c }

/* Case-sensitive, without the period. */
static const abbr_entry abbreviations[] = {
    /* titles and name prefixes */
    A("Mr", ABBR_TITLE), A("Mrs", ABBR_TITLE), A("Ms", ABBR_TITLE), A("Messrs", ABBR_TITLE),
    A("Mmes", ABBR_TITLE), A("Dr", ABBR_TITLE), A("Drs", ABBR_TITLE), A("Prof", ABBR_TITLE),
    A("Gen", ABBR_TITLE), A("Gens", ABBR_TITLE), A("Lt", ABBR_TITLE), A("Col", ABBR_TITLE),
    A("Maj", ABBR_TITLE), A("Capt", ABBR_TITLE), A("Cpt", ABBR_TITLE), A("Cmdr", ABBR_TITLE),
    A("Cdr", ABBR_TITLE), A("Adm", ABBR_TITLE), A("Brig", ABBR_TITLE), A("Sgt", ABBR_TITLE),
    A("Cpl", ABBR_TITLE), A("Pvt", ABBR_TITLE), A("Spc", ABBR_TITLE), A("Lieut", ABBR_TITLE),
    A("Sen", ABBR_TITLE), A("Sens", ABBR_TITLE), A("Rep", ABBR_TITLE), A("Reps", ABBR_TITLE),
    A("Gov", ABBR_TITLE), A("Govs", ABBR_TITLE), A("Pres", ABBR_TITLE), A("Rev", ABBR_TITLE),
    A("Hon", ABBR_TITLE), A("Amb", ABBR_TITLE), A("Fr", ABBR_TITLE), A("Msgr", ABBR_TITLE),
    A("Supt", ABBR_TITLE), A("Insp", ABBR_TITLE), A("Det", ABBR_TITLE), A("Atty", ABBR_TITLE),
    A("Sec", ABBR_TITLE), A("Mt", ABBR_TITLE), A("Ft", ABBR_TITLE),
    A("vs", ABBR_TITLE), A("v", ABBR_TITLE),
    /* before numbers */
    A("No", ABBR_NUMBERED), A("Nos", ABBR_NUMBERED), A("no", ABBR_NUMBERED),
    A("Nr", ABBR_NUMBERED), A("Art", ABBR_NUMBERED), A("Arts", ABBR_NUMBERED),
    A("Vol", ABBR_NUMBERED), A("Fig", ABBR_NUMBERED), A("pp", ABBR_NUMBERED),
    A("Ch", ABBR_NUMBERED), A("Para", ABBR_NUMBERED), A("Ref", ABBR_NUMBERED),
    /* may end a sentence */
    A("Inc", ABBR_MAYEND), A("Co", ABBR_MAYEND), A("Cos", ABBR_MAYEND), A("Corp", ABBR_MAYEND),
    A("Ltd", ABBR_MAYEND), A("Bros", ABBR_MAYEND), A("Jr", ABBR_MAYEND), A("Sr", ABBR_MAYEND),
    A("Esq", ABBR_MAYEND), A("etc", ABBR_MAYEND), A("al", ABBR_MAYEND), A("approx", ABBR_MAYEND),
    A("est", ABBR_MAYEND), A("Dept", ABBR_MAYEND), A("Univ", ABBR_MAYEND), A("Assn", ABBR_MAYEND),
    A("Ave", ABBR_MAYEND), A("Blvd", ABBR_MAYEND), A("Rd", ABBR_MAYEND), A("St", ABBR_MAYEND),
    A("Hwy", ABBR_MAYEND), A("Jan", ABBR_MAYEND), A("Feb", ABBR_MAYEND), A("Mar", ABBR_MAYEND),
    A("Apr", ABBR_MAYEND), A("Jun", ABBR_MAYEND), A("Jul", ABBR_MAYEND), A("Aug", ABBR_MAYEND),
    A("Sep", ABBR_MAYEND), A("Sept", ABBR_MAYEND), A("Oct", ABBR_MAYEND), A("Nov", ABBR_MAYEND),
    A("Dec", ABBR_MAYEND), A("Mon", ABBR_MAYEND), A("Tue", ABBR_MAYEND), A("Tues", ABBR_MAYEND),
    A("Wed", ABBR_MAYEND), A("Thu", ABBR_MAYEND), A("Thur", ABBR_MAYEND), A("Thurs", ABBR_MAYEND),
    A("Fri", ABBR_MAYEND), A("Sat", ABBR_MAYEND), A("Sun", ABBR_MAYEND),
    /* US states, AP style */
    A("Ala", ABBR_MAYEND), A("Ariz", ABBR_MAYEND), A("Ark", ABBR_MAYEND), A("Calif", ABBR_MAYEND),
    A("Colo", ABBR_MAYEND), A("Conn", ABBR_MAYEND), A("Del", ABBR_MAYEND), A("Fla", ABBR_MAYEND),
    A("Ga", ABBR_MAYEND), A("Ill", ABBR_MAYEND), A("Ind", ABBR_MAYEND), A("Kan", ABBR_MAYEND),
    A("Ky", ABBR_MAYEND), A("La", ABBR_MAYEND), A("Md", ABBR_MAYEND), A("Mass", ABBR_MAYEND),
    A("Mich", ABBR_MAYEND), A("Minn", ABBR_MAYEND), A("Miss", ABBR_MAYEND), A("Mo", ABBR_MAYEND),
    A("Mont", ABBR_MAYEND), A("Neb", ABBR_MAYEND), A("Nev", ABBR_MAYEND), A("Okla", ABBR_MAYEND),
    A("Ore", ABBR_MAYEND), A("Pa", ABBR_MAYEND), A("Tenn", ABBR_MAYEND), A("Tex", ABBR_MAYEND),
    A("Va", ABBR_MAYEND), A("Vt", ABBR_MAYEND), A("Wash", ABBR_MAYEND), A("Wis", ABBR_MAYEND),
    A("Wyo", ABBR_MAYEND),
};

typedef struct list_word {
    const char *word;
    size_t      len;
} list_word;

#define W(w) { w, sizeof(w) - 1 }

/* Capitalised words that usually begin a sentence. */
static const list_word starters[] = {
    W("A"), W("About"), W("According"), W("After"), W("Also"), W("Although"), W("An"),
    W("Analysts"), W("And"), W("Another"), W("Any"), W("As"), W("At"), W("Authorities"),
    W("Because"), W("Before"), W("Both"), W("But"), W("By"), W("Despite"), W("During"),
    W("Each"), W("Earlier"), W("Even"), W("Every"), W("For"), W("From"), W("Further"), W("He"),
    W("Her"), W("Here"), W("His"), W("How"), W("However"), W("I"), W("If"), W("In"),
    W("Instead"), W("It"), W("Its"), W("Last"), W("Later"), W("Many"), W("Meanwhile"),
    W("More"), W("Moreover"), W("Most"), W("Much"), W("My"), W("Neither"), W("Nevertheless"),
    W("No"), W("Nor"), W("Not"), W("Now"), W("Of"), W("Officials"), W("On"), W("One"),
    W("Only"), W("Or"), W("Other"), W("Others"), W("Our"), W("Over"), W("Police"),
    W("Residents"), W("She"), W("Since"), W("So"), W("Some"), W("Still"), W("Such"), W("That"),
    W("The"), W("Their"), W("Then"), W("There"), W("These"), W("They"), W("This"), W("Those"),
    W("Though"), W("Thus"), W("To"), W("Under"), W("Until"), W("We"), W("What"), W("When"),
    W("Where"), W("Whether"), W("Which"), W("While"), W("Who"), W("Why"), W("With"),
    W("Without"), W("Witnesses"), W("Yet"), W("You"), W("Your"),
};

/* Lower-case words a wrapped line may end with but a headline does not. */
static const list_word function_words[] = {
    W("the"), W("a"), W("an"), W("of"), W("to"), W("in"), W("on"), W("at"), W("for"), W("with"),
    W("by"), W("from"), W("and"), W("or"), W("but"), W("as"), W("that"), W("which"), W("who"),
    W("than"), W("into"), W("over"), W("about"), W("after"), W("before"), W("under"),
    W("against"), W("between"), W("during"), W("its"), W("their"), W("his"), W("her"), W("our"),
    W("this"), W("these"), W("those"), W("is"), W("are"), W("was"), W("were"), W("be"),
    W("been"), W("will"), W("would"), W("has"), W("have"), W("had"), W("not"), W("while"),
    W("when"), W("where"), W("whose"), W("if"),
};

/* Capitalised words that precede a name: a line ending in one is wrapped. */
static const list_word title_words[] = {
    W("President"), W("Minister"), W("Secretary"), W("General"), W("Premier"), W("Chancellor"),
    W("King"), W("Queen"), W("Prince"), W("Ambassador"), W("Governor"), W("Senator"),
    W("Mayor"), W("Chairman"), W("Director"), W("Commander"), W("Leader"), W("Prime"),
    W("Foreign"), W("Vice"), W("Deputy"), W("Chief"),
};

/* Words after "a.m."/"p.m." that do not start a new sentence. */
static const list_word time_followers[] = {
    W("Monday"), W("Tuesday"), W("Wednesday"), W("Thursday"), W("Friday"), W("Saturday"),
    W("Sunday"), W("January"), W("February"), W("March"), W("April"), W("May"), W("June"),
    W("July"), W("August"), W("September"), W("October"), W("November"), W("December"),
    W("Mon"), W("Tue"), W("Tues"), W("Wed"), W("Thu"), W("Thur"), W("Thurs"), W("Fri"),
    W("Sat"), W("Sun"), W("Jan"), W("Feb"), W("Mar"), W("Apr"), W("Jun"), W("Jul"), W("Aug"),
    W("Sep"), W("Sept"), W("Oct"), W("Nov"), W("Dec"), W("local"),
};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* Linear, but the length and first byte reject nearly every entry before
 * any string comparison: these lists are consulted at most a few times per
 * sentence. */
static bool in_list(const list_word *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (list[i].len == len && list[i].word[0] == s[0] && memcmp(list[i].word, s, len) == 0)
            return true;
    return false;
}

text_abbr text_abbr_class(const char *s, size_t n, bool digit_next)
{
    /* capitals, as in datelines and headlines: "ST. LOUIS" reads as "St." */
    char title[8];
    bool caps = n > 1 && n < sizeof title;
    for (size_t i = 0; i < n && caps; i++)
        caps = text_byte_class[(uint8_t)s[i]] == CH_UPPER;
    if (caps) {
        title[0] = s[0];
        for (size_t i = 1; i < n; i++)
            title[i] = (char)(s[i] | 0x20);
        s = title;
    }
    for (size_t i = 0; i < COUNT(abbreviations); i++) {
        const abbr_entry *e = &abbreviations[i];
        if (e->len != n || e->word[0] != s[0] || memcmp(e->word, s, n) != 0)
            continue;
        if (e->cls == ABBR_NUMBERED && !digit_next)
            return ABBR_NONE;
        return (text_abbr)e->cls;
    }
    return ABBR_NONE;
}

bool text_is_starter(const text_tok *t)
{
    if (t->kind != TK_WORD || t->first != FIRST_UPPER)
        return false;
    return in_list(starters, COUNT(starters), t->form, strlen(t->form));
}

/* Form without a final period, for list look-ups. */
static size_t bare_len(const text_tok *t)
{
    size_t n = strlen(t->form);
    return t->kind == TK_ABBR && n > 0 ? n - 1 : n;
}

static bool is_time_follower(const text_tok *t)
{
    size_t n = bare_len(t);
    bool caps = n > 0 && n <= 4;
    for (size_t i = 0; i < n && caps; i++)
        caps = text_byte_class[(uint8_t)t->form[i]] == CH_UPPER;
    return caps || in_list(time_followers, COUNT(time_followers), t->form, n);
}

static bool is_closer(const text_tok *t)
{
    return t->kind == TK_CQUOTE || t->kind == TK_CBRACKET;
}

/* Punctuation that continues a sentence after a terminal mark. */
static bool continues(const text_tok *t)
{
    switch (t->kind) {
    case TK_PERIOD: case TK_QEX: case TK_ELLIPSIS: case TK_COMMA: case TK_COLON:
    case TK_CQUOTE: case TK_CBRACKET:
        return true;
    case TK_SYM:
        return t->form[0] == '%';
    default:
        return false;
    }
}

/* Does the sentence end after token t, given the token nx that follows
 * t's closing quotes and brackets (NULL at the end of the text)? */
static bool ends_sentence(const text_tok *t, const text_tok *nx)
{
    if (!nx)
        return true;
    bool newline = nx->nl > 0;
    switch (t->kind) {
    case TK_PERIOD:
    case TK_QEX:
        if (newline)
            return true;
        return !continues(nx) && nx->first != FIRST_LOWER;
    case TK_ELLIPSIS:
        if (newline)
            return nx->first != FIRST_LOWER;
        return text_is_starter(nx) || nx->kind == TK_OQUOTE;
    case TK_ABBR:
        switch (t->abbr) {
        case ABBR_TITLE:
        case ABBR_NUMBERED:
            return false;
        case ABBR_TIME:
            if (newline)
                return nx->first != FIRST_LOWER;
            return nx->first == FIRST_UPPER && !is_time_follower(nx);
        case ABBR_INITIAL:
            return text_is_starter(nx);
        default:
            if (newline)
                return nx->first != FIRST_LOWER && !continues(nx);
            return text_is_starter(nx);
        }
    default:
        return false;
    }
}

/* Is the first line, tokens [from, h), a headline? Token h starts the
 * next line. */
static bool is_headline(const tac_text_ctx *ctx, uint32_t from, uint32_t h)
{
    const text_tok *last = &ctx->toks[h - 1], *nx = &ctx->toks[h];
    if (h - from > 40)
        return false;
    if (last->kind != TK_WORD && last->kind != TK_CQUOTE && last->kind != TK_CBRACKET)
        return false;
    if (nx->nl >= 2)
        return true;
    if (nx->first != FIRST_UPPER && nx->first != FIRST_DIGIT && nx->kind != TK_OQUOTE)
        return false;
    /* wrapped running text: trailing blank before the newline, or a line
     * ending in "the" or "President" */
    uint8_t after = ctx->s[last->end];
    if (after == ' ' || after == '\t')
        return false;
    size_t n = strlen(last->form);
    if (last->first == FIRST_LOWER && in_list(function_words, COUNT(function_words), last->form, n))
        return false;
    if (last->first == FIRST_UPPER && in_list(title_words, COUNT(title_words), last->form, n))
        return false;
    return true;
}

static bool is_candidate(const text_tok *t)
{
    return t->kind == TK_PERIOD || t->kind == TK_QEX || t->kind == TK_ELLIPSIS
        || t->kind == TK_ABBR;
}

uint32_t text_split(tac_text_ctx *ctx, uint32_t from, text_span *out)
{
    text_tok *toks = ctx->toks;
    uint32_t n = ctx->n_toks, ns = 0, begin = from;
    if (from >= n)
        return 0;
    uint32_t h = from + 1;
    while (h < n && toks[h].nl == 0)
        h++;
    if (h < n && is_headline(ctx, from, h)) {
        out[ns++] = (text_span){ from, h, TAC_SENT_HEADLINE };
        begin = h;
    }
    uint32_t i = begin;
    while (i < n) {
        text_tok *t = &toks[i];
        if (i > begin && (t->nl >= 2 || i - begin >= TEXT_MAX_SENTENCE_TOKENS)) {
            out[ns++] = (text_span){ begin, i, TAC_SENT_BODY };
            begin = i;
        }
        if (is_candidate(t)) {
            uint32_t j = i + 1;
            while (j < n && toks[j].nl == 0 && is_closer(&toks[j]))
                j++;
            if (ends_sentence(t, j < n ? &toks[j] : NULL)) {
                if (t->kind == TK_ABBR)
                    t->flags |= TT_SPLIT_PERIOD;
                out[ns++] = (text_span){ begin, j, TAC_SENT_BODY };
                begin = i = j;
                continue;
            }
        }
        i++;
    }
    if (begin < n)
        out[ns++] = (text_span){ begin, n, TAC_SENT_BODY };
    return ns;
}
