#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

/// Asks for a new staff account (name, display name, role, password twice) or, for
/// \a resetFor, a new password for that account. OK stays disabled until the entries are valid,
/// with the reason shown.
class StaffMemberDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a resetFor empty: a new account.
    explicit StaffMemberDialog(const QString &resetFor = {}, QWidget *parent = nullptr);

    QString name() const;
    QString displayName() const;
    QString role() const;
    QString password() const;

    /// Why the entries cannot be used yet, or empty.
    QString problem() const;

private:
    void validate();

    QString m_resetFor;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_displayName = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
