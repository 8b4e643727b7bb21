/* Calendar arithmetic on day numbers (days since 1970-01-01), so that dates
 * of any precision compare as spans of days. */
#include <string.h>

#include "document/document.h"

/* Howard Hinnant's days_from_civil / civil_from_days. */
int32_t doc_days_from_civil(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void doc_civil_from_days(int32_t days, int *y, int *m, int *d)
{
    long z = (long)days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int doc_month_length(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return days[m - 1] + (m == 2 && leap_year(y));
}

int doc_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (3). */
    int w = (int)(((long)days + 3) % 7);
    return w < 0 ? w + 7 : w;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool doc_parse_ymd(const char *s, int32_t *days)
{
    if (!s)
        return false;
    size_t len = strlen(s);
    int y, m, d;
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    } else if (len == 8) {
        y = digits(s, 4), m = digits(s + 4, 2), d = digits(s + 6, 2);
    } else {
        return false;
    }
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > doc_month_length(y, m))
        return false;
    *days = doc_days_from_civil(y, m, d);
    return true;
}
