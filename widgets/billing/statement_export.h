// A customer group's monthly statement from the console: the group's sessions of the month through
// GetSessions (every page), rendered by documents::renderStatement on a worker thread and written
// whole or not at all.
#pragma once

#include "contract/charge_detail_record.h"
#include "documents/cdr_lines.h"
#include "documents/operator_info.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QString>
#include <vector>

class QThread;

namespace voltdesk::models::billing {
class BillingClient;
}

namespace voltdesk::widgets {

/// One statement: start() fetches and renders; progress() and finished() report in words. Lives on the
/// Qt thread; only the rendering runs on a thread of its own, with copies of everything it reads.
class StatementExport : public QObject {
    Q_OBJECT

public:
    StatementExport(models::billing::BillingClient& client, documents::OperatorInfo issuer,
                    QString customerGroup, QDate month, QString pdfPath, QObject* parent = nullptr);
    /// Waits for a rendering in progress (its file is then complete or absent).
    ~StatementExport() override;
    StatementExport(const StatementExport&) = delete;
    StatementExport& operator=(const StatementExport&) = delete;

    /// Fetches the group's finished sessions around the month, then render()s them.
    void start();
    /// Keeps the records that belong on the statement (documents::statementRecords: the version in force
    /// of the group's sessions that stopped in the month in their site's local time) and renders them off
    /// the Qt thread. Nothing is written when none belongs.
    void render(const std::vector<contract::ChargeDetailRecord>& fetched);

    QString pdfPath() const { return m_pdfPath; }

signals:
    void progress(const QString& text);
    /// ok false: nothing was written, `message` says why; ok true: what was written where.
    void finished(bool ok, const QString& message);

private:
    QString monthText() const;

    models::billing::BillingClient& m_client;
    documents::OperatorInfo m_issuer;
    QString m_group;
    documents::YearMonth m_month;
    QString m_pdfPath;
    QPointer<QThread> m_thread;
};

/// "statement-FLEET-A-2026-11.pdf": characters a file name may not hold become '_'.
QString statementFileName(const QString& customerGroup, QDate month);

} // namespace voltdesk::widgets
