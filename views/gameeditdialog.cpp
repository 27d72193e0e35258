#include "gameeditdialog.h"

#include "catalogue.h"

#include <QCheckBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

using Catalogue::Labels;

GameEditDialog::GameEditDialog(const CatalogueRepository::GameDetail &game,
                               const QList<CatalogueRepository::TagRef> &gameTags, bool proposal,
                               Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_game(mode == Mode::Edit ? game : CatalogueRepository::GameDetail())
    , m_mode(mode)
{
    setObjectName(QStringLiteral("gameEditDialog"));
    if (mode == Mode::Create)
        setWindowTitle(proposal ? tr("Propose a new game") : tr("New game"));
    else
        setWindowTitle(proposal ? tr("Propose a change to %1").arg(game.name)
                                : tr("Edit game %1").arg(game.name));
    if (mode == Mode::Create)
        m_game.status = QStringLiteral("active");
    for (const auto &t : m_game.gameTags)
        m_initialTags.append(t.id);

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(m_game.name, this);
    m_name->setObjectName(QStringLiteral("gameName"));
    m_nameEn = new QLineEdit(m_game.nameEn, this);
    m_nameEn->setObjectName(QStringLiteral("gameNameEn"));
    m_aliases = new QLineEdit(m_game.aliases.join(QStringLiteral(", ")), this);
    m_aliases->setObjectName(QStringLiteral("gameAliases"));
    m_aliases->setPlaceholderText(tr("Separated by commas"));
    m_developer = new QLineEdit(m_game.developer, this);
    m_developer->setObjectName(QStringLiteral("gameDeveloper"));
    m_released = new QSpinBox(this);
    m_released->setObjectName(QStringLiteral("gameReleased"));
    m_released->setRange(0, QDate::currentDate().year() + 5);
    m_released->setSpecialValueText(tr("Unknown"));
    m_released->setValue(m_game.released);
    m_introduction = new QPlainTextEdit(m_game.introduction, this);
    m_introduction->setObjectName(QStringLiteral("gameIntroduction"));
    m_introduction->setMaximumHeight(90);
    m_retired = new QCheckBox(tr("Retired: kept with its videos, no longer offered"), this);
    m_retired->setObjectName(QStringLiteral("gameRetired"));
    m_retired->setChecked(m_game.status == QLatin1String("retired"));
    m_retired->setVisible(mode == Mode::Edit);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("English name"), m_nameEn);
    form->addRow(tr("Aliases"), m_aliases);
    form->addRow(tr("Developer"), m_developer);
    form->addRow(tr("Released"), m_released);
    form->addRow(tr("Introduction"), m_introduction);
    form->addRow(QString(), m_retired);
    layout->addLayout(form);

    layout->addWidget(new QLabel(tr("Game tags"), this));
    m_tags = new QTreeWidget(this);
    m_tags->setObjectName(QStringLiteral("gameTags"));
    m_tags->setHeaderHidden(true);
    QHash<QString, QTreeWidgetItem *> dimensions;
    for (const auto &t : gameTags) {
        if (t.groupKind != QLatin1String("dimension"))
            continue;
        const bool carried = m_initialTags.contains(t.id);
        if (t.status != QLatin1String("active") && !carried)
            continue;
        QTreeWidgetItem *&parentItem = dimensions[t.groupCode];
        if (!parentItem) {
            parentItem = new QTreeWidgetItem(m_tags, {Labels::dimension(t.groupCode)});
            parentItem->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(parentItem, {Labels::name(t.name, t.nameEn)});
        item->setData(0, Qt::UserRole, t.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, carried ? Qt::Checked : Qt::Unchecked);
        if (carried)
            parentItem->setExpanded(true);
    }
    layout->addWidget(m_tags, 1);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    layout->addWidget(m_problem);
    if (proposal) {
        auto *note =
            new QLabel(tr("A supervisor reviews the proposal before it takes effect."), this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(proposal               ? tr("Propose")
                  : mode == Mode::Create ? tr("Create")
                                         : tr("Apply"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_nameEn, m_aliases, m_developer})
        connect(edit, &QLineEdit::textChanged, this, &GameEditDialog::update);
    connect(m_released, &QSpinBox::valueChanged, this, &GameEditDialog::update);
    connect(m_introduction, &QPlainTextEdit::textChanged, this, &GameEditDialog::update);
    connect(m_retired, &QCheckBox::toggled, this, &GameEditDialog::update);
    connect(m_tags, &QTreeWidget::itemChanged, this, &GameEditDialog::update);
    resize(520, 640);
    update();
}

QJsonObject GameEditDialog::changes() const
{
    QJsonObject f;
    const auto text = [&](const char *field, const QString &now, const QString &was) {
        if (now != was || (m_mode == Mode::Create && !now.isEmpty()))
            f.insert(QLatin1String(field), now);
    };
    text("name", m_name->text().trimmed(), m_game.name);
    text("name_en", m_nameEn->text().trimmed(), m_game.nameEn);
    text("developer", m_developer->text().trimmed(), m_game.developer);
    text("introduction", m_introduction->toPlainText().trimmed(), m_game.introduction);
    const QStringList aliases = Labels::splitNames(m_aliases->text());
    if (aliases != m_game.aliases)
        f.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(aliases));
    if (m_released->value() != m_game.released)
        f.insert(QStringLiteral("released"), m_released->value() > 0
                                                 ? QJsonValue(m_released->value())
                                                 : QJsonValue(QJsonValue::Null));
    if (m_mode == Mode::Edit) {
        const QString status =
            m_retired->isChecked() ? QStringLiteral("retired") : QStringLiteral("active");
        if (status != m_game.status)
            f.insert(QStringLiteral("status"), status);
    }
    return f;
}

QJsonObject GameEditDialog::original() const
{
    QJsonObject f;
    const QJsonObject changed = changes();
    for (auto it = changed.constBegin(); it != changed.constEnd(); ++it) {
        const QString k = it.key();
        if (k == QLatin1String("name"))
            f.insert(k, m_game.name);
        else if (k == QLatin1String("name_en"))
            f.insert(k, m_game.nameEn);
        else if (k == QLatin1String("developer"))
            f.insert(k, m_game.developer);
        else if (k == QLatin1String("introduction"))
            f.insert(k, m_game.introduction);
        else if (k == QLatin1String("aliases"))
            f.insert(k, QJsonArray::fromStringList(m_game.aliases));
        else if (k == QLatin1String("released"))
            f.insert(k, m_game.released > 0 ? QJsonValue(m_game.released)
                                            : QJsonValue(QJsonValue::Null));
        else if (k == QLatin1String("status"))
            f.insert(k, m_game.status);
    }
    return f;
}

QList<qint64> GameEditDialog::checkedTags() const
{
    QList<qint64> ids;
    for (int d = 0; d < m_tags->topLevelItemCount(); ++d) {
        const QTreeWidgetItem *dimension = m_tags->topLevelItem(d);
        for (int i = 0; i < dimension->childCount(); ++i) {
            if (dimension->child(i)->checkState(0) == Qt::Checked)
                ids.append(dimension->child(i)->data(0, Qt::UserRole).toLongLong());
        }
    }
    return ids;
}

QList<qint64> GameEditDialog::addedTags() const
{
    QList<qint64> added;
    for (qint64 id : checkedTags()) {
        if (!m_initialTags.contains(id))
            added.append(id);
    }
    return added;
}

QList<qint64> GameEditDialog::removedTags() const
{
    const QList<qint64> checked = checkedTags();
    QList<qint64> removed;
    for (qint64 id : m_initialTags) {
        if (!checked.contains(id))
            removed.append(id);
    }
    return removed;
}

void GameEditDialog::update()
{
    const bool named = !m_name->text().trimmed().isEmpty();
    m_problem->setText(named ? QString() : tr("A game needs a name."));
    m_problem->setVisible(!named);
    const bool changed = !changes().isEmpty() || !addedTags().isEmpty() || !removedTags().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(named && changed);
}
