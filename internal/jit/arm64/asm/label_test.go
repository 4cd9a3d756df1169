package asm

import (
	"encoding/binary"
	"strings"
	"testing"
)

func TestLabels(t *testing.T) {
	var a Assembler
	l1, l2 := a.NewLabel(), a.NewLabel()
	if _, ok := a.LabelOffset(l1); ok {
		t.Fatal("fresh label is bound")
	}
	a.B(l2) // forward
	a.Bind(l1)
	a.Nop()
	a.Cbz(W64, R0, l1) // backward
	a.Bind(l2)
	if off, ok := a.LabelOffset(l2); !ok || off != 12 {
		t.Fatalf("LabelOffset = %d, %v", off, ok)
	}
	if w := binary.LittleEndian.Uint32(a.Code()); w != bWord {
		t.Fatalf("unresolved B before Finalize = %08x, want a zero offset", w)
	}
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	if got := words(code); got[0] != 0x14000003 || got[2] != 0xb4ffffe0 {
		t.Fatalf("code %v", got)
	}
	// Finalize is idempotent.
	code2, err := a.Finalize()
	if err != nil || string(code2) != string(code) {
		t.Fatalf("second Finalize: %v", err)
	}
	// Reset keeps nothing.
	a.Reset()
	if a.Len() != 0 || a.Err() != nil || len(a.labels) != 0 {
		t.Fatal("Reset left state")
	}
}

func TestLabelErrors(t *testing.T) {
	cases := []struct {
		name string
		f    func(a *Assembler)
		msg  string
	}{
		{"never bound", func(a *Assembler) { a.B(a.NewLabel()) }, "never bound"},
		{"bound twice", func(a *Assembler) { l := a.NewLabel(); a.Bind(l); a.Bind(l) }, "bound twice"},
		{"unknown", func(a *Assembler) { a.BCond(EQ, 7) }, "unknown label"},
		{"unknown bind", func(a *Assembler) { a.Bind(-1) }, "unknown label"},
		{"bad align", func(a *Assembler) { a.Align(6) }, "bad alignment"},
		{"bad align 2", func(a *Assembler) { a.Align(2) }, "bad alignment"},
		{"patch", func(a *Assembler) { a.PatchWord(4, 0) }, "patch site"},
	}
	for _, tc := range cases {
		var a Assembler
		tc.f(&a)
		_, err := a.Finalize()
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: err %v, want %q", tc.name, err, tc.msg)
		}
	}
	// An unreferenced unbound label is fine; the first error wins and is kept by Err.
	var a Assembler
	a.NewLabel()
	a.Nop()
	if _, err := a.Finalize(); err != nil {
		t.Fatal(err)
	}
	a.RRR(ADD, W64, V1, R2, R3)
	a.RRR(ADD, W64, R1, RSP, V3)
	if a.Err() == nil || !strings.Contains(a.Err().Error(), "v1") {
		t.Fatalf("Err = %v", a.Err())
	}
}

func TestAlignBytes(t *testing.T) {
	var a Assembler
	a.Nop()
	a.Align(16)
	if a.Len() != 16 {
		t.Fatalf("Align(16) at 4 -> %d", a.Len())
	}
	for _, w := range words(a.Code()) {
		if w != nopWord {
			t.Fatalf("Align padding %v", w)
		}
	}
	a.AlignTrap(32)
	if a.Len() != 32 || words(a.Code())[7] != udfWord {
		t.Fatalf("AlignTrap: %v", words(a.Code()))
	}
	a.Bytes([]byte{1, 2, 3})
	if a.Len() != 36 || a.Code()[35] != 0 || a.Code()[32] != 1 {
		t.Fatalf("Bytes pads to a word: %v", a.Code()[32:])
	}
	a.Word(0xdeadbeef)
	a.Quad(0x0123456789abcdef)
	if binary.LittleEndian.Uint32(a.Code()[36:]) != 0xdeadbeef || binary.LittleEndian.Uint64(a.Code()[40:]) != 0x0123456789abcdef {
		t.Fatal("Word/Quad")
	}
	a.PatchWord(0, 0x12345678)
	if binary.LittleEndian.Uint32(a.Code()) != 0x12345678 {
		t.Fatal("PatchWord")
	}
	// A literal pool: LdrLiteral to a quad placed after the code.
	a.Reset()
	pool := a.NewLabel()
	a.LdrLiteral(X, R0, pool)
	a.Ret()
	a.AlignTrap(8)
	a.Bind(pool)
	a.Quad(42)
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	if w := binary.LittleEndian.Uint32(code); w != 0x58000040 { // LDR X0, .+8
		t.Fatalf("literal load %08x", w)
	}
}

func TestJumpTable(t *testing.T) {
	var a Assembler
	table, l0, l1, l2 := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.Bind(l0)
	a.Adr(R1, table)
	a.LdrReg(SW, W64, R2, R1, R0, UXTW, true)
	a.RRR(ADD, W64, R1, R1, R2)
	a.Br(R1)
	a.Bind(l1)
	a.Nop()
	a.AlignTrap(8)
	a.JumpTable(table, []Label{l0, l1, l2, l1})
	a.Bind(l2)
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := a.LabelOffset(table)
	want := []int32{-int32(tab), 16 - int32(tab), 16, 16 - int32(tab)}
	for i, w := range want {
		if got := int32(binary.LittleEndian.Uint32(code[tab+4*i:])); got != w {
			t.Errorf("entry %d = %d, want %d", i, got, w)
		}
	}
	a.Reset()
	x := a.NewLabel()
	a.Diff32(a.NewLabel(), x)
	a.Bind(x)
	if _, err := a.Finalize(); err == nil || !strings.Contains(err.Error(), "never bound") {
		t.Errorf("unbound Diff32 target: %v", err)
	}
}

func TestRegStrings(t *testing.T) {
	for r, want := range map[Reg]string{R0: "x0", R30: "x30", ZR: "xzr", RSP: "sp", V0: "v0", V31: "v31", NoReg: "noreg", 40: "reg(40)"} {
		if r.String() != want {
			t.Errorf("%d: %q", r, r.String())
		}
	}
	if R5.IsV() || !V5.IsV() || RSP.IsV() || NoReg.IsV() {
		t.Error("IsV")
	}
	if ADD.String() != "add" || VADD.String() != "vadd" || FADD.String() != "fadd" || Op(999).String() != "op(999)" {
		t.Error("Op.String", ADD, VADD, FADD, Op(999))
	}
	if LT.String() != "lt" || HS.Invert() != LO || GE.Invert() != LT {
		t.Error("Cond")
	}
	if S4.Lanes() != 4 || B16.Lanes() != 16 || D1.Lanes() != 1 || H4.String() != "4h" {
		t.Error("Arr")
	}
	if VQ.Bytes() != 16 || SH.Bytes() != 2 || X.Bytes() != 8 {
		t.Error("Size.Bytes")
	}
}
