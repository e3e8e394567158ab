#!/usr/bin/env bash
# Installs the external validators slsc's output is checked with (cfn-lint and
# aws-sam-translator, pinned in scripts/requirements-validate.txt) into a
# virtualenv. Idempotent: a venv that already has the pinned set is reused.
#
#   scripts/install-validators.sh            # venv at .venv-validate/
#   SLSC_VALIDATE_VENV=/opt/v scripts/install-validators.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${SLSC_VALIDATE_VENV:-$root/.venv-validate}"
req="$root/scripts/requirements-validate.txt"
stamp="$venv/.slsc-requirements"

if [[ -x "$venv/bin/python" && -f "$stamp" ]] && cmp -s "$req" "$stamp"; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
cp "$req" "$stamp"
echo "validators installed in $venv" >&2
