#include "pythontokenizer.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_' || (c.unicode() >= 0x80 && !c.isSpace());
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || (c.unicode() >= 0x80 && !c.isSpace());
}

// The prefixes Python accepts before a quote: r, u, b, f and the pairs br, rb, fr, rf, any case.
bool isStringPrefix(QStringView name)
{
    if (name.size() > 2)
        return false;
    const QString p = name.toString().toLower();
    static const QStringList prefixes{u"r"_s, u"u"_s, u"b"_s, u"f"_s, u"br"_s, u"rb"_s,
                                      u"fr"_s, u"rf"_s};
    return prefixes.contains(p);
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Reads exactly `digits` hex digits at text[at]; -1 if there are fewer.
qint64 readHex(QStringView text, qsizetype at, int digits)
{
    if (at + digits > text.size())
        return -1;
    qint64 value = 0;
    for (int k = 0; k < digits; ++k) {
        const int h = hexValue(text[at + k]);
        if (h < 0)
            return -1;
        value = value * 16 + h;
    }
    return value;
}

void appendCodePoint(QString &out, qint64 cp)
{
    const char32_t c = char32_t(cp);
    out += QString::fromUcs4(&c, 1);
}

// Python's escape sequences in a non-raw literal. Unknown escapes stay as written, as Python
// keeps them (with a DeprecationWarning).
QString decodeEscapes(QStringView body, bool isBytes, bool *undecodable)
{
    QString out;
    out.reserve(body.size());
    for (qsizetype k = 0; k < body.size(); ++k) {
        const QChar ch = body[k];
        if (isBytes && ch.unicode() >= 0x80)
            *undecodable = true; // "bytes can only contain ASCII literal characters"
        if (ch != u'\\' || k + 1 >= body.size()) {
            out += ch;
            continue;
        }
        const QChar e = body[++k];
        switch (e.unicode()) {
        case u'\n': break;
        case u'\\': case u'\'': case u'"': out += e; break;
        case u'a': out += QChar(0x07); break;
        case u'b': out += QChar(0x08); break;
        case u'f': out += QChar(0x0c); break;
        case u'n': out += QChar(0x0a); break;
        case u'r': out += QChar(0x0d); break;
        case u't': out += QChar(0x09); break;
        case u'v': out += QChar(0x0b); break;
        case u'x': {
            const qint64 v = readHex(body, k + 1, 2);
            if (v < 0) {
                *undecodable = true;
                break;
            }
            appendCodePoint(out, v);
            k += 2;
            break;
        }
        case u'u':
        case u'U':
        case u'N': {
            if (isBytes) { // not escapes in bytes
                out += u'\\';
                out += e;
                break;
            }
            if (e == u'N') { // \N{NAME} needs Unicode's name table
                *undecodable = true;
                break;
            }
            const int digits = e == u'u' ? 4 : 8;
            const qint64 v = readHex(body, k + 1, digits);
            if (v < 0 || v > 0x10FFFF) {
                *undecodable = true;
                break;
            }
            appendCodePoint(out, v);
            k += digits;
            break;
        }
        default:
            if (e >= u'0' && e <= u'7') {
                int v = e.unicode() - u'0';
                for (int n = 0; n < 2 && k + 1 < body.size() && body[k + 1] >= u'0'
                                && body[k + 1] <= u'7';
                     ++n)
                    v = v * 8 + (body[++k].unicode() - u'0');
                if (isBytes && v > 0xff)
                    *undecodable = true;
                appendCodePoint(out, v);
            } else {
                out += u'\\';
                out += e;
            }
        }
    }
    return out;
}

PythonToken makeToken(PythonToken::Kind kind, const QString &text, int line)
{
    PythonToken token;
    token.kind = kind;
    token.text = text;
    token.line = line;
    return token;
}

class Tokenizer
{
public:
    Tokenizer(QStringView source, const QString &filePath)
        : m_s(source)
        , m_path(filePath)
    {}

    Result<QList<PythonLogicalLine>> run();

private:
    void add(PythonToken token);
    void endLogicalLine();
    Result<> scanString(qsizetype prefixStart, qsizetype quoteAt);
    void scanName();
    void scanNumber();
    void scanOperator();

    QStringView m_s;
    QString m_path;
    qsizetype m_i = 0;
    int m_line = 1;
    int m_indent = 0;          // of the current physical line
    QList<QPair<QChar, int>> m_brackets;
    PythonLogicalLine m_current;
    QList<PythonLogicalLine> m_lines;
};

void Tokenizer::add(PythonToken token)
{
    if (m_current.tokens.isEmpty()) {
        m_current.line = token.line;
        m_current.indent = m_indent;
    }
    m_current.tokens.append(std::move(token));
}

void Tokenizer::endLogicalLine()
{
    if (!m_current.tokens.isEmpty())
        m_lines.append(std::move(m_current));
    m_current = {};
}

Result<> Tokenizer::scanString(qsizetype prefixStart, qsizetype quoteAt)
{
    const QString prefix = m_s.mid(prefixStart, quoteAt - prefixStart).toString().toLower();
    const QChar q = m_s[quoteAt];
    const bool triple = quoteAt + 2 < m_s.size() && m_s[quoteAt + 1] == q && m_s[quoteAt + 2] == q;
    const int startLine = m_line;
    const qsizetype bodyStart = quoteAt + (triple ? 3 : 1);
    qsizetype j = bodyStart;
    qsizetype bodyEnd = -1;
    while (j < m_s.size()) {
        const QChar ch = m_s[j];
        if (ch == u'\\') {
            if (j + 1 < m_s.size() && m_s[j + 1] == u'\n')
                ++m_line;
            j += 2;
            continue;
        }
        if (ch == u'\n') {
            if (!triple)
                break;
            ++m_line;
        } else if (ch == q) {
            if (!triple) {
                bodyEnd = j;
                j += 1;
                break;
            }
            if (j + 2 < m_s.size() && m_s[j + 1] == q && m_s[j + 2] == q) {
                bodyEnd = j;
                j += 3;
                break;
            }
        }
        ++j;
    }
    if (bodyEnd < 0)
        return Error(Error::Kind::Script,
                     triple ? Tr::tr("Unterminated triple-quoted string literal.")
                            : Tr::tr("Unterminated string literal."),
                     m_path, startLine);
    PythonToken token;
    token.kind = PythonToken::Kind::String;
    token.line = startLine;
    token.text = m_s.mid(prefixStart, j - prefixStart).toString();
    token.isBytes = prefix.contains(u'b');
    token.isFormat = prefix.contains(u'f');
    const QStringView body = m_s.mid(bodyStart, bodyEnd - bodyStart);
    if (prefix.contains(u'r')) {
        token.value = body.toString();
        if (token.isBytes)
            for (QChar c : body)
                token.undecodable = token.undecodable || c.unicode() >= 0x80;
    } else {
        token.value = decodeEscapes(body, token.isBytes, &token.undecodable);
    }
    add(std::move(token));
    m_i = j;
    return {};
}

void Tokenizer::scanName()
{
    const qsizetype start = m_i;
    while (m_i < m_s.size() && isNameChar(m_s[m_i]))
        ++m_i;
    add(makeToken(PythonToken::Kind::Name, m_s.mid(start, m_i - start).toString(), m_line));
}

void Tokenizer::scanNumber()
{
    const qsizetype start = m_i;
    while (m_i < m_s.size()) {
        const QChar c = m_s[m_i];
        const bool exponentSign = (c == u'+' || c == u'-') && m_i > start
                                  && (m_s[m_i - 1] == u'e' || m_s[m_i - 1] == u'E')
                                  && !(m_s.size() > start + 1 && m_s[start] == u'0'
                                       && (m_s[start + 1] == u'x' || m_s[start + 1] == u'X'));
        if (!c.isLetterOrNumber() && c != u'_' && c != u'.' && !exponentSign)
            break;
        ++m_i;
    }
    add(makeToken(PythonToken::Kind::Number, m_s.mid(start, m_i - start).toString(), m_line));
}

void Tokenizer::scanOperator()
{
    static const QStringList three{u"**="_s, u"//="_s, u">>="_s, u"<<="_s, u"..."_s};
    static const QStringList two{u":="_s, u"->"_s, u"**"_s, u"//"_s, u"=="_s, u"!="_s, u"<="_s,
                                 u">="_s, u"<<"_s, u">>"_s, u"+="_s, u"-="_s, u"*="_s, u"/="_s,
                                 u"%="_s, u"&="_s, u"|="_s, u"^="_s, u"@="_s, u"<>"_s};
    qsizetype length = 1;
    // Every longer operator has one of these second characters: most operators (parentheses,
    // commas, '=') are one character and skip the two lists.
    const QChar next = m_i + 1 < m_s.size() ? m_s[m_i + 1] : QChar();
    const bool mayBeLonger = next == u'=' || next == u'>' || next == u'*' || next == u'/'
                             || next == u'<' || next == u'.';
    if (mayBeLonger && three.contains(m_s.mid(m_i, 3)))
        length = 3;
    else if (mayBeLonger && two.contains(m_s.mid(m_i, 2)))
        length = 2;
    const QChar c = m_s[m_i];
    if (length == 1) {
        if (c == u'(' || c == u'[' || c == u'{') {
            m_brackets.append({c, m_line});
        } else if ((c == u')' || c == u']' || c == u'}') && !m_brackets.isEmpty()) {
            m_brackets.removeLast();
        }
    }
    add(makeToken(PythonToken::Kind::Op, m_s.mid(m_i, length).toString(), m_line));
    m_i += length;
}

Result<QList<PythonLogicalLine>> Tokenizer::run()
{
    bool atLineStart = true;
    while (m_i < m_s.size()) {
        const QChar c = m_s[m_i];
        if (atLineStart) {
            atLineStart = false;
            int column = 0;
            for (; m_i < m_s.size(); ++m_i) {
                const QChar w = m_s[m_i];
                if (w == u' ')
                    ++column;
                else if (w == u'\t')
                    column = (column / 8 + 1) * 8;
                else if (w == u'\f')
                    column = 0;
                else
                    break;
            }
            m_indent = column;
            continue;
        }
        if (c == u'\n') {
            ++m_line;
            ++m_i;
            atLineStart = true;
            if (m_brackets.isEmpty())
                endLogicalLine();
        } else if (c == u' ' || c == u'\t' || c == u'\f') {
            ++m_i;
        } else if (c == u'#') {
            while (m_i < m_s.size() && m_s[m_i] != u'\n')
                ++m_i;
        } else if (c == u'\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] == u'\n') {
            m_i += 2; // continuation: the logical line goes on; its indent does not matter
            ++m_line;
        } else if (c == u'\'' || c == u'"') {
            if (Result<> r = scanString(m_i, m_i); !r)
                return r.error();
        } else if (isNameStart(c)) {
            const qsizetype start = m_i;
            qsizetype end = m_i;
            while (end < m_s.size() && isNameChar(m_s[end]))
                ++end;
            if (end < m_s.size() && (m_s[end] == u'\'' || m_s[end] == u'"')
                && isStringPrefix(m_s.mid(start, end - start))) {
                if (Result<> r = scanString(start, end); !r)
                    return r.error();
            } else {
                scanName();
            }
        } else if (c.isDigit()
                   || (c == u'.' && m_i + 1 < m_s.size() && m_s[m_i + 1].isDigit())) {
            scanNumber();
        } else {
            scanOperator();
        }
    }
    if (!m_brackets.isEmpty())
        return Error(Error::Kind::Script,
                     Tr::tr("'%1' is never closed.").arg(m_brackets.last().first), m_path,
                     m_brackets.last().second);
    endLogicalLine();
    return m_lines;
}

} // namespace

Result<QList<PythonLogicalLine>> PythonTokenizer::tokenize(QStringView source,
                                                           const QString &filePath)
{
    // Universal newlines, as Python reads source: "\r\n" and a lone '\r' end a line.
    QString text = source.toString();
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return Tokenizer(text, filePath).run();
}

} // namespace Retort
