#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

class QLabel;
class QWidget;

/// Edits the values of a conflicting tag or game change before it is sent again: one row per
/// field the change touches, with the user's value to edit and central's current value beside
/// it (a button copies it over).
class ConflictEditDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a mine: the operation's payload; \a theirs: central's row; \a fields: those to edit.
    ConflictEditDialog(const QString &change, const QJsonObject &mine, const QJsonObject &theirs,
                       const QStringList &fields, QWidget *parent = nullptr);

    /// The edited fields as the operation carries them (aliases an array, released a number).
    QJsonObject values() const;
    /// The editor of \a field (tests).
    QWidget *editor(const QString &field) const { return m_editors.value(field); }

private:
    void setValue(const QString &field, const QJsonValue &value);

    QStringList m_fields;
    QHash<QString, QWidget *> m_editors;
};
