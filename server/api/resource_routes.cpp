// CRUD routes for a provider's records: services, sources, spend, vacancies, applicants and
// headcounts, plus POST /applicants/{id}/events. Every route needs a provider key and sees only
// that provider's rows; the store enforces the scoping and the data rules, so a handler here only
// translates JSON and query strings.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "api/json_body.hpp"
#include "api/query.hpp"
#include "api/resource_fields.hpp"

namespace caretoolkit::server::api {

namespace {

using tracker::Id;

template <class T>
struct Resource {
  std::string collection;  // "sources"
  const Fields<T>& fields;
  std::function<tracker::Page<T>(Id, const Request&, const tracker::PageRequest&)> list;
  std::function<T(Id, Id)> get;
  std::function<T(Id, T)> create;
  std::function<T(Id, Id, const tracker::Edit<T>&)> update;
  std::function<void(Id, Id)> remove;
};

template <class T>
boost::json::object page_to_json(const tracker::Page<T>& page, const Fields<T>& fields) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.push_back(to_json(item, fields));
  return page_object(std::move(items), page.next_cursor);
}

template <class T>
void add_resource(Router& router, ApiContext& context, Resource<T> resource) {
  const std::string base = std::string(kApiPrefix) + "/" + resource.collection;
  tracker::Store& store = context.store;
  auto shared = std::make_shared<Resource<T>>(std::move(resource));

  router.add("GET", base, [&store, shared](Request& request) {
    const Id provider = require_provider(request, store);
    const auto page = shared->list(provider, request, page_request(request));
    return json_response(200, page_to_json(page, shared->fields));
  });
  router.add("POST", base, [&store, shared](Request& request) {
    const Id provider = require_provider(request, store);
    const auto body = parse_json_object(request);
    T record{};
    from_json(body, shared->fields, record, true);
    const T created = shared->create(provider, std::move(record));
    Response response = json_response(201, to_json(created, shared->fields));
    response.set_header("Location", std::string(kApiPrefix) + "/" + shared->collection + "/" +
                                        std::to_string(created.id));
    return response;
  });
  router.add("GET", base + "/{id}", [&store, shared](Request& request) {
    const Id provider = require_provider(request, store);
    return json_response(200, to_json(shared->get(provider, path_id(request)), shared->fields));
  });
  router.add("PATCH", base + "/{id}", [&store, shared](Request& request) {
    const Id provider = require_provider(request, store);
    const Id id = path_id(request);
    const auto body = parse_json_object(request);
    const T updated = shared->update(
        provider, id, [&](T& record) { from_json(body, shared->fields, record, false); });
    return json_response(200, to_json(updated, shared->fields));
  });
  router.add("DELETE", base + "/{id}", [&store, shared](Request& request) {
    const Id provider = require_provider(request, store);
    shared->remove(provider, path_id(request));
    return Response{204, {}, {}, {}, false};
  });
}

void add_service_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  add_resource<tracker::Service>(
      router, context,
      {"services", service_fields(),
       [&store](Id provider, const Request& request, const tracker::PageRequest& page) {
         tracker::ServiceFilter filter;
         if (auto type = request.query_param("type")) {
           filter.type = parse_enum_or_throw(*type, "type", tracker::parse_service_type,
                                             tracker::service_type_names());
         }
         return store.list_services(provider, filter, page);
       },
       [&store](Id provider, Id id) { return store.get_service(provider, id); },
       [&store](Id provider, tracker::Service record) {
         return store.create_service(provider, std::move(record));
       },
       [&store](Id provider, Id id, const tracker::Edit<tracker::Service>& edit) {
         return store.update_service(provider, id, edit);
       },
       [&store](Id provider, Id id) { store.delete_service(provider, id); }});
}

void add_source_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  add_resource<tracker::Source>(
      router, context,
      {"sources", source_fields(),
       [&store](Id provider, const Request& request, const tracker::PageRequest& page) {
         tracker::SourceFilter filter;
         if (auto channel = request.query_param("channel")) {
           filter.channel = parse_enum_or_throw(*channel, "channel", tracker::parse_channel,
                                                tracker::channel_names());
         }
         return store.list_sources(provider, filter, page);
       },
       [&store](Id provider, Id id) { return store.get_source(provider, id); },
       [&store](Id provider, tracker::Source record) {
         return store.create_source(provider, std::move(record));
       },
       [&store](Id provider, Id id, const tracker::Edit<tracker::Source>& edit) {
         return store.update_source(provider, id, edit);
       },
       [&store](Id provider, Id id) { store.delete_source(provider, id); }});
}

void add_spend_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  add_resource<tracker::SpendEntry>(
      router, context,
      {"spend", spend_fields(),
       [&store](Id provider, const Request& request, const tracker::PageRequest& page) {
         tracker::SpendFilter filter;
         filter.source_id = query_id(request, "source_id");
         filter.from = query_date(request, "from");
         filter.to = query_date(request, "to");
         return store.list_spend(provider, filter, page);
       },
       [&store](Id provider, Id id) { return store.get_spend(provider, id); },
       [&store](Id provider, tracker::SpendEntry record) {
         return store.create_spend(provider, std::move(record));
       },
       [&store](Id provider, Id id, const tracker::Edit<tracker::SpendEntry>& edit) {
         return store.update_spend(provider, id, edit);
       },
       [&store](Id provider, Id id) { store.delete_spend(provider, id); }});
}

// Vacancies are written through publishing, which checks a vacancy before it opens and keeps
// its advert versions (tracker/vacancy_publishing.hpp).
void add_vacancy_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  tracker::VacancyPublishing& vacancies = context.vacancies;
  add_resource<tracker::Vacancy>(
      router, context,
      {"vacancies", vacancy_fields(),
       [&store, &vacancies](Id provider, const Request& request, const tracker::PageRequest& page) {
         vacancies.close_expired_daily();
         tracker::VacancyFilter filter;
         filter.service_id = query_id(request, "service_id");
         filter.open = query_bool(request, "open");
         return store.list_vacancies(provider, filter, page);
       },
       [&store, &vacancies](Id provider, Id id) {
         vacancies.close_expired_daily();
         return store.get_vacancy(provider, id);
       },
       [&vacancies](Id provider, tracker::Vacancy record) {
         return vacancies.create(provider, std::move(record));
       },
       [&vacancies](Id provider, Id id, const tracker::Edit<tracker::Vacancy>& edit) {
         return vacancies.update(provider, id, edit);
       },
       [&store](Id provider, Id id) { store.delete_vacancy(provider, id); }});
}

// The applicant list's filters, shared with the counts per stage.
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

// GET /applicants/stages: how many applicants the list's filters keep at each stage, and how
// many the provider has in all, so that a board can say what it shows ("22 of 287").
void add_stage_count_route(Router& router, tracker::Store& store) {
  router.add("GET", std::string(kApiPrefix) + "/applicants/stages", [&store](Request& request) {
    const Id provider = require_provider(request, store);
    const auto counts = store.count_applicants_by_stage(provider, applicant_filter(request));
    boost::json::array stages;
    for (const auto& [stage, count] : counts.by_stage) {
      stages.push_back(boost::json::object{{"stage", tracker::to_string(stage)}, {"count", count}});
    }
    return json_response(200, boost::json::object{{"total", counts.total},
                                                  {"matched", counts.matched},
                                                  {"stages", std::move(stages)}});
  });
}

void add_applicant_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  add_stage_count_route(router, store);
  add_resource<tracker::Applicant>(
      router, context,
      {"applicants", applicant_fields(),
       [&store](Id provider, const Request& request, const tracker::PageRequest& page) {
         return store.list_applicants(provider, applicant_filter(request), page);
       },
       [&store](Id provider, Id id) { return store.get_applicant(provider, id); },
       [&store](Id provider, tracker::Applicant record) {
         return store.create_applicant(provider, std::move(record));
       },
       [&store](Id provider, Id id, const tracker::Edit<tracker::Applicant>& edit) {
         return store.update_applicant(provider, id, edit);
       },
       [&store](Id provider, Id id) { store.delete_applicant(provider, id); }});
}

void add_headcount_routes(Router& router, ApiContext& context) {
  tracker::Store& store = context.store;
  add_resource<tracker::HeadcountSnapshot>(
      router, context,
      {"headcounts", headcount_fields(),
       [&store](Id provider, const Request& request, const tracker::PageRequest& page) {
         tracker::HeadcountFilter filter;
         filter.service_id = query_id(request, "service_id");
         filter.from = query_date(request, "from");
         filter.to = query_date(request, "to");
         return store.list_headcounts(provider, filter, page);
       },
       [&store](Id provider, Id id) { return store.get_headcount(provider, id); },
       [&store](Id provider, tracker::HeadcountSnapshot record) {
         return store.create_headcount(provider, record);
       },
       [&store](Id provider, Id id, const tracker::Edit<tracker::HeadcountSnapshot>& edit) {
         return store.update_headcount(provider, id, edit);
       },
       [&store](Id provider, Id id) { store.delete_headcount(provider, id); }});
}

// A stage reached: {"stage": "interviewed", "on": "2025-01-10", "reason": "..."}, and the list
// of an applicant's stages.
void add_event_routes(Router& router, tracker::Store& store) {
  router.add("POST", std::string(kApiPrefix) + "/applicants/{id}/events",
             [&store](Request& request) {
               const Id provider = require_provider(request, store);
               const Id applicant = path_id(request);
               const auto body = parse_json_object(request);
               StageEventInput input;
               from_json(body, stage_event_fields(), input, true);
               const auto updated =
                   store.record_event(provider, applicant, input.stage, input.on, input.reason);
               return json_response(201, to_json(updated, applicant_fields()));
             });
  router.add("GET", std::string(kApiPrefix) + "/applicants/{id}/events",
             [&store](Request& request) {
               const Id provider = require_provider(request, store);
               boost::json::array events;
               for (const auto& event : store.list_events(provider, path_id(request))) {
                 events.push_back(boost::json::object{{"stage", tracker::to_string(event.stage)},
                                                      {"on", event.on.to_string()},
                                                      {"reason", event.reason}});
               }
               return json_response(200, boost::json::object{{"items", std::move(events)}});
             });
}

}  // namespace

void add_resource_routes(Router& router, ApiContext& context) {
  add_service_routes(router, context);
  add_source_routes(router, context);
  add_spend_routes(router, context);
  add_vacancy_routes(router, context);
  add_applicant_routes(router, context);
  add_headcount_routes(router, context);
  add_event_routes(router, context.store);
}

}  // namespace caretoolkit::server::api
