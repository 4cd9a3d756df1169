package asm

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/arch/x86/x86asm"
)

// decoded is one instruction of a decoded buffer.
type decoded struct {
	off  int
	inst x86asm.Inst
}

func decodeAll(t *testing.T, code []byte) []decoded {
	t.Helper()
	var out []decoded
	for off := 0; off < len(code); {
		inst, err := x86asm.Decode(code[off:], 64)
		if err != nil {
			t.Fatalf("decode at %d (% x): %v", off, code[off:min(off+16, len(code))], err)
		}
		out = append(out, decoded{off, inst})
		off += inst.Len
	}
	return out
}

// at returns the instruction starting at off.
func at(t *testing.T, ds []decoded, off int) x86asm.Inst {
	t.Helper()
	for _, d := range ds {
		if d.off == off {
			return d.inst
		}
	}
	t.Fatalf("no instruction starts at %d", off)
	return x86asm.Inst{}
}

// branchTarget returns the absolute target of a decoded rel branch at off.
func branchTarget(t *testing.T, inst x86asm.Inst, off int) int {
	t.Helper()
	rel, ok := inst.Args[0].(x86asm.Rel)
	if !ok {
		t.Fatalf("%v at %d: first operand %v is not relative", inst.Op, off, inst.Args[0])
	}
	return off + inst.Len + int(rel)
}

func TestBranches(t *testing.T) {
	type br struct {
		name        string
		off         int
		length      int
		label       Label
		boundAtEmit bool
	}
	var a Assembler
	var brs []br
	emit := func(name string, l Label, f func()) {
		off := a.Len()
		_, bound := a.LabelOffset(l)
		f()
		brs = append(brs, br{name, off, a.Len() - off, l, bound})
	}
	back := a.NewLabel()
	fwd := a.NewLabel()
	far := a.NewLabel()
	a.Bind(back)
	a.Nop(3)
	emit("jmp back", back, func() { a.Jmp(back) })
	emit("jmp short back", back, func() { a.JmpShort(back) })
	short := a.NewLabel()
	emit("jmp short fwd", short, func() { a.JmpShort(short) })
	for c := range Cond(16) {
		emit("jcc short fwd", short, func() { a.JccShort(c, short) })
		emit("jcc short back", back, func() { a.JccShort(c, back) })
	}
	a.Nop(50)
	a.Bind(short)
	for c := range Cond(16) {
		emit("jcc back", back, func() { a.Jcc(c, back) })
		emit("jcc fwd", fwd, func() { a.Jcc(c, fwd) })
	}
	emit("jmp fwd", fwd, func() { a.Jmp(fwd) })
	emit("call fwd", fwd, func() { a.Call(fwd) })
	emit("call back", back, func() { a.Call(back) })
	a.Nop(200)
	emit("jmp back far", back, func() { a.Jmp(back) })
	emit("jcc back far", back, func() { a.Jcc(CondL, back) })
	emit("jmp far", far, func() { a.Jmp(far) })
	a.Bind(fwd)
	a.Ret()
	a.Nop(300)
	a.Bind(far)
	a.Ud2()
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	ds := decodeAll(t, code)
	for _, b := range brs {
		inst := at(t, ds, b.off)
		if inst.Len != b.length {
			t.Errorf("%s at %d: decoded length %d, emitted %d", b.name, b.off, inst.Len, b.length)
		}
		want, _ := a.LabelOffset(b.label)
		if got := branchTarget(t, inst, b.off); got != want {
			t.Errorf("%s at %d (%v): target %d, want %d", b.name, b.off, inst, got, want)
		}
		// Expected encoding: rel8 for short branches and for jumps to labels already bound
		// within rel8 range when emitted; rel32 otherwise.
		near := strings.Contains(b.name, "short") ||
			(b.boundAtEmit && !strings.HasPrefix(b.name, "call") && want-(b.off+2) >= -128)
		wantLen := 5
		switch {
		case near:
			wantLen = 2
		case strings.HasPrefix(b.name, "jcc"):
			wantLen = 6
		}
		if b.length != wantLen {
			t.Errorf("%s at %d: length %d, want %d", b.name, b.off, b.length, wantLen)
		}
	}
}

func TestRIPLabelOperands(t *testing.T) {
	var a Assembler
	data := a.NewLabel()
	type ref struct {
		off int
		op  string
	}
	var refs []ref
	emit := func(op string, f func()) {
		refs = append(refs, ref{a.Len(), op})
		f()
	}
	m := LabelMem(data)
	emit("LEA", func() { a.LeaRIP(R13, data) })
	emit("MOV", func() { a.MovRM(W64, RAX, m) })
	emit("CMP", func() { a.CmpMI(W32, m, 0x12345) })  // imm32 after the displacement
	emit("CMP", func() { a.CmpMI(W16, m, 0x1234) })   // imm16
	emit("ADD", func() { a.AddMI(W8, m, 7) })         // imm8
	emit("MOV", func() { a.MovMI(W64, m, -1) })       // imm32
	emit("SHL", func() { a.ShiftMI(Shl, W64, m, 3) }) // imm8
	emit("ROUNDSD", func() { a.SseRMI(ROUNDSD, X9, m, 3) })
	emit("PEXTRQ", func() { a.SseMRI(PEXTRQ, m, X2, 1) })
	emit("MOVSD_XMM", func() { a.SseRM(MOVSD, X1, m) })
	emit("JMP", func() { a.JmpM(m) })
	a.Ret()
	a.AlignData(16)
	a.Bind(data)
	a.Quad(0x0123456789abcdef)
	a.Dword(0xdeadbeef)
	a.Dword(0)
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	dataOff, _ := a.LabelOffset(data)
	if dataOff%16 != 0 {
		t.Errorf("data at %d, not 16-byte aligned", dataOff)
	}
	if got := binary.LittleEndian.Uint64(code[dataOff:]); got != 0x0123456789abcdef {
		t.Errorf("Quad wrote %#x", got)
	}
	if got := binary.LittleEndian.Uint32(code[dataOff+8:]); got != 0xdeadbeef {
		t.Errorf("Dword wrote %#x", got)
	}
	ds := decodeAll(t, code[:dataOff])
	for _, r := range refs {
		inst := at(t, ds, r.off)
		if inst.Op.String() != r.op {
			t.Errorf("at %d: %v, want %s", r.off, inst, r.op)
			continue
		}
		var mem *x86asm.Mem
		for _, arg := range inst.Args {
			if m, ok := arg.(x86asm.Mem); ok {
				mem = &m
			}
		}
		if mem == nil || mem.Base != x86asm.RIP {
			t.Errorf("at %d: %v has no RIP-relative operand", r.off, inst)
			continue
		}
		if got := r.off + inst.Len + int(int32(mem.Disp)); got != dataOff {
			t.Errorf("at %d: %v addresses %d, want %d", r.off, x86asm.IntelSyntax(inst, 0, nil), got, dataOff)
		}
	}
}

func TestJumpTable(t *testing.T) {
	var a Assembler
	table := a.NewLabel()
	targets := []Label{a.NewLabel(), a.NewLabel(), a.NewLabel()}
	// dispatch: lea r11, [table]; movsxd r10, [r11+rax*4]; add r11, r10; jmp r11
	a.LeaRIP(R11, table)
	a.MovsxdRM(R10, Mem{Base: R11, Index: RAX, Scale: 4})
	a.AddRR(W64, R11, R10)
	a.JmpR(R11)
	for i, l := range targets {
		a.Bind(l)
		a.MovRI(W32, RAX, int32(i))
		a.Ret()
	}
	a.JumpTable(table, []Label{targets[2], targets[0], targets[1], targets[2]})
	abs := a.NewLabel()
	a.Bind(abs)
	a.Offset32(targets[1])
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	tOff, _ := a.LabelOffset(table)
	if tOff%4 != 0 {
		t.Errorf("table at %d not 4-byte aligned", tOff)
	}
	var got, want []int
	for i, l := range []Label{targets[2], targets[0], targets[1], targets[2]} {
		got = append(got, tOff+int(int32(binary.LittleEndian.Uint32(code[tOff+4*i:]))))
		o, _ := a.LabelOffset(l)
		want = append(want, o)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("jump table entries (-want +got):\n%s", diff)
	}
	absOff, _ := a.LabelOffset(abs)
	t1, _ := a.LabelOffset(targets[1])
	if v := binary.LittleEndian.Uint32(code[absOff:]); int(v) != t1 {
		t.Errorf("Offset32 wrote %d, want %d", v, t1)
	}
}

func TestPatchSites(t *testing.T) {
	var a Assembler
	call := a.CallRel32()
	jmp := a.JmpRel32()
	jcc := a.JccRel32(CondNE)
	a.Ret()
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	// Place the code at 0x1000 in a bigger image and point the sites at other offsets.
	image := make([]byte, 0x100000)
	copy(image[0x1000:], code)
	sites := []struct{ site, target int }{{0x1000 + call, 0x40}, {0x1000 + jmp, 0x80000}, {0x1000 + jcc, 0x1000}}
	for _, s := range sites {
		if err := PutRel32(image, s.site, s.target); err != nil {
			t.Fatal(err)
		}
	}
	ds := decodeAll(t, image[0x1000:0x1000+len(code)])
	for i, s := range sites {
		d := ds[i]
		if got := branchTarget(t, d.inst, 0x1000+d.off); got != s.target {
			t.Errorf("%v: target %#x, want %#x", d.inst.Op, got, s.target)
		}
	}
	if err := PutRel32(image, 0, 1<<40); err == nil {
		t.Errorf("PutRel32 out of range: no error")
	}
}

func TestAlign(t *testing.T) {
	for start := 0; start < 40; start++ {
		for _, n := range []int{1, 2, 4, 8, 16, 32} {
			var a Assembler
			a.Nop(start)
			a.Align(n)
			code, err := a.Finalize()
			if err != nil {
				t.Fatal(err)
			}
			if len(code)%n != 0 || len(code)-start >= n {
				t.Errorf("Align(%d) after %d bytes: length %d", n, start, len(code))
			}
			for _, d := range decodeAll(t, code) {
				if d.inst.Op != x86asm.NOP {
					t.Errorf("Align(%d) after %d: padding decodes as %v", n, start, d.inst)
				}
			}
		}
	}
	var a Assembler
	a.Align(3)
	if _, err := a.Finalize(); err == nil {
		t.Errorf("Align(3): no error")
	}
}

func TestEncodingErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		emit func(a *Assembler)
	}{
		{"never bound", func(a *Assembler) { a.Jmp(a.NewLabel()) }},
		{"never bound rip", func(a *Assembler) { a.LeaRIP(RAX, a.NewLabel()) }},
		{"never bound table base", func(a *Assembler) {
			l := a.NewLabel()
			a.Bind(l)
			a.Diff32(l, a.NewLabel())
		}},
		{"short branch forward too far", func(a *Assembler) {
			l := a.NewLabel()
			a.JmpShort(l)
			a.Nop(128)
			a.Bind(l)
		}},
		{"short branch backward too far", func(a *Assembler) {
			l := a.NewLabel()
			a.Bind(l)
			a.Nop(127)
			a.JccShort(CondE, l)
		}},
		{"bound twice", func(a *Assembler) {
			l := a.NewLabel()
			a.Bind(l)
			a.Bind(l)
		}},
		{"unknown label", func(a *Assembler) { a.Jcc(CondE, Label(7)) }},
		{"unknown label in mem", func(a *Assembler) { a.MovRM(W64, RAX, LabelMem(Label(3))) }},
		{"rsp index", func(a *Assembler) { a.MovRM(W64, RAX, Mem{Base: RAX, Index: RSP, Scale: 1}) }},
		{"xmm base", func(a *Assembler) { a.MovRM(W64, RAX, Mem{Base: X1}) }},
		{"rip with index", func(a *Assembler) { a.MovRM(W64, RAX, Mem{Base: RIP, Index: RAX, Scale: 2}) }},
		{"xmm in integer rr", func(a *Assembler) { a.AddRR(W64, RAX, X3) }},
		{"xmm in integer rm", func(a *Assembler) { a.MovRM(W32, X0, Mem{Base: RAX}) }},
		{"xmm in integer r", func(a *Assembler) { a.NegR(W64, X9) }},
		{"xmm pushed", func(a *Assembler) { a.PushR(X1) }},
		{"xmm movzx", func(a *Assembler) { a.MovzxRR(W32, W8, RAX, X1) }},
		{"xmm imul", func(a *Assembler) { a.ImulRRI(W32, X1, RAX, 3) }},
		{"gpr in sse rr", func(a *Assembler) { a.SseRR(PADDD, X1, RAX) }},
		{"gpr in sse rm", func(a *Assembler) { a.SseRM(MOVDQU, RAX, Mem{Base: RAX}) }},
		{"gpr in sse store", func(a *Assembler) { a.SseMR(MOVSD, Mem{Base: RAX}, RCX) }},
		{"xmm as cvtsi2sd source", func(a *Assembler) { a.SseRR(CVTSI2SDQ, X1, X2) }},
		{"xmm as cvttsd2si destination", func(a *Assembler) { a.SseRR(CVTTSD2SIQ, X1, X2) }},
		{"xmm as pextrd destination", func(a *Assembler) { a.SseRRI(PEXTRD, X1, X2, 1) }},
		{"gpr shifted", func(a *Assembler) { a.SseRI(PSLLQ, RAX, 1) }},
		{"pseudo register", func(a *Assembler) { a.MovRR(W64, RIP, RAX) }},
	} {
		var a Assembler
		tc.emit(&a)
		if _, err := a.Finalize(); err == nil {
			t.Errorf("%s: Finalize succeeded, want an error", tc.name)
		}
	}
	var a Assembler
	a.AddRR(W64, RAX, RCX)
	if err := a.Err(); err != nil {
		t.Errorf("Err after a valid instruction: %v", err)
	}
	a.AddRR(W64, RAX, X1)
	if a.Err() == nil {
		t.Errorf("Err after an invalid instruction: nil")
	}
}

func TestResetReuse(t *testing.T) {
	var a Assembler
	a.Bind(a.NewLabel())
	a.MovRM(W64, RAX, Mem{Base: RAX, Index: RSP, Scale: 1}) // records an error
	a.Jmp(a.NewLabel())                                     // never bound
	if _, err := a.Finalize(); err == nil {
		t.Fatal("broken code accepted")
	}
	a.Reset()
	l := a.NewLabel()
	a.Bind(l)
	a.DecM(W64, Mem{Base: R15, Disp: 0x40})
	a.Jcc(CondNE, l)
	first, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	first = append([]byte(nil), first...)
	var b Assembler
	l = b.NewLabel()
	b.Bind(l)
	b.DecM(W64, Mem{Base: R15, Disp: 0x40})
	b.Jcc(CondNE, l)
	second, err := b.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("reused assembler differs from a fresh one (-reused +fresh):\n%s", diff)
	}
}

func TestDisassemble(t *testing.T) {
	var a Assembler
	a.PushR(RBP)
	a.MovRR(W64, RBP, RSP)
	a.SseRR(PADDD, X1, X2)
	a.Bytes([]byte{0x06}) // push es: invalid in 64-bit mode
	a.Ret()
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	got := Disassemble(code, 0x4000)
	lines := strings.Split(strings.TrimSpace(got), "\n")
	wantSub := []string{"4000:", "push rbp", "mov rbp, rsp", "paddd xmm1, xmm2", "(bad)", "ret"}
	text := strings.Join(lines, "\n")
	for _, w := range wantSub {
		if !strings.Contains(text, w) {
			t.Errorf("Disassemble output lacks %q:\n%s", w, got)
		}
	}
	if !strings.HasPrefix(strings.TrimSpace(lines[len(lines)-1]), "4009:") {
		t.Errorf("last line %q: want address 4009", lines[len(lines)-1])
	}
}

func TestImmediatePatchSites(t *testing.T) {
	var a Assembler
	var sites []int
	var wants []want
	for i, r := range allGPRs {
		for _, w := range []Width{W32, W64} {
			op := AluOp(i % 8)
			sites = append(sites, a.AluRI32(op, w, r, 0))
			wants = append(wants, want{op: aluNames[op], args: []x86asm.Arg{xgpr(w, r), x86asm.Imm(int32(-1000 * (i + 1)))}})
		}
	}
	for i, s := range sites {
		a.PatchInt32(s, int32(-1000*(i/2+1)))
	}
	var movSites []int
	for i, r := range allGPRs {
		movSites = append(movSites, a.MovImm64Site(r))
		wants = append(wants, want{op: "MOV", args: []x86asm.Arg{xgpr(W64, r), x86asm.Imm(int64(i) << 50)}})
	}
	for i, s := range movSites {
		a.PatchInt64(s, int64(i)<<50)
	}
	code, err := a.Finalize()
	if err != nil {
		t.Fatal(err)
	}
	ds := decodeAll(t, code)
	if len(ds) != len(wants) {
		t.Fatalf("decoded %d instructions, want %d", len(ds), len(wants))
	}
	for i, d := range ds {
		w := wants[i]
		if d.inst.Len != 6 && d.inst.Len != 7 && d.inst.Len != 10 {
			t.Errorf("%v: length %d", d.inst, d.inst.Len)
		}
		if d.inst.Op.String() != w.op || !argsEqual(w.args, d.inst.Args[:], 64) {
			t.Errorf("at %d: %v, want %s %v", d.off, x86asm.IntelSyntax(d.inst, 0, nil), w.op, w.args)
		}
	}
	a.PatchInt32(len(code)-2, 0)
	if _, err := a.Finalize(); err == nil {
		t.Errorf("out-of-range patch: no error")
	}
}
