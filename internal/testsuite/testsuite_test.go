package testsuite

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fakeTB records how Dir and Files stop a test. Like the real ones, its
// Skipf, Fatal and Fatalf end the calling goroutine.
type fakeTB struct {
	testing.TB // nil: any other method panics
	skipped    string
	failed     string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (f *fakeTB) Fatal(args ...any) {
	f.failed = fmt.Sprint(args...)
	runtime.Goexit()
}

// callFiles runs Files on a fakeTB in its own goroutine and reports what
// it returned or how it stopped.
func callFiles() (files []string, tb *fakeTB) {
	tb = &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		files = Files(tb)
	}()
	<-done
	return files, tb
}

// mkfiles creates the given files (and their directories) under dir.
func mkfiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFiles(t *testing.T) {
	tests := []struct {
		name    string
		files   []string // created under the suite directory
		ci      string
		want    []string // relative to the suite directory
		skipped bool
		failed  string // substring of the failure message
	}{
		{
			name: "core then simd, sorted",
			files: []string{"core/simd/simd_b.wast", "core/b.wast", "core/simd/simd_a.wast", "core/a.wast",
				"core/a.txt", "core/simd/notes.md", "core/legacy/x.wast", "other.wast"},
			want: []string{"core/a.wast", "core/b.wast", "core/simd/simd_a.wast", "core/simd/simd_b.wast"},
		},
		{
			name:  "no simd directory",
			files: []string{"core/z.wast", "core/m.wast"},
			want:  []string{"core/m.wast", "core/z.wast"},
		},
		{name: "missing suite skips", files: []string{"README"}, skipped: true},
		{name: "missing suite fails on CI", files: []string{"README"}, ci: "true", failed: "spec test suite not found"},
		{name: "core is a file", files: []string{"core"}, skipped: true},
		{name: "CI must be exactly true", files: []string{"README"}, ci: "1", skipped: true},
		{name: "no scripts", files: []string{"core/README"}, failed: "no .wast scripts"},
		{name: "no scripts on CI", files: []string{"core/README"}, ci: "true", failed: "no .wast scripts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mkfiles(t, dir, tt.files...)
			t.Setenv(EnvVar, dir)
			t.Setenv("CI", tt.ci)
			got, tb := callFiles()
			if tt.skipped != (tb.skipped != "") {
				t.Errorf("skipped = %q, want skipped %v", tb.skipped, tt.skipped)
			}
			if tb.skipped != "" && (!strings.HasPrefix(tb.skipped, "SKIPPING:") || !strings.Contains(tb.skipped, dir) || !strings.Contains(tb.skipped, EnvVar)) {
				t.Errorf("skip message %q does not say loudly what is missing and how to set it", tb.skipped)
			}
			if tt.failed == "" && tb.failed != "" || !strings.Contains(tb.failed, tt.failed) {
				t.Errorf("failed = %q, want %q", tb.failed, tt.failed)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.Join(dir, filepath.FromSlash(w)))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Files (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLookupDefault(t *testing.T) {
	t.Setenv(EnvVar, "")
	dir, err := Lookup()
	// go test runs in this package's directory, two levels below the root.
	wd, werr := os.Getwd()
	if werr != nil {
		t.Fatal(werr)
	}
	want := filepath.Join(wd, "..", "..", "..", "shared", "testsuite")
	if dir != want {
		t.Errorf("Lookup() = %q, want %q", dir, want)
	}
	_, serr := os.Stat(filepath.Join(want, "core"))
	if (err == nil) != (serr == nil) {
		t.Errorf("Lookup() error %v, but stat of core gives %v", err, serr)
	}
}

func TestModuleRoot(t *testing.T) {
	root := t.TempDir()
	mkfiles(t, root, "go.mod", "a/b/c/file", "a/go.mod/x")
	tests := []struct {
		start   string
		want    string
		wantErr bool
	}{
		{start: root, want: root},
		{start: filepath.Join(root, "a", "b", "c"), want: root}, // a/go.mod is a directory
		{start: filepath.Join(root, "a", "go.mod"), want: root},
	}
	for _, tt := range tests {
		got, err := moduleRoot(tt.start)
		if err != nil || got != tt.want {
			t.Errorf("moduleRoot(%q) = %q, %v; want %q", tt.start, got, err, tt.want)
		}
	}
	// The repository root holds this module's go.mod.
	r, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(r, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(mod), "module github.com/wasmrun/wasmrun\n") {
		t.Errorf("%s/go.mod is not the wasmrun module", r)
	}
}
