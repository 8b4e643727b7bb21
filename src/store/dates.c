/* Calendar arithmetic for the store: days since 1970-01-01 (proleptic
 * Gregorian) and the period keys of series (ISO 8601 weeks). */
#include <stdio.h>
#include <string.h>

#include "store/store.h"

/* Howard Hinnant's days_from_civil / civil_from_days. */
static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool store_parse_date(const char *s, long *days)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    if (d > mdays[m - 1] + (m == 2 && leap(y)))
        return false;
    *days = days_from_civil(y, m, d);
    return true;
}

void store_format_date(long days, char out[11])
{
    long y;
    int m, d;
    civil_from_days(days, &y, &m, &d);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%04ld-%02d-%02d", y % 10000, m, d);
    snprintf(out, 11, "%.10s", tmp);
}

/* ISO weekday: Monday 1 .. Sunday 7. 1970-01-01 was a Thursday. */
static int iso_weekday(long days)
{
    long w = (days + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

void store_period_key(long days, tac_period period, char key[16])
{
    char out[64];   /* roomy: the compiler cannot bound the numbers */
    long y;
    int m, d;
    civil_from_days(days, &y, &m, &d);
    switch (period) {
    case TAC_PERIOD_DAY:
        snprintf(out, sizeof out, "%04ld-%02d-%02d", y % 10000, m, d);
        break;
    case TAC_PERIOD_WEEK: {
        /* The ISO week belongs to the year of its Thursday. */
        long thursday = days - iso_weekday(days) + 4;
        long ty;
        int tm, td;
        civil_from_days(thursday, &ty, &tm, &td);
        long week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
        snprintf(out, sizeof out, "%04ld-W%02ld", ty % 10000, week);
        break;
    }
    case TAC_PERIOD_MONTH:
        snprintf(out, sizeof out, "%04ld-%02d", y % 10000, m);
        break;
    case TAC_PERIOD_YEAR:
        snprintf(out, sizeof out, "%04ld", y % 10000);
        break;
    }
    snprintf(key, 16, "%.15s", out);
}

bool tac_period_parse(const char *name, tac_period *out)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    for (int i = 0; i < 4; i++) {
        if (name && !strcmp(name, names[i])) {
            *out = (tac_period)i;
            return true;
        }
    }
    return false;
}
