#pragma once

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace Retort::Ui {

// Revision > New Revision: the message and the parent (issue #16, point 2). The parent defaults
// to the selected node, else the only head; with several heads and nothing selected the user
// picks one before OK is enabled.
class NewRevisionDialog : public QDialog
{
    Q_OBJECT
public:
    struct Parent
    {
        QString id;
        QString message;
        bool isHead = false;
    };
    // `parents`: the choices (the heads, and the selected node when it is not one);
    // `preselected`: the default, empty to make the user choose.
    NewRevisionDialog(const QList<Parent> &parents, const QString &preselected,
                      QWidget *parent = nullptr);

    QString message() const;
    QString parentId() const;
    // A parent that is not a head starts a new branch (the engine's splice).
    bool startsBranch() const;
    QComboBox *parentCombo() const { return m_parent; }
    QLineEdit *messageEdit() const { return m_message; }

private:
    void updateOk();

    QList<Parent> m_parents;
    QLineEdit *m_message = nullptr;
    QComboBox *m_parent = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Retort::Ui
