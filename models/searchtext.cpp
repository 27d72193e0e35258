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

struct Token
{
    QString text;
    bool cjk = false;
};

QList<Token> tokenize(const QString &term)
{
    QList<Token> tokens;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty()) {
            tokens.append({word, false});
            word.clear();
        }
    };
    for (const char32_t c : term.toUcs4()) {
        if (isCjk(c)) {
            flush();
            tokens.append({QString::fromUcs4(&c, 1), true});
        } else if (isWordChar(c)) {
            word.append(QString::fromUcs4(&c, 1));
        } else {
            flush();
        }
    }
    flush();
    return tokens;
}

} // namespace

QString indexBody(const QString &text)
{
    QString out;
    out.reserve(text.size() * 2);
    bool lastWasCjk = false;
    for (const char32_t c : text.toUcs4()) {
        if (isCjk(c)) {
            if (!out.isEmpty() && !out.endsWith(QLatin1Char(' ')))
                out.append(QLatin1Char(' '));
            out.append(QString::fromUcs4(&c, 1));
            lastWasCjk = true;
        } else {
            if (lastWasCjk && !QChar::isSpace(c))
                out.append(QLatin1Char(' '));
            out.append(QString::fromUcs4(&c, 1));
            lastWasCjk = false;
        }
    }
    return out;
}

QString matchExpression(const QString &userInput)
{
    const QStringList terms = userInput.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList phrases;
    for (int i = 0; i < terms.size(); ++i) {
        const QList<Token> tokens = tokenize(terms.at(i));
        if (tokens.isEmpty())
            continue;
        QStringList parts;
        for (const Token &t : tokens)
            parts.append(t.text);
        // Tokens hold only letters, digits and marks, so they never contain a double quote.
        QString phrase = QLatin1Char('"') + parts.join(QLatin1Char(' ')) + QLatin1Char('"');
        if (i == terms.size() - 1 && !tokens.last().cjk)
            phrase.append(QLatin1Char('*'));
        phrases.append(phrase);
    }
    return phrases.join(QLatin1Char(' '));
}

} // namespace SearchText
