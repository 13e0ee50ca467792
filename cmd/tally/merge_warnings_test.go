package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// TestMergeCarriesNodeWarnings: a town's July tax has one firm typed in 元
// (4063300 in a 万元 column, ten thousand times its other months). The
// town's run warns month_jump at the cell; rolled up, the district sees
// that warning — with the town, the department's file and cell, and the
// rule — on the terminal, in --json and in its workbook's 问题清单, and a
// count of the town's warnings; the district's own July total, out of line
// with its other months, is a month_jump of the district's too.
func TestMergeCarriesNodeWarnings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml, err := os.ReadFile(repo(t, "spec/jingwu-2020.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, name := range []string{"甲镇", "乙镇"} {
		src := filepath.Join(dir, name+"-files")
		if err := os.MkdirAll(src, 0o755); err != nil {
			t.Fatal(err)
		}
		for m := 1; m <= 7; m++ {
			b := "2020-0" + string(rune('0'+m)) + "-czs.xlsx"
			copyFile(t, repo(t, "testdata/submissions/"+b), filepath.Join(src, b))
		}
		if name == "甲镇" {
			july := filepath.Join(src, "2020-07-czs.xlsx")
			f, err := excelize.OpenFile(july)
			if err != nil {
				t.Fatal(err)
			}
			month, _ := f.GetCellValue("税收收入", "C6", excelize.Options{RawCellValue: true})
			ytd, _ := f.GetCellValue("税收收入", "D6", excelize.Options{RawCellValue: true})
			typo := decimal.RequireFromString("4063300") // 406.33 万元 typed in 元
			newYTD := decimal.RequireFromString(ytd).Sub(decimal.RequireFromString(month)).Add(typo)
			if err := f.SetCellDefault("税收收入", "C6", typo.String()); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellDefault("税收收入", "D6", newYTD.String()); err != nil {
				t.Fatal(err)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		specFile := filepath.Join(dir, name+".yaml")
		// Without tax's bound of 1,000,000 万元: past it the typo would be
		// out_of_range, its row rejected (no month_jump to carry up).
		spec := strings.Replace(string(yaml), "\ntown: 精武镇\n", "\ntown: "+name+"\n", 1)
		if bounded := `unit: 万元, max: "1000000"}`; strings.Contains(spec, bounded) {
			spec = strings.Replace(spec, bounded, "unit: 万元}", 1)
		} else {
			t.Fatalf("the spec has no %s", bounded)
		}
		if err := os.WriteFile(specFile, []byte(spec), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, name+".xlsx")
		town := tally(t, exitFindings, "reconcile", "--spec", specFile, "--as-of", "2020-07", "-o", out, src)
		if name == "甲镇" && !strings.Contains(town, "税收收入!C6") {
			t.Fatalf("the town's own run does not warn at the cell:\n%s", town)
		}
		outs = append(outs, out)
	}
	district := filepath.Join(dir, "西青区.xlsx")

	screen := tally(t, exitFindings, "merge", "--name", "西青区", "-o", district, outs[0], outs[1])
	for _, want := range []string{
		"甲镇-files/2020-07-czs.xlsx: 税收收入!C6: 节点 甲镇 财政所：本月 4063300 万元",
		"警告  西青区汇总的税收收入 2020-07 为 ",
		"请核实是否误按元填写（单位为万元）",
		"节点 甲镇 自身有 ",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("merge's screen lacks %q:\n%s", want, screen)
		}
	}

	var res jsonMerge
	if err := json.Unmarshal([]byte(tally(t, exitFindings, "merge", "--name", "西青区", "--json", outs[1], outs[0])), &res); err != nil {
		t.Fatal(err)
	}
	carried, own, count := false, false, false
	for _, f := range res.Findings {
		switch {
		case f.Rule == string(reconcile.RuleNodeFinding) && f.NodeRule == "month_jump":
			carried = f.Department == "甲镇" && f.Sheet == "税收收入" && f.Cell == "C6" && f.Period == "2020-07" &&
				strings.HasSuffix(f.File, "2020-07-czs.xlsx") && f.Severity == "warning"
		case f.Rule == string(reconcile.RuleRollupJump) && f.Department == "西青区" && f.Period == "2020-07":
			own = true
		case f.Rule == string(reconcile.RuleNodeWarnings) && f.Department == "甲镇":
			count = f.Severity == "warning"
		}
	}
	if !carried || !own || !count {
		t.Errorf("--json: the town's month_jump carried %v, the district's own month_jump %v, the town's count of warnings %v:\n%+v", carried, own, count, res.Findings)
	}

	// The workbook's 问题清单 says it too.
	rows := rawRows(t, district, "问题清单")
	found := false
	for _, r := range rows {
		line := strings.Join(r, "\t")
		if strings.Contains(line, "节点 甲镇 财政所：本月 4063300 万元") && strings.Contains(line, "C6") {
			found = true
		}
	}
	if !found {
		t.Errorf("the district's 问题清单 does not carry the town's month_jump: %q", rows)
	}

	// English: the carried message in English.
	en := tally(t, exitFindings, "--lang", "en", "merge", outs[0], outs[1])
	if !strings.Contains(en, "node 甲镇 财政所: ") || !strings.Contains(en, "typed in 元") {
		t.Errorf("--lang en lacks the carried warning in English:\n%s", en)
	}
}
