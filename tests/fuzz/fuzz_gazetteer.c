/* libFuzzer entry point for the "gazetteer" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(gazetteer)
