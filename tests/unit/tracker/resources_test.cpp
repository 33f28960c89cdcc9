// The contract every resource keeps through its interface (resources.hpp), run the same way over
// each of the six: create gives the record an id and its provider, get and list find it for that
// provider only, update applies an edit without letting it move the record, remove deletes it.
#include <doctest/doctest.h>

#include <string>

#include "support.hpp"
#include "tracker/stages.hpp"

using namespace caretoolkit;
using namespace caretoolkit::tracker;
using namespace caretoolkit::tracker::testing;

namespace {

// How a worked example's edit shows: one field read back as text, before and after the edit.
template <class T>
struct Change {
  Edit<T> edit;
  std::string (*field)(const T&);
  std::string before, after;
};

template <class T, class F>
void check_contract(Records<T, F>& records, Id provider, Id other, const T& record,
                    const Change<T>& change) {
  const T created = records.create(provider, record);
  CHECK(created.id > 0);
  CHECK(created.provider_id == provider);
  CHECK(change.field(created) == change.before);
  CHECK(change.field(records.get(provider, created.id)) == change.before);

  const Page<T> listed = records.list(provider, {}, {.limit = 10, .cursor = {}});
  REQUIRE(listed.items.size() == 1);
  CHECK(listed.items[0].id == created.id);
  CHECK(listed.next_cursor.empty());

  // Another provider finds nothing, and cannot change or remove the record.
  CHECK(records.list(other).items.empty());
  CHECK(error_from([&] { records.get(other, created.id); }).code() == ErrorCode::kNotFound);
  CHECK(error_from([&] { records.update(other, created.id, change.edit); }).code() ==
        ErrorCode::kNotFound);
  CHECK(error_from([&] { records.remove(other, created.id); }).code() == ErrorCode::kNotFound);

  // An edit that also moves the record to another provider and id changes only the field.
  const T updated = records.update(provider, created.id, [&](T& stored) {
    change.edit(stored);
    stored.id = created.id + 100;
    stored.provider_id = other;
  });
  CHECK(updated.id == created.id);
  CHECK(updated.provider_id == provider);
  CHECK(change.field(updated) == change.after);
  CHECK(change.field(records.get(provider, created.id)) == change.after);

  records.remove(provider, created.id);
  CHECK(records.list(provider).items.empty());
  CHECK(error_from([&] { records.get(provider, created.id); }).code() == ErrorCode::kNotFound);
  CHECK(error_from([&] { records.remove(provider, created.id); }).code() == ErrorCode::kNotFound);
}

}  // namespace

TEST_CASE("every resource creates gets lists updates and removes through its interface") {
  StoreFixture f;
  const Id provider = f.store.providers().create("Meadow View Care").id;
  const Id other = f.store.providers().create("Hill View").id;
  // Spend and applicants need a source to name; it is the provider's own.
  const Id source = f.store.sources().create(provider, {.name = "Referrals"}).id;

  SUBCASE("services") {
    check_contract<Service>(f.store.services(), provider, other,
                            {.name = " Rose House ", .type = ServiceType::kResidential},
                            {.edit = [](Service& s) { s.name = "Rose House East"; },
                             .field = [](const Service& s) { return s.name; },
                             .before = "Rose House",
                             .after = "Rose House East"});
  }
  SUBCASE("sources") {
    // The fixture's own source is removed first, so that the list holds the example alone.
    f.store.sources().remove(provider, source);
    check_contract<Source>(f.store.sources(), provider, other,
                           {.name = "Indeed", .channel = Channel::kJobBoard},
                           {.edit = [](Source& s) { s.name = "Indeed UK"; },
                            .field = [](const Source& s) { return s.name; },
                            .before = "Indeed",
                            .after = "Indeed UK"});
  }
  SUBCASE("spend") {
    check_contract<SpendEntry>(
        f.store.spend(), provider, other,
        {.source_id = source, .date = day("2025-01-10"), .amount = Pence{50'000}},
        {.edit = [](SpendEntry& e) { e.amount = Pence{60'000}; },
         .field = [](const SpendEntry& e) { return std::to_string(e.amount.value); },
         .before = "50000",
         .after = "60000"});
  }
  SUBCASE("vacancies") {
    check_contract<Vacancy>(
        f.store.vacancies(), provider, other,
        {.role = "Care worker", .opened_on = day("2025-01-02")},
        {.edit = [](Vacancy& v) { v.closed_on = day("2025-03-01"); },
         .field = [](const Vacancy& v) { return v.closed_on ? v.closed_on->to_string() : "open"; },
         .before = "open",
         .after = "2025-03-01"});
  }
  SUBCASE("applicants") {
    check_contract<Applicant>(
        f.store.applicants(), provider, other,
        {.reference = "A-001", .source_id = source, .applied_on = day("2025-01-15")},
        {.edit = [](Applicant& a) { a.interviewed_on = day("2025-01-20"); },
         .field = [](const Applicant& a) { return std::string(to_string(current_stage(a))); },
         .before = "applied",
         .after = "interviewed"});
  }
  SUBCASE("headcounts") {
    check_contract<HeadcountSnapshot>(
        f.store.headcounts(), provider, other,
        {.date = day("2025-01-31"), .staff = 20, .vacancies = 2},
        {.edit = [](HeadcountSnapshot& h) { h.staff = 21; },
         .field = [](const HeadcountSnapshot& h) { return std::to_string(h.staff); },
         .before = "20",
         .after = "21"});
  }
}
