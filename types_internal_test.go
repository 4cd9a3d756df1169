package wasmrun

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/store"
)

// The public trap codes are the engines' codes.
func TestTrapCodesMatchTheEngines(t *testing.T) {
	for _, c := range []struct {
		public TrapCode
		engine store.TrapCode
	}{
		{TrapUnreachable, store.TrapUnreachable}, {TrapMemoryOutOfBounds, store.TrapMemoryOutOfBounds},
		{TrapTableOutOfBounds, store.TrapTableOutOfBounds}, {TrapIntegerDivideByZero, store.TrapIntegerDivideByZero},
		{TrapIntegerOverflow, store.TrapIntegerOverflow}, {TrapInvalidConversion, store.TrapInvalidConversion},
		{TrapIndirectCallTypeMismatch, store.TrapIndirectCallTypeMismatch}, {TrapUndefinedElement, store.TrapUndefinedElement},
		{TrapUninitializedElement, store.TrapUninitializedElement}, {TrapNullReference, store.TrapNullReference},
		{TrapCallStackExhausted, store.TrapCallStackExhausted}, {TrapOutOfFuel, store.TrapOutOfFuel},
		{TrapCancelled, store.TrapCancelled}, {TrapHostPanic, store.TrapHostPanic}, {TrapClosed, store.TrapClosed},
	} {
		if uint8(c.public) != uint8(c.engine) {
			t.Errorf("%v: public code %d, engine code %d", c.public, c.public, c.engine)
		}
	}
	// Errors of the engines become the package's.
	err := publicErr(&store.Trap{Code: store.TrapOutOfFuel, Frames: []store.Frame{{Name: "f"}, {Func: 3}}})
	var trap *Trap
	if !errors.As(err, &trap) || !errors.Is(err, ErrOutOfFuel) || errors.Is(err, ErrCancelled) {
		t.Fatalf("%#v is not an out-of-fuel *Trap", err)
	}
	if got, want := trap.Error(), "out of fuel"; got != want {
		t.Errorf("Error() = %q, want %q (one line)", got, want)
	}
	if got, want := trap.Backtrace(), "  0: f\n  1: func[3]\n"; got != want {
		t.Errorf("Backtrace() = %q, want %q", got, want)
	}
	var le *LinkError
	if !errors.As(publicErr(&store.LinkError{Module: "m", Name: "n", Reason: "unknown import"}), &le) {
		t.Error("a link error is not a *LinkError")
	}
	if !errors.Is(publicErr(store.ErrClosed), ErrClosed) {
		t.Error("store.ErrClosed is not ErrClosed")
	}
}

// No exported name of the package shows a type of an internal package
// (what "go doc -all ." prints).
func TestAPIHasNoInternalTypes(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		internal := map[string]bool{}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if strings.Contains(p, "/internal/") {
				name := p[strings.LastIndex(p, "/")+1:]
				if im.Name != nil {
					name = im.Name.Name
				}
				internal[name] = true
			}
		}
		check := func(what string, n ast.Node) {
			if n == nil {
				return
			}
			ast.Inspect(n, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && internal[id.Name] {
						t.Errorf("%s: %s shows %s.%s", fset.Position(sel.Pos()), what, id.Name, sel.Sel.Name)
					}
				}
				return true
			})
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && (d.Recv == nil || ast.IsExported(recvName(d.Recv))) {
					check(d.Name.Name, d.Type)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									if n.IsExported() {
										check(s.Name.Name+"."+n.Name, fl.Type)
									}
								}
							}
							continue
						}
						check(s.Name.Name, s.Type)
					case *ast.ValueSpec:
						for i, n := range s.Names {
							if n.IsExported() {
								check(n.Name, s.Type)
								if i < len(s.Values) {
									check(n.Name, s.Values[i])
								}
							}
						}
					}
				}
			}
		}
	}
}

func recvName(l *ast.FieldList) string {
	e := l.List[0].Type
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
