/* libFuzzer entry point for the "reader_jsonl" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(reader_jsonl)
