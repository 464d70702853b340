#!/usr/bin/env bash
# Installs what building and testing coach needs on a fresh Debian/Ubuntu machine, and nothing
# when it is already there: libedit-dev and pkg-config (apt), the Python packages the test
# suites use (pip), with --test chromium, poppler-utils and a Chinese font for the brief's print
# test (apt), and with --any-day faketime and tzdata (apt). Safe to run again.
set -euo pipefail

need_apt=()
pkg-config --exists libedit 2>/dev/null || need_apt+=(libedit-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
# `make test-any-day` moves the clock with libfaketime and the time zone with tzdata's zones.
if [ "${2:-}" = "--any-day" ] || [ "${1:-}" = "--any-day" ]; then
  command -v faketime >/dev/null 2>&1 || need_apt+=(faketime)
  [ -e /usr/share/zoneinfo/Pacific/Kiritimati ] || need_apt+=(tzdata)
fi
# `make test` prints the one-page brief with headless Chromium and counts its pages with pdfinfo;
# the Chinese brief needs a CJK font (WenQuanYi Micro Hei is in the brief's font stack).
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  command -v pdfinfo >/dev/null 2>&1 || need_apt+=(poppler-utils)
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${need_apt[*]} with apt-get"
  if ! $sudo apt-get install -y --no-install-recommends "${need_apt[@]}" >/dev/null 2>&1; then
    $sudo apt-get update >/dev/null
    $sudo apt-get install -y --no-install-recommends "${need_apt[@]}" >/dev/null
  fi
fi

if [ "${1:-}" = "--test" ]; then
  missing=()
  for mod in jsonschema:jsonschema yaml:PyYAML pexpect:pexpect pytest:pytest html5lib:html5lib markdown_it:markdown-it-py icalendar:icalendar; do
    python3 -c "import ${mod%%:*}" 2>/dev/null || missing+=("${mod##*:}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing Python packages ${missing[*]}"
    python3 -m pip install --quiet "${missing[@]}"
  fi
  command -v tmux >/dev/null 2>&1 || true
fi
