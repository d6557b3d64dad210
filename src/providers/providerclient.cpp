#include "providers/providerclient.h"
#include "core/futures.h"

namespace kairos {

ProviderClient::ProviderClient(AuthorizedClient &client, QString accountId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_accountId(std::move(accountId))
{ }

void ProviderClient::send(ApiRequest request, std::function<void(Expected<ApiResponse>)> cb)
{
    ++m_requests;
    QPointer<ProviderClient> self(this);
    onFinished(m_client.send(m_accountId, std::move(request)), &m_client,
        [self, cb = std::move(cb)](const Expected<ApiResponse> &r) {
            if (self)
                cb(r);
        });
}

Error ProviderClient::httpError(const ApiResponse &r)
{
    const QString detail
        = QStringLiteral("HTTP %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
    switch (r.status) {
    case 412:
        return makeError(Error::Code::Conflict, detail);
    case 409:
        return makeError(Error::Code::Conflict, QStringLiteral("duplicate"));
    case 404:
    case 410:
        return makeError(Error::Code::NotFound, detail);
    case 401:
        return makeError(Error::Code::Unauthorised, detail);
    case 403:
    case 429:
        return makeError(Error::Code::RateLimited, detail);
    default:
        break;
    }
    if (r.status >= 500)
        return makeError(Error::Code::ServerError, detail);
    return makeError(Error::Code::ProtocolError, detail);
}

} // namespace kairos
