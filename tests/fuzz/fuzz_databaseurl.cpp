// Fuzz target: DatabaseUrl::parse. What parses must display without its password.

#include "fuzzcheck.h"

#include <engine/config/databaseurl.h>

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text, u"/project"_s);
    if (!url)
        return 0;
    // The display string must not depend on the password's value, only on whether there is one.
    DatabaseUrl other = *url;
    other.password = u"\u0001other"_s;
    if (!url->password.isEmpty())
        RETORT_FUZZ_CHECK(url->toDisplayString() == other.toDisplayString());
    return 0;
}
