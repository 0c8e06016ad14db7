#include "widgets/commands/command_dialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

using Kind = models::CommandParameter::Kind;

QString targetNames(const QList<contract::ChargerState>& targets) {
    QStringList names;
    for (const auto& t : targets.mid(0, 3)) {
        names << QString::fromStdString(t.chargerId);
    }
    if (targets.size() > 3) {
        return QCoreApplication::translate("CommandDialog", "%1 and %n more", nullptr,
                                           static_cast<int>(targets.size() - 3))
            .arg(names.join(QStringLiteral(", ")));
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

CommandDialog::CommandDialog(models::CommandSpec spec, QList<contract::ChargerState> targets, QWidget* parent)
    : QDialog(parent), m_spec(std::move(spec)), m_targets(std::move(targets)) {
    setObjectName(QStringLiteral("commandDialog"));
    setWindowTitle(
        m_targets.size() == 1
            ? tr("%1 — %2").arg(m_spec.name, QString::fromStdString(m_targets.first().chargerId))
            : tr("%1 — %n chargers", nullptr, static_cast<int>(m_targets.size())).arg(m_spec.name));
    auto* layout = new QVBoxLayout(this);

    auto* title =
        new QLabel(m_targets.size() == 1
                       ? tr("<b>%1</b> on charger <b>%2</b>")
                             .arg(m_spec.name.toHtmlEscaped(), targetNames(m_targets).toHtmlEscaped())
                       : tr("<b>%1</b> on %n chargers: %2", nullptr, static_cast<int>(m_targets.size()))
                             .arg(m_spec.name.toHtmlEscaped(), targetNames(m_targets).toHtmlEscaped()),
                   this);
    title->setWordWrap(true);
    layout->addWidget(title);

    if (!m_spec.parameters.isEmpty()) {
        auto* form = new QFormLayout();
        for (const auto& p : m_spec.parameters) {
            QWidget* editor = editorFor(p);
            editor->setObjectName(p.key);
            m_editors.insert(p.key, editor);
            form->addRow(p.label + (p.required ? QString() : tr(" (optional)")), editor);
        }
        layout->addLayout(form);
    }

    m_consequence = new QLabel(this);
    m_consequence->setObjectName(QStringLiteral("consequence"));
    m_consequence->setWordWrap(true);
    m_consequence->setMinimumWidth(420);
    if (m_spec.destructive) {
        // The warning colour of the palette (dark or light theme), with a sign as the second cue.
        m_consequence->setStyleSheet(QStringLiteral("QLabel { border: 2px solid #E69F00; padding: 8px; }"));
    } else {
        m_consequence->setStyleSheet(QStringLiteral("QLabel { padding: 8px; }"));
    }
    layout->addWidget(m_consequence);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(
            m_targets.size() == 1
                ? m_spec.name
                : tr("%1 on %n chargers", nullptr, static_cast<int>(m_targets.size())).arg(m_spec.name));
    // Enter must not fire a destructive command by accident: Cancel is the default there.
    m_buttons->button(m_spec.destructive ? QDialogButtonBox::Cancel : QDialogButtonBox::Ok)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept()) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    refresh();
}

QWidget* CommandDialog::editorFor(const models::CommandParameter& p) {
    switch (p.kind) {
    case Kind::Connector:
    case Kind::Integer: {
        auto* spin = new QSpinBox(this);
        spin->setRange(static_cast<int>(p.minimum) - (p.required ? 0 : 1), static_cast<int>(p.maximum));
        if (!p.required) {
            spin->setSpecialValueText(tr("—")); // the value below the minimum means "leave out"
        }
        spin->setValue(p.defaultValue.isValid() ? p.defaultValue.toInt() : spin->minimum());
        connect(spin, &QSpinBox::valueChanged, this, &CommandDialog::refresh);
        return spin;
    }
    case Kind::Decimal: {
        auto* spin = new QDoubleSpinBox(this);
        spin->setRange(p.minimum, p.maximum);
        spin->setDecimals(1);
        spin->setValue(p.defaultValue.toDouble());
        connect(spin, &QDoubleSpinBox::valueChanged, this, &CommandDialog::refresh);
        return spin;
    }
    case Kind::Choice: {
        auto* combo = new QComboBox(this);
        for (int i = 0; i < p.choices.size(); ++i) {
            combo->addItem(p.choiceLabels.value(i, p.choices[i]), p.choices[i]);
        }
        combo->setCurrentIndex(std::max(0, static_cast<int>(p.choices.indexOf(p.defaultValue.toString()))));
        connect(combo, &QComboBox::currentIndexChanged, this, &CommandDialog::refresh);
        return combo;
    }
    case Kind::DateTime: {
        auto* edit = new QDateTimeEdit(QDateTime::currentDateTime(), this);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &CommandDialog::refresh);
        return edit;
    }
    case Kind::Text:
    case Kind::Url: {
        auto* line = new QLineEdit(this);
        line->setText(p.defaultValue.toString());
        if (p.kind == Kind::Url) {
            line->setPlaceholderText(QStringLiteral("https://…"));
        }
        if (p.maximum > 0) {
            line->setMaxLength(static_cast<int>(p.maximum));
        }
        connect(line, &QLineEdit::textChanged, this, &CommandDialog::refresh);
        return line;
    }
    }
    return new QWidget(this);
}

QVariantMap CommandDialog::values() const {
    QVariantMap out;
    for (const auto& p : m_spec.parameters) {
        QWidget* w = m_editors.value(p.key);
        if (auto* spin = qobject_cast<QSpinBox*>(w)) {
            if (p.required || spin->value() >= p.minimum) {
                out.insert(p.key, spin->value());
            }
        } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
            out.insert(p.key, dspin->value());
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            out.insert(p.key, combo->currentData());
        } else if (auto* dt = qobject_cast<QDateTimeEdit*>(w)) {
            out.insert(p.key, dt->dateTime());
        } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
            out.insert(p.key, line->text());
        }
    }
    return out;
}

QJsonObject CommandDialog::payload() const {
    return models::CommandCatalog::payload(m_spec, values());
}

void CommandDialog::setValue(const QString& key, const QVariant& value) {
    QWidget* w = m_editors.value(key);
    if (auto* spin = qobject_cast<QSpinBox*>(w)) {
        spin->setValue(value.toInt());
    } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
        dspin->setValue(value.toDouble());
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        combo->setCurrentIndex(combo->findData(value.toString()));
    } else if (auto* dt = qobject_cast<QDateTimeEdit*>(w)) {
        dt->setDateTime(value.toDateTime());
    } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
        line->setText(value.toString());
    }
}

QString CommandDialog::consequenceText() const {
    return m_consequence->text();
}

bool CommandDialog::canAccept() const {
    return models::CommandCatalog::problems(m_spec, values()).isEmpty();
}

void CommandDialog::refresh() {
    const QJsonObject p = payload();
    QString text = models::CommandCatalog::consequence(m_spec, p, m_targets.first());
    if (m_targets.size() > 1) {
        int busy = 0;
        for (const auto& t : std::as_const(m_targets)) {
            busy += models::CommandCatalog::busyConnectors(t).isEmpty() ? 0 : 1;
        }
        text =
            tr("On each of the %n chargers, as on the first:", nullptr, static_cast<int>(m_targets.size())) +
            QLatin1Char(' ') + text;
        if (busy > 0) {
            text += QLatin1Char(' ') + tr("Sessions are running on %1 of them.").arg(busy);
        }
        text += QLatin1Char(' ') + tr("A few chargers go first; the rest follow only if they succeed.");
    }
    m_consequence->setText((m_spec.destructive ? QStringLiteral("⚠ ") : QString()) + text);
    const QStringList problems = models::CommandCatalog::problems(m_spec, values());
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace voltdesk::widgets
