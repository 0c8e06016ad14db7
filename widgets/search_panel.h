// Find a charger by id: type (with completion), press Enter, the map jumps to it. One line high.
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;

namespace voltdesk::widgets {

/// A search box with completion over the chargers' ids.
class SearchPanel : public QWidget {
    Q_OBJECT

public:
    /// chargers: a ChargerModel (completion reads its ChargerIdRole).
    explicit SearchPanel(QAbstractItemModel& chargers, QWidget* parent = nullptr);

    /// Tells the operator that the last search found nothing (or clears the message).
    void showResult(bool found, const QString& chargerId);
    /// Puts the cursor in the search field, its text selected.
    void focusSearch();

signals:
    /// The operator asked for this charger id (trimmed, as typed or completed).
    void chargerRequested(const QString& chargerId);

private:
    void submit();

    QLineEdit* m_edit = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace voltdesk::widgets
