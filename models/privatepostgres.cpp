#include "privatepostgres.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QVersionNumber>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <vector>

namespace {

QAtomicInteger<quint64> s_connectionCounter;

constexpr int DefaultPort = 5432;
// sizeof(sockaddr_un::sun_path) is 108 on Linux, including the terminating NUL.
constexpr int MaxSocketPathBytes = 107;
constexpr int StatusTimeoutMs = 30 * 1000;
constexpr int InitdbTimeoutMs = 180 * 1000;
// pg_ctl waits up to 60 s itself (-t 60); the margin covers runuser and the tool's exit.
constexpr int PgCtlTimeoutMs = 90 * 1000;
constexpr int ConnectTimeoutMs = 15 * 1000;
// How often a start is retried while a killed server's processes still hold its memory.
constexpr int StartAttempts = 10;
constexpr int LogTailLines = 15;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString serverLogPath(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("server.log"));
}

/// The socket and its lock file: .s.PGSQL.<port> and .s.PGSQL.<port>.lock.
bool isSocketFileName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^\\.s\\.PGSQL\\.\\d{1,5}(\\.lock)?$"));
    return pattern.match(name).hasMatch();
}

/// The process id on the first line of a PostgreSQL lock file; 0 when there is none.
qint64 pidFromLockFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = file.readLine(64).trimmed().toLongLong(&ok);
    return ok && pid > 0 && pid <= INT_MAX ? pid : 0;
}

/// Whether \a pid is a live process (a zombie is not: it only waits to be reaped).
bool isProcessAlive(qint64 pid)
{
    if (pid <= 0 || pid > INT_MAX)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno != EPERM)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        // "pid (comm) S ...": the state follows the last parenthesis.
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        if (close >= 0 && close + 2 < line.size()) {
            const char state = line.at(close + 2);
            if (state == 'Z' || state == 'X')
                return false;
        }
    }
    return true;
}

/// False only when \a pid is certainly not the postmaster of \a dataDirectory: no such
/// process, a zombie, or (where /proc tells) another program or another working directory.
/// The postmaster always works in its data directory.
bool mayBePostmasterOf(qint64 pid, const QString &dataDirectory)
{
    if (!isProcessAlive(pid))
        return false;
    const QString proc = QStringLiteral("/proc/%1").arg(pid);
    if (!QFileInfo::exists(proc))
        return true; // no procfs to ask: trust the pid
    QFile comm(proc + QStringLiteral("/comm"));
    if (comm.open(QIODevice::ReadOnly)) {
        const QByteArray name = comm.readAll().trimmed();
        if (name != "postgres" && name != "postmaster")
            return false;
    }
    QByteArray target(PATH_MAX + 1, '\0');
    const ssize_t length = ::readlink(QFile::encodeName(proc + QStringLiteral("/cwd")).constData(),
                                      target.data(), size_t(target.size() - 1));
    if (length < 0)
        return errno != ENOENT; // EACCES: another user's process, cannot tell
    target.truncate(int(length));
    const QString canonicalData = QFileInfo(dataDirectory).canonicalFilePath();
    return !canonicalData.isEmpty() && QFile::decodeName(target) == canonicalData;
}

/// The environment of the tools: PG* variables (PGDATA, PGPORT, PGOPTIONS...) could point
/// them elsewhere, so they go.
QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("PG")))
            environment.remove(key);
    }
    return environment;
}

/// A value for postgresql.conf: single-quoted, quotes doubled.
QString confQuote(QString value)
{
    value.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

/// A value for a libpq connection string: single-quoted, backslash-escaped.
QString libpqQuote(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

bool writeFile(const QString &path, const QByteArray &contents, QIODevice::OpenMode mode,
               QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | mode) || file.write(contents) != contents.size() ||
        !file.flush()) {
        *error = file.errorString();
        return false;
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

PrivatePostgres::PrivatePostgres(const QString &directory)
{
    if (!directory.isEmpty())
        m_directory = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
}

void PrivatePostgres::setTcpPort(int port)
{
    m_tcpPort = port;
}

void PrivatePostgres::setDurable(bool durable)
{
    m_durable = durable;
}

QString PrivatePostgres::dataDirectory() const
{
    return m_directory.isEmpty() ? QString() : QDir(m_directory).filePath(QStringLiteral("data"));
}

int PrivatePostgres::port() const
{
    return m_tcpPort != 0 ? m_tcpPort : DefaultPort;
}

QString PrivatePostgres::superuser()
{
    return QStringLiteral("postgres");
}

QString PrivatePostgres::connectionString(const QString &database, const QString &user) const
{
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
        .arg(libpqQuote(socketDirectory()), libpqQuote(QString::number(port())),
             libpqQuote(database), libpqQuote(user));
}

QString PrivatePostgres::binDirectory(QString *error)
{
    const auto hasTools = [](const QString &directory) {
        for (const char *tool : {"initdb", "pg_ctl"}) {
            const QFileInfo info(QDir(directory).filePath(QLatin1String(tool)));
            if (!info.isFile() || !info.isExecutable())
                return false;
        }
        return true;
    };

    const QString fromEnvironment = qEnvironmentVariable("COULISSE_PG_BINDIR");
    if (!fromEnvironment.isEmpty()) {
        if (hasTools(fromEnvironment))
            return QDir::cleanPath(QFileInfo(fromEnvironment).absoluteFilePath());
        if (error)
            *error = tr("COULISSE_PG_BINDIR is set to %1, which has no initdb and pg_ctl. Point "
                        "it at the bin directory of a PostgreSQL server installation, or unset "
                        "it.")
                         .arg(fromEnvironment);
        return {};
    }

    const QString root = QStringLiteral("/usr/lib/postgresql");
    QVersionNumber best;
    QString bestDirectory;
    const QStringList names = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        qsizetype suffix = 0;
        const QVersionNumber version = QVersionNumber::fromString(name, &suffix);
        if (version.isNull() || suffix != name.size())
            continue;
        const QString directory = QDir(root).filePath(name + QStringLiteral("/bin"));
        if (version > best && hasTools(directory)) {
            best = version;
            bestDirectory = directory;
        }
    }
    if (bestDirectory.isEmpty() && error)
        *error = tr("No PostgreSQL server found: no %1/<version>/bin has initdb and pg_ctl. "
                    "Install the PostgreSQL server (on Debian: apt install postgresql) or set "
                    "COULISSE_PG_BINDIR to its bin directory.")
                     .arg(root);
    return bestDirectory;
}

bool PrivatePostgres::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool PrivatePostgres::start()
{
    m_error.clear();
    if (!checkPath() || !prepareTools())
        return false;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(tr("Qt's PostgreSQL driver (QPSQL) is not installed. Install it (on Debian: "
                       "apt install libqt6sql6-psql)."));
    if (!prepareDirectory())
        return false;

    const bool initialised =
        QFileInfo::exists(QDir(dataDirectory()).filePath(QStringLiteral("PG_VERSION")));
    if (initialised && statusSaysRunning() && isRunning()) {
        QFile pidFile(QDir(dataDirectory()).filePath(QStringLiteral("postmaster.pid")));
        if (pidFile.open(QIODevice::ReadOnly)) {
            // Line 4 of postmaster.pid is the port the running server uses.
            const QList<QByteArray> lines = pidFile.readAll().split('\n');
            bool ok = false;
            const int runningPort = lines.size() > 3 ? lines.at(3).trimmed().toInt(&ok) : 0;
            if (ok && runningPort != port())
                return fail(
                    tr("The PostgreSQL server in %1 is already running on port %2, not "
                       "%3. Stop it first to change the port.")
                        .arg(m_directory, QString::number(runningPort), QString::number(port())));
        }
        QString error;
        if (waitForConnection(ConnectTimeoutMs, &error))
            return true;
        return fail(tr("The PostgreSQL server in %1 is running but does not accept "
                       "connections: %2\nLast lines of %3:\n%4")
                        .arg(m_directory, error, serverLogPath(m_directory), serverLogTail(-1)));
    }

    if (!initialised && !initCluster())
        return false;
    if (!writeServerConfig())
        return false;
    removeStaleLockFiles();
    return startServer();
}

bool PrivatePostgres::stop()
{
    m_error.clear();
    if (m_directory.isEmpty())
        return fail(tr("No directory was given for the private PostgreSQL server."));
    const QFileInfo data(dataDirectory());
    if (!data.exists())
        return true; // never created, so never started
    if (data.isReadable() &&
        (!QFileInfo::exists(data.filePath() + QStringLiteral("/PG_VERSION")) ||
         !QFileInfo::exists(data.filePath() + QStringLiteral("/postmaster.pid"))))
        return true; // no cluster, or no server: postgres holds postmaster.pid while it runs
    if (!prepareTools())
        return false;
    if (!statusSaysRunning() || !isRunning())
        return true;

    const ToolResult fast = runTool(
        QStringLiteral("pg_ctl"),
        {QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
         QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60")},
        PgCtlTimeoutMs);
    if (!isRunning())
        return true;
    // A fast shutdown can still wait for a checkpoint; do not leave the server behind.
    runTool(QStringLiteral("pg_ctl"),
            {QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-t"),
             QStringLiteral("30")},
            PgCtlTimeoutMs);
    if (!isRunning())
        return true;
    return fail(tr("The PostgreSQL server in %1 did not stop. %2\nStop its postgres process "
                   "by hand (its id is on the first line of %3).")
                    .arg(m_directory, toolFailure(QStringLiteral("pg_ctl"), fast),
                         QDir(dataDirectory()).filePath(QStringLiteral("postmaster.pid"))));
}

bool PrivatePostgres::isRunning() const
{
    if (m_directory.isEmpty())
        return false;
    const QString pidFile = QDir(dataDirectory()).filePath(QStringLiteral("postmaster.pid"));
    return mayBePostmasterOf(pidFromLockFile(pidFile), dataDirectory());
}

QString PrivatePostgres::socketPath() const
{
    return QDir(m_directory).filePath(QStringLiteral(".s.PGSQL.%1").arg(port()));
}

bool PrivatePostgres::checkPath()
{
    if (m_directory.isEmpty())
        return fail(tr("No directory was given for the private PostgreSQL server."));
    if (m_tcpPort < 0 || m_tcpPort > 65535)
        return fail(tr("%1 is not a TCP port: use 1 to 65535, or 0 for the unix socket only.")
                        .arg(m_tcpPort));
    // pg_ctl passes paths to /bin/sh in double quotes, and postgresql.conf cannot hold
    // control characters: refuse what would break or be interpreted on the way.
    static const QRegularExpression unsafe(QStringLiteral("[\"$`\\\\\\x{0}-\\x{1f}\\x{7f}]"));
    if (unsafe.match(m_directory).hasMatch())
        return fail(tr("The path %1 contains a character that PostgreSQL's tools cannot handle "
                       "(a double quote, $, `, a backslash or a control character). Choose a "
                       "directory without them.")
                        .arg(m_directory));
    const QByteArray socket = QFile::encodeName(socketPath());
    if (socket.size() > MaxSocketPathBytes)
        return fail(tr("The socket path %1 is %2 bytes long, but unix socket paths are limited "
                       "to %3 bytes. Choose a shorter directory.")
                        .arg(socketPath(), QString::number(socket.size()),
                             QString::number(MaxSocketPathBytes)));
    // The nearest existing ancestor must be a directory.
    for (QString path = m_directory;;) {
        const QFileInfo info(path);
        if (info.exists()) {
            if (!info.isDir())
                return fail(tr("%1 is a file, not a directory, so the private PostgreSQL server "
                               "cannot live in %2. Choose another directory.")
                                .arg(path, m_directory));
            break;
        }
        const QString parent = info.path();
        if (parent == path)
            break;
        path = parent;
    }
    return true;
}

bool PrivatePostgres::prepareTools()
{
    QString error;
    m_binDirectory = binDirectory(&error);
    if (m_binDirectory.isEmpty())
        return fail(error);

    m_asRoot = ::geteuid() == 0;
    if (!m_asRoot)
        return true;

    const QByteArray user = superuser().toLocal8Bit();
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size_t(size > 0 ? size : 16384));
    passwd entry{};
    passwd *found = nullptr;
    while (::getpwnam_r(user.constData(), &entry, buffer.data(), buffer.size(), &found) == ERANGE &&
           buffer.size() < (1u << 20))
        buffer.resize(buffer.size() * 2);
    if (!found)
        return fail(tr("This process runs as root, which PostgreSQL refuses, and there is no "
                       "\"%1\" system user to run the server as. Create that user (the "
                       "postgresql package does) or run as a normal user.")
                        .arg(superuser()));
    m_serverUid = found->pw_uid;
    m_serverGid = found->pw_gid;

    m_runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
    if (m_runuser.isEmpty())
        m_runuser = QStandardPaths::findExecutable(
            QStringLiteral("runuser"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                        QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
    if (m_runuser.isEmpty())
        return fail(tr("This process runs as root, so PostgreSQL must run as the \"%1\" user, "
                       "but runuser (util-linux) is not installed. Install util-linux or run "
                       "as a normal user.")
                        .arg(superuser()));
    return true;
}

bool PrivatePostgres::prepareDirectory()
{
    // As root, find out before creating anything whether the postgres user can get there.
    if (m_asRoot && !checkTraversable())
        return false;
    if (!QFileInfo::exists(m_directory)) {
        const QString parent = QFileInfo(m_directory).path();
        if (!QDir().mkpath(parent))
            return fail(tr("Could not create the directory %1. Check that you may write there, "
                           "or choose another directory.")
                            .arg(parent));
        if (::mkdir(QFile::encodeName(m_directory).constData(), 0700) != 0 && errno != EEXIST) {
            const QString reason = errnoText(errno);
            return fail(tr("Could not create the directory %1: %2. Check that you may write "
                           "there, or choose another directory.")
                            .arg(m_directory, reason));
        }
    }
    if (!checkContents())
        return false;

    const QByteArray native = QFile::encodeName(m_directory);
    if (m_asRoot) {
        if (!checkTraversable() || !giveToServerUser())
            return false;
    } else {
        struct stat info;
        if (::stat(native.constData(), &info) != 0) {
            const QString reason = errnoText(errno);
            return fail(tr("Could not examine %1: %2.").arg(m_directory, reason));
        }
        if (info.st_uid != ::geteuid())
            return fail(
                tr("%1 belongs to another user. Choose a directory of your own.").arg(m_directory));
    }
    // Only the server's user may enter: the superuser is trusted on the socket inside.
    if (::chmod(native.constData(), 0700) != 0) {
        const QString reason = errnoText(errno);
        return fail(tr("Could not make %1 private (mode 0700): %2.").arg(m_directory, reason));
    }
    return true;
}

bool PrivatePostgres::checkContents()
{
    const QString data = dataDirectory();
    const QFileInfo dataInfo(data);
    if (dataInfo.exists() && !dataInfo.isDir())
        return fail(tr("%1 is a file, but it should be the PostgreSQL data directory. Move it "
                       "away or choose another directory.")
                        .arg(data));
    if (dataInfo.exists() && !dataInfo.isReadable())
        return fail(tr("%1 cannot be read: it belongs to another user. Run as that user or "
                       "choose another directory.")
                        .arg(data));
    if (QFileInfo::exists(QDir(data).filePath(QStringLiteral("PG_VERSION"))))
        return true; // an existing cluster

    // No cluster yet: only what this class writes may be there (an empty data directory
    // from an initdb that failed, the log, a socket or its lock file).
    const QDir::Filters all = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
    QStringList foreign;
    const QFileInfoList entries = QDir(m_directory).entryInfoList(all, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QString name = entry.fileName();
        if (name == QLatin1String("data") && entry.isDir() && !entry.isSymLink()) {
            if (QDir(entry.filePath()).isEmpty(all))
                continue;
            foreign << name + QStringLiteral("/…");
            continue;
        }
        if (name == QLatin1String("server.log") && entry.isFile() && !entry.isSymLink())
            continue;
        if (isSocketFileName(name) && !entry.isDir() && !entry.isSymLink())
            continue;
        foreign << name;
    }
    if (foreign.isEmpty())
        return true;
    const int shown = 3;
    QString names = foreign.mid(0, shown).join(QStringLiteral(", "));
    if (foreign.size() > shown)
        names += QStringLiteral(", …");
    return fail(tr("%1 already holds files that are not part of a PostgreSQL server of "
                   "Coulisse (%2). Nothing was changed: choose an empty or new directory, or "
                   "move those files away.")
                    .arg(m_directory, names));
}

bool PrivatePostgres::checkTraversable()
{
    const QByteArray user = superuser().toLocal8Bit();
    std::vector<gid_t> groups(64);
    int count = int(groups.size());
    if (::getgrouplist(user.constData(), m_serverGid, groups.data(), &count) < 0) {
        groups.resize(size_t(std::max(count, 1)));
        count = int(groups.size());
        if (::getgrouplist(user.constData(), m_serverGid, groups.data(), &count) < 0)
            count = 0;
    }
    groups.resize(size_t(std::max(count, 0)));
    if (std::find(groups.begin(), groups.end(), gid_t(m_serverGid)) == groups.end())
        groups.push_back(gid_t(m_serverGid));

    // From the directory, or the ancestor it is going to be created in, up to the root. The
    // directory itself is given to the server's user; every directory above must let it pass.
    QString existing = m_directory;
    while (!QFileInfo::exists(existing) && QFileInfo(existing).path() != existing)
        existing = QFileInfo(existing).path();
    QString path = QFileInfo(existing).canonicalFilePath();
    if (path.isEmpty())
        return fail(tr("Could not resolve the path %1.").arg(existing));
    if (existing == m_directory) {
        const QString parent = QFileInfo(path).path();
        if (parent == path)
            return true;
        path = parent;
    }
    for (;;) {
        struct stat info;
        if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
            const QString reason = errnoText(errno);
            return fail(tr("Could not examine %1: %2.").arg(path, reason));
        }
        mode_t bit = S_IXOTH;
        if (info.st_uid == uid_t(m_serverUid))
            bit = S_IXUSR;
        else if (std::find(groups.begin(), groups.end(), info.st_gid) != groups.end())
            bit = S_IXGRP;
        if (!(info.st_mode & bit))
            return fail(
                tr("The \"%1\" user cannot reach %2: it may not traverse %3 (mode %4). "
                   "This process runs as root, so PostgreSQL runs as \"%1\". Choose a "
                   "directory whose parents every user may enter (under /tmp or "
                   "/var/lib for instance), or allow it with chmod o+x %3.")
                    .arg(superuser(), m_directory, path, QString::number(info.st_mode & 07777, 8)));
        const QString parent = QFileInfo(path).path();
        if (parent == path)
            break;
        path = parent;
    }
    return true;
}

bool PrivatePostgres::giveToServerUser()
{
    QString failed;
    int failure = 0;
    // The directory itself may be a symbolic link to the real one; links inside are not
    // followed.
    const auto give = [&](const QString &path, bool follow) {
        const QByteArray native = QFile::encodeName(path);
        struct stat info;
        if ((follow ? ::stat(native.constData(), &info) : ::lstat(native.constData(), &info)) != 0)
            return errno == ENOENT; // gone meanwhile (a socket lock file, say)
        if (info.st_uid == uid_t(m_serverUid) && info.st_gid == gid_t(m_serverGid))
            return true;
        const int changed =
            follow ? ::chown(native.constData(), uid_t(m_serverUid), gid_t(m_serverGid))
                   : ::lchown(native.constData(), uid_t(m_serverUid), gid_t(m_serverGid));
        if (changed == 0)
            return true;
        failure = errno;
        failed = path;
        return false;
    };
    bool ok = give(m_directory, true);
    QDirIterator it(m_directory,
                    QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (ok && it.hasNext())
        ok = give(it.next(), false);
    if (!ok)
        return fail(tr("Could not give %1 to the \"%2\" user, who runs PostgreSQL when this "
                       "process is root: %3.")
                        .arg(failed, superuser(), errnoText(failure)));
    return true;
}

bool PrivatePostgres::initCluster()
{
    // initdb refuses scram-sha-256 for both local and host connections without a superuser
    // password. The superuser has none: local connections are "trust" for the moment and
    // pg_hba.conf is replaced below, before the server ever runs.
    QStringList arguments = {QStringLiteral("-D"),
                             dataDirectory(),
                             QStringLiteral("-U"),
                             superuser(),
                             QStringLiteral("-E"),
                             QStringLiteral("UTF8"),
                             QStringLiteral("--locale=C.UTF-8"),
                             QStringLiteral("--auth-local=trust"),
                             QStringLiteral("--auth-host=scram-sha-256")};
    if (!m_durable)
        arguments << QStringLiteral("--no-sync");
    const ToolResult result = runTool(QStringLiteral("initdb"), arguments, InitdbTimeoutMs);
    if (!result.finished || result.exitCode != 0)
        return fail(tr("Could not create the PostgreSQL cluster in %1. %2")
                        .arg(dataDirectory(), toolFailure(QStringLiteral("initdb"), result)));
    if (!writeClusterFiles()) {
        // Never leave a cluster behind with the provisional authentication.
        QDir(dataDirectory()).removeRecursively();
        return false;
    }
    return true;
}

bool PrivatePostgres::writeClusterFiles()
{
    const QDir data(dataDirectory());
    const QString user = superuser();
    const QString hba =
        QStringLiteral(
            "# Written by Coulisse. The superuser has no password: it is trusted on the unix\n"
            "# socket only, which lives in a directory that only the server's user may enter.\n"
            "# TYPE  DATABASE  USER      ADDRESS        METHOD\n"
            "local   all       %1  trust\n"
            "local   all       all                      scram-sha-256\n"
            "host    all       all       127.0.0.1/32   scram-sha-256\n"
            "host    all       all       ::1/128        scram-sha-256\n")
            .arg(user, -24);
    QString error;
    const QString hbaPath = data.filePath(QStringLiteral("pg_hba.conf"));
    if (!writeFile(hbaPath, hba.toUtf8(), QIODevice::Truncate, &error))
        return fail(tr("Could not write %1: %2.").arg(hbaPath, error));

    const QString confPath = data.filePath(QStringLiteral("postgresql.conf"));
    QFile conf(confPath);
    if (!conf.open(QIODevice::ReadOnly))
        return fail(tr("Could not read %1: %2.").arg(confPath, conf.errorString()));
    const QString contents = QString::fromUtf8(conf.readAll());
    conf.close();
    static const QRegularExpression include(
        QStringLiteral("^\\s*include_if_exists\\s*=?\\s*'coulisse\\.conf'"),
        QRegularExpression::MultilineOption);
    if (!include.match(contents).hasMatch()) {
        const QByteArray addition = QByteArrayLiteral(
            "\n# Added by Coulisse: the settings it manages, rewritten on every start.\n"
            "include_if_exists = 'coulisse.conf'\n");
        if (!writeFile(confPath, addition, QIODevice::Append, &error))
            return fail(tr("Could not write %1: %2.").arg(confPath, error));
    }
    return true;
}

bool PrivatePostgres::writeServerConfig()
{
    QString socketDirectories = m_directory;
    if (socketDirectories.contains(QLatin1Char(',')) ||
        socketDirectories.contains(QLatin1Char(' ')))
        socketDirectories = QLatin1Char('"') + socketDirectories + QLatin1Char('"');
    QString conf = QStringLiteral("# Written by Coulisse on every start of the server: changes "
                                  "here are lost.\n");
    conf += QStringLiteral("listen_addresses = %1\n")
                .arg(confQuote(m_tcpPort > 0 ? QStringLiteral("127.0.0.1") : QString()));
    conf += QStringLiteral("port = %1\n").arg(port());
    conf += QStringLiteral("unix_socket_directories = %1\n").arg(confQuote(socketDirectories));
    conf += QStringLiteral("unix_socket_permissions = 0700\n"
                           "password_encryption = 'scram-sha-256'\n"
                           "max_connections = 100\n");
    if (!m_durable)
        conf += QStringLiteral("fsync = off\n"
                               "synchronous_commit = off\n"
                               "full_page_writes = off\n");

    const QString path = QDir(dataDirectory()).filePath(QStringLiteral("coulisse.conf"));
    QString error;
    if (!writeFile(path, conf.toUtf8(), QIODevice::Truncate, &error))
        return fail(tr("Could not write %1: %2.").arg(path, error));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (m_asRoot &&
        ::chown(QFile::encodeName(path).constData(), uid_t(m_serverUid), gid_t(m_serverGid)) != 0) {
        const QString reason = errnoText(errno);
        return fail(tr("Could not give %1 to the \"%2\" user: %3.").arg(path, superuser(), reason));
    }
    return true;
}

bool PrivatePostgres::statusSaysRunning()
{
    const ToolResult result =
        runTool(QStringLiteral("pg_ctl"),
                {QStringLiteral("status"), QStringLiteral("-D"), dataDirectory()}, StatusTimeoutMs);
    return result.finished && result.exitCode == 0;
}

void PrivatePostgres::removeStaleLockFiles()
{
    // PostgreSQL itself ignores a lock file whose process is gone, but not one whose process
    // id now belongs to another live process or to a zombie that nobody reaped (a server
    // that was killed, in a container without an init). Remove those.
    const QString data = dataDirectory();
    QStringList lockFiles = {QDir(data).filePath(QStringLiteral("postmaster.pid"))};
    const QFileInfoList entries =
        QDir(m_directory)
            .entryInfoList({QStringLiteral(".s.PGSQL.*.lock")}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &entry : entries)
        lockFiles << entry.filePath();
    for (const QString &lockFile : std::as_const(lockFiles)) {
        if (QFileInfo::exists(lockFile) && !mayBePostmasterOf(pidFromLockFile(lockFile), data))
            QFile::remove(lockFile);
    }
}

bool PrivatePostgres::startServer()
{
    const QString log = serverLogPath(m_directory);
    const qint64 logStart = QFileInfo(log).size();
    ToolResult result;
    for (int attempt = 1;; ++attempt) {
        result = runTool(QStringLiteral("pg_ctl"),
                         {QStringLiteral("start"), QStringLiteral("-D"), dataDirectory(),
                          QStringLiteral("-l"), log, QStringLiteral("-w"), QStringLiteral("-t"),
                          QStringLiteral("60")},
                         PgCtlTimeoutMs);
        if (result.finished && result.exitCode == 0)
            break;
        // The processes of a killed server release its shared memory a moment after it died.
        const bool transient =
            serverLogTail(logStart).contains(QLatin1String("pre-existing shared memory block"));
        if (!transient || attempt >= StartAttempts)
            return fail(tr("The PostgreSQL server in %1 did not start. %2\nLast lines of %3:\n%4")
                            .arg(m_directory, toolFailure(QStringLiteral("pg_ctl"), result), log,
                                 serverLogTail(logStart)));
        QThread::msleep(1000);
    }
    QString error;
    if (!waitForConnection(ConnectTimeoutMs, &error))
        return fail(tr("The PostgreSQL server in %1 started but does not accept connections: "
                       "%2\nLast lines of %3:\n%4")
                        .arg(m_directory, error, log, serverLogTail(logStart)));
    return true;
}

bool PrivatePostgres::waitForConnection(int timeoutMs, QString *error) const
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (tryConnection(error))
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(250);
    }
}

bool PrivatePostgres::tryConnection(QString *error) const
{
    const QString name = QStringLiteral("coulisse-privatepostgres-%1").arg(++s_connectionCounter);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(socketDirectory());
        db.setPort(port());
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setUserName(superuser());
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("SELECT 1")) && query.next() &&
                 query.value(0).toInt() == 1;
            if (!ok)
                *error = query.lastError().text();
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

PrivatePostgres::ToolResult
PrivatePostgres::runTool(const QString &tool, const QStringList &arguments, int timeoutMs) const
{
    ToolResult result;
    const QString program = QDir(m_binDirectory).filePath(tool);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(toolEnvironment());
    process.setStandardInputFile(QProcess::nullDevice());
    // The tools may change to their working directory: one the server's user can enter.
    process.setWorkingDirectory(m_directory);
    if (m_asRoot)
        process.start(m_runuser, QStringList{QStringLiteral("-u"), superuser(),
                                             QStringLiteral("--"), program} +
                                     arguments);
    else
        process.start(program, arguments);
    if (!process.waitForStarted(30 * 1000)) {
        result.output = process.errorString();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        // runuser passes SIGTERM on to the tool; SIGKILL would orphan it.
        process.terminate();
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(5000);
        }
        result.output = QString::fromLocal8Bit(process.readAll()).trimmed();
        result.output += QLatin1Char('\n') +
                         tr("(stopped after %1 seconds without an answer)").arg(timeoutMs / 1000);
        return result;
    }
    result.output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit) {
        result.output += QLatin1Char('\n') + tr("(crashed)");
        return result;
    }
    result.finished = true;
    result.exitCode = process.exitCode();
    return result;
}

QString PrivatePostgres::toolFailure(const QString &tool, const ToolResult &result) const
{
    if (!result.finished)
        return tr("%1 did not run to its end: %2").arg(tool, result.output);
    return tr("%1 failed with exit code %2:\n%3")
        .arg(tool, QString::number(result.exitCode), result.output);
}

QString PrivatePostgres::serverLogTail(qint64 from) const
{
    QFile file(serverLogPath(m_directory));
    if (!file.open(QIODevice::ReadOnly))
        return tr("(no server log)");
    const qint64 size = file.size();
    constexpr qint64 MaxBytes = 8192;
    qint64 begin = from >= 0 && from < size ? from : qMax<qint64>(0, size - 2048);
    if (size - begin > MaxBytes)
        begin = size - MaxBytes;
    if (!file.seek(begin))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (begin > 0 && begin != from && !lines.isEmpty())
        lines.removeFirst(); // most likely the end of a line cut off
    lines.removeAll(QString());
    if (lines.size() > LogTailLines)
        lines = lines.mid(lines.size() - LogTailLines);
    return lines.isEmpty() ? tr("(the server log is empty)") : lines.join(QLatin1Char('\n'));
}
