// The result of analysing one advert: the text, its tokens, sentences and paragraphs, with offsets
// in the caller's original bytes and in UTF-16 code units (what a browser's string indices count).
//
// Contract shared by lib/text (which produces Documents) and lib/rules, lib/advert (which read
// them). A Document owns all its memory; its string_views point into it and stay valid while the
// Document lives and is not moved-from.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caretoolkit::text {

enum class TokenKind : std::uint8_t {
  kWord,         // letters (with internal apostrophes or hyphens as ICU keeps them)
  kNumber,       // digits, with ICU's number rules ("2,500", "11.50")
  kPunctuation,  // . , ; : ! ? ' " ( ) - and the like
  kSymbol,       // £ $ % & + = / and other symbols
  kEmoji,        // pictographs
  kOther,        // anything else that is not whitespace
};

// Byte offsets index the caller's original UTF-8 input; UTF-16 offsets index the same text as a
// JavaScript string. Both are half-open [begin, end).
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t begin_utf16 = 0;
  std::uint32_t end_utf16 = 0;
};

// Token::word_key's low bits: keys that one AnalysisScratch remembers at the same time differ in
// them, so a cache of 2^kWordKeySlotBits entries indexed by them never evicts a live word.
inline constexpr unsigned kWordKeySlotBits = 13;

struct Token {
  Span span;
  std::string_view folded;  // NFC + full case folding, for matching ("Straße" -> "strasse")
  // A key for caching per distinct folded form: tokens with the same non-zero key have the same
  // folded form, in any document and from any AnalysisScratch. The same form may get a new key
  // later. 0 when the token has none (it is longer than 16 bytes or not plain ASCII).
  std::uint64_t word_key = 0;
  std::uint32_t sentence = 0;   // index into Document::sentences()
  std::uint32_t paragraph = 0;  // index into Document::paragraphs()
  std::uint32_t letters = 0;    // for kWord: alphabetic characters (Coleman-Liau); 0 otherwise
  std::uint16_t syllables = 0;  // for kWord; 0 otherwise
  TokenKind kind = TokenKind::kOther;
};

enum class BlockKind : std::uint8_t {
  kParagraph,  // ordinary prose, separated from its neighbours by a blank line
  kHeading,    // a short line without final punctuation, followed by other content ("About you")
  kListItem,   // a line starting with a bullet ("-", "*", "•", "–") or a number ("1.", "2)")
};

struct Sentence {
  Span span;
  std::uint32_t first_token = 0;  // [first_token, end_token) into Document::tokens()
  std::uint32_t end_token = 0;
  std::uint32_t words = 0;
  std::uint32_t paragraph = 0;
};

struct Paragraph {
  BlockKind kind = BlockKind::kParagraph;
  Span span;
  std::uint32_t first_sentence = 0;  // [first_sentence, end_sentence)
  std::uint32_t end_sentence = 0;
  std::uint32_t words = 0;
};

// Whether `token` is a word of ASCII letters only. Every other letter takes more than one byte, so
// a word with as many letters as bytes holds nothing else (no digit, apostrophe, full stop, '@').
inline bool is_ascii_letters_word(const Token& token) {
  return token.kind == TokenKind::kWord && token.letters == token.span.end - token.span.begin;
}

// Readability's complex words (SMOG's polysyllables) have at least this many syllables.
inline constexpr std::uint16_t kComplexWordSyllables = 3;

// Totals over the word tokens of a Document, counted as it is analysed.
struct WordTotals {
  std::uint32_t words = 0;
  std::uint32_t syllables = 0;
  std::uint32_t complex_words = 0;  // with kComplexWordSyllables or more
  std::uint32_t letters = 0;
};

class Document {
 public:
  Document() = default;
  // Copies and moves re-point every Token::folded at the new Document's own storage.
  Document(const Document& other);
  Document(Document&& other) noexcept;
  Document& operator=(const Document& other);
  Document& operator=(Document&& other) noexcept;
  ~Document() = default;

  const std::string& original() const { return original_; }
  std::span<const Token> tokens() const { return tokens_; }
  std::span<const Sentence> sentences() const { return sentences_; }
  std::span<const Paragraph> paragraphs() const { return paragraphs_; }
  const WordTotals& word_totals() const { return word_totals_; }
  // The original text of a span.
  std::string_view text(const Span& span) const {
    return std::string_view(original_).substr(span.begin, span.end - span.begin);
  }

 private:
  friend class Analyzer;
  void rebase_folded(const char* old_storage);

  std::string original_;
  std::string folded_storage_;  // backing store of Token::folded
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Paragraph> paragraphs_;
  WordTotals word_totals_;
};

}  // namespace caretoolkit::text
