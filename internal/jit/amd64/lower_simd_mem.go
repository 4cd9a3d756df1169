//go:build amd64

package amd64

import (
	. "github.com/wasmrun/wasmrun/internal/jit/amd64/asm" //lint:ignore ST1001 the instruction selector reads like assembly
	"github.com/wasmrun/wasmrun/wasm"
)

// simdMemLoads are the SIMD loads one SSE instruction performs from
// memory into the result register.
var simdMemLoads = map[wasm.Op]SseOp{
	wasm.OpV128Load:     MOVDQU,
	wasm.OpV128Load8x8S: PMOVSXBW, wasm.OpV128Load8x8U: PMOVZXBW,
	wasm.OpV128Load16x4S: PMOVSXWD, wasm.OpV128Load16x4U: PMOVZXWD,
	wasm.OpV128Load32x2S: PMOVSXDQ, wasm.OpV128Load32x2U: PMOVZXDQ,
	wasm.OpV128Load32Zero: MOVSS, wasm.OpV128Load64Zero: MOVQ,
	wasm.OpV128Load64Splat: MOVDDUP,
}

// simdMemLanes are the lane loads and stores: the insert and extract
// instructions with a memory operand.
var simdMemLanes = map[wasm.Op]SseOp{
	wasm.OpV128Load8Lane: PINSRB, wasm.OpV128Load16Lane: PINSRW, wasm.OpV128Load32Lane: PINSRD, wasm.OpV128Load64Lane: PINSRQ,
	wasm.OpV128Store8Lane: PEXTRB, wasm.OpV128Store16Lane: PEXTRW, wasm.OpV128Store32Lane: PEXTRD, wasm.OpV128Store64Lane: PEXTRQ,
}

func init() {
	for op := range simdMemLoads {
		simdMemSelectable[op] = true
	}
	for op := range simdMemLanes {
		simdMemSelectable[op] = true
	}
	for _, op := range []wasm.Op{wasm.OpV128Store, wasm.OpV128Load8Splat, wasm.OpV128Load16Splat, wasm.OpV128Load32Splat} {
		simdMemSelectable[op] = true
	}
}

// lowerSIMDMem emits the SIMD memory instruction op on the effective
// address ea, whose bounds the compiler has checked for the access size
// (simdAccessSize). ea is [regMem + RAX + disp]: RAX must not be
// clobbered before the access. A load's result goes to dst (load_lane's
// vector operand is args[0]); a store's value is args[0] and dst is
// asm.NoReg.
func lowerSIMDMem(l *lowerCtx, op wasm.Op, lane uint8, ea Mem, dst Reg, args []Reg) {
	a := l.a
	if ld, ok := simdMemLoads[op]; ok {
		a.SseRM(ld, dst, ea)
		return
	}
	if ln, ok := simdMemLanes[op]; ok {
		if dst == NoReg { // store lane
			a.SseMRI(ln, ea, args[0], lane)
			return
		}
		movx(a, dst, args[0])
		a.SseRMI(ln, dst, ea, lane)
		return
	}
	switch op {
	case wasm.OpV128Store:
		a.SseMR(MOVDQU, ea, args[0])
	case wasm.OpV128Load8Splat:
		a.MovzxRM(W32, W8, RCX, ea)
		a.SseRR(MOVDX, dst, RCX)
		a.SseRR(PXOR, X0, X0)
		a.SseRR(PSHUFB, dst, X0)
	case wasm.OpV128Load16Splat:
		a.MovzxRM(W32, W16, RCX, ea)
		a.SseRR(MOVDX, dst, RCX)
		a.SseRRI(PSHUFLW, dst, dst, 0)
		a.SseRRI(PSHUFD, dst, dst, 0)
	case wasm.OpV128Load32Splat:
		a.SseRM(MOVSS, dst, ea)
		a.SseRRI(PSHUFD, dst, dst, 0)
	default:
		panic("jit/amd64: no SIMD memory selector for " + op.String())
	}
}
