#include "reviewpage.h"

#include "cacheeditor.h"
#include "catalogue.h"
#include "reviewtablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

using Catalogue::Labels;

namespace {
/// A tag chip of a diff: added (green), removed (red, struck through), or already there.
QString diffChip(const CatalogueRepository::ReviewDetail::Chip &c, bool added)
{
    QString style = added ? QStringLiteral("background-color:#dcfce7; color:#166534;")
                          : QStringLiteral("background-color:#fee2e2; color:#991b1b; "
                                           "text-decoration:line-through;");
    QString text = (added ? QStringLiteral("+ ") : QStringLiteral("− ")) + c.name;
    if (c.status == QLatin1String("retired"))
        text += QStringLiteral(" (") + ReviewPage::tr("retired") + QLatin1Char(')');
    return QStringLiteral("<span style='%1'>&nbsp;%2&nbsp;</span> ")
        .arg(style, text.toHtmlEscaped());
}
} // namespace

ReviewPage::ReviewPage(ReviewTableModel *model, CatalogueRepository *repository,
                       CacheEditor *editor, QWidget *parent)
    : CataloguePage(QStringLiteral("review"), model, parent)
    , m_requests(model)
    , m_repository(repository)
    , m_editor(editor)
{
    m_author = new QComboBox(this);
    m_author->setObjectName(QStringLiteral("authorFilter"));
    m_game = new QComboBox(this);
    m_game->setObjectName(QStringLiteral("gameFilter"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_age = new QComboBox(this);
    m_age->setObjectName(QStringLiteral("ageFilter"));
    m_decided = new QCheckBox(this);
    m_decided->setObjectName(QStringLiteral("decidedFilter"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_author, m_game, m_kind, m_age, m_decided, m_clear})
        filterBar()->addWidget(w);
    filterBar()->addStretch(1);
    for (QComboBox *combo : {m_author, m_game, m_kind, m_age})
        connect(combo, &QComboBox::currentIndexChanged, this, &ReviewPage::applyFilters);
    connect(m_decided, &QCheckBox::toggled, this, &ReviewPage::applyFilters);
    connect(m_clear, &QPushButton::clicked, this, &ReviewPage::clearFilters);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("decisionReason"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("color:#6b6b6b"));
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("reviewComment"));
    m_comment->setClearButtonEnabled(true);
    m_approve = new QPushButton(this);
    m_approve->setObjectName(QStringLiteral("approve"));
    m_reject = new QPushButton(this);
    m_reject->setObjectName(QStringLiteral("reject"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    detailLayout()->addWidget(m_reason);
    detailLayout()->addWidget(m_comment);
    detailLayout()->addLayout(buttons);
    // Room for what the request affects; the rest fits its content.
    const int widths[] = {64, 100, 90, 110, 300, 110, 150};
    for (int c = 0; c < ReviewTableModel::ColumnCount; ++c)
        table()->horizontalHeader()->resizeSection(c, widths[c]);
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    // Shortcuts of their own: a button's text sets its mnemonic and drops any other shortcut.
    auto *approveKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    approveKey->setObjectName(QStringLiteral("approveShortcut"));
    approveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(approveKey, &QShortcut::activated, m_approve, &QPushButton::animateClick);
    auto *rejectKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this);
    rejectKey->setObjectName(QStringLiteral("rejectShortcut"));
    rejectKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(rejectKey, &QShortcut::activated, m_reject, &QPushButton::animateClick);
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_comment, &QLineEdit::textChanged, this, &ReviewPage::updateButtons);
    connect(table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReviewPage::updateButtons);
    connect(this, &CataloguePage::ready, this, &ReviewPage::updateButtons);
    retranslate();
    reloadChoices();
    m_clear->setEnabled(false);
}

QString ReviewPage::title() const
{
    return m_waiting > 0 ? tr("Review (%1)").arg(m_waiting) : tr("Review");
}

void ReviewPage::setRole(const QString &role)
{
    m_role = role;
    updateButtons();
}

void ReviewPage::setUser(const QString &user)
{
    m_user = user;
    m_requests->setUser(user);
    reloadChoices();
}

void ReviewPage::reloadChoices()
{
    const QSignalBlocker b1(m_author), b2(m_game);
    const QString author = m_author->currentData().toString();
    const qint64 game = m_game->currentData().toLongLong();
    m_author->clear();
    m_author->addItem(tr("All authors"), QString());
    for (const QString &name : m_repository->reviewAuthors())
        m_author->addItem(name == m_user ? tr("%1 (you)").arg(name) : name, name);
    m_author->setCurrentIndex(qMax(0, m_author->findData(author)));
    m_game->clear();
    m_game->addItem(tr("All games"), qint64(0));
    for (const CatalogueRepository::GameRef &g : m_repository->games())
        m_game->addItem(Labels::englishNames() && !g.nameEn.isEmpty() ? g.nameEn : g.name, g.id);
    m_game->setCurrentIndex(qMax(0, m_game->findData(game)));
    const int waiting = m_repository->reviewWaiting(m_user);
    if (waiting != m_waiting) {
        m_waiting = waiting;
        emit waitingChanged(waiting);
    }
}

void ReviewPage::applyFilters()
{
    ReviewTableModel::Filter f;
    f.search = searchField()->text();
    f.author = m_author->currentData().toString();
    f.gameId = m_game->currentData().toLongLong();
    f.kind = m_kind->currentData().toString();
    f.minAgeS = m_age->currentData().toLongLong();
    f.decided = m_decided->isChecked();
    m_clear->setEnabled(!(f == ReviewTableModel::Filter()));
    m_requests->setFilter(f);
}

bool ReviewPage::hasFilters() const
{
    return !(m_requests->filter() == ReviewTableModel::Filter());
}

void ReviewPage::clearFilters()
{
    const QSignalBlocker b1(m_author), b2(m_game), b3(m_kind), b4(m_age), b5(m_decided),
        b6(searchField());
    for (QComboBox *combo : {m_author, m_game, m_kind, m_age})
        combo->setCurrentIndex(0);
    m_decided->setChecked(false);
    searchField()->clear();
    applyFilters();
}

QString ReviewPage::countText(int count) const
{
    return m_requests->filter().decided ? tr("%Ln decided request(s)", nullptr, count)
                                        : tr("%Ln request(s) waiting", nullptr, count);
}

QString ReviewPage::emptyText() const
{
    if (hasFilters())
        return tr("No change requests match these filters.");
    return m_role == QLatin1String("editor")
               ? tr("None of your changes is waiting for a supervisor.")
               : tr("Nothing waits for review. New requests arrive with each sync.");
}

void ReviewPage::retranslate()
{
    searchField()->setPlaceholderText(tr("Search the video, tag or game…"));
    {
        const QSignalBlocker block(m_kind);
        const QString kind = m_kind->currentData().toString();
        m_kind->clear();
        m_kind->addItem(tr("All kinds"), QString());
        for (const QString &k : ReviewTableModel::kinds())
            m_kind->addItem(ReviewTableModel::kindLabel(k), k);
        m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind)));
    }
    {
        const QSignalBlocker block(m_age);
        const int index = qMax(0, m_age->currentIndex());
        m_age->clear();
        m_age->addItem(tr("Any age"), qint64(0));
        m_age->addItem(tr("Older than an hour"), qint64(3600));
        m_age->addItem(tr("Older than a day"), qint64(86400));
        m_age->addItem(tr("Older than a week"), qint64(7 * 86400));
        m_age->setCurrentIndex(index);
    }
    m_decided->setText(tr("Decided"));
    m_decided->setToolTip(tr("Show the requests already decided instead of those waiting"));
    m_clear->setText(tr("Clear filters"));
    m_comment->setPlaceholderText(tr("Comment for the author (required to reject)"));
    m_approve->setToolTip(tr("Approve the selected requests (Ctrl+Return)"));
    m_reject->setToolTip(tr("Reject the selected requests with the comment (Ctrl+Shift+Return)"));
    CataloguePage::retranslate();
    updateButtons();
}

QStringList ReviewPage::selectedIds(QString *refusal) const
{
    QStringList ids;
    const QModelIndexList rows = table()->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (index.data(ReviewTableModel::OwnRole).toBool()) {
            *refusal = tr("You cannot approve or reject your own change: another supervisor "
                          "decides it.");
            return {};
        }
        if (!index.data(ReviewTableModel::PendingRole).toBool()) {
            *refusal = tr("The selection holds a request that is decided already or has a "
                          "decision waiting to sync.");
            return {};
        }
        ids.append(index.data(ReviewTableModel::RequestIdRole).toString());
    }
    return ids;
}

void ReviewPage::updateButtons()
{
    const bool supervisor = m_role == QLatin1String("supervisor");
    for (QWidget *w : std::initializer_list<QWidget *>{m_comment, m_approve, m_reject})
        w->setVisible(supervisor);
    QString refusal;
    const QStringList ids = supervisor ? selectedIds(&refusal) : QStringList();
    const int n = int(ids.size());
    m_approve->setText(n > 1 ? tr("Approve %n", nullptr, n) : tr("Approve"));
    m_reject->setText(n > 1 ? tr("Reject %n", nullptr, n) : tr("Reject"));
    m_approve->setEnabled(n > 0);
    m_reject->setEnabled(n > 0 && !m_comment->text().trimmed().isEmpty());
    if (!supervisor)
        refusal = m_role == QLatin1String("editor")
                      ? tr("Your requests wait here until a supervisor decides them.")
                      : QString();
    else if (n > 0 && m_comment->text().trimmed().isEmpty())
        refusal = tr("A rejection needs a comment for the author.");
    m_reason->setText(refusal);
    m_reason->setVisible(!refusal.isEmpty());
}

void ReviewPage::decide(bool approve)
{
    QString refusal;
    const QStringList ids = selectedIds(&refusal);
    if (ids.isEmpty()) {
        emit message(refusal.isEmpty() ? tr("Select the requests to decide first.") : refusal);
        return;
    }
    const CacheEditor::ReviewResult r = m_editor->review(ids, approve, m_comment->text());
    if (!r.ok) {
        emit message(r.error);
        return;
    }
    m_comment->clear();
    emit message(
        approve ? tr("%n approval(s) queued: sent with the next sync.", nullptr, int(ids.size()))
                : tr("%n rejection(s) queued: sent with the next sync.", nullptr, int(ids.size())));
    reloadChoices();
    refresh();
    emit edited();
}

void ReviewPage::showDetail(qint64 id)
{
    const auto d = id >= 0 ? m_repository->reviewRequest(id) : std::nullopt;
    if (!d) {
        setDetailHtml(QStringLiteral("<p style='color:#6b6b6b'>%1</p>")
                          .arg(tr("Select a request to see the change.").toHtmlEscaped()));
        updateButtons();
        return;
    }
    QString html =
        detailHeading(ReviewTableModel::kindLabel(d->kind) +
                          (d->target.isEmpty() ? QString() : QStringLiteral(": ") + d->target),
                      tr("%1 · %2").arg(d->author, Labels::dateTime(d->requestedAt)));
    if (!d->conflict.isEmpty())
        html += QStringLiteral("<p style='background-color:#fef3c7; color:#92400e'>&nbsp;%1 "
                               "%2&nbsp;</p>")
                    .arg(tr("Changed since the request:").toHtmlEscaped(),
                         ReviewTableModel::conflictText(d->conflict).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='2'>");
    if (!d->gameName.isEmpty())
        html += detailRow(tr("Game"), d->gameName.toHtmlEscaped());
    if (!d->added.isEmpty() || !d->removed.isEmpty()) {
        QString chips;
        for (const auto &c : d->added)
            chips += diffChip(c, true);
        for (const auto &c : d->removed)
            chips += diffChip(c, false);
        html += detailRow(d->kind == QLatin1String("game_create") ? tr("Game tags") : tr("Tags"),
                          chips);
    }
    if (!d->mergeInto.isEmpty())
        html += detailRow(tr("Merge"), QStringLiteral("%1 → %2").arg(d->target.toHtmlEscaped(),
                                                                     d->mergeInto.toHtmlEscaped()));
    if (!d->note.isEmpty())
        html += detailRow(tr("Note"), d->note.toHtmlEscaped());
    html += QStringLiteral("</table>");
    if (!d->fields.isEmpty()) {
        html += QStringLiteral("<table cellspacing='0' cellpadding='3' border='0'><tr><th "
                               "align='left'>%1</th><th align='left'>%2</th><th "
                               "align='left'>%3</th></tr>")
                    .arg(tr("Field").toHtmlEscaped(), tr("Before").toHtmlEscaped(),
                         tr("After").toHtmlEscaped());
        for (const auto &f : d->fields)
            html += QStringLiteral("<tr><td>%1</td><td style='color:#991b1b'>%2</td>"
                                   "<td style='color:#166534'>%3</td></tr>")
                        .arg(f.field.toHtmlEscaped(),
                             (f.before.isEmpty() ? QStringLiteral("—") : f.before).toHtmlEscaped(),
                             (f.after.isEmpty() ? QStringLiteral("—") : f.after).toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    if (d->status != QLatin1String("pending")) {
        html += QStringLiteral("<table cellspacing='2'>");
        html += detailRow(tr("Decision"),
                          (d->status == QLatin1String("approved")   ? tr("Approved")
                           : d->status == QLatin1String("rejected") ? tr("Rejected")
                                                                    : tr("Conflict on approval"))
                              .toHtmlEscaped());
        html += detailRow(tr("By"), QStringLiteral("%1 · %2").arg(d->reviewer.toHtmlEscaped(),
                                                                  Labels::dateTime(d->reviewedAt)));
        if (!d->comment.isEmpty())
            html += detailRow(tr("Comment"), d->comment.toHtmlEscaped());
        html += QStringLiteral("</table>");
    } else if (!d->queued.isNull()) {
        html += QStringLiteral("<p style='color:#1d4ed8'>%1</p>")
                    .arg((d->queued.toBool() ? tr("Your approval waits for the next sync.")
                                             : tr("Your rejection waits for the next sync."))
                             .toHtmlEscaped());
    }
    setDetailHtml(html);
    updateButtons();
}
