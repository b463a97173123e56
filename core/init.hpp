// `notelint init`: propose a .notelint.yaml from what a vault actually holds.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace notelint {

struct ProposedConfig {
  std::string yaml;                 // the file to write, every value commented with its origin
  std::vector<std::string> found;   // what was learnt, one line each, for the terminal
};

// Reads every note under dir (hidden folders and node_modules skipped) and infers the profile,
// the tag vocabulary with near-duplicate alias suggestions, required keys and section labels.
ProposedConfig propose_config(const std::filesystem::path& dir);

}  // namespace notelint
