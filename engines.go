package wasmrun

import (
	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
)

// newEngine returns the engine for kind and the kind actually chosen.
// EngineAuto picks the JIT where it exists (linux/amd64 with SSE4.1) and
// the interpreter elsewhere; EngineJIT fails where there is no JIT.
func newEngine(kind EngineKind, cfg RuntimeConfig) (store.Engine, EngineKind, error) {
	switch kind {
	case EngineAuto:
		if e := newJIT(cfg); e != nil {
			return e, EngineJIT, nil
		}
		return newInterp(cfg), EngineInterp, nil
	case EngineInterp:
		return newInterp(cfg), EngineInterp, nil
	case EngineJIT:
		if e := newJIT(cfg); e != nil {
			return e, EngineJIT, nil
		}
		return nil, "", errorf("engine %q is not available on this platform", kind)
	}
	return nil, "", errorf("unknown engine %q (want auto, interp or jit)", kind)
}

func newInterp(cfg RuntimeConfig) store.Engine {
	return interp.New(interp.Config{MaxFrames: cfg.MaxCallDepth, Fuel: cfg.Fuel})
}
