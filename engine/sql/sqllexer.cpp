#include "sqllexer.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f' || u == u'\v';
}

bool isAsciiLetter(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

// PostgreSQL's dolq_start / dolq_cont.
bool isDollarTagChar(QChar c, bool first)
{
    const char16_t u = c.unicode();
    if (isAsciiLetter(u) || u == u'_' || u >= 0x80)
        return true;
    return !first && u >= u'0' && u <= u'9';
}

} // namespace

SqlLexer::SqlLexer(QStringView sql, SqlDialect dialect, int firstLine)
    : m_sql(sql)
    , m_dialect(dialect)
    , m_line(firstLine)
{}

void SqlLexer::seek(qsizetype pos, int line)
{
    m_pos = pos;
    m_line = line;
}

bool SqlLexer::isAtLineStart(qsizetype pos) const
{
    for (qsizetype i = pos - 1; i >= 0; --i) {
        const QChar c = m_sql[i];
        if (c == u'\n')
            return true;
        if (c != u' ' && c != u'\t' && c != u'\r')
            return false;
    }
    return true;
}

bool SqlLexer::isWordChar(QChar c) const
{
    const char16_t u = c.unicode();
    return isAsciiLetter(u) || (u >= u'0' && u <= u'9') || u == u'_' || u == u'$' || u >= 0x80;
}

bool SqlLexer::startsLineComment() const
{
    if (at(m_pos) == u'#')
        return m_dialect == SqlDialect::MySQL;
    if (at(m_pos) != u'-' || at(m_pos + 1) != u'-')
        return false;
    if (m_dialect != SqlDialect::MySQL)
        return true;
    // MySQL needs whitespace or a control character after "--" ("1--1" is arithmetic).
    const qsizetype after = m_pos + 2;
    return after >= m_sql.size() || m_sql[after].unicode() <= u' ';
}

Error SqlLexer::unterminated(const QString &what, int line) const
{
    return Error(Error::Kind::Script, Tr::tr("Unterminated %1.").arg(what), {}, line);
}

Result<SqlLexer::Token> SqlLexer::next()
{
    const qsizetype begin = m_pos;
    const int line = m_line;
    if (m_pos >= m_sql.size())
        return make(TokenKind::End, begin, line);
    const QChar c = m_sql[m_pos];
    if (isSpace(c)) {
        while (m_pos < m_sql.size() && isSpace(m_sql[m_pos])) {
            if (m_sql[m_pos] == u'\n')
                ++m_line;
            ++m_pos;
        }
        return make(TokenKind::Whitespace, begin, line);
    }
    if (startsLineComment())
        return lineComment();
    const bool mysql = m_dialect == SqlDialect::MySQL;
    switch (c.unicode()) {
    case u'\'':
        return quoted(u'\'', TokenKind::String, mysql);
    case u'"':
        return mysql ? quoted(u'"', TokenKind::String, true)
                     : quoted(u'"', TokenKind::QuotedIdentifier, false);
    case u'`':
        if (m_dialect != SqlDialect::PostgreSQL)
            return quoted(u'`', TokenKind::QuotedIdentifier, false);
        break;
    case u'[':
        if (m_dialect == SqlDialect::SQLite)
            return bracketIdentifier();
        break;
    case u'/':
        if (at(m_pos + 1) == u'*')
            return blockComment();
        break;
    case u'$':
        if (m_dialect == SqlDialect::PostgreSQL) {
            if (const auto tagEnd = dollarTagEnd())
                return dollarQuoted(*tagEnd);
            break;
        }
        return word();
    case u'E':
    case u'e':
        if (m_dialect == SqlDialect::PostgreSQL && at(m_pos + 1) == u'\'') {
            ++m_pos; // the escape string's prefix belongs to its token
            Result<Token> t = quoted(u'\'', TokenKind::String, true);
            if (t)
                t->begin = begin;
            return t;
        }
        break;
    default:
        break;
    }
    if (isWordChar(c) && c != u'$')
        return word();
    ++m_pos;
    return make(TokenKind::Punctuation, begin, line);
}

SqlLexer::Token SqlLexer::lineComment()
{
    const qsizetype begin = m_pos;
    const qsizetype nl = m_sql.indexOf(u'\n', m_pos);
    m_pos = nl < 0 ? m_sql.size() : nl;
    if (m_pos > begin && m_sql[m_pos - 1] == u'\r')
        --m_pos; // CRLF: the '\r' is part of the line break, which is whitespace
    return make(TokenKind::LineComment, begin, m_line);
}

SqlLexer::Token SqlLexer::word()
{
    const qsizetype begin = m_pos;
    ++m_pos;
    while (m_pos < m_sql.size() && isWordChar(m_sql[m_pos])) {
        if (!m_delimiter.isEmpty() && m_sql.sliced(m_pos).startsWith(m_delimiter))
            break;
        ++m_pos;
    }
    return make(TokenKind::Word, begin, m_line);
}

Result<SqlLexer::Token> SqlLexer::quoted(QChar quote, TokenKind kind, bool backslashEscapes)
{
    const qsizetype begin = m_pos;
    const int line = m_line;
    ++m_pos;
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql[m_pos];
        if (c == u'\n') {
            ++m_line;
        } else if (c == quote) {
            if (at(m_pos + 1) != quote) {
                ++m_pos;
                return make(kind, begin, line);
            }
            ++m_pos; // a doubled quote stands for itself
        } else if (c == u'\\' && backslashEscapes) {
            ++m_pos;
            if (at(m_pos) == u'\n')
                ++m_line;
        }
        ++m_pos;
    }
    const QString what = kind == TokenKind::String ? Tr::tr("quoted string")
                                                   : Tr::tr("quoted identifier");
    return unterminated(what + u" ("_s + quote + u"...)"_s, line);
}

Result<SqlLexer::Token> SqlLexer::bracketIdentifier()
{
    const qsizetype begin = m_pos;
    const int line = m_line;
    const qsizetype close = m_sql.indexOf(u']', m_pos + 1);
    if (close < 0)
        return unterminated(Tr::tr("quoted identifier ([...])"), line);
    m_line += int(m_sql.sliced(m_pos, close - m_pos).count(u'\n'));
    m_pos = close + 1;
    return make(TokenKind::QuotedIdentifier, begin, line);
}

Result<SqlLexer::Token> SqlLexer::blockComment()
{
    const qsizetype begin = m_pos;
    const int line = m_line;
    const bool nested = m_dialect == SqlDialect::PostgreSQL;
    const QChar marker = at(m_pos + 2);
    const bool executable = m_dialect == SqlDialect::MySQL && (marker == u'!' || marker == u'+');
    int depth = 1;
    m_pos += 2;
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql[m_pos];
        if (c == u'*' && at(m_pos + 1) == u'/') {
            m_pos += 2;
            if (--depth == 0)
                return make(executable ? TokenKind::ExecutableComment : TokenKind::BlockComment,
                            begin,
                            line);
            continue;
        }
        if (nested && c == u'/' && at(m_pos + 1) == u'*') {
            ++depth;
            m_pos += 2;
            continue;
        }
        if (c == u'\n')
            ++m_line;
        ++m_pos;
    }
    return unterminated(Tr::tr("comment (/*...)"), line);
}

std::optional<qsizetype> SqlLexer::dollarTagEnd() const
{
    qsizetype i = m_pos + 1;
    while (i < m_sql.size() && isDollarTagChar(m_sql[i], i == m_pos + 1))
        ++i;
    if (at(i) == u'$')
        return i;
    return std::nullopt;
}

Result<SqlLexer::Token> SqlLexer::dollarQuoted(qsizetype tagEnd)
{
    const qsizetype begin = m_pos;
    const int line = m_line;
    const QStringView tag = m_sql.sliced(m_pos, tagEnd + 1 - m_pos);
    const qsizetype close = m_sql.indexOf(tag, tagEnd + 1);
    if (close < 0)
        return unterminated(Tr::tr("dollar-quoted string (%1...)").arg(tag.toString()), line);
    const qsizetype end = close + tag.size();
    m_line += int(m_sql.sliced(m_pos, end - m_pos).count(u'\n'));
    m_pos = end;
    return make(TokenKind::DollarQuoted, begin, line);
}

} // namespace Retort
