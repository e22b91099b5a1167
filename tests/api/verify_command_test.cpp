// `badgewatch verify` through the real command-line parser, in process:
// options, exit codes, JSON fields, error messages.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/cli_run.h"

namespace {

using Run = badgewatch::testing::CliRun;
using badgewatch::testing::RunCli;

const std::string kDemo = BADGEWATCH_DEMO_DIR;

}  // namespace

TEST_CASE("VerifyCommand: a passing page exits 0 with the JSON contract", "[api]") {
  const Run run =
      RunCli({"verify", kDemo + "/pages/01-home-pass.html", "--name", "杭州市教育局", "--badge-id",
              "CA330000000604333780001", "--url", "https://edu.hangzhou.gov.cn/", "--json"});
  REQUIRE(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["verdict"] == "pass");
  CHECK(json["problems"].empty());
  CHECK(json["warnings"].empty());
  CHECK(json["encoding"] == "utf-8");
  CHECK(json["title"] == "杭州市教育局");
  CHECK(json["badge_ids"] == nlohmann::json::array({"CA330000000604333780001"}));
  REQUIRE(json["badges"].size() == 1);
  CHECK(json["badges"][0]["form"] == "script");
  CHECK(json["badges"][0]["scheme"] == "https");
  CHECK(json["badges"][0]["placement"] == "body");
  CHECK(json["badges"][0]["source_offset"].get<std::size_t>() > 0);
  // Seven anchors: the javascript: one is dropped, the relative ones resolve against --url.
  REQUIRE(json["links"].size() == 7);
  CHECK(json["links"][0] == "https://edu.hangzhou.gov.cn/");
  CHECK(json["links"][1] == "https://edu.hangzhou.gov.cn/col/col1/index.html");
  CHECK(json["links"][6] == "https://beian.miit.gov.cn/");
  CHECK(json["site_meta"]["SiteIDCode"] == "3301000021");
  CHECK(json["identifiers"]["icp"] == nlohmann::json::array({"浙ICP备05012345号-1"}));
}

TEST_CASE("VerifyCommand: a failing page exits 1 and names the problem", "[api]") {
  SECTION("json") {
    const Run run = RunCli(
        {"verify", kDemo + "/pages/03-badge-missing.html", "--name", "杭州市教育局", "--json"});
    CHECK(run.code == 1);
    CHECK(nlohmann::json::parse(run.out)["problems"] == nlohmann::json::array({"badge-missing"}));
  }
  SECTION("readable") {
    const Run run =
        RunCli({"verify", kDemo + "/pages/03-badge-missing.html", "--name", "杭州市教育局"});
    CHECK(run.code == 1);
    CHECK(run.out.rfind("FAIL", 0) == 0);
    CHECK(run.out.find("badge-missing") != std::string::npos);
    CHECK(run.out.find("no live CONAC badge script") != std::string::npos);
  }
}

TEST_CASE("VerifyCommand: bad input exits 2 with a clear message", "[api]") {
  SECTION("missing file") {
    const Run run = RunCli({"verify", "/nonexistent/page.html", "--name", "x"});
    CHECK(run.code == 2);
    CHECK(run.err.find("cannot open '/nonexistent/page.html'") != std::string::npos);
    CHECK(run.out.empty());
  }
  SECTION("a directory") {
    const Run run = RunCli({"verify", kDemo, "--name", "x"});
    CHECK(run.code == 2);
    CHECK(run.err.find("it is a directory") != std::string::npos);
  }
  SECTION("missing --name") {
    const Run run = RunCli({"verify", kDemo + "/pages/01-home-pass.html"});
    CHECK(run.code == 2);
    CHECK(run.err.find("--name") != std::string::npos);
  }
  SECTION("a malformed badge id") {
    const Run run = RunCli(
        {"verify", kDemo + "/pages/01-home-pass.html", "--name", "x", "--badge-id", "CA123"});
    CHECK(run.code == 2);
    CHECK(run.err.find("CA followed by 21 digits") != std::string::npos);
  }
  SECTION("an unknown page role") {
    const Run run =
        RunCli({"verify", kDemo + "/pages/01-home-pass.html", "--name", "x", "--page", "about"});
    CHECK(run.code == 2);
  }
  SECTION("no subcommand") { CHECK(RunCli({}).code == 2); }
}

TEST_CASE("VerifyCommand: --help exits 0 and documents the options", "[api]") {
  const Run run = RunCli({"verify", "--help"});
  CHECK(run.code == 0);
  CHECK(run.out.find("--badge-id") != std::string::npos);
  CHECK(run.out.find("--content-type") != std::string::npos);
}
