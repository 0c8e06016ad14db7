// UTF-8 validity and hex digits: the rules the transport, the store and the topics share.
#include "contract/text_encoding.h"

#include <QTest>

using namespace voltdesk::contract;

class TestTextEncoding : public QObject {
    Q_OBJECT

private slots:
    void hexDigits() {
        QCOMPARE(hexDigitValue('0'), 0);
        QCOMPARE(hexDigitValue('9'), 9);
        QCOMPARE(hexDigitValue('a'), 10);
        QCOMPARE(hexDigitValue('F'), 15);
        QCOMPARE(hexDigitValue('g'), -1);
        QCOMPARE(hexDigitValue('%'), -1);
    }

    void wellFormed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("ascii") << QByteArray("CP-0042");
        QTest::newRow("two bytes") << QByteArray("Stra\xC3\x9F"
                                                 "e");
        QTest::newRow("three bytes (CJK)") << QByteArray("\xE5\x85\x85\xE7\x94\xB5");
        QTest::newRow("four bytes") << QByteArray("\xF0\x9F\x94\x8C");
        QTest::newRow("largest code point") << QByteArray("\xF4\x8F\xBF\xBF");
    }
    void wellFormed() {
        QFETCH(QByteArray, bytes);
        QVERIFY(isValidUtf8(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
    }

    void illFormed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone continuation") << QByteArray("\x80");
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF");
        QTest::newRow("overlong three") << QByteArray("\xE0\x80\xAF");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("truncated") << QByteArray("\xE5\x85");
        QTest::newRow("bad continuation") << QByteArray("\xE5\x41\x85");
        QTest::newRow("latin-1") << QByteArray("Stra\xDF"
                                               "e");
    }
    void illFormed() {
        QFETCH(QByteArray, bytes);
        QVERIFY(!isValidUtf8(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
    }

    void sequenceLengthAtAPosition() {
        const std::string_view s = "a\xC3\x9F\xE5\x85\x85\x80";
        QCOMPARE(utf8SequenceLength(s, 0), std::size_t{1});
        QCOMPARE(utf8SequenceLength(s, 1), std::size_t{2});
        QCOMPARE(utf8SequenceLength(s, 3), std::size_t{3});
        QCOMPARE(utf8SequenceLength(s, 6), std::size_t{0});
        QCOMPARE(utf8SequenceLength(s, 7), std::size_t{0}); // past the end
    }
};

QTEST_APPLESS_MAIN(TestTextEncoding)
#include "tst_text_encoding.moc"
