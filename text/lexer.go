package text

import (
	"fmt"
	"sort"
)

// Error is a text-format error at a position of the source.
type Error struct {
	Line, Col int // 1-based; Col counts bytes
	Reason    string
}

// Error returns "line:col: reason".
func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Reason) }

type tokKind uint8

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tAtom   // keyword, number or other reserved-free idchar run
	tString // "..."
	tID     // $name
)

type token struct {
	kind     tokKind
	pos, end int32
	match    int32 // for tLParen: index of the matching tRParen
}

// position turns a byte offset into a 1-based line and column.
type position struct {
	lines []int // offsets of line starts
}

func newPosition(src []byte) *position {
	p := &position{lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	return p
}

func (p *position) at(off int) (line, col int) {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - p.lines[i] + 1
}

func isIDChar(c byte) bool {
	switch {
	case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '/', ':', '<', '=', '>', '?', '@', '\\', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

type lexError struct {
	off    int
	reason string
}

// lex splits src into tokens, skipping white space and comments, and pairs
// parentheses. The final token is tEOF.
func lex(src []byte) ([]token, *lexError) {
	toks := make([]token, 0, len(src)/3+1)
	var stack []int32
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == ';':
			if i+1 < n && src[i+1] == ';' {
				for i < n && src[i] != '\n' && src[i] != '\r' { // a line comment ends at LF or CR
					i++
				}
				continue
			}
			return nil, &lexError{i, "unexpected character ';'"}
		case c == '(' && i+1 < n && src[i+1] == ';':
			start := i
			depth := 0
			for {
				if i+1 >= n {
					return nil, &lexError{start, "unclosed comment"}
				}
				if src[i] == '(' && src[i+1] == ';' {
					depth++
					i += 2
				} else if src[i] == ';' && src[i+1] == ')' {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
		case c == '(':
			stack = append(stack, int32(len(toks)))
			toks = append(toks, token{kind: tLParen, pos: int32(i), end: int32(i + 1)})
			i++
		case c == ')':
			// An unmatched ")" is left for the parser to report, so that
			// earlier errors are reported first.
			if len(stack) > 0 {
				toks[stack[len(stack)-1]].match = int32(len(toks))
				stack = stack[:len(stack)-1]
			}
			toks = append(toks, token{kind: tRParen, pos: int32(i), end: int32(i + 1)})
			i++
		default:
			// A token runs to white space, a parenthesis, a comment or the
			// end; strings inside it may contain anything.
			start := i
			strs, other := 0, 0
			for i < n {
				c := src[i]
				if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == ';' {
					break
				}
				if c == '"' {
					strs++
					i++
					for i < n && src[i] != '"' {
						if src[i] == '\\' && i+1 < n {
							i++
						}
						if src[i] == '\n' {
							return nil, &lexError{start, "unclosed string"}
						}
						i++
					}
					if i >= n {
						return nil, &lexError{start, "unclosed string"}
					}
					i++
					continue
				}
				if !isIDChar(c) {
					return nil, &lexError{i, fmt.Sprintf("unexpected character %q", c)}
				}
				other++
				i++
			}
			k := tAtom
			switch {
			case strs == 1 && other == 0:
				k = tString
			case strs > 0:
				return nil, &lexError{start, "unknown operator " + string(src[start:i])}
			case src[start] == '$':
				if i-start == 1 {
					return nil, &lexError{start, "unexpected token $"}
				}
				k = tID
			}
			toks = append(toks, token{kind: k, pos: int32(start), end: int32(i)})
		}
	}
	toks = append(toks, token{kind: tEOF, pos: int32(n), end: int32(n)})
	if len(stack) > 0 {
		return nil, &lexError{n, "unexpected end of input (unclosed parenthesis)"}
	}
	return toks, nil
}
