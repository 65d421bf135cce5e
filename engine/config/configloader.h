#pragma once

#include "config.h"

#include <engine/core/result.h>

#include <QProcessEnvironment>

namespace Retort {

// Finds and reads retort.ini into a Config. Pure apart from reading the file.
class ConfigLoader
{
public:
    static constexpr const char *fileName = "retort.ini";

    // retort.ini in startDir or the nearest parent.
    static Result<QString> find(const QString &startDir);
    // Reads iniPath; urlOverride (from --url) wins over RETORT_URL, which wins over the ini.
    static Result<Config> load(const QString &iniPath, const QString &urlOverride = {},
                               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // load() of an ini file's contents, already read: iniPath names it in errors and its folder is
    // the project folder. Reads nothing (the fuzz target feeds it bytes).
    static Result<Config> parse(const QByteArray &contents, const QString &iniPath,
                                const QString &urlOverride = {},
                                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Expands ${VAR} and ${VAR:-default}; an unset VAR without default is an error.
    static Result<QString> expand(const QString &value, const QProcessEnvironment &env);
};

} // namespace Retort
