#include "tagstatisticsdialog.h"

#include "barchart.h"
#include "cachedatabase.h"
#include "catalogue.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using Catalogue::Labels;

namespace {

constexpr int kParetoTags = 100;

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(QLocale().toString(share * 100, 'f', 1));
}

QTableWidget *table(const QStringList &headers, QWidget *parent, const QString &name)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    // The name takes the room; the figures sit next to it.
    t->horizontalHeader()->setStretchLastSection(false);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->setAlternatingRowColors(true);
    return t;
}

void addRow(QTableWidget *t, const QStringList &cells, int numberFrom)
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        if (c >= numberFrom)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

QString groupLabel(const TagStatistics::TagUse &t)
{
    return Labels::tagGroup(t.groupKind, t.groupCode, t.gameName, t.gameNameEn);
}

} // namespace

TagStatisticsDialog::TagStatisticsDialog(const QString &cachePath, QWidget *parent)
    : QDialog(parent)
    , m_path(cachePath)
{
    setObjectName(QStringLiteral("tagStatistics"));
    setWindowTitle(tr("Tag statistics"));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    layout->addWidget(m_status);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    auto *overview = new QWidget(m_tabs);
    auto *o = new QVBoxLayout(overview);
    m_summary = new QLabel(overview);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    o->addWidget(m_summary);
    o->addWidget(new QLabel(tr("Videos by number of optional tags (all but the game's default "
                               "tags)"),
                            overview));
    m_histogram = new BarChart(overview);
    m_histogram->setObjectName(QStringLiteral("histogram"));
    o->addWidget(m_histogram, 1);
    m_tabs->addTab(overview, tr("Overview"));

    auto *pareto = new QWidget(m_tabs);
    auto *p = new QVBoxLayout(pareto);
    m_paretoSummary = new QLabel(pareto);
    m_paretoSummary->setWordWrap(true);
    p->addWidget(m_paretoSummary);
    m_pareto = new BarChart(pareto);
    m_pareto->setObjectName(QStringLiteral("pareto"));
    p->addWidget(m_pareto, 1);
    m_tabs->addTab(pareto, tr("Uses per tag"));

    auto *usage = new QWidget(m_tabs);
    auto *u = new QVBoxLayout(usage);
    m_categories = table({tr("Library"), tr("Videos with one of its tags"), tr("Share")}, usage,
                         QStringLiteral("categories"));
    m_categories->setMaximumHeight(190);
    m_games = table({tr("Game"), tr("Videos"), tr("Tagged"), tr("Tags per video")}, usage,
                    QStringLiteral("games"));
    m_games->setSortingEnabled(false);
    u->addWidget(m_categories);
    u->addWidget(m_games, 1);
    m_tabs->addTab(usage, tr("Libraries and games"));

    auto *lists = new QWidget(m_tabs);
    auto *l = new QVBoxLayout(lists);
    l->addWidget(new QLabel(tr("Active tags on nothing"), lists));
    m_unused = table({tr("Tag"), tr("Group")}, lists, QStringLiteral("unused"));
    l->addWidget(m_unused, 1);
    l->addWidget(new QLabel(tr("Retired tags still in use"), lists));
    m_retired = table({tr("Tag"), tr("Group"), tr("Uses")}, lists, QStringLiteral("retired"));
    l->addWidget(m_retired, 1);
    m_tabs->addTab(lists, tr("Unused and retired"));

    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this,
            [this] { display(m_watcher.result()); });
    resize(900, 640);
    reload();
}

TagStatisticsDialog::~TagStatisticsDialog()
{
    m_watcher.waitForFinished();
}

TagStatisticsDialog::Outcome TagStatisticsDialog::compute(const QString &path)
{
    Outcome outcome;
    // A connection of this thread's own, read-only.
    CacheDatabase cache;
    if (!cache.open(path, CacheDatabase::Access::ReadOnly))
        outcome.error = cache.errorString();
    else if (!outcome.stats.compute(cache.database(), &outcome.error) && outcome.error.isEmpty())
        outcome.error = tr("the statistics could not be read");
    return outcome;
}

void TagStatisticsDialog::reload()
{
    if (m_watcher.isRunning())
        return;
    m_ready = false;
    m_status->setText(tr("Counting…"));
    m_status->show();
    m_watcher.setFuture(QtConcurrent::run(&TagStatisticsDialog::compute, m_path));
}

void TagStatisticsDialog::display(const Outcome &outcome)
{
    if (!outcome.error.isEmpty()) {
        m_status->setText(tr("Cannot compute the statistics: %1").arg(outcome.error));
        return;
    }
    m_stats = outcome.stats;
    const TagStatistics &s = m_stats;
    const QLocale locale;
    m_status->hide();
    m_summary->setText(
        tr("%1 videos, %2 tagged (%3 untagged). %4 tags in use, %5 unused, %6 retired tags still "
           "in use.")
            .arg(locale.toString(s.videos), percent(s.videos ? double(s.tagged) / s.videos : 0),
                 locale.toString(s.videos - s.tagged),
                 locale.toString(std::count_if(s.uses.cbegin(), s.uses.cend(),
                                               [](const auto &t) { return t.uses > 0; })),
                 locale.toString(s.unused.size()), locale.toString(s.retiredInUse.size())));
    QStringList labels;
    QList<double> values;
    for (int n = 0; n < s.optionalTags.size(); ++n) {
        labels.append(n == TagStatistics::kHistogramMax ? QStringLiteral("%1+").arg(n)
                                                        : QString::number(n));
        values.append(double(s.optionalTags.at(n)));
    }
    m_histogram->setSeries(labels, values, tr("videos"));

    labels.clear();
    values.clear();
    for (int i = 0; i < s.uses.size() && i < kParetoTags; ++i) {
        labels.append(Labels::name(s.uses.at(i).name, s.uses.at(i).nameEn));
        values.append(double(s.uses.at(i).uses));
    }
    double allUses = 0;
    for (const auto &t : s.uses)
        allUses += double(t.uses);
    m_pareto->setSeries(labels, values, tr("uses"), true, allUses);
    m_paretoSummary->setText(tr("The most used fifth of the %1 video tags carries %2 of all uses; "
                                "the chart shows the %3 most used, with the running share.")
                                 .arg(locale.toString(s.uses.size()), percent(s.topShare(0.2)))
                                 .arg(std::min<qsizetype>(kParetoTags, s.uses.size())));

    m_categories->setRowCount(0);
    for (const auto &c : s.categories)
        addRow(m_categories,
               {c.code == QLatin1String("general") ? Labels::groupKind(c.code)
                                                   : Labels::category(c.code),
                locale.toString(c.videos), percent(s.videos ? double(c.videos) / s.videos : 0)},
               1);
    m_games->setRowCount(0);
    for (const auto &g : s.games)
        addRow(m_games,
               {Labels::name(g.name, g.nameEn), locale.toString(g.videos),
                percent(g.videos ? double(g.tagged) / g.videos : 0),
                locale.toString(g.tagsPerVideo, 'f', 2)},
               1);
    m_unused->setRowCount(0);
    for (const auto &t : s.unused)
        addRow(m_unused, {Labels::name(t.name, t.nameEn), groupLabel(t)}, 2);
    m_retired->setRowCount(0);
    for (const auto &t : s.retiredInUse)
        addRow(m_retired, {Labels::name(t.name, t.nameEn), groupLabel(t), locale.toString(t.uses)},
               2);
    for (QTableWidget *t : {m_categories, m_games, m_unused, m_retired}) {
        for (int c = 1; c < t->columnCount(); ++c)
            t->resizeColumnToContents(c);
    }
    m_ready = true;
    emit ready();
}
