#!/usr/bin/env bash
# Writes OUTPREFIX.warc.gz and OUTPREFIX.warc, WARC files from a real
# crawler: wget fetching sample pages and a PDF from a local python3
# http.server over samples/, plus one URL that 404s. The .warc.gz has a gzip
# member per record, as wget writes it; the .warc is uncompressed.
# Usage: make_warc.sh OUTPREFIX   (tests/container/warc_test.cpp runs it)
set -euo pipefail
out=${1:?usage: make_warc.sh OUTPREFIX}
samples=$(cd "$(dirname "$0")/../../samples" && pwd)
log="$out.log"
: >"$log"
fail() {
  echo "make_warc.sh: $*" >&2
  cat "$log" >&2
  exit 1
}

# The server binds port 0 itself and prints the port the kernel gave it, so
# no other process can take the port between choosing and binding it.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$samples" >>"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/^Serving HTTP on .* port \([0-9][0-9]*\) .*/\1/p' "$log")
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || fail "http.server did not start"
  sleep 0.1
done
[ -n "$port" ] || fail "http.server did not report its port"
base="http://127.0.0.1:$port"

urls=(
  "$base/000_416e64e656112d15.html"
  "$base/002_9825fd42b4a1cf31.html"
  "$base/spam_injected.html"
  "$base/table_policy.html"
  "$base/000_416e64e656112d15.pdf"
  "$base/no_such_page.html"
)
# No proxy (a CI proxy must not see 127.0.0.1), no ~/.wgetrc. No keep-alive:
# http.server closes each connection after its answer, and a wget reusing it
# races that close ("No data received"). wget exits 8 when the server
# answered an error (the 404): expected.
crawl() {
  local rc=0
  wget --no-config --no-proxy --no-http-keep-alive --tries=3 --timeout=20 --no-verbose \
    --append-output="$log" -O /dev/null \
    "$@" "${urls[@]}" || rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 8 ] || fail "wget $* failed with status $rc"
}
crawl --warc-file="$out"
crawl --warc-file="$out" --no-warc-compression
[ -s "$out.warc.gz" ] && [ -s "$out.warc" ] || fail "wget wrote no WARC"
rm -f "$log"
