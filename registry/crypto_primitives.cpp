#include "registry/crypto_primitives.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <vector>

namespace badgewatch::registry {
namespace {

struct DigestContextFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

std::string Hex(const unsigned char* bytes, std::size_t count) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(count * 2);
  for (std::size_t i = 0; i < count; ++i) {
    hex += kDigits[bytes[i] >> 4];
    hex += kDigits[bytes[i] & 0x0f];
  }
  return hex;
}

Status CryptoFailure(const char* what) {
  return Status(StatusCode::kStorage, std::string("openssl: ") + what + " failed");
}

}  // namespace

Result<std::string> Sha256Hex(std::string_view bytes) {
  std::unique_ptr<EVP_MD_CTX, DigestContextFree> ctx(EVP_MD_CTX_new());
  if (!ctx) return CryptoFailure("EVP_MD_CTX_new");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) {
    return CryptoFailure("SHA-256 digest");
  }
  return Hex(digest, length);
}

Result<std::string> RandomHex(std::size_t count) {
  std::vector<unsigned char> bytes(count);
  if (RAND_bytes(bytes.data(), static_cast<int>(count)) != 1) return CryptoFailure("RAND_bytes");
  return Hex(bytes.data(), count);
}

Result<std::string> RandomDigits(std::size_t count) {
  std::string digits;
  while (digits.size() < count) {
    unsigned char byte = 0;
    if (RAND_bytes(&byte, 1) != 1) return CryptoFailure("RAND_bytes");
    if (byte >= 250) continue;  // keep the ten digits equally likely
    digits += static_cast<char>('0' + byte % 10);
  }
  return digits;
}

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace badgewatch::registry
