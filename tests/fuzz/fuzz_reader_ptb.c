/* libFuzzer entry point for the "reader_ptb" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(reader_ptb)
