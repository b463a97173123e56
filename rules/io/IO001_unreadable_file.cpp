// IO001 unreadable-file: the file could not be read, so nothing else is checked.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  if (note.read_status == ReadStatus::unreadable)
    sink.report(Span{0, 0}, "file could not be read: " + note.read_reason);
}
}  // namespace

const RuleInfo kIO001{"IO001", "unreadable-file", "The file could not be read.", Family::IO, Severity::error,
                      FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
