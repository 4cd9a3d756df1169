package asm

import (
	"encoding/binary"
	"fmt"
	"strings"

	"golang.org/x/arch/arm64/arm64asm"
)

// Disassemble returns a GNU-syntax listing of code, one instruction per line, prefixed with its
// address (base + offset) and its 32-bit word; PC-relative targets are shown as absolute
// addresses. Words that do not decode (data, UDF, forms the decoder does not know) are listed as
// ".word 0x…"; a trailing partial word is listed as ".byte".
func Disassemble(code []byte, base uint64) string {
	var sb strings.Builder
	off := 0
	for ; off+4 <= len(code); off += 4 {
		pc := base + uint64(off)
		w := binary.LittleEndian.Uint32(code[off:])
		inst, err := arm64asm.Decode(code[off : off+4])
		var text string
		if err != nil {
			text = fmt.Sprintf(".word %#08x", w)
		} else {
			text = strings.TrimSpace(arm64asm.GNUSyntax(inst))
			for _, arg := range inst.Args {
				if rel, ok := arg.(arm64asm.PCRel); ok {
					text = strings.Replace(text, strings.ToLower(rel.String()), fmt.Sprintf("%#x", pc+uint64(int64(rel))), 1)
				}
			}
		}
		fmt.Fprintf(&sb, "%8x:  %08x  %s\n", pc, w, text)
	}
	for ; off < len(code); off++ {
		fmt.Fprintf(&sb, "%8x:  %02x        .byte %#02x\n", base+uint64(off), code[off], code[off])
	}
	return sb.String()
}
