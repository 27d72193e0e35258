#include "benchreport.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <sqlite3.h>

namespace Bench {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void figure(const QString &what, const QString &value)
{
    out() << what.leftJustified(62) << ' ' << value << '\n';
    out().flush();
}

void heading(const QString &text)
{
    out() << '\n' << text << '\n';
    out().flush();
}

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QString procValue(const QString &file, const QByteArray &key)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

void printMachine(const QString &title)
{
    out() << title << '\n';
    figure(QStringLiteral("date"), QDateTime::currentDateTime().toString(Qt::ISODate));
    figure(QStringLiteral("machine"),
           QStringLiteral("%1 logical cores, %2, %3 RAM")
               .arg(QThread::idealThreadCount())
               .arg(procValue(QStringLiteral("/proc/cpuinfo"), "model name"),
                    procValue(QStringLiteral("/proc/meminfo"), "MemTotal")));
    figure(QStringLiteral("system"),
           QStringLiteral("%1, kernel %2")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion()));
    figure(QStringLiteral("load average at the start (1, 5, 15 min)"), loadAverage());
    figure(QStringLiteral("Qt / SQLite"),
           QStringLiteral("%1 / %2").arg(QString::fromLatin1(qVersion()),
                                         QString::fromLatin1(sqlite3_libversion())));
}

bool failed(const QString &what, const QString &error)
{
    out() << "FAILED: " << what << ": " << error << '\n';
    out().flush();
    return false;
}

} // namespace Bench
