#include "widgets/billing/statement_export.h"

#include "documents/statement.h"
#include "models/billing/session_pages.h"

#include <QLocale>
#include <QRegularExpression>
#include <QThread>
#include <memory>

namespace voltdesk::widgets {

StatementExport::StatementExport(models::billing::BillingClient& client, documents::OperatorInfo issuer,
                                 QString customerGroup, QDate month, QString pdfPath, QObject* parent)
    : QObject(parent), m_client(client), m_issuer(std::move(issuer)),
      m_group(std::move(customerGroup).trimmed()), m_month{month.year(), month.month()},
      m_pdfPath(std::move(pdfPath)) {}

StatementExport::~StatementExport() {
    if (m_thread) {
        m_thread->wait();
    }
}

QString StatementExport::monthText() const {
    return QStringLiteral("%1-%2").arg(m_month.year).arg(m_month.month, 2, 10, QLatin1Char('0'));
}

void StatementExport::start() {
    auto* pages = new models::billing::SessionPages(
        m_client, models::billing::statementFilter(m_group, QDate(m_month.year, m_month.month, 1)), this);
    emit progress(tr("Fetching the sessions of %1 around %2…").arg(m_group, monthText()));
    connect(pages, &models::billing::SessionPages::progress, this, [this](qint64 seen, qint64 matching) {
        emit progress(tr("Fetching the sessions of %1 around %2: %3 of %4…")
                          .arg(m_group, monthText(), QLocale().toString(seen), QLocale().toString(matching)));
    });
    connect(pages, &models::billing::SessionPages::finished, this,
            [this, pages](bool ok, const QString& error) {
                pages->deleteLater();
                if (!ok) {
                    emit finished(false, tr("Statement not written: %1").arg(error));
                    return;
                }
                render(pages->records());
            });
    pages->start();
}

void StatementExport::render(const std::vector<contract::ChargeDetailRecord>& fetched) {
    auto records = documents::statementRecords(fetched, m_group, m_month);
    if (records.empty()) {
        emit finished(false,
                      tr("No session of customer group '%1' stopped in %2 (site time); no statement was "
                         "written.")
                          .arg(m_group, monthText()));
        return;
    }
    const auto count = static_cast<int>(records.size());
    emit progress(tr("Rendering the statement of %n session(s)…", nullptr, count));
    // QPainter on a QPdfWriter may run off the GUI thread; a long month then never freezes the window.
    auto result = std::make_shared<documents::RenderResult>();
    m_thread = QThread::create(
        [result, issuer = m_issuer, group = m_group, month = m_month, rows = std::move(records),
         path = m_pdfPath] { *result = documents::renderStatement(issuer, group, month, rows, path); });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, this, [this, result, count] {
        if (!*result) {
            emit finished(false, tr("Statement not written: %1").arg(result->error));
            return;
        }
        emit finished(true, tr("Statement of %1 for %2 (%3 on %4) written to %5")
                                .arg(m_group, monthText(), tr("%n session(s)", nullptr, count),
                                     tr("%n page(s)", nullptr, result->pageCount), m_pdfPath));
    });
    m_thread->start();
}

QString statementFileName(const QString& customerGroup, QDate month) {
    static const QRegularExpression kUnsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString group = customerGroup.trimmed();
    group.replace(kUnsafe, QStringLiteral("_"));
    return QStringLiteral("statement-%1-%2.pdf").arg(group, month.toString(QStringLiteral("yyyy-MM")));
}

} // namespace voltdesk::widgets
