package wasmrun_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestUncaughtException checks that a Go caller receives an exception
// the guest does not catch as an *Exception with the exported tag and the
// payload.
func TestUncaughtException(t *testing.T) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: wasmrun.EngineInterp})
	inst := instantiate(t, rt, `(module
		(tag $e (export "e") (param i32 i64))
		(func $inner (param i32) (throw $e (local.get 0) (i64.const -2)))
		(func (export "f") (param i32) (result i32)
			(call $inner (local.get 0)) (i32.const 0)))`, "")
	_, err := inst.ExportedFunction("f").Call(context.Background(), 5)
	var exc *wasmrun.Exception
	if !errors.As(err, &exc) {
		t.Fatalf("Call error = %v (%T), want an *Exception", err, err)
	}
	tag := inst.ExportedTag("e")
	if tag == nil || exc.Tag() != tag {
		t.Errorf("exception tag = %v, want the exported tag %v", exc.Tag(), tag)
	}
	if diff := cmp.Diff([]uint64{5, 0xFFFFFFFFFFFFFFFE}, exc.Payload()); diff != "" {
		t.Errorf("payload (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]wasm.ValType{wasm.I32, wasm.I64}, tag.Params()); diff != "" {
		t.Errorf("tag params (-want +got):\n%s", diff)
	}
	if want := "wasmrun: uncaught exception (tag e) carrying i32:5 i64:-2"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// TestHostThrows checks exceptions thrown by host functions: caught by
// the guest's try_table, uncaught up to Go, and rethrown by a host
// function that got one from a Wasm call (the guest then catches its own
// exception again).
func TestHostThrows(t *testing.T) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: wasmrun.EngineInterp})
	tag, err := rt.NewTag([]wasm.ValType{wasm.I32})
	if err != nil {
		t.Fatal(err)
	}
	var guest *wasmrun.Instance
	_, err = rt.NewHostModule("host").
		Tag("t", tag).
		Func("throw", []wasm.ValType{wasm.I32}, nil, func(ctx context.Context, c *wasmrun.Caller, stack []uint64) {
			wasmrun.Throw(tag, stack[0]*10)
		}).
		Func("relay", nil, nil, func(ctx context.Context, c *wasmrun.Caller, stack []uint64) {
			// Calls back into the guest, which throws its own tag;
			// the error goes back up as a panic.
			if _, err := guest.ExportedFunction("throw_own").Call(ctx); err != nil {
				panic(err)
			}
		}).
		Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	guest = instantiate(t, rt, `(module
		(import "host" "t" (tag $t (param i32)))
		(import "host" "throw" (func $throw (param i32)))
		(import "host" "relay" (func $relay))
		(tag $own (param i32))
		(func (export "catch") (param i32) (result i32)
			(block $h (result i32)
				(try_table (catch $t $h) (call $throw (local.get 0)))
				(i32.const -1)))
		(func (export "uncaught") (param i32) (call $throw (local.get 0)))
		(func (export "throw_own") (throw $own (i32.const 42)))
		(func (export "relay") (result i32)
			(block $h (result i32)
				(try_table (catch $own $h) (call $relay))
				(i32.const -1))))`, "")
	cases := []struct {
		name string
		args []uint64
		want []uint64
		exc  []uint64 // payload of the expected *Exception, nil for none
	}{
		{"catch", []uint64{4}, []uint64{40}, nil},
		{"uncaught", []uint64{3}, nil, []uint64{30}},
		{"relay", nil, []uint64{42}, nil},
	}
	for _, c := range cases {
		got, err := guest.ExportedFunction(c.name).Call(ctx, c.args...)
		if c.exc == nil {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			} else if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s: results (-want +got):\n%s", c.name, diff)
			}
			continue
		}
		var exc *wasmrun.Exception
		if !errors.As(err, &exc) || exc.Tag() != tag {
			t.Errorf("%s: error = %v, want an *Exception with the host tag", c.name, err)
			continue
		}
		if diff := cmp.Diff(c.exc, exc.Payload()); diff != "" {
			t.Errorf("%s: payload (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestHostExceptionThrough2Module checks, on every engine, that an
// exception a host function throws passes through the frames of a module
// that does not use exception handling (any engine runs it) to the Go
// caller.
func TestHostExceptionThrough2Module(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e wasmrun.EngineKind) {
		ctx := context.Background()
		rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: e})
		tag, err := rt.NewTag([]wasm.ValType{wasm.I64})
		if err != nil {
			t.Fatal(err)
		}
		_, err = rt.NewHostModule("host").
			Func("throw", []wasm.ValType{wasm.I64}, nil, func(ctx context.Context, c *wasmrun.Caller, stack []uint64) {
				wasmrun.Throw(tag, stack[0])
			}).Instantiate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		inst := instantiate(t, rt, `(module
			(import "host" "throw" (func $throw (param i64)))
			(func $inner (param i64) (call $throw (i64.add (local.get 0) (i64.const 1))))
			(func (export "f") (param i64) (result i32) (call $inner (local.get 0)) (i32.const 0)))`, "")
		_, err = inst.ExportedFunction("f").Call(ctx, 41)
		var exc *wasmrun.Exception
		if !errors.As(err, &exc) || exc.Tag() != tag {
			t.Fatalf("error %v (%T), want an *Exception with the host tag", err, err)
		}
		if diff := cmp.Diff([]uint64{42}, exc.Payload()); diff != "" {
			t.Errorf("payload (-want +got):\n%s", diff)
		}
	})
}

// TestExceptionsConcurrent throws, catches (with exnref) and rethrows on
// several goroutines at once, through one instance (run with -race).
func TestExceptionsConcurrent(t *testing.T) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: wasmrun.EngineInterp})
	inst := instantiate(t, rt, `(module
		(tag $e (export "e") (param i32))
		(func (export "f") (param i32) (result i32)
			(block $h (result i32 exnref)
				(try_table (catch_ref $e $h) (throw $e (local.get 0)))
				(unreachable))
			(drop))
		(func (export "g") (param i32)
			(block $h (result exnref)
				(try_table (catch_all_ref $h) (throw $e (local.get 0)))
				(unreachable))
			(throw_ref)))`, "")
	f, g, tag := inst.ExportedFunction("f"), inst.ExportedFunction("g"), inst.ExportedTag("e")
	errs := make(chan error, 4)
	for w := 0; w < 4; w++ {
		go func() {
			for i := uint64(0); i < 200; i++ {
				got, err := f.Call(context.Background(), i)
				if err != nil || got[0] != i {
					errs <- fmt.Errorf("f(%d) = %v, %v", i, got, err)
					return
				}
				_, err = g.Call(context.Background(), i)
				var exc *wasmrun.Exception
				if !errors.As(err, &exc) || exc.Tag() != tag || exc.Payload()[0] != i {
					errs <- fmt.Errorf("g(%d): error %v, want the exception", i, err)
					return
				}
			}
			errs <- nil
		}()
	}
	for w := 0; w < 4; w++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestExceptionAPIErrors checks that misuse of the tag API returns errors.
func TestExceptionAPIErrors(t *testing.T) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: wasmrun.EngineInterp})
	if _, err := rt.NewTag([]wasm.ValType{0x42}); err == nil {
		t.Error("NewTag with an invalid type: no error")
	}
	if _, err := rt.NewTag([]wasm.ValType{wasm.RefType(true, wasm.ConcreteHeap(0))}); err == nil {
		t.Error("NewTag with a concrete heap type: no error")
	}
	tag, err := rt.NewTag([]wasm.ValType{wasm.I32})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wasmrun.NewException(tag); err == nil {
		t.Error("NewException with a short payload: no error")
	}
	if _, err := wasmrun.NewException(nil); err == nil {
		t.Error("NewException with a nil tag: no error")
	}
	e, err := wasmrun.NewException(tag, 1<<40|7)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]uint64{7}, e.Payload()); diff != "" {
		t.Errorf("i32 payload not zero-extended (-want +got):\n%s", diff)
	}
	if _, err := rt.NewHostModule("m").Tag("t", nil).Instantiate(context.Background()); err == nil {
		t.Error("host module with a nil tag: no error")
	}
	if _, err := rt.NewHostModule("m2").Tag("t", &wasmrun.Tag{}).Instantiate(context.Background()); err == nil {
		t.Error("host module with a zero Tag: no error")
	}
	if _, err := wasmrun.NewException(&wasmrun.Tag{}); err == nil {
		t.Error("NewException with a zero Tag: no error")
	}
	// Zero values describe themselves instead of panicking.
	var zero wasmrun.Exception
	if zero.Error() == "" || zero.Tag().String() != "no tag" || zero.Payload() != nil || zero.Unwrap() != nil {
		t.Errorf("zero Exception: %q, %v, %v", zero.Error(), zero.Tag(), zero.Payload())
	}
}
