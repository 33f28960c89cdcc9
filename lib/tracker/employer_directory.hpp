// The directory of care employers: each provider's public profile (town, postcode district and a
// short description), kept beside its choice to be listed (VacancyPublishing::set_listed), and
// the list that the public page /employers shows of the providers who chose to be listed, with
// the kinds of service they run and their open vacancies.
//
// A profile follows the rules of a vacancy's place (vacancy_particulars.hpp): the town is a name,
// the postcode district only the first part of a postcode. Every field may be empty. A refusal is
// Error(kInvalid) with one item per problem, and nothing changes.
//
// Tenancy: profile() and set_profile() read and write only the given provider's profile; list()
// is public and shows listed providers only.
//
// Thread safety: as the Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tracker/store.hpp"
#include "tracker/vacancy_publishing.hpp"

namespace caretoolkit::tracker {

// The longest description of a provider, in characters: a short paragraph.
inline constexpr std::size_t kMaxProfileDescriptionLength = 600;

struct EmployerProfile {
  std::string town;
  std::string postcode_district;
  std::string description;  // free text: line breaks kept
};

// The stored form: the town as a name (normalise_text), the postcode district as
// normalise_postcode_district() makes it, the description as a note.
void normalise_profile(EmployerProfile& profile);
// The rules of a stored profile, one problem each, naming the fields "town", "postcode_district"
// and "description".
void check_profile(const EmployerProfile& profile, Problems& problems);

// A listed provider as the public page shows it.
struct PublicEmployer {
  Id provider_id = 0;
  std::string name;
  EmployerProfile profile;
  std::vector<ServiceType> service_types;  // of its services, each once, in the vocabulary's order
  std::vector<PublicVacancy> vacancies;    // open now, the most recently published first
};

struct EmployerFilter {
  std::optional<ServiceType> service_type;  // providers running a service of this type
  std::optional<std::string> town;          // compared as names are: case and spacing ignored
  std::size_t limit = 100;
  std::size_t offset = 0;
};

class EmployerDirectory {
 public:
  // Both must outlive this.
  EmployerDirectory(Store& store, const VacancyPublishing& vacancies);

  // The provider's profile: empty fields until one is written. Error(kNotFound) for an unknown
  // provider.
  EmployerProfile profile(Id provider) const;
  // Stores the profile in its stored form and returns it; the listing choice is left as it was
  // (not listed until chosen).
  EmployerProfile set_profile(Id provider, EmployerProfile profile);
  // The kinds of service the provider runs, each once, in the vocabulary's order.
  std::vector<ServiceType> service_types(Id provider) const;

  // The listed providers matching `filter`, in alphabetical order of name (case ignored), each
  // with at most `vacancies_each` of its open vacancies.
  std::vector<PublicEmployer> list(const EmployerFilter& filter,
                                   std::size_t vacancies_each = 100) const;

 private:
  Store& store_;
  const VacancyPublishing& vacancies_;
};

}  // namespace caretoolkit::tracker
