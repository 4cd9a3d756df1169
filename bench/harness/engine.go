// Package harness runs the benchmark corpus on several WebAssembly engines
// and on native code, checks that they agree, and reports the figures.
//
// Two layers describe an engine. [Engine] is what the measurement loop
// drives: run one job, return its output and timings. In-process Wasm
// engines implement the smaller [WasmRuntime] / [CompiledModule] /
// [Instance] trio and are wrapped by [NewInProcess], which caches compiled
// modules and times each phase with time.Now. Subprocess engines (native
// binaries, Node.js) implement [Engine] directly.
package harness

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"syscall"
	"time"
)

// Phase says how far a job goes.
type Phase int

const (
	// PhaseRun compiles (or reuses), instantiates and runs _start.
	PhaseRun Phase = iota
	// PhaseCompile only compiles the module, always afresh.
	PhaseCompile
	// PhaseInstantiate compiles (or reuses) and instantiates, without
	// running _start.
	PhaseInstantiate
)

// Job is one execution of one program.
type Job struct {
	// Name is the program's name, used as argv[0].
	Name string
	// Wasm is the path of the .wasm file; Native the path of the native
	// binary ("" when the program has none).
	Wasm, Native string
	// Args follow argv[0].
	Args []string
	// Env is added to the environment of native programs (e.g. GOMAXPROCS).
	Env []string
	// Cancellable asks the engine to make the guest interruptible by
	// context cancellation (wazero: WithCloseOnContextDone).
	Cancellable bool
	// Phase says how far to go.
	Phase Phase
}

// Result is what one job produced.
type Result struct {
	// Stdout is everything the program wrote to standard output.
	Stdout []byte
	// Compile is the compile time (wall); zero when a cached module was
	// reused. CompileCPU is the process's CPU time over the same interval
	// (compilers may use several threads).
	Compile, CompileCPU time.Duration
	// Instantiate is the instantiation time (zero for native code).
	Instantiate time.Duration
	// Run is the wall time spent in _start (native: the process's wall
	// time; Node.js: measured inside the runner script).
	Run time.Duration
	// RunCPU is the CPU time (user+system, all threads) the engine's
	// process used over the same interval: robust on a busy machine.
	RunCPU time.Duration
	// Warning describes something odd that did not invalidate the run
	// (e.g. Node.js crashing at exit after the guest had finished).
	Warning string
}

// Engine runs jobs.
type Engine interface {
	// Name is the engine's short name, used in tables and flags.
	Name() string
	// Slow reports whether the engine is an interpreter; slow engines are
	// measured at each program's reduced size.
	Slow() bool
	// Wasm reports whether the engine runs .wasm files (false: native).
	Wasm() bool
	// Available returns nil when the engine can run here, else the reason.
	Available() error
	// Run executes one job.
	Run(ctx context.Context, job Job) (Result, error)
	// Close releases everything the engine holds.
	Close() error
}

// HostAddImport names the host function every engine must offer to guests:
// env.host_add(i32) -> i32, returning its argument plus one (wrapping).
const HostAddImport = "env.host_add"

// RuntimeConfig configures an in-process Wasm runtime.
type RuntimeConfig struct {
	// Cancellable makes running guests stop when their context is done.
	Cancellable bool
	// Cached allows the runtime to keep compiled code in an on-disk cache
	// across harness runs (it is false when compile time is measured).
	Cached bool
}

// InstanceConfig configures one instantiation.
type InstanceConfig struct {
	// Args is the full argv, argv[0] included.
	Args []string
	// Stdout and Stderr receive the guest's fd 1 and fd 2.
	Stdout, Stderr io.Writer
}

// WasmRuntime is an in-process engine: it compiles modules. It must
// provide WASI preview 1 (with the system clocks) and the import
// env.host_add to every module it instantiates.
type WasmRuntime interface {
	Compile(ctx context.Context, wasm []byte) (CompiledModule, error)
	Close(ctx context.Context) error
}

// CompiledModule can be instantiated any number of times.
type CompiledModule interface {
	Instantiate(ctx context.Context, cfg InstanceConfig) (Instance, error)
	Close(ctx context.Context) error
}

// Instance is one instantiated module whose _start has not run yet.
type Instance interface {
	// Start runs _start. A WASI exit with code 0 is success; any other
	// exit code or trap is an error.
	Start(ctx context.Context) error
	Close(ctx context.Context) error
}

// RuntimeFactory makes a fresh runtime.
type RuntimeFactory func(ctx context.Context, cfg RuntimeConfig) (WasmRuntime, error)

// NewInProcess wraps a runtime factory as an Engine. It keeps one runtime
// per configuration and one compiled module per file, so only the first run
// of a program reports a compile time; PhaseCompile jobs use a fresh runtime
// each time.
func NewInProcess(name string, slow bool, factory RuntimeFactory) Engine {
	return &inProcess{name: name, slow: slow, factory: factory,
		runtimes: map[RuntimeConfig]WasmRuntime{}, modules: map[modKey]CompiledModule{}}
}

type modKey struct {
	cfg  RuntimeConfig
	path string
}

type inProcess struct {
	name     string
	slow     bool
	factory  RuntimeFactory
	mu       sync.Mutex
	runtimes map[RuntimeConfig]WasmRuntime
	modules  map[modKey]CompiledModule
	bins     map[string][]byte
}

func (e *inProcess) Name() string     { return e.name }
func (e *inProcess) Slow() bool       { return e.slow }
func (e *inProcess) Wasm() bool       { return true }
func (e *inProcess) Available() error { return nil }

func (e *inProcess) read(path string) ([]byte, error) {
	if e.bins == nil {
		e.bins = map[string][]byte{}
	}
	if b, ok := e.bins[path]; ok {
		return b, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	e.bins[path] = b
	return b, nil
}

func (e *inProcess) Run(ctx context.Context, job Job) (Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var res Result
	if job.Wasm == "" {
		return res, errors.New("no .wasm file for this program")
	}
	bin, err := e.read(job.Wasm)
	if err != nil {
		return res, err
	}
	cfg := RuntimeConfig{Cancellable: job.Cancellable, Cached: true}
	if job.Phase == PhaseCompile {
		cfg.Cached = false
		rt, err := e.factory(ctx, cfg)
		if err != nil {
			return res, err
		}
		defer rt.Close(ctx)
		c0 := processCPU()
		t0 := time.Now()
		cm, err := rt.Compile(ctx, bin)
		res.Compile = time.Since(t0)
		res.CompileCPU = processCPU() - c0
		if err != nil {
			return res, fmt.Errorf("compile: %w", err)
		}
		return res, cm.Close(ctx)
	}
	rt, ok := e.runtimes[cfg]
	if !ok {
		if rt, err = e.factory(ctx, cfg); err != nil {
			return res, err
		}
		e.runtimes[cfg] = rt
	}
	key := modKey{cfg, job.Wasm}
	cm, ok := e.modules[key]
	if !ok {
		t0 := time.Now()
		cm, err = rt.Compile(ctx, bin)
		res.Compile = time.Since(t0)
		if err != nil {
			return res, fmt.Errorf("compile: %w", err)
		}
		e.modules[key] = cm
	}
	var stdout, stderr limitedBuffer
	icfg := InstanceConfig{Args: append([]string{job.Name}, job.Args...), Stdout: &stdout, Stderr: &stderr}
	t0 := time.Now()
	inst, err := cm.Instantiate(ctx, icfg)
	res.Instantiate = time.Since(t0)
	if err != nil {
		return res, fmt.Errorf("instantiate: %w", err)
	}
	defer inst.Close(ctx)
	if job.Phase == PhaseInstantiate {
		return res, nil
	}
	c0 := processCPU()
	t0 = time.Now()
	err = inst.Start(ctx)
	res.Run = time.Since(t0)
	res.RunCPU = processCPU() - c0
	res.Stdout = stdout.Bytes()
	if err != nil {
		return res, fmt.Errorf("run: %w (stderr: %q)", err, stderr.Tail())
	}
	return res, nil
}

func (e *inProcess) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	ctx := context.Background()
	var errs []error
	for _, cm := range e.modules {
		errs = append(errs, cm.Close(ctx))
	}
	for _, rt := range e.runtimes {
		errs = append(errs, rt.Close(ctx))
	}
	e.modules = map[modKey]CompiledModule{}
	e.runtimes = map[RuntimeConfig]WasmRuntime{}
	e.bins = nil
	return errors.Join(errs...)
}

// processCPU returns the user+system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// limitedBuffer keeps at most 1 MiB of output so a runaway guest cannot
// exhaust memory.
type limitedBuffer struct {
	b []byte
}

const outputLimit = 1 << 20

func (l *limitedBuffer) Write(p []byte) (int, error) {
	room := outputLimit - len(l.b)
	if room > 0 {
		if len(p) < room {
			room = len(p)
		}
		l.b = append(l.b, p[:room]...)
	}
	return len(p), nil
}

func (l *limitedBuffer) Bytes() []byte { return l.b }

func (l *limitedBuffer) Tail() string {
	if len(l.b) > 400 {
		return string(l.b[len(l.b)-400:])
	}
	return string(l.b)
}
