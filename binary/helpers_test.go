package binary

// Helpers that assemble binary modules by hand for tests.

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func bs(b ...byte) []byte { return b }

// u32 is the canonical LEB128 encoding of v.
func u32(v uint32) []byte { return AppendU32(nil, v) }

// mod prefixes the header to the given sections.
func mod(secs ...[]byte) []byte {
	return cat(append([][]byte{{0, 'a', 's', 'm', 1, 0, 0, 0}}, secs...)...)
}

// sec builds a section with a correct size.
func sec(id byte, content ...[]byte) []byte {
	c := cat(content...)
	return cat(bs(id), u32(uint32(len(c))), c)
}

// vec builds a vector with its count.
func vec(items ...[]byte) []byte {
	return cat(append([][]byte{u32(uint32(len(items)))}, items...)...)
}

// name is a length-prefixed string.
func name(s string) []byte { return AppendName(nil, s) }

// body builds a code entry: size, local declarations (count, type pairs
// already encoded in locals, nil for none), instructions.
func body(locals []byte, instrs ...byte) []byte {
	if locals == nil {
		locals = bs(0)
	}
	c := cat(locals, instrs)
	return cat(u32(uint32(len(c))), c)
}

// Common sections.
var (
	typeVoid  = sec(secType, vec(bs(0x60, 0, 0)))     // type 0: [] -> []
	funcOne   = sec(secFunction, vec(bs(0)))          // one function of type 0
	memOne    = sec(secMemory, vec(bs(0, 1)))         // memory 0: min 1
	tableOne  = sec(secTable, vec(bs(0x70, 0, 1)))    // table 0: funcref min 1
	emptyCode = sec(secCode, vec(body(nil, 0x0B)))    // one empty body
	dataCnt1  = sec(secDataCount, u32(1))             // data count 1
	dataPass  = sec(secData, vec(bs(1, 2, 'h', 'i'))) // one passive data segment
	i32Const0 = []byte{0x41, 0x00, 0x0B}              // i32.const 0; end
	funcBody  = func(instrs ...byte) []byte {
		return mod(typeVoid, funcOne, tableOne, memOne, sec(secCode, vec(body(nil, instrs...))))
	}
)
