package text

import (
	"encoding/binary"
	"math/bits"
	"strings"

	wbin "github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// fctx is the state of one instruction sequence being encoded: a function
// body or a constant expression.
type fctx struct {
	locals map[string]uint32
	labels []string         // innermost last; "" for unnamed labels
	named  map[string][]int // positions in labels of each label name, innermost last
	out    []byte
}

func (f *fctx) bindLocal(p *parser, id string, idx uint32, t *token) {
	if id == "" {
		return
	}
	if f.locals == nil {
		f.locals = map[string]uint32{}
	}
	if _, dup := f.locals[id]; dup {
		off := 0
		if t != nil {
			off = int(t.pos)
		} else if p.i > 0 {
			off = int(p.toks[p.i-1].pos)
		}
		p.fail(off, "duplicate local %s", id)
	}
	f.locals[id] = idx
}

// instrs parses instructions up to ")" or an "end" / "else" that closes
// an enclosing block. Plain blocks opened here are tracked on an explicit
// stack, so their nesting depth is not limited by recursion.
func (b *builder) instrs(f *fctx) {
	p := b.p
	type open struct {
		label        string
		isIf, inElse bool
	}
	var stack []open
	for {
		t := p.peek()
		switch t.kind {
		case tLParen:
			b.folded(f)
		case tAtom:
			switch {
			case p.is(t, "block"), p.is(t, "loop"), p.is(t, "if"), p.is(t, "try_table"):
				p.i++
				label, _ := p.optID()
				op := wasm.OpBlock
				if p.is(t, "loop") {
					op = wasm.OpLoop
				} else if p.is(t, "if") {
					op = wasm.OpIf
				} else if p.is(t, "try_table") {
					op = wasm.OpTryTable
				}
				f.out = append(f.out, byte(op))
				f.out = b.blockType(f.out)
				if op == wasm.OpTryTable {
					f.out = b.catches(f, f.out)
				}
				f.pushLabel(label)
				stack = append(stack, open{label: label, isIf: op == wasm.OpIf})
			case p.is(t, "else"):
				if len(stack) == 0 {
					return
				}
				top := &stack[len(stack)-1]
				if !top.isIf || top.inElse {
					p.unexpected(t)
				}
				p.i++
				b.endLabel(top.label)
				top.inElse = true
				f.out = append(f.out, byte(wasm.OpElse))
			case p.is(t, "end"):
				if len(stack) == 0 {
					return
				}
				p.i++
				b.endLabel(stack[len(stack)-1].label)
				stack = stack[:len(stack)-1]
				f.popLabel()
				f.out = append(f.out, byte(wasm.OpEnd))
			default:
				p.i++
				f.out = b.op(f, t, f.out)
			}
		case tRParen, tEOF:
			if len(stack) > 0 {
				p.unexpected(t) // a plain block is missing its end
			}
			return
		default:
			p.unexpected(t)
		}
	}
}

// pushLabel enters a block with the given label ("" when unnamed).
func (f *fctx) pushLabel(label string) {
	if label != "" {
		if f.named == nil {
			f.named = map[string][]int{}
		}
		f.named[label] = append(f.named[label], len(f.labels))
	}
	f.labels = append(f.labels, label)
}

// popLabel leaves the innermost block.
func (f *fctx) popLabel() {
	label := f.labels[len(f.labels)-1]
	f.labels = f.labels[:len(f.labels)-1]
	if label != "" {
		pos := f.named[label]
		f.named[label] = pos[:len(pos)-1]
	}
}

// endLabel checks an optional identifier after end or else against the
// label of the block.
func (b *builder) endLabel(label string) {
	p := b.p
	if id, t := p.optID(); t != nil && id != label {
		p.fail(int(t.pos), "mismatching label %s", id)
	}
}

// folded parses one folded instruction "(" ... ")".
func (b *builder) folded(f *fctx) {
	p := b.p
	lp := p.next()
	p.enter(int(lp.pos))
	t := p.next()
	if t.kind != tAtom {
		p.unexpected(t)
	}
	switch name := p.text(t); name {
	case "block", "loop", "try_table":
		label, _ := p.optID()
		op := wasm.OpBlock
		if name == "loop" {
			op = wasm.OpLoop
		} else if name == "try_table" {
			op = wasm.OpTryTable
		}
		f.out = append(f.out, byte(op))
		f.out = b.blockType(f.out)
		if op == wasm.OpTryTable {
			f.out = b.catches(f, f.out)
		}
		f.pushLabel(label)
		b.instrs(f)
		f.popLabel()
		f.out = append(f.out, byte(wasm.OpEnd))
	case "if":
		label, _ := p.optID()
		bt := b.blockType([]byte{byte(wasm.OpIf)})
		for p.peek().kind == tLParen && !p.is(p.peekN(1), "then") {
			b.folded(f)
		}
		f.out = append(f.out, bt...)
		f.pushLabel(label)
		if !p.lparenKw("then") {
			p.unexpected(p.peek())
		}
		p.i += 2
		b.instrs(f)
		p.expectRParen()
		if p.lparenKw("else") {
			p.i += 2
			f.out = append(f.out, byte(wasm.OpElse))
			b.instrs(f)
			p.expectRParen()
		}
		f.popLabel()
		f.out = append(f.out, byte(wasm.OpEnd))
	default:
		ins := b.op(f, t, nil)
		for p.peek().kind == tLParen {
			b.folded(f)
		}
		f.out = append(f.out, ins...)
	}
	p.expectRParen()
	p.leave()
}

// blockType parses a block type and appends its encoding.
func (b *builder) blockType(out []byte) []byte {
	p := b.p
	if p.lparenKw("type") {
		idx, _, _ := b.typeUse(false)
		return wbin.AppendS64(out, int64(idx))
	}
	ps, _, _ := b.params(false)
	rs, _ := b.results()
	b.noMoreSig()
	switch {
	case len(ps) == 0 && len(rs) == 0:
		return append(out, 0x40)
	case len(ps) == 0 && len(rs) == 1:
		return wbin.AppendValType(out, rs[0])
	}
	idx := b.typeIndex(wasm.FuncType{Params: ps, Results: rs})
	return wbin.AppendS64(out, int64(idx))
}

// catches parses the catch clauses of try_table and appends their
// vector. Their labels are resolved outside the try_table.
func (b *builder) catches(f *fctx, out []byte) []byte {
	p := b.p
	var clauses []byte
	n := uint32(0)
	for {
		var kind byte
		switch {
		case p.lparenKw("catch"):
			kind = wbin.CatchTag
		case p.lparenKw("catch_ref"):
			kind = wbin.CatchRef
		case p.lparenKw("catch_all"):
			kind = wbin.CatchAll
		case p.lparenKw("catch_all_ref"):
			kind = wbin.CatchAllRef
		default:
			return append(wbin.AppendU32(out, n), clauses...)
		}
		p.i += 2
		clauses = append(clauses, kind)
		if kind < wbin.CatchAll {
			clauses = wbin.AppendU32(clauses, b.index(sTag))
		}
		clauses = wbin.AppendU32(clauses, b.label(f))
		p.expectRParen()
		n++
	}
}

// label parses a label reference: an identifier or a depth.
func (b *builder) label(f *fctx) uint32 {
	p := b.p
	t := p.peek()
	if t.kind == tID {
		p.i++
		id := p.text(t)
		if pos := f.named[id]; len(pos) > 0 {
			return uint32(len(f.labels) - 1 - pos[len(pos)-1])
		}
		p.fail(int(t.pos), "unknown label %s", id)
	}
	if t.kind == tAtom && isDigit(p.src[t.pos]) {
		return p.u32()
	}
	p.unexpected(t)
	return 0
}

func (b *builder) local(f *fctx) uint32 {
	p := b.p
	t := p.peek()
	if t.kind == tID {
		p.i++
		idx, ok := f.locals[p.text(t)]
		if !ok {
			p.fail(int(t.pos), "unknown local %s", p.text(t))
		}
		return idx
	}
	if t.kind == tAtom && isDigit(p.src[t.pos]) {
		return p.u32()
	}
	p.unexpected(t)
	return 0
}

// literal reads the next atom for a numeric immediate.
func (b *builder) literal() *token {
	t := b.p.next()
	if t.kind != tAtom {
		b.p.unexpected(t)
	}
	return t
}

// op parses a non-block instruction named by t with its immediates and
// appends its encoding to out.
func (b *builder) op(f *fctx, t *token, out []byte) []byte {
	p := b.p
	name := p.text(t)
	op, ok := wasm.OpByName(name)
	if !ok {
		p.unexpected(t)
	}
	info, _ := op.Info()
	switch info.Imm {
	case wasm.ImmNone:
		if op == wasm.OpSelect {
			if p.lparenKw("result") {
				rs, _ := b.results()
				out = append(out, byte(wasm.OpSelectT))
				out = wbin.AppendU32(out, uint32(len(rs)))
				for _, r := range rs {
					out = wbin.AppendValType(out, r)
				}
				return out
			}
		}
		return wbin.AppendOp(out, op)
	case wasm.ImmBlockType:
		p.unexpected(t) // block, loop, if are handled by the callers
	case wasm.ImmLabel:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.label(f))
	case wasm.ImmBrTable:
		var ls []uint32
		for p.isIndex(p.peek()) {
			ls = append(ls, b.label(f))
		}
		if len(ls) == 0 {
			p.unexpected(p.peek())
		}
		out = wbin.AppendOp(out, op)
		out = wbin.AppendU32(out, uint32(len(ls)-1))
		for _, l := range ls {
			out = wbin.AppendU32(out, l)
		}
		return out
	case wasm.ImmFunc:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.index(sFunc))
	case wasm.ImmCallIndirect:
		table := uint32(0)
		if p.isIndex(p.peek()) {
			table = b.index(sTable)
		}
		ti, _, _ := b.typeUse(false)
		out = wbin.AppendOp(out, op)
		out = wbin.AppendU32(out, ti)
		return wbin.AppendU32(out, table)
	case wasm.ImmLocal:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.local(f))
	case wasm.ImmGlobal:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.index(sGlobal))
	case wasm.ImmTag:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.index(sTag))
	case wasm.ImmType:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.index(sType))
	case wasm.ImmTable:
		x := uint32(0)
		if p.isIndex(p.peek()) {
			x = b.index(sTable)
		}
		return wbin.AppendU32(wbin.AppendOp(out, op), x)
	case wasm.ImmMemArg:
		return b.memArg(wbin.AppendOp(out, op), info.Align)
	case wasm.ImmMemArgLane:
		// A lone number is the lane: a memory index is followed by the
		// memarg or the lane.
		n1 := p.peekN(1)
		hasMem := p.isIndex(p.peek()) && (p.isIndex(n1) || n1.kind == tAtom &&
			(strings.HasPrefix(p.text(n1), "offset=") || strings.HasPrefix(p.text(n1), "align=")))
		out = b.memArgMem(wbin.AppendOp(out, op), info.Align, hasMem)
		return append(out, b.laneIndex(false))
	case wasm.ImmLane:
		return append(wbin.AppendOp(out, op), b.laneIndex(false))
	case wasm.ImmMemory:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.optMemIndex())
	case wasm.ImmI32:
		lt := b.literal()
		v, err := ParseI32(p.text(lt))
		if err != nil {
			p.failLit(lt, err)
		}
		return wbin.AppendS32(wbin.AppendOp(out, op), int32(v))
	case wasm.ImmI64:
		lt := b.literal()
		v, err := ParseI64(p.text(lt))
		if err != nil {
			p.failLit(lt, err)
		}
		return wbin.AppendS64(wbin.AppendOp(out, op), int64(v))
	case wasm.ImmF32:
		lt := b.literal()
		v, err := ParseF32(p.text(lt))
		if err != nil {
			p.failLit(lt, err)
		}
		return binary.LittleEndian.AppendUint32(wbin.AppendOp(out, op), v)
	case wasm.ImmF64:
		lt := b.literal()
		v, err := ParseF64(p.text(lt))
		if err != nil {
			p.failLit(lt, err)
		}
		return binary.LittleEndian.AppendUint64(wbin.AppendOp(out, op), v)
	case wasm.ImmRefType:
		ht := p.next()
		switch {
		case p.is(ht, "func"):
			return append(wbin.AppendOp(out, op), byte(wasm.FuncRef))
		case p.is(ht, "extern"):
			return append(wbin.AppendOp(out, op), byte(wasm.ExternRef))
		case p.is(ht, "exn"):
			return append(wbin.AppendOp(out, op), byte(wasm.ExnRef))
		}
		p.i--
		return wbin.AppendHeapType(wbin.AppendOp(out, op), b.heapType())
	case wasm.ImmMemoryInit:
		b.usesData = true
		mem := uint32(0)
		if p.enabled.Has(wasm.FeatureMultiMemory) && p.isIndex(p.peek()) && p.isIndex(p.peekN(1)) {
			mem = b.index(sMem)
		}
		out = wbin.AppendU32(wbin.AppendOp(out, op), b.index(sData))
		return wbin.AppendU32(out, mem)
	case wasm.ImmData:
		b.usesData = true
		return wbin.AppendU32(wbin.AppendOp(out, op), b.index(sData))
	case wasm.ImmMemoryCopy:
		x, y := uint32(0), uint32(0)
		if p.enabled.Has(wasm.FeatureMultiMemory) && p.isIndex(p.peek()) {
			x = b.index(sMem)
			y = b.index(sMem)
		}
		return wbin.AppendU32(wbin.AppendU32(wbin.AppendOp(out, op), x), y)
	case wasm.ImmTableInit:
		table := uint32(0)
		if p.isIndex(p.peek()) && p.isIndex(p.peekN(1)) {
			table = b.index(sTable)
		}
		elem := b.index(sElem)
		out = wbin.AppendU32(wbin.AppendOp(out, op), elem)
		return wbin.AppendU32(out, table)
	case wasm.ImmElem:
		return wbin.AppendU32(wbin.AppendOp(out, op), b.index(sElem))
	case wasm.ImmTableCopy:
		x, y := uint32(0), uint32(0)
		if p.isIndex(p.peek()) {
			x = b.index(sTable)
			y = b.index(sTable)
		}
		out = wbin.AppendU32(wbin.AppendOp(out, op), x)
		return wbin.AppendU32(out, y)
	case wasm.ImmV128:
		return b.v128Const(wbin.AppendOp(out, op))
	case wasm.ImmShuffle:
		out = wbin.AppendOp(out, op)
		n := 0
		for t := p.peekN(n); t.kind == tAtom && isOperand(p.text(t)); t = p.peekN(n) {
			n++
		}
		if n != 16 {
			p.fail(int(p.peekN(min(n, 16)).pos), "invalid lane length")
		}
		for range 16 {
			out = append(out, b.laneIndex(true))
		}
		return out
	}
	p.unexpected(t)
	return nil
}

// laneIndex parses a lane index (a natural number below 256). Other
// literals are "unexpected token" for lane instructions and "malformed lane
// index" for shuffles, as the spec's tests expect.
func (b *builder) laneIndex(shuffle bool) byte {
	p := b.p
	t := b.literal()
	v, err := parseUint(p.text(t), 8)
	if err == errBadNumber && !shuffle {
		p.fail(int(t.pos), "unexpected token %s", p.text(t))
	}
	if err != nil {
		p.fail(int(t.pos), "malformed lane index")
	}
	return byte(v)
}

// optMemIndex parses an optional memory index (3.0: multiple memories).
func (b *builder) optMemIndex() uint32 {
	p := b.p
	if p.enabled.Has(wasm.FeatureMultiMemory) && p.isIndex(p.peek()) {
		return b.index(sMem)
	}
	return 0
}

// memArg parses memidx? offset=N? align=N? and appends the flags
// (alignment exponent, plus 64 and the memory index for a memory other
// than 0) and the offset.
func (b *builder) memArg(out []byte, natural uint8) []byte {
	return b.memArgMem(out, natural, true)
}

// memArgMem is memArg; a memory index is looked for only when mayHaveMem.
func (b *builder) memArgMem(out []byte, natural uint8, mayHaveMem bool) []byte {
	p := b.p
	mem := uint32(0)
	if mayHaveMem {
		mem = b.optMemIndex()
	}
	width := uint(32)
	if p.enabled.Has(wasm.FeatureMemory64) {
		width = 64 // the validator checks the bounds
	}
	var offset uint64
	align := uint32(natural)
	if t := p.peek(); t.kind == tAtom && strings.HasPrefix(p.text(t), "offset=") {
		p.i++
		v, err := parseUint(p.text(t)[len("offset="):], width)
		if err == errOutOfRange {
			p.fail(int(t.pos), "i%d constant out of range", width)
		}
		if err != nil {
			p.failLit(t, err)
		}
		offset = v
	}
	if t := p.peek(); t.kind == tAtom && strings.HasPrefix(p.text(t), "align=") {
		p.i++
		v, err := parseUint(p.text(t)[len("align="):], width)
		if err != nil {
			p.failLit(t, err)
		}
		if v == 0 || v&(v-1) != 0 {
			p.fail(int(t.pos), "alignment must be a power of two")
		}
		align = uint32(bits.TrailingZeros64(v))
	}
	if mem != 0 {
		out = wbin.AppendU32(out, align|0x40)
		out = wbin.AppendU32(out, mem)
	} else {
		out = wbin.AppendU32(out, align)
	}
	return wbin.AppendU64(out, offset)
}

// v128Const parses a lane shape and its lane literals and appends the 16
// bytes.
func (b *builder) v128Const(out []byte) []byte {
	p := b.p
	st := p.next()
	if st.kind != tAtom {
		p.unexpected(st)
	}
	var n, size int
	switch p.text(st) {
	case "i8x16":
		n, size = 16, 1
	case "i16x8":
		n, size = 8, 2
	case "i32x4", "f32x4":
		n, size = 4, 4
	case "i64x2", "f64x2":
		n, size = 2, 8
	default:
		p.fail(int(st.pos), "unexpected token %s", p.text(st))
	}
	float := p.text(st)[0] == 'f'
	count := 0
	for t := p.peekN(count); t.kind == tAtom && isOperand(p.text(t)); t = p.peekN(count) {
		count++
	}
	if count != n {
		p.fail(int(p.peek().pos), "wrong number of lane literals")
	}
	for i := 0; i < n; i++ {
		t := p.next()
		s := p.text(t)
		var v uint64
		var err error
		switch {
		case float && size == 4:
			var x uint32
			x, err = ParseF32(s)
			v = uint64(x)
		case float:
			v, err = ParseF64(s)
		default:
			v, err = parseInt(s, uint(size*8))
		}
		if err != nil {
			p.failLit(t, err)
		}
		for j := 0; j < size; j++ {
			out = append(out, byte(v>>(8*j)))
		}
	}
	return out
}
