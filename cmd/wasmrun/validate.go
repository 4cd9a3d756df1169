package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// validateCmd implements "wasmrun validate FILE...".
func validateCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wasmrun validate FILE...")
		fmt.Fprintln(stderr, "Decodes (.wasm, or any file starting with the binary magic) or parses (text) each module and validates it.")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	for _, name := range fs.Args() {
		if err := validateFile(name); err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", name, err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: ok\n", name)
	}
	return status
}

// validateFile reads, decodes or parses, and validates one module file.
func validateFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var m *wasm.Module
	if isBinary(name, data) {
		m, err = binary.Decode(data)
		var be *binary.Error
		if errors.As(err, &be) {
			return fmt.Errorf("malformed module at offset %#x: %s", be.Offset, be.Reason)
		}
	} else {
		m, err = text.ParseModule(data)
	}
	if err != nil {
		return err
	}
	_, err = validate.Module(m)
	return err
}

// isBinary decides whether a file holds the binary format: by its .wasm
// extension or its magic number.
func isBinary(name string, data []byte) bool {
	return strings.HasSuffix(name, ".wasm") || len(data) >= 4 && string(data[:4]) == "\x00asm"
}
