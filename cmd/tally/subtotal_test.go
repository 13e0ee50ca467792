package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// A sub-total row is not data: its figures are other rows' again, and
// those rows are consolidated. It is kept out of the consolidation, leaves
// no indicator incomplete (the month's total is right without it), and is
// a subtotal_row warning at its name. Each case edits row 8 of the
// sample's March 税收收入 (C8 442.09, D8 1570.81; the 合计 on row 44,
// C44 12601.63, D44 37258.17) and reads back the check's findings and, from
// a reconcile of January to March, March's tax in 汇总 and its 状态.
type subtotalCase struct {
	findings []string // sheet!cell rule severity
	messages []string
	march    decimal.Decimal
	status   string
}

// runSubtotalCase writes the edited March beside the sample's January and
// February and runs check and reconcile on them.
func runSubtotalCase(t *testing.T, edits ...[2]string) subtotalCase {
	t.Helper()
	dir := t.TempDir()
	for _, m := range []string{"01", "02"} {
		b, err := os.ReadFile(repo(t, "testdata/submissions/2020-"+m+"-czs.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "2020-"+m+"-czs.xlsx"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "2020-03-czs.xlsx")
	editPart(t, repo(t, "testdata/submissions/2020-03-czs.xlsx"), in, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		for _, e := range edits {
			re := regexp.MustCompile(e[0])
			if !re.Match(b) {
				t.Fatalf("no %s in the sheet", e[0])
			}
			b = re.ReplaceAllLiteral(b, []byte(e[1]))
		}
		return b
	})
	var c subtotalCase
	f, _ := checkFile(t, in)
	for _, g := range f.Findings {
		c.findings = append(c.findings, g.Sheet+"!"+g.Cell+" "+g.Rule+" "+g.Severity)
		c.messages = append(c.messages, g.Message)
	}
	book := filepath.Join(t.TempDir(), "out.xlsx")
	runTally(t, "reconcile", "--as-of", "2020-03", "-o", book, dir)
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("汇总", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	month, state := -1, -1
	for _, r := range rows {
		for i, v := range r {
			switch v {
			case "3月":
				month = i
			case "状态":
				state = i
			}
		}
		if month >= 0 && state >= 0 && len(r) > max(month, state) && r[0] == "tax" {
			c.march, c.status = decimal.RequireFromString(r[month]), r[state]
			return c
		}
	}
	t.Fatalf("no tax row with 3月 and 状态 in 汇总: %q", rows)
	return c
}

// cell replaces a cell of row 8 or 44 of the sample's 税收收入.
func cell(ref, value string) [2]string {
	return [2]string{`<c r="` + ref + `" s="\d+"(?: t="s")?><v>[^<]*</v></c>`, value}
}

var (
	// row8Sum are C8 and D8 as formulas over rows 4–7 (C 1422.14,
	// D 4330.08).
	row8Sum = [][2]string{
		cell("C8", `<c r="C8" s="7"><f>SUM(C4:C7)</f><v>1422.14</v></c>`),
		cell("D8", `<c r="D8" s="7"><f>SUBTOTAL(9,$D$4:D5)+D6+D7</f><v>4330.08</v></c>`),
	}
	// totalWithout8 is the 合计 less row 8's figures: what the rows
	// other than row 8 add up to.
	totalWithout8 = [][2]string{
		cell("C44", `<c r="C44" s="10"><v>12159.54</v></c>`),
		cell("D44", `<c r="D44" s="10"><v>35687.36</v></c>`),
	}
	less8 = decimal.RequireFromString("442.09")
)

func named(name string) [2]string {
	return cell("A8", `<c r="A8" s="5" t="inlineStr"><is><t>`+name+`</t></is></c>`)
}

// A department adds a 小计 row among its rows (row 8 renamed 本页小计,
// typed figures): it is not consolidated — March's tax is the sample's
// less row 8's 442.09, exactly — and the indicator stays 完整. The sheet's
// own 合计 still holds row 8: it counts it twice, and total_mismatch says
// so at the 合计 (the double count is not let through).
func TestSubtotalRowNotCounted(t *testing.T) {
	t.Parallel()
	before := runSubtotalCase(t, named("甲"))
	got := runSubtotalCase(t, named("本页小计"))
	if strings.Join(got.findings, ",") != "税收收入!C44 total_mismatch error,税收收入!D44 total_mismatch error,税收收入!A8 subtotal_row warning" {
		t.Errorf("findings %q, want the 合计's two total_mismatch and one subtotal_row warning at 税收收入!A8", got.findings)
	}
	if want := before.march.Sub(less8); !got.march.Equal(want) {
		t.Errorf("March tax with row 8 a 小计: %s, want %s (%s less row 8's 442.09)", got.march, want, before.march)
	}
	if before.status != "完整" || got.status != "完整" {
		t.Errorf("汇总 tax 状态 %q with a 小计 row (%q without), want 完整: nothing is missing from the total", got.status, before.status)
	}
}

// A 小计 row under a 合计 that leaves it out, as it should: the subtotal_row
// warning is the only finding.
func TestSubtotalRowTotalExcludes(t *testing.T) {
	t.Parallel()
	got := runSubtotalCase(t, append([][2]string{named("小计")}, totalWithout8...)...)
	if strings.Join(got.findings, ",") != "税收收入!A8 subtotal_row warning" {
		t.Errorf("findings %q, want one subtotal_row warning at 税收收入!A8", got.findings)
	}
	if got.status != "完整" {
		t.Errorf("汇总 tax 状态 %q, want 完整", got.status)
	}
}

// A row under another name whose figures are formulas over rows 4–7 of
// their own column (一、工业企业 =SUM(C4:C7), =SUBTOTAL(9,$D$4:D5)+D6+D7)
// is a sub-total too: not consolidated, the indicator 完整, the finding at
// its name saying which rows it sums. The 合计 here is =SUM(C8:C43): it
// takes in rows 4–7 through the sub-total, and leaves none out.
func TestSubtotalRowByFormula(t *testing.T) {
	t.Parallel()
	before := runSubtotalCase(t, named("甲"))
	edits := append([][2]string{named("一、工业企业")}, row8Sum...)
	edits = append(edits,
		cell("C44", `<c r="C44" s="10"><f>SUM(C8:C43)</f><v>12159.54</v></c>`),
		cell("D44", `<c r="D44" s="10"><f>SUM(D8:D43)</f><v>35687.36</v></c>`))
	got := runSubtotalCase(t, edits...)
	if strings.Join(got.findings, ",") != "税收收入!A8 subtotal_row warning" {
		t.Errorf("findings %q, want one subtotal_row warning at 税收收入!A8", got.findings)
	} else if m := got.messages[0]; !strings.Contains(m, "“一、工业企业”是小计行（C8 的公式 =SUM(C4:C7) 是第 4–7 行之和）") {
		t.Errorf("the finding does not say which rows it sums: %s", m)
	}
	if want := before.march.Sub(less8); !got.march.Equal(want) {
		t.Errorf("March tax with row 8 a sub-total: %s, want %s", got.march, want)
	}
	if got.status != "完整" {
		t.Errorf("汇总 tax 状态 %q, want 完整", got.status)
	}
}

// A data row whose figures are formulas over its own row only (本月
// =442.09 typed as a formula, 本年累计 =1128.72+C8, the template's carry
// form) is data, read as before.
func TestSubtotalSameRowFormulaIsData(t *testing.T) {
	t.Parallel()
	before := runSubtotalCase(t, named("甲"))
	got := runSubtotalCase(t, named("甲"), cell("C8", `<c r="C8" s="7"><f>442.09</f><v>442.09</v></c>`), cell("D8", `<c r="D8" s="7"><f>1128.72+C8</f><v>1570.81</v></c>`))
	if len(got.findings) != 0 || len(before.findings) != 0 {
		t.Errorf("findings %q (%q without the formula), want none", got.findings, before.findings)
	}
	if !got.march.Equal(before.march) || got.status != "完整" {
		t.Errorf("March tax %s %s, want %s 完整 as without the formula", got.march, got.status, before.march)
	}
}

// A figure typed under the 合计 in a row with no name is said by its row
// number (第 46 行在合计行以下), not as “”这一行 (a newcomer's trial).
func TestBelowTotalNamelessRow(t *testing.T) {
	t.Parallel()
	in := filepath.Join(t.TempDir(), "2020-03-czs.xlsx")
	editPart(t, repo(t, "testdata/submissions/2020-03-czs.xlsx"), in, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		return []byte(strings.Replace(string(b), "</sheetData>", `<row r="46"><c r="C46"><v>5</v></c></row></sheetData>`, 1))
	})
	_, out, _ := runTally(t, "check", in)
	if !strings.Contains(out, "税收收入!A46 第 46 行在合计行以下") || strings.Contains(out, "“”这一行") {
		t.Errorf("the nameless row under the 合计 is not said by its number:\n%s", out)
	}
}

// A row whose figures are formulas copying one other row's (=C7, =D7) is
// no sum of rows: data, consolidated, no subtotal_row.
func TestSubtotalOneRowCopyIsData(t *testing.T) {
	t.Parallel()
	before := runSubtotalCase(t, named("甲"))
	got := runSubtotalCase(t, named("甲"), cell("C8", `<c r="C8" s="7"><f>C7</f><v>100</v></c>`), cell("D8", `<c r="D8" s="7"><f>D7</f><v>2000</v></c>`))
	for _, f := range got.findings {
		if strings.Contains(f, "subtotal_row") {
			t.Errorf("findings %q: =C7 is no sub-total", got.findings)
		}
	}
	if want := before.march.Sub(less8).Add(decimal.NewFromInt(100)); !got.march.Equal(want) || got.status != "完整" {
		t.Errorf("March tax %s %s, want %s 完整 (row 8 consolidated)", got.march, got.status, want)
	}
}
