#pragma once

#include "pythontoken.h"

#include <engine/core/result.h>

#include <QList>
#include <QString>

namespace Retort {

// One logical line of Python: the tokens from one NEWLINE to the next, across bracketed line
// breaks and backslash continuations, without comments.
struct PythonLogicalLine
{
    int indent = 0; // column of the first token; tabs to the next multiple of 8, as Python does
    int line = 0;   // 1-based line of the first token
    QList<PythonToken> tokens;
};

// Splits Python 3 source into logical lines of tokens, as Python's tokenizer does, far enough to
// read literals and statement structure: names, numbers, strings with every prefix (r, u, b, f
// and their combinations, any case) and quoting (single, double, triple), operators. Comments
// and blank lines are dropped; '\r\n' and '\r' count as '\n' (Python's universal newlines).
// Never crashes or loops on any input; linear in its length. Pure, any thread.
//
// Errors (Kind::Script, with the line): a string that is never closed, a bracket that is never
// closed at the end of the file.
class PythonTokenizer
{
public:
    static Result<QList<PythonLogicalLine>> tokenize(QStringView source, const QString &filePath);
};

} // namespace Retort
