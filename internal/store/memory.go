package store

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"golang.org/x/sys/unix"

	"github.com/wasmrun/wasmrun/wasm"
)

// DefaultMemoryReserve is the address space reserved for a memory without
// a declared maximum: 4 GiB, the whole 32-bit address space. It is only
// reserved (PROT_NONE), not committed; pages are committed as the memory
// grows.
const DefaultMemoryReserve = 4 << 30

// Memory is a linear memory instance.
//
// The memory's address space is reserved once with mmap(PROT_NONE) — the
// declared maximum, or Config.MemoryReserve for a memory without one — and
// pages are made readable and writable with mprotect as the memory grows,
// so the base address never moves: a slice returned by Bytes stays valid
// (for the length it had) until Close, even after Grow.
//
// A Memory is not safe for concurrent Grow; reading and writing its bytes
// from several goroutines is as safe as with any []byte.
type Memory struct {
	Type wasm.MemoryType

	mapping []byte       // the whole reservation
	res     *reservation // owner of the reservation, shared with the GC cleanup
	size    uint64       // current size in bytes
	max     uint64       // effective maximum size in pages
	closed  bool
	mu      sync.Mutex
}

// reserve owns an address-space reservation; release unmaps it once,
// whether from Close or from the cleanup run when the Memory is
// collected without being closed.
type reservation struct {
	b    []byte
	once sync.Once
}

func (r *reservation) release() error {
	var err error
	r.once.Do(func() { err = unix.Munmap(r.b) })
	return err
}

// NewMemory creates a memory of type t. limitPages (0 for none) caps the
// pages the memory may ever have below the declared maximum and 65536;
// reserve (0 for DefaultMemoryReserve) is the address space reserved for
// a memory without a declared maximum.
func NewMemory(t wasm.MemoryType, limitPages uint64, reserve uint64) (*Memory, error) {
	maxPages := uint64(wasm.MaxPages32)
	if t.Limits.HasMax && t.Limits.Max < maxPages {
		maxPages = t.Limits.Max
	}
	if limitPages != 0 && limitPages < maxPages {
		maxPages = limitPages
	}
	if reserve == 0 {
		reserve = DefaultMemoryReserve
	}
	if !t.Limits.HasMax && reserve/wasm.PageSize < maxPages {
		maxPages = reserve / wasm.PageSize
	}
	if t.Limits.Min > maxPages {
		return nil, fmt.Errorf("memory minimum of %d pages exceeds the limit of %d pages", t.Limits.Min, maxPages)
	}
	m := &Memory{Type: t, max: maxPages}
	if maxPages > 0 {
		b, err := unix.Mmap(-1, 0, int(maxPages*wasm.PageSize), unix.PROT_NONE, unix.MAP_PRIVATE|unix.MAP_ANON|mapNoReserve)
		if err != nil {
			return nil, fmt.Errorf("reserving %d pages of linear memory: %w", maxPages, err)
		}
		m.mapping = b
		adviseHugePages(b)
		m.res = &reservation{b: b}
		runtime.AddCleanup(m, func(r *reservation) { r.release() }, m.res)
	}
	if t.Limits.Min > 0 {
		if _, ok := m.Grow(t.Limits.Min); !ok {
			m.Close()
			return nil, errors.New("committing the initial linear memory failed")
		}
	}
	return m, nil
}

// Bytes returns the memory's current contents. The slice aliases the
// memory; it stays valid until Close but does not see later growth.
func (m *Memory) Bytes() []byte { return m.mapping[:m.size:m.size] }

// Size returns the current size in bytes.
func (m *Memory) Size() uint64 { return m.size }

// Pages returns the current size in pages.
func (m *Memory) Pages() uint64 { return m.size / wasm.PageSize }

// MaxPages returns the most pages the memory can ever have (the declared
// maximum, lowered by the configured limits).
func (m *Memory) MaxPages() uint64 { return m.max }

// Grow adds delta pages and returns the previous size in pages; ok is
// false (and the memory is unchanged) when the result would exceed the
// maximum or the pages cannot be committed.
func (m *Memory) Grow(delta uint64) (old uint64, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	old = m.size / wasm.PageSize
	if m.closed || delta > m.max || old+delta > m.max {
		return old, false
	}
	if delta == 0 {
		return old, true
	}
	newSize := (old + delta) * wasm.PageSize
	if err := unix.Mprotect(m.mapping[m.size:newSize], unix.PROT_READ|unix.PROT_WRITE); err != nil {
		return old, false
	}
	m.size = newSize
	return old, true
}

// Close releases the memory's address space. Slices returned by Bytes
// must not be used afterwards. Close is idempotent.
func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	m.size = 0
	m.mapping = nil
	if m.res != nil {
		return m.res.release()
	}
	return nil
}
