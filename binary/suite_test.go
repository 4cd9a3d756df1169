package binary_test

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
)

// suiteCase is one binary module of the suite: either malformed with an
// expected message, or well-formed.
type suiteCase struct {
	file string
	line int
	data []byte
	want string // "" when the module must decode
}

// suiteCases returns every (module binary ...) of the spec suite's
// scripts, as read by spectest.ParseScript: those of assert_malformed with
// their expected message, all others (modules, assert_invalid,
// assert_unlinkable, assert_uninstantiable, assert_trap) as well-formed.
func suiteCases(tb testing.TB) []suiteCase {
	tb.Helper()
	var cases []suiteCase
	for _, f := range testsuite.Files(tb) {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		name := filepath.Base(f)
		s, err := spectest.ParseScript(name, src)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		for _, c := range s.Commands {
			if c.Kind == spectest.CmdInvalid {
				tb.Fatalf("%s:%d: command does not parse: %v", name, c.Line, c.Err)
			}
			if c.Module == nil || c.Module.Form != spectest.FormBinary {
				continue
			}
			sc := suiteCase{file: name, line: c.Line, data: c.Module.Bytes}
			if c.Kind == spectest.CmdAssertMalformed {
				if c.Message == "" {
					tb.Fatalf("%s:%d: assert_malformed without a message", name, c.Line)
				}
				sc.want = c.Message
			}
			cases = append(cases, sc)
		}
	}
	return cases
}

// TestSuiteBinaryModules decodes every binary module of the spec suite:
// those under assert_malformed must fail with the expected message (as a
// substring of the reason), all others must decode and survive an
// encode/decode round trip.
func TestSuiteBinaryModules(t *testing.T) {
	cases := suiteCases(t)
	var malformed, matched, ok int
	perMsg := map[string][2]int{} // expected message -> {total, matched}
	for _, c := range cases {
		m, err := binary.DecodeFeatures(c.data, 0) // core/ is WebAssembly 2.0
		if c.want == "" {
			if err != nil {
				t.Errorf("%s:%d: want success, got %v", c.file, c.line, err)
				continue
			}
			ok++
			// Well-formed modules survive an encode/decode round trip.
			if _, err := binary.DecodeFeatures(binary.Encode(m), 0); err != nil {
				t.Errorf("%s:%d: re-decode: %v", c.file, c.line, err)
			}
			continue
		}
		malformed++
		tally := perMsg[c.want]
		tally[0]++
		perMsg[c.want] = tally
		var be *binary.Error
		if err == nil {
			t.Errorf("%s:%d: want %q, decoded fine", c.file, c.line, c.want)
			continue
		}
		if !errors.As(err, &be) {
			t.Errorf("%s:%d: error %v is not *Error", c.file, c.line, err)
			continue
		}
		if !strings.Contains(be.Reason, c.want) {
			t.Errorf("%s:%d: want %q, got %q at %#x", c.file, c.line, c.want, be.Reason, be.Offset)
			continue
		}
		matched++
		tally[1]++
		perMsg[c.want] = tally
	}
	msgs := make([]string, 0, len(perMsg))
	for m := range perMsg {
		msgs = append(msgs, m)
	}
	sort.Strings(msgs)
	for _, m := range msgs {
		t.Logf("%-55q %4d/%d", m, perMsg[m][1], perMsg[m][0])
	}
	t.Logf("assert_malformed binary: %d/%d matched; well-formed binary modules decoded: %d", matched, malformed, ok)
	if malformed == 0 || ok == 0 {
		t.Errorf("found %d malformed and %d well-formed binary modules; the suite has both", malformed, ok)
	}
}
