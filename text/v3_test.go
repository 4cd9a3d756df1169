package text

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAnnotationsAndStringIDs checks that annotations are ignored and
// that $"..." names the same identifier as its unquoted spelling.
func TestAnnotationsAndStringIDs(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // "" when the module parses
		funcs     int
	}{
		{"annotation between fields", `(module (@a x "y" (z)) (func) (@custom "s" ;; c
			) (func))`, "", 2},
		{"annotation in a body", `(module (func (@a) nop (@b (nested (deep))) nop))`, "", 1},
		{"annotation with a string id", `(module (@"an id" 1 2) (func))`, "", 1},
		{"string identifier", `(module (func $"a b") (func (call $"a b")))`, "", 2},
		{"string and plain identifier agree", `(module (func $fh) (func (call $"fh")) (func $"\41") (func (call $A)))`, "", 4},
		{"empty annotation id", `(module (@ x))`, "empty annotation id", 0},
		{"empty string annotation id", `(module (@"" x))`, "empty annotation id", 0},
		{"non-ASCII outside strings", "(module (@a \u00e9))", "illegal character", 0},
		{"control character", "(module (@a \x01))", "illegal character", 0},
		{"unclosed annotation", `(module (@a`, "unclosed annotation", 0},
		{"empty string identifier", `(module (func $""))`, "empty identifier", 0},
		{"shared memory", `(module (memory 1 2 shared))`, "shared memories (threads proposal) are not supported", 0},
		{"shared memory import", `(module (import "m" "m" (memory 1 2 shared)))`, "shared memories (threads proposal) are not supported", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseModule([]byte(tt.src))
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.funcs, len(m.Funcs)); diff != "" {
				t.Errorf("functions (-want +got):\n%s", diff)
			}
		})
	}
}
