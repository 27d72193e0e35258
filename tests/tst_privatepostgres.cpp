#include "privatepostgres.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <memory>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using TestSupport::scalar;

namespace {

/// A TCP port on 127.0.0.1 that nobody listens on right now (0 when none could be found).
int freeTcpPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

qint64 postmasterPid(const PrivatePostgres &server)
{
    QFile file(QDir(server.dataDirectory()).filePath(QStringLiteral("postmaster.pid")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

/// Waits until \a pid has exited (a zombie counts: nobody may reap it in a container).
bool waitUntilGone(qint64 pid)
{
    const QDeadlineTimer deadline(20 * 1000);
    while (!deadline.hasExpired()) {
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            return true;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const int close = line.lastIndexOf(')');
            if (close >= 0 && close + 2 < line.size() && line.at(close + 2) == 'Z')
                return true;
        }
        QThread::msleep(50);
    }
    return false;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(contents) == contents.size();
}

} // namespace

/// The private PostgreSQL server: creation, start and stop, authentication, and the
/// refusal of directories that are not its own.
class TestPrivatePostgres : public QObject
{
    Q_OBJECT

private:
    std::vector<std::unique_ptr<QTemporaryDir>> m_temporaryDirs;
    std::vector<std::unique_ptr<PrivatePostgres>> m_servers;
    QStringList m_connections;
    int m_connectionCounter = 0;

    /// A fresh temporary directory that every user may enter (PostgreSQL runs as the
    /// postgres user when the test runs as root).
    QString newTemporaryDir()
    {
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid())
            return {};
        QFile::setPermissions(dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                               QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                               QFileDevice::ExeOther);
        const QString path = dir->path();
        m_temporaryDirs.push_back(std::move(dir));
        return path;
    }

    /// A server (not durable: faster) in a directory that does not exist yet.
    PrivatePostgres *newServer(const QString &directory = {})
    {
        const QString path =
            directory.isEmpty() ? newTemporaryDir() + QStringLiteral("/pg") : directory;
        m_servers.push_back(std::make_unique<PrivatePostgres>(path));
        m_servers.back()->setDurable(false);
        return m_servers.back().get();
    }

    /// A QPSQL connection to the postgres database; check isOpen(), lastError().
    QSqlDatabase connectTo(const QString &host, int port, const QString &user,
                           const QString &password = {})
    {
        const QString name = QStringLiteral("tst-privatepostgres-%1").arg(++m_connectionCounter);
        m_connections << name;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host);
        db.setPort(port);
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setUserName(user);
        db.setPassword(password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        db.open();
        return db;
    }

    QSqlDatabase connectAsSuperuser(const PrivatePostgres &server)
    {
        return connectTo(server.socketDirectory(), server.port(), PrivatePostgres::superuser());
    }

    /// A server setting ("SHOW" cannot be prepared, so through current_setting()).
    static QString setting(const QSqlDatabase &db, const QString &name)
    {
        const QVariant value =
            scalar(db, QStringLiteral("SELECT current_setting(?)"), {QVariant(name)});
        return value.isValid() ? value.toString() : QStringLiteral("<error>");
    }

    static bool exec(const QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery query(db);
        if (query.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }

    void closeConnections()
    {
        for (const QString &name : std::as_const(m_connections)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
        m_connections.clear();
    }

private slots:
    void initTestCase()
    {
        QString error;
        if (PrivatePostgres::binDirectory(&error).isEmpty())
            QSKIP(qPrintable(error));
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's QPSQL driver is not installed");
    }

    void cleanup()
    {
        closeConnections();
        QStringList failures;
        for (const auto &server : m_servers) {
            if (!server->stop())
                failures << server->errorString();
            if (server->isRunning())
                failures << QStringLiteral("still running: %1").arg(server->directory());
        }
        m_servers.clear();
        m_temporaryDirs.clear();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void shouldStartConnectAndStop()
    {
        PrivatePostgres *server = newServer();
        QVERIFY(!QFileInfo::exists(server->directory()));
        QVERIFY(!server->isRunning());

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QVERIFY(server->isRunning());
        QCOMPARE(server->port(), 5432);
        QCOMPARE(server->socketDirectory(), server->directory());
        QCOMPARE(server->dataDirectory(), server->directory() + QStringLiteral("/data"));
        QVERIFY(QFileInfo::exists(server->dataDirectory() + QStringLiteral("/PG_VERSION")));
        QVERIFY(QFileInfo::exists(server->directory() + QStringLiteral("/server.log")));
        QVERIFY(QFileInfo::exists(server->directory() + QStringLiteral("/.s.PGSQL.5432")));
        struct stat info;
        QCOMPARE(::stat(QFile::encodeName(server->directory()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0700));

        {
            QSqlDatabase db = connectAsSuperuser(*server);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QVERIFY(exec(db, QStringLiteral("CREATE TABLE notes (id int PRIMARY KEY, body text)")));
            QVERIFY(exec(db, QStringLiteral("INSERT INTO notes VALUES (1, 'première')")));
            QCOMPARE(scalar(db, QStringLiteral("SELECT body FROM notes WHERE id = 1")).toString(),
                     QStringLiteral("première"));
            QCOMPARE(setting(db, QStringLiteral("server_encoding")), QStringLiteral("UTF8"));
            QCOMPARE(setting(db, QStringLiteral("listen_addresses")), QString());
            QCOMPARE(setting(db, QStringLiteral("fsync")), QStringLiteral("off"));
            QCOMPARE(setting(db, QStringLiteral("unix_socket_permissions")),
                     QStringLiteral("0700"));
        }
        closeConnections();

        QVERIFY2(server->stop(), qPrintable(server->errorString()));
        QVERIFY(!server->isRunning());
        QVERIFY(!QFileInfo::exists(server->directory() + QStringLiteral("/.s.PGSQL.5432")));
        QVERIFY2(server->stop(), qPrintable(server->errorString()));
    }

    void shouldDoNothingWhenStartedTwice()
    {
        PrivatePostgres *server = newServer();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        const qint64 pid = postmasterPid(*server);
        QVERIFY(pid > 0);

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QCOMPARE(postmasterPid(*server), pid);

        // A second object for the same directory sees the same running server.
        PrivatePostgres *again = newServer(server->directory());
        QVERIFY2(again->start(), qPrintable(again->errorString()));
        QVERIFY(again->isRunning());
        QCOMPARE(postmasterPid(*server), pid);
    }

    void shouldKeepDataAcrossStopAndStart_data()
    {
        QTest::addColumn<bool>("durable");
        QTest::newRow("durable") << true;
        QTest::newRow("not durable") << false;
    }

    void shouldKeepDataAcrossStopAndStart()
    {
        QFETCH(bool, durable);
        PrivatePostgres *server = newServer();
        server->setDurable(durable);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        {
            QSqlDatabase db = connectAsSuperuser(*server);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            const QString expected = durable ? QStringLiteral("on") : QStringLiteral("off");
            QCOMPARE(setting(db, QStringLiteral("fsync")), expected);
            QCOMPARE(setting(db, QStringLiteral("synchronous_commit")), expected);
            QCOMPARE(setting(db, QStringLiteral("full_page_writes")), expected);
            QVERIFY(exec(db, QStringLiteral("CREATE TABLE kept (value text)")));
            QVERIFY(exec(db, QStringLiteral("INSERT INTO kept VALUES ('still here')")));
        }
        closeConnections();
        QVERIFY2(server->stop(), qPrintable(server->errorString()));
        QVERIFY(!server->isRunning());

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QSqlDatabase db = connectAsSuperuser(*server);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT value FROM kept")).toString(),
                 QStringLiteral("still here"));
    }

    void shouldAuthenticateWithPasswordsOverTcp_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("role with its password")
            << QStringLiteral("coulisse_app") << QStringLiteral("s3cret'pass") << true;
        QTest::newRow("role with a wrong password")
            << QStringLiteral("coulisse_app") << QStringLiteral("wrong") << false;
        QTest::newRow("role without a password")
            << QStringLiteral("coulisse_app") << QString() << false;
        QTest::newRow("superuser without a password")
            << PrivatePostgres::superuser() << QString() << false;
    }

    void shouldAuthenticateWithPasswordsOverTcp()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(bool, accepted);

        const int port = freeTcpPort();
        QVERIFY(port > 0);
        PrivatePostgres *server = newServer();
        server->setTcpPort(port);
        QCOMPARE(server->port(), port);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QVERIFY(QFileInfo::exists(server->directory() + QStringLiteral("/.s.PGSQL.%1").arg(port)));
        {
            QSqlDatabase admin = connectAsSuperuser(*server);
            QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
            QCOMPARE(setting(admin, QStringLiteral("listen_addresses")),
                     QStringLiteral("127.0.0.1"));
            QVERIFY(exec(admin, QStringLiteral("CREATE ROLE coulisse_app LOGIN PASSWORD "
                                               "'s3cret''pass'")));
            QVERIFY(exec(admin, QStringLiteral("CREATE TABLE greetings (text text)")));
            QVERIFY(exec(admin, QStringLiteral("INSERT INTO greetings VALUES ('hello')")));
            QVERIFY(exec(admin, QStringLiteral("GRANT SELECT ON greetings TO coulisse_app")));
        }

        QSqlDatabase db = connectTo(QStringLiteral("127.0.0.1"), port, user, password);
        QCOMPARE(db.isOpen(), accepted);
        if (accepted) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT current_user")).toString(), user);
            QCOMPARE(scalar(db, QStringLiteral("SELECT text FROM greetings")).toString(),
                     QStringLiteral("hello"));
            QCOMPARE(scalar(db, QStringLiteral("SELECT inet_server_addr()::text")).toString(),
                     QStringLiteral("127.0.0.1/32"));
        } else {
            QVERIFY(db.lastError().isValid());
        }
    }

    void shouldRequirePasswordsOnTheSocketForOtherRoles()
    {
        PrivatePostgres *server = newServer();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        {
            QSqlDatabase admin = connectAsSuperuser(*server);
            QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
            QVERIFY(exec(admin, QStringLiteral("CREATE ROLE viewer LOGIN PASSWORD 'look'")));
        }
        QSqlDatabase without =
            connectTo(server->socketDirectory(), server->port(), QStringLiteral("viewer"));
        QVERIFY(!without.isOpen());
        QSqlDatabase with = connectTo(server->socketDirectory(), server->port(),
                                      QStringLiteral("viewer"), QStringLiteral("look"));
        QVERIFY2(with.isOpen(), qPrintable(with.lastError().text()));
        QCOMPARE(scalar(with, QStringLiteral("SELECT current_user")).toString(),
                 QStringLiteral("viewer"));
    }

    void shouldRefuseADirectoryOfSomebodyElse_data()
    {
        QTest::addColumn<QString>("foreignFile");
        QTest::newRow("a foreign file") << QStringLiteral("notes.txt");
        QTest::newRow("a hidden file") << QStringLiteral(".profile");
        QTest::newRow("a file in a subdirectory") << QStringLiteral("photos/cat.jpg");
        QTest::newRow("a non-empty data directory") << QStringLiteral("data/base.db");
    }

    void shouldRefuseADirectoryOfSomebodyElse()
    {
        QFETCH(QString, foreignFile);
        const QString directory = newTemporaryDir() + QStringLiteral("/pg");
        const QString path = directory + QLatin1Char('/') + foreignFile;
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        const QByteArray contents = QByteArrayLiteral("somebody else's precious data\n");
        QVERIFY(writeAll(path, contents));
        struct stat before;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);
        struct stat directoryBefore;
        QCOMPARE(::stat(QFile::encodeName(directory).constData(), &directoryBefore), 0);

        PrivatePostgres *server = newServer(directory);
        QVERIFY(!server->start());
        QVERIFY2(server->errorString().contains(foreignFile.section(QLatin1Char('/'), 0, 0)),
                 qPrintable(server->errorString()));
        QVERIFY2(server->errorString().contains(QStringLiteral("Nothing was changed")),
                 qPrintable(server->errorString()));
        QVERIFY(!server->isRunning());

        QCOMPARE(readAll(path), contents);
        struct stat after;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &after), 0);
        QCOMPARE(after.st_uid, before.st_uid);
        QCOMPARE(after.st_mode, before.st_mode);
        struct stat directoryAfter;
        QCOMPARE(::stat(QFile::encodeName(directory).constData(), &directoryAfter), 0);
        QCOMPARE(directoryAfter.st_uid, directoryBefore.st_uid);
        QCOMPARE(directoryAfter.st_mode, directoryBefore.st_mode);
        QVERIFY(!QFileInfo::exists(server->dataDirectory() + QStringLiteral("/PG_VERSION")));
        QVERIFY(!QFileInfo::exists(directory + QStringLiteral("/server.log")));
        QVERIFY(server->stop());
    }

    void shouldAcceptItsOwnLeftovers()
    {
        // What a failed first start leaves: the log, an empty data directory, a lock file
        // of a socket whose server is gone.
        const QString directory = newTemporaryDir() + QStringLiteral("/pg");
        QVERIFY(QDir().mkpath(directory + QStringLiteral("/data")));
        QVERIFY(writeAll(directory + QStringLiteral("/server.log"), "an earlier attempt\n"));
        QVERIFY(writeAll(directory + QStringLiteral("/.s.PGSQL.5432.lock"), "999999999\n"));

        PrivatePostgres *server = newServer(directory);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QVERIFY(
            readAll(directory + QStringLiteral("/server.log")).startsWith("an earlier attempt\n"));
    }

    void shouldRefuseAFileInThePath_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("directory");
        QTest::newRow("the directory is a file") << QStringLiteral("pg") << QStringLiteral("pg");
        QTest::newRow("a parent is a file")
            << QStringLiteral("parent") << QStringLiteral("parent/child/pg");
        QTest::newRow("the data directory is a file")
            << QStringLiteral("pg/data") << QStringLiteral("pg");
    }

    void shouldRefuseAFileInThePath()
    {
        QFETCH(QString, file);
        QFETCH(QString, directory);
        const QDir base(newTemporaryDir());
        QVERIFY(QDir().mkpath(QFileInfo(base.filePath(file)).path()));
        QVERIFY(writeAll(base.filePath(file), "a file\n"));

        PrivatePostgres *server = newServer(base.filePath(directory));
        QVERIFY(!server->start());
        QVERIFY2(server->errorString().contains(QStringLiteral("is a file")),
                 qPrintable(server->errorString()));
        QCOMPARE(readAll(base.filePath(file)), QByteArray("a file\n"));
    }

    void shouldRefuseATooLongSocketPath()
    {
        const QString directory =
            newTemporaryDir() + QLatin1Char('/') + QString(120, QLatin1Char('x'));
        PrivatePostgres *server = newServer(directory);
        QVERIFY(!server->start());
        QVERIFY2(server->errorString().contains(QStringLiteral("107 bytes")),
                 qPrintable(server->errorString()));
        QVERIFY(!QFileInfo::exists(directory));
    }

    void shouldRefuseAnInvalidPort_data()
    {
        QTest::addColumn<int>("port");
        QTest::newRow("negative") << -1;
        QTest::newRow("too big") << 70000;
    }

    void shouldRefuseAnInvalidPort()
    {
        QFETCH(int, port);
        PrivatePostgres *server = newServer();
        server->setTcpPort(port);
        QVERIFY(!server->start());
        QVERIFY2(server->errorString().contains(QStringLiteral("TCP port")),
                 qPrintable(server->errorString()));
        QVERIFY(!QFileInfo::exists(server->directory()));
    }

    void shouldRefuseAnUnreachableDirectoryWhenRoot()
    {
        if (::geteuid() != 0)
            QSKIP("only root runs the server as another user");
        QTemporaryDir locked; // 0700, owned by root: the postgres user cannot enter it
        QVERIFY(locked.isValid());
        PrivatePostgres server(locked.filePath(QStringLiteral("pg")));
        QVERIFY(!server.start());
        QVERIFY2(server.errorString().contains(QStringLiteral("traverse")),
                 qPrintable(server.errorString()));
        QVERIFY(!QFileInfo::exists(server.directory()));
        QVERIFY(server.stop());
    }

    void shouldStopWhatWasNeverStarted_data()
    {
        QTest::addColumn<bool>("createDirectory");
        QTest::newRow("missing directory") << false;
        QTest::newRow("empty directory") << true;
    }

    void shouldStopWhatWasNeverStarted()
    {
        QFETCH(bool, createDirectory);
        PrivatePostgres *server = newServer();
        if (createDirectory)
            QVERIFY(QDir().mkpath(server->directory()));
        QVERIFY2(server->stop(), qPrintable(server->errorString()));
        QVERIFY(!server->isRunning());
        QCOMPARE(QFileInfo::exists(server->directory()), createDirectory);
        QVERIFY(!QFileInfo::exists(server->dataDirectory()));
    }

    void shouldStartAgainAfterTheServerWasKilled()
    {
        PrivatePostgres *server = newServer();
        server->setDurable(true); // committed rows must survive the kill
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        {
            QSqlDatabase db = connectAsSuperuser(*server);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QVERIFY(exec(db, QStringLiteral("CREATE TABLE survivor (id int)")));
            QVERIFY(exec(db, QStringLiteral("INSERT INTO survivor VALUES (42)")));
        }
        closeConnections();

        const qint64 pid = postmasterPid(*server);
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QVERIFY(waitUntilGone(pid));
        QVERIFY(!server->isRunning());
        QVERIFY(QFileInfo::exists(server->dataDirectory() + QStringLiteral("/postmaster.pid")));

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QVERIFY(postmasterPid(*server) != pid);
        QSqlDatabase db = connectAsSuperuser(*server);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT id FROM survivor")).toInt(), 42);
    }

    void shouldStartDespiteAStaleLockFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("process that is gone") << QStringLiteral("gone");
        QTest::newRow("unrelated live process") << QStringLiteral("unrelated");
        QTest::newRow("garbage") << QStringLiteral("garbage");
    }

    void shouldStartDespiteAStaleLockFile()
    {
        QFETCH(QString, kind);
        PrivatePostgres *server = newServer();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        const QString pidFile = server->dataDirectory() + QStringLiteral("/postmaster.pid");
        const QString socketLock = server->directory() + QStringLiteral("/.s.PGSQL.5432.lock");
        QList<QByteArray> pidLines = readAll(pidFile).split('\n');
        QList<QByteArray> lockLines = readAll(socketLock).split('\n');
        QVERIFY(pidLines.size() > 5);
        QVERIFY(!lockLines.isEmpty());
        QVERIFY2(server->stop(), qPrintable(server->errorString()));
        QVERIFY(!QFileInfo::exists(pidFile));

        QByteArray stalePid;
        if (kind == QLatin1String("gone")) {
            QProcess process;
            process.start(QStringLiteral("/bin/true"), {});
            QVERIFY(process.waitForFinished(10000));
            stalePid = QByteArray::number(process.processId());
            if (stalePid == "0")
                stalePid = "999999999";
        } else if (kind == QLatin1String("unrelated")) {
            stalePid = QByteArray::number(QCoreApplication::applicationPid());
        } else {
            stalePid = "not a pid";
        }
        pidLines[0] = stalePid;
        lockLines[0] = stalePid;
        QVERIFY(writeAll(pidFile, pidLines.join('\n')));
        QVERIFY(writeAll(socketLock, lockLines.join('\n')));

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QVERIFY(server->isRunning());
        QVERIFY(QByteArray::number(postmasterPid(*server)) != stalePid);
        QSqlDatabase db = connectAsSuperuser(*server);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
    }

    void shouldRefuseToChangeThePortOfARunningServer()
    {
        PrivatePostgres *server = newServer();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        PrivatePostgres *other = newServer(server->directory());
        const int port = freeTcpPort();
        QVERIFY(port > 0);
        other->setTcpPort(port);
        QVERIFY(!other->start());
        QVERIFY2(other->errorString().contains(QStringLiteral("already running on port 5432")),
                 qPrintable(other->errorString()));
        QVERIFY(server->isRunning());
    }

    void shouldQuoteTheConnectionString_data()
    {
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected");
        QTest::newRow("defaults") << QString() << QString()
                                  << QStringLiteral("dbname='postgres' user='postgres'");
        QTest::newRow("plain") << QStringLiteral("coulisse") << QStringLiteral("app")
                               << QStringLiteral("dbname='coulisse' user='app'");
        QTest::newRow("quote and backslash") << QStringLiteral("it's") << QStringLiteral("a\\b")
                                             << QStringLiteral("dbname='it\\'s' user='a\\\\b'");
        QTest::newRow("spaces and equals") << QStringLiteral("my db") << QStringLiteral("x=y")
                                           << QStringLiteral("dbname='my db' user='x=y'");
    }

    void shouldQuoteTheConnectionString()
    {
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        PrivatePostgres server(QStringLiteral("/tmp/coulisse pg/it's"));
        server.setTcpPort(5499);
        const QString actual =
            database.isNull() ? server.connectionString() : server.connectionString(database, user);
        QCOMPARE(actual, QStringLiteral("host='/tmp/coulisse pg/it\\'s' port='5499' ") + expected);
    }

    void shouldMakeTheDirectoryAbsolute()
    {
        PrivatePostgres server(QStringLiteral("relative/../pg"));
        QCOMPARE(server.directory(), QDir::current().filePath(QStringLiteral("pg")));
        QCOMPARE(server.dataDirectory(), QDir::current().filePath(QStringLiteral("pg/data")));
        PrivatePostgres empty{QString()};
        QVERIFY(!empty.start());
        QVERIFY(!empty.errorString().isEmpty());
        QVERIFY(!empty.isRunning());
    }

    void shouldExplainAMissingBinDirectory()
    {
        const QByteArray saved = qgetenv("COULISSE_PG_BINDIR");
        const bool wasSet = qEnvironmentVariableIsSet("COULISSE_PG_BINDIR");
        const QString real = PrivatePostgres::binDirectory();
        QVERIFY(!real.isEmpty());

        qputenv("COULISSE_PG_BINDIR", "/nonexistent/postgresql/bin");
        QString error;
        const QString missing = PrivatePostgres::binDirectory(&error);
        PrivatePostgres *server = newServer();
        const bool started = server->start();
        const QString startError = server->errorString();

        qputenv("COULISSE_PG_BINDIR", real.toLocal8Bit());
        const QString explicitDirectory = PrivatePostgres::binDirectory();
        if (wasSet)
            qputenv("COULISSE_PG_BINDIR", saved);
        else
            qunsetenv("COULISSE_PG_BINDIR");

        QVERIFY(missing.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("COULISSE_PG_BINDIR")), qPrintable(error));
        QVERIFY(!started);
        QCOMPARE(startError, error);
        QCOMPARE(explicitDirectory, real);
    }
};

QTEST_GUILESS_MAIN(TestPrivatePostgres)
#include "tst_privatepostgres.moc"
