#include "gamespage.h"

#include "cacheeditor.h"
#include "catalogue.h"
#include "editrowcommand.h"
#include "gameeditdialog.h"
#include "gametablemodel.h"
#include "gametagscommand.h"
#include "monthlybarchart.h"
#include "queuedopcommand.h"
#include "roles.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QUrlQuery>
#include <QVBoxLayout>

using Catalogue::Labels;

GamesPage::GamesPage(GameTableModel *model, CatalogueRepository *repository, CacheEditor *editor,
                     QUndoStack *undo, QWidget *parent)
    : CataloguePage(QStringLiteral("games"), model, parent)
    , m_games(model)
    , m_repository(repository)
    , m_editor(editor)
    , m_undo(undo)
{
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("gameTagFilter"));
    m_tag->setMinimumContentsLength(14);
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    filterBar()->addWidget(m_tag, 1);
    filterBar()->addWidget(m_status);
    filterBar()->addWidget(m_clear);
    filterBar()->addStretch(1);

    m_chartTitle = new QLabel(this);
    m_chartTitle->setStyleSheet(QStringLiteral("QLabel { color: #444; font-weight: bold; }"));
    m_chart = new MonthlyBarChart(this);
    m_chart->setObjectName(QStringLiteral("videosPerMonth"));
    m_chart->setMinimumHeight(170);
    detailLayout()->addWidget(m_chartTitle);
    detailLayout()->addWidget(m_chart);
    if (m_editor && m_undo) {
        m_edit = new QPushButton(this);
        m_edit->setObjectName(QStringLiteral("editGame"));
        m_edit->setShortcut(QKeySequence(Qt::Key_F2));
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(m_edit);
        buttons->addStretch(1);
        detailLayout()->addLayout(buttons);
        m_new = new QPushButton(this);
        m_new->setObjectName(QStringLiteral("newGame"));
        filterBar()->insertWidget(filterBar()->count() - 1, m_new);
        connect(m_edit, &QPushButton::clicked, this, [this] { editCurrentGame(); });
        connect(m_new, &QPushButton::clicked, this, [this] { newGame(); });
    }

    connect(m_status, &QComboBox::currentIndexChanged, this, &GamesPage::applyFilters);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &GamesPage::applyFilters);
    connect(m_clear, &QPushButton::clicked, this, &GamesPage::clearFilters);
    connect(model, &LazyTableModel::ready, this, [this] {
        if (m_pendingSelection > 0)
            selectGame(std::exchange(m_pendingSelection, 0));
    });
    retranslate();
    reloadChoices();
    m_clear->setEnabled(false); // nothing to clear yet
}

QString GamesPage::title() const
{
    return tr("Games");
}

void GamesPage::reloadChoices()
{
    const qint64 current = m_tag->currentData().toLongLong();
    const QSignalBlocker block(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All game tags"), qint64(0));
    QList<CatalogueRepository::TagRef> tags;
    for (const auto &t : m_repository->allTags()) {
        if (t.groupKind == QLatin1String("dimension"))
            tags.append(t);
    }
    const QStringList order = Labels::dimensionCodes();
    std::stable_sort(tags.begin(), tags.end(), [&order](const auto &a, const auto &b) {
        return order.indexOf(a.groupCode) < order.indexOf(b.groupCode);
    });
    for (const auto &t : std::as_const(tags))
        m_tag->addItem(QStringLiteral("%1: %2").arg(Labels::dimension(t.groupCode),
                                                    Labels::name(t.name, t.nameEn)),
                       t.id);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(current)));
}

void GamesPage::applyFilters()
{
    GameTableModel::Filter f;
    f.search = searchField()->text();
    f.status = m_status->currentData().toString();
    f.tagId = m_tag->currentData().toLongLong();
    m_clear->setEnabled(hasFilters() || !f.search.isEmpty() || !f.status.isEmpty() || f.tagId);
    m_games->setFilter(f);
}

bool GamesPage::hasFilters() const
{
    return !(m_games->filter() == GameTableModel::Filter());
}

void GamesPage::clearFilters()
{
    const QSignalBlocker b1(m_status), b2(m_tag), b3(searchField());
    m_status->setCurrentIndex(0);
    m_tag->setCurrentIndex(0);
    searchField()->clear();
    applyFilters();
}

void GamesPage::selectGame(qint64 id)
{
    const int row = m_games->loadedRowOf(id);
    if (row < 0) {
        emit message(tr("Game %1 is not in the current list.").arg(id));
        return;
    }
    table()->selectionModel()->setCurrentIndex(
        m_games->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table()->scrollTo(m_games->index(row, 0));
}

bool GamesPage::openLink(const QUrl &link)
{
    if (link.scheme() != QLatin1String("coulisse") || link.host() != QLatin1String("games"))
        return false;
    const QUrlQuery query(link);
    if (query.hasQueryItem(QStringLiteral("tag"))) {
        const QSignalBlocker block(m_tag);
        m_tag->setCurrentIndex(
            std::max(0, m_tag->findData(query.queryItemValue(QStringLiteral("tag")).toLongLong())));
        applyFilters();
        return true;
    }
    const qint64 id = link.path().mid(1).toLongLong();
    if (id > 0) {
        if (hasFilters()) {
            m_pendingSelection = id;
            clearFilters();
        } else {
            selectGame(id);
        }
    }
    return true;
}

QString GamesPage::countText(int count) const
{
    return tr("%Ln game(s)", nullptr, count);
}

QString GamesPage::emptyText() const
{
    return hasFilters() ? tr("No games match these filters.")
                        : tr("This cache holds no games yet.");
}

void GamesPage::retranslate()
{
    if (m_edit) {
        const bool proposal = Roles::proposes(m_role);
        m_edit->setText(proposal ? tr("Propose a change…") : tr("Edit…"));
        m_edit->setToolTip(tr("Names, developer, release, introduction, game tags (F2)"));
        m_new->setText(proposal ? tr("Propose a game…") : tr("New game…"));
    }
    searchField()->setPlaceholderText(tr("Search games, English names, aliases, developers…"));
    fillChoices(m_status, tr("All statuses"), {QStringLiteral("active"), QStringLiteral("retired")},
                &Labels::status);
    if (m_tag->count() > 0)
        reloadChoices();
    m_clear->setText(tr("Clear filters"));
    m_chartTitle->setText(tr("Videos published per month"));
    CataloguePage::retranslate();
}

void GamesPage::showDetail(qint64 id)
{
    const auto g = id >= 0 ? m_repository->game(id) : std::nullopt;
    m_current = g ? id : -1;
    if (m_edit)
        m_edit->setEnabled(g.has_value());
    if (!g) {
        setDetailHtml(QStringLiteral("<p style='color:#6b6b6b'>%1</p>")
                          .arg(tr("Select a game to see its tags and library.").toHtmlEscaped()));
        m_chart->clear();
        return;
    }
    const QLocale locale;
    const QString other = Labels::englishNames() ? g->name : g->nameEn;
    QString html = detailHeading(Labels::name(g->name, g->nameEn), other);
    html += QStringLiteral("<table cellspacing='2'>");
    if (!g->aliases.isEmpty())
        html += detailRow(tr("Aliases"), g->aliases.join(QStringLiteral(", ")).toHtmlEscaped());
    html += detailRow(tr("Developer"), g->developer.toHtmlEscaped());
    if (g->released > 0)
        html += detailRow(tr("Released"), QString::number(g->released));
    html += detailRow(tr("Status"), Labels::status(g->status).toHtmlEscaped());
    html += detailRow(tr("Videos"), QStringLiteral("<a href='coulisse://videos?game=%1'>%2</a>")
                                        .arg(g->id)
                                        .arg(locale.toString(g->videos)));
    html += historyRow(QStringLiteral("game"), g->id);
    html += QStringLiteral("</table>");
    if (!g->introduction.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(g->introduction.toHtmlEscaped());

    html +=
        QStringLiteral("<h3>%1</h3><table cellspacing='4'>").arg(tr("Game tags").toHtmlEscaped());
    for (const QString &code : Labels::dimensionCodes()) {
        QStringList chips;
        for (const auto &t : g->gameTags) {
            if (t.groupCode == code)
                chips.append(chip(Labels::name(t.name, t.nameEn),
                                  QStringLiteral("coulisse://games?tag=%1").arg(t.id),
                                  t.status == QLatin1String("retired")));
        }
        if (!chips.isEmpty())
            html += detailRow(Labels::dimension(code), chips.join(QLatin1Char(' ')));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table cellspacing='4'>")
                .arg(tr("Dedicated library").toHtmlEscaped());
    for (const QString &code : Labels::categoryCodes()) {
        QStringList chips;
        int count = 0;
        for (const auto &t : g->libraryTags) {
            if (t.groupCode != code)
                continue;
            ++count;
            if (chips.size() < 8)
                chips.append(chip(QStringLiteral("%1 %2").arg(Labels::name(t.name, t.nameEn),
                                                              locale.toString(t.uses)),
                                  QStringLiteral("coulisse://videos?tag=%1").arg(t.id),
                                  t.status == QLatin1String("retired")));
        }
        if (count > chips.size())
            chips.append(tr("and %Ln more", nullptr, count - int(chips.size())).toHtmlEscaped());
        if (count > 0)
            html += detailRow(Labels::category(code), chips.join(QLatin1Char(' ')));
    }
    html += QStringLiteral("</table>");
    setDetailHtml(html);
    m_chart->setSeries(g->videosPerMonth, tr("videos"));
}

void GamesPage::setRole(const QString &role)
{
    m_role = role;
    const bool editing = Roles::mayEditCatalogue(role);
    for (QPushButton *button : {m_edit, m_new}) {
        if (button)
            button->setVisible(editing);
    }
    retranslate();
}

GameEditDialog *GamesPage::editCurrentGame()
{
    const auto game = m_current >= 0 ? m_repository->game(m_current) : std::nullopt;
    if (!game || !m_editor)
        return nullptr;
    auto *dialog = new GameEditDialog(*game, m_repository->allTags(), Roles::proposes(m_role),
                                      GameEditDialog::Mode::Edit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = game->id;
    const QString name = game->name;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, name] {
        const QJsonObject after = dialog->changes();
        if (!after.isEmpty()) {
            const CacheEditor::Result r = m_editor->editGame(id, after);
            if (!r.ok) {
                emit message(r.error);
                return;
            }
            m_undo->push(new EditRowCommand(m_editor, EditRowCommand::Row::Game, id,
                                            dialog->original(), after, tr("Edit game %1").arg(name),
                                            undoNotify()));
        }
        if (!dialog->addedTags().isEmpty() || !dialog->removedTags().isEmpty()) {
            const CacheEditor::Result r =
                m_editor->tagGame(id, dialog->addedTags(), dialog->removedTags());
            if (!r.ok) {
                emit message(r.error);
                return;
            }
            if (r.changed) {
                m_undo->push(new GameTagsCommand(
                    m_editor, id, r, tr("Change the game tags of %1").arg(name), undoNotify()));
            }
        }
        announceQueued(Roles::proposes(m_role));
    });
    dialog->open();
    return dialog;
}

GameEditDialog *GamesPage::newGame()
{
    if (!m_editor)
        return nullptr;
    auto *dialog = new GameEditDialog({}, m_repository->allTags(), Roles::proposes(m_role),
                                      GameEditDialog::Mode::Create, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        CacheEditor *editor = m_editor;
        const QJsonObject fields = dialog->changes();
        const QList<qint64> tags = dialog->addedTags();
        const auto queue = [editor, fields, tags] {
            return editor->createGame(fields, tags);
        };
        const CacheEditor::Result r = queue();
        if (!r.ok) {
            emit message(r.error);
            return;
        }
        m_undo->push(new QueuedOpCommand(
            m_editor, r.opId,
            tr("New game %1").arg(fields.value(QStringLiteral("name")).toString()), queue,
            undoNotify()));
        emit message(tr("The new game is sent with the next sync and appears once central has "
                        "created it."));
        emit edited();
    });
    dialog->open();
    return dialog;
}
