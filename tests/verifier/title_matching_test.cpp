#include "verifier/title_matching.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <tuple>

namespace badgewatch::verifier {
namespace {

// U+FFFD REPLACEMENT CHARACTER in UTF-8.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

TEST_CASE("TitleMatching: NormalizeTitle applies NFKC, folds whitespace and trims", "[verifier]") {
  const auto [input, expected] = GENERATE(table<std::string_view, std::string_view>({
      {"", ""},
      {"   ", ""},
      {"杭州市教育局", "杭州市教育局"},
      {"ＡＢＣ１２３", "ABC123"},
      {"ｶﾀｶﾅ", "カタカナ"},
      {"第①号", "第1号"},
      {"e\u0301cole", "\u00E9cole"},
      {"栏目｜杭州市教育局", "栏目|杭州市教育局"},
      {"栏目－杭州市教育局", "栏目-杭州市教育局"},
      {"栏目＿杭州市教育局", "栏目_杭州市教育局"},
      {"栏目：：杭州市教育局", "栏目::杭州市教育局"},
      {"栏目——杭州市教育局", "栏目——杭州市教育局"},
      {"杭州市\u3000教育局", "杭州市 教育局"},
      {"杭州市\u00A0教育局", "杭州市 教育局"},
      {"杭州市\u2003教育局", "杭州市 教育局"},
      {"杭州市 \t\r\n\f\u00A0\u3000 教育局", "杭州市 教育局"},
      {"\u3000\u3000杭州市教育局\u3000\u00A0", "杭州市教育局"},
      {" 通知公告\u3000-\u3000杭州市教育局 ", "通知公告 - 杭州市教育局"},
      {"\u00A0\u3000 \t\n", ""},
      // The ASCII fast path folds and trims the same way.
      {"  News \t\r\n\f List  ", "News List"},
      {"a  b", "a b"},
      {"\tx\n", "x"},
  }));
  CAPTURE(input);
  CHECK(NormalizeTitle(input) == expected);
}

TEST_CASE("TitleMatching: NormalizeTitle replaces invalid UTF-8 without crashing", "[verifier]") {
  SECTION("stray continuation byte") {
    CHECK(NormalizeTitle("abc\x80xyz") == std::string("abc").append(kReplacement).append("xyz"));
  }
  SECTION("truncated sequence at the end") {
    // "杭" is E6 9D AD; its first two bytes alone are one ill-formed sequence.
    CHECK(NormalizeTitle("杭州\xE6\x9D") == std::string("杭州").append(kReplacement));
  }
  SECTION("bytes that never occur in UTF-8") {
    const std::string normalized = NormalizeTitle("\xFF\xFE \xC0\x80 t");
    CHECK(normalized.find(kReplacement) == 0);
    CHECK(normalized.ends_with(" t"));
    CHECK(normalized.find('\xFF') == std::string::npos);
  }
  SECTION("encoded surrogate and embedded NUL") {
    const std::string normalized = NormalizeTitle(std::string_view("\xED\xA0\x80\0a\u3000", 8));
    CHECK(normalized.find(kReplacement) == 0);
    CHECK(normalized.ends_with(std::string_view("\0a", 2)));
  }
}

TEST_CASE("TitleMatching: MatchTitle equal and empty strings", "[verifier]") {
  CHECK(MatchTitle("杭州市教育局", "杭州市教育局") == TitleMatch::kEqual);
  CHECK(MatchTitle("Hangzhou", "Hangzhou") == TitleMatch::kEqual);
  CHECK(MatchTitle("", "") == TitleMatch::kMismatch);
  CHECK(MatchTitle("杭州市教育局", "") == TitleMatch::kMismatch);
  CHECK(MatchTitle("", "杭州市教育局") == TitleMatch::kMismatch);
  CHECK(MatchTitle("教育局", "杭州市教育局") == TitleMatch::kMismatch);
}

TEST_CASE("TitleMatching: MatchTitle accepts the name as a segment beside each separator",
          "[verifier]") {
  const std::string_view separator = GENERATE("-", "_", "|", "—", "——", "::");
  const std::string_view space = GENERATE("", " ");
  const std::string name = "杭州市教育局";
  const std::string gap = std::string(space) + std::string(separator) + std::string(space);
  CAPTURE(separator, space);

  SECTION("name last") { CHECK(MatchTitle("通知公告" + gap + name, name) == TitleMatch::kSegment); }
  SECTION("name first") {
    CHECK(MatchTitle(name + gap + "通知公告", name) == TitleMatch::kSegment);
  }
  SECTION("name in the middle") {
    CHECK(MatchTitle("正文" + gap + name + gap + "通知公告", name) == TitleMatch::kSegment);
  }
  SECTION("name glued to a word on one side") {
    CHECK(MatchTitle("通知公告" + gap + name + "网", name) == TitleMatch::kMismatch);
    CHECK(MatchTitle("市" + name + gap + "通知公告", name) == TitleMatch::kMismatch);
  }
}

TEST_CASE("TitleMatching: MatchTitle refuses names not bounded by a separator", "[verifier]") {
  const auto [title, name] = GENERATE(table<std::string_view, std::string_view>({
      {"杭州市教育局", "教育局"},
      {"教育局通知", "教育局"},
      {"通知公告 杭州市教育局", "杭州市教育局"},
      {"通知公告:杭州市教育局", "杭州市教育局"},
      {"通知公告 : 杭州市教育局", "杭州市教育局"},
      {"通知公告–杭州市教育局", "杭州市教育局"},  // U+2013 EN DASH
      {"通知公告·杭州市教育局", "杭州市教育局"},  // U+00B7 MIDDLE DOT
      {"通知公告/杭州市教育局", "杭州市教育局"},
      {"教育局网 - 首页 - 市教育局", "教育局"},
  }));
  CAPTURE(title, name);
  CHECK(MatchTitle(title, name) == TitleMatch::kMismatch);
}

TEST_CASE("TitleMatching: MatchTitle with separators inside the name", "[verifier]") {
  const std::string_view name = "中共-杭州市委";
  CHECK(MatchTitle("中共-杭州市委", name) == TitleMatch::kEqual);
  CHECK(MatchTitle("要闻 - 中共-杭州市委", name) == TitleMatch::kSegment);
  CHECK(MatchTitle("中共-杭州市委|要闻", name) == TitleMatch::kSegment);
  CHECK(MatchTitle("中共-杭州市委网", name) == TitleMatch::kMismatch);
  // Conversely, the parts of a hyphenated title are segments of it.
  CHECK(MatchTitle("中共-杭州市委", "杭州市委") == TitleMatch::kSegment);
  CHECK(MatchTitle("中共-杭州市委", "中共") == TitleMatch::kSegment);
}

TEST_CASE("TitleMatching: MatchTitle tries every occurrence of the name", "[verifier]") {
  CHECK(MatchTitle("杭州市教育局 - 教育局", "教育局") == TitleMatch::kSegment);
  CHECK(MatchTitle("市教育局通知 | 教育局", "教育局") == TitleMatch::kSegment);
  CHECK(MatchTitle("教育局网 - 教育局", "教育局") == TitleMatch::kSegment);
  // Overlapping occurrences: "aa" in "aaa" twice, bounded only at the end.
  CHECK(MatchTitle("aaa - aa", "aa") == TitleMatch::kSegment);
  CHECK(MatchTitle("aaa", "aa") == TitleMatch::kMismatch);
}

TEST_CASE("TitleMatching: raw titles compared after NormalizeTitle", "[verifier]") {
  const std::string name = NormalizeTitle("杭州市教育局");
  CHECK(MatchTitle(NormalizeTitle(" 通知公告\u3000-\u3000杭州市教育局 "), name) ==
        TitleMatch::kSegment);
  CHECK(MatchTitle(NormalizeTitle("杭州市教育局｜通知公告"), name) == TitleMatch::kSegment);
  CHECK(MatchTitle(NormalizeTitle("通知公告：：杭州市教育局"), name) == TitleMatch::kSegment);
  CHECK(MatchTitle(NormalizeTitle("\u3000杭州市教育局\u00A0"), name) == TitleMatch::kEqual);
  CHECK(MatchTitle(NormalizeTitle("ＨＺ教育局"), NormalizeTitle("HZ教育局")) == TitleMatch::kEqual);
}

}  // namespace
}  // namespace badgewatch::verifier
