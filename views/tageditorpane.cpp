#include "tageditorpane.h"

#include "cacheeditor.h"
#include "catalogue.h"
#include "flowlayout.h"
#include "tagvideoscommand.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QStandardItemModel>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using Catalogue::Labels;

namespace {

constexpr int TagIdRole = Qt::UserRole + 1;

// Display order of the libraries on a video.
int groupRank(const CatalogueRepository::TagRef &t)
{
    if (t.groupKind == QLatin1String("category")) {
        static const QStringList order{QStringLiteral("default"), QStringLiteral("character"),
                                       QStringLiteral("item"), QStringLiteral("mode")};
        const qsizetype i = order.indexOf(t.groupCode);
        return i < 0 ? 4 : int(i);
    }
    return t.groupKind == QLatin1String("general") ? 5 : 6;
}

QString groupTitle(const CatalogueRepository::TagRef &t)
{
    if (t.groupKind == QLatin1String("category"))
        return Labels::category(t.groupCode);
    return Labels::groupKind(t.groupKind);
}

// Removes Return from the input when the completer's popup takes it, so that a completion
// is applied once.
class InputKeys : public QObject
{
public:
    using QObject::QObject;
    std::function<bool()> removeLast;
    std::function<void()> addTyped;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            // Enter in the completer's popup with no completion chosen: the typed name.
            auto *popup = qobject_cast<QAbstractItemView *>(watched);
            if (popup && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                !popup->currentIndex().isValid() && addTyped) {
                popup->hide();
                addTyped();
                return true;
            }
            auto *edit = qobject_cast<QLineEdit *>(watched);
            // Backspace in an empty input takes the last tag off, as in chip inputs elsewhere.
            if (edit && key->key() == Qt::Key_Backspace && key->modifiers() == Qt::NoModifier &&
                edit->text().isEmpty() && removeLast) {
                removeLast();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

TagEditorPane::TagEditorPane(CatalogueRepository *repository, CacheEditor *editor,
                             TagRecommender *recommender, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_editor(editor)
    , m_recommender(recommender)
    , m_undo(undo)
{
    setObjectName(QStringLiteral("tagEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(6);

    auto *heading = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("tagEditorTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("tagState"));
    m_state->setWordWrap(true);
    heading->addWidget(m_title);
    heading->addStretch(1);
    heading->addWidget(m_state);
    layout->addLayout(heading);

    m_chipBox = new QWidget(this);
    m_chipBox->setObjectName(QStringLiteral("chips"));
    auto *chipRows = new QVBoxLayout(m_chipBox);
    chipRows->setContentsMargins(0, 0, 0, 0);
    chipRows->setSpacing(4);
    layout->addWidget(m_chipBox);

    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("tagInput"));
    m_input->setClearButtonEnabled(true);
    m_completions = new QStandardItemModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_input->setCompleter(m_completer);
    layout->addWidget(m_input);
    auto *keys = new InputKeys(this);
    keys->removeLast = [this] {
        return removeLastTag();
    };
    keys->addTyped = [this] {
        const QString text = m_input->text().trimmed();
        if (!text.isEmpty() && addTag(text))
            m_input->clear();
    };
    m_input->installEventFilter(keys);
    m_completer->popup()->installEventFilter(keys);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const qint64 id = index.data(TagIdRole).toLongLong();
                // The line edit shows the completion; the tag goes on and the input empties.
                QMetaObject::invokeMethod(
                    this,
                    [this, id] {
                        if (addTag(id))
                            m_input->clear();
                    },
                    Qt::QueuedConnection);
            });
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_input->text().trimmed();
        if (m_completer->popup()->isVisible() || text.isEmpty())
            return;
        // A completion picked from the popup is added by its activation.
        for (int r = 0; r < m_completions->rowCount(); ++r) {
            if (m_completions->item(r)->text() == text)
                return;
        }
        if (addTag(text))
            m_input->clear();
    });

    m_suggestLabel = new QLabel(this);
    m_suggestLabel->setObjectName(QStringLiteral("suggestionsLabel"));
    layout->addWidget(m_suggestLabel);
    m_suggestBox = new QWidget(this);
    m_suggestBox->setObjectName(QStringLiteral("suggestions"));
    m_suggestFlow = new FlowLayout(m_suggestBox);
    layout->addWidget(m_suggestBox);

    retranslate();
    setVideos({});
}

void TagEditorPane::setVideos(const QList<qint64> &videos)
{
    if (videos != m_videos)
        m_lastAdded = 0;
    m_videos = videos;
    reload();
}

void TagEditorPane::reload()
{
    m_tags.clear();
    m_carriers.clear();
    m_gameId = 0;
    m_suggestions.clear();
    m_change = {};
    bool sameGame = true;
    QHash<qint64, CatalogueRepository::TagRef> seen;
    for (qint64 id : std::as_const(m_videos)) {
        const auto video = m_repository->video(id);
        if (!video)
            continue;
        if (m_gameId == 0)
            m_gameId = video->gameId;
        else if (m_gameId != video->gameId)
            sameGame = false;
        for (const auto &t : video->tags) {
            seen.insert(t.id, t);
            ++m_carriers[t.id];
        }
    }
    if (!sameGame)
        m_gameId = 0;
    m_tags = seen.values();
    std::sort(m_tags.begin(), m_tags.end(), [](const auto &a, const auto &b) {
        const int ra = groupRank(a), rb = groupRank(b);
        return ra != rb ? ra < rb : a.uses > b.uses;
    });
    m_aliases.clear();
    // Several games: only the general library fits them all.
    m_usable = m_repository->usableTags(m_gameId, &m_aliases);
    if (m_videos.size() == 1) {
        m_change = m_repository->videoChangeState(m_videos.first());
        if (m_recommender)
            m_suggestions = m_recommender->recommend(m_videos.first(), 9);
    }
    rebuild();
}

QString TagEditorPane::tagLabel(const CatalogueRepository::TagRef &tag) const
{
    return Labels::name(tag.name, tag.nameEn);
}

void TagEditorPane::rebuild()
{
    const bool none = m_videos.isEmpty();
    const bool several = m_videos.size() > 1;
    if (none)
        m_title->setText(tr("Tags"));
    else if (several)
        m_title->setText(tr("Tags of %n selected video(s)", nullptr, int(m_videos.size())));
    else
        m_title->setText(tr("Tags of video %1").arg(m_videos.first()));

    // The state of the latest edit.
    QString state;
    QString colour;
    switch (m_change.kind) {
    case CatalogueRepository::ChangeState::None:
        break;
    case CatalogueRepository::ChangeState::Waiting:
        state = tr("Waiting to sync");
        colour = QStringLiteral("#4b5563");
        break;
    case CatalogueRepository::ChangeState::PendingApproval:
        state = tr("Pending approval");
        colour = QStringLiteral("#a16207");
        break;
    case CatalogueRepository::ChangeState::Applied:
        state = tr("Applied");
        colour = QStringLiteral("#15803d");
        break;
    case CatalogueRepository::ChangeState::Approved:
        state = m_change.detail.isEmpty()
                    ? tr("Approved by %1").arg(m_change.reviewer)
                    : tr("Approved by %1: %2").arg(m_change.reviewer, m_change.detail);
        colour = QStringLiteral("#15803d");
        break;
    case CatalogueRepository::ChangeState::Refused:
        state = tr("Rejected by %1: %2").arg(m_change.reviewer, m_change.detail);
        colour = QStringLiteral("#b91c1c");
        break;
    case CatalogueRepository::ChangeState::Rejected:
        state = tr("Rejected: %1").arg(m_change.detail);
        colour = QStringLiteral("#b91c1c");
        break;
    case CatalogueRepository::ChangeState::Conflict:
        state = tr("Conflict: %1").arg(m_change.detail);
        colour = QStringLiteral("#b91c1c");
        break;
    }
    m_state->setText(state);
    m_state->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    m_state->setVisible(!state.isEmpty());

    // Chips, a row per library.
    const QList<QWidget *> old =
        m_chipBox->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
    qDeleteAll(old);
    auto *rows = static_cast<QVBoxLayout *>(m_chipBox->layout());
    if (!none && m_tags.isEmpty()) {
        auto *empty = new QLabel(several ? tr("None of these videos has tags yet.")
                                         : tr("No tags yet: type one below or pick a suggestion."),
                                 m_chipBox);
        empty->setObjectName(QStringLiteral("noTags"));
        empty->setStyleSheet(QStringLiteral("color: #6b6b6b;"));
        rows->addWidget(empty);
    }
    QString group;
    FlowLayout *flow = nullptr;
    for (const auto &t : std::as_const(m_tags)) {
        const QString title = groupTitle(t);
        if (title != group || !flow) {
            group = title;
            auto *label = new QLabel(title, m_chipBox);
            label->setStyleSheet(QStringLiteral("color: #6b6b6b; font-size: small;"));
            rows->addWidget(label);
            auto *holder = new QWidget(m_chipBox);
            flow = new FlowLayout(holder);
            rows->addWidget(holder);
        }
        const bool retired = t.status == QLatin1String("retired");
        QString text = tagLabel(t);
        if (several)
            text += QStringLiteral(" %1/%2").arg(m_carriers.value(t.id)).arg(m_videos.size());
        auto *chip = new QToolButton(flow->parentWidget());
        chip->setObjectName(QStringLiteral("chip"));
        chip->setProperty("tagId", t.id);
        chip->setText(text + QStringLiteral("  ✕"));
        chip->setAutoRaise(false);
        chip->setToolTip(retired   ? tr("Retired: stays on the video but cannot be added again. "
                                          "Click to remove.")
                         : several ? tr("Click to remove from every selected video")
                                   : tr("Click to remove"));
        chip->setStyleSheet(
            retired ? QStringLiteral("QToolButton { border: 1px solid #d1d5db; border-radius: 9px; "
                                     "padding: 1px 8px; color: #9ca3af; text-decoration: "
                                     "line-through; background: #f9fafb; }")
                    : QStringLiteral("QToolButton { border: 1px solid #bfd3f2; border-radius: 9px; "
                                     "padding: 1px 8px; background: #eef4fd; color: #123f7a; }"
                                     "QToolButton:hover { background: #dce8fb; }"));
        const qint64 id = t.id;
        connect(chip, &QToolButton::clicked, this, [this, id] { removeTag(id); });
        flow->addWidget(chip);
    }

    // Completions: the tags that may go on the videos and are not on all of them yet.
    m_completions->clear();
    for (const auto &t : std::as_const(m_usable)) {
        if (m_carriers.value(t.id) == m_videos.size() && !none)
            continue;
        QStringList names{t.name};
        if (!t.nameEn.isEmpty())
            names.append(t.nameEn);
        names += m_aliases.value(t.id);
        auto *item = new QStandardItem(QStringLiteral("%1 — %2").arg(
            names.join(QStringLiteral(" · ")),
            Labels::tagGroup(t.groupKind, t.groupCode, t.gameName, t.gameNameEn)));
        item->setData(t.id, TagIdRole);
        m_completions->appendRow(item);
    }
    m_input->setEnabled(!none);

    // Suggestions, numbered for Alt+1..9.
    m_suggestFlow->clear();
    int n = 0;
    for (const auto &s : std::as_const(m_suggestions)) {
        ++n;
        auto *button = new QToolButton(m_suggestBox);
        button->setObjectName(QStringLiteral("suggestion"));
        QString label = s.name;
        for (const auto &t : std::as_const(m_usable)) {
            if (t.id == s.tagId)
                label = tagLabel(t);
        }
        button->setText(QStringLiteral("%1  %2").arg(n).arg(label));
        button->setToolTip(QStringLiteral("%1 (%2)").arg(
            m_recommender->explain(s),
            QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + n)).toString(QKeySequence::NativeText)));
        button->setStyleSheet(QStringLiteral(
            "QToolButton { border: 1px dashed #9ca3af; border-radius: 9px; padding: 1px 8px; }"
            "QToolButton:hover { background: #f3f4f6; }"));
        connect(button, &QToolButton::clicked, this, [this, n] { acceptSuggestion(n); });
        m_suggestFlow->addWidget(button);
    }
    m_suggestLabel->setVisible(!m_suggestions.isEmpty());
    m_suggestBox->setVisible(!m_suggestions.isEmpty());
}

void TagEditorPane::retranslate()
{
    m_input->setPlaceholderText(tr("Add a tag… (Enter)"));
    m_input->setToolTip(tr("Name, English name or alias of a tag of the general library or of "
                           "the game's library; Backspace in the empty field removes the last "
                           "tag"));
    m_suggestLabel->setText(tr("Suggestions (Alt+1…9)"));
    rebuild();
}

void TagEditorPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TagEditorPane::focusInput()
{
    m_input->setFocus(Qt::ShortcutFocusReason);
    m_input->selectAll();
}

bool TagEditorPane::acceptSuggestion(int number)
{
    if (number < 1 || number > m_suggestions.size())
        return false;
    return addTag(m_suggestions.at(number - 1).tagId);
}

bool TagEditorPane::removeLastTag()
{
    if (m_videos.size() != 1 || m_tags.isEmpty())
        return false;
    qint64 id = m_lastAdded;
    if (id == 0 || !m_carriers.contains(id))
        id = m_tags.last().id;
    return removeTag(id);
}

bool TagEditorPane::addTag(const QString &text)
{
    const QString key = text.trimmed();
    for (const auto &t : std::as_const(m_usable)) {
        bool match = t.name == key ||
                     (!t.nameEn.isEmpty() && t.nameEn.compare(key, Qt::CaseInsensitive) == 0);
        for (const QString &alias : m_aliases.value(t.id))
            match = match || alias.compare(key, Qt::CaseInsensitive) == 0;
        if (match)
            return addTag(t.id);
    }
    // A completion's whole text.
    for (int r = 0; r < m_completions->rowCount(); ++r) {
        if (m_completions->item(r)->text() == key)
            return addTag(m_completions->item(r)->data(TagIdRole).toLongLong());
    }
    emit message(m_gameId == 0 && m_videos.size() > 1
                     ? tr("No active tag of the general library is called \"%1\" (the videos "
                          "belong to several games).")
                           .arg(key)
                     : tr("No active tag called \"%1\" can go on this video.").arg(key));
    return false;
}

bool TagEditorPane::addTag(qint64 tagId)
{
    QString name;
    for (const auto &t : std::as_const(m_usable)) {
        if (t.id == tagId)
            name = tagLabel(t);
    }
    const int count = int(m_videos.size());
    const bool ok = apply({tagId}, {},
                          count > 1 ? tr("Add %1 to %n video(s)", nullptr, count).arg(name)
                                    : tr("Add tag %1").arg(name));
    if (ok)
        m_lastAdded = tagId;
    return ok;
}

bool TagEditorPane::removeTag(qint64 tagId)
{
    QString name;
    for (const auto &t : std::as_const(m_tags)) {
        if (t.id == tagId)
            name = tagLabel(t);
    }
    const int count = int(m_videos.size());
    return apply({}, {tagId},
                 count > 1 ? tr("Remove %1 from %n video(s)", nullptr, count).arg(name)
                           : tr("Remove tag %1").arg(name));
}

bool TagEditorPane::apply(const QList<qint64> &add, const QList<qint64> &remove,
                          const QString &text)
{
    if (m_videos.isEmpty())
        return false;
    QList<CacheEditor::TagChange> changes;
    for (qint64 video : std::as_const(m_videos))
        changes.append({video, add, remove});
    const CacheEditor::BulkResult result = m_editor->tagVideos(changes);
    if (!result.ok) {
        emit message(result.error);
        return false;
    }
    if (result.changes.isEmpty()) {
        emit message(tr("Nothing to change: the videos are already tagged so."));
        return true;
    }
    QList<qint64> touched;
    for (const auto &c : result.changes)
        touched.append(c.videoId);
    const QPointer<TagEditorPane> self(this);
    m_undo->push(new TagVideosCommand(m_editor, result.changes, text,
                                      [self](const QList<qint64> &videos, const QString &error) {
                                          if (!self)
                                              return;
                                          if (!error.isEmpty())
                                              emit self->message(error);
                                          self->reload();
                                          emit self->videosChanged(videos);
                                      }));
    reload();
    emit videosChanged(touched);
    return true;
}

QStringList TagEditorPane::chipNames() const
{
    QStringList names;
    for (const auto &t : m_tags)
        names.append(t.name);
    return names;
}

QStringList TagEditorPane::suggestionNames() const
{
    QStringList names;
    for (const auto &s : m_suggestions)
        names.append(s.name);
    return names;
}

QString TagEditorPane::stateText() const
{
    return m_state->isVisible() ? m_state->text() : QString();
}
