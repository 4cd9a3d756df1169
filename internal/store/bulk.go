package store

// BulkChunk is the most bytes (of memory) or elements (of a table) that a
// bulk operation moves between two interruption checks. A 64 KiB chunk
// takes a few microseconds, so a deadline or cancellation stops even a
// 4 GiB memory.fill within that time of its check; each check beyond the
// first chunk costs the operation one unit of fuel, as a loop iteration
// does, so fuel limits bulk work by its size too.
const BulkChunk = 64 << 10

// Chunked runs a bulk operation of n units as calls of step on
// consecutive chunks [off, off+len) of at most BulkChunk units, calling
// check between two chunks; a non-zero trap code from check stops the
// operation with that code. backward runs the chunks from the last to the
// first, which keeps an overlapping copy to a higher address correct when
// each step is a memmove.
func Chunked(n uint64, backward bool, step func(off, len uint64), check func() TrapCode) TrapCode {
	if n <= BulkChunk {
		step(0, n)
		return 0
	}
	for done := uint64(0); done < n; {
		l := min(n-done, BulkChunk)
		if done > 0 {
			if tc := check(); tc != 0 {
				return tc
			}
		}
		if backward {
			step(n-done-l, l)
		} else {
			step(done, l)
		}
		done += l
	}
	return 0
}

// FillBytes sets every byte of b to v.
func FillBytes(b []byte, v byte) {
	if v == 0 {
		clear(b)
		return
	}
	if len(b) == 0 {
		return
	}
	b[0] = v
	for i := 1; i < len(b); i *= 2 {
		copy(b[i:], b[:i])
	}
}
