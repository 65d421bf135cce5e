#pragma once

#include <QList>
#include <QString>

namespace Retort {

// A Python literal value as PythonLiteralReader evaluates it. A plain value.
struct PythonValue
{
    // Other: a number, True, False or Ellipsis: literal, but never a revision field.
    enum class Kind { None, Str, Bytes, Tuple, List, Other };

    Kind kind = Kind::None;
    QString text;             // Str and Bytes (bytes as Latin-1 code points)
    QList<PythonValue> items; // Tuple and List
    // A list is mutable and shared between the names bound to it; listId names the list object
    // (0: none) so that a later `name.append(...)` can be traced to every name holding it.
    int listId = 0;

    bool isStringSequence() const
    {
        if (kind != Kind::Tuple && kind != Kind::List)
            return false;
        for (const PythonValue &item : items)
            if (item.kind != Kind::Str)
                return false;
        return true;
    }
    bool operator==(const PythonValue &) const = default;
};

} // namespace Retort
