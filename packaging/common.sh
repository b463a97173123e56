# Shell functions shared by the release and packaging-test scripts (sourced, not run).

# The version, from its one place: project(notelint VERSION ...) in CMakeLists.txt.
notelint_version() {
  sed -n 's/^project(notelint VERSION \([0-9][0-9.]*\).*/\1/p' "$1/CMakeLists.txt"
}

# A private apt configuration that reads Debian's source index for this release, so that no
# deb-src entry has to be added to the machine's own sources. Prints apt's options.
debian_source_apt() {
  local dir=$1 mirror=${NOTELINT_DEBIAN_MIRROR:-http://deb.debian.org/debian} codename
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/parts"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $codename main" >"$dir/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$dir/sources.list" -o "Dir::Etc::SourceParts=$dir/parts"
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache")
  # As root apt downloads as _apt, who may not write here.
  [[ $(id -u) == 0 ]] && opts+=(-o APT::Sandbox::User=root)
  printf '%s\n' "${opts[@]}"
}

# Unpacks Debian's source package NAME into DIR and prints the source folder. apt checks every
# file against the signed index. Where only the upstream tarball can be fetched (a mirror that
# lacks the Debian part), that tarball is used, checked against the same index.
fetch_debian_source() {
  local name=$1 dir=$2 opts codename
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  mapfile -t opts < <(debian_source_apt "$dir/apt")
  apt-get "${opts[@]}" -qq update >&2
  mkdir -p "$dir/src"
  if (cd "$dir/src" && apt-get "${opts[@]}" -qq source "$name" >&2 2>/dev/null); then
    find "$dir/src" -mindepth 1 -maxdepth 1 -type d | head -n 1
    return
  fi
  local uri file size hash
  read -r uri file size hash < <(apt-get "${opts[@]}" -qq --print-uris source "$name" | grep "\.orig\.tar\.")
  [[ -n $file ]] || { echo "release: no source package $name in $codename" >&2; return 1; }
  echo "release: Debian's patches for $name could not be fetched; building its upstream tarball" >&2
  /usr/lib/apt/apt-helper "${opts[@]}" download-file "${uri//\'/}" "$dir/$file" "$hash" >&2
  rm -rf "$dir/src" && mkdir -p "$dir/src"
  tar -C "$dir/src" -xf "$dir/$file"
  find "$dir/src" -mindepth 1 -maxdepth 1 -type d | head -n 1
}

# The copyright and licence of every library linked or compiled into the static binary, from
# the files Debian installs with them (and md4c's, given as $1, from its source).
third_party_notices() {
  local md4c_license=$1 file pkg
  echo "notelint is linked statically with the libraries below; their copyright notices and"
  echo "licences follow, as Debian distributes them."
  local files=(
    "$(g++ -print-file-name=libstdc++.a)"
    /usr/lib/x86_64-linux-gnu/libc.a
    /usr/lib/x86_64-linux-gnu/libyaml-cpp.a
    /usr/lib/x86_64-linux-gnu/libre2.a
    /usr/lib/x86_64-linux-gnu/libcrypto.a
    /usr/include/CLI/CLI.hpp
    /usr/include/nlohmann/json.hpp
  )
  for file in "${files[@]}"; do
    pkg=$(dpkg -S "$(readlink -f "$file")" | head -n 1 | cut -d: -f1)
    printf '\n==== %s (Debian package %s) ====\n\n' "$(basename "$file")" "$pkg"
    cat "/usr/share/doc/$pkg/copyright"
  done
  # The copy that CMake finds first: .ci/deps unpacks it into .deps/, else the installed package.
  local valijson="${root:?}/.deps/valijson/usr/share/doc/libvalijson-dev/copyright"
  [[ -f $valijson ]] || valijson=/usr/share/doc/libvalijson-dev/copyright
  printf '\n==== valijson (Debian package libvalijson-dev) ====\n\n'
  cat "$valijson"
  printf '\n==== md4c (Debian source package md4c) ====\n\n'
  cat "$md4c_license"
}
