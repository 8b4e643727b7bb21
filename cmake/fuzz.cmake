# fuzz.cmake - robustness testing of the parsers of untrusted input.
#
# tests/fuzz/targets.c holds one harness per parser. It is always compiled
# into the deterministic mutation test (tests/unit/test_robustness.c, any
# compiler). With -DTAC_FUZZ=ON, and a compiler that supports
# -fsanitize=fuzzer (clang), every tests/fuzz/fuzz_*.c also becomes a
# libFuzzer binary in <build>/fuzz/; see tests/fuzz/README.md.

option(TAC_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

set(TAC_FUZZ_DIR "${CMAKE_SOURCE_DIR}/tests/fuzz")

if(TARGET test_robustness)
  target_sources(test_robustness PRIVATE "${TAC_FUZZ_DIR}/targets.c")
  target_include_directories(test_robustness PRIVATE "${TAC_FUZZ_DIR}")
endif()

if(TAC_FUZZ)
  include(CheckCSourceCompiles)
  set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer")
  set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=fuzzer")
  check_c_source_compiles("
    #include <stddef.h>
    #include <stdint.h>
    int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }"
    TAC_HAVE_LIBFUZZER)
  unset(CMAKE_REQUIRED_FLAGS)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)

  if(NOT TAC_HAVE_LIBFUZZER)
    message(WARNING "TAC_FUZZ: ${CMAKE_C_COMPILER_ID} does not support -fsanitize=fuzzer; "
                    "the libFuzzer targets are not built (configure with CC=clang)")
  else()
    # Coverage instrumentation for the code under test; the sanitizers
    # themselves come from TAC_SANITIZE (recommended) or the user's flags.
    target_compile_options(libtacitus PRIVATE -fsanitize=fuzzer-no-link)
    file(GLOB TAC_FUZZ_SOURCES CONFIGURE_DEPENDS "${TAC_FUZZ_DIR}/fuzz_*.c")
    foreach(src ${TAC_FUZZ_SOURCES})
      get_filename_component(name ${src} NAME_WE)
      add_executable(${name} ${src} "${TAC_FUZZ_DIR}/targets.c")
      set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
      target_include_directories(${name} PRIVATE "${TAC_FUZZ_DIR}")
      target_compile_definitions(${name} PRIVATE TAC_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
      target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
      target_link_options(${name} PRIVATE -fsanitize=fuzzer)
      target_link_libraries(${name} PRIVATE libtacitus)
    endforeach()
  endif()
endif()
