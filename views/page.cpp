#include "page.h"

#include "preferences.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>

Page::Page(const QString &key, QWidget *parent)
    : QWidget(parent)
    , m_key(key)
{
    setObjectName(key + QStringLiteral("Page"));
}

bool Page::openLink(const QUrl &link)
{
    Q_UNUSED(link)
    return false;
}

void Page::setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setHighlightSections(false);
}

void Page::setBanner(QLabel *banner, const QString &text, bool error)
{
    banner->setText(text);
    banner->setStyleSheet(
        error ? QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; border: 1px solid "
                               "#f5c2c0; border-radius: 4px; padding: 6px; }")
              : QStringLiteral("QLabel { background: #f3f4f6; color: #444; border-radius: 4px; "
                               "padding: 6px; }"));
    banner->setVisible(!text.isEmpty());
}

QString Page::tableText(const QTableView *table, const QList<int> &rows)
{
    const QAbstractItemModel *model = table->model();
    const QHeaderView *header = table->horizontalHeader();
    QList<int> columns;
    QStringList titles;
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (header->isSectionHidden(c))
            continue;
        columns.append(c);
        titles.append(model->headerData(c, Qt::Horizontal).toString());
    }
    QStringList lines{titles.join(QLatin1Char('\t'))};
    for (int row : rows) {
        QStringList cells;
        for (int c : std::as_const(columns)) {
            QString text = model->index(row, c).data().toString();
            text.replace(QLatin1Char('\t'), QLatin1Char(' '))
                .replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells.append(text);
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void Page::saveLayout(const QTableView *table, const QSplitter *splitter) const
{
    Preferences::headerState(key()).setValue(table->horizontalHeader()->saveState());
    Preferences::splitterState(key()).setValue(splitter->saveState());
}

void Page::restoreLayout(QTableView *table, QSplitter *splitter) const
{
    const QByteArray header = Preferences::headerState(key()).value();
    if (!header.isEmpty())
        table->horizontalHeader()->restoreState(header);
    const QByteArray sizes = Preferences::splitterState(key()).value();
    if (!sizes.isEmpty())
        splitter->restoreState(sizes);
}
