// The CSV reader, header check and writer on their own: quoting, line numbers, byte order marks,
// broken files, and writing that reads back identically.
#include <doctest/doctest.h>

#include <array>

#include "support.hpp"
#include "tracker/csv.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

struct Record {
  std::size_t line;
  std::vector<std::string> cells;
};

std::vector<Record> read_all(std::string_view text) {
  CsvReader reader(text);
  CsvRow row;
  std::vector<Record> records;
  while (reader.next(row)) {
    records.push_back(
        {row.line, std::vector<std::string>(row.cells.begin(), row.cells.begin() + row.size)});
  }
  return records;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("records come with the line they start on, across quoted line breaks and blank lines") {
  const auto records = read_all(
      "reference,note\r\n"
      "A1,\"two\r\nlines\"\r\n"
      "\r\n"
      "A2,\"a, b and \"\"c\"\"\"\r\n"
      "A3,  spaced  \n"
      "A4,\" kept \"");
  REQUIRE(records.size() == 5);
  CHECK(records[0].line == 1);
  CHECK(records[1].line == 2);
  CHECK(records[1].cells == Cells{"A1", "two\r\nlines"});
  CHECK(records[2].line == 5);
  CHECK(records[2].cells == Cells{"A2", "a, b and \"c\""});
  CHECK(records[3].line == 6);
  CHECK(records[3].cells == Cells{"A3", "spaced"});
  CHECK(records[4].line == 7);
  CHECK(records[4].cells == Cells{"A4", " kept "});
}

TEST_CASE("a byte order mark is skipped") {
  const auto records = read_all(
      "\xEF\xBB\xBF"
      "reference\nA1\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].cells == Cells{"reference"});
}

TEST_CASE("broken quoting is reported with its line") {
  const Error stray = error_from([] { read_all("a,b\nA1,ok\nA2,bad\"quote\n"); });
  CHECK(stray.code() == ErrorCode::kMalformed);
  REQUIRE(stray.items().size() == 1);
  CHECK(stray.items()[0].line == 3);
  CHECK(std::string(stray.what()).starts_with("line 3: the quoting is broken"));

  const Error unclosed = error_from([] { read_all("a,b\nA1,\"never\nclosed\n"); });
  CHECK(unclosed.items().at(0).line == 2);
  CHECK(std::string(unclosed.what()) ==
        "line 2: a quoted cell that starts on this line is never closed");
}

TEST_CASE("text that is not UTF-8 is refused with its line") {
  const Error latin1 = error_from([] { CsvReader reader("a,b\nA1,caf\xE9\n"); });
  CHECK(latin1.code() == ErrorCode::kMalformed);
  CHECK(latin1.items().at(0).line == 2);
  CHECK(std::string(latin1.what()).find("CSV UTF-8") != std::string::npos);
  const Error nul = error_from([] { CsvReader reader(std::string_view("a\n\0\n", 4)); });
  CHECK(nul.items().at(0).line == 2);
  CHECK_NOTHROW(read_all("name\nCafé Ωmega ✓\n"));
}

TEST_CASE("the header names every missing, unknown and repeated column") {
  const std::array<CsvColumn, 3> columns{{{"reference"}, {"applied_on"}, {"prior_sector", false}}};
  CsvReader ok_reader(" Reference ,APPLIED_ON\n");
  CsvRow row;
  REQUIRE(ok_reader.next(row));
  const CsvHeader header(row, columns);
  CHECK_FALSE(header.misfit(row).has_value());  // the header row fits itself

  CsvReader bad_reader("reference,email,reference\n");
  REQUIRE(bad_reader.next(row));
  const Error error = error_from([&] { CsvHeader bad(row, columns); });
  CHECK(error.code() == ErrorCode::kMalformed);
  REQUIRE(error.items().size() == 3);
  CHECK(error.items()[0].field == "email");
  CHECK(error.items()[0].detail.starts_with("unknown column 'email'"));
  CHECK(error.items()[1].detail == "column 'reference' appears twice");
  CHECK(error.items()[2].detail == "column 'applied_on' is missing");
  CHECK(error.items()[2].line == 1);
}

TEST_CASE("a header retyped with spaces or hyphens for underscores names the same columns") {
  const std::array<CsvColumn, 3> columns{{{"reference"}, {"applied_on"}, {"left_reason"}}};
  CsvReader reader(
      "Left-Reason,\xC2\xA0"
      "Applied  On ,reference\n");
  CsvRow row;
  REQUIRE(reader.next(row));
  const CsvHeader header(row, columns);
  CsvReader data("quit,03/02/2025,A-1\n");
  REQUIRE(data.next(row));
  CHECK(header.cell(row, 0) == "A-1");
  CHECK(header.cell(row, 1) == "03/02/2025");
  CHECK(header.cell(row, 2) == "quit");

  CsvReader twice("reference,applied on,Applied_On,left reason\n");
  REQUIRE(twice.next(row));
  const Error error = error_from([&] { CsvHeader bad(row, columns); });
  REQUIRE(error.items().size() == 1);
  CHECK(error.items()[0].detail == "column 'applied_on' appears twice");
}

TEST_CASE("a file separated by semicolons or tabs is refused with how to save it") {
  const std::array<CsvColumn, 2> columns{{{"source"}, {"amount"}}};
  for (const auto& example :
       {std::pair{"source;amount\nIndeed;1,20\n", "semicolons"},
        std::pair{"\xEF\xBB\xBFsource\tamount\r\nIndeed\t1.20\r\n", "tabs"}}) {
    const std::string_view text = example.first;
    const std::string separator = example.second;
    CAPTURE(text);
    CsvReader reader(text);
    CsvRow row;
    REQUIRE(reader.next(row));
    const Error error = error_from([&] { CsvHeader header(row, columns); });
    CHECK(error.code() == ErrorCode::kMalformed);
    CHECK(std::string(error.what()) == std::string("line 1: the columns are separated by ") +
                                           separator +
                                           ", not commas; save the file as \"CSV UTF-8 (Comma "
                                           "delimited)\"");
  }
}

TEST_CASE("what the writer writes reads back identically") {
  const Cells cells{"plain", "", "a,b", "say \"hi\"", "two\r\nlines", " padded ", "\ttab", "£5"};
  std::string out;
  CsvWriter writer(out);
  for (const auto& cell : cells) writer.cell(cell);
  writer.end_row();
  writer.cell("next");
  writer.end_row();
  CHECK(
      out ==
      "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded \",\"'\ttab\",£5\r\nnext\r\n");
  const auto records = read_all(out);
  REQUIRE(records.size() == 2);
  CHECK(records[0].cells == cells);
  CHECK(records[1].line == 3);
}

TEST_CASE("a cell a spreadsheet would run as a formula is written after an apostrophe") {
  // Each of the six starts, a text that already begins with an apostrophe before one of them,
  // and texts whose apostrophe is not followed by one, which are written as they are.
  const Cells cells{"=SUM(A1:A2)", "+44 20", "-5 days", "@once", "\tindented", "\rreturn",
                    "'=kept",      "''+two", "'plain",  "'",     "a=b",        ""};
  std::string out;
  CsvWriter writer(out);
  for (const auto& cell : cells) writer.cell(cell);
  writer.end_row();
  CHECK(out ==
        "'=SUM(A1:A2),'+44 20,'-5 days,'@once,\"'\tindented\",\"'\rreturn\",''=kept,'''+two,"
        "'plain,',a=b,\r\n");
  const auto records = read_all(out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].cells == cells);
}

TEST_CASE("the reader takes off only an apostrophe that stands before a formula start") {
  const auto records = read_all("'=1+2,'-3,'@x,'abc,'',it's,\"'\tt\"\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].cells == Cells{"=1+2", "-3", "@x", "'abc", "''", "it's", "\tt"});
}

TEST_CASE("empty header cells at the end name no column and rows may be wider with empty cells") {
  const std::array<CsvColumn, 2> columns{{{"source"}, {"note", false}}};
  CsvReader reader(
      "source,,note,,\xC2\xA0\n"
      "Indeed,,x\n"
      "Indeed,,x,,,, \n"
      "Indeed,,x,,,\xC2\xA0,\n"
      "Indeed\n"
      "Indeed,y,x\n"
      "Indeed,,x,,,z\n");
  CsvRow row;
  REQUIRE(reader.next(row));
  const CsvHeader header(row, columns);
  std::vector<std::string> misfits;
  while (reader.next(row)) {
    const auto misfit = header.misfit(row);
    misfits.push_back(misfit ? misfit->detail : "fits");
    if (!misfit) CHECK(header.cell(row, 1) == "x");
  }
  CHECK(misfits ==
        Cells{"fits", "fits", "fits", "the row has 1 cells but the header names 3 columns",
              std::string("column B has no name in the header but this row has 'y' in it; ") +
                  "name the column or delete it",
              std::string("column F has no name in the header but this row has 'z' in it; ") +
                  "name the column or delete it"});
}
