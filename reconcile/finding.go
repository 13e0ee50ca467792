package reconcile

import (
	"fmt"
	"sort"
	"strings"
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
	RuleUnreadable    Rule = "unreadable_file"
	RuleUnknownFile   Rule = "unknown_file"
	RuleDuplicateFile Rule = "duplicate_submission"
	RuleDuplicateUsed Rule = "duplicate_submission_used"
	RuleMissingSheet  Rule = "missing_sheet"
	RuleMissingColumn Rule = "missing_column"
	RuleNotANumber    Rule = "not_a_number"
	RuleTextNumber    Rule = "number_as_text"
	RuleDate          Rule = "date_not_a_figure"
	RuleFooter        Rule = "not_data"
	RuleOtherSheet    Rule = "other_sheet"
	RuleODSName       Rule = "ods_named_xlsx"
	RuleBelowTotal    Rule = "below_total"
	RuleFooterFigures Rule = "not_data_with_figures"
	// RuleSubtotal is a 小计 row a department added among the rows, or a
	// row whose figures are formulas summing other rows of its column: its
	// figures are not consolidated (they would count those rows twice),
	// nothing is missing from the total, and it is a warning.
	RuleSubtotal     Rule = "subtotal_row"
	RuleSecondTotal  Rule = "second_total"
	RuleNotAnInput   Rule = "not_an_input"
	RuleTotalNoValue Rule = "total_formula_without_value"
	RuleSumSkipsText Rule = "total_skips_text"
	// RuleTextBreaksFormula: a 本月 typed as text that tally accepted, which
	// makes the template's 本年累计 formula using it show #VALUE! on the
	// department's own sheet.
	RuleTextBreaksFormula Rule = "text_breaks_formula"
	RuleNoCachedValue     Rule = "formula_without_value"
	RuleFormulaError      Rule = "formula_error"
	RuleFormulaDiffers    Rule = "formula_result_differs"
	RulePrecision         Rule = "precision"
	RuleNegative          Rule = "negative"
	RuleRequired          Rule = "required"
	RuleNoFigure          Rule = "required_no_figure"
	RuleCreditCode        Rule = "credit_code"
	RuleUnknownLine       Rule = "unknown_line"
	RuleTotalMismatch     Rule = "total_mismatch"
	// RuleTotalRange: a 合计 formula, a plain SUM of its column, that
	// leaves out data rows above it (a row inserted at the first data
	// row or right above the 合计): an error, said at the 合计 cell.
	RuleTotalRange    Rule = "total_range_omits_rows"
	RuleNoTotal       Rule = "missing_total"
	RuleYTDChain      Rule = "ytd_chain"
	RuleYTDBelowMonth Rule = "ytd_below_month"
	// RuleMonthJump: a 本月 figure far out of line with its row's other
	// months (a figure in 元 typed into a 万元 column): a warning.
	RuleMonthJump Rule = "month_jump"
	// RuleStockDrop: a level (期末数) fallen to a small fraction of the
	// row's level last month: a warning.
	RuleStockDrop      Rule = "stock_drop"
	RuleMissing        Rule = "missing_submission"
	RuleDuplicateEntry Rule = "duplicate_row"
	RuleDuplicateCode  Rule = "duplicate_credit_code"
	RuleLate           Rule = "late_submission"
	// RuleLateUpload is late_submission judged by the day the office
	// received the file (the web desk's upload), not the date it records.
	RuleLateUpload  Rule = "late_upload"
	RuleSpec        Rule = "spec_rule"
	RuleHiddenCell  Rule = "hidden_cell"
	RuleOutsideArea Rule = "outside_input_area"
	RuleMergedCell  Rule = "merged_cell"
	// RuleMergedBlank is a value cell a merge of cells took in: the sheet
	// shows the first cell's figure over it, and it holds none. It stands
	// in place of the cell's required finding (an error: the row lacks a
	// figure), said at the merge's first cell in an annotated copy.
	RuleMergedBlank  Rule = "merged_blank"
	RuleHiddenSheet  Rule = "hidden_sheet"
	RuleFormatScales Rule = "format_scales"
	// RuleFormatText is a figure whose number format shows text of its
	// own in place of its digits ("110.23" shows 110.23 whatever the cell
	// stores).
	RuleFormatText      Rule = "format_shows_text"
	RuleDuplicateHeader Rule = "duplicate_header"
	RuleFontHides       Rule = "font_hides_value"
	// RuleCondHides is a figure a conditional format sets in the colour of
	// its background.
	RuleCondHides   Rule = "conditional_hides_value"
	RuleFormatHides Rule = "format_hides_value"
	RuleCodeNames   Rule = "credit_code_names"
	// RuleCodeChanged: a row whose name had another valid credit code in
	// the department's last month (or its template): a warning, the
	// department says which is right.
	RuleCodeChanged   Rule = "credit_code_changed"
	RuleAppears       Rule = "entity_appears"
	RuleNoFingerprint Rule = "not_a_template"
	RuleWrongTemplate Rule = "wrong_template"
	RuleOldTemplate   Rule = "old_template"
	RuleChoice        Rule = "not_a_choice"
	RuleRange         Rule = "out_of_range"
	// RuleFollows: a formula cell that breaks a cell check only because
	// the cell of its row it refers to does (本年累计 = …+C4, C4 in 元):
	// an info naming the cause, which has the finding.
	RuleFollows    Rule = "follows_from"
	RuleDisappears Rule = "entity_disappears"
	// Rules of hostile or damaged input (issue 11).
	RuleUnreadableFolder Rule = "unreadable_folder"
	RuleNotAnnotated     Rule = "not_annotated"
	RuleTooManyFindings  Rule = "too_many_findings"
	RuleLongText         Rule = "long_text"
	// A check that would hold more than a named limit in memory (stream.go).
	RuleNotChecked Rule = "not_checked"
	// An input that is a consolidated workbook tally wrote, not a
	// submission (an earlier run's -o saved among the submissions).
	RuleOwnWorkbook Rule = "consolidated_workbook"
	// An input that is an annotated copy tally wrote (check --annotate,
	// the desk's copy) and nobody has saved since: a copy of a return,
	// not a return (its --annotate folder kept inside the returns').
	RuleAnnotatedCopy Rule = "annotated_copy"
	// An input that is a template tally template wrote and nobody has
	// filled in since (its -o folder kept inside the returns').
	RuleUnfilledTemplate Rule = "unfilled_template"
	// Byte-identical copies of one file, and several paths to one file
	// (links): read or consolidated once.
	RuleIdenticalCopy Rule = "identical_copy"
	RuleSameFile      Rule = "same_file"
	// A file in a folder read that is neither a spreadsheet nor named as
	// a submission (notes, a PDF, a report): listed once and skipped,
	// never in silence.
	RuleNotSubmission Rule = "not_submission"
	// A file named as a return but no spreadsheet (a stamped PDF, a CSV)
	// beside a readable return of its month, which counts.
	RuleCompanion Rule = "companion_file"
	// A past year's 年报 beside monthly returns of that year: the 年报 is
	// the year's figure; December's 本年累计 that differs is a warning.
	RuleAnnualDiffers    Rule = "annual_differs"
	RuleAnnualOverMonths Rule = "annual_over_months"
	// RuleOtherYear: monthly returns of another year than the run's,
	// not all of that year's months: read for that year's figures (历年,
	// 同比, a target relative to it), owed by no one in this run, so no
	// month of that year is 未报送. An info, once per year.
	RuleOtherYear Rule = "other_year_months"
	// A file recording a save time after the run's clock: impossible, so
	// not believed (neither lateness nor the choice between files).
	RuleFutureSave Rule = "future_save_time"
	// A figure that is another workbook's cell (a formula with an
	// external reference): read through its cached value, and said.
	RuleExternalLink Rule = "external_link"
	// A title above a table that states another month than the file is
	// consolidated as.
	RulePeriodDiffers Rule = "period_differs"
	// RuleFigureInNote: a data row's 说明 that is a plain number (1234.5,
	// -3,000, 56万元), not words: a figure typed one column too far,
	// which the 说明 keeps as a note and no total counts. An info at the
	// 说明 cell; a sentence with a number in it is a note, not this.
	RuleFigureInNote Rule = "figure_in_note"
	// RuleNoFigures: a file whose tables were read holds no figure in any
	// value cell (a blank template sent back): an error, so the month is
	// 退回, not 已报送 with nothing in it.
	RuleNoFigures Rule = "no_figures"
)

// Finding is one problem, at its place.
type Finding struct {
	Source
	Department string
	Period     string
	Rule       Rule
	Severity   Severity
	Raw        string
	// Fields are the message's named values (see the catalogue); each
	// language's text places them by name.
	Fields Fields
	// Explanation is what the department wrote in the row's 说明 column;
	// a warning with one is explained (核实性, kept with its reason).
	Explanation string
	// Cells are the cells of a run merged into this one finding
	// (GroupRuns), whose Cell is then their range; nil for one cell.
	Cells []string
}

// Fields are a message's named values. A value is a string, a number or a
// Text, which reads differently in each language.
type Fields map[string]any

// Lang selects the language of messages and the workbook.
type Lang string

// Languages. Chinese is the default: departments read the messages.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// message is a rule's entry in the catalogue: its name and its text in
// both languages, the text placing named fields as {field}.
type message struct {
	name Text
	text Text
}

var catalogue = map[Rule]message{
	RuleUnreadable: {Text{"文件无法读取", "unreadable file"},
		Text{"无法读取文件：{reason}", "cannot read the file: {reason}"}},
	RuleUnknownFile: {Text{"无法识别的文件", "unidentified file"},
		Text{"无法判断填报单位和报告期：{reason}", "cannot tell the department and period: {reason}"}},
	RuleDuplicateFile: {Text{"重复报送", "duplicate submission"},
		Text{"同一单位同一报告期另有文件 {used}（{saves}），按“文件名与所用模板相符者优先，其次保存时间较晚者优先，再次以期别和单位命名者优先，最后文件名较后者优先”采用该文件，本文件未汇总",
			"another file for the same department and period, {used} ({saves}), counts by the rule “a name that agrees with the template it was filled in, then the later save time, then a name starting with its period and department, then the later name”; this file was not consolidated"}},
	RuleDuplicateUsed: {Text{"重复报送（采用本文件）", "duplicate submission (this one counts)"},
		Text{"同一单位同一报告期另有文件 {other}，按“文件名与所用模板相符者优先，其次保存时间较晚者优先，再次以期别和单位命名者优先，最后文件名较后者优先”采用本文件",
			"another file for the same department and period, {other}, was also sent; this file counts by the rule “a name that agrees with the template it was filled in, then the later save time, then a name starting with its period and department, then the later name”"}},
	RuleMissingSheet: {Text{"缺少工作表", "missing sheet"},
		Text{"缺少工作表“{sheet}”{renamed}", "sheet \"{sheet}\" is missing{renamed}"}},
	RuleMissingColumn: {Text{"缺少表头", "missing header"},
		Text{"找不到表头“{header}”{found}，该表未读取", "header \"{header}\" not found{found}; the sheet was not read"}},
	RuleNotANumber: {Text{"不是数字", "not a number"},
		Text{"“{raw}”不是数字，应填写{expected}", "\"{raw}\" is not a number; expected {expected}"}},
	RuleTextNumber: {Text{"文本型数字", "number typed as text"},
		Text{"数字以文本形式填写，已按 {value} 接收", "a number typed as text, accepted as {value}"}},
	RuleNoCachedValue: {Text{"公式无计算结果", "formula without value"},
		Text{"公式 ={formula} 没有计算结果，请在 Excel 中重新计算后保存", "formula ={formula} has no cached value; recalculate and save in Excel"}},
	RuleFormulaError: {Text{"公式结果为错误值", "formula gives an error"},
		Text{"公式 ={formula} 的结果是错误值 {raw}，不是数字：请检查它引用的单元格", "formula ={formula} gives the error {raw}, not a number: check the cells it refers to"}},
	RuleFormulaDiffers: {Text{"公式结果与计算不符", "formula result differs"},
		Text{"公式 ={formula} 按所引用的单元格应得 {expected}，文件中保存的结果却是 {cached}（可能未重新计算）", "formula ={formula} gives {expected} from the cells it refers to, but the file holds {cached} (not recalculated?)"}},
	RulePrecision: {Text{"小数位数超限", "too many decimal places"},
		Text{"{value} 的小数位数超过规定的 {places} 位", "{value} has more than the declared {places} decimal places"}},
	RuleNegative: {Text{"负数", "negative figure"},
		Text{"{value} 不应为负数", "{value} must not be negative"}},
	RuleRequired: {Text{"必填项为空", "required cell empty"},
		Text{"必填项为空，请填写数字（" + NoneRule[0] + "）", "required cell is empty; " + NoneRule[1]}},
	RuleNoFigure: {Text{"必填项未填数字", "no figure in a required cell"},
		Text{"此处填写了“{raw}”（表示无数据），但本项必填，请填写数字（" + NoneRule[0] + "）", "\"{raw}\" (no figure) in a required cell; " + NoneRule[1]}},
	RuleCreditCode: {Text{"统一社会信用代码校验", "credit code check"},
		Text{"统一社会信用代码{code}{problem}", "the unified social credit code{code} {problem}"}},
	RuleUnknownLine: {Text{"未知行", "unknown row"},
		Text{"行“{line}”不是本表的指标", "row \"{line}\" is not an indicator of this table"}},
	RuleTotalMismatch: {Text{"合计不符", "total mismatch"},
		Text{"合计 {total} 与各行之和 {sum} 不符，相差 {diff}", "total {total} is not the sum of the rows {sum}, difference {diff}"}},
	RuleTotalRange: {Text{"合计公式漏行", "total formula leaves out rows"},
		Text{"合计公式 {formula}{others} 的求和范围没有包括{rows}：tally 已读取这些行的数字，但表中的合计漏算了它们（在第一个数据行处或紧挨合计行上方插入的行，不在原有公式的范围内）",
			"the 合计 formula {formula}{others} leaves out {rows}: tally read the figures there, but the sheet's own total does not count them (a row inserted at the first data row or right above the 合计 falls outside the formula's range)"}},
	RuleNoTotal: {Text{"缺少合计行", "no total row"},
		Text{"没有合计行", "no 合计 (total) row"}},
	RuleYTDChain: {Text{"本年累计衔接", "year-to-date chain"},
		Text{"本年累计 {ytd} 不等于上月（{prev}）累计 {prev_ytd} 加本月 {month}，应改为 {expected}（现填数{off}）",
			"year-to-date {ytd} is not last month's ({prev}) {prev_ytd} plus this month's {month}: it should be {expected} (it is {off})"}},
	RuleYTDBelowMonth: {Text{"本年累计小于本月", "year-to-date below month"},
		Text{"本年累计 {ytd} 小于本月 {month}", "year-to-date {ytd} is less than this month's {month}"}},
	RuleMonthJump: {Text{"本月数异常", "month out of line"},
		Text{"本月 {value} {unit}，为该行{months}{stat} {median} {unit}的 {times} 倍，{hint}",
			"this month's {value} {unit} is {times} times the {stat} {median} {unit} of the row's {months}: {hint}"}},
	RuleStockDrop: {Text{"期末数骤降", "level collapses"},
		Text{"{header} {value} {unit}，仅为上月（{prev}）{prev_value} {unit}的 {share}；存量一般不会骤降，请核实是否误填了本月或本年累计的新增数",
			"{header} {value} {unit} is only {share} of last month's ({prev}) {prev_value} {unit}: a level seldom falls so; check that this month's or the year's additions were not typed in its place"}},
	RuleMissing: {Text{"未报送", "not submitted"},
		Text{"{department} {period} 未报送", "{department} {period} has not been submitted"}},
	RuleDuplicateEntry: {Text{"重复行", "duplicate row"},
		Text{"“{name}”在本表中重复出现（第 {first_line} 行）", "\"{name}\" appears twice in this table (row {first_line})"}},
	RuleDuplicateCode: {Text{"信用代码重复", "duplicate credit code"},
		Text{"“{name}”的统一社会信用代码 {code} 与第 {first_line} 行“{first_name}”的相同", "\"{name}\" has the credit code {code} of row {first_line} (\"{first_name}\")"}},
	RuleAnnualDiffers: {Text{"年报与12月累计不符", "annual return differs from December"},
		Text{"{year} 年{indicator}：年报{annual_files}为 {annual}{unit}，12 月月报（{month_file}）{what}为 {december}{unit}，相差 {diff}；{year} 年的数字取年报",
			"{indicator} {year}: the annual return{annual_files} says {annual} {unit}, December's monthly return ({month_file}) says {december} {unit} ({what}), a difference of {diff}; {year}'s figure is the annual return's"}},
	RuleAnnualOverMonths: {Text{"年报优先于月报", "annual return over months"},
		Text{"{year} 年{indicator}取年报 {annual}{unit}；该年的月报不全（缺 12 月），未用于年度数字，也无法与年报核对",
			"{indicator} {year} is the annual return's {annual} {unit}; that year's monthly returns lack December, so they are not used for the year and cannot be checked against it"}},
	RuleOtherYear: {Text{"其他年份的月报", "another year's returns"},
		Text{"{year} 年的月报{others}，本次汇总的是 {run} 年（截至 {as_of}）：只用作 {year} 年的数字（历年、同比、以上年为基数的目标），{year} 年其余月份不要求报送，不列为未报送",
			"a monthly return of {year}{others}, while this run is {run} (through {as_of}): used only for {year}'s figures (history, year on year, a target relative to last year); {year}'s other months are not owed in this run and not listed as missing"}},
	RuleFutureSave: {Text{"保存时间在未来", "save time in the future"},
		Text{"文件记录的保存时间（{saved}）晚于本次运行的时间（{now}），不可能，未采用：不据此判断是否逾期，也不据此在同期的几个文件中选用此文件",
			"the file records a save time ({saved}) later than this run ({now}), which is impossible, so it is not believed: it neither makes the file late nor makes it count over another file of its month"}},
	RuleExternalLink: {Text{"引用其他工作簿", "refers to another workbook"},
		Text{"数值 {value} 来自公式 {formula}，引用另一个工作簿的单元格：表上显示的是上次更新链接时那个文件中的数，已照常读取；请直接填写数字并核实",
			"{value} comes from the formula {formula}, a cell of another workbook: the sheet shows what that file held when the link was last updated; read as usual: type the figure itself and check it"}},
	RulePeriodDiffers: {Text{"表中报告期与文件不符", "title states another month"},
		Text{"表头写的报告期是 {stated}，而本文件按 {period} 汇总：请核实这是哪个月的数据，改正表头或文件",
			"the title states the period {stated}, but this file is consolidated as {period}: say which month the figures are, and correct the title or the file"}},
	RuleLate: {Text{"逾期报送", "late submission"},
		Text{"逾期报送：文件保存于 {saved}，截止日期为 {due}", "submitted late: saved {saved}, due {due}"}},
	RuleLateUpload: {Text{"逾期上传", "late upload"},
		Text{"逾期报送：上传于 {received}，截止日期为 {due}", "submitted late: uploaded {received}, due {due}"}},
	RuleSpec: {Text{"审核公式", "spec rule"},
		Text{"审核公式 {id}（{expr}）不成立：{text}（左边 {left}，右边 {right}）", "rule {id} ({expr}) does not hold: {text} (left {left}, right {right})"}},
	RuleFigureInNote: {Text{"说明栏中是数字", "a figure in the notes column"},
		Text{"说明栏填的是数字“{value}”：说明栏的内容不计入汇总；如这是本行的数据，请填到数据栏",
			"the notes column holds the figure \"{value}\": notes are not consolidated; if it is this row's figure, type it in its figure column"}},
	RuleHiddenCell: {Text{"隐藏单元格", "hidden cell"},
		Text{"数值 {value} 位于隐藏的{where}中，请取消隐藏并核实", "{value} is in a hidden {where}; unhide it and check"}},
	RuleMergedBlank: {Text{"合并单元格占去了应填的格", "merged cells took a cell to fill"},
		Text{"本格被合并进 {range}，表上显示的是 {anchor} 的内容，本格没有数字：本行未汇总；请取消合并，每格分别填写数字（" + NoneRule[0] + "）",
			"this cell was merged into {range}: the sheet shows what {anchor} holds, and this cell has no figure, so its row was not consolidated; unmerge the cells and type each cell's figure (" + NoneRule[1] + ")"}},
	RuleMergedCell: {Text{"合并单元格遮住的数据", "figure under merged cells"},
		Text{"数值 {value} 被合并单元格遮住（表上只显示合并区域第一个单元格的内容），但照常读取；请取消合并并核实", "{value} is covered by merged cells (the sheet shows only the first cell of the merged area) but read as usual; unmerge them and check"}},
	RuleFormatHides: {Text{"格式隐藏的数据", "figure hidden by its format"},
		Text{"数值 {value} 的数字格式不显示任何内容（如 ;;;），表上看不到，但照常读取；请改回数值格式并核实", "{value} has a number format that shows nothing (such as ;;;), so it is not seen on the sheet, but it is read as usual; set a number format back and check it"}},
	RuleHiddenSheet: {Text{"隐藏的工作表", "hidden sheet"},
		Text{"工作表“{sheet}”被隐藏，打开文件时看不到，其中的 {figures} 个数字照常读取；请取消隐藏并核实",
			"sheet \"{sheet}\" is hidden, not seen when the file is opened; its {figures} figures were read as usual: unhide it and check"}},
	RuleFormatScales: {Text{"格式改变数量级", "format shows another magnitude"},
		Text{"存储的数字是 {value}，但数字格式 {format} 把它显示成另一个数量级（千位缩放，或“万元”显示用的假小数点），表上看到的不是存储的数字，未汇总；请直接填入以{unit}为单位的数字，并把格式改为常规数值格式",
			"the stored figure is {value}, but the number format {format} shows it at another magnitude (scaled by thousands, or a literal point such as 0!.0000, which shows yuan as ten-thousands): the sheet does not show the figure stored, so it was not consolidated; type the figure in {unit} and set a plain number format"}},
	RuleFormatText: {Text{"格式只显示文字", "format shows only text"},
		Text{"存储的数字是 {value}，但数字格式 {format} 不显示这个数字，只显示文字“{shown}”：表上看到的不是存储的数字，未汇总；请直接填入以{unit}为单位的数字，并把格式改为常规数值格式",
			"the stored figure is {value}, but the number format {format} shows none of its digits, only the text \"{shown}\": the sheet does not show the figure stored, so it was not consolidated; type the figure in {unit} and set a plain number format"}},
	RuleDuplicateHeader: {Text{"表头重复", "header twice"},
		Text{"表头“{header}”出现两次（{first} 列和 {column} 列）：按 {first} 列读取，{column} 列的数字未汇总；请删除多出的列",
			"the header \"{header}\" occurs twice (columns {first} and {column}): column {first} is read, the figures of column {column} were not consolidated; delete the extra column"}},
	RuleFontHides: {Text{"字体颜色隐藏的数据", "figure hidden by its colour"},
		Text{"数值 {value} 的字体颜色与底色相同（如白底白字），表上看不到，但照常读取；请改回黑色字体并核实",
			"{value} is set in the colour of its background (white on white), so it is not seen on the sheet, but it is read as usual; set a black font and check it"}},
	RuleCondHides: {Text{"条件格式隐藏的数据", "figure hidden by a conditional format"},
		Text{"数值 {value} 被条件格式设成与底色相同的颜色（如白底白字），表上看不到，但照常读取；请清除该单元格的条件格式并核实",
			"{value} is set in the colour of its background by a conditional format (white on white), so it is not seen on the sheet, but it is read as usual; clear the cell's conditional format and check it"}},
	RuleOutsideArea: {Text{"填报区域外数据", "outside the input area"},
		Text{"“{value}”填在填报区域之外，未汇总", "\"{value}\" is outside the input area and was not consolidated"}},
	RuleCodeNames: {Text{"一码多名", "one code, two names"},
		Text{"统一社会信用代码 {code} 在 {first_file} 中对应“{first_name}”，此处为“{name}”", "credit code {code} is \"{first_name}\" in {first_file} but \"{name}\" here"}},
	RuleCodeChanged: {Text{"信用代码与上月不同", "credit code differs from last month's"},
		Text{"“{name}”的统一社会信用代码 {code} 与{known}不同{diff}：请核实哪个正确；如确是该企业的代码有变，请在“说明”栏注明",
			"\"{name}\" has the credit code {code}, which differs from {known}{diff}: confirm which is right; if the enterprise's code did change, say so in the notes column"}},
	RuleNoFingerprint: {Text{"非模板文件", "not a template"},
		Text{"不是由 tally 模板生成的文件（可能是自制表格），已按表头读取，请改用下发的模板", "not made from a tally template (a hand-made look-alike?); read by its headers; use the template issued"}},
	RuleWrongTemplate: {Text{"模板与文件名不符", "wrong template"},
		Text{"文件名表明是 {by_name}，但所用模板是 {by_template} 的，请用本期模板重新填报", "the name says {by_name} but the template is for {by_template}; fill in this period's template"}},
	RuleOldTemplate: {Text{"旧版模板", "old template"},
		Text{"模板版本已过期（{version}，版式 {layout}），已按表头读取，请改用最新模板", "made from an older template ({version}, layout {layout}); read by its headers; use the current template"}},
	RuleFollows: {Text{"随引用格而错", "follows from another cell"},
		Text{"{value} 由公式 {formula} 从 {cause} 算得，{cause} {rule}，改正 {cause} 后此格随之改正",
			"{value} is computed by {formula} from {cause} ({rule} there): correcting {cause} corrects it"}},
	RuleRange: {Text{"超出允许范围", "out of range"},
		Text{"{value} 超出允许范围 {range}，本行未汇总{hint}", "{value} is outside the allowed range {range}, so its row was not consolidated{hint}"}},
	RuleChoice: {Text{"不在下拉列表中", "not a listed choice"},
		Text{"“{value}”不在下拉列表中", "\"{value}\" is not one of the listed choices"}},
	RuleAppears: {Text{"本月新增行", "row appears"},
		Text{"“{name}”本月新出现（上月 {prev} 无此行）", "\"{name}\" appears this month (not in {prev})"}},
	RuleDisappears: {Text{"本月缺少上月的行", "row disappears"},
		Text{"“{name}”上月（{prev}）有、本月无", "\"{name}\" was in {prev} and is gone this month"}},
	RuleUnreadableFolder: {Text{"文件夹无法读取", "unreadable folder"},
		Text{"无法读取文件夹，其中的文件未检查：{reason}", "cannot read the folder; the files in it were not checked: {reason}"}},
	RuleNotAnnotated: {Text{"批注副本未写出", "annotated copy not written"},
		Text{"未能写出批注副本：{reason}", "the annotated copy could not be written: {reason}"}},
	RuleTooManyFindings: {Text{"问题过多", "too many findings"},
		Text{"本文件问题过多，只列出前 {listed} 个，另有 {more} 个未列出（其中错误 {errors} 个）", "too many findings in this file: the first {listed} are listed, {more} more are not ({errors} of them errors)"}},
	RuleNotChecked: {Text{"未做的核对", "check not run"},
		Text{"{check}未进行：需要在内存中保留的数据超过 {limit} 个的上限；合计照常精确汇总", "{check}: not run, it would hold more than {limit} entries in memory (the limit); totals are consolidated exactly as usual"}},
	RuleIdenticalCopy: {Text{"内容相同的副本", "identical copy"},
		Text{"与 {used} 内容完全相同（同一文件的副本），只汇总一次（按 {used} 汇总）", "identical to {used} byte for byte (a copy of the same file); consolidated once, as {used}"}},
	RuleSameFile: {Text{"同一文件", "same file"},
		Text{"与 {used} 是同一文件（硬链接或符号链接），只读取一次，按 {used}", "the same file as {used} (a hard or symbolic link); read once, as {used}"}},
	RuleNotSubmission: {Text{"非报送文件（已跳过）", "not a submission (skipped)"},
		Text{"不是电子表格，文件名也不是报送文件名（期别-单位代码），已跳过；如果这是报表，请另存为 .xlsx",
			"not a spreadsheet, nor named as a submission (period-department): skipped; if it is a return, save it as .xlsx"}},
	RuleCompanion: {Text{"随附文件（未读取）", "accompanying file (not read)"},
		Text{"本期报表以 {used} 为准；此文件不是电子表格（如盖章扫描件），未读取",
			"{used} is this period's return; this file is not a spreadsheet (a stamped scan, say) and was not read"}},
	RuleOwnWorkbook: {Text{"汇总工作簿（已跳过）", "consolidated workbook (skipped)"},
		Text{"这是 tally 写出的汇总工作簿，不是报送文件，已跳过，未汇总", "a consolidated workbook written by tally, not a submission: skipped, not consolidated"}},
	RuleUnfilledTemplate: {Text{"空白模板（已跳过）", "blank template (skipped)"},
		Text{"tally 生成的模板，尚未填写（写出后没有再保存过），未作为报送文件读取", "a template tally wrote, not filled in (not saved since it was written): not read as a return"}},
	RuleAnnotatedCopy: {Text{"批注副本（已跳过）", "annotated copy (skipped)"},
		Text{"tally 生成的批注副本，未作为报送文件读取（写出后未再保存过；部门改正后保存的副本按报表读取）", "an annotated copy tally wrote, not read as a return (not saved since it was written; a copy a department corrected and saved is read as its return)"}},
	RuleLongText: {Text{"单元格内容过长", "long cell text"},
		Text{"单元格内容长 {length} 个字符，问题说明中只显示前 {shown} 个", "the cell holds {length} characters; findings show the first {shown}"}},
	RuleDate: {Text{"日期不是数字", "date in a figure cell"},
		Text{"此格是日期或时间 {date}，不是数字，未汇总；应填写{expected}（如确为数字，请把单元格格式改为“数值”后重新填写）",
			"this cell holds the date or time {date}, not a number, and was not consolidated; expected {expected} (if it is a figure, set the cell's format to Number and type it again)"}},
	RuleFooter: {Text{"非数据行", "not a data row"},
		Text{"“{text}”等不是数据行的文字（填表人、联系电话、注等），未作为数据读取",
			"\"{text}\" and other text that is not a data row (who filled it in, a phone number, a note) was not read as data"}},
	RuleBelowTotal: {Text{"合计行以下的数据", "row below the total"},
		Text{"{row}在合计行以下：{done}；表中的合计不含此行，请把它移到合计行以上",
			"{row} is below the 合计 row: {done}; the sheet's own total leaves it out: move it above the 合计"}},
	RuleODSName: {Text{"扩展名与格式不符", "OpenDocument under another extension"},
		Text{"文件实际是 OpenDocument 表格（.ods），扩展名却不是 .ods；已按 .ods 读取",
			"the file is an OpenDocument spreadsheet (.ods) under another extension; it was read as .ods"}},
	RuleOtherSheet: {Text{"多余的工作表", "sheet not of the template"},
		Text{"工作表“{sheet}”{seen}不是本单位报表的一部分，其中 {figures} 个数字未读取、未汇总；{todo}",
			"sheet \"{sheet}\"{seen} is not one of this department's tables; its {figures} figures were not read; {todo}"}},
	RuleSecondTotal: {Text{"多余的合计行", "second total row"},
		Text{"又一个合计行“{name}”（第一个合计在第 {first_line} 行），未读取、未核对；请删除多余的合计行",
			"another total row \"{name}\" (the first is on row {first_line}) was neither read nor compared; delete the extra total row"}},
	RuleSubtotal: {Text{"小计行", "subtotal row"},
		Text{"“{name}”是小计行{sums}：它的数字是其他行之和，那些行已各自汇总，此行未汇总（否则重复计算），汇总数不受影响；请删除小计行，表中只留各单位的行和合计行",
			"\"{name}\" is a subtotal row{sums}: its figures are a sum of other rows, which were consolidated themselves; it was not (that would count them twice), and the totals are right; delete the subtotal row and keep only the entities' rows and the total"}},
	RuleFooterFigures: {Text{"说明行中有数字", "figures in a note row"},
		Text{"“{name}”是填表人、联系电话等说明行，却在数字栏填了数字，该行未汇总；如确是一行数据，请填写单位名称",
			"\"{name}\" is a line such as who filled it in or a phone number, but has numbers in figure columns; the row was not consolidated; if it is data, give the entity's name"}},
	RuleNotAnInput: {Text{"非填报项中的数据", "value in a locked cell"},
		Text{"此格不是本行的填报项（灰色锁定单元格），所填“{value}”未汇总；请删除，或填到本行应填的栏目",
			"this cell is not an input of its line (a grey, locked cell); \"{value}\" was not consolidated; delete it or type it in the line's own column"}},
	RuleTotalNoValue: {Text{"合计公式无计算结果", "total formulas without values"},
		Text{"合计行的公式没有计算结果（文件由程序生成或未重新计算）：tally 已自行计算合计，但无法与表中的合计核对",
			"the 合计 formulas carry no value (a file written by a program, or not recalculated): tally computes the totals itself but cannot compare them with the sheet's"}},
	RuleTextBreaksFormula: {Text{"文本数字使公式出错", "a text figure breaks a formula"},
		Text{"数字 {value} 以文本形式填写，已按数字接收；但引用它的本年累计 {cell} 的公式 {formula} 因此显示 #VALUE!（表中引用该列的合计也随之出错）{also}。汇总已按 {ytd} 计入本年累计；请把此格改为纯数字（删去单位“万元”等文字、空格或前面的 '）后重新报送",
			"{value} was typed as text and accepted as a number, but the year-to-date formula {formula} in {cell} that uses it shows #VALUE! because of it (and so does a total that sums that column){also}. The consolidation counts {ytd} for that year-to-date figure; make this cell a plain number (delete a unit, spaces or a leading ') and send it again"}},
	RuleNoFigures: {Text{"没有填写数字", "no figures"},
		Text{"本文件的各表中没有一个数字（可能是把空白模板报送了）：本期数据未报", "no value cell of this file's tables holds a figure (a blank template sent, perhaps): this period's figures are not in it"}},
	RuleSumSkipsText: {Text{"合计公式跳过文本数字", "total skips a text figure"},
		Text{"数字 {value} 以文本形式填写，已按数字接收；但表中合计公式（{total_cell}）按文本跳过了它，合计少了 {short}。请把此格改为纯数字（删去数字以外的文字，如单位“万元”、空格或前面的 '；或把单元格格式改为“数值”后重新输入）",
			"{value} was typed as text and accepted as a number, but the sheet's own 合计 formula ({total_cell}) skips text, so it is short by {short}; make this cell a plain number (delete what is not the number, such as a unit, spaces or a leading '; or set the format to Number and type it again)"}},
}

// manyText is a rule's text for a finding said once for several cells
// (Cells), where its one-cell text would not read: it places the same
// fields.
var manyText = map[Rule]Text{
	RuleTextNumber: {"数字以文本形式填写，已按{value}接收", "numbers typed as text, accepted as {value}"},
	RuleSumSkipsText: {"{value}以文本形式填写，已按数字接收；但表中合计公式（{total_cell}）按文本跳过了它们，合计少了 {short}。请把这些格改为纯数字（删去数字以外的文字，如单位“万元”、空格或前面的 '；或选中这些格，把格式改为“数值”后重新输入）",
		"{value} were typed as text and accepted as numbers, but the sheet's own 合计 formula ({total_cell}) skips text, so it is short by {short}; make these cells plain numbers (delete what is not the number, such as a unit, spaces or a leading '; or select them, set the format to Number and type them again)"},
}

// NoneRule is what a department types in a value cell for a figure that did
// not occur: 0, never an empty cell, because an empty cell and a zero are
// different things (an empty one is a figure not reported). The template's
// instructions, its input prompts and the required-cell findings all say it.
var NoneRule = Text{"没有发生时填 0，不要留空", "type 0 when there is none; do not leave it empty"}

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

// In returns the severity's word in lang: 错误, 警告, 提示.
func (s Severity) In(lang Lang) string {
	switch s {
	case Error:
		return Text{"错误", "error"}.In(lang)
	case Warning:
		return Text{"警告", "warning"}.In(lang)
	case Info:
		return Text{"提示", "info"}.In(lang)
	}
	return string(s)
}

// Rules lists every rule of the catalogue, sorted by code.
func Rules() []Rule {
	out := make([]Rule, 0, len(catalogue))
	for r := range catalogue {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Name returns the rule's name in lang (本年累计衔接), or its code when
// the catalogue has none.
func (r Rule) Name(lang Lang) string {
	if m, ok := catalogue[r]; ok {
		return m.name.In(lang)
	}
	return string(r)
}

// Label returns the rule's name with its code beside: 本年累计衔接 (ytd_chain).
func (r Rule) Label(lang Lang) string {
	return r.Name(lang) + " (" + string(r) + ")"
}

// MessageFields returns the names of the fields the rule's message places,
// in the order of its Chinese text, and whether the rule is catalogued.
func MessageFields(r Rule) ([]string, bool) {
	m, ok := catalogue[r]
	if !ok {
		return nil, false
	}
	return placeholders(m.text[0]), true
}

// MessageText returns the rule's raw message text in lang, {field}s unfilled.
func MessageText(r Rule, lang Lang) string {
	return catalogue[r].text.In(lang)
}

// Message renders the finding in lang. A field the finding lacks shows as
// {name}, which the catalogue's tests catch.
func (f Finding) Message(lang Lang) string {
	m, ok := catalogue[f.Rule]
	if !ok {
		return string(f.Rule)
	}
	t := m.text
	if many, ok := manyText[f.Rule]; ok && len(f.Cells) > 1 {
		t = many
	}
	text := fill(t.In(lang), f.Fields, lang)
	if len(f.Cells) > 1 {
		text += cellCount(len(f.Cells), lang)
	}
	return text
}

// CheckFields reports a field the finding's message needs but lacks, or
// carries but the message does not place.
func (f Finding) CheckFields() error {
	want, ok := MessageFields(f.Rule)
	if !ok {
		return fmt.Errorf("rule %s has no message", f.Rule)
	}
	for _, k := range want {
		if _, ok := f.Fields[k]; !ok {
			return fmt.Errorf("rule %s: field {%s} missing", f.Rule, k)
		}
	}
	for k := range f.Fields {
		if !contains(want, k) {
			return fmt.Errorf("rule %s: field {%s} not in the message", f.Rule, k)
		}
	}
	return nil
}

// placeholders lists the {field} names of a text, each once, in order.
func placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		if k := s[i+1 : i+j]; !contains(out, k) {
			out = append(out, k)
		}
		s = s[i+j+1:]
	}
}

// fill replaces each {field} of s by its value in lang; a missing field
// stays {field}.
func fill(s string, fields Fields, lang Lang) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		k := s[i+1 : i+j]
		switch v, ok := fields[k]; {
		case !ok:
			b.WriteString(s[i : i+j+1])
		default:
			if t, isText := v.(Text); isText {
				v = t.In(lang)
			}
			fmt.Fprint(&b, v)
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

var verdictWords = map[ClaimStatus]Text{
	Consistent:    {"一致", "consistent"},
	Mismatch:      {"不符", "mismatch"},
	NoData:        {"无数据", "no data"},
	Incomplete:    {"数据不完整", "incomplete"},
	Unmapped:      {"未对应指标", "unmapped"},
	Goal:          {"目标", "target"},
	NotApplicable: {"不适用", "not applicable"},
}

// In returns the verdict's words in lang: 一致, 不符, 无数据, 数据不完整, 未对应指标.
func (s ClaimStatus) In(lang Lang) string {
	if t, ok := verdictWords[s]; ok {
		return t.In(lang)
	}
	return string(s)
}

// Fill places fields into a text of lang with {field} placeholders, as the
// catalogue's messages do: for the messages of the adapters and commands.
func Fill(t Text, fields Fields, lang Lang) string { return fill(t.In(lang), fields, lang) }
