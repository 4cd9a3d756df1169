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
	// Memories other than a 32-bit memory 0 (multiple memories,
	// memory64): k indexes funcCode.memOps. opMemSelect computes the
	// effective address of slot x (64-bit when the memory is) plus the
	// offset into slot r, trapping when it cannot be in bounds, and makes
	// the memory the current one; the access itself follows, as for
	// memory 0, with its address in slot r, and opMemRestore makes memory
	// 0 current again. The other operations name their memories in
	// memOps.
	opMemSelect
	opMemRestore
	opMemSizeX // r ← pages of memory
	opMemGrowX // r ← grow memory by x (-1 of the address type on failure)
	opMemFillX // fill memory [x, x+z) with y
	opMemCopyX // copy memory2 [y, y+z) to memory [x, x+z)
	opMemInitX // copy data segment memOps.data [y, y+z) to memory [x, x+z)
	// Tables with the i64 address type (table64): opTable64Check traps
	// with code k>>8 when an operand slot selected by k's low bits (1 x,
	// 2 y, 4 z) holds 2^32 or more (tables are far smaller), so that the
	// instruction that follows can read its operands as i32;
	// opTableGrow64 is table.grow returning -1 as an i64.
	opTable64Check
	opTableGrow64
	// Exception handling: opThrow throws an exception with tag k whose
	// payload is in the slots from x; opThrowRef rethrows the exception
	// of exnref slot x (trapping on null). Both leave the loop for the
	// handler search (vm.catch), which finds the innermost try_table of
	// the frame stack that catches it (funcCode.handlers).
	opThrow
	opThrowRef
	// Typed function references: opCallRef and opReturnCallRef call the
	// function of funcref slot y (trapping on null) with arguments at x,
	// as opCall and opReturnCall do; opRefAsNonNull traps when slot x
	// is null.
	opCallRef
	opReturnCallRef
	opRefAsNonNull
	opMax
)

// handler is a try_table of a function: the instructions [start, end)
// are its body, and catches[first:first+n] its clauses, in order.
// funcCode.handlers lists inner try_tables before the ones around them.
type handler struct {
	start, end int
	first, n   int
}

// catchClause is one catch clause: an exception whose tag is the
// instance's tag (all: any tag) is caught by writing its payload (unless
// the clause is catch_all) and then, when ref, its exnref into the slots
// from dst and going on at target (an index in code).
type catchClause struct {
	tag      uint32
	all, ref bool
	dst      uint32
	target   int
}

// memOp describes an access to a memory other than a 32-bit memory 0.
type memOp struct {
	mem, mem2   uint32 // the memory (and the source memory of a copy)
	is64, is64b bool   // their address types are i64
	offset      uint64 // the access's static offset
	data        uint32 // the data segment of memory.init
}

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
	memOps                []memOp
	consts                []uint64 // copied to slots [numLocals, numLocals+len(consts)) at entry
	brTables              [][]uint32
	shuffles              [][16]byte
	handlers              []handler
	catches               []catchClause
	paramSlots, numLocals int // parameter slots; parameter and local slots
	resultSlots           int
	frameSize             int // slots of the whole frame
	index                 uint32
}
