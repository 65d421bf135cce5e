// Fuzz target: AlembicScript::parse, the tokenizer and literal evaluator that read Alembic
// revision modules without running Python. What parses keeps its file and bytes; a dynamic module
// says why and where.

#include "fuzzcheck.h"

#include <engine/alembic/alembicscript.h>

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray source(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<AlembicModule> module = AlembicScript::parse(source, u"/p/versions/x.py"_s);
    if (!module) {
        RETORT_FUZZ_CHECK(module.error().line >= 0);
        return 0;
    }
    RETORT_FUZZ_CHECK(module->revision.filePath == u"/p/versions/x.py"_s);
    RETORT_FUZZ_CHECK(module->revision.source == source);
    if (module->dynamic)
        RETORT_FUZZ_CHECK(!module->dynamicReason.isEmpty());
    return 0;
}
