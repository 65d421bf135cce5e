// Times introspection and comparison of a generated schema: `schemabench URL N` creates N tables
// (8 columns, an index, a unique constraint and a foreign key each, the keys forming one chain)
// in the database at URL unless they are there, then prints "introspect_ms diff_ms tables",
// each the median of 5 runs. The diff compares the schema with itself, as `retort check` does
// on a database that matches its models.
#include <engine/db/connection.h>
#include <engine/dialect/schemareader.h>
#include <engine/diff/differ.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

namespace {

QString tableDdl(int i, SqlDialect dialect)
{
    const QString boolType = dialect == SqlDialect::MySQL ? u"TINYINT(1)"_s : u"BOOLEAN"_s;
    const QString parent = i == 0 ? QString()
                                  : u", CONSTRAINT fk_t%1_parent FOREIGN KEY (parent_id) REFERENCES t%2 (id)"_s
                                        .arg(i).arg(i - 1);
    return u"CREATE TABLE t%1 (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, code VARCHAR(40) NOT NULL, "
           "name VARCHAR(100), amount NUMERIC(10, 2), created_at TIMESTAMP NULL, flag %2, note TEXT, "
           "CONSTRAINT uq_t%1_code UNIQUE (code)%3)"_s.arg(i).arg(boolType, parent);
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout), err(stderr);
    if (args.size() < 3) {
        err << "usage: schemabench URL TABLES\n";
        return 2;
    }
    const Result<DatabaseUrl> url = DatabaseUrl::parse(args[1]);
    auto connection = url ? Connection::open(*url) : Result<std::unique_ptr<Connection>>(url.error());
    if (!connection) {
        err << connection.error().toString() << '\n';
        return 1;
    }
    Connection &c = **connection;
    const int tables = args[2].toInt();
    const auto existing = c.select(u"SELECT COUNT(*) FROM "_s
                                   + (c.dialect() == SqlDialect::SQLite
                                          ? u"sqlite_master WHERE type = 'table' AND name LIKE 't%'"_s
                                          : u"information_schema.tables WHERE table_name LIKE 't%' AND table_schema = "_s
                                                + (c.dialect() == SqlDialect::MySQL ? u"DATABASE()"_s : u"current_schema()"_s)));
    if (existing && existing->at(0).at(0).toInt() < tables) {
        (void)c.exec(u"BEGIN"_s);
        for (int i = 0; i < tables; ++i) {
            for (const QString &sql : {tableDdl(i, c.dialect()), u"CREATE INDEX ix_t%1_name ON t%1 (name)"_s.arg(i)}) {
                if (Result<> r = c.exec(sql); !r) {
                    err << r.error().toString() << '\n';
                    return 1;
                }
            }
        }
        (void)c.exec(u"COMMIT"_s);
    }
    QList<qint64> introspectMs, diffMs;
    int count = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Result<Schema::Database> schema = SchemaReader::introspect(c, IntrospectOptions());
        introspectMs << timer.elapsed();
        if (!schema) {
            err << schema.error().toString() << '\n';
            return 1;
        }
        timer.restart();
        const Ops::DiffResult diff = Ops::Differ::diff(*schema, *schema);
        diffMs << timer.elapsed();
        count = int(schema->tables.size());
        if (!diff.isEmpty()) {
            err << "self-comparison is not empty\n";
            return 1;
        }
    }
    out << median(introspectMs) << ' ' << median(diffMs) << ' ' << count << '\n';
    return 0;
}
