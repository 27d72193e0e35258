#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class MetricChart;
class QPagedPaintDevice;

/// A dashboard laid out for paper and images: a heading (title, filters, "data as of",
/// generation time), then each panel's title, notes and chart. Written as a PDF (two panels a
/// page, A4 landscape), one PNG, or sent to a printer.
class DashboardDocument
{
    Q_DECLARE_TR_FUNCTIONS(DashboardDocument)

public:
    struct Panel
    {
        QString title;
        QString notes; ///< what it is split by, the definition's version
        MetricChart *chart = nullptr;
        bool empty = false; ///< no data: a note instead of the chart
    };

    QString title;
    QString filters;
    QString dataAsOf;
    QString generated;
    QList<Panel> panels;

    bool writePdf(const QString &path, QString *error) const;
    bool writePng(const QString &path, QString *error) const;
    /// Paints onto an already set-up paged device (a QPdfWriter or a QPrinter).
    bool paint(QPagedPaintDevice *device, QString *error) const;
};
