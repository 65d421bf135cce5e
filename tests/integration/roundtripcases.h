#pragma once

// Before/after DDL pairs for tst_roundtrip. Portable rows use "..." quoting (MySQL rows get
// backticks), types that all three engines know, and no engine-specific syntax.
#include <engine/core/sqldialect.h>

#include <QList>
#include <QString>

namespace RoundTrip {

struct Case
{
    QString name;
    QString before; // DDL
    QString after;  // DDL
    QString seed;   // rows inserted into `before` (may be empty)
    QString probe;  // SELECT of untouched columns, ORDER BY'd; must read the same throughout
};

QList<Case> cases(Retort::SqlDialect dialect); // portable rows plus the engine's own
QList<Case> portableCases();

} // namespace RoundTrip
