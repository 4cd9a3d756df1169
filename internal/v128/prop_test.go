package v128

import (
	"math/rand/v2"
	"testing"
)

// TestBitTricks checks the word-parallel implementations (SWAR add/sub,
// the zero-byte test of all_true, the multiply gather of bitmask) against
// the lane-by-lane definition on random and boundary-heavy inputs.
func TestBitTricks(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	special := []byte{0, 1, 0x7F, 0x80, 0x81, 0xFE, 0xFF}
	gen := func() V128 {
		var b [16]byte
		for i := range b {
			if r.IntN(2) == 0 {
				b[i] = special[r.IntN(len(special))]
			} else {
				b[i] = byte(r.Uint32())
			}
		}
		return FromBytes(b)
	}
	for n := 0; n < 20000; n++ {
		a, b := gen(), gen()
		x, y := a.Bytes(), b.Bytes()
		var add8, sub8 [16]byte
		var allNonZero8 uint32 = 1
		var mask8 uint32
		for i := range x {
			add8[i] = x[i] + y[i]
			sub8[i] = x[i] - y[i]
			if x[i] == 0 {
				allNonZero8 = 0
			}
			mask8 |= uint32(x[i]>>7) << i
		}
		if got := I8x16Add(a, b); got != FromBytes(add8) {
			t.Fatalf("I8x16Add(%x, %x) = %x", a, b, got)
		}
		if got := I8x16Sub(a, b); got != FromBytes(sub8) {
			t.Fatalf("I8x16Sub(%x, %x) = %x", a, b, got)
		}
		if got := I8x16AllTrue(a); got != allNonZero8 {
			t.Fatalf("I8x16AllTrue(%x) = %d", a, got)
		}
		if got := I8x16Bitmask(a); got != mask8 {
			t.Fatalf("I8x16Bitmask(%x) = %#x, want %#x", a, got, mask8)
		}
		p, q := a.U16(), b.U16()
		var add16, sub16 [8]uint16
		for i := range p {
			add16[i] = p[i] + q[i]
			sub16[i] = p[i] - q[i]
		}
		if got := I16x8Add(a, b); got != FromU16(add16) {
			t.Fatalf("I16x8Add(%x, %x) = %x", a, b, got)
		}
		if got := I16x8Sub(a, b); got != FromU16(sub16) {
			t.Fatalf("I16x8Sub(%x, %x) = %x", a, b, got)
		}
		u, v := a.U32(), b.U32()
		var add32, sub32 [4]uint32
		var mask32 uint32
		for i := range u {
			add32[i] = u[i] + v[i]
			sub32[i] = u[i] - v[i]
			mask32 |= u[i] >> 31 << i
		}
		if got := I32x4Add(a, b); got != FromU32(add32) {
			t.Fatalf("I32x4Add(%x, %x) = %x", a, b, got)
		}
		if got := I32x4Sub(a, b); got != FromU32(sub32) {
			t.Fatalf("I32x4Sub(%x, %x) = %x", a, b, got)
		}
		if got := I32x4Bitmask(a); got != mask32 {
			t.Fatalf("I32x4Bitmask(%x) = %#x, want %#x", a, got, mask32)
		}
	}
}

// TestLaneAccessors checks that lane views agree with the byte layout.
func TestLaneAccessors(t *testing.T) {
	v := iota8 // byte i == i
	for i := uint8(0); i < 16; i++ {
		if got := v.Lane8(i); got != i {
			t.Errorf("Lane8(%d) = %d", i, got)
		}
	}
	for i := uint8(0); i < 8; i++ {
		if got, want := v.Lane16(i), uint16(2*i)|uint16(2*i+1)<<8; got != want {
			t.Errorf("Lane16(%d) = %#x, want %#x", i, got, want)
		}
	}
	for i := uint8(0); i < 4; i++ {
		b := 4 * uint32(i)
		if got, want := v.Lane32(i), b|(b+1)<<8|(b+2)<<16|(b+3)<<24; got != want {
			t.Errorf("Lane32(%d) = %#x, want %#x", i, got, want)
		}
	}
	if v.Lane64(1) != 0x0f0e0d0c0b0a0908 {
		t.Errorf("Lane64(1) = %#x", v.Lane64(1))
	}
	if got := v.SetLane8(9, 0xAA).SetLane16(0, 0xBBCC).SetLane32(3, 0x11223344).Bytes(); got != [16]byte{0xCC, 0xBB, 2, 3, 4, 5, 6, 7, 8, 0xAA, 10, 11, 0x44, 0x33, 0x22, 0x11} {
		t.Errorf("Set lanes: % x", got)
	}
	if FromU16(v.U16()) != v || FromU32(v.U32()) != v || FromBytes(v.Bytes()) != v {
		t.Error("lane array round trip changed the vector")
	}
}
