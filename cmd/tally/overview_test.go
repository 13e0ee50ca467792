package main

import (
	"archive/zip"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jingwu/tally/grid"
	"github.com/xuri/excelize/v2"
)

// partialJuly is the sample's 2020 and 2021 monthly files and a July 2021
// from 财政所 alone, made as the office would: tally template --from June's
// file, each row's 本月 typed (June's again) and 本年累计 = June's + 本月,
// one 本月 written 待核实 (a rejected row), so July is in but not whole.
func partialJuly(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	names, err := filepath.Glob(repo(t, "testdata/submissions/202[01]-*.xlsx"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no sample files: %v", err)
	}
	for _, n := range names {
		copyFile(t, n, filepath.Join(sub, filepath.Base(n)))
	}
	julyOf(t, sub, "czs", "税收收入", "C6")
	return sub
}

// julyOf writes dept's July 2021 into sub from its June there: tally
// template --from, then every prefilled row's 本月 typed as June's and its
// 本年累计 (the template's formula, June's + 本月) as the figure; the 合计
// rows' sums typed; a sheet without such rows (levels) copies June's
// figures. sheet!cell is then written 待核实: one rejected row.
func julyOf(t *testing.T, sub, dept, sheet, cell string) {
	t.Helper()
	tpl := filepath.Join(t.TempDir(), "tpl")
	var so, se strings.Builder
	if code := run([]string{"template", "--period", "2021-07", "--dept", dept, "--from", sub, "-o", tpl}, strings.NewReader(""), &so, &se); code != 0 {
		t.Fatalf("template: exit %d: %s", code, se.String())
	}
	f, err := excelize.OpenFile(filepath.Join(tpl, "2021-07-"+dept+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	june, err := excelize.OpenFile(filepath.Join(sub, "2021-06-"+dept+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer june.Close()
	prior := regexp.MustCompile(`^=?([0-9.]+)\+([A-Z]+)(\d+)$`)
	for _, sh := range f.GetSheetList() {
		if sh == "填报说明" || strings.HasPrefix(sh, "_") {
			continue
		}
		rows, _ := f.GetRows(sh)
		sums := map[string]decimal.Decimal{}
		filled := false
		for r := 1; r <= len(rows)+1; r++ {
			a, _ := f.GetCellValue(sh, "A"+itoa(r))
			if a == "合计" {
				for col, v := range sums {
					f.SetCellFormula(sh, col+itoa(r), "")
					set(t, f, sh, col+itoa(r), v.String())
				}
				break
			}
			for c := 1; c <= 8; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				formula, _ := f.GetCellFormula(sh, ref)
				m := prior.FindStringSubmatch(formula)
				if m == nil {
					continue
				}
				raw, _ := june.GetCellValue(sh, m[2]+m[3], excelize.Options{RawCellValue: true})
				v := decimal.RequireFromString(raw)
				y := decimal.RequireFromString(m[1]).Add(v)
				ycol, _, _ := excelize.SplitCellName(ref)
				f.SetCellFormula(sh, ref, "")
				set(t, f, sh, m[2]+m[3], v.String())
				set(t, f, sh, ref, y.String())
				sums[m[2]], sums[ycol] = sums[m[2]].Add(v), sums[ycol].Add(y)
				filled = true
			}
		}
		if filled {
			continue
		}
		jrows, _ := june.GetRows(sh)
		for r := range jrows {
			for c := range jrows[r] {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if typ, _ := june.GetCellType(sh, ref); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
					if raw, _ := june.GetCellValue(sh, ref, excelize.Options{RawCellValue: true}); raw != "" {
						if _, err := decimal.NewFromString(raw); err == nil {
							set(t, f, sh, ref, raw)
						}
					}
				}
			}
		}
	}
	if err := f.SetCellStr(sheet, cell, "待核实"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(filepath.Join(sub, "2021-07-"+dept+".xlsx")); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

// set writes a number given as exact decimal text.
func set(t *testing.T, f *excelize.File, sheet, ref, v string) {
	t.Helper()
	if err := f.SetCellDefault(sheet, ref, v); err != nil {
		t.Fatal(err)
	}
}

// The target table on 概览 over a partial July: 本年累计 is January–June,
// the months 计算至 names and 完成率 is of (75752.94 ÷ 151873.46 = 49.88%),
// not the total with the partial July; that total is in 数据完整性, labelled
// as not in the rate; every 数据完整性 cell wraps and its row is tall enough
// for it.
func TestOverviewTargetsPartialMonth(t *testing.T) {
	t.Parallel()
	sub := partialJuly(t)
	out := filepath.Join(t.TempDir(), "2021-07.xlsx")
	var so, se strings.Builder
	if code := run([]string{"reconcile", "-o", out, sub}, strings.NewReader(""), &so, &se); code != exitFindings {
		t.Fatalf("reconcile: exit %d: %s", code, se.String())
	}
	if !strings.Contains(so.String(), "被拒收的行："+filepath.Join(sub, "2021-07-czs.xlsx")) {
		t.Fatalf("the July file's rejected row is not what makes 税收收入 incomplete:\n%s", so.String())
	}
	f, err := excelize.OpenFile(out, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("概览", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := -1
	lines := 0
	for i, row := range rows {
		if len(row) > 9 && row[0] == "指标（单位）" {
			head = i
			continue
		}
		if head < 0 || len(row) < 10 {
			continue
		}
		lines++
		ref := "J" + itoa(i+1)
		id, _ := f.GetCellStyle("概览", ref)
		st, err := f.GetStyle(id)
		if err != nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("概览!%s (数据完整性) does not wrap: %q", ref, row[9])
		}
		if h, _ := f.GetRowHeight("概览", i+1); len(row[9]) > 40 && h < 30 {
			t.Errorf("概览 row %d is %v points high for %q", i+1, h, row[9])
		}
		if !strings.HasPrefix(row[0], "税收收入") {
			continue
		}
		if row[1] != "75752.94" || row[3] != "1–6月" {
			t.Errorf("税收收入: 本年累计 %s 计算至 %s, want 75752.94 through 1–6月 (what 完成率 %s is of)", row[1], row[3], row[4])
		}
		if !strings.Contains(row[9], "1–7月累计为") || !strings.Contains(row[9], "未计入完成率") {
			t.Errorf("税收收入: 数据完整性 does not give the partial July apart: %q", row[9])
		}
	}
	if head < 0 || lines != 5 {
		t.Fatalf("概览: target table at row %d with %d lines, want 5", head+1, lines)
	}
}

// 汇总 over the partial July says what its 本年累计 column holds for a
// stock: where July's level is not in, the status is 7月未报送 and the notes
// give the last level reported with its month (the 本年累计 cell stays
// empty: it is what the seal and a roll-up read); where it is in (the 2020
// book), that the column holds the year-end level, not a sum.
func TestFiguresStockLevel(t *testing.T) {
	t.Parallel()
	sub := partialJuly(t)
	out := filepath.Join(t.TempDir(), "2021-07.xlsx")
	var so, se strings.Builder
	if code := run([]string{"reconcile", "-o", out, sub}, strings.NewReader(""), &so, &se); code != exitFindings {
		t.Fatalf("reconcile: exit %d: %s", code, se.String())
	}
	row := func(book, sheet, name string) []string {
		t.Helper()
		for _, r := range rawRows(t, book, sheet) {
			if len(r) > 1 && r[1] == name {
				return append(r, make([]string, 24)...)
			}
		}
		t.Fatalf("%s: no row %s", sheet, name)
		return nil
	}
	// D…O are the months, P 本年累计, then 目标, 完成率, 序时进度, 状态, 说明.
	r := row(out, "汇总", "规模以上企业数")
	if r[8] != "97" || r[15] != "" || r[19] != "7月未报送" || !strings.Contains(r[20], "最近报送的是6月末的 97") {
		t.Errorf("汇总 规模以上企业数 over a July without 统计站: June %q, 本年累计 %q, 状态 %q, 说明 %q", r[8], r[15], r[19], r[20])
	}
	// A flow's 本年累计 with the partial July (what the seal reads) says
	// what its 完成率 is of.
	r = row(out, "汇总", "税收收入")
	if r[19] != "不完整" || !strings.Contains(r[20], "完成率、序时进度按1–6月的 75752.94 计算，本年累计含不完整的月份") {
		t.Errorf("汇总 税收收入: 状态 %q, 说明 %q", r[19], r[20])
	}
	book := filepath.Join(t.TempDir(), "2020.xlsx")
	sampleBook(t, "zh", "2020-12", book)
	r = row(book, "汇总", "规模以上企业数")
	if r[15] != "94" || r[17] != "存量指标：12月末数，不是各月之和" {
		t.Errorf("汇总 规模以上企业数 in 2020: 本年累计 %q, 说明 %q", r[15], r[17])
	}
	r = row(book, "汇总", "税收收入")
	if strings.Contains(r[17], "存量指标") || strings.Contains(r[17], "月末数") {
		t.Errorf("汇总 税收收入 (a flow) is called a level: %q", r[17])
	}
}

// The desk's 目标进度 over a partial July (统计站's, with a rejected row of
// 固定资产投资): 本年累计 is January–June, what 完成率 is of, said with its
// months; the total with the partial July is shown apart, labelled as not
// in the rate.
func TestServeProgressPartialMonth(t *testing.T) {
	t.Parallel()
	sub := partialJuly(t)
	julyOf(t, sub, "tjz", "固定资产投资", "B6")
	d := newTestDeskYear(t, 2021)
	for m := 1; m <= 7; m++ {
		d.clock.set(time.Date(2021, time.Month(m)+1, 3, 9, 0, 0, 0, time.Local))
		a := d.login("tjz") // a session of that day
		p := fmt.Sprintf("2021-%02d", m)
		d.mustUpload(a, p, filepath.Join(sub, p+"-tjz.xlsx"))
	}
	o := d.login("office")
	_, page := d.get(o, "/office/progress?asof=2021-07")
	row := regexp.MustCompile(`(?s)<tr><td>固定资产投资 <small>fai</small></td>(.*?)</tr>`).FindStringSubmatch(page)
	if row == nil {
		t.Fatalf("no 固定资产投资 row:\n%s", page)
	}
	for _, want := range []string{"378,380.47 万元 <small>（1–6月）</small>", "37.84%", "含已报部分的1–7月：", "未计入完成率"} {
		if !strings.Contains(row[1], want) {
			t.Errorf("目标进度 固定资产投资 has no %q: %s", want, row[1])
		}
	}
	// No 2020 on the desk: 税收收入's target (与上年基本持平) is listed,
	// stated, with why no rate, and no bar.
	tax := regexp.MustCompile(`(?s)<tr><td>税收收入 <small>tax</small></td>(.*?)</tr>`).FindStringSubmatch(page)
	if tax == nil || !strings.Contains(tax[1], "与上年基本持平") || !strings.Contains(tax[1], "未计算目标和完成率：需 2020 年数据，未提供") || strings.Contains(tax[1], "%") {
		t.Errorf("目标进度 税收收入: %v", tax)
	}
	if strings.Contains(page, `<text x="0" y="4" dy="16" font-size="13" fill="#1d2733">税收收入</text>`) {
		t.Errorf("目标进度 draws a bar for 税收收入, whose target is not computed")
	}
}

// The overview's chart of 完成率 against 序时进度 labels its axis every 25%
// (bars up to 100%): the program's own 10% steps ran the labels into each
// other on the narrow chart ("0% 10%20%30%…", in English most).
func TestOverviewTargetsLegible(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"zh", "en"} {
		path := filepath.Join(t.TempDir(), lang+".xlsx")
		sampleBook(t, lang, "2021-06", path)
		z, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		var charts int
		for _, m := range z.File {
			if !strings.HasPrefix(m.Name, "xl/charts/chart") {
				continue
			}
			charts++
			if !strings.Contains(zipPart(t, path, m.Name), `<majorUnit val="0.25">`) {
				t.Errorf("%s: %s spaces its axis otherwise than every 25%%", lang, m.Name)
			}
		}
		z.Close()
		if charts != 1 {
			t.Errorf("%s: %d charts, want the overview's one", lang, charts)
		}
		// The targets' header row is as tall as its wrapped headers
		// (Measured through, Time elapsed: two lines, clipped to one).
		if lang != "en" {
			continue
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Overview")
		found := false
		for i, row := range rows {
			if len(row) > 3 && row[3] == "Measured through" {
				found = true
				if h, _ := f.GetRowHeight("Overview", i+1); h < 2*grid.LineHeight {
					t.Errorf("en: the targets' header row is %v points tall, want two lines (%v)", h, 2*grid.LineHeight)
				}
			}
		}
		f.Close()
		if !found {
			t.Errorf("en: no targets header (Measured through) on the overview")
		}
	}
}

// 概览's 不符 is red only for a mismatch that is an error: the sample's
// one mismatch through 2020-12 is an estimate's (预计数, a warning), and a
// newcomer read it in bold red beside 错误 0.
func TestOverviewMismatchOfEstimatesAmber(t *testing.T) {
	t.Parallel()
	f, rows := sampleOverview(t)
	for i, r := range rows {
		if len(r) < 2 || r[0] != "不符" {
			continue
		}
		id, err := f.GetCellStyle("概览", "B"+strconv.Itoa(i+1))
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if r[1] != "1" || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFEB9C" || st.Font.Bold {
			t.Errorf("概览 不符 %q: fill %v bold %v, want 1 in amber (FFEB9C), not bold", r[1], st.Fill.Color, st.Font.Bold)
		}
		return
	}
	t.Fatal("no 不符 row in 概览")
}

// 概览's table of 未确认的报告数字 colours a claim's 不符 as the count above
// it does: amber when the claim's mismatch is an estimate's (预计数, a
// warning) — the sample's one through 2020-12 — red when it is an error. It
// was red beside an amber count.
func TestOverviewUnconfirmedEstimateAmber(t *testing.T) {
	t.Parallel()
	f, rows := sampleOverview(t)
	table, seen := false, 0
	for i, r := range rows {
		if len(r) >= 2 && r[0] == "未确认的报告数字" {
			table = true
			continue
		}
		if !table || len(r) < 2 || !strings.HasPrefix(r[1], "不符") {
			continue
		}
		seen++
		st := cellStyle(t, f, "概览", "B"+strconv.Itoa(i+1))
		if len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFEB9C" || st.Font.Bold {
			t.Errorf("概览 %s %q: fill %v bold %v, want amber (FFEB9C), not bold, as the 不符 count", r[0], r[1], st.Fill.Color, st.Font.Bold)
		}
	}
	if seen != 1 {
		t.Fatalf("概览's 未确认的报告数字 lists %d 不符, want the sample's 1 (an estimate's)", seen)
	}
	// 报告核对 keeps 不符 red: its 严重程度 column says the warning.
	rows, err := f.GetRows("报告核对")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, v := range r {
			if v != "不符" {
				continue
			}
			col, _ := excelize.ColumnNumberToName(j + 1)
			if st := cellStyle(t, f, "报告核对", col+strconv.Itoa(i+1)); len(st.Fill.Color) == 0 || st.Fill.Color[0] == "FFEB9C" {
				t.Errorf("报告核对 %s%d 不符: fill %v, want its red", col, i+1, st.Fill.Color)
			}
		}
	}
}

// sampleOverview writes the sample's workbook through 2020-12 in Chinese
// and returns it, open (closed when the test ends), with 概览's rows.
func sampleOverview(t *testing.T) (*excelize.File, [][]string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.xlsx")
	sampleBook(t, "zh", "2020-12", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows("概览")
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}

// cellStyle is the style of a cell of the workbook.
func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
