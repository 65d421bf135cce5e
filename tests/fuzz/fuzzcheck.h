#pragma once

// For the fuzz harnesses: a broken property is a crash, so that libFuzzer saves the input.

#include <cstdio>
#include <cstdlib>

#define RETORT_FUZZ_CHECK(cond)                                                                    \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);       \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
