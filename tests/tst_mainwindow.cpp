#include "cachedatabase.h"
#include "cataloguepage.h"
#include "lazytablemodel.h"
#include "mainwindow.h"
#include "testsupport.h"
#include "translations.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using TestSupport::scalar;

/// The main window offscreen: every page opens and counts its rows, search and language work,
/// and --screenshot writes a picture.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static bool waitReady(CataloguePage *page)
    {
        QSignalSpy ready(page, &CataloguePage::ready);
        return page->isReady() || ready.wait(20000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("CoulisseTest"));
        m_path = m_dir.filePath(QStringLiteral("window.sqlite"));
        const QString error = TestSupport::writeDemoCache(m_path, 2000, 5);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Translations::install(QStringLiteral("en"));
    }

    void shouldOpenEveryPageWithItsRows_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("table");
        QTest::newRow("videos") << u"videos"_qs << u"videos"_qs;
        QTest::newRow("games") << u"games"_qs << u"games"_qs;
        QTest::newRow("tags") << u"tags"_qs << u"tags"_qs;
        QTest::newRow("users") << u"users"_qs << u"users"_qs;
    }
    void shouldOpenEveryPageWithItsRows()
    {
        QFETCH(QString, page);
        QFETCH(QString, table);
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        const int expected =
            scalar(cache->database(), QStringLiteral("SELECT count(*) FROM ") + table).toInt();
        MainWindow window(std::move(cache));
        window.show();
        QVERIFY(window.showPage(page));
        CataloguePage *current = window.currentPage();
        QCOMPARE(current->key(), page);
        QVERIFY(waitReady(current));
        QCOMPARE(current->table()->model()->rowCount(), expected);
        QVERIFY(current->statusText().contains(QLocale().toString(expected)));
        // The first row is selected and described.
        QTRY_VERIFY(
            !current->findChild<QTextBrowser *>(QStringLiteral("detail"))->toPlainText().isEmpty());
    }

    void shouldSearchAsTheUserTypes()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        const int expected =
            scalar(cache->database(),
                   QStringLiteral("SELECT count(*) FROM videos WHERE instr(title, '教程') > 0"))
                .toInt();
        QVERIFY(expected > 0);
        MainWindow window(std::move(cache));
        window.show();
        CataloguePage *videos = window.page(QStringLiteral("videos"));
        QVERIFY(waitReady(videos));
        auto *search = videos->findChild<QLineEdit *>(QStringLiteral("search"));
        QVERIFY(search);
        QSignalSpy ready(videos, &CataloguePage::ready);
        search->insert(QStringLiteral("教"));
        search->insert(QStringLiteral("程")); // typed one character at a time
        QVERIFY(ready.wait(20000));
        QTRY_COMPARE(videos->table()->model()->rowCount(), expected);
        QVERIFY(videos->statusText().contains(QLatin1String(" of ")));
        videos->clearFilters();
        QTRY_COMPARE(videos->table()->model()->rowCount(), 2000);
    }

    void shouldCopySelectedRows()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        MainWindow window(std::move(cache));
        window.show();
        CataloguePage *games = window.page(QStringLiteral("games"));
        window.showPage(QStringLiteral("games"));
        QVERIFY(waitReady(games));
        games->table()->selectRow(0);
        games->copySelection();
        const QStringList lines =
            QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.first().startsWith(QLatin1String("ID\tName")));
    }

    void shouldSwitchLanguageWhileRunning()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        MainWindow window(std::move(cache));
        window.show();
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Videos"));
        Translations::install(QStringLiteral("zh_CN"));
        QTRY_COMPARE(navigation->item(0)->text(), QStringLiteral("视频"));
        CataloguePage *videos = window.page(QStringLiteral("videos"));
        QVERIFY(waitReady(videos));
        QCOMPARE(videos->table()->model()->headerData(1, Qt::Horizontal).toString(),
                 QStringLiteral("标题"));
        Translations::install(QStringLiteral("en"));
        QTRY_COMPARE(navigation->item(0)->text(), QStringLiteral("Videos"));
    }

    void shouldWriteAScreenshotOfEachPage_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("language");
        QTest::newRow("videos en") << u"videos"_qs << u"en"_qs;
        QTest::newRow("tags zh_CN") << u"tags"_qs << u"zh_CN"_qs;
    }
    void shouldWriteAScreenshotOfEachPage()
    {
        QFETCH(QString, page);
        QFETCH(QString, language);
        const QString png = m_dir.filePath(page + QStringLiteral(".png"));
        QProcess p;
        p.start(TestSupport::binary(QStringLiteral("coulisse")),
                {QStringLiteral("--cache"), m_path, QStringLiteral("--screenshot"), png,
                 QStringLiteral("--page"), page, QStringLiteral("--lang"), language,
                 QStringLiteral("--size"), QStringLiteral("1200x800")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 800));
        // Not a blank picture: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }

    void shouldRefuseToScreenshotACorruptCache()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.sqlite"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QProcess p;
        p.start(TestSupport::binary(QStringLiteral("coulisse")),
                {QStringLiteral("--cache"), bad, QStringLiteral("--screenshot"),
                 m_dir.filePath(QStringLiteral("bad.png"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError())
                    .contains(QLatin1String("not a Coulisse cache")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.png"))));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
