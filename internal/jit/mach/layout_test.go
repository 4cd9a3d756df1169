package mach

import (
	"testing"
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/store"
)

// The layout constants agree with the Go types they describe.
func TestLayout(t *testing.T) {
	var s []byte
	var tab store.Table
	var inst store.Instance
	for _, f := range []struct {
		name      string
		got, want uintptr
	}{
		{"PtrSize", PtrSize, unsafe.Sizeof(uintptr(0))},
		{"PtrSize (function handle)", PtrSize, unsafe.Sizeof(uint64(0))},
		{"SliceHeaderSize", SliceHeaderSize, unsafe.Sizeof(s)},
		{"SliceLenOff", SliceLenOff, unsafe.Sizeof(uintptr(0))},
		{"SliceHeaderSize (data segment)", SliceHeaderSize, unsafe.Sizeof(inst.Datas[0])},
		{"SliceHeaderSize (element segment)", SliceHeaderSize, unsafe.Sizeof(inst.Elems[0])},
		{"TableElemsOff", uintptr(TableElemsOff), unsafe.Offsetof(tab.Elems)},
		{"TypeIDSize", TypeIDSize, unsafe.Sizeof(inst.TypeIDs[0])},
		{"table element", 8, unsafe.Sizeof(tab.Elems[0])},
	} {
		if f.got != f.want {
			t.Errorf("%s = %d, the Go type has %d", f.name, f.got, f.want)
		}
	}
	// A slice header is {data, len, cap}.
	b := make([]byte, 3, 7)
	words := (*[3]uintptr)(unsafe.Pointer(&b))
	if words[SliceLenOff/PtrSize] != 3 || words[2] != 7 {
		t.Errorf("slice header %v: length not at offset %d", words, SliceLenOff)
	}
}
