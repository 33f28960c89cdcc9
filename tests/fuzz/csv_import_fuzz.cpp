// Fuzz target: the three CSV importers (applicants, spend, headcounts) on arbitrary bytes, each
// input into a provider of its own. The first byte picks the form; the rest is the file.
//
// Must hold: a bad file is refused with caretoolkit::Error and leaves the provider empty (all or
// nothing); a file that imports exports to a file that imports into another empty provider and
// exports to the same bytes; importing the same file again creates nothing and changes nothing.
#include <cstdint>
#include <memory>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "tracker/store.hpp"

using namespace caretoolkit;
using tracker::Id;
using tracker::Store;

namespace {

struct Form {
  const char* name;
  tracker::ImportSummary (Store::*import)(Id, std::string_view, const tracker::ImportOptions&);
  std::string (Store::*export_csv)(Id) const;
};

constexpr Form kForms[] = {
    {"applicants", &Store::import_applicants_csv, &Store::export_applicants_csv},
    {"spend", &Store::import_spend_csv, &Store::export_spend_csv},
    {"headcounts", &Store::import_headcount_csv, &Store::export_headcount_csv},
};

// Each input uses new providers only, so earlier inputs cannot change what this one does, and
// the database can be thrown away now and then to keep it small.
class Scratch {
 public:
  Store& store() {
    if (!store_ || ++uses_ > kUsesPerDatabase) {
      store_.reset();
      dir_ = std::make_unique<fuzz::ScratchDir>();
      tracker::StoreOptions options;
      options.today = [] { return *Date::parse("2025-12-31"); };
      store_ = std::make_unique<Store>(dir_->path() / "tracker.db", options);
      uses_ = 0;
    }
    return *store_;
  }

 private:
  static constexpr int kUsesPerDatabase = 2000;
  std::unique_ptr<fuzz::ScratchDir> dir_;
  std::unique_ptr<Store> store_;
  int uses_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch scratch;
  if (size == 0) return 0;
  const Form& form = kForms[data[0] % 3];
  const std::string_view file(reinterpret_cast<const char*>(data) + 1, size - 1);
  Store& store = scratch.store();

  const Id first = store.providers().create("first").id;
  const std::string empty = (store.*form.export_csv)(first);
  try {
    (store.*form.import)(first, file, {});
  } catch (const Error& error) {
    fuzz::fuzz_require((store.*form.export_csv)(first) == empty,
                       "a refused import left rows behind", error.what());
    return 0;
  }
  const std::string exported = (store.*form.export_csv)(first);

  const Id second = store.providers().create("second").id;
  try {
    (store.*form.import)(second, exported, {});
  } catch (const Error& error) {
    fuzz::fuzz_require(false, "an export does not import",
                       std::string(form.name) + ": " + error.what() + "\n" + exported);
  }
  fuzz::fuzz_require((store.*form.export_csv)(second) == exported,
                     "an export imported into an empty provider exports differently", exported);

  const auto again = (store.*form.import)(first, file, {});
  fuzz::fuzz_require(again.created == 0 && (store.*form.export_csv)(first) == exported,
                     "importing the same file twice changed the data", form.name);
  return 0;
}
