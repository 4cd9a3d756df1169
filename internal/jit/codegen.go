package jit

import (
	"errors"
	"fmt"
	"slices"

	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// codegen is the single-pass compiler: it walks each validated body once
// (Frame.Body) and compiles every instruction with machine M. It owns the
// operand stack and its typed locations, register allocation and
// spilling, pinned locals, control frames with their branch moves and the
// canonical state at joins, br_table stub sharing, the bounds-check cache,
// fusions over the decoded instructions that follow, the interruption
// budget and the exits to Go; M selects and encodes the instructions.
//
// The canonical state, which every block boundary, branch, call and exit
// to Go brings the operand stack to, is every entry in its slot; pinned
// locals stay in their registers across joins (their slots are written
// around calls and exits only).
type codegen[M mach.Machine] struct {
	Frame
	m    M
	rf   *mach.RegFile
	fuel bool // the engine meters fuel, which counts every call
	out  *mach.Code
	idx  int // the defined function being compiled
	cold []func()
	err  error // the first internal error; compilation fails with it

	brLabels, brStubLabels []mach.Label // br_table: buffers reused
	brStubs                []uint32
	zero                   []mach.Slot // prologue: the slots to zero

	// Bounds checks already made in the current straight-line region:
	// an access [x + end) with x a pinned local is in bounds when
	// chkGen[x] == gen and end <= chkEnd[x] (memory never shrinks, so
	// only a write to x or a control-flow merge, which bumps gen, ends
	// what a check proved).
	chkEnd []int64
	chkGen []uint32
	gen    uint32
}

// newCodegen returns a compiler for machine m, reused by one worker.
func newCodegen[M mach.Machine](m M, fuel bool) *codegen[M] {
	return &codegen[M]{m: m, rf: m.RegFile(), fuel: fuel}
}

// errNoRegister is the internal error of an allocation that finds every
// register taken by values that cannot move; the register files are sized
// so that it cannot happen.
var errNoRegister = errors.New("jit: internal error: no free register")

// errUnsupported reports an instruction the compiler does not handle.
var errUnsupported = errors.New("unsupported instruction")

// frameExtra is the number of slots a frame reserves beyond its locals
// and operand stack.
const frameExtra = 4

func (c *codegen[M]) slot(off int) mach.Slot   { return mach.Slot(c.NLoc + off) }
func (c *codegen[M]) local(i uint32) mach.Slot { return mach.Slot(c.LocalOf[i]) }

func (c *codegen[M]) push(t wasm.ValType) mach.Slot { return c.slot(c.Push(t)) }

// CompileFunc compiles defined function idx of m; a function whose
// branches cannot reach their targets is compiled again with long
// branches.
func (c *codegen[M]) CompileFunc(m *wasm.Module, fi *validate.FuncInfo, idx int, types []uint32, globals []wasm.ValType) (*mach.Code, error) {
	code, err := c.compileFunc(m, fi, idx, types, globals)
	if errors.Is(err, mach.ErrBranchRange) {
		c.m.LongBranches(true)
		code, err = c.compileFunc(m, fi, idx, types, globals)
		c.m.LongBranches(false)
	}
	return code, err
}

func (c *codegen[M]) compileFunc(m *wasm.Module, fi *validate.FuncInfo, idx int, types []uint32, globals []wasm.ValType) (*mach.Code, error) {
	c.Reset(m, fi, types, globals)
	c.m.Reset()
	c.cold = c.cold[:0]
	c.err = nil
	c.out, c.idx = &mach.Code{}, idx
	if cap(c.chkGen) < len(fi.Locals) {
		c.chkEnd, c.chkGen = make([]int64, len(fi.Locals)), make([]uint32, len(fi.Locals))
	}
	c.chkEnd, c.chkGen = c.chkEnd[:len(fi.Locals)], c.chkGen[:len(fi.Locals)]
	c.gen++
	ft := m.Types[fi.TypeIndex]
	mc := c.m
	body := m.Code[idx].Body
	c.ChoosePins(c.rf.PinInt, c.rf.PinFloat)
	// Prologue: stack checks, zeroed locals, budget.
	mc.Prologue()
	stackTrap := mc.Trap(store.TrapCallStackExhausted)
	mc.StackCheck(stackTrap)
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
		sizeSite = mc.FrameCheck(stackTrap)
	}
	// Locals start zero: in their slots, or in their registers when
	// pinned (the slot of a pinned local the body writes is stored before
	// it is ever read back, see savePinned).
	c.zero = c.zero[:0]
	for i := len(ft.Params); i < len(fi.Locals); i++ {
		if c.PinReg[i] != mach.NoReg && c.Written[i] {
			continue
		}
		for k := 0; k < fi.Locals[i].Slots(); k++ {
			c.zero = append(c.zero, mach.Slot(c.LocalOf[i]+k))
		}
	}
	mc.ZeroSlots(c.zero)
	for _, x := range c.Pinned {
		if r := c.PinReg[x]; int(x) < len(ft.Params) {
			mc.ReloadPinned(r, c.local(x))
		} else {
			mc.ZeroReg(r)
		}
	}
	// The interruption check at entry bounds recursion; a function without
	// calls cannot recurse and its loops check at their headers, so it
	// needs none unless fuel counts calls.
	if fi.HasCalls || c.fuel {
		c.budget()
	}
	c.Ctrls = append(c.Ctrls, Ctrl{Op: 0, Results: ft.Results, Label: mc.NewLabel()})
	if err := c.Body(body, m.Code[idx].Offset, c); err != nil {
		return nil, err
	}
	for _, f := range c.cold {
		f()
	}
	mc.EmitTrapStubs()
	mc.EmitConstPool()
	if c.err != nil {
		return nil, c.err
	}
	frame := 8 * (c.NLoc + c.MaxSP + frameExtra)
	if small && frame > mach.SmallFrame {
		return nil, fmt.Errorf("jit: frame of %d bytes exceeds the validator's bound", frame)
	}
	if !small {
		mc.PatchFrameSize(sizeSite, int32(frame))
	}
	code, relocs, err := mc.Finalize()
	if err != nil {
		return nil, err
	}
	c.out.Bytes = append([]byte(nil), code...)
	c.out.Relocs = append([]mach.Reloc(nil), relocs...)
	return c.out, nil
}

// Registers.

// isInt and isFloat report whether o is in a register of that class.
func (c *codegen[M]) isInt(o mach.Operand) bool {
	return o.Kind == mach.InReg && !c.rf.IsFloat[o.Reg]
}

func (c *codegen[M]) isFloat(o mach.Operand) bool {
	return o.Kind == mach.InReg && c.rf.IsFloat[o.Reg]
}

// allocInt returns a free integer register other than avoid, storing the
// oldest register-held integer entry to its slot when none is free.
func (c *codegen[M]) allocInt(avoid mach.Reg) mach.Reg {
	for _, r := range c.rf.Int {
		if !c.Busy[r] && r != avoid {
			c.Busy[r] = true
			return r
		}
	}
	for i := range c.Stack {
		if e := &c.Stack[i]; e.Kind == KindReg && !c.rf.IsFloat[e.V] && mach.Reg(e.V) != avoid {
			r := mach.Reg(e.V)
			c.materialize(i)
			c.Busy[r] = true
			return r
		}
	}
	c.fail(errNoRegister)
	return c.rf.Int[0]
}

// allocFloat returns a free float register, storing the oldest
// register-held float entry to its slot when none is free.
func (c *codegen[M]) allocFloat() mach.Reg {
	for _, r := range c.rf.Float {
		if !c.Busy[r] {
			c.Busy[r] = true
			return r
		}
	}
	for i := range c.Stack {
		if e := &c.Stack[i]; e.Kind == KindReg && c.rf.IsFloat[e.V] {
			r := mach.Reg(e.V)
			c.materialize(i)
			c.Busy[r] = true
			return r
		}
	}
	c.fail(errNoRegister)
	return c.rf.Float[0]
}

// fail records the first internal error.
func (c *codegen[M]) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

// resultReg picks the integer register for the result of x op y: x's
// register when it is a temporary, else a free register other than y's.
func (c *codegen[M]) resultReg(x, y mach.Operand) mach.Reg {
	if c.isInt(x) && !x.Pinned && !(c.isInt(y) && y.Reg == x.Reg) {
		c.Busy[x.Reg] = true
		return x.Reg
	}
	avoid := mach.NoReg
	if c.isInt(y) {
		avoid = y.Reg
	}
	return c.allocInt(avoid)
}

// resultFloat picks the float register for the result of x op y: x's
// register when it is a temporary, else a free one other than y's.
func (c *codegen[M]) resultFloat(x, y mach.Operand) mach.Reg {
	if c.isFloat(x) && !x.Pinned && !(c.isFloat(y) && y.Reg == x.Reg) {
		c.Busy[x.Reg] = true
		return x.Reg
	}
	keep := c.isFloat(y) && !y.Pinned
	if keep {
		c.Busy[y.Reg] = true
	}
	r := c.allocFloat()
	if keep {
		c.Busy[y.Reg] = false
	}
	return r
}

// resultRegInPlace is resultReg, except that when x is a pinned local
// the next instruction stores the result to (local.set or local.tee of
// the same local), the result is computed in the local's register: the
// entries still referring to the local's old value are stored first.
func (c *codegen[M]) resultRegInPlace(x, y mach.Operand) (mach.Reg, bool) {
	if !x.Pinned || !c.storesTo(x.Local) {
		return c.resultReg(x, y), false
	}
	c.materializeLocal(x.Local)
	c.chkGen[x.Local] = 0
	return x.Reg, true
}

// pushReg pushes a value held in register r (allocated).
func (c *codegen[M]) pushReg(t wasm.ValType, r mach.Reg) { c.PushKind(t, KindReg, uint64(r)) }

// pushScratchFloat pushes the float in the machine's scratch float
// register, kept in a float register.
func (c *codegen[M]) pushScratchFloat(t wasm.ValType) {
	r := c.allocFloat()
	c.m.MoveReg(r, c.rf.ScratchFloat)
	c.pushReg(t, r)
}

// pushConst pushes a constant: no code until it is needed.
func (c *codegen[M]) pushConst(t wasm.ValType, v uint64) { c.PushKind(t, KindConst, v) }

// pushFlags pushes an i32 that is 1 when condition cc holds.
func (c *codegen[M]) pushFlags(cc mach.Cond) { c.PushKind(wasm.I32, KindFlags, uint64(cc)) }

// pushResult pushes the result of an instruction: register r, or the
// local x it was computed in place.
func (c *codegen[M]) pushResult(t wasm.ValType, r mach.Reg, x mach.Operand, inPlace bool) {
	if inPlace {
		c.PushLocal(x.Local)
		return
	}
	c.pushReg(t, r)
}

// The operand stack.

// popOperand pops the top entry without materialising a constant.
func (c *codegen[M]) popOperand() mach.Operand {
	n := len(c.Stack) - 1
	e := &c.Stack[n]
	switch {
	case e.Kind == KindConst:
		v := e.V
		e.Kind = KindSlot
		c.popRead()
		return mach.Operand{Kind: mach.IsConst, Val: v}
	case e.Kind == KindReg:
		r := mach.Reg(e.V)
		e.Kind = KindSlot
		c.Busy[r] = false
		c.popRead()
		return mach.Operand{Kind: mach.InReg, Reg: r}
	case e.Kind == KindLocal && c.PinReg[e.V] != mach.NoReg:
		x := uint32(e.V)
		e.Kind = KindSlot
		c.popRead()
		return mach.Operand{Kind: mach.InReg, Reg: c.PinReg[x], Pinned: true, Local: x}
	}
	_, s := c.popRead()
	return mach.Operand{Slot: s}
}

// pop pops the top entry, first copying it into its slot.
func (c *codegen[M]) pop() (wasm.ValType, mach.Slot) {
	c.materialize(len(c.Stack) - 1)
	return c.popRead()
}

// popRead pops the top entry and returns where it can be read: its slot
// or, for a reference to a local not in a register, the local's slot.
func (c *codegen[M]) popRead() (wasm.ValType, mach.Slot) {
	n := len(c.Stack) - 1
	if k := c.Stack[n].Kind; k == KindConst || k == KindFlags || k == KindReg || c.IsPinned(n) {
		c.materialize(n)
	}
	e := c.Drop()
	if e.Kind == KindLocal {
		return e.T, c.local(uint32(e.V))
	}
	return e.T, c.slot(e.Off)
}

// materialize copies entry i into its slot.
func (c *codegen[M]) materialize(i int) {
	e := &c.Stack[i]
	dst := c.slot(e.Off)
	switch e.Kind {
	case KindSlot:
		return
	case KindConst:
		c.m.StoreConst(dst, e.V)
	case KindReg:
		c.Busy[e.V] = false
		c.m.StoreReg(e.T, dst, mach.Reg(e.V))
	case KindFlags:
		c.m.StoreFlags(dst, mach.Cond(e.V))
	case KindLocal:
		if pr := c.PinReg[e.V]; pr != mach.NoReg {
			c.m.StoreReg(e.T, dst, pr)
		} else {
			src := c.local(uint32(e.V))
			for k := 0; k < e.T.Slots(); k++ {
				c.m.CopySlot(dst+mach.Slot(k), src+mach.Slot(k))
			}
		}
	}
	e.Kind = KindSlot
}

// materializeAll brings the stack to its canonical shape (every value in
// its slot), as block boundaries and branches require.
func (c *codegen[M]) materializeAll() {
	for i := range c.Stack {
		c.materialize(i)
	}
}

// materializeLocal copies the entries referring to local x into their
// slots before x is written.
func (c *codegen[M]) materializeLocal(x uint32) {
	for i := range c.Stack {
		if e := &c.Stack[i]; e.Kind == KindLocal && e.V == uint64(x) {
			c.materialize(i)
		}
	}
}

// flagsToReg turns condition entry i into a 0/1 temporary register when
// one is free (taking one would mean a spill), else into its slot.
func (c *codegen[M]) flagsToReg(i int) {
	e := &c.Stack[i]
	for _, r := range c.rf.Int {
		if !c.Busy[r] {
			c.m.FlagsToReg(r, mach.Cond(e.V))
			c.Busy[r] = true
			e.Kind, e.V = KindReg, uint64(r)
			return
		}
	}
	c.materialize(i)
}

// popCond pops an i32 condition and returns the condition under which it
// is true (fusing a preceding comparison).
func (c *codegen[M]) popCond() mach.Cond {
	n := len(c.Stack) - 1
	e := &c.Stack[n]
	if e.Kind == KindFlags {
		cc := mach.Cond(e.V)
		e.Kind = KindSlot
		c.popRead()
		return cc
	}
	if e.Kind == KindReg || c.IsPinned(n) {
		return c.m.NonZero(c.popOperand())
	}
	_, s := c.popRead()
	return c.m.NonZero(mach.Operand{Slot: s})
}

// Exits to Go and pinned locals.

// helperCall emits an exit to Go running h.
func (c *codegen[M]) helperCall(h mach.Helper) {
	c.materializeAll()
	i := len(c.out.Helpers)
	c.out.Helpers = append(c.out.Helpers, h)
	c.m.SetExitHelper(int64(c.idx)<<32 | int64(i))
	c.savePinned()
	c.m.CallExit()
	c.reloadPinned()
}

// budget emits the interruption check.
func (c *codegen[M]) budget() {
	m := c.m
	cold := m.NewLabel()
	back := m.NewLabel()
	m.BudgetCheck(cold)
	m.Bind(back)
	c.cold = append(c.cold, func() {
		m.Bind(cold)
		m.SetExit(mach.ExitBudget)
		c.savePinned()
		m.CallExit()
		c.reloadPinned()
		m.Jump(back)
	})
}

// savePinned stores the pinned locals the body writes to their slots
// (the others' slots are always up to date).
func (c *codegen[M]) savePinned() {
	for _, x := range c.Pinned {
		if c.Written[x] {
			c.m.SpillPinned(c.PinReg[x], c.local(x))
		}
	}
}

// reloadPinned loads every pinned local from its slot.
func (c *codegen[M]) reloadPinned() {
	for _, x := range c.Pinned {
		c.m.ReloadPinned(c.PinReg[x], c.local(x))
	}
}

// setPinned pops the top value into pinned local x's register.
func (c *codegen[M]) setPinned(x uint32) {
	n := len(c.Stack) - 1
	if e := &c.Stack[n]; e.Kind == KindLocal && e.V == uint64(x) { // local.set x (local.get x), or a result computed in place
		c.Drop()
		return
	}
	t := c.FI.Locals[x]
	pr := c.PinReg[x]
	o := c.popOperand()
	c.materializeLocal(x)
	c.chkGen[x] = 0 // the bounds it was checked for no longer hold
	c.m.SetPinned(t, pr, o)
}

// Control flow.

// copySlots copies n slots from slot offset src to dst (dst <= src).
func (c *codegen[M]) copySlots(dst, src, n int) {
	if dst == src {
		return
	}
	for i := 0; i < n; i++ {
		c.m.CopySlot(c.slot(dst+i), c.slot(src+i))
	}
}

// branchCopy moves the values a branch to ctrl d carries into place.
func (c *codegen[M]) branchCopy(d *Ctrl) {
	n := SlotsOf(d.Carried())
	if d.Op == 0 { // function level: results go to slot 0
		for i := 0; i < n; i++ {
			c.m.CopySlot(mach.Slot(i), c.slot(c.SP-n+i))
		}
		return
	}
	c.copySlots(d.SlotBase, c.SP-n, n)
}

// branchCopyFree reports whether a branch to the non-function ctrl d
// carries no values or finds them already in place, so branchCopy emits
// nothing.
func (c *codegen[M]) branchCopyFree(d *Ctrl) bool {
	n := SlotsOf(d.Carried())
	return n == 0 || d.SlotBase == c.SP-n
}

// branch emits an unconditional branch to depth.
func (c *codegen[M]) branch(depth uint32) {
	d := &c.Ctrls[len(c.Ctrls)-1-int(depth)]
	c.branchCopy(d)
	if d.Op == 0 {
		c.m.Ret()
		return
	}
	c.m.Jump(d.Label)
}

// returnFast returns a function's single result held in a register or a
// constant by storing it straight to the result slot, reporting false
// (emitting nothing) for any other shape.
func (c *codegen[M]) returnFast() bool {
	if len(c.Ctrls[0].Results) != 1 {
		return false
	}
	n := len(c.Stack) - 1
	e := &c.Stack[n]
	switch {
	case e.T == wasm.V128:
		return false
	case e.Kind == KindReg:
		c.m.StoreReg(e.T, 0, mach.Reg(e.V))
	case e.Kind == KindLocal && c.PinReg[e.V] != mach.NoReg:
		c.m.StoreReg(e.T, 0, c.PinReg[e.V])
	case e.Kind == KindConst:
		c.m.StoreConst(0, e.V)
	default:
		return false
	}
	c.m.Ret()
	return true
}

// Fusions: the instructions after the current one, decoded.

// nextSetLocal returns the local the next instruction stores to when it
// is local.set or local.tee.
func (c *codegen[M]) nextSetLocal() (uint32, bool) {
	op, im, ok := c.Peek(0)
	if !ok || op != wasm.OpLocalSet && op != wasm.OpLocalTee {
		return 0, false
	}
	return im.X, int(im.X) < len(c.PinReg)
}

// storesTo reports whether the next instruction is local.set or
// local.tee of local x.
func (c *codegen[M]) storesTo(x uint32) bool {
	y, ok := c.nextSetLocal()
	return ok && y == x
}

// nextIs reports whether the next instruction is op.
func (c *codegen[M]) nextIs(op wasm.Op) bool {
	next, _, ok := c.Peek(0)
	return ok && next == op
}

// nextAddConst recognises "iN.const k; iN.add" (i64 when is64) as the next
// two instructions and returns k as a 32-bit displacement (for i32, which
// wraps like the addition).
func (c *codegen[M]) nextAddConst(is64 bool) (int32, bool) {
	constOp, addOp := wasm.OpI32Const, wasm.OpI32Add
	if is64 {
		constOp, addOp = wasm.OpI64Const, wasm.OpI64Add
	}
	op, im, ok := c.Peek(0)
	if !ok || op != constOp {
		return 0, false
	}
	k := im.I64
	if op2, _, ok := c.Peek(1); !ok || op2 != addOp {
		return 0, false
	}
	if is64 && int64(k) != int64(int32(k)) {
		return 0, false
	}
	return int32(k), true
}

// provenInBounds reports whether an access [addr + end) needs no bounds
// check because an earlier check in the same straight-line region proved
// [addr + end') with end' >= end for the same pinned local addr; when it
// does need one (the caller emits it), the check is recorded.
func (c *codegen[M]) provenInBounds(addr mach.Operand, offset uint64, end int64) bool {
	if !addr.Pinned || offset >= c.rf.MaxDisp {
		return false
	}
	x := addr.Local
	if c.chkGen[x] == c.gen && c.chkEnd[x] >= end {
		return true
	}
	if c.chkGen[x] != c.gen || c.chkEnd[x] < end {
		c.chkGen[x], c.chkEnd[x] = c.gen, end
	}
	return false
}

// Op compiles one reachable instruction (Backend).
func (c *codegen[M]) Op(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error {
	m := c.m
	if n := len(c.Stack) - 1; n >= 0 && c.Stack[n].Kind == KindFlags && op != wasm.OpBrIf && op != wasm.OpIf && op != wasm.OpSelect && op != wasm.OpSelectT {
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
	case wasm.OpBrTable: // the index first, then the canonical state
		m.LoadTableIndex(c.popOperand())
		c.materializeAll()
	case wasm.OpBlock, wasm.OpLoop, wasm.OpElse, wasm.OpEnd, wasm.OpBr, wasm.OpReturn:
		c.materializeAll()
	}
	switch op {
	case wasm.OpUnreachable:
		m.Jump(m.Trap(store.TrapUnreachable))
		*dead = 1
	case wasm.OpNop:
	case wasm.OpBlock, wasm.OpLoop:
		p, res := c.BlockType(im.BT)
		h := len(c.Stack) - len(p)
		d := Ctrl{Op: op, Label: m.NewLabel(), Height: h, Params: p, Results: res, SlotBase: c.SP - SlotsOf(p)}
		if op == wasm.OpLoop {
			m.Bind(d.Label)
			c.budget()
		}
		c.Ctrls = append(c.Ctrls, d)
	case wasm.OpIf:
		cc := c.popCond()
		c.materializeAll()
		p, res := c.BlockType(im.BT)
		h := len(c.Stack) - len(p)
		d := Ctrl{Op: op, Label: m.NewLabel(), Else: m.NewLabel(), Height: h, Params: p, Results: res, SlotBase: c.SP - SlotsOf(p)}
		m.BranchIf(m.Invert(cc), d.Else)
		c.Ctrls = append(c.Ctrls, d)
	case wasm.OpElse:
		d := &c.Ctrls[len(c.Ctrls)-1]
		m.Jump(d.Label)
		m.Bind(d.Else)
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
			m.Ret()
			return nil
		}
		if d.Op == wasm.OpIf && !d.HasElse {
			m.Bind(d.Else)
		}
		if d.Op != wasm.OpLoop {
			m.Bind(d.Label)
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
			m.BranchIf(cc, d.Label) // nothing to move: jump straight to the target
			break
		}
		skip := m.NewLabel()
		m.BranchIf(m.Invert(cc), skip)
		c.branch(im.X)
		m.Bind(skip)
	case wasm.OpBrTable:
		c.brTable(im.Targets)
		*dead = 1
	case wasm.OpReturn:
		c.branch(uint32(len(c.Ctrls) - 1))
		*dead = 1
	case wasm.OpCall:
		c.call(im.X)
	case wasm.OpCallIndirect:
		c.callIndirect(im.X, im.Y)
	case wasm.OpDrop:
		c.popRead()
	case wasm.OpSelect, wasm.OpSelectT:
		if c.selectReg() {
			return nil
		}
		_, cond := c.pop()
		_, y := c.pop()
		t, x := c.pop()
		m.SelectSlots(t, cond, x, y)
		c.push(t)
	case wasm.OpLocalGet:
		c.PushLocal(im.X)
	case wasm.OpLocalSet, wasm.OpLocalTee:
		c.localSet(im.X, op == wasm.OpLocalTee)
	case wasm.OpGlobalGet:
		t := c.Globals[im.X]
		switch t {
		case wasm.I32, wasm.I64, wasm.F32, wasm.F64:
			m.GlobalAddr(im.X)
			var r mach.Reg
			if t == wasm.I32 || t == wasm.I64 {
				r = c.allocInt(mach.NoReg)
			} else {
				r = c.allocFloat()
			}
			m.LoadGlobal(t, r)
			c.pushReg(t, r)
			return nil
		}
		dst := c.push(t)
		m.GlobalAddr(im.X)
		m.CopyFromGlobal(dst, t.Slots())
	case wasm.OpGlobalSet:
		if t := c.Stack[len(c.Stack)-1].T; t == wasm.I32 || t == wasm.I64 || t == wasm.F32 || t == wasm.F64 {
			o := c.popOperand()
			m.GlobalAddr(im.X)
			m.StoreGlobal(t, o)
			return nil
		}
		t, src := c.popRead()
		m.GlobalAddr(im.X)
		m.CopyToGlobal(src, t.Slots())
	case wasm.OpI32Const, wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
		c.pushConst(info.Results[0], im.I64)
	case wasm.OpRefNull:
		m.StoreZero64(c.push(wasm.RefType(true, im.Heap)))
	case wasm.OpRefIsNull:
		_, x := c.pop()
		m.RefIsNull(c.push(wasm.I32), x)
	case wasm.OpTableGet, wasm.OpTableSet, wasm.OpTableSize:
		c.tableOp(op, im.X)
	case wasm.OpRefFunc:
		m.RefFunc(im.X, c.push(wasm.FuncRef))
	case wasm.OpDataDrop, wasm.OpElemDrop: // the segment's length becomes 0 (no pointer is written)
		m.DropSegment(op == wasm.OpElemDrop, im.X)
	case wasm.OpMemoryInit, wasm.OpTableInit, wasm.OpTableCopy, wasm.OpTableFill:
		dst, src, done := c.bulkEntry(op, im.X, im.Y)
		m.BulkSegment(op, im.X, im.Y, dst, src)
		m.Bind(done)
	case wasm.OpMemorySize:
		m.MemorySize(c.push(wasm.I32))
	case wasm.OpMemoryCopy, wasm.OpMemoryFill:
		dst, src, done := c.bulkEntry(op, 0, 0)
		m.BulkMem(op, dst, src)
		m.Bind(done)
	case wasm.OpV128Const:
		m.V128Const(c.push(wasm.V128), &im.V128)
	default:
		if info.Imm == wasm.ImmMemArg && op < 0x100 {
			return c.memOp(op, info, im)
		}
		if c.lowered(op, info, im) || c.numeric(op, info) {
			return nil
		}
		return c.generic(op, info, im)
	}
	return nil
}

// brTable compiles br_table (the index is where LoadTableIndex put it):
// targets that need no values moved are jumped to straight from the
// table; the others through one stub per depth.
func (c *codegen[M]) brTable(targets []uint32) {
	m := c.m
	n := len(targets) - 1
	table, def := m.NewLabel(), m.NewLabel()
	m.TableJump(n, table, def)
	labels := c.brLabels[:0]
	stubs := c.brStubs[:0] // depths with a stub, in order; their labels follow labels' use
	stubLabels := c.brStubLabels[:0]
	for _, t := range targets[:n] {
		if d := &c.Ctrls[len(c.Ctrls)-1-int(t)]; d.Op != 0 && c.branchCopyFree(d) {
			labels = append(labels, d.Label)
			continue
		}
		k := slices.Index(stubs, t)
		if k < 0 {
			k = len(stubs)
			stubs = append(stubs, t)
			stubLabels = append(stubLabels, m.NewLabel())
		}
		labels = append(labels, stubLabels[k])
	}
	for k, t := range stubs {
		m.Bind(stubLabels[k])
		c.branch(t)
	}
	m.Bind(def)
	c.branch(targets[n])
	if n > 0 {
		m.JumpTableData(table, labels)
	} else {
		m.Bind(table)
	}
	c.brLabels, c.brStubs, c.brStubLabels = labels, stubs, stubLabels
}

// call compiles a call of function x: a direct call of a defined function
// (its frame starts at the arguments, which are in place), an exit to Go
// for an import.
func (c *codegen[M]) call(x uint32) {
	c.materializeAll()
	ft := c.M.Types[c.Types[x]]
	for range ft.Params {
		c.pop()
	}
	at := c.SP
	if x < c.M.NumImportedFuncs {
		c.helperCall(mach.Helper{Op: wasm.OpCall, Slot: uint32(c.NLoc + at), A: x})
	} else {
		c.savePinned()
		c.m.CallDirect(c.slot(at), int(x-c.M.NumImportedFuncs))
		c.reloadPinned()
	}
	for _, t := range ft.Results {
		c.push(t)
	}
	// The callee's window may be larger than its results.
	if c.SP < at+max(SlotsOf(ft.Params), SlotsOf(ft.Results)) && at+SlotsOf(ft.Params) > c.MaxSP {
		c.MaxSP = at + SlotsOf(ft.Params)
	}
}

// callIndirect compiles call_indirect of type typeIdx through table: the
// machine's fast path looks the element up in the instance's cache of
// same-instance targets; a miss leaves to Go, which resolves the target
// (and caches it) or makes the call itself.
func (c *codegen[M]) callIndirect(typeIdx, table uint32) {
	m := c.m
	c.materializeAll()
	ft := c.M.Types[typeIdx]
	_, ix := c.pop()
	for range ft.Params {
		c.pop()
	}
	at := c.SP
	slow, call, skip := m.NewLabel(), m.NewLabel(), m.NewLabel()
	c.savePinned()
	m.IndirectLookup(ix, table, typeIdx, slow, call)
	m.Bind(slow)
	c.helperCall(mach.Helper{Op: wasm.OpCallIndirect, Slot: uint32(c.NLoc + at), A: typeIdx, B: table, N: uint32(c.NLoc + at + SlotsOf(ft.Params))})
	m.IndirectTarget(skip)
	m.Bind(call)
	m.CallTarget(c.slot(at))
	m.Bind(skip)
	c.reloadPinned()
	for _, t := range ft.Results {
		c.push(t)
	}
}

// localSet compiles local.set and local.tee of local x.
func (c *codegen[M]) localSet(x uint32, tee bool) {
	m := c.m
	if c.PinReg[x] != mach.NoReg {
		c.setPinned(x)
		if tee {
			c.PushLocal(x)
		}
		return
	}
	n := len(c.Stack) - 1
	switch e := c.Stack[n]; {
	case e.Kind == KindConst:
		o := c.popOperand()
		c.materializeLocal(x)
		m.StoreConst(c.local(x), o.Val)
		if tee {
			c.pushConst(c.FI.Locals[x], o.Val)
		}
		return
	case e.Kind == KindReg && c.rf.IsFloat[e.V]:
		o := c.popOperand()
		c.materializeLocal(x)
		m.StoreReg(e.T, c.local(x), o.Reg)
		if tee {
			m.MoveReg(c.rf.ScratchFloat, o.Reg)
			c.pushScratchFloat(e.T)
		}
		return
	case e.Kind == KindReg:
		o := c.popOperand()
		c.materializeLocal(x)
		m.StoreReg(e.T, c.local(x), o.Reg)
		if tee {
			c.pushReg(c.FI.Locals[x], o.Reg)
		}
		return
	}
	t, src := c.popRead()
	c.materializeLocal(x)
	if dst := c.local(x); src != dst {
		for i := 0; i < t.Slots(); i++ {
			m.CopySlot(dst+mach.Slot(i), src+mach.Slot(i))
		}
	}
	if tee {
		c.PushLocal(x)
	}
}

// selectReg compiles select of two integers or two floats into a
// register, reporting false for other types.
func (c *codegen[M]) selectReg() bool {
	n := len(c.Stack) - 1
	t := c.Stack[n-1].T
	switch t {
	case wasm.I32, wasm.I64:
		cc := c.popCond()
		y := c.popOperand()
		x := c.popOperand()
		r := c.resultReg(x, y)
		c.m.SelectInt(t, cc, r, x, y)
		c.pushReg(t, r)
		return true
	case wasm.F32, wasm.F64:
		cc := c.popCond()
		y := c.popOperand()
		x := c.popOperand()
		keep := c.isFloat(y) && !y.Pinned // not the result register: it is read last
		if keep {
			c.Busy[y.Reg] = true
		}
		r := c.allocFloat()
		if keep {
			c.Busy[y.Reg] = false
		}
		c.m.SelectFloat(t, cc, r, x, y)
		c.pushReg(t, r)
		return true
	}
	return false
}

// tableOp compiles table.get, table.set and table.size of table x.
func (c *codegen[M]) tableOp(op wasm.Op, x uint32) {
	var val, ix, dst mach.Slot
	if op == wasm.OpTableSet {
		_, val = c.pop()
	}
	if op != wasm.OpTableSize {
		_, ix = c.pop()
	}
	switch op {
	case wasm.OpTableSize:
		dst = c.push(wasm.I32)
	case wasm.OpTableGet:
		dst = c.push(c.TableType(x))
	}
	c.m.TableOp(op, x, ix, val, dst)
}

// bulkEntry starts a bulk memory, table or segment operation (dst, value
// or source, length on the stack): it pops the operands and emits the
// choice between the machine's code that follows, which handles lengths
// up to store.BulkChunk, and an exit to Go for longer ones, which checks
// the bounds and moves the data in chunks with an interruption check
// between two of them (so a deadline stops even a 4 GiB fill). The
// caller binds done after the machine's code.
func (c *codegen[M]) bulkEntry(op wasm.Op, x, y uint32) (dst, src mach.Slot, done mach.Label) {
	m := c.m
	c.materializeAll() // frees every cached register
	_, n := c.popRead()
	_, src = c.popRead()
	_, dst = c.popRead()
	at := c.SP
	fast := m.NewLabel()
	done = m.NewLabel()
	m.BulkLengthCheck(n, fast)
	// The operands may be locals' slots: the helper reads them from the
	// operand slots.
	for i, s := range [3]mach.Slot{dst, src, n} {
		m.CopySlot(c.slot(at+i), s)
	}
	c.helperCall(mach.Helper{Op: op, Slot: uint32(c.NLoc + at), N: 3, A: x, B: y})
	m.Jump(done)
	m.Bind(fast)
	return dst, src, done
}

// memOp compiles a scalar load or store, checking its bounds unless an
// earlier check proved them.
func (c *codegen[M]) memOp(op wasm.Op, info *wasm.OpInfo, im *Imm) error {
	size := int32(1) << info.Align
	var val mach.Operand
	isStore := len(info.Results) == 0
	if isStore {
		val = c.popOperand()
	}
	addr := c.popOperand()
	// A load's result register: that of the pinned local the next
	// instruction stores it to, or a fresh temporary.
	dst, inPlace := mach.NoReg, uint32(0)
	if !isStore {
		if x, ok := c.nextSetLocal(); ok && c.PinReg[x] != mach.NoReg {
			c.materializeLocal(x)
			dst, inPlace = c.PinReg[x], x+1
		} else if op == wasm.OpF32Load || op == wasm.OpF64Load {
			dst = c.allocFloat()
		} else {
			dst = c.allocInt(mach.NoReg)
		}
	}
	disp := int64(0)
	if off := im.Mem.Offset; off < c.rf.MaxDisp {
		disp = int64(off)
	}
	check := !c.provenInBounds(addr, im.Mem.Offset, disp+int64(size))
	if !c.m.MemAccess(op, addr, im.Mem.Offset, size, check, dst, val) {
		return errUnsupported
	}
	if isStore {
		return nil
	}
	switch t := info.Results[0]; {
	case inPlace > 0: // the local now holds the loaded value
		c.chkGen[inPlace-1] = 0
		c.PushLocal(inPlace - 1)
	default:
		c.pushReg(t, dst)
	}
	return nil
}

// numeric compiles the scalar numeric instructions the machine has no
// Lower for.
func (c *codegen[M]) numeric(op wasm.Op, info *wasm.OpInfo) bool {
	if info.Special || len(info.Results) != 1 {
		return false
	}
	m := c.m
	rt := info.Results[0]
	switch op {
	case wasm.OpI32Add, wasm.OpI32Sub, wasm.OpI32And, wasm.OpI32Or, wasm.OpI32Xor,
		wasm.OpI64Add, wasm.OpI64Sub, wasm.OpI64And, wasm.OpI64Or, wasm.OpI64Xor:
		t := info.Params[0]
		y := c.popOperand()
		x := c.popOperand()
		if (op == wasm.OpI32And || op == wasm.OpI64And) && y.Kind == mach.IsConst && x.Kind != mach.IsConst {
			// A mask only tested: "x & k; eqz" is a test of x with k,
			// and a mask consumed at once as a condition (br_if, if,
			// select) is the same test, nonzero meaning true.
			eqz := t == wasm.I32 && c.nextIs(wasm.OpI32Eqz) || t == wasm.I64 && c.nextIs(wasm.OpI64Eqz)
			if (eqz || t == wasm.I32 && (c.nextIs(wasm.OpBrIf) || c.nextIs(wasm.OpIf) || c.nextIs(wasm.OpSelect) || c.nextIs(wasm.OpSelectT))) && m.TestImm(t, x, y.Val) {
				if eqz {
					c.Skip = 1
					c.pushFlags(c.rf.CondZero)
				} else {
					c.pushFlags(c.rf.CondNonZero)
				}
				return true
			}
		}
		r, inPlace := c.resultRegInPlace(x, y)
		m.IntBinary(op, r, x, y)
		c.pushResult(rt, r, x, inPlace)
	case wasm.OpI32Shl, wasm.OpI32ShrS, wasm.OpI32ShrU, wasm.OpI32Rotl, wasm.OpI32Rotr,
		wasm.OpI64Shl, wasm.OpI64ShrS, wasm.OpI64ShrU, wasm.OpI64Rotl, wasm.OpI64Rotr:
		y := c.popOperand()
		x := c.popOperand()
		r, inPlace := c.resultRegInPlace(x, y)
		m.IntBinary(op, r, x, y)
		c.pushResult(rt, r, x, inPlace)
	case wasm.OpI32Mul, wasm.OpI64Mul:
		y := c.popOperand()
		x := c.popOperand()
		r := c.resultReg(x, y)
		// x * k with the next two instructions adding a constant may be
		// one machine instruction.
		if k, ok := c.nextAddConst(op == wasm.OpI64Mul); ok && y.Kind == mach.IsConst && m.MulAddImm(op, r, x, y, k) {
			c.Skip = 2
		} else {
			m.IntBinary(op, r, x, y)
		}
		c.pushReg(rt, r)
	case wasm.OpI32Eq, wasm.OpI32Ne, wasm.OpI32LtS, wasm.OpI32LtU, wasm.OpI32GtS,
		wasm.OpI32GtU, wasm.OpI32LeS, wasm.OpI32LeU, wasm.OpI32GeS, wasm.OpI32GeU,
		wasm.OpI64Eq, wasm.OpI64Ne, wasm.OpI64LtS, wasm.OpI64LtU, wasm.OpI64GtS,
		wasm.OpI64GtU, wasm.OpI64LeS, wasm.OpI64LeU, wasm.OpI64GeS, wasm.OpI64GeU:
		y := c.popOperand()
		x := c.popOperand()
		c.pushFlags(m.IntCompare(op, x, y))
	case wasm.OpI32Eqz, wasm.OpI64Eqz:
		c.pushFlags(m.TestZero(info.Params[0], c.popOperand()))
	case wasm.OpI32WrapI64, wasm.OpI64ExtendI32S:
		x := c.popOperand()
		r := c.resultReg(x, mach.Operand{})
		m.WrapExtend(op == wasm.OpI32WrapI64, r, x)
		c.pushReg(rt, r)
	case wasm.OpI64ExtendI32U, wasm.OpI32ReinterpretF32, wasm.OpF32ReinterpretI32, wasm.OpI64ReinterpretF64, wasm.OpF64ReinterpretI64:
		n := len(c.Stack) - 1
		e := &c.Stack[n]
		if op == wasm.OpI64ExtendI32U {
			// An i32 in a register is zero-extended: a temporary just
			// changes type, a pinned local is copied into one.
			switch {
			case e.Kind == KindReg:
				e.T = wasm.I64
				return true
			case c.IsPinned(n):
				x := c.popOperand()
				r := c.allocInt(mach.NoReg)
				m.Zext32(r, x.Reg)
				c.pushReg(wasm.I64, r)
				return true
			}
		}
		if e.Kind == KindReg || c.IsPinned(n) {
			c.materialize(n)
		}
		c.Stack[n].T = rt
	case wasm.OpI32DivS, wasm.OpI64DivS, wasm.OpI32RemS, wasm.OpI64RemS,
		wasm.OpI32DivU, wasm.OpI64DivU, wasm.OpI32RemU, wasm.OpI64RemU:
		_, y := c.popRead()
		_, x := c.popRead()
		m.DivRem(op, c.push(rt), x, y)
	case wasm.OpI32Clz, wasm.OpI64Clz, wasm.OpI32Ctz, wasm.OpI64Ctz, wasm.OpI32Popcnt, wasm.OpI64Popcnt,
		wasm.OpI32Extend8S, wasm.OpI32Extend16S, wasm.OpI64Extend8S, wasm.OpI64Extend16S, wasm.OpI64Extend32S:
		_, x := c.popRead()
		m.Bits(op, c.push(rt), x)
	case wasm.OpF32Add, wasm.OpF32Sub, wasm.OpF32Mul, wasm.OpF32Div,
		wasm.OpF64Add, wasm.OpF64Sub, wasm.OpF64Mul, wasm.OpF64Div:
		y := c.popOperand()
		x := c.popOperand()
		r := c.resultFloat(x, y)
		m.FloatBinary(op, r, x, y)
		c.pushReg(rt, r)
	case wasm.OpF32Nearest, wasm.OpF32Floor, wasm.OpF32Ceil, wasm.OpF32Trunc, wasm.OpF32Sqrt,
		wasm.OpF64Nearest, wasm.OpF64Floor, wasm.OpF64Ceil, wasm.OpF64Trunc, wasm.OpF64Sqrt:
		x := c.popOperand()
		r := c.resultFloat(x, mach.Operand{})
		m.FloatUnary(op, r, x)
		c.pushReg(rt, r)
	case wasm.OpF32Lt, wasm.OpF32Gt, wasm.OpF32Le, wasm.OpF32Ge,
		wasm.OpF64Lt, wasm.OpF64Gt, wasm.OpF64Le, wasm.OpF64Ge:
		y := c.popOperand()
		x := c.popOperand()
		c.pushFlags(m.FloatCompare(op, x, y))
	case wasm.OpF32Eq, wasm.OpF64Eq, wasm.OpF32Ne, wasm.OpF64Ne:
		y := c.popOperand()
		x := c.popOperand()
		m.FloatEq(op, c.push(wasm.I32), x, y)
	case wasm.OpF32Abs, wasm.OpF32Neg, wasm.OpF64Abs, wasm.OpF64Neg:
		_, x := c.pop()
		m.FloatSign(op, x, x, 0)
		c.push(rt)
	case wasm.OpF32Copysign, wasm.OpF64Copysign:
		_, y := c.popRead()
		_, x := c.popRead()
		m.FloatSign(op, c.push(rt), x, y)
	case wasm.OpF32ConvertI32S, wasm.OpF32ConvertI64S, wasm.OpF32ConvertI32U,
		wasm.OpF64ConvertI32S, wasm.OpF64ConvertI64S, wasm.OpF64ConvertI32U:
		x := c.popOperand()
		r := c.allocFloat()
		m.ConvertInt(op, r, x)
		c.pushReg(rt, r)
	case wasm.OpF64PromoteF32, wasm.OpF32DemoteF64:
		_, x := c.popRead()
		m.PromoteDemote(op, x)
		c.pushScratchFloat(rt)
	default:
		return false
	}
	return true
}

// generic leaves op to Go: memory.grow and table.grow, which allocate.
func (c *codegen[M]) generic(op wasm.Op, info *wasm.OpInfo, im *Imm) error {
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
	c.helperCall(mach.Helper{Op: op, Slot: uint32(c.NLoc + at), N: uint32(SlotsOf(params)), A: im.X, B: im.Y})
	for _, t := range results {
		c.push(t)
	}
	return nil
}

// lowered compiles op with the machine's Lower when it has one: the
// operands are put in registers (those already in registers stay where
// they are: Lower never writes its argument registers, except dst ==
// args[0]) and the result comes back in a register. Every register
// involved stays busy until the instruction is emitted, so no allocation
// hands it out twice.
func (c *codegen[M]) lowered(op wasm.Op, info *wasm.OpInfo, im *Imm) bool {
	if !c.m.Lowers(op) {
		return false
	}
	mem := info.Imm == wasm.ImmMemArg || info.Imm == wasm.ImmMemArgLane
	params := info.Params
	if mem {
		params = params[1:] // the address
	}
	var ops [3]mach.Operand
	var argBuf [3]mach.Reg
	args := argBuf[:len(params)]
	for i := len(params) - 1; i >= 0; i-- {
		ops[i] = c.popOperand()
	}
	var addr mach.Operand
	if mem {
		addr = c.popOperand()
	}
	hold := func(o mach.Operand) {
		if o.Kind == mach.InReg && !o.Pinned {
			c.Busy[o.Reg] = true
		}
	}
	for _, o := range ops[:len(params)] {
		hold(o)
	}
	hold(addr)
	var dying [3]bool // args[i] is a temporary whose value dies here
	for i, t := range params {
		o := ops[i]
		dying[i] = !o.Pinned
		switch {
		case o.Kind == mach.InReg:
			args[i] = o.Reg
		case t == wasm.I32 || t == wasm.I64:
			args[i] = c.allocInt(mach.NoReg)
			c.m.LoadArg(t, args[i], o)
		default:
			args[i] = c.allocFloat()
			c.m.LoadArg(t, args[i], o)
		}
	}
	dst := mach.NoReg
	var rt wasm.ValType
	if len(info.Results) == 1 {
		rt = info.Results[0]
		intResult := rt == wasm.I32 || rt == wasm.I64
		switch {
		case len(args) > 0 && c.rf.IsFloat[args[0]] != intResult && dying[0] && (len(args) < 2 || args[1] != args[0]) && (len(args) < 3 || args[2] != args[0]):
			dst = args[0] // a temporary that dies here
		case intResult:
			dst = c.allocInt(mach.NoReg)
		default:
			dst = c.allocFloat()
		}
	}
	if mem {
		c.m.LowerMem(op, im.Lane, addr, im.Mem.Offset, simdAccessSize(op), dst, args)
	} else {
		c.m.Lower(op, im.Lane, &im.V128, dst, args)
	}
	// The operands' registers are free again (loaded ones included),
	// except the one that holds the result.
	for i := range params {
		if r := args[i]; r != dst && !ops[i].Pinned {
			c.Busy[r] = false
		}
	}
	if addr.Kind == mach.InReg && !addr.Pinned {
		c.Busy[addr.Reg] = false
	}
	if dst != mach.NoReg {
		c.pushReg(rt, dst)
	}
	return true
}

// simdAccessSize is the number of bytes SIMD memory instruction op reads
// or writes.
func simdAccessSize(op wasm.Op) int32 {
	switch op {
	case wasm.OpV128Load8Lane, wasm.OpV128Store8Lane, wasm.OpV128Load8Splat:
		return 1
	case wasm.OpV128Load16Lane, wasm.OpV128Store16Lane, wasm.OpV128Load16Splat:
		return 2
	case wasm.OpV128Load32Lane, wasm.OpV128Store32Lane, wasm.OpV128Load32Splat, wasm.OpV128Load32Zero:
		return 4
	case wasm.OpV128Load64Lane, wasm.OpV128Store64Lane, wasm.OpV128Load64Splat, wasm.OpV128Load64Zero,
		wasm.OpV128Load8x8S, wasm.OpV128Load8x8U, wasm.OpV128Load16x4S, wasm.OpV128Load16x4U,
		wasm.OpV128Load32x2S, wasm.OpV128Load32x2U:
		return 8
	}
	return 16
}
