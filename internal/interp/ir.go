package interp

import "github.com/wasmrun/wasmrun/wasm"

// instr is one register-IR instruction. op is a wasm.Op for instructions
// that keep their WebAssembly meaning (numeric, memory, SIMD, bulk
// operations), or one of the internal op* codes below. r is the result
// slot; x, y, z are operand slots (z is the memory offset of loads and
// stores); k is a small immediate (lane, table, segment, branch target,
// function index...). Slots index the current frame.
type instr struct {
	op         uint16
	k          uint32
	r, x, y, z uint32
}

// Internal opcodes, in the gap 0x100–0x1FF that wasm.Op leaves unused.
const (
	opCopy         = 0x100 + iota // r ← x
	opCopy2                       // r,r+1 ← x,x+1 (v128)
	opBr                          // pc ← k
	opBrIfNZ                      // if x≠0: pc ← k
	opBrIfZ                       // if x=0: pc ← k
	opBrTable                     // pc ← brTables[k][min(x, len-1)]
	opReturn                      // return to the caller
	opReturn1                     // slot 0 ← x, then return (one single-slot result)
	opCall                        // call function k with arguments at slot x; then, if r≠0, slot r-1 ← slot x
	opCallIndirect                // call table r's element at slot y with type k, arguments at x
	opSelect                      // r ← z≠0 ? x : y
	opSelect2                     // v128 select
	opGlobalGet                   // r ← global k
	opGlobalSet                   // global k ← x
	opGlobalGet2                  // v128
	opGlobalSet2                  // v128
	opTableGet                    // r ← table k [x]
	opTableSet                    // table k [x] ← y
	opTableGrow                   // r ← grow table k by y with init x
	opTableFill                   // fill table k [x, x+z) with y
	opRefFunc                     // r ← handle of function k
	opUnreachable                 // trap
	// Fused compare-and-branch: if cmp(x, y): pc ← k.
	opBrI32Eq
	opBrI32Ne
	opBrI32LtS
	opBrI32LtU
	opBrI32GtS
	opBrI32GtU
	opBrI32LeS
	opBrI32LeU
	opBrI32GeS
	opBrI32GeU
	opBrI64Eq
	opBrI64Ne
	opBrI64LtS
	opBrI64LtU
	opBrI64GtS
	opBrI64GtU
	opBrI64LeS
	opBrI64LeU
	opBrI64GeS
	opBrI64GeU
	opBrI64Z  // if x=0 (i64): pc ← k
	opBrI64NZ // if x≠0 (i64): pc ← k
	// Immediate forms: r ← x op k (k sign-extended for i64).
	opI32AddImm
	opI64AddImm
	// Tail calls: like opCall and opCallIndirect, but a callee that is a
	// Wasm function of the same instance replaces the current frame (its
	// arguments move to slot 0 and it returns to the current function's
	// caller); another callee is called as by opCall, and the return that
	// the translator puts next returns its results.
	opReturnCall
	opReturnCallIndirect
	opMax
)

// fusedBranch maps a comparison to its fused branch and its negation
// (for branching when the comparison is false).
var fusedBranch = map[wasm.Op][2]uint16{
	wasm.OpI32Eqz: {opBrIfZ, opBrIfNZ},
	wasm.OpI64Eqz: {opBrI64Z, opBrI64NZ},
	wasm.OpI32Eq:  {opBrI32Eq, opBrI32Ne},
	wasm.OpI32Ne:  {opBrI32Ne, opBrI32Eq},
	wasm.OpI32LtS: {opBrI32LtS, opBrI32GeS},
	wasm.OpI32LtU: {opBrI32LtU, opBrI32GeU},
	wasm.OpI32GtS: {opBrI32GtS, opBrI32LeS},
	wasm.OpI32GtU: {opBrI32GtU, opBrI32LeU},
	wasm.OpI32LeS: {opBrI32LeS, opBrI32GtS},
	wasm.OpI32LeU: {opBrI32LeU, opBrI32GtU},
	wasm.OpI32GeS: {opBrI32GeS, opBrI32LtS},
	wasm.OpI32GeU: {opBrI32GeU, opBrI32LtU},
	wasm.OpI64Eq:  {opBrI64Eq, opBrI64Ne},
	wasm.OpI64Ne:  {opBrI64Ne, opBrI64Eq},
	wasm.OpI64LtS: {opBrI64LtS, opBrI64GeS},
	wasm.OpI64LtU: {opBrI64LtU, opBrI64GeU},
	wasm.OpI64GtS: {opBrI64GtS, opBrI64LeS},
	wasm.OpI64GtU: {opBrI64GtU, opBrI64LeU},
	wasm.OpI64LeS: {opBrI64LeS, opBrI64GtS},
	wasm.OpI64LeU: {opBrI64LeU, opBrI64GtU},
	wasm.OpI64GeS: {opBrI64GeS, opBrI64LtS},
	wasm.OpI64GeU: {opBrI64GeU, opBrI64LtU},
}

// A taken branch with a relative target <= 0 is a loop back-edge: it
// decrements the budget that bounds the time between context and fuel
// checks (every loop iteration goes through one).

// funcCode is the translated body of one function.
type funcCode struct {
	code                  []instr
	consts                []uint64 // copied to slots [numLocals, numLocals+len(consts)) at entry
	brTables              [][]uint32
	shuffles              [][16]byte
	paramSlots, numLocals int // parameter slots; parameter and local slots
	resultSlots           int
	frameSize             int // slots of the whole frame
	index                 uint32
}
