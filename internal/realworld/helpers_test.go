package realworld

import (
	"archive/tar"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tarOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestExtractTar(t *testing.T) {
	dir := t.TempDir()
	if err := extractTar(bytes.NewReader(tarOf(t, map[string]string{"package/a/b.txt": "hello"})), dir); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "package", "a", "b.txt")); err != nil || string(b) != "hello" {
		t.Fatalf("extracted %q, %v", b, err)
	}
	for _, bad := range []string{"../escape.txt", "package/../../escape.txt", "/abs.txt"} {
		err := extractTar(bytes.NewReader(tarOf(t, map[string]string{bad: "x"})), dir)
		if err == nil || !strings.Contains(err.Error(), "leaves the destination") {
			t.Errorf("%s: err = %v, want a refusal", bad, err)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.txt")); err == nil {
		t.Error("a file was written outside the destination")
	}
}

func TestFirstDiff(t *testing.T) {
	if d := firstDiff([]byte("same"), []byte("same")); d != "" {
		t.Errorf("equal inputs: %q", d)
	}
	d := firstDiff([]byte("abcdef"), []byte("abcXef"))
	if !strings.Contains(d, "first difference at byte 3") || !strings.Contains(d, `"abcXef"`) {
		t.Errorf("firstDiff = %q", d)
	}
	a := &result{stdout: [][]byte{[]byte("x")}, stderr: [][]byte{nil}, exit: []int{0}, files: map[string][]byte{"f": []byte("1")}}
	b := &result{stdout: [][]byte{[]byte("x")}, stderr: [][]byte{nil}, exit: []int{1}, files: map[string][]byte{"f": []byte("2"), "g": nil}}
	d = diffResults(a, b)
	for _, want := range []string{"step 1 exit status: 0 vs 1", "file f:", "file g: only in the second"} {
		if !strings.Contains(d, want) {
			t.Errorf("diffResults lacks %q:\n%s", want, d)
		}
	}
}
