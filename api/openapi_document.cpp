#include "api/openapi_document.h"

namespace badgewatch::api {

namespace {

nlohmann::json ErrorSchemaRef() { return {{"$ref", "#/components/schemas/Error"}}; }

nlohmann::json JsonContent(nlohmann::json schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

nlohmann::json Build() {
  nlohmann::json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "badgewatch"},
                 {"version", "0.1.0"},
                 {"description",
                  "The CONAC website-badge service: registry workflows, compliance scans and "
                  "self-checks. Every /api route needs `Authorization: Bearer <token>`."}};
  doc["components"]["securitySchemes"]["bearer"] = {{"type", "http"}, {"scheme", "bearer"}};
  doc["components"]["schemas"]["Error"] = {
      {"type", "object"},
      {"required", {"error"}},
      {"properties",
       {{"error", {{"type", "string"}}},
        {"code", {{"type", "string"}, {"description", "registry status code, e.g. not-found"}}}}}};

  auto& paths = doc["paths"];
  paths["/healthz"]["get"] = {{"summary", "Liveness and registry readability"},
                              {"responses",
                               {{"200", {{"description", "the registry answers"}}},
                                {"503", {{"description", "the registry cannot be read"}}}}}};
  paths["/metrics"]["get"] = {{"summary", "Prometheus text-format metrics"},
                              {"responses", {{"200", {{"description", "metrics"}}}}}};
  paths["/openapi.json"]["get"] = {{"summary", "This document"},
                                   {"responses", {{"200", {{"description", "OpenAPI 3"}}}}}};
  paths["/api/me"]["get"] = {
      {"summary", "The account behind the bearer token"},
      {"security", {{{"bearer", nlohmann::json::array()}}}},
      {"responses",
       {{"200",
         {{"description", "the caller"},
          {"content",
           JsonContent({{"type", "object"},
                        {"properties",
                         {{"account_id", {{"type", "integer"}}},
                          {"role", {{"type", "string"}, {"enum", {"unit", "regional", "conac"}}}},
                          {"unit_id", {{"type", "integer"}}},
                          {"region", {{"type", "string"}}}}}})}}},
        {"401",
         {{"description", "no or unknown token"}, {"content", JsonContent(ErrorSchemaRef())}}}}}};
  return doc;
}

}  // namespace

const nlohmann::json& OpenApiDocument() {
  static const nlohmann::json document = Build();
  return document;
}

}  // namespace badgewatch::api
