#pragma once

#include <QString>

namespace Retort {

// One token of Python source, as PythonTokenizer produces it. A plain value.
struct PythonToken
{
    enum class Kind { Name, Number, String, Op };

    Kind kind = Kind::Op;
    QString text; // as written (names, numbers, operators); a string's text is its raw source
    int line = 0; // 1-based line of the token's first character
    // Strings only. value is the decoded content; isBytes for b'' and isFormat for f'' (whose
    // value is meaningless: an f-string is computed). undecodable: an escape this reader does
    // not decode (\N{...}) or Python rejects (a truncated \x): the value is not to be trusted.
    QString value;
    bool isBytes = false;
    bool isFormat = false;
    bool undecodable = false;

    bool isOp(QStringView op) const { return kind == Kind::Op && text == op; }
    bool isName(QStringView name) const { return kind == Kind::Name && text == name; }
};

} // namespace Retort
