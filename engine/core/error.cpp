#include "error.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

Error::Error(Kind k, const QString &msg, const QString &f, int l)
    : kind(k)
    , message(msg)
    , file(f)
    , line(l)
{}

Error Error::withContext(const QString &what) const
{
    Error e = *this;
    e.message = what + u": "_s + message;
    return e;
}

QString Error::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out = file;
        if (line > 0)
            out += u':' + QString::number(line);
        out += u": "_s;
    }
    out += message;
    // The driver's text is usually the message already: then only libpq's DETAIL and HINT lines
    // add to it (not its boilerplate after a lost connection). Otherwise all of it is new. On one
    // line either way: the CLI prints one line per error.
    const auto known = [this](QString text) {
        if (text.endsWith(u'.'))
            text.chop(1);
        return text.isEmpty() || message.contains(text);
    };
    const QStringList lines = detail.trimmed().split(u'\n', Qt::SkipEmptyParts);
    const bool stated = !lines.isEmpty() && known(lines.first().trimmed());
    QStringList extra;
    for (const QString &raw : lines) {
        const QString text = raw.trimmed();
        const bool adds = text.startsWith(u"DETAIL:") || text.startsWith(u"HINT:");
        if (!known(text) && (!stated || adds))
            extra << text;
    }
    if (!extra.isEmpty()) {
        out += u" ("_s;
        out += extra.join(u' ');
        out += u')';
    }
    return out;
}

} // namespace Retort
