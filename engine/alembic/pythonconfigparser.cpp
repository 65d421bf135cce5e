#include "pythonconfigparser.h"

#include <engine/core/enginetr.h>

#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

constexpr int MaxInterpolationDepth = 10; // configparser.MAX_INTERPOLATION_DEPTH

Error configError(const QString &message, const QString &path, int line = 0)
{
    return Error(Error::Kind::Config, message, path, line);
}

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line[n].isSpace())
        ++n;
    return n;
}

} // namespace

Result<PythonConfigParser> PythonConfigParser::parse(const QString &text, const QString &filePath,
                                                     const QHash<QString, QString> &defaults)
{
    static const QRegularExpression sectionRe(u"^\\[(.+)\\]"_s);
    static const QRegularExpression optionRe(u"^(.*?)\\s*([=:])\\s*(.*)$"_s);
    PythonConfigParser parser;
    parser.m_path = filePath;
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
        parser.m_defaults.insert(it.key().toLower(), Option{{it.value()}, 0});

    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s);
    const QStringList lines = normalized.split(u'\n');
    Section *current = nullptr;
    QString sectionName;
    QString optionName;
    int indentLevel = 0;
    QSet<QString> seenSections;
    QSet<QString> seenOptions; // "section\nkey"
    for (int n = 0; n < lines.size(); ++n) {
        const QString &line = lines[n];
        const int lineNumber = n + 1;
        const QString value = line.trimmed();
        const bool comment = value.startsWith(u'#') || value.startsWith(u';');
        if (value.isEmpty() || comment) {
            if (!comment && current && !optionName.isEmpty())
                (*current)[optionName].lines.append(QString());
            continue;
        }
        const int indent = indentOf(line);
        if (current && !optionName.isEmpty() && indent > indentLevel) {
            (*current)[optionName].lines.append(value);
            continue;
        }
        indentLevel = indent;
        const QRegularExpressionMatch section = sectionRe.match(value);
        if (section.hasMatch()) {
            sectionName = section.captured(1);
            if (sectionName != u"DEFAULT" && seenSections.contains(sectionName))
                return configError(Tr::tr("Section [%1] appears twice.").arg(sectionName),
                                   filePath, lineNumber);
            seenSections.insert(sectionName);
            current = sectionName == u"DEFAULT" ? &parser.m_defaults
                                                : &parser.m_sections[sectionName];
            optionName.clear();
            continue;
        }
        if (!current)
            return configError(Tr::tr("The file has no section header before this line."),
                               filePath, lineNumber);
        const QRegularExpressionMatch option = optionRe.match(value);
        const QString key = option.hasMatch() ? option.captured(1).trimmed().toLower() : QString();
        if (key.isEmpty())
            return configError(Tr::tr("Cannot read this line: expected 'key = value' or a "
                                      "[section]."),
                               filePath, lineNumber);
        const QString seenKey = sectionName + u'\n' + key;
        if (seenOptions.contains(seenKey))
            return configError(Tr::tr("Option '%1' appears twice in section [%2].")
                                   .arg(key, sectionName),
                               filePath, lineNumber);
        seenOptions.insert(seenKey);
        optionName = key;
        (*current)[key] = Option{{option.captured(3).trimmed()}, lineNumber};
    }
    // _join_multiline_values(): "\n".join(lines).rstrip()
    auto join = [](Section &s) {
        for (Option &o : s) {
            QString joined = o.lines.join(u'\n');
            while (!joined.isEmpty() && joined.back().isSpace())
                joined.chop(1);
            o.lines = QStringList{joined};
        }
    };
    join(parser.m_defaults);
    for (Section &s : parser.m_sections)
        join(s);
    return parser;
}

bool PythonConfigParser::hasSection(const QString &section) const
{
    return m_sections.contains(section);
}

const PythonConfigParser::Option *PythonConfigParser::find(const QString &section,
                                                           const QString &key) const
{
    const QString k = key.toLower();
    const auto s = m_sections.constFind(section);
    if (s != m_sections.cend()) {
        const auto o = s->constFind(k);
        if (o != s->cend())
            return &*o;
    }
    const auto d = m_defaults.constFind(k);
    return d != m_defaults.cend() ? &*d : nullptr;
}

bool PythonConfigParser::hasOption(const QString &section, const QString &key) const
{
    return hasSection(section) && find(section, key);
}

QString PythonConfigParser::rawValue(const QString &section, const QString &key) const
{
    const Option *o = find(section, key);
    return o ? o->lines.value(0) : QString();
}

int PythonConfigParser::line(const QString &section, const QString &key) const
{
    const Option *o = find(section, key);
    return o ? o->line : 0;
}

Result<QString> PythonConfigParser::value(const QString &section, const QString &key) const
{
    if (!hasOption(section, key))
        return configError(Tr::tr("No option '%1' in section [%2].").arg(key, section), m_path);
    QString out;
    if (Result<> r = interpolate(section, key, rawValue(section, key), 1, &out); !r)
        return r.error();
    return out;
}

// BasicInterpolation._interpolate_some.
Result<> PythonConfigParser::interpolate(const QString &section, const QString &key,
                                         const QString &raw, int depth, QString *out) const
{
    const int at = line(section, key);
    if (depth > MaxInterpolationDepth)
        return configError(Tr::tr("Option '%1' in section [%2] nests %()s references more "
                                  "than %3 levels deep.")
                               .arg(key, section).arg(MaxInterpolationDepth),
                           m_path, at);
    static const QRegularExpression keyRe(u"^%\\(([^)]+)\\)s"_s);
    QStringView rest(raw);
    while (!rest.isEmpty()) {
        const qsizetype p = rest.indexOf(u'%');
        if (p < 0) {
            *out += rest;
            return {};
        }
        *out += rest.left(p);
        rest = rest.mid(p);
        const QChar c = rest.size() > 1 ? rest[1] : QChar();
        if (c == u'%') {
            *out += u'%';
            rest = rest.mid(2);
        } else if (c == u'(') {
            const QRegularExpressionMatch m = keyRe.match(rest.toString());
            if (!m.hasMatch())
                return configError(Tr::tr("Option '%1' in section [%2] has a bad reference "
                                          "'%3'.").arg(key, section, rest.toString()),
                                   m_path, at);
            const QString name = m.captured(1).toLower();
            rest = rest.mid(m.capturedLength(0));
            const Option *o = find(section, name);
            if (!o)
                return configError(Tr::tr("Option '%1' in section [%2] refers to '%3', which "
                                          "is not set there nor in [DEFAULT].")
                                       .arg(key, section, name),
                                   m_path, at);
            const QString v = o->lines.value(0);
            if (v.contains(u'%')) {
                if (Result<> r = interpolate(section, key, v, depth + 1, out); !r)
                    return r;
            } else {
                *out += v;
            }
        } else {
            return configError(Tr::tr("Option '%1' in section [%2]: '%' must be followed by "
                                      "'%' or '(' (write '%%' for a percent sign).")
                                   .arg(key, section),
                               m_path, at);
        }
    }
    return {};
}

} // namespace Retort
