package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wasiManifest is testdata/wasi/manifest.json: the WASI test programs and
// how to run them (see testdata/wasi/README.md).
type wasiManifest struct {
	Format   int       `json:"format"`
	Programs []wasiRun `json:"programs"`
}

type wasiRun struct {
	Name   string   `json:"name"`
	Wasm   string   `json:"wasm"`
	Args   []string `json:"args"`
	Env    []string `json:"env"`
	Dirs   []string `json:"dirs"`
	Listen string   `json:"listen"`
	Client *struct {
		Send   string `json:"send"`
		Expect string `json:"expect"`
	} `json:"client"`
	Stdin string     `json:"stdin"`
	Exit  int        `json:"exit"`
	Setup []fileStep `json:"setup"`
	After []fileStep `json:"after"`
}

type fileStep struct {
	Op      string `json:"op"`
	Path    string `json:"path"`
	Content string `json:"content"`
	Target  string `json:"target"`
}

// TestWASIPrograms runs the C and Go WASI test programs through the
// command line as the manifest describes: every program must exit with
// its expected status, print no FAIL line, and leave the files outside
// its preopens as they were.
func TestWASIPrograms(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "wasi")
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m wasiManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if m.Format != 1 || len(m.Programs) == 0 {
		t.Fatalf("manifest format %d with %d programs", m.Format, len(m.Programs))
	}
	for _, engine := range runEngines(t) {
		for _, p := range m.Programs {
			t.Run(engine+"/"+p.Name, func(t *testing.T) {
				t.Parallel()
				runWASIProgram(t, engine, filepath.Join(dir, p.Wasm), p)
			})
		}
	}
}

func runWASIProgram(t *testing.T, engine, wasmPath string, p wasiRun) {
	tmp := t.TempDir()
	expand := func(s string) string { return strings.ReplaceAll(s, "{tmp}", tmp) }
	for _, s := range p.Setup {
		path := filepath.Join(tmp, s.Path)
		var err error
		switch s.Op {
		case "mkdir":
			err = os.MkdirAll(path, 0o755)
		case "write":
			err = os.WriteFile(path, []byte(s.Content), 0o644)
		case "symlink":
			err = os.Symlink(expand(s.Target), path)
		default:
			err = fmt.Errorf("unknown setup op %q", s.Op)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"--engine", engine, "--timeout", "2m"}
	for _, e := range p.Env {
		args = append(args, "--env", e)
	}
	for _, d := range p.Dirs {
		args = append(args, "--dir", expand(d))
	}
	var addr string
	if p.Listen != "" {
		addr = strings.ReplaceAll(p.Listen, "{port}", fmt.Sprint(freePort(t)))
		args = append(args, "--listen", addr)
	}
	args = append(args, wasmPath)
	args = append(args, p.Args...)

	stdinR, stdinW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdinR.Close()
	go func() {
		io.WriteString(stdinW, p.Stdin)
		stdinW.Close()
	}()
	var stdout, stderr strings.Builder
	done := make(chan int, 1)
	go func() { done <- run(args, stdinR, &stdout, &stderr) }()

	if p.Client != nil {
		if err := talk(addr, p.Client.Send, p.Client.Expect); err != nil {
			t.Errorf("client: %v", err)
		}
	}
	status := <-done
	out := stdout.String()
	if status != p.Exit {
		t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, p.Exit, out, stderr.String())
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "FAIL ") {
			t.Errorf("%s", line)
		}
	}
	if !strings.Contains(out, "ok ") {
		t.Errorf("no check reported ok; stdout:\n%s\nstderr:\n%s", out, stderr.String())
	}
	for _, a := range p.After {
		path := filepath.Join(tmp, a.Path)
		switch a.Op {
		case "content":
			b, err := os.ReadFile(path)
			if err != nil || string(b) != a.Content {
				t.Errorf("after: %s holds %q (%v), want %q", a.Path, b, err, a.Content)
			}
		case "absent":
			if _, err := os.Lstat(path); !os.IsNotExist(err) {
				t.Errorf("after: %s exists (%v), want absent", a.Path, err)
			}
		case "isdir":
			if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
				t.Errorf("after: %s is not a directory (%v)", a.Path, err)
			}
		default:
			t.Errorf("unknown after op %q", a.Op)
		}
	}
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// talk connects to addr (retrying while the guest starts), sends send,
// and expects to read exactly expect before the guest closes.
func talk(addr, send, expect string) error {
	var conn net.Conn
	var err error
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if conn, err = net.DialTimeout("tcp", addr, time.Second); err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(60 * time.Second))
	if _, err := io.WriteString(conn, send); err != nil {
		return err
	}
	got, err := io.ReadAll(bufio.NewReader(conn))
	if err != nil {
		return err
	}
	if string(got) != expect {
		return fmt.Errorf("received %q, want %q", got, expect)
	}
	return nil
}

// runEngines returns the engines "wasmrun --engine" accepts on this
// platform: the interpreter, and the JIT where it exists.
func runEngines(t *testing.T) []string {
	engines := []string{"interp"}
	if status, _, _ := cli("--engine", "jit", "--invoke", "f", write(t, t.TempDir(), "f.wat", `(module (func (export "f")))`)); status == 0 {
		engines = append(engines, "jit")
	}
	return engines
}
