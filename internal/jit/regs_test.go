//go:build linux && (amd64 || arm64)

package jit

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/interp"
)

// Multiplication, eqz, wrap and extension on register-cached temporaries, immediates (in and
// out of the imm32 range) and constants on either side agree with the
// interpreter.
func TestDifferentialRegisterOperands(t *testing.T) {
	src := `(module
	  (func (export "mul32") (param i32 i32) (result i32)
	    (i32.add
	      (i32.mul (i32.add (local.get 0) (i32.const 1)) (i32.const -3))
	      (i32.add (i32.mul (i32.const 7) (i32.xor (local.get 1) (i32.const 5)))
	        (i32.mul (i32.add (local.get 0) (local.get 1)) (i32.sub (local.get 1) (local.get 0))))))
	  (func (export "mul64") (param i64 i64) (result i64)
	    (i64.add
	      (i64.mul (i64.add (local.get 0) (i64.const 1)) (i64.const 0x123456789))
	      (i64.add (i64.mul (i64.const -2) (i64.xor (local.get 1) (i64.const 5)))
	        (i64.mul (i64.add (local.get 0) (local.get 1)) (local.get 1)))))
	  (func (export "eqz") (param i32 i64) (result i32) (local i32)
	    (if (i32.eqz (i32.and (local.get 0) (i32.const 3))) (then (local.set 2 (i32.const 10))))
	    (block (br_if 0 (i32.add (local.get 2) (i32.eqz (i32.const 0)))) (local.set 2 (i32.const 99)))
	    (if (i64.eqz (i64.and (local.get 1) (i64.const 0xff00000000))) (then (local.set 2 (i32.add (local.get 2) (i32.const 100)))))
	    (i32.add (local.get 2) (i64.eqz (i64.shr_u (local.get 1) (i64.const 40)))))
	  (func (export "conv") (param i32 i64) (result i64)
	    (i64.add
	      (i64.add (i64.extend_i32_s (i32.wrap_i64 (i64.add (local.get 1) (i64.const 1))))
	        (i64.extend_i32_u (i32.wrap_i64 (i64.shl (local.get 1) (i64.const 1)))))
	      (i64.add (i64.add (i64.extend_i32_s (local.get 0)) (i64.extend_i32_s (i32.add (local.get 0) (i32.const 1))))
	        (i64.add (i64.extend_i32_u (i32.wrap_i64 (i64.const 0x1ffffffff)))
	          (i64.add (i64.extend_i32_s (i32.const -5)) (i64.extend_i32_u (i32.wrap_i64 (local.get 1)))))))))`
	jitInst := instantiate(t, New(Config{}), src, nil)
	refInst := instantiate(t, interp.New(interp.Config{}), src, nil)
	var tests []struct {
		f    string
		args []uint64
	}
	for _, x := range []uint64{0, 1, 3, 4, 0x7fffffff, 0x80000000, 0xffffffff, 0xff00000000, 0x10000000000, 1 << 63, ^uint64(0)} {
		for _, y := range []uint64{0, 2, 0xfffffffe, 0xff00000001, 1 << 63} {
			tests = append(tests, struct {
				f    string
				args []uint64
			}{"mul32", []uint64{uint64(uint32(x)), uint64(uint32(y))}}, struct {
				f    string
				args []uint64
			}{"mul64", []uint64{x, y}}, struct {
				f    string
				args []uint64
			}{"eqz", []uint64{uint64(uint32(x)), y}}, struct {
				f    string
				args []uint64
			}{"conv", []uint64{uint64(uint32(y)), x}})
		}
	}
	for _, tt := range tests {
		want := call(t, refInst, tt.f, tt.args)
		got := call(t, jitInst, tt.f, tt.args)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s%v: (-interp +jit)\n%s", tt.f, tt.args, diff)
		}
	}
}
