package realworld

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// YoWASP packages ship the data files of their tools (Yosys's techlibs, for
// one) inside a JavaScript module, gen/resources-NAME.js, as
//
//	export const filesystem = { share: { "dir": { "file.v": "text", ... }, ... }, };
//
// or, for big files, "file.bin": new URL("./share/dir/file.bin", import.meta.url).
// Only the "filesystem" object is read: its keys are identifiers or string
// literals and its values string literals, such URLs or nested objects. This
// is a parser for exactly that subset of JavaScript object literals.

// jsFS is a directory read from such an object: a value is a string (a
// file's content), a jsURL or a jsFS (a subdirectory).
type jsFS map[string]any

// jsURL is a file shipped beside the resources module, by its path
// relative to the module.
type jsURL string

// parseResourcesJS returns the "filesystem" object of a YoWASP resources
// module.
func parseResourcesJS(src string) (jsFS, error) {
	const marker = "export const filesystem ="
	i := strings.Index(src, marker)
	if i < 0 {
		return nil, fmt.Errorf("no %q in resources module", marker)
	}
	p := &jsParser{src: src, pos: i + len(marker)}
	fs, err := p.object()
	if err != nil {
		return nil, fmt.Errorf("resources module, offset %d: %v", p.pos, err)
	}
	return fs, nil
}

type jsParser struct {
	src string
	pos int
}

func (p *jsParser) skipSpace() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *jsParser) object() (jsFS, error) {
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != '{' {
		return nil, fmt.Errorf("expected '{'")
	}
	p.pos++
	fs := jsFS{}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, fmt.Errorf("unterminated object")
		}
		if p.src[p.pos] == '}' {
			p.pos++
			return fs, nil
		}
		var key string
		if c := p.src[p.pos]; c == '"' || c == '\'' {
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			key = k
		} else {
			start := p.pos
			for p.pos < len(p.src) && (isIdent(p.src[p.pos])) {
				p.pos++
			}
			if start == p.pos {
				return nil, fmt.Errorf("expected a key, found %q", p.src[p.pos])
			}
			key = p.src[start:p.pos]
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, fmt.Errorf("expected ':' after key %q", key)
		}
		p.pos++
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, fmt.Errorf("unterminated object")
		}
		switch p.src[p.pos] {
		case '{':
			sub, err := p.object()
			if err != nil {
				return nil, err
			}
			fs[key] = sub
		case '"', '\'':
			s, err := p.str()
			if err != nil {
				return nil, err
			}
			fs[key] = s
		default:
			const pre, post = "new URL(", ", import.meta.url)"
			if !strings.HasPrefix(p.src[p.pos:], pre) {
				return nil, fmt.Errorf("unsupported value for key %q", key)
			}
			p.pos += len(pre)
			if p.pos >= len(p.src) || p.src[p.pos] != '"' && p.src[p.pos] != '\'' {
				return nil, fmt.Errorf("unsupported URL for key %q", key)
			}
			u, err := p.str()
			if err != nil {
				return nil, err
			}
			if !strings.HasPrefix(p.src[p.pos:], post) {
				return nil, fmt.Errorf("unsupported URL for key %q", key)
			}
			p.pos += len(post)
			fs[key] = jsURL(u)
		}
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
		}
	}
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// str decodes a JavaScript string literal. The escapes \uXXXX of UTF-16
// surrogate pairs are combined; a lone surrogate becomes U+FFFD.
func (p *jsParser) str() (string, error) {
	quote := p.src[p.pos]
	p.pos++
	var b strings.Builder
	for {
		if p.pos >= len(p.src) {
			return "", fmt.Errorf("unterminated string")
		}
		c := p.src[p.pos]
		p.pos++
		switch {
		case c == quote:
			return b.String(), nil
		case c == '\n':
			return "", fmt.Errorf("newline in string")
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		if p.pos >= len(p.src) {
			return "", fmt.Errorf("unterminated escape")
		}
		e := p.src[p.pos]
		p.pos++
		switch e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\n':
			// a line continuation
		case 'x':
			v, err := p.hex(2)
			if err != nil {
				return "", err
			}
			b.WriteRune(rune(v))
		case 'u':
			v, err := p.hex(4)
			if err != nil {
				return "", err
			}
			r := rune(v)
			if r >= 0xD800 && r < 0xDC00 && strings.HasPrefix(p.src[p.pos:], "\\u") {
				save := p.pos
				p.pos += 2
				lo, err := p.hex(4)
				if err == nil && lo >= 0xDC00 && lo < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + rune(lo-0xDC00)
				} else {
					p.pos = save
				}
			}
			if r >= 0xD800 && r < 0xE000 {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		default:
			b.WriteByte(e)
		}
	}
}

func (p *jsParser) hex(n int) (uint64, error) {
	if p.pos+n > len(p.src) {
		return 0, fmt.Errorf("short hex escape")
	}
	v, err := strconv.ParseUint(p.src[p.pos:p.pos+n], 16, 32)
	if err != nil {
		return 0, fmt.Errorf("bad hex escape %q", p.src[p.pos:p.pos+n])
	}
	p.pos += n
	return v, nil
}

// writeJSFS writes fs under dir, refusing names that would leave it; the
// files of jsURL values are copied from base, the module's directory.
func writeJSFS(fs jsFS, dir, base string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, v := range fs {
		if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\\") {
			return fmt.Errorf("bad file name %q", name)
		}
		path := filepath.Join(dir, name)
		switch v := v.(type) {
		case string:
			if err := os.WriteFile(path, []byte(v), 0o644); err != nil {
				return err
			}
		case jsURL:
			rel := filepath.Clean(filepath.FromSlash(string(v)))
			if filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return fmt.Errorf("%s: URL %q leaves the package", name, v)
			}
			b, err := os.ReadFile(filepath.Join(base, rel))
			if err != nil {
				return err
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				return err
			}
		case jsFS:
			if err := writeJSFS(v, path, base); err != nil {
				return err
			}
		}
	}
	return nil
}

func TestParseResourcesJS(t *testing.T) {
	src := `export const modules = { "a.wasm": new URL("./a.wasm", import.meta.url), };
export const filesystem = {
    share: {
        "dir": {
            "x.v": "line1\n\t\"q\" \\ \x41\u00e9\ud83d\ude00 \$_DFF_",
        },
        'y.txt': 'it\'s',
        "big.bin": new URL("./share/big.bin", import.meta.url),
    },
};
`
	fs, err := parseResourcesJS(src)
	if err != nil {
		t.Fatal(err)
	}
	share := fs["share"].(jsFS)
	if got, want := share["dir"].(jsFS)["x.v"], "line1\n\t\"q\" \\ A\u00e9\U0001F600 $_DFF_"; got != want {
		t.Errorf("x.v = %q, want %q", got, want)
	}
	if got := share["y.txt"]; got != "it's" {
		t.Errorf("y.txt = %q", got)
	}
	if got := share["big.bin"]; got != jsURL("./share/big.bin") {
		t.Errorf("big.bin = %#v", got)
	}
	if _, err := parseResourcesJS(`export const filesystem = { a: "x`); err == nil {
		t.Error("unterminated string accepted")
	}
}
