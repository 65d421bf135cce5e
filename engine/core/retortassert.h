#pragma once

#include <QDebug>

// Programmer errors: log where and recover with `action`; never crash a user's migration.
#define RETORT_ASSERT(cond, action) \
    if (Q_LIKELY(cond)) { \
    } else { \
        qWarning("RETORT_ASSERT: \"%s\" in %s:%d", #cond, __FILE__, __LINE__); \
        action; \
    } \
    do { \
    } while (0)
