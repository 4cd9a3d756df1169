// Package interp is wasmrun's interpreter: it translates each validated
// function body once into a register IR and runs it in one dispatch loop.
//
// A frame is a window of uint64 slots holding the parameters, the
// declared locals, the function's constants and the temporaries of the
// operand stack (v128 values take two slots). Instructions name their
// operand and result slots directly, so local.get emits nothing, local.set
// usually rewrites the result slot of the instruction that produced the
// value, and comparisons feeding br_if/if become fused compare-and-branch
// instructions. Calls between Wasm functions push a record on an explicit
// frame stack and continue in the same loop: a Wasm call never recurses
// in Go and deep recursion ends in the "call stack exhausted" trap.
package interp

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// Config sets the interpreter's limits. The zero value selects the
// defaults.
type Config struct {
	// MaxStackSlots caps the value stack of one call into Wasm, in
	// 8-byte slots (default DefaultMaxStackSlots).
	MaxStackSlots int
	// MaxFrames caps the call depth of one call into Wasm (default
	// DefaultMaxFrames).
	MaxFrames int
	// Fuel, when positive, is the number of loop iterations plus calls a
	// call into Wasm may execute before it traps with TrapOutOfFuel.
	Fuel int64
}

// Default limits.
const (
	DefaultMaxStackSlots = 1 << 22 // 32 MiB
	DefaultMaxFrames     = 1 << 16
)

// A call from Go made by a host function that Wasm code called (a
// crossing) costs crossingFrames frames and crossingSlots value-stack
// slots of the call chain's limits, about what the crossing's Go frames
// take, so that host → Wasm → host nesting ends in "call stack
// exhausted" with bounded memory, as deep Wasm recursion does.
const (
	crossingFrames = 32
	crossingSlots  = 256
)

// chainCtx is the context given to Go code that a call of the engine
// calls (host functions, other engines' functions): the call's context,
// and what the call chain uses of the limits at the current crossing. A
// call of the engine made with it continues the chain under its limits.
// One is made, lazily, per call from Go; its context never changes, so
// Go code may keep it (it just stops bounding anything).
type chainCtx struct {
	context.Context
	e    *Engine
	used atomic.Uint64 // frames<<32 | value-stack slots the chain uses, crossing included
}

// budgetChunk is the number of back-edges and calls between two checks
// of the context and the fuel.
const budgetChunk = 1 << 14

// Engine is the interpreter. It implements store.Engine and
// store.FuncRunner and is safe for concurrent use.
type Engine struct {
	cfg  Config
	pool sync.Pool
}

// New returns an interpreter with the given limits.
func New(cfg Config) *Engine {
	if cfg.MaxStackSlots <= 0 {
		cfg.MaxStackSlots = DefaultMaxStackSlots
	}
	if cfg.MaxFrames <= 0 {
		cfg.MaxFrames = DefaultMaxFrames
	}
	e := &Engine{cfg: cfg}
	e.pool.New = func() any {
		return &vm{e: e, stack: make([]uint64, 1024), frames: make([]frame, 0, 64)}
	}
	return e
}

// Name returns "interp".
func (e *Engine) Name() string { return "interp" }

// Module is the interpreter's compiled form of a module.
type Module struct {
	e     *Engine
	funcs []*funcCode
}

// Runner returns the engine.
func (m *Module) Runner() store.FuncRunner { return m.e }

// FuncCode returns the code of defined function i.
func (m *Module) FuncCode(i int) any { return m.funcs[i] }

// Compile translates every function body of m, which must have passed
// validation. info may be nil.
func (e *Engine) Compile(m *wasm.Module, info *validate.Info) (store.ModuleCode, error) {
	return e.CompileContext(context.Background(), m, info)
}

// CompileContext is Compile stopping with ctx's error soon after ctx is
// done (its workers look at it every 16 functions).
func (e *Engine) CompileContext(ctx context.Context, m *wasm.Module, info *validate.Info) (store.ModuleCode, error) {
	if _, err := store.CheckModule(m, info, Features, "the interpreter"); err != nil {
		return nil, fmt.Errorf("interp: %w", err)
	}
	funcTypes := make([]uint32, 0, m.NumFuncs())
	var globals []wasm.ValType
	for _, im := range m.Imports {
		switch im.Kind {
		case wasm.ExternFunc:
			funcTypes = append(funcTypes, im.Func)
		case wasm.ExternGlobal:
			globals = append(globals, im.Global.Type)
		}
	}
	funcTypes = append(funcTypes, m.Funcs...)
	var mem64 []bool
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternMemory {
			mem64 = append(mem64, im.Memory.Is64)
		}
	}
	for _, mt := range m.Memories {
		mem64 = append(mem64, mt.Is64)
	}
	var tab64 []bool
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternTable {
			tab64 = append(tab64, im.Table.Is64)
		}
	}
	for _, tt := range m.Tables {
		tab64 = append(tab64, tt.Is64)
	}
	for _, g := range m.Globals {
		globals = append(globals, g.Type.Type)
	}
	var tagTypes []uint32
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternTag {
			tagTypes = append(tagTypes, im.Tag.Type)
		}
	}
	for _, tg := range m.Tags {
		tagTypes = append(tagTypes, tg.Type)
	}
	if len(m.Code) != len(m.Funcs) {
		return nil, fmt.Errorf("interp: %d function bodies for %d functions", len(m.Code), len(m.Funcs))
	}
	mod := &Module{e: e, funcs: make([]*funcCode, len(m.Funcs))}
	errs := make([]error, len(m.Funcs))
	compileRange := func(next *atomic.Int64) {
		for {
			i := int(next.Add(1) - 1)
			if i >= len(m.Funcs) || i%16 == 0 && ctx.Err() != nil {
				return
			}
			mod.funcs[i], errs[i] = compileSafe(m, i, funcTypes, globals, mem64, tab64, tagTypes)
		}
	}
	var next atomic.Int64
	workers := min(runtime.GOMAXPROCS(0), len(m.Funcs)/parallelThreshold)
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			compileRange(&next)
		}()
	}
	compileRange(&next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("interp: function %d: %w", int(m.NumImportedFuncs)+i, err)
		}
	}
	return mod, nil
}

// Features are the WebAssembly 3.0 features the interpreter runs (the
// store evaluates extended constant expressions). Compile refuses a
// module that uses another, naming it.
const Features = wasm.FeatureTailCall | wasm.FeatureExtendedConst | wasm.FeatureMultiMemory | wasm.FeatureMemory64 | wasm.FeatureTable64 |
	wasm.FeatureExceptions | wasm.FeatureTypedFuncRefs | wasm.FeatureRelaxedSIMD

// parallelThreshold is the number of functions per extra compiling
// goroutine: functions are translated independently, on up to GOMAXPROCS
// goroutines for big modules. The result does not depend on the
// schedule.
const parallelThreshold = 64

// compileSafe is compileFunc turned into an error when the body breaks the
// translator's assumptions. Validated modules never do; this keeps a
// caller that skipped validation from crashing the process.
func compileSafe(m *wasm.Module, i int, funcTypes []uint32, globals []wasm.ValType, mem64, tab64 []bool, tagTypes []uint32) (fc *funcCode, err error) {
	defer func() {
		if r := recover(); r != nil {
			fc, err = nil, fmt.Errorf("body not valid (%v); validate the module first", r)
		}
	}()
	return compileFunc(m, i, funcTypes, globals, mem64, tab64, tagTypes)
}

// frame is a suspended caller.
type frame struct {
	fc   *funcCode
	fn   *store.Func
	ip   unsafe.Pointer // next instruction, in fc.code
	base int            // frame base in vm.stack
}

// vm is the state of one call into Wasm; vms are pooled. The dispatch
// loop keeps its hottest state in locals; the fields below hold the rest.
type vm struct {
	e      *Engine
	stack  []uint64
	frames []frame
	caller store.Caller
	fuel   int64           // remaining fuel when limited, else -1
	acct   *store.Instance // the instance whose fuel account the call draws on, or nil
	// held are the instances entered by calls between instances in the
	// loop (store.Instance.Enter), innermost last; each is left when its
	// function returns, and the rest when the call ends.
	held []*store.Instance
	// maxFrames and maxSlots are the frame and value-stack limits of
	// this call (the engine's, or what a call chain left of them)
	maxFrames, maxSlots int
	// chain is the context given to Go code this call calls (made on
	// the first such call)
	chain *chainCtx

	ctx    context.Context
	st     instState      // current instance
	fn     *store.Func    // current function
	fc     *funcCode      // its code
	base   int            // its frame base in stack
	budget int            // back-edges and calls until the next refill
	callee *store.Func    // function being called
	ip     unsafe.Pointer // the loop's ip, saved around outlined calls
	// memory 0 of the current instance: base and length in bytes
	memBase unsafe.Pointer
	memLen  uint64
	// trap details
	elemIdx uint64
	cause   error
	// exc is the exception being thrown; excTail says that the callee
	// of a tail call threw it
	exc     *store.Exception
	excTail bool
}

// Call runs Wasm function f (compiled by this engine) with its
// parameters in stack and leaves the results there.
func (e *Engine) Call(ctx context.Context, f *store.Func, stack []uint64) error {
	fc, ok := f.Code.(*funcCode)
	if !ok {
		return fmt.Errorf("interp: function %d was not compiled by the interpreter", f.Index)
	}
	if len(stack) < f.StackSlots() {
		return fmt.Errorf("interp: stack of %d slots for function %d, which needs %d", len(stack), f.Index, f.StackSlots())
	}
	if err := f.Instance.Enter(); err != nil {
		return err
	}
	// A call from a host function that Wasm code of this engine called
	// continues that call chain: it gets what is left of the chain's
	// frame and value-stack limits, less the cost of the crossing.
	maxFrames, maxSlots := e.cfg.MaxFrames, e.cfg.MaxStackSlots
	if c, ok := ctx.(*chainCtx); ok && c.e == e {
		u := c.used.Load()
		maxFrames -= int(u >> 32)
		maxSlots -= int(uint32(u))
		ctx = c.Context
	}
	v := e.pool.Get().(*vm)
	v.fuel = -1
	v.acct = nil
	if f.Instance.FuelAccount() {
		v.acct = f.Instance
		v.fuel = v.acct.TakeFuel()
	} else if e.cfg.Fuel > 0 {
		v.fuel = e.cfg.Fuel
	}
	v.maxFrames, v.maxSlots = maxFrames, maxSlots
	if maxFrames > 0 && maxSlots > 0 {
		v.stack = v.stack[:min(cap(v.stack), maxSlots)]
	}
	if maxFrames <= 0 || maxSlots <= 0 || fc.frameSize > len(v.stack) && !v.grow(fc.frameSize) {
		if v.acct != nil {
			v.acct.AddFuel(v.fuel)
		}
		e.pool.Put(v)
		f.Instance.Leave()
		return &store.Trap{Code: store.TrapCallStackExhausted, Frames: []store.Frame{store.FrameOf(f.Instance, f.Index)}}
	}
	copy(v.stack, stack[:f.ParamSlots])
	err := v.run(ctx, f, fc)
	if v.acct != nil {
		v.acct.AddFuel(v.fuel + int64(max(v.budget, 0)))
		v.acct = nil
	}
	if err == nil {
		copy(stack, v.stack[:f.ResultSlots])
	}
	clear(v.frames[:cap(v.frames)])
	v.frames = v.frames[:0]
	for _, inst := range v.held {
		inst.Leave()
	}
	clear(v.held)
	v.held = v.held[:0]
	f.Instance.Leave()
	v.caller.Instance = nil
	v.chain = nil
	v.ctx, v.st, v.fn, v.fc, v.callee, v.cause, v.memBase, v.exc = nil, instState{}, nil, nil, nil, nil, nil, nil
	e.pool.Put(v)
	return err
}

// grow enlarges the value stack to at least n slots, within the limit.
func (v *vm) grow(n int) bool {
	if n > v.maxSlots {
		return false
	}
	m := 2 * len(v.stack)
	for m < n {
		m *= 2
	}
	if m > v.maxSlots {
		m = v.maxSlots
	}
	s := make([]uint64, m)
	copy(s, v.stack)
	v.stack = s
	return true
}

// trap builds the *Trap for a trap in the current function, with the
// backtrace of the frame stack.
func (v *vm) trap(code store.TrapCode) *store.Trap {
	t := &store.Trap{Code: code, Cause: v.cause}
	t.Frames = append(t.Frames, store.FrameOf(v.fn.Instance, v.fn.Index))
	for i := len(v.frames) - 1; i >= 0; i-- {
		f := v.frames[i].fn
		t.Frames = append(t.Frames, store.FrameOf(f.Instance, f.Index))
	}
	return t
}

// refill is the cold path of the budget counter: it checks the context
// and the fuel and sets the next budget, or returns a trap code.
//
//go:noinline
func (v *vm) refill() store.TrapCode {
	if v.st.inst.Closed() {
		return store.TrapClosed
	}
	if err := v.ctx.Err(); err != nil {
		v.cause = err
		return store.TrapCancelled
	}
	if v.fuel < 0 {
		v.budget = budgetChunk
		return 0
	}
	if v.fuel == 0 {
		return store.TrapOutOfFuel
	}
	n := int64(budgetChunk)
	if v.fuel < n {
		n = v.fuel
	}
	v.fuel -= n
	v.budget = int(n)
	return 0
}

// bulkCheck is the interruption check between two chunks of a bulk
// operation: it looks at the instance and the context every time (a chunk takes
// microseconds, so the budget's count of chunks would let a deadline pass
// by up to a second), and a chunk costs what a loop iteration does.
func (v *vm) bulkCheck() store.TrapCode {
	if v.st.inst.Closed() {
		return store.TrapClosed
	}
	if err := v.ctx.Err(); err != nil {
		v.cause = err
		return store.TrapCancelled
	}
	// The context's timer may not have run yet on a busy machine.
	if d, ok := v.ctx.Deadline(); ok && !time.Now().Before(d) {
		v.cause = context.DeadlineExceeded
		return store.TrapCancelled
	}
	v.budget--
	if v.budget > 0 {
		return 0
	}
	return v.refill()
}

// initialBudget returns the budget at the start of a call.
func (v *vm) initialBudget() int {
	if v.fuel < 0 {
		return budgetChunk
	}
	n := int64(budgetChunk)
	if v.fuel < n {
		n = v.fuel
	}
	v.fuel -= n
	return int(n)
}
