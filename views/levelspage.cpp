#include "levelspage.h"

#include "cachedatabase.h"
#include "cachelevels.h"
#include "centralclient.h"
#include "laddermodel.h"
#include "levelcomparechart.h"
#include "leveldistributionchart.h"
#include "levelmovesmodel.h"
#include "ruledelegate.h"
#include "ruletreemodel.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QLabel *sectionLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QPushButton *button(QWidget *parent, const char *name)
{
    auto *b = new QPushButton(parent);
    b->setObjectName(QLatin1String(name));
    return b;
}

} // namespace

LevelsPage::LevelsPage(CacheDatabase *cache, CentralClient *client, QWidget *parent)
    : Page(QStringLiteral("levels"), parent)
    , m_cache(cache)
    , m_client(client)
    , m_ladder(new LadderModel(this))
    , m_rule(new RuleTreeModel(this))
    , m_moves(new LevelMovesModel(this))
    , m_movesSorted(new QSortFilterProxyModel(this))
    , m_debounce(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);

    auto *top = new QHBoxLayout;
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("levelsHeading"));
    m_heading->setWordWrap(true);
    top->addWidget(m_heading, 1);
    m_recompute = button(this, "recomputeLevels");
    top->addWidget(m_recompute);
    layout->addLayout(top);

    m_pendingBox = new QFrame(this);
    m_pendingBox->setObjectName(QStringLiteral("pendingLadder"));
    m_pendingBox->setFrameShape(QFrame::StyledPanel);
    m_pendingBox->setStyleSheet(
        QStringLiteral("#pendingLadder { background: #FFF6E0; border: 1px solid #E8C77A; }"));
    auto *pendingLayout = new QHBoxLayout(m_pendingBox);
    m_pendingText = new QLabel(m_pendingBox);
    m_pendingText->setWordWrap(true);
    pendingLayout->addWidget(m_pendingText, 1);
    m_showPending = button(m_pendingBox, "showPending");
    m_approve = button(m_pendingBox, "approveLadder");
    m_reject = button(m_pendingBox, "rejectLadder");
    m_withdraw = button(m_pendingBox, "withdrawLadder");
    for (QPushButton *b : {m_showPending, m_approve, m_reject, m_withdraw})
        pendingLayout->addWidget(b);
    layout->addWidget(m_pendingBox);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("levelsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    // The editor and the what-if, side by side.
    auto *splitter = new QSplitter(Qt::Horizontal, m_tabs);
    auto *editor = new QWidget(splitter);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 4, 4, 0);
    m_levelsLabel = sectionLabel(editor);
    editorLayout->addWidget(m_levelsLabel);
    m_levels = new QTableView(editor);
    m_levels->setObjectName(QStringLiteral("ladderTable"));
    setUpTable(m_levels);
    m_levels->setModel(m_ladder);
    m_levels->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                              QAbstractItemView::AnyKeyPressed);
    m_levels->horizontalHeader()->setSectionResizeMode(LadderModel::RuleColumn,
                                                       QHeaderView::Stretch);
    m_levels->setSelectionMode(QAbstractItemView::SingleSelection);
    editorLayout->addWidget(m_levels, 3);
    auto *levelButtons = new QHBoxLayout;
    m_addLevel = button(editor, "addLevel");
    m_removeLevel = button(editor, "removeLevel");
    levelButtons->addWidget(m_addLevel);
    levelButtons->addWidget(m_removeLevel);
    levelButtons->addStretch();
    editorLayout->addLayout(levelButtons);
    m_ruleLabel = sectionLabel(editor);
    editorLayout->addWidget(m_ruleLabel);
    m_ruleView = new QTreeView(editor);
    m_ruleView->setObjectName(QStringLiteral("ruleTree"));
    m_ruleView->setModel(m_rule);
    m_ruleView->setItemDelegate(new RuleDelegate(m_ruleView));
    m_ruleView->setAlternatingRowColors(true);
    m_ruleView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                QAbstractItemView::SelectedClicked |
                                QAbstractItemView::EditKeyPressed);
    m_ruleView->header()->setSectionResizeMode(RuleTreeModel::ConditionColumn,
                                               QHeaderView::Stretch);
    m_ruleView->header()->setStretchLastSection(false);
    m_ruleView->setColumnWidth(RuleTreeModel::WindowColumn, 110);
    m_ruleView->setColumnWidth(RuleTreeModel::MinimumColumn, 110);
    editorLayout->addWidget(m_ruleView, 2);
    auto *ruleButtons = new QHBoxLayout;
    m_addCondition = button(editor, "addCondition");
    m_addGroup = button(editor, "addGroup");
    m_removeCondition = button(editor, "removeCondition");
    for (QPushButton *b : {m_addCondition, m_addGroup, m_removeCondition})
        ruleButtons->addWidget(b);
    ruleButtons->addStretch();
    editorLayout->addLayout(ruleButtons);
    m_error = new QLabel(editor);
    m_error->setObjectName(QStringLiteral("ladderError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #B00020;"));
    m_error->hide();
    editorLayout->addWidget(m_error);
    auto *saveRow = new QHBoxLayout;
    m_note = new QLineEdit(editor);
    m_note->setObjectName(QStringLiteral("ladderNote"));
    m_note->setMaxLength(2000); // what the store keeps
    saveRow->addWidget(m_note, 1);
    m_save = button(editor, "saveLadder");
    m_discard = button(editor, "discardLadder");
    saveRow->addWidget(m_discard);
    saveRow->addWidget(m_save);
    editorLayout->addLayout(saveRow);

    auto *preview = new QWidget(splitter);
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(4, 4, 0, 0);
    m_whatIfLabel = sectionLabel(preview);
    previewLayout->addWidget(m_whatIfLabel);
    m_summary = new QLabel(preview);
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    previewLayout->addWidget(m_summary);
    m_compare = new LevelCompareChart(preview);
    previewLayout->addWidget(m_compare, 2);
    m_movesLabel = sectionLabel(preview);
    previewLayout->addWidget(m_movesLabel);
    m_movesSorted->setSourceModel(m_moves);
    m_movesSorted->setSortRole(LevelMovesModel::SortRole);
    m_movesView = new QTableView(preview);
    m_movesView->setObjectName(QStringLiteral("movesTable"));
    setUpTable(m_movesView);
    m_movesView->setModel(m_movesSorted);
    m_movesView->setSortingEnabled(true);
    m_movesView->sortByColumn(LevelMovesModel::ChangeColumn, Qt::DescendingOrder);
    m_movesView->horizontalHeader()->setSectionResizeMode(LevelMovesModel::CreatorColumn,
                                                          QHeaderView::Stretch);
    previewLayout->addWidget(m_movesView, 3);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_tabs->addTab(splitter, QString());

    // The distribution over time and the versions.
    auto *history = new QWidget(m_tabs);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 4, 0, 0);
    m_distributionLabel = sectionLabel(history);
    historyLayout->addWidget(m_distributionLabel);
    m_distribution = new LevelDistributionChart(history);
    historyLayout->addWidget(m_distribution, 3);
    m_versionsLabel = sectionLabel(history);
    historyLayout->addWidget(m_versionsLabel);
    m_versionsTable = new QTableWidget(history);
    m_versionsTable->setObjectName(QStringLiteral("versionsTable"));
    setUpTable(m_versionsTable);
    m_versionsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versionsTable->setColumnCount(7);
    m_versionsTable->horizontalHeader()->setStretchLastSection(true);
    historyLayout->addWidget(m_versionsTable, 2);
    m_tabs->addTab(history, QString());

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &LevelsPage::updateWhatIf);
    connect(m_ladder, &LadderModel::edited, this, &LevelsPage::onEdited);
    connect(m_rule, &RuleTreeModel::edited, this,
            [this] { m_ladder->setRule(m_ruleRow, m_rule->rule()); });
    connect(m_levels->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectLevel(current.row()); });
    connect(m_addLevel, &QPushButton::clicked, this, [this] {
        m_ladder->addLevel();
        selectLevel(m_ladder->levelCount() - 1);
    });
    connect(m_removeLevel, &QPushButton::clicked, this, [this] {
        m_ladder->removeTopLevel();
        selectLevel(std::min(m_ruleRow, m_ladder->levelCount() - 1));
    });
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_rule->addCriterion(m_ruleView->currentIndex());
        m_ruleView->expandAll();
        m_ruleView->setCurrentIndex(added);
    });
    connect(m_addGroup, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_rule->addGroup(m_ruleView->currentIndex());
        m_ruleView->expandAll();
        m_ruleView->setCurrentIndex(added);
    });
    connect(m_removeCondition, &QPushButton::clicked, this, [this] {
        m_rule->remove(m_ruleView->currentIndex());
        m_ruleView->expandAll();
    });
    connect(m_save, &QPushButton::clicked, this, [this] { saveDraft(m_note->text()); });
    connect(m_discard, &QPushButton::clicked, this, &LevelsPage::discardDraft);
    connect(m_recompute, &QPushButton::clicked, this, &LevelsPage::recompute);
    connect(m_showPending, &QPushButton::clicked, this, [this] {
        if (const CentralLevels::Ladder *p = pending())
            loadVersion(p->version);
    });
    connect(m_approve, &QPushButton::clicked, this, [this] { decidePending(true, {}); });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason =
            QInputDialog::getText(this, tr("Reject Ladder"), tr("Why is this version rejected?"),
                                  QLineEdit::Normal, {}, &ok);
        if (ok)
            decidePending(false, reason);
    });
    connect(m_withdraw, &QPushButton::clicked, this, &LevelsPage::withdrawPending);
    connect(this, &LevelsPage::done, this, [this](bool ok, const QString &text) {
        setBanner(m_message, text, !ok);
        emit message(text);
    });
    retranslate();
    updateState();
}

QString LevelsPage::title() const
{
    return tr("Creator Levels");
}

QString LevelsPage::statusText() const
{
    if (!m_loaded)
        return tr("Loading…");
    return tr("%n creator(s)", nullptr, m_whatIf.creatorCount());
}

bool LevelsPage::isReady() const
{
    return m_loaded && m_synced;
}

void LevelsPage::setSynced()
{
    // The first sync makes the page ready; after later ones MainWindow calls refresh() when
    // levels or users changed.
    if (m_synced && m_loaded)
        return;
    m_synced = true;
    reload();
}

void LevelsPage::refresh()
{
    reload();
}

void LevelsPage::setRole(const QString &role, const QString &user)
{
    m_role = role;
    m_user = user;
    updateState();
}

void LevelsPage::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    updateState();
}

void LevelsPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (!m_loaded)
        reload();
}

void LevelsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

bool LevelsPage::openLink(const QUrl &link)
{
    const QString part = link.path().section(QLatin1Char('/'), 1, 1).isEmpty()
                             ? link.path().mid(link.path().startsWith(QLatin1Char('/')) ? 1 : 0)
                             : link.path().section(QLatin1Char('/'), 1, 1);
    if (part.isEmpty() || part == QLatin1String("whatif")) {
        m_tabs->setCurrentIndex(0);
        return true;
    }
    if (part == QLatin1String("distribution")) {
        m_tabs->setCurrentIndex(1);
        return true;
    }
    bool ok = false;
    const int version = part.toInt(&ok);
    if (!ok)
        return false;
    if (!m_loaded)
        reload();
    m_tabs->setCurrentIndex(0);
    return loadVersion(version);
}

const CentralLevels::Ladder *LevelsPage::pending() const
{
    for (const CentralLevels::Ladder &l : m_versions) {
        if (l.state == QLatin1String("pending"))
            return &l;
    }
    return nullptr;
}

const CentralLevels::Ladder *LevelsPage::active() const
{
    for (const CentralLevels::Ladder &l : m_versions) {
        if (l.state == QLatin1String("active"))
            return &l;
    }
    return nullptr;
}

QStringList LevelsPage::levelNames(int levels) const
{
    const CentralLevels::Ladder *current = active();
    const LevelLadder ladder = current ? LevelLadder::fromJson(current->ladder) : LevelLadder();
    QStringList names{tr("Not yet on the ladder")};
    for (int level = 1; level < levels; ++level) {
        const QString name = level <= ladder.levels().size()
                                 ? LevelLadder::levelName(ladder.levels().at(level - 1).nameZh,
                                                          ladder.levels().at(level - 1).nameEn)
                                 : QString();
        names.append(name.isEmpty() ? tr("Level %1").arg(level)
                                    : tr("%1 · %2").arg(level).arg(name));
    }
    return names;
}

void LevelsPage::reload()
{
    if (!m_cache)
        return;
    const QSqlDatabase db = m_cache->database();
    QString error;
    m_versions = CacheLevels::ladders(db, &error);
    m_asOf = CacheLevels::asOf(db);
    if (!m_whatIf.load(db))
        error = m_whatIf.errorString();
    const QList<CacheLevels::Day> days =
        CacheLevels::distribution(db, error.isEmpty() ? &error : nullptr);
    if (!error.isEmpty())
        setBanner(m_message, tr("The levels could not be read from the cache: %1").arg(error),
                  true);
    // An untouched editor follows the active version; a draft stays as it is.
    if (!m_dirty) {
        const CentralLevels::Ladder *current = active();
        m_baseVersion = current ? current->version : 0;
        m_loadedVersion = m_baseVersion;
        m_ladder->setLadder(current ? LevelLadder::fromJson(current->ladder) : LevelLadder());
        selectLevel(m_ruleRow >= 0 && m_ruleRow < m_ladder->levelCount() ? m_ruleRow : 0);
    }
    int levels = 1;
    QList<LevelDistributionChart::Day> chartDays;
    for (const CacheLevels::Day &d : days) {
        levels = std::max(levels, int(d.creators.size()));
        chartDays.append({d.day, d.version, d.creators});
    }
    if (const CentralLevels::Ladder *current = active())
        levels = std::max(levels, int(LevelLadder::fromJson(current->ladder).levels().size()) + 1);
    m_distribution->setDistribution(chartDays, levelNames(levels));
    reloadVersions();
    m_loaded = true;
    updateWhatIf();
    updateState();
    emit statusChanged();
    if (isReady())
        emit ready();
}

void LevelsPage::reloadVersions()
{
    m_versionsTable->setRowCount(int(m_versions.size()));
    const QLocale locale;
    for (int row = 0; row < m_versions.size(); ++row) {
        const CentralLevels::Ladder &l = m_versions.at(row);
        const QStringList cells = {
            QString::number(l.version),
            CentralLevels::stateName(l.state),
            l.createdBy,
            locale.toString(l.createdAt.toLocalTime(), QLocale::ShortFormat),
            l.decidedBy.isEmpty()
                ? QString()
                : tr("%1, %2").arg(l.decidedBy, locale.toString(l.decidedAt.toLocalTime(),
                                                                QLocale::ShortFormat)),
            l.note.simplified(),
            l.decisionNote.simplified()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 5)
                item->setToolTip(l.note);
            else if (column == 6)
                item->setToolTip(l.decisionNote);
            m_versionsTable->setItem(row, column, item);
        }
    }
    m_versionsTable->resizeColumnsToContents();
}

void LevelsPage::selectLevel(int row)
{
    if (row < 0 || row >= m_ladder->levelCount()) {
        m_ruleRow = -1;
        m_rule->setRule({});
    } else {
        m_ruleRow = row;
        m_rule->setRule(m_ladder->rule(row));
        const QModelIndex index = m_ladder->index(row, LadderModel::LevelColumn);
        if (m_levels->currentIndex().row() != row)
            m_levels->setCurrentIndex(index);
    }
    m_ruleView->expandAll();
    showRule();
}

void LevelsPage::showRule()
{
    m_ruleLabel->setText(m_ruleRow >= 0 ? tr("Rule of level %1").arg(m_ruleRow + 1) : tr("Rule"));
}

bool LevelsPage::loadVersion(int version)
{
    for (const CentralLevels::Ladder &l : m_versions) {
        if (l.version != version)
            continue;
        // Opening an older version to go back to it is a draft from the active one.
        const CentralLevels::Ladder *current = active();
        m_baseVersion = current ? current->version : 0;
        m_loadedVersion = version;
        m_ladder->setLadder(LevelLadder::fromJson(l.ladder));
        m_dirty = l.state != QLatin1String("active");
        selectLevel(0);
        updateWhatIf();
        updateState();
        return true;
    }
    return false;
}

void LevelsPage::onEdited()
{
    m_dirty = true;
    showRule();
    m_debounce->start();
    updateState();
}

void LevelsPage::discardDraft()
{
    m_dirty = false;
    m_note->clear();
    reload();
}

QString LevelsPage::summaryText() const
{
    return m_summary->text();
}

QString LevelsPage::errorText() const
{
    return m_invalid ? m_error->text() : QString();
}

void LevelsPage::updateWhatIf()
{
    const LevelLadder draft = m_ladder->ladder();
    if (!draft.isValid()) {
        m_error->setText(m_ladder->levelCount() == 0 ? tr("A ladder has at least one level.")
                                                     : draft.errorString());
        m_error->setVisible(true);
        m_invalid = true;
        m_result = {};
        m_moves->setMoves({});
        m_summary->setText(tr("Correct the ladder to see what it would change."));
        m_compare->setCounts({}, {}, {});
        updateState();
        return;
    }
    m_error->hide();
    m_invalid = false;
    m_result = m_whatIf.evaluate(draft);
    m_moves->setMoves(m_result.moves);
    const QLocale locale;
    if (m_result.creators == 0) {
        m_summary->setText(tr("No creator's metrics in this cache yet: they arrive with a sync "
                              "after the levels' first refresh."));
    } else {
        const QString asOf =
            m_asOf.isValid()
                ? tr("metrics as of %1").arg(locale.toString(m_asOf, QLocale::ShortFormat))
                : QString();
        m_summary->setText(
            m_result.up + m_result.down == 0
                ? tr("With this ladder no creator changes level (%1 creators, %2).")
                      .arg(locale.toString(m_result.creators), asOf)
                : tr("With this ladder %1 would move up and %2 down; %3 stay (%4 creators, %5).")
                      .arg(locale.toString(m_result.up), locale.toString(m_result.down),
                           locale.toString(m_result.creators - m_result.up - m_result.down),
                           locale.toString(m_result.creators), asOf));
    }
    QStringList labels;
    for (qsizetype level = 0; level < m_result.proposed.size(); ++level)
        labels.append(level == 0 ? tr("None") : QString::number(level));
    m_compare->setCounts(m_result.current, m_result.proposed, labels);
    m_movesLabel->setText(tr("Creators who would move (%1)").arg(m_result.moves.size()));
    updateState();
}

void LevelsPage::updateState()
{
    const bool pm = m_role == QLatin1String("pm");
    const bool approver = pm || m_role == QLatin1String("supervisor");
    const bool online = m_signedIn && !m_busy;
    const CentralLevels::Ladder *p = pending();
    const CentralLevels::Ladder *a = active();
    const QLocale locale;
    if (a)
        m_heading->setText(
            tr("Active ladder: version %1, since %2%3. Editing %4.")
                .arg(a->version)
                .arg(locale.toString(a->activatedAt.toLocalTime(), QLocale::ShortFormat))
                .arg(a->decidedBy.isEmpty() ? QString() : tr(" (approved by %1)").arg(a->decidedBy))
                .arg(m_dirty ? tr("a draft from version %1").arg(m_loadedVersion)
                             : tr("the active version")));
    else
        m_heading->setText(m_loaded ? tr("No ladder is active yet. A product manager builds one "
                                         "here and saves it.")
                                    : QString());
    m_pendingBox->setVisible(p != nullptr);
    if (p) {
        m_pendingText->setText(tr("Version %1 by %2 waits for approval%3")
                                   .arg(p->version)
                                   .arg(p->createdBy)
                                   .arg(p->note.isEmpty()
                                            ? QStringLiteral(".")
                                            : tr(": “%1”").arg(p->note.simplified())));
        const bool mine = p->createdBy == m_user;
        m_approve->setVisible(approver && !mine);
        m_reject->setVisible(approver && !mine);
        m_withdraw->setVisible(pm && mine);
        for (QPushButton *b : {m_approve, m_reject, m_withdraw})
            b->setEnabled(online);
        // Approving what the editor does not show would approve something else than the
        // what-if previewed: an edited copy of the waiting version is not approvable.
        const bool edited = m_dirty && m_loadedVersion == p->version && !showsUnchanged(*p);
        m_approve->setEnabled(online && !edited);
        m_approve->setToolTip(edited ? tr("The editor shows changes to version %1: discard them "
                                          "to approve the version as it was saved.")
                                           .arg(p->version)
                                     : QString());
    }
    m_recompute->setVisible(pm || m_role == QLatin1String("admin"));
    m_recompute->setEnabled(online);
    m_save->setVisible(pm);
    m_note->setVisible(pm);
    m_save->setEnabled(online && m_dirty && !m_invalid && p == nullptr);
    m_save->setToolTip(p ? tr("Version %1 waits for approval: have it decided or withdraw it "
                              "first.")
                               .arg(p->version)
                         : QString());
    m_discard->setEnabled(m_dirty);
    m_removeLevel->setEnabled(m_ladder->levelCount() > 1);
}

void LevelsPage::change(const std::function<bool(CentralLevels &)> &call, const QString &success,
                        bool savesDraft)
{
    m_busy = true;
    updateState();
    m_client->change<CentralLevels>(
        this, call, [this, success, savesDraft](bool ok, const QString &error) {
            m_busy = false;
            // A refusal keeps the draft as it was, to be corrected and sent again; so does any
            // other call (a refresh, a decision): only a save makes the draft the store's.
            if (ok && savesDraft) {
                m_dirty = false;
                m_note->clear();
            }
            if (ok)
                emit syncRequested();
            updateState();
            emit done(ok, ok ? success : tr("The central store refused: %1").arg(error));
        });
}

void LevelsPage::saveDraft(const QString &note)
{
    const LevelLadder draft = m_ladder->ladder();
    if (!draft.isValid()) {
        emit done(false, draft.errorString());
        return;
    }
    const QJsonObject json = draft.toJson();
    const int base = m_baseVersion;
    change([json, note,
            base](CentralLevels &levels) { return levels.save(json, note, base).has_value(); },
           tr("The ladder was saved as a new version; the next sync brings its effect."), true);
}

void LevelsPage::decidePending(bool approve, const QString &reason)
{
    const CentralLevels::Ladder *p = pending();
    if (!p)
        return;
    const int version = p->version;
    // The editor showing that version is done with it once it is decided.
    change([version, approve,
            reason](CentralLevels &levels) { return levels.decide(version, approve, reason); },
           approve ? tr("Version %1 is active: every creator was placed again.").arg(version)
                   : tr("Version %1 was rejected.").arg(version),
           showsUnchanged(*p));
}

bool LevelsPage::showsUnchanged(const CentralLevels::Ladder &version) const
{
    return m_loadedVersion == version.version &&
           m_ladder->ladder().toJson() == LevelLadder::fromJson(version.ladder).toJson();
}

void LevelsPage::withdrawPending()
{
    const CentralLevels::Ladder *p = pending();
    if (!p)
        return;
    const int version = p->version;
    change([version](CentralLevels &levels) { return levels.withdraw(version); },
           tr("Version %1 was withdrawn.").arg(version), showsUnchanged(*p));
}

void LevelsPage::recompute()
{
    change([](CentralLevels &levels) { return levels.refresh().has_value(); },
           tr("Every creator's metrics and level were brought up to date; the next sync brings "
              "them."));
}

void LevelsPage::retranslate()
{
    m_tabs->setTabText(0, tr("Ladder and What-If"));
    m_tabs->setTabText(1, tr("Distribution and Versions"));
    m_recompute->setText(tr("Refresh Levels"));
    m_recompute->setToolTip(tr("Bring every creator's metrics and level up to date on the "
                               "central store"));
    m_showPending->setText(tr("Show in Editor"));
    m_approve->setText(tr("Approve"));
    m_reject->setText(tr("Reject…"));
    m_withdraw->setText(tr("Withdraw"));
    m_levelsLabel->setText(tr("Levels"));
    m_addLevel->setText(tr("Add Level"));
    m_removeLevel->setText(tr("Remove Top Level"));
    m_addCondition->setText(tr("Add Condition"));
    m_addGroup->setText(tr("Add “Any of” Group"));
    m_removeCondition->setText(tr("Remove"));
    m_note->setPlaceholderText(tr("Why this change (kept with the version)"));
    m_save->setText(tr("Save as New Version"));
    m_discard->setText(tr("Discard Changes"));
    m_whatIfLabel->setText(tr("What if"));
    m_distributionLabel->setText(tr("Creators per level, day by day"));
    m_versionsLabel->setText(tr("Versions"));
    m_versionsTable->setHorizontalHeaderLabels({tr("Version"), tr("State"), tr("By"), tr("Saved"),
                                                tr("Decided"), tr("Note"),
                                                tr("Reason for the decision")});
    m_compare->retranslate();
    m_distribution->retranslate();
    showRule();
    if (m_loaded)
        reload();
    updateState();
}
