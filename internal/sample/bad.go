package sample

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Bad writes testdata/bad: one small file per problem tally check finds,
// named after the problem (folders for problems that take two files). The
// legacy .xls is not written here: it is a real Excel 97 file, made once
// with LibreOffice (soffice --convert-to xls) from good.xlsx.
func Bad(s *reconcile.Spec, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	czs, _ := s.Department("czs")
	jan := reconcile.Period{Year: 2021, Month: 1}
	// goodIn builds 财政所's file of period p: three enterprises, an item.
	var goodIn func(p reconcile.Period, edit func(t *templates.Table)) *excelize.File
	// good builds 财政所's January 2021 file.
	good := func(edit func(t *templates.Table)) *excelize.File { return goodIn(jan, edit) }
	goodIn = func(p reconcile.Period, edit func(t *templates.Table)) *excelize.File {
		tax := &templates.Table{Rows: []templates.Row{
			row("天津甲科技有限公司", creditCodeOf("00000001"), "120.5", "120.5"),
			row("天津乙精工有限公司", creditCodeOf("00000002"), "80", "80"),
			row("天津丙医药有限公司", creditCodeOf("00000003"), "0", "0"),
		}}
		tax.Total = map[int]templates.Value{2: num("200.5"), 3: num("200.5")}
		budget := &templates.Table{Rows: []templates.Row{{Name: "增值税（地方分成）", Values: map[int]templates.Value{1: num("10"), 2: num("10")}}},
			Total: map[int]templates.Value{1: num("10"), 2: num("10")}}
		if edit != nil {
			edit(tax)
		}
		f, err := build(s, czs, p, templates.Fill{"czs-tax": tax, "czs-budget": budget})
		if err != nil {
			panic(err) // the spec is the built-in one; a failure is a bug here
		}
		return f
	}
	save := func(name string, f *excelize.File, opts ...excelize.Options) error {
		defer f.Close()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, opts...); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644)
	}
	var goodBytes bytes.Buffer
	if err := good(nil).Write(&goodBytes); err != nil {
		return err
	}
	raw := map[string][]byte{
		"not-a-zip.xlsx":   []byte("\x00\x01\x02\x03 this is not a workbook \xff\xfe"),
		"csv-renamed.xlsx": []byte("企业名称,统一社会信用代码,本月,本年累计\n天津甲科技有限公司,91120111000000001X,120.5,120.5\n"),
		"truncated.xlsx":   goodBytes.Bytes()[:goodBytes.Len()/2],
		"zip-bomb.xlsx":    bomb(goodBytes.Bytes()),
		"empty.xlsx":       nil,
		"good.xlsx":        goodBytes.Bytes(),
	}
	for name, data := range raw {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	cases := []struct {
		name string
		f    func() (*excelize.File, error)
	}{
		{"missing-sheet.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetSheetName("税收收入", "税收")
		}},
		{"missing-column.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetCellStr("税收收入", "B3", "信用代码")
		}},
		{"not-a-number.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetCellStr("税收收入", "C5", "12,3x")
		}},
		{"not-a-number-count.xlsx", func() (*excelize.File, error) {
			// 科技科's counts (家: whole, not negative), one typed in words.
			kjk, _ := s.Department("kjk")
			f, err := build(s, kjk, jan, templates.Fill{})
			if err != nil {
				return nil, err
			}
			for _, c := range []struct {
				cell string
				v    int64
			}{{"D4", 3}, {"E4", 40}, {"C5", 1}, {"D5", 1}, {"E5", 20}, {"E6", 30}, {"C7", 0}, {"D7", 0}, {"C8", 0}, {"D8", 0}} {
				if err := f.SetCellInt("科技企业", c.cell, c.v); err != nil {
					return nil, err
				}
			}
			return f, f.SetCellStr("科技企业", "C4", "三")
		}},
		{"number-as-text.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetCellStr("税收收入", "C5", "８０．００")
		}},
		{"formula-without-value.xlsx", func() (*excelize.File, error) {
			// As a script writes it: a formula and no calculated value.
			f := good(nil)
			if err := f.SetCellValue("税收收入", "C5", nil); err != nil {
				return nil, err
			}
			return f, f.SetCellFormula("税收收入", "C5", "D5")
		}},
		{"required-empty.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetCellValue("税收收入", "C5", nil)
		}},
		{"precision.xlsx", func() (*excelize.File, error) {
			return good(func(t *templates.Table) {
				t.Rows[2].Values[2], t.Rows[2].Values[3] = num("0.0000001"), num("0.0000001")
				t.Total[2], t.Total[3] = num("200.5000001"), num("200.5000001")
			}), nil
		}},
		{"negative.xlsx", func() (*excelize.File, error) {
			return good(func(t *templates.Table) {
				t.Rows[2].Values[2], t.Rows[2].Values[3] = num("-5"), num("-5")
				t.Total[2], t.Total[3] = num("195.5"), num("195.5")
			}), nil
		}},
		{"out-of-range.xlsx", func() (*excelize.File, error) {
			// 12345678 万元 in one month: a slip of the keyboard, past the spec's max.
			return good(func(t *templates.Table) {
				t.Rows[2].Values[2], t.Rows[2].Values[3] = num("12345678"), num("12345678")
				t.Total[2], t.Total[3] = num("12345878.5"), num("12345878.5")
			}), nil
		}},
		{"credit-code.xlsx", func() (*excelize.File, error) {
			return good(func(t *templates.Table) {
				c := t.Rows[1].Code
				t.Rows[1].Code = c[:17] + map[bool]string{true: "1", false: "0"}[c[17] == '0']
			}), nil
		}},
		{"duplicate-row.xlsx", func() (*excelize.File, error) {
			return good(func(t *templates.Table) {
				t.Rows = append(t.Rows, t.Rows[0])
				t.Total[2], t.Total[3] = num("321"), num("321")
			}), nil
		}},
		{"hidden-row.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetRowVisible("税收收入", 5, false)
		}},
		{"hidden-column.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetColVisible("税收收入", "D", false)
		}},
		{"outside-area.xlsx", func() (*excelize.File, error) {
			f := good(nil)
			return f, f.SetCellStr("税收收入", "H5", "补 30")
		}},
		{"total-mismatch.xlsx", func() (*excelize.File, error) {
			return good(func(t *templates.Table) { t.Total[2] = num("210.5") }), nil
		}},
		{"ytd-below-month.xlsx", func() (*excelize.File, error) {
			// February, checked alone: without January's file the chain
			// cannot be checked, so the 本年累计 below its 本月 is said as
			// that. (In January it is off the chain from zero, and the
			// chain, which says the figure to type, is the one finding.)
			return goodIn(reconcile.Period{Year: 2021, Month: 2}, func(t *templates.Table) {
				t.Rows[0].Values[3] = num("100")
				t.Total[3] = num("180")
			}), nil
		}},
		{"reading-order.xlsx", func() (*excelize.File, error) {
			// Problems found in an order that is not the sheet's: a figure
			// beside the table (H4, warning), a number typed as text (C5,
			// info), a wrong credit code (B6, error), too many decimals
			// (D4, warning) and a broken 合计 (C7, error) — listed errors
			// first, then warnings, then info, each by row, then column.
			f := good(func(t *templates.Table) {
				c := t.Rows[2].Code
				t.Rows[2].Code = c[:17] + map[bool]string{true: "1", false: "0"}[c[17] == '0']
				t.Rows[0].Values[3] = num("120.5000001")
				t.Total[2], t.Total[3] = num("210.5"), num("200.5000001")
			})
			if err := f.SetCellStr("税收收入", "H4", "补 30"); err != nil {
				return nil, err
			}
			return f, f.SetCellStr("税收收入", "C5", "８０．００")
		}},
		{"encrypted.xlsx", nil},
		{"oversized-sheet.xlsx", func() (*excelize.File, error) {
			// 20,000 rows: a sheet that unpacks to a few MB, refused under
			// --max-part-mb 1.
			return good(func(t *templates.Table) {
				base := t.Rows[0]
				t.Rows = t.Rows[:0]
				for i := 0; i < 20000; i++ {
					r := base
					r.Name, r.Code = fmt.Sprintf("企业%05d", i), creditCodeOf(fmt.Sprintf("%08d", i+10))
					t.Rows = append(t.Rows, r)
				}
				t.Total[2], t.Total[3] = num("2410000"), num("2410000")
			}), nil
		}},
		{"rule-warning.xlsx", nil},
		{"ytd-chain/2021-01-czs.xlsx", func() (*excelize.File, error) { return good(nil), nil }},
		{"ytd-chain/2021-02-czs.xlsx", nil},
		{"code-two-names/2021-01-czs.xlsx", func() (*excelize.File, error) { return good(nil), nil }},
		{"code-two-names/2021-01-tjz.xlsx", nil},
	}
	for _, c := range cases {
		var err error
		switch c.name {
		case "encrypted.xlsx":
			err = save(c.name, good(nil), excelize.Options{Password: "secret"})
		case "rule-warning.xlsx":
			err = ruleWarning(s, save)
		case "ytd-chain/2021-02-czs.xlsx":
			err = february(s, czs, save)
		case "code-two-names/2021-01-tjz.xlsx":
			err = otherName(s, save)
		default:
			var f *excelize.File
			if f, err = c.f(); err == nil {
				err = save(c.name, f)
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
	}
	return nil
}

func num(s string) templates.Value { return templates.Value{Number: decimal.RequireFromString(s)} }

func row(name, code, month, ytd string) templates.Row {
	return templates.Row{Name: name, Code: code, Values: map[int]templates.Value{2: num(month), 3: num(ytd)}}
}

// creditCodeOf makes a valid code around an 8-digit organisation number.
func creditCodeOf(org string) string { return reconcile.NewCreditCode("120111", org) }

// bomb copies a workbook with its first data sheet replaced by 64 MiB of
// spaces, which deflate packs into a few dozen KiB.
func bomb(good []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if f.Name == "xl/worksheets/sheet2.xml" { // 税收收入; sheet1 is 填报说明
			chunk := bytes.Repeat([]byte(" "), 1<<20)
			for i := 0; i < 64; i++ {
				_, _ = w.Write(chunk)
			}
			continue
		}
		rc, _ := f.Open()
		_, _ = io.Copy(w, rc)
		rc.Close()
	}
	_ = zw.Close()
	return buf.Bytes()
}

// ruleWarning: a village with 250 new jobs in a month breaks the spec's
// warning rule; the 说明 explains it. Another village breaks it unexplained.
func ruleWarning(s *reconcile.Spec, save func(string, *excelize.File, ...excelize.Options) error) error {
	d, _ := s.Department("ldbz")
	v := func(a, b, c, e string) map[int]templates.Value {
		return map[int]templates.Value{1: num(a), 2: num(a), 3: num(b), 4: num(b), 5: num(c), 6: num(c), 7: num(e), 8: num(e)}
	}
	t := &templates.Table{Rows: []templates.Row{
		{Name: "付村", Values: v("250", "10", "5", "3"), Note: "新建物流园集中招工"},
		{Name: "姚村", Values: v("230", "10", "5", "3")},
		{Name: "马家寺村", Values: v("4", "10", "5", "3")},
	}}
	t.Total = map[int]templates.Value{}
	for ci, x := range map[int]string{1: "484", 2: "484", 3: "30", 4: "30", 5: "15", 6: "15", 7: "9", 8: "9"} {
		t.Total[ci] = num(x)
	}
	f, err := build(s, d, reconcile.Period{Year: 2021, Month: 1}, templates.Fill{"ldbz-services": t})
	if err != nil {
		return err
	}
	return save("rule-warning.xlsx", f)
}

// february follows good.xlsx's January, except that 乙's 本年累计 does not.
func february(s *reconcile.Spec, czs *reconcile.Department, save func(string, *excelize.File, ...excelize.Options) error) error {
	tax := &templates.Table{Rows: []templates.Row{
		row("天津甲科技有限公司", creditCodeOf("00000001"), "10", "130.5"),
		row("天津乙精工有限公司", creditCodeOf("00000002"), "20", "90"), // 80 + 20 = 100, not 90
		row("天津丙医药有限公司", creditCodeOf("00000003"), "0", "0"),
	}, Total: map[int]templates.Value{2: num("30"), 3: num("220.5")}}
	budget := &templates.Table{Rows: []templates.Row{{Name: "增值税（地方分成）", Values: map[int]templates.Value{1: num("5"), 2: num("15")}}},
		Total: map[int]templates.Value{1: num("5"), 2: num("15")}}
	f, err := build(s, czs, reconcile.Period{Year: 2021, Month: 2}, templates.Fill{"czs-tax": tax, "czs-budget": budget})
	if err != nil {
		return err
	}
	return save("ytd-chain/2021-02-czs.xlsx", f)
}

// otherName: 统计站 lists 甲's credit code under another name.
func otherName(s *reconcile.Spec, save func(string, *excelize.File, ...excelize.Options) error) error {
	d, _ := s.Department("tjz")
	ind := &templates.Table{Rows: []templates.Row{row("天津甲新材料有限公司", creditCodeOf("00000001"), "500", "500")},
		Total: map[int]templates.Value{2: num("500"), 3: num("500")}}
	one := func(table string) *templates.Table {
		return &templates.Table{Rows: []templates.Row{{Name: "项目甲", Values: map[int]templates.Value{1: num("1"), 2: num("1")}}},
			Total: map[int]templates.Value{1: num("1"), 2: num("1")}}
	}
	retail := &templates.Table{Rows: []templates.Row{row("天津丁商贸有限公司", creditCodeOf("00000004"), "7", "7")},
		Total: map[int]templates.Value{2: num("7"), 3: num("7")}}
	summary := &templates.Table{Rows: []templates.Row{{Name: "规模以上企业", Values: map[int]templates.Value{2: num("94")}}}}
	f, err := build(s, d, reconcile.Period{Year: 2021, Month: 1}, templates.Fill{
		"tjz-fai": one("tjz-fai"), "tjz-industry": ind, "tjz-retail": retail, "tjz-summary": summary})
	if err != nil {
		return err
	}
	return save("code-two-names/2021-01-tjz.xlsx", f)
}
