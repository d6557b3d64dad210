# Style tools (docs: scripts/format.sh, scripts/tidy.sh, scripts/pre-commit).
#   cmake --build --preset ci --target format        rewrites src/ ui/ app/ tests/ in place
#   cmake --build --preset ci --target format-check  lists the files that differ
find_program(KAIROS_CLANG_FORMAT NAMES clang-format clang-format-14)
if(KAIROS_CLANG_FORMAT)
  add_custom_target(format
    COMMAND ${CMAKE_COMMAND} -E env CLANG_FORMAT=${KAIROS_CLANG_FORMAT}
            ${PROJECT_SOURCE_DIR}/scripts/format.sh --fix
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} USES_TERMINAL VERBATIM)
  add_custom_target(format-check
    COMMAND ${CMAKE_COMMAND} -E env CLANG_FORMAT=${KAIROS_CLANG_FORMAT}
            ${PROJECT_SOURCE_DIR}/scripts/format.sh
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} USES_TERMINAL VERBATIM)
endif()
