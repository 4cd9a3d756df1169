package wasi

import (
	"context"

	"github.com/wasmrun/wasmrun"
)

// Instantiate makes s available to modules of rt as the
// wasi_snapshot_preview1 host module. Each function reads the calling
// instance's memory 0; proc_exit (and a terminating proc_raise) ends the
// guest's call with an *ExitError.
func Instantiate(ctx context.Context, rt *wasmrun.Runtime, s *System) (*wasmrun.Instance, error) {
	b := rt.NewHostModule(ModuleName)
	for i := range Functions {
		f := &Functions[i]
		b.Func(f.Name, f.Params, f.Results, func(_ context.Context, c *wasmrun.Caller, stack []uint64) {
			var mem []byte
			if m := c.Memory(); m != nil {
				mem = m.Bytes()
			}
			if err := f.Call(s, mem, stack); err != nil {
				panic(err) // ends the guest's call with err (an *ExitError)
			}
		})
	}
	return b.Instantiate(ctx)
}
