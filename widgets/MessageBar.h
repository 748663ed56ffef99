// A non-modal bar that shows an error or a notice above the content, with a close button:
// problems are reported without interrupting the person with a dialog.
#pragma once

#include <QFrame>

class QLabel;

namespace complab {

class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind = Kind::Error);
    QString text() const;

private:
    QLabel* m_icon;
    QLabel* m_text;
};

} // namespace complab
