#!/usr/bin/env bash
# Builds this example against the packed package (not the source), starts it, and checks that the server
# page renders: it calls queryFromSearchParams and normalizeSeverity on the server, which fails if those
# helpers were marked "use client". Run from anywhere after `npm run build` in the repository root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
# The server runs in its own process group, so the whole group (Next forks workers) stops with the script.
trap 'if [ -n "${server:-}" ]; then kill -- "-$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/react-audit-logs-*.tgz)"
cp -r "$here/app" "$here/package.json" "$here/tsconfig.json" "$here/next.config.ts" "$work/"
cd "$work"
export NEXT_TELEMETRY_DISABLED=1
npm install --no-audit --no-fund --loglevel=error "$tarball"
npx next build

# GET a URL and print the body; fails on a network error or a status other than 2xx (no curl needed).
get() {
  node -e 'fetch(process.argv[1]).then(async (r) => { if (!r.ok) process.exit(22); process.stdout.write(await r.text()); }, () => process.exit(7))' "$1"
}

# A free port on 127.0.0.1.
port="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
setsid node_modules/.bin/next start -p "$port" -H 127.0.0.1 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  get "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! html="$(get "http://127.0.0.1:$port/?q=login&severity=high")"; then
  echo "The server page failed to render:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
grep -q 'From the link: search "login", severity high' <<<"${html//&quot;/\"}" || {
  echo "The server page did not render the query from its search params:" >&2
  echo "$html" | head -c 2000 >&2
  cat "$work/server.log" >&2
  exit 1
}
# The viewer itself is server-rendered too (its region and table are in the HTML before hydration).
grep -q 'aria-label="Audit logs"' <<<"$html" || { echo "No viewer in the server HTML" >&2; exit 1; }
(cd "$root" && node examples/next-app/hydration.mjs "http://127.0.0.1:$port/?q=login")
if grep -qi 'error' "$work/server.log"; then
  echo "The server logged an error:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
echo "examples/next-app: built, served, and its server page read the query from the URL"
