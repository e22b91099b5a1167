# Shell functions the benchmarks share: the release binary, the shared site farm
# (../shared/bench/gen_farm.py) with each site's own badge, nginx serving it on loopback by
# Host header, dnsmasq answering its names, the registry import CSV of its sites, and a wait
# for a quiet machine. Sourced by bench/*/run, which set beforehand:
#   bench_name   the script's name for messages (e.g. bench/scan/run)
#   here         the repository root
#   work         the run's work folder (mktemp -d, chmod 755: nginx workers read it)
#   pids         an array the functions append the servers they start to (the caller kills them)

bench_fail() { echo "$bench_name: $*" >&2; exit 2; }

# Checks that nginx and dnsmasq (scripts/install-deps) are installed; puts /usr/sbin on PATH.
bench_need_servers() {
  for tool in nginx dnsmasq; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
      bench_fail "$tool missing (scripts/install-deps)"
  done
  PATH=$PATH:/usr/sbin
}

# Sets bw to the release binary, building it (scripts/build) only when it is missing or
# older than the last commit; BADGEWATCH_BUILD_DIR names another tree, BADGEWATCH_NO_BUILD=1
# uses it as it is.
bench_binary() {
  local build_dir=${BADGEWATCH_BUILD_DIR:-build}
  bw="$here/$build_dir/badgewatch"
  if [ -z "${BADGEWATCH_NO_BUILD:-}" ]; then
    if [ ! -x "$bw" ] || [ "$(stat -c %Y "$bw")" -lt "$(git -C "$here" log -1 --format=%ct)" ]; then
      (cd "$here" && ./scripts/build "$build_dir" >/dev/null)
    fi
  fi
  [ -x "$bw" ] || bench_fail "$bw missing"
}

bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# bench_make_farm SITES PAGES HTTP_PORT: the farm in $work/farm. Every page gen_farm.py
# writes carries the badge CA330000000604333780001; site N's pages get the badge of its own
# unit instead (unit number 60000000 + N, sequence 0001: the same length, the path digits and
# file-name id kept in agreement), so the registry's badge ids match and the verdicts come
# from the farm's own defects (truth.csv). gen_farm.py is deterministic and draws site after
# site from one generator, so the first N sites of a larger farm are the N-site farm.
# BENCH_REGIONS="33 11 44" (default "33") puts site N in the Nth of those regions, round
# robin: its badge (the id and the script path) then names that region.
bench_make_farm() {
  local gen="$here/../shared/bench/gen_farm.py"
  [ -f "$gen" ] || bench_fail "$gen not found (the shared bench material)"
  python3 "$gen" --sites "$1" --pages "$2" --out "$work/farm" --port "$3"
  python3 - "$work/farm" "$1" "${BENCH_REGIONS:-33}" <<'PY'
import os, sys
from multiprocessing import Pool
farm, n, regions = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
def rebadge(site):
    d = os.path.join(farm, f"site{site:04d}")
    unit = str(60000000 + site).encode()
    region = regions[(site - 1) % len(regions)].encode()
    for name in os.listdir(d):
        if not name.endswith(".html"):
            continue
        path = os.path.join(d, name)
        with open(path, "rb") as f:
            data = f.read()
        new = data.replace(b"60433378", unit)
        if region != b"33":
            new = new.replace(b"/js/33/", b"/js/" + region + b"/").replace(b"CA33", b"CA" + region)
        if new != data:
            with open(path, "wb") as f:
                f.write(new)
with Pool(os.cpu_count() or 2) as pool:
    pool.map(rebadge, range(1, n + 1), chunksize=16)
PY
}

# bench_serve_farm HTTP_PORT DNS_PORT: nginx with virtual hosts siteNNNN.example.gov.cn ->
# $work/farm/siteNNNN/, dnsmasq answering every example.gov.cn name with 127.0.0.1 (nothing
# else); returns once both answer (polled, no fixed sleep).
bench_serve_farm() {
  local http_port=$1 dns_port=$2
  mkdir -p "$work/nginx/tmp"
  cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  types { text/html html; text/css css; application/javascript js; image/png png; }
  keepalive_requests 100000;
  client_body_temp_path $work/nginx/tmp;
  proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp;
  scgi_temp_path $work/nginx/tmp;
  server {
    listen 127.0.0.1:$http_port default_server;
    server_name ~^(?<site>site[0-9]+)\.example\.gov\.cn\$;
    root $work/farm/\$site;
  }
}
CONF
  nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  pids+=($!)
  dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --pid-file= \
    --user=root --bind-interfaces --listen-address=127.0.0.1 --port="$dns_port" \
    --address=/example.gov.cn/127.0.0.1 2>"$work/dnsmasq.log" &
  pids+=($!)
  local ready=0
  for _ in $(seq 200); do
    if python3 - "$dns_port" "$http_port" <<'PY' 2>/dev/null; then ready=1; break; fi
import http.client, socket, struct, sys
dns_port, http_port = int(sys.argv[1]), int(sys.argv[2])
name = "site0001.example.gov.cn"
c = http.client.HTTPConnection("127.0.0.1", http_port, timeout=0.2)
c.request("GET", "/index.html", headers={"Host": name})
assert c.getresponse().status == 200
q = struct.pack(">HHHHHH", 1, 0x0100, 1, 0, 0, 0)
q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0" + struct.pack(">HH", 1, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.2)
s.sendto(q, ("127.0.0.1", dns_port)); assert s.recv(512)[3] & 0x0f == 0  # NOERROR
PY
    sleep 0.05
  done
  if [ "$ready" != 1 ]; then
    cat "$work/nginx/error.log" "$work/dnsmasq.log" >&2
    bench_fail "nginx or dnsmasq did not come up"
  fi
}

# bench_farm_csv N OUT: the import CSV of the first N farm sites: one unit per site (its own
# unit number, its region and the badge the farm's pages now carry: see bench_make_farm),
# registered IP 127.0.0.1.
bench_farm_csv() {
  python3 - "$work/farm/sites.csv" "$1" "$2" "${BENCH_REGIONS:-33}" <<'PY'
import csv, sys
src, n, out, regions = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4].split()
cols = ["kind", "region", "system_category", "unit_name", "address", "handler_name", "mobile",
        "email", "unit_number", "site_name", "english_domain", "chinese_domain",
        "hosted_on_platform", "ips", "introduction", "badge_id"]
with open(src, encoding="utf-8") as f, open(out, "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o)
    w.writerow(cols)
    for i, row in enumerate(csv.DictReader(f), start=1):
        if i > n:
            break
        unit = str(60000000 + i)
        region = regions[(i - 1) % len(regions)]
        w.writerow(["党政机关", region, "政府",
                    f"{row['registered_name']}{i:04d}",
                    "浙江省杭州市上城区解放东路18号", "王敏", f"138{i:08d}",
                    f"web{i}@example.gov.cn", unit, row["registered_name"], row["host"], "",
                    "0", "127.0.0.1", "门户网站。", f"CA{region}0000000{unit}0001"])
PY
}

# bench_wait_quiet SECONDS: waits (up to SECONDS; 0: not at all) until the other processes
# of the machine keep less than a fifth of a core busy for 3 s running.
bench_wait_quiet() {
  python3 - "$1" <<'PY'
import os, sys, time
limit = float(sys.argv[1]); start = time.time(); quiet = 0
def sample():
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return sum(f), f[3] + f[4]
total0, idle0 = sample()
while limit > 0 and time.time() - start < limit and quiet < 3:
    time.sleep(1)
    total1, idle1 = sample()
    cores = (total1 - total0 - (idle1 - idle0)) / max(1, total1 - total0) * os.cpu_count()  # busy cores
    quiet = quiet + 1 if cores < 0.2 else 0
    total0, idle0 = total1, idle1
if limit > 0 and quiet < 3:
    print(f"(machine still busy after {limit:.0f} s: measuring anyway)")
elif time.time() - start > 5:
    print(f"(waited {time.time() - start:.0f} s for a quiet machine)")
PY
}
