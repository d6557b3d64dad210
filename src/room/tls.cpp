#include "room/tls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace kairos::room {

Expected<QSslConfiguration> loadServerTls(const QString &certPath, const QString &keyPath)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return makeError(
            Error::Code::NotFound, certPath + QStringLiteral(": ") + certFile.errorString());
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(
            Error::Code::NotFound, keyPath + QStringLiteral(": ") + keyFile.errorString());
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty())
        return makeError(
            Error::Code::InvalidInput, certPath + QStringLiteral(": no PEM certificate in it"));
    if (key.isNull())
        return makeError(Error::Code::InvalidInput,
            keyPath + QStringLiteral(": no PEM RSA or EC private key in it"));
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    return c;
}

} // namespace kairos::room
