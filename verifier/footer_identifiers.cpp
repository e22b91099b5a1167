// A hand-written scanner for the footer identifiers: each marker is found with
// a plain substring search (glibc's memmem for the Chinese markers, whose first
// bytes are everywhere in Chinese text), and only the bytes around a hit are
// examined, so text without identifiers costs three fast searches.
#include "verifier/footer_identifiers.h"

#include <string.h>  // memmem (GNU)

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "foundation/ascii.h"

namespace badgewatch::verifier {
namespace {

constexpr std::string_view kIcpMarker = "ICP";
constexpr std::string_view kIcpFiling = "备";   // 京ICP备…: a filing (备案)
constexpr std::string_view kIcpLicence = "证";  // 京ICP证…: a commercial licence
constexpr std::string_view kPublicSecurityMarker = "公网安备";
constexpr std::string_view kSiteIdCodeMarker = "标识码";  // also the end of "网站标识码"
constexpr std::string_view kNumberSuffix = "号";
constexpr std::string_view kFullwidthColon = "：";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";          // U+00A0, from &nbsp;
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

// A province abbreviation is one CJK ideograph, three bytes in UTF-8.
constexpr std::size_t kProvinceBytes = 3;
constexpr std::size_t kSiteIdCodeDigits = 10;
// Longer digit runs are no filing number (public-security numbers have 14).
constexpr std::size_t kMaxFilingDigits = 20;

// The position of `marker` in `text` at or after `from`; npos if none. glibc's
// memmem skips ahead on mismatches (it hashes byte pairs), which matters in
// Chinese text, where the markers' lead bytes are on every third byte.
std::size_t FindMarker(std::string_view text, std::string_view marker, std::size_t from = 0) {
  if (from >= text.size()) return std::string_view::npos;  // never a null haystack for memmem
  const void* hit = memmem(text.data() + from, text.size() - from, marker.data(), marker.size());
  return hit == nullptr ? std::string_view::npos
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

std::size_t SkipDigits(std::string_view text, std::size_t pos) {
  while (pos < text.size() && foundation::IsAsciiDigit(text[pos])) ++pos;
  return pos;
}

// The position after any spaces at `pos`: ASCII whitespace, U+00A0 and U+3000,
// and with `skip_colons` also ':' and '：'.
std::size_t SkipFiller(std::string_view text, std::size_t pos, bool skip_colons) {
  while (pos < text.size()) {
    const std::string_view rest = text.substr(pos);
    const char c = rest.front();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || (skip_colons && c == ':')) {
      ++pos;
    } else if (rest.starts_with(kNoBreakSpace)) {
      pos += kNoBreakSpace.size();
    } else if (rest.starts_with(kIdeographicSpace)) {
      pos += kIdeographicSpace.size();
    } else if (skip_colons && rest.starts_with(kFullwidthColon)) {
      pos += kFullwidthColon.size();
    } else {
      break;
    }
  }
  return pos;
}

// Whether the kProvinceBytes bytes before `pos` encode one CJK ideograph
// (U+3400..U+4DBF, U+4E00..U+9FFF, U+F900..U+FAFF).
bool IsProvinceBefore(std::string_view text, std::size_t pos) {
  if (pos < kProvinceBytes) return false;
  const auto b0 = static_cast<unsigned char>(text[pos - kProvinceBytes]);
  const auto b1 = static_cast<unsigned char>(text[pos - kProvinceBytes + 1]);
  const auto b2 = static_cast<unsigned char>(text[pos - kProvinceBytes + 2]);
  if ((b0 & 0xF0U) != 0xE0U || (b1 & 0xC0U) != 0x80U || (b2 & 0xC0U) != 0x80U) return false;
  const unsigned code_point = ((b0 & 0x0FU) << 12U) | ((b1 & 0x3FU) << 6U) | (b2 & 0x3FU);
  return (code_point >= 0x3400U && code_point <= 0x4DBFU) ||
         (code_point >= 0x4E00U && code_point <= 0x9FFFU) ||
         (code_point >= 0xF900U && code_point <= 0xFAFFU);
}

struct FilingNumber {
  std::string text;  // prefix + digits + "号", without the spaces between them
  std::size_t end;   // the position just after "号"
};

// Reads "<spaces><digits>号" at `pos`; `prefix` ("京ICP备", "京公网安备") starts
// the result.
std::optional<FilingNumber> ReadFilingNumber(std::string_view text, std::size_t pos,
                                             std::string_view prefix) {
  const std::size_t digits_begin = SkipFiller(text, pos, /*skip_colons=*/false);
  const std::size_t digits_end = SkipDigits(text, digits_begin);
  const std::size_t digit_count = digits_end - digits_begin;
  if (digit_count == 0 || digit_count > kMaxFilingDigits ||
      !text.substr(digits_end).starts_with(kNumberSuffix)) {
    return std::nullopt;
  }
  FilingNumber number;
  number.text.reserve(prefix.size() + digit_count + kNumberSuffix.size());
  number.text.append(prefix);
  number.text.append(text.substr(digits_begin, digit_count));
  number.text.append(kNumberSuffix);
  number.end = digits_end + kNumberSuffix.size();
  return number;
}

void AppendUnique(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// 京ICP备12345678号, 京ICP备12345678号-1, 京ICP证030173号.
void FindIcpNumbers(std::string_view text, std::vector<std::string>& out) {
  for (std::size_t hit = text.find(kIcpMarker); hit != std::string_view::npos;
       hit = text.find(kIcpMarker, hit + kIcpMarker.size())) {
    if (!IsProvinceBefore(text, hit)) continue;
    const std::size_t kind_pos = hit + kIcpMarker.size();
    const std::string_view rest = text.substr(kind_pos);
    std::size_t kind_size = 0;
    if (rest.starts_with(kIcpFiling)) {
      kind_size = kIcpFiling.size();
    } else if (rest.starts_with(kIcpLicence)) {
      kind_size = kIcpLicence.size();
    } else {
      continue;
    }
    const std::size_t prefix_begin = hit - kProvinceBytes;
    const std::size_t prefix_end = kind_pos + kind_size;
    std::optional<FilingNumber> number =
        ReadFilingNumber(text, prefix_end, text.substr(prefix_begin, prefix_end - prefix_begin));
    if (!number) continue;
    // The site's sequence number: "-1". A '-' without digits is not part of it.
    if (number->end < text.size() && text[number->end] == '-') {
      const std::size_t sequence_end = SkipDigits(text, number->end + 1);
      if (sequence_end > number->end + 1) {
        number->text.append(text.substr(number->end, sequence_end - number->end));
      }
    }
    AppendUnique(out, std::move(number->text));
  }
}

// 京公网安备 11010502000001号 -> 京公网安备11010502000001号.
void FindPublicSecurityNumbers(std::string_view text, std::vector<std::string>& out) {
  for (std::size_t hit = FindMarker(text, kPublicSecurityMarker); hit != std::string_view::npos;
       hit = FindMarker(text, kPublicSecurityMarker, hit + kPublicSecurityMarker.size())) {
    if (!IsProvinceBefore(text, hit)) continue;
    const std::size_t prefix_begin = hit - kProvinceBytes;
    const std::size_t prefix_end = hit + kPublicSecurityMarker.size();
    std::optional<FilingNumber> number =
        ReadFilingNumber(text, prefix_end, text.substr(prefix_begin, prefix_end - prefix_begin));
    if (number) AppendUnique(out, std::move(number->text));
  }
}

// 政府网站标识码：3301000001, 网站标识码3300000035: exactly ten digits.
void FindSiteIdCodes(std::string_view text, std::vector<std::string>& out) {
  for (std::size_t hit = FindMarker(text, kSiteIdCodeMarker); hit != std::string_view::npos;
       hit = FindMarker(text, kSiteIdCodeMarker, hit + kSiteIdCodeMarker.size())) {
    const std::size_t digits_begin =
        SkipFiller(text, hit + kSiteIdCodeMarker.size(), /*skip_colons=*/true);
    const std::size_t digits_end = SkipDigits(text, digits_begin);
    if (digits_end - digits_begin != kSiteIdCodeDigits) continue;
    AppendUnique(out, std::string(text.substr(digits_begin, kSiteIdCodeDigits)));
  }
}

}  // namespace

void FindIdentifiers(std::string_view text, Identifiers& out) {
  FindIcpNumbers(text, out.icp);
  FindPublicSecurityNumbers(text, out.public_security);
  FindSiteIdCodes(text, out.site_id_codes);
}

}  // namespace badgewatch::verifier
