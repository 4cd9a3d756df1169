package harness

// This file is where wasmrun's own engines plug into the harness.
//
// wasmrun has no embedding API yet (the root package `wasmrun`, with the
// interpreter in `interp` and later the JIT in `jit`, is being written).
// When it exists, write an adapter here exactly like engine_wazero.go:
//
//   - a RuntimeFactory that builds a wasmrun runtime for the requested
//     engine (interpreter or JIT), registers WASI preview 1 with the system
//     clocks, and the host import env.host_add(i32) -> i32 returning x+1;
//     RuntimeConfig.Cancellable maps to wasmrun's interruption option;
//   - CompiledModule.Instantiate passing InstanceConfig.Args/Stdout/Stderr
//     and NOT running _start;
//   - Instance.Start calling _start, mapping a WASI exit code 0 to nil;
//
// then return the engines from wasmrunEngines, e.g.
//
//	return []Engine{
//		NewInProcess("wasmrun-interp", true, newWasmrunInterp),
//		NewInProcess("wasmrun-jit", false, newWasmrunJIT),
//	}
//
// and add `require github.com/wasmrun/wasmrun v0.0.0` to bench/go.mod (the
// replace directive there already points it at this checkout). Nothing else
// in the harness needs to change: the tables, chart, checksum checks and
// `go test -bench` pick the engines up from AllEngines.

// wasmrunEngines returns wasmrun's engines; none exist yet.
func wasmrunEngines() []Engine { return nil }
