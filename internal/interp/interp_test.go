package interp

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

func f32b(f float32) uint64 { return uint64(math.Float32bits(f)) }
func f64b(f float64) uint64 { return math.Float64bits(f) }

// opFunc returns a module exporting "f" = op applied to its parameters.
func opFunc(op string, params []string, result string) string {
	var ps, gets strings.Builder
	for i, p := range params {
		fmt.Fprintf(&ps, " %s", p)
		fmt.Fprintf(&gets, " (local.get %d)", i)
	}
	return fmt.Sprintf(`(module (func (export "f") (param%s) (result %s) (%s%s)))`, ps.String(), result, op, gets.String())
}

func TestNumericSemantics(t *testing.T) {
	nan32 := uint64(0x7fc00000)
	snan32 := uint64(0x7fa00001)
	tests := []struct {
		name   string
		op     string
		params []string
		result string
		args   []uint64
		want   uint64
		trap   store.TrapCode
		isNaN  bool // want any NaN with the quiet bit set
	}{
		{"i32.add wraps", "i32.add", []string{"i32", "i32"}, "i32", []uint64{0xFFFFFFFF, 2}, 1, 0, false},
		{"i32.div_s overflow", "i32.div_s", []string{"i32", "i32"}, "i32", []uint64{0x80000000, 0xFFFFFFFF}, 0, store.TrapIntegerOverflow, false},
		{"i32.div_s by zero", "i32.div_s", []string{"i32", "i32"}, "i32", []uint64{1, 0}, 0, store.TrapIntegerDivideByZero, false},
		{"i32.div_s truncates", "i32.div_s", []string{"i32", "i32"}, "i32", []uint64{uint64(uint32(0xFFFFFFF9)), 2}, uint64(uint32(0xFFFFFFFD)), 0, false},
		{"i32.rem_s min by -1", "i32.rem_s", []string{"i32", "i32"}, "i32", []uint64{0x80000000, 0xFFFFFFFF}, 0, 0, false},
		{"i32.rem_s sign of dividend", "i32.rem_s", []string{"i32", "i32"}, "i32", []uint64{uint64(uint32(0xFFFFFFF9)), 2}, 0xFFFFFFFF, 0, false},
		{"i32.rem_u by zero", "i32.rem_u", []string{"i32", "i32"}, "i32", []uint64{1, 0}, 0, store.TrapIntegerDivideByZero, false},
		{"i64.div_s overflow", "i64.div_s", []string{"i64", "i64"}, "i64", []uint64{1 << 63, math.MaxUint64}, 0, store.TrapIntegerOverflow, false},
		{"i64.div_u big", "i64.div_u", []string{"i64", "i64"}, "i64", []uint64{math.MaxUint64, 2}, math.MaxUint64 / 2, 0, false},
		{"i32.shl masks count", "i32.shl", []string{"i32", "i32"}, "i32", []uint64{1, 33}, 2, 0, false},
		{"i32.shr_s", "i32.shr_s", []string{"i32", "i32"}, "i32", []uint64{0x80000000, 31}, 0xFFFFFFFF, 0, false},
		{"i64.shr_u masks count", "i64.shr_u", []string{"i64", "i64"}, "i64", []uint64{1 << 63, 127}, 1, 0, false},
		{"i32.rotl", "i32.rotl", []string{"i32", "i32"}, "i32", []uint64{0x80000001, 1}, 3, 0, false},
		{"i64.rotr", "i64.rotr", []string{"i64", "i64"}, "i64", []uint64{1, 65}, 1 << 63, 0, false},
		{"i32.clz zero", "i32.clz", []string{"i32"}, "i32", []uint64{0}, 32, 0, false},
		{"i64.ctz zero", "i64.ctz", []string{"i64"}, "i64", []uint64{0}, 64, 0, false},
		{"i64.popcnt", "i64.popcnt", []string{"i64"}, "i64", []uint64{math.MaxUint64}, 64, 0, false},
		{"i32.extend8_s", "i32.extend8_s", []string{"i32"}, "i32", []uint64{0x80}, 0xFFFFFF80, 0, false},
		{"i64.extend32_s", "i64.extend32_s", []string{"i64"}, "i64", []uint64{0x80000000}, 0xFFFFFFFF80000000, 0, false},
		{"i64.extend_i32_u", "i64.extend_i32_u", []string{"i32"}, "i64", []uint64{0xFFFFFFFF}, 0xFFFFFFFF, 0, false},
		{"i32.wrap_i64", "i32.wrap_i64", []string{"i64"}, "i32", []uint64{0x1_0000_0005}, 5, 0, false},
		{"f32.min -0 +0", "f32.min", []string{"f32", "f32"}, "f32", []uint64{f32b(0), 0x80000000}, 0x80000000, 0, false},
		{"f32.max -0 +0", "f32.max", []string{"f32", "f32"}, "f32", []uint64{0x80000000, f32b(0)}, 0, 0, false},
		{"f64.min -0 +0", "f64.min", []string{"f64", "f64"}, "f64", []uint64{f64b(0), 1 << 63}, 1 << 63, 0, false},
		{"f32.min NaN", "f32.min", []string{"f32", "f32"}, "f32", []uint64{f32b(1), snan32}, 0, 0, true},
		{"f64.max NaN", "f64.max", []string{"f64", "f64"}, "f64", []uint64{0x7ff0000000000001, f64b(1)}, 0, 0, true},
		{"f32.add NaN", "f32.add", []string{"f32", "f32"}, "f32", []uint64{nan32, f32b(1)}, 0, 0, true},
		{"f32.nearest half even", "f32.nearest", []string{"f32"}, "f32", []uint64{f32b(2.5)}, f32b(2), 0, false},
		{"f32.nearest -0.5", "f32.nearest", []string{"f32"}, "f32", []uint64{f32b(-0.5)}, 0x80000000, 0, false},
		{"f64.nearest 3.5", "f64.nearest", []string{"f64"}, "f64", []uint64{f64b(3.5)}, f64b(4), 0, false},
		{"f64.ceil -0.5", "f64.ceil", []string{"f64"}, "f64", []uint64{f64b(-0.5)}, 1 << 63, 0, false},
		{"f32.sqrt NaN", "f32.sqrt", []string{"f32"}, "f32", []uint64{snan32}, 0, 0, true},
		{"f32.sqrt -1", "f32.sqrt", []string{"f32"}, "f32", []uint64{f32b(-1)}, 0, 0, true},
		{"f32.neg keeps NaN payload", "f32.neg", []string{"f32"}, "f32", []uint64{snan32}, snan32 | 0x80000000, 0, false},
		{"f64.abs", "f64.abs", []string{"f64"}, "f64", []uint64{f64b(-2)}, f64b(2), 0, false},
		{"f32.copysign", "f32.copysign", []string{"f32", "f32"}, "f32", []uint64{f32b(3), 0x80000000}, f32b(-3), 0, false},
		{"i32.trunc_f32_s NaN", "i32.trunc_f32_s", []string{"f32"}, "i32", []uint64{nan32}, 0, store.TrapInvalidConversion, false},
		{"i32.trunc_f32_s overflow", "i32.trunc_f32_s", []string{"f32"}, "i32", []uint64{f32b(3e9)}, 0, store.TrapIntegerOverflow, false},
		{"i32.trunc_f64_s low edge", "i32.trunc_f64_s", []string{"f64"}, "i32", []uint64{f64b(-2147483648.9)}, 0x80000000, 0, false},
		{"i32.trunc_f64_s below", "i32.trunc_f64_s", []string{"f64"}, "i32", []uint64{f64b(-2147483649)}, 0, store.TrapIntegerOverflow, false},
		{"i32.trunc_f64_u -0.9", "i32.trunc_f64_u", []string{"f64"}, "i32", []uint64{f64b(-0.9)}, 0, 0, false},
		{"i64.trunc_f64_u 2^64", "i64.trunc_f64_u", []string{"f64"}, "i64", []uint64{f64b(18446744073709551616)}, 0, store.TrapIntegerOverflow, false},
		{"i64.trunc_f64_u big", "i64.trunc_f64_u", []string{"f64"}, "i64", []uint64{f64b(18446744073709549568)}, 18446744073709549568, 0, false},
		{"i64.trunc_f32_s -2^63", "i64.trunc_f32_s", []string{"f32"}, "i64", []uint64{f32b(-9223372036854775808)}, 1 << 63, 0, false},
		{"i32.trunc_sat_f32_s NaN", "i32.trunc_sat_f32_s", []string{"f32"}, "i32", []uint64{nan32}, 0, 0, false},
		{"i32.trunc_sat_f32_s +inf", "i32.trunc_sat_f32_s", []string{"f32"}, "i32", []uint64{f32b(float32(math.Inf(1)))}, math.MaxInt32, 0, false},
		{"i32.trunc_sat_f32_s -inf", "i32.trunc_sat_f32_s", []string{"f32"}, "i32", []uint64{f32b(float32(math.Inf(-1)))}, 0x80000000, 0, false},
		{"i64.trunc_sat_f64_u negative", "i64.trunc_sat_f64_u", []string{"f64"}, "i64", []uint64{f64b(-1.5)}, 0, 0, false},
		{"i64.trunc_sat_f64_u huge", "i64.trunc_sat_f64_u", []string{"f64"}, "i64", []uint64{f64b(1e20)}, math.MaxUint64, 0, false},
		{"i64.trunc_sat_f64_s huge", "i64.trunc_sat_f64_s", []string{"f64"}, "i64", []uint64{f64b(1e19)}, math.MaxInt64, 0, false},
		{"f32.convert_i64_u max", "f32.convert_i64_u", []string{"i64"}, "f32", []uint64{math.MaxUint64}, 0x5f800000, 0, false},
		{"f32.convert_i64_s rounding", "f32.convert_i64_s", []string{"i64"}, "f32", []uint64{0x20000020000001}, f32b(9007200328482816), 0, false},
		{"f64.convert_i64_u max", "f64.convert_i64_u", []string{"i64"}, "f64", []uint64{math.MaxUint64}, f64b(18446744073709551616), 0, false},
		{"f32.convert_i32_u", "f32.convert_i32_u", []string{"i32"}, "f32", []uint64{0xFFFFFFFF}, f32b(4294967296), 0, false},
		{"f32.demote_f64 NaN", "f32.demote_f64", []string{"f64"}, "f32", []uint64{0x7ff4000000000000}, 0, 0, true},
		{"f64.promote_f32", "f64.promote_f32", []string{"f32"}, "f64", []uint64{f32b(1.5)}, f64b(1.5), 0, false},
		{"f32.eq NaN", "f32.eq", []string{"f32", "f32"}, "i32", []uint64{nan32, nan32}, 0, 0, false},
		{"f64.ne NaN", "f64.ne", []string{"f64", "f64"}, "i32", []uint64{0x7ff8000000000000, 0x7ff8000000000000}, 1, 0, false},
		{"i32.lt_s", "i32.lt_s", []string{"i32", "i32"}, "i32", []uint64{0xFFFFFFFF, 0}, 1, 0, false},
		{"i64.ge_u", "i64.ge_u", []string{"i64", "i64"}, "i32", []uint64{1 << 63, 1}, 1, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inst := instantiate(t, Config{}, opFunc(tc.op, tc.params, tc.result), nil)
			got, err := call(t, inst, "f", tc.args...)
			if tc.trap != 0 {
				var tr *store.Trap
				if !errors.As(err, &tr) || tr.Code != tc.trap {
					t.Fatalf("got %v, %v; want trap %q", got, err, tc.trap)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.isNaN {
				switch tc.result {
				case "f32":
					if b := uint32(got[0]); !isNaN32(b) || b&f32Quiet == 0 {
						t.Fatalf("got %#x, want a quiet f32 NaN", b)
					}
				case "f64":
					if !isNaN64(got[0]) || got[0]&f64Quiet == 0 {
						t.Fatalf("got %#x, want a quiet f64 NaN", got[0])
					}
				}
				return
			}
			if got[0] != tc.want {
				t.Fatalf("got %#x, want %#x", got[0], tc.want)
			}
		})
	}
}

func TestTranslate(t *testing.T) {
	// local.get emits nothing, local.set rewrites the producer's result
	// slot, the comparison fuses with br_if, constants become immediates
	// (and leave the pool) or live in slots after the locals.
	const wat = `(module (func (export "f") (param i32 i32) (result i32)
	  block
	    local.get 0
	    local.get 1
	    i32.lt_s
	    br_if 0
	    local.get 0
	    i32.const 7
	    i32.mul
	    i32.const 5
	    i32.add
	    local.set 1
	  end
	  local.get 1))`
	inst := instantiate(t, Config{}, wat, nil)
	fc := inst.ExportedFunc("f").Code.(*funcCode)
	want := []string{
		"br_i32.lt_s r=0 x=0 y=1 z=0 k=3",
		"i32.mul r=3 x=0 y=2 z=0 k=0",
		"i32.add_imm r=1 x=3 y=0 z=0 k=5",
		"return1 r=0 x=1 y=0 z=0 k=0",
		"unreachable r=0 x=0 y=0 z=0 k=0", // sentinel
	}
	var got []string
	for _, in := range fc.code {
		got = append(got, in.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IR mismatch (-want +got):\n%s\n%s", diff, fc.dump())
	}
	if diff := cmp.Diff([]uint64{7}, fc.consts); diff != "" {
		t.Errorf("consts (-want +got):\n%s", diff)
	}
	for _, args := range [][2]uint64{{1, 2}, {5, 2}} {
		res, err := call(t, inst, "f", args[0], args[1])
		if err != nil {
			t.Fatal(err)
		}
		want := args[1]
		if int32(args[0]) >= int32(args[1]) {
			want = args[0]*7 + 5
		}
		if res[0] != want {
			t.Errorf("f(%d, %d) = %d, want %d", args[0], args[1], res[0], want)
		}
	}
}

// TestLocalPreservation checks that a local read onto the stack keeps its
// old value when the local is overwritten before the read is consumed.
func TestLocalPreservation(t *testing.T) {
	const wat = `(module (func (export "f") (param i32) (result i32 i32)
	  local.get 0
	  local.get 0
	  i32.const 10
	  i32.add
	  local.set 0
	  local.get 0)
	(func (export "swap") (param i32 i32) (result i32 i32)
	  local.get 1
	  local.get 0))`
	inst := instantiate(t, Config{}, wat, nil)
	got, err := call(t, inst, "f", 5)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]uint64{5, 15}, got); diff != "" {
		t.Errorf("f(5) (-want +got):\n%s", diff)
	}
	got, err = call(t, inst, "swap", 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]uint64{2, 1}, got); diff != "" {
		t.Errorf("swap(1, 2) (-want +got):\n%s", diff)
	}
}

func TestTrapBacktrace(t *testing.T) {
	const wat = `(module
	  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
	  (func $outer (export "outer") (param i32) (result i32) (call $inner (local.get 0))))`
	m, err := text.ParseModule([]byte(wat))
	if err != nil {
		t.Fatal(err)
	}
	m.Names = &wasm.Names{Module: "m", Funcs: map[uint32]string{0: "inner", 1: "outer"}}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := store.Compile(New(Config{}), m, info)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := store.New(store.Config{}).Instantiate(context.Background(), mod, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	_, err = call(t, inst, "outer", 0)
	var tr *store.Trap
	if !errors.As(err, &tr) {
		t.Fatalf("got %v, want a trap", err)
	}
	want := &store.Trap{Code: store.TrapIntegerDivideByZero, Frames: []store.Frame{
		{Module: "m", Func: 0, Name: "inner"}, {Module: "m", Func: 1, Name: "outer"}}}
	if diff := cmp.Diff(want, tr); diff != "" {
		t.Errorf("trap (-want +got):\n%s", diff)
	}
	if msg := tr.Error(); !strings.HasPrefix(msg, "integer divide by zero\n") || !strings.Contains(msg, "m!outer") {
		t.Errorf("message %q", msg)
	}
}

func TestCallStackExhausted(t *testing.T) {
	const wat = `(module (func $f (export "f") (param i64) (result i64)
	  (i64.add (call $f (local.get 0)) (i64.const 1))))`
	for _, cfg := range []Config{{}, {MaxFrames: 100}, {MaxStackSlots: 1000}} {
		inst := instantiate(t, cfg, wat, nil)
		_, err := call(t, inst, "f", 0)
		var tr *store.Trap
		if !errors.As(err, &tr) || tr.Code != store.TrapCallStackExhausted {
			t.Fatalf("config %+v: got %v, want call stack exhausted", cfg, err)
		}
	}
}

const spinWat = `(module (func (export "spin") (loop $l (br $l))))`

func TestCancel(t *testing.T) {
	inst := instantiate(t, Config{}, spinWat, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := inst.ExportedFunc("spin").Call(ctx, nil)
	var tr *store.Trap
	if !errors.As(err, &tr) || tr.Code != store.TrapCancelled || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want a cancelled trap wrapping the deadline", err)
	}
}

func TestFuel(t *testing.T) {
	inst := instantiate(t, Config{Fuel: 100_000}, spinWat, nil)
	err := inst.ExportedFunc("spin").Call(context.Background(), nil)
	var tr *store.Trap
	if !errors.As(err, &tr) || tr.Code != store.TrapOutOfFuel {
		t.Fatalf("got %v, want out of fuel", err)
	}
	const counted = `(module (func (export "n") (param i32) (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))))`
	inst = instantiate(t, Config{Fuel: 1000}, counted, nil)
	if _, err := call(t, inst, "n", 500); err != nil {
		t.Errorf("500 iterations with 1000 fuel: %v", err)
	}
	if _, err := call(t, inst, "n", 5000); !errors.As(err, &tr) || tr.Code != store.TrapOutOfFuel {
		t.Errorf("5000 iterations with 1000 fuel: got %v, want out of fuel", err)
	}
}

func TestHostCallSeesCallerMemory(t *testing.T) {
	st := store.New(store.Config{})
	ft := wasm.FuncType{Params: []wasm.ValType{wasm.I32}, Results: []wasm.ValType{wasm.I32}}
	host := st.NewHostFunc(ft, "peek", func(ctx context.Context, c *store.Caller, stack []uint64) {
		stack[0] = uint64(c.Memory().Bytes()[stack[0]]) * 2
	})
	st.Register("env", st.NewHostInstance(map[string]store.Extern{"peek": {Kind: wasm.ExternFunc, Func: host}}))
	const wat = `(module (import "env" "peek" (func $peek (param i32) (result i32)))
	  (memory 1) (data (i32.const 3) "\15")
	  (func (export "f") (result i32) (i32.add (call $peek (i32.const 3)) (i32.const 1))))`
	inst, err := instantiateIn(st, Config{}, wat, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	got, err := call(t, inst, "f")
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != 0x15*2+1 {
		t.Errorf("f() = %d, want %d", got[0], 0x15*2+1)
	}
}

func TestHostPanicBecomesError(t *testing.T) {
	st := store.New(store.Config{})
	boom := errors.New("boom")
	host := st.NewHostFunc(wasm.FuncType{}, "fail", func(context.Context, *store.Caller, []uint64) { panic(boom) })
	st.Register("env", st.NewHostInstance(map[string]store.Extern{"fail": {Kind: wasm.ExternFunc, Func: host}}))
	inst, err := instantiateIn(st, Config{}, `(module (import "env" "fail" (func $f)) (func (export "f") (call $f)))`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := call(t, inst, "f"); !errors.Is(err, boom) {
		t.Errorf("got %v, want the host's error", err)
	}
}

func TestMemoryGrowKeepsBase(t *testing.T) {
	const wat = `(module (memory (export "mem") 1)
	  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
	  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
	  (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))`
	inst := instantiate(t, Config{}, wat, nil)
	mem := inst.Memories[0]
	before := mem.Bytes()
	if _, err := call(t, inst, "store", 100, 0xABCD); err != nil {
		t.Fatal(err)
	}
	got, err := call(t, inst, "grow", 3)
	if err != nil || got[0] != 1 {
		t.Fatalf("grow(3) = %v, %v; want 1", got, err)
	}
	after := mem.Bytes()
	if &before[0] != &after[0] || len(after) != 4*wasm.PageSize {
		t.Fatalf("base moved or wrong size: %p/%p len %d", &before[0], &after[0], len(after))
	}
	if _, err := call(t, inst, "store", 3*wasm.PageSize+8, 7); err != nil {
		t.Fatal(err)
	}
	if after[3*wasm.PageSize+8] != 7 || before[100] != 0xCD {
		t.Error("writes not visible through Bytes")
	}
	if _, err := call(t, inst, "load", 4*wasm.PageSize-3); err == nil {
		t.Error("load across the end did not trap")
	}
	got, _ = call(t, inst, "grow", 65536)
	if got[0] != math.MaxUint32 {
		t.Errorf("grow past the maximum = %d, want -1", int32(got[0]))
	}
}

func TestConcurrentInstances(t *testing.T) {
	// One compiled module, many stores and instances on goroutines.
	m, err := text.ParseModule([]byte(benchWat))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := store.Compile(New(Config{}), m, info)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			inst, err := store.New(store.Config{}).Instantiate(context.Background(), mod, nil)
			if err != nil {
				errs <- err
				return
			}
			defer inst.Close()
			stack := make([]uint64, 1)
			for i := 0; i < 20; i++ {
				stack[0] = uint64(15 + g%3)
				if err := inst.ExportedFunc("fib").Call(context.Background(), stack); err != nil {
					errs <- err
					return
				}
				want := []uint64{610, 987, 1597}[g%3]
				if stack[0] != want {
					errs <- fmt.Errorf("fib = %d, want %d", stack[0], want)
					return
				}
				stack[0] = 1000
				if err := inst.ExportedFunc("mem").Call(context.Background(), stack); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestNoAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops pooled vms at random under the race detector")
	}
	inst := instantiate(t, Config{}, benchWat, nil)
	ctx := context.Background()
	stack := make([]uint64, 1)
	for _, tc := range []struct {
		name string
		arg  uint64
	}{{"fib", 15}, {"loop", 1000}, {"mem", 1000}} {
		f := inst.ExportedFunc(tc.name)
		f.Call(ctx, stack) // warm the vm pool
		allocs := testing.AllocsPerRun(50, func() {
			stack[0] = tc.arg
			if err := f.Call(ctx, stack); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations per call, want 0", tc.name, allocs)
		}
	}
}

func TestCompileInvalidBodyFails(t *testing.T) {
	// Bodies that skipped validation: unknown local, type index and
	// function, truncated code. Compile must fail, not panic.
	bodies := [][]byte{
		{0x20, 0x05, 0x0B},       // local.get 5
		{0x02, 0x7F, 0x0B},       // block (result i32) end: stack underflow at end
		{0x10, 0x09, 0x0B},       // call 9
		{0x41},                   // truncated i32.const
		{0x6A, 0x0B},             // i32.add on an empty stack
		{0x02, 0x09, 0x0B, 0x0B}, // block with type index 9
	}
	for _, b := range bodies {
		m := &wasm.Module{Types: []wasm.FuncType{{}}, Funcs: []uint32{0}, Code: []wasm.Code{{Body: b}}}
		if _, err := New(Config{}).Compile(m, nil); err == nil {
			t.Errorf("body % x compiled", b)
		}
	}
}

func TestParallelCompile(t *testing.T) {
	// Enough functions to compile on several goroutines; each must get
	// its own code.
	var b strings.Builder
	b.WriteString("(module")
	const n = 300
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, ` (func (export "f%d") (param i32) (result i32) (i32.add (local.get 0) (i32.const %d)))`, i, i*3)
	}
	b.WriteString(")")
	inst := instantiate(t, Config{}, b.String(), nil)
	for i := 0; i < n; i++ {
		got, err := call(t, inst, fmt.Sprintf("f%d", i), 1)
		if err != nil || got[0] != uint64(1+i*3) {
			t.Fatalf("f%d(1) = %v, %v; want %d", i, got, err, 1+i*3)
		}
	}
}

// TestGrowInCallee checks that a caller sees memory grown by its callee
// (same instance) and by a host function.
func TestGrowInCallee(t *testing.T) {
	st := store.New(store.Config{})
	host := st.NewHostFunc(wasm.FuncType{}, "grow", func(_ context.Context, c *store.Caller, _ []uint64) {
		c.Memory().Grow(1)
	})
	st.Register("env", st.NewHostInstance(map[string]store.Extern{"grow": {Kind: wasm.ExternFunc, Func: host}}))
	const wat = `(module (import "env" "grow" (func $hgrow)) (memory 1)
	  (func $grow (drop (memory.grow (i32.const 1))))
	  (func (export "f") (result i32)
	    (call $grow)
	    (i32.store (i32.const 65536) (i32.const 7))
	    (call $hgrow)
	    (i32.store (i32.const 131072) (i32.const 8))
	    (i32.add (i32.load (i32.const 65536)) (i32.load (i32.const 131072)))))`
	inst, err := instantiateIn(st, Config{}, wat, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	got, err := call(t, inst, "f")
	if err != nil || got[0] != 15 {
		t.Fatalf("f() = %v, %v; want 15", got, err)
	}
}

// TestTranslateLinear feeds bodies that made naive translators quadratic:
// many references to a local deep in the stack, overwritten again and
// again, and blocks opened above them.
func TestTranslateLinear(t *testing.T) {
	const n = 100_000
	var body []byte
	for i := 0; i < n; i++ {
		body = binary.AppendOp(body, wasm.OpLocalGet)
		body = binary.AppendU32(body, 0)
	}
	for i := 0; i < n; i++ {
		body = binary.AppendOp(body, wasm.OpI32Const)
		body = binary.AppendS32(body, int32(i))
		body = binary.AppendOp(body, wasm.OpLocalSet)
		body = binary.AppendU32(body, 0)
		body = binary.AppendOp(body, wasm.OpBlock)
		body = append(body, 0x40)
		body = binary.AppendOp(body, wasm.OpEnd)
	}
	for i := 0; i < n; i++ {
		body = binary.AppendOp(body, wasm.OpDrop)
	}
	body = binary.AppendOp(body, wasm.OpEnd)
	m := &wasm.Module{Types: []wasm.FuncType{{}}, Funcs: []uint32{0},
		Code: []wasm.Code{{Locals: []wasm.LocalDecl{{Count: 1, Type: wasm.I32}}, Body: body}}}
	start := time.Now()
	mc, err := New(Config{}).Compile(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("translation took %v", d)
	}
	// One copy per reference (preserving the old value once), one move
	// per constant store: linear code.
	if got := len(mc.(*Module).funcs[0].code); got > 3*n {
		t.Errorf("%d instructions for %d references", got, n)
	}
}

// TestCallResultIntoLocal checks the call that stores its result straight
// into a local (local.set/tee after call), next to the cases that must
// keep an explicit move.
func TestCallResultIntoLocal(t *testing.T) {
	st := store.New(store.Config{})
	ft := wasm.FuncType{Params: []wasm.ValType{wasm.I32}, Results: []wasm.ValType{wasm.I32}}
	host := st.NewHostFunc(ft, "triple", func(_ context.Context, _ *store.Caller, s []uint64) { s[0] = uint64(uint32(s[0]) * 3) })
	st.Register("env", st.NewHostInstance(map[string]store.Extern{"triple": {Kind: wasm.ExternFunc, Func: host}}))
	const wat = `(module (import "env" "triple" (func $triple (param i32) (result i32)))
	  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
	  (func (export "f") (param i32) (result i32) (local i32 i32)
	    (local.set 1 (call $inc (local.get 0)))          ;; fused
	    (local.set 2 (call $triple (local.get 1)))       ;; fused, host
	    local.get 1                                      ;; old value of 1 stays on the stack
	    (local.set 1 (call $inc (local.get 2)))          ;; must preserve it first
	    (local.tee 2 (call $inc (local.get 1)))          ;; tee
	    i32.add
	    local.get 2
	    i32.const 1000
	    i32.mul
	    i32.add))`
	inst, err := instantiateIn(st, Config{}, wat, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	// x=4: l1=5, l2=15, stack 5, l1=16, l2=17 → 5+17+17000.
	got, err := call(t, inst, "f", 4)
	if err != nil || got[0] != 5+17+17000 {
		t.Fatalf("f(4) = %v, %v; want %d", got, err, 5+17+17000)
	}
	fc := inst.ExportedFunc("f").Code.(*funcCode)
	fused := 0
	for _, in := range fc.code {
		if in.op == opCall && in.r != 0 {
			fused++
		}
	}
	if fused != 3 {
		t.Errorf("%d calls store their result into a local, want 3:\n%s", fused, fc.dump())
	}
}

// Tail calls reuse the frame: ten million tail-recursive calls run with
// the call depth of one (the default limit is 65,536 frames), and a tail
// call through a table to a host function, which cannot replace the
// frame, returns its results.
func TestTailCalls(t *testing.T) {
	st := store.New(store.Config{})
	ft := wasm.FuncType{Params: []wasm.ValType{wasm.I64}, Results: []wasm.ValType{wasm.I64}}
	host := st.NewHostFunc(ft, "double", func(_ context.Context, _ *store.Caller, s []uint64) { s[0] *= 2 })
	st.Register("env", st.NewHostInstance(map[string]store.Extern{"double": {Kind: wasm.ExternFunc, Func: host}}))
	const wat = `(module
	  (import "env" "double" (func $double (param i64) (result i64)))
	  (type $t (func (param i64) (result i64)))
	  (table 2 funcref) (elem (i32.const 0) $double $even)
	  (func $sum (export "sum") (param i64 i64) (result i64)
	    (if (i64.eqz (local.get 0)) (then (return (local.get 1))))
	    (return_call $sum (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (local.get 0))))
	  (func $even (param i64) (result i64)
	    (if (i64.eqz (local.get 0)) (then (return (i64.const 1))))
	    (return_call $odd (i64.sub (local.get 0) (i64.const 1))))
	  (func $odd (param i64) (result i64) (local i64 i64 i64)
	    (if (i64.eqz (local.get 0)) (then (return (i64.const 0))))
	    (return_call_indirect (type $t) (i64.sub (local.get 0) (i64.const 1)) (i32.const 1)))
	  (func (export "even") (param i64) (result i64) (call $even (local.get 0)))
	  (func (export "host") (param i64) (result i64)
	    (i64.add (i64.const 1) (call $via (local.get 0))))
	  (func $via (param i64) (result i64)
	    (return_call_indirect (type $t) (local.get 0) (i32.const 0))))`
	inst, err := instantiateIn(st, Config{}, wat, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	for _, tc := range []struct {
		f    string
		args []uint64
		want uint64
	}{
		{"sum", []uint64{10_000_000, 0}, 10_000_000 * 10_000_001 / 2},
		{"even", []uint64{1_000_001}, 0},
		{"even", []uint64{1_000_000}, 1},
		{"host", []uint64{21}, 43},
	} {
		got, err := call(t, inst, tc.f, tc.args...)
		if err != nil || got[0] != tc.want {
			t.Errorf("%s%v = %v, %v; want %d", tc.f, tc.args, got, err, tc.want)
		}
	}
}
