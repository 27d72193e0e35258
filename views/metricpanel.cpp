#include "metricpanel.h"

#include "metricchart.h"
#include "metrictablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

MetricPanel::MetricPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_definition(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_chart(new MetricChart(this))
    , m_table(new QTableView(this))
    , m_model(new MetricTableModel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("metricPanel"));
    setStyleSheet(QStringLiteral("#metricPanel { background: white; border: 1px solid #dde1e6; "
                                 "border-radius: 6px; }"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.08);
    m_title->setFont(titleFont);
    m_notes->setStyleSheet(QStringLiteral("color: #667085;"));
    m_definition->setAutoRaise(true);
    m_definition->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_definition->setStyleSheet(QStringLiteral("color: #3b6fb6;"));
    auto *menuButton = new QToolButton(this);
    menuButton->setText(QStringLiteral("⋯"));
    menuButton->setToolTip(tr("Table, copy and export"));
    menuButton->setAutoRaise(true);
    menuButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(menuButton);
    QAction *table = menu->addAction(tr("Show as &Table"));
    table->setCheckable(true);
    connect(table, &QAction::toggled, this, &MetricPanel::showTable);
    connect(menu->addAction(tr("&Reset Zoom")), &QAction::triggered, m_chart,
            &MetricChart::resetView);
    menu->addSeparator();
    connect(menu->addAction(tr("&Copy Data")), &QAction::triggered, this, &MetricPanel::copy);
    connect(menu->addAction(tr("Export &PNG…")), &QAction::triggered, this,
            [this] { chooseExport(QStringLiteral("png")); });
    connect(menu->addAction(tr("Export P&DF…")), &QAction::triggered, this,
            [this] { chooseExport(QStringLiteral("pdf")); });
    connect(menu->addAction(tr("Export &CSV…")), &QAction::triggered, this,
            [this] { chooseExport(QStringLiteral("csv")); });
    menuButton->setMenu(menu);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_notes, 1);
    header->addWidget(m_definition);
    header->addWidget(menuButton);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: #8a8f98;"));
    m_empty->setText(tr("No data in this range."));
    m_stack->addWidget(m_chart);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    setMinimumHeight(300);
}

QString MetricPanel::notes() const
{
    QStringList parts;
    if (!m_data.subtitle.isEmpty())
        parts.append(m_data.subtitle);
    if (m_data.version > 0)
        parts.append(tr("definition v%1").arg(m_data.version));
    return parts.join(QStringLiteral(" · "));
}

void MetricPanel::setData(const MetricDashboards::PanelData &data)
{
    m_data = data;
    m_title->setText(data.title);
    m_notes->setText(data.subtitle);
    m_definition->setVisible(data.version > 0);
    m_definition->setText(tr("v%1 ⓘ").arg(data.version));
    m_definition->setToolTip(QStringLiteral("<p>%1</p>").arg(data.definition.toHtmlEscaped()));
    m_chart->setPanel(data);
    m_model->setTable(data.table, data.categories, data.incomplete, data.columns);
    if (data.empty && m_stack->currentWidget() == m_chart)
        m_stack->setCurrentWidget(m_empty);
    else if (!data.empty && m_stack->currentWidget() == m_empty)
        m_stack->setCurrentWidget(m_chart);
}

void MetricPanel::showTable(bool table)
{
    m_stack->setCurrentWidget(table          ? static_cast<QWidget *>(m_table)
                              : m_data.empty ? static_cast<QWidget *>(m_empty)
                                             : static_cast<QWidget *>(m_chart));
}

void MetricPanel::copy() const
{
    QApplication::clipboard()->setText(m_model->toText());
}

bool MetricPanel::exportTo(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !m_model->writeCsv(&file)) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        return true;
    }
    const bool ok = suffix == QLatin1String("pdf") ? m_chart->savePdf(path, 900, 450)
                                                   : m_chart->savePng(path, 1200, 600);
    if (!ok)
        *error = tr("Cannot write %1.").arg(path);
    return ok;
}

void MetricPanel::chooseExport(const QString &suffix)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(m_data.title),
                                                      m_data.id + QLatin1Char('.') + suffix,
                                                      QStringLiteral("*.") + suffix);
    if (path.isEmpty())
        return;
    QString error;
    emit message(exportTo(path, &error) ? tr("Exported %1.").arg(path) : error);
}
