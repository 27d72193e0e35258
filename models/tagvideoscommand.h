#pragma once

#include "cacheeditor.h"

#include <QUndoCommand>

#include <functional>

/// One tagging step on the undo stack: the tags added to and removed from one or many videos
/// (CacheEditor::tagVideos, already done when the command is pushed). Undo records the inverse
/// edit, redo the edit again; each is a new operation in the outbox, so central sees exactly
/// what the user did and undid.
class TagVideosCommand : public QUndoCommand
{
public:
    /// Called after undo or redo with the videos touched, or with an error (nothing changed).
    using Notify = std::function<void(const QList<qint64> &videos, const QString &error)>;

    TagVideosCommand(CacheEditor *editor, const QList<CacheEditor::Result> &done,
                     const QString &text, Notify notify);

    void undo() override;
    void redo() override;

private:
    void apply(bool forward);

    CacheEditor *m_editor;
    QList<CacheEditor::TagChange> m_changes;
    Notify m_notify;
    bool m_done = true; ///< the first redo() is the edit already made
};
