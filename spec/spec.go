// Package spec reads and writes tally's YAML spec: departments, indicators,
// table layouts, the report's claims, targets and history. It translates
// YAML into reconcile.Spec and knows nothing of workbooks or the CLI.
package spec

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

//go:embed jingwu-2020.yaml
var defaultSpec []byte

// DefaultName is how the embedded spec is named in messages.
const DefaultName = "(built-in) jingwu-2020.yaml"

// File is the YAML document as written.
type File struct {
	Town        string           `yaml:"town"`
	Year        int              `yaml:"year"`
	History     []int            `yaml:"history,flow,omitempty"`
	Tolerance   ToleranceYAML    `yaml:"tolerance,omitempty"`
	Deadline    int              `yaml:"deadline_day,omitempty"`
	Contact     string           `yaml:"contact,omitempty"`
	Schedule    []string         `yaml:"schedule,flow,omitempty"`
	Indicators  []IndicatorYAML  `yaml:"indicators"`
	Departments []DepartmentYAML `yaml:"departments"`
	Claims      []ClaimYAML      `yaml:"claims,omitempty"`
	Targets     []TargetYAML     `yaml:"targets,omitempty"`
	Rules       []RuleYAML       `yaml:"rules,omitempty"`
}

// RuleYAML is a check users add (审核公式): an expression compared exactly.
type RuleYAML struct {
	ID       string `yaml:"id"`
	Expr     string `yaml:"expr"`
	Severity string `yaml:"severity"`
	Message  string `yaml:"message"`
}

// ToleranceYAML holds the bands, written as percentages ("5%").
type ToleranceYAML struct {
	Nearly string `yaml:"nearly,omitempty"`
	About  string `yaml:"about,omitempty"`
	Flat   string `yaml:"flat,omitempty"`
	Lag    string `yaml:"lag,omitempty"`
}

// IndicatorYAML describes one indicator.
type IndicatorYAML struct {
	Code        string   `yaml:"code"`
	Name        string   `yaml:"name"`
	Aliases     []string `yaml:"aliases,flow,omitempty"`
	Unit        string   `yaml:"unit"`
	Precision   *int     `yaml:"precision,omitempty"`
	Aggregation string   `yaml:"aggregation,omitempty"`
	NonNegative *bool    `yaml:"non_negative,omitempty"`
	Min         string   `yaml:"min,omitempty"` // bounds of one cell's figure
	Max         string   `yaml:"max,omitempty"`
}

// DepartmentYAML describes one department and its tables.
type DepartmentYAML struct {
	Code   string      `yaml:"code"`
	Name   string      `yaml:"name"`
	Tables []TableYAML `yaml:"tables"`
}

// TableYAML describes one sheet's layout.
type TableYAML struct {
	ID        string       `yaml:"id"`
	Sheet     string       `yaml:"sheet"`
	Title     string       `yaml:"title,omitempty"`
	Frequency string       `yaml:"frequency"`
	Rows      string       `yaml:"rows"`
	Columns   []ColumnYAML `yaml:"columns"`
	Lines     []LineYAML   `yaml:"lines,omitempty"`
}

// ColumnYAML describes one column.
type ColumnYAML struct {
	Role      string   `yaml:"role,omitempty"`
	Header    string   `yaml:"header,omitempty"`
	Indicator string   `yaml:"indicator,omitempty"`
	Measure   string   `yaml:"measure,omitempty"`
	Choices   []string `yaml:"choices,flow,omitempty"`
}

// LineYAML is one fixed row of an indicator table.
type LineYAML struct {
	Label string `yaml:"label"`
	Flow  string `yaml:"flow,omitempty"`
	Stock string `yaml:"stock,omitempty"`
}

// ClaimYAML is one published figure.
type ClaimYAML struct {
	ID         string   `yaml:"id"`
	Text       string   `yaml:"text"`
	Indicator  string   `yaml:"indicator,omitempty"`
	Period     string   `yaml:"period"`
	Base       int      `yaml:"base,omitempty"`
	Value      string   `yaml:"value"`
	Unit       string   `yaml:"unit"`
	Qualifiers []string `yaml:"qualifiers,flow,omitempty"`
	Line       int      `yaml:"line,omitempty"`
}

// TargetYAML is one goal.
type TargetYAML struct {
	Indicator  string `yaml:"indicator"`
	Year       int    `yaml:"year"`
	Value      string `yaml:"value,omitempty"`
	Unit       string `yaml:"unit,omitempty"`
	RelativeTo int    `yaml:"relative_to,omitempty"`
	Text       string `yaml:"text,omitempty"`
}

// Error is a spec problem at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Default returns the embedded 精武镇 2020 spec.
func Default() (*reconcile.Spec, *File, error) {
	return Load(DefaultName, defaultSpec)
}

// DefaultBytes returns the embedded spec's text.
func DefaultBytes() []byte { return bytes.Clone(defaultSpec) }

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// Load parses and validates a spec. name is used in messages. The returned
// File has every default filled in: it is the effective spec.
func Load(name string, data []byte) (*reconcile.Spec, *File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, nil, &Error{name, line, m[2]}
		}
		return nil, nil, &Error{File: name, Msg: msg}
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	b := builder{name: name, root: &root}
	s := b.build(&f)
	if b.err != nil {
		return nil, nil, b.err
	}
	return s, &f, nil
}

// Marshal writes the effective spec as YAML.
func Marshal(f *File) ([]byte, error) { return encode(f) }

// MarshalClaims writes claims as a spec's claims section.
func MarshalClaims(cs []ClaimYAML) ([]byte, error) {
	return encode(struct {
		Claims []ClaimYAML `yaml:"claims"`
	}{cs})
}

func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// builder turns a File into a reconcile.Spec, stopping at the first error.
type builder struct {
	name string
	root *yaml.Node
	err  error
}

// fail records an error at the node found by path (mapping keys and
// sequence indexes), e.g. fail(msg, "claims", 3, "unit").
func (b *builder) fail(msg string, path ...any) {
	if b.err != nil {
		return
	}
	b.err = &Error{File: b.name, Line: lineOf(b.root, path...), Msg: msg}
}

func lineOf(n *yaml.Node, path ...any) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
			}
		}
		if next == nil {
			return n.Line
		}
		n = next
	}
	return n.Line
}

func percent(s string, def string) (decimal.Decimal, error) {
	if s == "" {
		s = def
	}
	t := strings.TrimSuffix(strings.TrimSpace(s), "%")
	d, err := decimal.NewFromString(t)
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, fmt.Errorf("%q is not a percentage like 5%%", s)
	}
	return d.Shift(-2), nil
}
