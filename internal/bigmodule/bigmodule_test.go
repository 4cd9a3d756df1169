package bigmodule

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestPath(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large Go program")
	}
	p := Path(t)
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() < 10<<20 {
		t.Errorf("module is %d bytes, want at least 10 MiB", st.Size())
	}
	b := Bytes(t)
	if !bytes.HasPrefix(b, []byte("\x00asm\x01\x00\x00\x00")) {
		t.Errorf("not a wasm module: % x", b[:8])
	}
	if p2 := Path(t); p2 != p {
		t.Errorf("second call gave %s, first %s", p2, p)
	}
}

func TestHashSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("main.go", "package main")
	h1, err := hashSources(dir, []byte("go1"))
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := hashSources(dir, []byte("go1")); h != h1 {
		t.Errorf("hash not deterministic")
	}
	if h, _ := hashSources(dir, []byte("go2")); h == h1 {
		t.Errorf("hash ignores the go version")
	}
	write("main.go", "package main // changed")
	if h, _ := hashSources(dir, []byte("go1")); h == h1 {
		t.Errorf("hash ignores the source")
	}
	write("extra.go", "package main")
	h3, _ := hashSources(dir, []byte("go1"))
	if err := os.Remove(filepath.Join(dir, "extra.go")); err != nil {
		t.Fatal(err)
	}
	if h, _ := hashSources(dir, []byte("go1")); h == h3 {
		t.Errorf("hash ignores added files")
	}
	if _, err := hashSources(filepath.Join(dir, "missing"), nil); err == nil {
		t.Errorf("missing directory accepted")
	}
}
