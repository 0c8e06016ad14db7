// The console uses online tiles only when the configured server really answers.
#include "app/tile_server_probe.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using voltdesk::app::tileServerAnswers;
using voltdesk::app::zeroTileUrl;

namespace {

/// A one-line HTTP server on loopback answering every request with `status`, and recording paths.
class TinyTileServer : public QObject {
public:
    explicit TinyTileServer(int status) : m_status(status) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                const QByteArray request = socket->readAll();
                paths << QString::fromLatin1(request.split(' ').value(1));
                const QByteArray body = "tile";
                socket->write("HTTP/1.1 " + QByteArray::number(m_status) +
                              " X\r\nContent-Type: image/png\r\nConnection: close\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1/tiles/").arg(m_server.serverPort()); }
    QStringList paths;

private:
    QTcpServer m_server;
    int m_status;
};

} // namespace

class TestTileServerProbe : public QObject {
    Q_OBJECT

private slots:
    void zeroTileOfAPrefix() {
        QCOMPARE(zeroTileUrl(QStringLiteral("http://h/tiles")), QStringLiteral("http://h/tiles/0/0/0.png"));
        QCOMPARE(zeroTileUrl(QStringLiteral("http://h/tiles/")), QStringLiteral("http://h/tiles/0/0/0.png"));
    }
    void zeroTileOfATemplate() {
        QCOMPARE(zeroTileUrl(QStringLiteral("https://h/{z}/{x}/{y}.png")),
                 QStringLiteral("https://h/0/0/0.png"));
    }
    void answeringServer() {
        TinyTileServer server(200);
        QVERIFY(tileServerAnswers(server.base(), 3000));
        QCOMPARE(server.paths, QStringList{QStringLiteral("/tiles/0/0/0.png")});
    }
    void serverWithoutTiles() {
        TinyTileServer server(404);
        QVERIFY(!tileServerAnswers(server.base(), 3000));
    }
    void nobodyListening() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        QVERIFY(!tileServerAnswers(QStringLiteral("http://127.0.0.1:%1/").arg(port), 1000));
    }
};

QTEST_GUILESS_MAIN(TestTileServerProbe)
#include "tst_tile_server_probe.moc"
