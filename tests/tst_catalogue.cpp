#include "cachedatabase.h"
#include "catalogueexporter.h"
#include "catalogueimporter.h"
#include "centralconnection.h"
#include "democentralwriter.h"
#include "syncengine.h"
#include "teststore.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using Kind = CatalogueFile::Kind;
Q_DECLARE_METATYPE(CatalogueFile::Kind)

/// The platform integration against a real central store: export and import of games, tags,
/// users and videos by external id (round trips, dry runs, partial files, malformed files
/// refused whole at the right line), imports reaching caches through sync, who may import,
/// and the platform's own role writing the documented tables.
class TestCatalogue : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestStore m_store{QStringLiteral("catalogue")};
    QString m_admin;
    QString m_supervisor;
    QString m_editor;
    QString m_pm;
    int m_files = 0;

    QString writeFile(const QString &suffix, const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.%2").arg(++m_files).arg(suffix));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    qint64 count(const QString &sql)
    {
        return TestSupport::scalar(m_store.installer(), sql).toLongLong();
    }

    /// Every row of the catalogue tables, the change log and the audit log, as one digest.
    QString storeState()
    {
        QStringList parts;
        for (const char *table :
             {"games", "tag_groups", "tags", "game_tags", "users", "videos", "video_tags"}) {
            parts.append(TestSupport::scalar(
                             m_store.installer(),
                             QStringLiteral("SELECT md5(coalesce(string_agg(to_jsonb(x)::text, "
                                            "'|' ORDER BY to_jsonb(x)::text), '')) "
                                            "FROM coulisse.%1 x")
                                 .arg(QLatin1String(table)))
                             .toString());
        }
        parts.append(
            QString::number(count(QStringLiteral("SELECT count(*) FROM coulisse.change_log"))));
        parts.append(
            QString::number(count(QStringLiteral("SELECT count(*) FROM coulisse.audit_log"))));
        return parts.join(QLatin1Char(' '));
    }

    CatalogueImporter::Result importAs(const QString &who, Kind kind, const QString &path,
                                       bool dryRun = false)
    {
        const QString connection = QStringLiteral("import-%1").arg(++m_files);
        CatalogueImporter::Result result;
        {
            QString error;
            QSqlDatabase db = m_store.login(who, &error, connection);
            if (!db.isOpen()) {
                result.error = error;
                return result;
            }
            CatalogueImporter importer(db);
            importer.setDryRun(dryRun);
            result = importer.importFile(kind, path);
        }
        QSqlDatabase::removeDatabase(connection);
        return result;
    }

    QByteArray exportAs(const QString &who, Kind kind, CatalogueExporter::Format format)
    {
        const QString connection = QStringLiteral("export-%1").arg(++m_files);
        QByteArray bytes;
        {
            QString error;
            QSqlDatabase db = m_store.login(who, &error, connection);
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            const CatalogueExporter::Result r =
                CatalogueExporter(db).exportTo(kind, &buffer, format);
            if (!r.ok)
                qWarning("%s", qPrintable(r.error));
        }
        QSqlDatabase::removeDatabase(connection);
        return bytes;
    }

    QVariant videoValue(const QString &externalId, const QString &column)
    {
        return TestSupport::scalar(
            m_store.installer(),
            QStringLiteral("SELECT %1 FROM coulisse.videos WHERE external_id = ?").arg(column),
            {externalId});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_store.create(), QString());
        QString error;
        m_admin = m_store.addStaff(QStringLiteral("admin"), QStringLiteral("admin"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_supervisor =
            m_store.addStaff(QStringLiteral("supervisor"), QStringLiteral("supervisor"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_editor = m_store.addStaff(QStringLiteral("editor"), QStringLiteral("editor"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_pm = m_store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        DemoDataOptions options;
        options.videos = 3000;
        const DemoCentralWriter::Result demo =
            DemoCentralWriter::write(m_store.installer(), options);
        QVERIFY2(demo.ok, qPrintable(demo.error));
        // A few tagged videos to see what a move to another game does to tags.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.videos "
                                      "WHERE external_id NOT LIKE 'coulisse:%'")),
                 0);
    }

    void shouldGiveEveryRowAnExternalId()
    {
        for (const char *table : {"games", "tags", "users", "videos"})
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.%1 WHERE external_id "
                                          "IS DISTINCT FROM 'coulisse:' || id")
                               .arg(QLatin1String(table))),
                     0);
        // A game made in Coulisse gets one too, and so do the tags of its new library.
        QCOMPARE(m_store.exec(QStringLiteral("INSERT INTO coulisse.games (name) VALUES "
                                             "('Made in Coulisse')")),
                 QString());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.games WHERE name = 'Made in "
                                      "Coulisse' AND external_id = 'coulisse:' || id")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.tags WHERE external_id IS "
                                      "DISTINCT FROM 'coulisse:' || id")),
                 0);
    }

    void shouldRoundTripUnchanged_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("csv");
        for (const Kind kind : CatalogueFile::kinds()) {
            for (const bool csv : {true, false})
                QTest::addRow("%s %s", qPrintable(CatalogueFile::name(kind)), csv ? "csv" : "jsonl")
                    << kind << csv;
        }
    }

    void shouldRoundTripUnchanged()
    {
        QFETCH(Kind, kind);
        QFETCH(bool, csv);
        const auto format =
            csv ? CatalogueExporter::Format::Csv : CatalogueExporter::Format::JsonLines;
        const QByteArray exported = exportAs(m_pm, kind, format);
        QVERIFY(exported.count('\n') > 10);
        if (csv)
            QVERIFY(exported.startsWith("\xEF\xBB\xBF"));
        const QString path =
            writeFile(csv ? QStringLiteral("csv") : QStringLiteral("jsonl"), exported);
        const QString before = storeState();
        const CatalogueImporter::Result dry = importAs(m_admin, kind, path, true);
        QVERIFY2(dry.ok, qPrintable(dry.error));
        QCOMPARE(dry.inserted, 0);
        QCOMPARE(dry.updated, 0);
        QCOMPARE(dry.unchanged, qint64(exported.count('\n') - (csv ? 1 : 0)));
        const CatalogueImporter::Result real = importAs(m_admin, kind, path);
        QVERIFY2(real.ok, qPrintable(real.error));
        QCOMPARE(real.inserted, 0);
        QCOMPARE(real.updated, 0);
        QCOMPARE(real.unchanged, dry.unchanged);
        // Nothing changed: no row, row version, change-log or audit entry.
        QCOMPARE(storeState(), before);
        QCOMPARE(exportAs(m_pm, kind, format), exported);
    }

    void shouldImportNewRowsAndUpdateByExternalId()
    {
        const QByteArray games = "external_id,name,name_en,aliases,released,status\n"
                                 "g-100,新游戏,New Game,\"[\"\"NG\"\"]\",2024,active\n"
                                 "g-101,\"Game, with a comma\",,,,\n";
        const QString gamesPath = writeFile(QStringLiteral("csv"), games);
        const CatalogueImporter::Result dry = importAs(m_admin, Kind::Games, gamesPath, true);
        QVERIFY2(dry.ok, qPrintable(dry.error));
        QCOMPARE(dry.inserted, 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.games WHERE external_id "
                                      "LIKE 'g-%'")),
                 0);
        CatalogueImporter::Result r = importAs(m_admin, Kind::Games, gamesPath);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.inserted, 2);
        // New games get their library (categories and the default tag) like any other.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.tag_groups gr JOIN "
                                      "coulisse.games g ON g.id = gr.game_id WHERE "
                                      "g.external_id = 'g-100'")),
                 5);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.games WHERE external_id = "
                                      "'g-101' AND released IS NULL AND status = 'active' AND "
                                      "aliases = '[]'")),
                 1);

        const QByteArray tags = "{\"external_id\": \"t-1\", \"group\": \"character\", \"game\": "
                                "\"g-100\", \"name\": \"主角\", \"aliases\": [\"hero\"]}\n"
                                "{\"external_id\": \"t-2\", \"group\": \"general\", \"name\": "
                                "\"Imported general tag\"}\n";
        r = importAs(m_admin, Kind::Tags, writeFile(QStringLiteral("jsonl"), tags));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.inserted, 2);

        const QByteArray users = "external_id,nickname,kind,registered_at,platform,level,vip\n"
                                 "u-1,Alice,creator,2025-03-01T10:00:00+08:00,app,12,true\n"
                                 "u-2,Bob,viewer,2025-03-02 10:00Z,web,,\n";
        r = importAs(m_admin, Kind::Users, writeFile(QStringLiteral("csv"), users));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.inserted, 2);
        QCOMPARE(
            count(QStringLiteral("SELECT level FROM coulisse.users WHERE external_id = 'u-2'")), 1);

        const QByteArray videos =
            "external_id,title,game,uploader,source,duration_s,published_at,featured,plays\n"
            "v-1,First video,g-100,u-1,pc_recorder,300,2026-01-01T00:00:00Z,true,10\n"
            "v-2,\"Multi\r\nline, \"\"quoted\"\" title\",g-100,,web_upload,60,"
            "2026-01-02T00:00:00.250Z,false,0\n";
        const QString videosPath = writeFile(QStringLiteral("csv"), videos);
        r = importAs(m_admin, Kind::Videos, videosPath);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.inserted, 2);
        QCOMPARE(videoValue(QStringLiteral("v-2"), QStringLiteral("title")).toString(),
                 QStringLiteral("Multi\r\nline, \"quoted\" title"));
        QVERIFY(videoValue(QStringLiteral("v-2"), QStringLiteral("uploader_id")).isNull());
        // The same file again changes nothing.
        const QString before = storeState();
        r = importAs(m_admin, Kind::Videos, videosPath);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.unchanged, 2);
        QCOMPARE(storeState(), before);

        // A file of some columns updates those and keeps the others.
        const qint64 version =
            videoValue(QStringLiteral("v-1"), QStringLiteral("row_version")).toLongLong();
        r = importAs(m_admin, Kind::Videos,
                     writeFile(QStringLiteral("csv"), "external_id,plays\nv-1,500\nv-2,0\n"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.unchanged, 1);
        QCOMPARE(videoValue(QStringLiteral("v-1"), QStringLiteral("plays")).toLongLong(), 500);
        QCOMPARE(videoValue(QStringLiteral("v-1"), QStringLiteral("title")).toString(),
                 QStringLiteral("First video"));
        QCOMPARE(videoValue(QStringLiteral("v-1"), QStringLiteral("row_version")).toLongLong(),
                 version + 1);
        // An empty uploader takes the uploader away.
        r = importAs(
            m_admin, Kind::Videos,
            writeFile(QStringLiteral("jsonl"), "{\"external_id\": \"v-1\", \"uploader\": null}\n"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(videoValue(QStringLiteral("v-1"), QStringLiteral("uploader_id")).isNull());
    }

    void shouldKeepLargeNumbersExact_data()
    {
        QTest::addColumn<QString>("plays");
        QTest::newRow("2^53 + 1") << "9007199254740993";
        QTest::newRow("the largest plays") << "4611686018427387903";
        QTest::newRow("2^53 - 1") << "9007199254740991";
    }

    void shouldKeepLargeNumbersExact()
    {
        QFETCH(QString, plays);
        const QByteArray line = "{\"external_id\": \"big-1\", \"title\": \"Big\", \"game\": "
                                "\"coulisse:1\", \"source\": \"web_upload\", \"duration_s\": 1, "
                                "\"published_at\": \"2026-01-01T00:00:00Z\", \"plays\": " +
                                plays.toLatin1() + "}\n";
        CatalogueImporter::Result r =
            importAs(m_admin, Kind::Videos, writeFile(QStringLiteral("jsonl"), line));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(videoValue(QStringLiteral("big-1"), QStringLiteral("plays::text")).toString(),
                 plays);
        // Exported as a JSON number with every digit, and read back unchanged.
        const QByteArray exported =
            exportAs(m_pm, Kind::Videos, CatalogueExporter::Format::JsonLines);
        const qsizetype at = exported.indexOf("\"external_id\": \"big-1\"");
        QVERIFY(at >= 0);
        const QByteArray mine = exported.mid(at, exported.indexOf('\n', at) - at);
        QVERIFY2(mine.endsWith("\"plays\": " + plays.toLatin1() + "}"), mine.constData());
        r = importAs(m_admin, Kind::Videos, writeFile(QStringLiteral("jsonl"), exported));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.updated, 0);
        QCOMPARE(videoValue(QStringLiteral("big-1"), QStringLiteral("plays::text")).toString(),
                 plays);
    }

    void shouldDropTheOldLibrarysTagsOfAVideoThatMoves()
    {
        // A video of game 1 with a tag of game 1's library and a general tag.
        QCOMPARE(m_store.exec(QStringLiteral(
                     "INSERT INTO coulisse.videos (external_id, title, game_id, source, "
                     "duration_s, published_at) VALUES ('v-move', 'Moving', 1, 'web_upload', 5, "
                     "now());"
                     "INSERT INTO coulisse.video_tags (video_id, tag_id) SELECT v.id, t.id FROM "
                     "coulisse.videos v, coulisse.tags t JOIN coulisse.tag_groups g ON g.id = "
                     "t.group_id WHERE v.external_id = 'v-move' AND ((g.kind = 'category' AND "
                     "g.game_id = 1 AND g.code = 'default') OR g.kind = 'general') AND t.status "
                     "= 'active'")),
                 QString());
        const QString kinds = QStringLiteral(
            "SELECT string_agg(DISTINCT g.kind, ',') FROM coulisse.video_tags vt JOIN "
            "coulisse.videos v ON v.id = vt.video_id JOIN coulisse.tags t ON t.id = vt.tag_id "
            "JOIN coulisse.tag_groups g ON g.id = t.group_id WHERE v.external_id = 'v-move'");
        QCOMPARE(TestSupport::scalar(m_store.installer(), kinds).toString(),
                 QStringLiteral("category,general"));
        const CatalogueImporter::Result r =
            importAs(m_admin, Kind::Videos,
                     writeFile(QStringLiteral("csv"), "external_id,game\nv-move,coulisse:2\n"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.updated, 1);
        QCOMPARE(TestSupport::scalar(m_store.installer(), kinds).toString(),
                 QStringLiteral("general"));
    }

    void shouldSendAMovedVideosTagsToTheCachesOfItsNewGame_data()
    {
        QTest::addColumn<bool>("import");
        QTest::newRow("moved by an import") << true;
        QTest::newRow("moved by a direct update") << false;
    }

    void shouldSendAMovedVideosTagsToTheCachesOfItsNewGame()
    {
        QFETCH(bool, import);
        const QString video = import ? QStringLiteral("v-relog-1") : QStringLiteral("v-relog-2");
        // An editor who works on game 2 only, and a supervisor who sees every game.
        QCOMPARE(m_store.exec(QStringLiteral("INSERT INTO coulisse.staff_scopes (staff, game_id) "
                                             "VALUES ('%1', 2) ON CONFLICT DO NOTHING")
                                  .arg(m_editor)),
                 QString());
        // A video of game 1 with a tag of game 1's library and two general tags.
        QCOMPARE(m_store.exec(QStringLiteral(
                                  "INSERT INTO coulisse.videos (external_id, title, game_id, "
                                  "source, duration_s, published_at) VALUES ('%1', 'Relogged', "
                                  "1, 'web_upload', 5, now());"
                                  "INSERT INTO coulisse.video_tags (video_id, tag_id) SELECT v.id, "
                                  "t.id FROM coulisse.videos v, coulisse.tags t JOIN "
                                  "coulisse.tag_groups g ON g.id = t.group_id WHERE "
                                  "v.external_id = '%1' AND t.status = 'active' AND t.id IN ("
                                  "(SELECT min(x.id) FROM coulisse.tags x JOIN coulisse.tag_groups "
                                  "y ON y.id = x.group_id WHERE y.kind = 'category' AND "
                                  "y.game_id = 1 AND y.code = 'default'),"
                                  "(SELECT min(x.id) FROM coulisse.tags x JOIN coulisse.tag_groups "
                                  "y ON y.id = x.group_id WHERE y.kind = 'general' AND x.status = "
                                  "'active'),"
                                  "(SELECT max(x.id) FROM coulisse.tags x JOIN coulisse.tag_groups "
                                  "y ON y.id = x.group_id WHERE y.kind = 'general' AND x.status = "
                                  "'active'))")
                                  .arg(video)),
                 QString());
        const qint64 id = videoValue(video, QStringLiteral("id")).toLongLong();
        const QString generalTags =
            TestSupport::scalar(m_store.installer(),
                                QStringLiteral("SELECT string_agg(vt.tag_id::text, ',' "
                                               "ORDER BY vt.tag_id) FROM "
                                               "coulisse.video_tags vt JOIN coulisse.tags "
                                               "t ON t.id = vt.tag_id JOIN "
                                               "coulisse.tag_groups g ON g.id = "
                                               "t.group_id WHERE g.kind = 'general' AND "
                                               "vt.video_id = ?"),
                                {id})
                .toString();
        QCOMPARE(generalTags.count(QLatin1Char(',')), 1);

        std::vector<std::unique_ptr<CacheDatabase>> caches;
        std::vector<std::unique_ptr<SyncEngine>> engines;
        for (const QString &who : {m_editor, m_supervisor}) {
            caches.push_back(std::make_unique<CacheDatabase>());
            QVERIFY2(
                caches.back()->open(m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(who, video))),
                qPrintable(caches.back()->errorString()));
            SyncEngine::Settings settings;
            settings.conninfo = m_store.conninfo(who);
            settings.password = m_store.password();
            engines.push_back(std::make_unique<SyncEngine>(*caches.back(), settings));
            const SyncEngine::Report report = engines.back()->run();
            QVERIFY2(report.ok, qPrintable(report.error));
        }
        const auto cachedTags = [&](size_t cache) {
            return TestSupport::scalar(caches[cache]->database(),
                                       QStringLiteral("SELECT group_concat(tag_id, ',') FROM "
                                                      "(SELECT tag_id FROM video_tags WHERE "
                                                      "video_id = ? ORDER BY tag_id)"),
                                       {id})
                .toString();
        };
        QCOMPARE(cachedTags(0), QString()); // not the editor's game yet
        QCOMPARE(cachedTags(1).count(QLatin1Char(',')), 2);

        if (import) {
            const CatalogueImporter::Result r =
                importAs(m_admin, Kind::Videos,
                         writeFile(QStringLiteral("csv"),
                                   "external_id,game\n" + video.toUtf8() + ",coulisse:2\n"));
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.updated, 1);
        } else {
            QCOMPARE(m_store.exec(QStringLiteral("UPDATE coulisse.videos SET game_id = 2 WHERE "
                                                 "external_id = '%1'")
                                      .arg(video)),
                     QString());
        }
        // A pull passes a change once no older transaction of the server is open (another
        // test's may be): sync until both caches have the move, or give up.
        const auto moved = [&] {
            for (const auto &cache : caches) {
                if (TestSupport::scalar(cache->database(),
                                        QStringLiteral("SELECT count(*) FROM videos WHERE id = ? "
                                                       "AND game_id = 2"),
                                        {id})
                        .toLongLong() != 1)
                    return false;
            }
            return true;
        };
        for (int attempt = 0; attempt < 50; ++attempt) {
            for (const auto &engine : engines) {
                const SyncEngine::Report report = engine->run();
                QVERIFY2(report.ok, qPrintable(report.error));
            }
            if (moved())
                break;
            QTest::qWait(100);
        }
        // Both caches hold the video in game 2 with its general tags, and nothing else: the
        // editor's receives the tags with the video, the supervisor's (which sees both games)
        // keeps the video rather than taking the old game's delete.
        for (size_t cache = 0; cache < caches.size(); ++cache) {
            QCOMPARE(TestSupport::scalar(caches[cache]->database(),
                                         QStringLiteral("SELECT game_id FROM videos WHERE id = ?"),
                                         {id})
                         .toLongLong(),
                     2);
            QCOMPARE(cachedTags(cache), generalTags);
        }
    }

    void shouldRefuseABadFileWhole_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");

        const QByteArray header =
            "external_id,title,game,uploader,source,duration_s,published_at,featured,plays\n";
        const QByteArray good =
            "n-1,Fine,coulisse:1,coulisse:1,web_upload,10,2026-01-01T00:00:00Z,false,1\n";
        QTest::newRow("unclosed quote")
            << Kind::Videos << "csv" << header + good + "n-2,\"Open,coulisse:1\n"
            << ":3:5: a quoted field is not closed";
        QTest::newRow("stray quote")
            << Kind::Videos << "csv"
            << header + good + "n-2,Bad\"quote,coulisse:1,,web_upload,1,2026-01-01Z,,\n"
            << ":3:8: a quote inside a field";
        QTest::newRow("not UTF-8")
            << Kind::Videos << "csv"
            << header + good + "n-2,\xc4\xe3\xba\xc3,coulisse:1,,web_upload,1,2026-01-01T00:00Z,,\n"
            << ":3: the line is not valid UTF-8";
        QTest::newRow("missing external_id column")
            << Kind::Videos << "csv" << QByteArray("title,plays\nx,1\n")
            << ":1: the header has no \"external_id\" column";
        QTest::newRow("unknown column")
            << Kind::Videos << "csv" << QByteArray("external_id,views\nx,1\n")
            << ":1:13: unknown column \"views\"";
        QTest::newRow("field count")
            << Kind::Videos << "csv" << header + good + "n-2,Short,coulisse:1\n"
            << ":3: 3 field";
        QTest::newRow("unknown game")
            << Kind::Videos << "csv"
            << header + good + "n-2,Fine,no-such-game,,web_upload,10,2026-01-01T00:00:00Z,false,1\n"
            << ":3:10: no game has the external id \"no-such-game\"";
        QTest::newRow("unknown uploader")
            << Kind::Videos << "jsonl"
            << QByteArray("{\"external_id\": \"n-3\", \"title\": \"T\", \"game\": \"coulisse:1\", "
                          "\"uploader\": \"ghost\", \"source\": \"web_upload\", \"duration_s\": "
                          "1, \"published_at\": \"2026-01-01T00:00:00Z\"}\n")
            << ":1:60: no user has the external id \"ghost\"";
        QTest::newRow("duplicate id") << Kind::Videos << "csv" << header + good + good
                                      << ":3:1: the external id \"n-1\" is on line 2 already";
        QTest::newRow("bad enum")
            << Kind::Videos << "csv"
            << header + "n-2,T,coulisse:1,,upload,10,2026-01-01T00:00:00Z,false,1\n"
            << ":2:19: source: \"upload\" is not one of pc_recorder, mobile_recorder, web_upload";
        QTest::newRow("bad time")
            << Kind::Videos << "csv"
            << header + "n-2,T,coulisse:1,,web_upload,10,2026-01-01T00:00:00,false,1\n"
            << ":2:33: published_at: \"2026-01-01T00:00:00\" has no UTC offset";
        QTest::newRow("JSON syntax")
            << Kind::Videos << "jsonl" << QByteArray("{\"external_id\": \"n-2\", \"plays\": }\n")
            << ":1:34: not valid JSON";
        QTest::newRow("JSON title not a string")
            << Kind::Videos << "jsonl" << QByteArray("{\"external_id\": \"n-2\", \"title\": 12}\n")
            << ":1:24: title is not a string";
        QTest::newRow("new video without its columns")
            << Kind::Videos << "csv" << QByteArray("external_id,plays\ncoulisse:1,3\nnew-1,3\n")
            << ":3: a new video needs title";
        QTest::newRow("reserved id")
            << Kind::Videos << "csv"
            << header + "coulisse:999999,T,coulisse:1,,web_upload,1,2026-01-01T00:00:00Z,,\n"
            << ":2:1: no row has the external id \"coulisse:999999\"";
        QTest::newRow("error after a million bytes") << Kind::Videos << "csv" << header + [&] {
            QByteArray many;
            for (int i = 0; i < 20000; ++i)
                many += "m-" + QByteArray::number(i) +
                        ",A title long enough to fill the buffer,coulisse:1,,web_upload,"
                        "10,2026-01-01T00:00:00Z,false,1\n";
            return many + "m-x,T,coulisse:1,,web_upload,10,2026-01-01T00:00:00Z,maybe,1\n";
        }() << ":20002:54: featured: \"maybe\" is not true or false";
        QTest::newRow("category without a game")
            << Kind::Tags << "csv" << QByteArray("external_id,group,name\nt-x,character,Hero\n")
            << ":2:5: the group \"character\" is a category of a game's library";
        QTest::newRow("dimension with a game")
            << Kind::Tags << "csv"
            << QByteArray("external_id,group,game,name\nt-x,genre,coulisse:1,Shooter 2\n")
            << ":2:11: the group \"genre\" belongs to no game";
        QTest::newRow("tag of an unknown game")
            << Kind::Tags << "csv"
            << QByteArray("external_id,group,game,name\nt-x,item,no-game,Sword\n")
            << ":2:10: no game has the external id \"no-game\"";
        QTest::newRow("tag name taken")
            << Kind::Tags << "jsonl"
            << QByteArray(
                   "{\"external_id\": \"t-new\", \"group\": \"genre\", \"name\": \"MOBA\"}\n")
            << ":1:44: another tag of the group is named \"MOBA\"";
        QTest::newRow("tag moves to another library")
            << Kind::Tags << "csv"
            << QByteArray("external_id,group,game\ncoulisse:1,item,coulisse:3\n")
            << ":2:12: a tag cannot move to the group \"item\"";
        QTest::newRow("game name taken")
            << Kind::Games << "csv" << QByteArray("external_id,name\ng-new,英雄联盟\n")
            << ":2:7: another game is named \"英雄联盟\" (external id coulisse:1)";
        QTest::newRow("game names twice in the file")
            << Kind::Games << "csv"
            << QByteArray("external_id,name\ng-a,Same name\ng-b,Same name\n")
            << ":3:5: the name \"Same name\" is on line 2 already";
        const auto name = [this](const char *sql) {
            return TestSupport::scalar(m_store.installer(), QString::fromLatin1(sql))
                .toString()
                .toUtf8();
        };
        const QByteArray game1 = name("SELECT name FROM coulisse.games WHERE id = 1");
        const QByteArray game2 = name("SELECT name FROM coulisse.games WHERE id = 2");
        QTest::newRow("game names swapped")
            << Kind::Games << "csv"
            << "external_id,name\ncoulisse:1," + game2 + "\ncoulisse:2," + game1 + "\n"
            << QStringLiteral(":2:12: the name \"%1\" still belongs to the game of line 3")
                   .arg(QString::fromUtf8(game2));
        QTest::newRow("game name passed on in JSON Lines")
            << Kind::Games << "jsonl"
            << "{\"external_id\": \"coulisse:2\", \"name\": \"Fresh name\"}\n"
               "{\"external_id\": \"coulisse:3\", \"name\": \"" +
                   game2 + "\"}\n"
            << QStringLiteral(":2:31: the name \"%1\" still belongs to the game of line 1, which "
                              "gives it up in this file")
                   .arg(QString::fromUtf8(game2));
        const QByteArray tag1 = name("SELECT external_id FROM coulisse.tags t JOIN "
                                     "coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind = "
                                     "'general' ORDER BY t.id LIMIT 1");
        const QByteArray tag2 = name("SELECT external_id FROM coulisse.tags t JOIN "
                                     "coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind = "
                                     "'general' ORDER BY t.id LIMIT 1 OFFSET 1");
        const QByteArray tagName1 = name("SELECT t.name FROM coulisse.tags t JOIN "
                                         "coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind "
                                         "= 'general' ORDER BY t.id LIMIT 1");
        const QByteArray tagName2 = name("SELECT t.name FROM coulisse.tags t JOIN "
                                         "coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind "
                                         "= 'general' ORDER BY t.id LIMIT 1 OFFSET 1");
        QTest::newRow("tag names swapped within a group")
            << Kind::Tags << "csv"
            << "external_id,name\n" + tag1 + ',' + tagName2 + '\n' + tag2 + ',' + tagName1 + '\n'
            << QStringLiteral(":2:%1: the name \"%2\" still belongs to the tag of line 3")
                   .arg(tag1.size() + 2)
                   .arg(QString::fromUtf8(tagName2));
        QTest::newRow("user level out of range")
            << Kind::Users << "csv"
            << QByteArray("external_id,nickname,kind,registered_at,platform,level\n"
                          "u-x,X,viewer,2026-01-01T00:00:00Z,web,-1\n")
            << ":2:39: level: \"-1\" is not a whole number from 0 to 1000000";
        QTest::newRow("empty file") << Kind::Users << "csv" << QByteArray()
                                    << ":1: the file is empty: a CSV file starts with a header row";
    }

    void shouldRefuseABadFileWhole()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, suffix);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = writeFile(suffix, content);
        QVERIFY(!path.isEmpty());
        const QString before = storeState();
        const qint64 imports = count(QStringLiteral(
            "SELECT count(*) FROM coulisse.catalogue_imports WHERE finished_at IS NOT NULL"));
        const qint64 staged =
            count(QStringLiteral("SELECT (SELECT count(*) FROM coulisse.catalogue_staging_games) + "
                                 "(SELECT count(*) FROM coulisse.catalogue_staging_tags) + "
                                 "(SELECT count(*) FROM coulisse.catalogue_staging_users) + "
                                 "(SELECT count(*) FROM coulisse.catalogue_staging_videos)"));
        for (const bool dryRun : {true, false}) {
            const CatalogueImporter::Result r = importAs(m_admin, kind, path, dryRun);
            QVERIFY(!r.ok);
            QVERIFY2(r.error.startsWith(path + QLatin1Char(':')), qPrintable(r.error));
            QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        }
        QCOMPARE(storeState(), before);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM coulisse.catalogue_imports WHERE finished_at IS NOT "
                     "NULL")),
                 imports);
        QCOMPARE(
            count(QStringLiteral("SELECT (SELECT count(*) FROM coulisse.catalogue_staging_games) + "
                                 "(SELECT count(*) FROM coulisse.catalogue_staging_tags) + "
                                 "(SELECT count(*) FROM coulisse.catalogue_staging_users) + "
                                 "(SELECT count(*) FROM coulisse.catalogue_staging_videos)")),
            staged);
    }

    void shouldLetOnlyAdminsImport_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("editor") << "editor";
        QTest::newRow("supervisor") << "supervisor";
        QTest::newRow("pm") << "pm";
    }

    void shouldLetOnlyAdminsImport()
    {
        QFETCH(QString, role);
        const QString who = role == QLatin1String("editor")       ? m_editor
                            : role == QLatin1String("supervisor") ? m_supervisor
                                                                  : m_pm;
        const QString before = storeState();
        const CatalogueImporter::Result r =
            importAs(who, Kind::Videos,
                     writeFile(QStringLiteral("csv"), "external_id,plays\ncoulisse:1,123456\n"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("only an admin imports the catalogue")),
                 qPrintable(r.error));
        QCOMPARE(storeState(), before);
    }

    void shouldReachCachesThroughSync()
    {
        CacheDatabase cache;
        QVERIFY2(cache.open(m_dir.filePath(QStringLiteral("supervisor.sqlite"))),
                 qPrintable(cache.errorString()));
        SyncEngine::Settings settings;
        settings.conninfo = m_store.conninfo(m_supervisor);
        settings.password = m_store.password();
        SyncEngine engine(cache, settings);
        SyncEngine::Report report = engine.run();
        QVERIFY2(report.ok, qPrintable(report.error));
        const CatalogueImporter::Result r = importAs(
            m_admin, Kind::Videos,
            writeFile(QStringLiteral("csv"),
                      "external_id,title,game,source,duration_s,published_at,plays\n"
                      "s-1,Synced video,coulisse:3,web_upload,42,2026-02-01T00:00:00Z,7\n"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.inserted, 1);
        const CatalogueImporter::Result plays =
            importAs(m_admin, Kind::Videos,
                     writeFile(QStringLiteral("csv"), "external_id,plays\ncoulisse:5,777\n"));
        QVERIFY2(plays.ok, qPrintable(plays.error));
        QCOMPARE(plays.updated, 1);
        // A pull passes a change once no older transaction of the server is open (another
        // test's may be): sync until the cache has both imports, or give up.
        for (int attempt = 0; attempt < 50; ++attempt) {
            report = engine.run();
            QVERIFY2(report.ok, qPrintable(report.error));
            if (TestSupport::scalar(cache.database(),
                                    QStringLiteral("SELECT (SELECT plays FROM videos WHERE id = 5) "
                                                   "= 777 AND EXISTS (SELECT 1 FROM videos WHERE "
                                                   "title = 'Synced video')"))
                    .toBool())
                break;
            QTest::qWait(100);
        }
        const qint64 id = videoValue(QStringLiteral("s-1"), QStringLiteral("id")).toLongLong();
        QCOMPARE(TestSupport::scalar(cache.database(),
                                     QStringLiteral("SELECT title || ' ' || game_id || ' ' || "
                                                    "plays FROM videos WHERE id = ?"),
                                     {id})
                     .toString(),
                 QStringLiteral("Synced video 3 7"));
        QCOMPARE(TestSupport::scalar(cache.database(),
                                     QStringLiteral("SELECT plays FROM videos WHERE id = 5"))
                     .toLongLong(),
                 777);
    }

    void shouldLetThePlatformWriteItsTablesOnly()
    {
        const QString role = QStringLiteral("platform_%1").arg(m_store.database());
        QCOMPARE(m_store.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE "
                                             "coulisse_platform")
                                  .arg(role, m_store.password())),
                 QString());
        {
            QString error;
            QSqlDatabase db = CentralConnection::open(
                m_store.conninfo(role), QStringLiteral("platform"), &error, m_store.password());
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral(
                         "INSERT INTO coulisse.videos (external_id, title, game_id, source, "
                         "duration_s, published_at) VALUES ('p-1', 'From the platform', 1, "
                         "'web_upload', 9, now())")),
                     qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(QStringLiteral("UPDATE coulisse.videos SET plays = 99 WHERE "
                                           "external_id = 'p-1'")),
                     qPrintable(q.lastError().text()));
            // Tagged with game 1's default tag, then moved to game 2 by the platform: the tag
            // of the old library goes.
            QCOMPARE(m_store.exec(QStringLiteral(
                         "INSERT INTO coulisse.video_tags (video_id, tag_id) SELECT v.id, t.id "
                         "FROM coulisse.videos v, coulisse.tags t JOIN coulisse.tag_groups g ON "
                         "g.id = t.group_id WHERE v.external_id = 'p-1' AND g.kind = 'category' "
                         "AND g.game_id = 1 AND g.code = 'default'")),
                     QString());
            QVERIFY2(q.exec(QStringLiteral("UPDATE coulisse.videos SET game_id = 2 WHERE "
                                           "external_id = 'p-1'")),
                     qPrintable(q.lastError().text()));
            for (const QString &sql :
                 {QStringLiteral("INSERT INTO coulisse.tags (group_id, name) VALUES (1, 'x')"),
                  QStringLiteral(
                      "INSERT INTO coulisse.video_tags (video_id, tag_id) VALUES (1, 1)"),
                  QStringLiteral("UPDATE coulisse.videos SET row_version = 1"),
                  QStringLiteral("DELETE FROM coulisse.audit_log")}) {
                QVERIFY2(!q.exec(sql), qPrintable(sql));
                QVERIFY2(q.lastError().text().contains(QLatin1String("permission denied")),
                         qPrintable(q.lastError().text()));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("platform"));
        // The platform's writes are versioned, logged for sync and audited under its name.
        QCOMPARE(videoValue(QStringLiteral("p-1"), QStringLiteral("row_version")).toLongLong(), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE video_id = "
                                      "(SELECT id FROM coulisse.videos WHERE external_id = "
                                      "'p-1')")),
                 0);
        // Insert, update, move (an update, and a delete for the old game's scope).
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.change_log WHERE tbl = "
                                      "'videos' AND pk1 = (SELECT id FROM coulisse.videos WHERE "
                                      "external_id = 'p-1')")),
                 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE tbl = "
                                      "'videos' AND actor = '%1'")
                           .arg(role)),
                 3);
        QCOMPARE(m_store.exec(QStringLiteral("DROP ROLE %1").arg(role)), QString());
    }

    void shouldLetANewRowTakeANameGivenUpInTheSameFile()
    {
        // The rename is written before the insert, here and in the caches.
        const QString old =
            TestSupport::scalar(m_store.installer(),
                                QStringLiteral("SELECT name FROM coulisse.games WHERE id = 4"))
                .toString();
        const CatalogueImporter::Result r =
            importAs(m_admin, Kind::Games,
                     writeFile(QStringLiteral("csv"), "external_id,name\ng-heir," + old.toUtf8() +
                                                          "\ncoulisse:4,Renamed four\n"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.inserted, 1);
        QCOMPARE(r.updated, 1);
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT external_id FROM coulisse.games "
                                                    "WHERE name = ?"),
                                     {old})
                     .toString(),
                 QStringLiteral("g-heir"));
    }

    void shouldImportAndExportFromTheCommandLine()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_store.password());
        const QString url = m_store.conninfo(m_admin);
        const QString out = m_dir.filePath(QStringLiteral("cli-games.jsonl"));
        TestSupport::CliRun run = TestSupport::runCli(
            {QStringLiteral("catalogue"), QStringLiteral("export"), QStringLiteral("--url"), url,
             QStringLiteral("--kind"), QStringLiteral("games"), QStringLiteral("--out"), out},
            env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("games to")), qPrintable(run.out));
        run = TestSupport::runCli({QStringLiteral("catalogue"), QStringLiteral("import"),
                                   QStringLiteral("--url"), url, QStringLiteral("--kind"),
                                   QStringLiteral("games"), QStringLiteral("--dry-run"),
                                   QStringLiteral("--quiet"), out},
                                  env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("0 rows would be inserted, 0 updated")),
                 qPrintable(run.out));
        const QString bad = writeFile(QStringLiteral("csv"), "external_id,name\n,Nameless\n");
        run = TestSupport::runCli({QStringLiteral("catalogue"), QStringLiteral("import"),
                                   QStringLiteral("--url"), url, QStringLiteral("--kind"),
                                   QStringLiteral("games"), QStringLiteral("--quiet"), bad},
                                  env);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(bad + QStringLiteral(":2:1: external_id is missing")),
                 qPrintable(run.err));
        run = TestSupport::runCli({QStringLiteral("catalogue"), QStringLiteral("import"),
                                   QStringLiteral("--url"), url, QStringLiteral("--kind"),
                                   QStringLiteral("films"), bad},
                                  env);
        QCOMPARE(run.code, 2);
    }

    void cleanupTestCase() { QSqlDatabase::removeDatabase(QStringLiteral("platform")); }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
