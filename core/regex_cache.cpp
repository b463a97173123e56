#include "core/regex_cache.hpp"

#include <map>
#include <memory>
#include <mutex>

namespace notelint {

const RE2& cached_regex(const std::string& pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<RE2>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[pattern];
  if (!slot) slot = std::make_unique<RE2>(pattern, RE2::Quiet);
  return *slot;
}

}  // namespace notelint
