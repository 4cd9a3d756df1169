package validate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/text"
)

// v3Case is a WebAssembly 3.0 module in the text format, the validation
// error it must give ("" for a valid module) and, when valid, the features
// the validator must report.
type v3Case struct {
	name  string
	wat   string
	want  string
	feats []string
}

func runV3Cases(t *testing.T, cases []v3Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := text.ParseModule([]byte(c.wat))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			info, err := Module(m)
			if c.want != "" {
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("Module error = %v, want %q", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Module: %v", err)
			}
			if diff := cmp.Diff(c.feats, info.Features.Names()); diff != "" {
				t.Errorf("Features (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFeaturesOf2Module(t *testing.T) {
	runV3Cases(t, []v3Case{
		{name: "empty", wat: `(module)`},
		{name: "memory and call", wat: `(module (memory 1) (func $f (result i32) (i32.load (i32.const 0))) (func (drop (call $f))))`},
	})
}

func TestTailCalls(t *testing.T) {
	tail := []string{"tail calls"}
	runV3Cases(t, []v3Case{
		{name: "return_call", feats: tail,
			wat: `(module (func $f (param i32) (result i64) (return_call $f (local.get 0))))`},
		{name: "return_call_indirect", feats: tail,
			wat: `(module (type $t (func (result i32))) (table 1 funcref) (func (result i32) (return_call_indirect (type $t) (i32.const 0))))`},
		{name: "return_call then dead code", feats: tail,
			wat:  `(module (func $g) (func (result f32) (return_call $g (i32.const 1)) (i64.const 2)))`,
			want: "type mismatch"},
		{name: "results differ",
			wat:  `(module (func $g (result i32) (i32.const 0)) (func (result i64) (return_call $g)))`,
			want: "type mismatch"},
		{name: "missing argument",
			wat:  `(module (func $g (param i32)) (func (return_call $g)))`,
			want: "type mismatch"},
		{name: "unknown function",
			wat:  `(module (func (return_call 7)))`,
			want: "unknown function"},
		{name: "indirect results differ",
			wat:  `(module (table 1 funcref) (func (result i32) (return_call_indirect (i32.const 0))))`,
			want: "type mismatch"},
		{name: "indirect unknown table",
			wat:  `(module (func (return_call_indirect (i32.const 0))))`,
			want: "unknown table"},
	})
}

func TestExtendedConst(t *testing.T) {
	ext := []string{"extended constant expressions"}
	runV3Cases(t, []v3Case{
		{name: "i32 arithmetic", feats: ext,
			wat: `(module (global i32 (i32.mul (i32.add (i32.const 1) (i32.const 2)) (i32.sub (i32.const 7) (i32.const 3)))))`},
		{name: "i64 arithmetic", feats: ext,
			wat: `(module (global i64 (i64.mul (i64.add (i64.const 1) (i64.const 2)) (i64.sub (i64.const 7) (i64.const 3)))))`},
		{name: "earlier defined global", feats: ext,
			wat: `(module (global $a i32 (i32.const 1)) (global i32 (global.get $a)))`},
		{name: "imported global is 2.0",
			wat: `(module (global $a (import "m" "g") i32) (global i32 (global.get $a)))`},
		{name: "data offset from a defined global", feats: ext,
			wat: `(module (memory 1) (global $a i32 (i32.const 1)) (data (global.get $a) "x"))`},
		{name: "later global",
			wat:  `(module (global i32 (global.get 1)) (global i32 (i32.const 1)))`,
			want: "unknown global 1"},
		{name: "own global",
			wat:  `(module (global i32 (global.get 0)))`,
			want: "unknown global 0"},
		{name: "mutable global",
			wat:  `(module (global $a (mut i32) (i32.const 1)) (global i32 (global.get $a)))`,
			want: "constant expression required"},
		{name: "operand types",
			wat:  `(module (global i32 (i32.add (i64.const 1) (i32.const 2))))`,
			want: "type mismatch"},
		{name: "missing operand",
			wat:  `(module (global i64 (i64.add (i64.const 1))))`,
			want: "type mismatch"},
		{name: "division is not constant",
			wat:  `(module (global i32 (i32.div_s (i32.const 1) (i32.const 2))))`,
			want: "constant expression required"},
	})
}

func TestMultiMemory(t *testing.T) {
	mm := []string{"multiple memories"}
	runV3Cases(t, []v3Case{
		{name: "two memories", feats: mm,
			wat: `(module (memory 1) (memory $m 1) (func (result i32) (i32.load $m offset=4 (i32.const 0))))`},
		{name: "store to memory 1", feats: mm,
			wat: `(module (memory 1) (memory 1) (func (i64.store 1 (i32.const 0) (i64.const 1))))`},
		{name: "size, grow, fill, copy, init", feats: mm,
			wat: `(module (memory 1) (memory $b 1) (data $d "x")
				(func (drop (memory.size $b)) (drop (memory.grow $b (i32.const 1)))
					(memory.fill $b (i32.const 0) (i32.const 0) (i32.const 0))
					(memory.copy 0 $b (i32.const 0) (i32.const 0) (i32.const 0))
					(memory.init $b $d (i32.const 0) (i32.const 0) (i32.const 0))))`},
		{name: "data segment for memory 1", feats: mm,
			wat: `(module (memory 1) (memory $b 1) (data (memory $b) (i32.const 0) "x"))`},
		{name: "one memory, index 0 is 2.0",
			wat: `(module (memory 1) (func (drop (memory.size 0)) (drop (i32.load 0 (i32.const 0)))))`},
		{name: "unknown memory in memarg",
			wat:  `(module (memory 1) (func (drop (i32.load 1 (i32.const 0)))))`,
			want: "unknown memory 1"},
		{name: "unknown memory in copy",
			wat:  `(module (memory 1) (func (memory.copy 0 1 (i32.const 0) (i32.const 0) (i32.const 0))))`,
			want: "unknown memory 1"},
		{name: "alignment checked with an index",
			wat:  `(module (memory 1) (memory 1) (func (drop (i32.load 1 align=8 (i32.const 0)))))`,
			want: "alignment must not be larger than natural"},
	})
}

func TestMemory64(t *testing.T) {
	m64 := []string{"memory64"}
	runV3Cases(t, []v3Case{
		{name: "i64 addresses", feats: m64,
			wat: `(module (memory i64 1) (func (param i64) (result i64)
				(i64.store (local.get 0) (i64.load offset=0x1_0000_0000 (local.get 0)))
				(memory.fill (i64.const 0) (i32.const 0) (i64.const 1))
				(memory.grow (memory.size))))`},
		{name: "data offset is i64", feats: m64,
			wat: `(module (memory i64 1) (data (i64.const 0) "x"))`},
		{name: "inline data", feats: m64,
			wat: `(module (memory i64 (data "x")))`},
		{name: "copy between address types", feats: []string{"multiple memories", "memory64"},
			wat: `(module (memory i64 1) (memory 1) (func (memory.copy 0 1 (i64.const 0) (i32.const 0) (i32.const 0))))`},
		{name: "i32 address on a 64-bit memory",
			wat:  `(module (memory i64 1) (func (drop (i32.load (i32.const 0)))))`,
			want: "type mismatch"},
		{name: "i32 data offset",
			wat:  `(module (memory i64 1) (data (i32.const 0) "x"))`,
			want: "type mismatch"},
		{name: "2^48 pages", feats: m64, wat: `(module (memory i64 0x1_0000_0000_0000))`},
		{name: "more than 2^48 pages",
			wat:  `(module (memory i64 0x1_0000_0000_0001))`,
			want: "memory size"},
		{name: "32-bit offset out of range",
			wat:  `(module (memory 1) (func (drop (i32.load offset=0x1_0000_0000 (i32.const 0)))))`,
			want: "offset out of range"},
		{name: "32-bit memory too large",
			wat:  `(module (memory 0x1_0001))`,
			want: "memory size"},
	})
}

func TestTable64(t *testing.T) {
	t64 := []string{"table64"}
	runV3Cases(t, []v3Case{
		{name: "i64 indices", feats: t64,
			wat: `(module (type $t (func)) (table $x i64 1 funcref) (elem (table $x) (i64.const 0) func $f) (func $f
				(drop (table.get (i64.const 0))) (table.set (i64.const 0) (ref.null func))
				(drop (table.grow (ref.null func) (table.size)))
				(table.fill (i64.const 0) (ref.null func) (i64.const 1))
				(call_indirect (type $t) (i64.const 0))))`},
		{name: "i32 index on a 64-bit table",
			wat:  `(module (table i64 1 funcref) (func (drop (table.get (i32.const 0)))))`,
			want: "type mismatch"},
		{name: "32-bit table too large",
			wat:  `(module (table 0x1_0000_0000 funcref))`,
			want: "table size"},
	})
}

func TestExceptions(t *testing.T) {
	eh := []string{"exception handling"}
	runV3Cases(t, []v3Case{
		{name: "tag only", feats: eh, wat: `(module (tag $e (param i32)))`},
		{name: "imported and exported tag", feats: eh,
			wat: `(module (tag $i (import "m" "t") (param f64)) (tag $e (export "e")) (export "i" (tag $i)))`},
		{name: "throw", feats: eh,
			wat: `(module (tag $e (param i32 i64)) (func (result f32) (throw $e (i32.const 1) (i64.const 2))))`},
		{name: "try_table with every clause", feats: eh,
			wat: `(module (tag $e (param i32))
				(func (result i32)
					(block $a (result i32)
						(block $b (result i32 exnref)
							(block $c
								(block $d (result exnref)
									(try_table (catch $e $a) (catch_ref $e $b) (catch_all $c) (catch_all_ref $d)
										(throw $e (i32.const 3))) (unreachable))
								(throw_ref))
							(return (i32.const 0)))
						(drop))))`},
		{name: "try_table results", feats: eh,
			wat: `(module (func (result i32) (try_table (result i32) (i32.const 1))))`},
		{name: "exnref local", feats: eh,
			wat: `(module (func (local exnref) (drop (ref.null exn))))`},
		{name: "catch label arity",
			wat:  `(module (tag $e (param i32)) (func (block $l (try_table (catch $e $l)))))`,
			want: "type mismatch"},
		{name: "catch_ref needs exnref",
			wat:  `(module (tag $e) (func (block $l (result i32) (try_table (catch_ref $e $l)) (unreachable))))`,
			want: "type mismatch"},
		{name: "throw arguments",
			wat:  `(module (tag $e (param i32)) (func (throw $e (i64.const 1))))`,
			want: "type mismatch"},
		{name: "unknown tag",
			wat:  `(module (func (throw 0)))`,
			want: "unknown tag 0"},
		{name: "tag with results",
			wat:  `(module (type $t (func (result i32))) (tag (type $t)))`,
			want: "non-empty tag result type"},
		{name: "throw_ref operand",
			wat:  `(module (func (throw_ref (ref.null extern))))`,
			want: "type mismatch"},
		{name: "try_table end types",
			wat:  `(module (func (result i32) (try_table (result i32) (i64.const 1))))`,
			want: "type mismatch"},
	})
}

func TestRelaxedSIMD(t *testing.T) {
	rs := []string{"relaxed SIMD"}
	runV3Cases(t, []v3Case{
		{name: "madd", feats: rs,
			wat: `(module (func (param v128) (result v128) (f32x4.relaxed_madd (local.get 0) (local.get 0) (local.get 0))))`},
		{name: "dot add", feats: rs,
			wat: `(module (func (param v128) (result v128) (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get 0) (local.get 0) (local.get 0))))`},
		{name: "swizzle operands",
			wat:  `(module (func (param v128) (result v128) (i8x16.relaxed_swizzle (local.get 0))))`,
			want: "type mismatch"},
	})
}

func TestTypedFuncRefs(t *testing.T) {
	tr := []string{"typed function references"}
	runV3Cases(t, []v3Case{
		{name: "call_ref", feats: tr,
			wat: `(module (type $t (func (param i32) (result i32))) (func $f (type $t) (local.get 0)) (elem declare func $f)
				(func (result i32) (call_ref $t (i32.const 1) (ref.func $f))))`},
		{name: "return_call_ref", feats: []string{"tail calls", "typed function references"},
			wat: `(module (type $t (func (result i32))) (func (param (ref $t)) (result i32) (return_call_ref $t (local.get 0))))`},
		{name: "ref.as_non_null and br_on_null", feats: tr,
			wat: `(module (type $t (func)) (func (param (ref null $t)) (result (ref $t))
				(block $l (br_on_null $l (local.get 0)) (return)) (ref.as_non_null (local.get 0))))`},
		{name: "br_on_non_null", feats: tr,
			wat: `(module (type $t (func)) (func (param (ref null $t)) (result (ref $t))
				(block $l (result (ref $t)) (br_on_non_null $l (local.get 0)) (unreachable))))`},
		{name: "subtyping into funcref", feats: tr,
			wat: `(module (type $t (func)) (func (param (ref $t)) (result funcref) (local.get 0)))`},
		{name: "nofunc is below every function type", feats: tr,
			wat: `(module (type $t (func)) (func (result (ref null $t)) (ref.null nofunc)))`},
		{name: "equivalent types", feats: tr,
			wat: `(module (type $a (func (param i32))) (type $b (func (param i32))) (func (param (ref $a)) (result (ref $b)) (local.get 0)))`},
		{name: "non-defaultable local set before use", feats: tr,
			wat: `(module (type $t (func)) (func $f) (elem declare func $f) (func (local $x (ref $t)) (local.set $x (ref.func $f)) (drop (local.get $x))))`},
		{name: "table with initializer", feats: tr,
			wat: `(module (type $t (func)) (func $f) (elem declare func $f) (table 1 (ref $t) (ref.func $f)))`},
		{name: "uninitialised local",
			wat:  `(module (type $t (func)) (func (local $x (ref $t)) (drop (local.get $x))))`,
			want: "uninitialized local"},
		{name: "initialisation ends with its block",
			wat:  `(module (type $t (func)) (func $f) (elem declare func $f) (func (local $x (ref $t)) (block (local.set $x (ref.func $f))) (drop (local.get $x))))`,
			want: "uninitialized local"},
		{name: "nullable is not below non-nullable",
			wat:  `(module (type $t (func)) (func (param (ref null $t)) (result (ref $t)) (local.get 0)))`,
			want: "type mismatch"},
		{name: "funcref is not below a concrete type",
			wat:  `(module (type $t (func)) (func (param funcref) (result (ref null $t)) (local.get 0)))`,
			want: "type mismatch"},
		{name: "different types",
			wat:  `(module (type $a (func (param i32))) (type $b (func (param i64))) (func (param (ref $a)) (result (ref $b)) (local.get 0)))`,
			want: "type mismatch"},
		{name: "non-nullable table without initializer",
			wat:  `(module (type $t (func)) (table 1 (ref $t)))`,
			want: "needs an initializer"},
		{name: "unknown type in a local",
			wat:  `(module (func (local (ref null 5))))`,
			want: "malformed value type"},
		{name: "forward reference between types",
			wat:  `(module (type (func (param (ref 1)))) (type (func)))`,
			want: "unknown type 1"},
		{name: "call_ref operand",
			wat:  `(module (type $t (func)) (func (param funcref) (call_ref $t (local.get 0))))`,
			want: "type mismatch"},
	})
}

// TestDisabledFeatures checks that with a feature disabled a module using
// it is invalid with WebAssembly 2.0's reason.
func TestDisabledFeatures(t *testing.T) {
	cases := []struct{ name, wat, want string }{
		{"return_call", `(module (func $f (return_call $f)))`, "illegal opcode"},
		{"return_call_indirect", `(module (table 1 funcref) (func (return_call_indirect (i32.const 0))))`, "illegal opcode"},
		{"i32.add in a constant", `(module (global i32 (i32.add (i32.const 1) (i32.const 2))))`, "constant expression required"},
		{"defined global in a constant", `(module (global i32 (i32.const 1)) (global i32 (global.get 0)))`, "unknown global"},
		{"two memories", `(module (memory 1) (memory 1))`, "multiple memories"},
		{"throw", `(module (tag $e) (func (throw $e)))`, "malformed import kind"},
		{"try_table", `(module (func (try_table)))`, "illegal opcode"},
		{"relaxed SIMD", `(module (func (param v128) (result v128) (f64x2.relaxed_min (local.get 0) (local.get 0))))`, "illegal opcode"},
		{"exnref", `(module (func (local exnref)))`, "malformed value type"},
		{"ref type", `(module (type $t (func)) (func (param (ref null $t))))`, "malformed value type"},
		{"ref.as_non_null", `(module (func (param funcref) (drop (ref.as_non_null (local.get 0)))))`, "illegal opcode"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := text.ParseModule([]byte(c.wat))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ModuleConfig(m, Config{}); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("ModuleConfig(2.0) error = %v, want %q", err, c.want)
			}
			if _, err := Module(m); err != nil {
				t.Errorf("Module (3.0): %v", err)
			}
		})
	}
}
