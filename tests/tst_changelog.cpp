#include "centralconnection.h"
#include "centralstaff.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

/// The change log and its pull function (sync.md): filled by triggers in the changing
/// transaction, pulled in (txid, seq) order below the snapshot's xmin so that a transaction
/// committing out of order is never skipped, filtered to the caller's scope.
class TestChangeLog : public QObject
{
    Q_OBJECT

private:
    struct Entry
    {
        quint64 txid = 0;
        qint64 seq = 0;
        QString table;
        QString op;
        qint64 pk1 = 0;
        qint64 pk2 = 0;
        qint64 rowVersion = 0;
        QJsonObject data;
    };

    struct Cursor
    {
        quint64 txid = 0;
        qint64 seq = 0;
    };

    std::unique_ptr<TestStore> m_store;
    QHash<QString, QSqlDatabase> m_logins;
    qint64 m_gameA = 0;
    qint64 m_gameB = 0;
    qint64 m_videoA = 0;
    qint64 m_videoB = 0;
    QList<qint64> m_generalTags;

    /// One page: the entries, and the cursor of the closing 'W' row.
    bool pull(const QString &role, Cursor *cursor, QList<Entry> *entries, int limit = 1000)
    {
        QSqlQuery q(m_logins.value(role));
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT txid::text, seq, tbl, op, pk1, pk2, row_version, "
                                 "data::text FROM coulisse.pull_changes(?::xid8, ?, ?)"));
        q.addBindValue(QString::number(cursor->txid));
        q.addBindValue(cursor->seq);
        q.addBindValue(limit);
        if (!q.exec()) {
            qWarning("pull failed: %s", qPrintable(q.lastError().text()));
            return false;
        }
        bool closed = false;
        while (q.next()) {
            Entry e;
            e.txid = q.value(0).toString().toULongLong();
            e.seq = q.value(1).toLongLong();
            e.table = q.value(2).toString();
            e.op = q.value(3).toString();
            e.pk1 = q.value(4).toLongLong();
            e.pk2 = q.value(5).toLongLong();
            e.rowVersion = q.value(6).toLongLong();
            e.data = QJsonDocument::fromJson(q.value(7).toByteArray()).object();
            if (e.op == QLatin1String("W")) {
                cursor->txid = e.txid;
                cursor->seq = e.seq;
                closed = true;
            } else {
                entries->append(e);
            }
        }
        if (!closed)
            qWarning("pull returned no cursor row");
        return closed;
    }

    /// Pulls until a page comes back short.
    bool drain(const QString &role, Cursor *cursor, QList<Entry> *entries, int limit = 1000)
    {
        for (int page = 0; page < 10000; ++page) {
            const qsizetype before = entries->size();
            if (!pull(role, cursor, entries, limit))
                return false;
            if (entries->size() - before < limit)
                return true;
        }
        return false;
    }

    /// Drains until \a done holds. The watermark is the oldest running transaction of the
    /// whole server (transaction ids are cluster-wide), so a test running beside this one in
    /// another database can hold entries back for a moment: wait for them, never skip them.
    template<typename Done>
    bool drainUntil(const QString &role, Cursor *cursor, QList<Entry> *entries, Done done,
                    int limit = 1000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            if (!drain(role, cursor, entries, limit))
                return false;
            if (done(*entries))
                return true;
            if (timer.elapsed() > 30000) {
                qWarning("the entries did not arrive within 30 s");
                return false;
            }
            QTest::qWait(50);
        }
    }

    bool exec(const QString &role, const QString &sql)
    {
        QSqlQuery q(m_logins.value(role));
        if (q.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }

    qint64 installerNumber(const QString &sql)
    {
        QSqlQuery q(m_store->installer());
        if (!q.exec(sql) || !q.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return -1;
        }
        return q.value(0).toLongLong();
    }

    static bool has(const QList<Entry> &entries, const QString &table, const QString &op,
                    qint64 pk1, qint64 pk2 = 0)
    {
        return std::any_of(entries.cbegin(), entries.cend(), [&](const Entry &e) {
            return e.table == table && e.op == op && e.pk1 == pk1 && e.pk2 == pk2;
        });
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<TestStore>(QStringLiteral("log"));
        QCOMPARE(m_store->create(), QString());
        for (const char *sql : {
                 "INSERT INTO coulisse.tag_groups (kind, name) VALUES ('general', '通用')",
                 "INSERT INTO coulisse.tags (group_id, name) SELECT id, 'tag ' || n FROM "
                 "coulisse.tag_groups, generate_series(1, 40) n WHERE kind = 'general'",
                 "INSERT INTO coulisse.games (name) VALUES ('A'), ('B')",
                 "INSERT INTO coulisse.users (nickname, kind, registered_at, platform) VALUES "
                 "('c', 'creator', now(), 'pc')",
                 "INSERT INTO coulisse.videos (title, game_id, source, duration_s, published_at) "
                 "SELECT 'video ' || name, id, 'web_upload', 30, now() FROM coulisse.games",
             })
            QCOMPARE(m_store->exec(QString::fromUtf8(sql)), QString());
        m_gameA = installerNumber(QStringLiteral("SELECT id FROM coulisse.games WHERE name = 'A'"));
        m_gameB = installerNumber(QStringLiteral("SELECT id FROM coulisse.games WHERE name = 'B'"));
        m_videoA = installerNumber(
            QStringLiteral("SELECT id FROM coulisse.videos WHERE game_id = %1").arg(m_gameA));
        m_videoB = installerNumber(
            QStringLiteral("SELECT id FROM coulisse.videos WHERE game_id = %1").arg(m_gameB));
        QSqlQuery tags(m_store->installer());
        QVERIFY(tags.exec(QStringLiteral("SELECT t.id FROM coulisse.tags t JOIN "
                                         "coulisse.tag_groups g ON g.id = t.group_id WHERE "
                                         "g.kind = 'general' ORDER BY t.id")));
        while (tags.next())
            m_generalTags.append(tags.value(0).toLongLong());
        QCOMPARE(m_generalTags.size(), 40);
        for (const auto &[name, role] :
             {std::pair{"supervisor", "supervisor"}, std::pair{"supervisor2", "supervisor"},
              std::pair{"editor", "editor"}, std::pair{"pm", "pm"}}) {
            QString error;
            const QString roleName =
                m_store->addStaff(QString::fromLatin1(name), QString::fromLatin1(role), &error);
            QVERIFY2(!roleName.isEmpty(), qPrintable(error));
            if (QLatin1String(name) == QLatin1String("editor")) {
                CentralStaff admin(m_store->installer());
                QVERIFY(admin.setScope(roleName, {m_gameA}));
            }
            const QSqlDatabase db = m_store->login(roleName, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            m_logins.insert(QString::fromLatin1(name), db);
        }
    }

    void cleanupTestCase()
    {
        m_logins.clear();
        m_store.reset();
    }

    void shouldNotSkipATransactionThatCommitsLast()
    {
        Cursor cursor;
        QList<Entry> seen;
        QVERIFY(drain(QStringLiteral("pm"), &cursor, &seen));

        // A starts first and writes; B writes later and commits first.
        const qint64 tagX = m_generalTags.at(0);
        const qint64 tagY = m_generalTags.at(1);
        QVERIFY(exec(QStringLiteral("supervisor"), QStringLiteral("BEGIN")));
        QVERIFY(exec(QStringLiteral("supervisor"),
                     QStringLiteral("INSERT INTO coulisse.video_tags VALUES (%1, %2)")
                         .arg(m_videoA)
                         .arg(tagX)));
        QVERIFY(exec(QStringLiteral("supervisor2"),
                     QStringLiteral("INSERT INTO coulisse.video_tags VALUES (%1, %2)")
                         .arg(m_videoA)
                         .arg(tagY)));

        QList<Entry> early;
        QVERIFY(pull(QStringLiteral("pm"), &cursor, &early));
        QVERIFY(!has(early, QStringLiteral("video_tags"), QStringLiteral("I"), m_videoA, tagX));
        // B's entry waits too: it lies above the open transaction's xid (the watermark).
        QVERIFY(!has(early, QStringLiteral("video_tags"), QStringLiteral("I"), m_videoA, tagY));

        QVERIFY(exec(QStringLiteral("supervisor"), QStringLiteral("COMMIT")));
        QList<Entry> late;
        QVERIFY(drainUntil(QStringLiteral("pm"), &cursor, &late, [&](const QList<Entry> &got) {
            return has(got, QStringLiteral("video_tags"), QStringLiteral("I"), m_videoA, tagX) &&
                   has(got, QStringLiteral("video_tags"), QStringLiteral("I"), m_videoA, tagY);
        }));
        QVERIFY(has(late, QStringLiteral("video_tags"), QStringLiteral("I"), m_videoA, tagX));
        QVERIFY(has(late, QStringLiteral("video_tags"), QStringLiteral("I"), m_videoA, tagY));
        // The hard case indeed: A's entry has the smaller seq but committed last, so a plain
        // "seq > last seq" cursor would have skipped it.
        const auto seqOf = [&](qint64 tag) {
            return installerNumber(QStringLiteral("SELECT seq FROM coulisse.change_log WHERE tbl "
                                                  "= 'video_tags' AND pk1 = %1 AND pk2 = %2")
                                       .arg(m_videoA)
                                       .arg(tag));
        };
        const qint64 seqX = seqOf(tagX);
        const qint64 seqY = seqOf(tagY);
        QVERIFY(seqX < seqY);
    }

    void shouldPullEveryEntryOnceInPages_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("pages of 1") << 1;
        QTest::newRow("pages of 7") << 7;
        QTest::newRow("one page") << 100000;
    }

    void shouldPullEveryEntryOnceInPages()
    {
        QFETCH(int, limit);
        // Changes from two sessions, interleaved.
        for (int i = 2; i < 40; ++i) {
            const QString role =
                i % 2 ? QStringLiteral("supervisor") : QStringLiteral("supervisor2");
            const QString sql = limit == 1 ? QStringLiteral("INSERT INTO coulisse.video_tags "
                                                            "VALUES (%1, %2) ON CONFLICT DO "
                                                            "NOTHING")
                                           : QStringLiteral("DELETE FROM coulisse.video_tags "
                                                            "WHERE video_id = %1 AND tag_id = %2");
            QVERIFY(exec(role, sql.arg(i % 3 ? m_videoA : m_videoB).arg(m_generalTags.at(i))));
        }
        Cursor cursor;
        QList<Entry> entries;
        const qint64 logged =
            installerNumber(QStringLiteral("SELECT count(*) FROM coulisse.change_log"));
        QVERIFY(drainUntil(
            QStringLiteral("supervisor"), &cursor, &entries,
            [&](const QList<Entry> &got) { return got.size() >= logged; }, limit));
        QCOMPARE(entries.size(), logged);
        for (int i = 1; i < entries.size(); ++i) {
            const Entry &a = entries.at(i - 1);
            const Entry &b = entries.at(i);
            QVERIFY(a.txid < b.txid || (a.txid == b.txid && a.seq < b.seq));
        }
        // Caught up: pulling again gives nothing new.
        QList<Entry> more;
        QVERIFY(pull(QStringLiteral("supervisor"), &cursor, &more));
        QVERIFY(more.isEmpty());
    }

    void shouldSendTombstonesAndLiveRows()
    {
        Cursor cursor;
        QList<Entry> entries;
        QVERIFY(drain(QStringLiteral("pm"), &cursor, &entries));
        const qint64 tag = m_generalTags.at(39);
        QVERIFY(exec(QStringLiteral("supervisor"),
                     QStringLiteral("INSERT INTO coulisse.video_tags VALUES (%1, %2)")
                         .arg(m_videoB)
                         .arg(tag)));
        QVERIFY(exec(QStringLiteral("supervisor"),
                     QStringLiteral("DELETE FROM coulisse.video_tags WHERE video_id = %1 AND "
                                    "tag_id = %2")
                         .arg(m_videoB)
                         .arg(tag)));
        QVERIFY(exec(
            QStringLiteral("supervisor"),
            QStringLiteral("UPDATE coulisse.tags SET name_en = 'one' WHERE id = %1").arg(tag)));
        QVERIFY(exec(
            QStringLiteral("supervisor"),
            QStringLiteral("UPDATE coulisse.tags SET name_en = 'two' WHERE id = %1").arg(tag)));
        entries.clear();
        QVERIFY(drainUntil(QStringLiteral("pm"), &cursor, &entries, [&](const QList<Entry> &got) {
            return std::any_of(got.cbegin(), got.cend(), [&](const Entry &e) {
                return e.table == QLatin1String("tags") && e.pk1 == tag;
            });
        }));
        // The insert is answered with the row as it is now: gone.
        int tombstones = 0;
        for (const Entry &e : std::as_const(entries)) {
            if (e.table == QLatin1String("video_tags") && e.pk1 == m_videoB && e.pk2 == tag) {
                QCOMPARE(e.op, QStringLiteral("D"));
                QVERIFY(e.data.isEmpty());
                ++tombstones;
            }
        }
        QCOMPARE(tombstones, 2);
        // Updates carry the live row and its version: 1 + two updates.
        const auto update = std::find_if(entries.cbegin(), entries.cend(), [&](const Entry &e) {
            return e.table == QLatin1String("tags") && e.pk1 == tag;
        });
        QVERIFY(update != entries.cend());
        QCOMPARE(update->op, QStringLiteral("U"));
        QCOMPARE(update->rowVersion, 3);
        QCOMPARE(update->data.value(QStringLiteral("name_en")).toString(), QStringLiteral("two"));
    }

    void shouldKeepEditorsToTheirScope()
    {
        Cursor cursor;
        QList<Entry> entries;
        QVERIFY(drain(QStringLiteral("editor"), &cursor, &entries));
        QVERIFY(has(entries, QStringLiteral("videos"), QStringLiteral("I"), m_videoA));
        QVERIFY(!has(entries, QStringLiteral("videos"), QStringLiteral("I"), m_videoB));
        for (const Entry &e : std::as_const(entries)) {
            if (e.table == QLatin1String("video_tags"))
                QCOMPARE(e.pk1, m_videoA);
            if (e.table == QLatin1String("games"))
                QCOMPARE(e.pk1, m_gameA);
        }
        // Video B moves into the editor's game, then out again: the editor receives it, then a
        // tombstone.
        QCOMPARE(
            m_store->exec(QStringLiteral("UPDATE coulisse.videos SET game_id = %1 WHERE id = %2")
                              .arg(m_gameA)
                              .arg(m_videoB)),
            QString());
        entries.clear();
        QVERIFY(
            drainUntil(QStringLiteral("editor"), &cursor, &entries, [&](const QList<Entry> &got) {
                return has(got, QStringLiteral("videos"), QStringLiteral("U"), m_videoB);
            }));
        QCOMPARE(entries.last().table, QStringLiteral("videos"));
        QCOMPARE(entries.last().op, QStringLiteral("U"));
        QCOMPARE(entries.last().pk1, m_videoB);
        QCOMPARE(
            m_store->exec(QStringLiteral("UPDATE coulisse.videos SET game_id = %1 WHERE id = %2")
                              .arg(m_gameB)
                              .arg(m_videoB)),
            QString());
        entries.clear();
        QVERIFY(
            drainUntil(QStringLiteral("editor"), &cursor, &entries, [&](const QList<Entry> &got) {
                return has(got, QStringLiteral("videos"), QStringLiteral("D"), m_videoB);
            }));
        QVERIFY(!has(entries, QStringLiteral("videos"), QStringLiteral("U"), m_videoB));
    }

    void shouldNotifyListeners()
    {
        QSqlDriver *driver = m_logins.value(QStringLiteral("pm")).driver();
        QStringList payloads;
        connect(driver, &QSqlDriver::notification, this,
                [&payloads](const QString &, QSqlDriver::NotificationSource,
                            const QVariant &payload) { payloads.append(payload.toString()); });
        QVERIFY(driver->subscribeToNotification(QStringLiteral("coulisse_changes")));
        QVERIFY(exec(QStringLiteral("supervisor"),
                     QStringLiteral("INSERT INTO coulisse.video_tags VALUES (%1, %2) ON CONFLICT "
                                    "DO NOTHING")
                         .arg(m_videoA)
                         .arg(m_generalTags.at(5))));
        QTRY_VERIFY(payloads.contains(QStringLiteral("video_tags")));
        QVERIFY(exec(QStringLiteral("editor"),
                     QStringLiteral("INSERT INTO coulisse.change_requests (kind, payload) VALUES "
                                    "('video_tags', '{\"video_id\": %1, \"add\": [%2]}')")
                         .arg(m_videoA)
                         .arg(m_generalTags.at(6))));
        QTRY_VERIFY(payloads.contains(QStringLiteral("change_requests")));
        driver->unsubscribeFromNotification(QStringLiteral("coulisse_changes"));
    }

    void shouldSendOldCursorsToACopy()
    {
        QCOMPARE(m_store->exec(QStringLiteral(
                     "UPDATE coulisse.sync_state SET log_horizon = pg_current_xact_id()")),
                 QString());
        QSqlQuery q(m_logins.value(QStringLiteral("pm")));
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM coulisse.pull_changes('1', 0)")));
        QCOMPARE(CentralConnection::sqlState(q.lastError()), QStringLiteral("55000"));
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.sync_state SET log_horizon = '0'")),
                 QString());
    }
};

QTEST_GUILESS_MAIN(TestChangeLog)
#include "tst_changelog.moc"
