#pragma once

#include "cacheeditor.h"

#include <QUndoCommand>

#include <functional>

/// A change of a game's game tags on the undo stack (CacheEditor::tagGame, already done when
/// the command is pushed): undo queues the inverse change, redo the change again.
class GameTagsCommand : public QUndoCommand
{
public:
    using Notify = std::function<void(const QString &error)>;

    GameTagsCommand(CacheEditor *editor, qint64 gameId, const CacheEditor::Result &done,
                    const QString &text, Notify notify, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    CacheEditor *m_editor;
    qint64 m_game;
    QList<qint64> m_added;
    QList<qint64> m_removed;
    Notify m_notify;
    bool m_done = true; ///< the first redo() is the change already made
};
