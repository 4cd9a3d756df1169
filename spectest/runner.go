package spectest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// Outcome is the verdict on one command.
type Outcome byte

// Outcomes.
const (
	Passed Outcome = iota
	Failed
	Skipped
)

// String returns "passed", "failed" or "skipped".
func (o Outcome) String() string {
	switch o {
	case Passed:
		return "passed"
	case Failed:
		return "failed"
	}
	return "skipped"
}

// Result is the verdict on one command of a script. Expected and Got are
// filled in for failed and skipped commands.
type Result struct {
	File     string
	Line     int
	Command  string // the command keyword, plus the action or module $id
	Outcome  Outcome
	Expected string
	Got      string
	// Mismatch is set when an assert_invalid or assert_malformed command
	// passed but the error did not contain the expected message: it holds
	// the error we gave.
	Mismatch string
}

// Location returns "file:line".
func (r Result) Location() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// String formats a failed or skipped result as
// "file:line: command: expected X, got Y".
func (r Result) String() string {
	return fmt.Sprintf("%s:%d: %s: expected %s, got %s", r.File, r.Line, r.Command, r.Expected, r.Got)
}

// Stats counts outcomes and how many failure messages of the malformed and
// invalid assertions our errors match.
type Stats struct {
	Passed, Failed, Skipped int
	// MalformedMatched counts the assert_malformed commands on binary
	// modules whose expected message is contained in the Reason of the
	// *binary.Error that decoding returned; MalformedTotal counts all
	// assert_malformed commands on binary modules.
	MalformedMatched, MalformedTotal int
	// QuoteMatched and QuoteTotal count the same for assert_malformed on
	// text (quote) modules, against the parser's error message.
	QuoteMatched, QuoteTotal int
	// InvalidMatched counts the assert_invalid commands whose expected
	// message is contained in the *validate.Error Reason; InvalidTotal
	// counts all assert_invalid commands.
	InvalidMatched, InvalidTotal int
}

// Add adds the counts of o to s.
func (s *Stats) Add(o Stats) {
	s.Passed += o.Passed
	s.Failed += o.Failed
	s.Skipped += o.Skipped
	s.MalformedMatched += o.MalformedMatched
	s.MalformedTotal += o.MalformedTotal
	s.QuoteMatched += o.QuoteMatched
	s.QuoteTotal += o.QuoteTotal
	s.InvalidMatched += o.InvalidMatched
	s.InvalidTotal += o.InvalidTotal
}

// Options configure Run.
type Options struct {
	// Engine runs modules; nil selects validation-only mode, where every
	// command that needs execution is skipped.
	Engine Engine
	// Features is the set of WebAssembly 3.0 features enabled in decoding
	// and validation; the zero value runs the scripts as WebAssembly 2.0
	// (wasm.Features3: as 3.0).
	Features wasm.Features
	// Validate validates a module; nil means validate.ModuleConfig with
	// Features.
	Validate func(*wasm.Module) (*validate.Info, error)
	// Output receives what the spectest print functions print; nil
	// discards it.
	Output io.Writer
	// Timeout bounds each instantiation and invocation through the
	// context given to the Engine; 0 means no limit.
	Timeout time.Duration
}

// Run executes the commands of a script in order and returns one Result
// per command, with the totals. A panic in a parser, the validator or the
// engine is caught and reported as the failure of its command. Run does
// not close opts.Engine.
func Run(s *Script, opts Options) ([]Result, Stats) {
	r := &runner{
		opts:       opts,
		file:       s.Name,
		named:      map[string]Instance{},
		registered: map[string]Instance{},
		defs:       map[string]definedModule{},
	}
	if r.opts.Validate == nil {
		cfg := validate.Config{Features: opts.Features}
		r.opts.Validate = func(m *wasm.Module) (*validate.Info, error) { return validate.ModuleConfig(m, cfg) }
	}
	results := make([]Result, 0, len(s.Commands))
	for i := range s.Commands {
		res := r.run(&s.Commands[i])
		switch res.Outcome {
		case Passed:
			r.stats.Passed++
		case Failed:
			r.stats.Failed++
		default:
			r.stats.Skipped++
		}
		results = append(results, res)
	}
	return results, r.stats
}

// RunFile reads, parses and runs the script at path. The error reports
// a file that cannot be read or whose S-expressions are malformed; failed
// commands are reported in the results.
func RunFile(path string, opts Options) ([]Result, Stats, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, Stats{}, err
	}
	s, err := ParseScript(path, src)
	if err != nil {
		return nil, Stats{}, err
	}
	results, stats := Run(s, opts)
	return results, stats, nil
}

// runner holds the state of one script run.
type runner struct {
	opts       Options
	file       string
	stats      Stats
	current    Instance                 // the most recently instantiated module
	named      map[string]Instance      // modules by $id
	registered map[string]Instance      // instances by registered name
	spectest   bool                     // the spectest host module is registered
	mismatch   string                   // the unmatched error of the current command
	defs       map[string]definedModule // (module definition $id ...) forms
	lastDef    definedModule            // the most recent module definition
}

// definedModule is a validated module of a (module definition ...) form.
type definedModule struct {
	m    *wasm.Module
	info *validate.Info
}

// run executes one command, turning panics into failures.
func (r *runner) run(c *Command) (res Result) {
	res = Result{File: r.file, Line: c.Line, Command: commandLabel(c)}
	defer func() {
		if p := recover(); p != nil {
			res.Outcome = Failed
			res.Expected = "no panic"
			res.Got = fmt.Sprintf("panic: %v", p)
		}
	}()
	r.mismatch = ""
	var exp, got string
	res.Outcome, exp, got = r.exec(c)
	res.Expected, res.Got, res.Mismatch = exp, got, r.mismatch
	if res.Mismatch != "" {
		res.Expected = fmt.Sprintf("%q", c.Message)
	}
	return res
}

// commandLabel names a command for reports.
func commandLabel(c *Command) string {
	kw := c.Kind.String()
	switch {
	case c.Kind == CmdAction && c.Action != nil:
		return c.Action.String()
	case c.Action != nil:
		return kw + " (" + c.Action.String() + ")"
	case c.Kind == CmdRegister:
		return kw + " " + quoteName(c.Name)
	case c.Module != nil && c.Module.ID != "":
		if c.Kind == CmdModule {
			return kw + " " + c.Module.ID
		}
		return kw + " (module " + c.Module.ID + ")"
	}
	return kw
}

// failf is a shorthand for a failed outcome.
func failf(exp, format string, args ...any) (Outcome, string, string) {
	return Failed, exp, fmt.Sprintf(format, args...)
}

// skip is the outcome of a command that needs an engine.
func skip(exp string) (Outcome, string, string) {
	return Skipped, exp, "not run (validation only)"
}

func (r *runner) exec(c *Command) (Outcome, string, string) {
	switch c.Kind {
	case CmdInvalid:
		return failf("a well-formed command", "%v", c.Err)
	case CmdModule:
		m, info, err := r.load(c.Module)
		if err != nil {
			r.forget(c.Module.ID)
			return failf("module to parse and validate", "%v", err)
		}
		if r.opts.Engine == nil {
			return Passed, "", ""
		}
		if c.Module.Definition {
			r.defs[c.Module.ID] = definedModule{m, info}
			r.lastDef = definedModule{m, info}
			return Passed, "", ""
		}
		inst, err := r.instantiate(m, info)
		if err != nil {
			r.forget(c.Module.ID)
			return failf("module to instantiate", "%v", err)
		}
		r.current = inst
		if c.Module.ID != "" {
			r.named[c.Module.ID] = inst
		}
		return Passed, "", ""
	case CmdModuleInstance:
		exp := "module to instantiate"
		if r.opts.Engine == nil {
			return skip(exp)
		}
		d := r.lastDef
		if c.ID != "" {
			var ok bool
			if d, ok = r.defs[c.ID]; !ok {
				return failf(exp, "no module definition %s", c.ID)
			}
		}
		if d.m == nil {
			return failf(exp, "no module definition")
		}
		inst, err := r.instantiate(d.m, d.info)
		if err != nil {
			r.forget(c.Name)
			return failf(exp, "%v", err)
		}
		r.current = inst
		if c.Name != "" {
			r.named[c.Name] = inst
		}
		return Passed, "", ""
	case CmdAssertException:
		exp := "an uncaught exception"
		if r.opts.Engine == nil {
			return skip(exp)
		}
		vs, err := r.act(c.Action)
		if err == nil {
			return failf(exp, "%s", formatValues(vs))
		}
		if !strings.Contains(err.Error(), "exception") {
			return failf(exp, "error %q", err.Error())
		}
		return Passed, "", ""
	case CmdRegister:
		exp := "module to register as " + quoteName(c.Name)
		if r.opts.Engine == nil {
			return skip(exp)
		}
		inst, err := r.instance(c.ID)
		if err != nil {
			return failf(exp, "%v", err)
		}
		r.registered[c.Name] = inst
		return Passed, "", ""
	case CmdAction:
		if r.opts.Engine == nil {
			return skip("action to succeed")
		}
		if _, err := r.act(c.Action); err != nil {
			return failf("action to succeed", "%v", err)
		}
		return Passed, "", ""
	case CmdAssertReturn:
		return r.assertReturn(c)
	case CmdAssertTrap, CmdAssertExhaustion:
		exp := fmt.Sprintf("trap %q", c.Message)
		if c.Module != nil {
			return r.assertModuleFails(c, exp)
		}
		if r.opts.Engine == nil {
			return skip(exp)
		}
		vs, err := r.act(c.Action)
		if err == nil {
			return failf(exp, "%s", formatValues(vs))
		}
		if !strings.Contains(err.Error(), c.Message) {
			return failf(exp, "error %q", err.Error())
		}
		return Passed, "", ""
	case CmdAssertInvalid:
		return r.assertInvalid(c)
	case CmdAssertMalformed:
		return r.assertMalformed(c)
	case CmdAssertUnlinkable:
		return r.assertModuleFails(c, fmt.Sprintf("link error %q", c.Message))
	case CmdAssertUninstantiable:
		return r.assertModuleFails(c, fmt.Sprintf("instantiation trap %q", c.Message))
	}
	return failf("a known command", "command kind %d", c.Kind)
}

// forget drops a module $id whose definition failed, so that later
// commands naming it fail instead of reaching an older module.
func (r *runner) forget(id string) {
	r.current = nil
	if id != "" {
		delete(r.named, id)
	}
}

// parse turns a module form into a wasm.Module without validating it.
// Binary modules are decoded directly; text and quote modules go through
// the text parser.
func (r *runner) parse(def *ModuleDef) (*wasm.Module, error) {
	if def.Form == FormBinary {
		return binary.DecodeFeatures(def.Bytes, r.opts.Features)
	}
	m, _, err := text.ParseModuleFeatures(def.Src, r.opts.Features)
	if err == nil && m == nil {
		err = errors.New("text parser returned no module and no error")
	}
	return m, err
}

// load parses and validates a module form.
func (r *runner) load(def *ModuleDef) (*wasm.Module, *validate.Info, error) {
	m, err := r.parse(def)
	if err != nil {
		return nil, nil, fmt.Errorf("%s module does not parse: %w", def.Form, err)
	}
	info, err := r.opts.Validate(m)
	if err != nil {
		return nil, nil, fmt.Errorf("module is invalid: %w", err)
	}
	return m, info, nil
}

// instantiate instantiates a validated module, linking it against the
// registered instances.
func (r *runner) instantiate(m *wasm.Module, info *validate.Info) (Instance, error) {
	var runs wasm.Features
	if fe, ok := r.opts.Engine.(FeatureEngine); ok {
		runs = fe.Features()
	}
	if f := info.Features &^ runs; f != 0 {
		return nil, fmt.Errorf("%s is not supported by the engine", f.First())
	}
	if !r.spectest {
		host, err := r.opts.Engine.NewHostInstance(SpectestModule(r.opts.Output))
		if err != nil {
			return nil, fmt.Errorf("creating the spectest host module: %w", err)
		}
		r.registered["spectest"] = host
		r.spectest = true
	}
	ctx, cancel := r.context()
	defer cancel()
	return r.opts.Engine.Instantiate(ctx, m, info, func(module, name string) (Extern, bool) {
		inst, ok := r.registered[module]
		if !ok {
			return nil, false
		}
		return inst.Export(name)
	})
}

// instance finds the module an action or registration names.
func (r *runner) instance(id string) (Instance, error) {
	if id == "" {
		if r.current == nil {
			return nil, errors.New("no module instantiated")
		}
		return r.current, nil
	}
	inst, ok := r.named[id]
	if !ok {
		return nil, fmt.Errorf("unknown module %s", id)
	}
	return inst, nil
}

// act performs an action.
func (r *runner) act(a *Action) ([]Value, error) {
	inst, err := r.instance(a.Module)
	if err != nil {
		return nil, err
	}
	if a.Kind == ActGet {
		v, err := inst.Global(a.Name)
		if err != nil {
			return nil, err
		}
		return []Value{v}, nil
	}
	ctx, cancel := r.context()
	defer cancel()
	return inst.Invoke(ctx, a.Name, a.Args)
}

// context returns the context of one engine call, with the deadline of
// Options.Timeout.
func (r *runner) context() (context.Context, context.CancelFunc) {
	if r.opts.Timeout > 0 {
		return context.WithTimeout(context.Background(), r.opts.Timeout)
	}
	return context.WithCancel(context.Background())
}

func (r *runner) assertReturn(c *Command) (Outcome, string, string) {
	exp := formatPatterns(c.Expected)
	if r.opts.Engine == nil {
		return skip(exp)
	}
	vs, err := r.act(c.Action)
	if err != nil {
		return failf(exp, "error %q", err.Error())
	}
	if len(vs) != len(c.Expected) {
		return failf(exp, "%s", formatValues(vs))
	}
	for i, p := range c.Expected {
		if !p.Match(vs[i]) {
			return failf(exp, "%s", formatValues(vs))
		}
	}
	return Passed, "", ""
}

// assertInvalid: the module must parse (or decode) and then fail
// validation.
func (r *runner) assertInvalid(c *Command) (Outcome, string, string) {
	exp := fmt.Sprintf("invalid %q", c.Message)
	r.stats.InvalidTotal++
	m, err := r.parse(c.Module)
	if err != nil {
		return failf(exp, "%s module does not parse: %v", c.Module.Form, err)
	}
	if _, err := r.opts.Validate(m); err == nil {
		return failf(exp, "module is valid")
	} else if reasonContains(err, c.Message) {
		r.stats.InvalidMatched++
	} else {
		r.mismatch = err.Error()
	}
	return Passed, "", ""
}

// reasonContains reports whether the Reason of the *validate.Error or
// *binary.Error in err's chain contains msg.
func reasonContains(err error, msg string) bool {
	var ve *validate.Error
	if errors.As(err, &ve) {
		return strings.Contains(ve.Reason, msg)
	}
	var be *binary.Error
	if errors.As(err, &be) {
		return strings.Contains(be.Reason, msg)
	}
	return false
}

// assertMalformed: parsing or decoding must fail.
func (r *runner) assertMalformed(c *Command) (Outcome, string, string) {
	exp := fmt.Sprintf("malformed %q", c.Message)
	isBinary := c.Module.Form == FormBinary
	if isBinary {
		r.stats.MalformedTotal++
	} else {
		r.stats.QuoteTotal++
	}
	m, err := r.parse(c.Module)
	if err == nil {
		if _, verr := r.opts.Validate(m); verr != nil {
			return failf(exp, "module parses but is invalid: %v", verr)
		}
		return failf(exp, "module parses and validates")
	}
	switch {
	case isBinary && reasonContains(err, c.Message):
		r.stats.MalformedMatched++
	case !isBinary && strings.Contains(err.Error(), c.Message):
		r.stats.QuoteMatched++
	default:
		r.mismatch = err.Error()
	}
	return Passed, "", ""
}

// assertModuleFails handles assert_unlinkable, assert_uninstantiable and
// assert_trap on a module: the module must be valid and its instantiation
// must fail with the message. Without an engine only validity is checked
// and the command is skipped.
func (r *runner) assertModuleFails(c *Command, exp string) (Outcome, string, string) {
	m, info, err := r.load(c.Module)
	if err != nil {
		return failf("a valid module, then "+exp, "%v", err)
	}
	if r.opts.Engine == nil {
		return skip(exp)
	}
	_, err = r.instantiate(m, info)
	if err == nil {
		return failf(exp, "module instantiated")
	}
	if !strings.Contains(err.Error(), c.Message) {
		return failf(exp, "error %q", err.Error())
	}
	return Passed, "", ""
}
