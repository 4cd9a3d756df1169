package interp

import (
	"encoding/binary"
	"fmt"
	"math"

	wbin "github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// tempTag marks provisional slot numbers of temporaries during
// translation; they become numLocals+len(consts)+offset once the number of
// constants is known.
const tempTag = 1 << 30

// Kinds of operand-stack entries during translation.
const (
	kTemp  = iota // the value is in its home slot
	kLocal        // the value is local slot `slot` (not copied yet)
	kConst        // the value is constant slot `slot`
)

type entry struct {
	kind  uint8
	typ   wasm.ValType
	slot  uint32 // where the value is now
	home  uint32 // the slot reserved for this stack position
	local uint32 // local index, for kLocal
}

const (
	ctrlFunc = iota
	ctrlBlock
	ctrlLoop
	ctrlIf
)

type fixup struct {
	instr int // index in code, or -1 (a br_table entry) or -2 (a catch clause)
	table int // brTables index when instr == -1
	entry int // the br_table entry, or the index in funcCode.catches when instr == -2
}

type ctrl struct {
	kind            int
	params, results []wasm.ValType
	height          int    // operand stack height below the block's parameters
	base            uint32 // home slot of the first parameter/result
	start           int    // loop: pc of the loop's first instruction
	fixups          []fixup
	elseFix         int // if: index of the branch to the else arm, -1 once patched
	unreachable     bool
	// try_table: the body starts at tryStart, and its clauses are
	// funcCode.catches[tryFirst:tryFirst+tryN]
	isTry              bool
	tryStart, tryFirst int
	tryN               int
}

type translator struct {
	m          *wasm.Module
	r          wbin.Reader
	im         wbin.Imm // the current instruction's immediates (binary's one decoder)
	code       []instr
	masks      []uint8 // which fields of code[i] are slots: 1 r, 2 x, 4 y, 8 z
	stack      []entry
	ctrls      []ctrl
	locals     []wasm.ValType
	localSlot  []uint32
	numLocals  uint32
	consts     []uint64
	constWidth []uint8 // per const slot: 1, or 2 at the first slot of a v128 and 0 at its second
	constIdx   map[[3]uint64]uint32
	maxTemp    uint32
	lastProd   int // index of the last instruction if it produced the top temp, else -1
	lastCall   int // index of the last instruction if it is a call with one single-slot result, else -1
	// label is the highest code index bound as a branch target so far
	// (the start of a loop, the end of a block or if that a branch
	// reaches, the start of an else arm, a br_if's fall-through after
	// its branch moves, a br_table stub). See soleProducer.
	label int
	// refCount counts the kLocal entries on the stack per local, and
	// numRefs all of them, so that scans for them stop early: every scan
	// ends at the deepest reference it converts, which keeps translation
	// linear in the body size.
	refCount  []int32
	numRefs   int
	fc        *funcCode
	funcTypes []uint32 // type index of every function
	globals   []wasm.ValType
	mem64     []bool // per memory: its address type is i64
	tab64     []bool // per table: its address type is i64
	tagTypes  []uint32
}

const (
	mR = 1 << iota
	mX
	mY
	mZ
)

func (t *translator) emit(in instr, mask uint8) int {
	t.code = append(t.code, in)
	t.masks = append(t.masks, mask)
	t.lastProd, t.lastCall = -1, -1
	return len(t.code) - 1
}

// bindLabel records that the next instruction is a branch target.
func (t *translator) bindLabel() {
	t.label = len(t.code)
	t.lastProd, t.lastCall = -1, -1
}

// soleProducer reports whether instruction prod (lastProd or lastCall)
// alone produced the value a consumer is about to take: it is the last
// instruction emitted and no branch target lies after it. Only then may
// the consumer redirect the producer's result (local.set into the local)
// or absorb it (a comparison fused into a branch). At a branch target the
// value in the slot has other producers too, the branches that arrive
// there with their own values, so rewriting the one on the fall-through
// path would lose theirs.
func (t *translator) soleProducer(prod int) bool {
	return prod >= 0 && prod == len(t.code)-1 && prod >= t.label
}

func (t *translator) homeAt(h int) uint32 {
	if h == 0 {
		return tempTag
	}
	e := &t.stack[h-1]
	return e.home + uint32(e.typ.Slots())
}

// push pushes a temp or a constant (references to locals go through
// pushLocal).
func (t *translator) push(kind uint8, typ wasm.ValType, slot uint32) *entry {
	home := t.homeAt(len(t.stack))
	if kind == kTemp {
		slot = home
	}
	t.stack = append(t.stack, entry{kind: kind, typ: typ, slot: slot, home: home})
	if end := home - tempTag + uint32(typ.Slots()); end > t.maxTemp {
		t.maxTemp = end
	}
	return &t.stack[len(t.stack)-1]
}

// pushLocal pushes a reference to local idx.
func (t *translator) pushLocal(idx uint32) {
	home := t.homeAt(len(t.stack))
	typ := t.locals[idx]
	t.stack = append(t.stack, entry{kind: kLocal, typ: typ, slot: t.localSlot[idx], home: home, local: idx})
	if end := home - tempTag + uint32(typ.Slots()); end > t.maxTemp {
		t.maxTemp = end
	}
	t.refCount[idx]++
	t.numRefs++
}

// unref accounts for a kLocal entry leaving the stack or becoming a temp.
func (t *translator) unref(e *entry) {
	if e.kind == kLocal {
		t.refCount[e.local]--
		t.numRefs--
	}
}

// truncate pops entries down to height h.
func (t *translator) truncate(h int) {
	for i := h; i < len(t.stack); i++ {
		t.unref(&t.stack[i])
	}
	t.stack = t.stack[:h]
}

func (t *translator) pushTemp(typ wasm.ValType) uint32 {
	return t.push(kTemp, typ, 0).home
}

func (t *translator) pop() entry {
	e := t.stack[len(t.stack)-1]
	t.unref(&e)
	t.stack = t.stack[:len(t.stack)-1]
	return e
}

func copyOp(typ wasm.ValType) uint16 {
	if typ == wasm.V128 {
		return opCopy2
	}
	return opCopy
}

// materialize moves stack entry i into its home slot.
func (t *translator) materialize(i int) {
	e := &t.stack[i]
	if e.kind == kTemp {
		return
	}
	t.emit(instr{op: copyOp(e.typ), r: e.home, x: e.slot}, mR|mX)
	t.unref(e)
	e.kind, e.slot = kTemp, e.home
}

// constSlot returns the slot of a function constant.
func (t *translator) constSlot(lo, hi uint64, v128 bool) uint32 {
	key := [3]uint64{lo, hi, 0}
	if v128 {
		key[2] = 1
	}
	if s, ok := t.constIdx[key]; ok {
		return s
	}
	s := t.numLocals + uint32(len(t.consts))
	t.consts = append(t.consts, lo)
	t.constWidth = append(t.constWidth, 1)
	if v128 {
		t.consts = append(t.consts, hi)
		t.constWidth[len(t.constWidth)-1] = 2
		t.constWidth = append(t.constWidth, 0)
	}
	t.constIdx[key] = s
	return s
}

func (t *translator) pushConst(typ wasm.ValType, lo, hi uint64) {
	t.push(kConst, typ, t.constSlot(lo, hi, typ == wasm.V128))
}

func (t *translator) blockType(bt wbin.BlockType) (params, results []wasm.ValType) {
	switch bt.Kind {
	case wbin.BlockValue:
		return nil, []wasm.ValType{bt.Value}
	case wbin.BlockIndex:
		ft := t.m.Types[bt.Index]
		return ft.Params, ft.Results
	}
	return nil, nil
}

// enterBlock opens a block whose parameters are the top len(params)
// entries: every entry that refers to a local is copied to its home (a
// local may be written inside the block), and the parameters are put in
// their homes.
func (t *translator) enterBlock(kind int, params, results []wasm.ValType) *ctrl {
	h := len(t.stack) - len(params)
	for i := len(t.stack) - 1; i >= h; i-- {
		t.materialize(i)
	}
	for i := h - 1; i >= 0 && t.numRefs > 0; i-- {
		t.materialize(i)
	}
	if kind == ctrlLoop {
		t.bindLabel()
	} else {
		t.lastProd = -1
	}
	t.ctrls = append(t.ctrls, ctrl{kind: kind, params: params, results: results, height: h,
		base: t.homeAt(h), start: len(t.code), elseFix: -1})
	return &t.ctrls[len(t.ctrls)-1]
}

// labelTypes returns the types a branch to c carries.
func labelTypes(c *ctrl) []wasm.ValType {
	if c.kind == ctrlLoop {
		return c.params
	}
	return c.results
}

// needsMoves reports whether the top n entries are not already the temps
// in the homes starting at base.
func (t *translator) needsMoves(n int, base uint32) bool {
	s := base
	for i := len(t.stack) - n; i < len(t.stack); i++ {
		e := &t.stack[i]
		if e.kind != kTemp || e.slot != s {
			return true
		}
		s += uint32(e.typ.Slots())
	}
	return false
}

// moveTop copies the top n entries to consecutive slots starting at base,
// which is at or below their homes.
func (t *translator) moveTop(n int, base uint32) {
	s := base
	for i := len(t.stack) - n; i < len(t.stack); i++ {
		e := &t.stack[i]
		if e.slot != s {
			t.emit(instr{op: copyOp(e.typ), r: s, x: e.slot}, mR|mX)
		}
		s += uint32(e.typ.Slots())
	}
}

// emitReturn moves the top results to slots 0.. and returns.
func (t *translator) emitReturn() {
	n := len(t.ctrls[0].results)
	total := uint32(t.fc.resultSlots)
	if n == 1 && total == 1 {
		if e := &t.stack[len(t.stack)-1]; e.slot != 0 {
			t.emit(instr{op: opReturn1, x: e.slot}, mX)
			return
		}
	}
	// A local or constant source below total could be overwritten by an
	// earlier move: move it to its home first.
	for i := len(t.stack) - n; i < len(t.stack); i++ {
		if e := &t.stack[i]; e.kind != kTemp && e.slot < total {
			t.materialize(i)
		}
	}
	t.moveTop(n, 0)
	t.emit(instr{op: opReturn}, 0)
}

// branchTo emits an unconditional branch to label depth d (values on the
// stack top).
func (t *translator) branchTo(d int) {
	c := &t.ctrls[len(t.ctrls)-1-d]
	if c.kind == ctrlFunc {
		t.emitReturn()
		return
	}
	t.moveTop(len(labelTypes(c)), c.base)
	t.jump(c, opBr, 0, 0)
}

// jump emits a branch instruction of kind op to c's label.
func (t *translator) jump(c *ctrl, op uint16, x, y uint32) {
	mask := uint8(0)
	if op != opBr {
		mask = mX
		if op >= opBrI32Eq {
			mask |= mY
		}
	}
	if c.kind == ctrlLoop {
		t.emit(instr{op: op, x: x, y: y, k: uint32(c.start)}, mask)
		return
	}
	i := t.emit(instr{op: op, x: x, y: y}, mask)
	c.fixups = append(c.fixups, fixup{instr: i})
}

func (t *translator) setUnreachable() {
	c := &t.ctrls[len(t.ctrls)-1]
	c.unreachable = true
	t.truncate(c.height)
}

// localSet stores the popped entry v into local idx.
func (t *translator) localSet(idx uint32, v entry) {
	ls := t.localSlot[idx]
	if v.kind == kLocal && v.slot == ls {
		return
	}
	preserved := t.refCount[idx] > 0
	for i := len(t.stack) - 1; i >= 0 && t.refCount[idx] > 0; i-- {
		if e := &t.stack[i]; e.kind == kLocal && e.local == idx {
			t.materialize(i)
		}
	}
	if !preserved && v.kind == kTemp && t.soleProducer(t.lastProd) && t.code[t.lastProd].r == v.slot {
		t.code[t.lastProd].r = ls
		t.lastProd = -1
		return
	}
	if !preserved && v.kind == kTemp && t.soleProducer(t.lastCall) && t.code[t.lastCall].x == v.slot {
		// The call moves its result into the local when it returns
		// (r holds the local's slot plus one; r is not a slot field).
		t.code[t.lastCall].r = ls + 1
		t.lastCall = -1
		return
	}
	t.emit(instr{op: copyOp(v.typ), r: ls, x: v.slot}, mR|mX)
}

func (t *translator) translate(body []byte, offset int) error {
	t.r = wbin.NewReader(body, offset)
	skip := 0
	for {
		c := &t.ctrls[len(t.ctrls)-1]
		op, err := t.r.ReadOp()
		if err != nil {
			return err
		}
		info, ok := op.Info()
		if !ok {
			return fmt.Errorf("unknown opcode %#x", uint16(op))
		}
		if err := t.r.ReadImm(info.Imm, &t.im); err != nil {
			return err
		}
		if c.unreachable {
			switch op {
			case wasm.OpBlock, wasm.OpLoop, wasm.OpIf, wasm.OpTryTable:
				skip++
				continue
			case wasm.OpElse:
				if skip > 0 {
					continue
				}
			case wasm.OpEnd:
				if skip > 0 {
					skip--
					continue
				}
			default:
				continue
			}
		}
		done, err := t.op(op)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// op translates one reachable instruction (or the else/end that ends an
// unreachable stretch). done is true after the body's final end.
func (t *translator) op(op wasm.Op) (done bool, err error) {
	c := &t.ctrls[len(t.ctrls)-1]
	switch op {
	case wasm.OpUnreachable:
		t.emit(instr{op: opUnreachable}, 0)
		t.setUnreachable()
	case wasm.OpNop:
	case wasm.OpBlock, wasm.OpLoop:
		bt := t.im.BT
		params, results := t.blockType(bt)
		if op == wasm.OpBlock {
			t.enterBlock(ctrlBlock, params, results)
		} else {
			t.enterBlock(ctrlLoop, params, results)
		}
	case wasm.OpIf:
		bt := t.im.BT
		params, results := t.blockType(bt)
		cond := t.pop()
		prod := t.lastProd
		var fusedOp uint16
		var fx, fy uint32
		if t.soleProducer(prod) && cond.kind == kTemp && t.code[prod].r == cond.slot {
			if f, ok := fusedBranch[wasm.Op(t.code[prod].op)]; ok {
				fusedOp, fx, fy = f[1], t.code[prod].x, t.code[prod].y
			}
		}
		if fusedOp != 0 {
			t.code = t.code[:prod]
			t.masks = t.masks[:prod]
		}
		nc := t.enterBlock(ctrlIf, params, results)
		if fusedOp != 0 {
			nc.elseFix = t.emit(instr{op: fusedOp, x: fx, y: fy}, mX|mY)
		} else {
			nc.elseFix = t.emit(instr{op: opBrIfZ, x: cond.slot}, mX)
		}
	case wasm.OpElse:
		if !c.unreachable {
			t.moveTop(len(c.results), c.base)
			i := t.emit(instr{op: opBr}, 0)
			c.fixups = append(c.fixups, fixup{instr: i})
		}
		t.code[c.elseFix].k = uint32(len(t.code))
		t.bindLabel()
		c.elseFix = -1
		t.truncate(c.height)
		for _, p := range c.params {
			t.pushTemp(p)
		}
		c.unreachable = false
	case wasm.OpEnd:
		if c.kind == ctrlFunc {
			if !c.unreachable {
				t.emitReturn()
			}
			return true, nil
		}
		if !c.unreachable {
			t.moveTop(len(c.results), c.base)
		}
		end := uint32(len(t.code))
		if c.elseFix >= 0 || len(c.fixups) > 0 {
			t.bindLabel()
		}
		if c.elseFix >= 0 {
			t.code[c.elseFix].k = end
		}
		for _, f := range c.fixups {
			switch f.instr {
			case -1:
				t.fc.brTables[f.table][f.entry] = end
			case -2:
				t.fc.catches[f.entry].target = int(end)
			default:
				t.code[f.instr].k = end
			}
		}
		if c.isTry {
			t.fc.handlers = append(t.fc.handlers, handler{start: c.tryStart, end: int(end), first: c.tryFirst, n: c.tryN})
		}
		t.truncate(c.height)
		results := c.results
		t.ctrls = t.ctrls[:len(t.ctrls)-1]
		for _, rt := range results {
			t.pushTemp(rt)
		}
	case wasm.OpTryTable:
		bt := t.im.BT
		catches := t.im.Catches
		params, results := t.blockType(bt)
		// Catch labels are relative to the context outside the
		// try_table. enterBlock copies the values below the block that
		// refer to locals, so a handler's label sees them as a branch
		// would.
		first := len(t.fc.catches)
		for _, cc := range catches {
			lab := &t.ctrls[len(t.ctrls)-1-int(cc.Label)]
			cl := catchClause{tag: cc.Tag, all: cc.Kind >= wbin.CatchAll, ref: cc.Kind == wbin.CatchRef || cc.Kind == wbin.CatchAllRef, dst: lab.base, target: -1}
			switch lab.kind {
			case ctrlFunc:
				cl.dst = 0 // the return stub returns the values from slot 0
			case ctrlLoop:
				cl.target = lab.start
			default:
				lab.fixups = append(lab.fixups, fixup{instr: -2, entry: len(t.fc.catches)})
			}
			t.fc.catches = append(t.fc.catches, cl)
		}
		nc := t.enterBlock(ctrlBlock, params, results)
		nc.isTry, nc.tryStart, nc.tryFirst, nc.tryN = true, len(t.code), first, len(catches)
	case wasm.OpThrow:
		idx := t.im.X
		ft := t.m.Types[t.tagTypes[idx]]
		base := t.callArgs(len(ft.Params))
		t.emit(instr{op: opThrow, k: idx, x: base}, mX)
		t.setUnreachable()
	case wasm.OpThrowRef:
		v := t.pop()
		t.emit(instr{op: opThrowRef, x: v.slot}, mX)
		t.setUnreachable()
	case wasm.OpBr:
		d := t.im.X
		t.branchTo(int(d))
		t.setUnreachable()
	case wasm.OpBrIf:
		d := t.im.X
		t.brIf(int(d))
	case wasm.OpBrTable:
		labels := append([]uint32(nil), t.im.Targets...)
		t.brTable(labels)
		t.setUnreachable()
	case wasm.OpReturn:
		t.emitReturn()
		t.setUnreachable()
	case wasm.OpCall:
		idx := t.im.X
		ft := t.m.Types[t.funcTypes[idx]]
		base := t.callArgs(len(ft.Params))
		ci := t.emit(instr{op: opCall, k: idx, x: base}, mX)
		for _, rt := range ft.Results {
			t.pushTemp(rt)
		}
		if len(ft.Results) == 1 && ft.Results[0].Slots() == 1 {
			t.lastCall = ci
		}
	case wasm.OpReturnCall:
		idx := t.im.X
		ft := t.m.Types[t.funcTypes[idx]]
		base := t.callArgs(len(ft.Params))
		t.emit(instr{op: opReturnCall, k: idx, x: base}, mX)
		t.tailReturn(ft)
	case wasm.OpCallIndirect, wasm.OpReturnCallIndirect:
		ti, table := t.im.X, t.im.Y
		ft := t.m.Types[ti]
		// The element index is above the arguments: moving the
		// arguments to their homes cannot clobber it.
		elem := t.pop()
		base := t.callArgs(len(ft.Params))
		t.table64Check(table, 2, store.TrapUndefinedElement, 0, elem.slot, 0)
		cop := uint16(opCallIndirect)
		if op == wasm.OpReturnCallIndirect {
			cop = opReturnCallIndirect
		}
		t.emit(instr{op: cop, k: ti, r: table, x: base, y: elem.slot}, mX|mY)
		if op == wasm.OpReturnCallIndirect {
			t.tailReturn(ft)
			break
		}
		for _, rt := range ft.Results {
			t.pushTemp(rt)
		}
	case wasm.OpDrop:
		t.pop()
	case wasm.OpSelect, wasm.OpSelectT:
		cond, b, a := t.pop(), t.pop(), t.pop()
		sop := uint16(opSelect)
		if a.typ == wasm.V128 {
			sop = opSelect2
		}
		home := t.pushTemp(a.typ)
		t.emit(instr{op: sop, r: home, x: a.slot, y: b.slot, z: cond.slot}, mR|mX|mY|mZ)
		t.lastProd = len(t.code) - 1
	case wasm.OpLocalGet:
		idx := t.im.X
		t.pushLocal(idx)
	case wasm.OpLocalSet:
		idx := t.im.X
		t.localSet(idx, t.pop())
	case wasm.OpLocalTee:
		idx := t.im.X
		v := t.pop()
		t.localSet(idx, v)
		t.pushLocal(idx)
	case wasm.OpGlobalGet:
		idx := t.im.X
		typ := t.globals[idx]
		gop := uint16(opGlobalGet)
		if typ == wasm.V128 {
			gop = opGlobalGet2
		}
		home := t.pushTemp(typ)
		t.emit(instr{op: gop, r: home, k: idx}, mR)
		t.lastProd = len(t.code) - 1
	case wasm.OpGlobalSet:
		idx := t.im.X
		v := t.pop()
		gop := uint16(opGlobalSet)
		if v.typ == wasm.V128 {
			gop = opGlobalSet2
		}
		t.emit(instr{op: gop, x: v.slot, k: idx}, mX)
	case wasm.OpTableGet:
		idx := t.im.X
		i := t.pop()
		t.table64Check(idx, 1, store.TrapTableOutOfBounds, i.slot, 0, 0)
		home := t.pushTemp(t.tableType(idx))
		t.emit(instr{op: opTableGet, r: home, x: i.slot, k: idx}, mR|mX)
		t.lastProd = len(t.code) - 1
	case wasm.OpTableSet:
		idx := t.im.X
		v, i := t.pop(), t.pop()
		t.table64Check(idx, 1, store.TrapTableOutOfBounds, i.slot, 0, 0)
		t.emit(instr{op: opTableSet, x: i.slot, y: v.slot, k: idx}, mX|mY)
	case wasm.OpTableGrow:
		idx := t.im.X
		n, v := t.pop(), t.pop()
		if int(idx) < len(t.tab64) && t.tab64[idx] {
			home := t.pushTemp(wasm.I64)
			t.emit(instr{op: opTableGrow64, r: home, x: v.slot, y: n.slot, k: idx}, mR|mX|mY)
			break
		}
		home := t.pushTemp(wasm.I32)
		t.emit(instr{op: opTableGrow, r: home, x: v.slot, y: n.slot, k: idx}, mR|mX|mY)
	case wasm.OpTableFill:
		idx := t.im.X
		n, v, i := t.pop(), t.pop(), t.pop()
		t.table64Check(idx, 1|4, store.TrapTableOutOfBounds, i.slot, 0, n.slot)
		t.emit(instr{op: opTableFill, x: i.slot, y: v.slot, z: n.slot, k: idx}, mX|mY|mZ)
	case wasm.OpRefNull:
		ht := t.im.Heap
		t.pushConst(wasm.RefType(true, ht), 0, 0)
	case wasm.OpCallRef, wasm.OpReturnCallRef:
		ti := t.im.X
		ft := t.m.Types[ti]
		// The reference is above the arguments: moving the arguments
		// to their homes cannot clobber it.
		ref := t.pop()
		base := t.callArgs(len(ft.Params))
		if op == wasm.OpReturnCallRef {
			t.emit(instr{op: opReturnCallRef, x: base, y: ref.slot}, mX|mY)
			t.tailReturn(ft)
			break
		}
		t.emit(instr{op: opCallRef, x: base, y: ref.slot}, mX|mY)
		for _, rt := range ft.Results {
			t.pushTemp(rt)
		}
	case wasm.OpRefAsNonNull:
		e := &t.stack[len(t.stack)-1]
		t.emit(instr{op: opRefAsNonNull, x: e.slot}, mX)
		e.typ = wasm.RefType(false, e.typ.Heap())
	case wasm.OpBrOnNull:
		d := t.im.X
		t.materialize(len(t.stack) - 1)
		ref := t.pop()
		t.brCond(int(d), ref.slot, opBrI64Z, opBrI64NZ)
		t.pushTemp(wasm.RefType(false, ref.typ.Heap()))
	case wasm.OpBrOnNonNull:
		d := t.im.X
		top := t.stack[len(t.stack)-1]
		t.brCond(int(d), top.slot, opBrI64NZ, opBrI64Z)
		t.pop()
	case wasm.OpRefIsNull:
		v := t.pop()
		home := t.pushTemp(wasm.I32)
		t.emit(instr{op: uint16(wasm.OpRefIsNull), r: home, x: v.slot}, mR|mX)
		t.lastProd = len(t.code) - 1
	case wasm.OpRefFunc:
		idx := t.im.X
		home := t.pushTemp(wasm.FuncRef)
		t.emit(instr{op: opRefFunc, r: home, k: idx}, mR)
		t.lastProd = len(t.code) - 1
	case wasm.OpI32Const:
		v := int32(uint32(t.im.I64))
		t.pushConst(wasm.I32, uint64(uint32(v)), 0)
	case wasm.OpI64Const:
		v := int64(t.im.I64)
		t.pushConst(wasm.I64, uint64(v), 0)
	case wasm.OpF32Const:
		v := uint32(t.im.I64)
		t.pushConst(wasm.F32, uint64(v), 0)
	case wasm.OpF64Const:
		v := t.im.I64
		t.pushConst(wasm.F64, v, 0)
	case wasm.OpV128Const:
		b := t.im.V128[:]
		t.pushConst(wasm.V128, binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:]))
	default:
		return false, t.generic(op)
	}
	return false, nil
}

// tailReturn follows a tail call: when the callee could not replace the
// frame (a host function, another instance's function), it ran as a
// call, and this returns its results.
func (t *translator) tailReturn(ft wasm.FuncType) {
	for _, rt := range ft.Results {
		t.pushTemp(rt)
	}
	t.emitReturn()
	t.setUnreachable()
}

func (t *translator) tableType(idx uint32) wasm.ValType {
	if idx < t.m.NumImportedTables {
		n := uint32(0)
		for _, im := range t.m.Imports {
			if im.Kind == wasm.ExternTable {
				if n == idx {
					return im.Table.Elem
				}
				n++
			}
		}
	}
	return t.m.Tables[idx-t.m.NumImportedTables].Elem
}

// callArgs puts the top n entries in their homes and returns the home of
// the first.
func (t *translator) callArgs(n int) uint32 {
	h := len(t.stack) - n
	for i := h; i < len(t.stack); i++ {
		t.materialize(i)
	}
	base := t.homeAt(h)
	t.truncate(h)
	return base
}

func (t *translator) brIf(d int) {
	cond := t.pop()
	c := &t.ctrls[len(t.ctrls)-1-d]
	// Fuse a preceding comparison that produced the condition.
	prod := t.lastProd
	var fused [2]uint16
	var fx, fy uint32
	if t.soleProducer(prod) && cond.kind == kTemp && t.code[prod].r == cond.slot {
		if f, ok := fusedBranch[wasm.Op(t.code[prod].op)]; ok {
			fused, fx, fy = f, t.code[prod].x, t.code[prod].y
			t.code = t.code[:prod]
			t.masks = t.masks[:prod]
		}
	}
	n := len(labelTypes(c))
	if c.kind != ctrlFunc && !t.needsMoves(n, c.base) {
		if fused[0] != 0 {
			t.jump(c, fused[0], fx, fy)
		} else {
			t.jump(c, opBrIfNZ, cond.slot, 0)
		}
		return
	}
	var skip int
	if fused[0] != 0 {
		skip = t.emit(instr{op: fused[1], x: fx, y: fy}, mX|mY)
	} else {
		skip = t.emit(instr{op: opBrIfZ, x: cond.slot}, mX)
	}
	saved := t.saveTop(n)
	t.branchTo(d)
	t.restoreTop(saved)
	t.code[skip].k = uint32(len(t.code))
	t.bindLabel()
}

// brCond emits a branch to label depth d taken when instruction op
// (whose negation is neg), a test of slot x, branches; the label's
// values are on the stack top. It is br_if without the fusion.
func (t *translator) brCond(d int, x uint32, op, neg uint16) {
	c := &t.ctrls[len(t.ctrls)-1-d]
	n := len(labelTypes(c))
	if c.kind != ctrlFunc && !t.needsMoves(n, c.base) {
		t.jump(c, op, x, 0)
		return
	}
	skip := t.emit(instr{op: neg, x: x}, mX)
	saved := t.saveTop(n)
	t.branchTo(d)
	t.restoreTop(saved)
	t.code[skip].k = uint32(len(t.code))
	t.bindLabel()
}

// saveTop copies the top n entries, which a branch path may materialize
// (in code the fall-through path does not run).
func (t *translator) saveTop(n int) []entry {
	return append([]entry(nil), t.stack[len(t.stack)-n:]...)
}

// restoreTop puts back entries saved by saveTop.
func (t *translator) restoreTop(saved []entry) {
	base := len(t.stack) - len(saved)
	for i, e := range saved {
		if e.kind == kLocal && t.stack[base+i].kind != kLocal {
			t.refCount[e.local]++
			t.numRefs++
		}
		t.stack[base+i] = e
	}
}

func (t *translator) brTable(labels []uint32) {
	idx := t.pop()
	ti := len(t.fc.brTables)
	targets := make([]uint32, len(labels))
	t.fc.brTables = append(t.fc.brTables, targets)
	t.emit(instr{op: opBrTable, x: idx.slot, k: uint32(ti)}, mX)
	stubs := map[uint32]uint32{}
	for i, d := range labels {
		c := &t.ctrls[len(t.ctrls)-1-int(d)]
		n := len(labelTypes(c))
		if c.kind == ctrlFunc || t.needsMoves(n, c.base) {
			if pc, ok := stubs[d]; ok {
				targets[i] = pc
				continue
			}
			pc := uint32(len(t.code))
			t.bindLabel()
			stubs[d] = pc
			targets[i] = pc
			saved := t.saveTop(n)
			t.branchTo(int(d))
			t.restoreTop(saved)
			continue
		}
		if c.kind == ctrlLoop {
			targets[i] = uint32(c.start)
		} else {
			c.fixups = append(c.fixups, fixup{instr: -1, table: ti, entry: i})
		}
	}
}

// generic translates an instruction with a fixed signature.
func (t *translator) generic(op wasm.Op) error {
	info, ok := op.Info()
	if !ok || info.Special {
		return fmt.Errorf("unsupported instruction %s", op)
	}
	in := instr{op: uint16(op)}
	var slow *memOp // set for a memory other than a 32-bit memory 0
	switch info.Imm {
	case wasm.ImmNone:
	case wasm.ImmMemArg, wasm.ImmMemArgLane:
		ma := t.im.Mem
		if ma.Memory != 0 || t.is64(0) || ma.Offset > math.MaxUint32 {
			// The access goes through opMemSelect, which adds the offset.
			slow = &memOp{mem: ma.Memory, is64: t.is64(ma.Memory), offset: ma.Offset}
		} else {
			in.z = uint32(ma.Offset)
		}
		if info.Imm == wasm.ImmMemArgLane {
			l := t.im.Lane
			in.k = uint32(l)
		}
	case wasm.ImmLane:
		l := t.im.Lane
		in.k = uint32(l)
	case wasm.ImmShuffle:
		b := t.im.V128[:]
		var s [16]byte
		copy(s[:], b)
		in.k = uint32(len(t.fc.shuffles))
		t.fc.shuffles = append(t.fc.shuffles, s)
	case wasm.ImmMemory:
		mem := t.im.X
		if mem != 0 || t.is64(0) {
			slow = &memOp{mem: mem, is64: t.is64(mem)}
		}
	case wasm.ImmMemoryCopy:
		dst, src := t.im.X, t.im.Y
		if dst != 0 || src != 0 || t.is64(0) {
			slow = &memOp{mem: dst, mem2: src, is64: t.is64(dst), is64b: t.is64(src)}
		}
	case wasm.ImmData, wasm.ImmElem, wasm.ImmTable:
		v := t.im.X
		in.k = v
	case wasm.ImmMemoryInit:
		v, mem := t.im.X, t.im.Y
		in.k = v
		if mem != 0 || t.is64(0) {
			slow = &memOp{mem: mem, is64: t.is64(mem), data: v}
		}
	case wasm.ImmTableInit, wasm.ImmTableCopy:
		a, b := t.im.X, t.im.Y
		// table.init: k elem, r table; table.copy: k dst, r src.
		in.k, in.r = a, b
	default:
		return fmt.Errorf("unsupported immediate for %s", op)
	}
	np := len(info.Params)
	var mask uint8
	for i := np - 1; i >= 0; i-- {
		e := t.pop()
		switch i {
		case 0:
			in.x = e.slot
			mask |= mX
		case 1:
			in.y = e.slot
			mask |= mY
		case 2:
			if info.Imm == wasm.ImmMemArg || info.Imm == wasm.ImmMemArgLane {
				return fmt.Errorf("too many operands for %s", op)
			}
			in.z = e.slot
			mask |= mZ
		}
	}
	if slow != nil {
		return t.memSlow(in, mask, op, info, slow)
	}
	switch op {
	case wasm.OpTableInit: // table r: dst is of its address type; the segment offset and length are i32
		t.table64Check(in.r, 1, store.TrapTableOutOfBounds, in.x, 0, 0)
	case wasm.OpTableCopy: // table k from table r: the length has the smaller address type
		var which uint32
		if t.isTable64(in.k) {
			which |= 1
		}
		if t.isTable64(in.r) {
			which |= 2
		}
		if which == 3 {
			which |= 4
		}
		if which != 0 {
			t.emit(instr{op: opTable64Check, k: which | uint32(store.TrapTableOutOfBounds)<<8, x: in.x, y: in.y, z: in.z}, mX|mY|mZ)
		}
	}
	if np == 2 && !t.immForm(&in, op) {
		// keep the register form
	} else if np == 2 {
		mask &^= mY
	}
	if len(info.Results) == 1 {
		in.r = t.pushTemp(info.Results[0])
		mask |= mR
	}
	t.emit(in, mask)
	if len(info.Results) == 1 {
		t.lastProd = len(t.code) - 1
	}
	return nil
}

// table64Check emits the check that lets the next instruction read the
// operand slots of a 64-bit table (selected by which: 1 x, 2 y, 4 z) as
// i32, when table tab has the i64 address type.
func (t *translator) table64Check(tab uint32, which uint32, tc store.TrapCode, x, y, z uint32) {
	if int(tab) >= len(t.tab64) || !t.tab64[tab] || which == 0 {
		return
	}
	var mask uint8
	if which&1 != 0 {
		mask |= mX
	}
	if which&2 != 0 {
		mask |= mY
	}
	if which&4 != 0 {
		mask |= mZ
	}
	t.emit(instr{op: opTable64Check, k: which | uint32(tc)<<8, x: x, y: y, z: z}, mask)
}

// isTable64 reports whether table idx has the i64 address type.
func (t *translator) isTable64(idx uint32) bool { return int(idx) < len(t.tab64) && t.tab64[idx] }

// is64 reports whether memory idx has the i64 address type.
func (t *translator) is64(idx uint32) bool { return int(idx) < len(t.mem64) && t.mem64[idx] }

// memSlow emits an instruction whose operands (popped into in, mask) use
// a memory other than a 32-bit memory 0: loads and stores as opMemSelect,
// the access on the selected memory, opMemRestore; the others as their
// opMem*X forms.
func (t *translator) memSlow(in instr, mask uint8, op wasm.Op, info *wasm.OpInfo, mo *memOp) error {
	k := uint32(len(t.fc.memOps))
	t.fc.memOps = append(t.fc.memOps, *mo)
	result := func() {
		if len(info.Results) == 1 {
			in.r = t.pushTemp(info.Results[0])
			mask |= mR
		}
	}
	switch op {
	case wasm.OpMemorySize:
		in.op, in.k = opMemSizeX, k
		result()
		t.emit(in, mask)
	case wasm.OpMemoryGrow:
		in.op, in.k = opMemGrowX, k
		result()
		t.emit(in, mask)
	case wasm.OpMemoryFill:
		in.op, in.k = opMemFillX, k
		t.emit(in, mask)
	case wasm.OpMemoryCopy:
		in.op, in.k = opMemCopyX, k
		t.emit(in, mask)
	case wasm.OpMemoryInit:
		in.op, in.k = opMemInitX, k
		t.emit(in, mask)
	default: // a load or store: the address is in.x
		// The effective address goes to the home of the address operand,
		// free now that it is popped (a load's result reuses it: the load
		// reads its address before it writes).
		ea := t.homeAt(len(t.stack))
		t.emit(instr{op: opMemSelect, r: ea, x: in.x, k: k}, mR|mX)
		in.x, in.z = ea, 0
		result()
		t.emit(in, mask)
		t.emit(instr{op: opMemRestore}, 0)
	}
	t.lastProd = -1
	return nil
}

// immForm rewrites in (a binary op whose y operand is in slot in.y) into
// an immediate form when y is a constant that fits, and reports whether
// it did.
func (t *translator) immForm(in *instr, op wasm.Op) bool {
	if in.y < t.numLocals || in.y >= tempTag || int(in.y-t.numLocals) >= len(t.consts) {
		return false
	}
	c := t.consts[in.y-t.numLocals]
	switch op {
	case wasm.OpI32Add:
		in.op, in.k = opI32AddImm, uint32(c)
	case wasm.OpI32Sub:
		in.op, in.k = opI32AddImm, -uint32(c)
	case wasm.OpI64Add, wasm.OpI64Sub:
		if op == wasm.OpI64Sub {
			c = -c
		}
		if int64(c) != int64(int32(c)) {
			return false
		}
		in.op, in.k = opI64AddImm, uint32(c)
	default:
		return false
	}
	in.y = 0
	return true
}

// compileFunc translates defined function i of m.
func compileFunc(m *wasm.Module, i int, funcTypes []uint32, globals []wasm.ValType, mem64, tab64 []bool, tagTypes []uint32) (*funcCode, error) {
	ft := m.Types[m.Funcs[i]]
	code := &m.Code[i]
	t := &translator{m: m, constIdx: map[[3]uint64]uint32{}, lastProd: -1, lastCall: -1, funcTypes: funcTypes, globals: globals,
		mem64: mem64, tab64: tab64, tagTypes: tagTypes}
	t.locals = append(t.locals, ft.Params...)
	for _, d := range code.Locals {
		for j := uint32(0); j < d.Count; j++ {
			t.locals = append(t.locals, d.Type)
		}
	}
	s := uint32(0)
	paramSlots := 0
	for j, lt := range t.locals {
		t.localSlot = append(t.localSlot, s)
		s += uint32(lt.Slots())
		if j == len(ft.Params)-1 {
			paramSlots = int(s)
		}
	}
	t.numLocals = s
	t.refCount = make([]int32, len(t.locals))
	fc := &funcCode{paramSlots: paramSlots, numLocals: int(s), index: m.NumImportedFuncs + uint32(i)}
	for _, rt := range ft.Results {
		fc.resultSlots += rt.Slots()
	}
	t.fc = fc
	t.ctrls = []ctrl{{kind: ctrlFunc, results: ft.Results, base: tempTag, elseFix: -1}}
	if err := t.translate(code.Body, code.Offset); err != nil {
		return nil, err
	}
	// Catch clauses that branch to the function's label return.
	stub := -1
	for j := range fc.catches {
		if fc.catches[j].target < 0 {
			if stub < 0 {
				stub = t.emit(instr{op: opReturn}, 0)
			}
			fc.catches[j].target = stub
		}
	}
	// Drop the constants no instruction reads (those that became
	// immediates) so that calls copy only the others, then resolve the
	// provisional temp slots.
	nl, nc := t.numLocals, uint32(len(t.consts))
	isConst := func(v uint32) bool { return v >= nl && v < nl+nc }
	used := make([]bool, nc)
	for j := range t.code {
		in, mk := &t.code[j], t.masks[j]
		for f, v := range [4]uint32{in.r, in.x, in.y, in.z} {
			if mk&(1<<f) != 0 && isConst(v) {
				used[v-nl] = true
			}
		}
	}
	remap := make([]uint32, nc)
	var kept []uint64
	for c := uint32(0); c < nc; c++ {
		if t.constWidth[c] == 0 || !used[c] {
			continue
		}
		remap[c] = uint32(len(kept))
		kept = append(kept, t.consts[c:c+uint32(t.constWidth[c])]...)
	}
	t.consts = kept
	tempBase := t.numLocals + uint32(len(t.consts))
	for j := range t.code {
		in, mk := &t.code[j], t.masks[j]
		fix := func(v *uint32) {
			switch {
			case *v >= tempTag:
				*v = *v - tempTag + tempBase
			case isConst(*v):
				*v = nl + remap[*v-nl]
			}
		}
		if mk&mR != 0 {
			fix(&in.r)
		}
		if mk&mX != 0 {
			fix(&in.x)
		}
		if mk&mY != 0 {
			fix(&in.y)
		}
		if mk&mZ != 0 {
			fix(&in.z)
		}
	}
	for j := range fc.catches {
		if d := &fc.catches[j].dst; *d >= tempTag {
			*d = *d - tempTag + tempBase
		}
	}
	// A sentinel keeps the instruction pointer inside the code array when
	// it advances past the final return; it is never executed.
	t.emit(instr{op: opUnreachable}, 0)
	// Jump threading: a branch to a return is that return, and a move
	// into the slot a single result is returned from is dead: return the
	// source directly.
	for j := range t.code {
		in := &t.code[j]
		if in.op != opBr {
			continue
		}
		target := t.code[in.k]
		if target.op != opReturn && target.op != opReturn1 {
			continue
		}
		*in = target
		t.masks[j] = t.masks[in.k]
		if in.op == opReturn1 && j > 0 {
			if prev := &t.code[j-1]; prev.op == opCopy && prev.r == in.x {
				*prev = instr{op: opReturn1, x: prev.x}
			}
		}
	}
	// Make branch targets relative to the branching instruction.
	for j := range t.code {
		in := &t.code[j]
		switch {
		case in.op == opBr || in.op == opBrIfNZ || in.op == opBrIfZ || (in.op >= opBrI32Eq && in.op <= opBrI64NZ):
			in.k = uint32(int32(in.k) - int32(j))
		case in.op == opBrTable:
			for e, target := range fc.brTables[in.k] {
				fc.brTables[in.k][e] = uint32(int32(target) - int32(j))
			}
		}
	}
	fc.code = t.code
	fc.consts = t.consts
	fc.frameSize = int(tempBase + t.maxTemp)
	if fc.frameSize < fc.resultSlots {
		fc.frameSize = fc.resultSlots
	}
	return fc, nil
}
