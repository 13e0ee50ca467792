package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// town is one of the three towns the roll-up tests make from the sample
// year: a name, the department files it submits, and its as-of month.
type town struct {
	name  string
	files []string // base names in testdata/submissions
	asOf  reconcile.Period
	out   string // its consolidated workbook
}

// makeTowns builds three towns' consolidated workbooks from the sample
// year through the real reconcile command: 甲镇 submits everything; 乙镇
// only 财政所 and 统计站 (so its figures differ from 甲镇's, and its other
// departments are missing); 丙镇 everything, consolidated only through
// June (so it is missing for July to December at the district).
func makeTowns(t *testing.T, dir string) []*town {
	t.Helper()
	all, err := filepath.Glob(repo(t, "testdata/submissions/*.xlsx"))
	if err != nil || len(all) == 0 {
		t.Fatal("no sample", err)
	}
	yaml, err := os.ReadFile(repo(t, "spec/jingwu-2020.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	pick := func(keep func(string) bool) []string {
		var out []string
		for _, p := range all {
			if b := filepath.Base(p); keep(b) {
				out = append(out, b)
			}
		}
		return out
	}
	towns := []*town{
		{name: "甲镇", files: pick(func(string) bool { return true }), asOf: reconcile.Period{Year: 2020, Month: 12}},
		{name: "乙镇", files: pick(func(b string) bool {
			return strings.Contains(b, "-czs.") || strings.Contains(b, "-tjz.")
		}), asOf: reconcile.Period{Year: 2020, Month: 12}},
		{name: "丙镇", files: pick(func(string) bool { return true }), asOf: reconcile.Period{Year: 2020, Month: 6}},
	}
	for _, tw := range towns {
		src := filepath.Join(dir, tw.name+"-files")
		if err := os.MkdirAll(src, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, b := range tw.files {
			data, err := os.ReadFile(repo(t, "testdata/submissions/"+b))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(src, b), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		specFile := filepath.Join(dir, tw.name+".yaml")
		renamed := strings.Replace(string(yaml), "\ntown: 精武镇\n", "\ntown: "+tw.name+"\n", 1)
		if renamed == string(yaml) {
			t.Fatal("the spec's town line moved")
		}
		if err := os.WriteFile(specFile, []byte(renamed), 0o644); err != nil {
			t.Fatal(err)
		}
		tw.out = filepath.Join(dir, tw.name+".xlsx")
		tally(t, exitFindings, "reconcile", "--spec", specFile, "--as-of", tw.asOf.String(), "-o", tw.out, src)
	}
	return towns
}

// tally runs the command and requires its exit code; it returns stdout.
func tally(t *testing.T, want int, args ...string) string {
	t.Helper()
	var so, se bytes.Buffer
	if code := run(args, strings.NewReader(""), &so, &se); code != want {
		t.Fatalf("tally %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, so.String(), se.String())
	}
	return so.String()
}

func TestMerge(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	towns := makeTowns(t, dir)
	district := filepath.Join(dir, "西青区.xlsx")
	out := tally(t, exitFindings, "merge", "--name", "西青区", "--json", "-o", district, towns[0].out, towns[1].out, towns[2].out)
	var res jsonMerge
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}

	t.Run("every district figure is the sum of the towns' source cells", func(t *testing.T) {
		want := independentSums(t, towns)
		got := figuresSheet(t, district, "汇总")
		s, _, err := spec.Default()
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, def := range s.Indicators {
			for m := 1; m <= 12; m++ {
				key := def.Code + "|" + reconcile.Period{Year: 2020, Month: m}.String()
				w, hasW := want[key]
				g, hasG := got[key]
				if hasW != hasG || hasW && !w.Equal(g) {
					t.Errorf("%s: district %v (%v), towns' cells add up to %v (%v)", key, g, hasG, w, hasW)
				}
				checked++
			}
		}
		if checked != 18*12 || len(want) < 150 {
			t.Fatalf("checked %d figures, %d with data", checked, len(want))
		}
		// And the JSON says the same.
		for _, f := range res.Figures {
			for p, v := range f.Months {
				if d := decimal.RequireFromString(*v); !d.Equal(got[f.Indicator+"|"+p]) {
					t.Errorf("json %s %s = %s, sheet %s", f.Indicator, p, d, got[f.Indicator+"|"+p])
				}
			}
		}
	})

	t.Run("the same workbook whatever the order of the nodes", func(t *testing.T) {
		again := filepath.Join(dir, "again", "西青区.xlsx")
		if err := os.MkdirAll(filepath.Dir(again), 0o755); err != nil {
			t.Fatal(err)
		}
		tally(t, exitFindings, "merge", "--name", "西青区", "-o", again, towns[2].out, towns[0].out, towns[1].out)
		a, _ := os.ReadFile(district)
		b, _ := os.ReadFile(again)
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Error("merging the nodes in another order wrote another workbook")
		}
	})

	t.Run("the seal sheet edited, its seal recomputed: the property tells", func(t *testing.T) {
		edited := filepath.Join(dir, "edited-seal", "甲镇.xlsx")
		copyFile(t, towns[0].out, edited)
		f, err := excelize.OpenFile(edited)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("_tally_seal")
		if err != nil {
			t.Fatal(err)
		}
		// Change the tax row's digest to that of an edited row, and the
		// seal row to the digest over the edited sheet.
		d := reconcile.NewDigest()
		for i, row := range rows {
			if len(row) > 1 && row[0] == "figure" && row[1] == "tax" {
				row[3] = strings.Repeat("0", 64)
				if err := f.SetCellStr("_tally_seal", fmt.Sprintf("D%d", i+1), row[3]); err != nil {
					t.Fatal(err)
				}
			}
			if row[0] == "seal" {
				if err := f.SetCellStr("_tally_seal", fmt.Sprintf("B%d", i+1), d.Sum()); err != nil {
					t.Fatal(err)
				}
				break
			}
			for len(row) > 0 && row[len(row)-1] == "" {
				row = row[:len(row)-1]
			}
			d.Row(row...)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		refused(t, edited, towns[1].out, "", "", "node_seal_edited")
	})

	t.Run("findings: a node with errors, a node missing months", func(t *testing.T) {
		rules := map[string]int{}
		for _, f := range res.Findings {
			rules[f.Rule+" "+f.Department]++
		}
		want := map[string]int{"node_errors 甲镇": 1, "node_errors 乙镇": 1, "node_errors 丙镇": 1, "node_missing_month 丙镇": 6}
		for k, n := range want {
			if rules[k] != n {
				t.Errorf("%s: %d findings, want %d (all: %v)", k, rules[k], n, rules)
			}
		}
		own := 0
		for _, f := range res.Findings {
			if f.Rule != string(reconcile.RuleNodeFinding) {
				own++
			}
		}
		if own != 9 {
			t.Errorf("%d findings of the district's own, want 9: %v", own, rules)
		}
		// Each town's own errors and warnings are carried up, one each.
		for _, tw := range towns {
			seal := map[string]int{}
			for _, row := range rawRows(t, tw.out, "_tally_seal") {
				if len(row) > 1 && (row[0] == "errors" || row[0] == "warnings") {
					n := 0
					fmt.Sscan(row[1], &n)
					seal[row[0]] = n
				}
			}
			if got, want := rules["node_finding "+tw.name], seal["errors"]+seal["warnings"]; got != want || want == 0 {
				t.Errorf("%s: %d of its findings carried, its seal says %d errors and warnings", tw.name, got, want)
			}
		}
		for _, n := range res.Nodes {
			if n.Status != "findings" {
				t.Errorf("node %s: status %s", n.File, n.Status)
			}
		}
	})

	t.Run("the chain from a district figure to a department's cell", func(t *testing.T) {
		chain(t, dir, district, "tax", "2020-03")
	})

	t.Run("merging merges gives the same figures and parts", func(t *testing.T) {
		ab := filepath.Join(dir, "甲乙.xlsx")
		tally(t, exitFindings, "merge", "--name", "甲乙片", "-o", ab, towns[0].out, towns[1].out)
		twoLevels := filepath.Join(dir, "two-levels.xlsx")
		tally(t, exitFindings, "merge", "--name", "西青区", "-o", twoLevels, towns[2].out, ab) // order does not matter either
		a, b := figuresSheet(t, district, "汇总"), figuresSheet(t, twoLevels, "汇总")
		if len(a) != len(b) || len(a) == 0 {
			t.Fatalf("%d figures directly, %d in two levels", len(a), len(b))
		}
		for k, v := range a {
			if !v.Equal(b[k]) {
				t.Errorf("%s: %s directly, %s in two levels", k, v, b[k])
			}
		}
		pa, pb := partRows(t, district), partRows(t, twoLevels)
		if len(pa) != len(pb) || len(pa) == 0 {
			t.Fatalf("%d parts directly, %d in two levels", len(pa), len(pb))
		}
		for i := range pa {
			via := pb[i][8]
			pa[i][8], pb[i][8] = "", ""
			if strings.Join(pa[i], "|") != strings.Join(pb[i], "|") {
				t.Fatalf("part %d: %v directly, %v in two levels", i, pa[i], pb[i])
			}
			if wantVia := map[bool]string{true: "甲乙.xlsx", false: ""}[pa[i][0] != "丙镇"]; via != wantVia {
				t.Fatalf("part %d of %s came via %q, want %q", i, pa[i][0], via, wantVia)
			}
		}
		// The chain still runs to a department's cell through two levels.
		chain(t, dir, twoLevels, "industrial_output", "2020-11")
	})

	t.Run("a town workbook edited after tally wrote it is refused, naming the cell", func(t *testing.T) {
		edited := filepath.Join(dir, "edited", "甲镇.xlsx")
		// 汇总!F3: 税收收入 in March (row 3 is the first indicator).
		editedCopy(t, towns[0].out, edited, "汇总", "F3", 12345)
		refused(t, edited, towns[1].out, "汇总", "F3", "node_edited")
	})

	t.Run("a detail row edited is refused, naming its block", func(t *testing.T) {
		edited := filepath.Join(dir, "edited-detail", "甲镇.xlsx")
		// Row 20's 行 (column C): the first block, rows 2 to 1025 or the last.
		last := min(1025, len(rawRows(t, towns[0].out, "明细"))+1)
		editedCopy(t, towns[0].out, edited, "明细", "C20", 1)
		refused(t, edited, towns[1].out, "明细", fmt.Sprintf("2:%d", last), "node_detail_edited")
	})

	t.Run("edited in LibreOffice: refused naming the cell; re-saved unchanged: accepted", func(t *testing.T) {
		testtool.Require(t, "soffice")
		py := testtool.Python(t, "uno")
		script := repo(t, "templates/testdata/lo_fill.py")
		lo := func(src, dst, fill string) {
			fillFile := filepath.Join(dir, "fill.json")
			if err := os.WriteFile(fillFile, []byte(fill), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(py, script, src, dst, fillFile, filepath.Join(dir, "lo-profile"))
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("LibreOffice: %v\n%s", err, msg)
			}
		}
		edited := filepath.Join(dir, "lo", "甲镇.xlsx")
		lo(towns[0].out, edited, `{"汇总": {"H4": "3333.33"}}`) // 一般预算收入, May
		refused(t, edited, towns[1].out, "汇总", "H4", "node_edited")
		resaved := filepath.Join(dir, "lo-resaved", "甲镇.xlsx")
		lo(towns[0].out, resaved, `{}`)
		accepted(t, resaved, towns[1].out, "LibreOffice")
	})

	t.Run("openpyxl: re-saved unchanged accepted, edited refused naming the cell", func(t *testing.T) {
		py := testtool.Python(t, "openpyxl")
		script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
if len(sys.argv) > 3:
    wb["汇总"][sys.argv[3]] = float(sys.argv[4])
wb.save(sys.argv[2])
`
		resaved := filepath.Join(dir, "py", "甲镇.xlsx")
		edited := filepath.Join(dir, "py-edited", "甲镇.xlsx")
		for _, args := range [][]string{{towns[0].out, resaved}, {towns[0].out, edited, "G5", "777.5"}} {
			if err := os.MkdirAll(filepath.Dir(args[1]), 0o755); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(py, append([]string{"-c", script}, args...)...).CombinedOutput(); err != nil {
				t.Fatalf("openpyxl: %v\n%s", err, out)
			}
		}
		refused(t, edited, towns[1].out, "汇总", "G5", "node_edited")
		accepted(t, resaved, towns[1].out, "openpyxl")
	})

	t.Run("--check-sources: the files a town lists, by SHA-256", func(t *testing.T) {
		out := tally(t, exitFindings, "merge", "--json", "--check-sources", towns[0].out, towns[1].out)
		if strings.Contains(out, "node_source") || strings.Contains(out, `"status": "refused"`) {
			t.Fatalf("unchanged files: %s", out)
		}
		// A department's file changed after 乙镇 consolidated it.
		changed := filepath.Join(dir, "乙镇-files", "2020-05-czs.xlsx")
		orig, err := os.ReadFile(changed)
		if err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(changed, orig, 0o644)
		copyFile(t, repo(t, "testdata/submissions/2020-06-czs.xlsx"), changed)
		out = tally(t, exitFindings, "merge", "--json", "--check-sources", towns[0].out, towns[1].out)
		var r jsonMerge
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range r.Findings {
			if f.Rule == "node_source_changed" && f.File == "乙镇.xlsx" && f.Raw == changed {
				found = true
			}
		}
		if !found {
			t.Errorf("no node_source_changed for %s: %+v", changed, r.Findings)
		}
	})

	t.Run("a town made with other indicator definitions is refused", func(t *testing.T) {
		yaml, err := os.ReadFile(repo(t, "spec/jingwu-2020.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		other := strings.Replace(string(yaml), "\ntown: 精武镇\n", "\ntown: 丁镇\n", 1)
		other = strings.Replace(other, `unit: 万元, max: "1000000"}`, `unit: 万元, max: "1000000", precision: 4}`, 1)
		if !strings.Contains(other, "precision: 4") {
			t.Fatal("the spec's tax line moved")
		}
		specFile := filepath.Join(dir, "丁镇.yaml")
		if err := os.WriteFile(specFile, []byte(other), 0o644); err != nil {
			t.Fatal(err)
		}
		ding := filepath.Join(dir, "丁镇.xlsx")
		tally(t, exitFindings, "reconcile", "--spec", specFile, "--as-of", towns[1].asOf.String(), "-o", ding, filepath.Join(dir, "乙镇-files"))
		// Two towns agree, one does not: the one is refused.
		out := tally(t, exitFindings, "merge", "--json", towns[0].out, towns[1].out, ding)
		var r jsonMerge
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range r.Findings {
			if f.Rule == "node_definitions" && f.File == "丁镇.xlsx" && strings.Contains(f.Message, "tax") {
				found = true
			}
		}
		if !found {
			t.Errorf("no node_definitions finding naming tax: %+v", r.Findings)
		}
		for _, n := range r.Nodes {
			if (n.File == "丁镇.xlsx") != (n.Status == reconcile.Refused) {
				t.Errorf("node %s: %s", n.File, n.Status)
			}
		}
		// Refused because of tax's precision, named; nothing else differs.
		for _, f := range r.Findings {
			if f.Rule == "node_definitions" && !strings.Contains(f.Message, "（tax）") {
				t.Errorf("other indicators named: %s", f.Message)
			}
		}
	})

	t.Run("舍位平衡: parts and totals in 亿元 add up on the page, adjusted cells marked", func(t *testing.T) {
		shown := filepath.Join(dir, "shown.xlsx")
		tally(t, exitFindings, "merge", "--name", "西青区", "--show-unit", "亿元", "--places", "2", "-o", shown, towns[0].out, towns[1].out, towns[2].out)
		balanced(t, shown, true)
	})

	t.Run("舍位平衡 in a town's own workbook (reconcile --show-unit)", func(t *testing.T) {
		shown := filepath.Join(dir, "town-shown.xlsx")
		tally(t, exitFindings, "reconcile", "--as-of", towns[0].asOf.String(), "--show-unit", "亿元", "--places", "2", "-o", shown, filepath.Join(dir, "甲镇-files"))
		balanced(t, shown, false)
		// The seal covers the exact sheets only: the town still rolls up.
		tally(t, exitFindings, "merge", shown)
	})
}

// independentSums adds up each indicator's month figure from the towns'
// source files, read here with excelize and nothing of tally's reader: a
// value column is found by its header (“<indicator> 本月（…）”, 本月新增,
// 期末数), a row of an indicator table by its label; the 合计 row is left
// out, and a row with a cell that is not a number is left out whole (the
// reader rejects it).
func independentSums(t *testing.T, towns []*town) map[string]decimal.Decimal {
	t.Helper()
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*reconcile.Indicator{}
	for i := range s.Indicators {
		byName[s.Indicators[i].Name] = &s.Indicators[i]
	}
	lineFlow, lineStock := map[string]string{}, map[string]string{}
	for _, d := range s.Departments {
		for _, tb := range d.Tables {
			for _, l := range tb.Lines {
				lineFlow[l.Label], lineStock[l.Label] = l.Flow, l.Stock
			}
		}
	}
	sums := map[string]decimal.Decimal{}
	for _, tw := range towns {
		for _, b := range tw.files {
			p, _, _ := strings.Cut(strings.TrimSuffix(b, ".xlsx"), "-")
			var month int
			rest := strings.TrimPrefix(strings.TrimSuffix(b, ".xlsx"), p+"-")
			if len(rest) < 3 || rest[2] != '-' || p != "2020" {
				continue // not a month of 2020
			}
			month = int(rest[0]-'0')*10 + int(rest[1]-'0')
			if month > tw.asOf.Month {
				continue
			}
			period := reconcile.Period{Year: 2020, Month: month}.String()
			f, err := excelize.OpenFile(repo(t, "testdata/submissions/"+b), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, sheet := range f.GetSheetList() {
				if v, _ := f.GetSheetVisible(sheet); !v || sheet == "填报说明" {
					continue
				}
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				addSheet(rows, period, byName, lineFlow, lineStock, sums)
			}
			f.Close()
		}
	}
	return sums
}

func addSheet(rows [][]string, period string, byName map[string]*reconcile.Indicator, lineFlow, lineStock map[string]string, sums map[string]decimal.Decimal) {
	header := -1
	cols := map[int]string{} // column → indicator code, for entity tables
	kind := map[int]string{} // column → "flow" | "stock", for indicator tables
	for ri, row := range rows {
		for ci, h := range row {
			h = strings.Join(strings.Fields(h), "")
			switch {
			case h == "本月新增" || h == "本月" && ci > 0:
				kind[ci], header = "flow", ri
			case h == "期末数":
				kind[ci], header = "stock", ri
			case strings.Contains(h, "本月（"):
				if def := byName[h[:strings.Index(h, "本月（")]]; def != nil {
					cols[ci], header = def.Code, ri
				}
			}
		}
		if header >= 0 {
			break
		}
	}
	if header < 0 {
		return
	}
	for _, row := range rows[header+1:] {
		if len(row) == 0 || strings.TrimSpace(row[0]) == "合计" || strings.TrimSpace(row[0]) == "" {
			continue
		}
		vals := map[string]decimal.Decimal{}
		ok := true
		add := func(code, raw string) {
			raw = strings.ReplaceAll(strings.TrimSpace(raw), ",", "")
			if raw == "" || code == "" {
				return
			}
			d, err := decimal.NewFromString(raw)
			if err != nil {
				ok = false
				return
			}
			vals[code] = vals[code].Add(d)
		}
		for ci, raw := range row {
			if code, isCol := cols[ci]; isCol {
				add(code, raw)
			}
			switch kind[ci] {
			case "flow":
				add(lineFlow[strings.TrimSpace(row[0])], raw)
			case "stock":
				add(lineStock[strings.TrimSpace(row[0])], raw)
			}
		}
		if !ok {
			continue
		}
		for code, v := range vals {
			k := code + "|" + period
			sums[k] = sums[k].Add(v)
		}
	}
}

// figuresSheet reads a workbook's 汇总 months by indicator code and month.
func figuresSheet(t *testing.T, path, sheet string) map[string]decimal.Decimal {
	t.Helper()
	rows := rawRows(t, path, sheet)
	out := map[string]decimal.Decimal{}
	for _, row := range rows[2:] {
		for m := 1; m <= 12 && 2+m < len(row); m++ {
			if row[2+m] == "" {
				continue
			}
			out[row[0]+"|"+reconcile.Period{Year: 2020, Month: m}.String()] = decimal.RequireFromString(row[2+m])
		}
	}
	return out
}

// partRows are a roll-up's 节点明细 rows, after the header.
func partRows(t *testing.T, path string) [][]string {
	t.Helper()
	rows := rawRows(t, path, "节点明细")
	for i := range rows {
		for len(rows[i]) < 10 {
			rows[i] = append(rows[i], "")
		}
	}
	return rows[1:]
}

// chain follows one district figure down: its 节点明细 rows add up to it;
// each names a town's workbook and 汇总 cell holding its value; that
// town's 明细 rows for the indicator and month add up to the cell; and
// the first of them names a department file's sheet and cell that holds
// the figure.
func chain(t *testing.T, dir, district, code, period string) {
	t.Helper()
	figs := figuresSheet(t, district, "汇总")
	total, ok := figs[code+"|"+period]
	if !ok {
		t.Fatalf("no district figure %s %s", code, period)
	}
	sum := decimal.Zero
	n := 0
	for _, p := range partRows(t, district) {
		if p[6] != code || p[4] != period {
			continue
		}
		v := decimal.RequireFromString(p[7])
		sum = sum.Add(v)
		n++
		townBook := filepath.Join(dir, p[1])
		tf, err := excelize.OpenFile(townBook, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		cell, _ := tf.GetCellValue(p[2], p[3])
		if !decimal.RequireFromString(cell).Equal(v) {
			t.Errorf("%s %s!%s holds %s, the district's part says %s", p[1], p[2], p[3], cell, v)
		}
		detail, err := tf.GetRows("明细")
		if err != nil {
			t.Fatal(err)
		}
		tf.Close()
		ind := ""
		rows, _ := excelize.OpenFile(townBook)
		ind, _ = rows.GetCellValue(p[2], "B"+strings.TrimLeft(p[3], "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		rows.Close()
		// The 明细 is one row per source row: the indicator's 本月 or 期末数
		// column (headed "指标·本月\n（C 列）": its source column), or, for
		// an indicator table's row, the measure's column when the row's 指标
		// is the indicator.
		head := detail[0]
		colOf := func(h string) int { return slices.Index(head, h) }
		indCol, genMonth, genLevel := colOf("指标"), colOf("本月"), colOf("期末数")
		own := map[int]string{} // column → its source column
		for i, h := range head {
			for _, m := range []string{"·本月\n（", "·期末数\n（"} {
				if strings.HasPrefix(h, ind+m) {
					own[i] = strings.TrimSuffix(strings.TrimPrefix(h, ind+m), " 列）")
				}
			}
		}
		townSum := decimal.Zero
		var first []string // file, sheet, cell, figure
		for _, r := range detail[1:] {
			if cellAt(r, 4) != period {
				continue
			}
			for i, src := range own {
				if v := cellAt(r, i); v != "" {
					townSum = townSum.Add(decimal.RequireFromString(v))
					if first == nil {
						first = []string{r[0], r[1], src + r[2], v}
					}
				}
			}
			if cellAt(r, indCol) == ind {
				for _, i := range []int{genMonth, genLevel} {
					if v := cellAt(r, i); v != "" {
						townSum = townSum.Add(decimal.RequireFromString(v))
					}
				}
			}
		}
		if !townSum.Equal(v) || first == nil {
			t.Fatalf("%s: 明细 of %s %s adds up to %s, its 汇总 cell holds %s", p[1], ind, period, townSum, v)
		}
		// The town's 明细 names the file as its reconcile was given it.
		src, err := excelize.OpenFile(first[0], excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := src.GetCellValue(first[1], first[2])
		src.Close()
		if got := strings.ReplaceAll(raw, ",", ""); !decimal.RequireFromString(got).Equal(decimal.RequireFromString(first[3])) {
			t.Errorf("%s %s!%s holds %q, the town's 明细 says %s", first[0], first[1], first[2], raw, first[3])
		}
	}
	if n == 0 || !sum.Equal(total) {
		t.Fatalf("%s %s: %d parts add up to %s, district figure %s", code, period, n, sum, total)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// editedCopy copies src to dst and sets sheet!cell to v in the copy, as a
// program that is not Excel would (excelize).
func editedCopy(t *testing.T, src, dst, sheet, cell string, v any) {
	t.Helper()
	copyFile(t, src, dst)
	f, err := excelize.OpenFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// rawRows is a sheet's rows as stored (excelize, RawCellValue).
func rawRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// accepted merges a workbook re-saved unchanged by who with a good one and
// requires neither refused.
func accepted(t *testing.T, resaved, good, who string) {
	t.Helper()
	out := tally(t, exitFindings, "merge", "--json", resaved, good)
	var r jsonMerge
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, n := range r.Nodes {
		if n.Status == reconcile.Refused {
			t.Errorf("a workbook re-saved unchanged by %s was refused: %+v", who, r.Findings)
		}
	}
}

// refused merges an edited workbook with a good one and requires the
// edited one refused with a finding of rule at sheet!cell.
func refused(t *testing.T, edited, good, sheet, cell, rule string) {
	t.Helper()
	out := tally(t, exitFindings, "merge", "--json", edited, good)
	var r jsonMerge
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range r.Findings {
		if f.Rule == rule && f.Sheet == sheet && f.Cell == cell && f.File == filepath.Base(edited) && f.Severity == "error" {
			found = true
		}
	}
	if !found {
		t.Errorf("no %s finding at %s!%s: %+v", rule, sheet, cell, r.Findings)
	}
	for _, n := range r.Nodes {
		if (n.File == filepath.Base(edited)) != (n.Status == reconcile.Refused) {
			t.Errorf("node %s: status %s", n.File, n.Status)
		}
	}
}

// balanced checks the shown sheets of a workbook: on 汇总（亿元）, every
// row in 亿元 has months adding up to its year to date as shown; on
// 节点汇总（亿元）, the nodes add up to the total; every cell shown other
// than its own rounding is styled apart and has a note, and no other.
func balanced(t *testing.T, path string, byNode bool) {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exact := figuresSheet(t, path, "汇总")
	notes := map[string]bool{}
	sheets := []string{"汇总（亿元）"}
	if byNode {
		sheets = append(sheets, "节点汇总（亿元）")
	}
	for _, sheet := range sheets {
		cs, err := f.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			notes[sheet+"!"+c.Cell] = true
		}
	}
	plainStyle, adjustedStyle := -1, -1
	adjusted, naiveBroken := 0, 0
	rows, err := f.GetRows("汇总（亿元）")
	if err != nil {
		t.Fatal(err)
	}
	for ri, row := range rows[2:] {
		if len(row) < 16 || row[2] != "亿元" || row[15] == "" {
			continue
		}
		sum, naive := decimal.Zero, decimal.Zero
		for m := 1; m <= 12; m++ {
			if row[2+m] == "" {
				continue
			}
			shown := decimal.RequireFromString(row[2+m])
			sum = sum.Add(shown)
			own := exact[row[0]+"|"+reconcile.Period{Year: 2020, Month: m}.String()].Shift(-4).Round(2)
			naive = naive.Add(own)
			ref, _ := excelize.CoordinatesToCellName(3+m, ri+3)
			style, _ := f.GetCellStyle("汇总（亿元）", ref)
			if !own.Equal(shown) {
				adjusted++
				if !notes["汇总（亿元）!"+ref] {
					t.Errorf("%s adjusted (%s → %s) without a note", ref, own, shown)
				}
				if adjustedStyle == -1 {
					adjustedStyle = style
				}
				if style != adjustedStyle {
					t.Errorf("%s adjusted, style %d", ref, style)
				}
			} else {
				if notes["汇总（亿元）!"+ref] {
					t.Errorf("%s not adjusted but noted", ref)
				}
				if plainStyle == -1 {
					plainStyle = style
				}
			}
		}
		total := decimal.RequireFromString(row[15])
		if !sum.Equal(total) {
			t.Errorf("%s: months shown add up to %s, year to date shown %s", row[0], sum, total)
		}
		if !naive.Equal(total) {
			naiveBroken++
		}
	}
	if naiveBroken == 0 || adjusted == 0 || plainStyle == adjustedStyle {
		t.Errorf("the sample exercises nothing: %d rows where naive rounding breaks the sum, %d adjusted cells, styles %d/%d",
			naiveBroken, adjusted, plainStyle, adjustedStyle)
	}
	if !byNode {
		return
	}
	rows, err = f.GetRows("节点汇总（亿元）")
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]decimal.Decimal{}
	totals := 0
	for _, row := range rows[2:] {
		if len(row) < 5 {
			continue
		}
		v := decimal.RequireFromString(row[4])
		if row[3] == "合计" {
			totals++
			if !sums[row[0]].Equal(v) {
				t.Errorf("%s: nodes add up to %s, total shown %s", row[0], sums[row[0]], v)
			}
			if want := exact2(t, path, row[0]); !want.Equal(v) {
				t.Errorf("%s: total shown %s, its year to date rounds to %s", row[0], v, want)
			}
			continue
		}
		sums[row[0]] = sums[row[0]].Add(v)
	}
	if totals != 6 {
		t.Errorf("%d totals on the by-node sheet, want the 6 amounts", totals)
	}
}

// exact2 is an indicator's year to date on 汇总, in 亿元 to two places.
func exact2(t *testing.T, path, code string) decimal.Decimal {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("汇总")
	for _, row := range rows[2:] {
		if row[0] == code {
			return decimal.RequireFromString(row[15]).Shift(-4).Round(2)
		}
	}
	t.Fatalf("no %s", code)
	return decimal.Zero
}

// A roll-up's 节点汇总 prints like a town's 汇总 (newcomer report 7, #8):
// landscape sections of columns at a legible scale (not the whole width
// forced onto one page at about 5 points), header row and naming columns
// repeated, the 报表 header and footer block; its 合计 rows keep the
// figures' number format; 节点明细 is not printed unless asked (an empty
// print area, like the town's 明细).
func TestMergePrintsLegibly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	towns := makeTowns(t, dir)
	district := filepath.Join(dir, "西青区.xlsx")
	tally(t, exitFindings, "merge", "--name", "西青区", "--show-unit", "亿元", "--places", "2", "-o", district, towns[0].out, towns[1].out)
	f, err := excelize.OpenFile(district)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// 汇总（亿元） and 节点汇总（亿元） print like 汇总: the 报表 header and
	// footer block, the 指标代码 column holding domestic_investment, the
	// title kept whole (节点汇总（亿元）'s merged and wrapped within the
	// columns that print with it); 汇总（亿元） like 汇总 a whole row across
	// a landscape A3 page, fitted to its width (it printed in sections on
	// A4, the months 7–12 on a page of their own; before that fitted to
	// one A4 page at 64%, newcomer 8, #4), its header rows repeated.
	for _, c := range []struct {
		sheet, table string
		rows         bool
	}{{"汇总（亿元）", "表号：tally-11", true}, {"节点汇总（亿元）", "表号：tally-12", false}} {
		hf, err := f.GetHeaderFooter(c.sheet)
		if err != nil || !strings.Contains(hf.OddHeader, c.table) || !strings.Contains(hf.OddHeader, "制表单位：西青区") ||
			!strings.Contains(hf.OddFooter, "单位负责人") || !strings.Contains(hf.OddFooter, "填表人") {
			t.Errorf("%s has no 报表 header and footer block: %+v %v", c.sheet, hf, err)
		}
		if w, err := f.GetColWidth(c.sheet, "A"); err != nil || w < float64(len("domestic_investment")+1) {
			t.Errorf("%s's code column is %.1f wide: domestic_investment is cut", c.sheet, w)
		}
		if merged, err := f.GetMergeCells(c.sheet); !c.rows && (err != nil || len(merged) == 0 || merged[0].GetStartAxis() != "A1") {
			t.Errorf("%s's long title is not kept within its printed columns: %v %v", c.sheet, merged, err)
		}
		lay, err := f.GetPageLayout(c.sheet)
		if err != nil || lay.Orientation == nil || *lay.Orientation != "landscape" {
			t.Errorf("%s does not print landscape: %v", c.sheet, err)
			continue
		}
		if !c.rows {
			continue
		}
		if props, err := f.GetSheetProps(c.sheet); err != nil || props.FitToPage == nil || !*props.FitToPage ||
			val(lay.Size) != "8" || val(lay.FitToWidth) != "1" || val(lay.FitToHeight) != "0" {
			t.Errorf("%s is not a whole row across an A3 page: fitted %s, size %s, %s×%s pages (%v)", c.sheet, val(props.FitToPage), val(lay.Size), val(lay.FitToWidth), val(lay.FitToHeight), err)
		}
		if r := definedName(f, "_xlnm.Print_Titles", c.sheet); r != "'"+c.sheet+"'!$1:$2" {
			t.Errorf("%s's print titles are %q, want its rows 1:2 alone", c.sheet, r)
		}
	}
	const sheet, parts = "节点汇总", "节点明细"
	lay, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if lay.Orientation == nil || *lay.Orientation != "landscape" || lay.AdjustTo == nil || *lay.AdjustTo < 80 {
		t.Errorf("节点汇总 prints %v at %v%%, want landscape at 80%% or more", lay.Orientation, lay.AdjustTo)
	}
	if props, err := f.GetSheetProps(sheet); err != nil || props.FitToPage != nil && *props.FitToPage {
		t.Errorf("节点汇总 is fitted to the page (%v)", err)
	}
	names := map[string]string{}
	for _, n := range f.GetDefinedName() {
		names[n.Name+"|"+n.Scope] = n.RefersTo
	}
	if r := names["_xlnm.Print_Titles|"+sheet]; !strings.Contains(r, "$A:$D") || !strings.Contains(r, "$1:$2") {
		t.Errorf("节点汇总's print titles are %q, want its naming columns A:D and rows 1:2", r)
	}
	if r, ok := names["_xlnm.Print_Area|"+parts]; !ok || strings.Contains(r, ":") {
		t.Errorf("节点明细's print area is %q (%v), want an empty one", r, ok)
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || !strings.Contains(hf.OddHeader, "表号：tally-09") || !strings.Contains(hf.OddFooter, "单位负责人") {
		t.Errorf("节点汇总 has no 报表 header and footer block: %+v %v", hf, err)
	}
	if w, err := f.GetColWidth(sheet, "A"); err != nil || w < float64(len("domestic_investment")+1) {
		t.Errorf("节点汇总's code column is %.1f wide: domestic_investment is cut", w)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	totals := 0
	for i, r := range rows {
		if len(r) < 5 || r[0] != "tax" || r[3] != "合计" {
			continue
		}
		totals++
		ref, _ := excelize.CoordinatesToCellName(5, i+1)
		id, _ := f.GetCellStyle(sheet, ref)
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0.00" {
			t.Errorf("节点汇总!%s (tax 合计) has format %v, want #,##0.00 like the towns' rows", ref, st)
		}
		if !strings.Contains(r[4], ",") {
			t.Errorf("节点汇总!%s shows %q, not grouped like the towns' rows", ref, r[4])
		}
	}
	if totals != 1 {
		t.Errorf("%d tax 合计 rows in 节点汇总, want 1", totals)
	}
}

// definedName is the value of the defined name scoped to sheet, "" if none.
func definedName(f *excelize.File, name, sheet string) string {
	for _, n := range f.GetDefinedName() {
		if n.Name == name && n.Scope == sheet {
			return n.RefersTo
		}
	}
	return ""
}
