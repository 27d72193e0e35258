#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

/// What every benchmark prints: figures in aligned columns, headings, the machine.
namespace Bench {

QTextStream &out();
void figure(const QString &what, const QString &value);
void heading(const QString &text);
/// 1,234,567
QString number(qint64 n);
double median(QList<double> values);
/// A "key: value" line of a /proc file.
QString procValue(const QString &file, const QByteArray &key);
QString loadAverage();
/// Prints the title, date, machine, system, load and library versions.
void printMachine(const QString &title);
/// Prints "FAILED: what: error"; returns false.
bool failed(const QString &what, const QString &error);

} // namespace Bench
