#!/usr/bin/env bash
# Builds dist/notelint_VERSION_amd64.deb around the static binary (so it depends on nothing and
# installs on Debian 11, 12 and Ubuntu alike), with a man page made from --help and a copyright
# file. Called by release.sh: deb.sh BINARY NOTICES VERSION WORKDIR DISTDIR.
set -euo pipefail
binary=$1 notices=$2 version=$3 work=$4 dist=$5
root=$(cd "$(dirname "$0")/.." && pwd)
tree="$work/root"
rm -rf "$work" && mkdir -p "$tree/DEBIAN" "$tree/usr/bin" "$tree/usr/share/doc/notelint" "$tree/usr/share/man/man1" \
  "$tree/usr/share/lintian/overrides"
install -m 0755 "$binary" "$tree/usr/bin/notelint"

# The man page: `notelint --help`, with the options of `check` (the default command) and the
# exit codes, through help2man.
cat >"$work/man.h2m" <<EOF
[>DESCRIPTION]
.PP
Without a subcommand, notelint runs \fBnotelint check\fR on the given paths (default: the
current folder). \fBnotelint rules\fR lists every rule, \fBnotelint rule CODE\fR prints a
rule's documentation.
[OPTIONS OF CHECK]
.nf
$("$binary" check --help | sed -n '/^Options:/,$p' | tail -n +2 | sed 's/\\/\\e/g; s/^\./\\\&./')
.fi
[ENVIRONMENT]
.TP
.B NOTELINT_CACHE_DIR
where the result cache is kept (default: .notelint_cache in the vault root)
.TP
.B NO_COLOR
no colours, as --color never
[EXIT STATUS]
0 no error-level findings, 1 findings, 2 usage, configuration or internal error.
[SEE ALSO]
The README and docs/ of https://github.com/notelint/notelint describe the configuration.
EOF
help2man --no-info --no-discard-stderr --section 1 --include "$work/man.h2m" \
  --name "lint and fix Markdown note vaults" --version-string "$version" "$binary" >"$work/notelint.1"
gzip -9n <"$work/notelint.1" >"$tree/usr/share/man/man1/notelint.1.gz"

# A native package: its changelog is changelog.gz, in Debian's format, pointing to upstream's.
date=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
cat >"$work/changelog" <<EOF
notelint ($version) unstable; urgency=medium

  * Release $version: see CHANGELOG.md.gz beside this file.

 -- The notelint authors <notelint@users.noreply.github.com>  $date
EOF
gzip -9n <"$work/changelog" >"$tree/usr/share/doc/notelint/changelog.gz"
gzip -9n <"$root/CHANGELOG.md" >"$tree/usr/share/doc/notelint/CHANGELOG.md.gz"
{
  cat <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: notelint
Source: https://github.com/notelint/notelint

Files: *
Copyright: 2026 The notelint authors
License: MIT

License: MIT
EOF
  # The licence text as a DEP-5 paragraph: every line indented, blank lines as " .".
  sed -n '3,$p' "$root/LICENSE" | sed 's/^$/./; s/^/ /'
  echo
  echo "Comment:"
  sed 's/^$/./; s/^/ /' "$notices"
} >"$tree/usr/share/doc/notelint/copyright"

# Static on purpose: the one binary serves every distribution and the npm and Docker packages.
cat >"$tree/usr/share/lintian/overrides/notelint" <<EOF
notelint: statically-linked-binary [usr/bin/notelint]
EOF

cat >"$tree/DEBIAN/control" <<EOF
Package: notelint
Version: $version
Architecture: amd64
Maintainer: The notelint authors <notelint@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)
Section: text
Priority: optional
Homepage: https://github.com/notelint/notelint
Description: fast linter and fixer for Markdown note vaults
 notelint checks Dendron, Obsidian and Foam vaults and other Markdown notes:
 front matter, required sections and labels, known tags, missing images,
 broken wiki links and the citation debris that chat assistants leave in
 pasted text. It fixes what is safe to fix, and reports in human, JSON,
 SARIF and GitHub annotation formats.
EOF
(cd "$tree" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$tree/DEBIAN/md5sums"
find "$tree" -type d -exec chmod 0755 {} + && find "$tree/usr" -type f ! -path '*/bin/*' -exec chmod 0644 {} +
chmod 0644 "$tree/DEBIAN/control" "$tree/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz --build "$tree" "$dist/notelint_${version}_amd64.deb" >/dev/null
