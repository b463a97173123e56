#!/usr/bin/env bash
# Builds the static notelint binary into OUTDIR (with THIRD-PARTY-NOTICES beside it):
# `bash packaging/static.sh OUTDIR`. Used by release.sh and the Dockerfile, on Debian 12 with
# `bash .ci/deps --build-only`. Work files go to build-release/ (NOTELINT_RELEASE_WORK overrides).
# glibc, linked statically: Debian has no C++ toolchain for musl, and notelint calls nothing that
# a static glibc cannot serve (no NSS, iconv or dlopen), so the binary runs on any x86_64 Linux.
set -euo pipefail
out=${1:?usage: static.sh OUTDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${NOTELINT_RELEASE_WORK:-$root/build-release}
# shellcheck source=packaging/common.sh
source "$root/packaging/common.sh"
version=$(notelint_version "$root")
mkdir -p "$work" "$out"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# md4c: Debian ships no static library, so build one from Debian's source package of the md4c
# this system has (the version of the dynamic build, hence the same findings).
md4c_prefix="$work/md4c"
if [[ ! -f "$md4c_prefix/lib/libmd4c.a" ]]; then
  source_dir=$(fetch_debian_source md4c "$work/md4c-source")
  cmake -S "$source_dir" -B "$work/md4c-build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_INSTALL_PREFIX="$md4c_prefix" -DCMAKE_INSTALL_LIBDIR=lib "${launcher[@]}" >/dev/null
  cmake --build "$work/md4c-build" -j2 >/dev/null
  cmake --install "$work/md4c-build" >/dev/null
  cp "$source_dir/LICENSE.md" "$md4c_prefix/LICENSE.md"
fi

# The same sources and flags as the README's build, linked with -static. The archive must match
# the installed header that the sources compile against.
cmp -s "$md4c_prefix/include/md4c.h" /usr/include/md4c.h ||
  { echo "static.sh: Debian's md4c source does not match /usr/include/md4c.h" >&2; exit 1; }
cmake -S "$root" -B "$work/static" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNOTELINT_STATIC=ON \
  -DNOTELINT_MD4C_ARCHIVE="$md4c_prefix/lib/libmd4c.a" -DNOTELINT_BUILD_TESTS=OFF -DNOTELINT_VALIJSON=ON \
  "${launcher[@]}" >/dev/null
cmake --build "$work/static" -j2
rm -rf "$work/stage"
cmake --install "$work/static" --strip --prefix "$work/stage" >/dev/null
binary="$work/stage/bin/notelint"
if [[ $(readelf -l "$binary") == *INTERP* || $(readelf -d "$binary") == *NEEDED* ]]; then
  echo "static.sh: $binary is not static" >&2
  exit 1
fi
[[ "$("$binary" --version)" == "notelint $version" ]] || { echo "static.sh: --version is not $version" >&2; exit 1; }
install -m 0755 "$binary" "$out/notelint"
# The licences of everything linked into the binary, from Debian's copyright files.
third_party_notices "$md4c_prefix/LICENSE.md" >"$out/THIRD-PARTY-NOTICES"
