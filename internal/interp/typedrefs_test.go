package interp

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/store"
)

// TestTypedFuncRefs runs call_ref, return_call_ref, ref.as_non_null,
// br_on_null, br_on_non_null, a non-defaultable local and a table with an
// initialiser.
func TestTypedFuncRefs(t *testing.T) {
	inst := instantiate(t, Config{}, `(module
		(type $i2i (func (param i32) (result i32)))
		(func $inc (type $i2i) (i32.add (local.get 0) (i32.const 1)))
		(func $dbl (type $i2i) (i32.mul (local.get 0) (i32.const 2)))
		(elem declare func $inc $dbl)
		(table $t 3 (ref $i2i) (ref.func $dbl))
		(func $pick (param i32) (result (ref null $i2i))
			(if (result (ref null $i2i)) (local.get 0)
				(then (ref.func $inc)) (else (ref.null $i2i))))
		(func (export "call") (param i32 i32) (result i32)
			(call_ref $i2i (local.get 1) (ref.as_non_null (call $pick (local.get 0)))))
		(func (export "tail") (param i32) (result i32)
			(return_call_ref $i2i (local.get 0) (ref.func $dbl)))
		(func (export "on_null") (param i32) (result i32)
			(block $null
				(return (call_ref $i2i (i32.const 10) (br_on_null $null (call $pick (local.get 0))))))
			(i32.const -1))
		(func (export "on_non_null") (param i32) (result i32)
			(local $f (ref $i2i))
			(local.set $f (ref.func $dbl))
			(i32.const 10)
			(block $some (result (ref $i2i))
				(br_on_non_null $some (call $pick (local.get 0)))
				(local.get $f))
			(call_ref $i2i))
		(func (export "table") (param i32) (result i32)
			(call_indirect $t (type $i2i) (i32.const 21) (local.get 0)))
		(func (export "null_call") (result i32)
			(call_ref $i2i (i32.const 1) (call $pick (i32.const 0)))))`, nil)
	cases := []struct {
		name string
		args []uint64
		want []uint64
	}{
		{"call", []uint64{1, 4}, []uint64{5}},
		{"tail", []uint64{8}, []uint64{16}},
		{"on_null", []uint64{0}, []uint64{0xFFFFFFFF}},
		{"on_null", []uint64{1}, []uint64{11}},
		{"on_non_null", []uint64{0}, []uint64{20}},
		{"on_non_null", []uint64{1}, []uint64{11}},
		{"table", []uint64{2}, []uint64{42}},
	}
	for _, c := range cases {
		got, err := call(t, inst, c.name, c.args...)
		if err != nil {
			t.Errorf("%s%v: %v", c.name, c.args, err)
			continue
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s%v (-want +got):\n%s", c.name, c.args, diff)
		}
	}
	for name, code := range map[string]store.TrapCode{"null_call": store.TrapNullFunctionReference} {
		_, err := call(t, inst, name)
		var trap *store.Trap
		if !errors.As(err, &trap) || trap.Code != code {
			t.Errorf("%s: error %v, want trap %v", name, err, code)
		}
	}
	if _, err := call(t, inst, "call", 0, 1); err == nil || err.Error() == "" {
		t.Errorf("ref.as_non_null of null: error %v, want a trap", err)
	}
}

// TestTypeIDsAcrossModules links modules whose function types name other
// types at different indices: equivalent types link, others do not.
func TestTypeIDsAcrossModules(t *testing.T) {
	st := store.New(store.Config{})
	a, err := instantiateIn(st, Config{}, `(module
		(type $v (func))
		(type $f (func (param (ref $v)) (result i32)))
		(func (export "f") (type $f) (i32.const 7))
		(global (export "g") (ref null $f) (ref.func 0)))`, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	st.Register("a", a)
	cases := []struct {
		name, wat string
		ok        bool
	}{
		{"same structure, other indices", `(module
			(type $x (func (result i64)))
			(type $v (func))
			(type $f (func (param (ref $v)) (result i32)))
			(import "a" "f" (func (type $f))))`, true},
		{"different referenced type", `(module
			(type $v (func (param i32)))
			(type $f (func (param (ref $v)) (result i32)))
			(import "a" "f" (func (type $f))))`, false},
		{"nullable parameter", `(module
			(type $v (func))
			(type $f (func (param (ref null $v)) (result i32)))
			(import "a" "f" (func (type $f))))`, false},
		{"immutable global as a supertype", `(module
			(import "a" "g" (global funcref)))`, true},
		{"immutable global of an equivalent type", `(module
			(type $v (func))
			(type $f (func (param (ref $v)) (result i32)))
			(import "a" "g" (global (ref null $f))))`, true},
		{"immutable global as a subtype", `(module
			(type $v (func))
			(type $f (func (param (ref $v)) (result i32)))
			(import "a" "g" (global (ref $f))))`, false},
	}
	for _, c := range cases {
		inst, err := instantiateIn(st, Config{}, c.wat, nil)
		if err == nil {
			inst.Close()
		}
		var le *store.LinkError
		switch {
		case c.ok && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case !c.ok && !errors.As(err, &le):
			t.Errorf("%s: error %v, want a link error", c.name, err)
		}
	}
}
