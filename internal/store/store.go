// Package store holds the runtime objects shared by every engine: linear
// memories, tables, globals, function instances, module instances, traps,
// and the instantiation and linking of modules as WebAssembly 2.0 defines
// them.
//
// Engines plug in through Engine (compile a validated module into
// ModuleCode) and FuncRunner (run a compiled function); they read and
// write the objects here directly. Values cross every boundary as uint64
// slots: i32 and f32 as their bit patterns zero-extended, i64 and f64 as
// bits, references as handles, v128 as two slots (low half first).
//
// A Store may instantiate modules and resolve function handles
// (FuncByHandle) on many goroutines at once; one instance must not run
// two calls at once. Independent Stores can run on different goroutines, and
// one compiled Module can be instantiated in many Stores.
package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// Config holds the limits a Store enforces. The zero value selects the
// defaults.
type Config struct {
	// MemoryLimitPages caps the pages of every memory (0: 65536).
	MemoryLimitPages uint64
	// MemoryReserve is the address space reserved for a memory without
	// a declared maximum (0: DefaultMemoryReserve).
	MemoryReserve uint64
	// TableLimit caps the elements of every table (0: DefaultTableLimit).
	TableLimit uint64
}

// Engine compiles validated modules into code it can run.
type Engine interface {
	// Name identifies the engine ("interp", "jit").
	Name() string
	// Compile translates every function body of m, which has passed
	// validation (info is what validation recorded, possibly nil).
	Compile(m *wasm.Module, info *validate.Info) (ModuleCode, error)
}

// ModuleCode is an engine's compiled form of one module. It is immutable
// and may be shared by instances in many Stores.
type ModuleCode interface {
	// Runner returns the FuncRunner for the module's functions.
	Runner() FuncRunner
	// FuncCode returns the code of the module's i-th defined function
	// (function index NumImportedFuncs+i), stored in Func.Code.
	FuncCode(i int) any
}

// Module is a compiled module, ready to be instantiated.
type Module struct {
	Wasm *wasm.Module
	Info *validate.Info
	Code ModuleCode
}

// Compile compiles m, which must have passed validation, with engine e.
func Compile(e Engine, m *wasm.Module, info *validate.Info) (*Module, error) {
	code, err := e.Compile(m, info)
	if err != nil {
		return nil, err
	}
	return &Module{Wasm: m, Info: info, Code: code}, nil
}

// Instance is a module instance.
type Instance struct {
	// Module is the compiled module, nil for host instances.
	Module *Module
	// Index spaces: imports first, then the module's own definitions.
	Funcs    []*Func
	Tables   []*Table
	Memories []*Memory
	Globals  []*Global
	// TypeIDs maps the module's type indices to Store type IDs.
	TypeIDs []uint32
	// Exports by name.
	Exports map[string]Extern
	// Elems holds the element segments' references; a dropped segment
	// is nil. Datas holds the data segments' bytes; nil when dropped.
	Elems [][]uint64
	Datas [][]byte
	// EngineData is free for the engine's per-instance state.
	EngineData any
	// HostData is free for the embedder's per-instance state (such as
	// the instance's WASI system); host functions reach it through
	// Caller.Instance. It is set before the start function runs.
	HostData any
	// Store is the store the instance lives in.
	Store *Store
}

// Export returns the export called name.
func (inst *Instance) Export(name string) (Extern, bool) {
	e, ok := inst.Exports[name]
	return e, ok
}

// ExportedFunc returns the function exported as name, or nil.
func (inst *Instance) ExportedFunc(name string) *Func {
	if e, ok := inst.Exports[name]; ok && e.Kind == wasm.ExternFunc {
		return e.Func
	}
	return nil
}

// Close releases the memories the instance defined (not imported ones).
func (inst *Instance) Close() error {
	var errs []error
	if inst.Module != nil {
		for _, m := range inst.Memories[inst.Module.Wasm.NumImportedMemories:] {
			errs = append(errs, m.Close())
		}
	}
	return errors.Join(errs...)
}

// Store holds function handles, canonical function types and registered
// instances.
type Store struct {
	Config Config

	mu         sync.Mutex
	funcs      atomic.Pointer[[]*Func] // handle h is funcs[h-1]
	types      map[string]uint32
	registered map[string]*Instance
}

// New creates an empty store with the given limits.
func New(cfg Config) *Store {
	s := &Store{Config: cfg, types: map[string]uint32{}, registered: map[string]*Instance{}}
	empty := make([]*Func, 0, 64)
	s.funcs.Store(&empty)
	return s
}

// TypeID returns the canonical ID of function type ft in the store.
func (s *Store) TypeID(ft wasm.FuncType) uint32 {
	key := typeKey(ft)
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.types[key]
	if !ok {
		id = uint32(len(s.types))
		s.types[key] = id
	}
	return id
}

func typeKey(ft wasm.FuncType) string {
	b := make([]byte, 0, len(ft.Params)+len(ft.Results)+1)
	for _, t := range ft.Params {
		b = append(b, byte(t))
	}
	b = append(b, 0)
	for _, t := range ft.Results {
		b = append(b, byte(t))
	}
	return string(b)
}

// addFunc gives f its handle.
func (s *Store) addFunc(f *Func) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := *s.funcs.Load()
	// Appending in place is safe: readers never look past the length of
	// the slice they loaded, and the element is written before the new
	// length is published.
	next := append(cur, f)
	f.Handle = uint64(len(next))
	s.funcs.Store(&next)
}

// FuncByHandle returns the function with handle h, or nil (for 0 and for
// unknown handles).
func (s *Store) FuncByHandle(h uint64) *Func {
	fs := *s.funcs.Load()
	if h == 0 || h > uint64(len(fs)) {
		return nil
	}
	return fs[h-1]
}

// NewHostFunc creates a host function of type ft.
func (s *Store) NewHostFunc(ft wasm.FuncType, name string, fn HostFunc) *Func {
	f := &Func{Type: ft, TypeID: s.TypeID(ft), Host: fn, Name: name,
		ParamSlots: slotsOf(ft.Params), ResultSlots: slotsOf(ft.Results)}
	s.addFunc(f)
	return f
}

// NewHostInstance creates an instance exporting the given externs, for
// other modules to import once registered.
func (s *Store) NewHostInstance(exports map[string]Extern) *Instance {
	inst := &Instance{Exports: exports, Store: s}
	for _, e := range exports {
		switch e.Kind {
		case wasm.ExternFunc:
			inst.Funcs = append(inst.Funcs, e.Func)
		case wasm.ExternTable:
			inst.Tables = append(inst.Tables, e.Table)
		case wasm.ExternMemory:
			inst.Memories = append(inst.Memories, e.Memory)
		case wasm.ExternGlobal:
			inst.Globals = append(inst.Globals, e.Global)
		}
	}
	return inst
}

// NewMemory creates a memory under the store's limits.
func (s *Store) NewMemory(t wasm.MemoryType) (*Memory, error) {
	return NewMemory(t, s.Config.MemoryLimitPages, s.Config.MemoryReserve)
}

// NewTable creates a table under the store's limits.
func (s *Store) NewTable(t wasm.TableType, init uint64) (*Table, error) {
	return NewTable(t, s.Config.TableLimit, init)
}

// Register makes inst importable under name, replacing any instance
// registered under that name before.
func (s *Store) Register(name string, inst *Instance) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.registered[name] = inst
}

// Registered returns the instance registered under name.
func (s *Store) Registered(name string) (*Instance, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	inst, ok := s.registered[name]
	return inst, ok
}

// Resolver finds the value of an import; ok is false when there is none.
type Resolver func(module, name string) (e Extern, ok bool)

// Resolve looks an import up among the registered instances.
func (s *Store) Resolve(module, name string) (Extern, bool) {
	inst, ok := s.Registered(module)
	if !ok {
		return Extern{}, false
	}
	return inst.Export(name)
}

// Instantiate instantiates m in the store, resolving imports with resolve
// (nil: s.Resolve), and runs its start function. It follows the
// WebAssembly 2.0 instantiation algorithm: a *LinkError reports an import
// that is missing or has an incompatible type; a *Trap reports an active
// segment out of bounds (writes of earlier segments stay) or a trap in
// the start function.
func (s *Store) Instantiate(ctx context.Context, m *Module, resolve Resolver) (*Instance, error) {
	return s.InstantiateWith(ctx, m, InstantiateOptions{Resolve: resolve})
}

// InstantiateOptions are the choices of InstantiateWith.
type InstantiateOptions struct {
	// Resolve finds imports (nil: Store.Resolve).
	Resolve Resolver
	// HostData becomes Instance.HostData before anything of the module
	// runs.
	HostData any
}

// InstantiateWith is Instantiate with options. Instantiations in one
// store may run concurrently.
func (s *Store) InstantiateWith(ctx context.Context, m *Module, opts InstantiateOptions) (*Instance, error) {
	resolve := opts.Resolve
	if resolve == nil {
		resolve = s.Resolve
	}
	wm := m.Wasm
	inst := &Instance{Module: m, Store: s, Exports: make(map[string]Extern, len(wm.Exports)), HostData: opts.HostData}
	inst.TypeIDs = make([]uint32, len(wm.Types))
	for i, t := range wm.Types {
		inst.TypeIDs[i] = s.TypeID(t)
	}
	if err := s.link(inst, wm, resolve); err != nil {
		return nil, err
	}
	runner := m.Code.Runner()
	for i, ti := range wm.Funcs {
		ft := wm.Types[ti]
		f := &Func{Type: ft, TypeID: inst.TypeIDs[ti], Instance: inst,
			Index: wm.NumImportedFuncs + uint32(i), Runner: runner, Code: m.Code.FuncCode(i),
			ParamSlots: slotsOf(ft.Params), ResultSlots: slotsOf(ft.Results)}
		s.addFunc(f)
		inst.Funcs = append(inst.Funcs, f)
	}
	for _, tt := range wm.Tables {
		tab, err := s.NewTable(tt, 0)
		if err != nil {
			inst.Close()
			return nil, err
		}
		inst.Tables = append(inst.Tables, tab)
	}
	for _, mt := range wm.Memories {
		mem, err := s.NewMemory(mt)
		if err != nil {
			inst.Close()
			return nil, err
		}
		inst.Memories = append(inst.Memories, mem)
	}
	for _, g := range wm.Globals {
		lo, hi, err := inst.EvalConst(g.Init.Code)
		if err != nil {
			inst.Close()
			return nil, err
		}
		inst.Globals = append(inst.Globals, &Global{Type: g.Type, Lo: lo, Hi: hi})
	}
	for _, e := range wm.Exports {
		x := Extern{Kind: e.Kind}
		switch e.Kind {
		case wasm.ExternFunc:
			x.Func = inst.Funcs[e.Index]
		case wasm.ExternTable:
			x.Table = inst.Tables[e.Index]
		case wasm.ExternMemory:
			x.Memory = inst.Memories[e.Index]
		case wasm.ExternGlobal:
			x.Global = inst.Globals[e.Index]
		}
		inst.Exports[e.Name] = x
	}
	inst.Elems = make([][]uint64, len(wm.Elems))
	for i := range wm.Elems {
		seg := &wm.Elems[i]
		refs := make([]uint64, seg.Len())
		for j := range refs {
			if seg.UsesExprs {
				v, _, err := inst.EvalConst(seg.Exprs[j].Code)
				if err != nil {
					inst.Close()
					return nil, err
				}
				refs[j] = v
			} else {
				refs[j] = inst.Funcs[seg.Funcs[j]].Handle
			}
		}
		inst.Elems[i] = refs
	}
	inst.Datas = make([][]byte, len(wm.Datas))
	for i := range wm.Datas {
		inst.Datas[i] = wm.Datas[i].Init
	}
	// Active and declarative element segments, in order.
	for i := range wm.Elems {
		seg := &wm.Elems[i]
		switch seg.Mode {
		case wasm.SegmentActive:
			off, _, err := inst.EvalConst(seg.Offset.Code)
			if err != nil {
				return nil, err
			}
			tb := inst.Tables[seg.Table]
			refs := inst.Elems[i]
			if uint64(uint32(off))+uint64(len(refs)) > uint64(len(tb.Elems)) {
				return nil, &Trap{Code: TrapTableOutOfBounds}
			}
			copy(tb.Elems[uint32(off):], refs)
			inst.Elems[i] = nil
		case wasm.SegmentDeclarative:
			inst.Elems[i] = nil
		}
	}
	for i := range wm.Datas {
		seg := &wm.Datas[i]
		if seg.Mode != wasm.SegmentActive {
			continue
		}
		off, _, err := inst.EvalConst(seg.Offset.Code)
		if err != nil {
			return nil, err
		}
		mem := inst.Memories[seg.Memory]
		if uint64(uint32(off))+uint64(len(seg.Init)) > mem.Size() {
			return nil, &Trap{Code: TrapMemoryOutOfBounds}
		}
		copy(mem.Bytes()[uint32(off):], seg.Init)
		inst.Datas[i] = nil
	}
	if wm.HasStart {
		f := inst.Funcs[wm.Start]
		stack := make([]uint64, f.StackSlots())
		if err := f.Call(ctx, stack); err != nil {
			return nil, err
		}
	}
	return inst, nil
}

// link resolves the imports of wm into inst's index spaces.
func (s *Store) link(inst *Instance, wm *wasm.Module, resolve Resolver) error {
	for _, im := range wm.Imports {
		x, ok := resolve(im.Module, im.Name)
		if !ok {
			return &LinkError{Module: im.Module, Name: im.Name, Reason: "unknown import"}
		}
		bad := &LinkError{Module: im.Module, Name: im.Name, Reason: "incompatible import type"}
		if x.Kind != im.Kind {
			return bad
		}
		switch im.Kind {
		case wasm.ExternFunc:
			if x.Func == nil || int(im.Func) >= len(inst.TypeIDs) || x.Func.TypeID != inst.TypeIDs[im.Func] {
				return bad
			}
			inst.Funcs = append(inst.Funcs, x.Func)
		case wasm.ExternTable:
			t := x.Table
			if t == nil || t.Type.Elem != im.Table.Elem ||
				!limitsMatch(uint64(len(t.Elems)), t.Type.Limits, im.Table.Limits) {
				return bad
			}
			inst.Tables = append(inst.Tables, t)
		case wasm.ExternMemory:
			mem := x.Memory
			if mem == nil || !limitsMatch(mem.Pages(), mem.Type.Limits, im.Memory.Limits) {
				return bad
			}
			inst.Memories = append(inst.Memories, mem)
		case wasm.ExternGlobal:
			g := x.Global
			if g == nil || g.Type != im.Global {
				return bad
			}
			inst.Globals = append(inst.Globals, g)
		}
	}
	return nil
}

// limitsMatch reports whether an object of current size cur and declared
// limits have matches the import's limits want (the spec's limits
// subtyping, with the current size as the actual minimum).
func limitsMatch(cur uint64, have, want wasm.Limits) bool {
	if cur < want.Min {
		return false
	}
	if want.HasMax {
		if !have.HasMax || have.Max > want.Max {
			return false
		}
	}
	return true
}
