package store

import (
	"encoding/binary"
	"fmt"

	wbin "github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// EvalConst evaluates a constant expression (validated, in binary
// encoding, ending with end) in the context of inst: its globals and
// functions must already be in place. It returns the value's slots (hi is
// nonzero only for v128). Besides the 2.0 instructions it accepts the
// extended-constant arithmetic (i32/i64 add, sub, mul).
func (inst *Instance) EvalConst(code []byte) (lo, hi uint64, err error) {
	r := wbin.NewReader(code, 0)
	var stack [][2]uint64
	pop := func() [2]uint64 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v
	}
	for {
		op, err := r.ReadOp()
		if err != nil {
			return 0, 0, err
		}
		switch op {
		case wasm.OpEnd:
			if len(stack) != 1 {
				return 0, 0, fmt.Errorf("constant expression leaves %d values", len(stack))
			}
			return stack[0][0], stack[0][1], nil
		case wasm.OpI32Const:
			v, err := r.ReadS32()
			if err != nil {
				return 0, 0, err
			}
			stack = append(stack, [2]uint64{uint64(uint32(v))})
		case wasm.OpI64Const:
			v, err := r.ReadS64()
			if err != nil {
				return 0, 0, err
			}
			stack = append(stack, [2]uint64{uint64(v)})
		case wasm.OpF32Const:
			v, err := r.ReadF32()
			if err != nil {
				return 0, 0, err
			}
			stack = append(stack, [2]uint64{uint64(v)})
		case wasm.OpF64Const:
			v, err := r.ReadF64()
			if err != nil {
				return 0, 0, err
			}
			stack = append(stack, [2]uint64{v})
		case wasm.OpV128Const:
			b, err := r.ReadBytes(16)
			if err != nil {
				return 0, 0, err
			}
			stack = append(stack, [2]uint64{binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])})
		case wasm.OpRefNull:
			if _, err := r.ReadHeapType(); err != nil {
				return 0, 0, err
			}
			stack = append(stack, [2]uint64{})
		case wasm.OpRefFunc:
			idx, err := r.ReadU32()
			if err != nil {
				return 0, 0, err
			}
			if int(idx) >= len(inst.Funcs) {
				return 0, 0, fmt.Errorf("constant expression: unknown function %d", idx)
			}
			stack = append(stack, [2]uint64{inst.Funcs[idx].Handle})
		case wasm.OpGlobalGet:
			idx, err := r.ReadU32()
			if err != nil {
				return 0, 0, err
			}
			if int(idx) >= len(inst.Globals) {
				return 0, 0, fmt.Errorf("constant expression: unknown global %d", idx)
			}
			g := inst.Globals[idx]
			stack = append(stack, [2]uint64{g.Lo, g.Hi})
		case wasm.OpI32Add, wasm.OpI32Sub, wasm.OpI32Mul, wasm.OpI64Add, wasm.OpI64Sub, wasm.OpI64Mul:
			if len(stack) < 2 {
				return 0, 0, fmt.Errorf("constant expression: stack underflow")
			}
			b, a := pop()[0], pop()[0]
			var v uint64
			switch op {
			case wasm.OpI32Add:
				v = uint64(uint32(a + b))
			case wasm.OpI32Sub:
				v = uint64(uint32(a - b))
			case wasm.OpI32Mul:
				v = uint64(uint32(a * b))
			case wasm.OpI64Add:
				v = a + b
			case wasm.OpI64Sub:
				v = a - b
			case wasm.OpI64Mul:
				v = a * b
			}
			stack = append(stack, [2]uint64{v})
		default:
			return 0, 0, fmt.Errorf("constant expression: %s is not constant", op)
		}
	}
}
