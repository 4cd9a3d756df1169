package interp_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// fuzzRunSeeds exercise the 3.0 instructions the interpreter runs.
var fuzzRunSeeds = []string{
	`(module (tag $e (param i32)) (func (export "f") (result i32)
		(block $h (result i32) (try_table (catch $e $h) (throw $e (i32.const 1))) (i32.const 0))))`,
	`(module (tag $e) (func $t (throw $e)) (func (export "f") (result exnref)
		(block $h (result exnref) (try_table (catch_all_ref $h) (call $t)) (ref.null exn))))`,
	`(module (tag $e (param i64)) (func (export "f") (result i64)
		(block $h (result i64 exnref) (try_table (catch_ref $e $h) (throw $e (i64.const 5))) (unreachable))
		(drop)))`,
	`(module (tag $e) (func (export "f") (block $h (result exnref)
		(try_table (catch_all_ref $h) (throw $e)) (unreachable)) (throw_ref)))`,
	`(module (type $t (func (result i32))) (func $c (result i32) (i32.const 3)) (elem declare func $c)
		(func (export "f") (result i32) (call_ref $t (ref.func $c)))
		(func (export "g") (result i32) (return_call_ref $t (ref.func $c)))
		(func (export "n") (result i32) (call_ref $t (ref.null $t))))`,
	`(module (type $t (func)) (func (export "f") (param funcref) (result i32)
		(block $l (br_on_null $l (local.get 0)) (drop) (return (i32.const 1))) (i32.const 0)))`,
	`(module (func (export "f") (param funcref) (result funcref)
		(block $l (result (ref func)) (br_on_non_null $l (local.get 0)) (ref.as_non_null (local.get 0)))))`,
	`(module (type $t (func)) (func $f) (elem declare func $f) (table 4 (ref $t) (ref.func $f))
		(func (export "f") (call_indirect (type $t) (i32.const 2))))`,
	`(module (func (export "f") (param v128 v128 v128) (result v128)
		(f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))))`,
}

// FuzzRun compiles its input (a module, binary or text) with the
// interpreter, instantiates it and calls every export that takes no
// parameters, under fuel and stack limits: nothing may panic or hang.
// The seeds include the 3.0 proposal scripts' modules.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzRunSeeds {
		f.Add([]byte(s))
	}
	if dir, err := testsuite.Lookup(); err == nil {
		for _, folder := range proposalFolders {
			files, _ := filepath.Glob(filepath.Join(dir, "proposals", folder, "*.wast"))
			for _, file := range files {
				src, err := os.ReadFile(file)
				if err != nil {
					continue
				}
				s, err := spectest.ParseScript(file, src)
				if err != nil {
					continue
				}
				for i, c := range s.Commands {
					if c.Module == nil {
						continue
					}
					switch {
					case c.Module.Form == spectest.FormBinary && len(c.Module.Bytes) < 2000:
						f.Add(c.Module.Bytes)
					case i%3 == 0 && c.Module.Form != spectest.FormBinary && len(c.Module.Src) < 600:
						f.Add(c.Module.Src)
					}
				}
			}
		}
	}
	eng := interp.New(interp.Config{Fuel: 20000, MaxFrames: 256, MaxStackSlots: 1 << 14})
	f.Fuzz(func(t *testing.T, src []byte) {
		var m *wasm.Module
		var err error
		if len(src) >= 4 && string(src[:4]) == "\x00asm" {
			m, err = binary.Decode(src)
		} else {
			m, _, err = text.ParseModuleID(src)
		}
		if err != nil {
			return
		}
		info, err := validate.Module(m)
		if err != nil {
			return
		}
		mod, err := store.Compile(eng, m, info)
		if err != nil {
			return
		}
		st := store.New(store.Config{MemoryLimitPages: 16, TableLimit: 1 << 12})
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		inst, err := st.Instantiate(ctx, mod, func(string, string) (store.Extern, bool) { return store.Extern{}, false })
		if err != nil {
			return
		}
		defer inst.Close()
		for _, e := range m.Exports {
			if e.Kind != wasm.ExternFunc {
				continue
			}
			fn := inst.Funcs[e.Index]
			if len(fn.Type.Params) != 0 {
				continue
			}
			_ = fn.Call(ctx, make([]uint64, fn.StackSlots()))
		}
	})
}
