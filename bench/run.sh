#!/usr/bin/env bash
# Benchmark: notelint against the floor (cat, md4c parse-only) and the tools users would pick
# instead, on generated Dendron-style vaults. Runs every tool in one session, alternating rounds,
# and writes medians and ratios to bench/RESULTS.md.
# Usage: bench/run.sh [ROUNDS]   (BENCH_SIZES="1000 10000" limits the vault sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
sizes=${BENCH_SIZES:-1000 10000 50000}
data=bench/.data
tools=bench/.tools
mkdir -p "$data" "$tools"

bash .ci/deps
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j2 >/dev/null
notelint=$PWD/build/notelint
cc -O2 -o "$data/md4c_floor" bench/md4c_floor.c $(pkg-config --cflags --libs md4c)

if [[ ! -x $tools/node_modules/.bin/markdownlint-cli2 ]]; then
  npm install --prefix "$tools" --no-audit --no-fund @rumdl/cli-linux-x64 markdownlint-cli2 remark-cli \
    remark-frontmatter remark-lint-frontmatter-schema remark-validate-links >&2
fi
rumdl=$tools/node_modules/@rumdl/cli-linux-x64/rumdl
bin=$tools/node_modules/.bin

for n in $sizes; do
  vault=$data/v$n
  if [[ ! -f $vault/_corpus.json ]]; then
    python3 ../shared/tools/gen_corpus.py "$vault" "$n" 1 >/dev/null
  fi
  # notelint's config: the corpus's profile and tag vocabulary, as a user of that vault would
  # write it. AS005 is off: the generator numbers figures at random ("图 7" before "图 3" in
  # most notes), a convention no vault that wants AS005 has; with it on, the 10k vault yields
  # 85,000 AS005 findings. The row "notelint-all-rules" measures that too.
  python3 - "$vault" <<'PY'
import json, sys
v = sys.argv[1]
tags = json.load(open(v + "/_corpus.json")).get("tags", [])
base = "profile: dendron\ntags:\n  known: [" + ", ".join(tags) + "]\n"
with open(v + "/.notelint.yaml", "w") as f:
    f.write(base + "rules:\n  ignore: [AS005]  # figures are numbered at random by the generator\n")
with open(v + "/.notelint-all-rules.yaml", "w") as f:
    f.write(base)
PY
  rm -rf "$vault/.notelint_cache" "$data/rumdl-cache-$n"
done

# time_one LABEL VAULT CMD...: appends "label vault wall user+sys maxrss_kb" to $results
results=$data/results.txt
: > "$results"
time_one() {
  local label=$1 vault=$2
  shift 2
  # -o: time writes its line to a file, so the tool's own output and errors can be discarded.
  /usr/bin/time -o "$data/time.out" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
  read -r wall user sys rss < <(tail -1 "$data/time.out")
  echo "$label $vault $wall $(awk -v u="$user" -v s="$sys" "BEGIN{print u + s}") $rss" >> "$results"
}

for round in $(seq "$rounds"); do
  # notelint cold on every size back to back, so that the 50k/10k ratio compares runs made
  # seconds apart (a shared machine's speed drifts over minutes).
  for n in $sizes; do
    time_one notelint-cold "v$n" "$notelint" "$data/v$n" --quiet --exit-zero --no-cache
  done
  for n in $sizes; do
    vault=$data/v$n
    time_one cat "v$n" sh -c "find '$vault' -name '*.md' -print0 | xargs -0 cat"
    time_one md4c-floor "v$n" "$data/md4c_floor" "$vault"
    # Warm: the cache is filled by the previous round's run (or the untimed one below).
    [[ -f $vault/.notelint_cache/notes.bin ]] || "$notelint" "$vault" --quiet --exit-zero >/dev/null 2>&1 || true
    time_one notelint-warm "v$n" "$notelint" "$vault" --quiet --exit-zero
    # rumdl keeps a cache too: cold is --no-cache, warm its default with the cache filled.
    time_one rumdl "v$n" "$rumdl" check --no-cache "$vault"
    if [[ $n != 50000 ]]; then
      [[ -d $data/rumdl-cache-$n ]] || "$rumdl" check --cache-dir "$data/rumdl-cache-$n" "$vault" >/dev/null 2>&1 || true
      time_one rumdl-warm "v$n" "$rumdl" check --cache-dir "$data/rumdl-cache-$n" "$vault"
    fi
    if [[ $n == 10000 ]]; then
      time_one notelint-all-rules "v$n" "$notelint" "$vault" --quiet --exit-zero --no-cache \
        --config "$vault/.notelint-all-rules.yaml"
    fi
    if [[ $n == 1000 ]]; then
      time_one markdownlint-cli2 "v$n" "$bin/markdownlint-cli2" "$vault/**/*.md"
      time_one remark "v$n" "$bin/remark" "$vault" --quiet --frail --use remark-frontmatter \
        --use remark-lint-frontmatter-schema --use remark-validate-links
    fi
  done
done

python3 bench/report.py "$results" "$data" > bench/RESULTS.md
cat bench/RESULTS.md
