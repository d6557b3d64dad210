#pragma once

#include "core/jsonstring.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

namespace kairos::mcp {

//! \brief Writes compact JSON text straight into a QByteArray.
//!
//! For large results (a month of events): building a QJsonObject tree and serialising it costs
//! about as much as everything else list_events does. Strings go through appendJsonString()
//! (core/jsonstring.h). Keys are
//! written as given (callers pass plain ASCII names). The caller keeps begin/end balanced;
//! commas are placed here.
class JsonWriter {
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    { }

    JsonWriter &beginObject()
    {
        separate();
        m_out += '{';
        m_first = true;
        return *this;
    }
    JsonWriter &endObject()
    {
        m_out += '}';
        m_first = false;
        return *this;
    }
    JsonWriter &beginArray()
    {
        separate();
        m_out += '[';
        m_first = true;
        return *this;
    }
    JsonWriter &endArray()
    {
        m_out += ']';
        m_first = false;
        return *this;
    }
    //! The next value is this key's.
    JsonWriter &key(QLatin1StringView name)
    {
        separate();
        m_out += '"';
        m_out.append(name.data(), name.size());
        m_out += "\":";
        m_afterKey = true;
        return *this;
    }
    JsonWriter &value(const QString &s)
    {
        separate();
        appendJsonString(m_out, s);
        return *this;
    }
    JsonWriter &value(bool b)
    {
        separate();
        m_out += b ? "true" : "false";
        return *this;
    }
    JsonWriter &value(qint64 n)
    {
        separate();
        m_out += QByteArray::number(n);
        return *this;
    }
    JsonWriter &value(int n) { return value(qint64(n)); }
    //! Already-encoded JSON (a value).
    JsonWriter &raw(const QByteArray &json)
    {
        separate();
        m_out += json;
        return *this;
    }
    template <typename T> JsonWriter &field(QLatin1StringView name, const T &v)
    {
        key(name);
        return value(v);
    }

private:
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first)
            m_out += ',';
        m_first = false;
    }

    QByteArray &m_out;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace kairos::mcp
