#include "tagspage.h"

#include "catalogue.h"
#include "taggrouptreemodel.h"
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

using Catalogue::Labels;

TagsPage::TagsPage(TagTableModel *model, TagGroupTreeModel *groups, CatalogueRepository *repository,
                   QWidget *parent)
    : CataloguePage(QStringLiteral("tags"), model, parent)
    , m_tags(model)
    , m_groups(groups)
    , m_repository(repository)
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
    m_groups->relabel();
    CataloguePage::retranslate();
}

void TagsPage::showDetail(qint64 id)
{
    const auto t = id >= 0 ? m_repository->tag(id) : std::nullopt;
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
