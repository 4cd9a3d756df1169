package wasmrun

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// Tag is an exception tag (WebAssembly 3.0 exception handling): the
// identity of a kind of exception and the types of the values it carries.
// Tags are compared by identity: two tags created separately are
// different even with equal types, and each tag has exactly one *Tag, so
// == compares tags.
type Tag struct {
	t *store.Tag
}

// NewTag creates a tag whose exceptions carry values of the types params,
// for host modules to export (HostModuleBuilder.Tag) and host functions
// to throw (Throw).
func (r *Runtime) NewTag(params []wasm.ValType) (*Tag, error) {
	for _, p := range params {
		if !p.IsValid() {
			return nil, errorf("NewTag: invalid value type %#x", uint32(p))
		}
		if h := p.Heap(); p.IsRef() && h.IsConcrete() {
			return nil, errorf("NewTag: %s names a type index, which means nothing outside a module", p)
		}
	}
	ft := wasm.FuncType{Params: append([]wasm.ValType(nil), params...)}
	return wrapTag(r.store.NewTag(ft, "")), nil
}

// wrapTag returns t's one *Tag (nil for nil).
func wrapTag(t *store.Tag) *Tag {
	if t == nil {
		return nil
	}
	if w, ok := t.Ext.Load().(*Tag); ok {
		return w
	}
	w := &Tag{t: t}
	if t.Ext.CompareAndSwap(nil, w) {
		return w
	}
	return t.Ext.Load().(*Tag)
}

// Params returns the types of the values exceptions with the tag carry.
func (t *Tag) Params() []wasm.ValType {
	if t == nil || t.t == nil {
		return nil
	}
	return append([]wasm.ValType(nil), t.t.Type.Params...)
}

// PayloadSlots returns the number of slots of a payload (one per value,
// two for a v128).
func (t *Tag) PayloadSlots() int {
	if t == nil || t.t == nil {
		return 0
	}
	return t.t.ParamSlots
}

// String names the tag by the name it was first exported under, or
// describes it by its type.
func (t *Tag) String() string {
	if t == nil || t.t == nil {
		return "no tag"
	}
	if t.t.Name != "" {
		return "tag " + t.t.Name
	}
	var b strings.Builder
	b.WriteString("tag (param")
	for _, p := range t.t.Type.Params {
		b.WriteString(" " + p.String())
	}
	b.WriteString(")")
	return b.String()
}

// Exception is the error of a call that a WebAssembly exception left
// uncaught: the exception's tag and the values it carries. A host
// function that panics with it (or calls Throw) throws the exception into
// the Wasm code that called it, where try_table can catch it.
type Exception struct {
	tag     *Tag
	payload []uint64
	exc     *store.Exception
}

// Tag returns the exception's tag.
func (e *Exception) Tag() *Tag { return e.tag }

// Payload returns the values the exception carries, one slot per value
// (two for a v128), in the encoding of Function.Call.
func (e *Exception) Payload() []uint64 { return append([]uint64(nil), e.payload...) }

// Error describes the exception: "wasmrun: uncaught exception (tag NAME)
// carrying i32:1 ...".
func (e *Exception) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "wasmrun: uncaught exception (%s)", e.tag)
	if e.exc == nil {
		return b.String()
	}
	if s := e.exc.Error(); strings.Contains(s, " carrying ") {
		b.WriteString(s[strings.Index(s, " carrying "):])
	}
	return b.String()
}

// Unwrap returns the engine's form of the exception, through which an
// exception a host function rethrows keeps its identity.
func (e *Exception) Unwrap() error {
	if e.exc == nil {
		return nil
	}
	return e.exc
}

// Is reports whether target is an *Exception with the same tag.
func (e *Exception) Is(target error) bool {
	var o *Exception
	return errors.As(target, &o) && o.tag == e.tag
}

// NewException returns an exception with tag and payload (one slot per
// value, two for a v128), for a host function to throw with panic, or
// an error if the payload does not fit the tag.
func NewException(tag *Tag, payload ...uint64) (*Exception, error) {
	if tag == nil {
		return nil, errorf("NewException: nil tag")
	}
	if tag.t == nil {
		return nil, errorf("NewException: a Tag not made by Runtime.NewTag or an instance")
	}
	if len(payload) != tag.t.ParamSlots {
		return nil, errorf("NewException: %d payload slots for %s, which carries %d", len(payload), tag, tag.t.ParamSlots)
	}
	p := append([]uint64(nil), payload...)
	for i, j := 0, 0; i < len(tag.t.Type.Params); i++ {
		if t := tag.t.Type.Params[i]; t == wasm.I32 || t == wasm.F32 {
			p[j] = uint64(uint32(p[j])) // 32-bit values are zero-extended slots
		}
		j += tag.t.Type.Params[i].Slots()
	}
	return wrapException(&store.Exception{Tag: tag.t, Payload: p}), nil
}

// Throw throws a WebAssembly exception with tag and payload from a host
// function: it does not return. The Wasm code that called the host
// function can catch it; uncaught, it is the error of the call from Go
// (an *Exception). A payload that does not fit the tag makes the host
// call fail with that error instead.
func Throw(tag *Tag, payload ...uint64) {
	e, err := NewException(tag, payload...)
	if err != nil {
		panic(err)
	}
	panic(e)
}

func wrapException(e *store.Exception) *Exception {
	return &Exception{tag: wrapTag(e.Tag), payload: append([]uint64(nil), e.Payload...), exc: e}
}

// ExportedTag returns the tag exported as name, or nil.
func (i *Instance) ExportedTag(name string) *Tag {
	ex, ok := i.inst.Export(name)
	if !ok || ex.Kind != wasm.ExternTag {
		return nil
	}
	return wrapTag(ex.Tag)
}

// Tag adds a tag export, which modules import with (import "NAME" "name"
// (tag ...)) of the same type.
func (b *HostModuleBuilder) Tag(name string, tag *Tag) *HostModuleBuilder {
	if _, dup := b.exports[name]; dup && b.err == nil {
		b.err = errorf("host module %q: duplicate export %q", b.name, name)
	}
	if tag == nil && b.err == nil {
		b.err = errorf("host module %q: nil tag %q", b.name, name)
		return b
	}
	if tag != nil && tag.t == nil && b.err == nil {
		b.err = errorf("host module %q: tag %q was not made by Runtime.NewTag", b.name, name)
	}
	if tag != nil && tag.t != nil {
		b.exports[name] = store.Extern{Kind: wasm.ExternTag, Tag: tag.t}
	}
	return b
}
