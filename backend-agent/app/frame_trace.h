// Every OCPP-J frame the agent receives and sends, one JSON line each, so a test run can check what the
// agent put on the wire against the official schemas (tests/ocpp-schema).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace voltdesk::app {

enum class FrameDirection { Rx, Tx };

/// Appends {"t":<epoch ms>,"charger":"<id>","dir":"rx"|"tx","frame":"<raw text>"} lines to a file.
/// Thread-safe: any thread may call record(). Lines are buffered and written by whole lines, by a
/// flusher thread every flushInterval and on close, so a killed process loses at most that interval.
/// Nothing here throws into the caller; the first disk error is logged through spdlog, later ones
/// are dropped quietly together with the lines they concern.
class FrameTrace {
public:
    static constexpr std::chrono::milliseconds kDefaultFlushInterval{200};

    /// An empty path gives a disabled trace whose record() only tests one flag. The file is opened for
    /// appending, so an agent restarted into the same file keeps the lines of its earlier run.
    explicit FrameTrace(const std::filesystem::path& path,
                        std::chrono::milliseconds flushInterval = kDefaultFlushInterval);
    ~FrameTrace();

    FrameTrace(const FrameTrace&) = delete;
    FrameTrace& operator=(const FrameTrace&) = delete;
    FrameTrace(FrameTrace&&) = delete;
    FrameTrace& operator=(FrameTrace&&) = delete;

    /// False when no path was given or the file could not be opened.
    bool enabled() const noexcept { return m_enabled.load(std::memory_order_relaxed); }

    /// Buffers one frame. Invalid UTF-8 in the frame is replaced by U+FFFD so every line stays JSON.
    void record(std::string_view chargerId, FrameDirection direction, std::string_view frame) noexcept;

    /// Writes what is buffered now.
    void flush() noexcept;

    /// Flushes, stops the flusher and closes the file; record() does nothing afterwards.
    void close() noexcept;

private:
    void flusherLoop(const std::stop_token& stop) noexcept;
    void writeOut(std::string_view bytes) noexcept; ///< with m_writeMutex held
    void logErrorOnce(std::string_view what, int error) noexcept;

    static constexpr std::size_t kWakeThreshold = std::size_t{64} * 1024;
    /// Past this much unwritten text (a disk far slower than the frames) lines are dropped, not queued.
    static constexpr std::size_t kMaxBuffered = std::size_t{64} * 1024 * 1024;

    std::filesystem::path m_path;
    std::chrono::milliseconds m_flushInterval;
    std::atomic<bool> m_enabled{false};
    /// Taken before m_mutex by whoever writes, so buffers reach the file in the order they were filled.
    std::mutex m_writeMutex;
    int m_fd = -1;              ///< guarded by m_writeMutex
    bool m_errorLogged = false; ///< guarded by m_writeMutex
    bool m_lineCut = false;     ///< a failed write left a partial line; guarded by m_writeMutex
    std::mutex m_mutex;
    std::string m_buffer;          ///< whole lines not yet written; guarded by m_mutex
    bool m_closed = false;         ///< guarded by m_mutex
    bool m_overflowLogged = false; ///< guarded by m_mutex
    std::condition_variable_any m_wake;
    std::jthread m_flusher; ///< last member: started after, and stopped before, everything it uses
};

} // namespace voltdesk::app
