/* libFuzzer entry point for the "dict_discards" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(dict_discards)
