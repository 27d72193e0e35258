#pragma once

#include <QString>

/// What the central roles may do in the app (central enforces it anyway; the UI offers only
/// what will be accepted).
namespace Roles {

/// Editors propose and supervisors make changes to the catalogue; product managers and
/// admins only read it. Without a known role (never signed in: a local cache) editing is
/// offered, as the edits wait in the outbox.
inline bool mayEditCatalogue(const QString &role)
{
    return role.isEmpty() || role == QLatin1String("editor") || role == QLatin1String("supervisor");
}

/// An editor's changes are proposals a supervisor reviews.
inline bool proposes(const QString &role)
{
    return role == QLatin1String("editor");
}

/// Supervisors, product managers and admins read the metrics (their caches hold them).
inline bool readsMetrics(const QString &role)
{
    return role == QLatin1String("supervisor") || role == QLatin1String("pm") ||
           role == QLatin1String("admin");
}

/// Product managers and admins refresh the aggregates on central.
inline bool refreshesMetrics(const QString &role)
{
    return role == QLatin1String("pm") || role == QLatin1String("admin");
}

} // namespace Roles
