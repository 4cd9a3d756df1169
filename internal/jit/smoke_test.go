//go:build linux && (amd64 || arm64)

package jit

import (
	"context"
	"testing"
)

func TestSmoke(t *testing.T) {
	inst := instantiate(t, New(Config{}), `(module
	  (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
	  (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s))`, nil)
	tests := []struct {
		f    string
		in   []uint64
		want uint64
		err  bool
	}{
		{"add", []uint64{40, 2}, 42, false},
		{"div", []uint64{84, 2}, 42, false},
		{"div", []uint64{84, 0}, 0, true},
	}
	for _, tt := range tests {
		stack := append([]uint64(nil), tt.in...)
		err := inst.ExportedFunc(tt.f).Call(context.Background(), stack)
		if (err != nil) != tt.err {
			t.Fatalf("%s%v: err %v", tt.f, tt.in, err)
		}
		if err == nil && stack[0] != tt.want {
			t.Fatalf("%s%v = %d, want %d", tt.f, tt.in, stack[0], tt.want)
		}
	}
}
