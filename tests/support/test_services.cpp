#include "tests/support/test_services.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

namespace voltdesk::testing {

TestServices testServices() {
    TestServices s;
    QFile file(qEnvironmentVariable("VOLTDESK_TEST_SERVICES_DIR") + QStringLiteral("/services.env"));
    if (!file.open(QIODevice::ReadOnly)) {
        return s;
    }
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        const auto eq = line.indexOf(QLatin1Char('='));
        if (eq < 0) {
            continue;
        }
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 1);
        if (key == QLatin1String("VOLTDESK_PG")) {
            s.postgres = value;
        } else if (key == QLatin1String("VOLTDESK_MQTT")) {
            s.mqtt = value;
        } else if (key == QLatin1String("VOLTDESK_MQTT_AUTH")) {
            s.mqttAuth = value;
        } else if (key == QLatin1String("VOLTDESK_CONSOLE_USERS")) {
            s.consoleUsersFile = value;
        }
    }
    return s;
}

QString createScratchDatabase(const QString& serverUri, const QString& prefix) {
    const QString name = QStringLiteral("%1_%2").arg(prefix).arg(QCoreApplication::applicationPid());
    QString uri = serverUri;
    uri.replace(QRegularExpression(QStringLiteral("/[^/]*$")), QStringLiteral("/") + name);
    const QStringList drop{serverUri, QStringLiteral("-qc"),
                           QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)};
    const QStringList create{serverUri, QStringLiteral("-qc"),
                             QStringLiteral("CREATE DATABASE %1").arg(name)};
    if (QProcess::execute(QStringLiteral("psql"), drop) != 0 ||
        QProcess::execute(QStringLiteral("psql"), create) != 0) {
        return {};
    }
    return uri;
}

} // namespace voltdesk::testing
