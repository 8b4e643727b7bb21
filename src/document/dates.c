/* Event dates: find the date expressions of a sentence, pick the one the
 * event verb governs, and resolve it against the story date and the tense
 * of its clause. News conventions: a weekday in a past sentence is the most
 * recent such day (the story's own day included), in a future one the next
 * (again including the story's day); "last month" is a month, "last week"
 * the Monday..Sunday span before the story's week. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "document/document.h"

enum expr_kind {
    EX_SPAN,      /* days already known (first_day..last_day) */
    EX_WEEKDAY,   /* a weekday relative to the story date */
    EX_MONTH      /* a month (and maybe a day) without a year */
};

enum { REL_NONE = 0, REL_LAST, REL_NEXT, REL_THIS };

typedef struct date_expr {
    int  first, end;          /* tokens [first, end) */
    enum expr_kind kind;
    int32_t first_day, last_day;
    tac_date_precision prec;
    int  weekday, rel;        /* EX_WEEKDAY */
    int  month, day;          /* EX_MONTH; day 0 = whole month */
    bool is_start;
    bool fronted;             /* "Last month, ..." opening the sentence */
    bool named_event;         /* "the Korean War" */
} date_expr;

typedef struct scan {
    const char *const *w;
    size_t n;
    int32_t story;            /* story day */
    int sy, sm, sd;
} scan;

#define MAX_EXPRS 16

static const char *word(const scan *s, long i)
{
    return i >= 0 && (size_t)i < s->n && s->w[i] ? s->w[i] : "";
}

static bool is(const scan *s, long i, const char *lit)
{
    return strcasecmp(word(s, i), lit) == 0;
}

static bool year_token(const char *w, int *y)
{
    long v;
    if (strlen(w) != 4 || !doc_parse_int(w, &v) || v < 1800 || v > 2199)
        return false;
    *y = (int)v;
    return true;
}

/* "3", "03", "3rd", "21st". */
static bool day_token(const char *w, int *d)
{
    char buf[8];
    size_t n = strlen(w);
    if (n == 0 || n > 4)
        return false;
    memcpy(buf, w, n + 1);
    if (n > 2 && (strcasecmp(buf + n - 2, "st") == 0 || strcasecmp(buf + n - 2, "nd") == 0 ||
                  strcasecmp(buf + n - 2, "rd") == 0 || strcasecmp(buf + n - 2, "th") == 0))
        buf[n - 2] = '\0';
    long v;
    if (!doc_parse_int(buf, &v) || strlen(buf) > 2 || v < 1 || v > 31)
        return false;
    *d = (int)v;
    return true;
}

static void set_span(date_expr *e, int32_t a, int32_t b, tac_date_precision p)
{
    e->kind = EX_SPAN;
    e->first_day = a;
    e->last_day = b;
    e->prec = p;
}

static void set_year(date_expr *e, int y)
{
    set_span(e, doc_days_from_civil(y, 1, 1), doc_days_from_civil(y, 12, 31), TAC_DATE_YEAR);
}

static void set_years(date_expr *e, int y1, int y2)
{
    set_span(e, doc_days_from_civil(y1, 1, 1), doc_days_from_civil(y2, 12, 31), TAC_DATE_RANGE);
}

static void set_month(date_expr *e, int y, int m)
{
    set_span(e, doc_days_from_civil(y, m, 1), doc_days_from_civil(y, m, doc_month_length(y, m)),
             TAC_DATE_MONTH);
}

static bool valid_day(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= doc_month_length(y, m);
}

/* Words before a bare month or year that make it a date ("in April"). */
static const char *const date_triggers[] = {
    "in", "since", "until", "till", "by", "early", "late", "mid", "of", "from",
    "through", "during", "before", "after", "around", "throughout", "between",
    "last", "next", "this", "on", "circa", "to", "and", NULL};

/* ---- the patterns ----------------------------------------------------- */

/* "2025-03-03" */
static int match_iso(const scan *s, int i, date_expr *e)
{
    int32_t d;
    if (!doc_parse_ymd(word(s, i), &d) || strlen(word(s, i)) != 10)
        return 0;
    set_span(e, d, d, TAC_DATE_DAY);
    return 1;
}

/* "1950-1953", "1950-53", "1950 -- 1953", "from 1950 to 1953", "between
 * 1950 and 1953", "the 1990s". */
static int match_years(const scan *s, int i, date_expr *e)
{
    const char *w = word(s, i);
    int y1, y2;
    char a[8], b[8];
    size_t n = strlen(w);
    if ((n == 9 || n == 7) && w[4] == '-') {
        memcpy(a, w, 4), a[4] = '\0';
        memcpy(b, w + 5, n - 5), b[n - 5] = '\0';
        long v;
        if (year_token(a, &y1) && doc_parse_int(b, &v)) {
            y2 = n == 9 ? (int)v : y1 / 100 * 100 + (int)v;
            if (y2 > y1 && y2 - y1 < 100) {
                set_years(e, y1, y2);
                return 1;
            }
        }
        return 0;
    }
    if (n == 5 && w[4] == 's' && year_token((memcpy(a, w, 4), a[4] = '\0', a), &y1) &&
        y1 % 10 == 0) {
        set_years(e, y1, y1 + 9);
        return 1;
    }
    if (!year_token(w, &y1))
        return 0;
    bool joined = is(s, i + 1, "--") || (is(s, i + 1, "to") && is(s, i - 1, "from")) ||
                  (is(s, i + 1, "and") && is(s, i - 1, "between"));
    if (joined && year_token(word(s, i + 2), &y2) && y2 > y1 && y2 - y1 < 100) {
        set_years(e, y1, y2);
        return 3;
    }
    return 0;
}

/* "March 3, 2025", "March 3", "March 2025", "3 March 2025", "3 March",
 * "in March". */
static int match_month(const scan *s, int i, date_expr *e)
{
    int m = doc_month_number(word(s, i)), d, y;
    int day_first = 0;
    if (!m && day_token(word(s, i), &d) && (m = doc_month_number(word(s, i + 1))) != 0) {
        day_first = 1;
    } else if (!m) {
        return 0;
    }
    int k = i + 1 + day_first;     /* token after the month */
    if (!day_first && day_token(word(s, k), &d) && !year_token(word(s, k), &y))
        k++;
    else if (!day_first)
        d = 0;
    int used = k - i;
    if (is(s, k, ",") && year_token(word(s, k + 1), &y))
        used = k + 2 - i;
    else if (year_token(word(s, k), &y))
        used = k + 1 - i;
    else
        y = 0;
    bool anchored = d || y || doc_word_in(word(s, i - 1), date_triggers);
    /* "May" and "March" are also a verb and a noun: they need a number. */
    if (!anchored || ((m == 5 || m == 3) && !d && !y && !is(s, i - 1, "in") &&
                      !is(s, i - 1, "since") && !is(s, i - 1, "early") &&
                      !is(s, i - 1, "late") && !is(s, i - 1, "last") && !is(s, i - 1, "next")))
        return 0;
    if (y) {
        if (d) {
            if (!valid_day(y, m, d))
                return 0;
            int32_t day = doc_days_from_civil(y, m, d);
            set_span(e, day, day, TAC_DATE_DAY);
        } else {
            set_month(e, y, m);
        }
    } else {
        e->kind = EX_MONTH;
        e->month = m;
        e->day = d;
        e->prec = d ? TAC_DATE_DAY : TAC_DATE_MONTH;
        if (is(s, i - 1, "last"))
            e->rel = REL_LAST;
        else if (is(s, i - 1, "next"))
            e->rel = REL_NEXT;
    }
    return used;
}

/* "Tuesday", "last Tuesday", "early Tuesday morning", "Tuesday night". */
static int match_weekday(const scan *s, int i, date_expr *e)
{
    int wd = doc_weekday_number(word(s, i));
    if (wd < 0)
        return 0;
    e->kind = EX_WEEKDAY;
    e->weekday = wd;
    e->prec = TAC_DATE_DAY;
    e->rel = is(s, i - 1, "last") ? REL_LAST : is(s, i - 1, "next") ? REL_NEXT
           : is(s, i - 1, "this") ? REL_THIS : REL_NONE;
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    return doc_word_in(word(s, i + 1), parts) ? 2 : 1;
}

/* Monday of the week holding day. */
static int32_t week_start(int32_t day)
{
    return day - doc_weekday(day);
}

/* "today", "yesterday", "last week", "next month", "earlier this year",
 * "three days ago", "this morning". */
static int match_relative(const scan *s, int i, date_expr *e)
{
    const char *w = word(s, i);
    int32_t t = s->story;
    /* every expression below starts with one of these letters or a digit;
     * most tokens are rejected here (this runs for every token) */
    if (!w[0] || !strchr("0123456789acefilnoptsyACEFILNOPTSY", w[0]))
        return 0;
    if (strcasecmp(w, "today") == 0 || strcasecmp(w, "tonight") == 0) {
        set_span(e, t, t, TAC_DATE_DAY);
        return 1;
    }
    if (strcasecmp(w, "yesterday") == 0 || strcasecmp(w, "tomorrow") == 0) {
        int32_t d = t + (w[0] == 'y' || w[0] == 'Y' ? -1 : 1);
        set_span(e, d, d, TAC_DATE_DAY);
        return 1;
    }
    int k = i;
    int dir = 0;       /* -1 last/past/earlier, +1 next/later, 0 this */
    if (is(s, k, "earlier") || is(s, k, "later")) {
        if (!is(s, k + 1, "this"))
            return 0;
        k += 1;        /* "earlier this month" is this month */
    } else if (is(s, k, "last") || is(s, k, "past") || is(s, k, "previous")) {
        dir = -1;
    } else if (is(s, k, "next") || is(s, k, "coming")) {
        dir = 1;
    } else if (!is(s, k, "this")) {
        /* "three days ago", "a week ago" */
        static const char *const numbers[] = {
            "a", "an", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", NULL};
        long count = 0;
        if (doc_word_in(w, numbers)) {
            for (int j = 0; numbers[j]; j++)
                if (strcasecmp(w, numbers[j]) == 0)
                    count = j < 2 ? 1 : j - 1;
        } else if (!doc_parse_int(w, &count) || count > 400) {
            return 0;
        }
        if (!is(s, i + 2, "ago"))
            return 0;
        const char *unit = word(s, i + 1);
        int32_t d;
        if (strncasecmp(unit, "day", 3) == 0) {
            d = t - (int32_t)count;
            set_span(e, d, d, TAC_DATE_DAY);
        } else if (strncasecmp(unit, "week", 4) == 0) {
            d = week_start(t - 7 * (int32_t)count);
            set_span(e, d, d + 6, TAC_DATE_RANGE);
        } else if (strncasecmp(unit, "month", 5) == 0) {
            int mm = s->sy * 12 + (s->sm - 1) - (int)count;
            set_month(e, mm / 12, mm % 12 + 1);
        } else if (strncasecmp(unit, "year", 4) == 0) {
            set_year(e, s->sy - (int)count);
        } else {
            return 0;
        }
        return 3;
    }
    const char *unit = word(s, k + 1);
    /* "this morning" */
    if (dir == 0 && k == i && doc_word_in(unit, (const char *const[]){
            "morning", "afternoon", "evening", NULL})) {
        set_span(e, t, t, TAC_DATE_DAY);
        return 2;
    }
    if (dir == -1 && strcasecmp(unit, "night") == 0 && is(s, k, "last")) {
        set_span(e, t - 1, t - 1, TAC_DATE_DAY);
        return 2;
    }
    if (strcasecmp(unit, "week") == 0) {
        int32_t m0 = week_start(t) + 7 * dir;
        set_span(e, m0, m0 + 6, TAC_DATE_RANGE);
    } else if (strcasecmp(unit, "weekend") == 0) {
        /* the weekend before (or of, or after) the story's week */
        int32_t sat = week_start(t) + 5 + 7 * dir;
        set_span(e, sat, sat + 1, TAC_DATE_RANGE);
    } else if (strcasecmp(unit, "month") == 0) {
        int mm = s->sy * 12 + (s->sm - 1) + dir;
        set_month(e, mm / 12, mm % 12 + 1);
    } else if (strcasecmp(unit, "year") == 0) {
        set_year(e, s->sy + dir);
    } else {
        return 0;
    }
    return k + 2 - i;
}

/* "in 2019", "since 2019", "the 2019 election". */
static int match_year(const scan *s, int i, date_expr *e)
{
    int y;
    if (!year_token(word(s, i), &y))
        return 0;
    const char *next = word(s, i + 1);
    bool the_noun = is(s, i - 1, "the") &&
                    ((next[0] >= 'A' && next[0] <= 'Z') || (next[0] >= 'a' && next[0] <= 'z'));
    if (!doc_word_in(word(s, i - 1), date_triggers) && !the_noun)
        return 0;
    set_year(e, y);
    return 1;
}

/* Wars that sentences name instead of dating. */
static int match_named_event(const scan *s, int i, date_expr *e)
{
    static const struct { const char *w[4]; int y1, y2; } events[] = {
        {{"Korean", "War"}, 1950, 1953},
        {{"World", "War", "II"}, 1939, 1945},
        {{"World", "War", "Two"}, 1939, 1945},
        {{"Second", "World", "War"}, 1939, 1945},
        {{"World", "War", "I"}, 1914, 1918},
        {{"World", "War", "One"}, 1914, 1918},
        {{"First", "World", "War"}, 1914, 1918},
        {{"Vietnam", "War"}, 1955, 1975},
        {{"Cold", "War"}, 1947, 1991},
        {{"Gulf", "War"}, 1990, 1991},
        {{"Iran-Iraq", "War"}, 1980, 1988},
        {{"Six-Day", "War"}, 1967, 1967},
        {{"Yom", "Kippur", "War"}, 1973, 1973},
        {{"Bosnian", "War"}, 1992, 1995},
    };
    if (!doc_is_capitalized(word(s, i)))    /* every name starts with a capital */
        return 0;
    for (size_t k = 0; k < sizeof events / sizeof events[0]; k++) {
        int len = 0;
        while (len < 4 && events[k].w[len] && strcmp(word(s, i + len), events[k].w[len]) == 0)
            len++;
        if (len < 4 && events[k].w[len])
            continue;     /* ("World War II" is listed before "World War I") */
        if (events[k].y1 == events[k].y2)
            set_year(e, events[k].y1);
        else
            set_years(e, events[k].y1, events[k].y2);
        e->named_event = true;
        return len;
    }
    return 0;
}

static int match_at(const scan *s, int i, date_expr *e)
{
    int (*const matchers[])(const scan *, int, date_expr *) = {
        match_iso, match_years, match_month, match_weekday, match_relative,
        match_year, match_named_event};
    for (size_t k = 0; k < sizeof matchers / sizeof matchers[0]; k++) {
        memset(e, 0, sizeof *e);
        int used = matchers[k](s, i, e);
        if (used > 0) {
            e->first = i;
            e->end = i + used;
            e->is_start = is(s, i - 1, "since") || is(s, i - 2, "since");
            return used;
        }
    }
    return 0;
}

static size_t find_exprs(const scan *s, date_expr *out, size_t max)
{
    size_t n = 0;
    for (int i = 0; (size_t)i < s->n && n < max;) {
        int used = match_at(s, i, &out[n]);
        if (!used) {
            i++;
            continue;
        }
        date_expr *e = &out[n];
        /* "the 1950-1953 Korean War": the years already date the war */
        if (!(e->named_event && n > 0 && out[n - 1].end == e->first)) {
            int lead = e->first;
            while (lead > 0 && doc_word_in(word(s, lead - 1), (const char *const[]){
                       "on", "in", "since", "early", "late", "from", "last", "next",
                       "this", "earlier", "later", NULL}))
                lead--;
            e->fronted = lead == 0 && is(s, e->end, ",");
            n++;
        }
        i += used;
    }
    return n;
}

/* ---- tense ------------------------------------------------------------ */

static bool clause_boundary(const char *w)
{
    return strcmp(w, ";") == 0 || strcmp(w, ":") == 0 || strcmp(w, "--") == 0;
}

tac_tense tac_infer_tense(const char *const *forms, const char *const *tags, size_t n, int verb)
{
    if (!forms || n == 0)
        return TAC_TENSE_UNKNOWN;
    if (verb >= 0 && (size_t)verb < n) {
        for (int j = verb; j >= 0 && j >= verb - 4; j--) {
            tac_tense t = doc_token_tense(forms, tags, n, (size_t)j);
            if (t != TAC_TENSE_UNKNOWN)
                return t;
            if (forms[j] && (strcmp(forms[j], ",") == 0 || clause_boundary(forms[j])))
                break;
        }
        /* "China stands ready": a bare -s verb is present */
        const char *w = forms[verb];
        size_t len = w ? strlen(w) : 0;
        if (!tags && len > 2 && w[len - 1] == 's' && w[len - 2] != 's')
            return TAC_TENSE_PRESENT;
        return TAC_TENSE_UNKNOWN;
    }
    for (size_t i = 0; i < n; i++) {
        tac_tense t = doc_token_tense(forms, tags, n, i);
        if (t != TAC_TENSE_UNKNOWN)
            return t;
    }
    return TAC_TENSE_UNKNOWN;
}

/* The tense governing an expression: the nearest verb group before it in
 * its clause, else the one after it, else the sentence's. */
static tac_tense expr_tense(const tac_date_input *in, const date_expr *e)
{
    if (!e->fronted) {
        for (int j = e->first - 1; j >= 0 && j >= e->first - 15; j--) {
            if (!in->forms[j] || clause_boundary(in->forms[j]))
                break;
            tac_tense t = doc_token_tense(in->forms, in->tags, in->n, (size_t)j);
            if (t != TAC_TENSE_UNKNOWN)
                return t;
        }
    }
    for (size_t j = (size_t)e->end; j < in->n && j < (size_t)e->end + 20; j++) {
        if (!in->forms[j] || clause_boundary(in->forms[j]))
            break;
        tac_tense t = doc_token_tense(in->forms, in->tags, in->n, j);
        if (t != TAC_TENSE_UNKNOWN)
            return t;
    }
    return tac_infer_tense(in->forms, in->tags, in->n, -1);
}

/* ---- resolution ------------------------------------------------------- */

static void resolve_weekday(const scan *s, date_expr *e, tac_tense tense)
{
    int wd = doc_weekday(s->story);
    int back = (wd - e->weekday + 7) % 7;
    int fwd = (e->weekday - wd + 7) % 7;
    int32_t d;
    if (e->rel == REL_LAST)
        d = s->story - (back ? back : 7);
    else if (e->rel == REL_NEXT)
        d = s->story + (fwd ? fwd : 7);
    else if (tense == TAC_TENSE_FUTURE)
        d = s->story + fwd;
    else if (tense == TAC_TENSE_PRESENT || e->rel == REL_THIS)
        d = fwd < back ? s->story + fwd : s->story - back;
    else
        d = s->story - back;
    set_span(e, d, d, TAC_DATE_DAY);
}

static void resolve_month(const scan *s, date_expr *e, tac_tense tense)
{
    int y = s->sy;
    int m = e->month, d = e->day;
    /* position within the year, in days-of-month units, to compare */
    int here = s->sm * 32 + s->sd;
    int there = m * 32 + (d ? d : (tense == TAC_TENSE_FUTURE ? 31 : 1));
    if (e->rel == REL_LAST)
        y = there < here ? y : y - 1;
    else if (e->rel == REL_NEXT)
        y = there > here ? y : y + 1;
    else if (tense == TAC_TENSE_FUTURE)
        y = there >= here ? y : y + 1;
    else if (tense == TAC_TENSE_PAST || tense == TAC_TENSE_UNKNOWN)
        y = m * 32 + (d ? d : 1) <= here ? y : y - 1;
    else    /* present: the nearest */
        y = (m - s->sm > 6) ? y - 1 : (s->sm - m > 6) ? y + 1 : y;
    if (d) {
        if (!valid_day(y, m, d))
            d = doc_month_length(y, m);
        int32_t day = doc_days_from_civil(y, m, d);
        set_span(e, day, day, TAC_DATE_DAY);
    } else {
        set_month(e, y, m);
    }
}

static void format_date(const date_expr *e, char *out, size_t size)
{
    int y1, m1, d1, y2, m2, d2;
    doc_civil_from_days(e->first_day, &y1, &m1, &d1);
    doc_civil_from_days(e->last_day, &y2, &m2, &d2);
    switch (e->prec) {
    case TAC_DATE_DAY:   snprintf(out, size, "%04d-%02d-%02d", y1, m1, d1); break;
    case TAC_DATE_MONTH: snprintf(out, size, "%04d-%02d", y1, m1); break;
    case TAC_DATE_YEAR:  snprintf(out, size, "%04d", y1); break;
    case TAC_DATE_RANGE:
        if (m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31)
            snprintf(out, size, "%04d..%04d", y1, y2);
        else
            snprintf(out, size, "%04d-%02d-%02d..%04d-%02d-%02d", y1, m1, d1, y2, m2, d2);
        break;
    default:             out[0] = '\0'; break;
    }
}

static bool is_comma_or_link(const char *w)
{
    return strcmp(w, ",") == 0 || clause_boundary(w) ||
           doc_word_in(w, (const char *const[]){"when", "who", "which", "while", "where",
                                                 "whose", "after", "before", NULL});
}

/* How far an expression is from the verb, in tokens, each clause boundary
 * in between costing like eight tokens. */
static int attachment_cost(const tac_date_input *in, const date_expr *e, int verb)
{
    if (e->fronted && verb >= e->end)
        return 0;
    int a = e->first > verb ? verb : e->end - 1;
    int b = e->first > verb ? e->first : verb;
    int cost = b - a;
    for (int j = a + 1; j < b; j++)
        if (in->forms[j] && is_comma_or_link(in->forms[j]))
            cost += 8;
    return cost;
}

/* The verb the date should attach to: the caller's, else the first token
 * marking a tense outside any date expression. */
static int guess_verb(const tac_date_input *in, const date_expr *ex, size_t nex)
{
    if (in->verb >= 0 && (size_t)in->verb < in->n)
        return in->verb;
    for (size_t i = 0; i < in->n; i++) {
        bool inside = false;
        for (size_t k = 0; k < nex; k++)
            if ((int)i >= ex[k].first && (int)i < ex[k].end)
                inside = true;
        if (!inside && doc_token_tense(in->forms, in->tags, in->n, i) != TAC_TENSE_UNKNOWN)
            return (int)i;
    }
    return -1;
}

const char *tac_date_precision_name(tac_date_precision p)
{
    switch (p) {
    case TAC_DATE_DAY:   return "day";
    case TAC_DATE_MONTH: return "month";
    case TAC_DATE_YEAR:  return "year";
    case TAC_DATE_RANGE: return "range";
    default:             return "";
    }
}

tac_status tac_resolve_date(const tac_date_input *in, tac_event_date *out, tac_error *err)
{
    if (!out)
        return tac_fail(err, TAC_EINVAL, "tac_resolve_date: no output");
    memset(out, 0, sizeof *out);
    out->first_token = out->end_token = -1;
    scan s = {.w = in ? in->forms : NULL, .n = in && in->forms ? in->n : 0};
    if (!in || !doc_parse_ymd(in->story_date, &s.story))
        return tac_fail(err, TAC_EINVAL, "bad story date '%s' (want YYYY-MM-DD)",
                        in && in->story_date ? in->story_date : "(null)");
    doc_civil_from_days(s.story, &s.sy, &s.sm, &s.sd);

    date_expr ex[MAX_EXPRS];
    size_t nex = find_exprs(&s, ex, MAX_EXPRS);
    date_expr e;
    if (nex == 0) {
        memset(&e, 0, sizeof e);
        set_span(&e, s.story, s.story, TAC_DATE_DAY);
        out->from_story = true;
    } else {
        tac_date_input local = *in;
        local.n = s.n;
        int verb = guess_verb(&local, ex, nex);
        size_t best = 0;
        if (verb >= 0) {
            int best_cost = attachment_cost(&local, &ex[0], verb);
            for (size_t k = 1; k < nex; k++) {
                int c = attachment_cost(&local, &ex[k], verb);
                if (c < best_cost)
                    best = k, best_cost = c;
            }
        }
        e = ex[best];
        if (e.kind != EX_SPAN) {
            tac_tense tense = in->verb >= 0 && in->tense != TAC_TENSE_UNKNOWN
                            ? in->tense : expr_tense(&local, &e);
            if (e.kind == EX_WEEKDAY)
                resolve_weekday(&s, &e, tense);
            else
                resolve_month(&s, &e, tense);
        }
        out->first_token = e.first;
        out->end_token = e.end;
        out->is_start = e.is_start;
    }
    format_date(&e, out->date, sizeof out->date);
    out->precision = e.prec;
    out->first_day = e.first_day;
    out->last_day = e.last_day;
    out->historical = e.last_day < s.story - 365;
    return TAC_OK;
}
