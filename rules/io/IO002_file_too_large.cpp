// IO002 file-too-large: the file is larger than max_file_size, so it is not read.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config& config, const VaultIndex&, DiagnosticSink& sink) {
  if (note.read_status == ReadStatus::too_large)
    sink.report(Span{0, 0}, "file too large: " + std::to_string(note.file_size) + " bytes, more than max_file_size (" +
                                std::to_string(config.max_file_size) + " bytes); not checked");
}
}  // namespace

const RuleInfo kIO002{"IO002", "file-too-large", "The file is larger than max_file_size.", Family::IO,
                      Severity::error, FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
