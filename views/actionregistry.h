#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>
#include <QString>

class QAction;

/// Every application action, registered once with a stable id and its shortcut. Menus,
/// toolbars and pages look actions up by id; texts are set again on a language change.
class ActionRegistry : public QObject
{
    Q_OBJECT

public:
    explicit ActionRegistry(QObject *parent = nullptr);

    /// Creates (or returns) the action \a id. \a text is the untranslated source text in
    /// context "ActionRegistry"; the tooltip shows the shortcut.
    QAction *add(const QString &id, const char *text, const QKeySequence &shortcut = {});
    QAction *action(const QString &id) const;
    QStringList ids() const;
    /// Re-applies the translated texts and tooltips.
    void retranslate();

private:
    struct Entry
    {
        QAction *action = nullptr;
        const char *text = nullptr;
    };
    void apply(const Entry &entry);

    QHash<QString, Entry> m_entries;
    QStringList m_order;
};
