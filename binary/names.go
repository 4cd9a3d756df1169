package binary

import (
	"math"
	"unicode/utf8"

	"github.com/wasmrun/wasmrun/wasm"
)

// Subsection ids of the "name" custom section.
const (
	nameModule = 0
	nameFuncs  = 1
	nameLocals = 2
)

// parseNames parses the payload of a "name" custom section. Custom
// sections are uninterpreted by the specification, so any malformation
// yields nil instead of an error. Unknown subsections are skipped, and so
// are the names of functions at index numFuncs or above, which do not
// exist: the maps hold at most one entry per function, whatever count
// the section declares, so a huge section of names of nothing costs no
// memory.
func parseNames(payload []byte, numFuncs uint32) *wasm.Names {
	// One copy of the payload backs every name string.
	p := &nameParser{text: string(payload)}
	r := NewReader(payload, 0)
	names := &wasm.Names{}
	lastID := -1
	for !r.EOF() {
		id, err := r.ReadByte()
		if err != nil {
			return nil
		}
		size, err := r.ReadU32()
		if err != nil || uint64(size) > uint64(r.Len()) {
			return nil
		}
		if int(id) <= lastID {
			return nil // subsections appear at most once, in order
		}
		lastID = int(id)
		base := r.pos
		body, _ := r.ReadBytes(int(size))
		sub := NewReader(body, base)
		switch id {
		case nameModule:
			s, ok := p.name(&sub)
			if !ok {
				return nil
			}
			names.Module = s
		case nameFuncs:
			m, ok := p.nameMap(&sub, numFuncs)
			if !ok {
				return nil
			}
			names.Funcs = m
		case nameLocals:
			n, err := sub.ReadU32()
			if err != nil {
				return nil
			}
			names.Locals = make(map[uint32]map[uint32]string)
			prev := int64(-1)
			for i := uint32(0); i < n; i++ {
				idx, err := sub.ReadU32()
				if err != nil || int64(idx) <= prev {
					return nil
				}
				prev = int64(idx)
				m, ok := p.nameMap(&sub, math.MaxUint32)
				if !ok {
					return nil
				}
				if idx < numFuncs {
					names.Locals[idx] = m
				}
			}
		default:
			continue
		}
		if !sub.EOF() {
			return nil
		}
	}
	return names
}

// nameParser reads names as substrings of text, the whole payload.
type nameParser struct{ text string }

func (p *nameParser) name(r *Reader) (string, bool) {
	n, err := r.ReadU32()
	if err != nil {
		return "", false
	}
	at := r.Offset()
	b, err := r.ReadBytes(int(n))
	if err != nil || !utf8.Valid(b) {
		return "", false
	}
	return p.text[at : at+len(b)], true
}

// nameMap reads a vector of (index, name) pairs with strictly increasing
// indices, keeping those below limit.
func (p *nameParser) nameMap(r *Reader, limit uint32) (map[uint32]string, bool) {
	n, err := r.ReadU32()
	if err != nil || uint64(n) > uint64(r.Len()) {
		return nil, false
	}
	m := make(map[uint32]string, min(n, limit, 1<<16))
	prev := int64(-1)
	for i := uint32(0); i < n; i++ {
		idx, err := r.ReadU32()
		if err != nil || int64(idx) <= prev {
			return nil, false
		}
		prev = int64(idx)
		s, ok := p.name(r)
		if !ok {
			return nil, false
		}
		if idx < limit {
			m[idx] = s
		}
	}
	return m, true
}
