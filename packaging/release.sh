#!/usr/bin/env bash
# Builds every release artifact into dist/ with one command, `bash packaging/release.sh`, on
# Debian 12 (packages from `bash .ci/deps`; the network for Debian's md4c source on first run):
#   notelint-VERSION-x86_64-linux.tar.gz (+ .sha256)  static binary, LICENSE, README, notices
#   notelint_VERSION_amd64.deb                        the same binary, a man page, a copyright file
#   notelint-VERSION.tgz, notelint-cli-linux-x64-VERSION.tgz   the npm launcher and its binary
# The binary is packaging/static.sh's. Work files go to build-release/ (NOTELINT_RELEASE_WORK
# overrides), the artifacts to dist/ (NOTELINT_DIST).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${NOTELINT_RELEASE_WORK:-$root/build-release}
dist=${NOTELINT_DIST:-$root/dist}
# shellcheck source=packaging/common.sh
source "$root/packaging/common.sh"
version=$(notelint_version "$root")
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}
mkdir -p "$work" "$dist"
for file in package.json npm/cli-linux-x64/package.json; do
  grep -q "\"version\": \"$version\"" "$root/$file" || { echo "release: $file is not at version $version" >&2; exit 1; }
done

bash "$root/packaging/static.sh" "$work/out"
binary="$work/out/notelint"
notices="$work/out/THIRD-PARTY-NOTICES"

rm -f "$dist"/notelint-*.tar.gz "$dist"/notelint-*.tar.gz.sha256 "$dist"/notelint_*.deb "$dist"/notelint-*.tgz

# The tarball: one folder, reproducible (sorted, owner 0, the commit's time, gzip without name).
name="notelint-$version-x86_64-linux"
rm -rf "$work/tar" && mkdir -p "$work/tar/$name"
install -m 0755 "$binary" "$work/tar/$name/notelint"
install -m 0644 "$root/LICENSE" "$root/README.md" "$notices" "$work/tar/$name/"
tar -C "$work/tar" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -cf - "$name" |
  gzip -9n >"$dist/$name.tar.gz"
(cd "$dist" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

bash "$root/packaging/deb.sh" "$binary" "$notices" "$version" "$work/deb" "$dist"

# npm: the platform package carries the binary; the launcher is the repository's package.json.
pkg="$work/npm/cli-linux-x64"
rm -rf "$pkg" && mkdir -p "$pkg/bin"
cp "$root/npm/cli-linux-x64/package.json" "$root/npm/cli-linux-x64/README.md" "$root/LICENSE" "$notices" "$pkg/"
install -m 0755 "$binary" "$pkg/bin/notelint"
(cd "$pkg" && npm pack --silent --pack-destination "$dist" >/dev/null)
(cd "$root" && npm pack --silent --pack-destination "$dist" >/dev/null)

echo "release $version:"
ls -l "$dist"
