#include "releasetablemodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

int ReleaseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_releases.size());
}

int ReleaseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReleaseTableModel::stateLabel(const CentralReleases::Release &release)
{
    if (release.state == QLatin1String("draft"))
        return release.publishRequestedBy.isEmpty() ? tr("Draft") : tr("Awaiting approval");
    if (release.state == QLatin1String("rolling_out"))
        return tr("Rolling out");
    if (release.state == QLatin1String("complete"))
        return tr("Complete");
    if (release.state == QLatin1String("halted"))
        return tr("Halted");
    return release.state;
}

QString ReleaseTableModel::platformLabel(const QString &platform)
{
    if (platform == QLatin1String("android"))
        return QStringLiteral("Android");
    if (platform == QLatin1String("ios"))
        return QStringLiteral("iOS");
    if (platform == QLatin1String("windows"))
        return QStringLiteral("Windows");
    if (platform == QLatin1String("macos"))
        return QStringLiteral("macOS");
    if (platform == QLatin1String("linux"))
        return QStringLiteral("Linux");
    return platform;
}

QVariant ReleaseTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_releases.size())
        return {};
    const CentralReleases::Release &r = m_releases.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == StateRole)
        return r.state;
    if (role == Qt::DisplayRole) {
        const QLocale l;
        switch (index.column()) {
        case AppColumn:
            return r.app;
        case PlatformColumn:
            return platformLabel(r.platform);
        case VersionColumn:
            return r.version;
        case StateColumn:
            return stateLabel(r);
        case RolloutColumn:
            return r.state == QLatin1String("complete")
                       ? QStringLiteral("100 %")
                       : l.toString(r.rolloutPercent, 'f',
                                    r.rolloutPercent == int(r.rolloutPercent) ? 0 : 2) +
                             QStringLiteral(" %");
        case OffersColumn:
            return l.toString(r.offers);
        case MinimumColumn:
            return r.minVersion;
        case PublishedColumn:
            return r.publishedAt.isValid()
                       ? r.publishedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))
                       : QString();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == RolloutColumn || index.column() == OffersColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (r.state == QLatin1String("halted"))
            return QBrush(QColor(0xB0, 0x30, 0x30));
        if (r.state == QLatin1String("draft"))
            return QBrush(QColor(0x6b, 0x6b, 0x6b));
    }
    if (role == Qt::ToolTipRole && index.column() == PublishedColumn && r.publishedAt.isValid())
        return tr("Published %1 by %2, approved by %3")
            .arg(r.publishedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 r.publishRequestedBy.isEmpty() ? r.publishedBy : r.publishRequestedBy,
                 r.publishedBy);
    if (role == Qt::ToolTipRole && index.column() == MinimumColumn && !r.minVersion.isEmpty())
        return tr("Users below %1 must update").arg(r.minVersion);
    return {};
}

QVariant ReleaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AppColumn:
        return tr("App");
    case PlatformColumn:
        return tr("Platform");
    case VersionColumn:
        return tr("Version");
    case StateColumn:
        return tr("State");
    case RolloutColumn:
        return tr("Rollout");
    case OffersColumn:
        return tr("Offered to");
    case MinimumColumn:
        return tr("Forced below");
    case PublishedColumn:
        return tr("Published");
    default:
        return {};
    }
}

void ReleaseTableModel::setReleases(const QList<CentralReleases::Release> &releases)
{
    beginResetModel();
    m_releases = releases;
    endResetModel();
}

int ReleaseTableModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_releases.size(); ++i) {
        if (m_releases.at(i).id == id)
            return int(i);
    }
    return -1;
}

void ReleaseTableModel::relabel()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_releases.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}
