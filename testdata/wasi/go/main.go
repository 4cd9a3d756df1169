// Command gowasi is a WASI preview 1 test program built with
// GOOS=wasip1 GOARCH=wasm. It exercises the os, io/fs, time and net
// packages, which Go's runtime maps onto wasi_snapshot_preview1.
//
// Usage:
//
//	gowasi files DIR     file-system checks inside the preopened DIR (e.g. /work)
//	gowasi env A B       args (expects exactly "A" "B"), env (GOWASI=yes), clocks, randomness
//	gowasi exit N        prints "ok exit" and exits with status N
//	gowasi stdin         reads stdin to EOF; expects "line one\nline two\n"
//	gowasi echo          accepts one connection on the preopened listener (fd 3) and echoes a line
//
// Each check prints "ok NAME" or "FAIL NAME: detail"; the exit status is 0
// only when every check passed.
package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"
)

var failures int

func check(name string, cond bool, format string, args ...any) {
	if cond {
		fmt.Printf("ok %s\n", name)
		return
	}
	failures++
	fmt.Printf("FAIL %s: %s\n", name, fmt.Sprintf(format, args...))
}

func noErr(name string, err error) bool {
	check(name, err == nil, "%v", err)
	return err == nil
}

func isErr(name string, err, target error) {
	check(name, errors.Is(err, target), "got %v, want %v", err, target)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Println("FAIL usage: gowasi files|env|exit|stdin|echo ...")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "files":
		files(os.Args[2])
	case "env":
		env(os.Args[2:])
	case "exit":
		n, _ := strconv.Atoi(os.Args[2])
		fmt.Println("ok exit")
		os.Exit(n)
	case "stdin":
		b, err := io.ReadAll(os.Stdin)
		noErr("stdin-read", err)
		check("stdin-content", string(b) == "line one\nline two\n", "got %q", b)
	case "echo":
		echo()
	default:
		fmt.Printf("FAIL usage: unknown subcommand %q\n", os.Args[1])
		os.Exit(2)
	}
	fmt.Printf("%d failure(s)\n", failures)
	if failures > 0 {
		os.Exit(1)
	}
}

func files(root string) {
	p := func(s string) string { return filepath.Join(root, s) }
	noErr("write-file", os.WriteFile(p("a.txt"), []byte("hello"), 0o644))
	b, err := os.ReadFile(p("a.txt"))
	check("read-file", err == nil && string(b) == "hello", "%q %v", b, err)
	_, err = os.OpenFile(p("a.txt"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	isErr("open-excl-exists", err, fs.ErrExist)
	_, err = os.Open(p("missing"))
	isErr("open-missing", err, fs.ErrNotExist)

	f, err := os.OpenFile(p("a.txt"), os.O_APPEND|os.O_WRONLY, 0)
	if noErr("open-append", err) {
		_, err = f.WriteString(" world")
		noErr("append-write", err)
		noErr("close", f.Close())
		_, err = f.Write([]byte("x"))
		isErr("write-after-close", err, os.ErrClosed)
	}
	b, _ = os.ReadFile(p("a.txt"))
	check("append-content", string(b) == "hello world", "%q", b)

	f, err = os.OpenFile(p("a.txt"), os.O_RDWR, 0)
	if noErr("open-rdwr", err) {
		buf := make([]byte, 5)
		n, err := f.ReadAt(buf, 6)
		check("read-at", err == nil && n == 5 && string(buf) == "world", "%d %q %v", n, buf, err)
		_, err = f.WriteAt([]byte("W"), 6)
		noErr("write-at", err)
		off, err := f.Seek(-5, io.SeekEnd)
		check("seek-end", err == nil && off == 6, "%d %v", off, err)
		noErr("truncate", f.Truncate(5))
		st, err := f.Stat()
		check("fstat-size", err == nil && st.Size() == 5 && st.Mode().IsRegular(), "%v %v", st, err)
		noErr("sync", f.Sync())
		f.Close()
	}

	mt := time.Unix(1500000000, 123456789)
	at := time.Unix(1400000000, 987654321)
	noErr("chtimes", os.Chtimes(p("a.txt"), at, mt))
	st, err := os.Stat(p("a.txt"))
	check("chtimes-nanoseconds", err == nil && st.ModTime().Equal(mt), "%v %v", st.ModTime(), err)

	noErr("mkdir", os.Mkdir(p("d"), 0o755))
	isErr("mkdir-exists", os.Mkdir(p("d"), 0o755), fs.ErrExist)
	noErr("mkdir-all", os.MkdirAll(p("d/e/f"), 0o755))
	_, err = os.ReadFile(p("d"))
	check("read-dir-as-file", err != nil, "reading a directory succeeded")
	_, err = os.Open(p("a.txt/x"))
	check("open-enotdir", errors.Is(err, syscall.ENOTDIR), "%v", err)

	for _, n := range []string{"x1", "x2", "x3"} {
		os.WriteFile(p("d/"+n), nil, 0o644)
	}
	ents, err := os.ReadDir(p("d"))
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	check("readdir", err == nil && slices.Equal(names, []string{"e", "x1", "x2", "x3"}), "%v %v", names, err)
	dirf, err := os.Open(p("d"))
	if noErr("open-dir", err) {
		var got []string
		for {
			es, err := dirf.ReadDir(1)
			for _, e := range es {
				got = append(got, e.Name())
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				check("readdir-one-at-a-time", false, "%v", err)
				break
			}
		}
		slices.Sort(got)
		check("readdir-one-at-a-time", slices.Equal(got, names), "%v", got)
		dirf.Close()
	}

	noErr("symlink", os.Symlink("a.txt", p("ln")))
	tgt, err := os.Readlink(p("ln"))
	check("readlink", err == nil && tgt == "a.txt", "%q %v", tgt, err)
	lst, err := os.Lstat(p("ln"))
	check("lstat-symlink", err == nil && lst.Mode()&fs.ModeSymlink != 0, "%v %v", lst, err)
	st, err = os.Stat(p("ln"))
	check("stat-follows", err == nil && st.Mode().IsRegular(), "%v %v", st, err)
	noErr("link", os.Link(p("a.txt"), p("hard")))
	st2, _ := os.Stat(p("hard"))
	check("link-same-file", os.SameFile(st, st2), "different files")
	noErr("rename", os.Rename(p("hard"), p("d/hard")))
	_, err = os.Stat(p("hard"))
	isErr("rename-old-gone", err, fs.ErrNotExist)
	err = os.Remove(p("d"))
	check("remove-nonempty-dir", errors.Is(err, syscall.ENOTEMPTY), "%v", err)
	noErr("remove-all", os.RemoveAll(p("d")))
	_, err = os.Stat(p("d"))
	isErr("remove-all-gone", err, fs.ErrNotExist)
	noErr("remove-symlink", os.Remove(p("ln")))
	noErr("remove-file", os.Remove(p("a.txt")))
	isErr("remove-missing", os.Remove(p("a.txt")), fs.ErrNotExist)
	_, err = os.Open("/elsewhere/x")
	check("open-outside-preopens", err != nil, "opened a path outside every preopen")
}

func env(args []string) {
	check("args", slices.Equal(args, []string{"first arg", "second"}), "%q", args)
	check("getenv", os.Getenv("GOWASI") == "yes", "%q", os.Getenv("GOWASI"))
	_, ok := os.LookupEnv("PATH")
	check("env-not-inherited", !ok && len(os.Environ()) == 1, "%q", os.Environ())
	now := time.Now()
	check("time-now", now.Year() >= 2020 && now.Year() < 2100, "%v", now)
	t0 := time.Now()
	time.Sleep(20 * time.Millisecond) // poll_oneoff with a clock subscription
	check("sleep", time.Since(t0) >= 20*time.Millisecond, "slept %v", time.Since(t0))
	var b1, b2 [32]byte
	_, err1 := rand.Read(b1[:])
	_, err2 := rand.Read(b2[:])
	check("random", err1 == nil && err2 == nil && b1 != b2, "%v %v", err1, err2)
	ch := make(chan int)
	go func() { ch <- 42 }() // scheduler, sched_yield
	check("goroutine", <-ch == 42, "no value")
}

func echo() {
	l, err := net.FileListener(os.NewFile(3, "listener"))
	if !noErr("file-listener", err) {
		return
	}
	c, err := l.Accept()
	if !noErr("accept", err) {
		return
	}
	line, err := bufio.NewReader(c).ReadBytes('\n')
	check("recv", err == nil && bytes.Equal(line, []byte("ping\n")), "%q %v", line, err)
	_, err = c.Write(line)
	noErr("send", err)
	if tc, ok := c.(interface{ CloseWrite() error }); ok {
		noErr("shutdown-write", tc.CloseWrite())
	}
	noErr("close", c.Close())
}
