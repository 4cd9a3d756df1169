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
	"encoding/binary"
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
	return CompileContext(context.Background(), e, m, info)
}

// ContextEngine is an Engine whose compilation stops (with ctx's error)
// soon after ctx is done.
type ContextEngine interface {
	Engine
	CompileContext(ctx context.Context, m *wasm.Module, info *validate.Info) (ModuleCode, error)
}

// CompileContext is Compile stopping when ctx is done, for engines that
// can (ContextEngine); others only see ctx before they start.
func CompileContext(ctx context.Context, e Engine, m *wasm.Module, info *validate.Info) (*Module, error) {
	var code ModuleCode
	var err error
	if ce, ok := e.(ContextEngine); ok {
		code, err = ce.CompileContext(ctx, m, info)
	} else if err = ctx.Err(); err == nil {
		code, err = e.Compile(m, info)
	}
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
	Tags     []*Tag
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
	// OnRelease, when set, runs once after Close, when no call runs in
	// the instance any more (the embedder frees its HostData there).
	OnRelease func()

	closed   atomic.Bool
	calls    atomic.Int64 // calls running in the instance (Enter)
	released atomic.Bool

	fuelOn atomic.Bool
	fuel   atomic.Int64
}

// SetFuel gives inst a fuel account of n units: calls into the instance
// from Go then draw on it (instead of the engine's per-call fuel), and
// leave it what they did not use.
func (inst *Instance) SetFuel(n int64) {
	inst.fuel.Store(n)
	inst.fuelOn.Store(true)
}

// FuelAccount reports whether inst has a fuel account (SetFuel).
func (inst *Instance) FuelAccount() bool { return inst.fuelOn.Load() }

// Fuel returns what is left in inst's fuel account. While a call runs it
// holds the fuel it drew; the account is settled when the call returns or
// calls out to Go.
func (inst *Instance) Fuel() int64 { return inst.fuel.Load() }

// AddFuel adds n units to inst's fuel account.
func (inst *Instance) AddFuel(n int64) { inst.fuel.Add(n) }

// TakeFuel empties inst's fuel account and returns what it held; an
// engine's call draws on it so.
func (inst *Instance) TakeFuel() int64 { return inst.fuel.Swap(0) }

// ErrClosed is the error of a call into a closed instance or with a
// closed memory; a call running when its instance or memory is closed
// ends with a *Trap of code TrapClosed, which errors.Is also matches with
// ErrClosed.
var ErrClosed = errors.New("wasmrun: closed")

// Enter starts a call of Wasm code of inst: it holds the instance and its
// memories until Leave, so that Close does not release them under the
// call. It fails with ErrClosed (holding nothing) when the instance or
// one of its memories is closed. Engines enter the instance of every
// function they run and leave it when the function returns or traps.
func (inst *Instance) Enter() error {
	inst.calls.Add(1)
	if inst.closed.Load() {
		inst.exit()
		return ErrClosed
	}
	for i, m := range inst.Memories {
		if !m.Acquire() {
			for _, m := range inst.Memories[:i] {
				m.Release()
			}
			inst.exit()
			return ErrClosed
		}
	}
	return nil
}

// Leave ends a call started by a successful Enter.
func (inst *Instance) Leave() {
	for _, m := range inst.Memories {
		m.Release()
	}
	inst.exit()
}

func (inst *Instance) exit() {
	if inst.calls.Add(-1) == 0 && inst.closed.Load() {
		inst.release()
	}
}

// Closed reports whether inst or one of its memories is closed: a call
// running in it must end (with TrapClosed) at its next interruption
// point.
func (inst *Instance) Closed() bool {
	if inst.closed.Load() {
		return true
	}
	for _, m := range inst.Memories {
		if m.Closed() {
			return true
		}
	}
	return false
}

func (inst *Instance) release() {
	if !inst.released.CompareAndSwap(false, true) {
		return
	}
	if inst.Module != nil && inst.Store != nil {
		inst.Store.releaseFuncs(inst.Funcs[inst.Module.Wasm.NumImportedFuncs:])
	}
	if inst.OnRelease != nil {
		inst.OnRelease()
	}
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

// Close closes the instance: calls into it fail with ErrClosed from now
// on, calls running in it end with a TrapClosed trap at their next
// interruption point or host call, and the memories it defined (not
// imported ones) are closed, which unmaps them when the last running call
// has left (see Memory.Close). OnRelease runs then too. Close is
// idempotent.
func (inst *Instance) Close() error {
	if inst.closed.Swap(true) {
		return nil
	}
	var errs []error
	if inst.Module != nil {
		for _, m := range inst.Memories[inst.Module.Wasm.NumImportedMemories:] {
			errs = append(errs, m.Close())
		}
	}
	if inst.calls.Load() == 0 {
		inst.release()
	}
	return errors.Join(errs...)
}

// Store holds function handles, canonical function types and registered
// instances.
type Store struct {
	Config Config

	mu         sync.Mutex
	chunks     atomic.Pointer[[]*handleChunk] // the function table, in chunks that never move
	nslots     uint32                         // slots in use or freed (the next fresh slot)
	free       map[uint32][]uint32            // freed slot ranges by length: their first slots
	gen        uint32                         // generation of the last range handed out
	types      map[string]uint32
	registered map[string]*Instance
	// exns are the exceptions that have an exnref handle (index+1); an
	// exception keeps its entry as long as the store lives.
	exns []*Exception
}

// A function handle is gen<<32 | slot+1: slot is the function's place in
// the store's table and gen the generation of the range it was given in,
// so a handle of a released function never names the function that
// reuses its slot. The handles of an instance's defined functions are
// consecutive (FirstHandle).
const chunkBits = 12

type handleChunk [1 << chunkBits]atomic.Pointer[Func]

// New creates an empty store with the given limits.
func New(cfg Config) *Store {
	s := &Store{Config: cfg, types: map[string]uint32{}, registered: map[string]*Instance{}, free: map[uint32][]uint32{}}
	s.chunks.Store(new([]*handleChunk))
	return s
}

// TypeID returns the canonical ID of function type ft in the store. ft
// must not use concrete heap types (type indices mean nothing outside
// their module; ModuleTypeIDs handles those).
func (s *Store) TypeID(ft wasm.FuncType) uint32 {
	return s.typeIDOfKey(typeKey(ft, nil, 0))
}

// ModuleTypeIDs returns the canonical IDs of a module's types: equal
// IDs for equivalent types, whichever modules define them. Each type is
// its own recursion group (no GC): a type's concrete heap types name
// itself or earlier types, and two types are equivalent when their
// structures are with the types they name replaced by their IDs.
func (s *Store) ModuleTypeIDs(types []wasm.FuncType) []uint32 {
	ids := make([]uint32, len(types))
	for i, ft := range types {
		ids[i] = s.typeIDOfKey(typeKey(ft, ids[:i], uint32(i)))
	}
	return ids
}

func (s *Store) typeIDOfKey(key string) uint32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.types[key]
	if !ok {
		id = uint32(len(s.types))
		s.types[key] = id
	}
	return id
}

// typeKey is the structure of ft with each concrete heap type replaced
// by the ID of the type it names (ids, for the types before self) or a
// mark for self.
func typeKey(ft wasm.FuncType, ids []uint32, self uint32) string {
	b := make([]byte, 0, 4*(len(ft.Params)+len(ft.Results))+8)
	for k, ts := range [2][]wasm.ValType{ft.Params, ft.Results} {
		b = append(b, byte(k))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(ts)))
		for _, t := range ts {
			h := t.Heap()
			switch {
			case !t.IsRef() || !h.IsConcrete():
				b = append(b, 0)
				b = binary.LittleEndian.AppendUint32(b, uint32(t))
			case h.Index() == self:
				b = append(b, 1, byte(t))
			case int(h.Index()) < len(ids):
				b = append(b, 2, byte(t))
				b = binary.LittleEndian.AppendUint32(b, ids[h.Index()])
			default: // a forward reference, which validation refuses
				b = append(b, 3, byte(t))
				b = binary.LittleEndian.AppendUint32(b, h.Index())
			}
		}
	}
	return string(b)
}

// CanonType returns t with a concrete heap type's index in inst's
// module replaced by the type's canonical ID, so that types of
// different modules compare with ==.
func (inst *Instance) CanonType(t wasm.ValType) wasm.ValType {
	if h := t.Heap(); t.IsRef() && h.IsConcrete() && int(h.Index()) < len(inst.TypeIDs) {
		return wasm.RefType(t.Nullable(), wasm.ConcreteHeap(inst.TypeIDs[h.Index()]))
	}
	return t
}

// SubType reports whether canonical type a (CanonType) matches b: a
// reference type of a smaller heap type, or non-null where b is
// nullable, matches.
func SubType(a, b wasm.ValType) bool {
	if a == b {
		return true
	}
	if !a.IsRef() || !b.IsRef() || a.Nullable() && !b.Nullable() {
		return false
	}
	ha, hb := a.Heap(), b.Heap()
	switch {
	case ha == hb:
		return true
	case ha.IsConcrete():
		return hb == wasm.HeapFunc
	case ha == wasm.HeapNoFunc:
		return hb == wasm.HeapFunc || hb.IsConcrete()
	case ha == wasm.HeapNoExtern:
		return hb == wasm.HeapExtern
	case ha == wasm.HeapNoExn:
		return hb == wasm.HeapExn
	}
	return false
}

// addFuncs gives fs consecutive handles and publishes them.
func (s *Store) addFuncs(fs []*Func) {
	if len(fs) == 0 {
		return
	}
	n := uint32(len(fs))
	s.mu.Lock()
	defer s.mu.Unlock()
	var first uint32
	if l := s.free[n]; len(l) > 0 {
		first = l[len(l)-1]
		s.free[n] = l[:len(l)-1]
	} else {
		first = s.nslots
		s.nslots += n
		chunks := *s.chunks.Load()
		if need := int(s.nslots+(1<<chunkBits)-1) >> chunkBits; need > len(chunks) {
			next := append(chunks[:len(chunks):len(chunks)], make([]*handleChunk, need-len(chunks))...)
			for i := len(chunks); i < need; i++ {
				next[i] = new(handleChunk)
			}
			s.chunks.Store(&next)
		}
	}
	s.gen++
	chunks := *s.chunks.Load()
	for i, f := range fs {
		slot := first + uint32(i)
		f.Handle = uint64(s.gen)<<32 | uint64(slot+1)
		chunks[slot>>chunkBits][slot&(1<<chunkBits-1)].Store(f)
	}
}

// releaseFuncs removes fs, which addFuncs added together, from the table
// and lets their slots be reused; their handles resolve to nil from now
// on.
func (s *Store) releaseFuncs(fs []*Func) {
	if len(fs) == 0 || fs[0].Handle == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	chunks := *s.chunks.Load()
	first := uint32(fs[0].Handle) - 1
	for i := range fs {
		slot := first + uint32(i)
		chunks[slot>>chunkBits][slot&(1<<chunkBits-1)].Store(nil)
	}
	n := uint32(len(fs))
	s.free[n] = append(s.free[n], first)
}

// FuncByHandle returns the function with handle h, or nil (for 0, for
// unknown handles and for those of released functions).
func (s *Store) FuncByHandle(h uint64) *Func {
	slot := uint32(h) - 1
	chunks := *s.chunks.Load()
	if c := slot >> chunkBits; c < uint32(len(chunks)) {
		if f := chunks[c][slot&(1<<chunkBits-1)].Load(); f != nil && f.Handle == h {
			return f
		}
	}
	return nil
}

// NewHostFunc creates a host function of type ft.
func (s *Store) NewHostFunc(ft wasm.FuncType, name string, fn HostFunc) *Func {
	f := &Func{Type: ft, TypeID: s.TypeID(ft), Host: fn, Name: name,
		ParamSlots: slotsOf(ft.Params), ResultSlots: slotsOf(ft.Results)}
	s.addFuncs([]*Func{f})
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
		case wasm.ExternTag:
			inst.Tags = append(inst.Tags, e.Tag)
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

// Unregister removes every registration of inst.
func (s *Store) Unregister(inst *Instance) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, r := range s.registered {
		if r == inst {
			delete(s.registered, name)
		}
	}
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
	// Fuel, when positive, is the instance's fuel account (SetFuel),
	// set before the start function runs.
	Fuel int64
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
	if opts.Fuel > 0 {
		inst.SetFuel(opts.Fuel)
	}
	inst.TypeIDs = s.ModuleTypeIDs(wm.Types)
	if err := s.link(inst, wm, resolve); err != nil {
		return nil, err
	}
	runner := m.Code.Runner()
	defined := make([]Func, len(wm.Funcs))
	for i, ti := range wm.Funcs {
		ft := wm.Types[ti]
		defined[i] = Func{Type: ft, TypeID: inst.TypeIDs[ti], Instance: inst,
			Index: wm.NumImportedFuncs + uint32(i), Runner: runner, Code: m.Code.FuncCode(i),
			ParamSlots: slotsOf(ft.Params), ResultSlots: slotsOf(ft.Results)}
		inst.Funcs = append(inst.Funcs, &defined[i])
	}
	s.addFuncs(inst.Funcs[wm.NumImportedFuncs:])
	ok := false
	defer func() {
		if !ok && !escapes(wm) {
			inst.Close()
		}
	}()
	for _, tt := range wm.Tables {
		tab, err := s.NewTable(tt, 0)
		if err != nil {
			inst.Close()
			return nil, err
		}
		tab.Canon = inst.CanonType(tt.Elem)
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
	for _, tg := range wm.Tags {
		ft := wm.Types[tg.Type]
		inst.Tags = append(inst.Tags, &Tag{Type: ft, TypeID: inst.TypeIDs[tg.Type], ParamSlots: slotsOf(ft.Params)})
	}
	for _, g := range wm.Globals {
		lo, hi, err := inst.EvalConst(g.Init.Code)
		if err != nil {
			inst.Close()
			return nil, err
		}
		inst.Globals = append(inst.Globals, &Global{Type: g.Type, Lo: lo, Hi: hi, Canon: inst.CanonType(g.Type.Type)})
	}
	// Table initialisers (3.0: typed function references) may read the
	// globals.
	for i, ti := range wm.TableInits {
		if len(ti.Code) == 0 {
			continue
		}
		v, _, err := inst.EvalConst(ti.Code)
		if err != nil {
			inst.Close()
			return nil, err
		}
		tab := inst.Tables[int(wm.NumImportedTables)+i]
		for j := range tab.Elems {
			tab.Elems[j] = v
		}
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
		case wasm.ExternTag:
			x.Tag = inst.Tags[e.Index]
			if e.Index >= wm.NumImportedTags && x.Tag.Name == "" {
				x.Tag.Name = e.Name // a tag of this instance, not shared yet
			}
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
	ok = true
	return inst, nil
}

// escapes reports whether an instantiation of wm that fails may leave
// references to its functions behind: active element segments write into
// imported tables before a later segment or the start function fails,
// and the spec keeps those writes. Such an instance is left to the
// collector instead of being closed at once.
func escapes(wm *wasm.Module) bool {
	for i := range wm.Elems {
		if seg := &wm.Elems[i]; seg.Mode == wasm.SegmentActive && seg.Table < wm.NumImportedTables {
			return true
		}
	}
	return false
}

// FirstHandle returns the handle of inst's first defined function (the
// others follow it), or 0 when it defines none.
func (inst *Instance) FirstHandle() uint64 {
	if inst.Module == nil || len(inst.Funcs) == int(inst.Module.Wasm.NumImportedFuncs) {
		return 0
	}
	return inst.Funcs[inst.Module.Wasm.NumImportedFuncs].Handle
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
			if t == nil || t.CanonElem() != inst.CanonType(im.Table.Elem) || t.Type.Is64 != im.Table.Is64 ||
				!limitsMatch(uint64(len(t.Elems)), t.Type.Limits, im.Table.Limits) {
				return bad
			}
			inst.Tables = append(inst.Tables, t)
		case wasm.ExternMemory:
			mem := x.Memory
			if mem == nil || mem.Type.Is64 != im.Memory.Is64 || !limitsMatch(mem.Pages(), mem.Type.Limits, im.Memory.Limits) {
				return bad
			}
			inst.Memories = append(inst.Memories, mem)
		case wasm.ExternGlobal:
			g := x.Global
			if g == nil || g.Type.Mutable != im.Global.Mutable {
				return bad
			}
			// A mutable global's type must be the import's; an immutable
			// one's may be a subtype.
			have, want := g.CanonType(), inst.CanonType(im.Global.Type)
			if g.Type.Mutable && have != want || !SubType(have, want) {
				return bad
			}
			inst.Globals = append(inst.Globals, g)
		case wasm.ExternTag:
			tg := x.Tag
			if tg == nil || int(im.Tag.Type) >= len(inst.TypeIDs) || tg.TypeID != inst.TypeIDs[im.Tag.Type] {
				return bad
			}
			inst.Tags = append(inst.Tags, tg)
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
