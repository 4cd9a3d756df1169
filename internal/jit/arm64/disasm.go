package arm64

import "github.com/wasmrun/wasmrun/internal/jit/arm64/asm"

// Listing returns the listing of code placed at offset base.
func Listing(code []byte, base uint64) string { return asm.Disassemble(code, base) }

// TrimPadding drops the zero words (UDF #0, fewer than four) that pad a
// function to the next function's alignment: the compiler never emits
// UDF #0 (its trap stubs end in UDF #1).
func TrimPadding(code []byte) []byte {
	n := len(code) &^ 3
	for k := 0; k < 3 && n >= 4; k++ {
		if code[n-4]|code[n-3]|code[n-2]|code[n-1] != 0 {
			break
		}
		n -= 4
	}
	return code[:n]
}
