#include "conflicteditdialog.h"

#include "catalogue.h"
#include "outboxmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

/// Central's aliases may come as JSON text or as an array.
QJsonValue normalised(const QString &field, const QJsonValue &value)
{
    if (field == QLatin1String("aliases") && value.isString())
        return QJsonDocument::fromJson(value.toString().toUtf8()).array();
    return value;
}

} // namespace

ConflictEditDialog::ConflictEditDialog(const QString &change, const QJsonObject &mine,
                                       const QJsonObject &theirs, const QStringList &fields,
                                       QWidget *parent)
    : QDialog(parent)
    , m_fields(fields)
{
    setObjectName(QStringLiteral("ConflictEditDialog"));
    setWindowTitle(tr("Edit the Change"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Someone else changed this first. Edit your values; they are "
                                "sent against central's current version.\n%1")
                                 .arg(change),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Yours</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Central's</b>"), this), 0, 2);
    int row = 1;
    for (const QString &field : fields) {
        QWidget *editor = nullptr;
        if (field == QLatin1String("status")) {
            auto *combo = new QComboBox(this);
            for (const char *code : {"active", "retired"})
                combo->addItem(Catalogue::Labels::status(QLatin1String(code)),
                               QString::fromLatin1(code));
            editor = combo;
        } else if (field == QLatin1String("introduction")) {
            auto *text = new QPlainTextEdit(this);
            text->setMaximumHeight(90);
            editor = text;
        } else {
            auto *line = new QLineEdit(this);
            if (field == QLatin1String("aliases"))
                line->setPlaceholderText(tr("comma-separated"));
            if (field == QLatin1String("released"))
                line->setInputMask(QStringLiteral("0000"));
            editor = line;
        }
        editor->setObjectName(field);
        editor->setMinimumWidth(260);
        m_editors.insert(field, editor);
        const QJsonValue central = normalised(field, theirs.value(field));
        auto *label = new QLabel(OutboxModel::fieldLabel(field), this);
        label->setBuddy(editor);
        auto *theirsLabel = new QLabel(OutboxModel::fieldValueText(field, central), this);
        theirsLabel->setWordWrap(true);
        theirsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *use = new QPushButton(tr("Use Central's"), this);
        use->setObjectName(field + QStringLiteral("UseTheirs"));
        connect(use, &QPushButton::clicked, this,
                [this, field, central] { setValue(field, central); });
        grid->addWidget(label, row, 0);
        grid->addWidget(editor, row, 1);
        grid->addWidget(theirsLabel, row, 2);
        grid->addWidget(use, row, 3);
        setValue(field, mine.value(field));
        ++row;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send Again"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ConflictEditDialog::setValue(const QString &field, const QJsonValue &value)
{
    QWidget *editor = m_editors.value(field);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int index = combo->findData(value.toString());
        combo->setCurrentIndex(index >= 0 ? index : 0);
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        text->setPlainText(value.toString());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        if (field == QLatin1String("aliases")) {
            QStringList items;
            for (const QJsonValue &v : value.toArray())
                items.append(v.toString());
            line->setText(items.join(QStringLiteral(", ")));
        } else if (field == QLatin1String("released")) {
            line->setText(value.isDouble() ? QString::number(value.toInteger()) : QString());
        } else {
            line->setText(value.toString());
        }
    }
}

QJsonObject ConflictEditDialog::values() const
{
    QJsonObject values;
    for (const QString &field : m_fields) {
        QWidget *editor = m_editors.value(field);
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            values.insert(field, combo->currentData().toString());
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
            values.insert(field, text->toPlainText());
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            const QString value = line->text().trimmed();
            if (field == QLatin1String("aliases")) {
                QJsonArray array;
                for (const QString &item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    if (!item.trimmed().isEmpty())
                        array.append(item.trimmed());
                }
                values.insert(field, array);
            } else if (field == QLatin1String("released")) {
                values.insert(field, value.isEmpty() ? QJsonValue() : QJsonValue(value.toInt()));
            } else {
                values.insert(field, value);
            }
        }
    }
    return values;
}
