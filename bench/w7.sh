#!/usr/bin/env bash
# W7: devo serve under load (bench/README.md). wrk (Debian) at 64 connections
# against `devo serve` for three requests — an authority's evaluation with
# reasons in words, a proposal's evaluation, a map — each made anew (a server
# started with --cache-mib 0) and from the cache of answers (a server with a
# cache of 64 MiB, the default, asked the same request again), and against
# nginx (Debian) serving the same response bytes as static files, for the
# ratio.
# With --soak SECONDS, the cached server is asked that long for Greater
# Manchester's evaluation on dates drawn from 4,000 days (more answers than
# its cache holds: answers are made, kept and dropped), after a minute of the
# same, and its resident memory is compared before and after.
#
#   bench/w7.sh DEVO OUT_DIR [--soak SECONDS]
#
# W7_SECONDS sets each run's length (default 10), W7_RUNS how many runs of
# each (default 1; the medians are shown). Prints a table, and writes it to
# OUT_DIR/w7.txt.
set -euo pipefail
devo=$1
out=$2
soak=0
if [ "${3:-}" = "--soak" ]; then
  soak=${4:?--soak needs seconds}
fi
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || command -v "/usr/sbin/$tool" >/dev/null ||
    { echo "w7: $tool is missing (Debian: apt-get install $tool)" >&2; exit 2; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
mkdir -p "$out"
work=$(mktemp -d)
servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true; "$nginx_bin" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
seconds=${W7_SECONDS:-10}
runs=${W7_RUNS:-1}

# devo serve on a free port, with `$2...` as options; its access log goes to a
# file, as in use. Sets $port and $pid.
start_devo() {
  local log="$work/devo-$1.log"
  shift
  "$devo" serve --listen 127.0.0.1:0 "$@" 2>"$log" &
  pid=$!
  servers+=("$pid")
  for _ in $(seq 50); do
    grep -q "listening on" "$log" 2>/dev/null && break
    sleep 0.1
  done
  port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$log")
}
start_devo uncached --cache-mib 0
uncached=http://127.0.0.1:$port
start_devo cached --cache-mib 64
cached=http://127.0.0.1:$port
cached_pid=$pid

authority='{"authority": "Greater Manchester", "rules": "edwp-2024", "as_of": "2026-06-01"}'
proposal='{"proposal": {"name": "Leeds and Bradford", "institution": "combined_authority", "mayor": "elected_mayor", "councils": ["Leeds", "Bradford"], "reshapes": ["West Yorkshire Combined Authority"]}, "rules": "edwp-2024", "as_of": "2026-06-01"}'
map_path="/v1/map.svg?authority=Liverpool+City+Region&rules=edwp-2024&as_of=2026-06-01"

post_script() {  # a wrk script that POSTs $1
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n' "$1"
}
post_script "$authority" >"$work/authority.lua"
post_script "$proposal" >"$work/proposal.lua"
# The soak's requests: Greater Manchester on one of 4,000 days from 2016-01-01,
# drawn at random (seeded: the same days every run).
cat >"$work/soak.lua" <<'EOF'
local day0 = os.time{year = 2016, month = 1, day = 1, hour = 12}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
function init()
  math.randomseed(seed)
end
function request()
  local day = os.date("!%Y-%m-%d", day0 + 86400 * math.random(0, 3999))
  local body = '{"authority": "Greater Manchester", "rules": "edwp-2024", "as_of": "' .. day .. '"}'
  return wrk.format("POST", "/v1/evaluate", {["Content-Type"] = "application/json"}, body)
end
EOF

# nginx serves what devo answered, byte for byte.
mkdir -p "$work/root"
curl -s -X POST "$uncached/v1/evaluate" -d "$authority" >"$work/root/authority.json"
curl -s -X POST "$uncached/v1/evaluate" -d "$proposal" >"$work/root/proposal.json"
curl -s "$uncached$map_path" >"$work/root/map.svg"
cat >"$work/nginx.conf" <<EOF
worker_processes $(nproc);
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; image/svg+xml svg; }
  server { listen 127.0.0.1:0; root $work/root; }
}
EOF
# nginx takes no port 0: find a free one.
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s/listen 127.0.0.1:0;/listen 127.0.0.1:$nginx_port;/" "$work/nginx.conf"
"$nginx_bin" -p "$work" -c "$work/nginx.conf"

# Requests/s, p50 and p99 (ms) of one wrk run.
measure() {
  local report
  report=$(wrk -t2 -c64 -d"${seconds}s" --latency "$@" 2>&1)
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$report")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$report")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}
to_ms() {  # wrk writes 850.00us, 1.05ms or 1.20s
  python3 -c "import sys; v=sys.argv[1]; print(round(float(v[:-2])/1000 if v.endswith('us') else float(v[:-2]) if v.endswith('ms') else float(v[:-1])*1000, 2))" "$1"
}
# The median of each column of the lines on standard input.
medians() {
  python3 -c "import statistics, sys; rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]; print(' '.join(f'{statistics.median(c):g}' for c in zip(*rows)))"
}

{
  echo "W7: devo serve and nginx (the same bytes, static), wrk -t2 -c64 -d${seconds}s, $(nproc) cores," \
    "median of $runs run(s), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-34s %12s %9s %9s %12s %9s %8s\n' request "devo req/s" "p50 ms" "p99 ms" "nginx req/s" "p99 ms" ratio
  for workload in authority proposal map; do
    case $workload in
      authority) ask=(-s "$work/authority.lua") path=/v1/evaluate file=authority.json ;;
      proposal) ask=(-s "$work/proposal.lua") path=/v1/evaluate file=proposal.json ;;
      map) ask=() path=$map_path file=map.svg ;;
    esac
    : >"$work/anew" && : >"$work/kept" && : >"$work/nginx"
    # Interleaved, so that a busy moment weighs on all three. Of the cached
    # server's requests, only the first of all is evaluated.
    for _ in $(seq "$runs"); do
      measure "${ask[@]}" "$uncached$path" >>"$work/anew"
      measure "${ask[@]}" "$cached$path" >>"$work/kept"
      measure "http://127.0.0.1:$nginx_port/$file" >>"$work/nginx"
    done
    read -r nginx_rps _ nginx_p99 < <(medians <"$work/nginx")
    for kind in anew kept; do
      read -r rps p50 p99 < <(medians <"$work/$kind")
      case $kind in
        anew) label="$workload, made anew" ;;
        kept) label="$workload, from the cache" ;;
      esac
      ratio=$(python3 -c "print(f'{$rps / $nginx_rps * 100:.0f}%')")
      printf '%-34s %12.0f %9s %9s %12.0f %9s %8s\n' "$label" "$rps" "$p50" "$p99" "$nginx_rps" \
        "$nginx_p99" "$ratio"
    done
  done
  if [ "$soak" -gt 0 ]; then
    rss() { awk '/VmRSS/ {print $2}' "/proc/$cached_pid/status"; }
    # A minute first: the cache at its budget, answers dropped as others
    # come, and the allocator's heap settled (it grows for about that long
    # after the cache is full, then stays level).
    wrk -t2 -c64 -d60s -s "$work/soak.lua" "$cached" >/dev/null 2>&1
    before=$(rss)
    report=$(wrk -t2 -c64 -d"${soak}s" -s "$work/soak.lua" "$cached" 2>&1)
    after=$(rss)
    echo "soak: ${soak} s of Greater Manchester's evaluation on 4,000 days, cache of 64 MiB," \
      "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$report") req/s;" \
      "RSS ${before} kB before, ${after} kB after" \
      "($(python3 -c "print(f'{($after - $before) / $before * 100:+.1f}%')"))"
  fi
} | tee "$out/w7.txt"
