#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Retort::Cli {

// The shell completion scripts, generated from the verb and option tables (commands(),
// CliOptions), so that a new verb or option completes without editing a script. Revision
// arguments complete through `retort __complete-revisions`, run at each TAB in the project at
// hand. Pure; any thread.
class CompletionScript
{
public:
    static QStringList shells(); // bash, zsh, fish
    // The script for `shell`; nothing for a shell not in shells().
    static std::optional<QString> generate(const QString &shell);

private:
    static QString bash();
    static QString zsh();
    static QString fish();
};

} // namespace Retort::Cli
