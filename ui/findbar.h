#pragma once

#include <QWidget>

class QLineEdit;
class QLabel;
class QsciScintilla;

namespace Retort::Ui {

// Incremental find under an editor: Enter finds the next match, Shift+Enter the previous one,
// Esc closes the bar and gives focus back to the editor. Searches wrap around.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QsciScintilla *editor, QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    void open();  // shows the bar with the editor's selection as the text
    void close(); // hides it and focuses the editor
    bool findNext();
    bool findPrevious();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool find(bool forward, bool fromSelectionStart);
    void setNotFound(bool notFound);

    QsciScintilla *m_editor = nullptr;
    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Retort::Ui
