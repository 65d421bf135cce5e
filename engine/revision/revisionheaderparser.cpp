#include "revisionheaderparser.h"

#include "revisionscript.h"

#include <engine/core/enginetr.h>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

const std::array<QStringView, KnownFieldCount> knownHeaderFieldNames{u"Revision ID",
                                                                     u"Revises",
                                                                     u"Create Date",
                                                                     u"Branch Labels",
                                                                     u"Depends On"};

namespace {

Error scriptError(const QString &file, int line, const QString &message)
{
    return Error(Error::Kind::Script, message, file, line);
}

bool isFieldName(QStringView name)
{
    if (name.isEmpty() || !(name[0].isLetter() && name[0].unicode() < 0x80))
        return false;
    for (QChar c : name) {
        const bool ok = (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == u' ' || c == u'_'
                        || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

struct Field
{
    QStringView name;
    QStringView value;
};

// "Name: value" (the colon ends the line or is followed by a space).
std::optional<Field> splitField(QStringView body)
{
    const qsizetype colon = body.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    if (colon + 1 < body.size() && !body[colon + 1].isSpace())
        return std::nullopt;
    const QStringView name = body.first(colon).trimmed();
    if (!isFieldName(name))
        return std::nullopt;
    return Field{name, body.sliced(colon + 1).trimmed()};
}

char16_t asciiLower(QChar c)
{
    const char16_t u = c.unicode();
    return u >= u'A' && u <= u'Z' ? char16_t(u + (u'a' - u'A')) : u;
}

// Field names are ASCII (isFieldName). QStringView::compare(CaseInsensitive) folds full Unicode,
// which was a twentieth of loading a 10,000-revision project.
bool equalsIgnoringAsciiCase(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

int knownField(QStringView name)
{
    for (int i = 0; i < KnownFieldCount; ++i) {
        if (equalsIgnoringAsciiCase(name, knownHeaderFieldNames[i]))
            return i;
    }
    return -1;
}

} // namespace

Result<> RevisionHeaderParser::comment(QStringView body, int line)
{
    const std::optional<Field> field = body.isEmpty() ? std::nullopt : splitField(body);
    const int known = field ? knownField(field->name) : -1;
    const bool first = !m_messageSeen;
    m_messageSeen = true;
    if (known >= 0) { // a header that starts with a field has no message
        m_messageOpen = false;
        return this->known(known, field->value, line);
    }
    if (first) {
        m_rev.message = body.toString();
        m_messageOpen = !body.isEmpty();
        return {};
    }
    if (body.isEmpty()) {
        m_messageOpen = false;
        return {};
    }
    if (m_messageOpen)
        m_rev.message += u'\n' + body;
    else if (field)
        m_rev.extraHeaders.append({field->name.toString(), field->value.toString()});
    else
        m_rev.extraHeaders.append({QString(), body.toString()});
    return {};
}

Result<> RevisionHeaderParser::known(int field, QStringView value, int line)
{
    if (m_fieldLines[field] != 0)
        return scriptError(m_file,
                           line,
                           Tr::tr("Second \"%1\" header (the first is on line %2).")
                                   .arg(knownHeaderFieldNames[field])
                                   .arg(m_fieldLines[field]));
    m_fieldLines[field] = line;
    switch (field) {
    case RevisionId:
        m_rev.idLine = line;
        if (value.isEmpty())
            return scriptError(m_file, line, Tr::tr("\"Revision ID\" is empty."));
        if (!RevisionScript::isValidRevisionId(value))
            return scriptError(m_file,
                               line,
                               Tr::tr("Invalid revision id \"%1\": use at most %2 letters, digits "
                                      "and '_'.")
                                       .arg(value.toString())
                                       .arg(RevisionScript::MaxRevisionIdLength));
        m_rev.id = value.toString();
        return {};
    case CreateDate:
        m_rev.createDate = value.toString();
        return {};
    default:
        break;
    }
    Result<QStringList> items = list(field, value, line);
    if (!items)
        return items.error();
    (field == Revises        ? m_rev.parents
     : field == BranchLabels ? m_rev.branchLabels
                             : m_rev.dependsOn)
            = std::move(*items);
    (field == Revises        ? m_rev.parentsLine
     : field == BranchLabels ? m_rev.branchLabelsLine
                             : m_rev.dependsOnLine)
            = line;
    return {};
}

// A comma-separated list; each entry non-empty, listed once, and a plausible id or label.
Result<QStringList> RevisionHeaderParser::list(int field, QStringView value, int line) const
{
    QStringList out;
    if (value.isEmpty())
        return out;
    const QStringView name = knownHeaderFieldNames[field];
    for (QStringView item : value.split(u',')) {
        item = item.trimmed();
        if (item.isEmpty())
            return scriptError(m_file, line, Tr::tr("Empty entry in \"%1\".").arg(name));
        bool ok = true;
        if (field == Revises)
            ok = RevisionScript::isValidRevisionId(item);
        for (QChar c : item)
            ok = ok && !c.isSpace() && c != u'@';
        if (!ok)
            return scriptError(
                    m_file,
                    line,
                    Tr::tr("Invalid entry \"%1\" in \"%2\": %3.")
                            .arg(item.toString(),
                                 name,
                                 field == Revises
                                         ? Tr::tr("a revision id has only letters, digits and '_'")
                                         : Tr::tr("no spaces or '@' allowed")));
        if (out.contains(item))
            return scriptError(m_file,
                               line,
                               Tr::tr("\"%1\" is listed twice in \"%2\".")
                                       .arg(item.toString(), name));
        out.append(item.toString());
    }
    return out;
}

Result<> RevisionHeaderParser::finish() const
{
    if (m_rev.id.isEmpty())
        return scriptError(m_file, 1, Tr::tr("No \"-- Revision ID:\" line in the header."));
    return {};
}

} // namespace Retort
