#!/usr/bin/env bash
# Builds the Debian packages from the build tree and checks them the way a user would meet them:
#   cpack -G DEB and -G TGZ; dpkg-deb -x both packages into an empty root; every ELF file's
#   libraries resolve from the system (ldd, nothing from the build tree); the installed
#   programs run from that root (kairos --version offscreen, kairos-cli --version and info,
#   kairos-server --version and --help); the control fields (shlibdeps ran, our Depends);
#   desktop entry, man pages, systemd unit, postinst; lintian reports no errors.
# Usage: check_deb.sh BUILD_DIR SCRATCH_DIR VERSION
set -euo pipefail
build=$1 scratch=$2 version=$3
rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/root" "$scratch/home"
status=0
fail() { echo "FAIL: $*"; status=1; }
ok() { echo "ok: $*"; }
t0=$(date +%s)

cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 || {
  cat "$scratch/cpack.log"
  echo "FAIL: cpack (are kairos, kairos-cli and kairos-server built?)"
  exit 1
}
t1=$(date +%s)
echo "cpack DEB + TGZ: $((t1 - t0)) s"
arch=$(dpkg --print-architecture)
app=$scratch/out/kairos_${version}-1_${arch}.deb
server=$scratch/out/kairos-server_${version}-1_${arch}.deb
tgz=$(ls "$scratch"/out/*.tar.gz 2>/dev/null | head -1 || true)
for f in "$app" "$server"; do
  [ -f "$f" ] || { ls -l "$scratch/out"; echo "FAIL: $f was not made"; exit 1; }
done
# (Listings go through variables: `cmd | grep -q` would stop cmd early, failing the pipeline.)
tgz_list=$([ -n "$tgz" ] && tar -tzf "$tgz" || true)
for f in bin/kairos bin/kairos-cli bin/kairos-server share/man/man1/kairos-cli.1.gz; do
  grep -q "/$f\$" <<<"$tgz_list" || fail "the TGZ has no $f"
done
[ -n "$tgz" ] && ok "TGZ $(basename "$tgz"): $(grep -c . <<<"$tgz_list") entries"

for f in "$app" "$server"; do
  dpkg-deb -x "$f" "$scratch/root"
done
root=$scratch/root

# What each package holds.
expect_file() { [ -e "$root/$1" ] && ok "$1" || fail "$1 is not in the packages"; }
for f in usr/bin/kairos usr/bin/kairos-cli usr/bin/kairos-server \
  usr/share/applications/io.github.kairos.Kairos.desktop \
  usr/share/metainfo/io.github.kairos.Kairos.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/io.github.kairos.Kairos.svg \
  usr/share/man/man1/kairos.1.gz usr/share/man/man1/kairos-cli.1.gz \
  usr/share/man/man1/kairos-server.1.gz lib/systemd/system/kairos-server.service \
  usr/share/doc/kairos/copyright usr/share/doc/kairos-server/copyright \
  usr/share/doc/kairos/changelog.Debian.gz usr/share/doc/kairos-server/changelog.Debian.gz; do
  expect_file "$f"
done
server_list=$(dpkg-deb -c "$server")
app_list=$(dpkg-deb -c "$app")
grep -q '/usr/bin/kairos-server$' <<<"$server_list" || fail "kairos-server is not in its own package"
grep -q 'kairos-server' <<<"$app_list" && fail "the kairos package carries kairos-server files"
grep -q '/usr/bin/kairos$' <<<"$server_list" && fail "the kairos-server package carries the desktop app"
grep -q '^MimeType=.*x-scheme-handler/kairos;' "$root/usr/share/applications/io.github.kairos.Kairos.desktop" ||
  fail "the desktop entry does not handle kairos:// links"
grep -q '^Exec=kairos %u$' "$root/usr/share/applications/io.github.kairos.Kairos.desktop" ||
  fail "the desktop entry does not pass the link (%u)"
grep -q '^ExecStart=/usr/bin/kairos-server ' "$root/lib/systemd/system/kairos-server.service" &&
  grep -q '^User=kairos-server$' "$root/lib/systemd/system/kairos-server.service" ||
  fail "the systemd unit does not run /usr/bin/kairos-server as kairos-server"
for page in kairos kairos-cli kairos-server; do
  grep -q "Kairos $version" <<<"$(zcat "$root/usr/share/man/man1/$page.1.gz")" ||
    fail "man page $page.1 does not carry version $version"
done

# Control fields: dpkg-shlibdeps ran (Qt, libical, SQLite, QtKeychain) and our own Depends.
app_depends=$(dpkg-deb -f "$app" Depends)
server_depends=$(dpkg-deb -f "$server" Depends)
echo "kairos Depends: $app_depends"
echo "kairos-server Depends: $server_depends"
for d in libqt6core6 libqt6widgets6 libical3 libsqlite3-0 libqt6keychain1 libqt6sql6-sqlite qt6-qpa-plugins; do
  grep -q "$d" <<<"$app_depends" || fail "kairos does not depend on $d"
done
for d in libqt6core6 libqt6websockets6 adduser libqt6sql6-sqlite; do
  grep -q "$d" <<<"$server_depends" || fail "kairos-server does not depend on $d"
done
grep -q "libqt6widgets6" <<<"$server_depends" && fail "kairos-server depends on Qt Widgets"
grep -q 'adduser --system' <<<"$(dpkg-deb -I "$server" postinst)" || fail "kairos-server's postinst adds no system user"

# Every library of every ELF file resolves from the system, none from the build tree.
while IFS= read -r elf; do
  out=$(ldd "$elf" 2>&1) || { fail "ldd $elf: $out"; continue; }
  if grep -q "not found" <<<"$out"; then
    fail "$elf: $(grep 'not found' <<<"$out" | tr -s ' \t' ' ')"
  elif grep -qF "$build" <<<"$out"; then
    fail "$elf loads from the build tree"
  else
    ok "ldd $(basename "$elf"): $(grep -c '=>' <<<"$out") libraries, all from the system"
  fi
  grep -qE 'RPATH|RUNPATH' <<<"$(readelf -d "$elf")" && fail "$elf has an RPATH/RUNPATH"
done < <(find "$root" -type f -exec sh -c 'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)

# The installed programs run from the unpacked root.
export KAIROS_HOME=$scratch/home HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config
expect_output() { # expect_output WHAT EXPECTED COMMAND...
  local what=$1 expected=$2
  shift 2
  local out
  if out=$("$@" 2>&1) && grep -qF -- "$expected" <<<"$out"; then
    ok "$what: $(grep -F -- "$expected" <<<"$out" | head -1)"
  else
    fail "$what: wanted '$expected', got: $out"
  fi
}
expect_output "kairos --version" "Kairos $version" env QT_QPA_PLATFORM=offscreen "$root/usr/bin/kairos" --version
expect_output "kairos-cli --version" "kairos-cli $version" "$root/usr/bin/kairos-cli" --version
expect_output "kairos-server --version" "kairos-server $version" "$root/usr/bin/kairos-server" --version
expect_output "kairos-cli info" "events:    0" "$root/usr/bin/kairos-cli" info
expect_output "kairos-server --help" "--listen <ADDR:PORT>" "$root/usr/bin/kairos-server" --help
t2=$(date +%s)

# lintian: no errors (warnings are listed in docs/packaging.md).
if command -v lintian >/dev/null; then
  for f in "$app" "$server"; do
    out=$(lintian --no-cfg --tag-display-limit 0 "$f" 2>&1) || true
    echo "$out" | sed "s|^|  lintian $(basename "$f"): |"
    if grep -q '^E: ' <<<"$out"; then
      fail "lintian reports errors for $(basename "$f")"
    else
      ok "lintian $(basename "$f"): no errors ($(grep -c '^W: ' <<<"$out" || true) warnings)"
    fi
  done
else
  fail "lintian is not installed (scripts/deps.sh --test installs it)"
fi
t3=$(date +%s)
echo "times: cpack $((t1 - t0)) s, checks $((t2 - t1)) s, lintian $((t3 - t2)) s"
exit $status
