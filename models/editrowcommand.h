#pragma once

#include "cacheeditor.h"

#include <QJsonObject>
#include <QUndoCommand>

#include <functional>

/// One edit of a tag's or a game's fields on the undo stack (CacheEditor::editTag/editGame,
/// already done when the command is pushed): undo records an edit back to the earlier values,
/// redo the edit again, each a new operation in the outbox.
class EditRowCommand : public QUndoCommand
{
public:
    enum class Row { Tag, Game };
    /// Called after undo or redo, with an error when the edit could not be recorded.
    using Notify = std::function<void(const QString &error)>;

    EditRowCommand(CacheEditor *editor, Row row, qint64 id, const QJsonObject &before,
                   const QJsonObject &after, const QString &text, Notify notify);

    void undo() override;
    void redo() override;

private:
    void apply(const QJsonObject &fields);

    CacheEditor *m_editor;
    Row m_row;
    qint64 m_id;
    QJsonObject m_before;
    QJsonObject m_after;
    Notify m_notify;
    bool m_done = true; ///< the first redo() is the edit already made
};
