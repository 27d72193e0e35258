#pragma once

#include "auditlog.h"
#include "page.h"

class AuditLogModel;
class CentralClient;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTextBrowser;

/// The Audit log page: every central change (who, when, what, before and after), read online
/// from the central store, newest first, as far back as the user scrolls. Filters by person,
/// table, time and object; the history of one video, tag or game opens here from its page
/// (coulisse://audit?video=12). Exports what the filter matches to CSV.
class AuditLogPage : public Page
{
    Q_OBJECT

public:
    AuditLogPage(CentralClient *client, QWidget *parent = nullptr);

    QString title() const override;
    QString statusText() const override;
    bool isReady() const override;
    void focusSearch() override;
    void clearFilters() override;
    void refresh() override;
    void copySelection() override;
    /// coulisse://audit?video=12 (or tag, game, user, staff, request): that object's history.
    bool openLink(const QUrl &link) override;
    void saveState() const override;
    void restoreState() override;

    AuditLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    AuditLog::Filter filter() const;
    /// Writes what the filter matches to \a path as CSV, on the client's thread; exported()
    /// tells the outcome.
    void exportCsv(const QString &path);

public slots:
    /// Signed in or out (the client's credentials changed): reads again when shown.
    void setSignedIn(bool signedIn);

signals:
    void exported(bool ok, qint64 rows, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyFilters();
    void updatePeriod();
    void updateState();
    void showDetail();
    void reloadActors();
    void chooseExportFile();
    void retranslate();

    CentralClient *m_client;
    AuditLogModel *m_model;
    bool m_signedIn = false;
    bool m_stale = true; ///< read again when shown
    QComboBox *m_actor = nullptr;
    QComboBox *m_tableFilter = nullptr;
    QComboBox *m_period = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QComboBox *m_objectKind = nullptr;
    QLineEdit *m_objectId = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_state = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLabel *m_actorLabel = nullptr;
    QLabel *m_tableLabel = nullptr;
    QLabel *m_periodLabel = nullptr;
    QLabel *m_objectLabel = nullptr;
};
