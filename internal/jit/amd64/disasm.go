//go:build amd64

package amd64

import (
	"golang.org/x/arch/x86/x86asm"

	"github.com/wasmrun/wasmrun/internal/jit/amd64/asm"
)

// Listing returns the Intel-syntax listing of code placed at offset
// base.
func Listing(code []byte, base uint64) string { return asm.Disassemble(code, base) }

// TrimPadding drops the trailing int3 bytes (fewer than 16) that follow
// the last instruction of a function. The compiler emits no int3, and
// only bytes from an instruction boundary on are dropped, so an
// immediate that happens to end in 0xCC is kept.
func TrimPadding(code []byte) []byte {
	for off := 0; off < len(code); {
		if len(code)-off < 16 && allInt3(code[off:]) {
			return code[:off]
		}
		inst, err := x86asm.Decode(code[off:], 64)
		n := inst.Len
		if err != nil || n == 0 {
			n = 1
		}
		off += n
	}
	return code
}

func allInt3(b []byte) bool {
	for _, c := range b {
		if c != 0xCC {
			return false
		}
	}
	return true
}
