//go:build amd64

package amd64

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/interp"
)

// Native memory.copy and memory.fill agree with the interpreter on
// overlapping copies in both directions, zero lengths at and past the end,
// partial out-of-bounds ranges (which must write nothing), fill values
// wider than a byte, and keep a value cached in a register across the copy.
func TestDifferentialBulkMemory(t *testing.T) {
	src := `(module
	  (memory 1 1)
	  (data (i32.const 0) "\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10\11\12\13\14\15\16\17\18\19\1a\1b\1c\1d\1e\1f")
	  (data (i32.const 65504) "\e0\e1\e2\e3\e4\e5\e6\e7\e8\e9\ea\eb\ec\ed\ee\ef\f0\f1\f2\f3\f4\f5\f6\f7\f8\f9\fa\fb\fc\fd\fe\ff")
	  (func (export "copy") (param i32 i32 i32) (result i32)
	    local.get 0 i32.const 3 i32.mul
	    local.get 0 local.get 1 local.get 2 memory.copy
	    i32.const 4 i32.load
	    i32.add)
	  (func (export "fill") (param i32 i32 i32) (result i32)
	    local.get 1 i32.const 7 i32.add
	    local.get 0 local.get 1 local.get 2 memory.fill
	    i32.const 65532 i32.load
	    i32.add))`
	jitInst := instantiate(t, New(Config{}), src, nil)
	refInst := instantiate(t, interp.New(interp.Config{}), src, nil)
	tests := []struct {
		f    string
		args []uint64
	}{
		{"copy", []uint64{4, 0, 16}}, {"copy", []uint64{0, 4, 16}}, {"copy", []uint64{1, 0, 31}}, {"copy", []uint64{0, 1, 31}},
		{"copy", []uint64{8, 8, 8}}, {"copy", []uint64{100, 0, 32}}, {"copy", []uint64{0, 65504, 32}}, {"copy", []uint64{65500, 65504, 32}},
		{"copy", []uint64{65536, 0, 0}}, {"copy", []uint64{0, 65536, 0}}, {"copy", []uint64{65537, 0, 0}}, {"copy", []uint64{0, 65537, 0}},
		{"copy", []uint64{65530, 0, 7}}, {"copy", []uint64{0, 65530, 7}}, {"copy", []uint64{0, 0, 0xffffffff}},
		{"copy", []uint64{0xffffffff, 0, 1}}, {"copy", []uint64{0, 0xffffffff, 1}}, {"copy", []uint64{2, 0, 65534}}, {"copy", []uint64{0, 2, 65534}},
		{"fill", []uint64{0, 0x1ab, 16}}, {"fill", []uint64{65530, 0xcd, 6}}, {"fill", []uint64{65530, 0xcd, 7}}, {"fill", []uint64{65536, 1, 0}},
		{"fill", []uint64{65537, 1, 0}}, {"fill", []uint64{0, 0xffffffff, 65536}}, {"fill", []uint64{1, 2, 0xffffffff}}, {"fill", []uint64{0xffffffff, 2, 1}},
	}
	for _, tt := range tests {
		want := call(t, refInst, tt.f, tt.args)
		got := call(t, jitInst, tt.f, tt.args)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s%v: (-interp +jit)\n%s", tt.f, tt.args, diff)
		}
	}
}
