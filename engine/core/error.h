#pragma once

#include <QString>

namespace Retort {

// One user-facing failure: a sentence, and where it happened. A value: copy it across threads.
class Error
{
public:
    // MultipleHeads: "head" (or a relative step) named several heads; the caller may offer
    // the heads or LABEL@head instead. The other Graph errors are Graph.
    enum class Kind {
        Config,
        Script,
        Graph,
        MultipleHeads,
        Database,
        Lock,
        Cancelled,
        Usage,
        Internal
    };

    Kind kind = Kind::Internal;
    QString message; // one user-facing sentence
    QString file;    // revision script or config the error is about; empty if none
    int line = 0;    // 1-based; 0 = unknown
    QString sql;     // failing statement, if any
    QString detail;  // driver text, e.g. QSqlError::databaseText()

    Error() = default;
    Error(Kind k, const QString &msg, const QString &f = {}, int l = 0);

    // "upgrade to 3fa2c1: " + message
    Error withContext(const QString &what) const;
    // "versions/3fa2c1_users.sql:12: message"
    QString toString() const;
};

} // namespace Retort
