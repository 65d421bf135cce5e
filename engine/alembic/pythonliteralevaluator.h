#pragma once

#include "pythontoken.h"
#include "pythonvalue.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Retort {

// Evaluates one Python expression made of literals: strings (adjacent ones concatenated),
// None, True, False, numbers, '...', tuples (with or without parentheses), lists, '+' of like
// values, parentheses, and names that the lookup resolves to literals. Anything else (a call,
// an attribute, another operator, an f-string, a dict or set, a starred item) fails with a
// short reason naming it. Recursion is capped at MaxDepth, so hostile input cannot exhaust the
// stack. Pure.
class PythonLiteralEvaluator
{
public:
    // Returns the value of `name`, or sets *reason and returns nothing when it is not a literal.
    using Lookup = std::function<std::optional<PythonValue>(const QString &name, QString *reason)>;

    PythonLiteralEvaluator(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end,
                           Lookup lookup, int *nextListId);

    // The whole range as one value (a bare "a, b" is a tuple); on failure, *reason says why.
    std::optional<PythonValue> evaluate(QString *reason);

    static constexpr int MaxDepth = 64;

private:
    std::optional<PythonValue> sequence(int depth, const QString &close, bool *sawComma);
    std::optional<PythonValue> sum(int depth);
    std::optional<PythonValue> atom(int depth);
    std::optional<PythonValue> strings();
    std::optional<PythonValue> fail(const QString &reason);
    bool atEnd() const { return m_pos >= m_end; }
    const PythonToken &current() const { return m_tokens[m_pos]; }
    bool atOp(QStringView op) const { return !atEnd() && current().isOp(op); }
    QString describeUnexpected() const;

    const QList<PythonToken> &m_tokens;
    qsizetype m_pos;
    qsizetype m_end;
    Lookup m_lookup;
    int *m_nextListId;
    QString m_reason;
};

} // namespace Retort
