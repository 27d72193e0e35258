#pragma once

#include "metricdashboards.h"
#include "page.h"

class CacheDatabase;
class CentralClient;
class MetricPanel;
class MetricTableModel;
class QTableView;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLayout;
class QPushButton;
class QTabBar;
class QToolButton;

/// Metrics: the dashboards (Users, Retention, Acquisition, Devices, Content, Plays, Revenue,
/// Campaigns, Tags, and a custom report of chosen metrics), read from the cache so that they
/// work offline. One row of filters for every panel: range (presets or dates), granularity,
/// a dimension to split or filter by, a comparison. Saved reports keep a dashboard with its
/// filters by name (synced, per user). Product managers and admins refresh the aggregates on
/// central from here; everyone exports PDF, PNG, CSV and prints.
class MetricsPage : public Page
{
    Q_OBJECT

public:
    MetricsPage(CacheDatabase *cache, CentralClient *client, QWidget *parent = nullptr);

    QString title() const override;
    QString statusText() const override;
    void refresh() override;
    void copySelection() override;
    /// coulisse://metrics/DASHBOARD (e.g. coulisse://metrics/retention).
    bool openLink(const QUrl &link) override;

    void setRole(const QString &role);
    /// A sync finished: what the cache holds is what there is (for isReady()).
    void setSynced();
    bool isReady() const override;
    /// Shows dashboard \a key ("users", …, "custom").
    bool showDashboard(const QString &key);
    QString dashboard() const;
    MetricDashboards::Filters filters() const { return m_filters; }
    void setFilters(const MetricDashboards::Filters &filters);
    /// Custom report metrics.
    void setCustomMetrics(const QStringList &metrics);
    QList<MetricPanel *> panels() const { return m_panels; }
    /// The custom report's table: every chosen metric as a column (empty on dashboards).
    MetricTableModel *customTable() const { return m_customModel; }
    /// Writes the dashboard shown as a PDF or PNG (by \a path's suffix).
    bool exportDashboard(const QString &path, QString *error);
    /// Saves the dashboard and filters shown as report \a name.
    bool saveReport(const QString &name, QString *error);
    bool openReport(const QString &name);

    void saveState() const override;
    void restoreState() override;

signals:
    /// The aggregates were refreshed on central: a sync brings them.
    void syncRequested();

private:
    QLayout *buildFilters();
    void applyPreset(const QString &preset);
    void readFilters();
    void reloadValues();
    void reloadReports();
    void rebuild();
    void refreshCentral();
    void print();
    void exportChosen(const QString &suffix);

    CacheDatabase *m_cache;
    CentralClient *m_client;
    MetricDashboards::Filters m_filters;
    QStringList m_customMetrics;
    QString m_role;
    QTabBar *m_tabs;
    QHBoxLayout *m_actions = nullptr;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_granularity;
    QComboBox *m_dim;
    QComboBox *m_value;
    QComboBox *m_compare;
    QComboBox *m_reports;
    QToolButton *m_customButton;
    QPushButton *m_refresh;
    QLabel *m_asOf;
    QLabel *m_banner;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    QList<MetricPanel *> m_panels;
    QWidget *m_customFrame = nullptr;
    QTableView *m_customView = nullptr;
    MetricTableModel *m_customModel = nullptr;
    bool m_updating = false;
    bool m_synced = false;
};
