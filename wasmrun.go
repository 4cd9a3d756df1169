// Package wasmrun runs WebAssembly modules from Go programs.
//
// A Runtime compiles modules once and instantiates them many times:
//
//	rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{})
//	mod, err := rt.Compile(ctx, wasmBytes) // .wasm bytes or .wat text
//	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{Name: "app"})
//	results, err := inst.ExportedFunction("add").Call(ctx, 1, 2)
//
// Values cross the boundary as uint64 slots: i32 and f32 as their bit
// patterns zero-extended, i64 and f64 as bits, references as handles, and
// a v128 as two slots (low half first). Go functions are offered to
// modules through NewHostModule.
//
// A Runtime may be used from many goroutines: instantiations proceed in
// parallel, and functions of different instances run concurrently. One
// Instance must not run two calls at once.
//
// Each instance has its own configuration (InstanceConfig), including its
// WASI environment: a WASI program runs in a few lines,
//
//	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{
//		Args: []string{"prog", "arg"}, Stdout: os.Stdout})
//	code, err := inst.Run(ctx) // calls _start; code is the exit status
package wasmrun

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// EngineKind selects the engine that runs compiled code.
type EngineKind string

// Engines.
const (
	// EngineAuto picks the fastest engine available on this platform.
	EngineAuto EngineKind = "auto"
	// EngineInterp is the portable register-based interpreter.
	EngineInterp EngineKind = "interp"
	// EngineJIT compiles to machine code (linux/amd64 with SSE4.1).
	EngineJIT EngineKind = "jit"
)

// RuntimeConfig configures a Runtime. The zero value selects the defaults.
type RuntimeConfig struct {
	// Engine selects the engine ("" is EngineAuto).
	Engine EngineKind
	// MemoryLimitPages caps the 64 KiB pages of every memory (0: 65536,
	// the whole 32-bit address space).
	MemoryLimitPages uint64
	// TableLimit caps the elements of every table (0: 10 million).
	TableLimit uint64
	// MaxCallDepth caps the depth of Wasm calls in one call from Go; deeper
	// recursion traps with "call stack exhausted" (0: the engine's default).
	MaxCallDepth int
	// Fuel, when positive, is the number of loop iterations and calls one
	// call from Go may execute before it traps with "out of fuel".
	Fuel int64
	// PerfMap makes the JIT append the address and name of every function
	// it compiles to /tmp/perf-PID.map, so that Linux perf can attribute
	// samples in JIT code to Wasm functions. The interpreter ignores it.
	PerfMap bool
	// DecodeLimits are the implementation limits Compile enforces on a
	// module: its size, the functions, locals per function, types,
	// imports, exports, globals, segments and br_table targets it
	// declares (zero fields: binary.DefaultLimits, which lists each
	// default). A module beyond one fails with the offset and the limit.
	DecodeLimits binary.Limits
	// DisabledFeatures are WebAssembly 3.0 features Compile refuses: a
	// module that uses one fails with a *FeatureDisabledError naming it.
	// The zero value disables none: every 3.0 feature the front end
	// implements (wasm.Features3, all but GC) is on.
	DisabledFeatures wasm.Features
}

// Runtime compiles and instantiates modules. Instances of one Runtime can
// import each other's exports by the names they were instantiated under.
type Runtime struct {
	mu     sync.Mutex // guards closed and insts; never held while guest code runs
	store  *store.Store
	engine store.Engine
	kind   EngineKind
	closed bool
	insts  map[*store.Instance]struct{} // open instances; Instance.Close removes its own

	wasiOnce  sync.Once
	wasiFuncs map[string]store.Extern // WASI preview 1 and 0 by "module.name", made on first use

	limits   binary.Limits // RuntimeConfig.DecodeLimits
	disabled wasm.Features // RuntimeConfig.DisabledFeatures
}

// NewRuntime creates a runtime. ctx is reserved for future use (such as
// a compilation cache) and may be context.Background().
func NewRuntime(ctx context.Context, cfg RuntimeConfig) (*Runtime, error) {
	kind := cfg.Engine
	if kind == "" {
		kind = EngineAuto
	}
	eng, actual, err := newEngine(kind, cfg)
	if err != nil {
		return nil, err
	}
	st := store.New(store.Config{MemoryLimitPages: cfg.MemoryLimitPages, TableLimit: cfg.TableLimit})
	return &Runtime{store: st, engine: eng, kind: actual, insts: map[*store.Instance]struct{}{}, limits: cfg.DecodeLimits,
		disabled: cfg.DisabledFeatures}, nil
}

// Engine returns the engine the runtime uses (never EngineAuto).
func (r *Runtime) Engine() EngineKind { return r.kind }

// ErrClosed is the error of every use of a closed Runtime, Instance or
// Memory. A call that was running when its instance (or runtime, or
// memory) was closed ends with a *Trap of code "instance closed", for
// which errors.Is(err, ErrClosed) is true too.
var ErrClosed = errors.New("wasmrun: closed")

// CompiledModule is a decoded, validated and compiled module. It is
// immutable and can be instantiated many times.
type CompiledModule struct {
	mod *store.Module
}

// Compile decodes (or, for text, parses), validates and compiles a module.
// src is a module in the binary format or in the text format. A
// cancelled or expired ctx stops it with ctx's error: it is seen before
// each phase (decoding, validation, compilation) and, in compilation,
// every 16 functions.
func (r *Runtime) Compile(ctx context.Context, src []byte) (*CompiledModule, error) {
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m, err := decodeWithLimits(src, r.limits)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	info, err := validate.Module(m)
	if err != nil {
		return nil, err
	}
	if f := info.Features & r.disabled; f != 0 {
		return nil, &FeatureDisabledError{Feature: f.First().String()}
	}
	if f := info.Features &^ engineFeatures(r.kind); f != 0 {
		return nil, &UnsupportedFeatureError{Feature: f.First().String(), Engine: r.kind}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cm, err := store.CompileContext(ctx, r.engine, m, info)
	if err != nil {
		return nil, err
	}
	return &CompiledModule{mod: cm}, nil
}

// UnsupportedFeatureError is the error of Compile for a module that uses a
// WebAssembly 3.0 feature the runtime's engine does not run yet (another
// engine may: the interpreter runs more of 3.0 than the JIT).
type UnsupportedFeatureError struct {
	Feature string     // the feature's name, such as "tail calls"
	Engine  EngineKind // the engine that lacks it
}

func (e *UnsupportedFeatureError) Error() string {
	return fmt.Sprintf("wasmrun: %s is not supported by the %s engine yet", e.Feature, e.Engine)
}

// FeatureDisabledError is the error of Compile for a module that uses a
// WebAssembly 3.0 feature RuntimeConfig.DisabledFeatures turns off.
type FeatureDisabledError struct {
	Feature string // the feature's name, such as "exception handling"
}

// Error names the feature.
func (e *FeatureDisabledError) Error() string {
	return fmt.Sprintf("wasmrun: the module uses %s, which is disabled", e.Feature)
}

// engineFeatures returns the WebAssembly 3.0 features an engine runs;
// Compile refuses modules that use any other.
func engineFeatures(kind EngineKind) wasm.Features {
	if kind == EngineInterp {
		return interp.Features
	}
	return jitFeatures
}

// Decode parses a module in the binary format (when src starts with the
// magic bytes "\x00asm") or the text format, without validating it.
func Decode(src []byte) (*wasm.Module, error) { return decodeWithLimits(src, binary.DefaultLimits) }

func decodeWithLimits(src []byte, lim binary.Limits) (*wasm.Module, error) {
	if len(src) >= 4 && string(src[:4]) == "\x00asm" {
		return binary.DecodeWithLimits(src, lim)
	}
	if max := cmp.Or(lim.ModuleBytes, binary.DefaultLimits.ModuleBytes); len(src) > max {
		return nil, errorf("module text of %d bytes exceeds the limit of %d bytes", len(src), max)
	}
	m, err := text.ParseModule(src)
	if err != nil {
		return nil, err
	}
	if err := binary.CheckLimits(m, lim); err != nil {
		return nil, err
	}
	return m, nil
}

// Imports describes what the module imports.
func (c *CompiledModule) Imports() []ImportDesc {
	m := c.mod.Wasm
	out := make([]ImportDesc, len(m.Imports))
	for i, im := range m.Imports {
		d := ImportDesc{Module: im.Module, Name: im.Name, Kind: im.Kind}
		if im.Kind == wasm.ExternFunc && int(im.Func) < len(m.Types) {
			d.Func = m.Types[im.Func]
		}
		out[i] = d
	}
	return out
}

// Exports describes what the module exports.
func (c *CompiledModule) Exports() []ExportDesc {
	m := c.mod.Wasm
	out := make([]ExportDesc, len(m.Exports))
	for i, ex := range m.Exports {
		d := ExportDesc{Name: ex.Name, Kind: ex.Kind}
		if ex.Kind == wasm.ExternFunc {
			if ti, ok := m.FuncTypeIndex(ex.Index); ok && int(ti) < len(m.Types) {
				d.Func = m.Types[ti]
			}
		}
		out[i] = d
	}
	return out
}

// ImportDesc describes one import of a module.
type ImportDesc struct {
	Module, Name string
	Kind         wasm.ExternKind
	Func         wasm.FuncType // for function imports
}

// ExportDesc describes one export of a module.
type ExportDesc struct {
	Name string
	Kind wasm.ExternKind
	Func wasm.FuncType // for function exports
}

// Instantiate creates an instance of the module, resolving its imports
// among the instances registered in the runtime, and runs its start
// function. Imports from wasi_snapshot_preview1 (or wasi_unstable) that no
// registered instance provides are WASI preview 1 (or preview 0), with a
// system of the instance's own made from cfg (arguments, environment,
// stdio, preopens, listeners, clock, random source): instances never share
// WASI state.
//
// A missing or mismatched import is a *LinkError; a trap in a segment
// initialisation or the start function is a *Trap.
//
// No lock of the runtime is held while the start function runs:
// instantiations proceed in parallel, and host functions may compile and
// instantiate modules.
func (r *Runtime) Instantiate(ctx context.Context, c *CompiledModule, cfg InstanceConfig) (*Instance, error) {
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	var hd *hostData
	if r.needsWASI(c.mod.Wasm) {
		sys, err := newSystem(&cfg)
		if err != nil {
			return nil, err
		}
		hd = newHostData(sys)
	}
	opts := store.InstantiateOptions{Resolve: r.resolve, Fuel: cfg.Fuel}
	if hd != nil {
		opts.HostData = hd
	}
	inst, err := r.store.InstantiateWith(ctx, c.mod, opts)
	if err != nil {
		hd.close()
		return nil, publicErr(err)
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		inst.Close()
		hd.close()
		return nil, ErrClosed
	}
	if hd != nil {
		inst.OnRelease = func() { hd.close() }
	}
	r.insts[inst] = struct{}{}
	if cfg.Name != "" {
		r.store.Register(cfg.Name, inst)
	}
	r.mu.Unlock()
	w := &Instance{inst: inst, rt: r}
	if cfg.Name == "" {
		// An anonymous instance nobody can reach (no *Instance, no
		// *Function of it) can never be called again: release it. A
		// registered one stays reachable by name until closed.
		runtime.AddCleanup(w, func(inst *store.Instance) { r.closeInstance(inst) }, inst)
	}
	return w, nil
}

// Close closes every instance of the runtime (see Instance.Close) and
// makes every later use of the runtime fail with ErrClosed. Calls running
// at that moment end with an "instance closed" trap at their next
// interruption point or host call; memories are unmapped only after they
// have left. Close is idempotent and safe to call from any goroutine,
// including from a host function.
func (r *Runtime) Close(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	var errs []error
	for inst := range r.insts {
		wakeBlocked(inst)
		if err := inst.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	clear(r.insts)
	return errors.Join(errs...)
}

func errorf(format string, args ...any) error { return fmt.Errorf("wasmrun: "+format, args...) }
