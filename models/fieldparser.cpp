#include "fieldparser.h"

#include <QJsonArray>
#include <QJsonDocument>

qint64 FieldParser::daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

bool FieldParser::parseInstant(const QByteArray &text, qint64 *epoch, QString *reason)
{
    const char *s = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto digits = [&](int count, int *value) {
        if (i + count > n)
            return false;
        int v = 0;
        for (int k = 0; k < count; ++k) {
            const char c = s[i + k];
            if (c < '0' || c > '9')
                return false;
            v = v * 10 + (c - '0');
        }
        i += count;
        *value = v;
        return true;
    };
    auto expect = [&](char c) {
        if (i < n && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    };
    auto bad = [&]() {
        *reason = tr("\"%1\" is not a time like 2026-11-01T08:30:00+08:00 (ISO 8601 with a UTC "
                     "offset)")
                      .arg(QString::fromUtf8(text.left(40)));
        return false;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(4, &year) || !expect('-') || !digits(2, &month) || !expect('-') ||
        !digits(2, &day) || !(expect('T') || expect(' ')) || !digits(2, &hour) || !expect(':') ||
        !digits(2, &minute))
        return bad();
    if (expect(':')) {
        if (!digits(2, &second))
            return bad();
        if (expect('.') || expect(',')) {
            const qsizetype start = i;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                ++i;
            if (i == start || i - start > 9)
                return bad();
        }
    }
    int offset = 0;
    if (expect('Z') || expect('z')) {
        offset = 0;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int oh = 0, om = 0;
        if (!digits(2, &oh))
            return bad();
        if (expect(':')) {
            if (!digits(2, &om))
                return bad();
        } else if (i < n && !digits(2, &om)) {
            return bad();
        }
        if (oh > 15 || om > 59)
            return bad();
        offset = sign * (oh * 3600 + om * 60);
    } else if (i == n) {
        *reason = tr("\"%1\" has no UTC offset (add Z or +08:00)").arg(QString::fromUtf8(text));
        return false;
    }
    if (i != n)
        return bad();
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        day > kDays[month - 1] + (month == 2 && leap ? 1 : 0) || hour > 23 || minute > 59 ||
        second > 60) {
        *reason = tr("\"%1\" is not a valid date and time").arg(QString::fromUtf8(text));
        return false;
    }
    *epoch = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 +
             std::min(second, 59) - offset;
    return true;
}

bool FieldParser::parseInteger(const QByteArray &text, qint64 min, qint64 max, qint64 *value,
                               QString *reason)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    // Digits only, after an optional minus: toLongLong() also takes white space at either end
    // and stops at a NUL byte.
    const qsizetype first = text.startsWith('-') ? 1 : 0;
    bool canonical =
        text.size() > first && !(text.size() > first + 1 && text[first] == '0') && text != "-0";
    for (qsizetype i = first; canonical && i < text.size(); ++i)
        canonical = text[i] >= '0' && text[i] <= '9';
    if (!ok || !canonical || *value < min || *value > max) {
        *reason = tr("\"%1\" is not a whole number from %2 to %3")
                      .arg(QString::fromUtf8(text.left(40)))
                      .arg(min)
                      .arg(max);
        return false;
    }
    return true;
}

bool FieldParser::parseBool(const QByteArray &text, bool *value, QString *reason)
{
    const QByteArray t = text.toLower();
    if (t == "true" || t == "1" || t == "yes") {
        *value = true;
        return true;
    }
    if (t == "false" || t == "0" || t == "no") {
        *value = false;
        return true;
    }
    *reason = tr("\"%1\" is not true or false").arg(QString::fromUtf8(text.left(40)));
    return false;
}

bool FieldParser::checkEnum(const QByteArray &text, const QStringList &allowed, QString *reason)
{
    if (allowed.contains(QString::fromUtf8(text)))
        return true;
    *reason = tr("\"%1\" is not one of %2")
                  .arg(QString::fromUtf8(text.left(40)), allowed.join(QStringLiteral(", ")));
    return false;
}

bool FieldParser::checkLength(const QString &name, const QByteArray &text, int max, QString *reason)
{
    // Bytes bound characters from above: count only when it could matter. Characters are
    // code points (as RecordReader's columns and PostgreSQL's length() count them), not
    // UTF-16 units: a byte that does not continue a sequence starts one.
    if (text.size() <= max)
        return true;
    qsizetype characters = 0;
    for (const char c : text)
        characters += (uchar(c) & 0xC0) != 0x80 ? 1 : 0;
    if (characters <= max)
        return true;
    *reason = tr("%1 is longer than %2 characters").arg(name).arg(max);
    return false;
}

bool FieldParser::parseStringArray(const QByteArray &text, QByteArray *json, QString *reason)
{
    if (text.trimmed().isEmpty()) {
        *json = QByteArrayLiteral("[]");
        return true;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    bool strings = doc.isArray();
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array)
        strings = strings && v.isString();
    if (error.error != QJsonParseError::NoError || !strings) {
        *reason = tr("\"%1\" is not a JSON array of strings like [\"a\", \"b\"]")
                      .arg(QString::fromUtf8(text.left(40)));
        return false;
    }
    *json = doc.toJson(QJsonDocument::Compact);
    return true;
}
