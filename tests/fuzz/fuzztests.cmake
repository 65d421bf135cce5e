# Registers the fuzz targets of targets.cmake as ctest tests of the main build (label `fuzz`).
# The test fuzz_build builds them first (a fixture), with clang++ in <build>/fuzz, through
# run-fuzz.sh; each fuzz_NAME test then runs one target for RETORT_FUZZ_SECONDS (default 60).
set(RETORT_FUZZ_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/run-fuzz.sh)
set(RETORT_FUZZ_BUILD ${CMAKE_BINARY_DIR}/fuzz)

add_test(NAME fuzz_build COMMAND ${RETORT_FUZZ_SCRIPT} build ${RETORT_FUZZ_BUILD})
set_tests_properties(fuzz_build PROPERTIES LABELS fuzz FIXTURES_SETUP fuzz_build
    SKIP_RETURN_CODE 77 TIMEOUT 1800)

function(retort_fuzz_target name)
    cmake_parse_arguments(ARG "" "" "MODULES;SEEDS" ${ARGN})
    add_test(NAME fuzz_${name}
             COMMAND ${RETORT_FUZZ_SCRIPT} run ${RETORT_FUZZ_BUILD} ${name} ${ARG_SEEDS})
    # The time limit is the script's (libFuzzer's -max_total_time); this is only a backstop.
    set_tests_properties(fuzz_${name} PROPERTIES LABELS fuzz FIXTURES_REQUIRED fuzz_build
        SKIP_RETURN_CODE 77 TIMEOUT 3600)
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
