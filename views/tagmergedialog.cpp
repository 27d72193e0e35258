#include "tagmergedialog.h"

#include "catalogue.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

using Catalogue::Labels;

namespace {

QString label(const CatalogueRepository::TagRef &t)
{
    return QStringLiteral("%1 — %2 (%3)")
        .arg(Labels::name(t.name, t.nameEn),
             Labels::tagGroup(t.groupKind, t.groupCode, t.gameName, t.gameNameEn))
        .arg(t.id);
}

} // namespace

TagMergeDialog::TagMergeDialog(const CatalogueRepository::TagDetail &tag,
                               const QList<CatalogueRepository::TagRef> &allTags, bool proposal,
                               QWidget *parent)
    : QDialog(parent)
    , m_tag(tag)
{
    setObjectName(QStringLiteral("tagMergeDialog"));
    setWindowTitle(tr("Merge %1 into another tag").arg(tag.name));
    // The tags that fit everything carrying this one: game tags for a game tag; for a video
    // tag, the general library's and those of the same game's library.
    const bool dimension = tag.groupKind == QLatin1String("dimension");
    for (const auto &t : allTags) {
        if (t.id == tag.id || t.status != QLatin1String("active"))
            continue;
        const bool fits = dimension ? t.groupKind == QLatin1String("dimension")
                                    : t.groupKind == QLatin1String("general") ||
                                          (t.groupKind == QLatin1String("category") &&
                                           tag.groupKind == QLatin1String("category") &&
                                           t.gameName == tag.libraryName);
        if (fits)
            m_candidates.append(t);
    }
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_into = new QLineEdit(this);
    m_into->setObjectName(QStringLiteral("mergeInto"));
    m_into->setPlaceholderText(tr("The tag that stays…"));
    m_choices = new QStandardItemModel(this);
    for (const auto &t : std::as_const(m_candidates))
        m_choices->appendRow(new QStandardItem(label(t)));
    auto *completer = new QCompleter(m_choices, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_into->setCompleter(completer);
    form->addRow(tr("Merge into"), m_into);
    layout->addLayout(form);
    m_impact = new QLabel(this);
    m_impact->setObjectName(QStringLiteral("impact"));
    m_impact->setWordWrap(true);
    layout->addWidget(m_impact);
    if (proposal) {
        auto *note =
            new QLabel(tr("A supervisor reviews the proposal before anything moves."), this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(proposal ? tr("Propose") : tr("Merge"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_into, &QLineEdit::textChanged, this, [this](const QString &text) { pick(text); });
    resize(520, sizeHint().height());
    update();
}

bool TagMergeDialog::pick(const QString &text)
{
    const QString key = text.trimmed();
    m_target = 0;
    for (const auto &t : std::as_const(m_candidates)) {
        if (label(t) == key || t.name == key ||
            (!t.nameEn.isEmpty() && t.nameEn.compare(key, Qt::CaseInsensitive) == 0)) {
            m_target = t.id;
            break;
        }
    }
    update();
    return m_target != 0;
}

void TagMergeDialog::update()
{
    const bool games = m_tag.groupKind == QLatin1String("dimension");
    const QString uses = games ? tr("%n game(s)", nullptr, int(m_tag.uses))
                               : tr("%n video(s)", nullptr, int(m_tag.uses));
    QString target;
    for (const auto &t : std::as_const(m_candidates)) {
        if (t.id == m_target)
            target = Labels::name(t.name, t.nameEn);
    }
    if (m_target == 0)
        m_impact->setText(tr("%1 carry %2. Pick the tag that takes its place.")
                              .arg(uses, Labels::name(m_tag.name, m_tag.nameEn)));
    else
        m_impact->setText(tr("The %1 that carry %2 will carry %3 instead; %2 and its aliases "
                             "become aliases of %3, and %2 is retired.")
                              .arg(uses, Labels::name(m_tag.name, m_tag.nameEn), target));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_target != 0);
}
