#include "staffmemberdialog.h"

#include "stafftablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

StaffMemberDialog::StaffMemberDialog(const QString &resetFor, QWidget *parent)
    : QDialog(parent)
    , m_resetFor(resetFor)
{
    setObjectName(QStringLiteral("staffMemberDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    if (resetFor.isEmpty()) {
        setWindowTitle(tr("New Staff Member"));
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("name"));
        m_name->setPlaceholderText(tr("lowercase letters, digits, _"));
        m_displayName = new QLineEdit(this);
        m_displayName->setObjectName(QStringLiteral("displayName"));
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("role"));
        for (const QString &role : CentralStaff::roles())
            m_role->addItem(StaffTableModel::roleLabel(role), role);
        form->addRow(tr("Sign-in name:"), m_name);
        form->addRow(tr("Display name:"), m_displayName);
        form->addRow(tr("Role:"), m_role);
    } else {
        setWindowTitle(tr("Reset Password of %1").arg(resetFor));
    }
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Password again:"), m_confirm);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_password, m_confirm}) {
        if (edit)
            connect(edit, &QLineEdit::textChanged, this, &StaffMemberDialog::validate);
    }
    validate();
    setMinimumWidth(420);
}

QString StaffMemberDialog::name() const
{
    return m_name ? m_name->text().trimmed() : m_resetFor;
}

QString StaffMemberDialog::displayName() const
{
    return m_displayName ? m_displayName->text().trimmed() : QString();
}

QString StaffMemberDialog::role() const
{
    return m_role ? m_role->currentData().toString() : QString();
}

QString StaffMemberDialog::password() const
{
    return m_password->text();
}

QString StaffMemberDialog::problem() const
{
    if (m_name) {
        static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9_]{1,62}$"));
        const QString n = name();
        if (n.isEmpty())
            return tr("Enter a sign-in name.");
        if (!valid.match(n).hasMatch() || n.startsWith(QLatin1String("pg_")) ||
            n.startsWith(QLatin1String("coulisse_")))
            return tr("A sign-in name has 2 to 63 lowercase letters, digits or _, starts with a "
                      "letter, and does not start with pg_ or coulisse_.");
    }
    if (m_password->text().size() < 8)
        return tr("The password needs at least 8 characters.");
    if (m_password->text() != m_confirm->text())
        return tr("The two passwords differ.");
    return {};
}

void StaffMemberDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}
