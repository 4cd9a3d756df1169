package interp

import (
	"context"
	"testing"
)

const benchWat = `(module
  (memory 1)
  (func $fib (export "fib") (param i32) (result i32)
    local.get 0
    i32.const 2
    i32.lt_u
    if (result i32)
      local.get 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $fib
      local.get 0
      i32.const 2
      i32.sub
      call $fib
      i32.add
    end)
  (func (export "loop") (param i32) (result i64)
    (local i64)
    block
      loop
        local.get 0
        i32.eqz
        br_if 1
        local.get 1
        local.get 0
        i64.extend_i32_u
        i64.add
        local.set 1
        local.get 0
        i32.const 1
        i32.sub
        local.set 0
        br 0
      end
    end
    local.get 1)
  (func (export "mem") (param i32) (result i32)
    (local i32 i32)
    block
      loop
        local.get 1
        local.get 0
        i32.ge_u
        br_if 1
        local.get 1
        i32.const 4
        i32.mul
        i32.const 65532
        i32.and
        local.tee 2
        local.get 2
        i32.load
        local.get 1
        i32.add
        i32.store
        local.get 1
        i32.const 1
        i32.add
        local.set 1
        br 0
      end
    end
    i32.const 0
    i32.load)
)`

func BenchmarkFib25(b *testing.B) {
	inst := instantiate(b, Config{}, benchWat, nil)
	f := inst.ExportedFunc("fib")
	stack := make([]uint64, 1)
	ctx := context.Background()
	for b.Loop() {
		stack[0] = 25
		if err := f.Call(ctx, stack); err != nil {
			b.Fatal(err)
		}
	}
	if stack[0] != 75025 {
		b.Fatalf("fib(25) = %d", stack[0])
	}
}

func BenchmarkLoop1M(b *testing.B) {
	inst := instantiate(b, Config{}, benchWat, nil)
	f := inst.ExportedFunc("loop")
	stack := make([]uint64, 1)
	ctx := context.Background()
	for b.Loop() {
		stack[0] = 1_000_000
		if err := f.Call(ctx, stack); err != nil {
			b.Fatal(err)
		}
	}
	if stack[0] != 500000500000 {
		b.Fatalf("loop = %d", stack[0])
	}
}

func BenchmarkMem1M(b *testing.B) {
	inst := instantiate(b, Config{}, benchWat, nil)
	f := inst.ExportedFunc("mem")
	stack := make([]uint64, 1)
	ctx := context.Background()
	for b.Loop() {
		stack[0] = 1_000_000
		if err := f.Call(ctx, stack); err != nil {
			b.Fatal(err)
		}
	}
}
