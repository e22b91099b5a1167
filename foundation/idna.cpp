#include "foundation/idna.h"

#include <idn2.h>

#include <cstdint>
#include <memory>

namespace badgewatch::foundation {
namespace {

struct Idn2StringDeleter {
  void operator()(char* s) const { idn2_free(s); }
};

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

}  // namespace badgewatch::foundation
