// Paragraphs, headings and list items from an advert's lines; see blocks.hpp.
#include "text/blocks.hpp"

#include <unicode/uchar.h>

#include <cstring>

#include "text/utf8.hpp"

namespace caretoolkit::text {
namespace {

constexpr std::uint32_t kHeadingMaxBytes = 80;
constexpr std::uint32_t kHeadingMaxWords = 10;

// Length of the white space character at `p` (ASCII, no-break and typographic spaces), or 0.
std::uint32_t space_at(std::string_view text, std::uint32_t p, std::uint32_t end) {
  const auto b = static_cast<unsigned char>(text[p]);
  if (b == ' ' || b == '\t' || b == '\f' || b == '\v') return 1;
  if (b == 0xC2 && p + 1 < end && static_cast<unsigned char>(text[p + 1]) == 0xA0) return 2;
  if (b == 0xE2 && p + 2 < end && static_cast<unsigned char>(text[p + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(text[p + 2]);
    if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) return 3;
  }
  return 0;
}

std::uint32_t skip_spaces(std::string_view text, std::uint32_t p, std::uint32_t end) {
  while (p < end) {
    const std::uint32_t n = space_at(text, p, end);
    if (n == 0) break;
    p += n;
  }
  return p;
}

// End of the content once trailing white space is dropped.
std::uint32_t trim_end(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  while (end > begin) {
    std::uint32_t p = end;
    const char32_t c = decode_before(text, p);
    if (!(c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 ||
          (c >= 0x2000 && c <= 0x200A) || c == 0x202F)) {
      break;
    }
    end = p;
  }
  return end;
}

bool is_bullet(char32_t c) {
  switch (c) {
    case 0x2022:
    case 0x00B7:
    case 0x25E6:
    case 0x25AA:
    case 0x25AB:
    case 0x25CF:
    case 0x25CB:
    case 0x25A0:
    case 0x25A1:
    case 0x2023:
    case 0x2043:
    case 0x2713:
    case 0x2714:
    case 0x27A2:
    case 0x27A4:
    case 0x25BA:
    case 0x25B8:
    case 0x25C6:
    case 0x2666:
    case 0x2192:
    case 0xF0B7:
      return true;
    default:
      return false;
  }
}

// If a list marker starts at `p` (content start), returns where the item's text starts; else p.
std::uint32_t after_marker(std::string_view text, std::uint32_t p, std::uint32_t end) {
  std::uint32_t q = p;
  const char32_t c = decode_at(text, q);
  const std::uint32_t spaced = skip_spaces(text, q, end);
  const bool space_follows = spaced > q;
  if (c == '-' || c == '*' || c == '+' || c == 0x2013 || c == 0x2014) {
    return space_follows ? spaced : p;
  }
  if (is_bullet(c)) return spaced;
  // "1." "12)" "a)": up to three digits or one lower-case letter, then "." or ")" and a space.
  std::uint32_t digits = p;
  while (digits < end && digits - p < 3 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  std::uint32_t mark = digits;
  if (digits == p && text[p] >= 'a' && text[p] <= 'z') mark = p + 1;
  if (mark > p && mark < end && (text[mark] == '.' || (text[mark] == ')'))) {
    if (digits == p && text[mark] != ')') return p;  // "a." is more likely a word than a marker
    const std::uint32_t content = skip_spaces(text, mark + 1, end);
    if (content > mark + 1) return content;
  }
  return p;
}

// A line made only of rule characters ("-----", "* * *", "====").
bool is_rule_line(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::uint32_t marks = 0;
  for (std::uint32_t p = begin; p < end;) {
    const std::uint32_t n = space_at(text, p, end);
    if (n > 0) {
      p += n;
      continue;
    }
    const char32_t c = decode_at(text, p);
    if (!(c == '-' || c == '_' || c == '=' || c == '*' || c == '~' || c == '#' || c == '+' ||
          c == '.' || c == 0x2022 || c == 0x00B7 || c == 0x2013 || c == 0x2014)) {
      return false;
    }
    ++marks;
  }
  return marks >= 3;
}

bool starts_lower(std::string_view text, std::uint32_t p, std::uint32_t end) {
  if (p >= end) return false;
  const char32_t c = decode_at(text, p);
  return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(static_cast<UChar32>(c)) != 0;
}

// Short and without final punctuation: a heading or a list entry written without bullets.
bool is_short_unpunctuated(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  if (end - begin > kHeadingMaxBytes) return false;
  std::uint32_t words = 0;
  bool in_word = false;
  for (std::uint32_t p = begin; p < end; ++p) {
    const bool space = text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words > kHeadingMaxWords) return false;
  // Look through closing quotes and brackets for the last real character.
  std::uint32_t p = end;
  while (p > begin) {
    std::uint32_t q = p;
    const char32_t c = decode_before(text, q);
    if (c == ')' || c == ']' || c == '"' || c == '\'' || c == 0x2019 || c == 0x201D || c == 0xBB ||
        c == '*') {
      p = q;
      continue;
    }
    return !(c == '.' || c == '!' || c == '?' || c == 0x2026);
  }
  return true;
}

void read_lines(std::string_view text, std::vector<Line>& lines) {
  const auto size = static_cast<std::uint32_t>(text.size());
  // Most texts have no carriage return at all: then only line feeds need looking for.
  const bool has_cr = std::memchr(text.data(), '\r', size) != nullptr;
  std::uint32_t start = 0;
  while (start < size) {
    // memchr finds the line feed quickly; a carriage return may end the line sooner.
    const void* lf = std::memchr(text.data() + start, '\n', size - start);
    std::uint32_t stop =
        lf == nullptr ? size
                      : static_cast<std::uint32_t>(static_cast<const char*>(lf) - text.data());
    if (const void* cr = has_cr ? std::memchr(text.data() + start, '\r', stop - start) : nullptr) {
      stop = static_cast<std::uint32_t>(static_cast<const char*>(cr) - text.data());
    }
    Line& line = lines.emplace_back();
    line.break_begin = stop;
    line.break_end = stop;
    if (stop < size) {
      line.break_end =
          (text[stop] == '\r' && stop + 1 < size && text[stop + 1] == '\n') ? stop + 2 : stop + 1;
    }
    const std::uint32_t content = skip_spaces(text, start, stop);
    const std::uint32_t end = trim_end(text, content, stop);
    line.indented = content > start;
    line.end = end;
    if (content == end || is_rule_line(text, content, end)) {
      line.kind = LineKind::kBlank;
    } else if (const std::uint32_t item = after_marker(text, content, end); item != content) {
      line.kind = item < end ? LineKind::kItem : LineKind::kBlank;
      line.begin = item;
    } else {
      line.kind = LineKind::kText;
      line.begin = content;
      const char last = text[end - 1];
      line.continues = last == ',' || last == ';';
    }
    line.starts_lower = starts_lower(text, line.begin, end);
    start = line.break_end;
  }
}

// Turns the line break after `line` into spaces in the sentence text (allocated on first use).
void soften_break(std::string_view text, const Line& line, std::string& sentence_text) {
  if (sentence_text.empty()) sentence_text.assign(text);
  for (std::uint32_t p = line.break_begin; p < line.break_end; ++p) sentence_text[p] = ' ';
}

class BlockBuilder {
 public:
  BlockBuilder(std::string_view text, BlockScratch& scratch, std::vector<Block>& blocks,
               std::string& sentence_text)
      : text_(text),
        lines_(scratch.lines),
        blocks_(blocks),
        sentence_text_(sentence_text),
        logical_(scratch.logical) {}

  void run() {
    std::size_t i = 0;
    while (i < lines_.size()) {
      const Line& line = lines_[i];
      if (line.kind == LineKind::kBlank) {
        ++i;
      } else if (line.kind == LineKind::kItem) {
        i = list_item(i);
      } else {
        i = text_group(i);
      }
    }
  }

 private:
  void emit(BlockKind kind, std::uint32_t begin, std::uint32_t end) {
    blocks_.push_back(Block{kind, begin, end});
  }

  std::size_t list_item(std::size_t i) {
    std::size_t j = i + 1;
    while (j < lines_.size() && lines_[j].kind == LineKind::kText &&
           (lines_[j].indented || lines_[j].starts_lower)) {
      soften_break(text_, lines_[j - 1], sentence_text_);
      ++j;
    }
    emit(BlockKind::kListItem, lines_[i].begin, lines_[j - 1].end);
    return j;
  }

  bool content_after(std::size_t j) const {
    for (; j < lines_.size(); ++j) {
      if (lines_[j].kind != LineKind::kBlank) return true;
    }
    return false;
  }

  std::size_t text_group(std::size_t i) {
    const bool after_heading = !blocks_.empty() && blocks_.back().kind == BlockKind::kHeading;
    std::size_t j = i;
    logical_.clear();
    while (j < lines_.size() && lines_[j].kind == LineKind::kText) {
      const Line& line = lines_[j];
      if (j > i && (line.starts_lower || lines_[j - 1].continues)) {
        soften_break(text_, lines_[j - 1], sentence_text_);
        logical_.back().end = line.end;
      } else {
        logical_.push_back(LogicalLine{line.begin, line.end, false});
      }
      ++j;
    }
    for (LogicalLine& l : logical_) l.is_short = is_short_unpunctuated(text_, l.begin, l.end);

    const bool follows_group = content_after(j);
    std::size_t k = 0;
    while (k < logical_.size()) {
      const std::size_t start = k;
      const bool is_short = logical_[k].is_short;
      while (k < logical_.size() && logical_[k].is_short == is_short) ++k;
      const bool more = k < logical_.size() || follows_group;
      if (!is_short || !more) {
        // Prose, or short lines that close the advert (a sign-off): a paragraph.
        emit(BlockKind::kParagraph, logical_[start].begin, logical_[k - 1].end);
        continue;
      }
      std::size_t first_item = start;
      if (k - start == 1 || !(after_heading && start == 0)) {
        emit(BlockKind::kHeading, logical_[start].begin, logical_[start].end);
        first_item = start + 1;
      }
      for (std::size_t m = first_item; m < k; ++m) {
        emit(BlockKind::kListItem, logical_[m].begin, logical_[m].end);
      }
    }
    return j;
  }

  std::string_view text_;
  const std::vector<Line>& lines_;
  std::vector<Block>& blocks_;
  std::string& sentence_text_;
  std::vector<LogicalLine>& logical_;
};

}  // namespace

void find_blocks(std::string_view text, BlockScratch& scratch, std::vector<Block>& blocks,
                 std::string& sentence_text) {
  sentence_text.clear();
  scratch.lines.clear();
  read_lines(text, scratch.lines);
  BlockBuilder(text, scratch, blocks, sentence_text).run();
}

}  // namespace caretoolkit::text
