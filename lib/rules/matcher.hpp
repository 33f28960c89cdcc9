// The compiled matcher: every term of every loaded rule in one structure, so that finding all of
// them in an advert is one pass over its tokens whatever the number of terms.
//
// Terms are split into tokens by the same text::Analyzer that analyses adverts, so a term and the
// text it should match always agree on tokens and folding. Words are keyed on their folded form
// (NFC + case folding) or, for case-sensitive terms, on their exact text; "compet*" is a stem and
// "#" stands for any number. A hyphen joining two words ("part-time") is skipped on both sides, so
// "part-time" and "part time" match each other.
//
// Thread safety: a built Matcher is immutable; match() may run on many threads at once, each with
// its own MatchResult.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/rule.hpp"
#include "text/analyzer.hpp"
#include "text/document.hpp"

namespace caretoolkit::rules {

// One term found: `target` is the id given to Matcher::Builder::add; [first, end) are indices
// into Document::tokens().
struct TermHit {
  std::uint32_t target = 0;
  std::uint32_t first = 0;
  std::uint32_t end = 0;
};

// One token-class occurrence ("£11.50", "PE9 2AB"), for require patterns.
struct ClassHit {
  TokenClass token_class = TokenClass::kNumber;
  std::uint32_t first = 0;
  std::uint32_t end = 0;
};

// The matching pass's output and working memory (rules/matcher_internal.hpp): reused between
// calls so that matching does not allocate once it has grown.
struct MatchResult;

class Matcher {
 public:
  class Builder {
   public:
    explicit Builder(const text::Analyzer& analyzer) : analyzer_(analyzer) {}
    // Adds `term` (syntax as checked by parse_rule_pack) for `target`. Throws Error(kInvalid)
    // with `where` as the message prefix when the term has no token to match.
    void add(std::string_view term, bool case_sensitive, std::uint32_t target,
             const std::string& where);
    // Asks match() to report occurrences of this token class (but for kCapitalised, which
    // is_capitalised_word() tells).
    void need(TokenClass token_class) { classes_mask_ |= 1u << static_cast<unsigned>(token_class); }
    Matcher build();

   private:
    // The steps of build(): the word table, the stem trie and the phrase trie of `m`.
    void build_words(Matcher& m);
    void build_stems(Matcher& m) const;
    void build_phrases(Matcher& m) const;
    std::uint32_t word_symbol(std::string_view folded, std::string_view exact, bool case_sensitive);
    std::uint32_t stem_symbol(std::string_view folded);
    // The analysis of one word of a term, into document_.
    const text::Document& analyze(std::string_view word);

    const text::Analyzer& analyzer_;
    text::AnalysisScratch scratch_;
    text::Document document_;
    std::unordered_map<std::string, std::uint32_t> insensitive_;  // folded word -> symbol
    std::unordered_map<std::string, std::uint32_t> sensitive_;    // exact word -> symbol
    std::unordered_map<std::string, std::uint32_t> stems_;        // folded stem -> symbol
    std::vector<std::vector<std::uint32_t>> phrases_;             // symbol sequences
    std::vector<std::uint32_t> phrase_targets_;
    std::uint32_t next_symbol_ = 1;  // 0 is "any number"
    std::uint32_t classes_mask_ = 0;
  };

  // Finds every term and needed token class in `document`. Overlapping and nested hits are all
  // reported; choosing among them is the caller's business.
  void match(const text::Document& document, MatchResult& result) const;

  std::size_t phrase_count() const { return phrase_count_; }
  // One more than the largest target given to Builder::add (0 when none was): the size of
  // MatchResult::target_hits.
  std::uint32_t target_count() const { return target_count_; }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::uint32_t kAnyNumber = 0;
  // The symbols a token may add without a size check: the any-number symbol and a cached word's.
  static constexpr std::size_t kRoomPerToken = 4;

  // Open-addressing table from a folded word to its symbols.
  struct Slot {
    std::uint32_t key_offset = 0;  // into arena_
    std::uint32_t key_length = 0;
    std::uint32_t symbol = kNone;                        // case-insensitive symbol
    std::uint32_t variants_begin = 0, variants_end = 0;  // case-sensitive variants
  };
  struct Variant {
    std::uint32_t text_offset, text_length, symbol;
  };
  struct StemNode {
    std::uint32_t children_begin = 0, children_end = 0;  // into stem_edges_
    std::uint32_t symbol = kNone;
  };
  struct StemEdge {
    unsigned char byte;
    std::uint32_t node;
  };
  struct Node {
    std::uint32_t outputs_begin = 0, outputs_end = 0;  // into outputs_
    std::uint64_t edge_filter = 0;  // symbol_bit() of each of its edges' symbols (in edge_table_)
  };
  // The phrase trie's edges below the root, in one open-addressing table keyed by (node, symbol):
  // a lookup is a multiply and a load or two. A slot holds a copy of its child node, so that
  // following an edge reads one slot rather than a slot and then the node elsewhere.
  struct alignas(32) EdgeSlot {
    std::uint64_t key = 0;  // edge_key(); 0: empty
    std::uint32_t child = kNone;
    Node node;  // nodes_[child]
  };
  static constexpr std::uint64_t symbol_bit(std::uint32_t symbol) {
    return std::uint64_t{1} << (symbol % 64);
  }
  static constexpr std::uint64_t kEdgeHashFactor = 0x9E3779B97F4A7C15ULL;
  static constexpr std::uint64_t edge_key(std::uint32_t node, std::uint32_t symbol) {
    return ((std::uint64_t{node} << 32) | symbol) + 1;
  }

  const Slot* find_slot(std::string_view folded, std::uint64_t hash) const;
  // Writes the symbols of token `token`'s text at result.symbols[used] on, growing that vector as
  // needed (its size is its capacity) and advancing `used`; returns whether they depend on its
  // exact text (a case-sensitive term has its folded form) rather than only on the folded form.
  bool add_symbols(const text::Document& document, std::uint32_t token, MatchResult& result,
                   std::size_t& used) const;
  // The same through MatchResult::word_symbols, after the any-number symbol for a number,
  // written at result.symbols[used] on (`used` is advanced) without a size check: match() keeps
  // kRoomPerToken symbols of room for each token still to come. Returns their filter (symbol_bit
  // of each).
  std::uint64_t add_cached_symbols(const text::Document& document, std::uint32_t token,
                                   MatchResult& result, std::size_t& used) const;
  // Its path for a word not in the cache (or whose symbols the cache cannot hold): looks them up,
  // caches them when `may_cache` and they can be, and restores the room match() keeps.
  std::uint64_t add_uncached_symbols(const text::Document& document, std::uint32_t token,
                                     bool may_cache, MatchResult& result, std::size_t& used) const;
  void find_classes(const text::Document& document, MatchResult& result) const;
  // Reports the terms that end at phrase node `node`, reached through positions [start, position),
  // then follows its edges (follow) with the symbols at `position`.
  void walk(const Node& node, std::uint32_t node_index, std::size_t position, std::size_t start,
            MatchResult& result) const;
  void follow(std::uint32_t node, std::size_t position, std::size_t start,
              MatchResult& result) const;
  // The edge from phrase node `node` (not the root) through `symbol`, or nullptr.
  const EdgeSlot* edge_of(std::uint32_t node, std::uint32_t symbol) const;

  std::vector<Slot> slots_;
  std::vector<std::uint64_t> slot_hashes_;  // parallel to slots_; 0: empty
  std::uint64_t slot_mask_ = 0;
  std::string arena_;
  std::vector<Variant> variants_;
  std::vector<StemNode> stem_nodes_;
  std::array<std::uint32_t, 256> stem_root_{};  // first byte -> stem node, or kNone
  std::vector<StemEdge> stem_edges_;
  std::vector<Node> nodes_;  // the root, its children by symbol (1 + symbol), then deeper nodes
  std::vector<EdgeSlot> edge_table_;
  unsigned edge_shift_ = 64;
  std::uint64_t edge_mask_ = 0;
  std::vector<std::uint32_t> outputs_;
  std::uint32_t classes_mask_ = 0;
  std::size_t phrase_count_ = 0;
  std::uint32_t target_count_ = 0;
  std::uint64_t id_ = 0;  // owner of the MatchResult::word_symbols it fills
};

// Whether token `index` of `document` is of TokenClass::kCapitalised: a word that starts with a
// capital letter and has a lower-case one after it ("Stamford", "Stoke-on-Trent"; not "EMI" or
// "LONDON", as acronyms and shouting name no place). An advert has dozens, so match() does not list
// them; a rule tests the tokens it needs.
bool is_capitalised_word(const text::Document& document, std::uint32_t index);

}  // namespace caretoolkit::rules
