package store

import (
	"fmt"

	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// CheckModule returns what validation records for m (validating it when
// info is nil) after checking that m uses only the WebAssembly 3.0
// features in supported: engine (such as "the interpreter") names the
// engine in the error about any other.
func CheckModule(m *wasm.Module, info *validate.Info, supported wasm.Features, engine string) (*validate.Info, error) {
	if info == nil {
		var err error
		if info, err = validate.Module(m); err != nil {
			return nil, err
		}
	}
	if f := info.Features &^ supported; f != 0 {
		return nil, fmt.Errorf("%s is not supported by %s yet", f.First(), engine)
	}
	return info, nil
}
