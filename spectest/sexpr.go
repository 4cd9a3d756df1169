package spectest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// nodeKind says what a node of a script's S-expression tree is.
type nodeKind byte

const (
	nodeAtom   nodeKind = iota // keyword, number, $id, ...
	nodeString                 // "..." (decoded into str)
	nodeList                   // ( ... )
)

// node is one S-expression of a script. Start and end delimit its exact
// source text (end exclusive); line is the 1-based line where it starts.
type node struct {
	kind  nodeKind
	atom  string // nodeAtom: the token text; nodeString: the literal, quotes included
	str   []byte // nodeString: the decoded bytes
	list  []*node
	start int
	end   int
	line  int
}

// head returns the keyword a list starts with, or "".
func (n *node) head() string {
	if n.kind != nodeList || len(n.list) == 0 || n.list[0].kind != nodeAtom {
		return ""
	}
	return n.list[0].atom
}

// SyntaxError is an error in the S-expression structure of a script, or
// in the form of one of its commands.
type SyntaxError struct {
	File   string
	Line   int
	Offset int // byte offset in the script
	Reason string
}

// Error formats the error as "file:line: reason".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
}

// lexer splits a script into S-expressions. It tracks lines and never
// recurses, so deep nesting cannot exhaust the Go stack.
type lexer struct {
	file string
	src  []byte
	pos  int
	line int
}

func (l *lexer) errorf(off, line int, format string, args ...any) error {
	return &SyntaxError{File: l.file, Line: line, Offset: off, Reason: fmt.Sprintf(format, args...)}
}

// skipSpace skips white space and comments. It fails on an unterminated
// block comment.
func (l *lexer) skipSpace() error {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n':
			l.line++
			l.pos++
		case c == ' ' || c == '\t' || c == '\r':
			l.pos++
		case c == ';' && l.pos+1 < len(l.src) && l.src[l.pos+1] == ';':
			// A line comment ends at a line feed or a carriage return.
			for l.pos < len(l.src) && l.src[l.pos] != '\n' && l.src[l.pos] != '\r' {
				l.pos++
			}
		case c == '(' && l.pos+1 < len(l.src) && l.src[l.pos+1] == ';':
			if err := l.blockComment(); err != nil {
				return err
			}
		case c == '(' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '@':
			if err := l.annotation(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

// annotation skips an annotation "(@..." (3.0): balanced parentheses
// around any characters, strings and comments. The text parser checks
// its characters when it parses the module around it.
func (l *lexer) annotation() error {
	start, startLine := l.pos, l.line
	depth := 0
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '"':
			if _, err := l.stringLit(); err != nil {
				return err
			}
		case c == ';' && l.pos+1 < len(l.src) && l.src[l.pos+1] == ';':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' && l.src[l.pos] != '\r' {
				l.pos++
			}
		case c == '(' && l.pos+1 < len(l.src) && l.src[l.pos+1] == ';':
			if err := l.blockComment(); err != nil {
				return err
			}
		case c == '(':
			depth++
			l.pos++
		case c == ')':
			depth--
			l.pos++
			if depth == 0 {
				return nil
			}
		default:
			if c == '\n' {
				l.line++
			}
			l.pos++
		}
	}
	return l.errorf(start, startLine, "unclosed annotation")
}

// blockComment skips a (possibly nested) block comment starting at pos.
func (l *lexer) blockComment() error {
	start, startLine := l.pos, l.line
	depth := 0
	for l.pos < len(l.src) {
		switch {
		case l.src[l.pos] == '(' && l.pos+1 < len(l.src) && l.src[l.pos+1] == ';':
			depth++
			l.pos += 2
		case l.src[l.pos] == ';' && l.pos+1 < len(l.src) && l.src[l.pos+1] == ')':
			depth--
			l.pos += 2
			if depth == 0 {
				return nil
			}
		default:
			if l.src[l.pos] == '\n' {
				l.line++
			}
			l.pos++
		}
	}
	return l.errorf(start, startLine, "unterminated block comment")
}

// isAtomChar reports whether c can be part of an atom.
func isAtomChar(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '(', ')', '"', ';':
		return false
	}
	return c > ' ' && c < 0x7f
}

// next reads one S-expression; it returns nil at the end of input.
func (l *lexer) next() (*node, error) {
	if err := l.skipSpace(); err != nil {
		return nil, err
	}
	if l.pos >= len(l.src) {
		return nil, nil
	}
	var stack []*node // open lists
	for {
		if err := l.skipSpace(); err != nil {
			return nil, err
		}
		if l.pos >= len(l.src) {
			open := stack[0]
			return nil, l.errorf(open.start, open.line, "unclosed parenthesis")
		}
		c := l.src[l.pos]
		var done *node
		switch {
		case c == '(':
			stack = append(stack, &node{kind: nodeList, start: l.pos, line: l.line})
			l.pos++
			continue
		case c == ')':
			if len(stack) == 0 {
				return nil, l.errorf(l.pos, l.line, "unexpected )")
			}
			l.pos++
			done = stack[len(stack)-1]
			done.end = l.pos
			stack = stack[:len(stack)-1]
		case c == '"':
			n, err := l.stringLit()
			if err != nil {
				return nil, err
			}
			done = n
		case isAtomChar(c):
			start := l.pos
			for l.pos < len(l.src) && isAtomChar(l.src[l.pos]) {
				l.pos++
			}
			done = &node{kind: nodeAtom, atom: string(l.src[start:l.pos]), start: start, end: l.pos, line: l.line}
		default:
			return nil, l.errorf(l.pos, l.line, "unexpected character %q", c)
		}
		if len(stack) == 0 {
			return done, nil
		}
		top := stack[len(stack)-1]
		top.list = append(top.list, done)
	}
}

// stringLit reads a string literal at pos and decodes its escapes.
func (l *lexer) stringLit() (*node, error) {
	start, line := l.pos, l.line
	l.pos++ // opening quote
	var out []byte
	for {
		if l.pos >= len(l.src) {
			return nil, l.errorf(start, line, "unterminated string")
		}
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			return &node{kind: nodeString, atom: string(l.src[start:l.pos]), str: out, start: start, end: l.pos, line: line}, nil
		case c == '\n':
			return nil, l.errorf(start, line, "newline in string")
		case c < 0x20 || c == 0x7f:
			return nil, l.errorf(l.pos, line, "control character in string")
		case c == '\\':
			b, n, err := unescape(l.src[l.pos:])
			if err != nil {
				return nil, l.errorf(l.pos, line, "%v", err)
			}
			out = append(out, b...)
			l.pos += n
		default:
			out = append(out, c)
			l.pos++
		}
	}
}

// unescape decodes the escape sequence at the start of s (which begins
// with a backslash), returning its bytes and length.
func unescape(s []byte) ([]byte, int, error) {
	if len(s) < 2 {
		return nil, 0, fmt.Errorf("unterminated escape")
	}
	switch s[1] {
	case 't':
		return []byte{'\t'}, 2, nil
	case 'n':
		return []byte{'\n'}, 2, nil
	case 'r':
		return []byte{'\r'}, 2, nil
	case '"', '\'', '\\':
		return []byte{s[1]}, 2, nil
	case 'u':
		if len(s) < 3 || s[2] != '{' {
			return nil, 0, fmt.Errorf("malformed unicode escape")
		}
		i := 3
		var r uint64
		digits := 0
		for i < len(s) && s[i] != '}' {
			d, ok := hexDigit(s[i])
			if !ok {
				if s[i] == '_' && digits > 0 && i+1 < len(s) && s[i+1] != '}' {
					i++
					continue
				}
				return nil, 0, fmt.Errorf("malformed unicode escape")
			}
			r = r*16 + uint64(d)
			if r > 0x10FFFF {
				return nil, 0, fmt.Errorf("unicode escape out of range")
			}
			digits++
			i++
		}
		if i >= len(s) || digits == 0 {
			return nil, 0, fmt.Errorf("malformed unicode escape")
		}
		if r >= 0xD800 && r < 0xE000 {
			return nil, 0, fmt.Errorf("unicode escape is a surrogate")
		}
		return utf8.AppendRune(nil, rune(r)), i + 1, nil
	}
	hi, ok1 := hexDigit(s[1])
	if !ok1 || len(s) < 3 {
		return nil, 0, fmt.Errorf("unknown escape \\%c", s[1])
	}
	lo, ok2 := hexDigit(s[2])
	if !ok2 {
		return nil, 0, fmt.Errorf("malformed hex escape")
	}
	return []byte{hi<<4 | lo}, 3, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// describe renders a node briefly, for error messages.
func describe(n *node) string {
	switch n.kind {
	case nodeAtom:
		return n.atom
	case nodeString:
		return n.atom
	}
	if h := n.head(); h != "" {
		return "(" + h + " ...)"
	}
	return "(...)"
}

// quoteName renders an export or module name for messages.
func quoteName(s string) string {
	if strings.ContainsAny(s, "\"\\") || !utf8.ValidString(s) {
		return fmt.Sprintf("%q", s)
	}
	return `"` + s + `"`
}
