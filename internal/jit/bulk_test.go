//go:build linux && (amd64 || arm64)

package jit

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
)

// Bulk operations longer than store.BulkChunk, which compiled code leaves
// to Go to move in chunks, give the interpreter's results: overlapping
// copies in both directions, fills, segment and table copies, and the
// out-of-bounds cases that trap before anything moves.
func TestDifferentialLongBulkOperations(t *testing.T) {
	const pages = 8
	const size = pages << 16
	seg := bytes.Repeat([]byte("wasmrun!"), 3*store.BulkChunk/8+3)
	src := fmt.Sprintf(`(module (memory %d) (table $t %d funcref) (table $u %d funcref)
	  (data $d %q) (elem $e func`+" $f $f $f $f"+`)
	  (func $f)
	  (func (export "init") (local i32)
	    (loop $l
	      (i32.store (local.get 0) (i32.mul (local.get 0) (i32.const 2654435761)))
	      (br_if $l (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 4))) (i32.const %d))))
	    (table.fill $t (i32.const 0) (ref.func $f) (i32.const 1000)))
	  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
	  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
	  (func (export "minit") (param i32 i32 i32) (memory.init $d (local.get 0) (local.get 1) (local.get 2)))
	  (func (export "tfill") (param i32 i32 i32) (table.fill $t (local.get 0) (ref.null func) (local.get 2)))
	  (func (export "tcopy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
	  (func (export "tcopy2") (param i32 i32 i32) (table.copy $u $t (local.get 0) (local.get 1) (local.get 2)))
	  (func (export "tinit") (param i32 i32 i32) (table.init $t $e (local.get 0) (local.get 1) (local.get 2)))
	  (func (export "nulls") (result i32) (local i32 i32)
	    (loop $l
	      (local.set 1 (i32.add (local.get 1) (ref.is_null (table.get $t (local.get 0)))))
	      (local.set 1 (i32.add (local.get 1) (i32.mul (i32.const 3) (ref.is_null (table.get $u (local.get 0))))))
	      (br_if $l (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (table.size $t))))
	    (local.get 1)))`, pages, 4*store.BulkChunk, 4*store.BulkChunk, seg, size)
	big := uint64(store.BulkChunk)
	calls := []struct {
		f       string
		a, b, n uint64
	}{
		{"fill", 100, 0xab, 3*big + 17},
		{"copy", 0, 1, 3*big + 5},            // overlapping, downwards
		{"copy", 7, 0, 3*big + 5},            // overlapping, upwards
		{"copy", size - 2*big, 0, 2 * big},   // disjoint
		{"copy", 0, size - big - 1, big + 1}, // just over one chunk
		{"minit", 3, 5, uint64(len(seg)) - 5},
		{"fill", size - big - 2, 1, big + 3}, // out of bounds: nothing written
		{"copy", 0, size - big, big + 1},     // out of bounds
		{"minit", 0, 1, uint64(len(seg))},    // segment out of bounds
		{"tcopy", 5, 0, 2*big + 1},
		{"tcopy", 0, 3, 2*big + 1},
		{"tcopy2", 1, 2, 3 * big},
		{"tfill", big / 2, 0, 2*big + 9},
		{"tinit", 0, 0, 4},
		{"tfill", 4*big - 10, 0, big}, // out of bounds
	}
	jitInst := instantiate(t, New(Config{}), src, nil)
	refInst := instantiate(t, interp.New(interp.Config{}), src, nil)
	for _, inst := range []*store.Instance{jitInst, refInst} {
		if o := call(t, inst, "init", nil); o.Trap != 0 {
			t.Fatalf("init: %v", o.Trap)
		}
	}
	for _, c := range calls {
		want := call(t, refInst, c.f, []uint64{c.a, c.b, c.n})
		got := call(t, jitInst, c.f, []uint64{c.a, c.b, c.n})
		if want.Trap != got.Trap || !bytes.Equal(want.Memory, got.Memory) {
			t.Fatalf("%s(%d, %d, %d): interp trap %v, jit trap %v; memories equal: %v", c.f, c.a, c.b, c.n, want.Trap, got.Trap, bytes.Equal(want.Memory, got.Memory))
		}
		w, g := call(t, refInst, "nulls", nil), call(t, jitInst, "nulls", nil)
		if w.Results[0] != g.Results[0] {
			t.Fatalf("after %s(%d, %d, %d): null elements %d on the interpreter, %d on the JIT", c.f, c.a, c.b, c.n, w.Results[0], g.Results[0])
		}
	}
}
