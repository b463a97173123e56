// Configuration: profiles, strict keys, rule selection and globs.
#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "core/glob.hpp"
#include "core/rule.hpp"

using namespace notelint;

TEST_CASE("globs: *, **, ?, classes and bare names", "[config][glob]") {
  CHECK(glob_match("templates/**", "templates/a.md"));
  CHECK(glob_match("templates/**", "templates/x/y.md"));
  CHECK(!glob_match("templates/**", "other/templates.md"));
  CHECK(glob_match("*.md", "a.md"));
  CHECK(glob_match("*.md", "dir/a.md"));  // no '/' in the pattern: matches the name anywhere
  CHECK(!glob_match("dir/*.md", "dir/sub/a.md"));
  CHECK(glob_match("**/a.md", "a.md"));
  CHECK(glob_match("**/a.md", "x/y/a.md"));
  CHECK(glob_match("daily.journal.*.md", "daily.journal.2023.12.07.md"));
  CHECK(glob_match("note-?.md", "note-1.md"));
  CHECK(glob_match("note-[0-9].md", "note-7.md"));
  CHECK(!glob_match("note-[0-9].md", "note-x.md"));
  CHECK(glob_match("templates/", "templates/a/b.md"));
}

TEST_CASE("profiles set their documented defaults", "[config]") {
  auto dendron = profile_config("dendron");
  CHECK(dendron.front_matter.require);
  CHECK(dendron.front_matter.required == std::vector<std::string>{"id", "title", "desc", "updated", "created"});
  CHECK(dendron.link_style == LinkStyle::dendron);
  auto plain = profile_config("plain");
  CHECK(!plain.front_matter.require);
  CHECK(plain.front_matter.required.empty());
  CHECK_THROWS_AS(profile_config("logseq"), ConfigError);
}

TEST_CASE("every documented key parses; unknown keys and wrong types are located errors", "[config]") {
  auto cfg = parse_config(R"(profile: dendron
exclude: ["templates/**"]
rules: {select: [ALL], ignore: [HD002], severity: {TG001: error}}
front_matter:
  required: [id, title]
  id_pattern: '^[a-z0-9]{23}$'
tags:
  known: [image_generation, MLLM]
sections:
  level: 2
  labels: [研究背景, 研究动机]
  exclude: [Links]
headings: {required: [Summary]}
assets: {roots: [attachments]}
overrides: [{files: ["daily.journal.*.md"], rules: {ignore: [HD]}}]
)",
                          "cfg.yaml");
  CHECK(cfg.profile == "dendron");
  CHECK(cfg.front_matter.required == std::vector<std::string>{"id", "title"});
  CHECK(cfg.sections.labels.size() == 2);
  CHECK(cfg.overrides.size() == 1);

  auto error_of = [](const std::string& text) {
    try {
      parse_config(text, "cfg.yaml");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("profil: dendron\n") == "cfg.yaml:1:1: unknown key 'profil'");
  CHECK(error_of("tags:\n  known: 5\n  nope: 1\n") == "cfg.yaml:3:3: unknown key 'tags.nope'");
  CHECK(error_of("tags: [a]\n") == "cfg.yaml:1:7: 'tags' must be a mapping");
  CHECK(error_of("rules: {select: [QQ]}\n") == "cfg.yaml:1:17: 'rules.select': no rule code or family starts with 'QQ'");
  CHECK(error_of("front_matter: {id_pattern: '('}\n").find("not a valid RE2 pattern") != std::string::npos);
  CHECK(error_of("rules: {severity: {MK001: loud}}\n") == "cfg.yaml:1:27: 'rules.severity.MK001' must be error, warning or info");
  CHECK(error_of("a: [\n").rfind("cfg.yaml:", 0) == 0);
}

TEST_CASE("rule selection: select, ignore, severity and overrides", "[config]") {
  auto cfg = parse_config(R"(rules: {select: [MK, AS], ignore: [MK002], severity: {MK: warning, MK001: info}}
overrides:
  - files: ["daily/*.md"]
    rules: {ignore: [AS]}
  - files: ["strict/*.md"]
    rules: {select: [MK002], severity: {MK002: error}}
)",
                          "cfg.yaml");
  const RuleInfo& mk001 = *find_rule("MK001");
  const RuleInfo& mk002 = *find_rule("MK002");
  const RuleInfo& as001 = *find_rule("AS001");
  const RuleInfo& fm001 = *find_rule("FM001");
  CHECK(cfg.rule_severity(mk001, "a.md") == Severity::info);
  CHECK(!cfg.rule_severity(mk002, "a.md"));
  CHECK(!cfg.rule_severity(fm001, "a.md"));
  CHECK(cfg.rule_severity(as001, "a.md") == Severity::error);
  CHECK(!cfg.rule_severity(as001, "daily/x.md"));
  CHECK(cfg.rule_severity(mk002, "strict/x.md") == Severity::error);
  CHECK(!cfg.rule_severity(mk001, "strict/x.md"));
}
