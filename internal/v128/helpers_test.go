package v128

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file parses vectors written the way the spec test scripts write
// them ("i16x8 1 -2 0x7fff ...", "f32x4 nan:canonical -0 0x1p-149 inf"),
// so expected values can be transcribed from the .wast files verbatim.
// A lane list with a single lane is splatted to every lane. Scalar results
// are written "i32 X", "i64 X", "f32 X" or "f64 X" and occupy the low bits
// of the vector (see s32 and s64).

// shapeOf returns the lane width in bits and lane count of a shape name.
func shapeOf(shape string) (bits, lanes int, float bool, err error) {
	switch shape {
	case "i8x16":
		return 8, 16, false, nil
	case "i16x8":
		return 16, 8, false, nil
	case "i32x4":
		return 32, 4, false, nil
	case "i64x2":
		return 64, 2, false, nil
	case "f32x4":
		return 32, 4, true, nil
	case "f64x2":
		return 64, 2, true, nil
	case "i32":
		return 32, 1, false, nil
	case "i64":
		return 64, 1, false, nil
	case "f32":
		return 32, 1, true, nil
	case "f64":
		return 64, 1, true, nil
	}
	return 0, 0, false, fmt.Errorf("unknown shape %q", shape)
}

// parseInt parses an integer lane literal (signed or unsigned, decimal or
// hex, with underscores) truncated to bits.
func parseInt(s string, bits int) (uint64, error) {
	// Wasm literals are decimal even with leading zeros; "0x" is hex.
	neg := strings.HasPrefix(s, "-")
	s = strings.ReplaceAll(strings.TrimLeft(s, "+-"), "_", "")
	base := 10
	if h, ok := strings.CutPrefix(s, "0x"); ok {
		s, base = h, 16
	}
	u, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		return 0, err
	}
	if neg {
		u = -u
	}
	if bits < 64 {
		u &= 1<<bits - 1
	}
	return u, nil
}

// parseFloat parses a float lane literal to its bit pattern.
func parseFloat(s string, bits int) (uint64, error) {
	neg := strings.HasPrefix(s, "-")
	body := strings.ReplaceAll(strings.TrimLeft(s, "+-"), "_", "")
	var sign uint64
	if neg {
		sign = 1 << (bits - 1)
	}
	if strings.HasPrefix(body, "nan") {
		var payload uint64
		if bits == 32 {
			payload = quiet32
		} else {
			payload = quiet64
		}
		if p, ok := strings.CutPrefix(body, "nan:"); ok {
			n, err := strconv.ParseUint(p, 0, 64)
			if err != nil {
				return 0, err
			}
			payload = n
		}
		if bits == 32 {
			return sign | 0x7F800000 | payload, nil
		}
		return sign | 0x7FF0000000000000 | payload, nil
	}
	if strings.HasPrefix(body, "0x") && !strings.ContainsAny(body, "pP") {
		body += "p0"
	}
	f, err := strconv.ParseFloat(body, bits)
	if err != nil {
		return 0, err
	}
	if bits == 32 {
		return sign | uint64(math.Float32bits(float32(f))), nil
	}
	return sign | math.Float64bits(f), nil
}

// lanePattern is one expected lane: exact bits, or a NaN class.
type lanePattern struct {
	bits  uint64
	class string // "" (exact), "canonical" or "arithmetic"
}

// parseVec parses "shape lane..." into lane patterns.
func parseVec(s string) (bits int, float bool, pats []lanePattern, err error) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return 0, false, nil, fmt.Errorf("vector %q: want a shape and lanes", s)
	}
	bits, lanes, float, err := shapeOf(f[0])
	if err != nil {
		return 0, false, nil, err
	}
	lits := f[1:]
	if len(lits) == 1 && lanes > 1 {
		for len(lits) < lanes {
			lits = append(lits, lits[0])
		}
	}
	if len(lits) != lanes {
		return 0, false, nil, fmt.Errorf("vector %q: %d lanes, want %d", s, len(lits), lanes)
	}
	for _, l := range lits {
		var p lanePattern
		switch {
		case float && strings.TrimLeft(l, "+-") == "nan:canonical":
			p.class = "canonical"
		case float && strings.TrimLeft(l, "+-") == "nan:arithmetic":
			p.class = "arithmetic"
		case float:
			p.bits, err = parseFloat(l, bits)
		default:
			p.bits, err = parseInt(l, bits)
		}
		if err != nil {
			return 0, false, nil, fmt.Errorf("vector %q lane %q: %v", s, l, err)
		}
		pats = append(pats, p)
	}
	return bits, float, pats, nil
}

// vec parses a vector literal; it panics on a malformed literal (a bug in
// the test table).
func vec(s string) V128 {
	bits, _, pats, err := parseVec(s)
	if err != nil {
		panic(err)
	}
	var b [16]byte
	for i, p := range pats {
		for k := 0; k < bits/8; k++ {
			b[i*bits/8+k] = byte(p.bits >> (8 * k))
		}
	}
	return FromBytes(b)
}

// s32 and s64 put a scalar result in a vector, to compare with "i32 X" or
// "i64 X".
func s32(x uint32) V128 { return V128{Lo: uint64(x)} }
func s64(x uint64) V128 { return V128{Lo: x} }

// match reports whether got matches the pattern want, with a description
// of the mismatch.
func match(got V128, want string) (bool, string) {
	bits, _, pats, err := parseVec(want)
	if err != nil {
		return false, err.Error()
	}
	b := got.Bytes()
	lane := func(i int) uint64 {
		var x uint64
		for k := 0; k < bits/8; k++ {
			x |= uint64(b[i*bits/8+k]) << (8 * k)
		}
		return x
	}
	var qnan, exp uint64
	if bits == 32 {
		qnan, exp = 0x7FC00000, 0x7FFFFFFF
	} else {
		qnan, exp = 0x7FF8000000000000, 1<<63-1
	}
	ok := true
	for i, p := range pats {
		x := lane(i)
		switch p.class {
		case "canonical":
			ok = ok && x&exp == qnan
		case "arithmetic":
			ok = ok && x&qnan == qnan
		default:
			ok = ok && x == p.bits
		}
	}
	// Bytes beyond the lanes of a scalar pattern must be zero.
	if n := len(pats) * bits / 8; n < 16 {
		for _, c := range b[n:] {
			ok = ok && c == 0
		}
	}
	if ok {
		return true, ""
	}
	var lanes []string
	for i := range pats {
		lanes = append(lanes, fmt.Sprintf("%#x", lane(i)))
	}
	return false, fmt.Sprintf("got lanes [%s] (%#016x %#016x), want %s", strings.Join(lanes, " "), got.Lo, got.Hi, want)
}
