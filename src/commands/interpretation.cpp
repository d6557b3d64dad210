#include "commands/interpretation.h"

#include "commands/phraseparser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kairos::commands {

QString intentName(Intent intent)
{
    switch (intent) {
    case Intent::Schedule:
        return QStringLiteral("schedule");
    case Intent::Agenda:
        return QStringLiteral("agenda");
    case Intent::Availability:
        return QStringLiteral("availability");
    case Intent::Help:
        return QStringLiteral("help");
    case Intent::None:
        break;
    }
    return QStringLiteral("none");
}

namespace {

QList<std::pair<QString, QJsonValue>> orderedFields(const Interpretation &i)
{
    QList<std::pair<QString, QJsonValue>> f;
    f.append({ QStringLiteral("intent"), intentName(i.intent) });
    if (i.intent == Intent::Schedule && i.suggestion)
        f.append({ QStringLiteral("mode"), QStringLiteral("suggest") });
    const bool withDuration = i.intent == Intent::Schedule || i.intent == Intent::Availability;
    if (i.intent == Intent::Schedule)
        f.append({ QStringLiteral("title"), i.title });
    if (i.hasTime()) {
        f.append({ QStringLiteral("start"), isoWithOffset(i.start) });
        f.append({ QStringLiteral("end"), isoWithOffset(i.end) });
    }
    if (withDuration)
        f.append({ QStringLiteral("duration_minutes"), i.durationMinutes });
    if (i.hasWindow()) {
        QJsonObject w { { QStringLiteral("start"), isoWithOffset(i.windowStart) },
            { QStringLiteral("end"), isoWithOffset(i.windowEnd) } };
        f.append({ QStringLiteral("window"), w });
    }
    if (withDuration)
        f.append({ QStringLiteral("participants"), QJsonArray::fromStringList(i.participants) });
    f.append({ QStringLiteral("language"), languageCode(i.language) });
    if (!i.warnings.isEmpty())
        f.append({ QStringLiteral("warnings"), QJsonArray::fromStringList(i.warnings) });
    if (i.alternativeStart.isValid()) {
        QJsonObject a { { QStringLiteral("start"), isoWithOffset(i.alternativeStart) },
            { QStringLiteral("end"), isoWithOffset(i.alternativeEnd) } };
        f.append({ QStringLiteral("alternative"), a });
    }
    f.append({ QStringLiteral("rule"), i.rule });
    return f;
}

} // namespace

QJsonObject Interpretation::toJsonObject() const
{
    QJsonObject o;
    for (const auto &[k, v] : orderedFields(*this))
        o.insert(k, v);
    return o;
}

QByteArray Interpretation::toJson() const
{
    // QJsonObject sorts its keys; the documented order is easier to read, so write it by hand.
    QByteArray out = "{";
    bool first = true;
    for (const auto &[k, v] : orderedFields(*this)) {
        if (!first)
            out += ", ";
        first = false;
        QByteArray value;
        if (v.isObject()) {
            // The window and the alternative: "start" before "end".
            const QJsonObject w = v.toObject();
            value = "{\"start\": \"" + w.value(QStringLiteral("start")).toString().toUtf8()
                + "\", \"end\": \"" + w.value(QStringLiteral("end")).toString().toUtf8() + "\"}";
        } else {
            value = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
            value = value.mid(1, value.size() - 2);
        }
        out += '"' + k.toUtf8() + "\": " + value;
    }
    out += '}';
    return out;
}

} // namespace kairos::commands
