// The engine: compiles modules on a worker pool, lays their functions out
// in one read-execute mapping, and runs the code on mmap'd stacks through
// the machine's entry trampolines, handling its exits to Go.

package jit

import (
	"context"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// Config sets the JIT's limits. The zero value selects the defaults.
type Config struct {
	// Fuel, when positive, is the number of loop iterations plus calls
	// a call into Wasm may execute before it traps with TrapOutOfFuel.
	Fuel int64
	// MaxFrames caps the call depth of one call into Wasm (default
	// DefaultMaxFrames; at most what the machine stack holds).
	MaxFrames int
	// PerfMap, when set, appends the address range and name of every
	// compiled function to /tmp/perf-PID.map, where Linux perf looks for
	// the symbols of JIT code ("perf record" then "perf report" names
	// Wasm functions).
	PerfMap bool
}

// DefaultMaxFrames is the default call depth limit.
const DefaultMaxFrames = 1 << 16

// budgetChunk is the number of loop iterations and calls between two
// exits to Go (context check, fuel, scheduler yield).
const budgetChunk = 1 << 14

// Engine is the amd64 JIT. It implements store.Engine and
// store.FuncRunner and is safe for concurrent use.
type Engine struct {
	cfg    Config
	pool   sync.Pool // vms with their own stacks
	nested sync.Pool // vms without stacks, for calls within a call chain
}

// New returns a JIT engine.
func New(cfg Config) *Engine {
	if cfg.MaxFrames <= 0 {
		cfg.MaxFrames = DefaultMaxFrames
	}
	return &Engine{cfg: cfg}
}

// Supported reports why this platform cannot run the JIT (no machine for
// its architecture, or a CPU without the features the machine needs), or
// nil when it can. It is checked once.
func Supported() error { return supportErr }

var supportErr = arch.supported()

// Name returns "jit".
func (e *Engine) Name() string { return "jit" }

// module is a compiled module.
type module struct {
	e     *Engine
	funcs []*funcCode
	mem   *ExecMem
	code  []byte // the laid-out code, as mapped
	nimp  uint32
}

// CompileError is the error of a function the JIT cannot compile.
type CompileError struct {
	Func uint32 // the function's index (imports first)
	Err  error  // why
}

func (e *CompileError) Error() string { return fmt.Sprintf("jit: function %d: %v", e.Func, e.Err) }

// Unwrap returns the cause.
func (e *CompileError) Unwrap() error { return e.Err }

// InternalError is the cause of a CompileError that is a bug of the
// compiler (a panic while compiling a validated function): the panic's
// value and the stack where it happened.
type InternalError struct {
	Value any
	Stack []byte
}

func (e *InternalError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// Unwrap returns the panic's value when it is an error.
func (e *InternalError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// compileOne compiles defined function i with c; a panic of the compiler
// becomes a CompileError with an InternalError.
func compileOne(c funcCompiler, m *wasm.Module, info *validate.Info, i int, types []uint32, globals []wasm.ValType) (code *mach.Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			code, err = nil, &InternalError{Value: r, Stack: debug.Stack()}
		}
		if err != nil {
			err = &CompileError{Func: m.NumImportedFuncs + uint32(i), Err: err}
		}
	}()
	return c.CompileFunc(m, &info.Funcs[i], i, types, globals)
}

// moduleTypes returns the type index of every function and the type of
// every global of m, imports first.
func moduleTypes(m *wasm.Module) (types []uint32, globals []wasm.ValType) {
	types = make([]uint32, 0, m.NumFuncs())
	for _, im := range m.Imports {
		switch im.Kind {
		case wasm.ExternFunc:
			types = append(types, im.Func)
		case wasm.ExternGlobal:
			globals = append(globals, im.Global.Type)
		}
	}
	types = append(types, m.Funcs...)
	for _, g := range m.Globals {
		globals = append(globals, g.Type.Type)
	}
	return types, globals
}

// funcCode is a compiled function: its offset in the module's mapping and
// the instructions it leaves to Go.
type funcCode struct {
	mod     *module
	off     int
	helpers []mach.Helper
}

// layout places the exit stub at offset 0 and the functions after it,
// each aligned to the machine's code alignment (the gaps filled with its
// padding byte), and patches their relocations. On a machine whose calls
// reach only so far (arch.callReach), a module larger than that gets
// islands of veneers between its functions, one veneer per function and
// one for the exit stub in each island, at most half the reach apart: a
// call that cannot reach its target goes through the nearest island.
func layout(mod *module, out []*mach.Code) ([]byte, error) {
	stub := arch.exitStub()
	align := arch.codeAlign
	size := len(stub)
	for _, f := range out {
		size = (size+align-1)&^(align-1) + len(f.Bytes)
	}
	reach := arch.callReach
	islands := reach > 0 && size > reach
	islandSize := arch.veneerSize * (len(out) + 1)
	span := reach / 2
	if islands && islandSize >= span {
		return nil, fmt.Errorf("jit: a module of %d functions needs islands of veneers larger than the reach of a call (%d bytes)", len(out), reach)
	}
	code := make([]byte, 0, size)
	code = append(code, stub...)
	var islandAt []int // offsets of the islands
	last := 0          // end of the last island (or the module's start)
	for i, f := range out {
		for len(code)%align != 0 {
			code = append(code, arch.pad)
		}
		if islands && len(code)+len(f.Bytes)-last > span && len(code) > last {
			islandAt = append(islandAt, len(code))
			code = append(code, make([]byte, islandSize)...)
			last = len(code)
			for len(code)%align != 0 {
				code = append(code, arch.pad)
			}
		}
		mod.funcs[i] = &funcCode{mod: mod, off: len(code), helpers: f.Helpers}
		code = append(code, f.Bytes...)
	}
	if islands && len(code)-last > span {
		islandAt = append(islandAt, len(code))
		code = append(code, make([]byte, islandSize)...)
	}
	// Veneer k of an island jumps to function k, the last one to the
	// exit stub.
	targetOf := func(k int) int {
		if k == len(out) {
			return 0
		}
		return mod.funcs[k].off
	}
	for _, at := range islandAt {
		for k := 0; k <= len(out); k++ {
			v := at + k*arch.veneerSize
			copy(code[v:], arch.veneer(int64(targetOf(k)-v)))
		}
	}
	for i, f := range out {
		off := mod.funcs[i].off
		for _, r := range f.Relocs {
			k, target := len(out), 0
			if r.Target != mach.ExitStubTarget {
				k, target = r.Target, mod.funcs[r.Target].off
			}
			site := off + r.Site
			if islands && abs(target-site) >= reach {
				best := -1
				for _, at := range islandAt {
					if best < 0 || abs(at-site) < abs(best-site) {
						best = at
					}
				}
				if best >= 0 {
					target = best + k*arch.veneerSize
				}
			}
			if err := arch.patch(code, r.Kind, site, target); err != nil {
				return nil, fmt.Errorf("jit: function %d: %w", int(mod.nimp)+i, err)
			}
		}
	}
	return code, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Runner returns the engine.
func (m *module) Runner() store.FuncRunner { return m.e }

// FuncCode returns the code of defined function i.
func (m *module) FuncCode(i int) any { return m.funcs[i] }

// Code returns the module's machine code as laid out (for tests and
// disassembly).
func (m *module) Code() []byte { return m.code }

// Compile compiles every function of m, which must have passed
// validation, on up to GOMAXPROCS goroutines. The code does not depend on
// the schedule.
func (e *Engine) Compile(m *wasm.Module, info *validate.Info) (store.ModuleCode, error) {
	return e.CompileContext(context.Background(), m, info)
}

// CompileContext is Compile stopping with ctx's error soon after ctx is
// done (its workers look at it every 16 functions).
func (e *Engine) CompileContext(ctx context.Context, m *wasm.Module, info *validate.Info) (store.ModuleCode, error) {
	if supportErr != nil {
		return nil, supportErr
	}
	info, err := store.CheckModule(m, info, Features, "the JIT")
	if err != nil {
		return nil, fmt.Errorf("jit: %w", err)
	}
	types, globals := moduleTypes(m)
	mod := &module{e: e, funcs: make([]*funcCode, len(m.Funcs)), nimp: m.NumImportedFuncs}
	out := make([]*mach.Code, len(m.Funcs))
	errs := make([]error, len(m.Funcs))
	var next atomic.Int64
	work := func() {
		c := arch.newCompiler(e.cfg.Fuel > 0)
		for {
			i := int(next.Add(1) - 1)
			if i >= len(m.Funcs) || i%16 == 0 && ctx.Err() != nil {
				return
			}
			out[i], errs[i] = compileOne(c, m, info, i, types, globals)
			if errs[i] != nil {
				// A compiler that panicked may hold broken state.
				c = arch.newCompiler(e.cfg.Fuel > 0)
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 1+len(m.Funcs)/16)
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() { defer wg.Done(); work() }()
	}
	work()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	code, err := layout(mod, out)
	if err != nil {
		return nil, err
	}
	mem, err := NewExecMem(code)
	if err != nil {
		return nil, err
	}
	mod.mem, mod.code = mem, code
	runtime.AddCleanup(mod, func(m *ExecMem) { m.Close() }, mem)
	if e.cfg.PerfMap {
		if err := writePerfMap(mod, m); err != nil {
			return nil, err
		}
	}
	return mod, nil
}

// perfMapMu serialises appends to the perf map.
var perfMapMu sync.Mutex

// writePerfMap appends mod's functions to /tmp/perf-PID.map in perf's
// format: start and size in hex, then the symbol name.
func writePerfMap(mod *module, m *wasm.Module) error {
	var b []byte
	base := mod.mem.Addr()
	for i, f := range mod.funcs {
		end := len(mod.code)
		if i+1 < len(mod.funcs) {
			end = mod.funcs[i+1].off
		}
		idx := mod.nimp + uint32(i)
		name := ""
		if m.Names != nil {
			name = m.Names.Funcs[idx]
		}
		if name == "" {
			name = "func[" + strconv.FormatUint(uint64(idx), 10) + "]"
		} else {
			name = strings.Map(func(r rune) rune {
				if r < ' ' || r == 0x7f {
					return '?'
				}
				return r
			}, name)
		}
		b = fmt.Appendf(b, "%x %x wasm:%s\n", base+uintptr(f.off), end-f.off, name)
	}
	perfMapMu.Lock()
	defer perfMapMu.Unlock()
	f, err := os.OpenFile(fmt.Sprintf("/tmp/perf-%d.map", os.Getpid()), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("jit: perf map: %w", err)
	}
	_, err = f.Write(b)
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err != nil {
		return fmt.Errorf("jit: perf map: %w", err)
	}
	return nil
}

// instData is the JIT's per-instance state (store.Instance.EngineData).
type instData struct {
	globals []uintptr // address of each global's Lo slot
	tables  []uintptr // address of each *store.Table
	funcs   []uint64  // the handle of each function (ref.func)
	mem     *store.Memory
	// icache maps the handles of the instance's defined functions (less
	// icbase, the first of them) to their code for call_indirect;
	// compiled code reads it through VMContext.ICache. Its size is fixed.
	icache []icEntry
	icbase uint64
}

// icEntry is a call_indirect cache entry: the code address of a
// function of the same instance (0: not cached) and its type ID.
type icEntry struct {
	code   uintptr
	typeID uint64
}

func instState(inst *store.Instance) *instData {
	if d, ok := inst.EngineData.(*instData); ok && len(d.globals) == len(inst.Globals)+1 {
		return d
	}
	d := &instData{globals: make([]uintptr, len(inst.Globals)+1)}
	for i, g := range inst.Globals {
		d.globals[i] = uintptr(unsafe.Pointer(&g.Lo))
	}
	d.tables = make([]uintptr, len(inst.Tables)+1)
	for i, t := range inst.Tables {
		d.tables[i] = uintptr(unsafe.Pointer(t))
	}
	d.funcs = make([]uint64, len(inst.Funcs)+1)
	for i, f := range inst.Funcs {
		d.funcs[i] = f.Handle
	}
	d.icache = make([]icEntry, max(1, len(inst.Funcs)-int(inst.Module.Wasm.NumImportedFuncs)))
	d.icbase = inst.FirstHandle()
	if len(inst.Memories) > 0 {
		d.mem = inst.Memories[0]
	}
	inst.EngineData = d
	return d
}

// vm is one call context: the VM context and the stacks.
type vm struct {
	vc     mach.VMContext
	stacks *Stacks
	fuel   int64
	acct   *store.Instance // the instance whose fuel account the call draws on, or nil
	caller store.Caller
	cause  error
	elem   uint64
	yield  time.Time // when the guest last yielded the thread at a budget exit
	e      *Engine
	top    uintptr // the machine stack pointer at entry: backtraces stop there
	// vsTop, while Go code called from this call runs (a host function,
	// another instance's function), is the end of the callee's window in
	// the value stack, and crossing the machine stack to leave free below
	// the call's frames for a call that continues the chain.
	vsTop    uintptr
	crossing uintptr
	// chain is the context given to that Go code (made on the first
	// call out).
	chain *chainCtx
}

// chainCtx is the context given to Go code that a call of the engine
// calls: the call's context and its vm. A call of the engine made with it
// while open continues the chain on the vm's stacks, below its frames and
// under its limits; one call at a time can claim it (the Go code may
// hand the context to other goroutines, or keep it after it returned:
// those calls find it closed and start chains of their own). One is made
// per call from Go that calls out; its context never changes.
type chainCtx struct {
	context.Context
	v    *vm
	open atomic.Bool
}

// hostCrossing and wasmCrossing are the machine stack a call within a
// call chain leaves between its frames and its caller's, when a host
// function made it (32 frames' worth) and when it is a call to another
// instance's function (8 frames): the chain's frame limit bounds the
// crossings too, and with them the Go stack they take.
const (
	hostCrossing = 256
	wasmCrossing = 64
)

// yieldEvery is how long a guest runs before a budget exit yields its
// thread to other goroutines (runtime.Gosched): with one P, a spinning
// guest otherwise leaves the collector's background work and other
// goroutines only what the scheduler's 10 ms time slices give them.
const yieldEvery = time.Millisecond

func (e *Engine) getVM() (*vm, error) {
	if v, ok := e.pool.Get().(*vm); ok {
		return v, nil
	}
	s, err := NewStacks()
	if err != nil {
		return nil, err
	}
	v := &vm{stacks: s, e: e}
	runtime.AddCleanup(v, func(s *Stacks) { s.Close() }, s)
	return v, nil
}

// nestedVM returns a vm that runs on the stacks of parent, below its
// frames.
func (e *Engine) nestedVM(parent *vm) *vm {
	v, _ := e.nested.Get().(*vm)
	if v == nil {
		v = &vm{e: e}
	}
	v.stacks = parent.stacks
	return v
}

// Call runs Wasm function f (compiled by this engine) with its
// parameters in stack and leaves the results there.
func (e *Engine) Call(ctx context.Context, f *store.Func, stack []uint64) error {
	fc, ok := f.Code.(*funcCode)
	if !ok {
		return fmt.Errorf("jit: function %d was not compiled by the JIT", f.Index)
	}
	if len(stack) < f.StackSlots() {
		return fmt.Errorf("jit: stack of %d slots for function %d, which needs %d", len(stack), f.Index, f.StackSlots())
	}
	inst := f.Instance
	if err := inst.Enter(); err != nil {
		return err
	}
	defer inst.Leave()
	// A call from Go code that Wasm code of this engine called continues
	// that call chain on its stacks, under its limits.
	var parent *vm
	if c, ok := ctx.(*chainCtx); ok && c.v.e == e && c.open.CompareAndSwap(true, false) {
		parent, ctx = c.v, c.Context
		defer c.open.Store(true)
	}
	var v *vm
	if parent == nil {
		var err error
		if v, err = e.getVM(); err != nil {
			return err
		}
		defer e.pool.Put(v)
	} else {
		v = e.nestedVM(parent)
		defer func() { v.stacks = nil; e.nested.Put(v) }()
	}
	v.fuel = -1
	v.yield = time.Now()
	v.acct = nil
	if inst.FuelAccount() {
		v.acct = inst
		v.fuel = inst.TakeFuel()
		defer func() { inst.AddFuel(v.fuel + max(v.vc.Budget, 0)) }()
	} else if e.cfg.Fuel > 0 {
		v.fuel = e.cfg.Fuel
	}
	d := instState(inst)
	vc := &v.vc
	*vc = mach.VMContext{}
	var vals []uint64
	if parent == nil {
		vals = v.stacks.Values()
		vc.JitSP = v.stacks.MachineTop()
		// Each Wasm frame takes the same machine stack (its return
		// address, and on some machines a frame record), so the frame
		// limit is a stack pointer limit.
		vc.SPLimit = max(v.stacks.MachineLimit(), vc.JitSP-uintptr(arch.frameBytes*e.cfg.MaxFrames))
		vc.VSLimit = v.stacks.ValueLimit()
	} else {
		// Below the suspended caller's frames on both stacks (the
		// callee's window is the last thing it uses of the value stack).
		vc.JitSP = (parent.vc.JitSP - parent.crossing) &^ 15
		vc.SPLimit, vc.VSLimit = parent.vc.SPLimit, parent.vc.VSLimit
		if vc.JitSP < vc.SPLimit || parent.vsTop+8*uintptr(f.StackSlots()) > vc.VSLimit {
			return &store.Trap{Code: store.TrapCallStackExhausted, Frames: []store.Frame{store.FrameOf(inst, f.Index)}}
		}
		vals = v.stacks.ValuesAt(parent.vsTop)
	}
	v.top = vc.JitSP
	copy(vals, stack[:f.ParamSlots])
	zeroExtend32(f.Type.Params, vals)
	vc.JitFB = uintptr(unsafe.Pointer(&vals[0]))
	vc.Globals = uintptr(unsafe.Pointer(&d.globals[0]))
	vc.Tables = uintptr(unsafe.Pointer(&d.tables[0]))
	if len(inst.TypeIDs) > 0 {
		vc.TypeIDs = uintptr(unsafe.Pointer(&inst.TypeIDs[0]))
	}
	vc.ICache, vc.ICacheLen, vc.ICacheBase = uintptr(unsafe.Pointer(&d.icache[0])), uint64(len(d.icache)), d.icbase
	// Compiled code reads (and, for data.drop and elem.drop, zeroes the
	// length of) the instance's segment slice headers in place; the
	// instance is kept alive until the call returns.
	vc.Funcs = uintptr(unsafe.Pointer(&d.funcs[0]))
	if len(inst.Datas) > 0 {
		vc.Datas = uintptr(unsafe.Pointer(&inst.Datas[0]))
	}
	if len(inst.Elems) > 0 {
		vc.Elems = uintptr(unsafe.Pointer(&inst.Elems[0]))
	}
	v.refreshMem(d)
	vc.Budget = v.nextBudget()
	if vc.Budget == 0 {
		return &store.Trap{Code: store.TrapOutOfFuel, Frames: []store.Frame{store.FrameOf(inst, f.Index)}}
	}
	mod := fc.mod
	enter(vc, mod.mem.Addr()+uintptr(fc.off))
	err := v.loop(ctx, inst, d, mod)
	runtime.KeepAlive(d)
	runtime.KeepAlive(inst)
	v.caller.Instance, v.cause, v.chain = nil, nil, nil
	if err != nil {
		return err
	}
	copy(stack, vals[:f.ResultSlots])
	return nil
}

func (v *vm) refreshMem(d *instData) {
	if d.mem != nil {
		b := d.mem.Held() // the call holds the memory (Instance.Enter)
		v.vc.MemBase = uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		v.vc.MemLen = uint64(len(b))
	}
}

func (v *vm) nextBudget() int64 {
	if v.fuel < 0 {
		return budgetChunk
	}
	n := min(v.fuel, budgetChunk)
	v.fuel -= n
	return n
}

// loop handles exits until the called function returns or traps.
func (v *vm) loop(ctx context.Context, inst *store.Instance, d *instData, mod *module) error {
	vc := &v.vc
	for {
		switch ex := vc.Exit; {
		case ex == mach.ExitReturn:
			return nil
		case ex == mach.ExitBudget:
			if inst.Closed() {
				return v.trap(store.TrapClosed, inst, mod)
			}
			if err := ctx.Err(); err != nil {
				v.cause = err
				return v.trap(store.TrapCancelled, inst, mod)
			}
			if v.fuel == 0 {
				return v.trap(store.TrapOutOfFuel, inst, mod)
			}
			if now := time.Now(); now.Sub(v.yield) >= yieldEvery {
				v.yield = now
				runtime.Gosched()
			} else {
				preemptPoint()
			}
			vc.Budget = v.nextBudget()
		case ex == mach.ExitHelper:
			fc := mod.funcs[vc.ExitArg>>32]
			h := &fc.helpers[uint32(vc.ExitArg)]
			tc, err := v.helper(ctx, h, inst, d, mod)
			if err != nil {
				if t, ok := err.(*store.Trap); ok {
					t.Frames = append(t.Frames, v.frames(inst, mod)...)
				}
				return err
			}
			if tc != 0 {
				return v.trap(tc, inst, mod)
			}
			if inst.Closed() {
				return v.trap(store.TrapClosed, inst, mod)
			}
			v.refreshMem(d)
		case ex > mach.ExitTrap:
			return v.trap(store.TrapCode(ex-mach.ExitTrap), inst, mod)
		default:
			return fmt.Errorf("jit: unknown exit %d", ex)
		}
		vc.Exit = 0
		resume(vc)
	}
}

// preemptPoint lets the Go scheduler stop or preempt the goroutine at a
// budget exit, which compiled code itself never offers: a goroutine is
// preempted at the entry of a function that checks its stack once the
// runtime has asked for it (to stop the world for the collector, or
// because the goroutine used up its time slice), and this function checks
// because it is not a leaf. Unlike runtime.Gosched, it costs nothing when
// nobody asked: yielding at every exit woke other threads (futex calls,
// work stealing) and cost up to a third of a compute-bound guest's time.
//
//go:noinline
func preemptPoint() { preemptLeaf() }

//go:noinline
func preemptLeaf() {}

// frames returns the Wasm backtrace at an exit, innermost first, from the
// return addresses on the machine stack (the machine knows where its
// frames keep them).
func (v *vm) frames(inst *store.Instance, mod *module) []store.Frame {
	var out []store.Frame
	base := mod.mem.Addr()
	arch.returnAddresses(v.stacks, v.vc.JitSP, v.top, func(ra uintptr) {
		off := int(ra - base)
		i := sort.Search(len(mod.funcs), func(i int) bool { return mod.funcs[i].off > off }) - 1
		if i >= 0 {
			out = append(out, store.FrameOf(inst, mod.nimp+uint32(i)))
		}
	})
	return out
}

func (v *vm) trap(tc store.TrapCode, inst *store.Instance, mod *module) error {
	t := &store.Trap{Code: tc, Cause: v.cause, Frames: v.frames(inst, mod)}
	if tc == store.TrapUninitializedElement {
		t.Detail = strconv.FormatUint(v.elem, 10)
	}
	return t
}

// helper runs an instruction left to Go.
func (v *vm) helper(ctx context.Context, h *mach.Helper, inst *store.Instance, d *instData, mod *module) (store.TrapCode, error) {
	vals := v.stacks.ValuesAt(v.vc.JitFB)
	s := vals[h.Slot:]
	switch h.Op {
	case wasm.OpCall:
		callee := inst.Funcs[h.A]
		return 0, v.callOther(ctx, callee, inst, s[:callee.StackSlots()])
	case wasm.OpCallIndirect:
		tab := inst.Tables[h.B]
		i := uint64(uint32(vals[h.N]))
		v.vc.Target = 0
		if i >= uint64(len(tab.Elems)) {
			return store.TrapUndefinedElement, nil
		}
		hd := tab.Elems[i]
		callee := inst.Store.FuncByHandle(hd)
		if hd == 0 || callee == nil {
			v.elem = i
			return store.TrapUninitializedElement, nil
		}
		if callee.TypeID != inst.TypeIDs[h.A] {
			return store.TrapIndirectCallTypeMismatch, nil
		}
		if cf, ok := callee.Code.(*funcCode); ok && callee.Instance == inst && cf.mod == mod {
			v.vc.Target = mod.mem.Addr() + uintptr(cf.off)
			v.cacheTarget(d, hd, v.vc.Target, callee.TypeID)
			return 0, nil
		}
		return 0, v.callOther(ctx, callee, inst, s[:callee.StackSlots()])
	case wasm.OpMemoryGrow:
		old, ok := d.mem.Grow(uint64(uint32(s[0])))
		if ok {
			s[0] = old
		} else {
			s[0] = math.MaxUint32
		}
	case wasm.OpTableGrow:
		old, ok := inst.Tables[h.A].Grow(uint64(uint32(s[1])), s[0])
		if ok {
			s[0] = uint64(old)
		} else {
			s[0] = math.MaxUint32
		}
	case wasm.OpMemoryFill, wasm.OpMemoryCopy, wasm.OpMemoryInit, wasm.OpTableFill, wasm.OpTableCopy, wasm.OpTableInit:
		return v.bulk(ctx, h, inst, d, s), nil
	default:
		return 0, fmt.Errorf("jit: no helper for %v", h.Op)
	}
	return 0, nil
}

// bulk runs a bulk operation longer than store.BulkChunk, which compiled
// code leaves to Go (operands dst, value or source, length in s): the
// bounds are checked first, then the data moves in chunks with an
// interruption check between two of them.
func (v *vm) bulk(ctx context.Context, h *mach.Helper, inst *store.Instance, d *instData, s []uint64) store.TrapCode {
	dst, src, n := uint64(uint32(s[0])), uint64(uint32(s[1])), uint64(uint32(s[2]))
	check := func() store.TrapCode {
		if inst.Closed() {
			return store.TrapClosed
		}
		return v.bulkCheck(ctx)
	}
	switch h.Op {
	case wasm.OpMemoryFill, wasm.OpMemoryCopy, wasm.OpMemoryInit:
		var mem []byte
		if d.mem != nil {
			mem = d.mem.Held() // the call holds the memory (Instance.Enter)
		}
		if dst+n > uint64(len(mem)) {
			return store.TrapMemoryOutOfBounds
		}
		switch h.Op {
		case wasm.OpMemoryFill:
			b := mem[dst : dst+n]
			return store.Chunked(n, false, func(off, l uint64) { store.FillBytes(b[off:off+l], byte(src)) }, check)
		case wasm.OpMemoryCopy:
			if src+n > uint64(len(mem)) {
				return store.TrapMemoryOutOfBounds
			}
			return store.Chunked(n, dst > src, func(off, l uint64) { copy(mem[dst+off:dst+off+l], mem[src+off:src+off+l]) }, check)
		default:
			seg := inst.Datas[h.A]
			if src+n > uint64(len(seg)) {
				return store.TrapMemoryOutOfBounds
			}
			return store.Chunked(n, false, func(off, l uint64) { copy(mem[dst+off:dst+off+l], seg[src+off:]) }, check)
		}
	case wasm.OpTableFill:
		tab := inst.Tables[h.A]
		if dst+n > uint64(len(tab.Elems)) {
			return store.TrapTableOutOfBounds
		}
		val := s[1]
		return store.Chunked(n, false, func(off, l uint64) {
			e := tab.Elems[dst+off : dst+off+l]
			for i := range e {
				e[i] = val
			}
		}, check)
	case wasm.OpTableInit:
		seg, tab := inst.Elems[h.A], inst.Tables[h.B]
		if src+n > uint64(len(seg)) || dst+n > uint64(len(tab.Elems)) {
			return store.TrapTableOutOfBounds
		}
		return store.Chunked(n, false, func(off, l uint64) { copy(tab.Elems[dst+off:dst+off+l], seg[src+off:]) }, check)
	default: // table.copy from table b to table a
		td, ts := inst.Tables[h.A], inst.Tables[h.B]
		if src+n > uint64(len(ts.Elems)) || dst+n > uint64(len(td.Elems)) {
			return store.TrapTableOutOfBounds
		}
		return store.Chunked(n, td == ts && dst > src, func(off, l uint64) {
			copy(td.Elems[dst+off:dst+off+l], ts.Elems[src+off:src+off+l])
		}, check)
	}
}

// bulkCheck is the interruption check between two chunks of a bulk
// operation (after the instance's closed flag): it looks at the context every time (a chunk takes
// microseconds, so the budget's count of chunks would let a deadline pass
// by up to a second), and a chunk costs what a loop iteration does.
func (v *vm) bulkCheck(ctx context.Context) store.TrapCode {
	if err := ctx.Err(); err != nil {
		v.cause = err
		return store.TrapCancelled
	}
	// The context's timer may not have run yet on a busy machine.
	if d, ok := ctx.Deadline(); ok && !time.Now().Before(d) {
		v.cause = context.DeadlineExceeded
		return store.TrapCancelled
	}
	v.vc.Budget--
	if v.vc.Budget > 0 {
		return 0
	}
	if v.fuel == 0 {
		return store.TrapOutOfFuel
	}
	v.vc.Budget = v.nextBudget()
	return 0
}

// callOther calls a host function or a Wasm function of another
// instance with its window in the value stack.
func (v *vm) callOther(ctx context.Context, callee *store.Func, inst *store.Instance, window []uint64) error {
	if v.chain == nil {
		v.chain = &chainCtx{Context: ctx, v: v}
	}
	c := v.chain
	v.vsTop = uintptr(unsafe.Pointer(unsafe.SliceData(window))) + 8*uintptr(len(window))
	if v.acct != nil {
		// Settle the fuel account: the callee may call into its
		// instance again, or read what is left.
		v.acct.AddFuel(v.fuel + max(v.vc.Budget, 0))
		v.fuel, v.vc.Budget = 0, 0
	}
	var err error
	if callee.Host == nil {
		v.crossing = wasmCrossing
		c.open.Store(true)
		err = callee.Runner.Call(c, callee, window) // engines keep 32-bit values zero-extended
	} else {
		v.crossing = hostCrossing
		v.caller.Instance = inst
		c.open.Store(true)
		err = store.CallHost(c, callee, &v.caller, window)
		if err == nil {
			zeroExtend32(callee.Type.Results, window)
		}
	}
	for !c.open.CompareAndSwap(true, false) {
		// A call that claimed the chain runs on another goroutine (the
		// Go code returned without waiting for it): it uses our stacks.
		runtime.Gosched()
	}
	v.vsTop = 0
	if v.acct != nil {
		v.fuel = v.acct.TakeFuel()
		if v.vc.Budget = v.nextBudget(); v.vc.Budget == 0 && err == nil {
			// compiled code counts the budget down to zero: it must
			// not resume with none
			return &store.Trap{Code: store.TrapOutOfFuel}
		}
	}
	return err
}

// zeroExtend32 clears the upper halves of the slots of the i32 and f32
// values of types ts in s. Compiled code keeps a 32-bit value
// zero-extended in its 64-bit slot or register (every 32-bit instruction
// writes it so) and relies on that, so values from Go (a caller's
// arguments, a host function's results) are brought to that form.
func zeroExtend32(ts []wasm.ValType, s []uint64) {
	j := 0
	for _, t := range ts {
		if t == wasm.I32 || t == wasm.F32 {
			s[j] = uint64(uint32(s[j]))
		}
		j += t.Slots()
	}
}

// cacheTarget records a same-instance call_indirect target for the
// compiled fast path.
func (v *vm) cacheTarget(d *instData, h uint64, code uintptr, typeID uint32) {
	if i := h - d.icbase; i < uint64(len(d.icache)) {
		d.icache[i] = icEntry{code: code, typeID: uint64(typeID)}
	}
}
