#pragma once

#include "syncengine.h"
#include "syncworker.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

/// The status bar's sync indicator: online or offline, the running sync's stage and progress,
/// how many changes wait, when the last sync finished, the changes central refused or found
/// in conflict (a clickable warning) and who is signed in with which role.
class SyncIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit SyncIndicator(QWidget *parent = nullptr);

    void setState(const SyncState &state);
    /// The cache's side: waiting, rejected and conflicting changes, last sync.
    void setStatus(const SyncStatus &status);
    /// The central user and their role ("editor", "supervisor", "pm", "admin").
    void setIdentity(const QString &user, const QString &role);

    /// "Supervisor" for "supervisor".
    /// What a sync stage is doing, for people.
    static QString stageLabel(SyncEngine::Stage stage);

    /// The texts shown, for tests.
    QString stateText() const;
    QString waitingText() const;
    QString lastSyncText() const;
    QString problemsText() const;
    QString identityText() const;
    bool isProgressVisible() const;

signals:
    /// "Sign In…" (shown when signed out or when central refused the password).
    void signInRequested();
    /// The warning about rejected and conflicting changes.
    void problemsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    SyncState m_syncState;
    SyncStatus m_status;
    QString m_user;
    QString m_role;
    QLabel *m_dot = nullptr;
    QLabel *m_state = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_signIn = nullptr;
    QLabel *m_waiting = nullptr;
    QLabel *m_lastSync = nullptr;
    QToolButton *m_problems = nullptr;
    QLabel *m_identity = nullptr;
};
