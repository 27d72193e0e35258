#include "centralclient.h"

#include "centralconnection.h"

#include <QMutexLocker>
#include <QSemaphore>

#include <libpq-fe.h>

CentralClient::CentralClient(QObject *parent)
    : QObject(parent)
    , m_name(QStringLiteral("coulisse-central-client-%1").arg(quintptr(this), 0, 16))
{
    // One thread that stays: the connection lives on it between jobs.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

CentralClient::~CentralClient()
{
    // The connection belongs to the pool's thread: close it there, after the jobs queued.
    const QString name = m_name;
    QSemaphore closed;
    m_pool.start([name, &closed] {
        CentralConnection::close(name);
        closed.release();
    });
    closed.acquire();
}

void CentralClient::setCredentials(const QString &conninfo, const QString &password)
{
    QMutexLocker lock(&m_mutex);
    m_conninfo = conninfo;
    m_password = password;
    ++m_generation;
}

bool CentralClient::hasCredentials() const
{
    QMutexLocker lock(&m_mutex);
    return !m_conninfo.isEmpty();
}

QString CentralClient::conninfo() const
{
    QMutexLocker lock(&m_mutex);
    return m_conninfo;
}

void CentralClient::waitForDone()
{
    // Not QThreadPool::waitForDone(): that ends the thread, and the connection with it. Jobs
    // run in order, so an empty one finishes after those before it.
    QSemaphore done;
    m_pool.start([&done] { done.release(); });
    done.acquire();
}

CentralClient::Session CentralClient::session()
{
    QString conninfo;
    QString password;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        conninfo = m_conninfo;
        password = m_password;
        generation = m_generation;
    }
    Session session;
    if (conninfo.isEmpty()) {
        CentralConnection::close(m_name);
        session.error = tr("Not signed in to the central store.");
        return session;
    }
    if (m_openGeneration == generation && QSqlDatabase::contains(m_name)) {
        session.db = QSqlDatabase::database(m_name, false);
        // A connection that broke (server restart, network) is opened again.
        PGconn *conn = session.db.isOpen() ? CentralConnection::handle(session.db) : nullptr;
        if (conn && PQstatus(conn) == CONNECTION_OK)
            return session;
    }
    session.db = QSqlDatabase(); // no handle may stay while the connection is replaced
    session.db = CentralConnection::open(conninfo, m_name, &session.error, password);
    m_openGeneration = session.db.isOpen() ? generation : 0;
    if (!session.db.isOpen() && session.error.isEmpty())
        session.error = tr("Cannot connect to the central store.");
    return session;
}
