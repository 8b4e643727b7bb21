/* libFuzzer entry point for the "reader_xml" target (see targets.h, README.md). */
#include "fuzz_main.h"

FZ_MAIN(reader_xml)
