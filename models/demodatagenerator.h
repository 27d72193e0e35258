#pragma once

#include "catalogue.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

/// Options of a demo data set. The same options always give the same rows.
struct DemoDataOptions
{
    qint64 videos = 100000;
    quint64 seed = 1;
    /// Creators and viewers; a negative value derives the number from the videos.
    qint64 creators = -1;
    qint64 viewers = -1;
    /// The data set ends here (exclusive); fixed by default so that a seed means one data set.
    QDateTime until = QDateTime(QDate(2026, 11, 15), QTime(0, 0), QTimeZone(8 * 3600));
    /// Days of history before \a until that videos are spread over.
    int days = 730;
};

/// Deterministic, realistic demo catalogue of a game-video community: the real games of the
/// embedded catalogue (resources/demo/catalogue.json) with their game tags and dedicated tag
/// libraries, a general content library, creators and viewers, and videos whose titles mix a
/// game, a character, a mode or an item and a kind of video, tagged with a long tail.
class DemoDataGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoDataGenerator)

public:
    struct Counts
    {
        qint64 games = 0;
        qint64 tagGroups = 0;
        qint64 tags = 0;
        qint64 users = 0;
        qint64 videos = 0;
        qint64 videoTags = 0;
    };

    using Progress = std::function<void(const QString &stage, qint64 done, qint64 total)>;

    explicit DemoDataGenerator(DemoDataOptions options);
    ~DemoDataGenerator();

    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /// Emits the whole data set into \a sink. Returns false with errorString() set when the
    /// embedded catalogue is unreadable or the sink refuses a row.
    bool generate(Catalogue::Sink &sink);

    Counts counts() const { return m_counts; }
    QString errorString() const { return m_error; }

    static qint64 defaultCreators(qint64 videos);
    static qint64 defaultViewers(qint64 videos);

private:
    struct Private;
    bool fail(const QString &message);

    DemoDataOptions m_options;
    Counts m_counts;
    Progress m_progress;
    QString m_error;
};
