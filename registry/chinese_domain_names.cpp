#include "registry/chinese_domain_names.h"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "foundation/ascii.h"
#include "foundation/idna.h"
#include "registry/registry_errors.h"

namespace badgewatch::registry {
namespace {

// The first ASCII character of `name` that is not a letter, digit, '-' or
// '.' (bytes of UTF-8 sequences are not looked at).
std::optional<char> FirstNonLdh(std::string_view name) {
  for (char c : name) {
    const bool ascii_ok =
        foundation::IsAsciiAlpha(c) || foundation::IsAsciiDigit(c) || c == '-' || c == '.';
    if (static_cast<unsigned char>(c) < 0x80 && !ascii_ok) return c;
  }
  return std::nullopt;
}

Status NotInDomainName(std::string_view name, char c) {
  return Error<errors::kChineseDomainForbiddenCharacter>(name, c);
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The suffix a unit of `kind` registers under: ".政务" for party and
// government agencies, ".公益" for public institutions and social
// organisations.
std::string_view ChineseDomainSuffix(UnitKind kind) {
  return kind == UnitKind::kPartyGovernment ? ".政务" : ".公益";
}

}  // namespace

Result<std::string> ValidateChineseDomain(std::string_view name, UnitKind kind) {
  const std::string suffix(ChineseDomainSuffix(kind));
  const std::string suffix_cn = suffix + ".cn";
  std::string_view head;
  if (EndsWith(name, suffix)) {
    head = name.substr(0, name.size() - suffix.size());
  } else if (EndsWith(name, suffix_cn)) {
    head = name.substr(0, name.size() - suffix_cn.size());
  } else {
    return Error<errors::kChineseDomainWrongSuffix>(name, suffix, suffix_cn, UnitKindLabel(kind));
  }
  if (head.empty() || head.back() == '.' || head.front() == '.') {
    return Error<errors::kChineseDomainNoName>(name, suffix);
  }
  // UTS #46 would silently map some ASCII (a space, '_'): refuse it instead.
  if (const std::optional<char> c = FirstNonLdh(name)) return NotInDomainName(name, *c);
  foundation::HostNameFailure failure;
  std::optional<std::string> ascii = foundation::HostToAscii(name, &failure);
  if (!ascii) {
    switch (failure.kind) {
      case foundation::HostNameFailure::Kind::kLabelTooLong:
        return Error<errors::kChineseDomainLabelTooLong>(name);
      case foundation::HostNameFailure::Kind::kNameTooLong:
        return Error<errors::kChineseDomainTooLong>(name);
      case foundation::HostNameFailure::Kind::kRefusedByIdna:
        return Error<errors::kChineseDomainNotIdna>(name, failure.idna.message);
      case foundation::HostNameFailure::Kind::kEmptyName:
      case foundation::HostNameFailure::Kind::kEmptyLabel:
        break;
    }
    return Error<errors::kChineseDomainEmptyLabel>(name);
  }
  // A full-width character IDNA maps to ASCII ("＿" to '_') must pass the
  // same test as the ASCII itself.
  if (const std::optional<char> c = FirstNonLdh(*ascii)) return NotInDomainName(name, *c);
  return std::move(*ascii);
}

}  // namespace badgewatch::registry
