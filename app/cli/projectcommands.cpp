#include "commands.h"

#include <engine/config/projectcreator.h>

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

int runInit(CliContext &c)
{
    QCommandLineParser parser;
    if (!c.parse(parser, u"Create a new Retort project in DIR (default: the current folder)."_s))
        return c.exitCode();
    const QString dir = CliContext::positional(parser).value(0, u"."_s);
    const Result<QStringList> created =
        ProjectCreator::create(dir, parser.value(CliOptions::initModels));
    if (!created)
        return c.fail(created.error());
    for (const QString &path : *created)
        c.out << "  Creating " << (QFileInfo(path).isDir() ? "directory " : "file ")
              << QDir::toNativeSeparators(path) << " ...  done\n";
    c.out << "Please edit " << QDir::toNativeSeparators(QDir(dir).absoluteFilePath(u"retort.ini"_s))
          << " to set the database URL before proceeding.\n";
    return 0;
}

} // namespace Retort::Cli
