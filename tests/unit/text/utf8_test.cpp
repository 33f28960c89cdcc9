// UTF-8 validation: the offset of the first ill-formed sequence, and the analyser's refusal.
#include <doctest/doctest.h>

#include <string>

#include "core/error.hpp"
#include "text/analyzer.hpp"
#include "text/utf8.hpp"

using caretoolkit::Error;
using caretoolkit::ErrorCode;
using caretoolkit::text::Analyzer;
using caretoolkit::text::find_invalid_utf8;
using caretoolkit::text::replace_invalid_utf8;
using caretoolkit::text::Utf16Offsets;

TEST_CASE("well-formed UTF-8 has no invalid offset") {
  CHECK_FALSE(find_invalid_utf8("").has_value());
  CHECK_FALSE(
      find_invalid_utf8("plain ASCII text that is longer than one word of eight").has_value());
  CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9 \xC2\xA3"
                                "11.50 \xE2\x80\x99 \xF0\x9F\x98\x80")
                  .has_value());
  CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF").has_value());  // U+10FFFF, the last code point
  CHECK_FALSE(find_invalid_utf8("\xED\x9F\xBF").has_value());      // U+D7FF, just below surrogates
}

TEST_CASE("ill-formed UTF-8 reports the byte offset of the first bad sequence") {
  CHECK(find_invalid_utf8("ab\x80"
                          "cd") == 2u);                // lone continuation byte
  CHECK(find_invalid_utf8("abc\xE2\x82") == 3u);       // 3-byte sequence cut at the end
  CHECK(find_invalid_utf8("\xE2\x82 more") == 0u);     // cut short in the middle
  CHECK(find_invalid_utf8("\xC0\xAF") == 0u);          // overlong "/"
  CHECK(find_invalid_utf8("x\xE0\x80\xAF") == 1u);     // overlong 3-byte form
  CHECK(find_invalid_utf8("ok \xED\xA0\x80") == 3u);   // UTF-16 surrogate U+D800
  CHECK(find_invalid_utf8("caf\xFF") == 3u);           // 0xFF never appears
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
  CHECK(find_invalid_utf8("0123456789abcdef\xC3\xA9\xC3") == 18u);  // after the 8-byte fast scan
}

TEST_CASE("the analyser refuses invalid UTF-8 naming the byte") {
  const Analyzer analyzer;
  const auto code_and_message = [&](const std::string& text) -> std::pair<ErrorCode, std::string> {
    try {
      analyzer.analyze(text);
    } catch (const Error& e) {
      return {e.code(), e.what()};
    }
    return {ErrorCode::kInvalid, "no error"};
  };
  auto [code, message] = code_and_message(
      "We pay \xC2\xA3"
      "11.50 \xE2\x82");
  CHECK(code == ErrorCode::kMalformed);
  CHECK(message.find("not valid UTF-8 at byte 15") != std::string::npos);
  CHECK(code_and_message("\xC0\xAF").second.find("at byte 0") != std::string::npos);
  CHECK(code_and_message("Care\xED\xA0\x80").second.find("at byte 4") != std::string::npos);
}

TEST_CASE("UTF-16 offsets count surrogate pairs for emoji") {
  // "a£😀b": bytes 0 1 3 7 are UTF-16 offsets 0 1 2 4.
  const std::string text =
      "a\xC2\xA3\xF0\x9F\x98\x80"
      "b";
  Utf16Offsets offsets;
  offsets.reset(text);
  Utf16Offsets::Cursor cursor(offsets);
  CHECK(cursor.at(0) == 0);
  CHECK(cursor.at(1) == 1);
  CHECK(cursor.at(3) == 2);
  CHECK(cursor.at(7) == 4);
  CHECK(cursor.at(8) == 5);
  Utf16Offsets::Cursor again(offsets);  // a new cursor starts from the beginning
  CHECK(again.at(3) == 2);
  CHECK(again.at(8) == 5);
  // Mixed widths: "é€😀x" is 2 + 3 + 4 + 1 bytes and 1 + 1 + 2 + 1 units.
  offsets.reset("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x");
  Utf16Offsets::Cursor mixed(offsets);
  CHECK(mixed.at(2) == 1);
  CHECK(mixed.at(5) == 2);
  CHECK(mixed.at(9) == 4);
  CHECK(mixed.at(10) == 5);
}

TEST_CASE("ill-formed sequences are each replaced by one replacement character") {
  CHECK(replace_invalid_utf8("plain /path") == "plain /path");
  CHECK(replace_invalid_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
  // An overlong slash (C0 AF) is two bad bytes; a cut-short sequence at the end is one.
  CHECK(replace_invalid_utf8("/a\xC0\xAF"
                             "b") ==
        "/a\xEF\xBF\xBD\xEF\xBF\xBD"
        "b");
  CHECK(replace_invalid_utf8("x\xE2\x82") == "x\xEF\xBF\xBD");
  CHECK(replace_invalid_utf8("\xFF\xC3\xA9\xFF") == "\xEF\xBF\xBD\xC3\xA9\xEF\xBF\xBD");
  CHECK_FALSE(find_invalid_utf8(replace_invalid_utf8("\xED\xA0\x80 \xF4\x90\x80\x80")));
}
