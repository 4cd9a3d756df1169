//go:build amd64

package amd64

import (
	"math"

	. "github.com/wasmrun/wasmrun/internal/jit/amd64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// Fixed registers of compiled code.
const (
	regVM  = R15 // *mach.VMContext
	regFB  = R12 // value-stack frame base: slot i is [R12+8*i]
	regMem = R13 // base of memory 0
	// regBudget holds the interruption budget (mach.VMContext.Budget)
	// while compiled code runs: the trampolines load it, the exit stub
	// and a normal return store it. Counting in a register keeps the
	// check at loop headers and entries to one fused sub+jz with no
	// memory access: a read-modify-write of the context field there put
	// a store-to-load forwarding round trip (~5 cycles) on every loop's
	// critical path. RBP is Go's frame pointer; the trampolines and the
	// exit stub restore it from VMContext.GoBP before returning to Go.
	regBudget = RBP
)

// Scratch registers: RAX, RCX and RDX (integer) and X0 and X1 (float)
// are never allocated; every instruction may clobber them. RCX holds a
// shift count, br_table's index and a bulk operation's length, RAX an
// address.

// maxDisp bounds the static offsets folded into an addressing mode (a
// disp32, with room for the access size).
const maxDisp = 1 << 30

// registers is the register file. Integer temporaries: RSI and RDI come
// first and are never pinned (bulk operations and lowered instructions use
// them after storing every temporary); R14 (Go's g) is free in compiled
// code: Go reloads R14 after calling the ABI0 trampolines that enter it.
// Float temporaries: X2-X9 (X15 is Go's zero register). The most used
// locals live in R9-R11, R14 and R8 and in X10-X14.
var registers = func() *mach.RegFile {
	rf := &mach.RegFile{
		Int:          mach.Regs(RSI, RDI, RBX, R8, R9, R10, R11, R14),
		Float:        mach.Regs(X2, X3, X4, X5, X6, X7, X8, X9),
		PinInt:       mach.Regs(R9, R10, R11, R14, R8),
		PinFloat:     mach.Regs(X10, X11, X12, X13, X14),
		ScratchFloat: mach.Reg(X0),
		MaxDisp:      maxDisp,
		CondZero:     mach.Cond(CondE),
		CondNonZero:  mach.Cond(CondNE),
	}
	for r := X0; r <= X15; r++ {
		rf.IsFloat[r] = true
	}
	return rf
}()

// Machine is the amd64 machine (mach.Machine): one per compiler worker.
type Machine struct {
	a      Assembler
	traps  map[store.TrapCode]Label
	consts map[[16]byte]Label
	pool   [][16]byte // constants in order of first use
	relocs []mach.Reloc
	lower  lowerCtx
}

// NewMachine returns a machine.
func NewMachine() *Machine {
	m := &Machine{traps: map[store.TrapCode]Label{}, consts: map[[16]byte]Label{}}
	m.lower = lowerCtx{a: &m.a, trap: m.trap, const16: m.const16}
	return m
}

// RegFile describes the registers.
func (m *Machine) RegFile() *mach.RegFile { return registers }

// Reset starts a new function.
func (m *Machine) Reset() {
	m.a.Reset()
	clear(m.traps)
	clear(m.consts)
	m.pool = m.pool[:0]
	m.relocs = m.relocs[:0]
}

// LongBranches does nothing: every branch has a 32-bit displacement.
func (m *Machine) LongBranches(bool) {}

// Finalize resolves the labels.
func (m *Machine) Finalize() ([]byte, []mach.Reloc, error) {
	code, err := m.a.Finalize()
	return code, m.relocs, err
}

func slotMem(s mach.Slot) Mem { return Mem{Base: regFB, Disp: int32(8 * s)} }

// NewLabel makes a label.
func (m *Machine) NewLabel() mach.Label { return mach.Label(m.a.NewLabel()) }

// Bind places l here.
func (m *Machine) Bind(l mach.Label) { m.a.Bind(Label(l)) }

// Jump jumps to l.
func (m *Machine) Jump(l mach.Label) { m.a.Jmp(Label(l)) }

// BranchIf jumps to l when cc holds.
func (m *Machine) BranchIf(cc mach.Cond, l mach.Label) { m.a.Jcc(Cond(cc), Label(l)) }

// Invert returns the negation of cc.
func (m *Machine) Invert(cc mach.Cond) mach.Cond { return mach.Cond(Cond(cc).Invert()) }

// Prologue emits nothing: a call pushes the return address.
func (m *Machine) Prologue() {}

// Ret returns.
func (m *Machine) Ret() { m.a.Ret() }

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
			m.a.MovMI(W64, Mem{Base: regVM, Disp: mach.OffExit}, int32(mach.ExitTrap+int(code)))
			m.CallExit()
			m.a.Ud2()
		}
	}
}

// EmitConstPool emits the 16-byte constants, 16-byte aligned (functions
// start 16-byte aligned).
func (m *Machine) EmitConstPool() {
	if len(m.pool) > 0 {
		m.a.AlignData(16)
		for _, v := range m.pool {
			m.a.Bind(m.consts[v])
			m.a.Bytes(v[:])
		}
	}
}

// const16 returns the label of 16-byte constant v in the constant pool.
func (m *Machine) const16(v [16]byte) Label {
	if l, ok := m.consts[v]; ok {
		return l
	}
	l := m.a.NewLabel()
	m.consts[v] = l
	m.pool = append(m.pool, v)
	return l
}

// StackCheck traps when RSP is below VMContext.SPLimit.
func (m *Machine) StackCheck(l mach.Label) {
	m.a.CmpRM(W64, RSP, Mem{Base: regVM, Disp: mach.OffSPLimit})
	m.a.Jcc(CondB, Label(l))
}

// FrameCheck traps when the frame's end passes VMContext.VSLimit.
func (m *Machine) FrameCheck(l mach.Label) int {
	m.a.MovRR(W64, RAX, regFB)
	site := m.a.AluRI32(AluAdd, W64, RAX, 0)
	m.a.CmpRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffVSLimit})
	m.a.Jcc(CondA, Label(l))
	return site
}

// PatchFrameSize patches FrameCheck's frame size.
func (m *Machine) PatchFrameSize(site int, bytes int32) { m.a.PatchInt32(site, bytes) }

// ZeroSlots stores zero to slots.
func (m *Machine) ZeroSlots(slots []mach.Slot) {
	if len(slots) == 0 {
		return
	}
	m.a.XorRR(W32, RAX, RAX)
	for _, s := range slots {
		m.a.MovMR(W64, slotMem(s), RAX)
	}
}

// ZeroReg zeroes r.
func (m *Machine) ZeroReg(r mach.Reg) {
	if x := Reg(r); x.IsXMM() {
		m.a.SseRR(XORPS, x, x)
	} else {
		m.a.XorRR(W32, x, x)
	}
}

// SpillPinned stores pinned register r to slot s.
func (m *Machine) SpillPinned(r mach.Reg, s mach.Slot) {
	if x := Reg(r); x.IsXMM() {
		m.a.SseMR(MOVSD, slotMem(s), x)
	} else {
		m.a.MovMR(W64, slotMem(s), x)
	}
}

// ReloadPinned loads pinned register r from slot s.
func (m *Machine) ReloadPinned(r mach.Reg, s mach.Slot) {
	if x := Reg(r); x.IsXMM() {
		m.a.SseRM(MOVSD, x, slotMem(s))
	} else {
		m.a.MovRM(W64, x, slotMem(s))
	}
}

// StoreConst stores v to s (mov does not change the flags).
func (m *Machine) StoreConst(s mach.Slot, v uint64) {
	m.a.MovImm(W64, RAX, int64(v))
	m.a.MovMR(W64, slotMem(s), RAX)
}

// StoreReg stores r, holding a value of type t, to s.
func (m *Machine) StoreReg(t wasm.ValType, s mach.Slot, r mach.Reg) {
	if x := Reg(r); x.IsXMM() {
		m.storeX(t, slotMem(s), x)
	} else {
		m.a.MovMR(W64, slotMem(s), x)
	}
}

// storeX stores the float of type t in XMM register x to slot or local
// mem; an f32 slot is written whole so that its upper half is zero.
func (m *Machine) storeX(t wasm.ValType, mem Mem, x Reg) {
	switch t {
	case wasm.V128:
		m.a.SseMR(MOVDQU, mem, x)
	case wasm.F32:
		m.a.SseRR(MOVDR, RAX, x)
		m.a.MovMR(W64, mem, RAX)
	default:
		m.a.SseMR(MOVSD, mem, x)
	}
}

// StoreFlags stores 1 to s when cc holds, else 0.
func (m *Machine) StoreFlags(s mach.Slot, cc mach.Cond) {
	m.a.MovImm(W32, RAX, 0)
	m.a.SetccR(Cond(cc), RAX)
	m.a.MovMR(W64, slotMem(s), RAX)
}

// CopySlot copies slot src to dst.
func (m *Machine) CopySlot(dst, src mach.Slot) {
	m.a.MovRM(W64, RAX, slotMem(src))
	m.a.MovMR(W64, slotMem(dst), RAX)
}

// FlagsToReg sets r to 1 when cc holds, else 0.
func (m *Machine) FlagsToReg(r mach.Reg, cc mach.Cond) {
	m.a.MovImm(W32, Reg(r), 0) // a mov: the flags are still live
	m.a.SetccR(Cond(cc), Reg(r))
}

// MoveReg copies float register src to dst.
func (m *Machine) MoveReg(dst, src mach.Reg) { m.a.SseRR(MOVAPS, Reg(dst), Reg(src)) }

// Zext32 copies the low half of src to dst, zero-extended.
func (m *Machine) Zext32(dst, src mach.Reg) { m.a.MovRR(W32, Reg(dst), Reg(src)) }

// SetPinned puts o, of type t, into pinned register r.
func (m *Machine) SetPinned(t wasm.ValType, r mach.Reg, o mach.Operand) {
	a := &m.a
	pr := Reg(r)
	switch {
	case pr.IsXMM():
		switch {
		case isX(o):
			a.SseRR(MOVAPS, pr, Reg(o.Reg))
		case o.Kind == mach.IsConst || o.Kind == mach.InReg:
			m.loadX(MOVSD, pr, o)
		case t == wasm.F32:
			a.SseRM(MOVSS, pr, slotMem(o.Slot))
		default:
			a.SseRM(MOVSD, pr, slotMem(o.Slot))
		}
	case o.Kind == mach.IsConst:
		a.MovImm(W64, pr, int64(o.Val))
	case o.Kind == mach.InReg:
		a.MovRR(W64, pr, Reg(o.Reg))
	case t == wasm.I32:
		a.MovRM(W32, pr, slotMem(o.Slot))
	default:
		a.MovRM(W64, pr, slotMem(o.Slot))
	}
}

// LoadArg puts o, of type t, into r.
func (m *Machine) LoadArg(t wasm.ValType, r mach.Reg, o mach.Operand) {
	switch t {
	case wasm.I32, wasm.I64:
		m.load(W64, Reg(r), o)
	case wasm.V128:
		m.a.SseRM(MOVDQU, Reg(r), slotMem(o.Slot))
	case wasm.F32:
		m.loadX(MOVSS, Reg(r), o)
	default:
		m.loadX(MOVSD, Reg(r), o)
	}
}

// StoreZero64 stores a zero word to s.
func (m *Machine) StoreZero64(s mach.Slot) { m.a.MovMI(W64, slotMem(s), 0) }

// isX reports whether o is in an XMM register; isGP whether it is in a
// general register.
func isX(o mach.Operand) bool  { return o.Kind == mach.InReg && Reg(o.Reg).IsXMM() }
func isGP(o mach.Operand) bool { return o.Kind == mach.InReg && !Reg(o.Reg).IsXMM() }

// imm32 reports whether o is a constant usable as a sign-extended imm32
// at width w.
func imm32(o mach.Operand, w Width) (int32, bool) {
	if o.Kind != mach.IsConst {
		return 0, false
	}
	if w == W32 {
		return int32(uint32(o.Val)), true
	}
	return int32(o.Val), int64(o.Val) == int64(int32(o.Val))
}

// load puts integer operand o into register r.
func (m *Machine) load(w Width, r Reg, o mach.Operand) {
	switch o.Kind {
	case mach.IsConst:
		m.a.MovImm(W64, r, int64(o.Val))
	case mach.InReg:
		if Reg(o.Reg) != r {
			m.a.MovRR(w, r, Reg(o.Reg))
		}
	default:
		m.a.MovRM(w, r, slotMem(o.Slot))
	}
}

// loadX puts float operand o into XMM register dst.
func (m *Machine) loadX(mov SseOp, dst Reg, o mach.Operand) {
	switch {
	case isX(o):
		if Reg(o.Reg) != dst {
			m.a.SseRR(MOVAPS, dst, Reg(o.Reg))
		}
	case o.Kind == mach.IsConst:
		m.a.MovImm(W64, RAX, int64(o.Val))
		m.a.SseRR(MOVQX, dst, RAX)
	case o.Kind == mach.InReg:
		m.a.SseRR(MOVQX, dst, Reg(o.Reg))
	default:
		m.a.SseRM(mov, dst, slotMem(o.Slot))
	}
}

// applyX emits "op dst, o" for a float operand o.
func (m *Machine) applyX(op SseOp, dst Reg, o mach.Operand) {
	switch {
	case isX(o):
		m.a.SseRR(op, dst, Reg(o.Reg))
	case o.Kind == mach.IsConst || o.Kind == mach.InReg:
		m.loadX(MOVSD, X1, o)
		m.a.SseRR(op, dst, X1)
	default:
		m.a.SseRM(op, dst, slotMem(o.Slot))
	}
}

// SetExit stores exit code code.
func (m *Machine) SetExit(code int32) {
	m.a.MovMI(W64, Mem{Base: regVM, Disp: mach.OffExit}, code)
}

// SetExitHelper stores ExitHelper and its argument.
func (m *Machine) SetExitHelper(arg int64) {
	m.a.MovImm(W64, RAX, arg)
	m.a.MovMR(W64, Mem{Base: regVM, Disp: mach.OffExitArg}, RAX)
	m.a.MovMI(W64, Mem{Base: regVM, Disp: mach.OffExit}, mach.ExitHelper)
}

// CallExit emits "call exitStub".
func (m *Machine) CallExit() {
	site := m.a.CallRel32()
	m.relocs = append(m.relocs, mach.Reloc{Site: site, Target: mach.ExitStubTarget, Kind: RelCall})
}

// BudgetCheck counts the budget in regBudget down.
func (m *Machine) BudgetCheck(cold mach.Label) {
	m.a.SubRI(W64, regBudget, 1)
	m.a.Jcc(CondE, Label(cold))
}

// CallDirect calls defined function target with its frame at slot frame.
func (m *Machine) CallDirect(frame mach.Slot, target int) {
	d := int32(8 * frame)
	m.a.AddRI(W64, regFB, d)
	site := m.a.CallRel32()
	m.relocs = append(m.relocs, mach.Reloc{Site: site, Target: target, Kind: RelCall})
	m.a.SubRI(W64, regFB, d)
}

// Layout of the runtime objects the call_indirect fast path reads.
const (
	tableElems    = int32(mach.TableElemsOff)                    // store.Table.Elems
	tableLen      = tableElems + mach.SliceLenOff                // its length
	icEntryShift  = 4                                            // log2(mach.ICacheEntrySize)
	icEntryTypeID = int32(mach.ICacheEntryTypeIDOff)             // the entry's type ID
	typeIDSize    = int32(mach.TypeIDSize)                       // an element of the instance's type IDs
	ptrSize       = int32(mach.PtrSize)                          // a global's address, a table's address, a function handle
	segHeaderSize = int32(mach.SliceHeaderSize)                  // a data or element segment's slice header
	segLen        = int32(mach.SliceLenOff)                      // the segment's length in its header
	pageShift     = 16                                           // log2 of the Wasm page size
	_             = uint(1<<icEntryShift - mach.ICacheEntrySize) // icEntryShift matches
	_             = uint(mach.ICacheEntrySize - 1<<icEntryShift)
)

// IndirectLookup is call_indirect's fast path: the element's handle hits
// the instance's cache of same-instance targets {code, type ID}, indexed
// by the handle less the instance's first handle; the target is left in
// RAX.
func (m *Machine) IndirectLookup(ix mach.Slot, table, typeIdx uint32, slow, call mach.Label) {
	a := &m.a
	a.MovRM(W32, RCX, slotMem(ix))
	a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffTables})
	a.MovRM(W64, RAX, Mem{Base: RAX, Disp: ptrSize * int32(table)})
	a.CmpRM(W64, RCX, Mem{Base: RAX, Disp: tableLen})
	a.Jcc(CondAE, Label(slow))
	a.MovRM(W64, RAX, Mem{Base: RAX, Disp: tableElems})
	a.MovRM(W64, RAX, Mem{Base: RAX, Index: RCX, Scale: 8})
	a.SubRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffICacheBase}) // other instances' handles wrap to large values
	a.CmpRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffICacheLen})
	a.Jcc(CondAE, Label(slow))
	a.ShiftRI(Shl, W64, RAX, icEntryShift)
	a.AddRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffICache})
	a.MovRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffTypeIDs})
	a.MovRM(W32, RDX, Mem{Base: RDX, Disp: typeIDSize * int32(typeIdx)})
	a.CmpRM(W64, RDX, Mem{Base: RAX, Disp: icEntryTypeID})
	a.Jcc(CondNE, Label(slow))
	a.MovRM(W64, RAX, Mem{Base: RAX})
	a.TestRR(W64, RAX, RAX)
	a.Jcc(CondNE, Label(call))
}

// IndirectTarget loads the target Go resolved (VMContext.Target) into
// RAX, jumping to skip when Go made the call.
func (m *Machine) IndirectTarget(skip mach.Label) {
	m.a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffTarget})
	m.a.TestRR(W64, RAX, RAX)
	m.a.Jcc(CondE, Label(skip))
}

// CallTarget calls the code at RAX with its frame at slot frame.
func (m *Machine) CallTarget(frame mach.Slot) {
	d := int32(8 * frame)
	m.a.AddRI(W64, regFB, d)
	m.a.CallR(RAX)
	m.a.SubRI(W64, regFB, d)
}

// NonZero tests the i32 in o.
func (m *Machine) NonZero(o mach.Operand) mach.Cond {
	if o.Kind == mach.InReg {
		m.a.TestRR(W32, Reg(o.Reg), Reg(o.Reg))
	} else {
		m.a.CmpMI(W32, slotMem(o.Slot), 0)
	}
	return mach.Cond(CondNE)
}

// LoadTableIndex puts br_table's index into RCX.
func (m *Machine) LoadTableIndex(o mach.Operand) { m.load(W32, RCX, o) }

// TableJump jumps through the table of rel32 offsets at table.
func (m *Machine) TableJump(n int, table, def mach.Label) {
	a := &m.a
	a.CmpRI(W32, RCX, int32(n))
	a.Jcc(CondAE, Label(def))
	a.LeaRIP(RAX, Label(table))
	a.MovsxdRM(RDX, Mem{Base: RAX, Index: RCX, Scale: 4})
	a.AddRR(W64, RAX, RDX)
	a.JmpR(RAX)
}

// JumpTableData emits the table at table.
func (m *Machine) JumpTableData(table mach.Label, targets []mach.Label) {
	ls := make([]Label, len(targets))
	for i, l := range targets {
		ls[i] = Label(l)
	}
	m.a.JumpTable(Label(table), ls)
}

// SelectSlots copies y over x when the i32 in cond is zero.
func (m *Machine) SelectSlots(t wasm.ValType, cond, x, y mach.Slot) {
	skip := m.a.NewLabel()
	m.a.CmpMI(W32, slotMem(cond), 0)
	m.a.Jcc(CondNE, skip)
	for i := 0; i < t.Slots(); i++ {
		m.CopySlot(x+mach.Slot(i), y+mach.Slot(i))
	}
	m.a.Bind(skip)
}

// SelectInt selects with CMOV. Nothing between the condition's test and
// its use changes the flags (register allocation spills with MOV).
func (m *Machine) SelectInt(t wasm.ValType, cc mach.Cond, dst mach.Reg, x, y mach.Operand) {
	w := width(t)
	r := Reg(dst)
	m.load(w, r, x)
	inv := Cond(cc).Invert()
	switch y.Kind {
	case mach.InReg:
		m.a.CmovccRR(inv, w, r, Reg(y.Reg))
	case mach.IsConst:
		m.a.MovImm(W64, RCX, int64(y.Val))
		m.a.CmovccRR(inv, w, r, RCX)
	default:
		m.a.CmovccRM(inv, w, r, slotMem(y.Slot))
	}
}

// SelectFloat selects with a branch.
func (m *Machine) SelectFloat(t wasm.ValType, cc mach.Cond, dst mach.Reg, x, y mach.Operand) {
	mov := MOVSD
	if t == wasm.F32 {
		mov = MOVSS
	}
	m.loadX(mov, Reg(dst), x)
	skip := m.a.NewLabel()
	m.a.Jcc(Cond(cc), skip)
	m.loadX(mov, Reg(dst), y)
	m.a.Bind(skip)
}

// GlobalAddr loads the address of global idx into RCX.
func (m *Machine) GlobalAddr(idx uint32) {
	m.a.MovRM(W64, RCX, Mem{Base: regVM, Disp: mach.OffGlobals})
	m.a.MovRM(W64, RCX, Mem{Base: RCX, Disp: ptrSize * int32(idx)})
}

// LoadGlobal loads the global at RCX.
func (m *Machine) LoadGlobal(t wasm.ValType, dst mach.Reg) {
	switch t {
	case wasm.I32, wasm.I64:
		m.a.MovRM(width(t), Reg(dst), Mem{Base: RCX})
	case wasm.F32:
		m.a.SseRM(MOVSS, Reg(dst), Mem{Base: RCX})
	default:
		m.a.SseRM(MOVSD, Reg(dst), Mem{Base: RCX})
	}
}

// CopyFromGlobal copies the global at RCX to dst.
func (m *Machine) CopyFromGlobal(dst mach.Slot, words int) {
	for i := 0; i < words; i++ {
		m.a.MovRM(W64, RAX, Mem{Base: RCX, Disp: int32(8 * i)})
		m.a.MovMR(W64, slotMem(dst+mach.Slot(i)), RAX)
	}
}

// StoreGlobal stores o to the global at RCX.
func (m *Machine) StoreGlobal(t wasm.ValType, o mach.Operand) {
	g := Mem{Base: RCX}
	switch {
	case isGP(o):
		m.a.MovMR(W64, g, Reg(o.Reg))
	case isX(o) && t == wasm.F32:
		m.a.SseRR(MOVDR, RAX, Reg(o.Reg))
		m.a.MovMR(W64, g, RAX)
	case isX(o):
		m.a.SseMR(MOVSD, g, Reg(o.Reg))
	case o.Kind == mach.IsConst:
		m.a.MovImm(W64, RAX, int64(o.Val))
		m.a.MovMR(W64, g, RAX)
	default:
		m.a.MovRM(W64, RAX, slotMem(o.Slot))
		m.a.MovMR(W64, g, RAX)
	}
}

// CopyToGlobal copies src to the global at RCX.
func (m *Machine) CopyToGlobal(src mach.Slot, words int) {
	for i := 0; i < words; i++ {
		m.a.MovRM(W64, RAX, slotMem(src+mach.Slot(i)))
		m.a.MovMR(W64, Mem{Base: RCX, Disp: int32(8 * i)}, RAX)
	}
}

// RefIsNull stores 1 to dst when the reference in x is null.
func (m *Machine) RefIsNull(dst, x mach.Slot) {
	m.a.XorRR(W32, RAX, RAX)
	m.a.CmpMI(W64, slotMem(x), 0)
	m.a.SetccR(CondE, RAX)
	m.a.MovMR(W64, slotMem(dst), RAX)
}

// RefFunc stores the handle of function idx to dst.
func (m *Machine) RefFunc(idx uint32, dst mach.Slot) {
	m.a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffFuncs})
	m.a.MovRM(W64, RAX, Mem{Base: RAX, Disp: ptrSize * int32(idx)})
	m.a.MovMR(W64, slotMem(dst), RAX)
}

// TableOp compiles table.get, table.set and table.size: the element slice
// of the store.Table is read through the VM context's table array
// (table.grow, in Go, may have replaced it), bounds-checked against its
// length.
func (m *Machine) TableOp(op wasm.Op, table uint32, ix, val, dst mach.Slot) {
	a := &m.a
	if op != wasm.OpTableSize {
		a.MovRM(W32, RCX, slotMem(ix))
	}
	a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffTables})
	a.MovRM(W64, RAX, Mem{Base: RAX, Disp: ptrSize * int32(table)})
	if op == wasm.OpTableSize {
		a.MovRM(W64, RAX, Mem{Base: RAX, Disp: tableLen})
		a.MovMR(W64, slotMem(dst), RAX)
		return
	}
	a.CmpRM(W64, RCX, Mem{Base: RAX, Disp: tableLen})
	a.Jcc(CondAE, m.trap(store.TrapTableOutOfBounds))
	a.MovRM(W64, RAX, Mem{Base: RAX, Disp: tableElems})
	elem := Mem{Base: RAX, Index: RCX, Scale: 8}
	if op == wasm.OpTableGet {
		a.MovRM(W64, RDX, elem)
		a.MovMR(W64, slotMem(dst), RDX)
		return
	}
	a.MovRM(W64, RDX, slotMem(val))
	a.MovMR(W64, elem, RDX)
}

// DropSegment sets the length of the segment's slice header to 0 (no
// pointer is written).
func (m *Machine) DropSegment(elem bool, idx uint32) {
	off := mach.OffDatas
	if elem {
		off = mach.OffElems
	}
	m.a.MovRM(W64, RAX, Mem{Base: regVM, Disp: off})
	m.a.MovMI(W64, Mem{Base: RAX, Disp: segHeaderSize*int32(idx) + segLen}, 0)
}

// MemorySize stores the page count of memory 0 to dst.
func (m *Machine) MemorySize(dst mach.Slot) {
	m.a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffMemLen})
	m.a.ShiftRI(Shr, W64, RAX, pageShift)
	m.a.MovMR(W64, slotMem(dst), RAX)
}

// V128Const stores v to dst.
func (m *Machine) V128Const(dst mach.Slot, v *[16]byte) {
	m.a.MovImm(W64, RAX, int64(le64(v[:8])))
	m.a.MovMR(W64, slotMem(dst), RAX)
	m.a.MovImm(W64, RAX, int64(le64(v[8:])))
	m.a.MovMR(W64, slotMem(dst+1), RAX)
}

func le64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// address loads addr into RAX and returns the displacement that the
// offset folds into, adding it to RAX when it is too large to fold.
func (m *Machine) address(addr mach.Operand, offset uint64) int32 {
	m.load(W32, RAX, addr)
	if offset < maxDisp {
		return int32(offset)
	}
	m.a.MovImm(W64, RCX, int64(offset))
	m.a.AddRR(W64, RAX, RCX)
	return 0
}

// boundsCheck traps unless [RAX+disp, RAX+disp+size) is in memory 0.
func (m *Machine) boundsCheck(disp, size int32) {
	m.a.LeaRM(W64, RDX, Mem{Base: RAX, Disp: disp + size})
	m.a.CmpRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffMemLen})
	m.a.Jcc(CondA, m.trap(store.TrapMemoryOutOfBounds))
}

// MemAccess compiles a scalar load or store.
func (m *Machine) MemAccess(op wasm.Op, addr mach.Operand, offset uint64, size int32, check bool, dst mach.Reg, val mach.Operand) bool {
	a := &m.a
	disp := m.address(addr, offset)
	if check {
		m.boundsCheck(disp, size)
	}
	ea := Mem{Base: regMem, Index: RAX, Scale: 1, Disp: disp}
	d := Reg(dst)
	switch op {
	case wasm.OpI32Store, wasm.OpI64Store, wasm.OpF32Store, wasm.OpF64Store,
		wasm.OpI32Store8, wasm.OpI32Store16, wasm.OpI64Store8, wasm.OpI64Store16, wasm.OpI64Store32:
		w := [9]Width{1: W8, 2: W16, 4: W32, 8: W64}[size]
		switch {
		case isX(val) && size == 4:
			a.SseMR(MOVSS, ea, Reg(val.Reg))
		case isX(val):
			a.SseMR(MOVSD, ea, Reg(val.Reg))
		case isGP(val):
			a.MovMR(w, ea, Reg(val.Reg))
		default:
			m.load(W64, RCX, val)
			a.MovMR(w, ea, RCX)
		}
	case wasm.OpF32Load:
		a.SseRM(MOVSS, d, ea)
	case wasm.OpF64Load:
		a.SseRM(MOVSD, d, ea)
	case wasm.OpI32Load, wasm.OpI64Load32U:
		a.MovRM(W32, d, ea)
	case wasm.OpI64Load:
		a.MovRM(W64, d, ea)
	case wasm.OpI32Load8S:
		a.MovsxRM(W32, W8, d, ea)
	case wasm.OpI32Load8U, wasm.OpI64Load8U:
		a.MovzxRM(W32, W8, d, ea)
	case wasm.OpI32Load16S:
		a.MovsxRM(W32, W16, d, ea)
	case wasm.OpI32Load16U, wasm.OpI64Load16U:
		a.MovzxRM(W32, W16, d, ea)
	case wasm.OpI64Load8S:
		a.MovsxRM(W64, W8, d, ea)
	case wasm.OpI64Load16S:
		a.MovsxRM(W64, W16, d, ea)
	case wasm.OpI64Load32S:
		a.MovsxdRM(d, ea)
	default:
		return false
	}
	return true
}

func width(t wasm.ValType) Width {
	if t == wasm.I32 || t == wasm.F32 {
		return W32
	}
	return W64
}

// opWidth is the width of integer instruction op's operands.
func opWidth(op wasm.Op) Width {
	info, _ := op.Info()
	return width(info.Params[0])
}

var aluOps = newOpTable(map[wasm.Op]AluOp{
	wasm.OpI32Add: AluAdd, wasm.OpI32Sub: AluSub, wasm.OpI32And: AluAnd, wasm.OpI32Or: AluOr, wasm.OpI32Xor: AluXor,
	wasm.OpI64Add: AluAdd, wasm.OpI64Sub: AluSub, wasm.OpI64And: AluAnd, wasm.OpI64Or: AluOr, wasm.OpI64Xor: AluXor,
})

var shiftOps = newOpTable(map[wasm.Op]ShiftOp{
	wasm.OpI32Shl: Shl, wasm.OpI32ShrS: Sar, wasm.OpI32ShrU: Shr, wasm.OpI32Rotl: Rol, wasm.OpI32Rotr: Ror,
	wasm.OpI64Shl: Shl, wasm.OpI64ShrS: Sar, wasm.OpI64ShrU: Shr, wasm.OpI64Rotl: Rol, wasm.OpI64Rotr: Ror,
})

var cmpOps = newOpTable(map[wasm.Op]Cond{
	wasm.OpI32Eq: CondE, wasm.OpI32Ne: CondNE, wasm.OpI32LtS: CondL, wasm.OpI32LtU: CondB, wasm.OpI32GtS: CondG,
	wasm.OpI32GtU: CondA, wasm.OpI32LeS: CondLE, wasm.OpI32LeU: CondBE, wasm.OpI32GeS: CondGE, wasm.OpI32GeU: CondAE,
	wasm.OpI64Eq: CondE, wasm.OpI64Ne: CondNE, wasm.OpI64LtS: CondL, wasm.OpI64LtU: CondB, wasm.OpI64GtS: CondG,
	wasm.OpI64GtU: CondA, wasm.OpI64LeS: CondLE, wasm.OpI64LeU: CondBE, wasm.OpI64GeS: CondGE, wasm.OpI64GeU: CondAE,
})

// IntBinary compiles add, sub, and, or, xor (two-address: x is loaded
// into dst, except that x + k with x in another register is one lea),
// the shifts and rotates (the count in RCX unless constant) and mul
// (three-address imul with an immediate; x * 3, 5 or 9 is one lea).
func (m *Machine) IntBinary(op wasm.Op, dst mach.Reg, x, y mach.Operand) {
	a := &m.a
	w := opWidth(op)
	r := Reg(dst)
	if alu, ok := aluOps.get(op); ok {
		if v, ok := imm32(y, w); ok && alu == AluAdd && isGP(x) && Reg(x.Reg) != r {
			a.LeaRM(w, r, Mem{Base: Reg(x.Reg), Disp: v})
			return
		}
		m.load(w, r, x)
		switch v, ok := imm32(y, w); {
		case ok:
			a.AluRI(alu, w, r, v)
		case y.Kind == mach.IsConst:
			m.load(w, RCX, y)
			a.AluRR(alu, w, r, RCX)
		case isGP(y):
			a.AluRR(alu, w, r, Reg(y.Reg))
		default:
			a.AluRM(alu, w, r, slotMem(y.Slot))
		}
		return
	}
	if sh, ok := shiftOps.get(op); ok {
		m.load(w, r, x)
		if y.Kind == mach.IsConst {
			n := uint8(y.Val & 31)
			if w == W64 {
				n = uint8(y.Val & 63)
			}
			a.ShiftRI(sh, w, r, n)
		} else {
			m.load(W32, RCX, y)
			a.ShiftRCL(sh, w, r)
		}
		return
	}
	// mul
	if v, ok := imm32(y, w); ok && isGP(x) {
		if v == 3 || v == 5 || v == 9 {
			a.LeaRM(w, r, Mem{Base: Reg(x.Reg), Index: Reg(x.Reg), Scale: uint8(v - 1)})
		} else {
			a.ImulRRI(w, r, Reg(x.Reg), v)
		}
		return
	}
	m.load(w, r, x)
	switch v, ok := imm32(y, w); {
	case ok:
		a.ImulRRI(w, r, r, v)
	case y.Kind == mach.IsConst:
		m.load(w, RCX, y)
		a.ImulRR(w, r, RCX)
	case isGP(y):
		a.ImulRR(w, r, Reg(y.Reg))
	default:
		a.ImulRM(w, r, slotMem(y.Slot))
	}
}

// MulAddImm compiles x * 3, 5 or 9 + k as one lea.
func (m *Machine) MulAddImm(op wasm.Op, dst mach.Reg, x, y mach.Operand, k int32) bool {
	w := opWidth(op)
	v, ok := imm32(y, w)
	if !ok || !isGP(x) || v != 3 && v != 5 && v != 9 {
		return false
	}
	m.a.LeaRM(w, Reg(dst), Mem{Base: Reg(x.Reg), Index: Reg(x.Reg), Scale: uint8(v - 1), Disp: k})
	return true
}

// TestImm emits "test x, mask" when the mask is an imm32.
func (m *Machine) TestImm(t wasm.ValType, x mach.Operand, mask uint64) bool {
	w := width(t)
	v, ok := imm32(mach.Operand{Kind: mach.IsConst, Val: mask}, w)
	if !ok {
		return false
	}
	if isGP(x) {
		m.a.TestRI(w, Reg(x.Reg), v)
	} else {
		m.a.TestMI(w, slotMem(x.Slot), v)
	}
	return true
}

// IntCompare compares x with y (x in a register or RCX).
func (m *Machine) IntCompare(op wasm.Op, x, y mach.Operand) mach.Cond {
	a := &m.a
	w := opWidth(op)
	xr := RCX
	if isGP(x) {
		xr = Reg(x.Reg)
	} else {
		m.load(w, RCX, x)
	}
	switch v, ok := imm32(y, w); {
	case ok:
		a.CmpRI(w, xr, v)
	case y.Kind == mach.IsConst:
		m.load(w, RDX, y)
		a.CmpRR(w, xr, RDX)
	case isGP(y):
		a.CmpRR(w, xr, Reg(y.Reg))
	default:
		a.CmpRM(w, xr, slotMem(y.Slot))
	}
	cc, _ := cmpOps.get(op)
	return mach.Cond(cc)
}

// TestZero tests x against zero.
func (m *Machine) TestZero(t wasm.ValType, x mach.Operand) mach.Cond {
	w := width(t)
	switch {
	case isGP(x):
		m.a.TestRR(w, Reg(x.Reg), Reg(x.Reg))
	case x.Kind == mach.IsConst:
		m.load(w, RAX, x)
		m.a.TestRR(w, RAX, RAX)
	default:
		m.a.CmpMI(w, slotMem(x.Slot), 0)
	}
	return mach.Cond(CondE)
}

// WrapExtend compiles i32.wrap_i64 and i64.extend_i32_s.
func (m *Machine) WrapExtend(wrap bool, dst mach.Reg, x mach.Operand) {
	a := &m.a
	r := Reg(dst)
	switch {
	case x.Kind == mach.IsConst && wrap:
		a.MovImm(W64, r, int64(uint32(x.Val)))
	case x.Kind == mach.IsConst:
		a.MovImm(W64, r, int64(int32(x.Val)))
	case isGP(x) && wrap:
		a.MovRR(W32, r, Reg(x.Reg)) // clears bits 32-63, also when r == x.Reg
	case isGP(x):
		a.MovsxdRR(r, Reg(x.Reg))
	case wrap:
		a.MovRM(W32, r, slotMem(x.Slot))
	default:
		a.MovsxdRM(r, slotMem(x.Slot))
	}
}

// DivRem compiles integer division and remainder with explicit traps
// (RAX and RDX are the dividend and the results, RCX the divisor).
func (m *Machine) DivRem(op wasm.Op, dst, x, y mach.Slot) {
	a := &m.a
	var signed, rem bool
	switch op {
	case wasm.OpI32DivS, wasm.OpI64DivS:
		signed = true
	case wasm.OpI32RemS, wasm.OpI64RemS:
		signed, rem = true, true
	case wasm.OpI32RemU, wasm.OpI64RemU:
		rem = true
	}
	w := opWidth(op)
	d := slotMem(dst)
	a.MovRM(w, RAX, slotMem(x))
	a.MovRM(w, RCX, slotMem(y))
	a.TestRR(w, RCX, RCX)
	a.Jcc(CondE, m.trap(store.TrapIntegerDivideByZero))
	done := a.NewLabel()
	if signed {
		normal := a.NewLabel()
		a.CmpRI(w, RCX, -1)
		a.Jcc(CondNE, normal)
		if rem {
			a.XorRR(W32, RDX, RDX)
			a.MovMR(W64, d, RDX)
			a.Jmp(done)
		} else {
			if w == W32 {
				a.CmpRI(W32, RAX, -0x80000000)
			} else {
				a.MovImm(W64, RDX, math.MinInt64)
				a.CmpRR(W64, RAX, RDX)
			}
			a.Jcc(CondE, m.trap(store.TrapIntegerOverflow))
		}
		a.Bind(normal)
		if w == W32 {
			a.Cdq()
		} else {
			a.Cqo()
		}
		a.IdivR(w, RCX)
	} else {
		a.XorRR(W32, RDX, RDX)
		a.DivR(w, RCX)
	}
	if rem {
		if w == W32 {
			a.MovRR(W32, RDX, RDX)
		}
		a.MovMR(W64, d, RDX)
	} else {
		a.MovMR(W64, d, RAX)
	}
	a.Bind(done)
}

// Bits compiles clz, ctz, popcnt and the sign extensions.
func (m *Machine) Bits(op wasm.Op, dst, x mach.Slot) {
	a := &m.a
	xm, d := slotMem(x), slotMem(dst)
	switch op {
	case wasm.OpI32Clz, wasm.OpI64Clz:
		w := opWidth(op)
		bitsN := int32(32)
		if w == W64 {
			bitsN = 64
		}
		nz := a.NewLabel()
		a.BsrRM(w, RAX, xm)
		a.Jcc(CondNE, nz)
		a.MovRI(W32, RAX, -1)
		a.Bind(nz)
		a.MovRI(W32, RCX, bitsN-1)
		a.SubRR(W32, RCX, RAX)
		a.MovMR(W64, d, RCX)
	case wasm.OpI32Ctz, wasm.OpI64Ctz:
		w := opWidth(op)
		bitsN := int32(32)
		if w == W64 {
			bitsN = 64
		}
		nz := a.NewLabel()
		a.BsfRM(w, RAX, xm)
		a.Jcc(CondNE, nz)
		a.MovRI(W32, RAX, bitsN)
		a.Bind(nz)
		a.MovMR(W64, d, RAX)
	case wasm.OpI32Popcnt, wasm.OpI64Popcnt:
		a.PopcntRM(opWidth(op), RAX, xm)
		a.MovMR(W64, d, RAX)
	case wasm.OpI32Extend8S, wasm.OpI32Extend16S, wasm.OpI64Extend8S, wasm.OpI64Extend16S:
		sw := W8
		if op == wasm.OpI32Extend16S || op == wasm.OpI64Extend16S {
			sw = W16
		}
		if op == wasm.OpI32Extend8S || op == wasm.OpI32Extend16S {
			a.MovsxRM(W32, sw, RAX, xm)
		} else {
			a.MovsxRM(W64, sw, RAX, xm)
		}
		a.MovMR(W64, d, RAX)
	case wasm.OpI64Extend32S:
		a.MovsxdRM(RAX, xm)
		a.MovMR(W64, d, RAX)
	}
}

var sseBin = newOpTable(map[wasm.Op]SseOp{
	wasm.OpF32Add: ADDSS, wasm.OpF32Sub: SUBSS, wasm.OpF32Mul: MULSS, wasm.OpF32Div: DIVSS,
	wasm.OpF64Add: ADDSD, wasm.OpF64Sub: SUBSD, wasm.OpF64Mul: MULSD, wasm.OpF64Div: DIVSD,
})

// roundModes are ROUNDSS/ROUNDSD immediates (precision exception
// suppressed).
var roundModes = newOpTable(map[wasm.Op]uint8{
	wasm.OpF32Nearest: 8, wasm.OpF32Floor: 9, wasm.OpF32Ceil: 10, wasm.OpF32Trunc: 11,
	wasm.OpF64Nearest: 8, wasm.OpF64Floor: 9, wasm.OpF64Ceil: 10, wasm.OpF64Trunc: 11,
})

// fcmp are the float comparisons: swap says the operands are compared as
// y op x; the condition applies to ucomis flags.
var fcmp = newOpTable(map[wasm.Op]struct {
	swap bool
	cc   Cond
}{
	wasm.OpF32Lt: {true, CondA}, wasm.OpF32Gt: {false, CondA}, wasm.OpF32Le: {true, CondAE}, wasm.OpF32Ge: {false, CondAE},
	wasm.OpF64Lt: {true, CondA}, wasm.OpF64Gt: {false, CondA}, wasm.OpF64Le: {true, CondAE}, wasm.OpF64Ge: {false, CondAE},
})

// single reports whether float instruction op works on f32 and returns
// the scalar move and compare of its width.
func single(op wasm.Op) (bool, SseOp, SseOp) {
	info, _ := op.Info()
	if len(info.Params) > 0 && info.Params[0] == wasm.F32 {
		return true, MOVSS, UCOMISS
	}
	return false, MOVSD, UCOMISD
}

// FloatBinary compiles add, sub, mul and div.
func (m *Machine) FloatBinary(op wasm.Op, dst mach.Reg, x, y mach.Operand) {
	_, mov, _ := single(op)
	sse, _ := sseBin.get(op)
	m.loadX(mov, Reg(dst), x)
	m.applyX(sse, Reg(dst), y)
}

// FloatUnary compiles sqrt and the roundings.
func (m *Machine) FloatUnary(op wasm.Op, dst mach.Reg, x mach.Operand) {
	f32, mov, _ := single(op)
	m.loadX(mov, X1, x)
	if mode, ok := roundModes.get(op); ok {
		r := ROUNDSD
		if f32 {
			r = ROUNDSS
		}
		m.a.SseRRI(r, Reg(dst), X1, mode)
		return
	}
	sq := SQRTSD
	if f32 {
		sq = SQRTSS
	}
	m.a.SseRR(sq, Reg(dst), X1)
}

// FloatCompare compares with ucomis.
func (m *Machine) FloatCompare(op wasm.Op, x, y mach.Operand) mach.Cond {
	_, mov, ucom := single(op)
	fc, _ := fcmp.get(op)
	if fc.swap {
		x, y = y, x
	}
	m.loadX(mov, X0, x)
	m.applyX(ucom, X0, y)
	return mach.Cond(fc.cc)
}

// FloatEq compiles eq and ne (unordered operands are unequal).
func (m *Machine) FloatEq(op wasm.Op, dst mach.Slot, x, y mach.Operand) {
	a := &m.a
	_, mov, ucom := single(op)
	eq := op == wasm.OpF32Eq || op == wasm.OpF64Eq
	m.loadX(mov, X0, x)
	m.applyX(ucom, X0, y) // may use RAX for a constant: zero-extend after SETcc
	if eq {
		a.SetccR(CondE, RAX)
		a.SetccR(CondNP, RCX)
	} else {
		a.SetccR(CondNE, RAX)
		a.SetccR(CondP, RCX)
	}
	a.MovzxRR(W32, W8, RAX, RAX)
	a.MovzxRR(W32, W8, RCX, RCX)
	if eq {
		a.AndRR(W32, RAX, RCX)
	} else {
		a.OrRR(W32, RAX, RCX)
	}
	a.MovMR(W64, slotMem(dst), RAX)
}

// FloatSign compiles abs and neg in place and copysign.
func (m *Machine) FloatSign(op wasm.Op, dst, x, y mach.Slot) {
	a := &m.a
	xm := slotMem(x)
	switch op {
	case wasm.OpF32Abs:
		a.AndMI(W32, xm, 0x7fffffff)
	case wasm.OpF32Neg:
		a.XorMI(W32, xm, -0x80000000)
	case wasm.OpF64Abs:
		a.MovImm(W64, RAX, math.MaxInt64)
		a.AndMR(W64, xm, RAX)
	case wasm.OpF64Neg:
		a.MovImm(W64, RAX, math.MinInt64)
		a.XorMR(W64, xm, RAX)
	default: // copysign
		f32 := op == wasm.OpF32Copysign
		w := W64
		if f32 {
			w = W32
		}
		a.MovRM(w, RAX, xm)
		a.MovRM(w, RCX, slotMem(y))
		if f32 {
			a.AndRI(W32, RAX, 0x7fffffff)
			a.AndRI(W32, RCX, -0x80000000)
		} else {
			a.MovImm(W64, RDX, math.MaxInt64)
			a.AndRR(W64, RAX, RDX)
			a.NotR(W64, RDX)
			a.AndRR(W64, RCX, RDX)
		}
		a.OrRR(w, RAX, RCX)
		a.MovMR(W64, slotMem(dst), RAX)
	}
}

// ConvertInt compiles the signed conversions and those of unsigned i32s
// (a zero-extended i32 converts exactly as a 64-bit integer).
func (m *Machine) ConvertInt(op wasm.Op, dst mach.Reg, x mach.Operand) {
	a := &m.a
	var cv SseOp
	switch op {
	case wasm.OpF32ConvertI32S:
		cv = CVTSI2SSL
	case wasm.OpF32ConvertI64S, wasm.OpF32ConvertI32U:
		cv = CVTSI2SSQ
	case wasm.OpF64ConvertI32S:
		cv = CVTSI2SDL
	default:
		cv = CVTSI2SDQ
	}
	d := Reg(dst)
	a.SseRR(XORPS, d, d) // no dependency on dst's old value
	switch {
	case isGP(x) && (op == wasm.OpF32ConvertI32U || op == wasm.OpF64ConvertI32U):
		a.MovRR(W32, RCX, Reg(x.Reg)) // zero-extended: the 64-bit conversion is exact
		a.SseRR(cv, d, RCX)
	case isGP(x):
		a.SseRR(cv, d, Reg(x.Reg))
	case x.Kind == mach.IsConst:
		m.load(W64, RCX, x)
		a.SseRR(cv, d, RCX)
	default:
		a.SseRM(cv, d, slotMem(x.Slot))
	}
}

// PromoteDemote converts slot x into X0.
func (m *Machine) PromoteDemote(op wasm.Op, x mach.Slot) {
	if op == wasm.OpF64PromoteF32 {
		m.a.SseRM(CVTSS2SD, X0, slotMem(x))
	} else {
		m.a.SseRM(CVTSD2SS, X0, slotMem(x))
	}
}

// Lowers reports whether the selectors of lower_*.go handle op.
func (m *Machine) Lowers(op wasm.Op) bool {
	if op.IsSIMD() {
		info, _ := op.Info()
		if info.Imm == wasm.ImmMemArg || info.Imm == wasm.ImmMemArgLane {
			return lowersSIMDMem(op)
		}
		return lowersSIMD(op)
	}
	return lowersScalar(op)
}

// Lower compiles op with the selectors of lower_*.go.
func (m *Machine) Lower(op wasm.Op, lane uint8, imm *[16]byte, dst mach.Reg, args []mach.Reg) {
	var buf [3]Reg
	as := buf[:len(args)]
	for i, r := range args {
		as[i] = Reg(r)
	}
	if op.IsSIMD() {
		lowerSIMD(&m.lower, op, lane, imm, Reg(dst), as)
	} else {
		lowerScalar(&m.lower, op, Reg(dst), as)
	}
}

// LowerMem compiles a SIMD memory access.
func (m *Machine) LowerMem(op wasm.Op, lane uint8, addr mach.Operand, offset uint64, size int32, dst mach.Reg, args []mach.Reg) {
	var buf [3]Reg
	as := buf[:len(args)]
	for i, r := range args {
		as[i] = Reg(r)
	}
	disp := m.address(addr, offset)
	m.boundsCheck(disp, size)
	lowerSIMDMem(&m.lower, op, lane, Mem{Base: regMem, Index: RAX, Scale: 1, Disp: disp}, Reg(dst), as)
}

// BulkLengthCheck loads the length into RCX and jumps to fast when it is
// at most store.BulkChunk.
func (m *Machine) BulkLengthCheck(n mach.Slot, fast mach.Label) {
	m.a.MovRM(W32, RCX, slotMem(n))
	m.a.CmpRI(W32, RCX, store.BulkChunk)
	m.a.Jcc(CondBE, Label(fast))
}

// BulkMem compiles memory.copy and memory.fill with REP MOVSB / REP
// STOSB. Both bounds are checked before any byte moves (a zero length
// still traps when an address is past the end); an overlapping copy to a
// higher address runs backwards with the direction flag set, cleared
// again before anything else runs.
func (m *Machine) BulkMem(op wasm.Op, dst, src mach.Slot) {
	a := &m.a
	memLen := Mem{Base: regVM, Disp: mach.OffMemLen}
	oob := m.trap(store.TrapMemoryOutOfBounds)
	a.MovRM(W32, RDI, slotMem(dst))
	a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
	a.CmpRM(W64, RAX, memLen)
	a.Jcc(CondA, oob)
	if op == wasm.OpMemoryFill {
		a.MovRM(W32, RAX, slotMem(src))
		a.AddRR(W64, RDI, regMem)
		a.Bytes([]byte{0xf3, 0xaa}) // rep stosb
		return
	}
	a.MovRM(W32, RSI, slotMem(src))
	a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 1})
	a.CmpRM(W64, RAX, memLen)
	a.Jcc(CondA, oob)
	fwd := a.NewLabel()
	copied := a.NewLabel()
	a.CmpRR(W64, RDI, RSI)
	a.Jcc(CondBE, fwd) // dst <= src: a forward copy never reads a byte it wrote
	a.CmpRR(W64, RDI, RAX)
	a.Jcc(CondAE, fwd) // dst >= src+n: no overlap
	a.AddRR(W64, RDI, regMem)
	a.AddRR(W64, RSI, regMem)
	a.LeaRM(W64, RDI, Mem{Base: RDI, Index: RCX, Scale: 1, Disp: -1})
	a.LeaRM(W64, RSI, Mem{Base: RSI, Index: RCX, Scale: 1, Disp: -1})
	a.Bytes([]byte{0xfd, 0xf3, 0xa4, 0xfc}) // std; rep movsb; cld
	a.Jmp(copied)
	a.Bind(fwd)
	a.AddRR(W64, RDI, regMem)
	a.AddRR(W64, RSI, regMem)
	a.Bytes([]byte{0xf3, 0xa4}) // rep movsb
	a.Bind(copied)
}

// BulkSegment compiles memory.init (data segment x), table.init (element
// segment x into table y), table.copy (table y to table x) and table.fill
// (table x) with REP MOVS/STOS after checking every bound (a zero length
// still traps when an index is past the end). Segment slice headers are
// read in place through the VM context (a dropped segment has length 0);
// table elements and segments are []uint64 (no pointers for the collector
// to see written).
func (m *Machine) BulkSegment(op wasm.Op, x, y uint32, dst, src mach.Slot) {
	a := &m.a
	md, mv := slotMem(dst), slotMem(src)
	tables := Mem{Base: regVM, Disp: mach.OffTables}
	a.MovRM(W32, RDI, md)
	switch op {
	case wasm.OpMemoryInit:
		oob := m.trap(store.TrapMemoryOutOfBounds)
		a.MovRM(W32, RSI, mv)
		seg := Mem{Base: RDX, Disp: segHeaderSize * int32(x)}
		a.MovRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffDatas})
		a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: seg.Disp + segLen})
		a.Jcc(CondA, oob)
		a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffMemLen})
		a.Jcc(CondA, oob)
		a.AddRM(W64, RSI, seg)
		a.AddRR(W64, RDI, regMem)
		a.Bytes([]byte{0xf3, 0xa4}) // rep movsb
	case wasm.OpTableFill:
		oob := m.trap(store.TrapTableOutOfBounds)
		a.MovRM(W64, RAX, mv)
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: ptrSize * int32(x)})
		a.LeaRM(W64, RSI, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RSI, Mem{Base: RDX, Disp: tableLen})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: tableElems})
		a.LeaRM(W64, RDI, Mem{Base: RDX, Index: RDI, Scale: 8})
		a.Bytes([]byte{0xf3, 0x48, 0xab}) // rep stosq
	case wasm.OpTableInit:
		oob := m.trap(store.TrapTableOutOfBounds)
		a.MovRM(W32, RSI, mv)
		a.MovRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffElems})
		a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: segHeaderSize*int32(x) + segLen})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: segHeaderSize * int32(x)})
		a.LeaRM(W64, RSI, Mem{Base: RDX, Index: RSI, Scale: 8})
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: ptrSize * int32(y)})
		a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: tableLen})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: tableElems})
		a.LeaRM(W64, RDI, Mem{Base: RDX, Index: RDI, Scale: 8})
		a.Bytes([]byte{0xf3, 0x48, 0xa5}) // rep movsq
	case wasm.OpTableCopy: // table y to table x, overlapping like memmove
		oob := m.trap(store.TrapTableOutOfBounds)
		a.MovRM(W32, RSI, mv)
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: ptrSize * int32(y)})
		a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: tableLen})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: tableElems})
		a.LeaRM(W64, RSI, Mem{Base: RDX, Index: RSI, Scale: 8})
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: ptrSize * int32(x)})
		a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: tableLen})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: tableElems})
		a.LeaRM(W64, RDI, Mem{Base: RDX, Index: RDI, Scale: 8})
		fwd, done := a.NewLabel(), a.NewLabel()
		a.CmpRR(W64, RDI, RSI)
		a.Jcc(CondBE, fwd) // dst <= src: a forward copy never reads what it wrote
		a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 8})
		a.CmpRR(W64, RDI, RAX)
		a.Jcc(CondAE, fwd) // no overlap
		a.LeaRM(W64, RDI, Mem{Base: RDI, Index: RCX, Scale: 8, Disp: -8})
		a.LeaRM(W64, RSI, Mem{Base: RSI, Index: RCX, Scale: 8, Disp: -8})
		a.Bytes([]byte{0xfd, 0xf3, 0x48, 0xa5, 0xfc}) // std; rep movsq; cld
		a.Jmp(done)
		a.Bind(fwd)
		a.Bytes([]byte{0xf3, 0x48, 0xa5}) // rep movsq
		a.Bind(done)
	}
}
