#include "widgets/connection_indicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace voltdesk::widgets {

ConnectionIndicator::ConnectionIndicator(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot = new QLabel(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("connectionText"));
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    setState(ConnectionState::Disconnected, QString());
}

void ConnectionIndicator::setState(ConnectionState state, const QString& detail) {
    m_state = state;
    const qreal ratio = devicePixelRatioF();
    QPixmap dot(QSize(14, 14) * ratio);
    dot.setDevicePixelRatio(ratio);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x20, 0x20, 0x20), 1));
    painter.setBrush(ConnectionStateText::color(state));
    painter.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    painter.end();
    m_dot->setPixmap(dot);
    const QString label = ConnectionStateText::label(state);
    m_label->setText(
        detail.isEmpty()
            ? QStringLiteral("<b>%1</b>").arg(label.toHtmlEscaped())
            : QStringLiteral("<b>%1</b> — %2").arg(label.toHtmlEscaped(), detail.toHtmlEscaped()));
    setToolTip(ConnectionStateText::explanation(state));
}

QString ConnectionIndicator::text() const {
    return ConnectionStateText::label(m_state);
}

} // namespace voltdesk::widgets
