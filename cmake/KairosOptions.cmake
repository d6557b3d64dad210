# One INTERFACE target carries the language level, the strict Qt defines and warnings.
add_library(kairos_options INTERFACE)
target_compile_features(kairos_options INTERFACE cxx_std_20)
target_compile_definitions(kairos_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_KEYWORDS
  QT_NO_FOREACH)
if(KAIROS_PORTABLE_ONLY)
  target_compile_definitions(kairos_options INTERFACE KAIROS_PORTABLE_ONLY=1)
endif()
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(kairos_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
  if(KAIROS_WERROR)
    target_compile_options(kairos_options INTERFACE -Werror)
  endif()
  if(KAIROS_ENABLE_ASAN)
    target_compile_options(kairos_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(kairos_options INTERFACE -fsanitize=address,undefined)
  endif()
elseif(MSVC)
  target_compile_options(kairos_options INTERFACE /W4 /permissive- /utf-8)
  if(KAIROS_WERROR)
    target_compile_options(kairos_options INTERFACE /WX)
  endif()
endif()

# kairos_add_core_module(NAME SOURCES... [DEPENDS targets...])
# Each src/ folder is its own static library so the layers stay visible in the build.
# None of them may link Qt6::Widgets or Qt6::Gui: an include of <QWidget> under src/ fails.
function(kairos_add_core_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC kairos_options ${ARG_DEPENDS})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# kairos_add_test(NAME SOURCES... [LIBS targets...] [GUI] [KEYCHAIN] [LABELS l...])
function(kairos_add_test name)
  cmake_parse_arguments(ARG "GUI;KEYCHAIN" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE kairos_options Qt6::Test kairos_test_support ${ARG_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  set(env "QT_LOGGING_RULES=kairos.*.debug=false")
  if(ARG_GUI)
    list(APPEND env "QT_QPA_PLATFORM=offscreen")
  endif()
  set(labels ${ARG_LABELS})
  if(ARG_KEYCHAIN)
    list(APPEND labels keychain)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT} LABELS "${labels}")
endfunction()
