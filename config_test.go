package wasmrun_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasi"
	"github.com/wasmrun/wasmrun/wasm"
)

// wasiEchoWat prints its arguments (one per line), then its environment,
// then the name of preopen 3 (when there is one), reads 8 random bytes and
// a clock, and exits with the number of arguments.
const wasiEchoWat = `(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "\n")
  (func $write (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 64) (local.get $ptr))
    (i32.store (i32.const 68) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 64) (i32.const 1) (i32.const 72))))
  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))
  ;; print n NUL-terminated strings whose pointers are at ptrs
  (func $lines (param $ptrs i32) (param $n i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $i) (i32.const 2)))))
        (call $write (i32.const 1) (local.get $s) (call $strlen (local.get $s)))
        (call $write (i32.const 1) (i32.const 0) (i32.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  (func (export "_start")
    (local $n i32)
    (drop (call $args_sizes_get (i32.const 80) (i32.const 84)))
    (drop (call $args_get (i32.const 1024) (i32.const 4096)))
    (call $lines (i32.const 1024) (i32.load (i32.const 80)))
    (drop (call $environ_sizes_get (i32.const 88) (i32.const 92)))
    (drop (call $environ_get (i32.const 2048) (i32.const 8192)))
    (call $lines (i32.const 2048) (i32.load (i32.const 88)))
    (if (i32.eqz (call $fd_prestat_get (i32.const 3) (i32.const 96)))
      (then
        (drop (call $fd_prestat_dir_name (i32.const 3) (i32.const 12288) (i32.load (i32.const 100))))
        (call $write (i32.const 1) (i32.const 12288) (i32.load (i32.const 100)))
        (call $write (i32.const 1) (i32.const 0) (i32.const 1))))
    ;; copy stdin to stderr (up to 256 bytes)
    (i32.store (i32.const 64) (i32.const 16384))
    (i32.store (i32.const 68) (i32.const 256))
    (drop (call $fd_read (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 76)))
    (call $write (i32.const 2) (i32.const 16384) (i32.load (i32.const 76)))
    (drop (call $random_get (i32.const 200) (i32.const 8)))
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 208)))
    (call $proc_exit (i32.load (i32.const 80)))))`

// Instances of one runtime, running at the same time, each have their own
// WASI arguments, environment, stdio, preopens, clock and random source.
func TestConcurrentWASIInstances(t *testing.T) { forEachEngine(t, testConcurrentWASIInstances) }

func testConcurrentWASIInstances(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	mod, err := rt.Compile(ctx, []byte(wasiEchoWat))
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	type result struct {
		code           int
		stdout, stderr string
		random, clock  uint64
	}
	got := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 20 {
				var out, errw bytes.Buffer
				args := []string{"prog"}
				for j := range i {
					args = append(args, fmt.Sprintf("a%d.%d", i, j))
				}
				inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{
					Args:     args,
					Env:      []string{fmt.Sprintf("ID=%d", i)},
					Stdin:    strings.NewReader(fmt.Sprintf("input %d", i)),
					Stdout:   &out,
					Stderr:   &errw,
					Preopens: []wasmrun.Preopen{{GuestPath: fmt.Sprintf("/dir%d", i), FS: fstest.MapFS{}}},
					Clock:    &wasi.FakeClock{Step: uint64(i + 1)},
					Random:   bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 8)),
				})
				if err != nil {
					t.Error(err)
					return
				}
				code, err := inst.Run(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				mem := inst.Memory()
				r, _ := mem.ReadUint64Le(200)
				c, _ := mem.ReadUint64Le(208)
				res := result{code, out.String(), errw.String(), r, c}
				if round > 0 && res != got[i] {
					t.Errorf("instance %d round %d: %+v, round 0 had %+v", i, round, res, got[i])
				}
				got[i] = res
				if err := inst.Close(ctx); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	for i, r := range got {
		var want result
		want.code = i + 1
		want.stdout = "prog\n"
		for j := range i {
			want.stdout += fmt.Sprintf("a%d.%d\n", i, j)
		}
		want.stdout += fmt.Sprintf("ID=%d\n/dir%d\n", i, i)
		want.stderr = fmt.Sprintf("input %d", i)
		want.random = 0x0101010101010101 * uint64(i)
		want.clock = uint64(i + 1) // the first reading of a FakeClock is one step
		if diff := cmp.Diff(want, r, cmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("instance %d (-want +got):\n%s", i, diff)
		}
	}
}

// A listener handed to an instance is accepted on by the guest's
// sock_accept (the instance uses a duplicate; the caller keeps the
// listener).
func TestInstanceListener(t *testing.T) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	inst := instantiateCfg(t, rt, `(module
	  (import "wasi_snapshot_preview1" "sock_accept" (func $accept (param i32 i32 i32) (result i32)))
	  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
	  (memory 1)
	  (data (i32.const 0) "hi")
	  (func (export "serve") (result i32)
	    (local $e i32)
	    (local.set $e (call $accept (i32.const 3) (i32.const 0) (i32.const 32)))
	    (if (local.get $e) (then (return (local.get $e))))
	    (i32.store (i32.const 16) (i32.const 0))
	    (i32.store (i32.const 20) (i32.const 2))
	    (call $fd_write (i32.load (i32.const 32)) (i32.const 16) (i32.const 1) (i32.const 24))))`,
		wasmrun.InstanceConfig{Listeners: []net.Listener{ln}})
	done := make(chan []byte)
	go func() {
		time.Sleep(20 * time.Millisecond) // the guest blocks in sock_accept first
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Error(err)
			done <- nil
			return
		}
		defer c.Close()
		b := make([]byte, 2)
		c.SetDeadline(time.Now().Add(10 * time.Second))
		n, _ := c.Read(b)
		done <- b[:n]
	}()
	res, err := inst.ExportedFunction("serve").Call(ctx)
	if err != nil || res[0] != 0 {
		t.Fatalf("serve: %v, errno %v", err, res)
	}
	if b := <-done; string(b) != "hi" {
		t.Fatalf("client read %q, want \"hi\"", b)
	}
}

func instantiateCfg(t testing.TB, rt *wasmrun.Runtime, src string, cfg wasmrun.InstanceConfig) *wasmrun.Instance {
	t.Helper()
	ctx := context.Background()
	mod, err := rt.Compile(ctx, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := rt.Instantiate(ctx, mod, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// withTimeout fails the test when f has not returned after d (a deadlock).
func withTimeout(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not finish within %v (deadlock?)", d)
	}
}

// A host function called by a start function compiles and instantiates a
// module and calls it.
func TestHostFunctionInstantiates(t *testing.T) { forEachEngine(t, testHostFunctionInstantiates) }

func testHostFunctionInstantiates(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	_, err := rt.NewHostModule("env").Func("spawn", []wasm.ValType{wasm.I64}, []wasm.ValType{wasm.I64},
		func(ctx context.Context, _ *wasmrun.Caller, stack []uint64) {
			mod, err := rt.Compile(ctx, []byte(fibWat))
			if err != nil {
				panic(err)
			}
			inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
			if err != nil {
				panic(err)
			}
			defer inst.Close(ctx)
			res, err := inst.ExportedFunction("fib").Call(ctx, stack[0])
			if err != nil {
				panic(err)
			}
			stack[0] = res[0]
		}).Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	withTimeout(t, 20*time.Second, func() {
		inst := instantiate(t, rt, `(module
		  (import "env" "spawn" (func $spawn (param i64) (result i64)))
		  (global $r (export "r") (mut i64) (i64.const 0))
		  (func $start (global.set $r (call $spawn (i64.const 20))))
		  (start $start))`, "")
		if got := inst.ExportedGlobal("r").Get(); got != 6765 {
			t.Errorf("fib(20) from the start function = %d, want 6765", got)
		}
	})
}

// Start functions of two instantiations run at the same time: each waits
// in a host function until the other has started.
func TestParallelInstantiation(t *testing.T) { forEachEngine(t, testParallelInstantiation) }

func testParallelInstantiation(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	var started sync.WaitGroup
	started.Add(2)
	_, err := rt.NewHostModule("env").Func("rendezvous", nil, nil,
		func(context.Context, *wasmrun.Caller, []uint64) {
			started.Done()
			started.Wait()
		}).Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := rt.Compile(ctx, []byte(`(module
	  (import "env" "rendezvous" (func $r))
	  (start $r))`))
	if err != nil {
		t.Fatal(err)
	}
	withTimeout(t, 20*time.Second, func() {
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{}); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	})
}

// A host function calls back into its caller (the malloc pattern) with
// the context it was given, and writes into the memory it got.
func TestCallerExportedFunction(t *testing.T) { forEachEngine(t, testCallerExportedFunction) }

func testCallerExportedFunction(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	i32 := []wasm.ValType{wasm.I32}
	_, err := rt.NewHostModule("env").Func("greet", nil, i32, func(ctx context.Context, c *wasmrun.Caller, stack []uint64) {
		msg := []byte("hello")
		res, err := c.ExportedFunction("alloc").Call(ctx, uint64(len(msg)))
		if err != nil {
			panic(err)
		}
		if !c.Memory().Write(res[0], msg) {
			panic(fmt.Errorf("alloc returned %d, out of bounds", res[0]))
		}
		stack[0] = res[0]
	}).Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inst := instantiate(t, rt, `(module
	  (import "env" "greet" (func $greet (result i32)))
	  (memory (export "memory") 1)
	  (global $top (mut i32) (i32.const 1024))
	  (func (export "alloc") (param i32) (result i32)
	    (global.get $top)
	    (global.set $top (i32.add (global.get $top) (local.get 0))))
	  (func (export "run") (result i32) (call $greet)))`, "")
	res, err := inst.ExportedFunction("run").Call(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := inst.Memory().Read(res[0], 5); res[0] != 1024 || string(b) != "hello" {
		t.Errorf("greet wrote %q at %d, want \"hello\" at 1024", b, res[0])
	}
}
