# Document stage: the gazetteer (data/gazetteer.tsv) is embedded in
# libtacitus as a C string, so the library needs no data file at run time.
# tools/gen/gen_gazetteer.c is a host program built only for that; a row
# without 6 fields fails the build with file:line.
add_executable(tac_gen_gazetteer ${CMAKE_SOURCE_DIR}/tools/gen/gen_gazetteer.c)
set_target_properties(tac_gen_gazetteer PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/gen)

set(TAC_GAZETTEER_TSV ${CMAKE_SOURCE_DIR}/data/gazetteer.tsv)
set(TAC_GAZETTEER_C ${CMAKE_BINARY_DIR}/generated/gazetteer_data.c)
add_custom_command(
  OUTPUT ${TAC_GAZETTEER_C}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND tac_gen_gazetteer ${TAC_GAZETTEER_TSV} ${TAC_GAZETTEER_C}
  DEPENDS tac_gen_gazetteer ${TAC_GAZETTEER_TSV}
  COMMENT "Embedding the gazetteer"
  VERBATIM)
target_sources(libtacitus PRIVATE ${TAC_GAZETTEER_C})
