// Encoding detection and decoding of fetched pages; see charset_decoding.h.
// Legacy decoders are ICU converters; UTF-8 and x-user-defined are decoded here.
#include "verifier/charset_decoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::verifier {
namespace {

// ---------------------------------------------------------------------------
// The WHATWG label table (https://encoding.spec.whatwg.org/#names-and-labels).

struct LabelEntry {
  std::string_view label;  // lower case, as in the Encoding Standard
  std::string_view name;   // lower-case encoding name
};

// Sorted by label for binary search (checked below).
constexpr std::array<LabelEntry, 228> kLabels{{
    {"866", "ibm866"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"arabic", "iso-8859-6"},
    {"ascii", "windows-1252"},
    {"asmo-708", "iso-8859-6"},
    {"big5", "big5"},
    {"big5-hkscs", "big5"},
    {"chinese", "gbk"},
    {"cn-big5", "big5"},
    {"cp1250", "windows-1250"},
    {"cp1251", "windows-1251"},
    {"cp1252", "windows-1252"},
    {"cp1253", "windows-1253"},
    {"cp1254", "windows-1254"},
    {"cp1255", "windows-1255"},
    {"cp1256", "windows-1256"},
    {"cp1257", "windows-1257"},
    {"cp1258", "windows-1258"},
    {"cp819", "windows-1252"},
    {"cp866", "ibm866"},
    {"csbig5", "big5"},
    {"cseuckr", "euc-kr"},
    {"cseucpkdfmtjapanese", "euc-jp"},
    {"csgb2312", "gbk"},
    {"csibm866", "ibm866"},
    {"csiso2022jp", "iso-2022-jp"},
    {"csiso2022kr", "replacement"},
    {"csiso58gb231280", "gbk"},
    {"csiso88596e", "iso-8859-6"},
    {"csiso88596i", "iso-8859-6"},
    {"csiso88598e", "iso-8859-8"},
    {"csiso88598i", "iso-8859-8-i"},
    {"csisolatin1", "windows-1252"},
    {"csisolatin2", "iso-8859-2"},
    {"csisolatin3", "iso-8859-3"},
    {"csisolatin4", "iso-8859-4"},
    {"csisolatin5", "windows-1254"},
    {"csisolatin6", "iso-8859-10"},
    {"csisolatin9", "iso-8859-15"},
    {"csisolatinarabic", "iso-8859-6"},
    {"csisolatincyrillic", "iso-8859-5"},
    {"csisolatingreek", "iso-8859-7"},
    {"csisolatinhebrew", "iso-8859-8"},
    {"cskoi8r", "koi8-r"},
    {"csksc56011987", "euc-kr"},
    {"csmacintosh", "macintosh"},
    {"csshiftjis", "shift_jis"},
    {"csunicode", "utf-16le"},
    {"cyrillic", "iso-8859-5"},
    {"dos-874", "windows-874"},
    {"ecma-114", "iso-8859-6"},
    {"ecma-118", "iso-8859-7"},
    {"elot_928", "iso-8859-7"},
    {"euc-jp", "euc-jp"},
    {"euc-kr", "euc-kr"},
    {"gb18030", "gb18030"},
    {"gb2312", "gbk"},
    {"gb_2312", "gbk"},
    {"gb_2312-80", "gbk"},
    {"gbk", "gbk"},
    {"greek", "iso-8859-7"},
    {"greek8", "iso-8859-7"},
    {"hebrew", "iso-8859-8"},
    {"hz-gb-2312", "replacement"},
    {"ibm819", "windows-1252"},
    {"ibm866", "ibm866"},
    {"iso-10646-ucs-2", "utf-16le"},
    {"iso-2022-cn", "replacement"},
    {"iso-2022-cn-ext", "replacement"},
    {"iso-2022-jp", "iso-2022-jp"},
    {"iso-2022-kr", "replacement"},
    {"iso-8859-1", "windows-1252"},
    {"iso-8859-10", "iso-8859-10"},
    {"iso-8859-11", "windows-874"},
    {"iso-8859-13", "iso-8859-13"},
    {"iso-8859-14", "iso-8859-14"},
    {"iso-8859-15", "iso-8859-15"},
    {"iso-8859-16", "iso-8859-16"},
    {"iso-8859-2", "iso-8859-2"},
    {"iso-8859-3", "iso-8859-3"},
    {"iso-8859-4", "iso-8859-4"},
    {"iso-8859-5", "iso-8859-5"},
    {"iso-8859-6", "iso-8859-6"},
    {"iso-8859-6-e", "iso-8859-6"},
    {"iso-8859-6-i", "iso-8859-6"},
    {"iso-8859-7", "iso-8859-7"},
    {"iso-8859-8", "iso-8859-8"},
    {"iso-8859-8-e", "iso-8859-8"},
    {"iso-8859-8-i", "iso-8859-8-i"},
    {"iso-8859-9", "windows-1254"},
    {"iso-ir-100", "windows-1252"},
    {"iso-ir-101", "iso-8859-2"},
    {"iso-ir-109", "iso-8859-3"},
    {"iso-ir-110", "iso-8859-4"},
    {"iso-ir-126", "iso-8859-7"},
    {"iso-ir-127", "iso-8859-6"},
    {"iso-ir-138", "iso-8859-8"},
    {"iso-ir-144", "iso-8859-5"},
    {"iso-ir-148", "windows-1254"},
    {"iso-ir-149", "euc-kr"},
    {"iso-ir-157", "iso-8859-10"},
    {"iso-ir-58", "gbk"},
    {"iso8859-1", "windows-1252"},
    {"iso8859-10", "iso-8859-10"},
    {"iso8859-11", "windows-874"},
    {"iso8859-13", "iso-8859-13"},
    {"iso8859-14", "iso-8859-14"},
    {"iso8859-15", "iso-8859-15"},
    {"iso8859-2", "iso-8859-2"},
    {"iso8859-3", "iso-8859-3"},
    {"iso8859-4", "iso-8859-4"},
    {"iso8859-5", "iso-8859-5"},
    {"iso8859-6", "iso-8859-6"},
    {"iso8859-7", "iso-8859-7"},
    {"iso8859-8", "iso-8859-8"},
    {"iso8859-9", "windows-1254"},
    {"iso88591", "windows-1252"},
    {"iso885910", "iso-8859-10"},
    {"iso885911", "windows-874"},
    {"iso885913", "iso-8859-13"},
    {"iso885914", "iso-8859-14"},
    {"iso885915", "iso-8859-15"},
    {"iso88592", "iso-8859-2"},
    {"iso88593", "iso-8859-3"},
    {"iso88594", "iso-8859-4"},
    {"iso88595", "iso-8859-5"},
    {"iso88596", "iso-8859-6"},
    {"iso88597", "iso-8859-7"},
    {"iso88598", "iso-8859-8"},
    {"iso88599", "windows-1254"},
    {"iso_8859-1", "windows-1252"},
    {"iso_8859-15", "iso-8859-15"},
    {"iso_8859-1:1987", "windows-1252"},
    {"iso_8859-2", "iso-8859-2"},
    {"iso_8859-2:1987", "iso-8859-2"},
    {"iso_8859-3", "iso-8859-3"},
    {"iso_8859-3:1988", "iso-8859-3"},
    {"iso_8859-4", "iso-8859-4"},
    {"iso_8859-4:1988", "iso-8859-4"},
    {"iso_8859-5", "iso-8859-5"},
    {"iso_8859-5:1988", "iso-8859-5"},
    {"iso_8859-6", "iso-8859-6"},
    {"iso_8859-6:1987", "iso-8859-6"},
    {"iso_8859-7", "iso-8859-7"},
    {"iso_8859-7:1987", "iso-8859-7"},
    {"iso_8859-8", "iso-8859-8"},
    {"iso_8859-8:1988", "iso-8859-8"},
    {"iso_8859-9", "windows-1254"},
    {"iso_8859-9:1989", "windows-1254"},
    {"koi", "koi8-r"},
    {"koi8", "koi8-r"},
    {"koi8-r", "koi8-r"},
    {"koi8-ru", "koi8-u"},
    {"koi8-u", "koi8-u"},
    {"koi8_r", "koi8-r"},
    {"korean", "euc-kr"},
    {"ks_c_5601-1987", "euc-kr"},
    {"ks_c_5601-1989", "euc-kr"},
    {"ksc5601", "euc-kr"},
    {"ksc_5601", "euc-kr"},
    {"l1", "windows-1252"},
    {"l2", "iso-8859-2"},
    {"l3", "iso-8859-3"},
    {"l4", "iso-8859-4"},
    {"l5", "windows-1254"},
    {"l6", "iso-8859-10"},
    {"l9", "iso-8859-15"},
    {"latin1", "windows-1252"},
    {"latin2", "iso-8859-2"},
    {"latin3", "iso-8859-3"},
    {"latin4", "iso-8859-4"},
    {"latin5", "windows-1254"},
    {"latin6", "iso-8859-10"},
    {"logical", "iso-8859-8-i"},
    {"mac", "macintosh"},
    {"macintosh", "macintosh"},
    {"ms932", "shift_jis"},
    {"ms_kanji", "shift_jis"},
    {"replacement", "replacement"},
    {"shift-jis", "shift_jis"},
    {"shift_jis", "shift_jis"},
    {"sjis", "shift_jis"},
    {"sun_eu_greek", "iso-8859-7"},
    {"tis-620", "windows-874"},
    {"ucs-2", "utf-16le"},
    {"unicode", "utf-16le"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"unicode11utf8", "utf-8"},
    {"unicode20utf8", "utf-8"},
    {"unicodefeff", "utf-16le"},
    {"unicodefffe", "utf-16be"},
    {"us-ascii", "windows-1252"},
    {"utf-16", "utf-16le"},
    {"utf-16be", "utf-16be"},
    {"utf-16le", "utf-16le"},
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"visual", "iso-8859-8"},
    {"windows-1250", "windows-1250"},
    {"windows-1251", "windows-1251"},
    {"windows-1252", "windows-1252"},
    {"windows-1253", "windows-1253"},
    {"windows-1254", "windows-1254"},
    {"windows-1255", "windows-1255"},
    {"windows-1256", "windows-1256"},
    {"windows-1257", "windows-1257"},
    {"windows-1258", "windows-1258"},
    {"windows-31j", "shift_jis"},
    {"windows-874", "windows-874"},
    {"windows-949", "euc-kr"},
    {"x-cp1250", "windows-1250"},
    {"x-cp1251", "windows-1251"},
    {"x-cp1252", "windows-1252"},
    {"x-cp1253", "windows-1253"},
    {"x-cp1254", "windows-1254"},
    {"x-cp1255", "windows-1255"},
    {"x-cp1256", "windows-1256"},
    {"x-cp1257", "windows-1257"},
    {"x-cp1258", "windows-1258"},
    {"x-euc-jp", "euc-jp"},
    {"x-gbk", "gbk"},
    {"x-mac-cyrillic", "x-mac-cyrillic"},
    {"x-mac-roman", "macintosh"},
    {"x-mac-ukrainian", "x-mac-cyrillic"},
    {"x-sjis", "shift_jis"},
    {"x-unicode20utf8", "utf-8"},
    {"x-user-defined", "x-user-defined"},
    {"x-x-big5", "big5"},
}};

static_assert(std::is_sorted(kLabels.begin(), kLabels.end(),
                             [](const LabelEntry& a, const LabelEntry& b) {
                               return a.label < b.label;
                             }),
              "kLabels must be sorted by label");

constexpr std::size_t kMaxLabelLength = [] {
  std::size_t longest = 0;
  for (const LabelEntry& entry : kLabels) longest = std::max(longest, entry.label.size());
  return longest;
}();

constexpr std::string_view kUtf8 = "utf-8";
constexpr std::string_view kUtf16Le = "utf-16le";
constexpr std::string_view kUtf16Be = "utf-16be";
constexpr std::string_view kGbk = "gbk";
constexpr std::string_view kGb18030 = "gb18030";
constexpr std::string_view kWindows1252 = "windows-1252";
constexpr std::string_view kReplacement = "replacement";
constexpr std::string_view kXUserDefined = "x-user-defined";
constexpr std::string_view kIso2022Jp = "iso-2022-jp";
constexpr std::string_view kIso885916 = "iso-8859-16";

constexpr std::string_view kReplacementCharacterUtf8 = "\xEF\xBF\xBD";  // U+FFFD

// The HTML spec looks for <meta> in the first 1024 bytes only.
constexpr std::size_t kPrescanLimit = 1024;

// ---------------------------------------------------------------------------
// Small ASCII helpers.

// ASCII whitespace as the Encoding Standard and HTML define it (TAB, LF, FF, CR, SPACE).
constexpr bool IsAsciiWhitespace(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

// HTTP whitespace (RFC 9110 OWS plus CR/LF, as Fetch defines it).
constexpr bool IsHttpWhitespace(char c) { return c == '\t' || c == '\n' || c == '\r' || c == ' '; }

constexpr char ToAsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool IsAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string_view TrimAsciiWhitespace(std::string_view text) {
  while (!text.empty() && IsAsciiWhitespace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiWhitespace(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view TrimHttpWhitespace(std::string_view text) {
  while (!text.empty() && IsHttpWhitespace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsHttpWhitespace(text.back())) text.remove_suffix(1);
  return text;
}

// `lower_ascii` must already be lower case.
bool EqualsIgnoreAsciiCase(std::string_view text, std::string_view lower_ascii) {
  if (text.size() != lower_ascii.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ToAsciiLower(text[i]) != lower_ascii[i]) return false;
  }
  return true;
}

// Index of the first case-insensitive occurrence of `lower_ascii` at or after
// `from`, or npos.
std::size_t FindIgnoreAsciiCase(std::string_view text, std::string_view lower_ascii,
                                std::size_t from) {
  if (lower_ascii.size() > text.size()) return std::string_view::npos;
  for (std::size_t i = from; i + lower_ascii.size() <= text.size(); ++i) {
    if (EqualsIgnoreAsciiCase(text.substr(i, lower_ascii.size()), lower_ascii)) return i;
  }
  return std::string_view::npos;
}

// The encoding name for a label, without allocating; nullopt if unknown.
std::optional<std::string_view> LookupEncoding(std::string_view label) {
  label = TrimAsciiWhitespace(label);
  if (label.empty() || label.size() > kMaxLabelLength) return std::nullopt;
  std::array<char, kMaxLabelLength> buffer{};
  std::transform(label.begin(), label.end(), buffer.begin(), ToAsciiLower);
  const std::string_view lowered(buffer.data(), label.size());
  const auto it = std::lower_bound(
      kLabels.begin(), kLabels.end(), lowered,
      [](const LabelEntry& entry, std::string_view key) { return entry.label < key; });
  if (it == kLabels.end() || it->label != lowered) return std::nullopt;
  return it->name;
}

// ---------------------------------------------------------------------------
// UTF-8 validation and lossy decoding (WHATWG UTF-8 decoder semantics).

// Examines the sequence starting at text[i]. Returns how many bytes to consume:
// the whole sequence when it is well formed (*well_formed = true), else its
// maximal ill-formed subpart, which becomes one U+FFFD (at least one byte).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i, bool* well_formed) {
  const auto lead = static_cast<unsigned char>(text[i]);
  *well_formed = false;
  std::size_t continuation_bytes = 0;
  unsigned char lower = 0x80;
  unsigned char upper = 0xBF;
  if (lead < 0x80) {
    *well_formed = true;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    continuation_bytes = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuation_bytes = 2;
    if (lead == 0xE0) lower = 0xA0;  // no overlong forms
    if (lead == 0xED) upper = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuation_bytes = 3;
    if (lead == 0xF0) lower = 0x90;  // no overlong forms
    if (lead == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  } else {
    return 1;  // 0x80..0xC1, 0xF5..0xFF never start a sequence
  }
  std::size_t length = 1;
  for (; length <= continuation_bytes; ++length) {
    if (i + length >= text.size()) return length;  // truncated at end of input
    const auto byte = static_cast<unsigned char>(text[i + length]);
    if (byte < lower || byte > upper) return length;  // `byte` is processed again
    lower = 0x80;
    upper = 0xBF;
  }
  *well_formed = true;
  return length;
}

struct Utf8Scan {
  std::size_t first_error = 0;  // offset of the first ill-formed sequence; size() if none
  bool has_non_ascii = false;   // some byte >= 0x80 was seen before first_error
  [[nodiscard]] bool Valid(std::string_view text) const { return first_error == text.size(); }
};

// The end of the run of well-formed three-byte sequences at `i` whose lead
// bytes are E1..EC or EE..EF (no overlong or surrogate range to exclude): most
// CJK text. `i` itself when there is none.
std::size_t SkipCommonThreeByteRun(std::string_view text, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  const auto* const end = reinterpret_cast<const unsigned char*>(text.data()) + text.size();
  while (end - p >= 3) {
    const unsigned lead = p[0];
    if (lead < 0xE1 || lead > 0xEF || lead == 0xED || (p[1] & 0xC0U) != 0x80U ||
        (p[2] & 0xC0U) != 0x80U) {
      break;
    }
    p += 3;
  }
  return static_cast<std::size_t>(p - reinterpret_cast<const unsigned char*>(text.data()));
}

// One pass over the bytes; ASCII runs are skipped eight bytes at a time, runs
// of common CJK characters three bytes at a time.
Utf8Scan ScanUtf8(std::string_view text) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  Utf8Scan scan;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.size() - i >= sizeof(std::uint64_t)) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof(word));
      if ((word & kHighBits) == 0) {
        i += sizeof(word);
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (const std::size_t run_end = SkipCommonThreeByteRun(text, i); run_end != i) {
      scan.has_non_ascii = true;
      i = run_end;
      continue;
    }
    bool well_formed = false;
    const std::size_t length = Utf8SequenceLength(text, i, &well_formed);
    if (!well_formed) {
      scan.first_error = i;
      return scan;
    }
    scan.has_non_ascii = true;
    i += length;
  }
  scan.first_error = text.size();
  return scan;
}

// Copies the valid prefix [0, first_error) and decodes the rest, replacing each
// maximal ill-formed subpart with U+FFFD.
std::string DecodeUtf8Lossy(std::string_view text, std::size_t first_error) {
  std::string out;
  out.reserve(text.size() + (first_error == text.size() ? 0 : 16));
  out.append(text.substr(0, first_error));
  std::size_t i = first_error;
  while (i < text.size()) {
    bool well_formed = false;
    const std::size_t length = Utf8SequenceLength(text, i, &well_formed);
    if (well_formed) {
      out.append(text.substr(i, length));
    } else {
      out.append(kReplacementCharacterUtf8);
    }
    i += length;
  }
  return out;
}

void AppendCodePointAsUtf8(char32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

constexpr bool IsLeadSurrogate(char16_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
constexpr bool IsTrailSurrogate(char16_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

// UTF-16 to UTF-8; an unpaired surrogate becomes U+FFFD.
std::string Utf16ToUtf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size() * 3);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const char16_t unit = units[i];
    if (IsLeadSurrogate(unit) && i + 1 < units.size() && IsTrailSurrogate(units[i + 1])) {
      const char32_t code_point =
          0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (units[i + 1] - 0xDC00);
      AppendCodePointAsUtf8(code_point, &out);
      ++i;
    } else if (IsLeadSurrogate(unit) || IsTrailSurrogate(unit)) {
      out.append(kReplacementCharacterUtf8);
    } else {
      AppendCodePointAsUtf8(unit, &out);
    }
  }
  return out;
}

// x-user-defined: ASCII as is, bytes 0x80..0xFF to U+F780..U+F7FF.
std::string DecodeXUserDefined(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 3);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out.push_back(c);
    } else {
      AppendCodePointAsUtf8(0xF700 + static_cast<char32_t>(byte), &out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Where the WHATWG gb18030 index differs from ICU's GB18030-2005 converter.

struct Gb18030Correction {
  char16_t icu;     // what ICU decodes the two bytes to (a private-use code point)
  char16_t whatwg;  // what the WHATWG index (and GB18030-2022) decodes them to
};

// A3 A0 is U+3000 in the index, kept for deployed content; the other 18 are
// the GB18030-2022 mappings of A6D9..A6F3 and FE59..FEA0 to real characters.
// ICU decodes each of these bytes pairs, and only them, to its PUA value.
constexpr std::array<Gb18030Correction, 19> kGb18030Corrections{{
    {0xE5E5, 0x3000},  // A3 A0
    {0xE78D, 0xFE10},  // A6 D9
    {0xE78E, 0xFE12},  // A6 DA
    {0xE78F, 0xFE11},  // A6 DB
    {0xE790, 0xFE13},  // A6 DC
    {0xE791, 0xFE14},  // A6 DD
    {0xE792, 0xFE15},  // A6 DE
    {0xE793, 0xFE16},  // A6 DF
    {0xE794, 0xFE17},  // A6 EC
    {0xE795, 0xFE18},  // A6 ED
    {0xE796, 0xFE19},  // A6 F3
    {0xE81E, 0x9FB4},  // FE 59
    {0xE826, 0x9FB5},  // FE 61
    {0xE82B, 0x9FB6},  // FE 66
    {0xE82C, 0x9FB7},  // FE 67
    {0xE832, 0x9FB8},  // FE 6D
    {0xE843, 0x9FB9},  // FE 7E
    {0xE854, 0x9FBA},  // FE 90
    {0xE864, 0x9FBB},  // FE A0
}};

void CorrectGb18030(std::u16string& units) {
  for (char16_t& unit : units) {
    if (unit < 0xE5E5 || unit > 0xE864) continue;
    for (const Gb18030Correction& correction : kGb18030Corrections) {
      if (correction.icu == unit) {
        unit = correction.whatwg;
        break;
      }
    }
  }
}

// iso-8859-16 bytes A0..FF (WHATWG index-iso-8859-16; 00..9F map to themselves).
// Decoded here because not every ICU data build has the converter.
constexpr std::array<char16_t, 96> kIso885916High{{
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7,  //
    0x0161, 0x00A9, 0x0218, 0x00AB, 0x0179, 0x00AD, 0x017A, 0x017B,  //
    0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,  //
    0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C,  //
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0106, 0x00C6, 0x00C7,  //
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,  //
    0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A,  //
    0x0170, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0118, 0x021A, 0x00DF,  //
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,  //
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,  //
    0x0111, 0x0144, 0x00F2, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x015B,  //
    0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF,  //
}};

std::string DecodeIso885916(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    AppendCodePointAsUtf8(byte < 0xA0 ? byte : kIso885916High[byte - 0xA0], &out);
  }
  return out;
}

// ---------------------------------------------------------------------------
// ICU decoders.

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// What the to-Unicode callback does with malformed or unmapped input.
struct MalformedInputPolicy {
  bool stop = false;               // stop converting (strict check) instead of writing U+FFFD
  bool lone_0x80_is_euro = false;  // the WHATWG gb18030 decoder maps byte 0x80 to U+20AC
};
constexpr MalformedInputPolicy kSubstitute{false, false};
constexpr MalformedInputPolicy kGb18030Substitute{false, true};
constexpr MalformedInputPolicy kGb18030Stop{true, true};

// UConverterToUCallback. Leaving *error set makes ICU stop the conversion.
void OnMalformedInput(const void* context, UConverterToUnicodeArgs* args, const char* code_units,
                      int32_t length, UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to do
  const auto* policy = static_cast<const MalformedInputPolicy*>(context);
  UChar replacement = 0xFFFD;
  if (policy->lone_0x80_is_euro && length == 1 &&
      static_cast<unsigned char>(code_units[0]) == 0x80) {
    replacement = 0x20AC;
  } else if (policy->stop) {
    return;
  }
  *error = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

// The ICU converter for a WHATWG encoding decoded through ICU; nullptr for the
// ones decoded here (utf-8, replacement, x-user-defined, iso-8859-16).
const char* IcuConverterName(std::string_view encoding) {
  struct IcuEntry {
    std::string_view encoding;
    const char* icu_name;
  };
  static constexpr std::array<IcuEntry, 38> kIcuNames{{
      {"gbk", "gb18030"},
      {"gb18030", "gb18030"},
      {"big5", "Big5-HKSCS"},  // WHATWG's big5 index is Big5 plus HKSCS
      {"shift_jis", "windows-31j"},
      {"euc-jp", "EUC-JP"},
      {"iso-2022-jp", "ISO-2022-JP"},
      {"euc-kr", "windows-949"},
      {"utf-16le", "UTF-16LE"},
      {"utf-16be", "UTF-16BE"},
      {"ibm866", "IBM866"},
      {"iso-8859-2", "ISO-8859-2"},
      {"iso-8859-3", "ISO-8859-3"},
      {"iso-8859-4", "ISO-8859-4"},
      {"iso-8859-5", "ISO-8859-5"},
      {"iso-8859-6", "ISO-8859-6"},
      {"iso-8859-7", "ISO-8859-7"},
      {"iso-8859-8", "ISO-8859-8"},
      {"iso-8859-8-i", "ISO-8859-8"},  // same bytes; only the display direction differs
      {"iso-8859-10", "ISO-8859-10"},
      {"iso-8859-13", "ISO-8859-13"},
      {"iso-8859-14", "ISO-8859-14"},
      {"iso-8859-15", "ISO-8859-15"},
      {"koi8-r", "KOI8-R"},
      {"koi8-u", "KOI8-U"},
      {"macintosh", "macintosh"},
      {"x-mac-cyrillic", "x-mac-cyrillic"},
      {"windows-874", "windows-874"},
      {"windows-1250", "windows-1250"},
      {"windows-1251", "windows-1251"},
      {"windows-1252", "windows-1252"},
      {"windows-1253", "windows-1253"},
      {"windows-1254", "windows-1254"},
      {"windows-1255", "windows-1255"},
      {"windows-1256", "windows-1256"},
      {"windows-1257", "windows-1257"},
      {"windows-1258", "windows-1258"},
      {"replacement", nullptr},
      {"x-user-defined", nullptr},
  }};
  for (const IcuEntry& entry : kIcuNames) {
    if (entry.encoding == encoding) return entry.icu_name;
  }
  return nullptr;
}

// Opens an ICU converter with the given malformed-input policy; nullptr when
// ICU does not have it. `policy` must have static storage duration.
ConverterPtr OpenDecoder(const char* icu_name, const MalformedInputPolicy* policy) {
  if (icu_name == nullptr) return nullptr;
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(icu_name, &error));
  if (U_FAILURE(error) || converter == nullptr) return nullptr;
  error = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter.get(), OnMalformedInput, policy, nullptr, nullptr, &error);
  if (U_FAILURE(error)) return nullptr;
  return converter;
}

// Decodes all of `bytes` (non-empty) to UTF-8. Returns nullopt when ICU
// reported an error, which under a stopping policy means malformed input.
// `gb18030` applies the WHATWG index corrections.
std::optional<std::string> ConvertToUtf8(UConverter* converter, std::string_view bytes,
                                         bool gb18030) {
  // No supported decoder yields more UTF-16 units than input bytes, except for
  // a final U+FFFD; the loop grows the buffer anyway if that ever fails.
  std::u16string units(bytes.size() + 16, u'\0');
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  UChar* target = units.data();
  for (;;) {
    UErrorCode error = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, units.data() + units.size(), &source, source_end,
                   /*offsets=*/nullptr, /*flush=*/true, &error);
    const auto used = static_cast<std::size_t>(target - units.data());
    if (error == U_BUFFER_OVERFLOW_ERROR) {
      units.resize(units.size() * 2);
      target = units.data() + used;
      continue;
    }
    if (U_FAILURE(error)) return std::nullopt;
    units.resize(used);
    if (gb18030) CorrectGb18030(units);
    return Utf16ToUtf8(units);
  }
}

// GB18030-decodes `bytes`, stopping at the first malformed or unmapped sequence.
// nullopt if there was one (or ICU lacks gb18030).
std::optional<std::string> DecodeGb18030Strict(std::string_view bytes) {
  const ConverterPtr converter = OpenDecoder("gb18030", &kGb18030Stop);
  if (converter == nullptr || bytes.empty()) return std::nullopt;
  return ConvertToUtf8(converter.get(), bytes, /*gb18030=*/true);
}

// Decodes `bytes` with `encoding` (a WHATWG name), replacing malformed input
// with U+FFFD; sets page->utf8 and page->encoding (the decoder really used).
void DecodeLossy(std::string_view bytes, std::string_view encoding, DecodedPage* page) {
  if (encoding == kGbk) encoding = kGb18030;  // gbk's decoder is gb18030's
  page->encoding = std::string(encoding);
  if (bytes.empty()) {
    page->utf8.clear();
    return;
  }
  if (encoding == kUtf8) {
    page->utf8 = DecodeUtf8Lossy(bytes, ScanUtf8(bytes).first_error);
    return;
  }
  if (encoding == kReplacement) {
    page->utf8 = std::string(kReplacementCharacterUtf8);
    return;
  }
  if (encoding == kXUserDefined) {
    page->utf8 = DecodeXUserDefined(bytes);
    return;
  }
  if (encoding == kIso885916) {
    page->utf8 = DecodeIso885916(bytes);
    return;
  }
  const bool is_gb18030 = encoding == kGb18030;
  const ConverterPtr converter =
      OpenDecoder(IcuConverterName(encoding), is_gb18030 ? &kGb18030Substitute : &kSubstitute);
  if (converter != nullptr) {
    if (std::optional<std::string> utf8 = ConvertToUtf8(converter.get(), bytes, is_gb18030)) {
      page->utf8 = std::move(*utf8);
      return;
    }
  }
  // ICU unusable (no data): never fail, show the bytes as UTF-8.
  page->encoding = std::string(kUtf8);
  page->utf8 = DecodeUtf8Lossy(bytes, ScanUtf8(bytes).first_error);
}

// Encodings in which every ASCII byte decodes to itself, so pure-ASCII input
// can be copied without a decoder.
bool IsAsciiCompatible(std::string_view encoding) {
  return encoding != kUtf16Le && encoding != kUtf16Be && encoding != kIso2022Jp &&
         encoding != kReplacement;
}

// Decodes a page whose encoding was declared (HTTP or <meta>) with that
// encoding, as a browser does, even when the bytes say otherwise; a plainly
// contradicted declaration sets charset_mismatch, the explanation of the
// mojibake the page then shows.
void DecodeDeclared(std::string_view bytes, std::string_view encoding, DecodedPage* page) {
  if (encoding == kUtf16Le || encoding == kUtf16Be) {
    DecodeLossy(bytes, encoding, page);
    return;
  }
  const Utf8Scan scan = ScanUtf8(bytes);
  if (encoding == kUtf8) {
    page->encoding = std::string(kUtf8);
    if (scan.Valid(bytes)) {
      page->utf8 = std::string(bytes);
      return;
    }
    // Invalid UTF-8 has a byte >= 0x80, which a clean GB18030 decode turns
    // into a non-ASCII character, so success here means GBK text.
    page->charset_mismatch = DecodeGb18030Strict(bytes).has_value();
    page->utf8 = DecodeUtf8Lossy(bytes, scan.first_error);
    return;
  }
  // A legacy encoding. Valid UTF-8 with multi-byte sequences is essentially
  // never legacy text.
  if (scan.Valid(bytes) && scan.has_non_ascii && encoding != kReplacement) {
    page->charset_mismatch = true;
  }
  if (scan.Valid(bytes) && !scan.has_non_ascii && IsAsciiCompatible(encoding)) {
    page->utf8 = std::string(bytes);
    page->encoding = std::string(encoding == kGbk ? kGb18030 : encoding);
    return;
  }
  DecodeLossy(bytes, encoding, page);
}

// ---------------------------------------------------------------------------
// Content-Type parsing.

// Reads one parameter value starting at *position (just past '='), quoted or
// not, and leaves *position at the ';' that ends the parameter (or the end).
std::string ReadParameterValue(std::string_view text, std::size_t* position) {
  std::size_t i = *position;
  while (i < text.size() && IsHttpWhitespace(text[i])) ++i;
  std::string value;
  if (i < text.size() && text[i] == '"') {
    // An HTTP quoted-string: backslash escapes the next character.
    ++i;
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      value.push_back(text[i]);
      ++i;
    }
    const std::size_t end = text.find(';', i);
    *position = end == std::string_view::npos ? text.size() : end;
    return value;
  }
  const std::size_t end = std::min(text.find(';', i), text.size());
  value = std::string(TrimHttpWhitespace(text.substr(i, end - i)));
  *position = end;
  return value;
}

// ---------------------------------------------------------------------------
// The <meta> prescan (HTML "prescan a byte stream to determine its encoding").

struct Attribute {
  std::string name;   // lower-cased, as the spec does
  std::string value;  // case kept, so the label is reported verbatim
};

enum class AttributeResult {
  kAttribute,   // *attribute was filled in
  kNone,        // reached the tag's '>'
  kOutOfBytes,  // the input ended first: the whole prescan gives up
};

// HTML "get an attribute". *position is left where the spec leaves it.
AttributeResult GetAttribute(std::string_view input, std::size_t* position, Attribute* attribute) {
  std::size_t& i = *position;
  while (i < input.size() && (IsAsciiWhitespace(input[i]) || input[i] == '/')) ++i;
  if (i >= input.size()) return AttributeResult::kOutOfBytes;
  if (input[i] == '>') return AttributeResult::kNone;
  attribute->name.clear();
  attribute->value.clear();

  // Name.
  for (;;) {
    if (i >= input.size()) return AttributeResult::kOutOfBytes;
    const char c = input[i];
    if (c == '=' && !attribute->name.empty()) break;
    if (IsAsciiWhitespace(c)) {
      while (i < input.size() && IsAsciiWhitespace(input[i])) ++i;
      if (i >= input.size()) return AttributeResult::kOutOfBytes;
      if (input[i] != '=') return AttributeResult::kAttribute;  // no value
      break;
    }
    if (c == '/' || c == '>') return AttributeResult::kAttribute;  // no value
    attribute->name.push_back(ToAsciiLower(c));
    ++i;
  }
  ++i;  // past '='

  // Value.
  while (i < input.size() && IsAsciiWhitespace(input[i])) ++i;
  if (i >= input.size()) return AttributeResult::kOutOfBytes;
  const char first = input[i];
  if (first == '"' || first == '\'') {
    for (++i; i < input.size(); ++i) {
      if (input[i] == first) {
        ++i;
        return AttributeResult::kAttribute;
      }
      attribute->value.push_back(input[i]);
    }
    return AttributeResult::kOutOfBytes;
  }
  if (first == '>') return AttributeResult::kAttribute;  // empty value
  for (; i < input.size(); ++i) {
    if (IsAsciiWhitespace(input[i]) || input[i] == '>') return AttributeResult::kAttribute;
    attribute->value.push_back(input[i]);
  }
  return AttributeResult::kOutOfBytes;
}

// HTML "extracting a character encoding from a meta element" on a content
// attribute; returns the label (not yet looked up), or nullopt.
std::optional<std::string_view> ExtractCharsetFromMetaContent(std::string_view content) {
  constexpr std::string_view kCharset = "charset";
  std::size_t i = 0;
  for (;;) {
    const std::size_t found = FindIgnoreAsciiCase(content, kCharset, i);
    if (found == std::string_view::npos) return std::nullopt;
    i = found + kCharset.size();
    while (i < content.size() && IsAsciiWhitespace(content[i])) ++i;
    if (i >= content.size() || content[i] != '=') continue;  // search again from here
    ++i;
    while (i < content.size() && IsAsciiWhitespace(content[i])) ++i;
    if (i >= content.size()) return std::nullopt;
    const char first = content[i];
    if (first == '"' || first == '\'') {
      const std::size_t close = content.find(first, i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return content.substr(i + 1, close - i - 1);
    }
    std::size_t end = i;
    while (end < content.size() && !IsAsciiWhitespace(content[end]) && content[end] != ';') ++end;
    return content.substr(i, end - i);
  }
}

enum class MetaResult { kFound, kNotFound, kOutOfBytes };

// Processes a <meta> tag's attributes; *position starts just after "<meta".
// On kFound, *label is the declared label (known to LookupEncoding).
MetaResult ProcessMetaTag(std::string_view input, std::size_t* position, std::string* label) {
  std::vector<std::string> seen_names;
  bool got_pragma = false;
  std::optional<bool> need_pragma;
  bool charset_set = false;  // the spec's "charset is not null"
  bool charset_known = false;
  std::string charset;
  Attribute attribute;
  for (;;) {
    const AttributeResult result = GetAttribute(input, position, &attribute);
    if (result == AttributeResult::kOutOfBytes) return MetaResult::kOutOfBytes;
    if (result == AttributeResult::kNone) break;
    if (std::find(seen_names.begin(), seen_names.end(), attribute.name) != seen_names.end()) {
      continue;
    }
    seen_names.push_back(attribute.name);
    if (attribute.name == "http-equiv") {
      if (EqualsIgnoreAsciiCase(attribute.value, "content-type")) got_pragma = true;
    } else if (attribute.name == "content") {
      const std::optional<std::string_view> extracted =
          ExtractCharsetFromMetaContent(attribute.value);
      if (extracted && LookupEncoding(*extracted) && !charset_set) {
        charset_set = true;
        charset_known = true;
        charset = std::string(TrimAsciiWhitespace(*extracted));
        need_pragma = true;
      }
    } else if (attribute.name == "charset") {
      charset_set = true;
      charset_known = LookupEncoding(attribute.value).has_value();
      charset = std::string(TrimAsciiWhitespace(attribute.value));
      need_pragma = false;
    }
  }
  if (!need_pragma.has_value()) return MetaResult::kNotFound;
  if (*need_pragma && !got_pragma) return MetaResult::kNotFound;
  if (!charset_known) return MetaResult::kNotFound;
  *label = std::move(charset);
  return MetaResult::kFound;
}

// "<meta" (any case) followed by whitespace or '/'.
bool StartsMetaTag(std::string_view rest) {
  return rest.size() >= 6 && EqualsIgnoreAsciiCase(rest.substr(0, 5), "<meta") &&
         (IsAsciiWhitespace(rest[5]) || rest[5] == '/');
}

// '<', optionally '/', then an ASCII letter.
bool StartsTag(std::string_view rest) {
  if (rest.size() >= 2 && rest[0] == '<' && IsAsciiAlpha(rest[1])) return true;
  return rest.size() >= 3 && rest[0] == '<' && rest[1] == '/' && IsAsciiAlpha(rest[2]);
}

// ---------------------------------------------------------------------------
// Byte-order marks.

struct Bom {
  std::string_view encoding;
  std::size_t length;
};

std::optional<Bom> SniffBom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return Bom{kUtf8, 3};
  if (bytes.substr(0, 2) == "\xFF\xFE") return Bom{kUtf16Le, 2};
  if (bytes.substr(0, 2) == "\xFE\xFF") return Bom{kUtf16Be, 2};
  return std::nullopt;
}

}  // namespace

std::optional<std::string> EncodingNameForLabel(std::string_view label) {
  const std::optional<std::string_view> name = LookupEncoding(label);
  if (!name) return std::nullopt;
  return std::string(*name);
}

std::string CharsetFromContentType(std::string_view content_type) {
  std::size_t i = content_type.find(';');
  while (i < content_type.size()) {
    ++i;  // past ';'
    const std::size_t name_start = i;
    while (i < content_type.size() && content_type[i] != ';' && content_type[i] != '=') ++i;
    if (i >= content_type.size() || content_type[i] == ';') continue;  // a parameter without '='
    const std::string_view name =
        TrimHttpWhitespace(content_type.substr(name_start, i - name_start));
    ++i;  // past '='
    std::string value = ReadParameterValue(content_type, &i);
    // The first charset parameter with a non-empty value wins.
    if (EqualsIgnoreAsciiCase(name, "charset")) {
      const std::string_view trimmed = TrimAsciiWhitespace(value);
      if (!trimmed.empty()) return std::string(trimmed);
    }
  }
  return {};
}

std::optional<std::string> PrescanMetaCharset(std::string_view bytes) {
  const std::string_view input = bytes.substr(0, kPrescanLimit);
  std::size_t i = 0;
  while (i < input.size()) {
    const std::string_view rest = input.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      // Ends at the first "-->"; its dashes may be those of "<!--".
      const std::size_t end = input.find("-->", i + 2);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 2;  // at '>'
    } else if (StartsMetaTag(rest)) {
      i += 5;  // at the whitespace or '/' after "<meta"
      std::string label;
      switch (ProcessMetaTag(input, &i, &label)) {
        case MetaResult::kFound:
          return label;
        case MetaResult::kOutOfBytes:
          return std::nullopt;
        case MetaResult::kNotFound:
          break;
      }
    } else if (StartsTag(rest)) {
      const std::size_t end = input.find_first_of("\t\n\f\r >", i);
      if (end == std::string_view::npos) return std::nullopt;
      i = end;
      Attribute ignored;
      AttributeResult result;
      while ((result = GetAttribute(input, &i, &ignored)) == AttributeResult::kAttribute) {
      }
      if (result == AttributeResult::kOutOfBytes) return std::nullopt;
    } else if (rest.size() >= 2 && rest[0] == '<' &&
               (rest[1] == '!' || rest[1] == '/' || rest[1] == '?')) {
      const std::size_t end = input.find('>', i + 1);
      if (end == std::string_view::npos) return std::nullopt;
      i = end;
    }
    ++i;
  }
  return std::nullopt;
}

DecodedPage DecodePage(std::string_view bytes, std::string_view content_type) {
  DecodedPage page;
  std::string http_label = CharsetFromContentType(content_type);

  if (const std::optional<Bom> bom = SniffBom(bytes)) {
    page.source = EncodingSource::kBom;
    page.declared_label = std::move(http_label);
    DecodeLossy(bytes.substr(bom->length), bom->encoding, &page);
    return page;
  }

  if (const std::optional<std::string_view> encoding = LookupEncoding(http_label)) {
    page.source = EncodingSource::kHttpHeader;
    page.declared_label = std::move(http_label);
    DecodeDeclared(bytes, *encoding, &page);
    return page;
  }

  if (std::optional<std::string> meta_label = PrescanMetaCharset(bytes)) {
    std::string_view encoding = LookupEncoding(*meta_label).value_or(kUtf8);
    // A document that can declare itself in ASCII is not UTF-16.
    if (encoding == kUtf16Le || encoding == kUtf16Be) encoding = kUtf8;
    if (encoding == kXUserDefined) encoding = kWindows1252;
    page.source = EncodingSource::kMetaTag;
    page.declared_label = std::move(*meta_label);
    DecodeDeclared(bytes, encoding, &page);
    return page;
  }

  // Nothing usable declared. An unknown HTTP label is still reported.
  page.source = EncodingSource::kSniffed;
  page.declared_label = std::move(http_label);
  const Utf8Scan scan = ScanUtf8(bytes);
  if (scan.Valid(bytes)) {
    page.encoding = std::string(kUtf8);
    page.utf8 = std::string(bytes);
    return page;
  }
  DecodeLossy(bytes, kGb18030, &page);
  return page;
}

std::string_view EncodingSourceName(EncodingSource source) {
  switch (source) {
    case EncodingSource::kBom:
      return "bom";
    case EncodingSource::kHttpHeader:
      return "http";
    case EncodingSource::kMetaTag:
      return "meta";
    case EncodingSource::kSniffed:
      return "sniffed";
  }
  return "unknown";
}

}  // namespace badgewatch::verifier
