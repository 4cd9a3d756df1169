// Package arm64 is wasmrun's JIT machine for AArch64 (mach.Machine): the
// register file, the instruction selection of the single-pass compiler,
// the exit stub and relocations, with our own assembler (package asm),
// and the Go-assembly trampolines that enter compiled code (on arm64).
// The code generator builds on every architecture; only the trampolines
// need arm64.
//
// Compiled code keeps the VM context in X19, the value-stack frame base
// in X20, the base and length of memory 0 in X21 and X22, and the
// interruption budget in X23. Every function saves its return address
// (X30) in a 16-byte record on the machine stack, so the stack holds one
// record per Wasm frame, which gives the frame limit and the backtrace.
// X16, X17, X27 and X15 are the machine's scratch registers (X16 for
// moves, X17 for br_table's index and a bulk operation's length, X15 for
// offsets too large for an addressing mode), V0 and V1 the float ones. The code never touches X18 (the platform register), X28
// (Go's g) or X29 (Go's frame pointer, left pointing at the trampoline's
// caller so that the frame-pointer chain stays valid).
package arm64

import (
	"errors"
	"fmt"
	"math"

	. "github.com/wasmrun/wasmrun/internal/jit/arm64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// Fixed registers of compiled code.
const (
	regVM     = R19 // *mach.VMContext
	regFB     = R20 // value-stack frame base: slot i is [X20+8*i]
	regMem    = R21 // base of memory 0
	regMemLen = R22 // length of memory 0 in bytes
	regBudget = R23 // the interruption budget
	tmp       = R16 // scratch: moves
	tmp2      = R17 // scratch: br_table's index, a bulk length
	tmp3      = R27 // scratch
	tmp4      = R15 // scratch: the offsets of addresses out of an instruction's range
	ftmp      = V0  // float scratch (RegFile.ScratchFloat)
	ftmp2     = V1
)

// Features are the WebAssembly 3.0 features the machine compiles (the
// store evaluates extended constant expressions).
const Features = wasm.FeatureExtendedConst

// Layout of compiled code: instructions are 4-byte words, functions
// start 16-byte aligned, and a Wasm frame takes a 16-byte record (its
// return address) on the machine stack.
const (
	CodeAlign  = 16
	FrameBytes = 16
)

// Pad is the byte the gaps between functions are filled with: a zero
// word is UDF #0, which traps.
const Pad = 0

// Relocation kinds.
const (
	RelCall26 mach.RelocKind = 0 // BL's imm26
)

// CallReach is how far a BL reaches (±128 MiB, less a margin for the
// veneers' own size); VeneerSize is the size of a veneer.
const (
	CallReach  = 128<<20 - 1<<16
	VeneerSize = 32
)

// Veneer returns the code that jumps delta bytes from its own first
// byte, through X16 and X17 (free at every call site: the callee may
// clobber them anyway).
func Veneer(delta int64) []byte {
	var a Assembler
	start := a.NewLabel()
	a.Bind(start)
	a.Adr(tmp, start)
	a.MovImm(W64, tmp2, uint64(delta))
	a.RRR(ADD, W64, tmp, tmp, tmp2)
	a.Br(tmp)
	for a.Len() < VeneerSize {
		a.Udf(1)
	}
	b, err := a.Finalize()
	if err != nil || len(b) != VeneerSize {
		panic("jit/arm64: the veneer does not encode")
	}
	return append([]byte(nil), b...)
}

// PatchReloc resolves the relocation of kind at offset site of code to
// the code at offset target.
func PatchReloc(code []byte, kind mach.RelocKind, site, target int) error {
	if kind != RelCall26 {
		return errUnknownReloc
	}
	return PutBranch26(code, site, target)
}

var errUnknownReloc = relocError("jit/arm64: unknown relocation kind")

type relocError string

func (e relocError) Error() string { return string(e) }

var registers = func() *mach.RegFile {
	rf := &mach.RegFile{
		Int:          mach.Regs(R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14),
		Float:        mach.Regs(V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15),
		PinInt:       mach.Regs(R24, R25, R26, R14, R13, R12),
		PinFloat:     mach.Regs(V16, V17, V18, V19, V20, V21),
		ScratchFloat: mach.Reg(ftmp),
		MaxDisp:      1 << 30,
		CondZero:     mach.Cond(EQ),
		CondNonZero:  mach.Cond(NE),
	}
	for r := V0; r <= V31; r++ {
		rf.IsFloat[r] = true
	}
	return rf
}()

// Machine is the arm64 machine (mach.Machine): one per compiler worker.
type Machine struct {
	a      Assembler
	traps  map[store.TrapCode]Label
	relocs []mach.Reloc
	long   bool  // conditional branches as an inverted short branch over a B
	err    error // an instruction that did not encode
}

// errNotEncodable is the error of a function with an instruction whose
// operands the machine's forms cannot encode (a bug: the machine checks
// ranges before choosing forms).
var errNotEncodable = errors.New("jit/arm64: internal error: an instruction does not encode")

// must records ok == false, the result of an instruction method that
// emitted nothing: Finalize then fails rather than leave the instruction
// out.
func (m *Machine) must(ok bool) {
	if !ok && m.err == nil {
		m.err = errNotEncodable
	}
}

// NewMachine returns a machine.
func NewMachine() *Machine { return &Machine{traps: map[store.TrapCode]Label{}} }

// RegFile describes the registers.
func (m *Machine) RegFile() *mach.RegFile { return registers }

// Reset starts a new function.
func (m *Machine) Reset() {
	m.a.Reset()
	m.err = nil
	clear(m.traps)
	m.relocs = m.relocs[:0]
}

// LongBranches selects conditional branches that reach ±128 MiB (B.cond
// reaches ±1 MiB, CBZ/CBNZ too).
func (m *Machine) LongBranches(on bool) { m.long = on }

// Finalize resolves the labels.
func (m *Machine) Finalize() ([]byte, []mach.Reloc, error) {
	if m.err != nil {
		return nil, nil, m.err
	}
	code, err := m.a.Finalize()
	var re *RangeError
	if errors.As(err, &re) {
		err = fmt.Errorf("%w: %v", mach.ErrBranchRange, err)
	}
	return code, m.relocs, err
}

// bcond jumps to l when c holds.
func (m *Machine) bcond(c Cond, l Label) {
	if !m.long {
		m.a.BCond(c, l)
		return
	}
	skip := m.a.NewLabel()
	m.a.BCond(c.Invert(), skip)
	m.a.B(l)
	m.a.Bind(skip)
}

// cbz and cbnz jump to l when r is (not) zero.
func (m *Machine) cbz(w Width, r Reg, l Label) {
	if !m.long {
		m.a.Cbz(w, r, l)
		return
	}
	skip := m.a.NewLabel()
	m.a.Cbnz(w, r, skip)
	m.a.B(l)
	m.a.Bind(skip)
}

func (m *Machine) cbnz(w Width, r Reg, l Label) {
	if !m.long {
		m.a.Cbnz(w, r, l)
		return
	}
	skip := m.a.NewLabel()
	m.a.Cbz(w, r, skip)
	m.a.B(l)
	m.a.Bind(skip)
}

// ExitStub returns the code placed at offset 0 of every module: it pushes
// the return address into the exiting function (a 16-byte record, as a
// frame's), saves the stack pointer, the frame base and the budget, and
// returns to Go as if the entry trampoline returned.
func ExitStub() []byte {
	var a Assembler
	must := func(ok bool) {
		if !ok {
			panic("jit/arm64: the exit stub does not encode")
		}
	}
	must(a.Stp(W64, R30, ZR, RSP, -16, PreIndex))
	a.RR(MOV, W64, tmp, RSP)
	must(a.Str(X, tmp, regVM, int64(mach.OffJitSP)))
	must(a.Str(X, regFB, regVM, int64(mach.OffJitFB)))
	must(a.Str(X, regBudget, regVM, int64(mach.OffBudget)))
	must(a.Ldr(X, W64, tmp, regVM, int64(mach.OffGoSP)))
	a.RR(MOV, W64, RSP, tmp)
	must(a.Ldr(X, W64, R29, regVM, int64(mach.OffGoBP)))
	must(a.Ldr(X, W64, R30, regVM, int64(mach.OffGoLR)))
	a.Ret()
	b, err := a.Finalize()
	if err != nil {
		panic(err) // the stub has no labels to resolve
	}
	return append([]byte(nil), b...)
}

// ---- addressing ----

// slot loads or stores register t of access size sz at frame slot s.
func (m *Machine) slotLoad(sz Size, w Width, t Reg, s mach.Slot) {
	if !m.a.Ldr(sz, w, t, regFB, 8*int64(s)) {
		m.a.MovImm(W64, tmp4, uint64(8*int64(s)))
		m.a.LdrReg(sz, w, t, regFB, tmp4, UXTX, false)
	}
}

func (m *Machine) slotStore(sz Size, t Reg, s mach.Slot) {
	if !m.a.Str(sz, t, regFB, 8*int64(s)) {
		m.a.MovImm(W64, tmp4, uint64(8*int64(s)))
		m.a.StrReg(sz, t, regFB, tmp4, UXTX, false)
	}
}

// load and store at base+off for the runtime objects' fields (off may be
// large: a table or global index times 8).
func (m *Machine) ldr(sz Size, w Width, t, base Reg, off int64) {
	if !m.a.Ldr(sz, w, t, base, off) {
		m.a.MovImm(W64, tmp4, uint64(off))
		m.a.LdrReg(sz, w, t, base, tmp4, UXTX, false)
	}
}

func (m *Machine) str(sz Size, t, base Reg, off int64) {
	if !m.a.Str(sz, t, base, off) {
		m.a.MovImm(W64, tmp4, uint64(off))
		m.a.StrReg(sz, t, base, tmp4, UXTX, false)
	}
}

// addImm sets d to n + v, through X15 when v is no add immediate.
func (m *Machine) addImm(d, n Reg, v uint64) {
	if !m.a.RRImm(ADD, W64, d, n, v) {
		m.a.MovImm(W64, tmp4, v)
		m.a.RRR(ADD, W64, d, n, tmp4)
	}
}

func (m *Machine) subImm(d, n Reg, v uint64) {
	if !m.a.RRImm(SUB, W64, d, n, v) {
		m.a.MovImm(W64, tmp4, v)
		m.a.RRR(SUB, W64, d, n, tmp4)
	}
}

// ---- control ----

// NewLabel makes a label.
func (m *Machine) NewLabel() mach.Label { return mach.Label(m.a.NewLabel()) }

// Bind places l here.
func (m *Machine) Bind(l mach.Label) { m.a.Bind(Label(l)) }

// Jump jumps to l.
func (m *Machine) Jump(l mach.Label) { m.a.B(Label(l)) }

// BranchIf jumps to l when cc holds.
func (m *Machine) BranchIf(cc mach.Cond, l mach.Label) { m.bcond(Cond(cc), Label(l)) }

// Invert returns the negation of cc.
func (m *Machine) Invert(cc mach.Cond) mach.Cond { return mach.Cond(Cond(cc).Invert()) }

// Prologue saves the return address in the frame's record.
func (m *Machine) Prologue() { m.a.Stp(W64, R30, ZR, RSP, -16, PreIndex) }

// Ret restores the return address and returns.
func (m *Machine) Ret() {
	m.must(m.a.Ldp(W64, R30, tmp, RSP, 16, PostIndex))
	m.a.Ret()
}

// Trap returns the label of the function's shared stub raising code.
func (m *Machine) Trap(code store.TrapCode) mach.Label { return mach.Label(m.trap(code)) }

func (m *Machine) trap(code store.TrapCode) Label {
	if l, ok := m.traps[code]; ok {
		return l
	}
	l := m.a.NewLabel()
	m.traps[code] = l
	return l
}

// EmitTrapStubs emits the trap stubs used, in trap code order.
func (m *Machine) EmitTrapStubs() {
	for code := store.TrapCode(1); code <= store.TrapHostPanic; code++ {
		if l, ok := m.traps[code]; ok {
			m.a.Bind(l)
			m.SetExit(int32(mach.ExitTrap + int(code)))
			m.CallExit()
			m.a.Udf(1) // not 0, the padding between functions
		}
	}
}

// EmitConstPool emits nothing: constants are built with moves.
func (m *Machine) EmitConstPool() {}

// StackCheck traps when SP is below VMContext.SPLimit.
func (m *Machine) StackCheck(l mach.Label) {
	m.must(m.a.Ldr(X, W64, tmp, regVM, int64(mach.OffSPLimit)))
	m.a.RR(MOV, W64, tmp2, RSP)
	m.a.Cmp(W64, tmp2, tmp)
	m.bcond(LO, Label(l))
}

// FrameCheck traps when the frame's end passes VMContext.VSLimit; the
// size is a MOVZ/MOVK pair patched later.
func (m *Machine) FrameCheck(l mach.Label) int {
	site := m.a.Len()
	m.a.MovZ(W64, tmp, 0, 0)
	m.a.MovK(W64, tmp, 0, 16)
	m.a.RRR(ADD, W64, tmp, regFB, tmp)
	m.must(m.a.Ldr(X, W64, tmp2, regVM, int64(mach.OffVSLimit)))
	m.a.Cmp(W64, tmp, tmp2)
	m.bcond(HI, Label(l))
	return site
}

// PatchFrameSize patches FrameCheck's frame size.
func (m *Machine) PatchFrameSize(site int, bytes int32) {
	var t Assembler
	t.MovZ(W64, tmp, uint16(bytes), 0)
	t.MovK(W64, tmp, uint16(uint32(bytes)>>16), 16)
	copy(m.a.Code()[site:], t.Code())
}

// ZeroSlots stores zero to slots.
func (m *Machine) ZeroSlots(slots []mach.Slot) {
	for _, s := range slots {
		m.slotStore(X, ZR, s)
	}
}

// ZeroReg zeroes r.
func (m *Machine) ZeroReg(r mach.Reg) {
	if x := Reg(r); x.IsV() {
		m.a.FMovFromGP(W64, x, ZR)
	} else {
		m.a.MovZ(W64, x, 0, 0)
	}
}

// SpillPinned stores pinned register r to slot s.
func (m *Machine) SpillPinned(r mach.Reg, s mach.Slot) {
	if x := Reg(r); x.IsV() {
		m.slotStore(VD, x, s)
	} else {
		m.slotStore(X, x, s)
	}
}

// ReloadPinned loads pinned register r from slot s.
func (m *Machine) ReloadPinned(r mach.Reg, s mach.Slot) {
	if x := Reg(r); x.IsV() {
		m.slotLoad(VD, W64, x, s)
	} else {
		m.slotLoad(X, W64, x, s)
	}
}

// StoreConst stores v to s.
func (m *Machine) StoreConst(s mach.Slot, v uint64) {
	if v == 0 {
		m.slotStore(X, ZR, s)
		return
	}
	m.a.MovImm(W64, tmp, v)
	m.slotStore(X, tmp, s)
}

// StoreReg stores r, holding a value of type t, to s (an f32 as a
// zero-extended word).
func (m *Machine) StoreReg(t wasm.ValType, s mach.Slot, r mach.Reg) {
	x := Reg(r)
	switch {
	case !x.IsV():
		m.slotStore(X, x, s)
	case t == wasm.F32:
		m.a.FMovToGP(W32, tmp, x)
		m.slotStore(X, tmp, s)
	case t == wasm.V128:
		m.addImm(tmp, regFB, 8*uint64(s))
		m.must(m.a.Str(VQ, x, tmp, 0))
	default:
		m.slotStore(VD, x, s)
	}
}

// StoreFlags stores 1 to s when cc holds, else 0.
func (m *Machine) StoreFlags(s mach.Slot, cc mach.Cond) {
	m.a.CSet(W64, tmp, Cond(cc))
	m.slotStore(X, tmp, s)
}

// CopySlot copies slot src to dst.
func (m *Machine) CopySlot(dst, src mach.Slot) {
	m.slotLoad(X, W64, tmp, src)
	m.slotStore(X, tmp, dst)
}

// FlagsToReg sets r to 1 when cc holds, else 0.
func (m *Machine) FlagsToReg(r mach.Reg, cc mach.Cond) { m.a.CSet(W64, Reg(r), Cond(cc)) }

// MoveReg copies float register src to dst (all 128 bits).
func (m *Machine) MoveReg(dst, src mach.Reg) { m.a.VMov(Reg(dst), Reg(src)) }

// Zext32 copies the low half of src to dst, zero-extended.
func (m *Machine) Zext32(dst, src mach.Reg) { m.a.RR(MOV, W32, Reg(dst), Reg(src)) }

// gp returns a general register holding integer operand o: its own, or
// scratch s loaded with it (a slot read at width w).
func (m *Machine) gp(w Width, o mach.Operand, s Reg) Reg {
	switch o.Kind {
	case mach.InReg:
		return Reg(o.Reg)
	case mach.IsConst:
		m.a.MovImm(W64, s, o.Val)
	default:
		sz := X
		if w == W32 {
			sz = W
		}
		m.slotLoad(sz, w, s, o.Slot)
	}
	return s
}

// fp returns a float register holding float operand o of type t: its
// own, or scratch s loaded with it.
func (m *Machine) fp(t wasm.ValType, o mach.Operand, s Reg) Reg {
	switch {
	case o.Kind == mach.InReg && Reg(o.Reg).IsV():
		return Reg(o.Reg)
	case o.Kind == mach.InReg:
		m.a.FMovFromGP(W64, s, Reg(o.Reg))
	case o.Kind == mach.IsConst:
		m.a.MovImm(W64, tmp3, o.Val)
		m.a.FMovFromGP(W64, s, tmp3)
	case t == wasm.F32:
		m.slotLoad(VW, W64, s, o.Slot)
	case t == wasm.V128:
		m.addImm(tmp, regFB, 8*uint64(o.Slot))
		m.must(m.a.Ldr(VQ, W64, s, tmp, 0))
	default:
		m.slotLoad(VD, W64, s, o.Slot)
	}
	return s
}

// SetPinned puts o, of type t, into pinned register r.
func (m *Machine) SetPinned(t wasm.ValType, r mach.Reg, o mach.Operand) { m.LoadArg(t, r, o) }

// LoadArg puts o, of type t, into r.
func (m *Machine) LoadArg(t wasm.ValType, r mach.Reg, o mach.Operand) {
	d := Reg(r)
	if d.IsV() {
		if s := m.fp(t, o, d); s != d {
			m.a.VMov(d, s)
		}
		return
	}
	w := W64
	if t == wasm.I32 {
		w = W32
	}
	if s := m.gp(w, o, d); s != d {
		m.a.RR(MOV, W64, d, s)
	}
}

// StoreZero64 stores a zero word to s.
func (m *Machine) StoreZero64(s mach.Slot) { m.slotStore(X, ZR, s) }

// ---- exits and calls ----

// SetExit stores exit code code.
func (m *Machine) SetExit(code int32) {
	m.a.MovImm(W64, tmp, uint64(code))
	m.must(m.a.Str(X, tmp, regVM, int64(mach.OffExit)))
}

// SetExitHelper stores ExitHelper and its argument.
func (m *Machine) SetExitHelper(arg int64) {
	m.a.MovImm(W64, tmp, uint64(arg))
	m.must(m.a.Str(X, tmp, regVM, int64(mach.OffExitArg)))
	m.SetExit(mach.ExitHelper)
}

// CallExit calls the exit stub.
func (m *Machine) CallExit() {
	site := m.a.CallRel26()
	m.relocs = append(m.relocs, mach.Reloc{Site: site, Target: mach.ExitStubTarget, Kind: RelCall26})
}

// BudgetCheck counts the budget down.
func (m *Machine) BudgetCheck(cold mach.Label) {
	m.must(m.a.RRImm(SUBS, W64, regBudget, regBudget, 1))
	m.bcond(EQ, Label(cold))
}

// CallDirect calls defined function target with its frame at slot frame.
func (m *Machine) CallDirect(frame mach.Slot, target int) {
	m.addImm(regFB, regFB, 8*uint64(frame))
	site := m.a.CallRel26()
	m.relocs = append(m.relocs, mach.Reloc{Site: site, Target: target, Kind: RelCall26})
	m.subImm(regFB, regFB, 8*uint64(frame))
}

// Layout of the runtime objects compiled code reads.
const (
	tableElems    = int64(mach.TableElemsOff)
	tableLen      = tableElems + mach.SliceLenOff
	segHeaderSize = int64(mach.SliceHeaderSize)
	segLen        = int64(mach.SliceLenOff)
	ptrSize       = int64(mach.PtrSize)
	typeIDSize    = int64(mach.TypeIDSize)
	icEntryShift  = 4 // log2(mach.ICacheEntrySize)
	pageShift     = 16
	_             = uint(1<<icEntryShift - mach.ICacheEntrySize)
	_             = uint(mach.ICacheEntrySize - 1<<icEntryShift)
)

// IndirectLookup is call_indirect's fast path through the instance's
// cache of same-instance targets; the target is left in X16.
func (m *Machine) IndirectLookup(ix mach.Slot, table, typeIdx uint32, slow, call mach.Label) {
	a := &m.a
	m.slotLoad(W, W32, tmp, ix)
	m.must(a.Ldr(X, W64, tmp2, regVM, int64(mach.OffTables)))
	m.ldr(X, W64, tmp2, tmp2, ptrSize*int64(table))
	m.must(a.Ldr(X, W64, tmp3, tmp2, tableLen))
	a.Cmp(W64, tmp, tmp3)
	m.bcond(HS, Label(slow))
	m.must(a.Ldr(X, W64, tmp2, tmp2, tableElems))
	a.LdrReg(X, W64, tmp2, tmp2, tmp, UXTX, true) // the handle
	m.must(a.Ldr(X, W64, tmp3, regVM, int64(mach.OffICacheBase)))
	a.RRR(SUB, W64, tmp2, tmp2, tmp3) // other instances' handles wrap to large values
	m.must(a.Ldr(X, W64, tmp3, regVM, int64(mach.OffICacheLen)))
	a.Cmp(W64, tmp2, tmp3)
	m.bcond(HS, Label(slow))
	m.must(a.Ldr(X, W64, tmp3, regVM, int64(mach.OffICache)))
	a.RRRShift(ADD, W64, tmp2, tmp3, tmp2, LSL, icEntryShift)
	m.must(a.Ldr(X, W64, tmp3, regVM, int64(mach.OffTypeIDs)))
	m.ldr(W, W32, tmp3, tmp3, typeIDSize*int64(typeIdx))
	m.must(a.Ldr(X, W64, tmp, tmp2, int64(mach.ICacheEntryTypeIDOff)))
	a.Cmp(W64, tmp, tmp3)
	m.bcond(NE, Label(slow))
	m.must(a.Ldr(X, W64, tmp, tmp2, 0))
	m.cbnz(W64, tmp, Label(call))
}

// IndirectTarget loads the target Go resolved into X16, jumping to skip
// when Go made the call.
func (m *Machine) IndirectTarget(skip mach.Label) {
	m.must(m.a.Ldr(X, W64, tmp, regVM, int64(mach.OffTarget)))
	m.cbz(W64, tmp, Label(skip))
}

// CallTarget calls the code at X16 with its frame at slot frame.
func (m *Machine) CallTarget(frame mach.Slot) {
	m.addImm(regFB, regFB, 8*uint64(frame))
	m.a.Blr(tmp)
	m.subImm(regFB, regFB, 8*uint64(frame))
}

// NonZero tests the i32 in o.
func (m *Machine) NonZero(o mach.Operand) mach.Cond {
	r := m.gp(W32, o, tmp)
	m.must(m.a.CmpImm(W32, r, 0))
	return mach.Cond(NE)
}

// LoadTableIndex puts br_table's index into W17.
func (m *Machine) LoadTableIndex(o mach.Operand) {
	if r := m.gp(W32, o, tmp2); r != tmp2 {
		m.a.RR(MOV, W32, tmp2, r)
	}
}

// TableJump jumps into the table of branches at table.
func (m *Machine) TableJump(n int, table, def mach.Label) {
	a := &m.a
	if !a.CmpImm(W32, tmp2, uint64(n)) {
		a.MovImm(W64, tmp, uint64(n))
		a.Cmp(W32, tmp2, tmp)
	}
	m.bcond(HS, Label(def))
	a.Adr(tmp, Label(table))
	a.RRRShift(ADD, W64, tmp, tmp, tmp2, LSL, 2)
	a.Br(tmp)
}

// JumpTableData emits the table: one branch per target.
func (m *Machine) JumpTableData(table mach.Label, targets []mach.Label) {
	m.a.Bind(Label(table))
	for _, l := range targets {
		m.a.B(Label(l))
	}
}

// SelectSlots copies y over x when the i32 in cond is zero.
func (m *Machine) SelectSlots(t wasm.ValType, cond, x, y mach.Slot) {
	skip := m.a.NewLabel()
	m.slotLoad(W, W32, tmp, cond)
	m.cbnz(W32, tmp, skip)
	for i := 0; i < t.Slots(); i++ {
		m.CopySlot(x+mach.Slot(i), y+mach.Slot(i))
	}
	m.a.Bind(skip)
}

func width(t wasm.ValType) Width {
	if t == wasm.I32 || t == wasm.F32 {
		return W32
	}
	return W64
}

func ftype(t wasm.ValType) FType {
	if t == wasm.F32 {
		return S
	}
	return D
}

// SelectInt selects with CSEL.
func (m *Machine) SelectInt(t wasm.ValType, cc mach.Cond, dst mach.Reg, x, y mach.Operand) {
	w := width(t)
	xr := m.gp(w, x, tmp)
	yr := m.gp(w, y, tmp2)
	m.a.CSel(CSEL, W64, Reg(dst), xr, yr, Cond(cc))
}

// SelectFloat selects with FCSEL.
func (m *Machine) SelectFloat(t wasm.ValType, cc mach.Cond, dst mach.Reg, x, y mach.Operand) {
	xr := m.fp(t, x, ftmp)
	yr := m.fp(t, y, ftmp2)
	m.a.FCsel(ftype(t), Reg(dst), xr, yr, Cond(cc))
}

// ---- globals, references, tables, segments ----

// GlobalAddr loads the address of global idx into X17.
func (m *Machine) GlobalAddr(idx uint32) {
	m.must(m.a.Ldr(X, W64, tmp2, regVM, int64(mach.OffGlobals)))
	m.ldr(X, W64, tmp2, tmp2, ptrSize*int64(idx))
}

// LoadGlobal loads the global at X17.
func (m *Machine) LoadGlobal(t wasm.ValType, dst mach.Reg) {
	switch t {
	case wasm.I32:
		m.must(m.a.Ldr(W, W32, Reg(dst), tmp2, 0))
	case wasm.I64:
		m.must(m.a.Ldr(X, W64, Reg(dst), tmp2, 0))
	case wasm.F32:
		m.must(m.a.Ldr(VW, W64, Reg(dst), tmp2, 0))
	default:
		m.must(m.a.Ldr(VD, W64, Reg(dst), tmp2, 0))
	}
}

// CopyFromGlobal copies the global at X17 to dst.
func (m *Machine) CopyFromGlobal(dst mach.Slot, words int) {
	for i := 0; i < words; i++ {
		m.must(m.a.Ldr(X, W64, tmp, tmp2, int64(8*i)))
		m.slotStore(X, tmp, dst+mach.Slot(i))
	}
}

// StoreGlobal stores o to the global at X17 (the whole word: an i32 or
// f32 zero-extended).
func (m *Machine) StoreGlobal(t wasm.ValType, o mach.Operand) {
	switch {
	case o.Kind == mach.InReg && Reg(o.Reg).IsV() && t == wasm.F32:
		m.a.FMovToGP(W32, tmp, Reg(o.Reg))
		m.must(m.a.Str(X, tmp, tmp2, 0))
	case o.Kind == mach.InReg && Reg(o.Reg).IsV():
		m.must(m.a.Str(VD, Reg(o.Reg), tmp2, 0))
	default:
		m.must(m.a.Str(X, m.gp(W64, o, tmp), tmp2, 0))
	}
}

// CopyToGlobal copies src to the global at X17.
func (m *Machine) CopyToGlobal(src mach.Slot, words int) {
	for i := 0; i < words; i++ {
		m.slotLoad(X, W64, tmp, src+mach.Slot(i))
		m.must(m.a.Str(X, tmp, tmp2, int64(8*i)))
	}
}

// RefIsNull stores 1 to dst when the reference in x is null.
func (m *Machine) RefIsNull(dst, x mach.Slot) {
	m.slotLoad(X, W64, tmp, x)
	m.must(m.a.CmpImm(W64, tmp, 0))
	m.a.CSet(W64, tmp, EQ)
	m.slotStore(X, tmp, dst)
}

// RefFunc stores the handle of function idx to dst.
func (m *Machine) RefFunc(idx uint32, dst mach.Slot) {
	m.must(m.a.Ldr(X, W64, tmp, regVM, int64(mach.OffFuncs)))
	m.ldr(X, W64, tmp, tmp, ptrSize*int64(idx))
	m.slotStore(X, tmp, dst)
}

// TableOp compiles table.get, table.set and table.size through the VM
// context's table array, bounds-checked against the table's length.
func (m *Machine) TableOp(op wasm.Op, table uint32, ix, val, dst mach.Slot) {
	a := &m.a
	m.must(a.Ldr(X, W64, tmp2, regVM, int64(mach.OffTables)))
	m.ldr(X, W64, tmp2, tmp2, ptrSize*int64(table))
	if op == wasm.OpTableSize {
		m.must(a.Ldr(X, W64, tmp, tmp2, tableLen))
		m.slotStore(X, tmp, dst)
		return
	}
	m.slotLoad(W, W32, tmp, ix)
	m.must(a.Ldr(X, W64, tmp3, tmp2, tableLen))
	a.Cmp(W64, tmp, tmp3)
	m.bcond(HS, m.trap(store.TrapTableOutOfBounds))
	m.must(a.Ldr(X, W64, tmp2, tmp2, tableElems))
	if op == wasm.OpTableGet {
		a.LdrReg(X, W64, tmp, tmp2, tmp, UXTX, true)
		m.slotStore(X, tmp, dst)
		return
	}
	m.slotLoad(X, W64, tmp3, val)
	a.StrReg(X, tmp3, tmp2, tmp, UXTX, true)
}

// DropSegment sets the length of the segment's slice header to 0.
func (m *Machine) DropSegment(elem bool, idx uint32) {
	off := mach.OffDatas
	if elem {
		off = mach.OffElems
	}
	m.must(m.a.Ldr(X, W64, tmp, regVM, int64(off)))
	m.str(X, ZR, tmp, segHeaderSize*int64(idx)+segLen)
}

// MemorySize stores the page count of memory 0 to dst.
func (m *Machine) MemorySize(dst mach.Slot) {
	m.a.ShiftImm(LSR, W64, tmp, regMemLen, pageShift)
	m.slotStore(X, tmp, dst)
}

// V128Const stores v to dst.
func (m *Machine) V128Const(dst mach.Slot, v *[16]byte) {
	m.StoreConst(dst, le64(v[:8]))
	m.StoreConst(dst+1, le64(v[8:]))
}

// ---- memory ----

// address sets X16 to the zero-extended address plus offset.
func (m *Machine) address(addr mach.Operand, offset uint64) {
	switch addr.Kind {
	case mach.InReg:
		m.a.RR(MOV, W32, tmp, Reg(addr.Reg))
	case mach.IsConst:
		m.a.MovImm(W64, tmp, uint64(uint32(addr.Val)))
	default:
		m.slotLoad(W, W32, tmp, addr.Slot)
	}
	if offset != 0 {
		m.addImm(tmp, tmp, offset)
	}
}

// boundsCheck traps unless [X16, X16+size) is in memory 0.
func (m *Machine) boundsCheck(size int32) {
	m.must(m.a.RRImm(ADD, W64, tmp3, tmp, uint64(size)))
	m.a.Cmp(W64, tmp3, regMemLen)
	m.bcond(HI, m.trap(store.TrapMemoryOutOfBounds))
}

// memOps gives the access of each scalar load and store: its size and
// the width it loads into.
var memOps = map[wasm.Op]struct {
	sz Size
	w  Width
	fp bool
}{
	wasm.OpI32Load: {W, W32, false}, wasm.OpI64Load: {X, W64, false}, wasm.OpF32Load: {VW, W64, true}, wasm.OpF64Load: {VD, W64, true},
	wasm.OpI32Load8S: {SB, W32, false}, wasm.OpI32Load8U: {B, W32, false}, wasm.OpI32Load16S: {SH, W32, false}, wasm.OpI32Load16U: {H, W32, false},
	wasm.OpI64Load8S: {SB, W64, false}, wasm.OpI64Load8U: {B, W32, false}, wasm.OpI64Load16S: {SH, W64, false}, wasm.OpI64Load16U: {H, W32, false},
	wasm.OpI64Load32S: {SW, W64, false}, wasm.OpI64Load32U: {W, W32, false},
	wasm.OpI32Store: {W, W32, false}, wasm.OpI64Store: {X, W64, false}, wasm.OpF32Store: {VW, W64, true}, wasm.OpF64Store: {VD, W64, true},
	wasm.OpI32Store8: {B, W32, false}, wasm.OpI32Store16: {H, W32, false},
	wasm.OpI64Store8: {B, W32, false}, wasm.OpI64Store16: {H, W32, false}, wasm.OpI64Store32: {W, W32, false},
}

// MemAccess compiles a scalar load or store: the address in X16, the
// access at [X21, X16].
func (m *Machine) MemAccess(op wasm.Op, addr mach.Operand, offset uint64, size int32, check bool, dst mach.Reg, val mach.Operand) bool {
	acc, ok := memOps[op]
	if !ok {
		return false
	}
	m.address(addr, offset)
	if check {
		m.boundsCheck(size)
	}
	info, _ := op.Info()
	if len(info.Results) == 0 { // a store
		var r Reg
		if acc.fp {
			t := wasm.F64
			if acc.sz == VW {
				t = wasm.F32
			}
			r = m.fp(t, val, ftmp)
		} else {
			r = m.gp(W64, val, tmp3)
		}
		m.a.StrReg(acc.sz, r, regMem, tmp, UXTX, false)
		return true
	}
	m.a.LdrReg(acc.sz, acc.w, Reg(dst), regMem, tmp, UXTX, false)
	return true
}

// ---- bulk memory and tables ----

// BulkLengthCheck loads the length into W17 and jumps to fast when it is
// at most store.BulkChunk.
func (m *Machine) BulkLengthCheck(n mach.Slot, fast mach.Label) {
	m.slotLoad(W, W32, tmp2, n)
	if !m.a.CmpImm(W32, tmp2, store.BulkChunk) {
		m.a.MovImm(W64, tmp, store.BulkChunk)
		m.a.Cmp(W32, tmp2, tmp)
	}
	m.bcond(LS, Label(fast))
}

// checkRange traps to oob unless start (a register) + X17 <= the bound
// in register limit.
func (m *Machine) checkRange(start, limit Reg, oob Label) {
	m.a.RRR(ADD, W64, tmp3, start, tmp2)
	m.a.Cmp(W64, tmp3, limit)
	m.bcond(HI, oob)
}

// copyLoop copies X17 elements of sz bytes from X1 to X0 (absolute
// addresses), backwards when the ranges overlap with the destination
// above the source. X0, X1 and X17 are free: a bulk operation runs with
// every temporary in its slot.
func (m *Machine) copyLoop(sz Size, bytes int64, overlap bool) {
	a := &m.a
	done, fwd, loop := a.NewLabel(), a.NewLabel(), a.NewLabel()
	m.cbz(W64, tmp2, done)
	if overlap {
		a.Cmp(W64, R0, R1)
		m.bcond(LS, fwd) // dst <= src: a forward copy never reads what it wrote
		back := a.NewLabel()
		a.ShiftImm(LSL, W64, tmp3, tmp2, uint8(log2(bytes)))
		a.RRR(ADD, W64, R0, R0, tmp3)
		a.RRR(ADD, W64, R1, R1, tmp3)
		a.Bind(back)
		m.must(a.RRImm(SUB, W64, R0, R0, uint64(bytes)))
		m.must(a.RRImm(SUB, W64, R1, R1, uint64(bytes)))
		m.must(a.Ldr(sz, W64, tmp3, R1, 0))
		m.must(a.Str(sz, tmp3, R0, 0))
		m.must(a.RRImm(SUBS, W64, tmp2, tmp2, 1))
		m.bcond(NE, back)
		a.B(done)
	}
	a.Bind(fwd)
	a.Bind(loop)
	m.must(a.Ldr(sz, W64, tmp3, R1, 0))
	m.must(a.Str(sz, tmp3, R0, 0))
	m.must(a.RRImm(ADD, W64, R0, R0, uint64(bytes)))
	m.must(a.RRImm(ADD, W64, R1, R1, uint64(bytes)))
	m.must(a.RRImm(SUBS, W64, tmp2, tmp2, 1))
	m.bcond(NE, loop)
	a.Bind(done)
}

// fillLoop stores X1 to X17 elements of sz bytes from X0.
func (m *Machine) fillLoop(sz Size, bytes int64) {
	a := &m.a
	done, loop := a.NewLabel(), a.NewLabel()
	m.cbz(W64, tmp2, done)
	a.Bind(loop)
	m.must(a.Str(sz, R1, R0, 0))
	m.must(a.RRImm(ADD, W64, R0, R0, uint64(bytes)))
	m.must(a.RRImm(SUBS, W64, tmp2, tmp2, 1))
	m.bcond(NE, loop)
	a.Bind(done)
}

func log2(n int64) int {
	k := 0
	for n > 1 {
		n >>= 1
		k++
	}
	return k
}

// BulkMem compiles memory.copy and memory.fill (length in X17): both
// bounds are checked before any byte moves.
func (m *Machine) BulkMem(op wasm.Op, dst, src mach.Slot) {
	oob := m.trap(store.TrapMemoryOutOfBounds)
	m.slotLoad(W, W32, R0, dst)
	m.checkRange(R0, regMemLen, oob)
	m.a.RRR(ADD, W64, R0, R0, regMem)
	if op == wasm.OpMemoryFill {
		m.slotLoad(W, W32, R1, src)
		m.fillLoop(B, 1)
		return
	}
	m.slotLoad(W, W32, R1, src)
	m.checkRange(R1, regMemLen, oob)
	m.a.RRR(ADD, W64, R1, R1, regMem)
	m.copyLoop(B, 1, true)
}

// BulkSegment compiles memory.init (data segment x), table.init (element
// segment x into table y), table.copy (table y to table x) and table.fill
// (table x), length in X17, after checking every bound.
func (m *Machine) BulkSegment(op wasm.Op, x, y uint32, dst, src mach.Slot) {
	a := &m.a
	tableBase := func(idx uint32, r Reg) {
		m.must(a.Ldr(X, W64, r, regVM, int64(mach.OffTables)))
		m.ldr(X, W64, r, r, ptrSize*int64(idx))
	}
	switch op {
	case wasm.OpMemoryInit:
		oob := m.trap(store.TrapMemoryOutOfBounds)
		m.slotLoad(W, W32, R1, src)
		m.must(a.Ldr(X, W64, R2, regVM, int64(mach.OffDatas)))
		m.addImm(R2, R2, uint64(segHeaderSize*int64(x)))
		m.must(a.Ldr(X, W64, R3, R2, segLen))
		m.checkRange(R1, R3, oob)
		m.slotLoad(W, W32, R0, dst)
		m.checkRange(R0, regMemLen, oob)
		m.must(a.Ldr(X, W64, R2, R2, 0))
		a.RRR(ADD, W64, R1, R1, R2)
		a.RRR(ADD, W64, R0, R0, regMem)
		m.copyLoop(B, 1, false)
	case wasm.OpTableFill:
		oob := m.trap(store.TrapTableOutOfBounds)
		tableBase(x, R2)
		m.slotLoad(W, W32, R0, dst)
		m.must(a.Ldr(X, W64, R3, R2, tableLen))
		m.checkRange(R0, R3, oob)
		m.must(a.Ldr(X, W64, R2, R2, tableElems))
		a.RRRShift(ADD, W64, R0, R2, R0, LSL, 3)
		m.slotLoad(X, W64, R1, src)
		m.fillLoop(X, 8)
	case wasm.OpTableInit:
		oob := m.trap(store.TrapTableOutOfBounds)
		m.slotLoad(W, W32, R1, src)
		m.must(a.Ldr(X, W64, R2, regVM, int64(mach.OffElems)))
		m.addImm(R2, R2, uint64(segHeaderSize*int64(x)))
		m.must(a.Ldr(X, W64, R3, R2, segLen))
		m.checkRange(R1, R3, oob)
		m.must(a.Ldr(X, W64, R2, R2, 0))
		a.RRRShift(ADD, W64, R1, R2, R1, LSL, 3)
		tableBase(y, R2)
		m.slotLoad(W, W32, R0, dst)
		m.must(a.Ldr(X, W64, R3, R2, tableLen))
		m.checkRange(R0, R3, oob)
		m.must(a.Ldr(X, W64, R2, R2, tableElems))
		a.RRRShift(ADD, W64, R0, R2, R0, LSL, 3)
		m.copyLoop(X, 8, false)
	case wasm.OpTableCopy: // table y to table x, overlapping like memmove
		oob := m.trap(store.TrapTableOutOfBounds)
		tableBase(y, R2)
		m.slotLoad(W, W32, R1, src)
		m.must(a.Ldr(X, W64, R3, R2, tableLen))
		m.checkRange(R1, R3, oob)
		m.must(a.Ldr(X, W64, R2, R2, tableElems))
		a.RRRShift(ADD, W64, R1, R2, R1, LSL, 3)
		tableBase(x, R2)
		m.slotLoad(W, W32, R0, dst)
		m.must(a.Ldr(X, W64, R3, R2, tableLen))
		m.checkRange(R0, R3, oob)
		m.must(a.Ldr(X, W64, R2, R2, tableElems))
		a.RRRShift(ADD, W64, R0, R2, R0, LSL, 3)
		m.copyLoop(X, 8, true)
	}
}

// ---- integers ----

// opWidth is the width of integer instruction op's operands.
func opWidth(op wasm.Op) Width {
	info, _ := op.Info()
	return width(info.Params[0])
}

var intOps = map[wasm.Op]Op{
	wasm.OpI32Add: ADD, wasm.OpI32Sub: SUB, wasm.OpI32And: AND, wasm.OpI32Or: ORR, wasm.OpI32Xor: EOR, wasm.OpI32Mul: MUL,
	wasm.OpI64Add: ADD, wasm.OpI64Sub: SUB, wasm.OpI64And: AND, wasm.OpI64Or: ORR, wasm.OpI64Xor: EOR, wasm.OpI64Mul: MUL,
	wasm.OpI32Shl: LSLV, wasm.OpI32ShrS: ASRV, wasm.OpI32ShrU: LSRV, wasm.OpI32Rotr: RORV, wasm.OpI32Rotl: RORV,
	wasm.OpI64Shl: LSLV, wasm.OpI64ShrS: ASRV, wasm.OpI64ShrU: LSRV, wasm.OpI64Rotr: RORV, wasm.OpI64Rotl: RORV,
}

var shiftKinds = map[wasm.Op]Shift{
	wasm.OpI32Shl: LSL, wasm.OpI32ShrS: ASR, wasm.OpI32ShrU: LSR, wasm.OpI32Rotr: ROR, wasm.OpI32Rotl: ROR,
	wasm.OpI64Shl: LSL, wasm.OpI64ShrS: ASR, wasm.OpI64ShrU: LSR, wasm.OpI64Rotr: ROR, wasm.OpI64Rotl: ROR,
}

// IntBinary compiles the integer operations three-address; immediates
// are used where the instruction takes them (add/sub imm12, logical
// bitmask immediates, shift amounts).
func (m *Machine) IntBinary(op wasm.Op, dst mach.Reg, x, y mach.Operand) {
	a := &m.a
	w := opWidth(op)
	d := Reg(dst)
	iop := intOps[op]
	xr := m.gp(w, x, tmp)
	bits := uint64(32)
	if w == W64 {
		bits = 64
	}
	if sh, ok := shiftKinds[op]; ok {
		if y.Kind == mach.IsConst {
			n := y.Val & (bits - 1)
			if op == wasm.OpI32Rotl || op == wasm.OpI64Rotl {
				n = (bits - n) & (bits - 1)
			}
			a.ShiftImm(sh, w, d, xr, uint8(n))
			return
		}
		yr := m.gp(w, y, tmp2)
		if op == wasm.OpI32Rotl || op == wasm.OpI64Rotl {
			a.RR(NEG, w, tmp2, yr)
			yr = tmp2
		}
		a.RRR(iop, w, d, xr, yr)
		return
	}
	if y.Kind == mach.IsConst && iop != MUL {
		v := y.Val
		if w == W32 {
			v = uint64(uint32(v))
		}
		switch iop {
		case ADD, SUB:
			if a.RRImm(iop, w, d, xr, v) {
				return
			}
			neg := -v
			if w == W32 {
				neg = uint64(uint32(neg))
			}
			other := SUB
			if iop == SUB {
				other = ADD
			}
			if a.RRImm(other, w, d, xr, neg) {
				return
			}
		default:
			if a.RRImm(iop, w, d, xr, v) {
				return
			}
		}
	}
	yr := m.gp(w, y, tmp2)
	a.RRR(iop, w, d, xr, yr)
}

// MulAddImm reports false: a multiply and an add stay two instructions.
func (m *Machine) MulAddImm(wasm.Op, mach.Reg, mach.Operand, mach.Operand, int32) bool {
	return false
}

// TestImm emits "tst x, #mask" when the mask is a logical immediate.
func (m *Machine) TestImm(t wasm.ValType, x mach.Operand, mask uint64) bool {
	w := width(t)
	if w == W32 {
		mask = uint64(uint32(mask))
	}
	if !LogicalImmOK(w, mask) {
		return false
	}
	m.must(m.a.TstImm(w, m.gp(w, x, tmp), mask))
	return true
}

var intConds = map[wasm.Op]Cond{
	wasm.OpI32Eq: EQ, wasm.OpI32Ne: NE, wasm.OpI32LtS: LT, wasm.OpI32LtU: LO, wasm.OpI32GtS: GT,
	wasm.OpI32GtU: HI, wasm.OpI32LeS: LE, wasm.OpI32LeU: LS, wasm.OpI32GeS: GE, wasm.OpI32GeU: HS,
	wasm.OpI64Eq: EQ, wasm.OpI64Ne: NE, wasm.OpI64LtS: LT, wasm.OpI64LtU: LO, wasm.OpI64GtS: GT,
	wasm.OpI64GtU: HI, wasm.OpI64LeS: LE, wasm.OpI64LeU: LS, wasm.OpI64GeS: GE, wasm.OpI64GeU: HS,
}

// IntCompare compares x with y.
func (m *Machine) IntCompare(op wasm.Op, x, y mach.Operand) mach.Cond {
	w := opWidth(op)
	xr := m.gp(w, x, tmp)
	cmp := func() {
		if y.Kind == mach.IsConst {
			v := y.Val
			if w == W32 {
				v = uint64(uint32(v))
			}
			if m.a.CmpImm(w, xr, v) {
				return
			}
			neg := -v
			if w == W32 {
				neg = uint64(uint32(neg))
			}
			if m.a.CmnImm(w, xr, neg) {
				return
			}
		}
		m.a.Cmp(w, xr, m.gp(w, y, tmp2))
	}
	cmp()
	return mach.Cond(intConds[op])
}

// TestZero tests x against zero.
func (m *Machine) TestZero(t wasm.ValType, x mach.Operand) mach.Cond {
	w := width(t)
	m.must(m.a.CmpImm(w, m.gp(w, x, tmp), 0))
	return mach.Cond(EQ)
}

// WrapExtend compiles i32.wrap_i64 and i64.extend_i32_s.
func (m *Machine) WrapExtend(wrap bool, dst mach.Reg, x mach.Operand) {
	d := Reg(dst)
	switch {
	case x.Kind == mach.IsConst && wrap:
		m.a.MovImm(W64, d, uint64(uint32(x.Val)))
	case x.Kind == mach.IsConst:
		m.a.MovImm(W64, d, uint64(int64(int32(x.Val))))
	case x.Kind == mach.InReg && wrap:
		m.a.RR(MOV, W32, d, Reg(x.Reg))
	case x.Kind == mach.InReg:
		m.a.RR(OpSXTW, W64, d, Reg(x.Reg))
	case wrap:
		m.slotLoad(W, W32, d, x.Slot)
	default:
		m.slotLoad(SW, W64, d, x.Slot)
	}
}

// DivRem compiles division and remainder with explicit traps (A64
// division neither traps nor overflows: x/0 is 0, MIN/-1 is MIN).
func (m *Machine) DivRem(op wasm.Op, dst, x, y mach.Slot) {
	a := &m.a
	w := opWidth(op)
	sz := X
	if w == W32 {
		sz = W
	}
	m.slotLoad(sz, w, tmp, x)
	m.slotLoad(sz, w, tmp2, y)
	m.cbz(w, tmp2, m.trap(store.TrapIntegerDivideByZero))
	signed := op == wasm.OpI32DivS || op == wasm.OpI64DivS || op == wasm.OpI32RemS || op == wasm.OpI64RemS
	rem := op == wasm.OpI32RemS || op == wasm.OpI64RemS || op == wasm.OpI32RemU || op == wasm.OpI64RemU
	div := UDIV
	if signed {
		div = SDIV
	}
	if signed && !rem {
		// MIN / -1 overflows: y == -1 and x - 1 overflowing.
		normal := a.NewLabel()
		m.must(a.CmnImm(w, tmp2, 1))
		m.bcond(NE, normal)
		m.must(a.CmpImm(w, tmp, 1)) // x - 1 sets V only when x is MIN
		m.bcond(VS, m.trap(store.TrapIntegerOverflow))
		a.Bind(normal)
	}
	a.RRR(div, w, tmp3, tmp, tmp2)
	if rem {
		a.RRRR(MSUB, w, tmp3, tmp3, tmp2, tmp)
	}
	m.slotStore(X, tmp3, dst)
}

// Bits compiles clz, ctz, popcnt and the sign extensions.
func (m *Machine) Bits(op wasm.Op, dst, x mach.Slot) {
	a := &m.a
	w := opWidth(op)
	sz := X
	if w == W32 {
		sz = W
	}
	m.slotLoad(sz, w, tmp, x)
	switch op {
	case wasm.OpI32Clz, wasm.OpI64Clz:
		a.RR(CLZ, w, tmp, tmp)
	case wasm.OpI32Ctz, wasm.OpI64Ctz:
		a.RR(RBIT, w, tmp, tmp)
		a.RR(CLZ, w, tmp, tmp)
	case wasm.OpI32Popcnt, wasm.OpI64Popcnt:
		m.popcount(w)
	case wasm.OpI32Extend8S:
		a.RR(OpSXTB, W32, tmp, tmp)
	case wasm.OpI32Extend16S:
		a.RR(OpSXTH, W32, tmp, tmp)
	case wasm.OpI64Extend8S:
		a.RR(OpSXTB, W64, tmp, tmp)
	case wasm.OpI64Extend16S:
		a.RR(OpSXTH, W64, tmp, tmp)
	case wasm.OpI64Extend32S:
		a.RR(OpSXTW, W64, tmp, tmp)
	}
	m.slotStore(X, tmp, dst)
}

// popcount counts the bits of X16 (at width w) into X16 with the
// classic SWAR reduction (A64 has no scalar popcount before FEAT_CSSC).
func (m *Machine) popcount(w Width) {
	a := &m.a
	k1, k2, k4, h01 := uint64(0x5555555555555555), uint64(0x3333333333333333), uint64(0x0f0f0f0f0f0f0f0f), uint64(0x0101010101010101)
	a.ShiftImm(LSR, W64, tmp2, tmp, 1)
	m.must(a.RRImm(AND, W64, tmp2, tmp2, k1))
	a.RRR(SUB, W64, tmp, tmp, tmp2)
	a.ShiftImm(LSR, W64, tmp2, tmp, 2)
	m.must(a.RRImm(AND, W64, tmp2, tmp2, k2))
	m.must(a.RRImm(AND, W64, tmp, tmp, k2))
	a.RRR(ADD, W64, tmp, tmp, tmp2)
	a.ShiftImm(LSR, W64, tmp2, tmp, 4)
	a.RRR(ADD, W64, tmp, tmp, tmp2)
	m.must(a.RRImm(AND, W64, tmp, tmp, k4))
	a.MovImm(W64, tmp2, h01)
	a.RRR(MUL, W64, tmp, tmp, tmp2)
	a.ShiftImm(LSR, W64, tmp, tmp, 56)
	_ = w // an i32 is zero-extended: its count is the 64-bit one
}

// ---- floats ----

var floatOps = map[wasm.Op]Op{
	wasm.OpF32Add: FADD, wasm.OpF32Sub: FSUB, wasm.OpF32Mul: FMUL, wasm.OpF32Div: FDIV,
	wasm.OpF64Add: FADD, wasm.OpF64Sub: FSUB, wasm.OpF64Mul: FMUL, wasm.OpF64Div: FDIV,
	wasm.OpF32Min: FMIN, wasm.OpF32Max: FMAX, wasm.OpF64Min: FMIN, wasm.OpF64Max: FMAX,
	wasm.OpF32Sqrt: FSQRT, wasm.OpF64Sqrt: FSQRT,
	wasm.OpF32Nearest: FRINTN, wasm.OpF32Floor: FRINTM, wasm.OpF32Ceil: FRINTP, wasm.OpF32Trunc: FRINTZ,
	wasm.OpF64Nearest: FRINTN, wasm.OpF64Floor: FRINTM, wasm.OpF64Ceil: FRINTP, wasm.OpF64Trunc: FRINTZ,
}

// floatType is the type of float instruction op's operands.
func floatType(op wasm.Op) wasm.ValType {
	info, _ := op.Info()
	return info.Params[0]
}

// FloatBinary compiles add, sub, mul and div.
func (m *Machine) FloatBinary(op wasm.Op, dst mach.Reg, x, y mach.Operand) {
	t := floatType(op)
	m.a.FRRR(floatOps[op], ftype(t), Reg(dst), m.fp(t, x, ftmp), m.fp(t, y, ftmp2))
}

// FloatUnary compiles sqrt and the roundings.
func (m *Machine) FloatUnary(op wasm.Op, dst mach.Reg, x mach.Operand) {
	t := floatType(op)
	m.a.FRR(floatOps[op], ftype(t), Reg(dst), m.fp(t, x, ftmp))
}

// floatConds are the conditions of the ordered comparisons after FCMP
// (an unordered outcome satisfies none of them).
var floatConds = map[wasm.Op]Cond{
	wasm.OpF32Lt: MI, wasm.OpF32Gt: GT, wasm.OpF32Le: LS, wasm.OpF32Ge: GE,
	wasm.OpF64Lt: MI, wasm.OpF64Gt: GT, wasm.OpF64Le: LS, wasm.OpF64Ge: GE,
	wasm.OpF32Eq: EQ, wasm.OpF64Eq: EQ, wasm.OpF32Ne: NE, wasm.OpF64Ne: NE,
}

// FloatCompare compares with FCMP.
func (m *Machine) FloatCompare(op wasm.Op, x, y mach.Operand) mach.Cond {
	t := floatType(op)
	m.a.FCmp(ftype(t), m.fp(t, x, ftmp), m.fp(t, y, ftmp2))
	return mach.Cond(floatConds[op])
}

// FloatEq stores the outcome of eq or ne (unordered operands are
// unequal: NE holds for them, EQ does not).
func (m *Machine) FloatEq(op wasm.Op, dst mach.Slot, x, y mach.Operand) {
	cc := m.FloatCompare(op, x, y)
	m.a.CSet(W64, tmp, Cond(cc))
	m.slotStore(X, tmp, dst)
}

// FloatSign compiles abs and neg in place and copysign, on the bits.
func (m *Machine) FloatSign(op wasm.Op, dst, x, y mach.Slot) {
	a := &m.a
	w, sz, sign := W64, X, uint64(1)<<63
	if op == wasm.OpF32Abs || op == wasm.OpF32Neg || op == wasm.OpF32Copysign {
		w, sz, sign = W32, W, 1<<31
	}
	m.slotLoad(sz, w, tmp, x)
	switch op {
	case wasm.OpF32Abs, wasm.OpF64Abs:
		m.must(a.RRImm(AND, w, tmp, tmp, sign-1))
		m.slotStore(X, tmp, x)
	case wasm.OpF32Neg, wasm.OpF64Neg:
		m.must(a.RRImm(EOR, w, tmp, tmp, sign))
		m.slotStore(X, tmp, x)
	default:
		m.slotLoad(sz, w, tmp2, y)
		m.must(a.RRImm(AND, w, tmp, tmp, sign-1))
		m.must(a.RRImm(AND, w, tmp2, tmp2, sign))
		a.RRR(ORR, w, tmp, tmp, tmp2)
		m.slotStore(X, tmp, dst)
	}
}

// ConvertInt compiles the conversions of signed integers and unsigned
// i32s.
func (m *Machine) ConvertInt(op wasm.Op, dst mach.Reg, x mach.Operand) {
	info, _ := op.Info()
	w := width(info.Params[0])
	ft := ftype(info.Results[0])
	xr := m.gp(w, x, tmp)
	switch op {
	case wasm.OpF32ConvertI32U, wasm.OpF64ConvertI32U:
		m.a.Ucvtf(ft, W32, Reg(dst), xr)
	default:
		m.a.Scvtf(ft, w, Reg(dst), xr)
	}
}

// PromoteDemote converts slot x into V0.
func (m *Machine) PromoteDemote(op wasm.Op, x mach.Slot) {
	if op == wasm.OpF64PromoteF32 {
		m.slotLoad(VW, W64, ftmp, x)
		m.a.FCvt(D, S, ftmp, ftmp)
	} else {
		m.slotLoad(VD, W64, ftmp, x)
		m.a.FCvt(S, D, ftmp, ftmp)
	}
}

// ---- lowered instructions ----

// Lowers reports whether Lower (LowerMem) selects code for op: every
// SIMD instruction, and the truncations, min and max, and the conversions
// of unsigned i64s.
func (m *Machine) Lowers(op wasm.Op) bool {
	if op.IsSIMD() {
		return simdSelectable[op]
	}
	if _, ok := mach.Truncs[op]; ok {
		return true
	}
	switch op {
	case wasm.OpF32Min, wasm.OpF32Max, wasm.OpF64Min, wasm.OpF64Max, wasm.OpF32ConvertI64U, wasm.OpF64ConvertI64U:
		return true
	}
	return false
}

// Lower compiles op from registers.
func (m *Machine) Lower(op wasm.Op, lane uint8, imm *[16]byte, dst mach.Reg, args []mach.Reg) {
	a := &m.a
	d := Reg(dst)
	if op.IsSIMD() {
		var buf [3]Reg
		as := buf[:len(args)]
		for i, r := range args {
			as[i] = Reg(r)
		}
		m.lowerSIMD(op, lane, imm, d, as)
		return
	}
	if tr, ok := mach.Truncs[op]; ok {
		m.trunc(tr.F64, tr.I64, tr.Unsigned, tr.Sat, d, Reg(args[0]))
		return
	}
	switch op {
	case wasm.OpF32Min, wasm.OpF32Max, wasm.OpF64Min, wasm.OpF64Max:
		// FMIN and FMAX propagate NaNs and order -0 below +0, as Wasm
		// does.
		a.FRRR(floatOps[op], ftype(floatType(op)), d, Reg(args[0]), Reg(args[1]))
	case wasm.OpF32ConvertI64U:
		a.Ucvtf(S, W64, d, Reg(args[0]))
	case wasm.OpF64ConvertI64U:
		a.Ucvtf(D, W64, d, Reg(args[0]))
	}
}

// trunc compiles a truncation of float register x into integer register
// d. FCVTZS and FCVTZU saturate (NaN to 0), which is the saturating
// instructions' semantics; the trapping ones first check for NaN and for
// a value whose truncation is out of range.
func (m *Machine) trunc(f64, i64, unsigned, sat bool, d, x Reg) {
	a := &m.a
	ft, w := S, W32
	if f64 {
		ft = D
	}
	if i64 {
		w = W64
	}
	if !sat {
		a.FCmp(ft, x, x)
		m.bcond(VS, m.trap(store.TrapInvalidConversion))
		// The valid range is lo < x < hi, or lo <= x < hi where the
		// exclusive bound is not representable.
		n := 32
		if i64 {
			n = 64
		}
		var lo, hi float64
		loIncl := false
		switch {
		case unsigned:
			lo, hi = -1, math.Ldexp(1, n)
		case f64 && !i64:
			lo, hi = -2147483649, 2147483648
		default:
			lo, hi = -math.Ldexp(1, n-1), math.Ldexp(1, n-1)
			loIncl = true
		}
		oflow := m.trap(store.TrapIntegerOverflow)
		m.floatConst(ft, ftmp, lo)
		a.FCmp(ft, x, ftmp)
		if loIncl {
			m.bcond(MI, oflow) // x < lo
		} else {
			m.bcond(LS, oflow) // x <= lo
		}
		m.floatConst(ft, ftmp, hi)
		a.FCmp(ft, x, ftmp)
		m.bcond(GE, oflow) // x >= hi
	}
	if unsigned {
		a.Fcvtzu(w, ft, d, x)
	} else {
		a.Fcvtzs(w, ft, d, x)
	}
	if !i64 {
		a.RR(MOV, W32, d, d) // the i32 zero-extended
	}
}

// floatConst loads v, exactly representable in ft, into float register r.
func (m *Machine) floatConst(ft FType, r Reg, v float64) {
	if ft == S {
		m.a.MovImm(W64, tmp, uint64(math.Float32bits(float32(v))))
		m.a.FMovFromGP(W32, r, tmp)
		return
	}
	m.a.MovImm(W64, tmp, math.Float64bits(v))
	m.a.FMovFromGP(W64, r, tmp)
}

// Supported reports why this CPU cannot run the machine's code: never,
// as the code needs only ARMv8.0-A with FP and Advanced SIMD, which
// every Linux arm64 system has.
func Supported() error { return nil }
