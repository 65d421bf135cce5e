#include <engine/schema/database.h>
#include <engine/schema/schematext.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Retort;
using namespace Retort::Schema;
using namespace Qt::Literals::StringLiterals;

class tst_Schema : public QObject
{
    Q_OBJECT
private slots:
    void lookupsFindExactNames();
    void equalityComparesEveryField_data();
    void equalityComparesEveryField();
    void jsonHasFixedKeysAndValues();
    void jsonIsStableAcrossRuns();
    void textFormShowsEveryAttribute();
    void quoteDoublesQuotes_data();
    void quoteDoublesQuotes();
};

namespace {

Database sampleDatabase()
{
    Database db;
    Table user;
    user.name = u"User"_s;
    Column id;
    id.name = u"id"_s;
    id.type = {u"integer"_s, u"INTEGER"_s};
    id.nullable = false;
    id.identity = Identity::AutoIncrement;
    Column name;
    name.name = u"full name"_s;
    name.type = {u"varchar(50)"_s, u"VARCHAR(50)"_s};
    name.defaultExpression = u"'x'"_s;
    name.collation = u"NOCASE"_s;
    user.columns = {id, name};
    user.primaryKey = {u"pk_user"_s, {u"id"_s}};
    user.uniqueConstraints = {{u"uq_name"_s, {u"full name"_s}, false, false}};
    user.checkConstraints = {{u"ck_len"_s, u"length(\"full name\") > 0"_s}};
    Index ix;
    ix.name = u"ix_lower"_s;
    ix.columns = {{QString(), u"lower(\"full name\")"_s, true, QString()}};
    ix.where = u"id > 0"_s;
    user.indexes = {ix};
    Table post;
    post.name = u"post"_s;
    Column uid;
    uid.name = u"user_id"_s;
    uid.type = {u"INT"_s, u"INTEGER"_s};
    post.columns = {uid};
    ForeignKey fk;
    fk.name = u"fk_post_user"_s;
    fk.columns = {u"user_id"_s};
    fk.referencedTable = u"User"_s;
    fk.referencedColumns = {u"id"_s};
    fk.onDelete = ReferentialAction::Cascade;
    fk.deferrable = true;
    fk.initiallyDeferred = true;
    post.foreignKeys = {fk};
    db.tables = {user, post};
    db.views = {{u"v"_s, u"SELECT 1"_s, false}};
    db.enums = {{u"mood"_s, {u"sad"_s, u"happy"_s}}};
    return db;
}

} // namespace

void tst_Schema::lookupsFindExactNames()
{
    Database db = sampleDatabase();
    QVERIFY(db.table(u"User"_s));
    QVERIFY(!db.table(u"user"_s));
    QCOMPARE(db.table(u"post"_s)->foreignKeys.first().referencedTable, u"User"_s);
    QVERIFY(db.table(u"User"_s)->column(u"full name"_s));
    QVERIFY(!db.table(u"User"_s)->column(u"Full Name"_s));
    QCOMPARE(db.table(u"User"_s)->columnIndex(u"full name"_s), 1);
    QCOMPARE(db.table(u"User"_s)->columnIndex(u"nope"_s), -1);
    QVERIFY(db.table(u"User"_s)->index(u"ix_lower"_s));
    QVERIFY(db.table(u"User"_s)->uniqueConstraint(u"uq_name"_s));
    QVERIFY(db.table(u"User"_s)->checkConstraint(u"ck_len"_s));
    QVERIFY(db.table(u"post"_s)->foreignKey(u"fk_post_user"_s));
    QVERIFY(db.view(u"v"_s));
    QVERIFY(db.enumType(u"mood"_s));
    QVERIFY(!db.sequence(u"mood"_s));
    db.table(u"User"_s)->column(u"id"_s)->nullable = true;
    QVERIFY(db.table(u"User"_s)->column(u"id"_s)->nullable);
}

void tst_Schema::equalityComparesEveryField_data()
{
    QTest::addColumn<int>("change");
    for (int i = 0; i < 10; ++i)
        QTest::newRow(qPrintable(QString::number(i))) << i;
}

void tst_Schema::equalityComparesEveryField()
{
    QFETCH(int, change);
    const Database a = sampleDatabase();
    Database b = sampleDatabase();
    QCOMPARE(a, b);
    Table &t = b.tables[0];
    switch (change) {
    case 0:
        t.columns[1].type.normalized = u"TEXT"_s;
        break;
    case 1:
        t.columns[1].defaultExpression.reset();
        break;
    case 2:
        t.columns[0].identity = Identity::None;
        break;
    case 3:
        t.indexes[0].columns[0].descending = false;
        break;
    case 4:
        b.tables[1].foreignKeys[0].onDelete = ReferentialAction::NoAction;
        break;
    case 5:
        b.enums[0].values.swapItemsAt(0, 1);
        break;
    case 6:
        t.checkConstraints[0].name.clear();
        break;
    case 7:
        b.views[0].definition = u"SELECT 2"_s;
        break;
    case 8:
        t.columns[1].onUpdate = u"CURRENT_TIMESTAMP"_s;
        break;
    case 9:
        t.indexes[0].columns[0].nulls = IndexColumn::Nulls::First;
        break;
    }
    QVERIFY(!(a == b));
}

void tst_Schema::jsonHasFixedKeysAndValues()
{
    const QJsonObject json = sampleDatabase().toJson();
    QCOMPARE(json.keys(),
             (QStringList{
                 u"dialect"_s, u"enums"_s, u"schema"_s, u"sequences"_s, u"tables"_s, u"views"_s}));
    QCOMPARE(json[u"dialect"_s].toString(), u"sqlite"_s);
    const QJsonObject user = json[u"tables"_s].toArray().at(0).toObject();
    QCOMPARE(user[u"name"_s].toString(), u"User"_s);
    const QJsonObject name = user[u"columns"_s].toArray().at(1).toObject();
    QCOMPARE(name[u"default"_s].toString(), u"'x'"_s);
    QCOMPARE(name[u"type"_s].toObject()[u"normalized"_s].toString(), u"VARCHAR(50)"_s);
    const QJsonObject id = user[u"columns"_s].toArray().at(0).toObject();
    QVERIFY(id[u"default"_s].isNull());
    QCOMPARE(id[u"identity"_s].toString(), u"autoincrement"_s);
    const QJsonObject fk = json[u"tables"_s]
                               .toArray()
                               .at(1)
                               .toObject()[u"foreign_keys"_s]
                               .toArray()
                               .at(0)
                               .toObject();
    QCOMPARE(fk[u"on_delete"_s].toString(), u"CASCADE"_s);
    QCOMPARE(fk[u"initially_deferred"_s].toBool(), true);
    QCOMPARE(json[u"enums"_s].toArray().at(0).toObject()[u"values"_s].toArray().at(1).toString(),
             u"happy"_s);
}

void tst_Schema::jsonIsStableAcrossRuns()
{
    const QByteArray a = QJsonDocument(sampleDatabase().toJson()).toJson();
    const QByteArray b = QJsonDocument(sampleDatabase().toJson()).toJson();
    QCOMPARE(a, b);
    // Keys come out alphabetically, whatever order toJson() inserted them in.
    const QByteArray table = QJsonDocument(sampleDatabase().tables.first().toJson()).toJson();
    QVERIFY(table.indexOf("\"check_constraints\"") < table.indexOf("\"columns\""));
    QVERIFY(table.indexOf("\"triggers\"") < table.indexOf("\"without_rowid\""));
}

void tst_Schema::textFormShowsEveryAttribute()
{
    const QString expected = uR"(enum "mood" ('sad', 'happy')
table "User"
  column "id" INTEGER NOT NULL AUTOINCREMENT
  column "full name" VARCHAR(50) NULL DEFAULT 'x' COLLATE NOCASE
  primary key "pk_user" ("id")
  unique "uq_name" ("full name")
  check "ck_len" (length("full name") > 0)
  index "ix_lower" ((lower("full name")) DESC) WHERE id > 0
table "post"
  column "user_id" INTEGER NULL
  foreign key "fk_post_user" ("user_id") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
view "v" AS SELECT 1
)"_s;
    QCOMPARE(sampleDatabase().toText(), expected);
}

void tst_Schema::quoteDoublesQuotes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"user"_s << u"\"user\""_s;
    QTest::newRow("space") << u"a b"_s << u"\"a b\""_s;
    QTest::newRow("quote") << u"a\"b"_s << u"\"a\"\"b\""_s;
}

void tst_Schema::quoteDoublesQuotes()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(SchemaText::quote(name), expected);
}

QTEST_GUILESS_MAIN(tst_Schema)
#include "tst_schema.moc"
