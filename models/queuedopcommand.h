#pragma once

#include "cacheeditor.h"

#include <QUndoCommand>

#include <functional>

/// A creation or merge on the undo stack (an operation with no overlay in the cache, already
/// queued when the command is pushed): undo withdraws it while it has not been sent, redo
/// queues it again. Once sent, undo says it can no longer be taken back.
class QueuedOpCommand : public QUndoCommand
{
public:
    /// Queues the operation again; returns its result.
    using Queue = std::function<CacheEditor::Result()>;
    using Notify = std::function<void(const QString &error)>;

    QueuedOpCommand(CacheEditor *editor, const QString &opId, const QString &text, Queue queue,
                    Notify notify);

    void undo() override;
    void redo() override;

private:
    CacheEditor *m_editor;
    QString m_opId;
    Queue m_queue;
    Notify m_notify;
    bool m_done = true; ///< the first redo() is the operation already queued
};
