// SHA-256, secure random values and base64 from OpenSSL (EVP, RAND_bytes), for
// token and SMS-code hashes, the audit chain and mail headers. Pure functions, any thread.
#ifndef BADGEWATCH_REGISTRY_CRYPTO_PRIMITIVES_H_
#define BADGEWATCH_REGISTRY_CRYPTO_PRIMITIVES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "registry/status.h"

namespace badgewatch::registry {

// Lower-case hex SHA-256 of `bytes` (64 characters). Fails with kStorage only
// if OpenSSL cannot build a digest context.
[[nodiscard]] Result<std::string> Sha256Hex(std::string_view bytes);

// `count` random bytes from OpenSSL's CSPRNG, as lower-case hex.
[[nodiscard]] Result<std::string> RandomHex(std::size_t count);

// `count` random decimal digits (uniform, from the CSPRNG).
[[nodiscard]] Result<std::string> RandomDigits(std::size_t count);

// Standard base64 (RFC 4648, with padding), as MIME encoded-words use it.
[[nodiscard]] std::string Base64(std::string_view bytes);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_CRYPTO_PRIMITIVES_H_
