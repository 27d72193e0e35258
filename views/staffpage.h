#pragma once

#include "cataloguerepository.h"
#include "centralstaff.h"
#include "page.h"

class ApprovalPolicyModel;
class QAbstractItemModel;
class CentralClient;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTabWidget;
class StaffTableModel;

/// The Staff page (admins): staff accounts (create, change role, assign an editor's games,
/// deactivate or reactivate, reset a password) and the approval policy (which kinds of change
/// need a supervisor, per role). Everything goes through the central store's functions,
/// online; the database refuses anyone but an admin.
class StaffPage : public Page
{
    Q_OBJECT

public:
    StaffPage(CentralClient *client, CatalogueRepository *repository, QWidget *parent = nullptr);

    QString title() const override;
    QString statusText() const override;
    bool isReady() const override;
    void refresh() override;

    StaffTableModel *staffModel() const { return m_staff; }
    ApprovalPolicyModel *policyModel() const { return m_policy; }
    QTableView *staffTable() const { return m_staffTable; }

    /// The central calls behind the buttons (the dialogs end in these); done() tells the
    /// outcome and the lists are read again.
    void addMember(const QString &name, const QString &role, const QString &password,
                   const QString &displayName);
    void setRole(const QString &name, const QString &role);
    void setScope(const QString &name, const QList<qint64> &games);
    void setActive(const QString &name, bool active);
    void setPassword(const QString &name, const QString &password);
    void setPolicy(const QString &kind, const QString &role, bool requiresReview);

public slots:
    void setSignedIn(bool signedIn);

signals:
    /// A central call finished (\a ok false: \a message says why).
    void done(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void showMember();
    void applyMember();
    void newMember();
    void resetPassword();
    void toggleActive();
    QString selectedName() const;
    /// Runs \a call (a CentralStaff member call) online, then says \a success and reloads.
    void change(const std::function<bool(CentralStaff &)> &call, const QString &success);
    static QTableView *makeTable(QWidget *parent, QAbstractItemModel *model, const QString &name);
    void updateState();
    void retranslate();

    CentralClient *m_client;
    CatalogueRepository *m_repository;
    QList<CatalogueRepository::GameRef> m_gameList; ///< read from the cache with the staff
    StaffTableModel *m_staff;
    ApprovalPolicyModel *m_policy;
    bool m_signedIn = false;
    bool m_stale = true;
    bool m_loading = false;
    QString m_error;
    QString m_refusal; ///< the last change the store refused
    QTabWidget *m_tabs = nullptr;
    QLabel *m_state = nullptr;
    QTableView *m_staffTable = nullptr;
    QTableView *m_policyTable = nullptr;
    QLabel *m_policyNote = nullptr;
    QLabel *m_memberTitle = nullptr;
    QLabel *m_roleLabel = nullptr;
    QComboBox *m_role = nullptr;
    QLabel *m_gamesLabel = nullptr;
    QListWidget *m_games = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_password = nullptr;
    QPushButton *m_active = nullptr;
};
