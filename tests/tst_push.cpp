#include "centralconnection.h"
#include "centralstaff.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>
#include <thread>

/// apply_ops, the push side of sync: idempotent per (client, op), editors' operations become
/// change requests, supervisors' apply directly (or per the approval policy), every refusal
/// is an SQLSTATE the client can classify.
class TestPush : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QHash<QString, QString> m_names;
    qint64 m_gameA = 0;
    qint64 m_gameB = 0;
    qint64 m_videoA = 0;
    qint64 m_videoB = 0;
    qint64 m_tag = 0;
    qint64 m_tag2 = 0;
    QString m_client = QUuid::createUuid().toString(QUuid::WithoutBraces);

    struct Push
    {
        bool ok = false;
        QString state;
        QString message;
        QJsonObject reply;
        /// The result of the batch's first operation.
        QJsonObject first() const
        {
            return reply.value(QStringLiteral("results")).toArray().at(0).toObject();
        }
    };

    static QJsonObject op(const QString &id, const QString &kind, const QJsonObject &payload,
                          qint64 base = 0)
    {
        QJsonObject o{{QStringLiteral("op_id"), id},
                      {QStringLiteral("kind"), kind},
                      {QStringLiteral("payload"), payload}};
        if (base > 0)
            o.insert(QStringLiteral("base_row_version"), base);
        return o;
    }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    Push push(const QSqlDatabase &db, const QJsonArray &ops, const QString &client = {})
    {
        Push p;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT coulisse.apply_ops(?::uuid, ?::jsonb)::text"));
        q.addBindValue(client.isEmpty() ? m_client : client);
        q.addBindValue(QString::fromUtf8(QJsonDocument(ops).toJson(QJsonDocument::Compact)));
        p.ok = q.exec() && q.next();
        if (p.ok)
            p.reply = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        p.state = CentralConnection::sqlState(q.lastError());
        p.message = q.lastError().text();
        return p;
    }

    QSqlDatabase login(const QString &who, const QString &connection = {})
    {
        QString error;
        const QSqlDatabase db = m_store->login(m_names.value(who), &error, connection);
        if (!db.isOpen())
            qWarning("%s", qPrintable(error));
        return db;
    }

    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_store->installer());
        if (!q.exec(sql) || !q.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return -1;
        }
        return q.value(0).toLongLong();
    }

    QJsonObject tagOp(qint64 video, qint64 tag, bool add = true)
    {
        return QJsonObject{
            {QStringLiteral("video_id"), video},
            {add ? QStringLiteral("add") : QStringLiteral("remove"), QJsonArray{tag}}};
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<TestStore>(QStringLiteral("push"));
        QCOMPARE(m_store->create(), QString());
        for (const char *sql :
             {"INSERT INTO coulisse.tag_groups (kind, name) VALUES ('general', '通用')",
              "INSERT INTO coulisse.tags (group_id, name) SELECT id, unnest(ARRAY['教程', "
              "'搞笑']) FROM coulisse.tag_groups WHERE kind = 'general'",
              "INSERT INTO coulisse.games (name) VALUES ('A'), ('B')",
              "INSERT INTO coulisse.videos (title, game_id, source, duration_s, published_at) "
              "SELECT 'video ' || name, id, 'web_upload', 30, now() FROM coulisse.games"})
            QCOMPARE(m_store->exec(QString::fromUtf8(sql)), QString());
        m_gameA = count(QStringLiteral("SELECT id FROM coulisse.games WHERE name = 'A'"));
        m_gameB = count(QStringLiteral("SELECT id FROM coulisse.games WHERE name = 'B'"));
        m_videoA =
            count(QStringLiteral("SELECT id FROM coulisse.videos WHERE game_id = %1").arg(m_gameA));
        m_videoB =
            count(QStringLiteral("SELECT id FROM coulisse.videos WHERE game_id = %1").arg(m_gameB));
        m_tag = count(QStringLiteral("SELECT id FROM coulisse.tags WHERE name = '教程'"));
        m_tag2 = count(QStringLiteral("SELECT id FROM coulisse.tags WHERE name = '搞笑'"));
        for (const auto &[name, role] :
             {std::pair{"editor", "editor"}, std::pair{"supervisor", "supervisor"},
              std::pair{"supervisor2", "supervisor"}, std::pair{"pm", "pm"}}) {
            QString error;
            const QString roleName =
                m_store->addStaff(QString::fromLatin1(name), QString::fromLatin1(role), &error);
            QVERIFY2(!roleName.isEmpty(), qPrintable(error));
            m_names.insert(QString::fromLatin1(name), roleName);
        }
        CentralStaff admin(m_store->installer());
        QVERIFY(admin.setScope(m_names.value(QStringLiteral("editor")), {m_gameA}));
    }

    void cleanupTestCase() { m_store.reset(); }

    void shouldApplyASupervisorsOperationOnce()
    {
        const QSqlDatabase db = login(QStringLiteral("supervisor"));
        const QString id = newId();
        const QJsonArray ops{op(id, QStringLiteral("video_tags"), tagOp(m_videoA, m_tag))};
        const Push first = push(db, ops);
        QVERIFY2(first.ok, qPrintable(first.message));
        QVERIFY(!first.reply.value(QStringLiteral("txid")).toString().isEmpty());
        const QJsonObject result = first.first();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(result.value(QStringLiteral("added")).toInt(), 1);
        // Sent again (the reply was lost): the stored result, nothing applied twice.
        const Push again = push(db, ops);
        QVERIFY2(again.ok, qPrintable(again.message));
        const QJsonObject resent = again.first();
        QCOMPARE(resent.value(QStringLiteral("added")).toInt(), 1);
        QVERIFY(resent.value(QStringLiteral("resent")).toBool());
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE video_id = %1 "
                                 "AND tag_id = %2")
                      .arg(m_videoA)
                      .arg(m_tag)),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE tbl = "
                                      "'video_tags' AND op = 'INSERT' AND actor = '%1'")
                           .arg(m_names.value(QStringLiteral("supervisor")))),
                 1);
    }

    void shouldTurnAnEditorsOperationIntoARequest()
    {
        const QSqlDatabase db = login(QStringLiteral("editor"));
        const QString id = newId();
        const QJsonArray ops{op(id, QStringLiteral("video_tags"), tagOp(m_videoA, m_tag2))};
        const Push first = push(db, ops);
        QVERIFY2(first.ok, qPrintable(first.message));
        const QJsonObject result = first.first();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(result.value(QStringLiteral("request_id")).toString(), id);
        QVERIFY(push(db, ops).ok);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE id = "
                                      "'%1' AND status = 'pending' AND requested_by = '%2'")
                           .arg(id, m_names.value(QStringLiteral("editor")))),
                 1);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE video_id = %1 "
                                 "AND tag_id = %2")
                      .arg(m_videoA)
                      .arg(m_tag2)),
            0);
    }

    void shouldFollowTheApprovalPolicy()
    {
        // Games need a second supervisor by default: a supervisor's game change is a request.
        const QSqlDatabase db = login(QStringLiteral("supervisor"));
        const Push p = push(db, {op(newId(), QStringLiteral("game_create"),
                                    {{QStringLiteral("name"), QStringLiteral("新游戏")}})});
        QVERIFY2(p.ok, qPrintable(p.message));
        QCOMPARE(p.first().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.games WHERE name = '新游戏'")),
                 0);
    }

    void shouldReportConflictsOfStaleEdits()
    {
        const QSqlDatabase db = login(QStringLiteral("supervisor"));
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.tags SET name_en = 'Tutorial' WHERE "
                                              "id = %1")
                                   .arg(m_tag)),
                 QString()); // row_version 2 now
        const Push p = push(db, {op(newId(), QStringLiteral("tag_update"),
                                    {{QStringLiteral("tag_id"), m_tag},
                                     {QStringLiteral("name_en"), QStringLiteral("Guide")}},
                                    1)});
        QVERIFY2(p.ok, qPrintable(p.message));
        const QJsonObject result = p.first();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QCOMPARE(result.value(QStringLiteral("current"))
                     .toObject()
                     .value(QStringLiteral("name_en"))
                     .toString(),
                 QStringLiteral("Tutorial"));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM coulisse.tags WHERE name_en = 'Guide'")), 0);
    }

    void shouldRefuseWithAClassifiableState_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("outOfScope");
        QTest::addColumn<QString>("state");
        QTest::newRow("pm") << "pm"
                            << "video_tags" << false << "42501";
        QTest::newRow("editor out of scope") << "editor"
                                             << "video_tags" << true << "42501";
        QTest::newRow("unknown kind") << "supervisor"
                                      << "video_delete" << false << "22023";
        QTest::newRow("missing video") << "editor"
                                       << "missing" << false << "23503";
    }

    void shouldRefuseWithAClassifiableState()
    {
        QFETCH(QString, who);
        QFETCH(QString, kind);
        QFETCH(bool, outOfScope);
        QFETCH(QString, state);
        const QSqlDatabase db = login(who);
        const QJsonObject payload = kind == QLatin1String("missing")
                                        ? tagOp(999999999, m_tag)
                                        : tagOp(outOfScope ? m_videoB : m_videoA, m_tag2);
        const QString id = newId();
        const Push p =
            push(db, {op(id, kind == QLatin1String("missing") ? QStringLiteral("video_tags") : kind,
                         payload)});
        QVERIFY(!p.ok);
        QCOMPARE(p.state, state);
        // Nothing of a refused batch remains, not even its bookkeeping.
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM coulisse.applied_ops WHERE op_id = '%1'")
                      .arg(id)),
            0);
    }

    void shouldRefuseSomeoneElsesOperation()
    {
        const QString id = newId();
        QVERIFY(push(login(QStringLiteral("supervisor")),
                     {op(id, QStringLiteral("video_tags"), tagOp(m_videoB, m_tag2))})
                    .ok);
        const Push stolen = push(login(QStringLiteral("supervisor2")),
                                 {op(id, QStringLiteral("video_tags"), tagOp(m_videoB, m_tag2))});
        QVERIFY(!stolen.ok);
        QCOMPARE(stolen.state, QStringLiteral("42501"));
    }

    void shouldApplyAConcurrentResendOnce()
    {
        // The first send is still in its transaction when the resend arrives: the resend waits,
        // then returns the stored result.
        const QSqlDatabase first = login(QStringLiteral("supervisor"), QStringLiteral("first"));
        const QString id = newId();
        const QJsonArray ops{op(id, QStringLiteral("video_tags"), tagOp(m_videoB, m_tag))};
        QSqlQuery(first).exec(QStringLiteral("BEGIN"));
        QVERIFY(push(first, ops).ok);
        Push second;
        const QString conninfo = m_store->conninfo(m_names.value(QStringLiteral("supervisor")));
        const QString password = m_store->password();
        const QString client = m_client;
        std::thread resend([&] {
            QString error;
            {
                const QSqlDatabase db =
                    CentralConnection::open(conninfo, QStringLiteral("second"), &error, password);
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT coulisse.apply_ops(?::uuid, ?::jsonb)::text"));
                q.addBindValue(client);
                q.addBindValue(
                    QString::fromUtf8(QJsonDocument(ops).toJson(QJsonDocument::Compact)));
                second.ok = q.exec() && q.next();
                if (second.ok)
                    second.reply = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
                second.message = q.lastError().text();
            }
            CentralConnection::close(QStringLiteral("second"));
        });
        QTest::qWait(300);
        QVERIFY(QSqlQuery(first).exec(QStringLiteral("COMMIT")));
        resend.join();
        QVERIFY2(second.ok, qPrintable(second.message));
        QVERIFY(second.first().value(QStringLiteral("resent")).toBool());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE tbl = "
                                      "'video_tags' AND key = jsonb_build_object('video_id', %1, "
                                      "'tag_id', %2)")
                           .arg(m_videoB)
                           .arg(m_tag)),
                 1);
    }

    void shouldApplyABatchAsItsOperationsOneByOne_data()
    {
        // Operations as "video:+tag,-tag" with video a|b and tag 1|2; the videos start with tag 1
        // on video a. A batch of several operations takes apply_ops' set-based path; the same
        // operations sent one at a time take the loop: results and rows must not differ.
        QTest::addColumn<QStringList>("ops");
        QTest::newRow("distinct videos")
            << QStringList{QStringLiteral("a:+2"), QStringLiteral("b:+1,+2")};
        QTest::newRow("one video, in order")
            << QStringList{QStringLiteral("a:+2"), QStringLiteral("a:-2"), QStringLiteral("a:+2"),
                           QStringLiteral("b:+1")};
        QTest::newRow("nothing to do")
            << QStringList{QStringLiteral("a:+1"), QStringLiteral("b:-2")};
        QTest::newRow("add and remove in one") << QStringList{
            QStringLiteral("a:+2,-2"), QStringLiteral("b:+1,-1"), QStringLiteral("b:+2")};
        QTest::newRow("removals") << QStringList{QStringLiteral("a:-1"), QStringLiteral("b:+1"),
                                                 QStringLiteral("b:-1"), QStringLiteral("a:+1,+2")};
    }

    void shouldApplyABatchAsItsOperationsOneByOne()
    {
        QFETCH(QStringList, ops);
        const QSqlDatabase db = login(QStringLiteral("supervisor"));
        const auto reset = [&] {
            return m_store->exec(
                QStringLiteral("DELETE FROM coulisse.video_tags WHERE video_id IN (%1, %2); "
                               "INSERT INTO coulisse.video_tags VALUES (%1, %3)")
                    .arg(m_videoA)
                    .arg(m_videoB)
                    .arg(m_tag));
        };
        const auto batch = [&] {
            QJsonArray array;
            for (const QString &text : ops) {
                QJsonArray add;
                QJsonArray remove;
                for (const QString &t : text.mid(2).split(QLatin1Char(','))) {
                    const qint64 tag = t.endsWith(QLatin1Char('1')) ? m_tag : m_tag2;
                    (t.startsWith(QLatin1Char('+')) ? add : remove).append(tag);
                }
                QJsonObject payload{{QStringLiteral("video_id"),
                                     text.startsWith(QLatin1Char('a')) ? m_videoA : m_videoB}};
                if (!add.isEmpty())
                    payload.insert(QStringLiteral("add"), add);
                if (!remove.isEmpty())
                    payload.insert(QStringLiteral("remove"), remove);
                array.append(op(newId(), QStringLiteral("video_tags"), payload));
            }
            return array;
        };
        const auto outcome = [&](const QList<QJsonObject> &results) {
            QStringList lines;
            for (const QJsonObject &r : results)
                lines.append(QStringLiteral("%1 +%2 -%3")
                                 .arg(r.value(QStringLiteral("status")).toString())
                                 .arg(r.value(QStringLiteral("added")).toInt())
                                 .arg(r.value(QStringLiteral("removed")).toInt()));
            QSqlQuery q(m_store->installer());
            q.exec(QStringLiteral("SELECT video_id = %1, tag_id = %3 FROM coulisse.video_tags "
                                  "WHERE video_id IN (%1, %2) ORDER BY 1, 2")
                       .arg(m_videoA)
                       .arg(m_videoB)
                       .arg(m_tag));
            while (q.next())
                lines.append(QStringLiteral("%1%2")
                                 .arg(q.value(0).toBool() ? 'a' : 'b')
                                 .arg(q.value(1).toBool() ? 1 : 2));
            return lines.join(QLatin1Char('\n'));
        };

        QCOMPARE(reset(), QString());
        const QJsonArray together = batch();
        const Push whole = push(db, together);
        QVERIFY2(whole.ok, qPrintable(whole.message));
        QList<QJsonObject> wholeResults;
        const QJsonArray results = whole.reply.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), together.size());
        for (int i = 0; i < results.size(); ++i) {
            wholeResults.append(results.at(i).toObject());
            QCOMPARE(wholeResults.last().value(QStringLiteral("status")).toString(),
                     QStringLiteral("applied"));
            QCOMPARE(results.at(i).toObject().value(QStringLiteral("op_id")),
                     together.at(i).toObject().value(QStringLiteral("op_id")));
        }
        const QString batched = outcome(wholeResults);

        QCOMPARE(reset(), QString());
        QList<QJsonObject> singleResults;
        for (const QJsonValue &o : batch()) {
            const Push single = push(db, QJsonArray{o});
            QVERIFY2(single.ok, qPrintable(single.message));
            singleResults.append(single.first());
        }
        QCOMPARE(batched, outcome(singleResults));

        // Sent again, the batch changes nothing and returns what it stored.
        const Push again = push(db, together);
        QVERIFY2(again.ok, qPrintable(again.message));
        const QJsonArray resent = again.reply.value(QStringLiteral("results")).toArray();
        for (int i = 0; i < resent.size(); ++i) {
            QVERIFY(resent.at(i).toObject().value(QStringLiteral("resent")).toBool());
            QCOMPARE(resent.at(i).toObject().value(QStringLiteral("added")),
                     wholeResults.at(i).value(QStringLiteral("added")));
        }
    }

    void shouldRefuseABatchSentTwiceAtOnce()
    {
        // A batch (the set-based path) whose resend arrives while the first send is still in
        // its transaction: the resend is refused as a serialization failure, to be retried,
        // and then returns what the first stored.
        QCOMPARE(m_store->exec(QStringLiteral("DELETE FROM coulisse.video_tags WHERE video_id "
                                              "IN (%1, %2)")
                                   .arg(m_videoA)
                                   .arg(m_videoB)),
                 QString());
        const QSqlDatabase first = login(QStringLiteral("supervisor"), QStringLiteral("first"));
        const QJsonArray ops{op(newId(), QStringLiteral("video_tags"), tagOp(m_videoA, m_tag)),
                             op(newId(), QStringLiteral("video_tags"), tagOp(m_videoB, m_tag2))};
        QVERIFY(QSqlQuery(first).exec(QStringLiteral("BEGIN")));
        QVERIFY(push(first, ops).ok);
        Push second;
        const QString conninfo = m_store->conninfo(m_names.value(QStringLiteral("supervisor")));
        const QString password = m_store->password();
        const QString client = m_client;
        std::thread resend([&] {
            QString error;
            {
                const QSqlDatabase db =
                    CentralConnection::open(conninfo, QStringLiteral("second"), &error, password);
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT coulisse.apply_ops(?::uuid, ?::jsonb)::text"));
                q.addBindValue(client);
                q.addBindValue(
                    QString::fromUtf8(QJsonDocument(ops).toJson(QJsonDocument::Compact)));
                second.ok = q.exec() && q.next();
                second.state = CentralConnection::sqlState(q.lastError());
            }
            CentralConnection::close(QStringLiteral("second"));
        });
        QTest::qWait(300);
        QVERIFY(QSqlQuery(first).exec(QStringLiteral("COMMIT")));
        resend.join();
        QVERIFY(!second.ok);
        QCOMPARE(second.state, QStringLiteral("40001"));
        const Push retried = push(login(QStringLiteral("supervisor")), ops);
        QVERIFY2(retried.ok, qPrintable(retried.message));
        QVERIFY(retried.first().value(QStringLiteral("resent")).toBool());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE video_id "
                                      "IN (%1, %2)")
                           .arg(m_videoA)
                           .arg(m_videoB)),
                 2);
    }

    void shouldSendOldCursorsToACopyAfterPruning()
    {
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.change_log SET logged_at = now() - "
                                              "interval '40 days'")),
                 QString());
        QSqlQuery prune(m_store->installer());
        QVERIFY(prune.exec(QStringLiteral("SELECT coulisse.prune_change_log('30 days')")) &&
                prune.next());
        QVERIFY(prune.value(0).toLongLong() > 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.change_log")), 0);
        QSqlQuery pull(login(QStringLiteral("pm")));
        QVERIFY(!pull.exec(QStringLiteral("SELECT * FROM coulisse.pull_changes('0', 0)")));
        QCOMPARE(CentralConnection::sqlState(pull.lastError()), QStringLiteral("55000"));
        QSqlQuery denied(login(QStringLiteral("supervisor")));
        QVERIFY(!denied.exec(QStringLiteral("SELECT coulisse.prune_change_log('30 days')")));
        QCOMPARE(CentralConnection::sqlState(denied.lastError()), QStringLiteral("42501"));
    }
};

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
