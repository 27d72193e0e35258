#pragma once

#include <QDialog>
#include <QMap>

class CredentialStore;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

/// Signing in to the central store: the server as host / port / database or as a libpq URL,
/// the user, the password, the TLS mode (libpq sslmode) and "Remember password", which keeps
/// the password in the OS keychain (CredentialStore), never in the settings. Where there is no
/// keychain the dialog says that the password is kept for this session only.
///
/// accept() validates the connection string with libpq's parser, saves the non-secret fields
/// in the settings (Preferences::signIn*) and stores or forgets the password in the keychain.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(CredentialStore *credentials, QWidget *parent = nullptr);

    /// A line above the fields, e.g. why the user is asked again.
    void setMessage(const QString &text);

    /// After accept(): the connection string without the password, the password, the user.
    QString conninfo() const { return m_conninfo; }
    QString password() const { return m_password; }
    QString user() const { return m_user; }
    bool rememberPassword() const;

    /// Checks the fields and builds conninfo()/password(); false with \a error set.
    bool validate(QString *error);

    /// A key=value connection string of \a params (libpq quoting), host, port, dbname, user
    /// and sslmode first.
    static QString conninfoOf(const QMap<QString, QString> &params);
    /// libpq's sslmode values, weakest first.
    static QStringList tlsModes();

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void load();
    void updateMode();
    void updateKeychainNote();
    void takeFromUrl();
    void readRememberedPassword();

    CredentialStore *m_credentials;
    QLabel *m_message = nullptr;
    QFormLayout *m_form = nullptr;
    QRadioButton *m_useFields = nullptr;
    QRadioButton *m_useUrl = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_host = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLineEdit *m_database = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_tlsLabel = nullptr;
    QComboBox *m_tls = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_conninfo;
    QString m_password;
    QString m_user;
    bool m_passwordTouched = false;
};
