// Command gofmt is a small gofmt -l/-d: for each directory or file named on
// the command line it parses every .go file (skipping _test.go files and
// testdata), formats it with go/format, and reports per file whether it was
// already formatted, its declaration counts and the sha256 of the
// formatted source. A file given by name is also rewritten in place when it
// was not formatted. Used by TestRealWorld under GOOS=wasip1.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gofmt DIR|FILE...")
		os.Exit(2)
	}
	status := 0
	var total struct{ files, funcs, types, unformatted, lines int }
	for _, arg := range os.Args[1:] {
		st, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
			continue
		}
		var files []string
		if st.IsDir() {
			entries, err := os.ReadDir(arg)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				status = 1
				continue
			}
			for _, e := range entries {
				n := e.Name()
				if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
					files = append(files, filepath.Join(arg, n))
				}
			}
		} else {
			files = []string{arg}
		}
		sort.Strings(files)
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				status = 1
				continue
			}
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, f, src, parser.ParseComments)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				status = 1
				continue
			}
			funcs, types := 0, 0
			ast.Inspect(file, func(n ast.Node) bool {
				switch n.(type) {
				case *ast.FuncDecl, *ast.FuncLit:
					funcs++
				case *ast.TypeSpec:
					types++
				}
				return true
			})
			out, err := format.Source(src)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				status = 1
				continue
			}
			same := bytes.Equal(src, out)
			mark := "ok  "
			if !same {
				mark = "diff"
				total.unformatted++
				if !st.IsDir() {
					if err := os.WriteFile(f, out, 0o644); err != nil {
						fmt.Fprintln(os.Stderr, err)
						status = 1
					}
				}
			}
			total.files++
			total.funcs += funcs
			total.types += types
			total.lines += bytes.Count(out, []byte("\n"))
			fmt.Printf("%s %-40s pkg=%-8s funcs=%-4d types=%-3d lines=%-5d sha256=%x\n",
				mark, f, file.Name.Name, funcs, types, bytes.Count(out, []byte("\n")), sha256.Sum256(out))
		}
	}
	fmt.Printf("total: %d files, %d funcs, %d types, %d lines, %d not formatted\n",
		total.files, total.funcs, total.types, total.lines, total.unformatted)
	os.Exit(status)
}
