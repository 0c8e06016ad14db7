#include "widgets/commands/command_progress_dialog.h"

#include "models/command_catalog.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTextDocument>
#include <QVBoxLayout>
#include <algorithm>

namespace voltdesk::widgets {

namespace {

/// The answer's members as "name: value" lines; GetConfiguration's keys one per line.
QString describe(const QJsonObject& response) {
    QStringList lines;
    const QJsonArray keys = response.value(QStringLiteral("configurationKey")).toArray();
    for (const auto& k : keys) {
        const QJsonObject key = k.toObject();
        lines << QStringLiteral("%1 = %2%3")
                     .arg(key.value(QStringLiteral("key")).toString(),
                          key.value(QStringLiteral("value")).toString(),
                          key.value(QStringLiteral("readonly")).toBool() ? QStringLiteral("  (read-only)")
                                                                         : QString());
    }
    for (auto it = response.begin(); it != response.end(); ++it) {
        if (it.key() == QStringLiteral("configurationKey")) {
            continue;
        }
        const QJsonValue v = it.value();
        lines << it.key() + QStringLiteral(": ") +
                     (v.isString()   ? v.toString()
                      : v.isDouble() ? QString::number(v.toDouble())
                      : v.isBool()
                          ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                          : QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray())
                                                                        : QJsonDocument(v.toObject()))
                                                  .toJson(QJsonDocument::Compact)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

CommandProgressDialog::CommandProgressDialog(const QString& commandName, const QString& chargerId,
                                             QWidget* parent)
    : QDialog(parent), m_chargerId(chargerId) {
    setObjectName(QStringLiteral("commandProgressDialog"));
    setWindowTitle(tr("%1 — %2").arg(commandName, chargerId));
    auto* layout = new QVBoxLayout(this);
    m_state = new QLabel(tr("<b>%1</b> sent to <b>%2</b>; waiting for its answer…")
                             .arg(commandName.toHtmlEscaped(), chargerId.toHtmlEscaped()),
                         this);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    layout->addWidget(m_busy);
    m_answer = new QLabel(this);
    m_answer->setObjectName(QStringLiteral("answer"));
    QFont big = m_answer->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_answer->setFont(big);
    m_answer->setWordWrap(true);
    m_answer->hide();
    layout->addWidget(m_answer);
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->hide();
    layout->addWidget(m_details);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void CommandProgressDialog::showResult(const models::CommandResult& result) {
    m_done = true;
    m_busy->hide();
    const bool ok = models::CommandCatalog::succeeded(result);
    m_state->setText(ok ? tr("%1 answered:").arg(m_chargerId)
                        : tr("The command to %1 did not succeed:").arg(m_chargerId));
    // A mark as well as the colour, so the outcome reads without colour vision.
    m_answer->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✖ ")) +
                      models::CommandCatalog::answerText(result));
    m_answer->setStyleSheet(ok ? QStringLiteral("color: #009E73;") : QStringLiteral("color: #D55E00;"));
    m_answer->show();
    const QString details = describe(result.response);
    m_details->setPlainText(details);
    m_details->setVisible(!details.isEmpty());
    // As tall as the answer, up to a dozen lines (GetConfiguration scrolls beyond that).
    const int lines = std::min(12, static_cast<int>(details.count(QLatin1Char('\n'))) + 1);
    m_details->setFixedHeight(
        m_details->fontMetrics().lineSpacing() * lines +
        2 * (m_details->frameWidth() + static_cast<int>(m_details->document()->documentMargin())));
    adjustSize();
}

QString CommandProgressDialog::answerText() const {
    return m_answer->text();
}

QString CommandProgressDialog::detailsText() const {
    return m_details->toPlainText();
}

} // namespace voltdesk::widgets
