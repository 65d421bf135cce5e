#pragma once

// Test helper: runs tests/tools/alembic_oracle.py (real Alembic) on a graph description.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace AlembicOracle {

inline QString python() { return QStringLiteral("/usr/bin/python3"); }

// True when /usr/bin/python3 can import alembic.
inline bool available()
{
    static const bool result = [] {
        QProcess p;
        p.start(python(), {QStringLiteral("-c"), QStringLiteral("import alembic, sqlalchemy")});
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit
               && p.exitCode() == 0;
    }();
    return result;
}

// spec: {"revisions": [...], "queries": [...]}; returns one result per query, or an error text.
inline QJsonArray run(const QJsonObject &spec, QString *error)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
    env.insert(QStringLiteral("PYTHONWARNINGS"), QStringLiteral("ignore"));
    p.setProcessEnvironment(env);
    p.start(python(), {QStringLiteral(RETORT_SOURCE_DIR "/tests/tools/alembic_oracle.py")});
    p.write(QJsonDocument(spec).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput());
    if (!doc.isArray())
        *error = QStringLiteral("oracle printed no JSON array");
    return doc.array();
}

} // namespace AlembicOracle
