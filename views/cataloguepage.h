#pragma once

#include "page.h"
#include "tableexporter.h"

#include <QFutureWatcher>

#include <atomic>
#include <functional>
#include <optional>

class LazyTableModel;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTextBrowser;
class QTimer;
class QVBoxLayout;

/// A page of the catalogue: a filter bar, a lazily loaded table sorted in SQL, and a detail
/// pane for the selected row. Subclasses add their filters, read them into the model's
/// filter in applyFilters() and render the detail pane in showDetail().
class CataloguePage : public Page
{
    Q_OBJECT

public:
    CataloguePage(const QString &key, LazyTableModel *model, QWidget *parent = nullptr);
    /// Stops an export that is still running (its partial file is dropped).
    ~CataloguePage() override;

    QTableView *table() const { return m_table; }
    LazyTableModel *model() const { return m_model; }
    /// "1,000,000 videos" or "123 of 1,000,000 videos".
    QString statusText() const override;
    bool isReady() const override { return m_ready; }
    /// The search index is still being built after an initial copy: a search may miss rows,
    /// and the status says so while one is typed.
    void setSearchIncomplete(bool incomplete);

    void focusSearch() override;
    void clearFilters() override;
    /// Re-reads the rows (the cache changed); the current row stays where it was.
    void refresh() override;
    /// Moves the current row by \a delta (next or previous row), selecting it alone.
    void moveCurrent(int delta);
    /// Copies the selected rows (tab-separated, with a header line) to the clipboard.
    void copySelection() override;
    /// Handles coulisse:// links meant for this page; returns false if not.
    bool openLink(const QUrl &link) override;
    bool canExportTable(bool selectionOnly) const override;
    void exportTable(bool selectionOnly) override;
    /// Writes the rows the table shows (its filters and sort), or only the selected ones, to
    /// \a path: CSV with a byte order mark, or JSON for a .json path. Runs on a worker
    /// thread; exported() tells how it went. A failed export leaves no file behind. The
    /// selected rows are known by their ids, read here from the rows shown (windows not
    /// loaded yet first arrive): a sync that lands meanwhile cannot shift the export onto
    /// other rows, and one that changes the table before the ids are all read stops it.
    void startExport(const QString &path, bool selectionOnly);
    /// Whether an export runs (or the ids of the selected rows are being read for one).
    bool isExporting() const;

    void saveState() const override;
    void restoreState() override;
    /// Whether detail panes link to the object's audit history (not for who cannot read it).
    void setHistoryLinks(bool enabled);

signals:
    /// The cache was changed from this page (an edit, its undo or redo).
    void edited();
    void exported(bool ok, qint64 rows, const QString &message);

protected:
    QHBoxLayout *filterBar() const { return m_filterBar; }
    QLineEdit *searchField() const { return m_search; }
    /// The widget below the detail text (a chart, for example).
    QVBoxLayout *detailLayout() const { return m_detailLayout; }
    QTextBrowser *detailView() const { return m_detail; }
    QSplitter *splitter() const { return m_splitter; }

    /// Reads the filter widgets into the model.
    virtual void applyFilters() = 0;
    /// Renders the row \a id (or the empty state when \a id < 0).
    virtual void showDetail(qint64 id) = 0;
    /// "%n videos" for the status line.
    virtual QString countText(int count) const = 0;
    virtual QString emptyText() const = 0;
    virtual void retranslate();
    /// Whether any filter is set (changes the empty-state text).
    virtual bool hasFilters() const;
    void scheduleFilters();
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// Detail helpers: HTML-escaped, with a heading and key/value rows.
    static QString detailHeading(const QString &title, const QString &subtitle = {});
    static QString detailRow(const QString &label, const QString &valueHtml);
    /// A detail row linking to the audit history of the \a kind (video, tag, game) \a id, or
    /// nothing when history links are off.
    QString historyRow(const QString &kind, qint64 id) const;
    static QString chip(const QString &text, const QString &href = {}, bool muted = false);
    void setDetailHtml(const QString &html);
    /// For the undo commands of this page's edits: after an undo or redo, says what went
    /// wrong, if anything, and emits edited().
    std::function<void(const QString &)> undoNotify();
    /// After an edit queued from this page: says where it goes (\a proposal: to a supervisor
    /// after the sync) and emits edited().
    void announceQueued(bool proposal);
    /// Refills \a combo with \a all (no filter) and the labelled \a codes, keeping the
    /// current choice and emitting nothing.
    static void fillChoices(QComboBox *combo, const QString &all, const QStringList &codes,
                            QString (*label)(const QString &));

    int m_total = -1; ///< row count without filters, for "x of y"

private:
    void onReady();
    void onExported();
    /// Reads the ids of the selected rows on (m_collect); starts the export once all are in.
    void collectSelection();
    void launchExport(const QString &path, const TableExporter &exporter, qint64 rows);
    void showTableMenu(const QPoint &position);
    void onSelectionChanged();
    void updateEmptyState();

    LazyTableModel *m_model;
    QFutureWatcher<TableExporter::Result> *m_export = nullptr;
    std::atomic_bool m_cancelExport{false};
    QString m_exportPath;
    /// The selection being read for an export: its row ranges, where the reading is, and
    /// the ids read so far.
    struct SelectionIds
    {
        QString path;
        QList<QPair<int, int>> ranges;
        int range = 0;
        int row = 0;
        QList<qint64> ids;
    };
    std::optional<SelectionIds> m_collect;
    QLineEdit *m_search = nullptr;
    QHBoxLayout *m_filterBar = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    QTextBrowser *m_detail = nullptr;
    QVBoxLayout *m_detailLayout = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_debounce = nullptr;
    qint64 m_shownId = -2;
    int m_keepRow = -1; ///< refresh(): the row to select again once the rows are in
    bool m_ready = false;
    bool m_firstLoad = true;
    bool m_historyLinks = true;
    bool m_searchIncomplete = false;
};
