#include "semanticversion.h"

#include <QRegularExpression>

SemanticVersion SemanticVersion::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^v?(0|[1-9][0-9]{0,17})(?:\\.(0|[1-9][0-9]{0,17}))?(?:\\.(0|[1-9][0-9]{0,17}))?"
        "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$"));
    SemanticVersion v;
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return v;
    v.m_valid = true;
    v.m_text = text;
    for (int i = 0; i < 3; ++i)
        v.m_core[i] = m.captured(i + 1).toULongLong();
    if (m.hasCaptured(4))
        v.m_prerelease = m.captured(4).split(QLatin1Char('.'));
    return v;
}

int SemanticVersion::compare(const SemanticVersion &a, const SemanticVersion &b)
{
    if (!a.m_valid || !b.m_valid)
        return a.m_valid == b.m_valid ? 0 : (a.m_valid ? 1 : -1);
    for (int i = 0; i < 3; ++i) {
        if (a.m_core[i] != b.m_core[i])
            return a.m_core[i] < b.m_core[i] ? -1 : 1;
    }
    // A version without a pre-release is higher than one with.
    if (a.m_prerelease.isEmpty() || b.m_prerelease.isEmpty())
        return a.m_prerelease.isEmpty() == b.m_prerelease.isEmpty()
                   ? 0
                   : (a.m_prerelease.isEmpty() ? 1 : -1);
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    const qsizetype n = std::min(a.m_prerelease.size(), b.m_prerelease.size());
    for (qsizetype i = 0; i < n; ++i) {
        const QString &x = a.m_prerelease[i];
        const QString &y = b.m_prerelease[i];
        if (x == y)
            continue;
        const bool xn = digits.match(x).hasMatch();
        const bool yn = digits.match(y).hasMatch();
        // Numeric identifiers compare as numbers and rank below alphanumeric ones.
        if (xn && yn) {
            // Compared as numbers (of any length): without leading zeros, longer is larger.
            const auto strip = [](const QString &s) {
                qsizetype i = 0;
                while (i < s.size() - 1 && s[i] == QLatin1Char('0'))
                    ++i;
                return s.mid(i);
            };
            const QString xs = strip(x);
            const QString ys = strip(y);
            if (xs.size() != ys.size())
                return xs.size() < ys.size() ? -1 : 1;
            if (xs != ys)
                return xs < ys ? -1 : 1;
            continue;
        }
        if (xn != yn)
            return xn ? -1 : 1;
        // ASCII order, as the store's COLLATE "C".
        return x.toLatin1() < y.toLatin1() ? -1 : 1;
    }
    if (a.m_prerelease.size() != b.m_prerelease.size())
        return a.m_prerelease.size() < b.m_prerelease.size() ? -1 : 1;
    return 0;
}
