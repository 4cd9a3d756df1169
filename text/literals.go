package text

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Literal errors. They carry the spec's reason texts.
var (
	errOutOfRange = errors.New("constant out of range")
	errBadNumber  = errors.New("unknown operator") // not a numeric literal at all
	errBadNaN     = errors.New("constant out of range")
	errBadString  = errors.New("malformed string")
	errBadUTF8    = errors.New("malformed UTF-8 encoding")
	errBadEscape  = errors.New("malformed escape sequence")
)

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || (c|0x20) >= 'a' && (c|0x20) <= 'f' }

func hexVal(c byte) uint64 {
	if isDigit(c) {
		return uint64(c - '0')
	}
	return uint64(c|0x20-'a') + 10
}

// digitRun checks that s is a non-empty run of digits (hex when hex is
// true) in which each '_' sits between two digits, and returns it with the
// separators removed.
func digitRun(s string, hex bool) (string, bool) {
	if s == "" {
		return "", false
	}
	ok := isDigit
	if hex {
		ok = isHexDigit
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if i == 0 || i == len(s)-1 || !ok(s[i-1]) || !ok(s[i+1]) {
				return "", false
			}
			if b == nil {
				b = append([]byte(nil), s[:i]...)
			}
			continue
		}
		if !ok(c) {
			return "", false
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b != nil {
		return string(b), true
	}
	return s, true
}

// parseNat parses an unsigned literal (decimal or 0x hex, with separators)
// into a uint64; overflow reports errOutOfRange.
func parseNat(s string) (uint64, error) {
	hex := false
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x') {
		hex = true
		s = s[2:]
	}
	d, ok := digitRun(s, hex)
	if !ok {
		return 0, errBadNumber
	}
	var v uint64
	overflow := false
	for i := 0; i < len(d); i++ {
		if hex {
			if v>>60 != 0 {
				overflow = true
			}
			v = v<<4 | hexVal(d[i])
		} else {
			x := uint64(d[i] - '0')
			if v > (math.MaxUint64-x)/10 {
				overflow = true
			}
			v = v*10 + x
		}
	}
	if overflow {
		return 0, errOutOfRange
	}
	return v, nil
}

// parseUint parses an unsigned literal without sign that must fit bits.
func parseUint(s string, bits uint) (uint64, error) {
	if s == "" || !isDigit(s[0]) {
		return 0, errBadNumber
	}
	v, err := parseNat(s)
	if err != nil {
		return 0, err
	}
	if bits < 64 && v>>bits != 0 {
		return 0, errOutOfRange
	}
	return v, nil
}

// parseInt parses an iN literal (uN or sN) into its two's complement bit
// pattern.
func parseInt(s string, bits uint) (uint64, error) {
	sign := byte(0)
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign = s[0]
		s = s[1:]
	}
	if s == "" || !isDigit(s[0]) {
		return 0, errBadNumber
	}
	v, err := parseNat(s)
	if err != nil {
		return 0, err
	}
	mask := uint64(math.MaxUint64)
	if bits < 64 {
		mask = 1<<bits - 1
	}
	half := uint64(1) << (bits - 1)
	switch sign {
	case 0:
		if v > mask {
			return 0, errOutOfRange
		}
		return v, nil
	case '+':
		if v >= half {
			return 0, errOutOfRange
		}
		return v, nil
	default:
		if v > half {
			return 0, errOutOfRange
		}
		return -v & mask, nil
	}
}

// ParseI32 parses an integer literal that fits 32 bits (signed or
// unsigned form, decimal or hex, with _ separators) into its bit pattern.
func ParseI32(s string) (uint32, error) {
	v, err := parseInt(s, 32)
	return uint32(v), err
}

// ParseI64 parses an integer literal that fits 64 bits into its bit pattern.
func ParseI64(s string) (uint64, error) { return parseInt(s, 64) }

// ParseF32 parses a float literal (decimal, hex, inf, nan, nan:0x...) into
// the bit pattern of a 32-bit float, rounding to nearest even.
func ParseF32(s string) (uint32, error) {
	v, err := parseFloat(s, 32)
	return uint32(v), err
}

// ParseF64 parses a float literal into the bit pattern of a 64-bit float.
func ParseF64(s string) (uint64, error) { return parseFloat(s, 64) }

// parseFloat returns the bit pattern of the float literal s in a float of
// the given size (32 or 64).
func parseFloat(s string, bits int) (uint64, error) {
	mantBits, signBit, expMask := uint(52), uint64(1)<<63, uint64(0x7FF)<<52
	if bits == 32 {
		mantBits, signBit, expMask = 23, 1<<31, 0xFF<<23
	}
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var sign uint64
	if neg {
		sign = signBit
	}
	switch {
	case s == "inf":
		return sign | expMask, nil
	case s == "nan":
		return sign | expMask | 1<<(mantBits-1), nil
	case strings.HasPrefix(s, "nan:0x"):
		d, ok := digitRun(s[6:], true)
		if !ok {
			return 0, errBadNumber
		}
		d = strings.TrimLeft(d, "0")
		if d == "" || len(d) > 16 {
			return 0, errBadNaN
		}
		p, err := strconv.ParseUint(d, 16, 64)
		if err != nil || p == 0 || p>>mantBits != 0 {
			return 0, errBadNaN
		}
		return sign | expMask | p, nil
	}
	if s == "" || !isDigit(s[0]) {
		return 0, errBadNumber
	}
	hex := strings.HasPrefix(s, "0x")
	body := s
	if hex {
		body = s[2:]
	}
	// Split into mantissa integer part, fraction and exponent.
	expCh := "eE"
	if hex {
		expCh = "pP"
	}
	mant, exp := body, ""
	hasExp := false
	if i := strings.IndexAny(body, expCh); i >= 0 {
		mant, exp, hasExp = body[:i], body[i+1:], true
	}
	intPart, frac := mant, ""
	hasDot := false
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, frac, hasDot = mant[:i], mant[i+1:], true
	}
	ip, ok := digitRun(intPart, hex)
	if !ok {
		return 0, errBadNumber
	}
	var b strings.Builder
	if hex {
		b.WriteString("0x")
	}
	b.WriteString(ip)
	if hasDot {
		b.WriteByte('.')
		if frac != "" {
			fp, ok := digitRun(frac, hex)
			if !ok {
				return 0, errBadNumber
			}
			b.WriteString(fp)
		} else if hex {
			b.WriteByte('0')
		}
	}
	if hasExp {
		es := ""
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			es, exp = exp[:1], exp[1:]
		}
		ep, ok := digitRun(exp, false)
		if !ok {
			return 0, errBadNumber
		}
		if hex {
			b.WriteByte('p')
		} else {
			b.WriteByte('e')
		}
		b.WriteString(es)
		b.WriteString(ep)
	} else if hex {
		b.WriteString("p0")
	}
	f, err := strconv.ParseFloat(b.String(), bits)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && !math.IsInf(f, 0) {
			err = nil // underflow to zero or a subnormal is fine
		} else {
			return 0, errOutOfRange
		}
	}
	if math.IsInf(f, 0) {
		return 0, errOutOfRange
	}
	if bits == 32 {
		return sign | uint64(math.Float32bits(float32(f))), nil
	}
	return sign | math.Float64bits(f), nil
}

// Unquote decodes a string literal, quotes included, into its bytes.
// Characters written literally must be valid UTF-8; escapes may produce
// any bytes.
func Unquote(lit string) ([]byte, error) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return nil, errBadString
	}
	s := lit[1 : len(lit)-1]
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			return nil, errBadString
		case c < 0x20 || c == 0x7F:
			return nil, errBadString
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, errBadUTF8
			}
			out = append(out, s[i:i+n]...)
			i += n
			continue
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		// Escape.
		if i+1 >= len(s) {
			return nil, errBadEscape
		}
		e := s[i+1]
		i += 2
		switch e {
		case 't':
			out = append(out, '\t')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case '"', '\'', '\\':
			out = append(out, e)
		case 'u':
			if i >= len(s) || s[i] != '{' {
				return nil, errBadEscape
			}
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				return nil, errBadEscape
			}
			d, ok := digitRun(s[i+1:i+j], true)
			if !ok || len(d) > 8 {
				return nil, errBadEscape
			}
			cp, _ := strconv.ParseUint(d, 16, 32)
			if cp >= 0x110000 || (cp >= 0xD800 && cp < 0xE000) {
				return nil, errBadEscape
			}
			out = utf8.AppendRune(out, rune(cp))
			i += j + 1
		default:
			if isHexDigit(e) && i < len(s) && isHexDigit(s[i]) {
				out = append(out, byte(hexVal(e)<<4|hexVal(s[i])))
				i++
				continue
			}
			return nil, errBadEscape
		}
	}
	return out, nil
}
