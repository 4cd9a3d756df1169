package v128

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestSpecScripts checks the functions against the assertions of the spec
// SIMD test scripts. It does not run modules: it evaluates exported
// functions whose body is a straight-line expression of local.get, consts
// and SIMD instructions (immediates included), calling this package's
// functions, and compares with the scripts' expected results. Functions
// that use anything else (memory, control flow, scalar arithmetic, ...)
// are skipped and counted.

// sx is an S-expression: an atom or a list.
type sx struct {
	atom string
	list []*sx
	isL  bool
}

func (s *sx) head() string {
	if s.isL && len(s.list) > 0 && !s.list[0].isL {
		return s.list[0].atom
	}
	return ""
}

// parseSx parses a whole script into its top-level forms.
func parseSx(src string) ([]*sx, error) {
	var stack [][]*sx
	var top []*sx
	add := func(n *sx) {
		if len(stack) == 0 {
			top = append(top, n)
		} else {
			stack[len(stack)-1] = append(stack[len(stack)-1], n)
		}
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ';' && i+1 < len(src) && src[i+1] == ';':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '(' && i+1 < len(src) && src[i+1] == ';':
			depth := 0
			for i < len(src) {
				if strings.HasPrefix(src[i:], "(;") {
					depth++
					i += 2
				} else if strings.HasPrefix(src[i:], ";)") {
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
			stack = append(stack, nil)
			i++
		case c == ')':
			if len(stack) == 0 {
				return nil, fmt.Errorf("offset %d: unbalanced )", i)
			}
			l := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			add(&sx{list: l, isL: true})
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			add(&sx{atom: src[i : j+1]})
			i = j + 1
		default:
			j := i
			for j < len(src) && !strings.ContainsRune(" \t\n\r()", rune(src[j])) {
				j++
			}
			add(&sx{atom: src[i:j]})
			i = j
		}
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("unbalanced (")
	}
	return top, nil
}

// value is a typed operand: a shape or scalar type name and its bits.
type value struct {
	typ string // "v128", "i32", "i64", "f32", "f64"
	v   V128
}

// fn is an exported function of a module: parameter names and body.
type fn struct {
	params map[string]int
	nparam int
	body   []*sx
	locals []string // types of the declared locals (after the params)
	st     *modState
}

// modState is a module instance's state: memory and globals. Once an
// action on the module could not be evaluated (it may have changed the
// state), the state is tainted and assertions that read it are skipped.
type modState struct {
	mem     []byte
	global  map[string]value
	tainted bool
}

// module is an evaluable view of a script module.
type module struct {
	funcs map[string]*fn
	st    *modState
}

// memFns maps the memory instructions to their byte-slice helpers.
var memFns = map[wasm.Op]any{
	wasm.OpV128Load: Load128, wasm.OpV128Store: Store128,
	wasm.OpV128Load8x8S: Load8x8S, wasm.OpV128Load8x8U: Load8x8U,
	wasm.OpV128Load16x4S: Load16x4S, wasm.OpV128Load16x4U: Load16x4U,
	wasm.OpV128Load32x2S: Load32x2S, wasm.OpV128Load32x2U: Load32x2U,
	wasm.OpV128Load8Splat: Load8Splat, wasm.OpV128Load16Splat: Load16Splat,
	wasm.OpV128Load32Splat: Load32Splat, wasm.OpV128Load64Splat: Load64Splat,
	wasm.OpV128Load32Zero: Load32Zero, wasm.OpV128Load64Zero: Load64Zero,
	wasm.OpV128Load8Lane: Load8Lane, wasm.OpV128Load16Lane: Load16Lane,
	wasm.OpV128Load32Lane: Load32Lane, wasm.OpV128Load64Lane: Load64Lane,
	wasm.OpV128Store8Lane: Store8Lane, wasm.OpV128Store16Lane: Store16Lane,
	wasm.OpV128Store32Lane: Store32Lane, wasm.OpV128Store64Lane: Store64Lane,
}

// applyMem runs one memory instruction: immediates are offset=, align=
// and, for lane instructions, the lane index.
func applyMem(op wasm.Op, imms []string, mem []byte, stack *[]value) error {
	info, _ := op.Info()
	var offset uint64
	var lane uint8
	for _, im := range imms {
		switch {
		case strings.HasPrefix(im, "offset="):
			o, err := parseInt(strings.TrimPrefix(im, "offset="), 64)
			if err != nil {
				return err
			}
			offset = o
		case strings.HasPrefix(im, "align="):
		default:
			l, err := strconv.ParseUint(im, 0, 8)
			if err != nil {
				return err
			}
			lane = uint8(l)
		}
	}
	n := len(info.Params)
	if len(*stack) < n {
		return fmt.Errorf("%s: stack underflow", op)
	}
	args := (*stack)[len(*stack)-n:]
	*stack = (*stack)[:len(*stack)-n]
	ea := uint64(uint32(args[0].v.Lo)) + offset
	size := uint64(1) << info.Align
	if ea+size > uint64(len(mem)) {
		return fmt.Errorf("%s: out of bounds access at %d", op, ea)
	}
	b := mem[ea : ea+size]
	switch f := memFns[op].(type) {
	case func([]byte) V128:
		*stack = append(*stack, value{"v128", f(b)})
	case func([]byte, V128):
		f(b, args[1].v)
	case func([]byte, V128, uint8) V128:
		*stack = append(*stack, value{"v128", f(b, args[1].v, lane)})
	case func([]byte, V128, uint8):
		f(b, args[1].v, lane)
	default:
		return fmt.Errorf("%s: unhandled memory signature %T", op, f)
	}
	return nil
}

// dataString decodes a Wasm text string literal.
func dataString(lit string) ([]byte, error) {
	lit = strings.TrimSuffix(strings.TrimPrefix(lit, `"`), `"`)
	var out []byte
	for i := 0; i < len(lit); i++ {
		c := lit[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(lit) {
			return nil, fmt.Errorf("bad escape")
		}
		switch lit[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case '\\', '"', '\'':
			out = append(out, lit[i])
		default:
			if i+1 >= len(lit) {
				return nil, fmt.Errorf("bad escape")
			}
			x, err := strconv.ParseUint(lit[i:i+2], 16, 8)
			if err != nil {
				return nil, err
			}
			out = append(out, byte(x))
			i++
		}
	}
	return out, nil
}

// constant evaluates a (T.const ...) form.
func constant(n *sx) (value, error) {
	h := n.head()
	args := n.list[1:]
	var parts []string
	for _, a := range args {
		if a.isL {
			return value{}, fmt.Errorf("bad const")
		}
		parts = append(parts, a.atom)
	}
	switch h {
	case "v128.const":
		s := strings.Join(parts, " ")
		if _, _, _, err := parseVec(s); err != nil {
			return value{}, err
		}
		return value{"v128", vec(s)}, nil
	case "i32.const", "i64.const", "f32.const", "f64.const":
		if len(parts) != 1 {
			return value{}, fmt.Errorf("bad const")
		}
		typ := h[:3]
		bits, _, pats, err := parseVec(typ + " " + parts[0])
		if err != nil {
			return value{}, err
		}
		if pats[0].class != "" {
			return value{}, fmt.Errorf("NaN pattern as argument")
		}
		x := pats[0].bits
		if bits == 32 {
			x &= 0xFFFFFFFF
		}
		return value{typ, V128{Lo: x}}, nil
	}
	return value{}, fmt.Errorf("not a const: %s", h)
}

type evalSkip struct{ reason string }

func (e evalSkip) Error() string { return "skip: " + e.reason }

// apply runs one SIMD instruction with its immediates on the stack.
func apply(op wasm.Op, imms []string, stack *[]value) error {
	info, _ := op.Info()
	f, ok := fns[op]
	if !ok {
		return evalSkip{"no function for " + op.String()}
	}
	n := len(info.Params)
	if len(*stack) < n {
		return fmt.Errorf("%s: stack underflow", op)
	}
	args := (*stack)[len(*stack)-n:]
	*stack = (*stack)[:len(*stack)-n]
	var lane uint8
	if info.Imm == wasm.ImmLane {
		if len(imms) != 1 {
			return fmt.Errorf("%s: want a lane index", op)
		}
		l, err := strconv.ParseUint(imms[0], 0, 8)
		if err != nil {
			return err
		}
		lane = uint8(l)
	}
	var res value
	res.typ = "v128"
	if len(info.Results) == 1 && info.Results[0] != wasm.V128 {
		res.typ = info.Results[0].String()
	}
	a := func(i int) V128 { return args[i].v }
	switch f := f.(type) {
	case func(V128) V128:
		res.v = f(a(0))
	case func(V128, V128) V128:
		res.v = f(a(0), a(1))
	case func(V128, V128, V128) V128:
		res.v = f(a(0), a(1), a(2))
	case func(V128) uint32:
		res.v = s32(f(a(0)))
	case func(V128, uint32) V128:
		res.v = f(a(0), uint32(a(1).Lo))
	case func(uint32) V128:
		res.v = f(uint32(a(0).Lo))
	case func(uint64) V128:
		res.v = f(a(0).Lo)
	case func(V128, uint8) uint32:
		res.v = s32(f(a(0), lane))
	case func(V128, uint8) uint64:
		res.v = s64(f(a(0), lane))
	case func(V128, uint8, uint32) V128:
		res.v = f(a(0), lane, uint32(a(1).Lo))
	case func(V128, uint8, uint64) V128:
		res.v = f(a(0), lane, a(1).Lo)
	case func(V128, V128, *[16]byte) V128:
		if len(imms) != 16 {
			return fmt.Errorf("%s: want 16 lane indices", op)
		}
		var l [16]byte
		for i, s := range imms {
			x, err := strconv.ParseUint(s, 0, 8)
			if err != nil {
				return err
			}
			l[i] = byte(x)
		}
		res.v = f(a(0), a(1), &l)
	default:
		return fmt.Errorf("%s: unhandled signature %T", op, f)
	}
	*stack = append(*stack, res)
	return nil
}

// eval evaluates a sequence of (folded or flat) instructions.
func eval(f *fn, seq []*sx, args []value, stack *[]value) error {
	for i := 0; i < len(seq); i++ {
		n := seq[i]
		var name string
		var imms []string
		if n.isL {
			name = n.head()
			if strings.HasSuffix(name, ".const") {
				v, err := constant(n)
				if err != nil {
					return err
				}
				*stack = append(*stack, v)
				continue
			}
			var operands []*sx
			for _, c := range n.list[1:] {
				if c.isL {
					operands = append(operands, c)
				} else {
					imms = append(imms, c.atom)
				}
			}
			if err := eval(f, operands, args, stack); err != nil {
				return err
			}
		} else {
			name = n.atom
			if strings.HasSuffix(name, ".const") {
				// Flat const: gather the literal atoms.
				k := 1
				if name == "v128.const" {
					_, lanes, _, err := shapeOf(seq[i+1].atom)
					if err != nil {
						return err
					}
					k = lanes + 1
				}
				form := &sx{isL: true, list: append([]*sx{n}, seq[i+1:i+1+k]...)}
				v, err := constant(form)
				if err != nil {
					return err
				}
				*stack = append(*stack, v)
				i += k
				continue
			}
			for i+1 < len(seq) && !seq[i+1].isL && isImm(seq[i+1].atom) {
				imms = append(imms, seq[i+1].atom)
				i++
			}
		}
		switch name {
		case "local.get", "local.set", "local.tee":
			if len(imms) != 1 {
				return fmt.Errorf("%s: want one index", name)
			}
			idx, ok := f.params[imms[0]]
			if !ok {
				x, err := strconv.Atoi(imms[0])
				if err != nil || x >= len(args) {
					return evalSkip{"local " + imms[0]}
				}
				idx = x
			}
			if name == "local.get" {
				*stack = append(*stack, args[idx])
				continue
			}
			if len(*stack) == 0 {
				return fmt.Errorf("%s: stack underflow", name)
			}
			args[idx] = (*stack)[len(*stack)-1]
			if name == "local.set" {
				*stack = (*stack)[:len(*stack)-1]
			}
			continue
		case "global.get", "global.set":
			if f.st.tainted {
				return evalSkip{"module state after a skipped action"}
			}
			g := strings.Join(imms, "")
			v, ok := f.st.global[g]
			if !ok {
				return evalSkip{"global " + g}
			}
			if name == "global.get" {
				*stack = append(*stack, v)
				continue
			}
			if len(*stack) == 0 {
				return fmt.Errorf("%s: stack underflow", name)
			}
			f.st.global[g] = (*stack)[len(*stack)-1]
			*stack = (*stack)[:len(*stack)-1]
			continue
		case "i64.load":
			// Used by the store-lane scripts to read memory back.
			if f.st.tainted {
				return evalSkip{"module state after a skipped action"}
			}
			if f.st.mem == nil || len(*stack) == 0 {
				return evalSkip{"i64.load"}
			}
			var off uint64
			for _, im := range imms {
				if o, ok := strings.CutPrefix(im, "offset="); ok {
					x, err := parseInt(o, 64)
					if err != nil {
						return err
					}
					off = x
				}
			}
			addr := uint64(uint32((*stack)[len(*stack)-1].v.Lo)) + off
			if addr+8 > uint64(len(f.st.mem)) {
				return fmt.Errorf("i64.load: out of bounds access at %d", addr)
			}
			(*stack)[len(*stack)-1] = value{"i64", V128{Lo: binary.LittleEndian.Uint64(f.st.mem[addr:])}}
			continue
		}
		op, ok := wasm.OpByName(name)
		if !ok || op < 0x300 || op > 0x3FF {
			return evalSkip{"instruction " + name}
		}
		exercised[op] = true
		if _, ok := memFns[op]; ok {
			if f.st.mem == nil {
				return evalSkip{"memory instruction without memory"}
			}
			if f.st.tainted {
				return evalSkip{"module state after a skipped action"}
			}
			if err := applyMem(op, imms, f.st.mem, stack); err != nil {
				return err
			}
			continue
		}
		if err := apply(op, imms, stack); err != nil {
			return err
		}
	}
	return nil
}

// exercised records the instructions evaluated by TestSpecScripts.
var exercised = map[wasm.Op]bool{}

func isImm(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c == '$' || c == '-' || c == '+' || (c >= '0' && c <= '9') ||
		strings.HasPrefix(s, "offset=") || strings.HasPrefix(s, "align=")
}

// funcsOf collects the inline-exported functions of a module form.
func funcsOf(m *sx) (*module, error) {
	out := map[string]*fn{}
	st := &modState{global: map[string]value{}}
	globals := st.global
	for _, d := range m.list[1:] {
		switch d.head() {
		case "global":
			if len(d.list) == 4 && strings.HasPrefix(d.list[1].atom, "$") {
				if v, err := constant(d.list[3]); err == nil {
					globals[d.list[1].atom] = v
				}
			}
		case "memory":
			if len(d.list) < 2 || d.list[1].isL {
				continue
			}
			pages, err := strconv.Atoi(d.list[1].atom)
			if err != nil {
				continue
			}
			st.mem = make([]byte, pages*65536)
		case "data":
			var off uint64
			var bytes []byte
			for _, c := range d.list[1:] {
				switch {
				case c.head() == "offset" && len(c.list) == 2:
					c = c.list[1]
					fallthrough
				case c.head() == "i32.const":
					v, err := constant(c)
					if err != nil {
						return nil, err
					}
					off = v.v.Lo
				case !c.isL && strings.HasPrefix(c.atom, `"`):
					b, err := dataString(c.atom)
					if err != nil {
						return nil, err
					}
					bytes = append(bytes, b...)
				}
			}
			if off+uint64(len(bytes)) > uint64(len(st.mem)) {
				return nil, fmt.Errorf("data segment out of bounds")
			}
			copy(st.mem[off:], bytes)
		}
	}
	for _, d := range m.list[1:] {
		if d.head() != "func" {
			continue
		}
		f := &fn{params: map[string]int{}, st: st}
		var exports []string
		pure := true
		for _, c := range d.list[1:] {
			switch c.head() {
			case "export":
				exports = append(exports, strings.Trim(c.list[1].atom, `"`))
			case "param":
				rest := c.list[1:]
				if len(rest) == 2 && strings.HasPrefix(rest[0].atom, "$") {
					f.params[rest[0].atom] = f.nparam
					f.nparam++
				} else {
					f.nparam += len(rest)
				}
			case "result", "type":
			case "local":
				rest := c.list[1:]
				if len(rest) == 2 && strings.HasPrefix(rest[0].atom, "$") {
					f.params[rest[0].atom] = f.nparam + len(f.locals)
					rest = rest[1:]
				}
				for _, r := range rest {
					f.locals = append(f.locals, r.atom)
				}
			case "import":
				pure = false
			default:
				if !c.isL && strings.HasPrefix(c.atom, "$") && len(f.body) == 0 {
					continue // the function's own name
				}
				f.body = append(f.body, c)
			}
		}
		if !pure || len(exports) == 0 {
			continue
		}
		for _, e := range exports {
			out[e] = f
		}
	}
	return &module{out, st}, nil
}

func TestSpecScripts(t *testing.T) {
	dir := testsuite.Dir(t)
	files, err := filepath.Glob(filepath.Join(dir, "core", "simd", "*.wast"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts in %s: %v", dir, err)
	}
	total, passed, skipped := 0, 0, 0
	reasons := map[string]int{}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		forms, err := parseSx(string(src))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var mod *module
		for _, form := range forms {
			switch form.head() {
			case "module":
				if len(form.list) > 1 && !form.list[1].isL && (form.list[1].atom == "binary" || form.list[1].atom == "quote" || strings.HasPrefix(form.list[1].atom, "$")) {
					mod = nil
					continue
				}
				mod, err = funcsOf(form)
				if err != nil {
					t.Fatalf("%s: %v", filepath.Base(file), err)
				}
			case "invoke":
				// A bare action: run it for its effect on memory.
				wrapped := &sx{isL: true, list: []*sx{{atom: "assert_return"}, form}}
				if ok, why := runAssert(mod, wrapped); !ok {
					t.Errorf("%s: %s", filepath.Base(file), why)
				}
			case "assert_return":
				total++
				ok, why := runAssert(mod, form)
				switch {
				case why != "" && ok:
					skipped++
					reasons[why]++
				case ok:
					passed++
				default:
					t.Errorf("%s: %s", filepath.Base(file), why)
				}
			}
		}
	}
	t.Logf("spec assert_return: %d total, %d passed, %d skipped (not pure SIMD expressions), %d failed",
		total, passed, skipped, total-passed-skipped)
	var missing []string
	for op := wasm.Op(0x300); op <= 0x3FF; op++ {
		if _, ok := op.Info(); ok && !exercised[op] && op != wasm.OpV128Const {
			missing = append(missing, op.String())
		}
	}
	t.Logf("%d SIMD instructions exercised; not exercised (besides v128.const): %v", len(exercised), missing)
	var rs []string
	for r, n := range reasons {
		rs = append(rs, fmt.Sprintf("skipped %5d: %s", n, r))
	}
	slices.Sort(rs)
	for _, r := range rs {
		t.Log(r)
	}
	if passed < total/2 {
		t.Errorf("only %d of %d assertions evaluated", passed, total)
	}
}

// runAssert evaluates one assert_return; ok with a reason means skipped.
func runAssert(mod *module, form *sx) (ok bool, why string) {
	inv := form.list[1]
	if inv.head() != "invoke" || len(inv.list) < 2 || !strings.HasPrefix(inv.list[1].atom, `"`) {
		return true, "not a plain invoke"
	}
	if mod == nil {
		return true, "module not evaluable"
	}
	name := strings.Trim(inv.list[1].atom, `"`)
	f := mod.funcs[name]
	if f == nil {
		mod.st.tainted = true
		return true, "function not evaluable"
	}
	var args []value
	for _, a := range inv.list[2:] {
		v, err := constant(a)
		if err != nil {
			return true, err.Error()
		}
		args = append(args, v)
	}
	for _, l := range f.locals {
		args = append(args, value{typ: l})
	}
	var stack []value
	if err := eval(f, f.body, args, &stack); err != nil {
		if _, skip := err.(evalSkip); skip {
			mod.st.tainted = true
			return true, err.Error()
		}
		return false, fmt.Sprintf("%q: %v", name, err)
	}
	results := form.list[2:]
	if len(results) != len(stack) {
		return false, fmt.Sprintf("%q: %d results, want %d", name, len(stack), len(results))
	}
	for i, r := range results {
		h := r.head()
		if !strings.HasSuffix(h, ".const") {
			return true, "result form " + h
		}
		var parts []string
		for _, c := range r.list[1:] {
			parts = append(parts, c.atom)
		}
		want := strings.Join(parts, " ")
		if h != "v128.const" {
			want = h[:3] + " " + want
		}
		if ok, msg := match(stack[i].v, want); !ok {
			return false, fmt.Sprintf("%q%s: %s", name, argString(inv), msg)
		}
	}
	return true, ""
}

func argString(inv *sx) string {
	var b strings.Builder
	for _, a := range inv.list[2:] {
		b.WriteString(" (")
		for i, c := range a.list {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(c.atom)
		}
		b.WriteString(")")
	}
	return b.String()
}
