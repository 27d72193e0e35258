#pragma once

#include "cataloguerepository.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Edits a tag of the library: name, English name, aliases, retired (下架) or active (上架).
/// Says how many videos (or games) the change affects before it is confirmed. For an editor
/// the change is a proposal that a supervisor reviews.
class TagEditDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Edit, Create };
    /// Create: \a tag carries the group only; the dialog asks for the new tag's names.
    TagEditDialog(const CatalogueRepository::TagDetail &tag, bool proposal,
                  QWidget *parent = nullptr, Mode mode = Mode::Edit);

    QString name() const;
    QString nameEn() const;
    QStringList aliases() const;

    /// The fields that differ from the tag as it is (empty: nothing changed).
    QJsonObject changes() const;
    /// The same fields as they are now (to undo the change).
    QJsonObject original() const;
    /// Opens with the status switched (the Retire / Re-enable buttons).
    void toggleStatus();

private:
    void update();

    CatalogueRepository::TagDetail m_tag;
    Mode m_mode;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_nameEn = nullptr;
    QLineEdit *m_aliases = nullptr;
    QCheckBox *m_retired = nullptr;
    QLabel *m_impact = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
