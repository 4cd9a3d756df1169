package binary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wasmrun/wasmrun/wasm"
)

func TestReadImm(t *testing.T) {
	tests := []struct {
		name string
		kind wasm.ImmKind
		in   []byte
		want Imm
	}{
		{"none", wasm.ImmNone, nil, Imm{}},
		{"local", wasm.ImmLocal, []byte{0xe5, 0x8e, 0x26}, Imm{X: 624485}},
		{"i32 negative", wasm.ImmI32, []byte{0x7f}, Imm{I64: 0xffffffff}},
		{"i64 negative", wasm.ImmI64, []byte{0x7e}, Imm{I64: 0xfffffffffffffffe}},
		{"f32", wasm.ImmF32, []byte{0, 0, 0x80, 0x3f}, Imm{I64: 0x3f800000}},
		{"f64", wasm.ImmF64, []byte{0, 0, 0, 0, 0, 0, 0xf0, 0x3f}, Imm{I64: 0x3ff0000000000000}},
		{"br_table", wasm.ImmBrTable, []byte{2, 0, 1, 3}, Imm{Targets: []uint32{0, 1, 3}}},
		{"call_indirect", wasm.ImmCallIndirect, []byte{5, 1}, Imm{X: 5, Y: 1}},
		{"memory.copy", wasm.ImmMemoryCopy, []byte{0, 0}, Imm{}},
		{"memory.copy between memories", wasm.ImmMemoryCopy, []byte{1, 0x80, 0x01}, Imm{X: 1, Y: 128}},
		{"memory.init", wasm.ImmMemoryInit, []byte{3, 0}, Imm{X: 3}},
		{"memory.init of memory 2", wasm.ImmMemoryInit, []byte{3, 2}, Imm{X: 3, Y: 2}},
		{"memory.size of memory 200", wasm.ImmMemory, []byte{0xc8, 0x01}, Imm{X: 200}},
		{"table.copy", wasm.ImmTableCopy, []byte{1, 2}, Imm{X: 1, Y: 2}},
		{"memarg", wasm.ImmMemArg, []byte{2, 0x80, 0x01}, Imm{Mem: MemArg{Align: 2, Offset: 128}}},
		{"memarg with memory", wasm.ImmMemArg, []byte{0x42, 3, 8}, Imm{Mem: MemArg{Align: 2, Memory: 3, Offset: 8}}},
		{"memarg lane", wasm.ImmMemArgLane, []byte{0, 4, 7}, Imm{Mem: MemArg{Offset: 4}, Lane: 7}},
		{"lane", wasm.ImmLane, []byte{15}, Imm{Lane: 15}},
		{"block value", wasm.ImmBlockType, []byte{0x7f}, Imm{BT: BlockType{Kind: BlockValue, Value: wasm.I32}}},
		{"select t", wasm.ImmSelectT, []byte{1, 0x7c}, Imm{X: uint32(wasm.F64)}},
		{"ref.null func", wasm.ImmRefType, []byte{0x70}, Imm{Heap: wasm.HeapFunc}},
		{"throw", wasm.ImmTag, []byte{4}, Imm{X: 4}},
		{"call_ref", wasm.ImmType, []byte{9}, Imm{X: 9}},
		{"try_table", wasm.ImmTryTable, []byte{0x40, 2, CatchTag, 1, 0, CatchAllRef, 2},
			Imm{Catches: []Catch{{Kind: CatchTag, Tag: 1, Label: 0}, {Kind: CatchAllRef, Label: 2}}}},
	}
	var im Imm
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(tt.in, 0)
			if err := r.ReadImm(tt.kind, &im); err != nil {
				t.Fatal(err)
			}
			if !r.EOF() {
				t.Errorf("%d bytes left unread", r.Len())
			}
			if diff := cmp.Diff(tt.want, im, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// A br_table claiming more targets than bytes remain is an error, not a
// huge allocation.
func TestReadImmTruncated(t *testing.T) {
	for _, in := range [][]byte{{0xff, 0xff, 0xff, 0xff, 0x0f}, {3, 0}, {}} {
		r := NewReader(in, 0)
		var im Imm
		if err := r.ReadImm(wasm.ImmBrTable, &im); err == nil {
			t.Errorf("br_table % x: no error", in)
		}
	}
}
