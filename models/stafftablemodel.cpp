#include "stafftablemodel.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

int StaffTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int StaffTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StaffTableModel::roleLabel(const QString &role)
{
    if (role == QLatin1String("editor"))
        return tr("Editor");
    if (role == QLatin1String("supervisor"))
        return tr("Supervisor");
    if (role == QLatin1String("pm"))
        return tr("Product manager");
    if (role == QLatin1String("admin"))
        return tr("Administrator");
    return role;
}

QVariant StaffTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CentralStaff::Member &m = m_members.at(index.row());
    if (role == NameRole)
        return m.name;
    if (role == ActiveRole)
        return m.active;
    if (role == Qt::ForegroundRole && !m.active)
        return QColor(0x8a, 0x8a, 0x8a);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return m.name;
    case DisplayNameColumn:
        return m.displayName;
    case RoleColumn:
        return roleLabel(m.role);
    case GamesColumn: {
        if (m.role != QLatin1String("editor"))
            return tr("all games");
        if (m.games.isEmpty())
            return tr("none");
        QStringList names;
        for (qint64 id : m.games)
            names.append(m_gameNames.value(id, QString::number(id)));
        return names.join(QStringLiteral(", "));
    }
    case ActiveColumn:
        return m.active ? tr("active") : tr("deactivated");
    case CreatedColumn:
        return QLocale().toString(m.createdAt.toLocalTime(), QStringLiteral("yyyy-MM-dd")) +
               (m.createdBy.isEmpty() ? QString() : tr(" by %1").arg(m.createdBy));
    }
    return {};
}

QVariant StaffTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DisplayNameColumn:
        return tr("Display name");
    case RoleColumn:
        return tr("Role");
    case GamesColumn:
        return tr("Games");
    case ActiveColumn:
        return tr("State");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

void StaffTableModel::setMembers(const QList<CentralStaff::Member> &members)
{
    beginResetModel();
    m_members = members;
    endResetModel();
}

void StaffTableModel::setGameNames(const QHash<qint64, QString> &names)
{
    m_gameNames = names;
    relabel();
}

int StaffTableModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_members.size(); ++row) {
        if (m_members.at(row).name == name)
            return row;
    }
    return -1;
}

void StaffTableModel::relabel()
{
    if (!m_members.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

// --- ApprovalPolicyModel ------------------------------------------------------------------

int ApprovalPolicyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_kinds.size());
}

int ApprovalPolicyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ApprovalPolicyModel::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("video_tags"))
        return tr("Tagging videos");
    if (kind == QLatin1String("game_tags"))
        return tr("A game's tag list");
    if (kind == QLatin1String("tags"))
        return tr("Tags (create, edit, retire, merge)");
    if (kind == QLatin1String("tag_groups"))
        return tr("Tag groups");
    if (kind == QLatin1String("games"))
        return tr("Games (create, edit)");
    if (kind == QLatin1String("releases"))
        return tr("Publishing app releases");
    if (kind == QLatin1String("levels"))
        return tr("Creator level ladder");
    return kind;
}

bool ApprovalPolicyModel::isRoleColumn(int column)
{
    return column == EditorColumn || column == SupervisorColumn || column == PmColumn ||
           column == AdminColumn;
}

QString ApprovalPolicyModel::roleOf(int column)
{
    return column == EditorColumn       ? QStringLiteral("editor")
           : column == SupervisorColumn ? QStringLiteral("supervisor")
           : column == PmColumn         ? QStringLiteral("pm")
                                        : QStringLiteral("admin");
}

const CentralStaff::PolicyRule *ApprovalPolicyModel::rule(const QString &kind,
                                                          const QString &role) const
{
    for (const CentralStaff::PolicyRule &r : m_rules) {
        if (r.kind == kind && r.role == role)
            return &r;
    }
    return nullptr;
}

bool ApprovalPolicyModel::requiresReview(const QString &kind, const QString &role) const
{
    const CentralStaff::PolicyRule *r = rule(kind, role);
    return r && r->requiresReview;
}

QVariant ApprovalPolicyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &kind = m_kinds.at(index.row());
    const int column = index.column();
    if (isRoleColumn(column)) {
        const CentralStaff::PolicyRule *r = rule(kind, roleOf(column));
        // A role that never makes this kind of change has no rule: nothing to show.
        if (!r)
            return {};
        if (role == Qt::CheckStateRole)
            return r->requiresReview ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::DisplayRole)
            return !r->requiresReview                            ? tr("applies directly")
                   : column == AdminColumn || column == PmColumn ? tr("needs a second person")
                                                                 : tr("needs a supervisor");
        return {};
    }
    if (role == Qt::DisplayRole && column == KindColumn)
        return kindLabel(kind);
    if (role == Qt::DisplayRole && column == UpdatedColumn) {
        // The latest change of either role's rule.
        const CentralStaff::PolicyRule *latest = nullptr;
        for (const CentralStaff::PolicyRule &r : m_rules) {
            if (r.kind == kind && (!latest || r.updatedAt > latest->updatedAt))
                latest = &r;
        }
        if (!latest)
            return {};
        return tr("%1 by %2")
            .arg(QLocale().toString(latest->updatedAt.toLocalTime(),
                                    QStringLiteral("yyyy-MM-dd HH:mm")),
                 latest->updatedBy);
    }
    return {};
}

bool ApprovalPolicyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::CheckStateRole || !isRoleColumn(index.column()) ||
        !rule(m_kinds.at(index.row()), roleOf(index.column())))
        return false;
    const bool requires = value.toInt() == Qt::Checked;
    emit changeRequested(m_kinds.at(index.row()), roleOf(index.column()), requires);
    return false; // changes once central has it
}

Qt::ItemFlags ApprovalPolicyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (isRoleColumn(index.column()) && rule(m_kinds.at(index.row()), roleOf(index.column())))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ApprovalPolicyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Change");
    case EditorColumn:
        return tr("By editors");
    case SupervisorColumn:
        return tr("By supervisors");
    case PmColumn:
        return tr("By product managers");
    case AdminColumn:
        return tr("By admins");
    case UpdatedColumn:
        return tr("Last changed");
    }
    return {};
}

void ApprovalPolicyModel::setRules(const QList<CentralStaff::PolicyRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    m_kinds.clear();
    for (const CentralStaff::PolicyRule &r : rules) {
        if (!m_kinds.contains(r.kind))
            m_kinds.append(r.kind);
    }
    // Catalogue changes first, from the smallest, then releases and the level ladder.
    static const QStringList order = {QStringLiteral("video_tags"), QStringLiteral("game_tags"),
                                      QStringLiteral("tags"),       QStringLiteral("tag_groups"),
                                      QStringLiteral("games"),      QStringLiteral("releases"),
                                      QStringLiteral("levels")};
    std::stable_sort(m_kinds.begin(), m_kinds.end(), [](const QString &a, const QString &b) {
        const auto rank = [](const QString &k) {
            const qsizetype i = order.indexOf(k);
            return i < 0 ? order.size() : i;
        };
        return rank(a) < rank(b);
    });
    endResetModel();
}

void ApprovalPolicyModel::relabel()
{
    if (!m_kinds.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}
