#!/usr/bin/env bash
# measure.sh — whole-process figures for shovel's presenting program, on the
# built binary in tmux at 120x40 (issue 5): time to first frame, CPU per key
# press, idle CPU per second, peak RSS. Rerun after changes:
#
#   scripts/measure.sh [DECK]        # default: the built-in deck
#   FPS=30 scripts/measure.sh        # with bubbletea's frame rate capped (default 60)
#
# CPU time is read from /proc/PID/task/*/schedstat (nanoseconds on CPU,
# all threads), so it is exact rather than in 10 ms clock ticks.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "measure.sh needs tmux" >&2; exit 1; }

DECK=${1:-}
W=120 H=40 RUNS=${RUNS:-15} PRESSES=${PRESSES:-200} FPS=${FPS:-0} PACE=${PACE:-0.05}
BIN=$(mktemp -d)/shovel
SOCK=shovel-measure-$$
# Built as `make build` builds it: static, without cgo (a cgo build is
# dynamically linked, and the loader alone cost ~4 ms of the first frame).
CGO_ENABLED=0 go build -o "$BIN" ./cmd/shovel
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; rm -rf "$(dirname "$BIN")"' EXIT

now_ns() { date +%s%N; }
t() { tmux -L "$SOCK" "$@"; }
screen() { t capture-pane -p -t m 2>/dev/null || true; }
# cpu_ns PID: CPU time of all the process's threads, in nanoseconds.
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{s += $1} END {print s}'; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
wait_for() { # wait_for TEXT: poll the screen (1 ms apart) until TEXT shows
  for _ in $(seq 1 20000); do screen | grep -qF -- "$1" && return 0; sleep 0.001; done
  echo "timed out waiting for: $1" >&2; screen >&2; return 1
}
start() { # start COMMAND: a fresh session with COMMAND as its pane, on a
  # server kept up by a session of its own (so server start-up is not timed)
  t kill-session -t m 2>/dev/null || true
  t new-session -d -x "$W" -y "$H" -s m "$1"
}
settle() { # wait until the screen stops changing for 300 ms
  local prev="" cur
  for _ in $(seq 1 200); do cur=$(screen); [ "$cur" = "$prev" ] && return 0; prev=$cur; sleep 0.3; done
}

t new-session -d -s keep "sleep 100000"
echo "shovel: $(git describe --always --dirty 2>/dev/null), deck: ${DECK:-built-in}, ${W}x${H}, fps ${FPS/#0/default}, $(nproc) CPUs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Time to first frame: from starting the tmux session to the footer showing.
# The same with a command that prints one line is tmux's own cost.
ff=() base=()
for _ in $(seq 1 "$RUNS"); do
  s=$(now_ns); start "exec $BIN present --fps $FPS $DECK"; wait_for " / "; e=$(now_ns); ff+=($(( (e - s) / 1000000 )))
  s=$(now_ns); start "echo READY; sleep 10"; wait_for READY; e=$(now_ns); base+=($(( (e - s) / 1000000 )))
done
echo "time to first frame: median $(printf '%s\n' "${ff[@]}" | median) ms over $RUNS runs (all: ${ff[*]})"
echo "tmux alone (echo):   median $(printf '%s\n' "${base[@]}" | median) ms (all: ${base[*]})"

start "exec $BIN present --fps $FPS $DECK"
wait_for " / "
PID=$(t display -p -t m '#{pane_pid}')
settle
sleep 5 # let start-up's garbage collection and scavenging finish

# Idle CPU: nothing pressed for 10 s, audience view, then presenter view.
c0=$(cpu_ns "$PID"); sleep 10; c1=$(cpu_ns "$PID")
IDLE_NS_PER_S=$(( (c1 - c0) / 10 ))
echo "idle CPU, audience view:  $(awk -v d=$((c1 - c0)) 'BEGIN {printf "%.3f", d / 1e6 / 10}') ms/s"
t send-keys -t m P; wait_for PRESENTER; settle; sleep 2
c0=$(cpu_ns "$PID"); sleep 10; c1=$(cpu_ns "$PID")
echo "idle CPU, presenter view: $(awk -v d=$((c1 - c0)) 'BEGIN {printf "%.3f", d / 1e6 / 10}') ms/s (its clock ticks once a second)"
t send-keys -t m P; settle

# CPU per key press: PRESSES presses of → and ← (twenty each way in turn, so
# the deck's end is not reached), PACE seconds apart so that each press gets
# a frame of its own, as a speaker's do (sent faster, bubbletea draws one
# frame for several presses and the figure looks better than it is). The
# idle CPU over the same wall time is subtracted.
c0=$(cpu_ns "$PID"); s=$(now_ns)
for i in $(seq 1 "$PRESSES"); do
  if [ $(( (i - 1) / 20 % 2 )) -eq 0 ]; then t send-keys -t m Right; else t send-keys -t m Left; fi
  sleep "$PACE"
done
settle
c1=$(cpu_ns "$PID"); e=$(now_ns)
echo "CPU per key press:        $(awk -v d=$((c1 - c0)) -v w=$((e - s)) -v i="$IDLE_NS_PER_S" -v n="$PRESSES" \
  'BEGIN {printf "%.3f ms (%.3f before subtracting idle)", (d - i * w / 1e9) / 1e6 / n, d / 1e6 / n}') ($PRESSES presses, $PACE s apart, $(( (e - s) / 1000000 )) ms wall)"

# Peak RSS after walking the whole deck forward in both views.
for _ in $(seq 1 150); do t send-keys -t m Right; done; settle
t send-keys -t m P; for _ in $(seq 1 150); do t send-keys -t m Left; done; settle
echo "peak RSS:                 $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' /proc/"$PID"/status)"
t send-keys -t m q
echo "load average after:       $(cut -d' ' -f1-3 /proc/loadavg)"
