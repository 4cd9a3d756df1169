package store

import (
	"fmt"
	"strings"
)

// TrapCode says why execution trapped.
type TrapCode uint8

// Trap codes. The String form of each is the wording the WebAssembly spec
// test suite uses in assert_trap and assert_exhaustion.
const (
	TrapUnreachable TrapCode = iota + 1
	TrapMemoryOutOfBounds
	TrapTableOutOfBounds
	TrapIntegerDivideByZero
	TrapIntegerOverflow
	TrapInvalidConversion
	TrapIndirectCallTypeMismatch
	TrapUndefinedElement
	TrapUninitializedElement
	TrapNullReference
	TrapCallStackExhausted
	TrapOutOfFuel
	TrapCancelled
	TrapHostPanic
	TrapClosed
	TrapNullFunctionReference
)

var trapMessages = [...]string{
	TrapUnreachable:              "unreachable",
	TrapMemoryOutOfBounds:        "out of bounds memory access",
	TrapTableOutOfBounds:         "out of bounds table access",
	TrapIntegerDivideByZero:      "integer divide by zero",
	TrapIntegerOverflow:          "integer overflow",
	TrapInvalidConversion:        "invalid conversion to integer",
	TrapIndirectCallTypeMismatch: "indirect call type mismatch",
	TrapUndefinedElement:         "undefined element",
	TrapUninitializedElement:     "uninitialized element",
	TrapNullReference:            "null reference",
	TrapCallStackExhausted:       "call stack exhausted",
	TrapOutOfFuel:                "out of fuel",
	TrapCancelled:                "cancelled",
	TrapHostPanic:                "host function panicked",
	TrapClosed:                   "instance closed",
	TrapNullFunctionReference:    "null function reference",
}

// String returns the spec test suite's wording for the trap.
func (c TrapCode) String() string {
	if int(c) < len(trapMessages) && trapMessages[c] != "" {
		return trapMessages[c]
	}
	return fmt.Sprintf("trap %d", uint8(c))
}

// Frame is one entry of a Wasm backtrace.
type Frame struct {
	// Module is the module's name from its name section ("" when absent).
	Module string
	// Func is the function's index in its module's function index space.
	Func uint32
	// Name is the function's name from the name section ("" when absent).
	Name string
}

// String renders the frame as "module!name" or "func[3]".
func (f Frame) String() string {
	var b strings.Builder
	if f.Module != "" {
		b.WriteString(f.Module)
		b.WriteByte('!')
	}
	if f.Name != "" {
		b.WriteString(f.Name)
	} else {
		fmt.Fprintf(&b, "func[%d]", f.Func)
	}
	return b.String()
}

// Trap is the error returned when WebAssembly execution traps. Frames is
// the Wasm call stack at the trap, innermost first.
type Trap struct {
	Code   TrapCode
	Frames []Frame
	// Detail, when not empty, follows the code's wording in the message
	// (the element index of TrapUninitializedElement, as in
	// "uninitialized element 2").
	Detail string
	// Cause is the underlying error for TrapCancelled (the context's
	// error) and TrapHostPanic (the recovered value); nil otherwise.
	Cause error
}

// Error returns the trap message followed by the backtrace, one frame per
// line.
func (t *Trap) Error() string {
	var b strings.Builder
	b.WriteString(t.Code.String())
	if t.Detail != "" {
		b.WriteByte(' ')
		b.WriteString(t.Detail)
	}
	if t.Cause != nil {
		b.WriteString(": ")
		b.WriteString(t.Cause.Error())
	}
	for i, f := range t.Frames {
		fmt.Fprintf(&b, "\n  %d: %s", i, f.String())
	}
	return b.String()
}

// Unwrap returns Cause.
func (t *Trap) Unwrap() error { return t.Cause }

// Is reports whether target is a *Trap with the same code, so that
// errors.Is(err, &store.Trap{Code: store.TrapUnreachable}) works, and
// matches ErrClosed for TrapClosed.
func (t *Trap) Is(target error) bool {
	if target == ErrClosed {
		return t.Code == TrapClosed
	}
	o, ok := target.(*Trap)
	return ok && o.Code == t.Code
}

// FrameOf returns the backtrace frame of function index idx of inst.
func FrameOf(inst *Instance, idx uint32) Frame {
	f := Frame{Func: idx}
	if inst != nil && inst.Module != nil && inst.Module.Wasm != nil {
		if n := inst.Module.Wasm.Names; n != nil {
			f.Module = n.Module
			f.Name = n.Funcs[idx]
		}
	}
	return f
}

// LinkError is returned by Instantiate when an import cannot be resolved
// or has the wrong type. Reason is "unknown import" or "incompatible
// import type", the spec test suite's wording.
type LinkError struct {
	Module, Name string
	Reason       string
}

// Error formats the error as `unknown import: "env" "f"`.
func (e *LinkError) Error() string {
	return fmt.Sprintf("%s: %q %q", e.Reason, e.Module, e.Name)
}
