// libFuzzer target: one byte string through note parsing and every rule, checking invariants.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  notelint::fuzz::check_invariants(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
