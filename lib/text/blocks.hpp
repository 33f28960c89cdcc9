// Blocks of an advert (internal to lib/text): paragraphs, headings and list items found from its
// lines, so that a bulleted list is not read as one long sentence and a heading is not glued to
// the sentence after it.
//
// How lines are read:
// - A blank line ends a paragraph. A line of only rule characters ("-----", "****") counts as
//   blank and its characters are not tokens.
// - A line starting with a bullet ("-", "*", "+" followed by a space; "•", "·", "◦", "▪", "●",
//   "■", "‣", "⁃", "✓", "✔", "➢", "➤", "►", "→"; "–" or "—" followed by a space; Word's private-use
//   bullet U+F0B7) or a number ("1." "2)" "a)") is a list item; the bullet is not part of it.
//   Following lines that are indented or start in lower case continue the item.
// - Other lines are text. A text line that starts in lower case, or follows one ending in "," or
//   ";", continues the line before it (a wrapped sentence). A short line (at most 10 words and 80
//   bytes) without final punctuation is a heading when more content follows ("About you", "What
//   we offer:"); a run of such lines is a heading followed by list items ("Benefits" / "Free
//   uniform" / "Paid DBS"), or only list items when a heading just preceded the run. Other text
//   lines form paragraphs.
//
// Thread safety: none needed; find_blocks() touches only its arguments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.hpp"

namespace caretoolkit::text {

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::uint32_t begin = 0;  // first content byte (after any bullet and leading white space)
  std::uint32_t end = 0;    // one past the last content byte (trailing white space excluded)
};

enum class LineKind : std::uint8_t { kBlank, kItem, kText };

// One line of the text as find_blocks() reads it.
struct Line {
  LineKind kind = LineKind::kBlank;
  std::uint32_t begin = 0;        // content, after white space and any bullet
  std::uint32_t end = 0;          // content end, trailing white space excluded
  std::uint32_t break_begin = 0;  // the line break after the line ("\n", "\r\n", "\r")
  std::uint32_t break_end = 0;
  bool indented = false;
  bool starts_lower = false;
  bool continues = false;  // ends with "," or ";": the sentence goes on
};

// A line as a group of text lines is read: lines that continue the one before (a wrapped
// sentence) are joined into it.
struct LogicalLine {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool is_short = false;  // a heading or list item if more content follows
};

// find_blocks()'s working space, kept from one call to the next so that its memory is reused.
struct BlockScratch {
  std::vector<Line> lines;
  std::vector<LogicalLine> logical;
};

// Appends the blocks of `text` in order, reading its lines into `scratch` (whose previous content
// is replaced). A line break inside a block that continues a sentence must not end it, so
// `sentence_text` receives a copy of `text` (same length, same offsets) with such breaks turned
// into spaces; it is left empty when there is none.
void find_blocks(std::string_view text, BlockScratch& scratch, std::vector<Block>& blocks,
                 std::string& sentence_text);

}  // namespace caretoolkit::text
