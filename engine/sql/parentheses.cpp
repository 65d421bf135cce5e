#include "parentheses.h"

namespace Retort {

bool isParenthesized(const QString &text)
{
    if (text.size() < 2 || text.front() != u'(' || text.back() != u')')
        return false;
    int depth = 0;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            quote = c;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i == text.size() - 1;
        }
    }
    return false;
}

} // namespace Retort
