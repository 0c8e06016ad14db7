#include "app/frame_trace.h"

#include <cerrno>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <system_error>
#include <unistd.h>

namespace voltdesk::app {

namespace {

std::int64_t nowEpochMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string traceLine(std::string_view chargerId, FrameDirection direction, std::string_view frame) {
    nlohmann::ordered_json line;
    line["t"] = nowEpochMs();
    line["charger"] = chargerId;
    line["dir"] = direction == FrameDirection::Rx ? "rx" : "tx";
    line["frame"] = frame;
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text += '\n';
    return text;
}

} // namespace

FrameTrace::FrameTrace(const std::filesystem::path& path, std::chrono::milliseconds flushInterval)
    : m_path(path), m_flushInterval(flushInterval) {
    if (m_path.empty()) {
        return;
    }
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        logErrorOnce("cannot open the frame trace", errno);
        return;
    }
    m_enabled.store(true, std::memory_order_relaxed);
    m_flusher = std::jthread([this](const std::stop_token& stop) { flusherLoop(stop); });
}

FrameTrace::~FrameTrace() {
    close();
}

void FrameTrace::record(std::string_view chargerId, FrameDirection direction,
                        std::string_view frame) noexcept {
    if (!enabled()) {
        return;
    }
    try {
        std::string line = traceLine(chargerId, direction, frame);
        const std::scoped_lock lock(m_mutex);
        if (m_closed) {
            return;
        }
        if (m_buffer.size() + line.size() > kMaxBuffered) {
            if (!m_overflowLogged) {
                m_overflowLogged = true;
                spdlog::warn("trace: the disk does not keep up, dropping frames path={}", m_path.string());
            }
            return;
        }
        m_buffer += line;
        if (m_buffer.size() >= kWakeThreshold) {
            m_wake.notify_one();
        }
    } catch (...) {
        // Out of memory or a logging failure: the frame is lost, the caller goes on.
        return;
    }
}

void FrameTrace::flush() noexcept {
    const std::scoped_lock writeLock(m_writeMutex);
    std::string pending;
    {
        const std::scoped_lock lock(m_mutex);
        pending.swap(m_buffer);
    }
    writeOut(pending);
}

void FrameTrace::close() noexcept {
    {
        const std::scoped_lock lock(m_mutex);
        if (m_closed) {
            return;
        }
        m_closed = true;
    }
    m_enabled.store(false, std::memory_order_relaxed);
    if (m_flusher.joinable()) {
        m_flusher.request_stop();
        m_flusher.join();
    }
    flush();
    const std::scoped_lock writeLock(m_writeMutex);
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void FrameTrace::flusherLoop(const std::stop_token& stop) noexcept {
    while (!stop.stop_requested()) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, stop, m_flushInterval,
                            [this] { return m_buffer.size() >= kWakeThreshold; });
        }
        flush();
    }
}

void FrameTrace::writeOut(std::string_view bytes) noexcept {
    if (m_lineCut && !bytes.empty()) {
        // An earlier write stopped inside a line: end it, so the lines after it still read as JSON.
        m_lineCut = false;
        writeOut("\n");
    }
    const std::size_t total = bytes.size();
    while (!bytes.empty() && m_fd >= 0) {
        const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            logErrorOnce("cannot write the frame trace", errno);
            m_lineCut = bytes.size() != total;
            return;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

void FrameTrace::logErrorOnce(std::string_view what, int error) noexcept {
    if (m_errorLogged) {
        return;
    }
    m_errorLogged = true;
    try {
        spdlog::warn("trace: {} path={} error=\"{}\"", what, m_path.string(),
                     std::error_code(error, std::generic_category()).message());
    } catch (...) {
        // Logging is best effort here: a trace must never take the agent down.
        return;
    }
}

} // namespace voltdesk::app
