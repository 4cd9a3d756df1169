package asm

import (
	"fmt"
	"strings"

	"golang.org/x/arch/x86/x86asm"
)

// Disassemble returns an Intel-syntax listing of code, one instruction per line, prefixed with
// its address (base + offset) and bytes. Bytes that do not decode are listed as "(bad)" one at a
// time.
func Disassemble(code []byte, base uint64) string {
	var sb strings.Builder
	for off := 0; off < len(code); {
		inst, err := x86asm.Decode(code[off:], 64)
		n := inst.Len
		text := ""
		if err != nil || n == 0 {
			n = 1
			text = "(bad)"
		} else {
			text = x86asm.IntelSyntax(inst, base+uint64(off), nil)
		}
		fmt.Fprintf(&sb, "%8x:  %-30x %s\n", base+uint64(off), code[off:off+n], text)
		off += n
	}
	return sb.String()
}
