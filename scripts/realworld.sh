#!/usr/bin/env bash
# Runs the whole real-world corpus (internal/realworld, TestRealWorld) on the
# interpreter, the JIT and node, and prints the per-program report.
# The packages are fetched at pinned versions (npm pack, apt-get download)
# into ${WASMRUN_REALWORLD_CACHE:-$HOME/.cache/wasmrun/realworld}.
# Usage: scripts/realworld.sh [PROGRAM...]   (default: every program)
# Environment: WASMRUN_REALWORLD_STRICT=1 fails known differences too;
# WASMRUN_REALWORLD_NODE=0 leaves node out.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  export WASMRUN_REALWORLD_ONLY="$(IFS=,; echo "$*")"
fi
report=$(mktemp)
trap 'rm -f "$report"' EXIT
WASMRUN_REALWORLD=1 WASMRUN_REALWORLD_REPORT="$report" \
  go test -count=1 -timeout 90m -v -run 'TestRealWorld$' ./internal/realworld
status=$?
echo
cat "$report" 2>/dev/null
exit $status
