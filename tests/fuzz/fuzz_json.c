/* libFuzzer entry point for the "json" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(json)
