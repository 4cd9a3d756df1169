package jit

import (
	"unsafe"

	"bufio"
	"fmt"
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"os"
	"strings"
	"testing"
)

// mappingPerms returns the permissions of the /proc/self/maps entry
// holding addr.
func mappingPerms(t *testing.T, addr uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		t.Skip("no /proc/self/maps:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var lo, hi uintptr
		var perms string
		if _, err := fmt.Sscanf(sc.Text(), "%x-%x %s", &lo, &hi, &perms); err == nil && lo <= addr && addr < hi {
			return perms
		}
	}
	t.Fatalf("address %#x is not mapped", addr)
	return ""
}

// Code is mapped read-execute, never writable, and holds what was
// written.
func TestExecMemIsNotWritable(t *testing.T) {
	code := []byte{0xC3, 0x90, 0x90}
	m, err := NewExecMem(code)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if p := mappingPerms(t, m.Addr()); !strings.HasPrefix(p, "r-x") {
		t.Errorf("code mapping permissions %q, want r-x", p)
	}
	if string(m.b[:len(code)]) != string(code) {
		t.Errorf("code mapping holds %x, want %x", m.b[:len(code)], code)
	}
}

// The stacks have their guard pages and sane limits.
func TestStacks(t *testing.T) {
	s, err := NewStacks()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if p := mappingPerms(t, uintptr(s.MachineLimit())-machineSlack-1); !strings.HasPrefix(p, "---") {
		t.Errorf("machine stack guard permissions %q, want ---", p)
	}
	if s.MachineTop()%16 != 0 || s.MachineTop() <= s.MachineLimit() {
		t.Errorf("machine top %#x, limit %#x", s.MachineTop(), s.MachineLimit())
	}
	// Small frames may run SmallFrameSlack bytes past the checked limit:
	// that much is mapped there.
	vals := s.Values()
	vals[len(vals)-1] = 42
	if got := s.ValuesAt(s.ValueLimit() + SmallFrameSlack - 8)[0]; got != 42 {
		t.Errorf("ValuesAt(limit+slack-8) = %d, want 42", got)
	}
	if p := mappingPerms(t, s.ValueLimit()+SmallFrameSlack+guard-1); !strings.HasPrefix(p, "---") {
		t.Errorf("value stack guard permissions %q, want ---", p)
	}
}

// The call_indirect cache entries have the layout compiled code reads.
func TestICacheEntryLayout(t *testing.T) {
	var e icEntry
	if got := unsafe.Sizeof(e); got != mach.ICacheEntrySize {
		t.Errorf("icEntry has %d bytes, mach.ICacheEntrySize is %d", got, mach.ICacheEntrySize)
	}
	if got := unsafe.Offsetof(e.typeID); got != mach.ICacheEntryTypeIDOff {
		t.Errorf("icEntry.typeID at offset %d, mach.ICacheEntryTypeIDOff is %d", got, mach.ICacheEntryTypeIDOff)
	}
	if got := unsafe.Offsetof(e.code); got != 0 {
		t.Errorf("icEntry.code at offset %d, compiled code reads it at 0", got)
	}
}
