#pragma once

#include "cataloguerepository.h"

#include <QDialog>

class QCompleter;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStandardItemModel;

/// Merges a tag into another: pick the tag that stays (completion over the tags that fit
/// everything carrying this one), see what the merge does to how many videos or games, confirm.
class TagMergeDialog : public QDialog
{
    Q_OBJECT

public:
    TagMergeDialog(const CatalogueRepository::TagDetail &tag,
                   const QList<CatalogueRepository::TagRef> &allTags, bool proposal,
                   QWidget *parent = nullptr);

    /// The tag picked to stay (0: none yet).
    qint64 target() const { return m_target; }
    /// Picks the target by its exact name or completion text; false if none fits.
    bool pick(const QString &text);

private:
    void update();

    CatalogueRepository::TagDetail m_tag;
    QList<CatalogueRepository::TagRef> m_candidates;
    qint64 m_target = 0;
    QLineEdit *m_into = nullptr;
    QStandardItemModel *m_choices = nullptr;
    QLabel *m_impact = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
