#include "cataloguefile.h"

#include <array>

QList<CatalogueFile::Kind> CatalogueFile::kinds()
{
    return {Kind::Games, Kind::Tags, Kind::Users, Kind::Videos};
}

QString CatalogueFile::name(Kind kind)
{
    switch (kind) {
    case Kind::Games:
        return QStringLiteral("games");
    case Kind::Tags:
        return QStringLiteral("tags");
    case Kind::Users:
        return QStringLiteral("users");
    case Kind::Videos:
        break;
    }
    return QStringLiteral("videos");
}

bool CatalogueFile::parseKind(const QString &name, Kind *kind)
{
    for (const Kind k : kinds()) {
        if (CatalogueFile::name(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QStringList CatalogueFile::dimensionCodes()
{
    return {QStringLiteral("genre"),     QStringLiteral("terminal"), QStringLiteral("combat_mode"),
            QStringLiteral("art_style"), QStringLiteral("theme"),    QStringLiteral("pricing"),
            QStringLiteral("developer")};
}

QStringList CatalogueFile::categoryCodes()
{
    return {QStringLiteral("default"), QStringLiteral("character"), QStringLiteral("item"),
            QStringLiteral("mode")};
}

const QList<CatalogueFile::Column> &CatalogueFile::columns(Kind kind)
{
    static const std::array<QList<Column>, 4> all = [] {
        const Column id{QStringLiteral("external_id"), Type::ExternalId, 100};
        const QStringList status{QStringLiteral("active"), QStringLiteral("retired")};
        std::array<QList<Column>, 4> c;
        c[int(Kind::Games)] = {id,
                               {QStringLiteral("name"), Type::Name, 200},
                               {QStringLiteral("name_en"), Type::Text, 200},
                               {QStringLiteral("aliases"), Type::Aliases, 2000},
                               {QStringLiteral("introduction"), Type::Text, 10000},
                               {QStringLiteral("developer"), Type::Text, 200},
                               {QStringLiteral("released"), Type::OptionalInt, 0, 0, 9999},
                               {QStringLiteral("status"), Type::Enum, 0, 0, 0, status}};
        c[int(Kind::Tags)] = {
            id,
            {QStringLiteral("group"), Type::Enum, 0, 0, 0,
             QStringList{QStringLiteral("general")} + dimensionCodes() + categoryCodes()},
            {QStringLiteral("game"), Type::OptionalReference, 100},
            {QStringLiteral("name"), Type::Name, 100},
            {QStringLiteral("name_en"), Type::Text, 100},
            {QStringLiteral("aliases"), Type::Aliases, 2000},
            {QStringLiteral("status"), Type::Enum, 0, 0, 0, status}};
        c[int(Kind::Users)] = {
            id,
            {QStringLiteral("nickname"), Type::Text, 100},
            {QStringLiteral("kind"),
             Type::Enum,
             0,
             0,
             0,
             {QStringLiteral("creator"), QStringLiteral("viewer")}},
            {QStringLiteral("registered_at"), Type::Instant},
            {QStringLiteral("channel"), Type::Text, 100},
            {QStringLiteral("platform"),
             Type::Enum,
             0,
             0,
             0,
             {QStringLiteral("web"), QStringLiteral("app"), QStringLiteral("pc")}},
            {QStringLiteral("device_model"), Type::Text, 100},
            {QStringLiteral("os"), Type::Text, 100},
            {QStringLiteral("level"), Type::Integer, 0, 0, 1000000},
            {QStringLiteral("vip"), Type::Bool}};
        c[int(Kind::Videos)] = {
            id,
            {QStringLiteral("title"), Type::Name, 500},
            {QStringLiteral("game"), Type::Reference, 100},
            {QStringLiteral("uploader"), Type::OptionalReference, 100},
            {QStringLiteral("source"),
             Type::Enum,
             0,
             0,
             0,
             {QStringLiteral("pc_recorder"), QStringLiteral("mobile_recorder"),
              QStringLiteral("web_upload")}},
            {QStringLiteral("duration_s"), Type::Integer, 0, 0, 2147483647},
            {QStringLiteral("published_at"), Type::Instant},
            {QStringLiteral("featured"), Type::Bool},
            {QStringLiteral("plays"), Type::Integer, 0, 0, Q_INT64_C(4611686018427387903)}};
        return c;
    }();
    return all[int(kind)];
}

QStringList CatalogueFile::columnNames(Kind kind)
{
    QStringList names;
    for (const Column &c : columns(kind))
        names.append(c.name);
    return names;
}
