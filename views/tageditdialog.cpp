#include "tageditdialog.h"

#include "catalogue.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using Catalogue::Labels;

TagEditDialog::TagEditDialog(const CatalogueRepository::TagDetail &tag, bool proposal,
                             QWidget *parent, Mode mode)
    : QDialog(parent)
    , m_tag(tag)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("tagEditDialog"));
    if (mode == Mode::Create)
        setWindowTitle(proposal ? tr("Propose a new tag in %1").arg(tag.groupName)
                                : tr("New tag in %1").arg(tag.groupName));
    else
        setWindowTitle(proposal ? tr("Propose a change to %1").arg(tag.name)
                                : tr("Edit tag %1").arg(tag.name));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(tag.name, this);
    m_name->setObjectName(QStringLiteral("tagName"));
    m_nameEn = new QLineEdit(tag.nameEn, this);
    m_nameEn->setObjectName(QStringLiteral("tagNameEn"));
    m_aliases = new QLineEdit(tag.aliases.join(QStringLiteral(", ")), this);
    m_aliases->setObjectName(QStringLiteral("tagAliases"));
    m_aliases->setPlaceholderText(tr("Separated by commas"));
    m_retired =
        new QCheckBox(tr("Retired (下架): stays on what carries it, cannot be added"), this);
    m_retired->setObjectName(QStringLiteral("tagRetired"));
    m_retired->setChecked(tag.status == QLatin1String("retired"));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("English name"), m_nameEn);
    form->addRow(tr("Aliases"), m_aliases);
    form->addRow(QString(), m_retired);
    m_retired->setVisible(mode == Mode::Edit);
    layout->addLayout(form);
    m_impact = new QLabel(this);
    m_impact->setObjectName(QStringLiteral("impact"));
    m_impact->setWordWrap(true);
    layout->addWidget(m_impact);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(proposal               ? tr("Propose")
                  : mode == Mode::Create ? tr("Create")
                                         : tr("Apply"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_nameEn, m_aliases})
        connect(edit, &QLineEdit::textChanged, this, &TagEditDialog::update);
    connect(m_retired, &QCheckBox::toggled, this, &TagEditDialog::update);
    if (proposal) {
        auto *note = new QLabel(tr("A supervisor reviews the proposal; until then the tag "
                                   "stays as it is."),
                                this);
        note->setWordWrap(true);
        layout->insertWidget(layout->count() - 1, note);
    }
    resize(460, sizeHint().height());
    update();
}

void TagEditDialog::toggleStatus()
{
    m_retired->toggle();
}

QJsonObject TagEditDialog::changes() const
{
    QJsonObject fields;
    if (m_name->text().trimmed() != m_tag.name)
        fields.insert(QStringLiteral("name"), m_name->text().trimmed());
    if (m_nameEn->text().trimmed() != m_tag.nameEn)
        fields.insert(QStringLiteral("name_en"), m_nameEn->text().trimmed());
    const QStringList aliases = Labels::splitNames(m_aliases->text());
    if (aliases != m_tag.aliases)
        fields.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(aliases));
    const QString status =
        m_retired->isChecked() ? QStringLiteral("retired") : QStringLiteral("active");
    if (status != m_tag.status)
        fields.insert(QStringLiteral("status"), status);
    return fields;
}

QJsonObject TagEditDialog::original() const
{
    const QJsonObject changed = changes();
    QJsonObject fields;
    if (changed.contains(QStringLiteral("name")))
        fields.insert(QStringLiteral("name"), m_tag.name);
    if (changed.contains(QStringLiteral("name_en")))
        fields.insert(QStringLiteral("name_en"), m_tag.nameEn);
    if (changed.contains(QStringLiteral("aliases")))
        fields.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(m_tag.aliases));
    if (changed.contains(QStringLiteral("status")))
        fields.insert(QStringLiteral("status"), m_tag.status);
    return fields;
}

QString TagEditDialog::name() const
{
    return m_name->text().trimmed();
}

QString TagEditDialog::nameEn() const
{
    return m_nameEn->text().trimmed();
}

QStringList TagEditDialog::aliases() const
{
    return Labels::splitNames(m_aliases->text());
}

void TagEditDialog::update()
{
    if (m_mode == Mode::Create) {
        m_impact->setText(tr("The new tag is sent with the next sync and appears once central "
                             "has created it."));
        const bool named = !m_name->text().trimmed().isEmpty();
        m_problem->setText(named ? QString() : tr("A tag needs a name."));
        m_problem->setVisible(!named && !m_name->text().isEmpty());
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(named);
        return;
    }
    const QJsonObject changed = changes();
    const QLocale locale;
    const bool games = m_tag.groupKind == QLatin1String("dimension");
    const QString uses = games ? tr("%n game(s)", nullptr, int(m_tag.uses))
                               : tr("%n video(s)", nullptr, int(m_tag.uses));
    QStringList impact;
    if (changed.contains(QStringLiteral("name")) || changed.contains(QStringLiteral("name_en")))
        impact.append(tr("The new name shows on the %1 that carry it.").arg(uses));
    if (changed.value(QStringLiteral("status")).toString() == QLatin1String("retired"))
        impact.append(
            tr("Retiring keeps it on the %1 that carry it; it can no longer be added.").arg(uses));
    if (changed.value(QStringLiteral("status")).toString() == QLatin1String("active"))
        impact.append(tr("Re-enabling lets editors add it again (%1 carry it now).").arg(uses));
    if (changed.contains(QStringLiteral("aliases")))
        impact.append(tr("Aliases find the tag in completion and tag searches."));
    m_impact->setText(impact.isEmpty() ? tr("Used on %1.").arg(uses)
                                       : impact.join(QLatin1Char(' ')));
    QString problem;
    if (m_name->text().trimmed().isEmpty())
        problem = tr("A tag needs a name.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !changed.isEmpty());
}
