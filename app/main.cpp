// coulisse: the desktop application.
#include "cachedatabase.h"
#include "cachelocation.h"
#include "catalogue.h"
#include "cataloguepage.h"
#include "democentralwriter.h"
#include "demoenvironment.h"
#include "mainwindow.h"
#include "preferences.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <cstdio>

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Main)
};

void printError(const QString &message)
{
    std::fprintf(stderr, "coulisse: %s\n", qPrintable(message));
}

/// Opens \a path; on refusal asks the user for another file (or quits). Headless runs
/// (screenshots) only print the reason.
std::unique_ptr<CacheDatabase> openCache(QString path, bool interactive)
{
    for (;;) {
        auto cache = std::make_unique<CacheDatabase>();
        if (cache->open(path))
            return cache;
        printError(cache->errorString());
        if (!interactive)
            return nullptr;
        QMessageBox box(QMessageBox::Critical, Text::tr("Coulisse"),
                        Text::tr("The cache cannot be opened."), QMessageBox::NoButton);
        box.setInformativeText(cache->errorString());
        QPushButton *other =
            box.addButton(Text::tr("Open Another Cache…"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        if (box.clickedButton() != static_cast<QAbstractButton *>(other))
            return nullptr;
        path = QFileDialog::getOpenFileName(
            nullptr, Text::tr("Open Cache"), QFileInfo(path).absolutePath(),
            Text::tr("Coulisse caches (*.sqlite *.db);;All files (*)"));
        if (path.isEmpty())
            return nullptr;
    }
}

/// Renders \a page of \a window once its rows are shown, writes \a file and returns the
/// exit code.
int takeScreenshot(MainWindow &window, const QString &pageAndPart, const QString &file)
{
    // "metrics/retention": the page, then a link to its part.
    const QString page = pageAndPart.section(QLatin1Char('/'), 0, 0);
    const QString part = pageAndPart.section(QLatin1Char('/'), 1);
    // A page for some roles only shows once the signed-in role is known (after a sync).
    QElapsedTimer waiting;
    waiting.start();
    while (!page.isEmpty() && window.pageKeys().contains(page) && !window.showPage(page) &&
           waiting.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    if (!page.isEmpty() && !window.showPage(page)) {
        printError(Text::tr("Unknown page \"%1\"; pages: %2")
                       .arg(page, window.pageKeys().join(QStringLiteral(", "))));
        return 2;
    }
    Page *current = window.currentPage();
    if (!part.isEmpty() &&
        !current->openLink(QUrl(QStringLiteral("coulisse://%1/%2").arg(page, part)))) {
        printError(Text::tr("Unknown part \"%1\" of page \"%2\"").arg(part, page));
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    while (!current->isReady() && timer.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    // Let the detail pane, visible windows of rows and charts arrive and paint.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 600)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!current->isReady()) {
        printError(Text::tr("The page did not finish loading."));
        return 1;
    }
    const QPixmap pixmap = window.grab();
    if (pixmap.isNull() || !pixmap.save(file)) {
        printError(Text::tr("Cannot write %1").arg(file));
        return 1;
    }
    std::printf("%s\n", qPrintable(QDir::toNativeSeparators(file)));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Coulisse"));
    QCoreApplication::setApplicationName(QStringLiteral("Coulisse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COULISSE_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("Coulisse"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Coulisse: the back-office of a game-video community."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"), QStringLiteral("Open this cache file."), QStringLiteral("FILE"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QStringLiteral("Open this profile's cache (default: default)."),
        QStringLiteral("NAME"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("Language: zh_CN or en."), QStringLiteral("LANG"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QStringLiteral("Render the window to FILE.png and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QStringLiteral("Page to show: videos, games, tags, users, review, audit, staff, metrics "
                       "(metrics/DASHBOARD for one dashboard)."),
        QStringLiteral("PAGE"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"), QStringLiteral("Window size for --screenshot, WIDTHxHEIGHT."),
        QStringLiteral("SIZE"), QStringLiteral("1440x900"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Open the demo: a demo cache and a demo central store on a private "
                       "PostgreSQL server, created on first use and stopped on exit."));
    const QCommandLineOption demoDirOption(
        QStringLiteral("demo-dir"),
        QStringLiteral("Directory of the demo (default: the application data folder's demo)."),
        QStringLiteral("DIR"));
    const QCommandLineOption demoVideosOption(QStringLiteral("demo-videos"),
                                              QStringLiteral("Videos of the demo data set."),
                                              QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption demoRoleOption(
        QStringLiteral("demo-role"),
        QStringLiteral("Role of the demo account to sign in as: editor, supervisor, pm or admin."),
        QStringLiteral("ROLE"), QStringLiteral("supervisor"));
    parser.addOptions({cacheOption, profileOption, langOption, screenshotOption, pageOption,
                       sizeOption, demoOption, demoDirOption, demoVideosOption, demoRoleOption});
    parser.process(app);

    const bool screenshot = parser.isSet(screenshotOption);
    if (screenshot) {
        // A screenshot shows what a fresh start shows: no saved window state or language.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           QDir::temp().filePath(QStringLiteral("coulisse-screenshot-settings")));
        QSettings().clear();
    }
    Translations::install(parser.isSet(langOption) ? parser.value(langOption)
                                                   : Preferences::language().value());
    Catalogue::Labels::setProjectTimeZone(QTimeZone(Preferences::timeZone().value().toUtf8()));

    QString path = parser.value(cacheOption);
    std::unique_ptr<DemoEnvironment> demo;
    if (parser.isSet(demoOption)) {
        bool ok = false;
        const qint64 videos = parser.value(demoVideosOption).toLongLong(&ok);
        if (!ok || videos < 0) {
            printError(Text::tr("--demo-videos takes a non-negative number."));
            return 2;
        }
        demo = std::make_unique<DemoEnvironment>(parser.isSet(demoDirOption)
                                                     ? parser.value(demoDirOption)
                                                     : DemoEnvironment::defaultDirectory(),
                                                 videos);
        QTextStream progressOut(stderr);
        QString lastStage;
        const bool prepared = demo->prepare([&](const QString &stage, qint64 done, qint64 total) {
            const bool newStage = stage != lastStage;
            if (!newStage && total > 1 && done != total && done % 50000 != 0)
                return;
            if (newStage && !lastStage.isEmpty())
                progressOut << '\n';
            lastStage = stage;
            progressOut << '\r' << stage;
            if (total > 1)
                progressOut << ": " << done << " / " << total;
            progressOut.flush();
        });
        if (!lastStage.isEmpty())
            progressOut << '\n';
        progressOut.flush();
        if (!prepared) {
            printError(Text::tr("The demo cannot start: %1").arg(demo->errorString()));
            return 1;
        }
        path = demo->cachePath();
    }
    if (path.isEmpty()) {
        const QString profile = parser.isSet(profileOption) ? parser.value(profileOption)
                                                            : Preferences::profile().value();
        if (!CacheLocation::isValidProfileName(profile)) {
            printError(Text::tr("\"%1\" is not a valid profile name.").arg(profile));
            return 2;
        }
        path = CacheLocation::defaultPath(profile);
    }

    std::unique_ptr<CacheDatabase> cache = openCache(path, !screenshot);
    if (!cache)
        return 1;
    QPointer<MainWindow> window = new MainWindow(std::move(cache));
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (demo) {
        QStringList accounts;
        for (const DemoCentralWriter::Account &a : DemoCentralWriter::accounts())
            accounts.append(QStringLiteral("%1 / %2").arg(a.name, a.password));
        window->setCentralStore(
            demo->databaseName(),
            Text::tr("Demo PostgreSQL server in %1\nDemo staff (name / password):\n%2")
                .arg(QDir::toNativeSeparators(demo->serverDirectory()),
                     accounts.join(QLatin1Char('\n'))));
        // The demo signs in as its supervisor (a public demo password) and syncs live.
        const QString role = parser.value(demoRoleOption);
        for (const DemoCentralWriter::Account &a : DemoCentralWriter::accounts()) {
            if (a.role == role) {
                window->signIn(demo->centralUrl(a.name), a.password);
                break;
            }
        }
    }
    if (screenshot) {
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
        window->resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1440,
                       size.value(1).toInt() > 0 ? size.value(1).toInt() : 900);
        window->show();
        const int code =
            takeScreenshot(*window, parser.value(pageOption), parser.value(screenshotOption));
        delete window;
        if (demo)
            demo->stop();
        return code;
    }
    if (parser.isSet(pageOption))
        window->showPage(parser.value(pageOption));
    std::function<void(MainWindow *)> wire = [&](MainWindow *w) {
        QObject::connect(w, &MainWindow::openCacheRequested, w, [w, &wire](const QString &other) {
            std::unique_ptr<CacheDatabase> next = openCache(other, true);
            if (!next)
                return;
            auto *replacement = new MainWindow(std::move(next));
            replacement->setAttribute(Qt::WA_DeleteOnClose);
            wire(replacement);
            replacement->show();
            w->close();
        });
    };
    wire(window);
    window->show();
    const int code = app.exec();
    // The demo's server lives as long as the app.
    if (demo && !demo->stop())
        printError(demo->errorString());
    return code;
}
