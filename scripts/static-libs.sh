#!/usr/bin/env bash
# Prepares DIR (the release build's extra library folder, `make build` / `make bench`) so that the
# release binary links the C++ runtime and libedit with its helpers (libtinfo, libbsd, libmd) from
# their static archives instead of loading them as shared libraries.
#
# Why (measured, BENCHMARKS.md (a)): with the Swift runtime already static, the dynamic loader's
# symbol lookups were half of the start-up's instructions — 2,235 symbol relocations at every
# start, 1,666 of them libstdc++'s own and ~450 libedit's helpers'. Linked from the archives, 113
# remain, and a start that only quits takes 3.05 ms instead of 4.19 (1.76× sqlite3 instead of
# 2.58×, `make bench` (a) on a quiet machine). The binary grows by ~0.4 MB.
#
# How: `-lstdc++` (added by the Swift driver) finds DIR/libstdc++.a first because `-L DIR` comes
# before the compiler's own folder; `-ledit` comes from the CLibEdit system-library target through
# pkg-config, so DIR/pkgconfig/libedit.pc (used through PKG_CONFIG_PATH) points it at DIR, where
# libedit.a is a linker script grouping the four archives. Anything missing (another distribution,
# no -dev archives): that part is left out and the binary links those libraries dynamically, as
# before — slower to start, nothing else changes.
set -euo pipefail
dir="${1:?usage: scripts/static-libs.sh DIR}"
mkdir -p "$dir/pkgconfig"
rm -f "$dir/libstdc++.a" "$dir/libedit.a" "$dir/pkgconfig/libedit.pc"

cxx="$(${CC:-gcc} -print-file-name=libstdc++.a 2>/dev/null || true)"
if [ -n "$cxx" ] && [ -f "$cxx" ]; then
  ln -s "$cxx" "$dir/libstdc++.a"
else
  echo "static-libs: no libstdc++.a; the release binary loads libstdc++ at start-up"
fi

multiarch="$(${CC:-gcc} -print-multiarch 2>/dev/null || true)"
libdir="/usr/lib/${multiarch}"
archives=()
for name in edit tinfo bsd md; do
  [ -f "$libdir/lib$name.a" ] && archives+=("$libdir/lib$name.a")
done
if [ "${#archives[@]}" -eq 4 ] && [ -f /usr/include/histedit.h ]; then
  echo "GROUP ( ${archives[*]} )" > "$dir/libedit.a"
  cat > "$dir/pkgconfig/libedit.pc" <<PC
libdir=$dir
includedir=/usr/include
Name: libedit
Description: libedit and its helpers, linked from their static archives (scripts/static-libs.sh)
Version: 3.1
Libs: -L\${libdir} -ledit
Cflags: -I\${includedir} -I\${includedir}/editline
PC
else
  echo "static-libs: libedit's static archives not found in $libdir; the release binary loads libedit at start-up"
fi
