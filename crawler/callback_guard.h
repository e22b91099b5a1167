// A guard for work an object posts to its io_context: handlers bound with
// Bind() do nothing once the guard (a member of the object) is destroyed, so an
// answer, a timer or a finished transfer that was already queued when the
// object went away never touches it. Bind() may be called from any thread; the
// guard is destroyed, and bound handlers run, on the io_context thread.
//
// Example:
//   class Poller { CallbackGuard guard_; ...
//     boost::asio::post(io_, guard_.Bind([this] { OnTick(); }));
#ifndef BADGEWATCH_CRAWLER_CALLBACK_GUARD_H_
#define BADGEWATCH_CRAWLER_CALLBACK_GUARD_H_

#include <memory>
#include <utility>

namespace badgewatch::crawler {

class CallbackGuard {
 public:
  CallbackGuard() = default;
  CallbackGuard(const CallbackGuard&) = delete;
  CallbackGuard& operator=(const CallbackGuard&) = delete;

  // `handler` wrapped so that calling it is a no-op after this guard is gone.
  // The handler's own captures are still destroyed normally.
  template <typename Handler>
  [[nodiscard]] auto Bind(Handler handler) const {
    return [alive = std::weak_ptr<const char>(token_),
            handler = std::move(handler)](auto&&... args) mutable {
      if (alive.expired()) return;
      handler(std::forward<decltype(args)>(args)...);
    };
  }

 private:
  std::shared_ptr<const char> token_ = std::make_shared<const char>('\0');
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_CALLBACK_GUARD_H_
