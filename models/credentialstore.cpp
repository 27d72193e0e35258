#include "credentialstore.h"

#include <qt6keychain/keychain.h>

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(QStringLiteral("Coulisse"), parent)
{}

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    if (qEnvironmentVariableIntValue("COULISSE_NO_KEYCHAIN") != 0) {
        m_available = false;
        m_reason = tr("The keychain is turned off (COULISSE_NO_KEYCHAIN).");
    }
}

QString CredentialStore::key(const QString &user, const QString &conninfo)
{
    return user + QLatin1Char('@') + conninfo;
}

bool CredentialStore::noteFailure(int error, const QString &message)
{
    // EntryNotFound is an answer, not a failure of the keychain; the rest means that there is
    // none to use (no secret service on the session bus, access refused, no backend).
    if (error == QKeychain::EntryNotFound)
        return false;
    const bool wasAvailable = m_available;
    m_available = false;
    m_reason = message.isEmpty() || message == QLatin1String("Unknown error")
                   ? tr("No keychain is available on this computer.")
                   : tr("No keychain is available: %1").arg(message);
    if (wasAvailable)
        emit availabilityChanged(false);
    return true;
}

void CredentialStore::readPassword(const QString &key)
{
    if (m_session.contains(key) || !m_available) {
        const QString password = m_session.value(key);
        const QString error = m_session.contains(key) ? QString() : m_reason;
        // Asynchronous like a keychain answer: callers connect after calling.
        QMetaObject::invokeMethod(
            this, [this, key, password, error] { emit passwordRead(key, password, error); },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError) {
            emit passwordRead(key, read->textData(), {});
            return;
        }
        const bool missing = noteFailure(read->error(), read->errorString());
        emit passwordRead(key, {}, missing ? m_reason : tr("No password is remembered."));
    });
    job->start();
}

void CredentialStore::writePassword(const QString &key, const QString &password)
{
    if (!m_available) {
        keepForSession(key, password);
        QMetaObject::invokeMethod(
            this, [this, key] { emit passwordWritten(key, m_reason); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(password);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, key, password](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            m_session.remove(key);
            emit passwordWritten(key, {});
            return;
        }
        noteFailure(j->error(), j->errorString());
        keepForSession(key, password);
        emit passwordWritten(key, m_reason);
    });
    job->start();
}

void CredentialStore::removePassword(const QString &key)
{
    m_session.remove(key);
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    job->setAutoDelete(true);
    job->start();
}

void CredentialStore::checkAvailability()
{
    if (m_checked || !m_available)
        return;
    m_checked = true;
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(QStringLiteral("availability-check"));
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            noteFailure(j->error(), j->errorString());
    });
    job->start();
}

void CredentialStore::keepForSession(const QString &key, const QString &password)
{
    m_session.insert(key, password);
}
