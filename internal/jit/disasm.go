package jit

import (
	"fmt"
	"strings"

	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// DisassembleFunc compiles m (validating it first when info is nil) with the
// JIT and returns the machine's listing (Intel syntax on amd64) of defined function funcIndex
// (an index in the function index space, imports first), headed by the
// function's index, name-section name, export names and type. Addresses
// are offsets in the module's code mapping, so call targets read as the
// offsets shown in the other functions' headers; offset 0 is the exit
// stub. It fails when funcIndex is out of range or names an imported
// function.
//
// br_table jump tables are data inside the code and are listed as
// whatever they decode to.
func DisassembleFunc(m *wasm.Module, info *validate.Info, funcIndex uint32) (string, error) {
	if funcIndex < m.NumImportedFuncs {
		return "", fmt.Errorf("jit: function %d is imported and has no machine code", funcIndex)
	}
	if uint64(funcIndex) >= uint64(m.NumFuncs()) {
		return "", fmt.Errorf("jit: function index %d out of range (module has %d functions)", funcIndex, m.NumFuncs())
	}
	mod, err := compileForListing(m, info)
	if err != nil {
		return "", err
	}
	return mod.listing(m, funcIndex), nil
}

// DisassembleAll is DisassembleFunc for every defined function of m, in
// index order, separated by blank lines; the module is compiled once.
func DisassembleAll(m *wasm.Module, info *validate.Info) (string, error) {
	mod, err := compileForListing(m, info)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	for i := range mod.funcs {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(mod.listing(m, m.NumImportedFuncs+uint32(i)))
	}
	return sb.String(), nil
}

// compileForListing compiles m with a default engine (the code does not
// depend on the engine's Config).
func compileForListing(m *wasm.Module, info *validate.Info) (*module, error) {
	mc, err := New(Config{}).Compile(m, info)
	if err != nil {
		return nil, err
	}
	return mc.(*module), nil
}

// funcBytes returns the machine code of defined function i as laid out,
// without the int3 padding that aligns the next function.
func (m *module) funcBytes(i int) (off int, code []byte) {
	off = m.funcs[i].off
	end := len(m.code)
	if i+1 < len(m.funcs) {
		end = m.funcs[i+1].off
	}
	return off, arch.trimPadding(m.code[off:end])
}

// listing returns the header and disassembly of function idx, which
// must be a defined function of m (the module mod was compiled from).
func (mod *module) listing(m *wasm.Module, idx uint32) string {
	var sb strings.Builder
	sb.WriteString(funcHeading(m, idx))
	off, code := mod.funcBytes(int(idx - m.NumImportedFuncs))
	fmt.Fprintf(&sb, "code at offset %#x, %d bytes\n", off, len(code))
	sb.WriteString(arch.disassemble(code, uint64(off)))
	return sb.String()
}

// funcHeading renders "func[IDX] $NAME export "E" ...: TYPE\n".
func funcHeading(m *wasm.Module, idx uint32) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "func[%d]", idx)
	if name := m.FuncName(idx); name != "" {
		fmt.Fprintf(&sb, " $%s", name)
	}
	for _, e := range m.Exports {
		if e.Kind == wasm.ExternFunc && e.Index == idx {
			fmt.Fprintf(&sb, " export %q", e.Name)
		}
	}
	if ti, ok := m.FuncTypeIndex(idx); ok && uint64(ti) < uint64(len(m.Types)) {
		fmt.Fprintf(&sb, ": type %d %s", ti, m.Types[ti])
	}
	sb.WriteByte('\n')
	return sb.String()
}
