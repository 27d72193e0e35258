#include "editrowcommand.h"

EditRowCommand::EditRowCommand(CacheEditor *editor, Row row, qint64 id, const QJsonObject &before,
                               const QJsonObject &after, const QString &text, Notify notify)
    : m_editor(editor)
    , m_row(row)
    , m_id(id)
    , m_before(before)
    , m_after(after)
    , m_notify(std::move(notify))
{
    setText(text);
}

void EditRowCommand::undo()
{
    apply(m_before);
}

void EditRowCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    apply(m_after);
}

void EditRowCommand::apply(const QJsonObject &fields)
{
    const CacheEditor::Result r =
        m_row == Row::Tag ? m_editor->editTag(m_id, fields) : m_editor->editGame(m_id, fields);
    if (m_notify)
        m_notify(r.ok ? QString() : r.error);
}
