package binary

import (
	"sort"

	"github.com/wasmrun/wasmrun/wasm"
)

// Encode returns the binary encoding of m. The output is deterministic:
// sections appear in the standard order, empty sections are omitted, a
// data count section is emitted when m.HasDataCount, element segments
// keep the encoding recorded by UsesExprs and ExplicitTable, and the
// custom sections of m.Customs follow the last standard section, in
// order. When m.Names is set but m.Customs holds no "name" section, one is
// generated from m.Names.
//
// Encode does not validate m; an invalid module encodes to an invalid
// binary. The binary format cannot express an element segment of
// function indices (UsesExprs false) whose Type is not funcref; such a
// segment is encoded as funcref.
func Encode(m *wasm.Module) []byte {
	e := encoder{out: make([]byte, 0, sizeHint(m))}
	e.out = append(e.out, 0, 'a', 's', 'm', 1, 0, 0, 0)

	if len(m.Types) > 0 {
		b := e.begin(secType, len(m.Types))
		for _, t := range m.Types {
			b = append(b, 0x60)
			b = appendValTypes(b, t.Params)
			b = appendValTypes(b, t.Results)
		}
		e.end(b)
	}
	if len(m.Imports) > 0 {
		b := e.begin(secImport, len(m.Imports))
		for i := range m.Imports {
			im := &m.Imports[i]
			b = AppendName(b, im.Module)
			b = AppendName(b, im.Name)
			b = append(b, byte(im.Kind))
			switch im.Kind {
			case wasm.ExternFunc:
				b = AppendU32(b, im.Func)
			case wasm.ExternTable:
				b = appendTableType(b, im.Table)
			case wasm.ExternMemory:
				b = appendLimits(b, im.Memory.Limits, im.Memory.Is64)
			case wasm.ExternGlobal:
				b = appendGlobalType(b, im.Global)
			case wasm.ExternTag:
				b = AppendU32(append(b, 0), im.Tag.Type)
			}
		}
		e.end(b)
	}
	if len(m.Funcs) > 0 {
		b := e.begin(secFunction, len(m.Funcs))
		for _, t := range m.Funcs {
			b = AppendU32(b, t)
		}
		e.end(b)
	}
	if len(m.Tables) > 0 {
		b := e.begin(secTable, len(m.Tables))
		for i, t := range m.Tables {
			if i < len(m.TableInits) && len(m.TableInits[i].Code) > 0 {
				b = appendTableType(append(b, 0x40, 0x00), t)
				b = append(b, m.TableInits[i].Code...)
				continue
			}
			b = appendTableType(b, t)
		}
		e.end(b)
	}
	if len(m.Memories) > 0 {
		b := e.begin(secMemory, len(m.Memories))
		for _, t := range m.Memories {
			b = appendLimits(b, t.Limits, t.Is64)
		}
		e.end(b)
	}
	if len(m.Tags) > 0 {
		b := e.begin(secTag, len(m.Tags))
		for _, t := range m.Tags {
			b = AppendU32(append(b, 0), t.Type)
		}
		e.end(b)
	}
	if len(m.Globals) > 0 {
		b := e.begin(secGlobal, len(m.Globals))
		for _, g := range m.Globals {
			b = appendGlobalType(b, g.Type)
			b = append(b, g.Init.Code...)
		}
		e.end(b)
	}
	if len(m.Exports) > 0 {
		b := e.begin(secExport, len(m.Exports))
		for _, x := range m.Exports {
			b = AppendName(b, x.Name)
			b = append(b, byte(x.Kind))
			b = AppendU32(b, x.Index)
		}
		e.end(b)
	}
	if m.HasStart {
		b := e.begin(secStart, -1)
		b = AppendU32(b, m.Start)
		e.end(b)
	}
	if len(m.Elems) > 0 {
		b := e.begin(secElement, len(m.Elems))
		for i := range m.Elems {
			b = appendElem(b, &m.Elems[i])
		}
		e.end(b)
	}
	if m.HasDataCount {
		b := e.begin(secDataCount, -1)
		b = AppendU32(b, m.DataCount)
		e.end(b)
	}
	if len(m.Code) > 0 {
		b := e.begin(secCode, len(m.Code))
		var fn []byte
		for i := range m.Code {
			c := &m.Code[i]
			fn = AppendU32(fn[:0], uint32(len(c.Locals)))
			for _, l := range c.Locals {
				fn = AppendU32(fn, l.Count)
				fn = AppendValType(fn, l.Type)
			}
			b = AppendU32(b, uint32(len(fn)+len(c.Body)))
			b = append(b, fn...)
			b = append(b, c.Body...)
		}
		e.end(b)
	}
	if len(m.Datas) > 0 {
		b := e.begin(secData, len(m.Datas))
		for i := range m.Datas {
			s := &m.Datas[i]
			switch {
			case s.Mode == wasm.SegmentPassive:
				b = append(b, 1)
			case s.Memory == 0:
				b = append(b, 0)
				b = append(b, s.Offset.Code...)
			default:
				b = append(b, 2)
				b = AppendU32(b, s.Memory)
				b = append(b, s.Offset.Code...)
			}
			b = AppendU32(b, uint32(len(s.Init)))
			b = append(b, s.Init...)
		}
		e.end(b)
	}
	hasName := false
	for _, c := range m.Customs {
		if c.Name == "name" {
			hasName = true
		}
		b := e.begin(secCustom, -1)
		b = AppendName(b, c.Name)
		b = append(b, c.Data...)
		e.end(b)
	}
	if m.Names != nil && !hasName {
		b := e.begin(secCustom, -1)
		b = AppendName(b, "name")
		b = AppendNames(b, m.Names)
		e.end(b)
	}
	return e.out
}

// sizeHint estimates the encoded size of m from its bulk content.
func sizeHint(m *wasm.Module) int {
	n := 1024 + 8*len(m.Funcs) + 16*len(m.Imports) + 16*len(m.Exports)
	for i := range m.Code {
		n += len(m.Code[i].Body) + 2*len(m.Code[i].Locals) + 8
	}
	for i := range m.Datas {
		n += len(m.Datas[i].Init) + len(m.Datas[i].Offset.Code) + 8
	}
	for i := range m.Elems {
		n += 5*m.Elems[i].Len() + 16
	}
	for i := range m.Customs {
		n += len(m.Customs[i].Data) + len(m.Customs[i].Name) + 8
	}
	return n
}

// encoder accumulates the module. A section's content is written in place
// after a five-byte gap for its size; end encodes the size and moves the
// content down over the unused part of the gap.
type encoder struct {
	out   []byte
	start int // position of the size gap of the open section
}

// begin starts section id, with a leading vector count unless n < 0. It
// returns the output to append the content to.
func (e *encoder) begin(id byte, n int) []byte {
	e.out = append(e.out, id, 0, 0, 0, 0, 0)
	e.start = len(e.out) - 5
	b := e.out
	if n >= 0 {
		b = AppendU32(b, uint32(n))
	}
	return b
}

func (e *encoder) end(b []byte) {
	content := len(b) - e.start - 5
	var size [5]byte
	sz := AppendU32(size[:0], uint32(content))
	copy(b[e.start:], sz)
	copy(b[e.start+len(sz):], b[e.start+5:])
	e.out = b[:len(b)-(5-len(sz))]
}

func appendValTypes(b []byte, ts []wasm.ValType) []byte {
	b = AppendU32(b, uint32(len(ts)))
	for _, t := range ts {
		b = AppendValType(b, t)
	}
	return b
}

func appendLimits(b []byte, l wasm.Limits, is64 bool) []byte {
	flags := byte(0)
	if is64 {
		flags = 4
	}
	if l.HasMax {
		b = append(b, flags|1)
		b = AppendU64(b, l.Min)
		return AppendU64(b, l.Max)
	}
	b = append(b, flags)
	return AppendU64(b, l.Min)
}

func appendTableType(b []byte, t wasm.TableType) []byte {
	b = AppendValType(b, t.Elem)
	return appendLimits(b, t.Limits, t.Is64)
}

func appendGlobalType(b []byte, t wasm.GlobalType) []byte {
	b = AppendValType(b, t.Type)
	if t.Mutable {
		return append(b, 1)
	}
	return append(b, 0)
}

// appendElem encodes an element segment with the flags its fields call
// for: bit 0 passive/declarative, bit 1 explicit table (active) or
// declarative, bit 2 expressions.
func appendElem(b []byte, s *wasm.ElemSegment) []byte {
	var flags uint32
	explicit := false
	switch s.Mode {
	case wasm.SegmentActive:
		// Encodings 0 and 4 imply table 0 and funcref.
		explicit = s.ExplicitTable || s.Table != 0 || s.Type != wasm.FuncRef && s.Type != 0
		if explicit {
			flags = 2
		}
	case wasm.SegmentPassive:
		flags = 1
	case wasm.SegmentDeclarative:
		flags = 3
	}
	if s.UsesExprs {
		flags |= 4
	}
	b = AppendU32(b, flags)
	if s.Mode == wasm.SegmentActive {
		if explicit {
			b = AppendU32(b, s.Table)
		}
		b = append(b, s.Offset.Code...)
	}
	if flags&3 != 0 {
		if s.UsesExprs {
			t := s.Type
			if t == 0 {
				t = wasm.FuncRef
			}
			b = AppendValType(b, t)
		} else {
			b = append(b, 0) // element kind funcref
		}
	}
	if s.UsesExprs {
		b = AppendU32(b, uint32(len(s.Exprs)))
		for _, x := range s.Exprs {
			b = append(b, x.Code...)
		}
	} else {
		b = AppendU32(b, uint32(len(s.Funcs)))
		for _, f := range s.Funcs {
			b = AppendU32(b, f)
		}
	}
	return b
}

// AppendNames appends the payload of a "name" custom section (without the
// section header and name) describing n: the module name when not empty,
// function names and local names, each map in increasing index order.
func AppendNames(b []byte, n *wasm.Names) []byte {
	var sub []byte
	if n.Module != "" {
		sub = AppendName(sub[:0], n.Module)
		b = appendSub(b, nameModule, sub)
	}
	if n.Funcs != nil {
		sub = appendNameMap(sub[:0], n.Funcs)
		b = appendSub(b, nameFuncs, sub)
	}
	if n.Locals != nil {
		sub = AppendU32(sub[:0], uint32(len(n.Locals)))
		for _, f := range sortedKeys(n.Locals) {
			sub = AppendU32(sub, f)
			sub = appendNameMap(sub, n.Locals[f])
		}
		b = appendSub(b, nameLocals, sub)
	}
	return b
}

func appendSub(b []byte, id byte, sub []byte) []byte {
	b = append(b, id)
	b = AppendU32(b, uint32(len(sub)))
	return append(b, sub...)
}

func appendNameMap(b []byte, m map[uint32]string) []byte {
	b = AppendU32(b, uint32(len(m)))
	for _, k := range sortedKeys(m) {
		b = AppendU32(b, k)
		b = AppendName(b, m[k])
	}
	return b
}

func sortedKeys[V any](m map[uint32]V) []uint32 {
	keys := make([]uint32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
