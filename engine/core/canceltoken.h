#pragma once

#include <atomic>

namespace Retort {

// Set from any thread; engine loops check it between statements and revisions.
class CancelToken
{
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic_bool m_cancelled = false;
};

} // namespace Retort
