// SHA-256 from OpenSSL's libcrypto: content hashes of assets and baseline fingerprints.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace notelint {

// Lower-case hex digest of bytes.
std::string sha256_hex(std::string_view bytes);

// Lower-case hex digest of a file's bytes, read in chunks; nullopt when it cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace notelint
