#!/usr/bin/env bash
# firstframe.sh — the first frame's path, step by step, without a harness
# polling the screen (docs/dev/performance.md, "2026-12-03 (fourth
# session)"). Each revision is built with scripts/firstframe/timeline.patch,
# which stamps the time at main, after the deck is parsed, around tui.New
# and at the first frame's write, then exits; bash's $EPOCHREALTIME read
# just before exec is the start. The builds run alternately in one tmux
# pane, RUNS times each, and the medians of each step are printed.
#
#   scripts/firstframe.sh REV [REV...]      # git revisions; . is the working tree (its tracked files)
#   RUNS=40 DECK=talk.md scripts/firstframe.sh main .
#
# The patch is applied with fuzz; when the code it marks has moved too far
# it fails to apply, and needs updating by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "firstframe.sh needs tmux" >&2; exit 1; }
command -v patch >/dev/null || { echo "firstframe.sh needs patch" >&2; exit 1; }
[ $# -gt 0 ] || { sed -n '2,14p' "$0"; exit 2; }
RUNS=${RUNS:-30}
DECK=${DECK:-}
[ -z "$DECK" ] || DECK=$(realpath "$DECK")
root=$(pwd)
work=$(mktemp -d)
SOCK=shovel-firstframe-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

names=()
for rev in "$@"; do
  name=$(echo "$rev" | tr -c 'A-Za-z0-9._\n-' '_')
  [ "$rev" = . ] && name=worktree
  src=$work/src-$name
  mkdir -p "$src"
  if [ "$rev" = . ]; then
    git ls-files -z | xargs -0 -I{} cp --parents {} "$src"/
  else
    git archive "$rev" | tar -x -C "$src"
  fi
  (cd "$src" && patch -s -p1 -F3 < "$root/scripts/firstframe/timeline.patch" &&
    mkdir -p internal/tl && cp "$root/scripts/firstframe/tl.go.in" internal/tl/tl.go &&
    CGO_ENABLED=0 go build -o "$work/bin-$name" ./cmd/shovel) ||
    { echo "firstframe.sh: $rev: the timeline patch does not apply or build" >&2; exit 1; }
  names+=("$name")
done

mkdir -p "$work/out"
loop="for i in \$(seq $RUNS); do"
for name in "${names[@]}"; do
  loop="$loop (T0=\$EPOCHREALTIME SHOVEL_TL=$work/out/$name.\$i SHOVEL_EXIT=1 exec $work/bin-$name present $DECK);"
done
echo "$loop done" > "$work/loop.sh"
tmux -L "$SOCK" new -d -s f -x 80 -y 24 "bash $work/loop.sh"
while tmux -L "$SOCK" has -t f 2>/dev/null; do sleep 0.2; done

python3 - "$work/out" "${names[@]}" <<'PY'
import collections, glob, statistics, sys
out, names = sys.argv[1], sys.argv[2:]
steps, order = {}, []
for n in names:
    d = collections.defaultdict(list)
    for f in glob.glob(f'{out}/{n}.*'):
        rows = [l.split() for l in open(f) if l.strip()]
        t0 = int(rows[0][1])
        for step, t in rows[1:]:
            if step not in order:
                order.append(step)
            d[step].append((int(t) - t0) / 1e6)
    steps[n] = d
print('ms from exec, median' + ''.join(f'{n[:14]:>16s}' for n in names))
for s in order:
    print(f'{s:20s}' + ''.join(f'{statistics.median(steps[n][s]):16.2f}' if steps[n][s] else f'{"":16s}' for n in names))
print('runs' + ' ' * 16 + ''.join(f'{len(steps[n]["frame"]):16d}' for n in names))
PY
