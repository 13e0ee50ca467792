package reconcile

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// declaredRules reads the Rule constants of the package's files, so a rule
// added without a catalogue entry fails the test below.
func declaredRules(t *testing.T) []Rule {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []Rule
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				v := s.(*ast.ValueSpec)
				typed := false
				if id, ok := v.Type.(*ast.Ident); ok && id.Name == "Rule" {
					typed = true
				}
				for _, val := range v.Values {
					lit, _ := val.(*ast.BasicLit)
					if call, isCall := val.(*ast.CallExpr); isCall && len(call.Args) == 1 {
						if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "Rule" {
							lit, typed = call.Args[0].(*ast.BasicLit), true
						}
					}
					if !typed || lit == nil {
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, Rule(s))
				}
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("found only %d Rule constants", len(out))
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestCatalogue walks every rule's message in both languages: each rule has
// a name and a text in Chinese and in English, both texts place the same
// named fields, and a finding filled with those fields renders with none
// left over, while a finding missing any one of them shows it unfilled and
// fails CheckFields.
func TestCatalogue(t *testing.T) {
	declared := declaredRules(t)
	slices.Sort(declared)
	if got := Rules(); !slices.Equal(got, declared) {
		t.Fatalf("catalogue rules %v\ndeclared rules %v", got, declared)
	}
	for _, r := range declared {
		zhName, enName := r.Name(Chinese), r.Name(English)
		if !hasHan(zhName) || hasHan(enName) || enName == "" || enName == string(r) {
			t.Errorf("%s: names %q / %q: want a Chinese and an English name", r, zhName, enName)
		}
		if got, want := r.Label(Chinese), zhName+" ("+string(r)+")"; got != want {
			t.Errorf("%s: label %q, want %q", r, got, want)
		}
		zh, en := MessageText(r, Chinese), MessageText(r, English)
		if !hasHan(zh) || strings.TrimSpace(en) == "" || en == zh {
			t.Errorf("%s: texts %q / %q: want one per language", r, zh, en)
		}
		if hasHan(strings.ReplaceAll(en, "合计", "")) {
			t.Errorf("%s: English text %q has Chinese", r, en)
		}
		fz, fe := placeholders(zh), placeholders(en)
		slices.Sort(fz)
		slices.Sort(fe)
		if !slices.Equal(fz, fe) {
			t.Errorf("%s: fields differ: zh %v, en %v", r, fz, fe)
		}
		fields, _ := MessageFields(r)
		full := Fields{}
		for _, k := range fields {
			full[k] = Text{"值" + k, "value-" + k}
		}
		f := Finding{Rule: r, Fields: full}
		if err := f.CheckFields(); err != nil {
			t.Error(err)
		}
		for _, lang := range []Lang{Chinese, English} {
			msg := f.Message(lang)
			if placeholder.MatchString(msg) {
				t.Errorf("%s %s: %q has an unfilled field", r, lang, msg)
			}
			for _, k := range fields {
				want := full[k].(Text).In(lang)
				if !strings.Contains(msg, want) {
					t.Errorf("%s %s: %q does not place {%s}", r, lang, msg, k)
				}
				if lang == English && strings.Contains(msg, "值") || lang == Chinese && strings.Contains(msg, "value-") {
					t.Errorf("%s %s: %q mixes languages", r, lang, msg)
				}
			}
		}
		for _, k := range fields {
			partial := Fields{}
			for kk, v := range full {
				if kk != k {
					partial[kk] = v
				}
			}
			g := Finding{Rule: r, Fields: partial}
			if g.CheckFields() == nil || !strings.Contains(g.Message(Chinese), "{"+k+"}") {
				t.Errorf("%s: a finding without {%s} is not caught", r, k)
			}
		}
		extra := Finding{Rule: r, Fields: Fields{"no_such_field": "x"}}
		for k, v := range full {
			extra.Fields[k] = v
		}
		if extra.CheckFields() == nil {
			t.Errorf("%s: an extra field is not caught", r)
		}
	}
}

// TestCodeNamesMessage pins the message the positional catalogue got
// wrong: the company names where the names go, the file where the file goes.
func TestCodeNamesMessage(t *testing.T) {
	f := Finding{Rule: RuleCodeNames, Fields: Fields{"code": "91120111MA05K0XX1X", "first_name": "甲公司", "first_file": "2020-01-tjz.xlsx", "name": "乙公司"}}
	if got, want := f.Message(Chinese), "统一社会信用代码 91120111MA05K0XX1X 在 2020-01-tjz.xlsx 中对应“甲公司”，此处为“乙公司”"; got != want {
		t.Errorf("zh: %q\nwant %q", got, want)
	}
	if got, want := f.Message(English), "credit code 91120111MA05K0XX1X is \"甲公司\" in 2020-01-tjz.xlsx but \"乙公司\" here"; got != want {
		t.Errorf("en: %q\nwant %q", got, want)
	}
}

func TestSeverityWords(t *testing.T) {
	for s, want := range map[Severity][2]string{Error: {"错误", "error"}, Warning: {"警告", "warning"}, Info: {"提示", "info"}} {
		if s.In(Chinese) != want[0] || s.In(English) != want[1] {
			t.Errorf("%s: %q / %q", s, s.In(Chinese), s.In(English))
		}
	}
}

// The desk's advice for a missing sheet names the sheet to rename back;
// for a sheet not of the template it is the reader's own (naming the
// table it most likely is).
func TestAdviceNamesTheSheet(t *testing.T) {
	f := Finding{Rule: RuleMissingSheet, Severity: Error, Fields: Fields{"sheet": "限上批零"}}
	if got, want := f.Advice(Chinese), "改回原工作表名“限上批零”（或从本期模板补回该表）后重新报送；不要删除或改名模板的工作表"; got != want {
		t.Errorf("zh advice %q, want %q", got, want)
	}
	if got := f.Advice(English); !strings.HasPrefix(got, "rename the sheet back to \"限上批零\"") {
		t.Errorf("en advice %q", got)
	}
	o := Finding{Rule: RuleOtherSheet, Severity: Warning, Fields: Fields{"sheet": "x", "figures": 3, "todo": Text{"改回“限上批零”", "rename back to 限上批零"}}}
	if got := o.Advice(Chinese) + "|" + o.Advice(English); got != "改回“限上批零”|rename back to 限上批零" {
		t.Errorf("other_sheet advice %q", got)
	}
}
