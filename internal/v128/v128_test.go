package v128

import (
	"testing"

	"github.com/wasmrun/wasmrun/wasm"
)

// tc is one instruction application: got is computed by the function under
// test, want is a vector pattern (see helpers_test.go) transcribed from the
// spec test scripts or worked out by hand from the spec's definition.
type tc struct {
	op   wasm.Op
	got  V128
	want string
}

// shuf is a shuffle immediate.
func shuf(l ...byte) *[16]byte { return (*[16]byte)(l) }

// Frequently used inputs.
var (
	iota8  = vec("i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15")
	iota16 = vec("i16x8 0 1 2 3 4 5 6 7")
)

func cases() []tc {
	return []tc{
		// ---- splat, extract, replace ----
		{wasm.OpI8x16Splat, I8x16Splat(0x1FF), "i8x16 -1"},
		{wasm.OpI16x8Splat, I16x8Splat(0x18000), "i16x8 0x8000"},
		{wasm.OpI32x4Splat, I32x4Splat(0xDEADBEEF), "i32x4 0xdeadbeef"},
		{wasm.OpI64x2Splat, I64x2Splat(1 << 63), "i64x2 0x8000000000000000"},
		{wasm.OpF32x4Splat, F32x4Splat(0xFFC00000), "f32x4 -nan"},
		{wasm.OpF64x2Splat, F64x2Splat(0x7FF0000000000001), "f64x2 nan:0x1"},
		{wasm.OpI8x16ExtractLaneS, s32(I8x16ExtractLaneS(vec("i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -1"), 15)), "i32 -1"},
		{wasm.OpI8x16ExtractLaneS, s32(I8x16ExtractLaneS(vec("i8x16 127 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0x80"), 0)), "i32 127"},
		{wasm.OpI8x16ExtractLaneU, s32(I8x16ExtractLaneU(vec("i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -1"), 15)), "i32 255"},
		{wasm.OpI16x8ExtractLaneS, s32(I16x8ExtractLaneS(vec("i16x8 0 0 0 0 0 -32768 0 0"), 5)), "i32 -32768"},
		{wasm.OpI16x8ExtractLaneU, s32(I16x8ExtractLaneU(vec("i16x8 0 0 0 0 0 -32768 0 0"), 5)), "i32 32768"},
		{wasm.OpI32x4ExtractLane, s32(I32x4ExtractLane(vec("i32x4 1 2 3 -4"), 3)), "i32 -4"},
		{wasm.OpI64x2ExtractLane, s64(I64x2ExtractLane(vec("i64x2 1 -2"), 1)), "i64 -2"},
		{wasm.OpF32x4ExtractLane, s32(F32x4ExtractLane(vec("f32x4 0 1 nan:0x1 -inf"), 2)), "f32 nan:0x1"},
		{wasm.OpF64x2ExtractLane, s64(F64x2ExtractLane(vec("f64x2 -0 1.5"), 0)), "f64 -0"},
		{wasm.OpI8x16ReplaceLane, I8x16ReplaceLane(iota8, 15, 0x1AB), "i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 0xab"},
		{wasm.OpI8x16ReplaceLane, I8x16ReplaceLane(iota8, 7, 0xFF), "i8x16 0 1 2 3 4 5 6 -1 8 9 10 11 12 13 14 15"},
		{wasm.OpI16x8ReplaceLane, I16x8ReplaceLane(iota16, 4, 0x12345), "i16x8 0 1 2 3 0x2345 5 6 7"},
		{wasm.OpI32x4ReplaceLane, I32x4ReplaceLane(vec("i32x4 1 2 3 4"), 1, 0xFFFFFFFF), "i32x4 1 -1 3 4"},
		{wasm.OpI64x2ReplaceLane, I64x2ReplaceLane(vec("i64x2 1 2"), 1, 7), "i64x2 1 7"},
		{wasm.OpF32x4ReplaceLane, F32x4ReplaceLane(vec("f32x4 1 2 3 4"), 3, 0x7F800001), "f32x4 1 2 3 nan:0x1"},
		{wasm.OpF64x2ReplaceLane, F64x2ReplaceLane(vec("f64x2 1 2"), 0, 0x8000000000000000), "f64x2 -0 2"},

		// ---- shuffle, swizzle ----
		{wasm.OpI8x16Shuffle, I8x16Shuffle(iota8, vec("i8x16 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31"),
			shuf(31, 0, 30, 2, 29, 4, 28, 6, 27, 8, 26, 10, 25, 12, 24, 14)),
			"i8x16 31 0 30 2 29 4 28 6 27 8 26 10 25 12 24 14"},
		{wasm.OpI8x16Shuffle, I8x16Shuffle(iota8, vec("i8x16 -1"), shuf(16, 16, 16, 16, 16, 16, 16, 16, 0, 0, 0, 0, 0, 0, 0, 15)),
			"i8x16 -1 -1 -1 -1 -1 -1 -1 -1 0 0 0 0 0 0 0 15"},
		{wasm.OpI8x16Swizzle, I8x16Swizzle(vec("i8x16 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115"),
			vec("i8x16 -1 1 -2 2 -3 3 -4 4 -5 5 -6 6 -7 7 -8 8")),
			"i8x16 0 101 0 102 0 103 0 104 0 105 0 106 0 107 0 108"},
		{wasm.OpI8x16Swizzle, I8x16Swizzle(vec("i8x16 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115"),
			vec("i8x16 9 16 10 17 11 18 12 19 13 20 14 21 15 22 16 23")),
			"i8x16 109 0 110 0 111 0 112 0 113 0 114 0 115 0 0 0"},

		// ---- bitwise ----
		{wasm.OpV128Not, V128Not(vec("i32x4 0 -1 0x55555555 0x0f0f0f0f")), "i32x4 -1 0 0xaaaaaaaa 0xf0f0f0f0"},
		{wasm.OpV128And, V128And(vec("i32x4 0 0 -1 -1"), vec("i32x4 0 -1 0 -1")), "i32x4 0 0 0 -1"},
		{wasm.OpV128Andnot, V128Andnot(vec("i32x4 0 0 -1 -1"), vec("i32x4 0 -1 0 -1")), "i32x4 0 0 -1 0"},
		{wasm.OpV128Or, V128Or(vec("i32x4 0 0 -1 -1"), vec("i32x4 0 -1 0 -1")), "i32x4 0 -1 -1 -1"},
		{wasm.OpV128Xor, V128Xor(vec("i32x4 0 0 -1 -1"), vec("i32x4 0 -1 0 -1")), "i32x4 0 -1 -1 0"},
		{wasm.OpV128Bitselect, V128Bitselect(vec("i32x4 0xAAAAAAAA"), vec("i32x4 0xBBBBBBBB"),
			vec("i32x4 0x00112345 0xF00FFFFF 0x10112021 0xBBAABBAA")),
			"i32x4 0xBBAABABA 0xABBAAAAA 0xABAABBBA 0xAABBAABB"},
		{wasm.OpV128AnyTrue, s32(V128AnyTrue(vec("i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0x80"))), "i32 1"},
		{wasm.OpV128AnyTrue, s32(V128AnyTrue(vec("i8x16 0"))), "i32 0"},

		// ---- all_true, bitmask ----
		{wasm.OpI8x16AllTrue, s32(I8x16AllTrue(vec("i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 0"))), "i32 0"},
		{wasm.OpI8x16AllTrue, s32(I8x16AllTrue(vec("i8x16 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"))), "i32 0"},
		{wasm.OpI8x16AllTrue, s32(I8x16AllTrue(vec("i8x16 0x80 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1"))), "i32 1"},
		{wasm.OpI16x8AllTrue, s32(I16x8AllTrue(vec("i16x8 1 0x100 1 1 1 1 1 1"))), "i32 1"},
		{wasm.OpI16x8AllTrue, s32(I16x8AllTrue(vec("i16x8 1 1 1 1 1 1 0 1"))), "i32 0"},
		{wasm.OpI32x4AllTrue, s32(I32x4AllTrue(vec("i32x4 1 1 0x10000 1"))), "i32 1"},
		{wasm.OpI32x4AllTrue, s32(I32x4AllTrue(vec("i32x4 1 0 1 1"))), "i32 0"},
		{wasm.OpI64x2AllTrue, s32(I64x2AllTrue(vec("i64x2 0x100000000 1"))), "i32 1"},
		{wasm.OpI64x2AllTrue, s32(I64x2AllTrue(vec("i64x2 1 0"))), "i32 0"},
		{wasm.OpI8x16Bitmask, s32(I8x16Bitmask(vec("i8x16 -1 0 1 2 3 4 5 6 7 8 9 0xA 0xB 0xC 0xD 0xF"))), "i32 0x00000001"},
		{wasm.OpI8x16Bitmask, s32(I8x16Bitmask(vec("i8x16 0x80 0 0x80 0 0 0 0 0x80 0 0xff 0 0 0 0 0 0x80"))), "i32 0x8285"},
		{wasm.OpI16x8Bitmask, s32(I16x8Bitmask(vec("i16x8 -1 0 1 2 0xE 0xF 0x8000 0x7fff"))), "i32 0x41"},
		{wasm.OpI32x4Bitmask, s32(I32x4Bitmask(vec("i32x4 -1 0 -1 0xF"))), "i32 5"},
		{wasm.OpI32x4Bitmask, s32(I32x4Bitmask(vec("i32x4 0 0x80000000 0 0x80000000"))), "i32 0xa"},
		{wasm.OpI64x2Bitmask, s32(I64x2Bitmask(vec("i64x2 -1 0xF"))), "i32 1"},
		{wasm.OpI64x2Bitmask, s32(I64x2Bitmask(vec("i64x2 0 -1"))), "i32 2"},

		// ---- integer add/sub/mul/neg/abs/popcnt ----
		{wasm.OpI8x16Add, I8x16Add(vec("i8x16 0x7f 0xff 1 0x80 0 1 2 3 4 5 6 7 8 9 10 11"), vec("i8x16 1 1 -1 0x80 0 1 2 3 4 5 6 7 8 9 10 11")),
			"i8x16 0x80 0 0 0 0 2 4 6 8 10 12 14 16 18 20 22"},
		{wasm.OpI8x16Sub, I8x16Sub(vec("i8x16 0x80 0 1 0x7f 0 1 2 3 4 5 6 7 8 9 10 11"), vec("i8x16 1 1 2 -1 0 0 0 0 0 0 0 0 0 0 0 12")),
			"i8x16 0x7f 0xff 0xff 0x80 0 1 2 3 4 5 6 7 8 9 10 -1"},
		{wasm.OpI16x8Add, I16x8Add(vec("i16x8 0x7fff -1 32768 1 2 3 4 5"), vec("i16x8 1 1 -1 2 3 4 5 6")), "i16x8 -32768 0 32767 3 5 7 9 11"},
		{wasm.OpI16x8Sub, I16x8Sub(vec("i16x8 -32768 0 1 2 3 4 5 6"), vec("i16x8 1 1 2 3 4 5 6 -32768")), "i16x8 32767 -1 -1 -1 -1 -1 -1 -32762"},
		{wasm.OpI32x4Add, I32x4Add(vec("i32x4 0x7fffffff -1 1 0x80000000"), vec("i32x4 1 1 2 0x80000000")), "i32x4 0x80000000 0 3 0"},
		{wasm.OpI32x4Sub, I32x4Sub(vec("i32x4 0x80000000 0 5 0"), vec("i32x4 1 1 2 0x80000000")), "i32x4 0x7fffffff -1 3 0x80000000"},
		{wasm.OpI64x2Add, I64x2Add(vec("i64x2 0x7fffffffffffffff -1"), vec("i64x2 1 1")), "i64x2 0x8000000000000000 0"},
		{wasm.OpI64x2Sub, I64x2Sub(vec("i64x2 0 0x8000000000000000"), vec("i64x2 1 1")), "i64x2 -1 0x7fffffffffffffff"},
		{wasm.OpI16x8Mul, I16x8Mul(vec("i16x8 0x4000 -1 0x8000 3 300 -300 0 1"), vec("i16x8 4 -1 2 -5 300 300 7 1")),
			"i16x8 0 1 0 -15 0x5f90 0xa070 0 1"},
		{wasm.OpI32x4Mul, I32x4Mul(vec("i32x4 0x40000000 -1 0x10000 123456789"), vec("i32x4 4 -1 0x10000 10")), "i32x4 0 1 0 1234567890"},
		{wasm.OpI64x2Mul, I64x2Mul(vec("i64x2 0x4000000000000000 0x100000000"), vec("i64x2 4 0x100000001")), "i64x2 0 0x100000000"},
		{wasm.OpI8x16Neg, I8x16Neg(vec("i8x16 0x80 0x7f 1 0 -1 2 3 4 5 6 7 8 9 10 11 12")), "i8x16 0x80 -127 -1 0 1 -2 -3 -4 -5 -6 -7 -8 -9 -10 -11 -12"},
		{wasm.OpI16x8Neg, I16x8Neg(vec("i16x8 -32768 32767 1 0 -1 2 3 4")), "i16x8 -32768 -32767 -1 0 1 -2 -3 -4"},
		{wasm.OpI32x4Neg, I32x4Neg(vec("i32x4 0x80000000 0x7fffffff 1 0")), "i32x4 0x80000000 0x80000001 -1 0"},
		{wasm.OpI64x2Neg, I64x2Neg(vec("i64x2 0x8000000000000000 1")), "i64x2 0x8000000000000000 -1"},
		{wasm.OpI8x16Abs, I8x16Abs(vec("i8x16 -128 -127 -1 0 1 127 -5 5 0 0 0 0 0 0 0 -2")), "i8x16 128 127 1 0 1 127 5 5 0 0 0 0 0 0 0 2"},
		{wasm.OpI16x8Abs, I16x8Abs(vec("i16x8 -32768 -32767 -1 0 1 32767 -300 300")), "i16x8 32768 32767 1 0 1 32767 300 300"},
		{wasm.OpI32x4Abs, I32x4Abs(vec("i32x4 -2147483648 -2147483647 -1 1")), "i32x4 2147483648 2147483647 1 1"},
		{wasm.OpI64x2Abs, I64x2Abs(vec("i64x2 0x8000000000000000 -3")), "i64x2 0x8000000000000000 3"},
		{wasm.OpI8x16Popcnt, I8x16Popcnt(vec("i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15")), "i8x16 0 1 1 2 1 2 2 3 1 2 2 3 2 3 3 4"},
		{wasm.OpI8x16Popcnt, I8x16Popcnt(vec("i8x16 -1 0x80 0x55 0xAA 0x0F 0xF0 0x7F 0xFE 0 0 0 0 0 0 0 0")), "i8x16 8 1 4 4 4 4 7 7 0 0 0 0 0 0 0 0"},

		// ---- saturating ----
		{wasm.OpI8x16AddSatS, I8x16AddSatS(vec("i8x16 64"), vec("i8x16 64")), "i8x16 127"},
		{wasm.OpI8x16AddSatS, I8x16AddSatS(vec("i8x16 -65"), vec("i8x16 -64")), "i8x16 -128"},
		{wasm.OpI8x16AddSatS, I8x16AddSatS(vec("i8x16 -63"), vec("i8x16 -64")), "i8x16 -127"},
		{wasm.OpI8x16AddSatU, I8x16AddSatU(vec("i8x16 255"), vec("i8x16 1")), "i8x16 255"},
		{wasm.OpI8x16AddSatU, I8x16AddSatU(vec("i8x16 127"), vec("i8x16 128")), "i8x16 255"},
		{wasm.OpI8x16SubSatS, I8x16SubSatS(vec("i8x16 -128"), vec("i8x16 1")), "i8x16 -128"},
		{wasm.OpI8x16SubSatS, I8x16SubSatS(vec("i8x16 127"), vec("i8x16 -1")), "i8x16 127"},
		{wasm.OpI8x16SubSatS, I8x16SubSatS(vec("i8x16 0"), vec("i8x16 -128")), "i8x16 127"},
		{wasm.OpI8x16SubSatU, I8x16SubSatU(vec("i8x16 1"), vec("i8x16 2")), "i8x16 0"},
		{wasm.OpI8x16SubSatU, I8x16SubSatU(vec("i8x16 255"), vec("i8x16 254")), "i8x16 1"},
		{wasm.OpI16x8AddSatS, I16x8AddSatS(vec("i16x8 32767 -32768 16384 -16384 1 -1 100 0"), vec("i16x8 1 -1 16384 -16385 -1 1 -200 0")),
			"i16x8 32767 -32768 32767 -32768 0 0 -100 0"},
		{wasm.OpI16x8AddSatU, I16x8AddSatU(vec("i16x8 65535 32768 1 0 2 3 4 5"), vec("i16x8 1 32768 1 0 2 3 4 65530")),
			"i16x8 65535 65535 2 0 4 6 8 65535"},
		{wasm.OpI16x8SubSatS, I16x8SubSatS(vec("i16x8 -32768 32767 0 -1 1 2 3 4"), vec("i16x8 1 -1 -32768 32767 2 2 2 2")),
			"i16x8 -32768 32767 32767 -32768 -1 0 1 2"},
		{wasm.OpI16x8SubSatU, I16x8SubSatU(vec("i16x8 0 1 65535 65535 5 5 5 5"), vec("i16x8 1 65535 1 65535 4 5 6 7")),
			"i16x8 0 0 65534 0 1 0 0 0"},
		{wasm.OpI16x8Q15mulrSatS, I16x8Q15mulrSatS(vec("i16x8 -32768"), vec("i16x8 -32768")), "i16x8 32767"},
		{wasm.OpI16x8Q15mulrSatS, I16x8Q15mulrSatS(vec("i16x8 32768"), vec("i16x8 1")), "i16x8 -1"},
		{wasm.OpI16x8Q15mulrSatS, I16x8Q15mulrSatS(vec("i16x8 -32768 16384 16384 1 32767 -32768 0x4000 -1"), vec("i16x8 -1 16384 -16384 16384 32767 32767 1 1")),
			"i16x8 1 8192 -8192 1 32766 -32767 1 0"},

		// ---- min/max/avgr ----
		{wasm.OpI8x16MinS, I8x16MinS(vec("i8x16 -128 127 0 -1 0 0 0 0 0 0 0 0 0 0 0 5"), vec("i8x16 127 -128 -1 0 0 0 0 0 0 0 0 0 0 0 0 4")),
			"i8x16 -128 -128 -1 -1 0 0 0 0 0 0 0 0 0 0 0 4"},
		{wasm.OpI8x16MinU, I8x16MinU(vec("i8x16 -128 127 0 -1 0 0 0 0 0 0 0 0 0 0 0 5"), vec("i8x16 127 -128 -1 0 0 0 0 0 0 0 0 0 0 0 0 4")),
			"i8x16 127 127 0 0 0 0 0 0 0 0 0 0 0 0 0 4"},
		{wasm.OpI8x16MaxS, I8x16MaxS(vec("i8x16 -128 127 0 -1 0 0 0 0 0 0 0 0 0 0 0 5"), vec("i8x16 127 -128 -1 0 0 0 0 0 0 0 0 0 0 0 0 4")),
			"i8x16 127 127 0 0 0 0 0 0 0 0 0 0 0 0 0 5"},
		{wasm.OpI8x16MaxU, I8x16MaxU(vec("i8x16 -128 127 0 -1 0 0 0 0 0 0 0 0 0 0 0 5"), vec("i8x16 127 -128 -1 0 0 0 0 0 0 0 0 0 0 0 0 4")),
			"i8x16 128 128 255 255 0 0 0 0 0 0 0 0 0 0 0 5"},
		{wasm.OpI16x8MinS, I16x8MinS(vec("i16x8 -32768 32767 0 -1 1 2 3 4"), vec("i16x8 32767 -32768 -1 0 1 1 4 4")), "i16x8 -32768 -32768 -1 -1 1 1 3 4"},
		{wasm.OpI16x8MinU, I16x8MinU(vec("i16x8 -32768 32767 0 -1 1 2 3 4"), vec("i16x8 32767 -32768 -1 0 1 1 4 4")), "i16x8 32767 32767 0 0 1 1 3 4"},
		{wasm.OpI16x8MaxS, I16x8MaxS(vec("i16x8 -32768 32767 0 -1 1 2 3 4"), vec("i16x8 32767 -32768 -1 0 1 1 4 4")), "i16x8 32767 32767 0 0 1 2 4 4"},
		{wasm.OpI16x8MaxU, I16x8MaxU(vec("i16x8 -32768 32767 0 -1 1 2 3 4"), vec("i16x8 32767 -32768 -1 0 1 1 4 4")), "i16x8 32768 32768 65535 65535 1 2 4 4"},
		{wasm.OpI32x4MinS, I32x4MinS(vec("i32x4 0x80000000 0x7fffffff 0 -1"), vec("i32x4 0x7fffffff 0x80000000 -1 0")), "i32x4 0x80000000 0x80000000 -1 -1"},
		{wasm.OpI32x4MinU, I32x4MinU(vec("i32x4 0x80000000 0x7fffffff 0 -1"), vec("i32x4 0x7fffffff 0x80000000 -1 0")), "i32x4 0x7fffffff 0x7fffffff 0 0"},
		{wasm.OpI32x4MaxS, I32x4MaxS(vec("i32x4 0x80000000 0x7fffffff 0 -1"), vec("i32x4 0x7fffffff 0x80000000 -1 0")), "i32x4 0x7fffffff 0x7fffffff 0 0"},
		{wasm.OpI32x4MaxU, I32x4MaxU(vec("i32x4 0x80000000 0x7fffffff 0 -1"), vec("i32x4 0x7fffffff 0x80000000 -1 0")), "i32x4 0x80000000 0x80000000 -1 -1"},
		{wasm.OpI8x16AvgrU, I8x16AvgrU(vec("i8x16 0 0 0 0 0 0 0 0 -1 -1 -1 -1 -1 -1 -1 -1"), vec("i8x16 0 0 0 0 -1 -1 -1 -1 0 0 0 0 -1 -1 -1 -1")),
			"i8x16 0 0 0 0 128 128 128 128 128 128 128 128 255 255 255 255"},
		{wasm.OpI8x16AvgrU, I8x16AvgrU(vec("i8x16 255"), vec("i8x16 128")), "i8x16 192"},
		{wasm.OpI16x8AvgrU, I16x8AvgrU(vec("i16x8 0 65535 65535 1 2 3 0 0"), vec("i16x8 65535 65535 1 2 2 4 0 1")), "i16x8 32768 65535 32768 2 2 4 0 1"},

		// ---- shifts: count modulo lane width ----
		{wasm.OpI8x16Shl, I8x16Shl(vec("i8x16 0x81 1 -1 0 0 0 0 0 0 0 0 0 0 0 0 0x40"), 9), "i8x16 0x02 2 0xfe 0 0 0 0 0 0 0 0 0 0 0 0 0x80"},
		{wasm.OpI8x16Shl, I8x16Shl(vec("i8x16 0x81"), 8), "i8x16 0x81"},
		{wasm.OpI8x16ShrS, I8x16ShrS(vec("i8x16 -128 127 -1 64 0 0 0 0 0 0 0 0 0 0 0 0"), 7), "i8x16 -1 0 -1 0 0 0 0 0 0 0 0 0 0 0 0 0"},
		{wasm.OpI8x16ShrS, I8x16ShrS(vec("i8x16 -128"), 0xFFFFFFFF), "i8x16 -1"},
		{wasm.OpI8x16ShrU, I8x16ShrU(vec("i8x16 -128"), 0x101), "i8x16 64"},
		{wasm.OpI16x8Shl, I16x8Shl(vec("i16x8 1 0x8001 -1 0 0 0 0 0"), 17), "i16x8 2 2 0xfffe 0 0 0 0 0"},
		{wasm.OpI16x8ShrS, I16x8ShrS(vec("i16x8 -32768 32767 -2 4 0 0 0 0"), 33), "i16x8 -16384 16383 -1 2 0 0 0 0"},
		{wasm.OpI16x8ShrU, I16x8ShrU(vec("i16x8 -32768 32767 -2 4 0 0 0 0"), 16), "i16x8 -32768 32767 -2 4 0 0 0 0"},
		{wasm.OpI16x8ShrU, I16x8ShrU(vec("i16x8 -32768 32767 -2 4 0 0 0 0"), 15), "i16x8 1 0 1 0 0 0 0 0"},
		{wasm.OpI32x4Shl, I32x4Shl(vec("i32x4 1 0x80000001 -1 0x40000000"), 33), "i32x4 2 2 -2 0x80000000"},
		{wasm.OpI32x4ShrS, I32x4ShrS(vec("i32x4 0x80000000 0x7fffffff -1 8"), 31), "i32x4 -1 0 -1 0"},
		{wasm.OpI32x4ShrS, I32x4ShrS(vec("i32x4 0x80000000 0x7fffffff -1 8"), 32), "i32x4 0x80000000 0x7fffffff -1 8"},
		{wasm.OpI32x4ShrU, I32x4ShrU(vec("i32x4 0x80000000 0x7fffffff -1 8"), 63), "i32x4 1 0 1 0"},
		{wasm.OpI64x2Shl, I64x2Shl(vec("i64x2 1 0x8000000000000001"), 65), "i64x2 2 2"},
		{wasm.OpI64x2ShrS, I64x2ShrS(vec("i64x2 0x8000000000000000 0x4000000000000000"), 62), "i64x2 -2 1"},
		{wasm.OpI64x2ShrU, I64x2ShrU(vec("i64x2 0x8000000000000000 -1"), 127), "i64x2 1 1"},
		{wasm.OpI64x2ShrU, I64x2ShrU(vec("i64x2 0x8000000000000000 -1"), 64), "i64x2 0x8000000000000000 -1"},

		// ---- narrow, extend ----
		{wasm.OpI8x16NarrowI16x8S, I8x16NarrowI16x8S(vec("i16x8 0 127 128 -128 -129 32767 -32768 -1"), vec("i16x8 1 2 3 4 5 6 7 0x100")),
			"i8x16 0 127 127 -128 -128 127 -128 -1 1 2 3 4 5 6 7 127"},
		{wasm.OpI8x16NarrowI16x8U, I8x16NarrowI16x8U(vec("i16x8 0 127 255 256 -1 32767 -32768 128"), vec("i16x8 1 2 3 4 5 6 7 0x100")),
			"i8x16 0 127 255 255 0 255 0 128 1 2 3 4 5 6 7 255"},
		{wasm.OpI16x8NarrowI32x4S, I16x8NarrowI32x4S(vec("i32x4 32767 32768 -32768 -32769"), vec("i32x4 0x7fffffff 0x80000000 -1 1")),
			"i16x8 32767 32767 -32768 -32768 32767 -32768 -1 1"},
		{wasm.OpI16x8NarrowI32x4U, I16x8NarrowI32x4U(vec("i32x4 65535 65536 -1 32768"), vec("i32x4 0x7fffffff 0x80000000 0 1")),
			"i16x8 65535 65535 0 32768 65535 0 0 1"},
		{wasm.OpI16x8ExtendLowI8x16S, I16x8ExtendLowI8x16S(vec("i8x16 0 1 -1 127 -128 2 3 4 -1 -1 -1 -1 -1 -1 -1 -1")), "i16x8 0 1 -1 127 -128 2 3 4"},
		{wasm.OpI16x8ExtendHighI8x16S, I16x8ExtendHighI8x16S(vec("i8x16 -1 -1 -1 -1 -1 -1 -1 -1 0 1 -1 127 -128 2 3 4")), "i16x8 0 1 -1 127 -128 2 3 4"},
		{wasm.OpI16x8ExtendLowI8x16U, I16x8ExtendLowI8x16U(vec("i8x16 0 1 -1 127 -128 2 3 4 -1 -1 -1 -1 -1 -1 -1 -1")), "i16x8 0 1 255 127 128 2 3 4"},
		{wasm.OpI16x8ExtendHighI8x16U, I16x8ExtendHighI8x16U(vec("i8x16 -1 -1 -1 -1 -1 -1 -1 -1 0 1 -1 127 -128 2 3 4")), "i16x8 0 1 255 127 128 2 3 4"},
		{wasm.OpI32x4ExtendLowI16x8S, I32x4ExtendLowI16x8S(vec("i16x8 -32768 32767 -1 0 -1 -1 -1 -1")), "i32x4 -32768 32767 -1 0"},
		{wasm.OpI32x4ExtendHighI16x8S, I32x4ExtendHighI16x8S(vec("i16x8 -1 -1 -1 -1 -32768 32767 -1 0")), "i32x4 -32768 32767 -1 0"},
		{wasm.OpI32x4ExtendLowI16x8U, I32x4ExtendLowI16x8U(vec("i16x8 -32768 32767 -1 0 -1 -1 -1 -1")), "i32x4 32768 32767 65535 0"},
		{wasm.OpI32x4ExtendHighI16x8U, I32x4ExtendHighI16x8U(vec("i16x8 -1 -1 -1 -1 -32768 32767 -1 0")), "i32x4 32768 32767 65535 0"},
		{wasm.OpI64x2ExtendLowI32x4S, I64x2ExtendLowI32x4S(vec("i32x4 0x80000000 -1 5 5")), "i64x2 -2147483648 -1"},
		{wasm.OpI64x2ExtendHighI32x4S, I64x2ExtendHighI32x4S(vec("i32x4 5 5 0x7fffffff -1")), "i64x2 2147483647 -1"},
		{wasm.OpI64x2ExtendLowI32x4U, I64x2ExtendLowI32x4U(vec("i32x4 0x80000000 -1 5 5")), "i64x2 2147483648 4294967295"},
		{wasm.OpI64x2ExtendHighI32x4U, I64x2ExtendHighI32x4U(vec("i32x4 5 5 0x7fffffff -1")), "i64x2 2147483647 4294967295"},

		// ---- extmul, extadd_pairwise, dot ----
		{wasm.OpI16x8ExtmulLowI8x16S, I16x8ExtmulLowI8x16S(vec("i8x16 -128 -128 127 -1 2 3 4 5 9 9 9 9 9 9 9 9"), vec("i8x16 -128 127 127 -1 -2 3 4 5 9 9 9 9 9 9 9 9")),
			"i16x8 16384 -16256 16129 1 -4 9 16 25"},
		{wasm.OpI16x8ExtmulHighI8x16S, I16x8ExtmulHighI8x16S(vec("i8x16 9 9 9 9 9 9 9 9 -128 -128 127 -1 2 3 4 5"), vec("i8x16 9 9 9 9 9 9 9 9 -128 127 127 -1 -2 3 4 5")),
			"i16x8 16384 -16256 16129 1 -4 9 16 25"},
		{wasm.OpI16x8ExtmulLowI8x16U, I16x8ExtmulLowI8x16U(vec("i8x16 255 255 128 1 2 3 4 5 9 9 9 9 9 9 9 9"), vec("i8x16 255 1 128 255 2 3 4 5 9 9 9 9 9 9 9 9")),
			"i16x8 65025 255 16384 255 4 9 16 25"},
		{wasm.OpI16x8ExtmulHighI8x16U, I16x8ExtmulHighI8x16U(vec("i8x16 9 9 9 9 9 9 9 9 255 255 128 1 2 3 4 5"), vec("i8x16 9 9 9 9 9 9 9 9 255 1 128 255 2 3 4 5")),
			"i16x8 65025 255 16384 255 4 9 16 25"},
		{wasm.OpI32x4ExtmulLowI16x8S, I32x4ExtmulLowI16x8S(vec("i16x8 -32768 -32768 32767 -1 7 7 7 7"), vec("i16x8 -32768 32767 32767 -1 7 7 7 7")),
			"i32x4 0x40000000 -1073709056 1073676289 1"},
		{wasm.OpI32x4ExtmulHighI16x8S, I32x4ExtmulHighI16x8S(vec("i16x8 7 7 7 7 -32768 -32768 32767 -1"), vec("i16x8 7 7 7 7 -32768 32767 32767 -1")),
			"i32x4 0x40000000 -1073709056 1073676289 1"},
		{wasm.OpI32x4ExtmulLowI16x8U, I32x4ExtmulLowI16x8U(vec("i16x8 65535 65535 32768 1 7 7 7 7"), vec("i16x8 65535 1 32768 65535 7 7 7 7")),
			"i32x4 4294836225 65535 0x40000000 65535"},
		{wasm.OpI32x4ExtmulHighI16x8U, I32x4ExtmulHighI16x8U(vec("i16x8 7 7 7 7 65535 65535 32768 1"), vec("i16x8 7 7 7 7 65535 1 32768 65535")),
			"i32x4 4294836225 65535 0x40000000 65535"},
		{wasm.OpI64x2ExtmulLowI32x4S, I64x2ExtmulLowI32x4S(vec("i32x4 0x80000000 0x7fffffff 3 3"), vec("i32x4 0x80000000 -1 3 3")),
			"i64x2 0x4000000000000000 -2147483647"},
		{wasm.OpI64x2ExtmulHighI32x4S, I64x2ExtmulHighI32x4S(vec("i32x4 3 3 0x80000000 0x7fffffff"), vec("i32x4 3 3 0x80000000 -1")),
			"i64x2 0x4000000000000000 -2147483647"},
		{wasm.OpI64x2ExtmulLowI32x4U, I64x2ExtmulLowI32x4U(vec("i32x4 -1 0x80000000 3 3"), vec("i32x4 -1 2 3 3")),
			"i64x2 0xfffffffe00000001 0x100000000"},
		{wasm.OpI64x2ExtmulHighI32x4U, I64x2ExtmulHighI32x4U(vec("i32x4 3 3 -1 0x80000000"), vec("i32x4 3 3 -1 2")),
			"i64x2 0xfffffffe00000001 0x100000000"},
		{wasm.OpI16x8ExtaddPairwiseI8x16S, I16x8ExtaddPairwiseI8x16S(vec("i8x16 -128 -128 127 127 -1 1 0 0 -128 127 5 6 -1 -1 0 1")), "i16x8 -256 254 0 0 -1 11 -2 1"},
		{wasm.OpI16x8ExtaddPairwiseI8x16U, I16x8ExtaddPairwiseI8x16U(vec("i8x16 -128 -128 127 127 -1 1 0 0 -128 127 5 6 -1 -1 0 1")), "i16x8 256 254 256 0 255 11 510 1"},
		{wasm.OpI32x4ExtaddPairwiseI16x8S, I32x4ExtaddPairwiseI16x8S(vec("i16x8 -32768 -32768 32767 32767 -1 1 5 6")), "i32x4 -65536 65534 0 11"},
		{wasm.OpI32x4ExtaddPairwiseI16x8U, I32x4ExtaddPairwiseI16x8U(vec("i16x8 -32768 -32768 32767 32767 -1 -1 5 6")), "i32x4 65536 65534 131070 11"},
		{wasm.OpI32x4DotI16x8S, I32x4DotI16x8S(vec("i16x8 -32768"), vec("i16x8 -32768")), "i32x4 -2147483648"},
		{wasm.OpI32x4DotI16x8S, I32x4DotI16x8S(vec("i16x8 32768"), vec("i16x8 1")), "i32x4 -65536"},
		{wasm.OpI32x4DotI16x8S, I32x4DotI16x8S(vec("i16x8 1 2 3 4 5 6 7 8"), vec("i16x8 -1 10 100 -1000 0 0 32767 32767")), "i32x4 19 -3700 0 491505"},

		// ---- integer comparisons ----
		{wasm.OpI8x16Eq, I8x16Eq(vec("i8x16 0 1 -1 -128 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 0 2 255 128 1 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 -1 0 -1 -1 0 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1"},
		{wasm.OpI8x16Ne, I8x16Ne(vec("i8x16 0 1 -1 -128 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 0 2 255 128 1 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 0 -1 0 0 -1 0 0 0 0 0 0 0 0 0 0 0"},
		{wasm.OpI8x16LtS, I8x16LtS(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 -1 0 -1 0 0 0 0 0 0 0 0 0 0 0 0 0"},
		{wasm.OpI8x16LtU, I8x16LtU(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 0 -1 0 -1 0 0 0 0 0 0 0 0 0 0 0 0"},
		{wasm.OpI8x16GtS, I8x16GtS(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 0 -1 0 -1 0 0 0 0 0 0 0 0 0 0 0 0"},
		{wasm.OpI8x16GtU, I8x16GtU(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 -1 0 -1 0 0 0 0 0 0 0 0 0 0 0 0 0"},
		{wasm.OpI8x16LeS, I8x16LeS(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 -1 0 -1 0 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1"},
		{wasm.OpI8x16LeU, I8x16LeU(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 0 -1 0 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1"},
		{wasm.OpI8x16GeS, I8x16GeS(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 0 -1 0 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1"},
		{wasm.OpI8x16GeU, I8x16GeU(vec("i8x16 -1 1 -128 127 0 0 0 0 0 0 0 0 0 0 0 0"), vec("i8x16 1 -1 127 -128 0 0 0 0 0 0 0 0 0 0 0 0")), "i8x16 -1 0 -1 0 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1"},
		{wasm.OpI16x8Eq, I16x8Eq(vec("i16x8 0 1 -1 -32768 0 0 0 5"), vec("i16x8 0 2 65535 32768 1 0 0 0x105")), "i16x8 -1 0 -1 -1 0 -1 -1 0"},
		{wasm.OpI16x8Ne, I16x8Ne(vec("i16x8 0 1 -1 -32768 0 0 0 5"), vec("i16x8 0 2 65535 32768 1 0 0 0x105")), "i16x8 0 -1 0 0 -1 0 0 -1"},
		{wasm.OpI16x8LtS, I16x8LtS(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 -1 0 -1 0 0 0 0 0"},
		{wasm.OpI16x8LtU, I16x8LtU(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 0 -1 0 -1 0 0 0 0"},
		{wasm.OpI16x8GtS, I16x8GtS(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 0 -1 0 -1 0 0 0 0"},
		{wasm.OpI16x8GtU, I16x8GtU(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 -1 0 -1 0 0 0 0 0"},
		{wasm.OpI16x8LeS, I16x8LeS(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 -1 0 -1 0 -1 -1 -1 -1"},
		{wasm.OpI16x8LeU, I16x8LeU(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 0 -1 0 -1 -1 -1 -1 -1"},
		{wasm.OpI16x8GeS, I16x8GeS(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 0 -1 0 -1 -1 -1 -1 -1"},
		{wasm.OpI16x8GeU, I16x8GeU(vec("i16x8 -1 1 -32768 32767 0 0 0 0"), vec("i16x8 1 -1 32767 -32768 0 0 0 0")), "i16x8 -1 0 -1 0 -1 -1 -1 -1"},
		{wasm.OpI32x4Eq, I32x4Eq(vec("i32x4 0 -1 0x80000000 5"), vec("i32x4 0 0xffffffff 0x80000000 0x100000005")), "i32x4 -1 -1 -1 -1"},
		{wasm.OpI32x4Ne, I32x4Ne(vec("i32x4 0 -1 0x80000000 5"), vec("i32x4 1 0xffffffff 0 5")), "i32x4 -1 0 -1 0"},
		{wasm.OpI32x4LtS, I32x4LtS(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 -1 0 -1 0"},
		{wasm.OpI32x4LtU, I32x4LtU(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 0 -1 0 0"},
		{wasm.OpI32x4GtS, I32x4GtS(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 0 -1 0 0"},
		{wasm.OpI32x4GtU, I32x4GtU(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 -1 0 -1 0"},
		{wasm.OpI32x4LeS, I32x4LeS(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 -1 0 -1 -1"},
		{wasm.OpI32x4LeU, I32x4LeU(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 0 -1 0 -1"},
		{wasm.OpI32x4GeS, I32x4GeS(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 0 -1 0 -1"},
		{wasm.OpI32x4GeU, I32x4GeU(vec("i32x4 -1 1 0x80000000 0"), vec("i32x4 1 -1 0x7fffffff 0")), "i32x4 -1 0 -1 -1"},
		{wasm.OpI64x2Eq, I64x2Eq(vec("i64x2 -1 0x100000000"), vec("i64x2 -1 0")), "i64x2 -1 0"},
		{wasm.OpI64x2Ne, I64x2Ne(vec("i64x2 -1 0x100000000"), vec("i64x2 -1 0")), "i64x2 0 -1"},
		{wasm.OpI64x2LtS, I64x2LtS(vec("i64x2 0x8000000000000000 1"), vec("i64x2 0x7fffffffffffffff 1")), "i64x2 -1 0"},
		{wasm.OpI64x2GtS, I64x2GtS(vec("i64x2 0x8000000000000000 -1"), vec("i64x2 0x7fffffffffffffff -2")), "i64x2 0 -1"},
		{wasm.OpI64x2LeS, I64x2LeS(vec("i64x2 0x8000000000000000 1"), vec("i64x2 0x7fffffffffffffff 1")), "i64x2 -1 -1"},
		{wasm.OpI64x2GeS, I64x2GeS(vec("i64x2 0x8000000000000000 1"), vec("i64x2 0x7fffffffffffffff 1")), "i64x2 0 -1"},

		// ---- float arithmetic ----
		{wasm.OpF32x4Add, F32x4Add(vec("f32x4 inf nan:0x200000 1 0x1p-149"), vec("f32x4 -inf 1 0x1p-24 0x1p-149")), "f32x4 nan:canonical nan:arithmetic 1 0x1p-148"},
		{wasm.OpF32x4Add, F32x4Add(vec("f32x4 -0 0x1.fffffep127 nan 0x1.000002p0"), vec("f32x4 -0 0x1p104 -nan 0x1p-24")), "f32x4 -0 inf nan:canonical 0x1.000004p0"},
		{wasm.OpF32x4Sub, F32x4Sub(vec("f32x4 inf -0 0 1"), vec("f32x4 inf 0 0 0x1p-25")), "f32x4 nan:canonical -0 0 1"},
		{wasm.OpF32x4Mul, F32x4Mul(vec("f32x4 0 -0 inf 0x1p-126"), vec("f32x4 inf 1 -2 0x1p-24")), "f32x4 nan:canonical -0 -inf 0x1p-150"},
		{wasm.OpF32x4Mul, F32x4Mul(vec("f32x4 0x1.000002p0 3 -nan:0x1 nan"), vec("f32x4 0x1.000002p0 0x1.555556p-2 2 nan:0x1")), "f32x4 0x1.000004p0 1 nan:arithmetic nan:canonical"},
		{wasm.OpF32x4Div, F32x4Div(vec("f32x4 0 1 -1 1"), vec("f32x4 0 0 0 3")), "f32x4 nan:canonical inf -inf 0x1.555556p-2"},
		{wasm.OpF32x4Sqrt, F32x4Sqrt(vec("f32x4 -1 -0 4 2")), "f32x4 nan:canonical -0 2 0x1.6a09e6p0"},
		{wasm.OpF32x4Sqrt, F32x4Sqrt(vec("f32x4 inf -inf nan:0x200000 0x1p-148")), "f32x4 inf nan:canonical nan:arithmetic 0x1p-74"},
		{wasm.OpF32x4Min, F32x4Min(vec("f32x4 nan 0 0 1"), vec("f32x4 0 -nan 1 0")), "f32x4 nan:canonical nan:canonical 0 0"},
		{wasm.OpF32x4Min, F32x4Min(vec("f32x4 0 -0 nan:0x200000 -inf"), vec("f32x4 -0 0 1 inf")), "f32x4 -0 -0 nan:arithmetic -inf"},
		{wasm.OpF32x4Max, F32x4Max(vec("f32x4 nan 0 0 1"), vec("f32x4 0 -nan 1 0")), "f32x4 nan:canonical nan:canonical 1 1"},
		{wasm.OpF32x4Max, F32x4Max(vec("f32x4 0 -0 1 -inf"), vec("f32x4 -0 0 -nan:0x1 inf")), "f32x4 0 0 nan:arithmetic inf"},
		{wasm.OpF32x4Pmin, F32x4Pmin(vec("f32x4 nan:0x1 1 0 -0"), vec("f32x4 0 nan:0x2 -0 0")), "f32x4 nan:0x1 1 0 -0"},
		{wasm.OpF32x4Pmin, F32x4Pmin(vec("f32x4 2 -inf inf 1"), vec("f32x4 1 inf -inf 1")), "f32x4 1 -inf -inf 1"},
		{wasm.OpF32x4Pmax, F32x4Pmax(vec("f32x4 nan:0x1 1 0 -0"), vec("f32x4 0 nan:0x2 -0 0")), "f32x4 nan:0x1 1 0 -0"},
		{wasm.OpF32x4Pmax, F32x4Pmax(vec("f32x4 2 -inf inf 1"), vec("f32x4 1 inf -inf 1")), "f32x4 2 inf inf 1"},
		{wasm.OpF32x4Abs, F32x4Abs(vec("f32x4 -nan:0x1 -0 -inf 1")), "f32x4 nan:0x1 0 inf 1"},
		{wasm.OpF32x4Neg, F32x4Neg(vec("f32x4 nan:0x1 -0 -inf 1")), "f32x4 -nan:0x1 0 inf -1"},
		{wasm.OpF32x4Ceil, F32x4Ceil(vec("f32x4 -0.5 0.5 -nan:0x200000 0x1.fffffep22")), "f32x4 -0 1 nan:arithmetic 0x1p23"},
		{wasm.OpF32x4Ceil, F32x4Ceil(vec("f32x4 -0 inf -1.5 nan")), "f32x4 -0 inf -1 nan:canonical"},
		{wasm.OpF32x4Floor, F32x4Floor(vec("f32x4 -0.5 0.5 -0 0x1.fffffep22")), "f32x4 -1 0 -0 0x1.fffffcp22"},
		{wasm.OpF32x4Floor, F32x4Floor(vec("f32x4 -inf -1.5 nan:0x1 -0x1p-149")), "f32x4 -inf -2 nan:arithmetic -1"},
		{wasm.OpF32x4Trunc, F32x4Trunc(vec("f32x4 -0.5 0.9 -1.5 0x1.fffffep22")), "f32x4 -0 0 -1 0x1.fffffcp22"},
		{wasm.OpF32x4Trunc, F32x4Trunc(vec("f32x4 -nan inf -0 0x1p100")), "f32x4 nan:canonical inf -0 0x1p100"},
		{wasm.OpF32x4Nearest, F32x4Nearest(vec("f32x4 0.5 1.5 2.5 -0.5")), "f32x4 0 2 2 -0"},
		{wasm.OpF32x4Nearest, F32x4Nearest(vec("f32x4 0x1.fffffep22 -3.5 nan:0x200000 0x1.000002p23")), "f32x4 0x1p23 -4 nan:arithmetic 0x1.000002p23"},
		{wasm.OpF64x2Add, F64x2Add(vec("f64x2 inf 1"), vec("f64x2 -inf 0x1p-53")), "f64x2 nan:canonical 1"},
		{wasm.OpF64x2Add, F64x2Add(vec("f64x2 nan:0x4000000000000 0x1p-1074"), vec("f64x2 1 0x1p-1074")), "f64x2 nan:arithmetic 0x1p-1073"},
		{wasm.OpF64x2Sub, F64x2Sub(vec("f64x2 -inf -0"), vec("f64x2 -inf 0")), "f64x2 nan:canonical -0"},
		{wasm.OpF64x2Mul, F64x2Mul(vec("f64x2 -0 0x1.0000000000001p0"), vec("f64x2 inf 0x1.0000000000001p0")), "f64x2 nan:canonical 0x1.0000000000002p0"},
		{wasm.OpF64x2Div, F64x2Div(vec("f64x2 -inf 1"), vec("f64x2 inf -0")), "f64x2 nan:canonical -inf"},
		{wasm.OpF64x2Div, F64x2Div(vec("f64x2 1 -nan"), vec("f64x2 3 1")), "f64x2 0x1.5555555555555p-2 nan:canonical"},
		{wasm.OpF64x2Sqrt, F64x2Sqrt(vec("f64x2 -0x1p-1074 2")), "f64x2 nan:canonical 0x1.6a09e667f3bcdp0"},
		{wasm.OpF64x2Sqrt, F64x2Sqrt(vec("f64x2 -0 nan:0x1")), "f64x2 -0 nan:arithmetic"},
		{wasm.OpF64x2Min, F64x2Min(vec("f64x2 0 -nan"), vec("f64x2 -0 0")), "f64x2 -0 nan:canonical"},
		{wasm.OpF64x2Min, F64x2Min(vec("f64x2 -0 1"), vec("f64x2 0 nan:0x1")), "f64x2 -0 nan:arithmetic"},
		{wasm.OpF64x2Max, F64x2Max(vec("f64x2 0 -nan"), vec("f64x2 -0 0")), "f64x2 0 nan:canonical"},
		{wasm.OpF64x2Max, F64x2Max(vec("f64x2 -0 -inf"), vec("f64x2 0 -0x1p-1074")), "f64x2 0 -0x1p-1074"},
		{wasm.OpF64x2Pmin, F64x2Pmin(vec("f64x2 nan:0x1 -0"), vec("f64x2 0 0")), "f64x2 nan:0x1 -0"},
		{wasm.OpF64x2Pmin, F64x2Pmin(vec("f64x2 2 0"), vec("f64x2 -nan:0x5 -inf")), "f64x2 2 -inf"},
		{wasm.OpF64x2Pmax, F64x2Pmax(vec("f64x2 nan:0x1 0"), vec("f64x2 0 -0")), "f64x2 nan:0x1 0"},
		{wasm.OpF64x2Pmax, F64x2Pmax(vec("f64x2 2 0"), vec("f64x2 -nan:0x5 inf")), "f64x2 2 inf"},
		{wasm.OpF64x2Abs, F64x2Abs(vec("f64x2 -nan:0x1 -inf")), "f64x2 nan:0x1 inf"},
		{wasm.OpF64x2Neg, F64x2Neg(vec("f64x2 nan:0x1 0")), "f64x2 -nan:0x1 -0"},
		{wasm.OpF64x2Ceil, F64x2Ceil(vec("f64x2 -0.5 0x1.fffffffffffffp51")), "f64x2 -0 0x1p52"},
		{wasm.OpF64x2Ceil, F64x2Ceil(vec("f64x2 -nan:0x1 -inf")), "f64x2 nan:arithmetic -inf"},
		{wasm.OpF64x2Floor, F64x2Floor(vec("f64x2 -0.5 0x1.fffffffffffffp51")), "f64x2 -1 0x1.ffffffffffffep51"},
		{wasm.OpF64x2Floor, F64x2Floor(vec("f64x2 -0 nan")), "f64x2 -0 nan:canonical"},
		{wasm.OpF64x2Trunc, F64x2Trunc(vec("f64x2 -0.9 1.9")), "f64x2 -0 1"},
		{wasm.OpF64x2Trunc, F64x2Trunc(vec("f64x2 nan:0x1 0x1p1000")), "f64x2 nan:arithmetic 0x1p1000"},
		{wasm.OpF64x2Nearest, F64x2Nearest(vec("f64x2 -2.5 3.5")), "f64x2 -2 4"},
		{wasm.OpF64x2Nearest, F64x2Nearest(vec("f64x2 -0.5 0x1.fffffffffffffp51")), "f64x2 -0 0x1p52"},

		// ---- float comparisons ----
		{wasm.OpF32x4Eq, F32x4Eq(vec("f32x4 0 nan 1 inf"), vec("f32x4 -0 nan 1 inf")), "i32x4 -1 0 -1 -1"},
		{wasm.OpF32x4Ne, F32x4Ne(vec("f32x4 0 nan 1 inf"), vec("f32x4 -0 nan 2 inf")), "i32x4 0 -1 -1 0"},
		{wasm.OpF32x4Lt, F32x4Lt(vec("f32x4 -0 nan 1 -inf"), vec("f32x4 0 1 2 inf")), "i32x4 0 0 -1 -1"},
		{wasm.OpF32x4Gt, F32x4Gt(vec("f32x4 -0 nan 3 -inf"), vec("f32x4 0 1 2 inf")), "i32x4 0 0 -1 0"},
		{wasm.OpF32x4Le, F32x4Le(vec("f32x4 -0 nan 3 -inf"), vec("f32x4 0 1 2 inf")), "i32x4 -1 0 0 -1"},
		{wasm.OpF32x4Ge, F32x4Ge(vec("f32x4 -0 nan 3 -inf"), vec("f32x4 0 1 2 inf")), "i32x4 -1 0 -1 0"},
		{wasm.OpF64x2Eq, F64x2Eq(vec("f64x2 0 nan"), vec("f64x2 -0 nan")), "i64x2 -1 0"},
		{wasm.OpF64x2Ne, F64x2Ne(vec("f64x2 0 nan"), vec("f64x2 -0 nan")), "i64x2 0 -1"},
		{wasm.OpF64x2Lt, F64x2Lt(vec("f64x2 -inf nan"), vec("f64x2 inf 1")), "i64x2 -1 0"},
		{wasm.OpF64x2Gt, F64x2Gt(vec("f64x2 -inf 2"), vec("f64x2 inf 1")), "i64x2 0 -1"},
		{wasm.OpF64x2Le, F64x2Le(vec("f64x2 0 nan"), vec("f64x2 -0 1")), "i64x2 -1 0"},
		{wasm.OpF64x2Ge, F64x2Ge(vec("f64x2 0 1"), vec("f64x2 -0 nan")), "i64x2 -1 0"},

		// ---- conversions ----
		{wasm.OpI32x4TruncSatF32x4S, I32x4TruncSatF32x4S(vec("f32x4 2147483648.0 -2147483648.0 2147483520.0 -2147483904.0")),
			"i32x4 2147483647 -2147483648 2147483520 -2147483648"},
		{wasm.OpI32x4TruncSatF32x4S, I32x4TruncSatF32x4S(vec("f32x4 nan -nan:0x1 inf -inf")), "i32x4 0 0 2147483647 -2147483648"},
		{wasm.OpI32x4TruncSatF32x4S, I32x4TruncSatF32x4S(vec("f32x4 -1.9 1.9 -0 0x1p-149")), "i32x4 -1 1 0 0"},
		{wasm.OpI32x4TruncSatF32x4U, I32x4TruncSatF32x4U(vec("f32x4 4294967296.0 4294967040.0 -1 -0.9")), "i32x4 4294967295 4294967040 0 0"},
		{wasm.OpI32x4TruncSatF32x4U, I32x4TruncSatF32x4U(vec("f32x4 nan inf -inf 2147483648.0")), "i32x4 0 4294967295 0 2147483648"},
		{wasm.OpI32x4TruncSatF64x2SZero, I32x4TruncSatF64x2SZero(vec("f64x2 2147483647.9 -2147483648.9")), "i32x4 2147483647 -2147483648 0 0"},
		{wasm.OpI32x4TruncSatF64x2SZero, I32x4TruncSatF64x2SZero(vec("f64x2 nan -2147483649")), "i32x4 0 -2147483648 0 0"},
		{wasm.OpI32x4TruncSatF64x2UZero, I32x4TruncSatF64x2UZero(vec("f64x2 4294967295.9 4294967296")), "i32x4 -1 -1 0 0"},
		{wasm.OpI32x4TruncSatF64x2UZero, I32x4TruncSatF64x2UZero(vec("f64x2 -nan -0.99")), "i32x4 0 0 0 0"},
		{wasm.OpF32x4ConvertI32x4S, F32x4ConvertI32x4S(vec("i32x4 -2147483648 2147483647 16777217 -16777219")),
			"f32x4 -0x1p31 0x1p31 16777216 -16777220"},
		{wasm.OpF32x4ConvertI32x4U, F32x4ConvertI32x4U(vec("i32x4 -1 0x80000000 16777219 0x80000081")),
			"f32x4 0x1p32 0x1p31 16777220 0x1.000002p31"},
		{wasm.OpF64x2ConvertLowI32x4S, F64x2ConvertLowI32x4S(vec("i32x4 -2147483648 -1 7 7")), "f64x2 -2147483648 -1"},
		{wasm.OpF64x2ConvertLowI32x4U, F64x2ConvertLowI32x4U(vec("i32x4 -1 0x80000000 7 7")), "f64x2 4294967295 2147483648"},
		{wasm.OpF32x4DemoteF64x2Zero, F32x4DemoteF64x2Zero(vec("f64x2 0x1.fffffe0000000p-127 0x1.fffffefffffffp127")), "f32x4 0x1p-126 0x1.fffffep127 0 0"},
		{wasm.OpF32x4DemoteF64x2Zero, F32x4DemoteF64x2Zero(vec("f64x2 0x1.fffffffp127 0x1.0000010000000p0")), "f32x4 inf 1 0 0"},
		{wasm.OpF32x4DemoteF64x2Zero, F32x4DemoteF64x2Zero(vec("f64x2 nan -nan:0x4000000000000")), "f32x4 nan:canonical nan:arithmetic 0 0"},
		{wasm.OpF64x2PromoteLowF32x4, F64x2PromoteLowF32x4(vec("f32x4 0x1p-149 -0x1.fffffep127 1 1")), "f64x2 0x1p-149 -0x1.fffffep127"},
		{wasm.OpF64x2PromoteLowF32x4, F64x2PromoteLowF32x4(vec("f32x4 -nan nan:0x200000 1 1")), "f64x2 nan:canonical nan:arithmetic"},
	}
}

// memCases exercise the memory helpers on a fixed 32-byte buffer holding
// bytes 0x80, 0x81, ..., 0x9F.
func memCases() []tc {
	var mem [32]byte
	for i := range mem {
		mem[i] = byte(0x80 + i)
	}
	stored := func(f func(b []byte)) V128 {
		b := make([]byte, 16)
		for i := range b {
			b[i] = 0xEE
		}
		f(b)
		return Load128(b)
	}
	v := vec("i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15")
	return []tc{
		{wasm.OpV128Load, Load128(mem[3:]), "i8x16 0x83 0x84 0x85 0x86 0x87 0x88 0x89 0x8a 0x8b 0x8c 0x8d 0x8e 0x8f 0x90 0x91 0x92"},
		{wasm.OpV128Store, stored(func(b []byte) { Store128(b, v) }), "i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"},
		{wasm.OpV128Load8x8S, Load8x8S(mem[0:8]), "i16x8 -128 -127 -126 -125 -124 -123 -122 -121"},
		{wasm.OpV128Load8x8U, Load8x8U(mem[0:8]), "i16x8 128 129 130 131 132 133 134 135"},
		{wasm.OpV128Load16x4S, Load16x4S(mem[0:8]), "i32x4 -32384 -31870 -31356 -30842"},
		{wasm.OpV128Load16x4U, Load16x4U(mem[0:8]), "i32x4 0x8180 0x8382 0x8584 0x8786"},
		{wasm.OpV128Load32x2S, Load32x2S(mem[0:8]), "i64x2 0xffffffff83828180 0xffffffff87868584"},
		{wasm.OpV128Load32x2U, Load32x2U(mem[0:8]), "i64x2 0x83828180 0x87868584"},
		{wasm.OpV128Load8Splat, Load8Splat(mem[5:6]), "i8x16 0x85"},
		{wasm.OpV128Load16Splat, Load16Splat(mem[1:3]), "i16x8 0x8281"},
		{wasm.OpV128Load32Splat, Load32Splat(mem[1:5]), "i32x4 0x84838281"},
		{wasm.OpV128Load64Splat, Load64Splat(mem[8:16]), "i64x2 0x8f8e8d8c8b8a8988"},
		{wasm.OpV128Load32Zero, Load32Zero(mem[4:8]), "i32x4 0x87868584 0 0 0"},
		{wasm.OpV128Load64Zero, Load64Zero(mem[0:8]), "i64x2 0x8786858483828180 0"},
		{wasm.OpV128Load8Lane, Load8Lane(mem[31:], v, 9), "i8x16 0 1 2 3 4 5 6 7 8 0x9f 10 11 12 13 14 15"},
		{wasm.OpV128Load16Lane, Load16Lane(mem[0:2], v, 7), "i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 0x80 0x81"},
		{wasm.OpV128Load32Lane, Load32Lane(mem[0:4], v, 1), "i8x16 0 1 2 3 0x80 0x81 0x82 0x83 8 9 10 11 12 13 14 15"},
		{wasm.OpV128Load64Lane, Load64Lane(mem[0:8], v, 0), "i8x16 0x80 0x81 0x82 0x83 0x84 0x85 0x86 0x87 8 9 10 11 12 13 14 15"},
		{wasm.OpV128Store8Lane, stored(func(b []byte) { Store8Lane(b[1:], v, 15) }), "i8x16 0xee 15 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee"},
		{wasm.OpV128Store16Lane, stored(func(b []byte) { Store16Lane(b, v, 3) }), "i8x16 6 7 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee"},
		{wasm.OpV128Store32Lane, stored(func(b []byte) { Store32Lane(b[12:], v, 2) }), "i8x16 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 0xee 8 9 10 11"},
		{wasm.OpV128Store64Lane, stored(func(b []byte) { Store64Lane(b[4:], v, 1) }), "i8x16 0xee 0xee 0xee 0xee 8 9 10 11 12 13 14 15 0xee 0xee 0xee 0xee"},
		{wasm.OpV128Const, FromBytes([16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}), "i64x2 0x0807060504030201 0x100f0e0d0c0b0a09"},
	}
}

func TestInstructions(t *testing.T) {
	all := append(cases(), memCases()...)
	for i, c := range all {
		if ok, msg := match(c.got, c.want); !ok {
			t.Errorf("case %d %s: %s", i, c.op, msg)
		}
	}
}

// TestCoverage checks that every SIMD instruction in the shared opcode
// table is exercised by at least one case above.
func TestCoverage(t *testing.T) {
	seen := map[wasm.Op]bool{}
	for _, c := range append(cases(), memCases()...) {
		if c.op < 0x300 || c.op > 0x3FF {
			t.Errorf("case for non-SIMD op %s", c.op)
		}
		seen[c.op] = true
	}
	n := 0
	for op := wasm.Op(0x300); op <= 0x3FF; op++ {
		if _, ok := op.Info(); !ok {
			continue
		}
		n++
		if !seen[op] {
			t.Errorf("no test case for %s (%#x)", op, uint16(op))
		}
	}
	if n != 236 {
		t.Errorf("opcode table has %d SIMD instructions, want 236", n)
	}
	t.Logf("%d SIMD instructions, %d covered", n, len(seen))
}
