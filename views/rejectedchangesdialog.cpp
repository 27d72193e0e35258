#include "rejectedchangesdialog.h"

#include "cachedatabase.h"
#include "conflicteditdialog.h"
#include "outboxmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

RejectedChangesDialog::RejectedChangesDialog(CacheDatabase &cache, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("RejectedChangesDialog"));
    resize(900, 420);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_model = new OutboxModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("changes"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(OutboxModel::ChangeColumn,
                                                      QHeaderView::Interactive);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6368; padding: 24px;"));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    // The whole text of the current change: the table's cells are often cut short.
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(3 * fontMetrics().lineSpacing());
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_detail);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    const auto button = [&](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QString::fromLatin1(name));
        b->setAutoDefault(false);
        buttons->addWidget(b);
        return b;
    };
    m_keepMine = button("keepMine");
    m_takeTheirs = button("takeTheirs");
    m_edit = button("edit");
    buttons->addSpacing(16);
    m_retry = button("retry");
    m_discard = button("discard");
    buttons->addStretch();
    m_close = button("close");
    layout->addLayout(buttons);

    using R = CacheEditor::Resolution;
    connect(m_keepMine, &QPushButton::clicked, this, [this] { resolveSelected(R::KeepMine); });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this] { resolveSelected(R::TakeTheirs); });
    connect(m_edit, &QPushButton::clicked, this, [this] { resolveSelected(R::Edit); });
    connect(m_retry, &QPushButton::clicked, this, [this] { resolveSelected(R::Retry); });
    connect(m_discard, &QPushButton::clicked, this, [this] { resolveSelected(R::Discard); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RejectedChangesDialog::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RejectedChangesDialog::updateDetail);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(OutboxModel::StateRole).toString() == QLatin1String("conflict"))
            resolveSelected(R::Edit);
    });

    retranslate();
    reload();
}

void RejectedChangesDialog::reload()
{
    QStringList selected;
    for (int row : selectedRows())
        selected.append(m_model->entry(row).opId);
    if (!m_model->reload(m_cache.database())) {
        m_error->setText(tr("The changes cannot be read: %1").arg(m_model->errorString()));
        m_error->show();
    }
    for (const QString &id : std::as_const(selected)) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            m_table->selectionModel()->select(
                m_model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    if (!m_table->selectionModel()->hasSelection() && m_model->rowCount() > 0)
        m_table->selectRow(0);
    if (m_table->columnWidth(OutboxModel::ChangeColumn) < 200 ||
        m_table->columnWidth(OutboxModel::ChangeColumn) > 420) {
        m_table->resizeColumnsToContents();
        m_table->setColumnWidth(OutboxModel::ChangeColumn,
                                qBound(200, m_table->columnWidth(OutboxModel::ChangeColumn), 420));
    }
    retranslate();
}

QList<int> RejectedChangesDialog::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool RejectedChangesDialog::resolveSelected(CacheEditor::Resolution how, const QJsonObject &edited)
{
    using R = CacheEditor::Resolution;
    const bool forConflicts = how == R::KeepMine || how == R::TakeTheirs || how == R::Edit;
    QStringList ids;
    QList<int> rows = selectedRows();
    if (how == R::Edit) {
        // One change at a time: the current row.
        const QModelIndex current = m_table->currentIndex();
        rows = current.isValid() ? QList<int>{current.row()} : rows.mid(0, 1);
    }
    for (int row : std::as_const(rows)) {
        const bool conflict = m_model->entry(row).state == QLatin1String("conflict");
        if (conflict == forConflicts)
            ids.append(m_model->entry(row).opId);
    }
    if (ids.isEmpty()) {
        m_error->setText(forConflicts ? tr("Select a change in conflict.")
                                      : tr("Select a rejected change."));
        m_error->show();
        return false;
    }
    QJsonObject values = edited;
    if (how == R::Edit && values.isEmpty()) {
        const OutboxModel::Entry &e = m_model->entry(m_model->rowOf(ids.first()));
        ConflictEditDialog dialog(e.change, e.payload, e.current,
                                  OutboxModel::editedFields(e.payload), this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        values = dialog.values();
    }
    CacheEditor editor(m_cache);
    QStringList errors;
    int done = 0;
    for (const QString &id : std::as_const(ids)) {
        const CacheEditor::Result result = editor.resolve(id, how, values);
        if (result.ok)
            ++done;
        else
            errors.append(result.error);
    }
    reload();
    m_error->setText(errors.join(QLatin1Char('\n')));
    m_error->setVisible(!errors.isEmpty());
    if (done > 0)
        emit resolved();
    return errors.isEmpty();
}

QString RejectedChangesDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

bool RejectedChangesDialog::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_empty;
}

void RejectedChangesDialog::updateButtons()
{
    bool conflict = false;
    bool rejected = false;
    for (int row : selectedRows()) {
        const bool c = m_model->entry(row).state == QLatin1String("conflict");
        conflict = conflict || c;
        rejected = rejected || !c;
    }
    m_keepMine->setEnabled(conflict);
    m_takeTheirs->setEnabled(conflict);
    const QModelIndex current = m_table->currentIndex();
    m_edit->setEnabled(current.isValid() &&
                       m_model->entry(current.row()).state == QLatin1String("conflict") &&
                       !OutboxModel::editedFields(m_model->entry(current.row()).payload).isEmpty());
    m_retry->setEnabled(rejected);
    m_discard->setEnabled(rejected);
}

void RejectedChangesDialog::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || m_model->rowCount() == 0) {
        m_detail->clear();
        m_detail->setVisible(m_model->rowCount() > 0);
        return;
    }
    const OutboxModel::Entry &e = m_model->entry(current.row());
    m_detail->setText(
        tr("<b>%1</b><br>%2").arg(e.change.toHtmlEscaped(), e.reason.toHtmlEscaped()));
    m_detail->show();
}

void RejectedChangesDialog::retranslate()
{
    setWindowTitle(tr("Rejected Changes"));
    m_keepMine->setText(tr("&Keep Mine"));
    m_keepMine->setToolTip(tr("Send your values again, over central's current version"));
    m_takeTheirs->setText(tr("&Take Theirs"));
    m_takeTheirs->setToolTip(tr("Keep central's values and drop your change"));
    m_edit->setText(tr("&Edit…"));
    m_edit->setToolTip(tr("Edit your values, then send them again"));
    m_retry->setText(tr("&Retry"));
    m_retry->setToolTip(tr("Send the same change again"));
    m_discard->setText(tr("&Discard"));
    m_discard->setToolTip(tr("Give the change up (it stays in the record)"));
    m_close->setText(tr("Close"));
    m_empty->setText(tr("Nothing waits for your decision: central has accepted every change "
                        "sent so far."));
    const int rejected = m_model->rejectedCount();
    const int conflicts = m_model->conflictCount();
    m_summary->setText(tr("Rejected: %1 · in conflict: %2. A conflict is a change someone else "
                          "made first; a rejected change is one central refused, for the reason "
                          "shown.")
                           .arg(rejected)
                           .arg(conflicts));
    m_summary->setVisible(m_model->rowCount() > 0);
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_table);
    updateButtons();
}

void RejectedChangesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        reload(); // descriptions are built in the language of the moment
    QDialog::changeEvent(event);
}
