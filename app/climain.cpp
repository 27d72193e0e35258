// coulisse-cli: everything the app can do to data, scriptable and headless.
#include "clicommands.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString pad(const QString &text, int width)
{
    int columns = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // East Asian wide ranges that occur in our texts: CJK, kana, Hangul, full-width forms.
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                          (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                          (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
                          (u >= 0xFFE0 && u <= 0xFFE6);
        columns += wide ? 2 : 1;
    }
    return columns >= width ? text : text + QString(width - columns, QLatin1Char(' '));
}

bool parse(QCommandLineParser &parser, const QString &description, const QStringList &arguments,
           int *code, const QString &positional)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!positional.isEmpty())
        parser.addPositionalArgument(positional.toLower(), description, positional);
    if (!parser.parse(QStringList{QStringLiteral("coulisse-cli")} + arguments)) {
        err() << parser.errorText() << '\n';
        *code = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        *code = 0;
        return false;
    }
    const int allowed = positional.isEmpty() ? 0 : 1;
    if (parser.positionalArguments().size() > allowed) {
        err()
            << Text::tr("Unexpected argument: %1").arg(parser.positionalArguments().value(allowed))
            << '\n';
        *code = 2;
        return false;
    }
    if (allowed == 1 && parser.positionalArguments().isEmpty()) {
        err() << Text::tr("Missing argument: %1").arg(positional) << '\n';
        *code = 2;
        return false;
    }
    return true;
}

} // namespace Cli

namespace {

void printUsage(const QList<Cli::Command> &commands)
{
    QTextStream &o = Cli::out();
    o << Cli::Text::tr("Usage: coulisse-cli [--lang zh_CN|en] COMMAND [options]") << '\n'
      << '\n'
      << Cli::Text::tr("Commands:") << '\n';
    for (const Cli::Command &c : commands)
        o << "  " << c.words.join(QLatin1Char(' ')).leftJustified(25) << ' '
          << QCoreApplication::translate("Cli", c.summary) << '\n';
    o << '\n'
      << Cli::Text::tr("Run 'coulisse-cli COMMAND --help' for the options of a command.") << '\n';
    o.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    // Reports draw charts: widgets on the offscreen platform, whatever the display.
    bool draws = false;
    for (int i = 1; i < argc && !draws; ++i)
        draws = qstrcmp(argv[i], "report") == 0 && (i == 1 || qstrcmp(argv[i - 2], "--lang") == 0);
    if (draws)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        draws ? std::make_unique<QApplication>(argc, argv)
              : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Coulisse"));
    QCoreApplication::setApplicationName(QStringLiteral("Coulisse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COULISSE_VERSION));

    QStringList args = app.arguments().mid(1);
    QString language;
    const int langAt = args.indexOf(QStringLiteral("--lang"));
    if (langAt >= 0 && langAt + 1 < args.size()) {
        language = args.at(langAt + 1);
        args.remove(langAt, 2);
    }
    Translations::install(language);

    QList<Cli::Command> commands =
        Cli::cacheCommands() + Cli::centralCommands() + Cli::syncCommands() +
        Cli::reviewCommands() + Cli::metricsCommands() + Cli::reportCommands() +
        Cli::catalogueCommands() + Cli::releaseCommands() + Cli::levelCommands();
    if (args.isEmpty() || args.first() == QLatin1String("help") ||
        args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage(commands);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("version")) {
        Cli::out() << "coulisse-cli " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    // The longest command whose words start the arguments.
    const Cli::Command *best = nullptr;
    for (const Cli::Command &c : commands) {
        if (args.size() >= c.words.size() && args.mid(0, c.words.size()) == c.words &&
            (!best || c.words.size() > best->words.size()))
            best = &c;
    }
    if (!best) {
        Cli::err() << Cli::Text::tr("Unknown command: %1").arg(args.join(QLatin1Char(' '))) << '\n';
        Cli::err().flush();
        printUsage(commands);
        return 2;
    }
    const int code = best->run(args.mid(best->words.size()));
    Cli::out().flush();
    Cli::err().flush();
    return code;
}
