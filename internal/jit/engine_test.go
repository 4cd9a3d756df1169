//go:build linux && (amd64 || arm64)

package jit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// A guest in an endless loop leaves the Go runtime healthy: other
// goroutines complete GC cycles while it runs, and cancelling its context
// stops it promptly — also when it shares the only P with them.
func TestInfiniteLoopGCAndCancel(t *testing.T) {
	for _, procs := range []int{1, max(2, runtime.GOMAXPROCS(0))} {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			testInfiniteLoopGCAndCancel(t)
		})
	}
}

func testInfiniteLoopGCAndCancel(t *testing.T) {
	// Settle the heap first: the cleanups of earlier tests' instances
	// (unmapping memories and stacks) would otherwise run in the cycles
	// measured below, which with one P share it with the guest.
	runtime.GC()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	inst := instantiate(t, New(Config{}), `(module (func (export "spin") (loop (br 0))))`, nil)
	f := inst.ExportedFunc("spin")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var stopped atomic.Int64
	go func() {
		err := f.Call(ctx, nil)
		stopped.Store(time.Now().UnixNano())
		done <- err
	}()
	// Let the guest run while this goroutine collects garbage.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.NumGC
	var sink [][]byte
	deadline := time.Now().Add(300 * time.Millisecond)
	for time.Now().Before(deadline) {
		sink = append(sink, make([]byte, 1<<16))
		if len(sink) > 64 {
			sink = sink[:0]
		}
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	// With one P the collector's concurrent work runs only while the
	// guest has yielded its time slice (every millisecond, or when the
	// scheduler preempts it), as it would beside a spinning goroutine.
	want := uint32(5)
	if runtime.GOMAXPROCS(0) == 1 {
		want = 2
	}
	if ms.NumGC-before < want {
		t.Errorf("only %d GC cycles completed while the guest ran, want %d", ms.NumGC-before, want)
	}
	t.Logf("%d GC cycles completed while the guest ran", ms.NumGC-before)
	select {
	case err := <-done:
		t.Fatalf("guest returned before cancellation: %v", err)
	default:
	}
	t0 := time.Now()
	cancel()
	err := <-done
	lat := time.Duration(stopped.Load() - t0.UnixNano())
	var trap *store.Trap
	if !errors.As(err, &trap) || trap.Code != store.TrapCancelled {
		t.Fatalf("err = %v, want a cancelled trap", err)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v does not wrap context.Canceled", err)
	}
	if lat > 10*time.Millisecond {
		t.Errorf("guest stopped %v after cancellation, want < 10ms", lat)
	}
	t.Logf("stopped %v after cancellation", lat)
}

// Fuel bounds loop iterations; the call depth limit gives the stack
// exhaustion trap.
func TestFuelAndDepth(t *testing.T) {
	src := `(module (func (export "spin") (loop (br 0)))
	  (func $r (export "rec") (call $r)))`
	inst := instantiate(t, New(Config{Fuel: 1000, MaxFrames: 100}), src, nil)
	tests := []struct {
		f    string
		want store.TrapCode
	}{{"spin", store.TrapOutOfFuel}, {"rec", store.TrapCallStackExhausted}}
	for _, tt := range tests {
		err := inst.ExportedFunc(tt.f).Call(context.Background(), nil)
		var trap *store.Trap
		if !errors.As(err, &trap) || trap.Code != tt.want {
			t.Errorf("%s: err = %v, want %v", tt.f, err, tt.want)
		}
	}
}

// Recursion as deep as the machine stack allows, through frames that skip
// the value-stack check (at most jit.SmallFrame bytes) after checked
// frames that brought the value stack close to its limit, ends in the
// stack exhaustion trap, never outside the mapped value stack.
func TestSmallFramesStayInValueStack(t *testing.T) {
	var big strings.Builder
	for i := 0; i < 200; i++ {
		big.WriteString(" (local i64)")
	}
	// $big(n) recurses n times through 1.7 KB frames, then $small
	// recurses through 200-byte frames until the machine stack is full.
	src := `(module
	  (func $small (param i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
	    (local.set 18 (i64.add (local.get 0) (i64.const 1)))
	    (i64.add (call $small (local.get 18)) (local.get 18)))
	  (func $big (export "big") (param i64) (result i64)` + big.String() + `
	    (if (result i64) (i64.eqz (local.get 0))
	      (then (call $small (i64.const 0)))
	      (else (call $big (i64.sub (local.get 0) (i64.const 1)))))))`
	inst := instantiate(t, New(Config{MaxFrames: 1 << 30}), src, nil)
	// The value stack's checked part holds about 40,000 big frames (it
	// would hold 60,000 without the slack for small frames).
	for n := uint64(36000); n <= 62000; n += 1000 {
		err := inst.ExportedFunc("big").Call(context.Background(), []uint64{n})
		var trap *store.Trap
		if !errors.As(err, &trap) || trap.Code != store.TrapCallStackExhausted {
			t.Errorf("big(%d): err = %v, want %v", n, err, store.TrapCallStackExhausted)
		}
	}
}

// Compiling the same module twice, in parallel, gives the same bytes.
func TestDeterministicParallelCompile(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("(module (memory 1) (global $g (mut i32) (i32.const 0))\n")
	for i := 0; i < 200; i++ {
		b.WriteString(`(func (param i32 i64) (result i64)
		  (local i32) (global.set $g (i32.add (global.get $g) (local.get 0)))
		  (if (result i64) (i32.eqz (local.get 0)) (then (local.get 1))
		    (else (i64.add (i64.load offset=8 (local.get 0)) (f64.const 1.5) (i64.trunc_sat_f64_s)))))
		`)
	}
	b.WriteString(")")
	m, err := text.ParseModule(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	e := New(Config{})
	var codes [2][]byte
	var wg sync.WaitGroup
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mc, err := e.Compile(m, info)
			if err != nil {
				t.Error(err)
				return
			}
			codes[i] = mc.(*module).Code()
		}()
	}
	wg.Wait()
	if len(codes[0]) == 0 || !bytes.Equal(codes[0], codes[1]) {
		t.Errorf("two compilations differ (%d and %d bytes)", len(codes[0]), len(codes[1]))
	}
}

// Host functions see their arguments and return results; a panic becomes
// a trap with a backtrace through the JIT frames.
func TestHostCalls(t *testing.T) {
	st := store.New(store.Config{})
	ft := wasm.FuncType{Params: []wasm.ValType{wasm.I64}, Results: []wasm.ValType{wasm.I64}}
	host := st.NewHostFunc(ft, "inc", func(_ context.Context, _ *store.Caller, s []uint64) {
		if s[0] == 150 {
			panic("one hundred and fifty")
		}
		s[0]++
	})
	imports := func(mod, name string) (store.Extern, bool) {
		return store.Extern{Kind: wasm.ExternFunc, Func: host}, mod == "env" && name == "inc"
	}
	inst := instantiate(t, New(Config{}), `(module (import "env" "inc" (func $inc (param i64) (result i64)))
	  (func $loop (export "loop") (param $n i64) (result i64) (local $acc i64)
	    (block (loop (br_if 1 (i64.eqz (local.get $n)))
	      (local.set $acc (call $inc (local.get $acc)))
	      (local.set $n (i64.sub (local.get $n) (i64.const 1))) (br 0)))
	    (local.get $acc))
	  (func (export "nested") (param i64) (result i64) (call $loop (local.get 0))))`, imports)
	stack := []uint64{100}
	if err := inst.ExportedFunc("loop").Call(context.Background(), stack); err != nil || stack[0] != 100 {
		t.Fatalf("loop(100) = %d, %v", stack[0], err)
	}
	stack[0] = 200
	err := inst.ExportedFunc("nested").Call(context.Background(), stack)
	var trap *store.Trap
	if !errors.As(err, &trap) || trap.Code != store.TrapHostPanic {
		t.Fatalf("err = %v, want a host panic trap", err)
	}
	if len(trap.Frames) != 2 || trap.Frames[0].Func != 1 || trap.Frames[1].Func != 2 {
		t.Errorf("backtrace %v, want func[1] then func[2]", trap.Frames)
	}
}

// BenchmarkHostCall measures one Wasm→host→Wasm round trip.
func BenchmarkHostCall(b *testing.B) {
	st := store.New(store.Config{})
	ft := wasm.FuncType{Params: []wasm.ValType{wasm.I64}, Results: []wasm.ValType{wasm.I64}}
	host := st.NewHostFunc(ft, "inc", func(_ context.Context, _ *store.Caller, s []uint64) { s[0]++ })
	imports := func(mod, name string) (store.Extern, bool) {
		return store.Extern{Kind: wasm.ExternFunc, Func: host}, true
	}
	inst := instantiate(b, New(Config{}), `(module (import "env" "inc" (func $inc (param i64) (result i64)))
	  (func (export "loop") (param $n i64) (result i64) (local $acc i64)
	    (block (loop (br_if 1 (i64.eqz (local.get $n)))
	      (local.set $acc (call $inc (local.get $acc)))
	      (local.set $n (i64.sub (local.get $n) (i64.const 1))) (br 0)))
	    (local.get $acc)))`, imports)
	f := inst.ExportedFunc("loop")
	stack := []uint64{0}
	const n = 1000
	b.ResetTimer()
	for b.Loop() {
		stack[0] = n
		if err := f.Call(context.Background(), stack); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/hostcall")
}

// An i32 from Go with garbage in its upper 32 bits (an argument, a host
// function's result) is the i32 of its low bits: compiled code, which
// keeps 32-bit values zero-extended, never sees the garbage.
func TestUpperBitsOfI32FromGoAreIgnored(t *testing.T) {
	st := store.New(store.Config{})
	ft := wasm.FuncType{Results: []wasm.ValType{wasm.I32}}
	host := st.NewHostFunc(ft, "dirty", func(_ context.Context, _ *store.Caller, s []uint64) {
		s[0] = 0xdead_beef_0000_0007
	})
	imports := func(mod, name string) (store.Extern, bool) {
		return store.Extern{Kind: wasm.ExternFunc, Func: host}, mod == "env" && name == "dirty"
	}
	inst := instantiate(t, New(Config{}), `(module (import "env" "dirty" (func $dirty (result i32)))
	  (func (export "f") (param i32 i32 i32 i32 i32 i32 i32) (result i64)
	    ;; locals 1-5, used in a loop, take the pinned registers
	    (loop (drop (i32.add (i32.add (local.get 1) (local.get 2)) (i32.add (local.get 3) (i32.add (local.get 4) (local.get 5))))))
	    (i64.add (i64.extend_i32_u (call $dirty))
	      (i64.add (i64.extend_i32_u (local.get 6)) (i64.extend_i32_u (local.get 0))))))`, imports)
	s := []uint64{0xffff_ffff_0000_0010, 1, 2, 3, 4, 5, 0x8000_0000_8000_0000}
	if err := inst.ExportedFunc("f").Call(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if want := uint64(7 + 0x10 + 0x8000_0000); s[0] != want {
		t.Errorf("f = %#x, want %#x", s[0], want)
	}
}

// panicCompiler is a function compiler with a bug.
type panicCompiler struct{ err error }

func (p panicCompiler) CompileFunc(*wasm.Module, *validate.FuncInfo, int, []uint32, []wasm.ValType) (*mach.Code, error) {
	panic(p.err)
}

// A compiler bug fails the compilation of the module with a CompileError
// naming the function, whose cause is an InternalError that keeps the
// panic's value and stack; the process goes on.
func TestCompilerPanicIsACompileError(t *testing.T) {
	bug := errors.New("the bug")
	saved := arch.newCompiler
	arch.newCompiler = func(bool) funcCompiler { return panicCompiler{bug} }
	defer func() { arch.newCompiler = saved }()
	m, err := text.ParseModule([]byte(`(module (import "m" "f" (func)) (func))`))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(Config{}).Compile(m, info)
	var ce *CompileError
	var ie *InternalError
	if !errors.As(err, &ce) || ce.Func != 1 || !errors.As(err, &ie) || len(ie.Stack) == 0 || !errors.Is(err, bug) {
		t.Fatalf("error %v (%T), want a CompileError of function 1 wrapping an InternalError wrapping the panic", err, err)
	}
	if want := "jit: function 1: internal error: the bug"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}
