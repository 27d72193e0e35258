#include "tagvideoscommand.h"

TagVideosCommand::TagVideosCommand(CacheEditor *editor, const QList<CacheEditor::Result> &done,
                                   const QString &text, Notify notify)
    : m_editor(editor)
    , m_notify(std::move(notify))
{
    setText(text);
    for (const CacheEditor::Result &r : done)
        m_changes.append({r.videoId, r.added, r.removed});
}

void TagVideosCommand::undo()
{
    apply(false);
}

void TagVideosCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    apply(true);
}

void TagVideosCommand::apply(bool forward)
{
    QList<CacheEditor::TagChange> changes;
    QList<qint64> videos;
    for (const CacheEditor::TagChange &c : std::as_const(m_changes)) {
        changes.append(forward ? c : CacheEditor::TagChange{c.videoId, c.remove, c.add});
        videos.append(c.videoId);
    }
    const CacheEditor::BulkResult result = m_editor->tagVideos(changes);
    if (m_notify)
        m_notify(videos, result.ok ? QString() : result.error);
}
