#!/usr/bin/env bash
# Installs what trajsynth needs on a fresh Debian/Ubuntu machine: Chromium and its headless shell (when not found),
# fonts for readable screenshots (text and emoji icons), redis-server (queue mode and its tests; when none is on the PATH),
# the npm dependencies, and the compiled build. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() {
  [ -n "${TRAJSYNTH_CHROMIUM:-}" ] && [ -x "${TRAJSYNTH_CHROMIUM}" ] && return 0
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    [ -x "$candidate" ] && return 0
  done
  compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium*/chrome-linux*/chrome" >/dev/null && return 0
  return 1
}

# The headless shell is what trajsynth runs by default: far less CPU per page than full Chromium.
have_headless_shell() {
  [ -n "${TRAJSYNTH_CHROMIUM:-}" ] && [ -x "${TRAJSYNTH_CHROMIUM}" ] && return 0
  [ -x /usr/lib/chromium/chromium-headless-shell ] && return 0
  compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium_headless_shell*/chrome-*/*headless*shell" >/dev/null && return 0
  return 1
}

packages=()
have_chromium || packages+=(chromium)
have_headless_shell || packages+=(chromium-headless-shell)
dpkg -s fonts-liberation >/dev/null 2>&1 || packages+=(fonts-liberation)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || packages+=(fonts-dejavu-core)
# Icons drawn as emoji (🗑, ★, 📎) on real sites: without a colour emoji font they are empty boxes in screenshots.
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || packages+=(fonts-noto-color-emoji)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
if [ ${#packages[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    if have_chromium && command -v redis-server >/dev/null 2>&1; then
      echo "setup: apt-get is not available to install ${packages[*]}; going on with the Chromium found" >&2
      packages=()
    else
      echo "setup: need ${packages[*]} but apt-get is not available; install Chromium yourself and set TRAJSYNTH_CHROMIUM=/path/to/chrome, and redis-server (>= 6.2) for queue mode" >&2
      exit 1
    fi
  fi
fi
if [ ${#packages[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "setup: installing ${packages[*]} with apt-get" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run build
