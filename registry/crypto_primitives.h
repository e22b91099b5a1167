// SHA-256, secure random values, hex and base64 from OpenSSL (EVP, RAND_bytes),
// for token and SMS-code hashes, password salts, the audit chain and mail
// headers. Pure functions, any thread.
#ifndef BADGEWATCH_REGISTRY_CRYPTO_PRIMITIVES_H_
#define BADGEWATCH_REGISTRY_CRYPTO_PRIMITIVES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "foundation/status.h"

namespace badgewatch::registry {

// Lower-case hex SHA-256 of `bytes` (64 characters). Fails with kStorage only
// if OpenSSL cannot build a digest context.
[[nodiscard]] Result<std::string> Sha256Hex(std::string_view bytes);

// `count` random bytes from OpenSSL's CSPRNG, as lower-case hex.
[[nodiscard]] Result<std::string> RandomHex(std::size_t count);

// `count` random bytes from OpenSSL's CSPRNG, raw (salts).
[[nodiscard]] Result<std::string> RandomBytes(std::size_t count);

// Lower-case hex of `bytes`.
[[nodiscard]] std::string HexEncode(std::string_view bytes);

// The bytes of a hex string (either case); nullopt for an odd length or a
// character that is not a hex digit.
[[nodiscard]] std::optional<std::string> HexDecode(std::string_view hex);

// Whether `a` and `b` are equal, in time that depends on their lengths only
// (CRYPTO_memcmp): for secrets a caller presents.
[[nodiscard]] bool ConstantTimeEquals(std::string_view a, std::string_view b);

// `count` random decimal digits (uniform, from the CSPRNG).
[[nodiscard]] Result<std::string> RandomDigits(std::size_t count);

// Standard base64 (RFC 4648, with padding), as MIME encoded-words use it.
[[nodiscard]] std::string Base64(std::string_view bytes);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_CRYPTO_PRIMITIVES_H_
