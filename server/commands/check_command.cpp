// caretoolkit check [--json | --fix] [--rules DIR] [--service S] [--role R] [--date YYYY-MM-DD]
//                   [--provider ID [--db PATH]] FILE... | -
//
// Checks job adverts from files (or standard input, "-") and prints, for each, the score, the
// categories (with what would raise a low one) and the findings by impact, under must, should and
// could change, each with its line and column and the text marked; or, with --json, one report
// object per line (the API's form plus "file"). Exit 0 when every advert was checked, 2 when a
// file could not be read or was not valid UTF-8 text (the others are still checked).
// With --provider, the adverts are checked with that provider's own settings from the database.
//
// With --fix, one advert: its safe changes (advert/fixes.hpp) are applied and the rewritten advert
// is printed to standard output, so the file itself is never changed; a line on standard error
// says how many changes were made and what is left for a person.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "advert/advice.hpp"
#include "advert/checker.hpp"
#include "advert/fixes.hpp"
#include "advert/priority.hpp"
#include "advert/report_json.hpp"
#include "checker_settings_service.hpp"
#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "commands/defaults.hpp"
#include "core/error.hpp"
#include "rules/rule_set.hpp"
#include "text/analyzer.hpp"

namespace caretoolkit::commands {
namespace {

struct CheckArguments {
  bool json = false;
  bool fix = false;
  std::string rules_dir = shipped_folder("rules");
  std::string service;
  std::string role;
  std::string date;                     // YYYY-MM-DD; empty: today
  std::optional<tracker::Id> provider;  // check with its settings, stored in `database`
  std::string database = kDefaultDatabase;
  std::vector<std::string> files;
};

// Reads at most one byte more than the analyser takes, so that an endless or huge input (a device,
// a log file given by mistake) is refused by the checker's own size check rather than read whole.
std::string read_capped(std::istream& in) {
  constexpr std::size_t kMost = text::Analyzer::kMaxBytes + 1;
  std::string text;
  std::array<char, 1 << 16> chunk{};
  while (text.size() < kMost && in) {
    in.read(chunk.data(),
            static_cast<std::streamsize>(std::min(chunk.size(), kMost - text.size())));
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  return text;
}

std::string read_input(const std::string& name) {
  if (name == "-") {
    std::string text = read_capped(std::cin);
    if (std::cin.bad()) throw Error(ErrorCode::kNotFound, "cannot read standard input");
    return text;
  }
  // A folder opens as a stream on Linux and reads as empty: it would be checked as a blank advert.
  std::error_code error;
  if (std::filesystem::is_directory(name, error)) {
    throw Error(ErrorCode::kInvalid, "is a folder; give the advert's text file");
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "cannot open the file");
  std::string text = read_capped(in);
  if (in.bad()) throw Error(ErrorCode::kNotFound, "cannot read the file");
  return text;
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// 1-based line and column (in characters) of a byte offset.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text[i]))) ++column;
  }
  return {line, column};
}

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += is_continuation(c) ? 0 : 1;
  return n;
}

// Byte offset of the character `count` characters after `from`.
std::size_t advance(std::string_view s, std::size_t from, std::size_t count) {
  std::size_t i = from;
  while (i < s.size() && count > 0) {
    ++i;
    while (i < s.size() && is_continuation(static_cast<unsigned char>(s[i]))) ++i;
    --count;
  }
  return i;
}

// The line holding `span`, with the matched part underlined by carets; long lines are cut to a
// window around the match.
void print_marked(std::ostream& out, std::string_view text, const text::Span& span) {
  constexpr std::size_t kWidth = 96;
  constexpr std::size_t kContext = 30;
  std::size_t begin = span.begin == 0 ? std::string_view::npos : text.rfind('\n', span.begin - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::size_t end = text.find('\n', span.begin);
  if (end == std::string_view::npos) end = text.size();
  while (end > begin && (text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
  std::string prefix;
  std::string suffix;
  if (characters(text.substr(begin, span.begin - begin)) > kContext) {
    const std::size_t skip = characters(text.substr(begin, span.begin - begin)) - kContext;
    begin = advance(text, begin, skip);
    prefix = "...";
  }
  if (characters(text.substr(begin, end - begin)) > kWidth) {
    end = advance(text, begin, kWidth);
    suffix = "...";
  }
  const std::size_t lead = prefix.size() + characters(text.substr(begin, span.begin - begin));
  const std::size_t match_end = std::min<std::size_t>(span.end, end);
  const std::size_t width = std::max<std::size_t>(
      1, characters(text.substr(span.begin, match_end > span.begin ? match_end - span.begin : 0)));
  out << "      | " << prefix << text.substr(begin, end - begin) << suffix << "\n";
  out << "      | " << std::string(lead, ' ') << std::string(width, '^') << "\n";
}

// One finding: where, points, rule and severity; the message, the text marked, the suggestion, and
// the change --fix would make.
void print_finding(std::ostream& out, std::string_view text, const advert::Finding& f) {
  std::string where = "advert";
  if (f.span) {
    const auto [line, column] = line_and_column(text, f.span->begin);
    where = std::to_string(line) + ":" + std::to_string(column);
  }
  char head[200];
  std::snprintf(head, sizeof head, "  %-8s %+3d  %s [%s]", where.c_str(), f.points,
                std::string(f.rule_id).c_str(), rules::to_string(f.severity));
  out << head << "\n      " << f.message;
  if (!f.detail.empty()) out << " (" << f.detail << ")";
  out << "\n";
  if (f.span) print_marked(out, text, *f.span);
  if (!f.suggestion.empty()) out << "      " << f.suggestion << "\n";
  if (f.edit) {
    out << "      --fix changes \"" << f.text << "\" to \"" << f.edit->replacement << "\"\n";
  }
}

// The findings in the report's order (by impact) under their headings; what was met is listed on
// one line before them.
void print_findings(std::ostream& out, std::string_view text, const advert::Report& report) {
  std::string covered;
  for (const auto& f : report.findings) {
    if (f.outcome != rules::Outcome::kMet) continue;
    covered += covered.empty() ? "" : ", ";
    covered += f.rule_id;
    if (f.points) covered += " (+" + std::to_string(f.points) + ")";
  }
  if (!covered.empty()) out << "  covered: " << covered << "\n";
  struct Group {
    const char* title;
    bool (*holds)(const advert::Finding&);
  };
  using advert::Priority;
  static constexpr Group kGroups[] = {
      {"Must change", [](const advert::Finding& f) { return f.priority == Priority::kMust; }},
      {"Should change", [](const advert::Finding& f) { return f.priority == Priority::kShould; }},
      {"Could change", [](const advert::Finding& f) { return f.priority == Priority::kCould; }},
      {"Going well",
       [](const advert::Finding& f) {
         return f.priority == Priority::kNone && f.points > 0 && f.outcome != rules::Outcome::kMet;
       }},
      {"For information",
       [](const advert::Finding& f) {
         return f.priority == Priority::kNone && f.points == 0 && f.outcome != rules::Outcome::kMet;
       }},
  };
  const std::vector<const advert::Finding*> ordered = advert::by_impact(report.findings);
  for (const Group& group : kGroups) {
    bool started = false;
    for (const advert::Finding* f : ordered) {
      if (!group.holds(*f)) continue;
      if (!started) out << "\n  " << group.title << ":\n";
      started = true;
      print_finding(out, text, *f);
    }
  }
}

void print_report(std::ostream& out, const std::string& name, std::string_view text,
                  const advert::Report& report) {
  out << name << ": " << report.score << "/100 (" << report.grade << ")\n";
  if (report.cap) {
    out << "  at most " << report.cap->cap << " while " << report.cap->rule_id
        << " stands (the categories give " << report.cap->uncapped << ")\n";
  }
  for (const auto& c : report.categories) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-11s %3d/100  (starts at %d, won %+d, lost %d)\n",
                  rules::to_string(c.category), c.score, c.base, c.won, c.lost);
    out << line;
    if (advert::is_low(c)) {
      const advert::CategoryAdvice& advice = advert::advice_for(c.category);
      out << "              to raise it: " << advice.to_raise << " For example: \""
          << advice.example << "\"\n";
    }
  }
  const auto& s = report.statistics;
  char stats[400];
  std::snprintf(stats, sizeof stats,
                "  %d words, %d sentences, %d paragraphs; reading ease %.1f, grade %.1f; "
                "%.1f words a sentence, longest %d\n",
                s.words, s.sentences, s.paragraphs, s.reading_ease, s.grade_level,
                s.average_sentence_words, s.longest_sentence_words);
  out << stats;
  if (s.you_we) {
    out << "  " << s.you_we->first_label << "/" << s.you_we->second_label << ": " << s.you_we->first
        << " to " << s.you_we->second << "\n";
  }
  if (report.gender) {
    out << "  gender coding: " << report.gender->verdict << " (feminine " << report.gender->feminine
        << ", masculine " << report.gender->masculine << ")\n";
  }
  print_findings(out, text, report);
  out << "\n";
}

void print_json(std::ostream& out, const std::string& name, const advert::Report& report) {
  const boost::json::value value = advert::report_to_json(report);
  boost::json::object line{{"file", name}};
  for (const auto& field : value.as_object()) {
    line.insert(field);
  }
  out << boost::json::serialize(line) << "\n";
}

// --fix: the rewritten advert to standard output, and what was done to standard error.
void print_fixed(const std::string& name, std::string_view text, const advert::Checker& checker,
                 const advert::CheckOptions& options, advert::CheckContext& context) {
  const advert::Report before = checker.check(text, options, context);
  const advert::FixResult fixed = advert::fix_advert(checker, text, options, context);
  const advert::Report after = checker.check(fixed.text, options, context);
  std::cout << fixed.text;
  std::cout.flush();
  const auto left =
      std::count_if(after.findings.begin(), after.findings.end(),
                    [](const advert::Finding& f) { return f.priority != advert::Priority::kNone; });
  std::cerr << "caretoolkit check: " << name << ": " << fixed.applied << " safe change"
            << (fixed.applied == 1 ? "" : "s") << " made, score " << before.score << " to "
            << after.score << "; " << left << " finding" << (left == 1 ? " needs" : "s need")
            << " a person: check the result to see them.\n";
}

void run_check(const CheckArguments& args) {
  // Loading the rules is all or nothing: a broken pack stops the command (exit 2 via main).
  const auto rule_set = rules::RuleSet::load_directory(args.rules_dir);
  const text::Analyzer analyzer;
  const advert::Checker shared(rule_set, analyzer);
  std::unique_ptr<tracker::Store> store;
  std::unique_ptr<server::CheckerSettingsService> settings;
  server::CheckerLease checker{nullptr, &shared};
  if (args.provider) {
    store = server::open_database(args.database, server::OpenMode::kMustExist);
    settings = std::make_unique<server::CheckerSettingsService>(*store, rule_set, analyzer, shared);
    checker = settings->checker_for(*args.provider);
  }
  advert::CheckOptions options{args.role, args.service};
  if (!args.date.empty()) options.date = Date::parse_or_throw(args.date, "--date");

  bool failed = false;
  advert::CheckContext context;  // one for every file
  for (const auto& file : args.files) {
    const std::string name = file == "-" ? "(standard input)" : file;
    try {
      const std::string text = read_input(file);
      if (args.fix) {
        print_fixed(name, text, *checker, options, context);
      } else if (args.json) {
        print_json(std::cout, name, checker->check(text, options, context));
      } else {
        print_report(std::cout, name, text, checker->check(text, options, context));
      }
    } catch (const Error& e) {
      std::cerr << "caretoolkit check: " << name << ": " << e.what() << "\n";
      failed = true;
    }
  }
  std::cout.flush();
  if (failed) throw CLI::RuntimeError(2);
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArguments>();
  CLI::App* check = app.add_subcommand(
      "check", "Check job adverts: score, categories and every finding with a suggestion.");
  CLI::Option* json = check->add_flag("--json", args->json, "Print one JSON report per line");
  check
      ->add_flag("--fix", args->fix,
                 "Make the changes that are safe to make without reading them (\"utilise\" to "
                 "\"use\") and print the rewritten advert to standard output; the file is not "
                 "changed. Save it with: check --fix advert.txt > advert-fixed.txt")
      ->excludes(json);
  check->add_option("--rules", args->rules_dir, "Directory of rule packs (*.json)")
      ->capture_default_str();
  check->add_option("--service", args->service,
                    "Kind of service, e.g. \"home care\" (some rules apply only to it)");
  check->add_option("--role", args->role, "Job title, echoed in the report");
  check->add_option("--date", args->date,
                    "Day to check the advert for, YYYY-MM-DD (default today): pay is compared "
                    "with the National Living Wage in force then");
  check->add_option("--provider", args->provider,
                    "Check with this provider's own checker settings (see caretoolkit settings)");
  add_db_option(check, args->database);
  check->add_option("files", args->files, "Advert files (plain UTF-8 text), or - for stdin")
      ->required();
  check->callback([args] {
    if (args->fix && args->files.size() != 1) {
      throw CLI::ValidationError("--fix", "give one advert file at a time");
    }
    run_check(*args);
  });
}

}  // namespace caretoolkit::commands
