#pragma once

#include <QString>

/// Text normalisation for the cache's full-text indexes (SQLite FTS5, unicode61 tokenizer).
///
/// unicode61 indexes a run of Han characters as one token, so "英雄联盟教程" could only be
/// found by the whole run. We index every run of CJK characters as its overlapping bigrams
/// followed by its last character ("英雄联盟" -> "英雄 雄联 联盟 盟"). A query run of two or
/// more characters becomes the phrase of its bigrams, which matches exactly where the run
/// occurs; a single character becomes a prefix query, which finds it wherever it stands
/// (every character starts a bigram or is the last of its run). So any substring of a
/// Chinese title is found, and a two-character word costs one token lookup.
namespace SearchText {

/// The body written to an FTS table for \a text: CJK runs as bigrams plus their last
/// character, everything else unchanged (the tokenizer lowercases and splits it).
QString indexBody(const QString &text);

/// An FTS5 MATCH expression for what a user typed, or an empty string when the input holds
/// nothing searchable. Whitespace-separated terms must all match (AND); each term is a phrase
/// of its tokens; a trailing Latin token is matched as a prefix (search as you type).
/// Punctuation separates tokens, as the tokenizer does.
QString matchExpression(const QString &userInput);

/// True for characters indexed as bigrams (Han, kana, Hangul, Bopomofo).
bool isCjk(char32_t ucs4);

} // namespace SearchText
