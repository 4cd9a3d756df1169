#!/usr/bin/env bash
# Runs Go's standard-library tests, built for GOOS=wasip1, under wasmrun and
# prints one line per package. Usage: scripts/gostd.sh [PKG...]
# (default: every package in scripts/gostd-packages.txt).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/wasmrun
go build -o "$bin" ./cmd/wasmrun || exit 1
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || read -r -a pkgs < scripts/gostd-packages.txt
GOOS=wasip1 GOARCH=wasm go test -exec "$bin --dir /::/ --env-inherit" "${pkgs[@]}"
