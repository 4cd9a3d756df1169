package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/wasmrun/wasmrun/internal/jit"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// disasmUsage is the help text of "wasmrun disasm".
const disasmUsage = `usage: wasmrun disasm [--func NAME|INDEX] FILE

Compiles the module FILE (binary .wasm or text .wat) with the JIT and prints
the machine code of its defined functions as an Intel-syntax listing, each
headed by the function's index, name, exports and type. Addresses are
offsets in the module's code (offset 0 is the JIT's exit stub).

  --func NAME|INDEX   list only this function: an export name, a name from
                      the name section (with or without "$"), or an index in
                      the function index space (imports first)

Available where the JIT is (linux/amd64).
`

// disasmCmd implements "wasmrun disasm [--func NAME|INDEX] FILE".
func disasmCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("disasm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, disasmUsage) }
	fn := fs.String("func", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if err := jit.Supported(); err != nil {
		fmt.Fprintf(stderr, "wasmrun disasm: disassembly needs the JIT: %v\n", err)
		return 1
	}
	name := fs.Arg(0)
	out, err := disasmFile(name, *fn)
	if err != nil {
		fmt.Fprintf(stderr, "wasmrun disasm: %s: %v\n", name, err)
		return 1
	}
	fmt.Fprint(stdout, out)
	return 0
}

// disasmFile loads and validates a module file and returns the listing of
// function fn (every defined function when fn is "").
func disasmFile(name, fn string) (string, error) {
	m, info, err := loadValid(name)
	if err != nil {
		return "", err
	}
	if fn == "" {
		return jit.DisassembleAll(m, info)
	}
	idx, err := resolveFunc(m, fn)
	if err != nil {
		return "", err
	}
	return jit.DisassembleFunc(m, info, idx)
}

// loadValid reads, decodes or parses, and validates one module file.
func loadValid(name string) (*wasm.Module, *validate.Info, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	var m *wasm.Module
	if isBinary(name, data) {
		m, err = binary.Decode(data)
		var be *binary.Error
		if errors.As(err, &be) {
			return nil, nil, fmt.Errorf("malformed module at offset %#x: %s", be.Offset, be.Reason)
		}
	} else {
		m, err = text.ParseModule(data)
	}
	if err != nil {
		return nil, nil, err
	}
	info, err := validate.Module(m)
	if err != nil {
		return nil, nil, err
	}
	if info.Features != 0 {
		return nil, nil, fmt.Errorf("wasmrun: %s is not supported by the jit engine yet", info.Features.First())
	}
	return m, info, nil
}

// resolveFunc finds function fn of m: an exported function's name, then
// a name-section name (a leading "$" is optional), then a decimal index.
func resolveFunc(m *wasm.Module, fn string) (uint32, error) {
	for _, e := range m.Exports {
		if e.Kind == wasm.ExternFunc && e.Name == fn {
			return e.Index, nil
		}
	}
	if m.Names != nil {
		bare := strings.TrimPrefix(fn, "$")
		best, found := uint32(0), false
		for idx, n := range m.Names.Funcs {
			if n == bare && (!found || idx < best) {
				best, found = idx, true
			}
		}
		if found {
			return best, nil
		}
	}
	if idx, err := strconv.ParseUint(fn, 10, 32); err == nil {
		if idx >= uint64(m.NumFuncs()) {
			return 0, fmt.Errorf("function index %d out of range (module has %d functions)", idx, m.NumFuncs())
		}
		return uint32(idx), nil
	}
	return 0, fmt.Errorf("no function %q (not an exported function, a name in the name section, or an index)", fn)
}
