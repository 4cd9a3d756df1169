package spectest

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/wasm"
)

// v3Folders are the proposal folders of the 3.0 suite that the front end
// covers (everything but GC).
var v3Folders = []string{
	"tail-call", "extended-const", "multi-memory", "memory64", "exception-handling",
	"function-references", "relaxed-simd", "wasm-3.0",
}

// gcSyntax matches the module sources that use GC (rec groups, subtypes,
// structs, arrays, i31 and the any/eq/none hierarchy), which the front
// end does not implement yet. Commands on such modules do not count.
var gcSyntax = regexp.MustCompile(`\((rec|sub|struct|array|field)\b|\b(anyref|eqref|i31ref|structref|arrayref|nullref)\b|\(ref (null )?(any|eq|i31|struct|array|none)\)|\b(ref\.i31|array\.|struct\.|ref\.test|ref\.cast|any\.convert_extern|extern\.convert_any)`)

// v3Pending lists the files whose remaining failures are known gaps
// outside GC (reported by the test, not failing it).
var v3Pending = map[string]string{}

// TestSpecSuite3 runs the 3.0 proposal scripts in validation-only mode
// with every implemented 3.0 feature enabled: every module must parse and
// validate, every assert_invalid module must fail validation and every
// assert_malformed module must fail to parse or decode, except for
// commands on modules that use GC.
func TestSpecSuite3(t *testing.T) {
	dir := testsuite.Dir(t)
	var total Stats
	gc := 0
	for _, folder := range v3Folders {
		files, err := filepath.Glob(filepath.Join(dir, "proposals", folder, "*.wast"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no scripts in proposals/%s", folder)
		}
		for _, file := range files {
			rel, _ := filepath.Rel(filepath.Join(dir, "proposals"), file)
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, err := ParseScript(rel, src)
			if err != nil {
				if _, ok := v3Pending[rel]; ok {
					t.Logf("%s: pending: %v", rel, err)
					continue
				}
				t.Errorf("%s: %v", rel, err)
				continue
			}
			results, stats := Run(s, Options{Features: wasm.Features3})
			total.Add(stats)
			for i, r := range results {
				if r.Outcome != Failed {
					continue
				}
				if m := s.Commands[i].Module; m != nil && gcSyntax.Match(m.Src) {
					gc++
					continue
				}
				if why, ok := v3Pending[rel]; ok {
					t.Logf("%s (pending: %s)", r, why)
					continue
				}
				t.Errorf("%s", r)
			}
		}
	}
	t.Logf("3.0 suite, validation only: %d passed, %d failed (%d of them on GC modules), %d skipped",
		total.Passed, total.Failed, gc, total.Skipped)
}
