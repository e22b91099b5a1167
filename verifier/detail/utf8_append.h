// Appends one Unicode scalar value to a UTF-8 string. Header-only, pure.
#ifndef BADGEWATCH_VERIFIER_DETAIL_UTF8_APPEND_H_
#define BADGEWATCH_VERIFIER_DETAIL_UTF8_APPEND_H_

#include <string>

namespace badgewatch::verifier::detail {

// Surrogates and values above U+10FFFF are written as U+FFFD.
inline void AppendUtf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace badgewatch::verifier::detail

#endif  // BADGEWATCH_VERIFIER_DETAIL_UTF8_APPEND_H_
