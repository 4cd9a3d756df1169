package wasm

import "testing"

// TestParseFeatures checks the short and long feature names, lists and
// unknown names.
func TestParseFeatures(t *testing.T) {
	cases := []struct {
		in   string
		want Features
		ok   bool
	}{
		{"tail-call", FeatureTailCall, true},
		{"exception-handling,relaxed-simd", FeatureExceptions | FeatureRelaxedSIMD, true},
		{"memory64, table64", FeatureMemory64 | FeatureTable64, true},
		{"typed function references", FeatureTypedFuncRefs, true},
		{"gc", FeatureGC, true},
		{"threads", 0, false},
		{"", 0, false},
		{"tail-call,", 0, false},
	}
	for _, c := range cases {
		got, err := ParseFeatures(c.in)
		if (err == nil) != c.ok || got != c.want && c.ok {
			t.Errorf("ParseFeatures(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
	for i := 0; i < numFeatures; i++ {
		f := Features(1) << i
		if got, err := ParseFeatures(f.String()); err != nil || got != f {
			t.Errorf("ParseFeatures(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
}
