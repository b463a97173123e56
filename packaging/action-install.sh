#!/usr/bin/env bash
# The install step of action.yml: downloads the static release tarball, checks its SHA-256 (the
# `sha256` input, else the published .sha256), unpacks it under $RUNNER_TEMP and puts notelint on
# $GITHUB_PATH. Inputs come as NOTELINT_VERSION, NOTELINT_SHA256 and NOTELINT_BASE_URL.
set -euo pipefail
action=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging/common.sh
source "$action/packaging/common.sh"
fail() { echo "::error title=notelint::$*" >&2; exit 1; }

if [[ ${RUNNER_OS:-Linux} != Linux || ${RUNNER_ARCH:-X64} != X64 ]]; then
  fail "notelint's release binary is for Linux on x86_64; this runner is ${RUNNER_OS:-?} ${RUNNER_ARCH:-?}"
fi
# The version of the action's own checkout unless the workflow names one.
version=${NOTELINT_VERSION:-$(notelint_version "$action")}
version=${version#v}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "'version' must look like 0.1.0, not '$version'"
name="notelint-$version-x86_64-linux"
url="${NOTELINT_BASE_URL%/}/v$version/$name.tar.gz"
dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/notelint-action-$version"
rm -rf "$dir" && mkdir -p "$dir"

curl -fsSL --retry 3 -o "$dir/$name.tar.gz" "$url" || fail "cannot download $url (is $version released?)"
expected=$NOTELINT_SHA256
if [[ -z $expected ]]; then
  expected=$(curl -fsSL --retry 3 "$url.sha256" | cut -d' ' -f1) || fail "cannot download $url.sha256"
fi
actual=$(sha256sum "$dir/$name.tar.gz" | cut -d' ' -f1)
[[ $actual == "${expected,,}" ]] || fail "$url has SHA-256 $actual, expected $expected"

tar -C "$dir" -xzf "$dir/$name.tar.gz"
"$dir/$name/notelint" --version
echo "$dir/$name" >>"${GITHUB_PATH:?GITHUB_PATH is not set: run this as a step of action.yml}"
