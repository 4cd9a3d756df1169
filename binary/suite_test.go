package binary

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// suiteDir returns the spec test suite directory: $WASMRUN_TESTSUITE, or
// ../shared/testsuite relative to the repository root. It skips the test
// when the suite is missing (fails under CI=true).
func suiteDir(t testing.TB) string {
	dir := os.Getenv("WASMRUN_TESTSUITE")
	if dir == "" {
		_, file, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(file), "..", "..", "shared", "testsuite")
	}
	if _, err := os.Stat(filepath.Join(dir, "core")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("spec test suite not found at %s (set WASMRUN_TESTSUITE)", dir)
		}
		t.Skipf("SKIPPING: spec test suite not found at %s (set WASMRUN_TESTSUITE)", dir)
	}
	return dir
}

// sexpr is a node of a .wast script: an atom, a string or a list.
type sexpr struct {
	atom   string
	str    []byte
	isStr  bool
	list   []*sexpr
	isList bool
	line   int
}

// parseScript reads the s-expressions of a .wast file. It understands
// exactly what the binary tests need: lists, atoms, strings with escapes,
// and both kinds of comments.
func parseScript(src string) ([]*sexpr, error) {
	p := &scriptParser{src: src, line: 1}
	var out []*sexpr
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return out, nil
		}
		e, err := p.parse()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
}

type scriptParser struct {
	src  string
	pos  int
	line int
}

func (p *scriptParser) skipSpace() {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\n':
			p.line++
			p.pos++
		case c == ' ' || c == '\t' || c == '\r':
			p.pos++
		case strings.HasPrefix(p.src[p.pos:], ";;"):
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		case strings.HasPrefix(p.src[p.pos:], "(;"):
			depth := 0
			for p.pos < len(p.src) {
				if strings.HasPrefix(p.src[p.pos:], "(;") {
					depth++
					p.pos += 2
				} else if strings.HasPrefix(p.src[p.pos:], ";)") {
					depth--
					p.pos += 2
					if depth == 0 {
						break
					}
				} else {
					if p.src[p.pos] == '\n' {
						p.line++
					}
					p.pos++
				}
			}
		default:
			return
		}
	}
}

func (p *scriptParser) parse() (*sexpr, error) {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, errors.New("unexpected end of script")
	}
	e := &sexpr{line: p.line}
	switch c := p.src[p.pos]; c {
	case '(':
		p.pos++
		e.isList = true
		for {
			p.skipSpace()
			if p.pos >= len(p.src) {
				return nil, errors.New("unclosed list")
			}
			if p.src[p.pos] == ')' {
				p.pos++
				return e, nil
			}
			x, err := p.parse()
			if err != nil {
				return nil, err
			}
			e.list = append(e.list, x)
		}
	case '"':
		p.pos++
		e.isStr = true
		for {
			if p.pos >= len(p.src) {
				return nil, errors.New("unclosed string")
			}
			c := p.src[p.pos]
			p.pos++
			if c == '"' {
				return e, nil
			}
			if c != '\\' {
				e.str = append(e.str, c)
				continue
			}
			c = p.src[p.pos]
			p.pos++
			switch c {
			case 'n':
				e.str = append(e.str, '\n')
			case 't':
				e.str = append(e.str, '\t')
			case 'r':
				e.str = append(e.str, '\r')
			case '"', '\'', '\\':
				e.str = append(e.str, c)
			case 'u':
				end := strings.IndexByte(p.src[p.pos:], '}')
				v, err := strconv.ParseUint(p.src[p.pos+1:p.pos+end], 16, 32)
				if err != nil {
					return nil, err
				}
				e.str = append(e.str, string(rune(v))...)
				p.pos += end + 1
			default:
				v, err := strconv.ParseUint(p.src[p.pos-1:p.pos+1], 16, 8)
				if err != nil {
					return nil, err
				}
				e.str = append(e.str, byte(v))
				p.pos++
			}
		}
	default:
		start := p.pos
		for p.pos < len(p.src) && !strings.ContainsRune(" \t\r\n()\";", rune(p.src[p.pos])) {
			p.pos++
		}
		e.atom = p.src[start:p.pos]
		if e.atom == "" {
			return nil, errors.New("bad token at line " + strconv.Itoa(p.line))
		}
		return e, nil
	}
}

// binaryModule returns the bytes of a (module [$id] binary "..."...) form.
func binaryModule(e *sexpr) ([]byte, bool) {
	if !e.isList || len(e.list) < 2 || e.list[0].atom != "module" {
		return nil, false
	}
	i := 1
	if strings.HasPrefix(e.list[i].atom, "$") {
		i++
	}
	if i >= len(e.list) || e.list[i].atom != "binary" {
		return nil, false
	}
	var b []byte
	for _, s := range e.list[i+1:] {
		b = append(b, s.str...)
	}
	if b == nil {
		b = []byte{}
	}
	return b, true
}

// suiteCase is one binary module of the suite: either malformed with an
// expected message, or well-formed.
type suiteCase struct {
	file string
	line int
	data []byte
	want string // "" when the module must decode
}

func suiteCases(t testing.TB) []suiteCase {
	dir := suiteDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "core", "*.wast"))
	simd, _ := filepath.Glob(filepath.Join(dir, "core", "simd", "*.wast"))
	files = append(files, simd...)
	var cases []suiteCase
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cmds, err := parseScript(string(src))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := filepath.Base(f)
		for _, c := range cmds {
			if b, ok := binaryModule(c); ok {
				cases = append(cases, suiteCase{file: name, line: c.line, data: b})
				continue
			}
			if !c.isList || len(c.list) < 2 {
				continue
			}
			switch c.list[0].atom {
			case "assert_malformed":
				if b, ok := binaryModule(c.list[1]); ok && len(c.list) > 2 {
					cases = append(cases, suiteCase{file: name, line: c.line, data: b, want: string(c.list[2].str)})
				}
			case "assert_invalid", "assert_unlinkable", "assert_uninstantiable", "assert_trap":
				if b, ok := binaryModule(c.list[1]); ok {
					cases = append(cases, suiteCase{file: name, line: c.line, data: b})
				}
			}
		}
	}
	return cases
}

// TestSuiteBinaryModules decodes every binary module of the spec suite:
// those under assert_malformed must fail with the expected message (as a
// substring of the reason), all others must decode.
func TestSuiteBinaryModules(t *testing.T) {
	cases := suiteCases(t)
	var malformed, matched, ok int
	perMsg := map[string][2]int{} // expected message -> {total, matched}
	for _, c := range cases {
		m, err := Decode(c.data)
		if c.want == "" {
			if err != nil {
				t.Errorf("%s:%d: want success, got %v", c.file, c.line, err)
				continue
			}
			ok++
			// Well-formed modules survive an encode/decode round trip.
			if _, err := Decode(Encode(m)); err != nil {
				t.Errorf("%s:%d: re-decode: %v", c.file, c.line, err)
			}
			continue
		}
		malformed++
		tally := perMsg[c.want]
		tally[0]++
		perMsg[c.want] = tally
		var be *Error
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
}
