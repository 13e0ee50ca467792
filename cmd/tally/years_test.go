package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// yearsFolder is the sample's 2021 returns (January to June) with the
// sample's 2020 files named, in a folder of their own.
func yearsFolder(t *testing.T, extra ...string) string {
	t.Helper()
	dir := t.TempDir()
	src := repo(t, "testdata/submissions")
	names, err := filepath.Glob(filepath.Join(src, "2021-*.xlsx"))
	if err != nil || len(names) != 29 {
		t.Fatalf("the sample's 2021 returns: %d files, %v", len(names), err)
	}
	for _, n := range append(names, extra...) {
		if !filepath.IsAbs(n) {
			n = filepath.Join(src, n)
		}
		copyFile(t, n, filepath.Join(dir, filepath.Base(n)))
	}
	return dir
}

// yearsRun is one folder's reconcile: the terminal in both languages, the
// JSON and the workbook's 汇总 and 概览 rows.
type yearsRun struct {
	zh, en string
	res    jsonResult
	// figures is 汇总's tax row by header; overview 概览's target row
	// of 税收收入 by header.
	figures, overview map[string]string
}

func reconcileYears(t *testing.T, dir string) yearsRun {
	t.Helper()
	var r yearsRun
	r.zh = tally(t, exitFindings, "reconcile", "--lang", "zh", dir)
	r.en = tally(t, exitFindings, "reconcile", "--lang", "en", dir)
	if err := json.Unmarshal([]byte(tally(t, exitFindings, "reconcile", "--json", "--lang", "zh", dir)), &r.res); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "汇总.xlsx")
	tally(t, exitFindings, "reconcile", "--lang", "zh", "-o", book, dir)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byHeader := func(sheet, first, key string) map[string]string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var hdr []string
		for _, row := range rows {
			if len(row) > 0 && row[0] == first {
				hdr = row
				continue
			}
			if hdr != nil && len(row) > 0 && strings.HasPrefix(row[0], key) {
				m := map[string]string{}
				for i, h := range hdr {
					m[h] = cellAt(row, i)
				}
				return m
			}
		}
		t.Fatalf("%s: no row %s under a header %s", sheet, key, first)
		return nil
	}
	r.figures = byHeader("汇总", "指标代码", "tax")
	r.overview = byHeader("概览", "指标（单位）", "税收收入")
	return r
}

// taxTarget is the JSON's target of 税收收入.
func (r *yearsRun) taxTarget(t *testing.T) jsonTarget {
	t.Helper()
	for _, x := range r.res.Targets {
		if x.Indicator == "tax" {
			return x
		}
	}
	t.Fatalf("no target of tax in the JSON: %+v", r.res.Targets)
	return jsonTarget{}
}

// line is the terminal's line that starts with prefix (after the indent).
func line(t *testing.T, out, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return l
		}
	}
	t.Fatalf("no line %q in\n%s", prefix, out)
	return ""
}

// noOtherYearMissing requires no 未报送 of a year the run is not about,
// and the 2020 files said once.
func noOtherYearMissing(t *testing.T, r *yearsRun, file string) {
	t.Helper()
	var other []jsonFinding
	for _, f := range r.res.Findings {
		if f.Rule == "missing_submission" && !strings.HasPrefix(f.Period, "2021-") {
			t.Errorf("a missing return of another year than the run's: %s %s", f.Department, f.Message)
		}
		if f.Rule == "other_year_months" {
			other = append(other, f)
		}
	}
	if len(other) != 1 || filepath.Base(other[0].File) != file || other[0].Period != "2020" || other[0].Severity != "info" ||
		!strings.Contains(other[0].Message, "2020 年的月报，本次汇总的是 2021 年（截至 2021-06）：只用作 2020 年的数字") {
		t.Errorf("the 2020 file: want one info other_year_months at %s, got %+v", file, other)
	}
	if r.res.Summary.Errors != 1 { // 劳动保障所 2021-05, the sample's own
		t.Errorf("errors: %d, want 1 (劳动保障所 2021-05 only)", r.res.Summary.Errors)
	}
	if strings.Contains(r.zh, "2020-01 未报送") || strings.Contains(r.zh, "2020-11 未报送") {
		t.Errorf("the terminal lists 2020's months as not submitted:\n%s", r.zh)
	}
}

// A target relative to last year (与去年基本持平, relative_to: 2020) on a
// 2021 folder with one stray 2020 return (2020-06-czs.xlsx): last year's
// value is one month of twelve, so no target and no rate — it was 604.58%
// on June 2020's tax alone, 完整 in green — and the 11 months of 2020 the
// run was never about are not 未报送 (they were 11 errors).
func TestRelativeTargetPartialBase(t *testing.T) {
	t.Parallel()
	r := reconcileYears(t, yearsFolder(t, "2020-06-czs.xlsx"))
	const missing = "未报送：财政所 2020-01 至 2020-05、2020-07 至 2020-12"
	if got := line(t, r.zh, "税收收入"); !strings.HasSuffix(got, "目标：与上年基本持平（2020 年数据不完整），未计算完成率  数据不完整") || strings.Contains(got, "%") {
		t.Errorf("terminal: %q", got)
	}
	if !strings.Contains(r.zh, "\n                  "+missing+"\n") {
		t.Errorf("terminal: the base's missing months not under the line:\n%s", r.zh)
	}
	if got := line(t, r.en, "税收收入"); !strings.HasSuffix(got, "target: about level with last year (2020's data incomplete); no completion computed  INCOMPLETE") {
		t.Errorf("terminal (en): %q", got)
	}
	if !strings.Contains(r.en, "missing: 财政所 2020-01 to 2020-05, 2020-07 to 2020-12") {
		t.Errorf("terminal (en): the base's missing months not said:\n%s", r.en)
	}
	x := r.taxTarget(t)
	if x.Target != nil || x.Completion != nil || x.Complete || x.RelativeTo != 2020 || x.NotComputed != "与上年基本持平：2020 年数据不完整" ||
		len(x.BaseMissing) != 1 || x.BaseMissing[0] != missing || x.TargetLow != nil {
		t.Errorf("JSON target: %+v", x)
	}
	if r.figures["目标"] != "与上年基本持平" || r.figures["完成率"] != "" || r.figures["状态"] != "不完整" ||
		!strings.HasPrefix(r.figures["说明"], "目标未计算：2020 年数据不完整（"+missing+"）") {
		t.Errorf("汇总 tax: 目标 %q 完成率 %q 状态 %q 说明 %q", r.figures["目标"], r.figures["完成率"], r.figures["状态"], r.figures["说明"])
	}
	if r.overview["目标"] != "与上年基本持平" || r.overview["完成率"] != "" || r.overview["计算至"] != "未计算" ||
		r.overview["数据完整性"] != "不完整：2020 年数据不完整（"+missing+"），未计算目标和完成率" {
		t.Errorf("概览 税收收入: %v", r.overview)
	}
	noOtherYearMissing(t, &r, "2020-06-czs.xlsx")
}

// Last year's December return alone (2020-12-czs.xlsx) in a 2021 folder:
// its 本年累计 is 2020's total — the same 151873.46 万元 as the sample's
// twelve months of 2020 summed — and the target stands on it, complete;
// it was 582.79% on December's 本月 alone.
func TestRelativeTargetDecemberYTD(t *testing.T) {
	t.Parallel()
	r := reconcileYears(t, yearsFolder(t, "2020-12-czs.xlsx"))
	if got := line(t, r.zh, "税收收入"); !strings.HasSuffix(got, "完成率 49.88%，序时进度 50.00%，差距 -0.12 个百分点，上年同期不完整，未计算同比") {
		t.Errorf("terminal: %q", got)
	}
	x := r.taxTarget(t)
	if str(x.Target) != "151873.46" || str(x.Base) != "151873.46" || x.BaseFrom != "取 2020-12 月报的本年累计" || !x.Complete ||
		str(x.Completion) != "49.88" || x.NotComputed != "" || len(x.BaseMissing) != 0 {
		t.Errorf("JSON target: %+v", x)
	}
	if r.figures["目标"] != "151,873.46" || r.figures["完成率"] != "49.88%" || r.figures["状态"] != "完整" {
		t.Errorf("汇总 tax: 目标 %q 完成率 %q 状态 %q 说明 %q", r.figures["目标"], r.figures["完成率"], r.figures["状态"], r.figures["说明"])
	}
	// The 2020 claim of the report is checked on it, and says so.
	for _, c := range r.res.Claims {
		if c.ID == "tax-2020" && (c.Status != "consistent" || len(c.Notes) != 1 || c.Notes[0] != "取 2020-12 月报的本年累计") {
			t.Errorf("claim tax-2020: %s %v", c.Status, c.Notes)
		}
	}
	noOtherYearMissing(t, &r, "2020-12-czs.xlsx")

	// A spec whose tax table has no 本年累计 column: December's month is
	// not the year, and nothing is computed on it.
	spec := filepath.Join(t.TempDir(), "spec.yaml")
	full := tally(t, exitClean, "spec")
	cut := strings.Replace(full, "          - role: value\n            header: |-\n              税收收入\n              本年累计（万元）\n            indicator: tax\n            measure: ytd\n", "", 1)
	if cut == full {
		t.Fatal("the spec's tax 本年累计 column not found")
	}
	if err := os.WriteFile(spec, []byte(cut), 0o644); err != nil {
		t.Fatal(err)
	}
	out := tally(t, exitFindings, "reconcile", "--lang", "zh", "--spec", spec, yearsFolder(t, "2020-12-czs.xlsx"))
	if got := line(t, out, "税收收入"); !strings.HasSuffix(got, "目标：与上年基本持平（2020 年数据不完整），未计算完成率  数据不完整") {
		t.Errorf("no 本年累计 column: %q", got)
	}
}

// The 2021 returns alone: 税收收入's target needs 2020's data. It is
// listed, stated, with why no rate (it was left out of 目标完成情况).
func TestRelativeTargetNoBase(t *testing.T) {
	t.Parallel()
	r := reconcileYears(t, yearsFolder(t))
	if got := line(t, r.zh, "税收收入"); !strings.HasSuffix(got, "目标：与上年基本持平（需 2020 年数据，未提供），未计算完成率") {
		t.Errorf("terminal: %q", got)
	}
	if got := line(t, r.en, "税收收入"); !strings.HasSuffix(got, "target: about level with last year (needs 2020's data, not provided); no completion computed") {
		t.Errorf("terminal (en): %q", got)
	}
	x := r.taxTarget(t)
	if x.Target != nil || x.Completion != nil || x.Complete || x.NotComputed != "与上年基本持平：需 2020 年数据，未提供" || len(x.BaseMissing) != 0 {
		t.Errorf("JSON target: %+v", x)
	}
	if r.figures["目标"] != "与上年基本持平" || r.figures["完成率"] != "" || r.figures["状态"] != "完整" || !strings.HasPrefix(r.figures["说明"], "目标未计算：需 2020 年数据，未提供") {
		t.Errorf("汇总 tax: 目标 %q 完成率 %q 状态 %q 说明 %q", r.figures["目标"], r.figures["完成率"], r.figures["状态"], r.figures["说明"])
	}
	if r.overview["目标"] != "与上年基本持平" || r.overview["数据完整性"] != "未计算目标和完成率：需 2020 年数据，未提供" {
		t.Errorf("概览 税收收入: %v", r.overview)
	}
	for _, f := range r.res.Findings {
		if f.Rule == "other_year_months" {
			t.Errorf("no 2020 file, yet: %s", f.Message)
		}
	}

	// This year's months missing too: said under the line as well.
	dir := yearsFolder(t)
	if err := os.Remove(filepath.Join(dir, "2021-03-czs.xlsx")); err != nil {
		t.Fatal(err)
	}
	out := tally(t, exitFindings, "reconcile", "--lang", "zh", dir)
	if got := line(t, out, "税收收入"); !strings.HasSuffix(got, "目标：与上年基本持平（需 2020 年数据，未提供），未计算完成率  数据不完整") ||
		!strings.Contains(out, got+"\n                  未报送：财政所 2021-03\n") {
		t.Errorf("2021-03 missing too:\n%s", out)
	}
}
