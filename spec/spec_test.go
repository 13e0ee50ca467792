package spec

import (
	"strings"
	"testing"

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

// A malformed spec fails with the file, the line and what is wrong.
func TestMalformedSpec(t *testing.T) {
	base := string(DefaultBytes())
	cases := []struct {
		name, old, new, want string
		lineHas              string // the reported line holds this
	}{
		{"unknown indicator in a claim", "indicator: tax, period: \"2020\", value: \"15.2\"", "indicator: taxx, period: \"2020\", value: \"15.2\"",
			`unknown indicator "taxx"`, "taxx"},
		{"unknown field", "town: 精武镇", "town: 精武镇\ntwon: x", "field twon not found", "twon"},
		{"bad value", `value: "15.2", unit: 亿元, qualifiers: [预计]}`, `value: "15.2x", unit: 亿元, qualifiers: [预计]}`, `value "15.2x" is not a number`, "15.2x"},
		{"unknown unit", `value: "1211", unit: 人,`, `value: "1211", unit: 人头,`, `unknown unit "人头"`, "人头"},
		{"unknown qualifier", `qualifiers: [余]`, `qualifiers: [差不多]`, `unknown qualifier "差不多"`, "差不多"},
		{"bad period", `period: 2016-2020, value: "68"`, `period: 2020-2016, value: "68"`, `want a year YYYY or a span YYYY-YYYY`, "2020-2016"},
		{"syntax", "departments:", "departments: [", "did not find expected", ""},
		{"malformed rule", "expr: new_jobs.month <= 200", "expr: new_jobs.month <= (200", "expected )", "(200"},
		{"rule on an unknown indicator", "expr: new_jobs.month <= 200", "expr: new_job.month <= 200", `unknown indicator "new_job"`, "new_job."},
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
		if !ok || e.File != "town.yaml" || e.Line == 0 || !strings.Contains(e.Msg, c.want) {
			t.Errorf("%s: got %q, want town.yaml:<line>: …%s…", c.name, err, c.want)
			continue
		}
		if line := strings.Split(text, "\n")[e.Line-1]; !strings.Contains(line, c.lineHas) {
			t.Errorf("%s: line %d is %q, not where the mistake is", c.name, e.Line, line)
		}
	}
}
