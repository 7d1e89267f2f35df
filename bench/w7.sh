#!/usr/bin/env bash
# W7: devo serve under load (bench/README.md). wrk (Debian) at 64 connections
# against `devo serve` for three requests — an authority's evaluation with
# reasons in words, a proposal's evaluation, a map — and against nginx
# (Debian) serving the same response bytes as static files, for the ratio.
# With --soak SECONDS, the authority evaluation runs that long and the
# server's resident memory is compared before and after.
#
#   bench/w7.sh DEVO OUT_DIR [--soak SECONDS]
#
# Prints a table, and writes it to OUT_DIR/w7.txt. Nothing is cached by devo
# serve: every request is evaluated and rendered anew.
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
trap 'kill "$server" 2>/dev/null || true; "$nginx_bin" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
seconds=${W7_SECONDS:-10}

# devo serve on a free port; its access log goes to a file, as in use.
"$devo" serve --listen 127.0.0.1:0 2>"$work/devo.log" &
server=$!
for _ in $(seq 50); do
  grep -q "listening on" "$work/devo.log" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$work/devo.log")
base=http://127.0.0.1:$port

authority='{"authority": "Greater Manchester", "rules": "edwp-2024", "as_of": "2026-06-01"}'
proposal='{"proposal": {"name": "Leeds and Bradford", "institution": "combined_authority", "mayor": "elected_mayor", "councils": ["Leeds", "Bradford"], "reshapes": ["West Yorkshire Combined Authority"]}, "rules": "edwp-2024", "as_of": "2026-06-01"}'
map_path="/v1/map.svg?authority=Liverpool+City+Region&rules=edwp-2024&as_of=2026-06-01"

post_script() {  # a wrk script that POSTs $1
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n' "$1"
}
post_script "$authority" >"$work/authority.lua"
post_script "$proposal" >"$work/proposal.lua"

# nginx serves what devo answered, byte for byte.
mkdir -p "$work/root"
curl -s -X POST "$base/v1/evaluate" -d "$authority" >"$work/root/authority.json"
curl -s -X POST "$base/v1/evaluate" -d "$proposal" >"$work/root/proposal.json"
curl -s "$base$map_path" >"$work/root/map.svg"
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

{
  echo "W7: devo serve and nginx (the same bytes, static), wrk -t2 -c64 -d${seconds}s, $(nproc) cores"
  printf '%-34s %12s %9s %9s %12s %9s %8s\n' request "devo req/s" "p50 ms" "p99 ms" "nginx req/s" "p99 ms" ratio
  for workload in authority proposal map; do
    case $workload in
      authority) devo_run=(-s "$work/authority.lua" "$base/v1/evaluate") file=authority.json ;;
      proposal) devo_run=(-s "$work/proposal.lua" "$base/v1/evaluate") file=proposal.json ;;
      map) devo_run=("$base$map_path") file=map.svg ;;
    esac
    read -r rps p50 p99 < <(measure "${devo_run[@]}")
    read -r nginx_rps _ nginx_p99 < <(measure "http://127.0.0.1:$nginx_port/$file")
    ratio=$(python3 -c "print(f'{$rps / $nginx_rps * 100:.0f}%')")
    printf '%-34s %12s %9s %9s %12s %9s %8s\n' "$workload" "$rps" "$p50" "$p99" "$nginx_rps" \
      "$nginx_p99" "$ratio"
  done
  if [ "$soak" -gt 0 ]; then
    rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
    before=$(rss)
    wrk -t2 -c64 -d"${soak}s" -s "$work/authority.lua" "$base/v1/evaluate" >/dev/null 2>&1
    after=$(rss)
    echo "soak: ${soak} s of authority evaluations; RSS ${before} kB before, ${after} kB after" \
      "($(python3 -c "print(f'{($after - $before) / $before * 100:+.1f}%')"))"
  fi
} | tee "$out/w7.txt"
