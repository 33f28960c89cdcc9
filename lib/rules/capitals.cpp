// Runs of words in capitals, and the tests that tell shouting from acronyms, headings and names.
#include "rules/capitals.hpp"

#include <algorithm>
#include <string_view>

namespace caretoolkit::rules {
namespace {

using text::BlockKind;
using text::Document;
using text::TokenKind;

// ASCII letters with none in lower case; the number of letters, or -1 when the word has a
// lower-case or non-ASCII letter (acronyms and shouting are ASCII in practice).
int capital_letters(std::string_view word) {
  int letters = 0;
  for (unsigned char c : word) {
    if ((c >= 'a' && c <= 'z') || c >= 0x80) return -1;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters;
}

bool in_capitals(const Document& document, std::uint32_t token) {
  return capital_letters(document.text(document.tokens()[token].span)) > 0;
}

bool in_heading(const Document& document, std::uint32_t token) {
  const auto paragraph = document.tokens()[token].paragraph;
  return document.paragraphs()[paragraph].kind == BlockKind::kHeading;
}

// Whether tokens (a, b) are all other than words, in one sentence: a run goes on across "," "-"
// "&" or a number, and stops at a word in ordinary case or a new sentence.
bool joined(const Document& document, std::uint32_t a, std::uint32_t b) {
  const auto tokens = document.tokens();
  if (tokens[a].sentence != tokens[b].sentence) return false;
  for (std::uint32_t t = a + 1; t < b; ++t) {
    if (tokens[t].kind == TokenKind::kWord) return false;
  }
  return true;
}

// The words of tokens [first, end), without the punctuation between them.
std::vector<std::uint32_t> words_of(const Document& document, std::uint32_t first,
                                    std::uint32_t end) {
  std::vector<std::uint32_t> words;
  for (std::uint32_t t = first; t < end; ++t) {
    if (document.tokens()[t].kind == TokenKind::kWord) words.push_back(t);
  }
  return words;
}

// Marks the words of a run that are part of a name: two or more of its words, in order, that the
// advert also writes with one of them in mixed case ("BRIGHT DAYS CARE" beside "Bright Days Care").
std::vector<bool> name_words(const Document& document, const std::vector<std::uint32_t>& run) {
  const auto tokens = document.tokens();
  std::vector<bool> name(run.size(), false);
  for (std::size_t i = 0; i + 1 < run.size(); ++i) {
    for (std::uint32_t p = 0; p < tokens.size(); ++p) {
      if (tokens[p].kind != TokenKind::kWord || tokens[p].folded != tokens[run[i]].folded) continue;
      bool mixed = false;
      std::size_t matched = 0;
      for (std::uint32_t q = p; q < tokens.size() && i + matched < run.size(); ++q) {
        if (tokens[q].kind != TokenKind::kWord) continue;
        if (tokens[q].folded != tokens[run[i + matched]].folded) break;
        mixed |= !in_capitals(document, q);
        ++matched;
      }
      if (matched < 2 || !mixed) continue;
      std::fill_n(name.begin() + static_cast<std::ptrdiff_t>(i), matched, true);
    }
  }
  return name;
}

}  // namespace

void find_shouting(const Document& document, const IndexList& capitalised, const Rule& rule,
                   std::vector<ShoutRun>& out) {
  const auto counts = [&](std::uint32_t token) {
    const std::string_view text = document.text(document.tokens()[token].span);
    return capital_letters(text) >= rule.min_letters &&
           std::find(rule.allow.begin(), rule.allow.end(), text) == rule.allow.end();
  };
  const auto presses = [&](std::uint32_t token) {
    const std::string_view text = document.text(document.tokens()[token].span);
    return std::find(rule.shout_words.begin(), rule.shout_words.end(), text) !=
           rule.shout_words.end();
  };
  std::size_t c = 0;
  while (c < capitalised.size()) {
    const std::uint32_t first = capitalised[c++];
    if (!in_capitals(document, first)) continue;
    const bool heading = in_heading(document, first);
    ShoutRun run{first, first + 1, counts(first) ? 1 : 0, false};
    std::uint32_t words = 1;  // no word in ordinary case is joined into a run
    while (c < capitalised.size() && in_capitals(document, capitalised[c]) &&
           joined(document, run.end - 1, capitalised[c])) {
      run.end = capitalised[c++] + 1;
      run.counted += counts(run.end - 1) ? 1 : 0;
      ++words;
    }
    const auto& sentence = document.sentences()[document.tokens()[first].sentence];
    run.whole_sentence = words >= 2 && words == sentence.words;
    bool pressing = false;  // the run holds one of the rule's shout words
    for (std::uint32_t t = run.first; t < run.end && !rule.shout_words.empty(); ++t) {
      pressing |= presses(t);
    }
    // A heading in capitals is a heading style; it shouts only with a shout word in it.
    const auto shouting = [&] {
      if (pressing) return true;
      return !heading &&
             (run.counted >= rule.min_words || (run.whole_sentence && run.counted >= 1));
    };
    if (!shouting()) continue;
    // Rare enough to look for names only now: their words do not count.
    const std::vector<std::uint32_t> run_words = words_of(document, run.first, run.end);
    const std::vector<bool> name = name_words(document, run_words);
    pressing = false;
    for (std::size_t w = 0; w < run_words.size(); ++w) {
      if (name[w] && counts(run_words[w])) --run.counted;
      pressing |= !name[w] && presses(run_words[w]);
    }
    run.pressing = pressing;
    if (shouting()) out.push_back(run);
  }
}

}  // namespace caretoolkit::rules
