package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// defaultGoStdPackages are the standard-library packages whose tests
// TestGoStdlibUnderWasmrun runs by default: a subset that fits CI's time
// budget. WASMRUN_GOSTD overrides the list (space-separated); the full list
// the WASI issue names is in scripts/gostd-packages.txt.
var defaultGoStdPackages = []string{"errors", "unicode/utf8", "path", "container/heap", "sort"}

// TestGoStdlibUnderWasmrun builds Go's own standard-library tests for
// GOOS=wasip1 and runs them with "go test -exec 'wasmrun --dir /::/
// --env-inherit'", the line the README documents.
func TestGoStdlibUnderWasmrun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs Go standard-library tests; skipped with -short")
	}
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	pkgs := defaultGoStdPackages
	if env := os.Getenv("WASMRUN_GOSTD"); env != "" {
		pkgs = strings.Fields(env)
	}
	bin := filepath.Join(t.TempDir(), "wasmrun")
	build := exec.Command(gotool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building wasmrun: %v\n%s", err, out)
	}
	args := append([]string{"test", "-exec", bin + " --dir /::/ --env-inherit"}, pkgs...)
	cmd := exec.Command(gotool, args...)
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	t.Logf("go %s\n%s", strings.Join(args, " "), out)
	passed := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^ok\s+(\S+)`).FindAllStringSubmatch(string(out), -1) {
		passed[m[1]] = true
	}
	for _, p := range pkgs {
		if !passed[p] {
			t.Errorf("package %s did not pass under wasmrun", p)
		}
	}
	if err != nil && len(passed) == len(pkgs) {
		t.Errorf("go test failed: %v", err)
	}
}
