// Package binary decodes and encodes the WebAssembly binary format.
package binary

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/wasmrun/wasmrun/wasm"
)

// Reasons reported by Decode, worded as the specification's test suite
// words them.
const (
	ReasonMagic            = "magic header not detected"
	ReasonVersion          = "unknown binary version"
	ReasonSectionID        = "malformed section id"
	ReasonSectionSize      = "section size mismatch"
	ReasonAfterLast        = "unexpected content after last section"
	ReasonFuncCode         = "function and code section have inconsistent lengths"
	ReasonDataCount        = "data count and data section have inconsistent lengths"
	ReasonDataCountReq     = "data count section required"
	ReasonRefType          = "malformed reference type"
	ReasonValType          = "malformed value type"
	ReasonZeroByte         = "zero byte expected"
	ReasonTooManyLocals    = "too many locals"
	ReasonMutability       = "malformed mutability"
	ReasonImportKind       = "malformed import kind"
	ReasonExportKind       = "malformed export kind"
	ReasonEndExpected      = "END opcode expected"
	ReasonElemKind         = "malformed elements segment kind"
	ReasonDataKind         = "malformed data segment kind"
	ReasonLimits           = "malformed limits flags"
	ReasonFuncType         = "malformed function type"
	ReasonMemop            = "malformed memop flags"
	ReasonBlockType        = "malformed block type"
	ReasonTooManyFunctions = "too many functions"
)

// Section ids.
const (
	secCustom    = 0
	secType      = 1
	secImport    = 2
	secFunction  = 3
	secTable     = 4
	secMemory    = 5
	secGlobal    = 6
	secExport    = 7
	secStart     = 8
	secElement   = 9
	secCode      = 10
	secData      = 11
	secDataCount = 12
	secTag       = 13 // 3.0: exception handling
)

// sectionRank gives the position each known section must respect; the data
// count section sits between element and code.
var sectionRank = [14]int{
	secType: 1, secImport: 2, secFunction: 3, secTable: 4, secMemory: 5, secTag: 6,
	secGlobal: 7, secExport: 8, secStart: 9, secElement: 10, secDataCount: 11,
	secCode: 12, secData: 13,
}

// decoder holds the state of one Decode call. A single reader spans the
// whole input: like the reference interpreter, a section's content is
// read from the input stream and its size is checked afterwards
// ("section size mismatch"), and lengths are bounded by what remains of
// the input ("length out of bounds").
type decoder struct {
	r Reader
	m *wasm.Module
	// ctl is the control stack of the body scanner: one entry per open
	// block, ctlIf for an if whose else has not been seen.
	ctl []byte
	// usesDataIdx records that a function body used memory.init or
	// data.drop.
	usesDataIdx bool
	funcCount   uint32
	// names is the payload of the "name" section, parsed once the whole
	// module (and so its function count) is known.
	names   []byte
	lim     Limits
	enabled wasm.Features // 3.0 features allowed
	tables  *scanTables   // scan classes of the enabled instructions
}

const (
	ctlBlock byte = iota
	ctlIf
)

// Decode decodes a module in the binary format of WebAssembly 3.0, as far
// as wasmrun implements it (wasm.Features3). Malformed input yields an
// *Error naming the offset and the reason. Function bodies, constant
// expressions, data payloads and custom-section payloads alias data. Every
// instruction sequence is checked for syntax (known opcodes, well-formed
// immediates, balanced structure); typing is left to validation.
func Decode(data []byte) (*wasm.Module, error) {
	return decode(data, wasm.Features3, DefaultLimits)
}

// DecodeFeatures is Decode with only the 3.0 features in enabled: the
// encodings of other features are malformed, with the reasons
// WebAssembly 2.0 gives (enabled 0 decodes WebAssembly 2.0).
func DecodeFeatures(data []byte, enabled wasm.Features) (*wasm.Module, error) {
	return decode(data, enabled, DefaultLimits)
}

// DecodeWithLimits is Decode with other implementation limits (zero
// fields take their defaults). A count beyond a limit is an *Error naming
// the limit, reported before anything is allocated for it.
func DecodeWithLimits(data []byte, lim Limits) (*wasm.Module, error) {
	return decode(data, wasm.Features3, lim)
}

func decode(data []byte, enabled wasm.Features, lim Limits) (*wasm.Module, error) {
	lim = lim.withDefaults()
	if len(data) > lim.ModuleBytes {
		return nil, &Error{Offset: 0, Reason: fmt.Sprintf("module of %d bytes exceeds the limit of %d bytes", len(data), lim.ModuleBytes)}
	}
	d := &decoder{r: NewReader(data, 0), m: &wasm.Module{}, lim: lim, enabled: enabled, tables: scanTablesFor(enabled)}
	if err := d.module(); err != nil {
		return nil, err
	}
	return d.m, nil
}

func (d *decoder) errAt(off int, reason string) error { return &Error{Offset: off, Reason: reason} }

func (d *decoder) module() error {
	r := &d.r
	data := r.buf
	if len(data) < 4 {
		return d.errAt(len(data), ReasonUnexpectedEnd)
	}
	if data[0] != 0 || data[1] != 'a' || data[2] != 's' || data[3] != 'm' {
		return d.errAt(0, ReasonMagic)
	}
	if len(data) < 8 {
		return d.errAt(len(data), ReasonUnexpectedEnd)
	}
	if data[4] != 1 || data[5] != 0 || data[6] != 0 || data[7] != 0 {
		return d.errAt(4, ReasonVersion)
	}
	r.pos = 8
	r.SetEOFReason(ReasonUnexpectedEndSect)
	last := 0
	for !r.EOF() {
		idOff := r.pos
		id := data[r.pos]
		r.pos++
		if id > secTag || id == secTag && !d.enabled.Has(wasm.FeatureExceptions) {
			return d.errAt(idOff, ReasonSectionID)
		}
		if id != secCustom {
			rank := sectionRank[id]
			if rank <= last {
				return d.errAt(idOff, ReasonAfterLast)
			}
			last = rank
		}
		size, err := d.length()
		if err != nil {
			return err
		}
		start := r.pos
		end := start + size
		if id == secCustom {
			// The size check above counts the size's own bytes; a custom
			// section is read within its size, which must fit the input.
			if end > len(data) {
				return d.errAt(len(data), ReasonUnexpectedEndSect)
			}
			if err := d.customSection(end); err != nil {
				return err
			}
			continue
		}
		if err := d.section(id); err != nil {
			return err
		}
		if r.pos != end {
			return d.errAt(start, ReasonSectionSize)
		}
	}
	m := d.m
	if uint32(len(m.Code)) != d.funcCount || len(m.Code) != len(m.Funcs) {
		return d.errAt(r.pos, ReasonFuncCode)
	}
	if m.HasDataCount && uint64(m.DataCount) != uint64(len(m.Datas)) {
		return d.errAt(r.pos, ReasonDataCount)
	}
	if d.names != nil {
		m.Names = parseNames(d.names, uint32(m.NumFuncs()))
	}
	return nil
}

// length reads a u32 length or count and checks it against the bytes that
// remain of the input, counted from the start of the length itself.
func (d *decoder) length() (int, error) {
	r := &d.r
	at := r.pos
	n, err := r.ReadU32()
	if err != nil {
		return 0, err
	}
	if uint64(n) > uint64(len(r.buf)-at) {
		return 0, d.errAt(at, ReasonLengthOutOfBounds)
	}
	return int(n), nil
}

// count reads a vector length (checked against the remaining bytes as
// length does) and checks it against limit.
func (d *decoder) count(limit int, what string) (int, error) {
	at := d.r.pos
	n, err := d.length()
	if err != nil {
		return 0, err
	}
	if n > limit {
		return 0, d.errAt(at, fmt.Sprintf("too many %s: %d exceeds the limit of %d", what, n, limit))
	}
	return n, nil
}

func (d *decoder) u32() (uint32, error) { return d.r.ReadU32() }

func (d *decoder) byte() (byte, error) { return d.r.ReadByte() }

func (d *decoder) name() (string, error) {
	r := &d.r
	n, err := d.length()
	if err != nil {
		return "", err
	}
	at := r.pos
	b, err := r.ReadBytes(n)
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", d.errAt(at, ReasonMalformedUTF8)
	}
	return string(b), nil
}

func (d *decoder) valType() (wasm.ValType, error) {
	at := d.r.pos
	if at < len(d.r.buf) && d.r.buf[at] != 0x63 && d.r.buf[at] != 0x64 {
		d.r.pos++
		t := wasm.ValType(d.r.buf[at])
		if !t.IsValid() || !d.enabled.Has(t.Feature()) {
			if gcHeapByte(d.r.buf[at]) && d.enabled.Has(wasm.FeatureTypedFuncRefs) {
				return 0, d.errAt(at, ReasonValType+" ("+ReasonGC+")")
			}
			return 0, d.errAt(at, ReasonValType)
		}
		return t, nil
	}
	if !d.enabled.Has(wasm.FeatureTypedFuncRefs) {
		if at >= len(d.r.buf) {
			return 0, d.r.errEOF()
		}
		return 0, d.errAt(at, ReasonValType)
	}
	t, err := d.r.ReadValType()
	if err != nil {
		return 0, err
	}
	if !d.enabled.Has(t.Feature()) {
		return 0, d.errAt(at, ReasonValType)
	}
	return t, nil
}

func (d *decoder) refType() (wasm.ValType, error) {
	at := d.r.pos
	t, err := d.valType()
	if err != nil {
		if be, ok := err.(*Error); ok && strings.HasPrefix(be.Reason, ReasonValType) {
			if strings.HasSuffix(be.Reason, "("+ReasonGC+")") {
				return 0, d.errAt(at, ReasonRefType+" ("+ReasonGC+")")
			}
			return 0, d.errAt(at, ReasonRefType)
		}
		return 0, err
	}
	if !t.IsRef() {
		return 0, d.errAt(at, ReasonRefType)
	}
	return t, nil
}

// ReasonGC is added to the reason for a type of WebAssembly 3.0's garbage
// collection (struct, array, rec and sub types, the any/eq/i31/struct/
// array/none heap types), which wasmrun does not implement.
const ReasonGC = "garbage collection is not supported"

// gcTypeForm reports whether b is a type-section form of GC: struct,
// array, rec, sub, sub final.
func gcTypeForm(b byte) bool { return b == 0x5F || b == 0x5E || b == 0x4E || b == 0x50 || b == 0x4F }

// gcHeapByte reports whether b is an abstract heap type (or its
// reference type shorthand) of GC: any, eq, i31, struct, array, none.
func gcHeapByte(b byte) bool { return b >= 0x6A && b <= 0x6E || b == 0x71 }

// ReasonShared is the reason for a shared memory: threads are not part of
// WebAssembly 3.0 and wasmrun does not implement them.
const ReasonShared = "shared memories (threads proposal) are not supported"

// limits reads limits; is64 reports the i64 address type (3.0). mem says
// whether they are a memory's (the shared flag is a memory flag).
func (d *decoder) limits(mem bool) (l wasm.Limits, is64 bool, err error) {
	at := d.r.pos
	flag, err := d.byte()
	if err != nil {
		return wasm.Limits{}, false, err
	}
	if d.enabled&(wasm.FeatureMemory64|wasm.FeatureTable64) == 0 {
		// The flags are a one-byte LEB128 integer: 0 (no maximum) or 1.
		if flag&0x80 != 0 {
			return wasm.Limits{}, false, d.errAt(at, ReasonIntTooLong)
		}
		if flag > 1 {
			return wasm.Limits{}, false, d.errAt(at, ReasonIntTooLarge)
		}
	} else {
		// Bit 0: a maximum follows; bit 1: shared (threads); bit 2: the
		// i64 address type.
		if flag >= 8 || flag&2 != 0 && !mem {
			return wasm.Limits{}, false, d.errAt(at, ReasonLimits)
		}
		if flag&2 != 0 {
			return wasm.Limits{}, false, d.errAt(at, ReasonShared)
		}
		is64 = flag&4 != 0
		if is64 && !d.enabled.Has(wasm.FeatureMemory64) && mem || is64 && !d.enabled.Has(wasm.FeatureTable64) && !mem {
			return wasm.Limits{}, false, d.errAt(at, ReasonLimits)
		}
	}
	read := func() (uint64, error) {
		if is64 {
			return d.r.ReadU64()
		}
		x, err := d.u32()
		return uint64(x), err
	}
	min, err := read()
	if err != nil {
		return wasm.Limits{}, false, err
	}
	l = wasm.Limits{Min: min}
	if flag&1 != 0 {
		max, err := read()
		if err != nil {
			return wasm.Limits{}, false, err
		}
		l.Max, l.HasMax = max, true
	}
	return l, is64, nil
}

func (d *decoder) tableType() (wasm.TableType, error) {
	t, err := d.refType()
	if err != nil {
		return wasm.TableType{}, err
	}
	l, is64, err := d.limits(false)
	return wasm.TableType{Elem: t, Limits: l, Is64: is64}, err
}

func (d *decoder) memoryType() (wasm.MemoryType, error) {
	l, is64, err := d.limits(true)
	return wasm.MemoryType{Limits: l, Is64: is64}, err
}

// ReasonTagAttr is the reason for a tag attribute other than 0 (exception).
const ReasonTagAttr = "malformed tag attribute"

// tag reads a tag type: the attribute 0 and a type index.
func (d *decoder) tag() (wasm.Tag, error) {
	at := d.r.pos
	attr, err := d.byte()
	if err != nil {
		return wasm.Tag{}, err
	}
	if attr != 0 {
		return wasm.Tag{}, d.errAt(at, ReasonTagAttr)
	}
	x, err := d.u32()
	return wasm.Tag{Type: x}, err
}

func (d *decoder) globalType() (wasm.GlobalType, error) {
	t, err := d.valType()
	if err != nil {
		return wasm.GlobalType{}, err
	}
	at := d.r.pos
	mut, err := d.byte()
	if err != nil {
		return wasm.GlobalType{}, err
	}
	if mut > 1 {
		return wasm.GlobalType{}, d.errAt(at, ReasonMutability)
	}
	return wasm.GlobalType{Type: t, Mutable: mut == 1}, nil
}

// constExpr scans a constant expression up to and including its end.
func (d *decoder) constExpr() (wasm.ConstExpr, error) {
	start := d.r.pos
	end, err := d.scan(start, false)
	if err != nil {
		return wasm.ConstExpr{}, err
	}
	d.r.pos = end
	return wasm.ConstExpr{Code: d.r.buf[start:end:end]}, nil
}

func (d *decoder) section(id byte) error {
	m := d.m
	switch id {
	case secType:
		n, err := d.count(d.lim.Types, "types")
		if err != nil {
			return err
		}
		m.Types = mk[wasm.FuncType](n)
		for i := range m.Types {
			at := d.r.pos
			b, err := d.byte()
			if err != nil {
				return err
			}
			if b&0x80 != 0 { // type constructors are one-byte s7 integers
				return d.errAt(at, ReasonIntTooLong)
			}
			if b != 0x60 {
				if gcTypeForm(b) && d.enabled.Has(wasm.FeatureTypedFuncRefs) {
					return d.errAt(at, ReasonFuncType+" ("+ReasonGC+")")
				}
				return d.errAt(at, ReasonFuncType)
			}
			if m.Types[i].Params, err = d.valTypes(d.lim.Params, "parameters"); err != nil {
				return err
			}
			if m.Types[i].Results, err = d.valTypes(d.lim.Results, "results"); err != nil {
				return err
			}
		}
	case secImport:
		n, err := d.count(d.lim.Imports, "imports")
		if err != nil {
			return err
		}
		m.Imports = mk[wasm.Import](n)
		for i := range m.Imports {
			im := &m.Imports[i]
			if im.Module, err = d.name(); err != nil {
				return err
			}
			if im.Name, err = d.name(); err != nil {
				return err
			}
			at := d.r.pos
			k, err := d.byte()
			if err != nil {
				return err
			}
			im.Kind = wasm.ExternKind(k)
			switch im.Kind {
			case wasm.ExternFunc:
				im.Func, err = d.u32()
			case wasm.ExternTable:
				im.Table, err = d.tableType()
			case wasm.ExternMemory:
				im.Memory, err = d.memoryType()
			case wasm.ExternGlobal:
				im.Global, err = d.globalType()
			case wasm.ExternTag:
				if !d.enabled.Has(wasm.FeatureExceptions) {
					return d.errAt(at, ReasonImportKind)
				}
				im.Tag, err = d.tag()
			default:
				return d.errAt(at, ReasonImportKind)
			}
			if err != nil {
				return err
			}
		}
		m.CountImports()
		if int(m.NumImportedFuncs) > d.lim.Functions {
			return d.errAt(d.r.pos, fmt.Sprintf("too many functions: %d imported exceeds the limit of %d", m.NumImportedFuncs, d.lim.Functions))
		}
	case secFunction:
		at := d.r.pos
		n, err := d.length()
		if err != nil {
			return err
		}
		if total := n + int(m.NumImportedFuncs); total > d.lim.Functions {
			return d.errAt(at, fmt.Sprintf("too many functions: %d exceeds the limit of %d", total, d.lim.Functions))
		}
		m.Funcs = mk[uint32](n)
		for i := range m.Funcs {
			if m.Funcs[i], err = d.u32(); err != nil {
				return err
			}
		}
		d.funcCount = uint32(n)
	case secTable:
		n, err := d.count(d.lim.Tables, "tables")
		if err != nil {
			return err
		}
		m.Tables = mk[wasm.TableType](n)
		for i := range m.Tables {
			r := &d.r
			if r.pos+1 < len(r.buf) && r.buf[r.pos] == 0x40 && r.buf[r.pos+1] == 0x00 &&
				d.enabled.Has(wasm.FeatureTypedFuncRefs) {
				// A table with an initializer expression (3.0).
				r.pos += 2
				if m.Tables[i], err = d.tableType(); err != nil {
					return err
				}
				if m.TableInits == nil {
					m.TableInits = make([]wasm.ConstExpr, n)
				}
				if m.TableInits[i], err = d.constExpr(); err != nil {
					return err
				}
				continue
			}
			if m.Tables[i], err = d.tableType(); err != nil {
				return err
			}
		}
	case secMemory:
		n, err := d.count(d.lim.Memories, "memories")
		if err != nil {
			return err
		}
		m.Memories = mk[wasm.MemoryType](n)
		for i := range m.Memories {
			if m.Memories[i], err = d.memoryType(); err != nil {
				return err
			}
		}
	case secTag:
		n, err := d.length()
		if err != nil {
			return err
		}
		m.Tags = mk[wasm.Tag](n)
		for i := range m.Tags {
			if m.Tags[i], err = d.tag(); err != nil {
				return err
			}
		}
	case secGlobal:
		n, err := d.count(d.lim.Globals, "globals")
		if err != nil {
			return err
		}
		m.Globals = mk[wasm.Global](n)
		for i := range m.Globals {
			if m.Globals[i].Type, err = d.globalType(); err != nil {
				return err
			}
			if m.Globals[i].Init, err = d.constExpr(); err != nil {
				return err
			}
		}
	case secExport:
		n, err := d.count(d.lim.Exports, "exports")
		if err != nil {
			return err
		}
		m.Exports = mk[wasm.Export](n)
		for i := range m.Exports {
			ex := &m.Exports[i]
			if ex.Name, err = d.name(); err != nil {
				return err
			}
			at := d.r.pos
			k, err := d.byte()
			if err != nil {
				return err
			}
			if k > 4 || k == 4 && !d.enabled.Has(wasm.FeatureExceptions) {
				return d.errAt(at, ReasonExportKind)
			}
			ex.Kind = wasm.ExternKind(k)
			if ex.Index, err = d.u32(); err != nil {
				return err
			}
		}
	case secStart:
		idx, err := d.u32()
		if err != nil {
			return err
		}
		m.Start, m.HasStart = idx, true
	case secElement:
		return d.elemSection()
	case secDataCount:
		n, err := d.u32()
		if err != nil {
			return err
		}
		m.DataCount, m.HasDataCount = n, true
	case secCode:
		return d.codeSection()
	case secData:
		return d.dataSection()
	}
	return nil
}

func (d *decoder) valTypes(limit int, what string) ([]wasm.ValType, error) {
	n, err := d.count(limit, what)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	ts := mk[wasm.ValType](n)
	for i := range ts {
		if ts[i], err = d.valType(); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

func (d *decoder) elemSection() error {
	n, err := d.count(d.lim.ElemSegments, "element segments")
	if err != nil {
		return err
	}
	m := d.m
	m.Elems = mk[wasm.ElemSegment](n)
	for i := range m.Elems {
		e := &m.Elems[i]
		at := d.r.pos
		flags, err := d.u32()
		if err != nil {
			return err
		}
		if flags > 7 {
			return d.errAt(at, ReasonElemKind)
		}
		// Bit 0: passive or declarative; bit 1: explicit table index (when
		// active) or declarative (when bit 0 is set); bit 2: expressions.
		switch {
		case flags&1 == 0:
			e.Mode = wasm.SegmentActive
		case flags&2 == 0:
			e.Mode = wasm.SegmentPassive
		default:
			e.Mode = wasm.SegmentDeclarative
		}
		e.UsesExprs = flags&4 != 0
		e.Type = wasm.FuncRef
		if e.Mode == wasm.SegmentActive {
			if flags&2 != 0 {
				e.ExplicitTable = true
				if e.Table, err = d.u32(); err != nil {
					return err
				}
			}
			if e.Offset, err = d.constExpr(); err != nil {
				return err
			}
		}
		// Every encoding but 0 and 4 names the element kind or type.
		if flags&3 != 0 {
			if e.UsesExprs {
				if e.Type, err = d.refType(); err != nil {
					return err
				}
			} else {
				at := d.r.pos
				k, err := d.byte()
				if err != nil {
					return err
				}
				if k != 0 {
					return d.errAt(at, ReasonElemKind)
				}
			}
		}
		cnt, err := d.count(d.lim.ElemEntries, "elements in a segment")
		if err != nil {
			return err
		}
		if e.UsesExprs {
			e.Exprs = mk[wasm.ConstExpr](cnt)
			for j := range e.Exprs {
				if e.Exprs[j], err = d.constExpr(); err != nil {
					return err
				}
			}
		} else {
			e.Funcs = mk[uint32](cnt)
			for j := range e.Funcs {
				if e.Funcs[j], err = d.u32(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (d *decoder) dataSection() error {
	n, err := d.count(d.lim.DataSegments, "data segments")
	if err != nil {
		return err
	}
	m := d.m
	m.Datas = mk[wasm.DataSegment](n)
	for i := range m.Datas {
		s := &m.Datas[i]
		at := d.r.pos
		flags, err := d.u32()
		if err != nil {
			return err
		}
		switch flags {
		case 0:
		case 1:
			s.Mode = wasm.SegmentPassive
		case 2:
			if s.Memory, err = d.u32(); err != nil {
				return err
			}
		default:
			return d.errAt(at, ReasonDataKind)
		}
		if s.Mode == wasm.SegmentActive {
			if s.Offset, err = d.constExpr(); err != nil {
				return err
			}
		}
		sz, err := d.length()
		if err != nil {
			return err
		}
		if s.Init, err = d.r.ReadBytes(sz); err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) codeSection() error {
	r := &d.r
	n, err := d.length()
	if err != nil {
		return err
	}
	m := d.m
	m.Code = mk[wasm.Code](n)
	// All local declarations share one backing array.
	var locals []wasm.LocalDecl
	for i := range m.Code {
		c := &m.Code[i]
		at := r.pos
		size, err := d.length()
		if err != nil {
			return err
		}
		if size > d.lim.FuncBodyBytes {
			return d.errAt(at, fmt.Sprintf("function body of %d bytes exceeds the limit of %d bytes", size, d.lim.FuncBodyBytes))
		}
		start := r.pos
		end := start + size
		ndecl, err := d.length()
		if err != nil {
			return err
		}
		var total uint64
		first := len(locals)
		for j := 0; j < ndecl; j++ {
			cnt, err := d.u32()
			if err != nil {
				return err
			}
			total += uint64(cnt)
			if total > 1<<32-1 {
				return d.errAt(r.pos, ReasonTooManyLocals)
			}
			if total > uint64(d.lim.FuncLocals) {
				return d.errAt(r.pos, fmt.Sprintf("%s: %d exceeds the limit of %d", ReasonTooManyLocals, total, d.lim.FuncLocals))
			}
			t, err := d.valType()
			if err != nil {
				return err
			}
			locals = append(locals, wasm.LocalDecl{Count: cnt, Type: t})
		}
		if ndecl > 0 {
			c.Locals = locals[first:len(locals):len(locals)]
		}
		bodyStart := r.pos
		bodyEnd, err := d.scan(bodyStart, true)
		if err != nil {
			return err
		}
		if bodyEnd != end {
			return d.errAt(start, ReasonSectionSize)
		}
		r.pos = bodyEnd
		c.Body = r.buf[bodyStart:bodyEnd:bodyEnd]
		c.Offset = bodyStart
	}
	if d.usesDataIdx && !m.HasDataCount {
		return d.errAt(r.pos, ReasonDataCountReq)
	}
	return nil
}

// customSection reads a custom section whose content ends at end. Its name
// must lie within the section.
func (d *decoder) customSection(end int) error {
	r := &d.r
	sub := Reader{buf: r.buf[:end], pos: r.pos, eof: ReasonUnexpectedEndSect}
	n, err := sub.ReadU32()
	if err != nil {
		return err
	}
	if uint64(n) > uint64(sub.Len()) {
		return d.errAt(sub.pos, ReasonUnexpectedEndSect)
	}
	nb := sub.buf[sub.pos : sub.pos+int(n)]
	if !utf8.Valid(nb) {
		return d.errAt(sub.pos, ReasonMalformedUTF8)
	}
	name := string(nb)
	payload := r.buf[sub.pos+int(n) : end : end]
	d.m.Customs = append(d.m.Customs, wasm.CustomSection{Name: name, Data: payload})
	if name == "name" {
		d.names = payload // parsed at the end, when the function count is known
	}
	r.pos = end
	return nil
}

// mk returns a slice of n elements, nil when n is 0, so that absent and
// empty sections decode alike.
func mk[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, n)
}
