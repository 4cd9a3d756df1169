package text

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// suiteDir returns the spec test-suite directory, skipping (or failing on
// CI) when it is missing.
func suiteDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("WASMRUN_TESTSUITE")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "testsuite")
	}
	if _, err := os.Stat(filepath.Join(dir, "core")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("spec test suite not found in %s (set WASMRUN_TESTSUITE)", dir)
		}
		t.Skipf("SKIPPING: spec test suite not found in %s (set WASMRUN_TESTSUITE)", dir)
	}
	return dir
}

func suiteFiles(t testing.TB) []string {
	dir := suiteDir(t)
	a, _ := filepath.Glob(filepath.Join(dir, "core", "*.wast"))
	b, _ := filepath.Glob(filepath.Join(dir, "core", "simd", "*.wast"))
	files := append(a, b...)
	if len(files) == 0 {
		t.Fatalf("no .wast files in %s", dir)
	}
	return files
}

// sexpr is a balanced parenthesised form found in a script.
type sexpr struct {
	src  string
	line int
}

// scanForms returns the balanced forms of src at nesting depth 0, skipping
// comments and strings. It is a scanner independent of the package's lexer.
func scanForms(src string) []sexpr {
	var out []sexpr
	depth, start, line, startLine := 0, 0, 1, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
		case c == ';' && i+1 < len(src) && src[i+1] == ';':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			line++
		case c == '(' && i+1 < len(src) && src[i+1] == ';':
			d := 0
			for ; i+1 < len(src); i++ {
				if src[i] == '(' && src[i+1] == ';' {
					d++
					i++
				} else if src[i] == ';' && src[i+1] == ')' {
					d--
					i++
					if d == 0 {
						break
					}
				} else if src[i] == '\n' {
					line++
				}
			}
		case c == '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case c == '(':
			if depth == 0 {
				start, startLine = i, line
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				out = append(out, sexpr{src[start : i+1], startLine})
			}
		}
	}
	return out
}

// head returns the first keyword of a form and the form's inner forms.
func head(s string) string {
	s = strings.TrimLeft(s[1:], " \t\r\n")
	end := strings.IndexAny(s, " \t\r\n()")
	if end < 0 {
		return s
	}
	return s[:end]
}

// expectedMessage finds the message that ends an assertion.
var expectedMessage = regexp.MustCompile(`"([^"]*)"\s*\)$`)

func isBinaryModule(s string) bool {
	f := strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s))
	// ( module $id? binary
	return len(f) > 2 && (f[2] == "binary" || (len(f) > 3 && strings.HasPrefix(f[2], "$") && f[3] == "binary"))
}

// TestSuiteModules parses every module of the spec scripts: top-level
// modules and those inside assert_invalid, assert_unlinkable, ... must
// parse (module binary through binary.Decode); those inside assert_malformed must be rejected with the message the
// script gives.
func TestSuiteModules(t *testing.T) {
	var ok, malformed, skipped, binaries int
	for _, file := range suiteFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		for _, f := range scanForms(string(data)) {
			switch head(f.src) {
			case "module":
				if isBinaryModule(f.src) {
					binaries++
				}
				if _, _, err := ParseModuleID([]byte(f.src)); err != nil {
					t.Errorf("%s:%d: %v", name, f.line, err)
					continue
				}
				ok++
			case "assert_invalid", "assert_unlinkable", "assert_uninstantiable", "assert_trap", "assert_exhaustion", "assert_return":
				inner := scanForms(f.src[1 : len(f.src)-1])
				if len(inner) == 0 || head(inner[0].src) != "module" {
					continue
				}
				if isBinaryModule(inner[0].src) {
					binaries++
				}
				if _, _, err := ParseModuleID([]byte(inner[0].src)); err != nil {
					t.Errorf("%s:%d: %s: %v", name, f.line, head(f.src), err)
					continue
				}
				ok++
			case "assert_malformed":
				inner := scanForms(f.src[1 : len(f.src)-1])
				if len(inner) == 0 || isBinaryModule(inner[0].src) {
					skipped++
					continue
				}
				_, _, err := ParseModuleID([]byte(inner[0].src))
				if err == nil {
					t.Errorf("%s:%d: malformed module accepted: %.200s", name, f.line, inner[0].src)
					continue
				}
				if m := expectedMessage.FindStringSubmatch(f.src); m != nil && !strings.Contains(err.Error(), m[1]) {
					t.Errorf("%s:%d: error %q, want it to contain %q", name, f.line, err, m[1])
					continue
				}
				malformed++
			}
		}
	}
	t.Logf("%d modules parsed (%d of them module binary), %d malformed modules rejected, %d malformed binary modules skipped", ok, binaries, malformed, skipped)
}
