//go:build amd64

package amd64

import (
	"fmt"
	"math"
	"slices"
	"unsafe"

	"golang.org/x/sys/cpu"

	"github.com/wasmrun/wasmrun/binary"
	. "github.com/wasmrun/wasmrun/internal/jit/amd64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/validate"
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

// compiler compiles functions for the amd64 machine; a worker of the
// engine's pool reuses one from function to function (its buffers are
// kept).
type compiler struct {
	mach.Frame[Reg, Label]
	fuel   bool // the engine meters fuel, which counts every call
	a      Assembler
	out    *mach.Code // the function being compiled
	idx    int        // its defined function index
	traps  map[store.TrapCode]Label
	cold   []func()
	consts map[[16]byte]Label
	pool   [][16]byte // constants in order of first use

	brLabels, brStubLabels []Label // br_table: buffers reused
	brStubs                []uint32

	// Bounds checks already made in the current straight-line region:
	// an access [x + end) with x a pinned local is in bounds when
	// chkGen[x] == gen and end <= chkEnd[x] (memory never shrinks, so
	// only a write to x or a control-flow merge, which bumps gen, ends
	// what a check proved).
	chkEnd []int64
	chkGen []uint32
	gen    uint32
}

func (c *compiler) slot(off int) Mem { return Mem{Base: regFB, Disp: int32(8 * (c.NLoc + off))} }
func (c *compiler) local(i uint32) Mem {
	return Mem{Base: regFB, Disp: int32(8 * c.LocalOf[i])}
}

func (c *compiler) push(t wasm.ValType) Mem { return c.slot(c.Push(t)) }

// allocatableX are the XMM registers that cache float temporaries (X0
// and X1 are scratch, X15 is Go's zero register).
var allocatableX = [...]Reg{X2, X3, X4, X5, X6, X7, X8, X9}

// allocX returns a free XMM register, storing the oldest XMM-held entry
// to its slot when none is free.
func (c *compiler) allocX() Reg {
	for _, r := range allocatableX {
		if !c.Busy[r] {
			c.Busy[r] = true
			return r
		}
	}
	for i := range c.Stack {
		if c.Ref[i] == mach.KindXReg {
			r := Reg(c.Val[i])
			c.materialize(i)
			c.Busy[r] = true
			return r
		}
	}
	panic("jit: no XMM register")
}

// pushX pushes a float held in temporary XMM register r (allocated).
func (c *compiler) pushX(t wasm.ValType, r Reg) { c.PushKind(t, mach.KindXReg, uint64(r)) }

// resultX picks the XMM register for the result of x op y: x's register
// when it is a temporary, else a free one other than y's.
func (c *compiler) resultX(x, y operand) Reg {
	if x.isX && !x.pinned && !(y.isX && y.r == x.r) {
		c.Busy[x.r] = true
		return x.r
	}
	keep := y.isX && !y.pinned
	if keep {
		c.Busy[y.r] = true
	}
	r := c.allocX()
	if keep {
		c.Busy[y.r] = false
	}
	return r
}

// pushX0 pushes the float in X0, kept in an XMM register.
func (c *compiler) pushX0(t wasm.ValType) {
	r := c.allocX()
	c.a.SseRR(MOVAPS, r, X0)
	c.pushX(t, r)
}

// loadX puts float operand o into XMM register dst.
func (c *compiler) loadX(mov SseOp, dst Reg, o operand) {
	switch {
	case o.isX:
		if o.r != dst {
			c.a.SseRR(MOVAPS, dst, o.r)
		}
	case o.isConst:
		c.a.MovImm(W64, RAX, int64(o.v))
		c.a.SseRR(MOVQX, dst, RAX)
	case o.isReg:
		c.a.SseRR(MOVQX, dst, o.r)
	default:
		c.a.SseRM(mov, dst, o.m)
	}
}

// applyX emits "op dst, o" for a float operand o.
func (c *compiler) applyX(op SseOp, dst Reg, o operand) {
	switch {
	case o.isX:
		c.a.SseRR(op, dst, o.r)
	case o.isConst || o.isReg:
		c.loadX(MOVSD, X1, o)
		c.a.SseRR(op, dst, X1)
	default:
		c.a.SseRM(op, dst, o.m)
	}
}

// allocatable are the registers that cache integer temporaries within
// straight-line code (those not pinned to locals); every block boundary,
// call and exit to Go stores them to their slots. RSI and RDI come first
// and are never pinned: bulkMem and lowered use them after storing every
// temporary.
var allocatable = [...]Reg{RSI, RDI, RBX, R8, R9, R10, R11, R14}

// allocReg returns a free register other than avoid, storing the oldest
// register-held entry to its slot when none is free.
func (c *compiler) allocReg(avoid Reg) Reg {
	for _, r := range allocatable {
		if !c.Busy[r] && r != avoid {
			c.Busy[r] = true
			return r
		}
	}
	for i := range c.Stack {
		if c.Ref[i] == mach.KindReg && Reg(c.Val[i]) != avoid {
			r := Reg(c.Val[i])
			c.materialize(i)
			c.Busy[r] = true
			return r
		}
	}
	panic("jit: no register")
}

// pushReg pushes a value held in register r.
func (c *compiler) pushReg(t wasm.ValType, r Reg) { c.PushKind(t, mach.KindReg, uint64(r)) }

// pushConst pushes a constant: no code until it is needed.
func (c *compiler) pushConst(t wasm.ValType, v uint64) { c.PushKind(t, mach.KindConst, v) }

// pushFlags pushes an i32 that is 1 when condition cc holds.
func (c *compiler) pushFlags(cc Cond) { c.PushKind(wasm.I32, mach.KindFlags, uint64(cc)) }

// operand is a popped value: a constant or a place to read.
type operand struct {
	isConst bool
	v       uint64
	m       Mem
	isReg   bool
	isX     bool
	r       Reg
	pinned  bool   // r is a pinned local's register: read it, never write it
	loc     uint32 // the pinned local
}

// popOperand pops the top entry without materialising a constant.
func (c *compiler) popOperand() operand {
	n := len(c.Stack) - 1
	if c.Ref[n] == mach.KindConst {
		v := c.Val[n]
		c.Ref[n] = mach.KindSlot
		c.popRead()
		return operand{isConst: true, v: v}
	}
	if c.Ref[n] == mach.KindReg || c.Ref[n] == mach.KindXReg {
		r := Reg(c.Val[n])
		isX := c.Ref[n] == mach.KindXReg
		c.Ref[n] = mach.KindSlot
		c.Busy[r] = false
		c.popRead()
		return operand{isReg: !isX, isX: isX, r: r}
	}
	if x := c.Ref[n]; x >= 0 && c.PinReg[x] != NoReg {
		r := c.PinReg[x]
		c.Ref[n] = mach.KindSlot
		c.popRead()
		return operand{isReg: !r.IsXMM(), isX: r.IsXMM(), r: r, pinned: true, loc: uint32(x)}
	}
	_, m := c.popRead()
	return operand{m: m}
}

// imm32 reports whether o is a constant usable as a sign-extended imm32
// at width w.
func (o operand) imm32(w Width) (int32, bool) {
	if !o.isConst {
		return 0, false
	}
	if w == W32 {
		return int32(uint32(o.v)), true
	}
	return int32(o.v), int64(o.v) == int64(int32(o.v))
}

// load puts o into register r.
func (c *compiler) load(w Width, r Reg, o operand) {
	switch {
	case o.isConst:
		c.a.MovImm(W64, r, int64(o.v))
	case o.isReg:
		if o.r != r {
			c.a.MovRR(w, r, o.r)
		}
	default:
		c.a.MovRM(w, r, o.m)
	}
}

// pop pops the top entry, first copying it into its slot.
func (c *compiler) pop() (wasm.ValType, Mem) {
	c.materialize(len(c.Stack) - 1)
	return c.popRead()
}

// popRead pops the top entry and returns where it can be read: its slot
// or, for a local reference, the local itself.
func (c *compiler) popRead() (wasm.ValType, Mem) {
	n := len(c.Stack) - 1
	if x := c.Ref[n]; x < mach.KindSlot || c.IsPinned(n, NoReg) {
		c.materialize(n)
	}
	t, r, off := c.Drop()
	if r >= 0 {
		return t, c.local(uint32(r))
	}
	return t, c.slot(off)
}

// materialize copies entry i into its slot if it refers to a local.
func (c *compiler) materialize(i int) {
	r := c.Ref[i]
	switch r {
	case mach.KindSlot:
		return
	case mach.KindConst: // mov does not change the flags
		c.Ref[i] = mach.KindSlot
		c.a.MovImm(W64, RAX, int64(c.Val[i]))
		c.a.MovMR(W64, c.slot(c.Offs[i]), RAX)
		return
	case mach.KindReg:
		c.Ref[i] = mach.KindSlot
		c.Busy[c.Val[i]] = false
		c.a.MovMR(W64, c.slot(c.Offs[i]), Reg(c.Val[i]))
		return
	case mach.KindXReg:
		c.Ref[i] = mach.KindSlot
		c.Busy[c.Val[i]] = false
		c.storeX(c.Stack[i], c.slot(c.Offs[i]), Reg(c.Val[i]))
		return
	case mach.KindFlags:
		c.Ref[i] = mach.KindSlot
		c.a.MovImm(W32, RAX, 0)
		c.a.SetccR(Cond(c.Val[i]), RAX)
		c.a.MovMR(W64, c.slot(c.Offs[i]), RAX)
		return
	}
	c.Ref[i] = -1
	dst := c.slot(c.Offs[i])
	if pr := c.PinReg[r]; pr != NoReg {
		if pr.IsXMM() {
			c.storeX(c.Stack[i], dst, pr)
		} else {
			c.a.MovMR(W64, dst, pr)
		}
		return
	}
	src := c.local(uint32(r))
	for k := 0; k < c.Stack[i].Slots(); k++ {
		c.a.MovRM(W64, RAX, Mem{Base: regFB, Disp: src.Disp + int32(8*k)})
		c.a.MovMR(W64, Mem{Base: regFB, Disp: dst.Disp + int32(8*k)}, RAX)
	}
}

// materializeAll brings the stack to its canonical shape (every value in
// its slot), as block boundaries and branches require.
func (c *compiler) materializeAll() {
	for i := range c.Stack {
		c.materialize(i)
	}
}

// materializeLocal copies the entries referring to local x into their
// slots before x is written.
func (c *compiler) materializeLocal(x uint32) {
	for i, r := range c.Ref {
		if r >= 0 && r == int(x) {
			c.materialize(i)
		}
	}
}

// flagsToReg turns condition entry i into a 0/1 temporary register when
// one is free (taking one would mean a spill), else into its slot.
func (c *compiler) flagsToReg(i int) {
	for _, r := range allocatable {
		if !c.Busy[r] {
			c.a.MovImm(W32, r, 0) // a mov: the flags are still live
			c.a.SetccR(Cond(c.Val[i]), r)
			c.Busy[r] = true
			c.Ref[i], c.Val[i] = mach.KindReg, uint64(r)
			return
		}
	}
	c.materialize(i)
}

// trap returns the label of the function's shared stub raising code.
func (c *compiler) trap(code store.TrapCode) Label {
	if l, ok := c.traps[code]; ok {
		return l
	}
	l := c.a.NewLabel()
	c.traps[code] = l
	return l
}

// callExit emits "call exitStub".
func (c *compiler) callExit() {
	site := c.a.CallRel32()
	c.out.Relocs = append(c.out.Relocs, mach.Reloc{Site: site, Target: mach.ExitStubTarget, Kind: RelCall})
}

// helperCall emits an exit to Go running h.
func (c *compiler) helperCall(h mach.Helper) {
	c.materializeAll()
	idx := len(c.out.Helpers)
	c.out.Helpers = append(c.out.Helpers, h)
	c.a.MovImm(W64, RAX, int64(c.idx)<<32|int64(idx))
	c.a.MovMR(W64, Mem{Base: regVM, Disp: mach.OffExitArg}, RAX)
	c.a.MovMI(W64, Mem{Base: regVM, Disp: mach.OffExit}, mach.ExitHelper)
	c.savePinned()
	c.callExit()
	c.reloadPinned()
}

// budget emits the interruption check.
func (c *compiler) budget() {
	cold := c.a.NewLabel()
	back := c.a.NewLabel()
	c.a.SubRI(W64, regBudget, 1)
	c.a.Jcc(CondE, cold)
	c.a.Bind(back)
	c.cold = append(c.cold, func() {
		c.a.Bind(cold)
		c.a.MovMI(W64, Mem{Base: regVM, Disp: mach.OffExit}, mach.ExitBudget)
		c.savePinned()
		c.callExit()
		c.reloadPinned()
		c.a.Jmp(back)
	})
}

// copySlots copies n slots from slot offset src to dst (dst <= src).
func (c *compiler) copySlots(dst, src, n int) {
	if dst == src {
		return
	}
	for i := 0; i < n; i++ {
		c.a.MovRM(W64, RAX, c.slot(src+i))
		c.a.MovMR(W64, c.slot(dst+i), RAX)
	}
}

// branchCopy moves the values a branch to ctrl d carries into place.
func (c *compiler) branchCopy(d *mach.Ctrl[Label]) {
	ts := d.Results
	if d.Op == wasm.OpLoop {
		ts = d.Params
	}
	n := mach.SlotsOf(ts)
	if d.Op == 0 { // function level: results go to slot 0
		for i := 0; i < n; i++ {
			c.a.MovRM(W64, RAX, c.slot(c.SP-n+i))
			c.a.MovMR(W64, Mem{Base: regFB, Disp: int32(8 * i)}, RAX)
		}
		return
	}
	c.copySlots(d.SlotBase, c.SP-n, n)
}

// branchCopyFree reports whether a branch to the non-function ctrl d
// carries no values or finds them already in place, so branchCopy emits
// nothing.
func (c *compiler) branchCopyFree(d *mach.Ctrl[Label]) bool {
	ts := d.Results
	if d.Op == wasm.OpLoop {
		ts = d.Params
	}
	n := mach.SlotsOf(ts)
	return n == 0 || d.SlotBase == c.SP-n
}

// branch emits an unconditional branch to depth.
func (c *compiler) branch(depth uint32) {
	d := &c.Ctrls[len(c.Ctrls)-1-int(depth)]
	c.branchCopy(d)
	if d.Op == 0 {
		c.a.Ret()
		return
	}
	c.a.Jmp(d.Label)
}

// frameExtra is the number of slots a frame reserves beyond its locals
// and operand stack.
const frameExtra = 4

// NewCompiler returns a function compiler for one worker (fuel: the
// engine meters fuel, which counts every call).
func NewCompiler(fuel bool) *compiler { return &compiler{fuel: fuel} }

// CompileFunc compiles defined function idx of m.
func (c *compiler) CompileFunc(m *wasm.Module, fi *validate.FuncInfo, idx int, types []uint32, globals []wasm.ValType) (fc *mach.Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			fc, err = nil, fmt.Errorf("%v", r)
		}
	}()
	c.Reset(m, fi, types, globals)
	c.a.Reset()
	if c.traps == nil {
		c.traps = map[store.TrapCode]Label{}
	}
	clear(c.traps)
	c.cold = c.cold[:0]
	clear(c.consts)
	c.pool = c.pool[:0]
	c.out, c.idx = &mach.Code{}, idx
	if cap(c.chkGen) < len(fi.Locals) {
		c.chkEnd, c.chkGen = make([]int64, len(fi.Locals)), make([]uint32, len(fi.Locals))
	}
	c.chkEnd, c.chkGen = c.chkEnd[:len(fi.Locals)], c.chkGen[:len(fi.Locals)]
	c.gen++
	ft := m.Types[fi.TypeIndex]
	a := &c.a
	body := m.Code[idx].Body
	if err := c.ChoosePins(body, m.Code[idx].Offset, pinnedInt[:], pinnedX[:], NoReg); err != nil {
		return nil, err
	}
	// Prologue: stack checks, zeroed locals, budget.
	stackTrap := c.trap(store.TrapCallStackExhausted)
	a.CmpRM(W64, RSP, Mem{Base: regVM, Disp: mach.OffSPLimit})
	a.Jcc(CondB, stackTrap)
	// The value-stack check: a frame the validator's bounds keep within
	// mach.SmallFrame needs none (see there); the others compare their
	// end, patched in below, with the limit.
	perValue := 1
	if fi.UsesV128 {
		perValue = 2
	}
	small := 8*(fi.LocalSlots+perValue*fi.MaxHeight+frameExtra) <= mach.SmallFrame
	sizeSite := -1
	if !small {
		a.MovRR(W64, RAX, regFB)
		sizeSite = a.AluRI32(AluAdd, W64, RAX, 0)
		a.CmpRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffVSLimit})
		a.Jcc(CondA, stackTrap)
	}
	// Locals start zero: in their slots, or in their registers when
	// pinned (the slot of a pinned local the body writes is stored before
	// it is ever read back, see savePinned).
	zeroed := false
	for i := len(ft.Params); i < len(fi.Locals); i++ {
		if c.PinReg[i] != NoReg && c.Written[i] {
			continue
		}
		if !zeroed {
			a.XorRR(W32, RAX, RAX)
			zeroed = true
		}
		for k := 0; k < fi.Locals[i].Slots(); k++ {
			a.MovMR(W64, Mem{Base: regFB, Disp: int32(8 * (c.LocalOf[i] + k))}, RAX)
		}
	}
	for _, x := range c.Pinned {
		switch r := c.PinReg[x]; {
		case int(x) < len(ft.Params):
			if r.IsXMM() {
				a.SseRM(MOVSD, r, c.local(x))
			} else {
				a.MovRM(W64, r, c.local(x))
			}
		case r.IsXMM():
			a.SseRR(XORPS, r, r)
		default:
			a.XorRR(W32, r, r)
		}
	}
	// The interruption check at entry bounds recursion; a function without
	// calls cannot recurse and its loops check at their headers, so it
	// needs none unless fuel counts calls.
	if fi.HasCalls || c.fuel {
		c.budget()
	}
	c.Ctrls = append(c.Ctrls, mach.Ctrl[Label]{Op: 0, Results: ft.Results, Label: a.NewLabel()})
	if err := c.Body(body, m.Code[idx].Offset, c); err != nil {
		return nil, err
	}
	for _, f := range c.cold {
		f()
	}
	for code := store.TrapCode(1); code <= store.TrapHostPanic; code++ {
		if l, ok := c.traps[code]; ok {
			a.Bind(l)
			a.MovMI(W64, Mem{Base: regVM, Disp: mach.OffExit}, int32(mach.ExitTrap+int(code)))
			c.callExit()
			a.Ud2()
		}
	}
	if len(c.pool) > 0 {
		a.AlignData(16)
		for _, v := range c.pool {
			a.Bind(c.consts[v])
			a.Bytes(v[:])
		}
	}
	frame := 8 * (c.NLoc + c.MaxSP + frameExtra)
	if small && frame > mach.SmallFrame {
		return nil, fmt.Errorf("jit: frame of %d bytes exceeds the validator's bound", frame)
	}
	if !small {
		a.PatchInt32(sizeSite, int32(frame))
	}
	code, err := a.Finalize()
	if err != nil {
		return nil, err
	}
	c.out.Bytes = append([]byte(nil), code...)
	return c.out, nil
}

// elemsOff is the offset of the Elems slice header in store.Table.
const elemsOff = int32(unsafe.Offsetof(store.Table{}.Elems))

// hasPOPCNT selects the POPCNT instruction.
var hasPOPCNT = cpu.X86.HasPOPCNT

var errUnsupported = fmt.Errorf("unsupported instruction")

// Op compiles one reachable instruction (mach.Backend).
func (c *compiler) Op(op wasm.Op, info *wasm.OpInfo, im *mach.Imm, dead *int) error {
	a := &c.a
	if n := len(c.Ref) - 1; n >= 0 && c.Ref[n] == mach.KindFlags && op != wasm.OpBrIf && op != wasm.OpIf && op != wasm.OpSelect && op != wasm.OpSelectT {
		c.flagsToReg(n)
	}
	if (op == wasm.OpReturn || op == wasm.OpEnd && len(c.Ctrls) == 1) && c.returnFast() {
		if op == wasm.OpReturn {
			*dead = 1
		} else {
			c.Ctrls = c.Ctrls[:0]
		}
		return nil
	}
	switch op {
	case wasm.OpLoop, wasm.OpElse, wasm.OpEnd: // control-flow merges
		c.gen++
	}
	switch op {
	case wasm.OpBrTable: // the index straight into RCX, then the canonical state
		c.load(W32, RCX, c.popOperand())
		c.materializeAll()
	case wasm.OpBlock, wasm.OpLoop, wasm.OpElse, wasm.OpEnd, wasm.OpBr, wasm.OpReturn:
		c.materializeAll()
	}
	switch op {
	case wasm.OpUnreachable:
		a.Jmp(c.trap(store.TrapUnreachable))
		*dead = 1
	case wasm.OpNop:
	case wasm.OpBlock, wasm.OpLoop:
		p, res := c.BlockType(im.BT)
		h := len(c.Stack) - len(p)
		d := mach.Ctrl[Label]{Op: op, Label: a.NewLabel(), Height: h, Params: p, Results: res, SlotBase: c.SP - mach.SlotsOf(p)}
		if op == wasm.OpLoop {
			a.Bind(d.Label)
			c.budget()
		}
		c.Ctrls = append(c.Ctrls, d)
	case wasm.OpIf:
		cc := c.popCond()
		c.materializeAll()
		p, res := c.BlockType(im.BT)
		h := len(c.Stack) - len(p)
		d := mach.Ctrl[Label]{Op: op, Label: a.NewLabel(), Else: a.NewLabel(), Height: h, Params: p, Results: res, SlotBase: c.SP - mach.SlotsOf(p)}
		a.Jcc(cc.Invert(), d.Else)
		c.Ctrls = append(c.Ctrls, d)
	case wasm.OpElse:
		d := &c.Ctrls[len(c.Ctrls)-1]
		a.Jmp(d.Label)
		a.Bind(d.Else)
		d.HasElse = true
		c.Truncate(d.Height)
		for _, t := range d.Params {
			c.push(t)
		}
	case wasm.OpEnd:
		d := c.Ctrls[len(c.Ctrls)-1]
		c.Ctrls = c.Ctrls[:len(c.Ctrls)-1]
		if d.Op == 0 {
			c.branchCopy(&d)
			a.Ret()
			return nil
		}
		if d.Op == wasm.OpIf && !d.HasElse {
			a.Bind(d.Else)
		}
		if d.Op != wasm.OpLoop {
			a.Bind(d.Label)
		}
		c.Truncate(d.Height)
		for _, t := range d.Results {
			c.push(t)
		}
	case wasm.OpBr:
		c.branch(im.X)
		*dead = 1
	case wasm.OpBrIf:
		cc := c.popCond()
		c.materializeAll()
		if d := &c.Ctrls[len(c.Ctrls)-1-int(im.X)]; d.Op != 0 && c.branchCopyFree(d) {
			a.Jcc(cc, d.Label) // nothing to move: jump straight to the target
			break
		}
		skip := a.NewLabel()
		a.Jcc(cc.Invert(), skip)
		c.branch(im.X)
		a.Bind(skip)
	case wasm.OpBrTable:
		// Targets that need no values moved are jumped to straight from
		// the table; the others through one stub per depth.
		n := len(im.Targets) - 1
		table, def := a.NewLabel(), a.NewLabel()
		a.CmpRI(W32, RCX, int32(n))
		a.Jcc(CondAE, def)
		a.LeaRIP(RAX, table)
		a.MovsxdRM(RDX, Mem{Base: RAX, Index: RCX, Scale: 4})
		a.AddRR(W64, RAX, RDX)
		a.JmpR(RAX)
		labels := c.brLabels[:0]
		stubs := c.brStubs[:0] // depths with a stub, in order; their labels follow labels' use
		stubLabels := c.brStubLabels[:0]
		for _, t := range im.Targets[:n] {
			if d := &c.Ctrls[len(c.Ctrls)-1-int(t)]; d.Op != 0 && c.branchCopyFree(d) {
				labels = append(labels, d.Label)
				continue
			}
			k := slices.Index(stubs, t)
			if k < 0 {
				k = len(stubs)
				stubs = append(stubs, t)
				stubLabels = append(stubLabels, a.NewLabel())
			}
			labels = append(labels, stubLabels[k])
		}
		for k, t := range stubs {
			a.Bind(stubLabels[k])
			c.branch(t)
		}
		a.Bind(def)
		c.branch(im.Targets[n])
		if n > 0 {
			a.JumpTable(table, labels)
		} else {
			a.Bind(table)
		}
		c.brLabels, c.brStubs, c.brStubLabels = labels, stubs, stubLabels
		*dead = 1
	case wasm.OpReturn:
		c.branch(uint32(len(c.Ctrls) - 1))
		*dead = 1
	case wasm.OpCall:
		c.materializeAll()
		ft := c.M.Types[c.Types[im.X]]
		for range ft.Params {
			c.pop()
		}
		at := c.SP
		if im.X < c.M.NumImportedFuncs {
			c.helperCall(mach.Helper{Op: op, Slot: uint32(c.NLoc + at), A: im.X})
		} else {
			d := int32(8 * (c.NLoc + at))
			c.savePinned()
			a.AddRI(W64, regFB, d)
			site := a.CallRel32()
			c.out.Relocs = append(c.out.Relocs, mach.Reloc{Site: site, Target: int(im.X - c.M.NumImportedFuncs), Kind: RelCall})
			a.SubRI(W64, regFB, d)
			c.reloadPinned()
		}
		for _, t := range ft.Results {
			c.push(t)
		}
		// The callee's window may be larger than its results.
		if c.SP < at+max(mach.SlotsOf(ft.Params), mach.SlotsOf(ft.Results)) && at+mach.SlotsOf(ft.Params) > c.MaxSP {
			c.MaxSP = at + mach.SlotsOf(ft.Params)
		}
	case wasm.OpCallIndirect:
		c.materializeAll()
		ft := c.M.Types[im.X]
		_, ix := c.pop()
		_ = ix
		for range ft.Params {
			c.pop()
		}
		at := c.SP
		d := int32(8 * (c.NLoc + at))
		// Fast path: the element's handle hits the instance's cache of
		// same-instance targets {code, type ID}, indexed by the handle
		// less the instance's first handle.
		slow, call, skip := a.NewLabel(), a.NewLabel(), a.NewLabel()
		c.savePinned()
		a.MovRM(W32, RCX, ix)
		a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffTables})
		a.MovRM(W64, RAX, Mem{Base: RAX, Disp: int32(8 * im.Y)})
		a.CmpRM(W64, RCX, Mem{Base: RAX, Disp: elemsOff + 8})
		a.Jcc(CondAE, slow)
		a.MovRM(W64, RAX, Mem{Base: RAX, Disp: elemsOff})
		a.MovRM(W64, RAX, Mem{Base: RAX, Index: RCX, Scale: 8})
		a.SubRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffICacheBase}) // other instances' handles wrap to large values
		a.CmpRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffICacheLen})
		a.Jcc(CondAE, slow)
		a.ShiftRI(Shl, W64, RAX, 4)
		a.AddRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffICache})
		a.MovRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffTypeIDs})
		a.MovRM(W32, RDX, Mem{Base: RDX, Disp: int32(4 * im.X)})
		a.CmpRM(W64, RDX, Mem{Base: RAX, Disp: 8})
		a.Jcc(CondNE, slow)
		a.MovRM(W64, RAX, Mem{Base: RAX})
		a.TestRR(W64, RAX, RAX)
		a.Jcc(CondNE, call)
		a.Bind(slow)
		c.helperCall(mach.Helper{Op: op, Slot: uint32(c.NLoc + at), A: im.X, B: im.Y, N: uint32(c.NLoc + c.offs0(at, ft))})
		a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffTarget})
		a.TestRR(W64, RAX, RAX)
		a.Jcc(CondE, skip)
		a.Bind(call)
		a.AddRI(W64, regFB, d)
		a.CallR(RAX)
		a.SubRI(W64, regFB, d)
		a.Bind(skip)
		c.reloadPinned()
		for _, t := range ft.Results {
			c.push(t)
		}
	case wasm.OpDrop:
		c.popRead()
	case wasm.OpSelect, wasm.OpSelectT:
		if c.selectReg() {
			return nil
		}
		_, cm := c.pop()
		_, y := c.pop()
		t, x := c.pop()
		skip := a.NewLabel()
		a.CmpMI(W32, cm, 0)
		a.Jcc(CondNE, skip)
		for i := 0; i < t.Slots(); i++ {
			a.MovRM(W64, RAX, Mem{Base: regFB, Disp: y.Disp + int32(8*i)})
			a.MovMR(W64, Mem{Base: regFB, Disp: x.Disp + int32(8*i)}, RAX)
		}
		a.Bind(skip)
		c.push(t)
	case wasm.OpLocalGet:
		c.PushLocal(im.X)
	case wasm.OpLocalSet, wasm.OpLocalTee:
		if c.PinReg[im.X] != NoReg {
			c.setPinned(im.X)
			if op == wasm.OpLocalTee {
				c.PushLocal(im.X)
			}
			return nil
		}
		if n := len(c.Ref) - 1; c.Ref[n] == mach.KindConst {
			o := c.popOperand()
			c.materializeLocal(im.X)
			a.MovImm(W64, RAX, int64(o.v))
			a.MovMR(W64, c.local(im.X), RAX)
			if op == wasm.OpLocalTee {
				c.pushConst(c.FI.Locals[im.X], o.v)
			}
			return nil
		}
		if n := len(c.Ref) - 1; c.Ref[n] == mach.KindXReg {
			t := c.Stack[n]
			o := c.popOperand()
			c.materializeLocal(im.X)
			c.storeX(t, c.local(im.X), o.r)
			if op == wasm.OpLocalTee {
				c.a.SseRR(MOVAPS, X0, o.r)
				c.pushX0(t)
			}
			return nil
		}
		if n := len(c.Ref) - 1; c.Ref[n] == mach.KindReg {
			o := c.popOperand()
			c.materializeLocal(im.X)
			a.MovMR(W64, c.local(im.X), o.r)
			if op == wasm.OpLocalTee {
				c.pushReg(c.FI.Locals[im.X], o.r)
			}
			return nil
		}
		t, src := c.popRead()
		c.materializeLocal(im.X)
		dst := c.local(im.X)
		if src != dst {
			for i := 0; i < t.Slots(); i++ {
				a.MovRM(W64, RAX, Mem{Base: regFB, Disp: src.Disp + int32(8*i)})
				a.MovMR(W64, Mem{Base: regFB, Disp: dst.Disp + int32(8*i)}, RAX)
			}
		}
		if op == wasm.OpLocalTee {
			c.PushLocal(im.X)
		}
	case wasm.OpGlobalGet:
		t := c.Globals[im.X]
		switch t {
		case wasm.I32, wasm.I64, wasm.F32, wasm.F64:
			a.MovRM(W64, RCX, Mem{Base: regVM, Disp: mach.OffGlobals})
			a.MovRM(W64, RCX, Mem{Base: RCX, Disp: int32(8 * im.X)})
			if t == wasm.I32 || t == wasm.I64 {
				r := c.allocReg(RCX)
				a.MovRM(width(t), r, Mem{Base: RCX})
				c.pushReg(t, r)
			} else {
				r := c.allocX()
				if t == wasm.F32 {
					a.SseRM(MOVSS, r, Mem{Base: RCX})
				} else {
					a.SseRM(MOVSD, r, Mem{Base: RCX})
				}
				c.pushX(t, r)
			}
			return nil
		}
		dst := c.push(t)
		a.MovRM(W64, RCX, Mem{Base: regVM, Disp: mach.OffGlobals})
		a.MovRM(W64, RCX, Mem{Base: RCX, Disp: int32(8 * im.X)})
		for i := 0; i < t.Slots(); i++ {
			a.MovRM(W64, RAX, Mem{Base: RCX, Disp: int32(8 * i)})
			a.MovMR(W64, Mem{Base: regFB, Disp: dst.Disp + int32(8*i)}, RAX)
		}
	case wasm.OpGlobalSet:
		if t := c.Stack[len(c.Stack)-1]; t == wasm.I32 || t == wasm.I64 || t == wasm.F32 || t == wasm.F64 {
			o := c.popOperand()
			a.MovRM(W64, RCX, Mem{Base: regVM, Disp: mach.OffGlobals})
			a.MovRM(W64, RCX, Mem{Base: RCX, Disp: int32(8 * im.X)})
			switch {
			case o.isReg:
				a.MovMR(W64, Mem{Base: RCX}, o.r)
			case o.isX && t == wasm.F32:
				a.SseRR(MOVDR, RAX, o.r)
				a.MovMR(W64, Mem{Base: RCX}, RAX)
			case o.isX:
				a.SseMR(MOVSD, Mem{Base: RCX}, o.r)
			case o.isConst:
				a.MovImm(W64, RAX, int64(o.v))
				a.MovMR(W64, Mem{Base: RCX}, RAX)
			default:
				a.MovRM(W64, RAX, o.m)
				a.MovMR(W64, Mem{Base: RCX}, RAX)
			}
			return nil
		}
		t, src := c.popRead()
		a.MovRM(W64, RCX, Mem{Base: regVM, Disp: mach.OffGlobals})
		a.MovRM(W64, RCX, Mem{Base: RCX, Disp: int32(8 * im.X)})
		for i := 0; i < t.Slots(); i++ {
			a.MovRM(W64, RAX, Mem{Base: regFB, Disp: src.Disp + int32(8*i)})
			a.MovMR(W64, Mem{Base: RCX, Disp: int32(8 * i)}, RAX)
		}
	case wasm.OpI32Const, wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
		c.pushConst(info.Results[0], im.I64)
	case wasm.OpRefNull:
		dst := c.push(wasm.ValType(im.X))
		a.MovMI(W64, dst, 0)
	case wasm.OpRefIsNull:
		_, x := c.pop()
		a.XorRR(W32, RAX, RAX)
		a.CmpMI(W64, x, 0)
		a.SetccR(CondE, RAX)
		a.MovMR(W64, c.push(wasm.I32), RAX)
	case wasm.OpTableGet, wasm.OpTableSet, wasm.OpTableSize:
		c.tableOp(op, im.X)
	case wasm.OpRefFunc:
		a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffFuncs})
		a.MovRM(W64, RAX, Mem{Base: RAX, Disp: int32(8 * im.X)})
		a.MovMR(W64, c.push(wasm.FuncRef), RAX)
	case wasm.OpDataDrop, wasm.OpElemDrop: // the segment's length becomes 0 (no pointer is written)
		off := mach.OffDatas
		if op == wasm.OpElemDrop {
			off = mach.OffElems
		}
		a.MovRM(W64, RAX, Mem{Base: regVM, Disp: off})
		a.MovMI(W64, Mem{Base: RAX, Disp: int32(24*im.X + 8)}, 0)
	case wasm.OpMemoryInit, wasm.OpTableInit, wasm.OpTableCopy, wasm.OpTableFill:
		c.bulkSegment(op, im.X, im.Y)
	case wasm.OpMemorySize:
		a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffMemLen})
		a.ShiftRI(Shr, W64, RAX, 16)
		a.MovMR(W64, c.push(wasm.I32), RAX)
	case wasm.OpMemoryCopy, wasm.OpMemoryFill:
		c.bulkMem(op)
	case wasm.OpV128Const:
		dst := c.push(wasm.V128)
		a.MovImm(W64, RAX, int64(le64(im.V128[:8])))
		a.MovMR(W64, dst, RAX)
		a.MovImm(W64, RAX, int64(le64(im.V128[8:])))
		a.MovMR(W64, Mem{Base: regFB, Disp: dst.Disp + 8}, RAX)
	default:
		if info.Imm == wasm.ImmMemArg && op < 0x100 {
			return c.memOp(op, info, im)
		}
		if c.lowered(op, info, im) || c.native(op, info) {
			return nil
		}
		return c.generic(op, info, im)
	}
	return nil
}

func (c *compiler) offs0(at int, ft wasm.FuncType) int {
	// slot of the table index operand: just after the arguments
	return at + mach.SlotsOf(ft.Params)
}

func le64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// memOp compiles a scalar load or store with an explicit bounds check.
func (c *compiler) memOp(op wasm.Op, info *wasm.OpInfo, im *mach.Imm) error {
	a := &c.a
	size := int32(1) << info.Align
	var val operand
	store := len(info.Results) == 0
	if store {
		val = c.popOperand()
	}
	addr := c.popOperand()
	// A load's result register is chosen before RAX holds the address (a
	// spill may use RAX): the register of the pinned local the next
	// instruction stores it to, or a fresh temporary.
	dst, inPlace := NoReg, uint32(0)
	if !store {
		if x, ok := c.nextSetLocal(); ok && c.PinReg[x] != NoReg {
			c.materializeLocal(x)
			dst, inPlace = c.PinReg[x], x+1
		} else if op == wasm.OpF32Load || op == wasm.OpF64Load {
			dst = c.allocX()
		} else {
			dst = c.allocReg(NoReg)
		}
	}
	c.load(W32, RAX, addr)
	// The offset folds into the addressing mode when it is small.
	disp := int32(0)
	if off := im.Mem.Offset; off < 1<<30 {
		disp = int32(off)
	} else {
		a.MovImm(W64, RCX, int64(off))
		a.AddRR(W64, RAX, RCX)
	}
	if end := int64(disp) + int64(size); !c.provenInBounds(addr, im.Mem.Offset, end) {
		a.LeaRM(W64, RDX, Mem{Base: RAX, Disp: disp + size})
		a.CmpRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffMemLen})
		a.Jcc(CondA, c.trap(2 /* store.TrapMemoryOutOfBounds */))
	}
	ea := Mem{Base: regMem, Index: RAX, Scale: 1, Disp: disp}
	if store {
		w := [9]Width{1: W8, 2: W16, 4: W32, 8: W64}[size]
		if val.isX {
			if size == 4 {
				a.SseMR(MOVSS, ea, val.r)
			} else {
				a.SseMR(MOVSD, ea, val.r)
			}
		} else if val.isReg {
			a.MovMR(w, ea, val.r)
		} else {
			c.load(W64, RCX, val)
			a.MovMR(w, ea, RCX)
		}
		return nil
	}
	switch op {
	case wasm.OpF32Load:
		a.SseRM(MOVSS, dst, ea)
	case wasm.OpF64Load:
		a.SseRM(MOVSD, dst, ea)
	case wasm.OpI32Load, wasm.OpI64Load32U:
		a.MovRM(W32, dst, ea)
	case wasm.OpI64Load:
		a.MovRM(W64, dst, ea)
	case wasm.OpI32Load8S:
		a.MovsxRM(W32, W8, dst, ea)
	case wasm.OpI32Load8U, wasm.OpI64Load8U:
		a.MovzxRM(W32, W8, dst, ea)
	case wasm.OpI32Load16S:
		a.MovsxRM(W32, W16, dst, ea)
	case wasm.OpI32Load16U, wasm.OpI64Load16U:
		a.MovzxRM(W32, W16, dst, ea)
	case wasm.OpI64Load8S:
		a.MovsxRM(W64, W8, dst, ea)
	case wasm.OpI64Load16S:
		a.MovsxRM(W64, W16, dst, ea)
	case wasm.OpI64Load32S:
		a.MovsxdRM(dst, ea)
	default:
		return errUnsupported
	}
	switch t := info.Results[0]; {
	case inPlace > 0: // the local now holds the loaded value
		c.chkGen[inPlace-1] = 0
		c.PushLocal(inPlace - 1)
	case t == wasm.I32 || t == wasm.I64:
		c.pushReg(t, dst)
	default:
		c.pushX(t, dst)
	}
	return nil
}

// nextSetLocal returns the local the next instruction stores to when it
// is local.set or local.tee.
func (c *compiler) nextSetLocal() (uint32, bool) {
	n := c.Next
	if len(n) < 2 || n[0] != byte(wasm.OpLocalSet) && n[0] != byte(wasm.OpLocalTee) {
		return 0, false
	}
	r := binary.NewReader(n[1:], 0)
	v, err := r.ReadU32()
	return v, err == nil && int(v) < len(c.PinReg)
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

func width(t wasm.ValType) Width {
	if t == wasm.I32 || t == wasm.F32 {
		return W32
	}
	return W64
}

// native selects machine code for the common integer instructions.
func (c *compiler) native(op wasm.Op, info *wasm.OpInfo) bool {
	a := &c.a
	if info.Special || len(info.Results) != 1 {
		return false
	}
	if alu, ok := aluOps.get(op); ok {
		w := width(info.Params[0])
		y := c.popOperand()
		x := c.popOperand()
		if v, ok := y.imm32(w); ok && alu == AluAnd && !x.isConst {
			// A mask only tested: "x & k; eqz" is "test x, k" (ZF), and
			// a mask consumed at once as a condition (br_if, if, select)
			// is the same test, nonzero meaning true.
			eqz := w == W32 && c.nextIs(wasm.OpI32Eqz) || w == W64 && c.nextIs(wasm.OpI64Eqz)
			if eqz || w == W32 && (c.nextIs(wasm.OpBrIf) || c.nextIs(wasm.OpIf) || c.nextIs(wasm.OpSelect) || c.nextIs(wasm.OpSelectT)) {
				if x.isReg {
					a.TestRI(w, x.r, v)
				} else {
					a.TestMI(w, x.m, v)
				}
				if eqz {
					c.Skip = 1
					c.pushFlags(CondE)
				} else {
					c.pushFlags(CondNE)
				}
				return true
			}
		}
		if v, ok := y.imm32(w); ok && alu == AluAdd && x.pinned && !c.storesTo(x.loc) {
			// Pinned x + k into a temporary: one lea instead of mov, add.
			r := c.resultReg(x, y)
			a.LeaRM(w, r, Mem{Base: x.r, Disp: v})
			c.pushReg(info.Results[0], r)
			return true
		}
		r, inPlace := c.resultRegInPlace(x, y)
		c.load(w, r, x)
		switch v, ok := y.imm32(w); {
		case ok:
			a.AluRI(alu, w, r, v)
		case y.isConst:
			c.load(w, RCX, y)
			a.AluRR(alu, w, r, RCX)
		case y.isReg:
			a.AluRR(alu, w, r, y.r)
		default:
			a.AluRM(alu, w, r, y.m)
		}
		c.pushResult(info.Results[0], r, x, inPlace)
		return true
	}
	if sh, ok := shiftOps.get(op); ok {
		w := width(info.Params[0])
		y := c.popOperand()
		x := c.popOperand()
		r, inPlace := c.resultRegInPlace(x, y)
		c.load(w, r, x)
		if y.isConst {
			n := uint8(y.v & 31)
			if w == W64 {
				n = uint8(y.v & 63)
			}
			a.ShiftRI(sh, w, r, n)
		} else {
			c.load(W32, RCX, y)
			a.ShiftRCL(sh, w, r)
		}
		c.pushResult(info.Results[0], r, x, inPlace)
		return true
	}
	if cc, ok := cmpOps.get(op); ok {
		w := width(info.Params[0])
		y := c.popOperand()
		x := c.popOperand()
		xr := RCX
		if x.isReg {
			xr = x.r
		} else {
			c.load(w, RCX, x)
		}
		switch v, ok := y.imm32(w); {
		case ok:
			a.CmpRI(w, xr, v)
		case y.isConst:
			c.load(w, RDX, y)
			a.CmpRR(w, xr, RDX)
		case y.isReg:
			a.CmpRR(w, xr, y.r)
		default:
			a.CmpRM(w, xr, y.m)
		}
		c.pushFlags(cc)
		return true
	}
	if c.nativeFloat(op, info) || c.nativeDiv(op, info) || c.nativeBits(op, info) {
		return true
	}
	switch op {
	case wasm.OpI32Mul, wasm.OpI64Mul:
		w := width(info.Params[0])
		y := c.popOperand()
		x := c.popOperand()
		r := c.resultReg(x, y)
		if v, ok := y.imm32(w); ok && x.isReg {
			// x * 3, 5 or 9 (plus a constant added next) is one lea.
			if v == 3 || v == 5 || v == 9 {
				m := Mem{Base: x.r, Index: x.r, Scale: uint8(v - 1)}
				if k, n, ok := c.nextAddConst(w); ok {
					m.Disp = k
					c.Skip = n
				}
				a.LeaRM(w, r, m)
			} else {
				a.ImulRRI(w, r, x.r, v)
			}
			c.pushReg(info.Results[0], r)
			return true
		}
		c.load(w, r, x)
		switch v, ok := y.imm32(w); {
		case ok:
			a.ImulRRI(w, r, r, v)
		case y.isConst:
			c.load(w, RCX, y)
			a.ImulRR(w, r, RCX)
		case y.isReg:
			a.ImulRR(w, r, y.r)
		default:
			a.ImulRM(w, r, y.m)
		}
		c.pushReg(info.Results[0], r)
		return true
	case wasm.OpI32Eqz, wasm.OpI64Eqz:
		w := width(info.Params[0])
		switch x := c.popOperand(); {
		case x.isReg:
			a.TestRR(w, x.r, x.r)
		case x.isConst:
			c.load(w, RAX, x)
			a.TestRR(w, RAX, RAX)
		default:
			a.CmpMI(w, x.m, 0)
		}
		c.pushFlags(CondE)
		return true
	case wasm.OpI32WrapI64, wasm.OpI64ExtendI32S:
		x := c.popOperand()
		r := c.resultReg(x, operand{})
		wrap := op == wasm.OpI32WrapI64
		switch {
		case x.isConst && wrap:
			a.MovImm(W64, r, int64(uint32(x.v)))
		case x.isConst:
			a.MovImm(W64, r, int64(int32(x.v)))
		case x.isReg && wrap:
			a.MovRR(W32, r, x.r) // clears bits 32-63, also when r == x.r
		case x.isReg:
			a.MovsxdRR(r, x.r)
		case wrap:
			a.MovRM(W32, r, x.m)
		default:
			a.MovsxdRM(r, x.m)
		}
		c.pushReg(info.Results[0], r)
		return true
	case wasm.OpI64ExtendI32U, wasm.OpI32ReinterpretF32, wasm.OpF32ReinterpretI32, wasm.OpI64ReinterpretF64, wasm.OpF64ReinterpretI64:
		n := len(c.Stack) - 1
		if op == wasm.OpI64ExtendI32U {
			// An i32 in a register is zero-extended (every 32-bit
			// instruction clears bits 32-63): a temporary just changes
			// type, a pinned local is copied into one.
			switch k := c.Ref[n]; {
			case k == mach.KindReg:
				c.Stack[n] = wasm.I64
				return true
			case k >= 0 && c.PinReg[k] != NoReg:
				x := c.popOperand()
				r := c.allocReg(NoReg)
				a.MovRR(W32, r, x.r)
				c.pushReg(wasm.I64, r)
				return true
			}
		}
		if c.Ref[n] == mach.KindReg || c.Ref[n] == mach.KindXReg || c.Ref[n] >= 0 && c.PinReg[c.Ref[n]] != NoReg {
			c.materialize(n)
		}
		c.Stack[len(c.Stack)-1] = info.Results[0]
		return true
	}
	return false
}

// generic leaves op to Go: memory.grow and table.grow, which allocate.
func (c *compiler) generic(op wasm.Op, info *wasm.OpInfo, im *mach.Imm) error {
	var params, results []wasm.ValType
	switch {
	case op == wasm.OpMemoryGrow:
		params, results = info.Params, info.Results
	case op == wasm.OpTableGrow:
		params, results = []wasm.ValType{c.TableType(im.X), wasm.I32}, []wasm.ValType{wasm.I32}
	default:
		return errUnsupported
	}
	for range params {
		c.pop()
	}
	at := c.SP
	h := mach.Helper{Op: op, Slot: uint32(c.NLoc + at), N: uint32(mach.SlotsOf(params)), A: im.X, B: im.Y}
	c.helperCall(h)
	for _, t := range results {
		c.push(t)
	}
	return nil
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

// float comparisons: swap says the operands are compared as y op x;
// the condition applies to ucomis flags.
var fcmp = newOpTable(map[wasm.Op]struct {
	swap bool
	cc   Cond
}{
	wasm.OpF32Lt: {true, CondA}, wasm.OpF32Gt: {false, CondA}, wasm.OpF32Le: {true, CondAE}, wasm.OpF32Ge: {false, CondAE},
	wasm.OpF64Lt: {true, CondA}, wasm.OpF64Gt: {false, CondA}, wasm.OpF64Le: {true, CondAE}, wasm.OpF64Ge: {false, CondAE},
})

// nativeFloat selects SSE code for scalar float instructions.
func (c *compiler) nativeFloat(op wasm.Op, info *wasm.OpInfo) bool {
	a := &c.a
	single := len(info.Params) > 0 && info.Params[0] == wasm.F32
	mov, ucom := MOVSD, UCOMISD
	if single {
		mov, ucom = MOVSS, UCOMISS
	}
	if sse, ok := sseBin.get(op); ok {
		y := c.popOperand()
		x := c.popOperand()
		r := c.resultX(x, y)
		c.loadX(mov, r, x)
		c.applyX(sse, r, y)
		c.pushX(info.Results[0], r)
		return true
	}
	if mode, ok := roundModes.get(op); ok {
		x := c.popOperand()
		r := ROUNDSD
		if single {
			r = ROUNDSS
		}
		dst := c.resultX(x, operand{})
		c.loadX(mov, X1, x)
		a.SseRRI(r, dst, X1, mode)
		c.pushX(info.Results[0], dst)
		return true
	}
	if fc, ok := fcmp.get(op); ok {
		y := c.popOperand()
		x := c.popOperand()
		if fc.swap {
			x, y = y, x
		}
		c.loadX(mov, X0, x)
		c.applyX(ucom, X0, y)
		c.pushFlags(fc.cc)
		return true
	}
	switch op {
	case wasm.OpF32Eq, wasm.OpF64Eq, wasm.OpF32Ne, wasm.OpF64Ne:
		y := c.popOperand()
		x := c.popOperand()
		c.loadX(mov, X0, x)
		c.applyX(ucom, X0, y) // may use RAX for a constant: zero-extend after SETcc
		if op == wasm.OpF32Eq || op == wasm.OpF64Eq {
			a.SetccR(CondE, RAX)
			a.SetccR(CondNP, RCX)
		} else {
			a.SetccR(CondNE, RAX)
			a.SetccR(CondP, RCX)
		}
		a.MovzxRR(W32, W8, RAX, RAX)
		a.MovzxRR(W32, W8, RCX, RCX)
		if op == wasm.OpF32Eq || op == wasm.OpF64Eq {
			a.AndRR(W32, RAX, RCX)
		} else {
			a.OrRR(W32, RAX, RCX)
		}
		a.MovMR(W64, c.push(wasm.I32), RAX)
	case wasm.OpF32Sqrt, wasm.OpF64Sqrt:
		x := c.popOperand()
		sq := SQRTSD
		if single {
			sq = SQRTSS
		}
		dst := c.resultX(x, operand{})
		c.loadX(mov, X1, x)
		a.SseRR(sq, dst, X1)
		c.pushX(info.Results[0], dst)
	case wasm.OpF32Abs:
		_, x := c.pop()
		a.AndMI(W32, x, 0x7fffffff)
		c.push(wasm.F32)
	case wasm.OpF32Neg:
		_, x := c.pop()
		a.XorMI(W32, x, -0x80000000)
		c.push(wasm.F32)
	case wasm.OpF64Abs, wasm.OpF64Neg:
		_, x := c.pop()
		if op == wasm.OpF64Abs {
			a.MovImm(W64, RAX, math.MaxInt64)
			a.AndMR(W64, x, RAX)
		} else {
			a.MovImm(W64, RAX, math.MinInt64)
			a.XorMR(W64, x, RAX)
		}
		c.push(wasm.F64)
	case wasm.OpF32Copysign, wasm.OpF64Copysign:
		_, y := c.popRead()
		_, x := c.popRead()
		w := W64
		if single {
			w = W32
		}
		a.MovRM(w, RAX, x)
		a.MovRM(w, RCX, y)
		if single {
			a.AndRI(W32, RAX, 0x7fffffff)
			a.AndRI(W32, RCX, -0x80000000)
		} else {
			a.MovImm(W64, RDX, math.MaxInt64)
			a.AndRR(W64, RAX, RDX)
			a.NotR(W64, RDX)
			a.AndRR(W64, RCX, RDX)
		}
		a.OrRR(w, RAX, RCX)
		a.MovMR(W64, c.push(info.Results[0]), RAX)
	case wasm.OpF32ConvertI32S, wasm.OpF32ConvertI64S, wasm.OpF32ConvertI32U,
		wasm.OpF64ConvertI32S, wasm.OpF64ConvertI64S, wasm.OpF64ConvertI32U:
		x := c.popOperand()
		var cv SseOp
		switch op {
		case wasm.OpF32ConvertI32S:
			cv = CVTSI2SSL
		case wasm.OpF32ConvertI64S, wasm.OpF32ConvertI32U: // an unsigned i32 is a zero-extended slot
			cv = CVTSI2SSQ
		case wasm.OpF64ConvertI32S:
			cv = CVTSI2SDL
		default:
			cv = CVTSI2SDQ
		}
		dst := c.allocX()
		a.SseRR(XORPS, dst, dst) // no dependency on dst's old value
		switch {
		case x.isReg && (op == wasm.OpF32ConvertI32U || op == wasm.OpF64ConvertI32U):
			a.MovRR(W32, RCX, x.r) // zero-extended: the 64-bit conversion is exact
			a.SseRR(cv, dst, RCX)
		case x.isReg:
			a.SseRR(cv, dst, x.r)
		case x.isConst:
			c.load(W64, RCX, x)
			a.SseRR(cv, dst, RCX)
		default:
			a.SseRM(cv, dst, x.m)
		}
		c.pushX(info.Results[0], dst)
	case wasm.OpF64PromoteF32:
		_, x := c.popRead()
		a.SseRM(CVTSS2SD, X0, x)
		c.pushX0(wasm.F64)
	case wasm.OpF32DemoteF64:
		_, x := c.popRead()
		a.SseRM(CVTSD2SS, X0, x)
		c.pushX0(wasm.F32)
	default:
		return false
	}
	return true
}

// nativeDiv selects integer division with explicit traps.
func (c *compiler) nativeDiv(op wasm.Op, info *wasm.OpInfo) bool {
	a := &c.a
	var signed, rem bool
	switch op {
	case wasm.OpI32DivS, wasm.OpI64DivS:
		signed = true
	case wasm.OpI32RemS, wasm.OpI64RemS:
		signed, rem = true, true
	case wasm.OpI32DivU, wasm.OpI64DivU:
	case wasm.OpI32RemU, wasm.OpI64RemU:
		rem = true
	default:
		return false
	}
	w := width(info.Params[0])
	_, y := c.popRead()
	_, x := c.popRead()
	dst := c.push(info.Results[0])
	a.MovRM(w, RAX, x)
	a.MovRM(w, RCX, y)
	a.TestRR(w, RCX, RCX)
	a.Jcc(CondE, c.trap(store.TrapIntegerDivideByZero))
	done := a.NewLabel()
	if signed {
		normal := a.NewLabel()
		a.CmpRI(w, RCX, -1)
		a.Jcc(CondNE, normal)
		if rem {
			a.XorRR(W32, RDX, RDX)
			a.MovMR(W64, dst, RDX)
			a.Jmp(done)
		} else {
			if w == W32 {
				a.CmpRI(W32, RAX, -0x80000000)
			} else {
				a.MovImm(W64, RDX, math.MinInt64)
				a.CmpRR(W64, RAX, RDX)
			}
			a.Jcc(CondE, c.trap(store.TrapIntegerOverflow))
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
		a.MovMR(W64, dst, RDX)
	} else {
		a.MovMR(W64, dst, RAX)
	}
	a.Bind(done)
	return true
}

// nativeBits selects clz, ctz, popcnt and sign extensions.
func (c *compiler) nativeBits(op wasm.Op, info *wasm.OpInfo) bool {
	a := &c.a
	switch op {
	case wasm.OpI32Clz, wasm.OpI64Clz:
		w := width(info.Params[0])
		bitsN := int32(32)
		if w == W64 {
			bitsN = 64
		}
		_, x := c.popRead()
		nz := a.NewLabel()
		a.BsrRM(w, RAX, x)
		a.Jcc(CondNE, nz)
		a.MovRI(W32, RAX, -1)
		a.Bind(nz)
		a.MovRI(W32, RCX, bitsN-1)
		a.SubRR(W32, RCX, RAX)
		a.MovMR(W64, c.push(info.Results[0]), RCX)
	case wasm.OpI32Ctz, wasm.OpI64Ctz:
		w := width(info.Params[0])
		bitsN := int32(32)
		if w == W64 {
			bitsN = 64
		}
		_, x := c.popRead()
		nz := a.NewLabel()
		a.BsfRM(w, RAX, x)
		a.Jcc(CondNE, nz)
		a.MovRI(W32, RAX, bitsN)
		a.Bind(nz)
		a.MovMR(W64, c.push(info.Results[0]), RAX)
	case wasm.OpI32Popcnt, wasm.OpI64Popcnt:
		if !hasPOPCNT {
			return false
		}
		_, x := c.popRead()
		a.PopcntRM(width(info.Params[0]), RAX, x)
		a.MovMR(W64, c.push(info.Results[0]), RAX)
	case wasm.OpI32Extend8S, wasm.OpI32Extend16S, wasm.OpI64Extend8S, wasm.OpI64Extend16S:
		_, x := c.popRead()
		sw := W8
		if op == wasm.OpI32Extend16S || op == wasm.OpI64Extend16S {
			sw = W16
		}
		if info.Results[0] == wasm.I32 {
			a.MovsxRM(W32, sw, RAX, x)
		} else {
			a.MovsxRM(W64, sw, RAX, x)
		}
		a.MovMR(W64, c.push(info.Results[0]), RAX)
	case wasm.OpI64Extend32S:
		_, x := c.popRead()
		a.MovsxdRM(RAX, x)
		a.MovMR(W64, c.push(wasm.I64), RAX)
	default:
		return false
	}
	return true
}

// storeX stores the float of type t in XMM register x to slot or local
// m; an f32 slot is written whole so that its upper half is zero.
func (c *compiler) storeX(t wasm.ValType, m Mem, x Reg) {
	if t == wasm.V128 {
		c.a.SseMR(MOVDQU, m, x)
		return
	}
	if t == wasm.F32 {
		c.a.SseRR(MOVDR, RAX, x)
		c.a.MovMR(W64, m, RAX)
		return
	}
	c.a.SseMR(MOVSD, m, x)
}

// popCond pops an i32 condition and returns the flags condition under
// which it is true (fusing a preceding comparison).
func (c *compiler) popCond() Cond {
	n := len(c.Ref) - 1
	if c.Ref[n] == mach.KindFlags {
		cc := Cond(c.Val[n])
		c.Ref[n] = mach.KindSlot
		c.popRead()
		return cc
	}
	if x := c.Ref[n]; c.Ref[n] == mach.KindReg || x >= 0 && c.PinReg[x] != NoReg {
		o := c.popOperand()
		c.a.TestRR(W32, o.r, o.r)
		return CondNE
	}
	_, m := c.popRead()
	c.a.CmpMI(W32, m, 0)
	return CondNE
}

// resultReg picks the register for the result of x op y: x's register
// when it has one, else a free register other than y's.
func (c *compiler) resultReg(x, y operand) Reg {
	if x.isReg && !x.pinned && !(y.isReg && y.r == x.r) {
		c.Busy[x.r] = true
		return x.r
	}
	avoid := NoReg
	if y.isReg {
		avoid = y.r
	}
	return c.allocReg(avoid)
}

// bulkMem compiles memory.copy and memory.fill natively with REP MOVSB /
// REP STOSB. Both bounds are checked before any byte moves (a zero length
// still traps when an address is past the end); an overlapping copy to a
// higher address runs backwards with the direction flag set, cleared again
// before anything else runs.
func (c *compiler) bulkMem(op wasm.Op) {
	a := &c.a
	md, mv, _, done := c.bulkEntry(op, 0, 0)
	memLen := Mem{Base: regVM, Disp: mach.OffMemLen}
	oob := c.trap(2 /* store.TrapMemoryOutOfBounds */)
	a.MovRM(W32, RDI, md)
	a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
	a.CmpRM(W64, RAX, memLen)
	a.Jcc(CondA, oob)
	if op == wasm.OpMemoryFill {
		a.MovRM(W32, RAX, mv)
		a.AddRR(W64, RDI, regMem)
		a.Bytes([]byte{0xf3, 0xaa}) // rep stosb
		a.Bind(done)
		return
	}
	a.MovRM(W32, RSI, mv)
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
	a.Bind(done)
}

// bulkEntry starts a bulk memory, table or segment operation (dst, value
// or source, length on the stack): it pops the operands and emits the
// choice between the native code that follows, which handles lengths up
// to store.BulkChunk with RCX holding the length, and an exit to Go for
// longer ones, which checks the bounds and moves the data in chunks with
// an interruption check between two of them (so a deadline stops even a
// 4 GiB fill). The caller binds done after its native code.
func (c *compiler) bulkEntry(op wasm.Op, x, y uint32) (md, mv, mn Mem, done Label) {
	a := &c.a
	c.materializeAll() // frees RSI, RDI and every cached register
	_, mn = c.popRead()
	_, mv = c.popRead()
	_, md = c.popRead()
	at := c.SP
	fast := a.NewLabel()
	done = a.NewLabel()
	a.MovRM(W32, RCX, mn)
	a.CmpRI(W32, RCX, store.BulkChunk)
	a.Jcc(CondBE, fast)
	// The operands may be locals' slots: the helper reads them from the
	// operand slots.
	for i, m := range [3]Mem{md, mv, mn} {
		a.MovRM(W64, RAX, m)
		a.MovMR(W64, c.slot(at+i), RAX)
	}
	c.helperCall(mach.Helper{Op: op, Slot: uint32(c.NLoc + at), N: 3, A: x, B: y})
	a.Jmp(done)
	a.Bind(fast)
	return md, mv, mn, done
}

// const16 returns the label of 16-byte constant v in the function's
// constant pool, placed 16-byte aligned after the code (functions start
// 16-byte aligned).
func (c *compiler) const16(v [16]byte) Label {
	if l, ok := c.consts[v]; ok {
		return l
	}
	if c.consts == nil {
		c.consts = map[[16]byte]Label{}
	}
	l := c.a.NewLabel()
	c.consts[v] = l
	c.pool = append(c.pool, v)
	return l
}

// lowered compiles op with the instruction selectors of lower.go when
// they handle it: the operands are loaded from their slots into fixed
// registers and the result is stored to its slot.
func (c *compiler) lowered(op wasm.Op, info *wasm.OpInfo, im *mach.Imm) bool {
	mem := op >= 0x300 && (info.Imm == wasm.ImmMemArg || info.Imm == wasm.ImmMemArgLane)
	switch {
	case mem:
		if !lowersSIMDMem(op) {
			return false
		}
	case op >= 0x300:
		if !lowersSIMD(op) {
			return false
		}
	default:
		if !lowersScalar(op) {
			return false
		}
	}
	a := &c.a
	params := info.Params
	if mem {
		params = params[1:] // the address
	}
	// The operands stay where they are when already in registers (the
	// selectors never write their argument registers, except dst ==
	// args[0]); the others are loaded into fresh temporaries. Every
	// register involved stays busy until the instruction is emitted, so
	// no allocation hands it out twice, and all allocation happens before
	// RAX holds the address (a spill may use RAX).
	var ops [3]operand
	var argBuf [3]Reg
	args := argBuf[:len(params)]
	for i := len(params) - 1; i >= 0; i-- {
		ops[i] = c.popOperand()
	}
	var addr operand
	if mem {
		addr = c.popOperand()
	}
	hold := func(o operand) {
		if (o.isReg || o.isX) && !o.pinned {
			c.Busy[o.r] = true
		}
	}
	for _, o := range ops[:len(params)] {
		hold(o)
	}
	hold(addr)
	var dying [3]bool // args[i] is a temporary whose value dies here
	for i, t := range params {
		o := ops[i]
		dying[i] = !o.pinned
		switch {
		case o.isReg || o.isX:
			args[i] = o.r
		case t == wasm.I32 || t == wasm.I64:
			args[i] = c.allocReg(NoReg)
			c.load(W64, args[i], o)
		default:
			args[i] = c.allocX()
			switch t {
			case wasm.V128:
				a.SseRM(MOVDQU, args[i], o.m)
			case wasm.F32:
				c.loadX(MOVSS, args[i], o)
			default:
				c.loadX(MOVSD, args[i], o)
			}
		}
	}
	dst := NoReg
	var rt wasm.ValType
	if len(info.Results) == 1 {
		rt = info.Results[0]
		intResult := rt == wasm.I32 || rt == wasm.I64
		switch {
		case len(args) > 0 && args[0].IsXMM() != intResult && dying[0] && (len(args) < 2 || args[1] != args[0]) && (len(args) < 3 || args[2] != args[0]):
			dst = args[0] // a temporary that dies here
		case intResult:
			dst = c.allocReg(NoReg)
		default:
			dst = c.allocX()
		}
	}
	l := &lowerCtx{a: a, trap: c.trap, const16: c.const16}
	if mem {
		c.load(W32, RAX, addr)
		disp := int32(0)
		if off := im.Mem.Offset; off < 1<<30 {
			disp = int32(off)
		} else {
			a.MovImm(W64, RCX, int64(off))
			a.AddRR(W64, RAX, RCX)
		}
		a.LeaRM(W64, RDX, Mem{Base: RAX, Disp: disp + simdAccessSize(op)})
		a.CmpRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffMemLen})
		a.Jcc(CondA, c.trap(store.TrapMemoryOutOfBounds))
		lowerSIMDMem(l, op, im.Lane, Mem{Base: regMem, Index: RAX, Scale: 1, Disp: disp}, dst, args)
	} else if op >= 0x300 {
		imm := im.V128
		lowerSIMD(l, op, im.Lane, &imm, dst, args)
	} else {
		lowerScalar(l, op, dst, args)
	}
	// The operands' registers are free again (loaded ones included),
	// except the one that holds the result.
	for i := range params {
		if r := args[i]; r != dst && !ops[i].pinned {
			c.Busy[r] = false
		}
	}
	if (addr.isReg || addr.isX) && !addr.pinned {
		c.Busy[addr.r] = false
	}
	switch {
	case dst == NoReg:
	case rt == wasm.I32 || rt == wasm.I64:
		c.pushReg(rt, dst)
	default:
		c.pushX(rt, dst)
	}
	return true
}

// Pinned locals. The most used locals (uses weighted by loop depth) live
// in registers for the whole function: the integer ones in pinnedInt, the
// float ones in pinnedX. Their values never need reconciling at block
// joins; their slots are written only around calls and exits to Go
// (savePinned), which clobber every register but the fixed ones, and read
// back after (reloadPinned). Registers not used for pinning remain
// temporaries. R14 (Go's g) is free in compiled code: Go reloads R14
// after calling the ABI0 trampolines that enter compiled code.
var (
	pinnedInt = [...]Reg{R9, R10, R11, R14, R8}
	pinnedX   = [...]Reg{X10, X11, X12, X13, X14}
)

// savePinned stores the pinned locals the body writes to their slots
// (the others' slots are always up to date).
func (c *compiler) savePinned() {
	for _, x := range c.Pinned {
		if !c.Written[x] {
			continue
		}
		if r := c.PinReg[x]; r.IsXMM() {
			c.a.SseMR(MOVSD, c.local(x), r)
		} else {
			c.a.MovMR(W64, c.local(x), r)
		}
	}
}

// reloadPinned loads every pinned local from its slot.
func (c *compiler) reloadPinned() {
	for _, x := range c.Pinned {
		if r := c.PinReg[x]; r.IsXMM() {
			c.a.SseRM(MOVSD, r, c.local(x))
		} else {
			c.a.MovRM(W64, r, c.local(x))
		}
	}
}

// setPinned pops the top value into pinned local x's register.
func (c *compiler) setPinned(x uint32) {
	a := &c.a
	n := len(c.Ref) - 1
	if c.Ref[n] == int(x) { // local.set x (local.get x), or a result computed in place
		c.Drop()
		return
	}
	t := c.FI.Locals[x]
	pr := c.PinReg[x]
	o := c.popOperand()
	c.materializeLocal(x)
	c.chkGen[x] = 0 // the bounds it was checked for no longer hold
	switch {
	case pr.IsXMM():
		switch {
		case o.isX:
			a.SseRR(MOVAPS, pr, o.r)
		case o.isConst || o.isReg:
			c.loadX(MOVSD, pr, o)
		case t == wasm.F32:
			a.SseRM(MOVSS, pr, o.m)
		default:
			a.SseRM(MOVSD, pr, o.m)
		}
	case o.isConst:
		a.MovImm(W64, pr, int64(o.v))
	case o.isReg:
		a.MovRR(W64, pr, o.r)
	case t == wasm.I32:
		a.MovRM(W32, pr, o.m)
	default:
		a.MovRM(W64, pr, o.m)
	}
}

// selectReg compiles select of two integers with CMOV, or of two floats
// with a branch, into a register, reporting false for other types.
// Nothing between the condition's test and its use changes the flags
// (register allocation spills with MOV).
func (c *compiler) selectReg() bool {
	n := len(c.Stack) - 1
	t := c.Stack[n-1]
	switch t {
	case wasm.I32, wasm.I64:
		w := width(t)
		cc := c.popCond()
		y := c.popOperand()
		x := c.popOperand()
		r := c.resultReg(x, y)
		c.load(w, r, x)
		switch {
		case y.isReg:
			c.a.CmovccRR(cc.Invert(), w, r, y.r)
		case y.isConst:
			c.a.MovImm(W64, RCX, int64(y.v))
			c.a.CmovccRR(cc.Invert(), w, r, RCX)
		default:
			c.a.CmovccRM(cc.Invert(), w, r, y.m)
		}
		c.pushReg(t, r)
		return true
	case wasm.F32, wasm.F64:
		mov := MOVSD
		if t == wasm.F32 {
			mov = MOVSS
		}
		cc := c.popCond()
		y := c.popOperand()
		x := c.popOperand()
		if y.isX && !y.pinned {
			c.Busy[y.r] = true // not the result register: it is read last
		}
		r := c.allocX()
		if y.isX && !y.pinned {
			c.Busy[y.r] = false
		}
		c.loadX(mov, r, x)
		skip := c.a.NewLabel()
		c.a.Jcc(cc, skip)
		c.loadX(mov, r, y)
		c.a.Bind(skip)
		c.pushX(t, r)
		return true
	}
	return false
}

// returnFast returns a function's single result held in a register or a
// constant by storing it straight to the result slot, reporting false
// (emitting nothing) for any other shape.
func (c *compiler) returnFast() bool {
	if len(c.Ctrls[0].Results) != 1 {
		return false
	}
	n := len(c.Stack) - 1
	t := c.Stack[n]
	dst := Mem{Base: regFB}
	switch k := c.Ref[n]; {
	case t == wasm.V128:
		return false
	case k == mach.KindReg:
		c.a.MovMR(W64, dst, Reg(c.Val[n]))
	case k == mach.KindXReg:
		c.storeX(t, dst, Reg(c.Val[n]))
	case k >= 0 && c.PinReg[k] != NoReg:
		if r := c.PinReg[k]; r.IsXMM() {
			c.storeX(t, dst, r)
		} else {
			c.a.MovMR(W64, dst, r)
		}
	case k == mach.KindConst:
		c.a.MovImm(W64, RAX, int64(c.Val[n]))
		c.a.MovMR(W64, dst, RAX)
	default:
		return false
	}
	c.a.Ret()
	return true
}

// tableOp compiles table.get, table.set and table.size of table x: the
// element slice of the store.Table is read through the VM context's
// table array (table.grow, in Go, may have replaced it), bounds-checked
// against its length.
func (c *compiler) tableOp(op wasm.Op, x uint32) {
	a := &c.a
	var val Mem
	if op == wasm.OpTableSet {
		_, val = c.pop()
	}
	var ix Mem
	if op != wasm.OpTableSize {
		_, ix = c.pop()
		a.MovRM(W32, RCX, ix)
	}
	a.MovRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffTables})
	a.MovRM(W64, RAX, Mem{Base: RAX, Disp: int32(8 * x)})
	if op == wasm.OpTableSize {
		a.MovRM(W64, RAX, Mem{Base: RAX, Disp: elemsOff + 8})
		a.MovMR(W64, c.push(wasm.I32), RAX)
		return
	}
	a.CmpRM(W64, RCX, Mem{Base: RAX, Disp: elemsOff + 8})
	a.Jcc(CondAE, c.trap(store.TrapTableOutOfBounds))
	a.MovRM(W64, RAX, Mem{Base: RAX, Disp: elemsOff})
	elem := Mem{Base: RAX, Index: RCX, Scale: 8}
	if op == wasm.OpTableGet {
		a.MovRM(W64, RDX, elem)
		a.MovMR(W64, c.push(c.TableType(x)), RDX)
		return
	}
	a.MovRM(W64, RDX, val)
	a.MovMR(W64, elem, RDX)
}

// resultRegInPlace is resultReg, except that when x is a pinned local
// the next instruction stores the result to (local.set or local.tee of
// the same local), the result is computed in the local's register: the
// entries still referring to the local's old value are stored first.
func (c *compiler) resultRegInPlace(x, y operand) (Reg, bool) {
	if !x.pinned || !c.storesTo(x.loc) {
		return c.resultReg(x, y), false
	}
	c.materializeLocal(x.loc)
	c.chkGen[x.loc] = 0
	return x.r, true
}

// storesTo reports whether the next instruction is local.set or
// local.tee of local x.
func (c *compiler) storesTo(x uint32) bool {
	y, ok := c.nextSetLocal()
	return ok && y == x
}

// nextIs reports whether the next instruction is the one-byte op.
func (c *compiler) nextIs(op wasm.Op) bool {
	return len(c.Next) > 0 && c.Next[0] == byte(op)
}

// nextAddConst recognises "iN.const k; iN.add" of width w as the next two
// instructions: it returns k (as a 32-bit displacement, which for W32
// wraps like the addition) and their length in bytes.
func (c *compiler) nextAddConst(w Width) (int32, int, bool) {
	n := c.Next
	constOp, addOp := byte(wasm.OpI64Const), byte(wasm.OpI64Add)
	if w == W32 {
		constOp, addOp = byte(wasm.OpI32Const), byte(wasm.OpI32Add)
	}
	if len(n) < 3 || n[0] != constOp {
		return 0, 0, false
	}
	r := binary.NewReader(n[1:], 0)
	k, err := r.ReadS64()
	if err != nil || r.Pos() >= len(n)-1 || n[1+r.Pos()] != addOp {
		return 0, 0, false
	}
	if w == W64 && k != int64(int32(k)) {
		return 0, 0, false
	}
	return int32(k), 1 + r.Pos() + 1, true
}

// pushResult pushes the result of an instruction: register r, or the
// local x it was computed in place.
func (c *compiler) pushResult(t wasm.ValType, r Reg, x operand, inPlace bool) {
	if inPlace {
		c.PushLocal(x.loc)
		return
	}
	c.pushReg(t, r)
}

// provenInBounds reports whether an access [addr + end) needs no bounds
// check because an earlier check in the same straight-line region proved
// [addr + end') with end' >= end for the same pinned local addr; when it
// does need one (the caller emits it), the check is recorded.
func (c *compiler) provenInBounds(addr operand, offset uint64, end int64) bool {
	if !addr.pinned || offset >= 1<<30 {
		return false
	}
	x := addr.loc
	if c.chkGen[x] == c.gen && c.chkEnd[x] >= end {
		return true
	}
	if c.chkGen[x] != c.gen || c.chkEnd[x] < end {
		c.chkGen[x], c.chkEnd[x] = c.gen, end
	}
	return false
}

// bulkSegment compiles memory.init (data segment x), table.init (element
// segment x into table y), table.copy (table y to table x) and table.fill
// (table x) with REP MOVS/STOS after checking every bound (a zero length
// still traps when an index is past the end). Segment slice headers are
// read in place through the VM context (a dropped segment has length 0);
// table elements and segments are []uint64 (no pointers for the collector
// to see written).
func (c *compiler) bulkSegment(op wasm.Op, x, y uint32) {
	a := &c.a
	md, mv, _, done := c.bulkEntry(op, x, y)
	defer a.Bind(done)
	tables := Mem{Base: regVM, Disp: mach.OffTables}
	a.MovRM(W32, RDI, md)
	switch op {
	case wasm.OpMemoryInit:
		oob := c.trap(store.TrapMemoryOutOfBounds)
		a.MovRM(W32, RSI, mv)
		seg := Mem{Base: RDX, Disp: int32(24 * x)}
		a.MovRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffDatas})
		a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: seg.Disp + 8})
		a.Jcc(CondA, oob)
		a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: regVM, Disp: mach.OffMemLen})
		a.Jcc(CondA, oob)
		a.AddRM(W64, RSI, seg)
		a.AddRR(W64, RDI, regMem)
		a.Bytes([]byte{0xf3, 0xa4}) // rep movsb
	case wasm.OpTableFill:
		oob := c.trap(store.TrapTableOutOfBounds)
		a.MovRM(W64, RAX, mv)
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: int32(8 * x)})
		a.LeaRM(W64, RSI, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RSI, Mem{Base: RDX, Disp: elemsOff + 8})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: elemsOff})
		a.LeaRM(W64, RDI, Mem{Base: RDX, Index: RDI, Scale: 8})
		a.Bytes([]byte{0xf3, 0x48, 0xab}) // rep stosq
	case wasm.OpTableInit:
		oob := c.trap(store.TrapTableOutOfBounds)
		a.MovRM(W32, RSI, mv)
		a.MovRM(W64, RDX, Mem{Base: regVM, Disp: mach.OffElems})
		a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: int32(24*x) + 8})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: int32(24 * x)})
		a.LeaRM(W64, RSI, Mem{Base: RDX, Index: RSI, Scale: 8})
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: int32(8 * y)})
		a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: elemsOff + 8})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: elemsOff})
		a.LeaRM(W64, RDI, Mem{Base: RDX, Index: RDI, Scale: 8})
		a.Bytes([]byte{0xf3, 0x48, 0xa5}) // rep movsq
	case wasm.OpTableCopy: // table y to table x, overlapping like memmove
		oob := c.trap(store.TrapTableOutOfBounds)
		a.MovRM(W32, RSI, mv)
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: int32(8 * y)})
		a.LeaRM(W64, RAX, Mem{Base: RSI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: elemsOff + 8})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: elemsOff})
		a.LeaRM(W64, RSI, Mem{Base: RDX, Index: RSI, Scale: 8})
		a.MovRM(W64, RDX, tables)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: int32(8 * x)})
		a.LeaRM(W64, RAX, Mem{Base: RDI, Index: RCX, Scale: 1})
		a.CmpRM(W64, RAX, Mem{Base: RDX, Disp: elemsOff + 8})
		a.Jcc(CondA, oob)
		a.MovRM(W64, RDX, Mem{Base: RDX, Disp: elemsOff})
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
