#include "modelsstatement.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Kind = SqlLexer::TokenKind;

// "/*!40101 ", "/*M!100100 ": what MySQL and MariaDB run as code when their version is at least
// the one given (none: always). The length of that prefix (0: a plain comment) and the version.
QPair<qsizetype, int> executablePrefix(QStringView comment)
{
    static const QRegularExpression re(u"^/\\*(?:!(\\d{0,5})|M!(\\d{0,6}))"_s);
    const QRegularExpressionMatch m = re.match(comment.toString());
    if (!m.hasMatch())
        return {0, 0};
    const QString digits = m.captured(1) + m.captured(2);
    return {m.capturedLength(), digits.isEmpty() ? 0 : digits.toInt()};
}

} // namespace

Result<ModelsStatement> ModelsStatement::parse(const Statement &statement, SqlDialect dialect,
                                               int mysqlVersion)
{
    ModelsStatement out;
    out.m_statement = statement;
    out.m_dialect = dialect;
    out.m_mysqlVersion = mysqlVersion;
    if (Result<> r = out.lex(statement.text, 0, statement.line); !r)
        return r.error();
    return out;
}

Result<> ModelsStatement::lex(QStringView text, qsizetype offset, int line)
{
    SqlLexer lexer(text, m_dialect, line);
    for (;;) {
        Result<SqlLexer::Token> t = lexer.next();
        if (!t) {
            Error e = t.error();
            e.line = e.line > 0 ? e.line : m_statement.line;
            return e;
        }
        if (t->kind == Kind::End)
            return {};
        const QStringView piece = text.sliced(t->begin, t->end - t->begin);
        if (t->kind == Kind::ExecutableComment || t->kind == Kind::BlockComment) {
            const auto [prefix, version] = m_dialect == SqlDialect::MySQL
                                               ? executablePrefix(piece)
                                               : QPair<qsizetype, int>(0, 0);
            const bool runs = m_mysqlVersion == 0 || version <= m_mysqlVersion;
            if (prefix > 0 && runs && piece.size() >= prefix + 2) {
                const QStringView inner = piece.sliced(prefix, piece.size() - prefix - 2);
                if (Result<> r = lex(inner, offset + t->begin + prefix, t->line); !r)
                    return r;
            }
            continue; // comments, and MySQL's optimizer hints ("/*+ ... */"), hold no code
        }
        if (t->kind == Kind::Whitespace || t->kind == Kind::LineComment)
            continue;
        m_tokens << Token{t->kind, piece.toString(), offset + t->begin, offset + t->end, t->line};
    }
}

QString ModelsStatement::keyword(int i) const
{
    if (i < 0 || i >= m_tokens.size() || m_tokens.at(i).kind != Kind::Word)
        return {};
    return m_tokens.at(i).text.toUpper();
}

bool ModelsStatement::keywordsAt(int i, const QStringList &words) const
{
    for (int k = 0; k < words.size(); ++k) {
        if (keyword(i + k) != words.at(k))
            return false;
    }
    return true;
}

int ModelsStatement::findKeyword(const QStringList &words, int from) const
{
    for (int i = qMax(0, from); i < m_tokens.size(); ++i) {
        if (words.contains(keyword(i)))
            return i;
    }
    return -1;
}

QString ModelsStatement::identifier(int i) const
{
    if (i < 0 || i >= m_tokens.size())
        return {};
    const Token &t = m_tokens.at(i);
    if (t.kind == Kind::Word) {
        // PostgreSQL folds unquoted names to lower case; MySQL keeps them as written.
        return m_dialect == SqlDialect::PostgreSQL ? t.text.toLower() : t.text;
    }
    // MySQL reads "..." as a name under sql_mode ANSI_QUOTES, which the models may set.
    const bool ansiQuoted = m_dialect == SqlDialect::MySQL && t.kind == Kind::String
                            && t.text.startsWith(u'"');
    if ((t.kind != Kind::QuotedIdentifier && !ansiQuoted) || t.text.size() < 2)
        return {};
    const QChar quote = t.text.front();
    QString name = t.text.mid(1, t.text.size() - 2);
    return name.replace(QString(2, quote), QString(quote));
}

bool ModelsStatement::isPunctuation(int i, QChar c) const
{
    return i >= 0 && i < m_tokens.size() && m_tokens.at(i).kind == Kind::Punctuation
           && m_tokens.at(i).text == QString(c);
}

QList<int> ModelsStatement::qualifiers() const
{
    QList<int> out;
    for (int i = 0; i + 2 < m_tokens.size(); ++i) {
        if (identifier(i).isEmpty() || !isPunctuation(i + 1, u'.'))
            continue;
        if (i > 0 && isPunctuation(i - 1, u'.'))
            continue; // the middle of "s.t.c": "s" is the qualifier
        if (!identifier(i + 2).isEmpty() || isPunctuation(i + 2, u'*'))
            out << i;
    }
    return out;
}

QString ModelsStatement::stringValue(int i) const
{
    if (i < 0 || i >= m_tokens.size() || m_tokens.at(i).kind != Kind::String)
        return {};
    QString text = m_tokens.at(i).text;
    const bool escaped = text.startsWith(u'E') || text.startsWith(u'e');
    if (escaped)
        text.remove(0, 1);
    if (text.size() < 2)
        return {};
    const QChar quote = text.front();
    QString value = text.mid(1, text.size() - 2).replace(QString(2, quote), QString(quote));
    if (escaped || m_dialect == SqlDialect::MySQL) {
        static const QRegularExpression backslash(u"\\\\(.)"_s);
        value.replace(backslash, u"\\1"_s);
    }
    return value;
}

Error ModelsStatement::refusal(int token, const QString &message) const
{
    const int line = token >= 0 && token < size() ? tokens().at(token).line : statement().line;
    Error e(Error::Kind::Script, message, {}, line);
    e.sql = statement().text;
    return e;
}

} // namespace Retort
