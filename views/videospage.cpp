#include "videospage.h"

#include "catalogue.h"
#include "roles.h"
#include "tageditorpane.h"
#include "videotablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QUrlQuery>

using Catalogue::Labels;

VideosPage::VideosPage(VideoTableModel *model, CatalogueRepository *repository, CacheEditor *editor,
                       TagRecommender *recommender, QUndoStack *undo, QWidget *parent)
    : CataloguePage(QStringLiteral("videos"), model, parent)
    , m_videos(model)
    , m_repository(repository)
{
    m_game = new QComboBox(this);
    m_game->setObjectName(QStringLiteral("gameFilter"));
    m_game->setMinimumContentsLength(10);
    m_game->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tag = new QLineEdit(this);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->setClearButtonEnabled(true);
    m_tagChoices = new QStandardItemModel(this);
    m_tagCompleter = new QCompleter(m_tagChoices, this);
    m_tagCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_tagCompleter->setFilterMode(Qt::MatchContains);
    m_tagCompleter->setMaxVisibleItems(12);
    m_tag->setCompleter(m_tagCompleter);
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_featured = new QCheckBox(this);
    m_featured->setObjectName(QStringLiteral("featuredFilter"));
    m_untagged = new QCheckBox(this);
    m_untagged->setObjectName(QStringLiteral("untaggedFilter"));
    m_myChanges = new QCheckBox(this);
    m_myChanges->setObjectName(QStringLiteral("myChangesFilter"));
    m_uploader = new QPushButton(this);
    m_uploader->setObjectName(QStringLiteral("uploaderFilter"));
    m_uploader->setFlat(true);
    m_uploader->hide();
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));

    filterBar()->addWidget(m_game, 1);
    filterBar()->addWidget(m_tag, 1);
    filterBar()->addWidget(m_source);
    filterBar()->addWidget(m_featured);
    filterBar()->addWidget(m_untagged);
    filterBar()->addWidget(m_myChanges);
    filterBar()->addWidget(m_uploader);
    filterBar()->addWidget(m_clear);

    connect(m_game, &QComboBox::currentIndexChanged, this, &VideosPage::applyFilters);
    connect(m_source, &QComboBox::currentIndexChanged, this, &VideosPage::applyFilters);
    connect(m_featured, &QCheckBox::toggled, this, &VideosPage::applyFilters);
    connect(m_untagged, &QCheckBox::toggled, this, &VideosPage::applyFilters);
    connect(m_myChanges, &QCheckBox::toggled, this, &VideosPage::applyFilters);

    if (editor) {
        m_tagEditor = new TagEditorPane(repository, editor, recommender, undo, this);
        detailLayout()->addWidget(m_tagEditor);
        detailView()->setMinimumHeight(120);
        connect(table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &VideosPage::updateTagEditor);
        connect(table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &VideosPage::updateTagEditor);
        connect(model, &LazyTableModel::rowsLoaded, this, &VideosPage::updateTagEditor);
        connect(m_tagEditor, &TagEditorPane::message, this, &CataloguePage::message);
        connect(m_tagEditor, &TagEditorPane::videosChanged, this, [this] { refresh(); });
    }
    connect(m_clear, &QPushButton::clicked, this, &VideosPage::clearFilters);
    connect(m_uploader, &QPushButton::clicked, this, [this] { setUploaderFilter(0, {}); });
    connect(m_tagCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &label) { setTagFilter(m_tagByLabel.value(label)); });
    connect(m_tag, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_tag->text().trimmed();
        const qint64 id = m_tagByLabel.value(text);
        if (id != 0 || text.isEmpty()) {
            setTagFilter(id);
            return;
        }
        // A tag expression (a bare name is one too: every tag of that name).
        TagExpression expression;
        TagExpression::Error error;
        if (!m_repository->tagExpression(text, &expression, &error)) {
            m_tag->setCursorPosition(std::max(0, error.column - 1));
            emit message(error.message);
            return;
        }
        m_tagId = 0;
        m_tagSet = expression.sqlVideoSet(&m_tagSetNegated);
        applyFilters();
    });
    connect(m_tag, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && (m_tagId != 0 || !m_tagSet.isEmpty()))
            setTagFilter(0);
    });

    retranslate();
    reloadChoices();
    m_clear->setEnabled(false); // nothing to clear yet
}

QString VideosPage::title() const
{
    return tr("Videos");
}

void VideosPage::reloadChoices()
{
    const qint64 currentGame = m_game->currentData().toLongLong();
    {
        const QSignalBlocker block(m_game);
        m_game->clear();
        m_game->addItem(tr("All games"), qint64(0));
        for (const auto &g : m_repository->games())
            m_game->addItem(Labels::name(g.name, g.nameEn), g.id);
        m_game->setCurrentIndex(std::max(0, m_game->findData(currentGame)));
    }
    m_tagChoices->clear();
    m_tagByLabel.clear();
    for (const auto &t : m_repository->allTags()) {
        if (t.groupKind == QLatin1String("dimension"))
            continue; // game tags describe games, not videos
        const QString group = Labels::tagGroup(t.groupKind, t.groupCode, t.gameName, t.gameNameEn);
        const QString label = QStringLiteral("%1 — %2").arg(Labels::name(t.name, t.nameEn), group);
        auto *item = new QStandardItem(label);
        item->setData(t.id, Qt::UserRole);
        item->setData(t.name, Qt::UserRole + 1);
        item->setData(t.nameEn, Qt::UserRole + 2);
        m_tagChoices->appendRow(item);
        m_tagByLabel.insert(label, t.id);
    }
}

void VideosPage::setTagFilter(qint64 tagId)
{
    m_tagId = tagId;
    m_tagSet.clear();
    if (tagId == 0) {
        const QSignalBlocker block(m_tag);
        m_tag->clear();
    } else {
        for (auto it = m_tagByLabel.cbegin(); it != m_tagByLabel.cend(); ++it) {
            if (it.value() == tagId) {
                const QSignalBlocker block(m_tag);
                m_tag->setText(it.key());
                break;
            }
        }
    }
    applyFilters();
}

void VideosPage::setUploaderFilter(qint64 uploaderId, const QString &nickname)
{
    m_uploaderId = uploaderId;
    m_uploaderName = nickname;
    m_uploader->setVisible(uploaderId > 0);
    retranslate();
    applyFilters();
}

void VideosPage::applyFilters()
{
    VideoTableModel::Filter f;
    f.search = searchField()->text();
    f.gameId = m_game->currentData().toLongLong();
    f.tagId = m_tagId;
    f.tagSet = m_tagSet;
    f.tagSetNegated = m_tagSetNegated;
    f.uploaderId = m_uploaderId;
    f.source = m_source->currentData().toString();
    f.featuredOnly = m_featured->isChecked();
    f.untaggedOnly = m_untagged->isChecked();
    f.myChangesOnly = m_myChanges->isChecked();
    m_clear->setEnabled(!f.isEmpty());
    m_videos->setFilter(f);
}

bool VideosPage::hasFilters() const
{
    return !m_videos->filter().isEmpty();
}

void VideosPage::clearFilters()
{
    const QSignalBlocker b1(m_game), b2(m_source), b3(m_featured), b4(m_untagged),
        b5(searchField()), b6(m_tag), b7(m_myChanges);
    m_myChanges->setChecked(false);
    m_game->setCurrentIndex(0);
    m_source->setCurrentIndex(0);
    m_featured->setChecked(false);
    m_untagged->setChecked(false);
    searchField()->clear();
    m_tag->clear();
    m_tagId = 0;
    m_tagSet.clear();
    m_uploaderId = 0;
    m_uploader->hide();
    applyFilters();
}

bool VideosPage::openLink(const QUrl &link)
{
    if (link.scheme() != QLatin1String("coulisse") || link.host() != QLatin1String("videos"))
        return false;
    const QUrlQuery query(link);
    if (query.hasQueryItem(QStringLiteral("game"))) {
        const QSignalBlocker block(m_game);
        m_game->setCurrentIndex(std::max(
            0, m_game->findData(query.queryItemValue(QStringLiteral("game")).toLongLong())));
    }
    if (query.hasQueryItem(QStringLiteral("uploader"))) {
        setUploaderFilter(query.queryItemValue(QStringLiteral("uploader")).toLongLong(),
                          query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded));
        return true;
    }
    if (query.hasQueryItem(QStringLiteral("tag"))) {
        setTagFilter(query.queryItemValue(QStringLiteral("tag")).toLongLong());
        return true;
    }
    applyFilters();
    return true;
}

QString VideosPage::countText(int count) const
{
    return tr("%Ln video(s)", nullptr, count);
}

QString VideosPage::emptyText() const
{
    if (hasFilters())
        return tr("No videos match these filters.");
    return tr("This cache holds no videos yet.\n\nSign in to sync the catalogue, or write demo "
              "data with:\ncoulisse-cli demo-data --cache FILE");
}

void VideosPage::retranslate()
{
    searchField()->setPlaceholderText(tr("Search titles…"));
    searchField()->setToolTip(tr("Full-text search over titles; Chinese matches any part of a "
                                 "title, English words match by prefix"));
    m_tag->setPlaceholderText(tr("Tags, e.g. 教程 -搞笑"));
    m_tag->setToolTip(tr("Pick a tag, or type an expression and press Enter: names joined by "
                         "AND, OR, NOT (also & | ! - 且 或 非) and parentheses; names side by side "
                         "must all be present; put names with spaces in double quotes"));
    m_featured->setText(tr("Featured"));
    m_untagged->setText(tr("Untagged only"));
    m_myChanges->setText(tr("My pending changes"));
    m_myChanges->setToolTip(tr("Videos whose tag changes made here are not settled: waiting to "
                               "sync, waiting for approval, rejected or in conflict"));
    m_clear->setText(tr("Clear filters"));
    m_uploader->setText(tr("Uploader: %1 ✕").arg(m_uploaderName));
    m_uploader->setToolTip(tr("Show videos of every uploader"));
    if (m_game->count() > 0)
        reloadChoices(); // game and tag names follow the language
    fillChoices(m_source, tr("All sources"), Labels::sourceCodes(), &Labels::source);
    CataloguePage::retranslate();
}

void VideosPage::showDetail(qint64 id)
{
    if (id < 0) {
        setDetailHtml(QStringLiteral("<p style='color:#6b6b6b'>%1</p>")
                          .arg(tr("Select a video to see its details and tags.").toHtmlEscaped()));
        return;
    }
    const auto v = m_repository->video(id);
    if (!v) {
        setDetailHtml(QStringLiteral("<p>%1</p>").arg(tr("This video is no longer in the cache.")));
        return;
    }
    const QLocale locale;
    QString html = detailHeading(v->title, tr("Video %1").arg(v->id));
    html += QStringLiteral("<table cellspacing='2'>");
    html +=
        detailRow(tr("Game"), QStringLiteral("<a href='coulisse://games/%1'>%2</a>")
                                  .arg(v->gameId)
                                  .arg(Labels::name(v->gameName, v->gameNameEn).toHtmlEscaped()));
    html += detailRow(tr("Uploader"),
                      v->uploaderId > 0
                          ? QStringLiteral("<a href='coulisse://videos?uploader=%1&name=%2'>%3</a>")
                                .arg(v->uploaderId)
                                .arg(QString::fromUtf8(QUrl::toPercentEncoding(v->uploader)),
                                     v->uploader.toHtmlEscaped())
                          : tr("(deleted user)").toHtmlEscaped());
    html += historyRow(QStringLiteral("video"), v->id);
    html += detailRow(tr("Source"), Labels::source(v->source).toHtmlEscaped());
    html += detailRow(tr("Duration"), Labels::duration(v->durationSeconds));
    html += detailRow(tr("Published"), Labels::dateTime(v->publishedAt));
    html += detailRow(tr("Plays"), locale.toString(v->plays));
    html += detailRow(tr("Featured"), v->featured ? tr("Yes") : tr("No"));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Tags").toHtmlEscaped());
    if (v->tags.isEmpty()) {
        html += QStringLiteral("<p style='color:#6b6b6b'>%1</p>")
                    .arg(tr("No tags yet.").toHtmlEscaped());
    } else {
        struct Section
        {
            QString kind;
            QString code;
            QString title;
        };
        const QList<Section> sections = {
            {QStringLiteral("category"), QStringLiteral("default"),
             Labels::category(QStringLiteral("default"))},
            {QStringLiteral("category"), QStringLiteral("character"),
             Labels::category(QStringLiteral("character"))},
            {QStringLiteral("category"), QStringLiteral("item"),
             Labels::category(QStringLiteral("item"))},
            {QStringLiteral("category"), QStringLiteral("mode"),
             Labels::category(QStringLiteral("mode"))},
            {QStringLiteral("general"), QString(), Labels::groupKind(QStringLiteral("general"))},
        };
        html += QStringLiteral("<table cellspacing='4'>");
        for (const Section &section : sections) {
            QStringList chips;
            for (const auto &t : v->tags) {
                if (t.groupKind != section.kind ||
                    (!section.code.isEmpty() && t.groupCode != section.code))
                    continue;
                const bool retired = t.status == QLatin1String("retired");
                QString text = Labels::name(t.name, t.nameEn);
                if (retired)
                    text = tr("%1 (retired)").arg(text);
                chips.append(
                    chip(text, QStringLiteral("coulisse://videos?tag=%1").arg(t.id), retired));
            }
            if (!chips.isEmpty())
                html += detailRow(section.title, chips.join(QLatin1Char(' ')));
        }
        html += QStringLiteral("</table>");
    }
    setDetailHtml(html);
}

void VideosPage::updateTagEditor()
{
    if (!m_tagEditor)
        return;
    // The selected rows (bulk tagging), else the current one.
    QList<qint64> ids;
    const QModelIndexList rows = table()->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const qint64 id = model()->idAt(index.row());
        if (id < 0)
            return; // a window is on its way; rowsLoaded brings us back
        ids.append(id);
    }
    if (ids.isEmpty()) {
        const QModelIndex current = table()->selectionModel()->currentIndex();
        if (current.isValid() && model()->idAt(current.row()) >= 0)
            ids.append(model()->idAt(current.row()));
    }
    std::sort(ids.begin(), ids.end());
    if (ids != m_tagEditor->videos())
        m_tagEditor->setVideos(ids);
}

void VideosPage::nextVideo()
{
    moveCurrent(1);
}

void VideosPage::previousVideo()
{
    moveCurrent(-1);
}

void VideosPage::focusTagInput()
{
    if (m_tagEditor && m_tagEditor->isVisible())
        m_tagEditor->focusInput();
}

void VideosPage::setRole(const QString &role)
{
    if (m_tagEditor)
        m_tagEditor->setVisible(Roles::mayEditCatalogue(role));
}
