#pragma once

#include "alembicmodule.h"

#include <engine/core/result.h>

#include <QByteArray>
#include <QString>

namespace Retort {

// Reads one Alembic revision module (a versions/*.py file) without running Python: the
// module-level `revision`, `down_revision`, `branch_labels`, `depends_on` and the docstring,
// through PythonTokenizer and PythonLiteralReader. Pure functions, any thread.
//
// Meanings follow Alembic 1.8's Script and Revision constructors:
// - parents: down_revision None, "" or () is a base; a string is one parent; a tuple or list
//   several, in written order.
// - branchLabels and dependsOn: None is empty, a string one item, a tuple or list its items.
// - message: Script.doc, the docstring stripped and cut at its first blank line ("\n\n"); empty
//   without a docstring.
// - A file without `revision` takes its id from a hex file name ("1975ea83b712.py"), as Alembic
//   still does for 0.1-era files; otherwise it is an error.
// - A file without `down_revision` is an error: Alembic 1.8 reads module.down_revision
//   unconditionally, so loading such a file fails with an AttributeError.
// The Revision is reversible (downgradeSql present and empty): the graph knows nothing of
// Python downgrade() bodies. upgradeSql stays empty.
//
// Source decoding as Python's: a UTF-8 BOM, a PEP 263 coding cookie on line 1 or 2 (UTF-8 and
// Latin-1 natively, other codecs through Qt where it knows them, else the file is dynamic),
// UTF-8 by default. Errors (Kind::Script, file:line): invalid UTF-8, a BOM with another
// cookie, an unterminated string or bracket, a missing `revision` or `down_revision`.
class AlembicScript
{
public:
    static Result<AlembicModule> parse(const QByteArray &source, const QString &filePath);
    static Result<AlembicModule> read(const QString &filePath);
};

} // namespace Retort
