#include "transactioncontrol.h"

#include "sqllexer.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// The first few tokens of a statement in lower case, comments and whitespace left out. A MySQL
// "/*! ... */" comment is code: its inside is read as if it stood there.
QStringList leadingTokens(QStringView sql, SqlDialect dialect, int count)
{
    QStringList tokens;
    SqlLexer lexer(sql, dialect, 1);
    while (tokens.size() < count) {
        const Result<SqlLexer::Token> t = lexer.next();
        if (!t || t->kind == SqlLexer::TokenKind::End)
            break;
        const QStringView text = sql.sliced(t->begin, t->end - t->begin);
        switch (t->kind) {
        case SqlLexer::TokenKind::Whitespace:
        case SqlLexer::TokenKind::LineComment:
        case SqlLexer::TokenKind::BlockComment:
            break;
        case SqlLexer::TokenKind::ExecutableComment: {
            // "/*!40101 SET autocommit=0 */": drop the marker, the version digits and "*/".
            qsizetype from = 3;
            while (from < text.size() && text[from].isDigit())
                ++from;
            const QStringView inner = text.sliced(from, qMax<qsizetype>(0, text.size() - 2 - from));
            tokens += leadingTokens(inner, dialect, count - int(tokens.size()));
            break;
        }
        default:
            tokens << text.toString().toLower();
        }
    }
    return tokens;
}

// MySQL: SET autocommit, SET SESSION autocommit, SET @@autocommit, SET @@session.autocommit
// (not SET GLOBAL, which leaves this session alone, nor @autocommit, a user variable).
bool setsAutocommit(const QStringList &t)
{
    const auto scope = [&t](int i) { return t.value(i) == u"session" || t.value(i) == u"local"; };
    int i = 1;
    if (t.value(i) == u"@") {
        if (t.value(i + 1) != u"@")
            return false;
        i += 2;
        if (scope(i) && t.value(i + 1) == u".")
            i += 2;
    } else if (scope(i)) {
        ++i;
    }
    return t.value(i) == u"autocommit";
}

} // namespace

QString TransactionControl::keyword(QStringView statement, SqlDialect dialect)
{
    const QStringList t = leadingTokens(statement, dialect, 8);
    const QString first = t.value(0);
    const QString second = t.value(1);
    if (first == u"begin") {
        // MariaDB's anonymous compound statement runs inside the transaction.
        if (dialect == SqlDialect::MySQL && second == u"not")
            return {};
        return u"BEGIN"_s;
    }
    for (const char16_t *word : {u"commit", u"rollback", u"savepoint", u"release"}) {
        if (first == QStringView(word))
            return first.toUpper();
    }
    if (first == u"start" && second == u"transaction" && dialect != SqlDialect::SQLite)
        return u"START TRANSACTION"_s;
    if (first == u"end" && dialect != SqlDialect::MySQL)
        return u"END"_s;
    if (dialect == SqlDialect::PostgreSQL) {
        if (first == u"abort")
            return u"ABORT"_s;
        if (first == u"prepare" && second == u"transaction")
            return u"PREPARE TRANSACTION"_s;
    }
    if (dialect == SqlDialect::MySQL) {
        if (first == u"xa")
            return u"XA"_s;
        if (first == u"set" && setsAutocommit(t))
            return u"SET autocommit"_s;
    }
    return {};
}

} // namespace Retort
