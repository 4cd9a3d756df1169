package validate

import (
	"github.com/wasmrun/wasmrun/wasm"
)

// constExpr validates a constant expression that must produce one value
// of type want. Only the first numGlobals globals (the imported ones) may be
// read, and only when immutable; with extended constant expressions, the
// first defined ones (the globals before the one being initialised, or
// all). Functions named by ref.func become declared references.
func (v *validator) constExpr(code []byte, want wasm.ValType, numGlobals, defined int) error {
	v.body = code
	v.pos = 0
	v.base = -1
	v.fn = -1
	v.vals = v.vals[:0]
	v.height = 0
	v.unreach = false
	for {
		v.start = v.pos
		op, _, err := v.readOp()
		if err != nil {
			return err
		}
		switch op {
		case wasm.OpI32Const:
			if err := v.s32(); err != nil {
				return err
			}
			v.push(wasm.I32)
		case wasm.OpI64Const:
			if err := v.s64(); err != nil {
				return err
			}
			v.push(wasm.I64)
		case wasm.OpF32Const:
			if err := v.skip(4); err != nil {
				return err
			}
			v.push(wasm.F32)
		case wasm.OpF64Const:
			if err := v.skip(8); err != nil {
				return err
			}
			v.push(wasm.F64)
		case wasm.OpV128Const:
			if err := v.skip(16); err != nil {
				return err
			}
			v.push(wasm.V128)
		case wasm.OpRefNull:
			t, err := v.refNullType()
			if err != nil {
				return err
			}
			v.push(t)
		case wasm.OpRefFunc:
			x, err := v.funcIndex()
			if err != nil {
				return err
			}
			v.refs[x] = true
			v.push(v.funcRefType(x))
		case wasm.OpGlobalGet:
			x, err := v.u32()
			if err != nil {
				return err
			}
			limit := numGlobals
			if v.enabled.Has(wasm.FeatureExtendedConst) {
				limit = defined
			}
			if uint64(x) >= uint64(limit) {
				return v.errorf("unknown global %d", x)
			}
			if int(x) >= numGlobals {
				v.feats |= wasm.FeatureExtendedConst
			}
			g := &v.globals[x]
			if g.Mutable {
				return v.errorf("constant expression required: global.get of mutable global %d", x)
			}
			v.push(g.Type)
		case wasm.OpI32Add, wasm.OpI32Sub, wasm.OpI32Mul, wasm.OpI64Add, wasm.OpI64Sub, wasm.OpI64Mul:
			if !v.enabled.Has(wasm.FeatureExtendedConst) {
				return v.errorf("constant expression required: %v is not constant", op)
			}
			v.feats |= wasm.FeatureExtendedConst
			t := wasm.I32
			if op >= wasm.OpI64Add {
				t = wasm.I64
			}
			for k := 0; k < 2; k++ {
				if !v.popFast(t) {
					if err := v.popSlow(t); err != nil {
						return err
					}
				}
			}
			v.push(t)
		case wasm.OpEnd:
			if v.pos != len(code) {
				v.start = v.pos
				return v.errorf("constant expression required: operators after end")
			}
			if len(v.vals) != 1 {
				if len(v.vals) == 0 {
					return v.mismatch(want, unknown)
				}
				return v.errorf("type mismatch: constant expression leaves %d values", len(v.vals))
			}
			if got := v.vals[0]; !v.sub(got, want) {
				return v.mismatch(want, got)
			}
			return nil
		default:
			return v.errorf("constant expression required: %v is not constant", op)
		}
	}
}
