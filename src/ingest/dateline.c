/* Dateline detection: "BEIJING –", "WASHINGTON (AP) —", "SEOUL, South
 * Korea —", "KYIV, Ukraine, March 3 (AP) --", "LONDON, 7 October (Reuters) -".
 *
 *   dateline := PLACE { ", " REGION } [ ", " DATE ] [ " (" AGENCY ")" ] [":"] DASH
 *   PLACE    := 1-5 all-caps words ("RIO DE JANEIRO", "ST. LOUIS", "N'DJAMENA")
 *   REGION   := 1-4 capitalised words ("South Korea", "Calif.", "D.C."), at most 2
 *   DASH     := "-" | "--" | "–" | "—", spaced; en/em dash and "--" may be unspaced
 *
 * What must not match: "US-LED forces...", "NATO-led troops", "FBI agents
 * said..." — an all-caps word is only a place when a dash follows it. */
#include <string.h>
#include <utf8proc.h>

#include "ingest/ingest.h"

#define MAX_PLACE_WORDS  5
#define MAX_REGION_WORDS 4
#define MAX_REGIONS      2
#define MAX_AGENCY       40

/* Decodes the code point at s[i]; returns its byte length, 0 at the end or
 * on an invalid sequence. */
static size_t cp_at(const char *s, size_t len, size_t i, int32_t *cp)
{
    if (i >= len)
        return 0;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), cp);
    return n > 0 ? (size_t)n : 0;
}

static bool is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static bool is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO;
}

static bool is_joiner(int32_t cp)   /* inside a word: "N'DJAMENA", "PORT-AU-PRINCE" */
{
    return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '&';
}

/* An all-caps word at s[i]: returns its end, or i if there is none.
 * Counts its letters into *letters. */
static size_t caps_word(const char *s, size_t len, size_t i, size_t *letters)
{
    int32_t cp;
    size_t n = cp_at(s, len, i, &cp), j = i, count = 0;
    if (!n || !is_upper(cp))
        return i;
    while ((n = cp_at(s, len, j, &cp)) > 0) {
        if (is_upper(cp)) {
            count++;
            j += n;
        } else if (cp == '.') {
            j += n;
        } else if (is_joiner(cp)) {
            int32_t next;
            if (!cp_at(s, len, j + n, &next) || !is_upper(next))
                break;
            j += n;
        } else if (is_letter(cp) || (cp >= '0' && cp <= '9')) {
            return i;   /* "Beijing", "BEIJING2": not an all-caps word */
        } else {
            break;
        }
    }
    *letters += count;
    return j;
}

/* A capitalised word ("South", "Calif.", "D.C."): returns its end or i. */
static size_t cap_word(const char *s, size_t len, size_t i)
{
    int32_t cp;
    size_t n = cp_at(s, len, i, &cp), j = i;
    if (!n || !is_upper(cp))
        return i;
    while ((n = cp_at(s, len, j, &cp)) > 0) {
        if (is_letter(cp) || cp == '.')
            j += n;
        else if (is_joiner(cp)) {
            int32_t next;
            if (!cp_at(s, len, j + n, &next) || !is_letter(next))
                break;
            j += n;
        } else if (cp >= '0' && cp <= '9')
            return i;
        else
            break;
    }
    return j;
}

static size_t month_name(const char *s, size_t len, size_t i)
{
    static const char *const months[] = {
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Sept", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (size_t k = 0; k < sizeof months / sizeof *months; k++) {
        size_t m = strlen(months[k]);
        if (i + m > len || memcmp(s + i, months[k], m) != 0)
            continue;
        size_t j = i + m;
        if (j < len && s[j] == '.')
            j++;
        else if (j < len && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
            continue;   /* "Marching" */
        return j;
    }
    return i;
}

static size_t digits(const char *s, size_t len, size_t i, size_t max)
{
    size_t j = i;
    while (j < len && j - i < max && s[j] >= '0' && s[j] <= '9')
        j++;
    return (j < len && s[j] >= '0' && s[j] <= '9') ? i : j;
}

/* "March 3", "Oct. 7", "March 3, 2022", "7 October": returns the end or i. */
static size_t date_phrase(const char *s, size_t len, size_t i)
{
    size_t j = month_name(s, len, i), k;
    if (j > i) {
        if (j >= len || s[j] != ' ')
            return i;
        k = digits(s, len, j + 1, 2);
        if (k == j + 1)
            return i;
        if (k + 2 < len && s[k] == ',' && s[k + 1] == ' ') {
            size_t y = digits(s, len, k + 2, 4);
            if (y == k + 6)
                k = y;
        }
        return k;
    }
    k = digits(s, len, i, 2);
    if (k == i || k >= len || s[k] != ' ')
        return i;
    j = month_name(s, len, k + 1);
    return j > k + 1 ? j : i;
}

static size_t region(const char *s, size_t len, size_t i)
{
    size_t j = cap_word(s, len, i);
    if (j == i)
        return i;
    for (int words = 1; words < MAX_REGION_WORDS; words++) {
        if (j >= len || s[j] != ' ')
            break;
        size_t k = cap_word(s, len, j + 1);
        if (k == j + 1)
            break;
        j = k;
    }
    return j;
}

/* " (AP)" or "(Reuters)": returns the end or i. */
static size_t agency(const char *s, size_t len, size_t i)
{
    size_t j = i;
    if (j < len && s[j] == ' ')
        j++;
    if (j >= len || s[j] != '(')
        return i;
    size_t start = ++j;
    if (j >= len || !((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z')))
        return i;
    while (j < len && j - start <= MAX_AGENCY && s[j] != ')') {
        if (s[j] == '(' || s[j] == '\n')
            return i;
        j++;
    }
    return (j < len && s[j] == ')') ? j + 1 : i;
}

/* The dash at s[i] (after optional spaces): returns the end or i. */
static size_t dash(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    bool spaced_before = j > i;
    size_t end;
    bool ascii_single = false;
    if (j + 1 < len && s[j] == '-' && s[j + 1] == '-')
        end = j + 2;
    else if (j < len && s[j] == '-')
        end = j + 1, ascii_single = true;
    else if (j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
             ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
        end = j + 3;
    else
        return i;
    bool spaced_after = end < len && (s[end] == ' ' || s[end] == '\n' || s[end] == '\t');
    /* "BEIJING-based" is a compound, not a dateline */
    if (ascii_single && !spaced_before && !spaced_after)
        return i;
    return end;
}

bool tac_find_dateline(const char *text, size_t len, size_t *place_len, size_t *body_offset)
{
    const char *s = text;
    size_t letters = 0, words = 0, i = 0;
    for (;;) {
        size_t j = caps_word(s, len, i, &letters);
        if (j == i)
            break;
        words++;
        i = j;
        size_t dummy = 0;
        if (i < len && s[i] == ' ' && caps_word(s, len, i + 1, &dummy) > i + 1)
            i++;
        else
            break;
    }
    if (words == 0 || words > MAX_PLACE_WORDS || letters < 2)
        return false;
    size_t place_end = i;
    int regions = 0;
    bool have_date = false;
    while (i + 1 < len && s[i] == ',' && s[i + 1] == ' ') {
        size_t j;
        if ((j = date_phrase(s, len, i + 2)) > i + 2) {
            i = j;
            have_date = true;
            break;
        }
        if (regions == MAX_REGIONS || (j = region(s, len, i + 2)) == i + 2)
            return false;
        i = place_end = j;
        regions++;
    }
    size_t j = agency(s, len, i);
    if (j > i) {
        i = j;
    } else if (!have_date && i < len && s[i] == ' ' && (j = date_phrase(s, len, i + 1)) > i + 1) {
        i = j;   /* "LONDON Oct 7 (Reuters) -" */
        i = agency(s, len, i);
    }
    if (i < len && s[i] == ':')
        i++;
    j = dash(s, len, i);
    if (j == i)
        return false;
    while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
        j++;
    if (j >= len)
        return false;   /* nothing after the dash: a heading, not a dateline */
    *place_len = place_end;
    *body_offset = j;
    return true;
}
