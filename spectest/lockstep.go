package spectest

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// Lockstep returns an Engine that runs a script on two engines at once
// (a reference first) and turns every difference between them into the
// error of the command where it appears: an instantiation that fails on
// one only; an action whose results (quiet NaNs being one class, see
// sameValue) or trap differ; and, after every instantiation and action, any
// difference in the size or contents of a memory or the value of a global
// of any instance. Both engines must be store-based (those registered as
// "interp" and "jit" are). LockstepStatsOf reports what was compared.
func Lockstep(ref, other Engine) Engine {
	return &lockstep{a: ref, b: other}
}

// LockstepStats is what a lockstep engine compared.
type LockstepStats struct {
	Actions     int // actions run on both engines
	States      int // comparisons of all memories and globals
	MemoryBytes int // memory bytes compared
}

// LockstepStatsOf returns what the lockstep engine e (from Lockstep) compared.
func LockstepStatsOf(e Engine) LockstepStats {
	if l, ok := e.(*lockstep); ok {
		return l.stats
	}
	return LockstepStats{}
}

type lockstep struct {
	a, b  Engine
	stats LockstepStats
}

// pairExtern is an extern of both engines.
type pairExtern struct{ a, b Extern }

type pairInstance struct {
	l    *lockstep
	a, b Instance
}

func (l *lockstep) Instantiate(ctx context.Context, m *wasm.Module, info *validate.Info, imports Resolver) (Instance, error) {
	side := func(first bool) Resolver {
		return func(module, name string) (Extern, bool) {
			x, ok := imports(module, name)
			if !ok {
				return nil, false
			}
			p, ok := x.(pairExtern)
			if !ok {
				return nil, false
			}
			if first {
				return p.a, true
			}
			return p.b, true
		}
	}
	ia, errA := l.a.Instantiate(ctx, m, info, side(true))
	ib, errB := l.b.Instantiate(ctx, m, info, side(false))
	if err := sameError(errA, errB); err != nil {
		return nil, fmt.Errorf("lockstep: instantiation: %w", err)
	}
	if err := l.compareState(); err != nil {
		return nil, err
	}
	if errA != nil {
		return nil, errA
	}
	return &pairInstance{l: l, a: ia, b: ib}, nil
}

func (l *lockstep) NewHostInstance(h *HostModule) (Instance, error) {
	ia, err := l.a.NewHostInstance(h)
	if err != nil {
		return nil, err
	}
	ib, err := l.b.NewHostInstance(h)
	if err != nil {
		return nil, err
	}
	return &pairInstance{l: l, a: ia, b: ib}, nil
}

func (l *lockstep) Close() error { return errors.Join(l.a.Close(), l.b.Close()) }

func (p *pairInstance) Invoke(ctx context.Context, name string, args []Value) ([]Value, error) {
	ra, errA := p.a.Invoke(ctx, name, args)
	rb, errB := p.b.Invoke(ctx, name, args)
	p.l.stats.Actions++
	if err := sameError(errA, errB); err != nil {
		return nil, fmt.Errorf("lockstep: invoke %q: %w", name, err)
	}
	if errA == nil {
		if len(ra) != len(rb) {
			return nil, fmt.Errorf("lockstep: invoke %q: %d results, %d results", name, len(ra), len(rb))
		}
		for i := range ra {
			if !sameValue(ra[i], rb[i]) {
				return nil, fmt.Errorf("lockstep: invoke %q: result %d: %+v, %+v", name, i, ra[i], rb[i])
			}
		}
	}
	if err := p.l.compareState(); err != nil {
		return nil, fmt.Errorf("lockstep: after invoke %q: %w", name, err)
	}
	return ra, errA
}

func (p *pairInstance) Global(name string) (Value, error) {
	va, errA := p.a.Global(name)
	vb, errB := p.b.Global(name)
	if err := sameError(errA, errB); err != nil {
		return Value{}, fmt.Errorf("lockstep: global %q: %w", name, err)
	}
	if errA == nil && !sameValue(va, vb) {
		return Value{}, fmt.Errorf("lockstep: global %q: %+v, %+v", name, va, vb)
	}
	return va, errA
}

func (p *pairInstance) Export(name string) (Extern, bool) {
	xa, okA := p.a.Export(name)
	xb, okB := p.b.Export(name)
	if !okA || !okB {
		return nil, false
	}
	return pairExtern{xa, xb}, true
}

// sameError reports how a and b differ: one is nil and not the other, or
// traps with different codes, or other errors with different messages.
func sameError(a, b error) error {
	switch {
	case a == nil && b == nil:
		return nil
	case a == nil || b == nil:
		return fmt.Errorf("error %v, error %v", a, b)
	}
	var ta, tb *store.Trap
	if errors.As(a, &ta) && errors.As(b, &tb) {
		if ta.Code != tb.Code {
			return fmt.Errorf("trap %v, trap %v", ta.Code, tb.Code)
		}
		return nil
	}
	if a.Error() != b.Error() {
		return fmt.Errorf("error %q, error %q", a, b)
	}
	return nil
}

// sameValue reports whether a and b are equal, quiet NaNs being one
// class: an arithmetic result may be any quiet NaN when an operand is a
// NaN (canonical when every NaN operand is canonical, which the script's
// own nan:canonical assertions check), and engines may choose
// differently. A v128 compares equal when each 64-bit half is equal, or
// both halves are quiet f64 NaNs, or each 32-bit quarter is equal or a
// quiet f32 NaN in both (the lane shape is not known here).
func sameValue(a, b Value) bool {
	if a.Type != b.Type || a.Null != b.Null {
		return false
	}
	switch a.Type {
	case wasm.F32:
		return uint32(a.Lo) == uint32(b.Lo) || quietNaN32(uint32(a.Lo)) && quietNaN32(uint32(b.Lo))
	case wasm.F64:
		return a.Lo == b.Lo || quietNaN64(a.Lo) && quietNaN64(b.Lo)
	case wasm.V128:
		return sameHalf(a.Lo, b.Lo) && sameHalf(a.Hi, b.Hi)
	}
	return a.Lo == b.Lo && a.Hi == b.Hi
}

func sameHalf(x, y uint64) bool {
	if x == y || quietNaN64(x) && quietNaN64(y) {
		return true
	}
	for _, sh := range []uint{0, 32} {
		p, q := uint32(x>>sh), uint32(y>>sh)
		if p != q && !(quietNaN32(p) && quietNaN32(q)) {
			return false
		}
	}
	return true
}

func quietNaN32(v uint32) bool { return v&0x7fc00000 == 0x7fc00000 }

func quietNaN64(v uint64) bool { return v&0x7ff8000000000000 == 0x7ff8000000000000 }

// compareState compares the memories and globals of every instance and
// host memory of both engines (created in the same order).
func (l *lockstep) compareState() error {
	sa, okA := l.a.(*storeEngine)
	sb, okB := l.b.(*storeEngine)
	if !okA || !okB {
		return fmt.Errorf("lockstep: engines %T and %T are not store-based", l.a, l.b)
	}
	if len(sa.insts) != len(sb.insts) || len(sa.mems) != len(sb.mems) {
		return fmt.Errorf("%d instances and %d host memories, %d and %d", len(sa.insts), len(sa.mems), len(sb.insts), len(sb.mems))
	}
	l.stats.States++
	cmpMem := func(what string, ma, mb *store.Memory) error {
		ba, bb := ma.Bytes(), mb.Bytes()
		l.stats.MemoryBytes += len(ba)
		if len(ba) != len(bb) {
			return fmt.Errorf("%s: %d bytes, %d bytes", what, len(ba), len(bb))
		}
		if !bytes.Equal(ba, bb) {
			for i := range ba {
				if ba[i] != bb[i] {
					return fmt.Errorf("%s: byte %#x: %#x, %#x", what, i, ba[i], bb[i])
				}
			}
		}
		return nil
	}
	for i := range sa.insts {
		ia, ib := sa.insts[i], sb.insts[i]
		for k := range ia.Memories {
			if err := cmpMem(fmt.Sprintf("instance %d memory %d", i, k), ia.Memories[k], ib.Memories[k]); err != nil {
				return err
			}
		}
		for k, g := range ia.Globals {
			h := ib.Globals[k]
			va, vb := slotValue(g.Type.Type, g.Lo, g.Hi), slotValue(h.Type.Type, h.Lo, h.Hi)
			if !sameValue(va, vb) {
				return fmt.Errorf("instance %d global %d: %+v, %+v", i, k, va, vb)
			}
		}
	}
	for i := range sa.mems {
		if err := cmpMem(fmt.Sprintf("host memory %d", i), sa.mems[i], sb.mems[i]); err != nil {
			return err
		}
	}
	return nil
}
