#include "dashboarddocument.h"

#include "metricchart.h"

#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <qcustomplot.h>

namespace {

// Draws the heading at the top of \a area; returns its height.
int paintHeading(QPainter &p, const QRect &area, const DashboardDocument &doc, bool first)
{
    QFont big = p.font();
    big.setPixelSize(std::max(14, area.width() / 45));
    big.setBold(true);
    QFont small = p.font();
    small.setPixelSize(std::max(10, area.width() / 85));
    int y = area.top();
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.setFont(big);
    const int bigLine = QFontMetrics(big).height();
    p.drawText(QRect(area.left(), y, area.width(), bigLine), Qt::AlignLeft | Qt::AlignVCenter,
               doc.title);
    y += bigLine;
    if (!first)
        return y - area.top() + bigLine / 3;
    p.setFont(small);
    p.setPen(QColor(0x50, 0x50, 0x50));
    const int smallLine = QFontMetrics(small).height();
    for (const QString &line : {doc.filters, doc.dataAsOf, doc.generated}) {
        if (line.isEmpty())
            continue;
        p.drawText(QRect(area.left(), y, area.width(), smallLine), Qt::AlignLeft | Qt::AlignVCenter,
                   line);
        y += smallLine;
    }
    return y - area.top() + smallLine / 2;
}

// Draws one panel (title, notes, chart) into \a area.
void paintPanel(QCPPainter &p, const QRect &area, const DashboardDocument::Panel &panel)
{
    QFont titleFont = p.font();
    titleFont.setPixelSize(std::max(12, area.width() / 60));
    titleFont.setBold(true);
    QFont notesFont = p.font();
    notesFont.setPixelSize(std::max(9, area.width() / 95));
    notesFont.setBold(false);
    int y = area.top();
    p.setFont(titleFont);
    p.setPen(QColor(0x20, 0x20, 0x20));
    const int titleLine = QFontMetrics(titleFont).height();
    p.drawText(QRect(area.left(), y, area.width(), titleLine), Qt::AlignLeft | Qt::AlignVCenter,
               panel.title);
    y += titleLine;
    if (!panel.notes.isEmpty()) {
        p.setFont(notesFont);
        p.setPen(QColor(0x60, 0x60, 0x60));
        const int notesLine = QFontMetrics(notesFont).height();
        p.drawText(QRect(area.left(), y, area.width(), notesLine), Qt::AlignLeft | Qt::AlignVCenter,
                   panel.notes);
        y += notesLine;
    }
    const QRect chart(area.left(), y, area.width(), area.bottom() - y);
    if (panel.empty) {
        p.setFont(notesFont);
        p.setPen(QColor(0x8A, 0x8F, 0x98));
        p.drawRect(chart.adjusted(0, 4, -1, -1));
        p.drawText(chart, Qt::AlignCenter, DashboardDocument::tr("No data in this range."));
    } else if (panel.chart) {
        panel.chart->render(&p, chart);
    }
}

} // namespace

bool DashboardDocument::paint(QPagedPaintDevice *device, QString *error) const
{
    QCPPainter p;
    if (!p.begin(device)) {
        *error = tr("Cannot draw on the page.");
        return false;
    }
    const QRect page(0, 0, device->width(), device->height());
    const int perPage = 2;
    for (qsizetype i = 0; i < panels.size() || i == 0; i += perPage) {
        if (i > 0)
            device->newPage();
        const int heading = paintHeading(p, page, *this, i == 0);
        const int gap = page.height() / 40;
        const int height = (page.height() - heading - gap) / perPage;
        for (int k = 0; k < perPage && i + k < panels.size(); ++k) {
            const QRect area(page.left(), page.top() + heading + k * (height + gap / perPage),
                             page.width(), height - gap / 2);
            paintPanel(p, area, panels[i + k]);
        }
        if (panels.isEmpty())
            break;
    }
    p.end();
    return true;
}

bool DashboardDocument::writePdf(const QString &path, QString *error) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(150);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Coulisse"));
    if (!paint(&writer, error))
        return false;
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

bool DashboardDocument::writePng(const QString &path, QString *error) const
{
    const int width = 1400;
    const int panelHeight = 430;
    QImage probe(width, 10, QImage::Format_ARGB32);
    int heading = 0;
    {
        QPainter p(&probe);
        heading = paintHeading(p, QRect(0, 0, width, 10), *this, true);
    }
    const int margin = 24;
    QImage image(width + 2 * margin,
                 heading + int(panels.size()) * (panelHeight + margin) + 2 * margin,
                 QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QCPPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        paintHeading(p, QRect(margin, margin, width, heading), *this, true);
        for (qsizetype i = 0; i < panels.size(); ++i)
            paintPanel(p,
                       QRect(margin, margin + heading + int(i) * (panelHeight + margin), width,
                             panelHeight),
                       panels[i]);
    }
    if (!image.save(path, "PNG")) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}
