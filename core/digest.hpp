// SHA-256 from OpenSSL's libcrypto: content hashes of assets and baseline fingerprints.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace notelint {

// A fast 64-bit hash of bytes (MurmurHash64A, not cryptographic): cache keys, checksums, lookups.
std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0x9E3779B97F4A7C15ULL);

// Lower-case hex digest of bytes.
std::string sha256_hex(std::string_view bytes);

// Lower-case hex digest of a file's bytes, read in chunks; nullopt when it cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace notelint
