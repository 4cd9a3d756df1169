package wasmrun_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun"
)

// closeSpinWat has two functions that never return: spin loops writing memory,
// hostloop calls the host (which reads the caller's memory) in a loop.
const closeSpinWat = `(module
  (import "env" "started" (func $started))
  (import "env" "tick" (func $tick))
  (memory (export "memory") 1)
  (func (export "spin")
    (local $i i32)
    (call $started)
    (loop $l
      (i32.store (i32.and (local.get $i) (i32.const 0xfffc)) (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
  (func (export "hostloop")
    (call $started)
    (loop $l
      (call $tick)
      (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
      (br $l))))`

// Closing the runtime, the instance or its memory while a call runs on
// another goroutine (or, "self", from the host function the guest called)
// ends the call with an error matching ErrClosed; nothing crashes, and
// every later use fails with ErrClosed.
func TestCloseDuringCall(t *testing.T) { forEachEngine(t, testCloseDuringCall) }

func testCloseDuringCall(t *testing.T, engine wasmrun.EngineKind) {
	for _, closer := range []string{"runtime", "instance", "memory", "self"} {
		for _, fn := range []string{"spin", "hostloop"} {
			if closer == "self" && fn == "spin" {
				continue // spin calls no host function
			}
			t.Run(closer+"/"+fn, func(t *testing.T) {
				ctx := context.Background()
				rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: engine})
				if err != nil {
					t.Fatal(err)
				}
				defer rt.Close(ctx)
				started := make(chan struct{})
				var inst *wasmrun.Instance
				closeIt := func() error {
					switch closer {
					case "runtime":
						return rt.Close(ctx)
					case "memory":
						return inst.Memory().Close()
					}
					return inst.Close(ctx)
				}
				ticks := 0
				_, err = rt.NewHostModule("env").
					Func("started", nil, nil, func(context.Context, *wasmrun.Caller, []uint64) { close(started) }).
					Func("tick", nil, nil, func(_ context.Context, c *wasmrun.Caller, _ []uint64) {
						ticks++
						if closer == "self" && ticks == 100 {
							if err := closeIt(); err != nil {
								panic(err)
							}
						}
						if b := c.Memory().Bytes(); len(b) > 0 {
							_ = b[len(b)-1] // the memory is mapped while the call runs
						}
					}).
					Instantiate(ctx)
				if err != nil {
					t.Fatal(err)
				}
				inst = instantiate(t, rt, closeSpinWat, "")
				f := inst.ExportedFunction(fn)
				done := make(chan error, 1)
				go func() {
					_, err := f.Call(ctx)
					done <- err
				}()
				<-started
				if closer != "self" {
					time.Sleep(5 * time.Millisecond)
					if err := closeIt(); err != nil {
						t.Fatal(err)
					}
				}
				select {
				case err := <-done:
					if !errors.Is(err, wasmrun.ErrClosed) {
						t.Fatalf("call ended with %v, want an error matching ErrClosed", err)
					}
					var trap *wasmrun.Trap
					if !errors.As(err, &trap) || trap.Code.String() != "instance closed" {
						t.Errorf("call ended with %#v, want an \"instance closed\" trap", err)
					}
				case <-time.After(10 * time.Second):
					t.Fatal("the call still runs 10 s after Close")
				}
				if _, err := f.Call(ctx); !errors.Is(err, wasmrun.ErrClosed) {
					t.Errorf("call after close: %v, want ErrClosed", err)
				}
				if b := inst.Memory().Bytes(); b != nil {
					t.Errorf("Memory.Bytes after close has %d bytes, want nil", len(b))
				}
				if _, ok := inst.Memory().Grow(1); ok {
					t.Error("Memory.Grow after close succeeded")
				}
				if closer == "runtime" {
					if _, err := rt.Compile(ctx, []byte(`(module)`)); !errors.Is(err, wasmrun.ErrClosed) {
						t.Errorf("Compile after Runtime.Close: %v, want ErrClosed", err)
					}
				}
			})
		}
	}
}

// A call into an instance that imports a closed instance's function (or
// memory) fails with ErrClosed, and so does a call through another
// instance into a closed one.
func TestCallIntoClosedInstance(t *testing.T) { forEachEngine(t, testCallIntoClosedInstance) }

func testCallIntoClosedInstance(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	lib := instantiate(t, rt, `(module
	  (memory (export "mem") 1)
	  (func (export "f") (result i32) (i32.load (i32.const 0))))`, "lib")
	app := instantiate(t, rt, `(module
	  (import "lib" "f" (func $f (result i32)))
	  (func (export "g") (result i32) (call $f)))`, "")
	user := instantiate(t, rt, `(module
	  (import "lib" "mem" (memory 1))
	  (func (export "h") (result i32) (i32.load (i32.const 0))))`, "")
	if _, err := app.ExportedFunction("g").Call(ctx); err != nil {
		t.Fatal(err)
	}
	if err := lib.Close(ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		inst *wasmrun.Instance
		name string
	}{{lib, "f"}, {app, "g"}, {user, "h"}} {
		if _, err := c.inst.ExportedFunction(c.name).Call(ctx); !errors.Is(err, wasmrun.ErrClosed) {
			t.Errorf("%s after closing lib: %v, want ErrClosed", c.name, err)
		}
	}
}

// A handle left in a table by a closed instance never calls the function
// of a later instance that reuses its slot in the function table.
func TestStaleHandleAfterClose(t *testing.T) { forEachEngine(t, testStaleHandleAfterClose) }

func testStaleHandleAfterClose(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	tab := instantiate(t, rt, `(module
	  (table (export "tab") 1 funcref)
	  (type $t (func (result i32)))
	  (func (export "call0") (result i32) (call_indirect (type $t) (i32.const 0))))`, "tab")
	const writer = `(module
	  (import "tab" "tab" (table 1 funcref))
	  (func $f (result i32) (i32.const %d))
	  (func (export "put") (table.set 0 (i32.const 0) (ref.func $f)))
	  (elem declare func $f))`
	a := instantiate(t, rt, strings.Replace(writer, "%d", "1", 1), "")
	if _, err := a.ExportedFunction("put").Call(ctx); err != nil {
		t.Fatal(err)
	}
	call0 := tab.ExportedFunction("call0")
	if res, err := call0.Call(ctx); err != nil || res[0] != 1 {
		t.Fatalf("call0 = %v, %v; want 1", res, err)
	}
	a.Close(ctx)
	b := instantiate(t, rt, strings.Replace(writer, "%d", "2", 1), "") // reuses a's slots
	_ = b
	res, err := call0.Call(ctx)
	if err == nil {
		t.Fatalf("call0 through the closed instance's handle = %v, want a trap", res)
	}
	var trap *wasmrun.Trap
	if !errors.As(err, &trap) {
		t.Fatalf("call0: %v, want a trap", err)
	}
}
