package templates

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
)

// InstructionsSheet is the first sheet of every template: what to fill,
// in which units, what tally will check, by when and whom to ask.
const InstructionsSheet = "填报说明"

// instructions describes the 填报说明 sheet: what to fill, in which units,
// what tally checks, by when and whom to ask.
func (w *writer) instructions(tables []*reconcile.Table) *grid.Sheet {
	var lines []string
	add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	add("%s%s报表填报说明（%s）", w.s.Town, w.d.Name, periodLabel(w.p))
	add("")
	add("填报单位：%s", w.d.Name)
	add("报告期：%s", periodLabel(w.p))
	if w.s.Deadline > 0 && w.p.IsMonth() {
		next := reconcile.Period{Year: w.p.Year, Month: w.p.Month + 1}
		if w.p.Month == 12 {
			next = reconcile.Period{Year: w.p.Year + 1, Month: 1}
		}
		add("报送截止：%d年%d月%d日", next.Year, next.Month, w.s.Deadline)
	}
	if w.s.Contact != "" {
		add("联系：%s", w.s.Contact)
	}
	if w.opt.Prefilled != "" {
		add("")
		add("预填：本表已按 %s 预填，请逐项核对后再填写本月数字。", w.opt.Prefilled)
		for _, n := range w.opt.PrefillNotes {
			add("  · %s", n)
		}
	}
	add("")
	add("一、填写什么")
	for _, t := range tables {
		what := map[reconcile.RowKind]string{reconcile.Enterprise: "每行一家企业", reconcile.Project: "每行一个项目",
			reconcile.Village: "每行一个村（居）", reconcile.Item: "每行一个收入项目", reconcile.Indicators: "每行一个指标（已列出）"}[t.Rows]
		add("工作表“%s”：%s。%s；只在白色单元格中填写。", t.Sheet, t.Title, what)
		for _, c := range t.Columns {
			switch {
			case c.Role == reconcile.RoleCode:
				add("  · 统一社会信用代码：18 位，数字和大写字母。")
			case c.Role == reconcile.RoleNote:
				add("  · 说明：某个数字异常但属实时，在同一行写明原因，审核时视为已说明。")
			case c.Role == reconcile.RoleValue && t.Rows != reconcile.Indicators:
				def, _ := w.s.Indicator(c.Indicator)
				add("  · %s：以%s为单位，%s。", strings.ReplaceAll(c.Header, "\n", " "), def.Unit.Name, precisionText(def))
			}
		}
		if t.Rows == reconcile.Indicators {
			for _, l := range t.Lines {
				for _, code := range []string{l.Flow, l.Stock} {
					if def, ok := w.s.Indicator(code); ok {
						add("  · %s（%s）：以%s为单位，%s。", l.Label, def.Name, def.Unit.Name, precisionText(def))
					}
				}
			}
		}
	}
	add("")
	add("二、tally 审核什么（有错误的文件将退回）")
	// Only what this sheet has: no 合计 row on a form of indicator lines, no
	// credit code where no column asks for one, no 本年累计 without its column.
	var totals, codes, ytd, entities bool
	for _, t := range tables {
		totals = totals || t.Rows != reconcile.Indicators
		entities = entities || t.Rows != reconcile.Indicators
		for _, c := range t.Columns {
			codes = codes || c.Role == reconcile.RoleCode
			ytd = ytd || c.Role == reconcile.RoleValue && c.Measure == reconcile.YTDValue
		}
	}
	add("  · 数字须为数字：不要输入文字、单位或空格。")
	add("  · 已填写的行（及已列出的指标行）每个数字都必须填写：%s；空单元格表示未报送，审核时退回。不用的行整行留空。", reconcile.NoneRule[0])
	if totals {
		add("  · 合计行由公式计算，等于各行之和；请勿改动表头、工作表名称和合计行。")
	} else {
		add("  · 请勿改动表头、工作表名称和已列出的指标名称。")
	}
	if ytd {
		add("  · 本年累计 = 上月本年累计 + 本月；1 月的本年累计等于本月。")
	}
	switch {
	case codes:
		add("  · 统一社会信用代码须为 18 位，校验位正确；同一企业不要重复填写。")
	case entities:
		add("  · 同一名称只填一行，不要重复填写。")
	}
	// The spec's 审核公式, said in their own plain words: those over this
	// department's figures only, as checks of the file; those that compare
	// them with another department's, as what the office compares when it
	// consolidates (the department cannot check the other's figures).
	mine := map[string]bool{}
	for _, t := range tables {
		for _, code := range t.IndicatorCodes() {
			mine[code] = true
		}
	}
	var across []string
	for _, r := range w.s.Rules {
		ours, others := false, []string{}
		r.Expr.Refs(func(ref *reconcile.Ref) {
			if mine[ref.Name] {
				ours = true
				return
			}
			for _, d := range w.owners(ref.Name) {
				if !slices.Contains(others, d) {
					others = append(others, d)
				}
			}
		})
		if !ours {
			continue
		}
		kind := map[reconcile.Severity]string{reconcile.Error: "错误", reconcile.Warning: "需说明"}[r.Severity]
		if len(others) == 0 {
			add("  · %s（%s）。", strings.TrimRight(r.Message, "。"), kind)
			continue
		}
		across = append(across, fmt.Sprintf("%s（与%s报送的数字比较）", strings.TrimRight(r.Message, "。"), strings.Join(others, "、")))
	}
	if len(across) > 0 {
		add("  · 财政所汇总时还会核对：%s；如有不符，财政所会与本单位联系。", strings.Join(across, "；"))
	}
	add("")
	add("三、报送")
	add("  · 保存为 .xlsx（不要另存为 .xls 或加密码），文件名保持 %s。", FileName(w.d, w.p))
	// Narrow enough to print on A4 portrait at 100% (a renderer that does
	// not scale to the page, LibreOffice among them, would cut a wider
	// column at the right edge); long lines wrap within the cell.
	const width = 86
	sh := &grid.Sheet{Name: InstructionsSheet, Widths: []float64{width}, Heights: map[int]float64{}, Print: &grid.Print{}}
	for i, l := range lines {
		st := grid.Style{Role: grid.Paragraph}
		if i == 0 {
			st = grid.Style{Role: grid.Heading}
		}
		l = breakLine(l, width-6)
		put(sh, 1, i+1, grid.TextValue(l), st)
		if n := grid.Lines(l, width); n > 1 {
			sh.Heights[i+1] = float64(n) * grid.LineHeight
		}
	}
	return sh
}

// breakLine breaks a long line of the sheet with line feeds so that no
// printed line comes near the cell's edge: a renderer's own wrapping there
// (LibreOffice printing CJK text) can lose the last characters past it.
// It breaks after punctuation where it can (。；，、：), and indents what
// follows a bullet under the bullet's text.
func breakLine(l string, limit int) string {
	if grid.Lines(l, float64(limit)+1) <= 1 {
		return l
	}
	indent := ""
	if strings.HasPrefix(l, "  · ") {
		indent = "    "
	}
	var out []string
	rs := []rune(l)
	for len(rs) > 0 {
		w, cut, last := 0, len(rs), -1
		for i, r := range rs {
			rw := 1
			if r >= 0x2E80 {
				rw = 2
			}
			if w+rw > limit {
				cut = i
				break
			}
			w += rw
			if strings.ContainsRune("。；，、：", r) {
				last = i + 1
			}
		}
		if cut < len(rs) && last > cut/2 {
			cut = last
		}
		out = append(out, string(rs[:cut]))
		rs = []rune(indent + string(rs[cut:]))
		if cut == len(rs) || strings.TrimSpace(string(rs)) == "" {
			break
		}
	}
	return strings.Join(out, "\n")
}

// owners names the departments whose tables carry an indicator.
func (w *writer) owners(code string) []string {
	var out []string
	for _, d := range w.s.Departments {
		for i := range d.Tables {
			if slices.Contains(d.Tables[i].IndicatorCodes(), code) && !slices.Contains(out, d.Name) {
				out = append(out, d.Name)
			}
		}
	}
	return out
}

func precisionText(def *reconcile.Indicator) string {
	sign := ""
	if def.NonNegative {
		sign = "不得为负，"
	}
	if def.Precision == 0 {
		return sign + "填整数"
	}
	return fmt.Sprintf("%s最多 %d 位小数", sign, def.Precision)
}
