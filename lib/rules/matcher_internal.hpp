// The matcher's output and working memory (internal to lib/rules: included by its .cpp files and
// by tests, never by a header that lib/rules' users include). CompiledRules keeps one in each
// EvaluationScratch.
//
// Thread safety: none; one MatchResult serves one match() at a time.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "rules/index_list.hpp"
#include "rules/matcher.hpp"
#include "text/word_cache.hpp"

namespace caretoolkit::rules {

// The output of Matcher::match and the pass's working memory, reused between calls so that
// matching does not allocate once it has grown.
struct MatchResult {
  std::vector<TermHit> terms;  // ordered by first token
  // Per target (Matcher::target_count() of them), how many of `terms` are its: counted as they
  // are found, so that grouping the hits by target needs no pass of its own to count them.
  std::vector<std::uint32_t> target_hits;
  std::vector<ClassHit> classes;  // ordered by first token; never TokenClass::kCapitalised
  // Noted on the same pass for the style rules (token indices, in text order): the punctuation
  // tokens, and the words that start with an ASCII capital.
  IndexList punctuation;
  IndexList capitalised;
  // The tokens that are not words of ASCII letters only, for the token classes (no such word is
  // of a listed class) and the Gender Decoder.
  IndexList others;
  // Scratch space for the matching pass: the tokens that take part in phrases, and where each
  // one's symbols start in `symbols`. That vector's size is its capacity: the pass writes it
  // through a pointer and grows it only when a token could overflow it.
  IndexList positions;
  IndexList symbol_offsets;
  std::vector<std::uint32_t> symbols;
  // Per position (and a 0 after the last), a filter of its symbols (bit symbol % 64 each): a
  // phrase node whose edges' filter shares no bit with the next position's cannot go on.
  ScratchList<std::uint64_t> symbol_filters;
  // The symbols of words met before, kept from one call to the next: a cached word costs one
  // load where a lookup hashes the word, probes the table and walks the stems.
  struct CachedSymbols {
    static constexpr std::uint32_t kUncached = UINT32_MAX;  // they depend on more than the
                                                            // folded form: look the word up
    static constexpr std::size_t kCapacity = 3;
    std::uint32_t count = 0;
    std::array<std::uint32_t, kCapacity> symbols{};
    std::uint64_t filter = 0;
  };
  text::WordCache<CachedSymbols> word_symbols;
};

}  // namespace caretoolkit::rules
