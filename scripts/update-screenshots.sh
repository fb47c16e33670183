#!/usr/bin/env bash
# Re-shoots docs/screenshots/ from the browser tests' own screenshots (German, 1400 × 900): run
# `npm run build && npm run test:browser` first, then this. The README's pictures thus always show
# what the tests saw on the demo data, never a hand-made image.
set -euo pipefail
cd "$(dirname "$0")/.."
from=test-artifacts
to=docs/screenshots
declare -A shots=(
  [application-submitted]=year-02-application-submitted
  [jury-workspace]=workspace-jury
  [scoring]=jury-01-scoring
  [selection]=year-07-selection-finalised
  [coach-workspace]=workspace-coach
  [tranche-paid]=year-10-tranche-paid
)
for name in "${!shots[@]}"; do
  source_png="$from/${shots[$name]}.png"
  [[ -f $source_png ]] || { echo "missing $source_png: run npm run test:browser first" >&2; exit 1; }
  cp "$source_png" "$to/$name.png"
  echo "$to/$name.png ← $source_png"
done
