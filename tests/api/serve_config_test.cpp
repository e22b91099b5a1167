// `badgewatch serve --config FILE`: the real executable reads [database] and
// [serve] from the file, the command line wins over it, a bad file is a clear
// error, and SIGTERM stops it cleanly.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "registry/domains.h"
#include "registry/outbox.h"
#include "registry/registry.h"
#include "tests/api/registry_api_fixture.h"
#include "tests/registry/registry_fixture.h"
#include "tests/support/child_process.h"
#include "tests/support/cli_run.h"
#include "tests/support/http_receiver.h"
#include "tests/support/poll_until.h"
#include "tests/support/raw_http_connection.h"

namespace {

using badgewatch::registry::testing::TempDir;
using badgewatch::testing::PollUntil;
using badgewatch::testing::RunCli;

// A loopback port nothing listens on now.
unsigned short FreePort() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(
      io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();
}

// The executable serving with `args`; its first line of output; then SIGTERM.
// Its standard error goes to `err_path` when given.
struct ServeProcess {
  explicit ServeProcess(const std::vector<std::string>& args, const std::string& err_path = "") {
    int out[2];
    REQUIRE(pipe(out) == 0);
    std::fflush(nullptr);
    const pid_t parent = getpid();
    pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      badgewatch::testing::TieToTestProcess(parent);
      dup2(out[1], STDOUT_FILENO);
      if (!err_path.empty()) {
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (err < 0) _exit(127);
        dup2(err, STDERR_FILENO);
      }
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv = {const_cast<char*>(BADGEWATCH_BINARY), const_cast<char*>("serve")};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    output = fdopen(out[0], "r");
    REQUIRE(output != nullptr);
    char line[512] = {};
    if (std::fgets(line, sizeof line, output) != nullptr) first_line = line;
  }

  // SIGTERM; the exit status.
  int Stop() {
    REQUIRE(kill(pid, SIGTERM) == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  ~ServeProcess() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    if (output != nullptr) std::fclose(output);
  }

  pid_t pid = -1;
  std::FILE* output = nullptr;
  std::string first_line;
};

std::string WriteConfig(const TempDir& dir, const std::string& text,
                        const std::string& name = "badgewatch.toml") {
  const std::string path = dir.File(name);
  std::ofstream(path) << text;
  return path;
}

// An SMS gateway that lets connections queue on its listening socket and
// never accepts one: a sender that reached it waits for an answer in vain,
// and the gateway has received nothing.
struct UnansweringGateway {
  UnansweringGateway() {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(listen(fd, 16) == 0);
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0);
    port = ntohs(addr.sin_port);
  }
  ~UnansweringGateway() { close(fd); }
  // Waits up to `limit` for a connection in the queue: a delivery under way.
  bool ConnectionWaiting(std::chrono::milliseconds limit) const {
    pollfd waiting{fd, POLLIN, 0};
    return poll(&waiting, 1, static_cast<int>(limit.count())) == 1;
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/sms"; }

  int fd = -1;
  unsigned short port = 0;
};

// POSTs `body` as the bearer of `token`; the response status.
int PostAs(unsigned short port, const std::string& token, const std::string& target,
           const std::string& body) {
  badgewatch::test::RawHttpConnection connection(
      {boost::asio::ip::make_address("127.0.0.1"), port});
  connection.Send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                  token + "\r\nContent-Type: application/json\r\nContent-Length: " +
                  std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  auto response = connection.ReadResponse();
  REQUIRE(response.has_value());
  return static_cast<int>(response->result_int());
}

// The gateway's requests for `mobile`.
int SmsTo(const badgewatch::registry::testing::HttpReceiver& gateway, const std::string& mobile) {
  int count = 0;
  for (const std::string& body : gateway.bodies()) {
    if (nlohmann::json::parse(body).value("mobile", "") == mobile) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("serve --config: the file's database and listen address, the command line wins",
          "[api]") {
  TempDir dir;
  const unsigned short port = FreePort();
  const std::string db = dir.File("from-config.db");
  const std::string config = WriteConfig(
      dir, "[database]\npath = \"" + db +
               "\"\n[serve]\nlisten = \"127.0.0.1:" + std::to_string(port) + "\"\nworkers = 3\n");
  {
    ServeProcess serve({"--config", config});
    INFO(serve.first_line);
    CHECK(serve.first_line.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
    CHECK(serve.first_line.find(db) != std::string::npos);
    CHECK(serve.Stop() == 0);
  }
  const unsigned short other = FreePort();
  const std::string cli_db = dir.File("from-cli.db");
  ServeProcess serve(
      {"--config", config, "--listen", "127.0.0.1:" + std::to_string(other), "--db", cli_db});
  INFO(serve.first_line);
  CHECK(serve.first_line.find("127.0.0.1:" + std::to_string(other)) != std::string::npos);
  CHECK(serve.first_line.find(cli_db) != std::string::npos);
  CHECK(serve.Stop() == 0);
}

TEST_CASE("serve --config: a bad file is an error that names the file and line", "[api]") {
  TempDir dir;
  const std::string config = WriteConfig(dir, "[serve]\nworkers = \"many\"\n");
  const auto run = RunCli({"serve", "--config", config});
  CHECK(run.code == 2);
  CHECK(run.err.find(config + ":2") != std::string::npos);
  CHECK(run.err.find("serve.workers") != std::string::npos);
  const std::string proxies = WriteConfig(dir, "[serve]\ntrusted_proxies = [\"10.0.0.1\", 7]\n");
  CHECK_THAT(RunCli({"serve", "--config", proxies}).err,
             Catch::Contains("'serve.trusted_proxies' must be an array of strings"));
  const std::string not_an_address = WriteConfig(
      dir, "[serve]\ntrusted_proxies = [\"proxy.example\"]\nlisten = \"127.0.0.1:9\"\n");
  const auto refused = RunCli({"serve", "--config", not_an_address, "--db", dir.File("x.db")});
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains("'proxy.example' is not an IP address or network"));
  const auto missing = RunCli({"serve", "--config", dir.File("nowhere.toml")});
  CHECK(missing.code == 2);
  CHECK(missing.err.find("cannot open") != std::string::npos);
}

TEST_CASE("serve: a registry that fails quick_check is refused at start-up", "[api]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  std::int64_t units_page = 0;
  {
    auto registry = badgewatch::registry::Registry::Open(db);
    REQUIRE(registry.ok());
    auto root = (*registry)->writer().Prepare(
        "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'units'");
    REQUIRE(root.ok());
    REQUIRE(root->Step().value());
    units_page = root->Int(0);
  }  // closed: the log is checkpointed into the file
  {
    // One b-tree page overwritten (a bad sector, a torn copy): the file still
    // opens and its schema reads, only a check of its pages finds it.
    std::fstream file(db, std::ios::binary | std::ios::in | std::ios::out);
    REQUIRE(file);
    file.seekp((units_page - 1) * 4096);
    file.write(std::string(4096, '\xA5').data(), 4096);
  }
  const std::string err = dir.File("serve.err");
  ServeProcess serve({"--db", db, "--listen", "127.0.0.1:0"}, err);
  CHECK(serve.first_line.empty());  // never listened
  CHECK(serve.Stop() == 2);
  std::ifstream errors(err);
  std::string message((std::istreambuf_iterator<char>(errors)), std::istreambuf_iterator<char>());
  CHECK_THAT(message, Catch::StartsWith("badgewatch serve: '" + db + "' is damaged: "));
}

TEST_CASE("serve: a notice queued before serve is killed is delivered once after the restart",
          "[api][delivery]") {
  namespace registry = badgewatch::registry;
  badgewatch::api::testing::RegistryApi api;  // the registry file, a unit with an API token
  const std::string mobile = "13912345678";
  const unsigned short port = FreePort();
  const auto config = [&](const std::string& gateway_url, const std::string& name) {
    return WriteConfig(api.dir,
                       "[database]\npath = \"" + api.path + "\"\n[serve]\nlisten = \"127.0.0.1:" +
                           std::to_string(port) + "\"\n[mail]\ntimeout_ms = 3000\n[sms]\n" +
                           (gateway_url.empty() ? "" : "gateway_url = \"" + gateway_url + "\"\n"),
                       name);
  };
  const auto code_rows = [&] {
    std::vector<registry::OutboxRow> rows;
    for (const registry::OutboxRow& row : registry::ListOutbox(api.registry->writer()).value()) {
      if (row.notification.recipient == mobile) rows.push_back(row);
    }
    return rows;
  };
  UnansweringGateway unanswering;
  std::string first_config;
  bool sender_under_way = false;
  SECTION("no SMS gateway configured yet") { first_config = config("", "first.toml"); }
  SECTION("killed while the gateway has not answered") {
    first_config = config(unanswering.url(), "first.toml");
    sender_under_way = true;
  }
  {
    ServeProcess serve({"--config", first_config}, api.dir.File("first.err"));
    REQUIRE(serve.first_line.find("listening on") != std::string::npos);
    REQUIRE(PostAs(port, api.tokens.at("agency"), "/api/sms-codes",
                   nlohmann::json{{"mobile", mobile}}.dump()) == 201);
    if (sender_under_way) {
      // The sender took the code at once and waits for the gateway's answer
      // (for up to timeout_ms): killed now, in the middle of the delivery.
      REQUIRE(unanswering.ConnectionWaiting(std::chrono::seconds(20)));
    }
    REQUIRE(kill(serve.pid, SIGKILL) == 0);
    REQUIRE(waitpid(serve.pid, nullptr, 0) == serve.pid);
    serve.pid = -1;
  }
  REQUIRE(code_rows().size() == 1);
  CHECK(code_rows()[0].state == "pending");
  CHECK(code_rows()[0].attempts == 0);
  badgewatch::registry::testing::HttpReceiver gateway(200);
  ServeProcess restarted({"--config", config(gateway.url(), "second.toml")},
                         api.dir.File("second.err"));
  REQUIRE(restarted.first_line.find("listening on") != std::string::npos);
  // Delivered after the restart (a claim left by the killed sender lapses
  // first), and recorded as sent after one attempt.
  REQUIRE(PollUntil(
      [&] {
        const std::vector<registry::OutboxRow> rows = code_rows();
        return rows.size() == 1 && rows[0].state == "sent";
      },
      std::chrono::seconds(60)));
  CHECK(code_rows()[0].attempts == 1);
  CHECK(restarted.Stop() == 0);
  CHECK(SmsTo(gateway, mobile) == 1);
  const nlohmann::json sms = nlohmann::json::parse(gateway.bodies().back());
  CHECK_THAT(sms["text"].get<std::string>(), Catch::Contains("验证码"));
  CHECK_THAT(sms["text"].get<std::string>(), Catch::Contains(api.LastSmsCode(mobile)));
}

TEST_CASE("serve --config: [domains] terms reach the routes, the expiry sweep runs at start",
          "[api]") {
  badgewatch::api::testing::RegistryApi api;
  const std::int64_t id = api.RegisteredDomain(api.agency, "教育局.政务");
  // Expired yesterday by the system clock that serve reads.
  const std::int64_t yesterday = std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count() -
                                 86'400;
  auto backdate = api.registry->writer().Prepare("UPDATE domains SET expires_at = ? WHERE id = ?");
  REQUIRE(backdate->Bind({yesterday, id}).ok());
  REQUIRE(backdate->Run().ok());
  const unsigned short port = FreePort();
  const std::string head = "[database]\npath = \"" + api.path +
                           "\"\n[serve]\nlisten = \"127.0.0.1:" + std::to_string(port) + "\"\n";
  const auto state = [&] {
    return badgewatch::registry::LoadDomain(api.registry->writer(), id)->state;
  };
  {
    ServeProcess serve({"--config", WriteConfig(api.dir,
                                                head + "[domains]\nfee_per_year = 500\n"
                                                       "account_name = \"CONAC\"\n"
                                                       "bank = \"某银行\"\n"
                                                       "account_number = \"0200001234\"\n",
                                                "bank.toml")});
    REQUIRE(serve.first_line.find("listening on") != std::string::npos);
    REQUIRE(PollUntil([&] { return state() == "expired"; }, std::chrono::seconds(30)));
    badgewatch::test::RawHttpConnection connection(
        {boost::asio::ip::make_address("127.0.0.1"), port});
    connection.Send("GET /api/units/" + std::to_string(api.agency.unit_id) +
                    "/account HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                    api.tokens.at("agency") + "\r\nConnection: close\r\n\r\n");
    auto response = connection.ReadResponse();
    REQUIRE(response.has_value());
    const nlohmann::json account = nlohmann::json::parse(response->body());
    CHECK(account["fee_per_year_fen"] == 500'00);
    CHECK(account["bank_account"]["account_number"] == "0200001234");
    CHECK(serve.Stop() == 0);
    std::string log;
    char line[512];
    while (std::fgets(line, sizeof line, serve.output) != nullptr) log += line;
    CHECK(log.find("no bank account") == std::string::npos);
  }
  ServeProcess serve({"--config", WriteConfig(api.dir, head, "plain.toml")});
  REQUIRE(serve.first_line.find("listening on") != std::string::npos);
  CHECK(serve.Stop() == 0);
  // The log (standard output) after the first line.
  std::string log;
  char line[512];
  while (std::fgets(line, sizeof line, serve.output) != nullptr) log += line;
  CHECK(log.find("domains: no bank account in the configuration") != std::string::npos);
  CHECK(log.find("domains: no bank account", log.find("no bank account") + 1) ==
        std::string::npos);  // once
}
