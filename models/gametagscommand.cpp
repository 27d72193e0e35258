#include "gametagscommand.h"

GameTagsCommand::GameTagsCommand(CacheEditor *editor, qint64 gameId,
                                 const CacheEditor::Result &done, const QString &text,
                                 Notify notify, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_editor(editor)
    , m_game(gameId)
    , m_added(done.added)
    , m_removed(done.removed)
    , m_notify(std::move(notify))
{}

void GameTagsCommand::undo()
{
    const CacheEditor::Result r = m_editor->tagGame(m_game, m_removed, m_added);
    if (m_notify)
        m_notify(r.ok ? QString() : r.error);
}

void GameTagsCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    const CacheEditor::Result r = m_editor->tagGame(m_game, m_added, m_removed);
    if (m_notify)
        m_notify(r.ok ? QString() : r.error);
}
