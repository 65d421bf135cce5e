#pragma once

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QString>
#include <QStringView>

#include <optional>

namespace Retort {

// Cuts SQL text into coarse tokens: enough to find statement boundaries, not to parse.
// Knows each dialect's quotes and comments; reports unterminated ones with their start line.
// Works on a view: the text must outlive the lexer.
class SqlLexer
{
public:
    enum class TokenKind {
        End,
        Whitespace,
        LineComment,       // "-- ..." (and "# ..." in MySQL), without the line break
        BlockComment,      // "/* ... */" (nested in PostgreSQL)
        ExecutableComment, // MySQL "/*! ... */" and "/*+ ... */": code for the server
        Word,              // identifier, keyword or number
        String,            // '...', E'...', and "..." in MySQL
        QuotedIdentifier,  // "..." (SQLite, PostgreSQL), `...`, [...] (SQLite)
        DollarQuoted,      // PostgreSQL $tag$ ... $tag$
        Punctuation,       // any other single character, ';' included
    };

    struct Token
    {
        TokenKind kind = TokenKind::End;
        qsizetype begin = 0; // offsets into the text
        qsizetype end = 0;
        int line = 0; // file line of `begin`
    };

    SqlLexer(QStringView sql, SqlDialect dialect, int firstLine);

    Result<Token> next();

    qsizetype position() const { return m_pos; }
    int line() const { return m_line; }
    void seek(qsizetype pos, int line);

    // MySQL's client-side delimiter: a word stops where it begins (as in "END$$").
    void setDelimiter(const QString &delimiter) { m_delimiter = delimiter; }

    // True if only spaces and tabs stand between the line's start and `pos`.
    bool isAtLineStart(qsizetype pos) const;

private:
    Result<Token> quoted(QChar quote, TokenKind kind, bool backslashEscapes);
    Result<Token> bracketIdentifier();
    Result<Token> blockComment();
    Token lineComment();
    Token word();
    std::optional<qsizetype> dollarTagEnd() const;
    Result<Token> dollarQuoted(qsizetype tagEnd);
    bool isWordChar(QChar c) const;
    bool startsLineComment() const;
    Error unterminated(const QString &what, int line) const;
    Token make(TokenKind kind, qsizetype begin, int line) const
    {
        return {kind, begin, m_pos, line};
    }
    QChar at(qsizetype i) const { return i < m_sql.size() ? m_sql[i] : QChar(); }

    QStringView m_sql;
    SqlDialect m_dialect;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_delimiter;
};

} // namespace Retort
