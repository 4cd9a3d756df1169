package text_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/text"
)

// suiteModule is a command of a spec script that holds a module.
type suiteModule struct {
	file string // the script's base name
	cmd  spectest.Command
}

// suiteModules reads every script of the spec suite with
// spectest.ParseScript and returns its commands that hold a module: module
// definitions and the assertions about modules, in script order. A script
// or command that does not parse fails the test.
func suiteModules(tb testing.TB) []suiteModule {
	tb.Helper()
	var out []suiteModule
	for _, file := range testsuite.Files(tb) {
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		name := filepath.Base(file)
		s, err := spectest.ParseScript(name, data)
		if err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
		for _, c := range s.Commands {
			if c.Kind == spectest.CmdInvalid {
				tb.Fatalf("%s:%d: command does not parse: %v", name, c.Line, c.Err)
			}
			if c.Module != nil {
				out = append(out, suiteModule{name, c})
			}
		}
	}
	return out
}

// TestSuiteModules parses every module of the spec scripts: top-level
// modules and those inside assert_invalid, assert_unlinkable, ... must
// parse (module binary through binary.Decode); those of assert_malformed
// given as text (module quote) must be rejected with the message the
// script gives.
func TestSuiteModules(t *testing.T) {
	var ok, malformed, skipped, binaries int
	for _, sm := range suiteModules(t) {
		c, def := sm.cmd, sm.cmd.Module
		if c.Kind != spectest.CmdAssertMalformed {
			if def.Form == spectest.FormBinary {
				binaries++
			}
			if _, _, err := text.ParseModuleFeatures(def.Src, 0); err != nil {
				t.Errorf("%s:%d: %s: %v", sm.file, c.Line, c.Kind, err)
				continue
			}
			ok++
			continue
		}
		if def.Form == spectest.FormBinary {
			skipped++ // binary's own suite test checks these
			continue
		}
		if c.Message == "" {
			t.Errorf("%s:%d: assert_malformed without a message", sm.file, c.Line)
			continue
		}
		_, _, err := text.ParseModuleFeatures(def.Src, 0)
		if err == nil {
			t.Errorf("%s:%d: malformed module accepted: %.200s", sm.file, c.Line, def.Src)
			continue
		}
		if !strings.Contains(err.Error(), c.Message) {
			t.Errorf("%s:%d: error %q, want it to contain %q", sm.file, c.Line, err, c.Message)
			continue
		}
		malformed++
	}
	t.Logf("%d modules parsed (%d of them module binary), %d malformed modules rejected, %d malformed binary modules skipped", ok, binaries, malformed, skipped)
	if ok == 0 || malformed == 0 || binaries == 0 {
		t.Errorf("the suite has text, binary and malformed modules; found %d, %d and %d", ok-binaries, binaries, malformed)
	}
}
