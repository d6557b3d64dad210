// kairos-fakeprovider --port N [--events N] [--latency MS] [--fault-rate R]
// Google Calendar v3 on 127.0.0.1:N (/calendar/v3/, token at /token) and Microsoft Graph on
// 127.0.0.1:N+1 (/v1.0/), seeded with a few calendars. See docs/sync.md.
#include "fakegoogleserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QTextStream>
#include <QTimeZone>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Fake Google Calendar and Microsoft Graph servers for Kairos."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("port"), QStringLiteral("Google port (Graph: port + 1)."),
        QStringLiteral("N"), QStringLiteral("8765") });
    p.addOption({ QStringLiteral("events"), QStringLiteral("Events per calendar."),
        QStringLiteral("N"), QStringLiteral("50") });
    p.addOption({ QStringLiteral("latency"), QStringLiteral("Injected latency (ms)."),
        QStringLiteral("MS"), QStringLiteral("0") });
    p.addOption({ QStringLiteral("fault-rate"), QStringLiteral("Random fault probability (0-1)."),
        QStringLiteral("R"), QStringLiteral("0") });
    p.process(app);
    const quint16 port = quint16(p.value(QStringLiteral("port")).toUInt());
    const int events = p.value(QStringLiteral("events")).toInt();

    kairos::fake::FakeGoogleServer google;
    kairos::fake::FakeGraphServer graph;
    if (!google.listen(port) || !graph.listen(quint16(port + 1))) {
        QTextStream(stderr) << "kairos-fakeprovider: cannot listen on 127.0.0.1:" << port << "/"
                            << port + 1 << "\n";
        return 1;
    }
    const QDateTime start(
        QDate::currentDate().addDays(-7), QTime(9, 0), QTimeZone("Europe/Madrid"));
    google.addCalendar(
        QStringLiteral("primary"), QStringLiteral("Work (fake Google)"), QStringLiteral("#039be5"));
    google.addCalendar(QStringLiteral("family"), QStringLiteral("Family (fake Google)"),
        QStringLiteral("#33b679"));
    google.addCalendar(QStringLiteral("holidays"), QStringLiteral("Holidays (read-only)"),
        QStringLiteral("#e67c73"), QStringLiteral("reader"));
    google.seed(QStringLiteral("primary"), events, start);
    google.seed(QStringLiteral("family"), events / 2, start.addSecs(1800));
    google.putEvent(QStringLiteral("primary"),
        QJsonObject { { QStringLiteral("summary"), QStringLiteral("Weekly stand-up") },
            { QStringLiteral("start"),
                QJsonObject {
                    { QStringLiteral("dateTime"), start.addSecs(3600).toString(Qt::ISODate) },
                    { QStringLiteral("timeZone"), QStringLiteral("Europe/Madrid") } } },
            { QStringLiteral("end"),
                QJsonObject {
                    { QStringLiteral("dateTime"), start.addSecs(5400).toString(Qt::ISODate) },
                    { QStringLiteral("timeZone"), QStringLiteral("Europe/Madrid") } } },
            { QStringLiteral("recurrence"),
                QJsonArray { QStringLiteral("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR") } } });
    graph.addCalendar(QStringLiteral("AAMkcal1"), QStringLiteral("Calendar (fake Outlook)"),
        QStringLiteral("#e3008c"), true, true);
    graph.seed(QStringLiteral("AAMkcal1"), events, start.addSecs(7200));
    for (kairos::fake::FakeProviderBase *s :
        { static_cast<kairos::fake::FakeProviderBase *>(&google),
            static_cast<kairos::fake::FakeProviderBase *>(&graph) }) {
        s->setLatencyMs(p.value(QStringLiteral("latency")).toInt());
        kairos::fake::RandomFaults f;
        f.rate = p.value(QStringLiteral("fault-rate")).toDouble();
        s->setRandomFaults(f);
    }
    QTextStream out(stdout);
    out << "Google:    KAIROS_GOOGLE_API_BASE=" << google.apiBase().toString() << "  token "
        << google.tokenUrl().toString() << "  access token " << google.accessToken() << "\n"
        << "Microsoft: KAIROS_MICROSOFT_API_BASE=" << graph.apiBase().toString() << "  token "
        << graph.tokenUrl().toString() << "  access token " << graph.accessToken() << "\n"
        << "refresh token for both: " << google.refreshToken() << "\n";
    out.flush();
    return app.exec();
}
