#pragma once

#include <engine/config/config.h>
#include <engine/config/databaseurl.h>
#include <engine/core/result.h>

namespace Retort {

// The facade that the CLI and the GUI use: one project and its database. A small value (copy it
// into worker lambdas); every call that touches the database opens and closes its own connection
// on the calling thread.
class Workspace
{
public:
    // `location`: a retort.ini, a project folder, or empty (search from the current directory).
    // `urlOverride` (from --url) wins over RETORT_URL and the ini.
    static Result<Workspace> open(const QString &location, const QString &urlOverride = {});
    explicit Workspace(Config config);

    const Config &config() const { return m_config; }
    Result<DatabaseUrl> databaseUrl() const;

private:
    Config m_config;
};

} // namespace Retort
