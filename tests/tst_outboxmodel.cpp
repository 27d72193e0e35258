#include "cachedatabase.h"
#include "cacheeditor.h"
#include "catalogue.h"
#include "outboxmodel.h"
#include "testsupport.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::scalar;

/// The list of changes that wait for the user's decision: only rejected and conflicting
/// operations, described for people with the names of what they touch, central's reason or
/// values beside them; a decision takes the change off the list.
class TestOutboxModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_template;
    std::unique_ptr<CacheDatabase> m_cache;
    qint64 m_video = 0;
    QString m_videoTitle;
    qint64 m_tag = 0;
    QString m_tagName;
    qint64 m_tag2 = 0;
    int m_ops = 0;

    /// Replaces {video}, {title}, {tag}, {tagName}, {tag2} in \a text.
    QString fill(QString text) const
    {
        text.replace(QStringLiteral("{video}"), QString::number(m_video));
        text.replace(QStringLiteral("{title}"), m_videoTitle);
        text.replace(QStringLiteral("{tag}"), QString::number(m_tag));
        text.replace(QStringLiteral("{tagName}"), m_tagName);
        text.replace(QStringLiteral("{tag2}"), QString::number(m_tag2));
        return text;
    }

    /// An outbox row as the sync engine leaves it.
    QString addOp(const QString &kind, const QString &payload, const QString &state,
                  const QString &error = {}, const QString &result = {}, qint64 updatedAt = 0)
    {
        const QString id =
            QStringLiteral("00000000-0000-7000-8000-%1").arg(++m_ops, 12, 10, QLatin1Char('0'));
        QSqlQuery q(m_cache->database());
        q.prepare(QStringLiteral(
            "INSERT INTO outbox (op_id, local_tx, kind, payload, state, last_error, result, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(m_ops);
        q.addBindValue(kind);
        q.addBindValue(fill(payload));
        q.addBindValue(state);
        q.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : error);
        q.addBindValue(result.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : fill(result));
        q.addBindValue(updatedAt > 0 ? updatedAt : 1700000000 + m_ops);
        q.addBindValue(updatedAt > 0 ? updatedAt : 1700000000 + m_ops);
        if (!q.exec())
            qWarning("%s", qPrintable(q.lastError().text()));
        return id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Translations::install(QStringLiteral("en"));
        m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
        const QString error = TestSupport::writeDemoCache(m_template, 300, 3);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init()
    {
        // Each test on its own copy of the demo cache.
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_ops));
        QVERIFY(QFile::copy(m_template, path));
        m_cache = std::make_unique<CacheDatabase>();
        QVERIFY2(m_cache->open(path), qPrintable(m_cache->errorString()));
        const QSqlDatabase db = m_cache->database();
        m_video = scalar(db, QStringLiteral("SELECT min(id) FROM videos")).toLongLong();
        m_videoTitle =
            scalar(db, QStringLiteral("SELECT title FROM videos WHERE id = ?"), {m_video})
                .toString();
        m_tag = scalar(db, QStringLiteral("SELECT min(t.id) FROM tags t JOIN tag_groups g ON "
                                          "g.id = t.group_id WHERE g.kind = 'general'"))
                    .toLongLong();
        // The name as the UI shows it (the English one in an English UI).
        m_tagName = Catalogue::Labels::name(
            scalar(db, QStringLiteral("SELECT name FROM tags WHERE id = ?"), {m_tag}).toString(),
            scalar(db, QStringLiteral("SELECT name_en FROM tags WHERE id = ?"), {m_tag})
                .toString());
        m_tag2 = scalar(db, QStringLiteral("SELECT min(id) FROM tags WHERE id > ?"), {m_tag})
                     .toLongLong();
        QVERIFY(m_video > 0 && m_tag > 0 && m_tag2 > 0);
    }

    void cleanup() { m_cache.reset(); }

    void shouldDescribeEachWaitingChange_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("stateText");
        QTest::addColumn<QString>("reason");

        QTest::newRow("rejected tags of a video")
            << u"video_tags"_qs << u"{\"video_id\":{video},\"add\":[{tag},{tag2}]}"_qs
            << u"rejected"_qs << u"permission denied for table video_tags (42501)"_qs << QString()
            << u"Video {video} “{title}”: add tags {tagName} ({tag}), "_qs << u"Rejected"_qs
            << u"permission denied for table video_tags (42501)"_qs;
        QTest::newRow("rejected removal")
            << u"video_tags"_qs << u"{\"video_id\":{video},\"remove\":[{tag}]}"_qs << u"rejected"_qs
            << QString() << QString()
            << u"Video {video} “{title}”: remove tags {tagName} ({tag})"_qs << u"Rejected"_qs
            << u"Central refused the change."_qs;
        QTest::newRow("conflicting tag name")
            << u"tag_update"_qs << u"{\"tag_id\":{tag},\"name\":\"我的名字\"}"_qs << u"conflict"_qs
            << QString()
            << u"{\"status\":\"conflict\",\"current\":{\"id\":{tag},\"name\":\"他们的\","
               "\"row_version\":7}}"_qs
            << u"Tag {tag} “{tagName}”: name → 我的名字"_qs << u"Conflict"_qs
            << u"Someone else changed it first; central has name = 他们的."_qs;
        QTest::newRow("conflicting aliases and status")
            << u"tag_update"_qs
            << u"{\"tag_id\":{tag},\"aliases\":[\"a\",\"b\"],\"status\":\"retired\"}"_qs
            << u"conflict"_qs << QString()
            << u"{\"status\":\"conflict\",\"current\":{\"id\":{tag},\"aliases\":[\"c\"],"
               "\"status\":\"active\",\"row_version\":3}}"_qs
            << u"Tag {tag} “{tagName}”: aliases → a, b, status → Retired"_qs << u"Conflict"_qs
            << u"Someone else changed it first; central has aliases = c, status = Active."_qs;
        QTest::newRow("rejected new tag")
            << u"tag_create"_qs << u"{\"group_id\":1,\"name\":\"新标签\"}"_qs << u"rejected"_qs
            << u"duplicate key (23505)"_qs << QString() << u"New tag “新标签”"_qs << u"Rejected"_qs
            << u"duplicate key (23505)"_qs;
        QTest::newRow("unknown video")
            << u"video_tags"_qs << u"{\"video_id\":999999999,\"add\":[{tag}]}"_qs << u"rejected"_qs
            << u"gone"_qs << QString() << u"Video 999999999: add tags {tagName} ({tag})"_qs
            << u"Rejected"_qs << u"gone"_qs;
    }
    void shouldDescribeEachWaitingChange()
    {
        QFETCH(QString, kind);
        QFETCH(QString, payload);
        QFETCH(QString, state);
        QFETCH(QString, error);
        QFETCH(QString, result);
        QFETCH(QString, change);
        QFETCH(QString, stateText);
        QFETCH(QString, reason);
        const QString id = addOp(kind, payload, state, error, result);
        OutboxModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(model.reload(m_cache->database()), qPrintable(model.errorString()));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(OutboxModel::ColumnCount));
        const auto cell = [&](int column) {
            return model.index(0, column).data().toString();
        };
        QVERIFY2(
            cell(OutboxModel::ChangeColumn).startsWith(fill(change)),
            qPrintable(cell(OutboxModel::ChangeColumn) + QStringLiteral(" / ") + fill(change)));
        QCOMPARE(cell(OutboxModel::StateColumn), stateText);
        QCOMPARE(cell(OutboxModel::ReasonColumn), reason);
        QVERIFY(!cell(OutboxModel::WhenColumn).isEmpty());
        QCOMPARE(model.index(0, 0).data(OutboxModel::IdRole).toString(), id);
        QCOMPARE(model.index(0, 0).data(OutboxModel::StateRole).toString(), state);
        QCOMPARE(model.index(0, 0).data(OutboxModel::KindRole).toString(), kind);
    }

    void shouldListOnlyChangesWaitingForADecision_data()
    {
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("rejected");
        QTest::addColumn<int>("conflicts");
        QTest::newRow("none") << QStringList() << 0 << 0 << 0;
        QTest::newRow("settled and outstanding ones are not listed")
            << QStringList{u"pending"_qs, u"sent"_qs, u"applied"_qs, u"discarded"_qs} << 0 << 0
            << 0;
        QTest::newRow("mixed") << QStringList{u"pending"_qs, u"rejected"_qs, u"conflict"_qs,
                                              u"rejected"_qs, u"applied"_qs}
                               << 3 << 2 << 1;
    }
    void shouldListOnlyChangesWaitingForADecision()
    {
        QFETCH(QStringList, states);
        QFETCH(int, rows);
        QFETCH(int, rejected);
        QFETCH(int, conflicts);
        for (const QString &state : std::as_const(states))
            addOp(QStringLiteral("video_tags"),
                  QStringLiteral("{\"video_id\":{video},\"add\":[{tag}]}"), state);
        OutboxModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload(m_cache->database()));
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.rejectedCount(), rejected);
        QCOMPARE(model.conflictCount(), conflicts);
        // Newest first.
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.entry(row - 1).updatedAt >= model.entry(row).updatedAt);
    }

    void shouldDropAChangeOnceDecided_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("resolution");
        QTest::addColumn<QString>("newState");
        QTest::addColumn<int>("newOps");
        using R = CacheEditor::Resolution;
        QTest::newRow("retry rejected") << u"rejected"_qs << int(R::Retry) << u"pending"_qs << 0;
        QTest::newRow("discard rejected")
            << u"rejected"_qs << int(R::Discard) << u"discarded"_qs << 0;
        QTest::newRow("keep mine") << u"conflict"_qs << int(R::KeepMine) << u"discarded"_qs << 1;
        QTest::newRow("take theirs")
            << u"conflict"_qs << int(R::TakeTheirs) << u"discarded"_qs << 0;
        QTest::newRow("edit") << u"conflict"_qs << int(R::Edit) << u"discarded"_qs << 1;
    }
    void shouldDropAChangeOnceDecided()
    {
        QFETCH(QString, state);
        QFETCH(int, resolution);
        QFETCH(QString, newState);
        QFETCH(int, newOps);
        const bool conflict = state == QLatin1String("conflict");
        const QString id =
            conflict ? addOp(QStringLiteral("tag_update"),
                             QStringLiteral("{\"tag_id\":{tag},\"name\":\"我的\"}"), state, {},
                             QStringLiteral("{\"status\":\"conflict\",\"current\":{\"id\":{tag},"
                                            "\"name\":\"他们的\",\"row_version\":5}}"))
                     : addOp(QStringLiteral("video_tags"),
                             QStringLiteral("{\"video_id\":{video},\"add\":[{tag2}]}"), state,
                             QStringLiteral("no"));
        OutboxModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload(m_cache->database()));
        QCOMPARE(model.rowCount(), 1);
        const qint64 before =
            scalar(m_cache->database(), QStringLiteral("SELECT count(*) FROM outbox")).toLongLong();
        CacheEditor editor(*m_cache);
        const CacheEditor::Result result =
            editor.resolve(id, CacheEditor::Resolution(resolution),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("改过的")}});
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(scalar(m_cache->database(),
                        QStringLiteral("SELECT state FROM outbox WHERE op_id = ?"), {id})
                     .toString(),
                 newState);
        QCOMPARE(
            scalar(m_cache->database(), QStringLiteral("SELECT count(*) FROM outbox")).toLongLong(),
            before + newOps);
        QVERIFY(model.reload(m_cache->database()));
        QCOMPARE(model.rowCount(), 0);
    }

    void shouldNameEditableFieldsOfConflictsOnly()
    {
        addOp(QStringLiteral("tag_update"),
              QStringLiteral("{\"tag_id\":{tag},\"status\":\"retired\",\"name\":\"x\"}"),
              QStringLiteral("conflict"), {},
              QStringLiteral("{\"status\":\"conflict\",\"current\":{\"id\":{tag}}}"), 2000000000);
        addOp(QStringLiteral("video_tags"),
              QStringLiteral("{\"video_id\":{video},\"add\":[{tag}]}"), QStringLiteral("rejected"),
              QStringLiteral("no"), {}, 1000000000);
        OutboxModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload(m_cache->database()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(OutboxModel::EditableFieldsRole).toStringList(),
                 (QStringList{u"name"_qs, u"status"_qs}));
        QVERIFY(model.index(1, 0).data(OutboxModel::EditableFieldsRole).toStringList().isEmpty());
        QCOMPARE(model.headerData(OutboxModel::ReasonColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Reason / central's values"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxModel)
#include "tst_outboxmodel.moc"
