// The URL Standard (https://url.spec.whatwg.org/) basic URL parser, for the
// special schemes http and https only; see whatwg_url.h.
#include "foundation/whatwg_url.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <vector>

#include "foundation/ascii.h"
#include "foundation/idna.h"

namespace badgewatch::foundation {
namespace {

constexpr bool IsSlash(char c) { return c == '/' || c == '\\'; }

// ---------------------------------------------------------------------------
// Percent-encode sets (https://url.spec.whatwg.org/#percent-encoded-bytes).
// A byte >= 0x80 (of UTF-8 or of the query's encoding) is always encoded.

enum class EncodeSet { kFragment, kQuery, kSpecialQuery, kPath, kUserinfo };

bool InEncodeSet(unsigned char byte, EncodeSet set) {
  if (byte < 0x20 || byte > 0x7E) return true;  // the C0 control percent-encode set
  const char c = static_cast<char>(byte);
  switch (set) {
    case EncodeSet::kFragment:
      return c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
    case EncodeSet::kQuery:
      return c == ' ' || c == '"' || c == '#' || c == '<' || c == '>';
    case EncodeSet::kSpecialQuery:
      return InEncodeSet(byte, EncodeSet::kQuery) || c == '\'';
    case EncodeSet::kPath:
      return InEncodeSet(byte, EncodeSet::kQuery) || c == '?' || c == '`' || c == '{' || c == '}';
    case EncodeSet::kUserinfo:
      return InEncodeSet(byte, EncodeSet::kPath) || c == '/' || c == ':' || c == ';' || c == '=' ||
             c == '@' || c == '[' || c == '\\' || c == ']' || c == '^' || c == '|';
  }
  return true;
}

void AppendPercentEncoded(std::string_view bytes, EncodeSet set, std::string& out) {
  constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (InEncodeSet(byte, set)) {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    } else {
      out.push_back(c);
    }
  }
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && IsAsciiHexDigit(s[i + 1]) && IsAsciiHexDigit(s[i + 2])) {
      out.push_back(static_cast<char>(HexDigitValue(s[i + 1]) * 16 + HexDigitValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The query in the document's encoding ("encode or fail", then an HTML
// numeric character reference for what the encoding cannot represent).

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// The URL Standard's "get an output encoding": UTF-16 and replacement are UTF-8.
bool IsUtf8Output(std::string_view encoding) {
  return encoding.empty() || encoding == "utf-8" || encoding == "utf-16le" ||
         encoding == "utf-16be" || encoding == "replacement";
}

// Decodes one UTF-8 code point at text[*i] and moves past it; U+FFFD (one
// byte consumed) for a broken sequence. The input is the page decoder's UTF-8.
char32_t NextCodePoint(std::string_view text, std::size_t* i) {
  const auto lead = static_cast<unsigned char>(text[*i]);
  std::size_t length = 1;
  char32_t code_point = lead;
  if (lead >= 0xC2 && lead < 0xE0) {
    length = 2;
    code_point = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead < 0xF0) {
    length = 3;
    code_point = lead & 0x0FU;
  } else if (lead >= 0xF0 && lead < 0xF5) {
    length = 4;
    code_point = lead & 0x07U;
  } else if (lead >= 0x80) {
    ++*i;
    return 0xFFFD;
  }
  if (*i + length > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[*i + k]);
    if ((byte & 0xC0U) != 0x80U) {
      ++*i;
      return 0xFFFD;
    }
    code_point = (code_point << 6) | (byte & 0x3FU);
  }
  *i += length;
  return code_point;
}

// The bytes `encoding` gives one code point; empty when it cannot encode it.
std::string EncodeCodePoint(UConverter* converter, char32_t code_point, bool gbk) {
  // The WHATWG gbk encoder: U+20AC is 0x80, U+E5E5 is unencodable, and
  // nothing takes the four bytes only gb18030 has.
  if (gbk && code_point == 0x20AC) return "\x80";
  if (code_point == 0xE5E5) return {};
  std::array<UChar, 2> units{};
  int32_t unit_count = 1;
  if (code_point >= 0x10000) {
    units[0] = static_cast<UChar>(0xD800 + ((code_point - 0x10000) >> 10));
    units[1] = static_cast<UChar>(0xDC00 + ((code_point - 0x10000) & 0x3FF));
    unit_count = 2;
  } else {
    units[0] = static_cast<UChar>(code_point);
  }
  std::array<char, 16> bytes{};
  UErrorCode error = U_ZERO_ERROR;
  ucnv_reset(converter);
  const int32_t length =
      ucnv_fromUChars(converter, bytes.data(), static_cast<int32_t>(bytes.size()), units.data(),
                      unit_count, &error);
  if (U_FAILURE(error) || length <= 0) return {};
  if (gbk && length == 4) return {};
  return std::string(bytes.data(), static_cast<std::size_t>(length));
}

// A fromUnicode converter for `encoding` that stops on unmappable input;
// nullptr when ICU has none.
ConverterPtr OpenEncoder(std::string_view encoding) {
  std::string icu_name(encoding);
  if (encoding == "gbk" || encoding == "gb18030") icu_name = "gb18030";
  if (encoding == "big5") icu_name = "Big5-HKSCS";
  if (encoding == "shift_jis") icu_name = "windows-31j";
  if (encoding == "euc-kr") icu_name = "windows-949";
  if (encoding == "iso-8859-8-i") icu_name = "ISO-8859-8";
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(icu_name.c_str(), &error));
  if (U_FAILURE(error) || converter == nullptr) return nullptr;
  error = U_ZERO_ERROR;
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &error);
  if (U_FAILURE(error)) return nullptr;
  return converter;
}

// Appends the query (UTF-8 text, as written) percent-encoded in `encoding`.
void AppendQuery(std::string_view text, std::string_view encoding, std::string& out) {
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  ConverterPtr converter;
  if (!ascii && !IsUtf8Output(encoding)) converter = OpenEncoder(encoding);
  if (converter == nullptr) {
    AppendPercentEncoded(text, EncodeSet::kSpecialQuery, out);
    return;
  }
  const bool gbk = encoding == "gbk";
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      AppendPercentEncoded(text.substr(start, 1), EncodeSet::kSpecialQuery, out);
      continue;
    }
    const char32_t code_point = NextCodePoint(text, &i);
    const std::string bytes = EncodeCodePoint(converter.get(), code_point, gbk);
    if (bytes.empty()) {
      // "&#N;" with '&', '#' and ';' percent-encoded as the standard says.
      out += "%26%23" + std::to_string(static_cast<unsigned long>(code_point)) + "%3B";
    } else {
      AppendPercentEncoded(bytes, EncodeSet::kSpecialQuery, out);
    }
  }
}

// ---------------------------------------------------------------------------
// Hosts.

// An IPv4 number ("0x7f", "0177", "127"); nullopt when it is none.
std::optional<std::uint64_t> ParseIpv4Number(std::string_view part) {
  if (part.empty()) return std::nullopt;
  int radix = 10;
  if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    part.remove_prefix(2);
    radix = 16;
  } else if (part.size() >= 2 && part[0] == '0') {
    part.remove_prefix(1);
    radix = 8;
  }
  if (part.empty()) return 0;
  std::uint64_t value = 0;
  for (const char c : part) {
    int digit = -1;
    if (radix == 16 && IsAsciiHexDigit(c)) digit = HexDigitValue(c);
    if (radix == 10 && IsAsciiDigit(c)) digit = c - '0';
    if (radix == 8 && c >= '0' && c <= '7') digit = c - '0';
    if (digit < 0) return std::nullopt;
    value = value * static_cast<std::uint64_t>(radix) + static_cast<std::uint64_t>(digit);
    if (value > 0xFFFFFFFFULL) value = 0x100000000ULL;  // out of range; keep it from overflowing
  }
  return value;
}

std::vector<std::string_view> SplitDots(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string_view::npos ? s.npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

// "Ends in a number": the last label (ignoring one trailing empty one) is
// all digits or an IPv4 number.
bool EndsInANumber(std::string_view host) {
  std::vector<std::string_view> parts = SplitDots(host);
  if (parts.back().empty()) {
    if (parts.size() == 1) return false;
    parts.pop_back();
  }
  const std::string_view last = parts.back();
  if (!last.empty() && std::all_of(last.begin(), last.end(), IsAsciiDigit)) return true;
  return ParseIpv4Number(last).has_value();
}

// The IPv4 parser; nullopt for a failure (too many parts, a part that is not
// a number, a part out of range).
std::optional<std::string> ParseIpv4(std::string_view host) {
  std::vector<std::string_view> parts = SplitDots(host);
  if (parts.back().empty() && parts.size() > 1) parts.pop_back();
  if (parts.size() > 4) return std::nullopt;
  std::vector<std::uint64_t> numbers;
  for (const std::string_view part : parts) {
    const std::optional<std::uint64_t> number = ParseIpv4Number(part);
    if (!number) return std::nullopt;
    numbers.push_back(*number);
  }
  for (std::size_t i = 0; i + 1 < numbers.size(); ++i) {
    if (numbers[i] > 255) return std::nullopt;
  }
  const std::size_t n = numbers.size();
  if (numbers.back() >= (1ULL << (8 * (5 - n)))) return std::nullopt;
  std::uint64_t address = numbers.back();
  for (std::size_t i = 0; i + 1 < n; ++i) address += numbers[i] << (8 * (3 - i));
  return std::to_string((address >> 24) & 0xFF) + "." + std::to_string((address >> 16) & 0xFF) +
         "." + std::to_string((address >> 8) & 0xFF) + "." + std::to_string(address & 0xFF);
}

// The IPv6 parser and serialiser: "[...]" with the longest run of zero
// pieces compressed, or nullopt.
std::optional<std::string> ParseIpv6(std::string_view input) {
  std::array<std::uint16_t, 8> address{};
  std::size_t piece = 0;
  std::optional<std::size_t> compress;
  std::size_t p = 0;
  const auto at = [&](std::size_t k) { return k < input.size() ? input[k] : '\0'; };
  if (at(p) == ':') {
    if (at(p + 1) != ':') return std::nullopt;
    p += 2;
    compress = ++piece;
  }
  while (p < input.size()) {
    if (piece == 8) return std::nullopt;
    if (at(p) == ':') {
      if (compress) return std::nullopt;
      ++p;
      compress = ++piece;
      continue;
    }
    unsigned value = 0;
    std::size_t length = 0;
    while (length < 4 && IsAsciiHexDigit(at(p))) {
      value = value * 16 + static_cast<unsigned>(HexDigitValue(at(p)));
      ++p;
      ++length;
    }
    if (at(p) == '.') {
      if (length == 0) return std::nullopt;
      p -= length;
      if (piece > 6) return std::nullopt;
      int numbers_seen = 0;
      while (p < input.size()) {
        int ipv4_piece = -1;
        if (numbers_seen > 0) {
          if (at(p) == '.' && numbers_seen < 4) {
            ++p;
          } else {
            return std::nullopt;
          }
        }
        if (!IsAsciiDigit(at(p))) return std::nullopt;
        while (IsAsciiDigit(at(p))) {
          const int number = at(p) - '0';
          if (ipv4_piece == -1) {
            ipv4_piece = number;
          } else if (ipv4_piece == 0) {
            return std::nullopt;
          } else {
            ipv4_piece = ipv4_piece * 10 + number;
          }
          if (ipv4_piece > 255) return std::nullopt;
          ++p;
        }
        address[piece] = static_cast<std::uint16_t>(address[piece] * 0x100 + ipv4_piece);
        ++numbers_seen;
        if (numbers_seen == 2 || numbers_seen == 4) ++piece;
      }
      if (numbers_seen != 4) return std::nullopt;
      break;
    }
    if (at(p) == ':') {
      ++p;
      if (p >= input.size()) return std::nullopt;
    } else if (p < input.size()) {
      return std::nullopt;
    }
    address[piece++] = static_cast<std::uint16_t>(value);
  }
  if (compress) {
    std::size_t swaps = piece - *compress;
    piece = 7;
    while (piece != 0 && swaps > 0) {
      std::swap(address[piece], address[*compress + swaps - 1]);
      --piece;
      --swaps;
    }
  } else if (piece != 8) {
    return std::nullopt;
  }
  // Serialise: the first longest run of two or more zero pieces becomes "::".
  std::size_t best_start = 8;
  std::size_t best_length = 1;
  for (std::size_t i = 0; i < 8;) {
    std::size_t j = i;
    while (j < 8 && address[j] == 0) ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j == i ? i + 1 : j;
  }
  constexpr char kHex[] = "0123456789abcdef";
  std::string out = "[";
  bool ignore0 = false;
  for (std::size_t i = 0; i < 8; ++i) {
    if (ignore0 && address[i] == 0) continue;
    ignore0 = false;
    if (i == best_start) {
      out += i == 0 ? "::" : ":";
      ignore0 = true;
      continue;
    }
    std::string hex;
    std::uint16_t v = address[i];
    do {
      hex.insert(hex.begin(), kHex[v & 0xF]);
      v = static_cast<std::uint16_t>(v >> 4);
    } while (v != 0);
    out += hex;
    if (i != 7) out.push_back(':');
  }
  out.push_back(']');
  return out;
}

bool IsForbiddenHostCodePoint(char c) {
  switch (c) {
    case '\0':
    case '\t':
    case '\n':
    case '\r':
    case ' ':
    case '#':
    case '/':
    case ':':
    case '<':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '^':
    case '|':
      return true;
    default:
      return false;
  }
}

bool IsForbiddenDomainCodePoint(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return IsForbiddenHostCodePoint(c) || byte < 0x20 || c == '%' || byte == 0x7F;
}

bool StartsWithXn(std::string_view label) {
  return label.size() >= 4 && AsciiLower(label[0]) == 'x' && AsciiLower(label[1]) == 'n' &&
         label[2] == '-' && label[3] == '-';
}

// UTS #46 ToASCII as the URL Standard calls it (CheckHyphens, CheckBidi and
// VerifyDnsLength off, as browsers run it): ASCII labels are lower-cased,
// Unicode and "xn--" labels go through libidn2 one by one, so a label like
// "x-" that libidn2 alone would refuse reads as browsers read it.
std::optional<std::string> DomainToAsciiLenient(std::string_view domain) {
  std::string out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (true) {
    // Label separators: '.', and U+3002, U+FF0E, U+FF61, which IDNA maps to it.
    const std::string_view rest = domain.substr(i);
    std::size_t separator = 0;
    if (rest.starts_with('.')) separator = 1;
    if (rest.starts_with("\xE3\x80\x82") || rest.starts_with("\xEF\xBC\x8E") ||
        rest.starts_with("\xEF\xBD\xA1")) {
      separator = 3;
    }
    if (separator == 0 && i < domain.size()) {
      ++i;
      continue;
    }
    const std::string_view label = domain.substr(start, i - start);
    const bool ascii = std::all_of(label.begin(), label.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii && !StartsWithXn(label)) {
      for (const char c : label) out.push_back(AsciiLower(c));
    } else {
      const std::optional<std::string> converted = DomainToAscii(label);
      if (!converted) return std::nullopt;
      out += *converted;
    }
    if (i == domain.size()) return out;
    out.push_back('.');
    i += separator;
    start = i;
  }
}

// ---------------------------------------------------------------------------
// Paths.

// "." or "%2e", any case.
bool IsDot(std::string_view s) {
  return s == "." || (s.size() == 3 && s[0] == '%' && s[1] == '2' && AsciiLower(s[2]) == 'e');
}

bool IsSingleDotSegment(std::string_view s) { return IsDot(s); }

// "..", ".%2e", "%2e." or "%2e%2e", any case.
bool IsDoubleDotSegment(std::string_view s) {
  for (const std::size_t split : {std::size_t{1}, std::size_t{3}}) {
    if (s.size() > split && IsDot(s.substr(0, split)) && IsDot(s.substr(split))) return true;
  }
  return false;
}

// Splits a serialised path ("/a/b") into its segments.
std::vector<std::string> PathSegments(std::string_view path) {
  std::vector<std::string> segments;
  if (path.empty()) return segments;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = path.find('/', start);
    segments.emplace_back(
        path.substr(start, slash == std::string_view::npos ? path.npos : slash - start));
    if (slash == std::string_view::npos) return segments;
    start = slash + 1;
  }
}

// The path state from `input[*p]` on, up to '?' or '#', onto `segments`.
void ParsePath(std::string_view input, std::size_t* p, std::vector<std::string>& segments) {
  std::string buffer;
  while (true) {
    const bool end = *p >= input.size() || input[*p] == '?' || input[*p] == '#';
    const char c = end ? '\0' : input[*p];
    if (end || IsSlash(c)) {
      if (IsDoubleDotSegment(buffer)) {
        if (!segments.empty()) segments.pop_back();
        if (!IsSlash(c)) segments.emplace_back();
      } else if (IsSingleDotSegment(buffer)) {
        if (!IsSlash(c)) segments.emplace_back();
      } else {
        segments.push_back(buffer);
      }
      buffer.clear();
      if (end) return;
    } else {
      AppendPercentEncoded(input.substr(*p, 1), EncodeSet::kPath, buffer);
    }
    ++*p;
  }
}

std::string JoinPath(const std::vector<std::string>& segments) {
  std::string path;
  for (const std::string& segment : segments) path += "/" + segment;
  return path.empty() ? "/" : path;
}

// The input with leading and trailing C0 controls and spaces removed, and
// every tab and newline removed.
std::string CleanInput(std::string_view input) {
  while (!input.empty() && static_cast<unsigned char>(input.front()) <= 0x20) {
    input.remove_prefix(1);
  }
  while (!input.empty() && static_cast<unsigned char>(input.back()) <= 0x20) {
    input.remove_suffix(1);
  }
  std::string clean;
  clean.reserve(input.size());
  for (const char c : input) {
    if (c != '\t' && c != '\n' && c != '\r') clean.push_back(c);
  }
  return clean;
}

// The scheme at the start of the input, lower-cased, and where the rest
// starts (after ':'); nullopt when the input has none.
std::optional<std::pair<std::string, std::size_t>> ReadScheme(std::string_view input) {
  if (input.empty() || !IsAsciiAlpha(input.front())) return std::nullopt;
  for (std::size_t i = 1; i < input.size(); ++i) {
    const char c = input[i];
    if (c == ':') {
      std::string scheme(input.substr(0, i));
      std::transform(scheme.begin(), scheme.end(), scheme.begin(), AsciiLower);
      return std::make_pair(std::move(scheme), i + 1);
    }
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') break;
  }
  return std::nullopt;
}

// The authority (userinfo, host, port) from input[*p] to the next '/', '\',
// '?' or '#'. False on a failure.
bool ParseAuthority(std::string_view input, std::size_t* p, HttpUrl& url) {
  std::size_t end = *p;
  while (end < input.size() && !IsSlash(input[end]) && input[end] != '?' && input[end] != '#') {
    ++end;
  }
  std::string_view authority = input.substr(*p, end - *p);
  *p = end;
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    const std::size_t colon = userinfo.find(':');
    AppendPercentEncoded(userinfo.substr(0, colon), EncodeSet::kUserinfo, url.username);
    if (colon != std::string_view::npos) {
      AppendPercentEncoded(userinfo.substr(colon + 1), EncodeSet::kUserinfo, url.password);
    }
    authority.remove_prefix(at + 1);
    if (authority.empty()) return false;
  }
  // The port starts at the first ':' outside brackets.
  std::size_t colon = std::string_view::npos;
  bool in_brackets = false;
  for (std::size_t i = 0; i < authority.size(); ++i) {
    if (authority[i] == '[') in_brackets = true;
    if (authority[i] == ']') in_brackets = false;
    if (authority[i] == ':' && !in_brackets) {
      colon = i;
      break;
    }
  }
  const std::string_view host_text = authority.substr(0, colon);
  if (host_text.empty()) return false;
  std::optional<std::string> host = ParseSpecialHost(host_text);
  if (!host) return false;
  url.host = std::move(*host);
  if (colon != std::string_view::npos) {
    const std::string_view port_text = authority.substr(colon + 1);
    if (!std::all_of(port_text.begin(), port_text.end(), IsAsciiDigit)) return false;
    if (!port_text.empty()) {
      unsigned long port = 0;
      for (const char c : port_text) {
        port = port * 10 + static_cast<unsigned long>(c - '0');
        if (port > 65535) return false;
      }
      const unsigned long default_port = url.scheme == "https" ? 443 : 80;
      if (port != default_port) url.port = static_cast<std::uint16_t>(port);
    }
  }
  return true;
}

// The query and fragment from input[p] on ('?', '#' or the end).
void ParseQueryAndFragment(std::string_view input, std::size_t p, std::string_view encoding,
                           HttpUrl& url) {
  if (p < input.size() && input[p] == '?') {
    const std::size_t hash = input.find('#', p);
    const std::size_t query_end = hash == std::string_view::npos ? input.size() : hash;
    url.query.emplace();
    AppendQuery(input.substr(p + 1, query_end - p - 1), encoding, *url.query);
    p = query_end;
  }
  if (p < input.size() && input[p] == '#') {
    url.fragment.emplace();
    AppendPercentEncoded(input.substr(p + 1), EncodeSet::kFragment, *url.fragment);
  }
}

// The path state from input[p] on, after `segments`, then query and fragment.
void ParsePathOn(std::string_view input, std::size_t p, std::vector<std::string> segments,
                 std::string_view encoding, HttpUrl& url) {
  ParsePath(input, &p, segments);
  url.path = JoinPath(segments);
  ParseQueryAndFragment(input, p, encoding, url);
}

// The path start state at input[p] (one '/' or '\' is the path's own), then on.
void ParsePathStart(std::string_view input, std::size_t p, std::string_view encoding,
                    HttpUrl& url) {
  if (p < input.size() && IsSlash(input[p])) ++p;
  ParsePathOn(input, p, {}, encoding, url);
}

void CopyAuthority(const HttpUrl& base, HttpUrl& url) {
  url.username = base.username;
  url.password = base.password;
  url.host = base.host;
  url.port = base.port;
}

}  // namespace

std::string HttpUrl::Serialize(bool exclude_fragment) const {
  std::string out = scheme + "://";
  if (!username.empty() || !password.empty()) {
    out += username;
    if (!password.empty()) out += ":" + password;
    out += "@";
  }
  out += host;
  if (port) out += ":" + std::to_string(*port);
  out += path;
  if (query) out += "?" + *query;
  if (fragment && !exclude_fragment) out += "#" + *fragment;
  return out;
}

std::uint16_t HttpUrl::PortOrDefault() const {
  if (port) return *port;
  return scheme == "https" ? 443 : 80;
}

std::optional<std::string> ParseSpecialHost(std::string_view input) {
  if (input.empty()) return std::nullopt;
  if (input.front() == '[') {
    if (input.size() < 2 || input.back() != ']') return std::nullopt;
    return ParseIpv6(input.substr(1, input.size() - 2));
  }
  const std::string domain = PercentDecode(input);
  const std::optional<std::string> ascii = DomainToAsciiLenient(domain);
  if (!ascii || ascii->empty()) return std::nullopt;
  if (std::any_of(ascii->begin(), ascii->end(), IsForbiddenDomainCodePoint)) return std::nullopt;
  if (EndsInANumber(*ascii)) return ParseIpv4(*ascii);
  return ascii;
}

std::optional<HttpUrl> ParseHttpUrl(std::string_view raw_input, const HttpUrl* base,
                                    std::string_view encoding) {
  const std::string clean = CleanInput(raw_input);
  const std::string_view input = clean;
  HttpUrl url;
  std::size_t p = 0;
  const auto scheme = ReadScheme(input);
  if (scheme) {
    if (scheme->first != "http" && scheme->first != "https") return std::nullopt;
    url.scheme = scheme->first;
    p = scheme->second;
    // Against a base of the same scheme, "http:foo" and "https:/path" are
    // relative ("special relative or authority state"); otherwise any
    // number of '/' and '\' lead to the authority.
    if (base == nullptr || base->scheme != url.scheme) {
      while (p < input.size() && IsSlash(input[p])) ++p;
      if (!ParseAuthority(input, &p, url)) return std::nullopt;
      ParsePathStart(input, p, encoding, url);
      return url;
    }
  } else {
    if (base == nullptr) return std::nullopt;
    url.scheme = base->scheme;
  }
  // The relative state.
  if (p < input.size() && IsSlash(input[p])) {
    if (p + 1 < input.size() && IsSlash(input[p + 1])) {
      p += 2;
      while (p < input.size() && IsSlash(input[p])) ++p;
      if (!ParseAuthority(input, &p, url)) return std::nullopt;
      ParsePathStart(input, p, encoding, url);
      return url;
    }
    CopyAuthority(*base, url);
    ParsePathStart(input, p, encoding, url);
    return url;
  }
  CopyAuthority(*base, url);
  url.path = base->path;
  if (p >= input.size()) {
    url.query = base->query;
    return url;
  }
  if (input[p] == '?' || input[p] == '#') {
    if (input[p] == '#') url.query = base->query;
    ParseQueryAndFragment(input, p, encoding, url);
    return url;
  }
  std::vector<std::string> segments = PathSegments(base->path);
  if (!segments.empty()) segments.pop_back();
  ParsePathOn(input, p, std::move(segments), encoding, url);
  return url;
}

}  // namespace badgewatch::foundation
