#pragma once

#include <QList>
#include <QString>

namespace Retort {

// Splits SQLite DDL into tokens, keeping each token's place in the source so that parsers can
// copy expressions exactly as written. Comments and whitespace are dropped.
class SqliteTokenizer
{
public:
    struct Token
    {
        enum class Kind { Word, QuotedName, String, Number, Punct };
        Kind kind = Kind::Punct;
        int start = 0; // offset in the source
        int end = 0;   // one past the last character
        QString value; // Word/QuotedName: the identifier (unquoted); others: the raw text

        bool isName() const { return kind == Kind::Word || kind == Kind::QuotedName; }
        bool isWord(const char16_t *keyword) const; // unquoted word, case-insensitive
        bool isPunct(QChar c) const
        {
            return kind == Kind::Punct && value.size() == 1 && value[0] == c;
        }
    };

    static QList<Token> tokenize(const QString &sql);
};

} // namespace Retort
