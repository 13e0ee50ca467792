package spec

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/reconcile"
)

func TestDefaultSpec(t *testing.T) {
	s, f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// The floor: the five headline indicators, jobs, insurance,
	// enterprise counts, the 十三五 sums and growth, the 2021 targets.
	for _, code := range []string{"tax", "fai", "industrial_output", "retail_sales", "domestic_investment", "new_jobs",
		"medical_insurance", "employee_pension", "resident_pension", "sme_total", "eagle_total", "above_scale", "hightech_total"} {
		if _, ok := s.Indicator(code); !ok {
			t.Errorf("indicator %s missing", code)
		}
	}
	growth, cumul := 0, 0
	for _, c := range s.Claims {
		if c.Has(reconcile.AvgGrowth) {
			growth++
		}
		if c.Has(reconcile.Cumul) && c.Span.From == 2016 && c.Span.To == 2020 {
			cumul++
		}
	}
	if growth != 4 || cumul < 4 {
		t.Errorf("want 4 年均增长 and at least 4 累计 2016–2020 claims, got %d and %d", growth, cumul)
	}
	if n := len(s.Targets); n != 5 {
		t.Errorf("want the 5 targets for 2021, got %d", n)
	}
	// The effective spec fills defaults and loads again to the same spec.
	out, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "precision: 6") || !strings.Contains(string(out), "本年累计（万元）") {
		t.Errorf("effective spec lacks filled-in defaults:\n%.600s", out)
	}
	if _, _, err := Load("effective.yaml", out); err != nil {
		t.Errorf("the effective spec does not load: %v", err)
	}
}

// A malformed spec fails with the file, the line and what is wrong, in
// both languages, the names in the message where each language puts them.
func TestMalformedSpec(t *testing.T) {
	base := string(DefaultBytes())
	cases := []struct {
		name, old, new string
		en, zh         string // the message holds these
		lineHas        string // the reported line holds this
	}{
		{"unknown indicator in a claim", "indicator: tax, period: \"2020\", value: \"15.2\"", "indicator: taxx, period: \"2020\", value: \"15.2\"",
			`unknown indicator "taxx"`, "未知指标“taxx”", "taxx"},
		{"unknown key", "town: 精武镇", "town: 精武镇\ntwon: x", `unknown key "twon" (misspelt, or at the wrong level)`, "没有“twon”这一项", "twon"},
		{"unknown key in a claim", "qualifiers: [余]", "qualifers: [余]", `unknown key "qualifers"`, "没有“qualifers”这一项", "qualifers"},
		{"wrong type", "year: 2020", "year: 二〇", "want a whole number here, not \"二〇\"", "此处应为整数，写的是“二〇”", "二〇"},
		{"wrong type, a long value", "year: 2020", "year: 二〇二〇年", "want a whole number here, not \"二〇…\"", "此处应为整数，写的是“二〇…”", "二〇二〇年"},
		{"a list where text goes", "town: 精武镇", "town: [精武镇]", "want text (quoted if need be) here, not a list", "此处应为文字（可加引号），写的是列表", "town:"},
		{"two unknown keys", "town: 精武镇", "twon: 精武镇\nyaer: 2021", `unknown key "twon" (misspelt, or at the wrong level) (and 1 more like it)`, "没有“twon”这一项（拼写有误，或放错了层级）（另有 1 处同类问题）", "twon"},
		{"duplicate key", "town: 精武镇", "town: 精武镇\ntown: 静海", `key "town" is given twice (first at line`, "“town”写了两次（第", "静海"},
		{"duplicate indicator", "  - {code: fai, name: 固定资产投资,", "  - {code: tax, name: 固定资产投资,", `indicator "tax" is defined twice (first at line`, "指标“tax”定义了两次（第", "code: tax"},
		{"missing unit", "unit: 亿元, qualifiers: [预计]}", "qualifiers: [预计]}", "the unit is missing", "缺少计量单位（unit）", "qualifiers: [预计]"},
		{"bad value", `value: "15.2", unit: 亿元, qualifiers: [预计]}`, `value: "15.2x", unit: 亿元, qualifiers: [预计]}`,
			`value "15.2x" is not a number`, "value“15.2x”不是报告原文所写的数字", "15.2x"},
		{"unknown unit", `value: "1211", unit: 人,`, `value: "1211", unit: 人头,`, `unknown unit "人头"`, "未知计量单位“人头”", "人头"},
		{"unknown qualifier", `qualifiers: [余]`, `qualifiers: [差不多]`, `unknown qualifier "差不多"`, "未知限定词“差不多”", "差不多"},
		{"bad period", `period: 2016-2020, value: "68"`, `period: 2020-2016, value: "68"`, `period "2020-2016": want a year YYYY or a span YYYY-YYYY`,
			"期间“2020-2016”应为年份 YYYY 或年份区间 YYYY-YYYY", "2020-2016"},
		{"syntax", "departments:", "departments: [", "YAML syntax: did not find expected node content", "YAML 格式有误：此处缺少内容", ""},
		{"malformed rule", "expr: new_jobs.month <= 200", "expr: new_jobs.month <= (200", "at character 23: expected )", "第 23 个字符处：缺少右括号 )", "(200"},
		{"rule on an unknown indicator", "expr: new_jobs.month <= 200", "expr: new_job.month <= 200", `unknown indicator "new_job"`, "未知指标“new_job”", "new_job."},
	}
	for _, c := range cases {
		if !strings.Contains(base, c.old) {
			t.Fatalf("%s: the default spec no longer contains %q", c.name, c.old)
		}
		text := strings.Replace(base, c.old, c.new, 1)
		_, _, err := Load("town.yaml", []byte(text))
		if err == nil {
			t.Errorf("%s: loaded without error", c.name)
			continue
		}
		e, ok := err.(*Error)
		if !ok || e.File != "town.yaml" || e.Line == 0 {
			t.Errorf("%s: got %q, want town.yaml:<line>: …", c.name, err)
			continue
		}
		for _, w := range []struct {
			lang reconcile.Lang
			want string
		}{{reconcile.English, c.en}, {reconcile.Chinese, c.zh}} {
			got := e.In(w.lang)
			if !strings.HasPrefix(got, fmt.Sprintf("town.yaml:%d: ", e.Line)) || !strings.Contains(got, w.want) {
				t.Errorf("%s (%s): got %q, want town.yaml:%d: …%s…", c.name, w.lang, got, e.Line, w.want)
			}
			if unfilled.MatchString(got) {
				t.Errorf("%s (%s): %q has an unfilled field", c.name, w.lang, got)
			}
		}
		if err.Error() != e.In(reconcile.English) {
			t.Errorf("%s: Error() %q is not the English", c.name, err.Error())
		}
		if line := strings.Split(text, "\n")[e.Line-1]; !strings.Contains(line, c.lineHas) {
			t.Errorf("%s: line %d is %q, not where the mistake is", c.name, e.Line, line)
		}
	}
}

var unfilled = regexp.MustCompile(`\{[a-z_]+\}`)

// An empty spec says so.
func TestEmptySpec(t *testing.T) {
	_, _, err := Load("empty.yaml", nil)
	if e, ok := err.(*Error); !ok || e.In(reconcile.Chinese) != "empty.yaml: 规格是空的" || e.Error() != "empty.yaml: the spec is empty" {
		t.Errorf("got %v", err)
	}
}

// Every message of the spec loader is in both languages with the same
// named fields.
func TestMessagesBilingual(t *testing.T) {
	testtool.CheckTexts(t, ".", 50, "reconcile.Text")
}

// blockSpec is a spec written the long way, a key to a line, as an office
// edits one: an error about a key is at the key's line, not at the first
// line of the item that holds it.
const blockSpec = `town: 精武镇
year: 2020
indicators:
  - code: tax
    name: 税收收入
    unit: 万元
  - code: sme
    name: 科技型中小企业
    unit: 家
departments:
  - name: 财政所
    code: czs
    tables:
      - sheet: 税收
        id: czs-tax
        frequency: monthly
        rows: enterprise
        columns:
          - header: 企业名称
            role: name
          - indicator: tax
            measure: month
          - indicator: tax
            measure: ytd
      - sheet: 汇总
        id: czs-sum
        frequency: monthly
        rows: indicator
        lines:
          - label: 科技型中小企业
            flow: sme
        columns:
          - role: name
          - measure: month
claims:
  - text: 税收收入 15.2亿元
    id: tax-2020
    indicator: tax
    period: "2020"
    value: "15.2"
    unit: 亿元
targets:
  - indicator: tax
    year: 2021
    relative_to: 2020
`

func TestSpecErrorAtKey(t *testing.T) {
	if _, _, err := Load("town.yaml", []byte(blockSpec)); err != nil {
		t.Fatalf("the block spec does not load: %v", err)
	}
	cases := []struct {
		name, old, new string
		en             string // the message holds this
		lineHas        string // the reported line holds this
	}{
		{"department code", "    code: czs\n", "    code: c-z\n", "a department needs a name and a code", "code: c-z"},
		{"department twice", "claims:\n", "  - name: 又一个财政所\n    code: czs\nclaims:\n", `department "czs" is defined twice`, "code: czs"},
		{"indicator without a name", "    name: 科技型中小企业\n", "", "an indicator needs a code and a name", "code: sme"},
		{"indicator twice", "  - code: sme\n", "  - code: tax\n", `indicator "tax" is defined twice (first at line 4)`, "code: tax"},
		{"table id twice", "        id: czs-sum\n", "        id: czs-tax\n", `table id "czs-tax" is empty or used twice`, "id: czs-tax"},
		{"measure", "            measure: ytd\n", "            measure: ytdd\n", `measure "ytdd": want`, "measure: ytdd"},
		{"measure of a frequency", "            measure: ytd\n", "            measure: year\n", "measure year does not fit a monthly table", "measure: year"},
		{"role", "            role: name\n", "            role: nam\n", `role "nam": want`, "role: nam"},
		{"unknown indicator of a column", "          - indicator: tax\n            measure: ytd\n", "          - measure: ytd\n            indicator: taxx\n", `unknown indicator "taxx"`, "indicator: taxx"},
		{"choices", "            measure: month\n          - indicator: tax\n", "            measure: month\n            choices:\n              - 甲\n          - indicator: tax\n", "choices are for a name column", "choices:"},
		{"header twice", "            role: name\n", "            role: name\n          - header: 企业名称\n            role: note\n", `header "企业名称" is used twice`, "header: 企业名称"},
		{"indicator of a line", "            flow: sme\n", "            flow: smee\n", `unknown indicator "smee"`, "flow: smee"},
		{"indicator in an indicator table", "          - measure: month\n", "          - measure: month\n            indicator: tax\n", "the lines name the indicators", "indicator: tax"},
		{"claim id twice", "    unit: 亿元\n", "    unit: 亿元\n  - text: 又一个\n    id: tax-2020\n    indicator: tax\n    period: \"2020\"\n    value: \"1\"\n    unit: 亿元\n", `claim id "tax-2020" is empty or used twice`, "id: tax-2020"},
		{"target with both", "    relative_to: 2020\n", "    relative_to: 2020\n    value: \"5\"\n", "a target is either a value or relative_to", "value: \"5\""},
	}
	for _, c := range cases {
		if !strings.Contains(blockSpec, c.old) {
			t.Fatalf("%s: the block spec does not contain %q", c.name, c.old)
		}
		text := strings.Replace(blockSpec, c.old, c.new, 1)
		_, _, err := Load("town.yaml", []byte(text))
		e, ok := err.(*Error)
		if !ok || e.Line == 0 {
			t.Errorf("%s: got %v, want town.yaml:<line>: …", c.name, err)
			continue
		}
		if !strings.Contains(e.In(reconcile.English), c.en) {
			t.Errorf("%s: got %q, want …%s…", c.name, e.In(reconcile.English), c.en)
		}
		if line := strings.Split(text, "\n")[e.Line-1]; !strings.Contains(line, c.lineHas) {
			t.Errorf("%s: line %d is %q, not the key's line (%q)", c.name, e.Line, line, c.lineHas)
		}
	}
}
