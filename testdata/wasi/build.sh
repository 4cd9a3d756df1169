#!/bin/sh
# build.sh rebuilds every test program in testdata/wasi from source.
# Needs: clang, lld, wasi-libc, libclang-rt-dev-wasm32 (Debian packages)
# and Go (GOOS=wasip1 GOARCH=wasm).
set -eu
cd "$(dirname "$0")"
CC=${CC:-clang}
CFLAGS="--target=wasm32-wasi --sysroot=${WASI_SYSROOT:-/usr} -O2 -Wall -Wno-unused-result -Wno-unused-function -Werror"
for src in src/*.c; do
	name=$(basename "$src" .c)
	$CC $CFLAGS -Wl,--strip-all -o "$name.wasm" "$src"
	echo "built $name.wasm"
done
(cd go && GOOS=wasip1 GOARCH=wasm go build -trimpath -ldflags="-s -w" -o ../gowasi.wasm .)
echo "built gowasi.wasm"
