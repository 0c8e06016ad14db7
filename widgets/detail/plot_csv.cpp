#include "widgets/detail/plot_csv.h"

#include <QDateTime>
#include <QSaveFile>
#include <QTextStream>
#include <QTimeZone>
#include <cmath>
#include <limits>
#include <qcustomplot.h>
#include <vector>

namespace voltdesk::widgets {

namespace {

QString quoted(QString field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r'))) {
        return field;
    }
    field.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + field + QLatin1Char('"');
}

QString isoTime(double keySeconds) {
    return QDateTime::fromMSecsSinceEpoch(std::llround(keySeconds * 1000), QTimeZone::UTC)
        .toString(Qt::ISODateWithMs);
}

} // namespace

bool writePlotCsv(const QCustomPlot& plot, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        return false;
    }
    QTextStream out(&file);
    const int n = plot.graphCount();
    std::vector<QSharedPointer<QCPGraphDataContainer>> data;
    std::vector<QCPGraphDataContainer::const_iterator> at;
    out << "time";
    for (int g = 0; g < n; ++g) {
        out << ',' << quoted(plot.graph(g)->name());
        data.push_back(plot.graph(g)->data());
        at.push_back(data.back()->constBegin());
    }
    out << '\n';
    // Merge the graphs' sorted keys: each row is the smallest key any graph has not written yet.
    for (;;) {
        double key = std::numeric_limits<double>::infinity();
        for (int g = 0; g < n; ++g) {
            if (at[g] != data[g]->constEnd()) {
                key = std::min(key, at[g]->key);
            }
        }
        if (std::isinf(key)) {
            break;
        }
        out << isoTime(key);
        for (int g = 0; g < n; ++g) {
            out << ',';
            if (at[g] != data[g]->constEnd() && at[g]->key == key) {
                out << QString::number(at[g]->value, 'g', 10);
                ++at[g];
            }
        }
        out << '\n';
    }
    out.flush();
    return out.status() == QTextStream::Ok && file.commit();
}

} // namespace voltdesk::widgets
