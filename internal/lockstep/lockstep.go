// Package lockstep runs a WASI program on two engines at once and stops
// at the first call where they disagree: a call of a different function,
// different arguments or results, a different store to memory (with
// Config.Stores), or a different end (exit status, trap, output).
//
// The module is rewritten by package instrument so that it reports its
// calls and stores; both engines run the same rewritten module with the
// same deterministic WASI environment (arguments, environment, stdin, a
// stepping clock, a seeded random source, and a private copy of each
// preopened directory), and a comparer reads the two event streams side
// by side. Bisecting a miscompilation this way needs no knowledge of the
// program: the report names the function, the call stack, and the first
// value that differs.
package lockstep

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/instrument"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasi"
	"github.com/wasmrun/wasmrun/wasm"
)

// Config describes the run.
type Config struct {
	// Engines are the two engines compared (default: the interpreter and
	// the JIT).
	Engines [2]wasmrun.EngineKind
	// Args are the program's arguments after its name.
	Args []string
	// Env are environment variables as KEY=VALUE.
	Env []string
	// Stdin is what both runs read on descriptor 0.
	Stdin []byte
	// Dirs are host directories preopened under the same guest path;
	// each engine gets its own copy of each, and the copies are compared
	// after the run.
	Dirs []Dir
	// Stores also compares every store to memory and every bulk memory
	// operation (slower; finds a divergence closer to its cause).
	Stores bool
	// Fuel, when positive, limits each engine's run.
	Fuel int64
	// Setup, when set, runs before instantiation on each engine's runtime
	// (to instantiate host modules the program imports besides WASI).
	Setup func(ctx context.Context, rt *wasmrun.Runtime, mod *wasmrun.CompiledModule) error
	// Drive runs the instance; nil calls its _start export. Reactors
	// (modules driven through other exports) pass their protocol here.
	// It runs once per engine, concurrently.
	Drive func(ctx context.Context, inst *wasmrun.Instance) error

	// second, when set, is the module the second engine runs instead of
	// the first's (tests compare a module with a mutated copy).
	second []byte
}

// Dir is a preopened directory.
type Dir struct {
	Host, Guest string
}

// Outcome is how one engine's run ended.
type Outcome struct {
	Engine         wasmrun.EngineKind
	Stdout, Stderr []byte
	Exit           int    // exit status (proc_exit or 0), when End is ""
	End            string // the trap or error that ended the run, or ""
	Events         uint64 // events reported
}

// Difference is the first disagreement.
type Difference struct {
	Event uint64   // index of the first differing event (0-based)
	Stack []string // call stack at the difference, outermost first
	What  string   // what differs
	Value [2]string
}

func (d *Difference) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "event %d: %s\n", d.Event, d.What)
	fmt.Fprintf(&b, "  first:  %s\n  second: %s\n", d.Value[0], d.Value[1])
	if len(d.Stack) > 0 {
		b.WriteString("  call stack (innermost first):\n")
		for i := len(d.Stack) - 1; i >= 0 && i >= len(d.Stack)-30; i-- {
			fmt.Fprintf(&b, "    %s\n", d.Stack[i])
		}
		if len(d.Stack) > 30 {
			fmt.Fprintf(&b, "    ... %d more\n", len(d.Stack)-30)
		}
	}
	return b.String()
}

// Result is what Run found.
type Result struct {
	Outcomes [2]Outcome
	// Diff is the first difference, or nil when the runs agree on every
	// event, their ends, their output and their directories.
	Diff *Difference
}

type event struct {
	kind, a uint32
	b       uint64
}

const batchSize = 1 << 14

// Run runs the module src on both engines.
func Run(ctx context.Context, src []byte, cfg Config) (*Result, error) {
	if cfg.Engines[0] == "" {
		cfg.Engines = [2]wasmrun.EngineKind{wasmrun.EngineInterp, wasmrun.EngineJIT}
	}
	m, err := wasmrun.Decode(src)
	if err != nil {
		return nil, err
	}
	if _, err := validate.Module(m); err != nil {
		return nil, err
	}
	im, info, err := instrument.Module(m, instrument.Options{Stores: cfg.Stores})
	if err != nil {
		return nil, err
	}
	bins := [2][]byte{binary.Encode(im), nil}
	bins[1] = bins[0]
	if cfg.second != nil {
		m2, err := wasmrun.Decode(cfg.second)
		if err != nil {
			return nil, err
		}
		im2, _, err := instrument.Module(m2, instrument.Options{Stores: cfg.Stores})
		if err != nil {
			return nil, err
		}
		bins[1] = binary.Encode(im2)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var res Result
	streams := [2]chan []event{make(chan []event, 8), make(chan []event, 8)}
	var wg sync.WaitGroup
	errs := [2]error{}
	dirs := [2][]Dir{}
	for e := range 2 {
		d, err := copyDirs(cfg.Dirs)
		if err != nil {
			return nil, err
		}
		dirs[e] = d
		defer func() {
			for _, x := range d {
				os.RemoveAll(x.Host)
			}
		}()
	}
	for e := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(streams[e])
			errs[e] = runOne(ctx, bins[e], cfg, dirs[e], cfg.Engines[e], streams[e], &res.Outcomes[e])
		}()
	}
	res.Diff = compare(streams, info)
	if res.Diff != nil {
		cancel()
	}
	// Drain whatever the runs still report until they stop.
	for e := range 2 {
		for range streams[e] {
		}
	}
	wg.Wait()
	for e := range 2 {
		if errs[e] != nil {
			return nil, fmt.Errorf("%s: %w", cfg.Engines[e], errs[e])
		}
	}
	if res.Diff != nil {
		return &res, nil
	}
	res.Diff = compareEnds(&res, dirs)
	return &res, nil
}

// runOne runs the instrumented module on one engine, sending its events
// in batches.
func runOne(ctx context.Context, bin []byte, cfg Config, dirs []Dir, kind wasmrun.EngineKind, out chan<- []event, o *Outcome) error {
	o.Engine = kind
	rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: kind, Fuel: cfg.Fuel})
	if err != nil {
		return err
	}
	defer rt.Close(ctx)
	batch := make([]event, 0, batchSize)
	flush := func() bool {
		if len(batch) == 0 {
			return true
		}
		select {
		case out <- batch:
			batch = make([]event, 0, batchSize)
			return true
		case <-ctx.Done():
			batch = batch[:0]
			return false
		}
	}
	_, err = rt.NewHostModule(instrument.ImportModule).Func(instrument.ImportName,
		[]wasm.ValType{wasm.I32, wasm.I32, wasm.I64}, nil,
		func(_ context.Context, _ *wasmrun.Caller, s []uint64) {
			batch = append(batch, event{uint32(s[0]), uint32(s[1]), s[2]})
			o.Events++
			if len(batch) == batchSize {
				flush()
			}
		}).Instantiate(ctx)
	if err != nil {
		return err
	}
	var stdout, stderr bytes.Buffer
	icfg := wasmrun.InstanceConfig{
		Args:   append([]string{"main.wasm"}, cfg.Args...),
		Env:    cfg.Env,
		Stdin:  bytes.NewReader(cfg.Stdin),
		Stdout: &stdout,
		Stderr: &stderr,
		Clock:  &steppingClock{},
		Random: mrand.NewChaCha8([32]byte{'w', 'a', 's', 'm', 'r', 'u', 'n'}),
	}
	for _, d := range dirs {
		icfg.Preopens = append(icfg.Preopens, wasmrun.Preopen{HostDir: d.Host, GuestPath: d.Guest})
	}
	mod, err := rt.Compile(ctx, bin)
	if err != nil {
		return err
	}
	if cfg.Setup != nil {
		if err := cfg.Setup(ctx, rt, mod); err != nil {
			return err
		}
	}
	inst, err := rt.Instantiate(ctx, mod, icfg)
	if err == nil {
		defer inst.Close(ctx)
	}
	switch {
	case err != nil:
	case cfg.Drive != nil:
		err = cfg.Drive(ctx, inst)
	default:
		if start := inst.ExportedFunction("_start"); start != nil {
			_, err = start.Call(ctx)
		} else {
			err = errors.New("no exported function _start")
		}
	}
	flush()
	o.Stdout, o.Stderr = stdout.Bytes(), stderr.Bytes()
	var exit *wasi.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		o.Exit = int(exit.Code)
		if exit.Signal != 0 {
			o.Exit = 128 + int(exit.Signal)
		}
	default:
		o.End = err.Error()
	}
	return nil
}

// compare reads both streams event by event and returns the first
// difference, or nil when they end together without one.
func compare(streams [2]chan []event, info *instrument.Info) *Difference {
	var cur [2][]event
	var open [2]bool
	open[0], open[1] = true, true
	var stack []string
	var n uint64
	var lastFunc uint32
	for {
		for e := range 2 {
			if len(cur[e]) == 0 && open[e] {
				cur[e], open[e] = <-streams[e]
			}
		}
		if len(cur[0]) == 0 || len(cur[1]) == 0 {
			if len(cur[0]) == len(cur[1]) {
				return nil
			}
			d := &Difference{Event: n, Stack: stack, What: "one run reports more events than the other"}
			for e := range 2 {
				d.Value[e] = "ended"
				if len(cur[e]) > 0 {
					d.Value[e] = describe(cur[e][0], info)
				}
			}
			return d
		}
		k := min(len(cur[0]), len(cur[1]))
		for i := 0; i < k; i++ {
			x, y := cur[0][i], cur[1][i]
			if !same(x, y) {
				d := &Difference{Event: n, Stack: stack}
				d.Value[0], d.Value[1] = describe(x, info), describe(y, info)
				caller := func(depth int) string {
					if len(stack) > depth {
						return ", called from " + stack[len(stack)-1-depth]
					}
					return ""
				}
				switch instrument.Kind(x.kind & 0xff) {
				case instrument.Arg:
					d.What = "an argument of " + info.FuncName(lastFunc) + caller(1)
				case instrument.Result:
					d.What = "a result of " + info.FuncName(lastFunc) + caller(0)
				case instrument.Store, instrument.Bulk:
					d.What = "a store to memory"
					if len(stack) > 0 {
						d.What += " in " + stack[len(stack)-1]
					}
				default:
					d.What = "the next event"
					if len(stack) > 0 {
						d.What += " in " + stack[len(stack)-1]
					}
				}
				return d
			}
			switch instrument.Kind(x.kind) {
			case instrument.Enter:
				lastFunc = x.a
				stack = append(stack, info.FuncName(x.a))
			case instrument.Leave:
				lastFunc = x.a
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
			n++
		}
		cur[0], cur[1] = cur[0][k:], cur[1][k:]
	}
}

// same compares two events, quiet NaNs as one class (the engines may
// produce different quiet NaNs where the spec allows any).
func same(x, y event) bool {
	if x.kind != y.kind || x.a != y.a {
		return false
	}
	if x.b == y.b {
		return true
	}
	t := wasm.ValType(x.a)
	switch instrument.Kind(x.kind & 0xff) {
	case instrument.Store:
		t = wasm.ValType(x.kind >> 16)
	case instrument.Arg, instrument.Result:
	default:
		return false
	}
	return quietNaN(t, x.b) && quietNaN(t, y.b)
}

func quietNaN(t wasm.ValType, v uint64) bool {
	switch t {
	case wasm.F32:
		f := math.Float32frombits(uint32(v))
		return f != f && v&(1<<22) != 0
	case wasm.F64:
		f := math.Float64frombits(v)
		return f != f && v&(1<<51) != 0
	}
	return false
}

// describe prints an event.
func describe(x event, info *instrument.Info) string {
	switch k := instrument.Kind(x.kind & 0xff); k {
	case instrument.Enter:
		return "call " + info.FuncName(x.a)
	case instrument.Leave:
		return "return from " + info.FuncName(x.a)
	case instrument.Arg, instrument.Result:
		name := map[instrument.Kind]string{instrument.Arg: "argument", instrument.Result: "result"}[k]
		return fmt.Sprintf("%s %s", name, value(wasm.ValType(x.a), x.b))
	case instrument.Store:
		return fmt.Sprintf("store of %d bytes at %#x: %s", x.kind>>8&0xff, x.a, value(wasm.ValType(x.kind>>16), x.b))
	case instrument.Bulk:
		op := map[uint32]string{instrument.BulkFill: "memory.fill", instrument.BulkCopy: "memory.copy", instrument.BulkInit: "memory.init"}[x.kind>>8&0xff]
		return fmt.Sprintf("%s dst %#x, %#x, length %d", op, x.a, x.b>>32, uint32(x.b))
	}
	return fmt.Sprintf("event %#x %#x %#x", x.kind, x.a, x.b)
}

func value(t wasm.ValType, v uint64) string {
	switch t {
	case wasm.I32:
		return fmt.Sprintf("i32 %d (%#x)", int32(v), uint32(v))
	case wasm.I64:
		return fmt.Sprintf("i64 %d (%#x)", int64(v), v)
	case wasm.F32:
		return fmt.Sprintf("f32 %g (%#x)", math.Float32frombits(uint32(v)), uint32(v))
	case wasm.F64:
		return fmt.Sprintf("f64 %g (%#x)", math.Float64frombits(v), v)
	case wasm.V128:
		return fmt.Sprintf("v128 half %#016x", v)
	}
	if v != 0 {
		return t.String() + " null"
	}
	return t.String() + " non-null"
}

// compareEnds compares how the runs ended, their output and their
// directories.
func compareEnds(res *Result, dirs [2][]Dir) *Difference {
	a, b := &res.Outcomes[0], &res.Outcomes[1]
	end := func(o *Outcome) string {
		if o.End != "" {
			return o.End
		}
		return fmt.Sprintf("exit status %d", o.Exit)
	}
	d := &Difference{Event: a.Events}
	switch {
	case end(a) != end(b):
		d.What, d.Value = "how the runs ended", [2]string{end(a), end(b)}
	case !bytes.Equal(a.Stdout, b.Stdout):
		d.What, d.Value = "standard output", firstDiff(a.Stdout, b.Stdout)
	case !bytes.Equal(a.Stderr, b.Stderr):
		d.What, d.Value = "standard error", firstDiff(a.Stderr, b.Stderr)
	default:
		for i := range dirs[0] {
			if what, v, ok := compareTrees(dirs[0][i].Host, dirs[1][i].Host); !ok {
				d.What, d.Value = fmt.Sprintf("directory %s: %s", dirs[0][i].Guest, what), v
				return d
			}
		}
		return nil
	}
	return d
}

// firstDiff shows both byte strings from a little before their first
// difference.
func firstDiff(a, b []byte) [2]string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-40)
	show := func(s []byte) string {
		to := min(len(s), i+40)
		if from > len(s) {
			return fmt.Sprintf("(%d bytes)", len(s))
		}
		return fmt.Sprintf("byte %d of %d: %q", i, len(s), s[from:to])
	}
	return [2]string{show(a), show(b)}
}

// copyDirs copies each directory into a fresh temporary one.
func copyDirs(dirs []Dir) ([]Dir, error) {
	var out []Dir
	for _, d := range dirs {
		tmp, err := os.MkdirTemp("", "wasmrun-lockstep-")
		if err != nil {
			return nil, err
		}
		if err := os.CopyFS(tmp, os.DirFS(d.Host)); err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("copying %s: %w", d.Host, err)
		}
		out = append(out, Dir{Host: tmp, Guest: d.Guest})
	}
	return out, nil
}

// compareTrees compares two directory trees' names and file contents.
func compareTrees(a, b string) (string, [2]string, bool) {
	list := func(root string) (map[string][]byte, error) {
		files := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if d.Type().IsRegular() {
				f, err := os.Open(p)
				if err != nil {
					return err
				}
				defer f.Close()
				data, err := io.ReadAll(io.LimitReader(f, 64<<20))
				files[rel] = data
				return err
			}
			files[rel+"/"] = nil
			return nil
		})
		return files, err
	}
	fa, err := list(a)
	if err != nil {
		return "unreadable", [2]string{err.Error(), ""}, false
	}
	fb, err := list(b)
	if err != nil {
		return "unreadable", [2]string{"", err.Error()}, false
	}
	for name, da := range fa {
		db, ok := fb[name]
		if !ok {
			return name, [2]string{"present", "absent"}, false
		}
		if !bytes.Equal(da, db) {
			return name, firstDiff(da, db), false
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			return name, [2]string{"absent", "present"}, false
		}
	}
	return "", [2]string{}, true
}

// steppingClock is a deterministic clock: every reading is 1 µs after the
// previous one.
type steppingClock struct {
	mu sync.Mutex
	t  uint64
}

func (c *steppingClock) Now(uint32) (uint64, wasi.Errno) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t += 1000
	return 1_700_000_000_000_000_000 + c.t, 0
}

func (c *steppingClock) Resolution(uint32) (uint64, wasi.Errno) { return 1000, 0 }
