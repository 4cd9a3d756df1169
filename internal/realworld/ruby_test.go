package realworld

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasi"
)

// runRubyReactor runs a Ruby script on CRuby's reactor build
// (dist/ruby+stdlib.wasm of @ruby/3.4-wasm-wasi) with the protocol of the
// package's JavaScript glue (@ruby/wasm-wasi's vm.js and its legacy
// bindings): call _initialize, then the "ruby-init" export with the argv
// ["ruby.wasm", "-EUTF-8", "-e_=0"] (each string NUL-terminated, the list
// laid out by cabi_realloc as (pointer, length) pairs), then evaluate the
// script with "rb-eval-string-protect", which returns a pointer to a
// (value handle, state) pair; a non-zero state is a Ruby exception.
//
// The module imports the JS interop of the "js" gem ("rb-js-abi-host") and
// the resource table of wit-bindgen's canonical ABI ("canonical_abi"). The
// resource table is implemented; a call to any JS interop function fails
// the run, since no JavaScript exists here (the scripts do not require "js").
func runRubyReactor(ctx context.Context, engine, wasmPath, script string, preopens []wasmrun.Preopen) (stdout, stderr []byte, exit int, err error) {
	src, err := os.ReadFile(wasmPath)
	if err != nil {
		return nil, nil, 0, err
	}
	rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: wasmrun.EngineKind(engine)})
	if err != nil {
		return nil, nil, 0, err
	}
	defer rt.Close(ctx)
	mod, err := rt.Compile(ctx, src)
	if err != nil {
		return nil, nil, 0, err
	}
	var out, errb bytes.Buffer
	if err := rubyHostModules(ctx, rt, mod); err != nil {
		return nil, nil, 0, err
	}
	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{Args: []string{"ruby.wasm"}, Stdout: &out, Stderr: &errb, Preopens: preopens})
	if err != nil {
		return nil, nil, 0, err
	}
	defer inst.Close(ctx)
	state, err := rubyEval(ctx, inst, script)
	var exitErr *wasi.ExitError
	switch {
	case errors.As(err, &exitErr):
		return out.Bytes(), errb.Bytes(), int(exitErr.Code), nil
	case err != nil:
		return out.Bytes(), errb.Bytes(), 0, err
	case state != 0:
		return out.Bytes(), errb.Bytes(), 1, nil
	}
	return out.Bytes(), errb.Bytes(), 0, nil
}

// rubyHostModules instantiates in rt the host modules CRuby's reactor
// imports besides WASI: the resource table of rb-abi-value handles
// (canonical_abi) and the JS interop (rb-js-abi-host), whose every
// function fails the run.
func rubyHostModules(ctx context.Context, rt *wasmrun.Runtime, mod *wasmrun.CompiledModule) error {
	var slab []uint64
	abi := rt.NewHostModule("canonical_abi")
	host := rt.NewHostModule("rb-js-abi-host")
	for _, im := range mod.Imports() {
		switch im.Module {
		case "canonical_abi":
			switch im.Name {
			case "resource_new_rb-abi-value":
				abi.Func(im.Name, im.Func.Params, im.Func.Results, func(_ context.Context, _ *wasmrun.Caller, st []uint64) {
					slab = append(slab, st[0]&0xffffffff)
					st[0] = uint64(len(slab) - 1)
				})
			case "resource_get_rb-abi-value":
				abi.Func(im.Name, im.Func.Params, im.Func.Results, func(_ context.Context, _ *wasmrun.Caller, st []uint64) {
					h := st[0] & 0xffffffff
					if h >= uint64(len(slab)) {
						panic(fmt.Errorf("canonical_abi: bad rb-abi-value handle %d", h))
					}
					st[0] = slab[h]
				})
			default:
				abi.Func(im.Name, im.Func.Params, im.Func.Results, func(_ context.Context, _ *wasmrun.Caller, st []uint64) {
					panic(fmt.Errorf("canonical_abi: %s called, but no JS values exist", im.Name))
				})
			}
		case "rb-js-abi-host":
			host.Func(im.Name, im.Func.Params, im.Func.Results, func(_ context.Context, _ *wasmrun.Caller, st []uint64) {
				panic(fmt.Errorf("rb-js-abi-host: %q called: no JavaScript here", im.Name))
			})
		}
	}
	if _, err := abi.Instantiate(ctx); err != nil {
		return err
	}
	_, err := host.Instantiate(ctx)
	return err
}

// rubyEval runs the reactor's protocol on inst: _initialize, ruby-init,
// then the script; it returns the evaluation's state (non-zero for a Ruby
// exception).
func rubyEval(ctx context.Context, inst *wasmrun.Instance, script string) (state uint32, err error) {
	fn := func(name string) (*wasmrun.Function, error) {
		f := inst.ExportedFunction(name)
		if f == nil {
			return nil, fmt.Errorf("ruby: no export %q", name)
		}
		return f, nil
	}
	mem := inst.Memory()
	realloc, err := fn("cabi_realloc")
	if err != nil {
		return 0, err
	}
	alloc := func(align, size uint64) (uint32, error) {
		r, err := realloc.Call(ctx, 0, 0, align, size)
		if err != nil {
			return 0, err
		}
		return uint32(r[0]), nil
	}
	putString := func(s string) (uint32, error) {
		p, err := alloc(1, uint64(len(s)))
		if err != nil {
			return 0, err
		}
		if !mem.Write(uint64(p), []byte(s)) {
			return 0, errors.New("ruby: string out of memory bounds")
		}
		return p, nil
	}
	init, err := fn("_initialize")
	if err != nil {
		return 0, err
	}
	if _, err := init.Call(ctx); err != nil {
		return 0, err
	}
	args := []string{"ruby.wasm\x00", "-EUTF-8\x00", "-e_=0\x00"}
	list, err := alloc(4, uint64(8*len(args)))
	if err != nil {
		return 0, err
	}
	for i, a := range args {
		p, err := putString(a)
		if err != nil {
			return 0, err
		}
		mem.WriteUint32Le(uint64(list)+uint64(8*i), p)
		mem.WriteUint32Le(uint64(list)+uint64(8*i)+4, uint32(len(a)))
	}
	rubyInit, err := fn("ruby-init: func(args: list<string>) -> ()")
	if err != nil {
		return 0, err
	}
	if _, err := rubyInit.Call(ctx, uint64(list), uint64(len(args))); err != nil {
		return 0, err
	}
	eval, err := fn("rb-eval-string-protect: func(str: string) -> tuple<handle<rb-abi-value>, s32>")
	if err != nil {
		return 0, err
	}
	p, err := putString(script)
	if err != nil {
		return 0, err
	}
	r, err := eval.Call(ctx, uint64(p), uint64(len(script)))
	if err != nil {
		return 0, err
	}
	state, ok := mem.ReadUint32Le(r[0]&0xffffffff + 4)
	if !ok {
		return 0, errors.New("ruby: result out of memory bounds")
	}
	return state, nil
}
