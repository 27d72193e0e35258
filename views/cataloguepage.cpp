#include "cataloguepage.h"

#include "lazytablemodel.h"
#include "preferences.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {
constexpr int DebounceMs = 180;
constexpr int MaxCopyRows = 50000;
} // namespace

CataloguePage::CataloguePage(const QString &key, LazyTableModel *model, QWidget *parent)
    : Page(key, parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);

    m_filterBar = new QHBoxLayout;
    m_filterBar->setSpacing(8);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_filterBar->addWidget(m_search, 2);
    layout->addLayout(m_filterBar);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    auto *tableHolder = new QWidget(m_splitter);
    auto *tableLayout = new QVBoxLayout(tableHolder);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(tableHolder);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(model);
    // The indicator first: enabling sorting sorts by whatever the indicator shows.
    m_table->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    m_table->setSortingEnabled(true);
    setUpTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    tableLayout->addWidget(m_table);
    m_empty = new QLabel(m_table->viewport());
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setStyleSheet(QStringLiteral("QLabel { color: #6b6b6b; padding: 24px; }"));
    m_empty->hide();
    m_table->viewport()->installEventFilter(this);

    auto *detailHolder = new QWidget(m_splitter);
    m_detailLayout = new QVBoxLayout(detailHolder);
    m_detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detail = new QTextBrowser(detailHolder);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setOpenLinks(false);
    m_detail->setMinimumWidth(300);
    m_detailLayout->addWidget(m_detail, 1);
    m_splitter->addWidget(tableHolder);
    m_splitter->addWidget(detailHolder);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({980, 340});
    layout->addWidget(m_splitter, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &CataloguePage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &CataloguePage::scheduleFilters);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        applyFilters();
    });

    connect(model, &LazyTableModel::ready, this, &CataloguePage::onReady);
    connect(model, &LazyTableModel::loadFailed, this, [this](const QString &message) {
        setBanner(m_error, tr("Cannot read the cache: %1").arg(message), true);
        emit statusChanged();
    });
    connect(model, &LazyTableModel::loadingChanged, this, &CataloguePage::statusChanged);
    connect(model, &LazyTableModel::rowsLoaded, this, [this](int first, int last) {
        // The selected row's data may have just arrived.
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        if (current.isValid() && current.row() >= first && current.row() <= last)
            onSelectionChanged();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CataloguePage::onSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &Page::exportableChanged);
    connect(model, &LazyTableModel::ready, this, &Page::exportableChanged);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &CataloguePage::showTableMenu);
    m_export = new QFutureWatcher<TableExporter::Result>(this);
    connect(m_export, &QFutureWatcher<TableExporter::Result>::finished, this,
            &CataloguePage::onExported);
    connect(model, &LazyTableModel::rowsLoaded, this, [this] {
        if (m_collect)
            collectSelection();
    });
    connect(model, &LazyTableModel::ready, this, [this] {
        // Re-read (a sync landed, a filter changed): the selected row numbers may now be
        // other rows.
        if (!m_collect)
            return;
        m_collect.reset();
        const QString text =
            tr("The table changed while the selected rows were read: nothing was exported. "
               "Select the rows again.");
        emit message(text);
        emit exported(false, 0, text);
        emit exportableChanged();
    });
    connect(m_detail, &QTextBrowser::anchorClicked, this, [this](const QUrl &link) {
        if (!openLink(link))
            emit linkActivated(link);
    });
}

CataloguePage::~CataloguePage()
{
    m_cancelExport = true;
    m_export->waitForFinished();
}

QString CataloguePage::statusText() const
{
    if (m_model->isLoading() && !m_ready)
        return tr("Loading…");
    const int count = m_model->rowCount();
    QString text = countText(count);
    if (hasFilters() && m_total >= 0)
        text = tr("%1 of %2").arg(QLocale().toString(count), countText(m_total));
    if (m_searchIncomplete && !m_search->text().trimmed().isEmpty())
        text = tr("%1 (the search index is still being built: some rows may be missing)").arg(text);
    return text;
}

void CataloguePage::setSearchIncomplete(bool incomplete)
{
    if (incomplete == m_searchIncomplete)
        return;
    m_searchIncomplete = incomplete;
    emit statusChanged();
}

bool CataloguePage::hasFilters() const
{
    return !m_search->text().trimmed().isEmpty();
}

void CataloguePage::scheduleFilters()
{
    m_debounce->start();
}

void CataloguePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CataloguePage::clearFilters()
{
    m_search->clear();
    m_debounce->stop();
    applyFilters();
}

void CataloguePage::refresh()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    m_keepRow = current.isValid() ? current.row() : -1;
    m_model->refresh();
}

void CataloguePage::moveCurrent(int delta)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int row = std::clamp(current.isValid() ? current.row() + delta : 0, 0, count - 1);
    const QModelIndex index = m_model->index(row, current.isValid() ? current.column() : 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

bool CataloguePage::openLink(const QUrl &)
{
    return false;
}

void CataloguePage::onReady()
{
    m_ready = true;
    m_error->hide();
    if (m_model->rowCount() == 0)
        m_keepRow = -1;
    if (!hasFilters())
        m_total = m_model->rowCount();
    updateEmptyState();
    if (m_keepRow >= 0 && m_model->rowCount() > 0) {
        // A refresh: the same place, its row shown afresh.
        const QModelIndex index = m_model->index(std::min(m_keepRow, m_model->rowCount() - 1), 0);
        m_keepRow = -1;
        m_shownId = -2;
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    } else if (m_model->rowCount() > 0 && !m_table->selectionModel()->currentIndex().isValid()) {
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else if (m_model->rowCount() == 0) {
        showDetail(-1);
        m_shownId = -1;
    }
    if (m_firstLoad) {
        m_firstLoad = false;
        if (m_table->horizontalHeader()->sectionSize(0) ==
                m_table->horizontalHeader()->defaultSectionSize() &&
            Preferences::headerState(key()).value().isEmpty()) {
            m_table->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_table->setColumnWidth(c, std::min(m_table->columnWidth(c) + 12, 300));
        }
    }
    emit statusChanged();
    emit ready();
}

void CataloguePage::onSelectionChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? m_model->idAt(current.row()) : -1;
    if (current.isValid() && id < 0)
        return; // the row's window is on its way; rowsLoaded brings us back
    if (id == m_shownId)
        return;
    m_shownId = id;
    showDetail(id);
}

void CataloguePage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_empty->hide();
        return;
    }
    m_empty->setText(emptyText());
    m_empty->resize(m_table->viewport()->size());
    m_empty->show();
}

void CataloguePage::copySelection()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    if (rows.size() > MaxCopyRows) {
        emit message(tr("Select at most %1 rows to copy.").arg(QLocale().toString(MaxCopyRows)));
        return;
    }
    if (!m_model->isRangeLoaded(rows.first().row(), rows.last().row())) {
        // Read the missing windows, then copy again.
        m_model->prefetch(rows.first().row(), rows.last().row());
        emit message(tr("Reading the selected rows…"));
        auto *connection = new QMetaObject::Connection;
        *connection = connect(m_model, &LazyTableModel::rowsLoaded, this, [this, connection, rows] {
            if (m_model->isRangeLoaded(rows.first().row(), rows.last().row())) {
                disconnect(*connection);
                delete connection;
                copySelection();
            }
        });
        return;
    }
    QList<int> rowNumbers;
    for (const QModelIndex &row : std::as_const(rows))
        rowNumbers.append(row.row());
    QApplication::clipboard()->setText(tableText(m_table, rowNumbers));
    emit message(tr("Copied %n row(s).", nullptr, int(rows.size())));
}

void CataloguePage::saveState() const
{
    saveLayout(m_table, m_splitter);
}

void CataloguePage::restoreState()
{
    restoreLayout(m_table, m_splitter);
    // The sort is the model's: keep the indicator in step with it.
    m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

void CataloguePage::retranslate()
{
    m_model->relabel();
    if (m_shownId != -2)
        showDetail(m_shownId);
    updateEmptyState();
    emit statusChanged();
}

void CataloguePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool CataloguePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_empty->resize(m_table->viewport()->size());
    return QWidget::eventFilter(watched, event);
}

QString CataloguePage::detailHeading(const QString &title, const QString &subtitle)
{
    QString html =
        QStringLiteral("<h2 style='margin-bottom:2px'>%1</h2>").arg(title.toHtmlEscaped());
    if (!subtitle.isEmpty())
        html += QStringLiteral("<p style='color:#6b6b6b; margin-top:0'>%1</p>")
                    .arg(subtitle.toHtmlEscaped());
    return html;
}

QString CataloguePage::detailRow(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style='color:#6b6b6b; padding-right:12px; white-space:nowrap'>"
                          "%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

void CataloguePage::setHistoryLinks(bool enabled)
{
    if (m_historyLinks == enabled)
        return;
    m_historyLinks = enabled;
    m_shownId = -2; // render the detail again
    onSelectionChanged();
}

QString CataloguePage::historyRow(const QString &kind, qint64 id) const
{
    if (!m_historyLinks)
        return {};
    return detailRow(tr("History"), QStringLiteral("<a href='coulisse://audit?%1=%2'>%3</a>")
                                        .arg(kind)
                                        .arg(id)
                                        .arg(tr("Changes on record").toHtmlEscaped()));
}

QString CataloguePage::chip(const QString &text, const QString &href, bool muted)
{
    const QString style = muted ? QStringLiteral("background-color:#eeeeee; color:#8a8a8a;")
                                : QStringLiteral("background-color:#e3eefc; color:#1d4f91;");
    const QString body =
        QStringLiteral("<span style='%1'>&nbsp;%2&nbsp;</span>").arg(style, text.toHtmlEscaped());
    if (href.isEmpty())
        return body;
    return QStringLiteral("<a href='%1' style='text-decoration:none'>%2</a>").arg(href, body);
}

void CataloguePage::fillChoices(QComboBox *combo, const QString &all, const QStringList &codes,
                                QString (*label)(const QString &))
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(all, QString());
    for (const QString &code : codes)
        combo->addItem(label(code), code);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void CataloguePage::setDetailHtml(const QString &html)
{
    m_detail->setHtml(html);
}

std::function<void(const QString &)> CataloguePage::undoNotify()
{
    const QPointer<CataloguePage> self(this);
    return [self](const QString &error) {
        if (!self)
            return;
        if (!error.isEmpty())
            emit self->message(error);
        emit self->edited();
    };
}

void CataloguePage::announceQueued(bool proposal)
{
    emit message(proposal
                     ? tr("Proposed: the change waits for the next sync, then for a supervisor.")
                     : tr("Changed: the change waits for the next sync."));
    emit edited();
}

bool CataloguePage::isExporting() const
{
    return m_collect.has_value() || m_export->isRunning();
}

bool CataloguePage::canExportTable(bool selectionOnly) const
{
    if (isExporting() || m_model->rowCount() == 0)
        return false;
    return !selectionOnly || m_table->selectionModel()->hasSelection();
}

void CataloguePage::exportTable(bool selectionOnly)
{
    if (!canExportTable(selectionOnly))
        return;
    const QString csv = tr("CSV for spreadsheets (*.csv)");
    const QString json = tr("JSON (*.json)");
    QString filter = csv;
    QString path = QFileDialog::getSaveFileName(
        this, selectionOnly ? tr("Export the Selected Rows") : tr("Export the Table"),
        key() + QStringLiteral(".csv"), csv + QStringLiteral(";;") + json, &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == json ? QStringLiteral(".json") : QStringLiteral(".csv");
    startExport(path, selectionOnly);
}

void CataloguePage::startExport(const QString &path, bool selectionOnly)
{
    if (isExporting()) {
        emit exported(false, 0, tr("An export is running already."));
        return;
    }
    if (!selectionOnly) {
        launchExport(path, TableExporter(m_model), m_model->rowCount());
        return;
    }
    // The selected row ranges, in the view's order.
    QList<QPair<int, int>> ranges;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        ranges.append({range.top(), range.bottom()});
    std::sort(ranges.begin(), ranges.end());
    QList<QPair<int, int>> merged;
    for (const auto &[top, bottom] : std::as_const(ranges)) {
        if (!merged.isEmpty() && top <= merged.last().second + 1)
            merged.last().second = std::max(merged.last().second, bottom);
        else
            merged.append({top, bottom});
    }
    if (merged.isEmpty()) {
        emit exported(false, 0, tr("Select the rows to export first."));
        return;
    }
    if (merged.size() == 1 && merged.first().first == 0 &&
        merged.first().second >= m_model->rowCount() - 1) {
        // Every row: the table as shown, without reading a million ids first.
        launchExport(path, TableExporter(m_model), m_model->rowCount());
        return;
    }
    m_collect = SelectionIds{path, merged, 0, merged.first().first, {}};
    emit exportableChanged();
    collectSelection();
}

void CataloguePage::collectSelection()
{
    // Windows ahead of the reading asked for at once: a few, well under the model's cache.
    constexpr int ahead = LazyTableModel::WindowSize * 4;
    SelectionIds &c = *m_collect;
    while (c.range < c.ranges.size()) {
        const int last = c.ranges[c.range].second;
        while (c.row <= last) {
            const qint64 id = m_model->idAt(c.row);
            if (id < 0) {
                // Continues when the rows arrive (rowsLoaded).
                if (c.ids.isEmpty())
                    emit message(tr("Reading the selected rows…"));
                m_model->prefetch(c.row, std::min(last, c.row + ahead - 1));
                return;
            }
            c.ids.append(id);
            ++c.row;
        }
        if (++c.range < c.ranges.size())
            c.row = c.ranges[c.range].first;
    }
    TableExporter exporter(m_model);
    const qint64 rows = c.ids.size();
    exporter.setIds(std::move(c.ids));
    const QString path = c.path;
    m_collect.reset();
    launchExport(path, exporter, rows);
}

void CataloguePage::launchExport(const QString &path, const TableExporter &exporter, qint64 rows)
{
    m_cancelExport = false;
    emit message(tr("Exporting %n row(s) to %1…", "", int(std::min<qint64>(rows, INT_MAX)))
                     .arg(QDir::toNativeSeparators(path)));
    m_exportPath = path;
    m_export->setFuture(
        QtConcurrent::run([exporter, cache = m_model->cachePath(), path, cancel = &m_cancelExport] {
            return exporter.write(cache, path, TableExporter::formatOf(path), cancel);
        }));
    emit exportableChanged();
}

void CataloguePage::onExported()
{
    const TableExporter::Result r = m_export->result();
    const QString path = QDir::toNativeSeparators(m_exportPath);
    QString text;
    if (r.ok)
        text =
            tr("Exported %n row(s) to %1.", "", int(std::min<qint64>(r.rows, INT_MAX))).arg(path);
    else if (r.cancelled)
        text = tr("The export was stopped; no file was written.");
    else
        text = tr("The export failed: %1").arg(r.error);
    emit message(text);
    emit exported(r.ok, r.rows, text);
    emit exportableChanged();
}

void CataloguePage::showTableMenu(const QPoint &position)
{
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("Copy Rows"));
    copy->setEnabled(m_table->selectionModel()->hasSelection());
    connect(copy, &QAction::triggered, this, &CataloguePage::copySelection);
    menu.addSeparator();
    QAction *selected = menu.addAction(tr("Export Selected Rows…"));
    selected->setEnabled(canExportTable(true));
    connect(selected, &QAction::triggered, this, [this] { exportTable(true); });
    QAction *all = menu.addAction(tr("Export Table…"));
    all->setEnabled(canExportTable(false));
    connect(all, &QAction::triggered, this, [this] { exportTable(false); });
    menu.exec(m_table->viewport()->mapToGlobal(position));
}
