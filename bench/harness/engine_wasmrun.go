package harness

// wasmrun's own engines, through its embedding API (package wasmrun) and
// its WASI preview 1 (package wasi).
//
// Every instance gets its own WASI state (arguments and output) through
// wasmrun.InstanceConfig.
//
// wasmrun checks its context at loop headers and calls at all times, so
// RuntimeConfig.Cancellable changes nothing here (the "+cancel" boundary
// row measures the same code twice).

import (
	"context"
	"errors"
	"fmt"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasi"
	"github.com/wasmrun/wasmrun/wasm"
)

// wasmrunEngines returns wasmrun's engines: the interpreter, and the JIT
// when the platform has one (reported as skipped otherwise).
func wasmrunEngines() []Engine {
	return []Engine{
		NewInProcess("wasmrun-interp", true, wasmrunFactory(wasmrun.EngineInterp)),
		probed{NewInProcess("wasmrun-jit", false, wasmrunFactory(wasmrun.EngineJIT)), func() error {
			rt, err := wasmrun.NewRuntime(context.Background(), wasmrun.RuntimeConfig{Engine: wasmrun.EngineJIT})
			if err != nil {
				return fmt.Errorf("wasmrun has no JIT here yet: %v", err)
			}
			return rt.Close(context.Background())
		}},
	}
}

// probed is an engine whose availability is checked by a function.
type probed struct {
	Engine
	probe func() error
}

func (p probed) Available() error { return p.probe() }

func wasmrunFactory(kind wasmrun.EngineKind) RuntimeFactory {
	return func(ctx context.Context, cfg RuntimeConfig) (WasmRuntime, error) {
		rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: kind})
		if err != nil {
			return nil, err
		}
		w := &wasmrunRuntime{rt: rt}
		i32 := []wasm.ValType{wasm.I32}
		_, err = rt.NewHostModule("env").Func("host_add", i32, i32, func(_ context.Context, _ *wasmrun.Caller, stack []uint64) {
			stack[0] = uint64(uint32(stack[0]) + 1)
		}).Instantiate(ctx)
		if err != nil {
			rt.Close(ctx)
			return nil, err
		}
		return w, nil
	}
}

type wasmrunRuntime struct {
	rt *wasmrun.Runtime
}

func (w *wasmrunRuntime) Compile(ctx context.Context, bin []byte) (CompiledModule, error) {
	cm, err := w.rt.Compile(ctx, bin)
	if err != nil {
		return nil, err
	}
	return &wasmrunModule{w, cm}, nil
}

func (w *wasmrunRuntime) Close(ctx context.Context) error { return w.rt.Close(ctx) }

type wasmrunModule struct {
	w  *wasmrunRuntime
	cm *wasmrun.CompiledModule
}

func (m *wasmrunModule) Instantiate(ctx context.Context, cfg InstanceConfig) (Instance, error) {
	inst, err := m.w.rt.Instantiate(ctx, m.cm, wasmrun.InstanceConfig{Args: cfg.Args, Stdout: cfg.Stdout, Stderr: cfg.Stderr})
	if err != nil {
		return nil, err
	}
	return &wasmrunInstance{inst}, nil
}

func (m *wasmrunModule) Close(context.Context) error { return nil }

type wasmrunInstance struct {
	inst *wasmrun.Instance
}

func (i *wasmrunInstance) Start(ctx context.Context) error {
	f := i.inst.ExportedFunction("_start")
	if f == nil {
		return errors.New("module exports no _start")
	}
	_, err := f.Call(ctx)
	var exit *wasi.ExitError
	if errors.As(err, &exit) {
		if exit.Code == 0 && exit.Signal == 0 {
			return nil
		}
		return exit
	}
	return err
}

func (i *wasmrunInstance) Close(ctx context.Context) error {
	return i.inst.Close(ctx)
}
