package templates

import (
	"fmt"
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
	add("  · 数字须为数字：不要输入文字、单位或空格。")
	add("  · 已填写的行（及已列出的指标行）每个数字都必须填写：%s；空单元格表示未报送，审核时退回。不用的行整行留空。", reconcile.NoneRule[0])
	add("  · 合计行由公式计算，等于各行之和；请勿改动表头、工作表名称和合计行。")
	add("  · 本年累计 = 上月本年累计 + 本月；1 月的本年累计等于本月。")
	add("  · 统一社会信用代码的校验位；同一企业不要重复填写。")
	mine := map[string]bool{}
	for _, t := range tables {
		for _, code := range t.IndicatorCodes() {
			mine[code] = true
		}
	}
	for _, r := range w.s.Rules {
		applies := false
		r.Expr.Refs(func(ref *reconcile.Ref) { applies = applies || mine[ref.Name] })
		if !applies {
			continue
		}
		kind := map[reconcile.Severity]string{reconcile.Error: "错误", reconcile.Warning: "需说明"}[r.Severity]
		add("  · %s（%s）：%s", r.Message, kind, r.Text)
	}
	add("")
	add("三、报送")
	add("  · 保存为 .xlsx（不要另存为 .xls 或加密码），文件名保持 %s。", FileName(w.d, w.p))
	const width = 100
	sh := &grid.Sheet{Name: InstructionsSheet, Widths: []float64{width}, Heights: map[int]float64{}, Print: &grid.Print{}}
	for i, l := range lines {
		st := grid.Style{Role: grid.Paragraph}
		if i == 0 {
			st = grid.Style{Role: grid.Heading}
		}
		put(sh, 1, i+1, grid.TextValue(l), st)
		if n := grid.Lines(l, width); n > 1 {
			sh.Heights[i+1] = float64(n) * grid.LineHeight
		}
	}
	return sh
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
