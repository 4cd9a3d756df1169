package asm

import (
	"encoding/binary"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"
)

// The tests assemble one instruction at a time, decode it with arm64asm and compare the decoded
// text (mnemonic and operands, in arm64asm's syntax) with the text the form was meant to
// produce. The expected text is built from our operands by the helpers below, never from the
// bytes. Forms arm64asm does not decode are checked against golden words from the Arm
// Architecture Reference Manual (golden_test.go).

// formCounts records, per test binary, which forms were checked and how: by decoding
// (arm64asm) or against golden words. A form is a method, an operation and the width or
// arrangement (e.g. "RRR add w64", "VRRR vadd 4s").
var formCounts = struct {
	sync.Mutex
	decoded map[string]int
	golden  map[string]int
}{decoded: map[string]int{}, golden: map[string]int{}}

func countForm(golden bool, form string) {
	formCounts.Lock()
	if golden {
		formCounts.golden[form]++
	} else {
		formCounts.decoded[form]++
	}
	formCounts.Unlock()
}

// checker reuses one assembler for many single-instruction checks.
type checker struct {
	t     *testing.T
	a     Assembler
	n     int
	fails int
}

func newChecker(t *testing.T) *checker { return &checker{t: t} }

// check assembles emit (one instruction) and compares its decoding with want (arm64asm's
// Inst.String() syntax, compared without regard to case); form names the form for counting.
func (c *checker) check(form string, emit func(a *Assembler), want string) {
	c.t.Helper()
	c.n++
	countForm(false, form)
	c.a.Reset()
	emit(&c.a)
	code, err := c.a.Finalize()
	if err != nil {
		c.failf("%s: want %q: assemble: %v", form, want, err)
		return
	}
	if len(code) != 4 {
		c.failf("%s: want %q: emitted %d bytes", form, want, len(code))
		return
	}
	inst, err := arm64asm.Decode(code)
	if err != nil {
		c.failf("%s: want %q: decode %08x: %v", form, want, binary.LittleEndian.Uint32(code), err)
		return
	}
	if got := inst.String(); !strings.EqualFold(strings.TrimSpace(got), want) {
		c.failf("%s: %08x decodes as %q, want %q", form, binary.LittleEndian.Uint32(code), got, want)
	}
}

// checkWords assembles emit and compares the words with want (golden encodings, or sequences
// checked word by word elsewhere).
func (c *checker) checkWords(form string, emit func(a *Assembler), want ...uint32) {
	c.t.Helper()
	c.n++
	countForm(true, form)
	c.a.Reset()
	emit(&c.a)
	code, err := c.a.Finalize()
	if err != nil {
		c.failf("%s: assemble: %v", form, err)
		return
	}
	got := words(code)
	if fmt.Sprint(got) != fmt.Sprint(hexWords(want)) {
		c.failf("%s: emitted %v, want %v", form, got, hexWords(want))
	}
}

// checkFails asserts that emit records an error (or emits nothing, for the bool forms).
func (c *checker) checkFails(desc string, emit func(a *Assembler) bool) {
	c.t.Helper()
	c.a.Reset()
	ok := emit(&c.a)
	if ok && c.a.Err() == nil {
		c.failf("%s: accepted (emitted %v)", desc, words(c.a.Code()))
	}
	if !ok && c.a.Err() == nil && c.a.Len() != 0 {
		c.failf("%s: returned false but emitted %v", desc, words(c.a.Code()))
	}
}

func (c *checker) failf(format string, args ...any) {
	c.t.Helper()
	c.fails++
	if c.fails <= 40 {
		c.t.Errorf(format, args...)
	} else if c.fails == 41 {
		c.t.Errorf("too many failures; further ones not shown")
	}
}

type hexWord uint32

func (w hexWord) String() string { return fmt.Sprintf("%08x", uint32(w)) }

func hexWords(ws []uint32) []hexWord {
	out := make([]hexWord, len(ws))
	for i, w := range ws {
		out[i] = hexWord(w)
	}
	return out
}

func words(code []byte) []hexWord {
	var out []hexWord
	for i := 0; i+4 <= len(code); i += 4 {
		out = append(out, hexWord(binary.LittleEndian.Uint32(code[i:])))
	}
	return out
}

// ---- expected-text helpers (arm64asm syntax) ----

// xr names general-purpose register r at width w as arm64asm prints it.
func xr(w Width, r Reg) string {
	switch {
	case r == ZR && w == W64:
		return "XZR"
	case r == ZR:
		return "WZR"
	case r == RSP && w == W64:
		return "SP"
	case r == RSP:
		return "WSP"
	case w == W64:
		return fmt.Sprintf("X%d", r)
	}
	return fmt.Sprintf("W%d", r)
}

// vn names V register r as a scalar of the given view letter (B, H, S, D, Q).
func vn(view string, r Reg) string { return fmt.Sprintf("%s%d", view, r-V0) }

// ins builds "OP a, b, c".
func ins(op string, args ...string) string {
	if len(args) == 0 {
		return op
	}
	return op + " " + strings.Join(args, ", ")
}

func imm(v uint64) string  { return fmt.Sprintf("#%#x", v) }
func dec(v int64) string   { return fmt.Sprintf("#%d", v) }
func wname(w Width) string { return fmt.Sprintf("w%d", w.bits()) }

// gpRegs is every general-purpose register number (R0..R30 and ZR).
var gpRegs = func() []Reg {
	var rs []Reg
	for r := R0; r <= ZR; r++ {
		rs = append(rs, r)
	}
	return rs
}()

// vRegs is V0..V31.
var vRegs = func() []Reg {
	var rs []Reg
	for r := V0; r <= V31; r++ {
		rs = append(rs, r)
	}
	return rs
}()

// rot returns the i-th register triple of a rotation through regs that puts every register in
// every position.
func rot(regs []Reg, i int) (Reg, Reg, Reg, Reg) {
	n := len(regs)
	return regs[i%n], regs[(i+7)%n], regs[(i+13)%n], regs[(i+22)%n]
}

var widths = []Width{W32, W64}

// TestMain runs the tests and then prints the number of forms checked each way (the figures
// issue 17 asks for). ARM64ASM_FORMS=1 also lists the golden-checked forms.
func TestMain(m *testing.M) {
	code := m.Run()
	formCounts.Lock()
	nd, ng := 0, 0
	for _, v := range formCounts.decoded {
		nd += v
	}
	for _, v := range formCounts.golden {
		ng += v
	}
	only := 0 // golden forms that are not cross-checks of decodable forms
	for k := range formCounts.golden {
		if !strings.HasPrefix(k, "xcheck ") {
			only++
		}
	}
	if nd+ng > 0 {
		fmt.Printf("forms checked against arm64asm: %d (%d cases); forms checked against golden tables: %d (%d cases: %d forms arm64asm does not decode, %d cross-checks of decoded forms)\n",
			len(formCounts.decoded), nd, len(formCounts.golden), ng, only, len(formCounts.golden)-only)
	}
	if os.Getenv("ARM64ASM_FORMS") != "" {
		byMethod := map[string]int{}
		for k := range formCounts.decoded {
			byMethod[strings.Fields(k)[0]]++
		}
		var ms []string
		for k, v := range byMethod {
			ms = append(ms, fmt.Sprintf("%s %d", k, v))
		}
		sort.Strings(ms)
		fmt.Printf("decoded forms by method: %s\n", strings.Join(ms, ", "))
		var ks []string
		for k := range formCounts.golden {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		fmt.Printf("golden forms: %s\n", strings.Join(ks, "; "))
	}
	formCounts.Unlock()
	os.Exit(code)
}
