// mcp/jsonwriter.h: what it writes parses back (QJsonDocument) to the same values, for every
// character that needs escaping and for non-ASCII text; nesting and commas are right.
#include "mcp/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using kairos::mcp::JsonWriter;

class TestJsonWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stringsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << QStringLiteral("Design review");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\" \\ back\\");
        QTest::newRow("whitespace") << QStringLiteral("a\nb\rc\td\be\ff");
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        QTest::newRow("controls") << controls + QStringLiteral("\x7f");
        QTest::newRow("non-ascii") << QStringLiteral("Reunión 🗓 — 会議 \u2028 \u2029 é");
        QTest::newRow("instructions-looking") << QStringLiteral("\"}],\"isError\":true,\"x\":[{\"");
    }

    void stringsRoundTrip()
    {
        QFETCH(QString, text);
        QByteArray out;
        JsonWriter w(out);
        w.beginObject().field(QLatin1StringView("t"), text).endObject();
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QLatin1String("t")).toString(), text);
        QCOMPARE(doc.object().size(), 1);
    }

    void nestingAndCommas()
    {
        QByteArray out;
        JsonWriter w(out);
        w.beginObject()
            .field(QLatin1StringView("a"), 1)
            .field(QLatin1StringView("b"), true)
            .key(QLatin1StringView("list"))
            .beginArray()
            .beginObject()
            .field(QLatin1StringView("x"), QStringLiteral("1"))
            .endObject()
            .beginObject()
            .endObject()
            .value(qint64(1) << 40)
            .beginArray()
            .endArray()
            .endArray()
            .key(QLatin1StringView("raw"))
            .raw(QByteArrayLiteral("{\"k\":[null]}"))
            .field(QLatin1StringView("z"), false)
            .endObject();
        QCOMPARE(out,
            QByteArrayLiteral("{\"a\":1,\"b\":true,\"list\":[{\"x\":\"1\"},{},1099511627776,[]],"
                              "\"raw\":{\"k\":[null]},\"z\":false}"));
        QVERIFY(!QJsonDocument::fromJson(out).isNull());
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
