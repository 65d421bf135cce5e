# C++20, warnings, and Qt's strictness switches for one target of ours.
function(retort_target_defaults target)
    target_compile_features(${target} PRIVATE cxx_std_20)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor)
    if(RETORT_WERROR)
        # GCC 12 at -O2 reports false positives inside Qt's QStringBuilder (array-bounds,
        # stringop-*, restrict on QString's shared empty data); keep them warnings.
        target_compile_options(${target} PRIVATE -Werror -Wno-error=array-bounds
            -Wno-error=stringop-overflow -Wno-error=stringop-overread -Wno-error=restrict)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER QT_NO_FOREACH
        RETORT_VERSION="${PROJECT_VERSION}")
endfunction()

# retort_add_test(tst_x SOURCES a.cpp LIBS Retort::Engine LABELS unit [GUI])
function(retort_add_test name)
    cmake_parse_arguments(ARG "GUI" "" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test)
    retort_target_defaults(${name})
    target_compile_definitions(${name} PRIVATE
        RETORT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        RETORT_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        RETORT_CLI_PATH="$<TARGET_FILE:retort>")
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen")
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "${env}" TIMEOUT 600)
endfunction()
