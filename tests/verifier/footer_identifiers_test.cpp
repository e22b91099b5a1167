#include "verifier/footer_identifiers.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::verifier {
namespace {

using Strings = std::vector<std::string>;

Identifiers Find(std::string_view text) {
  Identifiers ids;
  FindIdentifiers(text, ids);
  return ids;
}

TEST_CASE("FooterIdentifiers: ICP numbers", "[verifier]") {
  const auto [text, expected] = GENERATE(table<std::string_view, std::string_view>({
      {"京ICP备12345678号", "京ICP备12345678号"},
      {"京ICP备12345678号-1", "京ICP备12345678号-1"},
      {"浙ICP备2021012345号-3", "浙ICP备2021012345号-3"},
      {"京ICP证030173号", "京ICP证030173号"},
      {"备案号：粤ICP备05012345号-12 主办", "粤ICP备05012345号-12"},
      {"京ICP备 12345678号", "京ICP备12345678号"},
      {"京ICP备\u00A012345678号", "京ICP备12345678号"},
      {"京ICP备\u300012345678号", "京ICP备12345678号"},
      {"京ICP备\n  12345678号", "京ICP备12345678号"},
      {"京ICP备12345678号-", "京ICP备12345678号"},
      {"京ICP备12345678号-abc", "京ICP备12345678号"},
      {"京ICP备12345678号- 1", "京ICP备12345678号"},
      {"ICP备案号：京ICP备12345678号", "京ICP备12345678号"},
  }));
  CAPTURE(text);
  const Identifiers ids = Find(text);
  CHECK(ids.icp == Strings{std::string(expected)});
  CHECK(ids.public_security.empty());
  CHECK(ids.site_id_codes.empty());
}

TEST_CASE("FooterIdentifiers: public-security numbers lose their inner spaces", "[verifier]") {
  const auto [text, expected] = GENERATE(table<std::string_view, std::string_view>({
      {"京公网安备 11010502000001号", "京公网安备11010502000001号"},
      {"浙公网安备33010602011771号", "浙公网安备33010602011771号"},
      {"京公网安备\u00A0\u00A011010502000001号", "京公网安备11010502000001号"},
      {"京公网安备\u300011010502000001号", "京公网安备11010502000001号"},
  }));
  CAPTURE(text);
  const Identifiers ids = Find(text);
  CHECK(ids.public_security == Strings{std::string(expected)});
  CHECK(ids.icp.empty());
  CHECK(ids.site_id_codes.empty());
}

TEST_CASE("FooterIdentifiers: site id codes", "[verifier]") {
  const auto [text, expected] = GENERATE(table<std::string_view, std::string_view>({
      {"政府网站标识码：3301000001", "3301000001"},
      {"网站标识码3300000035", "3300000035"},
      {"标识码:1100000088", "1100000088"},
      {"标识码 : 1100000088", "1100000088"},
      {"网站标识码： 1100000088。", "1100000088"},
      {"网站标识码\u3000\u00A01100000088", "1100000088"},
      {"网站标识码：1100000088号", "1100000088"},
  }));
  CAPTURE(text);
  const Identifiers ids = Find(text);
  CHECK(ids.site_id_codes == Strings{std::string(expected)});
  CHECK(ids.icp.empty());
  CHECK(ids.public_security.empty());
}

TEST_CASE("FooterIdentifiers: markers without a well-formed number give nothing", "[verifier]") {
  const std::string_view text = GENERATE(
      "", "ICP", "京ICP", "京ICP备", "京ICP备123", "京ICP备 ", "京ICP备号", "京ICP备案号：",
      "ICP备12345678号", "xICP备12345678号", "1ICP备12345678号", "京ICP12345678号",
      "京 ICP备12345678号", "京ICP备１２３４５６７８号", "京ICP备12345678 号",
      "京ICP备123456789012345678901号", "公网安备", "公网安备11010502000001号", "京公网安",
      "京公网安备", "京公网安备 110105", "京公网安备：11010502000001号", "标识码", "网站标识码：",
      "标识码：110000008", "标识码：11000000881", "标识码：11000000",
      "标识码：１１００００００８８", "标识码为1100000088", "\x80\x80\x80ICP备1号",
      "\xE4\xB8ICP备1号", "\xFFICP备\xFF", "\xE6\xA0\x87\xE8\xAF", "\xE4\xBA\xAC\xE5\x85\xAC");
  CAPTURE(text);
  const Identifiers ids = Find(text);
  CHECK(ids.icp.empty());
  CHECK(ids.public_security.empty());
  CHECK(ids.site_id_codes.empty());
}

TEST_CASE("FooterIdentifiers: a view without data gives nothing", "[verifier]") {
  const Identifiers ids = Find(std::string_view());
  CHECK(ids.icp.empty());
  CHECK(ids.public_security.empty());
  CHECK(ids.site_id_codes.empty());
}

TEST_CASE("FooterIdentifiers: several identifiers in order of appearance", "[verifier]") {
  const Identifiers ids = Find(
      "主办：杭州市教育局 浙ICP备2021012345号-3 浙公网安备33010602011771号 "
      "政府网站标识码：3301000001\n"
      "技术支持：某某公司 京ICP证030173号 京公网安备 11010502000001号 网站标识码 1100000088 "
      "京ICP备12345678号-1");
  CHECK(ids.icp == Strings{"浙ICP备2021012345号-3", "京ICP证030173号", "京ICP备12345678号-1"});
  CHECK(ids.public_security == Strings{"浙公网安备33010602011771号", "京公网安备11010502000001号"});
  CHECK(ids.site_id_codes == Strings{"3301000001", "1100000088"});
}

TEST_CASE("FooterIdentifiers: duplicates are kept once", "[verifier]") {
  SECTION("within one text") {
    const Identifiers ids = Find(
        "京ICP备12345678号 京ICP备12345678号 京ICP备 12345678号 京ICP备12345678号-1 "
        "京公网安备 11010502000001号 京公网安备11010502000001号 "
        "标识码：1100000088 网站标识码1100000088");
    CHECK(ids.icp == Strings{"京ICP备12345678号", "京ICP备12345678号-1"});
    CHECK(ids.public_security == Strings{"京公网安备11010502000001号"});
    CHECK(ids.site_id_codes == Strings{"1100000088"});
  }
  SECTION("against what is already in the output") {
    Identifiers ids;
    ids.icp = {"京ICP备12345678号-1"};
    ids.public_security = {"京公网安备11010502000001号"};
    ids.site_id_codes = {"1100000088"};
    FindIdentifiers(
        "京ICP备12345678号-1 浙ICP备2021012345号 京公网安备 11010502000001号 "
        "标识码：1100000088 标识码：3301000001",
        ids);
    CHECK(ids.icp == Strings{"京ICP备12345678号-1", "浙ICP备2021012345号"});
    CHECK(ids.public_security == Strings{"京公网安备11010502000001号"});
    CHECK(ids.site_id_codes == Strings{"1100000088", "3301000001"});
  }
}

TEST_CASE("FooterIdentifiers: numbers at the very end of a long text", "[verifier]") {
  std::string text;
  while (text.size() < 60 * 1024) text += "为进一步规范政府网站建设 ICP 公网 标识 123456789 ";
  SECTION("complete") {
    text += "京ICP备12345678号-1 网站标识码：3301000001";
    const Identifiers ids = Find(text);
    CHECK(ids.icp == Strings{"京ICP备12345678号-1"});
    CHECK(ids.site_id_codes == Strings{"3301000001"});
  }
  SECTION("truncated") {
    text += "京ICP备123";
    const Identifiers ids = Find(text);
    CHECK(ids.icp.empty());
  }
}

}  // namespace
}  // namespace badgewatch::verifier
