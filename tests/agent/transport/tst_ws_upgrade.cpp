// The upgrade decisions: which charger a path names and which subprotocol a client gets.
#include "transport/ws_upgrade.h"

#include <QtTest>

using voltdesk::transport::chargerIdFromTarget;
using voltdesk::transport::chooseSubprotocol;
using voltdesk::transport::parseBasicAuthorization;

class TestWsUpgrade : public QObject {
    Q_OBJECT

private slots:
    void chargerIdPlain() {
        QCOMPARE(chargerIdFromTarget("/ocpp/CP-001", "/ocpp/").value(), std::string("CP-001"));
    }

    void chargerIdPercentDecoded() {
        QCOMPARE(chargerIdFromTarget("/ocpp/CP%2F1%20a", "/ocpp/").value(), std::string("CP/1 a"));
        QCOMPARE(chargerIdFromTarget("/ocpp/%E5%85%85", "/ocpp/").value(), std::string("\xE5\x85\x85"));
    }

    void chargerIdIgnoresQuery() {
        QCOMPARE(chargerIdFromTarget("/ocpp/CP1?x=1", "/ocpp/").value(), std::string("CP1"));
    }

    void chargerIdRejected_data() {
        QTest::addColumn<QString>("target");
        QTest::newRow("wrong prefix") << "/ws/CP1";
        QTest::newRow("no id") << "/ocpp/";
        QTest::newRow("prefix without slash") << "/ocpp";
        QTest::newRow("sub path") << "/ocpp/CP1/extra";
        QTest::newRow("truncated escape") << "/ocpp/CP%2";
        QTest::newRow("bad escape") << "/ocpp/CP%zz";
        QTest::newRow("control char") << "/ocpp/CP%0A1";
        QTest::newRow("NUL") << "/ocpp/CP%001";
        QTest::newRow("invalid UTF-8") << "/ocpp/CP%FF";
        QTest::newRow("overlong UTF-8") << "/ocpp/%C0%AF";
        QTest::newRow("too long") << QString("/ocpp/") + QString(256, QLatin1Char('a'));
    }
    void chargerIdRejected() {
        QFETCH(QString, target);
        QVERIFY(!chargerIdFromTarget(target.toStdString(), "/ocpp/").has_value());
    }

    void chargerIdLongestAccepted() {
        QVERIFY(chargerIdFromTarget("/ocpp/" + std::string(255, 'a'), "/ocpp/").has_value());
    }

    void subprotocolFirstSupportedInClientOrder() {
        const auto choice = chooseSubprotocol("ocpp2.0.1, ocpp1.6, ocpp1.5", {"ocpp1.6", "ocpp2.0.1"});
        QVERIFY(choice.acceptable);
        QCOMPARE(choice.protocol, std::string("ocpp2.0.1"));
        QCOMPARE(choice.echo, std::string("ocpp2.0.1"));
    }

    void subprotocolSkipsUnsupported() {
        const auto choice = chooseSubprotocol("ocpp2.0.1,ocpp1.6", {"ocpp1.6"});
        QVERIFY(choice.acceptable);
        QCOMPARE(choice.protocol, std::string("ocpp1.6"));
        QCOMPARE(choice.echo, std::string("ocpp1.6"));
    }

    void subprotocolCaseInsensitiveEchoesClientSpelling() {
        const auto choice = chooseSubprotocol("OCPP1.6", {"ocpp1.6"});
        QVERIFY(choice.acceptable);
        QCOMPARE(choice.protocol, std::string("ocpp1.6"));
        QCOMPARE(choice.echo, std::string("OCPP1.6"));
    }

    void subprotocolAbsentMeansDefault() {
        for (const char* header : {"", "  "}) {
            const auto choice = chooseSubprotocol(header, {"ocpp1.6"});
            QVERIFY(choice.acceptable);
            QCOMPARE(choice.protocol, std::string("ocpp1.6"));
            QVERIFY(choice.echo.empty());
        }
    }

    void subprotocolOnlyUnsupportedRefused() {
        QVERIFY(!chooseSubprotocol("ocpp2.0.1", {"ocpp1.6"}).acceptable);
        QVERIFY(!chooseSubprotocol("ocpp1.6x, ,", {"ocpp1.6"}).acceptable);
    }

    void basicCredentialsParsed() {
        const auto plain = parseBasicAuthorization("Basic Q1AxOjAxMjM0NTY3ODlhYmNkZWY=");
        QVERIFY(plain.has_value());
        QCOMPARE(plain->username, std::string("CP1"));
        QCOMPARE(plain->password, std::string("0123456789abcdef"));
        // The password keeps every ':' after the first; the scheme is case-insensitive.
        const auto colons = parseBasicAuthorization("  basic   Q1AxOmE6Yjpj ");
        QVERIFY(colons.has_value());
        QCOMPARE(colons->password, std::string("a:b:c"));
        const auto empty = parseBasicAuthorization("BASIC Q1AxOg==");
        QVERIFY(empty.has_value());
        QCOMPARE(empty->username, std::string("CP1"));
        QVERIFY(empty->password.empty());
        // Padding may be left off.
        const auto unpadded = parseBasicAuthorization("Basic YWI6Yw");
        QVERIFY(unpadded.has_value());
        QCOMPARE(unpadded->password, std::string("c"));
    }

    void basicCredentialsMalformed_data() {
        QTest::addColumn<QString>("header");
        QTest::newRow("empty") << "";
        QTest::newRow("scheme only") << "Basic";
        QTest::newRow("other scheme") << "Bearer Q1AxOmE6Yjpj";
        QTest::newRow("no colon") << "Basic YQ==";
        QTest::newRow("bad alphabet") << "Basic Q1AxOm!6Yjpj";
        QTest::newRow("url-safe alphabet") << "Basic Q1AxOm_6Yjpj";
        QTest::newRow("padding inside") << "Basic Q1=xOmE6Yjpj";
        QTest::newRow("padding on wrong length") << "Basic YWI6Yw=";
        QTest::newRow("impossible length") << "Basic Q1AxO";
        QTest::newRow("two tokens") << "Basic Q1AxOmE6Yjpj Q1AxOmE6Yjpj";
    }
    void basicCredentialsMalformed() {
        QFETCH(QString, header);
        QVERIFY(!parseBasicAuthorization(header.toStdString()).has_value());
    }
};

QTEST_APPLESS_MAIN(TestWsUpgrade)
#include "tst_ws_upgrade.moc"
