#include "syncindicator.h"

#include "stafftablemodel.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace {

QString dotStyle(const char *colour)
{
    return QStringLiteral("color: %1;").arg(QLatin1String(colour));
}

} // namespace

SyncIndicator::SyncIndicator(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("syncIndicator"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(6);

    m_dot = new QLabel(QStringLiteral("●"), this);
    m_dot->setObjectName(QStringLiteral("syncDot"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("syncState"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setFixedWidth(110);
    m_progress->setMaximumHeight(m_state->sizeHint().height());
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_signIn = new QToolButton(this);
    m_signIn->setObjectName(QStringLiteral("syncSignIn"));
    m_signIn->setAutoRaise(true);
    m_signIn->hide();
    m_waiting = new QLabel(this);
    m_waiting->setObjectName(QStringLiteral("syncWaiting"));
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(QStringLiteral("syncLast"));
    m_problems = new QToolButton(this);
    m_problems->setObjectName(QStringLiteral("syncProblems"));
    m_problems->setAutoRaise(true);
    m_problems->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_problems->setIconSize(QSize(icon, icon));
    m_problems->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_problems->setStyleSheet(QStringLiteral("QToolButton { color: #b42318; }"));
    m_problems->hide();
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("syncIdentity"));
    m_identity->hide();

    layout->addWidget(m_dot);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addWidget(m_signIn);
    layout->addSpacing(8);
    layout->addWidget(m_waiting);
    layout->addSpacing(8);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_problems);
    layout->addSpacing(8);
    layout->addWidget(m_identity);

    connect(m_signIn, &QToolButton::clicked, this, &SyncIndicator::signInRequested);
    connect(m_problems, &QToolButton::clicked, this, &SyncIndicator::problemsRequested);
    retranslate();
}

QString SyncIndicator::stageLabel(SyncEngine::Stage stage)
{
    switch (stage) {
    case SyncEngine::Stage::Connecting:
        return tr("Connecting…");
    case SyncEngine::Stage::Pushing:
        return tr("Sending changes");
    case SyncEngine::Stage::Copying:
        return tr("Copying the catalogue");
    case SyncEngine::Stage::Pulling:
        return tr("Receiving changes");
    case SyncEngine::Stage::Confirming:
        return tr("Confirming changes");
    case SyncEngine::Stage::Indexing:
        return tr("Indexing the catalogue");
    }
    return {};
}

void SyncIndicator::setState(const SyncState &state)
{
    m_syncState = state;
    retranslate();
}

void SyncIndicator::setStatus(const SyncStatus &status)
{
    m_status = status;
    if (m_user.isEmpty() && !status.user.isEmpty())
        m_user = status.user;
    if (m_role.isEmpty() && !status.role.isEmpty())
        m_role = status.role;
    retranslate();
}

void SyncIndicator::setIdentity(const QString &user, const QString &role)
{
    m_user = user;
    m_role = role;
    retranslate();
}

void SyncIndicator::retranslate()
{
    const SyncState &s = m_syncState;
    const QLocale locale;
    QString text;
    const char *colour = "#9aa0a6"; // grey: offline, signed out
    bool busy = false;
    switch (s.kind) {
    case SyncState::SignedOut:
        text = tr("Not signed in");
        break;
    case SyncState::Offline:
        text = tr("Offline");
        break;
    case SyncState::Idle:
        text = tr("Online");
        colour = "#1e8e3e";
        break;
    case SyncState::Syncing:
        text = stageLabel(s.stage);
        if (s.total <= 0 && s.done > 0)
            text = tr("%1: %2").arg(text, locale.toString(s.done));
        colour = "#1a73e8";
        busy = true;
        break;
    case SyncState::Error:
        text = s.nextRetry.isValid()
                   ? tr("Sync failed, retrying at %1")
                         .arg(locale.toString(s.nextRetry.time(), QStringLiteral("HH:mm:ss")))
                   : tr("Sync failed");
        colour = "#e37400";
        break;
    case SyncState::SignInNeeded:
        text = tr("Sign-in needed");
        colour = "#b42318";
        break;
    }
    m_dot->setStyleSheet(dotStyle(colour));
    m_state->setText(text);
    const QString tip = s.kind == SyncState::Syncing && s.stage == SyncEngine::Stage::Indexing
                            ? tr("The catalogue is ready to use. Until its indexes are built, "
                                 "sorting is slower and search may miss rows.")
                            : s.message;
    m_state->setToolTip(tip);
    m_dot->setToolTip(tip);
    m_progress->setVisible(busy);
    if (busy) {
        if (s.total > 0) {
            // QProgressBar takes an int: large counts go in millionths.
            const bool large = s.total > 1000000;
            m_progress->setRange(0, large ? 1000000 : int(s.total));
            const qint64 done = qMin(s.done, s.total);
            m_progress->setValue(int(large ? done * 1000000 / s.total : done));
            m_progress->setFormat(QStringLiteral("%p%"));
        } else {
            m_progress->setRange(0, 0); // busy indicator
        }
        m_progress->setToolTip(
            s.total > 0 ? tr("%1 of %2").arg(locale.toString(s.done), locale.toString(s.total))
                        : QString());
    }
    m_signIn->setText(tr("Sign In…"));
    m_signIn->setVisible(s.kind == SyncState::SignedOut || s.kind == SyncState::SignInNeeded);

    m_waiting->setText(m_status.waiting > 0
                           ? tr("%n change(s) waiting", nullptr, int(m_status.waiting))
                           : tr("No changes waiting"));
    m_waiting->setToolTip(m_status.unsent > 0 ? tr("%n not sent yet", nullptr, int(m_status.unsent))
                                              : QString());
    if (m_status.lastSync > 0) {
        const QDateTime last = QDateTime::fromSecsSinceEpoch(m_status.lastSync);
        const QString when = last.date() == QDate::currentDate()
                                 ? locale.toString(last.time(), QStringLiteral("HH:mm"))
                                 : locale.toString(last, QLocale::ShortFormat);
        m_lastSync->setText(tr("Last sync %1").arg(when));
        m_lastSync->setToolTip(locale.toString(last, QLocale::LongFormat));
    } else {
        m_lastSync->setText(tr("Never synced"));
        m_lastSync->setToolTip({});
    }

    QStringList problems;
    if (m_status.rejected > 0)
        problems.append(tr("%n rejected", nullptr, int(m_status.rejected)));
    if (m_status.conflicts > 0)
        problems.append(tr("%n conflict(s)", nullptr, int(m_status.conflicts)));
    m_problems->setText(problems.join(QStringLiteral(", ")));
    m_problems->setToolTip(tr("Changes that wait for your decision"));
    m_problems->setVisible(!problems.isEmpty());

    m_identity->setVisible(!m_user.isEmpty());
    m_identity->setText(
        m_role.isEmpty() ? m_user : tr("%1 (%2)").arg(m_user, StaffTableModel::roleLabel(m_role)));
    m_identity->setToolTip(tr("The central user this cache syncs as, and their role"));
}

void SyncIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString SyncIndicator::stateText() const
{
    return m_state->text();
}

QString SyncIndicator::waitingText() const
{
    return m_waiting->text();
}

QString SyncIndicator::lastSyncText() const
{
    return m_lastSync->text();
}

QString SyncIndicator::problemsText() const
{
    return m_problems->isVisibleTo(this) ? m_problems->text() : QString();
}

QString SyncIndicator::identityText() const
{
    return m_identity->isVisibleTo(this) ? m_identity->text() : QString();
}

bool SyncIndicator::isProgressVisible() const
{
    return m_progress->isVisibleTo(this);
}
