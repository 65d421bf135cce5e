#pragma once

// Runs the real `retort` binary for CLI tests.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace RetortTest {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program args` in workingDir, without RETORT_URL, with extraEnv ("NAME=value") added.
inline CliResult runProgram(const QString &program, const QStringList &args,
                            const QString &workingDir = {}, const QStringList &extraEnv = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RETORT_URL"));
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.waitForFinished(120000);
    CliResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline CliResult runCli(const QStringList &args, const QString &workingDir = {},
                        const QStringList &extraEnv = {})
{
    return runProgram(QStringLiteral(RETORT_CLI_PATH), args, workingDir, extraEnv);
}

} // namespace RetortTest
