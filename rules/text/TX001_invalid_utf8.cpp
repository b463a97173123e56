// TX001 invalid-utf8: the file is not UTF-8 text, so nothing else is checked.
#include "rules/rules.hpp"

namespace notelint::rules {

namespace {
void check(const Note& note, const Config&, const VaultIndex&, DiagnosticSink& sink) {
  if (note.binary) {
    std::size_t nul = note.text.find('\0');
    sink.report(Span{nul, nul + 1}, "file holds NUL bytes: binary content, not checked further");
  } else if (note.invalid_utf8 != std::string::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(note.text[note.invalid_utf8]));
    sink.report(Span{note.invalid_utf8, note.invalid_utf8 + 1},
                std::string("invalid UTF-8 (byte ") + hex + "): the file is not checked further");
  }
}
}  // namespace

const RuleInfo kTX001{"TX001", "invalid-utf8", "The file is not valid UTF-8 text.", Family::TX, Severity::error,
                      FixAvailability::none, check, nullptr};

}  // namespace notelint::rules
