#pragma once

#include <QAbstractTableModel>
#include <QBrush>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

/// The changes that wait for the user's decision: outbox operations central refused
/// (rejected) or found overtaken by someone else's edit (conflict), newest first. Small by
/// nature, so reload() reads them all; names of the videos, games and tags they touch are
/// looked up there, never in data().
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, ChangeColumn, StateColumn, ReasonColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole, ///< op_id
        StateRole,             ///< "rejected" or "conflict"
        KindRole,              ///< video_tags, tag_update, …
        PayloadRole,           ///< the operation (QJsonObject)
        CurrentRole,           ///< for a conflict, central's row (QJsonObject)
        EditableFieldsRole     ///< for a conflict, the fields the operation changes (QStringList)
    };

    struct Entry
    {
        QString opId;
        QString kind;
        QString state;
        QJsonObject payload;
        QJsonObject current; ///< central's row, for a conflict
        QString error;       ///< central's refusal, for a rejected operation
        qint64 updatedAt = 0;
        QString when;
        QString change;
        QString reason;
    };

    explicit OutboxModel(QObject *parent = nullptr);

    /// Reads the rejected and conflicting operations of \a db (the cache). False with
    /// errorString() set; the model is then empty.
    bool reload(const QSqlDatabase &db);
    QString errorString() const { return m_error; }

    const Entry &entry(int row) const { return m_entries.at(row); }
    int rowOf(const QString &opId) const;
    int rejectedCount() const { return m_rejected; }
    int conflictCount() const { return m_conflicts; }

    /// The fields of a tag or game edit, in a stable order, without the id.
    static QStringList editedFields(const QJsonObject &payload);
    /// "name", "English name": the label of a field for people.
    static QString fieldLabel(const QString &field);
    /// A JSON value for people: arrays joined with commas, null as "—".
    static QString valueText(const QJsonValue &value);
    /// The value of \a field for people: also statuses by their label.
    static QString fieldValueText(const QString &field, const QJsonValue &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
    QString m_error;
    int m_rejected = 0;
    int m_conflicts = 0;
    QBrush m_rejectedBrush;
    QBrush m_conflictBrush;
};
