// Fuzz target: every API request body parser, through the real route handlers and store. The
// first byte picks the operation (a create, a partial update, a stage event, an advert check, a
// team operation); the rest is the JSON body, sent with the key that operation needs.
//
// Must hold (checked by FuzzTenants::handle): no body makes a handler fail with a server error,
// and no response carries another provider's data.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

using namespace caretoolkit;

namespace {

struct Operation {
  const char* method;
  std::string path;
  std::string_view key;
};

std::vector<Operation> operations(const fuzz::FuzzTenants::ProviderIds& ids) {
  const std::string api = "/api/v1/";
  const auto id = [](std::int64_t value) { return std::to_string(value); };
  const std::string_view provider = fuzz::kProviderKey;
  const std::string_view team = fuzz::kTeamKey;
  return {
      {"POST", api + "services", provider},
      {"POST", api + "sources", provider},
      {"POST", api + "spend", provider},
      {"POST", api + "vacancies", provider},
      {"POST", api + "applicants", provider},
      {"POST", api + "headcounts", provider},
      {"PATCH", api + "services/" + id(ids.service), provider},
      {"PATCH", api + "sources/" + id(ids.source), provider},
      {"PATCH", api + "vacancies/" + id(ids.vacancy), provider},
      {"PATCH", api + "applicants/" + id(ids.applicant), provider},
      {"POST", api + "applicants/" + id(ids.applicant) + "/events", provider},
      {"POST", api + "adverts/check", provider},
      {"POST", api + "providers", team},
      {"POST", api + "providers/" + id(ids.provider) + "/keys", team},
  };
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::FuzzTenants tenants;
  static const std::vector<Operation> kOperations = operations(tenants.provider_ids());
  if (size == 0) return 0;
  const Operation& operation = kOperations[data[0] % kOperations.size()];
  server::Request request;
  request.method = operation.method;
  request.target = operation.path;
  request.path = operation.path;
  request.client_address = "127.0.0.1";
  request.request_id = "fuzz";
  request.headers = {{"Content-Type", "application/json"},
                     {"Authorization", "Bearer " + std::string(operation.key)}};
  request.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string route;
  std::string log_detail;
  tenants.handle(request, route, log_detail);
  return 0;
}
