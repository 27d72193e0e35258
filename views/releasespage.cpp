#include "releasespage.h"

#include "centralclient.h"
#include "releasetablemodel.h"
#include "rolloutchart.h"
#include "semanticversion.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QStringList splitList(const QString &text)
{
    QStringList values;
    for (const QString &v : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!v.trimmed().isEmpty())
            values.append(v.trimmed());
    }
    return values;
}

} // namespace

ReleasesPage::ReleasesPage(CentralClient *client, QWidget *parent)
    : Page(QStringLiteral("releases"), parent)
    , m_client(client)
    , m_model(new ReleaseTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("releasesBanner"));
    m_banner->setWordWrap(true);
    layout->addWidget(m_banner);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(left);
    m_new->setObjectName(QStringLiteral("newRelease"));
    buttons->addWidget(m_new);
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("releases"));
    m_table->setModel(m_model);
    setUpTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(m_table, 1);

    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *right = new QWidget(scroll);
    scroll->setWidget(right);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    m_heading = new QLabel(right);
    m_heading->setObjectName(QStringLiteral("releaseHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    rightLayout->addWidget(m_heading);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto row = [&](QWidget *field) {
        auto *label = new QLabel(right);
        m_formLabels.append(label);
        form->addRow(label, field);
    };
    m_app = new QLineEdit(right);
    m_app->setObjectName(QStringLiteral("app"));
    row(m_app);
    m_platform = new QComboBox(right);
    m_platform->setObjectName(QStringLiteral("platform"));
    for (const char *p : {"android", "ios", "windows", "macos", "linux"})
        m_platform->addItem(ReleaseTableModel::platformLabel(QLatin1String(p)), QLatin1String(p));
    row(m_platform);
    m_version = new QLineEdit(right);
    m_version->setObjectName(QStringLiteral("version"));
    row(m_version);
    m_minVersion = new QLineEdit(right);
    m_minVersion->setObjectName(QStringLiteral("minVersion"));
    row(m_minVersion);
    m_percent = new QDoubleSpinBox(right);
    m_percent->setObjectName(QStringLiteral("percent"));
    m_percent->setRange(0, 100);
    m_percent->setDecimals(2);
    m_percent->setSuffix(QStringLiteral(" %"));
    row(m_percent);
    m_channels = new QLineEdit(right);
    m_channels->setObjectName(QStringLiteral("channels"));
    row(m_channels);
    m_os = new QLineEdit(right);
    m_os->setObjectName(QStringLiteral("os"));
    row(m_os);
    auto *range = new QWidget(right);
    auto *rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    m_from = new QLineEdit(range);
    m_from->setObjectName(QStringLiteral("fromVersion"));
    m_to = new QLineEdit(range);
    m_to->setObjectName(QStringLiteral("toVersion"));
    rangeLayout->addWidget(m_from);
    rangeLayout->addWidget(new QLabel(QStringLiteral("–"), range));
    rangeLayout->addWidget(m_to);
    row(range);
    m_users = new QLineEdit(right);
    m_users->setObjectName(QStringLiteral("users"));
    row(m_users);
    m_notesZh = new QPlainTextEdit(right);
    m_notesZh->setObjectName(QStringLiteral("notesZh"));
    m_notesZh->setFixedHeight(64);
    row(m_notesZh);
    m_notesEn = new QPlainTextEdit(right);
    m_notesEn->setObjectName(QStringLiteral("notesEn"));
    m_notesEn->setFixedHeight(64);
    row(m_notesEn);
    rightLayout->addLayout(form);

    auto *actions = new QHBoxLayout;
    m_save = new QPushButton(right);
    m_save->setObjectName(QStringLiteral("saveRelease"));
    m_delete = new QPushButton(right);
    m_delete->setObjectName(QStringLiteral("deleteRelease"));
    m_publish = new QPushButton(right);
    m_publish->setObjectName(QStringLiteral("publishRelease"));
    m_approve = new QPushButton(right);
    m_approve->setObjectName(QStringLiteral("approveRelease"));
    for (QPushButton *b : {m_save, m_delete, m_publish, m_approve})
        actions->addWidget(b);
    actions->addStretch(1);
    rightLayout->addLayout(actions);

    m_rolloutBox = new QGroupBox(right);
    auto *rolloutLayout = new QVBoxLayout(m_rolloutBox);
    auto *percentRow = new QHBoxLayout;
    auto *stateRow = new QHBoxLayout;
    m_rolloutPercent = new QDoubleSpinBox(m_rolloutBox);
    m_rolloutPercent->setObjectName(QStringLiteral("rolloutPercent"));
    m_rolloutPercent->setRange(0, 100);
    m_rolloutPercent->setDecimals(2);
    m_rolloutPercent->setSuffix(QStringLiteral(" %"));
    m_setPercent = new QPushButton(m_rolloutBox);
    m_halt = new QPushButton(m_rolloutBox);
    m_resume = new QPushButton(m_rolloutBox);
    m_complete = new QPushButton(m_rolloutBox);
    m_preview = new QPushButton(m_rolloutBox);
    m_preview->setObjectName(QStringLiteral("previewRelease"));
    percentRow->addWidget(m_rolloutPercent);
    percentRow->addWidget(m_setPercent);
    percentRow->addWidget(m_preview);
    percentRow->addStretch(1);
    for (QPushButton *b : {m_halt, m_resume, m_complete})
        stateRow->addWidget(b);
    stateRow->addStretch(1);
    rolloutLayout->addLayout(percentRow);
    rolloutLayout->addLayout(stateRow);
    rightLayout->addWidget(m_rolloutBox);
    m_previewLabel = new QLabel(right);
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setWordWrap(true);
    rightLayout->addWidget(m_previewLabel);
    m_chartLabel = new QLabel(right);
    m_chartLabel->setWordWrap(true);
    rightLayout->addWidget(m_chartLabel);
    m_chart = new RolloutChart(right);
    m_chart->setObjectName(QStringLiteral("rolloutChart"));
    rightLayout->addWidget(m_chart, 1);
    // Takes the space the chart leaves when it is hidden (a draft).
    rightLayout->addStretch();

    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 680});
    scroll->setMinimumWidth(520);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReleasesPage::showSelected);
    connect(m_new, &QPushButton::clicked, this, &ReleasesPage::newRelease);
    connect(m_save, &QPushButton::clicked, this, &ReleasesPage::saveForm);
    connect(m_delete, &QPushButton::clicked, this, &ReleasesPage::deleteSelected);
    connect(m_publish, &QPushButton::clicked, this, &ReleasesPage::publishSelected);
    connect(m_approve, &QPushButton::clicked, this, &ReleasesPage::approveSelected);
    connect(m_setPercent, &QPushButton::clicked, this,
            [this] { this->rollout(QStringLiteral("percent")); });
    connect(m_halt, &QPushButton::clicked, this, [this] { this->rollout(QStringLiteral("halt")); });
    connect(m_resume, &QPushButton::clicked, this,
            [this] { this->rollout(QStringLiteral("resume")); });
    connect(m_complete, &QPushButton::clicked, this,
            [this] { this->rollout(QStringLiteral("complete")); });
    connect(m_preview, &QPushButton::clicked, this, &ReleasesPage::previewSelected);
    connect(this, &ReleasesPage::done, this,
            [this](bool, const QString &text) { emit message(text); });
    retranslate();
    newRelease();
    updateState();
}

QString ReleasesPage::title() const
{
    return tr("Releases");
}

QString ReleasesPage::statusText() const
{
    if (!m_signedIn)
        return tr("Not signed in");
    if (m_loading)
        return tr("Reading the releases…");
    return tr("%n release(s)", "", m_model->rowCount());
}

bool ReleasesPage::isReady() const
{
    return m_ready || !m_signedIn;
}

void ReleasesPage::refresh()
{
    m_stale = true;
    if (isVisible())
        reload();
}

bool ReleasesPage::openLink(const QUrl &link)
{
    if (link.scheme() != QLatin1String("coulisse") || link.host() != key())
        return false;
    bool ok = false;
    const qint64 id = link.path().mid(1).toLongLong(&ok);
    if (!ok || id <= 0)
        return false;
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    else
        m_keepId = id; // selected once the list is read
    return true;
}

QString ReleasesPage::previewText() const
{
    return m_previewLabel->text();
}

void ReleasesPage::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    m_stale = true;
    if (!signedIn)
        m_model->setReleases({});
    else if (isVisible())
        reload();
    updateState();
}

void ReleasesPage::setRole(const QString &role, const QString &user)
{
    m_role = role;
    m_user = user;
    updateState();
}

void ReleasesPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_stale)
        reload();
}

void ReleasesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->relabel();
    }
    Page::changeEvent(event);
}

qint64 ReleasesPage::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->release(current.row()).id : 0;
}

void ReleasesPage::reload()
{
    if (!m_signedIn)
        return;
    m_stale = false;
    m_loading = true;
    updateState();
    struct Snapshot
    {
        bool ok = false;
        QString error;
        QList<CentralReleases::Release> releases;
    };
    m_client->call(
        this,
        [](CentralClient::Session &session) {
            Snapshot s;
            if (!session.isOpen()) {
                s.error = session.error;
                return s;
            }
            CentralReleases releases(session.db);
            const auto list = releases.releases();
            s.ok = list.has_value();
            if (s.ok)
                s.releases = *list;
            else
                s.error = releases.errorString();
            return s;
        },
        [this](const Snapshot &s) {
            m_loading = false;
            m_error = s.ok ? QString() : s.error;
            if (s.ok) {
                const qint64 keep = m_keepId > 0 ? m_keepId : selectedId();
                m_keepId = 0;
                m_model->setReleases(s.releases);
                m_table->resizeColumnsToContents();
                const int row = m_model->rowOf(keep);
                if (row >= 0)
                    m_table->selectRow(row);
                else if (m_model->rowCount() > 0)
                    m_table->selectRow(0);
                else
                    newRelease();
            }
            m_ready = true;
            updateState();
            emit ready();
        });
}

CentralReleases::Release ReleasesPage::formRelease() const
{
    CentralReleases::Release r;
    const int row = m_model->rowOf(selectedId());
    if (row >= 0)
        r = m_model->release(row);
    r.app = m_app->text().trimmed();
    r.platform = m_platform->currentData().toString();
    r.version = m_version->text().trimmed();
    r.minVersion = m_minVersion->text().trimmed();
    r.rolloutPercent = m_percent->value();
    r.channels = splitList(m_channels->text());
    r.osPrefixes = splitList(m_os->text());
    r.fromVersion = m_from->text().trimmed();
    r.toVersion = m_to->text().trimmed();
    r.userKeys = splitList(m_users->text());
    r.notesZh = m_notesZh->toPlainText();
    r.notesEn = m_notesEn->toPlainText();
    return r;
}

void ReleasesPage::setFormRelease(const CentralReleases::Release &r)
{
    m_app->setText(r.app);
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(r.platform)));
    m_version->setText(r.version);
    m_minVersion->setText(r.minVersion);
    m_percent->setValue(r.rolloutPercent);
    m_channels->setText(r.channels.join(QStringLiteral(", ")));
    m_os->setText(r.osPrefixes.join(QStringLiteral(", ")));
    m_from->setText(r.fromVersion);
    m_to->setText(r.toVersion);
    m_users->setText(r.userKeys.join(QStringLiteral(", ")));
    m_notesZh->setPlainText(r.notesZh);
    m_notesEn->setPlainText(r.notesEn);
    m_rolloutPercent->setValue(r.state == QLatin1String("complete") ? 100 : r.rolloutPercent);
}

void ReleasesPage::showSelected()
{
    const int row = m_model->rowOf(selectedId());
    m_previewLabel->clear();
    if (row < 0) {
        updateState();
        return;
    }
    const CentralReleases::Release &r = m_model->release(row);
    setFormRelease(r);
    m_heading->setText(tr("%1 %2 for %3 — %4")
                           .arg(r.app, r.version, ReleaseTableModel::platformLabel(r.platform),
                                ReleaseTableModel::stateLabel(r)));
    const bool draft = r.state == QLatin1String("draft");
    updateChartLabel();
    if (!draft)
        loadChart(r.id);
    updateState();
}

void ReleasesPage::updateChartLabel()
{
    const int row = m_model->rowOf(selectedId());
    const bool draft = row < 0 || m_model->release(row).state == QLatin1String("draft");
    m_chart->setVisible(!draft);
    m_chartLabel->setText(draft ? tr("A draft is offered to nobody: its rollout shows here once "
                                     "it is published.")
                                : tr("Users offered the release per day, and the rollout "
                                     "percentage:"));
}

void ReleasesPage::loadChart(qint64 id)
{
    m_client->call(
        this,
        [id](CentralClient::Session &session) -> std::optional<CentralReleases::Rollout> {
            if (!session.isOpen())
                return std::nullopt;
            return CentralReleases(session.db).rolloutHistory(id);
        },
        [this, id](const std::optional<CentralReleases::Rollout> &rollout) {
            if (selectedId() != id)
                return;
            if (rollout)
                m_chart->setRollout(rollout->offersPerDay, rollout->percent, rollout->states);
            else
                m_chart->clear();
        });
}

void ReleasesPage::newRelease()
{
    m_table->selectionModel()->clearCurrentIndex();
    m_table->clearSelection();
    CentralReleases::Release r;
    r.platform = QStringLiteral("android");
    setFormRelease(r);
    m_heading->setText(tr("New release"));
    m_previewLabel->clear();
    m_chart->clear();
    updateChartLabel();
    updateState();
}

void ReleasesPage::change(const std::function<bool(CentralReleases &)> &call,
                          const QString &success)
{
    m_client->change<CentralReleases>(this, call, [this, success](bool ok, const QString &error) {
        emit done(ok, ok ? success : tr("The central store refused: %1").arg(error));
        // A refusal keeps the form as it was, edits included, to be corrected and sent again.
        if (ok)
            reload();
        else
            m_keepId = 0;
    });
}

void ReleasesPage::saveForm()
{
    const CentralReleases::Release r = formRelease();
    for (const auto &[field, text] : {std::pair{tr("Version"), r.version},
                                      {tr("Forced below"), r.minVersion},
                                      {tr("From version"), r.fromVersion},
                                      {tr("To version"), r.toVersion}}) {
        if ((field == tr("Version") || !text.isEmpty()) &&
            !SemanticVersion::parse(text).isValid()) {
            emit done(false, tr("%1: \"%2\" is not a version like 5.2.1.").arg(field, text));
            return;
        }
    }
    auto id = std::make_shared<qint64>(0);
    m_keepId = r.id;
    change(
        [r, id](CentralReleases &releases) {
            *id = releases.save(r);
            return *id > 0;
        },
        r.id > 0 ? tr("Saved %1 %2.").arg(r.app, r.version)
                 : tr("Created the draft %1 %2.").arg(r.app, r.version));
    // The new release is selected once the list is read again.
    connect(
        this, &ReleasesPage::done, this,
        [this, id](bool ok) {
            if (ok && *id > 0)
                m_keepId = *id;
        },
        Qt::SingleShotConnection);
}

void ReleasesPage::deleteSelected()
{
    const qint64 id = selectedId();
    if (id > 0)
        change([id](CentralReleases &releases) { return releases.removeDraft(id); },
               tr("Deleted the draft."));
}

void ReleasesPage::publishSelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    auto state = std::make_shared<QString>();
    m_keepId = id;
    m_client->change<CentralReleases>(
        this,
        [id, state](CentralReleases &releases) {
            *state = releases.publish(id);
            return !state->isEmpty();
        },
        [this, state](bool ok, const QString &error) {
            emit done(ok, !ok ? tr("The central store refused: %1").arg(error)
                          : *state == QLatin1String("draft")
                              ? tr("Asked for approval: a second admin or a supervisor "
                                   "publishes it.")
                              : tr("Published. Set the rollout percentage to start offering "
                                   "it."));
            if (ok)
                reload();
            else
                m_keepId = 0;
        });
}

void ReleasesPage::approveSelected()
{
    const qint64 id = selectedId();
    m_keepId = id;
    if (id > 0)
        change([id](CentralReleases &releases) { return releases.approve(id); },
               tr("Approved and published."));
}

void ReleasesPage::rollout(const QString &action)
{
    const qint64 id = selectedId();
    const double percent = m_rolloutPercent->value();
    m_keepId = id;
    if (id > 0)
        change([id, action, percent](
                   CentralReleases &releases) { return releases.rollout(id, action, percent); },
               action == QLatin1String("halt")     ? tr("Halted: nobody new is offered it.")
               : action == QLatin1String("resume") ? tr("Rolling out again.")
               : action == QLatin1String("complete")
                   ? tr("Complete: offered to everyone it targets.")
                   : tr("Rollout set to %1 %.").arg(QLocale().toString(percent, 'f', 2)));
}

void ReleasesPage::previewSelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    const double percent = m_rolloutPercent->value();
    m_previewLabel->setText(tr("Counting the users of the last 30 days…"));
    m_client->call(
        this,
        [id, percent](CentralClient::Session &session) {
            std::optional<CentralReleases::Preview> preview;
            QString error = session.error;
            if (session.isOpen()) {
                CentralReleases releases(session.db);
                preview = releases.preview(id, percent);
                error = releases.errorString();
            }
            return std::pair{preview, error};
        },
        [this, id](const std::pair<std::optional<CentralReleases::Preview>, QString> &result) {
            if (selectedId() != id)
                return;
            const QLocale l;
            if (!result.first) {
                m_previewLabel->setText(tr("The preview failed: %1").arg(result.second));
            } else {
                const CentralReleases::Preview &p = *result.first;
                m_previewLabel->setText(
                    tr("At %1 %, it would reach %2 of the %3 users active in the last 30 days "
                       "(%4 on this platform, %5 in its target groups).")
                        .arg(l.toString(p.percent, 'f', 2), l.toString(p.reached),
                             l.toString(p.active), l.toString(p.platform), l.toString(p.targeted)));
            }
            emit previewed();
        });
}

void ReleasesPage::updateState()
{
    QString text;
    bool error = false;
    if (!m_signedIn) {
        text = tr("Releases live on the central store: sign in to see and manage them.");
    } else if (!m_error.isEmpty()) {
        text = tr("Cannot read the releases: %1").arg(m_error);
        error = true;
    } else if (m_role == QLatin1String("pm")) {
        text = tr("Product managers see releases and their reach; admins change them.");
    } else if (m_role == QLatin1String("supervisor")) {
        text = tr("Supervisors approve the publication of releases; admins change them.");
    }
    setBanner(m_banner, text, error);
    const bool admin = m_signedIn && m_role == QLatin1String("admin");
    const int row = m_model->rowOf(selectedId());
    const CentralReleases::Release *r = row >= 0 ? &m_model->release(row) : nullptr;
    const bool draft = !r || r->state == QLatin1String("draft");
    const bool published = r && r->state != QLatin1String("draft");
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_app, m_platform, m_version, m_minVersion, m_percent,
                                          m_channels, m_os, m_from, m_to, m_users})
        w->setEnabled(admin && draft);
    m_notesZh->setReadOnly(!admin);
    m_notesEn->setReadOnly(!admin);
    m_new->setEnabled(admin);
    m_save->setEnabled(admin);
    m_save->setText(draft ? tr("Save Draft") : tr("Save Notes"));
    m_delete->setEnabled(admin && r && draft);
    m_publish->setEnabled(admin && r && draft && r->publishRequestedBy.isEmpty());
    m_approve->setEnabled(
        m_signedIn && r && draft && !r->publishRequestedBy.isEmpty() &&
        r->publishRequestedBy != m_user &&
        (m_role == QLatin1String("admin") || m_role == QLatin1String("supervisor")));
    m_setPercent->setEnabled(admin && published);
    m_halt->setEnabled(admin && published && r->state != QLatin1String("halted"));
    m_resume->setEnabled(admin && published && r->state == QLatin1String("halted"));
    m_complete->setEnabled(admin && published && r->state != QLatin1String("complete"));
    m_rolloutPercent->setEnabled(m_signedIn && r);
    m_preview->setEnabled(m_signedIn && r);
    emit statusChanged();
}

void ReleasesPage::retranslate()
{
    m_new->setText(tr("New Release"));
    const QStringList labels = {tr("App:"),
                                tr("Platform:"),
                                tr("Version:"),
                                tr("Forced below:"),
                                tr("Rollout:"),
                                tr("Channels:"),
                                tr("OS starts with:"),
                                tr("Current versions:"),
                                tr("Also these users:"),
                                tr("Notes (Chinese):"),
                                tr("Notes (English):")};
    for (qsizetype i = 0; i < m_formLabels.size() && i < labels.size(); ++i)
        m_formLabels[i]->setText(labels[i]);
    m_app->setPlaceholderText(tr("e.g. aipai, coulisse"));
    m_version->setPlaceholderText(tr("e.g. 5.2.1"));
    m_minVersion->setPlaceholderText(tr("empty: never forced"));
    m_channels->setPlaceholderText(tr("empty: every channel; or huawei, official, …"));
    m_os->setPlaceholderText(tr("empty: every OS; or Android 13, Android 14"));
    m_from->setPlaceholderText(tr("from (any)"));
    m_to->setPlaceholderText(tr("to (any)"));
    m_users->setPlaceholderText(tr("user ids, separated by commas (testers)"));
    m_delete->setText(tr("Delete Draft"));
    m_publish->setText(tr("Publish"));
    m_approve->setText(tr("Approve"));
    m_rolloutBox->setTitle(tr("Rollout"));
    m_setPercent->setText(tr("Set"));
    m_halt->setText(tr("Halt"));
    m_resume->setText(tr("Resume"));
    m_complete->setText(tr("Complete"));
    m_preview->setText(tr("Preview Reach"));
    m_chart->retranslate();
    updateChartLabel();
    if (selectedId() <= 0)
        m_heading->setText(tr("New release"));
    // The texts that follow the selected release (Save Draft or Save Notes, the banner).
    updateState();
}
