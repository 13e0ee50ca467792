package workbook

import (
	"fmt"
	"iter"
	"strconv"

	"github.com/jingwu/tally/internal/sheetfmt"
	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// streamNumber is what to hand excelize's StreamWriter for d, which takes
// numbers only as float64: a float64 when excelize writes it back as exactly
// d's own digits — at most 15 significant digits and an exact round trip
// through the shortest formatting excelize uses — else d's exact text.
// Checked for every cell, so no figure is ever rounded by the transport.
func streamNumber(d decimal.Decimal) any {
	s := d.String()
	if digits(d) > ExcelDigits {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || strconv.FormatFloat(f, 'f', -1, 64) != s {
		return s
	}
	return f
}

// digits counts d's significant digits.
func digits(d decimal.Decimal) int {
	c := d.Coefficient().String()
	if c[0] == '-' {
		c = c[1:]
	}
	for len(c) > 1 && c[len(c)-1] == '0' {
		c = c[:len(c)-1]
	}
	return len(c)
}

// maxSheetRows is Excel's row limit; a longer detail continues on the next
// sheet (明细 (2), …), each with its header. A variable so tests can lower it.
var maxSheetRows = 1 << 20

// detail writes the 明细 sheets through StreamWriters: one row per
// consolidated cell, in the order the run added them, without holding them.
func (x *out) detail() error {
	cols := []column{
		{x.l("文件", "File"), 14}, {x.l("工作表", "Sheet"), 6}, {x.l("单元格", "Cell"), 3},
		{x.l("填报单位", "Department"), 4}, {x.l("报告期", "Period"), 4}, {x.l("指标", "Indicator"), 9},
		{x.l("口径", "Measure"), 4}, {x.l("名称", "Name"), 14}, {x.l("统一社会信用代码", "Credit code"), 10},
		{x.l("数值", "Value"), 7}, {x.l("原始内容", "Raw"), 6}, {x.l("以文本录入", "Typed as text"), 4},
	}
	entries, n := x.meta.Detail, x.meta.DetailRows
	if entries == nil {
		entries, n = func(yield func(reconcile.Entry) bool) {
			for _, e := range x.r.Detail {
				if !yield(e) {
					return
				}
			}
		}, len(x.r.Detail)
	}
	names := map[string]string{}
	for _, d := range x.r.Spec.Departments {
		names[d.Code] = d.Name
	}
	perSheet := maxSheetRows - 1
	var sw *excelize.StreamWriter
	row, sheet := 0, 0
	start := func() error {
		sheet++
		name := label(x.lang, sheetNames["detail"])
		if sheet > 1 {
			name = fmt.Sprintf("%s (%d)", name, sheet)
		}
		rows := min(perSheet, max(n-(sheet-1)*perSheet, 0))
		var err error
		sw, err = x.streamSheet(name, cols, rows)
		row = 2
		return err
	}
	if err := start(); err != nil {
		return err
	}
	var werr error
	for e := range entries {
		if row > maxSheetRows {
			if werr = sw.Flush(); werr != nil {
				break
			}
			if werr = start(); werr != nil {
				break
			}
		}
		def, _ := x.r.Spec.Indicator(e.Indicator)
		dept := e.Department
		if n, ok := names[dept]; ok {
			dept = n
		}
		var text, raw any // left empty when they add nothing: a million-row sheet pays per cell
		if e.AsText {
			text = excelize.Cell{StyleID: x.st["plain"], Value: x.l("是", "yes")}
		}
		if e.Raw != e.Value.String() {
			raw = excelize.Cell{StyleID: x.st["plain"], Value: e.Raw}
		}
		plain := x.st["plain"]
		vals := []any{
			excelize.Cell{StyleID: plain, Value: e.File}, excelize.Cell{StyleID: plain, Value: e.Sheet},
			excelize.Cell{StyleID: plain, Value: e.Cell}, excelize.Cell{StyleID: plain, Value: dept},
			excelize.Cell{StyleID: plain, Value: e.Period.String()}, excelize.Cell{StyleID: plain, Value: def.Name},
			excelize.Cell{StyleID: plain, Value: label(x.lang, measureLabel[e.Measure])}, excelize.Cell{StyleID: plain, Value: e.Entity},
			excelize.Cell{StyleID: plain, Value: e.Code}, excelize.Cell{StyleID: x.st[numStyle(def)], Value: streamNumber(e.Value)},
			raw, text,
		}
		ref, _ := excelize.CoordinatesToCellName(1, row)
		if werr = sw.SetRow(ref, vals); werr != nil {
			break
		}
		row++
	}
	if werr != nil {
		return werr
	}
	return sw.Flush()
}

// streamSheet makes a sheet for rows data rows under a header and returns
// its StreamWriter, with everything but the rows set before it starts.
func (x *out) streamSheet(name string, cols []column, rows int) (*excelize.StreamWriter, error) {
	f := x.f
	if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := f.SetSheetDimension(name, fmt.Sprintf("A1:%s%d", last, rows+1)); err != nil {
		return nil, err
	}
	if rows > 0 {
		if err := f.AutoFilter(name, fmt.Sprintf("A1:%s%d", last, rows+1), nil); err != nil {
			return nil, err
		}
	}
	if err := sheetfmt.Print(f, name, 1, true); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, sheetfmt.Width(int(c.width))); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: x.st["header"], Value: c.header}
	}
	return sw, sw.SetRow("A1", head)
}

// Entries lists a result's detail; Meta.Detail takes any such sequence.
type Entries = iter.Seq[reconcile.Entry]
