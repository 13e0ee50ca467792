package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// verifyRun is what reconcile --json says of totals to verify (待核实).
type verifyRun struct {
	ToVerify []struct {
		Indicator, Period, Value string
		Reasons                  []string
	} `json:"to_verify"`
	Claims []struct {
		ID, Status string
		ToVerify   bool `json:"to_verify"`
		Notes      []string
	} `json:"claims"`
	Summary struct {
		ToVerify       int `json:"to_verify"`
		ClaimsToVerify int `json:"claims_to_verify"`
		Warnings       int `json:"warnings"`
	} `json:"summary"`
}

func verifyJSON(t *testing.T, args ...string) verifyRun {
	t.Helper()
	_, out, errOut := runTally(t, append([]string{"reconcile", "--json"}, args...)...)
	var r verifyRun
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("reconcile --json: %v\n%s%s", err, out, errOut)
	}
	return r
}

// copySubmissions copies the sample's files names into a new folder.
func copySubmissions(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		data, err := os.ReadFile(repo(t, "testdata/submissions/"+name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// bookRow is the 汇总 row of an indicator by its header, and each named
// column's text and fill (fill/font colour, "" for none).
func bookRow(t *testing.T, path, sheet, key string, cols ...string) (text, fill map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var hdr []string
	row := -1
	for i, r := range rows {
		if len(r) > 0 && (r[0] == "指标代码" || r[0] == "编号" || r[0] == "项目" || r[0] == "Code") && hdr == nil {
			hdr = r
		}
		if len(r) > 0 && r[0] == key {
			row = i
		}
	}
	if row < 0 || hdr == nil {
		t.Fatalf("%s has no row %s", sheet, key)
	}
	text, fill = map[string]string{}, map[string]string{}
	for _, col := range cols {
		ci := column(t, hdr, col)
		text[col] = cellAt(rows[row], ci)
		ref, _ := excelize.CoordinatesToCellName(ci+1, row+1)
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) > 0 {
			fill[col] = st.Fill.Color[0] + "/" + st.Font.Color
		}
	}
	return text, fill
}

const doubtFill = "FCE4D6/833C0C"

// A 本月 typed in 元 into the 万元 column (47.38 as 473800, within tax's
// bound of 1,000,000 万元: a month_jump warning, never a rejection) is consolidated, and the total with it: 汇总
// says the indicator's total 待核实 (to verify), not 完整, its month and
// 本年累计 in the orange of 待核实, the 说明 and --json saying why, in
// both languages. With a 说明 on the row (the figure is true, and said
// so) the warning is explained and the total 完整 again.
func TestToVerifyUnitSlip(t *testing.T) {
	t.Parallel()
	dir := copySubmissions(t, "2021-01-czs.xlsx", "2021-02-czs.xlsx", "2021-03-czs.xlsx", "2021-04-czs.xlsx", "2021-05-czs.xlsx")
	june := filepath.Join(dir, "2021-06-czs.xlsx")
	const clean = `<c r="C11" s="7"><v>47.38</v></c><c r="D11" s="7"><v>221.95</v></c><c r="E11" s="5" t="s"><v>1</v></c>`
	const slip = `<c r="C11" s="7"><v>473800</v></c><c r="D11" s="7"><v>473974.57</v></c>`
	rewriteXLSX(t, repo(t, "testdata/submissions/2021-06-czs.xlsx"), june, "xl/worksheets/sheet2.xml", clean, slip+`<c r="E11" s="5" t="s"><v>1</v></c>`)

	r := verifyJSON(t, "--as-of", "2021-06", dir)
	const why = "财政所 2021-06 税收收入!C11 本月数异常（month_jump），待核实"
	if len(r.ToVerify) != 1 || r.ToVerify[0].Indicator != "tax" || r.ToVerify[0].Period != "2021-06" || strings.Join(r.ToVerify[0].Reasons, "|") != why {
		t.Errorf("to_verify %+v, want tax 2021-06 for %q", r.ToVerify, why)
	}
	if r.Summary.ToVerify != 1 {
		t.Errorf("summary to_verify %d, want 1", r.Summary.ToVerify)
	}
	en := verifyJSON(t, "--lang", "en", "--as-of", "2021-06", dir)
	if want := "财政所 2021-06 税收收入!C11: month out of line (month_jump), to verify"; len(en.ToVerify) != 1 || strings.Join(en.ToVerify[0].Reasons, "|") != want {
		t.Errorf("English to_verify %+v, want %q", en.ToVerify, want)
	}

	book := filepath.Join(t.TempDir(), "book.xlsx")
	runTally(t, "reconcile", "--as-of", "2021-06", "-o", book, dir)
	text, fill := bookRow(t, book, "汇总", "tax", "5月", "6月", "本年累计", "状态", "说明")
	if text["状态"] != "待核实" || !strings.Contains(text["说明"], why) {
		t.Errorf("汇总 tax: 状态 %q, 说明 %q; want 待核实 and %q", text["状态"], text["说明"], why)
	}
	for _, col := range []string{"6月", "本年累计", "状态"} {
		if fill[col] != doubtFill {
			t.Errorf("汇总 tax %s: fill %q, want %q (待核实)", col, fill[col], doubtFill)
		}
	}
	if fill["5月"] != "" {
		t.Errorf("汇总 tax 5月: fill %q, want none (a sound month)", fill["5月"])
	}
	if text, _ := bookRow(t, book, "概览", "待核实的指标（汇总数含未说明的本月数异常或期末数骤降，见“汇总”的说明栏）", "数值"); text["数值"] != "1" {
		t.Errorf("概览 待核实的指标 %q, want 1", text["数值"])
	}
	enBook := filepath.Join(t.TempDir(), "en.xlsx")
	runTally(t, "reconcile", "--lang", "en", "--as-of", "2021-06", "-o", enBook, dir)
	if text, _ := bookRow(t, enBook, "Consolidated", "tax", "Status"); text["Status"] != "to verify" {
		t.Errorf("Consolidated tax Status %q, want to verify", text["Status"])
	}

	// The row's 说明 explains it: the warning stays, explained; the total
	// is whole.
	rewriteXLSX(t, repo(t, "testdata/submissions/2021-06-czs.xlsx"), june, "xl/worksheets/sheet2.xml", clean,
		slip+`<c r="E11" s="5" t="inlineStr"><is><t>6月补缴以前年度税款</t></is></c>`)
	r = verifyJSON(t, "--as-of", "2021-06", dir)
	if len(r.ToVerify) != 0 || r.Summary.ToVerify != 0 || r.Summary.Warnings != 1 {
		t.Errorf("explained: to_verify %+v (%d), %d warnings; want none, and the month_jump still said", r.ToVerify, r.Summary.ToVerify, r.Summary.Warnings)
	}
	runTally(t, "reconcile", "--as-of", "2021-06", "-o", book, dir)
	if text, fill := bookRow(t, book, "汇总", "tax", "6月", "状态"); text["状态"] != "完整" || fill["6月"] != "" {
		t.Errorf("explained: 汇总 tax 状态 %q, 6月 fill %q; want 完整 and none", text["状态"], fill["6月"])
	}
	var jumps []string
	_, out, _ := runTally(t, "check", "--json", dir)
	var c struct {
		Files []struct {
			Findings []struct{ Rule, Explanation string }
		}
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	for _, f := range c.Files {
		for _, fd := range f.Findings {
			if fd.Rule == "month_jump" {
				jumps = append(jumps, fd.Explanation)
			}
		}
	}
	if strings.Join(jumps, "|") != "6月补缴以前年度税款" {
		t.Errorf("check: month_jump explanations %q, want the row's 说明", jumps)
	}
}

// A report figure computed from a total to verify keeps its verdict, with
// the reason in its notes and 一致（待核实）in 报告核对, not a green 一致:
// the sample's 2020 with one firm's June tax typed in 亿元 (200.06 万元 as
// 0.02, a month_jump 1/10605) still agrees with 15.2亿元, and with the
// five-year 68亿元 and its growth; every other claim is as in the sample.
func TestToVerifyClaimKeepsVerdict(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir(repo(t, "testdata/submissions"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != "2020-06-czs.xlsx" {
			names = append(names, e.Name())
		}
	}
	dir := copySubmissions(t, names...)
	rewriteXLSX(t, repo(t, "testdata/submissions/2020-06-czs.xlsx"), filepath.Join(dir, "2020-06-czs.xlsx"), "xl/worksheets/sheet2.xml",
		`<c r="C10" s="7"><v>200.06</v></c><c r="D10" s="7"><v>1453.43</v></c>`, `<c r="C10" s="7"><v>0.02</v></c><c r="D10" s="7"><v>1253.39</v></c>`)
	sample := verifyJSON(t, "--as-of", "2020-12", repo(t, "testdata/submissions"))
	r := verifyJSON(t, "--as-of", "2020-12", dir)
	const why = "财政所 2020-06 税收收入!C10 本月数异常（month_jump），待核实"
	doubted := map[string]bool{"tax-2020": true, "tax-1320": true, "tax-growth-1320": true}
	if len(r.Claims) != len(sample.Claims) {
		t.Fatalf("%d claims, want %d", len(r.Claims), len(sample.Claims))
	}
	for i, c := range r.Claims {
		s := sample.Claims[i]
		if c.Status != s.Status {
			t.Errorf("%s: %s, want the sample's %s (a verdict stands)", c.ID, c.Status, s.Status)
		}
		switch {
		case doubted[c.ID] && (!c.ToVerify || strings.Join(c.Notes, "|") != why):
			t.Errorf("%s: to_verify %v, notes %q; want true and %q", c.ID, c.ToVerify, c.Notes, why)
		case !doubted[c.ID] && (c.ToVerify || strings.ReplaceAll(strings.Join(c.Notes, "|"), dir, "") != strings.ReplaceAll(strings.Join(s.Notes, "|"), repo(t, "testdata/submissions"), "")):
			t.Errorf("%s: to_verify %v, notes %q; want as in the sample %q", c.ID, c.ToVerify, c.Notes, s.Notes)
		}
	}
	if r.Summary.ClaimsToVerify != 3 || r.Summary.ToVerify != 1 {
		t.Errorf("summary: claims_to_verify %d, to_verify %d; want 3 and 1", r.Summary.ClaimsToVerify, r.Summary.ToVerify)
	}
	book := filepath.Join(t.TempDir(), "book.xlsx")
	runTally(t, "reconcile", "--as-of", "2020-12", "-o", book, dir)
	text, fill := bookRow(t, book, "报告核对", "tax-2020", "结论", "说明")
	if text["结论"] != "一致（待核实）" || fill["结论"] != doubtFill || text["说明"] != why {
		t.Errorf("报告核对 tax-2020: %q (fill %q), 说明 %q; want 一致（待核实） in %q, %q", text["结论"], fill["结论"], text["说明"], doubtFill, why)
	}
	if text, fill := bookRow(t, book, "报告核对", "fai-2020", "结论"); text["结论"] != "一致" || fill["结论"] == doubtFill {
		t.Errorf("报告核对 fai-2020: %q (fill %q), want a plain 一致", text["结论"], fill["结论"])
	}
}

// A level collapsing (stock_drop, 科技科's 期末数 195 typed as 34 in June)
// leaves that month's total, and a stock's 本年累计 (June's level), to
// verify as a month_jump does.
func TestToVerifyStockDrop(t *testing.T) {
	t.Parallel()
	dir := copySubmissions(t, "2021-01-kjk.xlsx", "2021-02-kjk.xlsx", "2021-03-kjk.xlsx", "2021-04-kjk.xlsx", "2021-05-kjk.xlsx")
	rewriteXLSX(t, repo(t, "testdata/submissions/2021-06-kjk.xlsx"), filepath.Join(dir, "2021-06-kjk.xlsx"), "xl/worksheets/sheet2.xml",
		`<c r="E4" s="6"><v>195</v></c>`, `<c r="E4" s="6"><v>34</v></c>`)
	r := verifyJSON(t, "--as-of", "2021-06", dir)
	if len(r.ToVerify) != 1 || r.ToVerify[0].Period != "2021-06" || len(r.ToVerify[0].Reasons) != 1 ||
		!strings.HasSuffix(r.ToVerify[0].Reasons[0], " 2021-06 科技企业!E4 期末数骤降（stock_drop），待核实") || r.Summary.ToVerify != 1 {
		t.Errorf("to_verify %+v (%d), want June's level for 科技企业!E4's stock_drop", r.ToVerify, r.Summary.ToVerify)
	}
}
