// caretoolkit settings and check --provider as an operator runs them: settings imported from a
// JSON file apply to that provider's checks only, export writes what import reads, the history
// names the command line, and a bad file is refused with the entry and field named.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "child_process.hpp"
#include "test_server.hpp"

using namespace caretoolkit::testing;

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("check with a provider uses the settings imported for it and nobody else's") {
  TempDir dir;
  const std::string db = (dir.path() / "t.db").string();
  REQUIRE(run_caretoolkit({"provider", "add", "Brookfield Care", "--db", db}).first == 0);
  REQUIRE(run_caretoolkit({"provider", "add", "Other Care", "--db", db}).first == 0);
  const auto advert = dir.path() / "advert.txt";
  write(advert, "We need bank staff to support residents.\n");
  const auto settings = dir.path() / "settings.json";
  write(settings, R"({"disabled_rules": ["jargon.bank-staff"], "house_terms": [{"term": "residents",
      "replacement": "the people who live here", "message": "We say the people who live here."}]})");

  const auto [imported, import_output] =
      run_caretoolkit({"settings", "import", "--provider", "1", "--db", db, settings.string()});
  CHECK(imported == 0);
  CHECK(contains(import_output, "Checker settings of provider 1 saved as version 1:"));
  CHECK(contains(import_output, "  switched off rule jargon.bank-staff"));

  const auto [own_status, own] =
      run_caretoolkit({"check", "--json", "--provider", "1", "--db", db, advert.string()});
  CHECK(own_status == 0);
  CHECK_FALSE(contains(own, "\"rule\":\"jargon.bank-staff\""));
  CHECK(contains(own, "\"rule\":\"house.residents\""));
  for (const std::vector<std::string>& other :
       {std::vector<std::string>{"check", "--json", "--provider", "2", "--db", db, advert.string()},
        std::vector<std::string>{"check", "--json", advert.string()}}) {
    const auto [status, output] = run_caretoolkit(other);
    CHECK(status == 0);
    CHECK(contains(output, "\"rule\":\"jargon.bank-staff\""));
    CHECK_FALSE(contains(output, "house.residents"));
  }

  // Export writes what import reads: importing it into the other provider copies the settings.
  const auto exported = dir.path() / "exported.json";
  REQUIRE(run_caretoolkit(
              {"settings", "export", "--provider", "1", "--db", db, "--output", exported.string()})
              .first == 0);
  CHECK(run_caretoolkit({"settings", "import", "--provider", "2", "--db", db, exported.string()})
            .first == 0);
  const auto [copied_status, copied] =
      run_caretoolkit({"check", "--json", "--provider", "2", "--db", db, advert.string()});
  CHECK(contains(copied, "\"rule\":\"house.residents\""));

  const auto [history_status, history] =
      run_caretoolkit({"settings", "history", "--provider", "1", "--db", db});
  CHECK(history_status == 0);
  CHECK(contains(history, "version 1, "));
  CHECK(contains(history, ", command line\n  switched off rule jargon.bank-staff\n"));
}

TEST_CASE("settings import refuses a bad file naming the entry and changes nothing") {
  TempDir dir;
  const std::string db = (dir.path() / "t.db").string();
  REQUIRE(run_caretoolkit({"provider", "add", "Brookfield Care", "--db", db}).first == 0);
  const auto bad = dir.path() / "bad.json";
  write(bad, R"({"allowed_terms": [{"term": "bank", "where": "sometimes"}]})");
  const auto [status, output] =
      run_caretoolkit({"settings", "import", "--provider", "1", "--db", db, bad.string()});
  CHECK(status == 2);
  CHECK(contains(output, bad.string() + ": allowed term 1 (\"bank\"): field \"where\": "
                                        "\"sometimes\" is not one of everywhere, explained"));
  const auto [export_status, exported] =
      run_caretoolkit({"settings", "export", "--provider", "1", "--db", db});
  CHECK(export_status == 0);
  CHECK(contains(exported, "\"version\":0,"));
  CHECK(run_caretoolkit({"check", "--provider", "7", "--db", db, bad.string()}).first == 2);
}
