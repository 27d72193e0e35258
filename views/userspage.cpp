#include "userspage.h"

#include "catalogue.h"
#include "levelladder.h"
#include "usertablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QUrl>

using Catalogue::Labels;

UsersPage::UsersPage(UserTableModel *model, CatalogueRepository *repository, QWidget *parent)
    : CataloguePage(QStringLiteral("users"), model, parent)
    , m_users(model)
    , m_repository(repository)
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_platform = new QComboBox(this);
    m_platform->setObjectName(QStringLiteral("platformFilter"));
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelFilter"));
    m_vip = new QCheckBox(this);
    m_vip->setObjectName(QStringLiteral("vipFilter"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    filterBar()->addWidget(m_kind);
    filterBar()->addWidget(m_platform);
    filterBar()->addWidget(m_channel);
    filterBar()->addWidget(m_vip);
    filterBar()->addWidget(m_clear);
    filterBar()->addStretch(1);
    for (QComboBox *combo : {m_kind, m_platform, m_channel})
        connect(combo, &QComboBox::currentIndexChanged, this, &UsersPage::applyFilters);
    connect(m_vip, &QCheckBox::toggled, this, &UsersPage::applyFilters);
    connect(m_clear, &QPushButton::clicked, this, &UsersPage::clearFilters);
    retranslate();
    m_clear->setEnabled(false); // nothing to clear yet
}

QString UsersPage::title() const
{
    return tr("Users");
}

void UsersPage::applyFilters()
{
    UserTableModel::Filter f;
    f.search = searchField()->text();
    f.kind = m_kind->currentData().toString();
    f.platform = m_platform->currentData().toString();
    f.channel = m_channel->currentData().toString();
    f.vipOnly = m_vip->isChecked();
    m_clear->setEnabled(!(f == UserTableModel::Filter()));
    m_users->setFilter(f);
}

bool UsersPage::hasFilters() const
{
    return !(m_users->filter() == UserTableModel::Filter());
}

void UsersPage::clearFilters()
{
    const QSignalBlocker b1(m_kind), b2(m_platform), b3(m_channel), b4(m_vip), b5(searchField());
    m_kind->setCurrentIndex(0);
    m_platform->setCurrentIndex(0);
    m_channel->setCurrentIndex(0);
    m_vip->setChecked(false);
    searchField()->clear();
    applyFilters();
}

QString UsersPage::countText(int count) const
{
    return tr("%Ln user(s)", nullptr, count);
}

QString UsersPage::emptyText() const
{
    return hasFilters() ? tr("No users match these filters.")
                        : tr("This cache holds no users yet.");
}

void UsersPage::retranslate()
{
    searchField()->setPlaceholderText(tr("Search nicknames…"));
    fillChoices(m_kind, tr("Creators and viewers"), Labels::userKindCodes(), &Labels::userKind);
    fillChoices(m_platform, tr("All platforms"), Labels::platformCodes(), &Labels::platform);
    fillChoices(m_channel, tr("All channels"), Labels::channelCodes(), &Labels::channel);
    m_vip->setText(tr("VIP only"));
    m_clear->setText(tr("Clear filters"));
    CataloguePage::retranslate();
}

QString UsersPage::levelHtml(const CatalogueRepository::UserDetail &u) const
{
    const LevelLadder ladder =
        LevelLadder::fromJson(QJsonDocument::fromJson(u.ladder.toUtf8()).object());
    const QJsonObject statsJson = QJsonDocument::fromJson(u.levelStats.toUtf8()).object();
    const QLocale locale;
    const auto levelText = [&](int level) {
        if (level <= 0 || level > ladder.levels().size())
            return tr("Not yet on the ladder");
        const LevelLadder::Level &l = ladder.levels().at(level - 1);
        return tr("%1 · %2").arg(level).arg(LevelLadder::levelName(l.nameZh, l.nameEn));
    };
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing='2'>")
                       .arg(tr("Creator level").toHtmlEscaped());
    html += detailRow(tr("Level"), levelText(u.creatorLevel).toHtmlEscaped());
    if (u.creatorLevel > 0 && !ladder.levels().value(u.creatorLevel - 1).resources.isEmpty())
        html += detailRow(tr("Resources"), ladder.levels()
                                               .at(u.creatorLevel - 1)
                                               .resources.join(QStringLiteral("; "))
                                               .toHtmlEscaped());
    if (!ladder.isValid() || u.creatorLevel >= ladder.levels().size()) {
        html += QStringLiteral("</table>");
        return html;
    }
    const LevelLadder::Level &next = ladder.levels().at(u.creatorLevel);
    html +=
        detailRow(tr("Next level"), QStringLiteral("%1 — %2%3")
                                        .arg(levelText(next.level).toHtmlEscaped(),
                                             locale.toString(LevelLadder::percent(u.levelProgress)),
                                             locale.percent()));
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("Needs: %1").arg(LevelLadder::describe(next.rule)).toHtmlEscaped());
    // Editors get levels without the metrics behind them: no figures to list.
    if (statsJson.isEmpty())
        return html;
    html += QStringLiteral("<ul>");
    for (const QJsonObject &c : LevelLadder::criteria(next.rule)) {
        const QString metric = c.value(QLatin1String("metric")).toString();
        const int window = c.value(QLatin1String("window")).toInt();
        const double value =
            statsJson.value(metric + QLatin1Char(':') + QString::number(window)).toDouble();
        const bool met = value >= c.value(QLatin1String("min")).toDouble();
        const QString shown = metric == QLatin1String("featured_rate")
                                  ? locale.toString(value * 100, 'f', 1) + locale.percent()
                                  : locale.toString(value, 'g', 12);
        html +=
            QStringLiteral("<li style='color:%1'>%2</li>")
                .arg(met ? QStringLiteral("#2e7d32") : QStringLiteral("#6b6b6b"),
                     tr("%1 in %2: %3 of %4")
                         .arg(LevelLadder::metricName(metric), LevelLadder::windowName(window),
                              shown,
                              metric == QLatin1String("featured_rate")
                                  ? locale.toString(c.value(QLatin1String("min")).toDouble() * 100,
                                                    'g', 4) +
                                        locale.percent()
                                  : locale.toString(c.value(QLatin1String("min")).toDouble(), 'g',
                                                    12))
                         .toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    return html;
}

void UsersPage::showDetail(qint64 id)
{
    const auto u = id >= 0 ? m_repository->user(id) : std::nullopt;
    if (!u) {
        setDetailHtml(QStringLiteral("<p style='color:#6b6b6b'>%1</p>")
                          .arg(tr("Select a user to see their profile.").toHtmlEscaped()));
        return;
    }
    const QLocale locale;
    QString html =
        detailHeading(u->nickname, tr("%1 · user %2").arg(Labels::userKind(u->kind)).arg(u->id));
    html += QStringLiteral("<table cellspacing='2'>");
    html += detailRow(tr("Registered"), Labels::dateTime(u->registeredAt));
    html += detailRow(tr("Channel"), Labels::channel(u->channel).toHtmlEscaped());
    html += detailRow(tr("Platform"), Labels::platform(u->platform).toHtmlEscaped());
    html += detailRow(tr("Device"),
                      QStringLiteral("%1 · %2").arg(u->deviceModel, u->os).toHtmlEscaped());
    html += detailRow(tr("Account level"), QString::number(u->level));
    html += detailRow(tr("VIP"), u->vip ? tr("Yes") : tr("No"));
    html += detailRow(tr("Videos"),
                      u->videos > 0
                          ? QStringLiteral("<a href='coulisse://videos?uploader=%1&name=%2'>%3</a>")
                                .arg(u->id)
                                .arg(QString::fromUtf8(QUrl::toPercentEncoding(u->nickname)),
                                     locale.toString(u->videos))
                          : QStringLiteral("0"));
    if (u->videos > 0)
        html += detailRow(tr("Plays of their videos"), locale.toString(u->plays));
    html += QStringLiteral("</table>");
    if (u->creatorLevel >= 0)
        html += levelHtml(*u);
    if (!u->recentVideos.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Latest videos").toHtmlEscaped());
        for (const auto &[videoId, title] : u->recentVideos)
            html += QStringLiteral("<li>%1</li>").arg(title.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    setDetailHtml(html);
}
