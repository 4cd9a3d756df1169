package main

import (
	"flag"
	"fmt"
	"math"

	"github.com/wasmrun/wasmrun/binary"
)

// limitFlags are the flags that set implementation limits.
type limitFlags struct {
	table      uint64
	callDepth  int
	moduleSize string
	functions  int
	locals     int
}

func (l *limitFlags) register(fs *flag.FlagSet) {
	fs.Uint64Var(&l.table, "max-table", 0, "")
	fs.IntVar(&l.callDepth, "max-call-depth", 0, "")
	fs.StringVar(&l.moduleSize, "max-module-size", "", "")
	fs.IntVar(&l.functions, "max-functions", 0, "")
	fs.IntVar(&l.locals, "max-locals", 0, "")
}

// decodeLimits returns the decoder's limits from the flags (zero fields
// keep their defaults).
func (l *limitFlags) decodeLimits() (binary.Limits, error) {
	var lim binary.Limits
	if l.moduleSize != "" {
		n, err := parseSize(l.moduleSize)
		if err != nil || n > math.MaxInt {
			return lim, fmt.Errorf("--max-module-size %q: want a size such as 64MiB or 1GiB", l.moduleSize)
		}
		lim.ModuleBytes = int(n)
	}
	if l.functions < 0 || l.locals < 0 || l.callDepth < 0 {
		return lim, fmt.Errorf("--max-functions, --max-locals and --max-call-depth take positive counts")
	}
	lim.Functions, lim.FuncLocals = l.functions, l.locals
	return lim, nil
}
