package asm

import (
	"strings"
	"testing"
)

func TestDisassemble(t *testing.T) {
	var a Assembler
	top := a.NewLabel()
	a.Bind(top)
	a.Stp(W64, R29, R30, RSP, -16, PreIndex)
	a.RRR(ADD, W64, R0, R1, R2)
	a.Cbnz(W32, R0, top)
	a.Udf(7)
	a.Ret()
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	got := Disassemble(append(code, 0xaa), 0x1000)
	want := "" +
		"    1000:  a9bf7bfd  stp x29, x30, [sp,#-16]!\n" +
		"    1004:  8b020020  add x0, x1, x2\n" +
		"    1008:  35ffffc0  cbnz w0, 0x1000\n" +
		"    100c:  00000007  .word 0x00000007\n" +
		"    1010:  d65f03c0  ret\n" +
		"    1014:  aa        .byte 0xaa\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(Disassemble([]byte{0x01, 0x00, 0x00, 0x14}, 0x40), "b 0x44") {
		t.Errorf("forward branch target: %s", Disassemble([]byte{0x01, 0x00, 0x00, 0x14}, 0x40))
	}
}
