#include "revisionscript.h"

#include "revisionheaderparser.h"
#include "sha256.h"

#include <engine/core/enginetr.h>
#include <engine/core/filewriter.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QStringDecoder>

#include <array>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error scriptError(const QString &file, int line, const QString &message)
{
    return Error(Error::Kind::Script, message, file, line);
}

QString quotedMarker(QStringView name)
{
    return u"\"-- migrate:"_s + name + u'"';
}

// "migrate:NAME" in a trimmed line "-- migrate:NAME": NAME; nullopt for any other line.
std::optional<QStringView> markerName(QStringView trimmedLine)
{
    if (!trimmedLine.startsWith(u"--"))
        return std::nullopt;
    const QStringView body = trimmedLine.sliced(2).trimmed();
    if (!body.startsWith(u"migrate:"))
        return std::nullopt;
    return body.sliced(8).trimmed();
}

QStringView rightTrimmed(QStringView s)
{
    qsizetype n = s.size();
    while (n > 0 && s[n - 1].isSpace())
        --n;
    return s.first(n);
}

// Splits a file into its header and its upgrade and downgrade sections.
class ScriptParser
{
public:
    ScriptParser(QStringView text, const QString &file)
        : m_text(text)
        , m_file(file)
        , m_header(m_rev, m_file)
    {
        m_rev.filePath = file;
    }

    Result<Revision> run();

private:
    enum class Section { Header, Upgrade, Downgrade };
    Result<> marker(QStringView name, qsizetype lineBegin, qsizetype nextLine, int line);
    void closeSection(qsizetype end);

    QStringView m_text;
    const QString &m_file;
    Revision m_rev;
    RevisionHeaderParser m_header;
    Section m_section = Section::Header;
    qsizetype m_sectionBegin = 0;
    int m_upgradeMarkerLine = 0;
    int m_downgradeMarkerLine = 0;
    int m_noTransactionLine = 0;
    int m_foreignKeysOffLine = 0;
};

Result<Revision> ScriptParser::run()
{
    qsizetype pos = 0;
    int line = 0;
    while (pos < m_text.size()) {
        ++line;
        qsizetype nl = m_text.indexOf(u'\n', pos);
        const qsizetype next = nl < 0 ? m_text.size() : nl + 1;
        const QStringView trimmed = m_text.sliced(pos, (nl < 0 ? m_text.size() : nl) - pos).trimmed();
        const std::optional<QStringView> name = markerName(trimmed);
        // In the SQL sections the statement-begin/end markers are the splitter's business.
        if (name && (m_section == Section::Header || !name->startsWith(u"statement-"))) {
            if (const Result<> r = marker(*name, pos, next, line); !r)
                return r.error();
        } else if (m_section == Section::Header) {
            if (trimmed.isEmpty()) {
                m_header.blankLine();
            } else if (!trimmed.startsWith(u"--")) {
                return scriptError(m_file,
                                   line,
                                   Tr::tr("SQL before \"-- migrate:upgrade\"; the header holds "
                                          "only \"--\" comment lines."));
            } else if (const Result<> r = m_header.comment(trimmed.sliced(2).trimmed(), line); !r) {
                return r.error();
            }
        }
        pos = next;
    }
    closeSection(m_text.size());
    if (const Result<> r = m_header.finish(); !r)
        return r.error();
    if (m_upgradeMarkerLine == 0)
        return scriptError(m_file, 1, Tr::tr("No \"-- migrate:upgrade\" line."));
    return std::move(m_rev);
}

Result<> ScriptParser::marker(QStringView name, qsizetype lineBegin, qsizetype nextLine, int line)
{
    if (name == u"no-transaction" || name == u"foreign-keys-off") {
        if (m_section != Section::Header)
            return scriptError(m_file,
                               line,
                               Tr::tr("%1 belongs in the header, before \"-- migrate:upgrade\".")
                                   .arg(quotedMarker(name)));
        (name == u"no-transaction" ? m_noTransactionLine : m_foreignKeysOffLine) = line;
        if (m_noTransactionLine > 0 && m_foreignKeysOffLine > 0)
            return scriptError(m_file,
                               line,
                               Tr::tr("\"-- migrate:foreign-keys-off\" and \"-- migrate:no-transaction\" "
                                      "exclude each other: the foreign-key check needs the "
                                      "revision's transaction."));
        m_rev.noTransaction = m_noTransactionLine > 0;
        m_rev.foreignKeysOff = m_foreignKeysOffLine > 0;
        return {};
    }
    if (name == u"upgrade") {
        if (m_upgradeMarkerLine != 0)
            return scriptError(m_file,
                               line,
                               Tr::tr("Second \"-- migrate:upgrade\" (the first is on line %1).")
                                       .arg(m_upgradeMarkerLine));
        m_upgradeMarkerLine = line;
        m_rev.upgradeLine = line + 1;
        m_section = Section::Upgrade;
        m_sectionBegin = nextLine;
        return {};
    }
    if (name == u"downgrade") {
        if (m_downgradeMarkerLine != 0)
            return scriptError(m_file,
                               line,
                               Tr::tr("Second \"-- migrate:downgrade\" (the first is on line %1).")
                                       .arg(m_downgradeMarkerLine));
        if (m_section == Section::Header)
            return scriptError(m_file,
                               line,
                               Tr::tr("\"-- migrate:downgrade\" before \"-- migrate:upgrade\"."));
        closeSection(lineBegin);
        m_downgradeMarkerLine = line;
        m_rev.downgradeLine = line + 1;
        m_section = Section::Downgrade;
        m_sectionBegin = nextLine;
        return {};
    }
    if (name.startsWith(u"statement-"))
        return scriptError(m_file,
                           line,
                           Tr::tr("%1 before \"-- migrate:upgrade\".").arg(quotedMarker(name)));
    return scriptError(m_file,
                       line,
                       Tr::tr("Unknown marker %1; the markers are upgrade, downgrade, "
                              "no-transaction, foreign-keys-off, statement-begin and "
                              "statement-end.")
                               .arg(quotedMarker(name)));
}

void ScriptParser::closeSection(qsizetype end)
{
    if (m_section == Section::Header)
        return;
    const QString sql = rightTrimmed(m_text.sliced(m_sectionBegin, end - m_sectionBegin)).toString();
    if (m_section == Section::Upgrade)
        m_rev.upgradeSql = sql;
    else
        m_rev.downgradeSql = sql;
}

QStringView withoutBom(QStringView text)
{
    return text.startsWith(QChar(0xfeff)) ? text.sliced(1) : text;
}

Result<Revision> parseText(QStringView text, const QString &filePath)
{
    ScriptParser parser(withoutBom(text), filePath);
    return parser.run();
}

int lineOfFirstReplacementChar(const QString &text)
{
    const qsizetype at = text.indexOf(QChar(QChar::ReplacementCharacter));
    return at < 0 ? 0 : int(QStringView(text).first(at).count(u'\n')) + 1;
}

} // namespace

Result<Revision> RevisionScript::parse(const QString &text, const QString &filePath)
{
    Result<Revision> r = parseText(text, filePath);
    if (r)
        r->source = text.toUtf8();
    return r;
}

Result<Revision> RevisionScript::read(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return scriptError(filePath, 0, Tr::tr("Cannot read the file: %1.").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return scriptError(filePath, 0, Tr::tr("Cannot read the file: %1.").arg(file.errorString()));
    return parseUtf8(bytes, filePath);
}

Result<Revision> RevisionScript::parseUtf8(const QByteArray &utf8, const QString &filePath)
{
    // A NUL would end the statement text at the driver, which then reports "No query".
    if (const qsizetype nul = utf8.indexOf('\0'); nul >= 0)
        return scriptError(filePath,
                           int(QByteArrayView(utf8).first(nul).count('\n')) + 1,
                           Tr::tr("The file contains a NUL byte; a revision must be text."));
    QStringDecoder decoder(QStringConverter::Utf8); // skips a leading BOM
    const QString text = decoder.decode(utf8);
    if (decoder.hasError())
        return scriptError(filePath,
                           lineOfFirstReplacementChar(text),
                           Tr::tr("The file is not valid UTF-8."));
    Result<Revision> r = parseText(text, filePath);
    if (r)
        r->source = utf8;
    return r;
}

QString RevisionScript::render(const Revision &revision)
{
    QString out;
    for (QStringView line : QStringView(revision.message).split(u'\n'))
        out += line.isEmpty() ? u"--\n"_s : u"-- "_s + line + u'\n';
    out += u"--\n"_s;
    const auto field = [&out](QStringView name, const QString &value) {
        out += u"-- "_s + name + u':' + (value.isEmpty() ? QString() : u' ' + value) + u'\n';
    };
    field(u"Revision ID", revision.id);
    field(u"Revises", revision.parents.join(u", "_s));
    field(u"Create Date", revision.createDate);
    field(u"Branch Labels", revision.branchLabels.join(u", "_s));
    field(u"Depends On", revision.dependsOn.join(u", "_s));
    for (const auto &[name, value] : revision.extraHeaders) {
        if (name.isEmpty())
            out += u"-- "_s + value + u'\n';
        else
            field(name, value);
    }
    if (revision.noTransaction)
        out += u"-- migrate:no-transaction\n"_s;
    if (revision.foreignKeysOff)
        out += u"-- migrate:foreign-keys-off\n"_s;
    out += u"\n-- migrate:upgrade\n"_s + rightTrimmed(revision.upgradeSql) + u'\n';
    if (revision.downgradeSql)
        out += u"\n-- migrate:downgrade\n"_s + rightTrimmed(*revision.downgradeSql) + u'\n';
    return out;
}

Result<> RevisionScript::write(const Revision &revision, const QString &filePath)
{
    if (QFileInfo::exists(filePath))
        return scriptError(filePath, 0, Tr::tr("The file already exists; not overwriting it."));
    const QString text = render(revision);
    // What we write must read back: a bad id or label, or a message line that reads as a field
    // or marker, fails here, before any file exists; so the error names no file or line.
    if (const Result<Revision> check = parseText(text, filePath); !check) {
        QString why = check.error().message;
        if (why.endsWith(u'.'))
            why.chop(1);
        return Error(Error::Kind::Script,
                     Tr::tr("No revision file was written: with this message and these fields it "
                            "would not read back (%1).").arg(why));
    }
    return FileWriter::write(filePath, text.toUtf8(), Error::Kind::Script);
}

QString RevisionScript::checksum(const QString &text)
{
    return checksumOfUtf8(text.toUtf8());
}

QString RevisionScript::checksumOf(const Revision &revision)
{
    return revision.source.isNull() ? QString() : checksumOfUtf8(revision.source);
}

QString RevisionScript::checksumOfUtf8(QByteArrayView utf8)
{
    const char *data = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype pos = utf8.startsWith("\xef\xbb\xbf") ? 3 : 0;
    QByteArray normalised;
    normalised.reserve(size);
    qsizetype keep = 0; // normalised's length without its trailing empty lines
    const auto isTrailingSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
    };
    while (true) {
        const char *nl = static_cast<const char *>(memchr(data + pos, '\n', size_t(size - pos)));
        const qsizetype lineEnd = nl ? nl - data : size;
        qsizetype end = lineEnd;
        while (end > pos && isTrailingSpace(data[end - 1]))
            --end;
        normalised.append(data + pos, end - pos);
        if (end > pos)
            keep = normalised.size();
        if (!nl)
            break;
        normalised.append('\n');
        pos = lineEnd + 1;
    }
    normalised.truncate(keep);
    return QString::fromLatin1(Sha256::hash(normalised).toHex());
}

QString RevisionScript::slugify(const QString &message)
{
    // Python's \w+ on str: letters and numbers of any script, and '_'; counted in code points.
    QString slug;
    bool inWord = false;
    for (char32_t c : QStringView(message).toUcs4()) {
        const bool word = c == U'_' || QChar::isLetterOrNumber(c);
        if (word && !inWord && !slug.isEmpty())
            slug += u'_';
        if (word)
            slug += QChar::fromUcs4(c);
        inWord = word;
    }
    slug = slug.toLower();
    constexpr qsizetype MaxSlugLength = 40;
    const QList<uint> codePoints = slug.toUcs4();
    if (codePoints.size() <= MaxSlugLength)
        return slug;
    QString cut;
    for (qsizetype i = 0; i < MaxSlugLength; ++i)
        cut += QChar::fromUcs4(codePoints[i]);
    const qsizetype underscore = cut.lastIndexOf(u'_');
    if (underscore >= 0)
        cut.truncate(underscore);
    return cut + u'_';
}

namespace {

// One Python %-conversion, "%(name)<flags><width>.<precision><type>", applied to `value`.
struct Conversion
{
    QString name;
    QString flags;
    int width = 0;
    int precision = -1;
    QChar type;
    qsizetype length = 0; // characters in the template
};

std::optional<Conversion> parseConversion(QStringView t)
{
    Conversion c;
    const qsizetype close = t.indexOf(u')');
    if (!t.startsWith(u"%(") || close < 0)
        return std::nullopt;
    c.name = t.sliced(2, close - 2).toString();
    qsizetype i = close + 1;
    while (i < t.size() && QStringView(u"-0 +#").contains(t[i]))
        c.flags += t[i++];
    while (i < t.size() && t[i].isDigit())
        c.width = c.width * 10 + t[i++].digitValue();
    if (i < t.size() && t[i] == u'.') {
        c.precision = 0;
        for (++i; i < t.size() && t[i].isDigit(); ++i)
            c.precision = c.precision * 10 + t[i].digitValue();
    }
    if (i >= t.size() || !QStringView(u"sdi").contains(t[i]))
        return std::nullopt;
    c.type = t[i];
    c.length = i + 1;
    return c;
}

QString applyConversion(const Conversion &c, const QString &text, std::optional<qint64> number)
{
    QString out;
    if (c.type == u's') {
        out = text;
        if (c.precision >= 0)
            out.truncate(c.precision);
    } else {
        const qint64 n = number.value_or(0);
        out = QString::number(qAbs(n)).rightJustified(qMax(c.precision, 0), u'0');
        if (n < 0)
            out.prepend(u'-');
        if (c.flags.contains(u'0') && !c.flags.contains(u'-') && c.precision < 0)
            out = out.rightJustified(c.width, u'0');
    }
    return c.flags.contains(u'-') ? out.leftJustified(c.width) : out.rightJustified(c.width);
}

} // namespace

QString RevisionScript::fileName(const QString &fileTemplate,
                                 const Revision &revision,
                                 const QDateTime &createDate)
{
    const QDate date = createDate.date();
    const QTime time = createDate.time();
    const QHash<QString, qint64> numbers{{u"epoch"_s, createDate.toSecsSinceEpoch()},
                                         {u"year"_s, date.year()},
                                         {u"month"_s, date.month()},
                                         {u"day"_s, date.day()},
                                         {u"hour"_s, time.hour()},
                                         {u"minute"_s, time.minute()},
                                         {u"second"_s, time.second()}};
    const QHash<QString, QString> texts{{u"rev"_s, revision.id},
                                        {u"slug"_s, slugify(revision.message)}};
    QString out;
    const QStringView t(fileTemplate);
    for (qsizetype i = 0; i < t.size();) {
        if (t.sliced(i).startsWith(u"%%")) {
            out += u'%';
            i += 2;
            continue;
        }
        const std::optional<Conversion> c = t[i] == u'%' ? parseConversion(t.sliced(i))
                                                         : std::nullopt;
        const bool known = c && (numbers.contains(c->name) || texts.contains(c->name));
        if (!known) {
            out += t[i++];
            continue;
        }
        const auto number = numbers.contains(c->name) ? std::optional(numbers.value(c->name))
                                                      : std::nullopt;
        out += applyConversion(*c, number ? QString::number(*number) : texts.value(c->name), number);
        i += c->length;
    }
    return out + u".sql"_s;
}

QString RevisionScript::formatCreateDate(const QDateTime &when)
{
    const int ms = when.time().msec();
    return when.toString(u"yyyy-MM-dd HH:mm:ss"_s)
           + (ms ? u'.' + QString::number(ms).rightJustified(3, u'0') + u"000"_s : QString());
}

QString RevisionScript::newRevisionId()
{
    const quint64 bits = QRandomGenerator::system()->generate64() & 0xffffffffffffULL;
    return QString::number(bits, 16).rightJustified(12, u'0');
}

bool RevisionScript::isValidRevisionId(QStringView id)
{
    if (id.isEmpty() || id.size() > MaxRevisionIdLength)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                        || (u >= u'0' && u <= u'9') || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Retort
