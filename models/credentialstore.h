#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

/// Remembered passwords in the OS keychain (QtKeychain: Secret Service or KWallet, macOS
/// Keychain, Windows Credential Manager), never in settings files (security.md).
///
/// Keychain calls are asynchronous; each ends with one signal. Where there is no keychain
/// (headless, no secret service) QtKeychain fails at once: the store then says so
/// (isAvailable() false, unavailableReason()) and keeps passwords in memory for the session
/// only. COULISSE_NO_KEYCHAIN=1 in the environment behaves as if there were none (tests).
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    explicit CredentialStore(QObject *parent = nullptr);
    /// \a service names the keychain entries' owner (default "Coulisse").
    explicit CredentialStore(const QString &service, QObject *parent = nullptr);

    /// The key of a password: the user and the connection string without a password.
    static QString key(const QString &user, const QString &conninfo);

    /// False once a keychain call failed for want of a keychain (or when disabled).
    bool isAvailable() const { return m_available; }
    /// Why passwords are not remembered, for people.
    QString unavailableReason() const { return m_reason; }

    /// Reads the password of \a key: passwordRead(key, password, error), with an empty error
    /// when found. A password kept for the session is answered without the keychain.
    void readPassword(const QString &key);
    /// Stores \a password under \a key: passwordWritten(key, error). Without a keychain the
    /// password is kept for the session and the error says so.
    void writePassword(const QString &key, const QString &password);
    /// Forgets the password of \a key, in the keychain and in the session.
    void removePassword(const QString &key);
    /// Keeps \a password for this session only (no keychain).
    void keepForSession(const QString &key, const QString &password);
    /// Asks the keychain once whether it is there (a read of an entry that does not exist);
    /// availabilityChanged(false) follows when it is not.
    void checkAvailability();

signals:
    void passwordRead(const QString &key, const QString &password, const QString &error);
    void passwordWritten(const QString &key, const QString &error);
    /// The keychain turned out to be missing (isAvailable() went false).
    void availabilityChanged(bool available);

private:
    /// Records a failure; true when it means there is no keychain at all.
    bool noteFailure(int error, const QString &message);

    QString m_service;
    bool m_available = true;
    bool m_checked = false;
    QString m_reason;
    QHash<QString, QString> m_session;
};
