package validate

import (
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/wasmrun/wasmrun/wasm"
)

// pool recycles validators (and their stacks) across calls of Module.
var pool = sync.Pool{New: func() any { return new(validator) }}

// Module validates m against WebAssembly 3.0 as far as wasmrun implements
// it (wasm.Features3) and returns the per-function summaries the engines
// need; Info.Features says which 3.0 features m uses. An invalid module
// yields an *Error.
func Module(m *wasm.Module) (*Info, error) {
	return ModuleConfig(m, Config{Features: wasm.Features3})
}

// ModuleConfig is Module with only the 3.0 features of cfg enabled.
func ModuleConfig(m *wasm.Module, cfg Config) (*Info, error) {
	if m == nil {
		return nil, &Error{Offset: -1, Func: -1, Reason: "nil module"}
	}
	v := pool.Get().(*validator)
	v.enabled = cfg.Features
	info, err := v.module(m)
	v.release()
	pool.Put(v)
	return info, err
}

// modErr returns a module-level error.
func modErr(format string, args ...any) error {
	return &Error{Offset: -1, Func: -1, Reason: fmt.Sprintf(format, args...)}
}

// release drops references to the module so that a pooled validator does
// not keep it alive.
func (v *validator) release() {
	v.m = nil
	v.body = nil
	v.locals = nil
	v.types = nil
	clear(v.tables)
	v.tables = v.tables[:0]
	v.globals = v.globals[:0]
	v.mems = v.mems[:0]
	v.tags = nil
	v.funcTypes = v.funcTypes[:0]
	v.refs = v.refs[:0]
	v.vals = v.vals[:0]
	clear(v.ctrls)
	v.ctrls = v.ctrls[:0]
}

func (v *validator) module(m *wasm.Module) (*Info, error) {
	v.m = m
	v.types = m.Types
	v.feats = 0
	v.wide = false
	v.canon = v.canon[:0] // built on demand by sameType
	for i := range m.Types {
		ft := &m.Types[i]
		for _, ts := range [2][]wasm.ValType{ft.Params, ft.Results} {
			for _, t := range ts {
				if !v.valType(t) {
					return nil, modErr("malformed value type %#x in type %d", byte(t), i)
				}
				// Without rec groups a type may refer to itself and to
				// the types before it.
				if h := t.Heap(); t.IsRef() && h.IsConcrete() && h.Index() > uint32(i) {
					return nil, modErr("unknown type %d", h.Index())
				}
			}
		}
	}
	var tags []uint32

	// Imports, building the index spaces as we go.
	numMems := 0
	numImportedGlobals := 0
	for i := range m.Imports {
		im := &m.Imports[i]
		switch im.Kind {
		case wasm.ExternFunc:
			if uint64(im.Func) >= uint64(len(m.Types)) {
				return nil, modErr("unknown type %d", im.Func)
			}
			v.funcTypes = append(v.funcTypes, im.Func)
		case wasm.ExternTable:
			if err := v.checkTableType(im.Table); err != nil {
				return nil, err
			}
			v.tables = append(v.tables, im.Table)
		case wasm.ExternMemory:
			if err := v.checkMemoryType(im.Memory); err != nil {
				return nil, err
			}
			v.mems = append(v.mems, im.Memory)
			numMems++
		case wasm.ExternTag:
			if err := v.checkTag(im.Tag); err != nil {
				return nil, err
			}
			tags = append(tags, im.Tag.Type)
		case wasm.ExternGlobal:
			if !v.valType(im.Global.Type) {
				return nil, modErr("malformed value type %#x", byte(im.Global.Type))
			}
			v.globals = append(v.globals, im.Global)
			numImportedGlobals++
		default:
			return nil, modErr("malformed import kind %d", im.Kind)
		}
	}
	if len(v.funcTypes) != int(m.NumImportedFuncs) || len(v.tables) != int(m.NumImportedTables) ||
		numMems != int(m.NumImportedMemories) || numImportedGlobals != int(m.NumImportedGlobals) ||
		len(tags) != int(m.NumImportedTags) {
		return nil, modErr("import counts do not match the import section")
	}
	for _, tg := range m.Tags {
		if err := v.checkTag(tg); err != nil {
			return nil, err
		}
		tags = append(tags, tg.Type)
	}
	v.tags = tags

	// Function declarations.
	if len(m.Funcs) != len(m.Code) {
		return nil, modErr("function and code section have inconsistent lengths")
	}
	for _, ti := range m.Funcs {
		if uint64(ti) >= uint64(len(m.Types)) {
			return nil, modErr("unknown type %d", ti)
		}
		v.funcTypes = append(v.funcTypes, ti)
	}
	if uint64(len(v.funcTypes)) > 1<<32-1 {
		return nil, modErr("too many functions")
	}

	for i := range m.Tables {
		if err := v.checkTableType(m.Tables[i]); err != nil {
			return nil, err
		}
		v.tables = append(v.tables, m.Tables[i])
	}
	for i := range m.Memories {
		if err := v.checkMemoryType(m.Memories[i]); err != nil {
			return nil, err
		}
		v.mems = append(v.mems, m.Memories[i])
		numMems++
	}
	if numMems > 1 {
		if !v.enabled.Has(wasm.FeatureMultiMemory) {
			return nil, modErr("multiple memories")
		}
		v.feats |= wasm.FeatureMultiMemory
	}
	v.numMems = numMems

	// Declared function references (C.refs): function indices occurring
	// in global initializers, element segments and exports.
	nf := len(v.funcTypes)
	if cap(v.refs) < nf {
		v.refs = make([]bool, nf)
	} else {
		v.refs = v.refs[:nf]
		clear(v.refs)
	}

	// Globals: constant expressions may only read imported globals.
	for i := range m.Globals {
		g := &m.Globals[i]
		if !v.valType(g.Type.Type) {
			return nil, modErr("malformed value type %#x", byte(g.Type.Type))
		}
		if err := v.constExpr(g.Init.Code, g.Type.Type, numImportedGlobals, len(v.globals)); err != nil {
			return nil, err
		}
		if err := v.knownType(g.Type.Type); err != nil {
			return nil, err
		}
		v.globals = append(v.globals, g.Type)
	}

	// Table initializers (3.0), which may read the imported globals
	// (tables precede the globals).
	for i := range m.Tables {
		t := &m.Tables[i]
		if i < len(m.TableInits) && len(m.TableInits[i].Code) > 0 {
			v.feats |= wasm.FeatureTypedFuncRefs
			if err := v.constExpr(m.TableInits[i].Code, t.Elem, numImportedGlobals, numImportedGlobals); err != nil {
				return nil, err
			}
		} else if !t.Elem.Nullable() {
			return nil, modErr("type mismatch: table %d of non-nullable %v needs an initializer", int(m.NumImportedTables)+i, t.Elem)
		}
	}

	// Exports.
	if len(m.Exports) > 0 {
		if err := v.exports(); err != nil {
			return nil, err
		}
	}

	// Start function.
	if m.HasStart {
		if uint64(m.Start) >= uint64(nf) {
			return nil, modErr("unknown function %d", m.Start)
		}
		ft := &m.Types[v.funcTypes[m.Start]]
		if len(ft.Params) != 0 || len(ft.Results) != 0 {
			return nil, modErr("start function must have type [] -> [], has %v", *ft)
		}
	}

	// Element segments.
	for i := range m.Elems {
		if err := v.elemSegment(i, numImportedGlobals); err != nil {
			return nil, err
		}
	}

	// Data segments.
	for i := range m.Datas {
		d := &m.Datas[i]
		switch d.Mode {
		case wasm.SegmentPassive:
		case wasm.SegmentActive:
			if uint64(d.Memory) >= uint64(v.numMems) {
				return nil, modErr("unknown memory %d", d.Memory)
			}
			if d.Memory != 0 {
				v.feats |= wasm.FeatureMultiMemory
			}
			if err := v.constExpr(d.Offset.Code, v.mems[d.Memory].AddrType(), numImportedGlobals, len(v.globals)); err != nil {
				return nil, err
			}
		default:
			return nil, modErr("malformed data segment kind %d", d.Mode)
		}
	}
	if m.HasDataCount && uint64(m.DataCount) != uint64(len(m.Datas)) {
		return nil, modErr("data count and data section have inconsistent lengths")
	}

	// Function bodies.
	info := &Info{Funcs: make([]FuncInfo, len(m.Code))}
	total := 0
	for i := range m.Code {
		n, err := v.countLocals(i)
		if err != nil {
			return nil, err
		}
		total += n
		if total > MaxModuleLocals {
			return nil, &Error{Offset: -1, Func: int(m.NumImportedFuncs) + i, Reason: "too many locals in module"}
		}
	}
	backing := make([]wasm.ValType, total)
	v.weightBacking, v.writtenBacking = make([]uint32, total), make([]bool, total)
	for i := range m.Code {
		fi := &info.Funcs[i]
		if err := v.function(i, fi, &backing); err != nil {
			return nil, err
		}
	}
	info.Features = v.feats
	info.Tags = tags
	return info, nil
}

func checkLimits(l wasm.Limits, bound uint64, msg string) error {
	if l.Min > bound {
		return modErr("%s", msg)
	}
	if l.HasMax {
		if l.Max > bound {
			return modErr("%s", msg)
		}
		if l.Min > l.Max {
			return modErr("size minimum must not be greater than maximum")
		}
	}
	return nil
}

// valType reports whether t is a value type of the enabled features, and
// records the feature that introduced it.
func (v *validator) valType(t wasm.ValType) bool {
	f := t.Feature()
	v.feats |= f
	if h := t.Heap(); t > 0xFF && h.IsConcrete() && uint64(h.Index()) >= uint64(len(v.types)) {
		return false // unknown type
	}
	return t.IsValid() && v.enabled.Has(f)
}

// elemType is the type of the elements of segment e: a list of
// functions is of type (ref func) with typed function references.
func (v *validator) elemType(e *wasm.ElemSegment) wasm.ValType {
	if !e.UsesExprs && e.Type == wasm.FuncRef && v.enabled.Has(wasm.FeatureTypedFuncRefs) {
		return wasm.RefType(false, wasm.HeapFunc)
	}
	return e.Type
}

// knownType checks that a concrete heap type in t names a type.
func (v *validator) knownType(t wasm.ValType) error {
	if h := t.Heap(); t.IsRef() && h.IsConcrete() && uint64(h.Index()) >= uint64(len(v.types)) {
		return modErr("unknown type %d", h.Index())
	}
	return nil
}

// canonicalize gives every type its canonical id, the smallest index of
// an equivalent type (iso-recursive equivalence; without rec groups each
// type is its own group).
func (v *validator) canonicalize() {
	ids := make(map[string]uint32, len(v.types))
	v.canon = v.canon[:0]
	for i := range v.types {
		key := v.typeKey(uint32(i))
		id, ok := ids[key]
		if !ok {
			id = uint32(i)
			ids[key] = id
		}
		v.canon = append(v.canon, id)
	}
}

// typeKey is the structure of type i with its concrete heap types
// replaced by canonical ids (and "self" for i itself).
func (v *validator) typeKey(i uint32) string {
	ft := &v.types[i]
	b := make([]byte, 0, 16)
	for k, ts := range [2][]wasm.ValType{ft.Params, ft.Results} {
		b = append(b, byte(k), byte(len(ts)), byte(len(ts)>>8), byte(len(ts)>>16))
		for _, t := range ts {
			h := t.Heap()
			switch {
			case !t.IsRef() || !h.IsConcrete():
				b = binary.LittleEndian.AppendUint32(b, uint32(t))
			case h.Index() == i:
				b = append(b, 0xFF, byte(t), 0xFF, 0xFF)
			default:
				c := v.canon[h.Index()]
				b = append(b, 0xFE, byte(t))
				b = binary.LittleEndian.AppendUint32(b, c)
			}
		}
	}
	return string(b)
}

// checkTag checks a tag type: a function type without results.
func (v *validator) checkTag(t wasm.Tag) error {
	v.feats |= wasm.FeatureExceptions
	if !v.enabled.Has(wasm.FeatureExceptions) {
		return modErr("malformed import kind: tags need exception handling")
	}
	if uint64(t.Type) >= uint64(len(v.types)) {
		return modErr("unknown type %d", t.Type)
	}
	if len(v.types[t.Type].Results) != 0 {
		return modErr("non-empty tag result type")
	}
	return nil
}

func (v *validator) checkTableType(t wasm.TableType) error {
	if !t.Elem.IsRef() || !v.valType(t.Elem) {
		return modErr("malformed reference type %#x", byte(t.Elem))
	}
	if err := v.knownType(t.Elem); err != nil {
		return err
	}
	if t.Is64 {
		if !v.enabled.Has(wasm.FeatureTable64) {
			return modErr("malformed limits flags: table64 is not enabled")
		}
		v.feats |= wasm.FeatureTable64
		return checkLimits(t.Limits, 1<<64-1, "table size must be at most 2^64-1")
	}
	return checkLimits(t.Limits, wasm.MaxTableSize, "table size must be at most 2^32-1")
}

func (v *validator) checkMemoryType(t wasm.MemoryType) error {
	if t.Is64 {
		if !v.enabled.Has(wasm.FeatureMemory64) {
			return modErr("malformed limits flags: memory64 is not enabled")
		}
		v.feats |= wasm.FeatureMemory64
		return checkLimits(t.Limits, wasm.MaxPages64, "memory size must be at most 2^48 pages")
	}
	return checkLimits(t.Limits, wasm.MaxPages32, "memory size must be at most 65536 pages (4GiB)")
}

func (v *validator) exports() error {
	m := v.m
	// Quadratic comparison is cheapest for the usual handful of exports;
	// a set takes over for large export sections.
	var seen map[string]struct{}
	if len(m.Exports) > 16 {
		seen = make(map[string]struct{}, len(m.Exports))
	}
	for i := range m.Exports {
		e := &m.Exports[i]
		if seen != nil {
			if _, dup := seen[e.Name]; dup {
				return modErr("duplicate export name %q", e.Name)
			}
			seen[e.Name] = struct{}{}
		} else {
			for j := 0; j < i; j++ {
				if m.Exports[j].Name == e.Name {
					return modErr("duplicate export name %q", e.Name)
				}
			}
		}
		idx := uint64(e.Index)
		switch e.Kind {
		case wasm.ExternFunc:
			if idx >= uint64(len(v.funcTypes)) {
				return modErr("unknown function %d", e.Index)
			}
			v.refs[idx] = true
		case wasm.ExternTable:
			if idx >= uint64(len(v.tables)) {
				return modErr("unknown table %d", e.Index)
			}
		case wasm.ExternMemory:
			if idx >= uint64(v.numMems) {
				return modErr("unknown memory %d", e.Index)
			}
		case wasm.ExternGlobal:
			if idx >= uint64(len(v.globals)) {
				return modErr("unknown global %d", e.Index)
			}
		case wasm.ExternTag:
			if idx >= uint64(len(v.tags)) {
				return modErr("unknown tag %d", e.Index)
			}
		default:
			return modErr("malformed export kind %d", e.Kind)
		}
	}
	return nil
}

func (v *validator) elemSegment(i, numImportedGlobals int) error {
	e := &v.m.Elems[i]
	if !e.Type.IsRef() || !v.valType(e.Type) {
		return modErr("malformed reference type %#x in element segment %d", byte(e.Type), i)
	}
	if e.UsesExprs {
		for j := range e.Exprs {
			if err := v.constExpr(e.Exprs[j].Code, e.Type, numImportedGlobals, len(v.globals)); err != nil {
				return err
			}
		}
	} else {
		for _, f := range e.Funcs {
			if uint64(f) >= uint64(len(v.funcTypes)) {
				return modErr("unknown function %d", f)
			}
			if !v.sub(v.funcRefType(f), e.Type) {
				return modErr("type mismatch: element segment %d of type %v lists function %d", i, e.Type, f)
			}
			v.refs[f] = true
		}
	}
	switch e.Mode {
	case wasm.SegmentPassive, wasm.SegmentDeclarative:
	case wasm.SegmentActive:
		if uint64(e.Table) >= uint64(len(v.tables)) {
			return modErr("unknown table %d", e.Table)
		}
		if err := v.constExpr(e.Offset.Code, v.tables[e.Table].AddrType(), numImportedGlobals, len(v.globals)); err != nil {
			return err
		}
		if tt := v.tables[e.Table].Elem; !v.sub(v.elemType(e), tt) {
			return modErr("type mismatch: element segment %d of type %v for table %d of type %v", i, e.Type, e.Table, tt)
		}
	default:
		return modErr("malformed elements segment kind %d", e.Mode)
	}
	return nil
}

// countLocals returns the number of locals (parameters included) of
// defined function i.
func (v *validator) countLocals(i int) (int, error) {
	m := v.m
	n := uint64(len(m.Types[m.Funcs[i]].Params))
	for _, d := range m.Code[i].Locals {
		n += uint64(d.Count)
		if n > MaxFuncLocals {
			return 0, &Error{Offset: -1, Func: int(m.NumImportedFuncs) + i, Reason: "too many locals"}
		}
	}
	return int(n), nil
}
