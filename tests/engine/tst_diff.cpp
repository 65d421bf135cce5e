#include <engine/diff/differ.h>
#include <engine/diff/operationapplier.h>
#include <engine/diff/tablediffer.h>

#include <QTest>

using namespace Retort;
using namespace Retort::Schema;
using namespace Retort::Ops;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(Retort::Ops::Operation)

class tst_Diff : public QObject
{
    Q_OBJECT
private slots:
    void reverseTwiceGivesTheOperation_data();
    void reverseTwiceGivesTheOperation();
    void describeAndDestructive_data();
    void describeAndDestructive();
    void reverseOfListRunsBackwards();
    void alterColumnFlagsEachChange_data();
    void alterColumnFlagsEachChange();
    void narrowingTypeChanges_data();
    void narrowingTypeChanges();
    void selfComparisonIsEmpty();
    void postgresNamesAreCaseSensitive();
    void enumsAddDropAndPositionValues();
    void threeTableCycleIsBrokenOnce();
    void viewsAreCreatedAfterAndDroppedBeforeWhatTheyRead();
    void longForeignKeyChainNeedsNoRecursion();
    void excludedTablesAreIgnored_data();
    void excludedTablesAreIgnored();
    void columnRenameParses_data();
    void columnRenameParses();
    void renameCandidatesPairSameTypeOnly();
    void confirmedRenameBecomesRenameColumn();
    void namedAndUnnamedConstraintsPair();
    void mysqlGeneratedNamesPairByDefinition();
    void applierFailsOnMissingObjects();
};

namespace {

Column col(const QString &name, const QString &type, bool nullable = true)
{
    Column c;
    c.name = name;
    c.type = {type.toLower(), type};
    c.nullable = nullable;
    return c;
}

Table table(const QString &name, const QList<Column> &columns)
{
    Table t;
    t.name = name;
    t.columns = columns;
    if (!columns.isEmpty())
        t.primaryKey = {name + u"_pkey"_s, {columns.first().name}};
    return t;
}

ForeignKey fk(const QString &column, const QString &target)
{
    ForeignKey f;
    f.name = u"fk_"_s + column;
    f.columns = {column};
    f.referencedTable = target;
    f.referencedColumns = {u"id"_s};
    return f;
}

Database pgDatabase()
{
    Database db;
    db.dialect = SqlDialect::PostgreSQL;
    Table user
        = table(u"User"_s, {col(u"id"_s, u"INTEGER"_s, false), col(u"name"_s, u"VARCHAR(50)"_s)});
    user.columns[0].identity = Identity::IdentityAlways;
    user.uniqueConstraints = {{u"uq_name"_s, {u"name"_s}, true, true}};
    Index ix;
    ix.name = u"ix_name"_s;
    ix.columns = {{u"name"_s, {}, true, u"C"_s}};
    ix.method = u"btree"_s;
    user.indexes = {ix};
    Table post
        = table(u"post"_s, {col(u"id"_s, u"BIGINT"_s, false), col(u"user_id"_s, u"INTEGER"_s)});
    post.foreignKeys = {fk(u"user_id"_s, u"User"_s)};
    post.checkConstraints = {{u"ck_id"_s, u"id > 0"_s}};
    db.tables = {user, post};
    db.views = {{u"v"_s, u"SELECT 1"_s, false}, {u"mv"_s, u"SELECT 2"_s, true}};
    db.enums = {{u"mood"_s, {u"sad"_s, u"ok"_s, u"happy"_s}}};
    return db;
}

QStringList lines(const DiffResult &r)
{
    return r.describe();
}

} // namespace

namespace {

QList<std::pair<const char *, Operation>> sampleOperations()
{
    const Database db = pgDatabase();
    const Table &user = db.tables[0];
    const Table &post = db.tables[1];
    AlterColumn alter{
        u"User"_s, col(u"name"_s, u"VARCHAR(50)"_s), col(u"name"_s, u"VARCHAR(20)"_s, false)};
    alter.typeChanged = true;
    alter.nullableChanged = true;
    return {
        {"create table", CreateTable{user}},
        {"drop table", DropTable{post}},
        {"add column", AddColumn{u"User"_s, col(u"age"_s, u"INTEGER"_s)}},
        {"drop column", DropColumn{u"User"_s, col(u"age"_s, u"INTEGER"_s)}},
        {"alter column", alter},
        {"create index", CreateIndex{u"User"_s, user.indexes[0]}},
        {"drop index", DropIndex{u"User"_s, user.indexes[0]}},
        {"add unique", AddUniqueConstraint{u"User"_s, user.uniqueConstraints[0]}},
        {"drop unique", DropUniqueConstraint{u"User"_s, user.uniqueConstraints[0]}},
        {"add check", AddCheckConstraint{u"post"_s, post.checkConstraints[0]}},
        {"drop check", DropCheckConstraint{u"post"_s, post.checkConstraints[0]}},
        {"add fk", AddForeignKey{u"post"_s, post.foreignKeys[0]}},
        {"drop fk", DropForeignKey{u"post"_s, post.foreignKeys[0]}},
        {"create view", CreateView{db.views[0]}},
        {"drop view", DropView{db.views[0]}},
        {"replace view", ReplaceView{db.views[0], {u"v"_s, u"SELECT 3"_s, false}}},
        {"create enum", CreateEnum{db.enums[0]}},
        {"drop enum", DropEnum{db.enums[0]}},
        {"add enum value", AddEnumValue{db.enums[0], u"meh"_s, 1}},
        {"drop enum value", DropEnumValue{db.enums[0], u"ok"_s}},
        {"rename table", RenameTable{u"post"_s, u"posts"_s}},
        {"rename column", RenameColumn{u"User"_s, u"name"_s, u"full_name"_s}},
        {"execute sql", ExecuteSql{u"UPDATE t SET a = 1"_s, u"UPDATE t SET a = 0"_s}},
        {"alter primary key",
         AlterPrimaryKey{u"post"_s, post.primaryKey, {u"post_pkey"_s, {u"id"_s, u"user_id"_s}}}},
    };
}

} // namespace

void tst_Diff::reverseTwiceGivesTheOperation_data()
{
    QTest::addColumn<Operation>("op");
    const auto ops = sampleOperations();
    QCOMPARE(ops.size(), int(std::variant_size_v<Operation>));
    for (const auto &[name, op] : ops)
        QTest::newRow(name) << op;
}

void tst_Diff::reverseTwiceGivesTheOperation()
{
    QFETCH(Operation, op);
    const Operation back = reverse(op);
    QVERIFY(!(back == op));
    QCOMPARE(reverse(back) == op, true);
    // The reverse undoes the operation on a model that the operation applies to.
    Database db = pgDatabase();
    if (std::holds_alternative<CreateTable>(op) || std::holds_alternative<CreateView>(op)
        || std::holds_alternative<CreateEnum>(op)) {
        QVERIFY(OperationApplier::apply(db, reverse(op))); // make room: drop it first
    }
    if (std::holds_alternative<AddUniqueConstraint>(op) || std::holds_alternative<CreateIndex>(op)
        || std::holds_alternative<AddCheckConstraint>(op)
        || std::holds_alternative<AddForeignKey>(op) || std::holds_alternative<DropColumn>(op)) {
        QVERIFY(OperationApplier::apply(db, reverse(op)));
    }
    const Database start = db;
    const Result<void> forward = OperationApplier::apply(db, op);
    QVERIFY2(forward, qPrintable(forward ? QString() : forward.error().toString()));
    QVERIFY(OperationApplier::apply(db, back));
    QCOMPARE(Differ::diff(db, start).describe(), QStringList());
}

void tst_Diff::describeAndDestructive_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("destructive");
    const QStringList texts = {
        u"Detected added table 'User'"_s,
        u"Detected removed table 'post'"_s,
        u"Detected added column 'User.age'"_s,
        u"Detected removed column 'User.age'"_s,
        u"Detected type change from VARCHAR(50) to VARCHAR(20) on 'User.name'\n"
        "Detected NOT NULL on column 'User.name'"_s,
        u"Detected added index 'ix_name' on '(name COLLATE C DESC)'"_s,
        u"Detected removed index 'ix_name' on 'User'"_s,
        u"Detected added unique constraint 'uq_name' on '(name)' of 'User'"_s,
        u"Detected removed unique constraint 'uq_name' on '(name)' of 'User'"_s,
        u"Detected added check constraint 'ck_id' on 'post'"_s,
        u"Detected removed check constraint 'ck_id' on 'post'"_s,
        u"Detected added foreign key (user_id)(User.id) on table 'post'"_s,
        u"Detected removed foreign key (user_id)(User.id) on table 'post'"_s,
        u"Detected added view 'v'"_s,
        u"Detected removed view 'v'"_s,
        u"Detected changed view 'v'"_s,
        u"Detected added enum 'mood'"_s,
        u"Detected removed enum 'mood'"_s,
        u"Detected added value 'meh' to enum 'mood'"_s,
        u"Detected removed value 'ok' from enum 'mood'"_s,
        u"Detected renamed table 'post' to 'posts'"_s,
        u"Detected renamed column 'User.name' to 'User.full_name'"_s,
        u"Execute SQL: UPDATE t SET a = 1"_s,
        u"Detected changed primary key from '(id)' to '(id, user_id)' on 'post'"_s,
    };
    const QList<bool> destructive
        = {false, true,  false, true,  true,  false, false, false, false, false, false, false,
           false, false, false, false, false, true,  false, true,  false, false, false, false};
    const auto ops = sampleOperations();
    QCOMPARE(texts.size(), ops.size());
    QCOMPARE(destructive.size(), ops.size());
    for (int i = 0; i < ops.size(); ++i)
        QTest::newRow(ops[i].first) << ops[i].second << texts[i] << destructive[i];
}

void tst_Diff::describeAndDestructive()
{
    QFETCH(Operation, op);
    QFETCH(QString, text);
    QFETCH(bool, destructive);
    QCOMPARE(describe(op), text);
    QCOMPARE(isDestructive(op), destructive);
}

void tst_Diff::reverseOfListRunsBackwards()
{
    const OperationList ops = {CreateTable{table(u"a"_s, {col(u"id"_s, u"INTEGER"_s)})},
                               AddColumn{u"a"_s, col(u"x"_s, u"TEXT"_s)}};
    const OperationList back = reverse(ops);
    QCOMPARE(back.size(), 2);
    QVERIFY(std::holds_alternative<DropColumn>(back[0]));
    QVERIFY(std::holds_alternative<DropTable>(back[1]));
    QCOMPARE(reverse(back) == ops, true);
}

void tst_Diff::alterColumnFlagsEachChange_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("text"); // empty: no AlterColumn expected
    const QStringList texts = {
        u"Detected type change from TEXT to VARCHAR(9) on 't.c'"_s,
        u"Detected NOT NULL on column 't.c'"_s,
        u"Detected server default on column 't.c'"_s,
        QString(), // default (0) vs 0
        u"Detected collation change from default to NOCASE on 't.c'"_s,
        QString(), // collation nocase vs NOCASE
        u"Detected identity change from none to identity by default on 't.c'"_s,
        u"Detected generated column change on 't.c'"_s,
        u"Detected column comment 't.c'"_s,
        QString(), // raw type differs, normalised type equal
        u"Detected ON UPDATE change on 't.c'"_s,
    };
    for (int i = 0; i < texts.size(); ++i)
        QTest::addRow("%d", i) << i << texts[i];
}

void tst_Diff::alterColumnFlagsEachChange()
{
    QFETCH(int, change);
    QFETCH(QString, text);
    Column from = col(u"c"_s, u"TEXT"_s);
    from.defaultExpression = u"0"_s;
    from.collation = u"nocase"_s;
    Column to = from;
    switch (change) {
    case 0:
        to.type = {u"varchar(9)"_s, u"VARCHAR(9)"_s};
        break;
    case 1:
        to.nullable = false;
        break;
    case 2:
        to.defaultExpression = u"1"_s;
        break;
    case 3:
        to.defaultExpression = u"(0)"_s;
        break;
    case 4:
        from.collation.clear(), to.collation = u"NOCASE"_s;
        break;
    case 5:
        to.collation = u"NOCASE"_s;
        break;
    case 6:
        to.identity = Identity::IdentityByDefault;
        break;
    case 7:
        to.generated = Generated::Stored, to.generationExpression = u"1"_s;
        break;
    case 8:
        to.comment = u"hello"_s;
        break;
    case 9:
        to.type.raw = u"text"_s;
        break;
    case 10:
        to.onUpdate = u"CURRENT_TIMESTAMP"_s;
        break;
    }
    const std::optional<AlterColumn> alter = TableDiffer::alterColumn(u"t"_s, from, to);
    QCOMPARE(alter.has_value(), !text.isEmpty());
    if (alter)
        QCOMPARE(describe(*alter), text);
}

void tst_Diff::narrowingTypeChanges_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("narrowing");
    QTest::newRow("same") << u"VARCHAR(20)"_s << u"VARCHAR(20)"_s << false;
    QTest::newRow("shorter varchar") << u"VARCHAR(50)"_s << u"VARCHAR(20)"_s << true;
    QTest::newRow("longer varchar") << u"VARCHAR(20)"_s << u"VARCHAR(50)"_s << false;
    QTest::newRow("varchar to text") << u"VARCHAR(20)"_s << u"TEXT"_s << false;
    QTest::newRow("text to varchar") << u"TEXT"_s << u"VARCHAR(20)"_s << true;
    QTest::newRow("unbounded varchar") << u"VARCHAR(20)"_s << u"VARCHAR"_s << false;
    QTest::newRow("char to varchar") << u"CHAR(5)"_s << u"VARCHAR(10)"_s << false;
    QTest::newRow("int to bigint") << u"INTEGER"_s << u"BIGINT"_s << false;
    QTest::newRow("bigint to int") << u"BIGINT"_s << u"INT"_s << true;
    QTest::newRow("smallint to tinyint") << u"SMALLINT"_s << u"TINYINT"_s << true;
    QTest::newRow("int to text") << u"INTEGER"_s << u"TEXT"_s << false;
    QTest::newRow("int to numeric(20,0)") << u"BIGINT"_s << u"NUMERIC(20,0)"_s << false;
    QTest::newRow("int to numeric(5,2)") << u"INTEGER"_s << u"NUMERIC(5,2)"_s << true;
    QTest::newRow("real to double") << u"REAL"_s << u"DOUBLE PRECISION"_s << false;
    QTest::newRow("double to real") << u"DOUBLE PRECISION"_s << u"REAL"_s << true;
    QTest::newRow("numeric scale down") << u"NUMERIC(10,2)"_s << u"NUMERIC(10,1)"_s << true;
    QTest::newRow("numeric widen") << u"NUMERIC(10,2)"_s << u"NUMERIC(12,3)"_s << false;
    QTest::newRow("numeric digits down") << u"NUMERIC(10,2)"_s << u"NUMERIC(9,2)"_s << true;
    QTest::newRow("longtext to text") << u"LONGTEXT"_s << u"TEXT"_s << true;
    QTest::newRow("text to mediumtext") << u"TEXT"_s << u"MEDIUMTEXT"_s << false;
    QTest::newRow("timestamp precision down") << u"TIMESTAMP(6)"_s << u"TIMESTAMP(3)"_s << true;
    QTest::newRow("unrelated") << u"TEXT"_s << u"INTEGER"_s << true;
    QTest::newRow("varbinary shorter") << u"VARBINARY(16)"_s << u"VARBINARY(8)"_s << true;
    QTest::newRow("enum values") << u"ENUM('a','b')"_s << u"ENUM('a')"_s << true;
}

void tst_Diff::narrowingTypeChanges()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, narrowing);
    QCOMPARE(isNarrowingTypeChange(from, to), narrowing);
}

void tst_Diff::selfComparisonIsEmpty()
{
    const Database db = pgDatabase();
    QVERIFY(Differ::diff(db, db).isEmpty());
    QVERIFY(Differ::diff(db, db).renameCandidates.isEmpty());
    Database reordered = db;
    std::reverse(reordered.tables.begin(), reordered.tables.end());
    std::reverse(reordered.views.begin(), reordered.views.end());
    QVERIFY(Differ::diff(db, reordered).isEmpty());
}

void tst_Diff::postgresNamesAreCaseSensitive()
{
    const Database current = pgDatabase();
    Database desired = current;
    desired.tables[0].name = u"user"_s;
    desired.tables[1].foreignKeys[0].referencedTable = u"user"_s;
    QCOMPARE(lines(Differ::diff(current, desired)),
             (QStringList{u"Detected removed foreign key (user_id)(User.id) on table 'post'"_s,
                          u"Detected removed table 'User'"_s,
                          u"Detected added table 'user'"_s,
                          u"Detected added index 'ix_name' on '(name COLLATE C DESC)'"_s,
                          u"Detected added foreign key (user_id)(user.id) on table 'post'"_s}));
    Database sqlite = current;
    sqlite.dialect = SqlDialect::SQLite;
    Database sqliteDesired = desired;
    sqliteDesired.dialect = SqlDialect::SQLite;
    QVERIFY(Differ::diff(sqlite, sqliteDesired).isEmpty());
}

void tst_Diff::enumsAddDropAndPositionValues()
{
    const Database current = pgDatabase(); // mood: sad, ok, happy
    Database desired = current;
    desired.enums[0].values = {u"angry"_s, u"sad"_s, u"happy"_s, u"ecstatic"_s};
    desired.enums.append({u"Colour"_s, {u"red"_s}});
    const DiffResult r = Differ::diff(current, desired);
    QCOMPARE(lines(r),
             (QStringList{u"Detected removed value 'ok' from enum 'mood'"_s,
                          u"Detected added value 'angry' to enum 'mood'"_s,
                          u"Detected added value 'ecstatic' to enum 'mood'"_s,
                          u"Detected added enum 'Colour'"_s}));
    const auto &first = std::get<AddEnumValue>(r.operations[1]);
    QCOMPARE(first.position, 0);
    QCOMPARE(first.before(), u"sad"_s);
    QCOMPARE(first.after(), QString());
    const auto &last = std::get<AddEnumValue>(r.operations[2]);
    QCOMPARE(last.before(), QString());
    QCOMPARE(last.after(), u"happy"_s);
    Database applied = current;
    QVERIFY(OperationApplier::apply(applied, r.operations));
    QCOMPARE(applied.enumType(u"mood"_s)->values, desired.enums[0].values);
    QVERIFY(OperationApplier::apply(applied, reverse(r.operations)));
    QCOMPARE(applied.enums, current.enums);

    Database noEnums = current;
    noEnums.enums.clear();
    const DiffResult dropped = Differ::diff(current, noEnums);
    QCOMPARE(lines(dropped), QStringList{u"Detected removed enum 'mood'"_s});
    QVERIFY(dropped.hasDestructive());
}

namespace {

QStringList viewNames(const OperationList &ops)
{
    QStringList names;
    for (const Operation &op : ops) {
        if (const auto *c = std::get_if<CreateView>(&op))
            names << u"create "_s + c->view.name;
        else if (const auto *d = std::get_if<DropView>(&op))
            names << u"drop "_s + d->view.name;
        else if (const auto *r = std::get_if<ReplaceView>(&op))
            names << u"replace "_s + r->to.name;
    }
    return names;
}

} // namespace

void tst_Diff::viewsAreCreatedAfterAndDroppedBeforeWhatTheyRead()
{
    // Introspection lists views by name; here a_top reads b_mid, which reads c_base, and
    // b_mid_2 (a longer name that contains b_mid) reads nothing.
    Database none = pgDatabase();
    none.views.clear();
    Database three = none;
    three.views = {View{u"a_top"_s, u"SELECT x FROM public.b_mid"_s, false},
                   View{u"b_mid"_s, u"SELECT x FROM \"c_base\" WHERE x > 0"_s, false},
                   View{u"b_mid_2"_s, u"SELECT 1 AS x"_s, false},
                   View{u"c_base"_s, u"SELECT 1 AS x"_s, false}};
    const DiffResult created = Differ::diff(none, three);
    QCOMPARE(viewNames(created.operations),
             (QStringList{u"create b_mid_2"_s, u"create c_base"_s, u"create b_mid"_s, u"create a_top"_s}));
    const DiffResult dropped = Differ::diff(three, none);
    QCOMPARE(viewNames(dropped.operations),
             (QStringList{u"drop a_top"_s, u"drop b_mid"_s, u"drop b_mid_2"_s, u"drop c_base"_s}));
    // The downgrade of the creation drops in the right order too.
    QCOMPARE(viewNames(reverse(created.operations)),
             (QStringList{u"drop a_top"_s, u"drop b_mid"_s, u"drop c_base"_s, u"drop b_mid_2"_s}));
    // Two views naming each other keep their input order.
    Database cycle = none;
    cycle.views = {View{u"p"_s, u"SELECT * FROM q"_s, false}, View{u"q"_s, u"SELECT * FROM p"_s, false}};
    QCOMPARE(viewNames(Differ::diff(none, cycle).operations),
             (QStringList{u"create p"_s, u"create q"_s}));
}

void tst_Diff::threeTableCycleIsBrokenOnce()
{
    Database desired;
    desired.dialect = SqlDialect::PostgreSQL;
    Table a = table(u"a"_s, {col(u"id"_s, u"INTEGER"_s), col(u"c_id"_s, u"INTEGER"_s)});
    a.foreignKeys = {fk(u"c_id"_s, u"c"_s)};
    Table b = table(u"b"_s, {col(u"id"_s, u"INTEGER"_s), col(u"a_id"_s, u"INTEGER"_s)});
    b.foreignKeys = {fk(u"a_id"_s, u"a"_s)};
    Table c = table(u"c"_s, {col(u"id"_s, u"INTEGER"_s), col(u"b_id"_s, u"INTEGER"_s)});
    c.foreignKeys = {fk(u"b_id"_s, u"b"_s)};
    desired.tables = {c, b, a};
    Database empty;
    empty.dialect = SqlDialect::PostgreSQL;
    const DiffResult up = Differ::diff(empty, desired);
    QCOMPARE(lines(up),
             (QStringList{u"Detected added table 'a'"_s,
                          u"Detected added table 'b'"_s,
                          u"Detected added table 'c'"_s,
                          u"Detected added foreign key (c_id)(c.id) on table 'a'"_s}));
    QVERIFY(std::get<CreateTable>(up.operations[0]).table.foreignKeys.isEmpty());
    QCOMPARE(std::get<CreateTable>(up.operations[1]).table.foreignKeys.size(), 1);
    const DiffResult down = Differ::diff(desired, empty);
    QCOMPARE(lines(down),
             (QStringList{u"Detected removed foreign key (c_id)(c.id) on table 'a'"_s,
                          u"Detected removed table 'c'"_s,
                          u"Detected removed table 'b'"_s,
                          u"Detected removed table 'a'"_s}));
    QCOMPARE(reverse(down.operations) == up.operations, true);
}

void tst_Diff::longForeignKeyChainNeedsNoRecursion()
{
    // SQLAlchemy's sort recurses per FK and fails near 180 levels; this chain is 5,000 deep.
    const int count = 5000;
    Database desired;
    for (int i = 0; i < count; ++i) {
        Table t = table(u"t%1"_s.arg(i, 5, 10, QChar(u'0')), {col(u"id"_s, u"INTEGER"_s)});
        if (i > 0)
            t.foreignKeys = {fk(u"id"_s, u"t%1"_s.arg(i - 1, 5, 10, QChar(u'0')))};
        desired.tables.prepend(t);
    }
    const DiffResult up = Differ::diff(Database{}, desired);
    QCOMPARE(up.operations.size(), count);
    for (int i = 0; i < count; ++i)
        QCOMPARE(std::get<CreateTable>(up.operations[i]).table.name,
                 u"t%1"_s.arg(i, 5, 10, QChar(u'0')));
    const DiffResult down = Differ::diff(desired, Database{});
    QCOMPARE(std::get<DropTable>(down.operations.first()).table.name, u"t04999"_s);
}

void tst_Diff::excludedTablesAreIgnored_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<bool>("excluded");
    QTest::newRow("version table") << u"alembic_version"_s << QStringList() << true;
    QTest::newRow("version table, other case") << u"Alembic_Version"_s << QStringList() << true;
    QTest::newRow("history table") << u"retort_history"_s << QStringList() << true;
    QTest::newRow("star glob") << u"tmp_cache"_s << QStringList{u"tmp_*"_s} << true;
    QTest::newRow("question glob") << u"log1"_s << QStringList{u"log?"_s} << true;
    QTest::newRow("class glob") << u"audit_b"_s << QStringList{u"audit_[ab]"_s} << true;
    QTest::newRow("glob is anchored") << u"my_tmp_x"_s << QStringList{u"tmp_*"_s} << false;
    QTest::newRow("ordinary table") << u"users"_s << QStringList{u"tmp_*"_s} << false;
}

void tst_Diff::excludedTablesAreIgnored()
{
    QFETCH(QString, name);
    QFETCH(QStringList, patterns);
    QFETCH(bool, excluded);
    DiffOptions options;
    options.tables.excludeTables = patterns;
    QCOMPARE(options.tables.isExcluded(name), excluded);
    Database desired;
    desired.tables = {table(name, {col(u"id"_s, u"INTEGER"_s)})};
    QCOMPARE(Differ::diff(Database{}, desired, options).isEmpty(), excluded);
    QCOMPARE(Differ::diff(desired, Database{}, options).isEmpty(), excluded);
}

void tst_Diff::columnRenameParses_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("plain") << u"user.name=full_name"_s << true << u"user"_s << u"name"_s
                           << u"full_name"_s;
    QTest::newRow("dotted table") << u"public.user.name=x"_s << true << u"public.user"_s
                                  << u"name"_s << u"x"_s;
    QTest::newRow("spaces") << u" user . name = nom "_s << true << u"user"_s << u"name"_s
                            << u"nom"_s;
    QTest::newRow("no table") << u"name=x"_s << false << QString() << QString() << QString();
    QTest::newRow("no new name") << u"t.name="_s << false << QString() << QString() << QString();
    QTest::newRow("no equals") << u"t.name"_s << false << QString() << QString() << QString();
}

void tst_Diff::columnRenameParses()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(QString, table);
    QFETCH(QString, from);
    QFETCH(QString, to);
    const Result<ColumnRename> r = ColumnRename::parse(spec);
    QCOMPARE(bool(r), valid);
    if (valid)
        QCOMPARE(*r, (ColumnRename{table, from, to}));
    else
        QCOMPARE(r.error().kind, Error::Kind::Usage);
}

void tst_Diff::renameCandidatesPairSameTypeOnly()
{
    Database current;
    current.tables = {table(
        u"t"_s, {col(u"id"_s, u"INTEGER"_s), col(u"a"_s, u"TEXT"_s), col(u"b"_s, u"INTEGER"_s)})};
    Database desired;
    desired.tables = {table(u"t"_s,
                            {col(u"id"_s, u"INTEGER"_s),
                             col(u"x"_s, u"TEXT"_s),
                             col(u"y"_s, u"TEXT"_s),
                             col(u"z"_s, u"BIGINT"_s)})};
    const DiffResult r = Differ::diff(current, desired);
    QStringList specs;
    for (const RenameCandidate &c : r.renameCandidates)
        specs << c.renameSpec();
    QCOMPARE(specs, (QStringList{u"t.a=x"_s, u"t.a=y"_s}));
    QCOMPARE(r.renameCandidates.first().describe(), u"Possible rename of column 't.a' to 't.x'"_s);
}

void tst_Diff::confirmedRenameBecomesRenameColumn()
{
    Database current;
    Table t = table(u"t"_s, {col(u"id"_s, u"INTEGER"_s), col(u"name"_s, u"VARCHAR(50)"_s)});
    t.uniqueConstraints = {{u"uq"_s, {u"name"_s}, false, false}};
    current.tables = {t};
    Database desired;
    Table d
        = table(u"t"_s, {col(u"id"_s, u"INTEGER"_s), col(u"full_name"_s, u"VARCHAR(20)"_s, false)});
    d.uniqueConstraints = {{u"uq"_s, {u"full_name"_s}, false, false}};
    desired.tables = {d};
    DiffOptions options;
    options.renames = {*ColumnRename::parse(u"t.name=full_name"_s)};
    const DiffResult r = Differ::diff(current, desired, options);
    QCOMPARE(
        lines(r),
        (QStringList{u"Detected renamed column 't.name' to 't.full_name'"_s,
                     u"Detected type change from VARCHAR(50) to VARCHAR(20) on 't.full_name'"_s,
                     u"Detected NOT NULL on column 't.full_name'"_s}));
    QVERIFY(r.renameCandidates.isEmpty());
    QVERIFY(r.hasDestructive());
    Database applied = current;
    QVERIFY(OperationApplier::apply(applied, r.operations));
    QVERIFY(Differ::diff(applied, desired).isEmpty());
    QCOMPARE(applied.tables[0].uniqueConstraints[0].columns, QStringList{u"full_name"_s});
    // A rename whose new column already exists on the current side is ignored.
    options.renames = {*ColumnRename::parse(u"t.name=id"_s)};
    QCOMPARE(lines(Differ::diff(current, desired, options)).first(),
             u"Detected removed unique constraint 'uq' on '(name)' of 't'"_s);
}

void tst_Diff::namedAndUnnamedConstraintsPair()
{
    Database current;
    Table t = table(u"t"_s, {col(u"a"_s, u"INTEGER"_s), col(u"b"_s, u"INTEGER"_s)});
    t.checkConstraints = {{QString(), u"(a > 0)"_s}, {u"ck_b"_s, u"b > 0"_s}};
    t.uniqueConstraints = {{u"uq_a"_s, {u"a"_s}, false, false}};
    current.tables = {t};
    Database desired = current;
    Table &d = desired.tables[0];
    d.checkConstraints = {{u"ck_a"_s, u"a  >  0"_s}, {u"ck_b2"_s, u"b > 0"_s}};
    d.uniqueConstraints
        = {{QString(), {u"a"_s}, false, false}, {u"uq_a"_s, {u"b"_s}, false, false}};
    QCOMPARE(lines(Differ::diff(current, desired)),
             (QStringList{u"Detected removed check constraint 'ck_b' on 't'"_s,
                          u"Detected added unique constraint 'uq_a' on '(b)' of 't'"_s,
                          u"Detected added check constraint 'ck_b2' on 't'"_s}));
}

void tst_Diff::mysqlGeneratedNamesPairByDefinition()
{
    Database current;
    current.dialect = SqlDialect::MySQL;
    Table t = table(u"t"_s, {col(u"a"_s, u"INT"_s), col(u"b"_s, u"INT"_s)});
    t.checkConstraints = {{u"CONSTRAINT_1"_s, u"a > 0"_s}, {u"CONSTRAINT_2"_s, u"b > 0"_s},
                          {u"ck_named"_s, u"a < 9"_s}};
    current.tables = {t};
    Database desired = current;
    // The models' database numbered the surviving check 1; a user's own name still counts.
    desired.tables[0].checkConstraints = {{u"CONSTRAINT_1"_s, u"b > 0"_s}, {u"ck_other"_s, u"a < 9"_s}};
    QCOMPARE(lines(Differ::diff(current, desired)),
             (QStringList{u"Detected removed check constraint 'CONSTRAINT_1' on 't'"_s,
                          u"Detected removed check constraint 'ck_named' on 't'"_s,
                          u"Detected added check constraint 'ck_other' on 't'"_s}));
    // On PostgreSQL the same names are a user's: no pairing across names.
    current.dialect = desired.dialect = SqlDialect::PostgreSQL;
    QCOMPARE(Differ::diff(current, desired).operations.size(), 5);
    QVERIFY(MatchRules::isGeneratedMysqlName(u"orders_ibfk_12"_s));
    QVERIFY(!MatchRules::isGeneratedMysqlName(u"fk_orders_user"_s));
}

void tst_Diff::applierFailsOnMissingObjects()
{
    Database db = pgDatabase();
    const QList<Operation> bad = {DropTable{table(u"nope"_s, {})},
                                  AddColumn{u"nope"_s, col(u"x"_s, u"TEXT"_s)},
                                  DropColumn{u"User"_s, col(u"nope"_s, u"TEXT"_s)},
                                  DropIndex{u"User"_s, Index{u"nope"_s, false, {}, {}, {}}},
                                  RenameColumn{u"User"_s, u"nope"_s, u"x"_s},
                                  DropView{View{u"nope"_s, {}, false}},
                                  DropEnum{EnumType{u"nope"_s, {}}}};
    for (const Operation &op : bad) {
        const Result<void> r = OperationApplier::apply(db, OperationList{op});
        QVERIFY2(!r, qPrintable(describe(op)));
        QVERIFY(r.error().message.contains(u"nope"_s));
    }
    QCOMPARE(db, pgDatabase());
}

QTEST_GUILESS_MAIN(tst_Diff)
#include "tst_diff.moc"
