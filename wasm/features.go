package wasm

import (
	"fmt"
	"strings"
)

// Features is a set of WebAssembly 3.0 features a module uses. The zero
// value is a plain WebAssembly 2.0 module. The validator computes it
// (validate.Info.Features) so that engines can refuse what they cannot run
// with a message naming the feature.
type Features uint32

// The WebAssembly 3.0 features, one bit each.
const (
	// FeatureTailCall: return_call, return_call_indirect, return_call_ref.
	FeatureTailCall Features = 1 << iota
	// FeatureExtendedConst: i32/i64 add, sub and mul (and global.get of
	// a defined immutable global) in constant expressions.
	FeatureExtendedConst
	// FeatureMultiMemory: more than one memory, or a memory index other
	// than a single zero byte in an instruction or data segment.
	FeatureMultiMemory
	// FeatureMemory64: a memory with the i64 address type.
	FeatureMemory64
	// FeatureTable64: a table with the i64 address type.
	FeatureTable64
	// FeatureExceptions: tags, throw, throw_ref, try_table, exnref.
	FeatureExceptions
	// FeatureTypedFuncRefs: (ref null? ht) types, call_ref,
	// ref.as_non_null, br_on_null, br_on_non_null, table initialisers.
	FeatureTypedFuncRefs
	// FeatureRelaxedSIMD: the relaxed SIMD instructions.
	FeatureRelaxedSIMD
	// FeatureGC: garbage-collected structs, arrays, i31 and rec groups.
	FeatureGC

	numFeatures = iota
)

// Features3 is the set of WebAssembly 3.0 features the front end
// (decoder, text parser, validator) implements: every 3.0 feature but GC.
const Features3 = FeatureTailCall | FeatureExtendedConst | FeatureMultiMemory | FeatureMemory64 |
	FeatureTable64 | FeatureExceptions | FeatureTypedFuncRefs | FeatureRelaxedSIMD

var featureNames = [numFeatures]string{
	"tail calls",
	"extended constant expressions",
	"multiple memories",
	"memory64",
	"table64",
	"exception handling",
	"typed function references",
	"relaxed SIMD",
	"garbage collection",
}

// featureKeys are the short names of the features (the proposals'
// names), in bit order.
var featureKeys = [numFeatures]string{
	"tail-call", "extended-const", "multi-memory", "memory64", "table64",
	"exception-handling", "function-references", "relaxed-simd", "gc",
}

// ParseFeatures returns the features named in s, a comma-separated list
// of short names ("tail-call", "extended-const", "multi-memory",
// "memory64", "table64", "exception-handling", "function-references",
// "relaxed-simd", "gc") or long ones ("tail calls", ...; see String).
func ParseFeatures(s string) (Features, error) {
	var f Features
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		found := false
		for i := 0; i < numFeatures; i++ {
			if name == featureKeys[i] || name == featureNames[i] {
				f |= 1 << i
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("unknown feature %q (known: %s)", name, strings.Join(featureKeys[:], ", "))
		}
	}
	return f, nil
}

// Has reports whether every feature of g is in f.
func (f Features) Has(g Features) bool { return f&g == g }

// Names returns the names of the features in f, in bit order.
func (f Features) Names() []string {
	var names []string
	for i := 0; i < numFeatures; i++ {
		if f&(1<<i) != 0 {
			names = append(names, featureNames[i])
		}
	}
	return names
}

// String returns the names of the features joined by ", ", or "none".
func (f Features) String() string {
	if f == 0 {
		return "none"
	}
	return strings.Join(f.Names(), ", ")
}

// First returns the lowest feature of f, or 0 when f is empty.
func (f Features) First() Features { return f & -f }
