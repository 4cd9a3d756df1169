package harness

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
)

// Sizes are a program's size arguments. Full is tuned so the native build
// runs 0.5–3 s on the reference machine; Reduced is for the tables that
// include interpreters (native ~20–60 ms); Quick and QuickReduced are the
// -quick mode's counterparts. Every engine in one table runs the same size,
// so ratios always compare the same work.
type Sizes struct {
	Full, Reduced, Quick, QuickReduced, Test int
}

// Program is one corpus program.
type Program struct {
	// Name is the program's name in tables and benchmark names.
	Name string
	// File is the .wasm (and native binary) base name; Sub, when set, is
	// the subcommand passed before the size (the Go programs share one
	// binary).
	File, Sub string
	// Go marks Go programs (native runs get GOMAXPROCS=1).
	Go bool
	// What says what the program exercises.
	What string
	// Sizes are its size arguments.
	Sizes Sizes
}

// Programs is the corpus, in table order.
var Programs = []Program{
	{Name: "fib", File: "fib", What: "call-heavy recursion (naive fib, mutual recursion)", Sizes: Sizes{41, 29, 35, 25, 20}},
	{Name: "intloop", File: "intloop", What: "integer loops (Collatz lengths, mixing)", Sizes: Sizes{5000000, 120000, 400000, 20000, 1000}},
	{Name: "nbody", File: "nbody", What: "floating point: 5-body simulation", Sizes: Sizes{15000000, 100000, 1000000, 20000, 1000}},
	{Name: "spectral", File: "spectral", What: "floating point: spectral norm", Sizes: Sizes{4000, 350, 1000, 150, 50}},
	{Name: "matmul", File: "matmul", What: "floating point: dense matrix multiply", Sizes: Sizes{1200, 160, 400, 90, 20}},
	{Name: "sort", File: "sort", What: "memory: quicksort, merge sort, libc qsort", Sizes: Sizes{3000000, 40000, 300000, 8000, 1000}},
	{Name: "hashtable", File: "hashtable", What: "memory: open-addressing hash table", Sizes: Sizes{3000000, 300000, 300000, 50000, 1000}},
	{Name: "memops-mvp", File: "memops-mvp", What: "memcpy/memmove/memset, MVP (libc loops)", Sizes: Sizes{1200, 5, 60, 1, 1}},
	{Name: "memops-bulk", File: "memops-bulk", What: "memcpy/memmove/memset, bulk memory", Sizes: Sizes{1200, 5, 60, 1, 1}},
	{Name: "compress", File: "compress", What: "memory: LZ77 compress + decompress, per 64 KiB window", Sizes: Sizes{240, 4, 16, 1, 1}},
	{Name: "sha256", File: "sha256", What: "crypto: SHA-256, per 64 KiB message", Sizes: Sizes{2500, 32, 200, 5, 1}},
	{Name: "go-json", File: "gowork", Sub: "json", Go: true, What: "Go: encoding/json marshal/unmarshal", Sizes: Sizes{1500, 10, 60, 2, 1}},
	{Name: "go-regex", File: "gowork", Sub: "regex", Go: true, What: "Go: regexp match/submatch/replace", Sizes: Sizes{1000, 5, 50, 1, 1}},
	{Name: "go-strings", File: "gowork", Sub: "strings", Go: true, What: "Go: strings/sort/bytes work", Sizes: Sizes{600, 6, 40, 1, 1}},
	{Name: "go-bigint", File: "gowork", Sub: "bigint", Go: true, What: "Go: math/big (pi digits, factorial, modexp)", Sizes: Sizes{50000, 3000, 10000, 1200, 500}},
}

// Args returns the program's arguments for a size.
func (p *Program) Args(size int) []string {
	if p.Sub != "" {
		return []string{p.Sub, strconv.Itoa(size)}
	}
	return []string{strconv.Itoa(size)}
}

// Corpus locates the corpus files and the built native binaries.
type Corpus struct {
	// Dir is bench/corpus.
	Dir string
	// NativeDir holds native binaries ("" when they are not built).
	NativeDir string
}

// DefaultCorpusDir returns bench/corpus of the checkout this package was
// built from.
func DefaultCorpusDir() string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "build.sh")); err != nil {
		// Built with -trimpath or moved: try the working directory.
		for _, d := range []string{"corpus", filepath.Join("bench", "corpus")} {
			if _, err := os.Stat(filepath.Join(d, "build.sh")); err == nil {
				return d
			}
		}
	}
	return dir
}

// DefaultCacheDir is where built artefacts go: $WASMRUN_BENCH_CACHE, else
// the user cache directory.
func DefaultCacheDir() string {
	if d := os.Getenv("WASMRUN_BENCH_CACHE"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	return filepath.Join(d, "wasmrun-bench")
}

// WasmPath is the committed module for a file name.
func (c *Corpus) WasmPath(file string) string { return filepath.Join(c.Dir, "wasm", file+".wasm") }

// NativePath is the native binary for a program, "" when none is built.
func (c *Corpus) NativePath(p *Program) string {
	if c.NativeDir == "" {
		return ""
	}
	path := filepath.Join(c.NativeDir, p.File)
	if _, err := os.Stat(path); err != nil {
		return ""
	}
	return path
}

// Job returns the job that runs p at size on the given phase.
func (c *Corpus) Job(p *Program, size int) Job {
	j := Job{Name: p.File, Wasm: c.WasmPath(p.File), Native: c.NativePath(p), Args: p.Args(size)}
	if p.Go {
		j.Env = []string{"GOMAXPROCS=1"}
	}
	return j
}

// BuildNative builds the native binaries with corpus/build.sh into a
// directory under cacheDir keyed by the sources' hash, reusing an earlier
// build. It returns the directory and the C compiler used.
func (c *Corpus) BuildNative(ctx context.Context, cacheDir string, log func(string)) (dir, cc string, err error) {
	h := sha256.New()
	for _, pat := range []string{"c/*.c", "go/gowork/*.go", "go/gowork/go.mod", "build.sh"} {
		files, _ := filepath.Glob(filepath.Join(c.Dir, pat))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return "", "", err
			}
			fmt.Fprintf(h, "%s %d\n", filepath.Base(f), len(b))
			h.Write(b)
		}
	}
	h.Write([]byte(os.Getenv("NATIVE_CC")))
	dir = filepath.Join(cacheDir, "native-"+hex.EncodeToString(h.Sum(nil))[:16])
	if b, err := os.ReadFile(filepath.Join(dir, "CC")); err == nil {
		return dir, string(bytes.TrimSpace(b)), nil
	}
	log("building native binaries into " + dir)
	tmp := dir + ".tmp"
	os.RemoveAll(tmp)
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(c.Dir, "build.sh"), "native", tmp)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", "", fmt.Errorf("corpus/build.sh native: %v\n%s", err, out)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return "", "", err
	}
	b, _ := os.ReadFile(filepath.Join(dir, "CC"))
	return dir, string(bytes.TrimSpace(b)), nil
}

// bigModuleSource is a Go program that links a large part of the standard
// library; built for wasip1 it is a module of about 17 MB.
const bigModuleSource = `// Command bigmodule exists to be large: it links much of the standard
// library so that its wasip1 build is a module of more than 10 MB.
package main

import (
	"archive/tar"
	"archive/zip"
	"compress/bzip2"
	"compress/flate"
	"compress/gzip"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"encoding/asn1"
	"encoding/csv"
	"encoding/gob"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"html/template"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/smtp"
	"regexp"
	"text/template/parse"
)

var keep = []any{
	tar.NewReader, zip.NewReader, bzip2.NewReader, flate.NewReader, gzip.NewReader,
	ecdsa.GenerateKey, ed25519.GenerateKey, rsa.GenerateKey, tls.Client, x509.ParseCertificate,
	sql.Open, asn1.Marshal, csv.NewReader, gob.NewEncoder, json.Marshal, xml.Marshal,
	ast.Print, format.Source, parser.ParseFile, printer.Fprint, token.NewFileSet, types.NewPackage,
	(&types.Config{}).Check, template.New, gif.Decode, jpeg.Decode, png.Decode, big.NewInt,
	http.ListenAndServe, http.Get, httptest.NewRecorder, mail.ParseAddress, smtp.Dial,
	regexp.MustCompile, parse.Parse,
}

func main() { fmt.Println("checksum:", len(keep)) }
`

// BuildBigModule builds (once per Go version) the large Go module used for
// the compile-time figures and returns its path.
func BuildBigModule(ctx context.Context, cacheDir string, log func(string)) (string, error) {
	h := sha256.Sum256([]byte(bigModuleSource + runtime.Version()))
	dir := filepath.Join(cacheDir, "bigmodule-"+hex.EncodeToString(h[:])[:16])
	out := filepath.Join(dir, "bigmodule.wasm")
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	log("building the large Go module (first run only; takes ~30 s)")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(bigModuleSource), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module bigmodule\n\ngo 1.21\n"), 0o644); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", out+".tmp", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=", "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the large module: %v\n%s", err, b)
	}
	if err := os.Rename(out+".tmp", out); err != nil {
		return "", err
	}
	st, err := os.Stat(out)
	if err != nil {
		return "", err
	}
	if st.Size() < 10<<20 {
		return "", errors.New("the large module came out smaller than 10 MB")
	}
	return out, nil
}
