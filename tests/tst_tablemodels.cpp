#include "cachedatabase.h"
#include "gametablemodel.h"
#include "recordreader.h"
#include "rowloader.h"
#include "searchtext.h"
#include "tableexporter.h"
#include "taggrouptreemodel.h"
#include "tagtablemodel.h"
#include "testsupport.h"
#include "usertablemodel.h"
#include "videotablemodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::scalar;

/// The lazy table models over a real demo cache: counts, filters, sorting, windows.
class TestTableModels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CacheDatabase> m_cache;
    std::unique_ptr<RowLoader> m_loader;

    static bool waitReady(LazyTableModel &model)
    {
        QSignalSpy ready(&model, &LazyTableModel::ready);
        return ready.wait(20000) || (!model.isLoading() && ready.count() > 0);
    }
    /// Reads every row of \a model's id column, window by window.
    static QList<qint64> allIds(LazyTableModel &model)
    {
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.idAt(row) < 0) {
                QSignalSpy loaded(&model, &LazyTableModel::rowsLoaded);
                if (!loaded.wait(20000))
                    return {};
            }
            ids.append(model.idAt(row));
        }
        return ids;
    }
    QList<qint64> sqlIds(const QString &sql, const QVariantList &params = {}) const
    {
        QSqlQuery q(m_cache->database());
        q.prepare(sql);
        for (const QVariant &p : params)
            q.addBindValue(p);
        QList<qint64> ids;
        if (q.exec())
            while (q.next())
                ids.append(q.value(0).toLongLong());
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("models.sqlite"));
        const QString error = TestSupport::writeDemoCache(m_path, 3000, 3);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_cache = std::make_unique<CacheDatabase>();
        QVERIFY(m_cache->open(m_path));
        m_loader = std::make_unique<RowLoader>(m_path);
    }

    void cleanupTestCase()
    {
        m_loader.reset();
        m_cache.reset();
    }

    void shouldPassTheModelTesterAndCountEveryRow_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("videos") << u"videos"_qs;
        QTest::newRow("games") << u"games"_qs;
        QTest::newRow("tags") << u"tags"_qs;
        QTest::newRow("users") << u"users"_qs;
    }
    void shouldPassTheModelTesterAndCountEveryRow()
    {
        QFETCH(QString, table);
        std::unique_ptr<LazyTableModel> model;
        if (table == QLatin1String("videos"))
            model = std::make_unique<VideoTableModel>(m_loader.get());
        else if (table == QLatin1String("games"))
            model = std::make_unique<GameTableModel>(m_loader.get());
        else if (table == QLatin1String("tags"))
            model = std::make_unique<TagTableModel>(m_loader.get());
        else
            model = std::make_unique<UserTableModel>(m_loader.get());
        QAbstractItemModelTester tester(model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitReady(*model));
        QCOMPARE(
            model->rowCount(),
            scalar(m_cache->database(), QStringLiteral("SELECT count(*) FROM ") + table).toInt());
        const QList<qint64> ids = allIds(*model);
        QCOMPARE(ids.size(), model->rowCount());
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), ids.size()); // every row once
        // Every column of a loaded row has display text or is deliberately empty.
        for (int c = 0; c < model->columnCount(); ++c)
            QVERIFY(!model->headerData(c, Qt::Horizontal).toString().isEmpty());
        // Sorting by each sortable column keeps the tester happy and every row.
        for (int c = 0; c < model->columnCount(); ++c) {
            if (!model->isSortable(c))
                continue;
            model->sort(c, Qt::AscendingOrder);
            QVERIFY(waitReady(*model));
            QCOMPARE(model->rowCount(), ids.size());
        }
    }

    void shouldFilterVideosLikeSql_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("where");
        QTest::newRow("chinese substring")
            << u"联盟"_qs << QString() << u"instr(title, '联盟') > 0"_qs;
        QTest::newRow("two chinese terms")
            << u"教程 英雄"_qs << QString()
            << u"instr(title, '教程') > 0 AND instr(title, '英雄') > 0"_qs;
        QTest::newRow("featured") << QString() << u"featured"_qs << u"featured = 1"_qs;
        QTest::newRow("untagged") << QString() << u"untagged"_qs << u"tag_count = 0"_qs;
        QTest::newRow("source") << QString() << u"source"_qs << u"source = 'mobile_recorder'"_qs;
        QTest::newRow("game") << QString() << u"game"_qs << u"game_id = 1"_qs;
        QTest::newRow("tag")
            << QString() << u"tag"_qs
            << u"id IN (SELECT video_id FROM video_tags WHERE tag_id = (SELECT min(t.id) FROM tags t JOIN tag_groups g ON g.id = t.group_id WHERE g.kind = 'general'))"_qs;
        QTest::newRow("uploader") << QString() << u"uploader"_qs << u"uploader_id = 1"_qs;
        QTest::newRow("search and untagged")
            << u"教程"_qs << u"untagged"_qs << u"instr(title, '教程') > 0 AND tag_count = 0"_qs;
        QTest::newRow("nothing matches") << u"不存在的标题词"_qs << QString() << u"0"_qs;
    }
    void shouldFilterVideosLikeSql()
    {
        QFETCH(QString, search);
        QFETCH(QString, field);
        QFETCH(QString, where);
        VideoTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        VideoTableModel::Filter f;
        f.search = search;
        if (field == QLatin1String("featured"))
            f.featuredOnly = true;
        else if (field == QLatin1String("untagged"))
            f.untaggedOnly = true;
        else if (field == QLatin1String("source"))
            f.source = QStringLiteral("mobile_recorder");
        else if (field == QLatin1String("game"))
            f.gameId = 1;
        else if (field == QLatin1String("uploader"))
            f.uploaderId = 1;
        else if (field == QLatin1String("tag"))
            f.tagId = scalar(m_cache->database(),
                             QStringLiteral("SELECT min(t.id) FROM tags t JOIN tag_groups g ON "
                                            "g.id = t.group_id WHERE g.kind = 'general'"))
                          .toLongLong();
        model.setFilter(f);
        QVERIFY(waitReady(model));
        const QList<qint64> expected =
            sqlIds(QStringLiteral("SELECT id FROM videos WHERE ") + where +
                   QStringLiteral(" ORDER BY published_at DESC, id DESC"));
        QCOMPARE(allIds(model), expected);
    }

    void shouldExportTheViewAsShown_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("selection");
        QTest::newRow("csv, every row") << "csv" << false;
        QTest::newRow("json, every row") << "json" << false;
        QTest::newRow("csv, selection") << "csv" << true;
        QTest::newRow("json, selection") << "json" << true;
    }

    void shouldExportTheViewAsShown()
    {
        QFETCH(QString, suffix);
        QFETCH(bool, selection);
        VideoTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        VideoTableModel::Filter f;
        f.gameId = 1;
        model.setFilter(f);
        QVERIFY(waitReady(model));
        model.sort(VideoTableModel::PlaysColumn, Qt::DescendingOrder);
        QVERIFY(waitReady(model));
        QList<qint64> expected = sqlIds(QStringLiteral("SELECT id FROM videos WHERE game_id = 1 "
                                                       "ORDER BY plays DESC, id DESC"));
        QVERIFY(expected.size() > 20);
        TableExporter exporter(&model);
        if (selection) {
            // Rows 2-4 and 10 of the view, by their ids.
            exporter.setIds({model.idAt(2), model.idAt(3), model.idAt(4), model.idAt(10)});
            expected = {expected[2], expected[3], expected[4], expected[10]};
        }
        const QString path = m_dir.filePath(QStringLiteral("export.") + suffix);
        const TableExporter::Result r = exporter.write(m_path, path, TableExporter::formatOf(path));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rows, expected.size());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<qint64> ids;
        QList<qint64> plays;
        QStringList published;
        if (suffix == QLatin1String("csv")) {
            QVERIFY(file.peek(3) == "\xEF\xBB\xBF");
            RecordReader reader(&file, RecordReader::Format::Csv,
                                {QStringLiteral("id"), QStringLiteral("title"),
                                 QStringLiteral("game"), QStringLiteral("uploader"),
                                 QStringLiteral("source"), QStringLiteral("duration"),
                                 QStringLiteral("published"), QStringLiteral("featured"),
                                 QStringLiteral("plays"), QStringLiteral("tags")});
            QVERIFY2(reader.start(), qPrintable(reader.failure().reason));
            while (reader.next()) {
                ids.append(reader.field(0).text.toLongLong());
                plays.append(reader.field(8).text.toLongLong());
                published.append(QString::fromUtf8(reader.field(6).text));
            }
            QVERIFY2(!reader.failed(), qPrintable(reader.failure().reason));
        } else {
            const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
            for (const QJsonValue &v : rows) {
                const QJsonObject o = v.toObject();
                QVERIFY(o.value(QLatin1String("plays")).isDouble());
                QVERIFY(o.value(QLatin1String("featured")).isBool());
                ids.append(o.value(QLatin1String("id")).toInteger());
                plays.append(o.value(QLatin1String("plays")).toInteger());
                published.append(o.value(QLatin1String("published")).toString());
            }
        }
        QCOMPARE(ids, expected);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QCOMPARE(plays[i],
                     scalar(m_cache->database(),
                            QStringLiteral("SELECT plays FROM videos WHERE id = ?"), {ids[i]})
                         .toLongLong());
            const QDateTime at = QDateTime::fromString(published[i], Qt::ISODate);
            QVERIFY2(at.isValid() && published[i].endsWith(QLatin1String("+08:00")),
                     qPrintable(published[i]));
            QCOMPARE(at.toSecsSinceEpoch(),
                     scalar(m_cache->database(),
                            QStringLiteral("SELECT published_at FROM videos WHERE id = ?"),
                            {ids[i]})
                         .toLongLong());
        }
    }

    void shouldExportTheSelectedRowsAfterTheCacheChanged()
    {
        VideoTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        VideoTableModel::Filter f;
        f.gameId = 1;
        model.setFilter(f);
        QVERIFY(waitReady(model));
        model.sort(VideoTableModel::PlaysColumn, Qt::DescendingOrder);
        QVERIFY(waitReady(model));
        QVERIFY(model.rowCount() > 20);
        // The selection: rows 10, 2, 3 and 4 of the view, in the view's order.
        const QList<qint64> selected = {model.idAt(2), model.idAt(3), model.idAt(4),
                                        model.idAt(10)};
        TableExporter exporter(&model);
        exporter.setIds(selected);
        // A sync lands before the worker reads: row 12 goes to the top (rows 2-4 would now
        // be other videos), the video of row 3 moves to another game (out of the filter)
        // and the one of row 10 is deleted.
        const qint64 top = model.idAt(12);
        const qint64 plays = scalar(m_cache->database(),
                                    QStringLiteral("SELECT plays FROM videos WHERE id = ?"), {top})
                                 .toLongLong();
        QSqlQuery q(m_cache->database());
        QVERIFY(q.exec(
            QStringLiteral("UPDATE videos SET plays = plays + 1000000000 WHERE id = %1").arg(top)));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE videos SET game_id = 2 WHERE id = %1").arg(selected[1])));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM videos WHERE id = %1").arg(selected[3])));
        const QString path = m_dir.filePath(QStringLiteral("selected-after-sync.json"));
        const TableExporter::Result r = exporter.write(m_path, path, TableExporter::Format::Json);
        QVERIFY(q.exec(
            QStringLiteral("UPDATE videos SET plays = %1 WHERE id = %2").arg(plays).arg(top)));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE videos SET game_id = 1 WHERE id = %1").arg(selected[1])));
        QVERIFY2(r.ok, qPrintable(r.error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<qint64> ids;
        for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).array())
            ids.append(v.toObject().value(QLatin1String("id")).toInteger());
        QCOMPARE(ids, selected.mid(0, 3));
        QCOMPARE(r.rows, 3);
    }

    void shouldDefuseFormulasInCsv_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("equals") << QVariant(u"=1+1"_qs) << u"'=1+1"_qs;
        QTest::newRow("plus") << QVariant(u"+86 10 1234"_qs) << u"'+86 10 1234"_qs;
        QTest::newRow("minus") << QVariant(u"-2+3"_qs) << u"'-2+3"_qs;
        QTest::newRow("at") << QVariant(u"@SUM(A1:A9)"_qs) << u"'@SUM(A1:A9)"_qs;
        QTest::newRow("tab") << QVariant(u"\t=cmd"_qs) << u"'\t=cmd"_qs;
        QTest::newRow("carriage return") << QVariant(u"\r=cmd"_qs) << u"'\r=cmd"_qs;
        QTest::newRow("a formula inside") << QVariant(u"a=b+c"_qs) << u"a=b+c"_qs;
        QTest::newRow("Chinese") << QVariant(u"原神"_qs) << u"原神"_qs;
        QTest::newRow("empty text") << QVariant(QString()) << QString();
        QTest::newRow("a negative number") << QVariant(qint64(-5)) << u"-5"_qs;
        QTest::newRow("a negative fraction") << QVariant(-1.5) << u"-1.5"_qs;
        QTest::newRow("a boolean") << QVariant(true) << u"true"_qs;
    }

    void shouldDefuseFormulasInCsv()
    {
        QFETCH(QVariant, value);
        QFETCH(QString, cell);
        QCOMPARE(TableExporter::csvText(value), cell);
    }

    void shouldDefuseAFormulaInAnExportedName()
    {
        const qint64 id =
            scalar(m_cache->database(), QStringLiteral("SELECT min(id) FROM games")).toLongLong();
        const QString name =
            scalar(m_cache->database(), QStringLiteral("SELECT name FROM games WHERE id = ?"), {id})
                .toString();
        QSqlQuery q(m_cache->database());
        q.prepare(QStringLiteral("UPDATE games SET name = ? WHERE id = ?"));
        q.addBindValue(QStringLiteral("=HYPERLINK(\"http://x\")"));
        q.addBindValue(id);
        QVERIFY(q.exec());
        GameTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        const QString path = m_dir.filePath(QStringLiteral("formula.csv"));
        const TableExporter::Result r =
            TableExporter(&model).write(m_path, path, TableExporter::Format::Csv);
        q.prepare(QStringLiteral("UPDATE games SET name = ? WHERE id = ?"));
        q.addBindValue(name);
        q.addBindValue(id);
        QVERIFY(q.exec());
        QVERIFY2(r.ok, qPrintable(r.error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), csv.left(300).constData());
    }

    void shouldLeaveNoFileWhenAnExportFails()
    {
        GameTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        const QString path = m_dir.filePath(QStringLiteral("no-such-dir/games.csv"));
        const TableExporter::Result r =
            TableExporter(&model).write(m_path, path, TableExporter::Format::Csv);
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!QFile::exists(path));
        // A cancelled export keeps nothing either.
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.json"));
        std::atomic_bool stop{true};
        const TableExporter::Result c =
            TableExporter(&model).write(m_path, cancelled, TableExporter::Format::Json, &stop);
        QVERIFY(!c.ok && c.cancelled);
        QVERIFY(!QFile::exists(cancelled));
    }

    void shouldFindEveryChineseSubstringOfATitle()
    {
        // Property: for Chinese substrings of real titles, the FTS index finds exactly the
        // videos whose title contains the substring.
        QSqlQuery titles(m_cache->database());
        QVERIFY(titles.exec(QStringLiteral("SELECT title FROM videos WHERE id % 37 = 0")));
        quint32 state = 12345;
        auto next = [&state] {
            return state = state * 1664525u + 1013904223u;
        };
        int checked = 0;
        while (titles.next() && checked < 150) {
            const QList<uint> chars = titles.value(0).toString().toUcs4();
            const int length = 1 + int(next() % 4);
            if (chars.size() <= length)
                continue;
            const int start = int(next() % (chars.size() - length));
            const QString piece = QString::fromUcs4(
                reinterpret_cast<const char32_t *>(chars.constData()) + start, length);
            bool allCjk = true;
            for (const char32_t c : piece.toUcs4())
                allCjk = allCjk && SearchText::isCjk(c);
            if (!allCjk)
                continue;
            const int viaIndex =
                scalar(
                    m_cache->database(),
                    QStringLiteral("SELECT count(*) FROM video_search WHERE video_search MATCH ?"),
                    {SearchText::matchExpression(piece)})
                    .toInt();
            const int viaScan =
                scalar(m_cache->database(),
                       QStringLiteral("SELECT count(*) FROM videos WHERE instr(title, ?) > 0"),
                       {piece})
                    .toInt();
            QVERIFY2(
                viaIndex == viaScan,
                qPrintable(
                    QStringLiteral("%1: index %2, scan %3").arg(piece).arg(viaIndex).arg(viaScan)));
            ++checked;
        }
        QVERIFY(checked >= 50);
    }

    void shouldSortInSqlAndReadTheLastRowFromTheEnd_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("orderBy");
        QTest::newRow("plays ascending")
            << int(VideoTableModel::PlaysColumn) << int(Qt::AscendingOrder) << u"plays, id"_qs;
        QTest::newRow("plays descending") << int(VideoTableModel::PlaysColumn)
                                          << int(Qt::DescendingOrder) << u"plays DESC, id DESC"_qs;
        QTest::newRow("title") << int(VideoTableModel::TitleColumn) << int(Qt::AscendingOrder)
                               << u"title, id"_qs;
        QTest::newRow("game by name")
            << int(VideoTableModel::GameColumn) << int(Qt::AscendingOrder)
            << u"(SELECT name FROM games WHERE id = game_id), published_at, id"_qs;
        QTest::newRow("duration descending")
            << int(VideoTableModel::DurationColumn) << int(Qt::DescendingOrder)
            << u"duration_s DESC, id DESC"_qs;
        QTest::newRow("tags") << int(VideoTableModel::TagsColumn) << int(Qt::AscendingOrder)
                              << u"tag_count, published_at, id"_qs;
    }
    void shouldSortInSqlAndReadTheLastRowFromTheEnd()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, orderBy);
        VideoTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        model.sort(column, Qt::SortOrder(order));
        QVERIFY(waitReady(model));
        const QList<qint64> expected =
            sqlIds(QStringLiteral("SELECT id FROM videos ORDER BY ") + orderBy);
        QCOMPARE(model.rowCount(), expected.size());
        // The last window first: it is read with the order reversed.
        const int last = model.rowCount() - 1;
        QCOMPARE(model.idAt(last), qint64(-1));
        QSignalSpy loaded(&model, &LazyTableModel::rowsLoaded);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(model.idAt(last), expected.last());
        QCOMPARE(allIds(model), expected);
    }

    void shouldDropStaleResults()
    {
        VideoTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        QSignalSpy ready(&model, &LazyTableModel::ready);
        VideoTableModel::Filter f;
        f.featuredOnly = true;
        model.setFilter(f);
        f.featuredOnly = false;
        f.untaggedOnly = true;
        model.setFilter(f);
        QVERIFY(ready.wait(20000));
        QTest::qWait(200);
        QCOMPARE(ready.count(), 1); // the first filter's result never arrived
        QCOMPARE(model.rowCount(),
                 scalar(m_cache->database(),
                        QStringLiteral("SELECT count(*) FROM videos WHERE tag_count = 0"))
                     .toInt());
    }

    void shouldFilterTagsByGroupAndSearch()
    {
        TagTableModel model(m_loader.get());
        QVERIFY(waitReady(model));
        TagTableModel::Filter f;
        f.groupKind = QStringLiteral("dimension");
        model.setFilter(f);
        QVERIFY(waitReady(model));
        QCOMPARE(model.rowCount(),
                 scalar(m_cache->database(),
                        QStringLiteral("SELECT count(*) FROM tags t JOIN tag_groups g ON g.id = "
                                       "t.group_id WHERE g.kind = 'dimension'"))
                     .toInt());
        f = {};
        f.search = QStringLiteral("moba");
        model.setFilter(f);
        QVERIFY(waitReady(model));
        QVERIFY(model.rowCount() >= 1);
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString text =
                model.index(r, TagTableModel::NameColumn).data().toString() +
                model.index(r, TagTableModel::EnglishNameColumn).data().toString() +
                model.index(r, TagTableModel::AliasesColumn).data().toString();
            QVERIFY2(text.contains(QLatin1String("moba"), Qt::CaseInsensitive), qPrintable(text));
        }
    }

    void shouldBuildTheTagGroupTree()
    {
        TagGroupTreeModel tree;
        QAbstractItemModelTester tester(&tree,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(tree.reload(m_cache->database()));
        QCOMPARE(tree.rowCount(), 3); // game tags, general library, game libraries
        const QModelIndex dimensions = tree.index(0, 0);
        QCOMPARE(tree.rowCount(dimensions), 7);
        const QModelIndex libraries = tree.index(2, 0);
        const int games =
            scalar(m_cache->database(), QStringLiteral("SELECT count(*) FROM games")).toInt();
        QCOMPARE(tree.rowCount(libraries), games);
        const QModelIndex firstLibrary = tree.index(0, 0, libraries);
        QCOMPARE(tree.rowCount(firstLibrary), 4);
        QCOMPARE(tree.data(firstLibrary, TagGroupTreeModel::GroupIdsRole).toList().size(), 5);
        int total = 0;
        for (int r = 0; r < tree.rowCount(); ++r)
            total += tree.data(tree.index(r, 0), TagGroupTreeModel::TagCountRole).toInt();
        QCOMPARE(total,
                 scalar(m_cache->database(), QStringLiteral("SELECT count(*) FROM tags")).toInt());
        const qint64 groupId = tree.data(firstLibrary, TagGroupTreeModel::GroupIdRole).toLongLong();
        QCOMPARE(tree.indexOfGroup(groupId), firstLibrary);
    }
};

QTEST_GUILESS_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
