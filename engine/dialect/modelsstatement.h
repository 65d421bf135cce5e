#pragma once

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>
#include <engine/sql/sqllexer.h>
#include <engine/sql/statement.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// One statement of the models as its significant tokens, so that a scratch database can see what
// a statement does before it runs it. Comments and whitespace are left out; MySQL's executable
// comments ("/*!40101 SET NAMES utf8 */") are opened, since the server runs what they hold.
// A value; any thread.
class ModelsStatement
{
public:
    struct Token
    {
        SqlLexer::TokenKind kind = SqlLexer::TokenKind::End;
        QString text;
        qsizetype begin = 0; // offsets into the statement's text
        qsizetype end = 0;
        int line = 0; // file line
    };

    // A lexer error (which the splitter would have reported first) names the statement's line.
    // `mysqlVersion` (as in /*!50001 ... */: 101119 for 10.11.19): executable comments for a
    // later version are comments, as the server treats them; 0 opens them all.
    static Result<ModelsStatement> parse(const Statement &statement, SqlDialect dialect,
                                         int mysqlVersion = 0);

    const Statement &statement() const { return m_statement; }
    const QList<Token> &tokens() const { return m_tokens; }
    int size() const { return int(m_tokens.size()); }

    // The upper-cased word at `i`; empty if it is no word or out of range.
    QString keyword(int i) const;
    // True if the words from `i` on are `words` (upper case), in that order.
    bool keywordsAt(int i, const QStringList &words) const;
    // The first index from `from` on whose keyword is in `words`; -1 if none.
    int findKeyword(const QStringList &words, int from = 0) const;
    // The name a word or quoted identifier at `i` stands for (quotes removed); empty otherwise.
    QString identifier(int i) const;
    bool isPunctuation(int i, QChar c) const;
    // A refused statement: `message` at the line of token `token` (the statement's first line
    // when out of range), with the statement as the error's SQL.
    Error refusal(int token, const QString &message) const;
    // The indexes of the qualifiers of qualified names: `i` is a name followed by '.' and a name
    // or '*' ("db.t", "s.t.c": the qualifier is the first part).
    QList<int> qualifiers() const;
    // The value of a string literal at `i` ('' doubled quotes and MySQL's backslashes undone);
    // empty if it is no string.
    QString stringValue(int i) const;

private:
    Result<> lex(QStringView text, qsizetype offset, int line);

    Statement m_statement;
    SqlDialect m_dialect = SqlDialect::SQLite;
    int m_mysqlVersion = 0;
    QList<Token> m_tokens;
};

} // namespace Retort
