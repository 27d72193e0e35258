#include "centralconnection.h"
#include "centralreleases.h"
#include "eventimporter.h"
#include "semanticversion.h"
#include "teststore.h"
#include "testsupport.h"

#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

/// The release channel: semantic version precedence (the client's and the store's agree),
/// deterministic and monotonic rollout, forced updates below the minimum version, halting,
/// target groups, the preview against recent users, and who may publish (four eyes).
class TestReleases : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestStore m_store{QStringLiteral("releases")};
    QString m_admin;
    QString m_admin2;
    QString m_supervisor;
    QString m_pm;
    QString m_editor;
    int m_connections = 0;

    /// Runs \a work with a CentralReleases logged in as \a who.
    template<typename Work>
    void as(const QString &who, Work work)
    {
        const QString name = QStringLiteral("releases-%1").arg(++m_connections);
        {
            QString error;
            QSqlDatabase db = m_store.login(who, &error, name);
            QVERIFY2(db.isOpen(), qPrintable(error));
            CentralReleases releases(db);
            work(releases);
        }
        QSqlDatabase::removeDatabase(name);
    }

    /// A published release of "game" for Android, at \a percent.
    qint64 published(const QString &version, double percent, const QString &minVersion = {},
                     const std::function<void(CentralReleases::Release &)> &adjust = {})
    {
        CentralReleases releases(m_store.installer());
        CentralReleases::Release r;
        r.app = QStringLiteral("game");
        r.platform = QStringLiteral("android");
        r.version = version;
        r.minVersion = minVersion;
        r.rolloutPercent = percent;
        if (adjust)
            adjust(r);
        const qint64 id = releases.save(r);
        if (id <= 0) {
            qWarning("%s", qPrintable(releases.errorString()));
            return 0;
        }
        // The installer publishes at once (no staff role, no review).
        return releases.publish(id) == QLatin1String("rolling_out") ? id : 0;
    }

    QString decision(const QString &current, const QString &user, const QString &channel = {},
                     const QString &os = {}, QString *version = nullptr)
    {
        CentralReleases releases(m_store.installer());
        const auto d = releases.decide(QStringLiteral("game"), QStringLiteral("android"), current,
                                       user, channel, os);
        if (!d) {
            qWarning("%s", qPrintable(releases.errorString()));
            return QStringLiteral("error");
        }
        if (version)
            *version = d->version;
        return d->decision;
    }

    void clearReleases()
    {
        QCOMPARE(m_store.exec(QStringLiteral("DELETE FROM coulisse.releases")), QString());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_store.create(), QString());
        QString error;
        for (const auto &[name, role, target] : {std::tuple{"admin", "admin", &m_admin},
                                                 {"admin2", "admin", &m_admin2},
                                                 {"supervisor", "supervisor", &m_supervisor},
                                                 {"pm", "pm", &m_pm},
                                                 {"editor", "editor", &m_editor}}) {
            *target = m_store.addStaff(QLatin1String(name), QLatin1String(role), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void init() { clearReleases(); }

    void shouldCompareVersions_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("equal") << "1.2.3"
                               << "1.2.3" << 0;
        QTest::newRow("patch") << "1.2.3"
                               << "1.2.10" << -1;
        QTest::newRow("minor beats patch") << "1.10.0"
                                           << "1.9.99" << 1;
        QTest::newRow("major") << "2.0.0"
                               << "10.0.0" << -1;
        QTest::newRow("missing parts are zero") << "5.2"
                                                << "5.2.0" << 0;
        QTest::newRow("one part") << "5"
                                  << "4.99.99" << 1;
        QTest::newRow("leading v") << "v1.0.0"
                                   << "1.0.0" << 0;
        QTest::newRow("build ignored") << "1.0.0+20261122"
                                       << "1.0.0+1" << 0;
        QTest::newRow("release beats pre-release") << "1.0.0"
                                                   << "1.0.0-rc.1" << 1;
        QTest::newRow("alpha before beta") << "1.0.0-alpha"
                                           << "1.0.0-beta" << -1;
        QTest::newRow("numeric identifiers as numbers") << "1.0.0-rc.2"
                                                        << "1.0.0-rc.10" << -1;
        QTest::newRow("numeric below alphanumeric") << "1.0.0-1"
                                                    << "1.0.0-alpha" << -1;
        QTest::newRow("longer pre-release wins a tie") << "1.0.0-alpha"
                                                       << "1.0.0-alpha.1" << -1;
        QTest::newRow("semver.org chain 1") << "1.0.0-alpha.1"
                                            << "1.0.0-alpha.beta" << -1;
        QTest::newRow("semver.org chain 2") << "1.0.0-beta.2"
                                            << "1.0.0-beta.11" << -1;
        QTest::newRow("semver.org chain 3") << "1.0.0-beta.11"
                                            << "1.0.0-rc.1" << -1;
        QTest::newRow("ASCII order of letters") << "1.0.0-Beta"
                                                << "1.0.0-alpha" << -1;
        QTest::newRow("big numbers") << "1.0.123456789012345678"
                                     << "1.0.99999999999999999" << 1;
        QTest::newRow("numeric identifiers with zeros") << "1.0.0-rc.01"
                                                        << "1.0.0-rc.1" << 0;
    }

    void shouldCompareVersions()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        const SemanticVersion va = SemanticVersion::parse(a);
        const SemanticVersion vb = SemanticVersion::parse(b);
        QVERIFY(va.isValid() && vb.isValid());
        QCOMPARE(SemanticVersion::compare(va, vb), expected);
        QCOMPARE(SemanticVersion::compare(vb, va), -expected);
        // The store orders them the same way.
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT coulisse.semver_cmp(?, ?)"), {a, b})
                     .toInt(),
                 expected);
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT coulisse.semver_cmp(?, ?)"), {b, a})
                     .toInt(),
                 -expected);
    }

    void shouldRefuseWhatIsNotAVersion_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad :
             {"", "1.", "1.2.3.4", "01.2.3", "1.02", "1.0.0-", "1.0.0-a..b", "1.0.0+", "a.b.c",
              " 1.0.0", "1.0.0 ", "1.0.0-beta_1", "V1.0", "1234567890123456789.0.0"})
            QTest::addRow("\"%s\"", bad) << QString::fromLatin1(bad);
    }

    void shouldRefuseWhatIsNotAVersion()
    {
        QFETCH(QString, text);
        QVERIFY(!SemanticVersion::parse(text).isValid());
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT coulisse.semver_valid(?)"), {text})
                     .toBool(),
                 false);
    }

    void shouldRollOutDeterministicallyAndMonotonically()
    {
        const qint64 id = published(QStringLiteral("2.0.0"), 10);
        QVERIFY(id > 0);
        QSet<QString> atTen;
        for (int u = 1; u <= 2000; ++u) {
            const QString d = decision(QStringLiteral("1.0.0"), QString::number(u));
            QVERIFY(d == QLatin1String("optional") || d == QLatin1String("none"));
            if (d == QLatin1String("optional"))
                atTen.insert(QString::number(u));
        }
        // About 10 %, and the same users when asked again.
        QVERIFY2(atTen.size() > 140 && atTen.size() < 260,
                 qPrintable(QString::number(atTen.size())));
        for (int u = 1; u <= 2000; u += 7)
            QCOMPARE(decision(QStringLiteral("1.0.0"), QString::number(u)) ==
                         QLatin1String("optional"),
                     atTen.contains(QString::number(u)));
        CentralReleases releases(m_store.installer());
        QVERIFY2(releases.rollout(id, QStringLiteral("percent"), 20),
                 qPrintable(releases.errorString()));
        QSet<QString> atTwenty;
        for (int u = 1; u <= 2000; ++u) {
            if (decision(QStringLiteral("1.0.0"), QString::number(u)) == QLatin1String("optional"))
                atTwenty.insert(QString::number(u));
        }
        QVERIFY(atTwenty.contains(atTen));
        QVERIFY2(atTwenty.size() > 320 && atTwenty.size() < 480,
                 qPrintable(QString::number(atTwenty.size())));
        // Users already on it, or newer, get nothing.
        QCOMPARE(decision(QStringLiteral("2.0.0"), *atTen.cbegin()), QStringLiteral("none"));
        QCOMPARE(decision(QStringLiteral("2.1.0"), *atTen.cbegin()), QStringLiteral("none"));
        // The offers are recorded once per user.
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.release_offers"))
                     .toInt(),
                 atTwenty.size());
    }

    void shouldForceAnUpdateBelowTheMinimumVersion_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("expected");
        QTest::newRow("far below") << "3.9.9"
                                   << "forced";
        QTest::newRow("pre-release of the minimum") << "5.0.0-rc.1"
                                                    << "forced";
        QTest::newRow("at the minimum") << "5.0.0"
                                        << "optional";
        QTest::newRow("between") << "5.5.0"
                                 << "optional";
        QTest::newRow("at the release") << "6.0.0"
                                        << "none";
    }

    void shouldForceAnUpdateBelowTheMinimumVersion()
    {
        QFETCH(QString, current);
        QFETCH(QString, expected);
        QVERIFY(published(QStringLiteral("6.0.0"), 100, QStringLiteral("5.0.0")) > 0);
        QCOMPARE(decision(current, QStringLiteral("42")), expected);
    }

    void shouldForceAnUpdateBelowAnyPublishedMinimum_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("version");
        QTest::newRow("below the minimum of a release that does not reach the user") << "3.9.0"
                                                                                     << "forced"
                                                                                     << "6.0.0";
        QTest::newRow("below the minimum of a halted release") << "4.9.0"
                                                               << "forced"
                                                               << "6.0.0";
        QTest::newRow("at every published minimum") << "5.0.0"
                                                    << "optional"
                                                    << "6.0.0";
        QTest::newRow("a draft's minimum does not count") << "5.5.0"
                                                          << "optional"
                                                          << "6.0.0";
        QTest::newRow("nothing newer") << "6.0.0"
                                       << "none"
                                       << "";
    }

    void shouldForceAnUpdateBelowAnyPublishedMinimum()
    {
        QFETCH(QString, current);
        QFETCH(QString, expected);
        QFETCH(QString, version);
        // The newest release reaches everyone and has no minimum; an older one at 0 % says
        // 4.0.0 is no longer supported, a halted one 5.0.0, and a draft 6.5.0.
        QVERIFY(published(QStringLiteral("4.5.0"), 0, QStringLiteral("4.0.0")) > 0);
        const qint64 halted = published(QStringLiteral("5.5.0"), 0, QStringLiteral("5.0.0"));
        QVERIFY(halted > 0);
        CentralReleases releases(m_store.installer());
        QVERIFY(releases.rollout(halted, QStringLiteral("halt")));
        QVERIFY(published(QStringLiteral("6.0.0"), 100) > 0);
        CentralReleases::Release draft;
        draft.app = QStringLiteral("game");
        draft.platform = QStringLiteral("android");
        draft.version = QStringLiteral("7.0.0");
        draft.minVersion = QStringLiteral("6.5.0");
        draft.rolloutPercent = 100;
        QVERIFY2(releases.save(draft) > 0, qPrintable(releases.errorString()));
        // Another app's minimum counts for that app only.
        QVERIFY(published(QStringLiteral("9.0.0"), 100, QStringLiteral("9.0.0"),
                          [](CentralReleases::Release &r) { r.app = QStringLiteral("other"); }) >
                0);
        QString offered;
        QCOMPARE(decision(current, QStringLiteral("42"), {}, {}, &offered), expected);
        QCOMPARE(offered, version);
        // The offer records whether it was forced.
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.release_offers "
                                                    "WHERE forced <> (? = 'forced')"),
                                     {expected})
                     .toInt(),
                 0);
    }

    void shouldLetStaffAskOnlyAboutTheirOwnCoulisse_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<bool>("self");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("their own Coulisse") << "coulisse" << true << true;
        QTest::newRow("another app") << "game" << true << false;
        QTest::newRow("someone else's Coulisse") << "coulisse" << false << false;
        QTest::newRow("another app for someone else") << "game" << false << false;
    }

    void shouldLetStaffAskOnlyAboutTheirOwnCoulisse()
    {
        QFETCH(QString, app);
        QFETCH(bool, self);
        QFETCH(bool, allowed);
        QVERIFY(published(QStringLiteral("2.0.0"), 100) > 0);
        for (const QString &who : {m_editor, m_admin}) {
            as(who, [&](CentralReleases &releases) {
                const auto d =
                    releases.decide(app, QStringLiteral("android"), QStringLiteral("1.0.0"),
                                    self ? who : QStringLiteral("12345"));
                QCOMPARE(bool(d), allowed);
                if (!allowed) {
                    QVERIFY2(releases.errorString().contains(QLatin1String("42501")),
                             qPrintable(releases.errorString()));
                    QVERIFY2(releases.errorString().contains(QLatin1String("their own Coulisse")),
                             qPrintable(releases.errorString()));
                }
            });
        }
        // The platform's services ask about anyone's app.
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
            CentralReleases releases(db);
            const auto d = releases.decide(app, QStringLiteral("android"), QStringLiteral("1.0.0"),
                                           QStringLiteral("12345"));
            QVERIFY2(d, qPrintable(releases.errorString()));
            QCOMPARE(d->decision, app == QLatin1String("game") ? QStringLiteral("optional")
                                                               : QStringLiteral("none"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("platform"));
        QCOMPARE(m_store.exec(QStringLiteral("DROP ROLE %1").arg(role)), QString());
    }

    void shouldRefuseEqualVersionsWrittenDifferently_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("refused");
        QTest::newRow("missing patch") << "android"
                                       << "2.0" << true;
        QTest::newRow("major only") << "android"
                                    << "2" << true;
        QTest::newRow("leading v") << "android"
                                   << "v2.0.0" << true;
        QTest::newRow("other build metadata") << "android"
                                              << "2.0.0+build.7" << true;
        QTest::newRow("exactly the same") << "android"
                                          << "2.0.0" << true;
        QTest::newRow("a pre-release of it") << "android"
                                             << "2.0.0-rc.1" << false;
        QTest::newRow("the next patch") << "android"
                                        << "2.0.1" << false;
        QTest::newRow("another platform") << "ios"
                                          << "2.0" << false;
    }

    void shouldRefuseEqualVersionsWrittenDifferently()
    {
        QFETCH(QString, platform);
        QFETCH(QString, version);
        QFETCH(bool, refused);
        QVERIFY(published(QStringLiteral("2.0.0"), 10) > 0);
        as(m_admin, [&](CentralReleases &releases) {
            CentralReleases::Release r;
            r.app = QStringLiteral("game");
            r.platform = platform;
            r.version = version;
            const qint64 id = releases.save(r);
            QCOMPARE(id == 0, refused);
            if (refused) {
                QVERIFY2(releases.errorString().contains(QLatin1String("23505")),
                         qPrintable(releases.errorString()));
                QVERIFY2(releases.errorString().contains(QLatin1String("has the version")),
                         qPrintable(releases.errorString()));
                return;
            }
            // A draft cannot be changed into an equal version either.
            r.id = id;
            r.state = QStringLiteral("draft");
            r.platform = QStringLiteral("android");
            r.version = QStringLiteral("2.0");
            QCOMPARE(releases.save(r), 0);
            QVERIFY2(releases.errorString().contains(QLatin1String("23505")),
                     qPrintable(releases.errorString()));
        });
    }

    void shouldOfferTheNewestReleaseThatReachesTheUser()
    {
        QVERIFY(published(QStringLiteral("2.0.0"), 100) > 0);
        const qint64 beta =
            published(QStringLiteral("3.0.0-beta.1"), 0, {},
                      [](CentralReleases::Release &r) { r.userKeys = {QStringLiteral("tester")}; });
        QVERIFY(beta > 0);
        QString version;
        QCOMPARE(decision(QStringLiteral("1.0.0"), QStringLiteral("someone"), {}, {}, &version),
                 QStringLiteral("optional"));
        QCOMPARE(version, QStringLiteral("2.0.0"));
        QCOMPARE(decision(QStringLiteral("1.0.0"), QStringLiteral("tester"), {}, {}, &version),
                 QStringLiteral("optional"));
        QCOMPARE(version, QStringLiteral("3.0.0-beta.1"));
        // A draft is offered to nobody.
        CentralReleases releases(m_store.installer());
        CentralReleases::Release draft;
        draft.app = QStringLiteral("game");
        draft.platform = QStringLiteral("android");
        draft.version = QStringLiteral("9.0.0");
        draft.rolloutPercent = 100;
        QVERIFY(releases.save(draft) > 0);
        QCOMPARE(decision(QStringLiteral("1.0.0"), QStringLiteral("someone"), {}, {}, &version),
                 QStringLiteral("optional"));
        QCOMPARE(version, QStringLiteral("2.0.0"));
    }

    void shouldStopNewInclusionsWhenHalted()
    {
        const qint64 id = published(QStringLiteral("2.0.0"), 50);
        QVERIFY(id > 0);
        QStringList offered;
        for (int u = 1; u <= 200; ++u) {
            if (decision(QStringLiteral("1.0.0"), QString::number(u)) == QLatin1String("optional"))
                offered.append(QString::number(u));
        }
        QVERIFY(offered.size() > 50);
        CentralReleases releases(m_store.installer());
        QVERIFY(releases.rollout(id, QStringLiteral("halt")));
        // Those who had it still do; nobody else gets it, even at a higher percentage.
        for (int u = 1; u <= 400; ++u) {
            const QString user = QString::number(u);
            QCOMPARE(decision(QStringLiteral("1.0.0"), user),
                     offered.contains(user) ? QStringLiteral("optional") : QStringLiteral("none"));
        }
        QVERIFY(releases.rollout(id, QStringLiteral("percent"), 100));
        QCOMPARE(decision(QStringLiteral("1.0.0"), QStringLiteral("399")), QStringLiteral("none"));
        QVERIFY(releases.rollout(id, QStringLiteral("resume")));
        QCOMPARE(decision(QStringLiteral("1.0.0"), QStringLiteral("399")),
                 QStringLiteral("optional"));
        const auto history = releases.rolloutHistory(id);
        QVERIFY(history);
        QStringList states;
        for (const auto &[at, state] : history->states)
            states.append(state);
        QCOMPARE(states, (QStringList{QStringLiteral("rolling_out"), QStringLiteral("halted"),
                                      QStringLiteral("halted"), QStringLiteral("rolling_out")}));
        QCOMPARE(history->percent.at(2).second, 100.0);
    }

    void shouldHonourTargetGroups_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("expected");
        QTest::newRow("all match") << "1.5.0"
                                   << "u1"
                                   << "huawei"
                                   << "Android 14"
                                   << "optional";
        QTest::newRow("other channel") << "1.5.0"
                                       << "u1"
                                       << "xiaomi"
                                       << "Android 14"
                                       << "none";
        QTest::newRow("no channel") << "1.5.0"
                                    << "u1"
                                    << ""
                                    << "Android 14"
                                    << "none";
        QTest::newRow("OS prefix, any case") << "1.5.0"
                                             << "u1"
                                             << "official"
                                             << "android 13"
                                             << "optional";
        QTest::newRow("other OS") << "1.5.0"
                                  << "u1"
                                  << "official"
                                  << "HarmonyOS 4"
                                  << "none";
        QTest::newRow("below the range") << "0.9.0"
                                         << "u1"
                                         << "huawei"
                                         << "Android 14"
                                         << "none";
        QTest::newRow("range's lower end") << "1.0.0"
                                           << "u1"
                                           << "huawei"
                                           << "Android 14"
                                           << "optional";
        QTest::newRow("range's upper end") << "1.9.9"
                                           << "u1"
                                           << "huawei"
                                           << "Android 14"
                                           << "optional";
        QTest::newRow("above the range") << "1.9.10"
                                         << "u1"
                                         << "huawei"
                                         << "Android 14"
                                         << "none";
        QTest::newRow("listed user outside every group") << "0.1.0"
                                                         << "vip-7"
                                                         << "xiaomi"
                                                         << "HarmonyOS 4"
                                                         << "optional";
    }

    void shouldHonourTargetGroups()
    {
        QFETCH(QString, current);
        QFETCH(QString, user);
        QFETCH(QString, channel);
        QFETCH(QString, os);
        QFETCH(QString, expected);
        QVERIFY(published(QStringLiteral("2.0.0"), 100, {}, [](CentralReleases::Release &r) {
                    r.channels = {QStringLiteral("huawei"), QStringLiteral("official")};
                    r.osPrefixes = {QStringLiteral("Android")};
                    r.fromVersion = QStringLiteral("1.0.0");
                    r.toVersion = QStringLiteral("1.9.9");
                    r.userKeys = {QStringLiteral("vip-7")};
                }) > 0);
        QCOMPARE(decision(current, user, channel, os), expected);
    }

    void shouldPreviewTheUsersARuleReaches()
    {
        // 300 recent Android users on two channels and 100 iOS users.
        QByteArray csv = "time,user_id,event,platform,channel,os,app_version\n";
        for (int u = 1; u <= 400; ++u)
            csv += "2026-11-10T10:00:00Z," + QByteArray::number(u) + ",app_open,app," +
                   (u % 2 ? "huawei" : "official") + ',' + (u <= 300 ? "Android 14" : "iOS 17") +
                   ',' + (u % 3 ? "1.5.0" : "2.0.0") + '\n';
        // And 20 huawei Android users whose app version is not a version: update_decision
        // refuses to answer them, so nothing reaches them.
        for (int u = 401; u <= 420; ++u)
            csv += "2026-11-10T10:00:00Z," + QByteArray::number(u) +
                   ",app_open,app,huawei,Android 14," + (u % 2 ? "1.5.0.1" : "unknown") + '\n';
        const QString path = m_dir.filePath(QStringLiteral("events.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size());
        file.close();
        const EventImporter::Result imported = EventImporter(m_store.installer()).importFile(path);
        QVERIFY2(imported.ok, qPrintable(imported.error));

        const qint64 id =
            published(QStringLiteral("2.0.0"), 30, {},
                      [](CentralReleases::Release &r) { r.channels = {QStringLiteral("huawei")}; });
        QVERIFY(id > 0);
        as(m_pm, [&](CentralReleases &releases) {
            const auto p = releases.preview(id);
            QVERIFY2(p, qPrintable(releases.errorString()));
            QCOMPARE(p->active, 420);
            QCOMPARE(p->platform, 320);
            QCOMPARE(p->targeted, 170);
            // Exactly the users the decision would reach: on 1.5.0, huawei, in the 30 %.
            const auto reachedNow = [&](bool *any) {
                int reached = 0;
                for (int u = 1; u <= 420; ++u) {
                    if ((u <= 300 && (u % 2 == 0 || u % 3 == 0)) || (u > 300 && u <= 400))
                        continue;
                    const QString version =
                        u <= 300 ? QStringLiteral("1.5.0")
                                 : QString::fromLatin1(u % 2 ? "1.5.0.1" : "unknown");
                    const QString d =
                        decision(version, QString::number(u), QStringLiteral("huawei"),
                                 QStringLiteral("Android 14"));
                    reached += d == QLatin1String("optional") ? 1 : 0;
                    if (u > 400 && d != QLatin1String("error"))
                        *any = true;
                }
                return reached;
            };
            bool answeredUnparsable = false;
            const int reached = reachedNow(&answeredUnparsable);
            QVERIFY(!answeredUnparsable);
            QVERIFY(reached > 0);
            QCOMPARE(p->reached, reached);
            const auto all = releases.preview(id, 100);
            QVERIFY(all);
            QCOMPARE(all->reached, 100); // the huawei users not on 2.0.0 already
        });
        // Halted: those it was offered to keep it, nobody else gets it, whatever the percentage.
        QVERIFY(CentralReleases(m_store.installer()).rollout(id, QStringLiteral("halt")));
        as(m_pm, [&](CentralReleases &releases) {
            int reached = 0;
            for (int u = 1; u <= 300; u += 2) {
                if (u % 3 != 0 &&
                    decision(QStringLiteral("1.5.0"), QString::number(u), QStringLiteral("huawei"),
                             QStringLiteral("Android 14")) == QLatin1String("optional"))
                    ++reached;
            }
            QVERIFY(reached > 0 && reached < 100);
            for (const double percent : {-1.0, 30.0, 100.0}) {
                const auto p = releases.preview(id, percent);
                QVERIFY2(p, qPrintable(releases.errorString()));
                QCOMPARE(p->reached, reached);
            }
        });
    }

    void shouldNeedASecondPersonToPublish()
    {
        qint64 id = 0;
        as(m_admin, [&](CentralReleases &releases) {
            CentralReleases::Release r;
            r.app = QStringLiteral("coulisse");
            r.platform = QStringLiteral("linux");
            r.version = QStringLiteral("1.1.0");
            r.notesEn = QStringLiteral("Catalogue import and export.");
            id = releases.save(r);
            QVERIFY2(id > 0, qPrintable(releases.errorString()));
            QCOMPARE(releases.publish(id), QStringLiteral("draft"));
            QVERIFY(!releases.approve(id));
            QVERIFY2(releases.errorString().contains(QLatin1String("someone other")),
                     qPrintable(releases.errorString()));
        });
        for (const QString &who : {m_pm, m_editor}) {
            as(who, [&](CentralReleases &releases) {
                QVERIFY(!releases.approve(id));
                QVERIFY(releases.errorString().contains(QLatin1String("42501")));
                CentralReleases::Release r;
                r.app = QStringLiteral("game");
                r.platform = QStringLiteral("ios");
                r.version = QStringLiteral("1.0.0");
                QCOMPARE(releases.save(r), 0);
            });
        }
        as(m_supervisor, [&](CentralReleases &releases) {
            QVERIFY2(releases.approve(id), qPrintable(releases.errorString()));
            QVERIFY(!releases.rollout(id, QStringLiteral("percent"), 50)); // admins only
        });
        as(m_admin2, [&](CentralReleases &releases) {
            const auto list = releases.releases();
            QVERIFY(list && list->size() == 1);
            QCOMPARE(list->first().state, QStringLiteral("rolling_out"));
            QCOMPARE(list->first().publishedBy, m_supervisor);
            // A published release takes new notes only.
            CentralReleases::Release changed = list->first();
            changed.notesZh = QStringLiteral("目录导入与导出。");
            QCOMPARE(releases.save(changed), id);
            QVERIFY(!releases.removeDraft(id));
        });
        // With the policy off, an admin publishes alone.
        QCOMPARE(m_store.exec(QStringLiteral("SELECT coulisse.set_approval_policy('admin', "
                                             "'releases', false)")),
                 QString());
        as(m_admin, [&](CentralReleases &releases) {
            CentralReleases::Release r;
            r.app = QStringLiteral("coulisse");
            r.platform = QStringLiteral("linux");
            r.version = QStringLiteral("1.2.0");
            const qint64 next = releases.save(r);
            QVERIFY(next > 0);
            QCOMPARE(releases.publish(next), QStringLiteral("rolling_out"));
        });
        QCOMPARE(m_store.exec(QStringLiteral("SELECT coulisse.set_approval_policy('admin', "
                                             "'releases', true)")),
                 QString());
        // Every staff member's Coulisse may ask for its own update.
        as(m_editor, [&](CentralReleases &releases) {
            QVERIFY(releases.rollout(id, QStringLiteral("complete")) == false);
            const auto d = releases.decide(QStringLiteral("coulisse"), QStringLiteral("linux"),
                                           QStringLiteral("1.0.0"), m_editor);
            QVERIFY2(d, qPrintable(releases.errorString()));
            QCOMPARE(d->decision, QStringLiteral("none")); // 0 %: not in the rollout yet
        });
        as(m_admin, [&](CentralReleases &releases) {
            QVERIFY(releases.rollout(id, QStringLiteral("complete")));
        });
        as(m_editor, [&](CentralReleases &releases) {
            const auto d = releases.decide(QStringLiteral("coulisse"), QStringLiteral("linux"),
                                           QStringLiteral("1.0.0"), m_editor);
            QVERIFY(d);
            // 1.2.0 is published at 0 %: the complete 1.1.0 is what reaches everyone.
            QCOMPARE(d->decision, QStringLiteral("optional"));
            QCOMPARE(d->version, QStringLiteral("1.1.0"));
        });
    }

    void shouldRefuseBadReleases_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("version") << "version"
                                 << "2.0"
                                 << "";
        QTest::newRow("bad version") << "version"
                                     << "two"
                                     << "releases_version_check";
        QTest::newRow("minimum above the version") << "min_version"
                                                   << "3.0.0"
                                                   << "releases_minimum_below_version";
        QTest::newRow("platform") << "platform"
                                  << "symbian"
                                  << "releases_platform_check";
        QTest::newRow("percentage") << "rollout_percent"
                                    << "150"
                                    << "releases_rollout_percent_check";
    }

    void shouldRefuseBadReleases()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        CentralReleases releases(m_store.installer());
        CentralReleases::Release r;
        r.app = QStringLiteral("game");
        r.platform = QStringLiteral("android");
        r.version = QStringLiteral("2.0.0");
        if (field == QLatin1String("version"))
            r.version = value;
        else if (field == QLatin1String("min_version"))
            r.minVersion = value;
        else if (field == QLatin1String("platform"))
            r.platform = value;
        else
            r.rolloutPercent = value.toDouble();
        const qint64 id = releases.save(r);
        if (expected.isEmpty()) {
            QVERIFY2(id > 0, qPrintable(releases.errorString()));
        } else {
            QCOMPARE(id, 0);
            QVERIFY2(releases.errorString().contains(expected), qPrintable(releases.errorString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestReleases)
#include "tst_releases.moc"
