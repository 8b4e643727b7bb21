/* The store's view of the CAMEO codebook (tac_cameo_lookup, src/output):
 * everything codebook-related the store needs goes through store_codebook(). */
#include <ctype.h>
#include <string.h>

#include "store/store.h"

bool store_valid_code(const char *cameo)
{
    if (!cameo)
        return false;
    size_t n = strlen(cameo);
    if (n < 2 || n > 4)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)cameo[i]))
            return false;
    int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
    return root >= 1 && root <= 20;
}

static int root_of(const char *cameo)
{
    if (!store_valid_code(cameo))
        return -1;
    return (cameo[0] - '0') * 10 + (cameo[1] - '0');
}

int store_quad_of_code(const char *cameo)
{
    int root = root_of(cameo);
    if (root < 1)
        return 0;
    if (root <= 5)
        return 1;   /* verbal cooperation */
    if (root <= 9)
        return 2;   /* material cooperation */
    if (root <= 14)
        return 3;   /* verbal conflict */
    return 4;       /* material conflict */
}

static const char *defined(const char *s) { return s && *s ? s : NULL; }

void store_codebook(const char *cameo, store_code_info *out)
{
    memset(out, 0, sizeof *out);
    const tac_cameo_info *cb = tac_cameo_lookup(cameo);
    if (!cb) {
        /* Not in the codebook (a dictionary with its own codes): the root
         * still tells the quad class; Goldstein and PLOVER stay unknown. */
        out->quad = store_quad_of_code(cameo);
        return;
    }
    out->quad = cb->quad_class ? cb->quad_class : store_quad_of_code(cameo);
    out->has_goldstein = true;
    out->goldstein = cb->goldstein;
    out->plover = defined(cb->plover);
    out->plover_mode = defined(cb->plover_mode);
    out->plover_context = defined(cb->plover_context);
}
