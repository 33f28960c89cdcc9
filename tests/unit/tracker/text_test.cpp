// Text fields: the one stored form of a name (NFC, white space trimmed and collapsed), names that
// differ only in white space or case being one source, and control characters refused in every
// text field on every way into the store, so that an export always imports again.
#include <doctest/doctest.h>

#include "support.hpp"
#include "tracker/api_keys.hpp"
#include "tracker/validation.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

using namespace std::string_literals;

constexpr std::string_view kApplicantHeader =
    "reference,source,channel,vacancy,service,applied_on,interviewed_on,offered_on,started_on,"
    "left_on,left_reason,outcome,prior_sector\n";

struct TextFixture : StoreFixture {
  Id provider = store.providers().create("Old Oak Care").id;
  Id indeed =
      store.sources().create(provider, {.name = "Indeed", .channel = Channel::kJobBoard}).id;

  // Everything the provider has stored, including what the exports leave out.
  std::string snapshot() const {
    std::string all = store.export_applicants_csv(provider) + store.export_spend_csv(provider) +
                      store.export_headcount_csv(provider);
    for (const auto& p : store.providers().list({.limit = 1000}).items) all += p.name + '\n';
    for (const auto& s : store.sources().list(provider, {}, {.limit = 1000}).items) {
      all += s.name + '\n';
    }
    for (const auto& s : store.services().list(provider, {}, {.limit = 1000}).items) {
      all += s.name + '\n';
    }
    for (const auto& v : store.vacancies().list(provider, {}, {.limit = 1000}).items) {
      all += v.role + '\n' + v.advert_text.value_or("-") + '\n';
    }
    for (const auto& a : store.applicants().list(provider, {}, {.limit = 1000}).items) {
      for (const auto& event : store.applicants().list_events(provider, a.id))
        all += event.reason + '\n';
    }
    for (const auto& key : store.list_api_keys(std::nullopt, {.limit = 1000}).items) {
      all += key.label + '\n';
    }
    return all;
  }
};

// The one problem a refused write reports.
template <class Write>
ErrorItem refused(Write&& write) {
  const Error error = error_from(write);
  CHECK(error.code() == ErrorCode::kInvalid);
  REQUIRE(error.items().size() == 1);
  return error.items()[0];
}

}  // namespace

TEST_CASE("a name is stored in Unicode NFC with its white space trimmed and collapsed") {
  // "e" followed by a combining acute accent is the precomposed "é".
  CHECK(normalise_text("Cafe\u0301") == "Caf\u00E9");
  CHECK(normalise_text("Cafe\u0301") == normalise_text("Caf\u00E9"));
  // No-break space, em space and ideographic space count as white space like the ASCII space.
  CHECK(normalise_text("Indeed\u00A0") == "Indeed");
  CHECK(normalise_text("\u2003Indeed\u3000") == "Indeed");
  CHECK(normalise_text("\u3000Job\u00A0\u2003 Centre\u00A0 Plus ") == "Job Centre Plus");
  CHECK(normalise_text("Job  Centre") == "Job Centre");
  CHECK(normalise_text("In\u00A0deed") == "In deed");
  // Plain ASCII is unchanged but for the white space at its ends.
  CHECK(normalise_text("Old Oak Care") == "Old Oak Care");
  CHECK(normalise_text(" \t Old Oak Care\r\n") == "Old Oak Care");
  CHECK(normalise_text(" \u00A0 ").empty());
}

TEST_CASE("free text keeps its tabs and line breaks inside and is trimmed at its ends") {
  CHECK(normalise_text("\u00A0Moved away\tto Leeds\r\nfor  family\n", TextKind::kNote) ==
        "Moved away\tto Leeds\r\nfor  family");
  CHECK(normalise_text("Cafe\u0301 closed", TextKind::kNote) == "Caf\u00E9 closed");
  CHECK(normalise_text("plain note", TextKind::kNote) == "plain note");
}

TEST_CASE("names match whatever their case or white space and non-ASCII letters fold too") {
  const auto key = [](std::string_view name) {
    std::string out;
    name_key(name, out);
    return out;
  };
  CHECK(key("Indeed") == "indeed");
  CHECK(key("INDEED") == key("indeed"));
  CHECK(key("Indeed\u00A0") == key("indeed"));
  CHECK(key(" indeed ") == key("indeed"));
  CHECK(key("In\u00A0deed") == key("In deed"));
  CHECK(key("In\u00A0deed") != key("Indeed"));
  CHECK(key("Job  Centre") == key("job centre"));
  CHECK(key("Caf\u00E9") == key("CAF\u00C9"));
  CHECK(key("Cafe\u0301") == key("CAF\u00C9"));
  CHECK(key("Stra\u00DFe") == key("STRASSE"));
  CHECK(key("Indeed\u200B") == key("Indeed"));  // an invisible zero width space
  CHECK(key("\uFF29ndeed") == key("Indeed"));   // a full-width capital I
  CHECK(key("Caf\u00E9") != key("Cafe"));
}

TEST_CASE("control characters are refused by name with the character and where it is") {
  Problems problems;
  check_text("Ind\0eed"s, TextKind::kName, "name", "source name", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "name");
  CHECK(problems[0].detail ==
        "source name must not contain control characters (found U+0000 at character 4)");
  problems.clear();
  // Characters are counted, not bytes: "é" is one.
  check_text("Caf\u00E9 \a", TextKind::kNote, "note", "note", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].detail ==
        "note must not contain control characters (found U+0007 at character 6)");
  problems.clear();
  check_text("Job\tCentre", TextKind::kName, "name", "service name", problems);
  check_text("Job\nCentre", TextKind::kName, "name", "service name", problems);
  check_text("Bad\x7F", TextKind::kName, "name", "service name", problems);
  check_text("Bad\u0085name", TextKind::kName, "name", "service name", problems);
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].detail ==
        "service name must not contain control characters (found U+0009 at character 4)");
  CHECK(problems[1].detail ==
        "service name must not contain control characters (found U+000A at character 4)");
  CHECK(problems[2].detail ==
        "service name must not contain control characters (found U+007F at character 4)");
  CHECK(problems[3].detail ==
        "service name must not contain control characters (found U+0085 at character 4)");
  problems.clear();
  check_text("Bad \xC3\x28", TextKind::kNote, "note", "note", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].detail == "note is not valid UTF-8 text");
  problems.clear();
  // Line breaks and tabs inside free text, and white space at the ends of anything, are fine.
  check_text("Moved away\tto Leeds\r\nfor family", TextKind::kNote, "note", "note", problems);
  check_text("\tIndeed\r\n", TextKind::kName, "name", "source name", problems);
  check_text("Caf\u00E9\u00A0", TextKind::kName, "name", "source name", problems);
  CHECK(problems.empty());
}

TEST_CASE_FIXTURE(TextFixture, "names are stored in their one form through the store") {
  const Source board = store.sources().create(
      provider, {.name = "\u00A0Job\u3000\u2003Centre  Plus\u00A0", .channel = Channel::kOther});
  CHECK(board.name == "Job Centre Plus");
  CHECK(store.sources().get(provider, board.id).name == "Job Centre Plus");
  CHECK(store.services().create(provider, {.name = "Cafe\u0301 Care"}).name == "Caf\u00E9 Care");
  CHECK(store.providers().create("  Riverside\u00A0\u00A0Homes ").name == "Riverside Homes");
  CHECK(store.vacancies()
            .create(provider, {.role = "Care\u2003worker", .opened_on = day("2025-01-01")})
            .role == "Care worker");
}

TEST_CASE_FIXTURE(TextFixture,
                  "a source or service named again with other white space or case conflicts") {
  for (const std::string name : {"Indeed\u00A0", "INDEED", " indeed ", "\u3000Indeed"}) {
    CAPTURE(name);
    const Error again = error_from([&] { store.sources().create(provider, {.name = name}); });
    CHECK(again.code() == ErrorCode::kConflict);
    CHECK(again.field() == "name");
    CHECK(std::string(again.what()) ==
          "A source named '" + normalise_text(name) +
              "' already exists: choose another name, or use that source");
  }
  // A space inside makes another name.
  CHECK(store.sources().create(provider, {.name = "In\u00A0deed"}).name == "In deed");

  store.sources().create(provider, {.name = "Caf\u00E9 jobs"});
  CHECK(error_from([&] { store.sources().create(provider, {.name = "CAF\u00C9 JOBS"}); }).code() ==
        ErrorCode::kConflict);
  CHECK(error_from([&] { store.sources().create(provider, {.name = "cafe\u0301 jobs"}); }).code() ==
        ErrorCode::kConflict);

  const Service town = store.services().create(provider, {.name = "Job Centre"});
  CHECK(error_from([&] { store.services().create(provider, {.name = "job  centre"}); }).code() ==
        ErrorCode::kConflict);
  // Renaming a record to another form of its own name is no conflict.
  CHECK(store.services()
            .update(provider, town.id, [](Service& s) { s.name = "JOB\u00A0CENTRE"; })
            .name == "JOB CENTRE");
  CHECK(store.sources().list(provider).items.size() == 3);
}

TEST_CASE_FIXTURE(TextFixture, "an imported row finds the source it names in another form") {
  const Id cafe = store.sources().create(provider, {.name = "Caf\u00E9 jobs"}).id;
  const Id town = store.services().create(provider, {.name = "Town home care"}).id;
  const std::string csv = std::string(kApplicantHeader) +
                          "A-1,Indeed\u00A0,,,Town\u00A0 home care,2025-01-06,,,,,,,\n"
                          "A-2,INDEED,,,,2025-01-07,,,,,,,\n"
                          "A-3,CAF\u00C9 JOBS,,,,2025-01-08,,,,,,,\n"
                          "A-4,cafe\u0301\u2003jobs,,,,2025-01-09,,,,,,,\n"
                          // White space alone names no vacancy and no service.
                          "A-5,Indeed,,\u00A0,\u3000,2025-01-10,,,,,,,\n";
  const ImportSummary summary = store.import_applicants_csv(provider, csv);
  CHECK(summary.created == 5);
  CHECK(summary.new_sources.empty());
  CHECK(summary.new_services.empty());
  CHECK(summary.new_vacancies == 0);
  const auto applicants = store.applicants().list(provider).items;
  REQUIRE(applicants.size() == 5);
  CHECK_FALSE(applicants[4].service_id.has_value());
  CHECK_FALSE(applicants[4].vacancy_id.has_value());
  CHECK(applicants[0].source_id == indeed);
  CHECK(applicants[0].service_id == town);
  CHECK(applicants[1].source_id == indeed);
  CHECK(applicants[2].source_id == cafe);
  CHECK(applicants[3].source_id == cafe);
  CHECK(store.sources().list(provider).items.size() == 2);
  CHECK(store.services().list(provider).items.size() == 1);
}

TEST_CASE_FIXTURE(TextFixture,
                  "a control character in any text field is refused by name and nothing changes") {
  const Id service = store.services().create(provider, {.name = "Town"}).id;
  const Id vacancy = store.vacancies()
                         .create(provider, {.role = "Care worker", .opened_on = day("2025-01-01")})
                         .id;
  Applicant started{.reference = "A-1", .source_id = indeed, .applied_on = day("2025-01-06")};
  started.offered_on = day("2025-01-08");
  started.started_on = day("2025-01-20");
  const Id a1 = store.applicants().create(provider, started).id;
  const Id a2 =
      store.applicants()
          .create(provider,
                  {.reference = "A-2", .source_id = indeed, .applied_on = day("2025-01-07")})
          .id;
  const std::string before = snapshot();

  for (const std::string& control : {"\0"s, "\a"s}) {
    const std::string code = control == "\a" ? "U+0007" : "U+0000";
    CAPTURE(code);
    // "Ind" + control + "eed": the control character is the fourth.
    const std::string bad = "Ind" + control + "eed";
    const auto message = [&](std::string_view words) {
      return std::string(words) + " must not contain control characters (found " + code +
             " at character 4)";
    };
    struct Case {
      const char* what;
      std::function<void()> write;
      const char* field;
      const char* words;
    };
    const std::vector<Case> cases = {
        {"new provider", [&] { store.providers().create(bad); }, "name", "provider name"},
        {"renamed provider",
         [&] { store.providers().update(provider, [&](Provider& p) { p.name = bad; }); }, "name",
         "provider name"},
        {"service", [&] { store.services().create(provider, {.name = bad}); }, "name",
         "service name"},
        {"renamed service",
         [&] { store.services().update(provider, service, [&](Service& s) { s.name = bad; }); },
         "name", "service name"},
        {"source", [&] { store.sources().create(provider, {.name = bad}); }, "name", "source name"},
        {"renamed source",
         [&] { store.sources().update(provider, indeed, [&](Source& s) { s.name = bad; }); },
         "name", "source name"},
        {"vacancy role",
         [&] { store.vacancies().create(provider, {.role = bad, .opened_on = day("2025-01-01")}); },
         "role", "vacancy role"},
        {"advert text",
         [&] {
           store.vacancies().update(provider, vacancy, [&](Vacancy& v) { v.advert_text = bad; });
         },
         "advert_text", "advert_text"},
        {"reference",
         [&] {
           store.applicants().create(
               provider, {.reference = bad, .source_id = indeed, .applied_on = day("2025-01-06")});
         },
         "reference", "reference"},
        {"prior sector",
         [&] {
           store.applicants().update(provider, a2, [&](Applicant& a) { a.prior_sector = bad; });
         },
         "prior_sector", "prior_sector"},
        {"left reason",
         [&] {
           store.applicants().update(provider, a1, [&](Applicant& a) {
             a.left_on = day("2025-03-01");
             a.left_reason = bad;
           });
         },
         "left_reason", "left_reason"},
        {"left event reason",
         [&] {
           store.applicants().record_event(provider, a1, Stage::kLeft, day("2025-03-01"), bad);
         },
         "reason", "reason"},
        {"outcome reason",
         [&] {
           store.applicants().record_event(provider, a2, Stage::kWithdrawn, day("2025-01-09"), bad);
         },
         "reason", "reason"},
        {"spend note",
         [&] {
           store.spend().create(
               provider,
               {.source_id = indeed, .date = day("2025-01-05"), .amount = Pence{100}, .note = bad});
         },
         "note", "note"},
        {"API key label", [&] { issue_api_key(store, ApiKeyRole::kProvider, provider, bad); },
         "label", "API key label"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.what);
      const ErrorItem item = refused(c.write);
      CHECK(item.field == c.field);
      CHECK(item.detail == message(c.words));
    }
  }
  CHECK(snapshot() == before);
}

TEST_CASE_FIXTURE(TextFixture, "tabs and line breaks are kept in reasons but refused in names") {
  Applicant a{.reference = "A-1", .source_id = indeed, .applied_on = day("2025-01-06")};
  a.offered_on = day("2025-01-08");
  a.started_on = day("2025-01-20");
  a.left_on = day("2025-03-01");
  a.left_reason = "Moved away\tto Leeds\r\nfor family\n";
  CHECK(store.applicants().create(provider, a).left_reason == "Moved away\tto Leeds\r\nfor family");
  const ErrorItem tab = refused([&] { store.sources().create(provider, {.name = "Job\tCentre"}); });
  CHECK(tab.detail ==
        "source name must not contain control characters (found U+0009 at character 4)");
  const ErrorItem line_break = refused([&] {
    store.applicants().create(
        provider, {.reference = "A\n2", .source_id = indeed, .applied_on = day("2025-01-06")});
  });
  CHECK(line_break.field == "reference");
}

TEST_CASE_FIXTURE(TextFixture,
                  "a CSV cell with a control character is refused by line and column") {
  const std::string before = snapshot();
  const std::string applicants = std::string(kApplicantHeader) +
                                 "A\a1,Indeed,,,,2025-01-06,,,,,,,\n"
                                 "A-2,Ind\aeed,,,,2025-01-06,,,,,,,\n"
                                 "A-3,Indeed,,Care\aworker,,2025-01-06,,,,,,,\n"
                                 "A-4,Indeed,,,Town\a,2025-01-06,,,,,,,\n"
                                 "A-5,Indeed,,,,2025-01-06,,2025-01-07,2025-01-08,2025-02-01,"
                                 "\"Moved\a away\",,\n"
                                 "A-6,Indeed,,,,2025-01-06,,,,,,,re\atail\n"
                                 "A-7,Indeed,,,,2025-01-06,,2025-01-07,2025-01-08,2025-02-01,"
                                 "\"Fine\twith a tab\",,\n";
  const Error error = error_from([&] { store.import_applicants_csv(provider, applicants); });
  CHECK(error.code() == ErrorCode::kInvalid);
  const auto& items = error.items();
  REQUIRE(items.size() == 6);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"reference", "reference must not contain control characters (found U+0007 at character 2)"},
      {"source", "source name must not contain control characters (found U+0007 at character 4)"},
      {"vacancy", "vacancy role must not contain control characters (found U+0007 at character 5)"},
      {"service", "service name must not contain control characters (found U+0007 at character 5)"},
      {"left_reason",
       "left_reason must not contain control characters (found U+0007 at character 6)"},
      {"prior_sector",
       "prior_sector must not contain control characters (found U+0007 at character 3)"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(items[i].line == i + 2);
    CHECK(items[i].field == expected[i].first);
    CHECK(items[i].detail == expected[i].second);
  }

  const Error spend = error_from([&] {
    store.import_spend_csv(provider, "source,date,amount,note\nIndeed,2025-01-05,10,Jan\auary\n");
  });
  REQUIRE(spend.items().size() == 1);
  CHECK(spend.items()[0].field == "note");
  const Error headcount = error_from([&] {
    store.import_headcount_csv(provider,
                               "date,service,staff,vacancies,leavers\n2025-01-31,To\awn,40,4,\n");
  });
  REQUIRE(headcount.items().size() == 1);
  CHECK(headcount.items()[0].field == "service");
  CHECK(headcount.items()[0].detail ==
        "service name must not contain control characters (found U+0007 at character 3)");
  CHECK(snapshot() == before);
}

TEST_CASE_FIXTURE(TextFixture, "an export of everything the store accepted imports again") {
  // Awkward text of every kind; whatever the store accepts must survive export and import.
  const std::vector<std::string> texts = {
      "plain",        "Cafe\u0301",    "Job\u00A0\u00A0Centre", "\u3000wide\u2003space",
      "tab\there",    "line\nbreak",   "crlf\r\nbreak",         "nul\0inside"s,
      "bell\ainside", "del\x7Finside", "nel\u0085inside",       "\"quoted, with comma\"",
      " spaced ",     "\u00A0",        "\xE2\x80\x8Bzero width"};
  int accepted = 0;
  const auto attempt = [&](auto&& write) {
    try {
      write();
      ++accepted;
    } catch (const Error& error) {
      CHECK(error.code() == ErrorCode::kInvalid);
    }
  };
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string& text = texts[i];
    const std::string n = std::to_string(i);
    Id source = indeed;
    attempt([&] { source = store.sources().create(provider, {.name = text + n}).id; });
    std::optional<Id> service;
    attempt([&] { service = store.services().create(provider, {.name = text + n}).id; });
    std::optional<Id> vacancy;
    attempt([&] {
      vacancy =
          store.vacancies().create(provider, {.role = text + n, .opened_on = day("2025-01-01")}).id;
    });
    Applicant a{.reference = "R" + n, .source_id = source, .applied_on = day("2025-01-06")};
    a.vacancy_id = vacancy;
    a.service_id = service;
    attempt([&] {
      Applicant b = a;
      b.reference = text + n;
      store.applicants().create(provider, b);
    });
    a.offered_on = day("2025-01-08");
    a.started_on = day("2025-01-20");
    a.left_on = day("2025-03-01");
    a.left_reason = text;
    a.prior_sector = text;
    attempt([&] { store.applicants().create(provider, a); });
    attempt([&] {
      store.spend().create(
          provider,
          {.source_id = source, .date = day("2025-01-05"), .amount = Pence{100}, .note = text});
    });
  }
  CHECK(accepted > 0);
  const std::string applicants = store.export_applicants_csv(provider);
  const std::string spend = store.export_spend_csv(provider);
  const Id copy = store.providers().create("Copy").id;
  store.import_applicants_csv(copy, applicants);
  store.import_spend_csv(copy, spend);
  CHECK(store.export_applicants_csv(copy) == applicants);
  CHECK(store.export_spend_csv(copy) == spend);
}

TEST_CASE_FIXTURE(TextFixture, "length limits count characters not bytes") {
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\u00E9";  // two bytes each
  Problems problems;
  check_name(name, "name", "source name", problems);
  CHECK(problems.empty());
  check_name(name + "\u00E9", "name", "source name", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].detail == "Name is longer than 200 characters: shorten it to 200 or fewer");

  // Through the store: 200 accented letters make a source, 201 do not.
  CHECK(store.sources().create(provider, {.name = name}).name == name);
  CHECK(refused([&] { store.sources().create(provider, {.name = "x" + name}); }).detail ==
        "Name is longer than 200 characters: shorten it to 200 or fewer");

  // A reference of 100 three-byte characters, a note of 1,000 and a label of 200.
  std::string reference;
  for (int i = 0; i < 100; ++i) reference += "\u4E00";
  const Applicant applicant = store.applicants().create(
      provider, {.reference = reference, .source_id = indeed, .applied_on = day("2025-01-06")});
  CHECK(applicant.reference == reference);
  CHECK(refused([&] {
          store.applicants().create(provider, {.reference = reference + "\u4E00",
                                               .source_id = indeed,
                                               .applied_on = day("2025-01-06")});
        }).detail == "Reference is longer than 100 characters: shorten it to 100 or fewer");
  std::string note;
  for (int i = 0; i < 1000; ++i) note += "\u00A3";
  CHECK(store.spend()
            .create(provider, {.source_id = indeed, .date = day("2025-01-01"), .note = note})
            .note == note);
  CHECK(refused([&] {
          store.applicants().record_event(provider, applicant.id, Stage::kWithdrawn,
                                          day("2025-01-07"), note + "\u00A3");
        }).detail == "Reason is longer than 1000 characters: shorten it to 1000 or fewer");
  CHECK(issue_api_key(store, ApiKeyRole::kProvider, provider, name).record.label == name);

  // And a spreadsheet cell: "Caf" and 197 accented letters name a source, one more does not.
  const std::string cafe = "Caf" + name.substr(6);
  const auto row = [&](std::string_view ref, std::string_view source) {
    return std::string(kApplicantHeader) + std::string(ref) + "," + std::string(source) +
           ",job_board,,,2025-01-06,,,,,,,\n";
  };
  CHECK(store.import_applicants_csv(provider, row("A-1", cafe)).new_sources ==
        std::vector<std::string>{cafe});
  const Error error =
      error_from([&] { store.import_applicants_csv(provider, row("A-2", cafe + "\u00E9")); });
  CHECK(std::string(error.what())
            .find("Source is longer than 200 characters: shorten it to 200 or fewer") !=
        std::string::npos);
}
