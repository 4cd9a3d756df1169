package store

import "encoding/binary"

// Read returns n bytes at offset, aliasing the memory; ok is false when
// the range is out of bounds.
func (m *Memory) Read(offset, n uint64) (b []byte, ok bool) {
	mem := m.Bytes()
	if offset > uint64(len(mem)) || n > uint64(len(mem))-offset {
		return nil, false
	}
	return mem[offset : offset+n : offset+n], true
}

// Write copies b to offset; ok is false (and nothing is written) when the
// range is out of bounds.
func (m *Memory) Write(offset uint64, b []byte) (ok bool) {
	dst, ok := m.Read(offset, uint64(len(b)))
	if ok {
		copy(dst, b)
	}
	return ok
}

// ReadUint32Le reads a little-endian uint32 at offset.
func (m *Memory) ReadUint32Le(offset uint64) (uint32, bool) {
	b, ok := m.Read(offset, 4)
	if !ok {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b), true
}

// WriteUint32Le writes a little-endian uint32 at offset.
func (m *Memory) WriteUint32Le(offset uint64, v uint32) bool {
	b, ok := m.Read(offset, 4)
	if ok {
		binary.LittleEndian.PutUint32(b, v)
	}
	return ok
}

// ReadUint64Le reads a little-endian uint64 at offset.
func (m *Memory) ReadUint64Le(offset uint64) (uint64, bool) {
	b, ok := m.Read(offset, 8)
	if !ok {
		return 0, false
	}
	return binary.LittleEndian.Uint64(b), true
}

// WriteUint64Le writes a little-endian uint64 at offset.
func (m *Memory) WriteUint64Le(offset uint64, v uint64) bool {
	b, ok := m.Read(offset, 8)
	if ok {
		binary.LittleEndian.PutUint64(b, v)
	}
	return ok
}
