package reconcile

// advice says, per rule, what a department does about a finding: the
// "what to do" column of the 审核 result it reads on the reporting desk.
var advice = map[Rule]Text{
	RuleUnreadable:        {"用 Excel 打开文件，另存为 .xlsx（不加密码）后重新报送", "open the file in Excel, save it as .xlsx without a password and send it again"},
	RuleUnknownFile:       {"请下载本期模板，把数据填入模板后上传", "download this period's template, fill it in and upload that"},
	RuleDuplicateFile:     {"本文件未汇总（已采用 {used}）；如本文件才是要报的，请改正后重新报送本文件，同一期只报一个文件", "this file was not consolidated ({used} counts); if this is the one meant, correct it and send it again, one file per period"},
	RuleMissingSheet:      {"改回原工作表名“{sheet}”（或从本期模板补回该表）后重新报送；不要删除或改名模板的工作表", "rename the sheet back to \"{sheet}\" (or take it back from this period's template) and send it again; do not delete or rename the template's sheets"},
	RuleOtherSheet:        {"{todo}", "{todo}"}, // names the table's sheet to rename back, when one is missing
	RuleMissingColumn:     {"请使用本期模板，不要删除或修改表头", "use this period's template; do not delete or change its headers"},
	RuleNotANumber:        {"在该单元格填写数字（不带单位和文字），" + NoneRule[0], "type a number in the cell (no unit or words); " + NoneRule[1]},
	RuleTextNumber:        {"已按数字读取；如不是此数，请改为数字格式重新填写", "read as a number; if that is not the figure, retype it as a number"},
	RuleTextBreaksFormula: {"把此格改为纯数字（删去单位“万元”等文字、空格或前面的 '，或把单元格格式改为“数值”后重新输入），保存后重新报送：本年累计和合计的公式才会显示数字", "make the cell a plain number (delete a unit, spaces or a leading ', or set the format to Number and type it again), save and send it again, so the 本年累计 and 合计 formulas show figures"},
	RuleSumSkipsText:      {"把此格改为纯数字（删去单位“万元”等文字、空格或前面的 '，或把单元格格式改为“数值”后重新输入），保存后重新报送：表中合计和引用它的公式才会算上它", "make the cell a plain number (delete a unit, spaces or a leading ', or set the format to Number and type it again), save and send it again, so the sheet's 合计 and the formulas that refer to it count it"},
	RuleNoCachedValue:     {"在 Excel 中打开文件、重新计算并保存后再上传", "open the file in Excel, recalculate, save and send it again"},
	RuleFormulaError:      {"改正公式所引用单元格中的错误（如把文字改为数字），重新计算并保存后再上传", "correct the cells the formula refers to (a number where there is text), recalculate, save and send it again"},
	RuleFormulaDiffers:    {"在 Excel 中打开文件、重新计算（公式 → 开始计算）并保存后再上传", "open the file in Excel, recalculate (Formulas → Calculate Now), save and send it again"},
	RulePrecision:         {"按指标规定的小数位数填写", "type the figure with the indicator's number of decimals"},
	RuleNegative:          {"该指标不能为负数，请核实后修改", "this indicator cannot be negative: check and correct it"},
	RuleRequired:          {"该单元格必须填写", "this cell must be filled in"},
	RuleCreditCode:        {"核对 18 位统一社会信用代码（可在国家企业信用信息公示系统查询）", "check the 18-character unified social credit code"},
	RuleUnknownLine:       {"只在模板的填报区域内填写", "fill in only the template's input rows"},
	RuleTotalMismatch:     {"合计行应等于各行之和：核对各行数字或合计", "the 合计 row must equal the sum of the rows: check the rows or the total"},
	RuleTotalRange:        {"删除插入的行，改在表的中间（不在第一个数据行之前、也不紧挨合计行之上）插入一行再填写，合计公式会自动包括它；或撤销工作表保护后把合计公式改为 {fix}。保存后重新报送", "delete the inserted row and insert it again in the middle of the table (not before the first data row, not right above the 合计), where the 合计 formula takes it in by itself; or unprotect the sheet and change the 合计 formula to {fix}. Save and send it again"},
	RuleNoTotal:           {"请保留并填写合计行", "keep and fill in the 合计 row"},
	RuleYTDChain:          {"本年累计应为上月本年累计加本月数；如修订了上月数，请在“说明”栏注明", "本年累计 must be last month's plus this month's; if you revised last month, say so in the 说明 column"},
	RuleYTDBelowMonth:     {"本年累计不应小于本月数，请核实", "本年累计 cannot be below this month's figure: check it"},
	RuleMissing:           {"请尽快报送", "send the file"},
	RuleStockDrop:         {"核实期末数（存量，不是新增数）；确属实际情况请在“说明”栏注明", "check the level (the stock, not the additions); if it is right, explain it in the 说明 column"},
	RuleMonthJump:         {"核实本月数及其单位（列标题所示）；确属实际情况请在“说明”栏注明", "check this month's figure and its unit (the column header's); if it is right, explain it in the 说明 column"},
	RuleDuplicateEntry:    {"同一单位（项目、村）只填一行，请合并重复行", "one row per enterprise, project or village: merge the duplicates"},
	RuleDuplicateCode:     {"核实信用代码：同一企业只填一行（合并两行）；不同企业请改正代码", "check the credit code: one row per enterprise (merge the two); for different enterprises, correct the code"},
	RuleAnnualDiffers:     {"核实年报与 12 月月报的本年累计，如年报已修订，请在年报“说明”栏注明", "check the annual return against December's year-to-date; if the annual figure was revised, say so in its 说明 column"},
	RuleFutureSave:        {"请核对电脑的日期和时间，重新保存后再报送", "check the computer's date and time, save the file again and send it"},
	RuleExternalLink:      {"把公式改为直接填写的数字（复制后“选择性粘贴 → 数值”），核实后重新报送", "replace the formula with the figure (copy, then Paste Special → Values), check it and send it again"},
	RulePeriodDiffers:     {"核实数据所属月份：改正表头的报告期，或按正确的月份重新命名、重新报送", "check which month the figures are: correct the title's period, or name the file for the right month and send it again"},
	RuleLate:              {"下期请在截止日前报送", "send next month's file before the deadline"},
	RuleLateUpload:        {"下期请在截止日前上传", "upload next month's file before the deadline"},
	RuleSpec:              {"按审核公式核实数字；确属实际情况请在“说明”栏注明原因", "check the figures against the rule; if they are right, explain why in the 说明 column"},
	RuleFigureInNote:      {"把数字填到本行应填的数据栏；如确是说明，请用文字写明这个数是什么", "type the figure in its column of the row; if it is a note, say in words what the number is"},
	RuleHiddenCell:        {"取消隐藏该行或列，核实数据后重新报送", "unhide the row or column, check the data and send it again"},
	RuleSubtotal:          {"删除小计行（合计行只算各单位的行，不要再加上小计），保存后重新报送", "delete the subtotal row (the total row sums the entities' rows, not the subtotal too), save and send it again"},
	RuleMergedBlank:       {"取消合并单元格，每格分别填写数字后重新报送", "unmerge the cells, type each cell's figure and send it again"},
	RuleMergedCell:        {"取消合并单元格，核实每个单元格的数据后重新报送", "unmerge the cells, check each cell's figure and send it again"},
	RuleFormatHides:       {"把单元格格式改回“数值”，核实数据后重新报送", "set the cell's format back to a number format, check the figure and send it again"},
	RuleHiddenSheet:       {"取消隐藏该工作表，核实数据后重新报送", "unhide the sheet, check the data and send it again"},
	RuleFormatScales:      {"按列标题的单位直接填入数字，把单元格格式改为“数值”", "type the figure in the column's unit and set the cell's format to a plain number"},
	RuleFormatText:        {"按列标题的单位直接填入数字，把单元格格式改为“数值”", "type the figure in the column's unit and set the cell's format to a plain number"},
	RuleDuplicateHeader:   {"删除复制出的多余列，只在模板原有的列中填写", "delete the copied column; fill in only the template's own columns"},
	RuleFontHides:         {"把字体颜色改回黑色（自动），核实数据后重新报送", "set the font colour back to black (automatic), check the figure and send it again"},
	RuleCondHides:         {"清除该单元格的条件格式（开始 → 条件格式 → 清除规则），核实数据后重新报送", "clear the cell's conditional format (Home → Conditional Formatting → Clear Rules), check the figure and send it again"},
	RuleOutsideArea:       {"只在模板的填报区域内填写，删除区域外的数据", "fill in only the template's input area; delete what is outside it"},
	RuleCodeNames:         {"同一信用代码只对应一个单位名称，请统一名称", "one credit code, one name: make the names agree"},
	RuleCodeChanged:       {"核实哪个代码正确；改正录错的，确有变更的在“说明”栏注明", "confirm which code is right: correct a slip, explain a real change in the notes column"},
	RuleAppears:           {"核实该单位是否为本年新增；如是请在“说明”栏注明", "check whether the entity is new this year; if so, say so in the 说明 column"},
	RuleNoFingerprint:     {"请下载本期模板，把数据填入模板后上传", "download this period's template, fill it in and upload that"},
	RuleWrongTemplate:     {"这是别的单位或别的期的模板：请下载本单位本期模板", "this is another department's or period's template: download your own for this period"},
	RuleOldTemplate:       {"请改用本期模板", "use this period's template"},
	RuleChoice:            {"从下拉列表中选择", "pick a value from the drop-down list"},
	RuleFollows:           {"改正 {cause} 即可，此格由公式算得", "correct {cause}; this cell is computed from it"},
	RuleRange:             {"数字超出允许范围，本行未汇总：核实单位（元、万元）和位数后改正", "the figure is outside its range and its row was not consolidated: check the unit (元 or 万元) and the digits, and correct it"},
	RuleUnfilledTemplate:  {"无需处理：这是下发的空白模板；部门填好后报送的文件照常读取", "nothing to do: it is the blank template sent out; the file a department fills in and sends is read as usual"},
	RuleAnnotatedCopy:     {"无需处理：批注副本是退给部门修改的；部门改正后重报的文件照常读取", "nothing to do: the annotated copy goes back to the department; the corrected file it sends is read as usual"},
	RuleDisappears:        {"核实该单位是否已停报；如是请在“说明”栏注明", "check whether the entity stopped reporting; if so, say so in the 说明 column"},
	// File-level notes, which no 说明 column answers: what, if anything,
	// to do (the fallback below would ask for a 说明 they have none of).
	RuleDuplicateUsed:    {"无需处理：本文件已采用，另一份未汇总；如另一份才是要报的，请撤回本文件", "nothing to do: this file counts and the other was not consolidated; if the other is the one meant, withdraw this one"},
	RuleIdenticalCopy:    {"无需处理：内容相同的副本只汇总一次；可删除多余的副本", "nothing to do: an identical copy is consolidated once; the spare copy can be deleted"},
	RuleSameFile:         {"无需处理：同一文件只读取一次", "nothing to do: the same file is read once"},
	RuleOwnWorkbook:      {"无需处理：汇总工作簿不是报送文件；可把它存到报送文件夹之外", "nothing to do: a consolidated workbook is not a submission; it can be kept outside the returns' folder"},
	RuleNotSubmission:    {"如果这是报表，请另存为 .xlsx，按“报告期-单位代码”命名；否则无需处理", "if it is a return, save it as .xlsx named period-department; otherwise nothing to do"},
	RuleCompanion:        {"无需处理：以同期的电子表格为准，此文件留存备查", "nothing to do: the spreadsheet of the same period counts; this file is kept for the record"},
	RuleTotalNoValue:     {"无需处理：tally 已自行计算合计；如要与表中的合计核对，请在 Excel 中打开、保存后重新报送", "nothing to do: tally computed the totals itself; to have the sheet's totals compared, open the file in Excel, save it and send it again"},
	RuleTooManyFindings:  {"先改正已列出的问题，重新审核时会列出其余问题", "correct the findings listed first; checking again lists the rest"},
	RuleNotAnnotated:     {"按问题清单逐项在原文件中改正", "correct the original file finding by finding, as listed"},
	RuleUnreadableFolder: {"检查该文件夹的访问权限后重新运行", "check the folder's permissions and run again"},
	RuleLongText:         {"无需处理：问题说明中只显示开头；如是“说明”栏，写清要点即可", "nothing to do: findings show its start; in a 说明 column, the gist is enough"},
	RuleNotAnInput:       {"删除此格的数字，或填到本行应填的栏目", "delete the figure here, or type it in the row's own column"},
	RuleNoFigures:        {"填写本期数字后重新报送；没有发生的填 0", "fill in this period's figures and send it again; type 0 where there is none"},
	RuleFooter:           {"无需处理：填表人、联系电话、注等文字行不作为数据读取", "nothing to do: rows such as the filler's name, a phone number or a note are not read as data"},
}

// Advice is what to do about a finding, in lang; its {fields} are the
// finding's (missing_sheet names the sheet to rename back).
func (f Finding) Advice(lang Lang) string {
	if t, ok := advice[f.Rule]; ok {
		return fill(t.In(lang), f.Fields, lang)
	}
	if f.Severity == Error {
		return Text{"请核实并修改后重新报送", "check, correct and send it again"}.In(lang)
	}
	return Text{"请核实；确属实际情况请在“说明”栏注明", "check it; if it is right, explain in the 说明 column"}.In(lang)
}
