package workbook

import (
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// What a refused text is told it should be names what is wrong with it: a
// currency sign (not the commas beside it), a space between the digits
// (which may be a thin one that prints as nothing unusual).
func TestParseTextSaysWhy(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"¥1,234.00", "去掉货币符号“¥”"},
		{"￥12", "去掉货币符号“¥”"}, // the full-width sign, narrowed
		{"$12.5", "去掉货币符号“$”"},
		{"1\u2009234.56", "数字中间不要有空格"},
		{"1\u202f234.56", "数字中间不要有空格"},
		{"1 234.56", "数字中间不要有空格"},
		{"待核实", "数字，如 1234.50"},
	} {
		_, _, problem, ok := ParseText(c.in, "万元")
		if ok || !strings.Contains(problem[0], c.want) || problem[1] == "" {
			t.Errorf("%q: ok %v, told %q, want %q", c.in, ok, problem[0], c.want)
		}
	}
}

// The number-reading rules of DOMAIN.md, case by case.
func TestParseText(t *testing.T) {
	cases := []struct {
		in, unit string
		want     string // "" with blank for nothing; "!" for rejected
		blank    bool
	}{
		{"1234.5", "万元", "1234.5", false},
		{"1,234.50", "万元", "1234.5", false},
		{"12,345,678.9", "万元", "12345678.9", false},
		{"１２３４．５", "万元", "1234.5", false},             // full-width
		{"１，２３４．５０", "万元", "1234.5", false},           // full-width separators
		{" 1234.5 ", "万元", "1234.5", false},           // spaces
		{"\u00a01234.5\u00a0", "万元", "1234.5", false}, // no-break spaces
		{"\u30001234.5", "万元", "1234.5", false},       // ideographic space
		{"(1,234.50)", "万元", "-1234.5", false},        // accounting negative
		{"（1,234.50）", "万元", "-1234.5", false},        // full-width parentheses
		{"-12", "万元", "-12", false},
		{"\u221212", "万元", "-12", false}, // U+2212 minus
		{"+12", "万元", "12", false},
		{"1234.5万元", "万元", "1234.5", false}, // the column's own unit
		{"1234.5 万元", "万元", "1234.5", false},
		{"3.5万", "万元", "3.5", false}, // 万 alone: the column's unit written in, as 3.5万元
		{"3.5 万", "万元", "3.5", false},
		{"2亿", "亿元", "2", false},
		{"2万", "万人", "2", false},
		{"3.5万", "元", "!", false}, // never converted: refused as 3.5万元 is
		{"3.5亿", "万元", "!", false},
		{"3.5万", "人", "!", false},
		{"5人", "人", "5", false},
		{".5", "万元", "0.5", false},
		{"", "万元", "", true},
		{"—", "万元", "", true},
		{"-", "万元", "", true},
		{"/", "万元", "", true},
		{"无", "万元", "", true},
		{"——", "万元", "", true},
		{"1.2亿元", "万元", "!", false}, // another unit: ambiguous, refused
		{"5万元", "元", "!", false},
		{"12,3x", "万元", "!", false},
		{"1,23", "万元", "!", false},   // misplaced separator
		{"1,2345", "万元", "!", false}, // misplaced separator
		{"1 234", "万元", "!", false},  // inner space
		{"1.2.3", "万元", "!", false},
		{"1e5", "万元", "!", false},
		{"待核实", "万元", "!", false},
		{"约30", "人", "!", false},
		{"(12", "万元", "!", false},
		{"--5", "万元", "!", false},
	}
	for _, c := range cases {
		got, blank, problem, ok := ParseText(c.in, c.unit)
		switch {
		case c.want == "!":
			if ok || problem[0] == "" || problem[1] == "" {
				t.Errorf("ParseText(%q) = %s, %v; want refused with a reason in both languages", c.in, got, ok)
			}
		case c.blank:
			if !ok || !blank {
				t.Errorf("ParseText(%q): want blank (nothing), got %s ok=%v blank=%v", c.in, got, ok, blank)
			}
		default:
			if !ok || blank || !got.Equal(decimal.RequireFromString(c.want)) {
				t.Errorf("ParseText(%q) = %s ok=%v blank=%v; want %s", c.in, got, ok, blank, c.want)
			}
		}
	}
}

// TestParseTextDecimalComma: a European decimal comma is said as a
// decimal comma, not as a misplaced thousands comma; a misplaced
// thousands comma is still said as one. Neither is read as any figure.
func TestParseTextDecimalComma(t *testing.T) {
	for _, c := range []struct {
		in      string
		decimal bool
	}{
		{"1 234,50", true}, {"1.234,50", true}, {"1\u00a0234,5", true}, {"1234,5", true}, {"12,34", true},
		{"12,34.5", false}, {"12,3x", false}, {"1,2345", false}, {"1234,567", false},
	} {
		_, _, problem, ok := ParseText(c.in, "万元")
		if ok {
			t.Errorf("ParseText(%q) accepted; want refused", c.in)
			continue
		}
		said := strings.Contains(problem[0], "小数逗号") && strings.Contains(problem[1], "decimal comma")
		if said != c.decimal {
			t.Errorf("ParseText(%q): %q; want decimal comma said: %v", c.in, problem, c.decimal)
		}
	}
}

func TestRoundSignificant(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0.30000000000000004", "0.3"},
		{"1.2345678901234567E+19", "12345678901234600000"},
		{"1234.5600000000001", "1234.56"},
		{"0.1", "0.1"},
		{"0", "0"},
		{"-0.30000000000000004", "-0.3"},
		{"123456789012345.67", "123456789012346"},
		{"0.000012345678901234567", "0.0000123456789012346"},
	} {
		got := RoundSignificant(decimal.RequireFromString(c.in), ExcelDigits)
		if !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("RoundSignificant(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// readValue: stored numbers, text, formulas and the types that are never figures.
func TestReadValue(t *testing.T) {
	src := reconcile.Source{File: "f.xlsx", Sheet: "S", Cell: "B4"}
	cases := []struct {
		name  string
		cell  *rawCell
		state reconcile.CellState
		value string
		rule  reconcile.Rule
	}{
		{"empty", nil, reconcile.Blank, "", ""},
		{"number", &rawCell{Value: "1234.5"}, reconcile.Number, "1234.5", ""},
		{"binary noise", &rawCell{Value: "0.30000000000000004"}, reconcile.Number, "0.3", ""},
		{"exponent", &rawCell{Value: "1.5E+3"}, reconcile.Number, "1500", ""},
		{"text number", &rawCell{Type: "s", Value: "1,234.50"}, reconcile.Number, "1234.5", reconcile.RuleTextNumber},
		{"inline text", &rawCell{Type: "inlineStr", Value: "12"}, reconcile.Number, "12", reconcile.RuleTextNumber},
		{"not a number", &rawCell{Type: "s", Value: "待核实"}, reconcile.Invalid, "", reconcile.RuleNotANumber},
		{"dash", &rawCell{Type: "s", Value: "—"}, reconcile.Blank, "", ""},
		{"cached formula", &rawCell{Value: "30", HasF: true, Formula: "SUM(B1:B3)"}, reconcile.Number, "30", ""},
		{"uncached formula", &rawCell{HasF: true, Formula: "SUM(B1:B3)"}, reconcile.Invalid, "", reconcile.RuleNoCachedValue},
		{"formula text result", &rawCell{Type: "str", Value: "12", HasF: true, Formula: "TEXT(A1)"}, reconcile.Number, "12", ""},
		{"boolean", &rawCell{Type: "b", Value: "1"}, reconcile.Invalid, "", reconcile.RuleNotANumber},
		{"error value", &rawCell{Type: "e", Value: "#DIV/0!"}, reconcile.Invalid, "", reconcile.RuleNotANumber},
		// A formula's error is the formula's, not "type a number" into a
		// cell the department did not type.
		{"formula error", &rawCell{Type: "e", Value: "#VALUE!", HasF: true, Formula: "A1+1"}, reconcile.Invalid, "", reconcile.RuleFormulaError},
		{"garbage stored", &rawCell{Value: "abc"}, reconcile.Invalid, "", reconcile.RuleNotANumber},
	}
	for _, c := range cases {
		got, f := readValue(src, c.cell, "万元")
		if got.State != c.state {
			t.Errorf("%s: state %v, want %v", c.name, got.State, c.state)
		}
		if c.value != "" && !got.Value.Decimal().Equal(decimal.RequireFromString(c.value)) {
			t.Errorf("%s: value %s, want %s", c.name, got.Value, c.value)
		}
		var rule reconcile.Rule
		if f != nil {
			rule = f.Rule
			if f.Source != src {
				t.Errorf("%s: finding at %v, want %v", c.name, f.Source, src)
			}
		}
		if rule != c.rule {
			t.Errorf("%s: rule %q, want %q", c.name, rule, c.rule)
		}
	}
}

// FuzzParseText: any text is read or refused, never a panic; what is read
// is a number whose digits were in the text, and exactly what the general
// path reads (plainASCII's fast path). Each text of every length up to 4
// over the characters that decide the fast path is tried too
// (TestParseTextFastPath).
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"1,234.50", "（1,234.50）", "１２３４．５", "\u00a012\u00a0", "—", "1.2亿元", "5万元", "-0", ".5", "1e5"} {
		f.Add(s, "万元")
	}
	for _, s := range []string{"12.5", "-0.01", "+7", "5.", "007", "-", "+", ".", "1.2.3", "-.5", "99999999999999999999.99999"} {
		f.Add(s, "万元")
	}
	f.Fuzz(func(t *testing.T, s, unit string) {
		d, blank, problem, ok := ParseText(s, unit)
		// The plain-ASCII fast path reads what the general path reads.
		gd, gblank, gproblem, gok := parseText(s, unit)
		if ok != gok || blank != gblank || problem != gproblem || ok && !d.Equal(gd) || ok && d.Exponent() != gd.Exponent() {
			t.Fatalf("%q: ParseText %s %v %v %v, the general path %s %v %v %v", s, d, blank, problem, ok, gd, gblank, gproblem, gok)
		}
		switch {
		case !ok && (problem[0] == "" || problem[1] == ""):
			t.Fatalf("%q refused without a reason", s)
		case ok && !blank && d.Abs().Cmp(decimal.New(1, 400)) > 0:
			t.Fatalf("%q read as %s", s, d)
		}
	})
}

// A figure goes into the detail as a number only when Excel holds it
// exactly (at most 15 significant digits); otherwise as its exact text.
func TestDetailValue(t *testing.T) {
	for _, c := range []struct {
		in     string
		number bool
	}{
		{"0.1", true}, {"1234.56", true}, {"0.3", true}, {"123456789012.345", true},
		{"999999999999999", true}, {"-0.01", true}, {"100", true}, {"1.50", true},
		{"1234567890123456", false},     // 16 digits: Excel would round it
		{"0.30000000000000004", false},  // 17 digits
		{"123456789.1234567", false},    // 16 digits
		{"12345678901234567890", false}, // would print as 12345678901234567000
		{"100000000000000000000", true}, // one significant digit: Excel holds 1E+20 exactly
		{"0.000000000000000123", true}, {"-1000.000000000000001", false}, {"0", true},
	} {
		d := decimal.RequireFromString(c.in)
		got := string((&Detail{}).value(nil, 9, []byte("7"), 5, []byte(d.String()), false))
		want := `<c r="J7" s="5" t="inlineStr"><is><t>` + d.String() + `</t></is></c>`
		if c.number {
			want = `<c r="J7" s="5"><v>` + d.String() + `</v></c>`
		}
		if got != want {
			t.Errorf("%s: %s, want %s", c.in, got, want)
		}
	}
}

var srcForBench = reconcile.Source{File: "f.xlsx", Sheet: "S", Cell: "C4"}

// TestParseTextFastPath: every text of up to 5 characters over the
// characters that decide plainASCII (digits, point, signs, a space, a
// comma, a full-width digit, 万) is read by ParseText exactly as by the
// general path: value, scale, blank and refusal.
func TestParseTextFastPath(t *testing.T) {
	alphabet := []string{"0", "7", ".", "-", "+", " ", ",", "５", "万"}
	var walk func(s string, n int)
	n := 0
	walk = func(s string, left int) {
		n++
		d, blank, problem, ok := ParseText(s, "万元")
		gd, gblank, gproblem, gok := parseText(s, "万元")
		if ok != gok || blank != gblank || problem != gproblem || ok && (!d.Equal(gd) || d.Exponent() != gd.Exponent()) {
			t.Fatalf("%q: ParseText %s %v %v %v, the general path %s %v %v %v", s, d, blank, problem, ok, gd, gblank, gproblem, gok)
		}
		if left == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, left-1)
		}
	}
	walk("", 5)
	if n < 60000 {
		t.Fatalf("only %d texts tried", n)
	}
}
