package store

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

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
// Reading and writing its bytes from several goroutines is as safe as
// with any []byte; Grow and Close may be called from any goroutine.
//
// Calls running Wasm code that uses the memory hold it (Acquire, done by
// Instance.Enter): Close marks the memory closed at once (Bytes returns
// nil, Grow fails, Acquire fails) but unmaps it only when the last holder
// releases it, so code still running never touches unmapped memory.
type Memory struct {
	Type wasm.MemoryType

	mapping []byte       // the whole reservation; never changes after NewMemory
	res     *reservation // owner of the reservation, shared with the GC cleanup
	size    atomic.Uint64
	max     uint64 // effective maximum size in pages
	closed  atomic.Bool
	users   atomic.Int64 // holders (calls running with the memory)
	mu      sync.Mutex   // serialises Grow and Close

	// Ext is free for the embedder (the public API's wrapper).
	Ext atomic.Value
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

// Bytes returns the memory's current contents (nil after Close). The
// slice aliases the memory; it stays valid until Close (and, for a host
// function, until its call returns) but does not see later growth.
func (m *Memory) Bytes() []byte {
	if m.closed.Load() {
		return nil
	}
	n := m.size.Load()
	return m.mapping[:n:n]
}

// Held returns the memory's contents like Bytes, but also after Close: an
// engine running a call that holds the memory (Acquire) uses it, since the
// mapping stays until the call releases it.
func (m *Memory) Held() []byte {
	n := m.size.Load()
	return m.mapping[:n:n]
}

// Size returns the current size in bytes.
func (m *Memory) Size() uint64 { return m.size.Load() }

// Pages returns the current size in pages.
func (m *Memory) Pages() uint64 { return m.size.Load() / wasm.PageSize }

// Closed reports whether Close has been called.
func (m *Memory) Closed() bool { return m.closed.Load() }

// Acquire holds the memory mapped until Release; it fails (holding
// nothing) once the memory is closed.
func (m *Memory) Acquire() bool {
	m.users.Add(1)
	if m.closed.Load() {
		m.Release()
		return false
	}
	return true
}

// Release ends a hold of Acquire; the last release of a closed memory
// unmaps it.
func (m *Memory) Release() {
	if m.users.Add(-1) == 0 && m.closed.Load() && m.res != nil {
		m.res.release()
	}
}

// MaxPages returns the most pages the memory can ever have (the declared
// maximum, lowered by the configured limits).
func (m *Memory) MaxPages() uint64 { return m.max }

// Grow adds delta pages and returns the previous size in pages; ok is
// false (and the memory is unchanged) when the result would exceed the
// maximum or the pages cannot be committed.
func (m *Memory) Grow(delta uint64) (old uint64, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	size := m.size.Load()
	old = size / wasm.PageSize
	if m.closed.Load() || delta > m.max || old+delta > m.max {
		return old, false
	}
	if delta == 0 {
		return old, true
	}
	newSize := (old + delta) * wasm.PageSize
	if err := unix.Mprotect(m.mapping[size:newSize], unix.PROT_READ|unix.PROT_WRITE); err != nil {
		return old, false
	}
	m.size.Store(newSize)
	return old, true
}

// Close closes the memory: from now on Bytes returns nil, Grow fails and
// calls that would use the memory fail with ErrClosed. The address space
// is unmapped now, or, when calls running Wasm code hold the memory, when
// the last of them returns (they end with a trap at their next
// interruption point or host call). Slices returned by Bytes must not be
// used after Close. Close is idempotent.
func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed.Load() {
		return nil
	}
	m.closed.Store(true)
	if m.users.Load() == 0 && m.res != nil {
		return m.res.release()
	}
	return nil
}
