package validate

import (
	"errors"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/wasm"
)

// Opcode shorthands.
const (
	unreachable  = wasm.OpUnreachable
	nop          = wasm.OpNop
	block        = wasm.OpBlock
	loop         = wasm.OpLoop
	if_          = wasm.OpIf
	else_        = wasm.OpElse
	end          = wasm.OpEnd
	br           = wasm.OpBr
	brIf         = wasm.OpBrIf
	brTable      = wasm.OpBrTable
	return_      = wasm.OpReturn
	call         = wasm.OpCall
	callIndirect = wasm.OpCallIndirect
	drop         = wasm.OpDrop
	select_      = wasm.OpSelect
	selectT      = wasm.OpSelectT
	localGet     = wasm.OpLocalGet
	localSet     = wasm.OpLocalSet
	localTee     = wasm.OpLocalTee
	globalGet    = wasm.OpGlobalGet
	globalSet    = wasm.OpGlobalSet
	i32Const     = wasm.OpI32Const
	i64Const     = wasm.OpI64Const
	f32Const     = wasm.OpF32Const
	f64Const     = wasm.OpF64Const
	i32Add       = wasm.OpI32Add
	i64Add       = wasm.OpI64Add
	i32Eqz       = wasm.OpI32Eqz
	i32Load      = wasm.OpI32Load
	i32Store     = wasm.OpI32Store
	refNull      = wasm.OpRefNull
	refIsNull    = wasm.OpRefIsNull
	refFunc      = wasm.OpRefFunc
	empty        = byte(0x40) // empty block type
)

var (
	f32z  = raw{0, 0, 0, 0}
	f64z  = raw{0, 0, 0, 0, 0, 0, 0, 0}
	v128z = raw{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
)

type bodyCase struct {
	name string
	f    testFunc
	want string // "" for a valid body, else a substring of the reason
}

func runBodyCases(t *testing.T, cases []bodyCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := shell(c.f)
			_, err := Module(m)
			checkErr(t, err, c.want)
			if err != nil {
				var ve *Error
				if !errors.As(err, &ve) {
					t.Fatalf("error %v is a %T, want *Error", err, err)
				}
				if ve.Func != 1 {
					t.Errorf("Func = %d, want 1", ve.Func)
				}
			}
		})
	}
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && err == nil:
		t.Fatalf("no error, want %q", want)
	case want != "":
		var ve *Error
		if !errors.As(err, &ve) {
			t.Fatalf("error %v is a %T, want *Error", err, err)
		}
		if !strings.HasPrefix(ve.Reason, want) {
			t.Fatalf("reason %q does not start with %q", ve.Reason, want)
		}
	}
}

func TestNumericAndVariables(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"empty", fn(0, asm()), ""},
		{"const result", fn(3, asm(i32Const, s32(7))), ""},
		{"missing result", fn(3, asm()), "type mismatch"},
		{"extra value", fn(0, asm(i32Const, s32(1))), "type mismatch"},
		{"two results", fn(3, asm(i32Const, s32(1), i32Const, s32(2))), "type mismatch"},
		{"wrong result type", fn(3, asm(i64Const, s64(1))), "type mismatch"},
		{"binary op", fn(1, asm(localGet, 0, i32Const, s32(-1), i32Add)), ""},
		{"binary op mismatch", fn(1, asm(localGet, 0, i64Const, s64(1), i32Add)), "type mismatch"},
		{"binary op underflow", fn(1, asm(localGet, 0, i32Add)), "type mismatch"},
		{"conversion", fn(4, asm(localGet, 1, wasm.OpF64PromoteF32, localGet, 0, wasm.OpF64ConvertI64S, wasm.OpF64Add)), ""},
		{"multi-byte constants", fn(0, asm(i32Const, s32(-1<<31), drop, i64Const, s64(1<<62), drop, f32Const, f32z, drop, f64Const, f64z, drop)), ""},
		{"locals", fn(0, asm(localGet, 0, localSet, 1, localGet, 2, localTee, 2, drop), loc(2, i32), loc(1, f64)), ""},
		{"local.set type", fn(0, asm(f32Const, f32z, localSet, 0), loc(1, i32)), "type mismatch"},
		{"local.tee type", fn(0, asm(i32Const, s32(0), localTee, 0, drop), loc(1, i64)), "type mismatch"},
		{"unknown local", fn(1, asm(localGet, 1)), "unknown local 1"},
		{"unknown local set", fn(0, asm(i32Const, s32(0), localSet, 3), loc(3, i32)), "unknown local 3"},
		{"param local", fn(1, asm(localGet, 0)), ""},
		{"global.get", fn(3, asm(globalGet, 0)), ""},
		{"global.get type", fn(3, asm(globalGet, 1)), "type mismatch"},
		{"unknown global", fn(0, asm(globalGet, 4, drop)), "unknown global 4"},
		{"global.set", fn(0, asm(i64Const, s64(3), globalSet, 1)), ""},
		{"global.set immutable", fn(0, asm(i32Const, s32(3), globalSet, 0)), "global is immutable"},
		{"global.set type", fn(0, asm(i32Const, s32(3), globalSet, 1)), "type mismatch"},
		{"unknown global set", fn(0, asm(i32Const, s32(3), globalSet, 9)), "unknown global 9"},
		{"drop empty", fn(0, asm(drop)), "type mismatch"},
		{"nop", fn(0, asm(nop, nop)), ""},
		{"illegal opcode", fn(0, asm(byte(0x06))), "illegal opcode"},
		{"illegal prefixed opcode", fn(0, asm(byte(0xFC), u32(99))), "illegal opcode"},
		{"illegal SIMD opcode", fn(0, asm(byte(0xFD), u32(0xFFFF))), "illegal opcode"},
		{"missing end", fn(0, asm(nop, noEnd)), "unexpected end"},
		{"empty body", fn(0, []byte{}), "unexpected end"},
		{"truncated immediate", fn(0, asm(i32Const, byte(0x80), noEnd)), "unexpected end"},
		{"truncated f64", fn(0, asm(f64Const, raw{1, 2, 3}, noEnd)), "unexpected end"},
		{"operators after end", fn(0, append(asm(), byte(nop))), "operators remaining"},
		{"integer too long", fn(0, asm(localGet, raw{0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, drop), loc(1, i32)), "integer representation too long"},
		{"sign extension ops", fn(1, asm(localGet, 0, wasm.OpI32Extend8S)), ""},
		{"saturating truncation", fn(3, asm(f32Const, f32z, wasm.OpI32TruncSatF32S)), ""},
		{"saturating truncation type", fn(3, asm(f64Const, f64z, wasm.OpI32TruncSatF32S)), "type mismatch"},
	})
}

func TestControl(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"block value", fn(3, asm(block, i32, i32Const, s32(1), end)), ""},
		{"block value mismatch", fn(3, asm(block, i32, i64Const, s64(1), end)), "type mismatch"},
		{"block empty result", fn(3, asm(block, i32, end)), "type mismatch"},
		{"block cannot see outer values", fn(3, asm(i32Const, s32(1), block, i32, end)), "type mismatch"},
		{"block leftover", fn(0, asm(block, empty, i32Const, s32(1), end)), "type mismatch"},
		{"block type index", fn(2, asm(i32Const, s32(1), i32Const, s32(2), block, u32(2), drop, i64Const, s64(0), end)), ""},
		{"block type index params missing", fn(2, asm(block, u32(2), drop, i64Const, s64(0), end)), "type mismatch"},
		{"block type unknown", fn(0, asm(block, s64(77), end)), "unknown type 77"},
		{"block type invalid value", fn(0, asm(block, byte(0x60), end)), "malformed block type"},
		{"loop label is params", fn(1, asm(localGet, 0, loop, u32(1), br, 0, end)), ""},
		{"loop label params wrong", fn(1, asm(localGet, 0, loop, u32(1), i64Const, s64(0), br, 0, end)), "type mismatch"},
		{"loop result", fn(3, asm(loop, i32, i32Const, s32(0), end)), ""},
		{"br to block result", fn(3, asm(block, i32, i32Const, s32(1), br, 0, end)), ""},
		{"br missing value", fn(3, asm(block, i32, br, 0, end)), "type mismatch"},
		{"br unknown label", fn(0, asm(block, empty, br, 2, end)), "unknown label 2"},
		{"br to function", fn(3, asm(block, empty, i32Const, s32(1), br, 1, end, unreachable)), ""},
		{"br_if", fn(3, asm(block, i32, i32Const, s32(1), i32Const, s32(0), brIf, 0, end)), ""},
		{"br_if keeps value", fn(3, asm(block, i32, i32Const, s32(1), i32Const, s32(0), brIf, 0, drop, i32Const, s32(2), end)), ""},
		{"br_if condition", fn(0, asm(block, empty, i64Const, s64(0), brIf, 0, end)), "type mismatch"},
		{"br_if unknown label", fn(0, asm(i32Const, s32(0), brIf, 1)), "unknown label 1"},
		{"br_if value type", fn(3, asm(block, i32, f32Const, f32z, i32Const, s32(0), brIf, 0, drop, i32Const, s32(0), end)), "type mismatch"},
		{"if else", fn(1, asm(localGet, 0, if_, i32, i32Const, s32(1), else_, i32Const, s32(2), end)), ""},
		{"if condition type", fn(0, asm(i64Const, s64(0), if_, empty, end)), "type mismatch"},
		{"if missing condition", fn(0, asm(if_, empty, end)), "type mismatch"},
		{"if then mismatch", fn(1, asm(localGet, 0, if_, i32, i64Const, s64(1), else_, i32Const, s32(2), end)), "type mismatch"},
		{"if else mismatch", fn(1, asm(localGet, 0, if_, i32, i32Const, s32(1), else_, end)), "type mismatch"},
		{"if without else with result", fn(1, asm(localGet, 0, if_, i32, i32Const, s32(1), end)), "type mismatch"},
		{"if without else, params equal results", fn(1, asm(localGet, 0, localGet, 0, if_, u32(1), end)), ""},
		{"if without else, params differ", fn(3, asm(i64Const, s64(0), f32Const, f32z, i32Const, s32(1), if_, u32(4), drop, drop, f64Const, f64z, end, drop, i32Const, s32(0))), "type mismatch"},
		{"if with params both arms", fn(3, asm(i64Const, s64(0), f32Const, f32z, i32Const, s32(1), if_, u32(4), drop, drop, f64Const, f64z, else_, drop, drop, f64Const, f64z, end, drop, i32Const, s32(0))), ""},
		{"else arm gets params", fn(3, asm(i32Const, s32(5), i32Const, s32(1), if_, u32(1), else_, i32Eqz, end)), ""},
		{"else without if", fn(0, asm(block, empty, else_, end)), "else without matching if"},
		{"double else", fn(0, asm(i32Const, s32(1), if_, empty, else_, else_, end)), "else without matching if"},
		{"return", fn(3, asm(i32Const, s32(1), return_)), ""},
		{"return nested", fn(3, asm(block, empty, loop, empty, i32Const, s32(1), return_, end, end, i32Const, s32(1))), ""},
		{"return missing value", fn(3, asm(return_)), "type mismatch"},
		{"return wrong value", fn(3, asm(f32Const, f32z, return_)), "type mismatch"},
		{"call", fn(3, asm(i32Const, s32(1), call, 0)), ""},
		{"call argument type", fn(3, asm(i64Const, s64(1), call, 0)), "type mismatch"},
		{"call self with multi-value", fn(2, asm(localGet, 0, localGet, 1, call, 1)), ""},
		{"call unknown", fn(0, asm(call, 5)), "unknown function 5"},
		{"call_indirect", fn(3, asm(i32Const, s32(9), i32Const, s32(0), callIndirect, 1, 0)), ""},
		{"call_indirect index type", fn(3, asm(i32Const, s32(9), i64Const, s64(0), callIndirect, 1, 0)), "type mismatch"},
		{"call_indirect unknown type", fn(0, asm(i32Const, s32(0), callIndirect, 40, 0)), "unknown type 40"},
		{"call_indirect unknown table", fn(0, asm(i32Const, s32(0), callIndirect, 0, 5)), "unknown table 5"},
		{"call_indirect externref table", fn(0, asm(i32Const, s32(0), callIndirect, 0, 1)), "type mismatch"},
		{"deep nesting", fn(0, asm(block, empty, block, empty, block, empty, loop, empty, end, end, end, end)), ""},
		{"unclosed block", fn(0, asm(block, empty, nop)), "unexpected end"},
	})
}

func TestUnreachable(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"unreachable satisfies result", fn(3, asm(unreachable)), ""},
		{"unreachable then binary op", fn(3, asm(unreachable, i32Add)), ""},
		{"unreachable then wrong known type", fn(3, asm(unreachable, i64Const, s64(0), i32Add)), "type mismatch"},
		{"unreachable then leftover", fn(3, asm(unreachable, i32Const, s32(0), i32Const, s32(0))), "type mismatch"},
		{"unreachable then wrong result", fn(3, asm(unreachable, i64Const, s64(0))), "type mismatch"},
		{"br then anything", fn(3, asm(block, i32, i32Const, s32(0), br, 0, i64Add, drop, i32Const, s32(0), end)), ""},
		{"return then drop", fn(0, asm(return_, drop, drop)), ""},
		{"unknown feeds select", fn(3, asm(unreachable, select_)), ""},
		{"unknown and known in select", fn(3, asm(unreachable, i32Const, s32(0), select_)), ""},
		{"select result from known operand", fn(3, asm(unreachable, i64Const, s64(0), i32Const, s32(0), select_)), "type mismatch"},
		{"select of unknowns then i64 op", fn(0, asm(unreachable, select_, i64Const, s64(1), i64Add, drop)), ""},
		{"select of unknowns is unknown", fn(0, asm(unreachable, select_, refIsNull, drop)), ""},
		{"select of unreachable ref", fn(0, asm(unreachable, refNull, fref, i32Const, s32(0), select_, drop)), "type mismatch"},
		{"ref.is_null on unknown", fn(3, asm(unreachable, refIsNull)), ""},
		{"unreachable reset per block", fn(0, asm(unreachable, block, empty, i32Add, end)), "type mismatch"},
		{"unreachable in block does not leak", fn(3, asm(block, i32, unreachable, end, drop, i32Add)), "type mismatch"},
		{"block after unreachable gives known results", fn(3, asm(unreachable, block, i64, unreachable, end)), "type mismatch"},
		{"br_table unknown types", fn(0, asm(block, f64, block, f32, unreachable, br_table(1, 0, 1), end, drop, f64Const, f64z, end, drop)), ""},
		{"br_if in unreachable keeps label types", fn(0, asm(block, i32, unreachable, brIf, 0, i64Const, s64(0), i64Add, end, drop)), "type mismatch"},
		{"br_if in unreachable pushes label type", fn(0, asm(block, i32, unreachable, brIf, 0, i32Eqz, end, drop)), ""},
		{"else resets unreachable", fn(1, asm(localGet, 0, if_, i32, unreachable, else_, i32Add, end)), "type mismatch"},
		{"unreachable after else", fn(1, asm(localGet, 0, if_, i32, i32Const, s32(0), else_, unreachable, end)), ""},
		{"loop unreachable", fn(3, asm(loop, i32, br, 0, end)), ""},
	})
}

// br_table returns the immediates of br_table: the given labels, the last
// being the default.
func br_table(labels ...int) raw {
	b := asm(brTable, len(labels)-1, noEnd)
	for _, l := range labels {
		b = asm(raw(b), l, noEnd)
	}
	return raw(b)
}

func TestBrTable(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"same types", fn(3, asm(block, i32, i32Const, s32(1), i32Const, s32(0), br_table(0, 1, 0), end)), ""},
		{"default only", fn(0, asm(block, empty, i32Const, s32(0), br_table(0), end)), ""},
		{"index type", fn(0, asm(block, empty, i64Const, s64(0), br_table(0), end)), "type mismatch"},
		{"arity mismatch", fn(0, asm(block, empty, block, i32, i32Const, s32(1), i32Const, s32(0), br_table(0, 1), end, drop, end)), "type mismatch"},
		{"type mismatch between targets", fn(0, asm(block, f32, block, i32, i32Const, s32(1), i32Const, s32(0), br_table(0, 1), end, drop, f32Const, f32z, end, drop)), "type mismatch"},
		{"unknown label", fn(0, asm(block, empty, i32Const, s32(0), br_table(0, 5), end)), "unknown label 5"},
		{"unknown default", fn(0, asm(i32Const, s32(0), br_table(1))), "unknown label 1"},
		{"loop targets", fn(0, asm(loop, empty, block, empty, i32Const, s32(0), br_table(0, 1, 2), end, end)), ""},
		{"missing value", fn(3, asm(block, i32, i32Const, s32(0), br_table(0, 1), end)), "type mismatch"},
		{"truncated", fn(0, asm(i32Const, s32(0), brTable, 3, 0, noEnd)), "unexpected end"},
		{"huge count", fn(0, asm(i32Const, s32(0), brTable, raw{0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, 0, 0, noEnd)), "unexpected end"},
	})
}

func TestSelect(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"numeric", fn(3, asm(i32Const, s32(1), i32Const, s32(2), i32Const, s32(0), select_)), ""},
		{"operands differ", fn(3, asm(i32Const, s32(1), i64Const, s64(2), i32Const, s32(0), select_)), "type mismatch"},
		{"condition type", fn(3, asm(i32Const, s32(1), i32Const, s32(2), i64Const, s64(0), select_)), "type mismatch"},
		{"v128", fn(5, asm(localGet, 0, localGet, 0, i32Const, s32(0), select_)), ""},
		{"untyped on funcref", fn(0, asm(refNull, fref, refNull, fref, i32Const, s32(0), select_, drop)), "type mismatch"},
		{"untyped on externref", fn(0, asm(refNull, eref, refNull, eref, i32Const, s32(0), select_, drop)), "type mismatch"},
		{"typed on funcref", fn(0, asm(refNull, fref, refNull, fref, i32Const, s32(0), selectT, 1, fref, drop)), ""},
		{"typed mismatch", fn(0, asm(refNull, fref, refNull, eref, i32Const, s32(0), selectT, 1, fref, drop)), "type mismatch"},
		{"typed numeric", fn(3, asm(i32Const, s32(1), i32Const, s32(2), i32Const, s32(0), selectT, 1, i32)), ""},
		{"typed arity 0", fn(0, asm(i32Const, s32(1), i32Const, s32(2), i32Const, s32(0), selectT, 0, drop, drop)), "invalid result arity"},
		{"typed arity 2", fn(0, asm(i32Const, s32(1), i32Const, s32(2), i32Const, s32(0), selectT, 2, i32, i32)), "invalid result arity"},
		{"typed invalid type", fn(0, asm(i32Const, s32(0), selectT, 1, byte(0x40))), "malformed value type"},
		{"missing operands", fn(3, asm(i32Const, s32(0), select_)), "type mismatch"},
	})
}

func TestMemoryInstructions(t *testing.T) {
	noMem := func(body []byte) *wasm.Module {
		m := shell(fn(0, body))
		m.Memories = nil
		m.Datas = nil
		m.DataCount = 0
		return m
	}
	runBodyCases(t, []bodyCase{
		{"load store", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Load, 2, 0, i32Store, 2, 8)), ""},
		{"natural alignment", fn(0, asm(i32Const, s32(0), wasm.OpI64Load, 3, 0, drop)), ""},
		{"alignment too large", fn(0, asm(i32Const, s32(0), i32Load, 3, 0, drop)), "alignment must not be larger than natural"},
		{"alignment too large load8", fn(0, asm(i32Const, s32(0), wasm.OpI32Load8U, 1, 0, drop)), "alignment must not be larger than natural"},
		{"alignment too large store16", fn(0, asm(i32Const, s32(0), i32Const, s32(0), wasm.OpI32Store16, 2, 0)), "alignment must not be larger than natural"},
		{"huge alignment", fn(0, asm(i32Const, s32(0), i32Load, u32(1<<31), 0, drop)), "alignment must not be larger than natural"},
		{"large offset", fn(0, asm(i32Const, s32(0), i32Load, 0, u32(0xFFFFFFFF), drop)), ""},
		{"address type", fn(0, asm(i64Const, s64(0), i32Load, 2, 0, drop)), "type mismatch"},
		{"store value type", fn(0, asm(i32Const, s32(0), i64Const, s64(0), i32Store, 2, 0)), "type mismatch"},
		{"memory.size", fn(3, asm(wasm.OpMemorySize, 0)), ""},
		{"memory.grow", fn(3, asm(i32Const, s32(1), wasm.OpMemoryGrow, 0)), ""},
		{"memory.grow type", fn(3, asm(i64Const, s64(1), wasm.OpMemoryGrow, 0)), "type mismatch"},
		{"memory.fill", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryFill, 0)), ""},
		{"memory.copy", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryCopy, 0, 0)), ""},
		{"memory.copy operand", fn(0, asm(i32Const, s32(0), i64Const, s64(0), i32Const, s32(0), wasm.OpMemoryCopy, 0, 0)), "type mismatch"},
		{"memory.init", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryInit, 1, 0)), ""},
		{"memory.init unknown data", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryInit, 2, 0)), "unknown data segment 2"},
		{"data.drop", fn(0, asm(wasm.OpDataDrop, 0)), ""},
		{"data.drop unknown", fn(0, asm(wasm.OpDataDrop, 7)), "unknown data segment 7"},
		{"memory index", fn(3, asm(wasm.OpMemorySize, 1)), "unknown memory 1"},
	})
	for _, c := range []struct {
		name string
		body []byte
		want string
	}{
		{"load", asm(i32Const, s32(0), i32Load, 2, 0, drop), "unknown memory"},
		{"store", asm(i32Const, s32(0), i32Const, s32(0), i32Store, 2, 0), "unknown memory"},
		{"size", asm(wasm.OpMemorySize, 0, drop), "unknown memory"},
		{"grow", asm(i32Const, s32(0), wasm.OpMemoryGrow, 0, drop), "unknown memory"},
		{"fill", asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryFill, 0), "unknown memory"},
		{"copy", asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryCopy, 0, 0), "unknown memory"},
		{"data.drop without data", asm(wasm.OpDataDrop, 0), "unknown data segment"},
		{"memory.init checks memory first", asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpMemoryInit, 5, 0), "unknown memory 0"},
		{"simd load", asm(i32Const, s32(0), wasm.OpV128Load, 4, 0, drop), "unknown memory"},
		{"no memory, no memory op", asm(nop), ""},
	} {
		t.Run("no memory/"+c.name, func(t *testing.T) {
			_, err := Module(noMem(c.body))
			checkErr(t, err, c.want)
		})
	}
}

func TestReferenceAndTableInstructions(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"ref.null", fn(0, asm(refNull, fref, drop, refNull, eref, drop)), ""},
		{"ref.null bad type", fn(0, asm(refNull, i32, drop)), "malformed reference type"},
		{"ref.is_null", fn(3, asm(refNull, eref, refIsNull)), ""},
		{"ref.is_null on number", fn(3, asm(i32Const, s32(0), refIsNull)), "type mismatch"},
		{"ref.is_null empty", fn(3, asm(refIsNull)), "type mismatch"},
		{"ref.func declared", fn(0, asm(refFunc, 0, drop)), ""},
		{"ref.func undeclared", fn(0, asm(refFunc, 1, drop)), "undeclared function reference"},
		{"ref.func unknown", fn(0, asm(refFunc, 9, drop)), "unknown function 9"},
		{"table.get", fn(0, asm(i32Const, s32(0), wasm.OpTableGet, 1, refIsNull, drop)), ""},
		{"table.get index type", fn(0, asm(i64Const, s64(0), wasm.OpTableGet, 0, drop)), "type mismatch"},
		{"table.get unknown", fn(0, asm(i32Const, s32(0), wasm.OpTableGet, 2, drop)), "unknown table 2"},
		{"table.set", fn(0, asm(i32Const, s32(0), refNull, eref, wasm.OpTableSet, 1)), ""},
		{"table.set wrong ref", fn(0, asm(i32Const, s32(0), refNull, fref, wasm.OpTableSet, 1)), "type mismatch"},
		{"table.size", fn(3, asm(wasm.OpTableSize, 1)), ""},
		{"table.size unknown", fn(3, asm(wasm.OpTableSize, 3)), "unknown table 3"},
		{"table.grow", fn(3, asm(refNull, fref, i32Const, s32(1), wasm.OpTableGrow, 0)), ""},
		{"table.grow wrong ref", fn(3, asm(refNull, eref, i32Const, s32(1), wasm.OpTableGrow, 0)), "type mismatch"},
		{"table.fill", fn(0, asm(i32Const, s32(0), refNull, eref, i32Const, s32(1), wasm.OpTableFill, 1)), ""},
		{"table.fill wrong ref", fn(0, asm(i32Const, s32(0), refNull, fref, i32Const, s32(1), wasm.OpTableFill, 1)), "type mismatch"},
		{"table.copy", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableCopy, 0, 0)), ""},
		{"table.copy types differ", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableCopy, 0, 1)), "type mismatch"},
		{"table.copy unknown", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableCopy, 4, 0)), "unknown table 4"},
		{"table.init", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableInit, 1, 1)), ""},
		{"table.init type", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableInit, 1, 0)), "type mismatch"},
		{"table.init unknown table before elem", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableInit, 4, 2)), "unknown table 2"},
		{"table.init unknown elem", fn(0, asm(i32Const, s32(0), i32Const, s32(0), i32Const, s32(0), wasm.OpTableInit, 4, 0)), "unknown elem segment 4"},
		{"elem.drop", fn(0, asm(wasm.OpElemDrop, 1)), ""},
		{"elem.drop unknown", fn(0, asm(wasm.OpElemDrop, 2)), "unknown elem segment 2"},
		{"global funcref", fn(0, asm(refFunc, 0, globalSet, 3)), ""},
	})
}

func TestSIMD(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"v128.const", fn(0, asm(wasm.OpV128Const, v128z, drop)), ""},
		{"binary", fn(5, asm(localGet, 0, localGet, 0, wasm.OpI32x4Add)), ""},
		{"binary mismatch", fn(5, asm(localGet, 0, i32Const, s32(0), wasm.OpI32x4Add)), "type mismatch"},
		{"shift takes i32", fn(5, asm(localGet, 0, i32Const, s32(1), wasm.OpI64x2Shl)), ""},
		{"bitselect", fn(5, asm(localGet, 0, localGet, 0, localGet, 0, wasm.OpV128Bitselect)), ""},
		{"splat", fn(0, asm(f64Const, f64z, wasm.OpF64x2Splat, drop)), ""},
		{"extract lane", fn(3, asm(wasm.OpV128Const, v128z, wasm.OpI8x16ExtractLaneU, byte(15))), ""},
		{"extract lane out of range", fn(3, asm(wasm.OpV128Const, v128z, wasm.OpI8x16ExtractLaneU, byte(16))), "invalid lane index"},
		{"replace lane out of range", fn(5, asm(localGet, 0, i64Const, s64(0), wasm.OpI64x2ReplaceLane, byte(2))), "invalid lane index"},
		{"replace lane", fn(5, asm(localGet, 0, f32Const, f32z, wasm.OpF32x4ReplaceLane, byte(3))), ""},
		{"shuffle", fn(5, asm(localGet, 0, localGet, 0, wasm.OpI8x16Shuffle, raw{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31})), ""},
		{"shuffle lane out of range", fn(5, asm(localGet, 0, localGet, 0, wasm.OpI8x16Shuffle, raw{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 32})), "invalid lane index"},
		{"shuffle truncated", fn(5, asm(localGet, 0, localGet, 0, wasm.OpI8x16Shuffle, raw{0, 1}, noEnd)), "unexpected end"},
		{"load", fn(0, asm(i32Const, s32(0), wasm.OpV128Load, 4, 0, drop)), ""},
		{"load align", fn(0, asm(i32Const, s32(0), wasm.OpV128Load, 5, 0, drop)), "alignment must not be larger than natural"},
		{"load8x8 align", fn(0, asm(i32Const, s32(0), wasm.OpV128Load8x8S, 4, 0, drop)), "alignment must not be larger than natural"},
		{"load splat align", fn(0, asm(i32Const, s32(0), wasm.OpV128Load16Splat, 2, 0, drop)), "alignment must not be larger than natural"},
		{"load lane", fn(5, asm(i32Const, s32(0), localGet, 0, wasm.OpV128Load32Lane, 2, 0, byte(3))), ""},
		{"load lane index", fn(5, asm(i32Const, s32(0), localGet, 0, wasm.OpV128Load32Lane, 2, 0, byte(4))), "invalid lane index"},
		{"load lane align", fn(5, asm(i32Const, s32(0), localGet, 0, wasm.OpV128Load32Lane, 3, 0, byte(0))), "alignment must not be larger than natural"},
		{"store lane", fn(0, asm(i32Const, s32(0), wasm.OpV128Const, v128z, wasm.OpV128Store64Lane, 3, 0, byte(1))), ""},
		{"store lane operand order", fn(0, asm(wasm.OpV128Const, v128z, i32Const, s32(0), wasm.OpV128Store64Lane, 3, 0, byte(1))), "type mismatch"},
		{"any_true", fn(3, asm(wasm.OpV128Const, v128z, wasm.OpV128AnyTrue)), ""},
		{"v128 local", fn(0, asm(localGet, 0, drop), loc(1, v128)), ""},
		{"v128 vs i64", fn(5, asm(i64Const, s64(0))), "type mismatch"},
	})
}

// TestAllFixedOps checks that every fixed-signature instruction accepts
// its operands as given by the opcode table and rejects the wrong type.
func TestAllFixedOps(t *testing.T) {
	zero := map[wasm.ValType]raw{
		i32: asmRaw(i32Const, s32(0)), i64: asmRaw(i64Const, s64(0)),
		f32: asmRaw(f32Const, f32z), f64: asmRaw(f64Const, f64z),
		v128: asmRaw(wasm.OpV128Const, v128z),
	}
	imm := func(op wasm.Op, info *wasm.OpInfo) raw {
		switch info.Imm {
		case wasm.ImmNone:
			return nil
		case wasm.ImmMemArg:
			return asmRaw(int(info.Align), 0)
		case wasm.ImmMemArgLane:
			return asmRaw(int(info.Align), 0, byte(info.Lanes-1))
		case wasm.ImmLane:
			return raw{info.Lanes - 1}
		case wasm.ImmShuffle:
			return raw(v128z)
		case wasm.ImmI32:
			return asmRaw(s32(-5))
		case wasm.ImmI64:
			return asmRaw(s64(-5))
		case wasm.ImmF32:
			return f32z
		case wasm.ImmF64:
			return f64z
		case wasm.ImmV128:
			return v128z
		case wasm.ImmMemory, wasm.ImmData, wasm.ImmElem, wasm.ImmTable:
			return raw{0}
		case wasm.ImmMemoryInit, wasm.ImmMemoryCopy, wasm.ImmTableInit, wasm.ImmTableCopy:
			return raw{0, 0}
		}
		t.Fatalf("%v: unexpected immediate kind %d", op, info.Imm)
		return nil
	}
	n := 0
	for i := 0; i < 0x400; i++ {
		op := wasm.Op(i)
		info, ok := op.Info()
		if !ok || info.Special {
			continue
		}
		n++
		var good []any
		for _, p := range info.Params {
			good = append(good, zero[p])
		}
		good = append(good, op, imm(op, info))
		for range info.Results {
			good = append(good, drop)
		}
		if _, err := Module(shell(fn(0, asm(good...)))); err != nil {
			t.Errorf("%v: %v", op, err)
		}
		if len(info.Params) == 0 {
			continue
		}
		// Replace the last operand with one of another type.
		bad := append([]any(nil), good...)
		other := i32
		if info.Params[len(info.Params)-1] == i32 {
			other = f64
		}
		bad[len(info.Params)-1] = zero[other]
		_, err := Module(shell(fn(0, asm(bad...))))
		checkErr(t, err, "type mismatch")
	}
	if n < 400 {
		t.Errorf("only %d fixed-signature instructions checked", n)
	}
}

func asmRaw(parts ...any) raw { return raw(asm(append(parts, noEnd)...)) }

func TestErrorOffset(t *testing.T) {
	m := shell(fn(0, asm(nop, nop, i64Const, s64(0), i32Eqz, drop)))
	m.Code[0].Offset = 0x100
	_, err := Module(m)
	var ve *Error
	if !errors.As(err, &ve) {
		t.Fatalf("error %v, want *Error", err)
	}
	if want := 0x100 + 4; ve.Offset != want {
		t.Errorf("Offset = %#x, want %#x", ve.Offset, want)
	}
	const wantMsg = "invalid module: func 1 at offset 0x104: type mismatch: expected i32, got i64"
	if err.Error() != wantMsg {
		t.Errorf("Error() = %q, want %q", err.Error(), wantMsg)
	}
}
