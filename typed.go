package wasmrun

import (
	"context"
	"math"
	"reflect"

	"github.com/wasmrun/wasmrun/wasm"
)

// Value is a Go type that stands for a Wasm number type in the typed
// host-function helpers: int32 and uint32 are i32, int64 and uint64 are
// i64, float32 is f32 and float64 is f64 (named types with those
// underlying types too).
type Value interface {
	~int32 | ~uint32 | ~int64 | ~uint64 | ~float32 | ~float64
}

// codec converts between a Value type and its slot. It is chosen once,
// when the function is added (with reflection); calls only run its
// functions.
type codec[T Value] struct {
	typ wasm.ValType
	dec func(uint64) T
	enc func(T) uint64
}

func codecOf[T Value]() codec[T] {
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Int32:
		return codec[T]{wasm.I32, func(s uint64) T { return T(int32(uint32(s))) }, func(v T) uint64 { return uint64(uint32(int32(v))) }}
	case reflect.Uint32:
		return codec[T]{wasm.I32, func(s uint64) T { return T(uint32(s)) }, func(v T) uint64 { return uint64(uint32(v)) }}
	case reflect.Int64:
		return codec[T]{wasm.I64, func(s uint64) T { return T(int64(s)) }, func(v T) uint64 { return uint64(int64(v)) }}
	case reflect.Uint64:
		return codec[T]{wasm.I64, func(s uint64) T { return T(s) }, func(v T) uint64 { return uint64(v) }}
	case reflect.Float32:
		return codec[T]{wasm.F32, func(s uint64) T { return T(math.Float32frombits(uint32(s))) },
			func(v T) uint64 { return uint64(math.Float32bits(float32(v))) }}
	default: // float64: the constraint allows nothing else
		return codec[T]{wasm.F64, func(s uint64) T { return T(math.Float64frombits(s)) },
			func(v T) uint64 { return math.Float64bits(float64(v)) }}
	}
}

func types(ts ...wasm.ValType) []wasm.ValType { return ts }

// Func0 adds to b a host function of no parameters and one result, typed
// by R. Like every typed helper it decodes and encodes the slots with
// conversions chosen when it is added: calls allocate nothing and use no
// reflection.
func Func0[R Value](b *HostModuleBuilder, name string, fn func(context.Context, *Caller) R) *HostModuleBuilder {
	r := codecOf[R]()
	return b.Func(name, nil, types(r.typ), func(ctx context.Context, c *Caller, s []uint64) {
		s[0] = r.enc(fn(ctx, c))
	})
}

// Func1 adds to b a host function of one parameter and one result.
func Func1[P1, R Value](b *HostModuleBuilder, name string, fn func(context.Context, *Caller, P1) R) *HostModuleBuilder {
	p1, r := codecOf[P1](), codecOf[R]()
	return b.Func(name, types(p1.typ), types(r.typ), func(ctx context.Context, c *Caller, s []uint64) {
		s[0] = r.enc(fn(ctx, c, p1.dec(s[0])))
	})
}

// Func2 adds to b a host function of two parameters and one result.
func Func2[P1, P2, R Value](b *HostModuleBuilder, name string, fn func(context.Context, *Caller, P1, P2) R) *HostModuleBuilder {
	p1, p2, r := codecOf[P1](), codecOf[P2](), codecOf[R]()
	return b.Func(name, types(p1.typ, p2.typ), types(r.typ), func(ctx context.Context, c *Caller, s []uint64) {
		s[0] = r.enc(fn(ctx, c, p1.dec(s[0]), p2.dec(s[1])))
	})
}

// Func3 adds to b a host function of three parameters and one result.
func Func3[P1, P2, P3, R Value](b *HostModuleBuilder, name string, fn func(context.Context, *Caller, P1, P2, P3) R) *HostModuleBuilder {
	p1, p2, p3, r := codecOf[P1](), codecOf[P2](), codecOf[P3](), codecOf[R]()
	return b.Func(name, types(p1.typ, p2.typ, p3.typ), types(r.typ), func(ctx context.Context, c *Caller, s []uint64) {
		s[0] = r.enc(fn(ctx, c, p1.dec(s[0]), p2.dec(s[1]), p3.dec(s[2])))
	})
}

// Proc1 adds to b a host function of one parameter and no result.
func Proc1[P1 Value](b *HostModuleBuilder, name string, fn func(context.Context, *Caller, P1)) *HostModuleBuilder {
	p1 := codecOf[P1]()
	return b.Func(name, types(p1.typ), nil, func(ctx context.Context, c *Caller, s []uint64) {
		fn(ctx, c, p1.dec(s[0]))
	})
}

// Proc2 adds to b a host function of two parameters and no result.
func Proc2[P1, P2 Value](b *HostModuleBuilder, name string, fn func(context.Context, *Caller, P1, P2)) *HostModuleBuilder {
	p1, p2 := codecOf[P1](), codecOf[P2]()
	return b.Func(name, types(p1.typ, p2.typ), nil, func(ctx context.Context, c *Caller, s []uint64) {
		fn(ctx, c, p1.dec(s[0]), p2.dec(s[1]))
	})
}
