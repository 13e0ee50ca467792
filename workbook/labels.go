package workbook

import "github.com/jingwu/tally/reconcile"

// label returns a workbook label in lang: labels are {Chinese, English}.
func label(lang reconcile.Lang, l [2]string) string {
	return reconcile.Text(l).In(lang)
}

var sheetNames = map[string][2]string{
	"overview": {"概览", "Overview"},
	"figures":  {"汇总", "Consolidated"},
	"years":    {"历年", "By year"},
	"status":   {"报送情况", "Submissions"},
	"claims":   {"报告核对", "Claims"},
	"findings": {"问题清单", "Findings"},
	"detail":   {"明细", "Detail"},
	"inputs":   {"来源文件", "Inputs"},
}

var measureLabel = map[reconcile.Measure][2]string{
	reconcile.MonthValue: {"本月", "month"},
	reconcile.YTDValue:   {"本年累计", "year to date"},
	reconcile.LevelValue: {"期末数", "level"},
	reconcile.YearValue:  {"本年", "year"},
}

var inputStatus = map[string][2]string{
	"ok":             {"正常", "ok"},
	"findings":       {"有问题", "findings"},
	"unreadable":     {"无法读取", "unreadable"},
	"duplicate":      {"重复报送", "duplicate"},
	"skipped":        {"晚于截至月份，未汇总", "after the as-of month, not consolidated"},
	"same_file":      {"与另一路径是同一文件，只读取一次", "the same file as another path, read once"},
	"not_submission": {"不是报送文件，已跳过", "not a submission, skipped"},
	"consolidated":   {"tally 写出的汇总工作簿，已跳过", "a consolidated workbook written by tally, skipped"},
	"template":       {"tally 生成的空白模板，已跳过", "a blank template written by tally, skipped"},
	"annotated":      {"tally 生成的批注副本，已跳过", "an annotated copy written by tally, skipped"},
}

var submissionLabel = map[string][2]string{
	reconcile.Submitted: {"已报送", "submitted"},
	reconcile.Missing:   {"未报送", "missing"},
	reconcile.Rejected:  {"退回", "rejected"},
	reconcile.Late:      {"逾期", "late"},
}
