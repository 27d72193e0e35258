#include "searchtext.h"

#include <QChar>
#include <QStringList>

namespace SearchText {

bool isCjk(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

namespace {

bool isWordChar(char32_t c)
{
    // unicode61 keeps letters, numbers and private-use characters; everything else separates.
    const auto cat = QChar::category(c);
    switch (cat) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

/// A term split into runs: Latin words (isCjk false) and maximal runs of CJK characters.
struct Run
{
    QList<char32_t> chars;
    bool cjk = false;
};

QList<Run> runsOf(const QString &text)
{
    QList<Run> runs;
    for (const char32_t c : text.toUcs4()) {
        const bool cjk = isCjk(c);
        if (!cjk && !isWordChar(c)) {
            if (!runs.isEmpty() && !runs.last().chars.isEmpty())
                runs.append(Run());
            continue;
        }
        if (runs.isEmpty() || (runs.last().cjk != cjk && !runs.last().chars.isEmpty()))
            runs.append(Run());
        runs.last().cjk = cjk;
        runs.last().chars.append(c);
    }
    if (!runs.isEmpty() && runs.last().chars.isEmpty())
        runs.removeLast();
    return runs;
}

QString fromChars(const QList<char32_t> &chars, qsizetype from, qsizetype count)
{
    return QString::fromUcs4(chars.constData() + from, count);
}

} // namespace

QString indexBody(const QString &text)
{
    QStringList tokens;
    for (const Run &run : runsOf(text)) {
        const qsizetype n = run.chars.size();
        if (!run.cjk) {
            tokens.append(fromChars(run.chars, 0, n));
            continue;
        }
        for (qsizetype i = 0; i + 1 < n; ++i)
            tokens.append(fromChars(run.chars, i, 2));
        tokens.append(fromChars(run.chars, n - 1, 1));
    }
    return tokens.join(QLatin1Char(' '));
}

QString matchExpression(const QString &userInput)
{
    const QStringList terms = userInput.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList phrases;
    for (int t = 0; t < terms.size(); ++t) {
        const bool lastTerm = t == terms.size() - 1;
        // Tokens of the current phrase; a phrase closes after a prefix token.
        QStringList tokens;
        auto close = [&](bool prefix) {
            if (tokens.isEmpty())
                return;
            // Tokens hold only letters, digits and marks, so they never contain a quote.
            phrases.append(QLatin1Char('"') + tokens.join(QLatin1Char(' ')) + QLatin1Char('"') +
                           (prefix ? QStringLiteral("*") : QString()));
            tokens.clear();
        };
        const QList<Run> runs = runsOf(terms.at(t));
        for (int r = 0; r < runs.size(); ++r) {
            const Run &run = runs.at(r);
            const qsizetype n = run.chars.size();
            const bool lastRun = r == runs.size() - 1;
            if (!run.cjk) {
                tokens.append(fromChars(run.chars, 0, n));
                continue;
            }
            // Mirror indexBody: bigrams, then the run's last character where the body has
            // it before the next token. A trailing lone character may start a longer run in
            // a title: match it as a prefix (allowed only on a phrase's last token).
            for (qsizetype i = 0; i + 1 < n; ++i)
                tokens.append(fromChars(run.chars, i, 2));
            if (n == 1 || !lastRun)
                tokens.append(fromChars(run.chars, n - 1, 1));
            if (n == 1 && lastRun)
                close(true);
        }
        const bool trailingLatin = !runs.isEmpty() && !runs.last().cjk;
        close(lastTerm && trailingLatin);
    }
    return phrases.join(QLatin1Char(' '));
}

} // namespace SearchText
