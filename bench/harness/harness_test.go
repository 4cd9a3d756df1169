package harness

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSummarize(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name string
		in   []time.Duration
		want Stats
	}{
		{"empty", nil, Stats{}},
		{"one", []time.Duration{3 * ms}, Stats{3 * ms, 3 * ms, 3 * ms, 1}},
		{"odd", []time.Duration{9 * ms, 1 * ms, 5 * ms}, Stats{5 * ms, 1 * ms, 9 * ms, 3}},
		{"even", []time.Duration{4 * ms, 1 * ms, 2 * ms, 10 * ms}, Stats{3 * ms, 1 * ms, 10 * ms, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Summarize(tt.in)); diff != "" {
				t.Errorf("Summarize(%v) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestGeoMean(t *testing.T) {
	tests := []struct {
		in    []float64
		want  float64
		wantN int
	}{
		{[]float64{2, 8}, 4, 2},
		{[]float64{3}, 3, 1},
		{[]float64{1, 100, math.NaN(), 0, math.Inf(1)}, 10, 2},
		{nil, math.NaN(), 0},
	}
	for _, tt := range tests {
		got, n := GeoMean(tt.in)
		if n != tt.wantN || !(math.Abs(got-tt.want) < 1e-9 || math.IsNaN(got) && math.IsNaN(tt.want)) {
			t.Errorf("GeoMean(%v) = %v, %d; want %v, %d", tt.in, got, n, tt.want, tt.wantN)
		}
	}
}

// scripted is an engine that returns prepared results and records the
// order of calls.
type scripted struct {
	name    string
	outputs []string // one per call; "" means fail
	runs    []time.Duration
	calls   *[]string
	n       int
}

func (s *scripted) Name() string     { return s.name }
func (s *scripted) Slow() bool       { return false }
func (s *scripted) Wasm() bool       { return true }
func (s *scripted) Available() error { return nil }
func (s *scripted) Close() error     { return nil }
func (s *scripted) Run(context.Context, Job) (Result, error) {
	i := s.n
	s.n++
	*s.calls = append(*s.calls, s.name)
	if s.outputs[i] == "" {
		return Result{}, errors.New("crashed")
	}
	return Result{Stdout: []byte(s.outputs[i]), Run: s.runs[i], RunCPU: s.runs[i] / 2}, nil
}

func TestMeasure(t *testing.T) {
	ms := time.Millisecond
	var calls []string
	a := &scripted{name: "a", outputs: []string{"checksum: 1\n", "checksum: 1\n", "checksum: 1\n"}, runs: []time.Duration{3 * ms, 1 * ms, 2 * ms}, calls: &calls}
	b := &scripted{name: "b", outputs: []string{"checksum: 2\n", "checksum: 2\n", "checksum: 2\n"}, runs: []time.Duration{ms, ms, ms}, calls: &calls}
	c := &scripted{name: "c", outputs: []string{"", "checksum: 1\n", "checksum: 1\n", "checksum: 1\n"}, runs: []time.Duration{0, 4 * ms, 6 * ms, 8 * ms}, calls: &calls}
	d := &scripted{name: "d", outputs: []string{"", "", ""}, calls: &calls}
	cells := Measure(context.Background(), []Engine{a, b, c, d}, Job{}, 3, CPU, func(string) {})

	wantCalls := []string{"a", "b", "c", "c", "d", "d", "d", "a", "b", "c", "a", "b", "c"}
	if diff := cmp.Diff(wantCalls, calls); diff != "" {
		t.Errorf("call order (-want +got):\n%s", diff)
	}
	if cells[0].Mismatch || cells[0].Err != nil || cells[0].Run != (Stats{ms, ms / 2, 3 * ms / 2, 3}) {
		t.Errorf("a: %+v", cells[0])
	}
	if cells[0].Wall.Median != 2*ms {
		t.Errorf("a: wall median %v, want 2ms", cells[0].Wall.Median)
	}
	if !cells[1].Mismatch {
		t.Errorf("b printed another checksum but is not marked as a mismatch")
	}
	if cells[2].Err != nil || cells[2].Retries != 1 || cells[2].Mismatch || cells[2].Wall.Median != 6*ms {
		t.Errorf("c (one crash, retried): %+v", cells[2])
	}
	if cells[3].Err == nil || cells[3].Run.N != 0 {
		t.Errorf("d (crashes on every attempt) should fail: %+v", cells[3])
	}
	row := &Row{Cells: cells}
	if got := row.Ratio("c", "a"); math.Abs(got-3) > 1e-9 {
		t.Errorf("Ratio(c, a) = %v, want 3", got)
	}
	if got := row.Ratio("b", "a"); !math.IsNaN(got) {
		t.Errorf("Ratio of a mismatching cell = %v, want NaN", got)
	}
}

func TestReport(t *testing.T) {
	ms := time.Millisecond
	cell := func(engine string, run time.Duration) *Cell {
		s := Stats{run, run, run, 3}
		return &Cell{Engine: engine, Run: s, Wall: s, CPU: s, Output: []byte("checksum: 7\n")}
	}
	rep := &Report{
		Date: time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC), Quick: true, Rounds: 3, Metric: Wall,
		Engines: []string{RefNative, RefWazero, "x"}, Skipped: map[string]string{"node": "node is not installed"},
		Fast: []*Row{
			{Program: &Programs[0], Size: 35, Cells: []*Cell{cell(RefNative, 10*ms), cell(RefWazero, 20*ms), cell("x", 40*ms)}},
			{Program: &Programs[1], Size: 9, Cells: []*Cell{cell(RefNative, 10*ms), cell(RefWazero, 80*ms), cell("x", 40*ms)}},
		},
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, rep, "results.svg"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"**quick run**",
		"Skipped **node**: node is not installed.",
		"| fib | 35 | ×1.00 / ×0.50 | ×2.00 / ×1.00 | ×4.00 / ×2.00 |",
		"| intloop | 9 | ×1.00 / ×0.12 | ×8.00 / ×1.00 | ×4.00 / ×0.50 |",
		"| **geometric mean** | | **×1.00 / ×0.25** | **×4.00 / ×1.00** | **×4.00 / ×1.00** |",
		"![run time relative to native, log scale](results.svg)",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, md.String())
		}
	}
	var svg bytes.Buffer
	if err := WriteSVG(&svg, rep); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&svg)
	rects := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("SVG is not well-formed: %v", err)
			}
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			rects++
		}
	}
	// background + 2 programs × 2 engines + 2 legend entries
	if rects != 1+4+2 {
		t.Errorf("SVG has %d rects, want 7", rects)
	}
}
