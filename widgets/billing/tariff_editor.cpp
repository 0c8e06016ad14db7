#include "widgets/billing/tariff_editor.h"

#include "models/billing/billing_client.h"
#include "models/billing/sessions_model.h"
#include "widgets/billing/tariff_assignments_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

const char* const kProblemProperty = "tariffProblem";
const QColor kProblemBackground(0xD5, 0x5E, 0x00, 90); // vermillion, see-through on both themes

QString cellText(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void setRow(QTableWidget* table, int row, const QStringList& values) {
    for (int c = 0; c < values.size(); ++c) {
        table->setItem(row, c, new QTableWidgetItem(values.at(c)));
    }
}

QTableWidget* makeTable(const QStringList& headers, QWidget* parent) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

/// "+" and "−" under a table: add a row after the current one, remove the current one.
QWidget* rowButtons(QTableWidget* table, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* add = new QPushButton(TariffEditor::tr("Add row"), box);
    auto* remove = new QPushButton(TariffEditor::tr("Remove row"), box);
    layout->addWidget(add);
    layout->addWidget(remove);
    layout->addStretch(1);
    QObject::connect(add, &QPushButton::clicked, table, [table] {
        const int row = table->currentRow() < 0 ? table->rowCount() : table->currentRow() + 1;
        table->insertRow(row);
        if (row > 0 && table->columnCount() == 4) {
            // A schedule row: same day type, starting where the row above ends.
            setRow(table, row,
                   {cellText(table, row - 1, 0), cellText(table, row - 1, 2), QString(), QString()});
        }
        table->setCurrentCell(row, 0);
    });
    QObject::connect(remove, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0) {
            table->removeRow(table->currentRow());
        }
    });
    return box;
}

/// The schedule table's rows of each day type, day types in order of first appearance.
QList<QPair<QString, QList<int>>> dayTypeRows(const QTableWidget* table) {
    QList<QPair<QString, QList<int>>> groups;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString name = cellText(table, row, 0);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == name; });
        if (it == groups.end()) {
            groups.push_back({name, {row}});
        } else {
            it->second.push_back(row);
        }
    }
    return groups;
}

/// "20.5" kWh as 20500 Wh with integer arithmetic; nullopt for anything else.
std::optional<qint64> kwhToWh(const QString& text) {
    static const QRegularExpression decimal(QStringLiteral("^([0-9]{1,9})(?:\\.([0-9]{1,3}))?$"));
    const auto match = decimal.match(text.trimmed());
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    QString fraction = match.captured(2);
    while (fraction.size() < 3) {
        fraction += QLatin1Char('0');
    }
    return match.captured(1).toLongLong() * 1000 + fraction.toLongLong();
}

} // namespace

TariffEditor::TariffEditor(models::billing::BillingClient& client, QWidget* parent)
    : QWidget(parent), m_client(client) {
    buildForm();
    setDraft(models::billing::TariffDraft::example());
    connect(&client, &models::billing::BillingClient::roleChanged, this, &TariffEditor::updateRole);
    updateRole();
}

void TariffEditor::buildForm() {
    auto* tabsLayout = new QVBoxLayout(this);
    tabsLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    tabsLayout->addWidget(m_tabs);
    auto* page = new QWidget(m_tabs);
    m_tabs->addTab(page, tr("Tariff"));
    m_assignmentsView = new TariffAssignmentsView(m_client, m_assignments, m_tabs);
    m_tabs->addTab(m_assignmentsView, tr("Assignments"));
    connect(m_assignmentsView, &TariffAssignmentsView::reloadRequested, this, &TariffEditor::reloadTariffs);

    auto* outer = new QVBoxLayout(page);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Stored tariffs:"), this));
    m_stored = new QComboBox(this);
    m_stored->setMinimumContentsLength(24);
    top->addWidget(m_stored, 1);
    auto* load = new QPushButton(tr("Edit as new version"), this);
    auto* reload = new QPushButton(tr("Reload"), this);
    auto* fresh = new QPushButton(tr("New from example"), this);
    top->addWidget(load);
    top->addWidget(reload);
    top->addWidget(fresh);
    outer->addLayout(top);
    connect(reload, &QPushButton::clicked, this, &TariffEditor::reloadTariffs);
    connect(fresh, &QPushButton::clicked, this,
            [this] { setDraft(models::billing::TariffDraft::example()); });
    connect(load, &QPushButton::clicked, this, [this] {
        const int index = m_stored->currentIndex();
        if (index < 0 || index >= m_storedTariffs.size()) {
            return;
        }
        auto draft = models::billing::TariffDraft::fromJson(m_storedTariffs.at(index));
        if (draft) {
            // A stored version never changes: edits become the next version, valid from where it ends.
            ++draft->version;
            draft->validFrom = draft->validUntil;
            draft->validUntil.clear();
            setDraft(*draft);
        }
    });

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    auto* form = new QWidget(scroll);
    auto* formLayout = new QVBoxLayout(form);

    auto* general = new QGroupBox(tr("Tariff"), form);
    auto* grid = new QGridLayout(general);
    const auto field = [&](const QString& label, QWidget* w, int row, int column, const char* name) {
        w->setObjectName(QLatin1String(name));
        grid->addWidget(new QLabel(label, general), row, column * 2);
        grid->addWidget(w, row, column * 2 + 1);
    };
    m_id = new QLineEdit(general);
    m_version = new QSpinBox(general);
    m_version->setRange(1, 1'000'000);
    m_currency = new QLineEdit(general);
    m_currency->setMaxLength(3);
    m_minorDigits = new QSpinBox(general);
    m_minorDigits->setRange(0, 4);
    m_validFrom = new QLineEdit(general);
    m_validFrom->setPlaceholderText(tr("open (e.g. 2026-12-01T00:00:00+08:00)"));
    m_validUntil = new QLineEdit(general);
    m_validUntil->setPlaceholderText(tr("open"));
    field(tr("Id"), m_id, 0, 0, "id");
    field(tr("Version"), m_version, 0, 1, "version");
    field(tr("Currency"), m_currency, 1, 0, "currency");
    field(tr("Decimals"), m_minorDigits, 1, 1, "minorDigits");
    field(tr("Valid from"), m_validFrom, 2, 0, "validFrom");
    field(tr("Valid until"), m_validUntil, 2, 1, "validUntil");
    formLayout->addWidget(general);

    auto* periodsBox = new QGroupBox(tr("Periods (prices per kWh, major unit)"), form);
    auto* periodsLayout = new QVBoxLayout(periodsBox);
    m_periods = makeTable({tr("Period"), tr("Energy price"), tr("Service fee")}, periodsBox);
    m_periods->setObjectName(QStringLiteral("periods"));
    m_periods->setMinimumHeight(170); // four periods without scrolling
    periodsLayout->addWidget(m_periods);
    periodsLayout->addWidget(rowButtons(m_periods, periodsBox));
    formLayout->addWidget(periodsBox);

    auto* scheduleBox = new QGroupBox(tr("Day types: time ranges [from, to) covering each day once"), form);
    auto* scheduleLayout = new QVBoxLayout(scheduleBox);
    m_schedule = makeTable({tr("Day type"), tr("From"), tr("To"), tr("Period")}, scheduleBox);
    m_schedule->setObjectName(QStringLiteral("dayTypes"));
    m_schedule->setMinimumHeight(260);
    scheduleLayout->addWidget(m_schedule);
    scheduleLayout->addWidget(rowButtons(m_schedule, scheduleBox));
    formLayout->addWidget(scheduleBox);

    auto* weekBox = new QGroupBox(tr("Week and holidays"), form);
    auto* weekLayout = new QGridLayout(weekBox);
    const QStringList days{tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    for (int i = 0; i < 7; ++i) {
        m_week.at(static_cast<std::size_t>(i)) = new QLineEdit(weekBox);
        m_week.at(static_cast<std::size_t>(i))
            ->setObjectName(QStringLiteral("week.") + models::billing::TariffDraft::weekdayKey(i));
        weekLayout->addWidget(new QLabel(days.at(i), weekBox), 0, i);
        weekLayout->addWidget(m_week.at(static_cast<std::size_t>(i)), 1, i);
    }
    m_holidays = makeTable({tr("Holiday (YYYY-MM-DD)"), tr("Day type")}, weekBox);
    m_holidays->setObjectName(QStringLiteral("holidays"));
    m_holidays->setMaximumHeight(130);
    weekLayout->addWidget(m_holidays, 2, 0, 1, 7);
    weekLayout->addWidget(rowButtons(m_holidays, weekBox), 3, 0, 1, 7);
    formLayout->addWidget(weekBox);

    auto* feesBox = new QGroupBox(tr("Fees, limits and tax (major unit)"), form);
    auto* fees = new QFormLayout(feesBox);
    const auto feeEdit = [&](const QString& label, const char* name) {
        auto* edit = new QLineEdit(feesBox);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(tr("none"));
        fees->addRow(label, edit);
        return edit;
    };
    m_timePrice = feeEdit(tr("Charging time per minute"), "timePricePerMinute");
    m_sessionFee = feeEdit(tr("Session fee"), "sessionFee");
    m_idle = new QCheckBox(tr("Idle fee after charging finished"), feesBox);
    fees->addRow(m_idle);
    m_idlePerMinute = feeEdit(tr("Idle fee per minute"), "idleFee.perMinute");
    m_idleGrace = new QSpinBox(feesBox);
    m_idleGrace->setObjectName(QStringLiteral("idleFee.graceMinutes"));
    m_idleGrace->setRange(0, 24 * 60);
    m_idleGrace->setSuffix(tr(" min"));
    fees->addRow(tr("Grace period"), m_idleGrace);
    m_idleCap = feeEdit(tr("Idle fee cap"), "idleFee.cap");
    for (QWidget* w : std::initializer_list<QWidget*>{m_idlePerMinute, m_idleGrace, m_idleCap}) {
        connect(m_idle, &QCheckBox::toggled, w, &QWidget::setEnabled);
    }
    m_minimum = feeEdit(tr("Minimum price"), "minimumPrice");
    m_maximum = feeEdit(tr("Maximum price"), "maximumPrice");
    m_tax = feeEdit(tr("Tax (%)"), "taxPercent");
    formLayout->addWidget(feesBox);
    formLayout->addStretch(1);
    scroll->setWidget(form);

    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    auto* sampleBox = new QGroupBox(tr("Sample session for the preview"), side);
    auto* sample = new QFormLayout(sampleBox);
    m_sampleStart = new QDateTimeEdit(QDateTime(QDate::currentDate(), QTime(18, 0)), sampleBox);
    m_sampleStart->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_sampleStart->setCalendarPopup(true);
    m_sampleMinutes = new QSpinBox(sampleBox);
    m_sampleMinutes->setRange(1, 31 * 24 * 60);
    m_sampleMinutes->setValue(120);
    m_sampleMinutes->setSuffix(tr(" min"));
    m_sampleKwh = new QLineEdit(QStringLiteral("40"), sampleBox);
    m_sampleZone = new QLineEdit(QStringLiteral("Asia/Shanghai"), sampleBox);
    sample->addRow(tr("Start (site time)"), m_sampleStart);
    sample->addRow(tr("Duration"), m_sampleMinutes);
    sample->addRow(tr("Energy (kWh)"), m_sampleKwh);
    sample->addRow(tr("Site time zone"), m_sampleZone);
    sideLayout->addWidget(sampleBox);

    auto* buttons = new QHBoxLayout;
    m_validate = new QPushButton(tr("Validate"), side);
    m_preview = new QPushButton(tr("Preview"), side);
    m_save = new QPushButton(tr("Save"), side);
    buttons->addWidget(m_validate);
    buttons->addWidget(m_preview);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    sideLayout->addLayout(buttons);
    connect(m_validate, &QPushButton::clicked, this, &TariffEditor::validate);
    connect(m_preview, &QPushButton::clicked, this, &TariffEditor::preview);
    connect(m_save, &QPushButton::clicked, this, &TariffEditor::save);

    m_status = new QLabel(side);
    m_status->setWordWrap(true);
    sideLayout->addWidget(m_status);
    sideLayout->addWidget(new QLabel(tr("Problems (click one to go to the field):"), side));
    m_problems = new QListWidget(side);
    m_problems->setWordWrap(true);
    m_problems->setMaximumHeight(110);
    sideLayout->addWidget(m_problems);
    connect(m_problems, &QListWidget::currentRowChanged, this, &TariffEditor::focusProblem);
    sideLayout->addWidget(new QLabel(tr("Preview: the sample session's bill"), side));
    m_previewLines = new QTableView(side);
    m_previewLines->setModel(&m_previewModel);
    m_previewLines->verticalHeader()->hide();
    m_previewLines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_previewLines->horizontalHeader()->setStretchLastSection(true);
    sideLayout->addWidget(m_previewLines, 1);
    m_previewTotal = new QLabel(side);
    m_previewTotal->setWordWrap(true);
    m_previewTotal->setMinimumHeight(m_previewTotal->fontMetrics().lineSpacing() * 2 + 4);
    sideLayout->addWidget(m_previewTotal);

    splitter->addWidget(scroll);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({880, 620}); // the preview's amounts need their room
    outer->addWidget(splitter, 1);
}

void TariffEditor::showAssignments() {
    m_tabs->setCurrentWidget(m_assignmentsView);
}

void TariffEditor::updateRole() {
    const auto why = m_client.refusal(QStringLiteral("PutTariff"));
    m_save->setEnabled(!why);
    m_save->setToolTip(why ? *why : tr("Store the tariff as a new version (it never changes once stored)"));
}

void TariffEditor::setDraft(const models::billing::TariffDraft& d) {
    m_id->setText(d.id);
    m_version->setValue(d.version);
    m_currency->setText(d.currency);
    m_minorDigits->setValue(d.minorDigits);
    m_validFrom->setText(d.validFrom);
    m_validUntil->setText(d.validUntil);
    m_periods->setRowCount(static_cast<int>(d.periods.size()));
    for (int i = 0; i < d.periods.size(); ++i) {
        const auto& p = d.periods.at(i);
        setRow(m_periods, i, {p.name, p.energyPrice, p.serviceFee});
    }
    m_schedule->setRowCount(0);
    for (const auto& dayType : d.dayTypes) {
        for (const auto& e : dayType.schedule) {
            const int row = m_schedule->rowCount();
            m_schedule->insertRow(row);
            setRow(m_schedule, row, {dayType.name, e.from, e.to, e.period});
        }
        if (dayType.schedule.isEmpty()) {
            const int row = m_schedule->rowCount();
            m_schedule->insertRow(row);
            setRow(m_schedule, row, {dayType.name, QString(), QString(), QString()});
        }
    }
    for (int i = 0; i < 7; ++i) {
        m_week.at(static_cast<std::size_t>(i))->setText(d.week.at(static_cast<std::size_t>(i)));
    }
    m_holidays->setRowCount(static_cast<int>(d.holidays.size()));
    for (int i = 0; i < d.holidays.size(); ++i) {
        setRow(m_holidays, i, {d.holidays.at(i).date, d.holidays.at(i).dayType});
    }
    m_timePrice->setText(d.timePricePerMinute);
    m_sessionFee->setText(d.sessionFee);
    m_idle->setChecked(d.hasIdleFee);
    m_idlePerMinute->setText(d.idlePerMinute);
    m_idleGrace->setValue(d.idleGraceMinutes);
    m_idleCap->setText(d.idleCap);
    for (QWidget* w : std::initializer_list<QWidget*>{m_idlePerMinute, m_idleGrace, m_idleCap}) {
        w->setEnabled(d.hasIdleFee);
    }
    m_minimum->setText(d.minimumPrice);
    m_maximum->setText(d.maximumPrice);
    m_tax->setText(d.taxPercent);
    showProblems({});
    m_previewModel.clear();
    m_previewTotal->clear();
}

models::billing::TariffDraft TariffEditor::draft() const {
    models::billing::TariffDraft d;
    d.id = m_id->text().trimmed();
    d.version = m_version->value();
    d.currency = m_currency->text().trimmed();
    d.minorDigits = m_minorDigits->value();
    d.validFrom = m_validFrom->text().trimmed();
    d.validUntil = m_validUntil->text().trimmed();
    for (int row = 0; row < m_periods->rowCount(); ++row) {
        d.periods.push_back(
            {cellText(m_periods, row, 0), cellText(m_periods, row, 1), cellText(m_periods, row, 2)});
    }
    for (const auto& [name, rows] : dayTypeRows(m_schedule)) {
        models::billing::DayTypeDraft dayType{name, {}};
        for (const int row : rows) {
            if (!cellText(m_schedule, row, 1).isEmpty() || !cellText(m_schedule, row, 2).isEmpty()) {
                dayType.schedule.push_back({cellText(m_schedule, row, 1), cellText(m_schedule, row, 2),
                                            cellText(m_schedule, row, 3)});
            }
        }
        d.dayTypes.push_back(dayType);
    }
    for (int i = 0; i < 7; ++i) {
        d.week.at(static_cast<std::size_t>(i)) = m_week.at(static_cast<std::size_t>(i))->text().trimmed();
    }
    for (int row = 0; row < m_holidays->rowCount(); ++row) {
        d.holidays.push_back({cellText(m_holidays, row, 0), cellText(m_holidays, row, 1)});
    }
    d.timePricePerMinute = m_timePrice->text().trimmed();
    d.sessionFee = m_sessionFee->text().trimmed();
    d.hasIdleFee = m_idle->isChecked();
    d.idlePerMinute = m_idlePerMinute->text().trimmed();
    d.idleGraceMinutes = m_idleGrace->value();
    d.idleCap = m_idleCap->text().trimmed();
    d.minimumPrice = m_minimum->text().trimmed();
    d.maximumPrice = m_maximum->text().trimmed();
    d.taxPercent = m_tax->text().trimmed();
    return d;
}

void TariffEditor::reloadTariffs() {
    models::CommandCall* call = m_client.send(QStringLiteral("GetTariffs"), QJsonObject{});
    if (!call) {
        setStatus(tr("No agent is online to ask for tariffs."), true);
        m_assignmentsView->setStatus(tr("No agent is online to ask for tariffs."), true);
        return;
    }
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        if (result.outcome != contract::CommandOutcome::Completed) {
            const QString text =
                tr("Tariffs not available: %1").arg(models::billing::commandFailureText(result));
            setStatus(text, true);
            m_assignmentsView->setStatus(text, true);
            return;
        }
        m_assignments.setTariffsResponse(result.response);
        m_storedTariffs.clear();
        m_stored->clear();
        for (const auto& value : result.response.value(QStringLiteral("tariffs")).toArray()) {
            const QJsonObject entry = value.toObject();
            const QJsonObject tariff = entry.value(QStringLiteral("tariff")).toObject();
            m_storedTariffs.push_back(tariff);
            m_stored->addItem(tr("%1 v%2 · by %3")
                                  .arg(tariff.value(QStringLiteral("id")).toString())
                                  .arg(tariff.value(QStringLiteral("version")).toInt())
                                  .arg(entry.value(QStringLiteral("createdBy")).toString()));
        }
    });
}

void TariffEditor::validate() {
    setStatus(tr("Checking…"));
    // A one-minute session inside the validity, so that only the tariff itself can be refused.
    const models::billing::TariffDraft d = draft();
    const QDateTime from = QDateTime::fromString(d.validFrom, Qt::ISODateWithMs);
    const QDateTime until = QDateTime::fromString(d.validUntil, Qt::ISODateWithMs);
    models::billing::SampleSession session;
    session.start =
        from.isValid() ? from : (until.isValid() ? until.addSecs(-3600) : QDateTime::currentDateTimeUtc());
    session.durationMinutes = 1;
    session.energyWh = 100;
    session.timeZone = m_sampleZone->text().trimmed();
    models::CommandCall* call =
        m_client.send(QStringLiteral("PreviewTariff"), models::billing::previewRequest(d, session));
    if (!call) {
        setStatus(tr("No agent is online to check the tariff."), true);
        return;
    }
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        if (result.outcome == contract::CommandOutcome::Completed) {
            showProblems({});
            setStatus(tr("The tariff is valid."));
            return;
        }
        showProblems(models::billing::tariffProblems(result.response, result.description));
        setStatus(tr("The tariff is not valid."), true);
    });
}

void TariffEditor::preview() {
    const auto wh = kwhToWh(m_sampleKwh->text());
    if (!wh) {
        setStatus(tr("The sample's energy must be kWh with at most three decimals, e.g. 40 or 12.5"), true);
        return;
    }
    models::billing::SampleSession session;
    // The start as typed is the site's wall-clock time.
    session.timeZone = m_sampleZone->text().trimmed();
    const QTimeZone zone(session.timeZone.toUtf8());
    session.start =
        QDateTime(m_sampleStart->date(), m_sampleStart->time(), zone.isValid() ? zone : QTimeZone::UTC);
    session.durationMinutes = m_sampleMinutes->value();
    session.energyWh = *wh;
    setStatus(tr("Rating the sample session…"));
    models::CommandCall* call =
        m_client.send(QStringLiteral("PreviewTariff"), models::billing::previewRequest(draft(), session));
    if (!call) {
        setStatus(tr("No agent is online to rate the sample."), true);
        return;
    }
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        if (result.outcome != contract::CommandOutcome::Completed) {
            showProblems(models::billing::tariffProblems(result.response, result.description));
            m_previewModel.clear();
            m_previewTotal->clear();
            setStatus(tr("The sample could not be rated."), true);
            return;
        }
        showProblems({});
        const auto rating =
            models::billing::recordFromJson(result.response.value(QStringLiteral("rating")).toObject());
        if (!rating) {
            setStatus(tr("The agent's rating could not be read."), true);
            return;
        }
        showPreview(*rating);
        setStatus(tr("Preview rated by the agent; nothing was stored."));
    });
}

void TariffEditor::setSampleSession(const models::billing::SampleSession& session) {
    const QTimeZone zone(session.timeZone.toUtf8());
    const QDateTime local = zone.isValid() ? session.start.toTimeZone(zone) : session.start;
    m_sampleStart->setDateTime(QDateTime(local.date(), local.time()));
    m_sampleMinutes->setValue(session.durationMinutes);
    m_sampleKwh->setText(QStringLiteral("%1.%2")
                             .arg(session.energyWh / 1000)
                             .arg(session.energyWh % 1000, 3, 10, QLatin1Char('0')));
    m_sampleZone->setText(session.timeZone);
}

void TariffEditor::showPreview(const contract::ChargeDetailRecord& rating) {
    m_previewModel.setRecord(rating);
    m_previewTotal->setText(tr("Energy %1 · subtotal %2 · tax %3 · total %4")
                                .arg(m_previewModel.energyText(), m_previewModel.subtotalText(),
                                     m_previewModel.taxText(), m_previewModel.totalText()));
}

void TariffEditor::save() {
    if (const auto why = m_client.refusal(QStringLiteral("PutTariff"))) {
        setStatus(*why, true);
        return;
    }
    const models::billing::TariffDraft d = draft();
    models::CommandCall* call =
        m_client.send(QStringLiteral("PutTariff"), {{QStringLiteral("tariff"), d.toJson()}});
    if (!call) {
        setStatus(tr("No agent is online to store the tariff."), true);
        return;
    }
    setStatus(tr("Saving…"));
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        if (result.outcome != contract::CommandOutcome::Completed) {
            showProblems(models::billing::tariffProblems(result.response, result.description));
            setStatus(tr("Not saved."), true);
            return;
        }
        showProblems({});
        const QString id = result.response.value(QStringLiteral("tariffId")).toString();
        const int version = result.response.value(QStringLiteral("version")).toInt();
        setStatus(tr("Saved %1 version %2.").arg(id).arg(version));
        emit saved(id, version);
        reloadTariffs();
    });
}

void TariffEditor::setStatus(const QString& text, bool problem) {
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #D55E00; font-weight: bold;") : QString());
}

void TariffEditor::showProblems(const QList<models::billing::TariffProblem>& problems) {
    clearHighlights();
    m_shownProblems = problems;
    m_problems->clear();
    for (const auto& p : problems) {
        auto* item = new QListWidgetItem(QStringLiteral("⚠ ") + p.message);
        item->setToolTip(p.path.isEmpty() ? p.message : tr("Field: %1").arg(p.path));
        m_problems->addItem(item);
        highlight(p.path);
    }
}

void TariffEditor::clearHighlights() {
    for (QWidget* w : std::as_const(m_highlighted)) {
        w->setProperty(kProblemProperty, false);
        w->setStyleSheet(QString());
    }
    m_highlighted.clear();
    m_highlightedRows.clear();
    for (QTableWidget* table : {m_periods, m_schedule, m_holidays}) {
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int c = 0; c < table->columnCount(); ++c) {
                if (QTableWidgetItem* item = table->item(row, c)) {
                    item->setData(Qt::BackgroundRole, QVariant());
                }
            }
        }
    }
}

void TariffEditor::highlightRow(QTableWidget* table, int row, const QString& name) {
    if (row < 0 || row >= table->rowCount()) {
        return;
    }
    for (int c = 0; c < table->columnCount(); ++c) {
        if (!table->item(row, c)) {
            table->setItem(row, c, new QTableWidgetItem);
        }
        table->item(row, c)->setBackground(kProblemBackground);
    }
    m_highlightedRows.push_back(QStringLiteral("%1:%2").arg(name).arg(row));
}

void TariffEditor::highlight(const QString& path) {
    static const QRegularExpression indexed(
        QStringLiteral("^(periods|dayTypes|holidays)\\[(\\d+)\\](?:\\.schedule\\[(\\d+)\\])?"));
    QWidget* target = nullptr;
    const auto match = indexed.match(path);
    if (match.hasMatch()) {
        const QString list = match.captured(1);
        const int index = match.captured(2).toInt();
        if (list == QLatin1String("periods")) {
            highlightRow(m_periods, index, QStringLiteral("periods"));
            target = m_periods;
        } else if (list == QLatin1String("holidays")) {
            highlightRow(m_holidays, index, QStringLiteral("holidays"));
            target = m_holidays;
        } else {
            const auto groups = dayTypeRows(m_schedule);
            if (index < groups.size()) {
                const QList<int>& rows = groups.at(index).second;
                if (!match.captured(3).isEmpty() && match.captured(3).toInt() < rows.size()) {
                    highlightRow(m_schedule, rows.at(match.captured(3).toInt()), QStringLiteral("schedule"));
                } else {
                    for (const int row : rows) {
                        highlightRow(m_schedule, row, QStringLiteral("schedule"));
                    }
                }
            }
            target = m_schedule;
        }
    } else if (!path.isEmpty()) {
        // Plain fields carry their JSON path as object name ("taxPercent", "week.monday", "idleFee.cap").
        target = findChild<QWidget*>(path);
        if (!target && (path == QLatin1String("periods") || path == QLatin1String("dayTypes") ||
                        path == QLatin1String("holidays"))) {
            target = findChild<QWidget*>(path);
        }
    }
    if (target && !m_highlighted.contains(target)) {
        target->setProperty(kProblemProperty, true);
        if (qobject_cast<QTableWidget*>(target) == nullptr) {
            target->setStyleSheet(QStringLiteral("border: 2px solid #D55E00;"));
        }
        m_highlighted.push_back(target);
    }
}

void TariffEditor::focusProblem(int index) {
    if (index < 0 || index >= m_shownProblems.size()) {
        return;
    }
    const QString path = m_shownProblems.at(index).path;
    QWidget* target = path.startsWith(QLatin1String("periods"))    ? m_periods
                      : path.startsWith(QLatin1String("dayTypes")) ? m_schedule
                      : path.startsWith(QLatin1String("holidays")) ? m_holidays
                                                                   : findChild<QWidget*>(path);
    if (target) {
        target->setFocus(Qt::OtherFocusReason);
        for (const QString& row : std::as_const(m_highlightedRows)) {
            if (auto* table = qobject_cast<QTableWidget*>(target);
                table && row.startsWith(table == m_schedule ? QStringLiteral("schedule:")
                                                            : table->objectName() + QLatin1Char(':'))) {
                table->scrollToItem(table->item(row.section(QLatin1Char(':'), 1).toInt(), 0));
                break;
            }
        }
    }
}

} // namespace voltdesk::widgets
