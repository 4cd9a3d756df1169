package wasmrun_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasm"
)

// Compile a module once, instantiate it, and call an export.
func Example() {
	ctx := context.Background()
	rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{})
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Close(ctx)

	mod, err := rt.Compile(ctx, []byte(`(module
	  (func (export "add") (param i32 i32) (result i32)
	    (i32.add (local.get 0) (local.get 1))))`))
	if err != nil {
		log.Fatal(err)
	}
	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
	if err != nil {
		log.Fatal(err)
	}
	res, err := inst.ExportedFunction("add").Call(ctx, 40, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res[0])
	// Output: 42
}

// Offer a Go function to a module; it reads the guest's memory.
func ExampleRuntime_NewHostModule() {
	ctx := context.Background()
	rt, _ := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{})
	defer rt.Close(ctx)

	_, err := rt.NewHostModule("env").
		Func("log", []wasm.ValType{wasm.I32, wasm.I32}, nil,
			func(ctx context.Context, c *wasmrun.Caller, stack []uint64) {
				b, ok := c.Memory().Read(stack[0], stack[1])
				if !ok {
					panic(fmt.Errorf("log: out of bounds"))
				}
				fmt.Println(string(b))
			}).
		Instantiate(ctx)
	if err != nil {
		log.Fatal(err)
	}

	mod, err := rt.Compile(ctx, []byte(`(module
	  (import "env" "log" (func $log (param i32 i32)))
	  (memory 1)
	  (data (i32.const 8) "hello from wasm")
	  (func (export "run") (call $log (i32.const 8) (i32.const 15))))`))
	if err != nil {
		log.Fatal(err)
	}
	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := inst.ExportedFunction("run").Call(ctx); err != nil {
		log.Fatal(err)
	}
	// Output: hello from wasm
}

// Traps are errors carrying a code and a Wasm backtrace with the function
// names of the name section (here, from the text format's identifiers).
func ExampleTrap() {
	ctx := context.Background()
	rt, _ := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{})
	defer rt.Close(ctx)
	mod, err := rt.Compile(ctx, []byte(`(module
	  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
	  (func (export "outer") (result i32) (call $inner (i32.const 0))))`))
	if err != nil {
		log.Fatal(err)
	}
	inst, _ := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
	_, err = inst.ExportedFunction("outer").Call(ctx)
	var trap *wasmrun.Trap
	if errors.As(err, &trap) {
		fmt.Println(trap.Code)
		fmt.Println(len(trap.Frames), "frames")
	}
	// Output:
	// integer divide by zero
	// 2 frames
}

// Run a WASI program with its own arguments and output, and get its exit
// status.
func ExampleInstance_Run() {
	ctx := context.Background()
	rt, _ := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{})
	defer rt.Close(ctx)
	mod, err := rt.Compile(ctx, []byte(`(module
	  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
	  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
	  (memory (export "memory") 1)
	  (data (i32.const 16) "hello, WASI\n")
	  (data (i32.const 0) "\10\00\00\00\0c\00\00\00") ;; one iovec: 12 bytes at 16
	  (func (export "_start")
	    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
	    (call $exit (i32.const 3))))`))
	if err != nil {
		log.Fatal(err)
	}
	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{Args: []string{"hello"}, Stdout: os.Stdout})
	if err != nil {
		log.Fatal(err)
	}
	defer inst.Close(ctx)
	code, err := inst.Run(ctx)
	fmt.Println("exit status", code, err)
	// Output:
	// hello, WASI
	// exit status 3 <nil>
}

// A host function throws a WebAssembly exception; the guest catches one
// kind and lets another reach the Go caller as an *Exception.
func ExampleThrow() {
	ctx := context.Background()
	// The interpreter runs exception handling (the JIT does not yet).
	rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: wasmrun.EngineInterp})
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Close(ctx)

	notFound, err := rt.NewTag([]wasm.ValType{wasm.I32})
	if err != nil {
		log.Fatal(err)
	}
	_, err = rt.NewHostModule("env").
		Tag("not_found", notFound).
		Func("lookup", []wasm.ValType{wasm.I32}, []wasm.ValType{wasm.I32},
			func(ctx context.Context, c *wasmrun.Caller, stack []uint64) {
				if stack[0] > 9 {
					wasmrun.Throw(notFound, stack[0])
				}
				stack[0] *= 10
			}).
		Instantiate(ctx)
	if err != nil {
		log.Fatal(err)
	}
	mod, err := rt.Compile(ctx, []byte(`(module
	  (import "env" "not_found" (tag $nf (param i32)))
	  (import "env" "lookup" (func $lookup (param i32) (result i32)))
	  (func (export "get_or_minus1") (param i32) (result i32)
	    (block $missing (result i32)
	      (try_table (result i32) (catch $nf $missing)
	        (call $lookup (local.get 0)))
	      (return))
	    (drop)
	    (i32.const -1))
	  (func (export "get") (param i32) (result i32)
	    (call $lookup (local.get 0))))`))
	if err != nil {
		log.Fatal(err)
	}
	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
	if err != nil {
		log.Fatal(err)
	}
	for _, key := range []uint64{4, 12} {
		res, _ := inst.ExportedFunction("get_or_minus1").Call(ctx, key)
		fmt.Println(int32(res[0]))
	}
	_, err = inst.ExportedFunction("get").Call(ctx, 12)
	var exc *wasmrun.Exception
	if errors.As(err, &exc) && exc.Tag() == notFound {
		fmt.Println("not found:", exc.Payload()[0])
	}
	// Output:
	// 40
	// -1
	// not found: 12
}
