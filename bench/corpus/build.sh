#!/usr/bin/env bash
# Rebuilds the benchmark corpus.
#
#   corpus/build.sh wasm [OUTDIR]    C and Go programs -> OUTDIR (default corpus/wasm)
#   corpus/build.sh native OUTDIR    the same programs built for this machine
#   corpus/build.sh all              both; native binaries go to corpus/native
#
# Needs: clang with a wasm32-wasi sysroot (Debian: apt-get install clang lld
# wasi-libc libclang-rt-dev-wasm32), Go >= 1.21 (GOOS=wasip1). The native
# build uses $NATIVE_CC if set, else clang, else cc. The harness
# (cmd/benchrun) calls "build.sh native DIR" itself; the committed .wasm
# files only change when someone runs "build.sh wasm".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="${1:-all}"

# C programs: name:source:extra wasm flags
cprogs=(
  fib:fib.c:
  intloop:intloop.c:
  nbody:nbody.c:
  spectral:spectral.c:
  matmul:matmul.c:
  sort:sort.c:
  hashtable:hashtable.c:
  memops-mvp:memops.c:
  memops-bulk:memops.c:-mbulk-memory
  compress:compress.c:
  sha256:sha256.c:
  hostcall:hostcall.c:
  memgrow:memgrow.c:
)
# programs that only make sense inside a Wasm engine
wasm_only=" hostcall memgrow "

build_wasm() {
  local out="$1"
  mkdir -p "$out"
  local cc="${WASM_CC:-clang}" sysroot="${WASI_SYSROOT:-/usr}"
  for p in "${cprogs[@]}"; do
    IFS=: read -r name src extra <<<"$p"
    echo "wasm   $name"
    # shellcheck disable=SC2086
    "$cc" --target=wasm32-wasi --sysroot="$sysroot" -O2 $extra -Wl,--strip-all \
      -o "$out/$name.wasm" "$here/c/$src" -lm
  done
  echo "wasm   gowork"
  (cd "$here/go/gowork" && CGO_ENABLED=0 GOOS=wasip1 GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$out/gowork.wasm" .)
}

build_native() {
  local out="$1"
  mkdir -p "$out"
  local cc="${NATIVE_CC:-}"
  if [ -z "$cc" ]; then
    if command -v clang >/dev/null; then cc=clang; else cc=cc; fi
  fi
  for p in "${cprogs[@]}"; do
    IFS=: read -r name src extra <<<"$p"
    case "$wasm_only" in *" $name "*) continue ;; esac
    echo "native $name ($cc)"
    "$cc" -O2 -o "$out/$name" "$here/c/$src" -lm
  done
  echo "native gowork"
  (cd "$here/go/gowork" && CGO_ENABLED=0 go build -trimpath -o "$out/gowork" .)
  echo "$cc" >"$out/CC"
}

case "$mode" in
  wasm) build_wasm "${2:-$here/wasm}" ;;
  native) build_native "${2:?native needs an output directory}" ;;
  all) build_wasm "$here/wasm"; build_native "$here/native" ;;
  *) echo "usage: $0 wasm [OUTDIR] | native OUTDIR | all" >&2; exit 2 ;;
esac
