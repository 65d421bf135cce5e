#include "roundtripcases.h"

using namespace Qt::Literals::StringLiterals;
using Retort::SqlDialect;

namespace RoundTrip {

namespace {

const QString T = u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER);"_s;
const QString tSeed = u"INSERT INTO t (id, a, b) VALUES (1, 'one', 10), (2, 'two', 20), (3, NULL, 30);"_s;
const QString tProbe = u"SELECT id, a FROM t ORDER BY id"_s;
const QString P = u"CREATE TABLE p (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));"_s;
const QString pSeed = u"INSERT INTO p (id, name) VALUES (1, 'a'), (2, 'b');"_s;

QString child(const QString &extra = {})
{
    return u"CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER, note VARCHAR(20)"_s + extra
           + u");"_s;
}

const QString cSeed = u"INSERT INTO c (id, p_id, note) VALUES (10, 1, 'x'), (11, 2, 'y'), (12, 1, 'z');"_s;
const QString cProbe = u"SELECT c.id, c.p_id, c.note, p.name FROM c LEFT JOIN p ON p.id = c.p_id ORDER BY c.id"_s;
const QString fkCascade = u", CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE"_s;

Case tCase(const QString &name, const QString &after, const QString &probe = tProbe)
{
    return Case{name, T, after, tSeed, probe};
}

void columnCases(QList<Case> &out)
{
    out << tCase(u"add_column"_s, T + u"ALTER TABLE t ADD COLUMN c INTEGER;"_s)
        << tCase(u"add_column_not_null_default"_s,
                 u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, c INTEGER NOT NULL DEFAULT 5);"_s)
        << tCase(u"add_column_varchar_default"_s,
                 u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, c VARCHAR(10) DEFAULT 'new');"_s)
        << tCase(u"drop_column"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20));"_s)
        << tCase(u"drop_two_columns"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY);"_s,
                 u"SELECT id FROM t ORDER BY id"_s)
        << tCase(u"widen_varchar"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(50), b INTEGER);"_s)
        << tCase(u"int_to_bigint"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b BIGINT);"_s)
        << tCase(u"varchar_to_text"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a TEXT, b INTEGER);"_s)
        << tCase(u"set_not_null"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER NOT NULL);"_s)
        << Case{u"drop_not_null"_s,
                u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20) NOT NULL, b INTEGER);"_s,
                T, u"INSERT INTO t (id, a, b) VALUES (1, 'one', 1), (2, 'two', 2);"_s, tProbe}
        << tCase(u"set_default"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20) DEFAULT 'x', b INTEGER);"_s)
        << Case{u"drop_default"_s,
                u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER DEFAULT 7);"_s,
                T, tSeed, tProbe}
        << tCase(u"default_and_not_null"_s,
                 u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER NOT NULL DEFAULT 0);"_s)
        << Case{u"numeric_precision"_s,
                u"CREATE TABLE m (id INTEGER NOT NULL PRIMARY KEY, amount NUMERIC(10,2), label VARCHAR(10));"_s,
                u"CREATE TABLE m (id INTEGER NOT NULL PRIMARY KEY, amount NUMERIC(12,2), label VARCHAR(10));"_s,
                u"INSERT INTO m (id, amount, label) VALUES (1, 12.5, 'a');"_s,
                u"SELECT id, label FROM m ORDER BY id"_s};
}

void indexCases(QList<Case> &out)
{
    out << tCase(u"create_index"_s, T + u"CREATE INDEX ix_t_a ON t (a);"_s)
        << Case{u"drop_index"_s, T + u"CREATE INDEX ix_t_a ON t (a);"_s, T, tSeed, tProbe}
        << tCase(u"unique_index"_s, T + u"CREATE UNIQUE INDEX ux_t_b ON t (b);"_s)
        << tCase(u"multi_column_index"_s, T + u"CREATE INDEX ix_t_a_b ON t (a, b DESC);"_s)
        << tCase(u"add_unique_constraint"_s,
                 u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, CONSTRAINT uq_t_b UNIQUE (b));"_s)
        << Case{u"drop_unique_constraint"_s,
                u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, CONSTRAINT uq_t_b UNIQUE (b));"_s,
                T, tSeed, tProbe}
        << tCase(u"add_check"_s,
                 u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, CONSTRAINT ck_t_b CHECK (b > 0));"_s)
        << Case{u"drop_check"_s,
                u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, CONSTRAINT ck_t_b CHECK (b > 0));"_s,
                T, tSeed, tProbe}
        << Case{u"drop_indexed_column"_s, T + u"CREATE INDEX ix_t_b ON t (b);"_s,
                u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20));"_s, tSeed, tProbe}
        << tCase(u"multi_change_one_table"_s,
                 u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(40), b INTEGER NOT NULL DEFAULT 1, c INTEGER, "
                 "CONSTRAINT ck_t_b CHECK (b > 0)); CREATE INDEX ix_t_c ON t (c);"_s);
}

void foreignKeyCases(QList<Case> &out)
{
    out << Case{u"add_foreign_key"_s, P + child(), P + child(fkCascade), pSeed + cSeed, cProbe}
        << Case{u"drop_foreign_key"_s, P + child(fkCascade), P + child(), pSeed + cSeed, cProbe}
        << Case{u"change_on_delete"_s, P + child(fkCascade),
                P + child(u", CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE SET NULL ON UPDATE CASCADE"_s),
                pSeed + cSeed, cProbe}
        << Case{u"alter_referenced_parent"_s, P + child(fkCascade),
                u"CREATE TABLE p (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);"_s + child(fkCascade),
                pSeed + cSeed, cProbe}
        << Case{u"add_column_to_referenced_parent"_s, P + child(fkCascade),
                u"CREATE TABLE p (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), rank INTEGER NOT NULL DEFAULT 0, "
                "CONSTRAINT ck_p_rank CHECK (rank >= 0));"_s + child(fkCascade),
                pSeed + cSeed, cProbe}
        << Case{u"add_column_with_foreign_key"_s, P + child(),
                P + u"CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER, note VARCHAR(20), "
                    "q_id INTEGER, CONSTRAINT fk_c_q FOREIGN KEY (q_id) REFERENCES p (id));"_s,
                pSeed + cSeed, cProbe}
        << Case{u"self_reference"_s,
                u"CREATE TABLE n (id INTEGER NOT NULL PRIMARY KEY, up INTEGER, label VARCHAR(10));"_s,
                u"CREATE TABLE n (id INTEGER NOT NULL PRIMARY KEY, up INTEGER, label VARCHAR(10), "
                "CONSTRAINT fk_n_up FOREIGN KEY (up) REFERENCES n (id) ON DELETE CASCADE);"_s,
                u"INSERT INTO n (id, up, label) VALUES (1, NULL, 'root'), (2, 1, 'kid'), (3, 2, 'grandkid');"_s,
                u"SELECT id, up, label FROM n ORDER BY id"_s};
}

void tableCases(QList<Case> &out)
{
    out << Case{u"create_table"_s, T, T + P, tSeed, tProbe}
        << Case{u"drop_table"_s, T + P, T, tSeed, tProbe}
        << Case{u"create_table_with_foreign_key"_s, P, P + child(fkCascade), pSeed,
                u"SELECT id, name FROM p ORDER BY id"_s}
        << Case{u"drop_child_and_parent"_s, T + P + child(fkCascade), T, tSeed, tProbe}
        << Case{u"composite_primary_key"_s, T,
                T + u"CREATE TABLE pair (x INTEGER NOT NULL, y INTEGER NOT NULL, v VARCHAR(5), PRIMARY KEY (x, y));"_s,
                tSeed, tProbe}
        << Case{u"quoted_names"_s, T,
                T + u"CREATE TABLE \"Order Item\" (\"order\" INTEGER NOT NULL PRIMARY KEY, \"Group\" VARCHAR(10), "
                    "\"mixedCase\" INTEGER); CREATE INDEX \"Ix Mixed\" ON \"Order Item\" (\"mixedCase\");"_s,
                tSeed, tProbe}
        << Case{u"quoted_table_changes"_s,
                u"CREATE TABLE \"user\" (id INTEGER NOT NULL PRIMARY KEY, \"Name\" VARCHAR(10));"_s,
                u"CREATE TABLE \"user\" (id INTEGER NOT NULL PRIMARY KEY, \"Name\" VARCHAR(30) NOT NULL, \"group\" INTEGER);"_s,
                u"INSERT INTO \"user\" (id, \"Name\") VALUES (1, 'ann');"_s,
                u"SELECT id FROM \"user\" ORDER BY id"_s}
        << Case{u"change_primary_key"_s,
                u"CREATE TABLE k2 (id INTEGER NOT NULL, b INTEGER NOT NULL, v VARCHAR(5), PRIMARY KEY (id));"_s,
                u"CREATE TABLE k2 (id INTEGER NOT NULL, b INTEGER NOT NULL, v VARCHAR(5), PRIMARY KEY (id, b));"_s,
                u"INSERT INTO k2 (id, b, v) VALUES (1, 1, 'x'), (2, 1, 'y');"_s,
                u"SELECT id, b, v FROM k2 ORDER BY id"_s}
        << Case{u"two_tables_changed"_s, T + P,
                u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, z INTEGER);"
                "CREATE TABLE p (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40));"_s,
                tSeed + pSeed, tProbe};
}

void viewCases(QList<Case> &out)
{
    out << Case{u"create_view"_s, T, T + u"CREATE VIEW v_t AS SELECT id, a FROM t;"_s, tSeed, tProbe}
        << Case{u"drop_view"_s, T + u"CREATE VIEW v_t AS SELECT id, a FROM t;"_s, T, tSeed, tProbe}
        << Case{u"replace_view"_s, T + u"CREATE VIEW v_t AS SELECT id, a FROM t;"_s,
                T + u"CREATE VIEW v_t AS SELECT id, a, b FROM t;"_s, tSeed, tProbe}
        << Case{u"view_survives_table_change"_s, T + u"CREATE VIEW v_t AS SELECT id, a FROM t;"_s,
                u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER NOT NULL DEFAULT 0);"
                "CREATE VIEW v_t AS SELECT id, a FROM t;"_s,
                tSeed, u"SELECT id, a FROM v_t ORDER BY id"_s}
        // a_top reads b_base, which sorts after it: created after it, dropped before it.
        << Case{u"view_reads_later_view"_s, T,
                T + u"CREATE VIEW b_base AS SELECT id, a FROM t; CREATE VIEW a_top AS SELECT a FROM b_base;"_s,
                tSeed, tProbe};
}

} // namespace

QList<Case> portableCases()
{
    QList<Case> out;
    columnCases(out);
    indexCases(out);
    foreignKeyCases(out);
    tableCases(out);
    viewCases(out);
    return out;
}

} // namespace RoundTrip

namespace RoundTrip {

namespace {

Case row(const QString &name, const QString &before, const QString &after,
         const QString &seed = tSeed, const QString &probe = tProbe)
{
    return Case{name, before, after, seed, probe};
}

QList<Case> sqliteCases()
{
    const QString kTable = u"CREATE TABLE k (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);"_s;
    const QString trigger = u"CREATE TRIGGER tr_t_b AFTER UPDATE OF b ON t BEGIN UPDATE t SET a = 'changed' WHERE id = new.id AND a IS NULL; END;"_s;
    return {
        row(u"sqlite_generated_virtual"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, c INTEGER GENERATED ALWAYS AS (b * 2) VIRTUAL);"_s),
        row(u"sqlite_generated_stored"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, c INTEGER GENERATED ALWAYS AS (b * 2) STORED);"_s),
        row(u"sqlite_collation"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20) COLLATE NOCASE, b INTEGER);"_s),
        row(u"sqlite_autoincrement_rebuild"_s, kTable, u"CREATE TABLE k (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL DEFAULT '');"_s,
            u"INSERT INTO k (v) VALUES ('a'), ('b'), ('c'); DELETE FROM k WHERE id = 3;"_s, u"SELECT id, v FROM k ORDER BY id"_s),
        row(u"sqlite_trigger_survives_rebuild"_s, T + trigger,
            u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER NOT NULL DEFAULT 0);"_s + trigger),
        row(u"sqlite_current_timestamp_default"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, created TIMESTAMP DEFAULT CURRENT_TIMESTAMP);"_s),
        row(u"sqlite_partial_index"_s, T, T + u"CREATE INDEX ix_t_b ON t (b) WHERE b > 10;"_s),
        row(u"sqlite_expression_index"_s, T, T + u"CREATE INDEX ix_t_lower_a ON t (lower(a));"_s),
        row(u"sqlite_expression_index_new_table"_s, T,
            T + u"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX ix ON items (lower(name));"
                "CREATE INDEX ix_sum ON items (id + length(name), name COLLATE NOCASE DESC);"_s),
        row(u"sqlite_integer_to_text"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b TEXT);"_s),
        row(u"sqlite_without_rowid_table"_s, T, T + u"CREATE TABLE w (k TEXT NOT NULL PRIMARY KEY, v INTEGER) WITHOUT ROWID;"_s),
    };
}

QList<Case> postgresCases()
{
    const QString mood = u"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"_s;
    const QString tMood = u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, m mood DEFAULT 'ok');"_s;
    return {
        row(u"pg_enum_create"_s, T, mood + tMood),
        row(u"pg_enum_add_value"_s, mood + tMood, u"CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok', 'happy', 'glad');"_s + tMood),
        row(u"pg_enum_drop_value"_s, mood + tMood, u"CREATE TYPE mood AS ENUM ('ok', 'happy');"_s + tMood),
        row(u"pg_identity_table"_s, T, T + u"CREATE TABLE g (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, s SERIAL, v TEXT);"_s),
        row(u"pg_add_identity"_s, T, u"CREATE TABLE t (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, a VARCHAR(20), b INTEGER);"_s),
        row(u"pg_text_to_integer_using"_s, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b VARCHAR(10) DEFAULT '0');"_s,
            u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER DEFAULT 0);"_s,
            u"INSERT INTO t (id, a, b) VALUES (1, 'one', '10'), (2, 'two', '20');"_s),
        row(u"pg_partial_and_expression_index"_s, T, T + u"CREATE INDEX ix_t_b ON t (b) WHERE b > 10; CREATE UNIQUE INDEX ux_t_lower_a ON t (lower(a));"_s),
        row(u"pg_deferrable_fk"_s, P + child(), P + child(u", CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED"_s),
            pSeed + cSeed, cProbe),
        row(u"pg_collation"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20) COLLATE \"C\", b INTEGER);"_s),
        row(u"pg_generated_stored"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, c INTEGER GENERATED ALWAYS AS (b * 2) STORED);"_s),
        row(u"pg_type_change_under_views"_s,
            T + u"CREATE VIEW v_t AS SELECT id, a, b FROM t; CREATE VIEW v_v AS SELECT a FROM v_t;"_s,
            u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b BIGINT);"
            "CREATE VIEW v_t AS SELECT id, a, b FROM t; CREATE VIEW v_v AS SELECT a FROM v_t;"_s),
        row(u"pg_column_comment"_s, T, T + u"COMMENT ON COLUMN t.a IS 'the a';"_s),
        row(u"pg_timestamp_default_now"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, created TIMESTAMPTZ NOT NULL DEFAULT now());"_s),
    };
}

QList<Case> mysqlCases()
{
    return {
        row(u"mysql_auto_increment_table"_s, T, T + u"CREATE TABLE k (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10));"_s),
        row(u"mysql_on_update"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, updated TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);"_s),
        row(u"mysql_enum_column"_s, u"CREATE TABLE e (id INT NOT NULL PRIMARY KEY, s ENUM('x','y'));"_s,
            u"CREATE TABLE e (id INT NOT NULL PRIMARY KEY, s ENUM('x','y','z') NOT NULL DEFAULT 'x');"_s,
            u"INSERT INTO e (id, s) VALUES (1, 'x'), (2, 'y');"_s, u"SELECT id, s FROM e ORDER BY id"_s),
        row(u"mysql_prefix_index"_s, T, T + u"CREATE INDEX ix_t_a ON t (a(5));"_s),
        row(u"mysql_fulltext_index"_s, T, T + u"CREATE FULLTEXT INDEX fx_t_a ON t (a);"_s),
        row(u"mysql_generated_virtual"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, c INTEGER GENERATED ALWAYS AS (b * 2) VIRTUAL);"_s),
        row(u"mysql_collation"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20) COLLATE utf8mb4_bin, b INTEGER);"_s),
        row(u"mysql_column_comment"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20) COMMENT 'the a', b INTEGER);"_s),
        row(u"mysql_boolean_column"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER, flag BOOLEAN NOT NULL DEFAULT 0);"_s),
        // Unnamed keys: InnoDB names the key <table>_ibfk_<n> and its index after the column.
        row(u"mysql_unnamed_foreign_key"_s, P + child(), P + child(u", FOREIGN KEY (p_id) REFERENCES p (id)"_s),
            pSeed + cSeed, cProbe),
        row(u"mysql_table_with_unnamed_foreign_key"_s, P,
            P + child(u", FOREIGN KEY (p_id) REFERENCES p (id)"_s), pSeed, u"SELECT id FROM p ORDER BY id"_s),
        row(u"mysql_int_to_varchar"_s, T, u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b VARCHAR(11));"_s),
    };
}

QString mysqlQuotes(QString sql)
{
    return sql.replace(u'"', u'`');
}

} // namespace

QList<Case> cases(SqlDialect dialect)
{
    QList<Case> out = portableCases();
    switch (dialect) {
    case SqlDialect::SQLite:
        out += sqliteCases();
        break;
    case SqlDialect::PostgreSQL:
        out += postgresCases();
        break;
    case SqlDialect::MySQL:
        out += mysqlCases();
        for (Case &c : out) {
            c.before = mysqlQuotes(c.before);
            c.after = mysqlQuotes(c.after);
            c.seed = mysqlQuotes(c.seed);
            c.probe = mysqlQuotes(c.probe);
        }
        break;
    }
    return out;
}

} // namespace RoundTrip
