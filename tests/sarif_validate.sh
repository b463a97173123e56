#!/usr/bin/env bash
# Validates notelint's SARIF for the example vault and every fixture against the official SARIF
# 2.1.0 schema (ajv) and the Microsoft SARIF multitool's SARIF and GitHub rules.
# Usage: sarif_validate.sh NOTELINT SOURCE_DIR TOOLS_DIR
# The npm tools are installed into TOOLS_DIR when missing; without npm or the registry this fails,
# because a validation that did not run must not look like one that passed.
set -euo pipefail

notelint=$1
source_dir=$2
tools=$3

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

multitool=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
schema=$tools/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
ajv=$tools/node_modules/.bin/ajv

if [[ ! -e $multitool || ! -e $schema || ! -e $ajv || ! -d $tools/node_modules/ajv-formats ]]; then
  command -v npm >/dev/null || fail "npm is not installed; it is needed to install the SARIF validators"
  mkdir -p "$tools"
  echo "installing the SARIF validators into $tools"
  npm install --prefix "$tools" --no-audit --no-fund \
    '@microsoft/sarif-multitool@^5.7.0' 'ajv-cli@^5.0.0' 'ajv-formats@^3.0.1' >&2 ||
    fail "npm could not install @microsoft/sarif-multitool ajv-cli ajv-formats"
fi
[[ -e $multitool && -e $schema && -e $ajv ]] || fail "the SARIF validators are missing after npm install"
# npm may skip the package's postinstall step, which is what makes the tool executable.
[[ -x $multitool ]] || chmod u+x "$multitool"

out=$(mktemp -d "${TMPDIR:-/tmp}/notelint-sarif.XXXXXX")
trap 'rm -rf "$out"' EXIT

# notelint exits 1 on findings; only 2 (usage, config or internal error) is a failure here.
emit() {
  local name=$1
  shift
  local rc=0
  # --no-cache: the fixtures and the example vault stay as they are in the repository.
  "$notelint" "$@" --no-cache --format sarif --output "$out/$name.json" || rc=$?
  ((rc < 2)) || fail "notelint $* exited $rc"
}

cd "$source_dir"
emit examples examples
emit examples-all examples --select ALL
count=2
while IFS= read -r -d '' file; do
  name=$(printf '%s' "${file#tests/fixtures/}" | tr '/ ' '__')
  # As configured by the fixture's folder, and with every rule on, so each rule shows in SARIF.
  emit "$name" "$file"
  emit "$name-all" "$file" --select ALL
  count=$((count + 2))
done < <(find tests/fixtures -name '*.md' -print0 | sort -z)
echo "validating $count SARIF files"

"$ajv" validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$out/*.json" >"$out/ajv.log" 2>&1 || {
  grep -v ' valid$' "$out/ajv.log" >&2
  fail "SARIF does not validate against the SARIF 2.1.0 schema"
}
valid=$(grep -c ' valid$' "$out/ajv.log" || true)
((valid == count)) || fail "ajv validated $valid of $count files"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
mkdir "$out/report"
"$multitool" validate "$out"/*.json --rule-kind "Gh;Sarif" -o "$out/report/val.json" --log ForceOverwrite \
  >"$out/multitool.log" 2>&1 || true
grep -q "Done. $count files scanned" "$out/multitool.log" || {
  cat "$out/multitool.log" >&2
  fail "the SARIF multitool did not scan all $count files"
}
# The multitool always exits 0: its own log says whether a rule found an error.
node - "$out/report/val.json" <<'EOF' || fail "the SARIF multitool reports errors"
const log = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
let errors = 0, others = 0;
for (const run of log.runs || []) {
  for (const n of (run.invocations || []).flatMap(i => i.toolExecutionNotifications || [])) {
    if (n.level === 'error') { errors++; console.error('tool error:', JSON.stringify(n.message)); }
  }
  for (const r of run.results || []) {
    const where = (r.locations || []).map(l => l.physicalLocation && l.physicalLocation.artifactLocation &&
                                           l.physicalLocation.artifactLocation.uri).join(' ');
    const line = `${r.level || 'warning'} ${r.ruleId} ${where} ${JSON.stringify(r.message.arguments || r.message.text)}`;
    if (r.level === 'error') { errors++; console.error(line); } else { others++; console.log(line); }
  }
}
console.log(`multitool: ${errors} errors, ${others} other results`);
process.exit(errors ? 1 : 0);
EOF
echo "all $count SARIF files are valid"
