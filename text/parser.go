package text

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// maxDepth bounds the nesting of blocks and folded instructions, so that
// hostile input cannot exhaust the stack.
const maxDepth = 10000

// maxQuoteDepth bounds nested (module quote ...) forms.
const maxQuoteDepth = 16

// failure is the panic value the parser uses to unwind on the first error;
// ParseModuleID recovers it and turns it into an *Error.
type failure struct {
	off    int
	reason string
}

type parser struct {
	src   []byte
	toks  []token
	i     int
	depth int
	quote int // nesting of module quote
	// enabled is the set of 3.0 features whose syntax is accepted.
	enabled wasm.Features
	// names maps the position of each string identifier $"..." to its
	// name (3.0).
	names map[int32]string
}

func (p *parser) fail(off int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if w, ok := strings.CutPrefix(msg, "unknown operator "); ok && gcWord(w) {
		msg += " (" + GCUnsupported + ")"
	}
	panic(&failure{off, msg})
}

// GCUnsupported is added to the error about a keyword or instruction of
// WebAssembly 3.0's garbage collection, which wasmrun does not implement.
const GCUnsupported = "garbage collection is not supported"

// gcWord reports whether w is a keyword, type or instruction name of GC.
func gcWord(w string) bool {
	switch w {
	case "rec", "sub", "final", "struct", "array", "field", "any", "eq", "i31", "none",
		"anyref", "eqref", "i31ref", "structref", "arrayref", "nullref", "ref.test", "ref.cast",
		"ref.eq", "ref.i31", "br_on_cast", "br_on_cast_fail", "any.convert_extern", "extern.convert_any":
		return true
	}
	return strings.HasPrefix(w, "struct.") || strings.HasPrefix(w, "array.") || strings.HasPrefix(w, "i31.")
}

func (p *parser) peek() *token { return &p.toks[p.i] }

func (p *parser) peekN(n int) *token {
	if p.i+n < len(p.toks) {
		return &p.toks[p.i+n]
	}
	return &p.toks[len(p.toks)-1]
}

func (p *parser) next() *token {
	t := &p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) text(t *token) string {
	if p.names != nil && t.kind == tID {
		if s, ok := p.names[t.pos]; ok {
			return s
		}
	}
	return string(p.src[t.pos:t.end])
}

// is reports whether t is the atom kw.
func (p *parser) is(t *token, kw string) bool {
	return t.kind == tAtom && int(t.end-t.pos) == len(kw) && string(p.src[t.pos:t.end]) == kw
}

// atIs reports whether the next token is the atom kw.
func (p *parser) atIs(kw string) bool { return p.is(p.peek(), kw) }

// lparenKw reports whether the next tokens are "(" kw.
func (p *parser) lparenKw(kw string) bool {
	return p.peek().kind == tLParen && p.is(p.peekN(1), kw)
}

func (p *parser) unexpected(t *token) {
	switch t.kind {
	case tEOF:
		p.fail(int(t.pos), "unexpected end of input")
	case tAtom:
		if !isKeyword(p.text(t)) {
			p.fail(int(t.pos), "unknown operator %s", p.text(t))
		}
		p.fail(int(t.pos), "unexpected token %s", p.text(t))
	default:
		p.fail(int(t.pos), "unexpected token %s", p.text(t))
	}
}

func (p *parser) expectLParen() {
	if t := p.next(); t.kind != tLParen {
		p.unexpected(t)
	}
}

func (p *parser) expectRParen() {
	if t := p.next(); t.kind != tRParen {
		p.unexpected(t)
	}
}

func (p *parser) expectKw(kw string) {
	if t := p.next(); !p.is(t, kw) {
		p.unexpected(t)
	}
}

// optID consumes an identifier if one comes next.
func (p *parser) optID() (string, *token) {
	if t := p.peek(); t.kind == tID {
		p.i++
		return p.text(t), t
	}
	return "", nil
}

func (p *parser) str() []byte {
	t := p.next()
	if t.kind != tString {
		p.unexpected(t)
	}
	b, err := Unquote(p.text(t))
	if err != nil {
		p.fail(int(t.pos), "%v", err)
	}
	return b
}

func (p *parser) name() string {
	t := p.peek()
	b := p.str()
	if !utf8.Valid(b) {
		p.fail(int(t.pos), "malformed UTF-8 encoding")
	}
	return string(b)
}

// u64 reads an unsigned integer of at most 64 bits.
func (p *parser) u64() uint64 {
	t := p.next()
	if t.kind != tAtom {
		p.unexpected(t)
	}
	v, err := parseUint(p.text(t), 64)
	if err == errOutOfRange {
		p.fail(int(t.pos), "i64 constant out of range")
	}
	if err != nil {
		p.failLit(t, err)
	}
	return v
}

func (p *parser) u32() uint32 {
	t := p.next()
	if t.kind != tAtom {
		p.unexpected(t)
	}
	v, err := parseUint(p.text(t), 32)
	if err == errOutOfRange {
		p.fail(int(t.pos), "i32 constant out of range")
	}
	if err != nil {
		p.failLit(t, err)
	}
	return uint32(v)
}

// keywords are the reserved words of the text format (and of scripts) that
// are not instructions; where one is misplaced the error is "unexpected
// token" rather than "unknown operator".
var keywords = map[string]bool{
	"module": true, "type": true, "func": true, "param": true, "result": true, "local": true,
	"global": true, "table": true, "memory": true, "elem": true, "data": true, "import": true,
	"export": true, "start": true, "offset": true, "item": true, "declare": true, "then": true,
	"else": true, "end": true, "mut": true, "funcref": true, "externref": true, "extern": true,
	"exnref": true, "exn": true, "tag": true, "catch": true, "catch_ref": true, "catch_all": true, "catch_all_ref": true,
	"ref": true, "null": true, "nullfuncref": true, "nullexternref": true, "nullexnref": true,
	"nofunc": true, "noextern": true, "noexn": true,
	"i32": true, "i64": true, "f32": true, "f64": true, "v128": true, "binary": true, "quote": true,
	"i8x16": true, "i16x8": true, "i32x4": true, "i64x2": true, "f32x4": true, "f64x2": true,
	"nan:canonical": true, "nan:arithmetic": true,
	"register": true, "invoke": true, "get": true,
}

// isOperand reports whether an atom can be an operand (a lane literal)
// rather than the start of the next instruction or a keyword.
func isOperand(s string) bool {
	if keywords[s] {
		return false
	}
	_, isOp := wasm.OpByName(s)
	return !isOp
}

// isKeyword reports whether s is a keyword, an instruction name or a
// number-like token.
func isKeyword(s string) bool {
	if keywords[s] {
		return true
	}
	if _, ok := wasm.OpByName(s); ok {
		return true
	}
	if s != "" && (isDigit(s[0]) || s[0] == '+' || s[0] == '-') {
		return true
	}
	return strings.HasPrefix(s, "nan:") || strings.HasPrefix(s, "offset=") || strings.HasPrefix(s, "align=") || strings.HasPrefix(s, "assert_")
}

func (p *parser) failLit(t *token, err error) {
	if keywords[p.text(t)] {
		p.fail(int(t.pos), "unexpected token %s", p.text(t))
	}
	if err == errBadNumber {
		p.fail(int(t.pos), "unknown operator %s", p.text(t))
	}
	p.fail(int(t.pos), "%v", err)
}

// isIndex reports whether t can be an index: an identifier or a number.
func (p *parser) isIndex(t *token) bool {
	return t.kind == tID || (t.kind == tAtom && isDigit(p.src[t.pos]))
}

func (p *parser) enter(off int) {
	p.depth++
	if p.depth > maxDepth {
		p.fail(off, "nesting too deep")
	}
}

func (p *parser) leave() { p.depth-- }

// ParseModule parses a module in the text format: one (module ...) form
// (including the "module binary" and "module quote" forms) or a sequence
// of module fields without the enclosing (module ...).
//
// Text errors are *Error values with the line and column of the offending
// token; a "module binary" form returns binary.Decode's error unchanged.
// The module is not validated: only malformed text is an error.
func ParseModule(src []byte) (*wasm.Module, error) {
	m, _, err := ParseModuleID(src)
	return m, err
}

// ParseModuleID is ParseModule that also returns the module's $id,
// including the "$" ("" when it has none), as scripts use it to name
// modules.
func ParseModuleID(src []byte) (m *wasm.Module, id string, err error) {
	return parseModule(src, 0, wasm.Features3)
}

// ParseModuleFeatures is ParseModuleID accepting only the 3.0 syntax of
// the features in enabled (0: WebAssembly 2.0), as a "module binary" form
// is decoded by binary.DecodeFeatures.
func ParseModuleFeatures(src []byte, enabled wasm.Features) (m *wasm.Module, id string, err error) {
	return parseModule(src, 0, enabled)
}

func parseModule(src []byte, quote int, enabled wasm.Features) (m *wasm.Module, id string, err error) {
	toks, names, lerr := lex(src)
	if lerr != nil {
		return nil, "", newError(src, lerr.off, lerr.reason)
	}
	p := &parser{src: src, toks: toks, quote: quote, enabled: enabled, names: names}
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(*failure)
			if !ok {
				panic(r)
			}
			m, id, err = nil, "", newError(src, f.off, f.reason)
		}
	}()
	return p.top()
}

func newError(src []byte, off int, reason string) *Error {
	line, col := newPosition(src).at(off)
	return &Error{Line: line, Col: col, Reason: reason}
}

// top parses a whole source: a module form or a list of fields.
func (p *parser) top() (*wasm.Module, string, error) {
	if !p.lparenKw("module") {
		m := p.fields()
		if t := p.peek(); t.kind != tEOF {
			p.unexpected(t)
		}
		return m, "", nil
	}
	p.i += 2
	if p.atIs("definition") { // a script's (module definition ...)
		p.i++
	}
	id, _ := p.optID()
	var m *wasm.Module
	switch {
	case p.atIs("binary"):
		p.i++
		var bin []byte
		for p.peek().kind == tString {
			bin = append(bin, p.str()...)
		}
		p.expectRParen()
		p.expectEOF()
		mb, err := binary.DecodeFeatures(bin, p.enabled)
		if err != nil {
			return nil, "", err
		}
		return mb, id, nil
	case p.atIs("quote"):
		p.i++
		var q []byte
		for p.peek().kind == tString {
			q = append(q, p.str()...) // concatenated without separator, as in the spec's scripts
		}
		p.expectRParen()
		p.expectEOF()
		if p.quote >= maxQuoteDepth {
			p.fail(0, "module quote nested too deeply")
		}
		mq, _, err := parseModule(q, p.quote+1, p.enabled)
		if err != nil {
			return nil, "", err
		}
		return mq, id, nil
	}
	m = p.fields()
	p.expectRParen()
	p.expectEOF()
	if id != "" {
		if m.Names == nil {
			m.Names = &wasm.Names{}
		}
		m.Names.Module = id[1:]
	}
	return m, id, nil
}

func (p *parser) expectEOF() {
	if t := p.peek(); t.kind != tEOF {
		p.unexpected(t)
	}
}
