#!/usr/bin/env bash
# Headless Neovim drives `slsc lsp` with the configuration docs/editors.md
# gives (editors/neovim/slsc.lua, quoted there verbatim; checked here) and
# checks diagnostics, hover, go to definition, an edit and formatting
# (editors/neovim/test/lsp.lua). Takes a few seconds.
#
# Usage: scripts/test-neovim.sh [SLSC]   (default: target/debug/slsc)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

slsc="${1:-${CARGO_TARGET_DIR:-$root/target}/debug/slsc}"
if [[ ! -x "$slsc" ]]; then
  echo "test-neovim: no slsc binary at $slsc (cargo build first)" >&2
  exit 2
fi
if ! command -v nvim >/dev/null; then
  echo "test-neovim: nvim not found (apt-get install neovim)" >&2
  exit 2
fi

# The docs quote the configuration the test runs.
config=editors/neovim/slsc.lua
quoted="$(awk '/<!-- editors\/neovim\/slsc.lua -->/ { on = 1; next }
  on && /^```lua$/ { inside = 1; next }
  inside && /^```$/ { exit }
  inside { print }' docs/editors.md)"
if [[ "$quoted" != "$(cat "$config")" ]]; then
  echo "test-neovim: the lua block after <!-- $config --> in docs/editors.md differs from $config:" >&2
  diff <(printf '%s\n' "$quoted") "$config" >&2 || true
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp tests/diagnostics/W0305/bad.sls "$work/media.sls"
# `slsc` on PATH, as the configuration runs it; no user configuration, but
# editors/vim for the filetype.
PATH="$(cd "$(dirname "$slsc")" && pwd):$PATH" SLSC_NVIM_SPEC="$work/media.sls" \
  timeout 60 nvim --headless --clean --cmd "set rtp^=$root/editors/vim" \
  -c "luafile $config" -c "luafile editors/neovim/test/lsp.lua" </dev/null || {
  status=$?
  if [[ $status == 124 ]]; then
    echo "test-neovim: Neovim did not finish within 60 s" >&2
  fi
  exit "$status"
}
