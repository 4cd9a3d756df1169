package spectest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// fakeEngine records what the runner asks of it. Every instance exports
// what its module exports; calling a function runs funcs[name] and reading
// a global returns globals[name].
type fakeEngine struct {
	calls   []string
	funcs   map[string]func(args []Value) ([]Value, error)
	globals map[string]Value
	// failInstantiate makes Instantiate fail with this error after
	// resolving the imports.
	failInstantiate error
	// ctxHook, when set, runs with the context of each Instantiate of a
	// module with a start function and each Invoke, and its error is
	// returned.
	ctxHook func(ctx context.Context) error
	n       int
}

type fakeInstance struct {
	e       *fakeEngine
	id      int
	exports map[string]bool
}

type fakeExtern struct {
	inst int
	name string
}

func (e *fakeEngine) Instantiate(ctx context.Context, m *wasm.Module, info *validate.Info, imports Resolver) (Instance, error) {
	if info == nil {
		return nil, errors.New("no validation info")
	}
	var linked []string
	for _, im := range m.Imports {
		x, ok := imports(im.Module, im.Name)
		if !ok {
			e.calls = append(e.calls, fmt.Sprintf("instantiate: unknown import %s.%s", im.Module, im.Name))
			return nil, fmt.Errorf("unknown import %s.%s", im.Module, im.Name)
		}
		fx := x.(fakeExtern)
		linked = append(linked, fmt.Sprintf("%s.%s=#%d.%s", im.Module, im.Name, fx.inst, fx.name))
	}
	if e.ctxHook != nil && m.HasStart {
		if err := e.ctxHook(ctx); err != nil {
			return nil, err
		}
	}
	if e.failInstantiate != nil {
		e.calls = append(e.calls, "instantiate: fail")
		return nil, e.failInstantiate
	}
	e.n++
	inst := &fakeInstance{e: e, id: e.n, exports: map[string]bool{}}
	for _, ex := range m.Exports {
		inst.exports[ex.Name] = true
	}
	e.calls = append(e.calls, fmt.Sprintf("instantiate #%d %v", inst.id, linked))
	return inst, nil
}

func (e *fakeEngine) NewHostInstance(h *HostModule) (Instance, error) {
	e.n++
	inst := &fakeInstance{e: e, id: e.n, exports: map[string]bool{}}
	for _, f := range h.Funcs {
		inst.exports[f.Name] = true
	}
	for _, g := range h.Globals {
		inst.exports[g.Name] = true
	}
	for _, t := range h.Tables {
		inst.exports[t.Name] = true
	}
	for _, m := range h.Memories {
		inst.exports[m.Name] = true
	}
	e.calls = append(e.calls, fmt.Sprintf("host #%d", inst.id))
	return inst, nil
}

func (i *fakeInstance) Invoke(ctx context.Context, name string, args []Value) ([]Value, error) {
	i.e.calls = append(i.e.calls, fmt.Sprintf("invoke #%d %s %s", i.id, name, formatValues(args)))
	if i.e.ctxHook != nil {
		if err := i.e.ctxHook(ctx); err != nil {
			return nil, err
		}
	}
	f, ok := i.e.funcs[name]
	if !ok || !i.exports[name] {
		return nil, fmt.Errorf("unknown export %s", name)
	}
	return f(args)
}

func (e *fakeEngine) Close() error {
	e.calls = append(e.calls, "close")
	return nil
}

func (i *fakeInstance) Global(name string) (Value, error) {
	i.e.calls = append(i.e.calls, fmt.Sprintf("get #%d %s", i.id, name))
	v, ok := i.e.globals[name]
	if !ok || !i.exports[name] {
		return Value{}, fmt.Errorf("unknown global %s", name)
	}
	return v, nil
}

func (i *fakeInstance) Export(name string) (Extern, bool) {
	if !i.exports[name] {
		return nil, false
	}
	return fakeExtern{inst: i.id, name: name}, true
}

// verdict is the part of a Result the runner tests compare.
type verdict struct {
	Line    int
	Outcome Outcome
}

func verdicts(rs []Result) []verdict {
	out := make([]verdict, len(rs))
	for i, r := range rs {
		out[i] = verdict{r.Line, r.Outcome}
	}
	return out
}

func runScript(t *testing.T, src string, e Engine) ([]Result, Stats) {
	t.Helper()
	s, err := ParseScript("t.wast", []byte(src))
	if err != nil {
		t.Fatalf("ParseScript: %v", err)
	}
	opts := Options{}
	if e != nil {
		opts.Engine = e
	}
	return Run(s, opts)
}

func constFn(vs ...Value) func([]Value) ([]Value, error) {
	return func([]Value) ([]Value, error) { return vs, nil }
}

func trapFn(msg string) func([]Value) ([]Value, error) {
	return func([]Value) ([]Value, error) { return nil, errors.New(msg) }
}

func TestRunWithEngine(t *testing.T) {
	const exports = `(module $M (func (export "f") (param i32) (result i32) local.get 0)
  (func (export "nan32") (result f32) f32.const 0) (func (export "v") (result v128) v128.const i64x2 0 0)
  (func (export "trap")) (func (export "deep")) (func (export "two") (result i32 i64) i32.const 0 i64.const 0)
  (func (export "ref") (result externref) ref.null extern)
  (global (export "g") i32 (i32.const 0)))`
	funcs := map[string]func([]Value) ([]Value, error){
		"f":     func(args []Value) ([]Value, error) { return args, nil },
		"nan32": constFn(F32(0xFFC00000)),
		"v":     constFn(V128(0x7FF8000000000000, 0xFFF8000000000001)),
		"trap":  trapFn("wasm trap: integer divide by zero"),
		"deep":  trapFn("wasm trap: call stack exhausted"),
		"two":   constFn(I32(1), I64(2)),
		"ref":   constFn(ExternRef(4)),
	}
	tests := []struct {
		name  string
		cmds  string
		want  []verdict
		calls []string
	}{
		{
			name: "assert_return exact",
			cmds: `(assert_return (invoke "f" (i32.const 5)) (i32.const 5))
(assert_return (invoke "f" (i32.const 5)) (i32.const 6))
(assert_return (invoke "two") (i32.const 1) (i64.const 2))
(assert_return (invoke "two") (i32.const 1))
(assert_return (invoke "ref") (ref.extern 4))
(assert_return (invoke "ref") (ref.null extern))`,
			want: []verdict{{2, Passed}, {3, Failed}, {4, Passed}, {5, Failed}, {6, Passed}, {7, Failed}},
			calls: []string{"invoke #2 f (i32.const 5)", "invoke #2 f (i32.const 5)", "invoke #2 two ()",
				"invoke #2 two ()", "invoke #2 ref ()", "invoke #2 ref ()"},
		},
		{
			name: "nan patterns",
			cmds: `(assert_return (invoke "nan32") (f32.const nan:canonical))
(assert_return (invoke "nan32") (f32.const nan:arithmetic))
(assert_return (invoke "nan32") (f32.const nan))
(assert_return (invoke "nan32") (f32.const -nan))
(assert_return (invoke "nan32") (f64.const nan:canonical))
(assert_return (invoke "v") (v128.const f32x4 0 nan:arithmetic 0x1p-149 nan:arithmetic))
(assert_return (invoke "v") (v128.const f32x4 0 nan:canonical 0x1p-149 nan:arithmetic))
(assert_return (invoke "v") (v128.const f64x2 nan:canonical nan:arithmetic))
(assert_return (invoke "v") (v128.const f64x2 nan:canonical nan:canonical))
(assert_return (invoke "v") (v128.const i32x4 0 0x7ff80000 1 0xfff80000))`,
			want: []verdict{{2, Passed}, {3, Passed}, {4, Failed}, {5, Passed}, {6, Failed},
				{7, Passed}, {8, Failed}, {9, Passed}, {10, Failed}, {11, Passed}},
		},
		{
			name: "traps",
			cmds: `(assert_trap (invoke "trap") "integer divide by zero")
(assert_trap (invoke "trap") "integer overflow")
(assert_trap (invoke "f" (i32.const 1)) "unreachable")
(assert_exhaustion (invoke "deep") "call stack exhausted")
(assert_exhaustion (invoke "f" (i32.const 1)) "call stack exhausted")
(assert_return (invoke "trap"))`,
			want: []verdict{{2, Passed}, {3, Failed}, {4, Failed}, {5, Passed}, {6, Failed}, {7, Failed}},
		},
		{
			name: "get and actions",
			cmds: `(assert_return (get "g") (i32.const 42))
(assert_return (get $M "g") (i32.const 41))
(get "g")
(get "nope")
(invoke "f" (i32.const 0))
(invoke "trap")
(assert_return (invoke $Nope "f" (i32.const 0)) (i32.const 0))`,
			want:  []verdict{{2, Passed}, {3, Failed}, {4, Passed}, {5, Failed}, {6, Passed}, {7, Failed}, {8, Failed}},
			calls: []string{"get #2 g", "get #2 g", "get #2 g", "get #2 nope", "invoke #2 f (i32.const 0)", "invoke #2 trap ()"},
		},
		{
			name: "register and link",
			cmds: `(register "M")
(module $N (import "M" "f" (func (param i32) (result i32))) (import "spectest" "print_i32" (func (param i32)))
  (import "spectest" "global_i32" (global i32)) (import "spectest" "table" (table 10 funcref))
  (import "spectest" "memory" (memory 1)) (func (export "f") (param i32) (result i32) local.get 0))
(assert_return (invoke "f" (i32.const 1)) (i32.const 1))
(assert_return (invoke $M "f" (i32.const 2)) (i32.const 2))
(register "N" $N)
(module (import "N" "f" (func)))
(module (import "M" "nope" (func)))
(assert_return (invoke "f" (i32.const 3)) (i32.const 3))
(assert_unlinkable (module (import "M" "nope" (func))) "unknown import")
(assert_unlinkable (module (import "Q" "f" (func))) "incompatible import type")
(module $M2 (func))
(register "N2" $M)`,
			want: []verdict{{2, Passed}, {3, Passed}, {6, Passed}, {7, Passed}, {8, Passed}, {9, Passed},
				{10, Failed}, {11, Failed}, {12, Passed}, {13, Failed}, {14, Passed}, {15, Passed}},
			calls: []string{
				"instantiate #3 [M.f=#2.f spectest.print_i32=#1.print_i32 spectest.global_i32=#1.global_i32 spectest.table=#1.table spectest.memory=#1.memory]",
				"invoke #3 f (i32.const 1)",
				"invoke #2 f (i32.const 2)",
				"instantiate #4 [N.f=#3.f]",
				"instantiate: unknown import M.nope",
				// the failed definition leaves no current module
				"instantiate: unknown import M.nope",
				"instantiate: unknown import Q.f",
				"instantiate #5 []",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEngine{funcs: funcs, globals: map[string]Value{"g": I32(42)}}
			results, stats := runScript(t, exports+"\n"+tt.cmds, e)
			// Lines of the commands count from the end of the module.
			off := strings.Count(exports, "\n")
			want := []verdict{{1, Passed}}
			for _, v := range tt.want {
				want = append(want, verdict{v.Line + off, v.Outcome})
			}
			if diff := cmp.Diff(want, verdicts(results)); diff != "" {
				for _, r := range results {
					t.Log(r)
				}
				t.Errorf("verdicts mismatch (-want +got):\n%s", diff)
			}
			if tt.calls != nil {
				// The first calls create the host module and $M.
				if diff := cmp.Diff(tt.calls, e.calls[2:]); diff != "" {
					t.Errorf("engine calls mismatch (-want +got):\n%s", diff)
				}
			}
			var n Stats
			for _, r := range results {
				switch r.Outcome {
				case Passed:
					n.Passed++
				case Failed:
					n.Failed++
				case Skipped:
					n.Skipped++
				}
			}
			if stats.Passed != n.Passed || stats.Failed != n.Failed || stats.Skipped != n.Skipped {
				t.Errorf("stats %+v disagree with the results %+v", stats, n)
			}
		})
	}
}

// TestRunTimeout checks that Options.Timeout reaches the engine as a
// context deadline, and that there is none by default.
func TestRunTimeout(t *testing.T) {
	funcs := map[string]func([]Value) ([]Value, error){"spin": constFn()}
	e := &fakeEngine{funcs: funcs}
	var deadlines []bool
	e.ctxHook = func(ctx context.Context) error {
		_, has := ctx.Deadline()
		deadlines = append(deadlines, has)
		<-ctx.Done()
		return ctx.Err()
	}
	s, err := ParseScript("t.wast", []byte(`(module (func (export "spin")))
(assert_return (invoke "spin"))
(module (func $s) (start $s))`))
	if err != nil {
		t.Fatal(err)
	}
	results, _ := Run(s, Options{Engine: e, Timeout: 10 * time.Millisecond})
	if diff := cmp.Diff([]verdict{{1, Passed}, {2, Failed}, {3, Failed}}, verdicts(results)); diff != "" {
		t.Errorf("verdicts mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(results[1].Got, "deadline exceeded") {
		t.Errorf("timeout reported as %q", results[1].Got)
	}
	if diff := cmp.Diff([]bool{true, true}, deadlines); diff != "" {
		t.Errorf("deadlines mismatch (-want +got):\n%s", diff)
	}

	// Without a timeout the context has no deadline.
	e = &fakeEngine{funcs: funcs}
	deadlines = nil
	e.ctxHook = func(ctx context.Context) error {
		_, has := ctx.Deadline()
		deadlines = append(deadlines, has)
		return nil
	}
	results, _ = Run(s, Options{Engine: e})
	if diff := cmp.Diff([]verdict{{1, Passed}, {2, Passed}, {3, Passed}}, verdicts(results)); diff != "" {
		t.Errorf("verdicts mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]bool{false, false}, deadlines); diff != "" {
		t.Errorf("deadlines mismatch (-want +got):\n%s", diff)
	}
}

func TestRunModuleFailures(t *testing.T) {
	e := &fakeEngine{failInstantiate: errors.New("wasm trap: out of bounds memory access")}
	results, _ := runScript(t, `(module)
(assert_uninstantiable (module (memory 0)) "out of bounds memory access")
(assert_trap (module (memory 0)) "out of bounds memory access")
(assert_trap (module (memory 0)) "unreachable")
(assert_uninstantiable (module (func (result i32))) "out of bounds memory access")
(assert_trap (invoke "f") "unreachable")`, e)
	want := []verdict{{1, Failed}, {2, Passed}, {3, Passed}, {4, Failed}, {5, Failed}, {6, Failed}}
	if diff := cmp.Diff(want, verdicts(results)); diff != "" {
		t.Errorf("verdicts mismatch (-want +got):\n%s", diff)
	}
	if got := results[0].Got; !strings.Contains(got, "out of bounds") {
		t.Errorf("module failure reported as %q", got)
	}
	if got := results[5].Got; !strings.Contains(got, "no module instantiated") {
		t.Errorf("invoke without module reported as %q", got)
	}

	// An instantiation that succeeds fails the assertion.
	results, _ = runScript(t, `(assert_unlinkable (module) "unknown import")`, &fakeEngine{})
	if diff := cmp.Diff([]verdict{{1, Failed}}, verdicts(results)); diff != "" {
		t.Errorf("verdicts mismatch (-want +got):\n%s", diff)
	}
}

// TestRunValidationOnly checks that without an engine nothing that needs
// execution passes, and that module checks still run.
func TestRunValidationOnly(t *testing.T) {
	src := `(module $M (func (export "f") (result i32) i32.const 1))
(register "M")
(invoke "f")
(get "g")
(assert_return (invoke "f") (i32.const 1))
(assert_trap (invoke "f") "unreachable")
(assert_exhaustion (invoke "f") "call stack exhausted")
(assert_trap (module (func unreachable) (start 0)) "unreachable")
(assert_trap (module (func (result i32))) "unreachable")
(assert_unlinkable (module (import "M" "g" (func))) "unknown import")
(assert_unlinkable (module (func (result i32))) "unknown import")
(assert_uninstantiable (module (memory 0) (data (i32.const 1) "x")) "out of bounds memory access")
(assert_uninstantiable (module (func (result i32))) "out of bounds memory access")
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_invalid (module (func (result i32))) "something else")
(assert_invalid (module (func)) "type mismatch")
(assert_invalid (module quote "(func") "type mismatch")
(assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")
(assert_malformed (module binary "\00asm\02\00\00\00") "something else")
(assert_malformed (module binary "\00asm\01\00\00\00") "unexpected end")
(assert_malformed (module binary "\00asm\01\00\00\00" "\01\05\01\60\00\01\7f" "\03\02\01\00" "\0a\04\01\02\00\0b") "type mismatch")
(assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
(assert_malformed (module quote "(func)") "unknown operator")
(module binary "\00asm\01\00\00\00")
(module binary "\00asm")
(module (func (result i32)))
(module quote "(func" ")")
(frobnicate)`
	results, stats := runScript(t, src, nil)
	want := []verdict{
		{1, Passed}, {2, Skipped}, {3, Skipped}, {4, Skipped}, {5, Skipped}, {6, Skipped}, {7, Skipped},
		{8, Skipped}, {9, Failed}, {10, Skipped}, {11, Failed}, {12, Skipped}, {13, Failed},
		{14, Passed}, {15, Passed}, {16, Failed}, {17, Failed},
		{18, Passed}, {19, Passed}, {20, Failed}, {21, Failed}, {22, Passed}, {23, Failed},
		{24, Passed}, {25, Failed}, {26, Failed}, {27, Passed}, {28, Failed},
	}
	if diff := cmp.Diff(want, verdicts(results)); diff != "" {
		for _, r := range results {
			t.Log(r)
		}
		t.Errorf("verdicts mismatch (-want +got):\n%s", diff)
	}
	wantStats := Stats{Passed: 8, Failed: 11, Skipped: 9,
		MalformedMatched: 1, MalformedTotal: 4, QuoteMatched: 0, QuoteTotal: 2,
		InvalidMatched: 1, InvalidTotal: 4}
	// Whether the text parser's message contains "unknown operator" is
	// the text package's business; do not depend on it here.
	if diff := cmp.Diff(wantStats, stats, cmpopts.IgnoreFields(Stats{}, "QuoteMatched")); diff != "" {
		t.Errorf("stats mismatch (-want +got):\n%s", diff)
	}
	for _, r := range results {
		if r.Outcome == Skipped && r.Got != "not run (validation only)" {
			t.Errorf("%s: skipped result says %q", r.Location(), r.Got)
		}
	}
	// Unmatched messages are reported on passing commands.
	if r := results[14]; r.Mismatch == "" || r.Expected != `"something else"` {
		t.Errorf("line 15: Mismatch %q Expected %q, want the validation error and the expected message", r.Mismatch, r.Expected)
	}
	if r := results[13]; r.Mismatch != "" {
		t.Errorf("line 14: Mismatch %q, want none", r.Mismatch)
	}
}

// TestRunRecoversPanics checks that a panicking validator fails only its
// command.
func TestRunRecoversPanics(t *testing.T) {
	s, err := ParseScript("t.wast", []byte("(module)\n(module (func))"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	results, stats := Run(s, Options{Validate: func(m *wasm.Module) (*validate.Info, error) {
		n++
		if n == 1 {
			panic("boom")
		}
		return validate.Module(m)
	}})
	if diff := cmp.Diff([]verdict{{1, Failed}, {2, Passed}}, verdicts(results)); diff != "" {
		t.Errorf("verdicts mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(results[0].Got, "panic: boom") {
		t.Errorf("panic reported as %q", results[0].Got)
	}
	if stats.Failed != 1 || stats.Passed != 1 {
		t.Errorf("stats %+v", stats)
	}
}

func TestEngineRegistry(t *testing.T) {
	if f, ok := LookupEngine(NoEngine); !ok || f != nil {
		t.Errorf("LookupEngine(none) = %v, %v; want nil, true", f, ok)
	}
	if _, ok := LookupEngine("no-such-engine"); ok {
		t.Error("LookupEngine(no-such-engine) succeeded")
	}
	RegisterEngine("fake-test", func() Engine { return &fakeEngine{} })
	// The fake engine must not leak into tests that run every registered
	// engine over the suite.
	t.Cleanup(func() {
		enginesMu.Lock()
		delete(engines, "fake-test")
		enginesMu.Unlock()
	})
	if f, ok := LookupEngine("fake-test"); !ok || f() == nil {
		t.Error("registered engine not found")
	}
	names := EngineNames()
	if names[0] != NoEngine || !contains(names, "fake-test") {
		t.Errorf("EngineNames() = %v", names)
	}
	for _, bad := range []string{"fake-test", NoEngine} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RegisterEngine(%q) did not panic", bad)
				}
			}()
			RegisterEngine(bad, func() Engine { return &fakeEngine{} })
		}()
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSpectestModule checks the host module's exports.
func TestSpectestModule(t *testing.T) {
	var out strings.Builder
	h := SpectestModule(&out)
	var names []string
	for _, f := range h.Funcs {
		names = append(names, f.Name+" "+f.Type.String())
	}
	for _, g := range h.Globals {
		names = append(names, g.Name+" "+g.Value.String())
	}
	for _, tb := range h.Tables {
		names = append(names, fmt.Sprintf("%s %v %+v", tb.Name, tb.Type.Elem, tb.Type.Limits))
	}
	for _, m := range h.Memories {
		names = append(names, fmt.Sprintf("%s %+v", m.Name, m.Type.Limits))
	}
	want := []string{
		"print [] -> []", "print_i32 [i32] -> []", "print_i64 [i64] -> []", "print_f32 [f32] -> []",
		"print_f64 [f64] -> []", "print_i32_f32 [i32 f32] -> []", "print_f64_f64 [f64 f64] -> []",
		"global_i32 (i32.const 666)", "global_i64 (i64.const 666)",
		"global_f32 (f32.const 666.6 (;0x4426a666;))", "global_f64 (f64.const 666.6 (;0x4084d4cccccccccd;))",
		"table funcref {Min:10 Max:20 HasMax:true}",
		"table64 funcref {Min:10 Max:20 HasMax:true}", "memory {Min:1 Max:2 HasMax:true}",
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("spectest exports mismatch (-want +got):\n%s", diff)
	}
	if _, err := h.Funcs[1].Call([]Value{I32(7)}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "(i32.const 7)\n" {
		t.Errorf("print_i32 printed %q", got)
	}
}

// featureEngine is a fakeEngine that runs the 3.0 features in feats.
type featureEngine struct {
	fakeEngine
	feats wasm.Features
}

func (e *featureEngine) Features() wasm.Features { return e.feats }

// TestRunnerRefusesUnsupportedFeatures checks that a module using a 3.0
// feature reaches only an engine that runs it.
func TestRunnerRefusesUnsupportedFeatures(t *testing.T) {
	src := []byte(`(module (func $f (return_call $f)))
(module (func))`)
	s, err := ParseScript("t.wast", src)
	if err != nil {
		t.Fatal(err)
	}
	plain := &fakeEngine{}
	results, _ := Run(s, Options{Engine: plain, Features: wasm.Features3})
	if diff := cmp.Diff([]verdict{{1, Failed}, {2, Passed}}, verdicts(results)); diff != "" {
		t.Errorf("2.0 engine: verdicts mismatch (-want +got):\n%s", diff)
	}
	if want := "tail calls is not supported by the engine"; !strings.Contains(results[0].Got, want) {
		t.Errorf("2.0 engine: got %q, want %q", results[0].Got, want)
	}
	tail := &featureEngine{feats: wasm.FeatureTailCall}
	results, _ = Run(s, Options{Engine: tail, Features: wasm.Features3})
	if diff := cmp.Diff([]verdict{{1, Passed}, {2, Passed}}, verdicts(results)); diff != "" {
		t.Errorf("tail-call engine: verdicts mismatch (-want +got):\n%s", diff)
	}
}
