#!/usr/bin/env bash
# Compiles every examples/*/app.sls and every tests/realworld/*.sls (real public templates written
# in .sls, see docs/coverage.md), each stage of a spec with stages, to SAM and to plain CloudFormation and validates all outputs with
# scripts/validate-template.py (cfn-lint + offline SAM translation), in one validator process.
# Works from any cwd.
#
#   scripts/validate-examples.sh        # templates are left in target/validate/ for inspection
#
# Exit: 0 all built and valid; 1 a build or validation failed, or there are no examples; 2 tool failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"  # cargo needs the workspace; relative paths also keep the validator report short
venv="${SLSC_VALIDATE_VENV:-$root/.venv-validate}"
target_dir="${CARGO_TARGET_DIR:-target}"
out="$target_dir/validate"

scripts/install-validators.sh
# One release build, then plain binary calls: `cargo run` per example would re-check the build each time.
# With the fuzz example, as scripts/fuzz.sh builds it: the example's dev-dependencies widen a shared
# crate's features, and one feature set for both lets CI compile the release build once.
cargo build --release -p slsc --bin slsc --example fuzz
slsc="$target_dir/release/slsc"

shopt -s nullglob
apps=(examples/*/app.sls)
if (( ${#apps[@]} == 0 )); then
  echo "validate-examples: no examples/*/app.sls found" >&2
  exit 1
fi
realworld=(tests/realworld/*.sls)
# Specs of the compiler's own tests whose templates AWS must accept too.
others=(tests/conditions/app.sls tests/layers/app.sls tests/deploy/app.sls tests/deploy/conditional.sls tests/stages/app.sls docs/getting-started/app.sls)

# Fresh output dir so a template left over from an earlier run can never be validated by mistake.
rm -rf "$out" && mkdir -p "$out"
declare -A suffix=([sam]=sam [cloudformation]=cfn)
templates=() build_failures=0
for app in "${apps[@]}" "${realworld[@]}" "${others[@]}"; do
  case "$app" in
    examples/*) name="$(basename "$(dirname "$app")")" ;;
    tests/realworld/*) name="realworld-$(basename "$app" .sls)" ;;
    *) name="test-$(basename "$(dirname "$app")")" ;;
  esac
  # A spec with stages is built once per stage: every stage's template must deploy.
  stages=("") stage_names="$("$slsc" stages --names "$app")" || stage_names=""
  [[ -n "$stage_names" ]] && mapfile -t stages <<< "$stage_names"
  for stage in "${stages[@]}"; do
    for target in sam cloudformation; do
      tpl="$out/$name${stage:+.$stage}.${suffix[$target]}.yaml"
      # Keep going after a failed build so one run reports every broken example.
      if "$slsc" build "$app" --target "$target" ${stage:+--stage "$stage"} -o "$tpl"; then
        templates+=("$tpl")
      else
        echo "validate-examples: FAILED: slsc build $app --target $target ${stage:+--stage $stage}" >&2
        build_failures=$((build_failures + 1))
      fi
    done
  done
done

# A single validator process for all templates: cfn-lint/samtranslator start-up (~1.4 s) is paid once.
status=0
if (( ${#templates[@]} )); then
  "$venv/bin/python" scripts/validate-template.py "${templates[@]}" || status=$?
fi
(( status >= 2 )) && exit "$status"  # the validator itself broke
echo "validate-examples: ${#apps[@]} example(s), ${#realworld[@]} real-world spec(s), ${#others[@]} test spec(s), ${#templates[@]} template(s) built, $build_failures build failure(s)"
(( build_failures == 0 && status == 0 )) || exit 1
