package interp

import (
	"fmt"
	"strings"

	"github.com/wasmrun/wasmrun/wasm"
)

var internalNames = map[uint16]string{
	opCopy: "copy", opCopy2: "copy2", opBr: "br", opBrIfNZ: "br_if_nz", opBrIfZ: "br_if_z",
	opBrTable: "br_table", opReturn: "return", opReturn1: "return1", opCall: "call", opCallIndirect: "call_indirect",
	opSelect: "select", opSelect2: "select2", opGlobalGet: "global.get", opGlobalSet: "global.set",
	opGlobalGet2: "global.get2", opGlobalSet2: "global.set2", opTableGet: "table.get",
	opTableSet: "table.set", opTableGrow: "table.grow", opTableFill: "table.fill",
	opRefFunc: "ref.func", opBrI64Z: "br_i64.eqz", opBrI64NZ: "br_i64.nez", opUnreachable: "unreachable",
	opBrI32Eq: "br_i32.eq", opBrI32Ne: "br_i32.ne", opBrI32LtS: "br_i32.lt_s", opBrI32LtU: "br_i32.lt_u",
	opBrI32GtS: "br_i32.gt_s", opBrI32GtU: "br_i32.gt_u", opBrI32LeS: "br_i32.le_s", opBrI32LeU: "br_i32.le_u",
	opBrI32GeS: "br_i32.ge_s", opBrI32GeU: "br_i32.ge_u",
	opBrI64Eq: "br_i64.eq", opBrI64Ne: "br_i64.ne", opBrI64LtS: "br_i64.lt_s", opBrI64LtU: "br_i64.lt_u",
	opBrI64GtS: "br_i64.gt_s", opBrI64GtU: "br_i64.gt_u", opBrI64LeS: "br_i64.le_s", opBrI64LeU: "br_i64.le_u",
	opBrI64GeS: "br_i64.ge_s", opBrI64GeU: "br_i64.ge_u",
	opI32AddImm: "i32.add_imm", opI64AddImm: "i64.add_imm",
	opReturnCall: "return_call", opReturnCallIndirect: "return_call_indirect",
}

func opName(op uint16) string {
	if n, ok := internalNames[op]; ok {
		return n
	}
	return wasm.Op(op).String()
}

// String renders one instruction as "name r=1 x=2 y=3 z=0 k=0".
func (in instr) String() string {
	return fmt.Sprintf("%s r=%d x=%d y=%d z=%d k=%d", opName(in.op), in.r, in.x, in.y, in.z, in.k)
}

// dump renders a function's code, one instruction per line.
func (fc *funcCode) dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "locals=%d consts=%v frame=%d\n", fc.numLocals, fc.consts, fc.frameSize)
	for i, in := range fc.code {
		fmt.Fprintf(&b, "%3d %s\n", i, in)
	}
	return b.String()
}
