package wasi

import (
	"encoding/binary"
	"unicode/utf8"
)

// mem is guest linear memory; every accessor checks bounds.
type mem []byte

func (m mem) slice(p, n uint32) ([]byte, bool) {
	end := uint64(p) + uint64(n)
	if end > uint64(len(m)) {
		return nil, false
	}
	return m[p:end:end], true
}

func (m mem) ok(p, n uint32) bool { return uint64(p)+uint64(n) <= uint64(len(m)) }

func (m mem) putU32(p, v uint32) bool {
	b, ok := m.slice(p, 4)
	if ok {
		binary.LittleEndian.PutUint32(b, v)
	}
	return ok
}

func (m mem) putU64(p uint32, v uint64) bool {
	b, ok := m.slice(p, 8)
	if ok {
		binary.LittleEndian.PutUint64(b, v)
	}
	return ok
}

// le writes little-endian fields into a fixed-size structure.
func le16(b []byte, off int, v uint16) { binary.LittleEndian.PutUint16(b[off:], v) }
func le32(b []byte, off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }
func le64(b []byte, off int, v uint64) { binary.LittleEndian.PutUint64(b[off:], v) }

// iovecs decodes n iovec structures at p; every buffer is bounds-checked.
func (m mem) iovecs(p, n uint32) ([][]byte, Errno) {
	if n > maxIOVs {
		return nil, EINVAL
	}
	raw, ok := m.slice(p, n*8)
	if !ok {
		return nil, EFAULT
	}
	out := make([][]byte, n)
	for i := range out {
		bp := binary.LittleEndian.Uint32(raw[i*8:])
		bl := binary.LittleEndian.Uint32(raw[i*8+4:])
		b, ok := m.slice(bp, bl)
		if !ok {
			return nil, EFAULT
		}
		out[i] = b
	}
	return out, ESUCCESS
}

// path reads a guest path string.
func (m mem) path(p, n uint32) (string, Errno) {
	if n > maxPathLen {
		return "", ENAMETOOLONG
	}
	b, ok := m.slice(p, n)
	if !ok {
		return "", EFAULT
	}
	for _, c := range b {
		if c == 0 {
			return "", EINVAL
		}
	}
	if !utf8.Valid(b) {
		return "", EILSEQ
	}
	return string(b), ESUCCESS
}
