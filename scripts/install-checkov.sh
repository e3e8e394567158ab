#!/usr/bin/env bash
# Installs checkov, pinned, into its own virtualenv (.venv-checkov/ or
# $SLSC_CHECKOV_VENV): checkov pins an old boto3 and would downgrade the
# validators' packages next to it. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${SLSC_CHECKOV_VENV:-$root/.venv-checkov}"
version="3.3.30"
if [[ -x "$venv/bin/checkov" ]] && "$venv/bin/python" -c "import importlib.metadata as m; assert m.version('checkov') == '$version'" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "checkov==$version"
echo "checkov installed in $venv" >&2
