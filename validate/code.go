package validate

import (
	"errors"
	"fmt"
	"math"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// Kinds of control frames.
const (
	kBlock uint8 = iota
	kLoop
	kIf   // if whose else has not been seen
	kElse // if after its else
	kFunc // the function body
)

// frame is an entry of the control stack.
type frame struct {
	params      []wasm.ValType
	results     []wasm.ValType
	height      int // operand stack height at entry (parameters excluded)
	initMark    int // len(validator.initLog) at entry
	kind        uint8
	unreachable bool
}

// labelTypes returns the types a branch to the frame carries.
func (f *frame) labelTypes() []wasm.ValType {
	if f.kind == kLoop {
		return f.params
	}
	return f.results
}

// validator holds the state of one Module call; its slices are reused
// across functions and, through a pool, across modules.
type validator struct {
	m         *wasm.Module
	types     []wasm.FuncType
	funcTypes []uint32 // type index of every function of the index space
	tables    []wasm.TableType
	globals   []wasm.GlobalType
	numMems   int
	mems      []wasm.MemoryType // the memory index space
	tags      []uint32          // type index of every tag of the index space
	catches   []binary.Catch    // scratch for try_table
	// addr and addr2 are the address types of the memories (or tables)
	// named by the current instruction's immediates; wide is set when
	// one of them is i64 (3.0: memory64, table64).
	addr, addr2 wasm.ValType
	wide        bool
	// Initialisation of non-defaultable locals (3.0): inited by local,
	// initLog the locals set since the entry of each open frame.
	nonDefaultable bool
	inited         []bool
	// Uses of the locals (FuncInfo.LocalWeights, LocalWritten), sliced
	// from module-wide arrays, and the weight of a use at the current
	// loop depth.
	weights        []uint32
	written        []bool
	weightBacking  []uint32
	writtenBacking []bool
	loopDepth      int
	useWeight      uint32
	initLog        []uint32
	canon          []uint32      // canonical id of every type, for type equivalence
	refs           []bool        // declared function references, by function index
	feats          wasm.Features // 3.0 features seen so far
	enabled        wasm.Features // 3.0 features allowed

	// State of the body being validated.
	body    []byte
	pos     int // position of the next byte in body
	start   int // position of the current instruction in body
	base    int // absolute offset of body[0], or -1
	fn      int // function index, or -1 for constant expressions
	locals  []wasm.ValType
	vals    []wasm.ValType // operand stack
	ctrls   []frame        // control stack
	height  int            // height of the innermost frame
	unreach bool           // the innermost frame is unreachable
	maxH    int            // largest len(vals) seen
}

// errorf returns an *Error at the current instruction.
func (v *validator) errorf(format string, args ...any) error {
	off := -1
	if v.base >= 0 {
		off = v.base + v.start
	}
	return &Error{Offset: off, Func: v.fn, Reason: fmt.Sprintf(format, args...)}
}

// wrap turns a reader error into an *Error of this package.
func (v *validator) wrap(err error) error {
	var be *binary.Error
	if errors.As(err, &be) {
		off := be.Offset
		if v.base < 0 {
			off = -1
		}
		return &Error{Offset: off, Func: v.fn, Reason: be.Reason}
	}
	return v.errorf("%v", err)
}

// Immediate readers. Each has a fast path for the one-byte encoding and
// falls back to binary.Reader for the general case.

func (v *validator) reader() binary.Reader {
	base := v.base
	if base < 0 {
		base = 0
	}
	r := binary.NewReader(v.body[v.pos:], base+v.pos)
	r.SetEOFReason(binary.ReasonUnexpectedEndSect)
	return r
}

func (v *validator) u32() (uint32, error) {
	if x, ok := v.u32Fast(); ok {
		return x, nil
	}
	return v.u32Slow()
}

func (v *validator) u32Slow() (uint32, error) {
	body, p := v.body, v.pos
	var x uint32
	// Fewer than five bytes cannot overflow; the fifth byte and every
	// error go through binary.Reader for its exact diagnostics.
	for shift := uint(0); shift < 28 && p < len(body); shift += 7 {
		b := body[p]
		p++
		x |= uint32(b&0x7F) << shift
		if b < 0x80 {
			v.pos = p
			return x, nil
		}
	}
	r := v.reader()
	x, err := r.ReadU32()
	if err != nil {
		return 0, v.wrap(err)
	}
	v.pos += r.Pos()
	return x, nil
}

// skipSigned skips a signed LEB128 integer of at most maxBytes bytes.
func (v *validator) skipSigned(maxBytes int) bool {
	body, p := v.body, v.pos
	for i := 0; i < maxBytes-1 && p < len(body); i++ {
		b := body[p]
		p++
		if b < 0x80 {
			v.pos = p
			return true
		}
	}
	return false
}

func (v *validator) byte1() (byte, error) {
	if v.pos < len(v.body) {
		b := v.body[v.pos]
		v.pos++
		return b, nil
	}
	return 0, v.eof()
}

func (v *validator) eof() error {
	off := -1
	if v.base >= 0 {
		off = v.base + len(v.body)
	}
	return &Error{Offset: off, Func: v.fn, Reason: binary.ReasonUnexpectedEndSect}
}

func (v *validator) skip(n int) error {
	if len(v.body)-v.pos < n {
		v.pos = len(v.body)
		return v.eof()
	}
	v.pos += n
	return nil
}

func (v *validator) s32() error {
	if v.skipSigned(5) {
		return nil
	}
	r := v.reader()
	if _, err := r.ReadS32(); err != nil {
		return v.wrap(err)
	}
	v.pos += r.Pos()
	return nil
}

func (v *validator) s64() error {
	if v.skipSigned(10) {
		return nil
	}
	r := v.reader()
	if _, err := r.ReadS64(); err != nil {
		return v.wrap(err)
	}
	v.pos += r.Pos()
	return nil
}

// blockType reads a block type and returns its parameters and results.
func (v *validator) blockType() (params, results []wasm.ValType, err error) {
	if v.pos < len(v.body) {
		b := v.body[v.pos]
		if b == 0x40 {
			v.pos++
			return nil, nil, nil
		}
		if b&0xC0 == 0x40 && b != 0x63 && b != 0x64 {
			v.pos++
			t := wasm.ValType(b)
			if !v.valType(t) {
				return nil, nil, v.errorf("malformed block type %#x", b)
			}
			return nil, single[b][:], nil
		}
	}
	r := v.reader()
	bt, err := r.ReadBlockType()
	if err != nil {
		return nil, nil, v.wrap(err)
	}
	v.pos += r.Pos()
	switch bt.Kind {
	case binary.BlockEmpty:
		return nil, nil, nil
	case binary.BlockValue:
		if !v.valType(bt.Value) {
			return nil, nil, v.errorf("malformed block type %#x", byte(bt.Value))
		}
		if bt.Value > 0xFF {
			return nil, []wasm.ValType{bt.Value}, nil
		}
		return nil, single[bt.Value][:], nil
	}
	if uint64(bt.Index) >= uint64(len(v.types)) {
		return nil, nil, v.errorf("unknown type %d", bt.Index)
	}
	ft := &v.types[bt.Index]
	return ft.Params, ft.Results, nil
}

// Operand stack.

func (v *validator) push(t wasm.ValType) {
	v.vals = append(v.vals, t)
	if len(v.vals) > v.maxH {
		v.maxH = len(v.vals)
	}
}

func (v *validator) pushVals(ts []wasm.ValType) {
	v.vals = append(v.vals, ts...)
	if len(v.vals) > v.maxH {
		v.maxH = len(v.vals)
	}
}

// popSlow pops a value of type want; callers try popFast first.
func (v *validator) popSlow(want wasm.ValType) error {
	n := len(v.vals)
	if n > v.height {
		got := v.vals[n-1]
		v.vals = v.vals[:n-1]
		if got != want && got != unknown && !v.sub(got, want) {
			return v.mismatch(want, got)
		}
		return nil
	}
	if v.unreach {
		return nil
	}
	return v.mismatch(want, unknown)
}

// popAny pops a value of any type; unknown when the stack is polymorphic.
func (v *validator) popAny() (wasm.ValType, error) {
	n := len(v.vals)
	if n > v.height {
		t := v.vals[n-1]
		v.vals = v.vals[:n-1]
		return t, nil
	}
	if v.unreach {
		return unknown, nil
	}
	return unknown, v.errorf("type mismatch: expected a value, but the stack is empty")
}

// popVals pops values of the given types (the last one first).
func (v *validator) popVals(ts []wasm.ValType) error {
	for i := len(ts) - 1; i >= 0; i-- {
		if !v.popFast(ts[i]) {
			if err := v.popSlow(ts[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkTop checks, without popping, that the stack ends with values of the
// given types (as popVals then pushing the popped values back would).
func (v *validator) checkTop(ts []wasm.ValType) error {
	n := len(v.vals)
	k := len(ts)
	for i := k - 1; i >= 0; i-- {
		idx := n - k + i
		if idx < v.height {
			if v.unreach {
				return nil
			}
			return v.mismatch(ts[i], unknown)
		}
		if got := v.vals[idx]; got != ts[i] && got != unknown && !v.sub(got, ts[i]) {
			return v.mismatch(ts[i], got)
		}
	}
	return nil
}

func (v *validator) mismatch(want, got wasm.ValType) error {
	if got == unknown {
		return v.errorf("type mismatch: expected %v, but the stack is empty", want)
	}
	return v.errorf("type mismatch: expected %v, got %v", want, got)
}

// Control stack.

func (v *validator) pushCtrl(kind uint8, params, results []wasm.ValType) {
	v.ctrls = append(v.ctrls, frame{params: params, results: results, height: len(v.vals), kind: kind, initMark: len(v.initLog)})
	v.height = len(v.vals)
	v.unreach = false
	v.pushVals(params)
}

// setUnreachable makes the rest of the innermost frame unreachable.
func (v *validator) setUnreachable() {
	v.vals = v.vals[:v.height]
	v.unreach = true
	v.ctrls[len(v.ctrls)-1].unreachable = true
}

// label returns the frame a branch with relative depth l targets.
func (v *validator) label(l uint32) (*frame, error) {
	if uint64(l) >= uint64(len(v.ctrls)) {
		return nil, v.errorf("unknown label %d", l)
	}
	return &v.ctrls[len(v.ctrls)-1-int(l)], nil
}

// memArg reads a memory-access immediate and checks the alignment, the
// memory index and the offset.
func (v *validator) memArg(natural uint8) error {
	flags, ok := v.u32Fast()
	if !ok {
		var err error
		if flags, err = v.u32Slow(); err != nil {
			return err
		}
	}
	mem := uint32(0)
	if flags&0x40 != 0 && flags < 0x80 && v.enabled.Has(wasm.FeatureMultiMemory) {
		v.feats |= wasm.FeatureMultiMemory
		var ok bool
		if mem, ok = v.u32Fast(); !ok {
			var err error
			if mem, err = v.u32Slow(); err != nil {
				return err
			}
		}
		flags &^= 0x40
	}
	var off uint64
	if x, ok := v.u32Fast(); ok {
		off = uint64(x)
	} else if v.enabled.Has(wasm.FeatureMemory64) {
		r := v.reader()
		var err error
		if off, err = r.ReadU64(); err != nil {
			return v.wrap(err)
		}
		v.pos += r.Pos()
	} else {
		x, err := v.u32Slow()
		if err != nil {
			return err
		}
		off = uint64(x)
	}
	if uint64(mem) >= uint64(v.numMems) {
		return v.errorf("unknown memory %d", mem)
	}
	if flags > uint32(natural) {
		return v.errorf("alignment must not be larger than natural")
	}
	if v.mems[mem].Is64 {
		v.addr, v.wide = wasm.I64, true
	} else if off > 0xFFFFFFFF {
		return v.errorf("offset out of range")
	}
	return nil
}

// memIndex reads a memory index and records its address type in v.addr
// (first) and v.addr2 (second index of memory.copy).
func (v *validator) memIndex(second bool) error {
	x, ok := v.u32Fast()
	if !ok {
		var err error
		if x, err = v.u32Slow(); err != nil {
			return err
		}
		v.feats |= wasm.FeatureMultiMemory // a long encoding that 2.0 engines do not read
	}
	if uint64(x) >= uint64(v.numMems) {
		return v.errorf("unknown memory %d", x)
	}
	if x != 0 {
		v.feats |= wasm.FeatureMultiMemory
	}
	t := v.mems[x].AddrType()
	if second {
		v.addr2 = t
	} else {
		v.addr = t
	}
	if t == wasm.I64 {
		v.wide = true
	}
	return nil
}

// fixedWide validates a fixed-signature memory instruction whose memory
// has the i64 address type (or two memories with different ones), the
// immediates read: the address operands are of the memory's address type.
func (v *validator) fixedWide(s *sig) error {
	p, r := s.p, s.r
	switch s.op {
	case wasm.OpMemorySize:
		r = v.addr
	case wasm.OpMemoryGrow:
		p[0], r = v.addr, v.addr
	case wasm.OpMemoryFill:
		p[0], p[2] = v.addr, v.addr
	case wasm.OpTableSize:
		r = v.addr
	case wasm.OpMemoryCopy, wasm.OpTableCopy:
		p[0], p[1], p[2] = v.addr, v.addr2, wasm.I64
		if v.addr == wasm.I32 || v.addr2 == wasm.I32 {
			p[2] = wasm.I32
		}
	default: // loads, stores, memory.init, table.init: the address comes first
		p[0] = v.addr
	}
	for j := int(s.n) - 1; j >= 0; j-- {
		if !v.popFast(p[j]) {
			if err := v.popSlow(p[j]); err != nil {
				return err
			}
		}
	}
	if r != 0 {
		v.push(r)
	}
	return nil
}

func (v *validator) tableIndex() (*wasm.TableType, error) {
	x, err := v.u32()
	if err != nil {
		return nil, err
	}
	if uint64(x) >= uint64(len(v.tables)) {
		return nil, v.errorf("unknown table %d", x)
	}
	return &v.tables[x], nil
}

func (v *validator) elemIndex() (*wasm.ElemSegment, error) {
	x, err := v.u32()
	if err != nil {
		return nil, err
	}
	if uint64(x) >= uint64(len(v.m.Elems)) {
		return nil, v.errorf("unknown elem segment %d", x)
	}
	return &v.m.Elems[x], nil
}

func (v *validator) dataIndex() error {
	x, ok := v.u32Fast()
	if !ok {
		var err error
		if x, err = v.u32Slow(); err != nil {
			return err
		}
	}
	if uint64(x) >= uint64(len(v.m.Datas)) {
		return v.errorf("unknown data segment %d", x)
	}
	return nil
}

func (v *validator) funcIndex() (uint32, error) {
	x, err := v.u32()
	if err != nil {
		return 0, err
	}
	if uint64(x) >= uint64(len(v.funcTypes)) {
		return 0, v.errorf("unknown function %d", x)
	}
	return x, nil
}

// readOp reads the opcode at v.pos and returns its description.
func (v *validator) readOp() (wasm.Op, *sig, error) {
	if v.pos >= len(v.body) {
		return 0, nil, v.eof()
	}
	b := v.body[v.pos]
	v.pos++
	op := wasm.Op(b)
	if b == wasm.PrefixMisc || b == wasm.PrefixSIMD {
		sub, err := v.u32()
		if err != nil {
			return 0, nil, err
		}
		if sub >= 0x200 || sub >= 0x100 && b == wasm.PrefixMisc {
			return 0, nil, v.errorf("%s %#x %d", binary.ReasonIllegalOpcode, b, sub)
		}
		if b == wasm.PrefixMisc {
			op = 0x200 | wasm.Op(sub)
		} else {
			op = 0x300 + wasm.Op(sub)
		}
	}
	s := &sigs[op]
	if s.feat != 0 {
		if !v.enabled.Has(s.feat) {
			return 0, nil, v.errorf("%s %#x %d", binary.ReasonIllegalOpcode, op.Prefix(), op.Sub())
		}
		v.feats |= s.feat
	}
	if s.class == cIllegal {
		if op.IsPrefixed() {
			return 0, nil, v.errorf("%s %#x %d", binary.ReasonIllegalOpcode, op.Prefix(), op.Sub())
		}
		return 0, nil, v.errorf("%s %#x", binary.ReasonIllegalOpcode, b)
	}
	return op, s, nil
}

// function validates defined function i and fills fi. Its locals are
// carved from *backing.
func (v *validator) function(i int, fi *FuncInfo, backing *[]wasm.ValType) error {
	m := v.m
	code := &m.Code[i]
	ti := m.Funcs[i]
	ft := &m.Types[ti]
	v.fn = int(m.NumImportedFuncs) + i
	fi.TypeIndex = ti
	fi.NumParams = len(ft.Params)

	// Locals: parameters, then the declared locals.
	n := len(ft.Params)
	for _, d := range code.Locals {
		n += int(d.Count)
	}
	locals := (*backing)[:n:n]
	*backing = (*backing)[n:]
	k := copy(locals, ft.Params)
	v128 := false
	for _, t := range ft.Params {
		if t == wasm.V128 {
			v128 = true
			fi.ParamSlots++
		}
		fi.ParamSlots++
	}
	fi.LocalSlots = fi.ParamSlots
	for _, t := range ft.Results {
		v128 = v128 || t == wasm.V128
	}
	for _, d := range code.Locals {
		if !v.valType(d.Type) {
			return &Error{Offset: -1, Func: v.fn, Reason: fmt.Sprintf("malformed value type %#x", byte(d.Type))}
		}
		v128 = v128 || (d.Type == wasm.V128 && d.Count > 0)
		fi.LocalSlots += int(d.Count) * d.Type.Slots()
		for j := uint32(0); j < d.Count; j++ {
			locals[k] = d.Type
			k++
		}
	}
	fi.Locals = locals
	v.locals = locals
	fi.LocalWeights, v.weightBacking = v.weightBacking[:n:n], v.weightBacking[n:]
	fi.LocalWritten, v.writtenBacking = v.writtenBacking[:n:n], v.writtenBacking[n:]
	v.weights, v.written = fi.LocalWeights, fi.LocalWritten
	v.loopDepth, v.useWeight = 0, 1
	v.nonDefaultable = false
	v.initLog = v.initLog[:0]
	for _, d := range code.Locals {
		if d.Count > 0 && !d.Type.Defaultable() {
			v.nonDefaultable = true
		}
	}
	if v.nonDefaultable {
		v.inited = append(v.inited[:0], make([]bool, len(locals))...)
		for j, t := range locals {
			v.inited[j] = j < len(ft.Params) || t.Defaultable()
		}
	}

	v.body = code.Body
	v.base = code.Offset
	v.pos = 0
	v.vals = v.vals[:0]
	v.ctrls = v.ctrls[:0]
	v.maxH = 0
	v.pushCtrl(kFunc, nil, ft.Results)
	err := v.code(fi)
	fi.MaxHeight = v.maxH
	fi.UsesV128 = fi.UsesV128 || v128
	return err
}

// use counts a use of local x at the current loop depth.
func (v *validator) use(x uint32) {
	if w := v.weights[x] + v.useWeight; w >= v.useWeight {
		v.weights[x] = w
	} else {
		v.weights[x] = math.MaxUint32
	}
}

// enterLoop moves the loop depth by d (1 entering a loop, -1 leaving
// it) and sets the weight of a use there.
func (v *validator) enterLoop(d int) {
	v.loopDepth += d
	v.useWeight = 1 << (3 * min(v.loopDepth, 6))
}

// code validates the body at v.body, whose implicit function frame is
// already on the control stack.
func (v *validator) code(fi *FuncInfo) error {
	maxDepth := 1
	body := v.body
	var flags uint8
	defer func() {
		fi.UsesMemory = fi.UsesMemory || flags&fMemory != 0
		fi.UsesTables = fi.UsesTables || flags&fTable != 0
		fi.UsesV128 = fi.UsesV128 || flags&fSIMD != 0
	}()
	for {
		p := v.pos
		v.start = p
		var s *sig
		if p < len(body) && body[p] < wasm.PrefixMisc {
			s = &sigs[body[p]]
			v.pos = p + 1
		} else {
			_, ps, err := v.readOp()
			if err != nil {
				return err
			}
			s = ps
		}
		switch s.class {
		case cFixed:
			flags |= s.flags
			if s.imm != wasm.ImmNone {
				if err := v.immediates(s); err != nil {
					return err
				}
				if v.wide {
					v.wide = false
					if err := v.fixedWide(s); err != nil {
						return err
					}
					continue
				}
			}
			// Pop the parameters (last first) and push the result.
			k := int(s.n)
			n := len(v.vals) - k
			if n >= v.height {
				for j := k - 1; j >= 0; j-- {
					if t := v.vals[n+j]; t != s.p[j] && t != unknown {
						return v.mismatch(s.p[j], t)
					}
				}
				switch {
				case s.r == 0:
					v.vals = v.vals[:n]
				case k > 0:
					v.vals[n] = s.r
					v.vals = v.vals[:n+1]
				default:
					v.push(s.r)
				}
				break
			}
			for j := k - 1; j >= 0; j-- {
				if !v.popFast(s.p[j]) {
					if err := v.popSlow(s.p[j]); err != nil {
						return err
					}
				}
			}
			if s.r != 0 {
				v.push(s.r)
			}

		case cIllegal:
			return v.errorf("%s %#x", binary.ReasonIllegalOpcode, body[v.start])

		case cLocalGet:
			x, ok := v.u32Fast()
			if !ok {
				var err error
				if x, err = v.u32Slow(); err != nil {
					return err
				}
			}
			if uint64(x) >= uint64(len(v.locals)) {
				return v.errorf("unknown local %d", x)
			}
			if v.nonDefaultable && !v.inited[x] {
				return v.errorf("uninitialized local %d", x)
			}
			v.use(x)
			v.push(v.locals[x])

		case cLocalSet, cLocalTee:
			x, ok := v.u32Fast()
			if !ok {
				var err error
				if x, err = v.u32Slow(); err != nil {
					return err
				}
			}
			if uint64(x) >= uint64(len(v.locals)) {
				return v.errorf("unknown local %d", x)
			}
			t := v.locals[x]
			if !v.popFast(t) {
				if err := v.popSlow(t); err != nil {
					return err
				}
			}
			v.use(x)
			v.written[x] = true
			if v.nonDefaultable && !v.inited[x] {
				v.inited[x] = true
				v.initLog = append(v.initLog, x)
			}
			if s.class == cLocalTee {
				v.push(t)
			}

		case cGlobalGet:
			x, ok := v.u32Fast()
			if !ok {
				var err error
				if x, err = v.u32Slow(); err != nil {
					return err
				}
			}
			if uint64(x) >= uint64(len(v.globals)) {
				return v.errorf("unknown global %d", x)
			}
			t := v.globals[x].Type
			v.push(t)
			fi.UsesV128 = fi.UsesV128 || t == wasm.V128

		case cGlobalSet:
			x, ok := v.u32Fast()
			if !ok {
				var err error
				if x, err = v.u32Slow(); err != nil {
					return err
				}
			}
			if uint64(x) >= uint64(len(v.globals)) {
				return v.errorf("unknown global %d", x)
			}
			g := &v.globals[x]
			if !g.Mutable {
				return v.errorf("global is immutable: global %d", x)
			}
			if !v.popFast(g.Type) {
				if err := v.popSlow(g.Type); err != nil {
					return err
				}
			}

		case cBlock, cLoop:
			params, results, err := v.blockType()
			if err != nil {
				return err
			}
			if err := v.popVals(params); err != nil {
				return err
			}
			kind := kBlock
			if s.class == cLoop {
				kind = kLoop
				fi.HasLoops = true
				v.enterLoop(1)
			}
			v.pushCtrl(kind, params, results)
			fi.NumBlocks++
			fi.UsesV128 = fi.UsesV128 || hasV128(params) || hasV128(results)
			if len(v.ctrls) > maxDepth {
				maxDepth = len(v.ctrls)
			}

		case cIf:
			params, results, err := v.blockType()
			if err != nil {
				return err
			}
			if !v.popFast(wasm.I32) {
				if err := v.popSlow(wasm.I32); err != nil {
					return err
				}
			}
			if err := v.popVals(params); err != nil {
				return err
			}
			v.pushCtrl(kIf, params, results)
			fi.NumBlocks++
			fi.UsesV128 = fi.UsesV128 || hasV128(params) || hasV128(results)
			if len(v.ctrls) > maxDepth {
				maxDepth = len(v.ctrls)
			}

		case cElse:
			f := &v.ctrls[len(v.ctrls)-1]
			if f.kind != kIf {
				return v.errorf("else without matching if")
			}
			if err := v.endFrame(f); err != nil {
				return err
			}
			v.resetInits(f)
			f.kind = kElse
			f.unreachable = false
			v.unreach = false
			v.pushVals(f.params)

		case cEnd:
			f := &v.ctrls[len(v.ctrls)-1]
			if err := v.endFrame(f); err != nil {
				return err
			}
			if f.kind == kIf && !equalTypes(f.params, f.results) {
				return v.errorf("type mismatch: if without else must leave its parameters %v as its results %v",
					wasm.FuncType{Params: f.params}.String(), wasm.FuncType{Params: f.results}.String())
			}
			results := f.results
			v.resetInits(f)
			if f.kind == kLoop {
				v.enterLoop(-1)
			}
			v.ctrls = v.ctrls[:len(v.ctrls)-1]
			if len(v.ctrls) == 0 {
				if v.pos != len(v.body) {
					v.start = v.pos
					return v.errorf("operators remaining after end of function")
				}
				fi.MaxDepth = maxDepth
				return nil
			}
			top := &v.ctrls[len(v.ctrls)-1]
			v.height = top.height
			v.unreach = top.unreachable
			v.pushVals(results)

		case cBr:
			x, ok := v.u32Fast()
			if !ok {
				var err error
				if x, err = v.u32Slow(); err != nil {
					return err
				}
			}
			f, err := v.label(x)
			if err != nil {
				return err
			}
			if err := v.popVals(f.labelTypes()); err != nil {
				return err
			}
			v.setUnreachable()

		case cBrIf:
			x, ok := v.u32Fast()
			if !ok {
				var err error
				if x, err = v.u32Slow(); err != nil {
					return err
				}
			}
			f, err := v.label(x)
			if err != nil {
				return err
			}
			if !v.popFast(wasm.I32) {
				if err := v.popSlow(wasm.I32); err != nil {
					return err
				}
			}
			lt := f.labelTypes()
			if err := v.popVals(lt); err != nil {
				return err
			}
			v.pushVals(lt)

		case cBrTable:
			if err := v.brTable(); err != nil {
				return err
			}

		case cReturn:
			if err := v.popVals(v.ctrls[0].results); err != nil {
				return err
			}
			v.setUnreachable()

		case cCall, cReturnCall:
			if s.class == cReturnCall && !v.enabled.Has(wasm.FeatureTailCall) {
				return v.errorf("%s %#x", binary.ReasonIllegalOpcode, body[v.start])
			}
			x, err := v.funcIndex()
			if err != nil {
				return err
			}
			ft := &v.types[v.funcTypes[x]]
			if err := v.popVals(ft.Params); err != nil {
				return err
			}
			fi.HasCalls = true
			fi.UsesV128 = fi.UsesV128 || hasV128(ft.Params) || hasV128(ft.Results)
			if s.class == cReturnCall {
				if err := v.tailCall(ft); err != nil {
					return err
				}
				break
			}
			v.pushVals(ft.Results)

		case cCallIndirect, cReturnCallIndirect:
			if s.class == cReturnCallIndirect && !v.enabled.Has(wasm.FeatureTailCall) {
				return v.errorf("%s %#x", binary.ReasonIllegalOpcode, body[v.start])
			}
			ti, ok := v.u32Fast()
			if !ok {
				var err error
				if ti, err = v.u32Slow(); err != nil {
					return err
				}
			}
			t, err := v.tableIndex()
			if err != nil {
				return err
			}
			if uint64(ti) >= uint64(len(v.types)) {
				return v.errorf("unknown type %d", ti)
			}
			if !v.sub(t.Elem, wasm.FuncRef) {
				return v.errorf("type mismatch: call_indirect through a table of %v", t.Elem)
			}
			if !v.popFast(t.AddrType()) {
				if err := v.popSlow(t.AddrType()); err != nil {
					return err
				}
			}
			ft := &v.types[ti]
			if err := v.popVals(ft.Params); err != nil {
				return err
			}
			fi.HasCalls = true
			fi.UsesV128 = fi.UsesV128 || hasV128(ft.Params) || hasV128(ft.Results)
			fi.UsesTables = true
			if s.class == cReturnCallIndirect {
				if err := v.tailCall(ft); err != nil {
					return err
				}
				break
			}
			v.pushVals(ft.Results)

		case cDrop:
			if _, err := v.popAny(); err != nil {
				return err
			}

		case cSelect:
			if !v.popFast(wasm.I32) {
				if err := v.popSlow(wasm.I32); err != nil {
					return err
				}
			}
			t1, err := v.popAny()
			if err != nil {
				return err
			}
			t2, err := v.popAny()
			if err != nil {
				return err
			}
			if t1.IsRef() || t2.IsRef() {
				return v.errorf("type mismatch: select without a type annotation on reference types")
			}
			if t1 != t2 && t1 != unknown && t2 != unknown {
				return v.errorf("type mismatch: select operands %v and %v", t2, t1)
			}
			if t1 == unknown {
				t1 = t2
			}
			v.push(t1)

		case cSelectT:
			n, ok := v.u32Fast()
			if !ok {
				var err error
				if n, err = v.u32Slow(); err != nil {
					return err
				}
			}
			if n != 1 {
				return v.errorf("invalid result arity %d for select", n)
			}
			t, err := v.readValType()
			if err != nil {
				return err
			}
			if !v.popFast(wasm.I32) {
				if err := v.popSlow(wasm.I32); err != nil {
					return err
				}
			}
			if !v.popFast(t) {
				if err := v.popSlow(t); err != nil {
					return err
				}
			}
			if !v.popFast(t) {
				if err := v.popSlow(t); err != nil {
					return err
				}
			}
			v.push(t)
			fi.UsesV128 = fi.UsesV128 || t == wasm.V128

		case cTableGet:
			t, err := v.tableIndex()
			if err != nil {
				return err
			}
			if !v.popFast(t.AddrType()) {
				if err := v.popSlow(t.AddrType()); err != nil {
					return err
				}
			}
			v.push(t.Elem)
			fi.UsesTables = true

		case cTableSet:
			t, err := v.tableIndex()
			if err != nil {
				return err
			}
			if !v.popFast(t.Elem) {
				if err := v.popSlow(t.Elem); err != nil {
					return err
				}
			}
			if !v.popFast(t.AddrType()) {
				if err := v.popSlow(t.AddrType()); err != nil {
					return err
				}
			}
			fi.UsesTables = true

		case cTableGrow:
			t, err := v.tableIndex()
			if err != nil {
				return err
			}
			if !v.popFast(t.AddrType()) {
				if err := v.popSlow(t.AddrType()); err != nil {
					return err
				}
			}
			if !v.popFast(t.Elem) {
				if err := v.popSlow(t.Elem); err != nil {
					return err
				}
			}
			v.push(t.AddrType())
			fi.UsesTables = true

		case cTableFill:
			t, err := v.tableIndex()
			if err != nil {
				return err
			}
			if !v.popFast(t.AddrType()) {
				if err := v.popSlow(t.AddrType()); err != nil {
					return err
				}
			}
			if !v.popFast(t.Elem) {
				if err := v.popSlow(t.Elem); err != nil {
					return err
				}
			}
			if !v.popFast(t.AddrType()) {
				if err := v.popSlow(t.AddrType()); err != nil {
					return err
				}
			}
			fi.UsesTables = true

		case cRefNull:
			t, err := v.refNullType()
			if err != nil {
				return err
			}
			v.push(t)

		case cCallRef, cReturnCallRef, cRefAsNonNull, cBrOnNull, cBrOnNonNull:
			if !v.enabled.Has(wasm.FeatureTypedFuncRefs) || s.class == cReturnCallRef && !v.enabled.Has(wasm.FeatureTailCall) {
				return v.errorf("%s %#x", binary.ReasonIllegalOpcode, body[v.start])
			}
			v.feats |= wasm.FeatureTypedFuncRefs
			if err := v.typedRefOp(s.class, fi); err != nil {
				return err
			}

		case cThrow:
			if !v.enabled.Has(wasm.FeatureExceptions) {
				return v.errorf("%s %#x", binary.ReasonIllegalOpcode, body[v.start])
			}
			ft, err := v.tag()
			if err != nil {
				return err
			}
			if err := v.popVals(ft.Params); err != nil {
				return err
			}
			fi.UsesV128 = fi.UsesV128 || hasV128(ft.Params)
			v.setUnreachable()

		case cThrowRef:
			if !v.enabled.Has(wasm.FeatureExceptions) {
				return v.errorf("%s %#x", binary.ReasonIllegalOpcode, body[v.start])
			}
			v.feats |= wasm.FeatureExceptions
			if !v.popFast(wasm.ExnRef) {
				if err := v.popSlow(wasm.ExnRef); err != nil {
					return err
				}
			}
			v.setUnreachable()

		case cTryTable:
			if !v.enabled.Has(wasm.FeatureExceptions) {
				return v.errorf("%s %#x", binary.ReasonIllegalOpcode, body[v.start])
			}
			v.feats |= wasm.FeatureExceptions
			params, results, err := v.blockType()
			if err != nil {
				return err
			}
			if err := v.tryCatches(); err != nil {
				return err
			}
			if err := v.popVals(params); err != nil {
				return err
			}
			v.pushCtrl(kBlock, params, results)
			fi.NumBlocks++
			fi.UsesV128 = fi.UsesV128 || hasV128(params) || hasV128(results)
			if len(v.ctrls) > maxDepth {
				maxDepth = len(v.ctrls)
			}

		case cRefIsNull:
			t, err := v.popAny()
			if err != nil {
				return err
			}
			if t != unknown && !t.IsRef() {
				return v.errorf("type mismatch: ref.is_null on %v", t)
			}
			v.push(wasm.I32)

		case cRefFunc:
			x, err := v.funcIndex()
			if err != nil {
				return err
			}
			if !v.refs[x] {
				return v.errorf("undeclared function reference %d", x)
			}
			v.push(v.funcRefType(x))

		case cUnreachable:
			v.setUnreachable()

		case cNop:

		default:
			return v.errorf("validate: unhandled instruction %v", s.op)
		}
	}
}

// resetInits forgets, at the end of frame f (or its then arm), the
// initialisations of non-defaultable locals made inside it.
func (v *validator) resetInits(f *frame) {
	if !v.nonDefaultable {
		return
	}
	for _, x := range v.initLog[f.initMark:] {
		v.inited[x] = false
	}
	v.initLog = v.initLog[:f.initMark]
}

// sub reports whether a is a subtype of b (3.0: typed function
// references; without GC the only subtyping is between references).
func (v *validator) sub(a, b wasm.ValType) bool {
	if a == b || a == unknown {
		return true
	}
	if !a.IsRef() || !b.IsRef() || a.Nullable() && !b.Nullable() {
		return false
	}
	x, y := a.Heap(), b.Heap()
	switch {
	case x == y:
		return true
	case x.IsConcrete() && y.IsConcrete():
		return v.sameType(x.Index(), y.Index())
	case y == wasm.HeapFunc:
		return x.IsConcrete() || x == wasm.HeapNoFunc
	case y.IsConcrete():
		return x == wasm.HeapNoFunc
	case y == wasm.HeapExtern:
		return x == wasm.HeapNoExtern
	case y == wasm.HeapExn:
		return x == wasm.HeapNoExn
	}
	return false
}

// subs reports whether every type of as is a subtype of the one of bs.
func (v *validator) subs(as, bs []wasm.ValType) bool {
	if len(as) != len(bs) {
		return false
	}
	for i := range as {
		if !v.sub(as[i], bs[i]) {
			return false
		}
	}
	return true
}

// sameType reports whether type indices i and j name equivalent types.
func (v *validator) sameType(i, j uint32) bool {
	if i == j {
		return true
	}
	if uint64(i) >= uint64(len(v.types)) || uint64(j) >= uint64(len(v.types)) {
		return false
	}
	if len(v.canon) != len(v.types) {
		v.canonicalize()
	}
	return v.canon[i] == v.canon[j]
}

// funcRefType is the type of ref.func x: (ref $t) with typed function
// references, funcref in WebAssembly 2.0.
func (v *validator) funcRefType(x uint32) wasm.ValType {
	if !v.enabled.Has(wasm.FeatureTypedFuncRefs) {
		return wasm.FuncRef
	}
	return wasm.RefType(false, wasm.ConcreteHeap(v.funcTypes[x]))
}

// readValType reads a value type immediate and checks it.
func (v *validator) readValType() (wasm.ValType, error) {
	r := v.reader()
	t, err := r.ReadValType()
	if err != nil {
		return 0, v.wrap(err)
	}
	v.pos += r.Pos()
	if !v.valType(t) {
		return 0, v.errorf("malformed value type %v", t)
	}
	if h := t.Heap(); t.IsRef() && h.IsConcrete() && uint64(h.Index()) >= uint64(len(v.types)) {
		return 0, v.errorf("unknown type %d", h.Index())
	}
	return t, nil
}

// refNullType reads the heap type of ref.null and returns the type of
// the null reference.
func (v *validator) refNullType() (wasm.ValType, error) {
	if v.pos < len(v.body) {
		if t := wasm.ValType(v.body[v.pos]); t.IsRef() && t.Feature() == 0 {
			v.pos++
			return t, nil
		}
	}
	r := v.reader()
	h, err := r.ReadHeapType()
	if err != nil {
		if !v.enabled.Has(wasm.FeatureTypedFuncRefs) && v.pos < len(v.body) {
			return 0, v.errorf("malformed reference type %#x", v.body[v.pos])
		}
		return 0, v.wrap(err)
	}
	v.pos += r.Pos()
	t := wasm.RefType(true, h)
	if !v.valType(t) {
		return 0, v.errorf("malformed reference type %v", t)
	}
	if h.IsConcrete() && uint64(h.Index()) >= uint64(len(v.types)) {
		return 0, v.errorf("unknown type %d", h.Index())
	}
	return t, nil
}

// typedRefOp validates call_ref, return_call_ref, ref.as_non_null,
// br_on_null and br_on_non_null.
func (v *validator) typedRefOp(class uint8, fi *FuncInfo) error {
	switch class {
	case cCallRef, cReturnCallRef:
		x, err := v.u32()
		if err != nil {
			return err
		}
		if uint64(x) >= uint64(len(v.types)) {
			return v.errorf("unknown type %d", x)
		}
		rt := wasm.RefType(true, wasm.ConcreteHeap(x))
		if !v.popFast(rt) {
			if err := v.popSlow(rt); err != nil {
				return err
			}
		}
		ft := &v.types[x]
		if err := v.popVals(ft.Params); err != nil {
			return err
		}
		fi.HasCalls = true
		fi.UsesV128 = fi.UsesV128 || hasV128(ft.Params) || hasV128(ft.Results)
		if class == cReturnCallRef {
			return v.tailCall(ft)
		}
		v.pushVals(ft.Results)
		return nil
	}
	var l uint32
	if class != cRefAsNonNull {
		var err error
		if l, err = v.u32(); err != nil {
			return err
		}
	}
	t, err := v.popAny()
	if err != nil {
		return err
	}
	if t != unknown && !t.IsRef() {
		return v.errorf("type mismatch: expected a reference, got %v", t)
	}
	nn := t
	if t != unknown {
		nn = wasm.RefType(false, t.Heap())
	}
	switch class {
	case cRefAsNonNull:
		v.push(nn)
	case cBrOnNull:
		f, err := v.label(l)
		if err != nil {
			return err
		}
		lt := f.labelTypes()
		if err := v.popVals(lt); err != nil {
			return err
		}
		v.pushVals(lt)
		v.push(nn)
	case cBrOnNonNull:
		f, err := v.label(l)
		if err != nil {
			return err
		}
		lt := f.labelTypes()
		if len(lt) == 0 {
			return v.errorf("type mismatch: br_on_non_null to a label without values")
		}
		if !v.sub(nn, lt[len(lt)-1]) {
			return v.mismatch(lt[len(lt)-1], nn)
		}
		rest := lt[:len(lt)-1]
		if err := v.popVals(rest); err != nil {
			return err
		}
		v.pushVals(rest)
	}
	return nil
}

// tag reads a tag index and returns the tag's function type.
func (v *validator) tag() (*wasm.FuncType, error) {
	x, err := v.u32()
	if err != nil {
		return nil, err
	}
	if uint64(x) >= uint64(len(v.tags)) {
		return nil, v.errorf("unknown tag %d", x)
	}
	v.feats |= wasm.FeatureExceptions
	return &v.types[v.tags[x]], nil
}

// tryCatches reads and checks the catch clauses of try_table: each
// label, relative to the context outside the try_table, must accept what
// the clause delivers.
func (v *validator) tryCatches() error {
	r := v.reader()
	var err error
	v.catches, err = r.ReadCatches(v.catches[:0])
	if err != nil {
		return v.wrap(err)
	}
	v.pos += r.Pos()
	for _, c := range v.catches {
		var vals []wasm.ValType
		ref := false
		switch c.Kind {
		case binary.CatchTag, binary.CatchRef:
			if uint64(c.Tag) >= uint64(len(v.tags)) {
				return v.errorf("unknown tag %d", c.Tag)
			}
			vals = v.types[v.tags[c.Tag]].Params
			ref = c.Kind == binary.CatchRef
		case binary.CatchAllRef:
			ref = true
		}
		f, err := v.label(c.Label)
		if err != nil {
			return err
		}
		lt := f.labelTypes()
		n := len(vals)
		if ref {
			n++
		}
		if len(lt) != n {
			return v.errorf("type mismatch: catch clause delivers %d values to a label of %d", n, len(lt))
		}
		if !v.subs(vals, lt[:len(vals)]) {
			return v.errorf("type mismatch: catch clause values %v for a label of %v",
				wasm.FuncType{Params: vals}.String(), wasm.FuncType{Params: lt}.String())
		}
		if ref {
			if !v.sub(wasm.RefType(false, wasm.HeapExn), lt[n-1]) {
				return v.errorf("type mismatch: catch clause delivers exnref to a label of %v", lt[n-1])
			}
		}
	}
	return nil
}

// tailCall checks a tail call to a function of type ft, whose parameters
// have been popped: its results must match the caller's, and the rest of
// the frame is unreachable.
func (v *validator) tailCall(ft *wasm.FuncType) error {
	v.feats |= wasm.FeatureTailCall
	if !v.subs(ft.Results, v.ctrls[0].results) {
		return v.errorf("type mismatch: tail call results %v do not match the function's results %v",
			wasm.FuncType{Params: ft.Results}.String(), wasm.FuncType{Params: v.ctrls[0].results}.String())
	}
	v.setUnreachable()
	return nil
}

// immediates reads and checks the immediates of a fixed-signature
// instruction.
func (v *validator) immediates(s *sig) error {
	switch s.imm {
	case wasm.ImmMemArg:
		return v.memArg(s.align)
	case wasm.ImmI32:
		return v.s32()
	case wasm.ImmI64:
		return v.s64()
	case wasm.ImmF32:
		return v.skip(4)
	case wasm.ImmF64:
		return v.skip(8)
	case wasm.ImmV128:
		return v.skip(16)
	case wasm.ImmLane:
		l, err := v.byte1()
		if err != nil {
			return err
		}
		if l >= s.lanes {
			return v.errorf("invalid lane index %d", l)
		}
	case wasm.ImmMemArgLane:
		if err := v.memArg(s.align); err != nil {
			return err
		}
		l, err := v.byte1()
		if err != nil {
			return err
		}
		if l >= s.lanes {
			return v.errorf("invalid lane index %d", l)
		}
	case wasm.ImmShuffle:
		if len(v.body)-v.pos < 16 {
			v.pos = len(v.body)
			return v.eof()
		}
		for _, l := range v.body[v.pos : v.pos+16] {
			if l >= 32 {
				return v.errorf("invalid lane index %d", l)
			}
		}
		v.pos += 16
	case wasm.ImmMemory:
		return v.memIndex(false)
	case wasm.ImmMemoryInit:
		// The memory is checked before the data segment, as the
		// reference interpreter does.
		x, ok := v.u32Fast()
		if !ok {
			var err error
			if x, err = v.u32Slow(); err != nil {
				return err
			}
		}
		if err := v.memIndex(false); err != nil {
			return err
		}
		if uint64(x) >= uint64(len(v.m.Datas)) {
			return v.errorf("unknown data segment %d", x)
		}
	case wasm.ImmData:
		return v.dataIndex()
	case wasm.ImmMemoryCopy:
		v.addr2 = wasm.I32
		if err := v.memIndex(false); err != nil {
			return err
		}
		return v.memIndex(true)
	case wasm.ImmTable: // table.size
		t, err := v.tableIndex()
		if err == nil && t.Is64 {
			v.addr, v.wide = wasm.I64, true
		}
		return err
	case wasm.ImmElem:
		_, err := v.elemIndex()
		return err
	case wasm.ImmTableInit:
		// The table is checked before the element segment, as the
		// reference interpreter does.
		x, ok := v.u32Fast()
		if !ok {
			var err error
			if x, err = v.u32Slow(); err != nil {
				return err
			}
		}
		t, err := v.tableIndex()
		if err != nil {
			return err
		}
		if uint64(x) >= uint64(len(v.m.Elems)) {
			return v.errorf("unknown elem segment %d", x)
		}
		e := &v.m.Elems[x]
		if t.Is64 {
			v.addr, v.wide = wasm.I64, true
		}
		if !v.sub(v.elemType(e), t.Elem) {
			return v.errorf("type mismatch: table.init of %v elements into a %v table", e.Type, t.Elem)
		}
	case wasm.ImmTableCopy:
		dst, err := v.tableIndex()
		if err != nil {
			return err
		}
		src, err := v.tableIndex()
		if err != nil {
			return err
		}
		if dst.Is64 || src.Is64 {
			v.addr, v.addr2, v.wide = dst.AddrType(), src.AddrType(), true
		}
		if !v.sub(src.Elem, dst.Elem) {
			return v.errorf("type mismatch: table.copy from a %v table to a %v table", src.Elem, dst.Elem)
		}
	default:
		return v.errorf("validate: unhandled immediate of %v", s.op)
	}
	return nil
}

// endFrame checks that the innermost frame f ends with exactly its results
// on the stack, and pops them.
func (v *validator) endFrame(f *frame) error {
	if err := v.popVals(f.results); err != nil {
		return err
	}
	if len(v.vals) != f.height {
		return v.errorf("type mismatch: %d values remain on the stack at the end of the block", len(v.vals)-f.height)
	}
	return nil
}

// brTable validates br_table: every label must have the same arity and
// accept the values on the stack.
func (v *validator) brTable() error {
	n, ok := v.u32Fast()
	if !ok {
		var err error
		if n, err = v.u32Slow(); err != nil {
			return err
		}
	}
	if !v.popFast(wasm.I32) {
		if err := v.popSlow(wasm.I32); err != nil {
			return err
		}
	}
	arity := -1
	for j := uint64(0); j <= uint64(n); j++ {
		x, ok := v.u32Fast()
		if !ok {
			var err error
			if x, err = v.u32Slow(); err != nil {
				return err
			}
		}
		f, err := v.label(x)
		if err != nil {
			return err
		}
		lt := f.labelTypes()
		if arity < 0 {
			arity = len(lt)
		} else if len(lt) != arity {
			return v.errorf("type mismatch: br_table targets have different arities (%d and %d)", arity, len(lt))
		}
		if err := v.checkTop(lt); err != nil {
			return err
		}
	}
	v.setUnreachable()
	return nil
}

func hasV128(ts []wasm.ValType) bool {
	for _, t := range ts {
		if t == wasm.V128 {
			return true
		}
	}
	return false
}

func equalTypes(a, b []wasm.ValType) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// u32Fast reads a one-byte unsigned LEB128 integer; ok is false when the
// next byte is missing or starts a longer encoding (use u32Slow then).
func (v *validator) u32Fast() (x uint32, ok bool) {
	p := v.pos
	if p < len(v.body) && v.body[p] < 0x80 {
		v.pos = p + 1
		return uint32(v.body[p]), true
	}
	return 0, false
}

// popFast pops a value of type want when it is on top of the stack above
// the frame's height; ok is false otherwise (use popSlow then).
func (v *validator) popFast(want wasm.ValType) bool {
	n := len(v.vals) - 1
	if n >= v.height {
		if got := v.vals[n]; got == want || got == unknown {
			v.vals = v.vals[:n]
			return true
		}
	}
	return false
}
