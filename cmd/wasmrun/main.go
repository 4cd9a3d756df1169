// Command wasmrun runs WebAssembly programs (with WASI), validates
// modules, runs WebAssembly script files (.wast) and prints the JIT's
// machine code for a module's functions.
//
// Usage:
//
//	wasmrun [FLAGS] FILE [ARGS...]
//	wasmrun validate FILE...
//	wasmrun wast [--engine NAME] [--features 2.0|3.0|auto] [--timeout D] [-v] FILE...
//	wasmrun disasm [--func NAME|INDEX] FILE
//	wasmrun lockstep [--engines A,B] [--stores] [--dir HOST[::GUEST]] [--env K=V] FILE [ARGS...]
//	wasmrun --version
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wasmrun/wasmrun/spectest"
)

// version is the version printed by --version.
const version = "wasmrun 0.1.0-dev"

// usage is the help text of the command.
func usage(w io.Writer) {
	fmt.Fprintf(w, `usage: wasmrun [FLAGS] FILE [ARGS...]     run a WASI program (see "wasmrun --help")
       wasmrun COMMAND [ARGS]

Commands:
  validate FILE...                 decode (.wasm) or parse (.wat) and validate modules;
                                   print "FILE: ok" or the error with its offset
  wast [--engine NAME] [--features 2.0|3.0|auto] [--timeout D] [-v] FILE...
                                   run .wast spec scripts; print one line per failing
                                   command, then "N passed, M failed, K skipped";
                                   -v also lists skipped commands and unmatched
                                   assert_invalid/assert_malformed messages;
                                   --timeout bounds each call (default 30s);
                                   --features: the rules scripts are checked by
                                   (default auto: 2.0 for scripts in a folder named
                                   core, the spec suite's 2.0 scripts, else 3.0);
                                   engines: %s (default: jit where available, else
                                   interp; none = validation only)
  disasm [--func NAME|INDEX] FILE  print the JIT's machine code of every defined
                                   function, or of one (export name, name-section
                                   name or index), as an Intel-syntax listing
                                   (linux/amd64 only)
  lockstep [--engines A,B] [--stores] [--dir HOST[::GUEST]] [--env K=V] [--stdin FILE] FILE [ARGS...]
                                   run a WASI program on two engines at once (default
                                   interp,jit) and stop at the first call whose
                                   arguments or results differ (--stores: or the
                                   first store to memory); print the function, the
                                   call stack and both values; exit 1 on a difference
  help                             print this text

Flags:
  --version                        print the version and exit
`, strings.Join(spectest.EngineNames(), ", "))
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "--version", "-version", "version":
		fmt.Fprintln(stdout, version)
		return 0
	case "help":
		usage(stdout)
		return 0
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, runUsage)
		return 0
	case "validate":
		return validateCmd(args[1:], stdout, stderr)
	case "wast":
		return wastCmd(args[1:], stdout, stderr)
	case "disasm":
		return disasmCmd(args[1:], stdout, stderr)
	case "lockstep":
		return lockstepCmd(args[1:], stdout, stderr)
	}
	return runCmd(args, stdin, stdout, stderr)
}
