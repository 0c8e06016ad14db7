#include "tests/support/child_program.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>

namespace voltdesk::testing {

QString builtProgram(const QString& name) {
    return QDir(qEnvironmentVariable("VOLTDESK_BUILD_DIR")).filePath(QStringLiteral("bin/") + name);
}

ChildProgram::ChildProgram(const QString& program, const QStringList& arguments)
    : m_process(std::make_unique<QProcess>()) {
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(builtProgram(program), arguments);
    m_process->waitForStarted(10000);
}

ChildProgram::~ChildProgram() {
    if (running()) {
        stop();
    }
}

bool ChildProgram::running() const {
    return m_process->state() == QProcess::Running;
}

QString ChildProgram::waitForLine(const QString& prefix, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    qsizetype scanned = 0;
    while (true) {
        m_output += m_process->readAll();
        qsizetype lineStart = scanned;
        while (true) {
            const qsizetype end = m_output.indexOf('\n', lineStart);
            if (end < 0) {
                break;
            }
            const QString line = QString::fromUtf8(m_output.mid(lineStart, end - lineStart));
            if (line.startsWith(prefix)) {
                return line.mid(prefix.size()).trimmed();
            }
            lineStart = end + 1;
        }
        scanned = lineStart;
        if (deadline.hasExpired() || !running()) {
            return {};
        }
        m_process->waitForReadyRead(100);
    }
}

bool ChildProgram::waitForText(const QString& text, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    const QByteArray needle = text.toUtf8();
    while (true) {
        m_output += m_process->readAll();
        if (m_output.contains(needle)) {
            return true;
        }
        if (deadline.hasExpired() || !running()) {
            return false;
        }
        m_process->waitForReadyRead(100);
    }
}

QString ChildProgram::output() {
    m_output += m_process->readAll();
    return QString::fromUtf8(m_output.right(4000));
}

int ChildProgram::stop(int timeoutMs) {
    if (!running()) {
        return m_process->exitCode();
    }
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    m_output += m_process->readAll();
    return m_process->exitCode();
}

void ChildProgram::kill() {
    if (!running()) {
        return;
    }
    m_process->kill();
    m_process->waitForFinished(10000);
    m_output += m_process->readAll();
}

qint64 ChildProgram::pid() const {
    return m_process->processId();
}

} // namespace voltdesk::testing
