// Gender Decoder's word splitting and counting, reproduced byte for byte.
#include "rules/gender_decoder.hpp"

#include <algorithm>
#include <bit>
#include <string_view>

#include "core/ascii.hpp"
#include "text/swar.hpp"

namespace caretoolkit::rules {
namespace {

// Characters Gender Decoder turns into spaces: Python's \s for ASCII (including the separators
// 0x1c-0x1f), its punctuation class, and every non-ASCII byte (it replaces every character with
// ord >= 128).
struct SeparatorTable {
  bool separator[256] = {};
  constexpr SeparatorTable() {
    for (int c = 0x80; c < 256; ++c) separator[c] = true;
    for (int c = 0x09; c <= 0x0d; ++c) separator[c] = true;
    for (int c = 0x1c; c <= 0x1f; ++c) separator[c] = true;
    separator[static_cast<unsigned char>(' ')] = true;
    for (char c : std::string_view(".,<>*?!\"[]@':;()/&")) {
      separator[static_cast<unsigned char>(c)] = true;
    }
  }
};
constexpr SeparatorTable kSeparators;

bool is_separator(char c) {
  return kSeparators.separator[static_cast<unsigned char>(c)];
}

// Whether text[begin, end) has a separator (or the text's edge) on each side.
bool separated(std::string_view text, std::size_t begin, std::size_t end) {
  return (begin == 0 || is_separator(text[begin - 1])) &&
         (end == text.size() || is_separator(text[end]));
}

// Trie slot of a byte: a-z (either case) are 0-25, '-' is 26, anything else -1.
struct SlotTable {
  signed char slot[256] = {};
  constexpr SlotTable() {
    for (signed char& s : slot) s = -1;
    for (int c = 0; c < 26; ++c) {
      slot['a' + c] = static_cast<signed char>(c);
      slot['A' + c] = static_cast<signed char>(c);
    }
    slot[static_cast<unsigned char>('-')] = 26;
  }
};
constexpr SlotTable kSlots;

int slot_of(char c) {
  return kSlots.slot[static_cast<unsigned char>(c)];
}

// How many ASCII letters (either case) start text[i..]: words are mostly letters, so they are
// read eight bytes at a time and only the byte that ends the run goes through the tables.
std::size_t letter_run(std::string_view text, std::size_t i) {
  using text::swar::kHighBits;
  using text::swar::kOnes;
  const std::size_t start = i;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t bytes = text::swar::load(text.data() + i);
    // Lower case with the top bit cleared, so that adding below cannot carry between bytes; the
    // top bit of each sum then says whether the byte is at least 'a', or beyond 'z'.
    const std::uint64_t folded = (bytes | 0x20 * kOnes) & ~kHighBits;
    const std::uint64_t from_a = folded + (0x80 - 'a') * kOnes;
    const std::uint64_t beyond_z = folded + (0x80 - 'z' - 1) * kOnes;
    const std::uint64_t letters = from_a & ~beyond_z & ~bytes & kHighBits;
    const std::uint64_t others = ~letters & kHighBits;
    if (others != 0) return i - start + static_cast<std::size_t>(std::countr_zero(others)) / 8;
  }
  for (; i < text.size(); ++i) {
    const char lower = static_cast<char>(text[i] | 0x20);
    if (lower < 'a' || lower > 'z') break;
  }
  return i - start;
}

// Adds a coded word, [begin, end) of `text`, to `result`. Kept out of line: it is rarely needed,
// and inlined it would crowd the scanning loop.
[[gnu::noinline]] void record(GenderCoding& result, std::string_view text, std::size_t begin,
                              std::size_t end, int feminine, int masculine) {
  std::string lowered(text.substr(begin, end - begin));
  for (char& c : lowered) c = ascii_lower(c);
  // Adverts have a dozen coded words or so: one allocation rather than five as the list grows.
  if (result.words.empty()) result.words.reserve(16);
  result.feminine += feminine;
  result.masculine += masculine;
  const auto b = static_cast<std::uint32_t>(begin);
  const auto e = static_cast<std::uint32_t>(end);
  if (feminine) result.words.push_back(CodedWord{b, e, lowered, false, feminine});
  if (masculine) result.words.push_back(CodedWord{b, e, std::move(lowered), true, masculine});
}

}  // namespace

GenderDecoder::GenderDecoder(const std::vector<std::string>& feminine,
                             const std::vector<std::string>& masculine) {
  nodes_.push_back(Node{});
  for (const auto& p : feminine) insert(p, false);
  for (const auto& p : masculine) insert(p, true);
  for (Node& node : nodes_) {
    for (std::uint32_t& link : node.child) {
      if (link != 0 && (nodes_[link].feminine_ends != 0 || nodes_[link].masculine_ends != 0)) {
        link |= kEndsFlag;
      }
    }
  }
}

void GenderDecoder::insert(std::string_view prefix, bool masculine) {
  if (prefix.find('-') != std::string_view::npos) {
    hyphenated_.emplace_back(prefix);
  } else if (std::find(stems_.begin(), stems_.end(), prefix) == stems_.end()) {
    stems_.emplace_back(prefix);
  }
  if (prefix.size() <= 1 || prefix[0] == '-') skipped_words_count_zero_ = false;
  std::uint32_t node = 0;
  for (char c : prefix) {
    const int slot = slot_of(c);
    if (slot < 0) return;  // the loader accepts only a-z and '-'
    if (nodes_[node].child[slot] == 0) {
      nodes_[node].child[slot] = static_cast<std::uint32_t>(nodes_.size());
      nodes_.push_back(Node{});
    }
    node = nodes_[node].child[slot];
  }
  (masculine ? nodes_[node].masculine_ends : nodes_[node].feminine_ends)++;
}

// Gender Decoder counts one per (word, list entry) pair where the word starts with the entry.
inline void GenderDecoder::count(std::string_view word, int& feminine, int& masculine) const {
  std::uint32_t node = 0;
  for (char c : word) {
    const int slot = slot_of(c);
    if (slot < 0) return;
    const std::uint32_t link = nodes_[node].child[slot];
    if (link == 0) return;
    node = link & ~kEndsFlag;
    if ((link & kEndsFlag) != 0) {
      feminine += nodes_[node].feminine_ends;
      masculine += nodes_[node].masculine_ends;
    }
  }
}

bool GenderDecoder::starts_with_hyphenated_entry(std::string_view word) const {
  for (const auto& entry : hyphenated_) {
    if (word.size() < entry.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < entry.size() && same; ++i) same = ascii_lower(word[i]) == entry[i];
    if (same) return true;
  }
  return false;
}

const char* GenderDecoder::verdict(int feminine, int masculine) {
  const int score = feminine - masculine;
  if (score == 0) return feminine != 0 ? "neutral" : "empty";
  if (score > 3) return "strongly feminine-coded";
  if (score > 0) return "feminine-coded";
  if (score < -3) return "strongly masculine-coded";
  return "masculine-coded";
}

// Words are read in place and lowercased as they are compared. Most words are not coded: the
// count stays inline, and only a coded word is copied.
inline void GenderDecoder::emit(std::string_view text, std::size_t begin, std::size_t end,
                                Scan& scan) const {
  int feminine = 0;
  int masculine = 0;
  count(text.substr(begin, end - begin), feminine, masculine);
  if (feminine != 0 || masculine != 0) record(scan.result, text, begin, end, feminine, masculine);
}

// Gender Decoder's de-hyphenation loop removes items from the list it is iterating over, so the
// word after the first one it splits (almost always the second word) is never split. The index
// of that word, once known, is kept in the scan to give the same counts.
inline void GenderDecoder::note_plain_word(Scan& scan) {
  const std::size_t index = scan.word_index++;
  if (scan.unsplit_index == SIZE_MAX) scan.unsplit_index = index + 1;
}

void GenderDecoder::scan_bytes(std::string_view text, std::size_t from, std::size_t end,
                               Scan& scan) const {
  text = text.substr(0, end);
  std::size_t i = from;
  while (i < end) {
    while (i < end && is_separator(text[i])) ++i;
    if (i >= end) break;
    const std::size_t begin = i;
    bool hyphen = false;
    for (;;) {
      i += letter_run(text, i);
      if (i >= end || is_separator(text[i])) break;
      hyphen |= text[i] == '-';
      ++i;
    }
    if (!hyphen) {
      note_plain_word(scan);
      emit(text, begin, i, scan);
      continue;
    }
    const std::string_view word = text.substr(begin, i - begin);
    const std::size_t index = scan.word_index++;
    // `word.find("-")` is falsy only when the word starts with a hyphen: such words are kept.
    // Only a word with a hyphen can start with a hyphenated list entry.
    const bool exempt = word[0] == '-' || starts_with_hyphenated_entry(word);
    if (!exempt && scan.unsplit_index == SIZE_MAX) scan.unsplit_index = index + 1;
    if (exempt || index == scan.unsplit_index) {
      emit(text, begin, i, scan);
      continue;
    }
    std::size_t part = begin;
    while (part <= i) {
      std::size_t dash = part;
      while (dash < i && text[dash] != '-') ++dash;
      emit(text, part, dash, scan);
      part = dash + 1;
    }
  }
}

GenderCoding GenderDecoder::finish(Scan& scan) {
  scan.result.verdict = verdict(scan.result.feminine, scan.result.masculine);
  return std::move(scan.result);
}

GenderCoding GenderDecoder::decode(std::string_view text) const {
  Scan scan;
  scan_bytes(text, 0, text.size(), scan);
  return finish(scan);
}

std::vector<std::string> GenderDecoder::stem_terms() const {
  std::vector<std::string> terms;
  terms.reserve(stems_.size());
  for (const std::string& stem : stems_) terms.push_back(stem + "*");
  return terms;
}

inline bool GenderDecoder::take_separated_word(std::string_view text, const text::Token& token,
                                               std::size_t& scanned, Scan& scan) const {
  const std::size_t begin = token.span.begin;
  const std::size_t end = token.span.end;
  if (!text::is_ascii_letters_word(token) || !separated(text, begin, end)) return false;
  // Most gaps are one separator (the byte before the token, just tested), or a few: nothing to
  // scan there.
  if (begin > scanned + 1) {
    while (scanned < begin && is_separator(text[scanned])) ++scanned;
    if (scanned < begin) scan_bytes(text, scanned, begin, scan);
  }
  scanned = end;
  note_plain_word(scan);
  return true;
}

GenderCoding GenderDecoder::decode(const text::Document& document,
                                   std::span<const TermHit> candidates,
                                   std::span<const std::uint32_t> irregular) const {
  const std::string_view text = document.original();
  const auto tokens = document.tokens();
  Scan scan;
  std::size_t scanned = 0;  // bytes before this are done
  // Every word, while the word Gender Decoder's loop leaves unsplit is still ahead.
  std::uint32_t next = 0;
  const auto quirk_settled = [&] {
    return scan.unsplit_index != SIZE_MAX && scan.word_index > scan.unsplit_index;
  };
  for (; next < tokens.size() && !(skipped_words_count_zero_ && quirk_settled()); ++next) {
    const text::Token& token = tokens[next];
    if (take_separated_word(text, token, scanned, scan)) {
      emit(text, token.span.begin, token.span.end, scan);
    }
  }
  if (next == tokens.size()) {
    scan_bytes(text, scanned, text.size(), scan);
    return finish(scan);
  }

  // From here only counts matter. A separated word of letters counts only if it is a candidate;
  // any other word with a non-zero count holds a byte that is neither a letter nor a separator,
  // which lies in an irregular token: the run of non-separators around each irregular token (and
  // around each candidate that is not separated) is scanned as Gender Decoder reads it.
  auto candidate = candidates.begin();
  while (candidate != candidates.end() && candidate->first < next) ++candidate;
  auto other = std::lower_bound(irregular.begin(), irregular.end(), next);
  while (candidate != candidates.end() || other != irregular.end()) {
    const bool take_candidate =
        other == irregular.end() || (candidate != candidates.end() && candidate->first < *other);
    const text::Token& token = tokens[take_candidate ? (candidate++)->first : *other++];
    const std::size_t begin = token.span.begin;
    const std::size_t end = token.span.end;
    if (end <= scanned) continue;  // read with a run before it
    if (!take_candidate) {
      // Punctuation (most irregular tokens) holds no word and separates its neighbours.
      const std::string_view token_text = text.substr(begin, end - begin);
      if (std::all_of(token_text.begin(), token_text.end(), is_separator)) continue;
    } else {
      if (!text::is_ascii_letters_word(token)) continue;  // read as an irregular token
      if (separated(text, begin, end)) {
        emit(text, begin, end, scan);
        scanned = end;
        continue;
      }
    }
    std::size_t from = std::max(begin, scanned);
    while (from > scanned && !is_separator(text[from - 1])) --from;
    std::size_t to = end;
    while (to < text.size() && !is_separator(text[to])) ++to;
    if (to < text.size()) ++to;  // scan_bytes wants the run's separator
    scan_bytes(text, from, to, scan);
    scanned = to;
  }
  return finish(scan);
}

}  // namespace caretoolkit::rules
