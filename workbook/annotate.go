package workbook

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/jingwu/tally/internal/sheetfmt"
	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

// Annotate writes to w a copy of the submission at path with every cell a
// finding names highlighted and carrying a comment that says what is wrong,
// and a sheet listing the findings: the file a department gets back. The
// file at path is only read.
func Annotate(path string, w io.Writer, findings []reconcile.Finding, lang reconcile.Lang) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	type key struct{ sheet, cell string }
	notes := map[key][]string{}
	var order []key
	worst := map[key]reconcile.Severity{}
	for _, fd := range findings {
		if fd.Sheet == "" || fd.Cell == "" {
			continue
		}
		k := key{fd.Sheet, fd.Cell}
		if _, ok := notes[k]; !ok {
			order = append(order, k)
		}
		notes[k] = append(notes[k], fd.Message(lang))
		if worst[k] != reconcile.Error {
			worst[k] = fd.Severity
		}
	}
	fills := map[reconcile.Severity]string{reconcile.Error: "FFC7CE", reconcile.Warning: "FFEB9C", reconcile.Info: "DDEBF7"}
	for _, k := range order {
		if err := highlight(f, k.sheet, k.cell, fills[worst[k]]); err != nil {
			return fmt.Errorf("%s!%s: %w", k.sheet, k.cell, err)
		}
		text := strings.Join(notes[k], "\n")
		if err := f.AddComment(k.sheet, excelize.Comment{Cell: k.cell, Author: "tally",
			Paragraph: []excelize.RichTextRun{{Text: text}}}); err != nil {
			return fmt.Errorf("%s!%s: %w", k.sheet, k.cell, err)
		}
	}
	if err := findingsSheet(f, findings, lang); err != nil {
		return err
	}
	return f.Write(w)
}

// highlight gives a cell a fill while keeping the rest of its style (its
// number format, borders, protection).
func highlight(f *excelize.File, sheet, cell, color string) error {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	st, err := f.GetStyle(id)
	if err != nil {
		return err
	}
	st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	nid, err := f.NewStyle(st)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, nid)
}

func findingsSheet(f *excelize.File, findings []reconcile.Finding, lang reconcile.Lang) error {
	name := reconcile.Text{"审核结果", "Check results"}.In(lang)
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	heads := []string{"工作表", "单元格", "严重程度", "说明", "原始内容", "规则"}
	if lang == reconcile.English {
		heads = []string{"Sheet", "Cell", "Severity", "Message", "Raw", "Rule"}
	}
	for i, h := range heads {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(name, ref, h); err != nil {
			return err
		}
	}
	sorted := append([]reconcile.Finding(nil), findings...)
	rank := map[reconcile.Severity]int{reconcile.Error: 0, reconcile.Warning: 1, reconcile.Info: 2}
	sort.SliceStable(sorted, func(i, j int) bool { return rank[sorted[i].Severity] < rank[sorted[j].Severity] })
	for r, fd := range sorted {
		vals := []string{fd.Sheet, fd.Cell, fd.Severity.In(lang), fd.Message(lang), fd.Raw, fd.Rule.Label(lang)}
		for i, v := range vals {
			ref, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if err := f.SetCellStr(name, ref, v); err != nil {
				return err
			}
		}
	}
	for i, width := range []int{8, 4, 4, 30, 8, 8} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, sheetfmt.Width(width)); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(name, fmt.Sprintf("A1:F%d", len(sorted)+1)); err != nil {
		return err
	}
	if idx, err := f.GetSheetIndex(name); err == nil {
		f.SetActiveSheet(idx)
	}
	return sheetfmt.Print(f, name, 1, true)
}
