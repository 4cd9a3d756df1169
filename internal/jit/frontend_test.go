package jit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// frame compiles the first function of the text module src into a Frame.
func frame(t *testing.T, src string) (*Frame, *wasm.Module) {
	t.Helper()
	m, err := text.ParseModule([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if m, err = binary.Decode(binary.Encode(m)); err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	f := new(Frame)
	f.Reset(m, &info.Funcs[0], nil, nil)
	return f, m
}

func TestChoosePins(t *testing.T) {
	const noReg = mach.NoReg
	// Local 2 (f64) is used in a loop, local 1 (i64) in a nested loop,
	// local 0 (i32) once outside loops, local 3 (i32) never.
	f, m := frame(t, `(module (func (param i32) (local i64 f64 i32)
	  (local.set 0 (i32.const 1))
	  (loop
	    (local.set 2 (f64.add (local.get 2) (f64.const 1)))
	    (loop (local.set 1 (i64.add (local.get 1) (i64.const 1))) (br_if 0 (i64.eqz (local.get 1)))))))`)
	f.ChoosePins([]mach.Reg{10}, []mach.Reg{20, 21})
	if diff := cmp.Diff([]mach.Reg{noReg, 10, 20, noReg}, f.PinReg); diff != "" {
		t.Errorf("pinned registers (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]bool{true, true, true, false}, f.Written); diff != "" {
		t.Errorf("written (-want +got)\n%s", diff)
	}
	if !f.Busy[10] || !f.Busy[20] || f.Busy[21] {
		t.Errorf("busy registers: 10 %v, 20 %v, 21 %v; want true, true, false", f.Busy[10], f.Busy[20], f.Busy[21])
	}
	// With more registers the i32 local used once is pinned too, after
	// the heavier i64.
	f.Reset(m, f.FI, nil, nil)
	f.ChoosePins([]mach.Reg{10, 11, 12}, nil)
	if diff := cmp.Diff([]mach.Reg{11, 10, noReg, noReg}, f.PinReg); diff != "" {
		t.Errorf("pinned registers (-want +got)\n%s", diff)
	}
}

// recorder is a Backend that records the instructions it is given and
// models their stack effect with the front end's operand stack.
type recorder struct {
	f   *Frame
	ops []string
}

func (r *recorder) Op(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error {
	r.ops = append(r.ops, fmt.Sprintf("%s@%d", info.Name, len(r.f.Stack)))
	switch op {
	case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
		if op == wasm.OpIf {
			r.f.Drop()
		}
		p, res := r.f.BlockType(im.BT)
		r.f.Ctrls = append(r.f.Ctrls, Ctrl{Op: op, Height: len(r.f.Stack) - len(p), Params: p, Results: res})
	case wasm.OpElse:
		d := &r.f.Ctrls[len(r.f.Ctrls)-1]
		r.f.Truncate(d.Height)
		for _, t := range d.Params {
			r.f.Push(t)
		}
	case wasm.OpEnd:
		d := r.f.Ctrls[len(r.f.Ctrls)-1]
		r.f.Ctrls = r.f.Ctrls[:len(r.f.Ctrls)-1]
		r.f.Truncate(d.Height)
		for _, t := range d.Results {
			r.f.Push(t)
		}
	case wasm.OpBr, wasm.OpReturn, wasm.OpUnreachable:
		*dead = 1
	case wasm.OpLocalGet:
		r.f.PushLocal(im.X)
	default:
		for range info.Params {
			r.f.Drop()
		}
		for _, t := range info.Results {
			r.f.Push(t)
		}
	}
	return nil
}

// Body skips unreachable code up to the end or else of the block and
// restores the operand stack its type gives.
func TestBodySkipsUnreachableCode(t *testing.T) {
	f, m := frame(t, `(module (func (param i32) (result i32)
	  (block (result i32)
	    (br 0 (i32.const 1))
	    (i32.add (i32.const 2) (i32.const 3))
	    (block (drop (i32.const 4))))
	  (if (result i32) (local.get 0)
	    (then (unreachable) (nop))
	    (else (i32.const 5)))
	  (i32.add)))`)
	r := &recorder{f: f}
	f.Ctrls = append(f.Ctrls, Ctrl{Results: []wasm.ValType{wasm.I32}})
	if err := f.Body(m.Code[0].Body, m.Code[0].Offset, r); err != nil {
		t.Fatal(err)
	}
	want := "block@0 i32.const@0 br@1 end@1 local.get@1 if@2 unreachable@1 else@1 i32.const@1 end@2 i32.add@2 end@1"
	if got := strings.Join(r.ops, " "); got != want {
		t.Errorf("compiled\n  %s\nwant\n  %s", got, want)
	}
	if f.MaxSP != 2 {
		t.Errorf("MaxSP = %d, want 2", f.MaxSP)
	}
}

// Body never panics on a body that is not valid: it returns an error or
// hands the backend what it decoded.
func FuzzBody(f *testing.F) {
	f.Add([]byte{0x41, 0x01, 0x1a, 0x0b})
	f.Add([]byte{0x0e, 0x02, 0x00, 0x01, 0x00, 0x0b})
	f.Add([]byte{0x02, 0x40, 0x00, 0x01, 0x0b, 0x0b})
	f.Fuzz(func(t *testing.T, body []byte) {
		m := &wasm.Module{Types: []wasm.FuncType{{}}}
		fi := &validate.FuncInfo{}
		fr := new(Frame)
		fr.Reset(m, fi, nil, nil)
		fr.ChoosePins([]mach.Reg{1}, []mach.Reg{2})
		fr.Ctrls = append(fr.Ctrls, Ctrl{})
		_ = fr.Body(body, 0, backendFunc(func(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error {
			if op == wasm.OpBr || op == wasm.OpBrTable {
				*dead = 1
			}
			return nil
		}))
	})
}

// backendFunc adapts a function to Backend.
type backendFunc func(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error

func (b backendFunc) Op(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error {
	return b(op, info, im, dead)
}

// A backend that fuses the instructions after the current one (Peek, then
// Skip) sees them decoded, and Body continues after them; a Skip past
// what it looked at is an error.
func TestPeekAndSkip(t *testing.T) {
	f, m := frame(t, `(module (func (result i32)
	  (i32.mul (i32.const 7) (i32.const 3)) (i32.const -5) (i32.add)))`)
	var ops []string
	var peeked []string
	f.Ctrls = append(f.Ctrls, Ctrl{Results: []wasm.ValType{wasm.I32}})
	err := f.Body(m.Code[0].Body, m.Code[0].Offset, backendFunc(func(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error {
		ops = append(ops, info.Name)
		if op == wasm.OpI32Mul {
			for k := 0; k < 2; k++ {
				next, nim, ok := f.Peek(k)
				if !ok {
					t.Fatalf("Peek(%d) after i32.mul: nothing", k)
				}
				peeked = append(peeked, fmt.Sprintf("%v %d", next, int32(nim.I64)))
			}
			f.Skip = 2
		}
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"i32.const -5", "i32.add 0"}, peeked); diff != "" {
		t.Errorf("peeked (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]string{"i32.const", "i32.const", "i32.mul", "end"}, ops); diff != "" {
		t.Errorf("compiled (-want +got)\n%s", diff)
	}
	f.Reset(m, f.FI, nil, nil)
	f.Ctrls = append(f.Ctrls, Ctrl{Results: []wasm.ValType{wasm.I32}})
	err = f.Body(m.Code[0].Body, m.Code[0].Offset, backendFunc(func(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error {
		if op == wasm.OpI32Mul {
			f.Skip = 1 // without a Peek
		}
		return nil
	}))
	if err == nil || !strings.Contains(err.Error(), "fused 1 instructions, looked at 0") {
		t.Errorf("Skip without Peek: error %v", err)
	}
}
