#pragma once

#include <QString>

/// Text normalisation for the cache's full-text indexes (SQLite FTS5, unicode61 tokenizer).
///
/// unicode61 indexes a run of Han characters as one token, so "英雄联盟教程" could only be
/// found by the whole run. We index CJK characters one by one (spaced out) and turn every
/// CJK run of a query into a phrase of single characters: a phrase of consecutive characters
/// matches exactly where the run occurs, so any substring of a Chinese title is found.
namespace SearchText {

/// The body written to an FTS table for \a text: CJK characters separated by spaces,
/// everything else unchanged (the tokenizer lowercases and splits it).
QString indexBody(const QString &text);

/// An FTS5 MATCH expression for what a user typed, or an empty string when the input holds
/// nothing searchable. Whitespace-separated terms must all match (AND); each term is a phrase
/// of its tokens; a trailing Latin token is matched as a prefix (search as you type).
QString matchExpression(const QString &userInput);

/// True for characters indexed one by one (Han, kana, Hangul).
bool isCjk(char32_t ucs4);

} // namespace SearchText
