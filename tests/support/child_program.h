// Starts our real programs (agent, simulator) as child processes for whole-system tests, and stops or
// kills them.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace voltdesk::testing {

/// One program of ours started from the build's bin directory; stopped with SIGTERM on destruction
/// (SIGKILL if it does not exit in time). Its output is kept for failure messages.
class ChildProgram {
public:
    ChildProgram(const QString& program, const QStringList& arguments);
    ~ChildProgram();
    ChildProgram(const ChildProgram&) = delete;
    ChildProgram& operator=(const ChildProgram&) = delete;

    bool running() const;
    /// Waits until a line of standard output starts with `prefix`; returns the rest of it, or an
    /// empty string after `timeoutMs` or when the program exits.
    QString waitForLine(const QString& prefix, int timeoutMs);
    /// Waits until the program's output contains text anywhere (e.g. a log line); false after
    /// timeoutMs or when the program exits.
    bool waitForText(const QString& text, int timeoutMs);
    /// Everything the program wrote so far, for a failure message.
    QString output();
    /// Sends SIGTERM and waits; returns the exit code, or -1 if it had to be killed.
    int stop(int timeoutMs = 10000);
    /// SIGKILL, as a crash or the OOM killer would: no shutdown code runs. Waits until it is gone.
    void kill();
    qint64 pid() const;

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
};

/// Path of a program built next to the tests.
QString builtProgram(const QString& name);

} // namespace voltdesk::testing
