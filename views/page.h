#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;

/// A page of the main window's navigation (Videos, Review, Audit log, Staff, …): a stable key,
/// a title, and what the window's menus and status bar ask of the page shown.
class Page : public QWidget
{
    Q_OBJECT

public:
    Page(const QString &key, QWidget *parent = nullptr);

    /// Stable name ("videos", "audit", …) for settings and --page.
    QString key() const { return m_key; }
    virtual QString title() const = 0;
    /// The status bar's text for this page ("1,000,000 videos").
    virtual QString statusText() const { return {}; }
    /// The page shows its first content (for screenshots and tests).
    virtual bool isReady() const { return true; }

    virtual void focusSearch() {}
    virtual void clearFilters() {}
    /// Reads its data again.
    virtual void refresh() {}
    /// Copies the selected rows (tab-separated, with a header line) to the clipboard.
    virtual void copySelection() {}
    /// Handles coulisse:// links meant for this page; returns false if not.
    virtual bool openLink(const QUrl &link);
    /// Whether exportTable() has rows to write (the table's current rows, or its selection).
    virtual bool canExportTable(bool selectionOnly) const
    {
        Q_UNUSED(selectionOnly);
        return false;
    }
    /// Asks for a file and writes the table's rows (or only the selected ones) to it.
    virtual void exportTable(bool selectionOnly) { Q_UNUSED(selectionOnly); }

    virtual void saveState() const {}
    virtual void restoreState() {}

protected:
    /// The look of every page's tables: whole rows selected, alternating colours, one line per
    /// row, no row numbers.
    static void setUpTable(QTableView *table);
    /// Shows \a text in a page's banner (an error in red, a note in grey); hides it when empty.
    static void setBanner(QLabel *banner, const QString &text, bool error);
    /// \a rows of \a table as tab-separated text with a header line, columns in view order
    /// (hidden ones left out), tabs and line breaks in cells turned into spaces.
    static QString tableText(const QTableView *table, const QList<int> &rows);
    /// Saves and restores the column layout of \a table and the sizes of \a splitter, under
    /// this page's key.
    void saveLayout(const QTableView *table, const QSplitter *splitter) const;
    void restoreLayout(QTableView *table, QSplitter *splitter) const;

signals:
    void statusChanged();
    /// The first content is shown.
    void ready();
    /// A link for another page (coulisse://games/12, coulisse://audit?video=3).
    void linkActivated(const QUrl &link);
    void message(const QString &text);
    /// What can be exported changed (rows, selection, an export running).
    void exportableChanged();

private:
    QString m_key;
};
