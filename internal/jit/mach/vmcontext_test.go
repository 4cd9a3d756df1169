package mach

import "testing"

// The Go-assembly trampolines of the backends address VMContext fields
// by fixed offsets.
func TestVMContextLayout(t *testing.T) {
	for _, f := range []struct {
		name      string
		got, want int32
	}{
		{"GoSP", OffGoSP, 0}, {"Exit", OffExit, 8}, {"JitSP", OffJitSP, 24}, {"JitFB", OffJitFB, 32},
		{"MemBase", OffMemBase, 40}, {"MemLen", OffMemLen, 48}, {"Budget", OffBudget, 56}, {"GoBP", OffGoBP, 128},
		{"GoLR", OffGoLR, 168},
	} {
		if f.got != f.want {
			t.Errorf("offset of VMContext.%s = %d, the trampolines use %d", f.name, f.got, f.want)
		}
	}
}
