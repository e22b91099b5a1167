#include "registry/field_validation.h"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <string>
#include <utility>

#include "foundation/ascii.h"
#include "registry/registry_errors.h"

namespace badgewatch::registry {
namespace {

bool IsHostLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  for (char c : label) {
    const bool ok = foundation::IsAsciiAlpha(c) || foundation::IsAsciiDigit(c) || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<FieldError> CheckBoundedText(std::string_view field, Localized label,
                                           std::string_view value, std::size_t max) {
  if (Status required = RequireText(label, value); !required.ok()) {
    return FieldError{std::string(field), std::move(required)};
  }
  const long chars = CountCodePoints(value);
  if (chars < 0) return FieldError{std::string(field), Error<errors::kFieldNotText>(label)};
  if (static_cast<std::size_t>(chars) > max) {
    return FieldError{std::string(field), Error<errors::kFieldTooLong>(label, max, chars)};
  }
  return std::nullopt;
}

Status RequireText(Localized label, std::string_view value) {
  if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error<errors::kFieldRequired>(label);
  }
  return Status::Ok();
}

Status ValidateMobile(std::string_view mobile) {
  bool ok = mobile.size() == 11 && mobile[0] == '1' && mobile[1] >= '3' && mobile[1] <= '9';
  for (char c : mobile) ok = ok && foundation::IsAsciiDigit(c);
  if (!ok) {
    return Error<errors::kMobileInvalid>(mobile);
  }
  return Status::Ok();
}

Status ValidateEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  bool ok = at != std::string_view::npos && at > 0 && email.find('@', at + 1) == email.npos;
  if (ok) {
    const std::string_view domain = email.substr(at + 1);
    const std::size_t dot = domain.find('.');
    ok = dot != domain.npos && dot > 0 && domain.back() != '.';
  }
  for (char c : email) ok = ok && static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
  if (!ok) return Error<errors::kEmailInvalid>(email);
  return Status::Ok();
}

Status ValidateIpAddress(std::string_view ip) {
  const std::string text(ip);
  unsigned char buffer[16];
  if (inet_pton(AF_INET, text.c_str(), buffer) == 1) return Status::Ok();
  if (inet_pton(AF_INET6, text.c_str(), buffer) == 1) return Status::Ok();
  return Error<errors::kIpInvalid>(ip);
}

Status FieldErrorsStatus(const std::vector<FieldError>& errors) {
  if (errors.empty()) return Status::Ok();
  // One sentence: "A；B；C。", each message without its own full stop.
  std::string chinese;
  std::string english;
  constexpr std::string_view kFullStop = "。";
  for (const FieldError& error : errors) {
    if (!chinese.empty()) chinese += "；";
    if (!english.empty()) english += "; ";
    std::string_view sentence = error.error.message(Language::kChinese);
    if (sentence.ends_with(kFullStop)) sentence.remove_suffix(kFullStop.size());
    chinese += sentence;
    english += error.error.message(Language::kEnglish);
  }
  chinese += kFullStop;
  return Status(errors::kFormFieldsInvalid.code, errors::kFormFieldsInvalid.reason,
                std::move(chinese), std::move(english));
}

long CountCodePoints(std::string_view utf8) {
  long count = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    std::size_t length = 0;
    if (lead < 0x80) {
      length = 1;
    } else if (lead >= 0xC2 && lead < 0xE0) {
      length = 2;
    } else if (lead >= 0xE0 && lead < 0xF0) {
      length = 3;
    } else if (lead >= 0xF0 && lead < 0xF5) {
      length = 4;
    } else {
      return -1;
    }
    if (i + length > utf8.size()) return -1;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(utf8[i + k]) & 0xC0) != 0x80) return -1;
    }
    i += length;
    ++count;
  }
  return count;
}

Status ValidateIntroduction(std::string_view introduction) {
  const long chars = CountCodePoints(introduction);
  if (chars < 0) return Error<errors::kIntroductionNotUtf8>();
  if (static_cast<std::size_t>(chars) > kMaxIntroductionChars) {
    return Error<errors::kIntroductionTooLong>(chars, kMaxIntroductionChars);
  }
  return Status::Ok();
}

Status ValidateEnglishDomain(std::string_view domain, bool require_gov_cn) {
  constexpr std::string_view kSuffix = ".gov.cn";
  const std::string lower = foundation::AsciiLowered(domain);
  if (lower.empty()) return Error<errors::kEnglishDomainRequired>();
  if (require_gov_cn &&
      (lower.size() <= kSuffix.size() ||
       lower.compare(lower.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)) {
    return Error<errors::kEnglishDomainNotGovCn>(domain);
  }
  std::string_view rest(lower);
  while (!rest.empty()) {
    const std::size_t dot = rest.find('.');
    if (!IsHostLabel(rest.substr(0, dot))) {
      return Error<errors::kEnglishDomainInvalid>(domain);
    }
    if (dot == rest.npos) break;
    rest.remove_prefix(dot + 1);
  }
  if (lower.size() > 253) {
    return Error<errors::kEnglishDomainTooLong>(domain);
  }
  return Status::Ok();
}

}  // namespace badgewatch::registry
