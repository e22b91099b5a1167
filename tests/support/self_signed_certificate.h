// A throw-away self-signed TLS certificate for loopback HTTPS tests, made with
// the openssl command line in a fresh temporary folder (removed on
// destruction). Test threads only.
#ifndef BADGEWATCH_TESTS_SUPPORT_SELF_SIGNED_CERTIFICATE_H_
#define BADGEWATCH_TESTS_SUPPORT_SELF_SIGNED_CERTIFICATE_H_

#include <string>
#include <vector>

namespace badgewatch::testing {

class SelfSignedCertificate {
 public:
  // A certificate valid for `hosts` (DNS names). Throws std::runtime_error
  // when openssl is missing or fails.
  explicit SelfSignedCertificate(const std::vector<std::string>& hosts);
  ~SelfSignedCertificate();
  SelfSignedCertificate(const SelfSignedCertificate&) = delete;
  SelfSignedCertificate& operator=(const SelfSignedCertificate&) = delete;

  // PEM files; the certificate doubles as the CA bundle a client trusts.
  [[nodiscard]] std::string certificate() const { return dir_ + "/cert.pem"; }
  [[nodiscard]] std::string key() const { return dir_ + "/key.pem"; }

 private:
  std::string dir_;
};

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_SELF_SIGNED_CERTIFICATE_H_
