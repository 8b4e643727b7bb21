# Output stage: the CAMEO codebook (data/cameo-codebook.tsv) is compiled into
# libtacitus as a C table, so the library needs no data file at run time.
# tools/gen/gen_codebook.c is a host program built here only for that; it
# checks the table and fails the build with file:line on a bad row.
add_executable(tac_gen_codebook ${CMAKE_SOURCE_DIR}/tools/gen/gen_codebook.c)
set_target_properties(tac_gen_codebook PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/gen)

set(TAC_CODEBOOK_TSV ${CMAKE_SOURCE_DIR}/data/cameo-codebook.tsv)
set(TAC_CODEBOOK_C ${CMAKE_BINARY_DIR}/generated/cameo_codebook.c)
add_custom_command(
  OUTPUT ${TAC_CODEBOOK_C}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND tac_gen_codebook ${TAC_CODEBOOK_TSV} ${TAC_CODEBOOK_C}
  DEPENDS tac_gen_codebook ${TAC_CODEBOOK_TSV}
  COMMENT "Compiling the CAMEO codebook"
  VERBATIM)
target_sources(libtacitus PRIVATE ${TAC_CODEBOOK_C})
