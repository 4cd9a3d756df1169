package spectest

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/internal/testsuite"
)

// suiteFiles returns the suite directory and its scripts (see
// testsuite.Files).
func suiteFiles(t testing.TB) (dir string, files []string) {
	t.Helper()
	return testsuite.Dir(t), testsuite.Files(t)
}

// TestSpecSuite runs every script of the 2.0 suite in validation-only
// mode: every module must parse and validate, every assert_invalid module
// must fail validation, every assert_malformed module must fail to parse
// or decode.
func TestSpecSuite(t *testing.T) {
	dir, files := suiteFiles(t)
	var total Stats
	for _, file := range files {
		rel, _ := filepath.Rel(filepath.Join(dir, "core"), file)
		t.Run(rel, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, err := ParseScript(rel, src)
			if err != nil {
				t.Fatal(err)
			}
			results, stats := Run(s, Options{})
			total.Add(stats)
			for _, r := range results {
				if r.Outcome == Failed {
					t.Error(r)
				}
			}
		})
	}
	t.Logf("%d passed, %d failed, %d skipped", total.Passed, total.Failed, total.Skipped)
	t.Logf("malformed messages matched: %d/%d (binary), %d/%d (quote); invalid messages matched: %d/%d",
		total.MalformedMatched, total.MalformedTotal, total.QuoteMatched, total.QuoteTotal,
		total.InvalidMatched, total.InvalidTotal)
}

// TestSpecSuiteEngines runs every script of the 2.0 suite on every
// registered engine; every command must pass.
func TestSpecSuiteEngines(t *testing.T) {
	dir, files := suiteFiles(t)
	for _, name := range EngineNames() {
		factory, _ := LookupEngine(name)
		if factory == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			var total Stats
			for _, file := range files {
				rel, _ := filepath.Rel(filepath.Join(dir, "core"), file)
				t.Run(rel, func(t *testing.T) {
					e := factory()
					results, stats, err := RunFile(file, Options{Engine: e, Timeout: time.Minute})
					if cerr := e.Close(); cerr != nil {
						t.Errorf("Close: %v", cerr)
					}
					if err != nil {
						t.Fatal(err)
					}
					total.Add(stats)
					for _, r := range results {
						if r.Outcome != Passed {
							t.Error(r)
						}
					}
				})
			}
			t.Logf("%s: %d passed, %d failed, %d skipped", name, total.Passed, total.Failed, total.Skipped)
		})
	}
}

// TestSuiteCommandCounts checks the script parser against the per-file
// command counts that the suite's COUNTS.tsv records.
func TestSuiteCommandCounts(t *testing.T) {
	dir, files := suiteFiles(t)
	f, err := os.Open(filepath.Join(dir, "COUNTS.tsv"))
	if err != nil {
		t.Skipf("SKIPPING: no COUNTS.tsv in the suite: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	header := strings.Split(sc.Text(), "\t")
	want := map[string]map[string]int{}
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != len(header) || fields[0] == "TOTAL" {
			continue
		}
		counts := map[string]int{}
		for i, h := range header[1:] {
			n, err := strconv.Atoi(fields[i+1])
			if err != nil {
				t.Fatalf("COUNTS.tsv: %q: %v", sc.Text(), err)
			}
			counts[h] = n
		}
		want[fields[0]] = counts
	}
	if len(want) == 0 {
		t.Fatal("COUNTS.tsv has no rows")
	}
	checked := 0
	for _, file := range files {
		rel, _ := filepath.Rel(filepath.Join(dir, "core"), file)
		w, ok := want[filepath.ToSlash(rel)]
		if !ok {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s, err := ParseScript(rel, src)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		got := map[string]int{}
		for k := range w {
			got[k] = 0
		}
		for _, c := range s.Commands {
			key := c.Kind.String()
			switch c.Kind {
			case CmdAction:
				if c.Action.Kind == ActGet {
					key = "get"
				} else {
					key = "invoke"
				}
			case CmdInvalid:
				t.Errorf("%s:%d: %v", rel, c.Line, c.Err)
			}
			if _, counted := w[key]; counted {
				got[key]++
			}
		}
		got["total"] = 0
		for k, n := range got {
			if k != "total" {
				got["total"] += n
			}
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s: command counts mismatch (-COUNTS.tsv +parsed):\n%s", rel, diff)
		}
		checked++
	}
	if checked != len(want) {
		t.Errorf("checked %d files, COUNTS.tsv lists %d", checked, len(want))
	}
}

// FuzzParseScript checks that no input makes the script parser panic or
// hang, and that what it accepts can be run (validation only) without
// panicking either.
func FuzzParseScript(f *testing.F) {
	seeds := []string{
		`(module (func (export "f") (result i32) i32.const 1))
(assert_return (invoke "f") (i32.const 1))`,
		`(assert_return (invoke "f" (v128.const f32x4 1 2 3 4)) (v128.const f32x4 nan:canonical 0 nan:arithmetic -0))`,
		`(assert_malformed (module binary "\00asm\01\00\00\00\01") "unexpected end")`,
		`(assert_invalid (module quote "(func (result i32))") "type mismatch") (; (; ;) ;) ;; x`,
		`(register "M" $M) (get $M "g") (assert_trap (module (start 0)) "x")`,
		`(assert_return (invoke "f") (either (ref.extern 1) (ref.null func) (ref.func)))`,
		`(register "\u{1F600}\41\t")`,
		`(func) (memory 0)`,
		`((((`,
		`"unterminated`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	if dir, err := testsuite.Lookup(); err == nil {
		if src, err := os.ReadFile(filepath.Join(dir, "core", "names.wast")); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := ParseScript("fuzz.wast", src)
		if err != nil {
			return
		}
		for _, c := range s.Commands {
			if c.Kind == CmdInvalid && c.Err == nil {
				t.Fatalf("line %d: invalid command without an error", c.Line)
			}
			if c.Module != nil && (len(c.Module.Src) == 0 || c.Module.Src[0] != '(') {
				t.Fatalf("line %d: module source %q", c.Line, c.Module.Src)
			}
		}
		if len(src) < 4096 {
			results, _ := Run(s, Options{})
			for _, r := range results {
				if strings.HasPrefix(r.Got, "panic:") {
					t.Errorf("%v", r)
				}
			}
		}
	})
}
