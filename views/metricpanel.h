#pragma once

#include "metricdashboards.h"

#include <QFrame>

class MetricChart;
class MetricTableModel;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

/// One chart panel of the Metrics page: title, what it is split by, the definition and its
/// version (hover for the written definition), the chart or its table, and a menu to copy or
/// export it (PNG, PDF, CSV).
class MetricPanel : public QFrame
{
    Q_OBJECT

public:
    explicit MetricPanel(QWidget *parent = nullptr);

    void setData(const MetricDashboards::PanelData &data);
    MetricDashboards::PanelData data() const { return m_data; }
    MetricChart *chart() const { return m_chart; }
    MetricTableModel *model() const { return m_model; }
    /// The line under the title: split, definition version.
    QString notes() const;

    void showTable(bool table);
    void copy() const;
    bool exportTo(const QString &path, QString *error) const;

signals:
    void message(const QString &text);

private:
    void chooseExport(const QString &suffix);

    MetricDashboards::PanelData m_data;
    QLabel *m_title;
    QLabel *m_notes;
    QLabel *m_empty;
    QToolButton *m_definition;
    QStackedWidget *m_stack;
    MetricChart *m_chart;
    QTableView *m_table;
    MetricTableModel *m_model;
};
