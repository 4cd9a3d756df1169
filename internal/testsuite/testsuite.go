// Package testsuite locates the WebAssembly specification test suite for
// the tests of this repository. It is imported only by tests.
//
// The suite is read from the directory named by the environment variable
// WASMRUN_TESTSUITE or, when that is unset or empty, from
// ../shared/testsuite relative to the repository root. The scripts are
// never copied into the repository.
package testsuite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
)

// EnvVar is the environment variable that names the suite directory.
const EnvVar = "WASMRUN_TESTSUITE"

// Lookup returns the suite directory (see the package documentation) and
// an error when it has no core subdirectory. Unlike Dir it never stops the
// test; it suits optional uses such as fuzz seeds.
func Lookup() (string, error) {
	dir := os.Getenv(EnvVar)
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return "", fmt.Errorf("spec test suite: %v (set %s)", err, EnvVar)
		}
		dir = filepath.Join(root, "..", "shared", "testsuite")
	}
	if fi, err := os.Stat(filepath.Join(dir, "core")); err != nil || !fi.IsDir() {
		if err == nil {
			err = errors.New("core is not a directory")
		}
		return dir, fmt.Errorf("spec test suite not found at %s (set %s): %v", dir, EnvVar, err)
	}
	return dir, nil
}

// Dir returns the spec test suite directory. When the suite is missing it
// skips the test with a loud message, or fails it when the environment
// variable CI is "true".
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := Lookup()
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%v", err)
		}
		tb.Skipf("SKIPPING: %v", err)
	}
	return dir
}

// Files returns the paths of the suite's scripts: core/*.wast, then
// core/simd/*.wast, each group sorted by name. It skips or fails the test
// as Dir does when the suite is missing, and fails it when the suite has
// no scripts.
func Files(tb testing.TB) []string {
	tb.Helper()
	dir := Dir(tb)
	var files []string
	for _, pat := range []string{"*.wast", filepath.Join("simd", "*.wast")} {
		m, err := filepath.Glob(filepath.Join(dir, "core", pat))
		if err != nil {
			tb.Fatal(err)
		}
		sort.Strings(m)
		files = append(files, m...)
	}
	if len(files) == 0 {
		tb.Fatalf("no .wast scripts in %s", filepath.Join(dir, "core"))
	}
	return files
}

// repoRoot returns the repository root: the directory two levels above
// this source file, as recorded by the compiler, when it holds go.mod
// (the recorded path is not usable under -trimpath); otherwise the nearest
// directory holding go.mod at or above the working directory, which go
// test sets to the directory of the package under test.
func repoRoot() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		root := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
		if isFile(filepath.Join(root, "go.mod")) {
			return root, nil
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return moduleRoot(wd)
}

// moduleRoot returns the nearest directory at or above dir that holds a
// go.mod file.
func moduleRoot(dir string) (string, error) {
	for d := filepath.Clean(dir); ; {
		if isFile(filepath.Join(d, "go.mod")) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod at or above %s", dir)
		}
		d = parent
	}
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
