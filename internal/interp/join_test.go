package interp

import (
	"context"
	"testing"
	"time"
)

// TestJoinValuesKeepEveryProducer covers the rule in soleProducer: a
// value that reaches a branch target (a block or if end, an else arm, a
// loop start, a br_table stub) has several producers, so neither
// local.set/tee may redirect the fall-through producer's result into the
// local nor a branch absorb the comparison that produced it. Each module
// has a value with a producer on the fall-through path and another one on
// a branch, consumed right after the join.
func TestJoinValuesKeepEveryProducer(t *testing.T) {
	const helpers = `
	  (func $seven (result i32) i32.const 7)
	  (func $pair (result i32 i32) i32.const 3 i32.const 4)
	  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))`
	tests := []struct {
		name string
		body string // the module's other fields: exports "f" (param i32) (result i32)
		want map[uint64]uint64
	}{{
		name: "block result from call and br, then local.tee",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  block (result i32)
		    local.get 0
		    if
		      i32.const 52
		      br 1
		    end
		    call $seven
		  end
		  local.tee 1)`,
		want: map[uint64]uint64{0: 7, 1: 52},
	}, {
		name: "block result from call and br_if, then local.set",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  block (result i32)
		    i32.const 40
		    local.get 0
		    br_if 0
		    drop
		    call $seven
		  end
		  local.set 1
		  local.get 1)`,
		want: map[uint64]uint64{0: 7, 1: 40},
	}, {
		name: "block result from add and br_if with the value in place",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  block (result i32)
		    local.get 0
		    i32.const 100
		    i32.add
		    local.get 0
		    i32.const 2
		    i32.lt_u
		    br_if 0
		    i32.const 1
		    i32.add
		  end
		  local.set 1
		  local.get 1)`,
		want: map[uint64]uint64{0: 100, 1: 101, 5: 106},
	}, {
		name: "if/else results: call in the else arm",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  local.get 0
		  if (result i32)
		    i32.const 9
		  else
		    call $seven
		  end
		  local.set 1
		  local.get 1)`,
		want: map[uint64]uint64{0: 7, 1: 9},
	}, {
		name: "if/else results: call in the then arm, add in the else arm",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  local.get 0
		  if (result i32)
		    call $seven
		  else
		    local.get 0
		    i32.const 1
		    i32.add
		  end
		  local.tee 1)`,
		want: map[uint64]uint64{0: 1, 1: 7},
	}, {
		name: "if with a parameter and no else",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  call $seven
		  local.get 0
		  if (param i32) (result i32)
		    call $inc
		  end
		  local.set 1
		  local.get 1)`,
		want: map[uint64]uint64{0: 7, 1: 8},
	}, {
		name: "loop parameter from a call, local.set at the loop start",
		body: `(func (export "f") (param i32) (result i32) (local i32 i32)
		  call $seven
		  loop (param i32)
		    local.set 1
		    local.get 2
		    local.get 1
		    i32.add
		    local.set 2
		    local.get 1
		    i32.const 1
		    i32.add
		    local.get 1
		    local.get 0
		    i32.lt_u
		    br_if 0
		    drop
		  end
		  local.get 2)`,
		// sum of 7..max(7, x)
		want: map[uint64]uint64{0: 7, 7: 7, 9: 7 + 8 + 9},
	}, {
		name: "loop parameter from an add",
		body: `(func (export "f") (param i32) (result i32) (local i32 i32)
		  local.get 0
		  i32.const 1
		  i32.add
		  loop (param i32)
		    local.tee 1
		    local.get 2
		    i32.add
		    local.set 2
		    local.get 1
		    i32.const 2
		    i32.shr_u
		    local.get 1
		    i32.const 3
		    i32.gt_u
		    br_if 0
		    drop
		  end
		  local.get 2)`,
		// x=10: 11, 2 → 13; x=0: 1 → 1
		want: map[uint64]uint64{0: 1, 10: 13, 30: 31 + 7 + 1},
	}, {
		name: "br_table with a value, call on the fall-through",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  block (result i32)
		    block (result i32)
		      i32.const 20
		      local.get 0
		      br_table 0 1 2
		    end
		    drop
		    call $seven
		  end
		  local.tee 1)`,
		// 0 → inner block: 7; 1 → outer: 20; 2+ → function: 20
		want: map[uint64]uint64{0: 7, 1: 20, 2: 20},
	}, {
		name: "select result joins a branch",
		body: `(func (export "f") (param i32) (result i32) (local i32)
		  block (result i32)
		    i32.const 33
		    local.get 0
		    i32.const 3
		    i32.eq
		    br_if 0
		    drop
		    i32.const 1
		    i32.const 2
		    local.get 0
		    select
		  end
		  local.set 1
		  local.get 1)`,
		want: map[uint64]uint64{0: 2, 1: 1, 3: 33},
	}, {
		name: "comparison on the fall-through joins a branch, then if",
		body: `(func (export "f") (param i32) (result i32)
		  block (result i32)
		    i32.const 1
		    local.get 0
		    i32.const 10
		    i32.gt_u
		    br_if 0
		    drop
		    local.get 0
		    i32.const 5
		    i32.lt_u
		  end
		  if (result i32)
		    i32.const 100
		  else
		    i32.const 200
		  end)`,
		want: map[uint64]uint64{1: 100, 7: 200, 11: 100},
	}, {
		name: "comparison on the fall-through joins a branch, then br_if",
		body: `(func (export "f") (param i32) (result i32)
		  block
		    block (result i32)
		      i32.const 1
		      local.get 0
		      i32.const 10
		      i32.gt_u
		      br_if 0
		      drop
		      local.get 0
		      i32.const 5
		      i32.lt_u
		    end
		    br_if 0
		    i32.const 200
		    return
		  end
		  i32.const 100)`,
		want: map[uint64]uint64{1: 100, 7: 200, 11: 100},
	}, {
		name: "multi-value block from a call and a branch",
		body: `(func (export "f") (param i32) (result i32) (local i32 i32)
		  block (result i32 i32)
		    i32.const 10
		    i32.const 20
		    local.get 0
		    br_if 0
		    drop
		    drop
		    call $pair
		  end
		  local.set 2
		  local.set 1
		  local.get 1
		  i32.const 100
		  i32.mul
		  local.get 2
		  i32.add)`,
		want: map[uint64]uint64{0: 304, 1: 1020},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inst := instantiate(t, Config{}, "(module "+helpers+tc.body+")", nil)
			f := inst.ExportedFunc("f")
			for arg, want := range tc.want {
				// A miscompiled loop may never end: bound each call.
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				stack := make([]uint64, f.StackSlots())
				stack[0] = arg
				err := f.Call(ctx, stack)
				cancel()
				if err != nil {
					t.Errorf("f(%d): %v\n%s", arg, err, f.Code.(*funcCode).dump())
					continue
				}
				if stack[0] != want {
					t.Errorf("f(%d) = %d, want %d\n%s", arg, stack[0], want, f.Code.(*funcCode).dump())
				}
			}
		})
	}
}
