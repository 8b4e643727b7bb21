# dicts.cmake - build-time dictionary generation.
#
# The country-name actor dictionary is generated from Debian's iso-codes
# (ISO 3166-1: names, official names, alpha-3 codes) so that it is never
# stale and never committed: ${CMAKE_BINARY_DIR}/data/actors-countries-iso.txt.
# Everything else in the default dictionary set is hand-written in data/.

set(TAC_ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"
    CACHE FILEPATH "ISO 3166-1 table from the Debian package iso-codes")
if(NOT EXISTS "${TAC_ISO_3166_JSON}")
  message(FATAL_ERROR
    "dicts: ${TAC_ISO_3166_JSON} not found. Install the Debian package "
    "'iso-codes' (apt-get install iso-codes) or set TAC_ISO_3166_JSON.")
endif()

find_program(TAC_SH NAMES sh REQUIRED)

set(TAC_DICT_BUILD_DIR "${CMAKE_BINARY_DIR}/data")
set(TAC_COUNTRIES_ISO "${TAC_DICT_BUILD_DIR}/actors-countries-iso.txt")
set(TAC_COUNTRIES_GEN "${CMAKE_SOURCE_DIR}/tools/gen/countries-iso.sh")

add_custom_command(
  OUTPUT "${TAC_COUNTRIES_ISO}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${TAC_DICT_BUILD_DIR}"
  COMMAND "${TAC_SH}" "${TAC_COUNTRIES_GEN}" "${TAC_ISO_3166_JSON}" "${TAC_COUNTRIES_ISO}"
  DEPENDS "${TAC_COUNTRIES_GEN}" "${TAC_ISO_3166_JSON}"
  COMMENT "Generating data/actors-countries-iso.txt from iso-codes"
  VERBATIM)
add_custom_target(tac_dicts ALL DEPENDS "${TAC_COUNTRIES_ISO}")

# Tests and the CLI find the generated file next to the binary; make sure it
# exists before anything that may read it at test time is built.
if(TARGET tacitus)
  add_dependencies(tacitus tac_dicts)
endif()
