#include "statementsplitter.h"

#include "sqllexer.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Token = SqlLexer::Token;
using TokenKind = SqlLexer::TokenKind;

// sqlite3_complete()'s automaton (SQLite's complete.c): a ';' ends a statement unless it stands
// inside "CREATE [TEMP] TRIGGER ... BEGIN ... ; END", whose end is the sequence "; END ;".
enum SqliteToken { TkSemi, TkSpace, TkOther, TkExplain, TkCreate, TkTemp, TkTrigger, TkEnd };
enum SqliteState { StInvalid, StStart, StNormal, StExplain, StCreate, StTrigger, StSemi, StEnd };
constexpr quint8 sqliteTransitions[8][8] = {
        // Semi Space Other Explain Create Temp Trigger End
        {1, 0, 2, 3, 4, 2, 2, 2}, // Invalid
        {1, 1, 2, 3, 4, 2, 2, 2}, // Start
        {1, 2, 2, 2, 2, 2, 2, 2}, // Normal
        {1, 3, 3, 2, 4, 2, 2, 2}, // Explain
        {1, 4, 2, 2, 2, 4, 5, 2}, // Create
        {6, 5, 5, 5, 5, 5, 5, 5}, // Trigger
        {6, 6, 5, 5, 5, 5, 5, 7}, // Semi
        {1, 7, 5, 5, 5, 5, 5, 5}, // End
};

SqliteToken sqliteKeyword(QStringView word)
{
    if (word.compare(u"create", Qt::CaseInsensitive) == 0)
        return TkCreate;
    if (word.compare(u"temp", Qt::CaseInsensitive) == 0
        || word.compare(u"temporary", Qt::CaseInsensitive) == 0)
        return TkTemp;
    if (word.compare(u"trigger", Qt::CaseInsensitive) == 0)
        return TkTrigger;
    if (word.compare(u"end", Qt::CaseInsensitive) == 0)
        return TkEnd;
    if (word.compare(u"explain", Qt::CaseInsensitive) == 0)
        return TkExplain;
    return TkOther;
}

bool is(QStringView word, QStringView keyword)
{
    return word.compare(keyword, Qt::CaseInsensitive) == 0;
}

bool isAnyOf(QStringView word, std::initializer_list<QStringView> keywords)
{
    for (QStringView k : keywords) {
        if (is(word, k))
            return true;
    }
    return false;
}

// "-- migrate:NAME" alone on its line: NAME, else empty.
QStringView markerName(QStringView line)
{
    line = line.trimmed();
    if (!line.startsWith(u"--"))
        return {};
    line = line.sliced(2).trimmed();
    if (!line.startsWith(u"migrate:"))
        return {};
    return line.sliced(8);
}

// Whether a CREATE statement has a body of statements, known from the object kind it creates.
enum class Routine { Undecided, AnonymousBlock, No, Yes };

struct Pending
{
    qsizetype begin = -1; // first real token
    qsizetype end = -1;   // end of the last real token
    int line = 0;
    int tokens = 0; // real tokens so far
    int sqliteState = StStart;
    Routine routine = Routine::No;
    int blockDepth = 0;      // BEGIN/CASE ... END nesting inside a routine body
    bool pendingEnd = false; // an END whose partner the next token names (END IF, END CASE...)
    int parenDepth = 0;      // PostgreSQL: psql does not split inside parentheses
    bool afterDot = false;   // "NEW.begin" names a column, not a keyword
};

class Splitter
{
public:
    Splitter(const QString &sql, SqlDialect dialect, int firstLine)
        : m_sql(sql)
        , m_dialect(dialect)
        , m_lexer(m_sql, dialect, firstLine)
    {}

    Result<StatementList> run();

private:
    bool atCustomDelimiter() const;
    Result<> lineComment(const Token &t);
    Result<> forcedBlock(const Token &marker);
    void addBlock(qsizetype begin, qsizetype end, int line);
    Result<> delimiterCommand(const Token &t);
    bool terminates();
    void significant(const Token &t);
    void trackRoutine(const Token &t, QStringView word);
    bool resolvePendingEnd(const Token &t, QStringView word);
    void finish();

    QStringView m_sql;
    SqlDialect m_dialect;
    SqlLexer m_lexer;
    QString m_delimiter = u";"_s;
    Pending m_stmt;
    StatementList m_out;
};

Result<StatementList> Splitter::run()
{
    for (;;) {
        if (atCustomDelimiter()) {
            finish();
            m_lexer.seek(m_lexer.position() + m_delimiter.size(), m_lexer.line());
            continue;
        }
        const Result<Token> t = m_lexer.next();
        if (!t)
            return t.error();
        switch (t->kind) {
        case TokenKind::End:
            finish();
            return m_out;
        case TokenKind::Whitespace:
        case TokenKind::BlockComment:
            continue;
        case TokenKind::LineComment:
            if (const Result<> r = lineComment(*t); !r)
                return r.error();
            continue;
        case TokenKind::Word:
            if (m_dialect == SqlDialect::MySQL && m_lexer.isAtLineStart(t->begin)
                && is(m_sql.sliced(t->begin, t->end - t->begin), u"delimiter")) {
                if (const Result<> r = delimiterCommand(*t); !r)
                    return r.error();
                continue;
            }
            break;
        case TokenKind::Punctuation:
            if (m_delimiter == u";" && m_sql[t->begin] == u';') {
                resolvePendingEnd(*t, {});
                if (terminates()) {
                    finish();
                    continue;
                }
            }
            break;
        default:
            break;
        }
        significant(*t);
    }
}

bool Splitter::atCustomDelimiter() const
{
    return m_delimiter != u";" && m_sql.sliced(m_lexer.position()).startsWith(m_delimiter);
}

// A line comment is a comment, unless it is a statement-begin/end marker alone on its line.
Result<> Splitter::lineComment(const Token &t)
{
    if (!m_lexer.isAtLineStart(t.begin))
        return {};
    const QStringView name = markerName(m_sql.sliced(t.begin, t.end - t.begin));
    if (name == u"statement-begin")
        return forcedBlock(t);
    if (name == u"statement-end")
        return Error(Error::Kind::Script,
                     Tr::tr("\"-- migrate:statement-end\" without \"-- migrate:statement-begin\"."),
                     {},
                     t.line);
    return {};
}

Result<> Splitter::forcedBlock(const Token &marker)
{
    finish();
    qsizetype pos = m_sql.indexOf(u'\n', marker.end);
    pos = pos < 0 ? m_sql.size() : pos + 1;
    const qsizetype blockBegin = pos;
    int line = marker.line + 1;
    while (pos < m_sql.size()) {
        qsizetype lineEnd = m_sql.indexOf(u'\n', pos);
        if (lineEnd < 0)
            lineEnd = m_sql.size();
        const QStringView name = markerName(m_sql.sliced(pos, lineEnd - pos));
        if (name == u"statement-end") {
            addBlock(blockBegin, pos, marker.line + 1);
            m_lexer.seek(lineEnd, line);
            return {};
        }
        if (name == u"statement-begin")
            return Error(
                    Error::Kind::Script,
                    Tr::tr("\"-- migrate:statement-begin\" inside the block opened on line %1; "
                           "\"-- migrate:statement-end\" is missing.")
                            .arg(marker.line),
                    {},
                    line);
        pos = lineEnd + 1;
        ++line;
    }
    return Error(Error::Kind::Script,
                 Tr::tr("\"-- migrate:statement-begin\" without \"-- migrate:statement-end\"."),
                 {},
                 marker.line);
}

// The block's text verbatim, less its leading blank and "--" lines and one final ';'.
void Splitter::addBlock(qsizetype begin, qsizetype end, int line)
{
    while (begin < end) {
        qsizetype lineEnd = m_sql.indexOf(u'\n', begin);
        if (lineEnd < 0 || lineEnd > end)
            lineEnd = end;
        const QStringView text = m_sql.sliced(begin, lineEnd - begin).trimmed();
        if (!text.isEmpty() && !text.startsWith(u"--"))
            break;
        begin = lineEnd + 1;
        ++line;
    }
    if (begin >= end)
        return;
    QStringView text = m_sql.sliced(begin, end - begin).trimmed();
    if (text.endsWith(u';'))
        text = text.chopped(1).trimmed();
    if (!text.isEmpty())
        m_out.append(Statement{text.toString(), line});
}

// MySQL client's "DELIMITER xyz" line: the first word after it is the new delimiter.
Result<> Splitter::delimiterCommand(const Token &t)
{
    finish();
    qsizetype pos = t.end;
    qsizetype lineEnd = m_sql.indexOf(u'\n', pos);
    if (lineEnd < 0)
        lineEnd = m_sql.size();
    while (pos < lineEnd && (m_sql[pos] == u' ' || m_sql[pos] == u'\t'))
        ++pos;
    qsizetype wordEnd = pos;
    while (wordEnd < lineEnd && !m_sql[wordEnd].isSpace())
        ++wordEnd;
    if (wordEnd == pos)
        return Error(Error::Kind::Script,
                     Tr::tr("DELIMITER needs a delimiter, as in \"DELIMITER //\"."),
                     {},
                     t.line);
    m_delimiter = m_sql.sliced(pos, wordEnd - pos).toString();
    m_lexer.setDelimiter(m_delimiter == u";" ? QString() : m_delimiter);
    m_lexer.seek(lineEnd, t.line);
    return {};
}

bool Splitter::terminates()
{
    switch (m_dialect) {
    case SqlDialect::SQLite: {
        const int next = sqliteTransitions[m_stmt.sqliteState][TkSemi];
        return next == StStart;
    }
    case SqlDialect::PostgreSQL:
        return m_stmt.parenDepth == 0 && m_stmt.blockDepth == 0;
    case SqlDialect::MySQL:
        return m_stmt.blockDepth == 0;
    }
    return true;
}

void Splitter::significant(const Token &t)
{
    if (m_stmt.begin < 0) {
        m_stmt.begin = t.begin;
        m_stmt.line = t.line;
    }
    m_stmt.end = t.end;
    const QStringView text = m_sql.sliced(t.begin, t.end - t.begin);
    const QStringView word = t.kind == TokenKind::Word ? text : QStringView();
    if (m_dialect == SqlDialect::SQLite) {
        const SqliteToken tk = !word.isEmpty() ? sqliteKeyword(word)
                               : text == u";"  ? TkSemi
                                               : TkOther;
        m_stmt.sqliteState = sqliteTransitions[m_stmt.sqliteState][tk];
        return;
    }
    if (t.kind == TokenKind::Punctuation && m_dialect == SqlDialect::PostgreSQL) {
        if (text == u"(")
            ++m_stmt.parenDepth;
        else if (text == u")" && m_stmt.parenDepth > 0)
            --m_stmt.parenDepth;
    }
    if (!resolvePendingEnd(t, word))
        trackRoutine(t, word);
    m_stmt.afterDot = text == u".";
    ++m_stmt.tokens;
}

// An END inside a body closes BEGIN or CASE, unless it is MySQL's END IF / LOOP / WHILE /
// REPEAT: those close statements that were never counted. True if `t` was END's partner word.
bool Splitter::resolvePendingEnd(const Token &t, QStringView word)
{
    if (!m_stmt.pendingEnd)
        return false;
    m_stmt.pendingEnd = false;
    if (t.kind == TokenKind::Word && isAnyOf(word, {u"if", u"loop", u"while", u"repeat"}))
        return true;
    --m_stmt.blockDepth;
    return t.kind == TokenKind::Word && is(word, u"case");
}

void Splitter::trackRoutine(const Token &t, QStringView word)
{
    if (m_stmt.tokens == 0) {
        if (is(word, u"create"))
            m_stmt.routine = Routine::Undecided;
        else if (m_dialect == SqlDialect::MySQL && is(word, u"begin"))
            m_stmt.routine = Routine::AnonymousBlock; // MariaDB's "BEGIN NOT ATOMIC ... END"
        return;
    }
    if (m_stmt.routine == Routine::AnonymousBlock) {
        const bool block = m_stmt.tokens == 1 && is(word, u"not");
        m_stmt.routine = block ? Routine::Yes : Routine::No;
        m_stmt.blockDepth = block ? 1 : 0;
        return;
    }
    if (m_stmt.routine == Routine::Undecided) {
        const bool mysql = m_dialect == SqlDialect::MySQL;
        if (isAnyOf(word, {u"function", u"procedure"})
            || (mysql && isAnyOf(word, {u"trigger", u"event"})))
            m_stmt.routine = Routine::Yes;
        else if (isAnyOf(word,
                         {u"table",
                          u"view",
                          u"index",
                          u"unique",
                          u"trigger",
                          u"event",
                          u"database",
                          u"schema",
                          u"sequence",
                          u"type",
                          u"user",
                          u"role"})
                 || m_stmt.tokens > 16 || m_sql.sliced(t.begin, t.end - t.begin) == u"(")
            m_stmt.routine = Routine::No;
        return;
    }
    if (m_stmt.routine != Routine::Yes || word.isEmpty() || m_stmt.afterDot)
        return;
    if (is(word, u"begin"))
        ++m_stmt.blockDepth;
    else if (m_stmt.blockDepth > 0 && is(word, u"case"))
        ++m_stmt.blockDepth;
    else if (m_stmt.blockDepth > 0 && is(word, u"end"))
        m_stmt.pendingEnd = true;
}

void Splitter::finish()
{
    if (m_stmt.begin >= 0)
        m_out.append(Statement{m_sql.sliced(m_stmt.begin, m_stmt.end - m_stmt.begin).toString(),
                               m_stmt.line});
    m_stmt = Pending();
}

} // namespace

Result<StatementList> StatementSplitter::split(const QString &sql, SqlDialect dialect, int firstLine)
{
    Splitter splitter(sql, dialect, firstLine);
    return splitter.run();
}

} // namespace Retort
