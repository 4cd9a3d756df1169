//go:build amd64

package amd64

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDisasmTrimPadding(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []byte
	}{
		{"no padding", []byte{0xc3}, []byte{0xc3}},
		{"padding", []byte{0xc3, 0xcc, 0xcc, 0xcc}, []byte{0xc3}},
		{"rel8 ending in 0xCC kept", []byte{0xeb, 0xcc, 0xcc}, []byte{0xeb, 0xcc}},
		{"imm32 ending in 0xCC kept", []byte{0xb8, 1, 2, 3, 0xcc}, []byte{0xb8, 1, 2, 3, 0xcc}},
		{"16 int3 are not padding", []byte{0xc3, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc},
			[]byte{0xc3, 0xcc}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, TrimPadding(tt.in)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
