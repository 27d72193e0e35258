#pragma once

#include <QCoreApplication>
#include <QStringList>

/// The file format of the catalogue's import and export (docs/integration.md): for each kind
/// of row, its columns (CSV header names, JSON keys) in file order, each with its type. Rows
/// are keyed by the platform's external id; references name other rows by theirs.
class CatalogueFile
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueFile)

public:
    enum class Kind { Games, Tags, Users, Videos };

    enum class Type {
        ExternalId,  ///< the row's key: 1-100 characters, no white space at either end
        Name,        ///< text that may not be empty (a new row needs it)
        Text,        ///< text; empty is a value
        Aliases,     ///< a JSON array of strings; empty is []
        Integer,     ///< a whole number from min to max
        OptionalInt, ///< a whole number, or empty for none
        Bool,
        Enum,             ///< one of allowed
        Instant,          ///< ISO 8601 with a UTC offset
        Reference,        ///< another row's external id
        OptionalReference ///< another row's external id, or empty for none
    };

    struct Column
    {
        Column(QString name, Type type, int maxLength = 0, qint64 min = 0, qint64 max = 0,
               QStringList allowed = {})
            : name(std::move(name))
            , type(type)
            , maxLength(maxLength)
            , min(min)
            , max(max)
            , allowed(std::move(allowed))
        {}

        QString name;
        Type type;
        int maxLength = 0; ///< characters, for text
        qint64 min = 0;
        qint64 max = 0;
        QStringList allowed;
    };

    static QList<Kind> kinds();
    /// "games", "tags", "users", "videos".
    static QString name(Kind kind);
    static bool parseKind(const QString &name, Kind *kind);
    /// The columns of \a kind; the first is always external_id.
    static const QList<Column> &columns(Kind kind);
    static QStringList columnNames(Kind kind);

    /// The tag groups a tag file names: the dimensions, "general", and the categories of a
    /// game's library (which need the game).
    static QStringList dimensionCodes();
    static QStringList categoryCodes();
};
