/* libFuzzer entry point for the "text" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(text)
