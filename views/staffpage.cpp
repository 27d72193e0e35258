#include "staffpage.h"

#include "cataloguerepository.h"
#include "centralclient.h"
#include "staffmemberdialog.h"
#include "stafftablemodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

struct Snapshot
{
    bool ok = false;
    QString error;
    QList<CentralStaff::Member> members;
    QList<CentralStaff::PolicyRule> rules;
};

} // namespace

StaffPage::StaffPage(CentralClient *client, CatalogueRepository *repository, QWidget *parent)
    : Page(QStringLiteral("staff"), parent)
    , m_client(client)
    , m_repository(repository)
    , m_staff(new StaffTableModel(this))
    , m_policy(new ApprovalPolicyModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("stateBanner"));
    m_state->setWordWrap(true);
    m_state->hide();
    layout->addWidget(m_state);

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    // Staff accounts: the table, and the selected member's role and games beside it.
    auto *staffTab = new QWidget(m_tabs);
    auto *staffLayout = new QVBoxLayout(staffTab);
    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(staffTab);
    m_new->setObjectName(QStringLiteral("newMember"));
    m_password = new QPushButton(staffTab);
    m_password->setObjectName(QStringLiteral("resetPassword"));
    m_active = new QPushButton(staffTab);
    m_active->setObjectName(QStringLiteral("toggleActive"));
    buttons->addWidget(m_new);
    buttons->addWidget(m_password);
    buttons->addWidget(m_active);
    buttons->addStretch(1);
    staffLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Horizontal, staffTab);
    splitter->setChildrenCollapsible(false);
    m_staffTable = makeTable(splitter, m_staff, QStringLiteral("staffTable"));
    const int digit = m_staffTable->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_staffTable->setColumnWidth(StaffTableModel::NameColumn, digit * 16);
    m_staffTable->setColumnWidth(StaffTableModel::DisplayNameColumn, digit * 18);
    m_staffTable->setColumnWidth(StaffTableModel::RoleColumn, digit * 16);
    m_staffTable->setColumnWidth(StaffTableModel::GamesColumn, digit * 30);
    m_staffTable->setColumnWidth(StaffTableModel::ActiveColumn, digit * 12);
    auto *member = new QWidget(splitter);
    auto *memberLayout = new QVBoxLayout(member);
    memberLayout->setContentsMargins(8, 0, 0, 0);
    m_memberTitle = new QLabel(member);
    m_memberTitle->setObjectName(QStringLiteral("memberTitle"));
    m_memberTitle->setStyleSheet(QStringLiteral("font-size: 15px; font-weight: bold;"));
    m_roleLabel = new QLabel(member);
    m_role = new QComboBox(member);
    m_role->setObjectName(QStringLiteral("role"));
    m_gamesLabel = new QLabel(member);
    m_gamesLabel->setWordWrap(true);
    m_games = new QListWidget(member);
    m_games->setObjectName(QStringLiteral("games"));
    m_apply = new QPushButton(member);
    m_apply->setObjectName(QStringLiteral("applyMember"));
    memberLayout->addWidget(m_memberTitle);
    memberLayout->addWidget(m_roleLabel);
    memberLayout->addWidget(m_role);
    memberLayout->addWidget(m_gamesLabel);
    memberLayout->addWidget(m_games, 1);
    memberLayout->addWidget(m_apply, 0, Qt::AlignRight);
    splitter->addWidget(m_staffTable);
    splitter->addWidget(member);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 360});
    staffLayout->addWidget(splitter, 1);
    m_tabs->addTab(staffTab, QString());

    // The approval policy.
    auto *policyTab = new QWidget(m_tabs);
    auto *policyLayout = new QVBoxLayout(policyTab);
    m_policyNote = new QLabel(policyTab);
    m_policyNote->setWordWrap(true);
    policyLayout->addWidget(m_policyNote);
    m_policyTable = makeTable(policyTab, m_policy, QStringLiteral("policyTable"));
    m_policyTable->setColumnWidth(ApprovalPolicyModel::KindColumn, digit * 36);
    m_policyTable->setColumnWidth(ApprovalPolicyModel::EditorColumn, digit * 24);
    m_policyTable->setColumnWidth(ApprovalPolicyModel::SupervisorColumn, digit * 24);
    m_policyTable->setColumnWidth(ApprovalPolicyModel::PmColumn, digit * 24);
    m_policyTable->setColumnWidth(ApprovalPolicyModel::AdminColumn, digit * 24);
    policyLayout->addWidget(m_policyTable, 1);
    m_tabs->addTab(policyTab, QString());

    for (const QString &role : CentralStaff::roles())
        m_role->addItem(QString(), role);

    connect(m_staffTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StaffPage::showMember);
    connect(m_staff, &QAbstractItemModel::modelReset, this, &StaffPage::showMember);
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        const bool editor = m_role->currentData().toString() == QLatin1String("editor");
        m_games->setEnabled(editor);
    });
    connect(m_apply, &QPushButton::clicked, this, &StaffPage::applyMember);
    connect(m_new, &QPushButton::clicked, this, &StaffPage::newMember);
    connect(m_password, &QPushButton::clicked, this, &StaffPage::resetPassword);
    connect(m_active, &QPushButton::clicked, this, &StaffPage::toggleActive);
    connect(m_policy, &ApprovalPolicyModel::changeRequested, this, &StaffPage::setPolicy);
    // A refusal stays in the banner (not a modal box) until the next change succeeds.
    connect(this, &StaffPage::done, this, [this](bool ok, const QString &text) {
        emit message(text);
        m_refusal = ok ? QString() : text;
        updateState();
    });

    retranslate();
    updateState();
}

QString StaffPage::title() const
{
    return tr("Staff");
}

QString StaffPage::statusText() const
{
    if (!m_signedIn)
        return tr("Staff: not signed in");
    if (m_loading)
        return tr("Reading the staff…");
    return tr("%Ln staff member(s)", nullptr, m_staff->rowCount());
}

bool StaffPage::isReady() const
{
    return !m_signedIn || (!m_loading && !m_stale);
}

void StaffPage::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    reload();
}

void StaffPage::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    m_stale = true;
    if (!signedIn) {
        m_staff->setMembers({});
        m_policy->setRules({});
    }
    updateState();
    if (signedIn && isVisible())
        reload();
}

void StaffPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_stale && m_signedIn)
        reload();
}

void StaffPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

void StaffPage::reload()
{
    if (!m_signedIn)
        return;
    m_stale = false;
    m_loading = true;
    updateState();
    // Game names for the scopes come from the cache (an admin's has every game).
    m_gameList = m_repository->games();
    QHash<qint64, QString> names;
    for (const CatalogueRepository::GameRef &g : std::as_const(m_gameList))
        names.insert(g.id, g.name);
    m_staff->setGameNames(names);
    m_client->call(
        this,
        [](CentralClient::Session &session) {
            Snapshot s;
            if (!session.isOpen()) {
                s.error = session.error;
                return s;
            }
            CentralStaff staff(session.db);
            s.ok = staff.list(&s.members) && staff.policy(&s.rules);
            if (!s.ok)
                s.error = staff.errorString();
            return s;
        },
        [this](const Snapshot &s) {
            m_loading = false;
            m_error = s.ok ? QString() : s.error;
            if (s.ok) {
                const QString current = selectedName();
                m_staff->setMembers(s.members);
                m_policy->setRules(s.rules);
                const int row = m_staff->rowOf(current);
                if (row >= 0)
                    m_staffTable->selectRow(row);
                else if (m_staff->rowCount() > 0)
                    m_staffTable->selectRow(0);
            }
            updateState();
            emit ready();
        });
}

QString StaffPage::selectedName() const
{
    const QModelIndex current = m_staffTable->selectionModel()->currentIndex();
    return current.isValid() ? current.data(StaffTableModel::NameRole).toString() : QString();
}

void StaffPage::showMember()
{
    const QModelIndex current = m_staffTable->selectionModel()->currentIndex();
    const bool has = current.isValid();
    m_role->setEnabled(has);
    m_apply->setEnabled(has);
    m_password->setEnabled(has);
    m_active->setEnabled(has);
    m_games->clear();
    if (!has) {
        m_memberTitle->setText(tr("No staff member selected"));
        m_games->setEnabled(false);
        return;
    }
    const CentralStaff::Member &m = m_staff->member(current.row());
    m_memberTitle->setText(
        m.displayName.isEmpty() ? m.name : QStringLiteral("%1 (%2)").arg(m.displayName, m.name));
    m_role->setCurrentIndex(std::max(0, m_role->findData(m.role)));
    m_active->setText(m.active ? tr("Deactivate") : tr("Reactivate"));
    for (const CatalogueRepository::GameRef &g : std::as_const(m_gameList)) {
        auto *item = new QListWidgetItem(g.name, m_games);
        item->setData(Qt::UserRole, g.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(m.games.contains(g.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_games->setEnabled(m.role == QLatin1String("editor"));
}

void StaffPage::applyMember()
{
    const QModelIndex current = m_staffTable->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const CentralStaff::Member m = m_staff->member(current.row());
    const QString role = m_role->currentData().toString();
    QList<qint64> games;
    for (int i = 0; i < m_games->count(); ++i) {
        if (m_games->item(i)->checkState() == Qt::Checked)
            games.append(m_games->item(i)->data(Qt::UserRole).toLongLong());
    }
    std::sort(games.begin(), games.end());
    QList<qint64> before = m.games;
    std::sort(before.begin(), before.end());
    const bool roleChanged = role != m.role;
    const bool scopeChanged = role == QLatin1String("editor") && games != before;
    if (!roleChanged && !scopeChanged) {
        emit message(tr("Nothing to change for %1.").arg(m.name));
        return;
    }
    const QString name = m.name;
    change(
        [name, role, games, roleChanged, scopeChanged](CentralStaff &staff) {
            return (!roleChanged || staff.setRole(name, role)) &&
                   (!scopeChanged || staff.setScope(name, games));
        },
        tr("%1 is now: %2.")
            .arg(name, role == QLatin1String("editor")
                           ? tr("%1 with %Ln game(s)", nullptr, int(games.size()))
                                 .arg(StaffTableModel::roleLabel(role))
                           : StaffTableModel::roleLabel(role)));
}

void StaffPage::newMember()
{
    StaffMemberDialog dialog(QString(), this);
    if (dialog.exec() == QDialog::Accepted)
        addMember(dialog.name(), dialog.role(), dialog.password(), dialog.displayName());
}

void StaffPage::resetPassword()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    StaffMemberDialog dialog(name, this);
    if (dialog.exec() == QDialog::Accepted)
        setPassword(name, dialog.password());
}

void StaffPage::toggleActive()
{
    const QModelIndex current = m_staffTable->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const CentralStaff::Member &m = m_staff->member(current.row());
    if (m.active &&
        QMessageBox::question(this, tr("Deactivate %1").arg(m.name),
                              tr("%1 will no longer be able to sign in. Their changes stay on "
                                 "record. Deactivate?")
                                  .arg(m.name)) != QMessageBox::Yes)
        return;
    setActive(m.name, !m.active);
}

void StaffPage::addMember(const QString &name, const QString &role, const QString &password,
                          const QString &displayName)
{
    change([=](CentralStaff &staff) { return staff.add(name, role, password, displayName); },
           tr("Staff member %1 created (%2).").arg(name, StaffTableModel::roleLabel(role)));
}

void StaffPage::setRole(const QString &name, const QString &role)
{
    change([=](CentralStaff &staff) { return staff.setRole(name, role); },
           tr("%1 is now: %2.").arg(name, StaffTableModel::roleLabel(role)));
}

void StaffPage::setScope(const QString &name, const QList<qint64> &games)
{
    change([=](CentralStaff &staff) { return staff.setScope(name, games); },
           tr("%1 now works on %Ln game(s).", nullptr, int(games.size())).arg(name));
}

void StaffPage::setActive(const QString &name, bool active)
{
    change([=](CentralStaff &staff) { return staff.setActive(name, active); },
           active ? tr("%1 can sign in again.").arg(name)
                  : tr("%1 is deactivated and can no longer sign in.").arg(name));
}

void StaffPage::setPassword(const QString &name, const QString &password)
{
    change([=](CentralStaff &staff) { return staff.setPassword(name, password); },
           tr("The password of %1 is reset.").arg(name));
}

void StaffPage::setPolicy(const QString &kind, const QString &role, bool requiresReview)
{
    const QString who = role == QLatin1String("editor") ? tr("editors") : tr("supervisors");
    change(
        [=](CentralStaff &staff) { return staff.setPolicy(kind, requiresReview, role); },
        requiresReview
            ? tr("%1 by %2 now need a supervisor.").arg(ApprovalPolicyModel::kindLabel(kind), who)
            : tr("%1 by %2 now apply directly.").arg(ApprovalPolicyModel::kindLabel(kind), who));
}

void StaffPage::change(const std::function<bool(CentralStaff &)> &call, const QString &success)
{
    m_client->change<CentralStaff>(this, call, [this, success](bool ok, const QString &error) {
        emit done(ok, ok ? success : tr("The central store refused: %1").arg(error));
        reload();
    });
}

QTableView *StaffPage::makeTable(QWidget *parent, QAbstractItemModel *model, const QString &name)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    setUpTable(table);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void StaffPage::updateState()
{
    QString text;
    bool error = false;
    if (!m_signedIn) {
        text = tr("Staff accounts are managed on the central store: sign in as an administrator.");
    } else if (!m_error.isEmpty()) {
        text = tr("Cannot read the staff: %1").arg(m_error);
        error = true;
    } else if (!m_refusal.isEmpty()) {
        text = m_refusal;
        error = true;
    }
    setBanner(m_state, text, error);
    m_tabs->setEnabled(m_signedIn && !m_loading);
    m_new->setEnabled(m_signedIn);
    emit statusChanged();
}

void StaffPage::retranslate()
{
    m_tabs->setTabText(0, tr("Accounts"));
    m_tabs->setTabText(1, tr("Approval policy"));
    m_new->setText(tr("New Staff Member…"));
    m_password->setText(tr("Reset Password…"));
    m_roleLabel->setText(tr("Role:"));
    m_gamesLabel->setText(tr("Games (an editor syncs and tags only these):"));
    m_apply->setText(tr("Apply"));
    m_policyNote->setText(
        tr("Checked: that role's changes of that kind become change requests for a supervisor "
           "(never their own). Unchecked: they apply directly, and stay on the audit log."));
    for (int i = 0; i < m_role->count(); ++i)
        m_role->setItemText(i, StaffTableModel::roleLabel(m_role->itemData(i).toString()));
    m_staff->relabel();
    m_policy->relabel();
    showMember();
    updateState();
}
