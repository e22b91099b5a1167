// Host names as the crawler uses them: IDN labels converted to ASCII (UTS #46,
// non-transitional, libidn2) and the www./bare twin of a site. Pure; any thread.
//
// Example:
//   HostToAscii("教育局.政务") -> "xn--dgtp5sd2w.xn--zfr164b"
#ifndef BADGEWATCH_CRAWLER_HOST_NAME_H_
#define BADGEWATCH_CRAWLER_HOST_NAME_H_

#include <string>
#include <string_view>

#include "foundation/status.h"

namespace badgewatch::crawler {

// The lower-case ASCII form of a host name in UTF-8: foundation::HostToAscii
// (Unicode labels become punycode "xn--...", one trailing dot is dropped),
// except that IP literals ("1.2.3.4", "[::1]") are returned lower-cased as
// they are. Fails with a message naming the host and the reason: an empty
// name or label, a label over 63 bytes, a name over 253 bytes, characters
// IDNA forbids.
[[nodiscard]] Result<std::string> HostToAscii(std::string_view host);

// "www.example.gov.cn" <-> "example.gov.cn"; empty for a name with one label
// or an IP literal. `host` must be ASCII lower-case.
[[nodiscard]] std::string WwwTwin(std::string_view host);

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_HOST_NAME_H_
