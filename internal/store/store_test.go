package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

func compile(t *testing.T, wat string) *store.Module {
	t.Helper()
	m, err := text.ParseModule([]byte(wat))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := store.Compile(interp.New(interp.Config{}), m, info)
	if err != nil {
		t.Fatal(err)
	}
	return mod
}

func TestMemoryGrow(t *testing.T) {
	tests := []struct {
		name    string
		typ     wasm.MemoryType
		limit   uint64
		reserve uint64
		grows   []uint64
		want    []bool
		pages   uint64
	}{
		{"declared max", wasm.MemoryType{Limits: wasm.Limits{Min: 1, Max: 3, HasMax: true}}, 0, 0, []uint64{1, 1, 1, 0}, []bool{true, true, false, true}, 3},
		{"limit below max", wasm.MemoryType{Limits: wasm.Limits{Min: 0, Max: 10, HasMax: true}}, 2, 0, []uint64{2, 1}, []bool{true, false}, 2},
		{"no max, small reserve", wasm.MemoryType{Limits: wasm.Limits{Min: 1}}, 0, 4 * wasm.PageSize, []uint64{3, 1}, []bool{true, false}, 4},
		{"zero max", wasm.MemoryType{Limits: wasm.Limits{HasMax: true}}, 0, 0, []uint64{0, 1}, []bool{true, false}, 0},
		{"huge delta", wasm.MemoryType{Limits: wasm.Limits{Min: 1}}, 0, 0, []uint64{1 << 40}, []bool{false}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := store.NewMemory(tc.typ, tc.limit, tc.reserve)
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			var base *byte
			if b := m.Bytes(); len(b) > 0 {
				base = &b[0]
				b[0] = 42
			}
			var got []bool
			for _, d := range tc.grows {
				_, ok := m.Grow(d)
				got = append(got, ok)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("grow results (-want +got):\n%s", diff)
			}
			if m.Pages() != tc.pages {
				t.Errorf("pages = %d, want %d", m.Pages(), tc.pages)
			}
			b := m.Bytes()
			if base != nil && (&b[0] != base || b[0] != 42) {
				t.Error("memory base moved or lost its contents")
			}
			if len(b) > 0 {
				b[len(b)-1] = 1 // committed pages are writable
			}
		})
	}
}

// A table minimum above the limit is refused before anything is
// allocated (a minimum of 2^32-1 once took the process down).
func TestTableMinimumOverLimit(t *testing.T) {
	for _, tc := range []struct{ min, limit uint64 }{
		{4294967295, 0}, {1_000_000_000, 0}, {100_000_000, 0}, {10_000_001, 0}, {11, 10},
	} {
		_, err := store.NewTable(wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: tc.min}}, tc.limit, 0)
		if err == nil || !strings.Contains(err.Error(), "exceeds the limit") {
			t.Errorf("minimum %d, limit %d: %v, want a limit error", tc.min, tc.limit, err)
		}
	}
	if _, err := store.NewTable(wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 10}}, 10, 0); err != nil {
		t.Errorf("minimum at the limit: %v", err)
	}
}

func TestTableGrow(t *testing.T) {
	tb, err := store.NewTable(wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 2, Max: 4, HasMax: true}}, 0, 7)
	if err != nil {
		t.Fatal(err)
	}
	if old, ok := tb.Grow(2, 9); !ok || old != 2 {
		t.Fatalf("Grow(2) = %d, %v", old, ok)
	}
	if _, ok := tb.Grow(1, 0); ok {
		t.Fatal("grew past the maximum")
	}
	if diff := cmp.Diff([]uint64{7, 7, 9, 9}, tb.Elems); diff != "" {
		t.Errorf("elements (-want +got):\n%s", diff)
	}
}

func TestLinking(t *testing.T) {
	st := store.New(store.Config{})
	lib, err := st.Instantiate(context.Background(), compile(t, `(module
	  (func (export "f") (param i32))
	  (memory (export "mem") 1 2)
	  (table (export "tab") 3 funcref)
	  (global (export "g") i32 (i32.const 5)))`), nil)
	if err != nil {
		t.Fatal(err)
	}
	st.Register("lib", lib)
	tests := []struct {
		name, wat, reason string
	}{
		{"ok", `(module (import "lib" "f" (func (param i32))) (import "lib" "mem" (memory 1 2)) (import "lib" "tab" (table 2 funcref)) (import "lib" "g" (global i32)))`, ""},
		{"unknown module", `(module (import "nope" "f" (func)))`, "unknown import"},
		{"unknown name", `(module (import "lib" "nope" (func)))`, "unknown import"},
		{"func type", `(module (import "lib" "f" (func (param i64))))`, "incompatible import type"},
		{"kind", `(module (import "lib" "f" (global i32)))`, "incompatible import type"},
		{"memory min", `(module (import "lib" "mem" (memory 2)))`, "incompatible import type"},
		{"memory max", `(module (import "lib" "mem" (memory 1 1)))`, "incompatible import type"},
		{"table min", `(module (import "lib" "tab" (table 4 funcref)))`, "incompatible import type"},
		{"table elem", `(module (import "lib" "tab" (table 1 externref)))`, "incompatible import type"},
		{"global mut", `(module (import "lib" "g" (global (mut i32))))`, "incompatible import type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := st.Instantiate(context.Background(), compile(t, tc.wat), nil)
			var le *store.LinkError
			switch {
			case tc.reason == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tc.reason != "" && (!errors.As(err, &le) || le.Reason != tc.reason):
				t.Fatalf("got %v, want link error %q", err, tc.reason)
			}
		})
	}
}

// TestSegmentsPartialWrites checks the 2.0 instantiation semantics: active
// segments are applied in order and a failing one leaves earlier writes
// in imported memories in place.
func TestSegmentsPartialWrites(t *testing.T) {
	st := store.New(store.Config{})
	lib, err := st.Instantiate(context.Background(), compile(t, `(module (memory (export "mem") 1))`), nil)
	if err != nil {
		t.Fatal(err)
	}
	st.Register("lib", lib)
	_, err = st.Instantiate(context.Background(), compile(t, `(module (import "lib" "mem" (memory 1))
	  (data (i32.const 10) "ab") (data (i32.const 65535) "cd"))`), nil)
	var tr *store.Trap
	if !errors.As(err, &tr) || tr.Code != store.TrapMemoryOutOfBounds {
		t.Fatalf("got %v, want out of bounds memory access", err)
	}
	if got := string(lib.Memories[0].Bytes()[10:12]); got != "ab" {
		t.Errorf("first segment wrote %q, want \"ab\"", got)
	}
}

func TestStartAndHandles(t *testing.T) {
	st := store.New(store.Config{})
	inst, err := st.Instantiate(context.Background(), compile(t, `(module
	  (global (export "g") (mut i32) (i32.const 0))
	  (table (export "t") 1 funcref) (elem (i32.const 0) $s)
	  (func $s (global.set 0 (i32.const 9)))
	  (start $s))`), nil)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := inst.Export("g")
	if g.Global.Lo != 9 {
		t.Errorf("start function did not run: g = %d", g.Global.Lo)
	}
	tab, _ := inst.Export("t")
	if f := st.FuncByHandle(tab.Table.Elems[0]); f != inst.Funcs[0] {
		t.Errorf("table element resolves to %v, want function 0", f)
	}
	if st.FuncByHandle(0) != nil {
		t.Error("handle 0 must be null")
	}
}
