//go:build linux && (amd64 || arm64)

package jit

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// With Config.PerfMap, every compiled function's code range is appended
// to /tmp/perf-PID.map under its name-section name (or func[N]), and the
// ranges are where the code is.
func TestPerfMap(t *testing.T) {
	path := fmt.Sprintf("/tmp/perf-%d.map", os.Getpid())
	os.Remove(path)
	t.Cleanup(func() { os.Remove(path) })
	inst := instantiate(t, New(Config{PerfMap: true}), `(module
	  (func $first (export "a") (result i32) (i32.const 1))
	  (func (export "b") (result i32) (i32.const 2)))`, nil)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 {
		t.Fatalf("perf map has %d lines, want 2:\n%s", len(lines), b)
	}
	mod := inst.Funcs[0].Code.(*funcCode).mod
	base := mod.mem.Addr()
	for i, want := range []string{"wasm:first", "wasm:func[1]"} {
		f := strings.Fields(lines[i])
		if len(f) != 3 || f[2] != want {
			t.Errorf("line %d = %q, want the symbol %s", i, lines[i], want)
			continue
		}
		start, err1 := strconv.ParseUint(f[0], 16, 64)
		size, err2 := strconv.ParseUint(f[1], 16, 64)
		if err1 != nil || err2 != nil {
			t.Errorf("line %d = %q: bad hex", i, lines[i])
			continue
		}
		fc := mod.funcs[i]
		if start != uint64(base)+uint64(fc.off) || size == 0 || start+size > uint64(base)+uint64(len(mod.code)) {
			t.Errorf("line %d = %q, but the function is at %#x in code of %d bytes at %#x", i, lines[i], uint64(base)+uint64(fc.off), len(mod.code), base)
		}
	}
}
