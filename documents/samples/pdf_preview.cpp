// pdf-preview IN.pdf OUT.png [PAGE] [WIDTH]: one page of a PDF as a PNG (page 1, 1000 px wide by
// default), rendered by Qt PDF, so a document can be looked at, and shown in docs/, as an image.
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <cstdio>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: pdf-preview IN.pdf OUT.png [PAGE] [WIDTH]\n");
        return 2;
    }
    const int page = args.size() > 3 ? args[3].toInt() : 1;
    const int width = args.size() > 4 ? args[4].toInt() : 1000;
    QPdfDocument document;
    if (document.load(args[1]) != QPdfDocument::Error::None) {
        std::fprintf(stderr, "%s: cannot be read as PDF\n", qPrintable(args[1]));
        return 1;
    }
    if (page < 1 || page > document.pageCount()) {
        std::fprintf(stderr, "%s has %d pages, not page %d\n", qPrintable(args[1]), document.pageCount(),
                     page);
        return 1;
    }
    const QSizeF points = document.pagePointSize(page - 1);
    const QSize size(width, qRound(width * points.height() / points.width()));
    // Pages come with a transparent background; paper is white.
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.drawImage(0, 0, document.render(page - 1, size));
    painter.end();
    // Sixteen greys: text stays crisp and the PNG stays small enough to keep in the repository.
    QList<QRgb> greys;
    for (int i = 0; i < 16; ++i) {
        greys.push_back(qRgb(i * 17, i * 17, i * 17));
    }
    if (!image.convertToFormat(QImage::Format_Indexed8, greys, Qt::ThresholdDither).save(args[2])) {
        std::fprintf(stderr, "%s: cannot be written\n", qPrintable(args[2]));
        return 1;
    }
    return 0;
}
