package spectest

import (
	"context"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
)

// A lockstep run reports a difference in memory between its engines as
// the error of the next action, and agrees otherwise.
func TestLockstepReportsMemoryDifferences(t *testing.T) {
	m, err := text.ParseModule([]byte(`(module (memory (export "mem") 1) (global (export "g") (mut i32) (i32.const 0))
	  (func (export "put") (param i32) (i32.store8 (local.get 0) (i32.const 7)) (global.set 0 (local.get 0))))`))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	a, b := newStoreEngine(interp.New(interp.Config{}), interp.Features), newStoreEngine(interp.New(interp.Config{}), interp.Features)
	l := Lockstep(a, b)
	defer l.Close()
	inst, err := l.Instantiate(context.Background(), m, info, func(string, string) (Extern, bool) { return nil, false })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inst.Invoke(context.Background(), "put", []Value{I32(5)}); err != nil {
		t.Fatalf("identical engines: %v", err)
	}
	b.insts[0].Memories[0].Bytes()[100] = 1 // the second engine's memory drifts
	_, err = inst.Invoke(context.Background(), "put", []Value{I32(6)})
	if err == nil || !strings.Contains(err.Error(), "memory 0: byte 0x64") {
		t.Fatalf("err = %v, want a memory difference at byte 0x64", err)
	}
	b.insts[0].Memories[0].Bytes()[100] = 0
	if _, err := inst.Invoke(context.Background(), "put", []Value{I32(6)}); err != nil {
		t.Fatalf("identical again: %v", err)
	}
	b.insts[0].Globals[0].Lo = 9
	if _, err = inst.Global("g"); err == nil || !strings.Contains(err.Error(), "global") {
		t.Fatalf("err = %v, want a global difference", err)
	}
	if err := l.(*lockstep).compareState(); err == nil || !strings.Contains(err.Error(), "instance 0 global 0") {
		t.Fatalf("err = %v, want a global difference", err)
	}
	if s := LockstepStatsOf(l); s.Actions != 3 || s.MemoryBytes == 0 {
		t.Errorf("stats %+v, want 3 actions and some bytes compared", s)
	}
}

func TestSameValue(t *testing.T) {
	for _, tt := range []struct {
		a, b Value
		want bool
	}{
		{F32(0x7fc00000), F32(0xffc00000), true},
		{F32(0x7fe00000), F32(0xffc00000), true},
		{F32(0x7fa00000), F32(0x7fc00000), false}, // signalling vs quiet
		{F32(1), F32(2), false},
		{F64(0x7ff8000000000000), F64(0xfff8000000000001), true},
		{V128(0x7ff8000000000000, 5), V128(0xfff8000000000000, 5), true},
		{V128(0x7fc000007fc00000, 5), V128(0xffc00000ffc00000, 5), true},
		{V128(0x7fc0000000000001, 5), V128(0xffc0000000000002, 5), false},
		{I32(1), I64(1), false},
	} {
		if got := sameValue(tt.a, tt.b); got != tt.want {
			t.Errorf("sameValue(%+v, %+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
