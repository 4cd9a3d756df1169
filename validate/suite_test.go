package validate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
)

// TestSpecSuite runs every script of the spec suite in validation-only
// mode. It fails when a module the suite defines as valid is rejected by
// validation, when an assert_invalid module is accepted, or when our
// reason does not contain the suite's expected message. Failures of the
// text parser or the decoder are only logged: other tests own them.
func TestSpecSuite(t *testing.T) {
	var total spectest.Stats
	others := 0
	for _, file := range testsuite.Files(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		script, err := spectest.ParseScript(name, src)
		if err != nil {
			t.Logf("%s: script does not parse: %v", name, err)
			others++
			continue
		}
		results, stats := spectest.Run(script, spectest.Options{})
		total.Add(stats)
		for _, r := range results {
			invalidCmd := strings.HasPrefix(r.Command, "assert_invalid")
			switch {
			case r.Outcome == spectest.Failed && strings.Contains(r.Got, "module is invalid"):
				t.Errorf("%s: valid module rejected: %s", r.Location(), r.Got)
			case r.Outcome == spectest.Failed && invalidCmd && strings.Contains(r.Got, "module is valid"):
				t.Errorf("%s: invalid module accepted (%s)", r.Location(), r.Expected)
			case r.Outcome == spectest.Failed && strings.Contains(r.Got, "parses but is invalid"):
				t.Errorf("%s: %s", r.Location(), r.Got)
			case r.Outcome == spectest.Failed:
				t.Logf("%s: not a validation failure: %s", r.Location(), r)
				others++
			case invalidCmd && r.Mismatch != "":
				t.Errorf("%s: %s: got %s", r.Location(), r.Expected, r.Mismatch)
			}
		}
	}
	if total.InvalidTotal == 0 {
		t.Fatal("no assert_invalid command ran")
	}
	t.Logf("assert_invalid: %d/%d messages matched; %d failures outside validation",
		total.InvalidMatched, total.InvalidTotal, others)
}
