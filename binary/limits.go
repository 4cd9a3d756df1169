package binary

import (
	"fmt"

	"github.com/wasmrun/wasmrun/wasm"
)

// Limits are the implementation limits the decoder enforces, beyond what
// the binary format allows, so that a module cannot make an engine
// allocate more than its size justifies or build structures no real
// program needs. The defaults follow the limits V8 publishes for
// WebAssembly, which real toolchains respect. A zero field takes its
// default.
type Limits struct {
	// ModuleBytes caps the size of the module (default 1 GiB).
	ModuleBytes int
	// Functions caps the functions, imported and defined (default
	// 1,000,000).
	Functions int
	// FuncLocals caps the locals declared by one function, parameters
	// excluded (default 50,000).
	FuncLocals int
	// FuncBodyBytes caps the size of one function body (default 128 MiB:
	// V8's 7,654,321 bytes is too few for Go's compiler, which emits
	// bodies of over 14 MB).
	FuncBodyBytes int
	// Types, Imports, Exports and Globals cap their sections' entries
	// (default 1,000,000 each).
	Types, Imports, Exports, Globals int
	// Params and Results cap one function type's parameters and results
	// (default 1,000 each).
	Params, Results int
	// DataSegments caps the data segments (default 100,000); Tables and
	// Memories the tables and memories (default 100,000 each).
	DataSegments, Tables, Memories int
	// ElemSegments caps the element segments and ElemEntries the
	// entries of one of them (default 10,000,000 each).
	ElemSegments, ElemEntries int
	// BrTableTargets caps the targets of one br_table (default 65,520).
	BrTableTargets int
}

// DefaultLimits are the limits Decode enforces.
var DefaultLimits = Limits{
	ModuleBytes:    1 << 30,
	Functions:      1_000_000,
	FuncLocals:     50_000,
	FuncBodyBytes:  128 << 20,
	Types:          1_000_000,
	Imports:        1_000_000,
	Exports:        1_000_000,
	Globals:        1_000_000,
	Params:         1_000,
	Results:        1_000,
	DataSegments:   100_000,
	Tables:         100_000,
	Memories:       100_000,
	ElemSegments:   10_000_000,
	ElemEntries:    10_000_000,
	BrTableTargets: 65_520,
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	d := DefaultLimits
	def(&l.ModuleBytes, d.ModuleBytes)
	def(&l.Functions, d.Functions)
	def(&l.FuncLocals, d.FuncLocals)
	def(&l.FuncBodyBytes, d.FuncBodyBytes)
	def(&l.Types, d.Types)
	def(&l.Imports, d.Imports)
	def(&l.Exports, d.Exports)
	def(&l.Globals, d.Globals)
	def(&l.Params, d.Params)
	def(&l.Results, d.Results)
	def(&l.DataSegments, d.DataSegments)
	def(&l.Tables, d.Tables)
	def(&l.Memories, d.Memories)
	def(&l.ElemSegments, d.ElemSegments)
	def(&l.ElemEntries, d.ElemEntries)
	def(&l.BrTableTargets, d.BrTableTargets)
	return l
}

// CheckLimits checks a module built by other means than Decode (the text
// parser) against the counting limits of lim (zero fields: defaults).
func CheckLimits(m *wasm.Module, lim Limits) error {
	lim = lim.withDefaults()
	check := func(n, limit int, what string) error {
		if n > limit {
			return fmt.Errorf("too many %s: %d exceeds the limit of %d", what, n, limit)
		}
		return nil
	}
	errs := []error{
		check(m.NumFuncs(), lim.Functions, "functions"),
		check(len(m.Types), lim.Types, "types"),
		check(len(m.Imports), lim.Imports, "imports"),
		check(len(m.Exports), lim.Exports, "exports"),
		check(len(m.Globals), lim.Globals, "globals"),
		check(len(m.Datas), lim.DataSegments, "data segments"),
		check(len(m.Elems), lim.ElemSegments, "element segments"),
		check(m.NumTables(), lim.Tables, "tables"),
		check(m.NumMemories(), lim.Memories, "memories"),
	}
	for i := range m.Code {
		n := uint64(0)
		for _, d := range m.Code[i].Locals {
			n += uint64(d.Count)
		}
		if n > uint64(lim.FuncLocals) {
			errs = append(errs, fmt.Errorf("function %d: too many locals: %d exceeds the limit of %d", int(m.NumImportedFuncs)+i, n, lim.FuncLocals))
			break
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
