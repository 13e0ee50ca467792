package templates

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

// ListsSheet holds drop-down lists too long for Excel's 255-character
// inline limit. It is hidden.
const ListsSheet = "_lists"

// validate adds data validation, with a Chinese prompt and error alert, to
// every input cell of rows first..last of table t.
func (w *writer) validate(t *reconcile.Table, first, last int) error {
	if last < first {
		return nil
	}
	for ci, c := range t.Columns {
		col, _ := excelize.ColumnNumberToName(ci + 1)
		area := fmt.Sprintf("%s%d:%s%d", col, first, col, last)
		topLeft := fmt.Sprintf("%s%d", col, first)
		var dvs []*excelize.DataValidation
		switch c.Role {
		case reconcile.RoleValue:
			if t.Rows != reconcile.Indicators {
				def, _ := w.s.Indicator(c.Indicator)
				dvs = append(dvs, numberRule(def, area, topLeft, c.Header))
				break
			}
			for li := range t.Lines {
				row := first + li
				if ind := t.IndicatorFor(c, &t.Lines[li]); ind != "" && row <= last {
					def, _ := w.s.Indicator(ind)
					ref := fmt.Sprintf("%s%d", col, row)
					dvs = append(dvs, numberRule(def, ref, ref, t.Lines[li].Label+" "+c.Header))
				}
			}
		case reconcile.RoleCode:
			dv := excelize.NewDataValidation(true)
			dv.Sqref = area
			if err := dv.SetRange(18, 18, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorEqual); err != nil {
				return err
			}
			prompt(dv, "统一社会信用代码", "18 位统一社会信用代码（数字和大写字母），tally 将核对最后一位校验码")
			dvs = append(dvs, dv)
		case reconcile.RoleName:
			if len(c.Choices) == 0 {
				continue
			}
			dv := excelize.NewDataValidation(true)
			dv.Sqref = area
			if err := w.list(dv, c.Choices); err != nil {
				return err
			}
			prompt(dv, strings.ReplaceAll(c.Header, "\n", ""), "请从下拉列表中选择")
			dvs = append(dvs, dv)
		}
		for _, dv := range dvs {
			if err := w.f.AddDataValidation(t.Sheet, dv); err != nil {
				return fmt.Errorf("validation of %s: %w", area, err)
			}
		}
	}
	return nil
}

// numberRule: a decimal with the indicator's precision (and not negative
// when it must not be), or a whole number for counts kept in whole units.
func numberRule(def *reconcile.Indicator, sqref, topLeft, header string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	sign, what := "", "数字"
	if def.NonNegative {
		sign, what = fmt.Sprintf(",%s>=0", topLeft), "不小于 0 的数字"
	}
	msg := fmt.Sprintf("以%s为单位的%s，最多 %d 位小数；无数据请留空", def.Unit.Name, what, def.Precision)
	if def.Precision == 0 {
		msg = fmt.Sprintf("以%s为单位的%s，须为整数；无数据请留空", def.Unit.Name, what)
	}
	// A custom rule states all three at once; stored without the leading =.
	dv.Type = "custom"
	dv.Formula1 = fmt.Sprintf("AND(ISNUMBER(%s)%s,ROUND(%s,%d)=%s)", topLeft, sign, topLeft, def.Precision, topLeft)
	prompt(dv, strings.ReplaceAll(header, "\n", " "), msg)
	return dv
}

// prompt sets the input message and a stop alert with the same advice,
// within Excel's limits (32 characters of title, 255 of message).
func prompt(dv *excelize.DataValidation, title, msg string) {
	title = clip(title, 32)
	msg = clip(msg, 255)
	dv.SetInput(title, msg)
	dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", "应填写："+msg)
}

func clip(s string, n int) string {
	r := []rune(s)
	for len(utf16.Encode(r)) > n {
		r = r[:len(r)-1]
	}
	return string(r)
}

// list makes dv a drop-down of choices: inline when it fits Excel's 255
// characters, otherwise from a range on the hidden list sheet.
func (w *writer) list(dv *excelize.DataValidation, choices []string) error {
	if len(utf16.Encode([]rune(strings.Join(choices, ",")))) <= 255 {
		return dv.SetDropList(choices)
	}
	f := w.f
	if _, err := f.GetSheetIndex(ListsSheet); err != nil || w.lists == 0 {
		if _, err := f.NewSheet(ListsSheet); err != nil {
			return err
		}
		if err := f.SetSheetVisible(ListsSheet, false); err != nil {
			return err
		}
	}
	first := w.lists + 1
	for _, c := range choices {
		w.lists++
		if err := f.SetCellStr(ListsSheet, fmt.Sprintf("A%d", w.lists), c); err != nil {
			return err
		}
	}
	dv.SetSqrefDropList(fmt.Sprintf("%s!$A$%d:$A$%d", ListsSheet, first, w.lists))
	return nil
}
