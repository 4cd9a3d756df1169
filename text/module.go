package text

import (
	wbin "github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// Index spaces that identifiers name at module level.
type space int

const (
	sType space = iota
	sFunc
	sTable
	sMem
	sGlobal
	sElem
	sData
	sTag // 3.0: exception handling
	numSpaces
)

var spaceNames = [numSpaces]string{"type", "func", "table", "memory", "global", "elem", "data", "tag"}

// unknownNames are the reasons given for an identifier that names nothing.
var unknownNames = [numSpaces]string{"unknown type", "unknown function", "unknown table", "unknown memory", "unknown global", "unknown elem segment", "unknown data segment", "unknown tag"}

// builder holds the state of one module being parsed.
type builder struct {
	p        *parser
	m        *wasm.Module
	names    [numSpaces]map[string]uint32
	count    [numSpaces]uint32
	imported [numSpaces]uint32 // imports per space, known after the first pass
	// importsSoFar counts imports per space during the second pass.
	importsSoFar [numSpaces]uint32
	typeKeys     map[string]uint32
	usesData     bool // a body uses memory.init or data.drop
}

func typeKey(ft wasm.FuncType) string {
	b := make([]byte, 0, len(ft.Params)+len(ft.Results)+5)
	b = wbin.AppendU32(b, uint32(len(ft.Params)))
	for _, t := range ft.Params {
		b = wbin.AppendValType(b, t)
	}
	for _, t := range ft.Results {
		b = wbin.AppendValType(b, t)
	}
	return string(b)
}

// bind records id (when not empty) for the next index of space s.
func (b *builder) bind(s space, id string, t *token) uint32 {
	idx := b.count[s]
	b.count[s]++
	if id == "" {
		return idx
	}
	if b.names[s] == nil {
		b.names[s] = map[string]uint32{}
	}
	if _, dup := b.names[s][id]; dup {
		b.p.fail(int(t.pos), "duplicate %s %s", spaceNames[s], id)
	}
	b.names[s][id] = idx
	return idx
}

// index parses an index into space s: a number or a bound identifier.
func (b *builder) index(s space) uint32 {
	p := b.p
	t := p.peek()
	switch t.kind {
	case tID:
		p.i++
		idx, ok := b.names[s][p.text(t)]
		if !ok {
			p.fail(int(t.pos), "%s %s", unknownNames[s], p.text(t))
		}
		return idx
	case tAtom:
		if isDigit(p.src[t.pos]) {
			return p.u32()
		}
	}
	p.unexpected(t)
	return 0
}

// typeIndex finds or adds a type equal to ft, as inline type uses do.
func (b *builder) typeIndex(ft wasm.FuncType) uint32 {
	if b.typeKeys == nil {
		b.typeKeys = make(map[string]uint32, len(b.m.Types))
		for i := len(b.m.Types) - 1; i >= 0; i-- {
			b.typeKeys[typeKey(b.m.Types[i])] = uint32(i)
		}
	}
	k := typeKey(ft)
	if idx, ok := b.typeKeys[k]; ok {
		return idx
	}
	idx := uint32(len(b.m.Types))
	b.m.Types = append(b.m.Types, ft)
	b.typeKeys[k] = idx
	return idx
}

func (b *builder) addType(ft wasm.FuncType) {
	b.m.Types = append(b.m.Types, ft)
	if b.typeKeys != nil {
		if _, ok := b.typeKeys[typeKey(ft)]; !ok {
			b.typeKeys[typeKey(ft)] = uint32(len(b.m.Types) - 1)
		}
	}
}

// fields parses module fields up to a closing parenthesis or the end.
func (p *parser) fields() *wasm.Module {
	b := &builder{p: p, m: &wasm.Module{}}
	start := p.i
	// First pass: bind identifiers of every index space and read the
	// explicit types, so that later references may point forward.
	var firstDef space = -1
	// Type identifiers first: a type may name a later one (3.0: typed
	// references; the validator rejects what is out of reach).
	for p.peek().kind == tLParen {
		end := int(p.peek().match)
		if p.is(p.peekN(1), "type") {
			p.i += 2
			id, idt := p.optID()
			b.bind(sType, id, idt)
		}
		p.i = end + 1
	}
	p.i = start
	for {
		t := p.peek()
		if t.kind != tLParen {
			break
		}
		end := int(t.match)
		kwt := p.peekN(1)
		if kwt.kind != tAtom {
			p.unexpected(kwt)
		}
		kw := p.text(kwt)
		switch kw {
		case "type":
			p.i += 2
			p.optID() // bound above
			b.addType(b.funcTypeDef())
			p.expectRParen()
		case "import":
			// (import "m" "n" (kind $id? ...))
			p.i += 2
			p.str()
			p.str()
			if p.peek().kind != tLParen {
				p.unexpected(p.peek())
			}
			kt := p.peekN(1)
			s := descSpace(p, kt)
			if firstDef >= 0 {
				p.fail(int(t.pos), "import after %s", defName(firstDef))
			}
			p.i += 2
			id, idt := p.optID()
			b.bind(s, id, idt)
			b.imported[s]++
		case "func", "table", "memory", "global", "tag":
			s := descSpace(p, kwt)
			p.i += 2
			id, idt := p.optID()
			b.bind(s, id, idt)
			for p.lparenKw("export") {
				p.i = int(p.peek().match) + 1
			}
			if p.lparenKw("import") {
				if firstDef >= 0 {
					p.fail(int(t.pos), "import after %s", defName(firstDef))
				}
				b.imported[s]++
			} else {
				if firstDef < 0 {
					firstDef = s
				}
				// Inline segments: (memory (data ...)), (table reftype (elem ...)).
				for p.i < end {
					c := p.peek()
					if c.kind == tLParen {
						if s == sMem && p.is(p.peekN(1), "data") {
							b.bind(sData, "", nil)
						}
						if s == sTable && p.is(p.peekN(1), "elem") {
							b.bind(sElem, "", nil)
						}
						p.i = int(c.match) + 1
						continue
					}
					p.i++
				}
			}
		case "elem", "data":
			s := sElem
			if kw == "data" {
				s = sData
			}
			p.i += 2
			id, idt := p.optID()
			b.bind(s, id, idt)
		case "export", "start":
		default:
			p.fail(int(kwt.pos), "unknown operator %s", kw)
		}
		p.i = end
		p.expectRParen()
	}
	// Second pass: build the module.
	p.i = start
	for p.peek().kind == tLParen {
		end := int(p.peek().match)
		b.field()
		if p.i != end {
			p.unexpected(p.peek())
		}
		p.expectRParen()
	}
	m := b.m
	m.CountImports()
	if b.usesData {
		m.HasDataCount = true
		m.DataCount = uint32(len(m.Datas))
	}
	return m
}

func defName(s space) string {
	if s == sFunc {
		return "function"
	}
	return spaceNames[s]
}

func descSpace(p *parser, t *token) space {
	switch {
	case p.is(t, "func"):
		return sFunc
	case p.is(t, "table"):
		return sTable
	case p.is(t, "memory"):
		return sMem
	case p.is(t, "global"):
		return sGlobal
	case p.is(t, "tag"):
		return sTag
	}
	p.unexpected(t)
	return 0
}

// funcTypeDef parses (func (param ...)* (result ...)*).
func (b *builder) funcTypeDef() wasm.FuncType {
	p := b.p
	p.expectLParen()
	p.expectKw("func")
	var ft wasm.FuncType
	ft.Params, _, _ = b.params(true)
	ft.Results, _ = b.results()
	p.expectRParen()
	return ft
}

// params parses (param ...)* clauses; names holds the identifier of each
// parameter ("" when unnamed).
func (b *builder) params(allowNames bool) (ts []wasm.ValType, names []string, seen bool) {
	p := b.p
	for p.lparenKw("param") {
		seen = true
		p.i += 2
		if id, idt := p.optID(); idt != nil {
			if !allowNames {
				p.unexpected(idt)
			}
			ts = append(ts, b.valType())
			names = append(names, id)
			p.expectRParen()
			continue
		}
		for p.peek().kind != tRParen {
			ts = append(ts, b.valType())
			names = append(names, "")
		}
		p.i++
	}
	return ts, names, seen
}

// results parses (result ...)* clauses.
func (b *builder) results() (ts []wasm.ValType, seen bool) {
	p := b.p
	for p.lparenKw("result") {
		seen = true
		p.i += 2
		for p.peek().kind != tRParen {
			ts = append(ts, b.valType())
		}
		p.i++
	}
	return ts, seen
}

func (b *builder) valType() wasm.ValType {
	p := b.p
	t := p.next()
	if t.kind == tAtom {
		switch p.text(t) {
		case "i32":
			return wasm.I32
		case "i64":
			return wasm.I64
		case "f32":
			return wasm.F32
		case "f64":
			return wasm.F64
		case "v128":
			return wasm.V128
		case "funcref":
			return wasm.FuncRef
		case "externref":
			return wasm.ExternRef
		case "exnref":
			return wasm.ExnRef
		}
	}
	if t.kind == tAtom {
		switch p.text(t) {
		case "nullfuncref":
			return wasm.NullFuncRef
		case "nullexternref":
			return wasm.NullExternRef
		case "nullexnref":
			return wasm.NullExnRef
		}
	}
	if t.kind == tLParen && p.is(p.peek(), "ref") {
		// (ref null? ht)
		p.i++
		nullable := false
		if p.atIs("null") {
			p.i++
			nullable = true
		}
		h := b.heapType()
		p.expectRParen()
		return wasm.RefType(nullable, h)
	}
	p.unexpected(t)
	return 0
}

// heapType parses a heap type: an abstract one or a type index.
func (b *builder) heapType() wasm.HeapType {
	p := b.p
	t := p.peek()
	if p.isIndex(t) {
		return wasm.ConcreteHeap(b.index(sType))
	}
	p.i++
	if t.kind == tAtom {
		switch p.text(t) {
		case "func":
			return wasm.HeapFunc
		case "extern":
			return wasm.HeapExtern
		case "exn":
			return wasm.HeapExn
		case "nofunc":
			return wasm.HeapNoFunc
		case "noextern":
			return wasm.HeapNoExtern
		case "noexn":
			return wasm.HeapNoExn
		}
	}
	p.unexpected(t)
	return 0
}

func (b *builder) isRefType(t *token) bool {
	return b.p.is(t, "funcref") || b.p.is(t, "externref") || b.p.is(t, "exnref") ||
		b.p.is(t, "nullfuncref") || b.p.is(t, "nullexternref") || b.p.is(t, "nullexnref") ||
		t == b.p.peek() && b.p.lparenKw("ref")
}

func (b *builder) refType() wasm.ValType {
	t := b.p.peek()
	if !b.isRefType(t) {
		b.p.unexpected(t)
	}
	return b.valType()
}

// typeUse parses (type x)? (param ...)* (result ...)* and returns the type
// index, the function type and the parameter names.
func (b *builder) typeUse(allowNames bool) (uint32, wasm.FuncType, []string) {
	p := b.p
	var idx uint32
	hasType := false
	var tt *token
	if p.lparenKw("type") {
		tt = p.peek()
		p.i += 2
		idx = b.index(sType)
		p.expectRParen()
		hasType = true
	}
	var ft wasm.FuncType
	var names []string
	var ps, rs bool
	ft.Params, names, ps = b.params(allowNames)
	ft.Results, rs = b.results()
	b.noMoreSig()
	if hasType {
		if int(idx) < len(b.m.Types) {
			def := b.m.Types[idx]
			if ps || rs {
				if !def.Equal(ft) {
					p.fail(int(tt.pos), "inline function type")
				}
			} else {
				ft = def
				names = make([]string, len(def.Params))
			}
		} else if ps || rs {
			p.fail(int(tt.pos), "unknown type")
		}
		return idx, ft, names
	}
	return b.typeIndex(ft), ft, names
}

// noMoreSig rejects a type, param or result clause after the results of a
// type use (clauses out of order).
func (b *builder) noMoreSig() {
	p := b.p
	if p.lparenKw("type") || p.lparenKw("param") || p.lparenKw("result") {
		p.fail(int(p.peekN(1).pos), "unexpected token %s", p.text(p.peekN(1)))
	}
}

// limits parses limits: 32-bit numbers in WebAssembly 2.0, 64-bit ones
// with memory64 (the validator checks the bounds of the address type).
func (b *builder) limits() wasm.Limits {
	p := b.p
	read := func() uint64 {
		if p.enabled.Has(wasm.FeatureMemory64) {
			return p.u64()
		}
		return uint64(p.u32())
	}
	var l wasm.Limits
	l.Min = read()
	if t := p.peek(); t.kind == tAtom && isDigit(p.src[t.pos]) {
		l.Max = read()
		l.HasMax = true
	}
	return l
}

// noShared refuses a shared memory (threads, beyond 3.0) with the
// decoder's reason.
func (b *builder) noShared() {
	if t := b.p.peek(); b.p.is(t, "shared") {
		b.p.fail(int(t.pos), "%s", wbin.ReasonShared)
	}
}

// addrType parses an optional address type (3.0: memory64, table64) and
// reports whether it is i64.
func (b *builder) addrType() bool {
	p := b.p
	t := p.peek()
	if t.kind == tAtom && p.enabled&(wasm.FeatureMemory64|wasm.FeatureTable64) != 0 {
		switch p.text(t) {
		case "i64":
			p.i++
			return true
		case "i32":
			p.i++
		}
	}
	return false
}

// zeroOffset returns the constant expression 0 of the address type.
func zeroOffset(is64 bool) wasm.ConstExpr {
	if is64 {
		return wasm.ConstExpr{Code: []byte{byte(wasm.OpI64Const), 0, byte(wasm.OpEnd)}}
	}
	return wasm.ConstExpr{Code: append([]byte(nil), constZero...)}
}

func (b *builder) globalType() wasm.GlobalType {
	p := b.p
	if p.lparenKw("mut") {
		p.i += 2
		t := b.valType()
		p.expectRParen()
		return wasm.GlobalType{Type: t, Mutable: true}
	}
	return wasm.GlobalType{Type: b.valType()}
}

// inlineExports parses (export "name")* clauses.
func (b *builder) inlineExports() []string {
	p := b.p
	var names []string
	for p.lparenKw("export") {
		p.i += 2
		names = append(names, p.name())
		p.expectRParen()
	}
	return names
}

// inlineImport parses (import "m" "n") if present.
func (b *builder) inlineImport() (mod, name string, ok bool) {
	p := b.p
	if !p.lparenKw("import") {
		return "", "", false
	}
	p.i += 2
	mod = p.name()
	name = p.name()
	p.expectRParen()
	return mod, name, true
}

func (b *builder) addExports(names []string, kind wasm.ExternKind, idx uint32) {
	for _, n := range names {
		b.m.Exports = append(b.m.Exports, wasm.Export{Name: n, Kind: kind, Index: idx})
	}
}

// nextIndex returns the index the next definition (or import) of space s
// receives in the second pass.
func (b *builder) nextIndex(s space, imported bool) uint32 {
	m := b.m
	if imported {
		n := b.importsSoFar[s]
		b.importsSoFar[s]++
		return n
	}
	switch s {
	case sFunc:
		return b.imported[s] + uint32(len(m.Funcs))
	case sTable:
		return b.imported[s] + uint32(len(m.Tables))
	case sMem:
		return b.imported[s] + uint32(len(m.Memories))
	case sGlobal:
		return b.imported[s] + uint32(len(m.Globals))
	case sTag:
		return b.imported[s] + uint32(len(m.Tags))
	}
	return 0
}

func kindOfSpace(s space) wasm.ExternKind {
	switch s {
	case sFunc:
		return wasm.ExternFunc
	case sTable:
		return wasm.ExternTable
	case sMem:
		return wasm.ExternMemory
	case sTag:
		return wasm.ExternTag
	}
	return wasm.ExternGlobal
}

var constZero = []byte{byte(wasm.OpI32Const), 0, byte(wasm.OpEnd)}

// field parses one module field (second pass); p is at its "(".
func (b *builder) field() {
	p := b.p
	p.i++
	kwt := p.next()
	m := b.m
	switch kw := p.text(kwt); kw {
	case "type":
		p.i = int(p.toks[p.i-2].match) // already read in the first pass
	case "import":
		mod := p.name()
		name := p.name()
		p.expectLParen()
		s := descSpace(p, p.next())
		id, _ := p.optID()
		idx := b.nextIndex(s, true)
		if s == sFunc {
			b.funcName(idx, id)
		}
		imp := wasm.Import{Module: mod, Name: name, Kind: kindOfSpace(s)}
		b.importDesc(&imp, s)
		p.expectRParen()
		m.Imports = append(m.Imports, imp)
	case "func", "table", "memory", "global", "tag":
		s := descSpace(p, kwt)
		id, _ := p.optID()
		exports := b.inlineExports()
		mod, name, isImport := b.inlineImport()
		idx := b.nextIndex(s, isImport)
		if s == sFunc {
			b.funcName(idx, id)
		}
		b.addExports(exports, kindOfSpace(s), idx)
		if isImport {
			imp := wasm.Import{Module: mod, Name: name, Kind: kindOfSpace(s)}
			b.importDesc(&imp, s)
			m.Imports = append(m.Imports, imp)
			return
		}
		switch s {
		case sFunc:
			b.funcDef(idx)
		case sTable:
			b.tableDef(idx)
		case sMem:
			b.memoryDef(idx)
		case sGlobal:
			gt := b.globalType()
			m.Globals = append(m.Globals, wasm.Global{Type: gt, Init: b.expr()})
		case sTag:
			ti, _, _ := b.typeUse(true)
			m.Tags = append(m.Tags, wasm.Tag{Type: ti})
		}
	case "export":
		name := p.name()
		p.expectLParen()
		s := descSpace(p, p.next())
		idx := b.index(s)
		p.expectRParen()
		m.Exports = append(m.Exports, wasm.Export{Name: name, Kind: kindOfSpace(s), Index: idx})
	case "start":
		if m.HasStart {
			p.fail(int(kwt.pos), "multiple start sections")
		}
		m.Start = b.index(sFunc)
		m.HasStart = true
	case "elem":
		b.elemDef()
	case "data":
		b.dataDef()
	default:
		p.fail(int(kwt.pos), "unknown operator %s", kw)
	}
}

// importDesc parses the rest of an import description of space s.
func (b *builder) importDesc(imp *wasm.Import, s space) {
	switch s {
	case sFunc:
		imp.Func, _, _ = b.typeUse(true)
	case sTable:
		imp.Table.Is64 = b.addrType()
		imp.Table.Limits = b.limits()
		imp.Table.Elem = b.refType()
	case sMem:
		imp.Memory.Is64 = b.addrType()
		imp.Memory.Limits = b.limits()
		b.noShared()
	case sGlobal:
		imp.Global = b.globalType()
	case sTag:
		imp.Tag.Type, _, _ = b.typeUse(true)
	}
}

// funcName records the identifier of function idx for the name section.
func (b *builder) funcName(idx uint32, id string) {
	if id == "" {
		return
	}
	if b.m.Names == nil {
		b.m.Names = &wasm.Names{}
	}
	if b.m.Names.Funcs == nil {
		b.m.Names.Funcs = map[uint32]string{}
	}
	b.m.Names.Funcs[idx] = id[1:]
}

// localName records the identifier of local x of function idx for the
// name section.
func (b *builder) localName(idx, x uint32, id string) {
	if id == "" {
		return
	}
	if b.m.Names == nil {
		b.m.Names = &wasm.Names{}
	}
	if b.m.Names.Locals == nil {
		b.m.Names.Locals = map[uint32]map[uint32]string{}
	}
	if b.m.Names.Locals[idx] == nil {
		b.m.Names.Locals[idx] = map[uint32]string{}
	}
	b.m.Names.Locals[idx][x] = id[1:]
}

// funcDef parses the rest of the definition of function idx.
func (b *builder) funcDef(idx uint32) {
	p := b.p
	ti, ft, pnames := b.typeUse(true)
	f := &fctx{}
	for i, n := range pnames {
		f.bindLocal(p, n, uint32(i), nil)
		b.localName(idx, uint32(i), n)
	}
	nlocals := uint32(len(ft.Params))
	var decls []wasm.LocalDecl
	add := func(t wasm.ValType) {
		if n := len(decls); n > 0 && decls[n-1].Type == t {
			decls[n-1].Count++
		} else {
			decls = append(decls, wasm.LocalDecl{Count: 1, Type: t})
		}
		nlocals++
	}
	for p.lparenKw("local") {
		p.i += 2
		if id, idt := p.optID(); idt != nil {
			f.bindLocal(p, id, nlocals, idt)
			b.localName(idx, nlocals, id)
			add(b.valType())
			p.expectRParen()
			continue
		}
		for p.peek().kind != tRParen {
			add(b.valType())
		}
		p.i++
	}
	b.instrs(f)
	f.out = append(f.out, byte(wasm.OpEnd))
	b.m.Funcs = append(b.m.Funcs, ti)
	b.m.Code = append(b.m.Code, wasm.Code{Locals: decls, Body: f.out})
}

func (b *builder) tableDef(idx uint32) {
	p := b.p
	is64 := b.addrType()
	if b.isRefType(p.peek()) {
		// (table reftype (elem ...))
		rt := b.valType()
		p.expectLParen()
		p.expectKw("elem")
		seg := wasm.ElemSegment{Mode: wasm.SegmentActive, Table: idx, Offset: zeroOffset(is64), Type: rt}
		if p.peek().kind == tLParen {
			seg.UsesExprs = true
			seg.Exprs = b.elemExprs()
		} else {
			seg.Funcs = b.funcIndices()
		}
		p.expectRParen()
		n := uint64(seg.Len())
		b.m.Tables = append(b.m.Tables, wasm.TableType{Elem: rt, Limits: wasm.Limits{Min: n, Max: n, HasMax: true}, Is64: is64})
		b.addElem(seg)
		return
	}
	l := b.limits()
	rt := b.refType()
	b.m.Tables = append(b.m.Tables, wasm.TableType{Elem: rt, Limits: l, Is64: is64})
	if p.peek().kind == tLParen || p.peek().kind == tAtom {
		// An initializer expression (3.0: typed function references).
		n := len(b.m.Tables) - 1
		for len(b.m.TableInits) < n {
			b.m.TableInits = append(b.m.TableInits, wasm.ConstExpr{})
		}
		b.m.TableInits = append(b.m.TableInits, b.expr())
	}
}

func (b *builder) memoryDef(idx uint32) {
	p := b.p
	is64 := b.addrType()
	if p.lparenKw("data") {
		p.i += 2
		var init []byte
		for p.peek().kind == tString {
			init = append(init, p.str()...)
		}
		p.expectRParen()
		n := (uint64(len(init)) + wasm.PageSize - 1) / wasm.PageSize
		b.m.Memories = append(b.m.Memories, wasm.MemoryType{Limits: wasm.Limits{Min: n, Max: n, HasMax: true}, Is64: is64})
		b.m.Datas = append(b.m.Datas, wasm.DataSegment{Mode: wasm.SegmentActive, Memory: idx, Offset: zeroOffset(is64), Init: init})
		return
	}
	b.m.Memories = append(b.m.Memories, wasm.MemoryType{Limits: b.limits(), Is64: is64})
	b.noShared()
}

// funcIndices parses funcidx*.
func (b *builder) funcIndices() []uint32 {
	p := b.p
	fs := []uint32{}
	for p.isIndex(p.peek()) {
		fs = append(fs, b.index(sFunc))
	}
	return fs
}

// elemExprs parses elemexpr*: (item instr*) or one folded instruction.
func (b *builder) elemExprs() []wasm.ConstExpr {
	p := b.p
	es := []wasm.ConstExpr{}
	for p.peek().kind == tLParen {
		if p.lparenKw("item") {
			p.i += 2
			es = append(es, b.expr())
			p.expectRParen()
			continue
		}
		f := &fctx{}
		b.folded(f)
		es = append(es, wasm.ConstExpr{Code: append(f.out, byte(wasm.OpEnd))})
	}
	return es
}

// expr parses instr* up to a closing parenthesis as a constant expression.
func (b *builder) expr() wasm.ConstExpr {
	f := &fctx{}
	b.instrs(f)
	return wasm.ConstExpr{Code: append(f.out, byte(wasm.OpEnd))}
}

// offset parses (offset instr*) or a single folded instruction.
func (b *builder) offset() wasm.ConstExpr {
	p := b.p
	if p.lparenKw("offset") {
		p.i += 2
		e := b.expr()
		p.expectRParen()
		return e
	}
	if p.peek().kind != tLParen {
		p.unexpected(p.peek())
	}
	f := &fctx{}
	b.folded(f)
	return wasm.ConstExpr{Code: append(f.out, byte(wasm.OpEnd))}
}

func (b *builder) elemDef() {
	p := b.p
	p.optID()
	seg := wasm.ElemSegment{Mode: wasm.SegmentPassive, Type: wasm.FuncRef}
	explicitTable := false
	switch {
	case p.atIs("declare"):
		p.i++
		seg.Mode = wasm.SegmentDeclarative
	case p.lparenKw("table"):
		p.i += 2
		seg.Table = b.index(sTable)
		p.expectRParen()
		explicitTable = true
		seg.Mode = wasm.SegmentActive
		seg.Offset = b.offset()
	case p.peek().kind == tLParen && !p.lparenKw("ref"):
		seg.Mode = wasm.SegmentActive
		seg.Offset = b.offset()
	}
	switch {
	case p.atIs("func"):
		p.i++
		seg.Funcs = b.funcIndices()
	case b.isRefType(p.peek()):
		seg.Type = b.valType()
		seg.UsesExprs = true
		seg.Exprs = b.elemExprs()
	case seg.Mode == wasm.SegmentActive && !explicitTable:
		seg.Funcs = b.funcIndices()
	default:
		p.unexpected(p.peek())
	}
	b.addElem(seg)
}

// addElem appends an element segment. ExplicitTable is set as the binary
// encoding requires it (an active segment on a table other than 0 or of
// a type other than funcref), so that text and binary modules agree.
func (b *builder) addElem(seg wasm.ElemSegment) {
	if seg.Mode == wasm.SegmentActive && (seg.Table != 0 || seg.Type != wasm.FuncRef) {
		seg.ExplicitTable = true
	}
	b.m.Elems = append(b.m.Elems, seg)
}

func (b *builder) dataDef() {
	p := b.p
	p.optID()
	seg := wasm.DataSegment{Mode: wasm.SegmentPassive}
	if p.lparenKw("memory") {
		p.i += 2
		seg.Memory = b.index(sMem)
		p.expectRParen()
		seg.Mode = wasm.SegmentActive
		seg.Offset = b.offset()
	} else if p.peek().kind == tLParen {
		seg.Mode = wasm.SegmentActive
		seg.Offset = b.offset()
	}
	seg.Init = []byte{}
	for p.peek().kind == tString {
		seg.Init = append(seg.Init, p.str()...)
	}
	b.m.Datas = append(b.m.Datas, seg)
}
