// Package bigmodule provides a large, real WebAssembly module for
// benchmarks and tests: a Go program (testdata/bigprog) that uses much of
// the standard library, built for GOOS=wasip1 GOARCH=wasm (over 10 MB).
//
// The build is cached in os.TempDir(), keyed by a hash of the program's
// source and of the Go toolchain version, so only the first use on a
// machine pays for it.
package bigmodule

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"
)

var (
	once     sync.Once
	path     string
	buildErr error
	skipMsg  string
)

// Path returns the path of the built module, building it on first use.
// It skips tb when the go tool is not available and fails it when the
// build fails.
func Path(tb testing.TB) string {
	tb.Helper()
	once.Do(func() { path, skipMsg, buildErr = build() })
	if skipMsg != "" {
		tb.Skip(skipMsg)
	}
	if buildErr != nil {
		tb.Fatal(buildErr)
	}
	return path
}

// Bytes returns the content of the module built by Path.
func Bytes(tb testing.TB) []byte {
	tb.Helper()
	p := Path(tb)
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// sourceDir returns the directory of the test program.
func sourceDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("bigmodule: cannot locate source directory")
	}
	return filepath.Join(filepath.Dir(file), "testdata", "bigprog"), nil
}

func build() (out, skip string, err error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", "bigmodule: go tool not found in PATH; skipping", nil
	}
	dir, err := sourceDir()
	if err != nil {
		return "", "", err
	}
	version, err := exec.Command(goTool, "version").Output()
	if err != nil {
		return "", "bigmodule: go version failed; skipping: " + err.Error(), nil
	}
	key, err := hashSources(dir, version)
	if err != nil {
		return "", "", err
	}
	out = filepath.Join(os.TempDir(), "wasmrun-bigmodule-"+key+".wasm")
	if fileExists(out) {
		return out, "", nil
	}
	tmp, err := os.CreateTemp(os.TempDir(), "wasmrun-bigmodule-*.tmp")
	if err != nil {
		return "", "", err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	cmd := exec.Command(goTool, "build", "-o", tmp.Name(), ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", "", fmt.Errorf("bigmodule: building %s: %v\n%s", dir, err, msg)
	}
	// Rename is atomic: concurrent test binaries see either no file or a
	// complete one.
	if err := os.Rename(tmp.Name(), out); err != nil {
		return "", "", err
	}
	return out, "", nil
}

// hashSources hashes every file of the program directory and the go
// version string.
func hashSources(dir string, version []byte) (string, error) {
	h := sha256.New()
	h.Write(version)
	var files []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(dir, f)
		fmt.Fprintf(h, "%s %d\n", rel, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
