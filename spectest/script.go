// Package spectest reads WebAssembly script files (.wast, the format of the
// specification's test suite) and runs them: module definitions,
// registrations, invocations and the assertions about results, traps,
// invalid, malformed, unlinkable and uninstantiable modules.
//
// ParseScript turns a file into a Script; Run executes it, either in
// validation-only mode (no Engine: modules are parsed, decoded and
// validated, and every command that needs execution is skipped) or with an
// Engine that instantiates modules and calls their exports.
package spectest

import (
	"fmt"
	"math"
	"strings"

	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/wasm"
)

// CommandKind identifies a script command.
type CommandKind byte

// Script commands.
const (
	CmdModule CommandKind = iota
	CmdRegister
	CmdAction // a bare (invoke ...) or (get ...)
	CmdAssertReturn
	CmdAssertTrap
	CmdAssertExhaustion
	CmdAssertInvalid
	CmdAssertMalformed
	CmdAssertUnlinkable
	CmdAssertUninstantiable
	CmdInvalid // a command that could not be parsed; Err says why
	// CmdAssertException: the action must end with an uncaught exception
	// (3.0: exception handling).
	CmdAssertException
	// CmdModuleInstance instantiates a module given earlier by a
	// (module definition ...) form: (module instance $I? $M?).
	CmdModuleInstance
)

var commandNames = [...]string{
	CmdModule:               "module",
	CmdRegister:             "register",
	CmdAction:               "action",
	CmdAssertReturn:         "assert_return",
	CmdAssertTrap:           "assert_trap",
	CmdAssertExhaustion:     "assert_exhaustion",
	CmdAssertInvalid:        "assert_invalid",
	CmdAssertMalformed:      "assert_malformed",
	CmdAssertUnlinkable:     "assert_unlinkable",
	CmdAssertUninstantiable: "assert_uninstantiable",
	CmdInvalid:              "invalid command",
	CmdAssertException:      "assert_exception",
	CmdModuleInstance:       "module instance",
}

// String returns the script keyword of the command.
func (k CommandKind) String() string {
	if int(k) < len(commandNames) {
		return commandNames[k]
	}
	return "unknown"
}

// ModuleForm says how a (module ...) form gives its module.
type ModuleForm byte

// Module forms.
const (
	FormText   ModuleForm = iota // (module $id? field*)
	FormBinary                   // (module $id? binary "..."*)
	FormQuote                    // (module $id? quote "..."*)
)

// String returns "text", "binary" or "quote".
func (f ModuleForm) String() string {
	switch f {
	case FormBinary:
		return "binary"
	case FormQuote:
		return "quote"
	}
	return "text"
}

// ModuleDef is a (module ...) form of a script.
type ModuleDef struct {
	ID   string     // the $id, "" when absent
	Form ModuleForm // how the module is given
	// Src is the exact source text of the (module ...) form, parentheses
	// included, as text.ParseModuleID expects it.
	Src []byte
	// Bytes is the concatenation of the strings of a FormBinary module:
	// its binary encoding.
	Bytes []byte
	// Line is the line where the form starts.
	Line int
	// Definition is set for (module definition ...): the module is
	// checked but not instantiated until a (module instance ...) command.
	Definition bool
}

// ActionKind distinguishes invoke from get.
type ActionKind byte

// Action kinds.
const (
	ActInvoke ActionKind = iota // (invoke $id? "name" const*)
	ActGet                      // (get $id? "name")
)

// Action is an invoke or get action.
type Action struct {
	Kind   ActionKind
	Module string // $id of the target module; "" for the most recent one
	Name   string // export name
	Args   []Value
}

// String renders the action briefly, as in `invoke "add"` or `get $M "g"`.
func (a *Action) String() string {
	kw := "invoke"
	if a.Kind == ActGet {
		kw = "get"
	}
	if a.Module != "" {
		return kw + " " + a.Module + " " + quoteName(a.Name)
	}
	return kw + " " + quoteName(a.Name)
}

// Command is one top-level command of a script.
type Command struct {
	Kind CommandKind
	Line int

	// Module is set for CmdModule, CmdAssertInvalid, CmdAssertMalformed,
	// CmdAssertUnlinkable, CmdAssertUninstantiable, and CmdAssertTrap on a
	// module.
	Module *ModuleDef
	// Action is set for CmdAction, CmdAssertReturn, CmdAssertExhaustion
	// and CmdAssertTrap on an action.
	Action *Action
	// Name and ID are the registration name and the $id of the module to
	// register (ID "" means the most recent module), for CmdRegister.
	Name string
	ID   string
	// Expected holds the expected results of CmdAssertReturn.
	Expected []Pattern
	// Message is the expected failure message of assertions other than
	// assert_return.
	Message string
	// Err is why the command could not be parsed (CmdInvalid).
	Err error
}

// Script is a parsed .wast file.
type Script struct {
	Name     string
	Commands []Command
}

// ParseScript parses a .wast script. name is used in error messages. An
// error in the S-expression structure (an unbalanced parenthesis, an
// unterminated string or block comment) is returned as a *SyntaxError; a
// command with a wrong shape does not stop parsing but becomes a command
// of kind CmdInvalid, so that the runner reports it.
func ParseScript(name string, src []byte) (*Script, error) {
	l := &lexer{file: name, src: src, line: 1}
	s := &Script{Name: name}
	p := &cmdParser{file: name, src: src}
	var inline []*node // pending module fields of an inline module
	flush := func() {
		if len(inline) > 0 {
			first, last := inline[0], inline[len(inline)-1]
			s.Commands = append(s.Commands, Command{Kind: CmdModule, Line: first.line,
				Module: &ModuleDef{Src: src[first.start:last.end], Line: first.line}})
			inline = nil
		}
	}
	for {
		n, err := l.next()
		if err != nil {
			return nil, err
		}
		if n == nil {
			flush()
			return s, nil
		}
		if moduleFields[n.head()] {
			inline = append(inline, n)
			continue
		}
		flush()
		cmd, err := p.command(n)
		if err != nil {
			cmd = Command{Kind: CmdInvalid, Line: n.line, Err: err}
		}
		s.Commands = append(s.Commands, cmd)
	}
}

// moduleFields are the keywords of module fields. A script made of module
// fields instead of commands is an inline module; consecutive top-level
// fields form one module.
var moduleFields = map[string]bool{
	"type": true, "import": true, "func": true, "table": true, "memory": true,
	"global": true, "export": true, "start": true, "elem": true, "data": true,
}

// cmdParser turns the S-expression of one command into a Command.
type cmdParser struct {
	file string
	src  []byte
}

func (p *cmdParser) errorf(n *node, format string, args ...any) error {
	return &SyntaxError{File: p.file, Line: n.line, Offset: n.start, Reason: fmt.Sprintf(format, args...)}
}

func (p *cmdParser) command(n *node) (Command, error) {
	cmd := Command{Line: n.line}
	if n.kind != nodeList {
		return cmd, p.errorf(n, "expected a command, found %s", describe(n))
	}
	args := n.list[min(1, len(n.list)):]
	var err error
	switch h := n.head(); h {
	case "module":
		if len(args) > 0 && args[0].kind == nodeAtom && args[0].atom == "instance" {
			// (module instance $I? $M?)
			cmd.Kind = CmdModuleInstance
			ids := args[1:]
			if len(ids) > 2 {
				return cmd, p.errorf(n, "expected (module instance $I? $M?)")
			}
			for _, a := range ids {
				if a.kind != nodeAtom || !strings.HasPrefix(a.atom, "$") {
					return cmd, p.errorf(a, "expected a module name, found %s", describe(a))
				}
			}
			switch len(ids) {
			case 1:
				cmd.ID = ids[0].atom
			case 2:
				cmd.Name, cmd.ID = ids[0].atom, ids[1].atom
			}
			break
		}
		cmd.Kind = CmdModule
		cmd.Module, err = p.module(n)
	case "register":
		cmd.Kind = CmdRegister
		err = p.register(n, &cmd)
	case "invoke", "get":
		cmd.Kind = CmdAction
		cmd.Action, err = p.action(n)
	case "assert_return":
		cmd.Kind = CmdAssertReturn
		if len(args) < 1 {
			return cmd, p.errorf(n, "assert_return needs an action")
		}
		if cmd.Action, err = p.action(args[0]); err != nil {
			return cmd, err
		}
		for _, r := range args[1:] {
			pat, err := p.pattern(r)
			if err != nil {
				return cmd, err
			}
			cmd.Expected = append(cmd.Expected, pat)
		}
	case "assert_trap":
		cmd.Kind = CmdAssertTrap
		if len(args) != 2 {
			return cmd, p.errorf(n, "assert_trap needs an action or module and a message")
		}
		if args[0].head() == "module" {
			cmd.Module, err = p.module(args[0])
		} else {
			cmd.Action, err = p.action(args[0])
		}
		if err == nil {
			cmd.Message, err = p.message(args[1])
		}
	case "assert_exception":
		cmd.Kind = CmdAssertException
		if len(args) != 1 {
			return cmd, p.errorf(n, "assert_exception needs an action")
		}
		cmd.Action, err = p.action(args[0])
	case "assert_exhaustion":
		cmd.Kind = CmdAssertExhaustion
		if len(args) != 2 {
			return cmd, p.errorf(n, "assert_exhaustion needs an action and a message")
		}
		if cmd.Action, err = p.action(args[0]); err == nil {
			cmd.Message, err = p.message(args[1])
		}
	case "assert_invalid", "assert_malformed", "assert_unlinkable", "assert_uninstantiable":
		switch h {
		case "assert_invalid":
			cmd.Kind = CmdAssertInvalid
		case "assert_malformed":
			cmd.Kind = CmdAssertMalformed
		case "assert_unlinkable":
			cmd.Kind = CmdAssertUnlinkable
		default:
			cmd.Kind = CmdAssertUninstantiable
		}
		if len(args) != 2 {
			return cmd, p.errorf(n, "%s needs a module and a message", h)
		}
		if cmd.Module, err = p.module(args[0]); err == nil {
			cmd.Message, err = p.message(args[1])
		}
	case "":
		return cmd, p.errorf(n, "expected a command keyword")
	default:
		return cmd, p.errorf(n, "unknown command %s", h)
	}
	return cmd, err
}

// module parses a (module ...) form.
func (p *cmdParser) module(n *node) (*ModuleDef, error) {
	if n.head() != "module" {
		return nil, p.errorf(n, "expected (module ...), found %s", describe(n))
	}
	m := &ModuleDef{Src: p.src[n.start:n.end], Line: n.line}
	rest := n.list[1:]
	if len(rest) > 0 && rest[0].kind == nodeAtom && rest[0].atom == "definition" {
		m.Definition = true
		rest = rest[1:]
	}
	if len(rest) > 0 && rest[0].kind == nodeAtom && strings.HasPrefix(rest[0].atom, "$") {
		m.ID = rest[0].atom
		rest = rest[1:]
	}
	if len(rest) > 0 && rest[0].kind == nodeAtom {
		switch rest[0].atom {
		case "binary":
			m.Form = FormBinary
		case "quote":
			m.Form = FormQuote
		}
		if m.Form != FormText {
			for _, s := range rest[1:] {
				if s.kind != nodeString {
					return nil, p.errorf(s, "expected a string in (module %s ...), found %s", m.Form, describe(s))
				}
				if m.Form == FormBinary {
					m.Bytes = append(m.Bytes, s.str...)
				}
			}
		}
	}
	return m, nil
}

// register parses (register "name" $id?).
func (p *cmdParser) register(n *node, cmd *Command) error {
	args := n.list[1:]
	if len(args) < 1 || len(args) > 2 || args[0].kind != nodeString {
		return p.errorf(n, `expected (register "name" $id?)`)
	}
	cmd.Name = string(args[0].str)
	if len(args) == 2 {
		if args[1].kind != nodeAtom || !strings.HasPrefix(args[1].atom, "$") {
			return p.errorf(args[1], "expected a module $id, found %s", describe(args[1]))
		}
		cmd.ID = args[1].atom
	}
	return nil
}

// message reads the expected failure message of an assertion.
func (p *cmdParser) message(n *node) (string, error) {
	if n.kind != nodeString {
		return "", p.errorf(n, "expected a message string, found %s", describe(n))
	}
	return string(n.str), nil
}

// action parses (invoke $id? "name" const*) or (get $id? "name").
func (p *cmdParser) action(n *node) (*Action, error) {
	a := &Action{}
	switch n.head() {
	case "invoke":
		a.Kind = ActInvoke
	case "get":
		a.Kind = ActGet
	default:
		return nil, p.errorf(n, "expected an action (invoke or get), found %s", describe(n))
	}
	args := n.list[1:]
	if len(args) > 0 && args[0].kind == nodeAtom && strings.HasPrefix(args[0].atom, "$") {
		a.Module = args[0].atom
		args = args[1:]
	}
	if len(args) == 0 || args[0].kind != nodeString {
		return nil, p.errorf(n, "expected an export name in %s", describe(n))
	}
	a.Name = string(args[0].str)
	args = args[1:]
	if a.Kind == ActGet && len(args) > 0 {
		return nil, p.errorf(args[0], "unexpected %s after get", describe(args[0]))
	}
	for _, c := range args {
		v, err := p.constant(c)
		if err != nil {
			return nil, err
		}
		a.Args = append(a.Args, v)
	}
	return a, nil
}

// constant parses an argument constant: (i32.const N), (v128.const ...),
// (ref.null t), (ref.extern N), ...
func (p *cmdParser) constant(n *node) (Value, error) {
	pat, err := p.pattern(n)
	if err != nil {
		return Value{}, err
	}
	switch pat.Kind {
	case PatValue:
		return pat.Value, nil
	case PatV128:
		v := Value{Type: wasm.V128}
		bits := pat.Shape.LaneBits()
		for i, l := range pat.Lanes {
			if l.Kind != PatValue {
				return Value{}, p.errorf(n, "NaN pattern in an argument")
			}
			setLane(&v, i, bits, l.Bits)
		}
		return v, nil
	}
	return Value{}, p.errorf(n, "%s is not a constant", describe(n))
}

// setLane stores lane i of width bits into a v128.
func setLane(v *Value, i, bits int, x uint64) {
	off := i * bits
	w := &v.Lo
	if off >= 64 {
		w = &v.Hi
		off -= 64
	}
	if bits == 64 {
		*w = x
		return
	}
	mask := uint64(1)<<uint(bits) - 1
	*w = *w&^(mask<<uint(off)) | (x&mask)<<uint(off)
}

// pattern parses an expected result (or, through constant, an argument).
func (p *cmdParser) pattern(n *node) (Pattern, error) {
	h := n.head()
	if h == "" {
		return Pattern{}, p.errorf(n, "expected a constant, found %s", describe(n))
	}
	args := n.list[1:]
	atomArg := func() (string, error) {
		if len(args) != 1 || args[0].kind != nodeAtom {
			return "", p.errorf(n, "expected one literal in %s", describe(n))
		}
		return args[0].atom, nil
	}
	switch h {
	case "i32.const":
		s, err := atomArg()
		if err != nil {
			return Pattern{}, err
		}
		v, err := text.ParseI32(s)
		if err != nil {
			return Pattern{}, p.errorf(args[0], "bad i32 literal %s: %v", s, err)
		}
		return exact(I32(v)), nil
	case "i64.const":
		s, err := atomArg()
		if err != nil {
			return Pattern{}, err
		}
		v, err := text.ParseI64(s)
		if err != nil {
			return Pattern{}, p.errorf(args[0], "bad i64 literal %s: %v", s, err)
		}
		return exact(I64(v)), nil
	case "f32.const", "f64.const":
		s, err := atomArg()
		if err != nil {
			return Pattern{}, err
		}
		t := wasm.F32
		if h == "f64.const" {
			t = wasm.F64
		}
		switch s {
		case "nan:canonical":
			return Pattern{Kind: PatNaNCanonical, Type: t}, nil
		case "nan:arithmetic":
			return Pattern{Kind: PatNaNArithmetic, Type: t}, nil
		}
		if t == wasm.F32 {
			v, err := text.ParseF32(s)
			if err != nil {
				return Pattern{}, p.errorf(args[0], "bad f32 literal %s: %v", s, err)
			}
			return exact(F32(v)), nil
		}
		v, err := text.ParseF64(s)
		if err != nil {
			return Pattern{}, p.errorf(args[0], "bad f64 literal %s: %v", s, err)
		}
		return exact(F64(v)), nil
	case "v128.const":
		return p.v128(n)
	case "ref.null":
		if len(args) == 0 {
			return Pattern{Kind: PatRefNull}, nil
		}
		s, err := atomArg()
		if err != nil {
			return Pattern{}, err
		}
		switch s {
		case "func", "funcref":
			return exact(NullRef(wasm.FuncRef)), nil
		case "extern", "externref":
			return exact(NullRef(wasm.ExternRef)), nil
		case "exn", "exnref":
			return exact(NullRef(wasm.ExnRef)), nil
		case "nofunc", "noextern", "noexn", "any", "none", "eq", "i31", "struct", "array":
			return Pattern{Kind: PatRefNull}, nil
		}
		return Pattern{}, p.errorf(args[0], "unknown reference type %s", s)
	case "ref.exn", "ref.any", "ref.eq", "ref.i31", "ref.struct", "ref.array", "ref.host":
		return Pattern{Kind: PatRefNonNull}, nil
	case "ref.extern":
		if len(args) == 0 {
			return Pattern{Kind: PatRefExtern, Type: wasm.ExternRef}, nil
		}
		s, err := atomArg()
		if err != nil {
			return Pattern{}, err
		}
		v, err := text.ParseI64(s)
		if err != nil || strings.HasPrefix(s, "-") {
			return Pattern{}, p.errorf(args[0], "bad extern handle %s", s)
		}
		return exact(ExternRef(v)), nil
	case "ref.func":
		if len(args) != 0 {
			return Pattern{}, p.errorf(n, "(ref.func) takes no operand in a script")
		}
		return Pattern{Kind: PatRefFunc, Type: wasm.FuncRef}, nil
	case "either":
		if len(args) == 0 {
			return Pattern{}, p.errorf(n, "(either) needs alternatives")
		}
		e := Pattern{Kind: PatEither}
		for _, a := range args {
			q, err := p.pattern(a)
			if err != nil {
				return Pattern{}, err
			}
			if q.Kind == PatEither {
				return Pattern{}, p.errorf(a, "nested either")
			}
			e.Either = append(e.Either, q)
		}
		e.Type = e.Either[0].Type
		return e, nil
	}
	return Pattern{}, p.errorf(n, "unknown constant %s", h)
}

func exact(v Value) Pattern { return Pattern{Kind: PatValue, Type: v.Type, Value: v} }

// v128 parses (v128.const shape lane*) into a PatV128 pattern.
func (p *cmdParser) v128(n *node) (Pattern, error) {
	args := n.list[1:]
	if len(args) == 0 || args[0].kind != nodeAtom {
		return Pattern{}, p.errorf(n, "v128.const needs a shape")
	}
	shape := Shape(255)
	for i, s := range shapeNames {
		if args[0].atom == s {
			shape = Shape(i)
		}
	}
	if shape == 255 {
		return Pattern{}, p.errorf(args[0], "unknown v128 shape %s", args[0].atom)
	}
	lanes := args[1:]
	if len(lanes) != shape.Lanes() {
		return Pattern{}, p.errorf(n, "v128.const %s needs %d lanes, found %d", shape, shape.Lanes(), len(lanes))
	}
	pat := Pattern{Kind: PatV128, Type: wasm.V128, Shape: shape, Lanes: make([]LanePattern, len(lanes))}
	for i, l := range lanes {
		if l.kind != nodeAtom {
			return Pattern{}, p.errorf(l, "expected a lane literal, found %s", describe(l))
		}
		lp, err := parseLane(shape, l.atom)
		if err != nil {
			return Pattern{}, p.errorf(l, "bad %s lane %s: %v", shape, l.atom, err)
		}
		pat.Lanes[i] = lp
	}
	return pat, nil
}

// parseLane parses one lane literal of a v128 constant or pattern.
func parseLane(shape Shape, s string) (LanePattern, error) {
	if shape.isFloat() {
		switch s {
		case "nan:canonical":
			return LanePattern{Kind: PatNaNCanonical}, nil
		case "nan:arithmetic":
			return LanePattern{Kind: PatNaNArithmetic}, nil
		}
		if shape == F32x4 {
			v, err := text.ParseF32(s)
			return LanePattern{Bits: uint64(v)}, err
		}
		v, err := text.ParseF64(s)
		return LanePattern{Bits: v}, err
	}
	switch shape {
	case I32x4:
		v, err := text.ParseI32(s)
		return LanePattern{Bits: uint64(v)}, err
	case I64x2:
		v, err := text.ParseI64(s)
		return LanePattern{Bits: v}, err
	}
	// i8 and i16 lanes: the literal must fit the lane, signed or unsigned.
	v, err := text.ParseI64(s)
	if err != nil {
		return LanePattern{}, err
	}
	bits := shape.LaneBits()
	if strings.HasPrefix(s, "-") {
		if int64(v) < math.MinInt64>>(64-bits) {
			return LanePattern{}, fmt.Errorf("constant out of range")
		}
	} else if v >= 1<<uint(bits) {
		return LanePattern{}, fmt.Errorf("constant out of range")
	}
	return LanePattern{Bits: v & (1<<uint(bits) - 1)}, nil
}
