#include "queuedopcommand.h"

QueuedOpCommand::QueuedOpCommand(CacheEditor *editor, const QString &opId, const QString &text,
                                 Queue queue, Notify notify)
    : m_editor(editor)
    , m_opId(opId)
    , m_queue(std::move(queue))
    , m_notify(std::move(notify))
{
    setText(text);
}

void QueuedOpCommand::undo()
{
    const CacheEditor::Result r = m_editor->withdraw(m_opId);
    if (m_notify)
        m_notify(r.ok ? QString() : r.error);
}

void QueuedOpCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    const CacheEditor::Result r = m_queue();
    if (r.ok && !r.opId.isEmpty())
        m_opId = r.opId;
    if (m_notify)
        m_notify(r.ok ? QString() : r.error);
}
