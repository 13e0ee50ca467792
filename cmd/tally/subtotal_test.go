package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// A department adds a 小计 row among its rows (a newcomer's trial: row 12
// of 固定资产投资, =SUM(B4:B11), under a 合计 that sums it too): it was
// read as one more project, and the month's total counted rows 4–11 twice
// with no word said. It is a subtotal_row error at its name, its figures
// are not consolidated, and the month's figure is the rows' own sum: the
// sample's 税收收入 for March less row 8's 442.09, exactly, when row 8 is
// renamed 小计.
func TestSubtotalRowNotCounted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "2020-03-czs.xlsx")
	editPart(t, repo(t, "testdata/submissions/2020-03-czs.xlsx"), in, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		return regexp.MustCompile(`<c r="A8" s="5" t="s"><v>\d+</v></c>`).ReplaceAll(b, []byte(`<c r="A8" s="5" t="inlineStr"><is><t>本页小计</t></is></c>`))
	})
	f, _ := checkFile(t, in)
	var got []string
	for _, g := range f.Findings {
		got = append(got, g.Sheet+"!"+g.Cell+" "+g.Rule+" "+g.Severity)
	}
	if strings.Join(got, ",") != "税收收入!A8 subtotal_row error" {
		t.Errorf("findings %q, want one subtotal_row error at 税收收入!A8", got)
	}
	march := func(file string) decimal.Decimal {
		t.Helper()
		book := filepath.Join(t.TempDir(), "out.xlsx")
		runTally(t, "reconcile", "--as-of", "2020-03", "-o", book, file)
		x, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, err := x.GetRows("汇总", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		col := -1
		for _, r := range rows {
			for i, c := range r {
				if c == "3月" {
					col = i
				}
			}
			if len(r) > col && col >= 0 && r[0] == "tax" {
				return decimal.RequireFromString(r[col])
			}
		}
		t.Fatalf("no tax row with a 3月 column in 汇总 of %s", file)
		return decimal.Zero
	}
	before, after := march(repo(t, "testdata/submissions/2020-03-czs.xlsx")), march(in)
	if want := before.Sub(decimal.RequireFromString("442.09")); !after.Equal(want) {
		t.Errorf("March tax with row 8 a 小计: %s, want %s (%s less row 8's 442.09)", after, want, before)
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
