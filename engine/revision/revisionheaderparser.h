#pragma once

#include "revision.h"

#include <engine/core/result.h>

#include <QString>
#include <QStringView>

#include <array>

namespace Retort {

// Internal to RevisionScript: known header field names, in render order.
enum KnownHeaderField { RevisionId, Revises, CreateDate, BranchLabels, DependsOn, KnownFieldCount };
extern const std::array<QStringView, KnownFieldCount> knownHeaderFieldNames;

// Internal to RevisionScript: fills a Revision's header fields from the comment lines before
// "-- migrate:upgrade", one comment body (the text after "--", trimmed) at a time.
class RevisionHeaderParser
{
public:
    RevisionHeaderParser(Revision &revision, const QString &file)
        : m_rev(revision)
        , m_file(file)
    {}

    Result<> comment(QStringView body, int line);
    void blankLine() { m_messageOpen = false; }
    Result<> finish() const;

private:
    Result<> known(int field, QStringView value, int line);
    Result<QStringList> list(int field, QStringView value, int line) const;

    Revision &m_rev;
    const QString &m_file;
    bool m_messageSeen = false;
    bool m_messageOpen = false;
    std::array<int, KnownFieldCount> m_fieldLines{};
};

} // namespace Retort
