#!/usr/bin/env bash
# This checkout paired with an earlier commit on the same synthetic dossiers: bench/run.sh of each in turn (by default
# old, new, new, old, so that a drift of the machine weighs on both), every table printed under its code's name.
#   bench/pair.sh <commit> [sizes...]           e.g. RUNS=3 README_SIZES=10000 bench/pair.sh 6900632 1000 10000
#   ORDER="old new" bench/pair.sh <commit> 100000
# The dossiers are generated once, by the earlier commit's generator, which both codes read.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1; shift
work=${BENCH_DIR:-$(mktemp -d)}
tree="$work/old-code"
[ -d "$tree" ] || git worktree add -f -B "bench-pair-$(git rev-parse --short "$old")" "$tree" "$old" >/dev/null
for who in ${ORDER:-old new new old}; do
  if [ "$who" = old ]; then code=$tree; else code=$(pwd); fi
  echo "### $who: $(git -C "$code" rev-parse --short HEAD), $(date -u +%H:%M)"
  rm -rf "$work/bin" # each code publishes its own binary: files of the other's would be loaded beside it
  BENCH_DIR="$work" "$code/bench/run.sh" "$@"
done
