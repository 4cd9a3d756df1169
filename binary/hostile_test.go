package binary

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// maxCount is 2^32-1 as LEB128.
var maxCount = u32(0xFFFFFFFF)

// A declared count of 2^32-1 in any vector position fails at once with
// the offset and the reason, allocating next to nothing.
// hugeCountModules are modules with a declared count of 2^32-1 in one
// vector position each (also FuzzDecode seeds).
func hugeCountModules() []struct {
	name string
	data []byte
} {
	typeVoid := sec(secType, vec(bs(0x60, 0, 0)))
	funcs1 := sec(secFunction, vec(u32(0)))
	return []struct {
		name string
		data []byte
	}{
		{"types", mod(sec(secType, maxCount))},
		{"params", mod(sec(secType, u32(1), bs(0x60), maxCount))},
		{"results", mod(sec(secType, u32(1), bs(0x60, 0), maxCount))},
		{"imports", mod(sec(secImport, maxCount))},
		{"import module name", mod(sec(secImport, u32(1), maxCount))},
		{"functions", mod(typeVoid, sec(secFunction, maxCount))},
		{"tables", mod(sec(secTable, maxCount))},
		{"memories", mod(sec(secMemory, maxCount))},
		{"globals", mod(sec(secGlobal, maxCount))},
		{"exports", mod(sec(secExport, maxCount))},
		{"export name", mod(sec(secExport, u32(1), maxCount))},
		{"elements", mod(sec(secElement, maxCount))},
		{"element functions", mod(typeVoid, funcs1, sec(secElement, u32(1), bs(0), bs(0x41, 0, 0x0B), maxCount))},
		{"data segments", mod(sec(secData, maxCount))},
		{"data bytes", mod(sec(secMemory, vec(bs(0, 1))), sec(secData, u32(1), bs(0), bs(0x41, 0, 0x0B), maxCount))},
		{"code entries", mod(typeVoid, funcs1, sec(secCode, maxCount))},
		{"code size", mod(typeVoid, funcs1, sec(secCode, u32(1), maxCount))},
		{"local declarations", mod(typeVoid, funcs1, sec(secCode, u32(1), u32(6), maxCount, bs(0x7F, 0x0B)))},
		{"br_table targets", mod(typeVoid, funcs1, sec(secCode, u32(1), u32(8), bs(0, 0x41, 0), bs(0x0E), maxCount, bs(0x0B)))},
		{"select types", mod(typeVoid, funcs1, sec(secCode, u32(1), u32(8), bs(0), bs(0x1C), maxCount, bs(0x7F, 0x0B)))},
		{"custom section name", mod(sec(secCustom, maxCount))},
		{"section size", mod(bs(secType), maxCount)},
	}
}

func TestHugeDeclaredCounts(t *testing.T) {
	tests := hugeCountModules()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = Decode(tc.data) })
			var e *Error
			if !errors.As(err, &e) || e.Reason == "" || e.Offset < 0 || e.Offset > len(tc.data) {
				t.Fatalf("Decode: %v, want an *Error with an offset inside the input and a reason", err)
			}
			if n > 64<<10 {
				t.Errorf("allocated %d bytes for a %d-byte module (%v)", n, len(tc.data), err)
			}
		})
	}
}

// Decoding a module of N bytes allocates at most a fixed multiple of N,
// whatever its sections declare or hold: huge name sections naming
// functions that do not exist, many minimal imports, exports, types and
// functions, deep nesting, long names.
func TestDecodeMemoryLinearInInput(t *testing.T) {
	typeVoid := sec(secType, vec(bs(0x60, 0, 0)))
	// A name section of 30 MB: 15 million names of functions that do not
	// exist (the module has one).
	var names bytes.Buffer
	names.Write(bs(1))
	const n = 10_000_000
	sub := AppendU32(nil, n)
	for i := uint32(0); i < n; i++ {
		sub = AppendU32(sub, i)
		sub = append(sub, 0)
	}
	names.Write(AppendU32(nil, uint32(len(sub))))
	names.Write(sub)
	hugeNames := mod(typeVoid, sec(secFunction, vec(u32(0))), sec(secCode, vec(bs(2, 0, 0x0B))),
		sec(secCustom, name("name"), names.Bytes()))

	many := func(id byte, entry []byte, count int) []byte {
		var b []byte
		b = AppendU32(b, uint32(count))
		for range count {
			b = append(b, entry...)
		}
		return sec(id, b)
	}
	imports := mod(typeVoid, many(secImport, cat(name(""), name(""), bs(0), u32(0)), 1_000_000))
	exports := mod(typeVoid, sec(secFunction, vec(u32(0))), many(secExport, cat(name(""), bs(0), u32(0)), 1_000_000),
		sec(secCode, vec(bs(2, 0, 0x0B))))
	types := mod(many(secType, bs(0x60, 0, 0), 1_000_000))
	var funcsSec, codeSec []byte
	funcsSec = AppendU32(funcsSec, 500_000)
	codeSec = AppendU32(codeSec, 500_000)
	for range 500_000 {
		funcsSec = append(funcsSec, 0)
		codeSec = append(codeSec, 2, 0, 0x0B)
	}
	functions := mod(typeVoid, sec(secFunction, funcsSec), sec(secCode, codeSec))
	deep := cat(bytes.Repeat(bs(0x02, 0x40), 1_000_000), bytes.Repeat(bs(0x0B), 1_000_000))
	nesting := mod(typeVoid, sec(secFunction, vec(u32(0))), sec(secCode, vec(cat(u32(uint32(len(deep)+2)), bs(0), deep, bs(0x0B)))))
	longName := mod(sec(secCustom, name(string(bytes.Repeat([]byte("n"), 20_000_000)))))

	for _, tc := range []struct {
		name   string
		data   []byte
		factor uint64
	}{
		{"30 MB name section", hugeNames, 2},
		{"a million imports", imports, 40},
		{"a million exports", exports, 40},
		{"a million types", types, 40},
		{"half a million functions", functions, 40},
		{"a million nested blocks", nesting, 4},
		{"a 20 MB section name", longName, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			got := allocated(func() { _, err = Decode(tc.data) })
			t.Logf("%d bytes in, %d allocated (x%.1f)", len(tc.data), got, float64(got)/float64(len(tc.data)))
			if err != nil {
				t.Logf("(decode error: %v)", err)
			}
			if limit := tc.factor*uint64(len(tc.data)) + 1<<20; got > limit {
				t.Errorf("allocated %d bytes for %d bytes of input, want at most %d", got, len(tc.data), limit)
			}
		})
	}
}

// Each implementation limit refuses a module one past it, with the
// offset and a reason naming the limit, and accepts one at it.
func TestDecodeLimits(t *testing.T) {
	typeVoid := sec(secType, vec(bs(0x60, 0, 0)))
	funcs := func(n int) []byte {
		f, c := []byte{}, []byte{}
		for range n {
			f = append(f, u32(0)...)
			c = append(c, 2, 0, 0x0B)
		}
		return cat(sec(secFunction, u32(uint32(n)), f), sec(secCode, u32(uint32(n)), c))
	}
	imports := func(n int) []byte {
		var b []byte
		for range n {
			b = append(b, cat(name("m"), name("f"), bs(0), u32(0))...)
		}
		return sec(secImport, u32(uint32(n)), b)
	}
	localsBody := func(n uint32) []byte {
		b := cat(u32(1), u32(n), bs(0x7F, 0x0B))
		return sec(secCode, vec(cat(u32(uint32(len(b))), b)))
	}
	brTable := func(n int) []byte {
		b := cat(bs(0, 0x41, 0, 0x0E), u32(uint32(n)), bytes.Repeat(bs(0), n+1), bs(0x0B))
		return sec(secCode, vec(cat(u32(uint32(len(b))), b)))
	}
	tests := []struct {
		name    string
		lim     Limits
		ok, bad []byte
		reason  string
	}{
		{"functions", Limits{Functions: 3}, mod(typeVoid, funcs(3)), mod(typeVoid, funcs(4)), "too many functions"},
		{"imported functions", Limits{Functions: 2}, mod(typeVoid, imports(2)), mod(typeVoid, imports(3)), "too many functions"},
		{"imports and functions", Limits{Functions: 3}, mod(typeVoid, imports(2), funcs(1)), mod(typeVoid, imports(2), funcs(2)), "too many functions"},
		{"imports", Limits{Imports: 2}, mod(typeVoid, imports(2)), mod(typeVoid, imports(3)), "too many imports"},
		{"locals", Limits{FuncLocals: 10}, mod(typeVoid, sec(secFunction, vec(u32(0))), localsBody(10)),
			mod(typeVoid, sec(secFunction, vec(u32(0))), localsBody(11)), "too many locals"},
		{"br_table targets", Limits{BrTableTargets: 5}, mod(typeVoid, sec(secFunction, vec(u32(0))), brTable(5)),
			mod(typeVoid, sec(secFunction, vec(u32(0))), brTable(6)), "too many br_table targets"},
		{"types", Limits{Types: 1}, mod(typeVoid), mod(sec(secType, vec(bs(0x60, 0, 0), bs(0x60, 0, 0)))), "too many types"},
		{"parameters", Limits{Params: 2}, mod(sec(secType, vec(bs(0x60, 2, 0x7F, 0x7F, 0)))), mod(sec(secType, vec(bs(0x60, 3, 0x7F, 0x7F, 0x7F, 0)))), "too many parameters"},
		{"module size", Limits{ModuleBytes: 8}, mod(), mod(typeVoid), "exceeds the limit of 8 bytes"},
		{"function body size", Limits{FuncBodyBytes: 3}, mod(typeVoid, funcs(1)), mod(typeVoid, sec(secFunction, vec(u32(0))), localsBody(1)), "exceeds the limit of 3 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := DecodeWithLimits(tc.ok, tc.lim); err != nil {
				t.Errorf("at the limit: %v", err)
			}
			_, err := DecodeWithLimits(tc.bad, tc.lim)
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Reason, tc.reason) || !strings.Contains(e.Reason, "limit") {
				t.Errorf("past the limit: %v, want an *Error with %q and the limit", err, tc.reason)
			}
		})
	}
}
