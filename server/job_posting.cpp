// schema.org JobPosting; see job_posting.hpp.
#include "job_posting.hpp"

#include <charconv>

namespace caretoolkit::server {

namespace {

namespace tr = caretoolkit::tracker;

// Google's employmentType values. Bank staff are offered shifts as they come up: PER_DIEM.
std::string_view schema_employment_type(tr::EmploymentType type) {
  switch (type) {
    case tr::EmploymentType::kFullTime:
      return "FULL_TIME";
    case tr::EmploymentType::kPartTime:
      return "PART_TIME";
    case tr::EmploymentType::kTemporary:
      return "TEMPORARY";
    case tr::EmploymentType::kBank:
      return "PER_DIEM";
  }
  return "OTHER";
}

double pounds(Pence amount) {
  return static_cast<double>(amount.value) / 100;
}

boost::json::object base_salary(const tr::Vacancy& v) {
  const Pence low = *v.pay_min;
  const Pence high = v.pay_max.value_or(low);
  return {{"@type", "MonetaryAmount"},
          {"currency", "GBP"},
          {"value", boost::json::object{
                        {"@type", "QuantitativeValue"},
                        {"minValue", pounds(low)},
                        {"maxValue", pounds(high)},
                        {"unitText", v.pay_period == tr::PayPeriod::kHour ? "HOUR" : "YEAR"}}}};
}

boost::json::object job_location(const tr::Vacancy& v) {
  boost::json::object address{
      {"@type", "PostalAddress"}, {"addressLocality", v.town}, {"addressCountry", "GB"}};
  if (!v.postcode_district.empty()) address["postalCode"] = v.postcode_district;
  return {{"@type", "Place"}, {"address", std::move(address)}};
}

}  // namespace

boost::json::object job_posting(const tr::PublicVacancy& pv, std::string_view page_url,
                                std::string_view description_html) {
  const tr::Vacancy& v = pv.vacancy;
  boost::json::object out{
      {"@context", "https://schema.org"},
      {"@type", "JobPosting"},
      {"title", v.role},
      {"description", description_html},
      {"datePosted", v.published_on ? v.published_on->to_string() : v.opened_on.to_string()},
      {"hiringOrganization",
       boost::json::object{{"@type", "Organization"}, {"name", pv.provider_name}}},
      {"jobLocation", job_location(v)},
      // Applying happens on the provider's own page, phone or email, not on this one.
      {"directApply", false},
      {"identifier", boost::json::object{{"@type", "PropertyValue"},
                                         {"name", pv.provider_name},
                                         {"value", std::to_string(v.id)}}},
      {"url", page_url},
  };
  if (v.closing_on) out["validThrough"] = v.closing_on->to_string() + "T23:59:59";
  if (v.pay_min) out["baseSalary"] = base_salary(v);
  if (v.employment_type) out["employmentType"] = schema_employment_type(*v.employment_type);
  if (v.hours_per_week) out["workHours"] = hours_a_week(*v.hours_per_week);
  return out;
}

std::string hours_a_week(double hours) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, hours).ptr;
  return std::string(buffer, end) + " hours a week";
}

std::string script_safe_json(const boost::json::value& value) {
  const std::string json = boost::json::serialize(value);
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace caretoolkit::server
