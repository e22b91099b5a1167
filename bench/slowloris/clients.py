#!/usr/bin/env python3
"""Hostile and normal clients of `badgewatch serve` on loopback (stdlib only).

  clients.py slowloris PORT TOKEN [SLOW]    one address (127.0.0.1) holds SLOW (4,200) slow
      connections, re-opening each one the server closes, while another (127.0.0.2) makes 100
      normal requests (GET /api/me, a new connection each): how many answer within 1 s, p50, p99.
  clients.py login-flood PORT TOKEN SPREAD  32 flooders POST /api/session with varying login
      names (from 127.0.0.1, or each from its own 127.0.1.N when SPREAD is 1) while 127.0.0.2
      times GET /api/me: p50 and p99, and the flood's answers by status.
"""
import json
import selectors
import socket
import statistics
import sys
import threading
import time

SERVER = "127.0.0.1"
NORMAL_CLIENT = "127.0.0.2"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def read_response(sock):
    """The status of one HTTP/1.1 response on `sock` (its body read by Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a response")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status


def timed_me(port, token, timeout=5.0):
    """Seconds for one GET /api/me on a new connection from NORMAL_CLIENT, and its status."""
    start = time.perf_counter()
    try:
        sock = socket.create_connection((SERVER, port), timeout=timeout,
                                        source_address=(NORMAL_CLIENT, 0))
        with sock:
            sock.sendall(("GET /api/me HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer %s\r\n"
                          "Connection: close\r\n\r\n" % token).encode())
            status = read_response(sock)
    except OSError:
        status = 0  # timed out, refused or reset
    return time.perf_counter() - start, status


def report(name, samples):
    times = [t for t, _ in samples]
    ok = [t for t, s in samples if s == 200]
    within = sum(1 for t, s in samples if s == 200 and t <= 1.0)
    print("%s: %d requests, %d answered 200, %d within 1 s (%.0f %%), p50 %.1f ms, p99 %.1f ms"
          % (name, len(samples), len(ok), within, 100.0 * within / len(samples),
             statistics.median(times) * 1000, percentile(times, 99) * 1000))


def slowloris(port, token, slow_count):
    stop = threading.Event()
    counts = {"opened": 0, "closed_by_server": 0, "connect_failed": 0, "held": 0}
    partial = b"GET /api/me HTTP/1.1\r\nHost: bench\r\n"

    def attacker():
        sel = selectors.DefaultSelector()
        live = 0

        def open_one():
            nonlocal live
            sock = socket.socket()
            sock.setblocking(False)
            sock.bind((SERVER, 0))
            try:
                sock.connect((SERVER, port))
            except BlockingIOError:
                pass
            except OSError:  # out of ports or descriptors for now: retry after the next select
                sock.close()
                counts["connect_failed"] += 1
                return False
            sel.register(sock, selectors.EVENT_WRITE, "connecting")
            live += 1
            counts["opened"] += 1
            return True

        while live < slow_count and not stop.is_set() and open_one():
            pass
        last_trickle = time.monotonic()
        while not stop.is_set():
            for key, events in sel.select(timeout=0.5):
                sock = key.fileobj
                if key.data == "connecting":
                    if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                        sel.unregister(sock); sock.close(); live -= 1
                        continue
                    try:
                        sock.send(partial)
                    except OSError:
                        pass
                    sel.modify(sock, selectors.EVENT_READ, "slow")
                    continue
                try:
                    data = sock.recv(4096)
                except OSError:
                    data = b""
                if not data:  # closed by the server: open another in its place
                    counts["closed_by_server"] += 1
                    sel.unregister(sock); sock.close(); live -= 1
            while live < slow_count and not stop.is_set() and open_one():
                pass
            if time.monotonic() - last_trickle > 10:  # one more header line now and then
                last_trickle = time.monotonic()
                for key in list(sel.get_map().values()):
                    if key.data == "slow":
                        try:
                            key.fileobj.send(b"X-Slow: 1\r\n")
                        except OSError:
                            pass
        counts["held"] = live
        for key in list(sel.get_map().values()):
            key.fileobj.close()

    thread = threading.Thread(target=attacker, daemon=True)
    thread.start()
    time.sleep(5)  # let the attacker open its connections and get closed a while
    samples = []
    for _ in range(100):
        samples.append(timed_me(port, token))
        time.sleep(0.05)
    stop.set()
    thread.join()
    print("slowloris: %d slow connections wanted from %s; %d opened, %d closed by the server "
          "(and re-opened), %d connects failed, %d open at the end"
          % (slow_count, SERVER, counts["opened"], counts["closed_by_server"],
             counts["connect_failed"], counts["held"]))
    report("normal client %s during slowloris" % NORMAL_CLIENT, samples)


def login_flood(port, token, spread):
    stop = threading.Event()
    statuses = {}
    lock = threading.Lock()

    def flooder(index):
        source = "127.0.1.%d" % (index + 1) if spread else SERVER
        n = 0
        sock = None
        while not stop.is_set():
            try:
                if sock is None:
                    sock = socket.create_connection((SERVER, port), timeout=10,
                                                    source_address=(source, 0))
                body = json.dumps({"login": "flood-%d-%d" % (index, n), "password": "guess"})
                n += 1
                sock.sendall(("POST /api/session HTTP/1.1\r\nHost: bench\r\n"
                              "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                              % (len(body), body)).encode())
                status = read_response(sock)
            except OSError:
                status = 0
                if sock is not None:
                    sock.close()
                sock = None
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
        if sock is not None:
            sock.close()

    threads = [threading.Thread(target=flooder, args=(i,), daemon=True) for i in range(32)]
    for t in threads:
        t.start()
    time.sleep(2)
    samples = []
    for _ in range(100):
        samples.append(timed_me(port, token))
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join()
    total = sum(statuses.values())
    where = "32 addresses 127.0.1.1-32" if spread else "one address %s" % SERVER
    print("login flood from %s: %d POST /api/session, by status: %s; %d answered 429"
          % (where, total, ", ".join("%s: %d" % (k if k else "error", v)
                                      for k, v in sorted(statuses.items())),
             statuses.get(429, 0)))
    report("GET /api/me from %s during the flood" % NORMAL_CLIENT, samples)


def main():
    mode, port, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if mode == "slowloris":
        slowloris(port, token, int(sys.argv[4]) if len(sys.argv) > 4 else 4200)
    elif mode == "login-flood":
        login_flood(port, token, len(sys.argv) > 4 and sys.argv[4] == "1")
    elif mode == "quiet":
        report("GET /api/me from %s, nothing else running" % NORMAL_CLIENT,
               [timed_me(port, token) for _ in range(100)])
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()
