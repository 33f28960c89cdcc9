// The compiled matcher: a hash table from folded words to symbols, a byte trie of stems, and a
// trie of symbol sequences (phrases) whose nodes carry the targets they complete.
#include "rules/matcher.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <algorithm>
#include <cstring>
#include <map>

#include "core/error.hpp"
#include "rules/matcher_internal.hpp"
#include "text/swar.hpp"

namespace caretoolkit::rules {
namespace {

using text::Document;
using text::Token;
using text::TokenKind;

bool is_hyphen(std::string_view s) {
  return s == "-" || s == "\u2010" || s == "\u2011";
}

// A hyphen written between two words with no space ("part-time") joins them: the matcher skips
// it so that "part-time" and "part time" are the same phrase.
bool is_joiner(std::span<const Token> tokens, const std::string& original, std::size_t i) {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::kPunctuation || i == 0 || i + 1 >= tokens.size()) return false;
  const Token& before = tokens[i - 1];
  const Token& after = tokens[i + 1];
  if (before.span.end != t.span.begin || t.span.end != after.span.begin) return false;
  const auto wordlike = [](const Token& x) {
    return x.kind == TokenKind::kWord || x.kind == TokenKind::kNumber;
  };
  if (!wordlike(before) || !wordlike(after)) return false;
  return is_hyphen(std::string_view(original).substr(t.span.begin, t.span.end - t.span.begin));
}

std::string_view text_of(const Document& document, const Token& token) {
  return document.text(token.span);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "7am", "7pm", "7.30am", "11:15pm" (one token as ICU keeps digits and letters together).
bool is_time_word(std::string_view s) {
  if (s.size() < 3) return false;
  const std::string_view suffix = s.substr(s.size() - 2);
  if (suffix != "am" && suffix != "pm" && suffix != "AM" && suffix != "PM") return false;
  s.remove_suffix(2);
  std::size_t hours = 0;
  while (hours < s.size() && is_digit(s[hours])) ++hours;
  if (hours < 1 || hours > 2) return false;
  s.remove_prefix(hours);
  if (s.empty()) return true;
  return s.size() == 3 && (s[0] == '.' || s[0] == ':') && is_digit(s[1]) && is_digit(s[2]);
}

// Outward code of a UK postcode: "LN2", "PE9", "SW1A", "M1".
bool is_outward_code(std::string_view s) {
  std::size_t letters = 0;
  while (letters < s.size() && is_upper(s[letters])) ++letters;
  if (letters < 1 || letters > 2 || letters >= s.size() || !is_digit(s[letters])) return false;
  const std::size_t rest = s.size() - letters - 1;
  return rest == 0 || (rest == 1 && (is_upper(s.back()) || is_digit(s.back())));
}

// An outward code that stands alone as a district: two letters ("LN2", "SW1A"), or one of the
// eight one-letter areas with two digits ("S10", "B97", "M14"); "M1" or "B2" alone is more often
// a road or a grade than a place.
bool is_district(std::string_view s) {
  if (s.size() >= 3 && is_upper(s[1])) return true;
  return s.size() == 3 && std::string_view("BEGLMNSW").find(s[0]) != std::string_view::npos &&
         is_digit(s[1]) && is_digit(s[2]);
}

bool is_inward_code(std::string_view s) {
  return s.size() == 3 && is_digit(s[0]) && is_upper(s[1]) && is_upper(s[2]);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_domain(std::string_view folded) {
  for (std::string_view tld : {".uk", ".com", ".org", ".net", ".gov", ".nhs", ".info", ".jobs"}) {
    if (ends_with(folded, tld)) return true;
  }
  return false;
}

// Whether `bytes` starts with `s`: table keys are short words, and for those this loop costs less
// than a call to memcmp.
bool same_bytes(const char* bytes, std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    if (text::swar::load(bytes + i) != text::swar::load(s.data() + i)) return false;
  }
  for (; i < s.size(); ++i) {
    if (bytes[i] != s[i]) return false;
  }
  return true;
}

// A figure written with x for its digits, as job boards hide pay: "XX", "xx.xx", "XX,XXX".
bool is_hidden_figure(std::string_view s) {
  int xs = 0;
  for (const char c : s) {
    if (c == 'x' || c == 'X') {
      ++xs;
    } else if (c != '.' && c != ',') {
      return false;
    }
  }
  return xs >= 2;
}

// Whether `s` holds a '.' or an '@', eight bytes at a time rather than a memchr per byte (as
// string_view::find_first_of would): every token of a text is asked.
bool has_dot_or_at(std::string_view s) {
  using text::swar::kHighBits;
  using text::swar::kOnes;
  // The top bit of (x - kOnes) & ~x is set in some byte exactly when some byte of x is zero.
  const auto has_zero = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHighBits) != 0; };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const std::uint64_t w = text::swar::load(s.data() + i);
    if (has_zero(w ^ (kOnes * '.')) || has_zero(w ^ (kOnes * '@'))) return true;
  }
  for (; i < s.size(); ++i) {
    if (s[i] == '.' || s[i] == '@') return true;
  }
  return false;
}

bool starts_capitalised(std::string_view s) {
  if (s.empty()) return false;
  const auto first = static_cast<unsigned char>(s[0]);
  if (first < 0x80) return is_upper(static_cast<char>(first));
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

// Grows the matching pass's symbols, whose size serves as their capacity, to hold `size`.
[[gnu::always_inline]] inline void reserve_symbols(std::vector<std::uint32_t>& symbols,
                                                   std::size_t size) {
  if (size > symbols.size()) symbols.resize(std::max(size, 2 * symbols.size() + 64));
}

// 64-bit hash of a folded word, as the word table uses it (never 0, which marks an empty slot).
// Inlined into the matching loop: called once per token, a call costs about as much as the hash.
[[gnu::always_inline]] inline std::uint64_t hash_word(std::string_view word) {
  // Eight bytes at a time with a multiply-xorshift mix: most folded words take one or two rounds.
  std::uint64_t hash = 0x9E3779B97F4A7C15ull ^ word.size();
  const char* p = word.data();
  std::size_t n = word.size();
  while (n >= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    hash = (hash ^ chunk) * 0xFF51AFD7ED558CCDull;
    hash ^= hash >> 32;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    // The tail from two overlapping 4-byte reads, or three single bytes: no byte loop.
    std::uint64_t chunk;
    if (n >= 4) {
      std::uint32_t low;
      std::uint32_t high;
      std::memcpy(&low, p, 4);
      std::memcpy(&high, p + n - 4, 4);
      chunk = low | (static_cast<std::uint64_t>(high) << 32);
    } else {
      const auto byte = [p](std::size_t i) {
        return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
      };
      chunk = byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
    }
    hash = (hash ^ chunk) * 0xC4CEB9FE1A85EC53ull;
    hash ^= hash >> 29;
  }
  return hash == 0 ? 1 : hash;  // 0 marks an empty slot
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Building

std::uint32_t Matcher::Builder::word_symbol(std::string_view folded, std::string_view exact,
                                            bool case_sensitive) {
  auto& table = case_sensitive ? sensitive_ : insensitive_;
  const std::string key(case_sensitive ? exact : folded);
  auto [it, inserted] = table.emplace(key, next_symbol_);
  if (inserted) ++next_symbol_;
  return it->second;
}

std::uint32_t Matcher::Builder::stem_symbol(std::string_view folded) {
  auto [it, inserted] = stems_.emplace(std::string(folded), next_symbol_);
  if (inserted) ++next_symbol_;
  return it->second;
}

void Matcher::Builder::add(std::string_view term, bool case_sensitive, std::uint32_t target,
                           const std::string& where) {
  std::vector<std::uint32_t> phrase;
  std::size_t start = 0;
  while (start < term.size()) {
    std::size_t end = term.find(' ', start);
    if (end == std::string_view::npos) end = term.size();
    std::string_view word = term.substr(start, end - start);
    start = end + 1;
    if (word == "#") {
      phrase.push_back(kAnyNumber);
      continue;
    }
    const bool stem = !word.empty() && word.back() == '*';
    if (stem) word.remove_suffix(1);
    const Document& document = analyze(word);
    const auto tokens = document.tokens();
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!is_joiner(tokens, document.original(), i)) kept.push_back(i);
    }
    for (std::size_t k = 0; k < kept.size(); ++k) {
      const Token& token = tokens[kept[k]];
      if (stem && k + 1 == kept.size()) {
        phrase.push_back(stem_symbol(token.folded));
      } else {
        phrase.push_back(word_symbol(token.folded, text_of(document, token), case_sensitive));
      }
    }
  }
  if (phrase.empty()) {
    throw Error(ErrorCode::kInvalid,
                where + ": \"" + std::string(term) + "\" has nothing to match");
  }
  phrases_.push_back(std::move(phrase));
  phrase_targets_.push_back(target);
}

const Document& Matcher::Builder::analyze(std::string_view word) {
  analyzer_.analyze(word, document_, scratch_);
  return document_;
}

Matcher Matcher::Builder::build() {
  Matcher m;
  m.id_ = text::new_word_cache_owner();
  m.classes_mask_ = classes_mask_;
  m.phrase_count_ = phrases_.size();
  for (const std::uint32_t target : phrase_targets_) {
    m.target_count_ = std::max(m.target_count_, target + 1);
  }

  build_words(m);
  build_stems(m);
  build_phrases(m);
  return m;
}

// Word table. Case-sensitive words are filed under their folded form, so one lookup per token
// finds both kinds; the exact text is compared only when the folded form matches.
void Matcher::Builder::build_words(Matcher& m) {
  struct WordBuild {
    std::uint32_t symbol = kNone;
    std::vector<std::pair<std::string, std::uint32_t>> variants;
  };
  std::map<std::string, WordBuild> words;
  for (const auto& [folded, symbol] : insensitive_) words[folded].symbol = symbol;
  for (const auto& [exact, symbol] : sensitive_) {
    const Document& document = analyze(exact);
    const std::string folded =
        document.tokens().empty() ? exact : std::string(document.tokens()[0].folded);
    words[folded].variants.emplace_back(exact, symbol);
  }
  std::size_t capacity = 16;
  while (capacity < words.size() * 2) capacity *= 2;
  m.slots_.assign(capacity, Slot{});
  m.slot_hashes_.assign(capacity, 0);
  m.slot_mask_ = capacity - 1;
  for (const auto& [folded, build] : words) {
    const std::uint64_t hash = hash_word(folded);
    std::uint64_t at = hash & m.slot_mask_;
    while (m.slot_hashes_[at] != 0) at = (at + 1) & m.slot_mask_;
    m.slot_hashes_[at] = hash;
    Slot& slot = m.slots_[at];
    slot.key_offset = static_cast<std::uint32_t>(m.arena_.size());
    slot.key_length = static_cast<std::uint32_t>(folded.size());
    m.arena_ += folded;
    slot.symbol = build.symbol;
    slot.variants_begin = static_cast<std::uint32_t>(m.variants_.size());
    for (const auto& [exact, symbol] : build.variants) {
      m.variants_.push_back(Variant{static_cast<std::uint32_t>(m.arena_.size()),
                                    static_cast<std::uint32_t>(exact.size()), symbol});
      m.arena_ += exact;
    }
    slot.variants_end = static_cast<std::uint32_t>(m.variants_.size());
  }
}

// The stem trie over folded bytes.
void Matcher::Builder::build_stems(Matcher& m) const {
  std::vector<std::map<unsigned char, std::uint32_t>> children(1);
  std::vector<std::uint32_t> symbols(1, kNone);
  for (const auto& [stem, symbol] : stems_) {
    std::uint32_t node = 0;
    for (unsigned char c : stem) {
      auto it = children[node].find(c);
      if (it == children[node].end()) {
        children.emplace_back();
        symbols.push_back(kNone);
        it = children[node].emplace(c, static_cast<std::uint32_t>(children.size() - 1)).first;
      }
      node = it->second;
    }
    symbols[node] = symbol;
  }
  m.stem_nodes_.resize(children.size());
  m.stem_root_.fill(kNone);
  for (const auto& [byte, child] : children[0]) m.stem_root_[byte] = child;
  for (std::size_t n = 0; n < children.size(); ++n) {
    m.stem_nodes_[n].symbol = symbols[n];
    m.stem_nodes_[n].children_begin = static_cast<std::uint32_t>(m.stem_edges_.size());
    for (const auto& [byte, child] : children[n]) m.stem_edges_.push_back(StemEdge{byte, child});
    m.stem_nodes_[n].children_end = static_cast<std::uint32_t>(m.stem_edges_.size());
  }
}

// The phrase trie over symbols; node 0 is the root, and the root's child through symbol s is node
// 1 + s (an empty node when no phrase starts with s), so that the first step of a walk needs no
// lookup. The deeper nodes follow.
void Matcher::Builder::build_phrases(Matcher& m) const {
  std::vector<std::map<std::uint32_t, std::uint32_t>> children(1);
  std::vector<std::vector<std::uint32_t>> outputs(1);
  for (std::size_t p = 0; p < phrases_.size(); ++p) {
    std::uint32_t node = 0;
    for (std::uint32_t symbol : phrases_[p]) {
      auto it = children[node].find(symbol);
      if (it == children[node].end()) {
        children.emplace_back();
        outputs.emplace_back();
        it = children[node].emplace(symbol, static_cast<std::uint32_t>(children.size() - 1)).first;
      }
      node = it->second;
    }
    auto& out = outputs[node];
    if (std::find(out.begin(), out.end(), phrase_targets_[p]) == out.end()) {
      out.push_back(phrase_targets_[p]);
    }
  }
  // Number the nodes: the root's children by symbol, the deeper ones after them.
  std::vector<std::uint32_t> number(children.size(), kNone);
  number[0] = 0;
  for (const auto& [symbol, child] : children[0]) number[child] = 1 + symbol;
  std::uint32_t next = 1 + next_symbol_;
  for (std::size_t n = 1; n < children.size(); ++n) {
    if (number[n] == kNone) number[n] = next++;
  }
  m.nodes_.assign(next, Node{});
  std::size_t edge_count = 0;
  for (std::size_t n = 1; n < children.size(); ++n) edge_count += children[n].size();
  unsigned bits = 4;
  while ((std::size_t{1} << bits) < 2 * edge_count) ++bits;
  m.edge_shift_ = 64 - bits;
  m.edge_mask_ = (std::uint64_t{1} << bits) - 1;
  m.edge_table_.assign(std::size_t{1} << bits, EdgeSlot{});
  std::vector<std::uint32_t> by_number(next, kNone);  // node number -> index in children
  for (std::size_t n = 0; n < children.size(); ++n)
    by_number[number[n]] = static_cast<std::uint32_t>(n);
  for (std::uint32_t id = 0; id < next; ++id) {
    Node& node = m.nodes_[id];
    node.outputs_begin = node.outputs_end = static_cast<std::uint32_t>(m.outputs_.size());
    const std::uint32_t n = by_number[id];
    if (n == kNone) continue;  // no phrase starts with this symbol
    if (id != 0) {
      for (const auto& [symbol, child] : children[n]) node.edge_filter |= symbol_bit(symbol);
    }
    m.outputs_.insert(m.outputs_.end(), outputs[n].begin(), outputs[n].end());
    node.outputs_end = static_cast<std::uint32_t>(m.outputs_.size());
  }
  // The edges, once every node they copy is complete.
  for (std::uint32_t id = 1; id < next; ++id) {
    const std::uint32_t n = by_number[id];
    if (n == kNone) continue;
    for (const auto& [symbol, child] : children[n]) {
      const std::uint64_t key = edge_key(id, symbol);
      std::uint64_t at = (key * kEdgeHashFactor) >> m.edge_shift_;
      while (m.edge_table_[at].key != 0) at = (at + 1) & m.edge_mask_;
      m.edge_table_[at] = EdgeSlot{key, number[child], m.nodes_[number[child]]};
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Matching

[[gnu::always_inline]] inline const Matcher::Slot* Matcher::find_slot(std::string_view folded,
                                                                      std::uint64_t hash) const {
  // Probe the dense array of hashes; read a full slot only when its hash matches.
  std::uint64_t at = hash & slot_mask_;
  for (std::uint64_t h = slot_hashes_[at]; h != 0; h = slot_hashes_[at]) {
    if (h == hash) {
      const Slot& slot = slots_[at];
      if (slot.key_length == folded.size() && same_bytes(arena_.data() + slot.key_offset, folded)) {
        return &slot;
      }
    }
    at = (at + 1) & slot_mask_;
  }
  return nullptr;
}

bool Matcher::add_symbols(const Document& document, std::uint32_t index, MatchResult& result,
                          std::size_t& used) const {
  std::vector<std::uint32_t>& symbols = result.symbols;
  const auto push = [&](std::uint32_t symbol) {
    reserve_symbols(symbols, used + 1);
    symbols[used++] = symbol;
  };
  const Token& token = document.tokens()[index];
  const std::string_view folded = token.folded;
  bool exact_text = false;
  if (folded.empty()) return exact_text;
  if (const Slot* slot = find_slot(folded, hash_word(folded))) {
    if (slot->symbol != kNone) push(slot->symbol);
    if (slot->variants_begin != slot->variants_end) {
      exact_text = true;
      const std::string_view exact = document.text(token.span);
      for (std::uint32_t v = slot->variants_begin; v < slot->variants_end; ++v) {
        const Variant& variant = variants_[v];
        if (std::string_view(arena_).substr(variant.text_offset, variant.text_length) == exact) {
          push(variant.symbol);
        }
      }
    }
  }
  // Stems: the first byte through a table, the rest through the trie's short child lists.
  std::uint32_t node = stem_root_[static_cast<unsigned char>(folded[0])];
  if (node != kNone) {
    if (stem_nodes_[node].symbol != kNone) push(stem_nodes_[node].symbol);
    for (unsigned char c : folded.substr(1)) {
      const StemNode& current = stem_nodes_[node];
      std::uint32_t next = kNone;
      for (std::uint32_t e = current.children_begin; e < current.children_end; ++e) {
        if (stem_edges_[e].byte == c) {
          next = stem_edges_[e].node;
          break;
        }
      }
      if (next == kNone) break;
      node = next;
      if (stem_nodes_[node].symbol != kNone) push(stem_nodes_[node].symbol);
    }
  }
  return exact_text;
}

[[gnu::always_inline]] inline std::uint64_t Matcher::add_cached_symbols(const Document& document,
                                                                        std::uint32_t index,
                                                                        MatchResult& result,
                                                                        std::size_t& used) const {
  using CachedSymbols = MatchResult::CachedSymbols;
  std::uint32_t* const symbols = result.symbols.data();
  const Token& token = document.tokens()[index];
  // match() keeps room for the any-number symbol and a cached word's symbols for every token
  // still to come, so these are written without a size check.
  symbols[used] = kAnyNumber;
  const bool number = token.kind == TokenKind::kNumber;
  used += static_cast<std::size_t>(number);
  const std::uint64_t number_filter = number ? symbol_bit(kAnyNumber) : 0;
  const CachedSymbols* cached =
      token.word_key == 0 ? nullptr : result.word_symbols.find(token.word_key);
  if (cached != nullptr && cached->count != CachedSymbols::kUncached) {
    std::memcpy(symbols + used, cached->symbols.data(), sizeof cached->symbols);
    used += cached->count;
    return number_filter | cached->filter;
  }
  // Through a copy of `used`, so that the matching loop's own stays in a register.
  std::size_t advanced = used;
  const std::uint64_t filter =
      add_uncached_symbols(document, index, cached == nullptr, result, advanced);
  used = advanced;
  return number_filter | filter;
}

std::uint64_t Matcher::add_uncached_symbols(const Document& document, std::uint32_t index,
                                            bool may_cache, MatchResult& result,
                                            std::size_t& used) const {
  using CachedSymbols = MatchResult::CachedSymbols;
  const Token& token = document.tokens()[index];
  const std::size_t first = used;
  const bool exact_text = add_symbols(document, index, result, used);
  // Room again for every token still to come, as match() keeps it.
  reserve_symbols(result.symbols, used + (document.tokens().size() - index - 1) * kRoomPerToken);
  const std::uint32_t* const symbols = result.symbols.data();
  const std::size_t count = used - first;
  std::uint64_t filter = 0;
  for (std::size_t s = first; s < used; ++s) filter |= symbol_bit(symbols[s]);
  if (token.word_key != 0 && may_cache) {
    CachedSymbols& fresh = result.word_symbols.put(token.word_key);
    fresh.count = CachedSymbols::kUncached;
    if (!exact_text && count <= fresh.symbols.size()) {
      fresh.count = static_cast<std::uint32_t>(count);
      std::copy_n(symbols + first, count, fresh.symbols.begin());
      fresh.filter = filter;
    }
  }
  return filter;
}

[[gnu::always_inline]] inline void Matcher::walk(const Node& node, std::uint32_t node_index,
                                                 std::size_t position, std::size_t start,
                                                 MatchResult& result) const {
  if (node.outputs_begin != node.outputs_end) {
    const std::uint32_t first = result.positions[start];
    const std::uint32_t end = result.positions[position - 1] + 1;
    for (std::uint32_t o = node.outputs_begin; o < node.outputs_end; ++o) {
      const std::uint32_t target = outputs_[o];
      result.terms.push_back(TermHit{target, first, end});
      ++result.target_hits[target];
    }
  }
  // Most nodes reached from the root have edges, but few with a symbol at the next position.
  if ((node.edge_filter & result.symbol_filters[position]) != 0) {
    follow(node_index, position, start, result);
  }
}

[[gnu::always_inline]] inline const Matcher::EdgeSlot* Matcher::edge_of(
    std::uint32_t node, std::uint32_t symbol) const {
  const std::uint64_t key = edge_key(node, symbol);
  for (std::uint64_t at = (key * kEdgeHashFactor) >> edge_shift_;; at = (at + 1) & edge_mask_) {
    const EdgeSlot& slot = edge_table_[at];
    if (slot.key == key) return &slot;
    if (slot.key == 0) return nullptr;
  }
}

void Matcher::follow(std::uint32_t node, std::size_t position, std::size_t start,
                     MatchResult& result) const {
  const std::uint32_t* const offsets = result.symbol_offsets.begin();
  for (std::uint32_t s = offsets[position]; s < offsets[position + 1]; ++s) {
    const EdgeSlot* const edge = edge_of(node, result.symbols[s]);
    if (edge != nullptr) walk(edge->node, edge->child, position + 1, start, result);
  }
}

void Matcher::match(const Document& document, MatchResult& result) const {
  result.terms.clear();
  result.target_hits.assign(target_count_, 0);
  result.classes.clear();
  result.word_symbols.claim(id_);
  const auto tokens = document.tokens();
  const std::size_t n = tokens.size();
  const char* const original = document.original().data();
  result.positions.reset(n);
  result.symbol_offsets.reset(n + 1);
  result.punctuation.reset(n);
  result.capitalised.reset(n);
  result.others.reset(n);
  result.symbol_filters.reset(n + 1);
  std::size_t used = 0;
  static_assert(kRoomPerToken == 1 + MatchResult::CachedSymbols::kCapacity);
  reserve_symbols(result.symbols, n * kRoomPerToken);
  std::uint32_t* capitalised = result.capitalised.append_at();
  std::uint32_t* others = result.others.append_at();
  std::uint32_t* punctuation = result.punctuation.append_at();
  std::uint32_t* positions = result.positions.append_at();
  std::uint32_t* symbol_offsets = result.symbol_offsets.append_at();
  std::uint64_t* symbol_filters = result.symbol_filters.append_at();
  for (std::uint32_t i = 0; i < n; ++i) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::kWord) {
      const char head = original[token.span.begin];
      if (head >= 'A' && head <= 'Z') *capitalised++ = i;
    }
    if (!text::is_ascii_letters_word(token)) *others++ = i;
    if (token.kind == TokenKind::kPunctuation) {
      *punctuation++ = i;
      if (is_joiner(tokens, document.original(), i)) continue;
    }
    *positions++ = i;
    *symbol_offsets++ = static_cast<std::uint32_t>(used);
    *symbol_filters++ = add_cached_symbols(document, i, result, used);
  }
  *symbol_offsets++ = static_cast<std::uint32_t>(used);
  *symbol_filters++ = 0;
  result.capitalised.appended_to(capitalised);
  result.others.appended_to(others);
  result.punctuation.appended_to(punctuation);
  result.positions.appended_to(positions);
  result.symbol_offsets.appended_to(symbol_offsets);
  result.symbol_filters.appended_to(symbol_filters);
  if (classes_mask_ != 0) find_classes(document, result);

  const std::uint32_t* const offsets = result.symbol_offsets.begin();
  const std::uint32_t* const symbols = result.symbols.data();
  const std::size_t position_count = result.positions.size();
  for (std::size_t p = 0; p < position_count; ++p) {
    for (std::uint32_t s = offsets[p]; s < offsets[p + 1]; ++s) {
      const std::uint32_t child = 1 + symbols[s];
      walk(nodes_[child], child, p + 1, p, result);
    }
  }
}

bool is_capitalised_word(const Document& document, std::uint32_t index) {
  const Token& token = document.tokens()[index];
  if (token.kind != TokenKind::kWord) return false;
  const std::string_view word = text_of(document, token);
  return starts_capitalised(word) &&
         std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

namespace {

// Finds the token classes (money, times, postcodes, phone numbers, email and web addresses,
// hidden figures) among one document's tokens, for Matcher::find_classes: only the classes in
// `mask` are looked for, and only the tokens `result.others` lists are read.
class ClassFinder {
 public:
  ClassFinder(const Document& document, std::uint32_t mask, MatchResult& result)
      : document_(document),
        tokens_(document.tokens()),
        n_(tokens_.size()),
        mask_(mask),
        result_(result) {}

  void run() {
    // Most words are ASCII letters only: no digit, '.' or '@', so they belong to no class listed
    // here (a capitalised word is not listed: see is_capitalised_word). The loop reads the others.
    for (const std::size_t i : result_.others) {
      if (i < consumed_until_) continue;
      const Token& t = tokens_[i];
      const std::string_view s = document_.text(t.span);
      if (t.kind == TokenKind::kPunctuation || t.kind == TokenKind::kSymbol) {
        symbol(i, s);
        continue;
      }
      const bool number = t.kind == TokenKind::kNumber;
      if (!number && t.kind != TokenKind::kWord) continue;
      if (number) figure(i, s);
      if (wants(TokenClass::kTime) && is_digit(s[0])) time(i, s, number);
      if (wants(TokenClass::kPostcode) && is_upper(s[0]) && is_outward_code(s)) postcode(i, s);
      if (wants(TokenClass::kPhone) && number && phone(i, s)) continue;
      if (!number) word(i, t, s);
    }
    // Only the split form of an email address can put a hit before an earlier one.
    const auto by_first = [](const ClassHit& a, const ClassHit& b) { return a.first < b.first; };
    if (std::is_sorted(result_.classes.begin(), result_.classes.end(), by_first)) return;
    std::stable_sort(result_.classes.begin(), result_.classes.end(), by_first);
  }

 private:
  bool wants(TokenClass c) const { return (mask_ & (1u << static_cast<unsigned>(c))) != 0; }
  void add(TokenClass c, std::size_t first, std::size_t end) {
    result_.classes.push_back(
        ClassHit{c, static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(end)});
  }
  std::string_view text(std::size_t i) const { return document_.text(tokens_[i].span); }
  // Tokens i and j (> i) are separated by at most one space.
  bool close(std::size_t i, std::size_t j) const {
    return tokens_[j].span.begin - tokens_[i].span.end <= 1;
  }
  bool adjacent(std::size_t i, std::size_t j) const {
    return tokens_[j].span.begin == tokens_[i].span.end;
  }
  // The end of the run of "*" that starts at token i (i itself when there is none).
  std::size_t stars_end(std::size_t i) const {
    std::size_t j = i;
    while (j < n_ && text(j) == "*" && (j == i || adjacent(j - 1, j))) ++j;
    return j;
  }

  // Punctuation and symbols: "£" before a number, hidden figures, a split email address.
  void symbol(std::size_t i, std::string_view s) {
    if (wants(TokenClass::kMoney) && i + 1 < n_ && tokens_[i + 1].kind == TokenKind::kNumber &&
        close(i, i + 1) && (s == "£" || s == "$" || s == "€")) {
      add(TokenClass::kMoney, i, i + 2);
    }
    // A hidden figure: "£XX", "£xx.xx" or "£****", or a run of three or more "*" ("****
    // hours"; two are Markdown's bold).
    const bool want_placeholder = wants(TokenClass::kPlaceholder);
    if (want_placeholder && s == "£" && i + 1 < n_ && close(i, i + 1)) {
      const std::size_t stars = stars_end(i + 1);
      if (stars > i + 1) {
        add(TokenClass::kPlaceholder, i, stars);
        stars_until_ = stars;
      } else if (is_hidden_figure(text(i + 1))) {
        add(TokenClass::kPlaceholder, i, i + 2);
      }
    } else if (want_placeholder && s == "*" && i >= stars_until_) {
      const std::size_t stars = stars_end(i);
      if (stars - i >= 3) add(TokenClass::kPlaceholder, i, stars);
      stars_until_ = stars;
    }
    // Segmenters that split "jobs@example.org" at the "@".
    if (wants(TokenClass::kEmail) && s == "@" && i > 0 && i + 1 < n_ && adjacent(i - 1, i) &&
        adjacent(i, i + 1) && tokens_[i + 1].folded.find('.') != std::string_view::npos) {
      add(TokenClass::kEmail, i - 1, i + 2);
    }
  }

  // A number, and an amount with pence ("12.50") not already read after a "£".
  void figure(std::size_t i, std::string_view s) {
    if (wants(TokenClass::kNumber)) add(TokenClass::kNumber, i, i + 1);
    if (wants(TokenClass::kMoney) && s.size() >= 4 && s[s.size() - 3] == '.' &&
        (i == 0 || text(i - 1) != "£")) {
      add(TokenClass::kMoney, i, i + 1);
    }
  }

  // "9am", "9 am", "09:30" and the like.
  void time(std::size_t i, std::string_view s, bool number) {
    if (is_time_word(s)) {
      add(TokenClass::kTime, i, i + 1);
    } else if (number && s.size() <= 5 && i + 1 < n_) {
      if (close(i, i + 1) && (tokens_[i + 1].folded == "am" || tokens_[i + 1].folded == "pm")) {
        add(TokenClass::kTime, i, i + 2);
      } else if (s.size() <= 2 && i + 2 < n_ && text(i + 1) == ":" && adjacent(i, i + 1) &&
                 adjacent(i + 1, i + 2) && text(i + 2).size() == 2 && all_digits(text(i + 2))) {
        add(TokenClass::kTime, i, i + 3);
      }
    }
  }

  // A full postcode ("LE4 5AB") or a district alone ("LE4").
  void postcode(std::size_t i, std::string_view s) {
    if (i + 1 < n_ && close(i, i + 1) && is_inward_code(text(i + 1))) {
      add(TokenClass::kPostcode, i, i + 2);
    } else if (is_district(s)) {
      add(TokenClass::kPostcode, i, i + 1);
    }
  }

  // A UK phone number starting at token i, in one or several groups of digits; true when one is
  // found (its tokens are then read no further).
  bool phone(std::size_t i, std::string_view s) {
    if (!((s[0] == '0' || s == "44") && all_digits(s))) return false;
    const bool plus44 = s == "44" && i > 0 && text(i - 1) == "+";
    if (s[0] != '0' && !plus44) return false;
    std::size_t digits = s.size();
    std::size_t j = i;
    while (digits < 12 && j + 1 < n_ && tokens_[j + 1].kind == TokenKind::kNumber &&
           close(j, j + 1) && all_digits(text(j + 1))) {
      ++j;
      digits += tokens_[j].span.end - tokens_[j].span.begin;
    }
    if ((!plus44 && (digits == 10 || digits == 11)) || (plus44 && digits == 12)) {
      add(TokenClass::kPhone, i, j + 1);
      consumed_until_ = j + 1;
      return true;
    }
    return false;
  }

  // Words: a hidden figure, or an email or web address kept as one word.
  void word(std::size_t i, const Token& t, std::string_view s) {
    // "xx.xx" (a word with a full stop) hides a figure; "XX" alone, a word of letters, is not
    // read here: a rule can list it as a term.
    if (wants(TokenClass::kPlaceholder) && is_hidden_figure(s) &&
        (i == 0 || text(i - 1) != "£" || !close(i - 1, i))) {
      add(TokenClass::kPlaceholder, i, i + 1);
    }
    // ICU keeps "jobs@example.org" and "www.example.org" as one word.
    // Has "." or "@": could be an address ("a@b.uk" is the shortest).
    const bool want_email = wants(TokenClass::kEmail);
    const bool want_url = wants(TokenClass::kUrl);
    if (!(want_email || want_url) || s.size() < 6 || !has_dot_or_at(s)) return;
    const std::size_t at = s.find('@');
    if (at != std::string_view::npos) {
      if (want_email && at > 0 && s.find('.', at) != std::string_view::npos) {
        add(TokenClass::kEmail, i, i + 1);
      }
    } else if (want_url && (t.folded.starts_with("www.") || is_domain(t.folded))) {
      // "https://careers.example.org" is read by its host, which ICU keeps as one word.
      add(TokenClass::kUrl, i, i + 1);
    }
  }

  const Document& document_;
  const std::span<const Token> tokens_;
  const std::size_t n_;
  const std::uint32_t mask_;
  MatchResult& result_;
  std::size_t stars_until_ = 0;     // tokens before this are in a run of "*" already considered
  std::size_t consumed_until_ = 0;  // tokens before this belong to a phone number already found
};

}  // namespace

void Matcher::find_classes(const Document& document, MatchResult& result) const {
  ClassFinder(document, classes_mask_, result).run();
}

}  // namespace caretoolkit::rules
