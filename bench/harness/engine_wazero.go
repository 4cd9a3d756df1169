package harness

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"
)

// WazeroCompiler returns wazero's optimizing compiler as an Engine. When
// cacheDir is not empty, program runs keep compiled code in a wazero file
// cache below it (compile-time measurements never use it).
func WazeroCompiler(cacheDir string) Engine {
	var cache wazero.CompilationCache
	return NewInProcess("wazero-compiler", false, func(ctx context.Context, cfg RuntimeConfig) (WasmRuntime, error) {
		rc := wazero.NewRuntimeConfigCompiler()
		if cfg.Cached && cacheDir != "" {
			if cache == nil {
				var err error
				if cache, err = wazero.NewCompilationCacheWithDir(filepath.Join(cacheDir, "wazero")); err != nil {
					return nil, err
				}
			}
			rc = rc.WithCompilationCache(cache)
		}
		return newWazero(ctx, rc, cfg)
	})
}

// WazeroInterpreter returns wazero's interpreter as an Engine.
func WazeroInterpreter() Engine {
	return NewInProcess("wazero-interp", true, func(ctx context.Context, cfg RuntimeConfig) (WasmRuntime, error) {
		return newWazero(ctx, wazero.NewRuntimeConfigInterpreter(), cfg)
	})
}

type wazeroRuntime struct{ r wazero.Runtime }

func newWazero(ctx context.Context, rc wazero.RuntimeConfig, cfg RuntimeConfig) (WasmRuntime, error) {
	r := wazero.NewRuntimeWithConfig(ctx, rc.WithCloseOnContextDone(cfg.Cancellable))
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, r); err != nil {
		r.Close(ctx)
		return nil, err
	}
	_, err := r.NewHostModuleBuilder("env").NewFunctionBuilder().
		WithGoFunction(api.GoFunc(func(_ context.Context, stack []uint64) {
			stack[0] = uint64(uint32(stack[0]) + 1)
		}), []api.ValueType{api.ValueTypeI32}, []api.ValueType{api.ValueTypeI32}).
		Export("host_add").Instantiate(ctx)
	if err != nil {
		r.Close(ctx)
		return nil, err
	}
	return &wazeroRuntime{r}, nil
}

func (w *wazeroRuntime) Compile(ctx context.Context, bin []byte) (CompiledModule, error) {
	cm, err := w.r.CompileModule(ctx, bin)
	if err != nil {
		return nil, err
	}
	return &wazeroModule{w.r, cm}, nil
}

func (w *wazeroRuntime) Close(ctx context.Context) error { return w.r.Close(ctx) }

type wazeroModule struct {
	r  wazero.Runtime
	cm wazero.CompiledModule
}

func (m *wazeroModule) Instantiate(ctx context.Context, cfg InstanceConfig) (Instance, error) {
	mc := wazero.NewModuleConfig().WithName("").WithStartFunctions().
		WithArgs(cfg.Args...).WithStdout(cfg.Stdout).WithStderr(cfg.Stderr).
		WithSysWalltime().WithSysNanotime().WithSysNanosleep()
	mod, err := m.r.InstantiateModule(ctx, m.cm, mc)
	if err != nil {
		return nil, err
	}
	return &wazeroInstance{mod}, nil
}

func (m *wazeroModule) Close(ctx context.Context) error { return m.cm.Close(ctx) }

type wazeroInstance struct{ mod api.Module }

func (i *wazeroInstance) Start(ctx context.Context) error {
	f := i.mod.ExportedFunction("_start")
	if f == nil {
		return errors.New("module exports no _start")
	}
	_, err := f.Call(ctx)
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		if exit.ExitCode() == 0 {
			return nil
		}
		return fmt.Errorf("exit code %d", exit.ExitCode())
	}
	return err
}

func (i *wazeroInstance) Close(ctx context.Context) error { return i.mod.Close(ctx) }
