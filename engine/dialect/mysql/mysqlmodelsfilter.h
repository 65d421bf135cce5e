#pragma once

#include <engine/core/result.h>
#include <engine/sql/statement.h>

#include <QStringList>

namespace Retort {

class ModelsStatement;

// Decides, before it runs, whether one statement of the models may run on the MySQL scratch
// database. MySQL commits DDL at once and the scratch database shares the target's server, so a
// statement that reached another database (the target among them) would change it for good.
// Allowed: CREATE, ALTER and DROP of tables, views, indexes, triggers and sequences, and SET of
// session variables (what mysqldump --no-data writes); transaction control is skipped. Refused:
// USE, every other statement (DML, routines, events, users, databases), global variables, and
// any name qualified with another database. Pure function, any thread.
class MysqlModelsFilter
{
public:
    enum class Action { Run, Skip };

    // `databases`: the names of the databases on the server other than the scratch one;
    // `serverVersion` as in "/*!50001": executable comments for a later version are comments
    // (mariadb-dump's "/*M!999999\- enable the sandbox mode */"); 0 reads them all as code. A
    // refusal is a Kind::Script error with the line of the offending word (the file is the
    // caller's to set).
    static Result<Action> check(const Statement &statement, const QStringList &databases,
                                int serverVersion = 0);

private:
    static Result<> checkKind(const ModelsStatement &s);
    static Result<> checkSet(const ModelsStatement &s);
    static Result<> checkNames(const ModelsStatement &s, const QStringList &databases);
};

} // namespace Retort
