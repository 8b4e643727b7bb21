#include <stdlib.h>

#include "util/util.h"

/* The directories are compiled in (the source tree's data/ and the build
 * tree, where generated models and dictionaries live) and can be moved with
 * TACITUS_DATA / TACITUS_BUILD, e.g. for an installed copy. */
const char *tac_data_dir(void)
{
    const char *env = getenv("TACITUS_DATA");
    return env && *env ? env : TAC_DATA_DIR;
}

const char *tac_build_dir(void)
{
    const char *env = getenv("TACITUS_BUILD");
    return env && *env ? env : TAC_BUILD_DIR;
}
