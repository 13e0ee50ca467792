package templates

import (
	"fmt"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
)

// validate adds input rules, each with a Chinese prompt and error alert,
// to every input cell of rows first..last of table t.
func (w *writer) validate(sh *grid.Sheet, t *reconcile.Table, first, last int) {
	if last < first {
		return
	}
	for ci, c := range t.Columns {
		col := ci + 1
		area := grid.Range{From: grid.Pos{Col: col, Row: first}, To: grid.Pos{Col: col, Row: last}}
		switch c.Role {
		case reconcile.RoleValue:
			if t.Rows != reconcile.Indicators {
				def, _ := w.s.Indicator(c.Indicator)
				sh.Validations = append(sh.Validations, numberRule(def, area, c.Header))
				break
			}
			for li := range t.Lines {
				row := first + li
				if ind := t.IndicatorFor(c, &t.Lines[li]); ind != "" && row <= last {
					def, _ := w.s.Indicator(ind)
					cell := grid.Pos{Col: col, Row: row}
					sh.Validations = append(sh.Validations, numberRule(def, grid.Range{From: cell, To: cell}, t.Lines[li].Label+" "+c.Header))
				}
			}
		case reconcile.RoleCode:
			sh.Validations = append(sh.Validations, prompt(grid.Validation{Range: area, Rule: grid.Rule{Kind: grid.Length, Length: 18}},
				"统一社会信用代码", "18 位统一社会信用代码（数字和大写字母），tally 将核对最后一位校验码"))
		case reconcile.RoleName:
			if len(c.Choices) == 0 {
				continue
			}
			sh.Validations = append(sh.Validations, prompt(grid.Validation{Range: area, Rule: grid.Rule{Kind: grid.Choice, Choices: c.Choices}},
				strings.ReplaceAll(c.Header, "\n", ""), "请从下拉列表中选择"))
		}
	}
}

// numberRule: a decimal with the indicator's precision (and not negative
// when it must not be), or a whole number for counts kept in whole units.
func numberRule(def *reconcile.Indicator, area grid.Range, header string) grid.Validation {
	what := "数字"
	if def.NonNegative {
		what = "不小于 0 的数字"
	}
	msg := fmt.Sprintf("以%s为单位的%s，最多 %d 位小数；%s", def.Unit.Name, what, def.Precision, reconcile.NoneRule[0])
	if def.Precision == 0 {
		msg = fmt.Sprintf("以%s为单位的%s，须为整数；%s", def.Unit.Name, what, reconcile.NoneRule[0])
	}
	v := grid.Validation{Range: area, Rule: grid.Rule{Kind: grid.Decimal, Places: def.Precision, NonNegative: def.NonNegative}}
	return prompt(v, strings.ReplaceAll(header, "\n", " "), msg)
}

// prompt gives v an input message and a stop alert with the same advice.
// The renderer keeps them within the format's limits.
func prompt(v grid.Validation, title, msg string) grid.Validation {
	v.Title, v.Prompt = title, msg
	v.ErrorTitle, v.Error = "输入有误", "应填写："+msg
	return v
}
