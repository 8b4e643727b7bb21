/* libFuzzer entry point for the "coder" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(coder)
