package binary

import (
	"fmt"

	"github.com/wasmrun/wasmrun/wasm"
)

// SkipImmediates reads past the immediates of op, whose opcode the reader
// has just read (ReadImm, its values discarded).
func (r *Reader) SkipImmediates(op wasm.Op) error {
	info, ok := op.Info()
	if !ok {
		return fmt.Errorf("unknown opcode %#x", uint16(op))
	}
	var im Imm
	return r.ReadImm(info.Imm, &im)
}
