//go:build !(386 || amd64 || arm || arm64 || loong64 || mips64le || mipsle || ppc64le || riscv64 || wasm)

package interp

import (
	"encoding/binary"
	"unsafe"
)

// Other hosts convert from the little-endian byte order of linear memory.

func ld16(p unsafe.Pointer) uint16 { return binary.LittleEndian.Uint16(unsafe.Slice((*byte)(p), 2)) }
func ld32(p unsafe.Pointer) uint32 { return binary.LittleEndian.Uint32(unsafe.Slice((*byte)(p), 4)) }
func ld64(p unsafe.Pointer) uint64 { return binary.LittleEndian.Uint64(unsafe.Slice((*byte)(p), 8)) }
func st16(p unsafe.Pointer, v uint16) {
	binary.LittleEndian.PutUint16(unsafe.Slice((*byte)(p), 2), v)
}
func st32(p unsafe.Pointer, v uint32) {
	binary.LittleEndian.PutUint32(unsafe.Slice((*byte)(p), 4), v)
}
func st64(p unsafe.Pointer, v uint64) {
	binary.LittleEndian.PutUint64(unsafe.Slice((*byte)(p), 8), v)
}
