package reconcile

import (
	"fmt"
)

// Severity says how a finding weighs.
type Severity string

// Severities: an error blocks (强制性); a warning may be kept with an
// explanation (核实性); info records something accepted.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rule names a check. Its messages live in the catalogue below.
type Rule string

// Rules.
const (
	RuleUnreadable     Rule = "unreadable_file"
	RuleUnknownFile    Rule = "unknown_file"
	RuleDuplicateFile  Rule = "duplicate_submission"
	RuleMissingSheet   Rule = "missing_sheet"
	RuleMissingColumn  Rule = "missing_column"
	RuleNotANumber     Rule = "not_a_number"
	RuleTextNumber     Rule = "number_as_text"
	RuleNoCachedValue  Rule = "formula_without_value"
	RulePrecision      Rule = "precision"
	RuleNegative       Rule = "negative"
	RuleRequired       Rule = "required"
	RuleCreditCode     Rule = "credit_code"
	RuleUnknownLine    Rule = "unknown_line"
	RuleTotalMismatch  Rule = "total_mismatch"
	RuleNoTotal        Rule = "missing_total"
	RuleYTDChain       Rule = "ytd_chain"
	RuleYTDBelowMonth  Rule = "ytd_below_month"
	RuleMissing        Rule = "missing_submission"
	RuleDuplicateEntry Rule = "duplicate_row"
	RuleLate           Rule = "late_submission"
	RuleSpec           Rule = "spec_rule"
	RuleHiddenCell     Rule = "hidden_cell"
	RuleOutsideArea    Rule = "outside_input_area"
	RuleCodeNames      Rule = "credit_code_names"
	RuleAppears        Rule = "entity_appears"
	RuleNoFingerprint  Rule = "not_a_template"
	RuleWrongTemplate  Rule = "wrong_template"
	RuleOldTemplate    Rule = "old_template"
	RuleChoice         Rule = "not_a_choice"
	RuleRange          Rule = "out_of_range"
	RuleDisappears     Rule = "entity_disappears"
	// Rules of hostile or damaged input (issue 11).
	RuleUnreadableFolder Rule = "unreadable_folder"
	RuleNotAnnotated     Rule = "not_annotated"
	RuleTooManyFindings  Rule = "too_many_findings"
	RuleLongText         Rule = "long_text"
)

// Finding is one problem, at its place.
type Finding struct {
	Source
	Department string
	Period     string
	Rule       Rule
	Severity   Severity
	Raw        string
	Args       []any // the message's parameters, in catalogue order
	// Explanation is what the department wrote in the row's 说明 column;
	// a warning with one is explained (核实性, kept with its reason).
	Explanation string
}

// Lang selects the language of messages and the workbook.
type Lang string

// Languages. Chinese is the default: departments read the messages.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

var catalogue = map[Rule][2]string{
	RuleUnreadable:       {"无法读取文件：%v", "cannot read the file: %v"},
	RuleUnknownFile:      {"无法判断填报单位和报告期：%v", "cannot tell the department and period: %v"},
	RuleDuplicateFile:    {"同一单位同一报告期重复报送，已采用 %v", "the same department and period was submitted twice; %v is used"},
	RuleMissingSheet:     {"缺少工作表“%v”", "sheet %q is missing"},
	RuleMissingColumn:    {"找不到表头“%v”，该表未读取", "header %q not found; the sheet was not read"},
	RuleNotANumber:       {"“%v”不是数字，应填写%v", "%q is not a number; expected %v"},
	RuleTextNumber:       {"数字以文本形式填写，已按 %v 接收", "a number typed as text, accepted as %v"},
	RuleNoCachedValue:    {"公式 =%v 没有计算结果，请在 Excel 中重新计算后保存", "formula =%v has no cached value; recalculate and save in Excel"},
	RulePrecision:        {"%v 的小数位数超过规定的 %v 位", "%v has more than the declared %v decimal places"},
	RuleNegative:         {"%v 不应为负数", "%v must not be negative"},
	RuleRequired:         {"必填项为空", "required cell is empty"},
	RuleCreditCode:       {"统一社会信用代码“%v”%v", "unified social credit code %q %v"},
	RuleUnknownLine:      {"行“%v”不是本表的指标", "row %q is not an indicator of this table"},
	RuleTotalMismatch:    {"合计 %v 与各行之和 %v 不符，相差 %v", "total %v is not the sum of the rows %v, difference %v"},
	RuleNoTotal:          {"没有合计行", "no 合计 (total) row"},
	RuleYTDChain:         {"本年累计 %v 不等于上月（%v）累计 %v 加本月 %v（应为 %v，修订 %v）", "year-to-date %v is not last month's (%v) %v plus this month's %v (expected %v, revised by %v)"},
	RuleYTDBelowMonth:    {"本年累计 %v 小于本月 %v", "year-to-date %v is less than this month's %v"},
	RuleMissing:          {"%v %v 未报送", "%v %v has not been submitted"},
	RuleDuplicateEntry:   {"“%v”在本表中重复出现（第 %v 行）", "%q appears twice in this table (row %v)"},
	RuleLate:             {"逾期报送：文件保存于 %v，截止日期为 %v", "submitted late: saved %v, due %v"},
	RuleSpec:             {"审核公式 %v（%v）不成立：%v（左边 %v，右边 %v）", "rule %v (%v) does not hold: %v (left %v, right %v)"},
	RuleHiddenCell:       {"数值 %v 位于隐藏的%v中，请取消隐藏并核实", "%v is in a hidden %v; unhide it and check"},
	RuleOutsideArea:      {"“%v”填在填报区域之外，未汇总", "%q is outside the input area and was not consolidated"},
	RuleCodeNames:        {"统一社会信用代码 %v 在 %v 中对应“%v”，此处为“%v”", "credit code %v is %q in %v but %q here"},
	RuleNoFingerprint:    {"不是由 tally 模板生成的文件（可能是自制表格），已按表头读取，请改用下发的模板", "not made from a tally template (a hand-made look-alike?); read by its headers; use the template issued"},
	RuleWrongTemplate:    {"文件名表明是 %v，但所用模板是 %v 的，请用本期模板重新填报", "the name says %v but the template is for %v; fill in this period's template"},
	RuleOldTemplate:      {"模板版本已过期（%v，版式 %v），已按表头读取，请改用最新模板", "made from an older template (%v, layout %v); read by its headers; use the current template"},
	RuleRange:            {"%v 超出允许范围 %v", "%v is outside the allowed range %v"},
	RuleChoice:           {"“%v”不在下拉列表中", "%q is not one of the listed choices"},
	RuleAppears:          {"“%v”本月新出现（上月 %v 无此行）", "%q appears this month (not in %v)"},
	RuleDisappears:       {"“%v”上月（%v）有、本月无", "%q was in %v and is gone this month"},
	RuleUnreadableFolder: {"无法读取文件夹，其中的文件未检查：%v", "cannot read the folder; the files in it were not checked: %v"},
	RuleNotAnnotated:     {"未能写出批注副本：%v", "the annotated copy could not be written: %v"},
	RuleTooManyFindings:  {"本文件问题过多，只列出前 %v 个，另有 %v 个未列出（其中错误 %v 个）", "too many findings in this file: the first %v are listed, %v more are not (%v of them errors)"},
	RuleLongText:         {"单元格内容长 %v 个字符，问题说明中只显示前 %v 个", "the cell holds %v characters; findings show the first %v"},
}

// Text is a message argument that reads differently in each language:
// {Chinese, English}.
type Text [2]string

// In returns the text in lang.
func (t Text) In(lang Lang) string {
	if lang == English {
		return t[1]
	}
	return t[0]
}

// Message renders the finding in lang.
func (f Finding) Message(lang Lang) string {
	t, ok := catalogue[f.Rule]
	if !ok {
		return string(f.Rule)
	}
	args := make([]any, len(f.Args))
	for i, a := range f.Args {
		if x, ok := a.(Text); ok {
			a = x.In(lang)
		}
		args[i] = a
	}
	return fmt.Sprintf(Text(t).In(lang), args...)
}
