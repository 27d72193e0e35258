#include "signindialog.h"

#include "centralconnection.h"
#include "credentialstore.h"
#include "preferences.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QString libpqValue(const QString &value)
{
    static const QString plain =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@,+%");
    bool needsQuotes = value.isEmpty();
    for (const QChar c : value)
        needsQuotes = needsQuotes || !plain.contains(c);
    if (!needsQuotes)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

SignInDialog::SignInDialog(CredentialStore *credentials, QWidget *parent)
    : QDialog(parent)
    , m_credentials(credentials)
{
    setObjectName(QStringLiteral("SignInDialog"));
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_message->hide();
    layout->addWidget(m_message);

    m_form = new QFormLayout;
    auto *modes = new QHBoxLayout;
    m_useFields = new QRadioButton(this);
    m_useFields->setObjectName(QStringLiteral("useFields"));
    m_useUrl = new QRadioButton(this);
    m_useUrl->setObjectName(QStringLiteral("useUrl"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_useFields);
    group->addButton(m_useUrl);
    modes->addWidget(m_useFields);
    modes->addWidget(m_useUrl);
    modes->addStretch();
    m_form->addRow(modes);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_hostLabel = new QLabel(this);
    m_form->addRow(m_hostLabel, m_host);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setGroupSeparatorShown(false);
    m_portLabel = new QLabel(this);
    m_form->addRow(m_portLabel, m_port);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("database"));
    m_databaseLabel = new QLabel(this);
    m_form->addRow(m_databaseLabel, m_database);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setMinimumWidth(380);
    m_urlLabel = new QLabel(this);
    m_form->addRow(m_urlLabel, m_url);

    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("user"));
    m_userLabel = new QLabel(this);
    m_form->addRow(m_userLabel, m_userEdit);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordLabel = new QLabel(this);
    m_form->addRow(m_passwordLabel, m_passwordEdit);
    m_tls = new QComboBox(this);
    m_tls->setObjectName(QStringLiteral("tlsMode"));
    for (const QString &mode : tlsModes())
        m_tls->addItem(QString(), mode);
    m_tlsLabel = new QLabel(this);
    m_form->addRow(m_tlsLabel, m_tls);
    m_remember = new QCheckBox(this);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_form->addRow(QString(), m_remember);
    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_form->addRow(QString(), m_keychainNote);
    layout->addLayout(m_form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_useUrl, &QRadioButton::toggled, this, &SignInDialog::updateMode);
    connect(m_url, &QLineEdit::editingFinished, this, &SignInDialog::takeFromUrl);
    connect(m_passwordEdit, &QLineEdit::textEdited, this, [this] { m_passwordTouched = true; });
    connect(m_credentials, &CredentialStore::availabilityChanged, this,
            &SignInDialog::updateKeychainNote);
    connect(m_credentials, &CredentialStore::passwordRead, this,
            [this](const QString &key, const QString &password, const QString &) {
                if (m_passwordTouched || password.isEmpty() ||
                    key != CredentialStore::key(Preferences::signInUser().value(),
                                                Preferences::signInConninfo().value()))
                    return;
                m_passwordEdit->setText(password);
            });

    load();
    retranslate();
    m_credentials->checkAvailability();
    readRememberedPassword();
}

QStringList SignInDialog::tlsModes()
{
    return {QStringLiteral("disable"), QStringLiteral("prefer"), QStringLiteral("require"),
            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
}

QString SignInDialog::conninfoOf(const QMap<QString, QString> &params)
{
    QStringList parts;
    const QStringList first = {QStringLiteral("host"), QStringLiteral("port"),
                               QStringLiteral("dbname"), QStringLiteral("user"),
                               QStringLiteral("sslmode")};
    for (const QString &key : first) {
        if (params.contains(key))
            parts.append(key + QLatin1Char('=') + libpqValue(params.value(key)));
    }
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (!first.contains(it.key()))
            parts.append(it.key() + QLatin1Char('=') + libpqValue(it.value()));
    }
    return parts.join(QLatin1Char(' '));
}

void SignInDialog::load()
{
    const bool url = Preferences::signInUsesUrl().value();
    (url ? m_useUrl : m_useFields)->setChecked(true);
    m_url->setText(Preferences::signInUrl().value());
    m_host->setText(Preferences::signInHost().value());
    m_port->setValue(Preferences::signInPort().value());
    m_database->setText(Preferences::signInDatabase().value());
    m_userEdit->setText(Preferences::signInUser().value());
    const int tls = m_tls->findData(Preferences::signInTlsMode().value());
    m_tls->setCurrentIndex(tls >= 0 ? tls : 1);
    m_remember->setChecked(Preferences::rememberPassword().value());
    updateMode();
    updateKeychainNote();
}

void SignInDialog::readRememberedPassword()
{
    const QString conninfo = Preferences::signInConninfo().value();
    if (conninfo.isEmpty() || !Preferences::rememberPassword().value())
        return;
    m_credentials->readPassword(CredentialStore::key(Preferences::signInUser().value(), conninfo));
}

void SignInDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool SignInDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

void SignInDialog::updateMode()
{
    const bool url = m_useUrl->isChecked();
    m_form->setRowVisible(m_host, !url);
    m_form->setRowVisible(m_port, !url);
    m_form->setRowVisible(m_database, !url);
    m_form->setRowVisible(m_url, url);
    (url ? m_url : m_host)->setFocus();
}

void SignInDialog::updateKeychainNote()
{
    const bool available = m_credentials->isAvailable();
    // Without a keychain there is nowhere safe to remember it.
    m_remember->setEnabled(available);
    if (!available)
        m_remember->setChecked(false);
    m_keychainNote->setText(
        available ? tr("The password is kept in the system keychain, never in a settings file.")
                  : tr("%1 The password is kept only until Coulisse quits.")
                        .arg(m_credentials->unavailableReason()));
}

void SignInDialog::takeFromUrl()
{
    // What the URL says about the user and TLS shows in their fields (which then win).
    QMap<QString, QString> params;
    QString error;
    if (m_url->text().trimmed().isEmpty() ||
        !CentralConnection::parse(m_url->text().trimmed(), &params, &error))
        return;
    if (params.contains(QStringLiteral("user")))
        m_userEdit->setText(params.value(QStringLiteral("user")));
    const int tls = m_tls->findData(params.value(QStringLiteral("sslmode")));
    if (tls >= 0)
        m_tls->setCurrentIndex(tls);
}

bool SignInDialog::validate(QString *error)
{
    QMap<QString, QString> params;
    if (m_useUrl->isChecked()) {
        const QString url = m_url->text().trimmed();
        if (url.isEmpty()) {
            *error = tr("Enter the address of the central store.");
            return false;
        }
        if (!CentralConnection::parse(url, &params, error))
            return false;
    } else {
        const QString host = m_host->text().trimmed();
        const QString database = m_database->text().trimmed();
        if (host.isEmpty()) {
            *error = tr("Enter the host name of the central store.");
            return false;
        }
        if (database.isEmpty()) {
            *error = tr("Enter the name of the database.");
            return false;
        }
        params.insert(QStringLiteral("host"), host);
        params.insert(QStringLiteral("port"), QString::number(m_port->value()));
        params.insert(QStringLiteral("dbname"), database);
    }
    const QString user = m_userEdit->text().trimmed();
    if (!user.isEmpty())
        params.insert(QStringLiteral("user"), user);
    if (params.value(QStringLiteral("user")).isEmpty()) {
        *error = tr("Enter your user name.");
        return false;
    }
    params.insert(QStringLiteral("sslmode"), m_tls->currentData().toString());
    // A password written into the URL is used, but never saved with it.
    const QString urlPassword = params.take(QStringLiteral("password"));
    const QString conninfo = conninfoOf(params);
    QMap<QString, QString> check;
    if (!CentralConnection::parse(conninfo, &check, error))
        return false;
    m_conninfo = conninfo;
    m_user = params.value(QStringLiteral("user"));
    m_password = m_passwordEdit->text().isEmpty() ? urlPassword : m_passwordEdit->text();
    return true;
}

void SignInDialog::accept()
{
    QString error;
    if (!validate(&error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_error->hide();
    const QString previousKey = CredentialStore::key(Preferences::signInUser().value(),
                                                     Preferences::signInConninfo().value());
    const bool url = m_useUrl->isChecked();
    Preferences::signInUsesUrl().setValue(url);
    if (url) {
        // Keep what was typed, unless it holds a password.
        QMap<QString, QString> params;
        CentralConnection::parse(m_url->text().trimmed(), &params, &error);
        Preferences::signInUrl().setValue(
            params.contains(QStringLiteral("password")) ? m_conninfo : m_url->text().trimmed());
    } else {
        Preferences::signInHost().setValue(m_host->text().trimmed());
        Preferences::signInPort().setValue(m_port->value());
        Preferences::signInDatabase().setValue(m_database->text().trimmed());
    }
    Preferences::signInUser().setValue(m_user);
    Preferences::signInTlsMode().setValue(m_tls->currentData().toString());
    Preferences::signInConninfo().setValue(m_conninfo);
    Preferences::rememberPassword().setValue(m_remember->isChecked());
    const QString key = CredentialStore::key(m_user, m_conninfo);
    if (previousKey != key)
        m_credentials->removePassword(previousKey);
    if (m_remember->isChecked() && !m_password.isEmpty())
        m_credentials->writePassword(key, m_password);
    else
        m_credentials->removePassword(key);
    QDialog::accept();
}

void SignInDialog::retranslate()
{
    setWindowTitle(tr("Sign In to the Central Store"));
    m_useFields->setText(tr("Host and database"));
    m_useUrl->setText(tr("Connection URL"));
    m_hostLabel->setText(tr("&Host:"));
    m_hostLabel->setBuddy(m_host);
    m_host->setPlaceholderText(tr("db.example.com"));
    m_portLabel->setText(tr("P&ort:"));
    m_portLabel->setBuddy(m_port);
    m_databaseLabel->setText(tr("&Database:"));
    m_databaseLabel->setBuddy(m_database);
    m_urlLabel->setText(tr("&URL:"));
    m_urlLabel->setBuddy(m_url);
    m_url->setPlaceholderText(tr("postgresql://db.example.com:5432/coulisse"));
    m_url->setToolTip(tr("A libpq URL or key=value connection string"));
    m_userLabel->setText(tr("U&ser:"));
    m_userLabel->setBuddy(m_userEdit);
    m_passwordLabel->setText(tr("&Password:"));
    m_passwordLabel->setBuddy(m_passwordEdit);
    m_tlsLabel->setText(tr("&TLS:"));
    m_tlsLabel->setBuddy(m_tls);
    const QStringList labels = {
        tr("Disable: no encryption"), tr("Prefer: encrypt when the server can"),
        tr("Require: always encrypt"), tr("Verify CA: encrypt, check the certificate"),
        tr("Verify full: encrypt, check the certificate and the host name")};
    for (int i = 0; i < m_tls->count(); ++i)
        m_tls->setItemText(i, labels.value(i));
    m_remember->setText(tr("&Remember password"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign In"));
    updateKeychainNote();
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}
