#pragma once

#include "centralreleases.h"
#include "page.h"

#include <functional>

class CentralClient;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class ReleaseTableModel;
class RolloutChart;

/// The Releases page: releases of the platform's apps and of Coulisse, online against the
/// central store. Admins write drafts (version, minimum supported version, rollout percentage,
/// target groups, notes in Chinese and English), publish them (a second admin or a supervisor
/// approves when the policy says so), move the rollout, halt, resume or complete it.
/// Supervisors approve; product managers look. Everyone here sees how many of the last 30
/// days' users a release would reach before changing it, and the rollout chart.
class ReleasesPage : public Page
{
    Q_OBJECT

public:
    explicit ReleasesPage(CentralClient *client, QWidget *parent = nullptr);

    QString title() const override;
    QString statusText() const override;
    bool isReady() const override;
    void refresh() override;
    /// coulisse://releases/ID selects that release.
    bool openLink(const QUrl &link) override;

    ReleaseTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    RolloutChart *chart() const { return m_chart; }
    QString previewText() const;

    /// The form's release: the selected one with the form's values, or a new one.
    CentralReleases::Release formRelease() const;
    void setFormRelease(const CentralReleases::Release &release);

    /// The central calls behind the buttons; done() tells how each went and the list is read
    /// again.
    void saveForm();
    void newRelease();
    void deleteSelected();
    void publishSelected();
    void approveSelected();
    /// \a action: percent (the spin box's), halt, resume, complete.
    void rollout(const QString &action);
    /// How many recent users the selected release reaches at the spin box's percentage.
    void previewSelected();

public slots:
    void setSignedIn(bool signedIn);
    /// The signed-in role and user decide what the page offers.
    void setRole(const QString &role, const QString &user);

signals:
    void done(bool ok, const QString &message);
    void previewed();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void showSelected();
    void loadChart(qint64 id);
    void updateChartLabel();
    qint64 selectedId() const;
    void change(const std::function<bool(CentralReleases &)> &call, const QString &success);
    void updateState();
    void retranslate();

    CentralClient *m_client;
    ReleaseTableModel *m_model;
    QTableView *m_table = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_heading = nullptr;
    QLineEdit *m_app = nullptr;
    QComboBox *m_platform = nullptr;
    QLineEdit *m_version = nullptr;
    QLineEdit *m_minVersion = nullptr;
    QDoubleSpinBox *m_percent = nullptr;
    QLineEdit *m_channels = nullptr;
    QLineEdit *m_os = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_users = nullptr;
    QPlainTextEdit *m_notesZh = nullptr;
    QPlainTextEdit *m_notesEn = nullptr;
    QList<QLabel *> m_formLabels;
    QPushButton *m_new = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_publish = nullptr;
    QPushButton *m_approve = nullptr;
    QGroupBox *m_rolloutBox = nullptr;
    QDoubleSpinBox *m_rolloutPercent = nullptr;
    QPushButton *m_setPercent = nullptr;
    QPushButton *m_halt = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_complete = nullptr;
    QPushButton *m_preview = nullptr;
    QLabel *m_previewLabel = nullptr;
    RolloutChart *m_chart = nullptr;
    QLabel *m_chartLabel = nullptr;

    QString m_role;
    QString m_user;
    QString m_error;
    bool m_signedIn = false;
    bool m_stale = true;
    bool m_loading = false;
    bool m_ready = false;
    qint64 m_keepId = 0;
};
