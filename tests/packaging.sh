#!/usr/bin/env bash
# The release, checked as its users get it (CTest label `packaging`, run once per CI run):
# builds it with packaging/release.sh, checks dist/, installs the .deb and runs the static binary
# in clean Debian 11 and 12 root filesystems and in an empty one (the Docker image's scratch),
# with output identical to the dynamic build; installs the npm tarballs offline; validates
# action.yml and runs it against a file:// release; runs the pre-commit node hooks through
# try-repo; and runs docs/ci.md's recipes as written (github.com replaced by local copies).
# Usage: packaging.sh SOURCE_DIR CACHE_DIR DYNAMIC_BINARY. Root filesystems are cached in
# CACHE_DIR (under the build folder), so a second run does not bootstrap again.
# Exits 77 (CTest: skipped) with the reason when root, debootstrap or Debian's archive is missing.
set -euo pipefail
src=$(cd "$1" && pwd)
cache=$(mkdir -p "$2" && cd "$2" && pwd)
dynamic=$(readlink -f "$3")
mirror=${NOTELINT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
python=/usr/bin/python3
started=$SECONDS

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - started)); }

[[ $(id -u) == 0 ]] || skip "the packaging test needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (bash .ci/deps installs it)"
for tool in lintian help2man dpkg-source npm node pre-commit curl; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (bash .ci/deps installs it)"
done
"$python" -c "import yaml" 2>/dev/null || skip "$python has no yaml module (Debian: python3-yaml)"
for suite in bullseye bookworm; do
  curl -fsS -m 20 -o /dev/null "$mirror/dists/$suite/Release" ||
    skip "Debian's archive ($mirror, $suite) is unreachable"
done

# shellcheck source=packaging/common.sh
source "$src/packaging/common.sh"
version=$(notelint_version "$src")
tmp=$(mktemp -d "$cache/run.XXXXXX")
registry_pid=
project=
cleanup() {
  [[ -z $registry_pid ]] || kill "$registry_pid" 2>/dev/null || true
  # A debootstrap still running is let finish: killed, it could leave its mounts behind.
  wait
  rm -rf "$tmp" ${project:+"$project"}
}
trap cleanup EXIT

# Root filesystems: `debootstrap --variant=minbase SUITE`, made once into CACHE_DIR/rootfs as a
# tarball (in the background while the release builds: it waits on the network, not the CPU),
# then unpacked fresh for each check.
bootstrap() {  # bootstrap SUITE: makes CACHE_DIR/rootfs/SUITE.tar unless it is there
  local suite=$1 tarball="$cache/rootfs/$1.tar"
  [[ -f $tarball ]] && return
  mkdir -p "$cache/rootfs"
  # What an interrupted debootstrap left, its mounts first.
  awk -v d="$cache/rootfs/$suite/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | xargs -r umount -l
  rm -rf "$cache/rootfs/$suite"
  debootstrap --variant=minbase "$suite" "$cache/rootfs/$suite" "$mirror" >"$cache/rootfs/$suite.log" 2>&1 ||
    { tail -20 "$cache/rootfs/$suite.log"; echo "debootstrap $suite failed" >&2; return 1; }
  tar -C "$cache/rootfs/$suite" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
  rm -rf "$cache/rootfs/$suite"
}
declare -A bootstrapping
for suite in bullseye bookworm; do
  bootstrap "$suite" &
  bootstrapping[$suite]=$!
done
rootfs() {  # rootfs SUITE DIR: a fresh copy of the cached root filesystem of SUITE in DIR
  local suite=$1 dir=$2
  if [[ -n ${bootstrapping[$suite]:-} ]]; then
    wait "${bootstrapping[$suite]}" || fail "debootstrap $suite failed (see $cache/rootfs/$suite.log)"
    bootstrapping[$suite]=
  fi
  mkdir -p "$dir" && tar -C "$dir" -xf "$cache/rootfs/$suite.tar"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
}

# ---------------------------------------------------------------------------------------------
step "release: bash packaging/release.sh"
dist="$cache/dist"
NOTELINT_DIST="$dist" NOTELINT_RELEASE_WORK="$cache/release" bash "$src/packaging/release.sh"

step "dist/ holds the five artifacts, each as documented"
name="notelint-$version-x86_64-linux"
expected="$name.tar.gz $name.tar.gz.sha256 notelint-$version.tgz notelint-cli-linux-x64-$version.tgz notelint_${version}_amd64.deb"
[[ $(cd "$dist" && ls | sort | xargs) == $(tr ' ' '\n' <<<"$expected" | sort | xargs) ]] ||
  fail "dist/ holds $(ls "$dist" | xargs), expected $expected"
(cd "$dist" && sha256sum -c --quiet "$name.tar.gz.sha256") || fail "the tarball's .sha256 does not match"
[[ $(tar -tzf "$dist/$name.tar.gz" | sort | xargs) == "$name/ $name/LICENSE $name/README.md $name/THIRD-PARTY-NOTICES $name/notelint" ]] ||
  fail "unexpected tarball contents: $(tar -tzf "$dist/$name.tar.gz" | xargs)"
tar -C "$tmp" -xzf "$dist/$name.tar.gz"
static="$tmp/$name/notelint"
[[ $(readelf -l "$static") != *INTERP* ]] || fail "the release binary is dynamically linked"
grep -q "==== md4c" "$tmp/$name/THIRD-PARTY-NOTICES" || fail "THIRD-PARTY-NOTICES lacks md4c"
deb="$dist/notelint_${version}_amd64.deb"
dpkg-deb -f "$deb" Package Version Architecture Depends | tee "$tmp/control"
grep -qx "Version: $version" "$tmp/control" || fail "the .deb's version is not $version"
contents=$(dpkg-deb -c "$deb")
[[ $contents == *" ./usr/bin/notelint"* ]] || fail "the .deb has no /usr/bin/notelint"
[[ $contents == *" ./usr/share/man/man1/notelint.1.gz"* ]] || fail "the .deb has no man page"
[[ $contents == *" ./usr/share/doc/notelint/copyright"* ]] || fail "the .deb has no copyright file"
lintian --tag-display-limit 0 "$deb" | tee "$tmp/lintian" || true
! grep -q "^E:" "$tmp/lintian" || fail "lintian reports errors on the .deb"
for tgz in "notelint-$version.tgz" "notelint-cli-linux-x64-$version.tgz"; do
  tar -xzOf "$dist/$tgz" package/package.json >"$tmp/package.json"
  "$python" - "$tmp/package.json" "$version" <<'EOF'
import json, sys
package = json.load(open(sys.argv[1]))
assert package["version"] == sys.argv[2], package["version"]
scripts = set(package.get("scripts", {})) & {"preinstall", "install", "postinstall", "prepare"}
assert not scripts, "install scripts: %s" % scripts
if package["name"] == "notelint":
    assert package["optionalDependencies"] == {"@notelint/cli-linux-x64": sys.argv[2]}, package
else:
    assert (package["os"], package["cpu"], package["libc"]) == (["linux"], ["x64"], ["glibc", "musl"]), package
EOF
done
tar -tvzf "$dist/notelint-cli-linux-x64-$version.tgz" >"$tmp/npm-files"
grep -q '^-rwx.* package/bin/notelint$' "$tmp/npm-files" || fail "the npm binary is not executable"

# ---------------------------------------------------------------------------------------------
# What the dynamic build says about the example vault, in every format: the reference.
commands=("check . --no-cache --color never" "check . --no-cache --format json" "check . --no-cache --format github"
  "check . --no-cache --statistics" "rules" "rule MK001")
outputs() {  # outputs RUN DIR: runs each of commands through the function RUN; DIR/N is the Nth's output
  local run=$1 out=$2 n=0
  mkdir -p "$out"
  for args in "${commands[@]}"; do
    n=$((n + 1))
    set +e
    $run "$args" >"$out/$n" 2>&1
    echo "exit $?" >>"$out/$n"
    set -e
  done
}
vault="$tmp/vault"
cp -a "$src/examples" "$vault"
run_dynamic() { (cd "$vault" && eval "\"$dynamic\" $1"); }
outputs run_dynamic "$tmp/expected"
grep -q "^exit 1$" "$tmp/expected/1" || fail "the example vault gave no findings"

same_outputs() {  # same_outputs DIR WHERE
  diff -r "$tmp/expected" "$1" >"$tmp/diff" || { cat "$tmp/diff"; fail "$2: output differs from the dynamic build's"; }
  echo "$2: output identical to the dynamic build's ($(ls "$1" | wc -l) commands)"
}

in_root() {  # in_root DIR COMMAND: a login-free shell in the root filesystem
  chroot "$1" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 bash -c "$2"
}

for suite in bullseye bookworm; do
  step "Debian $suite: the static binary in a clean root filesystem"
  root="$tmp/$suite"
  rootfs "$suite" "$root"
  cp -a "$src/examples" "$root/vault"
  install -m 0755 "$static" "$root/usr/local/bin/notelint"
  run_root() { in_root "$root" "cd /vault && notelint $1"; }
  outputs run_root "$tmp/$suite-static"
  same_outputs "$tmp/$suite-static" "Debian $suite, static binary"
  rm "$root/usr/local/bin/notelint"
  step "Debian $suite: apt install ./notelint_${version}_amd64.deb"
  cp "$deb" "$root/tmp/"
  in_root "$root" "apt-get install -y -q /tmp/$(basename "$deb")" | tail -3
  [[ $(in_root "$root" "command -v notelint") == /usr/bin/notelint ]] || fail "the .deb did not install /usr/bin/notelint"
  [[ -f $root/usr/share/man/man1/notelint.1.gz ]] || fail "the .deb did not install its man page"
  outputs run_root "$tmp/$suite-deb"
  same_outputs "$tmp/$suite-deb" "Debian $suite, the .deb"
  in_root "$root" "apt-get remove -y -q notelint" | tail -1
  [[ ! -e $root/usr/bin/notelint ]] || fail "apt remove left /usr/bin/notelint"
  rm -rf "$root"
done

step "scratch: the static binary alone in an empty root (the Docker image)"
root="$tmp/scratch"
mkdir -p "$root/usr/local/bin"
install -m 0755 "$static" "$root/usr/local/bin/notelint"
cp -a "$src/examples" "$root/vault"
run_scratch() { eval "unshare --root=\"$root\" --wd=/vault /usr/local/bin/notelint $1"; }
outputs run_scratch "$tmp/scratch-out"
same_outputs "$tmp/scratch-out" "scratch"

# ---------------------------------------------------------------------------------------------
step "npm: install the two tarballs offline into an empty folder, run npx notelint"
# An empty folder outside the repository, whose package.json npm would otherwise take as the project.
project=$(mktemp -d "${TMPDIR:-/tmp}/notelint-npm.XXXXXX")
(cd "$project" && npm install --offline --no-audit --no-fund --cache "$tmp/npm-cache" \
  "$dist/notelint-$version.tgz" "$dist/notelint-cli-linux-x64-$version.tgz")
npx_notelint() { (cd "$project" && npm exec --offline --cache "$tmp/npm-cache" -- notelint "$@"); }
[[ $(npx_notelint --version) == "notelint $version" ]] || fail "npx notelint --version"
run_npx() { (cd "$vault" && eval "\"$project/node_modules/.bin/notelint\" $1"); }
outputs run_npx "$tmp/npx-out"
same_outputs "$tmp/npx-out" "npm launcher"
mkdir -p "$tmp/clean" && printf '# Clean\n\nNothing to report.\n' >"$tmp/clean/note.md"
"$dynamic" check "$tmp/clean" --no-cache >/dev/null || fail "the clean note has findings"
for expect in "0:check $tmp/clean" "1:check $vault" "2:--no-such-option"; do
  set +e
  npx_notelint ${expect#*:} >/dev/null 2>&1
  code=$?
  set -e
  [[ $code == "${expect%%:*}" ]] || fail "npx notelint ${expect#*:} exited $code, expected ${expect%%:*}"
done
echo "npx notelint passes exit codes 0, 1 and 2 through"

# ---------------------------------------------------------------------------------------------
step "action.yml: @action-validator/cli, then its steps against a file:// release"
tools="$cache/tools"
if [[ ! -x $tools/node_modules/.bin/action-validator ]]; then
  mkdir -p "$tools"
  # --prefix, or npm would install into the repository's folder (package.json is the launcher).
  npm install --prefix "$tools" --no-audit --no-fund --silent @action-validator/cli@0.6.0 ||
    fail "cannot install @action-validator/cli from npm"
fi
"$tools/node_modules/.bin/action-validator" "$src/action.yml"
releases="$tmp/releases"
mkdir -p "$releases/v$version"
cp "$dist/$name.tar.gz" "$dist/$name.tar.gz.sha256" "$releases/v$version/"
workflow() {  # workflow N FILE: the Nth workflow of docs/ci.md's GitHub sections into FILE
  "$python" "$src/tests/doc_blocks.py" "$src/docs/ci.md" "$1" >"$2"
  "$tools/node_modules/.bin/action-validator" "$2"
}
run_workflow() {  # run_workflow FILE WORKSPACE [INPUT=VALUE...]
  local file=$1 workspace=$2
  shift 2
  "$python" "$src/tests/run_workflow.py" "$file" "$src" "$workspace" "$(mktemp -d "$tmp/runner.XXXX")" \
    "base-url=file://$releases" "$@"
}
workflow "GitHub Actions: code scanning with SARIF" "$tmp/sarif.yml"
ws="$tmp/ws-sarif" && cp -a "$src/examples" "$ws"
run_workflow "$tmp/sarif.yml" "$ws" || fail "the SARIF workflow of docs/ci.md failed"
[[ -s $ws/notelint.sarif ]] || fail "the SARIF workflow wrote no notelint.sarif"
workflow "GitHub Actions: annotations with \`--format github\`" "$tmp/github.yml"
ws="$tmp/ws-github" && cp -a "$src/examples" "$ws"
set +e
run_workflow "$tmp/github.yml" "$ws" >"$tmp/github.log" 2>&1
code=$?
set -e
[[ $code == 1 ]] || { cat "$tmp/github.log"; fail "the annotations workflow exited $code, expected 1 (findings)"; }
grep -q "^::error file=" "$tmp/github.log" || fail "the annotations workflow printed no ::error command"
diff <(grep "^::" "$tmp/github.log" | grep -v "group::") <(grep "^::" "$tmp/expected/3") ||
  fail "the action's annotations differ from the dynamic build's"
# A tarball that is not the published one is refused before it runs.
cat >"$tmp/pinned.yml" <<EOF
on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: notelint/notelint@v$version
        with:
          sha256: "$(printf '0%.0s' {1..64})"
EOF
if run_workflow "$tmp/pinned.yml" "$ws" >"$tmp/pinned.log" 2>&1; then fail "a wrong sha256 input was accepted"; fi
grep -q "expected 0000" "$tmp/pinned.log" || { cat "$tmp/pinned.log"; fail "no checksum message"; }
echo "action.yml: validated; installs, checks the SHA-256 (a wrong one is refused) and runs notelint"

# ---------------------------------------------------------------------------------------------
step "pre-commit: the node hooks through try-repo, from a clean cache"
# npm resolves notelint's optional dependency by version from a registry: a read-only one on
# loopback serves the two tarballs, as the npm registry will once they are published.
"$python" "$src/tests/npm_registry.py" "$tmp/registry.port" "$dist/notelint-$version.tgz" \
  "$dist/notelint-cli-linux-x64-$version.tgz" 2>"$tmp/registry.log" &
registry_pid=$!
for _ in $(seq 50); do [[ -s $tmp/registry.port ]] && break; sleep 0.1; done
[[ -s $tmp/registry.port ]] || fail "the local npm registry did not start"
repo="$tmp/marker-repo"
mkdir -p "$repo"
printf '# Reading\n\nThe model is trained on LAION-5B ²[2] and fine-tuned.\n' >"$repo/note.md"
hook_env=(env HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/pre-commit-cache" npm_config_cache="$tmp/hook-npm-cache"
  npm_config_registry="http://127.0.0.1:$(cat "$tmp/registry.port")/" npm_config_audit=false
  npm_config_fund=false npm_config_update_notifier=false GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
  GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org)
# No notelint on PATH: the hook must bring its own.
hook_path=$(tr ':' '\n' <<<"$PATH" | grep -v "$(dirname "$dynamic")" | paste -sd:)
mkdir -p "$tmp/home"
(cd "$repo" && git init -q . && git add note.md)
try_repo() { (cd "$repo" && PATH=$hook_path "${hook_env[@]}" pre-commit try-repo "$src" "$1" --all-files --color never); }
set +e
try_repo notelint >"$tmp/hook1.log" 2>&1
code=$?
set -e
cat "$tmp/hook1.log"
[[ $code == 1 ]] && grep -q "note.md:3:.*MK001 stray citation marker" "$tmp/hook1.log" ||
  fail "the notelint hook did not report the stray marker (exit $code)"
try_repo notelint-fix >"$tmp/hook2.log" 2>&1 || true
[[ $(cat "$repo/note.md") == "$(printf '# Reading\n\nThe model is trained on LAION-5B and fine-tuned.')" ]] ||
  { cat "$tmp/hook2.log"; fail "the notelint-fix hook did not fix the note"; }
try_repo notelint >"$tmp/hook3.log" 2>&1 || { cat "$tmp/hook3.log"; fail "the notelint hook fails after the fix"; }
grep -qi "GET /@notelint%2fcli-linux-x64" "$tmp/registry.log" || fail "the hook did not install the binary package"
echo "pre-commit: notelint fails on the marker, notelint-fix fixes it, notelint passes"

# ---------------------------------------------------------------------------------------------
step "docs/ci.md: the pre-commit config, with the repository at its release tag"
tagged="$tmp/notelint.git"
git clone -q --bare "$src" "$tagged"
# The commit under test, tagged as its release (commit first: try-repo above sees the work tree).
git -C "$tagged" tag "v$version" HEAD
"$python" "$src/tests/doc_blocks.py" "$src/docs/ci.md" "pre-commit" |
  sed "s|https://github.com/notelint/notelint|file://$tagged|" >"$repo/.pre-commit-config.yaml"
printf '\nSee ¹[1].\n' >>"$repo/note.md"
(cd "$repo" && git add -A)
set +e
(cd "$repo" && PATH=$hook_path "${hook_env[@]}" pre-commit run --all-files --color never) >"$tmp/hook4.log" 2>&1
code=$?
set -e
[[ $code == 1 ]] && grep -q "MK001" "$tmp/hook4.log" || { cat "$tmp/hook4.log"; fail "docs/ci.md's pre-commit config did not run notelint"; }
echo "pre-commit: docs/ci.md's config installs notelint v$version and reports the marker"

# ---------------------------------------------------------------------------------------------
step "docs/ci.md: the GitLab job, in a clean Debian 12 (its image: debian:12)"
root="$tmp/gitlab"
rootfs bookworm "$root"
cp -a "$src/examples" "$root/project"
mkdir -p "$root/releases" && cp -a "$releases/." "$root/releases/"
"$python" - "$src/docs/ci.md" "$root/job.sh" <<'EOF'
import subprocess, sys, yaml
block = subprocess.run([sys.executable, sys.argv[1].rsplit("/docs/", 1)[0] + "/tests/doc_blocks.py", sys.argv[1],
                        "GitLab CI"], check=True, capture_output=True, text=True).stdout
job = yaml.safe_load(block)["notelint"]
assert job["image"] == "debian:12", job["image"]
lines = ["set -e"] + ["export %s=%s" % (k, v) for k, v in job.get("variables", {}).items()]
lines += [l.replace("https://github.com/notelint/notelint/releases/download", "file:///releases")
          for l in job["before_script"] + job["script"]]
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
EOF
set +e
in_root "$root" "cd /project && bash /job.sh" >"$tmp/gitlab.log" 2>&1
code=$?
set -e
[[ $code == 1 && -s $root/project/notelint.sarif && -s $root/project/notelint.json ]] ||
  { tail -30 "$tmp/gitlab.log"; fail "the GitLab job exited $code, expected 1 with both reports"; }
echo "GitLab job: installs the release, writes notelint.sarif and notelint.json, fails on findings"
rm -rf "$root"

step "docs/ci.md: the two install recipes, in a clean Debian 12"
root="$tmp/recipes"
rootfs bookworm "$root"
cp -a "$tagged" "$root/notelint.git"
mkdir -p "$root/releases" && cp -a "$releases/." "$root/releases/"
for n in 1 2; do
  "$python" "$src/tests/doc_blocks.py" "$src/docs/ci.md" "Installing notelint on a runner" "$n" |
    sed "s|https://github.com/notelint/notelint/releases/download|file:///releases|; s|https://github.com/notelint/notelint.git|file:///notelint.git|" \
      >"$root/recipe$n.sh"
  cp -a "$src/examples" "$root/vault$n"
done
# The release binary's recipe needs curl, which a runner has and minbase lacks.
in_root "$root" "apt-get update -qq && apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null"
in_root "$root" "cd /tmp && bash -e /recipe1.sh" || fail "the release binary recipe failed"
run_recipe() { in_root "$root" "cd /vault1 && notelint $1"; }
outputs run_recipe "$tmp/recipe1-out"
same_outputs "$tmp/recipe1-out" "docs/ci.md release binary recipe"
rm /"$root"/usr/local/bin/notelint
in_root "$root" "cd /root && bash -e /recipe2.sh" >"$tmp/recipe2.log" 2>&1 ||
  { tail -30 "$tmp/recipe2.log"; fail "the from-source recipe failed"; }
run_recipe() { in_root "$root" "cd /vault2 && notelint $1"; }
outputs run_recipe "$tmp/recipe2-out"
same_outputs "$tmp/recipe2-out" "docs/ci.md from-source recipe"
in_root "$root" "dpkg-query -W 'qt*' 'libqt*' 2>/dev/null" | grep . && fail "the from-source recipe installed Qt"
rm -rf "$root"

step "done"
echo "packaging: every check passed in $((SECONDS - started)) s"
