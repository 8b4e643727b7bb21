/* libFuzzer entry point for the "parser" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(parser)
