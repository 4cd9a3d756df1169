package wasmrun

import (
	"github.com/wasmrun/wasmrun/interp"
	"github.com/wasmrun/wasmrun/store"
)

// newEngine returns the engine for kind and the kind actually chosen.
// EngineAuto picks the JIT where it exists and the interpreter elsewhere;
// until the JIT lands, that is the interpreter everywhere.
func newEngine(kind EngineKind, cfg RuntimeConfig) (store.Engine, EngineKind, error) {
	switch kind {
	case EngineAuto, EngineInterp:
		return interp.New(interp.Config{MaxFrames: cfg.MaxCallDepth, Fuel: cfg.Fuel}), EngineInterp, nil
	case EngineJIT:
		return nil, "", errorf("engine %q is not available on this platform yet", kind)
	}
	return nil, "", errorf("unknown engine %q (want auto, interp or jit)", kind)
}
