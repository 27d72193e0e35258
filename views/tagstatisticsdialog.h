#pragma once

#include "tagstatistics.h"

#include <QDialog>
#include <QFutureWatcher>

class BarChart;
class QLabel;
class QTableWidget;
class QTabWidget;

/// The tag statistics panel: how much of the catalogue is tagged, optional tags per video,
/// uses per tag (Pareto), usage per kind of library and per game, unused tags and retired tags
/// still in use. Computed from the cache on a thread of its own (TagStatistics).
class TagStatisticsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TagStatisticsDialog(const QString &cachePath, QWidget *parent = nullptr);
    ~TagStatisticsDialog() override;

    /// Computes again (after the cache changed).
    void reload();
    bool isReady() const { return m_ready; }
    const TagStatistics &statistics() const { return m_stats; }

signals:
    void ready();

private:
    struct Outcome
    {
        TagStatistics stats;
        QString error;
    };
    void display(const Outcome &outcome);
    static Outcome compute(const QString &path);

    QString m_path;
    TagStatistics m_stats;
    bool m_ready = false;
    QFutureWatcher<Outcome> m_watcher;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_summary = nullptr;
    BarChart *m_histogram = nullptr;
    QLabel *m_paretoSummary = nullptr;
    BarChart *m_pareto = nullptr;
    QTableWidget *m_categories = nullptr;
    QTableWidget *m_games = nullptr;
    QTableWidget *m_unused = nullptr;
    QTableWidget *m_retired = nullptr;
};
