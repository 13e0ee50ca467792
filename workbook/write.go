package workbook

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Meta describes the run for the overview sheet, and where the detail is.
type Meta struct {
	Spec string // the spec's name as given
	Lang reconcile.Lang
	// Detail, when set, holds the run's detail rows, written as the run
	// went (NewDetail, in the same language); otherwise Result.Detail is
	// used.
	Detail *Detail
	// Rollup, when set, makes the workbook a roll-up's (节点汇总): its
	// node detail and by-node sheets instead of the 明细.
	Rollup *reconcile.Rollup
	// Show, when set, adds the 汇总 and by-node sheets in a larger unit,
	// balanced (舍位平衡).
	Show *Show
}

// Write writes the consolidated workbook of r to w.
func Write(w io.Writer, r *reconcile.Result, meta Meta) error {
	det := meta.Detail
	if det == nil {
		d, err := NewDetail("", r.Spec, meta.Lang)
		if err != nil {
			return err
		}
		defer d.Close()
		for i := range r.Detail {
			d.Add(&r.Detail[i])
		}
		if meta.Rollup != nil {
			d.addParts(meta.Rollup.Parts) // a roll-up's detail is its node detail
		}
		det = d
	}
	if det.lang != meta.Lang {
		return reconcile.Bugf("detail written in another language")
	}
	parts, err := det.finish()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &out{f: f, r: r, lang: meta.Lang, meta: meta, parts: parts, detSeal: &det.seal, tmp: det.tmp, det: det}
	x.styles()
	if !maps.Equal(x.st, det.st) {
		return reconcile.Bugf("detail rows name other styles than the workbook's")
	}
	if err := x.sharedStrings(det.strs); err != nil {
		return err
	}
	steps := []func() error{x.overview, x.figures, x.years, x.status, x.claims, x.findings, x.detail, x.inputs}
	steps = append(x.rollupSteps(steps), x.seal)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "tally", Title: x.title(),
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
		return err
	}
	sortContentTypes(f)
	// excelize builds the whole zip in a buffer before writing it out; a
	// zip writer of our own sends it straight to w instead, and splices the
	// detail rows into their sheets.
	pw := newPkgWriter(w, det.tmp, x.partNames())
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return pw })
	return f.Write(io.Discard)
}

type out struct {
	f    *excelize.File
	r    *reconcile.Result
	lang reconcile.Lang
	meta Meta
	st   map[string]int
	// parts are the detail's sheets; splice maps their names to them.
	parts  []segment
	splice map[string]segment
	// detSeal holds the detail's digests, for the seal.
	detSeal *sealer
	// tmp is the detail's temporary file; the seal's rows are added to it.
	tmp *os.File
	// det is the detail: its figure columns make the 明细's header.
	det *Detail
}

func (x *out) l(zh, en string) string { return label(x.lang, [2]string{zh, en}) }

func (x *out) title() string {
	return x.l(fmt.Sprintf("%s %d 年汇总与报告核对", x.r.Spec.Town, x.r.AsOf.Year),
		fmt.Sprintf("%s %d consolidation and report check", x.r.Spec.Town, x.r.AsOf.Year))
}

// styleIDs are the style ids Write gives its styles: made in a fixed order
// in a fresh workbook, the same every time, so the detail rows formatted
// before the workbook exists name them rightly (Write checks).
func styleIDs() map[string]int {
	f := excelize.NewFile()
	defer f.Close()
	return newStyles(f, reconcile.Chinese)
}

func (x *out) styles() { x.st = newStyles(x.f, x.lang) }

// fontFamily is the workbook's font in lang: 宋体 for Chinese, Calibri for
// English. Every style names it, so no cell falls back to another font.
func fontFamily(lang reconcile.Lang) string {
	if lang == reconcile.English {
		return "Calibri"
	}
	return "宋体"
}

func newStyles(f *excelize.File, lang reconcile.Lang) map[string]int {
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	amount, count, pct, rate := "#,##0.00", "#,##0", "0.00%", "0.00"
	partial := label(lang, [2]string{`General"（部分）"`, `General" (partial)"`})
	defs := map[string]*excelize.Style{
		"title":   {Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Vertical: "center"}},
		"note":    {Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		"header":  {Font: &excelize.Font{Bold: true}, Border: border, Fill: fill("DDEBF7"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		"text":    {Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		"plain":   {Border: border, Alignment: &excelize.Alignment{Vertical: "top"}},
		"number":  {Border: border},
		"amount":  {Border: border, CustomNumFmt: &amount},
		"count":   {Border: border, CustomNumFmt: &count},
		"pct":     {Border: border, CustomNumFmt: &pct},                                                              // a fraction: 0.4988 shows 49.88%
		"rate":    {Border: border, CustomNumFmt: &rate},                                                             // a figure whose unit is %: 2.38 (the unit column says %)
		"pctwarn": {Border: border, CustomNumFmt: &pct, Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}}, // on fewer months than the as-of month
		"good":    {Border: border, Fill: fill("C6EFCE"), Font: &excelize.Font{Color: "006100"}},
		// good with a figure's number format: a roll-up's 合计 rows.
		"goodamount": {Border: border, Fill: fill("C6EFCE"), Font: &excelize.Font{Color: "006100"}, CustomNumFmt: &amount},
		"goodcount":  {Border: border, Fill: fill("C6EFCE"), Font: &excelize.Font{Color: "006100"}, CustomNumFmt: &count},
		"goodrate":   {Border: border, Fill: fill("C6EFCE"), Font: &excelize.Font{Color: "006100"}, CustomNumFmt: &rate},
		// warn with a figure's number format: 汇总's and 历年's figures
		// that miss rows (a rejected row, an unread sheet, a month not
		// sent), in the amber of their row's 不完整.
		"warnamount": {Border: border, Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}, CustomNumFmt: &amount},
		"warncount":  {Border: border, Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}, CustomNumFmt: &count},
		"warnrate":   {Border: border, Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}, CustomNumFmt: &rate},
		// doubt: a figure whole but to verify (待核实: a figure in it has a
		// month_jump or stock_drop its row's 说明 does not explain), and
		// its 状态 — orange, not 不完整's amber nor an error's red.
		// partial: 报告核对's value of a claim whose data are incomplete,
		// what the data there are give: amber, and said to be partial in
		// the cell itself (the number stays a number, exact).
		"partial":     {Border: border, Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}, CustomNumFmt: &partial},
		"doubt":       {Border: border, Fill: fill("FCE4D6"), Font: &excelize.Font{Color: "833C0C"}},
		"doubtamount": {Border: border, Fill: fill("FCE4D6"), Font: &excelize.Font{Color: "833C0C"}, CustomNumFmt: &amount},
		"doubtcount":  {Border: border, Fill: fill("FCE4D6"), Font: &excelize.Font{Color: "833C0C"}, CustomNumFmt: &count},
		"doubtrate":   {Border: border, Fill: fill("FCE4D6"), Font: &excelize.Font{Color: "833C0C"}, CustomNumFmt: &rate},
		"doubttext":   {Border: border, Fill: fill("FCE4D6"), Font: &excelize.Font{Color: "833C0C"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		"bad":         {Border: border, Fill: fill("FFC7CE"), Font: &excelize.Font{Color: "9C0006", Bold: true}},
		"warn":        {Border: border, Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}},
		// good and warn for a text that wraps (the overview's 数据完整性).
		"goodtext": {Border: border, Fill: fill("C6EFCE"), Font: &excelize.Font{Color: "006100"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		"warntext": {Border: border, Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		"grey":     {Border: border, Fill: fill("EDEDED"), Font: &excelize.Font{Color: "595959"}},
		"faint":    {Border: border, Font: &excelize.Font{Color: "808080", Italic: true}},
		// A title that wraps within the columns every printed section repeats.
		"titlewrap": {Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
	}
	st := map[string]int{}
	names := make([]string, 0, len(defs))
	for name := range defs {
		names = append(names, name)
	}
	sort.Strings(names) // style ids in a fixed order: the same bytes every run
	for _, name := range names {
		s := defs[name]
		if s.Font == nil {
			s.Font = &excelize.Font{}
		}
		s.Font.Family = fontFamily(lang)
		if s.Font.Size == 0 {
			s.Font.Size = fontSize
		}
		if s.Alignment == nil && s.Border != nil {
			s.Alignment = &excelize.Alignment{Vertical: "top"}
		}
		id, err := f.NewStyle(s)
		if err != nil {
			panic(err) // constant styles: an error is a bug here
		}
		st[name] = id
	}
	return st
}

// cell is one value to write: a string, an int, a decimal (exact), or nil.
type cell struct {
	v     any
	style string
}

func c(v any, style string) cell { return cell{v, style} }

// column describes one column of a sheet table.
type column struct {
	header string
	width  float64 // in characters of Chinese text
}

// table writes a sheet: an optional title, a header row, then rows; with
// a filter, frozen header, widths and print setup.
func (x *out) table(key string, title string, cols []column, rows [][]cell, landscape bool) error {
	name := label(x.lang, sheetNames[key])
	headerRow, err := x.sheetTable(name, title, cols, rows, landscape)
	if err != nil {
		return err
	}
	if err := x.paper(key, name, cols, headerRow); err != nil {
		return err
	}
	if lay, ok := paperLayouts[key]; ok && title != "" {
		widths := make([]float64, len(cols))
		for i, col := range cols {
			widths[i] = grid.Width(int(col.width))
		}
		if err := x.fitTitle(name, title, widths[:lay.titleCols]); err != nil {
			return err
		}
	}
	return x.headerFooter(key, name, title)
}

// head makes sheet name with an optional title and a header row, and
// returns the header's row number.
func (x *out) head(name, title string, cols []column) (int, error) {
	if _, err := x.f.NewSheet(name); err != nil {
		return 0, err
	}
	f := x.f
	headerRow := 1
	if title != "" {
		if err := f.SetCellStr(name, "A1", title); err != nil {
			return 0, err
		}
		if err := f.SetCellStyle(name, "A1", "A1", x.st["title"]); err != nil {
			return 0, err
		}
		headerRow = 2
	}
	for i, col := range cols {
		ref, _ := excelize.CoordinatesToCellName(i+1, headerRow)
		if err := f.SetCellStr(name, ref, col.header); err != nil {
			return 0, err
		}
		letter, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, letter, letter, grid.Width(int(col.width))); err != nil {
			return 0, err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	return headerRow, f.SetCellStyle(name, fmt.Sprintf("A%d", headerRow), fmt.Sprintf("%s%d", last, headerRow), x.st["header"])
}

// frame finishes a sheet of ncols columns whose header row is followed by
// rows data rows: its dimension, filter, frozen header and print setup.
func (x *out) frame(name string, ncols, headerRow, rows int, landscape bool) error {
	f := x.f
	last, _ := excelize.ColumnNumberToName(ncols)
	lastRow := headerRow + rows
	if err := f.SetSheetDimension(name, fmt.Sprintf("A1:%s%d", last, lastRow)); err != nil {
		return err
	}
	if rows > 0 {
		if err := f.AutoFilter(name, fmt.Sprintf("A%d:%s%d", headerRow, last, lastRow), nil); err != nil {
			return err
		}
	}
	if err := freeze(f, name, 1, headerRow+1); err != nil {
		return err
	}
	return printSetup(f, name, headerRow, landscape)
}

// wraps are the styles whose text wraps in its cell: a row holding one is
// as tall as its longest text.
var wraps = map[string]bool{"text": true, "goodtext": true, "warntext": true, "doubttext": true}

// row writes one row. Spreadsheet programs do not size rows to wrapped text
// when they open a file, so the height is set here from the longest text.
func (x *out) row(sheet string, r int, cells []cell, widths []float64) error {
	lines := 1
	for i, cl := range cells {
		if s, ok := cl.v.(string); ok && wraps[cl.style] && i < len(widths) {
			lines = max(lines, grid.Lines(s, widths[i]))
		}
	}
	if lines > 1 {
		// Excel's tallest row is 409 points; a longer text scrolls in its cell.
		if err := x.f.SetRowHeight(sheet, r, min(float64(lines)*grid.LineHeight, 409)); err != nil {
			return err
		}
	}
	for i, cl := range cells {
		ref, _ := excelize.CoordinatesToCellName(i+1, r)
		var err error
		switch v := cl.v.(type) {
		case nil:
		case string:
			err = x.f.SetCellStr(sheet, ref, v)
		case int:
			err = x.f.SetCellInt(sheet, ref, int64(v))
		case decimal.Decimal:
			// Exact: the decimal's own digits, never a float; as text past
			// the 15 significant digits a number cell holds (as in 明细).
			if s := v.String(); sigDigits([]byte(s)) > ExcelDigits {
				err = x.f.SetCellStr(sheet, ref, s)
			} else {
				err = x.f.SetCellDefault(sheet, ref, s)
			}
		default:
			err = fmt.Errorf("workbook: cannot write %T", v)
		}
		if err != nil {
			return err
		}
		style := cl.style
		if style == "" {
			style = "plain"
		}
		if err := x.f.SetCellStyle(sheet, ref, ref, x.st[style]); err != nil {
			return err
		}
	}
	return nil
}

// numStyle is the display style of an indicator's figures.
func numStyle(def *reconcile.Indicator) string {
	if def.Unit.Name == "%" {
		return "rate"
	}
	if def.Precision > 0 {
		return "amount"
	}
	return "count"
}

// verdictStyles give each verdict its own look, the same on 概览 and 报告核对:
// 不符 the worst (red, bold), whatever its severity (an estimate's is said
// in the severity column); 数据不完整 amber; 无数据 grey; a figure mapped to
// no indicator faint, without a fill.
var verdictStyles = map[reconcile.ClaimStatus]string{
	reconcile.Consistent:    "good",
	reconcile.Mismatch:      "bad",
	reconcile.Incomplete:    "warn",
	reconcile.NoData:        "grey",
	reconcile.Unmapped:      "faint",
	reconcile.Goal:          "grey",
	reconcile.NotApplicable: "faint",
}

func (x *out) verdictStyle(cr *reconcile.ClaimResult) string {
	if cr.ToVerify && cr.Status == reconcile.Consistent {
		return "doubt" // not green: the total it agrees with is in doubt
	}
	if s, ok := verdictStyles[cr.Status]; ok {
		return s
	}
	return "plain"
}

// verdict is a claim's verdict as 概览 and 报告核对 say it: on a total to
// verify, 一致（待核实）, 不符（待核实）.
func (x *out) verdict(cr *reconcile.ClaimResult) string {
	v := cr.Status.In(x.lang)
	if cr.ToVerify {
		v += x.l("（待核实）", " (to verify)")
	}
	return v
}

func (x *out) severityStyle(s reconcile.Severity) string {
	switch s {
	case reconcile.Error:
		return "bad"
	case reconcile.Warning:
		return "warn"
	}
	return "grey"
}

// appendTexts adds the texts of add not in ts yet.
func appendTexts(ts []reconcile.Text, add ...reconcile.Text) []reconcile.Text {
	for _, a := range add {
		if !slices.Contains(ts, a) {
			ts = append(ts, a)
		}
	}
	return ts
}

func (x *out) text(t reconcile.Text) string { return t.In(x.lang) }

func (x *out) texts(ts []reconcile.Text) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.In(x.lang)
	}
	return strings.Join(parts, "；")
}

// mismatchStyle colours 概览's 不符: red for a mismatch that is an error,
// amber when every one is an estimate's (预计数, a warning), as the
// terminal counts them — a newcomer read a lone 预计 warning in bold red.
func mismatchStyle(s reconcile.Summary) string {
	switch {
	case s.Mismatch > s.MismatchWarnings:
		return "bad"
	case s.Mismatch > 0:
		return "warn"
	}
	return "good"
}

func (x *out) overview() error {
	s := x.r.Summary
	kv := func(k string, v any, style string) []cell { return []cell{c(k, "text"), c(v, style)} }
	ok := "good"
	conserved := x.l("是", "yes")
	if s.Rows != s.RowsConsolidated+s.RowsRejected {
		ok, conserved = "bad", x.l("否", "no")
	}
	cellsOK, cellsConserved := "good", x.l("是", "yes")
	if s.Cells != s.CellsConsolidated+s.CellsRejected+s.CellsChecked+s.CellsReported+s.CellsTemplate {
		cellsOK, cellsConserved = "bad", x.l("否", "no")
	}
	count := func(n int, bad string) string {
		if n == 0 {
			return "good"
		}
		return bad
	}
	rows := [][]cell{
		kv(x.l("规格", "Spec"), x.meta.Spec, "text"),
		kv(x.l("汇总截至", "Consolidated through"), x.r.AsOf.String(), "text"),
		kv(x.l("来源文件", "Input files"), s.Files, "count"),
		kv(x.l("无法读取的文件", "Unreadable files"), s.Unreadable, count(s.Unreadable, "bad")),
		kv(x.l("报告期在截至月份之后、本次不汇总的文件", "Files for months after the as-of month, not consolidated"), s.Skipped, "count"),
		kv(x.l("数据行", "Data rows"), s.Rows, "count"),
		kv(x.l("已汇总行", "Rows consolidated"), s.RowsConsolidated, "count"),
		kv(x.l("被拒收行", "Rows rejected"), s.RowsRejected-s.RowsDuplicate, count(s.RowsRejected-s.RowsDuplicate, "bad")),
	}
	if s.RowsDuplicate > 0 {
		// A re-sent copy's rows are not refused: said apart.
		rows = append(rows, kv(x.l("重复报送未采用的行（同一单位同一期另有采用的文件）", "Rows of duplicate files not used (another file of the department-month counts)"), s.RowsDuplicate, "count"),
			kv(x.l("行数守恒（数据行 = 已汇总 + 被拒收 + 重复报送未采用）", "Every row accounted for (rows = consolidated + rejected + duplicates not used)"), conserved, ok))
	} else {
		rows = append(rows, kv(x.l("行数守恒（数据行 = 已汇总 + 被拒收）", "Every row accounted for (rows = consolidated + rejected)"), conserved, ok))
	}
	if s.SheetsUnread > 0 {
		// The counts above are of the sheets read: a table not read is
		// said beside them, not left to look whole.
		rows = append(rows, kv(x.l("未读取的工作表（其中的行和单元格不在以上计数中，数字未汇总）", "Sheets not read (their rows and cells are in none of these counts; figures not consolidated)"), s.SheetsUnread, "bad"))
	}
	if s.Cells > 0 { // a run over submissions (a roll-up of workbooks reads no cells)
		rows = append(rows,
			kv(x.l("非空单元格", "Non-empty cells"), s.Cells, "count"),
			// Said in a clerk's words (it was 单元格守恒, jargon): every
			// cell typed is consolidated or otherwise accounted for. As
			// long as it was: three lines in its column, so the page
			// breaks where they did.
			kv(x.l("非空单元格都有着落（= 已汇总 + 被拒收 + 合计核对 + 列为问题 + 模板文字）",
				"Every cell accounted for (= consolidated + rejected + total checked + reported + template text)"), cellsConserved, cellsOK))
	}
	rows = append(rows, [][]cell{
		kv(x.l("问题：错误", "Findings: errors"), s.Errors, count(s.Errors, "bad")),
		kv(x.l("问题：警告", "Findings: warnings"), s.Warnings, count(s.Warnings, "warn")),
		kv(x.l("问题：提示", "Findings: info"), s.Infos, "count"),
	}...)
	if from := x.r.Spec.ClaimsFrom.Text(); from != (reconcile.Text{}) {
		// Which report the claims below were read from.
		rows = append(rows, []cell{c(x.l("报告数字来源", "Report figures from"), "text"), c(from.In(x.lang), "text")})
	}
	rows = append(rows, [][]cell{
		kv(x.l("报告数字", "Report figures checked"), s.Claims, "count"),
		kv(x.l("一致", "Consistent"), s.Consistent, "good"),
		kv(x.l("不符", "Mismatch"), s.Mismatch, mismatchStyle(s)),
	}...)
	if s.MismatchWarnings > 0 { // as on screen: a 警告 on a claim is counted
		rows = append(rows, kv(x.l("不符：其中预计数（警告）", "Mismatch: of estimates (warning)"), s.MismatchWarnings, "warn"))
	}
	rows = append(rows, [][]cell{
		kv(x.l("数据不完整", "Incomplete"), s.Incomplete, count(s.Incomplete, "warn")),
		kv(x.l("无数据", "No data"), s.NoData, count(s.NoData, "grey")),
	}...)
	if s.ToVerify > 0 || s.ClaimsToVerify > 0 {
		// Whole totals tally itself doubts: a figure in them has a
		// month_jump or stock_drop its row's 说明 does not explain.
		rows = append(rows, kv(x.l("待核实的指标（汇总数含未说明的本月数异常或期末数骤降，见“汇总”的说明栏）",
			"Indicators to verify (a total holds a month out of line or a level collapse not explained; see Figures' Notes)"), s.ToVerify, "doubt"))
		if s.ClaimsToVerify > 0 {
			rows = append(rows, kv(x.l("结论所依据的汇总数待核实的报告数字（已计入一致或不符）",
				"Report figures whose verdict rests on a total to verify (counted in consistent or mismatch)"), s.ClaimsToVerify, "doubt"))
		}
	}
	if s.Unmapped > 0 {
		rows = append(rows, kv(x.l("未对应指标", "Unmapped"), s.Unmapped, "grey"))
	}
	if s.NotApplicable > 0 { // an earlier report's figures this later year's run has no data for
		rows = append(rows, kv(x.l("不适用（往年报告中的数字，本次汇总没有其数据）", "Not applicable (an earlier report's figures this run has no data for)"), s.NotApplicable, "grey"))
	}
	if s.Goals > 0 { // the report's targets for a later year: progress, no verdict
		rows = append(rows, kv(x.l("目标（下一年，不作事实核对）", "Targets (a later year; not checked as facts)"), s.Goals, "grey"))
	}
	rows = append(rows, []cell{c(x.l("打印：明细表默认不打印（其打印区域为空）；需要时在明细表中取消打印区域（页面布局 → 打印区域 → 取消打印区域）。",
		"Printing: the Detail sheets are left out (their print area is empty); to print one, clear its print area (Page Layout → Print Area → Clear)."), "text")})
	rows = append(rows, []cell{})
	var open [][]cell
	for i := range x.r.Claims {
		cr := &x.r.Claims[i]
		if cr.Status == reconcile.Consistent && !cr.ToVerify || cr.Status == reconcile.Goal || cr.Status == reconcile.NotApplicable {
			continue // a target is no unconfirmed figure: 报告核对 shows its progress; nor one of an earlier report
		}
		style := x.verdictStyle(cr)
		if cr.Status == reconcile.Mismatch && cr.Severity == reconcile.Warning {
			// An estimate's (预计数) mismatch is a warning: amber, as the
			// 不符 count above it (mismatchStyle). 报告核对 keeps its red,
			// its 严重程度 column saying 警告.
			style = "warn"
		}
		open = append(open, []cell{c(x.r.Spec.Label(cr.Claim, x.lang), "text"), c(x.verdict(cr), style)})
	}
	var starts []int   // the rows the tables after the counts start at
	if len(open) > 0 { // the claims to look at, under their own header
		starts = append(starts, 3+len(rows)) // the title, the header, then rows
		rows = append(rows, []cell{c(x.l("未确认的报告数字", "Report figures not confirmed"), "header"), c(x.l("结论", "Verdict"), "header")})
		rows = append(rows, open...)
	}
	if err := x.table("overview", x.title(), []column{{x.l("项目", "Item"), overviewWidths[0]}, {x.l("数值", "Value"), overviewWidths[1]}}, rows, x.hasTargets()); err != nil {
		return err
	}
	name := label(x.lang, sheetNames["overview"])
	next, err := x.progressBlock(name, 2+len(rows)+2)
	if err != nil {
		return err
	}
	if next == 2+len(rows)+2 { // no targets: the two columns, portrait
		return x.overviewPaper(name, []float64{grid.Width(int(overviewWidths[0])), grid.Width(int(overviewWidths[1]))}, false, 0, 0, 2+len(rows), starts)
	}
	starts = append(starts, 2+len(rows)+2) // 目标完成情况

	widths := make([]float64, len(overviewWidths))
	for i, w := range overviewWidths {
		widths[i] = grid.Width(int(w))
		if i < 2 {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.f.SetColWidth(name, col, col, widths[i]); err != nil {
			return err
		}
	}
	if err := x.overviewPaper(name, widths, true, chartColumn, chartWidth, next-1, starts); err != nil {
		return err
	}
	return x.f.SetSheetDimension(name, fmt.Sprintf("A1:J%d", next))
}

// nameWidth is the 汇总 sheet's 指标 column: as wide as the longest
// indicator name (so a name is on one line), from 6 to 14 characters.
func (x *out) nameWidth() float64 {
	w := 6
	for i := range x.r.Series {
		for w < 14 && grid.Lines(x.r.Series[i].Indicator.Name, grid.Width(w)) > 1 {
			w++
		}
	}
	return float64(w)
}

func (x *out) figures() error {
	year := x.r.AsOf.Year
	cols := []column{{x.l("指标代码", "Code"), 8}, {x.l("指标", "Indicator"), x.nameWidth()}, {x.l("单位", "Unit"), 2}}
	for m := 1; m <= 12; m++ {
		cols = append(cols, column{x.l(fmt.Sprintf("%d月", m), fmt.Sprintf("%d-%02d", year, m)), 4})
	}
	// Target columns only when the year has targets: the 2020 report states
	// 2021's, not its own.
	targets := x.hasTargets()
	cols = append(cols, column{x.l("本年累计", "Year to date"), 6})
	if targets {
		cols = append(cols, column{x.l("目标", "Target"), 6},
			column{x.l("完成率", "Completion"), 4}, column{x.l("序时进度", "Time elapsed"), 4})
	}
	// 说明 wide enough for a note on one line (未报送：科技科 2020-08; a
	// stock's 存量指标… note): at 9 characters every noted row printed
	// three or four lines tall. A longer note wraps, its row as tall as
	// its lines: 汇总 prints fitted to the page's width (rowPaper), so a
	// wider 说明 would shrink every figure on the page.
	cols = append(cols, column{x.l("状态", "Status"), 4}, column{x.l("说明", "Notes"), 16})
	var rows [][]cell
	for i := range x.r.Series {
		s := &x.r.Series[i]
		def := s.Indicator
		ns := numStyle(def)
		row := []cell{c(def.Code, "plain"), c(def.Name, "text"), c(def.Unit.Name, "plain")}
		for m := 1; m <= 12; m++ {
			// A month that misses rows is marked as its row's 不完整 is.
			row = append(row, figureCell(s.Months[m], ns))
		}
		row = append(row, figureCell(s.YTD, ns))
		notes := x.texts(s.YTD.Incomplete)
		switch p := s.Progress; {
		case p != nil && p.Judged():
			// On the whole months only when the year to date is not whole;
			// the notes say through which month.
			style := "pct"
			if !p.Complete() {
				style = "pctwarn"
				// 本年累计 here is the year to date with the incomplete
				// months (what the seal and a roll-up read): the rate's base
				// is said, as the overview's 本年累计 shows it.
				base := x.l("完成率、序时进度按"+x.months(p.Through)+"计算；", "completion and time elapsed through "+x.months(p.Through)+"; ")
				if s.YTD.Has && !s.YTD.Value.Equal(p.Measured.Value) {
					base = x.l(fmt.Sprintf("完成率、序时进度按%s的 %s 计算，本年累计含不完整的月份；", x.months(p.Through), p.Measured.Value),
						fmt.Sprintf("completion and time elapsed on %s, %s; Year to date includes the incomplete months; ", x.months(p.Through), p.Measured.Value))
				}
				notes = base + notes
			}
			row = append(row, c(p.TargetVal, ns), c(frac(p.Completion), style), c(frac(p.Elapsed), style))
		case p != nil && p.Uncomputed:
			// A target relative to a year whose data are not here or
			// not whole: stated, no figure, and why in 说明 — never a
			// target from a partial year.
			row = append(row, c(x.text(p.Stated()), "text"), c(nil, "pct"), c(nil, "pct"))
			why := x.l("目标未计算：", "target not computed: ") + x.text(p.Why())
			if len(p.Base.Incomplete) > 0 {
				why += x.l("（", " (") + x.texts(p.Base.Incomplete) + x.l("）", ")")
			}
			if notes != "" {
				why += x.l("；", "; ")
			}
			notes = why + notes
		case p != nil:
			row = append(row, c(p.TargetVal, ns), c(nil, "pct"), c(nil, "pct"))
		case targets:
			row = append(row, c(nil, ns), c(nil, "pct"), c(nil, "pct"))
		}
		status, style := x.l("完整", "complete"), "good"
		switch {
		case len(s.YTD.Incomplete) > 0, s.Progress != nil && s.Progress.Uncomputed && len(s.Progress.Base.Incomplete) > 0:
			// Not whole, or its target stands on a year not whole (not
			// computed): 说明 says which. A target whose year is not
			// among the files at all leaves the row's figures whole;
			// 说明 says the target needs it.
			status, style = x.l("不完整", "incomplete"), "warn"
		case s.YTD.ToVerify():
			status, style = x.l("待核实", "to verify"), "doubt"
		}
		// What is to verify, in any month shown (a stock's earlier month
		// too), after what is missing: one note for each.
		var doubts []reconcile.Text
		for m := 1; m <= 12; m++ {
			if s.Months[m].ToVerify() {
				doubts = appendTexts(doubts, s.Months[m].Doubtful...)
			}
		}
		if s.YTD.ToVerify() {
			doubts = appendTexts(doubts, s.YTD.Doubtful...)
		}
		if len(doubts) > 0 {
			if notes != "" {
				notes += "；"
			}
			notes += x.texts(doubts)
		}
		stock := def.Aggregation == reconcile.Latest
		last, level := s.LastLevel()
		switch {
		case stock && s.YTD.Has:
			// 本年累计 of a stock is a level, not a sum: said on its row.
			// Short enough for one line of 说明 (16 characters): a row's
			// height is its on every page of 汇总.
			notes = x.l(fmt.Sprintf("存量指标：%d月末数，不是各月之和；", x.r.AsOf.Month),
				fmt.Sprintf("a stock: the level at the end of %s, not a sum; ", x.monthName(x.r.AsOf.Month))) + notes
		case stock && last > 0:
			// The as-of month's level is not in: 本年累计 stays empty (it is
			// what the seal and a roll-up read), the last level is said.
			status = x.l(fmt.Sprintf("%d月无数据", x.r.AsOf.Month), fmt.Sprintf("no %s figure", x.monthName(x.r.AsOf.Month)))
			if x.unsent(def.Code) {
				status = x.l(fmt.Sprintf("%d月未报送", x.r.AsOf.Month), fmt.Sprintf("%s not submitted", x.monthName(x.r.AsOf.Month)))
			}
			style = "warn"
			notes = x.l(fmt.Sprintf("存量指标：没有%d月末数，最近报送的是%d月末的 %s；", x.r.AsOf.Month, last, level.Value),
				fmt.Sprintf("a stock: no level for the end of %s; the last one in is %s at the end of %s; ", x.monthName(x.r.AsOf.Month), level.Value, x.monthName(last))) + notes
		case !s.YTD.Has:
			status, style = x.l("无月报", "not monthly"), "grey"
		}
		notes = strings.TrimSuffix(strings.TrimSuffix(notes, "; "), "；") // a lead-in with nothing after it
		row = append(row, c(status, style), c(notes, "text"))
		rows = append(rows, row)
	}
	title := x.l(fmt.Sprintf("%d 年各指标逐月汇总（单位见“单位”列）", year), fmt.Sprintf("%d by indicator and month (units in the Unit column)", year))
	return x.table("figures", title, cols, rows, true)
}

// figureCell is a consolidated figure in its number style; one that is
// not whole (Incomplete: a rejected row, an unread sheet, a department's
// month not sent) in the amber of 不完整, empty or not.
// A roll-up's green 合计 row (goodamount) turns amber too.
//
// One whole but to verify (待核实: Figure.ToVerify) is in its orange.
func figureCell(f reconcile.Figure, style string) cell {
	if base := strings.TrimPrefix(style, "good"); base == "amount" || base == "count" || base == "rate" {
		switch {
		case len(f.Incomplete) > 0:
			style = "warn" + base
		case f.ToVerify():
			style = "doubt" + base
		}
	}
	if !f.Has {
		return c(nil, style)
	}
	return c(f.Value, style)
}

func (x *out) years() error {
	years := x.r.Years()
	cols := []column{{x.l("指标代码", "Code"), 8}, {x.l("指标", "Indicator"), x.nameWidth()}, {x.l("单位", "Unit"), 2}}
	for _, y := range years {
		cols = append(cols, column{fmt.Sprint(y), 6})
	}
	// The notes get a page section of their own, wide enough that the
	// rows stay short on the pages of figures.
	cols = append(cols, column{x.l("说明", "Notes"), 27})
	var rows [][]cell
	for i := range x.r.Series {
		s := &x.r.Series[i]
		ns := numStyle(s.Indicator)
		row := []cell{c(s.Indicator.Code, "plain"), c(s.Indicator.Name, "text"), c(s.Indicator.Unit.Name, "plain")}
		var notes []reconcile.Text
		for _, y := range years {
			fig := s.Years[y]
			row = append(row, figureCell(fig, ns))
			notes = append(notes, fig.Incomplete...)
			if fig.ToVerify() {
				notes = appendTexts(notes, fig.Doubtful...)
			}
		}
		rows = append(rows, append(row, c(x.texts(notes), "text")))
	}
	return x.table("years", x.l("各指标历年数值（年报与逐月汇总）", "Indicators by year (annual reports and monthly consolidation)"), cols, rows, true)
}

func (x *out) claims() error {
	cols := []column{
		{x.l("编号", "ID"), 6}, {x.l("报告原文（照录）", "Report text (verbatim)"), 14}, {x.l("报告行号", "Line"), 3},
		{x.l("指标", "Indicator"), 8}, {x.l("期间", "Period"), 5}, {x.l("限定词", "Qualifiers"), 4},
		{x.l("报告数", "Claimed"), 5}, {x.l("单位", "Unit"), 3}, {x.l("一致区间", "Consistent interval"), 9},
		{x.l("下限", "Low"), 5}, {x.l("上限", "High"), 5}, {x.l("计算值", "Computed"), 6},
		{x.l("差额", "Difference"), 5}, {x.l("结论", "Verdict"), 5}, {x.l("严重程度", "Severity"), 4},
		{x.l("说明", "Notes"), 14},
	}
	cols[0].width = idWidth(x.r.Claims)
	var rows [][]cell
	for i := range x.r.Claims {
		cr := &x.r.Claims[i]
		cl := cr.Claim
		ind := ""
		if def, ok := x.r.Spec.Indicator(cl.Indicator); ok {
			ind = def.Name
		}
		qs := make([]string, len(cl.Qualifiers))
		for j, q := range cl.Qualifiers {
			qs[j] = string(q)
		}
		unit := cl.Unit.Name
		period := cl.PeriodLabel()
		var line any
		if cl.Line > 0 {
			line = cl.Line
		}
		text := cl.Text
		if ind == "" { // the 指标 column cannot say what it speaks of
			text = x.r.Spec.Label(cl, x.lang)
		}
		row := []cell{c(cl.ID, "text"), c(text, "text"), c(line, "count"), c(ind, "text"), c(period, "plain"),
			c(strings.Join(qs, "、"), "plain"), c(cl.Value, "number"), c(unit, "plain"), c(cr.Interval.String(), "plain")}
		row = append(row, bound(cr.Interval.Lo, cr.Interval.NoLo), bound(cr.Interval.Hi, cr.Interval.NoHi))
		notes := x.texts(cr.Notes)
		switch {
		case cr.HasComputed && cr.Status == reconcile.Incomplete:
			// A partial sum (a month missing, a row rejected) is no value
			// to hold against the report's: marked partial, no difference,
			// and why in 说明.
			row = append(row, c(cr.Computed, "partial"), c(nil, "number"))
			why := x.l("计算值只含已有数据（部分值），不与报告数比较，不计差额", "the computed value holds the data there are only (partial): not compared with the report, no difference")
			if notes != "" {
				why += x.l("；", "; ") + notes
			}
			notes = why
		case cr.HasComputed:
			row = append(row, c(cr.Computed, "number"), c(cr.Difference, "number"))
		default:
			row = append(row, c(nil, "number"), c(nil, "number"))
		}
		sev := ""
		if cr.Status == reconcile.Mismatch {
			sev = cr.Severity.In(x.lang)
		}
		sevStyle := "plain"
		if sev != "" {
			sevStyle = x.severityStyle(cr.Severity)
		}
		row = append(row, c(x.verdict(cr), x.verdictStyle(cr)), c(sev, sevStyle), c(notes, "text"))
		rows = append(rows, row)
	}
	title := x.l("报告数字核对：报告数字成立的区间与汇总计算值（增长类单位为 %）", "Report figures: the interval each is consistent with, and the consolidated value (growth in %)")
	if from := x.r.Spec.ClaimsFrom.Text(); from != (reconcile.Text{}) {
		title += x.l("。来源：", ". From: ") + from.In(x.lang)
	}
	return x.table("claims", title, cols, rows, true)
}

// idWidth is the width of 报告核对's 编号 column: the longest id on one line
// (an id is ASCII, a width unit a Chinese character, grid.Width), at least
// the header's and at most maxIDWidth; a longer id wraps in its cell.
func idWidth(crs []reconcile.ClaimResult) float64 {
	const minIDWidth, maxIDWidth = 6, 12
	n := 0
	for i := range crs {
		n = max(n, len(crs[i].Claim.ID))
	}
	w := minIDWidth
	for w < maxIDWidth && grid.Width(w) < float64(n+1) {
		w++
	}
	return float64(w)
}

func bound(v decimal.Decimal, none bool) cell {
	if none {
		return c(nil, "number")
	}
	return c(v, "number")
}

func (x *out) findings() error {
	cols := []column{
		// Narrow enough to print at 8 points or more on a landscape page,
		// the long texts wrapping; 怎么办 is what the department does
		// about it (the desk's and the annotated copy's advice).
		{x.l("文件", "File"), 7}, {x.l("填报单位", "Department"), 4}, {x.l("报告期", "Period"), 3},
		{x.l("工作表", "Sheet"), 4}, {x.l("单元格", "Cell"), 2}, {x.l("原始内容", "Raw"), 4},
		{x.l("规则", "Rule"), 7}, {x.l("严重程度", "Severity"), 2}, {x.l("说明", "Message"), 12},
		{x.l("怎么办", "What to do"), 10},
	}
	var rows [][]cell
	for _, fd := range x.r.Findings {
		dept := fd.Department
		if d, ok := x.r.Spec.Department(fd.Department); ok {
			dept = d.Name
		}
		rows = append(rows, []cell{c(fd.File, "text"), c(dept, "plain"), c(fd.Period, "plain"), c(fd.Sheet, "plain"),
			c(fd.Cell, "plain"), c(fd.Raw, "text"), c(fd.Rule.Label(x.lang), "text"),
			c(fd.Severity.In(x.lang), x.severityStyle(fd.Severity)), c(fd.Message(x.lang), "text"), c(fd.Advice(x.lang), "text")})
	}
	if room := maxSheetRows - 2; len(rows) > room { // under the title and header
		more := len(rows) - room + 1
		rows = append(rows[:room-1], []cell{c(x.l(fmt.Sprintf("另有 %d 个问题未列出（超出 Excel 的行数上限），见 --json 输出", more),
			fmt.Sprintf("%d more findings not listed (past Excel's last row); see the --json output", more)), "text")})
	}
	return x.table("findings", x.l("问题清单：每个问题所在的文件、工作表和单元格", "Findings: each problem at its file, sheet and cell"), cols, rows, true)
}

func (x *out) inputs() error {
	cols := []column{
		{x.l("文件", "File"), 13}, {x.l("填报单位", "Department"), 4}, {x.l("报告期", "Period"), 3},
		{x.l("数据行", "Rows"), 3}, {x.l("状态", "Status"), 6}, {"SHA-256", 30},
	}
	var rows [][]cell
	for _, in := range x.r.Inputs {
		dept := in.Department
		if d, ok := x.r.Spec.Department(in.Department); ok {
			dept = d.Name
		}
		// A status in no colour (晚于截至月份，未汇总, 重复报送…) wraps in
		// its column: unwrapped, the cell beside it cut it off on screen
		// and on paper (报告期在截至月 of a later month's file).
		style := map[string]string{"ok": "good", "findings": "warn", "unreadable": "bad"}[in.Status]
		if style == "" {
			style = "text"
		}
		rows = append(rows, []cell{c(in.File, "text"), c(dept, "plain"), c(in.Period, "plain"), c(in.Rows, "count"),
			c(label(x.lang, inputStatus[in.Status]), style), c(in.SHA256, "plain")})
	}
	return x.table("inputs", x.l("来源文件及其 SHA-256 校验值", "Input files and their SHA-256"), cols, rows, true)
}

// unsent reports whether a department whose as-of month's tables carry
// indicator code has not submitted that month.
func (x *out) unsent(code string) bool {
	for _, st := range x.r.Status {
		if st.Period != x.r.AsOf || st.State != reconcile.Missing {
			continue
		}
		d, ok := x.r.Spec.Department(st.Department)
		if !ok {
			continue
		}
		for _, t := range d.TablesFor(st.Period) {
			if slices.Contains(t.IndicatorCodes(), code) {
				return true
			}
		}
	}
	return false
}
