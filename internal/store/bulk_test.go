package store

import (
	"bytes"
	"testing"
)

// Chunked copies give memmove's result for every overlap and size, in
// chunks, with one check between two chunks.
func TestChunkedCopyOverlaps(t *testing.T) {
	const size = 3*BulkChunk + 777
	for _, tc := range []struct{ dst, src, n uint64 }{
		{0, 0, size}, {0, 1, size - 1}, {1, 0, size - 1}, {BulkChunk + 5, 3, 2*BulkChunk + 9},
		{3, BulkChunk + 5, 2*BulkChunk + 9}, {100, 200, 50}, {200, 100, 150}, {0, size / 2, size / 2},
	} {
		mem := make([]byte, size)
		for i := range mem {
			mem[i] = byte(i * 7 / 3)
		}
		want := bytes.Clone(mem)
		copy(want[tc.dst:tc.dst+tc.n], want[tc.src:tc.src+tc.n])
		checks := 0
		tcode := Chunked(tc.n, tc.dst > tc.src, func(off, l uint64) {
			copy(mem[tc.dst+off:tc.dst+off+l], mem[tc.src+off:tc.src+off+l])
		}, func() TrapCode { checks++; return 0 })
		if tcode != 0 || !bytes.Equal(mem, want) {
			t.Errorf("copy %+v: trap %v, result differs from memmove", tc, tcode)
		}
		if want := int((tc.n + BulkChunk - 1) / BulkChunk); tc.n > 0 && checks != want-1 {
			t.Errorf("copy %+v: %d checks, want %d", tc, checks, want-1)
		}
	}
}

func TestChunkedStopsAtCheck(t *testing.T) {
	steps := 0
	tc := Chunked(10*BulkChunk, false, func(off, l uint64) { steps++ }, func() TrapCode {
		if steps == 3 {
			return TrapCancelled
		}
		return 0
	})
	if tc != TrapCancelled || steps != 3 {
		t.Errorf("trap %v after %d steps, want cancelled after 3", tc, steps)
	}
}

func TestFillBytes(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 64, 1000, BulkChunk + 3} {
		for _, v := range []byte{0, 1, 0xff} {
			b := make([]byte, n+2)
			b[0], b[n+1] = 9, 9
			FillBytes(b[1:n+1], v)
			if b[0] != 9 || b[n+1] != 9 || !bytes.Equal(b[1:n+1], bytes.Repeat([]byte{v}, n)) {
				t.Errorf("FillBytes(%d bytes, %#x) wrong", n, v)
			}
		}
	}
}
