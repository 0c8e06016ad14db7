// voltdesk-documents receipt|statement|settlement ...: PDF receipts, monthly statements and the
// settlement CSV from the agent's CDRs.
#include "documents/page_style.h"
#include "documents_command.h"

#include <QCommandLineParser>
#include <QFontDatabase>
#include <QGuiApplication>
#include <cstdio>

using namespace voltdesk::documents;

namespace {

int usage(QCommandLineParser& parser, QTextStream& err, const QString& problem) {
    if (!problem.isEmpty()) {
        err << problem << "\n\n";
    }
    err << parser.helpText();
    return kExitFailed;
}

} // namespace

int main(int argc, char* argv[]) {
    // A batch program: no display needed for fonts and PDF painting.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("voltdesk-documents"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Receipts (one PDF per CDR), a customer group's monthly statement and the settlement CSV from "
        "CDRs as JSON Lines.\n"
        "  voltdesk-documents receipt --operator operator.json --cdrs cdrs.jsonl --out DIR [--all-versions]\n"
        "  voltdesk-documents statement --operator operator.json --cdrs cdrs.jsonl --customer-group G "
        "--month 2026-11 --out FILE.pdf\n"
        "  voltdesk-documents settlement --cdrs cdrs.jsonl --out FILE.csv\n"
        "Exit code 1: some CDR lines were bad (reported with their line numbers; the rest were rendered)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("receipt, statement or settlement"));
    const QCommandLineOption operatorOption(
        QStringLiteral("operator"), QStringLiteral("The operator's names and tax id (docs/BILLING.md)."),
        QStringLiteral("operator.json"));
    const QCommandLineOption cdrsOption(
        QStringLiteral("cdrs"),
        QStringLiteral("CDRs, one JSON a line (voltdesk-agent billing cdrs); - for stdin."),
        QStringLiteral("cdrs.jsonl"));
    const QCommandLineOption outOption(
        QStringLiteral("out"),
        QStringLiteral("receipt: the directory; statement: the PDF file; settlement: the CSV file."),
        QStringLiteral("path"));
    const QCommandLineOption allVersionsOption(
        QStringLiteral("all-versions"),
        QStringLiteral("receipt: every version of a CDR, not only the one in force."));
    const QCommandLineOption groupOption(
        QStringLiteral("customer-group"),
        QStringLiteral("statement: the customer group (the id tags' parent)."), QStringLiteral("group"));
    const QCommandLineOption monthOption(
        QStringLiteral("month"), QStringLiteral("statement: the month, e.g. 2026-11 (site local time)."),
        QStringLiteral("YYYY-MM"));
    parser.addOptions({operatorOption, cdrsOption, outOption, allVersionsOption, groupOption, monthOption});
    if (!parser.parse(QCoreApplication::arguments())) {
        return usage(parser, err, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return usage(parser, err, QStringLiteral("give one command: receipt, statement or settlement"));
    }
    const QString& command = positional.constFirst();
    for (const auto* option : {&cdrsOption, &outOption}) {
        if (!parser.isSet(*option)) {
            return usage(parser, err, QStringLiteral("--%1 is required").arg(option->names().constFirst()));
        }
    }
    if (command == QStringLiteral("settlement")) {
        return runSettlement({parser.value(cdrsOption), parser.value(outOption)}, out, err);
    }
    if (!parser.isSet(operatorOption)) {
        return usage(parser, err, QStringLiteral("--operator is required"));
    }
    if (!QFontDatabase::hasFamily(QString::fromLatin1(kFontFamily))) {
        // Qt would fall back to some other font, and without one that has Chinese the labels print
        // as empty boxes: say so rather than leave it to the reader of the PDF.
        err << "warning: font '" << kFontFamily
            << "' is not installed (Debian: fonts-noto-cjk); Chinese text may "
            << "not render\n";
    }
    if (command == QStringLiteral("receipt")) {
        return runReceipts({parser.value(operatorOption), parser.value(cdrsOption), parser.value(outOption),
                            parser.isSet(allVersionsOption)},
                           out, err);
    }
    if (command == QStringLiteral("statement")) {
        if (!parser.isSet(groupOption) || !parser.isSet(monthOption)) {
            return usage(parser, err, QStringLiteral("statement needs --customer-group and --month"));
        }
        return runStatement({parser.value(operatorOption), parser.value(cdrsOption),
                             parser.value(groupOption), parser.value(monthOption), parser.value(outOption)},
                            out, err);
    }
    return usage(parser, err, QStringLiteral("unknown command '%1'").arg(command));
}
