package validate

import (
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/wasm"
)

// fuzzSeeds are valid bodies and constant expressions for the fuzzers.
var fuzzSeeds = [][]byte{
	asm(),
	asm(i32Const, s32(7)),
	asm(localGet, 0, i32Const, s32(-1), i32Add),
	asm(block, i32, i32Const, s32(1), i32Const, s32(0), brIf, 0, end),
	asm(localGet, 0, if_, i32, i32Const, s32(1), else_, i32Const, s32(2), end),
	asm(block, f64, block, f32, unreachable, br_table(1, 0, 1), end, drop, f64Const, f64z, end, drop),
	asm(loop, empty, block, empty, i32Const, s32(0), br_table(0, 1, 2), end, end),
	asm(i32Const, s32(0), i32Const, s32(0), i32Load, 2, 0, i32Store, 2, 8),
	asm(refNull, fref, refNull, fref, i32Const, s32(0), selectT, 1, fref, drop),
	asm(i32Const, s32(0), refNull, eref, i32Const, s32(1), wasm.OpTableFill, 1),
	asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableInit, 1, 1),
	asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryInit, 1, 0),
	asm(wasm.OpV128Const, v128z, wasm.OpI8x16ExtractLaneU, byte(15), drop),
	asm(localGet, 0, localGet, 0, wasm.OpI8x16Shuffle, v128z),
	asm(i32Const, s32(0), localGet, 0, wasm.OpV128Load32Lane, 2, 0, byte(3)),
	asm(refFunc, 0, globalSet, 3),
	asm(i32Const, s32(9), i32Const, s32(0), callIndirect, 1, 0),
	asm(globalGet, 0),
}

// FuzzValidate uses its input as the body of a function in a fixed module
// (the first byte picks the function type) or as the initializer of a
// global (when the first byte is odd, its next bits pick the type), and
// checks that validation neither panics nor hangs.
func FuzzValidate(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(append([]byte{byte(i%6) << 1}, s...))
	}
	f.Add(append([]byte{1}, asm(i32Const, s32(1))...))
	f.Add(append([]byte{3}, asm(globalGet, 0)...))
	f.Add(append([]byte{9}, asm(refFunc, 0)...))
	globalTypes := []wasm.ValType{i32, i64, f32, f64, fref, eref, v128}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		sel, code := data[0], data[1:]
		var m *wasm.Module
		if sel&1 == 0 {
			m = shell(fn(uint32(sel>>1)%6, code, loc(2, i32), loc(1, i64), loc(1, f32), loc(1, f64), loc(1, v128), loc(1, fref), loc(1, eref)))
		} else {
			m = shell(fn(0, asm()))
			m.Globals = append(m.Globals, wasm.Global{
				Type: wasm.GlobalType{Type: globalTypes[int(sel>>1)%len(globalTypes)]},
				Init: wasm.ConstExpr{Code: code},
			})
		}
		info, err := Module(m)
		if err == nil {
			if len(info.Funcs) != 1 {
				t.Fatalf("%d summaries for one function", len(info.Funcs))
			}
			if info.Funcs[0].MaxDepth < 1 {
				t.Fatalf("MaxDepth %d", info.Funcs[0].MaxDepth)
			}
			return
		}
		if _, ok := err.(*Error); !ok {
			t.Fatalf("error %v is a %T", err, err)
		}
	})
}

// FuzzDecodeValidate decodes arbitrary bytes and validates the result.
func FuzzDecodeValidate(f *testing.F) {
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	// (module (func (result i32) i32.const 7) (memory 1) (export "f" (func 0)))
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x01\x05\x01\x60\x00\x01\x7f\x03\x02\x01\x00\x05\x03\x01\x00\x01" +
		"\x07\x05\x01\x01f\x00\x00\x0a\x06\x01\x04\x00\x41\x07\x0b"))
	// 3.0 modules, one or more per feature.
	for _, src := range []string{
		`(module (func $f (param i32) (result i32) (return_call $f (local.get 0))))`,
		`(module (global $a i32 (i32.const 1)) (global i32 (i32.mul (global.get $a) (i32.add (i32.const 2) (i32.const 3)))))`,
		`(module (memory 1) (memory $m i64 1) (data (memory $m) (i64.const 0) "x")
			(func (param i64) (drop (i32.load $m offset=0x1_0000_0000 (local.get 0))) (memory.copy 0 $m (i32.const 0) (i64.const 0) (i32.const 1))))`,
		`(module (table i64 2 funcref) (func (drop (table.size)) (drop (table.get (i64.const 0)))))`,
		`(module (tag $e (param i32)) (func (result i32) (block $l (result i32) (try_table (catch $e $l) (throw $e (i32.const 1))) (i32.const 0))))`,
		`(module (type $t (func (result i32))) (func $f (type $t) (i32.const 1)) (elem declare func $f)
			(table 1 (ref $t) (ref.func $f))
			(func (result i32) (local $x (ref $t)) (local.set $x (ref.func $f)) (call_ref $t (local.get $x))))`,
		`(module (func (param v128) (result v128) (f32x4.relaxed_madd (local.get 0) (local.get 0) (local.get 0))))`,
	} {
		m, err := text.ParseModule([]byte(src))
		if err != nil {
			f.Fatalf("seed %s: %v", src, err)
		}
		m.CountImports()
		f.Add(binary.Encode(m))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := binary.Decode(data)
		if err != nil {
			return
		}
		if _, err := Module(m); err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is a %T", err, err)
			}
		}
	})
}

// TestTruncatedBodies checks that every proper prefix of a valid body is
// rejected with an *Error, and that flipping any single byte of it never
// panics.
func TestTruncatedBodies(t *testing.T) {
	for i, seed := range fuzzSeeds {
		typ := uint32(0)
		// Find a function type under which the seed is valid.
		for ; typ < 6; typ++ {
			if _, err := Module(shell(fn(typ, seed))); err == nil {
				break
			}
		}
		if typ == 6 {
			t.Fatalf("seed %d is valid under no type of the shell", i)
		}
		for n := 0; n < len(seed); n++ {
			_, err := Module(shell(fn(typ, seed[:n])))
			if err == nil {
				t.Errorf("seed %d: prefix of %d bytes accepted", i, n)
			} else if _, ok := err.(*Error); !ok {
				t.Errorf("seed %d: prefix of %d bytes: error %v is a %T", i, n, err, err)
			}
		}
		for n := range seed {
			for _, x := range []byte{0x00, 0x0B, 0x7F, 0x80, 0xFC, 0xFD, 0xFF} {
				b := append([]byte(nil), seed...)
				b[n] = x
				_, _ = Module(shell(fn(typ, b))) // only checking for panics
			}
		}
	}
}
