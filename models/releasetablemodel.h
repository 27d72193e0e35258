#pragma once

#include "centralreleases.h"

#include <QAbstractTableModel>

/// Releases as a table (as CentralReleases::releases() read them), newest first.
class ReleaseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AppColumn,
        PlatformColumn,
        VersionColumn,
        StateColumn,
        RolloutColumn,
        OffersColumn,
        MinimumColumn,
        PublishedColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, StateRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setReleases(const QList<CentralReleases::Release> &releases);
    const CentralReleases::Release &release(int row) const { return m_releases.at(row); }
    int rowOf(qint64 id) const;

    /// "Rolling out", "Awaiting approval", … for a release's state.
    static QString stateLabel(const CentralReleases::Release &release);
    static QString platformLabel(const QString &platform);
    void relabel();

private:
    QList<CentralReleases::Release> m_releases;
};
