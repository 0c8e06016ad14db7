#include "app/tile_server_probe.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace voltdesk::app {

QString zeroTileUrl(const QString& tileServer) {
    QString url = tileServer.trimmed();
    if (url.contains(QLatin1String("{z}"))) {
        url.replace(QLatin1String("{z}"), QLatin1String("0"))
            .replace(QLatin1String("{x}"), QLatin1String("0"))
            .replace(QLatin1String("{y}"), QLatin1String("0"));
        return url;
    }
    if (!url.endsWith(QLatin1Char('/'))) {
        url += QLatin1Char('/');
    }
    return url + QLatin1String("0/0/0.png");
}

bool tileServerAnswers(const QString& tileServer, int timeoutMs) {
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(zeroTileUrl(tileServer))};
    request.setTransferTimeout(timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("voltdesk"));
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 200, &loop, &QEventLoop::quit);
    loop.exec();
    const bool ok = reply->isFinished() && reply->error() == QNetworkReply::NoError &&
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    reply->abort();
    reply->deleteLater();
    return ok;
}

} // namespace voltdesk::app
