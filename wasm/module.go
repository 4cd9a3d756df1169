package wasm

// Module is a decoded (or parsed) module. Function bodies, constant
// expressions and segment payloads are kept in binary encoding; they are
// checked by the validator and translated by the engines.
//
// Index spaces (functions, tables, memories, globals, tags) start with
// the imports of that kind, in import order, followed by the module's own
// definitions; use the NumImported* counts to map between them.
//
// WebAssembly 3.0 additions are additive fields an engine that does not
// implement them can ignore, because the validator reports their use
// (validate.Info.Features) and such modules must be refused: Tags and
// Import.Tag (exception handling), MemoryType.Is64 and TableType.Is64
// (memory64, table64), TableInits (typed function references), several
// Memories and DataSegment.Memory (multiple memories). Instruction
// immediates stay in the bodies: binary.ReadMemArg returns the memory
// index of a memory access, binary.ReadCatches the catch clauses of
// try_table, binary.ReadValType and ReadHeapType the 3.0 reference types.
type Module struct {
	Types   []FuncType
	Imports []Import
	Funcs   []uint32 // type index of each function defined by the module
	Tables  []TableType
	// TableInits holds the initializer expression of each defined table
	// (3.0: typed function references), parallel to Tables; an entry
	// without Code has none (its elements start null). Nil when no table
	// has one.
	TableInits []ConstExpr
	Memories   []MemoryType
	// Tags are the exception tags the module defines (3.0: exception
	// handling), after the imported ones in the tag index space.
	Tags    []Tag
	Globals []Global
	Exports []Export

	Start    uint32 // function index; meaningful only when HasStart
	HasStart bool

	Elems []ElemSegment

	DataCount    uint32 // from the data count section; meaningful only when HasDataCount
	HasDataCount bool

	Code  []Code // one per entry of Funcs
	Datas []DataSegment

	Customs []CustomSection // every custom section, in order (including "name")
	Names   *Names          // parsed "name" section, nil when absent or unparseable

	// Counts of imports per kind, filled in by the producer of the Module.
	NumImportedFuncs    uint32
	NumImportedTables   uint32
	NumImportedMemories uint32
	NumImportedGlobals  uint32
	NumImportedTags     uint32
}

// Tag is an exception tag: the index in Types of a function type whose
// parameters are the values an exception with the tag carries (its
// results are empty).
type Tag struct {
	Type uint32
}

// Import is one entry of the import section.
type Import struct {
	Module string
	Name   string
	Kind   ExternKind
	Func   uint32 // type index, for ExternFunc
	Table  TableType
	Memory MemoryType
	Global GlobalType
	Tag    Tag // for ExternTag
}

// Export is one entry of the export section.
type Export struct {
	Name  string
	Kind  ExternKind
	Index uint32
}

// Global is a global defined by the module.
type Global struct {
	Type GlobalType
	Init ConstExpr
}

// ConstExpr is a constant expression in binary encoding, including its
// terminating end opcode (0x0B).
type ConstExpr struct {
	Code []byte
}

// SegmentMode says when a data or element segment is applied.
type SegmentMode byte

// Segment modes.
const (
	SegmentActive      SegmentMode = iota // copied at instantiation
	SegmentPassive                        // copied by memory.init / table.init
	SegmentDeclarative                    // element segments only: declares ref.func targets
)

// ElemSegment is an element segment. Its initial values are either plain
// function indices (Funcs, when UsesExprs is false) or constant
// expressions (Exprs, when UsesExprs is true); the binary encoding decides
// which, and the encoder preserves it.
type ElemSegment struct {
	Mode      SegmentMode
	Table     uint32    // active only
	Offset    ConstExpr // active only
	Type      ValType   // reference type of the elements
	UsesExprs bool
	Funcs     []uint32
	Exprs     []ConstExpr
	// ExplicitTable records, for round-tripping, that the segment used an
	// encoding with an explicit table index and element kind (flags 2 and 6).
	ExplicitTable bool
}

// Len returns the number of elements in the segment.
func (e *ElemSegment) Len() int {
	if e.UsesExprs {
		return len(e.Exprs)
	}
	return len(e.Funcs)
}

// DataSegment is a data segment.
type DataSegment struct {
	Mode   SegmentMode // SegmentActive or SegmentPassive
	Memory uint32      // active only
	Offset ConstExpr   // active only
	Init   []byte
}

// Code is the body of a defined function.
type Code struct {
	Locals []LocalDecl // compressed local declarations, as encoded
	// Body is the instruction sequence in binary encoding, including the
	// final end opcode.
	Body []byte
	// Offset is the position of Body[0] in the module's binary encoding
	// (0 when the module did not come from a binary); validation errors
	// add it to the position inside Body.
	Offset int
}

// LocalDecl declares Count locals of type Type.
type LocalDecl struct {
	Count uint32
	Type  ValType
}

// CustomSection is a custom section's name and payload.
type CustomSection struct {
	Name string
	Data []byte
}

// Names is the content of the "name" custom section.
type Names struct {
	Module string
	Funcs  map[uint32]string
	Locals map[uint32]map[uint32]string
}

// NumFuncs returns the size of the function index space.
func (m *Module) NumFuncs() int { return int(m.NumImportedFuncs) + len(m.Funcs) }

// NumTables returns the size of the table index space.
func (m *Module) NumTables() int { return int(m.NumImportedTables) + len(m.Tables) }

// NumMemories returns the size of the memory index space.
func (m *Module) NumMemories() int { return int(m.NumImportedMemories) + len(m.Memories) }

// NumTags returns the size of the tag index space.
func (m *Module) NumTags() int { return int(m.NumImportedTags) + len(m.Tags) }

// NumGlobals returns the size of the global index space.
func (m *Module) NumGlobals() int { return int(m.NumImportedGlobals) + len(m.Globals) }

// CountImports recomputes the NumImported* fields from Imports.
func (m *Module) CountImports() {
	m.NumImportedFuncs, m.NumImportedTables, m.NumImportedMemories, m.NumImportedGlobals = 0, 0, 0, 0
	m.NumImportedTags = 0
	for i := range m.Imports {
		switch m.Imports[i].Kind {
		case ExternFunc:
			m.NumImportedFuncs++
		case ExternTable:
			m.NumImportedTables++
		case ExternMemory:
			m.NumImportedMemories++
		case ExternGlobal:
			m.NumImportedGlobals++
		case ExternTag:
			m.NumImportedTags++
		}
	}
}

// FuncTypeIndex returns the type index of function idx in the function
// index space, and false when idx is out of range.
func (m *Module) FuncTypeIndex(idx uint32) (uint32, bool) {
	if idx < m.NumImportedFuncs {
		n := uint32(0)
		for i := range m.Imports {
			if m.Imports[i].Kind == ExternFunc {
				if n == idx {
					return m.Imports[i].Func, true
				}
				n++
			}
		}
		return 0, false
	}
	d := idx - m.NumImportedFuncs
	if uint64(d) >= uint64(len(m.Funcs)) {
		return 0, false
	}
	return m.Funcs[d], true
}

// FuncName returns the name of function idx from the name section, or "".
func (m *Module) FuncName(idx uint32) string {
	if m.Names == nil {
		return ""
	}
	return m.Names.Funcs[idx]
}
