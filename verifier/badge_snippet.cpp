#include "verifier/badge_snippet.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "foundation/ascii.h"
#include "verifier/detail/utf8_append.h"

namespace badgewatch::verifier {
namespace {

using foundation::AsciiLower;
using foundation::EqualsIgnoreCase;
using foundation::FindIgnoreCase;
using foundation::HexDigitValue;
using foundation::IsAsciiDigit;
using foundation::IsAsciiSpace;
using foundation::StartsWithIgnoreCase;
using foundation::TrimAsciiSpace;

constexpr std::string_view kBadgeHost = "dcs.conac.cn";
constexpr std::string_view kStatusHost = "bszs.conac.cn";
constexpr std::size_t kIdDigits = 21;
// Lengths of the path segments /js/{P2}/{C3}/{D4}/{N8}/ that repeat the id's first 17 digits.
constexpr std::array<std::size_t, 4> kPathDigitGroups = {2, 3, 4, 8};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// A URL split into what badge recognition needs. `host` is empty for a
// relative reference.
struct UrlParts {
  std::optional<BadgeScheme> scheme;  // nullopt: relative reference
  std::string_view host;
  std::string_view path;  // without query and fragment
};

// Splits an absolute (http/https/protocol-relative) URL; nullopt for other
// schemes; a relative reference gets no scheme and no host.
std::optional<UrlParts> SplitUrl(std::string_view url) {
  url = TrimAsciiSpace(url);
  UrlParts parts;
  std::string_view rest;
  if (StartsWithIgnoreCase(url, "http://")) {
    parts.scheme = BadgeScheme::kHttp;
    rest = url.substr(7);
  } else if (StartsWithIgnoreCase(url, "https://")) {
    parts.scheme = BadgeScheme::kHttps;
    rest = url.substr(8);
  } else if (url.starts_with("//")) {
    parts.scheme = BadgeScheme::kProtocolRelative;
    rest = url.substr(2);
  } else {
    const std::size_t colon = url.find(':');
    const std::size_t slash = url.find_first_of("/?#");
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
      return std::nullopt;  // another scheme: javascript:, data:, ftp: ...
    }
    parts.path = url.substr(0, url.find_first_of("?#"));
    return parts;
  }
  const std::size_t host_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, host_end);
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    if (AllDigits(authority.substr(colon + 1)) || colon + 1 == authority.size()) {
      authority = authority.substr(0, colon);
    }
  }
  if (authority.ends_with('.')) authority.remove_suffix(1);
  parts.host = authority;
  if (host_end != std::string_view::npos) {
    std::string_view path = rest.substr(host_end);
    parts.path = path.substr(0, path.find_first_of("?#"));
  }
  return parts;
}

// "CA" + 21 digits + ".js" (letter case ignored) -> "CA" + digits; else empty.
std::string IdFromFileName(std::string_view file) {
  if (file.size() != 2 + kIdDigits + 3 || !StartsWithIgnoreCase(file, "ca") ||
      !EqualsIgnoreCase(file.substr(2 + kIdDigits), ".js")) {
    return {};
  }
  const std::string_view digits = file.substr(2, kIdDigits);
  if (!AllDigits(digits)) return {};
  return "CA" + std::string(digits);
}

// Fills id and well_formed from the part of the path after "/js/".
void ReadBadgePath(std::string_view after_js, BadgeScriptUrl& url) {
  const std::size_t last_slash = after_js.rfind('/');
  const std::string_view file =
      last_slash == std::string_view::npos ? after_js : after_js.substr(last_slash + 1);
  url.id = IdFromFileName(file);
  url.well_formed = false;
  if (url.id.empty() || last_slash == std::string_view::npos) return;
  std::string_view dirs = after_js.substr(0, last_slash);
  std::string path_digits;
  for (std::size_t i = 0; i < kPathDigitGroups.size(); ++i) {
    const std::size_t slash = dirs.find('/');
    const std::string_view segment = dirs.substr(0, slash);
    if (segment.size() != kPathDigitGroups[i] || !AllDigits(segment)) return;
    path_digits.append(segment);
    if ((slash == std::string_view::npos) != (i + 1 == kPathDigitGroups.size())) return;
    dirs = slash == std::string_view::npos ? std::string_view() : dirs.substr(slash + 1);
  }
  url.well_formed = std::string_view(url.id).substr(2, path_digits.size()) == path_digits;
}

// ---- a small JavaScript reader for document.write(...) arguments ----

class ScriptReader {
 public:
  explicit ScriptReader(std::string_view text) : text_(text) {}

  std::vector<WrittenScriptSrc> FindWrittenScriptSrcs();

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void SkipSpaceAndComments();
  void SkipLineComment();
  void SkipBlockComment();
  void SkipRegexLiteral();
  std::string ReadStringLiteral();  // at the opening quote
  std::string_view ReadIdentifierPath();
  std::optional<std::string> ReadStringExpression(int depth);

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool IsIdentifierChar(char c) {
  return foundation::IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

void ScriptReader::SkipLineComment() {
  while (!AtEnd() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
}

void ScriptReader::SkipBlockComment() {
  const std::size_t end = text_.find("*/", pos_ + 2);
  pos_ = end == std::string_view::npos ? text_.size() : end + 2;
}

void ScriptReader::SkipRegexLiteral() {
  ++pos_;  // the opening '/'
  bool in_class = false;
  while (!AtEnd()) {
    const char c = text_[pos_++];
    if (c == '\\') {
      ++pos_;
    } else if (c == '\n' || c == '\r') {
      return;  // not a regex after all; resume scanning on the next line
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '/') {
      return;
    }
  }
}

void ScriptReader::SkipSpaceAndComments() {
  while (!AtEnd()) {
    const char c = text_[pos_];
    if (IsAsciiSpace(c) || c == '\v') {
      ++pos_;
    } else if (c == '/' && Peek(1) == '/') {
      SkipLineComment();
    } else if (c == '/' && Peek(1) == '*') {
      SkipBlockComment();
    } else {
      return;
    }
  }
}

std::string ScriptReader::ReadStringLiteral() {
  const char quote = text_[pos_++];
  std::string value;
  while (!AtEnd()) {
    const char c = text_[pos_++];
    if (c == quote) return value;
    if (c != '\\') {
      value.push_back(c);
      continue;
    }
    if (AtEnd()) break;
    const char e = text_[pos_++];
    switch (e) {
      case 'n':
        value.push_back('\n');
        break;
      case 't':
        value.push_back('\t');
        break;
      case 'r':
        value.push_back('\r');
        break;
      case 'b':
        value.push_back('\b');
        break;
      case 'f':
        value.push_back('\f');
        break;
      case 'v':
        value.push_back('\v');
        break;
      case '0':
        value.push_back('\0');
        break;
      case '\r':
        if (Peek() == '\n') ++pos_;
        break;
      case '\n':
        break;  // line continuation
      case 'x':
        if (pos_ + 2 <= text_.size() && foundation::IsAsciiHexDigit(text_[pos_]) &&
            foundation::IsAsciiHexDigit(text_[pos_ + 1])) {
          detail::AppendUtf8(value, static_cast<char32_t>(HexDigitValue(text_[pos_]) * 16 +
                                                          HexDigitValue(text_[pos_ + 1])));
          pos_ += 2;
        } else {
          value.push_back('x');
        }
        break;
      case 'u': {
        char32_t cp = 0;
        std::size_t digits = 0;
        if (Peek() == '{') {
          std::size_t p = pos_ + 1;
          while (p < text_.size() && foundation::IsAsciiHexDigit(text_[p]) && digits < 6) {
            cp = cp * 16 + static_cast<char32_t>(HexDigitValue(text_[p++]));
            ++digits;
          }
          if (digits > 0 && p < text_.size() && text_[p] == '}') {
            pos_ = p + 1;
            detail::AppendUtf8(value, cp);
            break;
          }
        } else {
          while (digits < 4 && pos_ + digits < text_.size() &&
                 foundation::IsAsciiHexDigit(text_[pos_ + digits])) {
            cp = cp * 16 + static_cast<char32_t>(HexDigitValue(text_[pos_ + digits]));
            ++digits;
          }
          if (digits == 4) {
            pos_ += 4;
            detail::AppendUtf8(value, cp);
            break;
          }
        }
        value.push_back('u');
        break;
      }
      default:
        value.push_back(e);
        break;  // \' \" \\ \/ and any other character
    }
  }
  return value;  // unterminated: what was read
}

std::string_view ScriptReader::ReadIdentifierPath() {
  const std::size_t start = pos_;
  while (!AtEnd() && (IsIdentifierChar(text_[pos_]) || text_[pos_] == '.')) ++pos_;
  return text_.substr(start, pos_ - start);
}

// Reads `"..." + unescape('...') + ...` up to (not including) the closing ')'
// of the call. nullopt when the argument is anything else (a variable, a call).
std::optional<std::string> ScriptReader::ReadStringExpression(int depth) {
  constexpr int kMaxNesting = 8;
  if (depth > kMaxNesting) return std::nullopt;
  std::string value;
  while (true) {
    SkipSpaceAndComments();
    const char c = Peek();
    if (c == '"' || c == '\'' || c == '`') {
      if (c == '`' && text_.find("${", pos_) < text_.find('`', pos_ + 1)) return std::nullopt;
      value += ReadStringLiteral();
    } else if (c == '(') {
      ++pos_;
      auto inner = ReadStringExpression(depth + 1);
      SkipSpaceAndComments();
      if (!inner || Peek() != ')') return std::nullopt;
      ++pos_;
      value += *inner;
    } else if (IsIdentifierChar(c)) {
      const std::string_view name = ReadIdentifierPath();
      SkipSpaceAndComments();
      if ((name != "unescape" && name != "window.unescape" && name != "decodeURIComponent" &&
           name != "decodeURI") ||
          Peek() != '(') {
        return std::nullopt;
      }
      ++pos_;
      auto inner = ReadStringExpression(depth + 1);
      SkipSpaceAndComments();
      if (!inner || Peek() != ')') return std::nullopt;
      ++pos_;
      value += UnescapeJs(*inner);
    } else {
      return std::nullopt;
    }
    SkipSpaceAndComments();
    if (Peek() != '+') return value;
    ++pos_;
  }
}

// The value of attribute `name` in the tag that starts at `tag` ("<script ...>").
std::optional<std::string_view> TagAttribute(std::string_view tag, std::string_view name) {
  std::size_t i = tag.find_first_of(" \t\n\r\f/>");
  while (i < tag.size() && tag[i] != '>') {
    while (i < tag.size() && (IsAsciiSpace(tag[i]) || tag[i] == '/')) ++i;
    const std::size_t name_start = i;
    while (i < tag.size() && !IsAsciiSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' &&
           tag[i] != '/') {
      ++i;
    }
    const std::string_view attr = tag.substr(name_start, i - name_start);
    while (i < tag.size() && IsAsciiSpace(tag[i])) ++i;
    std::string_view value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && IsAsciiSpace(tag[i])) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char quote = tag[i++];
        const std::size_t end = tag.find(quote, i);
        value = tag.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
        i = end == std::string_view::npos ? tag.size() : end + 1;
      } else {
        const std::size_t start = i;
        while (i < tag.size() && !IsAsciiSpace(tag[i]) && tag[i] != '>') ++i;
        value = tag.substr(start, i - start);
      }
    }
    if (!attr.empty() && EqualsIgnoreCase(attr, name)) return value;
    if (attr.empty() && i < tag.size() && tag[i] != '>') ++i;  // stray character
  }
  return std::nullopt;
}

// Appends the src of every <script src=...> tag in an HTML fragment.
void AppendScriptSrcs(std::string_view html, std::size_t offset,
                      std::vector<WrittenScriptSrc>& out) {
  std::size_t pos = 0;
  while ((pos = FindIgnoreCase(html, "<script", pos)) != std::string_view::npos) {
    const std::size_t after = pos + 7;
    if (after < html.size() && !IsAsciiSpace(html[after]) && html[after] != '/' &&
        html[after] != '>') {
      pos = after;
      continue;
    }
    const std::size_t end = html.find('>', after);
    const std::string_view tag =
        html.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1);
    if (auto src = TagAttribute(tag, "src")) out.push_back({std::string(*src), offset});
    pos = after;
  }
}

std::vector<WrittenScriptSrc> ScriptReader::FindWrittenScriptSrcs() {
  std::vector<WrittenScriptSrc> found;
  char previous = '(';  // last significant character: decides whether '/' starts a regex
  while (!AtEnd()) {
    const char c = text_[pos_];
    if (c == '/' && Peek(1) == '/') {
      SkipLineComment();
    } else if (c == '/' && Peek(1) == '*') {
      SkipBlockComment();
    } else if (c == '"' || c == '\'' || c == '`') {
      ReadStringLiteral();
      previous = c;
    } else if (c == '/') {
      if (std::string_view("(,=:[!&|?{};+-*%<>~^").find(previous) != std::string_view::npos) {
        SkipRegexLiteral();
        previous = 'r';
      } else {
        ++pos_;
        previous = '/';
      }
    } else if (IsIdentifierChar(c)) {
      const std::size_t call_start = pos_;
      const std::string_view name = ReadIdentifierPath();
      previous = 'a';
      const bool is_write = name == "document.write" || name == "document.writeln" ||
                            name.ends_with(".document.write") ||
                            name.ends_with(".document.writeln");
      if (!is_write) continue;
      SkipSpaceAndComments();
      if (Peek() != '(') continue;
      ++pos_;
      const std::size_t after_paren = pos_;
      if (auto html = ReadStringExpression(0)) {
        AppendScriptSrcs(*html, call_start, found);
      } else {
        pos_ = after_paren;  // not a literal argument: keep scanning inside it
      }
      previous = '(';
    } else {
      if (!IsAsciiSpace(c)) previous = c;
      ++pos_;
    }
  }
  return found;
}

}  // namespace

std::string_view BadgeSchemeName(BadgeScheme scheme) {
  switch (scheme) {
    case BadgeScheme::kHttp:
      return "http";
    case BadgeScheme::kHttps:
      return "https";
    case BadgeScheme::kProtocolRelative:
      return "protocol-relative";
    case BadgeScheme::kRelative:
      return "relative";
  }
  return "unknown";
}

std::optional<BadgeScriptUrl> ParseBadgeScriptUrl(std::string_view src) {
  const auto parts = SplitUrl(src);
  if (!parts) return std::nullopt;
  BadgeScriptUrl url;
  if (!parts->scheme) {
    // An offline mirror keeps CONAC's host name as a directory on the site's own host.
    const std::size_t at = FindIgnoreCase(parts->path, "dcs.conac.cn/js/");
    if (at == std::string_view::npos) return std::nullopt;
    url.scheme = BadgeScheme::kRelative;
    ReadBadgePath(parts->path.substr(at + kBadgeHost.size() + 4), url);
    url.well_formed = false;
    return url;
  }
  if (!EqualsIgnoreCase(parts->host, kBadgeHost) || !StartsWithIgnoreCase(parts->path, "/js/")) {
    return std::nullopt;
  }
  url.scheme = *parts->scheme;
  ReadBadgePath(parts->path.substr(4), url);
  return url;
}

bool IsRenderedBadgeImageUrl(std::string_view src) {
  const auto parts = SplitUrl(src);
  if (!parts) return false;
  std::string_view path = parts->path;
  if (!parts->scheme) {
    const std::size_t at = FindIgnoreCase(path, "dcs.conac.cn/image/");
    if (at == std::string_view::npos) return false;
    path = path.substr(at + kBadgeHost.size());
  } else if (!EqualsIgnoreCase(parts->host, kBadgeHost)) {
    return false;
  }
  return StartsWithIgnoreCase(path, "/image/") && path.size() > 11 &&
         EqualsIgnoreCase(path.substr(path.size() - 4), ".png");
}

bool IsBadgeStatusLink(std::string_view href) {
  const auto parts = SplitUrl(href);
  return parts && parts->scheme && EqualsIgnoreCase(parts->host, kStatusHost);
}

std::string UnescapeJs(std::string_view escaped) {
  std::string out;
  out.reserve(escaped.size());
  std::size_t i = 0;
  char32_t pending_high = 0;  // a high surrogate waiting for its low half
  auto flush_pending = [&] {
    if (pending_high != 0) detail::AppendUtf8(out, 0xFFFD);
    pending_high = 0;
  };
  while (i < escaped.size()) {
    const char c = escaped[i];
    if (c == '%' && i + 6 <= escaped.size() && (escaped[i + 1] == 'u' || escaped[i + 1] == 'U')) {
      const std::string_view hex = escaped.substr(i + 2, 4);
      if (std::all_of(hex.begin(), hex.end(), foundation::IsAsciiHexDigit)) {
        char32_t unit = 0;
        for (char h : hex) unit = unit * 16 + static_cast<char32_t>(HexDigitValue(h));
        i += 6;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          flush_pending();
          pending_high = unit;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF && pending_high != 0) {
          detail::AppendUtf8(out, 0x10000 + ((pending_high - 0xD800) << 10) + (unit - 0xDC00));
          pending_high = 0;
        } else {
          flush_pending();
          detail::AppendUtf8(out, unit);
        }
        continue;
      }
    }
    flush_pending();
    if (c == '%' && i + 3 <= escaped.size() && foundation::IsAsciiHexDigit(escaped[i + 1]) &&
        foundation::IsAsciiHexDigit(escaped[i + 2])) {
      detail::AppendUtf8(out, static_cast<char32_t>(HexDigitValue(escaped[i + 1]) * 16 +
                                                    HexDigitValue(escaped[i + 2])));
      i += 3;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  flush_pending();
  return out;
}

std::vector<WrittenScriptSrc> FindDocumentWriteScriptSrcs(std::string_view script) {
  return ScriptReader(script).FindWrittenScriptSrcs();
}

std::string FindBadgeIdText(std::string_view text) {
  std::size_t pos = 0;
  while ((pos = FindIgnoreCase(text, "ca", pos)) != std::string_view::npos) {
    const bool letter_before =
        pos > 0 && (foundation::IsAsciiAlpha(text[pos - 1]) || IsAsciiDigit(text[pos - 1]));
    std::size_t end = pos + 2;
    while (end < text.size() && IsAsciiDigit(text[end])) ++end;
    if (!letter_before && end - pos - 2 == kIdDigits) {
      return "CA" + std::string(text.substr(pos + 2, kIdDigits));
    }
    pos += 2;
  }
  return {};
}

std::optional<std::string> FindInjectedBadgeId(std::string_view script) {
  for (const WrittenScriptSrc& written : FindDocumentWriteScriptSrcs(script)) {
    const auto url = ParseBadgeScriptUrl(written.src);
    if (url && url->well_formed) return url->id;
  }
  constexpr std::string_view kBadgeScriptDir = "dcs.conac.cn/js/";
  for (std::size_t at = FindIgnoreCase(script, kBadgeScriptDir); at != std::string_view::npos;
       at = FindIgnoreCase(script, kBadgeScriptDir, at + kBadgeScriptDir.size())) {
    // The string literal around the URL: back to its opening quote, on to its closing one.
    const std::size_t open = script.find_last_of("\"'`\n", at);
    if (open == std::string_view::npos || script[open] == '\n') continue;
    const std::size_t close = script.find(script[open], at);
    if (close == std::string_view::npos) continue;
    const auto url = ParseBadgeScriptUrl(script.substr(open + 1, close - open - 1));
    if (url && url->well_formed) return url->id;
  }
  return std::nullopt;
}

}  // namespace badgewatch::verifier
