#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTimeZone>

/// Plain records of the catalogue, as stored in the cache and the central store.
/// Times are Unix seconds (UTC). Enumerations travel as the text codes of the schema.
namespace Catalogue {

struct Game
{
    qint64 id = 0;
    QString name;
    QString nameEn;
    QStringList aliases;
    QString introduction;
    QString developer;
    int released = 0;
    QString status = QStringLiteral("active");
    qint64 createdAt = 0;
};

struct TagGroup
{
    qint64 id = 0;
    QString kind; ///< dimension, general, library, category
    QString code; ///< dimension code or category code (default, character, item, mode)
    qint64 parentId = 0;
    qint64 gameId = 0;
    QString name;
    QString nameEn;
    int position = 0;
};

struct Tag
{
    qint64 id = 0;
    qint64 groupId = 0;
    QString name;
    QString nameEn;
    QStringList aliases;
    QString status = QStringLiteral("active");
    qint64 createdAt = 0;
};

struct User
{
    qint64 id = 0;
    QString nickname;
    QString kind; ///< creator, viewer
    qint64 registeredAt = 0;
    QString channel;
    QString platform; ///< web, app, pc
    QString deviceModel;
    QString os;
    int level = 1;
    bool vip = false;
};

struct Video
{
    qint64 id = 0;
    QString title;
    qint64 gameId = 0;
    qint64 uploaderId = 0;
    QString source; ///< pc_recorder, mobile_recorder, web_upload
    int durationSeconds = 0;
    qint64 publishedAt = 0;
    bool featured = false;
    qint64 plays = 0;
};

/// Receives catalogue rows in dependency order (games, tag groups, tags, game tags, users,
/// videos, video tags). Implemented by the cache's bulk writer and the central store's loader.
class Sink
{
public:
    virtual ~Sink() = default;
    virtual bool addTagGroup(const TagGroup &group) = 0;
    virtual bool addTag(const Tag &tag) = 0;
    virtual bool addGame(const Game &game) = 0;
    virtual bool addGameTag(qint64 gameId, qint64 tagId) = 0;
    virtual bool addUser(const User &user) = 0;
    virtual bool addVideo(const Video &video) = 0;
    virtual bool addVideoTag(qint64 videoId, qint64 tagId) = 0;
    virtual QString errorString() const = 0;
};

/// User-visible labels for the schema's codes (translated, context "Catalogue").
class Labels
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)

public:
    static QString source(const QString &code);
    static QString userKind(const QString &code);
    static QString platform(const QString &code);
    static QString channel(const QString &code);
    static QString status(const QString &code);
    static QString dimension(const QString &code);
    static QString category(const QString &code);
    static QString groupKind(const QString &kind);
    /// "1:02:03" or "12:34".
    static QString duration(int seconds);
    /// A Unix time as a date and time in the project's time zone.
    static QString dateTime(qint64 secondsSinceEpoch);
    /// ISO 8601 with the project's offset (2026-11-01T08:30:00+08:00), for exports.
    static QString isoDateTime(qint64 secondsSinceEpoch);
    static QString date(qint64 secondsSinceEpoch);

    /// Catalogue names are bilingual: in an English UI the English name is shown where
    /// there is one.
    static void setEnglishNames(bool english);
    static bool englishNames();
    static QString name(const QString &chinese, const QString &english);
    /// Where a tag lives: "英雄联盟 · Characters" for a game's library, the dimension for a game
    /// tag, "General library" for the general one.
    static QString tagGroup(const QString &kind, const QString &code, const QString &gameName,
                            const QString &gameNameEn);
    /// A list of names as typed (aliases): separated by commas of either width, 、 or
    /// semicolons; trimmed, each once.
    static QStringList splitNames(const QString &text);

    static QStringList sourceCodes();
    static QStringList platformCodes();
    static QStringList userKindCodes();
    static QStringList channelCodes();
    static QStringList dimensionCodes();
    static QStringList categoryCodes();

    /// Calendar days and times are shown in the project's time zone (default Asia/Shanghai).
    static QTimeZone projectTimeZone();
    static void setProjectTimeZone(const QTimeZone &zone);
};

} // namespace Catalogue
