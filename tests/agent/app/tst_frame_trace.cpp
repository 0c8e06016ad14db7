// The frame trace: whole JSON lines from many threads, written periodically and on close, and a
// disabled or unwritable trace that costs the caller nothing and never throws.
#include "app/frame_trace.h"

#include <QtTest>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

using namespace voltdesk::app;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

class TestFrameTrace : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const char* name) const { return m_dir.filePath(name).toStdString(); }

private slots:
    void manyThreadsWriteCompleteLinesInTheirOrder() {
        constexpr int kThreads = 6;
        constexpr int kFrames = 2'000;
        const auto file = path("threads.jsonl");
        {
            FrameTrace trace(file, 5ms);
            QVERIFY(trace.enabled());
            std::vector<std::jthread> writers;
            for (int w = 0; w < kThreads; ++w) {
                writers.emplace_back([&trace, w] {
                    const std::string charger = "CP-" + std::to_string(w);
                    for (int i = 0; i < kFrames; ++i) {
                        // Quotes, a backslash, a newline and non-ASCII text must all survive as one line.
                        const std::string frame = "[2,\"" + std::to_string(i) +
                                                  "\",\"DataTransfer\",{\"data\":\"a\\\\b\\n\u00e9\u20ac\"}]";
                        trace.record(charger, i % 2 == 0 ? FrameDirection::Tx : FrameDirection::Rx, frame);
                    }
                });
            }
        }
        const auto lines = readLines(file);
        QCOMPARE(lines.size(), std::size_t(kThreads * kFrames));
        std::map<std::string, int> next;
        for (const auto& line : lines) {
            const auto object = nlohmann::json::parse(line); // throws, failing the test, on a torn line
            QVERIFY(object.at("t").is_number_integer());
            const auto charger = object.at("charger").get<std::string>();
            const auto frame = nlohmann::json::parse(object.at("frame").get<std::string>());
            const int index = std::stoi(frame.at(1).get<std::string>());
            QCOMPARE(index, next[charger]++);
            QCOMPARE(object.at("dir").get<std::string>(), std::string(index % 2 == 0 ? "tx" : "rx"));
            QCOMPARE(frame.at(3).at("data").get<std::string>(), std::string("a\\b\n\u00e9\u20ac"));
        }
        QCOMPARE(next.size(), std::size_t(kThreads));
    }

    void linesReachTheFileWithoutCloseWithinTheFlushInterval() {
        // A SIGKILLed agent never closes its trace: the flusher alone must get the lines out.
        const auto file = path("periodic.jsonl");
        FrameTrace trace(file, 50ms);
        trace.record("CP-1", FrameDirection::Rx, R"([2,"1","Heartbeat",{}])");
        QTRY_COMPARE_WITH_TIMEOUT(readLines(file).size(), std::size_t(1), 2000);
        const auto object = nlohmann::json::parse(readLines(file).front());
        QCOMPARE(object.at("frame").get<std::string>(), std::string(R"([2,"1","Heartbeat",{}])"));
        QCOMPARE(object.at("charger").get<std::string>(), std::string("CP-1"));
    }

    void appendsToAnExistingTrace() {
        const auto file = path("append.jsonl");
        {
            FrameTrace first(file);
            first.record("CP-1", FrameDirection::Rx, "[2,\"1\",\"Heartbeat\",{}]");
        }
        {
            FrameTrace second(file);
            second.record("CP-1", FrameDirection::Tx, "[3,\"1\",{\"currentTime\":\"2024-01-01T00:00:00Z\"}]");
            second.flush();
            QCOMPARE(readLines(file).size(), std::size_t(2));
        }
    }

    void invalidUtf8IsReplacedNotThrown() {
        const auto file = path("utf8.jsonl");
        {
            FrameTrace trace(file);
            trace.record("CP-\xff", FrameDirection::Rx, "[2,\"1\",\"\xc3\x28\",{}]");
        }
        const auto lines = readLines(file);
        QCOMPARE(lines.size(), std::size_t(1));
        QVERIFY(nlohmann::json::accept(lines.front()));
    }

    void recordAfterCloseIsIgnored() {
        const auto file = path("closed.jsonl");
        FrameTrace trace(file);
        trace.close();
        QVERIFY(!trace.enabled());
        trace.record("CP-1", FrameDirection::Rx, "[2,\"1\",\"Heartbeat\",{}]");
        trace.close();
        QVERIFY(readLines(file).empty());
    }

    void anEmptyPathDisablesTheTrace() {
        FrameTrace trace("");
        QVERIFY(!trace.enabled());
        trace.record("CP-1", FrameDirection::Tx, "[2,\"1\",\"Reset\",{\"type\":\"Soft\"}]");
        trace.flush();
    }

    void anUnwritablePathDisablesTheTraceWithoutThrowing() {
        FrameTrace trace(path("no-such-dir/trace.jsonl"));
        QVERIFY(!trace.enabled());
        trace.record("CP-1", FrameDirection::Tx, "[2,\"1\",\"Reset\",{\"type\":\"Soft\"}]");
    }

    void aFullDiskIsSurvived() {
        if (!QFile::exists("/dev/full")) {
            QSKIP("no /dev/full here");
        }
        FrameTrace trace("/dev/full", 5ms);
        QVERIFY(trace.enabled());
        for (int i = 0; i < 100; ++i) {
            trace.record("CP-1", FrameDirection::Tx, "[2,\"1\",\"Reset\",{\"type\":\"Soft\"}]");
        }
        trace.flush();
        trace.close();
    }
};

QTEST_GUILESS_MAIN(TestFrameTrace)
#include "tst_frame_trace.moc"
