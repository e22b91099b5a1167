// IDNA for host names: UTS #46 ToASCII, non-transitional, with libidn2 — the
// one conversion of Unicode host names the crawler, the registry and the URL
// parser share. Pure; any thread.
//
// Example:
//   DomainToAscii("教育局.政务") == "xn--dgtp5sd2w.xn--zfr164b"
//   HostToAscii("教育局。政务") == "xn--dgtp5sd2w.xn--zfr164b"
#ifndef BADGEWATCH_FOUNDATION_IDNA_H_
#define BADGEWATCH_FOUNDATION_IDNA_H_

#include <optional>
#include <string>
#include <string_view>

namespace badgewatch::foundation {

// Why a conversion failed: libidn2's return code, its constant's name
// ("IDN2_TOO_BIG_LABEL") and its description.
struct IdnaFailure {
  int code = 0;
  std::string name;
  std::string message;
};

// The ASCII form of a UTF-8 domain name, as libidn2 gives it (mapped,
// lower-case, punycode labels; a trailing dot kept). nullopt when libidn2
// refuses it, with `*failure` (if given) saying why.
[[nodiscard]] std::optional<std::string> DomainToAscii(std::string_view domain,
                                                       IdnaFailure* failure = nullptr);

// Why HostToAscii refused a name.
struct HostNameFailure {
  enum class Kind { kEmptyName, kEmptyLabel, kLabelTooLong, kNameTooLong, kRefusedByIdna };
  Kind kind = Kind::kRefusedByIdna;
  IdnaFailure idna;  // libidn2's reason, for kRefusedByIdna

  // "empty label", "a label is longer than 63 bytes (IDN2_TOO_BIG_LABEL)", ...
  [[nodiscard]] std::string Reason() const;
};

// The strict conversion of a domain name (not an IP literal) to the
// lower-case ASCII a DNS query and the URL parser's host use: DomainToAscii
// (so "。", "．" and "｡" separate labels like '.'), one trailing dot dropped,
// then the DNS limits the URL parser leaves off: no empty label, 63 bytes a
// label, 253 bytes the name. For every name it accepts, ParseHttpUrl of
// "http://<name>/" has the same host. nullopt when refused, with `*failure`
// (if given) saying why.
[[nodiscard]] std::optional<std::string> HostToAscii(std::string_view host,
                                                     HostNameFailure* failure = nullptr);

}  // namespace badgewatch::foundation

#endif  // BADGEWATCH_FOUNDATION_IDNA_H_
