#!/usr/bin/env bash
# Installs what scripts/test-editors.sh needs, at pinned versions, and skips
# whatever is already there at that version (so a second run takes a second):
#
#   - vscode-tmgrammar-test (with vscode-textmate and vscode-oniguruma, the
#     engine of VS Code) from npm into editors/vscode/node_modules, at the
#     versions of editors/vscode/package-lock.json;
#   - tree-sitter-cli from crates.io into ~/.cache/slsc-tools/bin (or
#     $SLSC_TOOLS_DIR/bin). Not from npm: the npm
#     package downloads a prebuilt binary when it is installed, which works
#     only with access to the project's release downloads. Compiling it takes
#     about 4 minutes on 2 cores, once;
#   - Vim, from Debian's packages, if the machine has none (needs root).
#
# node, npm, cargo and a C compiler (for the parser tree-sitter compiles) must
# already be there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

TREE_SITTER_CLI_VERSION=0.27.1

for tool in node npm cargo cc; do
  command -v "$tool" >/dev/null || { echo "install-editor-tools: $tool not found" >&2; exit 2; }
done

# npm `ci` installs exactly the lockfile; it is skipped when the installed
# version already matches, because it deletes node_modules first.
vscode=editors/vscode
pinned="$(node -p "require('./$vscode/package-lock.json').packages['node_modules/vscode-tmgrammar-test'].version")"
installed="$(node -p "try { require('./$vscode/node_modules/vscode-tmgrammar-test/package.json').version } catch (e) { '' }")"
if [[ "$installed" == "$pinned" ]]; then
  echo "install-editor-tools: vscode-tmgrammar-test $pinned already installed"
else
  echo "install-editor-tools: installing vscode-tmgrammar-test $pinned"
  (cd "$vscode" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Outside the checkout, so that a fresh clone (as in CI) on the same machine
# reuses the 4-minute build: SLSC_TOOLS_DIR overrides.
tools="${SLSC_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/slsc-tools}"
ts="$tools/bin/tree-sitter"
if [[ -x "$ts" && "$("$ts" --version 2>/dev/null)" == "tree-sitter $TREE_SITTER_CLI_VERSION" ]]; then
  echo "install-editor-tools: tree-sitter-cli $TREE_SITTER_CLI_VERSION already installed"
else
  echo "install-editor-tools: installing tree-sitter-cli $TREE_SITTER_CLI_VERSION (compiles for a few minutes)"
  cargo install --locked --quiet --root "$tools" tree-sitter-cli --version "=$TREE_SITTER_CLI_VERSION"
fi

if command -v vim >/dev/null; then
  echo "install-editor-tools: $(vim --version | head -n 1)"
elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "install-editor-tools: installing vim"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends vim >/dev/null
else
  echo "install-editor-tools: vim not found; install it (the Vim tests need it)" >&2
  exit 2
fi
