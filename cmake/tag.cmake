# Tagger and lemmatizer models. They are built into ${CMAKE_BINARY_DIR}/models
# at build time from Debian packages (never committed):
#   tagger.bin  from liblingua-en-tagger-perl (word/tag counts, tag bigrams)
#   lemmas.bin  from wordnet-base (lemma lists and irregular forms)
set(TAC_LINGUA_TAGGER_DIR "/usr/share/perl5/Lingua/EN/Tagger" CACHE PATH
    "Directory with Lingua::EN::Tagger's words.yml and tags.yml")
set(TAC_WORDNET_DIR "/usr/share/wordnet" CACHE PATH
    "Directory with WordNet's index.* and *.exc files")

foreach(f words.yml tags.yml)
  if(NOT EXISTS "${TAC_LINGUA_TAGGER_DIR}/${f}")
    message(FATAL_ERROR "${TAC_LINGUA_TAGGER_DIR}/${f} not found: the tagger model is "
      "built from the Debian package liblingua-en-tagger-perl "
      "(apt-get install liblingua-en-tagger-perl), or set TAC_LINGUA_TAGGER_DIR")
  endif()
endforeach()
set(TAC_WORDNET_FILES)
foreach(pos noun verb adj adv)
  foreach(f index.${pos} ${pos}.exc)
    if(NOT EXISTS "${TAC_WORDNET_DIR}/${f}")
      message(FATAL_ERROR "${TAC_WORDNET_DIR}/${f} not found: the lemmatizer model is "
        "built from the Debian package wordnet-base "
        "(apt-get install wordnet-base), or set TAC_WORDNET_DIR")
    endif()
    list(APPEND TAC_WORDNET_FILES "${TAC_WORDNET_DIR}/${f}")
  endforeach()
endforeach()

foreach(name tagger lemmas)
  add_executable(tac_gen_${name} ${CMAKE_SOURCE_DIR}/tools/gen/gen_${name}.c)
  target_link_libraries(tac_gen_${name} PRIVATE libtacitus m)
  set_target_properties(tac_gen_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/gen)
endforeach()

set(TAC_MODEL_DIR ${CMAKE_BINARY_DIR}/models)
# Generators are one-shot programs: in sanitizer builds, don't fail on leaks.
set(TAC_GEN_ENV ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0)

add_custom_command(
  OUTPUT ${TAC_MODEL_DIR}/tagger.bin
  COMMAND ${CMAKE_COMMAND} -E make_directory ${TAC_MODEL_DIR}
  COMMAND ${TAC_GEN_ENV} $<TARGET_FILE:tac_gen_tagger>
          ${TAC_LINGUA_TAGGER_DIR}/words.yml ${TAC_LINGUA_TAGGER_DIR}/tags.yml
          ${TAC_MODEL_DIR}/tagger.bin
  DEPENDS tac_gen_tagger ${TAC_LINGUA_TAGGER_DIR}/words.yml ${TAC_LINGUA_TAGGER_DIR}/tags.yml
  COMMENT "Building the tagger model from liblingua-en-tagger-perl"
  VERBATIM)

add_custom_command(
  OUTPUT ${TAC_MODEL_DIR}/lemmas.bin
  COMMAND ${CMAKE_COMMAND} -E make_directory ${TAC_MODEL_DIR}
  COMMAND ${TAC_GEN_ENV} $<TARGET_FILE:tac_gen_lemmas> ${TAC_WORDNET_DIR} ${TAC_MODEL_DIR}/lemmas.bin
  DEPENDS tac_gen_lemmas ${TAC_WORDNET_FILES}
  COMMENT "Building the lemmatizer model from wordnet-base"
  VERBATIM)

add_custom_target(tac_tag_models ALL
  DEPENDS ${TAC_MODEL_DIR}/tagger.bin ${TAC_MODEL_DIR}/lemmas.bin)
foreach(t tacitus test_tag bench_tag)
  if(TARGET ${t})
    add_dependencies(${t} tac_tag_models)
  endif()
endforeach()
