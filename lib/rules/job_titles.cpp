// The first line when it is a heading, and runs of capitalised words that end in a title word.
#include "rules/job_titles.hpp"

#include <algorithm>

namespace caretoolkit::rules {

namespace {

// A job board's title line can run past a heading's ten words ("Registered Nurse (RGN or RMN) -
// Days - Castle View Nursing Home, Lancaster LA1"): one line, at most 160 bytes, not ending as a
// sentence does.
bool is_title_line(const text::Document& document, const text::Paragraph& block) {
  if (block.kind == text::BlockKind::kHeading) return true;
  constexpr std::uint32_t kMaxTitleBytes = 160;
  const std::string_view line = document.text(block.span);
  if (line.empty() || line.size() > kMaxTitleBytes || line.find('\n') != line.npos) return false;
  const char last = line.back();
  return last != '.' && last != '!' && last != '?' && last != ':';
}

}  // namespace

ByteRange title_of(const text::Document& document) {
  constexpr std::size_t kMaxTitleLines = 3;
  const auto paragraphs = document.paragraphs();
  std::size_t lines = 0;
  while (lines < paragraphs.size() && lines < kMaxTitleLines &&
         (paragraphs[lines].kind == text::BlockKind::kHeading ||
          (lines == 0 && is_title_line(document, paragraphs[0])))) {
    ++lines;
  }
  if (lines == 0) return {};
  return ByteRange{paragraphs[0].span.begin, paragraphs[lines - 1].span.end};
}

void find_job_titles(const text::Document& document, const IndexList& capitalised,
                     const std::vector<std::string>& title_words, std::vector<ByteRange>& out) {
  const auto paragraphs = document.paragraphs();
  if (!paragraphs.empty() && paragraphs[0].kind == text::BlockKind::kHeading) {
    out.push_back(ByteRange{paragraphs[0].span.begin, paragraphs[0].span.end});
  }
  const auto tokens = document.tokens();
  const auto is_title_word = [&](std::uint32_t token) {
    return std::find(title_words.begin(), title_words.end(), tokens[token].folded) !=
           title_words.end();
  };
  // Runs of capitalised words next to each other; each title word after the run's first word
  // ends a title that starts with the run.
  std::size_t c = 0;
  while (c < capitalised.size()) {
    const std::uint32_t first = capitalised[c++];
    for (; c < capitalised.size() && capitalised[c] == capitalised[c - 1] + 1 &&
           tokens[capitalised[c]].sentence == tokens[first].sentence;
         ++c) {
      if (is_title_word(capitalised[c])) {
        out.push_back(ByteRange{tokens[first].span.begin, tokens[capitalised[c]].span.end});
      }
    }
  }
}

}  // namespace caretoolkit::rules
