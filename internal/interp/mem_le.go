//go:build 386 || amd64 || arm || arm64 || loong64 || mips64le || mipsle || ppc64le || riscv64 || wasm

package interp

import "unsafe"

// Little-endian hosts load and store linear memory directly (unaligned
// accesses are allowed on all of these). p is inside the memory, with the
// access's bytes checked to be in bounds.

func ld16(p unsafe.Pointer) uint16    { return *(*uint16)(p) }
func ld32(p unsafe.Pointer) uint32    { return *(*uint32)(p) }
func ld64(p unsafe.Pointer) uint64    { return *(*uint64)(p) }
func st16(p unsafe.Pointer, v uint16) { *(*uint16)(p) = v }
func st32(p unsafe.Pointer, v uint32) { *(*uint32)(p) = v }
func st64(p unsafe.Pointer, v uint64) { *(*uint64)(p) = v }
