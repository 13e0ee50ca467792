// Package spec reads and writes tally's YAML spec: departments, indicators,
// table layouts, the report's claims, targets and history. It translates
// YAML into reconcile.Spec and knows nothing of workbooks or the CLI.
package spec

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
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
	Town      string        `yaml:"town"`
	Year      int           `yaml:"year"`
	History   []int         `yaml:"history,flow,omitempty"`
	Tolerance ToleranceYAML `yaml:"tolerance,omitempty"`
	// Plausibility holds the month-jump check's thresholds.
	Plausibility PlausibilityYAML `yaml:"plausibility,omitempty"`
	Deadline     int              `yaml:"deadline_day,omitempty"`
	Contact      string           `yaml:"contact,omitempty"`
	Schedule     []string         `yaml:"schedule,flow,omitempty"`
	Indicators   []IndicatorYAML  `yaml:"indicators"`
	Departments  []DepartmentYAML `yaml:"departments"`
	Claims       []ClaimYAML      `yaml:"claims,omitempty"`
	Targets      []TargetYAML     `yaml:"targets,omitempty"`
	Rules        []RuleYAML       `yaml:"rules,omitempty"`
}

// RuleYAML is a check users add (审核公式): an expression compared exactly.
type RuleYAML struct {
	ID       string `yaml:"id"`
	Expr     string `yaml:"expr"`
	Severity string `yaml:"severity"`
	Message  string `yaml:"message"`
}

// PlausibilityYAML holds the thresholds of the month-jump check
// (month_jump): a row's month at least month_jump_ratio times (or at most
// 1/month_jump_ratio of) the median of its other nonzero months of the
// year, differing from it by at least month_jump_floor of the indicator's
// unit, with at least month_jump_min_months other months. A ratio of 0
// turns it off. And of the stock-drop check (stock_drop): a row's level
// (期末数) at most 1/stock_drop_ratio of its level the month before, lower
// by at least stock_drop_floor of the indicator's unit; 0 turns it off.
type PlausibilityYAML struct {
	MonthJumpRatio     string `yaml:"month_jump_ratio,omitempty"`
	MonthJumpFloor     string `yaml:"month_jump_floor,omitempty"`
	MonthJumpMinMonths int    `yaml:"month_jump_min_months,omitempty"`
	StockDropRatio     string `yaml:"stock_drop_ratio,omitempty"`
	StockDropFloor     string `yaml:"stock_drop_floor,omitempty"`
}

// ToleranceYAML holds the bands, written as percentages ("5%").
type ToleranceYAML struct {
	Nearly string `yaml:"nearly,omitempty"`
	About  string `yaml:"about,omitempty"`
	// AboutPoints is 约/左右 on a rate, in percentage points ("0.5").
	AboutPoints string `yaml:"about_points,omitempty"`
	Flat        string `yaml:"flat,omitempty"`
	Lag         string `yaml:"lag,omitempty"`
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

// Error is a spec problem at a line, said in either language: Text places
// the named Fields, Chinese first.
type Error struct {
	File   string
	Line   int
	Text   reconcile.Text
	Fields reconcile.Fields
}

// Msg is what is wrong, in lang, without the file and line.
func (e *Error) Msg(lang reconcile.Lang) string { return reconcile.Fill(e.Text, e.Fields, lang) }

// In says the problem in lang: file:line: what is wrong.
func (e *Error) In(lang reconcile.Lang) string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg(lang))
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg(lang))
}

func (e *Error) Error() string { return e.In(reconcile.English) }

// Default returns the embedded 精武镇 2020 spec.
func Default() (*reconcile.Spec, *File, error) {
	return Load(DefaultName, defaultSpec)
}

// DefaultBytes returns the embedded spec's text.
func DefaultBytes() []byte { return bytes.Clone(defaultSpec) }

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// yamlText says a YAML decoder's complaint in both languages: the common
// ones translated with their names as fields, the rest in the decoder's
// words.
func yamlText(s string) (reconcile.Text, reconcile.Fields) {
	if m := unknownKey.FindStringSubmatch(s); m != nil {
		return reconcile.Text{"没有“{key}”这一项（拼写有误，或放错了层级）", "unknown key \"{key}\" (misspelt, or at the wrong level)"}, reconcile.Fields{"key": m[1]}
	}
	if m := duplicateKey.FindStringSubmatch(s); m != nil {
		return reconcile.Text{"“{key}”写了两次（第 {first} 行已有）", "key \"{key}\" is given twice (first at line {first})"}, reconcile.Fields{"key": m[1], "first": m[2]}
	}
	if m := wrongType.FindStringSubmatch(s); m != nil {
		got := yamlKinds[m[1]]
		if v := m[2]; v != "" {
			// The decoder cuts a long value to 7 bytes, maybe inside a
			// character: keep the whole characters.
			if cut, ok := strings.CutSuffix(v, "..."); ok {
				v = strings.ToValidUTF8(cut, "") + "…"
			}
			got = reconcile.Text{"“" + v + "”", "\"" + v + "\""}
		}
		want, ok := goKinds[m[3]]
		if !ok {
			want = yamlKinds["!!map"]
		}
		return reconcile.Text{"此处应为{want}，写的是{got}", "want {want} here, not {got}"}, reconcile.Fields{"want": want, "got": got}
	}
	for _, t := range yamlSyntax {
		if en, zh := t[0], t[1]; strings.Contains(s, en) {
			return reconcile.Text{"YAML 格式有误：" + zh + "（缩进、冒号、括号或引号不配对？）", "YAML syntax: " + en + " (indentation, a colon, a bracket or a quote?)"}, nil
		}
	}
	return reconcile.Text{"YAML 格式有误：{detail}", "YAML syntax: {detail}"}, reconcile.Fields{"detail": s}
}

var (
	unknownKey   = regexp.MustCompile(`^field (\S+) not found in type`)
	duplicateKey = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)`)
	wrongType    = regexp.MustCompile("^cannot unmarshal (!!\\w+)(?: `(.*)`)? into (\\S+)")
)

// yamlKinds name what a YAML node is; goKinds what a field wants.
var (
	yamlKinds = map[string]reconcile.Text{
		"!!seq": {"列表", "a list"}, "!!map": {"键值映射（键: 值）", "a mapping (key: value)"},
		"!!str": {"文字", "text"}, "!!int": {"整数", "a whole number"}, "!!bool": {"true 或 false", "true or false"},
		"!!float": {"数字", "a number"}, "!!null": {"空值", "nothing"},
	}
	goKinds = map[string]reconcile.Text{
		"int": {"整数", "a whole number"}, "string": {"文字（可加引号）", "text (quoted if need be)"},
		"bool": {"true 或 false", "true or false"}, "*int": {"整数", "a whole number"}, "*bool": {"true 或 false", "true or false"},
		"[]string": {"列表 [a, b]", "a list [a, b]"}, "[]int": {"整数列表 [2016, 2017]", "a list of whole numbers [2016, 2017]"},
	}
)

// yamlSyntax are the YAML parser's usual complaints, translated, in the
// order they are looked for.
var yamlSyntax = [][2]string{
	{"did not find expected node content", "此处缺少内容"},
	{"did not find expected key", "此处应为“键: 值”"},
	{"mapping values are not allowed in this context", "此处不能有“键: 值”"},
	{"could not find expected ':'", "缺少冒号 :"},
	{"found character that cannot start any token", "有不能出现在此处的字符（如制表符 Tab）"},
	{"found a tab character", "用了制表符 Tab 缩进，应使用空格"},
	{"did not find expected ',' or ']'", "列表缺少 , 或 ]"},
	{"did not find expected ',' or '}'", "映射缺少 , 或 }"},
	{"found unexpected end of stream", "文件意外结束（引号或括号未闭合？）"},
	{"did not find expected '-' indicator", "列表项应以 - 开头"},
	{"block sequence entries are not allowed", "此处不能有列表项 -"},
	{"found unknown escape character", "引号中有无效的转义字符"},
}

// Load parses and validates a spec. name is used in messages. The returned
// File has every default filled in: it is the effective spec.
func Load(name string, data []byte) (*reconcile.Spec, *File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if err == io.EOF {
			return nil, nil, &Error{File: name, Text: reconcile.Text{"规格是空的", "the spec is empty"}}
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			t, fs := yamlText(m[2])
			// The decoder reports every misplaced key and wrong type at
			// once: the first at its line, and how many more to fix.
			var te *yaml.TypeError
			if errors.As(err, &te) && len(te.Errors) > 1 {
				t = reconcile.Text{t[0] + "（另有 {more} 处同类问题）", t[1] + " (and {more} more like it)"}
				if fs == nil {
					fs = reconcile.Fields{}
				}
				fs["more"] = len(te.Errors) - 1
			}
			return nil, nil, &Error{name, line, t, fs}
		}
		t, fs := yamlText(msg)
		return nil, nil, &Error{File: name, Text: t, Fields: fs}
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

// fail records an error, the text t placing fields f, at the node found
// by path (mapping keys and sequence indexes), e.g.
// fail(t, f, "claims", 3, "unit").
func (b *builder) fail(t reconcile.Text, f reconcile.Fields, path ...any) {
	if b.err != nil {
		return
	}
	b.err = &Error{File: b.name, Line: lineOf(b.root, path...), Text: t, Fields: f}
}

// lineOf returns the line of the node found by path (mapping keys and
// sequence indexes): for a path ending in a key, the key's own line (a
// value may start on the next, as a list does); where the path leaves the
// document (a key not written), the line of the last node found — the
// item that lacks it.
func lineOf(n *yaml.Node, path ...any) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next, line = n.Content[i+1], n.Content[i].Line
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				line = next.Line
			}
		}
		if next == nil {
			return n.Line
		}
		n = next
	}
	return line
}

// percent reads "5%" as 0.05; def when s is empty. false when it is not a
// percentage.
func percent(s string, def string) (decimal.Decimal, bool) {
	if s == "" {
		s = def
	}
	t := strings.TrimSuffix(strings.TrimSpace(s), "%")
	d, err := decimal.NewFromString(t)
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, false
	}
	return d.Shift(-2), true
}
