#!/usr/bin/env bash
# HTTP benchmark on loopback, in one run:
#   1. GET /healthz on caretoolkit against nginx serving a small static file (same machine, same
#      wrk settings), printed as requests/s and the ratio;
#   2. POST /api/v1/adverts/check with a 500-word advert: requests/s and p99 latency;
#   3. 1,000 idle keep-alive connections held open: the server's resident memory.
# Every load is bounded: wrk runs for a fixed time, the idle test holds connections for a few
# seconds. Installs wrk and nginx (Debian packages) if they are missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
threads=${WRK_THREADS:-2}

scripts/setup wrk nginx
scripts/build >/dev/null

work=$(mktemp -d "$root/build/bench-api.XXXXXX")
cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [[ -n "${nginx_pid:-}" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# caretoolkit, with the public rate limit off so that the load generator is not throttled.
port=$(free_port)
build/caretoolkit serve --listen "127.0.0.1:$port" --db "$work/bench.db" --content toolkit-content \
  --rules rules --advert-checks-per-minute 0 --quiet --max-connections 5000 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# nginx serving a 33-byte file, the same size as the /healthz answer.
nginx_port=$(free_port)
mkdir -p "$work/nginx/html" "$work/nginx/logs"
printf '{"status":"ok","version":"0.1.0"}' >"$work/nginx/html/healthz"
run_as=""
[[ $(id -u) -eq 0 ]] && run_as="user root;"
cat >"$work/nginx/nginx.conf" <<CONF
$run_as
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/html;
    default_type application/json;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/logs/error.log" &
nginx_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nginx_port/healthz" >/dev/null && break; sleep 0.1; done

rps() { awk '/Requests\/sec/ {print $2}'; }
p99() { awk '$1=="99%" {print $2}'; }

echo "== GET /healthz vs nginx: wrk -t$threads -c$connections -d$duration =="
ours=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/healthz")
theirs=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "http://127.0.0.1:$nginx_port/healthz")
ours_rps=$(rps <<<"$ours"); theirs_rps=$(rps <<<"$theirs")
printf 'caretoolkit /healthz: %s req/s (p99 %s)\n' "$ours_rps" "$(p99 <<<"$ours")"
printf 'nginx static file:    %s req/s (p99 %s)\n' "$theirs_rps" "$(p99 <<<"$theirs")"
awk -v a="$ours_rps" -v b="$theirs_rps" 'BEGIN {printf "ratio caretoolkit/nginx: %.2f (target >= 0.70)\n", a/b}'

echo "== POST /api/v1/adverts/check, 500-word advert: wrk -t$threads -c$connections -d$duration =="
python3 - "$work/advert.json" <<'PY'
import json, sys, glob
words = []
for path in sorted(glob.glob("examples/adverts/*.txt")):
    words += open(path, encoding="utf-8").read().split(" ")
text = " ".join(words[:500]) if len(words) >= 500 else " ".join((words * (500 // max(1, len(words)) + 1))[:500])
json.dump({"text": text, "role": "Care worker", "service": "home_care"}, open(sys.argv[1], "w"))
PY
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/advert.json", "rb")
wrk.body = f:read("*a")
f:close()
LUA
curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$work/advert.json" \
  "http://127.0.0.1:$port/api/v1/adverts/check" >/dev/null
checks=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/adverts/check")
printf 'advert checks: %s req/s (target >= 5000), p99 %s (target < 20ms)\n' "$(rps <<<"$checks")" "$(p99 <<<"$checks")"
grep -E 'Non-2xx|Socket errors' <<<"$checks" || true

echo "== 1,000 idle keep-alive connections =="
python3 - "$port" "$server_pid" <<'PY'
import socket, sys, time
port, pid = int(sys.argv[1]), sys.argv[2]
def rss_mib():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss_mib()
sockets = []
request = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"
for _ in range(1000):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(request)
    sockets.append(s)
answered = 0
for s in sockets:
    data = s.recv(4096)
    answered += data.startswith(b"HTTP/1.1 200")
time.sleep(2)
held = sum(1 for s in sockets if s.fileno() >= 0)
after = rss_mib()
# Every connection is still open and usable: ask again on each.
for s in sockets:
    s.sendall(request)
again = sum(s.recv(4096).startswith(b"HTTP/1.1 200") for s in sockets)
print(f"connections answered {answered}/1000, still served after idling {again}/1000")
print(f"server RSS: {before:.1f} MiB before, {after:.1f} MiB with 1,000 idle connections (target < 100 MiB)")
for s in sockets:
    s.close()
PY
