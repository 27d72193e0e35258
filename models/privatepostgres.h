#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// A PostgreSQL server of Coulisse's own, in a directory: for the demo and the tests.
///
/// The directory holds the cluster (data/), the server log (server.log) and the unix socket
/// (.s.PGSQL.<port>). The superuser "postgres" has no password and is trusted on the socket
/// only (the directory is 0700); every other role logs in with a SCRAM password. When the
/// process runs as root, the directory belongs to the "postgres" system user and the
/// PostgreSQL tools run as that user through runuser.
class PrivatePostgres
{
    Q_DECLARE_TR_FUNCTIONS(PrivatePostgres)

public:
    explicit PrivatePostgres(const QString &directory);

    /// 0 (default): unix socket only. Otherwise also listen on 127.0.0.1:port (password auth).
    void setTcpPort(int port);
    /// false: fsync, synchronous_commit and full_page_writes off (test suites); default true.
    void setDurable(bool durable);

    /// Creates the cluster on first use (initdb), then starts the server and waits until it
    /// accepts connections. Returns true at once when it is already running. False with
    /// errorString() set otherwise (the last lines of the server log are in the message).
    bool start();
    /// Stops the server (fast shutdown) and waits. True when it is not running afterwards.
    bool stop();
    /// Whether the postmaster recorded in data/postmaster.pid is alive and serves this
    /// directory (no process is started to find out).
    bool isRunning() const;

    QString errorString() const { return m_error; }
    /// Absolute path of the instance directory.
    QString directory() const { return m_directory; }
    /// directory()/data: the cluster (PGDATA).
    QString dataDirectory() const;
    /// The directory of the unix socket: directory() itself.
    QString socketDirectory() const { return m_directory; }
    /// 5432 unless a TCP port was set.
    int port() const;
    /// The role the cluster is created for: "postgres".
    static QString superuser();

    /// libpq key=value connection string to \a database as \a user over the unix socket,
    /// values quoted as libpq requires (single quotes, backslash-escaped).
    QString connectionString(const QString &database = QStringLiteral("postgres"),
                             const QString &user = superuser()) const;

    /// The PostgreSQL bin directory used: $COULISSE_PG_BINDIR when set, else the highest
    /// version among /usr/lib/postgresql/*/bin that has initdb and pg_ctl. Empty with
    /// *error set when there is none.
    static QString binDirectory(QString *error = nullptr);

private:
    struct ToolResult
    {
        bool finished = false; ///< ran to its end (not failed to start, not timed out)
        int exitCode = -1;
        QString output; ///< stdout and stderr, merged
    };

    bool fail(const QString &message);
    bool checkPath();
    bool prepareTools();
    bool prepareDirectory();
    bool checkContents();
    bool checkTraversable();
    bool giveToServerUser();
    bool initCluster();
    bool writeClusterFiles();
    bool writeServerConfig();
    bool statusSaysRunning();
    void removeStaleLockFiles();
    bool startServer();
    bool waitForConnection(int timeoutMs, QString *error) const;
    bool tryConnection(QString *error) const;
    ToolResult runTool(const QString &tool, const QStringList &arguments, int timeoutMs) const;
    QString toolFailure(const QString &tool, const ToolResult &result) const;
    QString serverLogTail(qint64 from) const;
    QString socketPath() const;

    QString m_directory;
    QString m_error;
    QString m_binDirectory;
    QString m_runuser;
    int m_tcpPort = 0;
    bool m_durable = true;
    bool m_asRoot = false;
    uint m_serverUid = 0;
    uint m_serverGid = 0;
};
