// Decodes the bytes of a fetched page to UTF-8, choosing the encoding the way a
// browser does (WHATWG Encoding Standard): byte-order mark, then the HTTP
// Content-Type charset, then a <meta> prescan of the first 1024 bytes, then
// sniffing (valid UTF-8, else GB18030). Pure functions, safe on any thread.
//
// Example:
//   DecodedPage page = DecodePage(body_bytes, "text/html; charset=gbk");
//   // page.utf8 is ready for Gumbo; page.encoding == "gb18030"
#ifndef BADGEWATCH_VERIFIER_CHARSET_DECODING_H_
#define BADGEWATCH_VERIFIER_CHARSET_DECODING_H_

#include <optional>
#include <string>
#include <string_view>

namespace badgewatch::verifier {

// Where the encoding that was used came from.
enum class EncodingSource {
  kBom,         // a UTF-8 / UTF-16LE / UTF-16BE byte-order mark
  kHttpHeader,  // the charset parameter of the Content-Type header
  kMetaTag,     // <meta charset> or <meta http-equiv="Content-Type"> in the first 1024 bytes
  kSniffed,     // nothing usable was declared: valid UTF-8, else GB18030
};

struct DecodedPage {
  // The page as UTF-8. Malformed input sequences are replaced by U+FFFD, as a
  // browser shows them; the BOM (if any) is removed.
  std::string utf8;
  // Lower-case WHATWG name of the decoder used: "utf-8", "gb18030" (also for
  // the labels gb2312/gbk/x-gbk, whose decoder is GB18030's), "big5",
  // "windows-1252", "shift_jis", "euc-kr", "utf-16le", ...
  std::string encoding;
  EncodingSource source = EncodingSource::kSniffed;
  // The label found in the HTTP header or <meta>, verbatim (trimmed); empty if none.
  std::string declared_label;
  // True when a declared charset was plainly contradicted by the bytes (a page
  // declared UTF-8 whose bytes are GBK, or declared GBK/windows-1252 whose
  // bytes are valid non-ASCII UTF-8). The declaration still decided, as it
  // does in a browser: this explains the mojibake.
  bool charset_mismatch = false;
};

// Maps an encoding label to the lower-case WHATWG encoding name, trimming ASCII
// whitespace and ignoring case ("GB2312" -> "gbk", " latin1 " -> "windows-1252").
// Returns nullopt for a label the Encoding Standard does not know.
[[nodiscard]] std::optional<std::string> EncodingNameForLabel(std::string_view label);

// The charset parameter of a Content-Type value ("text/html; charset=\"GBK\"" ->
// "GBK"); empty when there is none.
[[nodiscard]] std::string CharsetFromContentType(std::string_view content_type);

// The WHATWG "prescan a byte stream to determine its encoding" algorithm over
// the first 1024 bytes: returns the label declared by <meta charset=...> or
// <meta http-equiv="content-type" content="...charset=...">, skipping comments
// and other tags; nullopt when none is found.
[[nodiscard]] std::optional<std::string> PrescanMetaCharset(std::string_view bytes);

// Decodes a page. content_type may be empty (a saved file). Never fails: the
// worst case is a best-effort decode with replacement characters.
[[nodiscard]] DecodedPage DecodePage(std::string_view bytes, std::string_view content_type);

// The lower-case name used in reports for an EncodingSource ("bom", "http",
// "meta", "sniffed").
[[nodiscard]] std::string_view EncodingSourceName(EncodingSource source);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_CHARSET_DECODING_H_
