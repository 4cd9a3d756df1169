package spectest

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// Engine instantiates and runs modules for the script runner. The
// interpreter and the JIT each provide one, registered with RegisterEngine.
// A fresh Engine serves one script: all instances of a run come from it, so
// it may assume that every Extern it receives was produced by one of its
// own instances, and Close releases them all at the end.
//
// Values cross the interface as Value (see its documentation for the
// representation of floats, v128 and references). Errors are matched by
// the runner against the script's expected messages with
// strings.Contains, so a trap's error message must contain the
// specification's wording: "unreachable", "integer divide by zero",
// "integer overflow", "invalid conversion to integer", "out of bounds
// memory access", "out of bounds table access", "undefined element",
// "uninitialized element", "indirect call type mismatch", "call stack
// exhausted", ...
type Engine interface {
	// Instantiate instantiates a module that passed validation (info is
	// what validate.Module returned for it). Each import is looked up with
	// imports; when imports reports false the error must contain "unknown
	// import", and when the extern does not match the import's type,
	// "incompatible import type". A trap during instantiation (a segment
	// out of bounds, a trapping start function) is returned as an error
	// with the trap's wording; effects made before the trap (writes to
	// imported tables and memories) remain, as the specification says.
	// The start function must stop with an error when ctx is done.
	Instantiate(ctx context.Context, m *wasm.Module, info *validate.Info, imports Resolver) (Instance, error)
	// NewHostInstance creates an instance exporting host definitions,
	// such as the "spectest" module that scripts import from.
	NewHostInstance(h *HostModule) (Instance, error)
	// Close releases everything the engine and its instances hold
	// (memories, code). The runner's caller calls it once the script has
	// run; no instance is used afterwards.
	Close() error
}

// FeatureEngine is an Engine that runs some WebAssembly 3.0 features.
// The runner does not give an Engine modules that use other features (it
// fails their commands instead); an Engine without this method runs
// WebAssembly 2.0 only.
type FeatureEngine interface {
	Engine
	// Features returns the 3.0 features the engine runs.
	Features() wasm.Features
}

// Instance is an instantiated module (or host module) of an Engine.
type Instance interface {
	// Invoke calls the exported function name with args and returns its
	// results. A trap is returned as an error with the trap's wording.
	// The call must stop with an error when ctx is done (the runner sets
	// a deadline per command when Options.Timeout is set).
	Invoke(ctx context.Context, name string, args []Value) ([]Value, error)
	// Global returns the value of the exported global name.
	Global(name string) (Value, error)
	// Export returns the exported extern name (a function, table, memory
	// or global of the engine), for linking other modules to it; false
	// when there is no such export.
	Export(name string) (Extern, bool)
}

// Extern is an engine's exported function, table, memory or global. The
// runner only passes it from Instance.Export to Engine.Instantiate.
type Extern = any

// Resolver finds the extern that an import (module, name) refers to among
// the registered instances; it reports false when there is none.
type Resolver func(module, name string) (Extern, bool)

// HostModule describes a module implemented by the host.
type HostModule struct {
	Funcs    []HostFunc
	Globals  []HostGlobal
	Tables   []HostTable
	Memories []HostMemory
}

// HostFunc is a host function export.
type HostFunc struct {
	Name string
	Type wasm.FuncType
	// Call runs the function. It receives one Value per parameter and
	// returns one per result.
	Call func(args []Value) ([]Value, error)
}

// HostGlobal is a host global export.
type HostGlobal struct {
	Name  string
	Type  wasm.GlobalType
	Value Value
}

// HostTable is a host table export; its elements start as null.
type HostTable struct {
	Name string
	Type wasm.TableType
}

// HostMemory is a host memory export; it starts zeroed.
type HostMemory struct {
	Name string
	Type wasm.MemoryType
}

// SpectestModule returns the "spectest" host module that the test suite
// imports from: the print functions (which write what they receive to w,
// one line per call, when w is not nil), the globals global_i32 (666),
// global_i64 (666), global_f32 (666.6), global_f64 (666.6), a funcref table
// with limits 10..20 (and its i64-indexed twin table64, which 3.0 scripts
// import) and a memory with limits 1..2 pages.
func SpectestModule(w io.Writer) *HostModule {
	printer := func(args []Value) ([]Value, error) {
		if w != nil {
			fmt.Fprintln(w, formatValues(args))
		}
		return nil, nil
	}
	fn := func(name string, params ...wasm.ValType) HostFunc {
		return HostFunc{Name: name, Type: wasm.FuncType{Params: params}, Call: printer}
	}
	return &HostModule{
		Funcs: []HostFunc{
			fn("print"),
			fn("print_i32", wasm.I32),
			fn("print_i64", wasm.I64),
			fn("print_f32", wasm.F32),
			fn("print_f64", wasm.F64),
			fn("print_i32_f32", wasm.I32, wasm.F32),
			fn("print_f64_f64", wasm.F64, wasm.F64),
		},
		Globals: []HostGlobal{
			{Name: "global_i32", Type: wasm.GlobalType{Type: wasm.I32}, Value: I32(666)},
			{Name: "global_i64", Type: wasm.GlobalType{Type: wasm.I64}, Value: I64(666)},
			{Name: "global_f32", Type: wasm.GlobalType{Type: wasm.F32}, Value: F32(math.Float32bits(666.6))},
			{Name: "global_f64", Type: wasm.GlobalType{Type: wasm.F64}, Value: F64(math.Float64bits(666.6))},
		},
		Tables: []HostTable{
			{Name: "table", Type: wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 10, Max: 20, HasMax: true}}},
			{Name: "table64", Type: wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 10, Max: 20, HasMax: true}, Is64: true}},
		},
		Memories: []HostMemory{
			{Name: "memory", Type: wasm.MemoryType{Limits: wasm.Limits{Min: 1, Max: 2, HasMax: true}}},
		},
	}
}

// EngineFactory creates a fresh Engine for one script run.
type EngineFactory func() Engine

var (
	enginesMu sync.Mutex
	engines   = map[string]EngineFactory{}
)

// NoEngine is the name of the validation-only mode, which needs no Engine.
const NoEngine = "none"

// RegisterEngine makes an engine available under name (for example
// "interp" or "jit") to LookupEngine and the command line. It panics when
// the name is already taken or is NoEngine, as that is a programming error.
func RegisterEngine(name string, f EngineFactory) {
	enginesMu.Lock()
	defer enginesMu.Unlock()
	if _, dup := engines[name]; dup || name == NoEngine || f == nil {
		panic("spectest: RegisterEngine: bad or duplicate engine name " + name)
	}
	engines[name] = f
}

// LookupEngine returns the factory registered under name. For NoEngine it
// returns a nil factory and true.
func LookupEngine(name string) (EngineFactory, bool) {
	if name == NoEngine {
		return nil, true
	}
	enginesMu.Lock()
	defer enginesMu.Unlock()
	f, ok := engines[name]
	return f, ok
}

// EngineNames returns the available engine names, NoEngine first and the
// registered ones sorted.
func EngineNames() []string {
	enginesMu.Lock()
	defer enginesMu.Unlock()
	names := make([]string, 0, len(engines))
	for n := range engines {
		names = append(names, n)
	}
	sort.Strings(names)
	return append([]string{NoEngine}, names...)
}
