#include "api/service/openapi_document.h"

#include <optional>
#include <string>
#include <string_view>

#include "build_version.h"  // generated: kBuildVersion, from git describe

namespace badgewatch::api {

namespace {

nlohmann::json ErrorSchemaRef() { return {{"$ref", "#/components/schemas/Error"}}; }

nlohmann::json JsonContent(nlohmann::json schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

// An operation of the document's default security (bearer token or session
// cookie): `operation_id` names the call a generated client makes.
nlohmann::json Operation(std::string operation_id, std::string summary, nlohmann::json responses,
                         std::optional<nlohmann::json> request_schema = std::nullopt) {
  nlohmann::json op = {{"operationId", std::move(operation_id)},
                       {"summary", std::move(summary)},
                       {"responses", std::move(responses)}};
  if (request_schema) {
    op["requestBody"] = {{"required", true}, {"content", JsonContent(std::move(*request_schema))}};
  }
  return op;
}

nlohmann::json Ref(std::string_view schema) {
  return {{"$ref", "#/components/schemas/" + std::string(schema)}};
}

nlohmann::json Described(std::string description, std::optional<nlohmann::json> schema = {}) {
  nlohmann::json response = {{"description", std::move(description)}};
  if (schema) response["content"] = JsonContent(std::move(*schema));
  return response;
}

// A time as the API writes it: RFC 3339 in Beijing time.
nlohmann::json BeijingTime(bool nullable = false) {
  nlohmann::json schema = {{"type", "string"},
                           {"format", "date-time"},
                           {"description", "Beijing time, e.g. 2027-12-04T10:00:00+08:00"}};
  if (nullable) schema["nullable"] = true;
  return schema;
}

// The errors any route may answer: a client over its limits (serve's
// per-client limits), and a registry that cannot be read or written.
void AddServerErrors(nlohmann::json& responses) {
  if (!responses.contains("429")) {
    responses["429"] =
        Described("over this client's request limits; see Retry-After", ErrorSchemaRef());
  }
  responses["500"] =
      Described("the registry could not be read or written (code storage)", ErrorSchemaRef());
}

// `{"type": "object", "required": [names...], "properties": {name: {"type": type}}}`.
nlohmann::json ObjectSchema(std::initializer_list<std::pair<const char*, const char*>> fields) {
  nlohmann::json properties = nlohmann::json::object();
  nlohmann::json required = nlohmann::json::array();
  for (const auto& [name, type] : fields) {
    properties[name] = {{"type", type}};
    required.push_back(name);
  }
  return {{"type", "object"}, {"required", required}, {"properties", properties}};
}

nlohmann::json QueryParameter(std::string name, std::string description,
                              nlohmann::json schema = {{"type", "string"}}) {
  return {{"name", std::move(name)},
          {"in", "query"},
          {"required", false},
          {"description", std::move(description)},
          {"schema", std::move(schema)}};
}

nlohmann::json PageParameters() {
  return nlohmann::json::array(
      {QueryParameter("page", "page number, from 1 (default 1)",
                      {{"type", "integer"}, {"minimum", 1}}),
       QueryParameter("per_page", "items per page, 1-200 (default 50)",
                      {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}})});
}

// `{"page", "per_page", "total", "items": [item]}`.
nlohmann::json PageOf(std::string_view item) {
  return {{"type", "object"},
          {"properties",
           {{"page", {{"type", "integer"}}},
            {"per_page", {{"type", "integer"}}},
            {"total", {{"type", "integer"}}},
            {"items", {{"type", "array"}, {"items", Ref(item)}}}}}};
}

// `{"id": integer}`: what a create answers.
nlohmann::json IdSchema() { return ObjectSchema({{"id", "integer"}}); }

// `{"confirmed": true}`.
nlohmann::json Confirmed() { return ObjectSchema({{"confirmed", "boolean"}}); }

// The errors every authenticated route may answer.
nlohmann::json WithErrors(nlohmann::json responses) {
  responses["400"] = Described("a malformed body, a wrong field, or a field the caller may not set",
                               ErrorSchemaRef());
  responses["401"] = Described("no or unknown token", ErrorSchemaRef());
  responses["404"] = Described("no such record, or one the caller may not see", ErrorSchemaRef());
  responses["409"] =
      Described("an illegal workflow step; the message says which are legal", ErrorSchemaRef());
  if (!responses.contains("403")) {
    responses["403"] = Described(
        "the caller's role may not do this, or a cookie write without its CSRF token (code csrf)",
        ErrorSchemaRef());
  }
  AddServerErrors(responses);
  return responses;
}

void AddApplicationPaths(nlohmann::json& doc) {
  auto& schemas = doc["components"]["schemas"];
  schemas["ApplicationForm"] = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"name", "ips", "introduction", "handler_mobile", "sms_verification_id"}},
      {"properties",
       {{"opening_type", {{"type", "string"}, {"enum", {"new", "recheck"}}}},
        {"name", {{"type", "string"}, {"description", "the registered website name"}}},
        {"chinese_domain", {{"type", "string"}, {"nullable", true}}},
        {"english_domain", {{"type", "string"}, {"nullable", true}}},
        {"hosted_on_platform", {{"type", "boolean"}}},
        {"ips", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"introduction", {{"type", "string"}, {"maxLength", 500}}},
        {"handler_mobile", {{"type", "string"}}},
        {"sms_verification_id", {{"type", "integer"}}}}}};
  schemas["Application"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"workflow", {{"type", "string"}, {"enum", {"site-opening", "badge", "domain"}}}},
        {"state", {{"type", "string"}}},
        {"unit_id", {{"type", "integer"}}},
        {"unit_name", {{"type", "string"}}},
        {"region", {{"type", "string"}}},
        {"site_name", {{"type", "string"}}},
        {"revision", {{"type", "integer"}}},
        {"site_id", {{"type", "integer"}, {"nullable", true}}},
        {"opening_type",
         {{"type", "string"},
          {"enum", {"new", "recheck"}},
          {"nullable", true},
          {"description", "site-opening only; null for a badge application"}}}}}};
  schemas["ApplicationUnit"] = {{"type", "object"},
                                {"properties",
                                 {{"id", {{"type", "integer"}}},
                                  {"name", {{"type", "string"}}},
                                  {"kind", {{"type", "string"}}},
                                  {"region", {{"type", "string"}}},
                                  {"system_category", {{"type", "string"}}},
                                  {"address", {{"type", "string"}}},
                                  {"handler_name", {{"type", "string"}}},
                                  {"mobile", {{"type", "string"}}},
                                  {"email", {{"type", "string"}}}}}};
  schemas["DomainConflict"] = {
      {"type", "object"},
      {"description", "a site of another unit that already carries one of the domains"},
      {"properties",
       {{"domain", {{"type", "string"}}},
        {"site_id", {{"type", "integer"}}},
        {"site_name", {{"type", "string"}}},
        {"unit_id", {{"type", "integer"}}},
        {"unit_name", {{"type", "string"}}},
        {"region", {{"type", "string"}}},
        {"badge_id", {{"type", "string"}, {"nullable", true}}}}}};

  schemas["ApplicationStep"] = {{"type", "object"},
                                {"properties",
                                 {{"action", {{"type", "string"}}},
                                  {"from", {{"type", "string"}}},
                                  {"to", {{"type", "string"}}},
                                  {"actor_account_id", {{"type", "integer"}}},
                                  {"reason", {{"type", "string"}}},
                                  {"at", {{"type", "integer"}, {"description", "Unix seconds"}}}}}};
  schemas["ApplicationDetail"] = {
      {"allOf",
       {Ref("Application"),
        {{"type", "object"},
         {"properties",
          {{"form",
            {{"type", "object"},
             {"description", "the latest revision's form (the fields of ApplicationForm)"}}},
           {"history", {{"type", "array"}, {"items", Ref("ApplicationStep")}}},
           {"unit", Ref("ApplicationUnit")},
           {"domain_conflicts",
            {{"type", "array"},
             {"items", Ref("DomainConflict")},
             {"description", "reviewers only; the badge is refused while any stands"}}}}}}}}};

  auto& paths = doc["paths"];
  paths["/api/sms-codes"]["post"] = Operation(
      "sendSmsCode", "Send a 6-digit code to the handler's mobile (unit accounts)",
      WithErrors({{"201", Described("the verification id the form carries",
                                    ObjectSchema({{"verification_id", "integer"}}))},
                  {"429", Described("over a limit (per mobile 1 a minute and 10 a day, per "
                                    "account 5 an hour and 10 a day, per client address, per "
                                    "server); see Retry-After",
                                    ErrorSchemaRef())}}),
      nlohmann::json{{"type", "object"}, {"properties", {{"mobile", {{"type", "string"}}}}}});
  paths["/api/sms-codes/{id}/confirmation"]["post"] = Operation(
      "confirmSmsCode", "Confirm the code (5 attempts, 10 minutes)",
      WithErrors({{"200", Described("confirmed", Confirmed())}}),
      nlohmann::json{{"type", "object"}, {"properties", {{"code", {{"type", "string"}}}}}});
  nlohmann::json list = Operation(
      "listApplications", "Applications the caller may see",
      WithErrors(
          {{"200", Described("the list", nlohmann::json{{"type", "object"},
                                                        {"required", {"applications"}},
                                                        {"properties",
                                                         {{"applications",
                                                           {{"type", "array"},
                                                            {"items", Ref("Application")}}}}}})}}));
  list["parameters"] = {
      QueryParameter("state", "only applications in this state (submitted, ...)")};
  paths["/api/applications"]["get"] = std::move(list);
  paths["/api/applications"]["post"] = Operation(
      "submitApplication", "Submit a site-opening or badge application (by the unit's kind)",
      WithErrors({{"201", Described("created; Location names it", IdSchema())}}),
      Ref("ApplicationForm"));
  paths["/api/applications/{id}"]["get"] =
      Operation("getApplication", "One application with its latest form and every review step",
                WithErrors({{"200", Described("the application", Ref("ApplicationDetail"))}}));
  paths["/api/applications/{id}"]["put"] = Operation(
      "resubmitApplication", "Edit and resubmit a rejected application (a new revision)",
      WithErrors({{"200", Described("resubmitted", IdSchema())}}), Ref("ApplicationForm"));
  paths["/api/applications/{id}/decisions"]["post"] = Operation(
      "decideApplication",
      "A review step: regional-pass, regional-reject, materials-received, materials-reject, "
      "issue-badge, conac-pass, conac-reject (rejections need a reason); or the unit's withdraw "
      "before the badge is issued. issue-badge and conac-pass answer 409 while another unit's "
      "site carries one of the domains",
      WithErrors(
          {{"200", Described("the application after the step", Ref("Application"))},
           {"403", Described("the caller's role may not take this step", ErrorSchemaRef())}}),
      nlohmann::json{
          {"type", "object"},
          {"required", {"action"}},
          {"properties", {{"action", {{"type", "string"}}}, {"reason", {{"type", "string"}}}}}});
}

void AddDomainPaths(nlohmann::json& doc) {
  auto& schemas = doc["components"]["schemas"];
  schemas["Domain"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"unit_id", {{"type", "integer"}}},
        {"name", {{"type", "string"}, {"description", "as submitted, e.g. 教育局.政务"}}},
        {"ascii_name", {{"type", "string"}}},
        {"state",
         {{"type", "string"},
          {"enum",
           {"submitted", "regional-passed", "conac-passed", "registered", "rejected", "expired",
            "lapsed"}}}},
        {"state_label",
         {{"type", "string"}, {"description", "the state in Chinese: CONAC审核通过"}}},
        {"years", {{"type", "integer"}}},
        {"submitted_at", BeijingTime()},
        {"registered_at", BeijingTime(true)},
        {"expires_at", BeijingTime(true)},
        {"reason",
         {{"type", "string"}, {"description", "of the last rejection; empty otherwise"}}}}}};
  schemas["DomainDetail"] = {
      {"allOf",
       {Ref("Domain"),
        {{"type", "object"},
         {"properties",
          {{"revisions",
            {{"type", "array"},
             {"description", "earlier revisions, kept when a rejected domain was resubmitted"},
             {"items",
              {{"type", "object"},
               {"properties",
                {{"revision", {{"type", "integer"}}},
                 {"name", {{"type", "string"}}},
                 {"years", {{"type", "integer"}}},
                 {"reason", {{"type", "string"}}},
                 {"submitted_at", BeijingTime()}}}}}}},
           {"history",
            {{"type", "array"},
             {"description", "the steps taken, oldest first (expiry steps by the system)"},
             {"items",
              {{"type", "object"},
               {"properties",
                {{"action", {{"type", "string"}}},
                 {"from_state", {{"type", "string"}}},
                 {"to_state", {{"type", "string"}}},
                 {"actor_account_id", {{"type", "integer"}, {"nullable", true}}},
                 {"reason", {{"type", "string"}}},
                 {"at", BeijingTime()}}}}}}}}}}}}};
  schemas["Renewal"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"unit_id", {{"type", "integer"}}},
        {"years", {{"type", "integer"}}},
        {"fee_fen", {{"type", "integer"}}},
        {"state", {{"type", "string"}, {"enum", {"submitted", "completed", "withdrawn"}}}},
        {"submitted_at", BeijingTime()},
        {"completed_at", BeijingTime(true)},
        {"domains",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"id", {{"type", "integer"}}},
              {"name", {{"type", "string"}}},
              {"old_expires_at", BeijingTime(true)},
              {"new_expires_at", BeijingTime(true)}}}}}}}}}};
  schemas["DomainAccount"] = {
      {"type", "object"},
      {"properties",
       {{"balance_fen", {{"type", "integer"}}},
        {"due",
         {{"type", "array"},
          {"description", "CONAC-passed domains not yet paid and submitted renewals, oldest first"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"kind", {{"type", "string"}, {"enum", {"domain", "renewal"}}}},
              {"id", {{"type", "integer"}}},
              {"domains", {{"type", "array"}, {"items", {{"type", "string"}}}}},
              {"years", {{"type", "integer"}}},
              {"fee_fen", {{"type", "integer"}}},
              {"submitted_at", BeijingTime()}}}}}}},
        {"due_fen", {{"type", "integer"}}},
        {"shortfall_fen",
         {{"type", "integer"}, {"description", "what is due beyond the balance, never negative"}}},
        {"payments", {{"type", "array"}, {"items", Ref("PaymentRow")}}},
        {"invoices",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"id", {{"type", "integer"}}},
              {"payment_id", {{"type", "integer"}}},
              {"amount_fen", {{"type", "integer"}}},
              {"mailing_address", {{"type", "string"}}},
              {"mailed_at", BeijingTime()}}}}}}},
        {"fee_per_year_fen", {{"type", "integer"}}},
        {"grace_days", {{"type", "integer"}}},
        {"bank_account",
         {{"type", "object"},
          {"nullable", true},
          {"description", "CONAC's account (户名, 开户行, 账号); null when none is configured"},
          {"properties",
           {{"account_name", {{"type", "string"}}},
            {"bank", {{"type", "string"}}},
            {"account_number", {{"type", "string"}}}}}}}}}};
  schemas["Unit"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"kind",
         {{"type", "string"},
          {"enum", {"party-government", "public-institution", "social-organisation"}}}},
        {"kind_label", {{"type", "string"}, {"description", "党政机关, 事业单位 or 社会组织"}}},
        {"region", {{"type", "string"}}},
        {"system_category", {{"type", "string"}}},
        {"name", {{"type", "string"}}},
        {"address", {{"type", "string"}}},
        {"handler_name", {{"type", "string"}}},
        {"mobile", {{"type", "string"}}},
        {"email", {{"type", "string"}}},
        {"unit_number", {{"type", "string"}}},
        {"balance_fen", {{"type", "integer"}}},
        {"division",
         {{"type", "string"},
          {"description",
           "the unit's own division (GB/T 2260, 6 digits): its first review's "
           "office"}}}}}};
  auto& paths = doc["paths"];
  paths["/api/units/{id}"]["get"] =
      Operation("getUnit", "A unit's registration fields and balance (fen)",
                WithErrors({{"200", Described("the unit", Ref("Unit"))}}));
  paths["/api/units/{id}/domains"]["get"] = Operation(
      "listUnitDomains", "A unit's domains with registration and expiry dates",
      WithErrors({{"200", Described("list", nlohmann::json{{"type", "object"},
                                                           {"required", {"domains"}},
                                                           {"properties",
                                                            {{"domains",
                                                              {{"type", "array"},
                                                               {"items", Ref("Domain")}}}}}})}}));
  paths["/api/units/{id}/account"]["get"] = Operation(
      "getUnitAccount",
      "A unit's domain account: what is due, its balance, the shortfall, payments and invoices, "
      "the fee per year and CONAC's bank account",
      WithErrors({{"200", Described("the account", Ref("DomainAccount"))}}));
  paths["/api/units/{id}/renewals"]["get"] = Operation(
      "listUnitRenewals", "A unit's renewals, newest first, each with its domains",
      WithErrors({{"200", Described("list", nlohmann::json{{"type", "object"},
                                                           {"required", {"renewals"}},
                                                           {"properties",
                                                            {{"renewals",
                                                              {{"type", "array"},
                                                               {"items", Ref("Renewal")}}}}}})}}));
  paths["/api/units/{id}/payments"]["post"] = Operation(
      "recordPayment", "The regional admin records a bank transfer from the unit (invoice mailed)",
      WithErrors({{"201", Described("the payment id", ObjectSchema({{"payment_id", "integer"}}))}}),
      ObjectSchema({{"amount_fen", "integer"}, {"bank_reference", "string"}}));
  paths["/api/payments/{id}/confirmation"]["post"] =
      Operation("confirmPayment",
                "CONAC confirms the funds: the balance is credited and due fees are paid from it",
                WithErrors({{"200", Described("confirmed", Confirmed())}}));
  nlohmann::json availability = Operation(
      "checkDomainAvailability",
      "Whether the calling unit may apply for a Chinese domain now: the name passes its kind's "
      "suffix and IDNA 2008 (else 400 naming the rule) and no live domain holds it; units only",
      WithErrors({{"200", Described("the answer", ObjectSchema({{"name", "string"},
                                                                {"ascii_name", "string"},
                                                                {"available", "boolean"}}))}}));
  availability["parameters"] = nlohmann::json::array(
      {QueryParameter("name", "the Chinese domain, e.g. 某某局.政务 (required)")});
  availability["parameters"][0]["required"] = true;
  paths["/api/domain-availability"]["get"] = std::move(availability);
  paths["/api/domains"]["post"] =
      Operation("submitDomain", "Apply for a .政务 (党政机关) or .公益 (others) domain",
                WithErrors({{"201", Described("created; Location names it", IdSchema())}}),
                ObjectSchema({{"name", "string"}, {"years", "integer"}}));
  paths["/api/domains/{id}"]["get"] = Operation(
      "getDomain", "One domain with the reason of its last rejection, its revisions and its steps",
      WithErrors({{"200", Described("the domain", Ref("DomainDetail"))}}));
  paths["/api/domains/{id}/resubmission"]["post"] =
      Operation("resubmitDomain",
                "The unit edits its rejected domain (name checked as on submission) and submits "
                "it again; the rejected revision is kept",
                WithErrors({{"200", Described("the domain, submitted again", Ref("Domain"))}}),
                ObjectSchema({{"name", "string"}, {"years", "integer"}}));
  paths["/api/domains/{id}/decisions"]["post"] =
      Operation("decideDomain", "regional-pass/-reject, conac-pass/-reject",
                WithErrors({{"200", Described("the domain after the step", Ref("Domain"))}}),
                ObjectSchema({{"action", "string"}}));
  paths["/api/renewals"]["post"] = Operation(
      "submitRenewal",
      "Renew registered domains by N years (from their old expiry), paid from the balance",
      WithErrors({{"201", Described("the renewal id", ObjectSchema({{"renewal_id", "integer"}}))}}),
      nlohmann::json{{"type", "object"},
                     {"required", {"domain_ids", "years"}},
                     {"properties",
                      {{"domain_ids", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
                       {"years", {{"type", "integer"}}}}}});
  paths["/api/renewals/{id}/withdrawal"]["post"] = Operation(
      "withdrawRenewal", "The unit withdraws its own unpaid (submitted) renewal",
      WithErrors({{"200", Described("withdrawn", ObjectSchema({{"withdrawn", "boolean"}}))}}));
  paths["/api/sites/{id}/badge"]["get"] = Operation(
      "getSiteBadge", "The site's badge id and the snippet to paste before </body> on every page",
      WithErrors(
          {{"200", Described("badge id and snippet", ObjectSchema({{"site_id", "integer"},
                                                                   {"site_name", "string"},
                                                                   {"badge_id", "string"},
                                                                   {"snippet", "string"}}))}}));
}

// The lists reviewers work from: GET /api/domains, /api/payments, /api/renewals.
void AddWorkListPaths(nlohmann::json& doc) {
  const nlohmann::json row_unit =
      ObjectSchema({{"id", "integer"}, {"name", "string"}, {"region_code", "string"}});
  const nlohmann::json seconds = BeijingTime();
  const nlohmann::json maybe_seconds = BeijingTime(true);
  auto& schemas = doc["components"]["schemas"];
  schemas["DomainRow"] = {
      {"allOf", {Ref("Domain"), {{"type", "object"}, {"properties", {{"unit", row_unit}}}}}}};
  schemas["PaymentRow"] = {{"type", "object"},
                           {"properties",
                            {{"id", {{"type", "integer"}}},
                             {"amount_fen", {{"type", "integer"}}},
                             {"bank_reference", {{"type", "string"}}},
                             {"state", {{"type", "string"}, {"enum", {"recorded", "confirmed"}}}},
                             {"recorded_at", seconds},
                             {"confirmed_at", maybe_seconds},
                             {"unit", row_unit}}}};
  schemas["RenewalRow"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"years", {{"type", "integer"}}},
        {"fee_fen", {{"type", "integer"}}},
        {"state", {{"type", "string"}, {"enum", {"submitted", "completed", "withdrawn"}}}},
        {"submitted_at", seconds},
        {"completed_at", maybe_seconds},
        {"domains", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"unit", row_unit}}}};
  const auto list = [](const char* id, const char* summary, const char* row, const char* states,
                       bool searchable) {
    nlohmann::json operation = Operation(
        id, summary, WithErrors({{"200", Described("one page, newest first", PageOf(row))}}));
    operation["parameters"] = PageParameters();
    operation["parameters"].push_back(QueryParameter("state", states));
    operation["parameters"].push_back(QueryParameter("unit", "a unit id"));
    operation["parameters"].push_back(QueryParameter("region", "a region code (two digits)"));
    if (searchable) {
      operation["parameters"].push_back(
          QueryParameter("q", "part of the domain's or the unit's name (1-100 characters)"));
    }
    return operation;
  };
  auto& paths = doc["paths"];
  paths["/api/domains"]["get"] = list(
      "listDomains",
      "Chinese domains the caller may see (a unit: its own; a regional reviewer: its "
      "region; CONAC: all). An unknown parameter or filter value answers 400",
      "DomainRow",
      "submitted, regional-passed, conac-passed, registered, rejected, expired or lapsed", true);
  paths["/api/payments"]["get"] =
      list("listPayments", "Recorded and confirmed payments the caller may see", "PaymentRow",
           "recorded or confirmed", false);
  paths["/api/renewals"]["get"] = list("listRenewals", "Renewals the caller may see", "RenewalRow",
                                       "submitted, completed or withdrawn", false);
  schemas["QueueRow"] = {
      {"type", "object"},
      {"properties",
       {{"kind", {{"type", "string"}, {"enum", {"application", "domain", "payment", "renewal"}}}},
        {"id", {{"type", "integer"}}},
        {"unit",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"name", {{"type", "string"}}},
            {"region_code", {{"type", "string"}}},
            {"division_code", {{"type", "string"}}}}}}},
        {"submitted_at", {{"type", "string"}, {"description", "RFC 3339, Beijing time (+08:00)"}}},
        {"state", {{"type", "string"}}},
        {"asked",
         {{"type", "string"},
          {"description",
           "the site name, the domain name, the amount in fen, or \"3 years: a.政务, b.政务\""}}},
        {"amount_fen", {{"type", "integer"}}},
        {"href", {{"type", "string"}, {"description", "the record's JSON route"}}}}}};
  nlohmann::json queue = list(
      "listReviewQueue",
      "The review queue: site applications, domains, payments and renewals waiting for the "
      "caller (regional office: applications and domains at its level; CONAC: applications and "
      "domains passed by the regions, recorded payments, unpaid renewals; a unit: its rejected "
      "applications and domains, its unpaid renewals), newest submission first. An unknown "
      "parameter or value answers 400",
      "QueueRow", "a state of the kinds listed", false);
  queue["parameters"].push_back(QueryParameter("kind", "application, domain, payment or renewal"));
  queue["parameters"].push_back(
      QueryParameter("from", "submitted on or after this day (YYYY-MM-DD, Beijing time)"));
  queue["parameters"].push_back(
      QueryParameter("to", "submitted on or before this day (YYYY-MM-DD, Beijing time)"));
  queue["parameters"].push_back(
      QueryParameter("q", "part of a unit, site or domain name (1-100 characters)"));
  queue["parameters"].push_back(
      QueryParameter("all", "true: every row of the caller's scope, in any state"));
  paths["/api/review-queue"]["get"] = std::move(queue);
}

void AddSelfCheckPaths(nlohmann::json& doc) {
  auto& paths = doc["paths"];
  nlohmann::json started =
      WithErrors({{"202", Described("started; Location names the job",
                                    ObjectSchema({{"id", "integer"}, {"state", "string"}}))}});
  started["429"] = Described(
      "over the limits (10 per unit per hour, 1 running per unit, a global cap); see Retry-After",
      ErrorSchemaRef());
  started["403"] = Described("a unit named a URL instead of one of its sites", ErrorSchemaRef());
  paths["/api/self-checks"]["post"] = Operation(
      "startSelfCheck",
      "Crawl a site and check every page (a unit: one of its own registered sites by site_id; "
      "staff: any URL with the registered name and badge id). Ports 80 and 443 only, under the "
      "address policy",
      started,
      nlohmann::json{{"type", "object"},
                     {"properties",
                      {{"site_id", {{"type", "integer"}}},
                       {"url", {{"type", "string"}}},
                       {"name", {{"type", "string"}}},
                       {"badge_id", {{"type", "string"}}}}}});
  paths["/api/self-checks/{id}"]["get"] = Operation(
      "getSelfCheck", "A self-check's state; once done, the report of `badgewatch check --json`",
      WithErrors(
          {{"200",
            Described(
                "state running, done or failed; report when done",
                nlohmann::json{
                    {"type", "object"},
                    {"required", {"id", "state", "url", "name"}},
                    {"properties",
                     {{"id", {{"type", "integer"}}},
                      {"state", {{"type", "string"}, {"enum", {"running", "done", "failed"}}}},
                      {"url", {{"type", "string"}}},
                      {"name", {{"type", "string"}}},
                      {"error", {{"type", "string"}, {"description", "why it failed"}}},
                      {"report",
                       {{"type", "object"},
                        {"description",
                         "when done: the report of `badgewatch check --json` (verdict, "
                         "problems, warnings, pages, pages_total, pages_failed)"}}}}}})}}));
}

void AddSessionPaths(nlohmann::json& doc) {
  auto& paths = doc["paths"];
  nlohmann::json login_result = {
      {"type", "object"},
      {"properties",
       {{"account_id", {{"type", "integer"}}},
        {"role", {{"type", "string"}, {"enum", {"unit", "regional", "conac"}}}},
        {"unit_id", {{"type", "integer"}}},
        {"region", {{"type", "string"}}},
        {"csrf_token",
         {{"type", "string"}, {"description", "send as X-CSRF-Token on every write"}}},
        {"expires_in", {{"type", "integer"}, {"description", "seconds the session lasts"}}}}}};
  nlohmann::json responses = {
      {"200", Described("logged in; Set-Cookie bw_session (HttpOnly, SameSite=Strict)",
                        std::move(login_result))},
      {"400", Described("a malformed body", ErrorSchemaRef())},
      {"401", Described("wrong login or password (the same answer for an unknown login)",
                        ErrorSchemaRef())},
      {"429", Described("throttled after failed logins (5 of this login from this address, or "
                        "20 from this address, in 15 minutes; past 10 of this login from anywhere "
                        "a back-off of up to 30 s); see Retry-After",
                        ErrorSchemaRef())},
      {"503",
       Described("every password check is busy; retry after Retry-After (1 s)", ErrorSchemaRef())}};
  AddServerErrors(responses);
  paths["/api/session"]["post"] = {
      {"operationId", "logIn"},
      {"summary", "Log in to the web pages with a login and password"},
      {"security", nlohmann::json::array()},
      {"requestBody",
       {{"required", true},
        {"content",
         JsonContent({{"type", "object"},
                      {"additionalProperties", false},
                      {"required", {"login", "password"}},
                      {"properties",
                       {{"login", {{"type", "string"}}}, {"password", {{"type", "string"}}}}}})}}},
      {"responses", std::move(responses)}};
  nlohmann::json logged_out = {
      {"204", Described("logged out; Set-Cookie clears bw_session")},
      {"403", Described("a live session without its CSRF token", ErrorSchemaRef())}};
  AddServerErrors(logged_out);
  paths["/api/session"]["delete"] = {
      {"operationId", "logOut"},
      {"summary", "Log out: end the cookie's session and clear the cookie"},
      {"security", nlohmann::json::array({{{"session", nlohmann::json::array()}}})},
      {"parameters",
       {{{"name", "X-CSRF-Token"},
         {"in", "header"},
         {"required", false},
         {"description", "the csrf_token of the login; required with a live session"},
         {"schema", {{"type", "string"}}}}}},
      {"responses", std::move(logged_out)}};
}

void AddRegistrationPaths(nlohmann::json& doc) {
  nlohmann::json string = {{"type", "string"}};
  nlohmann::json responses = {
      {"201", Described("registered; Location names the unit",
                        ObjectSchema({{"account_id", "integer"}, {"unit_id", "integer"}}))},
      {"400", Described("missing or invalid fields, or a weak password: field_errors names "
                        "every one",
                        ErrorSchemaRef())},
      {"409", Described("the login or the unit name in that region is taken (field_errors)",
                        ErrorSchemaRef())},
      {"429", Described("too many registrations at the moment, or over this client's request "
                        "limits; see Retry-After",
                        ErrorSchemaRef())}};
  AddServerErrors(responses);
  nlohmann::json op = {
      {"operationId", "registerUnit"},
      {"summary",
       "A unit registers itself (附件一) with a login and a password; no authentication. "
       "Registrations are capped server-wide"},
      {"security", nlohmann::json::array()},
      {"requestBody",
       {{"required", true},
        {"content",
         JsonContent(
             {{"type", "object"},
              {"additionalProperties", false},
              {"required",
               {"kind", "region", "system_category", "name", "address", "handler_name", "mobile",
                "email", "login", "password"}},
              {"properties",
               {{"kind",
                 {{"type", "string"},
                  {"enum", {"party-government", "public-institution", "social-organisation"}}}},
                {"region",
                 {{"type", "string"},
                  {"description",
                   "a province (2 digits) or any division of GET /api/regions "
                   "(6 digits): the unit's own level"}}},
                {"system_category", string},
                {"name", string},
                {"address", string},
                {"handler_name", string},
                {"mobile", string},
                {"email", string},
                {"login", string},
                {"password",
                 {{"type", "string"},
                  {"description",
                   "at least 10 characters, not one repeated, not the login"}}}}}})}}},
      {"responses", std::move(responses)}};
  doc["paths"]["/api/registrations"]["post"] = std::move(op);
}

void AddScanPaths(nlohmann::json& doc) {
  doc["components"]["schemas"]["Scan"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"kind", {{"type", "string"}, {"enum", {"nightly", "self-check"}}}},
        {"state",
         {{"type", "string"},
          {"enum", {"running", "finished", "interrupted"}},
          {"description",
           "interrupted: unfinished and not running in this server (`badgewatch scan --resume` "
           "continues it)"}}},
        {"started_at", {{"type", "integer"}, {"description", "Unix seconds"}}},
        {"finished_at", {{"type", "integer"}, {"nullable", true}}},
        {"sites_due", {{"type", "integer"}, {"nullable", true}}},
        {"sites_recorded",
         {{"type", "integer"},
          {"description", "records written (a regional reviewer: its region's)"}}},
        {"pass", {{"type", "integer"}}},
        {"fail", {{"type", "integer"}, {"description", "failing and reachable"}}},
        {"unreachable", {{"type", "integer"}}},
        {"requested_by",
         {{"type", "string"}, {"nullable", true}, {"description", "who started it via the API"}}},
        {"progress",
         {{"type", "object"},
          {"description", "records written in every region against the sites due"},
          {"properties",
           {{"recorded", {{"type", "integer"}}},
            {"due", {{"type", "integer"}, {"nullable", true}}}}}}}}}};
  auto& paths = doc["paths"];
  nlohmann::json staff_only = WithErrors({{"200", Described("one page of scans", PageOf("Scan"))}});
  staff_only["403"] = Described("a unit account", ErrorSchemaRef());
  nlohmann::json list =
      Operation("listScans",
                "Scans, newest first (CONAC staff; regional reviewers with counts of their region)",
                staff_only);
  list["parameters"] = PageParameters();
  paths["/api/scans"]["get"] = list;
  nlohmann::json started =
      WithErrors({{"202", Described("started; Location names the scan", IdSchema())}});
  started["403"] = Described("not CONAC staff", ErrorSchemaRef());
  started["409"] = Described("a scan is already running", ErrorSchemaRef());
  paths["/api/scans"]["post"] =
      Operation("startScan",
                "Start a nightly scan of every due site in the background (CONAC staff)", started);
  nlohmann::json one = WithErrors({{"200", Described("the scan", Ref("Scan"))}});
  one["403"] = Described("a unit account", ErrorSchemaRef());
  paths["/api/scans/{id}"]["get"] =
      Operation("getScan", "A scan and its progress (recorded/due)", one);
}

void AddComplianceRecordPaths(nlohmann::json& doc) {
  doc["components"]["schemas"]["ComplianceRecord"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"scan_id", {{"type", "integer"}}},
        {"recorded_at", {{"type", "integer"}}},
        {"site",
         {{"type", "object"},
          {"description", "id, name, chinese_domain, english_domain, badge_id"}}},
        {"unit", {{"type", "object"}, {"description", "id, name"}}},
        {"region", {{"type", "object"}, {"description", "code, name"}}},
        {"verdict",
         {{"type", "string"},
          {"enum", {"pass", "fail", "unreachable"}},
          {"description", "unreachable: failing, and no page could be fetched (fetch-failed)"}}},
        {"problems", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"warnings", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"pages_total", {{"type", "integer"}}},
        {"pages_failed", {{"type", "integer"}}},
        {"dead_links",
         {{"type", "integer"},
          {"description",
           "links of the site to inner pages answering 404 or 410 (warning dead-link, "
           "链接可用性); never a failure"}}},
        {"change",
         {{"type", "string"},
          {"enum",
           {"first-record", "still-passing", "fixed", "newly-failing", "still-failing",
            "newly-unreachable"}},
          {"description", "against the site's record before this one"}}},
        {"previous_record_id", {{"type", "integer"}, {"nullable", true}}}}}};
  doc["components"]["schemas"]["ComplianceRecordDetail"] = {
      {"allOf",
       {Ref("ComplianceRecord"),
        {{"type", "object"},
         {"properties",
          {{"failing_pages",
            {{"type", "object"},
             {"description",
              "{page, per_page, total, items}: the failing pages, each with url, "
              "status, verdict, problems, warnings"},
             {"properties",
              {{"page", {{"type", "integer"}}},
               {"per_page", {{"type", "integer"}}},
               {"total", {{"type", "integer"}}},
               {"items", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
           {"diff",
            {{"type", "object"},
             {"description",
              "change, previous, problems_added, problems_removed, "
              "warnings_added, warnings_removed"}}}}}}}}};
  nlohmann::json record_page = PageOf("ComplianceRecord");
  record_page["properties"]["scan_id"] = {{"type", "integer"}, {"nullable", true}};
  auto& paths = doc["paths"];
  nlohmann::json filters = PageParameters();
  filters.push_back(QueryParameter("verdict", "pass, fail (reachable) or unreachable"));
  filters.push_back(QueryParameter("problem", "a failure code, e.g. badge-missing"));
  filters.push_back(
      QueryParameter("change",
                     "first-record, still-passing, fixed, newly-failing, still-failing or "
                     "newly-unreachable"));
  nlohmann::json list = Operation(
      "listComplianceRecords",
      "Compliance records the caller may see (a unit: its sites; a regional reviewer: its "
      "region; CONAC: all), newest first. An invalid filter value answers 400",
      WithErrors(
          {{"200", Described("one page of records; scan_id names the scan read", record_page)}}));
  list["parameters"] = filters;
  list["parameters"].push_back(QueryParameter(
      "scan",
      "a scan id, or latest (default): the newest finished scan (nightly first), else "
      "the newest scan with records"));
  list["parameters"].push_back(QueryParameter("region", "a region code (two digits)"));
  paths["/api/compliance-records"]["get"] = list;
  nlohmann::json one = Operation(
      "getComplianceRecord",
      "One record with its failing pages (paginated by page/per_page) and the diff against the "
      "site's previous record",
      WithErrors({{"200", Described("the record with its failing pages and the diff",
                                    Ref("ComplianceRecordDetail"))}}));
  one["parameters"] = PageParameters();
  paths["/api/compliance-records/{id}"]["get"] = one;
  nlohmann::json history = Operation(
      "listSiteComplianceRecords", "One site's records, newest first",
      WithErrors({{"200", Described("one page of records", PageOf("ComplianceRecord"))}}));
  history["parameters"] = filters;
  paths["/api/sites/{id}/compliance-records"]["get"] = history;
}

void AddOutboxPaths(nlohmann::json& doc) {
  nlohmann::json parameters = PageParameters();
  parameters.push_back(QueryParameter("state", "pending, sent or failed (default: every state)"));
  nlohmann::json outbox = PageOf("OutboxRow");
  outbox["properties"]["counts"] = {
      {"type", "array"},
      {"items", ObjectSchema({{"state", "string"}, {"channel", "string"}, {"rows", "integer"}})}};
  outbox["properties"]["oldest_pending_at"] = {{"type", "integer"}, {"nullable", true}};
  doc["components"]["schemas"]["OutboxRow"] = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"channel", {{"type", "string"}, {"enum", {"sms", "email"}}}},
        {"recipient", {{"type", "string"}}},
        {"subject", {{"type", "string"}}},
        {"state", {{"type", "string"}, {"enum", {"pending", "sent", "failed"}}}},
        {"attempts", {{"type", "integer"}}},
        {"next_attempt_at", {{"type", "integer"}}},
        {"last_error", {{"type", "string"}}}}}};
  nlohmann::json responses = WithErrors(
      {{"200", Described("rows per state and channel, the oldest pending row's time, and a page "
                         "of rows, newest first",
                         std::move(outbox))}});
  responses["403"] = Described("not CONAC staff", ErrorSchemaRef());
  nlohmann::json op =
      Operation("getOutbox", "The SMS and e-mail outbox: what waits, was sent or was given up",
                std::move(responses));
  op["parameters"] = std::move(parameters);
  doc["paths"]["/api/outbox"]["get"] = std::move(op);
}

// A route anyone may call (no token, no cookie), answering `ok` as `content`.
nlohmann::json PublicOperation(std::string operation_id, std::string summary,
                               nlohmann::json responses) {
  AddServerErrors(responses);
  return {{"operationId", std::move(operation_id)},
          {"summary", std::move(summary)},
          {"security", nlohmann::json::array()},
          {"responses", std::move(responses)}};
}

// Every path with `{id}` declares it: the record's id, a positive integer.
void DeclarePathIds(nlohmann::json& doc) {
  doc["components"]["parameters"]["Id"] = {{"name", "id"},
                                           {"in", "path"},
                                           {"required", true},
                                           {"description", "the record's id"},
                                           {"schema", {{"type", "integer"}, {"minimum", 1}}}};
  for (auto& [path, item] : doc["paths"].items()) {
    if (path.find("{id}") != std::string::npos) {
      item["parameters"] = {{{"$ref", "#/components/parameters/Id"}}};
    }
  }
}

// Registration's reference lists and account care (division_routes.h,
// account_routes.h).
void AddAccountPaths(nlohmann::json& doc) {
  nlohmann::json division = {
      {"type", "object"},
      {"required", {"code", "name", "level"}},
      {"properties",
       {{"code", {{"type", "string"}, {"description", "GB/T 2260, 6 digits (330102)"}}},
        {"name", {{"type", "string"}}},
        {"level", {{"type", "string"}, {"enum", {"province", "city", "county"}}}},
        {"children",
         {{"type", "array"},
          {"description", "without ?parent=: the divisions under this one"},
          {"items", {{"$ref", "#/components/schemas/Division"}}}}}}}};
  doc["components"]["schemas"]["Division"] = std::move(division);
  auto& paths = doc["paths"];
  nlohmann::json regions = PublicOperation(
      "listRegions",
      "The administrative divisions a unit registers in (GB/T 2260): every province with its "
      "cities and counties, or with ?parent= the divisions directly under one",
      {{"200", Described("the divisions",
                         nlohmann::json{
                             {"type", "object"},
                             {"required", {"regions"}},
                             {"properties",
                              {{"regions", {{"type", "array"}, {"items", Ref("Division")}}}}}})}});
  regions["parameters"] = nlohmann::json::array(
      {QueryParameter("parent",
                      "a division's code: only the divisions directly under it "
                      "(empty: the provinces)")});
  paths["/api/regions"]["get"] = std::move(regions);
  paths["/api/system-categories"]["get"] = PublicOperation(
      "listSystemCategories", "The system categories (系统类别) a unit chooses from",
      {{"200",
        Described("the categories",
                  nlohmann::json{{"type", "object"},
                                 {"required", {"system_categories"}},
                                 {"properties",
                                  {{"system_categories",
                                    {{"type", "array"}, {"items", {{"type", "string"}}}}}}}})}});
  doc["components"]["schemas"]["Office"] = {
      {"type", "object"},
      {"required", {"code", "name", "address", "phone"}},
      {"properties",
       {{"code", {{"type", "string"}, {"description", "the office's division (6 digits)"}}},
        {"name", {{"type", "string"}, {"description", "浙江省杭州市上城区机构编制委员会办公室"}}},
        {"address",
         {{"type", "string"},
          {"nullable", true},
          {"description", "where units hand in paper materials; null until the office sets it"}}},
        {"phone", {{"type", "string"}, {"nullable", true}}}}}};
  paths["/api/offices/{code}"]["get"] = Operation(
      "showOffice",
      "The office (机构编制部门) of a division and where it receives the paper materials of "
      "网站开办审核; any signed-in caller; 404 for an unknown division",
      WithErrors({{"200", Described("the office", Ref("Office"))}}));
  nlohmann::json office_contact = ObjectSchema({{"address", "string"}});
  office_contact["properties"]["phone"] = {{"type", "string"}};
  paths["/api/offices/{code}"]["put"] = Operation(
      "updateOffice",
      "The office itself, an office above it or CONAC sets its postal address (required, at most "
      "200 characters) and phone (optional); audited; 400 names every bad field in field_errors",
      WithErrors({{"200", Described("the office as it is now", Ref("Office"))}}),
      std::move(office_contact));
  paths["/api/offices/{code}"]["parameters"] = {
      {{"name", "code"},
       {"in", "path"},
       {"required", true},
       {"description", "the office's division, GB/T 2260 (330102)"},
       {"schema", {{"type", "string"}, {"pattern", "^[0-9]{6}$"}}}}};
  nlohmann::json message = ObjectSchema({{"message", "string"}});
  paths["/api/units/{id}"]["put"] = Operation(
      "updateUnitContact",
      "The unit corrects its address, handler, mobile and e-mail (its own account only; audited "
      "with the old values); 400 names every bad field in field_errors",
      WithErrors({{"200", Described("the unit as it is now", Ref("Unit"))}}),
      ObjectSchema({{"address", "string"},
                    {"handler_name", "string"},
                    {"mobile", "string"},
                    {"email", "string"}}));
  paths["/api/me/password"]["post"] =
      Operation("changeOwnPassword",
                "The caller changes its own password (403 for a wrong current password); every web "
                "session of the account ends",
                WithErrors({{"200", Described("changed", message)}}),
                ObjectSchema({{"current_password", "string"}, {"new_password", "string"}}));
  nlohmann::json reset_request_responses = {
      {"202", Described("the same answer whether or not the login and mobile match", message)},
      {"400", Described("a malformed body", ErrorSchemaRef())},
      {"429",
       Described("too many codes asked for from this address; see Retry-After", ErrorSchemaRef())}};
  nlohmann::json reset_request = PublicOperation(
      "requestPasswordReset",
      "Sends an SMS code to the unit's registered mobile when the login and the mobile match",
      std::move(reset_request_responses));
  reset_request["requestBody"] = {
      {"required", true},
      {"content", JsonContent(ObjectSchema({{"login", "string"}, {"mobile", "string"}}))}};
  paths["/api/password-resets"]["post"] = std::move(reset_request);
  nlohmann::json reset_confirm = PublicOperation(
      "confirmPasswordReset", "Sets a new password with the SMS code sent to the login",
      {{"200", Described("the password is reset", message)},
       {"400", Described("a wrong, expired or used code or an unknown login (one message for "
                         "all), or a new password the policy refuses",
                         ErrorSchemaRef())}});
  reset_confirm["requestBody"] = {
      {"required", true},
      {"content", JsonContent(ObjectSchema(
                      {{"login", "string"}, {"code", "string"}, {"new_password", "string"}}))}};
  paths["/api/password-resets/confirmation"]["post"] = std::move(reset_confirm);
  paths["/api/units/{id}/password-reset"]["post"] = Operation(
      "resetUnitPassword",
      "Staff (CONAC, the office at the unit's level) give the unit's account a new password, sent "
      "to its registered mobile and e-mail",
      WithErrors(
          {{"200", Described("where the password went", ObjectSchema({{"sent_to", "string"}}))}}));
  const nlohmann::json reviewer = ObjectSchema(
      {{"id", "integer"}, {"login", "string"}, {"office", "string"}, {"enabled", "boolean"}});
  nlohmann::json reviewer_list = {{"type", "object"}, {"required", {"accounts"}}};
  reviewer_list["properties"]["accounts"] = {{"type", "array"}, {"items", reviewer}};
  paths["/api/reviewer-accounts"]["get"] = Operation(
      "listReviewerAccounts",
      "The reviewer accounts the caller manages: CONAC every office's, an office those of the "
      "offices below it",
      WithErrors({{"200", Described("the accounts, by office then login", reviewer_list)}}));
  paths["/api/reviewer-accounts"]["post"] =
      Operation("createReviewerAccount",
                "Creates a reviewer account of the office of division `office` (6 digits), which "
                "the caller manages (403 otherwise), with an initial password",
                WithErrors({{"201", Described("created", reviewer)}}),
                ObjectSchema({{"login", "string"}, {"office", "string"}, {"password", "string"}}));
  paths["/api/reviewer-accounts/{id}"]["put"] =
      Operation("setReviewerAccountEnabled",
                "Disables (it can no longer log in or use its tokens) or re-enables a reviewer "
                "account the caller manages",
                WithErrors({{"200", Described("its new standing", reviewer)}}),
                ObjectSchema({{"enabled", "boolean"}}));
}

nlohmann::json Build() {
  nlohmann::json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "badgewatch"},
                 {"version", kBuildVersion},
                 {"description",
                  "The CONAC website-badge service: registry workflows, compliance scans and "
                  "self-checks. Every /api route needs `Authorization: Bearer <token>` or the "
                  "`bw_session` cookie of a login (POST /api/session); a write (POST, PUT, "
                  "PATCH, DELETE) by cookie must also send the session's CSRF token as the "
                  "X-CSRF-Token header or a csrf_token form field, else 403 with code csrf. "
                  "Every error answers the Error body."}};
  // Relative: this server, as the client reached it; OpenApiDocumentServedAt names the
  // listen address.
  doc["servers"] = {{{"url", "/"}, {"description", "this server"}}};
  doc["components"]["securitySchemes"]["bearer"] = {
      {"type", "http"},
      {"scheme", "bearer"},
      {"description", "an API token (badgewatch registry create-token)"}};
  doc["components"]["securitySchemes"]["session"] = {
      {"type", "apiKey"},
      {"in", "cookie"},
      {"name", "bw_session"},
      {"description", "the cookie POST /api/session sets; writes also send X-CSRF-Token"}};
  doc["security"] = nlohmann::json::array(
      {{{"bearer", nlohmann::json::array()}}, {{"session", nlohmann::json::array()}}});
  doc["components"]["schemas"]["Error"] = {
      {"type", "object"},
      {"required", {"error", "code", "reason"}},
      {"properties",
       {{"error",
         {{"type", "string"},
          {"description",
           "what went wrong, for a person, in the caller's language: the bw_lang cookie (zh or "
           "en), then Accept-Language, then Simplified Chinese (Content-Language says which)"}}},
        {"code",
         {{"type", "string"},
          {"description",
           "what kind of failure: invalid-argument, not-found, permission-denied, "
           "failed-precondition, already-exists, resource-exhausted, unavailable, storage, "
           "schema-too-new or internal"}}},
        {"reason",
         {{"type", "string"},
          {"description",
           "which error of the catalog, stable across releases and languages (sms-code-wrong, "
           "bad-login, csrf, no-such-site, ...): what a client program should test"}}},
        {"field_errors",
         {{"type", "array"},
          {"description", "a form refused field by field: every field's problem at once"},
          {"items",
           ObjectSchema({{"field", "string"}, {"message", "string"}, {"reason", "string"}})}}}}}};
  doc["components"]["schemas"]["Caller"] = {
      {"type", "object"},
      {"required", {"account_id", "role"}},
      {"properties",
       {{"account_id", {{"type", "integer"}}},
        {"role", {{"type", "string"}, {"enum", {"unit", "regional", "conac"}}}},
        {"unit_id", {{"type", "integer"}, {"description", "unit accounts"}}},
        {"region", {{"type", "string"}, {"description", "regional reviewers"}}}}}};

  auto& paths = doc["paths"];
  nlohmann::json health = {{"type", "object"},
                           {"required", {"status"}},
                           {"properties",
                            {{"status", {{"type", "string"}, {"enum", {"ok", "unavailable"}}}},
                             {"registry", {{"type", "string"}, {"description", "why not"}}}}}};
  paths["/healthz"]["get"] =
      PublicOperation("getHealth", "Liveness and registry readability",
                      {{"200", Described("the registry file reads from disk", health)},
                       {"503", Described("the registry cannot be read", health)}});
  paths["/metrics"]["get"] =
      PublicOperation("getMetrics", "Prometheus text-format metrics",
                      {{"200",
                        {{"description", "metrics"},
                         {"content", {{"text/plain", {{"schema", {{"type", "string"}}}}}}}}}});
  paths["/openapi.json"]["get"] =
      PublicOperation("getOpenApiDocument", "This document",
                      {{"200", Described("OpenAPI 3", nlohmann::json{{"type", "object"}})}});
  nlohmann::json me_responses = {{"200", Described("the caller", Ref("Caller"))},
                                 {"401", Described("no or unknown token", ErrorSchemaRef())}};
  AddServerErrors(me_responses);
  paths["/api/me"]["get"] = {{"operationId", "getMe"},
                             {"summary", "The account behind the bearer token or login cookie"},
                             {"responses", std::move(me_responses)}};
  AddApplicationPaths(doc);
  AddWorkListPaths(doc);
  AddDomainPaths(doc);
  AddSelfCheckPaths(doc);
  AddSessionPaths(doc);
  AddRegistrationPaths(doc);
  AddScanPaths(doc);
  AddComplianceRecordPaths(doc);
  AddOutboxPaths(doc);
  AddAccountPaths(doc);
  DeclarePathIds(doc);
  return doc;
}

}  // namespace

const nlohmann::json& OpenApiDocument() {
  static const nlohmann::json document = Build();
  return document;
}

nlohmann::json OpenApiDocumentServedAt(std::string_view base_url) {
  nlohmann::json document = OpenApiDocument();
  if (!base_url.empty()) {
    document["servers"] = {{{"url", std::string(base_url)},
                            {"description",
                             "the address badgewatch serve listens on (behind a TLS proxy, the "
                             "proxy's address instead)"}}};
  }
  return document;
}

}  // namespace badgewatch::api
