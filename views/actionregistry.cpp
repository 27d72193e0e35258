#include "actionregistry.h"

#include <QAction>
#include <QCoreApplication>

ActionRegistry::ActionRegistry(QObject *parent)
    : QObject(parent)
{}

QAction *ActionRegistry::add(const QString &id, const char *text, const QKeySequence &shortcut)
{
    if (QAction *existing = action(id))
        return existing;
    auto *a = new QAction(this);
    a->setObjectName(id);
    a->setShortcut(shortcut);
    a->setShortcutContext(Qt::WindowShortcut);
    m_entries.insert(id, {a, text});
    m_order.append(id);
    apply(m_entries.value(id));
    return a;
}

QAction *ActionRegistry::action(const QString &id) const
{
    return m_entries.value(id).action;
}

QStringList ActionRegistry::ids() const
{
    return m_order;
}

void ActionRegistry::apply(const Entry &entry)
{
    const QString text = QCoreApplication::translate("ActionRegistry", entry.text);
    entry.action->setText(text);
    QString plain = text;
    plain.remove(QLatin1Char('&'));
    if (plain.endsWith(QStringLiteral("…")))
        plain.chop(1);
    const QKeySequence shortcut = entry.action->shortcut();
    entry.action->setToolTip(
        shortcut.isEmpty()
            ? plain
            : QStringLiteral("%1 (%2)").arg(plain, shortcut.toString(QKeySequence::NativeText)));
}

void ActionRegistry::retranslate()
{
    for (const QString &id : std::as_const(m_order))
        apply(m_entries.value(id));
}
