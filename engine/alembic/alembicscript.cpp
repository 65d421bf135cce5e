#include "alembicscript.h"

#include "pythonliteralreader.h"
#include "pythontokenizer.h"

#include <engine/core/enginetr.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error scriptError(const QString &message, const QString &path, int line)
{
    return Error(Error::Kind::Script, message, path, line);
}

// PEP 263: "coding[:=]name" in a comment on line 1, or on line 2 after a blank or comment line.
QByteArray codingCookie(const QByteArray &bytes)
{
    static const QRegularExpression cookie(uR"(^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+))"_s);
    static const QRegularExpression blank(uR"(^[ \t\f]*(?:[#\r\n]|$))"_s);
    const QList<QByteArray> lines = bytes.left(4096).split('\n');
    for (int i = 0; i < std::min<qsizetype>(2, lines.size()); ++i) {
        const QString line = QString::fromLatin1(lines[i]);
        const QRegularExpressionMatch m = cookie.match(line);
        if (m.hasMatch())
            return m.captured(1).toLatin1();
        if (!blank.match(line).hasMatch())
            break;
    }
    return {};
}

// Python's tokenize._get_normal_name.
QByteArray normalEncodingName(const QByteArray &name)
{
    const QByteArray enc = name.left(12).toLower().replace('_', '-');
    if (enc == "utf-8" || enc.startsWith("utf-8-"))
        return "utf-8";
    for (const char *latin : {"latin-1", "iso-8859-1", "iso-latin-1"})
        if (enc == latin || enc.startsWith(QByteArray(QByteArray(latin) + '-')))
            return "iso-8859-1";
    return name;
}

int lineOfOffset(const QByteArray &bytes, qsizetype offset)
{
    return int(bytes.left(offset).count('\n')) + 1;
}

struct Decoded
{
    QString text;
    QString dynamicReason; // set when only Python can decode it
};

Result<Decoded> decodeSource(QByteArray bytes, const QString &path)
{
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    if (bom)
        bytes.remove(0, 3);
    const QByteArray cookie = codingCookie(bytes);
    const QByteArray encoding = cookie.isEmpty() ? QByteArray("utf-8") : normalEncodingName(cookie);
    if (bom && encoding != "utf-8")
        return scriptError(Tr::tr("The file starts with a UTF-8 byte order mark but declares the "
                                  "encoding '%1'.").arg(QString::fromLatin1(cookie)),
                           path, 1);
    if (encoding == "utf-8") {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder(bytes);
        if (decoder.hasError()) {
            // Find the first bad line by decoding line by line.
            qsizetype offset = 0;
            for (const QByteArray &line : bytes.split('\n')) {
                QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
                (void)QString(lineDecoder(line));
                if (lineDecoder.hasError())
                    break;
                offset += line.size() + 1;
            }
            return scriptError(Tr::tr("The file is not valid UTF-8 (declare its encoding with a "
                                      "'# -*- coding: ... -*-' line)."),
                               path, lineOfOffset(bytes, offset));
        }
        return Decoded{text, {}};
    }
    if (encoding == "iso-8859-1")
        return Decoded{QString::fromLatin1(bytes), {}};
    const QByteArray lower = encoding.toLower();
    if (lower == "ascii" || lower == "us-ascii") {
        for (qsizetype i = 0; i < bytes.size(); ++i)
            if (uchar(bytes[i]) >= 0x80)
                return scriptError(Tr::tr("The file declares the encoding 'ascii' but is not "
                                          "ASCII."),
                                   path, lineOfOffset(bytes, i));
        return Decoded{QString::fromLatin1(bytes), {}};
    }
    QStringDecoder decoder(encoding.constData());
    if (decoder.isValid()) {
        QString text = decoder(bytes);
        if (!decoder.hasError())
            return Decoded{text, {}};
    }
    return Decoded{QString::fromLatin1(bytes),
                   Tr::tr("the source encoding '%1' is read only by Python")
                       .arg(QString::fromLatin1(cookie))};
}

// Python's str.strip(): str.isspace() characters at both ends.
QString pythonStrip(const QString &s)
{
    auto isSpace = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x09 && u <= 0x0d) || (u >= 0x1c && u <= 0x20) || u == 0x85
               || c.category() == QChar::Separator_Space || c.category() == QChar::Separator_Line
               || c.category() == QChar::Separator_Paragraph;
    };
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isSpace(s[begin]))
        ++begin;
    while (end > begin && isSpace(s[end - 1]))
        --end;
    return s.mid(begin, end - begin);
}

// What to_tuple() makes of a field: None is empty, a str one item, a tuple or list its items.
// Anything else sets *problem.
QStringList stringItems(const PythonValue &value, QString *problem)
{
    switch (value.kind) {
    case PythonValue::Kind::None:
        return {};
    case PythonValue::Kind::Str:
        return {value.text};
    case PythonValue::Kind::Tuple:
    case PythonValue::Kind::List:
        if (value.isStringSequence()) {
            QStringList out;
            for (const PythonValue &item : value.items)
                out.append(item.text);
            return out;
        }
        *problem = Tr::tr("it holds something other than strings");
        return {};
    case PythonValue::Kind::Bytes:
        *problem = Tr::tr("it is a bytes value");
        return {};
    case PythonValue::Kind::Other:
        *problem = Tr::tr("it is not a string");
        return {};
    }
    return {};
}

class ModuleBuilder
{
public:
    ModuleBuilder(const PythonLiteralReader &reader, AlembicModule &module)
        : m_reader(reader)
        , m_module(module)
    {}

    void setDynamic(const QString &name, const QString &reason, int line)
    {
        if (m_module.dynamic)
            return;
        m_module.dynamic = true;
        m_module.dynamicReason = Tr::tr("'%1' is not a literal: %2").arg(name, reason);
        m_module.dynamicLine = line;
    }

    // The field's items; nullopt when unbound. Sets the module dynamic where needed.
    std::optional<QStringList> field(const QString &name, int *line)
    {
        const PythonBinding b = m_reader.binding(name);
        *line = b.line;
        if (b.state == PythonBinding::State::Unbound)
            return std::nullopt;
        if (b.state == PythonBinding::State::Dynamic) {
            setDynamic(name, b.reason, b.line);
            return QStringList();
        }
        QString problem;
        QStringList items = stringItems(b.value, &problem);
        if (!problem.isEmpty())
            setDynamic(name, problem, b.line);
        return items;
    }

private:
    const PythonLiteralReader &m_reader;
    AlembicModule &m_module;
};

} // namespace

Result<AlembicModule> AlembicScript::parse(const QByteArray &source, const QString &filePath)
{
    AlembicModule module;
    Revision &rev = module.revision;
    rev.filePath = filePath;
    rev.source = source;
    rev.downgradeSql = QString(); // reversible as far as the graph knows

    const Result<Decoded> decoded = decodeSource(source, filePath);
    if (!decoded)
        return decoded.error();
    if (!decoded->dynamicReason.isEmpty()) {
        module.dynamic = true;
        module.dynamicReason = decoded->dynamicReason;
        module.dynamicLine = 1;
        return module;
    }
    const Result<QList<PythonLogicalLine>> lines = PythonTokenizer::tokenize(decoded->text,
                                                                             filePath);
    if (!lines)
        return lines.error();
    const PythonLiteralReader reader(*lines);
    ModuleBuilder builder(reader, module);

    const PythonBinding id = reader.binding(u"revision"_s);
    rev.idLine = id.line;
    if (id.state == PythonBinding::State::Unbound) {
        // Alembic 0.1's files had no variable: the id was the (hex) file name.
        static const QRegularExpression legacy(u"^([a-f0-9]+)\\.py$"_s);
        const QRegularExpressionMatch m = legacy.match(QFileInfo(filePath).fileName());
        if (!m.hasMatch())
            return scriptError(Tr::tr("No module-level 'revision' variable; Alembic needs it to "
                                      "know the revision id."),
                               filePath, 1);
        rev.id = m.captured(1);
    } else if (id.state == PythonBinding::State::Dynamic) {
        builder.setDynamic(u"revision"_s, id.reason, id.line);
    } else if (id.value.kind != PythonValue::Kind::Str) {
        builder.setDynamic(u"revision"_s, Tr::tr("it is not a string"), id.line);
    } else {
        rev.id = id.value.text;
    }

    const std::optional<QStringList> parents = builder.field(u"down_revision"_s, &rev.parentsLine);
    if (!parents)
        return scriptError(Tr::tr("No module-level 'down_revision' variable; Alembic 1.8 cannot "
                                  "load the file without it (set it to None for a base "
                                  "revision)."),
                           filePath, rev.idLine > 0 ? rev.idLine : 1);
    // tuple_rev_as_scalar(): an empty string or sequence is no parent at all.
    if (!(parents->size() == 1 && parents->first().isEmpty()))
        rev.parents = *parents;
    rev.branchLabels = builder.field(u"branch_labels"_s, &rev.branchLabelsLine).value_or(QStringList());
    rev.dependsOn = builder.field(u"depends_on"_s, &rev.dependsOnLine).value_or(QStringList());

    const PythonBinding doc = reader.binding(u"__doc__"_s);
    if (doc.state == PythonBinding::State::Dynamic)
        builder.setDynamic(u"__doc__"_s, doc.reason, doc.line);
    else if (doc.value.kind == PythonValue::Kind::Str)
        rev.message = pythonStrip(doc.value.text).section(u"\n\n"_s, 0, 0);
    else if (doc.value.kind != PythonValue::Kind::None)
        builder.setDynamic(u"__doc__"_s, Tr::tr("it is not a string"), doc.line);
    return module;
}

Result<AlembicModule> AlembicScript::read(const QString &filePath)
{
    const QString path = QFileInfo(filePath).absoluteFilePath();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return scriptError(Tr::tr("Cannot read the revision file: %1.").arg(file.errorString()),
                           path, 0);
    return parse(file.readAll(), path);
}

} // namespace Retort
