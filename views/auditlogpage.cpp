#include "auditlogpage.h"

#include "auditlogmodel.h"
#include "centralclient.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace {

enum Period { AnyTime, LastHour, Today, Last7Days, Last30Days, Custom };

struct ExportResult
{
    bool ok = false;
    qint64 rows = 0;
    QString error;
};

QString cell(const QString &text, const QString &style = {})
{
    return QStringLiteral("<td style='padding:2px 8px 2px 0; %1'>%2</td>")
        .arg(style, text.toHtmlEscaped());
}

} // namespace

AuditLogPage::AuditLogPage(CentralClient *client, QWidget *parent)
    : Page(QStringLiteral("audit"), parent)
    , m_client(client)
    , m_model(new AuditLogModel(client, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    m_actorLabel = new QLabel(this);
    m_actor = new QComboBox(this);
    m_actor->setObjectName(QStringLiteral("actor"));
    m_actor->setEditable(true); // installers and former staff are actors too
    m_actor->setInsertPolicy(QComboBox::NoInsert);
    m_actor->setMinimumContentsLength(12);
    m_tableLabel = new QLabel(this);
    m_tableFilter = new QComboBox(this);
    m_tableFilter->setObjectName(QStringLiteral("tableFilter"));
    m_periodLabel = new QLabel(this);
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("period"));
    m_from = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-7), this);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_to = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), this);
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_objectLabel = new QLabel(this);
    m_objectKind = new QComboBox(this);
    m_objectKind->setObjectName(QStringLiteral("objectKind"));
    m_objectId = new QLineEdit(this);
    m_objectId->setObjectName(QStringLiteral("objectId"));
    m_objectId->setClearButtonEnabled(true);
    m_objectId->setMaximumWidth(160);
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_reload = new QPushButton(this);
    m_reload->setObjectName(QStringLiteral("reload"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportCsv"));
    for (QWidget *w : {static_cast<QWidget *>(m_actorLabel), static_cast<QWidget *>(m_actor),
                       static_cast<QWidget *>(m_tableLabel), static_cast<QWidget *>(m_tableFilter),
                       static_cast<QWidget *>(m_periodLabel), static_cast<QWidget *>(m_period),
                       static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                       static_cast<QWidget *>(m_objectLabel), static_cast<QWidget *>(m_objectKind),
                       static_cast<QWidget *>(m_objectId), static_cast<QWidget *>(m_clear)})
        bar->addWidget(w);
    bar->addStretch(1);
    bar->addWidget(m_reload);
    bar->addWidget(m_export);
    layout->addLayout(bar);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("stateBanner"));
    m_state->setWordWrap(true);
    m_state->hide();
    layout->addWidget(m_state);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_table = new QTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(m_model);
    setUpTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->setColumnWidth(AuditLogModel::AtColumn, digit * 21);
    m_table->setColumnWidth(AuditLogModel::ActorColumn, digit * 14);
    m_table->setColumnWidth(AuditLogModel::TableColumn, digit * 15);
    m_table->setColumnWidth(AuditLogModel::OperationColumn, digit * 10);
    m_table->setColumnWidth(AuditLogModel::ObjectColumn, digit * 22);
    m_detail = new QTextBrowser(m_splitter);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setOpenLinks(false);
    m_detail->setMinimumWidth(300);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({960, 360});
    layout->addWidget(m_splitter, 1);

    const auto changed = [this] {
        applyFilters();
    };
    connect(m_actor, &QComboBox::activated, this, changed);
    connect(m_actor->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_actor->currentText().trimmed() != m_model->filter().actor &&
            !(m_actor->currentIndex() == 0 && m_model->filter().actor.isEmpty()))
            applyFilters();
    });
    connect(m_tableFilter, &QComboBox::activated, this, changed);
    connect(m_period, &QComboBox::activated, this, [this] {
        updatePeriod();
        applyFilters();
    });
    connect(m_from, &QDateTimeEdit::editingFinished, this, changed);
    connect(m_to, &QDateTimeEdit::editingFinished, this, changed);
    connect(m_objectKind, &QComboBox::activated, this, changed);
    connect(m_objectId, &QLineEdit::returnPressed, this, changed);
    connect(m_objectId, &QLineEdit::editingFinished, this, [this] {
        if (m_objectId->text().trimmed() != m_model->filter().object.id)
            applyFilters();
    });
    connect(m_clear, &QPushButton::clicked, this, &AuditLogPage::clearFilters);
    connect(m_reload, &QPushButton::clicked, this, &AuditLogPage::refresh);
    connect(m_export, &QPushButton::clicked, this, &AuditLogPage::chooseExportFile);

    connect(m_model, &AuditLogModel::pageLoaded, this, [this] {
        if (!m_table->selectionModel()->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->selectRow(0);
        updateState();
        emit ready();
    });
    connect(m_model, &AuditLogModel::loadFailed, this, [this] {
        updateState();
        emit ready();
    });
    connect(m_model, &AuditLogModel::loadingChanged, this, &AuditLogPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogPage::showDetail);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditLogPage::showDetail);
    connect(m_detail, &QTextBrowser::anchorClicked, this, [this](const QUrl &link) {
        if (!openLink(link))
            emit linkActivated(link);
    });

    retranslate();
    updatePeriod();
    updateState();
}

QString AuditLogPage::title() const
{
    return tr("Audit Log");
}

QString AuditLogPage::statusText() const
{
    if (!m_signedIn)
        return tr("Audit log: not signed in");
    if (m_model->isLoading() && m_model->rowCount() == 0)
        return tr("Reading the audit log…");
    const QString count = tr("%Ln change(s)", nullptr, m_model->rowCount());
    return m_model->atEnd() ? count : tr("%1 shown, more as you scroll").arg(count);
}

bool AuditLogPage::isReady() const
{
    return !m_signedIn || (!m_model->isLoading() && !m_stale);
}

void AuditLogPage::focusSearch()
{
    m_objectId->setFocus();
    m_objectId->selectAll();
}

void AuditLogPage::clearFilters()
{
    m_actor->setCurrentIndex(0);
    m_tableFilter->setCurrentIndex(0);
    m_period->setCurrentIndex(AnyTime);
    m_objectKind->setCurrentIndex(0);
    m_objectId->clear();
    updatePeriod();
    applyFilters();
}

void AuditLogPage::refresh()
{
    // Online reads cost a round trip: only what is shown is read again.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (!m_signedIn)
        return;
    m_stale = false;
    reloadActors();
    m_model->reload();
}

void AuditLogPage::copySelection()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    QApplication::clipboard()->setText(tableText(m_table, rows));
    emit message(tr("Copied %Ln row(s).", nullptr, int(rows.size())));
}

bool AuditLogPage::openLink(const QUrl &link)
{
    if (link.scheme() != QLatin1String("coulisse") || link.host() != QLatin1String("audit"))
        return false;
    const QUrlQuery query(link);
    m_actor->setCurrentIndex(0);
    m_tableFilter->setCurrentIndex(0);
    m_period->setCurrentIndex(AnyTime);
    m_objectKind->setCurrentIndex(0);
    m_objectId->clear();
    for (const QString &kind : AuditLog::objectKinds()) {
        if (query.hasQueryItem(kind)) {
            m_objectKind->setCurrentIndex(std::max(0, m_objectKind->findData(kind)));
            m_objectId->setText(query.queryItemValue(kind, QUrl::FullyDecoded));
            break;
        }
    }
    if (query.hasQueryItem(QStringLiteral("actor")))
        m_actor->setEditText(query.queryItemValue(QStringLiteral("actor"), QUrl::FullyDecoded));
    updatePeriod();
    applyFilters();
    return true;
}

void AuditLogPage::saveState() const
{
    saveLayout(m_table, m_splitter);
}

void AuditLogPage::restoreState()
{
    restoreLayout(m_table, m_splitter);
}

AuditLog::Filter AuditLogPage::filter() const
{
    AuditLog::Filter f;
    if (m_actor->currentIndex() != 0 || m_actor->currentText() != m_actor->itemText(0))
        f.actor = m_actor->currentText().trimmed();
    f.table = m_tableFilter->currentData().toString();
    const QDateTime now = QDateTime::currentDateTime();
    switch (m_period->currentIndex()) {
    case LastHour:
        f.from = now.addSecs(-3600);
        break;
    case Today:
        f.from = now.date().startOfDay();
        break;
    case Last7Days:
        f.from = now.addDays(-7);
        break;
    case Last30Days:
        f.from = now.addDays(-30);
        break;
    case Custom:
        f.from = m_from->dateTime();
        f.to = m_to->dateTime();
        break;
    default:
        break;
    }
    f.object.kind = m_objectKind->currentData().toString();
    f.object.id = f.object.kind.isEmpty() ? QString() : m_objectId->text().trimmed();
    return f;
}

void AuditLogPage::applyFilters()
{
    m_objectId->setEnabled(m_objectKind->currentIndex() > 0);
    m_clear->setEnabled(!filter().isEmpty());
    if (!m_signedIn)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_model->setFilter(filter());
}

void AuditLogPage::updatePeriod()
{
    const bool custom = m_period->currentIndex() == Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
}

void AuditLogPage::updateState()
{
    QString text;
    bool error = false;
    if (!m_signedIn) {
        text = tr("The audit log is read from the central store: sign in to see it.");
    } else if (!m_model->errorString().isEmpty()) {
        text = tr("Cannot read the audit log: %1").arg(m_model->errorString());
        error = true;
    } else if (!m_model->isLoading() && m_model->rowCount() == 0 && !m_stale) {
        text = m_model->filter().isEmpty() ? tr("No changes are on record yet.")
                                           : tr("No change matches these filters.");
    }
    setBanner(m_state, text, error);
    m_export->setEnabled(m_signedIn && m_model->rowCount() > 0);
    m_reload->setEnabled(m_signedIn);
    emit statusChanged();
}

void AuditLogPage::showDetail()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detail->setHtml(
            QStringLiteral("<p style='color:#6b6b6b'>%1</p>")
                .arg(tr("Select a change to see the row before and after it.").toHtmlEscaped()));
        return;
    }
    const AuditLog::Entry &e = m_model->entry(current.row());
    QString html = QStringLiteral("<h3 style='margin-bottom:2px'>%1 · %2</h3>")
                       .arg(AuditLog::operationLabel(e.op).toHtmlEscaped(),
                            AuditLog::objectLabel(e).toHtmlEscaped());
    html += QStringLiteral("<table>");
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td style='color:#6b6b6b; padding-right:12px'>%1</td>"
                               "<td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("When"), QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat));
    row(tr("Who"), e.actor);
    row(tr("Table"), AuditLog::tableLabel(e.table));
    row(tr("Transaction"), e.txid);
    html += QStringLiteral("</table>");

    // Every field of the row, before and after; what changed is highlighted.
    QStringList fields = e.after.keys();
    for (const QString &field : e.before.keys()) {
        if (!fields.contains(field))
            fields.append(field);
    }
    const QStringList changed = AuditLog::changedFields(e);
    const bool both = e.op == QLatin1String("UPDATE");
    html += QStringLiteral("<table style='margin-top:10px' cellspacing='0'><tr>");
    html += cell(tr("Field"), QStringLiteral("color:#6b6b6b"));
    if (both || e.op == QLatin1String("DELETE"))
        html += cell(tr("Before"), QStringLiteral("color:#6b6b6b"));
    if (both || e.op != QLatin1String("DELETE"))
        html += cell(tr("After"), QStringLiteral("color:#6b6b6b"));
    html += QStringLiteral("</tr>");
    for (const QString &field : std::as_const(fields)) {
        const bool isChanged = changed.contains(field);
        html += isChanged ? QStringLiteral("<tr style='background-color:#fff4d6'>")
                          : QStringLiteral("<tr>");
        html += cell(field, isChanged ? QStringLiteral("font-weight:bold") : QString());
        if (both || e.op == QLatin1String("DELETE"))
            html += cell(AuditLog::displayValue(e.before.value(field)),
                         isChanged ? QStringLiteral("color:#8a1c1c") : QString());
        if (both || e.op != QLatin1String("DELETE"))
            html += cell(AuditLog::displayValue(e.after.value(field)),
                         isChanged ? QStringLiteral("color:#1e6b2e") : QString());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");

    // Links: the object's whole history, and the object itself.
    struct Link
    {
        const char *kind;
        const char *page;
        const char *field;
    };
    static const Link links[] = {
        {"video", "videos", "video_id"}, {"tag", "tags", "tag_id"}, {"game", "games", "game_id"}};
    QStringList anchors;
    for (const Link &l : links) {
        QString id;
        const QString table = QString::fromLatin1(l.page);
        if (e.table == table)
            id = AuditLog::displayValue(e.key.value(QLatin1String("id")));
        else if (e.key.contains(QLatin1String(l.field)))
            id = AuditLog::displayValue(e.key.value(QLatin1String(l.field)));
        if (id.isEmpty())
            continue;
        const QString kind = QString::fromLatin1(l.kind);
        anchors.append(QStringLiteral("<a href='coulisse://audit?%1=%2'>%3</a>")
                           .arg(kind, id,
                                tr("History of %1 %2")
                                    .arg(AuditLog::objectKindLabel(kind).toLower(), id)
                                    .toHtmlEscaped()));
        if (kind != QLatin1String("tag")) // the tag library selects by row, not by link
            anchors.append(QStringLiteral("<a href='coulisse://%1/%2'>%3</a>")
                               .arg(table, id,
                                    tr("Open %1 %2")
                                        .arg(AuditLog::objectKindLabel(kind).toLower(), id)
                                        .toHtmlEscaped()));
    }
    if (!anchors.isEmpty())
        html += QStringLiteral("<p style='margin-top:10px'>%1</p>")
                    .arg(anchors.join(QStringLiteral("<br>")));
    m_detail->setHtml(html);
}

void AuditLogPage::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    m_stale = true;
    if (!signedIn) {
        m_model->clear();
        m_actor->clear();
        m_actor->addItem(tr("Anyone"));
    }
    updateState();
    if (signedIn && isVisible())
        refresh();
}

void AuditLogPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_stale && m_signedIn)
        refresh();
}

void AuditLogPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

void AuditLogPage::reloadActors()
{
    m_client->call(
        this,
        [](CentralClient::Session &session) {
            QStringList names;
            QString error;
            if (session.isOpen())
                AuditLog::actors(session.db, &names, &error);
            return names;
        },
        [this](const QStringList &names) {
            const QString current =
                m_actor->currentIndex() == 0 ? QString() : m_actor->currentText();
            const QSignalBlocker block(m_actor);
            while (m_actor->count() > 1)
                m_actor->removeItem(1);
            m_actor->addItems(names);
            if (current.isEmpty())
                m_actor->setCurrentIndex(0);
            else
                m_actor->setEditText(current);
        });
}

void AuditLogPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the Audit Log"),
        QStringLiteral("audit-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)),
        tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void AuditLogPage::exportCsv(const QString &path)
{
    const AuditLog::Filter f = m_model->filter();
    m_export->setEnabled(false);
    emit message(tr("Exporting the audit log…"));
    m_client->call(
        this,
        [f, path](CentralClient::Session &session) {
            ExportResult result;
            if (!session.isOpen()) {
                result.error = session.error;
                return result;
            }
            // A failed export leaves no partial file behind.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                result.error = tr("Cannot write %1: %2").arg(path, file.errorString());
                return result;
            }
            result.ok = AuditLog::exportCsv(session.db, f, &file, &result.rows, &result.error);
            if (result.ok && !file.commit()) {
                result.ok = false;
                result.error = tr("Cannot write %1: %2").arg(path, file.errorString());
            }
            return result;
        },
        [this, path](const ExportResult &result) {
            updateState();
            const QString text =
                result.ok ? tr("Exported %Ln change(s) to %1.", nullptr, int(result.rows))
                                .arg(QDir::toNativeSeparators(path))
                          : tr("The audit log was not exported: %1").arg(result.error);
            emit message(text);
            emit exported(result.ok, result.rows, text);
        });
}

void AuditLogPage::retranslate()
{
    m_actorLabel->setText(tr("Person:"));
    m_tableLabel->setText(tr("Table:"));
    m_periodLabel->setText(tr("Time:"));
    m_objectLabel->setText(tr("Object:"));
    m_objectId->setPlaceholderText(tr("id or name"));
    m_clear->setText(tr("Clear"));
    m_reload->setText(tr("Reload"));
    m_export->setText(tr("Export CSV…"));
    if (m_actor->count() == 0)
        m_actor->addItem(tr("Anyone"));
    else
        m_actor->setItemText(0, tr("Anyone"));
    {
        const QSignalBlocker block(m_tableFilter);
        const QString current = m_tableFilter->currentData().toString();
        m_tableFilter->clear();
        m_tableFilter->addItem(tr("All tables"), QString());
        for (const QString &table : AuditLog::tables())
            m_tableFilter->addItem(AuditLog::tableLabel(table), table);
        m_tableFilter->setCurrentIndex(std::max(0, m_tableFilter->findData(current)));
    }
    {
        const QSignalBlocker block(m_period);
        const int current = std::max(0, m_period->currentIndex());
        m_period->clear();
        m_period->addItems({tr("Any time"), tr("Last hour"), tr("Today"), tr("Last 7 days"),
                            tr("Last 30 days"), tr("Between…")});
        m_period->setCurrentIndex(current);
    }
    {
        const QSignalBlocker block(m_objectKind);
        const QString current = m_objectKind->currentData().toString();
        m_objectKind->clear();
        m_objectKind->addItem(tr("Any"), QString());
        for (const QString &kind : AuditLog::objectKinds())
            m_objectKind->addItem(AuditLog::objectKindLabel(kind), kind);
        m_objectKind->setCurrentIndex(std::max(0, m_objectKind->findData(current)));
    }
    m_objectId->setEnabled(m_objectKind->currentIndex() > 0);
    m_clear->setEnabled(!filter().isEmpty());
    m_model->relabel();
    updateState();
    showDetail();
}
