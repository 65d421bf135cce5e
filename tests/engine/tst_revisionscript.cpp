#include "../common/testdatabases.h"
#include <engine/revision/revisionscript.h>
#include <engine/revision/scriptdirectory.h>
#include <engine/revision/sha256.h>
#include <engine/sql/statementsplitter.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString dataDir = QStringLiteral(RETORT_TEST_DATA_DIR "/revisions");

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A small valid revision file.
QString script(const QString &id, const QString &parents, const QString &message = u"msg"_s)
{
    return u"-- "_s + message + u"\n--\n-- Revision ID: "_s + id + u"\n-- Revises: "_s + parents
           + u"\n\n-- migrate:upgrade\nCREATE TABLE t_"_s + id
           + u" (id INTEGER PRIMARY KEY);\n\n-- migrate:downgrade\nDROP TABLE t_"_s + id + u";\n"_s;
}

Revision sampleRevision()
{
    Revision r;
    r.id = u"3f2a9c1b7d4e"_s;
    r.parents = {u"1a2b3c4d5e6f"_s};
    r.message = u"add age field to user"_s;
    r.createDate = u"2026-11-24 03:00:00.123456"_s;
    r.upgradeSql = u"ALTER TABLE \"user\" ADD COLUMN age INTEGER;"_s;
    r.downgradeSql = u"ALTER TABLE \"user\" DROP COLUMN age;"_s;
    return r;
}

} // namespace

class tst_RevisionScript : public QObject
{
    Q_OBJECT
private slots:
    void parsesSpecExample();
    void parsesMergeWithExtraHeaders();
    void parsesCrlfAndBom();
    void parsesHeaderWithoutMessage();
    void upgradeLineLinesUpWithSplitter();
    void renderMatchesSpecLayout();
    void roundTrip_data();
    void roundTrip();
    void parseErrors_data();
    void parseErrors();
    void checksumNormalises_data();
    void checksumNormalises();
    void checksumIsSha256OfNormalisedText();
    void sha256AgreesWithQCryptographicHash();
    void slugify_data();
    void slugify();
    void fileName_data();
    void fileName();
    void fileNameAgreesWithAlembic_data() { fileName_data(); }
    void fileNameAgreesWithAlembic();
    void newRevisionIdIsTwelveHexDigits();
    void formatCreateDateAsPython();
    void writeThenRead();
    void writeRefusesToOverwrite();
    void writeRefusesInvalidRevision();
    void writeRefusesMessageThatReadsAsMarker();
    void scriptNamesAreWhatLoadReads_data();
    void scriptNamesAreWhatLoadReads();
    void readReportsNulByte();
    void readReportsMissingFile();
    void readReportsInvalidUtf8();
    void loadReadsSortedSqlFilesOnly();
    void loadEmptyDirectory();
    void loadReportsMissingDirectory();
    void loadReportsParseErrorWithFileAndLine();
    void loadReportsDuplicateIdNamingBothFiles();
    void loadTenThousandFiles();
};

void tst_RevisionScript::parsesSpecExample()
{
    const QString path = dataDir + u"/spec_example.sql"_s;
    const Result<Revision> r = RevisionScript::read(path);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->id, u"3f2a9c1b7d4e"_s);
    QCOMPARE(r->parents, QStringList{u"1a2b3c4d5e6f"_s});
    QCOMPARE(r->message, u"add age field to user"_s);
    QCOMPARE(r->createDate, u"2026-11-24 03:00:00.123456"_s);
    QVERIFY(r->branchLabels.isEmpty());
    QVERIFY(r->dependsOn.isEmpty());
    QVERIFY(r->extraHeaders.isEmpty());
    QVERIFY(!r->noTransaction);
    QCOMPARE(r->upgradeSql, u"ALTER TABLE \"user\" ADD COLUMN age INTEGER;"_s);
    QCOMPARE(r->upgradeLine, 10);
    QCOMPARE(r->downgradeSql, std::optional(u"ALTER TABLE \"user\" DROP COLUMN age;"_s));
    QCOMPARE(r->downgradeLine, 13);
    QCOMPARE(r->filePath, path);
    QCOMPARE(RevisionScript::checksumOf(*r), sha256(readBytes(path).trimmed()));
    QVERIFY(!r->isBase());
    QVERIFY(!r->isMergePoint());
}

void tst_RevisionScript::parsesMergeWithExtraHeaders()
{
    const Result<Revision> r = RevisionScript::read(dataDir + u"/merge_no_transaction.sql"_s);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->parents, (QStringList{u"1a2b3c4d5e6f"_s, u"0f0e0d0c0b0a"_s}));
    QVERIFY(r->isMergePoint());
    QCOMPARE(r->branchLabels, (QStringList{u"feature"_s, u"release_1"_s}));
    QCOMPARE(r->dependsOn, (QStringList{u"99aa88bb77cc"_s, u"shared"_s}));
    QCOMPARE(r->extraHeaders, (QList<QPair<QString, QString>>{{u"Ticket"_s, u"RET-42"_s}}));
    QVERIFY(r->noTransaction);
    // The header fields' lines, for graph errors (a missing parent names line 4).
    QCOMPARE(r->idLine, 3);
    QCOMPARE(r->parentsLine, 4);
    QCOMPARE(r->branchLabelsLine, 6);
    QCOMPARE(r->dependsOnLine, 7);
    QCOMPARE(r->upgradeLine, 12);
    QVERIFY(!r->downgradeSql);
    QCOMPARE(r->downgradeLine, 0);
}

void tst_RevisionScript::parsesCrlfAndBom()
{
    const QString path = dataDir + u"/crlf_bom.sql"_s;
    const QByteArray bytes = readBytes(path);
    QVERIFY(bytes.startsWith("\xef\xbb\xbf") && bytes.contains("\r\n"));
    const Result<Revision> r = RevisionScript::read(path);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->message, u"crlf and bom"_s);
    QCOMPARE(r->id, u"c0ffee000001"_s);
    QVERIFY(r->isBase());
    QCOMPARE(r->upgradeSql, u"SELECT 1;"_s);
    QCOMPARE(r->upgradeLine, 7);
    QCOMPARE(r->downgradeSql, std::optional(u"SELECT 2;"_s));
    QCOMPARE(r->downgradeLine, 10);
    // Normalised: the same file with LF, no BOM, no trailing blanks hashes the same.
    const QByteArray plain = "-- crlf and bom\n--\n-- Revision ID: c0ffee000001\n-- Revises:\n\n"
                             "-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\nSELECT 2;";
    QCOMPARE(RevisionScript::checksumOf(*r), sha256(plain));
    // parse() of the decoded text agrees with read(); its source is the text's UTF-8, which may
    // differ in the BOM, and has the same checksum.
    Result<Revision> p = RevisionScript::parse(QString::fromUtf8(bytes), path);
    QVERIFY(p);
    QCOMPARE(RevisionScript::checksumOf(*p), RevisionScript::checksumOf(*r));
    p->source = r->source;
    QCOMPARE(*p, *r);
}

void tst_RevisionScript::parsesHeaderWithoutMessage()
{
    const Result<Revision> r = RevisionScript::parse(
            u"-- Revision ID: abc\n-- Revises: def\n-- Note: kept\n-- migrate:upgrade\nSELECT 1;"_s,
            u"x.sql"_s);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->message, QString());
    QCOMPARE(r->id, u"abc"_s);
    QCOMPARE(r->parents, QStringList{u"def"_s});
    QCOMPARE(r->extraHeaders, (QList<QPair<QString, QString>>{{u"Note"_s, u"kept"_s}}));
    QCOMPARE(r->upgradeSql, u"SELECT 1;"_s);
    QCOMPARE(r->upgradeLine, 5);
    QCOMPARE(r->idLine, 1);
    QCOMPARE(r->parentsLine, 2);
    QCOMPARE(r->branchLabelsLine, 0); // absent
    QCOMPARE(r->dependsOnLine, 0);
}

// The runner splits each section with its line: statements then carry their file lines.
void tst_RevisionScript::upgradeLineLinesUpWithSplitter()
{
    const QString text
            = u"-- m\n--\n-- Revision ID: a\n\n-- migrate:upgrade\n\n-- note\nSELECT 1;\n"
              "SELECT\n  2;\n\n-- migrate:downgrade\n\nSELECT 3;\n"_s;
    const Result<Revision> r = RevisionScript::parse(text, u"x.sql"_s);
    QVERIFY(r);
    const Result<StatementList> up = StatementSplitter::split(r->upgradeSql,
                                                              SqlDialect::SQLite,
                                                              r->upgradeLine);
    QVERIFY(up);
    QCOMPARE(up->size(), 2);
    QCOMPARE(up->at(0).line, 8);
    QCOMPARE(up->at(1).line, 9);
    const Result<StatementList> down = StatementSplitter::split(*r->downgradeSql,
                                                                SqlDialect::SQLite,
                                                                r->downgradeLine);
    QVERIFY(down);
    QCOMPARE(down->size(), 1);
    QCOMPARE(down->at(0).line, 14);
    QCOMPARE(text.split(u'\n').at(13), u"SELECT 3;"_s);
}

void tst_RevisionScript::renderMatchesSpecLayout()
{
    QCOMPARE(RevisionScript::render(sampleRevision()).toUtf8(),
             readBytes(dataDir + u"/spec_example.sql"_s));
    Revision merge;
    merge.id = u"a1b2c3d4e5f6"_s;
    merge.parents = {u"1a2b3c4d5e6f"_s, u"0f0e0d0c0b0a"_s};
    merge.message = u"merge heads"_s;
    merge.createDate = u"2026-11-24 04:00:00"_s;
    merge.branchLabels = {u"feature"_s, u"release_1"_s};
    merge.dependsOn = {u"99aa88bb77cc"_s, u"shared"_s};
    merge.extraHeaders = {{u"Ticket"_s, u"RET-42"_s}};
    merge.noTransaction = true;
    merge.upgradeSql = u"CREATE INDEX CONCURRENTLY ix_user_age ON \"user\" (age);"_s;
    QCOMPARE(RevisionScript::render(merge).toUtf8(),
             readBytes(dataDir + u"/merge_no_transaction.sql"_s));
}

void tst_RevisionScript::roundTrip_data()
{
    QTest::addColumn<Revision>("revision");
    QTest::newRow("spec example") << sampleRevision();
    Revision base = sampleRevision();
    base.parents.clear();
    base.downgradeSql.reset();
    QTest::newRow("base, irreversible") << base;
    Revision rich = sampleRevision();
    rich.parents = {u"a"_s, u"b"_s, u"c_1"_s};
    rich.branchLabels = {u"x"_s, u"y.z"_s};
    rich.dependsOn = {u"d"_s};
    rich.extraHeaders = {{u"Ticket"_s, u"RET-1"_s},
                         {QString(), u"free text, kept"_s},
                         {u"Empty"_s, QString()}};
    rich.noTransaction = true;
    rich.message = u"first line\nsecond line: more"_s;
    QTest::newRow("everything") << rich;
    Revision empty = sampleRevision();
    empty.message.clear();
    empty.upgradeSql.clear();
    empty.downgradeSql = QString();
    empty.createDate.clear();
    QTest::newRow("empty message and sections") << empty;
    Revision sql = sampleRevision();
    sql.upgradeSql = u"-- migrate:statement-begin\nCREATE FUNCTION f() AS $$ SELECT 1; $$;\n"
                     "-- migrate:statement-end\n\n\nSELECT 'ü';"_s;
    sql.downgradeSql = u"\n\nDROP FUNCTION f;"_s;
    QTest::newRow("markers and blank lines in sql") << sql;
    Revision rebuild = sampleRevision();
    rebuild.foreignKeysOff = true;
    QTest::newRow("foreign-keys-off") << rebuild;
}

void tst_RevisionScript::roundTrip()
{
    QFETCH(Revision, revision);
    const QString text = RevisionScript::render(revision);
    Result<Revision> parsed = RevisionScript::parse(text, u"x.sql"_s);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(RevisionScript::checksumOf(*parsed), RevisionScript::checksum(text));
    QCOMPARE(parsed->filePath, u"x.sql"_s);
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.value(parsed->upgradeLine - 2), u"-- migrate:upgrade"_s);
    if (revision.downgradeSql)
        QCOMPARE(lines.value(parsed->downgradeLine - 2), u"-- migrate:downgrade"_s);
    revision.source = parsed->source;
    revision.filePath = parsed->filePath;
    revision.upgradeLine = parsed->upgradeLine;
    revision.downgradeLine = parsed->downgradeLine;
    QCOMPARE(lines.value(parsed->idLine - 1), u"-- Revision ID: "_s + revision.id);
    revision.idLine = parsed->idLine;
    revision.parentsLine = parsed->parentsLine;
    revision.branchLabelsLine = parsed->branchLabelsLine;
    revision.dependsOnLine = parsed->dependsOnLine;
    QCOMPARE(*parsed, revision);
    QCOMPARE(RevisionScript::render(*parsed), text);
}

void tst_RevisionScript::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messagePart");
    const QString head = u"-- m\n--\n-- Revision ID: abc\n"_s; // lines 1-3
    QTest::newRow("missing revision id")
            << u"-- m\n-- Revises: x\n\n-- migrate:upgrade\nSELECT 1;\n"_s << 1
            << u"No \"-- Revision ID:\""_s;
    QTest::newRow("empty file") << QString() << 1 << u"Revision ID"_s;
    QTest::newRow("empty revision id")
            << u"-- m\n\n-- Revision ID:\n-- migrate:upgrade\n"_s << 3 << u"is empty"_s;
    QTest::newRow("invalid id character") << u"-- m\n-- Revision ID: ab-c\n-- migrate:upgrade\n"_s
                                          << 2 << u"Invalid revision id \"ab-c\""_s;
    QTest::newRow("id too long") << u"-- m\n-- Revision ID: "_s + QString(33, u'a')
                                            + u"\n-- migrate:upgrade\n"_s
                                 << 2 << u"at most 32"_s;
    QTest::newRow("duplicate revision id header")
            << head + u"-- Revision ID: def\n-- migrate:upgrade\n"_s << 4
            << u"first is on line 3"_s;
    QTest::newRow("invalid parent") << head + u"-- Revises: a b\n-- migrate:upgrade\n"_s << 4
                                    << u"Invalid entry \"a b\" in \"Revises\""_s;
    QTest::newRow("empty parent entry") << head + u"-- Revises: a,,b\n-- migrate:upgrade\n"_s << 4
                                        << u"Empty entry in \"Revises\""_s;
    QTest::newRow("parent listed twice")
            << head + u"-- Revises: a, a\n-- migrate:upgrade\n"_s << 4 << u"listed twice"_s;
    QTest::newRow("label with at") << head + u"-- Branch Labels: x@y\n-- migrate:upgrade\n"_s << 4
                                   << u"Invalid entry \"x@y\""_s;
    QTest::newRow("depends on with space")
            << head + u"-- Depends On: a, b c\n-- migrate:upgrade\n"_s << 4
            << u"Invalid entry \"b c\" in \"Depends On\""_s;
    QTest::newRow("missing upgrade") << head + u"\nSELECT 1;\n"_s << 5 << u"SQL before"_s;
    QTest::newRow("missing upgrade marker, header only")
            << head << 1 << u"No \"-- migrate:upgrade\""_s;
    QTest::newRow("duplicate upgrade")
            << head + u"-- migrate:upgrade\nA;\n-- migrate:upgrade\nB;\n"_s << 6
            << u"Second \"-- migrate:upgrade\" (the first is on line 4)"_s;
    QTest::newRow("duplicate downgrade")
            << head + u"-- migrate:upgrade\nA;\n-- migrate:downgrade\nB;\n\n-- migrate:downgrade\nC;\n"_s
            << 9 << u"Second \"-- migrate:downgrade\" (the first is on line 6)"_s;
    QTest::newRow("downgrade before upgrade")
            << head + u"\n-- migrate:downgrade\nB;\n-- migrate:upgrade\nA;\n"_s << 5
            << u"\"-- migrate:downgrade\" before \"-- migrate:upgrade\""_s;
    QTest::newRow("upgrade after downgrade")
            << head + u"-- migrate:upgrade\nA;\n-- migrate:downgrade\nB;\n-- migrate:upgrade\n"_s
            << 8 << u"Second \"-- migrate:upgrade\""_s;
    QTest::newRow("unknown marker") << head + u"-- migrate:upgrade\nA;\n-- migrate:down\nB;\n"_s
                                    << 6 << u"Unknown marker \"-- migrate:down\""_s;
    QTest::newRow("unknown marker in header")
            << head + u"-- migrate:up\n"_s << 4 << u"Unknown marker"_s;
    QTest::newRow("no-transaction in a section")
            << head + u"-- migrate:upgrade\n-- migrate:no-transaction\nA;\n"_s << 5
            << u"belongs in the header"_s;
    QTest::newRow("foreign-keys-off in a section")
            << head + u"-- migrate:upgrade\n-- migrate:foreign-keys-off\nA;\n"_s << 5
            << u"\"-- migrate:foreign-keys-off\" belongs in the header"_s;
    QTest::newRow("foreign-keys-off with no-transaction")
            << head + u"-- migrate:no-transaction\n-- migrate:foreign-keys-off\n-- migrate:upgrade\n"_s
            << 5 << u"exclude each other"_s;
    QTest::newRow("statement-begin in the header")
            << head + u"-- migrate:statement-begin\n"_s << 4 << u"before \"-- migrate:upgrade\""_s;
    QTest::newRow("sql in the header")
            << u"-- m\nCREATE TABLE x (a INT);\n-- Revision ID: a\n"_s << 2 << u"SQL before"_s;
    QTest::newRow("crlf line numbers")
            << u"-- m\r\n--\r\n\r\n-- Revision ID: a\r\n-- Revises: ?\r\n"_s << 5
            << u"Invalid entry \"?\""_s;
}

void tst_RevisionScript::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, messagePart);
    const Result<Revision> r = RevisionScript::parse(text, u"v/x.sql"_s);
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Script);
    QCOMPARE(r.error().file, u"v/x.sql"_s);
    QCOMPARE(r.error().line, line);
    QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
}

void tst_RevisionScript::checksumNormalises_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("crlf") << u"a\r\nb\r\n"_s << u"a\nb"_s << true;
    QTest::newRow("trailing spaces and tabs") << u"a  \t\nb \n"_s << u"a\nb"_s << true;
    QTest::newRow("trailing blank lines") << u"a\nb\n\n  \n\n"_s << u"a\nb"_s << true;
    QTest::newRow("bom") << u"\ufeffa\nb"_s << u"a\nb"_s << true;
    QTest::newRow("blank line inside kept") << u"a\n\nb"_s << u"a\nb"_s << false;
    QTest::newRow("leading spaces kept") << u" a\nb"_s << u"a\nb"_s << false;
    QTest::newRow("leading blank line kept") << u"\na\nb"_s << u"a\nb"_s << false;
    QTest::newRow("content") << u"a\nc"_s << u"a\nb"_s << false;
    QTest::newRow("case") << u"A\nb"_s << u"a\nb"_s << false;
    QTest::newRow("unicode") << u"ä\n"_s << u"a\n"_s << false;
}

void tst_RevisionScript::checksumNormalises()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(RevisionScript::checksum(a) == RevisionScript::checksum(b), same);
    QCOMPARE(RevisionScript::checksumOfUtf8(a.toUtf8()), RevisionScript::checksum(a));
}

void tst_RevisionScript::checksumIsSha256OfNormalisedText()
{
    // Known SHA-256 values (FIPS 180-2 "abc", and the empty string).
    QCOMPARE(RevisionScript::checksum(u"abc\n\n"_s),
             u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QCOMPARE(RevisionScript::checksum(u" \n\r\n"_s),
             u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
    QCOMPARE(RevisionScript::checksum(u"Grüße\r\nSELECT 1;  \r\n"_s),
             sha256(u"Grüße\nSELECT 1;"_s.toUtf8()));
}

void tst_RevisionScript::sha256AgreesWithQCryptographicHash()
{
    // Every length around the padding boundaries, in one piece and fed in uneven chunks.
    QByteArray data;
    for (int length = 0; length <= 300; ++length) {
        QCOMPARE(Sha256::hash(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        Sha256 chunked;
        for (qsizetype at = 0; at < data.size(); at += 7)
            chunked.addData(QByteArrayView(data).sliced(at, qMin<qsizetype>(7, data.size() - at)));
        QCOMPARE(chunked.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        data.append(char(length * 37 + 11));
    }
    const QByteArray big(1 << 20, 'q');
    QCOMPARE(Sha256::hash(big), QCryptographicHash::hash(big, QCryptographicHash::Sha256));
}

void tst_RevisionScript::slugify_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("slug");
    // Expected values computed with Alembic 1.8.1's rule (script/base.py, _rev_path).
    QTest::newRow("plain") << u"add age field to user"_s << u"add_age_field_to_user"_s;
    QTest::newRow("punctuation") << u"Add Age-Field to User!!"_s << u"add_age_field_to_user"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces") << u"   "_s << QString();
    QTest::newRow("long, cut at a word")
            << u"a very long message that goes on and on past forty characters"_s
            << u"a_very_long_message_that_goes_on_and_on_"_s;
    QTest::newRow("long word") << u"averyveryveryveryveryveryveryverylongwordthatneverends_x"_s
                               << u"averyveryveryveryveryveryveryverylongwor_"_s;
    QTest::newRow("umlauts") << u"Größe ändern für Tabelle"_s << u"größe_ändern_für_tabelle"_s;
    QTest::newRow("underscores kept") << u"snake_case__words"_s << u"snake_case__words"_s;
    QTest::newRow("cjk") << u"日本語のメッセージ"_s << u"日本語のメッセージ"_s;
    QTest::newRow("exactly 40") << QString(40, u'x') << QString(40, u'x');
    QTest::newRow("41") << QString(41, u'x') << QString(40, u'x') + u'_';
    QTest::newRow("emoji dropped") << u"emoji 😀 here"_s << u"emoji_here"_s;
    QTest::newRow("digits") << u"v2: add 3 columns"_s << u"v2_add_3_columns"_s;
}

void tst_RevisionScript::slugify()
{
    QFETCH(QString, message);
    QFETCH(QString, slug);
    QCOMPARE(RevisionScript::slugify(message), slug);
}

void tst_RevisionScript::fileName_data()
{
    QTest::addColumn<QString>("fileTemplate");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << u"%(rev)s_%(slug)s"_s << u"Add age field"_s
                             << u"3f2a9c1b7d4e_add_age_field.sql"_s;
    QTest::newRow("dated") << u"%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s"_s
                           << u"x"_s << u"2026_01_02_0304-3f2a9c1b7d4e_x.sql"_s;
    QTest::newRow("seconds and epoch")
            << u"%(epoch)d_%(second)02d_%(rev).4s"_s << u"x"_s << u"1767323045_05_3f2a.sql"_s;
    QTest::newRow("width and flags") << u"%(day)3d|%(day)-3d|%(day)03d|%(slug)6s"_s << u"ab"_s
                                     << u"  2|2  |002|    ab.sql"_s;
    QTest::newRow("percent") << u"100%%_%(rev)s"_s << u"x"_s << u"100%_3f2a9c1b7d4e.sql"_s;
    QTest::newRow("long slug") << u"%(slug)s"_s
                               << u"a very long message that goes on and on past forty characters"_s
                               << u"a_very_long_message_that_goes_on_and_on_.sql"_s;
}

void tst_RevisionScript::fileName()
{
    QFETCH(QString, fileTemplate);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    Revision r = sampleRevision();
    r.message = message;
    const QDateTime when(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QCOMPARE(RevisionScript::fileName(fileTemplate, r, when), expected);
}

// Alembic itself renders the same name (with ".py" where Retort writes ".sql").
void tst_RevisionScript::fileNameAgreesWithAlembic()
{
    QFETCH(QString, fileTemplate);
    QFETCH(QString, message);
    const QString python = u"/usr/bin/python3"_s;
    RETORT_REQUIRE_TOOL(QFile::exists(python), "/usr/bin/python3");
    const QString code = uR"(
import datetime, json, sys
from alembic.script.base import ScriptDirectory
a = json.load(sys.stdin)
sd = ScriptDirectory.__new__(ScriptDirectory)
sd.file_template = a[0]
sd.truncate_slug_length = 40
when = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
sys.stdout.write(sd._rev_path("", "3f2a9c1b7d4e", a[1], when))
)"_s;
    QProcess p;
    p.start(python, {u"-c"_s, code});
    QVERIFY(p.waitForStarted());
    p.write(QJsonDocument(QJsonArray{fileTemplate, message}).toJson());
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    RETORT_REQUIRE_TOOL(p.exitCode() == 0 || !p.readAllStandardError().contains("No module named 'alembic'"),
                        "alembic for /usr/bin/python3");
    QCOMPARE(p.exitCode(), 0);
    QString alembicName = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY(alembicName.endsWith(u".py"));
    alembicName.chop(3);
    Revision r = sampleRevision();
    r.message = message;
    const QDateTime when(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QCOMPARE(RevisionScript::fileName(fileTemplate, r, when), alembicName + u".sql"_s);
}

void tst_RevisionScript::newRevisionIdIsTwelveHexDigits()
{
    const QRegularExpression hex(u"^[0-9a-f]{12}$"_s);
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString id = RevisionScript::newRevisionId();
        QVERIFY2(hex.match(id).hasMatch(), qPrintable(id));
        QVERIFY(RevisionScript::isValidRevisionId(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 1000); // 48 random bits: a collision here is a broken generator
}

void tst_RevisionScript::formatCreateDateAsPython()
{
    // str(datetime.datetime(2026, 11, 24, 3, 0, 0, 123000)) and without microseconds.
    QCOMPARE(RevisionScript::formatCreateDate(QDateTime(QDate(2026, 11, 24), QTime(3, 0, 0, 123))),
             u"2026-11-24 03:00:00.123000"_s);
    QCOMPARE(RevisionScript::formatCreateDate(QDateTime(QDate(2026, 1, 2), QTime(13, 4, 5, 7))),
             u"2026-01-02 13:04:05.007000"_s);
    QCOMPARE(RevisionScript::formatCreateDate(QDateTime(QDate(2026, 1, 2), QTime(13, 4, 5))),
             u"2026-01-02 13:04:05"_s);
}

void tst_RevisionScript::writeThenRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"3f2a9c1b7d4e_add_age.sql"_s);
    const Revision rev = sampleRevision();
    const Result<> w = RevisionScript::write(rev, path);
    QVERIFY2(w, qPrintable(w ? QString() : w.error().toString()));
    const Result<Revision> r = RevisionScript::read(path);
    QVERIFY(r);
    QCOMPARE(r->id, rev.id);
    QCOMPARE(r->upgradeSql, rev.upgradeSql);
    QCOMPARE(r->downgradeSql, rev.downgradeSql);
    QCOMPARE(readBytes(path), RevisionScript::render(rev).toUtf8());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"3f2a9c1b7d4e_add_age.sql"_s});
}

void tst_RevisionScript::writeRefusesToOverwrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.sql"_s);
    QVERIFY(writeBytes(path, "keep me"));
    const Result<> w = RevisionScript::write(sampleRevision(), path);
    QVERIFY(!w);
    QCOMPARE(w.error().file, path);
    QVERIFY(w.error().message.contains(u"already exists"));
    QCOMPARE(readBytes(path), QByteArray("keep me"));
}

void tst_RevisionScript::writeRefusesInvalidRevision()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.sql"_s);
    Revision rev = sampleRevision();
    rev.id = u"not valid!"_s;
    const Result<> w = RevisionScript::write(rev, path);
    QVERIFY(!w);
    QVERIFY(w.error().message.contains(u"Invalid revision id"));
    QVERIFY(w.error().file.isEmpty()); // the file was never written: no file:line to point at
    QCOMPARE(w.error().line, 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void tst_RevisionScript::writeRefusesMessageThatReadsAsMarker()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.sql"_s);
    Revision rev = sampleRevision();
    rev.message = u"first\nmigrate:upgrade"_s;
    const Result<> w = RevisionScript::write(rev, path);
    QVERIFY(!w);
    QVERIFY(w.error().file.isEmpty());
    QVERIFY2(w.error().message.startsWith(u"No revision file was written"_s),
             qPrintable(w.error().message));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void tst_RevisionScript::scriptNamesAreWhatLoadReads_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("loaded");
    QTest::newRow("plain") << u"abc_x.sql"_s << true;
    QTest::newRow("hidden") << u".abc.sql"_s << false;
    QTest::newRow("only suffix") << u".sql"_s << false;
    QTest::newRow("other suffix") << u"abc.py"_s << false;
    QTest::newRow("subfolder") << u"sub/abc.sql"_s << false;
    QTest::newRow("parent") << u"../abc.sql"_s << false;
}

void tst_RevisionScript::scriptNamesAreWhatLoadReads()
{
    QFETCH(QString, name);
    QFETCH(bool, loaded);
    QCOMPARE(ScriptDirectory::isScriptName(name), loaded);
}

void tst_RevisionScript::readReportsNulByte()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nul.sql"_s);
    QVERIFY(writeBytes(path, QByteArray("-- m\n--\n-- Revision ID: a\n\n-- migrate:upgrade\nSELECT 1;")
                                 + QByteArray(1, '\0') + QByteArray("\n")));
    const Result<Revision> r = RevisionScript::read(path);
    QVERIFY(!r);
    QCOMPARE(r.error().file, path);
    QCOMPARE(r.error().line, 6);
    QVERIFY2(r.error().message.contains(u"NUL byte"), qPrintable(r.error().message));
}

void tst_RevisionScript::readReportsMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing.sql"_s);
    const Result<Revision> r = RevisionScript::read(path);
    QVERIFY(!r);
    QCOMPARE(r.error().file, path);
    QVERIFY(r.error().message.contains(u"Cannot read"));
}

void tst_RevisionScript::readReportsInvalidUtf8()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.sql"_s);
    QVERIFY(writeBytes(path, "-- m\n-- Revision ID: a\n-- migrate:upgrade\nSELECT '\xff\xfe';\n"));
    const Result<Revision> r = RevisionScript::read(path);
    QVERIFY(!r);
    QCOMPARE(r.error().line, 4);
    QVERIFY(r.error().message.contains(u"UTF-8"));
}

void tst_RevisionScript::loadReadsSortedSqlFilesOnly()
{
    QTemporaryDir dir;
    QVERIFY(writeBytes(dir.filePath(u"b_second.sql"_s), script(u"b2"_s, u"a1"_s).toUtf8()));
    QVERIFY(writeBytes(dir.filePath(u"a_first.sql"_s), script(u"a1"_s, QString()).toUtf8()));
    QVERIFY(writeBytes(dir.filePath(u"C_upper.sql"_s), script(u"c3"_s, u"b2"_s).toUtf8()));
    QVERIFY(writeBytes(dir.filePath(u"notes.txt"_s), "not a revision"));
    QVERIFY(writeBytes(dir.filePath(u"x.sql.bak"_s), "not a revision"));
    QVERIFY(writeBytes(dir.filePath(u".#a_first.sql"_s), "editor lock file"));
    QVERIFY(QDir(dir.path()).mkdir(u"sub.sql"_s));
    QVERIFY(QDir(dir.path()).mkdir(u"old"_s));
    QVERIFY(writeBytes(dir.filePath(u"old/z.sql"_s), "ignored: in a subfolder"));
    const Result<QList<Revision>> r = ScriptDirectory::load(dir.path());
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QStringList ids;
    for (const Revision &rev : *r) {
        ids << rev.id;
        QVERIFY(QFileInfo(rev.filePath).isAbsolute());
        QVERIFY(!RevisionScript::checksumOf(rev).isEmpty());
    }
    QCOMPARE(ids, (QStringList{u"c3"_s, u"a1"_s, u"b2"_s})); // 'C' < 'a' in code-unit order
    QCOMPARE(QFileInfo(r->first().filePath).fileName(), u"C_upper.sql"_s);
}

void tst_RevisionScript::loadEmptyDirectory()
{
    QTemporaryDir dir;
    const Result<QList<Revision>> r = ScriptDirectory::load(dir.path());
    QVERIFY(r);
    QVERIFY(r->isEmpty());
}

void tst_RevisionScript::loadReportsMissingDirectory()
{
    QTemporaryDir dir;
    const Result<QList<Revision>> r = ScriptDirectory::load(dir.filePath(u"versions"_s));
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(u"does not exist"));
}

void tst_RevisionScript::loadReportsParseErrorWithFileAndLine()
{
    QTemporaryDir dir;
    QVERIFY(writeBytes(dir.filePath(u"a.sql"_s), script(u"a1"_s, QString()).toUtf8()));
    QVERIFY(writeBytes(dir.filePath(u"b.sql"_s),
                       "-- m\n--\n-- Revision ID: b2\n-- Revises: a1\n\nSELECT 1;\n"));
    QVERIFY(writeBytes(dir.filePath(u"c.sql"_s), script(u"c3"_s, u"b2"_s).toUtf8()));
    const Result<QList<Revision>> r = ScriptDirectory::load(dir.path());
    QVERIFY(!r);
    QCOMPARE(r.error().file, QDir(dir.path()).absoluteFilePath(u"b.sql"_s));
    QCOMPARE(r.error().line, 6);
    QVERIFY(r.error().toString().contains(u"b.sql:6: SQL before"));
}

void tst_RevisionScript::loadReportsDuplicateIdNamingBothFiles()
{
    QTemporaryDir dir;
    QVERIFY(writeBytes(dir.filePath(u"1_first.sql"_s), script(u"abc"_s, QString()).toUtf8()));
    QVERIFY(writeBytes(dir.filePath(u"2_other.sql"_s), script(u"def"_s, u"abc"_s).toUtf8()));
    QVERIFY(writeBytes(dir.filePath(u"3_copy.sql"_s), script(u"abc"_s, u"def"_s).toUtf8()));
    const Result<QList<Revision>> r = ScriptDirectory::load(dir.path());
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Script);
    QCOMPARE(QFileInfo(r.error().file).fileName(), u"3_copy.sql"_s);
    QCOMPARE(r.error().line, 3);
    QVERIFY2(r.error().message.contains(u"\"abc\"") && r.error().message.contains(u"1_first.sql"),
             qPrintable(r.error().message));
}

// Not a strict benchmark (the machine is shared): prints the time and guards against a
// pathological slowdown. Measured in the report.
void tst_RevisionScript::loadTenThousandFiles()
{
    QTemporaryDir dir;
    constexpr int Count = 10000;
    QString previous;
    for (int i = 0; i < Count; ++i) {
        const QString id = QString::number(i, 16).rightJustified(12, u'0');
        const QString name = id + u"_step_"_s + QString::number(i) + u".sql"_s;
        QVERIFY(writeBytes(dir.filePath(name),
                           script(id, previous, u"step "_s + QString::number(i)).toUtf8()));
        previous = id;
    }
    QElapsedTimer timer;
    timer.start();
    const Result<QList<Revision>> r = ScriptDirectory::load(dir.path());
    const qint64 ms = timer.elapsed();
    QVERIFY(r);
    QCOMPARE(r->size(), Count);
    QCOMPARE(r->last().parents, QStringList{r->at(Count - 2).id});
    qInfo("ScriptDirectory::load: %d files in %lld ms", Count, ms);
    QVERIFY2(ms < 10000, qPrintable(u"%1 ms"_s.arg(ms))); // Release, idle: ~50 ms (see report)
}

QTEST_GUILESS_MAIN(tst_RevisionScript)

#include "tst_revisionscript.moc"
