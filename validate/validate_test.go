package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/text"
)

// The validator counts the uses of every local, weighted by loop depth
// (8 per level, up to 6), and notes which locals the body writes.
func TestLocalWeights(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		weights []uint32
		written []bool
	}{
		{"loops", `(module (func (param i32) (local i64 f64 i32)
		  (local.set 0 (i32.const 1))
		  (loop
		    (local.set 2 (f64.add (local.get 2) (f64.const 1)))
		    (loop (local.set 1 (i64.add (local.get 1) (i64.const 1))) (br_if 0 (i64.eqz (local.get 1)))))))`,
			[]uint32{1, 3 * 64, 2 * 8, 0}, []bool{true, true, true, false}},
		{"after a loop", `(module (func (local i32) (loop) (drop (local.get 0)) (block (loop (loop (local.tee 0 (i32.const 0)) (drop))))))`,
			[]uint32{1 + 64}, []bool{true}},
		{"unreachable code counts", `(module (func (param i32) (unreachable) (drop (local.get 0))))`,
			[]uint32{1}, []bool{false}},
		{"deep loops saturate the weight per use at 8^6", `(module (func (local i32)
		  (loop (loop (loop (loop (loop (loop (loop (loop (drop (local.get 0))))))))))))`,
			[]uint32{1 << 18}, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := text.ParseModule([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			info, err := Module(m)
			if err != nil {
				t.Fatal(err)
			}
			fi := info.Funcs[0]
			if diff := cmp.Diff(tt.weights, fi.LocalWeights); diff != "" {
				t.Errorf("weights (-want +got)\n%s", diff)
			}
			if diff := cmp.Diff(tt.written, fi.LocalWritten); diff != "" {
				t.Errorf("written (-want +got)\n%s", diff)
			}
		})
	}
}
