package binary

import (
	"fmt"

	"github.com/wasmrun/wasmrun/wasm"
)

// Immediate classes of the body scanner. They refine wasm.ImmKind with the
// structural role of the instruction so that the scanner needs a single
// table lookup per opcode.
const (
	scIllegal byte = iota
	scNone
	scBlock // block, loop: block type, push
	scIf    // if: block type, push
	scElse
	scEnd
	scU32      // one u32
	scU32x2    // two u32
	scBrTable  // vec(u32) u32
	scSelectT  // vec(valtype)
	scMemArg   // align (< 32), offset
	scZero     // one zero byte
	scZero2    // two zero bytes
	scI32      // s32
	scI64      // s64
	scF32      // 4 bytes
	scF64      // 8 bytes
	scRefType  // reference type byte
	scDataZero // data index (u32), zero byte: memory.init
	scData     // data index: data.drop
	scBytes16  // 16 bytes (v128.const, i8x16.shuffle)
	scLane     // one byte
	scMemArgLane
	scPrefix   // 0xFC or 0xFD
	scTryTable // block type, vec(catch clause): push
)

// scanTables maps opcodes to scan classes for one set of enabled
// features; instructions of disabled features are scIllegal.
type scanTables struct {
	byte1, misc [256]byte
	simd        [512]byte
}

// scan2 holds the instructions of WebAssembly 2.0, scan3 those of every
// 3.0 feature too; other feature sets are built on demand.
var scan2, scan3 = newScanTables(0), newScanTables(wasm.Features3)

func scanTablesFor(f wasm.Features) *scanTables {
	switch f {
	case 0:
		return scan2
	case wasm.Features3:
		return scan3
	}
	return newScanTables(f)
}

func newScanTables(enabled wasm.Features) *scanTables {
	t := new(scanTables)
	for i := 0; i < wasm.NumOps; i++ {
		op := wasm.Op(i)
		info, ok := op.Info()
		if !ok || !enabled.Has(info.Feature) {
			continue
		}
		c := scanClass(op, info.Imm)
		switch i >> 8 {
		case 0:
			t.byte1[i] = c
		case 2:
			t.misc[i&0xFF] = c
		case 3, 4:
			t.simd[i-0x300] = c
		}
	}
	t.byte1[wasm.PrefixMisc] = scPrefix
	t.byte1[wasm.PrefixSIMD] = scPrefix
	return t
}

func scanClass(op wasm.Op, imm wasm.ImmKind) byte {
	switch op {
	case wasm.OpBlock, wasm.OpLoop:
		return scBlock
	case wasm.OpIf:
		return scIf
	case wasm.OpElse:
		return scElse
	case wasm.OpEnd:
		return scEnd
	case wasm.OpMemoryInit:
		return scDataZero
	case wasm.OpDataDrop:
		return scData
	case wasm.OpTryTable:
		return scTryTable
	}
	switch imm {
	case wasm.ImmNone:
		return scNone
	case wasm.ImmLabel, wasm.ImmFunc, wasm.ImmLocal, wasm.ImmGlobal, wasm.ImmTable, wasm.ImmElem, wasm.ImmData, wasm.ImmTag, wasm.ImmType:
		return scU32
	case wasm.ImmCallIndirect, wasm.ImmTableInit, wasm.ImmTableCopy:
		return scU32x2
	case wasm.ImmBrTable:
		return scBrTable
	case wasm.ImmSelectT:
		return scSelectT
	case wasm.ImmMemArg:
		return scMemArg
	case wasm.ImmMemory:
		return scZero
	case wasm.ImmMemoryCopy:
		return scZero2
	case wasm.ImmI32:
		return scI32
	case wasm.ImmI64:
		return scI64
	case wasm.ImmF32:
		return scF32
	case wasm.ImmF64:
		return scF64
	case wasm.ImmRefType:
		return scRefType
	case wasm.ImmV128, wasm.ImmShuffle:
		return scBytes16
	case wasm.ImmLane:
		return scLane
	case wasm.ImmMemArgLane:
		return scMemArgLane
	}
	panic(fmt.Sprintf("binary: opcode %v has unhandled immediate kind %d", op, imm))
}

// scan checks the syntax of the instruction sequence that starts at
// absolute position p and returns the position just after the end that
// closes it. It does not stop at section or body boundaries (callers
// compare the result with the declared size). It allocates nothing but
// the growth of the control stack, which is reused across calls.
func (d *decoder) scan(p int, isBody bool) (int, error) {
	data := d.r.buf
	n := len(data)
	ctl := d.ctl[:0]
	tb := d.tables
	for {
		if p >= n {
			return 0, d.errAt(n, ReasonUnexpectedEndSect)
		}
		start := p
		b := data[p]
		p++
		c := tb.byte1[b]
		if c == scPrefix {
			var sub uint32
			if p < n && data[p] < 0x80 {
				sub = uint32(data[p])
				p++
			} else {
				var err error
				if sub, p, err = d.slowU32(p); err != nil {
					return 0, err
				}
			}
			c = scIllegal
			if b == wasm.PrefixMisc && sub < 256 {
				c = tb.misc[sub]
			} else if b == wasm.PrefixSIMD && sub < 512 {
				c = tb.simd[sub]
			}
			if c == scIllegal {
				return 0, d.errAt(start, fmt.Sprintf("%s %#x %d", ReasonIllegalOpcode, b, sub))
			}
		}
		switch c {
		case scNone:
		case scIllegal:
			return 0, d.errAt(start, fmt.Sprintf("%s %#x", ReasonIllegalOpcode, b))
		case scEnd:
			if len(ctl) == 0 {
				d.ctl = ctl // keep the grown stack for the next body
				return p, nil
			}
			ctl = ctl[:len(ctl)-1]
		case scElse:
			if len(ctl) == 0 || ctl[len(ctl)-1] != ctlIf {
				return 0, d.errAt(start, ReasonEndExpected)
			}
			ctl[len(ctl)-1] = ctlBlock
		case scBlock, scIf:
			var err error
			if p, err = d.blockType(p); err != nil {
				return 0, err
			}
			if c == scIf {
				ctl = append(ctl, ctlIf)
			} else {
				ctl = append(ctl, ctlBlock)
			}
		case scTryTable:
			var err error
			if p, err = d.blockType(p); err != nil {
				return 0, err
			}
			if p, err = d.catches(p); err != nil {
				return 0, err
			}
			ctl = append(ctl, ctlBlock)
		case scU32:
			if p < n && data[p] < 0x80 {
				p++
			} else {
				var err error
				if _, p, err = d.slowU32(p); err != nil {
					return 0, err
				}
			}
		case scData:
			d.usesDataIdx = d.usesDataIdx || isBody
			if p < n && data[p] < 0x80 {
				p++
			} else {
				var err error
				if _, p, err = d.slowU32(p); err != nil {
					return 0, err
				}
			}
		case scU32x2:
			for k := 0; k < 2; k++ {
				if p < n && data[p] < 0x80 {
					p++
				} else {
					var err error
					if _, p, err = d.slowU32(p); err != nil {
						return 0, err
					}
				}
			}
		case scMemArg, scMemArgLane:
			at := p
			var flags uint32
			if p < n && data[p] < 0x80 {
				flags = uint32(data[p])
				p++
			} else {
				var err error
				if flags, p, err = d.slowU32(p); err != nil {
					return 0, err
				}
			}
			if flags&0x40 != 0 && d.enabled.Has(wasm.FeatureMultiMemory) {
				// Bit 6: a memory index follows the flags.
				if flags >= 0x80 {
					return 0, d.errAt(at, ReasonMemop)
				}
				if p < n && data[p] < 0x80 {
					p++
				} else {
					var err error
					if _, p, err = d.slowU32(p); err != nil {
						return 0, err
					}
				}
			} else if flags >= 32 && !d.enabled.Has(wasm.FeatureMultiMemory) || flags >= 0x80 {
				// 3.0: exponents 32-63 are invalid (too large), not
				// malformed.
				return 0, d.errAt(at, ReasonMemop)
			}
			if p < n && data[p] < 0x80 {
				p++
			} else if d.enabled.Has(wasm.FeatureMemory64) {
				d.r.pos = p
				if _, err := d.r.ReadU64(); err != nil {
					return 0, err
				}
				p = d.r.pos
			} else {
				var err error
				if _, p, err = d.slowU32(p); err != nil {
					return 0, err
				}
			}
			if c == scMemArgLane {
				if p >= n {
					return 0, d.errAt(n, ReasonUnexpectedEndSect)
				}
				p++
			}
		case scI32:
			if p < n && data[p] < 0x80 {
				p++
			} else {
				d.r.pos = p
				if _, err := d.r.ReadS32(); err != nil {
					return 0, err
				}
				p = d.r.pos
			}
		case scI64:
			if p < n && data[p] < 0x80 {
				p++
			} else {
				d.r.pos = p
				if _, err := d.r.ReadS64(); err != nil {
					return 0, err
				}
				p = d.r.pos
			}
		case scZero, scZero2, scDataZero:
			if c == scDataZero {
				d.usesDataIdx = d.usesDataIdx || isBody
				if p < n && data[p] < 0x80 {
					p++
				} else {
					var err error
					if _, p, err = d.slowU32(p); err != nil {
						return 0, err
					}
				}
			}
			k := 1
			if c == scZero2 {
				k = 2
			}
			if d.enabled.Has(wasm.FeatureMultiMemory) {
				// Memory indices.
				for ; k > 0; k-- {
					if p < n && data[p] < 0x80 {
						p++
					} else {
						var err error
						if _, p, err = d.slowU32(p); err != nil {
							return 0, err
						}
					}
				}
				break
			}
			for ; k > 0; k-- {
				if p >= n {
					return 0, d.errAt(n, ReasonUnexpectedEndSect)
				}
				if data[p] != 0 {
					return 0, d.errAt(p, ReasonZeroByte)
				}
				p++
			}
		case scF32, scF64, scBytes16, scLane:
			k := 4
			switch c {
			case scF64:
				k = 8
			case scBytes16:
				k = 16
			case scLane:
				k = 1
			}
			if n-p < k {
				return 0, d.errAt(n, ReasonUnexpectedEndSect)
			}
			p += k
		case scRefType:
			if p >= n {
				return 0, d.errAt(n, ReasonUnexpectedEndSect)
			}
			if t := wasm.ValType(data[p]); t.IsRef() && d.enabled.Has(t.Feature()) {
				p++
				break
			}
			if !d.enabled.Has(wasm.FeatureTypedFuncRefs) {
				return 0, d.errAt(p, ReasonRefType)
			}
			d.r.pos = p
			if _, err := d.r.ReadHeapType(); err != nil {
				return 0, err
			}
			p = d.r.pos
		case scBrTable, scSelectT:
			d.r.pos = p
			cnt, err := d.length()
			if err != nil {
				return 0, err
			}
			p = d.r.pos
			if c == scSelectT {
				for k := 0; k < cnt; k++ {
					if p >= n {
						return 0, d.errAt(n, ReasonUnexpectedEndSect)
					}
					d.r.pos = p
					if _, err := d.valType(); err != nil {
						return 0, err
					}
					p = d.r.pos
				}
				break
			}
			for k := 0; k <= cnt; k++ {
				if p < n && data[p] < 0x80 {
					p++
				} else {
					var err error
					if _, p, err = d.slowU32(p); err != nil {
						return 0, err
					}
				}
			}
		default:
			panic("binary: unhandled scan class")
		}
	}
}

// slowU32 reads a multi-byte u32 at p.
func (d *decoder) slowU32(p int) (uint32, int, error) {
	d.r.pos = p
	v, err := d.r.ReadU32()
	return v, d.r.pos, err
}

// blockType checks a block type at p and returns the position after it.
func (d *decoder) blockType(p int) (int, error) {
	data := d.r.buf
	if p >= len(data) {
		return 0, d.errAt(len(data), ReasonUnexpectedEndSect)
	}
	b := data[p]
	if b == 0x40 {
		return p + 1, nil
	}
	if b == 0x63 || b == 0x64 {
		d.r.pos = p
		if _, err := d.valType(); err != nil {
			return 0, err
		}
		return d.r.pos, nil
	}
	if b&0xC0 == 0x40 { // one-byte negative s33: must be a value type
		if t := wasm.ValType(b); !t.IsValid() || !d.enabled.Has(t.Feature()) {
			return 0, d.errAt(p, ReasonValType)
		}
		return p + 1, nil
	}
	d.r.pos = p
	v, err := d.r.ReadS33()
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, d.errAt(p, ReasonBlockType)
	}
	return d.r.pos, nil
}

// ReasonCatch is the reason for a catch clause kind above 3.
const ReasonCatch = "malformed catch clause"

// catches checks the catch clauses of try_table at p and returns the
// position after them.
func (d *decoder) catches(p int) (int, error) {
	d.r.pos = p
	n, err := d.length()
	if err != nil {
		return 0, err
	}
	for i := 0; i < n; i++ {
		at := d.r.pos
		k, err := d.r.ReadByte()
		if err != nil {
			return 0, err
		}
		if k > 3 {
			return 0, d.errAt(at, ReasonCatch)
		}
		if k < 2 { // catch, catch_ref: a tag index
			if _, err := d.r.ReadU32(); err != nil {
				return 0, err
			}
		}
		if _, err := d.r.ReadU32(); err != nil {
			return 0, err
		}
	}
	return d.r.pos, nil
}
