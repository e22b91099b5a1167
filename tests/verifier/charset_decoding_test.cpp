// Tests for verifier/charset_decoding.h. Byte strings for legacy encodings were
// produced with iconv (e.g. printf '政府' | iconv -f utf-8 -t gbk | xxd).
#include "verifier/charset_decoding.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace badgewatch::verifier {
namespace {

using namespace std::string_literals;
using namespace std::string_view_literals;

constexpr std::string_view kGbkZhengFu = "\xd5\xfe\xb8\xae";  // 政府 in GBK
constexpr std::string_view kGbkZhengFuWangZhan = "\xd5\xfe\xb8\xae\xcd\xf8\xd5\xbe";  // 政府网站
constexpr std::string_view kUtf8ZhengFu = "\xe6\x94\xbf\xe5\xba\x9c";  // 政府 in UTF-8
constexpr std::string_view kFffd = "\xef\xbf\xbd";                     // U+FFFD in UTF-8

TEST_CASE("CharsetDecoding: labels map to WHATWG encoding names", "[verifier]") {
  struct Case {
    std::string_view label;
    std::string_view name;
  };
  const Case cases[] = {
      {"gb2312", "gbk"},
      {"GBK", "gbk"},
      {"x-gbk", "gbk"},
      {"GB_2312-80", "gbk"},
      {"chinese", "gbk"},
      {"csGB2312", "gbk"},
      {"iso-ir-58", "gbk"},
      {"gb18030", "gb18030"},
      {"utf-8", "utf-8"},
      {"UTF8", "utf-8"},
      {" utf-8 ", "utf-8"},
      {"\t\n\f\rutf-8\r\n", "utf-8"},
      {"unicode-1-1-utf-8", "utf-8"},
      {"x-unicode20utf8", "utf-8"},
      {"latin1", "windows-1252"},
      {" latin1 ", "windows-1252"},
      {"ISO-8859-1", "windows-1252"},
      {"ascii", "windows-1252"},
      {"US-ASCII", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"iso-8859-9", "windows-1254"},
      {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"},
      {"cp1251", "windows-1251"},
      {"x-cp1258", "windows-1258"},
      {"iso_8859-2:1987", "iso-8859-2"},
      {"iso-8859-16", "iso-8859-16"},
      {"logical", "iso-8859-8-i"},
      {"visual", "iso-8859-8"},
      {"866", "ibm866"},
      {"koi8", "koi8-r"},
      {"koi8-ru", "koi8-u"},
      {"mac", "macintosh"},
      {"x-mac-ukrainian", "x-mac-cyrillic"},
      {"big5", "big5"},
      {"Big5-HKSCS", "big5"},
      {"x-x-big5", "big5"},
      {"cn-big5", "big5"},
      {"sjis", "shift_jis"},
      {"Shift_JIS", "shift_jis"},
      {"ms932", "shift_jis"},
      {"windows-31j", "shift_jis"},
      {"x-euc-jp", "euc-jp"},
      {"csiso2022jp", "iso-2022-jp"},
      {"ks_c_5601-1987", "euc-kr"},
      {"windows-949", "euc-kr"},
      {"hz-gb-2312", "replacement"},
      {"iso-2022-kr", "replacement"},
      {"utf-16", "utf-16le"},
      {"UTF-16LE", "utf-16le"},
      {"unicodefffe", "utf-16be"},
      {"x-user-defined", "x-user-defined"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    const std::optional<std::string> name = EncodingNameForLabel(c.label);
    REQUIRE(name.has_value());
    CHECK(*name == c.name);
  }

  SECTION("unknown labels") {
    const std::string_view unknown[] = {
        "",
        "   ",
        "utf-7",
        "gb-2312",
        "utf 8",
        "latin-1",
        "utf-8;",
        "x-unknown",
        "gb2312 2",
        "\xc2\xa0utf-8",
        "\vutf-8",
        "utf-8\0"sv,
        "cseucpkdfmtjapanese-and-then-some",
    };
    for (const std::string_view label : unknown) {
      CAPTURE(label);
      CHECK_FALSE(EncodingNameForLabel(label).has_value());
    }
  }
}

TEST_CASE("CharsetDecoding: charset parameter of Content-Type", "[verifier]") {
  struct Case {
    std::string_view content_type;
    std::string_view charset;
  };
  const Case cases[] = {
      {"text/html; charset=gbk", "gbk"},
      {"text/html;charset=GBK", "GBK"},
      {"text/html; charset=\"gb2312\"", "gb2312"},
      {"text/html; charset='gb2312'", "'gb2312'"},  // only double quotes quote
      {"text/html ; CHARSET = utf-8 ", "utf-8"},
      {"TEXT/HTML; Charset=UTF-8", "UTF-8"},
      {"text/html; foo=bar; charset=big5; q=1", "big5"},
      {"text/html; foo=\"a;charset=x\"; charset=gbk", "gbk"},
      {"text/html; charset=\"g\\bk\"", "gbk"},
      {"text/html; charset=\"utf-8\" ; level=1", "utf-8"},
      {"text/html; charset=gbk; charset=utf-8", "gbk"},
      {"text/html; charset=; charset=gbk", "gbk"},
      {"text/html;;charset=gbk", "gbk"},
      {"text/html", ""},
      {"", ""},
      {"text/html;", ""},
      {"text/html; charset=", ""},
      {"text/html; charset=\"\"", ""},
      {"text/html; charset", ""},
      {"text/html; xcharset=gbk", ""},
      {"text/html; charsets=gbk", ""},
      {"charset=gbk", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.content_type);
    CHECK(CharsetFromContentType(c.content_type) == c.charset);
  }
}

TEST_CASE("CharsetDecoding: meta prescan", "[verifier]") {
  struct Case {
    std::string_view html;
    std::optional<std::string_view> label;
  };
  const Case cases[] = {
      {"<meta charset=\"gbk\">", "gbk"},
      {"<META CHARSET=GB2312>", "GB2312"},
      {"<meta charset='utf-8'/>", "utf-8"},
      {"<meta charset = \" gbk \">", "gbk"},
      {"<meta/charset=gbk>", "gbk"},
      {"<html><head><title>t</title><meta charset=big5></head>", "big5"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "gb2312"},
      {"<meta content=\"text/html; charset=gbk\" http-equiv=\"content-type\">", "gbk"},
      {"<META HTTP-EQUIV=CONTENT-TYPE CONTENT='text/html;CHARSET=GBK'>", "GBK"},
      {"<meta http-equiv=\"content-type\" content=\"text/html; charset='big5'\">", "big5"},
      {"<meta http-equiv=\"content-type\" content=\"charset =  utf-8;x\">", "utf-8"},
      {"<meta http-equiv=\"content-type\" content=\"charsetx; charset=gbk\">", "gbk"},
      // content= without the pragma does not count.
      {"<meta content=\"text/html; charset=gbk\">", std::nullopt},
      {"<meta http-equiv=\"refresh\" content=\"0; charset=gbk\">", std::nullopt},
      {"<meta name=\"viewport\" content=\"width=device-width\">", std::nullopt},
      // charset= wins over content= within one tag.
      {"<meta http-equiv=\"content-type\" content=\"text/html; charset=big5\" charset=\"gbk\">",
       "gbk"},
      // The first of duplicate attributes counts.
      {"<meta charset=\"gbk\" charset=\"utf-8\">", "gbk"},
      // Unknown labels are skipped.
      {"<meta charset=\"foo\"><meta charset=\"gbk\">", "gbk"},
      {"<meta charset=\"\"><meta charset=\"gbk\">", "gbk"},
      {"<meta http-equiv=content-type content=\"charset=foo\"><meta charset=gbk>", "gbk"},
      // An unknown charset= is not replaced by content= in the same tag.
      {"<meta charset=foo http-equiv=content-type content=\"charset=gbk\">", std::nullopt},
      // Comments are skipped; "<!-->" is a whole comment.
      {"<!-- <meta charset=\"gbk\"> --><meta charset=\"utf-8\">", "utf-8"},
      {"<!-- -- > <meta charset=gbk> --><meta charset=big5>", "big5"},
      {"<!--><meta charset=\"gbk\">", "gbk"},
      {"<!-- <meta charset=\"gbk\">", std::nullopt},
      // Other tags, with their attributes, are skipped.
      {"<div title=\"<meta charset=gbk>\"><meta charset=utf-8>", "utf-8"},
      {"<a href='x' title='<meta charset=gbk>'></a><meta charset=big5>", "big5"},
      {"<metadata charset=gbk>", std::nullopt},
      {"</meta charset=gbk>", std::nullopt},
      {"<!DOCTYPE html><meta charset=gbk>", "gbk"},
      {"<?xml version=\"1.0\" encoding=\"utf-8\"?><meta charset=gbk>", "gbk"},
      {"<! <meta charset=gbk> ><meta charset=big5>", "big5"},
      // Running out of bytes.
      {"<meta charset=\"gbk", std::nullopt},
      {"<meta charset=gbk", std::nullopt},
      {"<div title=\"x><meta charset=gbk>", std::nullopt},
      {"", std::nullopt},
      {"<html><body>no declaration</body></html>", std::nullopt},
      // Reported verbatim, even for labels the decoder later rewrites.
      {"<meta charset=\"UTF-16LE\">", "UTF-16LE"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.html);
    const std::optional<std::string> label = PrescanMetaCharset(c.html);
    REQUIRE(label.has_value() == c.label.has_value());
    if (c.label) CHECK(*label == *c.label);
  }

  SECTION("only the first 1024 bytes are scanned") {
    const std::string meta = "<meta charset=gbk>";
    CHECK(PrescanMetaCharset(std::string(1024 - meta.size(), ' ') + meta) == "gbk");
    CHECK_FALSE(PrescanMetaCharset(std::string(1024 - meta.size() + 1, ' ') + meta).has_value());
    CHECK_FALSE(PrescanMetaCharset(std::string(1100, ' ') + meta).has_value());
  }
}

TEST_CASE("CharsetDecoding: declared encodings decode legacy bytes", "[verifier]") {
  struct Case {
    std::string content_type;
    std::string bytes;
    std::string_view utf8;
    std::string_view encoding;
  };
  const Case cases[] = {
      {"text/html; charset=gbk", std::string(kGbkZhengFuWangZhan), "政府网站", "gb18030"},
      {"text/html; charset=GB2312", "<p>" + std::string(kGbkZhengFu) + "</p>", "<p>政府</p>",
       "gb18030"},
      {"text/html; charset=gb18030", "\x95\x32\x82\x36", "\xf0\xa0\x80\x80", "gb18030"},  // U+20000
      {"text/html; charset=gbk", "\x80", "€", "gb18030"},  // WHATWG: lone 0x80 is the euro sign
      {"text/html; charset=big5", "\xa4\xa4\xa4\xe5\xba\xf4\xaf\xb8", "中文網站", "big5"},
      {"text/html; charset=shift_jis", "\x93\xfa\x96\x7b\x8c\xea", "日本語", "shift_jis"},
      {"text/html; charset=euc-jp", "\xc6\xfc\xcb\xdc\xb8\xec", "日本語", "euc-jp"},
      {"text/html; charset=iso-2022-jp", "\x1b$BF|K\\8l\x1b(B", "日本語", "iso-2022-jp"},
      {"text/html; charset=euc-kr", "\xc7\xd1\xb1\xb9\xbe\xee", "한국어", "euc-kr"},
      {"text/html; charset=iso-8859-1", "caf\xe9 \x80", "café €", "windows-1252"},
      {"text/html; charset=koi8-r", "\xf0\xd2\xc9\xd7\xc5\xd4", "Привет", "koi8-r"},
      {"text/html; charset=windows-1251", "\xcf\xf0\xe8", "При", "windows-1251"},
      {"text/html; charset=x-user-defined", "a\x80\xff", "a\xef\x9e\x80\xef\x9f\xbf",
       "x-user-defined"},
      {"text/html; charset=hz-gb-2312", "~{<:Ky2;S{#,~}", kFffd, "replacement"},
      {"text/html; charset=utf-16le",
       "<\0p\0>\0"s
       "\x3f\x65\x9c\x5e",
       "<p>政府", "utf-16le"},
      {"text/html; charset=utf-16be", "\x65\x3f\x5e\x9c", "政府", "utf-16be"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.content_type, c.bytes);
    const DecodedPage page = DecodePage(c.bytes, c.content_type);
    CHECK(page.utf8 == c.utf8);
    CHECK(page.encoding == c.encoding);
    CHECK(page.source == EncodingSource::kHttpHeader);
    CHECK_FALSE(page.charset_mismatch);
  }
}

TEST_CASE("CharsetDecoding: byte-order marks", "[verifier]") {
  SECTION("UTF-8 BOM beats the header, which is still reported") {
    const DecodedPage page =
        DecodePage("\xef\xbb\xbf" + std::string(kUtf8ZhengFu), "text/html; charset=gbk");
    CHECK(page.utf8 == kUtf8ZhengFu);
    CHECK(page.encoding == "utf-8");
    CHECK(page.source == EncodingSource::kBom);
    CHECK(page.declared_label == "gbk");
    CHECK_FALSE(page.charset_mismatch);
  }
  SECTION("UTF-16LE BOM page") {
    const std::string bytes =
        "\xff\xfe<\0p\0>\0"s
        "\x3f\x65\x9c\x5e"
        "<\0/\0p\0>\0"s;
    const DecodedPage page = DecodePage(bytes, "text/html; charset=utf-8");
    CHECK(page.utf8 == "<p>政府</p>");
    CHECK(page.encoding == "utf-16le");
    CHECK(page.source == EncodingSource::kBom);
  }
  SECTION("UTF-16LE surrogates: a pair, a lone one, an odd trailing byte") {
    const DecodedPage page = DecodePage(
        "\xff\xfe\x40\xd8\x00\xdc\x00\xd8\x41\x00"s
        "A",
        "");
    CHECK(page.utf8 == "\xf0\xa0\x80\x80"s + std::string(kFffd) + "A" + std::string(kFffd));
    CHECK(page.encoding == "utf-16le");
  }
  SECTION("UTF-16BE BOM page beats a meta tag") {
    const DecodedPage page = DecodePage("\xfe\xff\x65\x3f\x5e\x9c", "");
    CHECK(page.utf8 == "政府");
    CHECK(page.encoding == "utf-16be");
    CHECK(page.source == EncodingSource::kBom);
    CHECK(page.declared_label.empty());
  }
  SECTION("a BOM alone") {
    const DecodedPage page = DecodePage("\xef\xbb\xbf", "");
    CHECK(page.utf8.empty());
    CHECK(page.encoding == "utf-8");
  }
}

TEST_CASE("CharsetDecoding: header beats meta, meta beats sniffing", "[verifier]") {
  const std::string gbk_page =
      "<html><head><meta charset=\"utf-8\"></head><body>" + std::string(kGbkZhengFu) + "</body>";
  const std::string gbk_meta_page =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\"><p>" +
      std::string(kGbkZhengFu);

  SECTION("header") {
    const DecodedPage page = DecodePage(gbk_page, "text/html; charset=gbk");
    CHECK(page.utf8 == "<html><head><meta charset=\"utf-8\"></head><body>政府</body>");
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kHttpHeader);
    CHECK(page.declared_label == "gbk");
    CHECK_FALSE(page.charset_mismatch);
  }
  SECTION("meta when the header has no charset") {
    const DecodedPage page = DecodePage(gbk_meta_page, "text/html");
    CHECK(page.utf8.substr(page.utf8.size() - 9) == "<p>政府");
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kMetaTag);
    CHECK(page.declared_label == "GB2312");
  }
  SECTION("meta when the header's label is unknown") {
    const DecodedPage page = DecodePage(gbk_meta_page, "text/html; charset=bogus");
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kMetaTag);
    CHECK(page.declared_label == "GB2312");
  }
  SECTION("an unknown header label without meta is reported, then sniffed") {
    const DecodedPage page = DecodePage(std::string(kGbkZhengFu), "text/html; charset=bogus");
    CHECK(page.utf8 == "政府");
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kSniffed);
    CHECK(page.declared_label == "bogus");
  }
  SECTION("meta utf-16 means utf-8, meta x-user-defined means windows-1252") {
    const DecodedPage utf16 =
        DecodePage("<meta charset=utf-16le><p>" + std::string(kUtf8ZhengFu), "");
    CHECK(utf16.encoding == "utf-8");
    CHECK(utf16.source == EncodingSource::kMetaTag);
    CHECK(utf16.utf8 == "<meta charset=utf-16le><p>政府");
    const DecodedPage user_defined = DecodePage("<meta charset=x-user-defined>caf\xe9", "");
    CHECK(user_defined.encoding == "windows-1252");
    CHECK(user_defined.utf8 == "<meta charset=x-user-defined>café");
  }
  SECTION("a pure ASCII page keeps its declared legacy encoding") {
    const DecodedPage page = DecodePage("<p>hello</p>", "text/html; charset=gb2312");
    CHECK(page.utf8 == "<p>hello</p>");
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kHttpHeader);
    CHECK_FALSE(page.charset_mismatch);
  }
}

TEST_CASE("CharsetDecoding: a declared charset decides even when the bytes contradict it",
          "[verifier]") {
  SECTION("GBK bytes declared utf-8 in the header are mojibake, as in a browser") {
    const DecodedPage page =
        DecodePage("<p>" + std::string(kGbkZhengFuWangZhan) + "</p>", "text/html; charset=utf-8");
    CHECK(page.utf8.find("政府网站") == std::string::npos);
    CHECK(page.utf8.find(kFffd) != std::string::npos);
    CHECK(page.encoding == "utf-8");
    CHECK(page.source == EncodingSource::kHttpHeader);
    CHECK(page.charset_mismatch);
    CHECK(page.declared_label == "utf-8");
  }
  SECTION("GBK bytes declared utf-8 in meta") {
    const DecodedPage page =
        DecodePage("<meta charset=\"UTF-8\"><p>" + std::string(kGbkZhengFu) + "</p>", "");
    CHECK(page.utf8.find("政府") == std::string::npos);
    CHECK(page.encoding == "utf-8");
    CHECK(page.source == EncodingSource::kMetaTag);
    CHECK(page.charset_mismatch);
    CHECK(page.declared_label == "UTF-8");
  }
  SECTION("valid UTF-8 bytes declared gb2312 are decoded as GBK") {
    const std::string bytes = "<p>" + std::string(kUtf8ZhengFu) + "</p>";
    const DecodedPage page = DecodePage(bytes, "text/html; charset=gb2312");
    CHECK(page.utf8 != bytes);
    CHECK(page.utf8.find("政府") == std::string::npos);
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kHttpHeader);
    CHECK(page.charset_mismatch);
    CHECK(page.declared_label == "gb2312");
  }
  SECTION("valid UTF-8 bytes declared iso-8859-1 in meta are windows-1252") {
    const std::string bytes = "<meta charset=iso-8859-1>caf\xc3\xa9";
    const DecodedPage page = DecodePage(bytes, "");
    CHECK(page.utf8 == "<meta charset=iso-8859-1>caf\xc3\x83\xc2\xa9");  // cafÃ©
    CHECK(page.encoding == "windows-1252");
    CHECK(page.source == EncodingSource::kMetaTag);
    CHECK(page.charset_mismatch);
  }
  SECTION("declared utf-8 with stray bytes that are not GB18030 either") {
    const DecodedPage page =
        DecodePage("<p>" + std::string(kUtf8ZhengFu) + "\xff</p>", "text/html; charset=utf-8");
    CHECK(page.utf8 == "<p>政府" + std::string(kFffd) + "</p>");
    CHECK(page.encoding == "utf-8");
    CHECK(page.source == EncodingSource::kHttpHeader);
    CHECK_FALSE(page.charset_mismatch);
  }
  SECTION("declared gbk with bytes that are neither clean UTF-8 nor clean GBK") {
    const DecodedPage page =
        DecodePage(std::string(kGbkZhengFu) + "\xff", "text/html; charset=gbk");
    CHECK(page.utf8 == "政府" + std::string(kFffd));
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kHttpHeader);
    CHECK_FALSE(page.charset_mismatch);
  }
}

TEST_CASE("CharsetDecoding: sniffing without a declaration", "[verifier]") {
  SECTION("UTF-8") {
    const std::string bytes = "<title>" + std::string(kUtf8ZhengFu) + "</title>";
    const DecodedPage page = DecodePage(bytes, "text/html");
    CHECK(page.utf8 == bytes);
    CHECK(page.encoding == "utf-8");
    CHECK(page.source == EncodingSource::kSniffed);
    CHECK(page.declared_label.empty());
    CHECK_FALSE(page.charset_mismatch);
  }
  SECTION("GBK") {
    const DecodedPage page = DecodePage("<title>" + std::string(kGbkZhengFu) + "</title>", "");
    CHECK(page.utf8 == "<title>政府</title>");
    CHECK(page.encoding == "gb18030");
    CHECK(page.source == EncodingSource::kSniffed);
    CHECK_FALSE(page.charset_mismatch);
  }
  SECTION("ASCII") {
    const DecodedPage page = DecodePage("<p>hello</p>", "");
    CHECK(page.utf8 == "<p>hello</p>");
    CHECK(page.encoding == "utf-8");
  }
  SECTION("broken GB18030 becomes U+FFFD") {
    const DecodedPage page = DecodePage(std::string(kGbkZhengFu) + "\xff" + "a\xd5", "");
    CHECK(page.utf8 == "政府" + std::string(kFffd) + "a" + std::string(kFffd));
    CHECK(page.encoding == "gb18030");
  }
  SECTION("empty input") {
    const DecodedPage page = DecodePage("", "");
    CHECK(page.utf8.empty());
    CHECK(page.encoding == "utf-8");
    CHECK(page.source == EncodingSource::kSniffed);
    CHECK_FALSE(page.charset_mismatch);
  }
  SECTION("empty input with declarations") {
    CHECK(DecodePage("", "text/html; charset=gbk").encoding == "gb18030");
    CHECK(DecodePage("", "text/html; charset=gbk").utf8.empty());
    CHECK(DecodePage("", "text/html; charset=replacement").utf8.empty());
    CHECK(DecodePage("", "text/html; charset=utf-16le").utf8.empty());
  }
}

TEST_CASE("CharsetDecoding: malformed UTF-8 becomes U+FFFD per maximal subpart", "[verifier]") {
  // Behind a UTF-8 BOM the bytes are decoded as UTF-8 whatever they are.
  const std::string r(kFffd);
  struct Case {
    std::string bytes;
    std::string utf8;
  };
  const Case cases[] = {
      {"a\xff"
       "b",
       "a" + r + "b"},
      {"\xe6\x94", r},  // truncated at the end: one U+FFFD
      {"\xe6\x94"
       "A",
       r + "A"},                            // the 'A' is kept
      {"\xf0\x9f\x98", r},                  // truncated 4-byte sequence
      {"\xc0\xaf", r + r},                  // overlong lead
      {"\xe0\x80\x80", r + r + r},          // overlong 3-byte
      {"\xed\xa0\x80", r + r + r},          // surrogate
      {"\xf4\x90\x80\x80", r + r + r + r},  // above U+10FFFF
      {"\x80\xbf", r + r},                  // lone continuation bytes
      {"\xe6\x94\xbf\xe6\xe5\xba\x9c", "政" + r + "府"},
      {"\xe6\x94\xbf\xe5\xba\x9c\xed\xa0\x80", "政府" + r + r + r},  // a CJK run, a surrogate
      {"\xe6\x94\xbf\xe5\xba", "政" + r},                            // a CJK run, truncated
      {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},                      // valid 4-byte
      {"0123456789abcdef\xe6\x94\xbf"
       "0123456789\x80",
       "0123456789abcdef政0123456789" + r},
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    const DecodedPage page = DecodePage("\xef\xbb\xbf" + c.bytes, "");
    CHECK(page.utf8 == c.utf8);
    CHECK(page.encoding == "utf-8");
  }
}

TEST_CASE("CharsetDecoding: source names", "[verifier]") {
  CHECK(EncodingSourceName(EncodingSource::kBom) == "bom");
  CHECK(EncodingSourceName(EncodingSource::kHttpHeader) == "http");
  CHECK(EncodingSourceName(EncodingSource::kMetaTag) == "meta");
  CHECK(EncodingSourceName(EncodingSource::kSniffed) == "sniffed");
}

TEST_CASE("CharsetDecoding: a large GBK page declared utf-8 stays utf-8", "[verifier]") {
  std::string bytes = "<meta charset=\"utf-8\">";
  while (bytes.size() < 60 * 1024) bytes += "<li>" + std::string(kGbkZhengFuWangZhan) + "</li>\n";
  const DecodedPage page = DecodePage(bytes, "text/html");
  CHECK(page.charset_mismatch);
  CHECK(page.encoding == "utf-8");
  CHECK(page.utf8.find("政府") == std::string::npos);
}

TEST_CASE("CharsetDecoding: gb18030 decodes as the WHATWG index says", "[verifier]") {
  struct Case {
    const char* bytes;
    const char* utf8;
  };
  const Case cases[] = {
      {"\xA3\xA0", "\u3000"},  // the full-width space of deployed titles, not U+E5E5
      {"\xA6\xD9", "\uFE10"}, {"\xA6\xDA", "\uFE12"},         {"\xA6\xDB", "\uFE11"},
      {"\xA6\xDC", "\uFE13"}, {"\xA6\xDD", "\uFE14"},         {"\xA6\xDE", "\uFE15"},
      {"\xA6\xDF", "\uFE16"}, {"\xA6\xEC", "\uFE17"},         {"\xA6\xED", "\uFE18"},
      {"\xA6\xF3", "\uFE19"}, {"\xFE\x59", "\u9FB4"},         {"\xFE\x61", "\u9FB5"},
      {"\xFE\x66", "\u9FB6"}, {"\xFE\x67", "\u9FB7"},         {"\xFE\x6D", "\u9FB8"},
      {"\xFE\x7E", "\u9FB9"}, {"\xFE\x90", "\u9FBA"},         {"\xFE\xA0", "\u9FBB"},
      {"\x80", "\u20AC"},     {"\xA8\xBC", "\u1E3F"},         {"\xA1\xA4", "\u00B7"},
      {"\xD5\xFE", "政"},     {"\x81\x30\x81\x30", "\u0080"},
  };
  for (const char* label : {"gbk", "gb18030", "gb2312"}) {
    for (const Case& c : cases) {
      CAPTURE(label, c.utf8);
      const DecodedPage page =
          DecodePage(std::string("<p>") + c.bytes, std::string("text/html; charset=") + label);
      CHECK(page.utf8 == std::string("<p>") + c.utf8);
      CHECK(page.encoding == "gb18030");
    }
  }
  SECTION("a GBK title ending in a full-width space") {
    const DecodedPage page =
        DecodePage("<title>" + std::string(kGbkZhengFu) + "\xA3\xA0</title>", "");
    CHECK(page.utf8 == "<title>政府\u3000</title>");
  }
}

TEST_CASE("CharsetDecoding: iso-8859-16 decodes as iso-8859-16, not gb18030", "[verifier]") {
  const DecodedPage page = DecodePage("\xA1\xA4\xAA\xDE\xFE\x41", "text/html; charset=iso-8859-16");
  CHECK(page.encoding == "iso-8859-16");
  CHECK(page.utf8 == "\u0104\u20AC\u0218\u021A\u021BA");
}

TEST_CASE("CharsetDecoding: every WHATWG label resolves to the standard's encoding", "[verifier]") {
  struct Case {
    const char* label;
    const char* name;
  };
  // At least one label of every encoding, the Chinese ones all.
  const Case cases[] = {
      {"unicode-1-1-utf-8", "utf-8"},
      {"x-unicode20utf8", "utf-8"},
      {"866", "ibm866"},
      {"iso_8859-2:1987", "iso-8859-2"},
      {"l3", "iso-8859-3"},
      {"latin4", "iso-8859-4"},
      {"cyrillic", "iso-8859-5"},
      {"asmo-708", "iso-8859-6"},
      {"sun_eu_greek", "iso-8859-7"},
      {"visual", "iso-8859-8"},
      {"logical", "iso-8859-8-i"},
      {"l6", "iso-8859-10"},
      {"iso885913", "iso-8859-13"},
      {"iso8859-14", "iso-8859-14"},
      {"l9", "iso-8859-15"},
      {"iso-8859-16", "iso-8859-16"},
      {"koi", "koi8-r"},
      {"koi8-ru", "koi8-u"},
      {"x-mac-roman", "macintosh"},
      {"tis-620", "windows-874"},
      {"x-cp1250", "windows-1250"},
      {"cp1251", "windows-1251"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"iso-8859-1", "windows-1252"},
      {"x-cp1253", "windows-1253"},
      {"iso-8859-9", "windows-1254"},
      {"cp1255", "windows-1255"},
      {"x-cp1256", "windows-1256"},
      {"windows-1257", "windows-1257"},
      {"cp1258", "windows-1258"},
      {"x-mac-ukrainian", "x-mac-cyrillic"},
      {"chinese", "gbk"},
      {"csgb2312", "gbk"},
      {"csiso58gb231280", "gbk"},
      {"gb2312", "gbk"},
      {"gb_2312", "gbk"},
      {"gb_2312-80", "gbk"},
      {"GBK", "gbk"},
      {"iso-ir-58", "gbk"},
      {"x-gbk", "gbk"},
      {"gb18030", "gb18030"},
      {"big5-hkscs", "big5"},
      {"x-x-big5", "big5"},
      {"x-euc-jp", "euc-jp"},
      {"csiso2022jp", "iso-2022-jp"},
      {"windows-31j", "shift_jis"},
      {"windows-949", "euc-kr"},
      {"hz-gb-2312", "replacement"},
      {"iso-2022-cn", "replacement"},
      {"iso-2022-cn-ext", "replacement"},
      {"unicodefffe", "utf-16be"},
      {"utf-16", "utf-16le"},
      {"ucs-2", "utf-16le"},
      {"x-user-defined", "x-user-defined"},
      {" \tLatin1\n", "windows-1252"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    CHECK(EncodingNameForLabel(c.label) == std::optional<std::string>(c.name));
  }
  CHECK_FALSE(EncodingNameForLabel("utf-32"));
  CHECK_FALSE(EncodingNameForLabel("gb-18030"));
  CHECK_FALSE(EncodingNameForLabel("iso-8859-16x"));
}

}  // namespace
}  // namespace badgewatch::verifier
