#include <stdio.h>
#include <string.h>

#include "util/util.h"

tac_status tac_fail(tac_error *err, tac_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->status = status;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return status;
}

void tac_error_clear(tac_error *err)
{
    if (err) {
        err->status = TAC_OK;
        err->msg[0] = '\0';
    }
}

void tac_diag_emit(const tac_diag *diag, tac_severity sev, const char *where,
                   const char *fmt, ...)
{
    if (!diag || !diag->fn)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag->fn(diag->ud, sev, where ? where : "", msg);
}

const char *tac_status_name(tac_status s)
{
    switch (s) {
    case TAC_OK: return "ok";
    case TAC_END: return "end";
    case TAC_SKIPPED: return "skipped";
    case TAC_EIO: return "i/o error";
    case TAC_ENOMEM: return "out of memory";
    case TAC_EINVAL: return "invalid argument";
    case TAC_EPARSE: return "parse error";
    case TAC_ENOTFOUND: return "not found";
    case TAC_EUNSUPPORTED: return "unsupported";
    case TAC_ELIMIT: return "limit exceeded";
    }
    return "unknown status";
}
