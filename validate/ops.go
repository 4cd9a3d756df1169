package validate

import "github.com/wasmrun/wasmrun/wasm"

// Instruction classes: the validator dispatches on a dense class number so
// that the Go compiler emits a jump table.
const (
	cIllegal uint8 = iota
	cFixed         // fixed signature; immediates by kind
	cUnreachable
	cNop
	cBlock
	cLoop
	cIf
	cElse
	cEnd
	cBr
	cBrIf
	cBrTable
	cReturn
	cCall
	cCallIndirect
	cDrop
	cSelect
	cSelectT
	cLocalGet
	cLocalSet
	cLocalTee
	cGlobalGet
	cGlobalSet
	cTableGet
	cTableSet
	cTableGrow
	cTableFill
	cRefNull
	cRefIsNull
	cRefFunc
	cReturnCall
	cReturnCallIndirect
	cThrow
	cThrowRef
	cTryTable
	cCallRef
	cReturnCallRef
	cRefAsNonNull
	cBrOnNull
	cBrOnNonNull
)

// Flags of fixed-signature instructions.
const (
	fMemory uint8 = 1 << iota // needs memory 0
	fSIMD                     // prefixed 0xFD
	fTable                    // table instruction
)

// sig is the compact description of an instruction used by the validator.
type sig struct {
	op    wasm.Op
	class uint8
	imm   wasm.ImmKind
	n     uint8 // number of parameters
	flags uint8
	p     [3]wasm.ValType // parameters, bottom first
	r     wasm.ValType    // result, or 0 for none
	align uint8
	lanes uint8
	feat  wasm.Features // the 3.0 feature of a prefixed instruction
}

// sigs is indexed by wasm.Op.
var sigs [wasm.NumOps]sig

// single[t] is a one-element array holding t, so that single[t][:] is a
// result-type slice for a block type that needs no allocation.
var single [256][1]wasm.ValType

func init() {
	for i := range single {
		single[i][0] = wasm.ValType(i)
	}
	special := map[wasm.Op]uint8{
		wasm.OpUnreachable:  cUnreachable,
		wasm.OpNop:          cNop,
		wasm.OpBlock:        cBlock,
		wasm.OpLoop:         cLoop,
		wasm.OpIf:           cIf,
		wasm.OpElse:         cElse,
		wasm.OpEnd:          cEnd,
		wasm.OpBr:           cBr,
		wasm.OpBrIf:         cBrIf,
		wasm.OpBrTable:      cBrTable,
		wasm.OpReturn:       cReturn,
		wasm.OpCall:         cCall,
		wasm.OpCallIndirect: cCallIndirect,
		wasm.OpDrop:         cDrop,
		wasm.OpSelect:       cSelect,
		wasm.OpSelectT:      cSelectT,
		wasm.OpLocalGet:     cLocalGet,
		wasm.OpLocalSet:     cLocalSet,
		wasm.OpLocalTee:     cLocalTee,
		wasm.OpGlobalGet:    cGlobalGet,
		wasm.OpGlobalSet:    cGlobalSet,
		wasm.OpTableGet:     cTableGet,
		wasm.OpTableSet:     cTableSet,
		wasm.OpTableGrow:    cTableGrow,
		wasm.OpTableFill:    cTableFill,
		wasm.OpRefNull:      cRefNull,
		wasm.OpRefIsNull:    cRefIsNull,
		wasm.OpRefFunc:      cRefFunc,

		wasm.OpReturnCall:         cReturnCall,
		wasm.OpReturnCallIndirect: cReturnCallIndirect,
		wasm.OpThrow:              cThrow,
		wasm.OpThrowRef:           cThrowRef,
		wasm.OpTryTable:           cTryTable,
		wasm.OpCallRef:            cCallRef,
		wasm.OpReturnCallRef:      cReturnCallRef,
		wasm.OpRefAsNonNull:       cRefAsNonNull,
		wasm.OpBrOnNull:           cBrOnNull,
		wasm.OpBrOnNonNull:        cBrOnNonNull,
	}
	for i := range sigs {
		op := wasm.Op(i)
		info, ok := op.Info()
		if !ok {
			continue
		}
		s := &sigs[i]
		s.op = op
		s.imm = info.Imm
		if op.IsPrefixed() {
			s.feat = info.Feature
		}
		if c, ok := special[op]; ok {
			s.class = c
			continue
		}
		if info.Special || len(info.Params) > 3 || len(info.Results) > 1 {
			panic("validate: instruction " + info.Name + " has no validation rule")
		}
		s.class = cFixed
		s.n = uint8(len(info.Params))
		copy(s.p[:], info.Params)
		if len(info.Results) == 1 {
			s.r = info.Results[0]
		}
		s.align = info.Align
		s.lanes = info.Lanes
		switch info.Imm {
		case wasm.ImmMemArg, wasm.ImmMemArgLane, wasm.ImmMemory, wasm.ImmMemoryInit, wasm.ImmMemoryCopy:
			s.flags |= fMemory
		case wasm.ImmTable, wasm.ImmTableInit, wasm.ImmTableCopy:
			s.flags |= fTable
		}
		if i >= 0x300 {
			s.flags |= fSIMD
		}
	}
	for op, c := range special {
		if sigs[op].class != c {
			panic("validate: opcode table lacks " + op.String())
		}
	}
}
