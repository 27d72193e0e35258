#include "metricspage.h"

#include "cachedatabase.h"
#include "centralclient.h"
#include "centrallevels.h"
#include "centralmetrics.h"
#include "dashboarddocument.h"
#include "metricchart.h"
#include "metricpanel.h"
#include "metrictablemodel.h"
#include "preferences.h"
#include "roles.h"
#include "savedreports.h"
#include "translations.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QTabBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const QString kCustom = QStringLiteral("custom");

QString language()
{
    return Translations::current().isEmpty() ? QStringLiteral("en") : Translations::current();
}

} // namespace

MetricsPage::MetricsPage(CacheDatabase *cache, CentralClient *client, QWidget *parent)
    : Page(QStringLiteral("metrics"), parent)
    , m_cache(cache)
    , m_client(client)
{
    m_customMetrics = {QStringLiteral("dau"), QStringLiteral("new_users")};
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(6);
    m_tabs = new QTabBar(this);
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);
    for (const QString &key : MetricDashboards::keys()) {
        m_tabs->setTabData(m_tabs->addTab(MetricDashboards::title(key)), key);
    }
    m_tabs->setTabData(m_tabs->addTab(tr("Custom Report")), kCustom);
    QLayout *filters = buildFilters();
    auto *top = new QHBoxLayout;
    top->addWidget(m_tabs);
    top->addStretch(1);
    top->addLayout(m_actions);
    layout->addLayout(top);
    layout->addLayout(filters);
    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->hide();
    layout->addWidget(m_banner);
    m_asOf = new QLabel(this);
    m_asOf->setStyleSheet(QStringLiteral("color: #667085;"));
    m_asOf->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_asOf);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_grid = new QWidget(scroll);
    m_grid->setObjectName(QStringLiteral("metricsGrid"));
    m_grid->setStyleSheet(QStringLiteral("#metricsGrid { background: #f6f7f9; }"));
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(4, 4, 4, 4);
    m_gridLayout->setSpacing(10);
    // The custom report's table: the chosen metrics side by side, under their charts.
    m_customFrame = new QFrame(m_grid);
    m_customFrame->setObjectName(QStringLiteral("metricPanel"));
    m_customFrame->setStyleSheet(QStringLiteral(
        "#metricPanel { background: white; border: 1px solid #dde1e6; border-radius: 6px; }"));
    auto *customLayout = new QVBoxLayout(m_customFrame);
    auto *customTitle = new QLabel(tr("Table"), m_customFrame);
    QFont bold = customTitle->font();
    bold.setBold(true);
    customTitle->setFont(bold);
    m_customModel = new MetricTableModel(this);
    m_customView = new QTableView(m_customFrame);
    m_customView->setModel(m_customModel);
    setUpTable(m_customView);
    m_customView->setMinimumHeight(260);
    customLayout->addWidget(customTitle);
    customLayout->addWidget(m_customView);
    m_customFrame->hide();
    scroll->setWidget(m_grid);
    layout->addWidget(scroll, 1);

    connect(m_tabs, &QTabBar::currentChanged, this, [this] {
        m_customButton->setVisible(dashboard() == kCustom);
        if (!m_updating)
            rebuild();
    });
    m_customButton->setVisible(false);
}

QString MetricsPage::title() const
{
    return tr("Metrics");
}

QLayout *MetricsPage::buildFilters()
{
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    const auto label = [this, row](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setStyleSheet(QStringLiteral("color: #475467;"));
        row->addWidget(l);
    };
    m_preset = new QComboBox(this);
    const std::pair<const char *, const char *> presets[] = {
        {"7d", QT_TR_NOOP("Last 7 days")},     {"30d", QT_TR_NOOP("Last 30 days")},
        {"90d", QT_TR_NOOP("Last 90 days")},   {"365d", QT_TR_NOOP("Last 365 days")},
        {"mtd", QT_TR_NOOP("This month")},     {"last-month", QT_TR_NOOP("Last month")},
        {"ytd", QT_TR_NOOP("This year")},      {"all", QT_TR_NOOP("All data")},
        {"custom", QT_TR_NOOP("Custom range")}};
    for (const auto &[key, text] : presets)
        m_preset->addItem(tr(text), QLatin1String(key));
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_granularity = new QComboBox(this);
    for (auto g : {MetricStore::Granularity::Day, MetricStore::Granularity::Week,
                   MetricStore::Granularity::Month})
        m_granularity->addItem(MetricStore::granularityName(g), int(g));
    m_dim = new QComboBox(this);
    for (const QString &dim :
         {QString(), QStringLiteral("platform"), QStringLiteral("channel"), QStringLiteral("os"),
          QStringLiteral("device_model"), QStringLiteral("source")})
        m_dim->addItem(dim.isEmpty() ? tr("No split") : MetricStore::dimensionName(dim), dim);
    m_value = new QComboBox(this);
    m_value->setMinimumContentsLength(12);
    m_value->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compare = new QComboBox(this);
    m_compare->addItem(tr("No comparison"), 0);
    m_compare->addItem(tr("Previous period"), -1);
    m_compare->addItem(tr("7 days earlier"), 7);
    m_compare->addItem(tr("28 days earlier"), 28);
    m_compare->addItem(tr("1 year earlier"), 364);

    label(tr("Range"));
    row->addWidget(m_preset);
    row->addWidget(m_from);
    row->addWidget(new QLabel(QStringLiteral("–"), this));
    row->addWidget(m_to);
    label(tr("by"));
    row->addWidget(m_granularity);
    label(tr("Split"));
    row->addWidget(m_dim);
    row->addWidget(m_value);
    row->addWidget(m_compare);
    m_customButton = new QToolButton(this);
    m_customButton->setText(tr("Metrics…"));
    m_customButton->setPopupMode(QToolButton::InstantPopup);
    auto *customMenu = new QMenu(m_customButton);
    for (const QString &metric : MetricStore::metrics()) {
        QAction *a = customMenu->addAction(MetricStore::metricName(metric));
        a->setCheckable(true);
        a->setData(metric);
        a->setChecked(m_customMetrics.contains(metric));
        connect(a, &QAction::toggled, this, [this, customMenu] {
            QStringList chosen;
            for (QAction *action : customMenu->actions())
                if (action->isChecked())
                    chosen.append(action->data().toString());
            m_customMetrics = chosen;
            rebuild();
        });
    }
    m_customButton->setMenu(customMenu);
    row->addWidget(m_customButton);
    row->addStretch(1);
    m_actions = new QHBoxLayout;
    m_actions->setSpacing(6);
    m_reports = new QComboBox(this);
    m_reports->setMinimumContentsLength(14);
    m_reports->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reports->setToolTip(tr("Saved reports"));
    m_actions->addWidget(m_reports);
    auto *save = new QPushButton(tr("Save…"), this);
    save->setToolTip(tr("Save this dashboard and its filters as a report"));
    m_actions->addWidget(save);
    m_refresh = new QPushButton(tr("Refresh Data"), this);
    m_refresh->setToolTip(tr("Compute the aggregates on the central store from the newest "
                             "events, then sync them"));
    m_actions->addWidget(m_refresh);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    connect(exportMenu->addAction(tr("Dashboard as &PDF…")), &QAction::triggered, this,
            [this] { exportChosen(QStringLiteral("pdf")); });
    connect(exportMenu->addAction(tr("Dashboard as P&NG…")), &QAction::triggered, this,
            [this] { exportChosen(QStringLiteral("png")); });
    connect(exportMenu->addAction(tr("Tables as &CSV…")), &QAction::triggered, this,
            [this] { exportChosen(QStringLiteral("csv")); });
    connect(exportMenu->addAction(tr("&Copy Tables")), &QAction::triggered, this,
            &MetricsPage::copySelection);
    exportMenu->addSeparator();
    connect(exportMenu->addAction(tr("&Print…")), &QAction::triggered, this, &MetricsPage::print);
    exportButton->setMenu(exportMenu);
    m_actions->addWidget(exportButton);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            applyPreset(m_preset->currentData().toString());
    });
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_updating)
                return;
            const QSignalBlocker block(m_preset);
            m_preset->setCurrentIndex(m_preset->findData(QStringLiteral("custom")));
            readFilters();
        });
    }
    for (QComboBox *box : {m_granularity, m_compare, m_value}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                readFilters();
        });
    }
    connect(m_dim, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        reloadValues();
        readFilters();
    });
    connect(m_reports, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            openReport(m_reports->itemText(index));
    });
    connect(save, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Save Report"), tr("Report name:"), QLineEdit::Normal,
            m_reports->currentIndex() > 0 ? m_reports->currentText()
                                          : MetricDashboards::title(dashboard()),
            &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        QString error;
        emit message(saveReport(name, &error) ? tr("Saved report “%1”.").arg(name.trimmed())
                                              : error);
    });
    connect(m_refresh, &QPushButton::clicked, this, &MetricsPage::refreshCentral);
    return row;
}

QString MetricsPage::dashboard() const
{
    return m_tabs->tabData(m_tabs->currentIndex()).toString();
}

bool MetricsPage::showDashboard(const QString &key)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabData(i).toString() == key) {
            if (m_tabs->currentIndex() == i)
                rebuild();
            else
                m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MetricsPage::setCustomMetrics(const QStringList &metrics)
{
    m_customMetrics = metrics;
    for (QAction *a : m_customButton->menu()->actions()) {
        const QSignalBlocker block(a);
        a->setChecked(metrics.contains(a->data().toString()));
    }
    if (dashboard() == kCustom)
        rebuild();
}

void MetricsPage::applyPreset(const QString &preset)
{
    MetricStore store(m_cache->database());
    const MetricStore::DataAsOf asOf = store.dataAsOf();
    const QDate last =
        asOf.lastComplete.isValid() ? asOf.lastComplete : QDate::currentDate().addDays(-1);
    MetricDashboards::Filters f = m_filters;
    if (preset != QLatin1String("custom") && !f.applyPreset(preset, last, asOf.firstDay))
        return;
    setFilters(f);
    const QSignalBlocker block(m_preset);
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(preset)));
}

void MetricsPage::setFilters(const MetricDashboards::Filters &filters)
{
    m_updating = true;
    m_filters = filters;
    {
        // Dates set from outside are a range of their own (applyPreset names its preset).
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(m_preset->findData(QStringLiteral("custom")));
    }
    m_from->setDate(filters.from);
    m_to->setDate(filters.to);
    m_granularity->setCurrentIndex(m_granularity->findData(int(filters.granularity)));
    m_dim->setCurrentIndex(std::max(0, m_dim->findData(filters.dim)));
    reloadValues();
    m_value->setCurrentIndex(std::max(0, m_value->findData(filters.value)));
    const int compare = filters.compare == MetricDashboards::Compare::None ? 0
                        : filters.compare == MetricDashboards::Compare::PreviousPeriod
                            ? -1
                            : filters.shiftDays;
    m_compare->setCurrentIndex(std::max(0, m_compare->findData(compare)));
    m_updating = false;
    rebuild();
}

void MetricsPage::readFilters()
{
    MetricDashboards::Filters f;
    f.from = m_from->date();
    f.to = m_to->date();
    if (f.from > f.to)
        std::swap(f.from, f.to);
    f.granularity = MetricStore::Granularity(m_granularity->currentData().toInt());
    f.dim = m_dim->currentData().toString();
    f.value = m_value->currentData().toString();
    const int compare = m_compare->currentData().toInt();
    f.compare = compare == 0    ? MetricDashboards::Compare::None
                : compare == -1 ? MetricDashboards::Compare::PreviousPeriod
                                : MetricDashboards::Compare::Shift;
    f.shiftDays = compare > 0 ? compare : 7;
    m_filters = f;
    rebuild();
}

void MetricsPage::reloadValues()
{
    const QSignalBlocker block(m_value);
    m_value->clear();
    const QString dim = m_dim->currentData().toString();
    m_value->setEnabled(!dim.isEmpty());
    m_value->addItem(dim.isEmpty() ? tr("—") : tr("Every value"), QString());
    if (dim.isEmpty())
        return;
    MetricStore store(m_cache->database());
    const QString metric = dim == QLatin1String("source")     ? QStringLiteral("published")
                           : dim == QLatin1String("platform") ? QStringLiteral("dau")
                                                              : QStringLiteral("new_users");
    for (const QString &value :
         store.values(metric, dim, m_from->date().addDays(-365), m_to->date()))
        m_value->addItem(MetricStore::valueName(dim, value), value);
}

void MetricsPage::rebuild()
{
    if (m_updating || !m_filters.from.isValid())
        return;
    MetricDashboards dashboards(m_cache->database());
    const MetricStore::DataAsOf asOf = dashboards.store().dataAsOf();
    const QLocale locale;
    if (!asOf.any) {
        setBanner(m_banner,
                  tr("This cache holds no metrics yet. They arrive with the next sync for "
                     "supervisors, product managers and admins, once the central store has "
                     "events and a refresh."),
                  false);
        m_asOf->clear();
    } else {
        setBanner(m_banner, dashboards.store().ok() ? QString() : dashboards.store().errorString(),
                  true);
        m_asOf->setText(
            tr("Data as of %1 (events until %2, time zone %3) · shaded periods are incomplete")
                .arg(locale.toString(asOf.refreshed, QLocale::ShortFormat),
                     locale.toString(asOf.eventsUntil, QLocale::ShortFormat), asOf.timeZone));
    }
    QList<MetricDashboards::PanelData> data;
    const QString key = dashboard();
    if (key == kCustom) {
        for (const QString &metric : std::as_const(m_customMetrics)) {
            MetricDashboards::Panel panel{metric, MetricDashboards::Chart::Lines, {metric}, {}, 8};
            MetricDashboards::PanelData d = dashboards.compute(panel, m_filters, language());
            d.title = MetricStore::metricName(metric);
            data.append(d);
        }
    } else {
        data = dashboards.compute(key, m_filters, language());
    }
    while (m_panels.size() > data.size())
        delete m_panels.takeLast();
    while (m_panels.size() < data.size()) {
        auto *panel = new MetricPanel(m_grid);
        connect(panel, &MetricPanel::message, this, &Page::message);
        m_panels.append(panel);
    }
    // Two columns; a heat map, and a last panel alone on its row, take the whole width.
    int row = 0;
    int column = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        m_panels[i]->setData(data[i]);
        m_gridLayout->removeWidget(m_panels[i]);
        const bool wide = data[i].chart == MetricDashboards::Chart::HeatMap ||
                          (column == 0 && i == data.size() - 1);
        if (wide && column == 1) {
            ++row;
            column = 0;
        }
        m_gridLayout->addWidget(m_panels[i], row, column, 1, wide ? 2 : 1);
        column = wide ? 2 : column + 1;
        if (column == 2) {
            ++row;
            column = 0;
        }
    }
    m_gridLayout->removeWidget(m_customFrame);
    if (key == kCustom && !data.isEmpty()) {
        QList<MetricTableModel::Column> columns;
        for (const MetricDashboards::PanelData &d : std::as_const(data)) {
            for (MetricTableModel::Column c : d.columns) {
                if (d.columns.size() > 1)
                    c.title = QStringLiteral("%1: %2").arg(d.title, c.title);
                else
                    c.title = d.title;
                columns.append(c);
            }
        }
        m_customModel->setTable(data.first().table, data.first().categories,
                                data.first().incomplete, columns);
        m_gridLayout->addWidget(m_customFrame, column == 0 ? row : row + 1, 0, 1, 2);
        m_customFrame->show();
    } else {
        m_customModel->setTable({}, {}, {}, {});
        m_customFrame->hide();
    }
    emit statusChanged();
}

QString MetricsPage::statusText() const
{
    return tr("%n panel(s)", nullptr, int(m_panels.size()));
}

void MetricsPage::refresh()
{
    reloadReports();
    if (m_preset->currentData().toString() != QLatin1String("custom"))
        applyPreset(m_preset->currentData().toString());
    else
        rebuild();
}

void MetricsPage::copySelection()
{
    QStringList parts;
    for (const MetricPanel *panel : std::as_const(m_panels))
        parts.append(panel->data().title + QLatin1Char('\n') + panel->model()->toText());
    QApplication::clipboard()->setText(parts.join(QLatin1Char('\n')));
    emit message(tr("Copied the tables of %n panel(s).", nullptr, int(m_panels.size())));
}

void MetricsPage::setRole(const QString &role)
{
    m_role = role;
    m_refresh->setVisible(Roles::refreshesMetrics(role));
}

bool MetricsPage::openLink(const QUrl &link)
{
    return showDashboard(link.path().section(QLatin1Char('/'), 1, 1));
}

void MetricsPage::setSynced()
{
    m_synced = true;
}

bool MetricsPage::isReady() const
{
    return m_synced || MetricStore(m_cache->database()).dataAsOf().any;
}

void MetricsPage::refreshCentral()
{
    m_refresh->setEnabled(false);
    emit message(tr("Refreshing the metrics on the central store…"));
    m_client->call(
        this,
        [](CentralClient::Session &session) {
            if (!session.isOpen())
                return session.error;
            CentralMetrics metrics(session.db);
            const CentralMetrics::Refresh r = metrics.refresh();
            if (!r.ok)
                return metrics.errorString();
            // The same events make the creators' levels.
            if (!CentralLevels::supported(session.db))
                return QString();
            CentralLevels levels(session.db);
            return levels.refresh() ? QString() : levels.errorString();
        },
        [this](const QString &error) {
            m_refresh->setEnabled(true);
            if (!error.isEmpty()) {
                setBanner(m_banner, tr("The refresh failed: %1").arg(error), true);
                return;
            }
            emit message(tr("Metrics refreshed; syncing them."));
            emit syncRequested();
        });
}

// Reports and export ---------------------------------------------------------------------------

void MetricsPage::reloadReports()
{
    const QString current = m_reports->currentText();
    const QSignalBlocker block(m_reports);
    m_reports->clear();
    m_reports->addItem(tr("Saved reports"));
    for (const SavedReports::Report &r : SavedReports(*m_cache).list())
        m_reports->addItem(r.name);
    m_reports->setCurrentIndex(std::max(0, m_reports->findText(current)));
}

bool MetricsPage::saveReport(const QString &name, QString *error)
{
    QJsonObject spec{{QStringLiteral("dashboard"), dashboard()},
                     {QStringLiteral("filters"), m_filters.toJson()},
                     {QStringLiteral("preset"), m_preset->currentData().toString()}};
    if (dashboard() == kCustom)
        spec.insert(QStringLiteral("metrics"), QJsonArray::fromStringList(m_customMetrics));
    SavedReports reports(*m_cache);
    if (!reports.save(name, spec)) {
        *error = reports.errorString();
        return false;
    }
    reloadReports();
    m_reports->setCurrentIndex(m_reports->findText(name.trimmed()));
    return true;
}

bool MetricsPage::openReport(const QString &name)
{
    for (const SavedReports::Report &r : SavedReports(*m_cache).list()) {
        if (r.name != name)
            continue;
        m_updating = true;
        QStringList metrics;
        for (const QJsonValue &v : r.spec.value(QStringLiteral("metrics")).toArray())
            metrics.append(v.toString());
        if (!metrics.isEmpty())
            setCustomMetrics(metrics);
        showDashboard(r.spec.value(QStringLiteral("dashboard")).toString());
        const QString preset = r.spec.value(QStringLiteral("preset")).toString();
        m_updating = false;
        MetricDashboards::Filters f =
            MetricDashboards::Filters::fromJson(r.spec.value(QStringLiteral("filters")).toObject());
        if (preset != QLatin1String("custom")) {
            // A preset report follows the data: the same preset over the newest days.
            MetricStore store(m_cache->database());
            const MetricStore::DataAsOf asOf = store.dataAsOf();
            f.applyPreset(preset,
                          asOf.lastComplete.isValid() ? asOf.lastComplete
                                                      : QDate::currentDate().addDays(-1),
                          asOf.firstDay);
        }
        setFilters(f);
        if (preset != QLatin1String("custom")) {
            const QSignalBlocker block(m_preset);
            m_preset->setCurrentIndex(std::max(0, m_preset->findData(preset)));
        }
        m_reports->setCurrentIndex(m_reports->findText(name));
        return true;
    }
    return false;
}

bool MetricsPage::exportDashboard(const QString &path, QString *error)
{
    DashboardDocument doc;
    doc.title = dashboard() == kCustom
                    ? tr("Custom Report")
                    : tr("%1 dashboard").arg(MetricDashboards::title(dashboard()));
    doc.filters = m_filters.describe();
    doc.dataAsOf = m_asOf->text();
    doc.generated =
        tr("Generated %1")
            .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    for (MetricPanel *panel : std::as_const(m_panels))
        doc.panels.append(
            {panel->data().title, panel->notes(), panel->chart(), panel->data().empty});
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        const QString base = path.left(path.size() - 4);
        for (MetricPanel *panel : std::as_const(m_panels)) {
            if (!panel->exportTo(
                    base + QLatin1Char('-') + panel->data().id + QStringLiteral(".csv"), error))
                return false;
        }
        if (m_customFrame->isVisibleTo(m_grid)) {
            QFile file(base + QStringLiteral("-table.csv"));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                !m_customModel->writeCsv(&file)) {
                *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
                return false;
            }
        }
        return true;
    }
    return suffix == QLatin1String("pdf") ? doc.writePdf(path, error) : doc.writePng(path, error);
}

void MetricsPage::exportChosen(const QString &suffix)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Dashboard"),
                                                      dashboard() + QLatin1Char('.') + suffix,
                                                      QStringLiteral("*.") + suffix);
    if (path.isEmpty())
        return;
    QString error;
    emit message(exportDashboard(path, &error) ? tr("Exported %1.").arg(path) : error);
}

void MetricsPage::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    DashboardDocument doc;
    doc.title = MetricDashboards::title(dashboard());
    doc.filters = m_filters.describe();
    doc.dataAsOf = m_asOf->text();
    for (MetricPanel *panel : std::as_const(m_panels))
        doc.panels.append(
            {panel->data().title, panel->notes(), panel->chart(), panel->data().empty});
    QString error;
    if (!doc.paint(&printer, &error))
        emit message(error);
}

void MetricsPage::saveState() const
{
    Preferences::metricsDashboard().setValue(dashboard());
    Preferences::metricsPreset().setValue(m_preset->currentData().toString());
}

void MetricsPage::restoreState()
{
    m_updating = true;
    const QString key = Preferences::metricsDashboard().value();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->tabData(i).toString() == key)
            m_tabs->setCurrentIndex(i);
    m_customButton->setVisible(dashboard() == kCustom);
    const QString preset = Preferences::metricsPreset().value();
    m_preset->setCurrentIndex(std::max(
        0, m_preset->findData(preset == QLatin1String("custom") ? QStringLiteral("30d") : preset)));
    m_updating = false;
    reloadReports();
    applyPreset(m_preset->currentData().toString());
}
