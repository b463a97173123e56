// The fuzz target's invariants over its seed corpus and over every input the fuzzer ever broke
// notelint with (tests/fuzz/regressions/): a fixed finding stays fixed.
#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/fuzz/invariants.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;

TEST_CASE("fuzz seeds and past fuzz findings keep every invariant", "[fuzz]") {
  std::vector<fs::path> inputs;
  for (const char* folder : {"corpus", "regressions"})
    for (const auto& entry : fs::directory_iterator(notelint::test::source_dir() / "tests" / "fuzz" / folder))
      if (entry.is_regular_file() && entry.path().filename() != "README.md") inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(!inputs.empty());
  for (const auto& input : inputs) {
    INFO(input.filename().string());
    // check_invariants aborts on a broken invariant, which fails this test loudly.
    notelint::fuzz::check_invariants(notelint::test::read_text(input));
    SUCCEED();
  }
}
