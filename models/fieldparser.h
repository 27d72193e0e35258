#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

/// Checks and converts the text of one imported field (see RecordReader). Each function
/// returns false with a reason that names the value, ready for "file:line:column: reason".
class FieldParser
{
    Q_DECLARE_TR_FUNCTIONS(FieldParser)

public:
    /// ISO 8601 with a UTC offset: YYYY-MM-DD(T| )hh:mm[:ss[.fraction]](Z|+hh[:mm]|-hh[:mm]),
    /// as seconds since 1970 (UTC; a leap second counts as :59).
    static bool parseInstant(const QByteArray &text, qint64 *epoch, QString *reason);
    /// A whole number from \a min to \a max, written without a sign or leading zeros.
    static bool parseInteger(const QByteArray &text, qint64 min, qint64 max, qint64 *value,
                             QString *reason);
    /// true/false (also 1/0, yes/no, case-insensitive).
    static bool parseBool(const QByteArray &text, bool *value, QString *reason);
    /// One of \a allowed, exactly.
    static bool checkEnum(const QByteArray &text, const QStringList &allowed, QString *reason);
    /// At most \a max characters; \a name names the field in the reason.
    static bool checkLength(const QString &name, const QByteArray &text, int max, QString *reason);
    /// A JSON array of strings, written back compact.
    static bool parseStringArray(const QByteArray &text, QByteArray *json, QString *reason);

    /// Days from 1970-01-01 to the proleptic Gregorian date \a y-\a m-\a d.
    static qint64 daysFromCivil(int y, int m, int d);
};
