#pragma once

#include <QString>
#include <QStringList>

/// A semantic version (semver.org 2.0): MAJOR[.MINOR[.PATCH]][-PRERELEASE][+BUILD], with an
/// optional leading "v"; a missing minor or patch is 0 and build metadata does not count in
/// comparisons. The same rules as coulisse.semver_cmp() in the central store.
class SemanticVersion
{
public:
    SemanticVersion() = default;
    /// An invalid version (isValid() false) when \a text is not one.
    static SemanticVersion parse(const QString &text);

    bool isValid() const { return m_valid; }
    QString toString() const { return m_text; }

    /// -1, 0 or 1 by semver precedence; invalid versions sort first.
    static int compare(const SemanticVersion &a, const SemanticVersion &b);

    friend bool operator<(const SemanticVersion &a, const SemanticVersion &b)
    {
        return compare(a, b) < 0;
    }
    friend bool operator==(const SemanticVersion &a, const SemanticVersion &b)
    {
        return compare(a, b) == 0;
    }

private:
    bool m_valid = false;
    QString m_text;
    quint64 m_core[3] = {0, 0, 0};
    QStringList m_prerelease;
};
