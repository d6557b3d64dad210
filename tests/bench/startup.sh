#!/usr/bin/env bash
# Start-up benchmark: time to the first window and memory then, with 10,000 events in the store,
# next to GNOME Calendar and Thunderbird when they are installed (optional peers; not in deps.sh).
#
#   tests/bench/startup.sh [BUILD_DIR]        (default: build/dev; builds nothing)
#   env: RUNS=7 (measured runs per app, after one warm-up), EVENTS=10000, SETTLE_MS=1000
#
# Kairos is measured two ways: its own hook (KAIROS_BENCH_FIRST_PAINT=1 prints `first-paint-ms N`
# and `rss-kb N` after the calendar's first paint, then exits), and from outside exactly like the
# peers: launch → first visible (mapped) top-level window of the app's process tree (xdotool),
# then, SETTLE_MS later, memory summed over the tree (PSS from /proc/PID/smaps_rollup, RSS too).
# Every app runs in its own dbus-run-session with a fresh HOME, inside one Xvfb; the session's
# D-Bus activated helpers (evolution-data-server for GNOME Calendar) count as the app's memory,
# the dbus-daemon itself does not. Caches are warm (one unmeasured warm-up run per app).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/dev}
[[ $build == /* ]] || build=$PWD/$build
runs=${RUNS:-7}
events=${EVENTS:-10000}
settle_ms=${SETTLE_MS:-1000}

die() { echo "startup.sh: $*" >&2; exit 1; }

find_exe() {
  local p
  for p in "$build/app/$1" "$build/tests/bench/startup/$1" "$build/bin/$1"; do
    [[ -x $p ]] && { echo "$p"; return 0; }
  done
  find "$build" -type f -name "$1" -perm -u+x 2>/dev/null | head -n1
}

kairos=$(find_exe kairos)
seed=$(find_exe kairos-bench-seed)
[[ -n $kairos ]] || die "no kairos in $build (cmake --build $build --target kairos)"
[[ -n $seed ]] || die "no kairos-bench-seed in $build (cmake --build $build --target kairos-bench-seed)"

# Everything below runs in one Xvfb.
if [[ -z ${KAIROS_BENCH_IN_XVFB:-} ]]; then
  command -v xvfb-run >/dev/null || die "xvfb-run is needed (apt-get install xvfb xauth)"
  export KAIROS_BENCH_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "${BASH_SOURCE[0]}" "$build"
fi

tmp=$(mktemp -d /tmp/kairos-startup.XXXXXX)
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

median() { tr ' ' '\n' | awk '/^[0-9]+$/ {a[++n] = $1} END {
  if (n == 0) { print "n/a"; exit }
  for (i = 2; i <= n; i++) { v = a[i]; for (j = i - 1; j > 0 && a[j] > v; j--) a[j + 1] = a[j]; a[j + 1] = v }
  print (n % 2) ? a[(n + 1) / 2] : int((a[n / 2] + a[n / 2 + 1]) / 2) }'; }
now_ns() { date +%s%N; }

# All descendants of a pid (itself included).
tree_pids() {
  ps -e -o pid= -o ppid= | awk -v root="$1" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      keep[root] = 1; changed = 1
      while (changed) { changed = 0
        for (i in pids) { p = pids[i]; if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } } }
      for (p in keep) print p
    }'
}

# "PSS_KB RSS_KB" summed over the tree, leaving out dbus-run-session and dbus-daemon.
tree_mem() {
  local pss=0 rss=0 p comm v
  for p in $(tree_pids "$1"); do
    comm=$(cat "/proc/$p/comm" 2>/dev/null) || continue
    [[ $comm == dbus-run-sessio* || $comm == dbus-daemon ]] && continue
    v=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null) && pss=$((pss + ${v:-0}))
    v=$(awk '/^Rss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null) && rss=$((rss + ${v:-0}))
  done
  echo "$pss $rss"
}

stop_tree() {
  local pids
  pids=$(tree_pids "$1")
  kill -TERM -- "-$1" 2>/dev/null || true
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$1" 2>/dev/null || true
  kill -KILL $pids 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# measure_window HOME CMD... → "MS PSS_KB RSS_KB" (or "fail")
measure_window() {
  local home=$1; shift
  local t0 t1 pid found="" p
  mkdir -p "$home"
  t0=$(now_ns)
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    XDG_CACHE_HOME=$home/.cache XDG_STATE_HOME=$home/.local/state \
    setsid dbus-run-session -- "$@" >"$home/out.log" 2>&1 &
  pid=$!
  while [[ -z $found ]]; do
    for p in $(tree_pids "$pid"); do
      if xdotool search --onlyvisible --pid "$p" >/dev/null 2>&1; then found=1; break; fi
    done
    [[ -n $found ]] && break
    kill -0 "$pid" 2>/dev/null || break
    (( ($(now_ns) - t0) / 1000000 > 60000 )) && break
    sleep 0.005
  done
  t1=$(now_ns)
  if [[ -z $found ]]; then
    stop_tree "$pid"
    echo fail
    return
  fi
  sleep "$(awk -v ms="$settle_ms" 'BEGIN {printf "%.3f", ms / 1000}')"
  local mem
  mem=$(tree_mem "$pid")
  stop_tree "$pid"
  echo "$(((t1 - t0) / 1000000)) $mem"
}

# bench_peer LABEL CMD... → sets peer_ms peer_pss peer_rss (medians) or returns 1
bench_peer() {
  local label=$1; shift
  local home=$tmp/home-$(echo "$label" | tr -c 'a-zA-Z0-9' '_')
  local ms=() pss=() rss=() r i
  echo "== $label: $* ($runs runs after a warm-up)" >&2
  r=$(measure_window "$home" "$@") # warm-up (first run also creates the app's profile)
  for ((i = 1; i <= runs; i++)); do
    r=$(measure_window "$home" "$@")
    if [[ $r == fail ]]; then
      echo "   run $i: no window within 60 s" >&2
      continue
    fi
    read -r a b c <<<"$r"
    ms+=("$a"); pss+=("$b"); rss+=("$c")
    echo "   run $i: window after ${a} ms, PSS ${b} kB, RSS ${c} kB" >&2
  done
  ((${#ms[@]} > 0)) || return 1
  peer_ms=$(echo "${ms[*]}" | median)
  peer_pss=$(echo "${pss[*]}" | median)
  peer_rss=$(echo "${rss[*]}" | median)
}

export QT_QPA_PLATFORM=xcb
export KAIROS_HOME=$tmp/kairos-home
echo "Seeding $events events..." >&2
"$seed" --profile bench --events "$events" >&2

have_xdotool=""
command -v xdotool >/dev/null && have_xdotool=1

# 1. Kairos through its own first-paint hook.
echo "== Kairos (first-paint hook, $runs runs after a warm-up)" >&2
fp=() krss=()
for ((i = 0; i <= runs; i++)); do
  out=$(KAIROS_BENCH_FIRST_PAINT=1 timeout 60 dbus-run-session -- "$kairos" --profile bench 2>"$tmp/kairos.err") || true
  f=$(awk '$1 == "first-paint-ms" {print $2}' <<<"$out")
  m=$(awk '$1 == "rss-kb" {print $2}' <<<"$out")
  if [[ -z $f ]]; then
    echo "   kairos printed no first-paint-ms (is the KAIROS_BENCH_FIRST_PAINT hook in this build?)" >&2
    tail -n 5 "$tmp/kairos.err" >&2 || true
    break
  fi
  ((i == 0)) && continue
  fp+=("$f"); krss+=("$m")
  echo "   run $i: first paint ${f} ms, RSS ${m} kB" >&2
done
k_fp=$(echo "${fp[*]:-}" | median)
k_rss=$(echo "${krss[*]:-}" | median)

# 2. Kairos measured from outside, like the peers.
k_ms=n/a k_pss=n/a k_trss=n/a
if [[ -n $have_xdotool ]] && bench_peer "Kairos (external)" "$kairos" --profile bench; then
  k_ms=$peer_ms k_pss=$peer_pss k_trss=$peer_rss
fi

# 3. Peers, when installed.
declare -A P_MS P_PSS P_RSS
peers=()
if [[ -z $have_xdotool ]]; then
  echo "xdotool is not installed: peers are not measured (apt-get install xdotool)" >&2
else
  if command -v gnome-calendar >/dev/null && bench_peer "GNOME Calendar" gnome-calendar; then
    peers+=("GNOME Calendar"); P_MS["GNOME Calendar"]=$peer_ms; P_PSS["GNOME Calendar"]=$peer_pss; P_RSS["GNOME Calendar"]=$peer_rss
  fi
  if command -v thunderbird >/dev/null && bench_peer "Thunderbird" thunderbird --no-remote; then
    peers+=("Thunderbird"); P_MS["Thunderbird"]=$peer_ms; P_PSS["Thunderbird"]=$peer_pss; P_RSS["Thunderbird"]=$peer_rss
  fi
fi

# Kairos figures for the ratios. Time: the slower of its two measures, so the comparison never
# flatters Kairos. Memory: like with like — PSS of the process tree against the peers' PSS (RSS
# would count the libraries a multi-process peer shares once per process); RSS against RSS is
# printed too, with the larger of the hook's and the external RSS.
kt=$k_fp
[[ $k_ms =~ ^[0-9]+$ && (! $kt =~ ^[0-9]+$ || $k_ms -gt $kt) ]] && kt=$k_ms
km=$k_pss
krss_max=$k_rss
[[ $k_trss =~ ^[0-9]+$ && (! $krss_max =~ ^[0-9]+$ || $k_trss -gt $krss_max) ]] && krss_max=$k_trss
[[ $km =~ ^[0-9]+$ ]] || km=$krss_max

echo
echo "Start-up with $events events (median of $runs runs, warm caches, Xvfb, $(nproc) CPUs)"
printf '  %-34s %8s %12s %12s\n' "" "window" "PSS" "RSS"
printf '  %-34s %6s ms %12s %9s kB\n' "Kairos (own first-paint hook)" "$k_fp" "" "$k_rss"
printf '  %-34s %6s ms %9s kB %9s kB\n' "Kairos (launch to mapped window)" "$k_ms" "$k_pss" "$k_trss"
for p in "${peers[@]}"; do
  printf '  %-34s %6s ms %9s kB %9s kB\n' "$p" "${P_MS[$p]}" "${P_PSS[$p]}" "${P_RSS[$p]}"
done
echo "first-window-ms $kt"
echo "memory-kb $km"
status=0
for p in "${peers[@]}"; do
  if [[ $kt =~ ^[0-9]+$ && $km =~ ^[0-9]+$ ]] && ((kt > 0 && km > 0)); then
    speed=$(awk -v a="${P_MS[$p]}" -v b="$kt" 'BEGIN {printf "%.1f", a / b}')
    share=$(awk -v a="$km" -v b="${P_PSS[$p]}" 'BEGIN {printf "1/%.1f (%.1f%%)", b / a, 100 * a / b}')
    echo "Kairos is ${speed}× faster to first window than $p and uses $share of its memory (PSS)"
    if [[ $krss_max =~ ^[0-9]+$ ]]; then
      awk -v a="$krss_max" -v b="${P_RSS[$p]}" 'BEGIN {printf "  (RSS against RSS: 1/%.1f, %.1f%%)\n", b / a, 100 * a / b}'
    fi
    if [[ $p == "GNOME Calendar" ]]; then
      ok_t=$(awk -v a="${P_MS[$p]}" -v b="$kt" 'BEGIN {print (a >= 3 * b) ? "yes" : "no"}')
      ok_m=$(awk -v a="$km" -v b="${P_PSS[$p]}" 'BEGIN {print (5 * a < b) ? "yes" : "no"}')
      echo "  target ≥3× faster: $ok_t; target <1/5 of the memory: $ok_m"
      [[ $ok_t == yes && $ok_m == yes ]] || status=2
    fi
  fi
done
((${#peers[@]} > 0)) || echo "(no peers measured: install gnome-calendar and/or thunderbird, and xdotool)"
exit $status
