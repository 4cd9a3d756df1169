package text

import (
	"fmt"
	"sort"
	"unicode/utf8"
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

// lex splits src into tokens, skipping white space, comments and
// annotations, and pairs parentheses. The final token is tEOF. names
// holds the name ("$" and the decoded string) of each string identifier
// $"...", by token position.
func lex(src []byte) (toks []token, names map[int32]string, lerr *lexError) {
	toks = make([]token, 0, len(src)/3+1)
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
			return nil, nil, &lexError{i, "unexpected character ';'"}
		case c == '(' && i+1 < n && src[i+1] == ';':
			start := i
			depth := 0
			for {
				if i+1 >= n {
					return nil, nil, &lexError{start, "unclosed comment"}
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
		case c == '(' && i+1 < n && src[i+1] == '@':
			// An annotation (3.0): skipped with its content.
			end, err := skipAnnotation(src, i)
			if err != nil {
				return nil, nil, err
			}
			i = end
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
							return nil, nil, &lexError{start, "unclosed string"}
						}
						i++
					}
					if i >= n {
						return nil, nil, &lexError{start, "unclosed string"}
					}
					i++
					continue
				}
				if !isIDChar(c) {
					return nil, nil, &lexError{i, fmt.Sprintf("unexpected character %q", c)}
				}
				other++
				i++
			}
			k := tAtom
			switch {
			case strs == 1 && other == 0:
				k = tString
			case strs == 1 && other == 1 && src[start] == '$' && src[start+1] == '"':
				// A string identifier $"..." (3.0).
				name, err := Unquote(string(src[start+1 : i]))
				if err != nil {
					return nil, nil, &lexError{start, err.Error()}
				}
				if len(name) == 0 {
					return nil, nil, &lexError{start, "empty identifier"}
				}
				if !utf8.Valid(name) {
					return nil, nil, &lexError{start, "malformed UTF-8 encoding"}
				}
				if names == nil {
					names = map[int32]string{}
				}
				names[int32(start)] = "$" + string(name)
				toks = append(toks, token{kind: tID, pos: int32(start), end: int32(i)})
				continue
			case strs > 0:
				return nil, nil, &lexError{start, "unknown operator " + string(src[start:i])}
			case src[start] == '$':
				if i-start == 1 {
					return nil, nil, &lexError{start, "unexpected token $"}
				}
				k = tID
			}
			toks = append(toks, token{kind: k, pos: int32(start), end: int32(i)})
		}
	}
	toks = append(toks, token{kind: tEOF, pos: int32(n), end: int32(n)})
	if len(stack) > 0 {
		return nil, nil, &lexError{n, "unexpected end of input (unclosed parenthesis)"}
	}
	return toks, names, nil
}

// skipAnnotation returns the position after the annotation "(@..." at i:
// balanced parentheses around any tokens, strings and comments. Control
// characters are illegal, and the text must be UTF-8.
func skipAnnotation(src []byte, i int) (int, *lexError) {
	start := i
	n := len(src)
	// The annotation id: an idchar run or a non-empty UTF-8 string.
	i += 2
	if i < n && src[i] == '"' {
		j := i + 1
		for j < n && src[j] != '"' {
			if src[j] == '\\' && j+1 < n {
				j++
			}
			j++
		}
		if j >= n {
			return 0, &lexError{start, "unclosed string"}
		}
		id, err := Unquote(string(src[i : j+1]))
		switch {
		case err != nil:
			return 0, &lexError{start, err.Error()}
		case len(id) == 0:
			return 0, &lexError{start, "empty annotation id"}
		case !utf8.Valid(id):
			return 0, &lexError{start, "malformed UTF-8 encoding"}
		}
		i = j + 1
	} else {
		j := i
		for j < n && isIDChar(src[j]) {
			j++
		}
		if j == i {
			return 0, &lexError{start, "empty annotation id"}
		}
		i = j
	}
	depth := 1
	for i < n {
		c := src[i]
		switch {
		case c == '"':
			i++
			for i < n && src[i] != '"' {
				if src[i] == '\\' && i+1 < n {
					i++
				}
				if src[i] == '\n' {
					return 0, &lexError{start, "unclosed string"}
				}
				i++
			}
			if i >= n {
				return 0, &lexError{start, "unclosed string"}
			}
			i++
		case c == ';' && i+1 < n && src[i+1] == ';':
			for i < n && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '(' && i+1 < n && src[i+1] == ';':
			d := 0
			for {
				if i+1 >= n {
					return 0, &lexError{i, "unclosed comment"}
				}
				if src[i] == '(' && src[i+1] == ';' {
					d++
					i += 2
				} else if src[i] == ';' && src[i+1] == ')' {
					d--
					i += 2
					if d == 0 {
						break
					}
				} else {
					i++
				}
			}
		case c == '(':
			depth++
			i++
		case c == ')':
			depth--
			i++
			if depth == 0 {
				return i, nil
			}
		case c < ' ' && c != '\t' && c != '\n' && c != '\r' || c == 0x7F:
			return 0, &lexError{i, "illegal character"}
		case c >= 0x80:
			// Only strings may hold characters beyond ASCII.
			if r, size := utf8.DecodeRune(src[i:]); r == utf8.RuneError && size <= 1 {
				return 0, &lexError{i, "malformed UTF-8 encoding"}
			}
			return 0, &lexError{i, "illegal character"}
		default:
			i++
		}
	}
	return 0, &lexError{start, "unexpected end of input (unclosed annotation)"}
}
