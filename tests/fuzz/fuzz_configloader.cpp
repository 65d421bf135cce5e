// Fuzz target: ConfigLoader::parse on the bytes of a retort.ini (the ini reader, the keys, and
// ${VAR} expansion), then DatabaseUrl::parse on the url it yields.

#include "fuzzcheck.h"

#include <engine/config/configloader.h>
#include <engine/config/databaseurl.h>

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

namespace {

// A fixed environment: the user's must not change what a run finds.
QProcessEnvironment fuzzEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, u"/home/fuzz"_s);
    env.insert(u"DB"_s, u"postgresql://u:p@h:5432/d"_s);
    env.insert(u"EMPTY"_s, QString());
    return env;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QProcessEnvironment env = fuzzEnvironment();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<Config> config = ConfigLoader::parse(bytes, u"/project/retort.ini"_s, {}, env);
    if (!config) {
        RETORT_FUZZ_CHECK(config.error().line >= 0);
        return 0;
    }
    RETORT_FUZZ_CHECK(!config->tables.versionTable.isEmpty());
    if (!config->url.isEmpty())
        (void) DatabaseUrl::parse(config->url, config->projectDir);
    return 0;
}
