package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasi"
	"github.com/wasmrun/wasmrun/wasm"
)

// exitTrap is the exit status after a trap: 128 + SIGABRT, as shells
// report an aborted process.
const exitTrap = 134

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// runOptions are the flags of "wasmrun [FLAGS] FILE [ARGS...]".
type runOptions struct {
	dirs       stringList
	envs       stringList
	envInherit bool
	engine     string
	invoke     string
	listen     stringList
	maxMemory  string
	fuel       int64
	limits     limitFlags
	timeout    time.Duration
	perfMap    bool
	disabled   wasm.Features // --disable-feature
}

const runUsage = `usage: wasmrun [FLAGS] FILE [ARGS...]

Runs the WebAssembly module FILE (binary .wasm or text .wat) as a WASI
program: it calls the export "_start" (or, with --invoke, another export)
with ARGS as the program's arguments. The exit status is the guest's exit
code; a trap prints the trap and a Wasm backtrace to stderr and exits with
status 134; a module that fails to decode, validate or link prints what is
wrong and where, and exits with status 1.

The guest sees no host files, no environment and no network unless flags
grant them:

  --dir HOST[::GUEST][:ro]   make host directory HOST visible to the guest as
                             GUEST (default: HOST as written); ":ro" makes it
                             read-only. Repeatable. Paths cannot escape it:
                             "..", absolute paths and symlinks leading outside
                             are refused.
  --env KEY=VALUE            set an environment variable. Repeatable.
  --env-inherit              pass the host's whole environment.
  --listen HOST:PORT         open a TCP listener and hand it to the guest as a
                             preopened socket (for sock_accept). Repeatable.

Engine and limits:

  --engine auto|interp|jit   the engine (default auto: the JIT where it
                             exists, else the interpreter)
  --invoke NAME              call export NAME instead of _start; ARGS are then
                             its parameters (integers, or floats for f32/f64)
                             and its results are printed, one per line
  --max-memory SIZE          cap every linear memory, e.g. 64MiB, 1GiB or a
                             page count with the suffix "p" (default 4GiB)
  --max-table N              cap every table at N elements (default 10000000)
  --max-call-depth N         trap with "call stack exhausted" past N nested
                             calls (default 65536)
  --max-module-size SIZE     refuse modules larger than SIZE (default 1GiB)
  --max-functions N          refuse modules with more than N functions,
                             imported and defined (default 1000000)
  --max-locals N             refuse functions declaring more than N locals
                             (default 50000)
                             A module beyond a limit fails to load with exit
                             status 1 and a one-line message naming it; the
                             other implementation limits (types, imports,
                             exports, globals, segments, br_table targets) are
                             those of binary.DefaultLimits
  --fuel N                   trap with "out of fuel" after N loop iterations
                             and calls, each 64 KiB moved by a bulk memory or
                             table instruction counting as one (default:
                             unlimited)
  --timeout DURATION         trap with "cancelled" after DURATION, e.g. 10s
                             (default: none); a guest waiting in a sleep, a
                             read, a write or an accept is woken at once
  --perfmap                  write the JIT's function symbols to
                             /tmp/perf-PID.map for "perf record"/"perf report"
  --disable-feature NAME[,NAME]
                             refuse modules that use these WebAssembly 3.0
                             features (all are on by default): tail-call,
                             extended-const, multi-memory, memory64, table64,
                             exception-handling, function-references,
                             relaxed-simd. Repeatable

Signals: the first SIGINT or SIGTERM cancels the guest as --timeout does
(even one waiting in a sleep or a read); wasmrun then prints one line
saying it was interrupted and exits with status 130 (SIGINT) or 143
(SIGTERM). A second signal ends the process at once, with the same
status, wherever the guest is stuck.

Other:

  --version                  print the version
  --help                     print this text

Examples:

  wasmrun hello.wasm
  wasmrun --dir .::/work --env HOME=/work tool.wasm --verbose
  wasmrun --invoke fib fib.wat 30
  GOOS=wasip1 GOARCH=wasm go test -exec 'wasmrun --dir /::/ --env-inherit' ./pkg

Other commands: "wasmrun validate FILE...", "wasmrun wast FILE..." and
"wasmrun disasm [--func NAME|INDEX] FILE" (the JIT's machine code); see
"wasmrun help".
`

// runCmd implements "wasmrun [FLAGS] FILE [ARGS...]".
func runCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wasmrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, runUsage) }
	var o runOptions
	fs.Var(&o.dirs, "dir", "")
	fs.Var(&o.envs, "env", "")
	fs.BoolVar(&o.envInherit, "env-inherit", false, "")
	fs.StringVar(&o.engine, "engine", "auto", "")
	fs.StringVar(&o.invoke, "invoke", "", "")
	fs.Var(&o.listen, "listen", "")
	fs.StringVar(&o.maxMemory, "max-memory", "", "")
	fs.Int64Var(&o.fuel, "fuel", 0, "")
	o.limits.register(fs)
	fs.DurationVar(&o.timeout, "timeout", 0, "")
	fs.BoolVar(&o.perfMap, "perfmap", false, "")
	fs.Func("disable-feature", "", func(s string) error {
		f, err := wasm.ParseFeatures(s)
		o.disabled |= f
		return err
	})
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, runUsage)
		return 2
	}
	file, guestArgs := fs.Arg(0), fs.Args()[1:]

	code, err := runModule(&o, file, guestArgs, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "wasmrun: %v\n", err)
	}
	return code
}

// runModule loads, instantiates and runs file, returning the exit status.
func runModule(o *runOptions, file string, guestArgs []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return 1, err
	}
	limitPages, err := parseMemorySize(o.maxMemory)
	if err != nil {
		return 2, err
	}
	ctx := context.Background()
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	ctx, received, stop := onSignals(ctx, os.Exit, os.Interrupt, syscall.SIGTERM)
	defer stop()
	status := func(err error) (int, error) {
		if sig := received(); sig != nil && errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "wasmrun: %s: interrupted by %s\n", file, signalName(sig))
			return 128 + signalNumber(sig), nil
		}
		return exitStatus(err, file, stderr)
	}

	decodeLimits, err := o.limits.decodeLimits()
	if err != nil {
		return 2, err
	}
	rcfg := wasmrun.RuntimeConfig{
		Engine:           wasmrun.EngineKind(o.engine),
		MemoryLimitPages: limitPages,
		TableLimit:       o.limits.table,
		MaxCallDepth:     o.limits.callDepth,
		DecodeLimits:     decodeLimits,
		Fuel:             o.fuel,
		PerfMap:          o.perfMap,
		DisabledFeatures: o.disabled,
	}
	rt, err := wasmrun.NewRuntime(ctx, rcfg)
	if err != nil {
		return 2, err
	}
	defer func() { rt.Close(ctx) }()
	auto := o.engine == string(wasmrun.EngineAuto)
	if auto && runtime.GOOS == "linux" && runtime.GOARCH == "amd64" && rt.Engine() != wasmrun.EngineJIT {
		fmt.Fprintln(stderr, "wasmrun: this CPU lacks SSE4.1; running on the interpreter")
	}

	mod, err := rt.Compile(ctx, src)
	var unsupported *wasmrun.UnsupportedFeatureError
	if auto && errors.As(err, &unsupported) && rt.Engine() != wasmrun.EngineInterp {
		// The interpreter runs more of WebAssembly 3.0 than the JIT.
		fmt.Fprintf(stderr, "wasmrun: the %s engine does not run %s yet; running on the interpreter\n", unsupported.Engine, unsupported.Feature)
		rt.Close(ctx)
		rcfg.Engine = wasmrun.EngineInterp
		if rt, err = wasmrun.NewRuntime(ctx, rcfg); err != nil {
			return 2, err
		}
		mod, err = rt.Compile(ctx, src)
	}
	if err != nil {
		return 1, fmt.Errorf("%s: %w", file, err)
	}

	cfg, cleanup, err := instanceConfig(o, file, guestArgs, stdin, stdout, stderr)
	if err != nil {
		return 2, err
	}
	defer cleanup()
	inst, err := rt.Instantiate(ctx, mod, cfg)
	if err != nil {
		return status(err)
	}
	if o.invoke != "" {
		code, err := invoke(ctx, inst, o.invoke, guestArgs, file, stdout)
		if code < 0 {
			return status(err)
		}
		return code, err
	}
	start := inst.ExportedFunction("_start")
	if start == nil {
		return 1, fmt.Errorf("%s: no exported function _start (use --invoke NAME to call another export)", file)
	}
	if _, err := start.Call(ctx); err != nil {
		return status(err)
	}
	return 0, nil
}

// onSignals returns a context that the first of sigs cancels; a second
// one calls exit with 128 plus its number at once, however the guest is
// stuck (in a system call that cannot be interrupted, say). received
// returns the signal that cancelled ctx (nil before); stop ends the
// handling (and cancels ctx).
func onSignals(parent context.Context, exit func(int), sigs ...os.Signal) (ctx context.Context, received func() os.Signal, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	done := make(chan struct{})
	var got atomic.Pointer[os.Signal]
	signal.Notify(ch, sigs...)
	go func() {
		select {
		case sig := <-ch:
			got.Store(&sig)
			cancel(fmt.Errorf("interrupted by %s", signalName(sig)))
		case <-done:
			return
		}
		select {
		case sig := <-ch:
			exit(128 + signalNumber(sig))
		case <-done:
		}
	}()
	received = func() os.Signal {
		if p := got.Load(); p != nil {
			return *p
		}
		return nil
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			signal.Stop(ch)
			close(done)
			cancel(context.Canceled)
		})
	}
	return ctx, received, stop
}

// signalNumber returns the number of sig (0 when it has none).
func signalNumber(sig os.Signal) int {
	if n, ok := sig.(syscall.Signal); ok {
		return int(n)
	}
	return 0
}

// signalName returns the usual name of sig, such as "SIGINT".
func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// exitStatus turns the error that ended a guest into an exit status,
// printing traps with their backtrace.
func exitStatus(err error, file string, stderr io.Writer) (int, error) {
	var exit *wasi.ExitError
	if errors.As(err, &exit) {
		if exit.Signal != 0 {
			return 128 + int(exit.Signal), nil
		}
		return int(exit.Code), nil
	}
	var trap *wasmrun.Trap
	if errors.As(err, &trap) {
		fmt.Fprintf(stderr, "wasmrun: %s: trap: %v\n%s", file, trap, trap.Backtrace())
		return exitTrap, nil
	}
	// An exception that leaves the guest ends it as a trap does.
	var exc *wasmrun.Exception
	if errors.As(err, &exc) {
		fmt.Fprintf(stderr, "wasmrun: %s: %s\n", file, strings.TrimPrefix(exc.Error(), "wasmrun: "))
		return exitTrap, nil
	}
	return 1, fmt.Errorf("%s: %w", file, err)
}

// instanceConfig builds the guest's WASI environment from the flags.
// cleanup closes the listeners it opened.
func instanceConfig(o *runOptions, file string, guestArgs []string, stdin io.Reader, stdout, stderr io.Writer) (wasmrun.InstanceConfig, func(), error) {
	cfg := wasmrun.InstanceConfig{
		Args:   append([]string{file}, guestArgs...),
		Stdin:  stdin,
		Stdout: stdout,
		Stderr: stderr,
	}
	if o.envInherit {
		cfg.Env = append(cfg.Env, os.Environ()...)
	}
	for _, kv := range o.envs {
		if !strings.Contains(kv, "=") {
			return cfg, func() {}, fmt.Errorf("--env %q: want KEY=VALUE", kv)
		}
		cfg.Env = append(cfg.Env, kv)
	}
	for _, d := range o.dirs {
		p, err := parseDir(d)
		if err != nil {
			return cfg, func() {}, err
		}
		cfg.Preopens = append(cfg.Preopens, p)
	}
	cleanup := func() {
		for _, l := range cfg.Listeners {
			l.Close()
		}
	}
	for _, addr := range o.listen {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			cleanup()
			return cfg, func() {}, fmt.Errorf("--listen %s: %w", addr, err)
		}
		cfg.Listeners = append(cfg.Listeners, ln)
	}
	return cfg, cleanup, nil
}

// parseDir parses "HOST[::GUEST][:ro]".
func parseDir(s string) (wasmrun.Preopen, error) {
	var p wasmrun.Preopen
	if rest, ok := strings.CutSuffix(s, ":ro"); ok {
		p.ReadOnly = true
		s = rest
	}
	host, guest, ok := strings.Cut(s, "::")
	if !ok {
		guest = host
	}
	if host == "" || guest == "" {
		return p, fmt.Errorf("--dir %q: want HOST[::GUEST][:ro]", s)
	}
	p.HostDir, p.GuestPath = host, guest
	return p, nil
}

// parseMemorySize parses a --max-memory value into pages (0: no flag).
func parseMemorySize(s string) (uint64, error) {
	if s == "" {
		return 0, nil
	}
	if n, ok := strings.CutSuffix(s, "p"); ok {
		pages, err := strconv.ParseUint(n, 10, 64)
		if err != nil || pages == 0 || pages > wasm.MaxPages32 {
			return 0, fmt.Errorf("--max-memory %q: want 1..65536 pages", s)
		}
		return pages, nil
	}
	n, err := parseSize(s)
	if err != nil {
		return 0, fmt.Errorf("--max-memory %q: want a size such as 64MiB, 1GiB or 256p", s)
	}
	pages := n / wasm.PageSize
	if pages == 0 {
		return 0, fmt.Errorf("--max-memory %q: less than one 64 KiB page", s)
	}
	return min(pages, wasm.MaxPages32), nil
}

// parseSize parses a positive size in bytes with an optional unit (KiB,
// MiB, GiB, K, M, G or B).
func parseSize(s string) (uint64, error) {
	units := []struct {
		suffix string
		mult   uint64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"K", 1000}, {"M", 1000 * 1000}, {"G", 1000 * 1000 * 1000}, {"B", 1}}
	mult, num := uint64(1), s
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			mult, num = u.mult, n
			break
		}
	}
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil || n == 0 || n > math.MaxUint64/mult {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}

// invoke calls export name with args parsed by its parameter types and
// prints the results. A failed call is reported as status -1 with the
// call's error.
func invoke(ctx context.Context, inst *wasmrun.Instance, name string, args []string, file string, stdout io.Writer) (int, error) {
	fn := inst.ExportedFunction(name)
	if fn == nil {
		return 1, fmt.Errorf("%s: no exported function %q", file, name)
	}
	ft := fn.Type()
	if len(args) != len(ft.Params) {
		return 2, fmt.Errorf("--invoke %s: function type %s takes %d arguments, got %d", name, ft, len(ft.Params), len(args))
	}
	var slots []uint64
	for i, a := range args {
		v, err := parseValue(ft.Params[i], a)
		if err != nil {
			return 2, fmt.Errorf("--invoke %s: argument %d: %w", name, i+1, err)
		}
		slots = append(slots, v...)
	}
	res, err := fn.Call(ctx, slots...)
	if err != nil {
		return -1, err
	}
	for _, t := range ft.Results {
		fmt.Fprintln(stdout, formatValue(t, res))
		res = res[t.Slots():]
	}
	return 0, nil
}

// parseValue parses a command-line argument as a value of type t.
func parseValue(t wasm.ValType, s string) ([]uint64, error) {
	switch t {
	case wasm.I32:
		if v, err := strconv.ParseInt(s, 0, 32); err == nil {
			return []uint64{uint64(uint32(v))}, nil
		}
		v, err := strconv.ParseUint(s, 0, 32)
		return []uint64{v}, err
	case wasm.I64:
		if v, err := strconv.ParseInt(s, 0, 64); err == nil {
			return []uint64{uint64(v)}, nil
		}
		v, err := strconv.ParseUint(s, 0, 64)
		return []uint64{v}, err
	case wasm.F32:
		v, err := strconv.ParseFloat(s, 32)
		return []uint64{uint64(math.Float32bits(float32(v)))}, err
	case wasm.F64:
		v, err := strconv.ParseFloat(s, 64)
		return []uint64{math.Float64bits(v)}, err
	}
	return nil, fmt.Errorf("parameters of type %s cannot be given on the command line", t)
}

// formatValue prints the value of type t at the start of slots.
func formatValue(t wasm.ValType, slots []uint64) string {
	switch t {
	case wasm.I32:
		return strconv.FormatInt(int64(int32(slots[0])), 10)
	case wasm.I64:
		return strconv.FormatInt(int64(slots[0]), 10)
	case wasm.F32:
		return strconv.FormatFloat(float64(math.Float32frombits(uint32(slots[0]))), 'g', -1, 32)
	case wasm.F64:
		return strconv.FormatFloat(math.Float64frombits(slots[0]), 'g', -1, 64)
	case wasm.V128:
		return fmt.Sprintf("0x%016x%016x", slots[1], slots[0])
	}
	if slots[0] == 0 {
		return "null"
	}
	return fmt.Sprintf("%s:%#x", t, slots[0])
}
