#include "page.h"

Page::Page(const QString &key, QWidget *parent)
    : QWidget(parent)
    , m_key(key)
{
    setObjectName(key + QStringLiteral("Page"));
}

bool Page::openLink(const QUrl &link)
{
    Q_UNUSED(link)
    return false;
}
