#include "crawler/http_fetcher.h"

#include "crawler/detail/curl_multi_driver.h"

namespace badgewatch::crawler {

Result<std::unique_ptr<HttpFetcher>> HttpFetcher::Create(boost::asio::io_context& io,
                                                         const FetchLimits& limits,
                                                         AddressPolicy policy) {
  auto driver = std::make_unique<detail::CurlMultiDriver>(io, limits, policy);
  const Status status = driver->Init();
  if (!status.ok()) return status;
  return std::make_unique<HttpFetcher>(std::move(driver));
}

HttpFetcher::HttpFetcher(std::unique_ptr<detail::CurlMultiDriver> driver)
    : driver_(std::move(driver)) {}

HttpFetcher::~HttpFetcher() = default;

void HttpFetcher::Fetch(FetchRequest request, Callback callback) {
  driver_->Fetch(std::move(request), std::move(callback));
}

std::size_t HttpFetcher::in_flight() const { return driver_->in_flight(); }

std::string_view FetchFailureName(FetchFailure kind) {
  switch (kind) {
    case FetchFailure::kConnect:
      return "connection failed";
    case FetchFailure::kRefused:
      return "connection refused";
    case FetchFailure::kTimeout:
      return "timeout";
    case FetchFailure::kTls:
      return "TLS error";
    case FetchFailure::kTooLarge:
      return "too-large";
    case FetchFailure::kPolicy:
      return "address refused";
    case FetchFailure::kProtocol:
      return "protocol error";
  }
  return "protocol error";
}

}  // namespace badgewatch::crawler
