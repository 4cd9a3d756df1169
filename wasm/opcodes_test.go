package wasm

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOpcodeTableRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		prefix byte
		sub    uint32
	}{
		{"i32.add", 0, 0x6A},
		{"unreachable", 0, 0x00},
		{"i64.trunc_sat_f64_u", PrefixMisc, 7},
		{"table.fill", PrefixMisc, 17},
		{"v128.load", PrefixSIMD, 0},
		{"f64x2.convert_low_i32x4_u", PrefixSIMD, 255},
		{"i16x8.avgr_u", PrefixSIMD, 155},
	}
	for _, tc := range tests {
		op, ok := OpByName(tc.name)
		if !ok {
			t.Fatalf("OpByName(%q) not found", tc.name)
		}
		var got Op
		if tc.prefix == 0 {
			got, ok = ByteOp(byte(tc.sub))
		} else {
			got, ok = PrefixedOp(tc.prefix, tc.sub)
			if op.Prefix() != tc.prefix || op.Sub() != tc.sub {
				t.Errorf("%s: encoding %#x/%d, want %#x/%d", tc.name, op.Prefix(), op.Sub(), tc.prefix, tc.sub)
			}
		}
		if !ok || got != op {
			t.Errorf("%s: decode gives %v (%v), want %v", tc.name, got, ok, op)
		}
		if op.String() != tc.name {
			t.Errorf("String() = %q, want %q", op.String(), tc.name)
		}
	}
	if _, ok := PrefixedOp(PrefixSIMD, 154); ok {
		t.Error("SIMD 154 is reserved but decoded")
	}
	if _, ok := ByteOp(0xFC); ok {
		t.Error("prefix byte decoded as an instruction")
	}
}

func TestOpcodeTableCounts(t *testing.T) {
	n, simd := 0, 0
	for i := range opTable {
		if opTable[i].Name == "" {
			continue
		}
		info := &opTable[i]
		if info.Feature != 0 {
			continue // counted by TestOpcodeFeatures
		}
		n++
		if Op(i) >= 0x300 {
			simd++
		}
		if !info.Special && info.Imm != ImmNone && info.Imm != ImmMemArg && info.Imm != ImmMemArgLane &&
			info.Imm != ImmLane && info.Imm != ImmI32 && info.Imm != ImmI64 && info.Imm != ImmF32 &&
			info.Imm != ImmF64 && info.Imm != ImmV128 && info.Imm != ImmShuffle && info.Imm != ImmMemory &&
			info.Imm != ImmMemoryInit && info.Imm != ImmMemoryCopy && info.Imm != ImmTableInit &&
			info.Imm != ImmTableCopy && info.Imm != ImmData && info.Imm != ImmElem && info.Imm != ImmTable {
			t.Errorf("%s: fixed signature with immediate kind %d", info.Name, info.Imm)
		}
	}
	// 2.0 has 236 SIMD instructions (and 437 in all).
	if simd != 236 {
		t.Errorf("%d SIMD instructions, want 236", simd)
	}
	if n != 437 {
		t.Errorf("%d instructions, want 437", n)
	}
}

// TestOpcodeFeatures counts the instructions of each 3.0 feature.
func TestOpcodeFeatures(t *testing.T) {
	got := map[string]int{}
	for i := range opTable {
		if opTable[i].Name != "" && opTable[i].Feature != 0 {
			got[opTable[i].Feature.String()]++
		}
	}
	want := map[string]int{"tail calls": 2, "exception handling": 3, "relaxed SIMD": 20, "typed function references": 5}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("instructions per feature (-want +got):\n%s", diff)
	}
}
