// The test runner. Commands the tests run keep their result cache in one temporary folder, so
// that linting fixtures or ../shared never writes into them (tests of the cache unset it).
#define CATCH_CONFIG_RUNNER
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char* argv[]) {
  namespace fs = std::filesystem;
  fs::path cache = fs::temp_directory_path() / ("notelint-tests-cache-" + std::to_string(::getpid()));
  setenv("NOTELINT_CACHE_DIR", cache.c_str(), 1);
  int result = Catch::Session().run(argc, argv);
  std::error_code ec;
  fs::remove_all(cache, ec);
  return result;
}
