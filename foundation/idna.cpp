#include "foundation/idna.h"

#include <idn2.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "foundation/ascii.h"

namespace badgewatch::foundation {
namespace {

struct Idn2StringDeleter {
  void operator()(char* s) const { idn2_free(s); }
};

constexpr std::size_t kMaxLabelBytes = 63;
constexpr std::size_t kMaxNameBytes = 253;

std::optional<std::string> Refuse(HostNameFailure::Kind kind, HostNameFailure* failure) {
  if (failure != nullptr) *failure = HostNameFailure{kind, {}};
  return std::nullopt;
}

}  // namespace

std::optional<std::string> DomainToAscii(std::string_view domain, IdnaFailure* failure) {
  const std::string input(domain);
  char* output = nullptr;
  const int rc =
      idn2_lookup_u8(reinterpret_cast<const uint8_t*>(input.c_str()),
                     reinterpret_cast<uint8_t**>(&output), IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
  const std::unique_ptr<char, Idn2StringDeleter> owned(output);
  if (rc != IDN2_OK || output == nullptr) {
    if (failure != nullptr) *failure = IdnaFailure{rc, idn2_strerror_name(rc), idn2_strerror(rc)};
    return std::nullopt;
  }
  return std::string(output);
}

std::string HostNameFailure::Reason() const {
  switch (kind) {
    case Kind::kEmptyName:
      return "empty name";
    case Kind::kEmptyLabel:
      return "empty label";
    case Kind::kLabelTooLong:
      return "a label is longer than 63 bytes (IDN2_TOO_BIG_LABEL)";
    case Kind::kNameTooLong:
      return "the name is longer than 253 bytes (IDN2_TOO_BIG_DOMAIN)";
    case Kind::kRefusedByIdna:
      break;
  }
  return idna.message + " (" + idna.name + ")";
}

std::optional<std::string> HostToAscii(std::string_view host, HostNameFailure* failure) {
  using Kind = HostNameFailure::Kind;
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty()) return Refuse(Kind::kEmptyName, failure);
  if (host.find("..") != std::string_view::npos || host.front() == '.') {
    return Refuse(Kind::kEmptyLabel, failure);
  }
  IdnaFailure idna;
  std::optional<std::string> ascii = DomainToAscii(host, &idna);
  if (!ascii) {
    switch (idna.code) {
      case IDN2_TOO_BIG_LABEL:
      case IDN2_PUNYCODE_BIG_OUTPUT:
        return Refuse(Kind::kLabelTooLong, failure);
      case IDN2_TOO_BIG_DOMAIN:
        return Refuse(Kind::kNameTooLong, failure);
      default:
        if (failure != nullptr) *failure = HostNameFailure{Kind::kRefusedByIdna, std::move(idna)};
        return std::nullopt;
    }
  }
  for (char& c : *ascii) c = AsciiLower(c);
  // libidn2 lets ASCII labels through unchecked: enforce the DNS lengths here.
  if (ascii->size() > kMaxNameBytes) return Refuse(Kind::kNameTooLong, failure);
  std::size_t start = 0;
  while (start <= ascii->size()) {
    std::size_t end = ascii->find('.', start);
    if (end == std::string::npos) end = ascii->size();
    if (end == start) return Refuse(Kind::kEmptyLabel, failure);
    if (end - start > kMaxLabelBytes) return Refuse(Kind::kLabelTooLong, failure);
    start = end + 1;
  }
  return ascii;
}

}  // namespace badgewatch::foundation
