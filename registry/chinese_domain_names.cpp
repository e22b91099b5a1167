#include "registry/chinese_domain_names.h"

#include <fmt/format.h>
#include <idn2.h>
#include <stdlib.h>

#include <memory>

namespace badgewatch::registry {
namespace {

struct IdnFree {
  void operator()(char* p) const { idn2_free(p); }
};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string_view ChineseDomainSuffix(UnitKind kind) {
  return kind == UnitKind::kPartyGovernment ? ".政务" : ".公益";
}

Result<std::string> ValidateChineseDomain(std::string_view name, UnitKind kind) {
  const std::string suffix(ChineseDomainSuffix(kind));
  const std::string suffix_cn = suffix + ".cn";
  std::string_view head;
  if (EndsWith(name, suffix)) {
    head = name.substr(0, name.size() - suffix.size());
  } else if (EndsWith(name, suffix_cn)) {
    head = name.substr(0, name.size() - suffix_cn.size());
  } else {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("Chinese domain '{}' must end in {} (or {}) for a {}", name, suffix,
                              suffix_cn, UnitKindLabel(kind)));
  }
  if (head.empty() || head.back() == '.' || head.front() == '.') {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("Chinese domain '{}' needs a name before {}", name, suffix));
  }
  // UTS #46 would silently drop or map some ASCII (a space, '_'): refuse it instead.
  for (char c : name) {
    const bool ascii_ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (static_cast<unsigned char>(c) < 0x80 && !ascii_ok) {
      return Status(StatusCode::kInvalidArgument,
                    fmt::format("Chinese domain '{}' contains '{}', which a domain name may not "
                                "hold",
                                name, c));
    }
  }
  const std::string input(name);
  char* raw = nullptr;
  const int rc = idn2_to_ascii_8z(
      input.c_str(), &raw, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT | IDN2_USE_STD3_ASCII_RULES);
  std::unique_ptr<char, IdnFree> ascii(raw);
  if (rc == IDN2_TOO_BIG_LABEL || rc == IDN2_PUNYCODE_BIG_OUTPUT) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("Chinese domain '{}' is too long: a label exceeds 63 bytes in its "
                              "ASCII (xn--) form",
                              name));
  }
  if (rc == IDN2_TOO_BIG_DOMAIN) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("Chinese domain '{}' is too long: more than 253 bytes in its ASCII "
                              "(xn--) form",
                              name));
  }
  if (rc != IDN2_OK) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("Chinese domain '{}' is not a valid internationalised name: {}", name,
                              idn2_strerror(rc)));
  }
  return std::string(ascii.get());
}

}  // namespace badgewatch::registry
