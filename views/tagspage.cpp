#include "tagspage.h"

#include "cacheeditor.h"
#include "catalogue.h"
#include "editrowcommand.h"
#include "queuedopcommand.h"
#include "roles.h"
#include "tageditdialog.h"
#include "taggrouptreemodel.h"
#include "tagmergedialog.h"
#include "tagtablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using Catalogue::Labels;

TagsPage::TagsPage(TagTableModel *model, TagGroupTreeModel *groups, CatalogueRepository *repository,
                   CacheEditor *editor, QUndoStack *undo, QWidget *parent)
    : CataloguePage(QStringLiteral("tags"), model, parent)
    , m_tags(model)
    , m_groups(groups)
    , m_repository(repository)
    , m_editor(editor)
    , m_undo(undo)
{
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("groupTree"));
    m_tree->setModel(groups);
    m_tree->setUniformRowHeights(true);
    m_tree->setMinimumWidth(200);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TagGroupTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(TagGroupTreeModel::TagsColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->expandToDepth(0);
    splitter()->insertWidget(0, m_tree);
    splitter()->setStretchFactor(0, 1);
    splitter()->setStretchFactor(1, 3);
    splitter()->setStretchFactor(2, 2);
    splitter()->setSizes({220, 780, 300});

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_unused = new QCheckBox(this);
    m_unused->setObjectName(QStringLiteral("unusedFilter"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    filterBar()->addWidget(m_status);
    filterBar()->addWidget(m_unused);
    filterBar()->addWidget(m_clear);
    filterBar()->addStretch(1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TagsPage::applyFilters);
    connect(groups, &QAbstractItemModel::modelReset, this, [this] { m_tree->expandToDepth(0); });
    connect(m_status, &QComboBox::currentIndexChanged, this, &TagsPage::applyFilters);
    connect(m_unused, &QCheckBox::toggled, this, &TagsPage::applyFilters);
    connect(m_clear, &QPushButton::clicked, this, &TagsPage::clearFilters);
    if (m_editor && m_undo) {
        auto *buttons = new QHBoxLayout;
        m_edit = new QPushButton(this);
        m_edit->setObjectName(QStringLiteral("editTag"));
        m_edit->setShortcut(QKeySequence(Qt::Key_F2));
        m_toggle = new QPushButton(this);
        m_toggle->setObjectName(QStringLiteral("toggleTagStatus"));
        m_merge = new QPushButton(this);
        m_merge->setObjectName(QStringLiteral("mergeTag"));
        buttons->addWidget(m_edit);
        buttons->addWidget(m_toggle);
        buttons->addWidget(m_merge);
        buttons->addStretch(1);
        detailLayout()->addLayout(buttons);
        connect(m_edit, &QPushButton::clicked, this, [this] { editCurrentTag(false); });
        connect(m_toggle, &QPushButton::clicked, this, [this] { editCurrentTag(true); });
        connect(m_merge, &QPushButton::clicked, this, [this] { mergeCurrentTag(); });
        m_new = new QPushButton(this);
        m_new->setObjectName(QStringLiteral("newTag"));
        filterBar()->insertWidget(filterBar()->count() - 1, m_new);
        connect(m_new, &QPushButton::clicked, this, [this] { newTag(); });
        connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &TagsPage::updateNewTag);
    }
    retranslate();
    m_clear->setEnabled(false); // nothing to clear yet
}

QString TagsPage::title() const
{
    return tr("Tag library");
}

void TagsPage::applyFilters()
{
    TagTableModel::Filter f;
    f.search = searchField()->text();
    f.status = m_status->currentData().toString();
    f.unusedOnly = m_unused->isChecked();
    const QModelIndex group = m_tree->selectionModel()->currentIndex();
    if (group.isValid()) {
        const QString kind = group.data(TagGroupTreeModel::KindRole).toString();
        if (kind == QLatin1String("root-dimension"))
            f.groupKind = QStringLiteral("dimension");
        else if (kind == QLatin1String("root-library"))
            f.groupKind = QStringLiteral("library");
        else
            for (const QVariant &id : group.data(TagGroupTreeModel::GroupIdsRole).toList())
                f.groupIds.append(id.toLongLong());
    }
    m_clear->setEnabled(!(f == TagTableModel::Filter()));
    m_tags->setFilter(f);
}

bool TagsPage::hasFilters() const
{
    return !(m_tags->filter() == TagTableModel::Filter());
}

void TagsPage::clearFilters()
{
    const QSignalBlocker b1(m_status), b2(m_unused), b3(searchField()),
        b4(m_tree->selectionModel());
    m_status->setCurrentIndex(0);
    m_unused->setChecked(false);
    searchField()->clear();
    m_tree->selectionModel()->clear();
    applyFilters();
}

bool TagsPage::openLink(const QUrl &link)
{
    if (link.scheme() != QLatin1String("coulisse") || link.host() != QLatin1String("tags"))
        return false;
    const auto tag = m_repository->tag(link.path().mid(1).toLongLong());
    if (tag) {
        const QModelIndex group = m_groups->indexOfGroup(tag->groupId);
        if (group.isValid()) {
            m_tree->scrollTo(group);
            m_tree->selectionModel()->setCurrentIndex(group, QItemSelectionModel::ClearAndSelect);
        }
        const QSignalBlocker block(searchField());
        searchField()->setText(tag->name);
        applyFilters();
    }
    return true;
}

QString TagsPage::countText(int count) const
{
    return tr("%Ln tag(s)", nullptr, count);
}

QString TagsPage::emptyText() const
{
    return hasFilters() ? tr("No tags match these filters.") : tr("The tag library is empty.");
}

void TagsPage::retranslate()
{
    searchField()->setPlaceholderText(tr("Search tags, English names, aliases…"));
    fillChoices(m_status, tr("All statuses"), {QStringLiteral("active"), QStringLiteral("retired")},
                &Labels::status);
    m_unused->setText(tr("Unused only"));
    m_clear->setText(tr("Clear filters"));
    if (m_edit) {
        const bool proposal = Roles::proposes(m_role);
        m_edit->setText(proposal ? tr("Propose a change…") : tr("Edit…"));
        m_edit->setToolTip(tr("Rename, aliases, retire or re-enable (F2)"));
        m_merge->setText(proposal ? tr("Propose a merge…") : tr("Merge into…"));
        m_merge->setToolTip(tr("Move every use of this tag to another one and retire it"));
        m_new->setText(proposal ? tr("Propose a tag…") : tr("New tag…"));
        updateNewTag();
    }
    m_groups->relabel();
    CataloguePage::retranslate();
}

void TagsPage::showDetail(qint64 id)
{
    const auto t = id >= 0 ? m_repository->tag(id) : std::nullopt;
    m_current = t ? id : -1;
    if (m_edit) {
        m_edit->setEnabled(t.has_value());
        m_toggle->setEnabled(t.has_value());
        m_merge->setEnabled(t.has_value());
        m_toggle->setText(t && t->status == QLatin1String("retired") ? tr("Re-enable (上架)…")
                                                                     : tr("Retire (下架)…"));
    }
    if (!t) {
        setDetailHtml(QStringLiteral("<p style='color:#6b6b6b'>%1</p>")
                          .arg(tr("Select a tag to see where it is used.").toHtmlEscaped()));
        return;
    }
    const QLocale locale;
    const QString other = Labels::englishNames() ? t->name : t->nameEn;
    QString html = detailHeading(Labels::name(t->name, t->nameEn), other);
    QString group;
    if (t->groupKind == QLatin1String("dimension"))
        group = Labels::groupKind(t->groupKind) + QStringLiteral(" · ") +
                Labels::dimension(t->groupCode);
    else if (t->groupKind == QLatin1String("category"))
        group = Labels::name(t->libraryName, t->libraryNameEn) + QStringLiteral(" · ") +
                Labels::category(t->groupCode);
    else
        group = Labels::groupKind(t->groupKind);
    html += QStringLiteral("<table cellspacing='2'>");
    html += detailRow(tr("Group"), group.toHtmlEscaped());
    html += detailRow(tr("Status"), Labels::status(t->status).toHtmlEscaped());
    if (!t->aliases.isEmpty())
        html += detailRow(tr("Aliases"), t->aliases.join(QStringLiteral(", ")).toHtmlEscaped());
    html += detailRow(tr("Created"), Labels::date(t->createdAt));
    if (t->groupKind == QLatin1String("dimension")) {
        html += detailRow(tr("Games"), QStringLiteral("<a href='coulisse://games?tag=%1'>%2</a>")
                                           .arg(t->id)
                                           .arg(locale.toString(t->uses)));
    } else {
        html += detailRow(tr("Videos"), QStringLiteral("<a href='coulisse://videos?tag=%1'>%2</a>")
                                            .arg(t->id)
                                            .arg(locale.toString(t->uses)));
    }
    html += historyRow(QStringLiteral("tag"), t->id);
    html += QStringLiteral("</table>");
    if (!t->games.isEmpty()) {
        QStringList chips;
        for (const auto &g : t->games)
            chips.append(chip(Labels::name(g.name, g.nameEn),
                              QStringLiteral("coulisse://games/%1").arg(g.id)));
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(tr("Games with this tag").toHtmlEscaped(), chips.join(QLatin1Char(' ')));
    }
    if (t->status == QLatin1String("retired") && t->uses > 0)
        html += QStringLiteral("<p style='color:#8a5a00'>%1</p>")
                    .arg(tr("Retired, but still on %Ln item(s): existing uses are kept.", nullptr,
                            int(t->uses))
                             .toHtmlEscaped());
    setDetailHtml(html);
}

void TagsPage::setRole(const QString &role)
{
    m_role = role;
    const bool editing = Roles::mayEditCatalogue(role);
    for (QPushButton *button : {m_edit, m_toggle, m_merge, m_new}) {
        if (button)
            button->setVisible(editing);
    }
    retranslate();
}

TagEditDialog *TagsPage::editCurrentTag(bool toggleStatus)
{
    const auto tag = m_current >= 0 ? m_repository->tag(m_current) : std::nullopt;
    if (!tag || !m_editor)
        return nullptr;
    auto *dialog = new TagEditDialog(*tag, Roles::proposes(m_role), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (toggleStatus)
        dialog->toggleStatus();
    const qint64 id = tag->id;
    const QString name = tag->name;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, name] {
        const QJsonObject after = dialog->changes();
        const QJsonObject before = dialog->original();
        if (after.isEmpty())
            return;
        const CacheEditor::Result r = m_editor->editTag(id, after);
        if (!r.ok) {
            emit message(r.error);
            return;
        }
        m_undo->push(new EditRowCommand(m_editor, EditRowCommand::Row::Tag, id, before, after,
                                        tr("Edit tag %1").arg(name), undoNotify()));
        announceQueued(Roles::proposes(m_role));
    });
    dialog->open();
    return dialog;
}

void TagsPage::updateNewTag()
{
    if (!m_new)
        return;
    const QString kind =
        m_tree->selectionModel()->currentIndex().data(TagGroupTreeModel::KindRole).toString();
    const bool fits = kind == QLatin1String("dimension") || kind == QLatin1String("general") ||
                      kind == QLatin1String("category");
    m_new->setEnabled(fits);
    m_new->setToolTip(fits ? tr("A new tag in the selected group")
                           : tr("Select a dimension, the general library or a category of a "
                                "game's library in the tree first"));
}

void TagsPage::afterQueued(const QString &done)
{
    emit message(
        Roles::proposes(m_role)
            ? tr("%1 Proposed: it waits for the next sync, then for a supervisor.").arg(done)
            : tr("%1 It is sent with the next sync.").arg(done));
    emit edited();
}

TagEditDialog *TagsPage::newTag()
{
    const QModelIndex group = m_tree->selectionModel()->currentIndex();
    if (!m_editor || !m_new || !m_new->isEnabled() || !group.isValid())
        return nullptr;
    CatalogueRepository::TagDetail blank;
    blank.groupId = group.data(TagGroupTreeModel::GroupIdRole).toLongLong();
    blank.groupName = group.data(Qt::DisplayRole).toString();
    blank.status = QStringLiteral("active");
    auto *dialog =
        new TagEditDialog(blank, Roles::proposes(m_role), this, TagEditDialog::Mode::Create);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 groupId = blank.groupId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, groupId] {
        CacheEditor *editor = m_editor;
        const QString name = dialog->name();
        const QString nameEn = dialog->nameEn();
        const QStringList aliases = dialog->aliases();
        const auto queue = [editor, groupId, name, nameEn, aliases] {
            return editor->createTag(groupId, name, nameEn, aliases);
        };
        const CacheEditor::Result r = queue();
        if (!r.ok) {
            emit message(r.error);
            return;
        }
        pushQueued(r.opId, tr("New tag %1").arg(name), queue);
        afterQueued(tr("New tag \"%1\".").arg(name));
    });
    dialog->open();
    return dialog;
}

TagMergeDialog *TagsPage::mergeCurrentTag()
{
    const auto tag = m_current >= 0 ? m_repository->tag(m_current) : std::nullopt;
    if (!tag || !m_editor)
        return nullptr;
    auto *dialog = new TagMergeDialog(*tag, m_repository->allTags(), Roles::proposes(m_role), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 from = tag->id;
    const QString name = tag->name;
    connect(dialog, &QDialog::accepted, this, [this, dialog, from, name] {
        CacheEditor *editor = m_editor;
        const qint64 into = dialog->target();
        const auto queue = [editor, from, into] {
            return editor->mergeTag(from, into);
        };
        const CacheEditor::Result r = queue();
        if (!r.ok) {
            emit message(r.error);
            return;
        }
        pushQueued(r.opId, tr("Merge %1").arg(name), queue);
        afterQueued(tr("Merge of \"%1\".").arg(name));
    });
    dialog->open();
    return dialog;
}

void TagsPage::pushQueued(const QString &opId, const QString &text,
                          const std::function<CacheEditor::Result()> &queue)
{
    m_undo->push(new QueuedOpCommand(m_editor, opId, text, queue, undoNotify()));
}
