#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QSqlDatabase>
#include <QThreadPool>

#include <functional>
#include <memory>

/// Online work on the central store for the app's pages that read or manage it directly (the
/// audit log, staff, the approval policy): jobs run one at a time on a thread of the client's
/// own, over one connection kept open between jobs, so the UI never waits for the network.
///
/// A job is a function of a Session; its result comes back as a QFuture (continue it in the
/// UI thread with then(context, ...)). The connection opens on the first job after
/// setCredentials() and again after it broke.
class CentralClient : public QObject
{
    Q_OBJECT

public:
    /// What a job works with: the open connection, or why there is none.
    struct Session
    {
        QSqlDatabase db;
        QString error; ///< empty when db is open
        bool isOpen() const { return error.isEmpty(); }
    };

    explicit CentralClient(QObject *parent = nullptr);
    ~CentralClient() override;

    /// Signs in for the next jobs (\a conninfo empty: signed out). Thread-safe.
    void setCredentials(const QString &conninfo, const QString &password);
    bool hasCredentials() const;
    QString conninfo() const;

    template<typename Job>
    auto run(Job job) -> QFuture<decltype(job(std::declval<Session &>()))>
    {
        // A promise rather than QtConcurrent::run: waiting on that future could run the job
        // in the waiting thread, away from the connection's.
        using Result = decltype(job(std::declval<Session &>()));
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        m_pool.start([this, job, promise]() mutable {
            Session session = this->session();
            promise->addResult(job(session));
            promise->finish();
        });
        return future;
    }

    /// Runs \a job and hands its result to \a handler in \a context's thread; nothing is
    /// handed over once \a context is gone (the job still finishes).
    template<typename Job, typename Handler>
    void call(QObject *context, Job job, Handler handler)
    {
        using Result = decltype(job(std::declval<Session &>()));
        auto *watcher = new QFutureWatcher<Result>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                         [watcher, handler]() mutable {
                             watcher->deleteLater();
                             handler(watcher->result());
                         });
        watcher->setFuture(run(std::move(job)));
    }

    /// Runs \a call on a \a Store (CentralStaff, CentralReleases, …) made on the job's
    /// connection, then hands \a handler whether it succeeded and, if not, why (the store's
    /// errorString(), or why there is no connection), in \a context's thread.
    template<typename Store, typename Handler>
    void change(QObject *context, std::function<bool(Store &)> call, Handler handler)
    {
        this->call(
            context,
            [call](Session &session) {
                std::pair<bool, QString> outcome{false, session.error};
                if (session.isOpen()) {
                    Store store(session.db);
                    outcome.first = call(store);
                    if (!outcome.first)
                        outcome.second = store.errorString();
                }
                return outcome;
            },
            [handler](const std::pair<bool, QString> &outcome) mutable {
                handler(outcome.first, outcome.second);
            });
    }

    /// Blocks until the jobs started so far are done (tests, shutdown).
    void waitForDone();

private:
    /// On the client's thread: the connection for the current credentials.
    Session session();

    QThreadPool m_pool;
    mutable QMutex m_mutex;
    QString m_conninfo;
    QString m_password;
    quint64 m_generation = 0;
    quint64 m_openGeneration = 0; ///< of the open connection (client's thread only)
    QString m_name;
};
