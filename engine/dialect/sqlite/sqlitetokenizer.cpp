#include "sqlitetokenizer.h"

#include <QStringView>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Token = SqliteTokenizer::Token;

// Index one past a quoted run starting at `i` (the opening quote), doubled quotes escaping.
int quotedEnd(const QString &s, int i, QChar close)
{
    int j = i + 1;
    while (j < s.size()) {
        if (s.at(j) == close) {
            if (close != u']' && j + 1 < s.size() && s.at(j + 1) == close) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        ++j;
    }
    return s.size();
}

QString unquote(const QString &raw)
{
    const QChar open = raw.front();
    const QChar close = open == u'[' ? u']' : open;
    QString inner = raw.mid(1, raw.size() - (raw.back() == close && raw.size() > 1 ? 2 : 1));
    if (open != u'[')
        inner.replace(QString(2, close), QString(close));
    return inner;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

} // namespace

bool SqliteTokenizer::Token::isWord(const char16_t *keyword) const
{
    return kind == Kind::Word && value.compare(QStringView(keyword), Qt::CaseInsensitive) == 0;
}

QList<Token> SqliteTokenizer::tokenize(const QString &s)
{
    QList<Token> tokens;
    int i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < s.size() && s.at(i + 1) == u'-') {
            while (i < s.size() && s.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < s.size() && s.at(i + 1) == u'*') {
            const int close = s.indexOf(u"*/"_s, i + 2);
            i = close < 0 ? s.size() : close + 2;
        } else if (c == u'"' || c == u'`' || c == u'[') {
            const int end = quotedEnd(s, i, c == u'[' ? QChar(u']') : c);
            tokens.append({Token::Kind::QuotedName, i, end, unquote(s.mid(i, end - i))});
            i = end;
        } else if (c == u'\'') {
            const int end = quotedEnd(s, i, c);
            tokens.append({Token::Kind::String, i, end, s.mid(i, end - i)});
            i = end;
        } else if (c.isDigit() || (c == u'.' && i + 1 < s.size() && s.at(i + 1).isDigit())) {
            int end = i + 1;
            while (end < s.size() && (isWordChar(s.at(end)) || s.at(end) == u'.'))
                ++end;
            tokens.append({Token::Kind::Number, i, end, s.mid(i, end - i)});
            i = end;
        } else if (isWordChar(c)) {
            int end = i + 1;
            while (end < s.size() && isWordChar(s.at(end)))
                ++end;
            tokens.append({Token::Kind::Word, i, end, s.mid(i, end - i)});
            i = end;
        } else {
            tokens.append({Token::Kind::Punct, i, i + 1, QString(c)});
            ++i;
        }
    }
    return tokens;
}

} // namespace Retort
