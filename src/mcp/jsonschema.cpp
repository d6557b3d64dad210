#include "mcp/jsonschema.h"

#include <QJsonArray>

#include <cmath>

namespace kairos::mcp {

namespace {

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("null"))
        return v.isNull();
    if (type == QLatin1String("number"))
        return v.isDouble();
    if (type == QLatin1String("integer")) {
        if (!v.isDouble())
            return false;
        const double d = v.toDouble();
        return std::isfinite(d) && std::floor(d) == d;
    }
    return true;
}

QString describe(const QString &type)
{
    if (type == QLatin1String("integer"))
        return QStringLiteral("an integer");
    if (type == QLatin1String("object") || type == QLatin1String("array"))
        return QStringLiteral("an ") + type;
    return QStringLiteral("a ") + type;
}

QString at(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("arguments") : path;
}

QString child(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace

QString validateJson(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    const QJsonValue type = schema.value(QLatin1String("type"));
    if (type.isString() && !hasType(value, type.toString()))
        return at(path) + QStringLiteral(": expected ") + describe(type.toString());
    if (type.isArray()) {
        bool ok = false;
        QStringList names;
        for (const QJsonValue &t : type.toArray()) {
            ok = ok || hasType(value, t.toString());
            names << describe(t.toString());
        }
        if (!ok)
            return at(path) + QStringLiteral(": expected ") + names.join(QStringLiteral(" or "));
    }
    if (schema.contains(QLatin1String("enum"))) {
        const QJsonArray allowed = schema.value(QLatin1String("enum")).toArray();
        if (!allowed.contains(value)) {
            QStringList names;
            for (const QJsonValue &a : allowed)
                names << QLatin1Char('"') + a.toString() + QLatin1Char('"');
            return at(path) + QStringLiteral(": must be one of ")
                + names.join(QStringLiteral(", "));
        }
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(QLatin1String("minimum"))
            && d < schema.value(QLatin1String("minimum")).toDouble())
            return at(path) + QStringLiteral(": must be at least ")
                + QString::number(schema.value(QLatin1String("minimum")).toDouble());
        if (schema.contains(QLatin1String("maximum"))
            && d > schema.value(QLatin1String("maximum")).toDouble())
            return at(path) + QStringLiteral(": must be at most ")
                + QString::number(schema.value(QLatin1String("maximum")).toDouble());
    }
    if (value.isString() && schema.contains(QLatin1String("minLength"))
        && value.toString().size() < schema.value(QLatin1String("minLength")).toInt())
        return at(path) + QStringLiteral(": must not be empty");
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (schema.contains(QLatin1String("minItems"))
            && a.size() < schema.value(QLatin1String("minItems")).toInt())
            return at(path)
                + QStringLiteral(": needs at least %1 item(s)")
                      .arg(schema.value(QLatin1String("minItems")).toInt());
        if (schema.contains(QLatin1String("maxItems"))
            && a.size() > schema.value(QLatin1String("maxItems")).toInt())
            return at(path)
                + QStringLiteral(": at most %1 item(s)")
                      .arg(schema.value(QLatin1String("maxItems")).toInt());
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        if (!items.isEmpty()) {
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QString p = at(path) + QStringLiteral("[%1]").arg(i);
                if (QString e = validateJson(a.at(i), items, p); !e.isEmpty())
                    return e;
            }
        }
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const QJsonObject props = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue &r : schema.value(QLatin1String("required")).toArray()) {
            if (!o.contains(r.toString()))
                return child(path, r.toString()) + QStringLiteral(": is required");
        }
        const bool closed
            = schema.value(QLatin1String("additionalProperties")) == QJsonValue(false);
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!props.contains(it.key())) {
                if (closed)
                    return child(path, it.key()) + QStringLiteral(": unknown field");
                continue;
            }
            if (QString e
                = validateJson(it.value(), props.value(it.key()).toObject(), child(path, it.key()));
                !e.isEmpty())
                return e;
        }
    }
    return {};
}

} // namespace kairos::mcp
