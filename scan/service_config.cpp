#include "scan/service_config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "scan/report_messages.h"

namespace badgewatch::scan {
namespace {

// One key of the file and where its value goes, with the allowed range of
// numbers.
struct ConfigKey {
  std::string_view section;
  std::string_view key;
  std::variant<int*, std::int64_t*, bool*, std::string*, std::vector<std::string>*> target;
  std::int64_t min = 0;
  std::int64_t max = std::numeric_limits<int>::max();
};

std::vector<ConfigKey> KeysOf(ServiceConfig& c) {
  constexpr std::int64_t kMaxBytes = std::int64_t{1} << 32;
  return {
      {"database", "path", &c.database.path},
      {"scan", "concurrent_sites", &c.scan.concurrent_sites, 1, 10'000},
      {"scan", "max_connections", &c.scan.max_connections, 1, 100'000},
      {"scan", "per_host", &c.scan.per_host, 1, 64},
      {"scan", "delay_ms", &c.scan.delay_ms, 0, 600'000},
      {"scan", "ignore_robots", &c.scan.ignore_robots},
      {"scan", "allow_private", &c.scan.allow_private},
      {"scan", "metrics_file", &c.scan.metrics_file},
      {"scan", "report_dir", &c.scan.report_dir},
      {"scan", "report_language", &c.scan.report_language},
      {"limits", "max_pages", &c.limits.max_pages, 1, 10'000'000},
      {"limits", "max_page_bytes", &c.limits.max_page_bytes, 1024, kMaxBytes},
      {"limits", "connect_timeout_ms", &c.limits.connect_timeout_ms, 1, 600'000},
      {"limits", "page_timeout_ms", &c.limits.page_timeout_ms, 1, 3'600'000},
      {"limits", "max_url_length", &c.limits.max_url_length, 16, 65'536},
      {"limits", "max_url_depth", &c.limits.max_url_depth, 1, 1'000},
      {"limits", "max_links_per_page", &c.limits.max_links_per_page, 1, 10'000'000},
      {"limits", "site_time_budget", &c.limits.site_time_budget, 1, 7 * 24 * 3'600},
      {"dns", "server", &c.dns.server},
      {"serve", "listen", &c.serve.listen},
      {"serve", "workers", &c.serve.workers, 1, 64},
      {"serve", "max_connections", &c.serve.max_connections, 1, 1'000'000},
      {"serve", "connections_per_address", &c.serve.connections_per_address, 0, 1'000'000},
      {"serve", "in_flight_per_client", &c.serve.in_flight_per_client, 0, 100'000},
      {"serve", "requests_per_second", &c.serve.requests_per_second, 0, 1'000'000},
      {"serve", "request_burst", &c.serve.request_burst, 1, 1'000'000},
      {"serve", "trusted_proxies", &c.serve.trusted_proxies},
      {"serve", "sms_codes_per_day", &c.serve.sms_codes_per_day, 1, 10'000'000},
      {"serve", "access_log", &c.serve.access_log},
      {"serve", "self_check_allow_private", &c.serve.self_check_allow_private},
      {"mail", "smtp_url", &c.mail.smtp_url},
      {"mail", "from", &c.mail.from},
      {"mail", "timeout_ms", &c.mail.timeout_ms, 1, 600'000},
      {"sms", "gateway_url", &c.sms.gateway_url},
      {"domains", "fee_per_year", &c.domains.fee_per_year, 1, 1'000'000},
      {"domains", "grace_days", &c.domains.grace_days, 0, 365},
      {"domains", "account_name", &c.domains.account_name},
      {"domains", "bank", &c.domains.bank},
      {"domains", "account_number", &c.domains.account_number},
  };
}

std::string_view TypeName(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

// Collects the problems of one file; reports them in line order (toml++
// iterates keys in name order), each prefixed with "source:line: ".
class ConfigProblems {
 public:
  explicit ConfigProblems(std::string_view source) : source_(source) {}

  void Add(const toml::node& node, std::string message) {
    problems_.emplace_back(node.source().begin.line, std::move(message));
  }
  [[nodiscard]] bool empty() const { return problems_.empty(); }
  [[nodiscard]] std::string Text() const {
    std::vector<std::pair<toml::source_index, std::string>> sorted = problems_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string text;
    for (const auto& [line, message] : sorted) {
      text += fmt::format("{}{}:{}: {}", text.empty() ? "" : "\n", source_, line, message);
    }
    return text;
  }

 private:
  std::string_view source_;
  std::vector<std::pair<toml::source_index, std::string>> problems_;
};

// Stores `node` in `key.target` when it has the right type and range.
void Assign(const ConfigKey& key, const toml::node& node, ConfigProblems& problems) {
  const std::string name = fmt::format("{}.{}", key.section, key.key);
  const auto wrong_type = [&](std::string_view wanted) {
    problems.Add(node, fmt::format("'{}' must be {}, not {}", name, wanted, TypeName(node.type())));
  };
  std::visit(
      [&](auto* target) {
        using T = std::remove_pointer_t<decltype(target)>;
        if constexpr (std::is_same_v<T, bool>) {
          if (!node.is_boolean()) return wrong_type("true or false");
          *target = node.as_boolean()->get();
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (!node.is_string()) return wrong_type("a string");
          *target = node.as_string()->get();
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          const toml::array* array = node.as_array();
          if (array == nullptr ||
              (!array->empty() && !array->is_homogeneous(toml::node_type::string))) {
            return wrong_type("an array of strings");
          }
          target->clear();
          for (const toml::node& item : *array) target->push_back(item.as_string()->get());
        } else {
          if (!node.is_integer()) return wrong_type("an integer");
          const std::int64_t value = node.as_integer()->get();
          if (value < key.min || value > key.max) {
            return problems.Add(node, fmt::format("'{}' must be between {} and {}, not {}", name,
                                                  key.min, key.max, value));
          }
          *target = static_cast<T>(value);
        }
      },
      key.target);
}

// "HOST:PORT" with a port of 1-65535 (an IPv6 host in brackets).
bool IsHostPort(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != port.npos) {
    return false;
  }
  const int number = std::stoi(std::string(port));
  return number >= 1 && number <= 65535;
}

// Rules across keys, checked after every key was read.
void CheckValues(const ServiceConfig& config, const toml::table& root, ConfigProblems& problems) {
  const auto node_of = [&](std::string_view path) -> const toml::node& {
    const toml::node* node = root.at_path(path).node();
    return node != nullptr ? *node : root;
  };
  if (!ParseLanguage(config.scan.report_language)) {
    problems.Add(node_of("scan.report_language"),
                 fmt::format("'scan.report_language' must be \"zh\" or \"en\", not \"{}\"",
                             config.scan.report_language));
  }
  if (!config.dns.server.empty() && !IsHostPort(config.dns.server)) {
    problems.Add(node_of("dns.server"),
                 fmt::format("'dns.server' must be HOST:PORT, e.g. \"127.0.0.1:53\", not \"{}\"",
                             config.dns.server));
  }
  if (!IsHostPort(config.serve.listen)) {
    problems.Add(
        node_of("serve.listen"),
        fmt::format("'serve.listen' must be HOST:PORT, e.g. \"127.0.0.1:8080\", not \"{}\"",
                    config.serve.listen));
  }
  const ServiceConfig::Domains& domains = config.domains;
  const int account_fields = (domains.account_name.empty() ? 0 : 1) +
                             (domains.bank.empty() ? 0 : 1) +
                             (domains.account_number.empty() ? 0 : 1);
  if (account_fields != 0 && account_fields != 3) {
    problems.Add(node_of("domains"),
                 "'domains.account_name', 'domains.bank' and 'domains.account_number' (户名, "
                 "开户行, 账号) go together: set all three or none");
  }
  if (config.database.path.empty()) {
    problems.Add(node_of("database.path"), "'database.path' must not be empty");
  }
}

}  // namespace

Result<ServiceConfig> ParseServiceConfig(std::string_view text, std::string_view source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("{}:{}: {}", source, e.source().begin.line, e.description()));
  }
  ServiceConfig config;
  const std::vector<ConfigKey> keys = KeysOf(config);
  ConfigProblems problems(source);
  for (const auto& [section_name, section_node] : root) {
    const bool known_section = std::any_of(keys.begin(), keys.end(), [&](const ConfigKey& k) {
      return k.section == section_name.str();
    });
    if (!known_section) {
      problems.Add(section_node,
                   fmt::format("unknown section '{}' (known: database, scan, limits, dns, serve, "
                               "mail, sms, domains)",
                               section_name.str()));
      continue;
    }
    const toml::table* section = section_node.as_table();
    if (section == nullptr) {
      problems.Add(section_node,
                   fmt::format("'{}' must be a table ([{}]), not {}", section_name.str(),
                               section_name.str(), TypeName(section_node.type())));
      continue;
    }
    for (const auto& [key_name, value] : *section) {
      const auto key = std::find_if(keys.begin(), keys.end(), [&](const ConfigKey& k) {
        return k.section == section_name.str() && k.key == key_name.str();
      });
      if (key == keys.end()) {
        problems.Add(value, fmt::format("unknown key '{}.{}'", section_name.str(), key_name.str()));
        continue;
      }
      Assign(*key, value, problems);
    }
  }
  if (problems.empty()) CheckValues(config, root, problems);
  if (!problems.empty()) return Status(StatusCode::kInvalidArgument, problems.Text());
  return config;
}

ScanSettings ScanSettingsFrom(const ServiceConfig& config) {
  ScanSettings settings;
  settings.concurrent_sites = static_cast<std::size_t>(config.scan.concurrent_sites);
  settings.max_pages = static_cast<std::size_t>(config.limits.max_pages);
  settings.per_host = static_cast<std::size_t>(config.scan.per_host);
  settings.max_connections = static_cast<std::size_t>(config.scan.max_connections);
  settings.delay = std::chrono::milliseconds(config.scan.delay_ms);
  settings.dns = config.dns.server;
  settings.allow_private = config.scan.allow_private;
  settings.ignore_robots = config.scan.ignore_robots;
  settings.max_page_bytes = static_cast<std::size_t>(config.limits.max_page_bytes);
  settings.connect_timeout = std::chrono::milliseconds(config.limits.connect_timeout_ms);
  settings.page_timeout = std::chrono::milliseconds(config.limits.page_timeout_ms);
  settings.max_url_length = static_cast<std::size_t>(config.limits.max_url_length);
  settings.max_url_depth = static_cast<std::size_t>(config.limits.max_url_depth);
  settings.max_links_per_page = static_cast<std::size_t>(config.limits.max_links_per_page);
  settings.site_time_budget = std::chrono::seconds(config.limits.site_time_budget);
  return settings;
}

ScanFiles ScanFilesFrom(const ServiceConfig& config) {
  ScanFiles files;
  files.metrics_file = config.scan.metrics_file;
  files.report_dir = config.scan.report_dir;
  // Checked by ParseServiceConfig.
  files.report_language =
      ParseLanguage(config.scan.report_language).value_or(ReportLanguage::kChinese);
  return files;
}

registry::DomainTerms DomainTermsFrom(const ServiceConfig& config) {
  registry::DomainTerms terms;
  terms.fee_per_year_fen = std::int64_t{config.domains.fee_per_year} * 100;
  terms.grace_days = config.domains.grace_days;
  terms.bank_account = {config.domains.account_name, config.domains.bank,
                        config.domains.account_number};
  return terms;
}

Result<ServiceConfig> LoadServiceConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(StatusCode::kStorage,
                  fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return Status(StatusCode::kStorage,
                  fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  return ParseServiceConfig(text.str(), path);
}

}  // namespace badgewatch::scan
