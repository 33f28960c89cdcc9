// CRUD routes for a provider's records: services, sources, spend, vacancies, applicants and
// headcounts, plus the applicants' stages and events. Every route needs a provider key and sees
// only that provider's rows; the store enforces the scoping and the data rules, so a handler here
// only translates JSON and query strings.
#include <boost/json.hpp>
#include <tuple>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "api/query.hpp"
#include "api/resource_fields.hpp"

namespace caretoolkit::server::api {

namespace {

using tracker::Id;

// One resource's entry in the table: GET and POST on /{collection}, and GET, PATCH and DELETE on
// /{collection}/{id}, reading and writing `fields` through the store's `records`.
template <class Records>
struct Resource {
  std::string_view collection;  // "sources"
  const Fields<typename Records::Record>& fields;
  Records& records;
  typename Records::Filter (*filter)(const Request&);  // the list's query parameters
};
template <class Records, class FieldTable, class Filter>
Resource(std::string_view, const FieldTable&, Records&, Filter) -> Resource<Records>;

template <class Records>
void add_resource(Router& router, tracker::Store& store, const Resource<Records>& resource) {
  using T = typename Records::Record;
  const std::string base = std::string(kApiPrefix) + "/" + std::string(resource.collection);
  router.add("GET", base, [&store, resource](Request& request) {
    const Id provider = require_provider(request, store);
    const tracker::PageRequest page = page_request(request);
    const auto listed = resource.records.list(provider, resource.filter(request), page);
    boost::json::array items;
    items.reserve(listed.items.size());
    for (const T& item : listed.items) items.push_back(to_json(item, resource.fields));
    return json_response(200, page_object(std::move(items), listed.next_cursor));
  });
  router.add("POST", base, [&store, resource, base](Request& request) {
    const Id provider = require_provider(request, store);
    const auto body = parse_json_object(request);
    T record{};
    from_json(body, resource.fields, record, true);
    const T created = resource.records.create(provider, std::move(record));
    Response response = json_response(201, to_json(created, resource.fields));
    response.set_header("Location", base + "/" + std::to_string(created.id));
    return response;
  });
  router.add("GET", base + "/{id}", [&store, resource](Request& request) {
    const Id provider = require_provider(request, store);
    return json_response(
        200, to_json(resource.records.get(provider, path_id(request)), resource.fields));
  });
  router.add("PATCH", base + "/{id}", [&store, resource](Request& request) {
    const Id provider = require_provider(request, store);
    const Id id = path_id(request);
    const auto body = parse_json_object(request);
    const T updated = resource.records.update(
        provider, id, [&](T& record) { from_json(body, resource.fields, record, false); });
    return json_response(200, to_json(updated, resource.fields));
  });
  router.add("DELETE", base + "/{id}", [&store, resource](Request& request) {
    const Id provider = require_provider(request, store);
    resource.records.remove(provider, path_id(request));
    return Response{204, {}, {}, {}, false};
  });
}

// Each list's query parameters.
tracker::ServiceFilter service_filter(const Request& request) {
  tracker::ServiceFilter filter;
  if (auto type = request.query_param("type")) {
    filter.type = parse_enum_or_throw(*type, "type", tracker::parse_service_type,
                                      tracker::service_type_names());
  }
  return filter;
}

tracker::SourceFilter source_filter(const Request& request) {
  tracker::SourceFilter filter;
  if (auto channel = request.query_param("channel")) {
    filter.channel =
        parse_enum_or_throw(*channel, "channel", tracker::parse_channel, tracker::channel_names());
  }
  return filter;
}

tracker::SpendFilter spend_filter(const Request& request) {
  return {.source_id = query_id(request, "source_id"),
          .from = query_date(request, "from"),
          .to = query_date(request, "to")};
}

tracker::VacancyFilter vacancy_filter(const Request& request) {
  return {.service_id = query_id(request, "service_id"), .open = query_bool(request, "open")};
}

// Shared by the applicant list and the counts per stage.
tracker::ApplicantFilter applicant_filter(const Request& request) {
  tracker::ApplicantFilter filter;
  filter.source_id = query_id(request, "source_id");
  filter.vacancy_id = query_id(request, "vacancy_id");
  filter.service_id = query_id(request, "service_id");
  filter.applied_from = query_date(request, "applied_from");
  filter.applied_to = query_date(request, "applied_to");
  if (auto reference = request.query_param("reference")) {
    filter.reference = std::string(*reference);
  }
  if (auto part = request.query_param("reference_contains")) {
    filter.reference_contains = std::string(*part);
  }
  if (auto stage = request.query_param("stage")) {
    filter.stage =
        parse_enum_or_throw(*stage, "stage", tracker::parse_stage, tracker::stage_names());
  }
  return filter;
}

tracker::HeadcountFilter headcount_filter(const Request& request) {
  return {.service_id = query_id(request, "service_id"),
          .from = query_date(request, "from"),
          .to = query_date(request, "to")};
}

// The applicants' own routes. GET /applicants/stages: how many applicants the list's filters keep
// at each stage, and how many the provider has in all, so that a board can say what it shows ("22
// of 287"). POST /applicants/{id}/events records a stage reached ({"stage": "interviewed", "on":
// "2025-01-10", "reason": "..."}); GET lists an applicant's stages.
void add_applicant_stage_routes(Router& router, tracker::Store& store) {
  const std::string base = std::string(kApiPrefix) + "/applicants";
  router.add("GET", base + "/stages", [&store](Request& request) {
    const Id provider = require_provider(request, store);
    const auto counts = store.applicants().count_by_stage(provider, applicant_filter(request));
    boost::json::array stages;
    for (const auto& [stage, count] : counts.by_stage) {
      stages.push_back(boost::json::object{{"stage", tracker::to_string(stage)}, {"count", count}});
    }
    return json_response(200, boost::json::object{{"total", counts.total},
                                                  {"matched", counts.matched},
                                                  {"stages", std::move(stages)}});
  });
  router.add("POST", base + "/{id}/events", [&store](Request& request) {
    const Id provider = require_provider(request, store);
    const Id applicant = path_id(request);
    const auto body = parse_json_object(request);
    StageEventInput input;
    from_json(body, stage_event_fields(), input, true);
    const auto updated =
        store.applicants().record_event(provider, applicant, input.stage, input.on, input.reason);
    return json_response(201, to_json(updated, applicant_fields()));
  });
  router.add("GET", base + "/{id}/events", [&store](Request& request) {
    const Id provider = require_provider(request, store);
    boost::json::array events;
    for (const auto& event : store.applicants().list_events(provider, path_id(request))) {
      events.push_back(boost::json::object{{"stage", tracker::to_string(event.stage)},
                                           {"on", event.on.to_string()},
                                           {"reason", event.reason}});
    }
    return json_response(200, boost::json::object{{"items", std::move(events)}});
  });
}

}  // namespace

void add_resource_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  // First: a route matches in the order it was added, and /applicants/{id} would take
  // /applicants/stages.
  add_applicant_stage_routes(router, store);
  const std::tuple resources{
      Resource{"services", service_fields(), store.services(), service_filter},
      Resource{"sources", source_fields(), store.sources(), source_filter},
      Resource{"spend", spend_fields(), store.spend(), spend_filter},
      // Written through publishing, which checks a vacancy before it opens and keeps its advert
      // versions (tracker/vacancy_publishing.hpp).
      Resource{"vacancies", vacancy_fields(), context.vacancies, vacancy_filter},
      Resource{"applicants", applicant_fields(), store.applicants(), applicant_filter},
      Resource{"headcounts", headcount_fields(), store.headcounts(), headcount_filter},
  };
  std::apply([&](const auto&... resource) { (add_resource(router, store, resource), ...); },
             resources);
}

}  // namespace caretoolkit::server::api
