// Fuzz target: StatementSplitter::split in all three dialects. Besides crashes, hangs and
// undefined behaviour it checks what every caller relies on: each statement has text and a line
// inside the input, lines never go backwards, and an error names a line inside the input.

#include "fuzzcheck.h"

#include <engine/sql/statementsplitter.h>

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString sql = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const int firstLine = 7; // any line but 1, so that an offset forgotten somewhere shows
    const int lastLine = firstLine + int(sql.count(u'\n'));
    for (const SqlDialect dialect : {SqlDialect::SQLite, SqlDialect::PostgreSQL, SqlDialect::MySQL}) {
        const Result<StatementList> statements = StatementSplitter::split(sql, dialect, firstLine);
        if (!statements) {
            RETORT_FUZZ_CHECK(statements.error().line >= firstLine);
            RETORT_FUZZ_CHECK(statements.error().line <= lastLine);
            continue;
        }
        int previous = firstLine;
        for (const Statement &s : *statements) {
            RETORT_FUZZ_CHECK(!s.text.trimmed().isEmpty());
            RETORT_FUZZ_CHECK(s.line >= previous);
            RETORT_FUZZ_CHECK(s.line <= lastLine);
            previous = s.line;
        }
    }
    return 0;
}
