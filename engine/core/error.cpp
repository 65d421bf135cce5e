#include "error.h"

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
    if (!detail.isEmpty() && !message.contains(detail))
        out += u" ("_s + detail.trimmed() + u')';
    return out;
}

} // namespace Retort
