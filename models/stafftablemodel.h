#pragma once

#include "centralstaff.h"

#include <QAbstractTableModel>
#include <QHash>

/// Staff accounts as a table (as CentralStaff::list() read them).
class StaffTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        DisplayNameColumn,
        RoleColumn,
        GamesColumn,
        ActiveColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role { NameRole = Qt::UserRole + 1, ActiveRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setMembers(const QList<CentralStaff::Member> &members);
    /// Game names for the Games column (id -> name); unknown ids show as numbers.
    void setGameNames(const QHash<qint64, QString> &names);
    const CentralStaff::Member &member(int row) const { return m_members.at(row); }
    int rowOf(const QString &name) const;
    static QString roleLabel(const QString &role);
    void relabel();

private:
    QList<CentralStaff::Member> m_members;
    QHash<qint64, QString> m_gameNames;
};

/// The approval policy as a table: one row per kind of change, a checkable column per role
/// (its changes of that kind need a supervisor). Checking a box does not change the model:
/// it asks for the change (changeRequested), and the policy is read again once it is made.
class ApprovalPolicyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        KindColumn,
        EditorColumn,
        SupervisorColumn,
        PmColumn,
        AdminColumn,
        UpdatedColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRules(const QList<CentralStaff::PolicyRule> &rules);
    /// Whether \a role's changes of \a kind need review; false when unknown.
    bool requiresReview(const QString &kind, const QString &role) const;
    static QString kindLabel(const QString &kind);
    void relabel();

signals:
    void changeRequested(const QString &kind, const QString &role, bool requiresReview);

private:
    const CentralStaff::PolicyRule *rule(const QString &kind, const QString &role) const;
    /// The role of a rule column: editor, supervisor or admin.
    static QString roleOf(int column);
    static bool isRoleColumn(int column);

    QStringList m_kinds;
    QList<CentralStaff::PolicyRule> m_rules;
};
