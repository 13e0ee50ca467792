package workbook

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math"
	"path/filepath"
	"strconv"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// NodeLimits bound reading a consolidated workbook back: larger than a
// department's file (a town's 明细 runs to millions of cells), still named.
var NodeLimits = Limits{
	MaxFileBytes:  1 << 30,
	MaxPartBytes:  4 << 30,
	MaxRatio:      200,
	MaxCellsTotal: 200_000_000,
	// The detail is digested as it streams by, never held: rows are
	// bounded by the cells above, not by MaxRowsPerFile's default.
	MaxRowsPerFile: math.MaxInt32,
}

// ReadNodeFile reads a consolidated workbook tally wrote, for 节点汇总:
// its seal, its 汇总 rows, its detail (digested in blocks and summed per
// indicator and month as it streams by, never held), its inputs list and,
// for a roll-up, its node detail. The file is only read; its SHA-256 is
// taken from the bytes read. Judging what was read is
// reconcile.VerifyNode's.
func ReadNodeFile(path, display string, lim Limits) *reconcile.NodeRead {
	r := &reconcile.NodeRead{File: display}
	f, st, err := openRegular(path) // never a FIFO or device; the OS cause kept
	if err != nil {
		r.Problem = Cause(err)
		return r
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, lim.MaxFileBytes+1)); err != nil {
		r.Problem = Cause(osErr("无法读取文件", "cannot read the file", err))
		return r
	}
	r.SHA256 = hex.EncodeToString(h.Sum(nil))
	x, err := openXLSX(f, st.Size(), lim)
	if err != nil {
		r.Problem = problem(err)
		return r
	}
	if err := readNode(x, r); err != nil {
		r.Problem = problem(err)
	}
	return r
}

func problem(err error) reconcile.Text {
	if fe, ok := err.(*FileError); ok {
		return reconcile.Text(fe.Reason)
	}
	return reconcile.Text{err.Error(), err.Error()}
}

// rowCells lays a scanned row's cells out by column: "" where none.
func rowCells(cells []rawCell, n int) []string {
	out := make([]string, n)
	for _, c := range cells {
		if c.Col >= 1 && c.Col <= n {
			out[c.Col-1] = c.Value
		}
	}
	return out
}

func readNode(x *xlsx, r *reconcile.NodeRead) error {
	si, ok := x.sheet(sealSheet)
	if !ok {
		const expects = "merge 汇总的是各镇（或各区）用 tally reconcile -o 或 tally merge -o 写出的汇总工作簿"
		const expectsEn = "merge rolls up the consolidated workbooks towns (or districts) write with tally reconcile -o or tally merge -o"
		if _, dept := x.sheet(FingerprintSheet); dept {
			r.Problem = reconcile.Text{"这是部门报送文件（tally 填报模板），不是汇总工作簿：" + expects + "；部门报送文件请用 tally reconcile 汇总",
				"this is a department's return (a tally template), not a consolidated workbook: " + expectsEn + "; consolidate departments' returns with tally reconcile"}
			return nil
		}
		r.Problem = reconcile.Text{"没有校验页（" + sealSheet + "）：不是 tally 写出的汇总工作簿，或被删除了隐藏工作表的程序另存过；" + expects,
			"no seal sheet (" + sealSheet + "): not a consolidated workbook written by tally, or re-saved by a program that dropped its hidden sheets; " + expectsEn}
		return nil
	}
	var rows [][]string
	if err := x.scan(si, func(_ int, _ bool, cells []rawCell) error {
		maxCol := 0
		for _, c := range cells {
			maxCol = max(maxCol, c.Col)
		}
		rows = append(rows, rowCells(cells, min(maxCol, 64)))
		return nil
	}); err != nil {
		return err
	}
	kv := map[string]string{}
	all := reconcile.NewDigest()
	var figures []reconcile.FigureRow
	figRow := map[int]int{} // sheet row → index in figures
	blocks := map[string][]reconcile.Block{}
	var blockSheets []string
	var cols []detailColRead
	indCol := 0 // the 明细's 指标 column, for indicator tables' rows
	for _, row := range rows {
		if len(row) == 0 {
			continue
		}
		if row[0] == "seal" {
			r.SealStored = at(row, 1)
			continue
		}
		all.Row(trimRow(row)...)
		switch row[0] {
		case "def":
			u, _ := reconcile.LookupUnit(at(row, 3))
			p, _ := strconv.Atoi(at(row, 4))
			r.Defs = append(r.Defs, reconcile.Indicator{Code: at(row, 1), Name: at(row, 2), Unit: u, Precision: int32(p),
				Aggregation: reconcile.Aggregation(at(row, 5))})
		case "figure":
			n, _ := strconv.Atoi(at(row, 2))
			fr := reconcile.FigureRow{Indicator: at(row, 1), Stored: at(row, 3)}
			for _, m := range splitInts(at(row, 4)) {
				fr.Incomplete = append(fr.Incomplete, m)
			}
			figRow[n] = len(figures)
			figures = append(figures, fr)
		case "findings_carried":
			r.CarriesFindings = true
			r.CarriedLeft, _ = strconv.Atoi(at(row, 2))
		case "finding":
			r.Carried = append(r.Carried, reconcile.CarriedFinding{Severity: reconcile.Severity(at(row, 1)), Rule: reconcile.Rule(at(row, 2)),
				Department: at(row, 3), Period: at(row, 4), File: at(row, 5), Sheet: at(row, 6), Cell: at(row, 7),
				Message: reconcile.Text{at(row, 8), at(row, 9)}})
		case "detail_indicator":
			indCol = columnOf(at(row, 1) + "1")
		case "detail_col":
			cols = append(cols, detailColRead{value: columnOf(at(row, 1) + "1"), code: at(row, 2), m: reconcile.Measure(at(row, 3))})
		case "detail":
			first, _ := strconv.Atoi(at(row, 2))
			last, _ := strconv.Atoi(at(row, 3))
			sheet := at(row, 1)
			if _, ok := blocks[sheet]; !ok {
				blockSheets = append(blockSheets, sheet)
			}
			blocks[sheet] = append(blocks[sheet], reconcile.Block{Sheet: sheet, First: first, Last: last, Stored: at(row, 4)})
		default:
			kv[row[0]] = at(row, 1)
		}
	}
	r.SealComputed = all.Sum()
	if prop, ok := x.sealProperty(); ok && prop != r.SealStored {
		r.SealComputed = prop // the sheet's seal is not the one tally wrote beside it
	}
	r.Version = kv["tally-seal"]
	r.Name = kv["node"]
	r.Rollup = kv["kind"] == "rollup"
	r.AsOf, _ = reconcile.ParsePeriod(kv["as_of"])
	r.Lang = reconcile.Lang(kv["lang"])
	num := func(k string) int { n, _ := strconv.Atoi(kv[k]); return n }
	r.Summary = reconcile.Summary{Rows: num("rows"), RowsConsolidated: num("rows_consolidated"), RowsRejected: num("rows_rejected"),
		Findings: num("findings"), Errors: num("errors"), Warnings: num("warnings"), Files: num("files")}
	r.DetailRows = num("detail_rows")
	r.FiguresSheet = kv["figures_sheet"]
	r.InputsSheet = kv["inputs_sheet"]
	r.InputsStored = kv["inputs"]
	if r.Version != reconcile.SealVersion && r.Version != reconcile.SealVersion1 || r.SealStored != r.SealComputed {
		return nil // VerifyNode refuses it; what else it says cannot be trusted
	}
	m1 := columnOf(kv["figures_month1"] + "1")
	ytd := columnOf(kv["figures_ytd"] + "1")
	if err := readFigures(x, r, figures, figRow, m1, ytd); err != nil {
		return err
	}
	r.Figures = figures
	if err := readDetail(x, r, blocks, blockSheets, cols, indCol); err != nil {
		return err
	}
	return readInputs(x, r)
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func splitInts(s string) []int {
	var out []int
	n, in := 0, false
	for _, ch := range s + "," {
		if ch >= '0' && ch <= '9' {
			n, in = n*10+int(ch-'0'), true
			continue
		}
		if in {
			out = append(out, n)
		}
		n, in = 0, false
	}
	return out
}

// readFigures reads the 汇总 rows the seal names: months from column m1,
// the year to date in column ytd.
func readFigures(x *xlsx, r *reconcile.NodeRead, figures []reconcile.FigureRow, figRow map[int]int, m1, ytd int) error {
	si, ok := x.sheet(r.FiguresSheet)
	if !ok {
		r.Problem = reconcile.Text{"缺少工作表“" + r.FiguresSheet + "”", "sheet " + r.FiguresSheet + " is missing"}
		return nil
	}
	for row, i := range figRow {
		for m := 1; m <= 13; m++ {
			col := m1 + m - 1
			if m == 13 {
				col = ytd
			}
			figures[i].Cells[m].Ref = columnName(col) + strconv.Itoa(row)
		}
	}
	return x.scan(si, func(row int, _ bool, cells []rawCell) error {
		i, ok := figRow[row]
		if !ok {
			return nil
		}
		for _, c := range cells {
			m := c.Col - m1 + 1
			if c.Col == ytd {
				m = 13
			} else if m < 1 || m > 12 {
				continue
			}
			fc := &figures[i].Cells[m]
			fc.Raw, fc.Has = c.Value, c.Value != ""
			fc.Value, fc.OK = cellDecimal(&c)
		}
		return nil
	})
}

// detailColRead is a 明细 figure column as the seal names it: its column
// (1-based), indicator (none: the row's, in the 指标 column) and measure.
type detailColRead struct {
	value int
	code  string
	m     reconcile.Measure
}

// readDetail streams the detail sheets: each block of rows digested, each
// row's figures added to their indicator and month. A town's 明细 is one
// row per source row, its figures in the columns the seal names (cols);
// version 1's, one row per figure, is read as it was written. A roll-up's
// node detail also becomes its parts (a few per town, indicator and month).
func readDetail(x *xlsx, r *reconcile.NodeRead, blocks map[string][]reconcile.Block, sheets []string, cols []detailColRead, indCol int) error {
	r.DetailSums = map[string]decimal.Decimal{}
	r.DetailFiles = map[string]bool{}
	codes := map[string]string{}
	for _, d := range r.Defs {
		codes[d.Name] = d.Code
	}
	measures := map[string]reconcile.Measure{}
	for m, l := range measureLabel {
		measures[label(r.Lang, l)] = m
	}
	for _, name := range sheets {
		si, ok := x.sheet(name)
		if !ok {
			r.Problem = reconcile.Text{"缺少工作表“" + name + "”", "sheet " + name + " is missing"}
			return nil
		}
		bs := blocks[name]
		bi := 0
		d := reconcile.NewDigest()
		err := x.scan(si, func(row int, _ bool, cells []rawCell) error {
			if row == 1 {
				return nil
			}
			r.DetailCount++
			if r.Rollup {
				c := rowCells(cells, 10)
				v, _ := valueAt(cells, 8)
				p, _ := reconcile.ParsePeriod(c[4])
				part := reconcile.Part{Origin: c[0], Workbook: c[1], Sheet: c[2], Cell: c[3], Period: p, Indicator: c[6], Value: v, Via: c[8], SHA256: c[9]}
				c[7] = reconcile.Canonical(v)
				blockRow(bs, &bi, row, d, c)
				r.Parts = append(r.Parts, part)
				k := part.Indicator + "|" + p.String()
				r.DetailSums[k] = r.DetailSums[k].Add(v)
				return nil
			}
			if r.Version != reconcile.SealVersion1 {
				readDetailRow(r, cells, cols, codes, indCol, bs, &bi, row, d)
				return nil
			}
			c := rowCells(cells, 12)
			v, _ := valueAt(cells, 10)
			c[9] = reconcile.Canonical(v)
			blockRow(bs, &bi, row, d, c)
			r.DetailFiles[c[0]] = true
			switch measures[c[6]] {
			case reconcile.MonthValue, reconcile.LevelValue, reconcile.YearValue:
				if p, err := reconcile.ParsePeriod(c[4]); err == nil && p.IsMonth() {
					k := codes[c[5]] + "|" + p.String()
					r.DetailSums[k] = r.DetailSums[k].Add(v)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for ; bi < len(bs); bi++ {
			bs[bi].Computed = d.Sum() // rows missing from a block
		}
		r.Blocks = append(r.Blocks, bs...)
		if r.Rollup {
			r.NodeDetailSheets = append(r.NodeDetailSheets, name)
		} else {
			r.DetailSheets = append(r.DetailSheets, name)
		}
	}
	return nil
}

// readDetailRow reads one 明细 row of a town's workbook: its cells, figures
// as their digits, digested up to the last non-empty one, as tally wrote
// them; each figure of a month added to its indicator and month.
func readDetailRow(r *reconcile.NodeRead, cells []rawCell, cols []detailColRead, codes map[string]string, indCol int,
	bs []reconcile.Block, bi *int, row int, d *reconcile.Digest) {
	n := 0
	for _, c := range cells {
		n = max(n, c.Col)
	}
	c := rowCells(cells, min(n, maxDetailCols))
	p, perr := reconcile.ParsePeriod(at(c, colPeriod))
	for _, fc := range cols {
		if fc.value < 1 || fc.value > len(c) || c[fc.value-1] == "" {
			continue
		}
		v, ok := valueAt(cells, fc.value)
		if !ok {
			continue // not a number: the digest tells it was not tally's
		}
		c[fc.value-1] = reconcile.Canonical(v)
		code := fc.code
		if code == "" && indCol > 0 { // a measure's column: the row's indicator
			code = codes[at(c, indCol-1)]
		}
		switch fc.m {
		case reconcile.MonthValue, reconcile.LevelValue, reconcile.YearValue:
			if perr == nil && p.IsMonth() {
				k := code + "|" + p.String()
				r.DetailSums[k] = r.DetailSums[k].Add(v)
			}
		}
	}
	blockRow(bs, bi, row, d, trimRow(c))
	if f := at(c, colFile); f != "" {
		r.DetailFiles[f] = true
	}
}

// blockRow adds a detail row to the digest of the block it falls in; a
// block's digest is taken at its last row.
func blockRow(bs []reconcile.Block, bi *int, row int, d *reconcile.Digest, cells []string) {
	for *bi < len(bs) && row > bs[*bi].Last {
		bs[*bi].Computed = d.Sum()
		*bi++
	}
	if *bi >= len(bs) || row < bs[*bi].First {
		return // outside every block: the count of rows tells
	}
	d.Row(cells...)
	if row == bs[*bi].Last {
		bs[*bi].Computed = d.Sum()
		*bi++
	}
}

// readInputs reads the 来源文件 sheet: its digest, and each input.
func readInputs(x *xlsx, r *reconcile.NodeRead) error {
	si, ok := x.sheet(r.InputsSheet)
	if !ok {
		r.Problem = reconcile.Text{"缺少工作表“" + r.InputsSheet + "”", "sheet " + r.InputsSheet + " is missing"}
		return nil
	}
	status := map[string]string{}
	for k, l := range inputStatus {
		status[label(r.Lang, l)] = k
	}
	status[label(r.Lang, [2]string{"拒收", "refused"})] = reconcile.Refused
	d := reconcile.NewDigest()
	err := x.scan(si, func(row int, _ bool, cells []rawCell) error {
		if row <= 2 {
			return nil
		}
		c := rowCells(cells, 6)
		d.Row(c...)
		n, _ := strconv.Atoi(c[3])
		in := reconcile.Input{File: c[0], Department: c[1], Period: c[2], Rows: n, Status: status[c[4]], SHA256: c[5]}
		if in.Status == "skipped" {
			in.Rows = 0 // listed, not read
		}
		r.Inputs = append(r.Inputs, in)
		return nil
	})
	r.InputsComputed = d.Sum()
	return err
}

// cellDecimal reads a figure tally wrote: a number cell as a spreadsheet
// holds it, to 15 significant digits (a program that re-saves the file may
// store 96916.76 as 96916.75999999999; tally writes at most 15 digits in a
// number cell); a text cell, which tally writes past 15 digits, exactly.
func cellDecimal(c *rawCell) (decimal.Decimal, bool) {
	v, err := decimal.NewFromString(c.Value)
	if err != nil {
		return decimal.Decimal{}, false
	}
	if c.Type == "" || c.Type == "n" {
		v = RoundSignificant(v, ExcelDigits)
	}
	return v, true
}

// valueAt reads the figure in column col (1-based) of a row.
func valueAt(cells []rawCell, col int) (decimal.Decimal, bool) {
	for i := range cells {
		if cells[i].Col == col {
			return cellDecimal(&cells[i])
		}
	}
	return decimal.Decimal{}, false
}

// sealProperty reads the seal tally keeps as a custom document property;
// a program that drops custom properties (openpyxl) leaves none, which is
// no finding: the sheet carries the seal.
func (x *xlsx) sealProperty() (string, bool) {
	var props struct {
		Props []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if _, ok := x.parts["docProps/custom.xml"]; !ok || x.decodePart("docProps/custom.xml", &props) != nil {
		return "", false
	}
	for _, p := range props.Props {
		if p.Name == sealProperty {
			return p.Value, true
		}
	}
	return "", false
}

// SourceHashes finds the department files a town's workbook lists — at
// the path listed, else beside the workbook — and returns the SHA-256 of
// each found ("" when not found). Files are only read, each bounded by
// lim.MaxFileBytes.
func SourceHashes(workbook string, inputs []reconcile.Input, lim Limits) map[string]string {
	out := map[string]string{}
	for _, in := range inputs {
		if in.SHA256 == "" {
			continue
		}
		out[in.File] = ""
		for _, p := range []string{in.File, filepath.Join(filepath.Dir(workbook), in.File), filepath.Join(filepath.Dir(workbook), filepath.Base(in.File))} {
			if h, ok := hashFile(p, lim); ok {
				out[in.File] = h
				break
			}
		}
	}
	return out
}

func hashFile(path string, lim Limits) (string, bool) {
	f, err := openNoWait(path) // a FIFO would block os.Open; Stat refuses it below

	if err != nil {
		return "", false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() > lim.MaxFileBytes {
		return "", false
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", false
	}
	return hex.EncodeToString(h.Sum(nil)), true
}
