#!/usr/bin/env bash
# Runs Go's standard-library tests, built for GOOS=wasip1, under wasmrun on
# each engine (go test -short -exec 'wasmrun --engine E --dir /::/
# --env-inherit') and prints go test's line per package and engine.
#
# Usage: scripts/gostd.sh [PKG...]
#   default packages: every line of scripts/gostd-packages.txt (# comments)
#   GOSTD_ENGINES="interp jit" chooses the engines (default: both)
#   GOSTD_FLAGS sets go test's flags (default: -short -timeout 30m; the
#   interpreter takes some 7 times the JIT's time, crypto/x509 11 minutes
#   on a loaded two-core machine, past go test's default of 10)
# The exit status is non-zero when a package fails on any engine.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/wasmrun
go build -o "$bin" ./cmd/wasmrun || exit 1
pkgs=("$@")
if [ ${#pkgs[@]} -eq 0 ]; then
	mapfile -t pkgs < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/gostd-packages.txt)
fi
status=0
for engine in ${GOSTD_ENGINES:-interp jit}; do
	echo "== engine $engine: ${#pkgs[@]} packages"
	# shellcheck disable=SC2086 # GOSTD_FLAGS is a list of flags
	GOOS=wasip1 GOARCH=wasm go test ${GOSTD_FLAGS:--short -timeout 30m} \
		-exec "$bin --engine $engine --dir /::/ --env-inherit" "${pkgs[@]}" || status=1
done
exit $status
