#pragma once

#include <engine/core/result.h>

#include <QHash>
#include <QList>
#include <QString>

namespace Retort {

// An .ini file read as Python's configparser.ConfigParser() reads it (strict, with
// BasicInterpolation), which is how Alembic reads alembic.ini:
// - "[name]" section headers; "[DEFAULT]" holds defaults every section sees.
// - "key = value" or "key: value" (the first '=' or ':' separates), keys lowercased, key and
//   value stripped; inline '#' and ';' are part of the value.
// - Lines whose first non-blank character is '#' or ';' are comments, also inside a value.
// - A line indented deeper than its key line continues the value ("\n" joined); empty lines
//   inside a value are kept, trailing ones dropped.
// - Errors (Kind::Config, file:line): text before the first section, a line that is neither
//   a section, an option nor a continuation, a section or a key given twice.
// - value() interpolates "%(name)s" from the same section or the defaults (recursively, at
//   most 10 levels) and "%%" as '%'; any other '%' is an error, as in Python.
class PythonConfigParser
{
public:
    // defaults: values placed in [DEFAULT] before the file is read (Alembic's "here").
    static Result<PythonConfigParser> parse(const QString &text, const QString &filePath,
                                            const QHash<QString, QString> &defaults = {});

    bool hasSection(const QString &section) const;
    bool hasOption(const QString &section, const QString &key) const;
    // The interpolated value; a missing key is an error.
    Result<QString> value(const QString &section, const QString &key) const;
    // The value as written (no interpolation); empty if absent.
    QString rawValue(const QString &section, const QString &key) const;
    int line(const QString &section, const QString &key) const; // 1-based; 0 if absent

private:
    struct Option
    {
        QStringList lines;
        int line = 0;
    };
    using Section = QHash<QString, Option>;

    Result<> interpolate(const QString &section, const QString &key, const QString &raw,
                         int depth, QString *out) const;
    const Option *find(const QString &section, const QString &key) const;

    QString m_path;
    Section m_defaults;
    QHash<QString, Section> m_sections;
};

} // namespace Retort
